/*
 * sema_half2.c — the operators cuda_fp16.hpp defines on __half2: binary
 * + - * /, unary -, the compound assignments += -= *= /= and the
 * comparisons == != < <= > >=.  They are lowered here to the half2
 * builtins (__hadd2, __hsub2, __hmul2, __h2div, __hneg2) and per-lane
 * half comparisons, so every backend runs them with code it already has
 * for the builtins.  A comparison is true when it holds in both lanes,
 * as cuda_fp16.hpp's operators say (__hbeq2 & co): ordered, so a NaN
 * lane makes it false, except != (__hbneu2), which a NaN lane makes
 * true in that lane, as != on two __half (__hneu).  Operands are
 * evaluated once: a comparison keeps them in temporaries; a compound
 * assignment reads its target again through a copy of the target's
 * expression where that has no side effects (variables, members, indices
 * of such: what every backend addresses), else through a pointer
 * temporary.
 */
#include <string.h>

#include "decl.h"

bool is_half2(const KType *t) {
  return t->kind == KT_VEC && t->elem->kind == KT_F16 && t->count == 2;
}

static KExpr *call2(Parser *p, const char *name, KExpr *a, KExpr *b, SrcLoc loc) {
  KExpr *args[2] = {a, b};
  KExpr *e = sema_builtin_call_at(p, name, args, b ? 2 : 1, loc);
  if (!e) error_at(p, loc, "no matching function for call to '%s'", name);
  return e;
}

static const char *arith_builtin(KOp op) {
  switch (op) {
  case KOP_ADD: return "__hadd2";
  case KOP_SUB: return "__hsub2";
  case KOP_MUL: return "__hmul2";
  case KOP_DIV: return "__h2div";
  default: return NULL;
  }
}

/* lane l of a and of b (fresh references to the temporaries) compared */
static KExpr *lane_compare(Parser *p, KOp op, KVar *a, KVar *b, int l, SrcLoc loc) {
  const char *part = l ? "__high2half" : "__low2half";
  KExpr *x = call2(p, part, expr_var(p, a, loc), NULL, loc);
  KExpr *y = call2(p, part, expr_var(p, b, loc), NULL, loc);
  switch (op) {
  case KOP_EQ: return call2(p, "__heq", x, y, loc);
  case KOP_LT: return call2(p, "__hlt", x, y, loc);
  case KOP_LE: return call2(p, "__hle", x, y, loc);
  case KOP_GT: return call2(p, "__hgt", x, y, loc);
  case KOP_GE: return call2(p, "__hge", x, y, loc);
  default: /* KOP_NE: unordered, !__heq (CUDA's __hneu) */
    return sema_unary(p, KOP_NOT, call2(p, "__heq", x, y, loc), loc);
  }
}

/* a op b for two __half2 operands (rvalues) */
KExpr *half2_binary(Parser *p, KOp op, KExpr *a, KExpr *b, SrcLoc oploc) {
  const char *fn = arith_builtin(op);
  if (fn) return call2(p, fn, a, b, oploc);
  if (op < KOP_EQ || op > KOP_GE)
    error_at(p, oploc, "invalid operands to binary expression ('__half2' and '__half2')");
  KVar *ta, *tb;
  KExpr *set = expr_comma(p, make_temp(p, a, &ta), make_temp(p, b, &tb));
  KExpr *both = sema_binary(p, KOP_LAND, lane_compare(p, op, ta, tb, 0, oploc),
                            lane_compare(p, op, ta, tb, 1, oploc), oploc);
  return expr_comma(p, set, both);
}

KExpr *half2_negate(Parser *p, KExpr *a, SrcLoc oploc) { return call2(p, "__hneg2", a, NULL, oploc); }

/* a copy of e's tree where evaluating it twice is the same as once, or NULL */
static KExpr *copy_if_pure(Parser *p, const KExpr *e) {
  if (!e) return NULL;
  KExpr *c;
  switch (e->kind) {
  case KE_VAR: case KE_BVAR: case KE_INT: case KE_FLOAT:
    c = new_expr(p, e->kind, e->type, e->loc);
    *c = *e;
    return c;
  case KE_MEMBER: case KE_DEREF: case KE_CAST: case KE_UNARY:
  case KE_INDEX: case KE_BINARY:
    c = new_expr(p, e->kind, e->type, e->loc);
    *c = *e;
    c->a = copy_if_pure(p, e->a);
    c->b = e->b ? copy_if_pure(p, e->b) : NULL;
    return c->a && (c->b || !e->b) ? c : NULL;
  default: return NULL;
  }
}

/* a op= b: a = a op b, with a evaluated once */
KExpr *half2_compound_assign(Parser *p, KOp op, KExpr *a, KExpr *b, SrcLoc oploc) {
  const char *fn = arith_builtin(op);
  if (!fn) error_at(p, oploc, "invalid operands to binary expression ('__half2' and '%s')",
                    type_name(p, b->type));
  KExpr *again = copy_if_pure(p, a);
  if (again) return sema_assign(p, KOP_NONE, a, call2(p, fn, rvalue(p, again), b, oploc), oploc);
  KVar *ptr;
  KExpr *set = make_temp(p, sema_addr(p, a, a->loc), &ptr);
  KExpr *value = call2(p, fn, sema_deref(p, expr_var(p, ptr, a->loc), a->loc), b, oploc);
  return expr_comma(p, set, sema_assign(p, KOP_NONE, sema_deref(p, expr_var(p, ptr, a->loc), a->loc), value, oploc));
}
