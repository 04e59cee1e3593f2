/*
 * glsl_expr.c — KIR expressions as GLSL expressions.
 *
 * Every value is a GLSL expression string (arena-allocated).  Lvalues are
 * resolved first (gl_lvalue): locals and parameters are GLSL variables;
 * everything reached through a pointer, a global or a shared variable is
 * an address plus a type, read and written through the helpers of
 * glsl_mem.c.  Pointer arithmetic is byte arithmetic on uint64_t scaled by
 * the pointee size, exactly as CUDA computes addresses.  GLSL's `%` on
 * signed integers is SPIR-V's OpSMod (sign of the divisor), so C's
 * remainder goes through a helper.  Compound assignments and ++/-- compute
 * in the operation type KIR recorded and convert back, since GLSL mixes no
 * types implicitly.
 */
#include <math.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "glsl_internal.h"

static KType *unq(KType *t) { return t && t->unqual ? t->unqual : t; }

static bool is_kind(KType *t, KTypeKind k) { return unq(t)->kind == k; }

/* ---- literals ---------------------------------------------------------- */

const char *gl_literal_int(Gl *g, KType *t, int64_t v) {
  switch (unq(t)->kind) {
  case KT_BOOL: return v ? "true" : "false";
  case KT_I32:
    if ((int32_t)v == INT32_MIN) return "(-2147483647 - 1)";
    return (int32_t)v < 0 ? gl_fmt(g, "(%d)", (int32_t)v) : gl_fmt(g, "%d", (int32_t)v);
  case KT_U32: return gl_fmt(g, "%uu", (uint32_t)v);
  case KT_I64:
    if (g->no_int64) return gl_wide_literal(g, (uint64_t)v);
    if (v == INT64_MIN) return "(-9223372036854775807l - 1l)";
    return v < 0 ? gl_fmt(g, "(%lldl)", (long long)v) : gl_fmt(g, "%lldl", (long long)v);
  case KT_U64:
    if (g->no_int64) return gl_wide_literal(g, (uint64_t)v);
    return gl_fmt(g, "%lluul", (unsigned long long)v);
  case KT_PTR: return gl_addr_literal(g, (uint64_t)v);
  case KT_F16: case KT_F32: case KT_F64:
    if (gl_half(g, t)) return gl_half_round(g, t, gl_fmt(g, "float(%lld)", (long long)v));
    return gl_fmt(g, "%s(%lld)", gl_type(g, t, (SrcLoc){0}), (long long)v);
  default:
    if (gl_narrow(g, t)) /* held in int / uint, wrapped to its width */
      return kt_is_signed(unq(t)) ? gl_fmt(g, "(%d)", unq(t)->size == 1 ? (int8_t)v : (int16_t)v)
                                  : gl_fmt(g, "%uu", (unsigned)(unq(t)->size == 1 ? (uint8_t)v : (uint16_t)v));
    return gl_fmt(g, "%s(%lld)", gl_type(g, t, (SrcLoc){0}), (long long)v);
  }
}

static const char *float_lit(Gl *g, KType *t, double v) {
  KTypeKind k = unq(t)->kind;
  if (isnan(v) || isinf(v)) {
    const char *f = isnan(v) ? "uintBitsToFloat(0x7fc00000u)"
                    : v > 0 ? "uintBitsToFloat(0x7f800000u)" : "uintBitsToFloat(0xff800000u)";
    return k == KT_F32 ? f : gl_fmt(g, "%s(%s)", gl_type(g, t, (SrcLoc){0}), f);
  }
  char buf[64];
  snprintf(buf, sizeof buf, k == KT_F64 ? "%.17g" : "%.9g", k == KT_F64 ? v : (double)(float)v);
  if (!strpbrk(buf, ".e")) strcat(buf, ".0");
  if (k == KT_F64) return gl_fmt(g, "%slf", buf);
  if (k == KT_F16 && g->no_f16) return gl_half_round(g, t, buf);
  if (k == KT_F16) return gl_fmt(g, "float16_t(%s)", buf);
  return gl_fmt(g, "%s", buf);
}

