/*
 * <cub/block/block_scan.cuh> — CUB's BlockScan (cuwasm): prefix scans
 * across a thread block, of one item or an array of items per thread
 * (blocked arrangement), with a sum or any associative operator, exclusive
 * (with an initial value) or inclusive, optionally returning the block's
 * aggregate.
 *
 * One method serves every algorithm CUB names (raking, memoized raking,
 * warp scans; the choice is about a GPU's cost, not the result): each
 * thread reduces its own items, the threads' totals are scanned in shared
 * memory by doubling steps (log2(threads) rounds, each read then written
 * between block barriers), and each thread then scans its items from its
 * exclusive prefix.  Every thread of the block must call a scan, as in CUB;
 * a barrier at the end makes the storage free for reuse.  Results are the
 * same as CUB's for associative operators; floating-point sums may differ
 * in the last bits, as they do between CUB's own algorithms.
 *
 * Host pass: the algorithm names only.
 */
#ifndef CUWASM_CUB_BLOCK_SCAN_CUH
#define CUWASM_CUB_BLOCK_SCAN_CUH

#include "../util_cub.cuh"

namespace cub {

enum BlockScanAlgorithm { BLOCK_SCAN_RAKING, BLOCK_SCAN_RAKING_MEMOIZE, BLOCK_SCAN_WARP_SCANS };

#if defined(__CUDA_ARCH__)

template <typename T, int BLOCK_DIM_X, BlockScanAlgorithm ALGORITHM = BLOCK_SCAN_RAKING,
          int BLOCK_DIM_Y = 1, int BLOCK_DIM_Z = 1>
class BlockScan {
public:
  struct TempStorage {
    T __cw_totals[BLOCK_DIM_X * BLOCK_DIM_Y * BLOCK_DIM_Z]; /* inclusive prefix of each thread */
  };

  TempStorage *__cw_s;
  int __cw_tid;

  __device__ __forceinline__ BlockScan(TempStorage &storage) {
    __cw_s = &storage;
    __cw_tid = __cw_cub::linear_tid();
  }

  /* Scans the threads' values: returns this thread's inclusive prefix;
   * prev = the previous thread's (thread 0: untouched), total = the block's. */
  template <typename ScanOp>
  __device__ T __cw_scan_threads(T value, ScanOp op, T &prev, T &total) {
    const int n = BLOCK_DIM_X * BLOCK_DIM_Y * BLOCK_DIM_Z;
    T *part = __cw_s->__cw_totals;
    part[__cw_tid] = value;
    __syncthreads();
    for (int off = 1; off < n; off *= 2) {
      T left = value;
      if (__cw_tid >= off) left = part[__cw_tid - off];
      __syncthreads();
      if (__cw_tid >= off) {
        value = op(left, value);
        part[__cw_tid] = value;
      }
      __syncthreads();
    }
    if (__cw_tid > 0) prev = part[__cw_tid - 1];
    total = part[n - 1];
    __syncthreads(); /* the storage may be reused after the call */
    return value;
  }

  /* ---- exclusive, with an initial value ---- */
  template <int ITEMS, typename ScanOp>
  __device__ void ExclusiveScan(T (&input)[ITEMS], T (&output)[ITEMS], T initial_value,
                                ScanOp scan_op, T &block_aggregate) {
    T mine = input[0];
    for (int i = 1; i < ITEMS; i++) mine = scan_op(mine, input[i]);
    T prev = initial_value;
    __cw_scan_threads(mine, scan_op, prev, block_aggregate);
    T running = initial_value;
    if (__cw_tid > 0) running = scan_op(initial_value, prev);
    for (int i = 0; i < ITEMS; i++) {
      T x = input[i];
      output[i] = running;
      running = scan_op(running, x);
    }
  }
  template <int ITEMS, typename ScanOp>
  __device__ void ExclusiveScan(T (&input)[ITEMS], T (&output)[ITEMS], T initial_value,
                                ScanOp scan_op) {
    T aggregate;
    ExclusiveScan(input, output, initial_value, scan_op, aggregate);
  }
  template <typename ScanOp>
  __device__ void ExclusiveScan(T input, T &output, T initial_value, ScanOp scan_op,
                                T &block_aggregate) {
    T prev = initial_value;
    __cw_scan_threads(input, scan_op, prev, block_aggregate);
    output = __cw_tid > 0 ? scan_op(initial_value, prev) : initial_value;
  }
  template <typename ScanOp>
  __device__ void ExclusiveScan(T input, T &output, T initial_value, ScanOp scan_op) {
    T aggregate;
    ExclusiveScan(input, output, initial_value, scan_op, aggregate);
  }

  /* ---- inclusive ---- */
  template <int ITEMS, typename ScanOp>
  __device__ void InclusiveScan(T (&input)[ITEMS], T (&output)[ITEMS], ScanOp scan_op,
                                T &block_aggregate) {
    T mine = input[0];
    for (int i = 1; i < ITEMS; i++) mine = scan_op(mine, input[i]);
    T prev = mine;
    __cw_scan_threads(mine, scan_op, prev, block_aggregate);
    T running = input[0];
    if (__cw_tid > 0) running = scan_op(prev, running);
    output[0] = running;
    for (int i = 1; i < ITEMS; i++) {
      running = scan_op(running, input[i]);
      output[i] = running;
    }
  }
  template <int ITEMS, typename ScanOp>
  __device__ void InclusiveScan(T (&input)[ITEMS], T (&output)[ITEMS], ScanOp scan_op) {
    T aggregate;
    InclusiveScan(input, output, scan_op, aggregate);
  }
  template <typename ScanOp>
  __device__ void InclusiveScan(T input, T &output, ScanOp scan_op, T &block_aggregate) {
    T prev = input;
    output = __cw_scan_threads(input, scan_op, prev, block_aggregate);
  }
  template <typename ScanOp>
  __device__ void InclusiveScan(T input, T &output, ScanOp scan_op) {
    T aggregate;
    InclusiveScan(input, output, scan_op, aggregate);
  }

  /* ---- sums ---- */
  template <int ITEMS>
  __device__ void ExclusiveSum(T (&input)[ITEMS], T (&output)[ITEMS], T &block_aggregate) {
    ExclusiveScan(input, output, T(0), Sum(), block_aggregate);
  }
  template <int ITEMS>
  __device__ void ExclusiveSum(T (&input)[ITEMS], T (&output)[ITEMS]) {
    T aggregate;
    ExclusiveScan(input, output, T(0), Sum(), aggregate);
  }
  __device__ void ExclusiveSum(T input, T &output, T &block_aggregate) {
    ExclusiveScan(input, output, T(0), Sum(), block_aggregate);
  }
  __device__ void ExclusiveSum(T input, T &output) {
    T aggregate;
    ExclusiveScan(input, output, T(0), Sum(), aggregate);
  }
  template <int ITEMS>
  __device__ void InclusiveSum(T (&input)[ITEMS], T (&output)[ITEMS], T &block_aggregate) {
    InclusiveScan(input, output, Sum(), block_aggregate);
  }
  template <int ITEMS>
  __device__ void InclusiveSum(T (&input)[ITEMS], T (&output)[ITEMS]) {
    T aggregate;
    InclusiveScan(input, output, Sum(), aggregate);
  }
  __device__ void InclusiveSum(T input, T &output, T &block_aggregate) {
    InclusiveScan(input, output, Sum(), block_aggregate);
  }
  __device__ void InclusiveSum(T input, T &output) {
    T aggregate;
    InclusiveScan(input, output, Sum(), aggregate);
  }
};

#endif

} /* namespace cub */

#endif
