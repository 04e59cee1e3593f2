// directed_rounding.cu: CUDA's directed-rounding arithmetic (__fadd_ru,
// __dmul_rz, __fdiv_rd, __dsqrt_ru, __frcp_rz …), which the WebAssembly
// target computes in the module (src/emit/wasm_builtin.c) or, for zero,
// infinite and NaN results, imports from its host (web/src/wasm_host.js),
// compared bit for bit with the CPU backend (its own error-free
// transformations, src/emit/c_prelude.c) by ctest wasm_kernels.  Operands: sums that
// cancel, quotients and roots that are never exact, products that
// overflow, subnormal operands and subnormal results (products and
// quotients whose rounding error is below the smallest subnormal), in
// float and double; each result is
// stored as its bit pattern, so the comparison is exact (the operands
// are made without a multiply-add, which the CPU backend's compiler may fuse).
// launch: directedFloat --grid 2 --block 128 f32[256]=iota:-3.7:0.0291 i32[12800]=zeros i32:256
// launch: directedDouble --grid 2 --block 128 f64[256]=iota:-3.7:0.0291 i32[24064]=zeros i32:256
#include <cuda_runtime.h>

__global__ void directedFloat(const float* xs, int* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    float x = xs[i];
    float a = x * 1.37f, b = x + 3.1f; // no multiply-add the CPU backend could fuse
    float tiny = x * 1e-39f, small = x * 1e-30f, huge = 3e38f + x; // a subnormal operand, overflow
    int k = 0;
#define PUT(v) out[k++ * n + i] = __float_as_int(v)
    PUT(__fadd_rz(a, b)); PUT(__fadd_ru(a, b)); PUT(__fadd_rd(a, b));
    PUT(__fadd_rz(1.0f, -tiny)); PUT(__fadd_ru(a, -a)); PUT(__fadd_rd(a, -a));
    PUT(__fsub_rz(a, b)); PUT(__fsub_ru(a, b)); PUT(__fsub_rd(a, b));
    PUT(__fmul_rz(a, b)); PUT(__fmul_ru(a, b)); PUT(__fmul_rd(a, b));
    PUT(__fmul_ru(huge, 2.0f)); PUT(__fmul_rz(huge, -2.0f)); PUT(__fmul_rd(huge, 2.0f));
    PUT(__fmul_ru(small, 1e-3f)); PUT(__fmul_rd(small, 1e-3f)); PUT(__fmul_rz(small, 0.3f));
    PUT(__fdiv_rz(a, b)); PUT(__fdiv_ru(a, b)); PUT(__fdiv_rd(a, b));
    PUT(__fdiv_ru(1.0f, 3.0f + x)); PUT(__fdiv_rd(small, 7.0f)); PUT(__fdiv_rz(huge, 0.5f));
    PUT(__frcp_rz(b)); PUT(__frcp_ru(b)); PUT(__frcp_rd(b));
    PUT(__fsqrt_rz(fabsf(a))); PUT(__fsqrt_ru(fabsf(a))); PUT(__fsqrt_rd(fabsf(b)));
    PUT(__fsqrt_ru(fabsf(small))); PUT(__fsqrt_rd(fabsf(b) * 1.5f)); PUT(__fmaf_rz(a, b, -a * b));
    PUT(__fmaf_rz(a, b, 1.0f)); PUT(__fmaf_rz(small, x, small)); PUT(__fadd_rz(huge, huge));
    PUT(__fadd_ru(-huge, -huge)); PUT(__fadd_rd(-huge, -huge)); PUT(__fsub_ru(tiny, a));
    PUT(__fmul_ru(a, -b)); PUT(__fdiv_rd(-a, b));
    PUT(__fmul_ru(small, 1e-12f)); PUT(__fmul_rd(small, 3e-11f)); PUT(__fmul_rz(small, -7e-12f));
    PUT(__fdiv_ru(small, 3e9f)); PUT(__fdiv_rd(small, -7e10f)); PUT(__fdiv_rz(small, 1.1e9f));
    PUT(__fdiv_rz(small, 3e30f)); PUT(__fmul_rd(small, 1e-30f)); PUT(__fdiv_ru(small, -3e30f)); // to a zero of either sign
#undef PUT
}

__global__ void directedDouble(const double* xs, int* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    double x = xs[i];
    double a = x * 1.37, b = x + 3.1;
    double tiny = x * 1e-309, small = x * 1e-300, huge = x * -4.6e307; // up to 1.7e308
    int k = 0;
#define PUT(v) do { long long bits_ = __double_as_longlong(v); \
    out[k++ * n + i] = (int)bits_; out[k++ * n + i] = (int)(bits_ >> 32); } while (0)
    PUT(__dadd_rz(a, b)); PUT(__dadd_ru(a, b)); PUT(__dadd_rd(a, b));
    PUT(__dadd_rz(1.0, -tiny)); PUT(__dadd_ru(a, -a)); PUT(__dadd_rd(a, -a));
    PUT(__dsub_rz(a, b)); PUT(__dsub_ru(a, b)); PUT(__dsub_rd(a, b));
    PUT(__dmul_rz(a, b)); PUT(__dmul_ru(a, b)); PUT(__dmul_rd(a, b));
    PUT(__dmul_ru(huge, 2.0)); PUT(__dmul_rz(huge, -2.0)); PUT(__dmul_rd(huge, 2.0));
    PUT(__dmul_ru(small, 1e-3)); PUT(__dmul_rd(small, 1e-3)); PUT(__dmul_rz(small, 0.3));
    PUT(__ddiv_rz(a, b)); PUT(__ddiv_ru(a, b)); PUT(__ddiv_rd(a, b));
    PUT(__ddiv_ru(1.0, 3.0 + x)); PUT(__ddiv_rd(small, 7.0)); PUT(__ddiv_rz(huge, 0.5));
    PUT(__drcp_rz(b)); PUT(__drcp_ru(b)); PUT(__drcp_rd(b));
    PUT(__dsqrt_rz(fabs(a))); PUT(__dsqrt_ru(fabs(a))); PUT(__dsqrt_rd(fabs(b)));
    PUT(__dsqrt_ru(fabs(small))); PUT(__dsqrt_rd(fabs(b) * 1.5)); PUT(__dadd_rz(huge, huge));
    PUT(__dadd_ru(-huge, -huge)); PUT(__dadd_rd(-huge, -huge)); PUT(__dsub_ru(tiny, a));
    PUT(__dmul_ru(a, -b)); PUT(__ddiv_rd(-a, b));
    PUT(__dmul_ru(small, 1e-12)); PUT(__dmul_rd(small, 3e-11)); PUT(__dmul_rz(small, -7e-12));
    PUT(__ddiv_ru(small, 3e9)); PUT(__ddiv_rd(small, -7e10)); PUT(__ddiv_rz(small, 1.1e9));
    PUT(__ddiv_rz(small, 3e300)); PUT(__dmul_rd(small, 1e-300)); PUT(__ddiv_ru(small, -3e300)); // to a zero of either sign
#undef PUT
}
