/*
 * c_group.c — a kernel's consecutive blocks run as a group (cwg_NAME).
 *
 * A grid-stride loop reads one block-sized chunk per iteration, the grid's
 * size apart: one block at a time, a CPU thread reads 1 KiB here, 1 KiB
 * half a megabyte on, and so on, which the hardware prefetcher does not
 * follow.  Consecutive blocks' chunks lie side by side, so the runtime
 * (rt/cpu/cpu.c) hands a thread up to CUWASM_BLOCK_GROUP consecutive
 * blocks at once where the kernel has a group function: its top-level
 * strided loops run iteration j of every block of the group, then j + 1
 * (c_fission.c's emit_strided_group), and everything else runs block
 * by block, in the kernel's order.  Blocks are independent in CUDA (no
 * barrier or order between them), so any interleaving of whole phases is
 * one the GPU could run.
 *
 * The group function is a second walk of the kernel (c_fission.c's
 * walk_kernel with group set) whose top-level text sits in block scopes:
 * `for (cw_slot ...) { CW_GROUP_BLOCK(cw_slot) <binds> ... <saves> }`.
 * CW_GROUP_BLOCK (the prelude) redeclares blockIdx.x and the shared
 * memory for the slot's block; the binds point each per-thread array's
 * name at the slot's row of a [cw_ng][cw_nt] array and copy each
 * block-uniform scalar in from its slot (the saves copy it back), so the
 * walk's text is the block function's, unchanged.  The binds are known
 * only after the walk (arrays are promoted during it): the scopes hold
 * markers, replaced at the end.
 *
 * Kernels that get one: split at barriers (a kernel without barriers has
 * no per-block state to keep apart: its strided loops are cheap to run
 * block by block and gain little), one-dimensional indexing (no row
 * copies), a bounded strided loop at the top level, no warp collectives
 * and no grid-wide sync in it or the functions it calls, no device
 * runtime in any kernel of the module (its per-block state is the
 * runtime's), no scalar of array type, not check mode.
 */
#include "c_internal.h"
#include "kir/passes/splits.h"

#include <string.h>

#define BIND_MARK '\x01'
#define SAVE_MARK '\x02'

/* A warp collective: its lanes run in turns that the group's slots may
 * not interleave (nor a grid-wide sync's wait for every block). */
static bool warp_collective(const KExpr *e, void *ctx) {
  (void)ctx;
  return kir_is_collective(e);
}

/* The device runtime (launches, its error and stream state): per-block
 * state of the runtime's, in whichever kernel of the module uses it. */
static bool device_runtime(const KExpr *e, void *ctx) {
  (void)ctx;
  if (e->kind != KE_BUILTIN) return false;
  switch (e->builtin) {
  case KB_DEVICE_LAUNCH:
  case KB_DEVICE_GET_LAST_ERROR:
  case KB_DEVICE_PEEK_LAST_ERROR:
  case KB_DEVICE_GET_DEVICE:
  case KB_DEVICE_STREAM_NEW: return true;
  default: return false;
  }
}

static bool grid_barrier(const KStmt *s, void *ctx) {
  (void)ctx;
  return s->kind == KS_BARRIER && s->scope == KBAR_GRID;
}

/* `for (...) { S; <virtual barrier> }`: a loop c_interchange.c marked,
 * which emit_strided_loop may run as a strided loop */
static bool marked_loop(const KStmt *s) {
  const KStmt *b = s->body;
  return s->kind == KS_LOOP && s->loop_kind == KLOOP_FOR && b && b->kind == KS_BLOCK && b->nstmts == 2 &&
         b->stmts[1]->kind == KS_BARRIER && b->stmts[1]->scope == KBAR_VIRTUAL;
}

bool ce_group_wanted(CEmit *ce, const KStmt *body) {
  if (ce->check || !ce->split || ce->rows || !body) return false;
  int n = 1;
  KStmt *const *top = ce_unwrap_blocks((KStmt *const *)&body, &n); /* what the walk sees at the top */
  bool loop = false;
  for (int i = 0; i < n && !loop; i++) loop = marked_loop(top[i]);
  /* in the kernel or a function it calls (one it cannot follow: no) */
  if (!loop || kir_walk_any_through_calls(body, warp_collective, grid_barrier, NULL)) return false;
  if (!ce->module_walked) { /* the device runtime anywhere: no; once per module */
    ce->module_walked = true;
    for (int i = 0; i < ce->m->funcs.len && !ce->module_ungroupable; i++) {
      const KFunc *f = ce->m->funcs.items[i];
      ce->module_ungroupable = f->body && kir_walk_any(f->body, device_runtime, NULL, NULL);
    }
  }
  return !ce->module_ungroupable;
}

bool ce_group_top(const CEmit *ce) { return ce->grouping && ce->indent == 2; }

void ce_group_open(CEmit *ce) {
  ce_line(ce, "for (uint32_t cw_slot = 0; cw_slot < cw_ng; cw_slot++) {");
  ce->indent++;
  ce_line(ce, "CW_GROUP_BLOCK(cw_slot)");
  ce_line(ce, "%c", BIND_MARK);
}

void ce_group_close(CEmit *ce) {
  ce_line(ce, "%c", SAVE_MARK);
  ce->indent--;
  ce_line(ce, "}");
}

