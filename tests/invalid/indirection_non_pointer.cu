// expect: 6:31: indirection requires pointer operand
// Dereferencing a value that is not a pointer.
__global__ void k(const int* idx, float* out)
{
    int j = idx[threadIdx.x];
    out[threadIdx.x] = (float)*j;
}
