// racecheck (global memory): a 2-D grid writes out[y * w + x] but is
// twice as wide as a row, so block (1,0)'s columns 16..31 are the next
// row's first 16 words, which block (0,1) writes too, with other values.
// CHECK: racecheck
// expect: Error: Race reported between Write and Write accesses on global memory
// expect: at .*race_rows_overlap.cu:13:3 and at .*race_rows_overlap.cu:13:3 in kernel 'fill'
// expect: blocks \([01],[01],0\) and \([01],[01],0\) of the same launch
#include <cstdio>

__global__ void fill(int *out, int w) {
  int x = blockIdx.x * blockDim.x + threadIdx.x;
  int y = blockIdx.y * blockDim.y + threadIdx.y;
  out[y * w + x] = (int)(blockIdx.x + 10 * blockIdx.y);
}

int main() {
  int *out;
  cudaMalloc(&out, 64 * sizeof(int));
  fill<<<dim3(2, 2), dim3(16, 1)>>>(out, 16);
  cudaDeviceSynchronize();
  cudaFree(out);
  printf("done\n");
  return 0;
}
