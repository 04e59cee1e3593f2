/*
 * cuda_bf16.h — bfloat16 (cuwasm).
 *
 * Unlike __half, bfloat16 is not a KIR type: __nv_bfloat16 is a 16-bit
 * storage struct in both passes (the upper half of an IEEE binary32), and
 * its arithmetic is done in float, as sm_80 does for most bf16 operations
 * (convert, compute in fp32, round back).  So every backend runs it with
 * what it already has: 16-bit loads and stores, and float.  Conversion
 * from float rounds to nearest, ties to even, and keeps NaN a (quiet) NaN;
 * conversion to float is exact.  Operators on two bfloat16 values return
 * bfloat16 (each result rounded), as CUDA's do; a bfloat16 converts
 * implicitly to float, so mixed expressions are float expressions.
 */
#ifndef CUWASM_CUDA_BF16_H
#define CUWASM_CUDA_BF16_H
#define __CUDA_BF16_H__ /* NVIDIA's guard */

#include "host_defines.h"
#include "cuda_fp16.h"
#include "vector_types.h"

#if defined(__cplusplus)

#if defined(__CUDA_ARCH__)
#define __CW_BF16_FN __device__ __forceinline__
static __device__ __forceinline__ unsigned int __cw_bf16_float_bits(float f) {
  return __float_as_uint(f);
}
static __device__ __forceinline__ float __cw_bf16_bits_float(unsigned int u) {
  return __uint_as_float(u);
}
#else
#define __CW_BF16_FN static inline
static inline unsigned int __cw_bf16_float_bits(float f) {
  unsigned int u;
  __builtin_memcpy(&u, &f, sizeof u);
  return u;
}
static inline float __cw_bf16_bits_float(unsigned int u) {
  float f;
  __builtin_memcpy(&f, &u, sizeof f);
  return f;
}
#endif

/* float → bfloat16 bits, round to nearest even; any NaN gives the
 * canonical NaN 0x7fff, as CUDA's host code and the GPU's cvt.rn.bf16.f32
 * do (cuda_bf16.hpp: __internal_float2bfloat16) */
__CW_BF16_FN unsigned short __cw_float_to_bf16_bits(float f) {
  unsigned int u = __cw_bf16_float_bits(f);
  if ((u & 0x7fffffffu) > 0x7f800000u) return (unsigned short)0x7fffu;
  u += 0x7fffu + ((u >> 16) & 1u);
  return (unsigned short)(u >> 16);
}

/* float → bfloat16 bits, toward zero (truncation) */
__CW_BF16_FN unsigned short __cw_float_to_bf16_bits_rz(float f) {
  unsigned int u = __cw_bf16_float_bits(f);
  if ((u & 0x7fffffffu) > 0x7f800000u) return (unsigned short)0x7fffu;
  return (unsigned short)(u >> 16);
}

struct __nv_bfloat16_raw {
  unsigned short x;
};

struct __nv_bfloat162_raw {
  unsigned short x, y;
};

struct __nv_bfloat16 {
  unsigned short __x;
  __nv_bfloat16() = default;
  __host__ __device__ __nv_bfloat16(float f) : __x(__cw_float_to_bf16_bits(f)) {}
  __host__ __device__ __nv_bfloat16(double f) : __x(__cw_float_to_bf16_bits((float)f)) {}
  __host__ __device__ __nv_bfloat16(int i) : __x(__cw_float_to_bf16_bits((float)i)) {}
  __host__ __device__ constexpr __nv_bfloat16(__nv_bfloat16_raw r) : __x(r.x) {}
  __host__ __device__ operator float() const {
    return __cw_bf16_bits_float((unsigned int)__x << 16);
  }
  __host__ __device__ operator __nv_bfloat16_raw() const {
    __nv_bfloat16_raw r;
    r.x = __x;
    return r;
  }
};

