/*
 * runtime_device.c — device management of the CUDA runtime API: device
 * count and selection, properties and attributes, limits, versions,
 * whole-device synchronisation and reset.
 *
 * The properties describe the backend honestly.  On the CPU backend the
 * device is this machine's CPU: its model name, one multiprocessor per
 * core, the RAM as global memory, the core clock as clockRate; the
 * programming-model limits are CUDA's (warp 32, 1024 threads per block,
 * 48 KiB of shared memory per block, 64 KiB of constant memory), since
 * those are what the backend enforces.  The compute capability reported
 * is 8.0, the architecture the front end compiles for.  A backend that
 * drives a real CUDA device (cuda) describes it itself: its name, memory,
 * UUID and every attribute come from the driver (device_props.c), and
 * cudaDeviceGetAttribute asks the driver directly; cudaMemGetInfo reports
 * its memory, not the host's.
 */
#include "compat/compat.h"
#include "base/base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* kHz, from cpufreq or /proc/cpuinfo; 0 when unknown */
static int cpu_clock_khz(void) {
  long v = cw_read_long_file("/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq");
  if (v > 0) return (int)v;
  FILE *f = fopen("/proc/cpuinfo", "r");
  char line[256];
  double mhz = 0;
  while (f && fgets(line, sizeof line, f))
    if (!strncmp(line, "cpu MHz", 7) && sscanf(strchr(line, ':') + 1, "%lf", &mhz) == 1) break;
  if (f) fclose(f);
  return (int)(mhz * 1000);
}

static size_t meminfo_kb(const char *key) {
  FILE *f = fopen("/proc/meminfo", "r");
  char line[256];
  size_t v = 0, n = strlen(key);
  while (f && fgets(line, sizeof line, f))
    if (!strncmp(line, key, n) && line[n] == ':') {
      v = (size_t)strtoull(line + n + 1, NULL, 10);
      break;
    }
  if (f) fclose(f);
  return v;
}

static cudaError_t need_ctx(void) {
  cudaError_t err;
  compat_ctx(&err);
  return err;
}

static void fill_limits(struct cudaDeviceProp *p) {
  p->sharedMemPerBlock = 48 * 1024;
  p->sharedMemPerBlockOptin = 48 * 1024;
  p->sharedMemPerMultiprocessor = 64 * 1024;
  p->regsPerBlock = 65536;
  p->regsPerMultiprocessor = 65536;
  p->warpSize = 32;
  p->memPitch = (size_t)1 << 31;
  p->maxThreadsPerBlock = 1024;
  p->maxThreadsDim[0] = 1024, p->maxThreadsDim[1] = 1024, p->maxThreadsDim[2] = 64;
  p->maxGridSize[0] = 2147483647, p->maxGridSize[1] = 65535, p->maxGridSize[2] = 65535;
  p->totalConstMem = 64 * 1024;
  p->major = 8;
  p->minor = 0;
  p->textureAlignment = 512;
  p->texturePitchAlignment = 32;
  p->maxThreadsPerMultiProcessor = 2048;
  p->maxBlocksPerMultiProcessor = 32;
  p->reservedSharedMemPerBlock = 0;
}

static void fill_features(struct cudaDeviceProp *p) {
  p->deviceOverlap = 1;
  p->asyncEngineCount = 1;
  p->concurrentKernels = 1;
  p->integrated = 1;            /* the "device" shares the host's memory */
  p->canMapHostMemory = 1;
  p->unifiedAddressing = 1;
  p->managedMemory = 1;
  p->pageableMemoryAccess = 1;
  p->concurrentManagedAccess = 1;
  p->cooperativeLaunch = 1;
  p->globalL1CacheSupported = 1;
  p->localL1CacheSupported = 1;
  p->streamPrioritiesSupported = 0;
  p->computeMode = cudaComputeModeDefault;
  p->memoryBusWidth = 64;
}

static bool backend_attr(void *ctx, enum cudaDeviceAttr attr, int *value) {
  return cw_context_device_attribute(ctx, (int)attr, value) == CW_OK;
}

/* the device of a backend that describes it itself; false for the others */
static bool backend_props(struct cudaDeviceProp *p) {
  cw_context *ctx = compat_state()->ctx;
  uint64_t mem = 0;
  unsigned char uuid[16];
  if (cw_context_device_identity(ctx, p->name, sizeof p->name, &mem, uuid) != CW_OK) return false;
  p->totalGlobalMem = (size_t)mem;
  memcpy(p->uuid, uuid, sizeof uuid);
  compat_props_from_attributes(p, backend_attr, ctx);
  return true;
}

