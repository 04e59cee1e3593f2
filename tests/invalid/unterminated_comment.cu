// expect: 8:1: unterminated /* comment
// A block comment that is never closed.
__global__ void k(float* x)
{
    x[threadIdx.x] = 0.0f;
}

/* helper kernels below
__global__ void h(float* x) { x[0] = 1.0f; }
