/*
 * math_funcs.c — references for tests/kernels/math_funcs.cu, evaluated in
 * double with the C library (on the float arguments the kernel forms) and
 * compared with a tolerance that covers CUDA's documented ulp bounds; the
 * fast intrinsics (__expf, __logf, __sinf, ...) are approximations on a GPU
 * and get a looser one.
 */
#include "ref.h"

static const float pi_f = 3.14159265358979f;

static void mathFloat(RefArgs *r) {
  int n = SI32(2);
  for (int i = 0; i < n; i++) {
    float v = BF32(0)[i];
    double d = v, a = (float)(v * pi_f);
    float *o = BF32(1) + 16 * i;
    o[0] = (float)exp(d);
    o[1] = (float)log((double)(v + 1.0f));
    o[2] = (float)log2((double)(v + 1.0f));
    o[3] = (float)pow(d, 2.5);
    o[4] = (float)(sqrt(d) + 1.0 / sqrt((double)(v + 1.0f)));
    o[5] = (float)(sin(d) + cos(d));
    o[6] = (float)(sin(a) * cos(a));
    o[7] = (float)tanh((double)(v * 4.0f - 2.0f));
    o[8] = (float)(erf(d) + erfc(d));
    o[9] = fmaf(v, 3.0f, -1.0f);
    o[10] = (v < 0.5f ? v : 0.5f) + (v > 0.25f ? v : 0.25f);
    float t = v * 10.0f;
    o[11] = floorf(t) + ceilf(t) + truncf(-t) + roundf(t);
    o[12] = fmodf(v * 100.0f, 7.0f);
    o[13] = (float)atan2(d, (double)(1.0f - v));
    o[14] = (float)(cbrt(d) + hypot(d, 1.0));
    o[15] = (float)(d + (v - 0.5f < 0.0f ? -1.0 : 1.0) + exp2(d) + log10((double)(v + 1.0f)));
  }
  ref_set(r, 1, CHK_TOL, 1e-5);
}

static void mathFast(RefArgs *r) {
  int n = SI32(2);
  for (int i = 0; i < n; i++) {
    float v = BF32(0)[i];
    double d = v;
    float *o = BF32(1) + 4 * i;
    o[0] = (float)(exp(d) + log((double)(v + 1.0f)));
    o[1] = (float)(sin(d) * cos(d));
    o[2] = (float)(d / (double)(v + 2.0f));
    double s = (double)(v * 3.0f - 1.0f);
    o[3] = (float)((s < 0.0 ? 0.0 : s > 1.0 ? 1.0 : s) + sqrt(d));
  }
  /* CUDA documents __expf/__logf/__sinf/__powf as approximations
     (absolute error ~2^-21 on the logs and sines, a few ulp on exp) */
  ref_set(r, 1, CHK_TOL, 1e-4);
}

static void mathDouble(RefArgs *r) {
  int n = SI32(2);
  for (int i = 0; i < n; i++) {
    double v = BF64(0)[i], *o = BF64(1) + 8 * i;
    o[0] = exp(v);
    o[1] = log(v + 1.0);
    o[2] = sqrt(v);
    o[3] = sin(v) + cos(v);
    o[4] = pow(v, 1.5);
    o[5] = fma(v, v, 1.0);
    o[6] = sin(v) + cos(v) + erf(v) + tanh(v);
    o[7] = (v < 0.5 ? v : 0.5) + (v > 0.5 ? v : 0.5) + floor(v * 8.0) + 3.14159265358979323846;
  }
  ref_set(r, 1, CHK_TOL, 1e-12);
}

const RefEntry ref_math_funcs[] = {
    {"mathFloat", mathFloat, NULL},
    {"mathFast", mathFast, NULL},
    {"mathDouble", mathDouble, NULL},
    {NULL, NULL, NULL}};
