// min_max.cu: fminf/fmaxf/fmin/fmax and CUDA's float and double
// min/max, which the WebAssembly target computes in the module (its
// min/max instructions where neither operand is NaN, else the other
// operand, as C's fmin/fmax), compared bit for bit with the CPU backend
// by ctest wasm_kernels.  Operands: ordinary values, infinities, NaN on
// either side and on both.
// launch: minMaxFloat --grid 1 --block 64 f32[64]=iota:-3.5:0.37 i32[512]=zeros i32:64
// launch: minMaxDouble --grid 1 --block 64 f64[64]=iota:-3.5:0.37 i32[1024]=zeros i32:64
#include <cuda_runtime.h>

__device__ float pickf(int k, float x)
{
    switch (k & 3) {
    case 0: return x;
    case 1: return __int_as_float(0x7fc00000);          // NaN
    case 2: return x < 0 ? -__int_as_float(0x7f800000) : __int_as_float(0x7f800000);
    default: return 2.0f - x;
    }
}

__global__ void minMaxFloat(const float* xs, int* out, int n)
{
    int i = threadIdx.x;
    if (i >= n) return;
    float a = pickf(i, xs[i]), b = pickf(i >> 2, xs[n - 1 - i]);
    int k = 0;
#define PUT(v) out[k++ * n + i] = __float_as_int(v)
    PUT(fminf(a, b)); PUT(fmaxf(a, b)); PUT(min(a, b)); PUT(max(a, b));
    PUT(fminf(b, a)); PUT(fmaxf(b, a)); PUT(fminf(a, 1.5f)); PUT(fmaxf(-1.5f, b));
#undef PUT
}

__global__ void minMaxDouble(const double* xs, int* out, int n)
{
    int i = threadIdx.x;
    if (i >= n) return;
    double a = pickf(i, (float)xs[i]) * 1.000001, b = pickf(i >> 2, (float)xs[n - 1 - i]) * 0.999999;
    int k = 0;
#define PUT(v) do { long long bits_ = __double_as_longlong(v); \
    out[k++ * n + i] = (int)bits_; out[k++ * n + i] = (int)(bits_ >> 32); } while (0)
    PUT(fmin(a, b)); PUT(fmax(a, b)); PUT(min(a, b)); PUT(max(a, b));
    PUT(fmin(b, a)); PUT(fmax(b, a)); PUT(fmin(a, 1.5)); PUT(fmax(-1.5, b));
#undef PUT
}
