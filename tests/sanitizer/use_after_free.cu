// memcheck: a kernel launched on a buffer that was already freed.
// CHECK: memcheck
// expect: Invalid __global__ write of size 4 bytes
// expect: at .*use_after_free.cu:10:14 in kernel 'clear'
// expect: inside a 4096-byte allocation that was freed \(use after cudaFree\)
#include <cstdio>

__global__ void clear(int *p, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) p[i] = 0;
}

int main() {
  int *p;
  cudaMalloc(&p, 1024 * sizeof(int));
  cudaFree(p);
  clear<<<4, 256>>>(p, 1024);
  cudaDeviceSynchronize();
  printf("done\n");
  return 0;
}
