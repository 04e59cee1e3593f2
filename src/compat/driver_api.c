/*
 * driver_api.c — the device-query subset of the CUDA driver API
 * (include/cuda/cuda.h): cuInit, cuDriverGetVersion, cuDeviceGetCount,
 * cuDeviceGet, cuDeviceGetName, cuDeviceTotalMem, cuDeviceGetAttribute,
 * cuGetErrorName and cuGetErrorString.  Each answers through the runtime
 * API (runtime_device.c), so the driver and runtime views of the device
 * agree on every backend; the attribute numbers of the two APIs are the
 * same.  The runtime's last error is left as it was: a driver call is not
 * a runtime call.  As the real driver, every query before cuInit returns
 * CUDA_ERROR_NOT_INITIALIZED.  The symbols are cuwasm_cu* (cuda.h maps
 * the names) so that they never interpose on the real libcuda.so.1 that
 * the CUDA backend loads.
 */
#include "compat/compat.h"

#include <stdio.h>

#include "cuda/cuda.h"

static int driver_initialized; /* set once by a successful cuInit */

static bool initialized(void) { return __atomic_load_n(&driver_initialized, __ATOMIC_ACQUIRE); }

/* The runtime's answer as the driver's: the numbers the two share. */
static CUresult from_runtime(cudaError_t e) {
  switch (e) {
  case cudaSuccess: return CUDA_SUCCESS;
  case cudaErrorInvalidValue: return CUDA_ERROR_INVALID_VALUE;
  case cudaErrorInvalidDevice: return CUDA_ERROR_INVALID_DEVICE;
  case cudaErrorNoDevice: return CUDA_ERROR_NO_DEVICE;
  case cudaErrorMemoryAllocation: return CUDA_ERROR_OUT_OF_MEMORY;
  default: return CUDA_ERROR_UNKNOWN;
  }
}

/* Checks done before every device query, in the real driver's order. */
static CUresult device_query_ready(const void *out, CUdevice dev) {
  if (!initialized()) return CUDA_ERROR_NOT_INITIALIZED;
  if (!out) return CUDA_ERROR_INVALID_VALUE;
  int n = 0;
  cudaError_t saved = compat_swap_last_error(cudaSuccess);
  cudaError_t e = cudaGetDeviceCount(&n);
  compat_swap_last_error(saved);
  if (e != cudaSuccess) return from_runtime(e);
  return dev >= 0 && dev < n ? CUDA_SUCCESS : CUDA_ERROR_INVALID_DEVICE;
}

CUresult cuInit(unsigned int flags) {
  if (flags != 0) return CUDA_ERROR_INVALID_VALUE;
  int n = 0;
  cudaError_t saved = compat_swap_last_error(cudaSuccess);
  cudaError_t e = cudaGetDeviceCount(&n);
  compat_swap_last_error(saved);
  if (e != cudaSuccess || n == 0) return CUDA_ERROR_NO_DEVICE;
  __atomic_store_n(&driver_initialized, 1, __ATOMIC_RELEASE);
  return CUDA_SUCCESS;
}

CUresult cuDriverGetVersion(int *version) { /* allowed before cuInit, as CUDA's */
  if (!version) return CUDA_ERROR_INVALID_VALUE;
  cudaError_t saved = compat_swap_last_error(cudaSuccess);
  cudaError_t e = cudaDriverGetVersion(version);
  compat_swap_last_error(saved);
  return from_runtime(e);
}

CUresult cuDeviceGetCount(int *count) {
  if (!initialized()) return CUDA_ERROR_NOT_INITIALIZED;
  if (!count) return CUDA_ERROR_INVALID_VALUE;
  cudaError_t saved = compat_swap_last_error(cudaSuccess);
  cudaError_t e = cudaGetDeviceCount(count);
  compat_swap_last_error(saved);
  return from_runtime(e);
}

CUresult cuDeviceGet(CUdevice *device, int ordinal) {
  CUresult r = device_query_ready(device, ordinal);
  if (r == CUDA_SUCCESS) *device = ordinal;
  return r;
}

/* The runtime's description of device dev, leaving its last error alone. */
static CUresult device_props(struct cudaDeviceProp *p, CUdevice dev) {
  cudaError_t saved = compat_swap_last_error(cudaSuccess);
  cudaError_t e = cudaGetDeviceProperties(p, dev);
  compat_swap_last_error(saved);
  return from_runtime(e);
}

CUresult cuDeviceGetName(char *name, int len, CUdevice dev) {
  CUresult r = device_query_ready(name, dev);
  if (r != CUDA_SUCCESS) return r;
  if (len <= 0) return CUDA_ERROR_INVALID_VALUE;
  struct cudaDeviceProp p;
  if ((r = device_props(&p, dev)) != CUDA_SUCCESS) return r;
  snprintf(name, (size_t)len, "%s", p.name);
  return CUDA_SUCCESS;
}

CUresult cuDeviceTotalMem(size_t *bytes, CUdevice dev) {
  CUresult r = device_query_ready(bytes, dev);
  if (r != CUDA_SUCCESS) return r;
  struct cudaDeviceProp p;
  if ((r = device_props(&p, dev)) != CUDA_SUCCESS) return r;
  *bytes = p.totalGlobalMem;
  return CUDA_SUCCESS;
}

CUresult cuDeviceGetAttribute(int *value, CUdevice_attribute attr, CUdevice dev) {
  CUresult r = device_query_ready(value, dev);
  if (r != CUDA_SUCCESS) return r;
  cudaError_t saved = compat_swap_last_error(cudaSuccess);
  cudaError_t e = cudaDeviceGetAttribute(value, (enum cudaDeviceAttr)attr, dev);
  compat_swap_last_error(saved);
  return from_runtime(e);
}

