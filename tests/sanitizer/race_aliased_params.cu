// racecheck (global memory): out[i] = in[i] + 1 with out = in + 1, one
// allocation behind both parameters: each block's last thread writes the
// word the next block's first thread reads.  (Alone, in is only read and
// out only written at blockIdx.x * blockDim.x + threadIdx.x, accesses
// racecheck need not record; aliased, they must be.)
// CHECK: racecheck
// expect: Error: Race reported between (Write and Read|Read and Write) accesses on global memory
// expect: at .*race_aliased_params.cu:14:(3|12) and at .*race_aliased_params.cu:14:(3|12) in kernel 'shift'
// expect: inside the 1028-byte device allocation
#include <cstdio>

__global__ void shift(const int *in, int *out) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  out[i] = in[i] + 1;
}

int main() {
  int *buf;
  cudaMalloc(&buf, 257 * sizeof(int));
  cudaMemset(buf, 0, 257 * sizeof(int));
  shift<<<4, 64>>>(buf, buf + 1);
  cudaDeviceSynchronize();
  cudaFree(buf);
  printf("done\n");
  return 0;
}
