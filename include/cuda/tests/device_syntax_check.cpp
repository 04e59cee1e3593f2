/*
 * device_syntax_check.cpp — checks the DEVICE sections of include/cuda with
 * g++, until our own front end can read them.
 *
 * g++ does not know CUDA, so this file first plays the part of sema: it
 * defines the qualifiers away and declares, with the signatures of
 * src/kir/builtins.def, the builtin variables, types and functions the
 * headers use.  Then it includes every header the way the device pass does
 * (-nostdinc, include/cuda then include/cuda/device on the search path,
 * __CUDA_ARCH__ defined) and instantiates every template, so that g++ checks
 * the bodies too.  Command (from the repository root):
 *
 *   g++ -std=c++17 -fsyntax-only -Wall -Wextra -Werror -nostdinc -nostdinc++ \
 *       -D__CUDA_ARCH__=800 -D__CUDACC__ -D__NVCC__ -D__CUWASM__ \
 *       -I include/cuda -I include/cuda/device \
 *       include/cuda/tests/device_syntax_check.cpp
 */

/* ---- stand-ins for what sema knows intrinsically ------------------- */

#define __device__
#define __host__
#define __global__
#define __shared__ static
#define __constant__
#define __managed__
#define __forceinline__ inline
#define __noinline__
#define __launch_bounds__(...)
#define __align__(n) __attribute__((aligned(n)))

struct uint3 { unsigned int x, y, z; };
struct dim3 {
  unsigned int x, y, z;
  dim3(unsigned int a = 1, unsigned int b = 1, unsigned int c = 1) : x(a), y(b), z(c) {}
};
struct float2 { float x, y; };
struct __half { unsigned short x; };
struct __half2 { __half x, y; };
extern const uint3 threadIdx, blockIdx;
extern const dim3 blockDim, gridDim;
extern const int warpSize;

void __syncthreads();
void __syncwarp(unsigned int mask = 0xffffffffu);
void __cuwasm_grid_sync();
void __cuwasm_assert(bool cond, const char *expr, const char *file, int line, const char *func);
int printf(const char *fmt, ...);
float __int_as_float(int);
double __longlong_as_double(long long);
int __popc(unsigned int);
int __ffs(int);
unsigned int __activemask();
unsigned int __lanemask_lt();
unsigned int __ballot_sync(unsigned int, int);
int __any_sync(unsigned int, int);
int __all_sync(unsigned int, int);

#define CW_WARP_OVERLOADS(T)                                              \
  T __shfl_sync(unsigned int, T, int, int = 32);                          \
  T __shfl_up_sync(unsigned int, T, unsigned int, int = 32);              \
  T __shfl_down_sync(unsigned int, T, unsigned int, int = 32);            \
  T __shfl_xor_sync(unsigned int, T, int, int = 32);                      \
  unsigned int __match_any_sync(unsigned int, T);                         \
  unsigned int __match_all_sync(unsigned int, T, int *);
CW_WARP_OVERLOADS(int)
CW_WARP_OVERLOADS(unsigned int)
CW_WARP_OVERLOADS(long long)
CW_WARP_OVERLOADS(unsigned long long)
CW_WARP_OVERLOADS(float)
CW_WARP_OVERLOADS(double)

/* ---- the headers, as a user program includes them ------------------ */

#include <cuda_runtime.h>
#include <cuda.h>
#include <cuda_runtime_api.h>
#include <driver_types.h>
#include <vector_types.h>
#include <vector_functions.h>
#include <device_launch_parameters.h>
#include <math_constants.h>
#include <cuda_fp16.h>
#include <cooperative_groups.h>
#include <cooperative_groups/reduce.h>

#include <stdint.h>
#include <cstdint>
#include <stddef.h>
#include <cstddef>
#include <limits.h>
#include <climits>
#include <float.h>
#include <cfloat>
#include <stdio.h>
#include <cstdio>
#include <assert.h>
#include <cassert>
#include <math.h>
#include <cmath>
#include <stdlib.h>
#include <cstdlib>
#include <string.h>
#include <cstring>
#include <type_traits>
#include <utility>
#include <limits>

namespace cg = cooperative_groups;

/* ---- uses ----------------------------------------------------------- */

static_assert(sizeof(int8_t) == 1 && sizeof(int16_t) == 2 && sizeof(int32_t) == 4 &&
                  sizeof(int64_t) == 8 && sizeof(uint64_t) == 8 && sizeof(uintptr_t) == 8 &&
                  sizeof(size_t) == 8 && sizeof(ptrdiff_t) == 8,
              "LP64 integer widths");
static_assert(INT32_MAX == 2147483647 && INT_MAX == INT32_MAX && UINT32_MAX == 4294967295u &&
                  INT64_MIN < 0 && LLONG_MAX == 9223372036854775807LL && UINT64_MAX == SIZE_MAX,
              "integer limits");
static_assert(FLT_MAX > 3.4e38f && DBL_EPSILON < 1e-15 && FLT_MANT_DIG == 24, "float limits");
static_assert(CUDART_VERSION == 13000 && CUDA_VERSION == 13000, "versions");
static_assert(cudaErrorLaunchFailure == 719 && cudaMemcpyDeviceToHost == 2, "enum values");

