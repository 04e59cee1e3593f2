// memcheck: a histogram whose bin index is not clamped; the atomicAdd
// for the value 16 lands one bin past the 16-bin allocation.
// CHECK: memcheck
// expect: Invalid __global__ atomic of size 4 bytes
// expect: at .*oob_atomic.cu:13:5 in kernel 'histogram'
// expect: by thread \(16,0,0\) in block \(0,0,0\)
// expect: Address 0x[0-9a-f]+ is 0 bytes after the end of the 64-byte device allocation
#include <cstdio>

__global__ void histogram(const int *values, unsigned *bins, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n)
    atomicAdd(&bins[values[i]], 1u);
}

int main() {
  const int n = 17, nbins = 16;
  int h[n];
  for (int i = 0; i < n; i++) h[i] = i; /* 16 is out of range */
  int *values;
  unsigned *bins;
  cudaMalloc(&values, n * sizeof(int));
  cudaMalloc(&bins, nbins * sizeof(unsigned));
  cudaMemcpy(values, h, n * sizeof(int), cudaMemcpyHostToDevice);
  cudaMemset(bins, 0, nbins * sizeof(unsigned));
  histogram<<<1, 32>>>(values, bins, n);
  unsigned out[nbins];
  cudaMemcpy(out, bins, sizeof out, cudaMemcpyDeviceToHost);
  cudaFree(values);
  cudaFree(bins);
  printf("done\n");
  return 0;
}
