/*
 * wasm_expr.c — KIR expressions as WebAssembly stack code.
 *
 * wx_expr(e, want) leaves e's value on the stack when `want`, nothing
 * otherwise.  Lvalues are computed as addresses (wx_addr) except locals
 * kept in wasm locals.  Integers narrower than 32 bits are re-normalised
 * after every conversion (sign- or zero-extended), so comparisons and
 * divisions on the i32 see C's values.  Aggregates are addresses: a
 * struct assignment is memory.copy, a vector/struct built in place lives
 * in a frame slot of the function (per thread in a kernel).
 */
#include "wasm_internal.h"

#include <string.h>

static void wx_expr(WEmit *w, const KExpr *e, bool want);

void wx_const(WEmit *w, const KType *t, int64_t v) {
  switch (wt_of(t)) {
  case WT_I64: op(w, OP_I64_CONST); wb_s64(&w->fn->code, v); return;
  case WT_F32: op(w, OP_F32_CONST); wb_f32(&w->fn->code, (float)v); return;
  case WT_F64: op(w, OP_F64_CONST); wb_f64(&w->fn->code, (double)v); return;
  default: op_i32(w, (int32_t)v); return;
  }
}

static void type_error(WEmit *w, const KType *t) {
  StrBuf sb;
  sb_init(&sb);
  kt_print(&sb, t);
  we_error(w, w->loc, "a value of type '%s'", sb.data ? sb.data : "?");
  sb_free(&sb);
}

void wx_add_const(WEmit *w, int32_t n) {
  if (!n) return;
  op_i32(w, n);
  op(w, OP_I32_ADD);
}

void wx_load_at(WEmit *w, const KType *t, uint32_t off) {
  switch (t->kind) {
  case KT_BOOL: case KT_U8: wb_mem(&w->fn->code, OP_I32_LOAD8_U, off); return;
  case KT_I8: wb_mem(&w->fn->code, OP_I32_LOAD8_S, off); return;
  case KT_I16: wb_mem(&w->fn->code, OP_I32_LOAD16_S, off); return;
  case KT_U16: wb_mem(&w->fn->code, OP_I32_LOAD16_U, off); return;
  case KT_I32: case KT_U32: wb_mem(&w->fn->code, OP_I32_LOAD, off); return;
  case KT_I64: case KT_U64: wb_mem(&w->fn->code, OP_I64_LOAD, off); return;
  case KT_F32: wb_mem(&w->fn->code, OP_F32_LOAD, off); return;
  case KT_F64: wb_mem(&w->fn->code, OP_F64_LOAD, off); return;
  case KT_F16:
    wb_mem(&w->fn->code, OP_I32_LOAD16_U, off);
    op_u(w, OP_CALL, WI_H2F);
    return;
  case KT_PTR: wb_mem(&w->fn->code, OP_I32_LOAD, off); return; /* low half */
  case KT_VEC: case KT_STRUCT: case KT_ARRAY: /* the address is the value */
    wx_add_const(w, (int32_t)off);
    return;
  default: type_error(w, t); return;
  }
}

void wx_load(WEmit *w, const KType *t) { wx_load_at(w, t, 0); }

/* dst, src on the stack -> size bytes copied (overlap-safe, as
 * memory.copy).  Small copies are loads into locals, then stores: engines
 * call out of the generated code for memory.copy, which costs more than a
 * float4 in an inner loop. */
void wx_copy(WEmit *w, int size) {
  if (size > 32 || size <= 0) {
    op_i32(w, size);
    op_fc(w, 10);
    return;
  }
  uint32_t d = we_local(w, WT_I32), s = we_local(w, WT_I32), v[32];
  int width[32], n = 0;
  for (int off = 0; off < size; n++) {
    int rest = size - off;
    width[n] = rest >= 8 ? 8 : rest >= 4 ? 4 : rest >= 2 ? 2 : 1;
    off += width[n];
  }
  op_u(w, OP_LOCAL_SET, s);
  op_u(w, OP_LOCAL_SET, d);
  static const unsigned load[9] = {[1] = OP_I32_LOAD8_U, [2] = OP_I32_LOAD16_U, [4] = OP_I32_LOAD, [8] = OP_I64_LOAD};
  static const unsigned store[9] = {[1] = OP_I32_STORE8, [2] = OP_I32_STORE16, [4] = OP_I32_STORE, [8] = OP_I64_STORE};
  for (int i = 0, off = 0; i < n; off += width[i++]) {
    v[i] = we_local(w, width[i] == 8 ? WT_I64 : WT_I32);
    op_u(w, OP_LOCAL_GET, s);
    wb_mem(&w->fn->code, load[width[i]], (uint32_t)off);
    op_u(w, OP_LOCAL_SET, v[i]);
  }
  for (int i = 0, off = 0; i < n; off += width[i++]) {
    op_u(w, OP_LOCAL_GET, d);
    op_u(w, OP_LOCAL_GET, v[i]);
    wb_mem(&w->fn->code, store[width[i]], (uint32_t)off);
  }
}

