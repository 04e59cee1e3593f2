// cuRAND distributions checked by their moments: normals from XORWOW
// (curand_normal, curand_normal_double), Philox (curand_normal4) and
// MRG32k3a (curand_normal_double) and from
// the host API (curandGenerateNormal with a mean and deviation), log-normals
// and Poisson counts (small and large means).  Each estimate must lie
// within 5 standard errors of the distribution's value, and a normal
// sample must put 68.27% / 95.45% of its values within 1 / 2 deviations.
// Philox's curand_normal4_double and curand_log_normal4_double must give
// the values of two curand_normal2_double / curand_log_normal2_double
// calls from the same state (cuRAND's: two Box-Muller pairs of doubles).
// FLAGS: -lcurand
#include "common.h"
#include <cmath>
#include <curand.h>
#include <curand_kernel.h>

enum { THREADS = 8192, PER = 128, N = THREADS * PER };

__global__ void normals(float *xw, float *ph, double *xwd, double *mrgd, float *logn,
                        unsigned int *poi_small, unsigned int *poi_large) {
  int id = blockIdx.x * blockDim.x + threadIdx.x;
  curandState s;
  curandStatePhilox4_32_10_t p;
  curandStateMRG32k3a_t m;
  curand_init(7, id, 0, &s);
  curand_init(7, id, 0, &p);
  curand_init(7, id, 0, &m);
  for (int k = 0; k < PER; k++) {
    xw[id * PER + k] = curand_normal(&s);
    xwd[id * PER + k] = curand_normal_double(&s);
    mrgd[id * PER + k] = curand_normal_double(&m);
  }
  for (int k = 0; k < PER; k += 4) {
    float4 v = curand_normal4(&p);
    ph[id * PER + k] = v.x, ph[id * PER + k + 1] = v.y, ph[id * PER + k + 2] = v.z, ph[id * PER + k + 3] = v.w;
  }
  for (int k = 0; k < PER / 8; k++) { // fewer: the slower distributions
    int at = id * (PER / 8) + k;
    logn[at] = curand_log_normal(&p, 0.0f, 0.5f);
    poi_small[at] = curand_poisson(&s, 4.0);
    poi_large[at] = curand_poisson(&p, 250.0);
  }
}

__global__ void double4_pairs(double *out, int n) {
  int id = blockIdx.x * blockDim.x + threadIdx.x;
  if (id >= n) return;
  curandStatePhilox4_32_10_t a, b;
  curand_init(11, id, 3 * id, &a);
  curand_init(11, id, 3 * id, &b);
  auto g = curand_normal4_double(&a); // `auto`: CUDA 13 deprecates the name double4
  auto l = curand_log_normal4_double(&a, 0.5, 0.25);
  double2 g0 = curand_normal2_double(&b), g1 = curand_normal2_double(&b);
  double2 l0 = curand_log_normal2_double(&b, 0.5, 0.25), l1 = curand_log_normal2_double(&b, 0.5, 0.25);
  double got[8] = {g.x, g.y, g.z, g.w, l.x, l.y, l.z, l.w};
  double want[8] = {g0.x, g0.y, g1.x, g1.y, l0.x, l0.y, l1.x, l1.y};
  for (int k = 0; k < 8; k++) out[id * 16 + k] = got[k], out[id * 16 + 8 + k] = want[k];
}

static int check_double4_pairs() {
  const int n = 256;
  double *out;
  CHECK(cudaMallocManaged(&out, n * 16 * sizeof(double)));
  double4_pairs<<<n / 128, 128>>>(out, n);
  CHECK(cudaGetLastError());
  CHECK(cudaDeviceSynchronize());
  int errors = 0;
  for (int i = 0; i < n * 16; i += 16)
    for (int k = 0; k < 8; k++)
      if (!(fabs(out[i + k] - out[i + 8 + k]) <= 1e-14 * fabs(out[i + 8 + k])) && errors++ < 5)
        printf("Philox %s4_double, thread %d value %d: %.17g, the pairs' %.17g\n",
               k < 4 ? "curand_normal" : "curand_log_normal", i / 16, k % 4, out[i + k], out[i + 8 + k]);
  printf("Philox curand_normal4_double / curand_log_normal4_double: %d of %d values differ from the pairs'\n",
         errors, n * 8);
  CHECK(cudaFree(out));
  return errors;
}

struct Moments {
  double mean, var, skew, kurt;
};

template <class T> static Moments moments(const T *x, int n) {
  double m = 0;
  for (int i = 0; i < n; i++) m += x[i];
  m /= n;
  double m2 = 0, m3 = 0, m4 = 0;
  for (int i = 0; i < n; i++) {
    double d = x[i] - m;
    m2 += d * d, m3 += d * d * d, m4 += d * d * d * d;
  }
  m2 /= n, m3 /= n, m4 /= n;
  return {m, m2, m3 / pow(m2, 1.5), m4 / (m2 * m2) - 3.0};
}

static int near(const char *what, double got, double want, double sigma) {
  bool ok = fabs(got - want) <= 5 * sigma;
  printf("  %-40s %10.5f  (want %.5f +- %.5f)%s\n", what, got, want, 5 * sigma, ok ? "" : "  <-- off");
  return ok ? 0 : 1;
}

