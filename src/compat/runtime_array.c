/*
 * runtime_array.c — CUDA arrays: device memory with a channel format and
 * 1-, 2- or 3-D extent, and the copies into and out of them.
 *
 * An array is tightly pitched linear device memory (row pitch = width x
 * element size), so copies reuse the checked 2-D copies of
 * runtime_memory.c, and texture objects (runtime_texture.c) read it like
 * any pitched image.  Offsets within an array are bytes in x (wOffset) as
 * CUDA's cudaMemcpy*Array calls define them.
 */
#include "compat/compat.h"

#include <stdlib.h>

struct cudaChannelFormatDesc cudaCreateChannelDesc(int x, int y, int z, int w,
                                                   enum cudaChannelFormatKind f) {
  struct cudaChannelFormatDesc d = {x, y, z, w, f};
  return d;
}

static size_t elem_size(const struct cudaChannelFormatDesc *d) {
  int bits = d->x + d->y + d->z + d->w;
  return bits % 8 ? 0 : (size_t)bits / 8;
}

static cudaError_t make_array(cudaArray_t *out, const struct cudaChannelFormatDesc *desc,
                              size_t w, size_t h, size_t d, unsigned flags) {
  if (!out || !desc || !w || !elem_size(desc)) return compat_ret(cudaErrorInvalidValue);
  struct cudaArray *a = calloc(1, sizeof *a);
  if (!a) return compat_ret(cudaErrorMemoryAllocation);
  a->desc = *desc;
  a->elem = elem_size(desc);
  a->w = w, a->h = h, a->d = d, a->flags = flags;
  a->pitch = w * a->elem;
  cudaError_t err = cudaMalloc(&a->data, a->pitch * (h ? h : 1) * (d ? d : 1));
  if (err != cudaSuccess) {
    free(a);
    return err;
  }
  *out = a;
  return cudaSuccess;
}

cudaError_t cudaMallocArray(cudaArray_t *array, const struct cudaChannelFormatDesc *desc,
                            size_t width, size_t height, unsigned int flags) {
  return make_array(array, desc, width, height, 0, flags);
}

cudaError_t cudaMalloc3DArray(cudaArray_t *array, const struct cudaChannelFormatDesc *desc,
                              struct cudaExtent e, unsigned int flags) {
  return make_array(array, desc, e.width, e.height, e.depth, flags);
}

cudaError_t cudaFreeArray(cudaArray_t a) {
  if (!a) return cudaSuccess;
  cudaError_t err = cudaFree(a->data);
  free(a);
  return err;
}

cudaError_t cudaArrayGetInfo(struct cudaChannelFormatDesc *desc, struct cudaExtent *e,
                             unsigned int *flags, cudaArray_t a) {
  if (!a) return compat_ret(cudaErrorInvalidValue);
  if (desc) *desc = a->desc;
  if (e) e->width = a->w, e->height = a->h, e->depth = a->d;
  if (flags) *flags = a->flags;
  return cudaSuccess;
}

cudaError_t compat_array_side(cudaArray_t a, void **base, size_t *pitch, size_t *rows,
                              size_t *elem) {
  if (!a) return cudaErrorInvalidValue;
  *base = a->data;
  *pitch = a->pitch;
  *rows = a->h ? a->h : 1;
  *elem = a->elem;
  return cudaSuccess;
}

static char *array_at(cudaArray_const_t a, size_t woff, size_t hoff) {
  return (char *)a->data + hoff * a->pitch + woff;
}

cudaError_t cudaMemcpy2DToArray(cudaArray_t dst, size_t woff, size_t hoff, const void *src,
                                size_t spitch, size_t width, size_t height,
                                enum cudaMemcpyKind kind) {
  if (!dst || woff + width > dst->pitch) return compat_ret(cudaErrorInvalidValue);
  return cudaMemcpy2D(array_at(dst, woff, hoff), dst->pitch, src, spitch, width, height, kind);
}

cudaError_t cudaMemcpy2DFromArray(void *dst, size_t dpitch, cudaArray_const_t src, size_t woff,
                                  size_t hoff, size_t width, size_t height,
                                  enum cudaMemcpyKind kind) {
  if (!src || woff + width > src->pitch) return compat_ret(cudaErrorInvalidValue);
  return cudaMemcpy2D(dst, dpitch, array_at(src, woff, hoff), src->pitch, width, height, kind);
}

/* the deprecated 1-D forms: count bytes from (wOffset, hOffset) on, row by row */
cudaError_t cudaMemcpyToArray(cudaArray_t dst, size_t woff, size_t hoff, const void *src,
                              size_t count, enum cudaMemcpyKind kind) {
  if (!dst) return compat_ret(cudaErrorInvalidValue);
  size_t total = dst->pitch * (dst->h ? dst->h : 1) * (dst->d ? dst->d : 1);
  if (hoff * dst->pitch + woff + count > total) return compat_ret(cudaErrorInvalidValue);
  return cudaMemcpy(array_at(dst, woff, hoff), src, count, kind);
}

cudaError_t cudaMemcpyFromArray(void *dst, cudaArray_const_t src, size_t woff, size_t hoff,
                                size_t count, enum cudaMemcpyKind kind) {
  if (!src) return compat_ret(cudaErrorInvalidValue);
  size_t total = src->pitch * (src->h ? src->h : 1) * (src->d ? src->d : 1);
  if (hoff * src->pitch + woff + count > total) return compat_ret(cudaErrorInvalidValue);
  return cudaMemcpy(dst, array_at(src, woff, hoff), count, kind);
}
