/*
 * cuda_texture_types.h — a header name CUDA programs still include (cuwasm).
 *
 * What it declared in NVIDIA's toolkit comes with cuda_runtime.h here, as
 * it does with nvcc (which includes it implicitly), so this file only
 * includes that.
 */
#ifndef CUWASM_CUDA_TEXTURE_TYPES_H
#define CUWASM_CUDA_TEXTURE_TYPES_H
#include "cuda_runtime.h"
#endif
