/*
 * wasm_atomic.c — CUDA's atomic functions and fences on the WebAssembly
 * CPU path, as the threads proposal's atomic instructions, so that blocks
 * running on several workers over one shared memory update the same word
 * exactly (they are valid on an unshared memory too, where one thread runs).
 *
 * Integer add, sub, and, or, xor, exchange and compare-and-swap map to one
 * read-modify-write instruction of the operand's width (8, 16, 32 or 64
 * bits).  Everything else (float add, min, max, inc, dec, float or __half
 * operands, __half2 add) is a compare-and-swap loop on the bits: load the
 * word, compute the new value from it, cmpxchg, and retry with the word
 * cmpxchg saw until it saw the one the new value was computed from.  The
 * result is the old value, as in CUDA.  Fences are `atomic.fence`.
 *
 * An atomic on a __shared__ variable named in place (atomicAdd(&s[i], v))
 * is a plain load, compute, store: a block's shared memory belongs to the
 * one worker running the block, whose threads take turns between
 * barriers, so nothing else can touch it in between (locked instructions
 * cost several times more, histogram privatised per block pays it per byte).
 */
#include "wasm_internal.h"

/* how the bits of an atomic's type sit in memory */
typedef struct Cell {
  unsigned width;  /* WA_W32, WA_W64, WA_W32_8U, WA_W32_16U */
  unsigned align;  /* log2 of the bytes */
  unsigned ct;     /* the container's value type: WT_I32 or WT_I64 */
} Cell;

static bool cell_of(const KType *t, Cell *c) {
  switch (t->kind) {
  case KT_BOOL: case KT_I8: case KT_U8: *c = (Cell){WA_W32_8U, 0, WT_I32}; return true;
  case KT_I16: case KT_U16: case KT_F16: *c = (Cell){WA_W32_16U, 1, WT_I32}; return true;
  case KT_I32: case KT_U32: case KT_F32: *c = (Cell){WA_W32, 2, WT_I32}; return true;
  case KT_I64: case KT_U64: case KT_F64: *c = (Cell){WA_W64, 3, WT_I64}; return true;
  case KT_PTR: /* 8 bytes, the address in the low half; 4 in an ILP32 module */
    *c = t->size == 4 ? (Cell){WA_W32, 2, WT_I32} : (Cell){WA_W64, 3, WT_I64};
    return true;
  default: return false;
  }
}

static void atomic_op(WEmit *w, unsigned group, const Cell *c) {
  wb_atomic(&w->fn->code, group + c->width, c->align);
}

static void atomic_load(WEmit *w, const Cell *c) {
  static const unsigned load[] = {[WA_W32] = 0x10, [WA_W64] = 0x11, [WA_W32_8U] = 0x12, [WA_W32_16U] = 0x13};
  wb_atomic(&w->fn->code, load[c->width], c->align);
}

/* container bits on the stack -> a value of t */
static void from_bits(WEmit *w, const KType *t) {
  switch (t->kind) {
  case KT_I8: op(w, OP_I32_EXTEND8_S); return;
  case KT_I16: op(w, OP_I32_EXTEND16_S); return;
  case KT_F16: op_u(w, OP_CALL, WI_H2F); return;
  case KT_F32: op(w, OP_F32_REINTERPRET_I32); return;
  case KT_F64: op(w, OP_F64_REINTERPRET_I64); return;
  case KT_PTR: if (t->size == 8) op(w, OP_I32_WRAP_I64); return;
  default: return;
  }
}

/* a value of t on the stack -> container bits */
static void to_bits(WEmit *w, const KType *t) {
  switch (t->kind) {
  case KT_F16: op_u(w, OP_CALL, WI_F2H); return;
  case KT_F32: op(w, OP_I32_REINTERPRET_F32); return;
  case KT_F64: op(w, OP_I64_REINTERPRET_F64); return;
  case KT_PTR: if (t->size == 8) op(w, OP_I64_EXTEND_I32_U); return;
  default: return;
  }
}

/* pushes what the atomic stores, from the old value in local o, the
 * operand in v and (compare-and-swap) the compared value in c */
