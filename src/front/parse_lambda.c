/*
 * parse_lambda.c — lambda expressions in device code, as closure classes.
 *
 * `[captures](params) mutable? -> R? { body }` becomes an unnamed class
 * with one field per captured variable and a member `operator()` whose
 * return type is deduced (`auto`, or R).  Which variables are captured is
 * found before the body is parsed, by looking up each identifier of the
 * body at the lambda's position: a local variable or parameter of the
 * enclosing function that the body names is captured, by copy (`=`, a
 * plain name) or by reference (`&`, `&name`, arrays and __shared__
 * variables always); a name that the body itself redeclares is captured
 * needlessly, which costs a field and changes nothing.  Fields carry the
 * captured names, so inside operator() the names find the fields; a
 * by-reference field holds the variable's address and reads through it.
 * The lambda's value is the closure object, built from the variables (or
 * their addresses); calling it, passing it to a function template or
 * storing it in `auto` is what any functor allows.
 *
 * Not supported (diagnosed): capturing `this` or members of the enclosing
 * class, init-captures `[x = e]`, generic lambdas (auto parameters).
 *
 * Extended lambdas of host code (`[=] __device__ (…) {…}` in a host
 * function, found by parse_host_lambda.c) take the same path with
 * parse_extended_lambda, but the host builds their closure object and the
 * kernel reads its bytes, so the layout follows rules g++ can be held to
 * (the host pass hands g++ the captures found here as an explicit list,
 * src/cc/rewrite.c): every capture is by copy (`[&]`, `&x` are diagnosed,
 * as nvcc does), a reference is copied as its value, explicit captures
 * come first in list order, then implicit ones in order of first use;
 * names the lambda's parameters or body declare are not captures, nor are
 * integral constants (the scan makes them SYM_CONST; g++ needs no capture
 * to read them).  The closure class is named by the caller
 * (`__cw_lambda_…`) and declared at global scope, where the run time's
 * kernel instance name finds it.
 */
#include <string.h>

#include "decl.h"

typedef struct Capture {
  Sym *sym;
  bool by_ref;
} Capture;

typedef struct Captures {
  bool def_copy, def_ref;
  bool host;            /* an extended lambda of host code: g++'s layout */
  bool names_only;      /* host mode in a template's body: types may be unknown */
  Token *start;         /* the introducer's '[' */
  PtrVec explicit_;     /* Capture*: named in the capture list */
  PtrVec found;         /* Capture*: what the closure holds */
  PtrVec own_names;     /* const char*: host mode, names the lambda declares */
  PtrVec *local_consts; /* Sym*: host mode, the host function's constants */
  PtrVec consts_used;   /* Sym*: those the body names */
} Captures;

static Capture *new_capture(Parser *p, Sym *s, bool by_ref) {
  Capture *c = arena_alloc(p->arena, sizeof *c);
  c->sym = s;
  c->by_ref = by_ref;
  return c;
}

static bool is_function_local(Sym *s) {
  return s && s->kind == SYM_VAR && s->var &&
         (s->var->kind == KV_LOCAL || s->var->kind == KV_PARAM) && !s->var->is_static;
}

static bool captured_const(PtrVec *v, Sym *s) {
  for (int i = 0; i < v->len; i++)
    if (v->items[i] == s) return true;
  return false;
}

static bool captured_name(PtrVec *v, const char *name) {
  for (int i = 0; i < v->len; i++)
    if (!strcmp(((Capture *)v->items[i])->sym->name, name)) return true;
  return false;
}

static _Noreturn void host_by_ref(Parser *p, Token *t, Captures *c) {
  error_tok(p, t,
            "capture by reference in the extended __device__ lambda at %d:%d: host variables "
            "cannot be reached from the device (nvcc rejects it too); capture by copy [=]",
            c->start->loc.line, c->start->loc.col);
}

