/*
 * cuda/__cw/atomic_impl.h — the classes behind cuda::atomic_ref,
 * cuda::atomic, cuda::std::atomic_ref and cuda::std::atomic (cuwasm);
 * the public headers name them through alias templates.
 *
 * __cw_atomic_ref<T, Scope> holds a pointer to the object it refers to
 * and performs every operation through the primitives of atomic_ops.h;
 * __cw_atomic<T, Scope> holds the value and refers to it the same way.
 * The memory_order arguments are accepted and every operation is
 * sequentially consistent; the scope is accepted and every operation is
 * device-wide (host-wide in host code): both at least as strong as asked.
 * fetch_min/fetch_max are libcu++'s extensions on cuda:: types; the
 * cuda::std:: ones have them too (harmless).  wait/notify are not
 * provided.  Read by both passes.
 */
#ifndef CUWASM_CUDA_CW_ATOMIC_IMPL_H
#define CUWASM_CUDA_CW_ATOMIC_IMPL_H

#include "cuda/__cw/scope.h"
#include "cuda/__cw/atomic_ops.h"

namespace cuda {
namespace std {

enum memory_order {
  memory_order_relaxed = 0,
  memory_order_consume = 1,
  memory_order_acquire = 2,
  memory_order_release = 3,
  memory_order_acq_rel = 4,
  memory_order_seq_cst = 5
};

} /* namespace std */

template <class T, thread_scope Scope>
class __cw_atomic_ref {
public:
  T *__cw_ptr;

  __host__ __device__ explicit __cw_atomic_ref(T &obj) { __cw_ptr = &obj; }

  __host__ __device__ T load(std::memory_order = std::memory_order_seq_cst) const {
    return __cw_atomic::load(__cw_ptr);
  }
  __host__ __device__ void store(T v, std::memory_order = std::memory_order_seq_cst) const {
    __cw_atomic::exchange(__cw_ptr, v);
  }
  __host__ __device__ T exchange(T v, std::memory_order = std::memory_order_seq_cst) const {
    return __cw_atomic::exchange(__cw_ptr, v);
  }
  __host__ __device__ bool compare_exchange_strong(T &expected, T desired,
                                                   std::memory_order = std::memory_order_seq_cst,
                                                   std::memory_order = std::memory_order_seq_cst) const {
    T seen = __cw_atomic::cas(__cw_ptr, expected, desired);
    if (__cw_atomic::same(seen, expected)) return true;
    expected = seen;
    return false;
  }
  __host__ __device__ bool compare_exchange_weak(T &expected, T desired,
                                                 std::memory_order = std::memory_order_seq_cst,
                                                 std::memory_order = std::memory_order_seq_cst) const {
    return compare_exchange_strong(expected, desired);
  }
  template <class U = T>
  __host__ __device__ T fetch_add(U v, std::memory_order = std::memory_order_seq_cst) const {
    return __cw_atomic::fetch_add(__cw_ptr, (T)v);
  }
  template <class U = T>
  __host__ __device__ T fetch_sub(U v, std::memory_order = std::memory_order_seq_cst) const {
    return __cw_atomic::fetch_sub(__cw_ptr, (T)v);
  }
  template <class U = T>
  __host__ __device__ T fetch_and(U v, std::memory_order = std::memory_order_seq_cst) const {
    return __cw_atomic::fetch_and(__cw_ptr, (T)v);
  }
  template <class U = T>
  __host__ __device__ T fetch_or(U v, std::memory_order = std::memory_order_seq_cst) const {
    return __cw_atomic::fetch_or(__cw_ptr, (T)v);
  }
  template <class U = T>
  __host__ __device__ T fetch_xor(U v, std::memory_order = std::memory_order_seq_cst) const {
    return __cw_atomic::fetch_xor(__cw_ptr, (T)v);
  }
  template <class U = T>
  __host__ __device__ T fetch_min(U v, std::memory_order = std::memory_order_seq_cst) const {
    return __cw_atomic::fetch_min(__cw_ptr, (T)v);
  }
  template <class U = T>
  __host__ __device__ T fetch_max(U v, std::memory_order = std::memory_order_seq_cst) const {
    return __cw_atomic::fetch_max(__cw_ptr, (T)v);
  }

