// device_globals.cu: exercises __device__ global variables (scalars, arrays,
// a struct), __managed__ globals, a __device__ counter bumped by atomics,
// reading __constant__ and __device__ tables, and a "last block" pattern
// with __threadfence().
// launch: countCalls --grid 4 --block 64 i32[1]=zeros
// launch: lookupTable --grid 1 --block 256 i32[256]=iota f32[256]=zeros
// launch: accumulateManaged --grid 2 --block 128 f32[256]=fill:1
// launch: lastBlockSum --grid 8 --block 128 f32[1024]=fill:1 f32[8]=zeros f32[1]=zeros i32:1024
#include <cuda_runtime.h>

__device__ int callCount = 0;
__device__ float table[8] = {0.f, 1.f, 4.f, 9.f, 16.f, 25.f, 36.f, 49.f};
__device__ unsigned int blocksDone;

struct Stats {
    float sum;
    int count;
};
__device__ Stats globalStats;

__managed__ float managedTotal = 0.0f;
__managed__ int managedHits;

// The thread that draws the last ticket reports the total.
__global__ void countCalls(int* total)
{
    int ticket = atomicAdd(&callCount, 1);
    if (ticket == (int)(blockDim.x * gridDim.x) - 1) total[0] = ticket + 1;
}

__global__ void lookupTable(const int* idx, float* out)
{
    out[threadIdx.x] = table[idx[threadIdx.x] & 7];
}

__global__ void accumulateManaged(const float* x)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    atomicAdd(&managedTotal, x[i]);
    atomicAdd(&managedHits, 1);
    atomicAdd(&globalStats.sum, x[i]);
    atomicAdd(&globalStats.count, 1);
}

__global__ void lastBlockSum(const float* x, float* partial, float* total, int n)
{
    __shared__ float s[128];
    __shared__ bool amLast;
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    s[threadIdx.x] = (i < n) ? x[i] : 0.0f;
    __syncthreads();
    for (int k = blockDim.x / 2; k > 0; k >>= 1) {
        if (threadIdx.x < k) s[threadIdx.x] += s[threadIdx.x + k];
        __syncthreads();
    }
    if (threadIdx.x == 0) {
        partial[blockIdx.x] = s[0];
        __threadfence();
        unsigned int ticket = atomicInc(&blocksDone, gridDim.x);
        amLast = (ticket == gridDim.x - 1);
    }
    __syncthreads();
    if (amLast && threadIdx.x == 0) {
        float t = 0.0f;
        for (unsigned int b = 0; b < gridDim.x; ++b) t += ((volatile float*)partial)[b];
        total[0] = t;
        blocksDone = 0;
    }
}
