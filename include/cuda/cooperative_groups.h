/*
 * cooperative_groups.h — CUDA cooperative groups (cuwasm).
 *
 * Users write `namespace cg = cooperative_groups;` and then
 *   cg::thread_block b = cg::this_thread_block();
 *   cg::thread_block_tile<32> w = cg::tiled_partition<32>(b);
 *   cg::thread_group t = cg::tiled_partition(b, 16);
 *   cg::coalesced_group a = cg::coalesced_threads();
 *   cg::coalesced_group odd = cg::binary_partition(w, x & 1);
 *   cg::grid_group g = cg::this_grid();
 * and, from <cooperative_groups/reduce.h>, cg::reduce(w, v, cg::plus<int>()).
 *
 * The device section is ordinary device code over builtins sema already
 * knows (threadIdx/blockDim/..., __syncthreads, __syncwarp, the __*_sync
 * warp functions, __popc, __ffs, __lanemask_lt, __activemask,
 * __cuwasm_grid_sync), written in the C++ subset our front end parses:
 * namespaces, classes whose member functions are defined in the class body,
 * constructors that assign in their body, const member functions, member
 * function templates, function and class templates with type and non-type
 * parameters, references.  There is no inheritance, partial specialisation,
 * default template argument or static member function: CUDA's group
 * hierarchy is flattened, so each group class carries its own copy of the
 * few members it shares with the others, and conversions to thread_group are
 * converting constructors.
 *
 * How groups map onto warps.  Warps are formed from the linear thread index
 * in the block, 32 at a time, so a tile of Size threads (a power of two up
 * to 32) never straddles a warp; its lanes are a contiguous, Size-aligned
 * run inside the warp.  A tile keeps that lane mask, and every warp
 * operation passes it, with width = Size for shuffles, which makes the
 * source lanes wrap inside the tile exactly as on a GPU.  Lanes past the end
 * of a partial last warp (block size not a multiple of 32) are removed from
 * the mask, so no operation waits for a thread that does not exist.
 *
 * Every group object holds at least one data member: empty structs cannot
 * be expressed in C or WGSL, which our back ends emit.
 *
 * Host pass: only the (empty) namespace, so that `namespace cg =
 * cooperative_groups;` and `using namespace cooperative_groups;` compile
 * in host code; all group operations are device code.
 */
#ifndef CUWASM_COOPERATIVE_GROUPS_H
#define CUWASM_COOPERATIVE_GROUPS_H
#define _COOPERATIVE_GROUPS_H_ /* NVIDIA's guard: programs test it (helper_cuda.h) */

#include "cuda_runtime.h"

#if defined(__CUDA_ARCH__)

namespace cooperative_groups {

namespace __cw_detail {

/* linear index of the calling thread in its block (x fastest) */
__device__ __forceinline__ unsigned int block_rank() {
  return (threadIdx.z * blockDim.y + threadIdx.y) * blockDim.x + threadIdx.x;
}

__device__ __forceinline__ unsigned int block_size() {
  return blockDim.x * blockDim.y * blockDim.z;
}

__device__ __forceinline__ unsigned int lane_id() { return block_rank() & 31u; }

/* lanes of the calling thread's warp that hold a thread of the block */
__device__ __forceinline__ unsigned int warp_lanes_present() {
  unsigned int warp_base = block_rank() & ~31u;
  unsigned int n = block_size() - warp_base;
  return n >= 32u ? 0xffffffffu : ((1u << n) - 1u);
}

/* mask of `size` (1..32) consecutive lanes starting at lane `base` */
__device__ __forceinline__ unsigned int lane_run(unsigned int base, unsigned int size) {
  return (0xffffffffu >> (32u - size)) << base;
}

/* keep the bits of `bits` at the lanes in `mask`, packed to the low end in
 * lane order: bit k of the result belongs to the group's rank k */
__device__ __forceinline__ unsigned int pack_lanes(unsigned int mask, unsigned int bits) {
  unsigned int out = 0u;
  unsigned int k = 0u;
  for (unsigned int lane = 0u; lane < 32u; ++lane) {
    if ((mask >> lane) & 1u) {
      if ((bits >> lane) & 1u) out |= 1u << k;
      ++k;
    }
  }
  return out;
}

/* the lane holding rank `rank` of the lanes in `mask` */
__device__ __forceinline__ int lane_of_rank(unsigned int mask, unsigned int rank) {
  unsigned int m = mask;
  for (unsigned int i = 0u; i < rank; ++i) m &= m - 1u; /* drop the lowest lane */
  return __ffs((int)m) - 1;
}

} /* namespace __cw_detail */

/* ---- thread_block ------------------------------------------------- */

class thread_block {
public:
  unsigned int __cw_unused;

