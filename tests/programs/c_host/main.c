/* C host code (C11, no C++) driving the CUDA runtime API directly. */
#include <cuda_runtime_api.h>
#include <stdio.h>
#include <stdlib.h>

int launch_dot(const double *x, const double *y, double *partial, int n);

#define CHECK(call)                                                         \
  do {                                                                      \
    cudaError_t e_ = (call);                                                \
    if (e_ != cudaSuccess) {                                                \
      fprintf(stderr, "%s:%d: %s\n", __FILE__, __LINE__, cudaGetErrorString(e_)); \
      return 2;                                                             \
    }                                                                       \
  } while (0)

int main(void) {
  const int n = 10000, blocks = (n + 255) / 256;
  double *hx = malloc(n * sizeof *hx), *hy = malloc(n * sizeof *hy), *hp = malloc(blocks * sizeof *hp);
  double want = 0;
  for (int i = 0; i < n; i++) {
    hx[i] = i * 0.5;
    hy[i] = 1.0 / (i + 1);
    want += hx[i] * hy[i];
  }
  double *dx, *dy, *dp;
  CHECK(cudaMalloc((void **)&dx, n * sizeof *dx));
  CHECK(cudaMalloc((void **)&dy, n * sizeof *dy));
  CHECK(cudaMalloc((void **)&dp, blocks * sizeof *dp));
  CHECK(cudaMemcpy(dx, hx, n * sizeof *dx, cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(dy, hy, n * sizeof *dy, cudaMemcpyHostToDevice));
  CHECK((cudaError_t)launch_dot(dx, dy, dp, n));
  CHECK(cudaMemcpy(hp, dp, blocks * sizeof *hp, cudaMemcpyDeviceToHost));
  double got = 0;
  for (int b = 0; b < blocks; b++) got += hp[b];
  int bad = got - want > 1e-6 * want || want - got > 1e-6 * want;
  printf("dot = %.6f (want %.6f)\nc_host: %s\n", got, want, bad ? "FAILED" : "PASSED");
  cudaFree(dx);
  cudaFree(dy);
  cudaFree(dp);
  free(hx), free(hy), free(hp);
  return bad;
}