static bool new_value(WEmit *w, KBuiltinId id, const KType *t, uint32_t o, uint32_t v, uint32_t c) {
  unsigned vt = wt_of(t);
  bool l = vt == WT_I64, u = !kt_is_signed(t) || t->kind == KT_PTR;
  unsigned add = vt == WT_F32 ? OP_F32_ADD : vt == WT_F64 ? OP_F64_ADD : l ? OP_I64_ADD : OP_I32_ADD;
  unsigned sub = vt == WT_F32 ? OP_F32_SUB : vt == WT_F64 ? OP_F64_SUB : l ? OP_I64_SUB : OP_I32_SUB;
  switch (id) {
  case KB_ATOMIC_ADD: case KB_ATOMIC_SUB:
    op_u(w, OP_LOCAL_GET, o);
    op_u(w, OP_LOCAL_GET, v);
    op(w, id == KB_ATOMIC_ADD ? add : sub);
    return true;
  case KB_ATOMIC_EXCH:
    op_u(w, OP_LOCAL_GET, v);
    return true;
  case KB_ATOMIC_MIN: case KB_ATOMIC_MAX: { /* select(o, v, o < v) for min */
    bool mn = id == KB_ATOMIC_MIN;
    op_u(w, OP_LOCAL_GET, o);
    op_u(w, OP_LOCAL_GET, v);
    op_u(w, OP_LOCAL_GET, o);
    op_u(w, OP_LOCAL_GET, v);
    unsigned cmp;
    if (vt == WT_F32) cmp = mn ? OP_F32_LT : OP_F32_GT;
    else if (vt == WT_F64) cmp = mn ? OP_F64_LT : OP_F64_GT;
    else if (l) cmp = mn ? (u ? OP_I64_LT_U : OP_I64_LT_S) : (u ? OP_I64_GT_U : OP_I64_GT_S);
    else cmp = mn ? (u ? OP_I32_LT_U : OP_I32_LT_S) : (u ? OP_I32_GT_U : OP_I32_GT_S);
    op(w, cmp);
    op(w, OP_SELECT);
    return true;
  }
  case KB_ATOMIC_INC: /* (old >= v) ? 0 : old + 1 */
    if (vt != WT_I32) return false;
    op_i32(w, 0);
    op_u(w, OP_LOCAL_GET, o);
    op_i32(w, 1);
    op(w, OP_I32_ADD);
    op_u(w, OP_LOCAL_GET, o);
    op_u(w, OP_LOCAL_GET, v);
    op(w, OP_I32_GE_U);
    op(w, OP_SELECT);
    return true;
  case KB_ATOMIC_DEC: /* (old == 0 || old > v) ? v : old - 1 */
    if (vt != WT_I32) return false;
    op_u(w, OP_LOCAL_GET, v);
    op_u(w, OP_LOCAL_GET, o);
    op_i32(w, 1);
    op(w, OP_I32_SUB);
    op_u(w, OP_LOCAL_GET, o);
    op(w, OP_I32_EQZ);
    op_u(w, OP_LOCAL_GET, o);
    op_u(w, OP_LOCAL_GET, v);
    op(w, OP_I32_GT_U);
    op(w, OP_I32_OR);
    op(w, OP_SELECT);
    return true;
  case KB_ATOMIC_CAS: /* (old == c) ? v : old */
    op_u(w, OP_LOCAL_GET, v);
    op_u(w, OP_LOCAL_GET, o);
    op_u(w, OP_LOCAL_GET, o);
    op_u(w, OP_LOCAL_GET, c);
    op(w, l ? OP_I64_EQ : vt == WT_F32 ? OP_F32_EQ : vt == WT_F64 ? OP_F64_EQ : OP_I32_EQ);
    op(w, OP_SELECT);
    return true;
  case KB_ATOMIC_AND: case KB_ATOMIC_OR: case KB_ATOMIC_XOR:
    if (vt != WT_I32 && vt != WT_I64) return false;
    op_u(w, OP_LOCAL_GET, o);
    op_u(w, OP_LOCAL_GET, v);
    op(w, id == KB_ATOMIC_AND ? (l ? OP_I64_AND : OP_I32_AND)
          : id == KB_ATOMIC_OR ? (l ? OP_I64_OR : OP_I32_OR) : (l ? OP_I64_XOR : OP_I32_XOR));
    return true;
  default: return false;
  }
}

