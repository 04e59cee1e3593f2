// long and long long are two C++ types of one size (64 bits on LP64), as
// are unsigned long and unsigned long long: overloads, template
// specializations and the usual arithmetic conversions must tell them
// apart in device code as nvcc does, while every backend computes with
// one 64-bit integer.  Each kernel writes type codes the host checks.
#include "common.h"
#include <cstdint>
#include <cuda/atomic>

enum { LONG = 1, LLONG = 2, ULONG = 3, ULLONG = 4, OTHER = 9 };

template <typename T> struct Code { static __device__ int get() { return OTHER; } };
template <> struct Code<long> { static __device__ int get() { return LONG; } };
template <> struct Code<long long> { static __device__ int get() { return LLONG; } };
template <> struct Code<unsigned long> { static __device__ int get() { return ULONG; } };
template <> struct Code<unsigned long long> { static __device__ int get() { return ULLONG; } };

template <typename T> __device__ int code_of(T) { return Code<T>::get(); }

__device__ int pick(long) { return LONG; }
__device__ int pick(long long) { return LLONG; }
__device__ int pick(unsigned long) { return ULONG; }
__device__ int pick(unsigned long long) { return ULLONG; }

// T is the kernel's own type: the host launches one instance per type
template <typename T>
__global__ void types(int *out, T v) {
  out[0] = Code<T>::get();
  out[1] = pick(v);
  out[2] = code_of(v + 1LL);   // long + long long: long long
  out[3] = code_of(v + 1UL);   // long long + unsigned long: unsigned long long
  out[4] = code_of(v * 2L);
  out[5] = (int)(v + (T)1);    // the value, computed in 64 bits
}

__global__ void spellings(int *out, int64_t i, uint64_t u, size_t n, ptrdiff_t d) {
  out[0] = code_of(i);
  out[1] = code_of(u);
  out[2] = code_of(n);
  out[3] = code_of(d);
  out[4] = code_of(sizeof(int));
  out[5] = code_of(&out[1] - &out[0]);
  out[6] = code_of(1L) * 10 + code_of(1LL);
  out[7] = code_of(1UL) * 10 + code_of(1ULL);
  long2 l2 = make_long2(3, 4);
  longlong2 q2 = make_longlong2(5, 6);
  out[8] = code_of(l2.x) * 10 + code_of(q2.y);
  out[9] = code_of(min(i, 2L)) * 10 + code_of(labs(i));
}

// 64-bit values that need all their bits: a shift past 32 and a warp
// shuffle of a long, atomics on an int64_t counter through the types the
// builtins take
__global__ void wide(long *vals, unsigned long long *sum, int64_t *counter) {
  long x = (long)threadIdx.x << 40;
  long y = __shfl_sync(0xffffffffu, x, (threadIdx.x + 1) % 32);
  vals[threadIdx.x] = y;
  atomicAdd(sum, (unsigned long long)x);
  atomicAdd((unsigned long long *)counter, 1ull);
  cuda::atomic_ref<int64_t, cuda::thread_scope_device> c(counter[1]);
  c.fetch_add(2);
  cuda::atomic_ref<size_t, cuda::thread_scope_device> s(*(size_t *)&counter[2]);
  s.fetch_add(3);
  __nv_atomic_fetch_max(&counter[3], (int64_t)threadIdx.x << 33, __NV_ATOMIC_RELAXED);
}

template <typename T>
static int check_types(const char *name, T v, const int want[5]) {
  int *d, h[6];
  CHECK(cudaMalloc(&d, sizeof h));
  types<T><<<1, 1>>>(d, v);
  CHECK(cudaGetLastError());
  CHECK(cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost));
  CHECK(cudaFree(d));
  int errors = 0;
  for (int i = 0; i < 5; i++)
    if (h[i] != want[i]) {
      printf("types<%s>: out[%d] = %d, want %d\n", name, i, h[i], want[i]);
      errors++;
    }
  if (h[5] != (int)(v + 1)) printf("types<%s>: value %d, want %d\n", name, h[5], (int)(v + 1)), errors++;
  return errors;
}

int main() {
  int errors = 0;
  const int want_long[5] = {LONG, LONG, LLONG, ULONG, LONG};
  const int want_llong[5] = {LLONG, LLONG, LLONG, ULLONG, LLONG};
  const int want_ulong[5] = {ULONG, ULONG, ULLONG, ULONG, ULONG};
  const int want_ullong[5] = {ULLONG, ULLONG, ULLONG, ULLONG, ULLONG};
  errors += check_types<long>("long", 41L, want_long);
  errors += check_types<long long>("long long", 42LL, want_llong);
  errors += check_types<unsigned long>("unsigned long", 43UL, want_ulong);
  errors += check_types<unsigned long long>("unsigned long long", 44ULL, want_ullong);

  int *d, h[10];
  CHECK(cudaMalloc(&d, sizeof h));
  spellings<<<1, 1>>>(d, -5, 5, 6, -7);
  CHECK(cudaMemcpy(h, d, sizeof h, cudaMemcpyDeviceToHost));
  CHECK(cudaFree(d));
  const int want_sp[10] = {LONG, ULONG, ULONG, LONG, ULONG, LONG,
                           LONG * 10 + LLONG, ULONG * 10 + ULLONG, LONG * 10 + LLONG, LONG * 10 + LONG};
  for (int i = 0; i < 10; i++)
    if (h[i] != want_sp[i]) printf("spellings: out[%d] = %d, want %d\n", i, h[i], want_sp[i]), errors++;

  long *vals;
  unsigned long long *sum;
  int64_t *counter;
  CHECK(cudaMallocManaged(&vals, 32 * sizeof(long)));
  CHECK(cudaMallocManaged(&sum, sizeof *sum));
  CHECK(cudaMallocManaged(&counter, 4 * sizeof *counter));
  *sum = 0;
  for (int i = 0; i < 4; i++) counter[i] = 0;
  wide<<<1, 32>>>(vals, sum, counter);
  CHECK(cudaGetLastError());
  CHECK(cudaDeviceSynchronize());
  unsigned long long want_sum = 0;
  for (int i = 0; i < 32; i++) {
    want_sum += (unsigned long long)i << 40;
    if (vals[i] != (long)((i + 1) % 32) << 40) printf("wide: vals[%d] wrong\n", i), errors++;
  }
  if (*sum != want_sum) printf("wide: sum %llu, want %llu\n", *sum, want_sum), errors++;
  if (counter[0] != 32 || counter[1] != 64 || counter[2] != 96 || counter[3] != (int64_t)31 << 33) {
    printf("wide: counters %lld %lld %lld %lld\n", (long long)counter[0], (long long)counter[1],
           (long long)counter[2], (long long)counter[3]);
    errors++;
  }
  CHECK(cudaFree(vals));
  CHECK(cudaFree(sum));
  CHECK(cudaFree(counter));
  return verdict("long_long_overloads", errors);
}
