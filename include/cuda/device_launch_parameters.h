/*
 * device_launch_parameters.h — threadIdx, blockIdx, blockDim, gridDim,
 * warpSize (cuwasm).
 *
 * Device pass: these are builtin variables that sema knows; nothing here.
 * Host pass: declared as external constants, as CUDA's host compilation
 * sees them, so that host code which merely names them (for instance in an
 * unevaluated __host__ __device__ branch) still compiles.  Nothing defines
 * them on the host; reading one there is a link error, as it should be.
 */
#ifndef CUWASM_DEVICE_LAUNCH_PARAMETERS_H
#define CUWASM_DEVICE_LAUNCH_PARAMETERS_H
#define __DEVICE_LAUNCH_PARAMETERS_H__ /* NVIDIA's guard: programs test it (helper_cuda.h) */

#include "vector_types.h"

#if !defined(__CUDA_ARCH__) && defined(__cplusplus)
extern const uint3 threadIdx;
extern const uint3 blockIdx;
extern const dim3 blockDim;
extern const dim3 gridDim;
extern const int warpSize;
#endif

#endif /* CUWASM_DEVICE_LAUNCH_PARAMETERS_H */