/* ---- error names and descriptions ------------------------------------- */

static const struct {
  CUresult code;
  const char *name;
} driver_errors[] = {
#define E(n) {n, #n}
    E(CUDA_SUCCESS), E(CUDA_ERROR_INVALID_VALUE), E(CUDA_ERROR_OUT_OF_MEMORY),
    E(CUDA_ERROR_NOT_INITIALIZED), E(CUDA_ERROR_DEINITIALIZED), E(CUDA_ERROR_PROFILER_DISABLED),
    E(CUDA_ERROR_STUB_LIBRARY), E(CUDA_ERROR_DEVICE_UNAVAILABLE), E(CUDA_ERROR_NO_DEVICE),
    E(CUDA_ERROR_INVALID_DEVICE), E(CUDA_ERROR_DEVICE_NOT_LICENSED), E(CUDA_ERROR_INVALID_IMAGE),
    E(CUDA_ERROR_INVALID_CONTEXT), E(CUDA_ERROR_CONTEXT_ALREADY_CURRENT), E(CUDA_ERROR_MAP_FAILED),
    E(CUDA_ERROR_UNMAP_FAILED), E(CUDA_ERROR_ARRAY_IS_MAPPED), E(CUDA_ERROR_ALREADY_MAPPED),
    E(CUDA_ERROR_NO_BINARY_FOR_GPU), E(CUDA_ERROR_ALREADY_ACQUIRED), E(CUDA_ERROR_NOT_MAPPED),
    E(CUDA_ERROR_ECC_UNCORRECTABLE), E(CUDA_ERROR_UNSUPPORTED_LIMIT),
    E(CUDA_ERROR_CONTEXT_ALREADY_IN_USE), E(CUDA_ERROR_PEER_ACCESS_UNSUPPORTED),
    E(CUDA_ERROR_INVALID_PTX), E(CUDA_ERROR_INVALID_GRAPHICS_CONTEXT),
    E(CUDA_ERROR_NVLINK_UNCORRECTABLE), E(CUDA_ERROR_JIT_COMPILER_NOT_FOUND),
    E(CUDA_ERROR_UNSUPPORTED_PTX_VERSION), E(CUDA_ERROR_JIT_COMPILATION_DISABLED),
    E(CUDA_ERROR_INVALID_SOURCE), E(CUDA_ERROR_FILE_NOT_FOUND),
    E(CUDA_ERROR_SHARED_OBJECT_SYMBOL_NOT_FOUND), E(CUDA_ERROR_SHARED_OBJECT_INIT_FAILED),
    E(CUDA_ERROR_OPERATING_SYSTEM), E(CUDA_ERROR_INVALID_HANDLE), E(CUDA_ERROR_ILLEGAL_STATE),
    E(CUDA_ERROR_NOT_FOUND), E(CUDA_ERROR_NOT_READY), E(CUDA_ERROR_ILLEGAL_ADDRESS),
    E(CUDA_ERROR_LAUNCH_OUT_OF_RESOURCES), E(CUDA_ERROR_LAUNCH_TIMEOUT),
    E(CUDA_ERROR_LAUNCH_INCOMPATIBLE_TEXTURING), E(CUDA_ERROR_PEER_ACCESS_ALREADY_ENABLED),
    E(CUDA_ERROR_PEER_ACCESS_NOT_ENABLED), E(CUDA_ERROR_PRIMARY_CONTEXT_ACTIVE),
    E(CUDA_ERROR_CONTEXT_IS_DESTROYED), E(CUDA_ERROR_ASSERT), E(CUDA_ERROR_TOO_MANY_PEERS),
    E(CUDA_ERROR_HOST_MEMORY_ALREADY_REGISTERED), E(CUDA_ERROR_HOST_MEMORY_NOT_REGISTERED),
    E(CUDA_ERROR_HARDWARE_STACK_ERROR), E(CUDA_ERROR_ILLEGAL_INSTRUCTION),
    E(CUDA_ERROR_MISALIGNED_ADDRESS), E(CUDA_ERROR_INVALID_ADDRESS_SPACE), E(CUDA_ERROR_INVALID_PC),
    E(CUDA_ERROR_LAUNCH_FAILED), E(CUDA_ERROR_COOPERATIVE_LAUNCH_TOO_LARGE),
    E(CUDA_ERROR_NOT_PERMITTED), E(CUDA_ERROR_NOT_SUPPORTED), E(CUDA_ERROR_SYSTEM_NOT_READY),
    E(CUDA_ERROR_SYSTEM_DRIVER_MISMATCH), E(CUDA_ERROR_TIMEOUT), E(CUDA_ERROR_UNKNOWN),
#undef E
};

static const char *driver_error_name(CUresult code) {
  for (size_t i = 0; i < sizeof driver_errors / sizeof driver_errors[0]; i++)
    if (driver_errors[i].code == code) return driver_errors[i].name;
  return NULL;
}

CUresult cuGetErrorName(CUresult error, const char **str) {
  if (!str) return CUDA_ERROR_INVALID_VALUE;
  *str = driver_error_name(error);
  return *str ? CUDA_SUCCESS : CUDA_ERROR_INVALID_VALUE;
}

/* The driver's codes carry the runtime's numbers for the same conditions,
 * so the runtime's description (runtime_errors.c) is the driver's too. */
CUresult cuGetErrorString(CUresult error, const char **str) {
  if (!str) return CUDA_ERROR_INVALID_VALUE;
  *str = driver_error_name(error) ? cudaGetErrorString((cudaError_t)error) : NULL;
  return *str ? CUDA_SUCCESS : CUDA_ERROR_INVALID_VALUE;
}
