// softmax.cu: exercises a row-wise numerically stable softmax: one block per
// row, block max then block sum via warp shuffles and shared memory, expf,
// and -INFINITY / CUDART_INF_F as the identity for max.
// launch: softmaxRows --grid 32 --block 128 f32[8192]=rand:311 f32[8192]=zeros i32:256
// launch: softmaxWarpPerRow --grid 8 --block 128 f32[2048]=rand:312 f32[2048]=zeros i32:32 i32:64
#include <cuda_runtime.h>
#include <math_constants.h>

__device__ float warpMax(float v)
{
    for (int o = 16; o > 0; o >>= 1) v = fmaxf(v, __shfl_xor_sync(0xffffffff, v, o));
    return v;
}

__device__ float warpSum(float v)
{
    for (int o = 16; o > 0; o >>= 1) v += __shfl_xor_sync(0xffffffff, v, o);
    return v;
}

__device__ float blockReduce(float v, bool isMax)
{
    __shared__ float scratch[32];
    int lane = threadIdx.x & 31, warp = threadIdx.x >> 5;
    v = isMax ? warpMax(v) : warpSum(v);
    if (lane == 0) scratch[warp] = v;
    __syncthreads();
    int nw = (blockDim.x + 31) / 32;
    v = lane < nw ? scratch[lane] : (isMax ? -CUDART_INF_F : 0.0f);
    v = isMax ? warpMax(v) : warpSum(v);
    __syncthreads();
    return v;
}

__global__ void softmaxRows(const float* x, float* y, int cols)
{
    const float* row = x + blockIdx.x * cols;
    float* out = y + blockIdx.x * cols;
    float m = -INFINITY;
    for (int c = threadIdx.x; c < cols; c += blockDim.x) m = fmaxf(m, row[c]);
    m = blockReduce(m, true);
    float s = 0.0f;
    for (int c = threadIdx.x; c < cols; c += blockDim.x) s += expf(row[c] - m);
    s = blockReduce(s, false);
    float inv = 1.0f / s;
    for (int c = threadIdx.x; c < cols; c += blockDim.x) out[c] = expf(row[c] - m) * inv;
}

__global__ void softmaxWarpPerRow(const float* x, float* y, int rows, int cols)
{
    int warp = (blockIdx.x * blockDim.x + threadIdx.x) / 32;
    int lane = threadIdx.x % 32;
    if (warp >= rows) return;
    const float* r = x + warp * cols;
    float m = -CUDART_INF_F;
    for (int c = lane; c < cols; c += 32) m = fmaxf(m, r[c]);
    m = warpMax(m);
    float s = 0.0f;
    for (int c = lane; c < cols; c += 32) s += __expf(r[c] - m);
    s = warpSum(s);
    for (int c = lane; c < cols; c += 32) y[warp * cols + c] = __expf(r[c] - m) / s;
}
