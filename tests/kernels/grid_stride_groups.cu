// grid_stride_groups.cu: block-level work around grid-stride loops, which
// the CPU backend runs for consecutive blocks together (emit/c_group.c):
// a block scalar used in the loop, a per-thread sum kept across it, the
// block's __shared__ arrays written before and read after it, a device
// function that reads blockIdx.x and takes the block's shared array, the
// block's dynamic shared memory, threads that return before the loop, and
// grids of a few blocks, of an odd number, and of more than a group.
// launch: groupSums --grid 7 --block 64 i32[3000]=rand:21 i32[7]=zeros i32:3000
// launch: groupSums --grid 40 --block 32 i32[20000]=rand:22 i32[40]=zeros i32:20000
// launch: groupSums --grid 3 --block 64 i32[100]=rand:23 i32[3]=zeros i32:100
// launch: groupDyn --grid 9 --block 64 --shared 256 i32[4000]=rand:24 i32[576]=zeros i32:4000 i32:64
// launch: groupDyn --grid 21 --block 32 --shared 128 i32[9000]=rand:25 i32[672]=zeros i32:9000 i32:20
#include <cuda_runtime.h>

// Where a block adds its total: one of two counters, chosen by blockIdx.x
// (a block run in a group must see its own index here too).
__device__ int* blockSlot(int* counters) { return counters + (blockIdx.x & 1); }

__global__ void groupSums(const int* x, int* out, int n)
{
    __shared__ int part[64];
    __shared__ int counters[2];
    int t = threadIdx.x;
    int scale = (int)blockIdx.x + 1;
    if (t < 2) counters[t] = 0;
    int s = 0;
    for (int i = blockIdx.x * blockDim.x + t; i < n; i += blockDim.x * gridDim.x) s += (x[i] & 1023) * scale;
    part[t] = s;
    __syncthreads();
    if (t == 0) {
        int total = 0;
        for (int k = 0; k < (int)blockDim.x; k++) total += part[k];
        atomicAdd(blockSlot(counters), total);
    }
    __syncthreads();
    if (t == 0) out[blockIdx.x] = counters[blockIdx.x & 1] + (counters[(blockIdx.x + 1) & 1] + 7) * 3;
}

extern __shared__ int dyn[];

__global__ void groupDyn(const int* x, int* out, int n, int limit)
{
    int t = threadIdx.x;
    dyn[t] = (int)blockIdx.x;
    if (t >= limit) return;
    int c = 0;
    for (int i = blockIdx.x * blockDim.x + t; i < n; i += blockDim.x * gridDim.x) c += x[i] & 7;
    __syncthreads();
    out[blockIdx.x * blockDim.x + t] = c + dyn[(t + 1) % limit] * 100;
}
