// bfloat16 (cuda_bf16.h) in device and host code: conversions with their
// exact bit patterns (round to nearest even, NaN kept), operators,
// intrinsics and __nv_bfloat162, and a templated kernel that runs the same
// code for float, __half and __nv_bfloat16 as mixed-precision libraries do.
// The __nv_bfloat162 operators (lane by lane; comparisons true when both
// lanes compare true) are checked against a float reference.
#include "common.h"
#include <cuda_bf16.h>
#include <cuda_fp16.h>
#include <cmath>
#include <cstring>
#include <vector>

// float inputs whose bfloat16 bits are known: exact, ties to even (down
// and up), above a tie, negative zero, the largest finite, overflow, NaN
// (which becomes the canonical NaN 0x7fff, on the GPU and in CUDA's host code)
static const unsigned in_bits[] = {0x3f800000u, 0x3f808000u, 0x3f818000u, 0x3f808001u,
                                   0x80000000u, 0x7f7f0000u, 0x7f7fffffu, 0x7fc00001u};
static const unsigned short want_bits[] = {0x3f80, 0x3f80, 0x3f82, 0x3f81,
                                           0x8000, 0x7f7f, 0x7f80, 0x7fff};
enum { NB = sizeof in_bits / sizeof *in_bits };

__global__ void convert(const float *in, unsigned short *bits, float *back, int n) {
  int i = threadIdx.x;
  if (i >= n) return;
  __nv_bfloat16 b = __float2bfloat16(in[i]);
  bits[i] = __bfloat16_as_ushort(b);
  back[i] = __bfloat162float(b);
}

__global__ void arith(const __nv_bfloat16 *a, const __nv_bfloat16 *b, float *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  __nv_bfloat16 x = a[i], y = b[i];
  __nv_bfloat16 s = x + y, d = x - y, p = x * y;
  s += __hmul(x, __float2bfloat16(0.5f));
  __nv_bfloat162 v = __floats2bfloat162_rn(__bfloat162float(s), __bfloat162float(-d));
  float *o = out + 6 * i;
  o[0] = __low2float(v);
  o[1] = __high2float(v);
  o[2] = float(p);
  o[3] = __bfloat162float(__hfma(x, y, s));
  o[4] = (x < y) + 2 * (x == y) + 4 * (__hmax(x, y) == (x > y ? x : y));
  o[5] = __bfloat162float(__habs(-x));
}

__global__ void arith2(const __nv_bfloat162 *a, const __nv_bfloat162 *b, float *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  __nv_bfloat162 x = a[i], y = b[i];
  __nv_bfloat162 v = (x + y) * y - x;
  v /= y;
  v -= x;
  v = -v;
  float *o = out + 3 * i;
  o[0] = __low2float(v);
  o[1] = __high2float(v);
  o[2] = (x == y) | (x != y) << 1 | (x < y) << 2 | (x <= y) << 3 | (x > y) << 4 | (x >= y) << 5;
}

static float round_bf16(float f);

static float lane2_reference(float x, float y) {
  float v = round_bf16(round_bf16(round_bf16(x + y) * y) - x);
  return -round_bf16(round_bf16(v / y) - x);
}

