// expect: 6:25: member reference base type 'int' is not a structure
// Using member access on an int.
__global__ void k(const int* in, int* out)
{
    int v = in[threadIdx.x];
    out[threadIdx.x] = v.x;
}
