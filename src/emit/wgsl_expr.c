/*
 * wgsl_expr.c — KIR expressions as WGSL expressions.
 *
 * WGSL has no implicit conversions, no assignment or increment expressions
 * and no pointer arithmetic.  KIR already makes every conversion explicit,
 * so each KE_CAST becomes one WGSL conversion (w_conv); an assignment or
 * increment used as a value is hoisted into `c->pre`, statements the
 * statement emitter writes before the current statement (so it is refused
 * inside the arms of ?:, && and ||, whose evaluation is conditional); and
 * a pointer-valued expression is emitted as its i32 element offset
 * (w_ptr_off), its base being known from wgsl_ptr.c.  ?: becomes select(),
 * which evaluates both arms: harmless, as WGSL loads out of bounds are
 * clamped rather than faults.  select() takes scalars and vectors only, so
 * a ?: of structs or arrays becomes a temporary assigned in an if/else
 * hoisted before the statement (cond_by_if), evaluating only the chosen
 * arm, as C++ does.
 */
#include "wgsl_internal.h"

#include <float.h>
#include <math.h>
#include <stdlib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static const char *op_text(KOp op) {
  static const char *t[] = {
      [KOP_ADD] = "+", [KOP_SUB] = "-", [KOP_MUL] = "*", [KOP_DIV] = "/",
      [KOP_MOD] = "%", [KOP_SHL] = "<<", [KOP_SHR] = ">>", [KOP_AND] = "&",
      [KOP_OR] = "|", [KOP_XOR] = "^", [KOP_LAND] = "&&", [KOP_LOR] = "||",
      [KOP_EQ] = "==", [KOP_NE] = "!=", [KOP_LT] = "<", [KOP_LE] = "<=",
      [KOP_GT] = ">", [KOP_GE] = ">="};
  return (op > 0 && op <= KOP_GE && t[op]) ? t[op] : "?";
}

const char *w_new_tmp(WCtx *c) { return arena_printf(c->a, "cw_t%d", c->tmp++); }

void w_int_lit(StrBuf *sb, KType *t, int64_t v) {
  switch (t->kind) {
  case KT_BOOL: sb_puts(sb, v ? "true" : "false"); return;
  case KT_U32: case KT_U8: case KT_U16:
    sb_printf(sb, "%lluu", (unsigned long long)(uint32_t)v);
    return;
  case KT_F32: case KT_F64: sb_printf(sb, "%lld.0f", (long long)v); return; /* f64: as f32 */
  case KT_I64: case KT_U64: w_int64_lit(sb, v); return;
  default:
    if ((int32_t)v == INT32_MIN) sb_puts(sb, "i32(-2147483648)");
    else if ((int32_t)v < 0) sb_printf(sb, "(%di)", (int32_t)v);
    else sb_printf(sb, "%di", (int32_t)v);
    return;
  }
}

static void float_lit(WCtx *c, StrBuf *sb, double v) {
  if (isnan(v) || isinf(v)) w_need_helper(c, "cw_f32_bits");
  float f = (float)v;
  /* through a function: a constant NaN or infinity is a WGSL error */
  if (isnan(f)) { sb_puts(sb, "cw_f32_bits(0x7fc00000u)"); return; }
  if (isinf(f)) { sb_puts(sb, f > 0 ? "cw_f32_bits(0x7f800000u)" : "cw_f32_bits(0xff800000u)"); return; }
  char buf[64];
  snprintf(buf, sizeof buf, "%.9g", (double)f);
  /* the largest floats: 3.40282347e+38 lies past FLT_MAX, which WGSL
   * rejects ("cannot be represented as f32"); 17 digits name it exactly */
  if (fabs(strtod(buf, NULL)) > FLT_MAX) snprintf(buf, sizeof buf, "%.17g", (double)f);
  if (!strpbrk(buf, ".e")) strcat(buf, ".0");
  if (f < 0) sb_printf(sb, "(%sf)", buf);
  else sb_printf(sb, "%sf", buf);
}

/* Truncation to an 8/16-bit type held in a 32-bit register. */
static void truncate(StrBuf *sb, KType *to, const char *x) {
  switch (to->kind) {
  case KT_U8: sb_printf(sb, "(%s & 0xffu)", x); return;
  case KT_U16: sb_printf(sb, "(%s & 0xffffu)", x); return;
  case KT_I8: sb_printf(sb, "((%s << 24u) >> 24u)", x); return;
  case KT_I16: sb_printf(sb, "((%s << 16u) >> 16u)", x); return;
  default: sb_puts(sb, x); return;
  }
}

