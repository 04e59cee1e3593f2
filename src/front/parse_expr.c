/*
 * parse_expr.c — expressions, by precedence climbing over the binary
 * operators and recursive descent for the rest.  Each production hands its
 * operands to sema (sema_*.c), which returns typed KIR.
 *
 * Names are resolved here because C++ needs the answer to parse: a name
 * that denotes a template takes `<` as the start of template arguments,
 * a type name followed by `(` or `{` is a functional cast or construction.
 */
#include <string.h>

#include "decl.h"

/* expr = assign ("," assign)* */
KExpr *parse_expr(Parser *p) {
  KExpr *e = parse_assign(p);
  while (equal(p->tok, ",")) {
    p->tok = p->tok->next;
    KExpr *r = parse_assign(p);
    KExpr *c = new_expr(p, KE_COMMA, r->type, e->loc);
    c->a = e;
    c->b = r;
    e = c;
  }
  return e;
}

/* operators are recognised by their bytes, not by string search: this runs
 * for every operand the parser reads */
static KOp assign_op(Token *t) {
  const char *s = t->spelling;
  if (t->kind != TK_PUNCT || s[t->len - 1] != '=') return (KOp)-1;
  if (t->len == 1) return KOP_NONE;
  if (t->len == 3) return s[0] == '<' && s[1] == '<' ? KOP_SHL : s[0] == '>' && s[1] == '>' ? KOP_SHR : (KOp)-1;
  if (t->len != 2) return (KOp)-1;
  switch (s[0]) {
  case '+': return KOP_ADD;
  case '-': return KOP_SUB;
  case '*': return KOP_MUL;
  case '/': return KOP_DIV;
  case '%': return KOP_MOD;
  case '&': return KOP_AND;
  case '|': return KOP_OR;
  case '^': return KOP_XOR;
  default: return (KOp)-1;
  }
}

/* assign = cond (assign-op assign)? */
KExpr *parse_assign(Parser *p) {
  KExpr *e = parse_cond_expr(p);
  KOp op = assign_op(p->tok);
  if ((int)op < 0 || (p->no_gt && equal(p->tok, ">>="))) return e;
  Token *optok = p->tok;
  p->tok = p->tok->next;
  KExpr *r = parse_assign(p);
  return sema_assign(p, op, e, r, optok->loc);
}

static int binary_prec(Parser *p, Token *t, KOp *op) {
  if (t->kind != TK_PUNCT || t->len > 2) return -1;
  const char *s = t->spelling;
  char c0 = s[0], c1 = t->len == 2 ? s[1] : 0;
  if (p->no_gt && c0 == '>') return -1;
#define OP(prec, kop) return *op = (kop), (prec)
  switch (c0) {
  case '*': if (!c1) OP(13, KOP_MUL); break;
  case '/': if (!c1) OP(13, KOP_DIV); break;
  case '%': if (!c1) OP(13, KOP_MOD); break;
  case '+': if (!c1) OP(12, KOP_ADD); break;
  case '-': if (!c1) OP(12, KOP_SUB); break;
  case '<': if (c1 == '<') OP(11, KOP_SHL); if (c1 == '=') OP(10, KOP_LE); if (!c1) OP(10, KOP_LT); break;
  case '>': if (c1 == '>') OP(11, KOP_SHR); if (c1 == '=') OP(10, KOP_GE); if (!c1) OP(10, KOP_GT); break;
  case '=': if (c1 == '=') OP(9, KOP_EQ); break;
  case '!': if (c1 == '=') OP(9, KOP_NE); break;
  case '&': if (c1 == '&') OP(5, KOP_LAND); if (!c1) OP(8, KOP_AND); break;
  case '^': if (!c1) OP(7, KOP_XOR); break;
  case '|': if (c1 == '|') OP(4, KOP_LOR); if (!c1) OP(6, KOP_OR); break;
  }
#undef OP
  return -1;
}

static KExpr *parse_unary(Parser *p);

static KExpr *parse_binary(Parser *p, int min_prec) {
  KExpr *lhs = parse_unary(p);
  for (;;) {
    KOp op = KOP_NONE;
    int prec = binary_prec(p, p->tok, &op);
    if (prec < min_prec) return lhs;
    Token *optok = p->tok;
    p->tok = p->tok->next;
    KExpr *rhs = parse_binary(p, prec + 1);
    lhs = sema_binary(p, op, lhs, rhs, optok->loc);
  }
}

