/*
 * launch_check.c — CUDA's launch-configuration limits, checked before any
 * backend runs a grid, with CUDA's error names in the message so users
 * recognise them (cudaErrorInvalidConfiguration, cudaErrorInvalidValue).
 */
#include "backend.h"

#include <stdio.h>

cw_status cw_check_launch_config(const uint32_t grid[3], const uint32_t block[3],
                                 size_t shared_total, char *err, size_t errn) {
  uint64_t threads = (uint64_t)block[0] * block[1] * block[2];
  if (!block[0] || !block[1] || !block[2] || !grid[0] || !grid[1] || !grid[2]) {
    snprintf(err, errn, "invalid configuration argument (cudaErrorInvalidConfiguration): "
             "grid (%u,%u,%u) block (%u,%u,%u) has a zero dimension",
             grid[0], grid[1], grid[2], block[0], block[1], block[2]);
    return CW_ERR_LAUNCH;
  }
  if (threads > CW_MAX_BLOCK_THREADS || block[0] > CW_MAX_BLOCK_X ||
      block[1] > CW_MAX_BLOCK_Y || block[2] > CW_MAX_BLOCK_Z) {
    snprintf(err, errn, "invalid configuration argument (cudaErrorInvalidConfiguration): "
             "block (%u,%u,%u) exceeds the limits (1024 threads; x,y <= 1024, z <= 64)",
             block[0], block[1], block[2]);
    return CW_ERR_LAUNCH;
  }
  if (grid[0] > (uint32_t)CW_MAX_GRID_X || grid[1] > CW_MAX_GRID_YZ ||
      grid[2] > CW_MAX_GRID_YZ) {
    snprintf(err, errn, "invalid configuration argument (cudaErrorInvalidConfiguration): "
             "grid (%u,%u,%u) exceeds the limits (x < 2^31, y,z <= 65535)",
             grid[0], grid[1], grid[2]);
    return CW_ERR_LAUNCH;
  }
  if (shared_total > CW_MAX_SHARED_BYTES) {
    snprintf(err, errn, "invalid argument (cudaErrorInvalidValue): %zu bytes of shared "
             "memory exceed the per-block limit of %d", shared_total,
             (int)CW_MAX_SHARED_BYTES);
    return CW_ERR_LAUNCH;
  }
  return CW_OK;
}