/* ---- conversions -------------------------------------------------------- */

const char *gl_convert(Gl *g, KType *from, KType *to, const char *s, SrcLoc loc) {
  from = unq(from), to = unq(to);
  if (from == to || to->kind == KT_VOID) return s;
  if (from->kind == KT_PTR && to->kind == KT_PTR) return s;
  const char *w = gl_wide_convert(g, from, to, s, loc);
  if (w) return w;
  if ((w = gl_half_convert(g, from, to, s, loc))) return w;
  if (to->kind == KT_BOOL) {
    if (from->kind == KT_PTR) return gl_addr_nonnull(g, s);
    return gl_fmt(g, "(%s != %s(0))", s, gl_type(g, from, loc));
  }
  if (from->kind == KT_BOOL)
    return gl_fmt(g, "(%s ? %s : %s)", s, gl_literal_int(g, to, 1), gl_literal_int(g, to, 0));
  if (to->kind == KT_PTR) return gl_addr_from_int(g, from, s, loc);
  if (from->kind == KT_PTR && kt_is_arith(to)) return gl_addr_to_int(g, to, s, loc);
  if (kt_is_arith(from) && kt_is_arith(to)) {
    if (to->kind == KT_F16 && from->kind == KT_F64) s = gl_fmt(g, "float(%s)", s);
    if (from->kind == KT_F16 && to->kind == KT_F64) s = gl_fmt(g, "float(%s)", s);
    if (gl_narrow(g, to)) {
      if (kt_is_float(from)) s = gl_fmt(g, "int(%s)", s);
      return gl_narrow_wrap(g, to, gl_fmt(g, "%s(%s)", gl_type(g, to, loc), s));
    }
    return gl_fmt(g, "%s(%s)", gl_type(g, to, loc), s);
  }
  if (from->kind == KT_VEC && to->kind == KT_VEC && from->count == to->count)
    return gl_narrow_wrap(g, to, gl_fmt(g, "%s(%s)", gl_type(g, to, loc), s));
  if (from->kind == KT_STRUCT && to->kind == KT_STRUCT && from->cname && to->cname &&
      !strcmp(from->cname, to->cname))
    return s;
  gl_error(g, loc, "conversion between these types is not supported on the Vulkan target");
  return s;
}

const char *gl_cond(Gl *g, KExpr *e) {
  return gl_convert(g, e->type, g->m->t_bool, gl_expr(g, e), e->loc);
}

/* ---- side effects (for lvalues written twice) ---------------------------- */

static bool has_effects(KExpr *e) {
  if (!e) return false;
  switch (e->kind) {
  case KE_ASSIGN: case KE_INCDEC: case KE_CALL: return true;
  case KE_BUILTIN: if (kb_info(e->builtin)->cls != KBC_MATH) return true; break;
  default: break;
  }
  if (has_effects(e->a) || has_effects(e->b) || has_effects(e->c)) return true;
  for (int i = 0; i < e->nargs; i++)
    if (has_effects(e->args[i])) return true;
  return false;
}

/* ---- lvalues ----------------------------------------------------------- */

static GLv direct(const char *text, KType *t) { return (GLv){false, 0, text, t}; }
static GLv memory(char kind, const char *addr, KType *t) { return (GLv){true, kind, addr, t}; }

static const char *ptr_offset(Gl *g, const char *p, KExpr *idx, int size, bool sub) {
  if (g->no_int64 && idx->kind == KE_INT && idx->ival * size < INT32_MAX && idx->ival * size > -INT32_MAX)
    return gl_addr_add(g, p, (int)(sub ? -idx->ival * size : idx->ival * size));
  if (idx->kind == KE_INT && !g->no_int64) {
    const char *i64 = gl_fmt(g, "%lluul", (unsigned long long)idx->ival);
    if (size == 1) return gl_fmt(g, "(%s %c %s)", p, sub ? '-' : '+', i64);
    return gl_fmt(g, "(%s %c %s * %dul)", p, sub ? '-' : '+', i64, size);
  }
  if (gl_wide(g, idx->type)) return gl_addr_scaled_wide(g, p, gl_expr(g, idx), size, sub);
  return gl_addr_scaled(g, p, gl_expr(g, idx), kt_is_signed(idx->type), size, sub);
}

