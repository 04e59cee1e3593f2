// CUDA 12.8's __nv_atomic_* functions with their memory-order and scope
// arguments: fetch/no-fetch read-modify-writes, compare-exchange, acquire
// loads, release stores, exchange and fences, across two blocks.
#include <cstdio>
__device__ int flag_wait(int *f) { return __nv_atomic_load_n(f, __NV_ATOMIC_ACQUIRE, __NV_THREAD_SCOPE_DEVICE); }
__global__ void k(int *a, unsigned long long *b, int *f) {
  __nv_atomic_fetch_add(a, 1, __NV_ATOMIC_RELAXED);
  __nv_atomic_add(b, 2ull, __NV_ATOMIC_SEQ_CST, __NV_THREAD_SCOPE_BLOCK);
  __nv_atomic_fetch_max(a + 1, (int)threadIdx.x, __NV_ATOMIC_RELAXED);
  int e = 0;
  if (__nv_atomic_compare_exchange_n(a + 2, &e, 5, false, __NV_ATOMIC_ACQ_REL, __NV_ATOMIC_RELAXED)) __nv_atomic_fetch_add(a + 3, 1, __NV_ATOMIC_RELAXED);
  if (threadIdx.x == 0 && blockIdx.x == 0) __nv_atomic_store_n(f, 7, __NV_ATOMIC_RELEASE);
  __nv_atomic_thread_fence(__NV_ATOMIC_SEQ_CST, __NV_THREAD_SCOPE_SYSTEM);
  if (threadIdx.x == 0 && blockIdx.x == 0) a[4] = flag_wait(f) + __nv_atomic_exchange_n(a + 5, 9, __NV_ATOMIC_RELAXED);
}
int main() { int *a, *f; unsigned long long *b; cudaMallocManaged(&a, 32); cudaMallocManaged(&f, 4); cudaMallocManaged(&b, 8);
  for (int i = 0; i < 8; i++) a[i] = 0; *b = 0; *f = 0; a[5] = 3;
  k<<<2, 64>>>(a, b, f); cudaError_t e = cudaDeviceSynchronize();
  printf("%s %d %d %d %d %d %d %llu\n", cudaGetErrorString(e), a[0], a[1], a[2], a[3], a[4], a[5], *b);
  return !(a[0] == 128 && a[1] == 63 && a[2] == 5 && a[3] == 1 && a[4] == 10 && a[5] == 9 && *b == 256); }
