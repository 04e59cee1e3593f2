/*
 * cuda_runtime.h — the header every CUDA program includes (cuwasm).
 *
 * Like nvcc's, it brings in the whole runtime surface: qualifiers, vector
 * types, the runtime API, the launch-parameter variables, and the C
 * headers whose names CUDA code habitually uses without including them
 * (size_t, INT_MAX, int32_t, INFINITY, M_PI).  In the device pass those C
 * headers resolve to our shims in include/cuda/device/; in the host pass to
 * the system's.
 *
 * Device pass (__CUDA_ARCH__ defined): nothing else is declared here.  The
 * math API, intrinsics, atomics, barriers, warp functions and printf are
 * builtins of sema (src/kir/builtins.def), as are the vector types and
 * their make_* functions.
 *
 * Host pass: the C++ overloads CUDA layers over the C API (typed
 * cudaMalloc, symbol copies taking the symbol itself, kernel-pointer
 * launch and attribute calls, cudaOccupancyMaxPotentialBlockSize).
 */
#ifndef CUWASM_CUDA_RUNTIME_H
#define CUWASM_CUDA_RUNTIME_H
#define __CUDA_RUNTIME_H__ /* NVIDIA's guard: programs test it (helper_cuda.h) */

#include "host_defines.h"
#include <stddef.h>
#include <stdint.h>
#include <limits.h>
#include <math.h>
/* what nvcc's cuda_runtime.h pulls in transitively (crt/common_functions.h,
 * math_functions.h): programs call memcpy, malloc, printf, exit, assert
 * after including only this header */
#include <string.h>
#include <stdlib.h>
#include <stdio.h>
#include <assert.h>
#if !defined(__CUDA_ARCH__)
#include <time.h>
#if defined(__cplusplus)
#include <new>
#include <cmath>
#include <cstdlib>
#include <utility>
#include <functional>
#endif
#endif
#include "driver_types.h"
#include "vector_types.h"
#include "vector_functions.h"
#include "cuda_runtime_api.h"
#include "device_launch_parameters.h"
#include "driver_functions.h"
#include "host_minmax.h"
#include "texture_fetch_functions.h"
#include "channel_descriptor.h"
#include "nv_atomic_functions.h"
#include "sm_61_intrinsics.h"
#include "cw_math_norms.h"
#include "cw_simd_intrinsics.h"

#if !defined(__CUDA_ARCH__) && defined(__cplusplus)

template <class T>
static inline cudaError_t cudaMalloc(T **devPtr, size_t size) {
  return ::cudaMalloc((void **)(void *)devPtr, size);
}

template <class T>
static inline cudaError_t cudaMallocHost(T **ptr, size_t size) {
  return ::cudaMallocHost((void **)(void *)ptr, size);
}

template <class T>
static inline cudaError_t cudaHostAlloc(T **ptr, size_t size, unsigned int flags) {
  return ::cudaHostAlloc((void **)(void *)ptr, size, flags);
}

template <class T>
static inline cudaError_t cudaMallocManaged(T **devPtr, size_t size,
                                           unsigned int flags = cudaMemAttachGlobal) {
  return ::cudaMallocManaged((void **)(void *)devPtr, size, flags);
}

template <class T>
static inline cudaError_t cudaMallocPitch(T **devPtr, size_t *pitch, size_t width,
                                         size_t height) {
  return ::cudaMallocPitch((void **)(void *)devPtr, pitch, width, height);
}

template <class T>
static inline cudaError_t cudaMallocAsync(T **devPtr, size_t size, cudaStream_t stream) {
  return ::cudaMallocAsync((void **)(void *)devPtr, size, stream);
}

template <class T>
static inline cudaError_t cudaMemcpyToSymbol(const T &symbol, const void *src, size_t count,
                                            size_t offset = 0,
                                            enum cudaMemcpyKind kind = cudaMemcpyHostToDevice) {
  return ::cudaMemcpyToSymbol((const void *)&symbol, src, count, offset, kind);
}

template <class T>
static inline cudaError_t cudaMemcpyFromSymbol(void *dst, const T &symbol, size_t count,
                                              size_t offset = 0,
                                              enum cudaMemcpyKind kind = cudaMemcpyDeviceToHost) {
  return ::cudaMemcpyFromSymbol(dst, (const void *)&symbol, count, offset, kind);
}

template <class T>
static inline cudaError_t cudaMemcpyToSymbolAsync(const T &symbol, const void *src,
                                                 size_t count, size_t offset = 0,
                                                 enum cudaMemcpyKind kind = cudaMemcpyHostToDevice,
                                                 cudaStream_t stream = 0) {
  return ::cudaMemcpyToSymbolAsync((const void *)&symbol, src, count, offset, kind, stream);
}

template <class T>
static inline cudaError_t cudaMemcpyFromSymbolAsync(void *dst, const T &symbol,
                                                   size_t count, size_t offset = 0,
                                                   enum cudaMemcpyKind kind = cudaMemcpyDeviceToHost,
                                                   cudaStream_t stream = 0) {
  return ::cudaMemcpyFromSymbolAsync(dst, (const void *)&symbol, count, offset, kind, stream);
}

template <class T>
static inline cudaError_t cudaGetSymbolAddress(void **devPtr, const T &symbol) {
  return ::cudaGetSymbolAddress(devPtr, (const void *)&symbol);
}

template <class T>
static inline cudaError_t cudaGetSymbolSize(size_t *size, const T &symbol) {
  return ::cudaGetSymbolSize(size, (const void *)&symbol);
}

template <class T>
static inline cudaError_t cudaLaunchKernel(T *func, dim3 gridDim, dim3 blockDim, void **args,
                                          size_t sharedMem = 0, cudaStream_t stream = 0) {
  return ::cudaLaunchKernel((const void *)func, gridDim, blockDim, args, sharedMem, stream);
}

