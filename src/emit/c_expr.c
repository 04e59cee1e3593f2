/*
 * c_expr.c — KIR expressions and builtin calls as C expressions.
 *
 * Every operator is parenthesised (the tree decides precedence, never C's
 * table).  __half values are a struct (cw_half) so that C cannot silently
 * do integer arithmetic on them: operations on them convert through float,
 * as the hardware does for everything but the rounding of the result.
 * Builtins map to C's <math.h> where the name and meaning agree, otherwise
 * to a `cw_` helper from the prelude; atomics map to GCC __atomic builtins
 * (relaxed, like CUDA's), float and double atomics to compare-and-swap
 * loops.  Warp collectives never reach this file inside a kernel (fission
 * expands them); in a device function that was not inlined they cannot
 * occur (such functions are always inlined).
 */
#include "c_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *op_text(KOp op) {
  static const char *t[] = {
      [KOP_ADD] = "+", [KOP_SUB] = "-", [KOP_MUL] = "*", [KOP_DIV] = "/",
      [KOP_MOD] = "%", [KOP_SHL] = "<<", [KOP_SHR] = ">>", [KOP_AND] = "&",
      [KOP_OR] = "|", [KOP_XOR] = "^", [KOP_LAND] = "&&", [KOP_LOR] = "||",
      [KOP_EQ] = "==", [KOP_NE] = "!=", [KOP_LT] = "<", [KOP_LE] = "<=",
      [KOP_GT] = ">", [KOP_GE] = ">=", [KOP_NEG] = "-", [KOP_NOT] = "!",
      [KOP_BITNOT] = "~"};
  return (op > 0 && op <= KOP_BITNOT && t[op]) ? t[op] : "?";
}

static bool is_half(const KType *t) { return t && t->kind == KT_F16; }

/* ---- constants ------------------------------------------------------------ */

static void emit_int(StrBuf *sb, const KExpr *e) {
  int64_t v = e->ival;
  switch (e->type->kind) {
  case KT_BOOL: sb_puts(sb, v ? "1" : "0"); return;
  case KT_U32: sb_printf(sb, "%lluu", (unsigned long long)(uint32_t)v); return;
  case KT_U64: sb_printf(sb, "%lluull", (unsigned long long)v); return;
  case KT_I64:
    if (v == INT64_MIN) sb_puts(sb, "(-9223372036854775807ll - 1)");
    else sb_printf(sb, "%lldll", (long long)v);
    return;
  case KT_I32:
    if (v == INT32_MIN) sb_puts(sb, "(-2147483647 - 1)");
    else sb_printf(sb, "%lld", (long long)v);
    return;
  case KT_F16: case KT_F32: case KT_F64:
    sb_printf(sb, "%lld.0", (long long)v);
    return;
  default: {
    StrBuf t;
    sb_init(&t);
    ce_type_name(&t, e->type);
    sb_printf(sb, "((%s)%lld)", t.data, (long long)v);
    sb_free(&t);
  }
  }
}

static void emit_float(StrBuf *sb, double v, KTypeKind k) {
  const char *suf = k == KT_F64 ? "" : "f";
  if (isnan(v)) {
    sb_printf(sb, k == KT_F64 ? "((double)NAN)" : "NAN");
    return;
  }
  if (isinf(v)) {
    sb_printf(sb, "%s%s", v < 0 ? "-" : "",
              k == KT_F64 ? "((double)INFINITY)" : "INFINITY");
    return;
  }
  char buf[64];
  snprintf(buf, sizeof buf, k == KT_F64 ? "%.17g" : "%.9g", v);
  bool exact = k == KT_F64 ? strtod(buf, NULL) == v
                           : strtof(buf, NULL) == (float)v;
  if (!exact) snprintf(buf, sizeof buf, "%a", v);
  if (!strpbrk(buf, ".eEpx")) strcat(buf, ".0");
  sb_printf(sb, "%s%s", buf, suf);
}

static void emit_string(StrBuf *sb, const char *s, int n) {
  sb_putc(sb, '"');
  for (int i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\') sb_printf(sb, "\\%c", c);
    else if (c == '\n') sb_puts(sb, "\\n");
    else if (c == '\t') sb_puts(sb, "\\t");
    else if (c < 32 || c >= 127) sb_printf(sb, "\\%03o", c);
    else sb_putc(sb, (char)c);
  }
  sb_putc(sb, '"');
}

/* ---- variables --------------------------------------------------------- */

