// sgemm_tiled.cu: exercises shared-memory tiling with 2-D __shared__ arrays
// sized by a #define, __syncthreads() inside a loop, alpha/beta scaling and
// boundary handling for sizes that are not a multiple of the tile.
// launch: sgemmTiled --grid 5,4 --block 16,16 i32:60 i32:72 i32:50 f32:1.0 f32[3000]=rand:1 f32[3600]=rand:2 f32:0.5 f32[4320]=rand:3
// launch: sgemmTiled --grid 2,2 --block 16,16 i32:32 i32:32 i32:32 f32:2.0 f32[1024]=iota f32[1024]=fill:0.25 f32:0.0 f32[1024]=zeros
#include <cuda_runtime.h>

#define TILE 16

// C[M x N] = alpha * A[M x K] * B[K x N] + beta * C
__global__ void sgemmTiled(int M, int N, int K, float alpha, const float* A,
                           const float* B, float beta, float* C)
{
    __shared__ float As[TILE][TILE];
    __shared__ float Bs[TILE][TILE];

    int tx = threadIdx.x, ty = threadIdx.y;
    int row = blockIdx.y * TILE + ty;
    int col = blockIdx.x * TILE + tx;
    float acc = 0.0f;

    for (int t = 0; t < (K + TILE - 1) / TILE; ++t) {
        int aCol = t * TILE + tx;
        int bRow = t * TILE + ty;
        As[ty][tx] = (row < M && aCol < K) ? A[row * K + aCol] : 0.0f;
        Bs[ty][tx] = (bRow < K && col < N) ? B[bRow * N + col] : 0.0f;
        __syncthreads();
#pragma unroll
        for (int k = 0; k < TILE; ++k)
            acc += As[ty][k] * Bs[k][tx];
        __syncthreads();
    }
    if (row < M && col < N)
        C[row * N + col] = alpha * acc + beta * C[row * N + col];
}
