// expect: 8:5: read-only variable is not assignable
// Modifying a const local.
__global__ void k(int* out, int n)
{
    const int stride = blockDim.x * gridDim.x;
    for (int i = threadIdx.x; i < n; i += stride)
        out[i] = i;
    stride = 0;
}
