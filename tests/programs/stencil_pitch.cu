// Jacobi iterations of a 2-D 5-point stencil on pitched memory
// (cudaMallocPitch, cudaMemcpy2D), ping-ponging two buffers.
#include "common.h"
#include <cmath>
#include <vector>

__global__ void jacobi(const float *in, float *out, size_t pitch, int w, int h) {
  int x = blockIdx.x * blockDim.x + threadIdx.x, y = blockIdx.y * blockDim.y + threadIdx.y;
  if (x <= 0 || y <= 0 || x >= w - 1 || y >= h - 1) return;
  const float *row = (const float *)((const char *)in + y * pitch);
  const float *up = (const float *)((const char *)in + (y - 1) * pitch);
  const float *dn = (const float *)((const char *)in + (y + 1) * pitch);
  float *o = (float *)((char *)out + y * pitch);
  o[x] = 0.25f * (row[x - 1] + row[x + 1] + up[x] + dn[x]);
}

int main() {
  const int w = 130, h = 70, iters = 40;
  std::vector<float> a(w * h, 0.0f);
  for (int x = 0; x < w; ++x) a[x] = 100.0f; // hot top edge
  size_t pitch;
  float *d0, *d1;
  CHECK(cudaMallocPitch(&d0, &pitch, w * sizeof(float), h));
  CHECK(cudaMallocPitch(&d1, &pitch, w * sizeof(float), h));
  CHECK(cudaMemcpy2D(d0, pitch, a.data(), w * sizeof(float), w * sizeof(float), h, cudaMemcpyHostToDevice));
  CHECK(cudaMemcpy2D(d1, pitch, a.data(), w * sizeof(float), w * sizeof(float), h, cudaMemcpyHostToDevice));
  dim3 block(16, 16), grid((w + 15) / 16, (h + 15) / 16);
  for (int it = 0; it < iters; ++it) {
    jacobi<<<grid, block>>>(d0, d1, pitch, w, h);
    float *t = d0; d0 = d1; d1 = t;
  }
  std::vector<float> got(w * h), b = a;
  CHECK(cudaMemcpy2D(got.data(), w * sizeof(float), d0, pitch, w * sizeof(float), h, cudaMemcpyDeviceToHost));
  for (int it = 0; it < iters; ++it) {
    std::vector<float> n = b;
    for (int y = 1; y < h - 1; ++y)
      for (int x = 1; x < w - 1; ++x)
        n[y * w + x] = 0.25f * (b[y * w + x - 1] + b[y * w + x + 1] + b[(y - 1) * w + x] + b[(y + 1) * w + x]);
    b = n;
  }
  int errors = pitch < w * sizeof(float);
  for (int i = 0; i < w * h; ++i) errors += fabsf(got[i] - b[i]) > 1e-3f;
  printf("pitch = %zu bytes, centre = %.4f\n", pitch, got[(h / 2) * w + w / 2]);
  CHECK(cudaFree(d0));
  CHECK(cudaFree(d1));
  return verdict("stencil_pitch", errors);
}
