/*
 * wasm.c — KIR to a WebAssembly binary module for the WebAssembly CPU
 * path: one exported function per kernel runs a whole thread block.
 *
 * The kernel body first goes through barrier fission (kir/passes/
 * fission.c): block-level code around KLOOP_THREADS loops, which this
 * emitter turns into loops over the block's threads.  Memory is imported
 * (`env.memory`) so that the host places buffers in it and workers share
 * it: the import is declared shared with a maximum of WASM_MAX_PAGES, and
 * a host without SharedArrayBuffer clears the shared flag (its limits
 * byte, 0x03 -> 0x01) to run it on one thread.  Atomics are the threads
 * proposal's instructions either way (wasm_atomic.c).  Layout of linear
 * memory:
 *
 *   [0, 1024)            never used (null pointers fault in the host's checks)
 *   [1024, data_end)     module globals (__device__, __constant__, static
 *                        locals), initialised by a data segment
 *                        (emit_wasm_at starts them at another address)
 *   scratch (host-given) one block's working memory: static __shared__
 *                        (shared_static bytes, module-wide layout), then the
 *                        dynamic shared memory, then one frame of `frame`
 *                        bytes per thread (aggregates, locals whose
 *                        address is taken, other values kept per thread
 *                        across barriers), then the columns: 4-byte values
 *                        kept per thread (VS_COLUMN) and the interchanged
 *                        loops' hand-overs (we_column), each one value per
 *                        thread, consecutive, so four threads' copies are
 *                        one v128 access; then a stack of `stack` bytes
 *                        for device functions' frames (global $sp grows
 *                        down)
 *
 * Export `k<i>` of kernel i: (args, scratch, dyn_shared_bytes, blockIdx
 * x/y/z, gridDim x/y/z, blockDim x/y/z) -> (); args points at the
 * parameters laid out with CUDA's alignment (pointers 8 bytes, the low 4
 * hold the address).  Math functions the host computes are imported from
 * "math" by their CUDA names.  A custom section "cuwasm" holds JSON: the
 * kernels (name, export, parameters with offsets, frame size) or the
 * diagnostic of each kernel the target rejects, the globals and the sizes
 * above.  The "name" section names every function (engines show them in
 * stack traces and profiles; the host names the device function a trap
 * happened in).
 */
#include "wasm_internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- small helpers ---------------------------------------------------- */

void we_error(WEmit *w, SrcLoc loc, const char *fmt, ...) {
  if (w->fn && w->fn->failed) return; /* one error per function */
  va_list ap;
  va_start(ap, fmt);
  char msg[512];
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  diag_add(w->d, DIAG_ERROR, loc, "%s is not supported on the wasm target", msg);
  if (w->fn) w->fn->failed = true;
}

bool kt_aggregate(const KType *t) {
  return t->kind == KT_STRUCT || t->kind == KT_VEC || t->kind == KT_ARRAY;
}

unsigned wt_of(const KType *t) {
  switch (t->kind) {
  case KT_VOID: return WT_VOID;
  case KT_BOOL: case KT_I8: case KT_I16: case KT_I32: case KT_U8: case KT_U16: case KT_U32:
    return WT_I32;
  case KT_I64: case KT_U64: return WT_I64;
  case KT_F32: case KT_F16: return WT_F32; /* __half: f32 rounded to half precision */
  case KT_F64: return WT_F64;
  case KT_PTR: case KT_VEC: case KT_STRUCT: case KT_ARRAY: return WT_I32;
  default: return 0;
  }
}

void op(WEmit *w, unsigned opcode) { wb_byte(&w->fn->code, opcode); }

void op_u(WEmit *w, unsigned opcode, uint64_t imm) {
  wb_byte(&w->fn->code, opcode);
  wb_u32(&w->fn->code, imm);
}

void op_i32(WEmit *w, int32_t v) {
  wb_byte(&w->fn->code, OP_I32_CONST);
  wb_s64(&w->fn->code, v);
}

void op_fc(WEmit *w, unsigned sub) {
  wb_byte(&w->fn->code, OP_PREFIX_FC);
  wb_u32(&w->fn->code, sub);
  if (sub == 10) { wb_byte(&w->fn->code, 0); wb_byte(&w->fn->code, 0); }
  if (sub == 11) wb_byte(&w->fn->code, 0);
}

void op_open(WEmit *w, unsigned opcode, unsigned type) {
  wb_byte(&w->fn->code, opcode);
  wb_byte(&w->fn->code, type);
  w->fn->depth++;
}

void op_end(WEmit *w) {
  wb_byte(&w->fn->code, OP_END);
  w->fn->depth--;
}

void op_br(WEmit *w, unsigned opcode, int depth) { op_u(w, opcode, (uint64_t)(w->fn->depth - depth)); }

/* A kernel keeps the block's indices in locals (WFunc.gl): the engine
 * keeps them in registers, where globals are memory it reloads.  The
 * globals are written too when the kernel calls device functions, which
 * read them. */
void global_get(WEmit *w, int g) {
  WFunc *f = w->fn;
  if (f && f->gl[g]) op_u(w, OP_LOCAL_GET, f->gl[g] - 1);
  else op_u(w, OP_GLOBAL_GET, (uint64_t)g);
}

void global_set(WEmit *w, int g) {
  WFunc *f = w->fn;
  if (!f || !f->gl[g]) {
    op_u(w, OP_GLOBAL_SET, (uint64_t)g);
  } else if (f->gl_sync) {
    op_u(w, OP_LOCAL_TEE, f->gl[g] - 1);
    op_u(w, OP_GLOBAL_SET, (uint64_t)g);
  } else {
    op_u(w, OP_LOCAL_SET, f->gl[g] - 1);
  }
}

uint32_t we_local(WEmit *w, unsigned type) {
  WFunc *f = w->fn;
  if (f->nlocals == f->capl) {
    f->capl = f->capl ? 2 * f->capl : 32;
    unsigned char *n = arena_alloc(&w->arena, (size_t)f->capl);
    if (f->nlocals) memcpy(n, f->ltypes, (size_t)f->nlocals);
    f->ltypes = n;
  }
  f->ltypes[f->nlocals] = (unsigned char)type;
  return (uint32_t)(f->nparams + f->nlocals++);
}

int we_frame_slot(WEmit *w, int size, int align) {
  WFunc *f = w->fn;
  if (align < 1) align = 1;
  if (align > 16) align = 16;
  f->frame = (f->frame + align - 1) / align * align;
  int off = f->frame;
  f->frame += size > 0 ? size : 1;
  return off;
}

void we_lane_frame(WEmit *w, int lane, int off) {
  WFunc *f = w->fn;
  op_u(w, OP_LOCAL_GET, f->fp);
  if (lane) {
    op_u(w, OP_LOCAL_GET, f->fsize);
    if (lane > 1) {
      op_i32(w, lane);
      op(w, OP_I32_MUL);
    }
    op(w, OP_I32_ADD);
  }
  wx_add_const(w, off);
}

void we_var_addr(WEmit *w, const WVar *x, int lane) {
  if (x->st == VS_COLUMN) {
    op_u(w, OP_LOCAL_GET, x->idx);
    global_get(w, WG_T);
    op_i32(w, 2);
    op(w, OP_I32_SHL);
    op(w, OP_I32_ADD);
    if (lane) {
      op_i32(w, 4 * lane);
      op(w, OP_I32_ADD);
    }
    return;
  }
  we_lane_frame(w, lane, x->off);
}

