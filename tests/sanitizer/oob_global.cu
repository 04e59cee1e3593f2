// memcheck: a bounds test off by one reads one element past the input.
// CHECK: memcheck
// expect: Invalid __global__ read of size 4 bytes
// expect: at .*oob_global.cu:11:28 in kernel 'shift'
// expect: by thread \(100,0,0\) in block \(0,0,0\)
// expect: 0 bytes after the end of the 400-byte device allocation
#include <cstdio>

__global__ void shift(const float *in, float *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i <= n) out[i % n] = in[i];
}

int main() {
  float *in, *out;
  cudaMalloc(&in, 100 * sizeof(float));
  cudaMalloc(&out, 100 * sizeof(float));
  cudaMemset(in, 0, 100 * sizeof(float));
  shift<<<1, 128>>>(in, out, 100);
  cudaDeviceSynchronize();
  cudaFree(in);
  cudaFree(out);
  printf("done\n");
  return 0;
}