/* One per-thread array of t, or of elem (a C type name, size bytes):
 * declared [cw_ng][cw_nt] as cw_g_name, bound as name; returns its bytes
 * per thread. */
static size_t array_state(CEmit *ce, StrBuf *bind, const KType *t, const char *elem, size_t size,
                          const char *name) {
  StrBuf d;
  sb_init(&d);
  const char *g = arena_printf(&ce->arena, "cw_g_%s[cw_ng][cw_nt]", name);
  if (t) ce_type_decl(&d, t, g);
  else sb_printf(&d, "%s %s", elem ? elem : "", g);
  ce_line(ce, "%s;", d.data);
  sb_free(&d);
  sb_init(&d);
  const char *p = arena_printf(&ce->arena, "(*const %s)", name);
  if (t) ce_type_decl(&d, t, p);
  else sb_printf(&d, "%s %s", elem ? elem : "", p);
  sb_printf(bind, " %s = cw_g_%s[cw_slot]; (void)%s;", d.data, name, name);
  sb_free(&d);
  return t ? (size_t)t->size : size;
}

/* Replaces the markers of text (each alone on its line after the indent)
 * with bind and save; an empty one leaves no line. */
static void put_marked(StrBuf *out, const char *text, const char *bind, const char *save) {
  for (const char *p = text; *p;) {
    const char *nl = strchr(p, '\n');
    size_t n = nl ? (size_t)(nl - p) + 1 : strlen(p);
    const char *m = memchr(p, BIND_MARK, n);
    if (!m) m = memchr(p, SAVE_MARK, n);
    if (m) {
      const char *with = *m == BIND_MARK ? bind : save;
      if (*with) {
        sb_printf(out, "%.*s%s\n", (int)(m - p), p, with + 1); /* with starts with a space */
      }
    } else {
      sb_printf(out, "%.*s", (int)n, p);
    }
    p += n;
  }
}

void ce_group_function(CEmit *ce, const KFunc *f, const char *text) {
  for (int i = 0; i < ce->scalars.len; i++)
    if (((const KVar *)ce->scalars.items[i])->type->kind == KT_ARRAY) return;
  ce->indent = 1;
  sb_printf(ce->out, "/* kernel %s, cw_ng consecutive blocks (c_group.c): its strided loops run the blocks' "
                     "iterations in step */\nstatic void cwg_%s(cw_rt_ctx *cw_ctx, void **cw_args, "
                     "const uint32_t cw_ng, const uint64_t cw_shm_step) {\n",
            f->name, f->cname);
  ce_line(ce, "const int cw_fast = 1;");
  ce_line(ce, "CW_KERNEL_PROLOGUE");
  ce_line(ce, "CW_GROUP_PROLOGUE");
  ce_kernel_params(ce, f);
  StrBuf bind, save;
  sb_init(&bind);
  sb_init(&save);
  sb_puts(&bind, "");
  sb_puts(&save, "");
  for (int i = 0; i < ce->scalars.len; i++) {
    const KVar *v = ce->scalars.items[i];
    const char *name = ce_var_name(ce, v);
    StrBuf d;
    sb_init(&d);
    ce_type_decl(&d, v->type, arena_printf(&ce->arena, "cw_g_%s[cw_ng]", name));
    ce_line(ce, "%s; /* uniform: one per block */", d.data);
    ce_line(ce, "memset(cw_g_%s, 0, sizeof cw_g_%s);", name, name);
    sb_free(&d);
    sb_init(&d);
    ce_type_decl(&d, v->type, name);
    sb_printf(&bind, " %s = cw_g_%s[cw_slot]; (void)%s;", d.data, name, name);
    sb_printf(&save, " cw_g_%s[cw_slot] = %s;", name, name);
    sb_free(&d);
  }
  size_t bytes = 0; /* per thread, for the runtime's bound on a group */
  for (int i = 0; i < ce->promoted.len; i++) {
    const KVar *v = ce->promoted.items[i];
    bytes += array_state(ce, &bind, v->type, NULL, 0, ce_var_name(ce, v));
  }
  for (int i = 0; i < ce->state_arrays.len; i++)
    bytes += array_state(ce, &bind, NULL, "unsigned char", 1, ce->state_arrays.items[i]);
  for (int i = 0; i < ce->case_arrays.len; i++)
    bytes += array_state(ce, &bind, NULL, "int32_t", 4, ce->case_arrays.items[i]);
  if (ce->has_exit) {
    bytes += array_state(ce, &bind, NULL, "unsigned char", 1, "cw_exit");
    ce_line(ce, "memset(cw_g_cw_exit, 0, sizeof cw_g_cw_exit); /* thread has returned */");
  }
  put_marked(ce->out, text ? text : "", bind.data ? bind.data : "", save.data ? save.data : "");
  sb_puts(ce->out, "}\n\n");
  sb_free(&bind);
  sb_free(&save);
  vec_push(&ce->arena, &ce->grouped, (void *)f);
  vec_push(&ce->arena, &ce->grouped_bytes, (void *)(uintptr_t)bytes);
  ce->indent = 0;
}

long ce_group_bytes(const CEmit *ce, const KFunc *f) {
  for (int i = 0; i < ce->grouped.len; i++)
    if (ce->grouped.items[i] == f) return (long)(uintptr_t)ce->grouped_bytes.items[i];
  return -1;
}
