// Thrust-like generic code: a transform kernel templated on a functor
// type, functors with __host__ __device__ operator(), and a __host__
// __device__ helper the host also calls for the reference.
#include "common.h"
#include <vector>

__host__ __device__ inline float clampf(float v, float lo, float hi) {
  return v < lo ? lo : v > hi ? hi : v;
}

struct Saturate {
  float gain;
  __host__ __device__ float operator()(float x) const { return clampf(x * gain, -1.0f, 1.0f); }
};

struct Square {
  __host__ __device__ float operator()(float x) const { return x * x; }
};

template <typename F>
__global__ void transform(const float *in, float *out, int n, F f) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = f(in[i]);
}

template <typename F>
static int check(const char *name, F f, const std::vector<float> &h, float *din, float *dout) {
  int n = (int)h.size();
  transform<<<(n + 127) / 128, 128>>>(din, dout, n, f);
  std::vector<float> got(n);
  CHECK(cudaMemcpy(got.data(), dout, n * sizeof(float), cudaMemcpyDeviceToHost));
  int errors = 0;
  for (int i = 0; i < n; ++i) errors += got[i] != f(h[i]);
  printf("  %s: %d mismatches\n", name, errors);
  return errors;
}

int main() {
  const int n = 3000;
  std::vector<float> h(n);
  for (int i = 0; i < n; ++i) h[i] = (i - n / 2) * 0.001f;
  float *din, *dout;
  CHECK(cudaMalloc(&din, n * sizeof(float)));
  CHECK(cudaMalloc(&dout, n * sizeof(float)));
  CHECK(cudaMemcpy(din, h.data(), n * sizeof(float), cudaMemcpyHostToDevice));
  int errors = check("saturate", Saturate{3.0f}, h, din, dout) + check("square", Square{}, h, din, dout);
  CHECK(cudaFree(din));
  CHECK(cudaFree(dout));
  return verdict("functor_templates", errors);
}
