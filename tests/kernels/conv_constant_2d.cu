// conv_constant_2d.cu: exercises a 2-D __constant__ mask (initialised here
// with 1..25 / 64, neither symmetric nor separable, so a transposed or
// flipped tap fails; tests/programs/constant_memory.cu sets constants with
// cudaMemcpyToSymbol), a 2-D convolution reading neighbours with bounds
// checks, and a __constant__ struct of params.
// launch: convolve2d --grid 4,4 --block 16,16 f32[4096]=rand:91 f32[4096]=zeros i32:64 i32:64
// launch: boxBlur --grid 4,4 --block 16,16 f32[4096]=rand:92 f32[4096]=zeros i32:64 i32:64
#include <cuda_runtime.h>

#define MASK_DIM 5
#define MASK_OFFSET (MASK_DIM / 2)

__constant__ float mask[MASK_DIM * MASK_DIM] = {
    1 / 64.0f,  2 / 64.0f,  3 / 64.0f,  4 / 64.0f,  5 / 64.0f,
    6 / 64.0f,  7 / 64.0f,  8 / 64.0f,  9 / 64.0f,  10 / 64.0f,
    11 / 64.0f, 12 / 64.0f, 13 / 64.0f, 14 / 64.0f, 15 / 64.0f,
    16 / 64.0f, 17 / 64.0f, 18 / 64.0f, 19 / 64.0f, 20 / 64.0f,
    21 / 64.0f, 22 / 64.0f, 23 / 64.0f, 24 / 64.0f, 25 / 64.0f};

struct BlurParams {
    int radius;
    float scale;
};
__constant__ BlurParams blurParams = {1, 1.0f / 9.0f};

__global__ void convolve2d(const float* img, float* out, int width, int height)
{
    int col = blockIdx.x * blockDim.x + threadIdx.x;
    int row = blockIdx.y * blockDim.y + threadIdx.y;
    if (col >= width || row >= height) return;
    float acc = 0.0f;
    for (int i = 0; i < MASK_DIM; i++) {
        int r = row - MASK_OFFSET + i;
        for (int j = 0; j < MASK_DIM; j++) {
            int c = col - MASK_OFFSET + j;
            if (r >= 0 && r < height && c >= 0 && c < width)
                acc += img[r * width + c] * mask[i * MASK_DIM + j];
        }
    }
    out[row * width + col] = acc;
}

__global__ void boxBlur(const float* img, float* out, int width, int height)
{
    int x = blockIdx.x * blockDim.x + threadIdx.x;
    int y = blockIdx.y * blockDim.y + threadIdx.y;
    if (x >= width || y >= height) return;
    const int r = blurParams.radius;
    float s = 0.0f;
    for (int dy = -r; dy <= r; ++dy)
        for (int dx = -r; dx <= r; ++dx) {
            int xx = min(max(x + dx, 0), width - 1);
            int yy = min(max(y + dy, 0), height - 1);
            s += img[yy * width + xx];
        }
    out[y * width + x] = s * blurParams.scale;
}
