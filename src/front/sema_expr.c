/*
 * sema_expr.c — typing of expressions: implicit conversions (made explicit
 * as KE_CAST), operators with C/C++ rules, lvalues, member access and the
 * pointer address spaces that follow from what a pointer was taken of.
 *
 * Every KExpr's loc is its first token, so "at the initializer" and "at the
 * left-hand side" diagnostics need no extra bookkeeping; operator errors
 * take the operator's location explicitly.
 */
#include <stdio.h>
#include <string.h>

#include "parser.h"

KExpr *new_expr(Parser *p, KExprKind k, KType *t, SrcLoc loc) {
  KExpr *e = arena_alloc(p->arena, sizeof *e);
  e->kind = k;
  e->type = t;
  e->loc = loc;
  return e;
}

KExpr *expr_comma(Parser *p, KExpr *a, KExpr *b) {
  KExpr *e = new_expr(p, KE_COMMA, b->type, a->loc);
  e->a = a;
  e->b = b;
  return e;
}

KExpr *expr_var(Parser *p, KVar *v, SrcLoc loc) {
  KExpr *e = new_expr(p, KE_VAR, v->type, loc);
  e->var = v;
  return e;
}

KExpr *int_const(Parser *p, int64_t v, KType *t, SrcLoc loc) {
  KExpr *e = new_expr(p, KE_INT, t, loc);
  e->ival = v;
  return e;
}

/* int literal converted at compile time, as the target would */
static KExpr *fold_int_cast(Parser *p, KExpr *e, KType *t) {
  KExpr *c = new_expr(p, kt_is_float(t) ? KE_FLOAT : KE_INT, t->unqual, e->loc);
  int64_t v = e->ival;
  bool u = !kt_is_signed(e->type);
  switch (t->unqual->kind) {
  case KT_BOOL: c->ival = v != 0; break;
  case KT_I8: c->ival = (int8_t)v; break;
  case KT_I16: c->ival = (int16_t)v; break;
  case KT_I32: c->ival = (int32_t)v; break;
  case KT_U8: c->ival = (uint8_t)v; break;
  case KT_U16: c->ival = (uint16_t)v; break;
  case KT_U32: c->ival = (uint32_t)v; break;
  case KT_F16: case KT_F32: case KT_F64:
    c->fval = u ? (double)(uint64_t)v : (double)v;
    if (t->unqual->kind == KT_F32) c->fval = (float)c->fval;
    break;
  default: c->ival = v; break;
  }
  return c;
}

KExpr *cast_to(Parser *p, KExpr *e, KType *t) {
  if (e->type == t) return e;
  if (e->type->unqual == t->unqual && t->kind != KT_PTR) return e;
  /* long <-> long long (and the unsigned pair): one representation, so no
   * conversion for a backend to see, as none for a qualifier */
  if (kt_is_int(t) && t->kind == e->type->kind) return e;
  if (e->kind == KE_INT && kt_is_int(e->type) && kt_is_arith(t) && t->unqual->kind != KT_F16)
    return fold_int_cast(p, e, t);
  KExpr *c = new_expr(p, KE_CAST, t->unqual, e->loc);
  c->a = e;
  return c;
}

bool is_lvalue(KExpr *e) {
  switch (e->kind) {
  case KE_VAR: case KE_INDEX: case KE_DEREF: return true;
  case KE_MEMBER: return is_lvalue(e->a);
  default: return false;
  }
}

/* the address space an lvalue lives in (pointers taken of it carry it) */
static KAddrSpace lvalue_space(KExpr *e) {
  switch (e->kind) {
  case KE_VAR:
    return e->var->as == AS_LOCAL ? AS_GENERIC : e->var->as;
  case KE_INDEX:
    if (e->a->type->kind == KT_PTR) return e->a->type->as;
    return lvalue_space(e->a);
  case KE_MEMBER: return lvalue_space(e->a);
  case KE_DEREF: return e->a->type->as;
  default: return AS_GENERIC;
  }
}

