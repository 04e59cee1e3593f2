// Host code computes with __half and __half2 as cuda_fp16.hpp lets it
// (operators, intrinsics, conversions, the unordered comparisons), and
// must get the same bits as the same expressions in a kernel where both
// sides round each operation once to half.  Two kinds of result may differ
// on NVIDIA's GPUs, where the host side is NVIDIA's cuda_fp16.hpp:
// - nvcc contracts a half multiply feeding an add into one fma (__hmul and
//   the operators allow it; only the _rn forms forbid it), so for the
//   expressions with a mul+add the device may give the fused result
//   instead of the host's, provided the host's is the one rounded at each
//   step (both are computed here in double, rounding once per step).  An
//   H200 run showed it: 65504 * -1.5 + 65504 is -inf unfused, -32752 fused.
// - __hdiv on the device multiplies by an approximate reciprocal, so the
//   device's a / b must be within one unit in the last place of the host's
//   (correctly rounded) quotient.
#include "common.h"
#include <cuda_fp16.h>
#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <vector>

enum { OPS = 12 };

// the bits of x rounded once, to nearest even, to half (every x below is
// exact in a double: a product of halves plus a half or 1 spans at most
// 50 bits, a difference of halves at most 41)
static unsigned short round_to_half(double x) {
  if (std::isnan(x)) return 0x7e00;
  unsigned short sign = std::signbit(x) ? 0x8000 : 0;
  if (std::isinf(x)) return sign | 0x7c00;
  double magnitude = std::fabs(x);
  int exponent = magnitude == 0 ? -14 : std::max(std::ilogb(magnitude), -14);
  double step = std::ldexp(1.0, exponent - 10);           // half's spacing there
  double rounded = std::nearbyint(magnitude / step) * step; // default mode: ties to even
  if (rounded > 65504.0) return sign | 0x7c00;
  return sign | __half_as_ushort(__float2half((float)rounded)); // exact: rounded is a half
}

static double value(unsigned short bits) { return __half2float(__ushort_as_half(bits)); }

// op k's result computed here, with its multiply and add contracted into
// an fma (fuse) or each rounded to half, or *any = false for the
// operations with no mul+add
static unsigned short with_mul_add(int k, __half ha, __half hb, bool fuse, bool *any) {
  double a = __half2float(ha), b = __half2float(hb);
  auto mul = [fuse](double x, double y) { return fuse ? x * y : value(round_to_half(x * y)); };
  *any = true;
  switch (k) {
  case 5: return round_to_half(mul(a, b) + a);                              // __hadd(__hmul(a, b), a)
  case 7: return round_to_half(mul(value(round_to_half(a + b)), b) + 1.0);  // (a + b) * b + 1
  case 9: return round_to_half(value(round_to_half(mul(a, b) + a)) - b);    // a * b + a - b
  case 10: return round_to_half(value(round_to_half(mul(b, a) + b)) - a);   // b * a + b - a
  }
  *any = false;
  return 0;
}

static bool is_nan(unsigned short x) { return (x & 0x7fff) > 0x7c00; }
static bool same_bits(unsigned short x, unsigned short y) { return x == y || (is_nan(x) && is_nan(y)); }

// units in the last place between two non-NaN halves
static int ulps_apart(unsigned short x, unsigned short y) {
  int ox = x & 0x8000 ? -(x & 0x7fff) : x, oy = y & 0x8000 ? -(y & 0x7fff) : y;
  return std::abs(ox - oy);
}

// the expressions, written once for both sides
template <typename H, typename H2>
__host__ __device__ void ops(H a, H b, unsigned short *bits, int *flags) {
  H r[OPS];
  r[0] = a + b;
  r[1] = a - b;
  r[2] = a * b;
  r[3] = a / b;
  r[4] = -a;
  r[5] = __hadd(__hmul(a, b), a);
  r[6] = __hmax(a, b);
  H c = a;
  c += b;
  c *= b;
  ++c;
  r[7] = c;
  H finite = __hisnan(a) || __hisinf(a) ? __ushort_as_half(0x3c00) : a; // int(inf) differs by target
  r[8] = __int2half_rn(__half2int_rz(finite) / 2 + 1);
  H2 p = __halves2half2(a, b), q = __halves2half2(b, a);
  H2 s = p * q + p;
  s -= q;
  r[9] = __low2half(s);
  r[10] = __high2half(s);
  r[11] = __hmin_nan(a, b);
  for (int k = 0; k < OPS; k++) bits[k] = __half_as_ushort(r[k]);
  *flags = (a == b) | (a != b) << 1 | (a < b) << 2 | (a >= b) << 3 | __hne(a, b) << 4 |
           __hequ(a, b) << 5 | __hltu(a, b) << 6 | __hgeu(a, b) << 7 | (p != q) << 8 |
           (p == q) << 9 | __hbltu2(p, q) << 10 | __hisnan(a) << 11 | __hisinf(b) << 12 |
           (__hneu2_mask(p, q) == 0xffffffffu) << 13;
}

