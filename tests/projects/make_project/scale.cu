// scale.cu — a kernel and its host wrapper, built into libops.a.
#include "ops.h"

__global__ void scale_kernel(float *x, float a, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) x[i] *= a;
}

cudaError_t scale(float *d_x, float a, int n) {
  scale_kernel<<<(n + 127) / 128, 128>>>(d_x, a, n);
  return cudaGetLastError();
}
