// memcheck: a kernel frees a device heap block that an earlier kernel
// freed already; the second free is reported and not carried out.
// CHECK: memcheck
// expect: Invalid __global__ free
// expect: in kernel 'release', block \(0,0,0\)
// expect: was not returned by malloc in a kernel, or was freed already
#include <cstdio>

__device__ float *scratch;

__global__ void acquire() { scratch = (float *)malloc(64 * sizeof(float)); }
__global__ void release() { free(scratch); }

int main() {
  acquire<<<1, 1>>>();
  release<<<1, 1>>>();
  release<<<1, 1>>>();
  cudaDeviceSynchronize();
  printf("done\n");
  return 0;
}
