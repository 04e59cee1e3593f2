// Warp-level primitives: a shuffle-down reduction, __ballot_sync with
// __popc, and __shfl_sync broadcast, checked against host results.
#include "common.h"
#include <vector>

__global__ void warp_ops(const int *in, int *sums, unsigned *ballots, int *bcast) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  int lane = threadIdx.x & 31, warp = i / 32;
  int v = in[i];
  int s = v;
  for (int o = 16; o > 0; o >>= 1) s += __shfl_down_sync(0xffffffffu, s, o);
  unsigned b = __ballot_sync(0xffffffffu, v % 2 == 1);
  int first = __shfl_sync(0xffffffffu, v, 0);
  if (lane == 0) {
    sums[warp] = s;
    ballots[warp] = __popc(b);
  }
  bcast[i] = first;
}

int main() {
  const int n = 1024, warps = n / 32;
  std::vector<int> h(n);
  for (int i = 0; i < n; ++i) h[i] = (i * 13) % 29;
  int *din, *dsum, *dbc;
  unsigned *dbal;
  CHECK(cudaMalloc(&din, n * sizeof(int)));
  CHECK(cudaMalloc(&dsum, warps * sizeof(int)));
  CHECK(cudaMalloc(&dbal, warps * sizeof(unsigned)));
  CHECK(cudaMalloc(&dbc, n * sizeof(int)));
  CHECK(cudaMemcpy(din, h.data(), n * sizeof(int), cudaMemcpyHostToDevice));
  warp_ops<<<n / 128, 128>>>(din, dsum, dbal, dbc);
  std::vector<int> sums(warps), bc(n);
  std::vector<unsigned> bal(warps);
  CHECK(cudaMemcpy(sums.data(), dsum, warps * sizeof(int), cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(bal.data(), dbal, warps * sizeof(unsigned), cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(bc.data(), dbc, n * sizeof(int), cudaMemcpyDeviceToHost));
  int errors = 0;
  for (int w = 0; w < warps; ++w) {
    int s = 0;
    unsigned odd = 0;
    for (int l = 0; l < 32; ++l) s += h[w * 32 + l], odd += h[w * 32 + l] % 2;
    errors += sums[w] != s || bal[w] != odd;
    for (int l = 0; l < 32; ++l) errors += bc[w * 32 + l] != h[w * 32];
  }
  CHECK(cudaFree(din)); CHECK(cudaFree(dsum)); CHECK(cudaFree(dbal)); CHECK(cudaFree(dbc));
  return verdict("warp_shuffle", errors);
}
