// fission_shapes.cu: shapes the barrier fission pass (src/kir/passes/
// fission.c) rewrites for the WebAssembly target, each compared with the
// CPU backend by tests/web/run_wasm_kernels.mjs (ctest wasm_kernels).
// launch: earlyExit --grid 3 --block 64 i32[192]=iota i32[192]=zeros i32:150
// launch: switchFallThrough --grid 2 --block 32 i32[64]=iota i32[64]=zeros i32:1
// launch: switchFallThrough --grid 2 --block 32 i32[64]=iota i32[64]=zeros i32:2
// launch: inlinedEarlyReturn --grid 2 --block 64 i32[128]=rand:5 i32[128]=zeros i32:1
// launch: inlinedEarlyReturn --grid 2 --block 64 i32[128]=rand:5 i32[128]=zeros i32:0
// launch: voteLoop --grid 2 --block 96 i32[192]=rand:9 i32[192]=zeros
// launch: nestedLoops --grid 2 --block 32 f32[64]=rand:3 f32[64]=zeros i32:5
// launch: partialWarp --grid 3 --block 48 i32[144]=iota i32[144]=zeros
// launch: inlinedParamLoop --grid 3 --block 64 i32[192]=iota i32[192]=zeros i32:2
#include <cuda_runtime.h>

// threads past n leave before the barriers; the others still exchange
__global__ void earlyExit(const int* in, int* out, int n)
{
    __shared__ int s[64];
    int t = threadIdx.x, g = blockIdx.x * blockDim.x + t;
    if (g >= n) return;
    s[t] = in[g];
    __syncthreads();
    int left = t > 0 ? s[t - 1] : -1;
    __syncthreads();
    s[t] = left * 2;
    __syncthreads();
    out[g] = s[t] + t;
}

// a barrier inside a switch whose cases fall through
__global__ void switchFallThrough(const int* in, int* out, int mode)
{
    __shared__ int s[32];
    int t = threadIdx.x, g = blockIdx.x * blockDim.x + t;
    int v = in[g];
    switch (mode) {
    case 1:
        s[t] = v;
        __syncthreads();
        v = s[31 - t];
        /* fall through */
    case 2:
        __syncthreads();
        s[t] = v + 1;
        __syncthreads();
        v = s[(t + 1) % 32];
        break;
    default:
        v = -1;
    }
    out[g] = v;
}

// a device function with barriers that returns early (uniformly)
__device__ int blockMax(int v, int* s, int skip)
{
    s[threadIdx.x] = v;
    __syncthreads();
    if (skip) return v;
    for (int k = blockDim.x / 2; k > 0; k >>= 1) {
        if (threadIdx.x < k) s[threadIdx.x] = max(s[threadIdx.x], s[threadIdx.x + k]);
        __syncthreads();
    }
    return s[0];
}

__global__ void inlinedEarlyReturn(const int* in, int* out, int skip)
{
    __shared__ int s[64];
    int g = blockIdx.x * blockDim.x + threadIdx.x;
    out[g] = blockMax(in[g], s, skip) * 10 + (int)threadIdx.x % 10;
}

// a loop whose condition is a block vote, and warp votes inside
__global__ void voteLoop(const int* in, int* out)
{
    int t = threadIdx.x, g = blockIdx.x * blockDim.x + t;
    int v = in[g], steps = 0;
    while (__syncthreads_or(v > 0)) {
        unsigned b = __ballot_sync(0xffffffffu, v & 1);
        v -= 7;
        steps += __popc(b) & 3;
    }
    out[g] = steps * 100 + __any_sync(0xffffffffu, v < -5);
}

// nested loops with barriers, a break in an inner loop without barriers
__global__ void nestedLoops(const float* in, float* out, int rounds)
{
    __shared__ float s[32];
    int t = threadIdx.x, g = blockIdx.x * blockDim.x + t;
    float acc = in[g];
    for (int r = 0; r < rounds; ++r) {
        s[t] = acc;
        __syncthreads();
        for (int j = 0; j < 32; ++j) {
            if (j > t) break;
            acc += s[j] * 0.01f;
        }
        __syncthreads();
    }
    out[g] = acc;
}

// shuffles in a block that ends with a partial warp (lanes 16..31 of the
// second warp do not exist)
__global__ void partialWarp(const int* in, int* out)
{
    int g = blockIdx.x * blockDim.x + threadIdx.x;
    int v = in[g];
    for (int o = 8; o > 0; o >>= 1) v += __shfl_xor_sync(0xffffffffu, v, o, 16);
    out[g] = v + __shfl_up_sync(0xffffffffu, v, 1, 16);
}

// a loop with barriers in an inlined device function whose trip count is
// the function's parameter: same in every thread, but the parameter is a
// per-thread local after inlining, so the loop cannot run at block level
__device__ int rotateSum(int* s, int v, int rounds)
{
    int acc = 0;
    for (int r = 0; r < rounds; ++r) {
        s[threadIdx.x] = v + r;
        __syncthreads();
        acc += s[(threadIdx.x + 1) % blockDim.x];
        __syncthreads();
    }
    return acc;
}

__global__ void inlinedParamLoop(const int* in, int* out, int rounds)
{
    __shared__ int s[64];
    int g = blockIdx.x * blockDim.x + threadIdx.x;
    out[g] = rotateSum(s, in[g], rounds + (int)blockIdx.x);
}