struct __align__(4) __nv_bfloat162 {
  __nv_bfloat16 x, y;
  __nv_bfloat162() = default;
  __host__ __device__ __nv_bfloat162(__nv_bfloat16 a, __nv_bfloat16 b) : x(a), y(b) {}
  /* not constexpr, as CUDA's: a __device__ __nv_bfloat162 cannot start from one */
  __host__ __device__ __nv_bfloat162(__nv_bfloat162_raw r) {
    x.__x = r.x;
    y.__x = r.y;
  }
  __host__ __device__ operator __nv_bfloat162_raw() const {
    __nv_bfloat162_raw r;
    r.x = x.__x;
    r.y = y.__x;
    return r;
  }
};

typedef __nv_bfloat16 nv_bfloat16;
typedef __nv_bfloat162 nv_bfloat162;

/* ---- conversions ---- */
__CW_BF16_FN float __bfloat162float(__nv_bfloat16 h) { return (float)h; }
__CW_BF16_FN __nv_bfloat16 __float2bfloat16(float f) { return __nv_bfloat16(f); }
__CW_BF16_FN __nv_bfloat16 __float2bfloat16_rn(float f) { return __nv_bfloat16(f); }
__CW_BF16_FN __nv_bfloat16 __float2bfloat16_rz(float f) {
  __nv_bfloat16_raw r;
  r.x = __cw_float_to_bf16_bits_rz(f);
  return __nv_bfloat16(r);
}
__CW_BF16_FN __nv_bfloat16 __double2bfloat16(double d) { return __nv_bfloat16((float)d); }
__CW_BF16_FN __nv_bfloat16 __int2bfloat16_rn(int i) { return __nv_bfloat16((float)i); }
__CW_BF16_FN int __bfloat162int_rz(__nv_bfloat16 h) { return (int)(float)h; }
__CW_BF16_FN unsigned short __bfloat16_as_ushort(__nv_bfloat16 h) { return h.__x; }
__CW_BF16_FN short __bfloat16_as_short(__nv_bfloat16 h) { return (short)h.__x; }
__CW_BF16_FN __nv_bfloat16 __ushort_as_bfloat16(unsigned short u) {
  __nv_bfloat16_raw r;
  r.x = u;
  return __nv_bfloat16(r);
}
__CW_BF16_FN __nv_bfloat16 __short_as_bfloat16(short s) {
  return __ushort_as_bfloat16((unsigned short)s);
}
__CW_BF16_FN __nv_bfloat162 __floats2bfloat162_rn(float a, float b) {
  return __nv_bfloat162(__nv_bfloat16(a), __nv_bfloat16(b));
}
__CW_BF16_FN __nv_bfloat162 __float2bfloat162_rn(float a) {
  return __nv_bfloat162(__nv_bfloat16(a), __nv_bfloat16(a));
}
__CW_BF16_FN __nv_bfloat162 __bfloat162bfloat162(__nv_bfloat16 a) { return __nv_bfloat162(a, a); }
__CW_BF16_FN __nv_bfloat162 __halves2bfloat162(__nv_bfloat16 a, __nv_bfloat16 b) {
  return __nv_bfloat162(a, b);
}
__CW_BF16_FN __nv_bfloat162 __float22bfloat162_rn(float2 f) {
  return __nv_bfloat162(__nv_bfloat16(f.x), __nv_bfloat16(f.y));
}
__CW_BF16_FN float2 __bfloat1622float2(__nv_bfloat162 h) {
  float2 f;
  f.x = (float)h.x;
  f.y = (float)h.y;
  return f;
}
__CW_BF16_FN __nv_bfloat16 __low2bfloat16(__nv_bfloat162 h) { return h.x; }
__CW_BF16_FN __nv_bfloat16 __high2bfloat16(__nv_bfloat162 h) { return h.y; }
__CW_BF16_FN float __low2float(__nv_bfloat162 h) { return (float)h.x; }
__CW_BF16_FN float __high2float(__nv_bfloat162 h) { return (float)h.y; }

