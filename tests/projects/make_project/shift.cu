// shift.cu — a second kernel in the same static library; its kernel has
// the same name as one in main.cu but lives in its own namespace.
#include "ops.h"

namespace ops {
__global__ void add(float *x, float b, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) x[i] += b;
}
}  // namespace ops

cudaError_t shift(float *d_x, float b, int n) {
  ops::add<<<(n + 255) / 256, 256>>>(d_x, b, n);
  return cudaGetLastError();
}
