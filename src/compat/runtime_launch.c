/*
 * runtime_launch.c — kernel launches and kernel attributes.
 *
 * `k<<<g, b, shm, s>>>(args)` is rewritten by `cuwasm cc` into a call of
 * __cuwasm_push_config followed by a call of k's host stub, which packs
 * pointers to its arguments and calls __cuwasm_launch with the kernel's
 * registration id — the same protocol nvcc's own stubs use
 * (__cudaPushCallConfiguration / cudaLaunchKernel).  The configuration is
 * kept per thread.  cudaLaunchKernel finds the kernel by its host function
 * pointer.
 *
 * Launch-configuration errors (block over 1024 threads, empty grid, too
 * much shared memory) are reported by the launch itself and are not
 * sticky; CUDA 13 (the version these headers declare) reports all of them
 * as cudaErrorInvalidValue — measured with nvcc 13 on an H100 — where
 * older releases said cudaErrorInvalidConfiguration.  Errors while the
 * kernel runs appear at the next synchronisation.
 *
 * cudaLaunchCooperativeKernel runs all blocks at once (cw_launch_cooperative),
 * so grid_group::sync() can wait for every block.
 *
 * Occupancy is the device's own where the backend has a calculator (the
 * CUDA backend: the driver's, which counts registers); otherwise it is a
 * model: a multiprocessor is a core; it holds up to 2048 threads, 32
 * blocks and 64 KiB of shared memory.
 */
#include "compat/compat.h"

#include <string.h>

enum { SM_THREADS = 2048, SM_BLOCKS = 32, SM_SHARED = 64 * 1024, BLOCK_SHARED = 48 * 1024 };

typedef struct LaunchConfig {
  dim3 grid, block;
  size_t shared;
  cudaStream_t stream;
} LaunchConfig;

static _Thread_local LaunchConfig cfg_stack[8];
static _Thread_local int cfg_depth;

void __cuwasm_push_config(dim3 grid, dim3 block, size_t shared, cudaStream_t s) {
  if (cfg_depth < 8) cfg_stack[cfg_depth++] = (LaunchConfig){grid, block, shared, s};
}

static cudaError_t launch(int id, LaunchConfig c, void **args, bool coop) {
  cudaError_t err = compat_sticky();
  if (err != cudaSuccess) return err;
  cw_kernel *k;
  err = compat_kernel_resolve(id, &k);
  if (err != cudaSuccess) return err;
  unsigned g[3] = {c.grid.x, c.grid.y, c.grid.z}, b[3] = {c.block.x, c.block.y, c.block.z};
  if (compat_is_capturing(c.stream))
    return compat_capture_kernel(c.stream, k, g, b, c.shared, args);
  err = compat_order_before(c.stream);
  if (err != cudaSuccess) return err;
  compat_managed_push();
  CompatState *st = compat_state();
  cw_status s = coop ? cw_launch_cooperative(k, g, b, c.shared, compat_stream(c.stream), args)
                     : cw_launch(k, g, b, c.shared, compat_stream(c.stream), args);
  if (s == CW_OK) return cudaSuccess;
  compat_set_message("cuwasm: %s", cw_last_error_message(st->ctx));
  err = compat_from_status(s, cw_last_error_message(st->ctx));
  return err == cudaErrorInvalidConfiguration ? cudaErrorInvalidValue : err;
}

cudaError_t __cuwasm_launch(int id, void **args) {
  if (cfg_depth == 0) return compat_ret(cudaErrorMissingConfiguration);
  LaunchConfig c = cfg_stack[--cfg_depth];
  return compat_ret(launch(id, c, args, false));
}

cudaError_t cudaLaunchKernel(const void *func, dim3 grid, dim3 block, void **args,
                             size_t shared, cudaStream_t stream) {
  int id = compat_kernel_by_fn(func);
  if (id < 0) return compat_ret(cudaErrorInvalidResourceHandle); /* what CUDA 13 says */
  return compat_ret(launch(id, (LaunchConfig){grid, block, shared, stream}, args, false));
}

