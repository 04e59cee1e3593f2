// row_loops.cu: loops without a barrier inside, in kernels whose blocks
// are rows of threads (threadIdx.y / .z), which the CPU backend runs row
// by row (emit/c_fission.c's row_loop): each row of the block through the
// whole loop, its threads together, instead of all threads step by step.
// Run row by row: a tiled product with a per-thread sum over a shared
// tile (16-wide rows: the rows-of-16 copy; 8-wide), over sizes that leave
// part of the last tile outside the matrix, and a 3-D block's loop whose
// bound is a parameter and whose step is not 1.  Kept block-wide (its
// variable is declared before the loop, so no row may run the header
// again): a loop storing at every step, after which the block reads the
// variable.
// launch: tileProduct --grid 3,3 --block 16,16 f32[1600]=rand:21 f32[1600]=rand:22 f32[1600]=zeros i32:40
// launch: tileProduct --grid 5,5 --block 8,8 f32[1400]=rand:23 f32[1400]=rand:24 f32[1400]=zeros i32:37
// launch: strideSums --grid 2 --block 8,2,2 f32[64]=rand:25 f32[64]=zeros i32:7 i32:3
// launch: stepWrites --grid 3 --block 16,4 f32[192]=iota f32[1536]=zeros i32:8
#include <cuda_runtime.h>

#define T 16

// C = A * B (n x n), T x T tiles, blocks of any square shape up to T.
__global__ void tileProduct(const float* A, const float* B, float* C, int n)
{
    __shared__ float As[T][T];
    __shared__ float Bs[T][T];
    int tx = threadIdx.x, ty = threadIdx.y, w = blockDim.x;
    int row = blockIdx.y * w + ty, col = blockIdx.x * w + tx;
    float acc = 0.0f;
    for (int t = 0; t < n; t += w) {
        As[ty][tx] = (row < n && t + tx < n) ? A[row * n + t + tx] : 0.0f;
        Bs[ty][tx] = (t + ty < n && col < n) ? B[(t + ty) * n + col] : 0.0f;
        __syncthreads();
        for (int k = 0; k < w; ++k) acc += As[ty][k] * Bs[k][tx];
        __syncthreads();
    }
    if (row < n && col < n) C[row * n + col] = acc;
}

// Each thread of a 3-D block sums `count` values of its block's slice in
// shared memory, `step` apart from its own, weighted by its z + 1.
__global__ void strideSums(const float* in, float* out, int count, int step)
{
    __shared__ float s[32];
    int t = (threadIdx.z * blockDim.y + threadIdx.y) * blockDim.x + threadIdx.x;
    int nt = blockDim.x * blockDim.y * blockDim.z;
    s[t] = in[blockIdx.x * nt + t];
    __syncthreads();
    float sum = 0.0f;
    for (int j = 0; j < count * step; j += step) sum += s[(t + j) % nt] * (float)(threadIdx.z + 1);
    out[blockIdx.x * nt + t] = sum;
}

// Every step of the loop stores: thread (x, y) writes its value times k at
// out[(gid * steps) + k]; after the loop the block reads k (k == steps).
__global__ void stepWrites(const float* in, float* out, int steps)
{
    int gid = blockIdx.x * blockDim.x * blockDim.y + threadIdx.y * blockDim.x + threadIdx.x;
    float v = in[gid];
    __syncthreads();
    int k;
    for (k = 0; k < steps; k++) out[gid * steps + k] = v * (float)k + (float)threadIdx.y;
    __syncthreads();
    if (threadIdx.x == 0 && threadIdx.y == 0) out[gid * steps] = (float)k;
}
