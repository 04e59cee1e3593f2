// expect: 6:5: void function should not return a value
// Returning a value from a void device function.
__device__ void store(float* p, float v)
{
    *p = v;
    return v;
}

__global__ void k(float* x) { store(x + threadIdx.x, 1.0f); }
