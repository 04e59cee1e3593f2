// racecheck: every block adds its first element to one __device__
// variable with a plain `+=` (not atomicAdd): blocks race on it.
// CHECK: racecheck
// expect: Race reported between .* accesses on global memory
// expect: at .*race_device_variable.cu:14:5 and at .*race_device_variable.cu:14:5 in kernel 'block_sums'
// expect: is 0 bytes inside the 4-byte __device__ variable
#include <cstdio>

__device__ int total;

__global__ void block_sums(const int *x, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (threadIdx.x == 0 && i < n)
    total += x[i] + 1;
}

int main() {
  const int n = 1024;
  int h[n], *x, sum = 0;
  for (int i = 0; i < n; i++) h[i] = i;
  cudaMalloc(&x, n * sizeof(int));
  cudaMemcpy(x, h, sizeof h, cudaMemcpyHostToDevice);
  block_sums<<<n / 128, 128>>>(x, n);
  cudaMemcpyFromSymbol(&sum, total, sizeof(int));
  cudaFree(x);
  printf("done\n");
  return 0;
}
