/*
 * cg_semantics_check.cpp — runs the device code of cooperative_groups.h
 * and cooperative_groups/reduce.h on the host, one OS thread per CUDA
 * thread, with a small warp emulator standing in for the builtins, and
 * checks ranks, masks, shuffles, ballots and reductions.
 *
 * The block has 44 threads: one full warp and a partial one of 12 lanes,
 * so partial-warp masks and the non-power-of-two coalesced_group reduction
 * are exercised.  The emulator assumes convergent code (every present lane
 * of a warp reaches every warp operation), which this test keeps to.
 *
 *   g++ -std=c++17 -O1 -pthread -D__CUDA_ARCH__=800 -I include/cuda \
 *       include/cuda/tests/cg_semantics_check.cpp -o /tmp/cg_check && /tmp/cg_check
 */
#include <pthread.h>
#include <cstdio>
#include <cstring>

#define __device__
#define __host__
#define __global__
#define __forceinline__ inline

struct uint3 { unsigned int x, y, z; };
struct dim3 {
  unsigned int x, y, z;
  dim3(unsigned int a = 1, unsigned int b = 1, unsigned int c = 1) : x(a), y(b), z(c) {}
};

enum { NTHREADS = 44 };
thread_local uint3 threadIdx;
uint3 blockIdx = {0, 0, 0};
dim3 blockDim(NTHREADS), gridDim(1);

static pthread_barrier_t block_bar, warp_bar[2];
static unsigned long long slots[2][32];

static unsigned int my_lane() { return threadIdx.x & 31u; }
static unsigned int my_warp() { return threadIdx.x >> 5; }
static unsigned int present() { return my_warp() == 0 ? 0xffffffffu : 0xfffu; }

template <typename T> static T exchange(T v, unsigned int src) {
  unsigned long long b = 0;
  std::memcpy(&b, &v, sizeof v);
  slots[my_warp()][my_lane()] = b;
  pthread_barrier_wait(&warp_bar[my_warp()]);
  unsigned long long r = slots[my_warp()][((present() >> src) & 1u) ? src : my_lane()];
  pthread_barrier_wait(&warp_bar[my_warp()]);
  T out;
  std::memcpy(&out, &r, sizeof out);
  return out;
}
static unsigned int gather_bits(int pred) {
  unsigned int bits = 0;
  for (unsigned int l = 0; l < 32; ++l)
    if (((present() >> l) & 1u) && exchange(pred, l)) bits |= 1u << l;
  return bits;
}

void __syncthreads() { pthread_barrier_wait(&block_bar); }
void __syncwarp(unsigned int = 0xffffffffu) { pthread_barrier_wait(&warp_bar[my_warp()]); }
void __cuwasm_grid_sync() { pthread_barrier_wait(&block_bar); }
int __popc(unsigned int x) { return __builtin_popcount(x); }
int __ffs(int x) { return __builtin_ffs(x); }
unsigned int __activemask() { return present(); }
unsigned int __lanemask_lt() { return (1u << my_lane()) - 1u; }
unsigned int __ballot_sync(unsigned int mask, int p) { return gather_bits(p) & mask; }
int __any_sync(unsigned int mask, int p) { return (gather_bits(p) & mask) != 0; }
int __all_sync(unsigned int mask, int p) { return (gather_bits(p) & mask) == (mask & present()); }
template <typename T> T __shfl_sync(unsigned int, T v, int src, int w = 32) {
  unsigned int base = my_lane() & ~(unsigned)(w - 1);
  return exchange(v, base + ((unsigned)src & (unsigned)(w - 1)));
}
template <typename T> T __shfl_down_sync(unsigned int, T v, unsigned int d, int w = 32) {
  unsigned int in = my_lane() & (unsigned)(w - 1);
  return exchange(v, in + d < (unsigned)w ? my_lane() + d : my_lane());
}
template <typename T> T __shfl_up_sync(unsigned int, T v, unsigned int d, int w = 32) {
  unsigned int in = my_lane() & (unsigned)(w - 1);
  return exchange(v, in >= d ? my_lane() - d : my_lane());
}
template <typename T> T __shfl_xor_sync(unsigned int, T v, int m, int w = 32) {
  unsigned int src = my_lane() ^ (unsigned)m;
  unsigned int end = (my_lane() & ~(unsigned)(w - 1)) + (unsigned)w;
  return exchange(v, src < end ? src : my_lane());
}
template <typename T> unsigned int __match_any_sync(unsigned int mask, T v) {
  unsigned int bits = 0;
  for (unsigned int l = 0; l < 32; ++l)
    if (((present() >> l) & 1u) && exchange(v, l) == v) bits |= 1u << l;
  return bits & mask;
}
template <typename T> unsigned int __match_all_sync(unsigned int mask, T v, int *pred) {
  unsigned int m = __match_any_sync(mask, v);
  *pred = (m == (mask & present()));
  return *pred ? mask : 0u;
}

#include <cooperative_groups.h>
#include <cooperative_groups/reduce.h>
namespace cg = cooperative_groups;

