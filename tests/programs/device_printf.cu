// printf from device code: a few threads report, and an atomic counter
// confirms how many did.  Output appears at the synchronisation.
#include "common.h"

__device__ int printed;

__global__ void hello(int every) {
  int id = blockIdx.x * blockDim.x + threadIdx.x;
  if (id % every == 0) {
    printf("hello from block %d, thread %d (id %d, %.1f)\n", blockIdx.x, threadIdx.x, id, id * 0.5);
    atomicAdd(&printed, 1);
  }
}

int main() {
  hello<<<4, 32>>>(32);
  CHECK(cudaDeviceSynchronize());
  int n = 0;
  CHECK(cudaMemcpyFromSymbol(&n, printed, sizeof n));
  printf("%d lines printed by the device\n", n);
  return verdict("device_printf", n != 4);
}