uint32_t we_column(WEmit *w) {
  WFunc *f = w->fn;
  uint32_t l = we_local(w, WT_I32);
  op_u(w, OP_LOCAL_GET, f->tbase); /* after the frames ... */
  op_u(w, OP_LOCAL_GET, f->nt);
  op_u(w, OP_LOCAL_GET, f->fsize);
  op(w, OP_I32_MUL);
  op(w, OP_I32_ADD);
  op_u(w, OP_LOCAL_GET, f->nt); /* ... and the columns before this one */
  op_i32(w, f->columns);
  op(w, OP_I32_MUL);
  op(w, OP_I32_ADD);
  op_u(w, OP_LOCAL_SET, l);
  f->columns += 4;
  return l;
}

int we_sig(WEmit *w, const unsigned char *params, int np, const unsigned char *res, int nr) {
  char key[300];
  int k = 0;
  for (int i = 0; i < np && k < 280; i++) key[k++] = (char)params[i];
  key[k++] = ':';
  for (int i = 0; i < nr && k < 298; i++) key[k++] = (char)res[i];
  key[k] = 0;
  for (int i = 0; i < w->sigs.len; i++)
    if (!strcmp(w->sigs.items[i], key)) return i;
  vec_push(&w->arena, &w->sigs, arena_strdup(&w->arena, key));
  wb_byte(&w->types, 0x60);
  wb_u32(&w->types, (uint64_t)np);
  wb_bytes(&w->types, params, (size_t)np);
  wb_u32(&w->types, (uint64_t)nr);
  wb_bytes(&w->types, res, (size_t)nr);
  return w->sigs.len - 1;
}

static int index_of(const PtrVec *v, const void *p);

int we_table_index(WEmit *w, const KFunc *f) {
  int i = index_of(&w->funcs, f);
  return i >= 0 && !(f->flags & KF_GLOBAL) ? i + 1 : -1; /* 0 is the null function pointer */
}

int we_func_index(WEmit *w, const KFunc *f) {
  for (int i = 0; i < w->funcs.len; i++)
    if (w->funcs.items[i] == f) return w->imports.len + i;
  return -1;
}

static int index_of(const PtrVec *v, const void *p) {
  for (int i = 0; i < v->len; i++)
    if (v->items[i] == p) return i;
  return -1;
}

static bool is_addr_taken(const WFunc *f, const KVar *v) { return index_of(&f->addr_taken, v) >= 0; }

static bool is_per_thread(const WFunc *f, const KVar *v) {
  return f->fis && index_of(&f->fis->per_thread, v) >= 0;
}

static WVar *new_wvar(WEmit *w, const KVar *v) {
  WFunc *f = w->fn;
  if (f->nvars == f->capv) {
    f->capv = f->capv ? 2 * f->capv : 32;
    WVar *n = arena_alloc(&w->arena, sizeof *n * (size_t)f->capv);
    if (f->nvars) memcpy(n, f->vars, sizeof *n * (size_t)f->nvars);
    f->vars = n;
  }
  WVar *x = &f->vars[f->nvars++];
  memset(x, 0, sizeof *x);
  x->v = v;
  return x;
}

WVar *we_bind(WEmit *w, const KVar *v, VarStore st, uint32_t idx) {
  WVar *x = new_wvar(w, v);
  x->st = st;
  x->idx = idx;
  return x;
}

WVar *we_var(WEmit *w, const KVar *v) {
  WFunc *f = w->fn;
  for (int i = 0; i < f->nvars; i++)
    if (f->vars[i].v == v) return &f->vars[i];
  WVar *x = new_wvar(w, v);
  int gi = index_of(&w->gvars, v), si = index_of(&w->svars, v);
  if (si >= 0) {
    x->st = VS_SHARED;
    x->off = v->is_extern ? w->shared_size : w->soff[si];
  } else if (gi >= 0) {
    x->st = VS_ABS;
    x->off = w->gaddr[gi];
    if (x->off < 0) {
      x->off = -x->off;
      we_error(w, v->loc, "the initializer of '%s' (not a constant expression the wasm target can lay out)", v->name);
    }
  } else if (f->kernel && v->kind != KV_PARAM && v->type->size == 4 && wt_of(v->type) &&
             !kt_aggregate(v->type) && !is_addr_taken(f, v) && is_per_thread(f, v)) {
    x->st = VS_COLUMN; /* its base in the prologue (kernel_prologue) */
    x->idx = we_local(w, WT_I32);
    x->off = f->columns;
    f->columns += 4;
    if (f->ncolvars == f->capcolvars) {
      f->capcolvars = f->capcolvars ? 2 * f->capcolvars : 8;
      struct WColumnVar *n = arena_alloc(&w->arena, sizeof *n * (size_t)f->capcolvars);
      if (f->ncolvars) memcpy(n, f->colvars, sizeof *n * (size_t)f->ncolvars);
      f->colvars = n;
    }
    f->colvars[f->ncolvars++] = (struct WColumnVar){x->idx, x->off};
  } else if (kt_aggregate(v->type) || is_addr_taken(f, v) || is_per_thread(f, v)) {
    x->st = VS_FRAME;
    x->off = we_frame_slot(w, v->type->size, v->type->align);
  } else {
    unsigned t = wt_of(v->type);
    if (!t || t == WT_VOID) {
      StrBuf sb;
      sb_init(&sb);
      kt_print(&sb, v->type);
      we_error(w, v->loc, "a variable of type '%s' ('%s')", sb.data ? sb.data : "?", v->name);
      sb_free(&sb);
      t = WT_I32;
    }
    x->st = VS_LOCAL;
    x->idx = we_local(w, t);
  }
  return x;
}

/* ---- scans before emission ---------------------------------------------- */

typedef void (*ExprFn)(WEmit *w, const KExpr *e, void *ctx);
typedef void (*StmtFn)(WEmit *w, const KStmt *s, void *ctx);

static void walk_expr(WEmit *w, const KExpr *e, ExprFn fn, void *ctx) {
  if (!e) return;
  fn(w, e, ctx);
  walk_expr(w, e->a, fn, ctx);
  walk_expr(w, e->b, fn, ctx);
  walk_expr(w, e->c, fn, ctx);
  for (int i = 0; i < e->nargs; i++) walk_expr(w, e->args[i], fn, ctx);
}

static void walk_stmt(WEmit *w, const KStmt *s, ExprFn efn, StmtFn sfn, void *ctx) {
  if (!s) return;
  if (sfn) sfn(w, s, ctx);
  walk_expr(w, s->init, efn, ctx);
  walk_expr(w, s->e, efn, ctx);
  walk_expr(w, s->cond, efn, ctx);
  walk_expr(w, s->step, efn, ctx);
  walk_stmt(w, s->then, efn, sfn, ctx);
  walk_stmt(w, s->els, efn, sfn, ctx);
  walk_stmt(w, s->init_stmt, efn, sfn, ctx);
  walk_stmt(w, s->body, efn, sfn, ctx);
  for (int i = 0; i < s->nstmts; i++) walk_stmt(w, s->stmts[i], efn, sfn, ctx);
}

/* the variable an lvalue is rooted in, if any (a[i].x -> a) */
const KVar *we_lvalue_root(const KExpr *e) {
  while (e && (e->kind == KE_MEMBER || (e->kind == KE_INDEX && e->a->type->kind == KT_ARRAY))) e = e->a;
  return e && e->kind == KE_VAR ? e->var : NULL;
}