KExpr *rvalue(Parser *p, KExpr *e) {
  if (e->type->kind != KT_ARRAY) return e;
  KExpr *idx = new_expr(p, KE_INDEX, e->type->elem, e->loc);
  idx->a = e;
  idx->b = int_const(p, 0, p->m->t_i32, e->loc);
  KExpr *addr = new_expr(p, KE_ADDR, kt_ptr(p->m, e->type->elem, lvalue_space(e)),
                         e->loc);
  addr->a = idx;
  return addr;
}

static bool ptr_convertible(KExpr *e, KType *from, KType *to) {
  if (is_null_pointer_constant(e)) return true;
  if (from->kind != KT_PTR) return false;
  if (to->elem->kind == KT_VOID) return true;
  if (same_type(from->elem, to->elem)) return !from->elem->is_const || to->elem->is_const;
  return false;
}

static bool vec_compatible(KType *a, KType *b) {
  return a->kind == KT_VEC && b->kind == KT_VEC && a->elem == b->elem &&
         a->count == b->count;
}

static int standard_rank(Parser *p, KExpr *e, KType *to);

/* a constructor of `to` callable with the single argument e (C++'s
 * converting constructors: `thread_group g = this_thread_block();`) */
/* `ns::X<int>` -> the SYM_TEMPLATE `X` in X's class scope, if any */
static Sym *ctor_templates(Scope *cs, const char *qualified);

Template *class_ctor_templates(KType *t) {
  t = t->unqual;
  Sym *s = t->kind == KT_STRUCT && t->front ? ctor_templates(t->front, t->name) : NULL;
  return s ? s->tmpl : NULL;
}

static Sym *ctor_templates(Scope *cs, const char *qualified) {
  char name[256];
  snprintf(name, sizeof name, "%s", qualified);
  char *lt = strchr(name, '<');
  if (lt) *lt = 0;
  const char *shrt = name;
  for (const char *c = name; *c; c++)
    if (c[0] == ':' && c[1] == ':') shrt = c + 2;
  Sym *s = scope_find_local(cs, shrt);
  return s && s->kind == SYM_TEMPLATE && s->tmpl && !s->tmpl->is_class ? s : NULL;
}

static FuncDecl *converting_ctor(Parser *p, KExpr *e, KType *to) {
  Scope *cs = to->unqual->front;
  Sym *s = cs ? scope_find_local(cs, "<ctor>") : NULL;
  if (!s) return NULL;
  for (int i = 0; i < s->funcs.len; i++) {
    FuncDecl *fd = s->funcs.items[i];
    if (fd->nparams < 1 || (fd->nparams > 1 && !(fd->defaults && fd->defaults[1]))) continue;
    if (same_type(fd->ptypes[0], e->type) || standard_rank(p, e, fd->ptypes[0]) >= 0) return fd;
  }
  /* constructor templates (recorded under the class's own name):
   * thread_group(const thread_block_tile<Size> &) */
  Sym *ts = ctor_templates(cs, to->unqual->name);
  for (Template *t = ts ? ts->tmpl : NULL; t; t = t->next_overload) {
    TArg args[16];
    memset(args, 0, sizeof args);
    if (t->is_class || t->nparams > 16 || !deduce_template_args(p, t, args, 0, &e, 1)) continue;
    FuncDecl *fd = instantiate_func(p, t, args, t->nparams, e->loc);
    if (fd && fd->nparams >= 1 && same_type(fd->ptypes[0], e->type)) return fd;
  }
  return NULL;
}

static KExpr *derived_to_base(Parser *p, KExpr *e, KType *to);
static bool is_derived_to_base(KType *from, KType *to);

int conversion_rank(Parser *p, KExpr *e, KType *to) {
  int r = standard_rank(p, e, to);
  if (r < 0 && is_derived_to_base(e->type, to)) return 2;
  if (r >= 0 || to->unqual->kind != KT_STRUCT || same_type(e->type, to)) return r;
  return converting_ctor(p, e, to) ? 4 : -1;
}

