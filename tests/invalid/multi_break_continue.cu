// expect: 8:9: 'break' statement not in loop or switch statement
// expect: 10:9: 'continue' statement not in loop statement
// break and continue used as if the kernel body were a loop.
__global__ void k(float* x, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n)
        break;
    if (x[i] == 0.0f)
        continue;
    x[i] = 1.0f / x[i];
}