cudaError_t cudaGetDeviceProperties(struct cudaDeviceProp *p, int device) {
  if (!p) return compat_ret(cudaErrorInvalidValue);
  cudaError_t err = need_ctx();
  if (err != cudaSuccess) return compat_ret(err);
  if (device != 0) return compat_ret(cudaErrorInvalidDevice);
  memset(p, 0, sizeof *p);
  if (backend_props(p)) return cudaSuccess;
  memset(p, 0, sizeof *p);
  cw_device_info info; /* only the backend in use: probing others costs (Vulkan) */
  if (cw_backend_probe(cw_context_backend(compat_state()->ctx), &info)) {
    snprintf(p->name, sizeof p->name, "%s", info.name);
    p->multiProcessorCount = info.cores > 0 ? info.cores : 1;
    p->totalGlobalMem = (size_t)info.memory_bytes;
  }
  if (!p->totalGlobalMem) p->totalGlobalMem = meminfo_kb("MemTotal") * 1024;
  if (!p->multiProcessorCount) p->multiProcessorCount = 1;
  memcpy(p->uuid, "cuwasm-cpu-dev-0", 16);
  fill_limits(p);
  fill_features(p);
  p->clockRate = cpu_clock_khz();
  p->memoryClockRate = p->clockRate;
  p->l2CacheSize = (int)cw_read_long_file("/sys/devices/system/cpu/cpu0/cache/index2/size") * 1024;
  return cudaSuccess;
}

/* the attributes added after CUDA 8 */
static int attr_value_more(const struct cudaDeviceProp *p, enum cudaDeviceAttr a, bool *ok) {
  switch (a) {
  case cudaDevAttrPciDomainId: return p->pciDomainID;
  case cudaDevAttrStreamPrioritiesSupported: return p->streamPrioritiesSupported;
  case cudaDevAttrGlobalL1CacheSupported: return p->globalL1CacheSupported;
  case cudaDevAttrLocalL1CacheSupported: return p->localL1CacheSupported;
  case cudaDevAttrIsMultiGpuBoard: return p->isMultiGpuBoard;
  case cudaDevAttrMultiGpuBoardGroupID: return p->multiGpuBoardGroupID;
  case cudaDevAttrPageableMemoryAccess: return p->pageableMemoryAccess;
  case cudaDevAttrConcurrentManagedAccess: return p->concurrentManagedAccess;
  case cudaDevAttrComputePreemptionSupported: return p->computePreemptionSupported;
  case cudaDevAttrMaxBlocksPerMultiprocessor: return p->maxBlocksPerMultiProcessor;
  case cudaDevAttrMaxPersistingL2CacheSize: return p->persistingL2CacheMaxSize;
  case cudaDevAttrReservedSharedMemoryPerBlock: return (int)p->reservedSharedMemPerBlock;
  case cudaDevAttrHostNativeAtomicSupported:
  case cudaDevAttrCanUseHostPointerForRegisteredMem:
  case cudaDevAttrHostRegisterSupported:
  case cudaDevAttrMemoryPoolsSupported: return 1;
  case cudaDevAttrPageableMemoryAccessUsesHostPageTables:
  case cudaDevAttrDirectManagedMemAccessFromHost: return p->pageableMemoryAccess;
  default: break;
  }
  *ok = false;
  return 0;
}

