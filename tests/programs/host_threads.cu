// Host threads that each drive the GPU: four std::threads, each with its
// own stream and buffers, launch a kernel and copy its result back, while
// the main thread waits for them (the shape of cuda-samples' simpleCallback
// and of multi-threaded servers).  A web build has one host thread: there
// the first std::thread ends the program with a message (web_threads.c),
// which tests/web/run_web_programs.sh checks.
#include "common.h"
#include <thread>
#include <vector>

__global__ void fill_scaled(int *out, int n, int scale) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = i * scale;
}

static void worker(int id, int n, int *errors) {
  cudaStream_t s;
  int *d;
  std::vector<int> h(n);
  CHECK(cudaStreamCreate(&s));
  CHECK(cudaMalloc(&d, n * sizeof(int)));
  fill_scaled<<<(n + 127) / 128, 128, 0, s>>>(d, n, id + 1);
  CHECK(cudaMemcpyAsync(h.data(), d, n * sizeof(int), cudaMemcpyDeviceToHost, s));
  CHECK(cudaStreamSynchronize(s));
  for (int i = 0; i < n; i++) errors[id] += h[i] != i * (id + 1);
  CHECK(cudaFree(d));
  CHECK(cudaStreamDestroy(s));
}

int main() {
  const int threads = 4, n = 10000;
  int errors[threads] = {0};
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; t++) pool.emplace_back(worker, t, n + t * 37, errors);
  for (auto &t : pool) t.join();
  int total = 0;
  for (int t = 0; t < threads; t++) total += errors[t];
  return verdict("host_threads", total);
}
