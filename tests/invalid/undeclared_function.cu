// expect: 7:16: use of undeclared identifier 'clampf'
// Calling a helper that was never declared.
__global__ void saturate(float* x, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n)
        x[i] = clampf(x[i], 0.0f, 1.0f);
}
