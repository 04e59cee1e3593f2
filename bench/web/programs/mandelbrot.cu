// mandelbrot.cu — a compute-bound whole program for bench/web/programs.sh:
// the escape count of every pixel of a 1024x1024 view, 512 iterations at
// most, in 16x16 blocks (4096 of them).  Prints the kernel's time (CUDA
// events, best of 3) and the counts' sum to 3 digits: a backend that
// contracts a*b+c into a fused multiply-add (the native one, as nvcc does)
// and one that does not (WebAssembly) differ in a few thousand of its 136
// million iterations.
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>

#include "kernel_timer.h"

__global__ void escape(int *counts, int w, int h, int limit) {
  int x = blockIdx.x * blockDim.x + threadIdx.x, y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x >= w || y >= h) return;
  float cr = -2.0f + 2.5f * x / w, ci = -1.25f + 2.5f * y / h, zr = 0, zi = 0;
  int n = 0;
  while (n < limit && zr * zr + zi * zi < 4.0f) {
    float t = zr * zr - zi * zi + cr;
    zi = 2.0f * zr * zi + ci;
    zr = t;
    n++;
  }
  counts[y * w + x] = n;
}

int main() {
  const int w = 1024, h = 1024, limit = 512;
  int *d, *counts = (int *)malloc(sizeof(int) * w * h);
  cudaMalloc(&d, sizeof(int) * w * h);
  float best = best_kernel_ms(3, [&] { escape<<<dim3(w / 16, h / 16), dim3(16, 16)>>>(d, w, h, limit); });
  if (cudaGetLastError() != cudaSuccess) { printf("mandelbrot: FAILED (launch)\n"); return 1; }
  cudaMemcpy(counts, d, sizeof(int) * w * h, cudaMemcpyDeviceToHost);
  long long sum = 0;
  for (int i = 0; i < w * h; i++) sum += counts[i];
  printf("kernel ms: %.3f\n", best);
  printf("checksum: %.3e\n", (double)sum);
  cudaFree(d);
  free(counts);
  return 0;
}
