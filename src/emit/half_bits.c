/*
 * half_bits.c — a constant's IEEE binary16 bit pattern, for emitters that
 * write __half constants as data (C static initializers, the WebAssembly
 * data segment).  Rounds to nearest even as the targets' conversions at
 * run time do, so a constant and the same value converted by a kernel
 * have the same bits.
 */
#include <math.h>

#include "emit.h"

/* v as IEEE binary16 bits, rounded to nearest even (as cw_f2h does at
 * run time); NaN is CUDA's canonical 0x7fff */
unsigned emit_half_bits(double v) {
  if (v != v) return 0x7fff;
  unsigned sign = signbit(v) ? 0x8000u : 0;
  double a = fabs(v);
  if (a >= 65520.0) return sign | 0x7c00u; /* infinity, or rounds to it */
  if (a < 0x1p-14) return sign | (unsigned)nearbyint(a * 0x1p24); /* subnormal (0x400: the least normal) */
  int k;
  frexp(a, &k); /* a = f * 2^k, f in [0.5, 1) */
  int exp = k - 1;
  double m = nearbyint(ldexp(a, 10 - exp)); /* 1024 ..= 2048 */
  if (m >= 2048) {
    m = 1024;
    exp++;
  }
  if (exp > 15) return sign | 0x7c00u; /* infinity */
  return sign | (unsigned)((exp + 15) << 10) | ((unsigned)m - 1024u);
}
