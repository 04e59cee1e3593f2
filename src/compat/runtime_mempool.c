/*
 * runtime_mempool.c — stream-ordered memory pools (cudaMemPool_t).
 *
 * The runtime's caching allocator already keeps freed device memory for
 * reuse, which is what a CUDA pool does; so a pool here is a small object
 * that remembers its attributes (release threshold, usage counters are
 * reported as zero) and allocations from any pool are ordinary device
 * allocations.  One default pool per device (there is one device).
 */
#include "compat/compat.h"

#include <stdlib.h>
#include <string.h>

struct CUmemPoolHandle_st {
  struct cudaMemPoolProps props;
  unsigned long long threshold;
  int reuse[3];
  bool is_default;
};

static struct CUmemPoolHandle_st default_pool = {.is_default = true, .reuse = {1, 1, 1}};
static cudaMemPool_t current_pool = &default_pool;

cudaError_t cudaDeviceGetDefaultMemPool(cudaMemPool_t *pool, int device) {
  if (!pool) return compat_ret(cudaErrorInvalidValue);
  if (device != 0) return compat_ret(cudaErrorInvalidDevice);
  *pool = &default_pool;
  return cudaSuccess;
}

cudaError_t cudaDeviceGetMemPool(cudaMemPool_t *pool, int device) {
  if (!pool) return compat_ret(cudaErrorInvalidValue);
  if (device != 0) return compat_ret(cudaErrorInvalidDevice);
  *pool = current_pool;
  return cudaSuccess;
}

cudaError_t cudaDeviceSetMemPool(int device, cudaMemPool_t pool) {
  if (!pool) return compat_ret(cudaErrorInvalidValue);
  if (device != 0) return compat_ret(cudaErrorInvalidDevice);
  current_pool = pool;
  return cudaSuccess;
}

cudaError_t cudaMemPoolCreate(cudaMemPool_t *pool, const struct cudaMemPoolProps *props) {
  if (!pool || !props || props->allocType != cudaMemAllocationTypePinned)
    return compat_ret(cudaErrorInvalidValue);
  struct CUmemPoolHandle_st *p = calloc(1, sizeof *p);
  if (!p) return compat_ret(cudaErrorMemoryAllocation);
  p->props = *props;
  p->reuse[0] = p->reuse[1] = p->reuse[2] = 1;
  *pool = p;
  return cudaSuccess;
}

cudaError_t cudaMemPoolDestroy(cudaMemPool_t pool) {
  if (!pool || pool->is_default) return compat_ret(cudaErrorInvalidValue);
  if (current_pool == pool) current_pool = &default_pool;
  free(pool);
  return cudaSuccess;
}

/* attributes 1-3 are ints, 4-8 unsigned 64-bit */
static cudaError_t pool_attr(cudaMemPool_t pool, enum cudaMemPoolAttr attr, void *value,
                             bool set) {
  if (!pool || !value) return compat_ret(cudaErrorInvalidValue);
  if (attr >= cudaMemPoolReuseFollowEventDependencies &&
      attr <= cudaMemPoolReuseAllowInternalDependencies) {
    int *slot = &pool->reuse[attr - 1];
    if (set) *slot = *(int *)value;
    else *(int *)value = *slot;
    return cudaSuccess;
  }
  if (attr == cudaMemPoolAttrReleaseThreshold) {
    if (set) pool->threshold = *(unsigned long long *)value;
    else *(unsigned long long *)value = pool->threshold;
    return cudaSuccess;
  }
  if (attr < cudaMemPoolAttrReservedMemCurrent || attr > cudaMemPoolAttrUsedMemHigh)
    return compat_ret(cudaErrorInvalidValue);
  if (!set) *(unsigned long long *)value = 0; /* usage is not tracked per pool */
  return cudaSuccess;
}

cudaError_t cudaMemPoolSetAttribute(cudaMemPool_t pool, enum cudaMemPoolAttr attr, void *value) {
  return pool_attr(pool, attr, value, true);
}

cudaError_t cudaMemPoolGetAttribute(cudaMemPool_t pool, enum cudaMemPoolAttr attr, void *value) {
  return pool_attr(pool, attr, value, false);
}

cudaError_t cudaMemPoolTrimTo(cudaMemPool_t pool, size_t keep) {
  (void)keep;
  return pool ? cudaSuccess : compat_ret(cudaErrorInvalidValue);
}

cudaError_t cudaMallocFromPoolAsync(void **p, size_t size, cudaMemPool_t pool, cudaStream_t s) {
  if (!pool) return compat_ret(cudaErrorInvalidValue);
  return cudaMallocAsync(p, size, s);
}