/* cmpxchg on the bits at the address in local a, expecting the bits in
 * local ob, storing those on the stack; leaves "retry" (the word was not
 * ob) on the stack and ob = the word seen */
static void cas_step(WEmit *w, const Cell *c, uint32_t a, uint32_t ob, uint32_t nb) {
  uint32_t r = we_local(w, c->ct);
  op_u(w, OP_LOCAL_SET, nb);
  op_u(w, OP_LOCAL_GET, a);
  op_u(w, OP_LOCAL_GET, ob);
  op_u(w, OP_LOCAL_GET, nb);
  atomic_op(w, WA_RMW_CMPXCHG, c);
  op_u(w, OP_LOCAL_TEE, r);
  op_u(w, OP_LOCAL_GET, ob);
  op(w, c->ct == WT_I64 ? OP_I64_NE : OP_I32_NE);
  op_u(w, OP_LOCAL_GET, r);
  op_u(w, OP_LOCAL_SET, ob);
}

/* atomicAdd on a __half2: both lanes in one 32-bit compare-and-swap loop;
 * the old pair (in a frame temporary) as the result */
static void atomic_half2(WEmit *w, const KExpr *e) {
  const KType *t = e->type, *h = t->elem;
  static const Cell word = {WA_W32, 2, WT_I32};
  uint32_t p = we_local(w, WT_I32), v = we_local(w, WT_I32), ob = we_local(w, WT_I32), nb = we_local(w, WT_I32);
  uint32_t old = wx_temp(w, t), sum = wx_temp(w, t);
  wx_value(w, e->args[0]);
  op_u(w, OP_LOCAL_SET, p);
  wx_value(w, e->args[1]);
  op_u(w, OP_LOCAL_SET, v);
  op_u(w, OP_LOCAL_GET, p);
  atomic_load(w, &word);
  op_u(w, OP_LOCAL_SET, ob);
  op_open(w, OP_LOOP, WT_VOID);
  int top = w->fn->depth;
  op_u(w, OP_LOCAL_GET, old);
  op_u(w, OP_LOCAL_GET, ob);
  wb_mem(&w->fn->code, OP_I32_STORE, 0);
  for (int l = 0; l < 2; l++) {
    op_u(w, OP_LOCAL_GET, sum);
    op_i32(w, 2 * l);
    op(w, OP_I32_ADD);
    op_u(w, OP_LOCAL_GET, old);
    op_i32(w, 2 * l);
    op(w, OP_I32_ADD);
    wx_load(w, h);
    op_u(w, OP_LOCAL_GET, v);
    op_i32(w, 2 * l);
    op(w, OP_I32_ADD);
    wx_load(w, h);
    op(w, OP_F32_ADD);
    wx_store(w, h); /* rounds to half */
  }
  op_u(w, OP_LOCAL_GET, sum);
  wb_mem(&w->fn->code, OP_I32_LOAD, 0);
  cas_step(w, &word, p, ob, nb);
  op_br(w, OP_BR_IF, top);
  op_end(w);
  op_u(w, OP_LOCAL_GET, old);
}

/* whether the address e is &(a __shared__ variable, or an element or
 * member of one) */
static bool shared_in_place(const KExpr *e) {
  while (e && e->kind == KE_CAST && e->type->kind == KT_PTR) e = e->a;
  if (!e || e->kind != KE_ADDR) return false;
  e = e->a;
  while (e && (e->kind == KE_MEMBER || (e->kind == KE_INDEX && e->a->type->kind == KT_ARRAY))) e = e->a;
  return e && e->kind == KE_VAR && e->var->as == AS_SHARED;
}