/* Converts text `x` of KIR type `from` to KIR type `to`. */
void w_conv(WCtx *c, StrBuf *sb, KType *from, KType *to, const char *x) {
  from = from->unqual ? from->unqual : from;
  to = to->unqual ? to->unqual : to;
  KType *rf = w_scalar_of(c, from), *rt = w_scalar_of(c, to);
  if (from == to || (to->kind == KT_PTR && from->kind == KT_PTR)) { sb_puts(sb, x); return; }
  if (to->kind == KT_BOOL && w_is_64(from)) { w_conv64(c, sb, from, to, x); return; }
  if (to->kind == KT_BOOL) {
    if (from->kind == KT_PTR) sb_puts(sb, "true");
    else if (rf->kind == KT_F32) sb_printf(sb, "(%s != 0.0f)", x);
    else if (from->kind == KT_F16) sb_printf(sb, "(%s != 0.0h)", x);
    else sb_printf(sb, "(%s != %s)", x, rf->kind == KT_U32 ? "0u" : "0i");
    return;
  }
  if (to->kind == KT_VEC || to->kind == KT_STRUCT || to->kind == KT_ARRAY) {
    if (to->kind == KT_VEC && from->kind == KT_VEC && from->count == to->count) {
      w_type(c, sb, to);
      sb_printf(sb, "(%s)", x);
    } else {
      sb_puts(sb, x);
    }
    return;
  }
  if (from->kind == KT_PTR) {
    w_error(c, (SrcLoc){0}, "the WGSL target cannot convert a pointer to an integer");
    return;
  }
  StrBuf t;
  sb_init(&t);
  if (w_is_64(from) || w_is_64(to)) {
    /* to a narrow type: its 32-bit register, then truncated as below */
    w_conv64(c, &t, from, w_is_64(to) ? to : rt, x);
    if (w_is_64(to)) {
      sb_puts(sb, t.data ? t.data : "");
      sb_free(&t);
      return;
    }
  }
  else if (rf == rt) sb_puts(&t, x);
  else sb_printf(&t, "%s(%s)", w_type_str(c, rt), x);
  truncate(sb, to, t.data);
  sb_free(&t);
}

/* A binary operator on two pointers: a difference or a comparison. */
static bool ptr_pair(const KExpr *e) {
  return e->kind == KE_BINARY && w_is_ptr(e->a->type) && w_is_ptr(e->b->type);
}

/* Two pointers' offsets combined as i32 text (a difference in elements, or
 * a comparison's bool). */
static void ptr_pair32(WCtx *c, StrBuf *sb, KExpr *e) {
  sb_putc(sb, '(');
  w_ptr_off(c, sb, e->a);
  sb_printf(sb, " %s ", op_text(e->op));
  w_ptr_off(c, sb, e->b);
  sb_putc(sb, ')');
}

void w_expr_as(WCtx *c, StrBuf *sb, KExpr *e, KType *t) {
  StrBuf x;
  sb_init(&x);
  KType *from = e->type;
  if (ptr_pair(e) && w_is_64(e->type) && !w_is_64(t)) { /* (int)(p - q): no round trip through 64 bits */
    ptr_pair32(c, &x, e);
    from = c->m->t_i32;
  } else {
    w_expr(c, &x, e);
  }
  w_conv(c, sb, from, t, x.data ? x.data : "");
  sb_free(&x);
}

void w_cond(WCtx *c, StrBuf *sb, KExpr *e) { w_expr_as(c, sb, e, c->m->t_bool); }

static bool stmt_writes(KStmt *s, int depth);

/* Whether evaluating e writes memory other than its own locals: select()
 * evaluates both arms, so such an arm cannot be emitted there. */
static bool expr_writes(KExpr *e, int depth) {
  if (!e || depth > 8) return e != NULL;
  if (e->kind == KE_ASSIGN || e->kind == KE_INCDEC) {
    KExpr *lv = e->a;
    while (lv->kind == KE_MEMBER || (lv->kind == KE_INDEX && lv->a->type->kind == KT_ARRAY)) lv = lv->a;
    if (lv->kind != KE_VAR || lv->var->kind == KV_GLOBAL || lv->var->as == AS_SHARED) return true;
  }
  if (e->kind == KE_BUILTIN && kb_info(e->builtin)->cls == KBC_ATOMIC) return true;
  if (e->kind == KE_CALL && e->fn->body && stmt_writes(e->fn->body, depth + 1)) return true;
  if (expr_writes(e->a, depth) || expr_writes(e->b, depth) || expr_writes(e->c, depth)) return true;
  for (int i = 0; i < e->nargs; i++)
    if (expr_writes(e->args[i], depth)) return true;
  return false;
}

