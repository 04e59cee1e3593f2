// out_of_class_members.cu — member functions of ordinary (non-template)
// classes declared in the class and defined after it, as most C++ code
// base does: a constructor with an initializer list, a destructor, a
// member whose return and parameter types are the class's own typedefs
// (`Grid::index_type Grid::at(index_type)`), a static constant of the class
// in an array bound, operators, a class inside a namespace defined with
// its namespace (`geo::Vec2::length`), and a host-only member the device
// compiler must leave alone.  Also references to arrays as parameters
// (`const float (&w)[TAPS]`), bound to an array that is not const, and
// deduced in a template (`sum_all(const T (&a)[N])`).
#include <vector>

#include "common.h"

struct Grid {
  typedef int index_type;
  typedef float value_type;
  static const int TAPS = 3;
  value_type scale;
  int calls;
  __device__ Grid(value_type s);
  __device__ ~Grid();
  __device__ index_type at(index_type x, index_type y) const;
  __device__ value_type filter(const value_type (&w)[TAPS], const value_type *row) const;
  __device__ Grid &operator+=(value_type d);
  std::vector<int> host_sizes() const;  // host code: never compiled for the device
};

__device__ int g_destroyed;

__device__ Grid::Grid(value_type s) : scale(s), calls(0) {}
__device__ Grid::~Grid() { atomicAdd(&g_destroyed, 1); }
__device__ Grid::index_type Grid::at(index_type x, index_type y) const { return y * 16 + x; }
__device__ Grid::value_type Grid::filter(const value_type (&w)[TAPS], const value_type *row) const {
  value_type s = 0;
  for (int i = 0; i < TAPS; i++) s += w[i] * row[i];
  return s * scale;
}
__device__ Grid &Grid::operator+=(value_type d) {
  scale += d;
  calls++;
  return *this;
}
std::vector<int> Grid::host_sizes() const { return std::vector<int>(3, calls); }

namespace geo {
struct Vec2 {
  float x, y;
  __device__ float length2() const;
};
}  // namespace geo
__device__ float geo::Vec2::length2() const { return x * x + y * y; }

__device__ void bump(int (&a)[4]) {
  for (int i = 0; i < 4; i++) a[i] += i;
}
template <typename T, int N>
__device__ T sum_all(const T (&a)[N]) {
  T s = 0;
  for (int i = 0; i < N; i++) s += a[i];
  return s;
}

__global__ void run(float *out, int *iout) {
  int t = threadIdx.x;
  {
    Grid g(2.0f);
    float w[Grid::TAPS] = {1.0f, 2.0f, 3.0f};  // not const: binds to const float (&)[3]
    float row[3] = {1.0f * t, 1.0f, 0.5f};
    g += 0.5f;
    out[t] = g.filter(w, row);
    iout[t] = g.at(t, 2) + g.calls * 1000;
  }
  int a[4] = {t, t, t, t};
  bump(a);
  geo::Vec2 v = {3.0f, 4.0f * t};
  out[32 + t] = v.length2() + sum_all(a);
  double d[2] = {0.25, 0.5 * t};
  out[64 + t] = (float)sum_all(d);
}

int main() {
  const int n = 32;
  float *out;
  int *iout;
  CHECK(cudaMalloc(&out, 96 * sizeof(float)));
  CHECK(cudaMalloc(&iout, n * sizeof(int)));
  run<<<1, n>>>(out, iout);
  CHECK(cudaGetLastError());
  float h[96];
  int hi[n], destroyed = 0;
  CHECK(cudaMemcpy(h, out, sizeof h, cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(hi, iout, sizeof hi, cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpyFromSymbol(&destroyed, g_destroyed, sizeof destroyed));
  int errors = 0;
  for (int t = 0; t < n; t++) {
    float filt = (1.0f * t + 2.0f + 1.5f) * 2.5f;
    float len = 9.0f + 16.0f * t * t + (4 * t + 6);
    float dsum = 0.25f + 0.5f * t;
    if (h[t] != filt || hi[t] != 2 * 16 + t + 1000 || h[32 + t] != len || h[64 + t] != dsum) {
      if (errors++ < 5)
        printf("thread %d: filter %g (want %g), at %d (want %d), length %g (want %g), sum %g (want %g)\n",
               t, h[t], filt, hi[t], 2 * 16 + t + 1000, h[32 + t], len, h[64 + t], dsum);
    }
  }
  if (destroyed != n) {
    printf("%d destructors ran, want %d\n", destroyed, n);
    errors++;
  }
  CHECK(cudaFree(out));
  CHECK(cudaFree(iout));
  return verdict("out_of_class_members", errors);
}
