// Half precision: the host converts with __float2half, the kernel does
// arithmetic in half and float, the host converts back.  A second kernel
// uses the operators cuda_fp16.hpp defines on __half2 (+ - * /, unary -,
// compound assignment, comparisons true when both lanes compare true),
// checked against a host reference that rounds to half after each step.
#include "common.h"
#include <cuda_fp16.h>
#include <cmath>
#include <vector>

__global__ void axpy_half(int n, float a, const __half *x, __half *y) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) y[i] = __float2half(a * __half2float(x[i]) + __half2float(y[i]));
}

__global__ void half2_operators(int n, const __half2 *x, const __half2 *y, __half2 *out, int *flags) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  __half2 a = x[i], b = y[i];
  __half2 r = a + b;
  r = r * b - a;
  r /= b;
  r += a;
  r -= b;
  r *= a;
  r = -r;
  out[i] = r;
  out[n + i] = a;
  __half2 *q = out + n + i;
  *q++ += b / a; // a target with a side effect: evaluated once
  if (q != out + n + i + 1) out[i] = a;
  flags[i] = (a == b) | (a != b) << 1 | (a < b) << 2 | (a <= b) << 3 | (a > b) << 4 | (a >= b) << 5;
}

static float round_half(float f) { return __half2float(__float2half(f)); }

// what the kernel computes in one lane, rounding as half arithmetic does
static float lane_reference(float a, float b) {
  float r = round_half(a + b);
  r = round_half(round_half(r * b) - a);
  r = round_half(r / b);
  r = round_half(r + a);
  r = round_half(r - b);
  return -round_half(r * a);
}

static int compare_flags(float ax, float ay, float bx, float by) {
  int f = 0;
  f |= (ax == bx && ay == by);
  f |= (ax != bx && ay != by) << 1; // __hbneu2: a NaN lane is not equal
  f |= (ax < bx && ay < by) << 2;
  f |= (ax <= bx && ay <= by) << 3;
  f |= (ax > bx && ay > by) << 4;
  f |= (ax >= bx && ay >= by) << 5;
  return f;
}

static bool same_value(float got, float want) {
  if (std::isnan(want)) return std::isnan(got);
  return fabsf(got - want) <= 1e-3f * fmaxf(1.0f, fabsf(want));
}

static int check_half2_operators() {
  const int n = 512;
  std::vector<__half2> x(n), y(n), out(2 * n);
  std::vector<int> flags(n);
  for (int i = 0; i < n; ++i) { // a NaN lane now and then: comparisons are ordered, but !=
    float ay = i % 37 == 5 ? NAN : (i % 3) * 0.5f + 0.5f;
    x[i] = __floats2half2_rn((i % 5) * 0.5f + 0.25f, ay);
    y[i] = __floats2half2_rn((i % 4) * 0.5f + 0.25f, (i % 2) * 0.5f + 0.5f);
  }
  __half2 *dx, *dy, *dout;
  int *dflags;
  CHECK(cudaMalloc(&dx, n * sizeof(__half2)));
  CHECK(cudaMalloc(&dy, n * sizeof(__half2)));
  CHECK(cudaMalloc(&dout, 2 * n * sizeof(__half2)));
  CHECK(cudaMalloc(&dflags, n * sizeof(int)));
  CHECK(cudaMemcpy(dx, x.data(), n * sizeof(__half2), cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(dy, y.data(), n * sizeof(__half2), cudaMemcpyHostToDevice));
  half2_operators<<<n / 128, 128>>>(n, dx, dy, dout, dflags);
  CHECK(cudaMemcpy(out.data(), dout, 2 * n * sizeof(__half2), cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(flags.data(), dflags, n * sizeof(int), cudaMemcpyDeviceToHost));
  int errors = 0;
  for (int i = 0; i < n; ++i) {
    float ax = __low2float(x[i]), ay = __high2float(x[i]), bx = __low2float(y[i]), by = __high2float(y[i]);
    bool ok = same_value(__low2float(out[i]), lane_reference(ax, bx)) &&
              same_value(__high2float(out[i]), lane_reference(ay, by)) &&
              same_value(__low2float(out[n + i]), round_half(ax + round_half(bx / ax))) &&
              same_value(__high2float(out[n + i]), round_half(ay + round_half(by / ay))) &&
              flags[i] == compare_flags(ax, ay, bx, by);
    if (!ok && errors++ < 5)
      printf("half2 operators, element %d: got %g %g %g %g flags %d, want %g %g %g %g flags %d\n", i,
             __low2float(out[i]), __high2float(out[i]), __low2float(out[n + i]), __high2float(out[n + i]),
             flags[i], lane_reference(ax, bx), lane_reference(ay, by), round_half(ax + round_half(bx / ax)),
             round_half(ay + round_half(by / ay)), compare_flags(ax, ay, bx, by));
  }
  CHECK(cudaFree(dx));
  CHECK(cudaFree(dy));
  CHECK(cudaFree(dout));
  CHECK(cudaFree(dflags));
  return errors;
}

int main() {
  const int n = 2048;
  std::vector<__half> x(n), y(n);
  for (int i = 0; i < n; ++i) {
    x[i] = __float2half((i % 64) * 0.25f);
    y[i] = __float2half(1.0f);
  }
  __half *dx, *dy;
  CHECK(cudaMalloc(&dx, n * sizeof(__half)));
  CHECK(cudaMalloc(&dy, n * sizeof(__half)));
  CHECK(cudaMemcpy(dx, x.data(), n * sizeof(__half), cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(dy, y.data(), n * sizeof(__half), cudaMemcpyHostToDevice));
  axpy_half<<<n / 256, 256>>>(n, 0.5f, dx, dy);
  CHECK(cudaMemcpy(y.data(), dy, n * sizeof(__half), cudaMemcpyDeviceToHost));
  int errors = sizeof(__half) != 2;
  errors += check_half2_operators();
  for (int i = 0; i < n; ++i) errors += fabsf(__half2float(y[i]) - (0.5f * (i % 64) * 0.25f + 1.0f)) > 1e-2f;
  CHECK(cudaFree(dx));
  CHECK(cudaFree(dy));
  return verdict("half_precision", errors);
}