static bool stmt_writes(KStmt *s, int depth) {
  if (!s) return false;
  for (int i = 0; i < s->nstmts; i++)
    if (stmt_writes(s->stmts[i], depth)) return true;
  return expr_writes(s->e, depth) || expr_writes(s->cond, depth) || expr_writes(s->init, depth) ||
         expr_writes(s->step, depth) || stmt_writes(s->then, depth) || stmt_writes(s->els, depth) ||
         stmt_writes(s->body, depth) || stmt_writes(s->init_stmt, depth);
}

static bool has_effect(KExpr *e) {
  if (!e) return false;
  if (e->kind == KE_CALL && e->fn->body && stmt_writes(e->fn->body, 0)) return true;
  if (e->kind == KE_ASSIGN || e->kind == KE_INCDEC) return true;
  if (e->kind == KE_BUILTIN && kb_info(e->builtin)->cls == KBC_ATOMIC) return true;
  if (has_effect(e->a) || has_effect(e->b) || has_effect(e->c)) return true;
  for (int i = 0; i < e->nargs; i++)
    if (has_effect(e->args[i])) return true;
  return false;
}

static void arm(WCtx *c, StrBuf *sb, KExpr *e, KType *t) {
  if (has_effect(e))
    w_error(c, e->loc, "the WGSL target does not support assignments or atomics inside an operand of ?:, && or ||");
  if (t) w_expr_as(c, sb, e, t);
  else w_expr(c, sb, e);
}

/* One arm of cond_by_if: its own hoisted statements inside its branch,
 * then the assignment to the temporary. */
static void branch(WCtx *c, const char *tmp, KExpr *e, KType *t) {
  StrBuf outer = c->pre, v;
  sb_init(&c->pre);
  sb_init(&v);
  c->indent++;
  w_expr_as(c, &v, e, t);
  StrBuf inner = c->pre;
  c->pre = outer;
  if (inner.len) sb_puts(&c->pre, inner.data);
  sb_free(&inner);
  w_pre(c, "%s = %s;", tmp, v.data ? v.data : "");
  c->indent--;
  sb_free(&v);
}

/* c ? a : b on structs or arrays, which WGSL's select() does not take:
 * `var t: T; if (c) { t = a; } else { t = b; }` before the statement.  A
 * ?: inside an operand of another ?:, && or || is hoisted out of it too,
 * which is sound as arm() refuses side effects there. */
static void cond_by_if(WCtx *c, StrBuf *sb, KExpr *e) {
  const char *tmp = w_new_tmp(c);
  StrBuf ty, cond;
  sb_init(&ty);
  sb_init(&cond);
  w_type(c, &ty, w_scalar_of(c, e->type));
  w_cond(c, &cond, e->a);
  w_pre(c, "var %s: %s;", tmp, ty.data ? ty.data : "");
  w_pre(c, "if (%s) {", cond.data ? cond.data : "");
  int v = w_is_varying(c, e->a);
  c->varying_depth += v;
  branch(c, tmp, e->b, e->type);
  w_pre(c, "} else {");
  branch(c, tmp, e->c, e->type);
  c->varying_depth -= v;
  w_pre(c, "}");
  sb_puts(sb, tmp);
  sb_free(&ty);
  sb_free(&cond);
}

static bool selectable(WCtx *c, KType *t) {
  KType *s = w_scalar_of(c, t);
  return s->kind != KT_STRUCT && s->kind != KT_ARRAY;
}

/* ---- pointers ---------------------------------------------------------- */

static void index_i32(WCtx *c, StrBuf *sb, KExpr *i) { w_expr_as(c, sb, i, c->m->t_i32); }

