/*
 * runtime_memory.c — allocation, copies and memset of the CUDA runtime
 * API.
 *
 * Device and managed memory are runtime buffers (the caching pool);
 * pinned host memory is aligned host memory.  Every allocation enters the
 * table of runtime_alloc.c, and every copy or memset checks its device
 * side against it: a pointer that is not inside a live allocation, or a
 * size that runs past its end, gives cudaErrorInvalidValue as CUDA does.
 *
 * Blocking copies follow the legacy default stream (they wait for all
 * blocking streams).  cudaMemcpyAsync is asynchronous only when the host
 * side is pinned, as in CUDA; with pageable memory it completes before it
 * returns, so the caller may reuse the buffer.
 */
#include "compat/compat.h"

#include <stdlib.h>
#include <string.h>

/* The context, or the error every call returns (no device, or a sticky
 * error from an earlier kernel). */
static cudaError_t need_ctx(cw_context **ctx) {
  cudaError_t err;
  *ctx = compat_ctx(&err);
  return err != cudaSuccess ? err : compat_sticky();
}

static cudaError_t alloc_kind(void **p, size_t size, int kind, int type) {
  cw_context *ctx;
  cudaError_t err = need_ctx(&ctx);
  if (err != cudaSuccess) return compat_ret(err);
  if (!p) return compat_ret(cudaErrorInvalidValue);
  *p = NULL;
  if (size == 0) return cudaSuccess;
  cw_buffer *b;
  if (cw_buffer_alloc_kind(ctx, kind, size, &b) != CW_OK) return compat_ret(cudaErrorMemoryAllocation);
  err = compat_alloc_add(cw_buffer_ptr(b), size, type, b);
  if (err != cudaSuccess) {
    cw_buffer_free(b);
    return compat_ret(err);
  }
  *p = cw_buffer_ptr(b);
  return cudaSuccess;
}

cudaError_t cudaMalloc(void **p, size_t size) {
  return alloc_kind(p, size, CW_MEM_DEVICE, cudaMemoryTypeDevice);
}

cudaError_t cudaMallocManaged(void **p, size_t size, unsigned int flags) {
  if (flags != cudaMemAttachGlobal && flags != cudaMemAttachHost)
    return compat_ret(cudaErrorInvalidValue);
  return alloc_kind(p, size, CW_MEM_MANAGED, cudaMemoryTypeManaged);
}

cudaError_t cudaMallocPitch(void **p, size_t *pitch, size_t width, size_t height) {
  if (!pitch) return compat_ret(cudaErrorInvalidValue);
  *pitch = (width + 255) & ~(size_t)255;
  return cudaMalloc(p, *pitch * height);
}

cudaError_t cudaMallocAsync(void **p, size_t size, cudaStream_t s) {
  /* the pool hands out memory at once; ordering needs nothing.  Under
   * capture the memory is the graph's (see runtime_graph.c) */
  cudaError_t err = cudaMalloc(p, size);
  if (err == cudaSuccess && compat_is_capturing(s) && p && *p) compat_alloc_give_graph(*p);
  return err;
}

cudaError_t cudaFree(void *p) {
  if (!p) return cudaSuccess;
  cudaError_t st = compat_sticky();
  if (st != cudaSuccess) return st;
  const CompatAlloc *owned = compat_alloc_find(p, 0);
  if (owned && owned->base == p && owned->graph_owned) return cudaSuccess;
  CompatAlloc a;
  if (!compat_alloc_remove(p, cudaMemoryTypeDevice, &a) || !a.buf)
    return compat_ret(cudaErrorInvalidValue);
  /* waits for running work, as cudaFree does, and returns what failed in it
   * (cw_buffer_free's own wait would drop that error) */
  st = compat_sync_all();
  cw_buffer_free(a.buf);
  return compat_ret(st);
}

cudaError_t cudaFreeAsync(void *p, cudaStream_t s) {
  if (compat_is_capturing(s)) return compat_ret(compat_capture_free(s, p));
  cudaError_t e = compat_sync_stream(s);
  return e != cudaSuccess ? compat_ret(e) : cudaFree(p);
}

