// math_funcs.cu: exercises the single- and double-precision math library:
// expf, logf, log2f, powf, sqrtf, rsqrtf, sinf/cosf/sincosf, tanhf, erff,
// erfcf, fmaf, fminf/fmaxf, floorf/ceilf/truncf/roundf, fmodf, atan2f, cbrtf,
// hypotf, the fast intrinsics __expf, __logf, __sinf, __fdividef, __saturatef,
// and double versions exp, log, sqrt, sin, cos, pow, fma. Also CUDART_PI_F.
// launch: mathFloat --grid 4 --block 256 f32[1024]=rand:191 f32[16384]=zeros i32:1024
// launch: mathFast --grid 4 --block 256 f32[1024]=rand:192 f32[4096]=zeros i32:1024
// launch: mathDouble --grid 2 --block 128 f64[256]=rand:193 f64[2048]=zeros i32:256
#include <cuda_runtime.h>
#include <cmath>
#include <math_constants.h>

// 16 results per input.
__global__ void mathFloat(const float* x, float* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    float v = x[i];                 // in [0, 1)
    float s, c;
    sincosf(v * CUDART_PI_F, &s, &c);
    float* o = out + 16 * i;
    o[0] = expf(v);
    o[1] = logf(v + 1.0f);
    o[2] = log2f(v + 1.0f);
    o[3] = powf(v, 2.5f);
    o[4] = sqrtf(v) + rsqrtf(v + 1.0f);
    o[5] = sinf(v) + cosf(v);
    o[6] = s * c;
    o[7] = tanhf(v * 4.0f - 2.0f);
    o[8] = erff(v) + erfcf(v);
    o[9] = fmaf(v, 3.0f, -1.0f);
    o[10] = fminf(v, 0.5f) + fmaxf(v, 0.25f);
    o[11] = floorf(v * 10.0f) + ceilf(v * 10.0f) + truncf(-v * 10.0f) + roundf(v * 10.0f);
    o[12] = fmodf(v * 100.0f, 7.0f);
    o[13] = atan2f(v, 1.0f - v);
    o[14] = cbrtf(v) + hypotf(v, 1.0f);
    o[15] = fabsf(-v) + copysignf(1.0f, v - 0.5f) + exp2f(v) + log10f(v + 1.0f);
}

__global__ void mathFast(const float* x, float* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    float v = x[i];
    out[4 * i + 0] = __expf(v) + __logf(v + 1.0f);
    out[4 * i + 1] = __sinf(v) * __cosf(v);
    out[4 * i + 2] = __fdividef(v, v + 2.0f);
    out[4 * i + 3] = __saturatef(v * 3.0f - 1.0f) + __powf(v, 0.5f);
}

__global__ void mathDouble(const double* x, double* out, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    double v = x[i];
    double s, c;
    sincos(v, &s, &c);
    double* o = out + 8 * i;
    o[0] = exp(v);
    o[1] = log(v + 1.0);
    o[2] = sqrt(v);
    o[3] = sin(v) + cos(v);
    o[4] = pow(v, 1.5);
    o[5] = fma(v, v, 1.0);
    o[6] = s + c + erf(v) + tanh(v);
    o[7] = fmin(v, 0.5) + fmax(v, 0.5) + floor(v * 8.0) + CUDART_PI;
}
