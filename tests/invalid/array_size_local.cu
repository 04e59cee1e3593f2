// expect: 5:15: array size must be a constant expression
// A local array with a runtime size (no VLAs in device code).
__global__ void window(const float* x, float* out, int radius)
{
    float buf[2 * radius + 1];
    for (int k = 0; k <= 2 * radius; ++k)
        buf[k] = x[threadIdx.x + k];
    out[threadIdx.x] = buf[radius];
}
