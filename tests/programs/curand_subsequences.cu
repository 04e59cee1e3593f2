// cuRAND subsequences and offsets: curand_init(seed, s, o) must equal
// curand_init(seed, s, 0) followed by o draws (and skipahead(o)); a
// subsequence reached by skipahead_sequence(k) (MRG32k3a:
// skipahead_subsequence) from subsequence s must equal subsequence s + k
// (XORWOW: jumps of k * 2^67 steps through the jump polynomials; Philox:
// the counter's upper half; MRG32k3a: jump matrices of 2^76 steps); the
// first outputs of 4096 subsequences must all differ and adjacent
// subsequences must be uncorrelated.  First outputs for a few arguments
// are compared with the values NVIDIA's cuRAND 10.4 (CUDA 13.0) gives for
// them, for the three generators.
#include "common.h"
#include <cmath>
#include <curand_kernel.h>

template <class State> __device__ unsigned int nth_by_stepping(unsigned long long seed, unsigned long long sub,
                                                               unsigned long long n) {
  State s;
  curand_init(seed, sub, 0, &s);
  for (unsigned long long i = 0; i < n; i++) curand(&s);
  return curand(&s);
}

// n subsequences further on: MRG32k3a's skipahead_sequence moves by 2^127
__device__ void next_subsequences(unsigned long long n, curandState *s) { skipahead_sequence(n, s); }
__device__ void next_subsequences(unsigned long long n, curandStatePhilox4_32_10_t *s) { skipahead_sequence(n, s); }
__device__ void next_subsequences(unsigned long long n, curandStateMRG32k3a_t *s) { skipahead_subsequence(n, s); }

// out[4*i..]: offset by init, by skipahead, by stepping, and subsequence jump vs init
template <class State> __global__ void offsets(const unsigned long long *offs, int n, unsigned int *out) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  State a, b;
  curand_init(77, 3, offs[i], &a);
  out[4 * i] = curand(&a);
  curand_init(77, 3, 0, &b);
  skipahead(offs[i], &b);
  out[4 * i + 1] = curand(&b);
  out[4 * i + 2] = nth_by_stepping<State>(77, 3, offs[i]);
  // subsequence 3 + offs[i], two ways
  State c, d;
  curand_init(77, 3, 0, &c);
  next_subsequences(offs[i], &c);
  curand_init(77, 3 + offs[i], 0, &d);
  out[4 * i + 3] = curand(&c) ^ curand(&d);
}

template <class State> __global__ void firsts(int n, unsigned long long *first, float *u, int per) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  State s;
  curand_init(2026, i, 0, &s);
  unsigned long long hi = curand(&s);
  first[i] = hi << 32 | curand(&s);
  for (int k = 0; k < per; k++) u[i * per + k] = curand_uniform(&s);
}

struct Known {
  unsigned long long seed, sub, off;
  unsigned int xorwow[4], philox[4], mrg[4];
};

template <class State> __global__ void knowns(const Known *k, int n, unsigned int *out) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= n) return;
  State s;
  curand_init(k[i].seed, k[i].sub, k[i].off, &s);
  for (int j = 0; j < 4; j++) out[4 * i + j] = curand(&s);
}

