/*
 * cw_curand_core.h — the generators behind curand_kernel.h and the host
 * API of curand.h (cuwasm's own code, written from the algorithms'
 * published descriptions).
 *
 * One copy of each algorithm, in the subset of C that is also C++ and
 * that our device front end reads, so that device code (through the
 * overloads of curand_kernel.h) and the host library
 * (src/compat/runtime_curand.c, plain C) draw the same numbers:
 *
 * - XORWOW: Marsaglia's xorshift of five words plus a Weyl sequence
 *   d += 362437, seeded as cuRAND seeds it (the 64-bit seed scrambled
 *   into the five words and d).  Skip-ahead by N steps — subsequence s,
 *   offset o is N = s * 2^67 + o — applies to the state, for each
 *   nonzero base-16 digit of s and of o, a tabulated polynomial
 *   x^(digit * 16^k * spacing) mod P of cw_curand_tables.h, by running
 *   it 160 steps (see scripts/gen_curand_tables.py); the Weyl part just
 *   adds 362437 * o.
 * - MRG32k3a (L'Ecuyer 1999): two recurrences of order 3 mod m1 and m2,
 *   combined; seeded as cuRAND seeds it; skip-ahead by tabulated powers
 *   of the two 3x3 transition matrices (subsequences of 2^76, sequences
 *   of 2^127).
 * - Philox4x32-10 (Salmon et al., SC'11, as in Random123): a 128-bit
 *   counter and a 64-bit key (the seed), ten rounds per block of four
 *   outputs; subsequence s adds s to the counter's upper 64 bits, offset o
 *   moves o/4 blocks and o%4 positions into the block.
 * - the conversions to floating point: uniform floats x * 2^-32 + 2^-33
 *   (so (0, 1]), uniform doubles from 53 bits of two outputs, normals by
 *   Box-Muller on two uniforms, Poisson by multiplying uniforms for small
 *   means and by Hörmann's transformed rejection (PTRS) for large ones.
 *
 * Integer outputs, uniforms and double normals are bit-exact with
 * NVIDIA's cuRAND for the same seed, subsequence and offset; float normals
 * use the C library's logf/sinf/cosf and so may differ in the last bits;
 * Poisson is a different (correctly distributed) algorithm.
 */
#ifndef CUWASM_CW_CURAND_CORE_H
#define CUWASM_CW_CURAND_CORE_H

#include "host_defines.h"
#include "vector_types.h"
#include <math.h>

#if defined(__cplusplus)
#define __CW_CURAND_FN static inline __host__ __device__
#else
#define __CW_CURAND_FN static inline
#endif
#if defined(__CUDA_ARCH__)
#define __CW_CURAND_TABLE static __device__ const
#else
#define __CW_CURAND_TABLE static const
#endif

#include "cw_curand_tables.h"

/* the layouts (and sizes) of cuRAND's states, so that host code that
 * allocates them with sizeof gets the same bytes on every backend */
typedef struct curandStateXORWOW {
  unsigned int d, v[5];
  int boxmuller_flag;
  int boxmuller_flag_double;
  float boxmuller_extra;
  double boxmuller_extra_double;
} curandStateXORWOW_t;

typedef struct curandStatePhilox4_32_10 {
  uint4 ctr;
  uint4 output;
  uint2 key;
  unsigned int STATE; /* which word of output the next curand() returns */
  int boxmuller_flag;
  int boxmuller_flag_double;
  float boxmuller_extra;
  double boxmuller_extra_double;
} curandStatePhilox4_32_10_t;

typedef struct curandStateMRG32k3a {
  unsigned int s1[3], s2[3]; /* the two components' last three values */
  int boxmuller_flag;
  int boxmuller_flag_double;
  float boxmuller_extra;
  double boxmuller_extra_double;
} curandStateMRG32k3a_t;

/* cuRAND's sizes: the CUDA backend's kernels use the toolkit's states in
 * memory that host code sized with these */