/* page-locked where the backend has such memory (copies run at full speed) */
cudaError_t cudaHostAlloc(void **p, size_t size, unsigned int flags) {
  (void)flags;
  return alloc_kind(p, size, CW_MEM_HOST, cudaMemoryTypeHost);
}

cudaError_t cudaMallocHost(void **p, size_t size) { return cudaHostAlloc(p, size, 0); }

cudaError_t cudaFreeHost(void *p) {
  if (!p) return cudaSuccess;
  CompatAlloc a;
  if (!compat_alloc_remove(p, cudaMemoryTypeHost, &a)) return compat_ret(cudaErrorInvalidValue);
  compat_sync_all(); /* no async copy may still read it */
  if (a.buf) cw_buffer_free(a.buf);
  else free(p);
  return cudaSuccess;
}

/* page-locked by the backend (the CUDA driver's cuMemHostRegister), so
 * that copies to and from it are asynchronous as from cudaMallocHost's */
cudaError_t cudaHostRegister(void *p, size_t size, unsigned int flags) {
  (void)flags;
  if (!p || !size) return compat_ret(cudaErrorInvalidValue);
  if (compat_alloc_find(p, 1)) return compat_ret(cudaErrorHostMemoryAlreadyRegistered);
  cw_context *ctx;
  cudaError_t err = need_ctx(&ctx);
  if (err != cudaSuccess) return compat_ret(err);
  cw_status st = cw_host_register(ctx, p, size);
  if (st != CW_OK) return compat_ret(compat_from_status(st, cw_last_error_message(ctx)));
  err = compat_alloc_add(p, size, 5 /* registered host */, NULL);
  if (err != cudaSuccess) cw_host_unregister(ctx, p);
  return compat_ret(err);
}

cudaError_t cudaHostUnregister(void *p) {
  CompatAlloc a;
  if (!compat_alloc_remove(p, 5, &a)) return compat_ret(cudaErrorHostMemoryNotRegistered);
  cw_context *ctx;
  if (need_ctx(&ctx) == cudaSuccess) cw_host_unregister(ctx, p);
  return cudaSuccess;
}

cudaError_t cudaHostGetDevicePointer(void **dev, void *host, unsigned int flags) {
  if (!dev || flags) return compat_ret(cudaErrorInvalidValue);
  int k = compat_alloc_kind(host);
  if (k != cudaMemoryTypeHost && k != 5) return compat_ret(cudaErrorInvalidValue);
  *dev = host; /* the CPU backend shares the address space */
  return cudaSuccess;
}

cudaError_t cudaPointerGetAttributes(struct cudaPointerAttributes *a, const void *p) {
  if (!a) return compat_ret(cudaErrorInvalidValue);
  memset(a, 0, sizeof *a);
  int k = compat_alloc_kind(p);
  a->type = k == 5 ? cudaMemoryTypeHost : (enum cudaMemoryType)k;
  a->device = k == cudaMemoryTypeUnregistered ? cudaInvalidDeviceId : 0;
  if (k != cudaMemoryTypeUnregistered) a->devicePointer = (void *)p;
  if (k != cudaMemoryTypeDevice) a->hostPointer = (void *)p;
  return cudaSuccess;
}

/* ---- copies ------------------------------------------------------------- */

static bool is_dev(const void *p, size_t n) {
  const CompatAlloc *a = compat_alloc_find(p, n);
  return a && (a->kind == cudaMemoryTypeDevice || a->kind == cudaMemoryTypeManaged);
}

/* The device side(s) of a copy must lie inside live allocations. */
static cudaError_t check_copy(void *dst, const void *src, size_t n, enum cudaMemcpyKind kind) {
  if ((unsigned)kind > cudaMemcpyDefault) return cudaErrorInvalidMemcpyDirection;
  if (n == 0) return cudaSuccess;
  if (!dst || !src) return cudaErrorInvalidValue;
  bool dd = kind == cudaMemcpyHostToDevice || kind == cudaMemcpyDeviceToDevice;
  bool sd = kind == cudaMemcpyDeviceToHost || kind == cudaMemcpyDeviceToDevice;
  if (dd && !is_dev(dst, n)) return cudaErrorInvalidValue;
  if (sd && !is_dev(src, n)) return cudaErrorInvalidValue;
  if (kind == cudaMemcpyDefault) { /* a pointer in a table entry must fit in it */
    if (compat_alloc_find(dst, 0) && !compat_alloc_find(dst, n)) return cudaErrorInvalidValue;
    if (compat_alloc_find(src, 0) && !compat_alloc_find(src, n)) return cudaErrorInvalidValue;
  }
  return cudaSuccess;
}

