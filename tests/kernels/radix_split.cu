// radix_split.cu: exercises one pass of a block-local radix sort: extracting a
// bit, an exclusive scan of the zero flags in shared memory, computing the
// scatter address for ones from the total, and looping over 32 bits with
// barriers; plus a digit-count kernel using 4-bit digits.
// launch: radixSortBlock --grid 2 --block 256 u32[512]=rand:421
// launch: digitCounts --grid 4 --block 256 u32[1024]=rand:422 u32[16]=zeros i32:1024 i32:8
#include <cuda_runtime.h>

#define RS_BLOCK 256

__global__ void radixSortBlock(unsigned int* keys)
{
    __shared__ unsigned int s[RS_BLOCK];
    __shared__ unsigned int scan[RS_BLOCK];
    unsigned int tid = threadIdx.x;
    unsigned int* base = keys + blockIdx.x * RS_BLOCK;
    s[tid] = base[tid];
    __syncthreads();
    for (int bit = 0; bit < 32; ++bit) {
        unsigned int key = s[tid];
        unsigned int isZero = ((key >> bit) & 1u) ^ 1u;
        scan[tid] = isZero;
        __syncthreads();
        for (unsigned int off = 1; off < RS_BLOCK; off <<= 1) {
            unsigned int v = tid >= off ? scan[tid - off] : 0u;
            __syncthreads();
            scan[tid] += v;
            __syncthreads();
        }
        unsigned int totalZeros = scan[RS_BLOCK - 1];
        unsigned int zerosBefore = scan[tid] - isZero;
        unsigned int dst = isZero ? zerosBefore : totalZeros + (tid - zerosBefore);
        __syncthreads();
        s[dst] = key;
        __syncthreads();
    }
    base[tid] = s[tid];
}

__global__ void digitCounts(const unsigned int* keys, unsigned int* counts, int n, int shift)
{
    __shared__ unsigned int local[16];
    if (threadIdx.x < 16) local[threadIdx.x] = 0;
    __syncthreads();
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) atomicAdd(&local[(keys[i] >> shift) & 0xF], 1u);
    __syncthreads();
    if (threadIdx.x < 16) atomicAdd(&counts[threadIdx.x], local[threadIdx.x]);
}