static int standard_rank(Parser *p, KExpr *e, KType *to) {
  KType *from = e->type->kind == KT_ARRAY ? decay(p, e->type) : e->type->unqual;
  to = to->unqual;
  if (from == to) return 0;
  if (kt_is_arith(from) && kt_is_arith(to)) {
    if (kt_is_float(from) && !kt_is_float(to)) return 3;
    if (kt_is_float(from) && kt_is_float(to)) return from->size < to->size ? 1 : 3;
    if (kt_is_float(to)) return 2;
    if (to->kind == KT_BOOL) return 3;
    return from->size <= to->size ? 1 : 3;
  }
  if (to->kind == KT_PTR) {
    if (!ptr_convertible(e, from, to)) return -1;
    return from->kind == KT_PTR && same_type(from->elem, to->elem) ? 1 : 2;
  }
  if (to->kind == KT_BOOL && from->kind == KT_PTR) return 3;
  if (vec_compatible(from, to)) return 1;
  return -1;
}

static const char *value_cat(KExpr *e) { return is_lvalue(e) ? "lvalue" : "rvalue"; }

KExpr *convert(Parser *p, KExpr *e, KType *t, ConvCtx ctx, SrcLoc loc) {
  (void)loc;
  e = rvalue(p, e);
  KType *from = e->type->unqual, *to = t->unqual;
  /* a copy of a class object runs its copy constructor */
  if (from == to) return to->kind == KT_STRUCT && (ctx == CONV_INIT || ctx == CONV_ARG) ? sema_copy(p, e, to) : e;
  if (to->kind == KT_BOOL && (kt_is_arith(from) || from->kind == KT_PTR))
    return to_bool(p, e, e->loc);
  if (standard_rank(p, e, to) >= 0) return cast_to(p, e, to);
  KExpr *raw = half_raw_conversion(p, e, to, e->loc);
  if (raw) return raw;
  if (to->kind == KT_STRUCT && converting_ctor(p, e, to)) return sema_construct(p, to, &e, 1, e->loc);
  KExpr *db = derived_to_base(p, e, t);
  if (db) return db;
  KExpr *uc = from->kind == KT_STRUCT ? user_conversion(p, e, to) : NULL; /* operator T() */
  if (uc) return convert(p, uc, t, ctx, loc);
  char *tn = type_name(p, t), *fn = type_name(p, e->type);
  switch (ctx) {
  case CONV_INIT:
    error_at(p, e->loc, "cannot initialize a variable of type '%s' with an %s of type '%s'",
             tn, value_cat(e), fn);
  case CONV_ASSIGN:
    error_at(p, e->loc, "assigning to '%s' from incompatible type '%s'", tn, fn);
  case CONV_ARG:
    error_at(p, e->loc, "cannot initialize a parameter of type '%s' with an %s of type '%s'",
             tn, value_cat(e), fn);
  case CONV_RETURN:
    error_at(p, e->loc, "cannot initialize return object of type '%s' with an %s of type '%s'",
             tn, value_cat(e), fn);
  }
  return e;
}

KExpr *to_bool(Parser *p, KExpr *e, SrcLoc loc) {
  e = rvalue(p, e);
  KType *t = e->type->unqual;
  if (t->kind == KT_BOOL) return e;
  if (!kt_is_arith(t) && t->kind != KT_PTR)
    error_at(p, loc, "value of type '%s' is not contextually convertible to 'bool'",
             type_name(p, t));
  KExpr *zero = t->kind == KT_PTR ? cast_to(p, int_const(p, 0, p->m->t_i64, e->loc), t)
                                  : cast_to(p, int_const(p, 0, p->m->t_i32, e->loc), t);
  KExpr *c = new_expr(p, KE_BINARY, p->m->t_bool, e->loc);
  c->op = KOP_NE;
  c->a = e;
  c->b = zero;
  return c;
}

static KExpr *binary_node(Parser *p, KOp op, KType *t, KExpr *a, KExpr *b) {
  KExpr *e = new_expr(p, KE_BINARY, t, a->loc);
  e->op = op;
  e->a = a;
  e->b = b;
  return e;
}

static const char *op_spelling(KOp op) {
  static const char *s[] = {"", "+", "-", "*", "/", "%", "<<", ">>", "&", "|",
                            "^", "&&", "||", "==", "!=", "<", "<=", ">", ">=",
                            "-", "!", "~"};
  return s[op];
}

