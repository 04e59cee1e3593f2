// expect: 9:36: too many arguments to function call, expected 2, have 3
// An extra argument to a CUDA math function: the diagnostic points at the
// first extra argument, as clang's does.

__global__ void smallest(const float* a, const float* b, float* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n)
        out[i] = fminf(a[i], b[i], a[i] * b[i]);
}
