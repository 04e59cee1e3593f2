// Launching without <<<>>>: cudaLaunchKernel with an argument array, and
// the kernel pointer passed around as data, as libraries do.
#include "common.h"
#include <vector>

__global__ void affine(float *y, const float *x, float a, float b, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) y[i] = a * x[i] + b;
}

typedef void (*Kernel)(float *, const float *, float, float, int);

int main() {
  const int n = 777;
  std::vector<float> h(n);
  for (int i = 0; i < n; ++i) h[i] = (float)i;
  float *x, *y;
  CHECK(cudaMalloc(&x, n * sizeof(float)));
  CHECK(cudaMalloc(&y, n * sizeof(float)));
  CHECK(cudaMemcpy(x, h.data(), n * sizeof(float), cudaMemcpyHostToDevice));
  Kernel k = affine;
  float a = 2.0f, b = -1.0f;
  int nn = n;
  void *args[] = {&y, &x, &a, &b, &nn};
  cudaStream_t s;
  CHECK(cudaStreamCreateWithFlags(&s, cudaStreamNonBlocking));
  CHECK(cudaLaunchKernel((const void *)k, dim3((n + 63) / 64), dim3(64), args, 0, s));
  CHECK(cudaStreamSynchronize(s));
  std::vector<float> got(n);
  CHECK(cudaMemcpy(got.data(), y, n * sizeof(float), cudaMemcpyDeviceToHost));
  int errors = 0;
  for (int i = 0; i < n; ++i) errors += got[i] != 2.0f * i - 1.0f;
  cudaError_t bad = cudaLaunchKernel((const void *)main, dim3(1), dim3(1), args, 0, 0);
  errors += bad != cudaErrorInvalidResourceHandle && bad != cudaErrorInvalidDeviceFunction;
  cudaGetLastError();
  CHECK(cudaStreamDestroy(s));
  CHECK(cudaFree(x));
  CHECK(cudaFree(y));
  return verdict("launch_kernel_api", errors);
}
