/*
 * cw_simd_intrinsics.h — CUDA's SIMD video intrinsics (cuwasm): the
 * operations on two 16-bit halves (`…2`) or four bytes (`…4`) packed in
 * an unsigned int: add/sub with wrap-around or signed/unsigned
 * saturation, absolute value and difference, averages, min/max,
 * comparisons (all-ones lanes: __vcmp*, or 1: __vset*), negation and the
 * sum of absolute differences (__vsads2/4, __vsadu2/4: one 32-bit sum).
 *
 * One lane loop (__cw_lanes) over an operation code known at compile
 * time: every backend gets them from plain integer arithmetic, and a C
 * or shader compiler folds the choice away.  Rounded averages round
 * halves away from zero — unsigned (a + b + 1) >> 1, signed
 * (a + b + (a + b >= 0)) >> 1, as the PTX that CUDA 13's headers emit
 * for __vavgs2/__vavgs4 computes (a bit-parallel add, then +1 where the
 * sum is odd and not negative) — and halving adds (a + b) >> 1, all
 * computed wide enough not to overflow.
 * cuda_runtime.h includes this, as nvcc makes them available implicitly.
 */
#ifndef CUWASM_CW_SIMD_INTRINSICS_H
#define CUWASM_CW_SIMD_INTRINSICS_H

#if defined(__CUDA_ARCH__) && defined(__cplusplus)

enum {
  __CW_V_ADD, __CW_V_ADDSS, __CW_V_ADDUS, __CW_V_SUB, __CW_V_SUBSS, __CW_V_SUBUS,
  __CW_V_ABS, __CW_V_ABSSS, __CW_V_ABSDIFFS, __CW_V_ABSDIFFU, __CW_V_AVGS, __CW_V_AVGU,
  __CW_V_HADDU, __CW_V_MAXS, __CW_V_MAXU, __CW_V_MINS, __CW_V_MINU, __CW_V_NEG, __CW_V_NEGSS,
  __CW_V_EQ, __CW_V_NE, __CW_V_GES, __CW_V_GEU, __CW_V_GTS, __CW_V_GTU, __CW_V_LES,
  __CW_V_LEU, __CW_V_LTS, __CW_V_LTU
};

/* lane op of x and y (sign- and zero-extended), W bits wide; SET: a
 * comparison gives 1 instead of all ones */
template <int OP, int W, int SET>
static __device__ inline long long __cw_lane(long long sx, long long sy, long long ux, long long uy) {
  const long long smax = (1ll << (W - 1)) - 1, smin = -(1ll << (W - 1)), umax = (1ll << W) - 1;
  const long long yes = SET ? 1 : umax;
  long long r = 0;
  if (OP == __CW_V_ADD) r = ux + uy;
  if (OP == __CW_V_ADDSS) r = sx + sy > smax ? smax : sx + sy < smin ? smin : sx + sy;
  if (OP == __CW_V_ADDUS) r = ux + uy > umax ? umax : ux + uy;
  if (OP == __CW_V_SUB) r = ux - uy;
  if (OP == __CW_V_SUBSS) r = sx - sy > smax ? smax : sx - sy < smin ? smin : sx - sy;
  if (OP == __CW_V_SUBUS) r = ux < uy ? 0 : ux - uy;
  if (OP == __CW_V_ABS) r = sx < 0 ? -sx : sx;
  if (OP == __CW_V_ABSSS) r = sx < 0 ? (-sx > smax ? smax : -sx) : sx;
  if (OP == __CW_V_ABSDIFFS) r = sx > sy ? sx - sy : sy - sx;
  if (OP == __CW_V_ABSDIFFU) r = ux > uy ? ux - uy : uy - ux;
  if (OP == __CW_V_AVGS) r = (sx + sy + (sx + sy >= 0 ? 1 : 0)) >> 1; /* half away from 0 */
  if (OP == __CW_V_AVGU) r = (ux + uy + 1) >> 1;
  if (OP == __CW_V_HADDU) r = (ux + uy) >> 1;
  if (OP == __CW_V_MAXS) r = sx > sy ? sx : sy;
  if (OP == __CW_V_MAXU) r = ux > uy ? ux : uy;
  if (OP == __CW_V_MINS) r = sx < sy ? sx : sy;
  if (OP == __CW_V_MINU) r = ux < uy ? ux : uy;
  if (OP == __CW_V_NEG) r = -sx;
  if (OP == __CW_V_NEGSS) r = -sx > smax ? smax : -sx;
  if (OP == __CW_V_EQ) r = ux == uy ? yes : 0;
  if (OP == __CW_V_NE) r = ux != uy ? yes : 0;
  if (OP == __CW_V_GES) r = sx >= sy ? yes : 0;
  if (OP == __CW_V_GEU) r = ux >= uy ? yes : 0;
  if (OP == __CW_V_GTS) r = sx > sy ? yes : 0;
  if (OP == __CW_V_GTU) r = ux > uy ? yes : 0;
  if (OP == __CW_V_LES) r = sx <= sy ? yes : 0;
  if (OP == __CW_V_LEU) r = ux <= uy ? yes : 0;
  if (OP == __CW_V_LTS) r = sx < sy ? yes : 0;
  if (OP == __CW_V_LTU) r = ux < uy ? yes : 0;
  return r & umax;
}

