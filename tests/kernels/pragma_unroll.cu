// pragma_unroll.cu: exercises `#pragma unroll`, `#pragma unroll N`,
// `#pragma unroll 1`, unrolling over a template constant, register arrays
// indexed by unrolled loop counters, and a polynomial evaluated by Horner.
// launch: unrolledDot<8> --grid 2 --block 128 f32[2048]=rand:291 f32[2048]=rand:292 f32[256]=zeros
// launch: horner --grid 4 --block 256 f32[1024]=rand:293 f32[1024]=zeros i32:1024
// launch: registerTile --grid 1 --block 64 f32[256]=iota f32[256]=zeros
#include <cuda_runtime.h>

template <int N>
__global__ void unrolledDot(const float* a, const float* b, float* out)
{
    int t = blockIdx.x * blockDim.x + threadIdx.x;
    float acc = 0.0f;
#pragma unroll
    for (int k = 0; k < N; ++k)
        acc += a[t * N + k] * b[t * N + k];
    out[t] = acc;
}
template __global__ void unrolledDot<8>(const float*, const float*, float*);
template __global__ void unrolledDot<4>(const float*, const float*, float*);

__global__ void horner(const float* x, float* y, int n)
{
    const float coeff[6] = {1.0f, -0.5f, 0.25f, -0.125f, 0.0625f, -0.03125f};
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    float v = x[i], r = 0.0f;
#pragma unroll 3
    for (int k = 5; k >= 0; --k)
        r = r * v + coeff[k];
    y[i] = r;
}

__global__ void registerTile(const float* in, float* out)
{
    float reg[4];
#pragma unroll
    for (int k = 0; k < 4; ++k) reg[k] = in[threadIdx.x * 4 + k];
#pragma unroll 1
    for (int pass = 0; pass < 3; ++pass) {
#pragma unroll
        for (int k = 3; k > 0; --k) reg[k] += reg[k - 1];
    }
#pragma unroll
    for (int k = 0; k < 4; ++k) out[threadIdx.x * 4 + k] = reg[k];
}