static GLv var_lvalue(Gl *g, KExpr *e) {
  KVar *v = e->var;
  int off = gl_shared_offset(g, v);
  if (off >= 0) return memory('S', gl_addr_shared(g, (unsigned)off), v->type);
  int fo = gl_frame_offset(g, v);
  if (fo >= 0) return memory('G', g->no_int64 ? gl_addr_add(g, "cw_frame", fo) : gl_fmt(g, "(cw_frame + %dul)", fo), v->type);
  if (v->kind == KV_GLOBAL) {
    int j = 0;
    for (int i = 0; i < g->m->globals.len; i++) {
      KVar *gv = g->m->globals.items[i];
      if (gv == v) break;
      if (gv->as != AS_SHARED) j++;
    }
    return memory('G', gl_addr_load(g, gl_addr_add(g, "pc.params", glsl_globals_offset(g->kernel) + 8 * j)),
                  v->type);
  }
  if (v->is_static) gl_error(g, e->loc, "static local variable '%s' is not supported on the Vulkan target", v->name);
  return direct(gl_ident(g, "l_", v->cname), v->type);
}

static GLv index_lvalue(Gl *g, KExpr *e) {
  KType *at = unq(e->a->type);
  if (at->kind == KT_PTR)
    return memory(gl_kind_of_ptr(at), ptr_offset(g, gl_expr(g, e->a), e->b, gl_elem_size(at), false),
                  e->type);
  GLv base = gl_lvalue(g, e->a);
  if (base.mem)
    return memory(base.kind, ptr_offset(g, base.text, e->b, at->elem->size, false), e->type);
  const char *i = gl_expr(g, e->b);
  if (gl_wide(g, e->b->type)) i = gl_convert(g, e->b->type, g->m->t_i32, i, e->loc);
  else if (unq(e->b->type)->size != 4) i = gl_fmt(g, "int(%s)", i);
  return direct(gl_fmt(g, "%s[%s]", base.text, i), e->type);
}

static GLv member_lvalue(Gl *g, KExpr *e) {
  KType *st = unq(e->a->type);
  GLv base = gl_lvalue(g, e->a);
  if (st->kind == KT_VEC) {
    if (base.mem) return memory(base.kind, gl_addr_add(g, base.text, e->field * st->elem->size), e->type);
    return direct(gl_fmt(g, "%s.%c", base.text, "xyzw"[e->field & 3]), e->type);
  }
  if (st->kind != KT_STRUCT) {
    gl_error(g, e->loc, "member access on a non-struct value");
    return base;
  }
  if (st->fields[e->field].bit_width)
    gl_error(g, e->loc, "bit-field '%s' is not supported on the Vulkan target", st->fields[e->field].name);
  if (base.mem)
    return memory(base.kind, gl_addr_add(g, base.text, st->fields[e->field].offset), e->type);
  return direct(gl_fmt(g, "%s.%s", base.text, gl_field(g, st, e->field)), e->type);
}

GLv gl_lvalue(Gl *g, KExpr *e) {
  switch (e->kind) {
  case KE_VAR: return var_lvalue(g, e);
  case KE_INDEX: return index_lvalue(g, e);
  case KE_MEMBER: return member_lvalue(g, e);
  case KE_DEREF: return memory(gl_kind_of_ptr(unq(e->a->type)), gl_expr(g, e->a), e->type);
  default: return direct(gl_fmt(g, "(%s)", gl_expr(g, e)), e->type);
  }
}

const char *gl_read(Gl *g, GLv lv, SrcLoc loc) {
  if (!lv.mem) return lv.text;
  return gl_fmt(g, "%s(%s)", gl_ld(g, lv.type, lv.kind, loc), lv.text);
}

