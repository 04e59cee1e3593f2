// Dynamic shared memory (extern __shared__, size from the launch) holding
// two arrays of different types, and cudaFuncSetAttribute on the kernel.
#include "common.h"
#include <vector>

__global__ void reverse_pairs(const int *in, int *out, float *fout, int n) {
  extern __shared__ unsigned char smem[];
  int *si = (int *)smem;
  float *sf = (float *)(smem + blockDim.x * sizeof(int));
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  si[threadIdx.x] = i < n ? in[i] : 0;
  sf[threadIdx.x] = i < n ? in[i] * 0.5f : 0.0f;
  __syncthreads();
  int r = blockDim.x - 1 - threadIdx.x;
  if (i < n) {
    out[i] = si[r];
    fout[i] = sf[r];
  }
}

int main() {
  const int block = 128, n = block * 10;
  CHECK(cudaFuncSetAttribute(reverse_pairs, cudaFuncAttributeMaxDynamicSharedMemorySize, 16384));
  std::vector<int> h(n);
  for (int i = 0; i < n; ++i) h[i] = i;
  int *din, *dout;
  float *df;
  CHECK(cudaMalloc(&din, n * sizeof(int)));
  CHECK(cudaMalloc(&dout, n * sizeof(int)));
  CHECK(cudaMalloc(&df, n * sizeof(float)));
  CHECK(cudaMemcpy(din, h.data(), n * sizeof(int), cudaMemcpyHostToDevice));
  size_t shm = block * (sizeof(int) + sizeof(float));
  reverse_pairs<<<n / block, block, shm>>>(din, dout, df, n);
  CHECK(cudaGetLastError());
  std::vector<int> o(n);
  std::vector<float> f(n);
  CHECK(cudaMemcpy(o.data(), dout, n * sizeof(int), cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(f.data(), df, n * sizeof(float), cudaMemcpyDeviceToHost));
  int errors = 0;
  for (int i = 0; i < n; ++i) {
    int b = i / block, r = block - 1 - i % block;
    errors += o[i] != b * block + r || f[i] != (b * block + r) * 0.5f;
  }
  CHECK(cudaFree(din)); CHECK(cudaFree(dout)); CHECK(cudaFree(df));
  return verdict("dynamic_shared", errors);
}