  __device__ __forceinline__ thread_block() { __cw_unused = 0u; }

  __device__ __forceinline__ void sync() const { __syncthreads(); }
  __device__ __forceinline__ unsigned int thread_rank() const {
    return __cw_detail::block_rank();
  }
  __device__ __forceinline__ unsigned int num_threads() const {
    return __cw_detail::block_size();
  }
  __device__ __forceinline__ unsigned int size() const { return __cw_detail::block_size(); }
  __device__ __forceinline__ dim3 group_index() const {
    return dim3(blockIdx.x, blockIdx.y, blockIdx.z);
  }
  __device__ __forceinline__ dim3 thread_index() const {
    return dim3(threadIdx.x, threadIdx.y, threadIdx.z);
  }
  __device__ __forceinline__ dim3 dim_threads() const {
    return dim3(blockDim.x, blockDim.y, blockDim.z);
  }
  __device__ __forceinline__ dim3 group_dim() const {
    return dim3(blockDim.x, blockDim.y, blockDim.z);
  }
};

__device__ __forceinline__ thread_block this_thread_block() {
  thread_block b;
  return b;
}

/* ---- thread_block_tile<Size> -------------------------------------- */

template <unsigned int Size>
class thread_block_tile {
public:
  unsigned int __cw_mask;      /* this tile's lanes in the warp */
  unsigned int __cw_meta_rank; /* index of this tile in its parent */
  unsigned int __cw_meta_size; /* number of tiles in the parent */

  __device__ __forceinline__ thread_block_tile(unsigned int meta_rank, unsigned int meta_size) {
    unsigned int base = __cw_detail::lane_id() & ~(Size - 1u);
    __cw_mask = __cw_detail::lane_run(base, Size) & __cw_detail::warp_lanes_present();
    __cw_meta_rank = meta_rank;
    __cw_meta_size = meta_size;
  }

  /* first lane of the tile inside the warp */
  __device__ __forceinline__ unsigned int __cw_base() const {
    return __cw_detail::lane_id() & ~(Size - 1u);
  }

  __device__ __forceinline__ void sync() const { __syncwarp(__cw_mask); }
  __device__ __forceinline__ unsigned int thread_rank() const {
    return __cw_detail::lane_id() & (Size - 1u);
  }
  __device__ __forceinline__ unsigned int num_threads() const { return Size; }
  __device__ __forceinline__ unsigned int size() const { return Size; }
  __device__ __forceinline__ unsigned int meta_group_rank() const { return __cw_meta_rank; }
  __device__ __forceinline__ unsigned int meta_group_size() const { return __cw_meta_size; }

  template <typename T>
  __device__ __forceinline__ T shfl(T var, unsigned int src_rank) const {
    return __shfl_sync(__cw_mask, var, (int)src_rank, (int)Size);
  }
  template <typename T>
  __device__ __forceinline__ T shfl_down(T var, unsigned int delta) const {
    return __shfl_down_sync(__cw_mask, var, delta, (int)Size);
  }
  template <typename T>
  __device__ __forceinline__ T shfl_up(T var, unsigned int delta) const {
    return __shfl_up_sync(__cw_mask, var, delta, (int)Size);
  }
  template <typename T>
  __device__ __forceinline__ T shfl_xor(T var, unsigned int lane_mask) const {
    return __shfl_xor_sync(__cw_mask, var, (int)lane_mask, (int)Size);
  }

