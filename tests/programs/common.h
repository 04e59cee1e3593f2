// common.h — the error-check macro and verdict helpers every program in
// tests/programs uses, in the style of NVIDIA's samples (helper_cuda.h).
#ifndef PROGRAMS_COMMON_H
#define PROGRAMS_COMMON_H
#include <cstdio>
#include <cstdlib>
#include <cuda_runtime.h>

#define CHECK(call)                                                          \
  do {                                                                       \
    cudaError_t e_ = (call);                                                 \
    if (e_ != cudaSuccess) {                                                 \
      fprintf(stderr, "%s:%d: CUDA error %d (%s): %s\n", __FILE__, __LINE__,  \
              (int)e_, cudaGetErrorName(e_), cudaGetErrorString(e_));        \
      exit(2);                                                               \
    }                                                                        \
  } while (0)

static inline int verdict(const char *name, int errors) {
  printf("%s: %s\n", name, errors ? "FAILED" : "PASSED");
  return errors ? 1 : 0;
}
#endif
