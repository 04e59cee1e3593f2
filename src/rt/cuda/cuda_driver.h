/*
 * cuda_driver.h — the parts of the CUDA driver API and NVRTC that the
 * native backend calls, declared here (not included from the toolkit) and
 * resolved with dlopen at run time: one cuwasm build runs on machines with
 * and without an NVIDIA driver, and a missing library is a reason shown by
 * `cuwasm devices`, never a link error.
 */
#ifndef CW_RT_CUDA_DRIVER_H
#define CW_RT_CUDA_DRIVER_H

#include <stddef.h>
#include <stdint.h>
#include <stdbool.h>

typedef int CUresult; /* 0 = CUDA_SUCCESS */
typedef int CUdevice;
typedef struct CUctx_st *CUcontext;
typedef struct CUmod_st *CUmodule;
typedef struct CUfunc_st *CUfunction;
typedef struct CUstream_st *CUstream;
typedef struct CUevent_st *CUevent;
typedef unsigned long long CUdeviceptr;
typedef struct CUlinkState_st *CUlinkState;
typedef unsigned long long CUtexObject;
typedef unsigned long long CUsurfObject;
typedef struct CUarray_st *CUarray;

/* texture and surface objects: the layouts of cuda.h's CUDA_RESOURCE_DESC
 * and CUDA_TEXTURE_DESC (ABI of the driver), for CUDA arrays, linear and
 * pitched 2-D memory (tests/unit/test_cuda_driver_layout.c compares them
 * with the toolkit's cuda.h where it is installed) */
enum { CU_RESOURCE_TYPE_ARRAY = 0, CU_RESOURCE_TYPE_LINEAR = 2, CU_RESOURCE_TYPE_PITCH2D = 3 };
enum { CU_TRSF_READ_AS_INTEGER = 1, CU_TRSF_NORMALIZED_COORDINATES = 2 };
enum { CU_AD_FORMAT_UNSIGNED_INT8 = 0x01, CU_AD_FORMAT_SIGNED_INT8 = 0x08,
       CU_AD_FORMAT_FLOAT = 0x20 }; /* 16/32-bit: +1, +2 from the 8-bit ones */
typedef struct CudaResourceDesc {
  int res_type;
  union {
    struct {
      CUarray array;
    } array;
    struct {
      CUdeviceptr ptr;
      int format;
      unsigned channels;
      size_t bytes;
    } linear;
    struct {
      CUdeviceptr ptr;
      int format;
      unsigned channels;
      size_t width, height, pitch;
    } pitch2d;
    int reserved[32];
  } res;
  unsigned flags;
} CudaResourceDesc;
typedef struct CudaTextureDesc {
  int address[3];
  int filter;
  unsigned flags;
  unsigned max_anisotropy;
  int mipmap_filter;
  float mipmap_bias, mipmap_min, mipmap_max;
  float border[4];
  int reserved[12];
} CudaTextureDesc;
/* CUDA arrays (CUDA_ARRAY3D_DESCRIPTOR: height and depth 0 for fewer
 * dimensions) and the copies into and out of them (CUDA_MEMCPY3D) */
enum { CUDA_ARRAY3D_SURFACE_LDST = 0x02 };
enum { CU_MEMORYTYPE_HOST = 1, CU_MEMORYTYPE_DEVICE = 2, CU_MEMORYTYPE_ARRAY = 3 };
/* cuPointerGetAttribute: which memory (CU_MEMORYTYPE_*); an error for
 * pageable host memory, which the driver does not know */
enum { CU_POINTER_ATTRIBUTE_MEMORY_TYPE = 2 };
enum { CU_EVENT_DISABLE_TIMING = 2 };
typedef struct CudaArray3dDesc {
  size_t width, height, depth;
  int format;
  unsigned channels;
  unsigned flags;
} CudaArray3dDesc;
typedef struct CudaMemcpy3d {
  size_t src_x_bytes, src_y, src_z, src_lod;
  int src_type;
  const void *src_host;
  CUdeviceptr src_device;
  CUarray src_array;
  void *reserved0;
  size_t src_pitch, src_height;
  size_t dst_x_bytes, dst_y, dst_z, dst_lod;
  int dst_type;
  void *dst_host;
  CUdeviceptr dst_device;
  CUarray dst_array;
  void *reserved1;
  size_t dst_pitch, dst_height;
  size_t width_bytes, height, depth;
} CudaMemcpy3d;
enum { CU_JIT_ERROR_LOG_BUFFER = 5, CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES = 6,
       CU_JIT_INPUT_CUBIN = 0, CU_JIT_INPUT_PTX = 1, CU_JIT_INPUT_LIBRARY = 4 };

