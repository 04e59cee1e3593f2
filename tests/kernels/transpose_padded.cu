// transpose_padded.cu: exercises matrix transpose through a shared tile padded
// by one column to avoid bank conflicts, with TILE_DIM x BLOCK_ROWS threads
// each moving several elements, plus a naive transpose to compare against.
// launch: transposeCoalesced --grid 4,2 --block 32,8 f32[8192]=iota f32[8192]=zeros i32:128 i32:64
// launch: transposeNaive --grid 4,2 --block 32,8 f32[8192]=iota f32[8192]=zeros i32:128 i32:64
#include <cuda_runtime.h>

constexpr int TILE_DIM = 32;
constexpr int BLOCK_ROWS = 8;

// in is height x width (row-major); out is width x height.
__global__ void transposeCoalesced(const float* in, float* out, int width, int height)
{
    __shared__ float tile[TILE_DIM][TILE_DIM + 1];
    int x = blockIdx.x * TILE_DIM + threadIdx.x;
    int y = blockIdx.y * TILE_DIM + threadIdx.y;
    for (int j = 0; j < TILE_DIM; j += BLOCK_ROWS)
        if (x < width && y + j < height)
            tile[threadIdx.y + j][threadIdx.x] = in[(y + j) * width + x];
    __syncthreads();
    x = blockIdx.y * TILE_DIM + threadIdx.x;
    y = blockIdx.x * TILE_DIM + threadIdx.y;
    for (int j = 0; j < TILE_DIM; j += BLOCK_ROWS)
        if (x < height && y + j < width)
            out[(y + j) * height + x] = tile[threadIdx.x][threadIdx.y + j];
}

__global__ void transposeNaive(const float* in, float* out, int width, int height)
{
    int x = blockIdx.x * TILE_DIM + threadIdx.x;
    int y = blockIdx.y * TILE_DIM + threadIdx.y;
    for (int j = 0; j < TILE_DIM; j += BLOCK_ROWS)
        if (x < width && y + j < height)
            out[x * height + (y + j)] = in[(y + j) * width + x];
}