static void see_addr(WEmit *w, const KExpr *e, void *ctx) {
  PtrVec *v = ctx;
  if (e->kind == KE_ADDR) {
    const KVar *r = we_lvalue_root(e->a);
    if (r && index_of(v, r) < 0) vec_push(&w->arena, v, (void *)r);
  }
  /* builtins taking a pointer to a local (sincosf(x, &s, &c)) are KE_ADDR too */
}

static void see_any_call(WEmit *w, const KExpr *e, void *ctx) {
  (void)w;
  if (e->kind == KE_CALL || e->kind == KE_FUNC_ADDR) *(bool *)ctx = true;
}

/* An import the module needs, added once (name: "env.printf", or a math
 * function's; sig: result ':' parameters, as wasm_builtin.c's table) */
static void need_import(WEmit *w, const char *name, const char *sig) {
  if (we_import(w, name) >= 0) return;
  vec_push(&w->arena, &w->imports, (void *)name);
  vec_push(&w->arena, &w->import_sigs, (void *)sig);
}

/* grid_group::sync, a grid-wide barrier after fission: the host's import */
static void see_grid_import(WEmit *w, const KStmt *s, void *ctx) {
  (void)ctx;
  if (s->kind == KS_BARRIER && s->scope == KBAR_GRID) need_import(w, "env.grid_sync", "v:");
}

static void see_call(WEmit *w, const KExpr *e, void *ctx) {
  (void)ctx;
  if ((e->kind == KE_CALL || e->kind == KE_FUNC_ADDR) && e->fn && index_of(&w->funcs, e->fn) < 0 && e->fn->body) {
    vec_push(&w->arena, &w->funcs, e->fn);
    walk_stmt(w, e->fn->body, see_call, NULL, NULL);
  }
  if (e->kind == KE_BUILTIN) {
    /* printf, device malloc and assert call the host */
    if (e->builtin == KB_PRINTF) need_import(w, "env.printf", "i:iii");
    if (e->builtin == KB_MALLOC || e->builtin == KB_FREE)
      need_import(w, "env.malloc", "i:i"), need_import(w, "env.free", "v:i");
    if (e->builtin == KB_ASSERT) need_import(w, "env.assert", "v:iiiiiiiiii");
    /* dynamic parallelism: the host queues the child grid (web/src/wasm.js);
     * the device runtime's other calls ask it too */
    if (e->builtin == KB_DEVICE_LAUNCH && e->fn) {
      need_import(w, "env.launch", "i:iiiiiiiiiii");
      int n = we_params_size(e->fn);
      if (n > w->launch_bytes) w->launch_bytes = n;
    }
    if (e->builtin == KB_DEVICE_GET_LAST_ERROR || e->builtin == KB_DEVICE_PEEK_LAST_ERROR ||
        e->builtin == KB_DEVICE_GET_DEVICE || e->builtin == KB_DEVICE_STREAM_NEW)
      need_import(w, "env.devrt", "i:ii");
    /* frexp and modf: imports by name, in double (wasm_builtin.c) */
    if (e->builtin == KB_FREXPF || e->builtin == KB_FREXP)
      need_import(w, "frexp", "d:d"), need_import(w, "frexp_exp", "i:d");
    if (e->builtin == KB_MODFF || e->builtin == KB_MODF) need_import(w, "modf", "d:d");
    /* double fma where the module's emulation cannot be exact */
    if (e->builtin == KB_FMA || e->builtin == KB_I_FMA_RN) need_import(w, "fma", "d:ddd");
    /* sincos goes through sin and cos */
    KBuiltinId ids[2] = {e->builtin, KB__COUNT};
    if (e->builtin == KB_SINCOSF || e->builtin == KB_I_SINCOSF) ids[0] = KB_SINF, ids[1] = KB_COSF;
    if (e->builtin == KB_SINCOS) ids[0] = KB_SIN, ids[1] = KB_COS;
    for (int k = 0; k < 2 && ids[k] != KB__COUNT; k++) {
      const char *sig, *name = wasm_math_import(ids[k], &sig);
      if (name) need_import(w, name, sig);
    }
  }
}

/* per-thread scalars a thread loop uses: kept in wasm locals during it */
static void see_cached(WEmit *w, const KVar *v, PtrVec *out) {
  if (!v || !is_per_thread(w->fn, v) || kt_aggregate(v->type) || is_addr_taken(w->fn, v) || !wt_of(v->type) ||
      index_of(out, v) >= 0)
    return;
  vec_push(&w->arena, out, (void *)v);
}

static void see_cached_expr(WEmit *w, const KExpr *e, void *ctx) {
  if (e->kind == KE_VAR) see_cached(w, e->var, ctx);
}

static void see_cached_decl(WEmit *w, const KStmt *s, void *ctx) {
  if (s->kind == KS_DECL) see_cached(w, s->var, ctx);
}

typedef struct WriteScan { const KVar *v; bool written; } WriteScan;

static void see_write_expr(WEmit *w, const KExpr *e, void *ctx) {
  (void)w;
  WriteScan *ws = ctx;
  if ((e->kind == KE_ASSIGN || e->kind == KE_INCDEC) && we_lvalue_root(e->a) == ws->v) ws->written = true;
}

static void see_write_decl(WEmit *w, const KStmt *s, void *ctx) {
  (void)w;
  WriteScan *ws = ctx;
  if (s->kind == KS_DECL && s->var == ws->v) ws->written = true;
}

bool we_writes_var(WEmit *w, const KStmt *body, const KVar *v) {
  WriteScan ws = {v, false};
  walk_stmt(w, body, see_write_expr, see_write_decl, &ws);
  return ws.written;
}

PtrVec we_thread_cached(WEmit *w, const KStmt *body) {
  PtrVec v = {0};
  walk_stmt(w, body, see_cached_expr, see_cached_decl, &v);
  return v;
}

/* module-wide memory: globals at fixed addresses, __shared__ variables */
static void place_var(WEmit *w, const KVar *v) {
  if (v->as == AS_SHARED) {
    if (index_of(&w->svars, v) >= 0 || v->is_extern) {
      if (v->is_extern && index_of(&w->svars, v) < 0) vec_push(&w->arena, &w->svars, (void *)v);
      return;
    }
    vec_push(&w->arena, &w->svars, (void *)v);
    return;
  }
  if (index_of(&w->gvars, v) >= 0) return;
  vec_push(&w->arena, &w->gvars, (void *)v);
}

static void see_decl(WEmit *w, const KStmt *s, void *ctx) {
  (void)ctx;
  if (s->kind == KS_DECL && s->var && (s->var->as == AS_SHARED || s->var->is_static))
    place_var(w, s->var);
}

/* a and b: KE_STR */
static bool same_str(const KExpr *a, const KExpr *b) {
  const KStr *x = a->str, *y = b->str;
  return x->len == y->len && (!x->len || !memcmp(x->bytes, y->bytes, (size_t)x->len));
}

static void see_global_ref(WEmit *w, const KExpr *e, void *ctx) {
  (void)ctx;
  if (e->kind == KE_VAR && e->var->kind == KV_GLOBAL) place_var(w, e->var);
  if (e->kind == KE_STR) {
    for (int i = 0; i < w->strs.len; i++)
      if (same_str(w->strs.items[i], e)) return;
    vec_push(&w->arena, &w->strs, (void *)e);
  }
}

int we_string(WEmit *w, const KExpr *str) {
  for (int i = 0; i < w->strs.len; i++)
    if (same_str(w->strs.items[i], str)) return w->str_addr[i];
  we_error(w, str->loc, "this string literal");
  return 0;
}

