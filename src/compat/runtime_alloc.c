/*
 * runtime_alloc.c — the table of live allocations (device, managed,
 * pinned host), sorted by base address.
 *
 * It is what lets cudaMemcpy, cudaFree and cudaPointerGetAttributes answer
 * as CUDA does for a bad pointer or a size past the end of an allocation
 * (cudaErrorInvalidValue / InvalidDevicePointer) instead of corrupting
 * memory: on the CPU backend device pointers are host pointers, so
 * nothing else would stop an overrun.
 */
#include "compat/compat.h"

#include <stdlib.h>
#include <string.h>

/* Index of the first allocation whose base is > p. */
static int upper(const CompatState *g, const char *p) {
  int lo = 0, hi = g->nallocs;
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if (g->allocs[mid].base <= p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

cudaError_t compat_alloc_add(void *base, size_t size, int kind, cw_buffer *buf) {
  CompatState *g = compat_state();
  pthread_mutex_lock(&g->mu);
  if (g->nallocs == g->capallocs) {
    int cap = g->capallocs ? g->capallocs * 2 : 64;
    CompatAlloc *n = realloc(g->allocs, sizeof *n * (size_t)cap);
    if (!n) {
      pthread_mutex_unlock(&g->mu);
      return cudaErrorMemoryAllocation;
    }
    g->allocs = n;
    g->capallocs = cap;
  }
  int i = upper(g, base);
  memmove(&g->allocs[i + 1], &g->allocs[i], sizeof *g->allocs * (size_t)(g->nallocs - i));
  g->allocs[i] = (CompatAlloc){base, size, kind, buf, false};
  g->nallocs++;
  pthread_mutex_unlock(&g->mu);
  return cudaSuccess;
}

bool compat_alloc_remove(void *base, int kind, CompatAlloc *out) {
  CompatState *g = compat_state();
  pthread_mutex_lock(&g->mu);
  int i = upper(g, base) - 1;
  bool ok = i >= 0 && g->allocs[i].base == base &&
            (g->allocs[i].kind == kind ||
             (kind == cudaMemoryTypeDevice && g->allocs[i].kind == cudaMemoryTypeManaged));
  if (ok) {
    *out = g->allocs[i];
    memmove(&g->allocs[i], &g->allocs[i + 1], sizeof *g->allocs * (size_t)(g->nallocs - i - 1));
    g->nallocs--;
  }
  pthread_mutex_unlock(&g->mu);
  return ok;
}

const CompatAlloc *compat_alloc_find(const void *p, size_t n) {
  CompatState *g = compat_state();
  pthread_mutex_lock(&g->mu);
  int i = upper(g, p) - 1;
  const CompatAlloc *a = NULL;
  if (i >= 0) {
    const CompatAlloc *c = &g->allocs[i];
    size_t off = (size_t)((const char *)p - c->base);
    if (off < c->size + (n == 0) && n <= c->size - (off < c->size ? off : c->size)) a = c;
  }
  pthread_mutex_unlock(&g->mu);
  return a; /* entries move only on alloc/free, which programs do not race */
}

int compat_alloc_kind(const void *p) {
  const CompatAlloc *a = compat_alloc_find(p, 0);
  return a ? a->kind : cudaMemoryTypeUnregistered;
}

/* memory of a graph's allocation node belongs to the graph: CUDA frees
 * and re-allocates it at the same address on every launch, so here a
 * free (by a free node, cudaFree or cudaFreeAsync) leaves it in place */
void compat_alloc_give_graph(const void *base) {
  CompatState *g = compat_state();
  pthread_mutex_lock(&g->mu);
  int i = upper(g, base) - 1;
  if (i >= 0 && g->allocs[i].base == base) g->allocs[i].graph_owned = true;
  pthread_mutex_unlock(&g->mu);
}
