#include <cstdio>
#include <vector>
__global__ void fill(int *p, int v) { p[threadIdx.x] = v; }
int main() {
  std::vector<int> h(32);
  int *d;
  cudaMalloc(&d, 32 * sizeof(int));
  fill<<<1, 32>>>(d, 7);
  cudaMemcpy(h.data(), d, 32 * sizeof(int), cudaMemcpyDeviceToHost);
  printf("%d\n", h[0]);
  cudaFree(d);
  return 0;
}
