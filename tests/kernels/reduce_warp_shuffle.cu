// reduce_warp_shuffle.cu: exercises __shfl_down_sync and __shfl_xor_sync warp
// reductions, a per-warp partial array in shared memory and lane/warp ids.
// launch: reduceShuffle --grid 4 --block 256 f32[4096]=rand:11 f32[4]=zeros i32:4096
// launch: allReduceXor --grid 2 --block 64 f32[128]=iota f32[128]=zeros
#include <cuda_runtime.h>

__inline__ __device__ float warpReduceSum(float val)
{
    for (int offset = warpSize / 2; offset > 0; offset /= 2)
        val += __shfl_down_sync(0xffffffff, val, offset);
    return val;
}

__global__ void reduceShuffle(const float* in, float* out, int n)
{
    __shared__ float warpSums[32];
    int lane = threadIdx.x % warpSize;
    int wid = threadIdx.x / warpSize;

    float sum = 0.0f;
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
        sum += in[i];

    sum = warpReduceSum(sum);
    if (lane == 0) warpSums[wid] = sum;
    __syncthreads();

    sum = (threadIdx.x < blockDim.x / warpSize) ? warpSums[lane] : 0.0f;
    if (wid == 0) sum = warpReduceSum(sum);
    if (threadIdx.x == 0) out[blockIdx.x] = sum;
}

// Every lane ends with the warp's total (butterfly).
__global__ void allReduceXor(const float* in, float* out)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    float v = in[i];
    for (int mask = 16; mask >= 1; mask >>= 1)
        v += __shfl_xor_sync(0xffffffffu, v, mask, 32);
    out[i] = v;
}
