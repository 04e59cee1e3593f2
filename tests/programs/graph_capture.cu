// CUDA graphs by stream capture: a memset, two kernels and a copy are
// captured once, instantiated, and replayed many times.
#include "common.h"

__global__ void add_one(float *a, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) a[i] += 1.0f;
}
__global__ void accumulate(const float *a, float *acc, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) acc[i] += a[i];
}

int main() {
  const int n = 4096, reps = 10;
  float *a, *acc, *h;
  CHECK(cudaMalloc(&a, n * sizeof(float)));
  CHECK(cudaMalloc(&acc, n * sizeof(float)));
  CHECK(cudaMallocHost(&h, n * sizeof(float)));
  CHECK(cudaMemset(acc, 0, n * sizeof(float)));
  cudaStream_t s;
  CHECK(cudaStreamCreate(&s));
  cudaGraph_t graph;
  CHECK(cudaStreamBeginCapture(s, cudaStreamCaptureModeGlobal));
  CHECK(cudaMemsetAsync(a, 0, n * sizeof(float), s));
  add_one<<<n / 256, 256, 0, s>>>(a, n);
  add_one<<<n / 256, 256, 0, s>>>(a, n);
  accumulate<<<n / 256, 256, 0, s>>>(a, acc, n);
  CHECK(cudaMemcpyAsync(h, acc, n * sizeof(float), cudaMemcpyDeviceToHost, s));
  CHECK(cudaStreamEndCapture(s, &graph));
  cudaGraphExec_t exec;
  CHECK(cudaGraphInstantiate(&exec, graph, 0));
  for (int r = 0; r < reps; ++r) CHECK(cudaGraphLaunch(exec, s));
  CHECK(cudaStreamSynchronize(s));
  int errors = 0;
  for (int i = 0; i < n; ++i) errors += h[i] != 2.0f * reps;
  printf("acc[0] = %.1f after %d graph launches\n", h[0], reps);
  CHECK(cudaGraphExecDestroy(exec));
  CHECK(cudaGraphDestroy(graph));
  CHECK(cudaStreamDestroy(s));
  CHECK(cudaFree(a));
  CHECK(cudaFree(acc));
  CHECK(cudaFreeHost(h));
  return verdict("graph_capture", errors);
}
