// Code that every thread of a block runs alike, around barriers: a branch
// on a per-block parameter read from __constant__ memory that holds a
// __syncthreads, and a local assigned from memory inside it (Rodinia's
// heartwall has this shape).  The CPU backend runs such code once for the
// block; the checkers (sanitizer_checks runs every program under them)
// must check its memory reads too, as thread 0's.
#include "common.h"

struct Part { int slot; int frame; };
__constant__ Part c_parts[4];

__global__ void mirror_some(float *out) {
  __shared__ float s[64];
  int bx = blockIdx.x, at;
  s[threadIdx.x] = (float)(threadIdx.x + 100 * bx);
  __syncthreads();
  if (c_parts[bx].frame != 0 && c_parts[bx].frame % 2 == 0) {
    at = c_parts[bx].slot * 64;
    __syncthreads();
    out[at + threadIdx.x] = s[63 - threadIdx.x];
  }
}

int main() {
  const Part parts[4] = {{3, 2}, {1, 0}, {0, 4}, {2, 3}};
  CHECK(cudaMemcpyToSymbol(c_parts, parts, sizeof parts));
  float *out;
  CHECK(cudaMallocManaged(&out, 256 * sizeof(float)));
  CHECK(cudaMemset(out, 0, 256 * sizeof(float)));
  mirror_some<<<4, 64>>>(out);
  CHECK(cudaGetLastError());
  CHECK(cudaDeviceSynchronize());
  int errors = 0;
  for (int b = 0; b < 4; b++) {
    bool runs = parts[b].frame != 0 && parts[b].frame % 2 == 0;
    for (int t = 0; t < 64 && runs; t++)
      errors += out[parts[b].slot * 64 + t] != (float)(63 - t + 100 * b);
  }
  // slots 1 and 2 belong to blocks that skip the branch: still zero
  for (int t = 0; t < 64; t++) errors += out[64 + t] != 0.0f || out[128 + t] != 0.0f;
  CHECK(cudaFree(out));
  return verdict("uniform_block_code", errors);
}
