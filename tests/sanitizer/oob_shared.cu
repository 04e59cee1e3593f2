// memcheck: a kernel indexes its dynamic shared memory by a global index
// instead of the block-local one.
// CHECK: memcheck
// expect: Invalid __shared__ write of size 4 bytes
// expect: at .*oob_shared.cu:12:3 in kernel 'stage'
// expect: past the block's 256 bytes of shared memory
#include <cstdio>

__global__ void stage(const float *in, float *out) {
  extern __shared__ float tile[];
  int g = blockIdx.x * blockDim.x + threadIdx.x;
  tile[g] = in[g];                       // should be tile[threadIdx.x]
  __syncthreads();
  out[g] = tile[threadIdx.x] * 2.0f;
}

int main() {
  float *in, *out;
  cudaMalloc(&in, 256 * sizeof(float));
  cudaMalloc(&out, 256 * sizeof(float));
  cudaMemset(in, 0, 256 * sizeof(float));
  stage<<<4, 64, 64 * sizeof(float)>>>(in, out);
  cudaDeviceSynchronize();
  cudaFree(in);
  cudaFree(out);
  printf("done\n");
  return 0;
}