static void addr_off(WCtx *c, StrBuf *sb, KExpr *lv) {
  switch (lv->kind) {
  case KE_VAR: sb_puts(sb, "0i"); return;
  case KE_DEREF: w_ptr_off(c, sb, lv->a); return;
  case KE_INDEX:
    if (w_is_ptr(lv->a->type)) {
      sb_putc(sb, '(');
      w_ptr_off(c, sb, lv->a);
      sb_puts(sb, " + ");
      index_i32(c, sb, lv->b);
      sb_putc(sb, ')');
      return;
    }
    if (lv->a->kind == KE_VAR) {
      index_i32(c, sb, lv->b);
      return;
    }
    if (lv->a->kind == KE_MEMBER && lv->a->type->kind == KT_ARRAY) { /* t.v[i]: i in the member array's base */
      WBase *b = w_base_of(c, &(KExpr){.kind = KE_ADDR, .a = lv, .type = lv->type, .loc = lv->loc});
      if (b && b->parent) {
        index_i32(c, sb, lv->b);
        return;
      }
    }
    break;
  default: break;
  }
  w_error(c, lv->loc, "the WGSL target supports pointers to whole variables and to elements of one-dimensional arrays only");
}

static bool elem_compatible(KType *a, KType *b) {
  if (!a || !b || a->kind == KT_VOID || b->kind == KT_VOID) return true;
  a = a->unqual ? a->unqual : a; /* a qualified struct copy may lack its layout */
  b = b->unqual ? b->unqual : b;
  return a->size == b->size;
}

/* A cast between element sizes, in a buffer addressed by bytes (packed
 * small elements, or dynamic shared memory declared as char[]): the offset
 * is rescaled.  Anywhere else the element size is the buffer's. */
static void scaled_cast(WCtx *c, StrBuf *sb, KExpr *e) {
  KType *fe = e->a->type->elem, *te = e->type->elem;
  int from = (fe->unqual ? fe->unqual : fe)->size, to = (te->unqual ? te->unqual : te)->size;
  WBase *b = w_base_of(c, e->a);
  bool ok = b && (b->small || b->byte_view) && from && to && (from % to == 0 || to % from == 0);
  if (!ok) {
    w_error(c, e->loc, "the WGSL target does not support pointer casts that change the element size (%d to %d bytes)",
            from, to);
    return;
  }
  sb_putc(sb, '(');
  w_ptr_off(c, sb, e->a);
  if (to > from) sb_printf(sb, " / %di)", to / from);
  else sb_printf(sb, " * %di)", from / to);
}

void w_ptr_off(WCtx *c, StrBuf *sb, KExpr *e) {
  switch (e->kind) {
  case KE_VAR:
    if (e->var->kind == KV_PARAM && c->cur->f == c->kernel) { /* packed: where it starts in its pool */
      WBase *b = w_base_for_var(c, e->var);
      if (b->pool_off) sb_printf(sb, "cw_p.%s", b->pool_off);
      else sb_puts(sb, "0i");
    }
    else if (e->var->kind == KV_GLOBAL) w_error(c, e->loc, "the WGSL target does not support pointer variables at module scope ('%s')", e->var->name);
    else sb_puts(sb, w_var_name(c, e->var));
    return;
  case KE_INT: sb_puts(sb, "0i"); return;
  case KE_CAST:
    if (!w_is_ptr(e->a->type)) break;
    if (!elem_compatible(e->type->elem, e->a->type->elem)) {
      scaled_cast(c, sb, e);
      return;
    }
    w_ptr_off(c, sb, e->a);
    return;
  case KE_BINARY: {
    bool pa = w_is_ptr(e->a->type);
    sb_putc(sb, '(');
    w_ptr_off(c, sb, pa ? e->a : e->b);
    sb_puts(sb, e->op == KOP_SUB ? " - " : " + ");
    index_i32(c, sb, pa ? e->b : e->a);
    sb_putc(sb, ')');
    return;
  }
  case KE_ADDR: addr_off(c, sb, e->a); return;
  case KE_COND:
    sb_puts(sb, "select(");
    arm(c, sb, e->c, NULL);
    sb_puts(sb, ", ");
    arm(c, sb, e->b, NULL);
    sb_puts(sb, ", ");
    w_cond(c, sb, e->a);
    sb_putc(sb, ')');
    return;
  case KE_COMMA:
  case KE_ASSIGN:
  case KE_INCDEC:
  case KE_CALL:
    w_expr(c, sb, e);
    return;
  default: break;
  }
  w_error(c, e->loc, "the WGSL target cannot follow this pointer expression to a buffer");
}

/* ---- side effects ------------------------------------------------------ */