static const char *write(Gl *g, GLv lv, const char *value, SrcLoc loc) {
  if (!lv.mem) return gl_fmt(g, "(%s = %s)", lv.text, value);
  return gl_fmt(g, "%s(%s, %s)", gl_st(g, lv.type, lv.kind, loc), lv.text, value);
}

/* ---- operators ---------------------------------------------------------- */

static const char *op_text(KOp op) {
  static const char *const t[] = {[KOP_ADD] = "+", [KOP_SUB] = "-", [KOP_MUL] = "*",
      [KOP_DIV] = "/", [KOP_MOD] = "%", [KOP_SHL] = "<<", [KOP_SHR] = ">>",
      [KOP_AND] = "&", [KOP_OR] = "|", [KOP_XOR] = "^", [KOP_LAND] = "&&",
      [KOP_LOR] = "||", [KOP_EQ] = "==", [KOP_NE] = "!=", [KOP_LT] = "<",
      [KOP_LE] = "<=", [KOP_GT] = ">", [KOP_GE] = ">="};
  return op <= KOP_GE && t[op] ? t[op] : "?";
}

static const char *rem_helper(Gl *g, KType *t) {
  const char *T = gl_type(g, t, (SrcLoc){0});
  const char *name = gl_fmt(g, "rem_%s", gl_ident(g, "", T));
  if (gl_seen(g, name)) return name;
  sb_printf(&g->helpers, "%s %s(%s a, %s b) { return a - (a / b) * b; }\n", T, name, T, T);
  return name;
}

/* a op b on values of type t (operands already of that type) */
static const char *binop(Gl *g, KOp op, KType *t, const char *a, const char *b, SrcLoc loc) {
  t = unq(t);
  if (gl_wide(g, t)) return gl_wide_binop(g, op, t, a, b, loc);
  if (gl_half(g, t) && (op == KOP_ADD || op == KOP_SUB || op == KOP_MUL || op == KOP_DIV))
    return gl_half_round(g, t, gl_fmt(g, "(%s %s %s)", a, op_text(op), b)); /* half arithmetic */
  if (op == KOP_MOD && kt_is_signed(t)) return gl_fmt(g, "%s(%s, %s)", rem_helper(g, t), a, b);
  if (op == KOP_MOD && kt_is_float(t)) {
    gl_error(g, loc, "'%%' on floating point values");
    return a;
  }
  if (t->kind == KT_BOOL && (op == KOP_AND || op == KOP_OR || op == KOP_XOR))
    return gl_fmt(g, "(%s %s %s)", a, op == KOP_AND ? "&&" : op == KOP_OR ? "||" : "^^", b);
  return gl_fmt(g, "(%s %s %s)", a, op_text(op), b);
}

static bool is_fmul(KExpr *e, KType *t) {
  return e->kind == KE_BINARY && e->op == KOP_MUL && unq(e->type) == t;
}

/* single-precision fma; a runtime whose driver splits fma into a multiply
 * and an add (lavapipe, SwiftShader) defines CW_EXACT_FMA, and the product
 * and sum are then taken in double: the product exactly, the sum rounded
 * once; without double (no_float64) the product is split exactly into two
 * floats (Veltkamp, Dekker) and added to c with the rounding error kept
 * (two-sum): one rounding but in rare double-rounding cases */
static const char *fma32(Gl *g) {
  if (g->no_float64 && !gl_seen(g, "cw_fma")) /* no double: the product exact as a float pair */
    sb_puts(&g->helpers, "#ifdef CW_EXACT_FMA\n"
                         "vec2 cw_split(float a) { float t = 4097.0 * a; float h = t - (t - a); return vec2(h, a - h); }\n"
                         "float cw_fma(float a, float b, float c) {\n"
                         "  float p = a * b;\n"
                         "  vec2 x = cw_split(a), y = cw_split(b);\n"
                         "  float e = ((x.x * y.x - p) + x.x * y.y + x.y * y.x) + x.y * y.y;\n"
                         "  float s = p + c, v = s - p;\n"
                         "  float t = (p - (s - v)) + (c - v);\n"
                         "  return s + (t + e);\n}\n"
                         "#else\n"
                         "float cw_fma(float a, float b, float c) { return fma(a, b, c); }\n"
                         "#endif\n");
  if (!gl_seen(g, "cw_fma"))
    sb_puts(&g->helpers, "#ifdef CW_EXACT_FMA\n"
                         "float cw_fma(float a, float b, float c) { return float(double(a) * double(b) + double(c)); }\n"
                         "#else\n"
                         "float cw_fma(float a, float b, float c) { return fma(a, b, c); }\n"
                         "#endif\n");
  return "cw_fma";
}