#if !defined(__CUDA_ARCH__)
#if defined(__cplusplus)
static_assert(sizeof(curandStateXORWOW_t) == 48 && sizeof(curandStatePhilox4_32_10_t) == 64 &&
                  sizeof(curandStateMRG32k3a_t) == 48,
              "cuRAND's state sizes");
#else
_Static_assert(sizeof(curandStateXORWOW_t) == 48 && sizeof(curandStatePhilox4_32_10_t) == 64 &&
                   sizeof(curandStateMRG32k3a_t) == 48,
               "cuRAND's state sizes");
#endif
#endif

#define __CW_CURAND_2POW32_INV 2.3283064365386963e-10f /* 2^-32, exact */
#define __CW_CURAND_2POW53_INV 1.1102230246251565e-16  /* 2^-53, exact */
#define __CW_CURAND_PI 3.14159265358979323846

/* ---- XORWOW ------------------------------------------------------------- */

/* the xorshift part alone: one step of the 160-bit linear map */
__CW_CURAND_FN void __cw_xorwow_shift(unsigned int *v) {
  unsigned int t = v[0] ^ (v[0] >> 2);
  v[0] = v[1];
  v[1] = v[2];
  v[2] = v[3];
  v[3] = v[4];
  v[4] = (v[4] ^ (v[4] << 4)) ^ (t ^ (t << 1));
}

__CW_CURAND_FN unsigned int __cw_xorwow_next(curandStateXORWOW_t *s) {
  __cw_xorwow_shift(s->v);
  s->d += 362437u;
  return s->v[4] + s->d;
}

/* v = r(M) v: the sum of the states M^i v whose coefficient r_i is 1.
 * Branch-free (masks instead of tests): the coefficients are random bits,
 * so branches would be mispredicted half the time. */
__CW_CURAND_FN void __cw_xorwow_apply(unsigned int *v, const unsigned int *r) {
  unsigned int a0 = 0, a1 = 0, a2 = 0, a3 = 0, a4 = 0;
  unsigned int v0 = v[0], v1 = v[1], v2 = v[2], v3 = v[3], v4 = v[4];
  for (int word = 0; word < 5; word++) {
    unsigned int rw = r[word];
    for (int bit = 0; bit < 32; bit++) {
      unsigned int m = 0u - ((rw >> bit) & 1u);
      a0 ^= v0 & m, a1 ^= v1 & m, a2 ^= v2 & m, a3 ^= v3 & m, a4 ^= v4 & m;
      unsigned int t = v0 ^ (v0 >> 2);
      v0 = v1, v1 = v2, v2 = v3, v3 = v4;
      v4 = (v4 ^ (v4 << 4)) ^ (t ^ (t << 1));
    }
  }
  v[0] = a0, v[1] = a1, v[2] = a2, v[3] = a3, v[4] = a4;
}

/* advance the xorshift part by n * 2^67 steps (subsequences) or n steps:
 * one tabulated polynomial applied per nonzero base-16 digit of n */
__CW_CURAND_FN void __cw_xorwow_jump(unsigned int *v, unsigned long long n, int subsequences) {
  if (!subsequences && n < 160) { /* stepping is cheaper than a jump */
    for (unsigned int i = 0; i < (unsigned int)n; i++) __cw_xorwow_shift(v);
    return;
  }
  for (int k = 0; n; k++, n >>= 4) {
    int digit = (int)(n & 15u);
    if (!digit) continue;
    unsigned int t[5];
    for (int w = 0; w < 5; w++)
      t[w] = subsequences ? __CW_XORWOW_JUMP_SUBSEQ[k * 15 + digit - 1][w]
                          : __CW_XORWOW_JUMP_OFFSET[k * 15 + digit - 1][w];
    __cw_xorwow_apply(v, t);
  }
}

__CW_CURAND_FN void __cw_xorwow_skipahead(curandStateXORWOW_t *s, unsigned long long n) {
  __cw_xorwow_jump(s->v, n, 0);
  s->d += 362437u * (unsigned int)n; /* the Weyl sequence, mod 2^32 */
}

