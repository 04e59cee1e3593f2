/*
 * wasm_half.c — `__half` and `__half2` on the WebAssembly target.
 *
 * A `__half` value is an f32 that holds a half-precision number: memory
 * keeps the 16-bit pattern (loads and stores convert through the host's
 * h2f/f2h, round to nearest even), and every operation rounds its f32
 * result back to half precision (hround), which gives the results of
 * half arithmetic for +, -, *, / and sqrt (the f32 result of two halves
 * is exact or rounds once more without changing the half).  A `__half2`
 * is a two-lane vector in memory; its builtins run lane by lane.
 */
#include "wasm_internal.h"

typedef enum { H_ADD, H_SUB, H_MUL, H_DIV, H_FMA, H_NEG, H_ABS, H_MAX, H_MIN, H_SQRT, H_RSQRT, H_RCP,
               H_FLOOR, H_CEIL, H_TRUNC, H_RINT } HalfOp;

typedef struct HalfInfo {
  KBuiltinId id;
  HalfOp op;
} HalfInfo;

static const HalfInfo elementwise[] = {
    {KB_I_HADD_HALF, H_ADD}, {KB_I_HSUB, H_SUB}, {KB_I_HMUL, H_MUL}, {KB_I_HDIV, H_DIV}, {KB_I_HFMA, H_FMA},
    {KB_I_HNEG, H_NEG}, {KB_I_HABS, H_ABS}, {KB_I_HMAX, H_MAX}, {KB_I_HMIN, H_MIN},
    {KB_I_HADD2, H_ADD}, {KB_I_HSUB2, H_SUB}, {KB_I_HMUL2, H_MUL}, {KB_I_H2DIV, H_DIV}, {KB_I_HFMA2, H_FMA},
    {KB_I_HNEG2, H_NEG}, {KB_I_HABS2, H_ABS}, {KB_I_HMAX2, H_MAX}, {KB_I_HMIN2, H_MIN},
    {KB_HSQRT, H_SQRT}, {KB_H2SQRT, H_SQRT}, {KB_HRSQRT, H_RSQRT}, {KB_HRCP, H_RCP}, {KB_H2RCP, H_RCP},
    {KB_HFLOOR, H_FLOOR}, {KB_HCEIL, H_CEIL}, {KB_HTRUNC, H_TRUNC}, {KB_HRINT, H_RINT},
};

static bool is_pair(const KType *t) { return t->kind == KT_VEC && t->elem->kind == KT_F16; }

static void f32_const(WEmit *w, float v) {
  op(w, OP_F32_CONST);
  wb_f32(&w->fn->code, v);
}

/* lane l of operand i: a pair's lane from memory, a scalar itself */
static void lane(WEmit *w, const KExpr *e, const uint32_t *loc, int i, int l) {
  const KType *t = e->args[i]->type;
  op_u(w, OP_LOCAL_GET, loc[i]);
  if (is_pair(t)) {
    op_i32(w, 2 * l);
    op(w, OP_I32_ADD);
    wx_load(w, t->elem);
  }
}

static void apply(WEmit *w, HalfOp o) {
  switch (o) {
  case H_ADD: op(w, OP_F32_ADD); break;
  case H_SUB: op(w, OP_F32_SUB); break;
  case H_MUL: op(w, OP_F32_MUL); break;
  case H_DIV: op(w, OP_F32_DIV); break;
  case H_FMA: /* a*b is exact in f32; the sum rounds once before hround */
    break;
  case H_NEG: op(w, OP_F32_NEG); break;
  case H_ABS: op(w, OP_F32_ABS); break;
  case H_MAX: op(w, OP_F32_MAX); break;
  case H_MIN: op(w, OP_F32_MIN); break;
  case H_SQRT: op(w, OP_F32_SQRT); break;
  case H_FLOOR: op(w, OP_F32_FLOOR); break;
  case H_CEIL: op(w, OP_F32_CEIL); break;
  case H_TRUNC: op(w, OP_F32_TRUNC); break;
  case H_RINT: op(w, OP_F32_NEAREST); break;
  case H_RSQRT: case H_RCP: break; /* handled by the caller */
  }
}