/* ---- arithmetic: computed in float, rounded once to bfloat16 ---- */
__CW_BF16_FN __nv_bfloat16 operator+(__nv_bfloat16 a, __nv_bfloat16 b) {
  return __nv_bfloat16((float)a + (float)b);
}
__CW_BF16_FN __nv_bfloat16 operator-(__nv_bfloat16 a, __nv_bfloat16 b) {
  return __nv_bfloat16((float)a - (float)b);
}
__CW_BF16_FN __nv_bfloat16 operator*(__nv_bfloat16 a, __nv_bfloat16 b) {
  return __nv_bfloat16((float)a * (float)b);
}
__CW_BF16_FN __nv_bfloat16 operator/(__nv_bfloat16 a, __nv_bfloat16 b) {
  return __nv_bfloat16((float)a / (float)b);
}
__CW_BF16_FN __nv_bfloat16 operator-(__nv_bfloat16 a) {
  return __ushort_as_bfloat16((unsigned short)(a.__x ^ 0x8000u));
}
__CW_BF16_FN __nv_bfloat16 &operator+=(__nv_bfloat16 &a, __nv_bfloat16 b) {
  a = a + b;
  return a;
}
__CW_BF16_FN __nv_bfloat16 &operator-=(__nv_bfloat16 &a, __nv_bfloat16 b) {
  a = a - b;
  return a;
}
__CW_BF16_FN __nv_bfloat16 &operator*=(__nv_bfloat16 &a, __nv_bfloat16 b) {
  a = a * b;
  return a;
}
__CW_BF16_FN __nv_bfloat16 &operator/=(__nv_bfloat16 &a, __nv_bfloat16 b) {
  a = a / b;
  return a;
}
__CW_BF16_FN bool operator==(__nv_bfloat16 a, __nv_bfloat16 b) { return (float)a == (float)b; }
__CW_BF16_FN bool operator!=(__nv_bfloat16 a, __nv_bfloat16 b) { return (float)a != (float)b; }
__CW_BF16_FN bool operator<(__nv_bfloat16 a, __nv_bfloat16 b) { return (float)a < (float)b; }
__CW_BF16_FN bool operator<=(__nv_bfloat16 a, __nv_bfloat16 b) { return (float)a <= (float)b; }
__CW_BF16_FN bool operator>(__nv_bfloat16 a, __nv_bfloat16 b) { return (float)a > (float)b; }
__CW_BF16_FN bool operator>=(__nv_bfloat16 a, __nv_bfloat16 b) { return (float)a >= (float)b; }

/* ---- __nv_bfloat162: lane by lane, each lane as the operators above;
 * a comparison is true when both lanes compare true (CUDA's __hbeq2 & co),
 * ordered but for != (__hbneu2), which a NaN lane makes true there ---- */
#define __CW_BF162_ARITH(OP)                                                              \
  __CW_BF16_FN __nv_bfloat162 operator OP(__nv_bfloat162 a, __nv_bfloat162 b) {            \
    return __nv_bfloat162(a.x OP b.x, a.y OP b.y);                                       \
  }                                                                                      \
  __CW_BF16_FN __nv_bfloat162 &operator OP##=(__nv_bfloat162 &a, __nv_bfloat162 b) {       \
    a = a OP b;                                                                          \
    return a;                                                                            \
  }
__CW_BF162_ARITH(+)
__CW_BF162_ARITH(-)
__CW_BF162_ARITH(*)
__CW_BF162_ARITH(/)
#undef __CW_BF162_ARITH
__CW_BF16_FN __nv_bfloat162 operator-(__nv_bfloat162 a) { return __nv_bfloat162(-a.x, -a.y); }
__CW_BF16_FN bool operator==(__nv_bfloat162 a, __nv_bfloat162 b) { return a.x == b.x && a.y == b.y; }
__CW_BF16_FN bool operator!=(__nv_bfloat162 a, __nv_bfloat162 b) { return a.x != b.x && a.y != b.y; }
__CW_BF16_FN bool operator<(__nv_bfloat162 a, __nv_bfloat162 b) { return a.x < b.x && a.y < b.y; }
__CW_BF16_FN bool operator<=(__nv_bfloat162 a, __nv_bfloat162 b) { return a.x <= b.x && a.y <= b.y; }
__CW_BF16_FN bool operator>(__nv_bfloat162 a, __nv_bfloat162 b) { return a.x > b.x && a.y > b.y; }
__CW_BF16_FN bool operator>=(__nv_bfloat162 a, __nv_bfloat162 b) { return a.x >= b.x && a.y >= b.y; }