static void pre_line(WCtx *c, const char *text) {
  for (int i = 0; i < c->indent; i++) sb_puts(&c->pre, "  ");
  sb_puts(&c->pre, text);
  sb_putc(&c->pre, '\n');
}

void w_pre(WCtx *c, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  StrBuf s;
  sb_init(&s);
  sb_vprintf(&s, fmt, ap);
  va_end(ap);
  pre_line(c, s.data ? s.data : "");
  sb_free(&s);
}

static void assign_effect(WCtx *c, StrBuf *sb, KExpr *e) {
  KExpr *lv = e->a;
  StrBuf v, x;
  sb_init(&v);
  sb_init(&x);
  if (w_is_ptr(lv->type) && (lv->kind != KE_VAR || !lv->var)) {
    w_error(c, e->loc, "the WGSL target keeps pointers in variables only: a pointer cannot be "
                       "stored into a struct member, an array element or memory");
    return;
  }
  if (w_is_ptr(lv->type)) {
    if (e->kind == KE_INCDEC) sb_printf(&x, "(%s %s 1i)", w_var_name(c, lv->var), e->op == KOP_SUB ? "-" : "+");
    else if (e->op != KOP_NONE) {
      sb_printf(&x, "(%s %s ", w_var_name(c, lv->var), e->op == KOP_SUB ? "-" : "+");
      index_i32(c, &x, e->b);
      sb_putc(&x, ')');
    } else w_ptr_off(c, &x, e->b);
    sb_printf(sb, "%s = %s;", w_var_name(c, lv->var), x.data);
  } else if (e->kind == KE_ASSIGN && e->op == KOP_NONE) {
    w_expr_as(c, &v, e->b, lv->type);
    w_store(c, sb, lv, v.data ? v.data : "");
  } else {
    KType *ot = e->kind == KE_INCDEC || e->op == KOP_SHL || e->op == KOP_SHR
                   ? w_scalar_of(c, lv->type)
                   : w_scalar_of(c, e->b->type);
    StrBuf old;
    sb_init(&old);
    w_load(c, &old, lv);
    if (w_is_64(ot)) {
      StrBuf a, b;
      sb_init(&a);
      sb_init(&b);
      w_conv(c, &a, lv->type, ot, old.data ? old.data : "");
      if (e->kind == KE_INCDEC) w_int64_lit(&b, 1);
      else if (e->op == KOP_SHL || e->op == KOP_SHR) w_expr_as(c, &b, e->b, c->m->t_u32);
      else w_expr_as(c, &b, e->b, ot);
      w_binop64(c, &x, e->kind == KE_INCDEC ? e->op : e->op, ot, a.data ? a.data : "", b.data ? b.data : "");
      sb_free(&a);
      sb_free(&b);
      w_conv(c, &v, ot, lv->type, x.data ? x.data : "");
      w_store(c, sb, lv, v.data ? v.data : "");
      sb_free(&old);
      sb_free(&v);
      sb_free(&x);
      return;
    }
    sb_putc(&x, '(');
    w_conv(c, &x, lv->type, ot, old.data ? old.data : "");
    KOp op = e->op;
    sb_printf(&x, " %s ", op_text(op));
    if (e->kind == KE_INCDEC) w_int_lit(&x, ot, 1);
    else if (op == KOP_SHL || op == KOP_SHR) w_expr_as(c, &x, e->b, c->m->t_u32);
    else w_expr(c, &x, e->b);
    sb_putc(&x, ')');
    if (e->kind == KE_INCDEC && w_scalar_of(c, ot)->kind == KT_F32) {
      sb_free(&x);
      sb_init(&x);
      sb_printf(&x, "(%s %s 1.0f)", old.data, e->op == KOP_SUB ? "-" : "+");
    }
    w_conv(c, &v, ot, lv->type, x.data ? x.data : "");
    w_store(c, sb, lv, v.data ? v.data : "");
    sb_free(&old);
  }
  sb_free(&v);
  sb_free(&x);
}