static _Noreturn void bad_operands(Parser *p, KExpr *a, KExpr *b, SrcLoc oploc) {
  error_at(p, oploc, "invalid operands to binary expression ('%s' and '%s')",
           type_name(p, a->type), type_name(p, b->type));
}

static KExpr *user_binary(Parser *p, KOp op, KExpr *a, KExpr *b, SrcLoc oploc) {
  char name[16];
  strcpy(name, "operator");
  strcat(name, op_spelling(op));
  KExpr *args[2] = {a, b};
  KExpr *r = sema_operator_call(p, name, args, 2, oploc);
  if (!r) bad_operands(p, a, b, oploc);
  return r;
}

static KExpr *pointer_arith(Parser *p, KOp op, KExpr *a, KExpr *b, SrcLoc oploc) {
  bool pa = a->type->kind == KT_PTR, pb = b->type->kind == KT_PTR;
  if (op == KOP_SUB && pa && pb) {
    if (!same_type(a->type->elem, b->type->elem)) bad_operands(p, a, b, oploc);
    return binary_node(p, op, p->m->t_long, a, b); /* ptrdiff_t */
  }
  if (pb && op == KOP_ADD) { KExpr *t = a; a = b; b = t; }
  if (!kt_is_int(b->type) || (op != KOP_ADD && op != KOP_SUB)) bad_operands(p, a, b, oploc);
  return binary_node(p, op, a->type->unqual, a, cast_to(p, b, promote(p, b->type)));
}

static KExpr *compare(Parser *p, KOp op, KExpr *a, KExpr *b, SrcLoc oploc) {
  KType *ta = a->type, *tb = b->type;
  if (kt_is_arith(ta) && kt_is_arith(tb)) {
    KType *c = common_arith(p, ta, tb);
    return binary_node(p, op, p->m->t_bool, cast_to(p, a, c), cast_to(p, b, c));
  }
  if (ta->kind == KT_PTR && (tb->kind == KT_PTR || is_null_pointer_constant(b)))
    return binary_node(p, op, p->m->t_bool, a, cast_to(p, b, ta));
  if (tb->kind == KT_PTR && is_null_pointer_constant(a))
    return binary_node(p, op, p->m->t_bool, cast_to(p, a, tb), b);
  bad_operands(p, a, b, oploc);
}

KExpr *sema_binary(Parser *p, KOp op, KExpr *a, KExpr *b, SrcLoc oploc) {
  a = rvalue(p, a), b = rvalue(p, b);
  KType *ta = a->type->unqual, *tb = b->type->unqual;
  if (ta->kind == KT_STRUCT || tb->kind == KT_STRUCT ||
      (ta->kind == KT_VEC && !(is_half2(ta) && is_half2(tb))) ||
      (tb->kind == KT_VEC && !is_half2(tb)))
    return user_binary(p, op, a, b, oploc);
  if (op == KOP_LAND || op == KOP_LOR)
    return binary_node(p, op, p->m->t_bool, to_bool(p, a, oploc), to_bool(p, b, oploc));
  if (is_half2(ta)) return half2_binary(p, op, a, b, oploc);
  /* two __half: cuda_fp16.hpp's operators are __heq, __hneu, __hlt ...,
   * which are C's (== < <= > >= ordered, != true for a NaN) */
  if (op >= KOP_EQ && op <= KOP_GE) return compare(p, op, a, b, oploc);
  if (ta->kind == KT_PTR || tb->kind == KT_PTR) return pointer_arith(p, op, a, b, oploc);
  if (!kt_is_arith(ta) || !kt_is_arith(tb)) bad_operands(p, a, b, oploc);
  if (op == KOP_SHL || op == KOP_SHR) {
    if (!kt_is_int(ta) || !kt_is_int(tb)) bad_operands(p, a, b, oploc);
    KType *r = promote(p, ta);
    return binary_node(p, op, r, cast_to(p, a, r), cast_to(p, b, promote(p, tb)));
  }
  if (op >= KOP_MOD && op <= KOP_XOR && (!kt_is_int(ta) || !kt_is_int(tb)))
    bad_operands(p, a, b, oploc);
  KType *c = common_arith(p, ta, tb);
  return binary_node(p, op, c, cast_to(p, a, c), cast_to(p, b, c));
}