int we_import(WEmit *w, const char *name) {
  for (int i = 0; i < w->imports.len; i++)
    if (!strcmp(w->imports.items[i], name)) return i;
  return -1;
}

static void layout_memory(WEmit *w) {
  for (int i = 0; i < w->m->globals.len; i++) place_var(w, w->m->globals.items[i]);
  for (int i = 0; i < w->funcs.len; i++) {
    const KFunc *f = w->funcs.items[i];
    const KStmt *body = w->fis_ok[i] ? w->fis[i].body : f->body; /* the pass adds exchange arrays */
    walk_stmt(w, body, see_global_ref, see_decl, NULL);
  }
  w->soff = arena_alloc(&w->arena, sizeof(int) * (size_t)(w->svars.len + 1));
  int off = 0;
  for (int i = 0; i < w->svars.len; i++) {
    const KVar *v = w->svars.items[i];
    if (v->is_extern) continue;
    int al = v->type->align > 0 ? v->type->align : 1;
    off = (off + al - 1) / al * al;
    w->soff[i] = off;
    off += v->type->size;
  }
  w->shared_size = (off + 15) / 16 * 16;
  w->gaddr = arena_alloc(&w->arena, sizeof(int) * (size_t)(w->gvars.len + 1));
  int addr = w->data_base;
  for (int i = 0; i < w->gvars.len; i++) {
    const KVar *v = w->gvars.items[i];
    int al = v->type->align > 0 ? v->type->align : 1;
    addr = (addr + al - 1) / al * al;
    w->gaddr[i] = addr;
    addr += v->type->size > 0 ? v->type->size : 1;
  }
  w->str_addr = arena_alloc(&w->arena, sizeof(int) * (size_t)(w->strs.len + 1));
  for (int i = 0; i < w->strs.len; i++) {
    const KExpr *e = w->strs.items[i];
    w->str_addr[i] = addr;
    addr += e->str->len + 1; /* NUL-terminated */
  }
  w->launch_buf = (addr + 15) / 16 * 16;
  addr = w->launch_buf + w->launch_bytes;
  w->data_end = (addr + 15) / 16 * 16;
}

/* constant initialisers of globals into the data segment */

/* an arithmetic constant expression (1.0f / 9.0f, -3, (char)65), in the
 * precision of its type: float operations are rounded to float */
static bool fold(const KExpr *e, double *d, int64_t *i) {
  double da, db;
  int64_t ia, ib;
  bool fl = kt_is_float(e->type);
  switch (e->kind) {
  case KE_INT: *i = e->ival; *d = kt_is_signed(e->type) || e->ival >= 0 ? (double)e->ival : (double)(uint64_t)e->ival; return true;
  case KE_FLOAT: *d = e->fval; *i = (int64_t)e->fval; return true;
  case KE_CAST:
    if (!kt_is_arith(e->type) || !fold(e->a, &da, &ia)) return false;
    if (fl) *d = kt_is_float(e->a->type) ? da : kt_is_signed(e->a->type) ? (double)ia : (double)(uint64_t)ia;
    else *i = kt_is_float(e->a->type) ? (int64_t)da : ia;
    break;
  case KE_UNARY:
    if (!fold(e->a, &da, &ia)) return false;
    if (e->op == KOP_NEG) { *d = -da; *i = (int64_t)(0 - (uint64_t)ia); }
    else if (e->op == KOP_BITNOT && !fl) *i = ~ia;
    else return false;
    break;
  case KE_BINARY:
    if (!kt_is_arith(e->type) || !fold(e->a, &da, &ia) || !fold(e->b, &db, &ib)) return false;
    if (fl) {
      switch (e->op) {
      case KOP_ADD: *d = da + db; break;
      case KOP_SUB: *d = da - db; break;
      case KOP_MUL: *d = da * db; break;
      case KOP_DIV: *d = da / db; break;
      default: return false;
      }
    } else {
      uint64_t ua = (uint64_t)ia, ub = (uint64_t)ib;
      switch (e->op) {
      case KOP_ADD: *i = (int64_t)(ua + ub); break;
      case KOP_SUB: *i = (int64_t)(ua - ub); break;
      case KOP_MUL: *i = (int64_t)(ua * ub); break;
      case KOP_SHL: *i = (int64_t)(ua << (ib & 63)); break;
      case KOP_AND: *i = ia & ib; break;
      case KOP_OR: *i = ia | ib; break;
      case KOP_XOR: *i = ia ^ ib; break;
      default: return false;
      }
    }
    break;
  default: return false;
  }
  if (fl && e->type->kind == KT_F32) *d = (float)*d;
  if (fl) *i = (int64_t)*d;
  else *d = (double)*i;
  return true;
}

static bool const_bytes(WEmit *w, unsigned char *dst, const KType *t, const KExpr *e) {
  if (!e) return true;
  if (e->kind == KE_CAST && e->a && e->a->kind == KE_FUNC_ADDR && t->kind == KT_PTR) e = e->a;
  if (e->kind == KE_FUNC_ADDR && t->kind == KT_PTR) { /* a function pointer: its table index */
    int64_t v = we_table_index(w, e->fn);
    if (v <= 0) return false;
    memcpy(dst, &v, (size_t)t->size); /* little-endian: the low half of 8 bytes, or 4 */
    return true;
  }
  double d;
  int64_t v;
  if (t->kind == KT_PTR && e->kind == KE_CAST && e->a && kt_is_int(e->a->type) && fold(e->a, &d, &v)) {
    memcpy(dst, &v, (size_t)t->size); /* a null or integer pointer constant */
    return true;
  }
  if (e->kind != KE_INIT_LIST && e->kind != KE_VEC && kt_is_arith(t) && fold(e, &d, &v)) {
    if (kt_is_float(e->type)) v = (int64_t)d;
    else d = kt_is_signed(e->type) ? (double)v : (double)(uint64_t)v;
    if (t->kind == KT_F32) { float f = (float)d; memcpy(dst, &f, 4); return true; }
    if (t->kind == KT_F64) { memcpy(dst, &d, 8); return true; }
    if (t->kind == KT_F16) { uint16_t h = (uint16_t)emit_half_bits(d); memcpy(dst, &h, 2); return true; }
    if (kt_is_int(t)) { memcpy(dst, &v, (size_t)(t->size < 8 ? t->size : 8)); return true; }
    return false;
  }
  if (e->kind == KE_INIT_LIST || e->kind == KE_VEC) {
    int next = 0;
    for (int i = 0; i < e->nargs; i++) {
      const KExpr *x = e->args[i];
      int at = kexpr_designator(e, i) >= 0 ? kexpr_designator(e, i) : next;
      next = at + 1;
      if (t->kind == KT_ARRAY || t->kind == KT_VEC) {
        if (t->kind == KT_ARRAY && t->count >= 0 && at >= t->count) return false;
        if (!const_bytes(w, dst + at * t->elem->size, t->elem, x)) return false;
      } else if (t->kind == KT_STRUCT) {
        if (at >= t->nfields || t->fields[at].bit_width) return false;
        if (!const_bytes(w, dst + t->fields[at].offset, t->fields[at].type, x)) return false;
      } else if (e->nargs == 1) {
        return const_bytes(w, dst, t, x);
      } else {
        return false;
      }
    }
    return true;
  }
  return false;
}

