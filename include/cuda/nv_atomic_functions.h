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
  return atomicExch(p, v);
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
  T want = *expected;
  T old = atomicCAS(p, want, desired);
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

#define CUWASM_NV_RMW(op, builtin)                                                        \
  template <class T>                                                                      \
  static __device__ inline T __nv_atomic_fetch_##op(T *p, T v, int order, int scope = 4) { \
    (void)order, (void)scope;                                                             \
    return builtin(p, v);                                                                 \
  }                                                                                       \
  template <class T>                                                                      \
  static __device__ inline void __nv_atomic_##op(T *p, T v, int order, int scope = 4) {   \
    (void)order, (void)scope;                                                             \
    builtin(p, v);                                                                        \
  }
CUWASM_NV_RMW(add, atomicAdd)
CUWASM_NV_RMW(sub, atomicSub)
CUWASM_NV_RMW(and, atomicAnd)
CUWASM_NV_RMW(or, atomicOr)
CUWASM_NV_RMW(xor, atomicXor)
CUWASM_NV_RMW(min, atomicMin)
CUWASM_NV_RMW(max, atomicMax)
#undef CUWASM_NV_RMW

#endif /* __CUDA_ARCH__ && __cplusplus */

#endif /* CUWASM_NV_ATOMIC_FUNCTIONS_H */
