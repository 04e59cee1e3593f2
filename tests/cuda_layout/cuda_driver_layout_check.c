/*
 * cuda_driver_layout_check.c — src/rt/cuda/cuda_driver.h declares the
 * driver's structs and constants itself (the project does not include
 * cuda.h); this file holds them against the toolkit's cuda.h at compile
 * time: every constant's number, and every struct's size and field
 * offsets.  It is built only where the toolkit is installed
 * (tests/CMakeLists.txt), so a mismatch is a build error there; the
 * program itself only reports that it was built.  cuda_driver.h's names
 * are renamed to cw_* while it is included, since cuda.h declares the
 * same ones.
 */
#include <cuda.h>
#include <stddef.h>
#include <stdio.h>

#define CW_DRIVER_CONSTANTS(X)                                                 \
  X(CU_RESOURCE_TYPE_ARRAY) X(CU_RESOURCE_TYPE_LINEAR) X(CU_RESOURCE_TYPE_PITCH2D) \
  X(CU_TRSF_READ_AS_INTEGER) X(CU_TRSF_NORMALIZED_COORDINATES)                 \
  X(CU_AD_FORMAT_UNSIGNED_INT8) X(CU_AD_FORMAT_SIGNED_INT8) X(CU_AD_FORMAT_FLOAT) \
  X(CUDA_ARRAY3D_SURFACE_LDST) X(CU_MEMORYTYPE_DEVICE) X(CU_MEMORYTYPE_ARRAY)  \
  X(CU_MEMORYTYPE_HOST) X(CU_POINTER_ATTRIBUTE_MEMORY_TYPE) X(CU_EVENT_DISABLE_TIMING) \
  X(CU_JIT_ERROR_LOG_BUFFER) X(CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES)             \
  X(CU_JIT_INPUT_CUBIN) X(CU_JIT_INPUT_PTX) X(CU_JIT_INPUT_LIBRARY)             \
  X(CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT)                                  \
  X(CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR)                              \
  X(CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR)                              \
  X(CU_DEVICE_ATTRIBUTE_COOPERATIVE_LAUNCH)                                    \
  X(CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK_OPTIN)                     \
  X(CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES)                           \
  X(CU_FUNC_ATTRIBUTE_SHARED_SIZE_BYTES)

/* the toolkit's numbers, kept before the names are renamed (some of them
 * are macros in cuda.h) */
#define KEEP(name) toolkit_##name = (long long)(name),
enum { CW_DRIVER_CONSTANTS(KEEP) toolkit_constants_end };
#undef CUDA_ARRAY3D_SURFACE_LDST
#undef CU_TRSF_READ_AS_INTEGER
#undef CU_TRSF_NORMALIZED_COORDINATES
#undef cuMemcpy3D
#undef cuArray3DCreate

#define CU_RESOURCE_TYPE_ARRAY cw_CU_RESOURCE_TYPE_ARRAY
#define CU_RESOURCE_TYPE_LINEAR cw_CU_RESOURCE_TYPE_LINEAR
#define CU_RESOURCE_TYPE_PITCH2D cw_CU_RESOURCE_TYPE_PITCH2D
#define CU_TRSF_READ_AS_INTEGER cw_CU_TRSF_READ_AS_INTEGER
#define CU_TRSF_NORMALIZED_COORDINATES cw_CU_TRSF_NORMALIZED_COORDINATES
#define CU_AD_FORMAT_UNSIGNED_INT8 cw_CU_AD_FORMAT_UNSIGNED_INT8
#define CU_AD_FORMAT_SIGNED_INT8 cw_CU_AD_FORMAT_SIGNED_INT8
#define CU_AD_FORMAT_FLOAT cw_CU_AD_FORMAT_FLOAT
#define CUDA_ARRAY3D_SURFACE_LDST cw_CUDA_ARRAY3D_SURFACE_LDST
#define CU_MEMORYTYPE_DEVICE cw_CU_MEMORYTYPE_DEVICE
#define CU_MEMORYTYPE_ARRAY cw_CU_MEMORYTYPE_ARRAY
#define CU_MEMORYTYPE_HOST cw_CU_MEMORYTYPE_HOST
#define CU_POINTER_ATTRIBUTE_MEMORY_TYPE cw_CU_POINTER_ATTRIBUTE_MEMORY_TYPE
#define CU_EVENT_DISABLE_TIMING cw_CU_EVENT_DISABLE_TIMING
#define CU_JIT_ERROR_LOG_BUFFER cw_CU_JIT_ERROR_LOG_BUFFER
#define CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES cw_CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES
#define CU_JIT_INPUT_CUBIN cw_CU_JIT_INPUT_CUBIN
#define CU_JIT_INPUT_PTX cw_CU_JIT_INPUT_PTX
#define CU_JIT_INPUT_LIBRARY cw_CU_JIT_INPUT_LIBRARY
#define CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT cw_CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT
#define CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR cw_CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR
#define CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR cw_CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR
#define CU_DEVICE_ATTRIBUTE_COOPERATIVE_LAUNCH cw_CU_DEVICE_ATTRIBUTE_COOPERATIVE_LAUNCH
#define CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK_OPTIN                  \
  cw_CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK_OPTIN
