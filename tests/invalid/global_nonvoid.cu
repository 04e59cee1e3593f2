// expect: 3:16: __global__ function must have a void return type
// Kernels cannot return values.
__global__ int countPositive(const float* x, int n)
{
    int c = 0;
    for (int i = 0; i < n; ++i)
        c += x[i] > 0.0f;
    return c;
}
