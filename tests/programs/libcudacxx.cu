// libcu++ headers as modern CUDA code uses them, in device and host code:
// cuda::atomic_ref / cuda::std::atomic (device, block and system scope,
// memory orders, fetch_min/max, compare-exchange, ++ and +=), and
// cuda::std::numeric_limits, array, pair/swap, complex, the functional
// objects and min/max, tuple, <bit>, <span>, <cmath>, <type_traits>,
// <cstdint>.
// The program checks its own results (exit 0 when all hold).
#include <cstdio>
#include <cuda/atomic>
#include <cuda/std/array>
#include <cuda/std/atomic>
#include <cuda/std/bit>
#include <cuda/std/cmath>
#include <cuda/std/complex>
#include <cuda/std/cstdint>
#include <cuda/std/functional>
#include <cuda/std/limits>
#include <cuda/std/span>
#include <cuda/std/tuple>
#include <cuda/std/type_traits>
#include <cuda/std/utility>

__device__ cuda::std::atomic<int> g_blocks_done;

// a[0] += 1 per thread, a[1] max of thread ids, a[2] claimed once by CAS,
// a[3] counts CAS winners, a[4] ++ per thread (block scope), f[0] += 0.5,
// f[1] max, u[0] += 2 (unsigned long long, device scope)
__global__ void atomics(int *a, float *f, unsigned long long *u) {
  cuda::atomic_ref<int, cuda::thread_scope_device> sum(a[0]);
  sum.fetch_add(1, cuda::std::memory_order_relaxed);
  cuda::atomic_ref<int, cuda::thread_scope_block> mx(a[1]);
  mx.fetch_max((int)(blockIdx.x * blockDim.x + threadIdx.x));
  cuda::std::atomic_ref<int> claim(a[2]);
  int expected = 0;
  cuda::atomic_ref<int> winners(a[3]);
  if (claim.compare_exchange_strong(expected, 42)) winners.fetch_add(1);
  cuda::atomic_ref<int, cuda::thread_scope_block> cnt(a[4]);
  ++cnt;
  cuda::atomic_ref<float> fs(f[0]);
  fs += 0.5f;
  cuda::atomic_ref<float, cuda::thread_scope_system> fm(f[1]);
  fm.fetch_max((float)threadIdx.x * 0.25f);
  cuda::atomic_ref<unsigned long long, cuda::thread_scope_device> us(u[0]);
  us.fetch_add(2ull);
  if (threadIdx.x == 0) g_blocks_done.fetch_add(1);
}

// 1- and 2-byte atomics (through the 32-bit word that holds them): one
// thread in the grid claims flags[1], every thread adds 1 to counts[1];
// the neighbouring bytes must keep their values
__global__ void narrow_atomics(bool *flags, short *counts, int *winners) {
  cuda::std::atomic_ref<bool> flag(flags[1]);
  bool expected = false;
  if (flag.compare_exchange_strong(expected, true)) atomicAdd(winners, 1);
  cuda::atomic_ref<short, cuda::thread_scope_device> count(counts[1]);
  count.fetch_add((short)1);
}

__global__ void read_global(int *a) { a[5] = g_blocks_done.load(cuda::std::memory_order_acquire); }

// o[i]: results of the library headers, one per line of the check in main
__global__ void library(float *o) {
  cuda::std::array<int, 4> arr{1, 2, 3, 4};
  int s = 0;
  for (int v : arr) s += v;
  o[0] = (float)(s + (int)arr.size());                                       // 14
  cuda::std::pair<int, float> p = cuda::std::make_pair(5, 2.5f);
  int x = 3, y = 9;
  cuda::std::swap(x, y);
  o[1] = (float)(p.first * 100 + x * 10 + y) + p.second;                      // 595.5
  o[2] = (float)(cuda::std::min(4, 7) * 10 + cuda::std::max(4, 7));          // 47
  cuda::std::complex<float> z(1.0f, 2.0f);
  z = z * z;                                                                  // -3+4i
  cuda::std::complex<float> w = z / cuda::std::complex<float>(0.0f, 1.0f) + 1.0f; // 5+3i
  o[3] = z.real() * 10 + z.imag();                                            // -26
  o[4] = w.real() * 10 + w.imag() + cuda::std::abs(cuda::std::complex<float>(3.0f, 4.0f)); // 58
  o[5] = (float)(cuda::std::plus<int>()(3, 4) + cuda::std::less<float>()(1.0f, 2.0f) * 100 +
                 cuda::std::multiplies<>()(10, 20) * 1000);                   // 200107
  o[6] = (float)(cuda::std::popcount(0xF0F0u) * 100 + cuda::std::countl_zero(1u)); // 831
  o[7] = (float)(cuda::std::countr_zero(8u) * 100 + (int)cuda::std::bit_ceil(17u) +
                 cuda::std::has_single_bit(64u) * 1000);                      // 1332
  cuda::std::span<int> sp(arr.data(), 3);
  sp[0] = 10;
  o[8] = (float)(arr[0] + (int)sp.size() * 100 + (int)sp.size_bytes());       // 322
  o[9] = cuda::std::sqrt(16.0f) + cuda::std::fabs(-2.0f) * 10 + cuda::std::floor(2.7f) * 100; // 224
  o[10] = cuda::std::numeric_limits<float>::max();
  o[11] = (float)(cuda::std::numeric_limits<cuda::std::int16_t>::max() +
                  cuda::std::is_same<cuda::std::uint32_t, unsigned int>::value +
                  cuda::std::is_floating_point<float>::value * 10);           // 32778
  cuda::std::tuple<int, float, double> t(1, 2.5f, 4.0);
  cuda::std::get<0>(t) = 7;
  auto u = cuda::std::make_tuple(3, 1.5f);
  o[12] = cuda::std::get<0>(t) + cuda::std::get<1>(t) + (float)cuda::std::get<2>(t) +      // 13.5
          (float)cuda::std::tuple_size<cuda::std::tuple<int, float, double>>::value * 100 + // +300
          (u == cuda::std::make_tuple(3, 1.5f)) * 1000 + cuda::std::get<1>(p) * 10000;     // +1000 +25000
}