/* cond = binary ("?" expr ":" cond)? */
KExpr *parse_cond_expr(Parser *p) {
  KExpr *c = parse_binary(p, 4);
  if (!equal(p->tok, "?")) return c;
  Token *q = p->tok;
  p->tok = p->tok->next;
  bool saved = p->no_gt;
  p->no_gt = false;
  KExpr *a = parse_expr(p);
  p->no_gt = saved;
  expect(p, ":");
  KExpr *b = parse_assign(p);
  return sema_cond(p, c, a, b, q->loc);
}

/* arguments of a call: "(" (assign ("," assign)*)? ")" — '(' consumed */
static KExpr **parse_args(Parser *p, int *nargs, const char *close) {
  PtrVec v = {0};
  bool saved = p->no_gt;
  p->no_gt = false;
  while (!equal(p->tok, close)) {
    if (v.len) expect(p, ",");
    if (equal(p->tok, "{")) {
      error_tok(p, p->tok, "braced-init-list arguments are not supported");
    }
    vec_push(p->arena, &v, parse_assign(p));
  }
  p->no_gt = saved;
  expect(p, close);
  *nargs = v.len;
  return (KExpr **)v.items;
}

/* the rest of `(T) unary` after the type */
static KExpr *finish_cast(Parser *p, Token *open, KType *t) {
  expect(p, ")");
  if (equal(p->tok, "{")) error_tok(p, p->tok, "compound literals are not supported");
  KExpr *e = rvalue(p, parse_unary(p));
  if (t->kind == KT_VOID) return cast_to(p, e, t);
  KExpr *uc = e->type->unqual->kind == KT_STRUCT && kt_is_scalar(t) ? user_conversion(p, e, t) : NULL;
  if (uc) e = rvalue(p, uc);
  if (t->unqual->kind == KT_STRUCT || t->unqual->kind == KT_VEC)
    return sema_construct(p, t, &e, 1, open->loc);
  if (!kt_is_scalar(e->type))
    error_at(p, open->loc, "cannot cast from type '%s' to '%s'", type_name(p, e->type),
             type_name(p, t));
  KExpr *c = t->unqual->kind == KT_BOOL ? to_bool(p, e, open->loc) : cast_to(p, e, t);
  if (c == e && t->kind == KT_PTR && e->type != t) {
    c = new_expr(p, KE_CAST, t, open->loc);
    c->a = e;
  }
  c->loc = open->loc;
  return c;
}

/* cast-or-paren = "(" type-name ")" unary | "(" expr ")"
 * A type followed by something other than ')' (`(X<T>::value ? a : b)`) is
 * the start of an expression. */
static KExpr *parse_cast_or_paren(Parser *p) {
  Token *open = p->tok;
  if (is_type_start(p, open->next)) {
    p->tok = open->next;
    KType *t = parse_type_name(p);
    if (equal(p->tok, ")")) return finish_cast(p, open, t);
  }
  p->tok = open->next;
  bool saved = p->no_gt;
  p->no_gt = false;
  KExpr *e = parse_expr(p);
  p->no_gt = saved;
  expect(p, ")");
  return e;
}

static KExpr *parse_sizeof(Parser *p, bool is_align) {
  Token *start = p->tok;
  p->tok = p->tok->next;
  KType *t;
  if (equal(p->tok, "(") && is_type_start(p, p->tok->next)) {
    p->tok = p->tok->next;
    t = parse_type_name(p);
    expect(p, ")");
  } else {
    t = parse_unary(p)->type;
  }
  if (t->kind == KT_VOID || (t->kind == KT_ARRAY && t->count < 0))
    error_tok(p, start, "invalid application of 'sizeof' to an incomplete type '%s'",
              type_name(p, t));
  require_complete(p, t, start->loc, "invalid application of 'sizeof' to an");
  return int_const(p, is_align ? t->align : t->size, p->m->t_ulong, start->loc); /* size_t */
}

static KExpr *parse_named_cast(Parser *p) {
  Token *start = p->tok;
  bool reinterpret = equal(start, "reinterpret_cast");
  p->tok = p->tok->next;
  expect(p, "<");
  bool saved = p->no_gt;
  p->no_gt = true;
  KType *t = parse_type_name(p);
  p->no_gt = saved;
  split_shr(p);
  expect(p, ">");
  expect(p, "(");
  KExpr *e = rvalue(p, parse_expr(p));
  expect(p, ")");
  if (t->unqual->kind == KT_STRUCT || t->unqual->kind == KT_VEC)
    return sema_construct(p, t, &e, 1, start->loc);
  KExpr *uc = e->type->unqual->kind == KT_STRUCT && kt_is_scalar(t) ? user_conversion(p, e, t) : NULL;
  if (uc) e = rvalue(p, uc);
  if (!reinterpret && e->type->kind == KT_PTR && t->kind == KT_PTR) {
    KExpr *c = new_expr(p, KE_CAST, t, start->loc);
    c->a = e;
    return c;
  }
  if (!kt_is_scalar(e->type) || !kt_is_scalar(t))
    error_tok(p, start, "cannot cast from type '%s' to '%s'", type_name(p, e->type),
              type_name(p, t));
  KExpr *c = t->kind == KT_BOOL ? to_bool(p, e, start->loc) : new_expr(p, KE_CAST, t, start->loc);
  if (c->kind == KE_CAST) c->a = e;
  return c;
}

