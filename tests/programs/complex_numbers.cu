// cuComplex.h: a complex polynomial evaluated by Horner's rule on the
// device in single and double precision, a division and modulus with
// parts near the ends of the float range (CUDA scales before squaring),
// and the same on the host, compared.
#include "common.h"
#include <cuComplex.h>
#include <cmath>

__global__ void horner(int n, const cuFloatComplex *z, cuFloatComplex *pf, cuDoubleComplex *pd) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  const cuFloatComplex coef[3] = {make_cuFloatComplex(1, -2), make_cuFloatComplex(0.5f, 0),
                                  make_cuFloatComplex(-3, 1)};
  cuFloatComplex acc = make_cuComplex(0, 0);
  cuDoubleComplex accd = make_cuDoubleComplex(0, 0);
  cuDoubleComplex zd = cuComplexFloatToDouble(z[i]);
  for (int k = 0; k < 3; k++) {
    acc = cuCaddf(cuCmulf(acc, z[i]), coef[k]);
    accd = cuCfma(accd, zd, cuComplexFloatToDouble(coef[k]));
  }
  pf[i] = cuCdivf(acc, cuConjf(z[i]));
  pd[i] = cuCsub(accd, make_cuDoubleComplex(cuCabsf(acc), cuCimag(accd)));
}

__global__ void extremes(cuFloatComplex *q, float *m) {
  cuFloatComplex big = make_cuFloatComplex(2e38f, 1.5e38f), tiny = make_cuFloatComplex(1e-30f, -2e-30f);
  q[0] = cuCdivf(big, make_cuFloatComplex(1e38f, 2e38f));
  q[1] = cuCdivf(tiny, make_cuFloatComplex(-1e-30f, 1e-30f));
  m[0] = cuCabsf(big);
  m[1] = cuCabsf(tiny);
}

static int close(double a, double b, double tol) { return fabs(a - b) <= tol * (1 + fabs(b)); }

int main() {
  const int n = 64;
  cuFloatComplex hz[n], hpf[n], *z, *pf, q[2], *dq;
  cuDoubleComplex hpd[n], *pd;
  float hm[2], *dm;
  for (int i = 0; i < n; i++) hz[i] = make_cuFloatComplex(0.25f * (i % 8) - 1, 0.125f * (i / 8) + 0.1f);
  CHECK(cudaMalloc(&z, sizeof hz));
  CHECK(cudaMalloc(&pf, sizeof hpf));
  CHECK(cudaMalloc(&pd, sizeof hpd));
  CHECK(cudaMalloc(&dq, sizeof q));
  CHECK(cudaMalloc(&dm, sizeof hm));
  CHECK(cudaMemcpy(z, hz, sizeof hz, cudaMemcpyHostToDevice));
  horner<<<2, 32>>>(n, z, pf, pd);
  extremes<<<1, 1>>>(dq, dm);
  CHECK(cudaGetLastError());
  CHECK(cudaMemcpy(hpf, pf, sizeof hpf, cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(hpd, pd, sizeof hpd, cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(q, dq, sizeof q, cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(hm, dm, sizeof hm, cudaMemcpyDeviceToHost));
  int errors = 0;
  for (int i = 0; i < n; i++) {
    double zr = cuCrealf(hz[i]), zi = cuCimagf(hz[i]);
    double cr[3] = {1, 0.5, -3}, ci[3] = {-2, 0, 1}, ar = 0, ai = 0;
    for (int k = 0; k < 3; k++) {
      double t = ar * zr - ai * zi + cr[k];
      ai = ar * zi + ai * zr + ci[k];
      ar = t;
    }
    double den = zr * zr + zi * zi; /* acc / conj(z) = acc * z / |z|^2 */
    double qr = (ar * zr - ai * zi) / den, qi = (ar * zi + ai * zr) / den;
    if (!close(cuCrealf(hpf[i]), qr, 1e-4) || !close(cuCimagf(hpf[i]), qi, 1e-4)) errors++;
    if (!close(cuCreal(hpd[i]), ar - hypot(ar, ai), 1e-5) || cuCimag(hpd[i]) != 0.0) errors++;
  }
  /* (2+1.5i)e38 / (1+2i)e38 = 1 - 0.5i; (1-2i)e-30 / (-1+1i)e-30 = -1.5 + 0.5i */
  if (!close(cuCrealf(q[0]), 1.0, 1e-6) || !close(cuCimagf(q[0]), -0.5, 1e-6)) errors++;
  if (!close(cuCrealf(q[1]), -1.5, 1e-6) || !close(cuCimagf(q[1]), 0.5, 1e-6)) errors++;
  if (!close(hm[0], 2.5e38, 1e-6) || !close(hm[1], 2.236068e-30, 1e-6)) errors++;
  printf("q0 %.6f %.6f q1 %.6f %.6f |big| %.6g |tiny| %.6g\n", cuCrealf(q[0]), cuCimagf(q[0]),
         cuCrealf(q[1]), cuCimagf(q[1]), hm[0], hm[1]);
  return verdict("complex_numbers", errors);
}