static cudaError_t copy_now(void *dst, const void *src, size_t n) {
  cw_context *ctx = compat_state()->ctx;
  cw_status st = cw_memcpy_dtod(ctx, dst, src, n);
  return st == CW_OK ? cudaSuccess : compat_from_status(st, cw_last_error_message(ctx));
}

cudaError_t cudaMemcpy(void *dst, const void *src, size_t n, enum cudaMemcpyKind kind) {
  cw_context *ctx;
  cudaError_t err = need_ctx(&ctx);
  if (err == cudaSuccess) err = check_copy(dst, src, n, kind);
  if (err == cudaSuccess) err = compat_order_before(0);
  if (err == cudaSuccess) err = compat_sync_stream(0);
  if (err == cudaSuccess && n) err = copy_now(dst, src, n);
  return compat_ret(err);
}

static bool pinned(const void *p) {
  int k = compat_alloc_kind(p);
  return k != cudaMemoryTypeUnregistered;
}

cudaError_t cudaMemcpyAsync(void *dst, const void *src, size_t n, enum cudaMemcpyKind kind,
                            cudaStream_t s) {
  cw_context *ctx;
  cudaError_t err = need_ctx(&ctx);
  if (err == cudaSuccess) err = check_copy(dst, src, n, kind);
  if (err != cudaSuccess || n == 0) return compat_ret(err);
  if (compat_is_capturing(s)) return compat_ret(compat_capture_copy(s, dst, src, n));
  err = compat_order_before(s);
  if (err != cudaSuccess) return compat_ret(err);
  if (!pinned(dst) || !pinned(src)) { /* pageable: staged, so synchronous */
    err = compat_sync_stream(s);
    return compat_ret(err == cudaSuccess ? copy_now(dst, src, n) : err);
  }
  cw_status st = cw_memcpy_async(ctx, dst, src, n, compat_stream(s));
  return compat_ret(st == CW_OK ? cudaSuccess : cudaErrorInvalidValue);
}

static cudaError_t copy2d(void *dst, size_t dp, const void *src, size_t sp, size_t w,
                          size_t h, enum cudaMemcpyKind kind, cudaStream_t s, bool async) {
  if (w > dp || w > sp) return compat_ret(cudaErrorInvalidPitchValue);
  if (h == 0 || w == 0) return cudaSuccess;
  size_t dspan = dp * (h - 1) + w, sspan = sp * (h - 1) + w;
  cudaError_t err = check_copy(dst, src, dspan < sspan ? dspan : sspan, kind);
  if (err == cudaSuccess) err = check_copy(dst, src, 0, kind);
  if (err == cudaSuccess && kind != cudaMemcpyHostToHost && kind != cudaMemcpyDefault) {
    bool dd = kind == cudaMemcpyHostToDevice || kind == cudaMemcpyDeviceToDevice;
    bool sd = kind == cudaMemcpyDeviceToHost || kind == cudaMemcpyDeviceToDevice;
    if ((dd && !is_dev(dst, dspan)) || (sd && !is_dev(src, sspan))) err = cudaErrorInvalidValue;
  }
  for (size_t r = 0; err == cudaSuccess && r < h; r++)
    err = async ? cudaMemcpyAsync((char *)dst + r * dp, (const char *)src + r * sp, w, kind, s)
                : cudaMemcpy((char *)dst + r * dp, (const char *)src + r * sp, w, kind);
  return compat_ret(err);
}

cudaError_t cudaMemcpy2D(void *dst, size_t dp, const void *src, size_t sp, size_t w, size_t h,
                         enum cudaMemcpyKind kind) {
  return copy2d(dst, dp, src, sp, w, h, kind, 0, false);
}

cudaError_t cudaMemcpy2DAsync(void *dst, size_t dp, const void *src, size_t sp, size_t w,
                              size_t h, enum cudaMemcpyKind kind, cudaStream_t s) {
  return copy2d(dst, dp, src, sp, w, h, kind, s, true);
}