#define CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES cw_CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES
#define CU_FUNC_ATTRIBUTE_SHARED_SIZE_BYTES cw_CU_FUNC_ATTRIBUTE_SHARED_SIZE_BYTES
#define CUresult cw_CUresult
#define CUdevice cw_CUdevice
#define CUcontext cw_CUcontext
#define CUmodule cw_CUmodule
#define CUfunction cw_CUfunction
#define CUstream cw_CUstream
#define CUevent cw_CUevent
#define CUdeviceptr cw_CUdeviceptr
#define CUlinkState cw_CUlinkState
#define CUtexObject cw_CUtexObject
#define CUsurfObject cw_CUsurfObject
#define CUarray cw_CUarray
#include "rt/cuda/cuda_driver.h"

/* every constant: cuda_driver.h's number is the toolkit's */
#define SAME(name) _Static_assert((long long)cw_##name == (long long)toolkit_##name, #name " differs from cuda.h");
CW_DRIVER_CONSTANTS(SAME)

/* a field of ours at the offset (and of the size) of the toolkit's */
#define FIELD(ours, theirs, f, g)                                              \
  _Static_assert(offsetof(ours, f) == offsetof(theirs, g), #ours "." #f " is not at " #g); \
  _Static_assert(sizeof(((ours *)0)->f) == sizeof(((theirs *)0)->g), #ours "." #f " size");
#define SIZE(ours, theirs) _Static_assert(sizeof(ours) == sizeof(theirs), #ours " size");

SIZE(CudaResourceDesc, CUDA_RESOURCE_DESC)
FIELD(CudaResourceDesc, CUDA_RESOURCE_DESC, res_type, resType)
FIELD(CudaResourceDesc, CUDA_RESOURCE_DESC, res.array.array, res.array.hArray)
FIELD(CudaResourceDesc, CUDA_RESOURCE_DESC, res.linear.ptr, res.linear.devPtr)
FIELD(CudaResourceDesc, CUDA_RESOURCE_DESC, res.linear.format, res.linear.format)
FIELD(CudaResourceDesc, CUDA_RESOURCE_DESC, res.linear.channels, res.linear.numChannels)
FIELD(CudaResourceDesc, CUDA_RESOURCE_DESC, res.linear.bytes, res.linear.sizeInBytes)
FIELD(CudaResourceDesc, CUDA_RESOURCE_DESC, res.pitch2d.ptr, res.pitch2D.devPtr)
FIELD(CudaResourceDesc, CUDA_RESOURCE_DESC, res.pitch2d.format, res.pitch2D.format)
FIELD(CudaResourceDesc, CUDA_RESOURCE_DESC, res.pitch2d.channels, res.pitch2D.numChannels)
FIELD(CudaResourceDesc, CUDA_RESOURCE_DESC, res.pitch2d.width, res.pitch2D.width)
FIELD(CudaResourceDesc, CUDA_RESOURCE_DESC, res.pitch2d.height, res.pitch2D.height)
FIELD(CudaResourceDesc, CUDA_RESOURCE_DESC, res.pitch2d.pitch, res.pitch2D.pitchInBytes)
FIELD(CudaResourceDesc, CUDA_RESOURCE_DESC, flags, flags)

SIZE(CudaTextureDesc, CUDA_TEXTURE_DESC)
FIELD(CudaTextureDesc, CUDA_TEXTURE_DESC, address, addressMode)
FIELD(CudaTextureDesc, CUDA_TEXTURE_DESC, filter, filterMode)
FIELD(CudaTextureDesc, CUDA_TEXTURE_DESC, flags, flags)
FIELD(CudaTextureDesc, CUDA_TEXTURE_DESC, max_anisotropy, maxAnisotropy)
FIELD(CudaTextureDesc, CUDA_TEXTURE_DESC, mipmap_filter, mipmapFilterMode)
FIELD(CudaTextureDesc, CUDA_TEXTURE_DESC, mipmap_bias, mipmapLevelBias)
FIELD(CudaTextureDesc, CUDA_TEXTURE_DESC, mipmap_min, minMipmapLevelClamp)
FIELD(CudaTextureDesc, CUDA_TEXTURE_DESC, mipmap_max, maxMipmapLevelClamp)
FIELD(CudaTextureDesc, CUDA_TEXTURE_DESC, border, borderColor)

SIZE(CudaArray3dDesc, CUDA_ARRAY3D_DESCRIPTOR)
FIELD(CudaArray3dDesc, CUDA_ARRAY3D_DESCRIPTOR, width, Width)
FIELD(CudaArray3dDesc, CUDA_ARRAY3D_DESCRIPTOR, height, Height)
FIELD(CudaArray3dDesc, CUDA_ARRAY3D_DESCRIPTOR, depth, Depth)
FIELD(CudaArray3dDesc, CUDA_ARRAY3D_DESCRIPTOR, format, Format)
FIELD(CudaArray3dDesc, CUDA_ARRAY3D_DESCRIPTOR, channels, NumChannels)
FIELD(CudaArray3dDesc, CUDA_ARRAY3D_DESCRIPTOR, flags, Flags)

SIZE(CudaMemcpy3d, CUDA_MEMCPY3D)
FIELD(CudaMemcpy3d, CUDA_MEMCPY3D, src_x_bytes, srcXInBytes)
FIELD(CudaMemcpy3d, CUDA_MEMCPY3D, src_y, srcY)
FIELD(CudaMemcpy3d, CUDA_MEMCPY3D, src_z, srcZ)
FIELD(CudaMemcpy3d, CUDA_MEMCPY3D, src_lod, srcLOD)
FIELD(CudaMemcpy3d, CUDA_MEMCPY3D, src_type, srcMemoryType)
FIELD(CudaMemcpy3d, CUDA_MEMCPY3D, src_host, srcHost)
FIELD(CudaMemcpy3d, CUDA_MEMCPY3D, src_device, srcDevice)
FIELD(CudaMemcpy3d, CUDA_MEMCPY3D, src_array, srcArray)
FIELD(CudaMemcpy3d, CUDA_MEMCPY3D, reserved0, reserved0)
FIELD(CudaMemcpy3d, CUDA_MEMCPY3D, src_pitch, srcPitch)
FIELD(CudaMemcpy3d, CUDA_MEMCPY3D, src_height, srcHeight)
FIELD(CudaMemcpy3d, CUDA_MEMCPY3D, dst_x_bytes, dstXInBytes)
FIELD(CudaMemcpy3d, CUDA_MEMCPY3D, dst_y, dstY)
FIELD(CudaMemcpy3d, CUDA_MEMCPY3D, dst_z, dstZ)
FIELD(CudaMemcpy3d, CUDA_MEMCPY3D, dst_lod, dstLOD)
FIELD(CudaMemcpy3d, CUDA_MEMCPY3D, dst_type, dstMemoryType)
FIELD(CudaMemcpy3d, CUDA_MEMCPY3D, dst_host, dstHost)
FIELD(CudaMemcpy3d, CUDA_MEMCPY3D, dst_device, dstDevice)
FIELD(CudaMemcpy3d, CUDA_MEMCPY3D, dst_array, dstArray)
FIELD(CudaMemcpy3d, CUDA_MEMCPY3D, reserved1, reserved1)
FIELD(CudaMemcpy3d, CUDA_MEMCPY3D, dst_pitch, dstPitch)
FIELD(CudaMemcpy3d, CUDA_MEMCPY3D, dst_height, dstHeight)
FIELD(CudaMemcpy3d, CUDA_MEMCPY3D, width_bytes, WidthInBytes)
FIELD(CudaMemcpy3d, CUDA_MEMCPY3D, height, Height)
FIELD(CudaMemcpy3d, CUDA_MEMCPY3D, depth, Depth)

/* entry points: the function cuda_load.c loads (cuda.h's macro names the
 * versioned symbol, e.g. cuMemcpyHtoDAsync_v2) takes the parameters of
 * our table's pointer (the result types differ in name only: cuda.h's
 * enum against our int) */
#define SAME_CALL(fn, ...)                                                     \
  _Static_assert(__builtin_types_compatible_p(__typeof__(&fn),                 \
                                              enum cudaError_enum (*)(__VA_ARGS__)), \
                 #fn "'s parameters in cuda.h");                               \
  _Static_assert(__builtin_types_compatible_p(__typeof__(((CudaDriver *)0)->fn), \
                                              CUresult (*)(__VA_ARGS__)),      \
                 #fn "'s parameters in cuda_driver.h");
SAME_CALL(cuMemcpyHtoDAsync, CUdeviceptr, const void *, size_t, CUstream)
SAME_CALL(cuMemcpyHtoD, CUdeviceptr, const void *, size_t)
SAME_CALL(cuMemAllocHost, void **, size_t)
SAME_CALL(cuMemFreeHost, void *)
SAME_CALL(cuEventCreate, CUevent *, unsigned)
SAME_CALL(cuEventRecord, CUevent, CUstream)
SAME_CALL(cuEventSynchronize, CUevent)
SAME_CALL(cuEventDestroy, CUevent)
_Static_assert(__builtin_types_compatible_p(__typeof__(&cuPointerGetAttribute),
                                           enum cudaError_enum (*)(void *, enum CUpointer_attribute_enum,
                                                                   CUdeviceptr)),
               "cuPointerGetAttribute's parameters in cuda.h"); /* ours: the attribute as an int */
_Static_assert(__builtin_types_compatible_p(__typeof__(((CudaDriver *)0)->cuPointerGetAttribute),
                                           CUresult (*)(void *, int, CUdeviceptr)),
               "cuPointerGetAttribute's parameters in cuda_driver.h");

int main(void) {
  puts("cuda_driver.h: constants and struct layouts match the toolkit's cuda.h");
  return 0;
}
