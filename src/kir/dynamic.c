/*
 * dynamic.c — finds the constructs of a kernel that need a real call stack
 * and a heap: calls through function pointers (virtual calls among them),
 * taking a function's address, and the device heap (new/delete,
 * malloc/free).  The CPU target runs them as C does; shader targets
 * (WGSL, GLSL/SPIR-V) have neither function pointers nor a heap, and ask
 * here first so that they can name the construct and its line instead of
 * failing somewhere inside their own analyses.
 *
 * Launching a kernel from device code (dynamic parallelism) and the
 * device runtime API that goes with it need a runtime that schedules
 * grids from inside a grid: the CPU, CUDA and wasm targets have one,
 * shader targets are told here as well.
 *
 * The walk covers the kernel and every function it calls directly (each
 * once), in source order, and stops at the first construct found.
 */
#include "kir.h"

#include <string.h>

typedef struct Walk {
  PtrVec seen; /* KFunc* already walked */
  const KExpr *calls[64]; /* the calls being walked into, outermost first */
  int ncalls;
  Arena *arena;
  const KExpr *found;
  const char *what;
} Walk;

static void walk_stmt(Walk *w, const KStmt *s);

static const char *device_runtime_what(KBuiltinId id) {
  switch (id) {
  case KB_DEVICE_LAUNCH: return "launching a kernel from device code (dynamic parallelism)";
  case KB_DEVICE_GET_LAST_ERROR: return "the device runtime API (cudaGetLastError in device code)";
  case KB_DEVICE_PEEK_LAST_ERROR:
    return "the device runtime API (cudaPeekAtLastError in device code)";
  case KB_DEVICE_GET_DEVICE: return "the device runtime API (cudaGetDevice in device code)";
  default: return "the device runtime API (cudaStreamCreateWithFlags in device code)";
  }
}

static bool seen(Walk *w, const KFunc *f) {
  for (int i = 0; i < w->seen.len; i++)
    if (w->seen.items[i] == f) return true;
  vec_push(w->arena, &w->seen, (void *)f);
  return false;
}

static void walk_expr(Walk *w, const KExpr *e) {
  if (!e || w->found) return;
  if (e->kind == KE_CALL && !e->fn) {
    w->found = e;
    w->what = e->virtual_call ? "a virtual function call" : "a call through a function pointer";
    return;
  }
  if (e->kind == KE_FUNC_ADDR) {
    w->found = e;
    w->what = "taking the address of a function (pointers to functions)";
    return;
  }
  if (e->kind == KE_BUILTIN && (e->builtin == KB_MALLOC || e->builtin == KB_FREE)) {
    w->found = e;
    w->what = e->builtin == KB_MALLOC ? "the device heap ('new' or malloc)"
                                      : "the device heap ('delete' or free)";
    return;
  }
  if (e->kind == KE_BUILTIN && kir_device_runtime_name(e->builtin)) {
    w->found = e;
    w->what = device_runtime_what(e->builtin);
    /* the API function of include/cuda that holds the builtin: the user's
     * call of it is what to point at */
    const char *api = kir_device_runtime_name(e->builtin);
    size_t n = strlen(api);
    for (int i = 0; i < w->ncalls; i++)
      if (!strncmp(w->calls[i]->fn->name, api, n) &&
          (!w->calls[i]->fn->name[n] || w->calls[i]->fn->name[n] == '<')) {
        w->found = w->calls[i];
        break;
      }
    return;
  }
  walk_expr(w, e->a);
  walk_expr(w, e->b);
  walk_expr(w, e->c);
  for (int i = 0; i < e->nargs; i++) walk_expr(w, e->args[i]);
  if (e->kind == KE_CALL && e->fn && e->fn->body && !seen(w, e->fn)) {
    bool pushed = w->ncalls < (int)(sizeof w->calls / sizeof *w->calls);
    if (pushed) w->calls[w->ncalls++] = e;
    walk_stmt(w, e->fn->body);
    if (pushed) w->ncalls--;
  }
}

static void walk_stmt(Walk *w, const KStmt *s) {
  if (!s || w->found) return;
  if (s->kind == KS_DECL && s->var) walk_expr(w, s->var->init);
  walk_expr(w, s->init);
  walk_expr(w, s->e);
  walk_expr(w, s->cond);
  walk_expr(w, s->step);
  for (int i = 0; i < s->nstmts; i++) walk_stmt(w, s->stmts[i]);
  walk_stmt(w, s->then);
  walk_stmt(w, s->els);
  walk_stmt(w, s->init_stmt);
  walk_stmt(w, s->body);
}

const KExpr *kir_find_dynamic(const KFunc *kernel, const char **what) {
  Arena a;
  arena_init(&a);
  Walk w = {.arena = &a};
  seen(&w, kernel);
  walk_stmt(&w, kernel->body);
  arena_free(&a);
  if (what) *what = w.what;
  return w.found;
}

const char *kir_device_runtime_name(KBuiltinId id) {
  switch (id) {
  case KB_DEVICE_LAUNCH: return "<<<...>>>";
  case KB_DEVICE_GET_LAST_ERROR: return "cudaGetLastError";
  case KB_DEVICE_PEEK_LAST_ERROR: return "cudaPeekAtLastError";
  case KB_DEVICE_GET_DEVICE: return "cudaGetDevice";
  case KB_DEVICE_STREAM_NEW: return "cudaStreamCreateWithFlags";
  default: return NULL;
  }
}

typedef struct UsesRt {
  bool found;
} UsesRt;

static void uses_expr(UsesRt *u, const KExpr *e) {
  if (!e || u->found) return;
  if (e->kind == KE_BUILTIN && kir_device_runtime_name(e->builtin)) {
    u->found = true;
    return;
  }
  uses_expr(u, e->a);
  uses_expr(u, e->b);
  uses_expr(u, e->c);
  for (int i = 0; i < e->nargs; i++) uses_expr(u, e->args[i]);
}

static void uses_stmt(UsesRt *u, const KStmt *s) {
  if (!s || u->found) return;
  if (s->kind == KS_DECL && s->var) uses_expr(u, s->var->init);
  uses_expr(u, s->init);
  uses_expr(u, s->e);
  uses_expr(u, s->cond);
  uses_expr(u, s->step);
  for (int i = 0; i < s->nstmts; i++) uses_stmt(u, s->stmts[i]);
  uses_stmt(u, s->then);
  uses_stmt(u, s->els);
  uses_stmt(u, s->init_stmt);
  uses_stmt(u, s->body);
}

bool kir_uses_device_runtime(const KModule *m) {
  UsesRt u = {false};
  for (int i = 0; i < m->funcs.len && !u.found; i++) {
    const KFunc *f = m->funcs.items[i];
    uses_stmt(&u, f->body);
  }
  return u.found;
}
