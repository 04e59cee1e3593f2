// block_votes.cu: exercises the block-wide vote barriers __syncthreads_count,
// __syncthreads_and, __syncthreads_or, and __syncwarp with a mask.
// launch: blockVotes --grid 4 --block 256 f32[1024]=rand:241 i32[12]=zeros f32:0.5
// launch: compactCount --grid 2 --block 128 i32[256]=iota i32[256]=zeros i32[4]=zeros
#include <cuda_runtime.h>

// per block: [count above, all above, any above]
__global__ void blockVotes(const float* x, int* out, float threshold)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    int above = x[i] > threshold;
    int count = __syncthreads_count(above);
    int all = __syncthreads_and(above);
    int any = __syncthreads_or(x[i] > 2.0f * threshold);
    if (threadIdx.x == 0) {
        out[3 * blockIdx.x + 0] = count;
        out[3 * blockIdx.x + 1] = all;
        out[3 * blockIdx.x + 2] = any;
    }
}

// Marks even values; counts[2b] = kept by vote, counts[2b+1] = kept by atomics.
__global__ void compactCount(const int* in, int* out, int* counts)
{
    __shared__ int pos;
    if (threadIdx.x == 0) pos = 0;
    __syncthreads();
    int v = in[blockIdx.x * blockDim.x + threadIdx.x];
    bool keep = (v % 2) == 0;
    int total = __syncthreads_count(keep);
    if (keep) atomicAdd(&pos, 1);
    out[blockIdx.x * blockDim.x + threadIdx.x] = keep ? v : -1;
    __syncwarp(0xffffffffu);
    __syncthreads();
    if (threadIdx.x == 0) {
        counts[2 * blockIdx.x] = total;
        counts[2 * blockIdx.x + 1] = pos;
    }
}
