// expect: 8:5: error: goto and labels are not supported on the Vulkan target
__global__ void k(int* out)
{
    int i = 0;
again:
    out[i] = i;
    if (++i < 4)
    goto again;
}
