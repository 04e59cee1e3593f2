// math_host_imports.cu: the math functions the WebAssembly target imports
// from its host (web/src/wasm_host.js) beyond the usual ones: inverse
// hyperbolics, rcbrt, the inverse error functions and normcdfinv, the
// gamma functions, sinpi/cospi, logb, fdim, remainder and nextafter, in
// float and double, over a range of arguments mapped into each domain.
// Compared with the CPU backend (libm) by ctest wasm_kernels.
// launch: mathImports --grid 4 --block 128 f32[512]=iota:-6:0.0237 f32[8704]=zeros f64[5120]=zeros i32:512
// launch: mathParts --grid 4 --block 128 f32[512]=iota:-6:0.0237 f32[3584]=zeros i32[1536]=zeros f64[1536]=zeros i32:512
#include <cuda_runtime.h>

__global__ void mathImports(const float* xs, float* f, double* d, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    float x = xs[i];                       // -6 .. 6.1
    float u = x / 6.5f;                    // (-1, 1)
    float p = 0.5f + 0.49f * u;            // (0, 1)
    float big = x * 37.0f;                 // -222 .. 225
    int k = 0;
    f[k++ * n + i] = asinhf(big);
    f[k++ * n + i] = acoshf(1.0f + fabsf(big));
    f[k++ * n + i] = atanhf(u);
    f[k++ * n + i] = rcbrtf(big == 0.0f ? 1.0f : big);
    f[k++ * n + i] = erfinvf(u);
    f[k++ * n + i] = erfcinvf(1.0f + u);
    f[k++ * n + i] = normcdfinvf(p);
    f[k++ * n + i] = tgammaf(x * 0.9f + 0.013f);
    f[k++ * n + i] = lgammaf(x * 3.0f + 0.017f);
    f[k++ * n + i] = sinpif(big * 0.25f);
    f[k++ * n + i] = cospif(big * 0.25f);
    f[k++ * n + i] = logbf(big * 1000.0f);
    f[k++ * n + i] = fdimf(x, 1.0f);
    f[k++ * n + i] = remainderf(big, 2.75f);
    f[k++ * n + i] = nextafterf(x, 0.0f) - x;   // one float ulp towards zero
    f[k++ * n + i] = nextafterf(x, 100.0f) - x;
    f[k++ * n + i] = tgammaf(-x * 0.9f - 0.013f);
    double dx = x;
    int j = 0;
    d[j++ * n + i] = asinh((double)big);
    d[j++ * n + i] = erfinv((double)u);
    d[j++ * n + i] = tgamma(dx * 0.9 + 0.013);
    d[j++ * n + i] = lgamma(dx * 3.0 + 0.017);
    d[j++ * n + i] = sinpi(dx * 9.25);
    d[j++ * n + i] = cospi(dx * 9.25);
    d[j++ * n + i] = remainder((double)big, 2.75);
    d[j++ * n + i] = (nextafter(dx, 100.0) - dx) * 1e16;  // one double ulp, scaled
    d[j++ * n + i] = normcdfinv((double)p);
    d[j++ * n + i] = logb(dx * 1e-3);
}

// frexp, ldexp, scalbn, ilogb and modf: results and the parts stored
// through their pointers
__global__ void mathParts(const float* xs, float* f, int* e, double* d, int n)
{
    int i = blockIdx.x * blockDim.x + threadIdx.x;
    if (i >= n) return;
    float x = xs[i] * 1234.5f;
    int ex;
    f[i] = frexpf(x, &ex);
    e[i] = ex;
    f[n + i] = ldexpf(x, i % 40 - 20);
    f[2 * n + i] = scalbnf(x, 130 - i % 300);   // overflow and underflow to subnormals
    e[n + i] = ilogbf(x);
    float ip;
    f[3 * n + i] = modff(xs[i] * 3.3f, &ip);
    f[4 * n + i] = ip;
    double dip;
    d[i] = modf((double)xs[i] * 3.3, &dip);
    d[n + i] = dip;
    int dex;
    d[2 * n + i] = frexp((double)x * 1e200, &dex);
    e[2 * n + i] = dex;
    f[5 * n + i] = ldexpf(1.0f, i % 300 - 150);
    f[6 * n + i] = (float)ldexp((double)x, -1074 + i % 64) * 1e30f;
}
