// expect: 8:18: redefinition of 'square'
// Defining the same device function twice.
__device__ float square(float x)
{
    return x * x;
}

__device__ float square(float x)
{
    return x * x;
}

__global__ void apply(float* x) { x[threadIdx.x] = square(x[threadIdx.x]); }
