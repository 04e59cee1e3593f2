// expect: 4:14: error: sin is not supported on the Vulkan target (GLSL has no double-precision version of it)
__global__ void k(double* out)
{
    out[0] = sin(out[1]);
}
