// divergent_turns.cu: kernels whose threads leave at a condition that
// differs between neighbouring threads, in blocks whose rows are 32 or 64
// threads wide.  The WebAssembly target runs such rows in turns of 32
// lanes; a turn whose lanes disagree falls back to turns of 4 lanes, and
// only a group of 4 that still disagrees goes thread by thread
// (emit/wasm_simd.c's turns).  Covered: a 2-D stencil copying its border
// (the first and last column of the image fall inside a turn, the image
// width not a multiple of the block's), exits at every eighth thread, and
// a scan-like loop whose condition splits a turn at each step.
// launch: borderStencil --grid 3,5 --block 32,4 f32[1400]=rand:31 f32[1400]=zeros i32:70 i32:20
// launch: borderStencil --grid 2,10 --block 64,2 f32[1400]=rand:32 f32[1400]=zeros i32:70 i32:20
// launch: everyEighth --grid 4 --block 64 f32[250]=rand:33 f32[250]=zeros i32:250
// launch: stepSums --grid 3 --block 64 f32[192]=rand:34 f32[192]=zeros
#include <cuda_runtime.h>

__global__ void borderStencil(const float* in, float* out, int w, int h)
{
    int x = blockIdx.x * blockDim.x + threadIdx.x;
    int y = blockIdx.y * blockDim.y + threadIdx.y;
    if (x >= w || y >= h) return;
    int i = y * w + x;
    if (x == 0 || y == 0 || x == w - 1 || y == h - 1) {
        out[i] = in[i];
        return;
    }
    out[i] = 0.25f * (in[i - 1] + in[i + 1] + in[i - w] + in[i + w]) - in[i];
}

// Threads 5, 13, 21, ... write a marker and leave; the others scale.
__global__ void everyEighth(const float* in, float* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    if ((i & 7) == 5) {
        out[i] = -1.0f;
        return;
    }
    out[i] = 3.0f * in[i] + 1.0f;
}

// Inclusive sums over each block of 64 by doubling steps: at step s the
// threads from s on add the value s places before theirs.
__global__ void stepSums(const float* in, float* out)
{
    __shared__ float buf[2][64];
    int t = threadIdx.x, cur = 0;
    buf[0][t] = in[blockIdx.x * 64 + t];
    __syncthreads();
    for (int s = 1; s < 64; s *= 2) {
        float v = buf[cur][t];
        if (t >= s) v += buf[cur][t - s];
        buf[1 - cur][t] = v;
        cur = 1 - cur;
        __syncthreads();
    }
    out[blockIdx.x * 64 + t] = buf[cur][t];
}