__CW_CURAND_FN void __cw_xorwow_init(curandStateXORWOW_t *s, unsigned long long seed,
                                     unsigned long long subsequence, unsigned long long offset) {
  unsigned int s0 = (unsigned int)seed ^ 0xaad26b49u;
  unsigned int s1 = (unsigned int)(seed >> 32) ^ 0xf7dcefddu;
  unsigned int t0 = 1099087573u * s0, t1 = 2591861531u * s1;
  s->d = 6615241u + t1 + t0;
  s->v[0] = 123456789u + t0;
  s->v[1] = 362436069u ^ t0;
  s->v[2] = 521288629u + t1;
  s->v[3] = 88675123u ^ t1;
  s->v[4] = 5783321u + t0;
  __cw_xorwow_jump(s->v, subsequence, 1); /* 2^67 * s: d moves by a multiple of 2^32 */
  __cw_xorwow_skipahead(s, offset);
  s->boxmuller_flag = 0;
  s->boxmuller_flag_double = 0;
  s->boxmuller_extra = 0.0f;
  s->boxmuller_extra_double = 0.0;
}

/* ---- Philox4x32-10 ------------------------------------------------------- */

__CW_CURAND_FN uint4 __cw_philox4x32_10(uint4 c, uint2 k) {
  for (int round = 0; round < 10; round++) {
    if (round) { /* the key schedule: Weyl increments between rounds */
      k.x += 0x9E3779B9u;
      k.y += 0xBB67AE85u;
    }
    unsigned long long p0 = (unsigned long long)0xD2511F53u * c.x;
    unsigned long long p1 = (unsigned long long)0xCD9E8D57u * c.z;
    uint4 n;
    n.x = (unsigned int)(p1 >> 32) ^ c.y ^ k.x;
    n.y = (unsigned int)p1;
    n.z = (unsigned int)(p0 >> 32) ^ c.w ^ k.y;
    n.w = (unsigned int)p0;
    c = n;
  }
  return c;
}

/* the 128-bit counter (x lowest) plus n blocks; hi: plus n * 2^64 */
__CW_CURAND_FN void __cw_philox_advance(curandStatePhilox4_32_10_t *s, unsigned long long n, int hi) {
  unsigned long long lo = ((unsigned long long)s->ctr.y << 32) | s->ctr.x;
  unsigned long long up = ((unsigned long long)s->ctr.w << 32) | s->ctr.z;
  if (hi) up += n;
  else {
    unsigned long long sum = lo + n;
    up += sum < lo;
    lo = sum;
  }
  s->ctr.x = (unsigned int)lo;
  s->ctr.y = (unsigned int)(lo >> 32);
  s->ctr.z = (unsigned int)up;
  s->ctr.w = (unsigned int)(up >> 32);
  s->output = __cw_philox4x32_10(s->ctr, s->key);
}

__CW_CURAND_FN void __cw_philox_skipahead(curandStatePhilox4_32_10_t *s, unsigned long long n) {
  unsigned int pos = s->STATE + (unsigned int)(n & 3u);
  unsigned long long blocks = n >> 2;
  if (pos > 3) {
    blocks++;
    pos -= 4;
  }
  s->STATE = pos;
  __cw_philox_advance(s, blocks, 0);
}

__CW_CURAND_FN void __cw_philox_init(curandStatePhilox4_32_10_t *s, unsigned long long seed,
                                     unsigned long long subsequence, unsigned long long offset) {
  s->ctr.x = s->ctr.y = s->ctr.z = s->ctr.w = 0;
  s->key.x = (unsigned int)seed;
  s->key.y = (unsigned int)(seed >> 32);
  s->STATE = 0;
  s->boxmuller_flag = 0;
  s->boxmuller_flag_double = 0;
  s->boxmuller_extra = 0.0f;
  s->boxmuller_extra_double = 0.0;
  __cw_philox_advance(s, subsequence, 1);
  __cw_philox_skipahead(s, offset);
}

