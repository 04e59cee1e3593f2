/*
 * cw_math_norms.h — CUDA's Euclidean norms of several arguments (cuwasm):
 * rhypot, norm3d, rnorm3d, norm4d, rnorm4d, norm/rnorm over an array, in
 * float (`f` suffix) and double.
 *
 * The arguments are scaled by the largest magnitude before squaring, so
 * the result overflows or underflows only when the norm itself does; an
 * infinite argument gives infinity even beside a NaN, as CUDA documents.
 * Templates (D unused) so that programs that never call them get no code;
 * cuda_runtime.h includes this, as nvcc makes them available implicitly.
 */
#ifndef CUWASM_CW_MATH_NORMS_H
#define CUWASM_CW_MATH_NORMS_H

#if defined(__CUDA_ARCH__) && defined(__cplusplus)

/* sqrt(sum of a[i]^2), n >= 0 */
template <class T> static __device__ inline T __cw_norm(int n, const T *a) {
  T big = 0;
  for (int i = 0; i < n; i++) {
    T m = a[i] < 0 ? -a[i] : a[i];
    if (m == (T)1 / (T)0) return m;
    if (m > big) big = m;
  }
  for (int i = 0; i < n; i++)
    if (a[i] != a[i]) return a[i];
  if (big == 0) return 0;
  T sum = 0;
  for (int i = 0; i < n; i++) {
    T q = a[i] / big;
    sum += q * q;
  }
  return big * sqrt(sum);
}

template <int D = 0> static __device__ inline float normf(int dim, const float *a) { return __cw_norm(dim, a); }
template <int D = 0> static __device__ inline double norm(int dim, const double *a) { return __cw_norm(dim, a); }
template <int D = 0> static __device__ inline float rnormf(int dim, const float *a) { return 1.0f / __cw_norm(dim, a); }
template <int D = 0> static __device__ inline double rnorm(int dim, const double *a) { return 1.0 / __cw_norm(dim, a); }

template <int D = 0> static __device__ inline float rhypotf(float x, float y) { return 1.0f / hypotf(x, y); }
template <int D = 0> static __device__ inline double rhypot(double x, double y) { return 1.0 / hypot(x, y); }

template <int D = 0> static __device__ inline float norm3df(float a, float b, float c) {
  const float v[3] = {a, b, c};
  return __cw_norm(3, v);
}
template <int D = 0> static __device__ inline double norm3d(double a, double b, double c) {
  const double v[3] = {a, b, c};
  return __cw_norm(3, v);
}
template <int D = 0> static __device__ inline float rnorm3df(float a, float b, float c) {
  return 1.0f / norm3df(a, b, c);
}
template <int D = 0> static __device__ inline double rnorm3d(double a, double b, double c) {
  return 1.0 / norm3d(a, b, c);
}
template <int D = 0> static __device__ inline float norm4df(float a, float b, float c, float d) {
  const float v[4] = {a, b, c, d};
  return __cw_norm(4, v);
}
template <int D = 0> static __device__ inline double norm4d(double a, double b, double c, double d) {
  const double v[4] = {a, b, c, d};
  return __cw_norm(4, v);
}
template <int D = 0> static __device__ inline float rnorm4df(float a, float b, float c, float d) {
  return 1.0f / norm4df(a, b, c, d);
}
template <int D = 0> static __device__ inline double rnorm4d(double a, double b, double c, double d) {
  return 1.0 / norm4d(a, b, c, d);
}

#endif
#endif
