/*
 * cuda_staging.h — host-to-device copies from pageable memory through
 * pinned buffers of our own, pipelined (cuda_staging.c says how and why).
 */
#ifndef CW_RT_CUDA_STAGING_H
#define CW_RT_CUDA_STAGING_H

#include <stdbool.h>
#include <stddef.h>

#include "cuda_driver.h"

typedef struct CudaStaging CudaStaging;

/* The stager of one device (context CTX); NULL when CUWASM_CUDA_STAGING=0
 * turns staging off (or memory runs out): copies then go to the driver
 * directly.  Nothing is pinned and no thread starts until the first
 * staged copy. */
CudaStaging *cuda_staging_new(const CudaDriver *drv, CUcontext ctx);
/* Waits for the copies still reading its buffers, then frees them and
 * stops its threads; the context must still be alive. */
void cuda_staging_free(CudaStaging *st);
/* Whether a copy of N bytes is worth staging (small ones go direct). */
bool cuda_staging_wants(const CudaStaging *st, size_t n);
/* Copies N bytes from pageable SRC to device memory TO in the order of
 * STREAM (NULL: the legacy default stream).  Returns once SRC may be
 * reused; with WAIT also once the data is on the device.  False when the
 * pinned buffers cannot be had: the caller then copies directly.  *R is
 * the driver's first failure, or 0. */
bool cuda_staging_htod(CudaStaging *st, CUdeviceptr to, const void *src, size_t n,
                       CUstream stream, bool wait, CUresult *r);

#endif