KExpr *sema_unary(Parser *p, KOp op, KExpr *a, SrcLoc oploc) {
  a = rvalue(p, a);
  KType *t = a->type->unqual;
  if (t->kind == KT_STRUCT || (t->kind == KT_VEC && !is_half2(t))) {
    KExpr *args[1] = {a};
    KExpr *r = sema_operator_call(p, op == KOP_NEG ? "operator-" : op == KOP_NOT ? "operator!" : "operator~",
                                  args, 1, oploc);
    if (r) return r;
    error_at(p, oploc, "invalid argument type '%s' to unary expression", type_name(p, t));
  }
  if (is_half2(t) && op == KOP_NEG) return half2_negate(p, a, oploc);
  KExpr *e = new_expr(p, KE_UNARY, t, oploc);
  e->op = op;
  if (op == KOP_NOT) {
    e->type = p->m->t_bool;
    e->a = to_bool(p, a, oploc);
    return e;
  }
  if ((op == KOP_BITNOT && !kt_is_int(t)) || (op == KOP_NEG && !kt_is_arith(t) && !is_half2(t)))
    error_at(p, oploc, "invalid argument type '%s' to unary expression", type_name(p, t));
  if (!is_half2(t)) e->type = promote(p, t);
  e->a = cast_to(p, a, e->type);
  return e;
}

static void check_modifiable(Parser *p, KExpr *a) {
  if (!is_lvalue(a) || a->type->kind == KT_ARRAY)
    error_at(p, a->loc, "expression is not assignable");
  if (a->type->is_const)
    error_at(p, a->loc, "read-only variable is not assignable");
}

KExpr *sema_assign(Parser *p, KOp op, KExpr *a, KExpr *b, SrcLoc oploc) {
  KType *ta = a->type->unqual;
  if ((ta->kind == KT_STRUCT || (ta->kind == KT_VEC && !is_half2(ta))) && op != KOP_NONE) {
    char name[16] = "operator";
    strcat(name, op == KOP_SHL ? "<<" : op == KOP_SHR ? ">>" : "");
    if (op != KOP_SHL && op != KOP_SHR) {
      static const char *s[] = {"", "+", "-", "*", "/", "%", "", "", "&", "|", "^"};
      strcat(name, s[op]);
    }
    strcat(name, "=");
    KExpr *args[2] = {a, b};
    KExpr *r = sema_operator_call(p, name, args, 2, oploc);
    if (r) return r;
    bad_operands(p, a, b, oploc);
  }
  check_modifiable(p, a);
  if (is_half2(ta) && op != KOP_NONE) return half2_compound_assign(p, op, a, b, oploc);
  KExpr *e = new_expr(p, KE_ASSIGN, a->type->unqual, a->loc);
  e->op = op;
  e->a = a;
  b = rvalue(p, b);
  if (op == KOP_NONE) {
    e->b = convert(p, b, ta, CONV_ASSIGN, oploc);
  } else if (ta->kind == KT_PTR) {
    if ((op != KOP_ADD && op != KOP_SUB) || !kt_is_int(b->type)) bad_operands(p, a, b, oploc);
    e->b = cast_to(p, b, p->m->t_i64);
  } else {
    KExpr *chk = sema_binary(p, op, a, b, oploc); /* type rules of `a op b` */
    e->b = chk->b;
  }
  return e;
}

KExpr *sema_incdec(Parser *p, KExpr *a, bool inc, bool prefix, SrcLoc loc) {
  if (a->type->unqual->kind == KT_STRUCT) { /* operator++() / operator++(int) */
    KExpr *args[2] = {a, int_const(p, 0, p->m->t_i32, loc)};
    KExpr *r = sema_operator_call(p, inc ? "operator++" : "operator--", args, prefix ? 1 : 2, loc);
    if (r) return r;
  }
  check_modifiable(p, a);
  if (!kt_is_arith(a->type) && a->type->kind != KT_PTR)
    error_at(p, loc, "cannot increment value of type '%s'", type_name(p, a->type));
  KExpr *e = new_expr(p, KE_INCDEC, a->type->unqual, prefix ? loc : a->loc);
  e->op = inc ? KOP_ADD : KOP_SUB;
  e->prefix = prefix;
  e->a = a;
  return e;
}

