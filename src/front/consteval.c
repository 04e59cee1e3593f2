/*
 * consteval.c — integer constant evaluation over typed KIR expressions:
 * array sizes, case labels, template arguments, static_assert, enumerators,
 * and constant folding of const/constexpr variables.  Results are computed
 * in 64 bits and truncated to the expression's type, as the target would.
 */
#include "parser.h"

static int64_t truncate_to(KType *t, int64_t v) {
  switch (t->unqual->kind) {
  case KT_BOOL: return v != 0;
  case KT_I8: return (int8_t)v;
  case KT_I16: return (int16_t)v;
  case KT_I32: return (int32_t)v;
  case KT_U8: return (uint8_t)v;
  case KT_U16: return (uint16_t)v;
  case KT_U32: return (uint32_t)v;
  default: return v;
  }
}

static bool eval_binary(KOp op, KType *t, int64_t a, int64_t b, int64_t *out) {
  bool u = !kt_is_signed(t);
  uint64_t ua = (uint64_t)a, ub = (uint64_t)b;
  switch (op) {
  case KOP_ADD: *out = (int64_t)(ua + ub); break;
  case KOP_SUB: *out = (int64_t)(ua - ub); break;
  case KOP_MUL: *out = (int64_t)(ua * ub); break;
  case KOP_DIV:
  case KOP_MOD:
    if (b == 0) return false;
    if (u) *out = (int64_t)(op == KOP_DIV ? ua / ub : ua % ub);
    else if (a == INT64_MIN && b == -1) return false;
    else *out = op == KOP_DIV ? a / b : a % b;
    break;
  case KOP_SHL: *out = (int64_t)(ua << (ub & 63)); break;
  case KOP_SHR: *out = u ? (int64_t)(ua >> (ub & 63)) : a >> (ub & 63); break;
  case KOP_AND: *out = a & b; break;
  case KOP_OR: *out = a | b; break;
  case KOP_XOR: *out = a ^ b; break;
  case KOP_LAND: *out = a && b; break;
  case KOP_LOR: *out = a || b; break;
  case KOP_EQ: *out = a == b; break;
  case KOP_NE: *out = a != b; break;
  case KOP_LT: *out = u ? ua < ub : a < b; break;
  case KOP_LE: *out = u ? ua <= ub : a <= b; break;
  case KOP_GT: *out = u ? ua > ub : a > b; break;
  case KOP_GE: *out = u ? ua >= ub : a >= b; break;
  default: return false;
  }
  return true;
}

typedef struct Env {
  KFunc *fn;
  int64_t *vals;
  int depth;
} Env;

static bool eval_in(Parser *p, KExpr *e, int64_t *out, Env *env);

/* a constexpr function whose body is `return expr;` */
static bool eval_call(Parser *p, KExpr *e, int64_t *out, Env *env) {
  KFunc *f = e->fn;
  if (!(f->flags & KF_CONSTEXPR) || !f->body || (env && env->depth > 64)) return false;
  KStmt *b = f->body;
  while (b->kind == KS_BLOCK && b->nstmts == 1) b = b->stmts[0];
  if (b->kind != KS_RETURN || !b->e || e->nargs > 16) return false;
  int64_t vals[16];
  for (int i = 0; i < e->nargs; i++)
    if (!eval_in(p, e->args[i], &vals[i], env)) return false;
  Env inner = {f, vals, env ? env->depth + 1 : 1};
  return eval_in(p, b->e, out, &inner);
}

static bool eval(Parser *p, KExpr *e, int64_t *out) { return eval_in(p, e, out, NULL); }