/* The lexer's kinds are LP64's; in an ILP32 module a literal that long
 * cannot hold is long long's (C++'s list for the literal goes on there). */
static KType *literal_int_type(Parser *p, NumKind k, uint64_t v) {
  bool narrow_long = p->m->t_long->size == 4;
  switch (k) {
  case NUM_INT: return p->m->t_i32;
  case NUM_UINT: return p->m->t_u32;
  case NUM_LONG: return narrow_long && v > INT32_MAX ? p->m->t_i64 : p->m->t_long;
  case NUM_ULONG: return narrow_long && v > UINT32_MAX ? p->m->t_u64 : p->m->t_ulong;
  case NUM_LLONG: return p->m->t_i64;
  default: return p->m->t_u64;
  }
}

static KExpr *parse_number(Parser *p) {
  Token *t = p->tok;
  p->tok = t->next;
  if (t->num_kind >= NUM_FLOAT) {
    KExpr *e = new_expr(p, KE_FLOAT, t->num_kind == NUM_FLOAT ? p->m->t_f32 : p->m->t_f64,
                        t->loc);
    e->fval = t->fval;
    return e;
  }
  return int_const(p, (int64_t)t->ival, literal_int_type(p, t->num_kind, t->ival), t->loc);
}

static KExpr *builtin_var(Parser *p, Token *t) {
  static const char *names[] = {"threadIdx", "blockIdx", "blockDim", "gridDim", "warpSize"};
  for (int i = 0; i < 5; i++) {
    if (strcmp(t->spelling, names[i])) continue;
    if (i == 4) {
      KExpr *e = new_expr(p, KE_BVAR, p->m->t_i32, t->loc);
      e->bvar = KBV_WARP_SIZE;
      e->field = -1;
      return e;
    }
    KExpr *e = new_expr(p, KE_BVAR, i >= 2 ? type_dim3(p) : type_uint3(p), t->loc);
    e->bvar = (KBuiltinVar)i;
    e->field = -1;
    return e;
  }
  return NULL;
}

/* Resolves `a::b::c` starting at p->tok; returns the symbol (NULL if not
 * found) and leaves p->tok after the last name, *last = its token. */
Sym *parse_qualified_name(Parser *p, Token **last) {
  Scope *in = NULL;
  if (equal(p->tok, "::")) {
    in = p->global;
    p->tok = p->tok->next;
  }
  for (;;) {
    Token *name = p->tok;
    if (name->kind != TK_IDENT) error_tok(p, name, "expected identifier");
    p->tok = name->next;
    *last = name;
    Sym *s = in ? lookup_in(in, name->spelling) : lookup(p, name->spelling);
    if (s && s->kind == SYM_TYPE && s->tmpl && equal(p->tok, "<")) { /* injected class name */
      Sym *ts = arena_alloc(p->arena, sizeof *ts);
      *ts = *s;
      ts->kind = SYM_TEMPLATE;
      s = ts;
    }
    if (!equal(p->tok, "::") || p->tok->next->kind != TK_IDENT) return s;
    if (!s)
      error_tok(p, name, "use of undeclared identifier '%s'%s", name->spelling,
                dropped_decl_note(p, name->spelling));
    if (s->kind == SYM_NAMESPACE) in = s->ns;
    else if (s->kind == SYM_TYPE && s->type->unqual->front) in = s->type->unqual->front;
    else if (s->kind == SYM_TYPE && s->ns) in = s->ns;
    else error_tok(p, name, "'%s' is not a class, namespace, or enumeration", name->spelling);
    p->tok = p->tok->next;
  }
}

static KExpr *call_or_ref(Parser *p, Sym *s, Token *name, Token *start, bool qualified);

/* `X<T>::member` in an expression: a static member, static member function
 * or nested type of a class template instance ('::' next) */