static void one_lane(WEmit *w, const KExpr *e, const uint32_t *loc, HalfOp o, int l) {
  if (o == H_RSQRT || o == H_RCP) {
    f32_const(w, 1.0f);
    lane(w, e, loc, 0, l);
    if (o == H_RSQRT) op(w, OP_F32_SQRT);
    op(w, OP_F32_DIV);
  } else if (o == H_MAX || o == H_MIN) {
    /* CUDA's: a NaN operand gives the other; f32.max/min would give NaN.
     * Stack: b, a, max(a, b) → b, (b NaN ? a : max) → (a NaN ? b : that) */
    lane(w, e, loc, 1, l);
    lane(w, e, loc, 0, l);
    lane(w, e, loc, 0, l);
    lane(w, e, loc, 1, l);
    apply(w, o);
    lane(w, e, loc, 1, l);
    lane(w, e, loc, 1, l);
    op(w, OP_F32_NE);
    op(w, OP_SELECT);
    lane(w, e, loc, 0, l);
    lane(w, e, loc, 0, l);
    op(w, OP_F32_NE);
    op(w, OP_SELECT);
  } else if (o == H_FMA) {
    lane(w, e, loc, 0, l);
    lane(w, e, loc, 1, l);
    op(w, OP_F32_MUL);
    lane(w, e, loc, 2, l);
    op(w, OP_F32_ADD);
  } else {
    for (int i = 0; i < e->nargs; i++) lane(w, e, loc, i, l);
    apply(w, o);
  }
  op_u(w, OP_CALL, WI_HROUND);
}

/* operands into locals: a pair's address, a scalar's f32 value */
static uint32_t *operands(WEmit *w, const KExpr *e) {
  uint32_t *loc = arena_alloc(&w->arena, sizeof *loc * (size_t)(e->nargs + 1));
  for (int i = 0; i < e->nargs; i++) {
    const KExpr *a = e->args[i];
    bool pair = is_pair(a->type) || kt_aggregate(a->type);
    loc[i] = we_local(w, pair ? WT_I32 : WT_F32);
    wx_value(w, a);
    if (!pair) wx_convert(w, a->type, w->m->t_f16, a->loc);
    op_u(w, OP_LOCAL_SET, loc[i]);
  }
  return loc;
}

/* builds a pair from two lane sources: src[k] = operand index * 2 + lane,
 * lane 2 meaning the scalar operand itself; the pair's address on the stack */
static void build_pair(WEmit *w, const KExpr *e, const uint32_t *loc, const int src[2]) {
  uint32_t r = wx_temp(w, e->type);
  for (int k = 0; k < 2; k++) {
    op_u(w, OP_LOCAL_GET, r);
    op_i32(w, 2 * k);
    op(w, OP_I32_ADD);
    int i = src[k] / 3, l = src[k] % 3;
    const KType *t = e->args[i]->type;
    if (t->kind == KT_VEC && t->elem->kind == KT_F32) { /* float2 lanes */
      op_u(w, OP_LOCAL_GET, loc[i]);
      op_i32(w, 4 * l);
      op(w, OP_I32_ADD);
      wx_load(w, t->elem);
      op_u(w, OP_CALL, WI_HROUND);
    } else {
      lane(w, e, loc, i, l == 2 ? 0 : l);
    }
    wx_store(w, w->m->t_f16);
  }
  op_u(w, OP_LOCAL_GET, r);
}

#define SRC(i, l) ((i) * 3 + (l))

