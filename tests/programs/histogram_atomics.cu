// 256-bin histogram: per-block bins in shared memory with shared atomics,
// merged into the global histogram with global atomics.
#include "common.h"
#include <vector>

#define BINS 256
__global__ void histogram(const unsigned char *data, int n, unsigned int *hist) {
  __shared__ unsigned int local[BINS];
  for (int b = threadIdx.x; b < BINS; b += blockDim.x) local[b] = 0;
  __syncthreads();
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    atomicAdd(&local[data[i]], 1u);
  __syncthreads();
  for (int b = threadIdx.x; b < BINS; b += blockDim.x)
    if (local[b]) atomicAdd(&hist[b], local[b]);
}

int main() {
  const int n = 1 << 20;
  std::vector<unsigned char> h(n);
  unsigned int seed = 12345;
  for (int i = 0; i < n; ++i) {
    seed = seed * 1664525u + 1013904223u;
    h[i] = (unsigned char)(seed >> 24);
  }
  unsigned char *d;
  unsigned int *dh;
  CHECK(cudaMalloc(&d, n));
  CHECK(cudaMalloc(&dh, BINS * sizeof(unsigned int)));
  CHECK(cudaMemcpy(d, h.data(), n, cudaMemcpyHostToDevice));
  CHECK(cudaMemset(dh, 0, BINS * sizeof(unsigned int)));
  histogram<<<64, 256>>>(d, n, dh);
  std::vector<unsigned int> got(BINS), want(BINS, 0);
  CHECK(cudaMemcpy(got.data(), dh, BINS * sizeof(unsigned int), cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; ++i) want[h[i]]++;
  int errors = 0;
  for (int b = 0; b < BINS; ++b) errors += got[b] != want[b];
  CHECK(cudaFree(d));
  CHECK(cudaFree(dh));
  return verdict("histogram_atomics", errors);
}
