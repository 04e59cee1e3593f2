/*
 * <cub/block/block_store.cuh> — CUB's BlockStore (cuwasm): a block writes
 * a tile held in a blocked arrangement (thread t holds items
 * t*ITEMS_PER_THREAD ... +ITEMS_PER_THREAD-1).  As with BlockLoad, every
 * algorithm stores directly (the algorithms differ only in the order of the
 * writes on a GPU), and TempStorage is a token member.
 *
 * Host pass: the algorithm names only.
 */
#ifndef CUWASM_CUB_BLOCK_STORE_CUH
#define CUWASM_CUB_BLOCK_STORE_CUH

#include "../util_cub.cuh"

namespace cub {

enum BlockStoreAlgorithm {
  BLOCK_STORE_DIRECT,
  BLOCK_STORE_STRIPED,
  BLOCK_STORE_VECTORIZE,
  BLOCK_STORE_TRANSPOSE,
  BLOCK_STORE_WARP_TRANSPOSE,
  BLOCK_STORE_WARP_TRANSPOSE_TIMESLICED
};

#if defined(__CUDA_ARCH__)

template <typename T, int ITEMS_PER_THREAD>
__device__ __forceinline__ void StoreDirectBlocked(int linear_tid, T *block_ptr,
                                                   T (&items)[ITEMS_PER_THREAD]) {
  for (int i = 0; i < ITEMS_PER_THREAD; i++) block_ptr[linear_tid * ITEMS_PER_THREAD + i] = items[i];
}

template <typename T, int ITEMS_PER_THREAD>
__device__ __forceinline__ void StoreDirectBlocked(int linear_tid, T *block_ptr,
                                                   T (&items)[ITEMS_PER_THREAD], int valid_items) {
  for (int i = 0; i < ITEMS_PER_THREAD; i++)
    if (linear_tid * ITEMS_PER_THREAD + i < valid_items)
      block_ptr[linear_tid * ITEMS_PER_THREAD + i] = items[i];
}

template <typename T, int BLOCK_DIM_X, int ITEMS_PER_THREAD,
          BlockStoreAlgorithm ALGORITHM = BLOCK_STORE_DIRECT, int BLOCK_DIM_Y = 1, int BLOCK_DIM_Z = 1>
class BlockStore {
public:
  struct TempStorage {
    int __cw_token; /* no storage needed: the stores are direct */
  };

  int __cw_tid;

  __device__ __forceinline__ BlockStore() { __cw_tid = __cw_cub::linear_tid(); }
  __device__ __forceinline__ BlockStore(TempStorage &storage) { __cw_tid = __cw_cub::linear_tid(); }

  __device__ __forceinline__ void Store(T *block_ptr, T (&items)[ITEMS_PER_THREAD]) {
    StoreDirectBlocked(__cw_tid, block_ptr, items);
  }
  __device__ __forceinline__ void Store(T *block_ptr, T (&items)[ITEMS_PER_THREAD],
                                        int valid_items) {
    StoreDirectBlocked(__cw_tid, block_ptr, items, valid_items);
  }
};

#endif

} /* namespace cub */

#endif
