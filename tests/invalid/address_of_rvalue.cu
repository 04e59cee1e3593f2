// expect: 6:14: cannot take the address of an rvalue
// Taking the address of a temporary.
__global__ void k(const float* a, const float* b, const float** out)
{
    int i = threadIdx.x;
    out[i] = &(a[i] + b[i]);
}
