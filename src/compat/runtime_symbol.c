/*
 * runtime_symbol.c — __device__, __constant__ and __managed__ variables
 * seen from the host.
 *
 * In a program built by `cuwasm cc` each such variable has a host shadow
 * (the object host code names) registered with its C++ name.  The symbol
 * API maps a shadow to the device variable of its module (loading the
 * module if needed).  __managed__ variables are the one kind host code
 * reads and writes directly: the shadow is copied to the device before a
 * launch when the host changed it since the last synchronisation, and
 * the device value is copied back into the shadow at every
 * synchronisation — CUDA's rule that the host may touch managed data only
 * while no kernel runs makes that exact.
 */
#include "compat/compat.h"

#include <string.h>

cudaError_t compat_symbol_resolve(const void *shadow, CompatSymbol **out) {
  CompatState *g = compat_state();
  int tu = -1, idx = -1;
  pthread_mutex_lock(&g->mu);
  for (int i = 0; i < g->nsyms && idx < 0; i++)
    if (g->syms[i].shadow == shadow) idx = i, tu = g->syms[i].tu;
  pthread_mutex_unlock(&g->mu);
  if (idx < 0) return cudaErrorInvalidSymbol;
  cudaError_t err = compat_load_tu(tu);
  if (err != cudaSuccess) return err;
  *out = &g->syms[idx];
  return (*out)->dev ? cudaSuccess : cudaErrorInvalidSymbol;
}

static cudaError_t sym_range(const void *symbol, size_t count, size_t offset, char **dev) {
  CompatSymbol *s;
  cudaError_t err = compat_symbol_resolve(symbol, &s);
  if (err != cudaSuccess) return err;
  if (offset > s->size || count > s->size - offset) return cudaErrorInvalidValue;
  *dev = (char *)s->dev + offset;
  return cudaSuccess;
}

cudaError_t cudaMemcpyToSymbol(const void *symbol, const void *src, size_t count,
                               size_t offset, enum cudaMemcpyKind kind) {
  if (kind != cudaMemcpyHostToDevice && kind != cudaMemcpyDeviceToDevice &&
      kind != cudaMemcpyDefault)
    return compat_ret(cudaErrorInvalidMemcpyDirection);
  char *dev;
  cudaError_t err = sym_range(symbol, count, offset, &dev);
  if (err != cudaSuccess) return compat_ret(err);
  return cudaMemcpy(dev, src, count, kind == cudaMemcpyDeviceToDevice ? kind : cudaMemcpyHostToDevice);
}

cudaError_t cudaMemcpyFromSymbol(void *dst, const void *symbol, size_t count, size_t offset,
                                 enum cudaMemcpyKind kind) {
  if (kind != cudaMemcpyDeviceToHost && kind != cudaMemcpyDeviceToDevice &&
      kind != cudaMemcpyDefault)
    return compat_ret(cudaErrorInvalidMemcpyDirection);
  char *dev;
  cudaError_t err = sym_range(symbol, count, offset, &dev);
  if (err != cudaSuccess) return compat_ret(err);
  return cudaMemcpy(dst, dev, count, kind == cudaMemcpyDeviceToDevice ? kind : cudaMemcpyDeviceToHost);
}

cudaError_t cudaMemcpyToSymbolAsync(const void *symbol, const void *src, size_t count,
                                    size_t offset, enum cudaMemcpyKind kind, cudaStream_t s) {
  char *dev;
  cudaError_t err = sym_range(symbol, count, offset, &dev);
  if (err != cudaSuccess) return compat_ret(err);
  return cudaMemcpyAsync(dev, src, count, kind == cudaMemcpyDefault ? cudaMemcpyHostToDevice : kind, s);
}

cudaError_t cudaMemcpyFromSymbolAsync(void *dst, const void *symbol, size_t count,
                                      size_t offset, enum cudaMemcpyKind kind, cudaStream_t s) {
  char *dev;
  cudaError_t err = sym_range(symbol, count, offset, &dev);
  if (err != cudaSuccess) return compat_ret(err);
  return cudaMemcpyAsync(dst, dev, count, kind == cudaMemcpyDefault ? cudaMemcpyDeviceToHost : kind, s);
}

cudaError_t cudaGetSymbolAddress(void **p, const void *symbol) {
  if (!p) return compat_ret(cudaErrorInvalidValue);
  CompatSymbol *s;
  cudaError_t err = compat_symbol_resolve(symbol, &s);
  if (err != cudaSuccess) return compat_ret(err);
  *p = s->dev;
  return cudaSuccess;
}

cudaError_t cudaGetSymbolSize(size_t *size, const void *symbol) {
  if (!size) return compat_ret(cudaErrorInvalidValue);
  CompatSymbol *s;
  cudaError_t err = compat_symbol_resolve(symbol, &s);
  if (err != cudaSuccess) return compat_ret(err);
  *size = s->size;
  return cudaSuccess;
}

/* ---- managed shadows ------------------------------------------------------ */

void compat_managed_push(void) {
  CompatState *g = compat_state();
  pthread_mutex_lock(&g->mu);
  for (int i = 0; i < g->nsyms; i++) {
    CompatSymbol *s = &g->syms[i];
    if (!s->managed || !s->dev || !s->snap || !memcmp(s->snap, s->shadow, s->size)) continue;
    cw_memcpy_htod(g->ctx, s->dev, s->shadow, s->size); /* device memory may not be host memory */
    memcpy(s->snap, s->shadow, s->size);
  }
  pthread_mutex_unlock(&g->mu);
}

void compat_managed_pull(void) {
  CompatState *g = compat_state();
  pthread_mutex_lock(&g->mu);
  for (int i = 0; i < g->nsyms; i++) {
    CompatSymbol *s = &g->syms[i];
    if (!s->managed || !s->dev || !s->snap) continue;
    cw_memcpy_dtoh(g->ctx, (void *)s->shadow, s->dev, s->size);
    memcpy(s->snap, s->shadow, s->size);
  }
  pthread_mutex_unlock(&g->mu);
}
