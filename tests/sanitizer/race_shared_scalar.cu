// racecheck: threads count matching elements in a __shared__ int with a
// plain `++` (not atomicAdd) between two barriers.
// CHECK: racecheck
// expect: Race reported between Write and Write accesses
// expect: at .*race_shared_scalar.cu:14:5 and at .*race_shared_scalar.cu:14:5 in kernel 'count_positive'
// expect: threads 1 and 2 of block \(0,0,0\), with no barrier between
#include <cstdio>

__global__ void count_positive(const int *x, int *out) {
  __shared__ int count;
  if (threadIdx.x == 0) count = 0;
  __syncthreads();
  if (x[threadIdx.x] > 0)
    count++;
  __syncthreads();
  if (threadIdx.x == 0) *out = count;
}

int main() {
  int h[64], *x, *out;
  for (int i = 0; i < 64; i++) h[i] = i % 3;
  cudaMalloc(&x, sizeof h);
  cudaMalloc(&out, sizeof(int));
  cudaMemcpy(x, h, sizeof h, cudaMemcpyHostToDevice);
  count_positive<<<1, 64>>>(x, out);
  cudaDeviceSynchronize();
  printf("done\n");
  return 0;
}
