// mandelbrot.cu: exercises a 2-D escape-time fractal with a data-dependent
// while loop, float complex arithmetic, unsigned char output with a colour map
// in a local array, and a double-precision variant.
// launch: mandelbrot --grid 8,8 --block 16,16 u8[16384]=zeros i32:128 i32:128 i32:200
// launch: mandelbrotDouble --grid 4,4 --block 16,16 i32[4096]=zeros i32:64 i32:64 i32:500 f64:-0.75 f64:0.1 f64:0.01
#include <cuda_runtime.h>

__global__ void mandelbrot(unsigned char* img, int width, int height, int maxIter)
{
    int px = blockIdx.x * blockDim.x + threadIdx.x;
    int py = blockIdx.y * blockDim.y + threadIdx.y;
    if (px >= width || py >= height) return;
    float cr = -2.0f + 3.0f * px / width;
    float ci = -1.5f + 3.0f * py / height;
    float zr = 0.0f, zi = 0.0f;
    int it = 0;
    while (zr * zr + zi * zi < 4.0f && it < maxIter) {
        float t = zr * zr - zi * zi + cr;
        zi = 2.0f * zr * zi + ci;
        zr = t;
        ++it;
    }
    const unsigned char palette[4] = {0, 85, 170, 255};
    img[py * width + px] = it == maxIter ? 0 : palette[it & 3];
}

__global__ void mandelbrotDouble(int* iters, int width, int height, int maxIter,
                                 double cx, double cy, double scale)
{
    int px = blockIdx.x * blockDim.x + threadIdx.x;
    int py = blockIdx.y * blockDim.y + threadIdx.y;
    if (px >= width || py >= height) return;
    double cr = cx + (px - width / 2) * scale;
    double ci = cy + (py - height / 2) * scale;
    double zr = 0.0, zi = 0.0;
    int it;
    for (it = 0; it < maxIter; ++it) {
        double zr2 = zr * zr, zi2 = zi * zi;
        if (zr2 + zi2 > 4.0) break;
        zi = 2.0 * zr * zi + ci;
        zr = zr2 - zi2 + cr;
    }
    iters[py * width + px] = it;
}