static void emit_var(CEmit *ce, StrBuf *sb, const KVar *v) {
  const KExpr *init = ce_remat_init(ce, v);
  if (init) {
    sb_puts(sb, "((");
    ce_type_name(sb, v->type);
    sb_puts(sb, ")");
    ce_expr(ce, sb, init);
    sb_puts(sb, ")");
    return;
  }
  if (ce_is_promoted(ce, v)) sb_printf(sb, "%s[%s]", ce_var_name(ce, v), ce->tidx);
  else sb_puts(sb, ce_var_name(ce, v));
}

static void emit_bvar(StrBuf *sb, const KExpr *e) {
  static const char *names[][3] = {
      {"((uint32_t)cw_tx)", "cw_ty", "cw_tz"}, {"cw_bix", "cw_biy", "cw_biz"},
      {"cw_bdx", "cw_bdy", "cw_bdz"}, {"cw_gdx", "cw_gdy", "cw_gdz"}};
  switch (e->bvar) {
  case KBV_WARP_SIZE: sb_puts(sb, "32"); return;
  case KBV_LANE_ID: sb_puts(sb, "((uint32_t)cw_t & 31u)"); return;
  default: break;
  }
  if (e->field >= 0 && e->field < 3) {
    sb_puts(sb, names[e->bvar][e->field]);
    return;
  }
  StrBuf t;
  sb_init(&t);
  ce_type_name(&t, e->type);
  sb_printf(sb, "((%s){%s, %s, %s})", t.data, names[e->bvar][0],
            names[e->bvar][1], names[e->bvar][2]);
  sb_free(&t);
}

/* ---- operators ------------------------------------------------------------ */

static void emit_h2f(CEmit *ce, StrBuf *sb, const KExpr *e) {
  sb_puts(sb, "cw_h2f(");
  ce_expr(ce, sb, e);
  sb_puts(sb, ")");
}

/* Division, remainder and shifts may trap or be undefined for operands
 * that `&&` / `||` would not have evaluated. */
static bool unsafe_to_speculate(const KExpr *e) {
  if (!e) return false;
  if (e->kind == KE_BINARY && (e->op == KOP_DIV || e->op == KOP_MOD || e->op == KOP_SHL ||
                               e->op == KOP_SHR))
    return true;
  if (e->kind != KE_BINARY && e->kind != KE_UNARY && e->kind != KE_CAST && e->kind != KE_COND &&
      e->kind != KE_VAR && e->kind != KE_BVAR && e->kind != KE_INT && e->kind != KE_FLOAT)
    return true;
  return unsafe_to_speculate(e->a) || unsafe_to_speculate(e->b) || unsafe_to_speculate(e->c);
}

/* An unsigned 32-bit offset from a pointer that is not known to be global:
 * the GPU addresses shared memory with 32 bits, so `s[~i]` wraps to
 * s - i - 1 there, and programs rely on it; offsets are sign-extended here
 * to match (global buffers indexed past 2^31 elements keep zero extension). */
static bool wraps32(const KExpr *ptr, const KExpr *off) {
  return ptr->type->kind == KT_PTR && ptr->type->as != AS_GLOBAL &&
         ptr->type->as != AS_CONSTANT && off->type->kind == KT_U32;
}

/* A signed 32-bit sum, difference or product: overflow is undefined in
 * CUDA as in C, so computing it in 64 bits gives the same value wherever
 * the program is defined (what nvcc's LLVM does with an nsw index). */
static bool widenable_index(const KExpr *e) {
  return e->kind == KE_BINARY && e->type && e->type->kind == KT_I32 &&
         (e->op == KOP_ADD || e->op == KOP_SUB || e->op == KOP_MUL);
}

/* The offset tree in int64_t: GCC then sees `in[i - w]` as the affine
 * `&in[i] - w` of the thread loop's counter.  Written in 32 bits, a
 * subtraction under a per-thread condition is rewritten to wrapping
 * arithmetic when the loop is if-converted, and its loads become gathers
 * (a stencil's border blocks, 4 % of them, took 20 % of its time).  Only
 * offsets from pointers: indices into fixed-size (shared, local) arrays
 * stay 32-bit, where 64 bits gained nothing measured and cost a register
 * spill in a scan's hot loop (about 5 % slower). */
static void emit_wide_index(CEmit *ce, StrBuf *sb, const KExpr *e) {
  if (!widenable_index(e)) {
    if (e->kind != KE_INT) sb_puts(sb, "(int64_t)");
    ce_expr(ce, sb, e);
    return;
  }
  sb_putc(sb, '(');
  emit_wide_index(ce, sb, e->a);
  sb_printf(sb, " %s ", op_text(e->op));
  emit_wide_index(ce, sb, e->b);
  sb_putc(sb, ')');
}

