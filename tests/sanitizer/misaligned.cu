// memcheck: a byte buffer read as ints from an odd offset.
// CHECK: memcheck
// expect: Invalid __global__ read of size 4 bytes
// expect: at .*misaligned.cu:10:22 in kernel 'unpack'
// expect: is misaligned for a 4-byte access
#include <cstdio>

__global__ void unpack(const char *bytes, int *out) {
  const int *words = (const int *)(bytes + 1);
  out[threadIdx.x] = words[threadIdx.x];
}

int main() {
  char *b;
  int *o;
  cudaMalloc(&b, 1024);
  cudaMalloc(&o, 32 * sizeof(int));
  cudaMemset(b, 0, 1024);
  unpack<<<1, 32>>>(b, o);
  cudaDeviceSynchronize();
  cudaFree(b);
  cudaFree(o);
  printf("done\n");
  return 0;
}
