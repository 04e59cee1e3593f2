/*
 * cuda_fp16.h — half precision (cuwasm).
 *
 * Device pass: __half, __half2 and every half-precision function are
 * builtins of sema; only the short names `half` and `half2` come from here.
 *
 * Host pass: __half and __half2 as storage structs (IEEE binary16 bits),
 * with the conversions host code uses to fill and read half buffers:
 * __float2half[_rn], __half2float, __floats2half2_rn, __float2half2_rn,
 * __low2float, __high2float, __half_as_ushort, __ushort_as_half.  A __half
 * converts implicitly from and to float, so host arithmetic on halves is
 * done in float.  Conversion from float rounds to nearest, ties to even,
 * and keeps infinities and subnormals; a NaN becomes CUDA's canonical
 * 0x7fff (as NVIDIA's host __float2half and the GPU's cvt.rn.f16.f32).
 */
#ifndef CUWASM_CUDA_FP16_H
#define CUWASM_CUDA_FP16_H
#define __CUDA_FP16_H__ /* NVIDIA's guard: programs test it (helper_cuda.h) */

#include "host_defines.h"

#if !defined(__CUDA_ARCH__) && defined(__cplusplus)

static inline unsigned short __cw_float_to_half_bits(float f) {
  unsigned int x;
  __builtin_memcpy(&x, &f, sizeof x);
  unsigned int sign = (x >> 16) & 0x8000u;
  unsigned int a = x & 0x7fffffffu;
  if (a > 0x7f800000u) /* NaN: CUDA's canonical 0x7fff, sign and payload dropped */
    return 0x7fffu;
  if (a == 0x7f800000u)
    return (unsigned short)(sign | 0x7c00u);
  if (a >= 0x477ff000u) /* rounds past 65504 */
    return (unsigned short)(sign | 0x7c00u);
  if (a < 0x38800000u) { /* below the smallest normal half, 2^-14 */
    if (a <= 0x33000000u) /* at most 2^-25: rounds (ties to even) to zero */
      return (unsigned short)sign;
    unsigned int e = a >> 23;
    unsigned int m = (a & 0x7fffffu) | 0x800000u;
    unsigned int shift = 126u - e; /* 14..24: units of 2^-24 */
    unsigned int r = m >> shift;
    unsigned int rem = m & ((1u << shift) - 1u);
    unsigned int halfway = 1u << (shift - 1u);
    if (rem > halfway || (rem == halfway && (r & 1u))) r++;
    return (unsigned short)(sign | r);
  }
  unsigned int r = (a - 0x38000000u) >> 13; /* rebias 127 -> 15 */
  unsigned int rem = a & 0x1fffu;
  if (rem > 0x1000u || (rem == 0x1000u && (r & 1u))) r++; /* may carry into the exponent */
  return (unsigned short)(sign | r);
}

static inline float __cw_half_bits_to_float(unsigned short h) {
  unsigned int sign = ((unsigned int)h & 0x8000u) << 16;
  unsigned int e = ((unsigned int)h >> 10) & 0x1fu;
  unsigned int m = (unsigned int)h & 0x3ffu;
  unsigned int x;
  if (e == 0x1fu) {
    x = sign | 0x7f800000u | (m << 13);
  } else if (e == 0u) {
    if (m == 0u) {
      x = sign;
    } else { /* subnormal half: normalise */
      unsigned int fe = 113u;
      while (!(m & 0x400u)) { m <<= 1; fe--; }
      x = sign | (fe << 23) | ((m & 0x3ffu) << 13);
    }
  } else {
    x = sign | ((e + 112u) << 23) | (m << 13);
  }
  float f;
  __builtin_memcpy(&f, &x, sizeof f);
  return f;
}

struct __half {
  unsigned short __x;
  __half() = default;
  __half(float f) : __x(__cw_float_to_half_bits(f)) {}
  operator float() const { return __cw_half_bits_to_float(__x); }
};

struct __half2 {
  __half x, y;
  __half2() = default;
  __half2(__half a, __half b) : x(a), y(b) {}
};

static inline __half __float2half(float f) { return __half(f); }
static inline __half __float2half_rn(float f) { return __half(f); }
static inline float __half2float(__half h) { return __cw_half_bits_to_float(h.__x); }
static inline __half2 __floats2half2_rn(float a, float b) { return __half2(__half(a), __half(b)); }
static inline __half2 __float2half2_rn(float a) { return __half2(__half(a), __half(a)); }
static inline float __low2float(__half2 h) { return __half2float(h.x); }
static inline float __high2float(__half2 h) { return __half2float(h.y); }
static inline unsigned short __half_as_ushort(__half h) { return h.__x; }
static inline __half __ushort_as_half(unsigned short u) {
  __half h;
  h.__x = u;
  return h;
}

#endif /* !__CUDA_ARCH__ && __cplusplus */

#if defined(__cplusplus)
typedef __half half;
typedef __half2 half2;
#endif

#endif /* CUWASM_CUDA_FP16_H */
