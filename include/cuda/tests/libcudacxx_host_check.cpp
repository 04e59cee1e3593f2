/*
 * libcudacxx_host_check.cpp — the libcu++ headers of include/cuda/cuda as
 * host code sees them (g++, __CUDA_ARCH__ undefined): every member of the
 * atomic classes is instantiated for the usual types (explicit
 * instantiations, so -Wall -Wextra -Werror checks them all) and the results
 * are checked, with threads racing on the atomics.  Exits 0 when all hold.
 *
 *   g++ -std=c++17 -O1 -pthread -Wall -Wextra -Werror -I include/cuda \
 *       include/cuda/tests/libcudacxx_host_check.cpp -o /tmp/lcxx && /tmp/lcxx
 */
#include <cuda/atomic>
#include <cuda/barrier>
#include <cuda/std/array>
#include <cuda/std/atomic>
#include <cuda/std/bit>
#include <cuda/std/cmath>
#include <cuda/std/complex>
#include <cuda/std/cstddef>
#include <cuda/std/cstdint>
#include <cuda/std/functional>
#include <cuda/std/limits>
#include <cuda/std/span>
#include <cuda/std/tuple>
#include <cuda/std/type_traits>
#include <cuda/std/utility>
#include <cstdio>
#include <thread>
#include <vector>

template class cuda::__cw_atomic_ref<int, cuda::thread_scope_device>;
template class cuda::__cw_atomic_ref<unsigned long long, cuda::thread_scope_system>;
template class cuda::__cw_atomic_ref<float, cuda::thread_scope_block>;
template class cuda::__cw_atomic_ref<double, cuda::thread_scope_system>;
template class cuda::__cw_atomic_ref<bool, cuda::thread_scope_system>;
template class cuda::__cw_atomic_ref<short, cuda::thread_scope_device>;
template class cuda::__cw_atomic_value<int, cuda::thread_scope_system>;
template class cuda::__cw_atomic_value<float, cuda::thread_scope_device>;
template struct cuda::std::array<int, 4>;
template struct cuda::std::pair<int, float>;
template class cuda::std::complex<float>;
template class cuda::std::complex<double>;
template class cuda::std::span<int>;
template struct cuda::std::tuple<int, float, double>;

static int failures = 0;
#define CHECK(c)                                              \
  do {                                                        \
    if (!(c)) {                                               \
      std::printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #c); \
      failures++;                                             \
    }                                                         \
  } while (0)

int main() {
  /* atomics, raced by 8 threads */
  int sum = 0, top = 0;
  float fsum = 0.0f;
  cuda::std::atomic<long long> big(0);
  std::vector<std::thread> ts;
  for (int t = 0; t < 8; t++)
    ts.emplace_back([&, t] {
      for (int i = 0; i < 1000; i++) {
        cuda::atomic_ref<int, cuda::thread_scope_device> s(sum);
        s.fetch_add(1, cuda::std::memory_order_relaxed);
        cuda::atomic_ref<int>(top).fetch_max(t * 1000 + i);
        cuda::atomic_ref<float, cuda::thread_scope_block> f(fsum);
        f += 0.5f;
        big++;
      }
    });
  for (auto &t : ts) t.join();
  CHECK(sum == 8000);
  CHECK(top == 7999);
  CHECK(fsum == 4000.0f);
  CHECK(big.load() == 8000);
  int c = 3, expected = 4;
  cuda::std::atomic_ref<int> cr(c);
  CHECK(!cr.compare_exchange_strong(expected, 9) && expected == 3);
  CHECK(cr.compare_exchange_weak(expected, 9) && c == 9);
  CHECK(cr.exchange(1) == 9 && cr.load() == 1);
  CHECK((cr |= 6) == 7 && (cr &= 3) == 3 && (cr ^= 1) == 2 && cr.fetch_min(-5) == 2 && c == -5);
  double d = 1.0;
  cuda::atomic_ref<double> dr(d);
  CHECK(dr.fetch_add(0.5) == 1.0 && dr.fetch_sub(2.0) == 1.5 && d == -0.5);
  bool flag = false;
  short sh = 7;
  cuda::std::atomic_ref<bool> fr(flag);
  bool fe = false;
  CHECK(fr.compare_exchange_strong(fe, true) && flag && !fr.compare_exchange_strong(fe, true));
  cuda::atomic_ref<short> sr(sh);
  CHECK(sr.fetch_add((short)3) == 7 && sr.fetch_max((short)20) == 10 && sh == 20);
  cuda::atomic_thread_fence(cuda::std::memory_order_seq_cst, cuda::thread_scope_device);

  /* the library */
  cuda::std::array<int, 4> a{4, 1, 3, 2};
  CHECK(a.size() == 4 && a[2] == 3 && a.back() == 2 && *a.begin() == 4);
  cuda::std::span<int> sp(a.data(), 3);
  CHECK(sp.size() == 3 && sp[1] == 1 && sp.size_bytes() == 12);
  auto p = cuda::std::make_pair(1, 2.5f);
  CHECK(cuda::std::get<1>(p) == 2.5f && p == cuda::std::make_pair(1, 2.5f));
  int x = 1, y = 2;
  cuda::std::swap(x, y);
  CHECK(x == 2 && y == 1 && cuda::std::min(x, y) == 1 && cuda::std::clamp(7, 0, 5) == 5);
  CHECK(cuda::std::plus<>()(2, 3) == 5 && cuda::std::greater<int>()(3, 2) && cuda::std::bit_xor<unsigned>()(6u, 3u) == 5u);
  cuda::std::complex<float> z(3.0f, 4.0f);
  CHECK(cuda::std::abs(z) == 5.0f && (z * cuda::std::conj(z)).real() == 25.0f && (z / z).real() == 1.0f);
  CHECK(cuda::std::popcount(0xffu) == 8 && cuda::std::countl_zero(1u) == 31 && cuda::std::countr_zero(8u) == 3 &&
        cuda::std::bit_ceil(5u) == 8u && cuda::std::bit_floor(5u) == 4u && cuda::std::rotr(1u, 1) == 0x80000000u &&
        cuda::std::countl_zero((cuda::std::uint8_t)1) == 7);
  auto t = cuda::std::make_tuple(1, 2.0, 'c');
  cuda::std::get<0>(t) = 5;
  CHECK(cuda::std::get<0>(t) == 5 && cuda::std::get<2>(t) == 'c' && cuda::std::tuple_size<decltype(t)>::value == 3);
  CHECK(cuda::std::sqrt(16.0f) == 4.0f && cuda::std::numeric_limits<cuda::std::int8_t>::max() == 127);
  CHECK((cuda::std::is_same<cuda::std::size_t, size_t>::value));
  std::printf("%s\n", failures ? "FAILED" : "libcu++ host check ok");
  return failures != 0;
}