static KExpr *class_member_ref(Parser *p, KType *cls) {
  p->tok = p->tok->next;
  consume(p, "template");
  Token *name = p->tok;
  expect_ident(p);
  Sym *m = lookup_in(cls->front, name->spelling);
  if (!m) error_tok(p, name, "no member named '%s' in '%s'", name->spelling, cls->name);
  if (m->kind != SYM_TYPE) return call_or_ref(p, m, name, name, true);
  bool brace = equal(p->tok, "{");
  if (!brace && !equal(p->tok, "("))
    error_tok(p, p->tok, "expected '(' for function-style cast or type construction");
  p->tok = p->tok->next;
  int n;
  KExpr **args = parse_args(p, &n, brace ? "}" : ")");
  return sema_construct(p, m->type, args, n, name->loc);
}

static bool launch_chevrons(Parser *p) {
  return (equal(p->tok, "<<") && equal(p->tok->next, "<")) ||
         (equal(p->tok, "<") && equal(p->tok->next, "<<"));
}

static bool names_kernel(Sym *s) {
  if (s->kind == SYM_TEMPLATE) return true;
  for (int i = 0; i < s->funcs.len; i++) {
    FuncDecl *fd = s->funcs.items[i];
    if (fd->kf && (fd->kf->flags & KF_GLOBAL)) return true;
  }
  return false;
}

/* The three '>' that end a launch configuration, however the lexer
 * grouped them (`>>` `>`, `>` `>>`, `>` `>` `>`). */
static void expect_launch_close(Parser *p) {
  int left = 3;
  while (left > 0 && p->tok->kind == TK_PUNCT && (equal(p->tok, ">") || equal(p->tok, ">>")) &&
         p->tok->len <= left) {
    left -= p->tok->len;
    p->tok = p->tok->next;
  }
  if (left) error_tok(p, p->tok, "expected '>>>' after the kernel launch configuration");
}

/* device-launch = kernel template-args? "<<<" assign ("," assign){1,3} ">>>" "(" args ")"
 * in device code: dynamic parallelism (sema_launch.c) */
static KExpr *parse_device_launch(Parser *p, Sym *s, Template *tmpl, TArg *targs, int nt,
                                  Token *name) {
  p->tok = p->tok->next->next;
  KExpr *config[4];
  int nconfig = 0;
  bool saved = p->no_gt;
  p->no_gt = true; /* a '>' ends the configuration */
  for (;;) {
    config[nconfig++] = parse_assign(p);
    if (!equal(p->tok, ",") || nconfig == 4) break;
    p->tok = p->tok->next;
  }
  p->no_gt = saved;
  expect_launch_close(p);
  expect(p, "(");
  int n;
  KExpr **args = parse_args(p, &n, ")");
  bool was = p->device_launch;
  p->device_launch = true;
  KExpr *call = sema_call_funcs(p, s, tmpl, targs, nt, NULL, args, n, name);
  p->device_launch = was;
  return sema_device_launch(p, call, config, nconfig, name->loc);
}

/* qualified: the name was written with its class or namespace (`X<T>::f`) */
static KExpr *call_or_ref(Parser *p, Sym *s, Token *name, Token *start, bool qualified) {
  if (s->kind == SYM_FUNC || s->kind == SYM_TEMPLATE) {
    TArg targs[16];
    int nt = 0;
    Template *tmpl = s->tmpl;
    if (tmpl && !tmpl->is_class && equal(p->tok, "<") && !launch_chevrons(p)) {
      p->tok = p->tok->next;
      parse_template_args(p, tmpl, targs, &nt, name);
    }
    if (tmpl && tmpl->is_class) goto type_name;
    if (launch_chevrons(p) && names_kernel(s)) return parse_device_launch(p, s, tmpl, targs, nt, name);
    if (!equal(p->tok, "(")) return sema_func_name(p, s, tmpl, targs, nt, name);
    p->tok = p->tok->next;
    int n;
    KExpr **args = parse_args(p, &n, ")");
    if (start == name && !nt && is_builtin_name(p, name->spelling)) {
      KExpr *e = sema_call_funcs_or_null(p, s, tmpl, args, n, name);
      if (e) return e;
    }
    /* `Base::f()` calls that function, not its overrider */
    bool saved = p->nonvirtual;
    p->nonvirtual = qualified;
    KExpr *call = sema_call_funcs(p, s, tmpl, targs, nt, NULL, args, n, name);
    p->nonvirtual = saved;
    return call;
  }
  if (s->kind == SYM_TYPE) {
  type_name:
    p->tok = start;
    KType *t = parse_type_specifier(p);
    if (equal(p->tok, "::") && t->unqual->kind == KT_STRUCT && t->unqual->front)
      return class_member_ref(p, t->unqual);
    bool brace = equal(p->tok, "{");
    if (!brace && !equal(p->tok, "("))
      error_tok(p, p->tok, "expected '(' for function-style cast or type construction");
    p->tok = p->tok->next;
    int n;
    KExpr **args = parse_args(p, &n, brace ? "}" : ")");
    return sema_construct(p, t, args, n, name->loc);
  }
  if (s->kind == SYM_HOST)
    error_tok(p, name, "'%s' is a host entity and cannot be used in device code",
              name->spelling);
  if (s->kind == SYM_NAMESPACE)
    error_tok(p, name, "unexpected namespace name '%s': expected expression", name->spelling);
  if (s->kind == SYM_VAR && s->has_value && !s->var) {
    if (s->type && kt_is_float(s->type)) {
      KExpr *e = new_expr(p, KE_FLOAT, s->type->unqual, name->loc);
      e->fval = s->fvalue;
      return e;
    }
    return int_const(p, s->value, s->type->unqual, name->loc);
  }
  return sema_var_ref(p, s, name->loc);
}

