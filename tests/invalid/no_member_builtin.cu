// expect: 5:34: no member named 'w'
// threadIdx has only x, y and z.
__global__ void fill(int* out)
{
    out[threadIdx.x] = threadIdx.w;
}
