// template_elementwise.cu: exercises function templates on type, a functor
// template parameter (struct with __device__ operator()), a non-type int
// parameter for items-per-thread, default template arguments and explicit
// instantiation of each kernel that should exist.
// launch: transformKernel<float,Square> --grid 4 --block 256 f32[1024]=rand:71 f32[1024]=zeros i32:1024
// launch: transformKernel<int,Negate> --grid 2 --block 128 i32[256]=iota i32[256]=zeros i32:256
// launch: scaleMany<float,4> --grid 2 --block 128 f32[1024]=iota f32:0.5 i32:1024
// launch: scaleMany<double,2> --grid 2 --block 64 f64[256]=fill:3 f64:2 i32:256
#include <cuda_runtime.h>

struct Square {
    template <typename T>
    __device__ T operator()(T v) const { return v * v; }
};

struct Negate {
    template <typename T>
    __device__ T operator()(T v) const { return -v; }
};

template <typename T, typename Op>
__global__ void transformKernel(const T* in, T* out, int n)
{
    Op op;
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) out[i] = op(in[i]);
}

template <typename T, int ITEMS = 4>
__global__ void scaleMany(T* data, T factor, int n)
{
    int base = (blockIdx.x * blockDim.x + threadIdx.x) * ITEMS;
#pragma unroll
    for (int k = 0; k < ITEMS; ++k) {
        int i = base + k;
        if (i < n) data[i] *= factor;
    }
}

template __global__ void transformKernel<float, Square>(const float*, float*, int);
template __global__ void transformKernel<int, Negate>(const int*, int*, int);
template __global__ void scaleMany<float, 4>(float*, float, int);
template __global__ void scaleMany<double, 2>(double*, double, int);