KExpr *sema_cond(Parser *p, KExpr *c, KExpr *a, KExpr *b, SrcLoc loc) {
  KExpr *e = new_expr(p, KE_COND, NULL, c->loc);
  e->a = to_bool(p, c, loc);
  a = rvalue(p, a), b = rvalue(p, b);
  KType *ta = a->type->unqual, *tb = b->type->unqual;
  if (kt_is_arith(ta) && kt_is_arith(tb)) {
    e->type = common_arith(p, ta, tb);
  } else if (ta == tb) {
    e->type = ta;
  } else if (ta->kind == KT_PTR && tb->kind == KT_PTR && is_derived_to_base(ta, tb)) {
    e->type = tb; /* Derived* and Base*: Base*, which need not be at the same address */
    a = derived_to_base(p, a, tb);
  } else if (ta->kind == KT_PTR && tb->kind == KT_PTR && is_derived_to_base(tb, ta)) {
    e->type = ta;
    b = derived_to_base(p, b, ta);
  } else if (ta->kind == KT_PTR && (is_null_pointer_constant(b) || tb->kind == KT_PTR)) {
    e->type = ta;
  } else if (tb->kind == KT_PTR && is_null_pointer_constant(a)) {
    e->type = tb;
  } else if (vec_compatible(ta, tb)) {
    e->type = ta;
  } else {
    error_at(p, loc, "incompatible operand types ('%s' and '%s')", type_name(p, ta),
             type_name(p, tb));
  }
  e->b = cast_to(p, a, e->type);
  e->c = cast_to(p, b, e->type);
  return e;
}

KExpr *sema_index(Parser *p, KExpr *a, KExpr *i, SrcLoc loc) {
  KType *t = a->type->unqual;
  if (t->kind == KT_STRUCT) {
    KExpr *args[2] = {a, i};
    KExpr *r = sema_operator_call(p, "operator[]", args, 2, loc);
    if (r) return r;
  }
  if (t->kind != KT_PTR && t->kind != KT_ARRAY)
    error_at(p, loc, "subscripted value is not an array or pointer");
  i = rvalue(p, i);
  if (!kt_is_int(i->type)) error_at(p, i->loc, "array subscript is not an integer");
  KType *et = t->elem;
  require_complete(p, et, loc, "subscript of a pointer to an");
  if (a->type->is_const && t->kind == KT_ARRAY) et = kt_qualified(p->m, et, true, et->is_volatile);
  KExpr *e = new_expr(p, KE_INDEX, et, a->loc);
  e->a = a;
  e->b = i;
  return e;
}

KExpr *sema_deref(Parser *p, KExpr *a, SrcLoc loc) {
  a = rvalue(p, a);
  if (is_func_ptr(a->type)) return a; /* *fp designates the function, which decays back */
  if (a->type->kind != KT_PTR)
    error_at(p, loc, "indirection requires pointer operand ('%s' invalid)",
             type_name(p, a->type));
  if (a->type->elem->kind == KT_VOID)
    error_at(p, loc, "indirection of a 'void *' pointer is not allowed");
  KExpr *e = new_expr(p, KE_DEREF, a->type->elem, loc);
  e->a = a;
  return e;
}

KExpr *sema_addr(Parser *p, KExpr *a, SrcLoc loc) {
  if (a->kind == KE_FUNC_ADDR) return a; /* &f is f */
  if (!is_lvalue(a))
    error_at(p, loc, "cannot take the address of an rvalue of type '%s'",
             type_name(p, a->type));
  if (a->kind == KE_DEREF) return a->a; /* &*p is p */
  KExpr *e = new_expr(p, KE_ADDR, kt_ptr(p->m, a->type, lvalue_space(a)), loc);
  e->a = a;
  return e;
}

