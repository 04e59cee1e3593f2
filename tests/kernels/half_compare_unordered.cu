// half_compare_unordered.cu: CUDA's unordered half comparisons (true when
// either operand is NaN: __hequ ... __hgeu) and the two-lane comparisons
// of __half2 and __nv_bfloat162: per lane as 1.0/0.0 (__heq2, __hltu2
// ...), as a 0xffff/0 mask per lane (__hne2_mask ...), as one bool for
// both lanes (__hbeq2, __hbneu2 ...), __hisnan2, and __hmax_nan.  Thread
// i compares v[i % 8] with v[i / 8] (lane 0) and v[i / 8] with v[i % 8]
// (lane 1), writing one bit per comparison.
// launch: halfUnordered --grid 1 --block 64 i32[64]=zeros i32[64]=zeros i32[64]=zeros
#include <cuda_runtime.h>
#include <cuda_fp16.h>
#include <cuda_bf16.h>

__device__ float sample(int k)
{
    switch (k) {
    case 0: return __uint_as_float(0x7fc00000u); /* NaN */
    case 1: return -__uint_as_float(0x7f800000u); /* -inf */
    case 2: return -1.5f;
    case 3: return -0.0f;
    case 4: return 0.0f;
    case 5: return 1.5f;
    case 6: return 2.0f;
    default: return __uint_as_float(0x7f800000u); /* +inf */
    }
}

__global__ void halfUnordered(int* scalar, int* lanes, int* bf)
{
    int i = threadIdx.x;
    float fa = sample(i & 7), fb = sample(i >> 3);
    __half a = __float2half(fa), b = __float2half(fb);
    int m = 0;
    m |= __hequ(a, b) << 0;
    m |= __hneu(a, b) << 1;
    m |= __hltu(a, b) << 2;
    m |= __hleu(a, b) << 3;
    m |= __hgtu(a, b) << 4;
    m |= __hgeu(a, b) << 5;
    m |= __hisnan(__hmax_nan(a, b)) << 6;
    m |= (__half2float(__hmin_nan(a, b)) == fminf(fa, fb)) << 7;
    scalar[i] = m;

    __half2 p = __halves2half2(a, b), q = __halves2half2(b, a);
    int l = 0;
    l |= (__low2float(__heq2(p, q)) == 1.0f) << 0;
    l |= (__high2float(__hne2(p, q)) == 1.0f) << 1;
    l |= (__low2float(__hltu2(p, q)) == 1.0f) << 2;
    l |= (__high2float(__hgeu2(p, q)) == 1.0f) << 3;
    l |= (__hlt2_mask(p, q) == 0xffffu) << 4;         /* lane 0 only */
    l |= (__hneu2_mask(p, q) == 0xffffffffu) << 5;    /* both lanes */
    l |= __hbeq2(p, q) << 6;
    l |= __hbneu2(p, q) << 7;
    l |= __hbltu2(p, q) << 8;
    l |= __hble2(p, q) << 9;
    l |= (__low2float(__hisnan2(p)) == 1.0f) << 10;
    l |= (p != q) << 11;
    lanes[i] = l;

    __nv_bfloat16 x = __float2bfloat16(fa), y = __float2bfloat16(fb);
    __nv_bfloat162 r = __halves2bfloat162(x, y), s = __halves2bfloat162(y, x);
    int k = 0;
    k |= __hequ(x, y) << 0;
    k |= __hne(x, y) << 1;
    k |= __hgeu(x, y) << 2;
    k |= __hle(x, y) << 3;
    k |= (__low2float(__hgtu2(r, s)) == 1.0f) << 4;
    k |= (__hge2_mask(r, s) == 0xffff0000u) << 5;   /* lane 1 only */
    k |= __hbne2(r, s) << 6;
    k |= __hbgeu2(r, s) << 7;
    k |= (__high2float(__hisnan2(r)) == 1.0f) << 8;
    k |= (r != s) << 9;
    k |= __hisnan(__hmax_nan(x, y)) << 10;
    bf[i] = k;
}
