/*
 * warp.h — 32-lane helpers for references that mirror warp shuffles
 * exactly (same pairing, same order of additions), so reductions built on
 * __shfl_down_sync / __shfl_xor_sync compare bit-exact.
 */
#ifndef CUWASM_TEST_WARP_H
#define CUWASM_TEST_WARP_H

/* v[l] += shfl_down(v, off) for all 32 lanes (out-of-range lanes read their own). */
#define WARP_SHFL_DOWN_ADD(T, v, off)                                   \
  do {                                                                  \
    T tmp_[32];                                                         \
    for (int l_ = 0; l_ < 32; l_++) tmp_[l_] = (v)[l_ + (off) < 32 ? l_ + (off) : l_]; \
    for (int l_ = 0; l_ < 32; l_++) (v)[l_] += tmp_[l_];                \
  } while (0)

#define WARP_SHFL_XOR_ADD(T, v, m)                                      \
  do {                                                                  \
    T tmp_[32];                                                         \
    for (int l_ = 0; l_ < 32; l_++) tmp_[l_] = (v)[l_ ^ (m)];           \
    for (int l_ = 0; l_ < 32; l_++) (v)[l_] += tmp_[l_];                \
  } while (0)

/* Full down-shuffle reduction 16, 8, 4, 2, 1: lane 0 holds the warp sum. */
#define WARP_REDUCE_DOWN(T, v)                                          \
  do {                                                                  \
    for (int o_ = 16; o_ > 0; o_ >>= 1) WARP_SHFL_DOWN_ADD(T, v, o_);   \
  } while (0)

#endif
