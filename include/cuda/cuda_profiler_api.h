/*
 * cuda_profiler_api.h — profiler control (cuwasm).
 *
 * cudaProfilerStart/Stop are declared with the rest of the runtime API
 * (cuda_runtime_api.h) and accepted without effect; this header exists
 * because programs include it by name.
 */
#ifndef CUWASM_CUDA_PROFILER_API_H
#define CUWASM_CUDA_PROFILER_API_H
#define __CUDA_PROFILER_API_H__ /* NVIDIA's guard */

#include "cuda_runtime_api.h"

#endif /* CUWASM_CUDA_PROFILER_API_H */
