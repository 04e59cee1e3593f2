/*
 * check_heap.c — the device heap (malloc/free in kernel code) under
 * `cuwasm run --check`.
 *
 * Check-mode code allocates through cw_rt_ctx.heap_fn, so memcheck knows
 * the blocks kernels allocate and does not report accesses to them as
 * outside every allocation.  Blocks outlive the launch that made them (a
 * later launch may use and free them), so they are kept per device in an
 * array sorted by address under the checker's mutex; an access looks
 * here only when it is outside every range its launch knew at its start,
 * and the block it finds becomes one of the thread's cached windows.  A
 * free of an address the heap did not hand out is reported and not
 * passed to free() (which would corrupt the host's heap).  Normal
 * launches call malloc and free directly and pay nothing.
 */
#include "cpu_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Index of the first block starting above p. */
static size_t upper(const CpuChecker *c, const unsigned char *p) {
  return cpu_ranges_upper(c->heap, c->nheap, p);
}

static void *heap_malloc(CpuChecker *c, uint64_t size) {
  void *p = malloc(size ? (size_t)size : 1);
  if (!p) return NULL;
  pthread_mutex_lock(&c->mu);
  if (c->nheap == c->heap_cap) {
    size_t cap = c->heap_cap ? c->heap_cap * 2 : 64;
    CpuCheckRange *grown = realloc(c->heap, cap * sizeof *grown);
    if (!grown) { /* untracked: its accesses will be reported, never lost */
      pthread_mutex_unlock(&c->mu);
      return p;
    }
    c->heap = grown;
    c->heap_cap = cap;
  }
  size_t i = upper(c, p);
  memmove(c->heap + i + 1, c->heap + i, (c->nheap - i) * sizeof *c->heap);
  c->heap[i] = (CpuCheckRange){p, (size_t)size, "device heap block (malloc in a kernel)", NULL, NULL};
  c->nheap++;
  pthread_mutex_unlock(&c->mu);
  return p;
}

/* False when p is no block of the heap. */
static bool heap_free(CpuChecker *c, void *p) {
  pthread_mutex_lock(&c->mu);
  size_t i = upper(c, p);
  bool found = i > 0 && c->heap[i - 1].lo == (const unsigned char *)p;
  if (found) {
    memmove(c->heap + i - 1, c->heap + i, (c->nheap - i) * sizeof *c->heap);
    c->nheap--;
  }
  pthread_mutex_unlock(&c->mu);
  if (found) free(p);
  return found;
}

void *cpu_heap_plain(cw_rt_ctx *ctx, void *p, uint64_t size) {
  (void)ctx;
  if (!p) return malloc((size_t)size);
  free(p);
  return NULL;
}

void *cpu_check_heap(cw_rt_ctx *ctx, void *p, uint64_t size) {
  CpuCheck *k = cpu_launch_check(ctx->host);
  if (!k) return cpu_heap_plain(ctx, p, size);
  if (!p) return heap_malloc(k->dev, size);
  if (!heap_free(k->dev, p)) cpu_check_bad_free(k, ctx, p);
  return NULL;
}

bool cpu_check_heap_holds(CpuChecker *c, const unsigned char *p, uint32_t size,
                          const unsigned char **lo, const unsigned char **hi) {
  pthread_mutex_lock(&c->mu);
  size_t i = upper(c, p);
  bool inside = i > 0 && p + size <= c->heap[i - 1].lo + c->heap[i - 1].size;
  if (inside) {
    *lo = c->heap[i - 1].lo;
    *hi = *lo + c->heap[i - 1].size;
  }
  pthread_mutex_unlock(&c->mu);
  return inside;
}

void cpu_check_heap_release(CpuChecker *c) {
  for (size_t i = 0; i < c->nheap; i++) free((void *)c->heap[i].lo);
  free(c->heap);
  c->heap = NULL;
  c->nheap = c->heap_cap = 0;
}

bool cpu_check_heap_near(CpuChecker *c, const unsigned char *p, char *buf, size_t n) {
  pthread_mutex_lock(&c->mu);
  size_t i = upper(c, p);
  bool near = false;
  if (i > 0) {
    const CpuCheckRange *b = &c->heap[i - 1];
    size_t after = (size_t)(p - (b->lo + b->size));
    near = p >= b->lo + b->size && after < 4096;
    if (near)
      snprintf(buf, n, "Address %p is %zu bytes after the end of the %zu-byte %s at %p",
               (const void *)p, after, b->size, b->name, (const void *)b->lo);
  }
  pthread_mutex_unlock(&c->mu);
  return near;
}
