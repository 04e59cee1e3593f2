// match_any.cu: exercises __match_any_sync and __match_all_sync (sm_70+) to
// group lanes by key, electing a leader per group with __ffs and aggregating
// increments into a histogram with one atomic per distinct key.
// launch: groupedHistogram --grid 4 --block 128 i32[512]=rand:261 u32[16]=zeros i32:512
// launch: matchAll --grid 1 --block 64 i32[64]=fill:3 i32[4]=zeros
#include <cuda_runtime.h>

__global__ void groupedHistogram(const int* keys, unsigned int* hist, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    int key = (i < n) ? (keys[i] & 15) : -1;
    unsigned int peers = __match_any_sync(0xffffffffu, key);
    int leader = __ffs(peers) - 1;
    int lane = threadIdx.x & 31;
    if (key >= 0 && lane == leader)
        atomicAdd(&hist[key], (unsigned int)__popc(peers));
}

__global__ void matchAll(const int* v, int* out)
{
    int pred = 0;
    unsigned int m = __match_all_sync(0xffffffffu, v[threadIdx.x], &pred);
    unsigned long long wide = (unsigned long long)v[threadIdx.x] << 33;
    unsigned int m64 = __match_any_sync(0xffffffffu, wide);
    if ((threadIdx.x & 31) == 0) {
        out[2 * (threadIdx.x / 32)] = pred;
        out[2 * (threadIdx.x / 32) + 1] = (int)(m == m64);
    }
}
