// expect: 7:9: read-only variable is not assignable
// Writing through a pointer to const.
__global__ void normalize(const float* x, float s, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n)
        x[i] = x[i] / s;
}
