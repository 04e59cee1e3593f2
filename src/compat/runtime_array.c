/*
 * runtime_array.c — CUDA arrays: device memory with a channel format and
 * 1-, 2- or 3-D extent, and the copies into and out of them.
 *
 * An array is tightly pitched linear device memory (row pitch = width x
 * element size), so copies reuse the checked 2-D copies of
 * runtime_memory.c, and texture objects (runtime_texture.c) read it like
 * any pitched image.  Offsets within an array are bytes in x (wOffset) as
 * CUDA's cudaMemcpy*Array calls define them.
 *
 * On the CUDA backend, textures over 1-D and 3-D arrays and surfaces need
 * arrays of the driver itself (the GPU's texture layout), so those arrays
 * are made there too (cw_array_create) and the pitched memory becomes the
 * staging side of every copy: a copy into the array lands in it and is
 * then pushed whole to the driver's array; every copy first pulls the
 * driver's array back (what kernels wrote through surfaces), one
 * device-side cuMemcpy3D each way.
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

/* the channel format as the driver's array wants it: every channel of one
 * size of 8, 16 or 32 bits (32 for float) */
static bool device_format(const struct cudaChannelFormatDesc *d, cw_array_desc *out) {
  int bits = d->x, n = (d->x > 0) + (d->y > 0) + (d->z > 0) + (d->w > 0);
  if (n == 0 || n == 3 || (d->y && d->y != bits) || (d->z && d->z != bits) ||
      (d->w && d->w != bits) || (bits != 8 && bits != 16 && bits != 32) ||
      d->f > cudaChannelFormatKindFloat || (d->f == cudaChannelFormatKindFloat && bits != 32))
    return false;
  out->channels = n, out->bytes = bits / 8, out->kind = (int)d->f;
  return true;
}

/* the driver's array for `a` on the CUDA backend, where textures or
 * surfaces need one (see the top of this file) */
static cudaError_t make_device_array(cw_context *ctx, struct cudaArray *a) {
  if (!(a->flags & cudaArraySurfaceLoadStore) && a->h && !a->d) return cudaSuccess;
  if (a->flags & ~(unsigned)(cudaArraySurfaceLoadStore | cudaArrayTextureGather)) {
    compat_set_message("cuwasm: CUDA arrays with flags 0x%x (layered, cubemap, ...) are "
                       "supported on the CPU backend only (this is 'cuda')", a->flags);
    return cudaErrorNotSupported;
  }
  cw_array_desc *x = &a->device_desc;
  if (!device_format(&a->desc, x)) return cudaErrorInvalidChannelDescriptor;
  x->width = a->w, x->height = a->h, x->depth = a->d;
  x->surface = (a->flags & cudaArraySurfaceLoadStore) != 0;
  if (cw_array_create(ctx, x, &a->device_array) != CW_OK) {
    compat_set_message("cuwasm: cudaMalloc3DArray: %s", cw_last_error_message(ctx));
    return cudaErrorMemoryAllocation;
  }
  return cudaSuccess;
}

static cudaError_t sync_device_array(cudaArray_const_t a, bool to_array) {
  if (!a || !a->device_array) return cudaSuccess;
  cudaError_t err;
  cw_context *ctx = compat_ctx(&err);
  if (!ctx) return err;
  if (cw_array_copy(ctx, a->device_array, &a->device_desc, a->data, a->pitch, to_array) !=
      CW_OK) {
    compat_set_message("cuwasm: copy %s a CUDA array: %s", to_array ? "into" : "out of",
                       cw_last_error_message(ctx));
    return cudaErrorInvalidValue;
  }
  return cudaSuccess;
}

cudaError_t compat_array_push(cudaArray_const_t a) { return sync_device_array(a, true); }
cudaError_t compat_array_pull(cudaArray_const_t a) { return sync_device_array(a, false); }

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
  if (err == cudaSuccess && ctx && !strcmp(cw_context_backend(ctx), "cuda")) {
    err = make_device_array(ctx, a);
    if (err != cudaSuccess) cudaFree(a->data);
  }
  if (err != cudaSuccess) {
    free(a);
    return compat_ret(err);
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
  if (a->device_array) {
    cudaError_t err0;
    cw_context *ctx = compat_ctx(&err0);
    if (ctx) cw_array_destroy(ctx, a->device_array);
  }
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
  cudaError_t err = compat_array_pull(dst); /* a part: keep the rest as kernels left it */
  if (err != cudaSuccess) return compat_ret(err);
  err = cudaMemcpy2D(array_at(dst, woff, hoff), dst->pitch, src, spitch, width, height, kind);
  return err == cudaSuccess ? compat_ret(compat_array_push(dst)) : err;
}

cudaError_t cudaMemcpy2DFromArray(void *dst, size_t dpitch, cudaArray_const_t src, size_t woff,
                                  size_t hoff, size_t width, size_t height,
                                  enum cudaMemcpyKind kind) {
  if (!src || woff + width > src->w * src->elem) return compat_ret(cudaErrorInvalidValue);
  cudaError_t err = compat_array_pull(src);
  if (err != cudaSuccess) return compat_ret(err);
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
  cudaError_t err = compat_array_pull(dst);
  if (err != cudaSuccess) return compat_ret(err);
  err = copy_rows(dst, woff, hoff, (void *)src, count, true, kind);
  return err == cudaSuccess ? compat_ret(compat_array_push(dst)) : err;
}

cudaError_t cudaMemcpyFromArray(void *dst, cudaArray_const_t src, size_t woff, size_t hoff,
                                size_t count, enum cudaMemcpyKind kind) {
  cudaError_t err = compat_array_pull(src);
  if (err != cudaSuccess) return compat_ret(err);
  return copy_rows(src, woff, hoff, dst, count, false, kind);
}