static bool eval_in(Parser *p, KExpr *e, int64_t *out, Env *env) {
  int64_t a, b;
  if (env) {
    if (e->kind == KE_VAR && e->var->kind == KV_PARAM) {
      for (int i = 0; i < env->fn->nparams; i++)
        if (env->fn->params[i] == e->var) return *out = env->vals[i], true;
      return false;
    }
    if (e->kind == KE_CAST && kt_is_int(e->type) && kt_is_int(e->a->type)) {
      if (!eval_in(p, e->a, &a, env)) return false;
      *out = truncate_to(e->type, a);
      return true;
    }
    if (e->kind == KE_BINARY || e->kind == KE_UNARY || e->kind == KE_COND) {
      int64_t c;
      if (e->kind == KE_COND) {
        if (!eval_in(p, e->a, &c, env)) return false;
        return eval_in(p, c ? e->b : e->c, out, env);
      }
      if (!eval_in(p, e->a, &a, env)) return false;
      if (e->kind == KE_UNARY) {
        *out = truncate_to(e->type, e->op == KOP_NEG ? (int64_t)(0 - (uint64_t)a) : e->op == KOP_NOT ? !a : ~a);
        return true;
      }
      if (!eval_in(p, e->b, &b, env)) return false;
      KType *optype = e->op >= KOP_EQ && e->op <= KOP_GE ? e->a->type : e->type;
      if (!eval_binary(e->op, optype, a, b, out)) return false;
      *out = truncate_to(e->type, *out);
      return true;
    }
  }
  if (e->kind == KE_CALL) return eval_call(p, e, out, env);
  switch (e->kind) {
  case KE_INT: *out = e->ival; return true;
  case KE_FLOAT: return false;
  case KE_CAST:
    if (e->a->kind == KE_FLOAT && kt_is_int(e->type)) {
      *out = truncate_to(e->type, (int64_t)e->a->fval);
      return true;
    }
    if (!kt_is_int(e->type) || !eval(p, e->a, &a)) return false;
    *out = truncate_to(e->type, a);
    return true;
  case KE_UNARY:
    if (!eval(p, e->a, &a)) return false;
    *out = e->op == KOP_NEG ? (int64_t)(0 - (uint64_t)a) : e->op == KOP_NOT ? !a : ~a;
    *out = truncate_to(e->type, *out);
    return true;
  case KE_BINARY: {
    if (!eval(p, e->a, &a)) return false;
    if (e->op == KOP_LAND && !a) return *out = 0, true;
    if (e->op == KOP_LOR && a) return *out = 1, true;
    if (!eval(p, e->b, &b)) return false;
    KType *optype = e->op >= KOP_EQ && e->op <= KOP_GE ? e->a->type : e->type;
    if (!eval_binary(e->op, optype, a, b, out)) return false;
    *out = truncate_to(e->type, *out);
    return true;
  }
  case KE_COND:
    if (!eval(p, e->a, &a)) return false;
    return eval(p, a ? e->b : e->c, out);
  case KE_COMMA: return eval(p, e->b, out);
  case KE_BUILTIN: /* integer min/max (std::min in a constexpr) */
    if ((e->builtin != KB_MIN && e->builtin != KB_MAX) || e->nargs != 2 || !kt_is_int(e->type) ||
        !eval(p, e->args[0], &a) || !eval(p, e->args[1], &b))
      return false;
    if (kt_is_signed(e->type)) *out = (e->builtin == KB_MIN) == (a < b) ? a : b;
    else *out = (e->builtin == KB_MIN) == ((uint64_t)a < (uint64_t)b) ? a : b;
    *out = truncate_to(e->type, *out);
    return true;
  case KE_VAR:
    /* const/constexpr variables with constant initializers */
    if (e->var->type->is_const && e->var->init && kt_is_int(e->var->type))
      return eval(p, e->var->init, out);
    return false;
  default: return false;
  }
}

bool eval_const(Parser *p, KExpr *e, int64_t *out) { return eval(p, e, out); }

int64_t const_int_expr(Parser *p, const char *what) {
  SrcLoc loc = p->tok->loc;
  KExpr *e = parse_cond_expr(p);
  int64_t v;
  if (!kt_is_int(e->type) || !eval_const(p, e, &v)) error_at(p, loc, "%s", what);
  return v;
}