static void emit_offset(CEmit *ce, StrBuf *sb, const KExpr *ptr, const KExpr *off) {
  if (wraps32(ptr, off)) sb_puts(sb, "(int32_t)");
  if (ptr->type->kind == KT_PTR && widenable_index(off))
    emit_wide_index(ce, sb, off);
  else ce_expr(ce, sb, off);
}

static void emit_binary(CEmit *ce, StrBuf *sb, const KExpr *e) {
  if (ce->branchless && (e->op == KOP_LAND || e->op == KOP_LOR) &&
      !unsafe_to_speculate(e->a) && !unsafe_to_speculate(e->b)) {
    /* both sides are cheap and harmless: evaluate both, no branch */
    sb_puts(sb, "((");
    ce_expr(ce, sb, e->a);
    sb_printf(sb, ") != 0 %s (", e->op == KOP_LAND ? "&" : "|");
    ce_expr(ce, sb, e->b);
    sb_puts(sb, ") != 0)");
    return;
  }
  if (is_half(e->a->type)) {
    bool cmp = e->op >= KOP_EQ && e->op <= KOP_GE;
    sb_puts(sb, cmp ? "(" : "cw_f2h(");
    emit_h2f(ce, sb, e->a);
    sb_printf(sb, " %s ", op_text(e->op));
    emit_h2f(ce, sb, e->b);
    sb_puts(sb, ")");
    return;
  }
  sb_putc(sb, '(');
  ce_expr(ce, sb, e->a);
  sb_printf(sb, " %s ", op_text(e->op));
  if (e->op == KOP_ADD || e->op == KOP_SUB) emit_offset(ce, sb, e->a, e->b);
  else ce_expr(ce, sb, e->b);
  sb_putc(sb, ')');
}

static void emit_assign(CEmit *ce, StrBuf *sb, const KExpr *e) {
  if (is_half(e->a->type) && e->op != KOP_NONE) {
    sb_putc(sb, '(');
    ce_expr(ce, sb, e->a);
    sb_puts(sb, " = cw_f2h(");
    emit_h2f(ce, sb, e->a);
    sb_printf(sb, " %s ", op_text(e->op));
    if (is_half(e->b->type)) emit_h2f(ce, sb, e->b);
    else ce_expr(ce, sb, e->b);
    sb_puts(sb, "))");
    return;
  }
  sb_putc(sb, '(');
  const KExpr *mark = ce_check_expect(ce, e->a, false);
  ce_expr(ce, sb, e->a);
  ce_check_restore(ce, mark, false);
  sb_printf(sb, " %s= ", e->op == KOP_NONE ? "" : op_text(e->op));
  ce_expr(ce, sb, e->b);
  sb_putc(sb, ')');
}

static void emit_cast_plain(CEmit *ce, StrBuf *sb, const KExpr *e) {
  const KType *to = e->type, *from = e->a->type;
  if (is_half(to) && is_half(from)) {
    ce_expr(ce, sb, e->a);
    return;
  }
  if (is_half(to)) {
    sb_puts(sb, "cw_f2h((float)");
    ce_expr(ce, sb, e->a);
    sb_puts(sb, ")");
    return;
  }
  StrBuf t;
  sb_init(&t);
  ce_type_name(&t, to);
  if (is_half(from)) {
    sb_printf(sb, "((%s)cw_h2f(", t.data);
    ce_expr(ce, sb, e->a);
    sb_puts(sb, "))");
  } else if (to->kind == KT_STRUCT || to->kind == KT_VEC) {
    ce_expr(ce, sb, e->a); /* same aggregate: C has no cast for it */
  } else {
    sb_printf(sb, "((%s)", t.data);
    ce_expr(ce, sb, e->a);
    sb_puts(sb, ")");
  }
  sb_free(&t);
}

static void emit_member(CEmit *ce, StrBuf *sb, const KExpr *e) {
  const KType *t = e->a->type;
  int chk = ce_check_open(ce, sb, e);
  ce_expr(ce, sb, e->a);
  if (chk >= 0 && (chk >> 14 & 1)) { /* a bit-field: its struct is what comes back */
    ce_check_close(ce, sb, e, chk);
    chk = -1;
  }
  if (t->kind == KT_VEC) {
    sb_printf(sb, ".%c", "xyzw"[e->field & 3]);
  } else if (t->kind == KT_STRUCT && e->field >= 0 && e->field < t->nfields) {
    sb_printf(sb, ".%s", t->fields[e->field].name);
  } else {
    sb_printf(sb, ".cw_field%d", e->field);
  }
  if (chk >= 0) ce_check_close(ce, sb, e, chk);
}

