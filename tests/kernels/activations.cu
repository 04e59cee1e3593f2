// activations.cu: exercises element-wise neural-network activations: GELU
// with erff and the tanh approximation, SiLU with __expf, softplus with
// log1pf, ELU with expm1f, and their backward passes, over float and double.
// launch: geluErf --grid 4 --block 256 f32[1024]=rand:331 f32[1024]=zeros i32:1024
// launch: geluTanh --grid 4 --block 256 f32[1024]=rand:332 f32[1024]=zeros i32:1024
// launch: miscActivations --grid 4 --block 256 f32[1024]=rand:333 f32[4096]=zeros i32:1024
// launch: geluBackward --grid 2 --block 256 f64[512]=rand:334 f64[512]=fill:1 f64[512]=zeros i32:512
#include <cuda_runtime.h>
#include <cmath>
#include <math_constants.h>

__global__ void geluErf(const float* x, float* y, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        float v = x[i] * 6.0f - 3.0f;
        y[i] = 0.5f * v * (1.0f + erff(v * 0.70710678f));
    }
}

__global__ void geluTanh(const float* x, float* y, int n)
{
    const float k0 = 0.7978845608f, k1 = 0.044715f;
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i < n) {
        float v = x[i] * 6.0f - 3.0f;
        y[i] = 0.5f * v * (1.0f + tanhf(k0 * (v + k1 * v * v * v)));
    }
}

__global__ void miscActivations(const float* x, float* y, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    float v = x[i] * 8.0f - 4.0f;
    y[4 * i + 0] = v / (1.0f + __expf(-v));                 // SiLU
    y[4 * i + 1] = log1pf(expf(v));                         // softplus
    y[4 * i + 2] = v > 0.0f ? v : expm1f(v);                // ELU
    y[4 * i + 3] = 1.0f / (1.0f + expf(-v));                // sigmoid
}

__global__ void geluBackward(const double* x, const double* dy, double* dx, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    double v = x[i] * 6.0 - 3.0;
    double cdf = 0.5 * (1.0 + erf(v / sqrt(2.0)));
    double pdf = exp(-0.5 * v * v) / sqrt(2.0 * CUDART_PI);
    dx[i] = dy[i] * (cdf + v * pdf);
}
