// cuRAND's host API: the same calls on a device generator (into cudaMalloc
// memory, on a stream) and on a host generator must all succeed, and the
// host generator's numbers must be libcurand's: FNV-1a hashes of integer
// and uniform outputs (exact arithmetic) and sample values of normals
// (within 1e-5, since they go through logf/sinf) as NVIDIA's libcurand 10.4
// (CUDA 13.0) gives them for XORWOW, Philox4_32_10 and MRG32k3a with these
// seeds, lengths, offsets and reseeding.  The device generator's numbers
// are not compared: libcurand's device generators lay their results out
// otherwise than its host generators (an H200 run gave other sequences),
// and cuwasm's give the host layout for both.  Bad arguments must give
// cuRAND's status codes.
// Built as Makefiles build it, with -L to the toolkit's lib64 before -lcurand:
// the runtime must still be cuwasm's.
// FLAGS: -L/usr/local/cuda/lib64 -lcurand
#include "common.h"
#include <cmath>
#include <cstring>
#include <curand.h>

static unsigned long long fnv(const void *p, size_t n) {
  const unsigned char *c = (const unsigned char *)p;
  unsigned long long h = 1469598103934665603ULL;
  for (size_t i = 0; i < n; i++) h = (h ^ c[i]) * 1099511628211ULL;
  return h;
}

enum { BIG = 20000 };

struct Results { // what one run of the call sequence produced
  unsigned long long hash[12];
  double sample[8];
};

// fills host memory through a generator of either kind (dev: device memory)
struct Target {
  curandGenerator_t g;
  bool device;
  void *dmem;
  curandStatus_t run(curandStatus_t st, void *host, size_t bytes) {
    if (st == CURAND_STATUS_SUCCESS && device && cudaMemcpy(host, dmem, bytes, cudaMemcpyDeviceToHost) != cudaSuccess)
      return CURAND_STATUS_INTERNAL_ERROR;
    return st;
  }
  void *out(void *host) { return device ? dmem : host; }
};

static int sequence(curandRngType_t type, bool device, Results *r) {
  static unsigned int u[BIG];
  static float f[BIG];
  static double d[BIG];
  Target t = {0, device, 0};
  cudaStream_t stream;
  CHECK(cudaStreamCreate(&stream));
  if (device) CHECK(cudaMalloc(&t.dmem, BIG * sizeof(double)));
  curandStatus_t st = device ? curandCreateGenerator(&t.g, type) : curandCreateGeneratorHost(&t.g, type);
  int bad = st != CURAND_STATUS_SUCCESS;
  if (device) bad += curandSetStream(t.g, stream) != CURAND_STATUS_SUCCESS;
  bad += curandSetPseudoRandomGeneratorSeed(t.g, 20260101ULL) != CURAND_STATUS_SUCCESS;
#define RUN(call, host, bytes) bad += t.run((call), (host), (bytes)) != CURAND_STATUS_SUCCESS
  RUN(curandGenerate(t.g, (unsigned *)t.out(u), 10001), u, 4 * 10001);
  r->hash[0] = fnv(u, 4 * 10001);
  RUN(curandGenerate(t.g, (unsigned *)t.out(u), 7), u, 28);
  r->hash[1] = fnv(u, 28);
  RUN(curandGenerateUniform(t.g, (float *)t.out(f), 9999), f, 4 * 9999);
  r->hash[2] = fnv(f, 4 * 9999);
  RUN(curandGenerateUniformDouble(t.g, (double *)t.out(d), 5001), d, 8 * 5001);
  r->hash[3] = fnv(d, 8 * 5001);
  RUN(curandGenerateNormal(t.g, (float *)t.out(f), 10000, 1.5f, 2.0f), f, 4 * 10000);
  r->sample[0] = f[0], r->sample[1] = f[9999], r->hash[4] = fnv(f, 4 * 10000);
  RUN(curandGenerateNormalDouble(t.g, (double *)t.out(d), 9000, -1.0, 0.5), d, 8 * 9000);
  r->sample[2] = d[8999], r->hash[5] = fnv(d, 8 * 9000);
  RUN(curandGenerateLogNormal(t.g, (float *)t.out(f), 2000, 0.0f, 0.5f), f, 4 * 2000);
  r->sample[3] = f[1999], r->hash[6] = fnv(f, 4 * 2000);
  RUN(curandGenerateLogNormalDouble(t.g, (double *)t.out(d), 2000, 0.0, 0.5), d, 8 * 2000);
  r->sample[4] = d[1999], r->hash[7] = fnv(d, 8 * 2000);
  bad += curandSetGeneratorOffset(t.g, 123457) != CURAND_STATUS_SUCCESS;
  RUN(curandGenerate(t.g, (unsigned *)t.out(u), 5000), u, 4 * 5000);
  r->hash[8] = fnv(u, 4 * 5000);
  bad += curandSetPseudoRandomGeneratorSeed(t.g, 5ULL) != CURAND_STATUS_SUCCESS;
  RUN(curandGenerateUniform(t.g, (float *)t.out(f), 3000), f, 4 * 3000);
  r->hash[9] = fnv(f, 4 * 3000);
  bad += curandDestroyGenerator(t.g) != CURAND_STATUS_SUCCESS;
  // a fresh generator: calls that continue one another
  bad += (device ? curandCreateGenerator(&t.g, type) : curandCreateGeneratorHost(&t.g, type)) != CURAND_STATUS_SUCCESS;
  bad += curandSetPseudoRandomGeneratorSeed(t.g, 77ULL) != CURAND_STATUS_SUCCESS;
  RUN(curandGenerateNormal(t.g, (float *)t.out(f), 6, 0.f, 1.f), f, 24);
  RUN(curandGenerateNormal(t.g, (float *)t.out(f), 10, 0.f, 1.f), f, 40);
  r->sample[5] = f[0], r->hash[10] = fnv(f, 40);
  RUN(curandGenerateUniformDouble(t.g, (double *)t.out(d), 3), d, 24);
  RUN(curandGenerateUniformDouble(t.g, (double *)t.out(d), 9), d, 72);
  r->hash[11] = fnv(d, 72);
  bad += curandDestroyGenerator(t.g) != CURAND_STATUS_SUCCESS;
#undef RUN
  if (device) CHECK(cudaFree(t.dmem));
  CHECK(cudaStreamDestroy(stream));
  return bad;
}

