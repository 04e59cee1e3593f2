// barrier_shapes_general.cu: barriers and warp collectives inside a switch
// (split by the case each thread enters), between a goto and its label
// (the CPU backend: one coroutine per thread) and in a loop's step
// expression (made statements of the body by lower_splits.c).
// launch: switchPhase --grid 3 --block 64 i32[192]=iota i32:1
// launch: switchPhase --grid 2 --block 96 i32[192]=iota i32:0
// launch: switchPhase --grid 2 --block 32 i32[64]=iota i32:7
// launch: gotoRounds --grid 2 --block 128 f32[256]=rand:3 i32:5
// launch: stepBarrierScan --grid 4 --block 128 i32[512]=rand:9 i32[512]=zeros
// launch: switchWarp --grid 2 --block 64 i32[128]=iota i32[128]=zeros
// launch: switchCount --grid 3 --block 100 i32[300]=rand:4 i32[3]=zeros
// launch: switchExit --grid 2 --block 64 i32[128]=iota i32[2]=zeros
// launch: switchWarpMore --grid 2 --block 64 i32[128]=rand:6 i32[512]=zeros
#include <cuda_runtime.h>

// mode 1: reverse the block's values through shared memory in two barrier
// phases inside the case; mode 0: rotate by one; other modes: unchanged.
__global__ void switchPhase(int* data, int mode)
{
    __shared__ int s[128];
    int t = threadIdx.x, g = blockIdx.x * blockDim.x + t;
    s[t] = data[g];
    __syncthreads();
    switch (mode) {
    case 1: {
        int v = s[blockDim.x - 1 - t];
        __syncthreads();
        s[t] = v * 2;
        __syncthreads();
        break;
    }
    case 0: {
        int v = s[(t + 1) % blockDim.x];
        __syncthreads();
        s[t] = v;
        __syncthreads();
        break;
    }
    default:
        break;
    }
    data[g] = s[t] + 1;
}

// A neighbour-averaging loop written with goto; each round has two
// barriers between the label and the jump back.
__global__ void gotoRounds(float* data, int rounds)
{
    __shared__ float s[128];
    int t = threadIdx.x, g = blockIdx.x * blockDim.x + t;
    int r = 0;
    s[t] = data[g];
again:
    __syncthreads();
    float v = s[(t + 1) % blockDim.x];
    __syncthreads();
    s[t] = 0.5f * (s[t] + v);
    if (++r < rounds) goto again;
    __syncthreads();
    data[g] = s[t];
}

// Hillis-Steele inclusive scan whose barrier sits in the loop's step.
__global__ void stepBarrierScan(const int* in, int* out)
{
    __shared__ int s[128];
    int t = threadIdx.x, g = blockIdx.x * blockDim.x + t;
    s[t] = in[g];
    int v;
    for (int d = 1; d < blockDim.x; d <<= 1, __syncthreads(), s[t] = v, __syncthreads()) {
        __syncthreads();
        v = s[t];
        if (t >= d) v += s[t - d];
    }
    out[g] = s[t];
}

// Warp shuffles and a vote inside the arms of a divergent switch.
__global__ void switchWarp(const int* in, int* out)
{
    int t = threadIdx.x, g = blockIdx.x * blockDim.x + t;
    int v = in[g];
    switch (t & 1) {
    case 0:
        v += __shfl_xor_sync(0x55555555u, v, 2);
        break;
    default:
        v = __shfl_down_sync(0xaaaaaaaau, v, 2) * 10;
        v += (int)__popc(__ballot_sync(0xaaaaaaaau, (in[g] & 3) == 3));
        break;
    }
    out[g] = v;
}

// __syncthreads_count inside a switch: each block counts its odd values.
__global__ void switchCount(const int* in, int* counts)
{
    int t = threadIdx.x, g = blockIdx.x * blockDim.x + t;
    switch (blockIdx.x) {
    case 1: {
        int c = __syncthreads_count(in[g] & 1);
        if (t == 0) counts[blockIdx.x] = c + 1000;
        break;
    }
    default: {
        int c = __syncthreads_count(in[g] & 1);
        if (t == 0) counts[blockIdx.x] = c;
        break;
    }
    }
}

// Threads that return inside a switch leave the barrier's count, as on the GPU.
__global__ void switchExit(const int* in, int* counts)
{
    int t = threadIdx.x;
    switch (t % 3) {
    case 0:
        return;
    default:
        break;
    }
    int c = __syncthreads_count(in[blockIdx.x * blockDim.x + t] > 10);
    if (t == 1) counts[blockIdx.x] = c;
}

// More collectives inside a switch: warp reduce, match, all, and a block OR.
__global__ void switchWarpMore(const int* in, int* out)
{
    int t = threadIdx.x, g = blockIdx.x * blockDim.x + t;
    int v = in[g];
    int r0 = 0, r1 = 0, r2 = 0, r3 = 0;
    switch (blockIdx.x) {
    default:
        r0 = (int)__reduce_add_sync(0xffffffffu, (unsigned)v);
        r1 = (int)__match_any_sync(0xffffffffu, v % 4);
        r2 = __all_sync(0xffffffffu, v < 90);
        r3 = __syncthreads_or(v == 42);
        break;
    }
    out[4 * g] = r0;
    out[4 * g + 1] = r1;
    out[4 * g + 2] = r2;
    out[4 * g + 3] = r3;
}
