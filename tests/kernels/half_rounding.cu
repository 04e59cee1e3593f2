// half_rounding.cu: __half conversions and arithmetic compared bit for
// bit: floats from 2^-28 to 2^17 (half subnormals, overflow to infinity),
// exact ties for half (the dropped 13 bits 0x1000) and their neighbours,
// then __hadd/__hsub/__hmul/__hdiv/__hfma and their __half2 forms on the
// rounded values.  On a device without shaderFloat16 (SwiftShader) halves
// are floats rounded by hand (src/emit/glsl_half.c).
// launch: halfRounding --grid 4 --block 128 u16[6144]=zeros i32:512
// launch: halfFma --grid 4 --block 128 u16[1536]=zeros i32:512
#include <cuda_runtime.h>
#include <cuda_fp16.h>

__device__ unsigned int hash32(unsigned int x)
{
    x ^= x >> 16; x *= 0x7feb352du;
    x ^= x >> 15; x *= 0x846ca68bu;
    return x ^ (x >> 16);
}

__device__ float someFloat(unsigned int u)
{
    unsigned int exponent = 99u + (u >> 24) % 45u;                 /* 2^-28 .. 2^16 */
    unsigned int mantissa = u & 0x7fffffu;
    unsigned int pick = (u >> 20) & 3u;
    if (pick == 0) mantissa = (mantissa & ~0x1fffu) | 0x1000u;    /* a tie for half */
    if (pick == 1) mantissa = (mantissa & ~0x1fffu) | 0x0fffu;    /* just below one */
    return __uint_as_float((u & 0x80000000u) | (exponent << 23) | mantissa);
}

__global__ void halfRounding(unsigned short* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    float x = someFloat(hash32(3u * i + 1u)), y = someFloat(hash32(3u * i + 2u));
    float z = someFloat(hash32(3u * i + 3u)) * 0.001f;
    __half a = __float2half(x), b = __float2half_rn(y), c = __float2half(z);
    __half2 p = __halves2half2(a, b), q = __halves2half2(b, c);
    unsigned short* o = out + 12 * i;
    o[0] = __half_as_ushort(a);
    o[1] = __half_as_ushort(b);
    o[2] = __half_as_ushort(c);
    o[3] = __half_as_ushort(__hadd(a, b));
    o[4] = __half_as_ushort(__hsub(a, c));
    o[5] = __half_as_ushort(__hmul(a, b));
    o[6] = __half_as_ushort(__hdiv(b, a));
    __half2 r = __hadd2(__hmul2(p, q), __hsub2(p, q));
    o[7] = __half_as_ushort(__hsub(a, b));
    o[8] = __half_as_ushort(__low2half(r));
    o[9] = __half_as_ushort(__high2half(r));
    o[10] = __half_as_ushort(__float2half((float)(i * 37 - 9000)));
    o[11] = __half_as_ushort(__ushort_as_half((unsigned short)(hash32(i) & 0x7bffu)) + a);
}

/* fused multiply-add: one rounding of a*b+c, also where the float sum is
 * itself a tie for half */
__global__ void halfFma(unsigned short* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    __half a = __float2half(someFloat(hash32(3u * i + 1u)));
    __half b = __float2half(someFloat(hash32(3u * i + 2u)));
    __half c = __float2half(someFloat(hash32(3u * i + 3u)) * 0.001f);
    __half2 p = __halves2half2(a, b), q = __halves2half2(b, c);
    __half2 r = __hfma2(p, q, __hmul2(p, p));
    unsigned short* o = out + 3 * i;
    o[0] = __half_as_ushort(__hfma(a, b, c));
    o[1] = __half_as_ushort(__low2half(r));
    o[2] = __half_as_ushort(__high2half(r));
}
