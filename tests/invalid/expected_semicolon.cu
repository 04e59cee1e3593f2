// expect: 6:5: expected ';'
// A missing semicolon at the end of a statement.
__global__ void scale(float* x, float s, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x
    if (i < n)
        x[i] *= s;
}
