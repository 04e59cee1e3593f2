/*
 * black_scholes.c — references for tests/kernels/black_scholes.cu.  The
 * float kernel uses the fast intrinsics __expf and __fdividef, which are
 * approximations on a GPU, so the reference prices in double with the same
 * polynomial for the normal CDF and compares with a loosened tolerance.
 * The double kernel uses normcdf, computed here from erfc.
 */
#include "ref.h"

/* Abramowitz-Stegun style polynomial for the cumulative normal. */
static double cnd_poly(double d) {
  const double a1 = 0.31938153, a2 = -0.356563782, a3 = 1.781477937, a4 = -1.821255978,
               a5 = 1.330274429, inv_sqrt_2pi = 0.39894228040143267794;
  double k = 1.0 / (1.0 + 0.2316419 * fabs(d));
  double poly = k * (a1 + k * (a2 + k * (a3 + k * (a4 + k * a5))));
  double c = inv_sqrt_2pi * exp(-0.5 * d * d) * poly;
  return d > 0 ? 1.0 - c : c;
}

static void blackScholes(RefArgs *r) {
  int n = SI32(7);
  double rf = SF32(5), vol = SF32(6);
  for (int i = 0; i < n; i++) {
    double spot = 5.0f + 30.0f * BF32(2)[i];
    double strike = 1.0f + 99.0f * BF32(3)[i];
    double years = 0.25f + 9.75f * BF32(4)[i];
    double sq = sqrt(years);
    double d1 = (log(spot / strike) + (rf + 0.5 * vol * vol) * years) / (vol * sq);
    double d2 = d1 - vol * sq;
    double c1 = cnd_poly(d1), c2 = cnd_poly(d2);
    double disc = exp(-rf * years);
    BF32(0)[i] = (float)(spot * c1 - strike * disc * c2);
    BF32(1)[i] = (float)(strike * disc * (1.0 - c2) - spot * (1.0 - c1));
  }
  /* float rounding and the fast exp/divide: absolute errors of ~1e-5
     on prices of up to ~100 */
  ref_set(r, 0, CHK_TOL, 2e-4);
  ref_set(r, 1, CHK_TOL, 2e-4);
}

static double normal_cdf(double x) { return 0.5 * erfc(-x / sqrt(2.0)); }

static void blackScholesDouble(RefArgs *r) {
  int n = SI32(2);
  for (int i = 0; i < n; i++) {
    double s = 10.0 + 20.0 * BF64(0)[i], x = 20.0, t = 1.0, rate = 0.05, v = 0.2;
    double d1 = (log(s / x) + (rate + 0.5 * v * v) * t) / (v * sqrt(t));
    double d2 = d1 - v * sqrt(t);
    BF64(1)[i] = s * normal_cdf(d1) - x * exp(-rate * t) * normal_cdf(d2);
  }
  ref_set(r, 1, CHK_TOL, 1e-9);
}

const RefEntry ref_black_scholes[] = {
    {"blackScholes", blackScholes, NULL},
    {"blackScholesDouble", blackScholesDouble, NULL},
    {NULL, NULL, NULL}};
