// fused_multiply_add.cu: fmaf and fma rounded once, as CUDA's are, on the
// WebAssembly target (src/emit/wasm_builtin.c: fmaf by a sum rounded to
// odd in double, fma by Boldo and Melquiond's emulation, the host's exact
// import for zero, infinite, huge and tiny cases) against the CPU
// backend's C fmaf/fma, bit for bit.  The operands come from a hash of the
// index, built from bit patterns (no multiply-add that a compiler could
// fuse): products whose error the fma returns, sums that cancel, addends
// that put the exact result next to a midpoint between two results (where
// rounding the product and the sum separately, or the sum in double and
// then to float, goes wrong: the last float case), tiny and huge operands, zeros, infinities.
// launch: fmaFloat --grid 8 --block 256 i32[22528]=zeros i32:2048
// launch: fmaDouble --grid 8 --block 256 i32[40960]=zeros i32:2048
#include <cuda_runtime.h>

__device__ unsigned mixBits(unsigned x)
{
    x ^= x >> 16; x *= 0x7feb352dU; x ^= x >> 15; x *= 0x846ca68bU; x ^= x >> 16;
    return x;
}

// a float with a random mantissa and sign, exponent in [lo, lo + span)
__device__ float someFloat(unsigned h, unsigned g, int lo, int span)
{
    return __int_as_float((int)((h >> 31) << 31) | ((127 + lo + (int)(g % (unsigned)span)) << 23) | (int)(h & 0x7fffff));
}

__device__ double someDouble(unsigned h, unsigned g, unsigned m, int lo, int span)
{
    long long e = 1023 + lo + (int)(g % (unsigned)span);
    long long bits = ((long long)(h >> 31) << 63) | (e << 52) | ((long long)(h & 0xfffff) << 32) | m;
    return __longlong_as_double(bits);
}

__global__ void fmaFloat(int* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    unsigned h1 = mixBits(2 * i + 1), h2 = mixBits(h1), h3 = mixBits(h2), h4 = mixBits(h3);
    float a = someFloat(h1, h2, -20, 40), b = someFloat(h3, h4, -20, 40);
    float p = a * b, c = someFloat(h4, h1, -40, 80);
    float mid = p * 5.9604645e-8f;           // 2^-24 of the product: next to a midpoint
    float tiny = someFloat(h2, h3, -149 + 22, 20), huge = someFloat(h2, h4, 100, 28);
    float inf = __int_as_float(0x7f800000);
    // t u = 1 + 2^-11 + j 2^-10 + j 2^-22 + 2^-24, a midpoint between two
    // floats (times 4^e); the addend +-2^-60 (times 4^e) decides the side,
    // which a sum rounded to nearest in double loses
    float sc = __int_as_float((127 + (int)(h2 % 20) - 10) << 23);
    float t = (1.0f + __int_as_float((127 - 12) << 23) + (float)(h1 % 16) * __int_as_float((127 - 10) << 23)) * sc;
    float u = (1.0f + __int_as_float((127 - 12) << 23)) * sc;
    float side = __int_as_float((127 - 60) << 23) * sc * sc * ((h3 & 1) ? -1.0f : 1.0f);
    int k = 0;
#define PUT(v) out[k++ * n + i] = __float_as_int(v)
    PUT(fmaf(a, b, -p)); PUT(fmaf(a, b, c)); PUT(fmaf(a, b, mid)); PUT(fmaf(a, b, -mid));
    PUT(fmaf(tiny, b, -tiny)); PUT(fmaf(tiny, 0.5f, tiny)); PUT(fmaf(huge, b, huge));
    PUT(fmaf(0.0f, b, -0.0f)); PUT(fmaf(inf, b, c)); PUT(fmaf(a, b, -inf));
    PUT(fmaf(t, u, side));
#undef PUT
}

__global__ void fmaDouble(int* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    unsigned h1 = mixBits(2 * i + 1), h2 = mixBits(h1), h3 = mixBits(h2), h4 = mixBits(h3), h5 = mixBits(h4);
    double a = someDouble(h1, h2, h5, -60, 120), b = someDouble(h3, h4, h1 ^ h5, -60, 120);
    double p = a * b, c = someDouble(h4, h5, h2, -120, 240);
    double mid = p * 1.1102230246251565e-16;  // 2^-53 of the product
    double tiny = someDouble(h2, h3, h4, -1074 + 52, 60), huge = someDouble(h2, h5, h3, 960, 60);
    double inf = __longlong_as_double(0x7ff0000000000000LL);
    int k = 0;
#define PUT(v) do { long long bits_ = __double_as_longlong(v); \
    out[k++ * n + i] = (int)bits_; out[k++ * n + i] = (int)(bits_ >> 32); } while (0)
    PUT(fma(a, b, -p)); PUT(fma(a, b, c)); PUT(fma(a, b, mid)); PUT(fma(a, b, -mid));
    PUT(fma(tiny, b, -tiny)); PUT(fma(tiny, 0.5, tiny)); PUT(fma(huge, b, huge));
    PUT(fma(0.0, b, -0.0)); PUT(fma(inf, b, c)); PUT(fma(a, b, -inf));
#undef PUT
}
