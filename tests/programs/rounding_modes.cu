// Rounding-mode intrinsics (__dadd_rd, __fmul_ru, __ddiv_rz, __dsqrt_rd…),
// the arithmetic interval libraries are built on: each kernel result is
// compared with the same operation done on the host under fesetround, which
// rounds exactly as the hardware does.  Operands include exact cases,
// cancellation, tiny and huge magnitudes, overflow and zeros, and products
// and quotients that land among the subnormals (where the error of a
// rounded result can itself be too small for the type).
#include "common.h"
#include <cfenv>
#include <cmath>
#include <cstring>
#include <vector>

enum { OPS = 6, MODES = 3 }; // add sub mul div rcp sqrt; rz ru rd

__global__ void directed_double(const double *a, const double *b, double *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  double x = a[i], y = b[i], *o = out + i * OPS * MODES;
  o[0] = __dadd_rz(x, y); o[1] = __dadd_ru(x, y); o[2] = __dadd_rd(x, y);
  o[3] = __dsub_rz(x, y); o[4] = __dsub_ru(x, y); o[5] = __dsub_rd(x, y);
  o[6] = __dmul_rz(x, y); o[7] = __dmul_ru(x, y); o[8] = __dmul_rd(x, y);
  o[9] = __ddiv_rz(x, y); o[10] = __ddiv_ru(x, y); o[11] = __ddiv_rd(x, y);
  o[12] = __drcp_rz(y); o[13] = __drcp_ru(y); o[14] = __drcp_rd(y);
  o[15] = __dsqrt_rz(x); o[16] = __dsqrt_ru(x); o[17] = __dsqrt_rd(x);
}

__global__ void directed_float(const float *a, const float *b, float *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  float x = a[i], y = b[i], *o = out + i * OPS * MODES;
  o[0] = __fadd_rz(x, y); o[1] = __fadd_ru(x, y); o[2] = __fadd_rd(x, y);
  o[3] = __fsub_rz(x, y); o[4] = __fsub_ru(x, y); o[5] = __fsub_rd(x, y);
  o[6] = __fmul_rz(x, y); o[7] = __fmul_ru(x, y); o[8] = __fmul_rd(x, y);
  o[9] = __fdiv_rz(x, y); o[10] = __fdiv_ru(x, y); o[11] = __fdiv_rd(x, y);
  o[12] = __frcp_rz(y); o[13] = __frcp_ru(y); o[14] = __frcp_rd(y);
  o[15] = __fsqrt_rz(x); o[16] = __fsqrt_ru(x); o[17] = __fsqrt_rd(x);
}

// The host reference: volatile keeps the compiler from folding under the
// default mode.
template <typename T> static T host_op(int op, T x, T y, int mode) {
  static const int modes[MODES] = {FE_TOWARDZERO, FE_UPWARD, FE_DOWNWARD};
  volatile T vx = x, vy = y, one = 1, r = 0;
  std::fesetround(modes[mode]);
  switch (op) {
  case 0: r = vx + vy; break;
  case 1: r = vx - vy; break;
  case 2: r = vx * vy; break;
  case 3: r = vx / vy; break;
  case 4: r = one / vy; break;
  default: r = std::sqrt((T)vx); break;
  }
  std::fesetround(FE_TONEAREST);
  return r;
}

template <typename T> static bool same(T x, T y) {
  return (std::isnan(x) && std::isnan(y)) || std::memcmp(&x, &y, sizeof x) == 0;
}