void wx_store_at(WEmit *w, const KType *t, uint32_t off) {
  switch (t->kind) {
  case KT_BOOL: case KT_U8: case KT_I8: wb_mem(&w->fn->code, OP_I32_STORE8, off); return;
  case KT_I16: case KT_U16: wb_mem(&w->fn->code, OP_I32_STORE16, off); return;
  case KT_I32: case KT_U32: wb_mem(&w->fn->code, OP_I32_STORE, off); return;
  case KT_I64: case KT_U64: wb_mem(&w->fn->code, OP_I64_STORE, off); return;
  case KT_F32: wb_mem(&w->fn->code, OP_F32_STORE, off); return;
  case KT_F64: wb_mem(&w->fn->code, OP_F64_STORE, off); return;
  case KT_F16:
    op_u(w, OP_CALL, WI_F2H);
    wb_mem(&w->fn->code, OP_I32_STORE16, off);
    return;
  case KT_PTR: /* 8 bytes (LP64's layout), or 4 in an ILP32 module */
    if (t->size == 4) {
      wb_mem(&w->fn->code, OP_I32_STORE, off);
      return;
    }
    op(w, OP_I64_EXTEND_I32_U);
    wb_mem(&w->fn->code, OP_I64_STORE, off);
    return;
  case KT_VEC: case KT_STRUCT: case KT_ARRAY:
    if (off) { /* the destination, under the source on the stack */
      uint32_t src = we_local(w, WT_I32);
      op_u(w, OP_LOCAL_SET, src);
      wx_add_const(w, (int32_t)off);
      op_u(w, OP_LOCAL_GET, src);
    }
    wx_copy(w, t->size);
    return;
  default: type_error(w, t); return;
  }
}

/* an i32 holding any integer -> the range of t */
static void normalise(WEmit *w, const KType *t) {
  switch (t->kind) {
  case KT_I8: op(w, OP_I32_EXTEND8_S); return;
  case KT_I16: op(w, OP_I32_EXTEND16_S); return;
  case KT_U8: op_i32(w, 0xff); op(w, OP_I32_AND); return;
  case KT_U16: op_i32(w, 0xffff); op(w, OP_I32_AND); return;
  default: return;
  }
}

static bool is_unsigned(const KType *t) { return t->kind == KT_BOOL || (kt_is_int(t) && !kt_is_signed(t)) || t->kind == KT_PTR; }

void wx_convert(WEmit *w, const KType *from, const KType *to, SrcLoc loc) {
  if (from == to || (from->unqual && from->unqual == to->unqual)) return;
  if (to->kind == KT_VOID) {
    if (from->kind != KT_VOID) op(w, OP_DROP);
    return;
  }
  if (to->kind == KT_F16 || from->kind == KT_F16) { /* through float; rounded to half precision */
    if (from->kind != KT_F16) wx_convert(w, from, w->m->t_f32, loc);
    if (to->kind == KT_F16) {
      if (from->kind != KT_F16) op_u(w, OP_CALL, WI_HROUND);
    } else {
      wx_convert(w, w->m->t_f32, to, loc);
    }
    return;
  }
  unsigned wf = wt_of(from), wt = wt_of(to);
  if (kt_aggregate(to) || (kt_aggregate(from) && to->kind != KT_PTR)) {
    if (from->size == to->size && kt_aggregate(from) && kt_aggregate(to)) return;
    return we_error(w, loc, "this conversion between aggregate types");
  }
  if (to->kind == KT_BOOL) {
    if (from->kind == KT_BOOL) return;
    if (wf == WT_F32) { op(w, OP_F32_CONST); wb_f32(&w->fn->code, 0); op(w, OP_F32_NE); return; }
    if (wf == WT_F64) { op(w, OP_F64_CONST); wb_f64(&w->fn->code, 0); op(w, OP_F64_NE); return; }
    if (wf == WT_I64) { op(w, OP_I64_EQZ); op(w, OP_I32_EQZ); return; }
    op(w, OP_I32_EQZ);
    op(w, OP_I32_EQZ);
    return;
  }
  bool fs = !is_unsigned(from);
  if ((wf == WT_I32 || wf == WT_I64) && (wt == WT_I32 || wt == WT_I64)) {
    if (wf == WT_I64 && wt == WT_I32) op(w, OP_I32_WRAP_I64);
    if (wf == WT_I32 && wt == WT_I64) op(w, fs ? OP_I64_EXTEND_I32_S : OP_I64_EXTEND_I32_U);
    if (wt == WT_I32 && to->kind != KT_PTR) normalise(w, to);
    return;
  }
  if (wf == WT_I32 || wf == WT_I64) { /* to float */
    static const unsigned ops[2][2][2] = { /* [to f64][from i64][unsigned] */
        {{OP_F32_CONVERT_I32_S, OP_F32_CONVERT_I32_U}, {OP_F32_CONVERT_I64_S, OP_F32_CONVERT_I64_U}},
        {{OP_F64_CONVERT_I32_S, OP_F64_CONVERT_I32_U}, {OP_F64_CONVERT_I64_S, OP_F64_CONVERT_I64_U}}};
    op(w, ops[wt == WT_F64][wf == WT_I64][!fs]);
    return;
  }
  if (wt == WT_I32 || wt == WT_I64) { /* float to integer, saturating */
    bool ts = !is_unsigned(to) || to->size < 4;
    unsigned sub = (wt == WT_I64 ? 4 : 0) + (wf == WT_F64 ? 2 : 0) + (ts ? 0 : 1);
    op_fc(w, sub);
    if (wt == WT_I32) normalise(w, to);
    return;
  }
  if (wf == WT_F32 && wt == WT_F64) op(w, OP_F64_PROMOTE_F32);
  else if (wf == WT_F64 && wt == WT_F32) op(w, OP_F32_DEMOTE_F64);
}