void w_effect(WCtx *c, StrBuf *sb, KExpr *e) {
  switch (e->kind) {
  case KE_ASSIGN:
  case KE_INCDEC: assign_effect(c, sb, e); return;
  case KE_COMMA: {
    /* a's effects go out before anything b hoists ahead of the statement
     * (a collective's temporary): `k <<= 1, v += __shfl_xor_sync(.., k)`
     * must shuffle with the new k */
    StrBuf first;
    sb_init(&first);
    w_effect(c, &first, e->a);
    if (first.len) pre_line(c, first.data);
    sb_free(&first);
    w_effect(c, sb, e->b);
    return;
  }
  case KE_DEREF: /* an unused load (`x += y;` of an operator returning T&): only its operand's effects */
    w_effect(c, sb, e->a);
    return;
  case KE_CALL:
  case KE_BUILTIN: {
    StrBuf x;
    sb_init(&x);
    w_expr(c, &x, e);
    if (e->type->kind == KT_VOID) { if (x.len) sb_printf(sb, "%s;", x.data); }
    else if (x.len && strcmp(x.data, "0i")) sb_printf(sb, "_ = %s;", x.data); /* printf's result */
    sb_free(&x);
    return;
  }
  default: {
    StrBuf x;
    sb_init(&x);
    w_expr(c, &x, e); /* still emitted: it may hoist effects of its own */
    sb_free(&x);
    return;
  }
  }
}

/* An assignment used as a value: the effect goes first, the value is the
 * lvalue read again (or, for x++, a copy taken before). */
static void hoisted(WCtx *c, StrBuf *sb, KExpr *e) {
  StrBuf s;
  sb_init(&s);
  if (e->kind == KE_INCDEC && !e->prefix) {
    const char *t = w_new_tmp(c);
    StrBuf old;
    sb_init(&old);
    if (w_is_ptr(e->a->type)) sb_puts(&old, w_var_name(c, e->a->var));
    else w_load(c, &old, e->a);
    sb_printf(&s, "let %s = %s;", t, old.data ? old.data : "");
    pre_line(c, s.data);
    sb_free(&old);
    sb_puts(sb, t);
  }
  sb_free(&s);
  sb_init(&s);
  assign_effect(c, &s, e);
  pre_line(c, s.data ? s.data : "");
  sb_free(&s);
  if (e->kind == KE_INCDEC && !e->prefix) return;
  if (w_is_ptr(e->a->type)) sb_puts(sb, w_var_name(c, e->a->var));
  else w_load(c, sb, e->a);
}

/* ---- the expression switch --------------------------------------------- */

static void bvar(WCtx *c, StrBuf *sb, KExpr *e) {
  static const char xyz[] = "xyz";
  int k = e->field < 0 ? 0 : e->field;
  if (e->field < 0 && e->bvar != KBV_WARP_SIZE && e->bvar != KBV_LANE_ID) {
    w_error(c, e->loc, "the WGSL target needs threadIdx/blockIdx/blockDim/gridDim by component (.x, .y, .z)");
    return;
  }
  switch (e->bvar) {
  case KBV_THREAD_IDX: sb_printf(sb, "cw_tid.%c", xyz[k]); return;
  case KBV_BLOCK_IDX: sb_printf(sb, "cw_bid.%c", xyz[k]); return;
  case KBV_BLOCK_DIM: sb_printf(sb, "cw_b%c", xyz[k]); return;
  case KBV_GRID_DIM: sb_printf(sb, "cw_p.cw_grid.%c", xyz[k]); return;
  case KBV_WARP_SIZE: sb_puts(sb, "32i"); return;
  case KBV_LANE_ID: sb_puts(sb, "((cw_tid.x + cw_bx * (cw_tid.y + cw_by * cw_tid.z)) % 32u)"); return;
  }
}