/* the bfloat16 intrinsics of cuda_bf16.h most kernels use */
__CW_BF16_FN __nv_bfloat16 __hadd(__nv_bfloat16 a, __nv_bfloat16 b) { return a + b; }
__CW_BF16_FN __nv_bfloat16 __hsub(__nv_bfloat16 a, __nv_bfloat16 b) { return a - b; }
__CW_BF16_FN __nv_bfloat16 __hmul(__nv_bfloat16 a, __nv_bfloat16 b) { return a * b; }
__CW_BF16_FN __nv_bfloat16 __hdiv(__nv_bfloat16 a, __nv_bfloat16 b) { return a / b; }
__CW_BF16_FN __nv_bfloat16 __hneg(__nv_bfloat16 a) { return -a; }
__CW_BF16_FN __nv_bfloat16 __habs(__nv_bfloat16 a) {
  return __ushort_as_bfloat16((unsigned short)(a.__x & 0x7fffu));
}
__CW_BF16_FN __nv_bfloat16 __hfma(__nv_bfloat16 a, __nv_bfloat16 b, __nv_bfloat16 c) {
  return __nv_bfloat16(fmaf((float)a, (float)b, (float)c)); /* one rounding, as the hardware */
}
__CW_BF16_FN __nv_bfloat16 __hmax(__nv_bfloat16 a, __nv_bfloat16 b) {
  return __nv_bfloat16(fmaxf((float)a, (float)b));
}
__CW_BF16_FN __nv_bfloat16 __hmin(__nv_bfloat16 a, __nv_bfloat16 b) {
  return __nv_bfloat16(fminf((float)a, (float)b));
}
__CW_BF16_FN bool __heq(__nv_bfloat16 a, __nv_bfloat16 b) { return a == b; }
__CW_BF16_FN bool __hlt(__nv_bfloat16 a, __nv_bfloat16 b) { return a < b; }
__CW_BF16_FN bool __hgt(__nv_bfloat16 a, __nv_bfloat16 b) { return a > b; }
__CW_BF16_FN bool __hisnan(__nv_bfloat16 a) { return (a.__x & 0x7fffu) > 0x7f80u; }

/* The rest of CUDA's comparisons, as templates (a program that calls none
 * gets no code for them), as cuda_fp16.h's for __half: __hne, __hle,
 * __hge ordered; __hequ ... __hgeu unordered (true when either operand
 * is NaN); per lane as 1.0/0.0 (__heq2 ...), as 0xffff/0 (__heq2_mask
 * ...), or both lanes (__hbeq2 ...); __hisnan2, __hmax2, __hmin2 and the
 * _nan forms (a NaN operand gives the canonical NaN). */
#define __CW_BF16_TFN template <int __cw_unused = 0> __CW_BF16_FN
__CW_BF16_TFN bool __hne(__nv_bfloat16 a, __nv_bfloat16 b) { return a < b || a > b; }
__CW_BF16_TFN bool __hle(__nv_bfloat16 a, __nv_bfloat16 b) { return a <= b; }
__CW_BF16_TFN bool __hge(__nv_bfloat16 a, __nv_bfloat16 b) { return a >= b; }
__CW_BF16_TFN bool __hequ(__nv_bfloat16 a, __nv_bfloat16 b) { return !(a < b || a > b); }
__CW_BF16_TFN bool __hneu(__nv_bfloat16 a, __nv_bfloat16 b) { return !(a == b); }
__CW_BF16_TFN bool __hltu(__nv_bfloat16 a, __nv_bfloat16 b) { return !(a >= b); }
__CW_BF16_TFN bool __hleu(__nv_bfloat16 a, __nv_bfloat16 b) { return !(a > b); }
__CW_BF16_TFN bool __hgtu(__nv_bfloat16 a, __nv_bfloat16 b) { return !(a <= b); }
__CW_BF16_TFN bool __hgeu(__nv_bfloat16 a, __nv_bfloat16 b) { return !(a < b); }
__CW_BF16_TFN __nv_bfloat16 __cw_bf16_of_bool(bool b) { return __ushort_as_bfloat16(b ? 0x3f80u : 0u); }
#define __CW_BF162_COMPARE(OP)                                                                  \
  __CW_BF16_TFN __nv_bfloat162 __h##OP##2(__nv_bfloat162 a, __nv_bfloat162 b) {                 \
    return __nv_bfloat162(__cw_bf16_of_bool(__h##OP(a.x, b.x)), __cw_bf16_of_bool(__h##OP(a.y, b.y))); \
  }                                                                                             \
  __CW_BF16_TFN unsigned int __h##OP##2_mask(__nv_bfloat162 a, __nv_bfloat162 b) {              \
    return (__h##OP(a.x, b.x) ? 0xffffu : 0u) | (__h##OP(a.y, b.y) ? 0xffff0000u : 0u);         \
  }                                                                                             \
  __CW_BF16_TFN bool __hb##OP##2(__nv_bfloat162 a, __nv_bfloat162 b) {                          \
    return __h##OP(a.x, b.x) && __h##OP(a.y, b.y);                                              \
  }