template <class T> static int check_normal(const char *name, const T *x, int n, double mu, double sd) {
  Moments m = moments(x, n);
  int within1 = 0, within2 = 0;
  for (int i = 0; i < n; i++) {
    double z = fabs((x[i] - mu) / sd);
    within1 += z <= 1, within2 += z <= 2;
  }
  char label[4][64];
  snprintf(label[0], 64, "%s mean", name);
  snprintf(label[1], 64, "%s variance", name);
  snprintf(label[2], 64, "%s skewness", name);
  snprintf(label[3], 64, "%s excess kurtosis", name);
  int e = near(label[0], m.mean, mu, sd / sqrt(n)) + near(label[1], m.var, sd * sd, sd * sd * sqrt(2.0 / n)) +
          near(label[2], m.skew, 0, sqrt(6.0 / n)) + near(label[3], m.kurt, 0, sqrt(24.0 / n));
  double p1 = 0.682689492, p2 = 0.954499736;
  e += near("  within 1 deviation", (double)within1 / n, p1, sqrt(p1 * (1 - p1) / n));
  e += near("  within 2 deviations", (double)within2 / n, p2, sqrt(p2 * (1 - p2) / n));
  return e;
}

static int check_poisson(const char *name, const unsigned int *x, int n, double lambda) {
  double m = 0, v = 0;
  for (int i = 0; i < n; i++) m += x[i];
  m /= n;
  for (int i = 0; i < n; i++) v += (x[i] - m) * (x[i] - m);
  v /= n;
  char a[64], b[64];
  snprintf(a, 64, "%s mean", name);
  snprintf(b, 64, "%s variance", name);
  // variance of the sample variance of a Poisson: (2 lambda^2 + lambda) / n
  return near(a, m, lambda, sqrt(lambda / n)) + near(b, v, lambda, sqrt((2 * lambda * lambda + lambda) / n));
}

int main() {
  float *xw, *ph, *logn, *gen;
  double *xwd, *mrgd;
  unsigned int *ps, *pl;
  const int few = N / 8;
  CHECK(cudaMallocManaged(&xw, N * sizeof(float)));
  CHECK(cudaMallocManaged(&ph, N * sizeof(float)));
  CHECK(cudaMallocManaged(&xwd, N * sizeof(double)));
  CHECK(cudaMallocManaged(&mrgd, N * sizeof(double)));
  CHECK(cudaMallocManaged(&logn, few * sizeof(float)));
  CHECK(cudaMallocManaged(&ps, few * sizeof(unsigned int)));
  CHECK(cudaMallocManaged(&pl, few * sizeof(unsigned int)));
  normals<<<THREADS / 128, 128>>>(xw, ph, xwd, mrgd, logn, ps, pl);
  CHECK(cudaGetLastError());
  CHECK(cudaDeviceSynchronize());

  int errors = 0;
  printf("device API, %d samples each:\n", N);
  errors += check_normal("XORWOW curand_normal", xw, N, 0, 1);
  errors += check_normal("Philox curand_normal4", ph, N, 0, 1);
  errors += check_normal("XORWOW curand_normal_double", xwd, N, 0, 1);
  errors += check_normal("MRG32k3a curand_normal_double", mrgd, N, 0, 1);
  // log-normal(0, 0.5): mean e^(s^2/2), variance (e^(s^2) - 1) e^(s^2)
  double lmean = exp(0.125), lvar = (exp(0.25) - 1) * exp(0.25);
  errors += near("Philox curand_log_normal mean", moments(logn, few).mean, lmean, sqrt(lvar / few));
  errors += check_poisson("XORWOW curand_poisson(4)", ps, few, 4.0);
  errors += check_poisson("Philox curand_poisson(250)", pl, few, 250.0);
  errors += check_double4_pairs();

  printf("host API:\n");
  CHECK(cudaMalloc(&gen, N * sizeof(float)));
  curandGenerator_t g;
  if (curandCreateGenerator(&g, CURAND_RNG_PSEUDO_DEFAULT) != CURAND_STATUS_SUCCESS ||
      curandSetPseudoRandomGeneratorSeed(g, 99ULL) != CURAND_STATUS_SUCCESS ||
      curandGenerateNormal(g, gen, N, 3.0f, 0.25f) != CURAND_STATUS_SUCCESS) {
    printf("curandGenerateNormal failed\n");
    return verdict("curand_normal_moments", 1);
  }
  CHECK(cudaMemcpy(xw, gen, N * sizeof(float), cudaMemcpyDeviceToHost));
  errors += check_normal("curandGenerateNormal(3, 0.25)", xw, N, 3.0, 0.25);
  curandDestroyGenerator(g);
  CHECK(cudaFree(gen));
  CHECK(cudaFree(xw));
  CHECK(cudaFree(ph));
  CHECK(cudaFree(xwd));
  CHECK(cudaFree(mrgd));
  CHECK(cudaFree(logn));
  CHECK(cudaFree(ps));
  CHECK(cudaFree(pl));
  return verdict("curand_normal_moments", errors);
}
