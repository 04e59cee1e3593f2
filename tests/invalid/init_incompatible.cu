// expect: 5:18: cannot initialize a variable of type
// Initialising a pointer from a float value.
__global__ void copyFirst(const float* in, float* out)
{
    float* dst = in[0];
    dst[threadIdx.x] = 1.0f;
    out[0] = in[0];
}
