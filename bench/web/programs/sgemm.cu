// sgemm.cu — a whole program for bench/web/programs.sh with shared memory
// and barriers: C = A * B for 512x512 floats, 16x16 tiles in shared memory
// (1024 blocks of 256 threads).  Prints the kernel's time (CUDA events,
// best of 3) and checks a sample of C against the host's product.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>

#include "kernel_timer.h"

#define TILE 16

__global__ void tiled(const float *A, const float *B, float *C, int n) {
  __shared__ float as[TILE][TILE], bs[TILE][TILE];
  int row = blockIdx.y * TILE + threadIdx.y, col = blockIdx.x * TILE + threadIdx.x;
  float acc = 0;
  for (int t = 0; t < n; t += TILE) {
    as[threadIdx.y][threadIdx.x] = A[row * n + t + threadIdx.x];
    bs[threadIdx.y][threadIdx.x] = B[(t + threadIdx.y) * n + col];
    __syncthreads();
    for (int k = 0; k < TILE; k++) acc += as[threadIdx.y][k] * bs[k][threadIdx.x];
    __syncthreads();
  }
  C[row * n + col] = acc;
}

int main() {
  const int n = 512;
  size_t bytes = sizeof(float) * n * n;
  float *A = (float *)malloc(bytes), *B = (float *)malloc(bytes), *C = (float *)malloc(bytes);
  for (int i = 0; i < n * n; i++) {
    A[i] = (float)(i % 17) / 17.0f;
    B[i] = (float)(i % 13) / 13.0f - 0.5f;
  }
  float *dA, *dB, *dC;
  cudaMalloc(&dA, bytes);
  cudaMalloc(&dB, bytes);
  cudaMalloc(&dC, bytes);
  cudaMemcpy(dA, A, bytes, cudaMemcpyHostToDevice);
  cudaMemcpy(dB, B, bytes, cudaMemcpyHostToDevice);
  float best = best_kernel_ms(3, [&] { tiled<<<dim3(n / TILE, n / TILE), dim3(TILE, TILE)>>>(dA, dB, dC, n); });
  cudaMemcpy(C, dC, bytes, cudaMemcpyDeviceToHost);
  int bad = 0;
  for (int i = 0; i < n * n; i += 997) {
    int r = i / n, c = i % n;
    double ref = 0;
    for (int k = 0; k < n; k++) ref += (double)A[r * n + k] * B[k * n + c];
    if (fabs(ref - C[i]) > 1e-3 * (1 + fabs(ref))) bad++;
  }
  printf("kernel ms: %.3f\n", best);
  printf("sgemm: %s\n", bad ? "FAILED" : "PASSED");
  cudaFree(dA);
  cudaFree(dB);
  cudaFree(dC);
  free(A);
  free(B);
  free(C);
  return bad != 0;
}
