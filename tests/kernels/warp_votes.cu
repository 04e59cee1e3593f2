// warp_votes.cu: exercises __ballot_sync, __all_sync, __any_sync, __activemask,
// __popc of a ballot for warp-aggregated atomics, __lanemask_lt-style prefix via
// a computed mask, __shfl_sync broadcast and __shfl_up_sync.
// launch: warpVotes --grid 2 --block 64 i32[128]=rand:251 u32[16]=zeros
// launch: aggregatedAppend --grid 4 --block 128 f32[512]=rand:252 f32[512]=zeros u32[1]=zeros i32:512
// launch: divergentActive --grid 1 --block 32 u32[32]=zeros
#include <cuda_runtime.h>

// per warp: [ballot, all, any, popc]
__global__ void warpVotes(const int* v, unsigned int* out)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    int warp = i / 32;
    bool pred = (v[i] & 1) != 0;
    unsigned int b = __ballot_sync(0xffffffffu, pred);
    int all = __all_sync(0xffffffffu, pred);
    int any = __any_sync(0xffffffffu, v[i] > 0);
    if ((threadIdx.x & 31) == 0) {
        out[4 * warp + 0] = b;
        out[4 * warp + 1] = all;
        out[4 * warp + 2] = any;
        out[4 * warp + 3] = __popc(b);
    }
}

// Warp-local compaction (each warp packs into its own 32 slots) with one
// atomic per warp for the global count.
__global__ void aggregatedAppend(const float* in, float* out, unsigned int* count, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    float v = (i < n) ? in[i] : 0.0f;
    bool keep = (i < n) && v > 0.5f;
    unsigned int mask = __ballot_sync(0xffffffffu, keep);
    int lane = threadIdx.x & 31;
    unsigned int prior = 0;
    if (lane == 0 && mask) prior = atomicAdd(count, (unsigned int)__popc(mask));
    prior = __shfl_sync(0xffffffffu, prior, 0);
    unsigned int before = __popc(mask & ((1u << lane) - 1u));
    if (keep && prior <= (unsigned int)n) out[(i & ~31) + before] = v;
}

__global__ void divergentActive(unsigned int* out)
{
    int lane = threadIdx.x;
    unsigned int full = __activemask();
    unsigned int thirds = __ballot_sync(full, lane % 3 == 0);
    unsigned int m = 0;
    if (lane % 3 == 0) {
        m = __ballot_sync(thirds, lane & 1);
    } else {
        m = __ballot_sync(~thirds, lane & 2) | 0x80000000u;
    }
    int up = __shfl_up_sync(0xffffffffu, lane, 1);
    out[lane] = m ^ (unsigned int)up;
}