template <typename T>
static int run(void (*kernel)(const T *, const T *, T *, int), const std::vector<T> &a,
               const std::vector<T> &b, const char *name) {
  int n = (int)a.size(), errors = 0;
  size_t outs = (size_t)n * OPS * MODES;
  T *da, *db, *dout;
  CHECK(cudaMalloc(&da, n * sizeof(T)));
  CHECK(cudaMalloc(&db, n * sizeof(T)));
  CHECK(cudaMalloc(&dout, outs * sizeof(T)));
  CHECK(cudaMemcpy(da, a.data(), n * sizeof(T), cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(db, b.data(), n * sizeof(T), cudaMemcpyHostToDevice));
  kernel<<<(n + 63) / 64, 64>>>(da, db, dout, n);
  CHECK(cudaGetLastError());
  std::vector<T> out(outs);
  CHECK(cudaMemcpy(out.data(), dout, outs * sizeof(T), cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; i++)
    for (int op = 0; op < OPS; op++)
      for (int m = 0; m < MODES; m++) {
        T want = host_op(op, a[i], b[i], m), got = out[(i * OPS + op) * MODES + m];
        if (!same(want, got) && errors++ < 10)
          printf("%s op %d mode %d (%.17g, %.17g): got %.17g, want %.17g\n", name, op, m,
                 (double)a[i], (double)b[i], (double)got, (double)want);
      }
  CHECK(cudaFree(da));
  CHECK(cudaFree(db));
  CHECK(cudaFree(dout));
  return errors;
}

int main() {
  const double specials[][2] = {
      {1, 3},       {2, 3},        {-1, 3},      {1, 1},           {0.1, 0.2},
      {1e308, 1e308}, {-1e308, 1e308}, {1e-300, 1e-300}, {1, 1e-30}, {-1, 1e-30},
      {5, 0},       {0, -2},       {-0.0, 0.0},  {2, 1e300},       {1e300, 1e-10},
      {1e10, -1e10}, {3, 7},        {-7, 9},      {1.5, 2.25},      {16, 0.5}};
  std::vector<double> ad, bd;
  std::vector<float> af, bf;
  for (const auto &s : specials) {
    ad.push_back(s[0]), bd.push_back(s[1]);
    af.push_back((float)(s[0] > 1e38 ? 3e38 : s[0] < -1e38 ? -3e38 : s[0]));
    bf.push_back((float)(s[1] > 1e38 ? 3e38 : s[1] < -1e38 ? -3e38 : s[1]));
  }
  unsigned s = 12345u; // a few hundred pseudo-random operands of mixed sign and scale
  for (int i = 0; i < 400; i++) {
    double v[2];
    for (double &x : v) {
      s = s * 1664525u + 1013904223u;
      double m = (s >> 8) / 16777216.0 + 0.5;
      s = s * 1664525u + 1013904223u;
      x = std::ldexp((s & 1) ? -m : m, (int)(s >> 24) % 60 - 30);
    }
    ad.push_back(v[0]), bd.push_back(v[1]);
    af.push_back((float)v[0]), bf.push_back((float)v[1]);
  }
  // products and quotients with subnormal results: the exponents of x * y
  // (and of x / (1 / y)) fall below the type's smallest normal, down to
  // below its smallest subnormal
  for (int i = 0; i < 300; i++) {
    double m[2];
    for (double &x : m) {
      s = s * 1664525u + 1013904223u;
      x = (s >> 8) / 16777216.0 + 0.5;
      if (s & 1) x = -x;
    }
    s = s * 1664525u + 1013904223u;
    int e = (int)(s >> 8) % 60, split = (int)(s >> 20) % 40;
    bool quotient = i % 3 == 0;
    // x = m0 2^(E/2 + split), y = m1 2^(E - E/2 - split), or its reciprocal
    // for a quotient: x * y (x / y) is about m0 m1 2^E
    for (int type = 0; type < 2; type++) {
      int E = type ? -126 - e / 2 : -1022 - e, sp = type ? split / 4 : split;
      double x = std::ldexp(m[0], E / 2 + sp), y = std::ldexp(m[1], E - E / 2 - sp);
      if (quotient) y = 1 / y;
      if (type) af.push_back((float)x), bf.push_back((float)y);
      else ad.push_back(x), bd.push_back(y);
    }
  }
  int errors = run<double>(directed_double, ad, bd, "double");
  errors += run<float>(directed_float, af, bf, "float");
  return verdict("rounding_modes", errors);
}
