// half_nan.cu: the bits of a NaN made as a __half.  CUDA gives the
// canonical NaN 0x7fff, whatever the sign and payload of the float NaN
// converted (cvt.rn.f16.f32 on the GPU, __float2half's host path in
// cuda_fp16.hpp) and for an invalid half operation (inf - inf, 0 * inf,
// 0 / 0, fma(inf, 0, c)); infinities keep their sign.
// launch: halfNaN --grid 2 --block 32 u16[640]=zeros i32:64
#include <cuda_runtime.h>
#include <cuda_fp16.h>

__global__ void halfNaN(unsigned short* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    unsigned int mantissa = ((unsigned int)i * 0x1f3fu + 1u) | ((i & 4) ? 0x400000u : 0u); /* quiet or signalling */
    float nan = __uint_as_float(((i & 2) ? 0xff800000u : 0x7f800000u) | mantissa);
    __half inf = __ushort_as_half(0x7c00), ninf = __ushort_as_half(0xfc00);
    __half zero = __float2half((float)(i & 8) * 0.0f), h = __float2half((float)i - 20.5f);
    unsigned short* o = out + 10 * i;
    o[0] = __half_as_ushort(__float2half(nan));
    o[1] = __half_as_ushort(__float2half_rn(nan));
    o[2] = __half_as_ushort(__hsub(inf, inf));
    o[3] = __half_as_ushort(__hadd(inf, ninf));
    o[4] = __half_as_ushort(__hmul(zero, (i & 1) ? inf : ninf));
    o[5] = __half_as_ushort(__hdiv(zero, zero));
    o[6] = __half_as_ushort(__hfma(inf, zero, h));
    __half2 p = __halves2half2(inf, h);
    __half2 d = __hsub2(p, p);
    o[7] = __half_as_ushort(__low2half(d));
    o[8] = __half_as_ushort(__high2half(d));
    o[9] = __half_as_ushort(__float2half(__uint_as_float((i & 1) ? 0xff800000u : 0x7f800000u)));
}
