/*
 * nv_atomic_functions.h — CUDA 12.8's __nv_atomic_* functions (cuwasm).
 *
 * The memory-order and scope constants, and the generic atomics over
 * them, written as device templates on top of the atomic builtins sema
 * knows (atomicAdd, atomicCAS, ...).  Read-modify-write operations are
 * sequentially consistent on every backend, which satisfies any order
 * asked for; loads and stores are volatile accesses, fenced on the side
 * their order asks for; the scope argument only narrows what CUDA
 * guarantees, so every scope is honoured by the widest one.
 */
#ifndef CUWASM_NV_ATOMIC_FUNCTIONS_H
#define CUWASM_NV_ATOMIC_FUNCTIONS_H

#define __NV_ATOMIC_RELAXED 0
#define __NV_ATOMIC_CONSUME 1
#define __NV_ATOMIC_ACQUIRE 2
#define __NV_ATOMIC_RELEASE 3
#define __NV_ATOMIC_ACQ_REL 4
#define __NV_ATOMIC_SEQ_CST 5
#define __NV_THREAD_SCOPE_THREAD 0
#define __NV_THREAD_SCOPE_BLOCK 1
#define __NV_THREAD_SCOPE_CLUSTER 2
#define __NV_THREAD_SCOPE_DEVICE 3
#define __NV_THREAD_SCOPE_SYSTEM 4

#if defined(__CUDA_ARCH__) && defined(__cplusplus)

/* CUDA's atomic builtins take 64-bit integers as unsigned long long (add,
 * and, or, xor, exchange, compare-and-swap) and long long (min, max);
 * long and unsigned long (int64_t, size_t), which the __nv_atomic_*
 * functions and cuda::atomic accept, go through those types */
template <class T> struct __cw_atomic_word { typedef T bits; typedef T ordered; };
#if __SIZEOF_LONG__ == 8
template <> struct __cw_atomic_word<long> { typedef unsigned long long bits; typedef long long ordered; };
template <> struct __cw_atomic_word<unsigned long> {
  typedef unsigned long long bits;
  typedef unsigned long long ordered;
};
#else /* ILP32 (a web build): long is int's size */
template <> struct __cw_atomic_word<long> { typedef unsigned int bits; typedef int ordered; };
template <> struct __cw_atomic_word<unsigned long> { typedef unsigned int bits; typedef unsigned int ordered; };
#endif
template <> struct __cw_atomic_word<long long> {
  typedef unsigned long long bits;
  typedef long long ordered;
};

/* a template (D unused) like the rest, so that programs that never call
 * it get no code for it */
template <int D = 0>
static __device__ inline void __nv_atomic_thread_fence(int order, int scope = 4) {
  (void)scope;
  if (order != __NV_ATOMIC_RELAXED) __threadfence_system();
}

template <class T>
static __device__ inline T __nv_atomic_load_n(const T *p, int order, int scope = 4) {
  T v = *(const volatile T *)p;
  if (order != __NV_ATOMIC_RELAXED) __nv_atomic_thread_fence(order, scope);
  return v;
}

template <class T>
static __device__ inline void __nv_atomic_load(const T *p, T *ret, int order, int scope = 4) {
  *ret = __nv_atomic_load_n(p, order, scope);
}

template <class T>
static __device__ inline void __nv_atomic_store_n(T *p, T v, int order, int scope = 4) {
  if (order != __NV_ATOMIC_RELAXED) __nv_atomic_thread_fence(order, scope);
  *(volatile T *)p = v;
  if (order == __NV_ATOMIC_SEQ_CST) __nv_atomic_thread_fence(order, scope);
}

template <class T>
static __device__ inline void __nv_atomic_store(T *p, T *v, int order, int scope = 4) {
  __nv_atomic_store_n(p, *v, order, scope);
}

template <class T>
static __device__ inline T __nv_atomic_exchange_n(T *p, T v, int order, int scope = 4) {
  (void)order, (void)scope;
  typedef typename __cw_atomic_word<T>::bits B;
  return (T)atomicExch((B *)p, (B)v);
}

template <class T>
static __device__ inline void __nv_atomic_exchange(T *p, T *v, T *ret, int order, int scope = 4) {
  *ret = __nv_atomic_exchange_n(p, *v, order, scope);
}

template <class T>
static __device__ inline bool __nv_atomic_compare_exchange_n(T *p, T *expected, T desired,
                                                             bool weak, int success_order,
                                                             int failure_order, int scope = 4) {
  (void)weak, (void)success_order, (void)failure_order, (void)scope;
  typedef typename __cw_atomic_word<T>::bits B;
  T want = *expected;
  T old = (T)atomicCAS((B *)p, (B)want, (B)desired);
  if (old == want) return true;
  *expected = old;
  return false;
}

template <class T>
static __device__ inline bool __nv_atomic_compare_exchange(T *p, T *expected, T *desired,
                                                           bool weak, int success_order,
                                                           int failure_order, int scope = 4) {
  return __nv_atomic_compare_exchange_n(p, expected, *desired, weak, success_order,
                                        failure_order, scope);
}

/* word: the member of __cw_atomic_word the builtin takes the type as */
#define CUWASM_NV_RMW(op, builtin, word)                                                  \
  template <class T>                                                                      \
  static __device__ inline T __nv_atomic_fetch_##op(T *p, T v, int order, int scope = 4) { \
    (void)order, (void)scope;                                                             \
    typedef typename __cw_atomic_word<T>::word W;                                         \
    return (T)builtin((W *)p, (W)v);                                                      \
  }                                                                                       \
  template <class T>                                                                      \
  static __device__ inline void __nv_atomic_##op(T *p, T v, int order, int scope = 4) {   \
    __nv_atomic_fetch_##op(p, v, order, scope);                                           \
  }
CUWASM_NV_RMW(add, atomicAdd, bits)
CUWASM_NV_RMW(and, atomicAnd, bits)
CUWASM_NV_RMW(or, atomicOr, bits)
CUWASM_NV_RMW(xor, atomicXor, bits)
CUWASM_NV_RMW(min, atomicMin, ordered)
CUWASM_NV_RMW(max, atomicMax, ordered)
#undef CUWASM_NV_RMW
/* atomicSub has no 64-bit form: an add of the negation */
template <class T>
static __device__ inline T __nv_atomic_fetch_sub(T *p, T v, int order, int scope = 4) {
  return __nv_atomic_fetch_add(p, (T)((T)0 - v), order, scope);
}
template <class T>
static __device__ inline void __nv_atomic_sub(T *p, T v, int order, int scope = 4) {
  __nv_atomic_fetch_sub(p, v, order, scope);
}

#endif /* __CUDA_ARCH__ && __cplusplus */

#endif /* CUWASM_NV_ATOMIC_FUNCTIONS_H */
