/*
 * util_cub.cuh — what cuwasm's CUB subset shares: the calling thread's
 * linear rank in its block, and the scan/reduction functors (cub::Sum,
 * cub::Max, cub::Min) that programs pass as operators.
 */
#ifndef CUWASM_CUB_UTIL_CUH
#define CUWASM_CUB_UTIL_CUH

#include "cuda_runtime.h"

namespace cub {

#if defined(__CUDA_ARCH__)

namespace __cw_cub {
__device__ __forceinline__ int linear_tid() {
  return (int)((threadIdx.z * blockDim.y + threadIdx.y) * blockDim.x + threadIdx.x);
}
} /* namespace __cw_cub */

struct Sum {
  int __cw_token;
  template <typename T>
  __device__ __forceinline__ T operator()(const T &a, const T &b) const { return a + b; }
};
struct Max {
  int __cw_token;
  template <typename T>
  __device__ __forceinline__ T operator()(const T &a, const T &b) const { return a < b ? b : a; }
};
struct Min {
  int __cw_token;
  template <typename T>
  __device__ __forceinline__ T operator()(const T &a, const T &b) const { return b < a ? b : a; }
};

#endif

} /* namespace cub */

#endif