template <class T>
static inline cudaError_t cudaLaunchCooperativeKernel(T *func, dim3 gridDim, dim3 blockDim,
                                                     void **args, size_t sharedMem = 0,
                                                     cudaStream_t stream = 0) {
  return ::cudaLaunchCooperativeKernel((const void *)func, gridDim, blockDim, args,
                                       sharedMem, stream);
}

template <class T>
static inline cudaError_t cudaFuncGetAttributes(struct cudaFuncAttributes *attr, T *entry) {
  return ::cudaFuncGetAttributes(attr, (const void *)entry);
}

template <class T>
static inline cudaError_t cudaFuncSetAttribute(T *entry, enum cudaFuncAttribute attr,
                                              int value) {
  return ::cudaFuncSetAttribute((const void *)entry, attr, value);
}

template <class T>
static inline cudaError_t cudaFuncSetCacheConfig(T *func, enum cudaFuncCache cacheConfig) {
  return ::cudaFuncSetCacheConfig((const void *)func, cacheConfig);
}

template <class T>
static inline cudaError_t cudaOccupancyMaxActiveBlocksPerMultiprocessor(
    int *numBlocks, T func, int blockSize, size_t dynamicSMemSize) {
  return ::cudaOccupancyMaxActiveBlocksPerMultiprocessor(numBlocks, (const void *)func,
                                                         blockSize, dynamicSMemSize);
}

/* CUDA 13's forms of prefetch and advise (a location, not a device
 * number) beside CUDA 12's */
static inline cudaError_t cudaMemPrefetchAsync(const void *devPtr, size_t count,
                                               struct cudaMemLocation location, unsigned int flags,
                                               cudaStream_t stream = 0) {
  return ::cudaMemPrefetchAsync_v2(devPtr, count, location, flags, stream);
}

static inline cudaError_t cudaMemAdvise(const void *devPtr, size_t count,
                                        enum cudaMemoryAdvise advice,
                                        struct cudaMemLocation location) {
  return ::cudaMemAdvise_v2(devPtr, count, advice, location);
}

/* the CUDA 11 forms that CUDA 12 and 13 keep for C++ callers */
static inline cudaError_t cudaGraphInstantiate(cudaGraphExec_t *pGraphExec, cudaGraph_t graph,
                                               cudaGraphNode_t *pErrorNode, char *pLogBuffer,
                                               size_t bufferSize) {
  if (pErrorNode) *pErrorNode = NULL;
  if (pLogBuffer && bufferSize) pLogBuffer[0] = 0;
  return ::cudaGraphInstantiate(pGraphExec, graph, 0);
}

static inline cudaError_t cudaGraphExecUpdate(cudaGraphExec_t hGraphExec, cudaGraph_t hGraph,
                                              cudaGraphNode_t *hErrorNode_out,
                                              enum cudaGraphExecUpdateResult *updateResult_out) {
  struct cudaGraphExecUpdateResultInfo info;
  cudaError_t err = ::cudaGraphExecUpdate(hGraphExec, hGraph, &info);
  if (hErrorNode_out) *hErrorNode_out = info.errorNode;
  if (updateResult_out) *updateResult_out = info.result;
  return err;
}

template <class T>
static inline cudaError_t cudaMallocFromPoolAsync(T **ptr, size_t size, cudaMemPool_t memPool,
                                                  cudaStream_t stream) {
  return ::cudaMallocFromPoolAsync((void **)(void *)ptr, size, memPool, stream);
}

/* The block size (a multiple of the warp size, within the kernel's and the
 * device's limits) that keeps the most threads resident per multiprocessor,
 * and the grid size that fills the device at that block size. */
template <class T>
static inline cudaError_t cudaOccupancyMaxPotentialBlockSize(int *minGridSize, int *blockSize,
                                                            T func,
                                                            size_t dynamicSMemSize = 0,
                                                            int blockSizeLimit = 0) {
  if (!minGridSize || !blockSize || !func) return cudaErrorInvalidValue;
  int dev = 0;
  cudaError_t err = ::cudaGetDevice(&dev);
  if (err != cudaSuccess) return err;
  struct cudaDeviceProp prop;
  err = ::cudaGetDeviceProperties(&prop, dev);
  if (err != cudaSuccess) return err;
  struct cudaFuncAttributes attr;
  err = ::cudaFuncGetAttributes(&attr, (const void *)func);
  if (err != cudaSuccess) return err;
  int limit = prop.maxThreadsPerBlock;
  if (attr.maxThreadsPerBlock > 0 && attr.maxThreadsPerBlock < limit) limit = attr.maxThreadsPerBlock;
  if (blockSizeLimit > 0 && blockSizeLimit < limit) limit = blockSizeLimit;
  int warp = prop.warpSize > 0 ? prop.warpSize : 32;
  int best_block = 0, best_threads = 0, best_blocks = 0;
  for (int bs = (limit / warp) * warp; bs > 0; bs -= warp) {
    int nb = 0;
    err = ::cudaOccupancyMaxActiveBlocksPerMultiprocessor(&nb, (const void *)func, bs,
                                                          dynamicSMemSize);
    if (err != cudaSuccess) return err;
    if (nb * bs > best_threads) {
      best_threads = nb * bs;
      best_block = bs;
      best_blocks = nb;
    }
  }
  if (best_block == 0) { /* limit below one warp: take it as is */
    best_block = limit > 0 ? limit : 1;
    best_blocks = 1;
  }
  *blockSize = best_block;
  *minGridSize = best_blocks * prop.multiProcessorCount;
  return cudaSuccess;
}

#endif /* !__CUDA_ARCH__ && __cplusplus */

#endif /* CUWASM_CUDA_RUNTIME_H */