static void build_data(WEmit *w) {
  int n = w->data_end - w->data_base;
  unsigned char *bytes = calloc((size_t)(n > 0 ? n : 1), 1);
  if (!bytes) { w->data.failed = true; return; }
  for (int i = 0; i < w->gvars.len; i++) {
    const KVar *v = w->gvars.items[i];
    if (v->init && !const_bytes(w, bytes + (w->gaddr[i] - w->data_base), v->type, v->init))
      w->gaddr[i] = -w->gaddr[i]; /* kernels using it are rejected (we_var) */
  }
  for (int i = 0; i < w->strs.len; i++) {
    const KExpr *e = w->strs.items[i];
    if (e->str->len) memcpy(bytes + (w->str_addr[i] - w->data_base), e->str->bytes, (size_t)e->str->len);
  }
  wb_bytes(&w->data, bytes, (size_t)n);
  free(bytes);
}

/* ---- functions ---------------------------------------------------------- */

static void begin_func(WEmit *w, WFunc *f, const KFunc *k) {
  memset(f, 0, sizeof *f);
  f->f = k;
  f->turn = -1;
  w->fn = f;
  walk_stmt(w, k->body, see_addr, NULL, &f->addr_taken);
}

/* local declarations (run-length), head, code, end */
static void assemble(WEmit *w, WBuf *code_sec, WFunc *f, WBuf *head) {
  WBuf body = {0};
  if (f->failed) { /* a valid body that is never called */
    f->nlocals = 0;
    f->code.len = 0;
    head->len = 0;
    wb_byte(&f->code, OP_UNREACHABLE);
  }
  int runs = 0;
  for (int i = 0; i < f->nlocals; i++)
    if (!i || f->ltypes[i] != f->ltypes[i - 1]) runs++;
  wb_u32(&body, (uint64_t)runs);
  for (int i = 0; i < f->nlocals;) {
    int j = i;
    while (j < f->nlocals && f->ltypes[j] == f->ltypes[i]) j++;
    wb_u32(&body, (uint64_t)(j - i));
    wb_byte(&body, f->ltypes[i]);
    i = j;
  }
  wb_append(&body, head);
  wb_append(&body, &f->code);
  wb_byte(&body, OP_END);
  wb_u32(code_sec, body.len);
  wb_append(code_sec, &body);
  wb_free(&body);
  wb_free(&f->code);
  (void)w;
}

static int func_sig(WEmit *w, const KFunc *k, bool *agg_ret) {
  unsigned char p[260], r[1];
  int np = 0, nr = 0;
  *agg_ret = kt_aggregate(k->ret);
  if (*agg_ret) p[np++] = WT_I32;
  for (int i = 0; i < k->nparams && np < 256; i++) {
    unsigned t = wt_of(k->params[i]->type);
    p[np++] = (unsigned char)(t && t != WT_VOID ? t : WT_I32);
  }
  unsigned rt = wt_of(k->ret);
  if (!*agg_ret && rt && rt != WT_VOID) r[nr++] = (unsigned char)rt;
  return we_sig(w, p, np, r, nr);
}

/* sp = fp + frame before leaving a device function */
void ws_epilogue(WEmit *w);
void ws_epilogue(WEmit *w) {
  WFunc *f = w->fn;
  if (f->kernel) return;
  op_u(w, OP_LOCAL_GET, f->fp);
  op_u(w, OP_LOCAL_GET, f->fsize);
  op(w, OP_I32_ADD);
  global_set(w, WG_SP);
}

static void emit_device_func(WEmit *w, WBuf *code_sec, const KFunc *k, int fi) {
  WFunc f;
  begin_func(w, &f, k);
  bool agg;
  func_sig(w, k, &agg);
  f.nparams = k->nparams + (agg ? 1 : 0);
  if (agg) f.retptr = 0;
  f.fp = we_local(w, WT_I32);
  f.fsize = we_local(w, WT_I32);
  for (int i = 0; i < k->nparams; i++) {
    const KVar *p = k->params[i];
    uint32_t idx = (uint32_t)(i + (agg ? 1 : 0));
    if (kt_aggregate(p->type)) {
      we_bind(w, p, VS_ADDR_LOCAL, idx); /* the caller's copy */
    } else if (is_addr_taken(&f, p)) {
      WVar *x = we_var(w, p);
      op_u(w, OP_LOCAL_GET, f.fp);
      op_i32(w, x->off);
      op(w, OP_I32_ADD);
      op_u(w, OP_LOCAL_GET, idx);
      wx_store(w, p->type);
    } else {
      we_bind(w, p, VS_LOCAL, idx);
    }
  }
  ws_stmt(w, k->body);
  ws_epilogue(w);
  if (wt_of(k->ret) != WT_VOID && !agg) op(w, OP_UNREACHABLE);
  f.frame = (f.frame + 15) / 16 * 16;
  WBuf head = {0};
  wb_byte(&head, OP_I32_CONST);
  wb_s64(&head, f.frame);
  wb_byte(&head, OP_LOCAL_SET);
  wb_u32(&head, f.fsize);
  wb_byte(&head, OP_GLOBAL_GET);
  wb_u32(&head, WG_SP);
  wb_byte(&head, OP_I32_CONST);
  wb_s64(&head, f.frame);
  wb_byte(&head, OP_I32_SUB);
  wb_byte(&head, OP_LOCAL_TEE);
  wb_u32(&head, f.fp);
  wb_byte(&head, OP_GLOBAL_SET);
  wb_u32(&head, WG_SP);
  /* a frame below the stack's end (deep recursion, big local arrays) traps */
  wb_byte(&head, OP_LOCAL_GET);
  wb_u32(&head, f.fp);
  wb_byte(&head, OP_GLOBAL_GET);
  wb_u32(&head, WG_STACK_LO);
  wb_byte(&head, OP_I32_LT_U);
  wb_byte(&head, OP_IF);
  wb_byte(&head, WT_VOID);
  wb_byte(&head, OP_UNREACHABLE);
  wb_byte(&head, OP_END);
  w->ffailed[fi] = f.failed;
  w->fframe[fi] = f.frame;
  assemble(w, code_sec, &f, &head);
  wb_free(&head);
  w->fn = NULL;
}

int we_param_offset(const KFunc *k, int i) {
  int off = 0;
  for (int j = 0; j <= i; j++) {
    const KType *t = k->params[j]->type;
    int al = t->align > 0 ? t->align : 1;
    off = (off + al - 1) / al * al;
    if (j == i) return off;
    off += t->size;
  }
  return off;
}

int we_params_size(const KFunc *k) {
  if (!k->nparams) return 0;
  return we_param_offset(k, k->nparams - 1) + k->params[k->nparams - 1]->type->size;
}

/* for (t = 0; t < nt; t++) { fp(t) + off <- args + poff } */
static void copy_param_per_thread(WEmit *w, const KType *t, int off, int poff) {
  WFunc *f = w->fn;
  uint32_t i = we_local(w, WT_I32);
  op_i32(w, 0);
  op_u(w, OP_LOCAL_SET, i);
  op_open(w, OP_LOOP, WT_VOID);
  int top = f->depth;
  op_u(w, OP_LOCAL_GET, f->tbase);
  op_u(w, OP_LOCAL_GET, i);
  op_u(w, OP_LOCAL_GET, f->fsize);
  op(w, OP_I32_MUL);
  op(w, OP_I32_ADD);
  op_i32(w, off);
  op(w, OP_I32_ADD);
  op_u(w, OP_LOCAL_GET, 0);
  op_i32(w, poff);
  op(w, OP_I32_ADD);
  if (kt_aggregate(t)) {
    wx_copy(w, t->size);
  } else {
    wx_load(w, t);
    wx_store(w, t);
  }
  op_u(w, OP_LOCAL_GET, i);
  op_i32(w, 1);
  op(w, OP_I32_ADD);
  op_u(w, OP_LOCAL_TEE, i);
  op_u(w, OP_LOCAL_GET, f->nt);
  op(w, OP_I32_LT_U);
  op_br(w, OP_BR_IF, top);
  op_end(w);
}

