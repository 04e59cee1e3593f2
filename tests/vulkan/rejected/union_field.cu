// expect: 9:10: error: union 'Bits' is not supported on the Vulkan target
union Bits {
    float f;
    unsigned u;
};

__global__ void k(unsigned* out, float x)
{
    Bits b;
    b.f = x;
    out[0] = b.u;
}
