/*
 * cuda.h — the CUDA driver API basics (cuwasm).
 *
 * Types and result codes are read in both passes (plain C); the functions
 * are host functions and are declared only when __CUDA_ARCH__ is
 * undefined.  Names, parameter lists and result numbers are CUDA's; the
 * device-query functions (cuInit ... cuDeviceGetAttribute, cuGetError*)
 * are implemented by src/compat/driver_api.c over the runtime API.  Their
 * names map to cuwasm_cu* symbols so that libcuwasm never exports a cu*
 * name that could interpose on the real libcuda.so.1, which the CUDA
 * backend loads itself; cuDeviceTotalMem_v2 is the same function.  Every
 * other function declared here is not implemented: calling it is a
 * compile-time error naming it (CUWASM_DRIVER_MISSING).
 */
#ifndef CUWASM_CUDA_H
#define CUWASM_CUDA_H
#define __cuda_cuda_h__ /* NVIDIA's guard: programs test it (helper_cuda.h) */

#define CUDA_VERSION 13000

#include "host_defines.h"
#include <stddef.h>

typedef enum cudaError_enum {
  CUDA_SUCCESS = 0,
  CUDA_ERROR_INVALID_VALUE = 1,
  CUDA_ERROR_OUT_OF_MEMORY = 2,
  CUDA_ERROR_NOT_INITIALIZED = 3,
  CUDA_ERROR_DEINITIALIZED = 4,
  CUDA_ERROR_PROFILER_DISABLED = 5,
  CUDA_ERROR_STUB_LIBRARY = 34,
  CUDA_ERROR_DEVICE_UNAVAILABLE = 46,
  CUDA_ERROR_NO_DEVICE = 100,
  CUDA_ERROR_INVALID_DEVICE = 101,
  CUDA_ERROR_DEVICE_NOT_LICENSED = 102,
  CUDA_ERROR_INVALID_IMAGE = 200,
  CUDA_ERROR_INVALID_CONTEXT = 201,
  CUDA_ERROR_CONTEXT_ALREADY_CURRENT = 202,
  CUDA_ERROR_MAP_FAILED = 205,
  CUDA_ERROR_UNMAP_FAILED = 206,
  CUDA_ERROR_ARRAY_IS_MAPPED = 207,
  CUDA_ERROR_ALREADY_MAPPED = 208,
  CUDA_ERROR_NO_BINARY_FOR_GPU = 209,
  CUDA_ERROR_ALREADY_ACQUIRED = 210,
  CUDA_ERROR_NOT_MAPPED = 211,
  CUDA_ERROR_ECC_UNCORRECTABLE = 214,
  CUDA_ERROR_UNSUPPORTED_LIMIT = 215,
  CUDA_ERROR_CONTEXT_ALREADY_IN_USE = 216,
  CUDA_ERROR_PEER_ACCESS_UNSUPPORTED = 217,
  CUDA_ERROR_INVALID_PTX = 218,
  CUDA_ERROR_INVALID_GRAPHICS_CONTEXT = 219,
  CUDA_ERROR_NVLINK_UNCORRECTABLE = 220,
  CUDA_ERROR_JIT_COMPILER_NOT_FOUND = 221,
  CUDA_ERROR_UNSUPPORTED_PTX_VERSION = 222,
  CUDA_ERROR_JIT_COMPILATION_DISABLED = 223,
  CUDA_ERROR_INVALID_SOURCE = 300,
  CUDA_ERROR_FILE_NOT_FOUND = 301,
  CUDA_ERROR_SHARED_OBJECT_SYMBOL_NOT_FOUND = 302,
  CUDA_ERROR_SHARED_OBJECT_INIT_FAILED = 303,
  CUDA_ERROR_OPERATING_SYSTEM = 304,
  CUDA_ERROR_INVALID_HANDLE = 400,
  CUDA_ERROR_ILLEGAL_STATE = 401,
  CUDA_ERROR_NOT_FOUND = 500,
  CUDA_ERROR_NOT_READY = 600,
  CUDA_ERROR_ILLEGAL_ADDRESS = 700,
  CUDA_ERROR_LAUNCH_OUT_OF_RESOURCES = 701,
  CUDA_ERROR_LAUNCH_TIMEOUT = 702,
  CUDA_ERROR_LAUNCH_INCOMPATIBLE_TEXTURING = 703,
  CUDA_ERROR_PEER_ACCESS_ALREADY_ENABLED = 704,
  CUDA_ERROR_PEER_ACCESS_NOT_ENABLED = 705,
  CUDA_ERROR_PRIMARY_CONTEXT_ACTIVE = 708,
  CUDA_ERROR_CONTEXT_IS_DESTROYED = 709,
  CUDA_ERROR_ASSERT = 710,
  CUDA_ERROR_TOO_MANY_PEERS = 711,
  CUDA_ERROR_HOST_MEMORY_ALREADY_REGISTERED = 712,
  CUDA_ERROR_HOST_MEMORY_NOT_REGISTERED = 713,
  CUDA_ERROR_HARDWARE_STACK_ERROR = 714,
  CUDA_ERROR_ILLEGAL_INSTRUCTION = 715,
  CUDA_ERROR_MISALIGNED_ADDRESS = 716,
  CUDA_ERROR_INVALID_ADDRESS_SPACE = 717,
  CUDA_ERROR_INVALID_PC = 718,
  CUDA_ERROR_LAUNCH_FAILED = 719,
  CUDA_ERROR_COOPERATIVE_LAUNCH_TOO_LARGE = 720,
  CUDA_ERROR_NOT_PERMITTED = 800,
  CUDA_ERROR_NOT_SUPPORTED = 801,
  CUDA_ERROR_SYSTEM_NOT_READY = 802,
  CUDA_ERROR_SYSTEM_DRIVER_MISMATCH = 803,
  CUDA_ERROR_TIMEOUT = 909,
  CUDA_ERROR_UNKNOWN = 999
} CUresult;

