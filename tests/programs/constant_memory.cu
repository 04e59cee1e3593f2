// __constant__ coefficients filled with cudaMemcpyToSymbol, a __device__
// counter read back with cudaMemcpyFromSymbol, and cudaGetSymbolAddress.
#include "common.h"
#include <cmath>

#define NCOEF 8
__constant__ float coef[NCOEF];
__constant__ int scale_factor = 3;
__device__ unsigned int evaluated;
__device__ float table[4] = {1.0f, 2.0f, 4.0f, 8.0f};

__global__ void poly(const float *x, float *y, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  float acc = 0.0f;
  for (int k = NCOEF - 1; k >= 0; --k) acc = acc * x[i] + coef[k];
  y[i] = acc * scale_factor + table[i % 4];
  atomicAdd(&evaluated, 1u);
}

int main() {
  const int n = 4096;
  float hc[NCOEF];
  for (int k = 0; k < NCOEF; ++k) hc[k] = 1.0f / (k + 1);
  CHECK(cudaMemcpyToSymbol(coef, hc, sizeof hc));
  unsigned int zero = 0;
  CHECK(cudaMemcpyToSymbol(evaluated, &zero, sizeof zero));
  float *x, *y;
  CHECK(cudaMallocManaged(&x, n * sizeof(float)));
  CHECK(cudaMallocManaged(&y, n * sizeof(float)));
  for (int i = 0; i < n; ++i) x[i] = (i % 100) / 100.0f;
  poly<<<(n + 127) / 128, 128>>>(x, y, n);
  CHECK(cudaDeviceSynchronize());
  unsigned int count = 0;
  CHECK(cudaMemcpyFromSymbol(&count, evaluated, sizeof count));
  float *table_addr = nullptr;
  CHECK(cudaGetSymbolAddress((void **)&table_addr, table));
  size_t table_size = 0;
  CHECK(cudaGetSymbolSize(&table_size, table));
  float t2[4];
  CHECK(cudaMemcpy(t2, table_addr, sizeof t2, cudaMemcpyDeviceToHost));
  int errors = count != (unsigned)n || table_size != 4 * sizeof(float) || t2[3] != 8.0f;
  for (int i = 0; i < n; ++i) {
    float acc = 0.0f;
    for (int k = NCOEF - 1; k >= 0; --k) acc = acc * x[i] + hc[k];
    float want = acc * 3 + t2[i % 4];
    if (fabsf(want - y[i]) > 1e-4f) errors++;
  }
  printf("evaluated %u points, table %zu bytes\n", count, table_size);
  CHECK(cudaFree(x));
  CHECK(cudaFree(y));
  return verdict("constant_memory", errors);
}
