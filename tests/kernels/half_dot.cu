// half_dot.cu: exercises cuda_fp16.h: __half and __half2 loads, __hfma2 and
// __hmul2 accumulation, __float2half/__half2float, __low2float/__high2float,
// __floats2half2_rn, __hadd and half comparisons, and a float accumulator.
// launch: halfDot --grid 4 --block 128 f16[2048]=rand:121 f16[2048]=rand:122 f32[1]=zeros i32:1024
// launch: floatToHalf --grid 4 --block 256 f32[1000]=rand:123 f16[1000]=zeros i32:1000
// launch: halfAxpy --grid 2 --block 256 i32:500 f32:2.0 f16[500]=rand:124 f16[500]=rand:125
// launch: halfRelu --grid 2 --block 256 f16[512]=iota:-128:0.5 i32:512
#include <cuda_runtime.h>
#include <cuda_fp16.h>

// a and b hold n2 __half2 pairs (2*n2 halves).
__global__ void halfDot(const __half2* a, const __half2* b, float* result, int n2)
{
    __shared__ float partial[128];
    __half2 acc = __float2half2_rn(0.0f);
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n2; i += blockDim.x * gridDim.x)
        acc = __hfma2(a[i], b[i], acc);
    partial[threadIdx.x] = __low2float(acc) + __high2float(acc);
    __syncthreads();
    for (int s = blockDim.x / 2; s > 0; s >>= 1) {
        if (threadIdx.x < s) partial[threadIdx.x] += partial[threadIdx.x + s];
        __syncthreads();
    }
    if (threadIdx.x == 0) atomicAdd(result, partial[0]);
}

__global__ void floatToHalf(const float* in, __half* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) out[i] = __float2half(in[i]);
}

__global__ void halfAxpy(int n, float alpha, const __half* x, __half* y)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        __half a = __float2half(alpha);
        y[i] = __hadd(__hmul(a, x[i]), y[i]);
    }
}

__global__ void halfRelu(__half* x, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    const __half zero = __float2half(0.0f);
    if (__hlt(x[i], zero)) x[i] = zero;
    __half2 pair = __floats2half2_rn(__half2float(x[i]), 1.0f);
    pair = __hmul2(pair, __float2half2_rn(1.0f));
    x[i] = __low2half(pair);
}
