// expect: 6:25: subscripted value is not an array or pointer
// Indexing a scalar.
__global__ void k(const float* in, float* out)
{
    float v = in[threadIdx.x];
    out[threadIdx.x] = v[0];
}
