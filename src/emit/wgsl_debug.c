/*
 * wgsl_debug.c — device printf, assert and __trap through a debug buffer
 * that the JS runtime reads back after the launch.
 *
 * The buffer (binding `cw_dbg`, array<atomic<u32>>, zeroed per launch)
 * starts with a cursor word and three reserved words; each record is
 * claimed with one atomicAdd on the cursor and then filled:
 *   word 0: kind (1 printf, 2 assert, 3 trap) | id << 8
 *   word 1: number of arguments;  words 2-4: blockIdx;  5-7: threadIdx
 *   then one word per argument (the value's bits)
 * `id` indexes the module's list of formats (printf) or of asserts
 * (expression, file, line, function) in the kernel's JSON description,
 * together with each argument's kind: i (int), u (unsigned), f (float),
 * I / U (64-bit, two words, low first), or a string literal's text, which is never stored in the buffer.  A
 * record that does not fit is dropped (the cursor still counts it, so the
 * host can say how many were lost).  printf's float arguments arrive
 * promoted to double; the promotion is undone (WebGPU has no double).
 */
#include "wgsl_internal.h"

#include <string.h>

static int intern(WCtx *c, PtrVec *v, const char *s) {
  for (int i = 0; i < v->len; i++)
    if (!strcmp(v->items[i], s)) return i;
  vec_push(c->a, v, (void *)s);
  return v->len - 1;
}

static const char *json_escape(WCtx *c, const char *s, int n) {
  StrBuf sb;
  sb_init(&sb);
  for (int i = 0; i < n; i++) {
    unsigned char ch = (unsigned char)s[i];
    if (ch == '"' || ch == '\\') sb_printf(&sb, "\\%c", ch);
    else if (ch == '\n') sb_puts(&sb, "\\n");
    else if (ch == '\t') sb_puts(&sb, "\\t");
    else if (ch < 0x20) sb_printf(&sb, "\\u%04x", ch);
    else sb_putc(&sb, (char)ch);
  }
  const char *r = arena_strdup(c->a, sb.data ? sb.data : "");
  sb_free(&sb);
  return r;
}

/* Claims a record of n argument words; returns the name of its index. */
static const char *claim(WCtx *c, int kind, int id, int n) {
  c->uses_dbg = true;
  const char *at = w_new_tmp(c);
  w_pre(c, "let %s = atomicAdd(&cw_dbg[0], %du) + 4u;", at, 8 + n);
  w_pre(c, "if (%s + %du <= arrayLength(&cw_dbg)) {", at, 8 + n);
  w_pre(c, "  atomicStore(&cw_dbg[%s], %uu);", at, (unsigned)(kind | id << 8));
  w_pre(c, "  atomicStore(&cw_dbg[%s + 1u], %du);", at, n);
  static const char xyz[] = "xyz";
  for (int i = 0; i < 3; i++) {
    w_pre(c, "  atomicStore(&cw_dbg[%s + %du], cw_bid.%c);", at, 2 + i, xyz[i]);
    w_pre(c, "  atomicStore(&cw_dbg[%s + %du], cw_tid.%c);", at, 5 + i, xyz[i]);
  }
  return at;
}

static KExpr *unpromote(KExpr *e) {
  if (e->kind == KE_CAST && e->type->kind == KT_F64 && e->a->type->kind == KT_F32) return e->a;
  return e;
}

