// shared_multidim.cu: exercises multi-dimensional __shared__ arrays whose sizes
// are constant expressions (constexpr ints, enum constants, sizeof, arithmetic
// on macros), 3-D shared arrays, and indexing them with threadIdx.x/y/z.
// launch: blockSum3d --grid 2 --block 8,4,2 f32[128]=iota f32[2]=zeros
// launch: rowColSums --grid 1 --block 16,16 i32[256]=iota i32[32]=zeros
#include <cuda_runtime.h>

constexpr int DX = 8;
constexpr int DY = 4;
enum { DZ = 2 };
#define PAD 1

__global__ void blockSum3d(const float* in, float* out)
{
    __shared__ float cube[DZ][DY][DX + PAD];
    __shared__ float planes[DZ * sizeof(float) / sizeof(float)];
    int tid = threadIdx.z * DY * DX + threadIdx.y * DX + threadIdx.x;
    cube[threadIdx.z][threadIdx.y][threadIdx.x] = in[blockIdx.x * DX * DY * DZ + tid];
    __syncthreads();
    if (threadIdx.x == 0 && threadIdx.y == 0) {
        float s = 0.0f;
        for (int y = 0; y < DY; ++y)
            for (int x = 0; x < DX; ++x) s += cube[threadIdx.z][y][x];
        planes[threadIdx.z] = s;
    }
    __syncthreads();
    if (tid == 0) out[blockIdx.x] = planes[0] + planes[1];
}

#define SIDE 16
__global__ void rowColSums(const int* m, int* sums)
{
    __shared__ int tile[SIDE][SIDE + PAD];
    __shared__ int rowSum[SIDE], colSum[SIDE];
    int x = threadIdx.x, y = threadIdx.y;
    tile[y][x] = m[y * SIDE + x];
    __syncthreads();
    if (y == 0) {
        int s = 0;
        for (int r = 0; r < SIDE; ++r) s += tile[r][x];
        colSum[x] = s;
    }
    if (x == 0) {
        int s = 0;
        for (int c = 0; c < SIDE; ++c) s += tile[y][c];
        rowSum[y] = s;
    }
    __syncthreads();
    if (y == 0) {
        sums[x] = rowSum[x];
        sums[SIDE + x] = colSum[x];
    }
}
