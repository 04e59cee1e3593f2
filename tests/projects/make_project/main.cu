// main.cu — uses the library's kernels and one of its own.
#include <cstdio>
#include "ops.h"

__global__ void add(float *x, float c, int n) {  // same name as ops::add
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) x[i] *= c;
}

int main() {
  const int n = 1000;
  float h[n], *d;
  for (int i = 0; i < n; i++) h[i] = (float)i;
  cudaMalloc(&d, sizeof h);
  cudaMemcpy(d, h, sizeof h, cudaMemcpyHostToDevice);
  if (scale(d, 3.0f, n) != cudaSuccess || shift(d, 2.0f, n) != cudaSuccess) return 2;
  add<<<4, 256>>>(d, 0.5f, n);
  cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost);
  int bad = check(h, n, 3.0f, 2.0f, 0.5f);
  std::printf("make project: %s\n", bad ? "FAILED" : "PASSED");
  return bad ? 1 : 0;
}