static void printf_call(WCtx *c, StrBuf *sb, KExpr *e) {
  KExpr *fmt_lit = e->nargs ? w_literal_of(c, e->args[0]) : NULL; /* also a helper's parameter */
  if (!fmt_lit) {
    w_error(c, e->loc, "the WGSL target needs printf's format to be a string literal");
    return;
  }
  StrBuf kinds;
  sb_init(&kinds);
  const char **vals = arena_alloc(c->a, sizeof(char *) * (size_t)(2 * e->nargs)); /* 64-bit: two */
  int n = 0;
  for (int i = 1; i < e->nargs && !c->failed; i++) {
    KExpr *a = unpromote(e->args[i]);
    sb_puts(&kinds, i > 1 ? ", " : "");
    KExpr *lit = w_is_ptr(a->type) || a->kind == KE_STR ? w_literal_of(c, a) : NULL;
    if (lit) { /* %s of a literal (or of a parameter given one) */
      sb_printf(&kinds, "\"s:%s\"", json_escape(c, lit->str->bytes, lit->str->len));
      continue;
    }
    KType *t = w_scalar_of(c, a->type);
    if (t->kind == KT_PTR) { /* %p: the offset, which is what a pointer is here */
      sb_puts(&kinds, "\"u\"");
      StrBuf o;
      sb_init(&o);
      w_ptr_off(c, &o, a);
      vals[n++] = arena_printf(c->a, "bitcast<u32>(%s)", o.data ? o.data : "0i");
      sb_free(&o);
      continue;
    }
    if (!w_type_ok(c, t, a->loc)) break;
    if (w_is_64(t)) { /* %lld, %llu: two words, low first */
      sb_printf(&kinds, "\"%s\"", kt_is_signed(t) ? "I" : "U");
      StrBuf v;
      sb_init(&v);
      w_expr(c, &v, a);
      const char *tmp = w_new_tmp(c);
      w_pre(c, "let %s = %s;", tmp, v.data ? v.data : "vec2<u32>()");
      sb_free(&v);
      vals[n++] = arena_printf(c->a, "%s.x", tmp);
      vals[n++] = arena_printf(c->a, "%s.y", tmp);
      continue;
    }
    sb_printf(&kinds, "\"%s\"", t->kind == KT_F32 ? "f" : t->kind == KT_I32 ? "i" : "u");
    StrBuf v;
    sb_init(&v);
    sb_puts(&v, t->kind == KT_U32 ? "(" : t->kind == KT_BOOL ? "select(0u, 1u, " : "bitcast<u32>(");
    w_expr(c, &v, a);
    sb_putc(&v, ')');
    vals[n++] = arena_strdup(c->a, v.data);
    sb_free(&v);
  }
  const char *fmt = arena_printf(c->a, "{\"format\": \"%s\", \"args\": [%s]}",
                                 json_escape(c, fmt_lit->str->bytes, fmt_lit->str->len), kinds.data ? kinds.data : "");
  sb_free(&kinds);
  if (c->failed) return;
  const char *at = claim(c, 1, intern(c, &c->dbg_formats, fmt), n);
  for (int i = 0; i < n; i++) w_pre(c, "  atomicStore(&cw_dbg[%s + %du], %s);", at, 8 + i, vals[i]);
  w_pre(c, "}");
  sb_puts(sb, "0i");
}

static const char *str_arg(WCtx *c, KExpr *e) {
  return e && e->kind == KE_STR ? json_escape(c, e->str->bytes, e->str->len) : "";
}

static void assert_call(WCtx *c, KExpr *e) {
  StrBuf cond;
  sb_init(&cond);
  w_cond(c, &cond, e->args[0]);
  const char *info = arena_printf(c->a, "{\"expr\": \"%s\", \"file\": \"%s\", \"line\": %lld, \"function\": \"%s\"}",
                                  str_arg(c, e->args[1]), str_arg(c, e->args[2]),
                                  (long long)(e->nargs > 3 && e->args[3]->kind == KE_INT ? e->args[3]->ival : 0),
                                  str_arg(c, e->nargs > 4 ? e->args[4] : NULL));
  w_pre(c, "if (!(%s)) {", cond.data ? cond.data : "true");
  sb_free(&cond);
  c->indent++;
  claim(c, 2, intern(c, &c->dbg_asserts, info), 0);
  w_pre(c, "}");
  c->indent--;
  w_pre(c, "}");
}

/* True when e is printf/assert/trap, emitted here. */
bool w_debug(WCtx *c, StrBuf *sb, KExpr *e) {
  switch (e->builtin) {
  case KB_PRINTF: printf_call(c, sb, e); return true;
  case KB_ASSERT: assert_call(c, e); return true;
  case KB_TRAP:
    claim(c, 3, 0, 0);
    w_pre(c, "}");
    return true;
  default: return false;
  }
}

void w_debug_meta(WCtx *c, StrBuf *js) {
  if (!c->uses_dbg) { sb_puts(js, ", \"debug\": null"); return; }
  sb_printf(js, ", \"debug\": {\"binding\": %d, \"printf\": [", c->dbg_binding);
  for (int i = 0; i < c->dbg_formats.len; i++) sb_printf(js, "%s%s", i ? ", " : "", (char *)c->dbg_formats.items[i]);
  sb_puts(js, "], \"asserts\": [");
  for (int i = 0; i < c->dbg_asserts.len; i++) sb_printf(js, "%s%s", i ? ", " : "", (char *)c->dbg_asserts.items[i]);
  sb_puts(js, "]}");
}
