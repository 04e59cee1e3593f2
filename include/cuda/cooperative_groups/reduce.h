/*
 * cooperative_groups/reduce.h — cg::reduce and its operators (cuwasm).
 *
 *   int sum = cg::reduce(tile, v, cg::plus<int>());
 *
 * Every thread of the group receives the result, as in CUDA.  The operator
 * must be associative and commutative; the functors below are.
 *
 * Algorithm: for a group whose size is a power of two (every tile) a
 * shfl_xor butterfly: at each step a thread combines its value with that of
 * the rank differing in one bit, so after log2(size) steps all ranks hold
 * the full result, and for a commutative operator the same bits.  A
 * coalesced group can have any size; for it the reduction folds towards
 * rank 0 with shfl_down (a partner past the end is skipped) and broadcasts
 * rank 0's value, in as many steps as a warp needs (5), whatever the
 * group's size: a shuffle past the group's end returns the thread's own
 * value and its step is skipped.  So every lane of the warp, in whichever
 * partition, reaches the same shuffles, which targets that emulate a warp's
 * shuffles with block barriers (WGSL) need; a tile's size is a constant,
 * so its branch is the same for all its threads.
 *
 * The group type must offer size(), thread_rank(), shfl, shfl_down and
 * shfl_xor: thread_block_tile<N> and coalesced_group do.  A thread_block
 * or thread_group does not, as in CUDA, and is rejected at instantiation.
 *
 * less<T> and greater<T> return the smaller / larger operand (they are the
 * min / max reduction operators, not comparisons), as CUDA defines them.
 */
#ifndef CUWASM_COOPERATIVE_GROUPS_REDUCE_H
#define CUWASM_COOPERATIVE_GROUPS_REDUCE_H

#include <cooperative_groups.h>

#if defined(__CUDA_ARCH__)

namespace cooperative_groups {

template <typename T>
struct plus {
  __device__ __forceinline__ T operator()(T a, T b) const { return a + b; }
};

template <typename T>
struct less {
  __device__ __forceinline__ T operator()(T a, T b) const { return b < a ? b : a; }
};

template <typename T>
struct greater {
  __device__ __forceinline__ T operator()(T a, T b) const { return a < b ? b : a; }
};

template <typename T>
struct bit_and {
  __device__ __forceinline__ T operator()(T a, T b) const { return a & b; }
};

template <typename T>
struct bit_or {
  __device__ __forceinline__ T operator()(T a, T b) const { return a | b; }
};

template <typename T>
struct bit_xor {
  __device__ __forceinline__ T operator()(T a, T b) const { return a ^ b; }
};

template <typename TyGroup, typename TyVal, typename TyOp>
__device__ __forceinline__ TyVal reduce(const TyGroup &g, TyVal val, TyOp op) {
  unsigned int n = g.size();
  if ((n & (n - 1u)) == 0u) {
    for (unsigned int m = n >> 1; m > 0u; m >>= 1)
      val = op(val, g.shfl_xor(val, m));
    return val;
  }
  unsigned int r = g.thread_rank();
  for (unsigned int d = 1u; d < n; d <<= 1) {
    TyVal other = g.shfl_down(val, d);
    if (r + d < n) val = op(val, other);
  }
  return g.shfl(val, 0u);
}

/* coalesced groups (any size, partitions of one warp side by side) */
template <typename TyVal, typename TyOp>
__device__ __forceinline__ TyVal reduce(const coalesced_group &g, TyVal val, TyOp op) {
  unsigned int n = g.size(), r = g.thread_rank();
  for (unsigned int d = 1u; d < 32u; d <<= 1) {
    TyVal other = g.shfl_down(val, d);
    if (r + d < n) val = op(val, other);
  }
  return g.shfl(val, 0u);
}

} /* namespace cooperative_groups */

#endif /* __CUDA_ARCH__ */

#endif /* CUWASM_COOPERATIVE_GROUPS_REDUCE_H */
