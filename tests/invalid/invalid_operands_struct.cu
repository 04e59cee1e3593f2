// expect: 11:21: invalid operands to binary expression
// No operator* is defined for a user struct.
struct Complex {
    float re, im;
};

__global__ void mul(const Complex* a, const Complex* b, Complex* c, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n)
        c[i] = a[i] * b[i];
}