/* A kernel's device-function stack, after the threads' frames and columns
 * from local tbase on: its globals */
static void stack_globals(WEmit *w) {
  WFunc *f = w->fn;
  op_u(w, OP_LOCAL_GET, f->tbase);
  op_u(w, OP_LOCAL_GET, f->nt);
  op_u(w, OP_LOCAL_GET, f->fspan); /* the frames and the columns */
  op(w, OP_I32_MUL);
  op(w, OP_I32_ADD);
  global_set(w, WG_STACK_LO);
  global_get(w, WG_STACK_LO);
  op_i32(w, WASM_STACK_BYTES);
  op(w, OP_I32_ADD);
  global_set(w, WG_SP);
}

/* grid_group::sync() in a kernel: the host's import, which suspends the
 * block until every block of the cooperative launch has arrived (the
 * module is made resumable at build time: Binaryen's asyncify, which
 * keeps locals, not globals); the block's globals then come back from the
 * kernel's locals, since other blocks ran in between */
void we_grid_sync(WEmit *w) {
  WFunc *f = w->fn;
  op_u(w, OP_CALL, (uint64_t)we_import(w, "env.grid_sync"));
  if (f->gl_sync)
    for (int g = WG_SHARED; g <= WG_GDZ; g++)
      if (f->gl[g]) {
        op_u(w, OP_LOCAL_GET, f->gl[g] - 1);
        op_u(w, OP_GLOBAL_SET, (uint64_t)g);
      }
  stack_globals(w);
}

/* The code before a kernel's body, written once the body has been (its
 * frame size and columns known): the frame and span sizes, the thread
 * count nt, the first frame's address tbase and the bases of the
 * VS_COLUMN variables' columns (after the frames: tbase + nt * (frame +
 * off)). */
static WBuf kernel_prologue(WEmit *w, WFunc *f) {
  WBuf body = f->code;
  f->code = (WBuf){0};
  op_i32(w, f->frame);
  op_u(w, OP_LOCAL_SET, f->fsize);
  op_i32(w, f->frame + f->columns);
  op_u(w, OP_LOCAL_SET, f->fspan);
  op_u(w, OP_LOCAL_GET, 9);
  op_u(w, OP_LOCAL_GET, 10);
  op(w, OP_I32_MUL);
  op_u(w, OP_LOCAL_GET, 11);
  op(w, OP_I32_MUL);
  op_u(w, OP_LOCAL_SET, f->nt);
  op_u(w, OP_LOCAL_GET, 1);
  op_i32(w, w->shared_size + 15);
  op(w, OP_I32_ADD);
  op_u(w, OP_LOCAL_GET, 2);
  op(w, OP_I32_ADD);
  op_i32(w, -16);
  op(w, OP_I32_AND);
  op_u(w, OP_LOCAL_SET, f->tbase);
  for (int i = 0; i < f->ncolvars; i++) {
    op_u(w, OP_LOCAL_GET, f->tbase);
    op_u(w, OP_LOCAL_GET, f->nt);
    op_i32(w, f->frame + f->colvars[i].off);
    op(w, OP_I32_MUL);
    op(w, OP_I32_ADD);
    op_u(w, OP_LOCAL_SET, f->colvars[i].local);
  }
  WBuf head = f->code;
  f->code = body;
  return head;
}

static void emit_kernel(WEmit *w, WBuf *code_sec, const KFunc *k, int fi) {
  WFunc f;
  begin_func(w, &f, k);
  f.kernel = true;
  if (w->fis_ok[fi]) /* inlined device functions take addresses of their own locals */
    walk_stmt(w, w->fis[fi].body, see_addr, NULL, &f.addr_taken);
  f.nparams = 12;
  f.fp = we_local(w, WT_I32);
  f.nt = we_local(w, WT_I32);
  f.tbase = we_local(w, WT_I32);
  f.fsize = we_local(w, WT_I32);
  f.fspan = we_local(w, WT_I32);
  if (!w->fis_ok[fi]) {
    f.failed = true;
  } else {
    const KFission *fis = &w->fis[fi];
    f.fis = fis;
    for (int g = WG_SHARED; g <= WG_GDZ; g++) f.gl[g] = we_local(w, WT_I32) + 1;
    walk_stmt(w, fis->body, see_any_call, NULL, &f.gl_sync);
    op_u(w, OP_LOCAL_GET, 1);
    global_set(w, WG_SHARED);
    static const int g[9] = {WG_BX, WG_BY, WG_BZ, WG_GDX, WG_GDY, WG_GDZ, WG_BDX, WG_BDY, WG_BDZ};
    for (int i = 0; i < 9; i++) {
      op_u(w, OP_LOCAL_GET, (uint64_t)(3 + i));
      global_set(w, g[i]);
    }
    stack_globals(w);
    for (int i = 0; i < k->nparams; i++) {
      const KVar *p = k->params[i];
      int poff = we_param_offset(k, i);
      if (kt_aggregate(p->type) || is_addr_taken(&f, p) || is_per_thread(&f, p)) {
        WVar *x = we_var(w, p);
        copy_param_per_thread(w, p->type, x->off, poff);
      } else {
        uint32_t l = we_local(w, wt_of(p->type) ? wt_of(p->type) : WT_I32);
        we_bind(w, p, VS_LOCAL, l);
        op_u(w, OP_LOCAL_GET, 0);
        op_i32(w, poff);
        op(w, OP_I32_ADD);
        wx_load(w, p->type);
        op_u(w, OP_LOCAL_SET, l);
      }
    }
    ws_stmt(w, fis->body);
  }
  f.frame = (f.frame + 15) / 16 * 16;
  WBuf head = kernel_prologue(w, &f);
  w->ffailed[fi] = f.failed;
  w->fframe[fi] = f.frame + f.columns; /* the scratch bytes per thread */
  assemble(w, code_sec, &f, &head);
  wb_free(&head);
  w->fn = NULL;
}

/* ---- the module ---------------------------------------------------------- */

static void json_str(StrBuf *sb, const char *s) {
  sb_putc(sb, '"');
  for (; s && *s; s++) {
    unsigned char ch = (unsigned char)*s;
    if (ch == '"' || ch == '\\') sb_printf(sb, "\\%c", ch);
    else if (ch < 0x20) sb_printf(sb, "\\u%04x", ch);
    else sb_putc(sb, (char)ch);
  }
  sb_putc(sb, '"');
}

static void type_json(StrBuf *sb, const KType *t) {
  StrBuf tmp;
  sb_init(&tmp);
  kt_print(&tmp, t);
  json_str(sb, tmp.data ? tmp.data : "");
  sb_free(&tmp);
}

/* a function calling one that failed fails too (with that diagnostic) */
static void see_fail(WEmit *w, const KExpr *e, void *ctx) {
  int *found = ctx;
  if (*found >= 0 || e->kind != KE_CALL) return;
  int i = index_of(&w->funcs, e->fn);
  if (i >= 0 && w->ffailed[i]) *found = i;
}

