// expect: 7:48: expected expression
// An empty argument in a call.
__device__ float mad(float a, float b, float c) { return a * b + c; }

__global__ void k(float* x)
{
    x[threadIdx.x] = mad(x[threadIdx.x], 2.0f, );
}
