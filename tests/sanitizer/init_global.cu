// initcheck: the host copies in only the first half of the input; the
// kernel reads all of it.
// CHECK: initcheck
// expect: Uninitialized __global__ memory read of size 4 bytes
// expect: at .*init_global.cu:13:14 in kernel 'scale'
// expect: by thread \(64,0,0\) in block \(0,0,0\)
// expect: Address 0x[0-9a-f]+ is 256 bytes inside the 512-byte device allocation
#include <cstdio>

__global__ void scale(const float *in, float *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    out[i] = in[i] * 2.0f;
}

int main() {
  const int n = 128;
  float h[n];
  for (int i = 0; i < n; i++) h[i] = (float)i;
  float *in, *out;
  cudaMalloc(&in, n * sizeof(float));
  cudaMalloc(&out, n * sizeof(float));
  cudaMemcpy(in, h, n / 2 * sizeof(float), cudaMemcpyHostToDevice);
  scale<<<1, n>>>(in, out, n);
  cudaMemcpy(h, out, n * sizeof(float), cudaMemcpyDeviceToHost);
  cudaFree(in);
  cudaFree(out);
  printf("done\n");
  return 0;
}
