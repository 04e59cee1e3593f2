// bitonic_sort.cu: exercises a bitonic sorting network: a whole sort of one
// block in shared memory, and the global compare-exchange step driven by
// (j, k) scalars from the host; XOR partner indexing and swaps.
// launch: bitonicSortShared --grid 1 --block 512 f32[512]=rand:21
// launch: bitonicSortShared --grid 4 --block 512 f32[2048]=rand:22
// launch: bitonicStep --grid 8 --block 256 i32[2048]=rand:23 i32:2 i32:4
#include <cuda_runtime.h>

#define SORT_N 512

__device__ inline void swapf(float& a, float& b)
{
    float t = a;
    a = b;
    b = t;
}

// Sorts each block's SORT_N-element slice ascending.
__global__ void bitonicSortShared(float* data)
{
    __shared__ float s[SORT_N];
    unsigned int tid = threadIdx.x;
    float* base = data + blockIdx.x * SORT_N;
    s[tid] = base[tid];
    __syncthreads();
    for (unsigned int k = 2; k <= SORT_N; k <<= 1) {
        for (unsigned int j = k >> 1; j > 0; j >>= 1) {
            unsigned int ixj = tid ^ j;
            if (ixj > tid) {
                bool ascending = (tid & k) == 0;
                if ((s[tid] > s[ixj]) == ascending)
                    swapf(s[tid], s[ixj]);
            }
            __syncthreads();
        }
    }
    base[tid] = s[tid];
}

__global__ void bitonicStep(int* data, int j, int k)
{
    unsigned int i = threadIdx.x + blockDim.x * blockIdx.x;
    unsigned int ixj = i ^ j;
    if (ixj > i) {
        int a = data[i], b = data[ixj];
        if ((i & k) == 0) {
            if (a > b) { data[i] = b; data[ixj] = a; }
        } else {
            if (a < b) { data[i] = b; data[ixj] = a; }
        }
    }
}
