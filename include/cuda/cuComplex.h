/*
 * cuComplex.h — CUDA's single and double complex numbers (cuwasm).
 *
 * cuFloatComplex is a float2 and cuDoubleComplex a double2 (real part in
 * x), so their size, alignment and layout in memory are CUDA's, and
 * arrays of them pass between host and device unchanged.  The functions
 * are the same for host and device code (host_defines.h makes
 * `__host__ __device__` nothing on the host side).  Division and the
 * modulus scale by the larger part first, as CUDA's do, so that squares
 * do not overflow or underflow for parts near the ends of the range;
 * cuCfma is written as CUDA documents it: x*y + d with the real and
 * imaginary parts each a sum of two products.
 */
#ifndef CUWASM_CUCOMPLEX_H
#define CUWASM_CUCOMPLEX_H

#include "cuda_runtime.h"

typedef float2 cuFloatComplex;
typedef double2 cuDoubleComplex;
typedef cuFloatComplex cuComplex;

/* ---- single precision ---------------------------------------------------- */

__host__ __device__ static inline float cuCrealf(cuFloatComplex x) { return x.x; }
__host__ __device__ static inline float cuCimagf(cuFloatComplex x) { return x.y; }

__host__ __device__ static inline cuFloatComplex make_cuFloatComplex(float r, float i) {
  cuFloatComplex z;
  z.x = r;
  z.y = i;
  return z;
}

__host__ __device__ static inline cuComplex make_cuComplex(float r, float i) {
  return make_cuFloatComplex(r, i);
}

__host__ __device__ static inline cuFloatComplex cuConjf(cuFloatComplex x) {
  return make_cuFloatComplex(x.x, -x.y);
}

__host__ __device__ static inline cuFloatComplex cuCaddf(cuFloatComplex x, cuFloatComplex y) {
  return make_cuFloatComplex(x.x + y.x, x.y + y.y);
}

__host__ __device__ static inline cuFloatComplex cuCsubf(cuFloatComplex x, cuFloatComplex y) {
  return make_cuFloatComplex(x.x - y.x, x.y - y.y);
}

__host__ __device__ static inline cuFloatComplex cuCmulf(cuFloatComplex x, cuFloatComplex y) {
  return make_cuFloatComplex(x.x * y.x - x.y * y.y, x.x * y.y + x.y * y.x);
}

/* x / y with both scaled by 1 / (|re y| + |im y|) first */
__host__ __device__ static inline cuFloatComplex cuCdivf(cuFloatComplex x, cuFloatComplex y) {
  float scale = 1.0f / (fabsf(y.x) + fabsf(y.y));
  float xr = x.x * scale, xi = x.y * scale, yr = y.x * scale, yi = y.y * scale;
  float inv = 1.0f / (yr * yr + yi * yi);
  return make_cuFloatComplex((xr * yr + xi * yi) * inv, (xi * yr - xr * yi) * inv);
}

/* |x| = big * sqrt(1 + (small / big)^2), exact for a zero or infinite part */
__host__ __device__ static inline float cuCabsf(cuFloatComplex x) {
  float a = fabsf(x.x), b = fabsf(x.y);
  float big = a > b ? a : b, small = a > b ? b : a;
  if (big == 0.0f || big > 3.402823466e38f || small > 3.402823466e38f) return big + small;
  float q = small / big;
  return big * sqrtf(1.0f + q * q);
}

__host__ __device__ static inline cuFloatComplex cuCfmaf(cuFloatComplex x, cuFloatComplex y,
                                                        cuFloatComplex d) {
  float re = (x.x * y.x) + d.x;
  float im = (x.x * y.y) + d.y;
  re = -(x.y * y.y) + re;
  im = (x.y * y.x) + im;
  return make_cuFloatComplex(re, im);
}

/* ---- double precision ---------------------------------------------------- */

__host__ __device__ static inline double cuCreal(cuDoubleComplex x) { return x.x; }
__host__ __device__ static inline double cuCimag(cuDoubleComplex x) { return x.y; }

__host__ __device__ static inline cuDoubleComplex make_cuDoubleComplex(double r, double i) {
  cuDoubleComplex z;
  z.x = r;
  z.y = i;
  return z;
}

__host__ __device__ static inline cuDoubleComplex cuConj(cuDoubleComplex x) {
  return make_cuDoubleComplex(x.x, -x.y);
}

__host__ __device__ static inline cuDoubleComplex cuCadd(cuDoubleComplex x, cuDoubleComplex y) {
  return make_cuDoubleComplex(x.x + y.x, x.y + y.y);
}

__host__ __device__ static inline cuDoubleComplex cuCsub(cuDoubleComplex x, cuDoubleComplex y) {
  return make_cuDoubleComplex(x.x - y.x, x.y - y.y);
}

__host__ __device__ static inline cuDoubleComplex cuCmul(cuDoubleComplex x, cuDoubleComplex y) {
  return make_cuDoubleComplex(x.x * y.x - x.y * y.y, x.x * y.y + x.y * y.x);
}

__host__ __device__ static inline cuDoubleComplex cuCdiv(cuDoubleComplex x, cuDoubleComplex y) {
  double scale = 1.0 / (fabs(y.x) + fabs(y.y));
  double xr = x.x * scale, xi = x.y * scale, yr = y.x * scale, yi = y.y * scale;
  double inv = 1.0 / (yr * yr + yi * yi);
  return make_cuDoubleComplex((xr * yr + xi * yi) * inv, (xi * yr - xr * yi) * inv);
}

__host__ __device__ static inline double cuCabs(cuDoubleComplex x) {
  double a = fabs(x.x), b = fabs(x.y);
  double big = a > b ? a : b, small = a > b ? b : a;
  if (big == 0.0 || big > 1.7976931348623157e308 || small > 1.7976931348623157e308)
    return big + small;
  double q = small / big;
  return big * sqrt(1.0 + q * q);
}

__host__ __device__ static inline cuDoubleComplex cuCfma(cuDoubleComplex x, cuDoubleComplex y,
                                                        cuDoubleComplex d) {
  double re = (x.x * y.x) + d.x;
  double im = (x.x * y.y) + d.y;
  re = -(x.y * y.y) + re;
  im = (x.y * y.x) + im;
  return make_cuDoubleComplex(re, im);
}

/* ---- conversions ---------------------------------------------------------- */

__host__ __device__ static inline cuDoubleComplex cuComplexFloatToDouble(cuFloatComplex c) {
  return make_cuDoubleComplex((double)c.x, (double)c.y);
}

__host__ __device__ static inline cuFloatComplex cuComplexDoubleToFloat(cuDoubleComplex c) {
  return make_cuFloatComplex((float)c.x, (float)c.y);
}

#endif
