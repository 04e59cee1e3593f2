// FLAGS: -rdc=true
// Separate compilation: kernels here call device functions and read
// __device__/__constant__ variables that the two other files define
// (extern __device__), as nvcc -rdc=true allows.  Also an overloaded
// kernel, and a kernel name defined in two files (static here, in an
// anonymous namespace there).
#include "../common.h"
#include "shared.h"

__global__ void apply(int *v, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) v[i] = sc::twice(transform(v[i])) + bias + coeffs[i & 3];
}

__global__ void apply(float *v, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) v[i] = transform(v[i]);
}

static __global__ void local_step(int *v, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) v[i] += 1000000;
}

int main() {
  const int n = 1000;
  const int c[4] = {10, 20, 30, 40};
  fill_coeffs(c);
  int newbias = 5;  // the definition lives in device_fns.cu
  CHECK(cudaMemcpyToSymbol(bias, &newbias, sizeof newbias));
  int hi[n];
  float hf[n];
  for (int i = 0; i < n; i++) hi[i] = i, hf[i] = (float)i;
  int *di;
  float *df;
  CHECK(cudaMalloc(&di, sizeof hi));
  CHECK(cudaMalloc(&df, sizeof hf));
  CHECK(cudaMemcpy(di, hi, sizeof hi, cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(df, hf, sizeof hf, cudaMemcpyHostToDevice));
  apply<<<(n + 127) / 128, 128>>>(di, n);
  apply<<<(n + 127) / 128, 128>>>(df, n);
  local_step<<<(n + 127) / 128, 128>>>(di, n);
  run_local_step(di, n);
  CHECK(cudaGetLastError());
  CHECK(cudaMemcpy(hi, di, sizeof hi, cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(hf, df, sizeof hf, cudaMemcpyDeviceToHost));
  int errors = 0;
  for (int i = 0; i < n; i++) {
    int t = 3 * i + c[(i & 7) & 3] + (i & 7) + 1;
    int want = 2 * t + 5 + c[i & 3] + 1000000 - 1000;
    if (hi[i] != want && errors++ < 5) printf("int %d: %d, want %d\n", i, hi[i], want);
    float wf = 0.5f * (float)i + 5.0f;
    if (hf[i] != wf && errors++ < 5) printf("float %d: %g, want %g\n", i, hf[i], wf);
  }
  CHECK(cudaFree(di));
  CHECK(cudaFree(df));
  return verdict("separate_compilation", errors);
}
