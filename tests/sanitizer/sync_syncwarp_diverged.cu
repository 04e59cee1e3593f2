// synccheck: lanes 24..31 skip the exchange (they have not returned),
// while the others synchronise with __syncwarp() and its full default
// mask, which names the lanes that are elsewhere.  Lanes that have
// returned could be named: CUDA asks only non-exited threads to be there.
// CHECK: synccheck
// expect: Barrier error detected. Invalid arguments
// expect: at .*sync_syncwarp_diverged.cu:20:5 in kernel 'exchange'
// expect: by thread \(0,0,0\) in block \(0,0,0\)
// expect: the mask 0xffffffff of __syncwarp\(\) names lane 24 \(thread \(24,0,0\)\), which is not at it: the lanes there are 0x00ffffff
#include <cstdio>

__global__ void exchange(int *d) {
  __shared__ int s[32];
  int t = threadIdx.x;
  if (t >= 30)
    return; /* lanes 30 and 31 leave: naming them is allowed */
  int v = d[t];
  if (t < 24) {
    s[t] = v;
    __syncwarp();
    v = s[(t + 1) % 24];
  }
  d[t] = v;
}

int main() {
  int *d;
  cudaMalloc(&d, 32 * sizeof(int));
  cudaMemset(d, 0, 32 * sizeof(int));
  exchange<<<1, 32>>>(d);
  cudaDeviceSynchronize();
  cudaFree(d);
  printf("done\n");
  return 0;
}