/* i32 0/1 (bool operands are already 0/1) */
void wx_cond(WEmit *w, const KExpr *e) {
  wx_value(w, e);
  if (e->type->kind != KT_BOOL) wx_convert(w, e->type, w->m->t_bool, e->loc);
}

static void var_addr(WEmit *w, const WVar *x) {
  switch (x->st) {
  case VS_FRAME: case VS_COLUMN: we_var_addr(w, x, 0); return;
  case VS_ADDR_LOCAL: op_u(w, OP_LOCAL_GET, x->idx); return;
  case VS_ABS: op_i32(w, x->off); return;
  case VS_SHARED:
    global_get(w, WG_SHARED);
    op_i32(w, x->off);
    op(w, OP_I32_ADD);
    return;
  case VS_LOCAL: we_error(w, x->v->loc, "taking the address of '%s' here", x->v->name); return;
  }
}

static void index_scaled(WEmit *w, const KExpr *idx, int size) {
  wx_value(w, idx);
  if (wt_of(idx->type) == WT_I64) op(w, OP_I32_WRAP_I64);
  if (size != 1) {
    op_i32(w, size);
    op(w, OP_I32_MUL);
  }
}

int wx_member_offset(const KExpr *e) {
  const KType *bt = e->a->type;
  if (bt->kind == KT_STRUCT) return e->field >= 0 && e->field < bt->nfields ? bt->fields[e->field].offset : -1;
  if (bt->kind == KT_VEC) return e->field * bt->elem->size;
  return -1;
}

void wx_addr(WEmit *w, const KExpr *e) {
  switch (e->kind) {
  case KE_VAR: var_addr(w, we_var(w, e->var)); return;
  case KE_INDEX:
    wx_value(w, e->a); /* pointer value, or an array's address */
    index_scaled(w, e->b, e->type->size);
    op(w, OP_I32_ADD);
    return;
  case KE_MEMBER: {
    int off = wx_member_offset(e); /* a bit-field: its storage unit */
    if (off < 0) return we_error(w, e->loc, "this member access");
    wx_value(w, e->a);
    wx_add_const(w, off);
    return;
  }
  case KE_DEREF: wx_value(w, e->a); return;
  case KE_COMMA:
    wx_drop(w, e->a);
    wx_addr(w, e->b);
    return;
  default:
    if (kt_aggregate(e->type)) { /* an aggregate rvalue is its address */
      wx_value(w, e);
      return;
    }
    we_error(w, e->loc, "this lvalue");
  }
}

uint32_t wx_addr_off(WEmit *w, const KExpr *e) {
  int off = e->kind == KE_MEMBER ? wx_member_offset(e) : -1;
  if (off < 0) {
    wx_addr(w, e);
    return 0;
  }
  if (e->a->kind == KE_MEMBER && kt_aggregate(e->a->type)) return wx_addr_off(w, e->a) + (uint32_t)off;
  wx_value(w, e->a);
  return (uint32_t)off;
}

static bool in_local(WEmit *w, const KExpr *e, WVar **x) {
  if (e->kind != KE_VAR) return false;
  *x = we_var(w, e->var);
  return (*x)->st == VS_LOCAL;
}

static KType *promoted(WEmit *w, KType *t) {
  return kt_is_int(t) && t->size < 4 ? w->m->t_i32 : t;
}