/* lambda-introducer = "[" (capture-default | capture) ("," capture)* "]" */
static void parse_capture_list(Parser *p, Captures *c) {
  expect(p, "[");
  while (!equal(p->tok, "]")) {
    if (c->explicit_.len || c->def_copy || c->def_ref) expect(p, ",");
    Token *t = p->tok;
    if (equal(t, "=") && (equal(t->next, ",") || equal(t->next, "]"))) {
      c->def_copy = true;
      p->tok = t->next;
      continue;
    }
    if (equal(t, "&") && (equal(t->next, ",") || equal(t->next, "]"))) {
      if (c->host) host_by_ref(p, t, c);
      c->def_ref = true;
      p->tok = t->next;
      continue;
    }
    if (equal(t, "this") || equal(t, "*"))
      error_tok(p, t, "capturing 'this' in a lambda is not supported in device code");
    if (c->host && equal(t, "&")) host_by_ref(p, t, c);
    bool by_ref = consume(p, "&");
    Token *name = p->tok;
    expect_ident(p);
    if (equal(p->tok, "=") || equal(p->tok, "{") || equal(p->tok, "("))
      error_tok(p, name, "lambda init-captures are not supported in device code");
    Sym *s = lookup(p, name->spelling);
    if (c->host && s && s->kind == SYM_CONST && captured_const(c->local_consts, s)) {
      Sym *v = arena_alloc(p->arena, sizeof *v); /* g++ captures a constant named in the list */
      *v = *s;
      v->kind = SYM_VAR;
      v->var = new_var(p, KV_LOCAL, s->name, s->type, name->loc);
      s = v;
    }
    if (!is_function_local(s))
      error_tok(p, name, "'%s' in capture list does not name a variable", name->spelling);
    vec_push(p->arena, &c->explicit_, new_capture(p, s, by_ref));
    if (c->host) vec_push(p->arena, &c->found, new_capture(p, s, false)); /* list order */
  }
  p->tok = p->tok->next;
}

static Capture *captured(PtrVec *v, Sym *s) {
  for (int i = 0; i < v->len; i++)
    if (((Capture *)v->items[i])->sym == s) return v->items[i];
  return NULL;
}

static bool is_own_name(Captures *c, Token *t) {
  for (int i = 0; i < c->own_names.len; i++)
    if (equal(t, c->own_names.items[i])) return true;
  return false;
}

/* `T name`, `T *name`, `T &name` followed by what ends a declarator: the
 * lambda declares name (a parameter, or a local of its body); before[0]
 * is the token just before t, before[1] the one before that … */
static bool declares_name(Parser *p, Token *before[3], Token *t) {
  Token *n = t->next;
  if (!(equal(n, "=") || equal(n, ";") || equal(n, ",") || equal(n, "[") || equal(n, ")") ||
        equal(n, "{") || equal(n, ":") || equal(n, "(")))
    return false;
  for (int i = 0; i < 3 && before[i]; i++) {
    if (equal(before[i], "*") || equal(before[i], "&") || equal(before[i], "&&")) continue;
    return is_type_start(p, before[i]) && !equal(before[i], "return");
  }
  return false;
}

static void shift_in(Token *before[3], Token *t) {
  before[2] = before[1];
  before[1] = before[0];
  before[0] = t;
}

/* host mode: the names the parameters [params, params_end) declare */
static void note_param_names(Parser *p, Captures *c, Token *params, Token *params_end) {
  Token *before[3] = {0};
  for (Token *t = params; t != params_end; shift_in(before, t), t = t->next)
    if (t->kind == TK_IDENT && declares_name(p, before, t))
      vec_push(p->arena, &c->own_names, (void *)t->spelling);
}

/* the enclosing function's variables the body [open, close] names */
static void find_captures(Parser *p, Token *open, Token *close, Captures *c) {
  Token *prev = NULL, *before[3] = {0};
  for (Token *t = open; t != close; prev = t, shift_in(before, t), t = t->next) {
    if (t->kind != TK_IDENT) continue;
    if (prev && (equal(prev, ".") || equal(prev, "->") || equal(prev, "::"))) continue;
    if (c->host && !is_own_name(c, t) && declares_name(p, before, t))
      vec_push(p->arena, &c->own_names, (void *)t->spelling);
    if (c->host && is_own_name(c, t)) continue;
    if (equal(t, "this")) error_tok(p, t, "capturing 'this' in a lambda is not supported in device code");
    Sym *s = lookup(p, t->spelling);
    if (c->host && s && s->kind == SYM_CONST)
      for (int i = 0; i < c->local_consts->len; i++)
        if (c->local_consts->items[i] == s && !captured_const(&c->consts_used, s) &&
            !captured_name(&c->found, s->name))
          vec_push(p->arena, &c->consts_used, s);
    if (s && s->kind == SYM_FIELD && c->host)
      error_tok(p, t,
                "using member '%s' in the extended __device__ lambda at %d:%d captures 'this', a "
                "host pointer, which is not supported; copy the member to a local variable first",
                t->spelling, c->start->loc.line, c->start->loc.col);
    if (s && s->kind == SYM_FIELD && p->fn && p->fn->this_var)
      error_tok(p, t, "using member '%s' of the enclosing class in a lambda is not supported in device code",
                t->spelling);
    if (!is_function_local(s) || captured(&c->found, s)) continue;
    Capture *ex = captured(&c->explicit_, s);
    if (!ex && !c->def_copy && !c->def_ref)
      error_tok(p, t, "variable '%s' cannot be implicitly captured in a lambda with no capture-default specified",
                t->spelling);
    if (c->host) {
      if (!s->var->type && !c->names_only)
        error_tok(p, t,
                  "cannot tell the type of '%s', captured by the extended __device__ lambda at "
                  "%d:%d (declared with 'auto' or a type the device pass does not know); declare "
                  "it with an explicit type",
                  t->spelling, c->start->loc.line, c->start->loc.col);
      vec_push(p->arena, &c->found, new_capture(p, s, false));
      continue;
    }
    bool by_ref = ex ? ex->by_ref : c->def_ref;
    if (s->is_ref || s->var->as == AS_SHARED || s->var->type->kind == KT_ARRAY) by_ref = true;
    vec_push(p->arena, &c->found, new_capture(p, s, by_ref));
  }
}

