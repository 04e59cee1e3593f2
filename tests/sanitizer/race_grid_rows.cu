// racecheck (global memory): one partial result per blockIdx.x, but the
// grid has two rows, so blocks (x,0) and (x,1) write the same word with
// different values.
// CHECK: racecheck
// expect: Error: Race reported between Write and Write accesses on global memory
// expect: at .*race_grid_rows.cu:12:(5) and at .*race_grid_rows.cu:12:5 in kernel 'row_sums'
// expect: blocks \([0-9]+,[01],0\) and \([0-9]+,[01],0\) of the same launch
#include <cstdio>

__global__ void row_sums(const int *in, int *partial) {
  if (threadIdx.x == 0)
    partial[blockIdx.x] = in[blockIdx.y] + (int)blockIdx.y;
}

int main() {
  int *in, *partial;
  cudaMalloc(&in, 2 * sizeof(int));
  cudaMalloc(&partial, 4 * sizeof(int));
  cudaMemset(in, 0, 2 * sizeof(int));
  row_sums<<<dim3(4, 2), 32>>>(in, partial);
  cudaDeviceSynchronize();
  cudaFree(in);
  cudaFree(partial);
  printf("done\n");
  return 0;
}
