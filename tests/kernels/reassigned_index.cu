// reassigned_index.cu: an index variable assigned again after a barrier
// (the CPU backend gives each top-level assignment its own local), and one
// assigned inside a nested block too (which must keep a single variable).
// reverseTwice's last update of out[] follows a second barrier: thread t
// adds to the element that thread blockDim.x-1-t (another warp) updated
// before it, and without the barrier the two read-modify-writes race.
// launch: reverseTwice --grid 4 --block 64 i32[256]=iota i32[256]=zeros
// launch: nestedAssign --grid 3 --block 32 i32[96]=rand:5 i32[96]=zeros
#include <cuda_runtime.h>

__global__ void reverseTwice(const int* in, int* out)
{
    __shared__ int s[64];
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    s[threadIdx.x] = in[i];
    __syncthreads();
    i = blockIdx.x * blockDim.x + (blockDim.x - 1 - threadIdx.x);
    for (int k = 0; k < 2; k++) out[i] += s[threadIdx.x] * (k + 1);
    int j = i;
    __syncthreads();
    i = j - (int)(blockDim.x - 1 - threadIdx.x) + (int)threadIdx.x;
    out[i] += 1000 * (i == blockIdx.x * blockDim.x + threadIdx.x);
}

__global__ void nestedAssign(const int* in, int* out)
{
    __shared__ int s[32];
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    s[threadIdx.x] = in[i];
    __syncthreads();
    {
        i = blockIdx.x * blockDim.x + (31 - threadIdx.x);
    }
    out[i] = s[threadIdx.x] + 7;
}
