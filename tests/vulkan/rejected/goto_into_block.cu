// expect: 7:13: error: goto 'inside' jumps to a label that is not in an enclosing statement list (into a block), which the Vulkan target does not support
__global__ void k(const int* in, int* out)
{
    int s = in[0];
    {
        if (s > 3)
            goto inside;
    }
    s = 1;
    {
    inside:
        out[0] = s;
    }
}