/* a*b+c as one fma, as nvcc and the CPU backend's C compiler both contract
 * it; every other float operation is left unfused (glsl_nocontract.c) */
static const char *fused(Gl *g, KExpr *e) {
  KType *t = unq(e->type);
  if ((t->kind != KT_F32 && t->kind != KT_F64) || (e->op != KOP_ADD && e->op != KOP_SUB)) return NULL;
  const char *fma = t->kind == KT_F32 ? fma32(g) : "fma";
  if (is_fmul(e->a, t)) {
    const char *c = gl_expr(g, e->b);
    return gl_fmt(g, "%s(%s, %s, %s%s)", fma, gl_expr(g, e->a->a), gl_expr(g, e->a->b),
                  e->op == KOP_SUB ? "-" : "", c);
  }
  if (is_fmul(e->b, t))
    return gl_fmt(g, "%s(%s%s, %s, %s)", fma, e->op == KOP_SUB ? "-" : "", gl_expr(g, e->b->a),
                  gl_expr(g, e->b->b), gl_expr(g, e->a));
  return NULL;
}

static bool is_str(KExpr *e) {
  while (e && e->kind == KE_CAST) e = e->a;
  return e && e->kind == KE_STR;
}

static const char *binary(Gl *g, KExpr *e) {
  KType *at = unq(e->a->type), *bt = unq(e->b->type);
  if (e->op == KOP_LAND || e->op == KOP_LOR)
    return gl_fmt(g, "(%s %s %s)", gl_cond(g, e->a), op_text(e->op), gl_cond(g, e->b));
  if (at->kind == KT_PTR && kt_is_int(bt) && (e->op == KOP_ADD || e->op == KOP_SUB))
    return ptr_offset(g, gl_expr(g, e->a), e->b, gl_elem_size(at), e->op == KOP_SUB);
  if (bt->kind == KT_PTR && kt_is_int(at) && e->op == KOP_ADD)
    return ptr_offset(g, gl_expr(g, e->b), e->a, gl_elem_size(bt), false);
  if (at->kind == KT_PTR && bt->kind == KT_PTR && e->op == KOP_SUB) {
    KType *dt;
    const char *d = gl_addr_diff(g, gl_expr(g, e->a), gl_expr(g, e->b), gl_elem_size(at), &dt);
    return gl_convert(g, dt, e->type, d, e->loc);
  }
  const char *f = fused(g, e);
  if (f) return f;
  if ((e->op == KOP_EQ || e->op == KOP_NE) && (is_str(e->a) || is_str(e->b))) {
    /* `"text" != 0` (assert(x && "why")): a literal's address is never null;
     * literals have no device address here, so only this comparison works */
    KExpr *other = is_str(e->a) ? e->b : e->a;
    if (g->no_int64) /* a pointer that is never null */
      return (e->op == KOP_EQ) == is_str(other) ? "true" : "false";
    return gl_fmt(g, "(1ul %s %s)", e->op == KOP_EQ ? "==" : "!=",
                  is_str(other) ? "1ul" : gl_convert(g, other->type, g->m->t_u64, gl_expr(g, other), e->loc));
  }
  const char *a = gl_expr(g, e->a), *b = gl_expr(g, e->b);
  if (at->kind == KT_PTR && bt->kind == KT_PTR && e->op >= KOP_EQ && e->op <= KOP_GE)
    return gl_addr_compare(g, op_text(e->op), a, b);
  if ((e->op == KOP_SHL || e->op == KOP_SHR) && at != bt) b = gl_convert(g, bt, at, b, e->loc);
  return binop(g, e->op, at, a, b, e->loc);
}