__CW_CURAND_FN unsigned int __cw_philox_word(uint4 o, unsigned int i) {
  return i == 0 ? o.x : i == 1 ? o.y : i == 2 ? o.z : o.w;
}

__CW_CURAND_FN unsigned int __cw_philox_next(curandStatePhilox4_32_10_t *s) {
  unsigned int r = __cw_philox_word(s->output, s->STATE);
  if (++s->STATE == 4) {
    s->STATE = 0;
    __cw_philox_advance(s, 1, 0);
  }
  return r;
}

/* the next four outputs: the rest of this block and the start of the next */
__CW_CURAND_FN uint4 __cw_philox_next4(curandStatePhilox4_32_10_t *s) {
  uint4 a = s->output;
  unsigned int at = s->STATE;
  __cw_philox_advance(s, 1, 0);
  uint4 b = s->output, r;
  r.x = at < 4 ? __cw_philox_word(a, at) : __cw_philox_word(b, at - 4);
  r.y = at + 1 < 4 ? __cw_philox_word(a, at + 1) : __cw_philox_word(b, at - 3);
  r.z = at + 2 < 4 ? __cw_philox_word(a, at + 2) : __cw_philox_word(b, at - 2);
  r.w = at + 3 < 4 ? __cw_philox_word(a, at + 3) : __cw_philox_word(b, at - 1);
  return r;
}

/* ---- MRG32k3a -------------------------------------------------------------- */

#define __CW_MRG_M1 4294967087u
#define __CW_MRG_M2 4294944443u

__CW_CURAND_FN unsigned int __cw_mrg_mulmod(unsigned int a, unsigned int b, unsigned int m) {
  return (unsigned int)((unsigned long long)a * b % m);
}

/* s = M s mod m, M a 3x3 matrix by rows */
__CW_CURAND_FN void __cw_mrg_matvec(const unsigned int *mat, unsigned int *s, unsigned int m) {
  unsigned int r[3];
  for (int i = 0; i < 3; i++) {
    unsigned long long acc = 0;
    for (int k = 0; k < 3; k++) acc += __cw_mrg_mulmod(mat[3 * i + k], s[k], m);
    r[i] = (unsigned int)(acc % m);
  }
  for (int i = 0; i < 3; i++) s[i] = r[i];
}

/* advance both components by n * 2^spacing steps: spacing 0 (offsets),
 * 76 (subsequences) or 127 (sequences) */
__CW_CURAND_FN void __cw_mrg_jump(curandStateMRG32k3a_t *s, unsigned long long n, int spacing) {
  for (int k = 0; n; k++, n >>= 1) {
    if (!(n & 1u)) continue;
    unsigned int a[9], b[9];
    int row = k + (spacing ? spacing - 76 : 0);
    for (int i = 0; i < 9; i++) {
      a[i] = spacing ? __CW_MRG_JUMP_SUBSEQ1[row][i] : __CW_MRG_JUMP_OFFSET1[row][i];
      b[i] = spacing ? __CW_MRG_JUMP_SUBSEQ2[row][i] : __CW_MRG_JUMP_OFFSET2[row][i];
    }
    __cw_mrg_matvec(a, s->s1, __CW_MRG_M1);
    __cw_mrg_matvec(b, s->s2, __CW_MRG_M2);
  }
}