cudaError_t cudaLaunchCooperativeKernel(const void *func, dim3 grid, dim3 block, void **args,
                                        size_t shared, cudaStream_t stream) {
  int per_sm = 0;
  cudaError_t err = cudaOccupancyMaxActiveBlocksPerMultiprocessor(
      &per_sm, func, (int)(block.x * block.y * block.z), shared);
  if (err != cudaSuccess) return err;
  int dev = 0;
  cudaDeviceGetAttribute(&dev, cudaDevAttrMultiProcessorCount, 0);
  if ((unsigned long long)grid.x * grid.y * grid.z > (unsigned long long)per_sm * (unsigned)dev)
    return compat_ret(cudaErrorCooperativeLaunchTooLarge);
  int id = compat_kernel_by_fn(func);
  if (id < 0) return compat_ret(cudaErrorInvalidResourceHandle);
  return compat_ret(launch(id, (LaunchConfig){grid, block, shared, stream}, args, true));
}

/* ---- attributes ------------------------------------------------------------ */

static cudaError_t kernel_of(const void *func, CompatKernel **out) {
  int id = compat_kernel_by_fn(func);
  if (id < 0) return cudaErrorInvalidDeviceFunction;
  cw_kernel *k;
  cudaError_t err = compat_kernel_resolve(id, &k);
  if (err != cudaSuccess) return err;
  *out = &compat_state()->kernels[id];
  return cudaSuccess;
}

cudaError_t cudaFuncGetAttributes(struct cudaFuncAttributes *a, const void *func) {
  if (!a) return compat_ret(cudaErrorInvalidValue);
  CompatKernel *k;
  cudaError_t err = kernel_of(func, &k);
  if (err != cudaSuccess) return compat_ret(err);
  memset(a, 0, sizeof *a);
  a->maxThreadsPerBlock = 1024;
  a->numRegs = 32;
  a->ptxVersion = 80;
  a->binaryVersion = 80;
  a->maxDynamicSharedSizeBytes = k->max_dyn_shared ? k->max_dyn_shared : BLOCK_SHARED;
  a->preferredShmemCarveout = -1;
  return cudaSuccess;
}

cudaError_t cudaFuncSetAttribute(const void *func, enum cudaFuncAttribute attr, int value) {
  CompatKernel *k;
  cudaError_t err = kernel_of(func, &k);
  if (err != cudaSuccess) return compat_ret(err);
  if (attr == cudaFuncAttributeMaxDynamicSharedMemorySize) {
    if (value < 0 || value > BLOCK_SHARED) return compat_ret(cudaErrorInvalidValue);
    k->max_dyn_shared = value;
    return cudaSuccess;
  }
  if (attr == cudaFuncAttributePreferredSharedMemoryCarveout)
    return value >= -1 && value <= 100 ? cudaSuccess : compat_ret(cudaErrorInvalidValue);
  return compat_ret(cudaErrorInvalidValue);
}

cudaError_t cudaFuncSetCacheConfig(const void *func, enum cudaFuncCache c) {
  CompatKernel *k;
  (void)c;
  return compat_ret(kernel_of(func, &k));
}

cudaError_t cudaOccupancyMaxActiveBlocksPerMultiprocessor(int *n, const void *func, int bs,
                                                          size_t shm) {
  if (!n || bs <= 0 || bs > 1024) return compat_ret(cudaErrorInvalidValue);
  CompatKernel *k;
  cudaError_t err = kernel_of(func, &k);
  if (err != cudaSuccess) return compat_ret(err);
  if (cw_kernel_occupancy(k->k, bs, shm, n) == CW_OK) return cudaSuccess; /* the GPU's own */
  int warps = (bs + 31) / 32;
  int by_threads = SM_THREADS / (warps * 32);
  int by_shared = shm ? (int)(SM_SHARED / shm) : SM_BLOCKS;
  int r = by_threads < SM_BLOCKS ? by_threads : SM_BLOCKS;
  *n = by_shared < r ? by_shared : r;
  return cudaSuccess;
}
