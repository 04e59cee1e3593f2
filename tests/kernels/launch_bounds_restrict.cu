// launch_bounds_restrict.cu: exercises __launch_bounds__ with one and two
// arguments, __restrict__ on every pointer, const __restrict__ loads via __ldg,
// __forceinline__ and __noinline__ device functions.
// launch: boundedSaxpy --grid 4 --block 256 f32[1024]=rand:161 f32[1024]=rand:162 f32:3.0 i32:1024
// launch: boundedBlend --grid 8 --block 128 f32[1024]=rand:163 f32[1024]=rand:164 f32[1024]=zeros f32:0.3 i32:1024
#include <cuda_runtime.h>

__device__ __forceinline__ float lerp(float a, float b, float t)
{
    return fmaf(t, b - a, a);
}

__device__ __noinline__ float clamp01(float v)
{
    return fminf(fmaxf(v, 0.0f), 1.0f);
}

__global__ void __launch_bounds__(256)
boundedSaxpy(const float* __restrict__ x, float* __restrict__ y, float a, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) y[i] = a * __ldg(&x[i]) + y[i];
}

__global__ void __launch_bounds__(128, 4)
boundedBlend(const float* __restrict__ a, const float* __restrict__ b,
             float* __restrict__ out, float t, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) out[i] = clamp01(lerp(__ldg(a + i), __ldg(b + i), t));
}
