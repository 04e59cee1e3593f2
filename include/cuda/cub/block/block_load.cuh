/*
 * <cub/block/block_load.cuh> — CUB's BlockLoad (cuwasm): a block reads a
 * tile of BLOCK_THREADS * ITEMS_PER_THREAD items into a blocked
 * arrangement (thread t holds items t*ITEMS_PER_THREAD ... +ITEMS_PER_THREAD-1).
 *
 * CUB's algorithms (direct, striped, vectorised, warp- or block-transposed)
 * differ only in how the reads are ordered for a GPU's memory system; the
 * items each thread ends with are the same.  Here every algorithm reads
 * directly, the order our backends prefer, and TempStorage is a token
 * member so that programs can still declare it in shared memory and union
 * it with the other primitives' storage.
 *
 * Host pass: the algorithm names only (kernels that take them as template
 * parameters are declared in host code).
 */
#ifndef CUWASM_CUB_BLOCK_LOAD_CUH
#define CUWASM_CUB_BLOCK_LOAD_CUH

#include "../util_cub.cuh"

namespace cub {

enum BlockLoadAlgorithm {
  BLOCK_LOAD_DIRECT,
  BLOCK_LOAD_STRIPED,
  BLOCK_LOAD_VECTORIZE,
  BLOCK_LOAD_TRANSPOSE,
  BLOCK_LOAD_WARP_TRANSPOSE,
  BLOCK_LOAD_WARP_TRANSPOSE_TIMESLICED
};

#if defined(__CUDA_ARCH__)

/* blocked arrangement from a pointer, for every thread of the block */
template <typename T, int ITEMS_PER_THREAD>
__device__ __forceinline__ void LoadDirectBlocked(int linear_tid, const T *block_ptr,
                                                  T (&items)[ITEMS_PER_THREAD]) {
  for (int i = 0; i < ITEMS_PER_THREAD; i++) items[i] = block_ptr[linear_tid * ITEMS_PER_THREAD + i];
}

template <typename T, int ITEMS_PER_THREAD>
__device__ __forceinline__ void LoadDirectBlocked(int linear_tid, const T *block_ptr,
                                                  T (&items)[ITEMS_PER_THREAD], int valid_items) {
  for (int i = 0; i < ITEMS_PER_THREAD; i++)
    if (linear_tid * ITEMS_PER_THREAD + i < valid_items)
      items[i] = block_ptr[linear_tid * ITEMS_PER_THREAD + i];
}

template <typename T, int BLOCK_DIM_X, int ITEMS_PER_THREAD,
          BlockLoadAlgorithm ALGORITHM = BLOCK_LOAD_DIRECT, int BLOCK_DIM_Y = 1, int BLOCK_DIM_Z = 1>
class BlockLoad {
public:
  struct TempStorage {
    int __cw_token; /* no storage needed: the loads are direct */
  };

  int __cw_tid;

  __device__ __forceinline__ BlockLoad() { __cw_tid = __cw_cub::linear_tid(); }
  __device__ __forceinline__ BlockLoad(TempStorage &storage) { __cw_tid = __cw_cub::linear_tid(); }

  __device__ __forceinline__ void Load(const T *block_ptr, T (&items)[ITEMS_PER_THREAD]) {
    LoadDirectBlocked(__cw_tid, block_ptr, items);
  }
  __device__ __forceinline__ void Load(const T *block_ptr, T (&items)[ITEMS_PER_THREAD],
                                       int valid_items) {
    LoadDirectBlocked(__cw_tid, block_ptr, items, valid_items);
  }
  __device__ __forceinline__ void Load(const T *block_ptr, T (&items)[ITEMS_PER_THREAD],
                                       int valid_items, T oob_default) {
    for (int i = 0; i < ITEMS_PER_THREAD; i++) items[i] = oob_default;
    LoadDirectBlocked(__cw_tid, block_ptr, items, valid_items);
  }
};

#endif

} /* namespace cub */

#endif