/* the next value of the combined generator, in 1 .. m1 */
__CW_CURAND_FN unsigned int __cw_mrg_next(curandStateMRG32k3a_t *s) {
  unsigned int p1 = (unsigned int)(((unsigned long long)__cw_mrg_mulmod(1403580u, s->s1[1], __CW_MRG_M1) +
                                    __cw_mrg_mulmod(__CW_MRG_M1 - 810728u, s->s1[0], __CW_MRG_M1)) %
                                   __CW_MRG_M1);
  unsigned int p2 = (unsigned int)(((unsigned long long)__cw_mrg_mulmod(527612u, s->s2[2], __CW_MRG_M2) +
                                    __cw_mrg_mulmod(__CW_MRG_M2 - 1370589u, s->s2[0], __CW_MRG_M2)) %
                                   __CW_MRG_M2);
  s->s1[0] = s->s1[1], s->s1[1] = s->s1[2], s->s1[2] = p1;
  s->s2[0] = s->s2[1], s->s2[1] = s->s2[2], s->s2[2] = p2;
  return p1 > p2 ? p1 - p2 : p1 - p2 + __CW_MRG_M1;
}

__CW_CURAND_FN void __cw_mrg_init(curandStateMRG32k3a_t *s, unsigned long long seed,
                                  unsigned long long subsequence, unsigned long long offset) {
  for (int i = 0; i < 3; i++) s->s1[i] = s->s2[i] = 12345u;
  if (seed) { /* the seed's halves, scrambled, scale the starting values */
    unsigned int x1 = (unsigned int)seed ^ 0x55555555u, x2 = (unsigned int)(seed >> 32) ^ 0xAAAAAAAAu;
    s->s1[0] = __cw_mrg_mulmod(x1, s->s1[0], __CW_MRG_M1);
    s->s1[1] = __cw_mrg_mulmod(x2, s->s1[1], __CW_MRG_M1);
    s->s1[2] = __cw_mrg_mulmod(x1, s->s1[2], __CW_MRG_M1);
    s->s2[0] = __cw_mrg_mulmod(x2, s->s2[0], __CW_MRG_M2);
    s->s2[1] = __cw_mrg_mulmod(x1, s->s2[1], __CW_MRG_M2);
    s->s2[2] = __cw_mrg_mulmod(x2, s->s2[2], __CW_MRG_M2);
  }
  __cw_mrg_jump(s, subsequence, 76);
  __cw_mrg_jump(s, offset, 0);
  s->boxmuller_flag = 0;
  s->boxmuller_flag_double = 0;
  s->boxmuller_extra = 0.0f;
  s->boxmuller_extra_double = 0.0;
}

/* ---- conversions ---------------------------------------------------------- */

__CW_CURAND_FN float __cw_curand_to_uniform(unsigned int x) {
  return (float)x * __CW_CURAND_2POW32_INV + __CW_CURAND_2POW32_INV / 2.0f;
}

/* 53 bits: x and y overlap in 11 bits, combined by xor */
__CW_CURAND_FN double __cw_curand_to_uniform_double(unsigned int x, unsigned int y) {
  unsigned long long z = (unsigned long long)x ^ ((unsigned long long)y << 21);
  return (double)z * __CW_CURAND_2POW53_INV + __CW_CURAND_2POW53_INV / 2.0;
}

/* Box-Muller on two outputs: radius from the first, angle from the second */
__CW_CURAND_FN float2 __cw_curand_box_muller(unsigned int x, unsigned int y) {
  float u = __cw_curand_to_uniform(x);
  float v = (float)y * (__CW_CURAND_2POW32_INV * (float)(2.0 * __CW_CURAND_PI)) +
            __CW_CURAND_2POW32_INV * (float)(2.0 * __CW_CURAND_PI) / 2.0f;
  float s = sqrtf(-2.0f * logf(u));
  float2 r;
  r.x = sinf(v) * s;
  r.y = cosf(v) * s;
  return r;
}

__CW_CURAND_FN double2 __cw_curand_box_muller_double(unsigned int x0, unsigned int x1,
                                                     unsigned int y0, unsigned int y1) {
  unsigned long long zx = (unsigned long long)x0 ^ ((unsigned long long)x1 << 21);
  unsigned long long zy = (unsigned long long)y0 ^ ((unsigned long long)y1 << 21);
  double u = (double)zx * __CW_CURAND_2POW53_INV + __CW_CURAND_2POW53_INV / 2.0;
  double v = (double)zy * (__CW_CURAND_2POW53_INV * 2.0) + __CW_CURAND_2POW53_INV; /* (0, 2] */
  double s = sqrt(-2.0 * log(u));
  double2 r;
  r.x = sin(__CW_CURAND_PI * v) * s;
  r.y = cos(__CW_CURAND_PI * v) * s;
  return r;
}

