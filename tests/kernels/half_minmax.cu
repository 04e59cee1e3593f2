// half_minmax.cu: __hmax/__hmin and their __half2 forms as CUDA defines
// them: a NaN operand gives the other operand (both NaN: NaN), and
// +0 > -0, where fmaxf may return either zero and WebAssembly's f32.max
// a NaN.  Thread i writes the bits of max and min of v[i % 8], v[i / 8]
// (scalar, then lane 1 of the __half2 forms, operands swapped there).
// launch: halfMinMax --grid 1 --block 64 u16[256]=zeros
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

__global__ void halfMinMax(unsigned short* out)
{
    int i = threadIdx.x;
    __half a = __float2half(sample(i & 7)), b = __float2half(sample(i >> 3));
    out[4 * i + 0] = __half_as_ushort(__hmax(a, b));
    out[4 * i + 1] = __half_as_ushort(__hmin(a, b));
    __half2 p = __halves2half2(a, b), q = __halves2half2(b, a);
    out[4 * i + 2] = __half_as_ushort(__high2half(__hmax2(p, q)));
    out[4 * i + 3] = __half_as_ushort(__high2half(__hmin2(p, q)));
}