static int failures = 0;
static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
#define EXPECT(cond)                                                          \
  do {                                                                        \
    if (!(cond)) {                                                            \
      pthread_mutex_lock(&log_lock);                                          \
      if (failures++ < 20)                                                    \
        std::printf("thread %u: line %d: %s\n", threadIdx.x, __LINE__, #cond); \
      pthread_mutex_unlock(&log_lock);                                        \
    }                                                                         \
  } while (0)

static unsigned int range_sum(unsigned int lo, unsigned int hi) { /* lo..hi-1 */
  unsigned int s = 0;
  for (unsigned int i = lo; i < hi; ++i) s += i;
  return s;
}

static void kernel() {
  cg::thread_block b = cg::this_thread_block();
  unsigned int r = b.thread_rank();
  EXPECT(r == threadIdx.x && b.size() == NTHREADS && b.group_dim().x == NTHREADS);
  b.sync();

  /* tiles of 4: all eleven are full */
  cg::thread_block_tile<4> t4 = cg::tiled_partition<4>(b);
  EXPECT(t4.thread_rank() == r % 4 && t4.meta_group_rank() == r / 4 && t4.meta_group_size() == 11);
  EXPECT(cg::reduce(t4, r, cg::plus<unsigned int>()) == range_sum(r & ~3u, (r & ~3u) + 4));
  EXPECT(cg::reduce(t4, (int)r, cg::less<int>()) == (int)(r & ~3u));
  EXPECT(cg::reduce(t4, (int)r, cg::greater<int>()) == (int)((r & ~3u) + 3));
  EXPECT(t4.ballot(t4.thread_rank() & 1u) == 0xau);
  EXPECT(t4.shfl((float)r, 2u) == (float)((r & ~3u) + 2));
  EXPECT(t4.shfl_down(r, 1u) == (r % 4 == 3 ? r : r + 1));
  EXPECT(t4.shfl_up(r, 1u) == (r % 4 == 0 ? r : r - 1));
  EXPECT(t4.match_any(r / 2) == (0x3u << (t4.thread_rank() & 2u)));
  EXPECT(t4.any(t4.thread_rank() == 3) && !t4.all(t4.thread_rank() == 3));
  t4.sync();

  /* full warp 0 as a tile of 32 */
  cg::thread_block_tile<32> w = cg::tiled_partition<32>(b);
  unsigned long long wr = cg::reduce(w, (unsigned long long)r, cg::plus<unsigned long long>());
  double dm = cg::reduce(w, (double)r, cg::greater<double>());
  unsigned int bx = cg::reduce(w, 1u << (r & 31u), cg::bit_or<unsigned int>());
  if (r < 32) EXPECT(wr == range_sum(0, 32) && dm == 31.0 && bx == 0xffffffffu);

  /* sub-tiles of a tile */
  cg::thread_block_tile<16> t16 = cg::tiled_partition<16>(b);
  cg::thread_block_tile<4> t16_4 = cg::tiled_partition<4>(t16);
  EXPECT(t16_4.thread_rank() == r % 4 && t16_4.meta_group_rank() == (r % 16) / 4 &&
         t16_4.meta_group_size() == 4);
  if (r < 32) EXPECT(t16.shfl(r, 3u) == (r & ~15u) + 3 && t16.ballot(1) == 0xffffu);

  /* dynamic partitions */
  cg::thread_group g8 = cg::tiled_partition(b, 8);
  EXPECT(g8.thread_rank() == r % 8 && g8.size() == 8 && g8.meta_group_rank() == r / 8 &&
         g8.meta_group_size() == 6);
  cg::thread_group g8_2 = cg::tiled_partition(g8, 2);
  EXPECT(g8_2.thread_rank() == r % 2 && g8_2.meta_group_rank() == (r % 8) / 2 &&
         g8_2.meta_group_size() == 4);
  g8.sync();
  cg::thread_group g64 = cg::tiled_partition(b, 64);
  EXPECT(g64.thread_rank() == r && g64.meta_group_size() == 1);
  g64.sync();
  cg::thread_group from_tile = t4;
  EXPECT(from_tile.size() == 4 && from_tile.thread_rank() == r % 4);

  /* coalesced groups: warp 0 has 32 threads, warp 1 has 12 */
  cg::coalesced_group a = cg::coalesced_threads();
  unsigned int n = r < 32 ? 32u : 12u, base = r < 32 ? 0u : 32u;
  EXPECT(a.size() == n && a.thread_rank() == r - base);
  EXPECT(cg::reduce(a, r, cg::plus<unsigned int>()) == range_sum(base, base + n));
  EXPECT(cg::reduce(a, (int)r, cg::less<int>()) == (int)base);
  EXPECT(a.shfl(r, 5u) == base + 5);
  EXPECT(a.shfl_down(r, 1u) == (r - base + 1 < n ? r + 1 : r));
  EXPECT(a.ballot(a.thread_rank() < 3) == 0x7u);
  a.sync();

  /* the grid: one block */
  cg::grid_group g = cg::this_grid();
  EXPECT(g.is_valid() && g.thread_rank() == r && g.size() == NTHREADS && g.num_blocks() == 1);
  g.sync();
}

static void *thread_main(void *arg) {
  threadIdx.x = (unsigned int)(unsigned long)arg;
  threadIdx.y = threadIdx.z = 0;
  kernel();
  return nullptr;
}

int main() {
  pthread_barrier_init(&block_bar, nullptr, NTHREADS);
  pthread_barrier_init(&warp_bar[0], nullptr, 32);
  pthread_barrier_init(&warp_bar[1], nullptr, NTHREADS - 32);
  pthread_t th[NTHREADS];
  for (unsigned long i = 0; i < NTHREADS; ++i)
    pthread_create(&th[i], nullptr, thread_main, (void *)i);
  for (int i = 0; i < NTHREADS; ++i) pthread_join(th[i], nullptr);
  std::printf("%s (%d failures)\n", failures ? "FAIL" : "ok", failures);
  return failures != 0;
}
