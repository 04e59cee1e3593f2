// bitcast_rounding.cu: exercises bit casts (__float_as_int, __int_as_float,
// __float_as_uint, __uint_as_float, __double_as_longlong, __longlong_as_double,
// __double2hiint/__double2loint) and rounding conversions (__float2int_rn/rz/
// ru/rd, __float2uint_rn, __float2ll_rn, __double2int_rn, __int2float_rn,
// __fadd_rn, __fmul_rz, __fdiv_rn, __frcp_rn, __fsqrt_rn), plus signbit tricks.
// launch: floatBits --grid 4 --block 256 f32[1024]=rand:211 i32[8192]=zeros i32:1024
// launch: doubleBits --grid 2 --block 128 f64[256]=rand:212 i64[1024]=zeros i32:256
// launch: roundedArith --grid 4 --block 256 f32[1024]=rand:213 f32[1024]=rand:214 f32[5120]=zeros i32:1024
#include <cuda_runtime.h>

__device__ float fastAbs(float x)
{
    return __int_as_float(__float_as_int(x) & 0x7fffffff);
}

__global__ void floatBits(const float* in, int* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    float v = in[i] * 200.0f - 100.0f;
    int* o = out + 8 * i;
    o[0] = __float_as_int(v);
    o[1] = (int)__float_as_uint(fastAbs(v)) >> 23;
    o[2] = __float2int_rn(v);
    o[3] = __float2int_rz(v);
    o[4] = __float2int_ru(v);
    o[5] = __float2int_rd(v);
    o[6] = (int)__float2uint_rn(fastAbs(v)) + (int)__float2ll_rn(v * 3.0f);
    o[7] = __float_as_int(__uint_as_float(0x3f800000u) + __int2float_rn(i));
}

__global__ void doubleBits(const double* in, long long* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    double d = in[i] - 0.5;
    out[4 * i + 0] = __double_as_longlong(d);
    out[4 * i + 1] = __double_as_longlong(__longlong_as_double(0x3ff0000000000000ll) * d);
    out[4 * i + 2] = ((long long)__double2hiint(d) << 32) | (unsigned int)__double2loint(d);
    out[4 * i + 3] = __double2int_rn(d * 1000.0) + __double2ll_rz(d * 1e6);
}

__global__ void roundedArith(const float* a, const float* b, float* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    float x = a[i], y = b[i] + 0.5f;
    out[5 * i + 0] = __fadd_rn(x, y);
    out[5 * i + 1] = __fmul_rz(x, y);
    out[5 * i + 2] = __fdiv_rn(x, y);
    out[5 * i + 3] = __frcp_rn(y);
    out[5 * i + 4] = __fsqrt_rn(x) + __fmaf_rn(x, y, 1.0f);
}
