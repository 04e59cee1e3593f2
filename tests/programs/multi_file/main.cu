// Two .cu files linked together: main.cu calls a host wrapper from
// kernels.cu and also launches a kernel that kernels.cu defines.
#include "../common.h"
#include "shared.h"

__global__ void times_two(int *a, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) a[i] *= 2;
}

int main() {
  const int n = 3000;
  int *a, *b;
  CHECK(cudaMalloc(&a, n * sizeof(int)));
  CHECK(cudaMalloc(&b, n * sizeof(int)));
  launch_fill(a, n, 0);
  launch_fill(b, n, 100);
  add_into<<<(n + 255) / 256, 256>>>(a, b, n);
  times_two<<<(n + 255) / 256, 256>>>(a, n);
  CHECK(cudaGetLastError());
  int *h = new int[n];
  CHECK(cudaMemcpy(h, a, n * sizeof(int), cudaMemcpyDeviceToHost));
  int errors = 0;
  for (int i = 0; i < n; ++i) errors += h[i] != 2 * (i + 100 + i);
  delete[] h;
  CHECK(cudaFree(a));
  CHECK(cudaFree(b));
  return verdict("multi_file", errors);
}
