// The device half of a C program: kernels plus extern "C" wrappers.
#include <cuda_runtime.h>

__global__ void dot_partial(const double *x, const double *y, double *out, int n) {
  __shared__ double s[256];
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  s[threadIdx.x] = i < n ? x[i] * y[i] : 0.0;
  __syncthreads();
  for (int k = blockDim.x / 2; k > 0; k >>= 1) {
    if (threadIdx.x < k) s[threadIdx.x] += s[threadIdx.x + k];
    __syncthreads();
  }
  if (threadIdx.x == 0) out[blockIdx.x] = s[0];
}

extern "C" int launch_dot(const double *x, const double *y, double *partial, int n) {
  dot_partial<<<(n + 255) / 256, 256>>>(x, y, partial, n);
  return (int)cudaGetLastError();
}