  __device__ __forceinline__ int any(int predicate) const {
    return __any_sync(__cw_mask, predicate);
  }
  __device__ __forceinline__ int all(int predicate) const {
    return __all_sync(__cw_mask, predicate);
  }
  /* bit k of the result is the predicate of the tile's rank k */
  __device__ __forceinline__ unsigned int ballot(int predicate) const {
    return __ballot_sync(__cw_mask, predicate) >> __cw_base();
  }
  template <typename T>
  __device__ __forceinline__ unsigned int match_any(T value) const {
    return __match_any_sync(__cw_mask, value) >> __cw_base();
  }
  template <typename T>
  __device__ __forceinline__ unsigned int match_all(T value, int &pred) const {
    return __match_all_sync(__cw_mask, value, &pred) >> __cw_base();
  }
};

/* Tiles of a block: tile k holds the threads of linear ranks
 * [k*Size, (k+1)*Size).  Size must be a power of two no larger than 32. */
template <unsigned int Size>
__device__ __forceinline__ thread_block_tile<Size> tiled_partition(const thread_block &parent) {
  unsigned int rank = parent.thread_rank();
  unsigned int n = parent.size();
  thread_block_tile<Size> t(rank / Size, (n + Size - 1u) / Size);
  return t;
}

/* Sub-tiles of a tile: tiled_partition<16>(tile32). */
template <unsigned int Size, unsigned int ParentSize>
__device__ __forceinline__ thread_block_tile<Size> tiled_partition(
    const thread_block_tile<ParentSize> &parent) {
  thread_block_tile<Size> t(parent.thread_rank() / Size, ParentSize / Size);
  return t;
}

/* ---- coalesced_group ---------------------------------------------- */

/* The threads of a warp that are active together at the point where the
 * group was made (coalesced_threads()).  Ranks follow lane order.  Lanes
 * need not be contiguous, so shuffles translate ranks to lanes. */
class coalesced_group {
public:
  unsigned int __cw_mask;

  __device__ __forceinline__ coalesced_group(unsigned int mask) { __cw_mask = mask; }

  __device__ __forceinline__ void sync() const { __syncwarp(__cw_mask); }
  __device__ __forceinline__ unsigned int thread_rank() const {
    return (unsigned int)__popc(__cw_mask & __lanemask_lt());
  }
  __device__ __forceinline__ unsigned int num_threads() const {
    return (unsigned int)__popc(__cw_mask);
  }
  __device__ __forceinline__ unsigned int size() const {
    return (unsigned int)__popc(__cw_mask);
  }
  __device__ __forceinline__ unsigned int meta_group_rank() const { return 0u; }
  __device__ __forceinline__ unsigned int meta_group_size() const { return 1u; }

  template <typename T>
  __device__ __forceinline__ T shfl(T var, unsigned int src_rank) const {
    return __shfl_sync(__cw_mask, var, __cw_detail::lane_of_rank(__cw_mask, src_rank));
  }
  /* past the last rank a thread keeps its own value, as CUDA specifies */
  template <typename T>
  __device__ __forceinline__ T shfl_down(T var, unsigned int delta) const {
    unsigned int r = thread_rank() + delta;
    if (r >= size()) r = thread_rank();
    return __shfl_sync(__cw_mask, var, __cw_detail::lane_of_rank(__cw_mask, r));
  }
  template <typename T>
  __device__ __forceinline__ T shfl_up(T var, unsigned int delta) const {
    unsigned int me = thread_rank();
    unsigned int r = me >= delta ? me - delta : me;
    return __shfl_sync(__cw_mask, var, __cw_detail::lane_of_rank(__cw_mask, r));
  }
  /* cuwasm extension (CUDA's coalesced_group has no shfl_xor): lets the
   * generic cg::reduce butterfly run on a coalesced group; a partner rank
   * past the end yields the caller's own value. */
  template <typename T>
  __device__ __forceinline__ T shfl_xor(T var, unsigned int lane_mask) const {
    unsigned int r = thread_rank() ^ lane_mask;
    if (r >= size()) r = thread_rank();
    return __shfl_sync(__cw_mask, var, __cw_detail::lane_of_rank(__cw_mask, r));
  }