static int attr_value(const struct cudaDeviceProp *p, enum cudaDeviceAttr a, bool *ok) {
  *ok = true;
  switch (a) {
  case cudaDevAttrMaxThreadsPerBlock: return p->maxThreadsPerBlock;
  case cudaDevAttrMaxBlockDimX: return p->maxThreadsDim[0];
  case cudaDevAttrMaxBlockDimY: return p->maxThreadsDim[1];
  case cudaDevAttrMaxBlockDimZ: return p->maxThreadsDim[2];
  case cudaDevAttrMaxGridDimX: return p->maxGridSize[0];
  case cudaDevAttrMaxGridDimY: return p->maxGridSize[1];
  case cudaDevAttrMaxGridDimZ: return p->maxGridSize[2];
  case cudaDevAttrMaxSharedMemoryPerBlock: return (int)p->sharedMemPerBlock;
  case cudaDevAttrTotalConstantMemory: return (int)p->totalConstMem;
  case cudaDevAttrWarpSize: return p->warpSize;
  case cudaDevAttrMaxPitch: return (int)(p->memPitch > 2147483647 ? 2147483647 : p->memPitch);
  case cudaDevAttrMaxRegistersPerBlock: return p->regsPerBlock;
  case cudaDevAttrClockRate: return p->clockRate;
  case cudaDevAttrTextureAlignment: return (int)p->textureAlignment;
  case cudaDevAttrGpuOverlap: return p->deviceOverlap;
  case cudaDevAttrMultiProcessorCount: return p->multiProcessorCount;
  case cudaDevAttrKernelExecTimeout: return 0;
  case cudaDevAttrIntegrated: return p->integrated;
  case cudaDevAttrCanMapHostMemory: return p->canMapHostMemory;
  case cudaDevAttrComputeMode: return p->computeMode;
  case cudaDevAttrConcurrentKernels: return p->concurrentKernels;
  case cudaDevAttrEccEnabled: return 0;
  case cudaDevAttrPciBusId: case cudaDevAttrPciDeviceId: case cudaDevAttrTccDriver: return 0;
  case cudaDevAttrMemoryClockRate: return p->memoryClockRate;
  case cudaDevAttrGlobalMemoryBusWidth: return p->memoryBusWidth;
  case cudaDevAttrL2CacheSize: return p->l2CacheSize;
  case cudaDevAttrMaxThreadsPerMultiProcessor: return p->maxThreadsPerMultiProcessor;
  case cudaDevAttrAsyncEngineCount: return p->asyncEngineCount;
  case cudaDevAttrUnifiedAddressing: return p->unifiedAddressing;
  case cudaDevAttrComputeCapabilityMajor: return p->major;
  case cudaDevAttrComputeCapabilityMinor: return p->minor;
  case cudaDevAttrMaxSharedMemoryPerMultiprocessor: return (int)p->sharedMemPerMultiprocessor;
  case cudaDevAttrMaxRegistersPerMultiprocessor: return p->regsPerMultiprocessor;
  case cudaDevAttrManagedMemory: return p->managedMemory;
  case cudaDevAttrCooperativeLaunch: return p->cooperativeLaunch;
  case cudaDevAttrMaxSharedMemoryPerBlockOptin: return (int)p->sharedMemPerBlockOptin;
  default: return attr_value_more(p, a, ok);
  }
  *ok = false;
  return 0;
}

cudaError_t cudaDeviceGetAttribute(int *value, enum cudaDeviceAttr attr, int device) {
  if (!value) return compat_ret(cudaErrorInvalidValue);
  cudaError_t err = need_ctx();
  if (err != cudaSuccess) return compat_ret(err);
  if (device != 0) return compat_ret(cudaErrorInvalidDevice);
  cw_status st = cw_context_device_attribute(compat_state()->ctx, (int)attr, value);
  if (st == CW_OK) return cudaSuccess;
  if (st != CW_ERR_UNSUPPORTED) return compat_ret(cudaErrorInvalidValue);
  struct cudaDeviceProp p;
  err = cudaGetDeviceProperties(&p, device);
  if (err != cudaSuccess) return err;
  bool ok;
  *value = attr_value(&p, attr, &ok);
  return ok ? cudaSuccess : compat_ret(cudaErrorInvalidValue);
}

cudaError_t cudaGetDeviceCount(int *count) {
  if (!count) return compat_ret(cudaErrorInvalidValue);
  cudaError_t err = need_ctx();
  *count = err == cudaSuccess ? 1 : 0;
  return compat_ret(err);
}

cudaError_t cudaGetDevice(int *device) {
  if (!device) return compat_ret(cudaErrorInvalidValue);
  *device = 0;
  return cudaSuccess;
}

cudaError_t cudaSetDevice(int device) {
  cudaError_t err = need_ctx();
  if (err != cudaSuccess) return compat_ret(err);
  return device == 0 ? cudaSuccess : compat_ret(cudaErrorInvalidDevice);
}

cudaError_t cudaChooseDevice(int *device, const struct cudaDeviceProp *prop) {
  if (!device || !prop) return compat_ret(cudaErrorInvalidValue);
  *device = 0;
  return compat_ret(need_ctx());
}

cudaError_t cudaSetDeviceFlags(unsigned int flags) {
  compat_state()->device_flags = (int)flags;
  return cudaSuccess;
}

cudaError_t cudaGetDeviceFlags(unsigned int *flags) {
  if (!flags) return compat_ret(cudaErrorInvalidValue);
  *flags = (unsigned)compat_state()->device_flags | cudaDeviceMapHost;
  return cudaSuccess;
}

cudaError_t cudaDeviceSynchronize(void) { return compat_ret(compat_sync_all()); }
cudaError_t cudaThreadSynchronize(void) { return cudaDeviceSynchronize(); }