static KExpr *vec_lane(Parser *p, KExpr *a, Token *name) {
  static const char lanes[] = "xyzw";
  const char *s = name->spelling;
  const char *pos = s[0] && !s[1] ? strchr(lanes, s[0]) : NULL;
  if (!pos || pos - lanes >= a->type->count)
    error_tok(p, name, "no member named '%s' in '%s'", s, type_name(p, a->type));
  KType *et = a->type->elem;
  if (a->type->is_const) et = kt_qualified(p->m, et, true, false);
  if (a->kind == KE_BVAR && a->field < 0) {
    /* threadIdx.x: the node parse_identifier just made for threadIdx,
     * which nothing else holds, becomes the component (a new node would
     * leave it unreachable: 4 % of a large file's expressions) */
    a->type = p->m->t_u32;
    a->field = (int)(pos - lanes);
    return a;
  }
  KExpr *e = new_expr(p, KE_MEMBER, et, a->loc);
  e->a = a;
  e->field = (int)(pos - lanes);
  return e;
}

static bool is_base_field(const KField *f) { return !strncmp(f->name, "__base", 6); }

bool derives_from(KType *d, KType *base) {
  d = d->unqual;
  base = base->unqual;
  if (d == base) return true;
  if (d->kind != KT_STRUCT) return false;
  for (int i = 0; i < d->nfields; i++)
    if (is_base_field(&d->fields[i]) && derives_from(d->fields[i].type, base)) return true;
  return false;
}

static KExpr *field_of(Parser *p, KExpr *a, int i) {
  KType *ft = a->type->unqual->fields[i].type;
  if (a->type->is_const) ft = kt_qualified(p->m, ft, true, ft->is_volatile);
  KExpr *e = new_expr(p, KE_MEMBER, ft, a->loc);
  e->a = a;
  e->field = i;
  return e;
}

KExpr *to_base(Parser *p, KExpr *obj, KType *base) {
  KType *t = obj->type->unqual;
  if (t == base->unqual) return obj;
  if (t->kind != KT_STRUCT) return NULL;
  for (int i = 0; i < t->nfields; i++)
    if (is_base_field(&t->fields[i]) && derives_from(t->fields[i].type, base))
      return to_base(p, field_of(p, obj, i), base);
  return NULL;
}

/* a.name: a field of a's class or of one of its bases; NULL: none */
static KExpr *find_field(Parser *p, KExpr *a, const char *name) {
  KType *t = a->type->unqual;
  for (int i = 0; i < t->nfields; i++)
    if (!strcmp(t->fields[i].name, name)) return field_of(p, a, i);
  for (int i = 0; i < t->nfields; i++) {
    KExpr *e = is_base_field(&t->fields[i]) ? find_field(p, field_of(p, a, i), name) : NULL;
    if (e) return e;
  }
  return NULL;
}

static bool is_derived_to_base(KType *from, KType *to) {
  from = from->unqual;
  to = to->unqual;
  if (from->kind == KT_PTR && to->kind == KT_PTR)
    return from->elem->unqual->kind == KT_STRUCT && to->elem->unqual->kind == KT_STRUCT &&
           from->elem->unqual != to->elem->unqual && derives_from(from->elem, to->elem);
  return from->kind == KT_STRUCT && to->kind == KT_STRUCT && from != to && derives_from(from, to);
}

