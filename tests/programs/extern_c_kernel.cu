// Kernels declared extern "C" (unmangled symbols, common in older code and
// in code whose kernels are also loaded by name through the driver API),
// launched with <<<>>> and through cudaLaunchKernel, beside a template
// kernel and an ordinary one.
#include "common.h"

extern "C" __global__ void add_one(int *v, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) v[i] += 1;
}

extern "C" {
__global__ void times_two(int *v, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) v[i] *= 2;
}
}

template <int K> __global__ void add_k(int *v, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) v[i] += K;
}

__global__ void negate(int *v, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) v[i] = -v[i];
}

int main() {
  const int n = 1000;
  int h[n], *d;
  for (int i = 0; i < n; i++) h[i] = i;
  CHECK(cudaMalloc(&d, sizeof h));
  CHECK(cudaMemcpy(d, h, sizeof h, cudaMemcpyHostToDevice));
  add_one<<<(n + 127) / 128, 128>>>(d, n);                       // i + 1
  int nn = n;
  void *args[] = {&d, &nn};
  CHECK(cudaLaunchKernel((const void *)times_two, dim3((n + 127) / 128), dim3(128), args, 0, 0)); // 2i + 2
  add_k<3><<<(n + 127) / 128, 128>>>(d, n);                      // 2i + 5
  negate<<<(n + 127) / 128, 128>>>(d, n);                        // -(2i + 5)
  CHECK(cudaGetLastError());
  CHECK(cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost));
  int errors = 0;
  for (int i = 0; i < n; i++) errors += h[i] != -(2 * i + 5);
  CHECK(cudaFree(d));
  return verdict("extern_c_kernel", errors);
}