/* a op b on the stack (both of type t; b of shift count for shifts) */
static void binop(WEmit *w, KOp o, const KType *t, SrcLoc loc) {
  unsigned vt = wt_of(t);
  bool u = is_unsigned(t);
  if (vt == WT_I32 || vt == WT_I64) {
    bool l = vt == WT_I64;
    unsigned opc;
    switch (o) {
    case KOP_ADD: opc = l ? OP_I64_ADD : OP_I32_ADD; break;
    case KOP_SUB: opc = l ? OP_I64_SUB : OP_I32_SUB; break;
    case KOP_MUL: opc = l ? OP_I64_MUL : OP_I32_MUL; break;
    case KOP_DIV: opc = l ? (u ? OP_I64_DIV_U : OP_I64_DIV_S) : (u ? OP_I32_DIV_U : OP_I32_DIV_S); break;
    case KOP_MOD: opc = l ? (u ? OP_I64_REM_U : OP_I64_REM_S) : (u ? OP_I32_REM_U : OP_I32_REM_S); break;
    case KOP_SHL: opc = l ? OP_I64_SHL : OP_I32_SHL; break;
    case KOP_SHR: opc = l ? (u ? OP_I64_SHR_U : OP_I64_SHR_S) : (u ? OP_I32_SHR_U : OP_I32_SHR_S); break;
    case KOP_AND: opc = l ? OP_I64_AND : OP_I32_AND; break;
    case KOP_OR: opc = l ? OP_I64_OR : OP_I32_OR; break;
    case KOP_XOR: opc = l ? OP_I64_XOR : OP_I32_XOR; break;
    case KOP_EQ: opc = l ? OP_I64_EQ : OP_I32_EQ; break;
    case KOP_NE: opc = l ? OP_I64_NE : OP_I32_NE; break;
    case KOP_LT: opc = l ? (u ? OP_I64_LT_U : OP_I64_LT_S) : (u ? OP_I32_LT_U : OP_I32_LT_S); break;
    case KOP_LE: opc = l ? (u ? OP_I64_LE_U : OP_I64_LE_S) : (u ? OP_I32_LE_U : OP_I32_LE_S); break;
    case KOP_GT: opc = l ? (u ? OP_I64_GT_U : OP_I64_GT_S) : (u ? OP_I32_GT_U : OP_I32_GT_S); break;
    case KOP_GE: opc = l ? (u ? OP_I64_GE_U : OP_I64_GE_S) : (u ? OP_I32_GE_U : OP_I32_GE_S); break;
    default: return we_error(w, loc, "this operator");
    }
    op(w, opc);
    return;
  }
  if (vt == WT_F32 || vt == WT_F64) {
    bool d = vt == WT_F64;
    unsigned opc;
    switch (o) {
    case KOP_ADD: opc = d ? OP_F64_ADD : OP_F32_ADD; break;
    case KOP_SUB: opc = d ? OP_F64_SUB : OP_F32_SUB; break;
    case KOP_MUL: opc = d ? OP_F64_MUL : OP_F32_MUL; break;
    case KOP_DIV: opc = d ? OP_F64_DIV : OP_F32_DIV; break;
    case KOP_EQ: opc = d ? OP_F64_EQ : OP_F32_EQ; break;
    case KOP_NE: opc = d ? OP_F64_NE : OP_F32_NE; break;
    case KOP_LT: opc = d ? OP_F64_LT : OP_F32_LT; break;
    case KOP_LE: opc = d ? OP_F64_LE : OP_F32_LE; break;
    case KOP_GT: opc = d ? OP_F64_GT : OP_F32_GT; break;
    case KOP_GE: opc = d ? OP_F64_GE : OP_F32_GE; break;
    default: return we_error(w, loc, "this operator on floating-point values");
    }
    op(w, opc);
    return;
  }
  we_error(w, loc, "this operator on values of this type");
}

/* the shift count b converted to the width of the shifted type t */
static void shift_count(WEmit *w, const KExpr *b, const KType *t) {
  wx_value(w, b);
  unsigned from = wt_of(b->type), to = wt_of(t);
  if (from == WT_I64 && to == WT_I32) op(w, OP_I32_WRAP_I64);
  if (from == WT_I32 && to == WT_I64) op(w, OP_I64_EXTEND_I32_U);
}

/* pointer +/- integer, pointer on the stack */
static void ptr_offset(WEmit *w, KOp o, const KType *pt, const KExpr *n) {
  index_scaled(w, n, pt->elem->size > 0 ? pt->elem->size : 1);
  op(w, o == KOP_SUB ? OP_I32_SUB : OP_I32_ADD);
}

/* value of type t on the stack -> value op= rhs, of type t */
static void compound(WEmit *w, KOp o, const KType *t, const KExpr *rhs, SrcLoc loc) {
  if (t->kind == KT_PTR) return ptr_offset(w, o, t, rhs);
  KType *ot = (o == KOP_SHL || o == KOP_SHR) ? promoted(w, (KType *)t) : rhs->type;
  wx_convert(w, t, ot, loc);
  if (o == KOP_SHL || o == KOP_SHR) shift_count(w, rhs, ot);
  else wx_value(w, rhs);
  binop(w, o, ot, loc);
  if (ot->kind == KT_F16) op_u(w, OP_CALL, WI_HROUND);
  wx_convert(w, ot, t, loc);
}

/* ---- bit-fields: a storage unit of the field's type at its offset ---- */

void wx_store(WEmit *w, const KType *t) { wx_store_at(w, t, 0); }

static const KField *bitfield_of(const KExpr *e) {
  if (e->kind != KE_MEMBER || e->a->type->kind != KT_STRUCT) return NULL;
  const KType *st = e->a->type;
  if (e->field < 0 || e->field >= st->nfields || !st->fields[e->field].bit_width) return NULL;
  return &st->fields[e->field];
}

/* the unit at the address on the stack, zero-extended to 32 or 64 bits */
static void load_unit(WEmit *w, const KField *bf) {
  switch (bf->type->size) {
  case 1: wb_mem(&w->fn->code, OP_I32_LOAD8_U, 0); return;
  case 2: wb_mem(&w->fn->code, OP_I32_LOAD16_U, 0); return;
  case 8: wb_mem(&w->fn->code, OP_I64_LOAD, 0); return;
  default: wb_mem(&w->fn->code, OP_I32_LOAD, 0); return;
  }
}

