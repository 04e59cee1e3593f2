/*
 * wgsl_meta.c — the JSON description of one kernel's WGSL module, which
 * the JS runtime (web/src) reads to bind a launch's arguments.
 *
 *   {"name": C++ name, "entry": WGSL entry point, "wgsl": module text,
 *    "params": [{"name", "type", "kind": "buffer"|"scalar", "binding"
 *                (-1: unused), "elem", "written", "offset" (uniform
 *                bytes), "scalar": i32|u32|f32|bool, "lanes",
 *                packed buffers (wgsl_pack.c), which share their binding:
 *                "f64AsF32": true for double buffers computed as f32,
 *                "poolOffset" (uniform bytes of the i32 saying where the
 *                parameter starts in the pool, counted in "unit"-byte
 *                elements), "unit"}],
 *    "uniformBytes", "workgroupSize": ["cw_bx","cw_by","cw_bz"],
 *    "dynShared": {"override": "cw_dyn_n", "elemBytes"} | null,
 *    "staticSharedBytes", "globals": [{"name", "binding", "bytes", "written",
 *                "init": initial u32 words of an initialised written one}],
 *    "error": null | {"file", "line", "col", "message"}}
 */
#include "wgsl_internal.h"

#include <string.h>

static void json_str(StrBuf *sb, const char *s) {
  sb_putc(sb, '"');
  for (; s && *s; s++) {
    unsigned char ch = (unsigned char)*s;
    if (ch == '"' || ch == '\\') sb_printf(sb, "\\%c", ch);
    else if (ch == '\n') sb_puts(sb, "\\n");
    else if (ch < 0x20) sb_printf(sb, "\\u%04x", ch);
    else sb_putc(sb, (char)ch);
  }
  sb_putc(sb, '"');
}

static const char *scalar_name(KType *t) {
  switch (t->kind) {
  case KT_BOOL: return "bool";
  case KT_I8: case KT_I16: case KT_I32: return "i32";
  case KT_U8: case KT_U16: case KT_U32: return "u32";
  case KT_F32: case KT_F64: return "f32"; /* f64: only with f64-as-f32 */
  case KT_I64: return "i64";
  case KT_U64: return "u64";
  default: return "?";
  }
}

static void c_type(StrBuf *sb, KType *t) {
  if (t->kind == KT_PTR) {
    KType *e = t->elem;
    if (e->is_const) sb_puts(sb, "const ");
    c_type(sb, e->unqual ? e->unqual : e);
    sb_putc(sb, '*');
    return;
  }
  if (t->name) { sb_puts(sb, t->name); return; }
  static const char *names[] = {[KT_VOID] = "void", [KT_BOOL] = "bool", [KT_I8] = "char",
      [KT_I16] = "short", [KT_I32] = "int", [KT_I64] = "long long", [KT_U8] = "unsigned char",
      [KT_U16] = "unsigned short", [KT_U32] = "unsigned int", [KT_U64] = "unsigned long long",
      [KT_F16] = "__half", [KT_F32] = "float", [KT_F64] = "double"};
  sb_puts(sb, t->kind <= KT_F64 ? names[t->kind] : "?");
}

static WBase *param_base(WCtx *c, KVar *p) {
  for (int i = 0; i < c->bases.len; i++) {
    WBase *b = c->bases.items[i];
    if (b->var == p) return b;
  }
  return NULL;
}

