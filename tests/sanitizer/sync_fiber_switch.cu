// synccheck in a kernel that runs one coroutine per thread (a barrier
// inside a switch): the even threads wait at one __syncthreads(), the odd
// ones at another, so neither barrier has the whole block.
// CHECK: synccheck
// expect: Barrier error detected. Divergent thread\(s\) in block
// expect: at .*sync_fiber_switch.cu:21:7 in kernel 'by_parity'
// expect: by thread \(0,0,0\) in block \(0,0,0\)
// expect: thread \(1,0,0\) has not returned and does not reach this __syncthreads\(\)
#include <cstdio>

__global__ void by_parity(int *d) {
  __shared__ int s[64];
  int t = threadIdx.x;
  s[t] = d[t];
  switch (t % 2) {
    case 1:
      __syncthreads();
      d[t] = s[t ^ 1];
      break;
    default:
      __syncthreads();
      d[t] = s[t ^ 1] + 1;
      break;
  }
}

int main() {
  int *d;
  cudaMalloc(&d, 64 * sizeof(int));
  cudaMemset(d, 0, 64 * sizeof(int));
  by_parity<<<1, 64>>>(d);
  cudaDeviceSynchronize();
  cudaFree(d);
  printf("done\n");
  return 0;
}
