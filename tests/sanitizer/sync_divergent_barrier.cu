// synccheck: a barrier inside a branch that only the first half-warp
// takes; the other threads of the block never reach it.
// CHECK: synccheck
// expect: Barrier error detected. Divergent thread\(s\) in block
// expect: at .*sync_divergent_barrier.cu:15:5 in kernel 'half_sync'
// expect: by thread \(0,0,0\) in block \(0,0,0\)
// expect: thread \(16,0,0\) has not returned and does not reach this __syncthreads\(\)
#include <cstdio>

__global__ void half_sync(float *d) {
  __shared__ float s[64];
  int t = threadIdx.x;
  s[t] = d[t];
  if (threadIdx.x < 16) {
    __syncthreads();
    d[t] = s[t + 16];
  }
}

int main() {
  float *d;
  cudaMalloc(&d, 64 * sizeof(float));
  cudaMemset(d, 0, 64 * sizeof(float));
  half_sync<<<1, 64>>>(d);
  cudaDeviceSynchronize();
  cudaFree(d);
  printf("done\n");
  return 0;
}