/* the read-modify-write group an integer atomic maps to, or 0 */
static unsigned direct_group(KBuiltinId id, const KType *t) {
  bool integer = t->kind != KT_F16 && t->kind != KT_F32 && t->kind != KT_F64 && t->kind != KT_PTR;
  switch (id) {
  case KB_ATOMIC_ADD: return integer ? WA_RMW_ADD : 0;
  case KB_ATOMIC_SUB: return integer ? WA_RMW_SUB : 0;
  case KB_ATOMIC_AND: return integer ? WA_RMW_AND : 0;
  case KB_ATOMIC_OR: return integer ? WA_RMW_OR : 0;
  case KB_ATOMIC_XOR: return integer ? WA_RMW_XOR : 0;
  case KB_ATOMIC_EXCH: return t->kind == KT_F16 ? 0 : WA_RMW_XCHG; /* floats through their bits */
  case KB_ATOMIC_CAS: return integer ? WA_RMW_CMPXCHG : 0;
  default: return 0;
  }
}

void wb_atomic_builtin(WEmit *w, const KExpr *e) {
  const KType *t = e->type;
  if (e->builtin == KB_ATOMIC_ADD && t->kind == KT_VEC && t->elem->kind == KT_F16 && t->count == 2)
    return atomic_half2(w, e);
  unsigned vt = wt_of(t);
  Cell cell;
  if (!vt || vt == WT_VOID || kt_aggregate(t) || !cell_of(t, &cell)) return we_error(w, e->loc, "this atomic");
  uint32_t a = we_local(w, WT_I32), v = we_local(w, vt), c = 0;
  wx_value(w, e->args[0]);
  op_u(w, OP_LOCAL_SET, a);
  if (e->builtin == KB_ATOMIC_CAS) {
    c = we_local(w, vt);
    wx_value(w, e->args[1]);
    wx_convert(w, e->args[1]->type, t, e->loc);
    op_u(w, OP_LOCAL_SET, c);
    wx_value(w, e->args[2]);
    wx_convert(w, e->args[2]->type, t, e->loc);
  } else if (e->nargs > 1) {
    wx_value(w, e->args[1]);
    wx_convert(w, e->args[1]->type, t, e->loc);
  } else {
    wx_const(w, t, 0);
  }
  op_u(w, OP_LOCAL_SET, v);
  if (shared_in_place(e->args[0])) { /* old = *a; *a = new; old */
    uint32_t o = we_local(w, vt);
    op_u(w, OP_LOCAL_GET, a);
    op_u(w, OP_LOCAL_GET, a);
    wx_load(w, t);
    op_u(w, OP_LOCAL_SET, o);
    if (!new_value(w, e->builtin, t, o, v, c)) {
      const KBuiltinInfo *info = kb_info(e->builtin);
      return we_error(w, e->loc, "the atomic '%s' on this type", info ? info->name : "?");
    }
    wx_store(w, t);
    op_u(w, OP_LOCAL_GET, o);
    return;
  }
  unsigned group = direct_group(e->builtin, t);
  if (group) { /* one instruction; the old bits back as a value of t */
    op_u(w, OP_LOCAL_GET, a);
    if (group == WA_RMW_CMPXCHG) op_u(w, OP_LOCAL_GET, c);
    op_u(w, OP_LOCAL_GET, v);
    to_bits(w, t);
    atomic_op(w, group, &cell);
    from_bits(w, t);
    return;
  }
  uint32_t o = we_local(w, vt), ob = we_local(w, cell.ct), nb = we_local(w, cell.ct);
  op_u(w, OP_LOCAL_GET, a);
  atomic_load(w, &cell);
  op_u(w, OP_LOCAL_SET, ob);
  op_open(w, OP_LOOP, WT_VOID);
  int top = w->fn->depth;
  op_u(w, OP_LOCAL_GET, ob);
  from_bits(w, t);
  op_u(w, OP_LOCAL_SET, o);
  if (!new_value(w, e->builtin, t, o, v, c)) {
    const KBuiltinInfo *info = kb_info(e->builtin);
    return we_error(w, e->loc, "the atomic '%s' on this type", info ? info->name : "?");
  }
  to_bits(w, t);
  cas_step(w, &cell, a, ob, nb);
  op_br(w, OP_BR_IF, top);
  op_end(w);
  op_u(w, OP_LOCAL_GET, o);
}

void wb_fence(WEmit *w) {
  wb_byte(&w->fn->code, OP_PREFIX_FE);
  wb_u32(&w->fn->code, WA_FENCE);
  wb_byte(&w->fn->code, 0);
}
