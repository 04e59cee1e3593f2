// Extended lambdas (nvcc --extended-lambda): `[=] __device__` lambdas
// written in host code and passed to kernel templates, as modern CUDA
// code does.  The kernel receives the host closure's bytes, so the device
// closure must lay out its captures as the host compiler does: several
// captures of different sizes and alignments (pointer, int, double, char,
// a struct) are checked value by value.  Also: two lambdas on one line, a
// `__host__ __device__` lambda also called on the host, a lambda in a
// function other than main that captures its parameters (one by
// reference parameter), explicit captures in list order, an integral
// constant (not captured, unless the capture list names it), a local
// array (copied), a lambda with `-> R`, one written in a macro argument,
// a lambda body that declares a name the host function also declares,
// lambdas in a host function template (one closure per instance), and
// bodies that call device-only functions and builtins (atomicAdd,
// threadIdx), which the host compiler never sees; lambdas in member
// functions (defined in and out of the class) that copy members to locals.
// FLAGS: --extended-lambda
#include "common.h"
#include <cmath>

#define FOR_EACH(n, body) for_each_index<<<((n) + 127) / 128, 128>>>((n), body)

struct Affine {
  float scale;
  short shift;
};

__device__ int bucket_of(int i) { return i % 4; }

template <typename F>
__global__ void for_each_index(int n, F f) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) f(i);
}

template <typename T, typename F>
__global__ void transform(int n, const T *in, T *out, F f) {
  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
    out[i] = f(in[i]);
}

template <typename F>
void launch_for_each(int n, F f) {
  for_each_index<<<(n + 127) / 128, 128>>>(n, f);
  CHECK(cudaGetLastError());
}

// a lambda in a function other than main: it captures the parameters
static int scale_in_place(float *v, int n, const float &factor, double bias) {
  for_each_index<<<(n + 63) / 64, 64>>>(n, [=] __device__(int i) { v[i] = v[i] * factor + (float)bias; });
  CHECK(cudaDeviceSynchronize());
  int errors = 0;
  for (int i = 0; i < n; i++)
    errors += std::fabs(v[i] - ((float)i * factor + (float)bias)) > 1e-4f;
  return errors;
}

// a host function template: each instance has its own closure type
template <typename T, int Scale>
static int fill_affine(T *x, int n, T offset) {
  T step = (T)Scale / 4;
  for_each_index<<<(n + 127) / 128, 128>>>(n, [=] __device__(int i) { x[i] = offset + step * (T)i; });
  CHECK(cudaDeviceSynchronize());
  int errors = 0;
  for (int i = 0; i < n; i++) errors += x[i] != offset + step * (T)i;
  return errors;
}

struct Ramp {
  float *data;
  int n;
  void fill(float slope) { // in the class
    float *d = data;
    for_each_index<<<(n + 127) / 128, 128>>>(n, [=] __device__(int i) { d[i] = slope * i; });
  }
  void shift(float by);
};

void Ramp::shift(float by) { // out of the class
  float *d = data;
  for_each_index<<<(n + 127) / 128, 128>>>(n, [=] __device__(int i) { d[i] += by; });
}

int main() {
  const int n = 1000;
  const int limit = 700; // an integral constant: g++ does not capture it
  double *out;
  int *tags;
  float *v;
  CHECK(cudaMallocManaged(&out, n * sizeof(double)));
  CHECK(cudaMallocManaged(&tags, n * sizeof(int)));
  CHECK(cudaMallocManaged(&v, n * sizeof(float)));
  int errors = 0;

  // captures of mixed sizes, in order of first use: out, c, k, d, aff, tags
  char c = 3;
  int k = 7;
  double d = 0.25;
  Affine aff = {1.5f, -2};
  int i = 12345; // the lambda declares its own i (a parameter): no capture
  launch_for_each(n, [=] __device__(int i) {
    out[i] = c * 1000.0 + k * i + d + aff.scale * aff.shift;
    int j = i < limit ? 1 : 2; // a local of the body
    tags[i] = j;
  });
  CHECK(cudaDeviceSynchronize());
  for (int q = 0; q < n; q++) {
    double want = 3 * 1000.0 + 7.0 * q + 0.25 + 1.5 * -2;
    errors += std::fabs(out[q] - want) > 1e-9 || tags[q] != (q < limit ? 1 : 2);
  }
  errors += i != 12345;

  // explicit captures, in list order (d before k, unlike first use)
  for_each_index<<<8, 128>>>(n, [d, k, out] __device__(int q) { out[q] = k - d; });
  CHECK(cudaDeviceSynchronize());
  for (int q = 0; q < n; q++) errors += out[q] != 7 - 0.25;

  // two lambdas on one line, and a __host__ __device__ one the host calls too
  float w = 0.5f;
  auto square_plus = [=] __host__ __device__(float x) { return x * x + w; };
  for (int q = 0; q < n; q++) v[q] = (float)q / n;
  float *sq;
  CHECK(cudaMallocManaged(&sq, n * sizeof(float)));
  transform<<<4, 256>>>(n, v, sq, square_plus);
  CHECK(cudaDeviceSynchronize());
  for (int q = 0; q < n; q++) errors += std::fabs(sq[q] - square_plus(v[q])) > 1e-6f;
  for_each_index<<<8, 128>>>(n, [=] __device__(int q) { v[q] = 2.0f * q; }); for_each_index<<<8, 128>>>(n, [=] __device__(int q) { sq[q] = v[q] + w; });
  CHECK(cudaDeviceSynchronize());
  for (int q = 0; q < n; q++) errors += sq[q] != 2.0f * q + 0.5f;

  for (int q = 0; q < n; q++) v[q] = (float)q;
  errors += scale_in_place(v, n, 3.0f, 0.5);

  // a constant named in the capture list is captured; an array is copied
  float coef[3] = {1.0f, 0.5f, 0.25f};
  auto poly = [limit, coef, v] __device__(int q) -> float {
    float x = q < limit ? 1.0f : 2.0f;
    return coef[0] + coef[1] * x + coef[2] * x * x + 0.0f * v[0];
  };
  FOR_EACH(n, [=] __device__(int q) { sq[q] = poly(q); });
  CHECK(cudaDeviceSynchronize());
  for (int q = 0; q < n; q++) errors += sq[q] != (q < limit ? 1.75f : 3.0f);

  // device-only calls in the body: a __device__ function, an atomic, threadIdx
  int *counts;
  CHECK(cudaMallocManaged(&counts, 4 * sizeof(int)));
  for (int b = 0; b < 4; b++) counts[b] = 0;
  for_each_index<<<8, 128>>>(n, [=] __device__(int q) {
    atomicAdd(&counts[bucket_of(q)], 1);
    tags[q] = (int)threadIdx.x;
  });
  CHECK(cudaDeviceSynchronize());
  for (int b = 0; b < 4; b++) errors += counts[b] != n / 4;
  for (int q = 0; q < n; q++) errors += tags[q] != q % 128;
  CHECK(cudaFree(counts));

  Ramp ramp = {v, n};
  ramp.fill(0.5f);
  ramp.shift(-1.0f);
  CHECK(cudaDeviceSynchronize());
  for (int q = 0; q < n; q++) errors += v[q] != 0.5f * q - 1.0f;

  errors += fill_affine<float, 2>(v, n, 1.0f);
  errors += fill_affine<double, 6>(out, n, -3.0);
  errors += fill_affine<int, 8>(tags, n, 5);

  CHECK(cudaFree(out));
  CHECK(cudaFree(tags));
  CHECK(cudaFree(v));
  CHECK(cudaFree(sq));
  return verdict("extended_lambda", errors);
}
