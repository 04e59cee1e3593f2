// Device-side objects that outlive a kernel: one kernel builds a table of
// polymorphic filters with `new` (a class template hierarchy with a pure
// virtual function and a virtual destructor), the next applies them to
// data through base pointers and combines the results with an operation
// picked from a table of pointers to device functions, the last deletes
// them, each destructor counting itself.  The host checks every value.
#include "common.h"
#include <vector>

template <typename T> struct Filter {
  int *destroyed;
  __device__ Filter(int *d) : destroyed(d) {}
  __device__ virtual ~Filter() { atomicAdd(destroyed, 1); }
  __device__ virtual T apply(T x) const = 0;
  __device__ virtual const char *name() const { return "filter"; }
};

template <typename T> struct Scale : Filter<T> {
  T k;
  __device__ Scale(int *d, T k_) : Filter<T>(d), k(k_) {}
  __device__ T apply(T x) const override { return k * x; }
};

template <typename T> struct Offset : Filter<T> {
  T c;
  __device__ Offset(int *d, T c_) : Filter<T>(d), c(c_) {}
  __device__ T apply(T x) const override { return x + c; }
};

// an override of an override that also uses the base's version
template <typename T> struct ScaleThenOffset : Scale<T> {
  T c;
  __device__ ScaleThenOffset(int *d, T k_, T c_) : Scale<T>(d, k_), c(c_) {}
  __device__ T apply(T x) const override { return Scale<T>::apply(x) + c; }
};

enum { NFILTERS = 3 };

__global__ void build(Filter<float> **filters, int *destroyed) {
  if (threadIdx.x == 0 && blockIdx.x == 0) {
    filters[0] = new Scale<float>(destroyed, 3.0f);
    filters[1] = new Offset<float>(destroyed, -1.0f);
    filters[2] = new ScaleThenOffset<float>(destroyed, 2.0f, 0.5f);
  }
}

typedef float (*combine_t)(float, float);
__device__ float add(float a, float b) { return a + b; }
__device__ float maximum(float a, float b) { return a > b ? a : b; }
__device__ float product(float a, float b) { return a * b; }
__device__ combine_t combiners[3] = {add, maximum, product};

__global__ void run(Filter<float> *const *filters, const float *in, float *out, int n, int how) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  combine_t combine = combiners[how];
  float acc = filters[0]->apply(in[i]);
  for (int f = 1; f < NFILTERS; f++) acc = combine(acc, filters[f]->apply(in[i]));
  out[i] = acc;
}

__global__ void destroy(Filter<float> **filters) {
  int f = threadIdx.x;
  if (f < NFILTERS) delete filters[f];
}

static float reference(float x, int how) {
  float r[NFILTERS] = {3.0f * x, x - 1.0f, 2.0f * x + 0.5f};
  float acc = r[0];
  for (int f = 1; f < NFILTERS; f++)
    acc = how == 0 ? acc + r[f] : how == 1 ? (acc > r[f] ? acc : r[f]) : acc * r[f];
  return acc;
}

int main() {
  const int n = 1000;
  std::vector<float> h(n);
  for (int i = 0; i < n; i++) h[i] = (float)(i % 37) - 12.0f;
  float *din, *dout;
  Filter<float> **filters;
  int *destroyed;
  CHECK(cudaMalloc(&din, n * sizeof(float)));
  CHECK(cudaMalloc(&dout, n * sizeof(float)));
  CHECK(cudaMalloc(&filters, NFILTERS * sizeof(Filter<float> *)));
  CHECK(cudaMalloc(&destroyed, sizeof(int)));
  CHECK(cudaMemset(destroyed, 0, sizeof(int)));
  CHECK(cudaMemcpy(din, h.data(), n * sizeof(float), cudaMemcpyHostToDevice));
  build<<<1, 1>>>(filters, destroyed);
  CHECK(cudaGetLastError());
  int errors = 0;
  std::vector<float> got(n);
  for (int how = 0; how < 3; how++) {
    run<<<(n + 127) / 128, 128>>>(filters, din, dout, n, how);
    CHECK(cudaGetLastError());
    CHECK(cudaMemcpy(got.data(), dout, n * sizeof(float), cudaMemcpyDeviceToHost));
    for (int i = 0; i < n; i++) {
      float want = reference(h[i], how);
      if (got[i] != want) {
        if (errors < 5) printf("combiner %d, element %d: got %g, want %g\n", how, i, got[i], want);
        errors++;
      }
    }
  }
  destroy<<<1, 32>>>(filters);
  int count = 0;
  CHECK(cudaMemcpy(&count, destroyed, sizeof(int), cudaMemcpyDeviceToHost));
  if (count != NFILTERS) {
    printf("destructors run: %d, want %d\n", count, NFILTERS);
    errors++;
  }
  CHECK(cudaFree(din));
  CHECK(cudaFree(dout));
  CHECK(cudaFree(filters));
  CHECK(cudaFree(destroyed));
  return verdict("virtual_functions", errors);
}

// CHECK: racecheck (memcheck does not know the device heap yet: objects made
// with new in kernels are reported as outside every allocation; docs/sanitizer.md)