__device__ float constants_use(float x) {
  std::int32_t i = 1;
  std::size_t n = 2;
  half h;
  half2 h2;
  (void)h;
  (void)h2;
  float r = x * CUDART_PI_F + (float)CUDART_PI + CUDART_SQRT_HALF_F + (float)M_PI;
  if (r > FLT_MAX) r = INFINITY;
  if (r != r) r = NAN;
  if (r < 0.0f) r = CUDART_INF_F;
  if (r == 1.0f) r = CUDART_NAN_F;
  if (r == 2.0f) r = (float)CUDART_INF;
  assert(r >= 0.0f || r < 0.0f);
  printf("%d %lu %f\n", i, (unsigned long)n, (double)r);
  return r + (float)(INT_MAX / 2);
}

#define NDEBUG
#include <assert.h>
__device__ void ndebug_assert(int v) { assert(v > 0); (void)v; }
#undef NDEBUG
#include <assert.h>

template <typename Group>
__device__ int tile_ops(const Group &t, int v, float f, unsigned long long u, double d) {
  t.sync();
  int pred = 0;
  int a = t.shfl(v, 0) + t.shfl_down(v, 1) + t.shfl_up(v, 1) + t.shfl_xor(v, 1);
  float b = t.shfl(f, 1u) + t.shfl_xor(f, 2u);
  unsigned long long c = t.shfl_down(u, 2u);
  double e = t.shfl_up(d, 1u);
  unsigned int m = t.ballot(v > 0) | t.match_any(v) | t.match_all(f, pred) | t.match_any(u);
  return a + (int)b + (int)c + (int)e + (int)m + pred + t.any(v) + t.all(v) +
         (int)t.thread_rank() + (int)t.size() + (int)t.num_threads() +
         (int)t.meta_group_rank() + (int)t.meta_group_size();
}

template <typename Group>
__device__ int reductions(const Group &g, int v, unsigned int w, float f, double d) {
  int s = cg::reduce(g, v, cg::plus<int>());
  int mn = cg::reduce(g, v, cg::less<int>());
  int mx = cg::reduce(g, v, cg::greater<int>());
  unsigned int x = cg::reduce(g, w, cg::bit_and<unsigned int>()) |
                   (cg::reduce(g, w, cg::bit_or<unsigned int>()) ^
                    cg::reduce(g, w, cg::bit_xor<unsigned int>()));
  float fs = cg::reduce(g, f, cg::plus<float>());
  double dm = cg::reduce(g, d, cg::greater<double>());
  long long ls = cg::reduce(g, (long long)v, cg::plus<long long>());
  return s + mn + mx + (int)x + (int)fs + (int)dm + (int)ls;
}

__global__ void kernel_groups(int *out, const float *in, double *dout) {
  cg::thread_block block = cg::this_thread_block();
  block.sync();
  dim3 gi = block.group_index();
  dim3 ti = block.thread_index();
  dim3 gd = block.group_dim();
  dim3 dt = block.dim_threads();
  unsigned int r = block.thread_rank() + block.size() + block.num_threads() + gi.x + ti.y +
                   gd.z + dt.x;

  cg::thread_block_tile<32> warp = cg::tiled_partition<32>(block);
  cg::thread_block_tile<16> half_warp = cg::tiled_partition<16>(block);
  cg::thread_block_tile<4> quad = cg::tiled_partition<4>(warp);
  cg::thread_block_tile<1> one = cg::tiled_partition<1>(block);
  cg::thread_block_tile<8> eight = cg::tiled_partition<8>(half_warp);
  float f = in[r];
  int v = (int)f;
  r += (unsigned int)tile_ops(warp, v, f, 3ull, 1.0);
  r += (unsigned int)tile_ops(half_warp, v, f, 3ull, 1.0);
  r += (unsigned int)tile_ops(quad, v, f, 3ull, 1.0);
  r += (unsigned int)tile_ops(one, v, f, 3ull, 1.0);
  r += (unsigned int)reductions(warp, v, r, f, 2.0);
  r += (unsigned int)reductions(eight, v, r, f, 2.0);
  r += (unsigned int)reductions(one, v, r, f, 2.0);

  cg::coalesced_group active = cg::coalesced_threads();
  r += (unsigned int)tile_ops(active, v, f, 3ull, 1.0);
  r += (unsigned int)reductions(active, v, r, f, 2.0);

  cg::thread_group g16 = cg::tiled_partition(block, 16);
  cg::thread_group g64 = cg::tiled_partition(block, 64);
  cg::thread_group g4 = cg::tiled_partition(g16, 4);
  cg::thread_group from_tile = warp;
  cg::thread_group from_block = block;
  cg::thread_group from_active = active;
  cg::thread_group sub = cg::tiled_partition(warp, 8);
  g16.sync();
  g64.sync();
  cg::sync(g4);
  cg::sync(block);
  cg::sync(warp);
  r += g16.thread_rank() + g64.size() + g4.meta_group_rank() + g4.meta_group_size() +
       from_tile.num_threads() + from_block.thread_rank() + from_active.size() + sub.size();

  cg::grid_group grid = cg::this_grid();
  if (grid.is_valid()) grid.sync();
  unsigned long long gr = grid.thread_rank() + grid.size() + grid.num_threads() +
                          grid.block_rank() + grid.num_blocks();
  dim3 bi = grid.block_index();
  dim3 db = grid.dim_blocks();
  dim3 gdim = grid.group_dim();
  r += bi.x + db.y + gdim.z;

  out[r % 32u] = (int)r + (int)gr + (int)constants_use(f);
  dout[0] = (double)r;
}