static void store_unit(WEmit *w, const KField *bf) {
  switch (bf->type->size) {
  case 1: wb_mem(&w->fn->code, OP_I32_STORE8, 0); return;
  case 2: wb_mem(&w->fn->code, OP_I32_STORE16, 0); return;
  case 8: wb_mem(&w->fn->code, OP_I64_STORE, 0); return;
  default: wb_mem(&w->fn->code, OP_I32_STORE, 0); return;
  }
}

static void wconst(WEmit *w, bool l, int64_t v) {
  if (l) { op(w, OP_I64_CONST); wb_s64(&w->fn->code, v); }
  else op_i32(w, (int32_t)v);
}

/* unit on the stack -> the field's value (sign-extended when signed) */
static void extract_bits(WEmit *w, const KField *bf) {
  bool l = bf->type->size == 8, sgn = kt_is_signed(bf->type);
  int bits = l ? 64 : 32;
  wconst(w, l, bits - bf->bit_offset - bf->bit_width);
  op(w, l ? OP_I64_SHL : OP_I32_SHL);
  wconst(w, l, bits - bf->bit_width);
  op(w, l ? (sgn ? OP_I64_SHR_S : OP_I64_SHR_U) : (sgn ? OP_I32_SHR_S : OP_I32_SHR_U));
}

static void bitfield_load(WEmit *w, const KExpr *e, const KField *bf) {
  wx_addr(w, e);
  load_unit(w, bf);
  extract_bits(w, bf);
}

/* e = value (value of the field's type in local v): unit = unit & ~m | (v << bo) & m */
static void bitfield_store(WEmit *w, uint32_t a, const KField *bf, uint32_t v) {
  bool l = bf->type->size == 8;
  uint64_t mask = (bf->bit_width >= 64 ? ~0ull : ((1ull << bf->bit_width) - 1)) << bf->bit_offset;
  op_u(w, OP_LOCAL_GET, a);
  op_u(w, OP_LOCAL_GET, a);
  load_unit(w, bf);
  wconst(w, l, (int64_t)~mask);
  op(w, l ? OP_I64_AND : OP_I32_AND);
  op_u(w, OP_LOCAL_GET, v);
  wconst(w, l, bf->bit_offset);
  op(w, l ? OP_I64_SHL : OP_I32_SHL);
  wconst(w, l, (int64_t)mask);
  op(w, l ? OP_I64_AND : OP_I32_AND);
  op(w, l ? OP_I64_OR : OP_I32_OR);
  store_unit(w, bf);
}

static void compound(WEmit *w, KOp o, const KType *t, const KExpr *rhs, SrcLoc loc);

void wx_bitfield_store(WEmit *w, uint32_t a, const KField *bf, uint32_t v) { bitfield_store(w, a, bf, v); }

static void bitfield_assign(WEmit *w, const KExpr *e, const KField *bf, bool want) {
  const KType *ft = bf->type;
  uint32_t a = we_local(w, WT_I32), v = we_local(w, wt_of(ft));
  wx_addr(w, e->a);
  op_u(w, OP_LOCAL_SET, a);
  if (e->op == KOP_NONE) {
    wx_value(w, e->b);
    wx_convert(w, e->b->type, ft, e->loc);
  } else {
    op_u(w, OP_LOCAL_GET, a);
    load_unit(w, bf);
    extract_bits(w, bf);
    compound(w, e->op, ft, e->b, e->loc);
  }
  op_u(w, OP_LOCAL_SET, v);
  bitfield_store(w, a, bf, v);
  if (want) { /* the value the field now holds */
    op_u(w, OP_LOCAL_GET, a);
    load_unit(w, bf);
    extract_bits(w, bf);
    wx_convert(w, ft, e->type, e->loc);
  }
}

static void assign(WEmit *w, const KExpr *e, bool want) {
  const KField *bf = bitfield_of(e->a);
  if (bf) return bitfield_assign(w, e, bf, want);
  const KExpr *lhs = e->a;
  const KType *lt = lhs->type;
  WVar *x;
  if (kt_aggregate(lt)) {
    uint32_t d = we_local(w, WT_I32);
    wx_addr(w, lhs);
    op_u(w, OP_LOCAL_TEE, d);
    wx_value(w, e->b);
    wx_copy(w, lt->size);
    if (want) op_u(w, OP_LOCAL_GET, d);
    return;
  }
  if (in_local(w, lhs, &x)) {
    if (e->op == KOP_NONE) {
      wx_value(w, e->b);
      wx_convert(w, e->b->type, lt, e->loc);
    } else {
      op_u(w, OP_LOCAL_GET, x->idx);
      compound(w, e->op, lt, e->b, e->loc);
    }
    op_u(w, want ? OP_LOCAL_TEE : OP_LOCAL_SET, x->idx);
    return;
  }
  uint32_t a = we_local(w, WT_I32);
  uint32_t off = wx_addr_off(w, lhs);
  op_u(w, OP_LOCAL_TEE, a);
  if (e->op == KOP_NONE) {
    wx_value(w, e->b);
    wx_convert(w, e->b->type, lt, e->loc);
  } else {
    op_u(w, OP_LOCAL_GET, a);
    wx_load_at(w, lt, off);
    compound(w, e->op, lt, e->b, e->loc);
  }
  if (want) {
    uint32_t v = we_local(w, wt_of(lt));
    op_u(w, OP_LOCAL_TEE, v);
    wx_store_at(w, lt, off);
    op_u(w, OP_LOCAL_GET, v);
    return;
  }
  wx_store_at(w, lt, off);
}

