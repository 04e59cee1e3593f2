/*
 * rng_xorshift.c — references for tests/kernels/rng_xorshift.cu: the same
 * generators run sequentially per thread.  The Box-Muller transform is
 * evaluated in double from the same float uniforms (float libm in the
 * kernel, hence the tolerance).
 */
#include "ref.h"

static uint32_t xs32(uint32_t *s) {
  *s ^= *s << 13;
  *s ^= *s >> 17;
  *s ^= *s << 5;
  return *s;
}

static uint64_t splitmix_next(uint64_t *state) {
  uint64_t z = (*state += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  return z ^ (z >> 31);
}

/* top 24 bits scaled by 2^-24 */
static float splitmix_uniform(uint64_t *state) {
  return (float)(splitmix_next(state) >> 40) * (1.0f / 16777216.0f);
}

static void fillUniform(RefArgs *r) {
  int n = SI32(2);
  for (int i = 0; i < n; i++) {
    uint32_t s = SU32(1) ^ ((uint32_t)i * 747796405u + 1u);
    if (s == 0) s = 1;
    xs32(&s);
    BF32(0)[i] = (float)xs32(&s) * 2.3283064365386963e-10f;
  }
}

static void fillNormal(RefArgs *r) {
  int pairs = SI32(2);
  for (int i = 0; i < pairs; i++) {
    uint64_t st = SU64(1) + (uint64_t)i * 0x632BE59BD9B4E019ull;
    float u1 = splitmix_uniform(&st), u2 = splitmix_uniform(&st);
    if (u1 < 1e-7f) u1 = 1e-7f;
    double rad = sqrt(-2.0 * log((double)u1)), ang = (float)(6.28318530718f * u2);
    BF32(0)[2 * i] = (float)(rad * cos(ang));
    BF32(0)[2 * i + 1] = (float)(rad * sin(ang));
  }
  ref_set(r, 0, CHK_TOL, 1e-5);
}

static void monteCarloPi(RefArgs *r) {
  uint64_t hits = BU64(0)[0];
  int per = SI32(2);
  for (size_t t = 0; t < NTHREADS(r); t++) {
    uint32_t s = SU32(1) * 2654435761u + (uint32_t)t + 1u;
    for (int k = 0; k < per; k++) {
      float x = (float)xs32(&s) * 2.3283064365386963e-10f;
      float y = (float)xs32(&s) * 2.3283064365386963e-10f;
      hits += x * x + y * y <= 1.0f;
    }
  }
  BU64(0)[0] = hits;
}

const RefEntry ref_rng_xorshift[] = {
    {"fillUniform", fillUniform, NULL},
    {"fillNormal", fillNormal, NULL},
    {"monteCarloPi", monteCarloPi, NULL},
    {NULL, NULL, NULL}};
