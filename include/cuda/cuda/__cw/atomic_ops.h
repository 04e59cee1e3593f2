/*
 * cuda/__cw/atomic_ops.h — the read-modify-write primitives under
 * cuda::atomic_ref / cuda::std::atomic (cuwasm), one set per pass.
 *
 * Device pass: CUDA's atomic builtins (atomicAdd, atomicCAS, ...), which
 * every backend of cuwasm implements at device scope with sequentially
 * consistent ordering; so every memory order and every thread scope asked
 * for is honoured by something at least as strong.  Types without a
 * builtin go through atomicCAS on their bits (exchange and CAS of float
 * and double, min/max of float and double; bool, char and short through
 * the 32-bit word that holds them).  An
 * operation the type has no builtin for (atomicAnd on a float, say) is
 * the compiler's "no matching function" error at the user's call.
 *
 * Host pass: gcc's __atomic builtins (seq_cst); float and double
 * arithmetic through compare-exchange loops.
 */
#ifndef CUWASM_CUDA_CW_ATOMIC_OPS_H
#define CUWASM_CUDA_CW_ATOMIC_OPS_H

#include "cuda_runtime.h"

namespace cuda {
namespace __cw_atomic {

#if defined(__CUDA_ARCH__)

template <class T> __device__ __forceinline__ T load(T *p) { return *(volatile T *)p; }

/* the __nv_atomic_* functions (nv_atomic_functions.h) take every type the
 * builtins do, and long and unsigned long through their 64-bit forms */
template <class T> __device__ __forceinline__ T fetch_add(T *p, T v) {
  return __nv_atomic_fetch_add(p, v, __NV_ATOMIC_SEQ_CST);
}
template <class T> __device__ __forceinline__ T fetch_sub(T *p, T v) {
  return __nv_atomic_fetch_sub(p, v, __NV_ATOMIC_SEQ_CST);
}
template <class T> __device__ __forceinline__ T fetch_and(T *p, T v) {
  return __nv_atomic_fetch_and(p, v, __NV_ATOMIC_SEQ_CST);
}
template <class T> __device__ __forceinline__ T fetch_or(T *p, T v) {
  return __nv_atomic_fetch_or(p, v, __NV_ATOMIC_SEQ_CST);
}
template <class T> __device__ __forceinline__ T fetch_xor(T *p, T v) {
  return __nv_atomic_fetch_xor(p, v, __NV_ATOMIC_SEQ_CST);
}
template <class T> __device__ __forceinline__ T fetch_min(T *p, T v) {
  return __nv_atomic_fetch_min(p, v, __NV_ATOMIC_SEQ_CST);
}
template <class T> __device__ __forceinline__ T fetch_max(T *p, T v) {
  return __nv_atomic_fetch_max(p, v, __NV_ATOMIC_SEQ_CST);
}
template <class T> __device__ __forceinline__ T exchange(T *p, T v) {
  return __nv_atomic_exchange_n(p, v, __NV_ATOMIC_SEQ_CST);
}
template <class T> __device__ __forceinline__ T cas(T *p, T expected, T desired) {
  typedef typename __cw_atomic_word<T>::bits B;
  return (T)atomicCAS((B *)p, (B)expected, (B)desired);
}
template <class T> __device__ __forceinline__ bool same(T a, T b) { return a == b; }

/* float and double: exchange and compare-exchange on the bits, so that a
 * NaN or a signed zero compares as the value stored */
__device__ __forceinline__ float cas(float *p, float expected, float desired) {
  return __int_as_float(atomicCAS((int *)p, __float_as_int(expected), __float_as_int(desired)));
}
__device__ __forceinline__ double cas(double *p, double expected, double desired) {
  return __longlong_as_double((long long)atomicCAS((unsigned long long *)p,
                                                   (unsigned long long)__double_as_longlong(expected),
                                                   (unsigned long long)__double_as_longlong(desired)));
}
/* 1- and 2-byte types (bool, char, short): a compare-and-swap of the
 * aligned 32-bit word that holds them, the neighbouring bytes kept */
template <class T, class Bits>
__device__ __forceinline__ T cas_in_word(T *p, T expected, T desired) {
  unsigned long long addr = (unsigned long long)p;
  unsigned int *word = (unsigned int *)(addr & ~3ull);
  unsigned int shift = (unsigned int)(addr & 3ull) * 8u;
  unsigned int mask = (unsigned int)(Bits)~(Bits)0 << shift;
  unsigned int old = *(volatile unsigned int *)word;
  for (;;) {
    T cur = (T)(Bits)((old & mask) >> shift);
    if (cur != expected) return cur;
    unsigned int next = (old & ~mask) | (((unsigned int)(Bits)desired << shift) & mask);
    unsigned int seen = atomicCAS(word, old, next);
    if (seen == old) return expected;
    old = seen;
  }
}
/* a read-modify-write of a narrow type: op 0 add, 1 sub, 2 and, 3 or,
 * 4 xor, 5 min, 6 max */
template <class T>
__device__ __forceinline__ T rmw_narrow(T *p, T v, int op) {
  T old = load(p);
  for (;;) {
    T next = op == 0 ? (T)(old + v) : op == 1 ? (T)(old - v) : op == 2 ? (T)(old & v)
             : op == 3 ? (T)(old | v) : op == 4 ? (T)(old ^ v) : op == 5 ? (v < old ? v : old)
             : (v > old ? v : old);
    T seen = cas(p, old, next);
    if (seen == old) return old;
    old = seen;
  }
}
#define __CW_NARROW_CAS(T, BITS)                                                 \
  __device__ __forceinline__ T cas(T *p, T expected, T desired) {                \
    return cas_in_word<T, BITS>(p, expected, desired);                           \
  }                                                                              \
  __device__ __forceinline__ T exchange(T *p, T v) {                             \
    T old = load(p);                                                             \
    for (;;) {                                                                   \
      T seen = cas(p, old, v);                                                   \
      if (seen == old) return old;                                               \
      old = seen;                                                                \
    }                                                                            \
  }                                                                              \
  __device__ __forceinline__ T fetch_add(T *p, T v) { return rmw_narrow(p, v, 0); } \
  __device__ __forceinline__ T fetch_sub(T *p, T v) { return rmw_narrow(p, v, 1); } \
  __device__ __forceinline__ T fetch_and(T *p, T v) { return rmw_narrow(p, v, 2); } \
  __device__ __forceinline__ T fetch_or(T *p, T v) { return rmw_narrow(p, v, 3); }  \
  __device__ __forceinline__ T fetch_xor(T *p, T v) { return rmw_narrow(p, v, 4); } \
  __device__ __forceinline__ T fetch_min(T *p, T v) { return rmw_narrow(p, v, 5); } \
  __device__ __forceinline__ T fetch_max(T *p, T v) { return rmw_narrow(p, v, 6); }
__CW_NARROW_CAS(bool, unsigned char)
__CW_NARROW_CAS(char, unsigned char) /* signed char is char here */
__CW_NARROW_CAS(unsigned char, unsigned char)
__CW_NARROW_CAS(short, unsigned short)
__CW_NARROW_CAS(unsigned short, unsigned short)
#undef __CW_NARROW_CAS

__device__ __forceinline__ bool same(float a, float b) { return __float_as_int(a) == __float_as_int(b); }
__device__ __forceinline__ bool same(double a, double b) {
  return __double_as_longlong(a) == __double_as_longlong(b);
}
__device__ __forceinline__ double exchange(double *p, double v) {
  double old = load(p);
  for (;;) {
    double seen = cas(p, old, v);
    if (same(seen, old)) return old;
    old = seen;
  }
}
__device__ __forceinline__ float fetch_min(float *p, float v) {
  float old = load(p);
  while (v < old) {
    float seen = cas(p, old, v);
    if (same(seen, old)) break;
    old = seen;
  }
  return old;
}
__device__ __forceinline__ float fetch_max(float *p, float v) {
  float old = load(p);
  while (v > old) {
    float seen = cas(p, old, v);
    if (same(seen, old)) break;
    old = seen;
  }
  return old;
}
__device__ __forceinline__ double fetch_min(double *p, double v) {
  double old = load(p);
  while (v < old) {
    double seen = cas(p, old, v);
    if (same(seen, old)) break;
    old = seen;
  }
  return old;
}
__device__ __forceinline__ double fetch_max(double *p, double v) {
  double old = load(p);
  while (v > old) {
    double seen = cas(p, old, v);
    if (same(seen, old)) break;
    old = seen;
  }
  return old;
}

#else /* host pass */

} /* namespace __cw_atomic */
} /* namespace cuda */
#include <type_traits>
namespace cuda {
namespace __cw_atomic {

template <class T> inline T load(T *p) {
  T v;
  __atomic_load(p, &v, __ATOMIC_SEQ_CST);
  return v;
}
template <class T> inline T exchange(T *p, T v) {
  T old;
  __atomic_exchange(p, &v, &old, __ATOMIC_SEQ_CST);
  return old;
}
template <class T> inline T cas(T *p, T expected, T desired) {
  __atomic_compare_exchange(p, &expected, &desired, false, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
  return expected; /* the value seen: the old one either way */
}
template <class T> inline bool same(T a, T b) { return __builtin_memcmp(&a, &b, sizeof(T)) == 0; }

/* one compare-exchange loop for every read-modify-write that gcc has no
 * builtin for (arithmetic on floating types, min and max) */
template <class T, class F> inline T update(T *p, F f) {
  T old = load(p);
  for (;;) {
    T seen = cas(p, old, f(old));
    if (same(seen, old)) return old;
    old = seen;
  }
}

template <class T> inline T fetch_add(T *p, T v) {
  if constexpr (::std::is_floating_point<T>::value)
    return update(p, [v](T x) { return x + v; });
  else
    return __atomic_fetch_add(p, v, __ATOMIC_SEQ_CST);
}
template <class T> inline T fetch_sub(T *p, T v) {
  if constexpr (::std::is_floating_point<T>::value)
    return update(p, [v](T x) { return x - v; });
  else
    return __atomic_fetch_sub(p, v, __ATOMIC_SEQ_CST);
}
template <class T> inline T fetch_and(T *p, T v) { return __atomic_fetch_and(p, v, __ATOMIC_SEQ_CST); }
template <class T> inline T fetch_or(T *p, T v) { return __atomic_fetch_or(p, v, __ATOMIC_SEQ_CST); }
template <class T> inline T fetch_xor(T *p, T v) { return __atomic_fetch_xor(p, v, __ATOMIC_SEQ_CST); }
template <class T> inline T fetch_min(T *p, T v) {
  return update(p, [v](T x) { return v < x ? v : x; });
}
template <class T> inline T fetch_max(T *p, T v) {
  return update(p, [v](T x) { return v > x ? v : x; });
}

#endif

} /* namespace __cw_atomic */
} /* namespace cuda */

#endif