/* CUdevice_attribute: the same numbers as the runtime's cudaDeviceAttr,
 * so cudaDeviceGetAttribute passes its attribute on unchanged. */
enum {
  CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT = 16,
  CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR = 75,
  CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR = 76,
  CU_DEVICE_ATTRIBUTE_COOPERATIVE_LAUNCH = 95,
  CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK_OPTIN = 97,
  CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES = 8,
  CU_FUNC_ATTRIBUTE_SHARED_SIZE_BYTES = 1,
};

typedef struct CudaDriver {
  void *lib;
  CUresult (*cuInit)(unsigned);
  CUresult (*cuDeviceGetCount)(int *);
  CUresult (*cuDeviceGet)(CUdevice *, int);
  CUresult (*cuDeviceGetName)(char *, int, CUdevice);
  CUresult (*cuDeviceGetAttribute)(int *, int, CUdevice);
  CUresult (*cuDeviceTotalMem)(size_t *, CUdevice);
  CUresult (*cuDeviceGetUuid)(unsigned char[16], CUdevice); /* CUuuid: 16 bytes */
  CUresult (*cuDevicePrimaryCtxRetain)(CUcontext *, CUdevice);
  CUresult (*cuDevicePrimaryCtxRelease)(CUdevice);
  CUresult (*cuCtxSetCurrent)(CUcontext);
  CUresult (*cuCtxSynchronize)(void);
  CUresult (*cuCtxSetLimit)(int, size_t); /* CUlimit numbers are cudaLimit's */
  CUresult (*cuMemAlloc)(CUdeviceptr *, size_t);
  CUresult (*cuMemFree)(CUdeviceptr);
  CUresult (*cuMemGetInfo)(size_t *, size_t *);
  CUresult (*cuMemAllocManaged)(CUdeviceptr *, size_t, unsigned);
  CUresult (*cuMemAllocHost)(void **, size_t);
  CUresult (*cuMemFreeHost)(void *);
  CUresult (*cuMemHostRegister)(void *, size_t, unsigned);
  CUresult (*cuMemHostUnregister)(void *);
  CUresult (*cuMemcpy)(CUdeviceptr, CUdeviceptr, size_t);
  CUresult (*cuMemcpyHtoD)(CUdeviceptr, const void *, size_t);
  CUresult (*cuPointerGetAttribute)(void *, int, CUdeviceptr);
  CUresult (*cuMemsetD8)(CUdeviceptr, unsigned char, size_t);
  CUresult (*cuModuleLoadData)(CUmodule *, const void *);
  CUresult (*cuModuleUnload)(CUmodule);
  CUresult (*cuModuleGetFunction)(CUfunction *, CUmodule, const char *);
  CUresult (*cuModuleGetGlobal)(CUdeviceptr *, size_t *, CUmodule, const char *);
  CUresult (*cuFuncGetAttribute)(int *, int, CUfunction);
  CUresult (*cuFuncSetAttribute)(CUfunction, int, int);
  CUresult (*cuLaunchKernel)(CUfunction, unsigned, unsigned, unsigned, unsigned, unsigned,
                             unsigned, unsigned, CUstream, void **, void **);
  /* every block resident at once, with the grid workspace that
   * grid_group::sync() reads (cooperative launch) */
  CUresult (*cuLaunchCooperativeKernel)(CUfunction, unsigned, unsigned, unsigned, unsigned,
                                        unsigned, unsigned, unsigned, CUstream, void **);
  CUresult (*cuOccupancyMaxActiveBlocksPerMultiprocessor)(int *, CUfunction, int, size_t);
  CUresult (*cuStreamCreate)(CUstream *, unsigned);
  CUresult (*cuStreamDestroy)(CUstream);
  CUresult (*cuStreamSynchronize)(CUstream);
  CUresult (*cuEventCreate)(CUevent *, unsigned);
  CUresult (*cuEventDestroy)(CUevent);
  CUresult (*cuEventRecord)(CUevent, CUstream);
  CUresult (*cuStreamWaitEvent)(CUstream, CUevent, unsigned);
  CUresult (*cuEventSynchronize)(CUevent);
  CUresult (*cuEventElapsedTime)(float *, CUevent, CUevent);
  CUresult (*cuMemcpyAsync)(CUdeviceptr, CUdeviceptr, size_t, CUstream);
  /* from pinned memory: asynchronous (cuda_staging.c) */
  CUresult (*cuMemcpyHtoDAsync)(CUdeviceptr, const void *, size_t, CUstream);
  CUresult (*cuMemsetD8Async)(CUdeviceptr, unsigned char, size_t, CUstream);
  CUresult (*cuGetErrorName)(CUresult, const char **);
  CUresult (*cuGetErrorString)(CUresult, const char **);
  CUresult (*cuTexObjectCreate)(CUtexObject *, const CudaResourceDesc *, const CudaTextureDesc *,
                                const void *);
  CUresult (*cuTexObjectDestroy)(CUtexObject);
  CUresult (*cuSurfObjectCreate)(CUsurfObject *, const CudaResourceDesc *);
  CUresult (*cuSurfObjectDestroy)(CUsurfObject);
  CUresult (*cuArray3DCreate)(CUarray *, const CudaArray3dDesc *);
  CUresult (*cuArrayDestroy)(CUarray);
  CUresult (*cuMemcpy3D)(const CudaMemcpy3d *);
  /* the device linker (separate compilation) */
  CUresult (*cuLinkCreate)(unsigned, int *, void **, CUlinkState *);
  CUresult (*cuLinkAddData)(CUlinkState, int, void *, size_t, const char *, unsigned, int *,
                            void **);
  CUresult (*cuLinkAddFile)(CUlinkState, int, const char *, unsigned, int *, void **);
  CUresult (*cuLinkComplete)(CUlinkState, void **, size_t *);
  CUresult (*cuLinkDestroy)(CUlinkState);
} CudaDriver;

