// synccheck: a warp reduction under a bounds test that leaves lanes out,
// still with the full mask: lanes 20..31 of the warp are not there.
// CHECK: synccheck
// expect: Barrier error detected. Invalid arguments
// expect: at .*sync_shfl_mask.cu:14:10 in kernel 'partial_sum'
// expect: by thread \(0,0,0\) in block \(0,0,0\)
// expect: the mask 0xffffffff of __shfl_down_sync names lane 20 \(thread \(20,0,0\)\), which is not at it: the lanes there are 0x000fffff
#include <cstdio>

__global__ void partial_sum(const int *in, int *out, int n) {
  int t = threadIdx.x;
  if (t < n) {
    int v = in[t];
    v += __shfl_down_sync(0xffffffffu, v, 16);
    if (t == 0) *out = v;
  }
}

int main() {
  int *in, *out;
  cudaMalloc(&in, 32 * sizeof(int));
  cudaMalloc(&out, sizeof(int));
  cudaMemset(in, 0, 32 * sizeof(int));
  partial_sum<<<1, 32>>>(in, out, 20);
  cudaDeviceSynchronize();
  cudaFree(in);
  cudaFree(out);
  printf("done\n");
  return 0;
}
