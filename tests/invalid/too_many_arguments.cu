// expect: 13:41: too many arguments to function call
// Passing an extra argument to a device helper: the diagnostic points at
// the first extra argument, as clang's does.
__device__ float lerp(float a, float b, float t)
{
    return a + t * (b - a);
}

__global__ void blend(const float* a, const float* b, float* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n)
        out[i] = lerp(a[i], b[i], 0.5f, 1.0f);
}
