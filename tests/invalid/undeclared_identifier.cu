// expect: 8:18: use of undeclared identifier 'vlaue'
// A typo in a variable name.
__global__ void scale(float* out, const float* in, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    float value = in[i];
    if (i < n)
        out[i] = vlaue * 2.0f;
}
