/*
 * mempool.c — a caching allocator in front of the backend's allocator.
 *
 * Sizes are rounded up to a power of two (at least 256 bytes) so that a
 * freed block fits the next request of a similar size; freed blocks are
 * kept (up to 1 GiB per context) and handed out again first-fit among
 * blocks of the same class, so that the alloc/free churn of typical CUDA
 * programs costs a mutex, not a system call.  In check mode (CUWASM_CHECK)
 * nothing is rounded or kept: memcheck sees every allocation's real size
 * and every free.
 */
#include "rt_internal.h"

#include <stdlib.h>

enum { POOL_MIN = 256 };
static const size_t POOL_MAX_CACHED = (size_t)1 << 30;

void mempool_init(MemPool *p) {
  *p = (MemPool){0};
  pthread_mutex_init(&p->mu, NULL);
}

static size_t size_class(size_t n) {
  size_t c = POOL_MIN;
  while (c < n && c < ((size_t)1 << 62)) c <<= 1;
  return c;
}

void *mempool_get(cw_context *ctx, size_t n, size_t *cap) {
  MemPool *p = &ctx->pool;
  if (ctx->checking) { /* memcheck needs exact sizes and no reuse */
    void *ptr = NULL;
    if (ctx->ops->mem_alloc(ctx->dev, n ? n : 1, &ptr) != CW_OK) return NULL;
    *cap = n;
    return ptr;
  }
  size_t c = size_class(n);
  pthread_mutex_lock(&p->mu);
  for (int i = 0; i < p->nfree; i++) {
    if (p->free_size[i] != c) continue;
    void *ptr = p->free_ptr[i];
    p->free_ptr[i] = p->free_ptr[p->nfree - 1];
    p->free_size[i] = p->free_size[p->nfree - 1];
    p->nfree--;
    p->cached_bytes -= c;
    pthread_mutex_unlock(&p->mu);
    *cap = c;
    return ptr;
  }
  pthread_mutex_unlock(&p->mu);
  void *ptr = NULL;
  if (ctx->ops->mem_alloc(ctx->dev, c, &ptr) != CW_OK) return NULL;
  *cap = c;
  return ptr;
}

static bool grow(MemPool *p) {
  int cap = p->capfree ? p->capfree * 2 : 64;
  void **np = realloc(p->free_ptr, sizeof(void *) * (size_t)cap);
  if (!np) return false;
  p->free_ptr = np;
  size_t *ns = realloc(p->free_size, sizeof(size_t) * (size_t)cap);
  if (!ns) return false;
  p->free_size = ns;
  p->capfree = cap;
  return true;
}

void mempool_put(cw_context *ctx, void *ptr, size_t cap) {
  MemPool *p = &ctx->pool;
  if (ctx->checking) {
    ctx->ops->mem_free(ctx->dev, ptr);
    return;
  }
  pthread_mutex_lock(&p->mu);
  bool keep = p->cached_bytes + cap <= POOL_MAX_CACHED &&
              (p->nfree < p->capfree || grow(p));
  if (keep) {
    p->free_ptr[p->nfree] = ptr;
    p->free_size[p->nfree++] = cap;
    p->cached_bytes += cap;
  }
  pthread_mutex_unlock(&p->mu);
  if (!keep) ctx->ops->mem_free(ctx->dev, ptr);
}

void mempool_release(cw_context *ctx) {
  MemPool *p = &ctx->pool;
  for (int i = 0; i < p->nfree; i++) ctx->ops->mem_free(ctx->dev, p->free_ptr[i]);
  free(p->free_ptr);
  free(p->free_size);
  pthread_mutex_destroy(&p->mu);
  *p = (MemPool){0};
}
