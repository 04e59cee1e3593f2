/*
 * externs.c — what a module uses but another translation unit defines.
 *
 * With separate compilation (nvcc -rdc=true) a TU may call a __device__
 * function it only declares and read an `extern __device__` variable it
 * does not define.  This walk finds them: the whole-program build reports
 * them as errors (nvcc cannot link them either), a relocatable module
 * turns each into a slot the runtime fills at link time (emit/c.c), and
 * targets without a linker (WGSL, GLSL) refuse them.  Functions are
 * visited once each (a visited list, so recursion ends); each external is
 * reported once, at its first use in walk order.
 */
#include "kir/kir.h"

#include <stdlib.h>

typedef struct Walk {
  const KModule *m;
  KExternFn fn;
  void *ctx;
  /* functions visited and externals reported: an open-addressing set of
   * pointers (a million-line module has a hundred thousand functions, so
   * a list searched from the start made this walk quadratic) */
  const void **seen;
  size_t nseen, capseen; /* capseen: a power of two, or 0 */
  int count;
  bool follow_calls; /* from kernels: walk into the callees */
} Walk;

static size_t ptr_slot(const void *p, size_t cap) {
  uint64_t h = (uint64_t)(uintptr_t)p * 0x9E3779B97F4A7C15ull;
  return (size_t)(h >> 32) & (cap - 1);
}

/* true when p was already in the set; adds it otherwise */
static bool seen(Walk *w, const void *p) {
  if (w->capseen) {
    for (size_t i = ptr_slot(p, w->capseen); w->seen[i]; i = (i + 1) & (w->capseen - 1))
      if (w->seen[i] == p) return true;
  }
  if ((w->nseen + 1) * 2 > w->capseen) {
    size_t cap = w->capseen ? w->capseen * 2 : 64;
    const void **n = calloc(cap, sizeof *n);
    if (!n) return true; /* out of memory: stop walking, report less */
    for (size_t j = 0; j < w->capseen; j++) {
      if (!w->seen[j]) continue;
      size_t i = ptr_slot(w->seen[j], cap);
      while (n[i]) i = (i + 1) & (cap - 1);
      n[i] = w->seen[j];
    }
    free(w->seen);
    w->seen = n;
    w->capseen = cap;
  }
  size_t i = ptr_slot(p, w->capseen);
  while (w->seen[i]) i = (i + 1) & (w->capseen - 1);
  w->seen[i] = p;
  w->nseen++;
  return false;
}

static void walk_func(Walk *w, const KFunc *f);

static void walk_expr(Walk *w, const KExpr *e) {
  if (!e) return;
  if (e->kind == KE_VAR && e->var && e->var->kind == KV_GLOBAL && e->var->is_extern_decl &&
      !seen(w, e->var)) {
    w->count++;
    w->fn(w->ctx, NULL, e->var, e->loc);
  }
  if (e->kind == KE_CALL && e->fn) {
    if (!e->fn->body && !(e->fn->flags & KF_GLOBAL)) {
      if (!seen(w, e->fn)) {
        w->count++;
        w->fn(w->ctx, e->fn, NULL, e->loc);
      }
    } else if (w->follow_calls) {
      walk_func(w, e->fn);
    }
  }
  walk_expr(w, e->a);
  walk_expr(w, e->b);
  walk_expr(w, e->c);
  for (int i = 0; i < e->nargs; i++) walk_expr(w, e->args[i]);
}

static void walk_stmt(Walk *w, const KStmt *s) {
  if (!s) return;
  for (int i = 0; i < s->nstmts; i++) walk_stmt(w, s->stmts[i]);
  if (kstmt_var(s) && s->var->init) walk_expr(w, s->var->init);
  walk_expr(w, s->init);
  walk_expr(w, s->e);
  walk_expr(w, s->cond);
  walk_stmt(w, s->then);
  walk_stmt(w, s->els);
  walk_stmt(w, s->init_stmt);
  walk_expr(w, s->step);
  walk_stmt(w, s->body);
}

static void walk_func(Walk *w, const KFunc *f) {
  if (!f->body || seen(w, f)) return;
  walk_stmt(w, f->body);
}

/* Whether the walk can find anything: a device function without a body
 * (kernels are never reported) or an extern declaration among the
 * globals.  Every function a call can name is in m->funcs (the front end
 * adds each as it declares it) and every namespace-scope variable in
 * m->globals, so when neither list has one the walk, a pass over all the
 * code (on a large module mostly cache misses), is skipped. */
static bool may_have_externs(const KModule *m) {
  for (int i = 0; i < m->funcs.len; i++) {
    const KFunc *f = m->funcs.items[i];
    if (!f->body && !(f->flags & KF_GLOBAL)) return true;
  }
  for (int i = 0; i < m->globals.len; i++) {
    const KVar *v = m->globals.items[i];
    if (v->is_extern_decl) return true;
  }
  return false;
}

int kir_undefined_externs(const KModule *m, bool from_kernels, KExternFn fn, void *ctx) {
  if (!may_have_externs(m)) return 0;
  Walk w = {.m = m, .fn = fn, .ctx = ctx, .follow_calls = from_kernels};
  for (int i = 0; i < m->funcs.len; i++) {
    const KFunc *f = m->funcs.items[i];
    if (!from_kernels || (f->flags & KF_GLOBAL)) walk_func(&w, f);
  }
  free(w.seen);
  return w.count;
}