__CW_BF162_COMPARE(eq)
__CW_BF162_COMPARE(ne)
__CW_BF162_COMPARE(lt)
__CW_BF162_COMPARE(le)
__CW_BF162_COMPARE(gt)
__CW_BF162_COMPARE(ge)
__CW_BF162_COMPARE(equ)
__CW_BF162_COMPARE(neu)
__CW_BF162_COMPARE(ltu)
__CW_BF162_COMPARE(leu)
__CW_BF162_COMPARE(gtu)
__CW_BF162_COMPARE(geu)
#undef __CW_BF162_COMPARE
__CW_BF16_TFN __nv_bfloat162 __hisnan2(__nv_bfloat162 a) {
  return __nv_bfloat162(__cw_bf16_of_bool(__hisnan(a.x)), __cw_bf16_of_bool(__hisnan(a.y)));
}
__CW_BF16_TFN __nv_bfloat162 __hmax2(__nv_bfloat162 a, __nv_bfloat162 b) {
  return __nv_bfloat162(__hmax(a.x, b.x), __hmax(a.y, b.y));
}
__CW_BF16_TFN __nv_bfloat162 __hmin2(__nv_bfloat162 a, __nv_bfloat162 b) {
  return __nv_bfloat162(__hmin(a.x, b.x), __hmin(a.y, b.y));
}
__CW_BF16_TFN __nv_bfloat16 __hmax_nan(__nv_bfloat16 a, __nv_bfloat16 b) {
  return __hisnan(a) || __hisnan(b) ? __ushort_as_bfloat16(0x7fffu) : __hmax(a, b);
}
__CW_BF16_TFN __nv_bfloat16 __hmin_nan(__nv_bfloat16 a, __nv_bfloat16 b) {
  return __hisnan(a) || __hisnan(b) ? __ushort_as_bfloat16(0x7fffu) : __hmin(a, b);
}
__CW_BF16_TFN __nv_bfloat162 __hmax2_nan(__nv_bfloat162 a, __nv_bfloat162 b) {
  return __nv_bfloat162(__hmax_nan(a.x, b.x), __hmax_nan(a.y, b.y));
}
__CW_BF16_TFN __nv_bfloat162 __hmin2_nan(__nv_bfloat162 a, __nv_bfloat162 b) {
  return __nv_bfloat162(__hmin_nan(a.x, b.x), __hmin_nan(a.y, b.y));
}
#undef __CW_BF16_TFN
__CW_BF16_FN __nv_bfloat162 __hadd2(__nv_bfloat162 a, __nv_bfloat162 b) {
  return __nv_bfloat162(a.x + b.x, a.y + b.y);
}
__CW_BF16_FN __nv_bfloat162 __hmul2(__nv_bfloat162 a, __nv_bfloat162 b) {
  return __nv_bfloat162(a.x * b.x, a.y * b.y);
}
__CW_BF16_FN __nv_bfloat162 __hfma2(__nv_bfloat162 a, __nv_bfloat162 b, __nv_bfloat162 c) {
  return __nv_bfloat162(__hfma(a.x, b.x, c.x), __hfma(a.y, b.y, c.y));
}

#undef __CW_BF16_FN
#endif /* __cplusplus */

#endif /* CUWASM_CUDA_BF16_H */
