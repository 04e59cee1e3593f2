// expect: 9:19: variable 'scale' would need dynamic initialization
// __half is a class whose conversion from float is a constructor call,
// not a constant: a __device__ __half initialized from a float literal
// needs code to run before the kernel, which CUDA does not support for
// device variables.
#include <cuda_fp16.h>

__device__ float bias = 0.25f;
__device__ __half scale = 0.3f;

__global__ void apply(__half* x)
{
    x[threadIdx.x] = __hmul(x[threadIdx.x], scale);
}
