// expect: 6:30: expected ')'
// An unbalanced parenthesis in an if condition.
__global__ void relu(float* x, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n && x[i] < 0.0f {
        x[i] = 0.0f;
    }
}
