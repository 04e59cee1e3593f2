/*
 * callgraph.c — recursion in the functions a kernel reaches.
 *
 * CUDA allows recursive device functions; the shading languages do not
 * (WGSL forbids any cycle in the call graph, GLSL any recursion), and a
 * backend that walks callees must not follow a cycle forever.  A depth-
 * first walk from the kernel keeps the current call path; a call to a
 * function already on the path closes a cycle, and that call (with its
 * source location) is what the backend's diagnostic points at.  Functions
 * whose subtree is known to be acyclic are remembered, so each is walked
 * once.
 */
#include "kir.h"

#include <stdlib.h>

enum { MAX_PATH = 256 };

typedef struct Walk {
  const KFunc *path[MAX_PATH];
  int depth;
  const KFunc **done;
  int ndone, capdone;
  const KFunc *callee; /* the function the found call re-enters */
} Walk;

static bool in_list(const KFunc *const *v, int n, const KFunc *f) {
  for (int i = 0; i < n; i++)
    if (v[i] == f) return true;
  return false;
}

static const KExpr *walk_func(Walk *w, const KFunc *f);

static const KExpr *walk_expr(Walk *w, const KExpr *e) {
  if (!e) return NULL;
  if (e->kind == KE_CALL && e->fn && e->fn->body) {
    if (in_list(w->path, w->depth, e->fn)) {
      w->callee = e->fn;
      return e;
    }
    const KExpr *r = walk_func(w, e->fn);
    if (r) return r;
  }
  const KExpr *r = NULL;
  if (!r) r = walk_expr(w, e->a);
  if (!r) r = walk_expr(w, e->b);
  if (!r) r = walk_expr(w, e->c);
  for (int i = 0; !r && i < e->nargs; i++) r = walk_expr(w, e->args[i]);
  return r;
}

static const KExpr *walk_stmt(Walk *w, const KStmt *s) {
  if (!s) return NULL;
  const KExpr *r = NULL;
  for (int i = 0; !r && i < s->nstmts; i++) r = walk_stmt(w, s->stmts[i]);
  if (!r) r = walk_expr(w, s->init);
  if (!r) r = walk_expr(w, s->e);
  if (!r) r = walk_expr(w, s->cond);
  if (!r) r = walk_expr(w, s->step);
  if (!r) r = walk_stmt(w, s->init_stmt);
  if (!r) r = walk_stmt(w, s->then);
  if (!r) r = walk_stmt(w, s->els);
  if (!r) r = walk_stmt(w, s->body);
  return r;
}

static const KExpr *walk_func(Walk *w, const KFunc *f) {
  if (in_list(w->done, w->ndone, f) || w->depth >= MAX_PATH) return NULL;
  w->path[w->depth++] = f;
  const KExpr *r = walk_stmt(w, f->body);
  w->depth--;
  if (r) return r;
  if (w->ndone == w->capdone) {
    int cap = w->capdone ? 2 * w->capdone : 32;
    const KFunc **grown = realloc(w->done, sizeof *grown * (size_t)cap);
    if (!grown) return NULL; /* only a cache: walking again is still right */
    w->done = grown;
    w->capdone = cap;
  }
  w->done[w->ndone++] = f;
  return NULL;
}

const KExpr *kir_recursive_call(const KFunc *root, const KFunc **callee) {
  Walk w = {.depth = 0};
  const KExpr *r = walk_func(&w, root);
  free(w.done);
  if (r && callee) *callee = w.callee;
  return r;
}