static int check_bfloat162_operators(float *dout) {
  const int n = 128;
  std::vector<__nv_bfloat162> a(n), b(n);
  for (int i = 0; i < n; i++) {
    a[i] = __floats2bfloat162_rn((i % 5) * 0.75f - 1.0f, (i % 3) * 0.5f + 0.25f);
    b[i] = __floats2bfloat162_rn((i % 4) * 0.75f - 1.0f, (i % 2) * 0.5f + 0.25f);
    if (i % 4 == 1) b[i] = __floats2bfloat162_rn(-0.25f, 0.75f); // no division by zero
  }
  __nv_bfloat162 *da, *db;
  CHECK(cudaMalloc(&da, n * sizeof(__nv_bfloat162)));
  CHECK(cudaMalloc(&db, n * sizeof(__nv_bfloat162)));
  CHECK(cudaMemcpy(da, a.data(), n * sizeof(__nv_bfloat162), cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(db, b.data(), n * sizeof(__nv_bfloat162), cudaMemcpyHostToDevice));
  arith2<<<1, n>>>(da, db, dout, n);
  std::vector<float> out(3 * n);
  CHECK(cudaMemcpy(out.data(), dout, out.size() * sizeof(float), cudaMemcpyDeviceToHost));
  int errors = 0;
  for (int i = 0; i < n; i++) {
    float ax = __low2float(a[i]), ay = __high2float(a[i]), bx = __low2float(b[i]), by = __high2float(b[i]);
    int flags = (ax == bx && ay == by) | (ax != bx && ay != by) << 1 | (ax < bx && ay < by) << 2 |
                (ax <= bx && ay <= by) << 3 | (ax > bx && ay > by) << 4 | (ax >= bx && ay >= by) << 5;
    float want[3] = {lane2_reference(ax, bx), lane2_reference(ay, by), float(flags)};
    for (int k = 0; k < 3; k++)
      if (out[3 * i + k] != want[k] && errors++ < 5)
        printf("bfloat162 operators %d.%d: %g, want %g\n", i, k, out[3 * i + k], want[k]);
  }
  CHECK(cudaFree(da));
  CHECK(cudaFree(db));
  return errors;
}

// cuda_bf16.h's __hadd/__hmul/__hfma overloads must not capture __half
// arguments (through bfloat16's constructor from float): 1 + 2^-10 is exact
// in half and rounds to 1 in bfloat16.
__global__ void half_intrinsics(const __half *h, float *out) {
  out[0] = __half2float(__hadd(h[0], h[1]));
  out[1] = __half2float(__hfma(h[1], h[2], h[0]));
}

template <typename T> __global__ void scale(const T *in, T *out, float f, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = T(float(in[i]) * f);
}

static float round_bf16(float f) { return __bfloat162float(__float2bfloat16(f)); }

template <typename T> static int check_scale(const char *name, float tol) {
  const int n = 300;
  std::vector<T> in(n), out(n);
  for (int i = 0; i < n; i++) in[i] = T(float(i) * 0.25f - 20.0f);
  T *din, *dout;
  CHECK(cudaMalloc(&din, n * sizeof(T)));
  CHECK(cudaMalloc(&dout, n * sizeof(T)));
  CHECK(cudaMemcpy(din, in.data(), n * sizeof(T), cudaMemcpyHostToDevice));
  scale<T><<<(n + 127) / 128, 128>>>(din, dout, 1.5f, n);
  CHECK(cudaMemcpy(out.data(), dout, n * sizeof(T), cudaMemcpyDeviceToHost));
  int errors = 0;
  for (int i = 0; i < n; i++)
    if (std::fabs(float(out[i]) - float(in[i]) * 1.5f) > tol * (1 + std::fabs(float(in[i]))) &&
        errors++ < 3)
      printf("scale<%s> %d: %g vs %g\n", name, i, float(out[i]), float(in[i]) * 1.5f);
  CHECK(cudaFree(din));
  CHECK(cudaFree(dout));
  return errors;
}

int main() {
  int errors = (sizeof(__nv_bfloat16) != 2) + (sizeof(__nv_bfloat162) != 4) +
               (alignof(__nv_bfloat162) != 4);
  float in[NB];
  std::memcpy(in, in_bits, sizeof in);
  float *din, *dback;
  unsigned short *dbits;
  CHECK(cudaMalloc(&din, sizeof in));
  CHECK(cudaMalloc(&dback, sizeof in));
  CHECK(cudaMalloc(&dbits, NB * sizeof(unsigned short)));
  CHECK(cudaMemcpy(din, in, sizeof in, cudaMemcpyHostToDevice));
  convert<<<1, 32>>>(din, dbits, dback, NB);
  unsigned short bits[NB];
  float back[NB];
  CHECK(cudaMemcpy(bits, dbits, sizeof bits, cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(back, dback, sizeof back, cudaMemcpyDeviceToHost));
  for (int i = 0; i < NB; i++) {
    unsigned back_bits;
    std::memcpy(&back_bits, &back[i], sizeof back_bits);
    unsigned short host = __bfloat16_as_ushort(__float2bfloat16(in[i]));
    if ((bits[i] != want_bits[i] || host != want_bits[i] || back_bits != (unsigned)want_bits[i] << 16) &&
        errors++ < 5)
      printf("convert %08x: device %04x host %04x back %08x, want %04x\n", in_bits[i], bits[i],
             host, back_bits, want_bits[i]);
  }

  const int n = 256;
  std::vector<__nv_bfloat16> a(n), b(n);
  for (int i = 0; i < n; i++) {
    a[i] = __float2bfloat16(std::sin(i * 0.37f) * 8.0f);
    b[i] = i % 17 == 0 ? a[i] : __nv_bfloat16(std::cos(i * 0.11f) * 4.0f);
  }
  __nv_bfloat16 *da, *db;
  float *dout;
  CHECK(cudaMalloc(&da, n * sizeof(__nv_bfloat16)));
  CHECK(cudaMalloc(&db, n * sizeof(__nv_bfloat16)));
  CHECK(cudaMalloc(&dout, 6 * n * sizeof(float)));
  CHECK(cudaMemcpy(da, a.data(), n * sizeof(__nv_bfloat16), cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(db, b.data(), n * sizeof(__nv_bfloat16), cudaMemcpyHostToDevice));
  arith<<<2, 128>>>(da, db, dout, n);
  CHECK(cudaGetLastError());
  std::vector<float> out(6 * n);
  CHECK(cudaMemcpy(out.data(), dout, out.size() * sizeof(float), cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; i++) {
    // the reference in plain float, rounding to bfloat16 where CUDA does
    float x = __bfloat162float(a[i]), y = __bfloat162float(b[i]);
    float s = round_bf16(round_bf16(x + y) + round_bf16(x * 0.5f));
    float d = round_bf16(x - y);
    float want[6] = {s, -d, round_bf16(x * y), round_bf16(std::fma(x, y, s)),
                     float((x < y) + 2 * (x == y) + 4), std::fabs(x)};
    for (int k = 0; k < 6; k++)
      if (out[6 * i + k] != want[k] && errors++ < 10)
        printf("arith %d.%d (%g, %g): %g, want %g\n", i, k, x, y, out[6 * i + k], want[k]);
  }
  __half hv[3] = {__float2half(1.0f), __float2half(0.0009765625f), __float2half(2.0f)};
  __half *dh;
  float hout[2];
  CHECK(cudaMalloc(&dh, sizeof hv));
  CHECK(cudaMemcpy(dh, hv, sizeof hv, cudaMemcpyHostToDevice));
  half_intrinsics<<<1, 1>>>(dh, dout);
  CHECK(cudaMemcpy(hout, dout, sizeof hout, cudaMemcpyDeviceToHost));
  if (hout[0] != 1.0009765625f || hout[1] != 1.001953125f) {
    printf("half intrinsics beside cuda_bf16.h: %.10g %.10g\n", hout[0], hout[1]);
    errors++;
  }
  CHECK(cudaFree(dh));
  errors += check_bfloat162_operators(dout);
  errors += check_scale<float>("float", 1e-6f);
  errors += check_scale<__half>("__half", 2e-3f);
  errors += check_scale<__nv_bfloat16>("__nv_bfloat16", 1.6e-2f);
  CHECK(cudaFree(din));
  CHECK(cudaFree(dback));
  CHECK(cudaFree(dbits));
  CHECK(cudaFree(da));
  CHECK(cudaFree(db));
  CHECK(cudaFree(dout));
  return verdict("bfloat16", errors);
}