/* log(k!) for a whole k >= 0: a table below 10, Stirling's series (error
 * under 1e-12) above; every target has log, not every one lgamma */
__CW_CURAND_FN double __cw_log_factorial(double k) {
  if (k < 10.0) {
    double f = 1.0;
    for (int i = 2; i <= (int)k; i++) f *= i;
    return log(f);
  }
  double x = k + 1.0, x2 = x * x;
  return (x - 0.5) * log(x) - x + 0.91893853320467274 /* log(2 pi) / 2 */ +
         (1.0 / 12.0 - (1.0 / 360.0 - 1.0 / (1260.0 * x2)) / x2) / x;
}

/* MRG32k3a's conversions: its values r in 1 .. m1 scaled by 1 / m1 (to
 * floats through doubles) or to 32 bits; Box-Muller on two values, the
 * radius from the first */
__CW_CURAND_FN unsigned int __cw_mrg_to_bits(unsigned int r) {
  return (unsigned int)((double)r * 1.000000048662); /* ~ 2^32 / m1, as cuRAND rounds it */
}

__CW_CURAND_FN double __cw_mrg_to_uniform_double(unsigned int r) {
  return (double)r * 2.3283065498378289e-10; /* 1 / m1 */
}

__CW_CURAND_FN float __cw_mrg_to_uniform(unsigned int r) { return (float)__cw_mrg_to_uniform_double(r); }

__CW_CURAND_FN float2 __cw_mrg_box_muller(unsigned int r1, unsigned int r2) {
  float u = __cw_mrg_to_uniform(r1), v = __cw_mrg_to_uniform(r2) * (float)(2.0 * __CW_CURAND_PI);
  float s = sqrtf(-2.0f * logf(u));
  float2 r;
  r.x = sinf(v) * s;
  r.y = cosf(v) * s;
  return r;
}

__CW_CURAND_FN double2 __cw_mrg_box_muller_double(unsigned int r1, unsigned int r2) {
  double u = __cw_mrg_to_uniform_double(r1), v = __cw_mrg_to_uniform_double(r2);
  double s = sqrt(-2.0 * log(u));
  double2 r;
  r.x = sin(2.0 * __CW_CURAND_PI * v) * s;
  r.y = cos(2.0 * __CW_CURAND_PI * v) * s;
  return r;
}

/* One try of Hörmann's PTRS for a Poisson mean lambda >= 10, on two
 * uniforms u in (0, 1) and v in (0, 1]: 1 and *k set when accepted. */
__CW_CURAND_FN int __cw_poisson_ptrs_try(double lambda, double u, double v, unsigned int *k) {
  double slam = sqrt(lambda), loglam = log(lambda);
  double b = 0.931 + 2.53 * slam, a = -0.059 + 0.02483 * b;
  double inv_alpha = 1.1239 + 1.1328 / (b - 3.4), vr = 0.9277 - 3.6224 / (b - 2.0);
  u -= 0.5;
  double us = 0.5 - fabs(u);
  double kk = floor((2.0 * a / us + b) * u + lambda + 0.43);
  if (us >= 0.07 && v <= vr) {
    *k = (unsigned int)kk;
    return 1;
  }
  if (kk < 0.0 || (us < 0.013 && v > us)) return 0;
  if (log(v) + log(inv_alpha) - log(a / (us * us) + b) <= -lambda + kk * loglam - __cw_log_factorial(kk)) {
    *k = (unsigned int)kk;
    return 1;
  }
  return 0;
}

#endif /* CUWASM_CW_CURAND_CORE_H */