static void incdec(WEmit *w, const KExpr *e, bool want) {
  const KType *t = e->a->type;
  if (bitfield_of(e->a)) return we_error(w, e->loc, "++/-- on a bit-field");
  unsigned vt = wt_of(t);
  WVar *x;
  bool local = in_local(w, e->a, &x);
  uint32_t a = 0, o = we_local(w, vt), n = we_local(w, vt);
  if (local) {
    op_u(w, OP_LOCAL_GET, x->idx);
  } else {
    a = we_local(w, WT_I32);
    wx_addr(w, e->a);
    op_u(w, OP_LOCAL_TEE, a);
    wx_load(w, t);
  }
  op_u(w, OP_LOCAL_TEE, o);
  if (t->kind == KT_PTR) wx_const(w, w->m->t_i32, t->elem->size > 0 ? t->elem->size : 1);
  else wx_const(w, t, 1);
  KType *ot = t->kind == KT_PTR ? w->m->t_i32 : promoted(w, (KType *)t);
  binop(w, e->op == KOP_SUB ? KOP_SUB : KOP_ADD, ot, e->loc);
  if (t->kind != KT_PTR) normalise(w, t);
  op_u(w, OP_LOCAL_SET, n);
  if (local) {
    op_u(w, OP_LOCAL_GET, n);
    op_u(w, OP_LOCAL_SET, x->idx);
  } else {
    op_u(w, OP_LOCAL_GET, a);
    op_u(w, OP_LOCAL_GET, n);
    wx_store(w, t);
  }
  if (want) op_u(w, OP_LOCAL_GET, e->prefix ? n : o);
}

static void binary(WEmit *w, const KExpr *e) {
  const KType *at = e->a->type, *bt = e->b->type;
  if (e->op == KOP_LAND || e->op == KOP_LOR) {
    wx_cond(w, e->a);
    op_open(w, OP_IF, WT_I32);
    if (e->op == KOP_LAND) wx_cond(w, e->b);
    else op_i32(w, 1);
    op(w, OP_ELSE);
    if (e->op == KOP_LAND) op_i32(w, 0);
    else wx_cond(w, e->b);
    op_end(w);
    return;
  }
  if (at->kind == KT_PTR && kt_is_int(bt) && (e->op == KOP_ADD || e->op == KOP_SUB)) {
    wx_value(w, e->a);
    return ptr_offset(w, e->op, at, e->b);
  }
  if (bt->kind == KT_PTR && kt_is_int(at) && e->op == KOP_ADD) {
    wx_value(w, e->b);
    return ptr_offset(w, e->op, bt, e->a);
  }
  if (at->kind == KT_PTR && bt->kind == KT_PTR && e->op == KOP_SUB) {
    wx_value(w, e->a);
    wx_value(w, e->b);
    op(w, OP_I32_SUB);
    op_i32(w, at->elem->size > 0 ? at->elem->size : 1);
    op(w, OP_I32_DIV_S);
    wx_convert(w, w->m->t_i32, e->type, e->loc);
    return;
  }
  bool cmp = e->op >= KOP_EQ && e->op <= KOP_GE;
  const KType *ot = cmp ? at : e->type;
  wx_value(w, e->a);
  wx_convert(w, at, ot, e->loc);
  if (e->op == KOP_SHL || e->op == KOP_SHR) {
    shift_count(w, e->b, ot);
  } else {
    wx_value(w, e->b);
    wx_convert(w, bt, ot, e->loc);
  }
  binop(w, e->op, ot, e->loc);
  if (!cmp) normalise(w, e->type);
  if (!cmp && ot->kind == KT_F16) op_u(w, OP_CALL, WI_HROUND);
}

static void unary(WEmit *w, const KExpr *e) {
  unsigned vt = wt_of(e->type);
  switch (e->op) {
  case KOP_NEG:
    if (vt == WT_F32 || vt == WT_F64) {
      wx_value(w, e->a);
      wx_convert(w, e->a->type, e->type, e->loc);
      op(w, vt == WT_F32 ? OP_F32_NEG : OP_F64_NEG);
      return;
    }
    wx_const(w, e->type, 0);
    wx_value(w, e->a);
    wx_convert(w, e->a->type, e->type, e->loc);
    op(w, vt == WT_I64 ? OP_I64_SUB : OP_I32_SUB);
    normalise(w, e->type);
    return;
  case KOP_NOT:
    wx_cond(w, e->a);
    op(w, OP_I32_EQZ);
    return;
  case KOP_BITNOT:
    wx_value(w, e->a);
    wx_convert(w, e->a->type, e->type, e->loc);
    wx_const(w, e->type, -1);
    op(w, vt == WT_I64 ? OP_I64_XOR : OP_I32_XOR);
    normalise(w, e->type);
    return;
  default: we_error(w, e->loc, "this unary operator");
  }
}