template <int OP, int W, int SET>
static __device__ inline unsigned int __cw_lanes(unsigned int a, unsigned int b) {
  unsigned int out = 0;
  for (int s = 0; s < 32; s += W) {
    long long ux = (a >> s) & ((1u << W) - 1u), uy = (b >> s) & ((1u << W) - 1u);
    long long sx = ux >= (1ll << (W - 1)) ? ux - (1ll << W) : ux;
    long long sy = uy >= (1ll << (W - 1)) ? uy - (1ll << W) : uy;
    out |= (unsigned int)__cw_lane<OP, W, SET>(sx, sy, ux, uy) << s;
  }
  return out;
}

/* sum over the lanes of |x - y| */
template <int W, int SIGNED>
static __device__ inline unsigned int __cw_sad(unsigned int a, unsigned int b) {
  unsigned int d = __cw_lanes<SIGNED ? __CW_V_ABSDIFFS : __CW_V_ABSDIFFU, W, 0>(a, b), sum = 0;
  for (int s = 0; s < 32; s += W) sum += (d >> s) & ((1u << W) - 1u);
  return sum;
}

#define __CW_SIMD2(name, op, set)                                                     \
  template <int D = 0> static __device__ inline unsigned int name##2(unsigned int a, unsigned int b) { \
    return __cw_lanes<op, 16, set>(a, b);                                            \
  }                                                                                  \
  template <int D = 0> static __device__ inline unsigned int name##4(unsigned int a, unsigned int b) { \
    return __cw_lanes<op, 8, set>(a, b);                                             \
  }
#define __CW_SIMD1(name, op)                                                          \
  template <int D = 0> static __device__ inline unsigned int name##2(unsigned int a) { \
    return __cw_lanes<op, 16, 0>(a, 0u);                                             \
  }                                                                                  \
  template <int D = 0> static __device__ inline unsigned int name##4(unsigned int a) { \
    return __cw_lanes<op, 8, 0>(a, 0u);                                              \
  }

__CW_SIMD2(__vadd, __CW_V_ADD, 0)
__CW_SIMD2(__vaddss, __CW_V_ADDSS, 0)
__CW_SIMD2(__vaddus, __CW_V_ADDUS, 0)
__CW_SIMD2(__vsub, __CW_V_SUB, 0)
__CW_SIMD2(__vsubss, __CW_V_SUBSS, 0)
__CW_SIMD2(__vsubus, __CW_V_SUBUS, 0)
__CW_SIMD2(__vabsdiffs, __CW_V_ABSDIFFS, 0)
__CW_SIMD2(__vabsdiffu, __CW_V_ABSDIFFU, 0)
__CW_SIMD2(__vavgs, __CW_V_AVGS, 0)
__CW_SIMD2(__vavgu, __CW_V_AVGU, 0)
__CW_SIMD2(__vhaddu, __CW_V_HADDU, 0)
__CW_SIMD2(__vmaxs, __CW_V_MAXS, 0)
__CW_SIMD2(__vmaxu, __CW_V_MAXU, 0)
__CW_SIMD2(__vmins, __CW_V_MINS, 0)
__CW_SIMD2(__vminu, __CW_V_MINU, 0)
__CW_SIMD2(__vcmpeq, __CW_V_EQ, 0)
__CW_SIMD2(__vcmpne, __CW_V_NE, 0)
__CW_SIMD2(__vcmpges, __CW_V_GES, 0)
__CW_SIMD2(__vcmpgeu, __CW_V_GEU, 0)
__CW_SIMD2(__vcmpgts, __CW_V_GTS, 0)
__CW_SIMD2(__vcmpgtu, __CW_V_GTU, 0)
__CW_SIMD2(__vcmples, __CW_V_LES, 0)
__CW_SIMD2(__vcmpleu, __CW_V_LEU, 0)
__CW_SIMD2(__vcmplts, __CW_V_LTS, 0)
__CW_SIMD2(__vcmpltu, __CW_V_LTU, 0)
__CW_SIMD2(__vseteq, __CW_V_EQ, 1)
__CW_SIMD2(__vsetne, __CW_V_NE, 1)
__CW_SIMD2(__vsetges, __CW_V_GES, 1)
__CW_SIMD2(__vsetgeu, __CW_V_GEU, 1)
__CW_SIMD2(__vsetgts, __CW_V_GTS, 1)
__CW_SIMD2(__vsetgtu, __CW_V_GTU, 1)
__CW_SIMD2(__vsetles, __CW_V_LES, 1)
__CW_SIMD2(__vsetleu, __CW_V_LEU, 1)
__CW_SIMD2(__vsetlts, __CW_V_LTS, 1)
__CW_SIMD2(__vsetltu, __CW_V_LTU, 1)
__CW_SIMD1(__vabs, __CW_V_ABS)
__CW_SIMD1(__vabsss, __CW_V_ABSSS)
__CW_SIMD1(__vneg, __CW_V_NEG)
__CW_SIMD1(__vnegss, __CW_V_NEGSS)

template <int D = 0> static __device__ inline unsigned int __vsads2(unsigned int a, unsigned int b) { return __cw_sad<16, 1>(a, b); }
template <int D = 0> static __device__ inline unsigned int __vsads4(unsigned int a, unsigned int b) { return __cw_sad<8, 1>(a, b); }
template <int D = 0> static __device__ inline unsigned int __vsadu2(unsigned int a, unsigned int b) { return __cw_sad<16, 0>(a, b); }
template <int D = 0> static __device__ inline unsigned int __vsadu4(unsigned int a, unsigned int b) { return __cw_sad<8, 0>(a, b); }

#undef __CW_SIMD2
#undef __CW_SIMD1

#endif
#endif
