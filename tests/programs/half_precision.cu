// Half precision: the host converts with __float2half, the kernel does
// arithmetic in half and float, the host converts back.
#include "common.h"
#include <cuda_fp16.h>
#include <cmath>
#include <vector>

__global__ void axpy_half(int n, float a, const __half *x, __half *y) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) y[i] = __float2half(a * __half2float(x[i]) + __half2float(y[i]));
}

int main() {
  const int n = 2048;
  std::vector<__half> x(n), y(n);
  for (int i = 0; i < n; ++i) {
    x[i] = __float2half((i % 64) * 0.25f);
    y[i] = __float2half(1.0f);
  }
  __half *dx, *dy;
  CHECK(cudaMalloc(&dx, n * sizeof(__half)));
  CHECK(cudaMalloc(&dy, n * sizeof(__half)));
  CHECK(cudaMemcpy(dx, x.data(), n * sizeof(__half), cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(dy, y.data(), n * sizeof(__half), cudaMemcpyHostToDevice));
  axpy_half<<<n / 256, 256>>>(n, 0.5f, dx, dy);
  CHECK(cudaMemcpy(y.data(), dy, n * sizeof(__half), cudaMemcpyDeviceToHost));
  int errors = sizeof(__half) != 2;
  for (int i = 0; i < n; ++i) errors += fabsf(__half2float(y[i]) - (0.5f * (i % 64) * 0.25f + 1.0f)) > 1e-2f;
  CHECK(cudaFree(dx));
  CHECK(cudaFree(dy));
  return verdict("half_precision", errors);
}
