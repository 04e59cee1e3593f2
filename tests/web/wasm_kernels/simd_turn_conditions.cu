// simd_turn_conditions.cu: ifs whose condition compares an affine index
// (threadIdx.x plus uniform values) with a uniform one, which
// src/emit/wasm_simd.c decides for a whole turn of 16 threads from the
// first and last lane's values (all take it, none does, or the turn runs
// thread by thread): every comparison operator with the index on either
// side, under ! && ||, bounds inside a turn, at its edges and outside the
// block, and narrow blocks (turns of 4, and the scalar loop).  Compared
// with the CPU backend by ctest wasm_kernels and wasm_workers.
// launch: edges --grid 4 --block 32 f32[128]=rand:21 f32[128]=zeros i32:128 i32:16
// launch: edges --grid 3 --block 16 f32[48]=rand:22 f32[48]=zeros i32:40 i32:7
// launch: edges --grid 2 --block 12 f32[24]=rand:23 f32[24]=zeros i32:24 i32:5
// launch: edges --grid 2 --block 6 f32[12]=rand:24 f32[12]=zeros i32:11 i32:3
// launch: operators --grid 2 --block 64 i32[128]=zeros i32:37 i32:16
// launch: operators --grid 1 --block 32 i32[32]=zeros i32:15 i32:31
// launch: operators --grid 1 --block 32 i32[32]=zeros i32:-5 i32:100
#include <cuda_runtime.h>

// a stencil's guards: out of range returns, borders copied, inner points
// averaged; `k` moves the borders inside the turns
__global__ void edges(const float* in, float* out, int n, int k)
{
    int x = blockIdx.x * blockDim.x + threadIdx.x;
    if (x >= n) return;
    float v;
    if (x == 0 || x == n - 1 || !(x != k)) v = in[x];
    else if (k <= x && x < k + 4) v = -in[x];
    else v = 0.5f * (in[x - 1] + in[x + 1]);
    out[x] = v;
}

// each operator, the index on the left and on the right
__global__ void operators(int* out, int c, int d)
{
    int x = blockIdx.x * blockDim.x + threadIdx.x;
    int r = 0;
    if (x < c) r += 1;
    if (x <= c) r += 2;
    if (x > c) r += 4;
    if (x >= c) r += 8;
    if (c < x) r += 16;
    if (d >= x) r += 32;
    if (x == d) r += 64;
    if (x != d) r += 128;
    if (!(x < d) && x <= d + 8) r += 256;
    out[x] = r;
}