__global__ void device_ops(const __half *a, const __half *b, unsigned short *bits, int *flags, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) ops<__half, __half2>(a[i], b[i], bits + OPS * i, flags + i);
}

int main() {
  const float samples[] = {0.0f, -0.0f, 1.0f, -1.5f, 0.333f, 3.14159f, 65504.0f, -2048.5f,
                           6.1e-5f, 1e-7f, INFINITY, -INFINITY, NAN, 7.0f, 0.1f, 100.25f};
  const int ns = sizeof samples / sizeof *samples, n = ns * ns;
  std::vector<__half> a(n), b(n);
  for (int i = 0; i < n; i++) {
    a[i] = __float2half(samples[i % ns]);
    b[i] = __float2half(samples[i / ns]);
  }
  __half *da, *db;
  unsigned short *dbits;
  int *dflags;
  CHECK(cudaMalloc(&da, n * sizeof(__half)));
  CHECK(cudaMalloc(&db, n * sizeof(__half)));
  CHECK(cudaMalloc(&dbits, OPS * n * sizeof(unsigned short)));
  CHECK(cudaMalloc(&dflags, n * sizeof(int)));
  CHECK(cudaMemcpy(da, a.data(), n * sizeof(__half), cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(db, b.data(), n * sizeof(__half), cudaMemcpyHostToDevice));
  device_ops<<<(n + 127) / 128, 128>>>(da, db, dbits, dflags, n);
  CHECK(cudaGetLastError());
  std::vector<unsigned short> bits(OPS * n);
  std::vector<int> flags(n);
  CHECK(cudaMemcpy(bits.data(), dbits, bits.size() * sizeof(unsigned short), cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(flags.data(), dflags, n * sizeof(int), cudaMemcpyDeviceToHost));
  int errors = 0;
  for (int i = 0; i < n; i++) {
    unsigned short host_bits[OPS];
    int host_flags;
    ops<__half, __half2>(a[i], b[i], host_bits, &host_flags);
    bool zeros = !(__half_as_ushort(a[i]) & 0x7fff) && !(__half_as_ushort(b[i]) & 0x7fff);
    for (int k = 0; k < OPS; k++) {
      // the sign of __hmax/__hmin(+0, -0) on Vulkan is the driver's
      // (tests/kernels/half_minmax.cu checks it where it is ours)
      if ((k == 6 || k == 11) && zeros) continue;
      unsigned short device_bits = bits[OPS * i + k];
      bool mul_add, same = same_bits(host_bits[k], device_bits);
      // where the device contracted, the host must still have rounded each step
      unsigned short fused_bits = with_mul_add(k, a[i], b[i], true, &mul_add);
      if (mul_add && same_bits(fused_bits, device_bits) &&
          same_bits(with_mul_add(k, a[i], b[i], false, &mul_add), host_bits[k]))
        same = true;
      if (k == 3 && !is_nan(host_bits[k]) && !is_nan(device_bits) && ulps_apart(host_bits[k], device_bits) <= 1)
        same = true;
      if (!same && errors++ < 10)
        printf("a=%g b=%g op %d: host 0x%04x, device 0x%04x\n", __half2float(a[i]), __half2float(b[i]), k,
               host_bits[k], device_bits);
    }
    if (host_flags != flags[i] && errors++ < 10)
      printf("a=%g b=%g: host flags 0x%x, device 0x%x\n", __half2float(a[i]), __half2float(b[i]), host_flags,
             flags[i]);
  }
  // a few values known without either side
  __half one = __float2half(1.0f), two = one + one;
  errors += __half2float(two * two - one) != 3.0f;
  errors += !(__float2half(NAN) != __float2half(NAN)) || __float2half(NAN) == __float2half(NAN);
  errors += __hequ(__float2half(NAN), one) != true || __hne(__float2half(NAN), one) != false;
  CHECK(cudaFree(da));
  CHECK(cudaFree(db));
  CHECK(cudaFree(dbits));
  CHECK(cudaFree(dflags));
  return verdict("half_host_operators", errors);
}