/* `std::sqrt(x)` or `::sqrt(x)` naming a builtin (math, min/max) that no
 * declaration of std:: or the global namespace provides: the token of the
 * builtin's name, else NULL */
static Token *qualified_builtin(Parser *p) {
  Token *t = p->tok, *n = NULL;
  Scope *in = p->global;
  if (equal(t, "::")) n = t->next;
  else if (equal(t, "std") && equal(t->next, "::")) {
    n = t->next->next;
    Sym *ns = lookup_in(p->global, "std");
    in = ns && ns->kind == SYM_NAMESPACE ? ns->ns : NULL;
  }
  if (!n || n->kind != TK_IDENT || !equal(n->next, "(") || !is_builtin_name(p, n->spelling))
    return NULL;
  Sym *decl = in ? lookup_in(in, n->spelling) : NULL;
  return decl && decl->kind == SYM_FUNC && decl->funcs.len ? NULL : n;
}

/* `max(a, b)` where the program declares its own max: its overloads when
 * one takes the arguments, else CUDA's (as nvcc sees both) */
static KExpr *user_or_builtin_call(Parser *p, Sym *s, Token *name) {
  p->tok = p->tok->next;
  int n;
  KExpr **args = parse_args(p, &n, ")");
  KExpr *e = sema_call_funcs_or_null(p, s, s->tmpl, args, n, name); /* the cheaper of both */
  return e ? e : sema_call_funcs(p, s, s->tmpl, NULL, 0, NULL, args, n, name);
}

/* Argument-dependent lookup of an unqualified call whose name ordinary
 * lookup did not find: the functions named so in the namespaces of the
 * arguments' classes (through pointers and references too), as in
 * `init(&bar, n)` finding cuda::init for a cuda::barrier. */
static Sym *adl_lookup(Parser *p, const char *name, KExpr **args, int n) {
  for (int i = 0; i < n; i++) {
    KType *t = args[i]->type;
    while (t && t->unqual->kind == KT_PTR) t = t->unqual->elem;
    if (!t || t->unqual->kind != KT_STRUCT || !t->unqual->front) continue;
    Scope *sc = t->unqual->front;
    while (sc && !sc->is_namespace) sc = sc->parent;
    if (!sc || sc == p->global) continue;
    Sym *s = lookup_in(sc, name);
    if (s && (s->kind == SYM_FUNC || s->kind == SYM_TEMPLATE)) return s;
  }
  return NULL;
}

