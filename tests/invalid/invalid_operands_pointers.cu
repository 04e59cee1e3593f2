// expect: 9:19: invalid operands to binary expression
// Adding two pointers instead of the values they point to.
__global__ void add(const float* a, const float* b, float* c, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        const float* pa = a + i;
        const float* pb = b + i;
        c[i] = pa + pb;
    }
}