static void propagate_failures(WEmit *w) {
  for (bool changed = true; changed;) {
    changed = false;
    for (int i = 0; i < w->funcs.len; i++) {
      if (w->ffailed[i]) continue;
      int found = -1;
      const KStmt *body = w->fis_ok[i] ? w->fis[i].body : ((const KFunc *)w->funcs.items[i])->body;
      walk_stmt(w, body, see_fail, NULL, &found);
      if (found >= 0) {
        w->ffailed[i] = true;
        w->fdiag[i] = w->fdiag[found];
        changed = true;
      }
    }
  }
}

static void see_no_expr(WEmit *w, const KExpr *e, void *ctx) { (void)w, (void)e, (void)ctx; }

static void see_grid_barrier(WEmit *w, const KStmt *s, void *ctx) {
  (void)w;
  if (s->kind == KS_BARRIER && s->scope == KBAR_GRID) *(bool *)ctx = true;
}

static int kernel_failure(WEmit *w, int fi) { return w->ffailed[fi] ? fi : -1; }

static void diag_json(StrBuf *sb, const Diag *g) {
  sb_puts(sb, "{\"file\": ");
  json_str(sb, g->file);
  sb_printf(sb, ", \"line\": %d, \"col\": %d, \"message\": ", g->loc.line, g->loc.col);
  json_str(sb, g->msg);
  sb_putc(sb, '}');
}

static char *metadata(WEmit *w, int ndev) {
  StrBuf sb;
  sb_init(&sb);
  sb_printf(&sb, "{\"version\": 1, \"data_base\": %d, \"data_end\": %d, \"shared_static\": %d, \"stack\": %d, \"kernels\": [",
            w->data_base, w->data_end, w->shared_size, WASM_STACK_BYTES);
  for (int i = ndev; i < w->funcs.len; i++) {
    const KFunc *k = w->funcs.items[i];
    if (i > ndev) sb_puts(&sb, ", ");
    sb_puts(&sb, "{\"name\": ");
    json_str(&sb, k->name);
    sb_puts(&sb, ", \"cname\": ");
    json_str(&sb, k->cname);
    int bad = kernel_failure(w, i);
    if (bad >= 0) {
      sb_puts(&sb, ", \"error\": ");
      int di = w->fdiag[bad];
      if (di >= 0 && di < w->d->len) {
        diag_json(&sb, &w->d->items[di]);
      } else {
        sb_printf(&sb, "{\"file\": \"\", \"line\": 0, \"col\": 0, \"message\": ");
        json_str(&sb, "a function it calls is not supported on the wasm target");
        sb_putc(&sb, '}');
      }
      sb_putc(&sb, '}');
      continue;
    }
    bool grid_sync = false;
    walk_stmt(w, w->fis[i].body, see_no_expr, see_grid_barrier, &grid_sync);
    sb_printf(&sb, ", \"export\": \"k%d\", \"frame\": %d, \"args_size\": %d,%s \"params\": [", i - ndev,
              w->fframe[i], we_params_size(k), grid_sync ? " \"grid_sync\": true," : "");
    for (int p = 0; p < k->nparams; p++) {
      const KVar *v = k->params[p];
      if (p) sb_puts(&sb, ", ");
      sb_puts(&sb, "{\"name\": ");
      json_str(&sb, v->name);
      sb_puts(&sb, ", \"type\": ");
      type_json(&sb, v->type);
      sb_printf(&sb, ", \"offset\": %d, \"size\": %d}", we_param_offset(k, p), v->type->size);
    }
    sb_puts(&sb, "]}");
  }
  sb_puts(&sb, "], \"globals\": [");
  for (int i = 0; i < w->gvars.len; i++) {
    const KVar *v = w->gvars.items[i];
    if (i) sb_puts(&sb, ", ");
    sb_puts(&sb, "{\"name\": ");
    json_str(&sb, v->name);
    sb_printf(&sb, ", \"addr\": %d, \"size\": %d}", w->gaddr[i] < 0 ? -w->gaddr[i] : w->gaddr[i], v->type->size);
  }
  sb_puts(&sb, "]}");
  return sb_take(&sb);
}

static void add_kernels(WEmit *w, PtrVec *kernels) {
  for (int i = 0; i < w->m->funcs.len; i++) {
    const KFunc *k = w->m->funcs.items[i];
    if ((k->flags & KF_GLOBAL) && k->body) vec_push(&w->arena, kernels, (void *)k);
  }
}

/* The "name" custom section's function names, which engines show in
 * stack traces and profiles (a trap's trace names the kernel and device
 * functions it passed through instead of wasm-function[N]): the imports
 * as module.field, then each function's C++ name. */
static void names(WEmit *w, WBuf *mod) {
  WBuf s = {0}, sub = {0};
  wb_name(&s, "name");
  wb_u32(&sub, (uint64_t)(w->imports.len + w->funcs.len));
  for (int i = 0; i < w->imports.len; i++) {
    const char *name = w->imports.items[i];
    char full[160];
    snprintf(full, sizeof full, "%s%s", strncmp(name, "env.", 4) ? "math." : "", name);
    wb_u32(&sub, (uint64_t)i);
    wb_name(&sub, full);
  }
  for (int i = 0; i < w->funcs.len; i++) {
    const KFunc *f = w->funcs.items[i];
    wb_u32(&sub, (uint64_t)(w->imports.len + i));
    wb_name(&sub, f->name && *f->name ? f->name : f->cname);
  }
  wb_byte(&s, 1); /* function names */
  wb_u32(&s, (uint64_t)sub.len);
  wb_append(&s, &sub); /* carries sub's failure */
  wb_section(mod, 0, &s);
  wb_free(&sub);
  wb_free(&s);
}

