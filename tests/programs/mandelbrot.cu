// Mandelbrot escape counts in double precision; image size and iteration
// limit come from the command line.
// ARGS: 160 120 200
#include "common.h"
#include <vector>

__global__ void mandel(int *out, int w, int h, int maxit) {
  int px = blockIdx.x * blockDim.x + threadIdx.x, py = blockIdx.y * blockDim.y + threadIdx.y;
  if (px >= w || py >= h) return;
  double cr = -2.0 + 3.0 * px / w, ci = -1.2 + 2.4 * py / h, zr = 0, zi = 0;
  int it = 0;
  while (it < maxit && zr * zr + zi * zi <= 4.0) {
    double t = zr * zr - zi * zi + cr;
    zi = 2.0 * zr * zi + ci;
    zr = t;
    ++it;
  }
  out[py * w + px] = it;
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: %s WIDTH HEIGHT MAXITER\n", argv[0]);
    return 2;
  }
  int w = atoi(argv[1]), h = atoi(argv[2]), maxit = atoi(argv[3]);
  int *d;
  CHECK(cudaMalloc(&d, w * h * sizeof(int)));
  dim3 block(16, 8), grid((w + 15) / 16, (h + 7) / 8);
  mandel<<<grid, block>>>(d, w, h, maxit);
  std::vector<int> img(w * h);
  CHECK(cudaMemcpy(img.data(), d, w * h * sizeof(int), cudaMemcpyDeviceToHost));
  int errors = 0, inside = 0;
  for (int py = 0; py < h; ++py)
    for (int px = 0; px < w; ++px) {
      double cr = -2.0 + 3.0 * px / w, ci = -1.2 + 2.4 * py / h, zr = 0, zi = 0;
      int it = 0;
      while (it < maxit && zr * zr + zi * zi <= 4.0) {
        double t = zr * zr - zi * zi + cr;
        zi = 2.0 * zr * zi + ci;
        zr = t;
        ++it;
      }
      errors += img[py * w + px] != it;
      inside += it == maxit;
    }
  printf("%dx%d, %d points inside\n", w, h, inside);
  CHECK(cudaFree(d));
  return verdict("mandelbrot", errors);
}
