// half_compare.cu: the __half comparisons against NaN, infinities and
// signed zeros.  CUDA's __heq/__hne/__hlt/__hle/__hgt/__hge are ordered:
// false when either operand is NaN, __hne too; __half's operator!= is
// __hneu (cuda_fp16.hpp), true for a NaN, and __half2's != is __hbneu2
// (both lanes __hneu); the other operators are the ordered ones.  Thread
// i compares v[i % 8] with v[i / 8] and writes one bit per comparison.
// launch: halfCompare --grid 1 --block 64 i32[64]=zeros
#include <cuda_runtime.h>
#include <cuda_fp16.h>

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

__global__ void halfCompare(int* out)
{
    int i = threadIdx.x;
    __half a = __float2half(sample(i & 7)), b = __float2half(sample(i >> 3));
    __half2 p = __halves2half2(a, __float2half(1.0f)), q = __halves2half2(b, __float2half(3.0f));
    int m = 0;
    m |= __heq(a, b) << 0;
    m |= __hne(a, b) << 1;
    m |= __hlt(a, b) << 2;
    m |= __hle(a, b) << 3;
    m |= __hgt(a, b) << 4;
    m |= __hge(a, b) << 5;
    m |= (a == b) << 6;
    m |= (a != b) << 7;
    m |= (a < b) << 8;
    m |= (a >= b) << 9;
    m |= (p != q) << 10;
    m |= (p < q) << 11;
    m |= __hisnan(a) << 12;
    out[i] = m;
}
