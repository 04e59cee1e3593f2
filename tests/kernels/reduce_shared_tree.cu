// reduce_shared_tree.cu: exercises the classic shared-memory tree reduction
// (sequential addressing, first add during load) and a second pass that
// reduces the per-block partial sums.
// launch: reduceTree --grid 8 --block 256 f32[4096]=rand:7 f32[8]=zeros i32:4096
// launch: reduceTree --grid 1 --block 256 f32[8]=fill:1 f32[1]=zeros i32:8
// launch: reduceInterleaved --grid 4 --block 128 i32[512]=iota i32[4]=zeros i32:512
#include <cuda_runtime.h>

#define BLOCK 256

__global__ void reduceTree(const float* in, float* out, int n)
{
    __shared__ float sdata[BLOCK];
    unsigned int tid = threadIdx.x;
    unsigned int i = blockIdx.x * (blockDim.x * 2) + threadIdx.x;

    float v = 0.0f;
    if (i < n) v = in[i];
    if (i + blockDim.x < n) v += in[i + blockDim.x];
    sdata[tid] = v;
    __syncthreads();

    for (unsigned int s = blockDim.x / 2; s > 0; s >>= 1) {
        if (tid < s)
            sdata[tid] += sdata[tid + s];
        __syncthreads();
    }
    if (tid == 0) out[blockIdx.x] = sdata[0];
}

// Interleaved addressing with a modulo test: slow but a different shape.
__global__ void reduceInterleaved(const int* in, int* out, int n)
{
    __shared__ int sdata[128];
    unsigned int tid = threadIdx.x;
    unsigned int i = blockIdx.x * blockDim.x + threadIdx.x;
    sdata[tid] = (i < n) ? in[i] : 0;
    __syncthreads();
    for (unsigned int s = 1; s < blockDim.x; s *= 2) {
        if (tid % (2 * s) == 0)
            sdata[tid] += sdata[tid + s];
        __syncthreads();
    }
    if (tid == 0) out[blockIdx.x] = sdata[0];
}