bool wb_half(WEmit *w, const KExpr *e) {
  for (size_t k = 0; k < sizeof elementwise / sizeof *elementwise; k++) {
    if (elementwise[k].id != e->builtin) continue;
    uint32_t *loc = operands(w, e);
    if (!is_pair(e->type)) {
      one_lane(w, e, loc, elementwise[k].op, 0);
      return true;
    }
    uint32_t r = wx_temp(w, e->type);
    for (int l = 0; l < 2; l++) {
      op_u(w, OP_LOCAL_GET, r);
      op_i32(w, 2 * l);
      op(w, OP_I32_ADD);
      one_lane(w, e, loc, elementwise[k].op, l);
      wx_store(w, w->m->t_f16);
    }
    op_u(w, OP_LOCAL_GET, r);
    return true;
  }
  const KExpr *a0 = e->nargs ? e->args[0] : NULL;
  uint32_t *loc;
  switch (e->builtin) {
  case KB_I_FLOAT2HALF: case KB_I_FLOAT2HALF_RN: case KB_I_DOUBLE2HALF: case KB_I_INT2HALF_RN:
  case KB_I_HALF2FLOAT:
    wx_value(w, a0);
    wx_convert(w, a0->type, e->type, e->loc);
    return true;
  case KB_I_HALF2INT_RN: case KB_I_HALF2INT_RZ:
    wx_value(w, a0);
    if (e->builtin == KB_I_HALF2INT_RN) op(w, OP_F32_NEAREST);
    wx_convert(w, w->m->t_f32, e->type, e->loc);
    return true;
  case KB_I_HALF_AS_SHORT: case KB_I_HALF_AS_USHORT:
    wx_value(w, a0);
    op_u(w, OP_CALL, WI_F2H);
    if (e->builtin == KB_I_HALF_AS_SHORT) op(w, OP_I32_EXTEND16_S);
    return true;
  case KB_I_SHORT_AS_HALF: case KB_I_USHORT_AS_HALF:
    wx_value(w, a0);
    op_i32(w, 0xffff);
    op(w, OP_I32_AND);
    op_u(w, OP_CALL, WI_H2F);
    return true;
  case KB_I_HEQ: case KB_I_HNE: case KB_I_HLT: case KB_I_HLE: case KB_I_HGT: case KB_I_HGE: {
    static const unsigned cmp[] = {OP_F32_EQ, OP_F32_NE, OP_F32_LT, OP_F32_LE, OP_F32_GT, OP_F32_GE};
    loc = operands(w, e);
    op_u(w, OP_LOCAL_GET, loc[0]);
    op_u(w, OP_LOCAL_GET, loc[1]);
    if (e->builtin == KB_I_HNE) { /* ordered, as CUDA's: a < b || a > b, false for NaN */
      op(w, OP_F32_LT);
      op_u(w, OP_LOCAL_GET, loc[0]);
      op_u(w, OP_LOCAL_GET, loc[1]);
      op(w, OP_F32_GT);
      op(w, OP_I32_OR);
    } else {
      op(w, cmp[e->builtin - KB_I_HEQ]);
    }
    return true;
  }
  case KB_I_HISNAN:
    loc = operands(w, e);
    op_u(w, OP_LOCAL_GET, loc[0]);
    op_u(w, OP_LOCAL_GET, loc[0]);
    op(w, OP_F32_NE);
    return true;
  case KB_I_HISINF: /* CUDA's: -1 for -inf, 1 for +inf, else 0: (x == inf) - (x == -inf) */
    loc = operands(w, e);
    op_u(w, OP_LOCAL_GET, loc[0]);
    f32_const(w, __builtin_inff());
    op(w, OP_F32_EQ);
    op_u(w, OP_LOCAL_GET, loc[0]);
    f32_const(w, -__builtin_inff());
    op(w, OP_F32_EQ);
    op(w, OP_I32_SUB);
    return true;
  case KB_I_LOW2HALF: case KB_I_HIGH2HALF: case KB_I_LOW2FLOAT: case KB_I_HIGH2FLOAT:
    loc = operands(w, e);
    lane(w, e, loc, 0, e->builtin == KB_I_HIGH2HALF || e->builtin == KB_I_HIGH2FLOAT);
    return true;
  case KB_I_FLOAT2HALF2_RN: case KB_I_HALF2HALF2: {
    loc = operands(w, e);
    int src[2] = {SRC(0, 2), SRC(0, 2)};
    build_pair(w, e, loc, src);
    return true;
  }
  case KB_I_FLOATS2HALF2_RN: case KB_I_HALVES2HALF2: {
    loc = operands(w, e);
    int src[2] = {SRC(0, 2), SRC(1, 2)};
    build_pair(w, e, loc, src);
    return true;
  }
  case KB_I_FLOAT22HALF2_RN: case KB_I_LOWS2HALF2: case KB_I_HIGHS2HALF2: case KB_I_LOWHIGH2HIGHLOW: {
    loc = operands(w, e);
    int src[2];
    if (e->builtin == KB_I_FLOAT22HALF2_RN) src[0] = SRC(0, 0), src[1] = SRC(0, 1);
    else if (e->builtin == KB_I_LOWS2HALF2) src[0] = SRC(0, 0), src[1] = SRC(1, 0);
    else if (e->builtin == KB_I_HIGHS2HALF2) src[0] = SRC(0, 1), src[1] = SRC(1, 1);
    else src[0] = SRC(0, 1), src[1] = SRC(0, 0);
    build_pair(w, e, loc, src);
    return true;
  }
  case KB_I_HALF22FLOAT2: { /* float2 from the two lanes */
    loc = operands(w, e);
    uint32_t r = wx_temp(w, e->type);
    for (int l = 0; l < 2; l++) {
      op_u(w, OP_LOCAL_GET, r);
      op_i32(w, 4 * l);
      op(w, OP_I32_ADD);
      lane(w, e, loc, 0, l);
      wx_store(w, w->m->t_f32);
    }
    op_u(w, OP_LOCAL_GET, r);
    return true;
  }
  default: return false;
  }
}