static void emit_args(CEmit *ce, StrBuf *sb, const KExpr *e, int from) {
  for (int i = from; i < e->nargs; i++) {
    if (i > from) sb_puts(sb, ", ");
    ce_expr(ce, sb, e->args[i]);
  }
}

static void emit_call(CEmit *ce, StrBuf *sb, const KExpr *e) {
  if (e->fn) {
    sb_printf(sb, "%s(CW_DEVICE_ARGS", e->fn->cname);
  } else { /* through a function pointer (virtual call, pointer to function) */
    sb_putc(sb, '(');
    ce_expr(ce, sb, e->a);
    sb_puts(sb, ")(CW_DEVICE_ARGS");
  }
  if (e->nargs) sb_puts(sb, ", ");
  emit_args(ce, sb, e, 0);
  sb_putc(sb, ')');
}

/* A function whose address is taken runs as an ordinary C function: one
 * with barriers or warp collectives is inlined into its callers instead
 * (lower_splits.c), which a call through a pointer cannot do. */
static void emit_func_addr(CEmit *ce, StrBuf *sb, const KExpr *e) {
  if (!e->fn->body)
    ce_error(ce, e->loc, "function '%s' is used through a pointer or a vtable but never defined "
                         "in device code", e->fn->name);
  else if (kir_func_has_split(e->fn))
    ce_error(ce, e->loc, "taking the address of '%s', which has barriers or warp collectives, "
                         "is not supported by the CPU backend", e->fn->name);
  sb_printf(sb, "(&%s)", e->fn->cname);
}

static void emit_aggregate(CEmit *ce, StrBuf *sb, const KExpr *e) {
  if (e->kind == KE_VEC) {
    StrBuf t;
    sb_init(&t);
    ce_type_name(&t, e->type);
    sb_printf(sb, "((%s)", t.data);
    sb_free(&t);
  }
  sb_putc(sb, '{');
  const KType *t = e->type;
  for (int i = 0; i < e->nargs; i++) {
    const KExpr *a = e->args[i];
    int at = kexpr_designator(e, i);
    if (i) sb_puts(sb, ", ");
    if (at >= 0 && e->kind == KE_INIT_LIST) {
      if (t->kind == KT_ARRAY) sb_printf(sb, "[%d] = ", at);
      else if (t->kind == KT_STRUCT && at < t->nfields)
        sb_printf(sb, ".%s = ", t->fields[at].name);
    }
    ce_expr(ce, sb, a);
  }
  if (!e->nargs) sb_putc(sb, '0');
  sb_putc(sb, '}');
  if (e->kind == KE_VEC) sb_putc(sb, ')');
}

static void emit_incdec(CEmit *ce, StrBuf *sb, const KExpr *e) {
  const char *op = e->op == KOP_SUB ? "--" : "++";
  if (is_half(e->type)) {
    sb_puts(sb, "cw_half_incdec(&");
    ce_expr(ce, sb, e->a);
    sb_printf(sb, ", %d, %d)", e->op == KOP_SUB ? -1 : 1, e->prefix);
    return;
  }
  sb_putc(sb, '(');
  if (e->prefix) sb_puts(sb, op);
  const KExpr *mark = ce_check_expect(ce, e->a, false);
  ce_expr(ce, sb, e->a);
  ce_check_restore(ce, mark, false);
  if (!e->prefix) sb_puts(sb, op);
  sb_putc(sb, ')');
}

