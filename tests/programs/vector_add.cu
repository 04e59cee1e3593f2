// vectorAdd in the style of the CUDA samples: error checks, event timing,
// the element count from the command line.
// ARGS: 50000
#include "common.h"
#include <cmath>

__global__ void vectorAdd(const float *A, const float *B, float *C, int numElements) {
  int i = blockDim.x * blockIdx.x + threadIdx.x;
  if (i < numElements) C[i] = A[i] + B[i] + 0.0f;
}

int main(int argc, char **argv) {
  int n = argc > 1 ? atoi(argv[1]) : 50000;
  size_t size = n * sizeof(float);
  float *hA = (float *)malloc(size), *hB = (float *)malloc(size), *hC = (float *)malloc(size);
  for (int i = 0; i < n; ++i) {
    hA[i] = rand() / (float)RAND_MAX;
    hB[i] = rand() / (float)RAND_MAX;
  }
  float *dA = NULL, *dB = NULL, *dC = NULL;
  CHECK(cudaMalloc((void **)&dA, size));
  CHECK(cudaMalloc((void **)&dB, size));
  CHECK(cudaMalloc((void **)&dC, size));
  CHECK(cudaMemcpy(dA, hA, size, cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(dB, hB, size, cudaMemcpyHostToDevice));
  cudaEvent_t start, stop;
  CHECK(cudaEventCreate(&start));
  CHECK(cudaEventCreate(&stop));
  int threadsPerBlock = 256;
  int blocksPerGrid = (n + threadsPerBlock - 1) / threadsPerBlock;
  CHECK(cudaEventRecord(start));
  vectorAdd<<<blocksPerGrid, threadsPerBlock>>>(dA, dB, dC, n);
  CHECK(cudaEventRecord(stop));
  CHECK(cudaGetLastError());
  CHECK(cudaEventSynchronize(stop));
  float ms = -1;
  CHECK(cudaEventElapsedTime(&ms, start, stop));
  printf("CUDA kernel launch with %d blocks of %d threads: %.3f ms\n", blocksPerGrid,
         threadsPerBlock, ms);
  CHECK(cudaMemcpy(hC, dC, size, cudaMemcpyDeviceToHost));
  int errors = ms < 0;
  for (int i = 0; i < n; ++i)
    if (fabs(hA[i] + hB[i] - hC[i]) > 1e-5) errors++;
  CHECK(cudaFree(dA));
  CHECK(cudaFree(dB));
  CHECK(cudaFree(dC));
  CHECK(cudaEventDestroy(start));
  CHECK(cudaEventDestroy(stop));
  free(hA), free(hB), free(hC);
  return verdict("vector_add", errors);
}
