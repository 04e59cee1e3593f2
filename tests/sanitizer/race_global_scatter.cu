// racecheck (global memory): a scatter whose index wraps, so every block
// writes its own value into the same 64 slots.  (Blocks that write the
// same value, like a flag set to true, are no race: see bfs.cu.)
// CHECK: racecheck
// expect: Error: Race reported between Write and Write accesses on global memory
// expect: at .*race_global_scatter.cu:13:3 and at .*race_global_scatter.cu:13:3 in kernel 'scatter'
// expect: blocks \([0-9]+,0,0\) and \([0-9]+,0,0\) of the same launch
// expect: inside the 256-byte device allocation
#include <cstdio>

__global__ void scatter(int *out) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  out[i % 64] = i;
}

int main() {
  int *out;
  cudaMalloc(&out, 64 * sizeof(int));
  scatter<<<4, 64>>>(out);
  cudaDeviceSynchronize();
  cudaFree(out);
  printf("done\n");
  return 0;
}
