// expect: 4:10: 'nothere.h' file not found
// Including a system header that does not exist.
#include <cuda_runtime.h>
#include <nothere.h>

__global__ void k(float* x) { x[threadIdx.x] = 1.0f; }
