// racecheck: the block reverses an array through shared memory but
// forgets the barrier between writing and reading it.
// CHECK: racecheck
// expect: Race reported between (Write and Read|Read and Write) accesses
// expect: at .*race_missing_sync.cu:(11:3|13:10) and at .*race_missing_sync.cu:(11:3|13:10) in kernel 'reverse'
#include <cstdio>

__global__ void reverse(int *d) {
  __shared__ int s[64];
  int t = threadIdx.x;
  s[t] = d[t];
  // __syncthreads() missing here
  d[t] = s[63 - t];
}

int main() {
  int *d;
  cudaMalloc(&d, 64 * sizeof(int));
  cudaMemset(d, 0, 64 * sizeof(int));
  reverse<<<1, 64>>>(d);
  cudaDeviceSynchronize();
  cudaFree(d);
  printf("done\n");
  return 0;
}
