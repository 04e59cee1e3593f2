// racecheck (global memory): each block sums its slice into out[0]
// with a plain read-modify-write instead of atomicAdd, so blocks read
// and write the same word with nothing ordering them.
// CHECK: racecheck
// expect: Error: Race reported between (Write and Read|Read and Write|Write and Write) accesses on global memory
// expect: at .*race_global_blocks.cu:18:5 and at .*race_global_blocks.cu:18:(5|14) in kernel 'block_sums'
// expect: blocks \([0-9]+,0,0\) and \([0-9]+,0,0\) of the same launch
// expect: Address 0x[0-9a-f]+ is 0 bytes inside the 4-byte device allocation
#include <cstdio>

__global__ void block_sums(const int *in, int *out) {
  __shared__ int s;
  if (threadIdx.x == 0) s = 0;
  __syncthreads();
  atomicAdd(&s, in[blockIdx.x * blockDim.x + threadIdx.x]);
  __syncthreads();
  if (threadIdx.x == 0)
    out[0] = out[0] + s;
}

int main() {
  int *in, *out;
  cudaMalloc(&in, 8 * 64 * sizeof(int));
  cudaMalloc(&out, sizeof(int));
  cudaMemset(in, 0, 8 * 64 * sizeof(int));
  cudaMemset(out, 0, sizeof(int));
  block_sums<<<8, 64>>>(in, out);
  cudaDeviceSynchronize();
  cudaFree(in);
  cudaFree(out);
  printf("done\n");
  return 0;
}