void ce_expr(CEmit *ce, StrBuf *sb, const KExpr *e) {
  if (!e) {
    sb_puts(sb, "0");
    return;
  }
  switch (e->kind) {
  case KE_INT: emit_int(sb, e); break;
  case KE_FLOAT:
    if (is_half(e->type) && ce->static_init) {
      sb_printf(sb, "{0x%04x}", emit_half_bits(e->fval)); /* C needs a constant here */
    } else if (is_half(e->type)) {
      sb_puts(sb, "cw_f2h(");
      emit_float(sb, e->fval, KT_F32);
      sb_puts(sb, ")");
    } else {
      emit_float(sb, e->fval, e->type->kind);
    }
    break;
  case KE_STR: emit_string(sb, e->str->bytes, e->str->len); break;
  case KE_VAR: {
    int chk = ce_check_open(ce, sb, e); /* check mode: a variable in memory */
    emit_var(ce, sb, e->var);
    if (chk >= 0) ce_check_close(ce, sb, e, chk);
    break;
  }
  case KE_BVAR: emit_bvar(sb, e); break;
  case KE_UNARY:
    if (is_half(e->type) && e->op == KOP_NEG) {
      sb_puts(sb, "cw_f2h(-");
      emit_h2f(ce, sb, e->a);
      sb_puts(sb, ")");
    } else if (is_half(e->a->type)) {
      sb_printf(sb, "(%scw_h2f(", op_text(e->op));
      ce_expr(ce, sb, e->a);
      sb_puts(sb, "))");
    } else {
      sb_printf(sb, "(%s", op_text(e->op));
      ce_expr(ce, sb, e->a);
      sb_putc(sb, ')');
    }
    break;
  case KE_BINARY: emit_binary(ce, sb, e); break;
  case KE_ASSIGN: emit_assign(ce, sb, e); break;
  case KE_INCDEC: emit_incdec(ce, sb, e); break;
  case KE_COND:
    sb_putc(sb, '(');
    ce_expr(ce, sb, e->a);
    sb_puts(sb, " ? ");
    ce_expr(ce, sb, e->b);
    sb_puts(sb, " : ");
    ce_expr(ce, sb, e->c);
    sb_putc(sb, ')');
    break;
  case KE_COMMA:
    sb_putc(sb, '(');
    ce_expr(ce, sb, e->a);
    sb_puts(sb, ", ");
    ce_expr(ce, sb, e->b);
    sb_putc(sb, ')');
    break;
  case KE_CAST:
    if (!ce_emit_signed_index(ce, sb, e, emit_cast_plain)) emit_cast_plain(ce, sb, e);
    break;
  case KE_INDEX: {
    int chk = ce_check_open(ce, sb, e);
    ce_expr(ce, sb, e->a);
    sb_putc(sb, '[');
    emit_offset(ce, sb, e->a, e->b);
    sb_putc(sb, ']');
    if (chk >= 0) ce_check_close(ce, sb, e, chk);
    break;
  }
  case KE_MEMBER: emit_member(ce, sb, e); break;
  case KE_DEREF: {
    int chk = ce_check_open(ce, sb, e);
    if (chk < 0) sb_puts(sb, "(*");
    ce_expr(ce, sb, e->a);
    if (chk >= 0) ce_check_close(ce, sb, e, chk);
    else sb_putc(sb, ')');
    break;
  }
  case KE_ADDR: {
    sb_puts(sb, "(&");
    const KExpr *mark = ce_check_expect(ce, e->a, true);
    ce_expr(ce, sb, e->a);
    ce_check_restore(ce, mark, true);
    sb_putc(sb, ')');
    break;
  }
  case KE_CALL: emit_call(ce, sb, e); break;
  case KE_FUNC_ADDR: emit_func_addr(ce, sb, e); break;
  case KE_BUILTIN: ce_builtin(ce, sb, e); break;
  case KE_VEC: case KE_INIT_LIST: emit_aggregate(ce, sb, e); break;
  default:
    ce_error(ce, e->loc, "internal: expression kind %d has no C form", (int)e->kind);
    sb_puts(sb, "0");
    break;
  }
}

/* ---- builtins ----------------------------------------------------------- */

/* A type-suffix for helpers that exist per operand type. */
static const char *type_suffix(const KType *t) {
  switch (t ? t->kind : KT_VOID) {
  case KT_I8: case KT_I16: case KT_I32: return "i32";
  case KT_BOOL: case KT_U8: case KT_U16: case KT_U32: return "u32";
  case KT_I64: return "i64";
  case KT_U64: return "u64";
  case KT_F16: return "f16";
  case KT_F32: return "f32";
  case KT_F64: return "f64";
  case KT_VEC: return t->elem->kind == KT_F16 ? "h2" : "vec";
  default: return "x";
  }
}

static const char *atomic_suffix(const KType *t) {
  if (t->kind == KT_U16) return "u16";
  if (t->kind == KT_I16) return "i16";
  return type_suffix(t);
}

static const KType *pointee(const KExpr *p) {
  return p->type->kind == KT_PTR ? p->type->elem : p->type;
}

/* True when the atomic's address is certainly in the block's __shared__
 * memory: a pointer typed as shared, or &(shared variable)[i].field... */