static int temp_slot(WEmit *w, const KType *t) {
  int off = we_frame_slot(w, t->size, t->align);
  op_u(w, OP_LOCAL_GET, w->fn->fp);
  op_i32(w, off);
  op(w, OP_I32_ADD);
  return off;
}

static void build_vec(WEmit *w, const KExpr *e) {
  const KType *t = e->type;
  if (!kt_aggregate(t)) {
    if (e->nargs == 1) {
      wx_value(w, e->args[0]);
      wx_convert(w, e->args[0]->type, t, e->loc);
    } else if (e->nargs == 0) {
      wx_const(w, t, 0);
    } else {
      we_error(w, e->loc, "this initializer");
    }
    return;
  }
  uint32_t a = we_local(w, WT_I32);
  temp_slot(w, t);
  op_u(w, OP_LOCAL_SET, a);
  KExpr list = *e;
  list.kind = KE_INIT_LIST;
  ws_init(w, a, 0, t, &list);
  op_u(w, OP_LOCAL_GET, a);
}

/* fn(args) through a function pointer: call_indirect on table 0 with the
 * signature of the pointee's KT_FUNC type */
static void call_indirect(WEmit *w, const KExpr *e, bool want) {
  const KType *pt = e->a->type, *ft = pt->kind == KT_PTR ? pt->elem : NULL;
  if (!ft || ft->kind != KT_FUNC || ft->variadic) return we_error(w, e->loc, "this call through a function pointer");
  const KType *ret = ft->elem;
  bool agg = kt_aggregate(ret);
  unsigned char p[260], r[1];
  int np = 0, nr = 0;
  if (agg) p[np++] = WT_I32;
  for (int i = 0; i < ft->nparams && np < 256; i++) {
    unsigned t = wt_of(ft->params[i]);
    p[np++] = (unsigned char)(t && t != WT_VOID ? t : WT_I32);
  }
  unsigned rt = wt_of(ret);
  if (!agg && rt && rt != WT_VOID) r[nr++] = (unsigned char)rt;
  int sig = we_sig(w, p, np, r, nr);
  uint32_t res = 0;
  if (agg) {
    res = we_local(w, WT_I32);
    temp_slot(w, ret);
    op_u(w, OP_LOCAL_TEE, res);
  }
  for (int i = 0; i < e->nargs && i < ft->nparams; i++) {
    const KType *at = ft->params[i];
    if (kt_aggregate(at)) {
      uint32_t c = we_local(w, WT_I32);
      temp_slot(w, at);
      op_u(w, OP_LOCAL_TEE, c);
      wx_value(w, e->args[i]);
      wx_copy(w, at->size);
      op_u(w, OP_LOCAL_GET, c);
    } else {
      wx_value(w, e->args[i]);
      wx_convert(w, e->args[i]->type, at, e->args[i]->loc);
    }
  }
  wx_value(w, e->a); /* the table index */
  op_u(w, 0x11, (uint64_t)sig);
  wb_byte(&w->fn->code, 0);
  if (agg) {
    if (want) op_u(w, OP_LOCAL_GET, res);
  } else if (!want && ret->kind != KT_VOID) {
    op(w, OP_DROP);
  }
}

static void call(WEmit *w, const KExpr *e, bool want) {
  const KFunc *fn = e->fn;
  if (!fn) return call_indirect(w, e, want);
  if (wx_call_in_place(w, e, want)) return; /* wasm_inline.c */
  int idx = we_func_index(w, fn);
  if (idx < 0) return we_error(w, e->loc, "a call to '%s' (no body)", fn ? fn->name : "?");
  uint32_t r = 0;
  bool agg = kt_aggregate(fn->ret);
  if (agg) {
    r = we_local(w, WT_I32);
    temp_slot(w, fn->ret);
    op_u(w, OP_LOCAL_TEE, r);
  }
  for (int i = 0; i < e->nargs && i < fn->nparams; i++) {
    const KType *pt = fn->params[i]->type;
    if (kt_aggregate(pt)) {
      uint32_t c = we_local(w, WT_I32);
      temp_slot(w, pt);
      op_u(w, OP_LOCAL_TEE, c);
      wx_value(w, e->args[i]);
      wx_copy(w, pt->size);
      op_u(w, OP_LOCAL_GET, c);
    } else {
      wx_value(w, e->args[i]);
      wx_convert(w, e->args[i]->type, pt, e->args[i]->loc);
    }
  }
  op_u(w, OP_CALL, (uint64_t)idx);
  if (agg) {
    if (want) op_u(w, OP_LOCAL_GET, r);
  } else if (!want && fn->ret->kind != KT_VOID) {
    op(w, OP_DROP);
  }
}

static int temp_slot(WEmit *w, const KType *t);

uint32_t wx_temp(WEmit *w, const KType *t) {
  uint32_t a = we_local(w, WT_I32);
  temp_slot(w, t);
  op_u(w, OP_LOCAL_SET, a);
  return a;
}

