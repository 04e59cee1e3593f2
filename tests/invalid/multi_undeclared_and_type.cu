// expect: 6:5: unknown type name 'unit'
// expect: 8:30: use of undeclared identifier 'idx'
// Two independent mistakes: a misspelt type name and a stale variable.
__global__ void histogram(const unsigned char* data, unsigned int* bins, int n)
{
    unit i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n)
        atomicAdd(&bins[data[idx]], 1u);
}