static void binary(WCtx *c, StrBuf *sb, KExpr *e) {
  if (w_is_ptr(e->type)) { w_ptr_off(c, sb, e); return; }
  if ((e->a->kind == KE_STR || e->b->kind == KE_STR) && (e->op == KOP_EQ || e->op == KOP_NE)) {
    sb_puts(sb, e->op == KOP_NE ? "true" : "false"); /* a string literal is never null */
    return;
  }
  if (ptr_pair(e)) {
    /* offsets are i32 element counts; a difference (ptrdiff_t, 64-bit)
     * is that i32 count widened like any int → long long conversion */
    StrBuf d;
    sb_init(&d);
    ptr_pair32(c, &d, e);
    if (!w_is_64(e->type) || !w_conv64(c, sb, c->m->t_i32, e->type, d.data)) sb_puts(sb, d.data);
    sb_free(&d);
    return;
  }
  if (w_is_64(e->a->type) && e->op != KOP_LAND && e->op != KOP_LOR) {
    StrBuf a, b;
    sb_init(&a);
    sb_init(&b);
    w_expr(c, &a, e->a);
    if (e->op == KOP_SHL || e->op == KOP_SHR) w_expr_as(c, &b, e->b, c->m->t_u32);
    else w_expr_as(c, &b, e->b, e->a->type);
    w_binop64(c, sb, e->op, e->a->type, a.data ? a.data : "", b.data ? b.data : "");
    sb_free(&a);
    sb_free(&b);
    return;
  }
  sb_putc(sb, '(');
  if (e->op == KOP_LAND || e->op == KOP_LOR) {
    w_cond(c, sb, e->a);
    sb_printf(sb, " %s ", op_text(e->op));
    arm(c, sb, e->b, c->m->t_bool);
  } else {
    w_expr(c, sb, e->a);
    sb_printf(sb, " %s ", op_text(e->op));
    if (e->op == KOP_SHL || e->op == KOP_SHR) w_expr_as(c, sb, e->b, c->m->t_u32);
    else w_expr_as(c, sb, e->b, e->a->type);
  }
  sb_putc(sb, ')');
}

static void unary(WCtx *c, StrBuf *sb, KExpr *e) {
  if (e->op == KOP_NOT) {
    sb_puts(sb, "!(");
    w_cond(c, sb, e->a);
    sb_putc(sb, ')');
    return;
  }
  if (w_is_64(e->type)) {
    StrBuf a;
    sb_init(&a);
    w_expr(c, &a, e->a);
    w_unop64(c, sb, e->op, a.data ? a.data : "");
    sb_free(&a);
    return;
  }
  if (e->op == KOP_NEG && w_scalar_of(c, e->type)->kind == KT_U32) {
    sb_puts(sb, "(0u - ");
    w_expr(c, sb, e->a);
    sb_putc(sb, ')');
    return;
  }
  sb_puts(sb, e->op == KOP_NEG ? "(-" : "(~");
  w_expr(c, sb, e->a);
  sb_putc(sb, ')');
}

static void call(WCtx *c, StrBuf *sb, KExpr *e) {
  WInst *in = w_inst_for_call(c, e);
  if (!in) return;
  if (c->varying_depth && w_has_barrier(c, e->fn->body)) {
    w_error(c, e->loc, "call to '%s', which synchronises the block, under thread-dependent control flow: WGSL needs barriers in uniform control flow",
            e->fn->name);
    return;
  }
  sb_printf(sb, "%s(cw_tid, cw_bid", in->name);
  bool spec = w_spec_func(c, e->fn); /* its stores' condition (wgsl_speculate.c) */
  for (int i = 0; i < e->nargs; i++) {
    sb_puts(sb, ", ");
    if (in->pbase[i] && in->pbase[i]->byval) { /* const T&: a copy */
      w_load_ptr(c, sb, e->args[i]);
      continue;
    }
    if (w_is_ptr(e->fn->params[i]->type) && (in->argtype[i] || (in->pbase[i] && in->pbase[i]->str)))
      sb_puts(sb, "0i"); /* the part itself, or a string literal (known to the instance) */
    else if (w_is_ptr(e->fn->params[i]->type)) w_ptr_off(c, sb, e->args[i]);
    else w_expr_as(c, sb, e->args[i], e->fn->params[i]->type);
    WBase *ab = in->argbase[i];
    if (in->argtype[i]) { /* &local.field: a pointer to that part */
      StrBuf r;
      sb_init(&r);
      WBase *rb;
      w_lvalue_ref(c, &r, w_sub_object(e->args[i]), &rb);
      sb_printf(sb, ", &%s", r.data ? r.data : "");
      sb_free(&r);
    } else if (in->pbase[i] && in->pbase[i]->fnptr) {
      sb_printf(sb, ", %s", ab->fnptr ? arena_printf(c->a, "cw_r_%s", ab->var->cname)
                                      : arena_printf(c->a, "&%s", ab->name));
    }
  }
  if (spec) sb_printf(sb, ", %s", c->spec_cond ? c->spec_cond : "true");
  sb_putc(sb, ')');
}

