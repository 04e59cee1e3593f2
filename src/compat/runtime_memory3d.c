/*
 * runtime_memory3d.c — pitched 3-D memory: cudaMalloc3D, cudaMemcpy3D
 * (linear memory and CUDA arrays), cudaMemset3D.
 *
 * A 3-D copy is a stack of 2-D copies, one per slice, through the checked
 * 2-D copy of runtime_memory.c, so a pointer outside its allocation gives
 * the same errors as there.  A CUDA array side is seen as the pitched
 * linear memory that holds it (runtime_array.c), with positions and the
 * extent's width in elements instead of bytes, as CUDA defines them; an
 * array that is also the driver's (CUDA backend) is pulled before and
 * pushed after, in order with the host.
 */
#include "compat/compat.h"

/* one side of a copy as pitched bytes: (ptr, pitch, rows per slice), and
 * the position turned into a byte offset */
typedef struct Side {
  char *base;
  size_t pitch, rows;
  size_t elem; /* 1 for linear memory, the element size for an array */
} Side;

static cudaError_t side_of(cudaArray_t arr, struct cudaPitchedPtr pp, Side *s) {
  if (arr) return compat_array_side(arr, (void **)&s->base, &s->pitch, &s->rows, &s->elem);
  s->base = pp.ptr;
  s->pitch = pp.pitch;
  s->rows = pp.ysize;
  s->elem = 1;
  return s->base || !pp.pitch ? cudaSuccess : cudaErrorInvalidValue;
}

static char *at(const Side *s, struct cudaPos p) {
  return s->base + (p.z * s->rows + p.y) * s->pitch + p.x * s->elem;
}

static cudaError_t copy3d(const struct cudaMemcpy3DParms *p, cudaStream_t st, bool async) {
  if (!p || (p->srcArray && p->srcPtr.ptr) || (p->dstArray && p->dstPtr.ptr))
    return compat_ret(cudaErrorInvalidValue);
  Side s, d;
  cudaError_t err = side_of(p->srcArray, p->srcPtr, &s);
  if (err == cudaSuccess) err = side_of(p->dstArray, p->dstPtr, &d);
  if (err != cudaSuccess) return compat_ret(err);
  /* an array of the driver (runtime_array.c): staged in order, not async */
  if ((p->srcArray && p->srcArray->device_array) || (p->dstArray && p->dstArray->device_array)) {
    if (async && (err = cudaStreamSynchronize(st)) != cudaSuccess) return err;
    async = false;
    if ((err = compat_array_pull(p->srcArray)) != cudaSuccess ||
        (err = compat_array_pull(p->dstArray)) != cudaSuccess)
      return compat_ret(err);
  }
  size_t elem = p->srcArray ? s.elem : d.elem;
  size_t w = p->extent.width * elem;
  for (size_t z = 0; z < p->extent.depth && err == cudaSuccess; z++) {
    struct cudaPos sp = p->srcPos, dp = p->dstPos;
    sp.z += z, dp.z += z;
    err = async ? cudaMemcpy2DAsync(at(&d, dp), d.pitch, at(&s, sp), s.pitch, w,
                                    p->extent.height, p->kind, st)
                : cudaMemcpy2D(at(&d, dp), d.pitch, at(&s, sp), s.pitch, w, p->extent.height,
                               p->kind);
  }
  if (err == cudaSuccess) err = compat_ret(compat_array_push(p->dstArray));
  return err;
}

cudaError_t cudaMemcpy3D(const struct cudaMemcpy3DParms *p) { return copy3d(p, 0, false); }

cudaError_t cudaMemcpy3DAsync(const struct cudaMemcpy3DParms *p, cudaStream_t s) {
  return copy3d(p, s, true);
}

cudaError_t cudaMalloc3D(struct cudaPitchedPtr *pp, struct cudaExtent e) {
  if (!pp) return compat_ret(cudaErrorInvalidValue);
  size_t pitch = (e.width + 255) & ~(size_t)255;
  size_t slices = e.depth ? e.depth : 1;
  cudaError_t err = cudaMalloc(&pp->ptr, pitch * (e.height ? e.height : 1) * slices);
  pp->pitch = pitch;
  pp->xsize = e.width;
  pp->ysize = e.height;
  return err;
}

cudaError_t cudaMemset3D(struct cudaPitchedPtr pp, int value, struct cudaExtent e) {
  cudaError_t err = cudaSuccess;
  for (size_t z = 0; z < e.depth && err == cudaSuccess; z++)
    err = cudaMemset2D((char *)pp.ptr + z * pp.pitch * pp.ysize, pp.pitch, value, e.width,
                       e.height);
  return err;
}