static KType *closure_type(Parser *p, Captures *c, SrcLoc loc, const char *name) {
  KType *st = kt_struct_new(p->m, name, mangle_cname(p, name), false);
  Scope *cs = scope_new(p, p->scope, false);
  cs->klass = st;
  cs->prefix = arena_printf(p->arena, "%s::", name);
  cs->cprefix = arena_printf(p->arena, "%s_", st->cname);
  st->front = cs;
  for (int i = 0; i < c->found.len; i++) {
    Capture *cap = c->found.items[i];
    KType *vt = cap->sym->var->type;
    if (!vt) error_at(p, loc, "cannot tell the type of captured variable '%s'", cap->sym->name);
    if (cap->sym->is_ref) vt = vt->elem; /* a reference variable holds a pointer */
    KType *ft = cap->by_ref ? kt_ptr(p->m, vt, AS_GENERIC) : vt->unqual;
    Sym *f = class_add_field(p, st, cap->sym->name, ft, loc);
    f->is_ref = cap->by_ref;
  }
  kt_struct_layout(st);
  if (st->nfields == 0) st->size = 1;
  vec_push(p->arena, &p->m->types, st);
  return st;
}

static Token *tok_like(Parser *p, Token *like, TokenKind k, const char *s) {
  Token *t = arena_alloc(p->arena, sizeof *t);
  *t = *like;
  t->kind = k;
  t->spelling = s;
  t->len = (int)strlen(s);
  return t;
}

/* `__device__ __host__ RET operator() PARAMS const BODY` as tokens: RET is
 * `auto` unless the lambda has `-> R` */
static Token *call_operator_tokens(Parser *p, Token *params, Token *params_end, Token *ret,
                                   Token *ret_end, Token *body) {
  Token head = {0}, *tail = &head;
  tail = tail->next = tok_like(p, params, TK_IDENT, "__device__");
  tail = tail->next = tok_like(p, params, TK_IDENT, "__host__");
  if (!ret) tail = tail->next = tok_like(p, params, TK_IDENT, "auto");
  for (Token *t = ret; t && t != ret_end; t = t->next) {
    Token *c = arena_alloc(p->arena, sizeof *c);
    *c = *t;
    tail = tail->next = c;
  }
  tail = tail->next = tok_like(p, params, TK_IDENT, "operator");
  tail = tail->next = tok_like(p, params, TK_PUNCT, "(");
  tail = tail->next = tok_like(p, params, TK_PUNCT, ")");
  for (Token *t = params; t != params_end; t = t->next) {
    Token *c = arena_alloc(p->arena, sizeof *c);
    *c = *t;
    tail = tail->next = c;
  }
  tail = tail->next = tok_like(p, body, TK_IDENT, "const");
  tail->next = body;
  return head.next;
}

static void define_call_operator(Parser *p, KType *st, Token *decl) {
  Token *after = p->tok;
  Scope *saved_scope = p->scope;
  KType *saved_class = p->cur_class;
  PtrVec saved_deferred = p->deferred;
  memset(&p->deferred, 0, sizeof p->deferred);
  p->scope = st->front;
  p->cur_class = st;
  p->tok = decl;
  parse_class_member(p, st, "");
  p->cur_class = NULL;
  finish_deferred_bodies(p);
  p->deferred = saved_deferred;
  p->cur_class = saved_class;
  p->scope = saved_scope;
  p->tok = after;
}

