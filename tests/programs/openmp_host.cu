// The host reference runs in parallel with OpenMP, as benchmark suites
// often do; the kernel and the reference must agree.
// FLAGS: -Xcompiler -fopenmp
#include "common.h"
#include <omp.h>
#include <cmath>
#include <vector>

__global__ void saxpy_sin(int n, float a, const float *x, float *y) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) y[i] = a * sinf(x[i]) + y[i];
}

int main() {
  const int n = 1 << 18;
  std::vector<float> x(n), y(n), ref(n);
#pragma omp parallel for
  for (int i = 0; i < n; ++i) {
    x[i] = i * 0.001f;
    y[i] = 1.0f;
  }
#pragma omp parallel for
  for (int i = 0; i < n; ++i) ref[i] = 2.0f * sinf(x[i]) + y[i];
  float *dx, *dy;
  CHECK(cudaMalloc(&dx, n * sizeof(float)));
  CHECK(cudaMalloc(&dy, n * sizeof(float)));
  CHECK(cudaMemcpy(dx, x.data(), n * sizeof(float), cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(dy, y.data(), n * sizeof(float), cudaMemcpyHostToDevice));
  saxpy_sin<<<(n + 255) / 256, 256>>>(n, 2.0f, dx, dy);
  CHECK(cudaMemcpy(y.data(), dy, n * sizeof(float), cudaMemcpyDeviceToHost));
  int errors = 0;
#pragma omp parallel for reduction(+ : errors)
  for (int i = 0; i < n; ++i) errors += fabsf(y[i] - ref[i]) > 1e-4f;
  printf("OpenMP threads: %d\n", omp_get_max_threads());
  CHECK(cudaFree(dx));
  CHECK(cudaFree(dy));
  return verdict("openmp_host", errors);
}
