/*
 * c_index.c — global thread indices in signed arithmetic where they
 * cannot wrap, so that the C compiler sees them as affine.
 *
 * CUDA code computes `int x = blockIdx.x * blockDim.x + threadIdx.x` in
 * 32-bit unsigned arithmetic and converts the result to int.  Written that
 * way in C, the value may wrap, so GCC cannot describe `in[y * w + x]` as
 * a linear function of the per-thread loop's counter and does not
 * vectorise the loop (1-D `in[x]` happens to survive, 2-D indexing does
 * not).  Where the unsigned value provably stays below 2^31 the
 * conversion equals the same sum computed in signed int, which GCC may
 * assume not to overflow: this file emits `(int32_t)a * (int32_t)b +
 * (int32_t)c` instead.
 *
 * Bounds come from CUDA's limits, which the runtime enforces at launch:
 * threadIdx.x/y < 1024, threadIdx.z < 64, blockDim.x/y <= 1024,
 * blockDim.z <= 64, blockIdx.y/z < 65535, non-negative literals, and
 * locals recomputed from such values (c_remat.c).  blockIdx.x is bounded
 * (< 2^21) only in the kernel's fast copy (see the prelude), so a sum
 * that needs that bound is emitted as `(cw_fast ? signed : as written)`,
 * which folds in each copy.  gridDim and parameters are unbounded.
 */
#include "c_internal.h"

#define NO_BOUND (-1)

/* Largest value of e (all leaves are non-negative), or NO_BOUND;
 * *fast is set when the bound relies on blockIdx.x < 2^21.  Locals are
 * looked up with ce_remat_init, or with r when given. */
static int64_t bound_r(const CEmit *ce, const KExpr *e, bool *fast, int depth, const CeResolver *r) {
  if (!e || depth > 16) return NO_BOUND;
  switch (e->kind) {
  case KE_INT: return e->ival >= 0 && e->ival < ((int64_t)1 << 31) ? e->ival : NO_BOUND;
  case KE_BVAR: {
    if (e->field < 0 || e->field > 2) return NO_BOUND;
    switch (e->bvar) {
    case KBV_THREAD_IDX: return e->field == 2 ? 63 : 1023;
    case KBV_BLOCK_DIM: return e->field == 2 ? 64 : 1024;
    case KBV_BLOCK_IDX:
      if (e->field) return 65534;
      *fast = true;
      return ((int64_t)1 << 21) - 1;
    default: return NO_BOUND;
    }
  }
  case KE_VAR: {
    const KExpr *init = r ? r->fn(r->ctx, e->var) : NULL;
    if (!init) init = ce_remat_init(ce, e->var);
    return init && kt_is_int(e->var->type) ? bound_r(ce, init, fast, depth + 1, r) : NO_BOUND;
  }
  case KE_CAST:
    if (!kt_is_int(e->type) || !kt_is_int(e->a->type) || e->type->size < 4) return NO_BOUND;
    return bound_r(ce, e->a, fast, depth + 1, r);
  case KE_BINARY: {
    if (e->op != KOP_ADD && e->op != KOP_MUL) return NO_BOUND;
    int64_t a = bound_r(ce, e->a, fast, depth + 1, r), b = bound_r(ce, e->b, fast, depth + 1, r);
    if (a == NO_BOUND || b == NO_BOUND) return NO_BOUND;
    int64_t r = e->op == KOP_ADD ? a + b : a * b;
    return r < ((int64_t)1 << 31) ? r : NO_BOUND;
  }
  default: return NO_BOUND;
  }
}

static int64_t bound(const CEmit *ce, const KExpr *e, bool *fast, int depth) {
  return bound_r(ce, e, fast, depth, NULL);
}

bool ce_index_bounded(const CEmit *ce, const KExpr *e, const CeResolver *r, bool *fast) {
  return bound_r(ce, e, fast, 0, r) != NO_BOUND;
}

/* e in int32_t arithmetic (its bound is below 2^31). */
static void emit_signed(CEmit *ce, StrBuf *sb, const KExpr *e) {
  switch (e->kind) {
  case KE_CAST: emit_signed(ce, sb, e->a); return;
  case KE_VAR: {
    const KExpr *init = ce_remat_init(ce, e->var);
    if (init) {
      emit_signed(ce, sb, init);
      return;
    }
    break;
  }
  case KE_BINARY:
    sb_putc(sb, '(');
    emit_signed(ce, sb, e->a);
    sb_puts(sb, e->op == KOP_ADD ? " + " : " * ");
    emit_signed(ce, sb, e->b);
    sb_putc(sb, ')');
    return;
  default: break;
  }
  sb_puts(sb, "(int32_t)");
  ce_expr(ce, sb, e);
}

bool ce_emit_signed_index(CEmit *ce, StrBuf *sb, const KExpr *cast, void (*plain)(CEmit *, StrBuf *, const KExpr *)) {
  if (!ce->in_kernel || ce->fiber || cast->kind != KE_CAST || !kt_is_int(cast->type) ||
      !kt_is_signed(cast->type) || cast->type->size != 4 || !kt_is_int(cast->a->type) ||
      kt_is_signed(cast->a->type) || cast->a->type->size != 4 || cast->a->kind != KE_BINARY)
    return false;
  bool fast = false;
  if (bound(ce, cast->a, &fast, 0) == NO_BOUND) return false;
  sb_puts(sb, fast ? "(cw_fast ? " : "(");
  emit_signed(ce, sb, cast->a);
  if (fast) {
    sb_puts(sb, " : ");
    plain(ce, sb, cast);
  }
  sb_putc(sb, ')');
  return true;
}
