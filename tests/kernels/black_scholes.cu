// black_scholes.cu: exercises option pricing with the cumulative normal
// distribution (a polynomial approximation with fabsf/expf and normcdff),
// logf, sqrtf, __fdividef, multiple outputs per thread and double math.
// launch: blackScholes --grid 4 --block 256 f32[1024]=zeros f32[1024]=zeros f32[1024]=rand:361 f32[1024]=rand:362 f32[1024]=rand:363 f32:0.02 f32:0.30 i32:1024
// launch: blackScholesDouble --grid 2 --block 128 f64[256]=rand:364 f64[256]=zeros i32:256
#include <cuda_runtime.h>

__device__ inline float cndPoly(float d)
{
    const float A1 = 0.31938153f, A2 = -0.356563782f, A3 = 1.781477937f,
                A4 = -1.821255978f, A5 = 1.330274429f, RSQRT2PI = 0.39894228040143267794f;
    float K = __fdividef(1.0f, 1.0f + 0.2316419f * fabsf(d));
    float cnd = RSQRT2PI * __expf(-0.5f * d * d) * (K * (A1 + K * (A2 + K * (A3 + K * (A4 + K * A5)))));
    if (d > 0) cnd = 1.0f - cnd;
    return cnd;
}

// spot in [5, 35), strike in [1, 100), years in [0.25, 10).
__global__ void blackScholes(float* call, float* put, const float* spotU, const float* strikeU,
                             const float* yearsU, float riskFree, float vol, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    float S = 5.0f + 30.0f * spotU[i];
    float X = 1.0f + 99.0f * strikeU[i];
    float T = 0.25f + 9.75f * yearsU[i];
    float sqrtT = sqrtf(T);
    float d1 = (logf(S / X) + (riskFree + 0.5f * vol * vol) * T) / (vol * sqrtT);
    float d2 = d1 - vol * sqrtT;
    float cndD1 = cndPoly(d1), cndD2 = cndPoly(d2);
    float expRT = expf(-riskFree * T);
    call[i] = S * cndD1 - X * expRT * cndD2;
    put[i] = X * expRT * (1.0f - cndD2) - S * (1.0f - cndD1);
}

__global__ void blackScholesDouble(const double* u, double* call, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    double S = 10.0 + 20.0 * u[i], X = 20.0, T = 1.0, r = 0.05, v = 0.2;
    double d1 = (log(S / X) + (r + 0.5 * v * v) * T) / (v * sqrt(T));
    double d2 = d1 - v * sqrt(T);
    call[i] = S * normcdf(d1) - X * exp(-r * T) * normcdf(d2);
}
