// Templates launched with explicit arguments: one kernel template, several
// instances chosen by type and block size, as CUB-style code does.
#include "common.h"
#include <vector>
#include <cmath>

template <typename T, int BLOCK>
__global__ void block_sum(const T *in, T *out, int n) {
  __shared__ T buf[BLOCK];
  int i = blockIdx.x * BLOCK + threadIdx.x;
  buf[threadIdx.x] = i < n ? in[i] : T(0);
  __syncthreads();
  for (int s = BLOCK / 2; s > 0; s >>= 1) {
    if (threadIdx.x < s) buf[threadIdx.x] += buf[threadIdx.x + s];
    __syncthreads();
  }
  if (threadIdx.x == 0) out[blockIdx.x] = buf[0];
}

template <typename T, int BLOCK>
static int run(int n) {
  std::vector<T> h(n);
  for (int i = 0; i < n; ++i) h[i] = T(i % 7);
  int blocks = (n + BLOCK - 1) / BLOCK;
  T *d_in, *d_out;
  CHECK(cudaMalloc(&d_in, n * sizeof(T)));
  CHECK(cudaMalloc(&d_out, blocks * sizeof(T)));
  CHECK(cudaMemcpy(d_in, h.data(), n * sizeof(T), cudaMemcpyHostToDevice));
  block_sum<T, BLOCK><<<blocks, BLOCK>>>(d_in, d_out, n);
  CHECK(cudaGetLastError());
  std::vector<T> part(blocks);
  CHECK(cudaMemcpy(part.data(), d_out, blocks * sizeof(T), cudaMemcpyDeviceToHost));
  double got = 0, want = 0;
  for (int b = 0; b < blocks; ++b) got += (double)part[b];
  for (int i = 0; i < n; ++i) want += (double)h[i];
  CHECK(cudaFree(d_in));
  CHECK(cudaFree(d_out));
  printf("  block_sum<%s, %d>: %.0f (want %.0f)\n", sizeof(T) == 4 ? (T(0.5) > 0 ? "float" : "int") : "double", BLOCK, got, want);
  return std::fabs(got - want) > 1e-6 * want;
}

int main() {
  int errors = 0;
  errors += run<float, 128>(10000);
  errors += run<int, 256>(12345);
  errors += run<double, 64>(999);
  return verdict("template_kernels", errors);
}