static bool block_private(const KExpr *p) {
  if (p->type && p->type->kind == KT_PTR && p->type->as == AS_SHARED) return true;
  if (p->kind != KE_ADDR) return false;
  const KExpr *x = p->a;
  while (x && (x->kind == KE_MEMBER ||
               (x->kind == KE_INDEX && x->a && x->a->type && x->a->type->kind == KT_ARRAY)))
    x = x->a;
  return x && x->kind == KE_VAR && x->var && x->var->kind == KV_GLOBAL && x->var->as == AS_SHARED;
}

/* The prelude's cw_shared_* helpers (c_prelude.c, CW_SHARED_RMW). */
static bool shared_rmw_exists(KBuiltinId op, const char *sfx) {
  bool i32 = !strcmp(sfx, "i32") || !strcmp(sfx, "u32");
  bool i64 = !strcmp(sfx, "i64") || !strcmp(sfx, "u64");
  bool flt = !strcmp(sfx, "f32") || !strcmp(sfx, "f64");
  switch (op) {
  case KB_ATOMIC_ADD: case KB_ATOMIC_EXCH: case KB_ATOMIC_MIN: case KB_ATOMIC_MAX:
    return i32 || i64 || flt;
  case KB_ATOMIC_SUB: case KB_ATOMIC_AND: case KB_ATOMIC_OR: case KB_ATOMIC_XOR:
    return i32 || i64;
  case KB_ATOMIC_INC: case KB_ATOMIC_DEC: return !strcmp(sfx, "u32");
  default: return false;
  }
}

/* An atomic's operands; the address checked in check mode. */
static void emit_atomic_operands(CEmit *ce, StrBuf *sb, const KExpr *e) {
  ce_check_atomic_address(ce, sb, e, e->builtin == KB_ATOMIC_EXCH);
  if (e->nargs > 1) sb_puts(sb, ", ");
  emit_args(ce, sb, e, 1);
}

/* `((T)cw_<kind>_<op>_<suffix>((void *)args))`: the prelude's atomic or
 * block-private read-modify-write helper. */
static void emit_rmw_call(CEmit *ce, StrBuf *sb, const KExpr *e, const KType *t,
                          const char *kind, const char *op) {
  StrBuf tn;
  sb_init(&tn);
  ce_type_name(&tn, t->unqual ? t->unqual : t);
  sb_printf(sb, "((%s)cw_%s_%s_%s((void *)", tn.data, kind, op, atomic_suffix(t));
  sb_free(&tn);
  emit_atomic_operands(ce, sb, e);
  sb_puts(sb, "))");
}

static void emit_atomic(CEmit *ce, StrBuf *sb, const KExpr *e) {
  static const char *names[] = {
      [KB_ATOMIC_ADD] = "add", [KB_ATOMIC_SUB] = "sub", [KB_ATOMIC_EXCH] = "exch",
      [KB_ATOMIC_MIN] = "min", [KB_ATOMIC_MAX] = "max", [KB_ATOMIC_INC] = "inc",
      [KB_ATOMIC_DEC] = "dec", [KB_ATOMIC_CAS] = "cas", [KB_ATOMIC_AND] = "and",
      [KB_ATOMIC_OR] = "or", [KB_ATOMIC_XOR] = "xor"};
  const KType *t = pointee(e->args[0]);
  const char *n = (size_t)e->builtin < sizeof names / sizeof *names
                      ? names[e->builtin] : NULL;
  if (!n) { /* a new atomic in the catalogue must be taught here, never guessed */
    ce_error(ce, e->loc, "internal: atomic builtin %d has no C helper", (int)e->builtin);
    sb_puts(sb, "0");
    return;
  }
  if (block_private(e->args[0]) && shared_rmw_exists(e->builtin, atomic_suffix(t))) {
    /* A block runs on one pool thread from start to end, so nothing else
     * can touch its shared memory: a plain read-modify-write is atomic. */
    emit_rmw_call(ce, sb, e, t, "shared", n);
    return;
  }
  bool plain_int = kt_is_int(t) && (e->builtin == KB_ATOMIC_ADD ||
      e->builtin == KB_ATOMIC_SUB || e->builtin == KB_ATOMIC_AND ||
      e->builtin == KB_ATOMIC_OR || e->builtin == KB_ATOMIC_XOR);
  if (plain_int) {
    sb_printf(sb, "__atomic_fetch_%s(", n);
    emit_atomic_operands(ce, sb, e);
    sb_puts(sb, ", __ATOMIC_RELAXED)");
    return;
  }
  emit_rmw_call(ce, sb, e, t, "atomic", n);
}