/* Waits for all work, forgets sticky errors; allocations stay valid (a
 * real reset would free them, and a program may not use them after it). */
cudaError_t cudaDeviceReset(void) {
  CompatState *g = compat_state();
  if (g->ctx) compat_sync_all();
  pthread_mutex_lock(&g->mu);
  g->sticky = cudaSuccess;
  pthread_mutex_unlock(&g->mu);
  cudaGetLastError();
  return cudaSuccess;
}
cudaError_t cudaThreadExit(void) { return cudaDeviceReset(); }

cudaError_t cudaDeviceSetLimit(enum cudaLimit limit, size_t value) {
  if ((unsigned)limit >= 8) return compat_ret(cudaErrorUnsupportedLimit);
  if (limit == cudaLimitDevRuntimePendingLaunchCount || limit == cudaLimitStackSize) {
    /* the backend queues grids launched from device code itself; a GPU
     * backend sizes its threads' stacks */
    cudaError_t err;
    cw_context *ctx = compat_ctx(&err);
    if (!ctx) return compat_ret(err);
    cw_status st = cw_context_set_limit(ctx, limit == cudaLimitStackSize ? CW_LIMIT_STACK_BYTES
                                             : CW_LIMIT_DEVRT_PENDING_LAUNCHES, value);
    if (st != CW_OK && st != CW_ERR_UNSUPPORTED) return compat_ret(cudaErrorInvalidValue);
  }
  compat_state()->limits[limit] = value;
  return cudaSuccess;
}

cudaError_t cudaDeviceGetLimit(size_t *v, enum cudaLimit limit) {
  static const size_t defaults[8] = {1024, 1 << 20, 8 << 20, 2, 2048, 64, 0, 0};
  if (!v || (unsigned)limit >= 8) return compat_ret(cudaErrorUnsupportedLimit);
  size_t set = compat_state()->limits[limit];
  *v = set ? set : defaults[limit];
  return cudaSuccess;
}

cudaError_t cudaDeviceSetCacheConfig(enum cudaFuncCache c) { (void)c; return cudaSuccess; }
cudaError_t cudaDeviceGetCacheConfig(enum cudaFuncCache *c) {
  if (!c) return compat_ret(cudaErrorInvalidValue);
  *c = cudaFuncCachePreferNone;
  return cudaSuccess;
}

cudaError_t cudaDeviceCanAccessPeer(int *can, int device, int peer) {
  if (!can) return compat_ret(cudaErrorInvalidValue);
  if (device != 0 || peer != 0) return compat_ret(cudaErrorInvalidDevice);
  *can = 0;
  return cudaSuccess;
}
cudaError_t cudaDeviceEnablePeerAccess(int peer, unsigned int flags) {
  (void)peer, (void)flags;
  return compat_ret(cudaErrorInvalidDevice);
}
cudaError_t cudaDeviceDisablePeerAccess(int peer) {
  (void)peer;
  return compat_ret(cudaErrorInvalidDevice);
}

cudaError_t cudaMemGetInfo(size_t *free_b, size_t *total) {
  cudaError_t err = need_ctx();
  if (err != cudaSuccess) return compat_ret(err);
  size_t dev_free, dev_total; /* a device with memory of its own (cuda) */
  if (cw_context_mem_info(compat_state()->ctx, &dev_free, &dev_total) == CW_OK) {
    if (free_b) *free_b = dev_free;
    if (total) *total = dev_total;
    return cudaSuccess;
  }
  size_t t = meminfo_kb("MemTotal") * 1024, f = meminfo_kb("MemAvailable") * 1024;
  cw_device_info info;
  if (t == 0 && cw_backend_probe(cw_context_backend(compat_state()->ctx), &info))
    t = f = (size_t)info.memory_bytes; /* no /proc/meminfo (a web build): the device's word */
  if (free_b) *free_b = f;
  if (total) *total = t;
  return cudaSuccess;
}

cudaError_t cudaDriverGetVersion(int *v) {
  if (!v) return compat_ret(cudaErrorInvalidValue);
  *v = CUDART_VERSION;
  return cudaSuccess;
}

cudaError_t cudaRuntimeGetVersion(int *v) {
  if (!v) return compat_ret(cudaErrorInvalidValue);
  *v = CUDART_VERSION;
  return cudaSuccess;
}

cudaError_t cudaProfilerStart(void) { return cudaSuccess; }
cudaError_t cudaProfilerStop(void) { return cudaSuccess; }
