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
#include <string.h>

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
  /* the CUDA backend reads 2-D arrays as pitched textures, whose pitch the
   * driver wants aligned (32 bytes on current GPUs; 512 covers all) */
  cudaError_t err0;
  cw_context *ctx = compat_ctx(&err0);
  if (ctx && !strcmp(cw_context_backend(ctx), "cuda")) a->pitch = (a->pitch + 511) & ~(size_t)511;
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
  if (!dst || woff + width > dst->w * dst->elem) return compat_ret(cudaErrorInvalidValue);
  return cudaMemcpy2D(array_at(dst, woff, hoff), dst->pitch, src, spitch, width, height, kind);
}

cudaError_t cudaMemcpy2DFromArray(void *dst, size_t dpitch, cudaArray_const_t src, size_t woff,
                                  size_t hoff, size_t width, size_t height,
                                  enum cudaMemcpyKind kind) {
  if (!src || woff + width > src->w * src->elem) return compat_ret(cudaErrorInvalidValue);
  return cudaMemcpy2D(dst, dpitch, array_at(src, woff, hoff), src->pitch, width, height, kind);
}

/* the deprecated 1-D forms: count bytes from (wOffset, hOffset) on, row by
 * row through the array's rows of width x element bytes (the pitch can be
 * wider: see make_array); `mem` is the other side's memory, read when
 * to_array, written otherwise */
static cudaError_t copy_rows(cudaArray_const_t a, size_t woff, size_t hoff, void *mem,
                             size_t count, bool to_array, enum cudaMemcpyKind kind) {
  if (!a) return compat_ret(cudaErrorInvalidValue);
  size_t row = a->w * a->elem, rows = (a->h ? a->h : 1) * (a->d ? a->d : 1);
  if (woff > row || hoff * row + woff + count > row * rows)
    return compat_ret(cudaErrorInvalidValue);
  char *at = array_at(a, woff, hoff), *m = mem;
  if (a->pitch == row || woff + count <= row)
    return to_array ? cudaMemcpy(at, m, count, kind) : cudaMemcpy(m, at, count, kind);
  size_t head = row - woff; /* the rest of the first row, then whole rows, then a tail */
  size_t full = (count - head) / row, tail = count - head - full * row;
  char *next = at + (a->pitch - woff);
  cudaError_t err = to_array ? cudaMemcpy(at, m, head, kind) : cudaMemcpy(m, at, head, kind);
  if (err == cudaSuccess && full)
    err = to_array ? cudaMemcpy2D(next, a->pitch, m + head, row, row, full, kind)
                   : cudaMemcpy2D(m + head, row, next, a->pitch, row, full, kind);
  char *last = next + full * a->pitch, *mlast = m + head + full * row;
  if (err == cudaSuccess && tail)
    err = to_array ? cudaMemcpy(last, mlast, tail, kind) : cudaMemcpy(mlast, last, tail, kind);
  return err;
}

cudaError_t cudaMemcpyToArray(cudaArray_t dst, size_t woff, size_t hoff, const void *src,
                              size_t count, enum cudaMemcpyKind kind) {
  return copy_rows(dst, woff, hoff, (void *)src, count, true, kind);
}

cudaError_t cudaMemcpyFromArray(void *dst, cudaArray_const_t src, size_t woff, size_t hoff,
                                size_t count, enum cudaMemcpyKind kind) {
  return copy_rows(src, woff, hoff, dst, count, false, kind);
}
