// CUDA's error model: bad launch configurations, bad copies and frees
// give the codes and strings CUDA gives, are reported once by
// cudaGetLastError and do not stick.  (CUDA 13 reports every bad launch
// configuration as cudaErrorInvalidValue; older releases said
// cudaErrorInvalidConfiguration for some — both are accepted here.)
#include "common.h"
#include <cstring>

__global__ void touch(int *p) { p[threadIdx.x] = threadIdx.x; }

static int expect(const char *what, cudaError_t got, cudaError_t want) {
  if (got == want) return 0;
  if (want == cudaErrorInvalidConfiguration && got == cudaErrorInvalidValue && CUDART_VERSION >= 13000)
    return 0;
  fprintf(stderr, "%s: got %d (%s), want %d (%s)\n", what, (int)got, cudaGetErrorName(got),
          (int)want, cudaGetErrorName(want));
  return 1;
}

int main() {
  int errors = 0;
  int *d;
  CHECK(cudaMalloc(&d, 64 * sizeof(int)));
  touch<<<1, 2048>>>(d); // more than 1024 threads per block
  errors += expect("too many threads", cudaPeekAtLastError(), cudaErrorInvalidConfiguration);
  errors += expect("get resets", cudaGetLastError(), cudaErrorInvalidConfiguration);
  errors += expect("after reset", cudaGetLastError(), cudaSuccess);
  touch<<<0, 32>>>(d);
  errors += expect("empty grid", cudaGetLastError(), cudaErrorInvalidConfiguration);
  touch<<<1, 32, 1 << 20>>>(d);
  errors += expect("too much shared memory", cudaGetLastError(), cudaErrorInvalidValue);
  int host[64];
  errors += expect("copy past the end", cudaMemcpy(host, d, 65 * sizeof(int), cudaMemcpyDeviceToHost),
                   cudaErrorInvalidValue);
  errors += expect("copy from a host pointer as device", cudaMemcpy(host, host, 4, cudaMemcpyDeviceToHost),
                   cudaErrorInvalidValue);
  errors += expect("bad direction", cudaMemcpy(host, d, 4, (cudaMemcpyKind)7),
                   cudaErrorInvalidMemcpyDirection);
  errors += expect("free of a host pointer", cudaFree(host), cudaErrorInvalidValue);
  errors += expect("bad device", cudaSetDevice(7), cudaErrorInvalidDevice);
  cudaGetLastError();
  touch<<<1, 64>>>(d); // a good launch still works: nothing stuck
  errors += expect("good launch", cudaGetLastError(), cudaSuccess);
  errors += expect("sync", cudaDeviceSynchronize(), cudaSuccess);
  CHECK(cudaMemcpy(host, d, sizeof host, cudaMemcpyDeviceToHost));
  for (int i = 0; i < 64; ++i) errors += host[i] != i;
  errors += strcmp(cudaGetErrorString(cudaErrorInvalidConfiguration), "invalid configuration argument") != 0;
  errors += strcmp(cudaGetErrorName(cudaErrorMemoryAllocation), "cudaErrorMemoryAllocation") != 0;
  errors += strcmp(cudaGetErrorString(cudaSuccess), "no error") != 0;
  CHECK(cudaFree(d));
  return verdict("error_handling", errors);
}
