// expect: 6:14: assigning to 'int' from incompatible type
// Assigning a pointer to an int.
__global__ void firstOffset(const float* data, int* out)
{
    int offset = 0;
    offset = data;
    out[threadIdx.x] = offset;
}