  __device__ __forceinline__ int any(int predicate) const {
    return __any_sync(__cw_mask, predicate);
  }
  __device__ __forceinline__ int all(int predicate) const {
    return __all_sync(__cw_mask, predicate);
  }
  __device__ __forceinline__ unsigned int ballot(int predicate) const {
    return __cw_detail::pack_lanes(__cw_mask, __ballot_sync(__cw_mask, predicate));
  }
  template <typename T>
  __device__ __forceinline__ unsigned int match_any(T value) const {
    return __cw_detail::pack_lanes(__cw_mask, __match_any_sync(__cw_mask, value));
  }
  template <typename T>
  __device__ __forceinline__ unsigned int match_all(T value, int &pred) const {
    return __cw_detail::pack_lanes(__cw_mask, __match_all_sync(__cw_mask, value, &pred));
  }
};

__device__ __forceinline__ coalesced_group coalesced_threads() {
  coalesced_group g(__activemask());
  return g;
}

/* ---- thread_group (dynamically sized) ----------------------------- */

/* A group whose size is known only at run time: a whole block, or a tile
 * made by tiled_partition(parent, tile_size).  A group that fits in a warp
 * synchronises with __syncwarp on its lanes; a larger one with
 * __syncthreads(), which every thread of the block must then reach, as is
 * the case when all tiles of a partition synchronise together.
 * The calling thread's rank is computed, not stored: tiles are runs of
 * consecutive ranks of the block, so a tile's rank is the block rank modulo
 * its size, and within a warp (also for a coalesced group) the number of
 * the group's lanes below the caller's.  So a group made from the whole
 * block holds only values every thread shares, and targets that need
 * barriers in uniform control flow (WGSL) accept `for (i = g.size() / 2;
 * …) { …; g.sync(); }`. */
class thread_group {
public:
  unsigned int __cw_size;      /* threads in the group */
  unsigned int __cw_mask;      /* warp lanes of the group, 0 when wider than a warp */
  unsigned int __cw_meta_rank; /* index of the group in its parent */
  unsigned int __cw_meta_size; /* number of groups in the parent */

  __device__ __forceinline__ thread_group(unsigned int size, unsigned int mask,
                                          unsigned int meta_rank, unsigned int meta_size) {
    __cw_size = size;
    __cw_mask = mask;
    __cw_meta_rank = meta_rank;
    __cw_meta_size = meta_size;
  }

  __device__ __forceinline__ thread_group(const thread_block &b) {
    __cw_size = b.size();
    __cw_mask = 0u;
    __cw_meta_rank = 0u;
    __cw_meta_size = 1u;
  }

  template <unsigned int Size>
  __device__ __forceinline__ thread_group(const thread_block_tile<Size> &t) {
    __cw_size = Size;
    __cw_mask = t.__cw_mask;
    __cw_meta_rank = t.meta_group_rank();
    __cw_meta_size = t.meta_group_size();
  }

  __device__ __forceinline__ thread_group(const coalesced_group &c) {
    __cw_size = c.size();
    __cw_mask = c.__cw_mask;
    __cw_meta_rank = 0u;
    __cw_meta_size = 1u;
  }

