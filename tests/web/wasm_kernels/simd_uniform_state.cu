// simd_uniform_state.cu: a local kept per thread across barriers that has
// the same value in every thread (uniform.c), like a ping-pong scan's
// buffer index: SIMD128 thread loops (src/emit/wasm_simd.c) keep lane 0's
// copy in a local and store it to the four threads' frames after the turn,
// also when the turn changed it before a varying `if` that sent the four
// threads back to scalar turns.  Compared with the CPU backend by ctest
// wasm_kernels and wasm_workers.
// launch: pingPongScan --grid 3 --block 64 f32[192]=rand:21 f32[192]=zeros
// launch: pingPongScan --grid 1 --block 64 f32[64]=iota f32[64]=zeros
#include <cuda_runtime.h>

__global__ void pingPongScan(const float* in, float* out)
{
    __shared__ float s[2][64];
    int t = threadIdx.x, cur = 0;
    s[0][t] = in[blockIdx.x * 64 + t];
    __syncthreads();
    for (int d = 1; d < 32; d <<= 1) { // five steps: cur ends at 1
        cur ^= 1;
        float v = s[cur ^ 1][t];
        if (t >= d) v += s[cur ^ 1][t - d];
        s[cur][t] = v;
        __syncthreads();
    }
    float r = s[cur][t];
    if (t & 1) r += (float)(cur + 1); // lanes disagree: four scalar turns read their own copies
    out[blockIdx.x * 64 + t] = r;
}
