// Several streams, each copying its chunk in, running a kernel and copying
// out, with pinned host memory so the copies are asynchronous.
#include "common.h"

__global__ void square_plus(float *d, int n, float add) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    d[i] = d[i] * d[i] + add;
}

int main() {
  const int nstreams = 4, chunk = 1 << 16, n = nstreams * chunk;
  float *h, *d;
  CHECK(cudaMallocHost(&h, n * sizeof(float)));
  CHECK(cudaMalloc(&d, n * sizeof(float)));
  for (int i = 0; i < n; ++i) h[i] = (float)(i % 1000) * 0.5f;
  cudaStream_t s[nstreams];
  for (int k = 0; k < nstreams; ++k) CHECK(cudaStreamCreate(&s[k]));
  cudaEvent_t t0, t1;
  CHECK(cudaEventCreate(&t0));
  CHECK(cudaEventCreate(&t1));
  CHECK(cudaEventRecord(t0, 0));
  for (int k = 0; k < nstreams; ++k) {
    float *hp = h + k * chunk, *dp = d + k * chunk;
    CHECK(cudaMemcpyAsync(dp, hp, chunk * sizeof(float), cudaMemcpyHostToDevice, s[k]));
    square_plus<<<64, 256, 0, s[k]>>>(dp, chunk, (float)k);
    CHECK(cudaMemcpyAsync(hp, dp, chunk * sizeof(float), cudaMemcpyDeviceToHost, s[k]));
  }
  for (int k = 0; k < nstreams; ++k) CHECK(cudaStreamSynchronize(s[k]));
  CHECK(cudaEventRecord(t1, 0));
  CHECK(cudaEventSynchronize(t1));
  float ms;
  CHECK(cudaEventElapsedTime(&ms, t0, t1));
  int errors = 0;
  for (int i = 0; i < n; ++i) {
    float v = (float)(i % 1000) * 0.5f;
    if (h[i] != v * v + (float)(i / chunk)) errors++;
  }
  printf("%d streams, %d elements, %.3f ms\n", nstreams, n, ms);
  for (int k = 0; k < nstreams; ++k) CHECK(cudaStreamDestroy(s[k]));
  CHECK(cudaEventDestroy(t0));
  CHECK(cudaEventDestroy(t1));
  CHECK(cudaFreeHost(h));
  CHECK(cudaFree(d));
  return verdict("streams_async", errors);
}