static const char *unary(Gl *g, KExpr *e) {
  const char *a = gl_expr(g, e->a);
  switch (e->op) {
  case KOP_NEG: return gl_wide(g, e->a->type) ? gl_wide_neg(g, a) : gl_fmt(g, "(-%s)", a);
  case KOP_BITNOT: return gl_fmt(g, "(~%s)", a);
  default: return gl_fmt(g, "(!%s)", gl_cond(g, e->a));
  }
}

/* new value of a compound assignment or ++/--: computed in `optype` */
static const char *updated(Gl *g, KType *lt, KType *optype, KOp op, const char *cur, KExpr *rhs,
                           const char *r, SrcLoc loc) {
  if (is_kind(lt, KT_PTR) && (op == KOP_ADD || op == KOP_SUB) && rhs)
    return ptr_offset(g, cur, rhs, gl_elem_size(unq(lt)), op == KOP_SUB);
  if (is_kind(lt, KT_PTR))
    return g->no_int64 ? gl_addr_add(g, cur, op == KOP_SUB ? -gl_elem_size(unq(lt)) : gl_elem_size(unq(lt)))
                       : gl_fmt(g, "(%s %c %dul)", cur, op == KOP_SUB ? '-' : '+', gl_elem_size(unq(lt)));
  const char *c = gl_convert(g, lt, optype, cur, loc);
  if ((op == KOP_SHL || op == KOP_SHR) && rhs && unq(rhs->type) != unq(optype))
    r = gl_convert(g, rhs->type, optype, r, loc);
  return gl_convert(g, optype, lt, binop(g, op, optype, c, r, loc), loc);
}

static const char *assign(Gl *g, KExpr *e) {
  GLv l = gl_lvalue(g, e->a);
  const char *r = gl_expr(g, e->b);
  if (e->op == KOP_NONE) return write(g, l, r, e->loc);
  if (has_effects(e->a))
    gl_error(g, e->loc, "compound assignment to an lvalue with side effects is not supported on the Vulkan target");
  KType *optype = (e->op == KOP_SHL || e->op == KOP_SHR) ? e->a->type : e->b->type;
  return write(g, l, updated(g, e->a->type, optype, e->op, gl_read(g, l, e->loc), e->b, r, e->loc), e->loc);
}

static const char *incdec(Gl *g, KExpr *e) {
  GLv l = gl_lvalue(g, e->a);
  KType *t = unq(e->a->type);
  if (has_effects(e->a))
    gl_error(g, e->loc, "++/-- on an lvalue with side effects is not supported on the Vulkan target");
  if (!l.mem && t->kind != KT_PTR && t->kind != KT_BOOL && !gl_wide(g, t) && !gl_half(g, t))
    return gl_fmt(g, e->prefix ? "(%s%s)" : "(%2$s%1$s)", e->op == KOP_SUB ? "--" : "++", l.text);
  KType *optype = t->kind == KT_PTR ? t : t;
  const char *one = t->kind == KT_PTR ? "" : gl_literal_int(g, t, 1);
  const char *nv = t->kind == KT_PTR ? updated(g, t, t, e->op, gl_read(g, l, e->loc), NULL, NULL, e->loc)
                                     : gl_narrow_wrap(g, t, binop(g, e->op, optype, gl_read(g, l, e->loc), one, e->loc));
  const char *w = write(g, l, nv, e->loc);
  if (e->prefix) return w;
  if (t->kind == KT_PTR)
    return g->no_int64 ? gl_addr_add(g, w, e->op == KOP_SUB ? gl_elem_size(t) : -gl_elem_size(t))
                       : gl_fmt(g, "(%s %c %dul)", w, e->op == KOP_SUB ? '+' : '-', gl_elem_size(t));
  return gl_narrow_wrap(g, t, binop(g, e->op == KOP_SUB ? KOP_ADD : KOP_SUB, t, w, one, e->loc));
}

/* ---- builtin variables ------------------------------------------------- */

