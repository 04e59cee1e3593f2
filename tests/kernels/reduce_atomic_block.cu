// reduce_atomic_block.cu: exercises a block reduction whose result is added
// to a global accumulator with atomicAdd (float and unsigned long long), and
// a grid-stride load loop.
// launch: sumAtomic --grid 16 --block 256 f32[65536]=fill:0.5 f32[1]=zeros i32:65536
// launch: sumSquaresU64 --grid 8 --block 128 u32[10000]=iota u64[1]=zeros i32:10000
#include <cuda_runtime.h>

template <typename T>
__device__ T blockSum(T v, T* smem)
{
    smem[threadIdx.x] = v;
    __syncthreads();
    for (int s = blockDim.x / 2; s > 0; s >>= 1) {
        if (threadIdx.x < s) smem[threadIdx.x] += smem[threadIdx.x + s];
        __syncthreads();
    }
    return smem[0];
}

__global__ void sumAtomic(const float* x, float* result, int n)
{
    __shared__ float smem[256];
    float local = 0.0f;
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += gridDim.x * blockDim.x)
        local += x[i];
    float total = blockSum(local, smem);
    if (threadIdx.x == 0) atomicAdd(result, total);
}

__global__ void sumSquaresU64(const unsigned int* x, unsigned long long* result, int n)
{
    __shared__ unsigned long long smem[128];
    unsigned long long local = 0;
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += gridDim.x * blockDim.x)
        local += (unsigned long long)x[i] * x[i];
    unsigned long long total = blockSum(local, smem);
    if (threadIdx.x == 0) atomicAdd(result, total);
}
