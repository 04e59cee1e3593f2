// libcudacxx.cu: kernels written with libcu++ (<cuda/atomic>, <cuda/std/...>)
// as modern CUDA code writes them: a histogram and a global maximum with
// cuda::atomic_ref at device and block scope, a compare-exchange claim, and
// per-thread arithmetic with cuda::std::array, complex, pair, tuple, span,
// the functional objects, min/max, <bit>, <cmath> and numeric_limits.
// launch: atomicHistogram --grid 4 --block 128 i32[512]=rand:301 i32[16]=zeros i32[2]=zeros
// launch: libraryMath --grid 2 --block 64 f32[128]=rand:302 u32[128]=rand:303 f32[128]=zeros u32[128]=zeros
// launch: libraryViews --grid 2 --block 64 f32[128]=rand:304 f32[128]=zeros
#include <cuda/atomic>
#include <cuda/std/array>
#include <cuda/std/bit>
#include <cuda/std/cmath>
#include <cuda/std/complex>
#include <cuda/std/functional>
#include <cuda/std/limits>
#include <cuda/std/span>
#include <cuda/std/tuple>
#include <cuda/std/utility>

// bins[v & 15] counts the values, stats[0] is the largest low half, stats[1]
// the threads whose compare-exchange claimed their block's shared flag
// (exactly one per block)
__global__ void atomicHistogram(const int *v, int *bins, int *stats) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  int x = v[i];
  cuda::atomic_ref<int, cuda::thread_scope_device> bin(bins[x & 15]);
  bin.fetch_add(1, cuda::std::memory_order_relaxed);
  cuda::atomic_ref<int, cuda::thread_scope_device> top(stats[0]);
  top.fetch_max(x & 0xffff);
  __shared__ int claimed;
  if (threadIdx.x == 0) claimed = 0;
  __syncthreads();
  cuda::atomic_ref<int, cuda::thread_scope_block> flag(claimed);
  int expected = 0;
  if (flag.compare_exchange_strong(expected, 1)) {
    cuda::atomic_ref<int> winners(stats[1]);
    ++winners;
  }
}

__global__ void libraryMath(const float *x, const unsigned *u, float *out, unsigned *bits) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  cuda::std::array<float, 3> a{x[i], 2.0f * x[i], 0.5f};
  float sum = 0.0f;
  for (float e : a) sum += e;
  cuda::std::complex<float> z(x[i], 0.5f);
  z = z * z + cuda::std::complex<float>(1.0f, 0.0f);
  cuda::std::pair<float, int> p = cuda::std::make_pair(cuda::std::abs(z), i);
  out[i] = cuda::std::plus<float>()(p.first, sum) +
           cuda::std::max(cuda::std::sqrt(cuda::std::fabs(x[i])), 0.25f) +
           (x[i] < cuda::std::numeric_limits<float>::max() ? 1.0f : 0.0f);
  unsigned w = u[i];
  bits[i] = (unsigned)cuda::std::popcount(w) | ((unsigned)cuda::std::countl_zero(w) << 8) |
            ((unsigned)cuda::std::countr_zero(w | 0x80000000u) << 16) |
            (cuda::std::has_single_bit(w & 0xff) ? 1u << 24 : 0u) |
            ((unsigned)cuda::std::bit_width(w & 0xffff) << 25);
}

// views and tuples: a span over the block's slice, get<I> of a tuple
__global__ void libraryViews(const float *x, float *out) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  auto t = cuda::std::make_tuple(x[i], 2 * i, 0.5f);
  cuda::std::get<2>(t) = cuda::std::get<2>(t) + 1.0f;
  cuda::std::span<float> s(out + blockIdx.x * blockDim.x, blockDim.x);
  s[threadIdx.x] = cuda::std::get<0>(t) * (float)cuda::std::get<1>(t) + cuda::std::get<2>(t) +
                   (float)s.size();
}
