// Namespace-scope __device__ and __constant__ variables of class type
// initialized through a constexpr constructor, written with parentheses
// (`__device__ Span s(2.0f, 3);`) and with braces, next to an aggregate:
// CUDA has no dynamic initialization, so the constructor must be evaluated
// at compile time into the variable's initial bytes.
#include "common.h"

struct Span {
  float scale;
  int count;
  Span() = default;
  constexpr Span(float s, int n) : scale(s * 2.0f), count(n + 1) {}
};

struct Offset {
  int dx, dy;
  Offset() = default;
  constexpr explicit Offset(int d) : dx(d), dy(-d) {}
};

struct Plain {
  float a;
  int b;
};

constexpr int kBase = 5;

__device__ Span span(2.0f, 3);            // scale 4, count 4
__device__ Span braced{0.5f, kBase};      // scale 1, count 6
__constant__ Offset offset(kBase * 2);    // 10, -10
__device__ Plain plain{1.5f, 7};

__global__ void read_all(float *out) {
  out[0] = span.scale;
  out[1] = (float)span.count;
  out[2] = braced.scale;
  out[3] = (float)braced.count;
  out[4] = (float)offset.dx;
  out[5] = (float)offset.dy;
  out[6] = plain.a;
  out[7] = (float)plain.b;
}

int main() {
  float *out;
  CHECK(cudaMallocManaged(&out, 8 * sizeof(float)));
  read_all<<<1, 1>>>(out);
  CHECK(cudaDeviceSynchronize());
  const float want[8] = {4.0f, 4.0f, 1.0f, 6.0f, 10.0f, -10.0f, 1.5f, 7.0f};
  int errors = 0;
  for (int i = 0; i < 8; ++i)
    if (out[i] != want[i]) {
      printf("value %d: got %g, want %g\n", i, out[i], want[i]);
      errors++;
    }
  CHECK(cudaFree(out));
  return verdict("device_constexpr_init", errors);
}
