// Matrix transpose through a padded shared-memory tile, 2-D grid and
// 2-D blocks (TILE x 8 threads, each handling TILE/8 rows).
#include "common.h"
#include <vector>

#define TILE 32
#define ROWS 8
__global__ void transpose(float *out, const float *in, int w, int h) {
  __shared__ float tile[TILE][TILE + 1];
  int x = blockIdx.x * TILE + threadIdx.x, y = blockIdx.y * TILE + threadIdx.y;
  for (int j = 0; j < TILE; j += ROWS)
    if (x < w && y + j < h) tile[threadIdx.y + j][threadIdx.x] = in[(y + j) * w + x];
  __syncthreads();
  x = blockIdx.y * TILE + threadIdx.x;
  y = blockIdx.x * TILE + threadIdx.y;
  for (int j = 0; j < TILE; j += ROWS)
    if (x < h && y + j < w) out[(y + j) * h + x] = tile[threadIdx.x][threadIdx.y + j];
}

int main() {
  const int w = 300, h = 170;
  std::vector<float> in(w * h), out(w * h);
  for (int i = 0; i < w * h; ++i) in[i] = (float)i;
  float *din, *dout;
  CHECK(cudaMalloc(&din, w * h * sizeof(float)));
  CHECK(cudaMalloc(&dout, w * h * sizeof(float)));
  CHECK(cudaMemcpy(din, in.data(), w * h * sizeof(float), cudaMemcpyHostToDevice));
  dim3 grid((w + TILE - 1) / TILE, (h + TILE - 1) / TILE), block(TILE, ROWS);
  transpose<<<grid, block>>>(dout, din, w, h);
  CHECK(cudaMemcpy(out.data(), dout, w * h * sizeof(float), cudaMemcpyDeviceToHost));
  int errors = 0;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) errors += out[x * h + y] != in[y * w + x];
  CHECK(cudaFree(din));
  CHECK(cudaFree(dout));
  return verdict("transpose", errors);
}
