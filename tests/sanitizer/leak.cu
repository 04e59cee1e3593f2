// leaks: one of two buffers is never freed.
// CHECK: leaks
// expect: Leaked 4000 bytes at 0x[0-9a-f]+ \(cudaMalloc without cudaFree\)
// expect: LEAK SUMMARY: 4000 bytes leaked in 1 allocations
#include <cstdio>

__global__ void touch(float *p) { p[threadIdx.x] = 1.0f; }

int main() {
  float *kept, *freed;
  cudaMalloc(&kept, 1000 * sizeof(float));
  cudaMalloc(&freed, 1000 * sizeof(float));
  touch<<<1, 32>>>(kept);
  touch<<<1, 32>>>(freed);
  cudaDeviceSynchronize();
  cudaFree(freed);
  printf("done\n");
  return 0;
}