static void bvar(WEmit *w, const KExpr *e) {
  int c = e->field;
  switch (e->bvar) {
  case KBV_WARP_SIZE: op_i32(w, 32); return;
  case KBV_LANE_ID: global_get(w, WG_T); op_i32(w, 31); op(w, OP_I32_AND); return;
  default: break;
  }
  static const int base[] = {[KBV_THREAD_IDX] = WG_TX, [KBV_BLOCK_IDX] = WG_BX,
                             [KBV_BLOCK_DIM] = WG_BDX, [KBV_GRID_DIM] = WG_GDX};
  if (c < 0 && kt_aggregate(e->type) && e->type->size == 12) { /* the whole uint3/dim3, built in a slot */
    uint32_t a = we_local(w, WT_I32);
    temp_slot(w, e->type);
    op_u(w, OP_LOCAL_SET, a);
    for (int i = 0; i < 3; i++) {
      op_u(w, OP_LOCAL_GET, a);
      op_i32(w, 4 * i);
      op(w, OP_I32_ADD);
      global_get(w, base[e->bvar] + i);
      wb_mem(&w->fn->code, OP_I32_STORE, 0);
    }
    op_u(w, OP_LOCAL_GET, a);
    return;
  }
  if (c < 0 || c > 2) return we_error(w, e->loc, "a whole dim3/uint3 builtin value");
  global_get(w, base[e->bvar] + c);
  wx_convert(w, w->m->t_u32, e->type, e->loc);
}

static void cond_expr(WEmit *w, const KExpr *e, bool want) {
  unsigned vt = wt_of(e->type);
  bool value = want && vt != WT_VOID;
  wx_cond(w, e->a);
  op_open(w, OP_IF, value ? vt : WT_VOID);
  if (value) { wx_value(w, e->b); wx_convert(w, e->b->type, e->type, e->loc); }
  else wx_drop(w, e->b);
  op(w, OP_ELSE);
  if (value) { wx_value(w, e->c); wx_convert(w, e->c->type, e->type, e->loc); }
  else wx_drop(w, e->c);
  op_end(w);
}

static void wx_expr(WEmit *w, const KExpr *e, bool want) {
  if (e->loc.line) w->loc = e->loc;
  if (w->fn->failed) {
    if (want) op(w, OP_UNREACHABLE);
    return;
  }
  WVar *x = NULL;
  switch (e->kind) {
  case KE_ASSIGN: assign(w, e, want); return;
  case KE_INCDEC: incdec(w, e, want); return;
  case KE_CALL: call(w, e, want); return;
  case KE_COND: cond_expr(w, e, want); return;
  case KE_COMMA:
    wx_drop(w, e->a);
    wx_expr(w, e->b, want);
    return;
  case KE_BUILTIN:
    wb_builtin(w, e);
    if (!want && e->type->kind != KT_VOID) op(w, OP_DROP);
    return;
  default: break;
  }
  switch (e->kind) {
  case KE_INT: wx_const(w, e->type, e->ival); break;
  case KE_FLOAT:
    if (e->type->kind == KT_F32) { op(w, OP_F32_CONST); wb_f32(&w->fn->code, (float)e->fval); }
    else if (e->type->kind == KT_F64) { op(w, OP_F64_CONST); wb_f64(&w->fn->code, e->fval); }
    else { op(w, OP_F32_CONST); wb_f32(&w->fn->code, (float)e->fval); op_u(w, OP_CALL, WI_HROUND); }
    break;
  case KE_STR: op_i32(w, we_string(w, e)); break;
  case KE_VAR:
    if (in_local(w, e, &x)) op_u(w, OP_LOCAL_GET, x->idx);
    else {
      var_addr(w, x);
      wx_load(w, e->type);
    }
    break;
  case KE_BVAR: bvar(w, e); break;
  case KE_UNARY: unary(w, e); break;
  case KE_BINARY: binary(w, e); break;
  case KE_CAST:
    wx_value(w, e->a);
    wx_convert(w, e->a->type, e->type, e->loc);
    if (e->type->kind == KT_VOID) return;
    break;
  case KE_INDEX: case KE_MEMBER: case KE_DEREF:
    if (bitfield_of(e)) {
      bitfield_load(w, e, bitfield_of(e));
      wx_convert(w, bitfield_of(e)->type, e->type, e->loc);
      break;
    }
    wx_load_at(w, e->type, wx_addr_off(w, e));
    break;
  case KE_ADDR: wx_addr(w, e->a); break;
  case KE_FUNC_ADDR: {
    int t = we_table_index(w, e->fn);
    if (t <= 0) return we_error(w, e->loc, "the address of '%s'", e->fn ? e->fn->name : "?");
    op_i32(w, t);
    break;
  }
  case KE_VEC: case KE_INIT_LIST: build_vec(w, e); break;
  default: return we_error(w, e->loc, "this expression");
  }
  if (!want && e->type->kind != KT_VOID) op(w, OP_DROP);
}

void wx_value(WEmit *w, const KExpr *e) { wx_expr(w, e, true); }
void wx_drop(WEmit *w, const KExpr *e) { wx_expr(w, e, false); }
