// vector_add.cu: exercises the simplest grid-stride and one-thread-per-element
// kernels: vector add and saxpy, with __restrict__ pointers.
// launch: vectorAdd --grid 4 --block 256 f32[1024]=rand:1 f32[1024]=rand:2 f32[1024]=zeros i32:1024
// launch: saxpy --grid 8 --block 128 i32:1000 f32:2.5 f32[1000]=rand:3 f32[1000]=rand:4
// launch: vectorAddGridStride --grid 2 --block 64 f32[5000]=iota f32[5000]=fill:1.5 f32[5000]=zeros i32:5000
#include <cuda_runtime.h>

__global__ void vectorAdd(const float* __restrict__ a, const float* __restrict__ b,
                          float* __restrict__ c, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n)
        c[i] = a[i] + b[i];
}

__global__ void saxpy(int n, float alpha, const float* x, float* y)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) y[i] = alpha * x[i] + y[i];
}

__global__ void vectorAddGridStride(const float* a, const float* b, float* c, int n)
{
    for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x)
        c[i] = a[i] + b[i];
}
