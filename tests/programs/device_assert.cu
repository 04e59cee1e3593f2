// A device-side assert fails the launch with cudaErrorAssert, and the
// error is sticky: later calls report it too, as on a real GPU.
#include "common.h"
#include <cassert>

__global__ void check_positive(const int *v, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) assert(v[i] > 0);
}

int main() {
  const int n = 256;
  int *v;
  CHECK(cudaMallocManaged(&v, n * sizeof(int)));
  for (int i = 0; i < n; ++i) v[i] = i == 77 ? -1 : i + 1;
  check_positive<<<n / 64, 64>>>(v, n);
  cudaError_t launch = cudaGetLastError();
  cudaError_t sync = cudaDeviceSynchronize();
  void *p = nullptr;
  cudaError_t later = cudaMalloc(&p, 16);
  printf("launch: %s, sync: %s, later: %s\n", cudaGetErrorName(launch), cudaGetErrorName(sync),
         cudaGetErrorName(later));
  int errors = launch != cudaSuccess || sync != cudaErrorAssert || later != cudaErrorAssert ||
               cudaGetLastError() != cudaErrorAssert;
  return verdict("device_assert", errors);
}