static KExpr *parse_identifier(Parser *p) {
  Token *qb = qualified_builtin(p);
  if (qb) p->tok = qb;
  Token *start = p->tok;
  Token *name;
  Sym *s = parse_qualified_name(p, &name);
  if (s && s->kind == SYM_FUNC && equal(p->tok, "(") && start == name &&
      is_builtin_name(p, name->spelling) && s->funcs.len == 0 && !s->tmpl)
    s = NULL;
  if (s && (s->kind == SYM_FUNC || s->kind == SYM_TEMPLATE) && equal(p->tok, "(") &&
      start == name && is_builtin_name(p, name->spelling))
    return user_or_builtin_call(p, s, name);
  if (s) return call_or_ref(p, s, name, start, start != name);
  if (start == name) {
    KExpr *bv = builtin_var(p, name);
    if (bv) return bv;
    if (!strcmp(name->spelling, "__func__") || !strcmp(name->spelling, "__FUNCTION__")) {
      KExpr *e = new_expr(p, KE_STR, kt_ptr(p->m, kt_qualified(p->m, p->m->t_i8, true, false), AS_GENERIC), name->loc);
      const char *fname = p->fn ? p->fn->kf->name : "";
      e->str = kstr_new(p->arena, fname, (int)strlen(fname));
      return e;
    }
    KType *vt = vector_type_named(p, name->spelling);
    if (vt) {
      p->tok = name;
      Sym fake = {0};
      fake.kind = SYM_TYPE;
      fake.type = vt;
      return call_or_ref(p, &fake, name, name, false);
    }
    if (equal(p->tok, "(")) {
      Token *open = p->tok;
      p->tok = p->tok->next;
      int n;
      KExpr **args = parse_args(p, &n, ")");
      if (is_builtin_name(p, name->spelling)) {
        KExpr *e = sema_builtin_call(p, name->spelling, args, n, name);
        if (e) return e;
      }
      Sym *adl = adl_lookup(p, name->spelling, args, n);
      if (adl) return sema_call_funcs(p, adl, adl->tmpl, NULL, 0, NULL, args, n, name);
      p->tok = open;
    }
  }
  if (p->fn && !strcmp(name->spelling, "cudaDeviceSynchronize"))
    error_tok(p, name, "cudaDeviceSynchronize() in device code (waiting for child grids) was "
                       "removed in CUDA 12: a kernel cannot wait for the grids it launches; "
                       "launch the work that needs their results into cudaStreamTailLaunch, "
                       "or from the host");
  if (equal(p->tok, "(") || !p->fn)
    error_tok(p, name, "use of undeclared identifier '%s'%s", name->spelling,
              dropped_decl_note(p, name->spelling));
  /* keep checking the statement: the name stands for an int from here on */
  error_soft(p, name->loc, "use of undeclared identifier '%s'%s", name->spelling,
             dropped_decl_note(p, name->spelling));
  Sym *poison = scope_add(p, p->scope, SYM_CONST, name->spelling, name->loc);
  poison->type = p->m->t_i32;
  return int_const(p, 0, p->m->t_i32, name->loc);
}

static KExpr *parse_primary(Parser *p) {
  Token *t = p->tok;
  switch (t->kind) {
  case TK_NUM:
    return parse_number(p);
  case TK_CHAR:
    p->tok = t->next;
    return int_const(p, (int64_t)(int8_t)t->ival, p->m->t_i8, t->loc);
  case TK_STR: {
    p->tok = t->next;
    KType *ct = kt_qualified(p->m, p->m->t_i8, true, false);
    KExpr *e = new_expr(p, KE_STR, kt_ptr(p->m, ct, AS_CONSTANT), t->loc);
    e->str = kstr_new(p->arena, t->str, t->str_len);
    return e;
  }
  case TK_EOF:
    error_tok(p, t, "expected expression");
  default:
    break;
  }
  if (equal(t, "(")) return parse_cast_or_paren(p);
  if (equal(t, "true") || equal(t, "false")) {
    p->tok = t->next;
    return int_const(p, equal(t, "true"), p->m->t_bool, t->loc);
  }
  if (equal(t, "nullptr") || equal(t, "NULL")) {
    p->tok = t->next;
    return int_const(p, 0, p->m->t_i64, t->loc);
  }
  if (equal(t, "this")) {
    p->tok = t->next;
    if (!p->fn || !p->fn->this_var) error_tok(p, t, "invalid use of 'this' outside of a member function");
    KExpr *e = new_expr(p, KE_VAR, p->fn->this_var->type, t->loc);
    e->var = p->fn->this_var;
    return e;
  }
  if (equal(t, "sizeof")) return parse_sizeof(p, false);
  if (equal(t, "alignof") || equal(t, "__alignof__")) return parse_sizeof(p, true);
  if (equal(t, "static_cast") || equal(t, "reinterpret_cast") || equal(t, "const_cast"))
    return parse_named_cast(p);
  if (equal(t, "new")) return parse_new(p);
  if (equal(t, "delete")) {
    p->tok = t->next;
    bool array = consume(p, "[");
    if (array) expect(p, "]");
    return delete_expr(p, t, rvalue(p, parse_unary(p)), array);
  }
  if (equal(t, "dynamic_cast") || equal(t, "typeid") || equal(t, "throw"))
    error_tok(p, t, "'%s' is not supported in device code", t->spelling);
  if (equal(t, "[")) return parse_lambda(p);
  if (t->kind == TK_IDENT && is_type_start(p, t) && !lookup(p, t->spelling) &&
      !vector_type_named(p, t->spelling)) {
    /* int(x), float(y), unsigned(z): functional casts of keyword types */
    KType *ty = parse_type_specifier(p);
    bool brace = equal(p->tok, "{");
    if (!brace && !equal(p->tok, "(")) error_tok(p, p->tok, "expected '(' for function-style cast");
    p->tok = p->tok->next;
    int n;
    KExpr **args = parse_args(p, &n, brace ? "}" : ")");
    return sema_construct(p, ty, args, n, t->loc);
  }
  if (t->kind == TK_IDENT || equal(t, "::")) return parse_identifier(p);
  error_tok(p, t, "expected expression");
}