static int failures = 0;
static void check(const char *what, double got, double want) {
  if (got != want) {
    printf("FAIL %s: %g, expected %g\n", what, got, want);
    failures++;
  }
}

int main() {
  int *a;
  float *f, *o;
  unsigned long long *u;
  cudaMallocManaged(&a, 6 * sizeof(int));
  cudaMallocManaged(&f, 2 * sizeof(float));
  cudaMallocManaged(&u, sizeof(unsigned long long));
  cudaMallocManaged(&o, 13 * sizeof(float));
  for (int i = 0; i < 6; i++) a[i] = 0;
  f[0] = f[1] = 0.0f;
  *u = 0;
  atomics<<<4, 64>>>(a, f, u);
  read_global<<<1, 1>>>(a);
  library<<<1, 1>>>(o);
  bool *flags;
  short *counts;
  int *winners;
  cudaMallocManaged(&flags, 4);
  cudaMallocManaged(&counts, 6);
  cudaMallocManaged(&winners, sizeof(int));
  flags[0] = true, flags[1] = false, flags[2] = true, flags[3] = false;
  counts[0] = 5, counts[1] = 0, counts[2] = -3;
  *winners = 0;
  narrow_atomics<<<3, 64>>>(flags, counts, winners);
  cudaError_t e = cudaDeviceSynchronize();
  check("cuda error", e, cudaSuccess);
  check("atomic_ref fetch_add", a[0], 256);
  check("atomic_ref fetch_max", a[1], 255);
  check("compare_exchange_strong value", a[2], 42);
  check("compare_exchange_strong winners", a[3], 1);
  check("atomic_ref ++", a[4], 256);
  check("atomic_ref<float> +=", f[0], 128.0);
  check("atomic_ref<float> fetch_max", f[1], 15.75);
  check("atomic_ref<unsigned long long>", (double)*u, 512);
  check("__device__ cuda::std::atomic", a[5], 4);
  check("atomic_ref<bool> compare_exchange winners", *winners, 1);
  check("atomic_ref<bool> flags", flags[0] * 1000 + flags[1] * 100 + flags[2] * 10 + flags[3], 1110);
  check("atomic_ref<short> fetch_add", counts[1], 192);
  check("atomic_ref<short> neighbours", counts[0] * 10 + counts[2], 47);
  const double want[13] = {14, 595.5, 47, -26, 58, 200107, 831, 1332, 322, 224, 3.40282346638528859812e+38, 32778, 26313.5};
  const char *names[13] = {"array", "pair/swap", "min/max", "complex *", "complex / abs", "functional",
                           "popcount/countl_zero", "countr_zero/bit_ceil/has_single_bit", "span",
                           "cmath", "numeric_limits<float>", "numeric_limits/type_traits/cstdint",
                           "tuple/get/make_tuple/tuple_size"};
  for (int i = 0; i < 13; i++) check(names[i], o[i], want[i]);

  // the same headers in host code
  int h = 5;
  cuda::atomic_ref<int> hr(h);
  hr.fetch_add(3);
  hr.fetch_min(6);
  check("host atomic_ref", h, 6);
  cuda::std::atomic<long long> ha(10);
  ha += 5;
  check("host cuda::std::atomic", (double)ha.load(), 15);
  cuda::std::complex<double> hz(0, 1);
  hz *= hz;
  check("host complex", hz.real(), -1);
  cuda::std::array<int, 3> harr{7, 8, 9};
  check("host array/min", cuda::std::min(harr[0], harr[2]) + cuda::std::popcount(7u), 10);
  auto ht = cuda::std::make_tuple(1, 2.0);
  check("host tuple", cuda::std::get<1>(ht) + cuda::std::get<0>(ht), 3);
  printf("%s\n", failures ? "FAILED" : "libcu++ ok");
  return failures != 0;
}