static const char *bvar(Gl *g, KExpr *e) {
  static const char *const whole[] = {
      [KBV_THREAD_IDX] = "gl_LocalInvocationID",
      [KBV_BLOCK_IDX] = "(gl_WorkGroupID + uvec3(pc.base_x, pc.base_y, pc.base_z))",
      [KBV_BLOCK_DIM] = "gl_WorkGroupSize",
      [KBV_GRID_DIM] = "uvec3(pc.grid_x, pc.grid_y, pc.grid_z)"};
  static const char *const part[][3] = {
      [KBV_THREAD_IDX] = {"gl_LocalInvocationID.x", "gl_LocalInvocationID.y", "gl_LocalInvocationID.z"},
      [KBV_BLOCK_IDX] = {"(gl_WorkGroupID.x + pc.base_x)", "(gl_WorkGroupID.y + pc.base_y)",
                         "(gl_WorkGroupID.z + pc.base_z)"},
      [KBV_BLOCK_DIM] = {"gl_WorkGroupSize.x", "gl_WorkGroupSize.y", "gl_WorkGroupSize.z"},
      [KBV_GRID_DIM] = {"pc.grid_x", "pc.grid_y", "pc.grid_z"}};
  if (e->bvar == KBV_WARP_SIZE) return gl_convert(g, g->m->t_i32, e->type, "32", e->loc);
  if (e->bvar == KBV_LANE_ID)
    return gl_convert(g, g->m->t_u32, e->type, "(gl_LocalInvocationIndex & 31u)", e->loc);
  if (e->field >= 0 && e->field < 3)
    return gl_convert(g, g->m->t_u32, e->type, part[e->bvar][e->field], e->loc);
  KType *t = unq(e->type);
  if (t->kind == KT_STRUCT)
    return gl_fmt(g, "%s(%s.x, %s.y, %s.z)", gl_type(g, t, e->loc), whole[e->bvar], whole[e->bvar],
                  whole[e->bvar]);
  return whole[e->bvar];
}

/* ---- aggregates --------------------------------------------------------- */

static const char *join_args(Gl *g, KExpr **args, int n, KType **types, int want, SrcLoc loc) {
  StrBuf sb;
  sb_init(&sb);
  for (int i = 0; i < want; i++) {
    const char *v = i < n ? gl_convert(g, args[i]->type, types[i], gl_expr(g, args[i]), loc)
                          : gl_zero(g, types[i], loc);
    sb_printf(&sb, "%s%s", i ? ", " : "", v);
  }
  char *s = sb_take(&sb);
  const char *r = gl_fmt(g, "%s", s ? s : "");
  free(s);
  return r;
}

/* list: a KE_VEC or KE_INIT_LIST */
static const char *aggregate(Gl *g, KType *t, const KExpr *list, SrcLoc loc) {
  KExpr **args = list->args;
  int n = list->nargs;
  t = unq(t);
  int want = t->kind == KT_VEC ? t->count : t->kind == KT_STRUCT ? t->nfields
             : t->kind == KT_ARRAY ? t->count : 1;
  if (t->kind == KT_STRUCT && t->nfields == 0) return gl_zero(g, t, loc);
  if (want <= 0 || want > 4096) {
    gl_error(g, loc, "initializer of this type is not supported on the Vulkan target");
    return "0";
  }
  KType **types = arena_alloc(g->a, sizeof *types * (size_t)want);
  KExpr **placed = arena_alloc(g->a, sizeof *placed * (size_t)want);
  for (int i = 0; i < want; i++)
    types[i] = t->kind == KT_VEC || t->kind == KT_ARRAY ? t->elem
               : t->kind == KT_STRUCT ? t->fields[i].type : t;
  int pos = 0;
  for (int i = 0; i < n && pos < want + 1; i++) {
    if (kexpr_designator(list, i) >= 0) pos = kexpr_designator(list, i);
    if (pos < want) placed[pos++] = args[i];
  }
  if (!kt_is_scalar(t) && t->kind != KT_VEC && t->kind != KT_STRUCT && t->kind != KT_ARRAY) return "0";
  if (kt_is_scalar(t)) return n ? gl_convert(g, args[0]->type, t, gl_expr(g, args[0]), loc) : gl_zero(g, t, loc);
  StrBuf sb;
  sb_init(&sb);
  for (int i = 0; i < want; i++)
    sb_printf(&sb, "%s%s", i ? ", " : "",
              placed[i] ? gl_init(g, types[i], placed[i], loc) : gl_zero(g, types[i], loc));
  char *s = sb_take(&sb);
  const char *head = t->kind == KT_ARRAY ? gl_fmt(g, "%s[%d]", gl_type(g, t->elem, loc), t->count)
                                         : gl_type(g, t, loc);
  const char *r = gl_fmt(g, "%s(%s)", head, s ? s : "");
  free(s);
  (void)join_args;
  return r;
}

