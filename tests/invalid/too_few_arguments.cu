// expect: 12:40: too few arguments to function call
// Forgetting an argument of a device helper: the diagnostic points at the
// closing parenthesis, as clang's does.
__device__ int clampIndex(int i, int lo, int hi)
{
    return i < lo ? lo : (i > hi ? hi : i);
}

__global__ void gather(const float* in, float* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    out[i] = in[clampIndex(i + 1, n - 1)];
}
