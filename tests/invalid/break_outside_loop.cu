// expect: 7:9: 'break' statement not in loop or switch statement
// A break used to leave an if, which is not allowed.
__global__ void clip(float* x, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n)
        break;
    x[i] = fminf(x[i], 1.0f);
}