const char *gl_init(Gl *g, KType *t, KExpr *init, SrcLoc loc) {
  if (init->kind == KE_INIT_LIST) return aggregate(g, t, init, loc);
  return gl_convert(g, init->type, t, gl_expr(g, init), loc);
}

static const char *call(Gl *g, KExpr *e) {
  StrBuf sb;
  sb_init(&sb);
  sb_printf(&sb, "%s(", gl_ident(g, "f_", e->fn->cname));
  for (int i = 0; i < e->nargs; i++) {
    const char *a = gl_expr(g, e->args[i]);
    if (i < e->fn->nparams) a = gl_convert(g, e->args[i]->type, e->fn->params[i]->type, a, e->loc);
    sb_printf(&sb, "%s%s", i ? ", " : "", a);
  }
  sb_putc(&sb, ')');
  char *s = sb_take(&sb);
  const char *r = gl_fmt(g, "%s", s ? s : "");
  free(s);
  return r;
}

/* ---- expressions ------------------------------------------------------- */

const char *gl_expr(Gl *g, KExpr *e) {
  g->at = e->loc;
  switch (e->kind) {
  case KE_INT: return gl_literal_int(g, e->type, e->ival);
  case KE_FLOAT: return float_lit(g, e->type, e->fval);
  case KE_STR:
    gl_error(g, e->loc, "string literals are not supported on the Vulkan target");
    return "0";
  case KE_VAR: case KE_INDEX: case KE_MEMBER: case KE_DEREF:
    return gl_read(g, gl_lvalue(g, e), e->loc);
  case KE_BVAR: return bvar(g, e);
  case KE_UNARY: return unary(g, e);
  case KE_BINARY: return binary(g, e);
  case KE_ASSIGN: return assign(g, e);
  case KE_INCDEC: return incdec(g, e);
  case KE_COND:
    return gl_fmt(g, "(%s ? %s : %s)", gl_cond(g, e->a),
                  gl_convert(g, e->b->type, e->type, gl_expr(g, e->b), e->loc),
                  gl_convert(g, e->c->type, e->type, gl_expr(g, e->c), e->loc));
  case KE_COMMA: return gl_fmt(g, "(%s, %s)", gl_expr(g, e->a), gl_expr(g, e->b));
  case KE_CAST:
    if (unq(e->type)->kind == KT_PTR && e->a->kind == KE_INT && g->no_int64)
      return gl_addr_literal(g, (uint64_t)e->a->ival); /* (T *)0L: no 64-bit integer needed */
    return gl_convert(g, e->a->type, e->type, gl_expr(g, e->a), e->loc);
  case KE_ADDR: {
    GLv l = gl_lvalue(g, e->a);
    if (!l.mem)
      gl_error(g, e->loc, "taking the address of a local variable or parameter is not "
                          "supported on the Vulkan target");
    return l.text;
  }
  case KE_CALL: return call(g, e);
  case KE_FUNC_ADDR: /* kir_find_dynamic rejects it first; globals' initializers too */
    gl_error(g, e->loc, "pointers to functions are not supported on the Vulkan target");
    return "0";
  case KE_BUILTIN: return gl_builtin(g, e);
  case KE_VEC: case KE_INIT_LIST: return aggregate(g, e->type, e, e->loc);
  }
  return "0";
}