  __device__ __forceinline__ void sync() const {
    if (__cw_mask != 0u)
      __syncwarp(__cw_mask);
    else
      __syncthreads();
  }
  __device__ __forceinline__ unsigned int thread_rank() const {
    if (__cw_mask != 0u) return (unsigned int)__popc(__cw_mask & __lanemask_lt());
    return __cw_detail::block_rank() % __cw_size;
  }
  __device__ __forceinline__ unsigned int num_threads() const { return __cw_size; }
  __device__ __forceinline__ unsigned int size() const { return __cw_size; }
  __device__ __forceinline__ unsigned int meta_group_rank() const { return __cw_meta_rank; }
  __device__ __forceinline__ unsigned int meta_group_size() const { return __cw_meta_size; }
};

/* Tiles of tile_size threads (a power of two) made from consecutive ranks
 * of the parent, which must itself be a block or a tile of one. */
__device__ __forceinline__ thread_group tiled_partition(const thread_group &parent,
                                                        unsigned int tile_size) {
  unsigned int ts = tile_size == 0u ? 1u : tile_size;
  unsigned int prank = parent.thread_rank();
  unsigned int rank = prank % ts;
  unsigned int mask = 0u;
  if (ts <= 32u) {
    unsigned int base = __cw_detail::lane_id() - rank;
    mask = __cw_detail::lane_run(base, ts) & __cw_detail::warp_lanes_present();
  }
  thread_group g(ts, mask, prank / ts, (parent.size() + ts - 1u) / ts);
  return g;
}

__device__ __forceinline__ thread_group tiled_partition(const thread_block &parent,
                                                        unsigned int tile_size) {
  return tiled_partition(thread_group(parent), tile_size);
}

/* ---- grid_group --------------------------------------------------- */

/* All threads of the launch.  sync() is a grid-wide barrier, valid when
 * the kernel was launched with cudaLaunchCooperativeKernel, as in CUDA; the
 * runtime checks that all blocks can be resident. */
class grid_group {
public:
  unsigned int __cw_unused;

  __device__ __forceinline__ grid_group() { __cw_unused = 0u; }

  __device__ __forceinline__ bool is_valid() const { return true; }
  __device__ __forceinline__ void sync() const { __cuwasm_grid_sync(); }
  __device__ __forceinline__ unsigned long long block_rank() const {
    return ((unsigned long long)blockIdx.z * gridDim.y + blockIdx.y) * gridDim.x + blockIdx.x;
  }
  __device__ __forceinline__ unsigned long long num_blocks() const {
    return (unsigned long long)gridDim.x * gridDim.y * gridDim.z;
  }
  __device__ __forceinline__ unsigned long long thread_rank() const {
    return block_rank() * __cw_detail::block_size() + __cw_detail::block_rank();
  }
  __device__ __forceinline__ unsigned long long num_threads() const {
    return num_blocks() * __cw_detail::block_size();
  }
  __device__ __forceinline__ unsigned long long size() const { return num_threads(); }
  __device__ __forceinline__ dim3 block_index() const {
    return dim3(blockIdx.x, blockIdx.y, blockIdx.z);
  }
  __device__ __forceinline__ dim3 dim_blocks() const {
    return dim3(gridDim.x, gridDim.y, gridDim.z);
  }
  __device__ __forceinline__ dim3 group_dim() const {
    return dim3(gridDim.x, gridDim.y, gridDim.z);
  }
};

__device__ __forceinline__ grid_group this_grid() {
  grid_group g;
  return g;
}

/* ---- binary_partition, labeled_partition --------------------------- */

/* The lanes of a tile (or coalesced group) split by a predicate or a
 * label: each thread gets the coalesced group of the lanes that share its
 * value, as CUDA's cg::binary_partition / cg::labeled_partition. */
template <typename ParentT> /* thread_block_tile<N> or coalesced_group */
__device__ __forceinline__ coalesced_group binary_partition(const ParentT &parent, bool pred) {
  unsigned int yes = __ballot_sync(parent.__cw_mask, pred);
  return coalesced_group(pred ? yes : parent.__cw_mask & ~yes);
}
template <typename ParentT, typename Label>
__device__ __forceinline__ coalesced_group labeled_partition(const ParentT &parent, Label label) {
  return coalesced_group(__match_any_sync(parent.__cw_mask, label));
}

/* ---- free functions ------------------------------------------------ */

template <typename TyGroup>
__device__ __forceinline__ void sync(const TyGroup &g) {
  g.sync();
}

} /* namespace cooperative_groups */

#else /* host pass */

namespace cooperative_groups {}

#endif /* __CUDA_ARCH__ */

#endif /* CUWASM_COOPERATIVE_GROUPS_H */