static void param(WCtx *c, StrBuf *js, KVar *p) {
  StrBuf t;
  sb_init(&t);
  c_type(&t, p->type->unqual ? p->type->unqual : p->type);
  sb_puts(js, "{\"name\": ");
  json_str(js, p->name);
  sb_puts(js, ", \"type\": ");
  json_str(js, t.data);
  sb_free(&t);
  if (w_is_ptr(p->type)) {
    WBase *b = param_base(c, p);
    KType *e = p->type->elem->unqual ? p->type->elem->unqual : p->type->elem;
    sb_printf(js, ", \"kind\": \"buffer\", \"binding\": %d, \"elemBytes\": %d, \"written\": %s",
              b ? b->binding : -1, e->size, b && b->written ? "true" : "false");
    if (e->kind == KT_F64) /* f64-as-f32: the runtime converts Float64Arrays */
      sb_puts(js, ", \"f64AsF32\": true");
    if (b && b->pool) /* packed with others into its binding (wgsl_pack.c) */
      sb_printf(js, ", \"poolOffset\": %d, \"unit\": %d", b->pool_uoff, b->elem->size);
    sb_putc(js, '}');
    return;
  }
  int off = -1;
  for (int i = 0; i < c->uniforms.len; i++)
    if (c->uniforms.items[i] == p) off = c->uoffs[i];
  KType *s = p->type->kind == KT_VEC ? p->type->elem : p->type;
  sb_printf(js, ", \"kind\": \"scalar\", \"offset\": %d, \"scalar\": \"%s\", \"lanes\": %d}", off,
            scalar_name(s), p->type->kind == KT_VEC ? p->type->count : 1);
}

static void error_json(StrBuf *js, CwDiags *d) {
  Diag *g = d->len ? &d->items[d->len - 1] : NULL;
  if (!g) { sb_puts(js, "{\"file\": \"\", \"line\": 0, \"col\": 0, \"message\": \"internal error\"}"); return; }
  sb_puts(js, "{\"file\": ");
  json_str(js, g->file);
  sb_printf(js, ", \"line\": %d, \"col\": %d, \"message\": ", g->loc.line, g->loc.col);
  json_str(js, g->msg);
  sb_putc(js, '}');
}

static void shared_info(WCtx *c, StrBuf *js) {
  int bytes = 0;
  for (int i = 0; i < c->bases.len; i++) {
    WBase *b = c->bases.items[i];
    if (b->var->as == AS_SHARED && !b->var->is_extern) bytes += b->var->type->size;
  }
  sb_printf(js, ", \"staticSharedBytes\": %d, \"dynShared\": ", bytes);
  if (c->dyn_elem) sb_printf(js, "{\"override\": \"cw_dyn_n\", \"elemBytes\": %d}", c->dyn_elem->size);
  else sb_puts(js, "null");
  sb_puts(js, ", \"globals\": [");
  bool first = true;
  for (int i = 0; i < c->bases.len; i++) {
    WBase *b = c->bases.items[i];
    if (b->var->kind != KV_GLOBAL || b->binding < 0) continue;
    if (!first) sb_puts(js, ", ");
    first = false;
    sb_puts(js, "{\"name\": ");
    json_str(js, b->var->name);
    sb_printf(js, ", \"binding\": %d, \"bytes\": %d, \"written\": %s", b->binding, b->var->type->size,
              b->written ? "true" : "false");
    if (b->ninit) { /* initial words of a written, initialised variable */
      sb_puts(js, ", \"init\": [");
      for (int w = 0; w < b->ninit; w++) sb_printf(js, "%s%u", w ? ", " : "", b->init[w]);
      sb_putc(js, ']');
    }
    sb_putc(js, '}');
  }
  sb_putc(js, ']');
}

void w_meta_kernel(WCtx *c, StrBuf *js, const char *wgsl, CwDiags *d) {
  KFunc *k = c->kernel;
  sb_puts(js, "{\"name\": ");
  json_str(js, k->name);
  sb_puts(js, ", \"entry\": ");
  json_str(js, w_ident(c, k->cname));
  sb_puts(js, ", \"params\": [");
  for (int i = 0; i < k->nparams; i++) {
    if (i) sb_puts(js, ", ");
    param(c, js, k->params[i]);
  }
  sb_printf(js, "], \"uniformBytes\": %d, \"workgroupSize\": [\"cw_bx\", \"cw_by\", \"cw_bz\"]",
            c->usize ? c->usize : 32);
  if (wgsl) shared_info(c, js);
  if (wgsl) w_debug_meta(c, js);
  sb_printf(js, ", \"needsF16\": %s", c->uses_f16 ? "true" : "false");
  sb_puts(js, ", \"wgsl\": ");
  if (wgsl) json_str(js, wgsl);
  else sb_puts(js, "null");
  sb_puts(js, ", \"error\": ");
  if (wgsl) sb_puts(js, "null");
  else error_json(js, d);
  sb_putc(js, '}');
}