static KExpr *closure_object(Parser *p, KType *st, Captures *c, SrcLoc loc) {
  KExpr **args = arena_alloc(p->arena, sizeof(KExpr *) * (size_t)(c->found.len + 1));
  for (int i = 0; i < c->found.len; i++) {
    Capture *cap = c->found.items[i];
    KExpr *v = sema_var_ref(p, cap->sym, loc);
    args[i] = cap->by_ref ? sema_addr(p, v, loc) : v;
  }
  return sema_construct(p, st, args, c->found.len, loc);
}

static void skip_lambda_specifiers(Parser *p) {
  while (equal(p->tok, "__device__") || equal(p->tok, "__host__") || equal(p->tok, "mutable") ||
         equal(p->tok, "constexpr") || equal(p->tok, "__forceinline__") || equal(p->tok, "noexcept"))
    p->tok = p->tok->next;
}

/* introducer ("(" params ")")? specifiers* ("->" type)? compound, at
 * p->tok: the pieces, p->tok after the body; captures not yet found */
static void parse_lambda_parts(Parser *p, Captures *c, HostLambda *lp) {
  lp->start = c->start = p->tok;
  pin_tokens(p);
  parse_capture_list(p, c);
  skip_lambda_specifiers(p); /* nvcc's extended lambdas: `[=] __device__ (int i)` */
  lp->params = lp->params_end = p->tok;
  if (equal(p->tok, "(")) {
    skip_balanced(p);
    lp->params_end = p->tok;
  }
  skip_lambda_specifiers(p);
  lp->ret = lp->ret_end = NULL;
  if (consume(p, "->")) {
    lp->ret = p->tok;
    while (!equal(p->tok, "{") && p->tok->kind != TK_EOF) p->tok = p->tok->next;
    lp->ret_end = p->tok;
  }
  lp->body = p->tok;
  if (!equal(lp->body, "{")) error_tok(p, lp->body, "expected body of lambda expression");
  skip_balanced(p);
  lp->end = p->tok;
  for (Token *t = lp->params; t != lp->params_end; t = t->next)
    if (equal(t, "auto")) error_tok(p, t, "generic lambdas (auto parameters) are not supported in device code");
}

/* the closure's operator(), `()` standing in for a missing parameter list */
static void define_lambda_operator(Parser *p, KType *st, HostLambda *lp) {
  Token *params = lp->params, *params_end = lp->params_end;
  if (params == params_end) {
    Token *empty = tok_like(p, lp->body, TK_PUNCT, "(");
    empty->next = tok_like(p, lp->body, TK_PUNCT, ")");
    params = empty;
    params_end = lp->body;
    empty->next->next = lp->body;
  }
  define_call_operator(p, st, call_operator_tokens(p, params, params_end, lp->ret, lp->ret_end, lp->body));
}

/* lambda = introducer ("(" params ")")? specifiers* ("->" type)? compound */
KExpr *parse_lambda(Parser *p) {
  if (!p->fn) error_tok(p, p->tok, "lambda expressions outside a function are not supported");
  Captures c = {0};
  HostLambda lp = {0};
  parse_lambda_parts(p, &c, &lp);
  find_captures(p, lp.body, lp.end, &c);
  KType *st = closure_type(p, &c, lp.start->loc, arena_printf(p->arena, "__lambda_%d", p->uniq++));
  define_lambda_operator(p, st, &lp);
  return closure_object(p, st, &c, lp.start->loc);
}

HostLambda *parse_extended_lambda(Parser *p, const char *name, PtrVec *local_consts) {
  Captures c = {0};
  c.host = true;
  c.names_only = !name;
  c.local_consts = local_consts;
  HostLambda *lp = arena_alloc(p->arena, sizeof *lp);
  parse_lambda_parts(p, &c, lp);
  note_param_names(p, &c, lp->params, lp->params_end);
  find_captures(p, lp->body, lp->end, &c);
  for (int i = 0; i < c.found.len; i++)
    vec_push(p->arena, &lp->capture_names, (void *)((Capture *)c.found.items[i])->sym->name);
  if (!name) return lp; /* the names are all a host function template's scan wants */
  lp->closure = closure_type(p, &c, lp->start->loc, name);
  lp->consts = c.consts_used;
  Sym *s = scope_add(p, p->global, SYM_TYPE, name, lp->start->loc);
  s->type = lp->closure;
  define_lambda_operator(p, lp->closure, lp);
  return lp;
}
