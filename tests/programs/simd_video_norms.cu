// SIMD video intrinsics (__vadd2, __vsubss4, __vcmpgtu2, __vsads4 ...)
// on random packed words, checked lane by lane against a host reference
// written on arrays of int16/uint8; and the multi-argument norms
// (norm3df, rnorm4d, normf ...) including arguments whose squares
// overflow.
#include "common.h"
#include <algorithm>
#include <cmath>
#include <cstdint>

enum { NOPS = 16, N = 256 };

__global__ void simd(const unsigned *a, const unsigned *b, unsigned *out) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= N) return;
  unsigned x = a[i], y = b[i], *o = out + i * NOPS;
  o[0] = __vadd2(x, y);     o[1] = __vaddss2(x, y);   o[2] = __vsubus4(x, y);  o[3] = __vsubss4(x, y);
  o[4] = __vabsdiffs2(x, y); o[5] = __vavgu4(x, y);   o[6] = __vavgs2(x, y);   o[7] = __vhaddu4(x, y);
  o[8] = __vmaxs4(x, y);    o[9] = __vminu2(x, y);    o[10] = __vcmpgtu2(x, y); o[11] = __vsetlts4(x, y);
  o[12] = __vabsss2(x);     o[13] = __vneg4(x);       o[14] = __vsads4(x, y);   o[15] = __vsadu2(x, y);
}

__global__ void norms(float *f, double *d) {
  float v[5] = {2, 4, 5, 6, 12};
  f[0] = norm3df(2e38f, 2e38f, 1e38f);
  f[1] = rnorm3df(3e-30f, 4e-30f, 12e-30f);
  f[2] = normf(5, v);
  f[3] = rhypotf(5, 12);
  d[0] = norm4d(1e300, 1e300, 1e300, 1e300);
  d[1] = rnorm4d(1, 1, 1, 1);
}

/* the reference: lanes as arrays */
static void lanes(unsigned w, int bits, int64_t *s, int64_t *u) {
  for (int k = 0; k < 32 / bits; k++) {
    uint32_t v = (w >> (k * bits)) & ((1u << bits) - 1);
    u[k] = v;
    s[k] = bits == 16 ? (int64_t)(int16_t)v : (int64_t)(int8_t)v;
  }
}
static unsigned pack(const int64_t *r, int bits) {
  unsigned w = 0;
  for (int k = 0; k < 32 / bits; k++) w |= (unsigned)(r[k] & ((1ll << bits) - 1)) << (k * bits);
  return w;
}
static int64_t clampi(int64_t v, int64_t lo, int64_t hi) { return v < lo ? lo : v > hi ? hi : v; }

static unsigned reference(int op, unsigned x, unsigned y) {
  int bits = (op == 2 || op == 3 || op == 5 || op == 7 || op == 8 || op == 11 || op == 13 || op == 14) ? 8 : 16;
  int64_t sx[4], ux[4], sy[4], uy[4], r[4];
  lanes(x, bits, sx, ux);
  lanes(y, bits, sy, uy);
  int64_t smax = (1ll << (bits - 1)) - 1, smin = -smax - 1, umax = (1ll << bits) - 1, sum = 0;
  for (int k = 0; k < 32 / bits; k++) {
    switch (op) {
    case 0: r[k] = ux[k] + uy[k]; break;
    case 1: r[k] = clampi(sx[k] + sy[k], smin, smax); break;
    case 2: r[k] = clampi(ux[k] - uy[k], 0, umax); break;
    case 3: r[k] = clampi(sx[k] - sy[k], smin, smax); break;
    case 4: r[k] = std::llabs(sx[k] - sy[k]); break;
    case 5: r[k] = (ux[k] + uy[k] + 1) / 2; break;
    case 6: /* rounded half away from zero, as CUDA's __vavgs2 */
      r[k] = sx[k] + sy[k] >= 0 ? (sx[k] + sy[k] + 1) / 2 : -((1 - sx[k] - sy[k]) / 2); break;
    case 7: r[k] = (ux[k] + uy[k]) / 2; break;
    case 8: r[k] = std::max(sx[k], sy[k]); break;
    case 9: r[k] = std::min(ux[k], uy[k]); break;
    case 10: r[k] = ux[k] > uy[k] ? umax : 0; break;
    case 11: r[k] = sx[k] < sy[k] ? 1 : 0; break;
    case 12: r[k] = clampi(std::llabs(sx[k]), 0, smax); break;
    case 13: r[k] = -sx[k]; break;
    case 14: sum += std::llabs(sx[k] - sy[k]); break;
    case 15: sum += std::llabs(ux[k] - uy[k]); break;
    }
  }
  return op >= 14 ? (unsigned)sum : pack(r, bits);
}

static int close(double a, double b) { return std::fabs(a - b) <= 1e-6 * std::fabs(b); }

int main() {
  unsigned ha[N], hb[N], hout[N * NOPS], seed = 7, *a, *b, *out;
  for (int i = 0; i < N; i++) {
    ha[i] = seed = seed * 1664525u + 1013904223u;
    hb[i] = i % 16 == 0 ? ha[i] : (seed = seed * 1664525u + 1013904223u); /* some equal lanes */
  }
  ha[1] = 0x80008000u; hb[1] = 0x80007fffu; /* the ends of the signed range */
  float hf[4], *f;
  double hd[2], *d;
  CHECK(cudaMalloc(&a, sizeof ha));
  CHECK(cudaMalloc(&b, sizeof hb));
  CHECK(cudaMalloc(&out, sizeof hout));
  CHECK(cudaMalloc(&f, sizeof hf));
  CHECK(cudaMalloc(&d, sizeof hd));
  CHECK(cudaMemcpy(a, ha, sizeof ha, cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy(b, hb, sizeof hb, cudaMemcpyHostToDevice));
  simd<<<N / 64, 64>>>(a, b, out);
  norms<<<1, 1>>>(f, d);
  CHECK(cudaGetLastError());
  CHECK(cudaMemcpy(hout, out, sizeof hout, cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(hf, f, sizeof hf, cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(hd, d, sizeof hd, cudaMemcpyDeviceToHost));
  int errors = 0;
  for (int i = 0; i < N; i++)
    for (int op = 0; op < NOPS; op++) {
      unsigned want = reference(op, ha[i], hb[i]);
      if (hout[i * NOPS + op] != want && errors++ < 8)
        printf("word %d op %d: %08x %08x -> %08x, want %08x\n", i, op, ha[i], hb[i],
               hout[i * NOPS + op], want);
    }
  if (!close(hf[0], 3e38) || !close(hf[1], 1 / 13e-30) || !close(hf[2], 15) ||
      !close(hf[3], 1 / 13.0) || !close(hd[0], 2e300) || !close(hd[1], 0.5)) {
    printf("norms %g %g %g %g %g %g\n", hf[0], hf[1], hf[2], hf[3], hd[0], hd[1]);
    errors++;
  }
  return verdict("simd_video_norms", errors);
}
