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
 */
#include <string.h>

#include "decl.h"

typedef struct Capture {
  Sym *sym;
  bool by_ref;
} Capture;

typedef struct Captures {
  bool def_copy, def_ref;
  PtrVec explicit_;     /* Capture*: named in the capture list */
  PtrVec found;         /* Capture*: what the closure holds */
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
      c->def_ref = true;
      p->tok = t->next;
      continue;
    }
    if (equal(t, "this") || equal(t, "*"))
      error_tok(p, t, "capturing 'this' in a lambda is not supported in device code");
    bool by_ref = consume(p, "&");
    Token *name = p->tok;
    expect_ident(p);
    if (equal(p->tok, "=") || equal(p->tok, "{") || equal(p->tok, "("))
      error_tok(p, name, "lambda init-captures are not supported in device code");
    Sym *s = lookup(p, name->spelling);
    if (!is_function_local(s))
      error_tok(p, name, "'%s' in capture list does not name a variable", name->spelling);
    vec_push(p->arena, &c->explicit_, new_capture(p, s, by_ref));
  }
  p->tok = p->tok->next;
}

static Capture *captured(PtrVec *v, Sym *s) {
  for (int i = 0; i < v->len; i++)
    if (((Capture *)v->items[i])->sym == s) return v->items[i];
  return NULL;
}

/* the enclosing function's variables the body [open, close] names */
static void find_captures(Parser *p, Token *open, Token *close, Captures *c) {
  Token *prev = NULL;
  for (Token *t = open; t != close; prev = t, t = t->next) {
    if (t->kind != TK_IDENT) continue;
    if (prev && (equal(prev, ".") || equal(prev, "->") || equal(prev, "::"))) continue;
    if (equal(t, "this")) error_tok(p, t, "capturing 'this' in a lambda is not supported in device code");
    Sym *s = lookup(p, t->spelling);
    if (s && s->kind == SYM_FIELD && p->fn && p->fn->this_var)
      error_tok(p, t, "using member '%s' of the enclosing class in a lambda is not supported in device code",
                t->spelling);
    if (!is_function_local(s) || captured(&c->found, s)) continue;
    Capture *ex = captured(&c->explicit_, s);
    if (!ex && !c->def_copy && !c->def_ref)
      error_tok(p, t, "variable '%s' cannot be implicitly captured in a lambda with no capture-default specified",
                t->spelling);
    bool by_ref = ex ? ex->by_ref : c->def_ref;
    if (s->is_ref || s->var->as == AS_SHARED || s->var->type->kind == KT_ARRAY) by_ref = true;
    vec_push(p->arena, &c->found, new_capture(p, s, by_ref));
  }
}

static KType *closure_type(Parser *p, Captures *c, SrcLoc loc) {
  const char *name = arena_printf(p->arena, "__lambda_%d", p->uniq++);
  KType *st = kt_struct_new(p->m, name, mangle_cname(p, name), false);
  Scope *cs = scope_new(p, p->scope, false);
  cs->klass = st;
  cs->prefix = arena_printf(p->arena, "%s::", name);
  cs->cprefix = arena_printf(p->arena, "%s_", st->cname);
  st->front = cs;
  for (int i = 0; i < c->found.len; i++) {
    Capture *cap = c->found.items[i];
    KType *vt = cap->sym->var->type;
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

/* lambda = introducer ("(" params ")")? specifiers* ("->" type)? compound */
KExpr *parse_lambda(Parser *p) {
  Token *start = p->tok;
  if (!p->fn) error_tok(p, start, "lambda expressions outside a function are not supported");
  Captures c = {0};
  parse_capture_list(p, &c);
  Token *params = p->tok, *params_end = p->tok;
  if (equal(p->tok, "(")) {
    skip_balanced(p);
    params_end = p->tok;
  }
  while (equal(p->tok, "__device__") || equal(p->tok, "__host__") || equal(p->tok, "mutable") ||
         equal(p->tok, "constexpr") || equal(p->tok, "__forceinline__"))
    p->tok = p->tok->next;
  Token *ret = NULL, *ret_end = NULL;
  if (consume(p, "->")) {
    ret = p->tok;
    while (!equal(p->tok, "{") && p->tok->kind != TK_EOF) p->tok = p->tok->next;
    ret_end = p->tok;
  }
  Token *body = p->tok;
  if (!equal(body, "{")) error_tok(p, body, "expected body of lambda expression");
  skip_balanced(p);
  for (Token *t = params; t != params_end; t = t->next)
    if (equal(t, "auto")) error_tok(p, t, "generic lambdas (auto parameters) are not supported in device code");
  find_captures(p, body, p->tok, &c);
  KType *st = closure_type(p, &c, start->loc);
  Token *empty = tok_like(p, body, TK_PUNCT, "(");
  if (params == params_end) { /* no parameter list: () */
    empty->next = tok_like(p, body, TK_PUNCT, ")");
    params = empty;
    params_end = body;
    empty->next->next = body;
  }
  define_call_operator(p, st, call_operator_tokens(p, params, params_end, ret, ret_end, body));
  return closure_object(p, st, &c, start->loc);
}