  __host__ __device__ operator T() const { return load(); }
  __host__ __device__ T operator=(T v) const {
    store(v);
    return v;
  }
  template <class U = T>
  __host__ __device__ T operator++() const { return fetch_add((T)1) + (T)1; }
  template <class U = T>
  __host__ __device__ T operator++(int) const { return fetch_add((T)1); }
  template <class U = T>
  __host__ __device__ T operator--() const { return fetch_sub((T)1) - (T)1; }
  template <class U = T>
  __host__ __device__ T operator--(int) const { return fetch_sub((T)1); }
  template <class U = T>
  __host__ __device__ T operator+=(U v) const { return fetch_add((T)v) + (T)v; }
  template <class U = T>
  __host__ __device__ T operator-=(U v) const { return fetch_sub((T)v) - (T)v; }
  template <class U = T>
  __host__ __device__ T operator&=(U v) const { return fetch_and((T)v) & (T)v; }
  template <class U = T>
  __host__ __device__ T operator|=(U v) const { return fetch_or((T)v) | (T)v; }
  template <class U = T>
  __host__ __device__ T operator^=(U v) const { return fetch_xor((T)v) ^ (T)v; }
};

template <class T, thread_scope Scope>
class __cw_atomic_value {
public:
  T __cw_value;

  __host__ __device__ __cw_atomic_value() { __cw_value = T(); }
  __host__ __device__ __cw_atomic_value(T v) { __cw_value = v; }

  __host__ __device__ __cw_atomic_ref<T, Scope> __cw_ref() { return __cw_atomic_ref<T, Scope>(__cw_value); }

  __host__ __device__ T load(std::memory_order = std::memory_order_seq_cst) {
    return __cw_ref().load();
  }
  __host__ __device__ void store(T v, std::memory_order = std::memory_order_seq_cst) {
    __cw_ref().store(v);
  }
  __host__ __device__ T exchange(T v, std::memory_order = std::memory_order_seq_cst) {
    return __cw_ref().exchange(v);
  }
  __host__ __device__ bool compare_exchange_strong(T &expected, T desired,
                                                   std::memory_order = std::memory_order_seq_cst,
                                                   std::memory_order = std::memory_order_seq_cst) {
    return __cw_ref().compare_exchange_strong(expected, desired);
  }
  __host__ __device__ bool compare_exchange_weak(T &expected, T desired,
                                                 std::memory_order = std::memory_order_seq_cst,
                                                 std::memory_order = std::memory_order_seq_cst) {
    return __cw_ref().compare_exchange_strong(expected, desired);
  }
  template <class U = T>
  __host__ __device__ T fetch_add(U v, std::memory_order = std::memory_order_seq_cst) {
    return __cw_ref().fetch_add((T)v);
  }
  template <class U = T>
  __host__ __device__ T fetch_sub(U v, std::memory_order = std::memory_order_seq_cst) {
    return __cw_ref().fetch_sub((T)v);
  }
  template <class U = T>
  __host__ __device__ T fetch_and(U v, std::memory_order = std::memory_order_seq_cst) {
    return __cw_ref().fetch_and((T)v);
  }
  template <class U = T>
  __host__ __device__ T fetch_or(U v, std::memory_order = std::memory_order_seq_cst) {
    return __cw_ref().fetch_or((T)v);
  }
  template <class U = T>
  __host__ __device__ T fetch_xor(U v, std::memory_order = std::memory_order_seq_cst) {
    return __cw_ref().fetch_xor((T)v);
  }
  template <class U = T>
  __host__ __device__ T fetch_min(U v, std::memory_order = std::memory_order_seq_cst) {
    return __cw_ref().fetch_min((T)v);
  }
  template <class U = T>
  __host__ __device__ T fetch_max(U v, std::memory_order = std::memory_order_seq_cst) {
    return __cw_ref().fetch_max((T)v);
  }

  __host__ __device__ operator T() { return load(); }
  __host__ __device__ T operator=(T v) {
    store(v);
    return v;
  }
  template <class U = T>
  __host__ __device__ T operator++() { return fetch_add((T)1) + (T)1; }
  template <class U = T>
  __host__ __device__ T operator++(int) { return fetch_add((T)1); }
  template <class U = T>
  __host__ __device__ T operator--() { return fetch_sub((T)1) - (T)1; }
  template <class U = T>
  __host__ __device__ T operator--(int) { return fetch_sub((T)1); }
  template <class U = T>
  __host__ __device__ T operator+=(U v) { return fetch_add((T)v) + (T)v; }
  template <class U = T>
  __host__ __device__ T operator-=(U v) { return fetch_sub((T)v) - (T)v; }
  template <class U = T>
  __host__ __device__ T operator&=(U v) { return fetch_and((T)v) & (T)v; }
  template <class U = T>
  __host__ __device__ T operator|=(U v) { return fetch_or((T)v) | (T)v; }
  template <class U = T>
  __host__ __device__ T operator^=(U v) { return fetch_xor((T)v) ^ (T)v; }
};

} /* namespace cuda */

#endif