typedef int CUdevice;
typedef unsigned long long CUdeviceptr;
typedef struct CUctx_st *CUcontext;
typedef struct CUmod_st *CUmodule;
typedef struct CUfunc_st *CUfunction;
typedef struct CUstream_st *CUstream;
typedef struct CUevent_st *CUevent;

typedef enum CUdevice_attribute_enum {
  CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_BLOCK = 1,
  CU_DEVICE_ATTRIBUTE_MAX_BLOCK_DIM_X = 2,
  CU_DEVICE_ATTRIBUTE_MAX_BLOCK_DIM_Y = 3,
  CU_DEVICE_ATTRIBUTE_MAX_BLOCK_DIM_Z = 4,
  CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_X = 5,
  CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_Y = 6,
  CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_Z = 7,
  CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK = 8,
  CU_DEVICE_ATTRIBUTE_TOTAL_CONSTANT_MEMORY = 9,
  CU_DEVICE_ATTRIBUTE_WARP_SIZE = 10,
  CU_DEVICE_ATTRIBUTE_MAX_REGISTERS_PER_BLOCK = 12,
  CU_DEVICE_ATTRIBUTE_CLOCK_RATE = 13,
  CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT = 16,
  CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR = 75,
  CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR = 76
} CUdevice_attribute;

#define CU_STREAM_LEGACY      ((CUstream)0x1)
#define CU_STREAM_PER_THREAD  ((CUstream)0x2)
#define CU_LAUNCH_PARAM_END            ((void *)0x00)
#define CU_LAUNCH_PARAM_BUFFER_POINTER ((void *)0x01)
#define CU_LAUNCH_PARAM_BUFFER_SIZE    ((void *)0x02)

#if !defined(__CUDA_ARCH__)

