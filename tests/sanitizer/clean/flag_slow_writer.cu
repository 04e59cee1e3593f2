// No false positive: two blocks set one flag to the same value, and the
// first one's store lands long after its access was checked (the value
// takes a while to compute), so the second block's check comes first.
// Global racecheck must wait for, or give up on, the first writer's
// value instead of reading the flag as it was before the launch.
#include <cstdio>

__device__ bool slow_true(int n, unsigned seed) {
  unsigned h = seed;
  for (int i = 0; i < n; i++) h = h * 1664525u + 1013904223u;
  return h != 12345u || n >= 0;
}

__global__ void set_flag(bool *changed, int n) { *changed = slow_true(n, blockIdx.x); }

int main() {
  bool *changed;
  cudaMalloc(&changed, 1);
  int wrong = 0;
  for (int r = 0; r < 5; r++) {
    bool f = false;
    cudaMemcpy(changed, &f, 1, cudaMemcpyHostToDevice);
    set_flag<<<2, 1>>>(changed, 20000000);
    cudaMemcpy(&f, changed, 1, cudaMemcpyDeviceToHost);
    wrong += !f;
  }
  cudaFree(changed);
  printf("%s\n", wrong ? "FAILED" : "PASSED");
  return wrong != 0;
}
