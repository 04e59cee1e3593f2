// kernel_timer.h — the timing the programs of bench/web/programs share:
// the milliseconds (CUDA events) of the fastest of `reps` runs of
// launch(), each run waited for.
#pragma once
#include <cuda_runtime.h>

template <class Launch> float best_kernel_ms(int reps, Launch launch) {
  cudaEvent_t a, b;
  cudaEventCreate(&a);
  cudaEventCreate(&b);
  float best = 1e30f;
  for (int rep = 0; rep < reps; rep++) {
    cudaEventRecord(a);
    launch();
    cudaEventRecord(b);
    cudaEventSynchronize(b);
    float ms;
    cudaEventElapsedTime(&ms, a, b);
    if (ms < best) best = ms;
  }
  cudaEventDestroy(a);
  cudaEventDestroy(b);
  return best;
}
