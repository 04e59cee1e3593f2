/*
 * cuda_fp16.h — half precision (cuwasm).
 *
 * Device pass: __half, __half2 and every half-precision function are
 * builtins of sema; only the short names `half` and `half2` come from here.
 *
 * Host pass: __half and __half2 as storage structs (IEEE binary16 bits)
 * with what cuda_fp16.hpp gives host code: conversions, the arithmetic
 * and comparison intrinsics (__hadd, __hmul2, __heq, __hisnan, __hmax ...)
 * and the operators on two __half or two __half2 (+ - * /, op=, ++ --,
 * unary -, == != < <= > >=).  Each operation is done in float and
 * rounded once to half, which is correctly rounded for + - * / (float
 * has more than twice half's precision).  A __half converts implicitly
 * from and to float, so `h + 1.0f`, as with nvcc, is ambiguous.
 * Conversion from float rounds to nearest, ties to even, and keeps
 * infinities and subnormals; a NaN becomes CUDA's canonical 0x7fff (as
 * NVIDIA's host __float2half and the GPU's cvt.rn.f16.f32).
 *
 * Both passes: the comparisons CUDA defines from the ordered ones, as
 * templates (so a program that does not call one gets no code for it):
 * the unordered __hequ ... __hgeu (true when either operand is NaN), the
 * per-lane __half2 forms returning 1.0/0.0 per lane (__heq2, __hequ2 ...),
 * 0xffff/0 per lane (__heq2_mask ...), or both lanes (__hbeq2, __hbequ2
 * ...), __hisnan2, and __hmax_nan/__hmin_nan (a NaN operand gives NaN).
 */
#ifndef CUWASM_CUDA_FP16_H
#define CUWASM_CUDA_FP16_H
#define __CUDA_FP16_H__ /* NVIDIA's guard: programs test it (helper_cuda.h) */

#include "host_defines.h"
#include "vector_types.h" /* float2 (__half22float2) */

#if defined(__cplusplus)
/* the bit patterns of a __half and a __half2, as plain structs: __half is
 * constructible from __half_raw (constexpr) and converts back to it, and
 * likewise __half2 and __half2_raw (not constexpr); the device pass's
 * conversions are sema's (sema_half_raw.c) */
typedef struct __half_raw {
  unsigned short x;
} __half_raw;
typedef struct __half2_raw {
  unsigned short x, y;
} __half2_raw;
#endif

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
  constexpr __half(const __half_raw &r) : __x(r.x) {}
  operator float() const { return __cw_half_bits_to_float(__x); }
  operator __half_raw() const { return __half_raw{__x}; }
};

