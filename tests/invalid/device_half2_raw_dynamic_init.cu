// expect: 10:27: __half2's constructor from __half2_raw is not constexpr
// __half's constructor from __half_raw is constexpr, so a __device__
// __half may start from raw bits; __half2's from __half2_raw is not, so
// the same for a __device__ __half2 would need dynamic initialization,
// which CUDA does not support.
#include <cuda_fp16.h>

__device__ __half one = __half_raw{0x3c00};

__device__ __half2 pair = __half2_raw{0x3c00, 0x4000};

__global__ void scale(__half2 *x) { x[threadIdx.x] = __hmul2(x[threadIdx.x], pair); }