template <class State> static int check(const char *name) {
  int errors = 0;
  const unsigned long long offs[] = {0, 1, 3, 4, 5, 159, 160, 161, 1000, 4097, 9029, 65537, 300001, 1048623};
  const int n = sizeof offs / sizeof *offs;
  unsigned long long *doffs;
  unsigned int *dout, out[4 * n];
  CHECK(cudaMalloc(&doffs, sizeof offs));
  CHECK(cudaMalloc(&dout, sizeof out));
  CHECK(cudaMemcpy(doffs, offs, sizeof offs, cudaMemcpyHostToDevice));
  offsets<State><<<1, n>>>(doffs, n, dout);
  CHECK(cudaGetLastError());
  CHECK(cudaMemcpy(out, dout, sizeof out, cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; i++) {
    if (out[4 * i] != out[4 * i + 2] || out[4 * i + 1] != out[4 * i + 2]) {
      printf("%s offset %llu: init %u, skipahead %u, stepping %u\n", name, offs[i], out[4 * i],
             out[4 * i + 1], out[4 * i + 2]);
      errors++;
    }
    if (out[4 * i + 3] != 0) {
      printf("%s: skipahead_sequence(%llu) from subsequence 3 is not subsequence %llu\n", name, offs[i],
             3 + offs[i]);
      errors++;
    }
  }
  // 4096 subsequences: distinct first pairs, adjacent ones uncorrelated
  const int subs = 4096, per = 1024;
  unsigned long long *dfirst, *first = (unsigned long long *)malloc(subs * sizeof *first);
  float *du, *u = (float *)malloc(sizeof(float) * subs * per);
  CHECK(cudaMalloc(&dfirst, subs * sizeof *first));
  CHECK(cudaMalloc(&du, sizeof(float) * subs * per));
  firsts<State><<<subs / 128, 128>>>(subs, dfirst, du, per);
  CHECK(cudaGetLastError());
  CHECK(cudaMemcpy(first, dfirst, subs * sizeof *first, cudaMemcpyDeviceToHost));
  CHECK(cudaMemcpy(u, du, sizeof(float) * subs * per, cudaMemcpyDeviceToHost));
  int same = 0;
  for (int i = 0; i < subs; i++)
    for (int j = i + 1; j < subs; j++) same += first[i] == first[j];
  if (same) {
    printf("%s: %d pairs of subsequences start alike\n", name, same);
    errors++;
  }
  double worst = 0;
  for (int i = 0; i + 1 < subs; i += 64) { // 64 adjacent pairs
    double sa = 0, sb = 0, sab = 0, saa = 0, sbb = 0;
    for (int k = 0; k < per; k++) {
      double a = u[i * per + k], b = u[(i + 1) * per + k];
      sa += a, sb += b, sab += a * b, saa += a * a, sbb += b * b;
    }
    double cov = sab / per - sa / per * sb / per;
    double r = cov / sqrt((saa / per - sa / per * sa / per) * (sbb / per - sb / per * sb / per));
    worst = fmax(worst, fabs(r));
  }
  printf("%s: %d offsets and subsequence jumps agree; largest |correlation| of adjacent subsequences %.4f "
         "(limit %.4f)\n", name, n, worst, 5 / sqrt((double)per));
  if (worst > 5 / sqrt((double)per)) errors++;
  free(first);
  free(u);
  CHECK(cudaFree(dfirst));
  CHECK(cudaFree(du));
  CHECK(cudaFree(doffs));
  CHECK(cudaFree(dout));
  return errors;
}

int main() {
  int errors = check<curandState>("XORWOW") + check<curandStatePhilox4_32_10_t>("Philox4_32_10") +
               check<curandStateMRG32k3a_t>("MRG32k3a");
  const Known known[] = {
      {1234, 0, 0, {624778773u, 1867875844u, 3739671282u, 1954919316u}, {546353992u, 3665621163u, 1140953199u, 3419031310u},
       {3379073520u, 2521876100u, 213678209u, 1604391373u}},
      {1234, 5, 7, {3351265907u, 3629609298u, 415430802u, 1173093345u}, {1925342002u, 648658203u, 3633236749u, 143597841u},
       {2068833513u, 469510173u, 681930214u, 929420860u}},
      {0, 0, 0, {3179217846u, 1883133293u, 2220552389u, 674260989u}, {1713891541u, 3781805453u, 3159862348u, 2600524760u},
       {545508615u, 1368065476u, 1327943825u, 3546985268u}},
      {0xdeadbeefcafeull, 123456789, 987654321123ull, {2648363784u, 722283368u, 225070149u, 2690309860u},
       {1184329910u, 2658946674u, 1167793004u, 3416873739u}, {50781750u, 3755158034u, 4198240713u, 2999101341u}},
      {42, 65535, 3, {3539191000u, 1005513985u, 3747771537u, 2300062626u}, {1878425300u, 1068443597u, 4123852710u, 1978382891u},
       {1843521219u, 518034134u, 1138213442u, 2761502400u}},
      {7, 1ull << 40, 1ull << 50, {3383087982u, 3307547638u, 1088209706u, 319521476u}, {2021439749u, 2372184430u, 887013792u, 2172077972u},
       {3044488100u, 3043856525u, 3835331273u, 754825567u}},
  };
  const int nk = sizeof known / sizeof *known;
  Known *dk;
  unsigned int *dout, out[3][4 * nk];
  CHECK(cudaMalloc(&dk, sizeof known));
  CHECK(cudaMalloc(&dout, sizeof out[0]));
  CHECK(cudaMemcpy(dk, known, sizeof known, cudaMemcpyHostToDevice));
  knowns<curandState><<<1, nk>>>(dk, nk, dout);
  CHECK(cudaGetLastError());
  CHECK(cudaMemcpy(out[0], dout, sizeof out[0], cudaMemcpyDeviceToHost));
  knowns<curandStatePhilox4_32_10_t><<<1, nk>>>(dk, nk, dout);
  CHECK(cudaMemcpy(out[1], dout, sizeof out[1], cudaMemcpyDeviceToHost));
  knowns<curandStateMRG32k3a_t><<<1, nk>>>(dk, nk, dout);
  CHECK(cudaMemcpy(out[2], dout, sizeof out[2], cudaMemcpyDeviceToHost));
  int matched = 0;
  for (int i = 0; i < nk; i++)
    for (int j = 0; j < 4; j++) {
      bool ok = out[0][4 * i + j] == known[i].xorwow[j] && out[1][4 * i + j] == known[i].philox[j] &&
                out[2][4 * i + j] == known[i].mrg[j];
      matched += ok;
      if (!ok) {
        printf("seed %llu subsequence %llu offset %llu, output %d: XORWOW %u (cuRAND %u), Philox %u (cuRAND %u), "
               "MRG32k3a %u (cuRAND %u)\n",
               known[i].seed, known[i].sub, known[i].off, j, out[0][4 * i + j], known[i].xorwow[j],
               out[1][4 * i + j], known[i].philox[j], out[2][4 * i + j], known[i].mrg[j]);
        errors++;
      }
    }
  printf("%d of %d outputs equal cuRAND's\n", matched, 4 * nk);
  CHECK(cudaFree(dk));
  CHECK(cudaFree(dout));
  return verdict("curand_subsequences", errors);
}