struct __half2 {
  __half x, y;
  __half2() = default;
  __half2(__half a, __half b) : x(a), y(b) {}
  __half2(const __half2_raw &r) : x(__half_raw{r.x}), y(__half_raw{r.y}) {}
  operator __half2_raw() const { return __half2_raw{x.__x, y.__x}; }
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
static inline short __half_as_short(__half h) { return (short)h.__x; }
static inline __half __short_as_half(short s) { return __ushort_as_half((unsigned short)s); }

/* ---- host conversions ---- */
static inline __half __float2half_rz(float f) { /* toward zero: back off a step rounded away */
  __half h(f);
  float b = __cw_half_bits_to_float(h.__x);
  if (b == b && f == f && __builtin_fabsf(b) > __builtin_fabsf(f) && __builtin_fabsf(f) != __builtin_inff())
    h.__x--;
  return h;
}
static inline __half __double2half(double d) { return __half((float)d); }
static inline __half __int2half_rn(int i) { return __half((float)i); }
static inline __half __uint2half_rn(unsigned int i) { return __half((float)i); }
static inline __half __short2half_rn(short i) { return __half((float)i); }
static inline __half __ushort2half_rn(unsigned short i) { return __half((float)i); }
static inline __half __ll2half_rn(long long i) { return __half((float)i); }
/* to integers toward zero; NaN gives 0, out of range saturates (as cvt.rzi) */
static inline long long __cw_half_to_int(__half h, long long lo, long long hi) {
  float f = __cw_half_bits_to_float(h.__x);
  if (f != f) return 0;
  if (f <= (float)lo) return lo;
  if (f >= (float)hi) return hi;
  return (long long)f;
}
static inline int __half2int_rz(__half h) { return (int)__cw_half_to_int(h, -2147483647 - 1, 2147483647); }
static inline unsigned int __half2uint_rz(__half h) { return (unsigned int)__cw_half_to_int(h, 0, 4294967295ll); }
static inline short __half2short_rz(__half h) { return (short)__cw_half_to_int(h, -32768, 32767); }
static inline unsigned short __half2ushort_rz(__half h) { return (unsigned short)__cw_half_to_int(h, 0, 65535); }
static inline long long __half2ll_rz(__half h) {
  return __cw_half_to_int(h, -9223372036854775807ll - 1, 9223372036854775807ll);
}
static inline __half __low2half(__half2 h) { return h.x; }
static inline __half __high2half(__half2 h) { return h.y; }
static inline __half2 __halves2half2(__half a, __half b) { return __half2(a, b); }
static inline __half2 __half2half2(__half a) { return __half2(a, a); }
static inline __half2 __lowhigh2highlow(__half2 h) { return __half2(h.y, h.x); }
static inline __half2 __low2half2(__half2 h) { return __half2(h.x, h.x); }
static inline __half2 __high2half2(__half2 h) { return __half2(h.y, h.y); }
static inline __half2 __float22half2_rn(float2 f) { return __half2(__half(f.x), __half(f.y)); }
static inline float2 __half22float2(__half2 h) {
  float2 f;
  f.x = __half2float(h.x);
  f.y = __half2float(h.y);
  return f;
}

/* ---- host arithmetic and comparisons: in float, one rounding ---- */
#define __CW_H_ARITH(NAME, OP)                                                                \
  static inline __half NAME(__half a, __half b) { return __half(__half2float(a) OP __half2float(b)); } \
  static inline __half2 NAME##2(__half2 a, __half2 b) { return __half2(NAME(a.x, b.x), NAME(a.y, b.y)); }
__CW_H_ARITH(__hadd, +)
__CW_H_ARITH(__hsub, -)
__CW_H_ARITH(__hmul, *)
#undef __CW_H_ARITH
static inline __half __hdiv(__half a, __half b) { return __half(__half2float(a) / __half2float(b)); }
static inline __half2 __h2div(__half2 a, __half2 b) { return __half2(__hdiv(a.x, b.x), __hdiv(a.y, b.y)); }
static inline __half __hneg(__half a) { /* a NaN stays the canonical one, as NVIDIA's host code */
  return __ushort_as_half((a.__x & 0x7fffu) > 0x7c00u ? (unsigned short)0x7fffu : (unsigned short)(a.__x ^ 0x8000u));
}
static inline __half2 __hneg2(__half2 a) { return __half2(__hneg(a.x), __hneg(a.y)); }
static inline __half __habs(__half a) { return __ushort_as_half((unsigned short)(a.__x & 0x7fffu)); }
static inline __half2 __habs2(__half2 a) { return __half2(__habs(a.x), __habs(a.y)); }
static inline __half __hfma(__half a, __half b, __half c) {
  return __half(__builtin_fmaf(__half2float(a), __half2float(b), __half2float(c)));
}
static inline __half2 __hfma2(__half2 a, __half2 b, __half2 c) {
  return __half2(__hfma(a.x, b.x, c.x), __hfma(a.y, b.y, c.y));
}
/* a NaN operand gives the other (both NaN: NaN), +0 > -0, as CUDA's */
static inline __half __hmax(__half a, __half b) {
  float x = __half2float(a), y = __half2float(b);
  if (x != x) return b;
  if (y != y || x > y) return a;
  return x == y && !(a.__x & 0x8000u) ? a : b;
}
static inline __half __hmin(__half a, __half b) {
  float x = __half2float(a), y = __half2float(b);
  if (x != x) return b;
  if (y != y || x < y) return a;
  return x == y && (a.__x & 0x8000u) ? a : b;
}
static inline __half2 __hmax2(__half2 a, __half2 b) { return __half2(__hmax(a.x, b.x), __hmax(a.y, b.y)); }
static inline __half2 __hmin2(__half2 a, __half2 b) { return __half2(__hmin(a.x, b.x), __hmin(a.y, b.y)); }
/* ordered, as CUDA's: false when either is NaN (__hne too) */
static inline bool __heq(__half a, __half b) { return __half2float(a) == __half2float(b); }
static inline bool __hne(__half a, __half b) {
  float x = __half2float(a), y = __half2float(b);
  return x < y || x > y;
}
static inline bool __hlt(__half a, __half b) { return __half2float(a) < __half2float(b); }
static inline bool __hle(__half a, __half b) { return __half2float(a) <= __half2float(b); }
static inline bool __hgt(__half a, __half b) { return __half2float(a) > __half2float(b); }
static inline bool __hge(__half a, __half b) { return __half2float(a) >= __half2float(b); }
static inline bool __hisnan(__half a) { return (a.__x & 0x7fffu) > 0x7c00u; }
static inline int __hisinf(__half a) {
  return (a.__x & 0x7fffu) != 0x7c00u ? 0 : (a.__x & 0x8000u) ? -1 : 1;
}

/* operators on two __half / two __half2, as cuda_fp16.hpp's: != is
 * unordered (__hneu, __hbneu2), the others ordered */
static inline __half operator+(const __half &a, const __half &b) { return __hadd(a, b); }
static inline __half operator-(const __half &a, const __half &b) { return __hsub(a, b); }
static inline __half operator*(const __half &a, const __half &b) { return __hmul(a, b); }
static inline __half operator/(const __half &a, const __half &b) { return __hdiv(a, b); }
static inline __half operator+(const __half &a) { return a; }
static inline __half operator-(const __half &a) { return __hneg(a); }
static inline __half &operator+=(__half &a, const __half &b) { return a = __hadd(a, b); }
static inline __half &operator-=(__half &a, const __half &b) { return a = __hsub(a, b); }
static inline __half &operator*=(__half &a, const __half &b) { return a = __hmul(a, b); }
static inline __half &operator/=(__half &a, const __half &b) { return a = __hdiv(a, b); }
static inline __half &operator++(__half &a) { return a = __hadd(a, __ushort_as_half(0x3c00u)); }
static inline __half &operator--(__half &a) { return a = __hsub(a, __ushort_as_half(0x3c00u)); }
static inline __half operator++(__half &a, int) {
  __half old = a;
  ++a;
  return old;
}
static inline __half operator--(__half &a, int) {
  __half old = a;
  --a;
  return old;
}
static inline bool operator==(const __half &a, const __half &b) { return __heq(a, b); }
static inline bool operator!=(const __half &a, const __half &b) { return !__heq(a, b); }
static inline bool operator<(const __half &a, const __half &b) { return __hlt(a, b); }
static inline bool operator<=(const __half &a, const __half &b) { return __hle(a, b); }
static inline bool operator>(const __half &a, const __half &b) { return __hgt(a, b); }
static inline bool operator>=(const __half &a, const __half &b) { return __hge(a, b); }
static inline __half2 operator+(const __half2 &a, const __half2 &b) { return __hadd2(a, b); }
static inline __half2 operator-(const __half2 &a, const __half2 &b) { return __hsub2(a, b); }
static inline __half2 operator*(const __half2 &a, const __half2 &b) { return __hmul2(a, b); }
static inline __half2 operator/(const __half2 &a, const __half2 &b) { return __h2div(a, b); }
static inline __half2 operator+(const __half2 &a) { return a; }
static inline __half2 operator-(const __half2 &a) { return __hneg2(a); }
static inline __half2 &operator+=(__half2 &a, const __half2 &b) { return a = __hadd2(a, b); }
static inline __half2 &operator-=(__half2 &a, const __half2 &b) { return a = __hsub2(a, b); }
static inline __half2 &operator*=(__half2 &a, const __half2 &b) { return a = __hmul2(a, b); }
static inline __half2 &operator/=(__half2 &a, const __half2 &b) { return a = __h2div(a, b); }
static inline bool operator==(const __half2 &a, const __half2 &b) { return __heq(a.x, b.x) && __heq(a.y, b.y); }
static inline bool operator!=(const __half2 &a, const __half2 &b) { return !__heq(a.x, b.x) && !__heq(a.y, b.y); }
static inline bool operator<(const __half2 &a, const __half2 &b) { return __hlt(a.x, b.x) && __hlt(a.y, b.y); }
static inline bool operator<=(const __half2 &a, const __half2 &b) { return __hle(a.x, b.x) && __hle(a.y, b.y); }
static inline bool operator>(const __half2 &a, const __half2 &b) { return __hgt(a.x, b.x) && __hgt(a.y, b.y); }
static inline bool operator>=(const __half2 &a, const __half2 &b) { return __hge(a.x, b.x) && __hge(a.y, b.y); }

#endif /* !__CUDA_ARCH__ && __cplusplus */

#if defined(__cplusplus)
/* ---- both passes: comparisons built on the ordered ones ---- */
#define __CW_HFN template <int __cw_unused = 0> __host__ __device__ __forceinline__
/* unordered: true when either operand is NaN */
__CW_HFN bool __hequ(__half a, __half b) { return !__hne(a, b); }
__CW_HFN bool __hneu(__half a, __half b) { return !__heq(a, b); }
__CW_HFN bool __hltu(__half a, __half b) { return !__hge(a, b); }
__CW_HFN bool __hleu(__half a, __half b) { return !__hgt(a, b); }
__CW_HFN bool __hgtu(__half a, __half b) { return !__hle(a, b); }
__CW_HFN bool __hgeu(__half a, __half b) { return !__hlt(a, b); }
__CW_HFN __half __cw_half_of_bool(bool b) { return __ushort_as_half((unsigned short)(b ? 0x3c00u : 0u)); }
/* per lane as 1.0/0.0 (NAME2), as 0xffff/0 (NAME2_mask); both lanes (__hbNAME2) */
#define __CW_H2_COMPARE(OP)                                                                   \
  __CW_HFN __half2 __h##OP##2(__half2 a, __half2 b) {                                         \
    return __halves2half2(__cw_half_of_bool(__h##OP(__low2half(a), __low2half(b))),           \
                          __cw_half_of_bool(__h##OP(__high2half(a), __high2half(b))));        \
  }                                                                                           \
  __CW_HFN unsigned int __h##OP##2_mask(__half2 a, __half2 b) {                               \
    return (__h##OP(__low2half(a), __low2half(b)) ? 0xffffu : 0u) |                           \
           (__h##OP(__high2half(a), __high2half(b)) ? 0xffff0000u : 0u);                      \
  }                                                                                           \
  __CW_HFN bool __hb##OP##2(__half2 a, __half2 b) {                                           \
    return __h##OP(__low2half(a), __low2half(b)) && __h##OP(__high2half(a), __high2half(b));  \
  }
__CW_H2_COMPARE(eq)
__CW_H2_COMPARE(ne)
__CW_H2_COMPARE(lt)
__CW_H2_COMPARE(le)
__CW_H2_COMPARE(gt)
__CW_H2_COMPARE(ge)
__CW_H2_COMPARE(equ)
__CW_H2_COMPARE(neu)
__CW_H2_COMPARE(ltu)
__CW_H2_COMPARE(leu)
__CW_H2_COMPARE(gtu)
__CW_H2_COMPARE(geu)
#undef __CW_H2_COMPARE
__CW_HFN __half2 __hisnan2(__half2 a) {
  return __halves2half2(__cw_half_of_bool(__hisnan(__low2half(a))), __cw_half_of_bool(__hisnan(__high2half(a))));
}
/* a NaN operand gives CUDA's canonical NaN */
__CW_HFN __half __hmax_nan(__half a, __half b) {
  return __hisnan(a) || __hisnan(b) ? __ushort_as_half((unsigned short)0x7fffu) : __hmax(a, b);
}
__CW_HFN __half __hmin_nan(__half a, __half b) {
  return __hisnan(a) || __hisnan(b) ? __ushort_as_half((unsigned short)0x7fffu) : __hmin(a, b);
}
__CW_HFN __half2 __hmax2_nan(__half2 a, __half2 b) {
  return __halves2half2(__hmax_nan(__low2half(a), __low2half(b)), __hmax_nan(__high2half(a), __high2half(b)));
}
__CW_HFN __half2 __hmin2_nan(__half2 a, __half2 b) {
  return __halves2half2(__hmin_nan(__low2half(a), __low2half(b)), __hmin_nan(__high2half(a), __high2half(b)));
}
#undef __CW_HFN
#endif /* __cplusplus */

#if defined(__cplusplus)
typedef __half half;
typedef __half2 half2;
#endif

#endif /* CUWASM_CUDA_FP16_H */
