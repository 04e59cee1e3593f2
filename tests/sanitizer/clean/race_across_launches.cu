// No false positive: racecheck's records of device memory outlive a
// launch (they are not cleared between launches; blocks are named by ids
// each launch takes afresh).  Here every launch has each block write and
// read the slots another block wrote and read in the launch before, with
// values that differ: between launches that is no race.
#include <cstdio>

__global__ void rotate(int *slots, int step) {
  int owner = (blockIdx.x + step) % gridDim.x;
  int i = owner * blockDim.x + threadIdx.x;
  slots[i] = slots[i] + step * 1000 + blockIdx.x;
}

int main() {
  const int blocks = 8, threads = 64, n = blocks * threads;
  int *slots;
  cudaMalloc(&slots, n * sizeof(int));
  cudaMemset(slots, 0, n * sizeof(int));
  for (int step = 0; step < 6; step++) rotate<<<blocks, threads>>>(slots, step);
  int h[n];
  cudaMemcpy(h, slots, sizeof h, cudaMemcpyDeviceToHost);
  int wrong = 0;
  for (int i = 0; i < n; i++) {
    int slot_owner = i / threads, want = 0;
    for (int step = 0; step < 6; step++) want += step * 1000 + (slot_owner - step + 6 * blocks) % blocks;
    wrong += h[i] != want;
  }
  cudaFree(slots);
  printf("%s\n", wrong ? "FAILED" : "PASSED");
  return wrong != 0;
}