static KExpr *parse_method_call(Parser *p, KExpr *obj, Token *name) {
  KType *t = obj->type->unqual;
  Scope *cs = t->kind == KT_STRUCT ? t->front : NULL;
  Sym *s = cs ? lookup_in(cs, name->spelling) : NULL; /* bases too */
  if (!s || (s->kind != SYM_FUNC && s->kind != SYM_TEMPLATE)) return NULL;
  TArg targs[16];
  int nt = 0;
  Template *tmpl = s->tmpl;
  if (tmpl && equal(p->tok, "<")) {
    p->tok = p->tok->next;
    parse_template_args(p, tmpl, targs, &nt, name);
  }
  expect(p, "(");
  int n;
  KExpr **args = parse_args(p, &n, ")");
  return sema_call_funcs(p, s, tmpl, targs, nt, obj, args, n, name);
}

/* `obj.Base::f(args)`, `this->Base<T>::x`: the member as class Base has
 * it, in obj's Base subobject; such a call is never virtual */
static bool qualified_member_start(Parser *p, Token *t) {
  if (t->kind != TK_IDENT || !(equal(t->next, "::") || equal(t->next, "<"))) return false;
  Sym *s = lookup(p, t->spelling);
  if (s && s->kind == SYM_TYPE) return equal(t->next, "::");
  return s && s->kind == SYM_TEMPLATE && s->tmpl->is_class;
}

static KExpr *qualified_member(Parser *p, KExpr *obj) {
  Token *at = p->tok;
  Sym *named = lookup(p, at->spelling);
  KType *base;
  if (named && named->kind == SYM_TYPE) { /* `P::f`: the type specifier would read P::f */
    base = named->type->unqual;
    p->tok = at->next;
  } else {
    base = parse_type_specifier(p)->unqual;
  }
  if (base->kind != KT_STRUCT || !derives_from(obj->type->unqual, base))
    error_tok(p, at, "'%s' is not a base class of '%s'", type_name(p, base), type_name(p, obj->type));
  expect(p, "::");
  Token *name = p->tok;
  expect_ident(p);
  KExpr *sub = obj->type->unqual == base ? obj : to_base(p, obj, base);
  Sym *s = lookup_in(base->front, name->spelling);
  if (!s || (s->kind != SYM_FUNC && s->kind != SYM_TEMPLATE))
    return sema_member(p, sub, name, false, name->loc);
  TArg targs[16];
  int nt = 0;
  if (s->tmpl && equal(p->tok, "<")) {
    p->tok = p->tok->next;
    parse_template_args(p, s->tmpl, targs, &nt, name);
  }
  expect(p, "(");
  int n;
  KExpr **args = parse_args(p, &n, ")");
  bool saved = p->nonvirtual;
  p->nonvirtual = true;
  KExpr *call = sema_call_funcs(p, s, s->tmpl, targs, nt, sub, args, n, name);
  p->nonvirtual = saved;
  return call;
}

/* `obj.~T()`, `p->~T()`: the destructor (virtual when it is), or nothing
 * for a type without one */
static KExpr *explicit_dtor_call(Parser *p, KExpr *e, bool arrow, Token *op) {
  p->tok = p->tok->next;
  Token *name = p->tok;
  if (name->kind != TK_IDENT) error_tok(p, name, "expected the class name after '~'");
  p->tok = name->next;
  for (int depth = 0; equal(p->tok, "<") || depth > 0; p->tok = p->tok->next) { /* ~X<T>() */
    if (p->tok->kind == TK_EOF) error_tok(p, name, "expected '>'");
    depth += equal(p->tok, "<") - equal(p->tok, ">");
    if (depth == 0 && equal(p->tok, ">")) { p->tok = p->tok->next; break; }
  }
  expect(p, "(");
  expect(p, ")");
  if (arrow && e->type->kind != KT_PTR)
    error_tok(p, op, "member reference type '%s' is not a pointer", type_name(p, e->type));
  KExpr *obj = arrow ? sema_deref(p, e, op->loc) : e;
  FuncDecl *d = class_dtor(obj->type);
  if (!d) return cast_to(p, int_const(p, 0, p->m->t_i32, op->loc), p->m->t_void);
  return sema_call_decl(p, d, obj, NULL, 0, name->loc);
}

