/*
 * runtime_texture.c — texture objects (cudaCreateTextureObject and
 * friends).
 *
 * A texture object is the address of a __cuwasm_texture record
 * (include/cuda/texture_fetch_functions.h, which also holds the device
 * code that samples it): the image's memory, its shape and channel format,
 * and the sampling state of the cudaTextureDesc.  Kernels on the CPU
 * backend share the host's address space, so they read the record and the
 * image directly.  Other backends would need the driver's texture objects:
 * there cudaCreateTextureObject fails with cudaErrorNotSupported and says
 * why, rather than hand a kernel a handle it cannot use.
 */
#include "compat/compat.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cuda/texture_fetch_functions.h"

static int channel_count(const struct cudaChannelFormatDesc *d) {
  return (d->x > 0) + (d->y > 0) + (d->z > 0) + (d->w > 0);
}

/* the format: every channel of one size (8, 16 or 32 bits) */
static cudaError_t set_format(struct __cuwasm_texture *t, const struct cudaChannelFormatDesc *d) {
  int n = channel_count(d);
  int bits = d->x;
  if (n == 0 || (d->y && d->y != bits) || (d->z && d->z != bits) || (d->w && d->w != bits) ||
      (bits != 8 && bits != 16 && bits != 32) || d->f > cudaChannelFormatKindFloat ||
      (d->f == cudaChannelFormatKindFloat && bits != 32))
    return cudaErrorInvalidChannelDescriptor;
  t->channels = n;
  t->bytes = bits / 8;
  t->kind = (int)d->f;
  return cudaSuccess;
}

static cudaError_t set_resource(struct __cuwasm_texture *t, const struct cudaResourceDesc *r) {
  switch (r->resType) {
  case cudaResourceTypeArray: {
    cudaArray_t a = r->res.array.array;
    if (!a) return cudaErrorInvalidResourceHandle;
    t->data = a->data;
    t->width = (int)a->w, t->height = a->h ? (int)a->h : 1, t->depth = a->d ? (int)a->d : 1;
    t->pitch = a->pitch;
    t->slice = a->pitch * (unsigned long long)t->height;
    return set_format(t, &a->desc);
  }
  case cudaResourceTypeLinear: {
    cudaError_t err = set_format(t, &r->res.linear.desc);
    if (err != cudaSuccess) return err;
    size_t texel = (size_t)t->channels * (size_t)t->bytes;
    t->data = r->res.linear.devPtr;
    t->width = (int)(r->res.linear.sizeInBytes / texel);
    t->height = t->depth = 1;
    t->pitch = t->slice = r->res.linear.sizeInBytes;
    return t->data ? cudaSuccess : cudaErrorInvalidValue;
  }
  case cudaResourceTypePitch2D: {
    cudaError_t err = set_format(t, &r->res.pitch2D.desc);
    if (err != cudaSuccess) return err;
    t->data = r->res.pitch2D.devPtr;
    t->width = (int)r->res.pitch2D.width, t->height = (int)r->res.pitch2D.height, t->depth = 1;
    t->pitch = r->res.pitch2D.pitchInBytes;
    t->slice = t->pitch * (unsigned long long)t->height;
    return t->data ? cudaSuccess : cudaErrorInvalidValue;
  }
  default:
    return cudaErrorNotSupported; /* mipmapped arrays */
  }
}

static void set_sampling(struct __cuwasm_texture *t, const struct cudaTextureDesc *d,
                         bool linear_memory) {
  for (int i = 0; i < 3; i++) t->address[i] = linear_memory ? cudaAddressModeBorder : (int)d->addressMode[i];
  for (int i = 0; i < 4; i++) t->border[i] = linear_memory ? 0.0f : d->borderColor[i];
  t->filter = linear_memory ? 0 : (int)d->filterMode;
  t->read_normalized = d->readMode == cudaReadModeNormalizedFloat && t->kind != cudaChannelFormatKindFloat;
  t->normalized_coords = d->normalizedCoords != 0;
}

cudaError_t cudaCreateTextureObject(cudaTextureObject_t *out, const struct cudaResourceDesc *res,
                                    const struct cudaTextureDesc *desc,
                                    const struct cudaResourceViewDesc *view) {
  cudaError_t err;
  cw_context *ctx = compat_ctx(&err);
  if (!ctx) return compat_ret(err);
  if (!out || !res || !desc || view) return compat_ret(cudaErrorInvalidValue);
  if (strcmp(cw_context_backend(ctx), "cpu")) {
    compat_set_message("cuwasm: texture objects are supported on the CPU backend only (this "
                       "is '%s')", cw_context_backend(ctx));
    return compat_ret(cudaErrorNotSupported);
  }
  struct __cuwasm_texture *t = calloc(1, sizeof *t);
  if (!t) return compat_ret(cudaErrorMemoryAllocation);
  err = set_resource(t, res);
  if (err == cudaSuccess && desc->filterMode == cudaFilterModeLinear &&
      t->kind != cudaChannelFormatKindFloat && desc->readMode != cudaReadModeNormalizedFloat)
    err = cudaErrorInvalidValue; /* CUDA filters only what it reads as float */
  if (err != cudaSuccess) {
    free(t);
    return compat_ret(err);
  }
  set_sampling(t, desc, res->resType == cudaResourceTypeLinear);
  *out = (cudaTextureObject_t)(uintptr_t)t;
  return cudaSuccess;
}

cudaError_t cudaDestroyTextureObject(cudaTextureObject_t tex) {
  free((void *)(uintptr_t)tex);
  return cudaSuccess;
}

/* a surface: an array made with cudaArraySurfaceLoadStore, read and written
 * by surf*D* in device code through the same record as a texture */
cudaError_t cudaCreateSurfaceObject(cudaSurfaceObject_t *out, const struct cudaResourceDesc *res) {
  cudaError_t err;
  cw_context *ctx = compat_ctx(&err);
  if (!ctx) return compat_ret(err);
  if (!out || !res || res->resType != cudaResourceTypeArray || !res->res.array.array)
    return compat_ret(cudaErrorInvalidValue);
  if (strcmp(cw_context_backend(ctx), "cpu")) {
    compat_set_message("cuwasm: surface objects are supported on the CPU backend only (this "
                       "is '%s')", cw_context_backend(ctx));
    return compat_ret(cudaErrorNotSupported);
  }
  if (!(res->res.array.array->flags & cudaArraySurfaceLoadStore))
    return compat_ret(cudaErrorInvalidValue);
  struct __cuwasm_texture *t = calloc(1, sizeof *t);
  if (!t) return compat_ret(cudaErrorMemoryAllocation);
  err = set_resource(t, res);
  if (err != cudaSuccess) {
    free(t);
    return compat_ret(err);
  }
  *out = (cudaSurfaceObject_t)(uintptr_t)t;
  return cudaSuccess;
}

cudaError_t cudaDestroySurfaceObject(cudaSurfaceObject_t surf) {
  free((void *)(uintptr_t)surf);
  return cudaSuccess;
}
