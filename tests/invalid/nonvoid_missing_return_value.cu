// expect: 6:9: non-void function should return a value
// A bare return in a function that returns float.
__device__ float safeInverse(float x)
{
    if (x == 0.0f)
        return;
    return 1.0f / x;
}

__global__ void invert(float* x) { x[threadIdx.x] = safeInverse(x[threadIdx.x]); }
