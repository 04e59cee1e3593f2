// initcheck: the counters are never cleared before the kernel adds to
// them (cudaMemset forgotten), so atomicAdd reads garbage.
// CHECK: initcheck
// expect: Uninitialized __global__ memory read of size 4 bytes by an atomic
// expect: at .*init_atomic.cu:13:5 in kernel 'count_positive'
// expect: by thread \(11,0,0\) in block \(0,0,0\)
// expect: Address 0x[0-9a-f]+ is 0 bytes inside the 4-byte device allocation
#include <cstdio>

__global__ void count_positive(const float *x, int *count, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n && x[i] > 0.0f)
    atomicAdd(count, 1);
}

int main() {
  const int n = 64;
  float h[n];
  for (int i = 0; i < n; i++) h[i] = (float)(i - 10);
  float *x;
  int *count, result;
  cudaMalloc(&x, n * sizeof(float));
  cudaMalloc(&count, sizeof(int));
  cudaMemcpy(x, h, n * sizeof(float), cudaMemcpyHostToDevice);
  count_positive<<<1, n>>>(x, count, n);
  cudaMemcpy(&result, count, sizeof(int), cudaMemcpyDeviceToHost);
  cudaFree(x);
  cudaFree(count);
  printf("done\n");
  return 0;
}
