/*
 * c_launch.c — kernel launches written in device code (dynamic
 * parallelism, KB_DEVICE_LAUNCH) and the device runtime API in emitted C.
 *
 * Each kernel that device code launches gets a helper `cwl_<cname>` that
 * takes the launching thread, the configuration and the kernel's
 * parameters by value, points an argument array at them and hands the
 * launch to the runtime (cw_rt_ctx.launch_fn), which copies the values and
 * queues the grid (rt/cpu/device_launch.c): the helper returns at once, as
 * a launch from device code does in CUDA, with the cudaError_t that the
 * thread's cudaGetLastError() will report.  A launch is thereby one
 * ordinary call expression, which fission, coroutine kernels and check
 * mode treat as they treat printf.  The other device runtime calls go to
 * cw_rt_ctx.device_rt_fn, also with the calling thread (its last error).
 */
#include "c_internal.h"

#include <stdio.h>
#include <string.h>

#define CW_C_ABI_NO_DEFINE
#include "c_abi.h"

typedef struct Launched {
  Arena *arena;
  PtrVec kernels; /* KFunc*: launched from device code, each once */
} Launched;

static bool note_launch(const KExpr *e, void *ctx) {
  Launched *l = ctx;
  if (e->kind != KE_BUILTIN || e->builtin != KB_DEVICE_LAUNCH || !e->fn) return false;
  for (int i = 0; i < l->kernels.len; i++)
    if (l->kernels.items[i] == e->fn) return false;
  vec_push(l->arena, &l->kernels, e->fn);
  return false;
}

/* The kernel's index in cw_kernels[] (kernels with a body, module order). */
static int kernel_index(const KModule *m, const KFunc *k) {
  int n = 0;
  for (int i = 0; i < m->funcs.len; i++) {
    const KFunc *f = m->funcs.items[i];
    if (!(f->flags & KF_GLOBAL) || !f->body) continue;
    if (f == k) return n;
    n++;
  }
  return -1;
}

static void launch_helper(CEmit *ce, const KFunc *k, int index) {
  StrBuf *o = ce->out;
  sb_printf(o, "static int cwl_%s(CW_DEVICE_PARAMS, ", k->cname);
  KType *dim3 = NULL;
  for (int i = 0; i < ce->m->derived.len && !dim3; i++) {
    KType *t = ce->m->derived.items[i];
    if (t->kind == KT_VEC && t->name && !strcmp(t->name, "dim3")) dim3 = t;
  }
  ce_type_decl(o, dim3, "cw_g");
  sb_puts(o, ", ");
  ce_type_decl(o, dim3, "cw_b");
  sb_puts(o, ", uint64_t cw_shm, void *cw_s");
  for (int i = 0; i < k->nparams; i++) {
    char name[32];
    snprintf(name, sizeof name, "cw_p%d", i);
    sb_puts(o, ", ");
    ce_type_decl(o, k->params[i]->type, name);
  }
  sb_puts(o, ") {\n  const uint32_t g[3] = {cw_g.x, cw_g.y, cw_g.z}, b[3] = {cw_b.x, cw_b.y, cw_b.z};\n"
             "  void *a[] = {");
  for (int i = 0; i < k->nparams; i++) sb_printf(o, "&cw_p%d, ", i);
  sb_printf(o, "0};\n  return cw_ctx->launch_fn(cw_ctx, &cw_kernels[%d], g, b, cw_shm, cw_s, a, "
               "(uint32_t)cw_tx, cw_ty, cw_tz);\n}\n",
            index);
}

void ce_launch_helpers(CEmit *ce) {
  Launched l = {.arena = &ce->arena};
  for (int i = 0; i < ce->m->funcs.len; i++) {
    const KFunc *f = ce->m->funcs.items[i];
    if (f->body) kir_walk_any(f->body, note_launch, NULL, &l);
  }
  if (!l.kernels.len) return;
  sb_puts(ce->out, "extern const cw_kernel_desc cw_kernels[];\n");
  for (int i = 0; i < l.kernels.len; i++) {
    const KFunc *k = l.kernels.items[i];
    int index = kernel_index(ce->m, k);
    if (index >= 0) launch_helper(ce, k, index);
  }
  sb_puts(ce->out, "\n");
}

static void emit_launch(CEmit *ce, StrBuf *sb, const KExpr *e) {
  if (!e->fn || e->nargs != 4 + e->fn->nparams) {
    ce_error(ce, e->loc, "internal: malformed device-side launch");
    sb_puts(sb, "0");
    return;
  }
  if (!e->fn->body) {
    ce_error(ce, e->loc,
             "launching kernel '%s' from device code: the kernel is defined in another "
             "translation unit, which a device-side launch cannot reach yet",
             e->fn->name);
    sb_puts(sb, "0");
    return;
  }
  sb_printf(sb, "cwl_%s(CW_DEVICE_ARGS", e->fn->cname);
  for (int i = 0; i < e->nargs; i++) {
    sb_puts(sb, ", ");
    ce_expr(ce, sb, e->args[i]);
  }
  sb_putc(sb, ')');
}

void ce_device_runtime(CEmit *ce, StrBuf *sb, const KExpr *e) {
  int op;
  switch (e->builtin) {
  case KB_DEVICE_LAUNCH: emit_launch(ce, sb, e); return;
  case KB_DEVICE_GET_LAST_ERROR: op = CW_DEVRT_GET_LAST_ERROR; break;
  case KB_DEVICE_PEEK_LAST_ERROR: op = CW_DEVRT_PEEK_LAST_ERROR; break;
  case KB_DEVICE_GET_DEVICE: op = CW_DEVRT_GET_DEVICE; break;
  case KB_DEVICE_STREAM_NEW: op = CW_DEVRT_STREAM_NEW; break;
  default:
    ce_error(ce, e->loc, "internal: '%s' is not a device runtime call", kb_info(e->builtin)->name);
    sb_puts(sb, "0");
    return;
  }
  sb_printf(sb, "%scw_ctx->device_rt_fn(cw_ctx, %d, (uint32_t)cw_tx, cw_ty, cw_tz)",
            op == CW_DEVRT_STREAM_NEW ? "(void *)(intptr_t)" : "(int)", op);
}