/* C spellings of builtins whose name differs from C's (or does not exist). */
static const char *builtin_c_name(KBuiltinId id) {
  switch (id) {
  case KB_I_EXPF: return "expf";
  case KB_I_EXP10F: return "cw_exp10f";
  case KB_I_LOGF: return "logf";
  case KB_I_LOG2F: return "log2f";
  case KB_I_LOG10F: return "log10f";
  case KB_I_SINF: return "sinf";
  case KB_I_COSF: return "cosf";
  case KB_I_TANF: return "tanf";
  case KB_I_POWF: return "powf";
  case KB_I_SINCOSF: return "sincosf";
  case KB_LLROUNDF: return "llroundf";
  case KB_LROUNDF: return "llroundf";
  case KB_LRINTF: return "llrintf";
  case KB_ISNAN: return "isnan";
  case KB_ISINF: return "isinf";
  case KB_ISFINITE: return "isfinite";
  case KB_SIGNBIT: return "signbit";
  case KB_I_HADD_HALF: return "__hadd_half";
  default: return NULL;
  }
}

/* math.h functions whose CUDA and C meanings agree */
static bool is_c_math(const char *n) {
  static const char *const c[] = {
      "sinf", "sin", "cosf", "cos", "tanf", "tan", "asinf", "asin", "acosf",
      "acos", "atanf", "atan", "sinhf", "sinh", "coshf", "cosh", "tanhf",
      "tanh", "asinhf", "asinh", "acoshf", "acosh", "atanhf", "atanh", "expf",
      "exp", "exp2f", "exp2", "expm1f", "expm1", "logf", "log", "log2f",
      "log2", "log10f", "log10", "log1pf", "log1p", "sqrtf", "sqrt", "cbrtf",
      "cbrt", "ceilf", "ceil", "floorf", "floor", "truncf", "trunc", "roundf",
      "round", "rintf", "rint", "nearbyintf", "nearbyint", "fabsf", "fabs",
      "erff", "erf", "erfcf", "erfc", "lgammaf", "lgamma", "tgammaf",
      "tgamma", "logbf", "logb", "powf", "pow", "fmodf", "fmod", "fminf",
      "fmin", "fmaxf", "fmax", "atan2f", "atan2", "hypotf", "hypot",
      "copysignf", "copysign", "fdimf", "fdim", "remainderf", "remainder",
      "nextafterf", "nextafter", "fmaf", "fma", "ldexpf", "ldexp", "scalbnf",
      "scalbn", "ilogbf", "ilogb", "frexpf", "frexp", "modff", "modf",
      "remquof", "remquo", "llround", "llrint", "llroundf", "llrintf",
      "isnan", "isinf", "isfinite", "signbit", "j0", "j1", "y0", "y1", "nan", "nanf", NULL};
  for (int i = 0; c[i]; i++)
    if (!strcmp(c[i], n)) return true;
  return false;
}

static void emit_warp_in_device_fn(CEmit *ce, StrBuf *sb, const KExpr *e) {
  ce_error(ce, e->loc, "internal: warp collective '%s' left in a function",
           kb_info(e->builtin)->name);
  sb_puts(sb, "0");
}

static void emit_io(CEmit *ce, StrBuf *sb, const KExpr *e) {
  switch (e->builtin) {
  case KB_PRINTF:
    sb_puts(sb, "cw_ctx->printf_fn(cw_ctx, ");
    emit_args(ce, sb, e, 0);
    sb_puts(sb, ")");
    return;
  case KB_ASSERT:
    sb_puts(sb, "((");
    if (e->nargs) ce_expr(ce, sb, e->args[0]);
    sb_puts(sb, ") ? (void)0 : cw_ctx->assert_fn(cw_ctx, ");
    emit_args(ce, sb, e, 1);
    sb_puts(sb, ", (uint32_t)cw_tx, cw_ty, cw_tz))");
    return;
  case KB_TRAP: sb_puts(sb, "cw_ctx->trap_fn(cw_ctx, (uint32_t)cw_tx, cw_ty, cw_tz)"); return;
  case KB_BRKPT: sb_puts(sb, "((void)0)"); return; /* no debugger to stop in */
  case KB_DEVICE_LAUNCH: case KB_DEVICE_GET_LAST_ERROR: case KB_DEVICE_PEEK_LAST_ERROR:
  case KB_DEVICE_GET_DEVICE: case KB_DEVICE_STREAM_NEW:
    ce_device_runtime(ce, sb, e);
    return;
  default:
    ce_error(ce, e->loc, "internal: I/O builtin '%s' has no C form", kb_info(e->builtin)->name);
    sb_puts(sb, "((void)0)");
    return;
  }
}