/* Derived* -> Base*, Derived -> Base (the subobject); NULL: not such a conversion */
static KExpr *derived_to_base(Parser *p, KExpr *e, KType *to) {
  KType *from = e->type->unqual;
  to = to->unqual;
  if (from->kind == KT_PTR && to->kind == KT_PTR && is_derived_to_base(from, to)) {
    KExpr *sub = to_base(p, sema_deref(p, e, e->loc), to->elem);
    int off = 0;
    for (KExpr *m = sub; m->kind == KE_MEMBER; m = m->a) off += m->a->type->unqual->fields[m->field].offset;
    if (off && p->fn && e->kind != KE_VAR) { /* evaluated twice below: once */
      KVar *tmp;
      KExpr *set = make_temp(p, rvalue(p, e), &tmp);
      KExpr *ref = new_expr(p, KE_VAR, tmp->type, e->loc);
      ref->var = tmp;
      KExpr *conv = derived_to_base(p, ref, to);
      KExpr *s = new_expr(p, KE_COMMA, to, e->loc);
      s->a = set;
      s->b = conv;
      return s;
    }
    KExpr *c = new_expr(p, KE_CAST, to, e->loc);
    c->a = sema_addr(p, sub, e->loc);
    if (!off || !p->fn) return c;
    /* a base after the first: a null pointer stays null */
    KExpr *sel = new_expr(p, KE_COND, to, e->loc);
    sel->a = to_bool(p, e, e->loc);
    sel->b = c;
    sel->c = cast_to(p, int_const(p, 0, p->m->t_i64, e->loc), to);
    return sel;
  }
  if (from->kind == KT_STRUCT && to->kind == KT_STRUCT && from != to && derives_from(from, to))
    return to_base(p, e, to);
  return NULL;
}

KExpr *sema_member(Parser *p, KExpr *a, Token *name, bool arrow, SrcLoc loc) {
  if (arrow) {
    if (a->type->kind != KT_PTR && a->type->kind != KT_ARRAY)
      error_at(p, loc, "member reference type '%s' is not a pointer", type_name(p, a->type));
    a = sema_deref(p, a, loc);
  }
  KType *t = a->type->unqual;
  if (t->kind == KT_VEC) return vec_lane(p, a, name);
  if (t->kind != KT_STRUCT)
    error_at(p, loc, "member reference base type '%s' is not a structure or union",
             type_name(p, a->type));
  require_complete(p, t, loc, "member access into");
  KExpr *f = find_field(p, a, name->spelling);
  if (f) return f;
  error_tok(p, name, "no member named '%s' in '%s'", name->spelling, type_name(p, t));
}

static KExpr *this_deref(Parser *p, SrcLoc loc) {
  if (!p->fn || !p->fn->this_var)
    error_at(p, loc, "invalid use of member outside a member function");
  KExpr *v = new_expr(p, KE_VAR, p->fn->this_var->type, loc);
  v->var = p->fn->this_var;
  return sema_deref(p, v, loc);
}

KExpr *sema_var_ref(Parser *p, Sym *s, SrcLoc loc) {
  if (s->kind == SYM_CONST) return int_const(p, s->value, s->type, loc);
  if (s->kind == SYM_FIELD) {
    KExpr *self = this_deref(p, loc);
    KExpr *sub = self->type->unqual != s->owner ? to_base(p, self, s->owner) : NULL;
    if (sub) self = sub; /* a member of a base class */
    KType *t = self->type->unqual;
    KExpr *e = new_expr(p, KE_MEMBER, t->fields[s->field].type, loc);
    if (self->type->is_const)
      e->type = kt_qualified(p->m, e->type, true, e->type->is_volatile);
    e->a = self;
    e->field = s->field;
    if (s->is_ref) return sema_deref(p, e, loc); /* a field holding a captured variable's address */
    return e;
  }
  KExpr *e = new_expr(p, KE_VAR, s->var->type, loc);
  e->var = s->var;
  if (s->is_ref) return sema_deref(p, e, loc);
  return e;
}

KExpr *make_temp(Parser *p, KExpr *init, KVar **out) {
  if (!p->fn) /* a constructor to run before main: what CUDA does not do for device variables */
    error_at(p, init->loc, "dynamic initialization (an object constructed outside a function) "
                           "is not supported for a __device__, __constant__ or __managed__ variable");
  KVar *v = arena_alloc(p->arena, sizeof *v);
  v->kind = KV_LOCAL;
  v->type = init->type->unqual;
  v->as = AS_LOCAL;
  v->name = v->cname = arena_printf(p->arena, "__tmp%d", p->uniq++);
  v->loc = init->loc;
  vec_push(p->arena, &p->fn->temps, v);
  KExpr *ref = new_expr(p, KE_VAR, v->type, init->loc);
  ref->var = v;
  KExpr *as = new_expr(p, KE_ASSIGN, v->type, init->loc);
  as->a = ref;
  as->b = init;
  *out = v;
  return as;
}
