// Second translation unit: defines the kernels and a host wrapper.
#include "../common.h"
#include "shared.h"

__global__ void fill_iota(int *a, int n, int base) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) a[i] = base + i;
}

__global__ void add_into(int *a, const int *b, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) a[i] += b[i];
}

void launch_fill(int *a, int n, int base) {
  fill_iota<<<(n + 127) / 128, 128>>>(a, n, base);
}
