// A faulting kernel fails its launch, not the process: a wild store gives
// cudaErrorIllegalAddress at the next synchronisation and the error sticks
// (every later call that uses the context reports it; cudaGetLastError
// reports it once and clears the last-error slot, as CUDA does).  On a GPU that is the end of CUDA for the
// process: driver_types.h says of cudaErrorIllegalAddress that "any
// further CUDA work will return the same error. To continue using CUDA,
// the process must be terminated and relaunched", so there (nvcc, or
// cuwasm's CUDA backend) the program stops after checking that the error
// sticks.  cuwasm's CPU backend recovers at cudaDeviceReset, and the
// program checks that it then carries on with working launches, that an
// overrun by a multiple of the buffer's size is caught by the guard pages
// around device allocations, that an integer division by zero fails the
// launch, and that CUWASM_LAUNCH_TIMEOUT stops a kernel that never ends.
// CHECK: skip (faults on purpose; under memcheck the bad accesses are reported instead)
#include "common.h"
#include <cstdlib>
#include <cstring>

__global__ void wild_store(float *p, size_t offset) { p[offset + threadIdx.x] = 1.0f; }

__global__ void overrun(float *p, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) p[i + n * 1000] = 1.0f;
}

__global__ void fill(float *p, int n, float v) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) p[i] = v;
}

__global__ void divide(int *p, int d) { p[threadIdx.x] = 100 / (d - (int)(threadIdx.x & 1)); }

__global__ void spin(volatile int *flag) {
  while (flag[0] == 0) {
  }
}

static int expect(const char *what, cudaError_t got, cudaError_t want) {
  if (got == want) return 0;
  fprintf(stderr, "%s: got %s, want %s\n", what, cudaGetErrorName(got), cudaGetErrorName(want));
  return 1;
}

// Launches fill and checks every element came back as v.
static int fill_works(const char *what) {
  const int n = 1000;
  float *d = nullptr, h[n];
  int errors = expect(what, cudaMalloc(&d, n * sizeof(float)), cudaSuccess);
  if (errors) return errors;
  fill<<<4, 256>>>(d, n, 7.0f);
  errors += expect(what, cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost), cudaSuccess);
  for (int i = 0; i < n && !errors; i++)
    if (h[i] != 7.0f) errors += expect(what, cudaErrorUnknown, cudaSuccess);
  cudaFree(d);
  return errors;
}

// Checks a faulting launch's code and that it sticks (buf: a device buffer
// of at least 16 bytes allocated before the fault): every call that uses
// the context returns it again, while cudaGetLastError reports it once and
// clears the last-error slot (as nvcc's CUDA does on an H200), and
// cudaPeekAtLastError reads the slot without clearing it.
static int fault_sticks(const char *what, cudaError_t want, void *buf) {
  int errors = expect(what, cudaDeviceSynchronize(), want);
  float *d = nullptr;
  errors += expect("sticky: cudaMalloc after fault", cudaMalloc(&d, 16), want);
  errors += expect("sticky: cudaPeekAtLastError", cudaPeekAtLastError(), want);
  errors += expect("sticky: second cudaPeekAtLastError", cudaPeekAtLastError(), want);
  errors += expect("sticky: cudaGetLastError", cudaGetLastError(), want);
  errors += expect("sticky: second cudaGetLastError", cudaGetLastError(), cudaSuccess);
  errors += expect("sticky: cudaPeekAtLastError after get", cudaPeekAtLastError(), cudaSuccess);
  errors += expect("sticky: cudaDeviceSynchronize after get", cudaDeviceSynchronize(), want);
  errors += expect("sticky: last error after failing sync", cudaPeekAtLastError(), want);
  cudaGetLastError();
  float h[4];
  errors += expect("sticky: cudaMemcpy after get", cudaMemcpy(h, buf, sizeof h, cudaMemcpyDeviceToHost), want);
  errors += expect("sticky: get after cudaMemcpy", cudaGetLastError(), want);
  fill<<<1, 32>>>((float *)buf, 4, 1.0f);
  errors += expect("sticky: launch after fault", cudaGetLastError(), want);
  errors += expect("sticky: cudaMalloc again", cudaMalloc(&d, 16), want);
  errors += expect("sticky: get after cudaMalloc", cudaGetLastError(), want);
  errors += expect("sticky: get cleared again", cudaGetLastError(), cudaSuccess);
  return errors;
}

// Whether the device recovers from a fault at cudaDeviceReset: cuwasm's CPU
// backend does (CUWASM_BACKEND unset on a machine without a GPU, or cpu);
// a GPU does not.
static bool recovers_at_reset() {
#ifdef __CUWASM__
  const char *b = getenv("CUWASM_BACKEND");
  return !b || !*b || !strcmp(b, "cpu");
#else
  return false;
#endif
}

// Runs one faulting launch, checks its code and that it sticks, resets.
static int fault_case(const char *what, cudaError_t want, void *buf) {
  int errors = fault_sticks(what, want, buf);
  errors += expect("cudaDeviceReset", cudaDeviceReset(), cudaSuccess);
  errors += expect("after reset", cudaGetLastError(), cudaSuccess);
  return errors + fill_works(what);
}

int main() {
  int errors = fill_works("before any fault");
  float *d = nullptr;
  CHECK(cudaMalloc(&d, 1024 * sizeof(float)));
  wild_store<<<1, 32>>>(d, (size_t)1 << 40); // 4 TiB past the buffer
  if (!recovers_at_reset()) {
    errors += fault_sticks("wild store", cudaErrorIllegalAddress, d);
    printf("a GPU: CUDA ends with the fault (the process must be relaunched)\n");
    return verdict("kernel_faults", errors);
  }
  errors += fault_case("wild store", cudaErrorIllegalAddress, d);
  CHECK(cudaMalloc(&d, 1024 * sizeof(float)));
  overrun<<<4, 256>>>(d, 1024); // 4 MB past a 4 KB buffer: the guard pages
  errors += fault_case("overrun", cudaErrorIllegalAddress, d);
  int *ip = nullptr;
  CHECK(cudaMalloc(&ip, 64 * sizeof(int)));
  divide<<<1, 32>>>(ip, 1);
  errors += fault_case("division by zero", cudaErrorLaunchFailure, ip);
  setenv("CUWASM_LAUNCH_TIMEOUT", "0.5", 1);
  CHECK(cudaMalloc(&ip, 64 * sizeof(int)));
  CHECK(cudaMemset(ip, 0, 64 * sizeof(int)));
  spin<<<8, 64>>>(ip);
  errors += fault_case("endless kernel", cudaErrorLaunchTimeout, ip);
  unsetenv("CUWASM_LAUNCH_TIMEOUT");
  return verdict("kernel_faults", errors);
}