static KExpr *parse_postfix(Parser *p) {
  KExpr *e = parse_primary(p);
  for (;;) {
    Token *t = p->tok;
    if (equal(t, "[")) {
      p->tok = t->next;
      bool saved = p->no_gt;
      p->no_gt = false;
      KExpr *i = parse_expr(p);
      p->no_gt = saved;
      expect(p, "]");
      e = sema_index(p, e, i, t->loc);
    } else if (equal(t, ".") || equal(t, "->")) {
      p->tok = t->next;
      if (equal(p->tok, "template")) p->tok = p->tok->next;
      if (equal(p->tok, "~")) {
        e = explicit_dtor_call(p, e, equal(t, "->"), t);
        continue;
      }
      if (qualified_member_start(p, p->tok)) {
        if (equal(t, "->") && e->type->kind != KT_PTR)
          error_tok(p, t, "member reference type '%s' is not a pointer", type_name(p, e->type));
        e = qualified_member(p, equal(t, "->") ? sema_deref(p, e, t->loc) : e);
        continue;
      }
      Token *name = p->tok;
      if (name->kind != TK_IDENT) error_tok(p, name, "expected member name");
      p->tok = name->next;
      KExpr *obj = e;
      if (equal(t, "->")) {
        if (e->type->kind != KT_PTR)
          error_tok(p, t, "member reference type '%s' is not a pointer", type_name(p, e->type));
        obj = sema_deref(p, e, t->loc);
      }
      KExpr *m = equal(p->tok, "(") || equal(p->tok, "<") ? parse_method_call(p, obj, name) : NULL;
      e = m ? m : sema_member(p, obj, name, false, t->loc);
    } else if (equal(t, "(") && is_func_ptr(e->type)) {
      p->tok = t->next;
      int n;
      KExpr **args = parse_args(p, &n, ")");
      e = sema_call_indirect(p, e, args, n, t->loc);
    } else if (equal(t, "(")) {
      if (e->type->unqual->kind != KT_STRUCT) error_at(p, e->loc, "called object is not a function (type '%s')", type_name(p, e->type));
      p->tok = t->next;
      int n;
      KExpr **args = parse_args(p, &n, ")");
      KExpr **all = arena_alloc(p->arena, sizeof(KExpr *) * (size_t)(n + 1));
      all[0] = e;
      if (n) memcpy(all + 1, args, sizeof(KExpr *) * (size_t)n); /* args NULL when n is 0 */
      KExpr *r = sema_operator_call(p, "operator()", all, n + 1, t->loc);
      if (!r) error_at(p, e->loc, "called object is not a function (type '%s')", type_name(p, e->type));
      e = r;
    } else if (equal(t, "++") || equal(t, "--")) {
      p->tok = t->next;
      e = sema_incdec(p, e, equal(t, "++"), false, t->loc);
    } else {
      return e;
    }
  }
}

static KExpr *parse_unary(Parser *p) {
  Token *t = p->tok;
  if (t->kind != TK_PUNCT) return parse_postfix(p);
  if (equal(t, "+")) {
    p->tok = t->next;
    KExpr *e = rvalue(p, parse_unary(p));
    return kt_is_arith(e->type) ? cast_to(p, e, promote(p, e->type)) : e;
  }
  if (equal(t, "-") || equal(t, "!") || equal(t, "~")) {
    p->tok = t->next;
    KOp op = equal(t, "-") ? KOP_NEG : equal(t, "!") ? KOP_NOT : KOP_BITNOT;
    KExpr *a = parse_unary(p);
    if (op == KOP_NEG && (a->kind == KE_INT || a->kind == KE_FLOAT) &&
        (kt_is_signed(a->type) || kt_is_float(a->type)) && a->type->size >= 4) {
      if (a->kind == KE_INT) a->ival = (int64_t)(0 - (uint64_t)a->ival);
      else a->fval = -a->fval;
      a->loc = t->loc;
      return a;
    }
    return sema_unary(p, op, a, t->loc);
  }
  if (equal(t, "*")) {
    p->tok = t->next;
    return sema_deref(p, parse_unary(p), t->loc);
  }
  if (equal(t, "&")) {
    p->tok = t->next;
    return sema_addr(p, parse_unary(p), t->loc);
  }
  if (equal(t, "++") || equal(t, "--")) {
    p->tok = t->next;
    return sema_incdec(p, parse_unary(p), equal(t, "++"), true, t->loc);
  }
  return parse_postfix(p);
}