#define cuInit cuwasm_cuInit
#define cuDriverGetVersion cuwasm_cuDriverGetVersion
#define cuGetErrorString cuwasm_cuGetErrorString
#define cuGetErrorName cuwasm_cuGetErrorName
#define cuDeviceGet cuwasm_cuDeviceGet
#define cuDeviceGetCount cuwasm_cuDeviceGetCount
#define cuDeviceGetName cuwasm_cuDeviceGetName
#define cuDeviceTotalMem cuwasm_cuDeviceTotalMem
#define cuDeviceTotalMem_v2 cuwasm_cuDeviceTotalMem
#define cuDeviceGetAttribute cuwasm_cuDeviceGetAttribute

#if defined(__GNUC__) || defined(__clang__)
#define CUWASM_DRIVER_MISSING(fn)                                                                  \
  __attribute__((error("cuwasm does not implement the CUDA driver API function " #fn              \
                       " yet; use the CUDA runtime API (cuda_runtime.h) instead")))
#else
#define CUWASM_DRIVER_MISSING(fn)
#endif

#ifdef __cplusplus
extern "C" {
#endif

CUresult cuInit(unsigned int Flags);
CUresult cuDriverGetVersion(int *driverVersion);
CUresult cuGetErrorString(CUresult error, const char **pStr);
CUresult cuGetErrorName(CUresult error, const char **pStr);
CUresult cuDeviceGet(CUdevice *device, int ordinal);
CUresult cuDeviceGetCount(int *count);
CUresult cuDeviceGetName(char *name, int len, CUdevice dev);
CUresult cuDeviceTotalMem(size_t *bytes, CUdevice dev);
CUresult cuDeviceGetAttribute(int *pi, CUdevice_attribute attrib, CUdevice dev);

/* Declared so that a program using one of these fails to compile with a
 * message naming it, rather than at link time. */
CUresult cuDevicePrimaryCtxRetain(CUcontext *pctx, CUdevice dev)
    CUWASM_DRIVER_MISSING(cuDevicePrimaryCtxRetain);
CUresult cuDevicePrimaryCtxRelease(CUdevice dev)
    CUWASM_DRIVER_MISSING(cuDevicePrimaryCtxRelease);
CUresult cuCtxCreate(CUcontext *pctx, unsigned int flags, CUdevice dev)
    CUWASM_DRIVER_MISSING(cuCtxCreate);
CUresult cuCtxDestroy(CUcontext ctx)
    CUWASM_DRIVER_MISSING(cuCtxDestroy);
CUresult cuCtxSetCurrent(CUcontext ctx)
    CUWASM_DRIVER_MISSING(cuCtxSetCurrent);
CUresult cuCtxGetCurrent(CUcontext *pctx)
    CUWASM_DRIVER_MISSING(cuCtxGetCurrent);
CUresult cuCtxSynchronize(void)
    CUWASM_DRIVER_MISSING(cuCtxSynchronize);
CUresult cuModuleLoad(CUmodule *module, const char *fname)
    CUWASM_DRIVER_MISSING(cuModuleLoad);
CUresult cuModuleLoadData(CUmodule *module, const void *image)
    CUWASM_DRIVER_MISSING(cuModuleLoadData);
CUresult cuModuleUnload(CUmodule hmod)
    CUWASM_DRIVER_MISSING(cuModuleUnload);
CUresult cuModuleGetFunction(CUfunction *hfunc, CUmodule hmod, const char *name)
    CUWASM_DRIVER_MISSING(cuModuleGetFunction);
CUresult cuModuleGetGlobal(CUdeviceptr *dptr, size_t *bytes, CUmodule hmod, const char *name)
    CUWASM_DRIVER_MISSING(cuModuleGetGlobal);
CUresult cuMemAlloc(CUdeviceptr *dptr, size_t bytesize)
    CUWASM_DRIVER_MISSING(cuMemAlloc);
CUresult cuMemFree(CUdeviceptr dptr)
    CUWASM_DRIVER_MISSING(cuMemFree);
CUresult cuMemAllocHost(void **pp, size_t bytesize)
    CUWASM_DRIVER_MISSING(cuMemAllocHost);
CUresult cuMemFreeHost(void *p)
    CUWASM_DRIVER_MISSING(cuMemFreeHost);
CUresult cuMemcpyHtoD(CUdeviceptr dstDevice, const void *srcHost, size_t ByteCount)
    CUWASM_DRIVER_MISSING(cuMemcpyHtoD);
CUresult cuMemcpyDtoH(void *dstHost, CUdeviceptr srcDevice, size_t ByteCount)
    CUWASM_DRIVER_MISSING(cuMemcpyDtoH);
CUresult cuMemcpyDtoD(CUdeviceptr dstDevice, CUdeviceptr srcDevice, size_t ByteCount)
    CUWASM_DRIVER_MISSING(cuMemcpyDtoD);
CUresult cuMemcpyHtoDAsync(CUdeviceptr dstDevice, const void *srcHost, size_t ByteCount,
                           CUstream hStream)
    CUWASM_DRIVER_MISSING(cuMemcpyHtoDAsync);
CUresult cuMemcpyDtoHAsync(void *dstHost, CUdeviceptr srcDevice, size_t ByteCount,
                           CUstream hStream)
    CUWASM_DRIVER_MISSING(cuMemcpyDtoHAsync);
CUresult cuMemsetD8(CUdeviceptr dstDevice, unsigned char uc, size_t N)
    CUWASM_DRIVER_MISSING(cuMemsetD8);
CUresult cuMemsetD32(CUdeviceptr dstDevice, unsigned int ui, size_t N)
    CUWASM_DRIVER_MISSING(cuMemsetD32);
CUresult cuMemGetInfo(size_t *free, size_t *total)
    CUWASM_DRIVER_MISSING(cuMemGetInfo);
CUresult cuStreamCreate(CUstream *phStream, unsigned int Flags)
    CUWASM_DRIVER_MISSING(cuStreamCreate);
CUresult cuStreamDestroy(CUstream hStream)
    CUWASM_DRIVER_MISSING(cuStreamDestroy);
CUresult cuStreamSynchronize(CUstream hStream)
    CUWASM_DRIVER_MISSING(cuStreamSynchronize);
CUresult cuEventCreate(CUevent *phEvent, unsigned int Flags)
    CUWASM_DRIVER_MISSING(cuEventCreate);
CUresult cuEventDestroy(CUevent hEvent)
    CUWASM_DRIVER_MISSING(cuEventDestroy);
CUresult cuEventRecord(CUevent hEvent, CUstream hStream)
    CUWASM_DRIVER_MISSING(cuEventRecord);
CUresult cuEventSynchronize(CUevent hEvent)
    CUWASM_DRIVER_MISSING(cuEventSynchronize);
CUresult cuEventElapsedTime(float *pMilliseconds, CUevent hStart, CUevent hEnd)
    CUWASM_DRIVER_MISSING(cuEventElapsedTime);
CUresult cuLaunchKernel(CUfunction f, unsigned int gridDimX, unsigned int gridDimY,
                        unsigned int gridDimZ, unsigned int blockDimX, unsigned int blockDimY,
                        unsigned int blockDimZ, unsigned int sharedMemBytes, CUstream hStream,
                        void **kernelParams, void **extra)
    CUWASM_DRIVER_MISSING(cuLaunchKernel);
CUresult cuLaunchCooperativeKernel(CUfunction f, unsigned int gridDimX, unsigned int gridDimY,
                                   unsigned int gridDimZ, unsigned int blockDimX,
                                   unsigned int blockDimY, unsigned int blockDimZ,
                                   unsigned int sharedMemBytes, CUstream hStream,
                                   void **kernelParams)
    CUWASM_DRIVER_MISSING(cuLaunchCooperativeKernel);
#ifdef __cplusplus
}
#endif

#endif /* !__CUDA_ARCH__ */

#endif /* CUWASM_CUDA_H */