typedef int nvrtcResult; /* 0 = NVRTC_SUCCESS */
typedef struct _nvrtcProgram *nvrtcProgram;

typedef struct Nvrtc {
  void *lib;
  const char *(*nvrtcGetErrorString)(nvrtcResult);
  nvrtcResult (*nvrtcCreateProgram)(nvrtcProgram *, const char *, const char *, int,
                                    const char *const *, const char *const *);
  nvrtcResult (*nvrtcDestroyProgram)(nvrtcProgram *);
  nvrtcResult (*nvrtcAddNameExpression)(nvrtcProgram, const char *);
  nvrtcResult (*nvrtcCompileProgram)(nvrtcProgram, int, const char *const *);
  nvrtcResult (*nvrtcGetLoweredName)(nvrtcProgram, const char *, const char **);
  nvrtcResult (*nvrtcGetProgramLogSize)(nvrtcProgram, size_t *);
  nvrtcResult (*nvrtcGetProgramLog)(nvrtcProgram, char *);
  nvrtcResult (*nvrtcGetCUBINSize)(nvrtcProgram, size_t *);
  nvrtcResult (*nvrtcGetCUBIN)(nvrtcProgram, char *);
  nvrtcResult (*nvrtcGetPTXSize)(nvrtcProgram, size_t *);
  nvrtcResult (*nvrtcGetPTX)(nvrtcProgram, char *);
  nvrtcResult (*nvrtcVersion)(int *, int *);
  /* the real architectures it compiles for (80 for sm_80); NULL where
   * NVRTC predates them (CUDA 11.2) */
  nvrtcResult (*nvrtcGetNumSupportedArchs)(int *);
  nvrtcResult (*nvrtcGetSupportedArchs)(int *);
} Nvrtc;

/* Open the libraries; false with a reason ("libcuda.so.1 not found"). */
bool cuda_driver_open(CudaDriver *d, char *why, size_t whyn);
bool nvrtc_open(Nvrtc *n, const char *path, char *why, size_t whyn);
/* NVRTC's file, without loading it; false: not found in the usual places */
bool nvrtc_locate(char *path, size_t n);
/* "CUDA_ERROR_...: message" for a driver result */
void cuda_error_text(const CudaDriver *d, CUresult r, char *out, size_t n);
/* The name of the function in the cubin (an ELF image of n bytes) that
 * NVRTC called nvrtc_name: the same, or nvcc's spelling of it
 * (cubin_names.c); malloc'd, or NULL when there is none or no single one. */
char *cubin_kernel_name(const char *img, size_t n, const char *nvrtc_name);

#endif
