// Host code the way public samples write it, all of which nvcc accepts:
// host-only C++ in a header (errors.h), helpers guarded by NVIDIA's header
// macros, C library calls with no #include (cuda_runtime.h brings string.h,
// stdlib.h, stdio.h, math.h along), min/max on the host and mixed min/max
// in device code beside a user template of that name, launches written
// with spaces inside the chevrons, inside a macro and over several lines,
// __grid_constant__ parameters, and a host struct holding a stream.
#include "errors.h"

template <class T>
__host__ __device__ T max(const T &a, const T &b) { return a < b ? b : a; }

struct Big { int v[300]; };

__global__ void scale(__grid_constant__ const Big big, float *out, float f, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  float t = max(5.0e-3, f * big.v[i % 300]);  // builtin max(double, float)
  out[i] = max(t, 1.0f) + max(1, 2);          // user template, builtin int
}

struct Work {  // a host struct with a CUDA handle in it
  cudaStream_t stream;
  float *data;
  int n;
};

#define LAUNCH(k, g, b, ...) k<<<g, b>>>(__VA_ARGS__)

int main() {
  const int n = 1000;
  Work w;
  w.n = n;
  checkErrors(cudaStreamCreate(&w.stream));
  checkErrors(cudaMalloc(&w.data, n * sizeof(float)));
  Big big;
  for (int i = 0; i < 300; i++) big.v[i] = i;
  scale << < (n + 127) / 128, 128 >> > (big, w.data, 0.5f, n);
  LAUNCH(scale, (n + 127) / 128, 128, big, w.data, 0.5f, n);
  scale<<<(n + 127) / 128,
          128, 0,
          w.stream>>>(big, w.data, 0.5f, n);
  checkErrors(cudaStreamSynchronize(w.stream));
  float *h = (float *)malloc(n * sizeof(float));  // stdlib.h, not included
  checkErrors(cudaMemcpy(h, w.data, n * sizeof(float), cudaMemcpyDeviceToHost));
  int errors = 0;
  for (int i = 0; i < n; i++) {
    float t = std::max(5.0e-3f, 0.5f * (i % 300));
    float want = (t < 1.0f ? 1.0f : t) + 2;
    errors += fabsf(h[i] - want) > 1e-6f;
  }
  char name[16];
  strncpy(name, TypeName<float>::get(), sizeof name);  // string.h, not included
  errors += strcmp(name, "float") != 0;
  errors += max(3, 4) != 4 || min(2u, 7) != 2u || max(1.5, 2.0f) != 2.0;  // host min/max
  try {
    checkErrors(cudaErrorInvalidValue);
    errors++;
  } catch (const std::runtime_error &e) {
    errors += strstr(e.what(), "main.cu") == NULL;
  }
  free(h);
  checkErrors(cudaFree(w.data));
  checkErrors(cudaStreamDestroy(w.stream));
  printf("host_headers: %s\n", errors ? "FAILED" : "PASSED");
  return errors != 0;
}
