// Exclusive prefix sum: a work-efficient (Blelloch) scan per block, block
// sums scanned recursively, then added back — the classic three-phase scan.
#include "common.h"
#include <vector>

#define B 256
__global__ void scan_block(const int *in, int *out, int *sums, int n) {
  __shared__ int t[2 * B];
  int base = blockIdx.x * 2 * B, tid = threadIdx.x;
  t[2 * tid] = base + 2 * tid < n ? in[base + 2 * tid] : 0;
  t[2 * tid + 1] = base + 2 * tid + 1 < n ? in[base + 2 * tid + 1] : 0;
  int off = 1;
  for (int d = B; d > 0; d >>= 1) {
    __syncthreads();
    if (tid < d) t[off * (2 * tid + 2) - 1] += t[off * (2 * tid + 1) - 1];
    off <<= 1;
  }
  if (tid == 0) {
    if (sums) sums[blockIdx.x] = t[2 * B - 1];
    t[2 * B - 1] = 0;
  }
  for (int d = 1; d <= B; d <<= 1) {
    off >>= 1;
    __syncthreads();
    if (tid < d) {
      int ai = off * (2 * tid + 1) - 1, bi = off * (2 * tid + 2) - 1;
      int x = t[ai];
      t[ai] = t[bi];
      t[bi] += x;
    }
  }
  __syncthreads();
  if (base + 2 * tid < n) out[base + 2 * tid] = t[2 * tid];
  if (base + 2 * tid + 1 < n) out[base + 2 * tid + 1] = t[2 * tid + 1];
}

__global__ void add_sums(int *out, const int *sums, int n) {
  int i = blockIdx.x * 2 * B + threadIdx.x;
  if (i < n) out[i] += sums[blockIdx.x];
  if (i + B < n) out[i + B] += sums[blockIdx.x];
}

static void scan(const int *d_in, int *d_out, int n) {
  int blocks = (n + 2 * B - 1) / (2 * B);
  if (blocks == 1) {
    scan_block<<<1, B>>>(d_in, d_out, nullptr, n);
    return;
  }
  int *sums, *sums_scanned;
  CHECK(cudaMalloc(&sums, blocks * sizeof(int)));
  CHECK(cudaMalloc(&sums_scanned, blocks * sizeof(int)));
  scan_block<<<blocks, B>>>(d_in, d_out, sums, n);
  scan(sums, sums_scanned, blocks);
  add_sums<<<blocks, B>>>(d_out, sums_scanned, n);
  CHECK(cudaFree(sums));
  CHECK(cudaFree(sums_scanned));
}

int main() {
  const int n = 300000;
  std::vector<int> h(n), got(n);
  for (int i = 0; i < n; ++i) h[i] = (i * 7 + 3) % 10;
  int *din, *dout;
  CHECK(cudaMalloc(&din, n * sizeof(int)));
  CHECK(cudaMalloc(&dout, n * sizeof(int)));
  CHECK(cudaMemcpy(din, h.data(), n * sizeof(int), cudaMemcpyHostToDevice));
  scan(din, dout, n);
  CHECK(cudaGetLastError());
  CHECK(cudaMemcpy(got.data(), dout, n * sizeof(int), cudaMemcpyDeviceToHost));
  int errors = 0, run = 0;
  for (int i = 0; i < n; ++i) {
    errors += got[i] != run;
    run += h[i];
  }
  printf("total = %d\n", run);
  CHECK(cudaFree(din));
  CHECK(cudaFree(dout));
  return verdict("scan", errors);
}
