// expect: 3:22: unknown type name 'real_t'
// A typedef that was never defined, used for a parameter.
__global__ void axpy(real_t* y, const float* x, float a, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n)
        y[i] += a * x[i];
}
