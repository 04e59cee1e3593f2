// expect: 7:9: unknown type name 'flaot'
// A misspelt type name in a local declaration.
__global__ void square(float* x, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        flaot v = x[i];
        x[i] = v * v;
    }
}
