/*
 * half_dot.c — references for tests/kernels/half_dot.cu.  Half arithmetic
 * is done exactly in double (products and sums of halves fit) and rounded
 * once to half, as the __h* intrinsics do; the dot product's four blocks
 * meet in a float atomicAdd, so its sum gets a float tolerance.
 */
#include "ref.h"

/* Rounds a double to the nearest half (ties to even), correcting the
   double rounding double -> float -> half by checking the neighbours. */
static uint16_t d2h(double d) {
  uint16_t h = ref_f32_to_f16((float)d);
  if ((h & 0x7c00u) == 0x7c00u) return h;
  uint16_t best = h;
  double err = fabs((double)ref_f16_to_f32(h) - d);
  for (int k = -1; k <= 1; k += 2) {
    uint16_t c = (uint16_t)(h + k);
    if ((c & 0x8000u) != (h & 0x8000u) || (c & 0x7c00u) == 0x7c00u) continue;
    double e = fabs((double)ref_f16_to_f32(c) - d);
    if (e < err || (e == err && !(c & 1u))) best = c, err = e;
  }
  return best;
}

static double hv(uint16_t h) { return (double)ref_f16_to_f32(h); }

static void halfDot(RefArgs *r) {
  int n2 = SI32(3);
  unsigned bs = r->block[0], nb = r->grid[0], stride = bs * nb;
  const uint16_t *a = BF16(0), *b = BF16(1);
  float total = BF32(2)[0], part[1024];
  for (unsigned blk = 0; blk < nb; blk++) {
    for (unsigned t = 0; t < bs; t++) {
      uint16_t lo = 0, hi = 0; /* +0.0 halves */
      for (int i = (int)(blk * bs + t); i < n2; i += (int)stride) {
        lo = d2h(hv(a[2 * i]) * hv(b[2 * i]) + hv(lo));
        hi = d2h(hv(a[2 * i + 1]) * hv(b[2 * i + 1]) + hv(hi));
      }
      part[t] = ref_f16_to_f32(lo) + ref_f16_to_f32(hi);
    }
    for (unsigned s = bs / 2; s > 0; s >>= 1)
      for (unsigned t = 0; t < s; t++) part[t] += part[t + s];
    total += part[0];
  }
  BF32(2)[0] = total;
  ref_set(r, 2, CHK_TOL, 1e-5); /* block order of the atomicAdd */
}

static void floatToHalf(RefArgs *r) {
  int n = SI32(2);
  for (int i = 0; i < n; i++) BF16(1)[i] = ref_f32_to_f16(BF32(0)[i]);
}

static void halfAxpy(RefArgs *r) {
  int n = SI32(0);
  double alpha = hv(ref_f32_to_f16(SF32(1)));
  for (int i = 0; i < n; i++) {
    uint16_t prod = d2h(alpha * hv(BF16(2)[i]));
    BF16(3)[i] = d2h(hv(prod) + hv(BF16(3)[i]));
  }
}

static void halfRelu(RefArgs *r) {
  int n = SI32(1);
  for (int i = 0; i < n; i++) {
    uint16_t *x = &BF16(0)[i];
    if (hv(*x) < 0.0) *x = 0;
    *x = d2h(hv(*x) * 1.0); /* the round trip through a __half2 keeps it */
  }
}

const RefEntry ref_half_dot[] = {
    {"halfDot", halfDot, NULL},
    {"floatToHalf", floatToHalf, NULL},
    {"halfAxpy", halfAxpy, NULL},
    {"halfRelu", halfRelu, NULL},
    {NULL, NULL, NULL}};
