// sobel.cu: exercises a Sobel edge detector: 3x3 weights in a 2-D __constant__
// array, a shared-memory tile with a one-pixel apron loaded by a strided loop
// over the (B+2)^2 cells, hypotf for the gradient magnitude and clamped borders.
// launch: sobel --grid 4,4 --block 16,16 f32[4096]=rand:411 f32[4096]=zeros i32:64 i32:64
#include <cuda_runtime.h>

#define B 16

__constant__ int kGx[3][3] = {{-1, 0, 1}, {-2, 0, 2}, {-1, 0, 1}};
__constant__ int kGy[3][3] = {{-1, -2, -1}, {0, 0, 0}, {1, 2, 1}};

__global__ void sobel(const float* in, float* out, int w, int h)
{
    __shared__ float tile[B + 2][B + 2];
    int x0 = blockIdx.x * B - 1, y0 = blockIdx.y * B - 1;
    int t = threadIdx.y * B + threadIdx.x;
    for (int k = t; k < (B + 2) * (B + 2); k += B * B) {
        int ty = k / (B + 2), tx = k % (B + 2);
        int gx = min(max(x0 + tx, 0), w - 1);
        int gy = min(max(y0 + ty, 0), h - 1);
        tile[ty][tx] = in[gy * w + gx];
    }
    __syncthreads();
    int x = blockIdx.x * B + threadIdx.x, y = blockIdx.y * B + threadIdx.y;
    if (x >= w || y >= h) return;
    float sx = 0.0f, sy = 0.0f;
    for (int dy = 0; dy < 3; ++dy)
        for (int dx = 0; dx < 3; ++dx) {
            float p = tile[threadIdx.y + dy][threadIdx.x + dx];
            sx += kGx[dy][dx] * p;
            sy += kGy[dy][dx] * p;
        }
    out[y * w + x] = hypotf(sx, sy);
}