int main() {
  int errors = 0;
  // libcurand's results (see the file's comment); normals: sample values only
  const unsigned long long exact[3][12] = {
      {0x9aab9412907572eaull, 0xc5b944ec53ba4764ull, 0x188fa497f7d68b4ull, 0xc0c64576a0b1503dull, 0, 0, 0, 0,
       0x97a1ed273fbd5b5eull, 0xeae5626b2052dc63ull, 0, 0xc50dd0f310017024ull},
      {0x9a9b1b5687a068d0ull, 0x611a7965b180a1a0ull, 0xbbd405cbacf9e84full, 0x4b8455b882360e8cull, 0, 0, 0, 0,
       0xed8e970d3fc4b890ull, 0x18b45d7d3a9b03cdull, 0, 0x6c3cd62a2d300f25ull},
      {0x8bac92a04985fc1bull, 0xb3c277bd3ad6b256ull, 0x7813721f62f8c6e6ull, 0x702213abed67f8d3ull, 0, 0, 0, 0,
       0xf5e1aae69b0b327cull, 0x87dccd18fe6e53e6ull, 0, 0x11a0ffc013a0b4b4ull}};
  const double samples[3][6] = {
      {5.34950829, 1.53412068, -1.2055492415107578, 1.18565226, 0.80175878548181156, 0.850209892},
      {2.68967605, 0.731143773, -0.88942279650273148, 0.517257988, 0.81957427465966204, 0.656363428},
      {-0.156741977, 2.04930568, -0.84765566286022176, 0.82753861, 0.79746143582021789, -1.23027933}};
  const curandRngType_t types[3] = {CURAND_RNG_PSEUDO_XORWOW, CURAND_RNG_PSEUDO_PHILOX4_32_10,
                                    CURAND_RNG_PSEUDO_MRG32K3A};
  const char *names[3] = {"XORWOW", "Philox4_32_10", "MRG32k3a"};
  for (int t = 0; t < 3; t++) {
    Results dev, host;
    memset(&dev, 0, sizeof dev);
    memset(&host, 0, sizeof host);
    int bad = sequence(types[t], true, &dev) + sequence(types[t], false, &host);
    if (bad) {
      printf("%s: %d calls failed\n", names[t], bad);
      errors++;
    }
    int same = 0, compared = 0;
    for (int k = 0; k < 12; k++) {
      if (!exact[t][k]) continue;
      compared++;
      if (host.hash[k] == exact[t][k]) same++;
      else printf("%s: call %d differs from libcurand (hash %llx, libcurand %llx)\n", names[t], k, host.hash[k], exact[t][k]);
    }
    for (int k = 0; k < 6; k++) {
      compared++;
      if (fabs(host.sample[k] - samples[t][k]) <= 1e-5 * fabs(samples[t][k])) same++;
      else printf("%s: normal sample %d is %.9g, libcurand's %.9g\n", names[t], k, host.sample[k], samples[t][k]);
    }
    printf("%s: %d of %d results equal libcurand's\n", names[t], same, compared);
    errors += compared - same;
  }

  // cuRAND's status codes for bad input
  curandGenerator_t g;
  float *buf;
  unsigned int *ubuf;
  CHECK(cudaMalloc(&buf, 64 * sizeof(float)));
  CHECK(cudaMalloc(&ubuf, 64 * sizeof(unsigned int)));
  struct {
    const char *what;
    curandStatus_t got, want;
  } statuses[] = {
      {"create with an unknown type", curandCreateGenerator(&g, (curandRngType_t)7), CURAND_STATUS_TYPE_ERROR},
      {"create XORWOW", curandCreateGenerator(&g, CURAND_RNG_PSEUDO_XORWOW), CURAND_STATUS_SUCCESS},
      {"odd count of normals", curandGenerateNormal(g, buf, 7, 0.0f, 1.0f), CURAND_STATUS_LENGTH_NOT_MULTIPLE},
      {"odd count of log-normals", curandGenerateLogNormal(g, buf, 3, 0.0f, 1.0f), CURAND_STATUS_LENGTH_NOT_MULTIPLE},
      {"Poisson with lambda 0", curandGeneratePoisson(g, ubuf, 8, 0.0), CURAND_STATUS_OUT_OF_RANGE},
      {"64-bit integers from XORWOW", curandGenerateLongLong(g, (unsigned long long *)buf, 8), CURAND_STATUS_TYPE_ERROR},
      {"dimensions of a pseudo-random generator", curandSetQuasiRandomGeneratorDimensions(g, 3), CURAND_STATUS_TYPE_ERROR},
      {"a quasi-random ordering", curandSetGeneratorOrdering(g, CURAND_ORDERING_QUASI_DEFAULT), CURAND_STATUS_OUT_OF_RANGE},
      {"dynamic ordering of a device XORWOW", curandSetGeneratorOrdering(g, CURAND_ORDERING_PSEUDO_DYNAMIC), CURAND_STATUS_SUCCESS},
      {"default ordering", curandSetGeneratorOrdering(g, CURAND_ORDERING_PSEUDO_DEFAULT), CURAND_STATUS_SUCCESS},
      {"zero numbers", curandGenerateUniform(g, buf, 0), CURAND_STATUS_SUCCESS},
      {"Poisson with lambda 3.5", curandGeneratePoisson(g, ubuf, 64, 3.5), CURAND_STATUS_SUCCESS},
      {"destroy", curandDestroyGenerator(g), CURAND_STATUS_SUCCESS},
  };
  for (auto &s : statuses)
    if (s.got != s.want) {
      printf("%s: status %d, want %d\n", s.what, (int)s.got, (int)s.want);
      errors++;
    }
  // not checked, only shown: whether libcurand's host generators take the
  // dynamic ordering (ours refuse it; a GPU run's log tells what NVIDIA's do)
  curandGenerator_t hg;
  if (curandCreateGeneratorHost(&hg, CURAND_RNG_PSEUDO_XORWOW) == CURAND_STATUS_SUCCESS) {
    printf("note: dynamic ordering of a host XORWOW: status %d\n",
           (int)curandSetGeneratorOrdering(hg, CURAND_ORDERING_PSEUDO_DYNAMIC));
    curandDestroyGenerator(hg);
  } else {
    printf("curandCreateGeneratorHost failed\n");
    errors++;
  }
  int version = 0;
  if (curandGetVersion(&version) != CURAND_STATUS_SUCCESS || version < 10000) {
    printf("curandGetVersion: %d\n", version);
    errors++;
  }
  CHECK(cudaFree(buf));
  CHECK(cudaFree(ubuf));
  return verdict("curand_host_api", errors);
}