cudaError_t cudaMemcpyPeer(void *dst, int dd, const void *src, int sd, size_t n) {
  if (dd != 0 || sd != 0) return compat_ret(cudaErrorInvalidDevice);
  return cudaMemcpy(dst, src, n, cudaMemcpyDeviceToDevice);
}

cudaError_t cudaMemcpyPeerAsync(void *dst, int dd, const void *src, int sd, size_t n,
                                cudaStream_t s) {
  if (dd != 0 || sd != 0) return compat_ret(cudaErrorInvalidDevice);
  return cudaMemcpyAsync(dst, src, n, cudaMemcpyDeviceToDevice, s);
}

/* ---- memset ------------------------------------------------------------- */

cudaError_t cudaMemsetAsync(void *p, int v, size_t n, cudaStream_t s) {
  cw_context *ctx;
  cudaError_t err = need_ctx(&ctx);
  if (err != cudaSuccess || n == 0) return compat_ret(err);
  if (!is_dev(p, n)) return compat_ret(cudaErrorInvalidValue);
  if (compat_is_capturing(s)) return compat_ret(compat_capture_fill(s, p, v, n));
  err = compat_order_before(s);
  if (err == cudaSuccess) err = compat_sync_stream(s);
  if (err == cudaSuccess && cw_memset(ctx, p, v, n) != CW_OK) err = cudaErrorInvalidValue;
  return compat_ret(err);
}

cudaError_t cudaMemset(void *p, int v, size_t n) { return cudaMemsetAsync(p, v, n, 0); }

cudaError_t cudaMemset2D(void *p, size_t pitch, int v, size_t w, size_t h) {
  if (w > pitch) return compat_ret(cudaErrorInvalidPitchValue);
  cudaError_t err = cudaSuccess;
  for (size_t r = 0; err == cudaSuccess && r < h; r++) err = cudaMemset((char *)p + r * pitch, v, w);
  return err;
}

cudaError_t cudaMemPrefetchAsync(const void *p, size_t n, int dev, cudaStream_t s) {
  (void)s;
  if (dev != 0 && dev != cudaCpuDeviceId) return compat_ret(cudaErrorInvalidDevice);
  const CompatAlloc *a = compat_alloc_find(p, n);
  if (!a || a->kind != cudaMemoryTypeManaged) return compat_ret(cudaErrorInvalidValue);
  return cudaSuccess; /* one address space: nothing to move */
}

static int location_device(struct cudaMemLocation loc) {
  if (loc.type == cudaMemLocationTypeDevice) return loc.id;
  if (loc.type == cudaMemLocationTypeHost || loc.type == cudaMemLocationTypeHostNuma ||
      loc.type == cudaMemLocationTypeHostNumaCurrent)
    return cudaCpuDeviceId;
  return cudaInvalidDeviceId;
}

cudaError_t cudaMemPrefetchAsync_v2(const void *p, size_t n, struct cudaMemLocation loc,
                                    unsigned int flags, cudaStream_t s) {
  if (flags) return compat_ret(cudaErrorInvalidValue);
  return cudaMemPrefetchAsync(p, n, location_device(loc), s);
}

/* advice is a hint about placement; with one address space there is
 * nothing to act on, but the range and device are checked as CUDA does */
cudaError_t cudaMemAdvise(const void *p, size_t n, enum cudaMemoryAdvise advice, int dev) {
  if (advice < cudaMemAdviseSetReadMostly || advice > cudaMemAdviseUnsetAccessedBy)
    return compat_ret(cudaErrorInvalidValue);
  bool needs_dev = advice != cudaMemAdviseSetReadMostly && advice != cudaMemAdviseUnsetReadMostly;
  if (needs_dev && dev != 0 && dev != cudaCpuDeviceId) return compat_ret(cudaErrorInvalidDevice);
  const CompatAlloc *a = compat_alloc_find(p, n);
  if (!a || a->kind != cudaMemoryTypeManaged) return compat_ret(cudaErrorInvalidValue);
  return cudaSuccess;
}

cudaError_t cudaMemAdvise_v2(const void *p, size_t n, enum cudaMemoryAdvise advice,
                             struct cudaMemLocation loc) {
  return cudaMemAdvise(p, n, advice, location_device(loc));
}