/* Builds a vector, struct or array value; missing trailing parts are 0. */
static void aggregate(WCtx *c, StrBuf *sb, KExpr *e) {
  KType *t = e->type->unqual ? e->type->unqual : e->type;
  int n = t->kind == KT_VEC ? t->count : t->kind == KT_STRUCT ? t->nfields : t->kind == KT_ARRAY ? t->count : 1;
  if (t->kind != KT_VEC && t->kind != KT_STRUCT && t->kind != KT_ARRAY) {
    if (e->nargs) w_expr_as(c, sb, e->args[0], t);
    else w_zero(c, sb, t);
    return;
  }
  w_type(c, sb, t);
  sb_putc(sb, '(');
  for (int i = 0; i < n; i++) {
    KType *et = t->kind == KT_STRUCT ? t->fields[i].type : t->elem;
    if (i) sb_puts(sb, ", ");
    KExpr *arg = NULL; /* an init list places each element by its designator */
    for (int k = 0; k < e->nargs && !arg; k++)
      if (e->kind == KE_INIT_LIST ? kexpr_designator(e, k) == i : k == i) arg = e->args[k];
    if (arg && t->kind == KT_STRUCT && t->fields[i].bit_width) { /* cut to the field's width */
      StrBuf v;
      sb_init(&v);
      w_expr_as(c, &v, arg, et);
      sb_puts(sb, w_bitfield_value(c, &t->fields[i], v.data ? v.data : "0"));
      sb_free(&v);
    } else if (arg) {
      w_expr_as(c, sb, arg, et);
    } else {
      w_zero(c, sb, et);
    }
  }
  sb_putc(sb, ')');
}

static void cast(WCtx *c, StrBuf *sb, KExpr *e) {
  if (w_is_ptr(e->type)) { w_ptr_off(c, sb, e); return; }
  if (e->type->kind == KT_VOID) { w_effect(c, sb, e->a); return; }
  w_expr_as(c, sb, e->a, e->type);
}

void w_expr(WCtx *c, StrBuf *sb, KExpr *e) {
  if (c->failed) return;
  if (!w_type_ok(c, e->type, e->loc)) return;
  switch (e->kind) {
  case KE_INT: w_int_lit(sb, w_scalar_of(c, e->type), e->ival); return;
  case KE_FLOAT:
    if (e->type->kind == KT_F16) { /* f16 literal through f32: range and rounding as CUDA's */
      c->uses_f16 = true;
      sb_puts(sb, "f16(");
      float_lit(c, sb, e->fval);
      sb_putc(sb, ')');
      return;
    }
    float_lit(c, sb, e->fval);
    return;
  case KE_STR: w_error(c, e->loc, "the WGSL target does not support string literals (printf)"); return;
  case KE_VAR:
    if (w_is_ptr(e->type)) w_ptr_off(c, sb, e);
    else w_load(c, sb, e);
    return;
  case KE_INDEX: case KE_MEMBER: case KE_DEREF: w_load(c, sb, e); return;
  case KE_BVAR: bvar(c, sb, e); return;
  case KE_UNARY: unary(c, sb, e); return;
  case KE_BINARY: binary(c, sb, e); return;
  case KE_ASSIGN: case KE_INCDEC: hoisted(c, sb, e); return;
  case KE_COND:
    if (w_is_ptr(e->type)) { w_ptr_off(c, sb, e); return; }
    if (!selectable(c, e->type)) { cond_by_if(c, sb, e); return; }
    sb_puts(sb, "select(");
    arm(c, sb, e->c, e->type);
    sb_puts(sb, ", ");
    arm(c, sb, e->b, e->type);
    sb_puts(sb, ", ");
    w_cond(c, sb, e->a);
    sb_putc(sb, ')');
    return;
  case KE_COMMA: {
    StrBuf s;
    sb_init(&s);
    w_effect(c, &s, e->a);
    if (s.len) pre_line(c, s.data);
    sb_free(&s);
    w_expr(c, sb, e->b);
    return;
  }
  case KE_CAST: cast(c, sb, e); return;
  case KE_ADDR: w_ptr_off(c, sb, e); return;
  case KE_CALL: call(c, sb, e); return;
  case KE_FUNC_ADDR: /* kir_find_dynamic rejects it first; globals' initializers too */
    w_error(c, e->loc, "the WGSL target does not support pointers to functions");
    sb_puts(sb, "0");
    return;
  case KE_BUILTIN:
    if (kb_info(e->builtin)->cls == KBC_ATOMIC) w_atomic(c, sb, e);
    else w_builtin(c, sb, e);
    return;
  case KE_VEC: case KE_INIT_LIST: aggregate(c, sb, e); return;
  }
}