static void sections(WEmit *w, WBuf *mod, int ndev, WBuf *code) {
  static const unsigned char magic[8] = {0, 'a', 's', 'm', 1, 0, 0, 0};
  wb_bytes(mod, magic, 8);
  /* function types: imports', then each function's */
  int *isig = arena_alloc(&w->arena, sizeof(int) * (size_t)(w->imports.len + 1));
  for (int i = 0; i < w->imports.len; i++) {
    const char *sig = w->import_sigs.items[i];
    unsigned char p[16], r[1];
    int np = 0;
    for (const char *c = strchr(sig, ':') + 1; *c && np < 16; c++)
      p[np++] = *c == 'f' ? WT_F32 : *c == 'd' ? WT_F64 : (*c == 'l' || *c == 'm') ? WT_I64 : WT_I32;
    r[0] = sig[0] == 'f' ? WT_F32 : sig[0] == 'd' ? WT_F64 : (sig[0] == 'l' || sig[0] == 'm') ? WT_I64 : WT_I32;
    isig[i] = we_sig(w, p, np, r, sig[0] == 'v' ? 0 : 1);
  }
  int *fsig = arena_alloc(&w->arena, sizeof(int) * (size_t)(w->funcs.len + 1));
  for (int i = 0; i < w->funcs.len; i++) {
    const KFunc *k = w->funcs.items[i];
    if (i >= ndev) {
      unsigned char p[12];
      memset(p, WT_I32, sizeof p);
      fsig[i] = we_sig(w, p, 12, NULL, 0);
    } else {
      bool agg;
      fsig[i] = func_sig(w, k, &agg);
    }
  }
  WBuf s = {0};
  wb_u32(&s, (uint64_t)w->sigs.len);
  wb_append(&s, &w->types);
  wb_section(mod, 1, &s);
  s.len = 0;
  wb_u32(&s, (uint64_t)w->imports.len + 1);
  wb_name(&s, "env");
  wb_name(&s, "memory");
  wb_byte(&s, 2);
  wb_byte(&s, 3); /* shared, with a maximum (what shared memories need) */
  wb_u32(&s, (uint64_t)(w->data_end / 65536 + 1));
  wb_u32(&s, WASM_MAX_PAGES);
  for (int i = 0; i < w->imports.len; i++) {
    const char *name = w->imports.items[i];
    bool env = !strncmp(name, "env.", 4);
    wb_name(&s, env ? "env" : "math");
    wb_name(&s, env ? name + 4 : name);
    wb_byte(&s, 0);
    wb_u32(&s, (uint64_t)isig[i]);
  }
  wb_section(mod, 2, &s);
  s.len = 0;
  wb_u32(&s, (uint64_t)w->funcs.len);
  for (int i = 0; i < w->funcs.len; i++) wb_u32(&s, (uint64_t)fsig[i]);
  wb_section(mod, 3, &s);
  s.len = 0; /* table 0: every device function, at index 1 + its place (function pointers) */
  wb_u32(&s, 1);
  wb_byte(&s, 0x70);
  wb_byte(&s, 0);
  wb_u32(&s, (uint64_t)ndev + 1);
  wb_section(mod, 4, &s);
  s.len = 0;
  wb_u32(&s, WG_COUNT);
  for (int i = 0; i < WG_COUNT; i++) {
    wb_byte(&s, WT_I32);
    wb_byte(&s, 1);
    wb_byte(&s, OP_I32_CONST);
    wb_s64(&s, 0);
    wb_byte(&s, OP_END);
  }
  wb_section(mod, 6, &s);
  s.len = 0;
  int nexp = 0;
  for (int i = ndev; i < w->funcs.len; i++) nexp += kernel_failure(w, i) < 0;
  wb_u32(&s, (uint64_t)nexp);
  for (int i = ndev; i < w->funcs.len; i++) {
    if (kernel_failure(w, i) >= 0) continue;
    char name[32];
    snprintf(name, sizeof name, "k%d", i - ndev);
    wb_name(&s, name);
    wb_byte(&s, 0);
    wb_u32(&s, (uint64_t)(w->imports.len + i));
  }
  wb_section(mod, 7, &s);
  s.len = 0;
  wb_u32(&s, 1);
  wb_byte(&s, 0); /* active, table 0, function indices */
  wb_byte(&s, OP_I32_CONST);
  wb_s64(&s, 1);
  wb_byte(&s, OP_END);
  wb_u32(&s, (uint64_t)ndev);
  for (int i = 0; i < ndev; i++) wb_u32(&s, (uint64_t)(w->imports.len + i));
  wb_section(mod, 9, &s);
  wb_section(mod, 10, code);
  s.len = 0;
  wb_u32(&s, 1);
  wb_byte(&s, 0);
  wb_byte(&s, OP_I32_CONST);
  wb_s64(&s, w->data_base);
  wb_byte(&s, OP_END);
  wb_u32(&s, w->data.len);
  wb_append(&s, &w->data);
  wb_section(mod, 11, &s);
  s.len = 0;
  char *meta = metadata(w, ndev);
  wb_name(&s, "cuwasm");
  if (meta) wb_bytes(&s, meta, strlen(meta));
  else s.failed = true;
  free(meta);
  wb_section(mod, 0, &s);
  names(w, mod);
  wb_free(&s);
}

unsigned char *emit_wasm(const KModule *m, size_t *len, CwDiags *d) {
  return emit_wasm_at(m, WASM_DATA_BASE, len, d);
}

unsigned char *emit_wasm_at(const KModule *m, int data_base, size_t *len, CwDiags *d) {
  WEmit w;
  memset(&w, 0, sizeof w);
  arena_init(&w.arena);
  w.data_base = data_base;
  w.m = m;
  w.d = d;
  *len = 0;
  /* __half storage and rounding, by the host (imports 0..2) */
  static const char *half_imports[3][2] = {{"h2f", "f:i"}, {"f2h", "i:f"}, {"hround", "f:f"}};
  for (int i = 0; i < 3; i++) {
    vec_push(&w.arena, &w.imports, (void *)half_imports[i][0]);
    vec_push(&w.arena, &w.import_sigs, (void *)half_imports[i][1]);
  }
  PtrVec kernels = {0};
  add_kernels(&w, &kernels);
  /* fission first: device functions with barriers or collectives are
   * inlined there, and only functions the rewritten kernels still call are
   * emitted */
  int nk = kernels.len;
  KFission *kf = arena_alloc(&w.arena, sizeof(KFission) * (size_t)(nk + 1));
  bool *kok = arena_alloc(&w.arena, sizeof(bool) * (size_t)(nk + 1));
  int *kdiag = arena_alloc(&w.arena, sizeof(int) * (size_t)(nk + 1));
  for (int i = 0; i < nk; i++) {
    kdiag[i] = d->len;
    const KFunc *k = kernels.items[i];
    kok[i] = kir_fission(&w.arena, m, k, &kf[i], d);
    if (kok[i]) walk_stmt(&w, kf[i].body, see_call, see_grid_import, NULL); /* a rejected kernel's callees are not needed */
  }
  for (int i = 0; i < m->globals.len; i++) { /* vtables and tables of function pointers */
    const KVar *g = m->globals.items[i];
    walk_expr(&w, g->init, see_call, NULL);
  }
  int ndev = w.funcs.len;
  w.ndev = ndev;
  for (int i = 0; i < nk; i++) vec_push(&w.arena, &w.funcs, kernels.items[i]);
  int n = w.funcs.len;
  w.ffailed = arena_alloc(&w.arena, sizeof(bool) * (size_t)(n + 1));
  w.fframe = arena_alloc(&w.arena, sizeof(int) * (size_t)(n + 1));
  w.fdiag = arena_alloc(&w.arena, sizeof(int) * (size_t)(n + 1));
  w.fis = arena_alloc(&w.arena, sizeof(KFission) * (size_t)(n + 1));
  w.fis_ok = arena_alloc(&w.arena, sizeof(bool) * (size_t)(n + 1));
  int *fis_diag = arena_alloc(&w.arena, sizeof(int) * (size_t)(n + 1));
  for (int i = 0; i < nk; i++) {
    w.fis[ndev + i] = kf[i];
    w.fis_ok[ndev + i] = kok[i];
    fis_diag[ndev + i] = kdiag[i];
  }
  layout_memory(&w);
  build_data(&w);
  WBuf code = {0};
  wb_u32(&code, (uint64_t)n);
  for (int i = 0; i < n; i++) {
    w.fdiag[i] = i >= ndev && !w.fis_ok[i] ? fis_diag[i] : d->len;
    if (i >= ndev) emit_kernel(&w, &code, w.funcs.items[i], i);
    else emit_device_func(&w, &code, w.funcs.items[i], i);
    if (!w.ffailed[i]) w.fdiag[i] = -1;
  }
  propagate_failures(&w);
  WBuf mod = {0};
  sections(&w, &mod, ndev, &code);
  bool failed = mod.failed || code.failed || w.data.failed || w.types.failed;
  wb_free(&code);
  wb_free(&w.data);
  wb_free(&w.types);
  arena_free(&w.arena);
  if (failed) {
    wb_free(&mod);
    return NULL;
  }
  *len = mod.len;
  return mod.p;
}
