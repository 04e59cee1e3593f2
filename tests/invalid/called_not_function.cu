// expect: 8:22: called object is not a function
// A variable shadows the function it is named after.
__device__ float gain(float x) { return 2.0f * x; }

__global__ void k(float* x)
{
    float gain = 3.0f;
    x[threadIdx.x] = gain(x[threadIdx.x]);
}
