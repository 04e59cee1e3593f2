/*
 * runtime_texture.c — texture objects (cudaCreateTextureObject and
 * friends).
 *
 * On the CPU backend a texture object is the address of a __cuwasm_texture
 * record (include/cuda/texture_fetch_functions.h, which also holds the
 * device code that samples it): the image's memory, its shape and channel
 * format, and the sampling state of the cudaTextureDesc.  Kernels there
 * share the host's address space, so they read the record and the image
 * directly.  On the CUDA backend the same record, once checked, describes
 * a texture object of the driver (cw_texture_create), which NVRTC-built
 * kernels sample with the GPU's texture unit: linear memory, pitched 2-D
 * memory and 2-D CUDA arrays (pitched device memory there), and 1-D, 3-D
 * and surface arrays, which are also arrays of the driver there
 * (runtime_array.c) that the texture reads.  Surface objects there are
 * the driver's over such an array (cw_surface_create).  A web build's
 * kernels read the record as the CPU backend's do.  Other backends
 * fail with cudaErrorNotSupported and say why, rather than hand a kernel a
 * handle it cannot use.
 */
#include "compat/compat.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cuda/texture_fetch_functions.h"

/* Whether kernels sample through the record itself: the CPU backend's,
 * and a web build's (`cuwasm cc --target web`, src/compat/web/), whose
 * device memory is the program's heap, which the WebAssembly device's
 * kernels import; on WebGPU a kernel that samples a texture runs on the
 * WebAssembly device (the WGSL target rejects it). */
static bool kernels_read_records(cw_context *ctx) {
  const char *b = cw_context_backend(ctx);
  return !strcmp(b, "cpu") || !strcmp(b, "wasm") || !strcmp(b, "webgpu");
}

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

/* The checked record as a texture object of the device's texture unit. */
static cudaError_t device_texture(cw_context *ctx, const struct __cuwasm_texture *t,
                                  const struct cudaResourceDesc *res, cudaTextureObject_t *out) {
  int dims = res->resType == cudaResourceTypeLinear ? 1 : 2;
  cudaArray_const_t arr = res->resType == cudaResourceTypeArray ? res->res.array.array : NULL;
  if (arr && !arr->device_array && (!arr->h || arr->d)) {
    compat_set_message("cuwasm: textures over 1-D and 3-D CUDA arrays are supported on the CPU "
                       "and CUDA backends only (this is '%s')", cw_context_backend(ctx));
    return cudaErrorNotSupported;
  }
  cw_texture_desc d = {
      .array = arr ? arr->device_array : 0,
      .data = t->data, .dims = dims, .width = (size_t)t->width, .height = (size_t)t->height,
      .pitch = (size_t)t->pitch, .channels = t->channels, .bytes = t->bytes, .kind = t->kind,
      .filter = t->filter, .read_normalized = t->read_normalized,
      .normalized_coords = t->normalized_coords};
  for (int i = 0; i < 3; i++) d.address[i] = t->address[i];
  for (int i = 0; i < 4; i++) d.border[i] = t->border[i];
  unsigned long long handle = 0;
  cw_status st = cw_texture_create(ctx, &d, &handle);
  if (st == CW_ERR_UNSUPPORTED) {
    compat_set_message("cuwasm: texture objects are supported on the CPU and CUDA backends only "
                       "(this is '%s')", cw_context_backend(ctx));
    return cudaErrorNotSupported;
  }
  if (st != CW_OK) {
    compat_set_message("cuwasm: cudaCreateTextureObject: %s", cw_last_error_message(ctx));
    return cudaErrorInvalidValue;
  }
  *out = (cudaTextureObject_t)handle;
  return cudaSuccess;
}

cudaError_t cudaCreateTextureObject(cudaTextureObject_t *out, const struct cudaResourceDesc *res,
                                    const struct cudaTextureDesc *desc,
                                    const struct cudaResourceViewDesc *view) {
  cudaError_t err;
  cw_context *ctx = compat_ctx(&err);
  if (!ctx) return compat_ret(err);
  if (!out || !res || !desc || view) return compat_ret(cudaErrorInvalidValue);
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
  if (kernels_read_records(ctx)) {
    *out = (cudaTextureObject_t)(uintptr_t)t;
    return cudaSuccess;
  }
  err = device_texture(ctx, t, res, out);
  free(t);
  return compat_ret(err);
}

cudaError_t cudaDestroyTextureObject(cudaTextureObject_t tex) {
  cudaError_t err;
  cw_context *ctx = compat_ctx(&err);
  if (ctx && !kernels_read_records(ctx)) cw_texture_destroy(ctx, tex);
  else free((void *)(uintptr_t)tex);
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
  cudaArray_const_t arr = res->res.array.array;
  if (!(arr->flags & cudaArraySurfaceLoadStore)) return compat_ret(cudaErrorInvalidValue);
  if (!kernels_read_records(ctx)) {
    unsigned long long handle = 0;
    cw_status st = arr->device_array ? cw_surface_create(ctx, arr->device_array, &handle)
                                     : CW_ERR_UNSUPPORTED;
    if (st == CW_ERR_UNSUPPORTED) {
      compat_set_message("cuwasm: surface objects are supported on the CPU and CUDA backends "
                         "only (this is '%s')", cw_context_backend(ctx));
      return compat_ret(cudaErrorNotSupported);
    }
    if (st != CW_OK) {
      compat_set_message("cuwasm: cudaCreateSurfaceObject: %s", cw_last_error_message(ctx));
      return compat_ret(cudaErrorInvalidValue);
    }
    *out = (cudaSurfaceObject_t)handle;
    return cudaSuccess;
  }
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
  cudaError_t err;
  cw_context *ctx = compat_ctx(&err);
  if (ctx && !kernels_read_records(ctx)) cw_surface_destroy(ctx, surf);
  else free((void *)(uintptr_t)surf);
  return cudaSuccess;
}
