// reduce_add_sync.cu: exercises the sm_80 warp reduce intrinsics
// __reduce_add_sync, __reduce_min_sync, __reduce_max_sync, __reduce_or_sync
// on integers, with one atomicAdd per warp.
// launch: warpReduceIntrinsics --grid 2 --block 128 i32[256]=iota u32[4]=zeros i32:256
// launch: countOdd --grid 4 --block 256 u32[1000]=rand:3 u32[1]=zeros i32:1000
#include <cuda_runtime.h>

// out[0] = sum, out[1] = min, out[2] = max, out[3] = or of all values
__global__ void warpReduceIntrinsics(const int* in, unsigned int* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    unsigned int v = (i < n) ? (unsigned int)in[i] : 0u;
    unsigned int vmin = (i < n) ? (unsigned int)in[i] : 0xffffffffu;
    unsigned int s = __reduce_add_sync(0xffffffffu, v);
    unsigned int lo = __reduce_min_sync(0xffffffffu, vmin);
    unsigned int hi = __reduce_max_sync(0xffffffffu, v);
    unsigned int bits = __reduce_or_sync(0xffffffffu, v);
    if ((threadIdx.x & 31) == 0) {
        atomicAdd(&out[0], s);
        atomicMin(&out[1], lo);
        atomicMax(&out[2], hi);
        atomicOr(&out[3], bits);
    }
}

__global__ void countOdd(const unsigned int* in, unsigned int* count, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    unsigned int odd = (i < n) ? (in[i] & 1u) : 0u;
    unsigned int warpCount = __reduce_add_sync(__activemask(), odd);
    if (threadIdx.x % 32 == 0) atomicAdd(count, warpCount);
}