static bool emit_misc(CEmit *ce, StrBuf *sb, const KExpr *e) {
  switch (e->builtin) {
  case KB_CLOCK: case KB_CLOCK64: sb_puts(sb, "cw_clock64()"); return true;
  case KB_MALLOC: /* the device heap is the host's: CUDA's heap limit is not enforced */
    sb_puts(sb, ce->check_access ? "cw_ctx->heap_fn(cw_ctx, (void *)0, (uint64_t)("
                                 : "malloc((size_t)(");
    ce_expr(ce, sb, e->args[0]);
    sb_puts(sb, "))");
    return true;
  case KB_FREE: /* in check mode, through the runtime, which knows the blocks */
    sb_puts(sb, ce->check_access ? "((void)cw_ctx->heap_fn(cw_ctx, (void *)(" : "free((void *)(");
    ce_expr(ce, sb, e->args[0]);
    sb_puts(sb, ce->check_access ? "), 0))" : "))");
    return true;
  case KB_GLOBALTIMER: sb_puts(sb, "((uint64_t)cw_clock64())"); return true;
  case KB_NANOSLEEP: sb_puts(sb, "((void)0)"); return true;
  case KB_LDG:
    sb_puts(sb, "(*");
    ce_expr(ce, sb, e->args[0]);
    sb_puts(sb, ")");
    return true;
  case KB_THREADFENCE: case KB_THREADFENCE_BLOCK: case KB_THREADFENCE_SYSTEM:
    if (ce->check && e->builtin != KB_THREADFENCE_BLOCK) /* racecheck orders blocks by it */
      sb_puts(sb, "(cw_ctx->fence_fn(cw_ctx), __atomic_thread_fence(__ATOMIC_SEQ_CST))");
    else
      sb_puts(sb, "__atomic_thread_fence(__ATOMIC_SEQ_CST)");
    return true;
  case KB_SYNCTHREADS: case KB_SYNCWARP:
    if (ce->fiber) {
      ce_fiber_builtin(ce, sb, e);
      return true;
    }
    /* fall through */
  case KB_GRID_SYNC: /* see lower_splits.c */
    sb_puts(sb, "((void)0)"); /* a statement of its own: fission split here */
    return true;
  case KB_LANEMASK_LT: sb_puts(sb, "((1u << ((uint32_t)cw_t & 31u)) - 1u)"); return true;
  case KB_LANEMASK_LE: sb_puts(sb, "((2u << ((uint32_t)cw_t & 31u)) - 1u)"); return true;
  case KB_LANEMASK_GT: sb_puts(sb, "(~((2u << ((uint32_t)cw_t & 31u)) - 1u))"); return true;
  case KB_LANEMASK_GE: sb_puts(sb, "(~((1u << ((uint32_t)cw_t & 31u)) - 1u))"); return true;
  case KB_LANEMASK_EQ: sb_puts(sb, "(1u << ((uint32_t)cw_t & 31u))"); return true;
  case KB_MIN: case KB_MAX: case KB_ABS:
    sb_printf(sb, "cw_%s_%s(", e->builtin == KB_MIN ? "min"
                               : e->builtin == KB_MAX ? "max" : "abs",
              type_suffix(e->type));
    emit_args(ce, sb, e, 0);
    sb_puts(sb, ")");
    return true;
  default: return false;
  }
}

void ce_builtin(CEmit *ce, StrBuf *sb, const KExpr *e) {
  const KBuiltinInfo *info = kb_info(e->builtin);
  if (!info) {
    ce_error(ce, e->loc, "internal: builtin %d is not in the catalogue", (int)e->builtin);
    sb_puts(sb, "0");
    return;
  }
  if (info->cls == KBC_ATOMIC) {
    emit_atomic(ce, sb, e);
    return;
  }
  if (info->cls == KBC_IO) {
    emit_io(ce, sb, e);
    return;
  }
  if (emit_misc(ce, sb, e)) return;
  if (kir_is_collective(e)) {
    if (ce->fiber) ce_fiber_builtin(ce, sb, e);
    else emit_warp_in_device_fn(ce, sb, e);
    return;
  }
  const char *n = builtin_c_name(e->builtin);
  if (!n) n = info->name;
  if (is_c_math(n)) {
    sb_printf(sb, "%s(", n);
  } else {
    while (*n == '_') n++;
    sb_printf(sb, "cw_%s(", n);
  }
  emit_args(ce, sb, e, 0);
  sb_putc(sb, ')');
}
