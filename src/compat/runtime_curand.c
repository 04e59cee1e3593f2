/*
 * runtime_curand.c — cuRAND's host API (include/cuda/curand.h).
 *
 * A generator fills memory with the numbers of the generators of
 * include/cuda/cw_curand_core.h, laid out as NVIDIA's libcurand lays them
 * out, so that a program gets cuRAND's numbers (compared with libcurand
 * 10.4's host generators for every call here but Poisson, including
 * offsets, reseeding and calls that continue one another):
 *
 * - XORWOW and MRG32k3a: 4096 (XORWOW) or 81920 (MRG32k3a) streams,
 *   stream j being curand_init(seed, j, 0), each read on from where the
 *   last call left it.  A draw takes U values of one stream and gives K
 *   outputs (integers and uniform floats: U = K = 1; uniform doubles: U =
 *   2, K = 1, MRG32k3a U = 1; a normal pair: U = 2, K = 2; a double normal
 *   pair: U = 4, K = 2, MRG32k3a U = 2); draw q (counting across calls)
 *   comes from stream q % the number of streams.  Setting the seed or the
 *   offset o sets the streams up again, stream j skipping the values that
 *   draws 0 .. o-1 would have taken as integers.
 * - Philox4_32_10: a pure function of the output's number g (counting
 *   from the offset across calls): subsequence (g / 4) % 65536, in the
 *   (g / 262144)-th group of four; integers, uniform floats and normal
 *   pairs take one block of four words per group, doubles two.
 *
 * A new seed starts from the offset plus what the calls since it was set
 * produced: in draws (XORWOW, MRG32k3a), in quarters of outputs
 * (Philox), as libcurand does.  Poisson draws use the device API's method
 * (not cuRAND's), on stream q (XORWOW, MRG32k3a) or subsequence g (Philox).
 * The orderings libcurand accepts are accepted and all give this layout,
 * which is also what libcurand's host generators give for them, but for
 * XORWOW's PSEUDO_SEEDED (seeded streams instead of subsequences, not
 * provided).  PSEUDO_DYNAMIC (the layout libcurand picks as fastest for
 * the GPU) is accepted for generators made by curandCreateGenerator, as
 * libcurand on an H200 accepts it, and gives this same layout; host
 * generators refuse it with OUT_OF_RANGE.  libcurand's device generators
 * lay their results out differently from its host generators (an H200
 * run gave different sequences); ours give the host layout for both.
 * Device memory is written through a host buffer and cudaMemcpyAsync on
 * the generator's stream (then waited for), which works on every backend.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "compat/compat.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../../include/cuda/curand.h"
#include "../../include/cuda/cw_curand_core.h"

enum { XORWOW_STREAMS = 4096, MRG_STREAMS = 81920, PHILOX_STREAMS = 65536, CHUNK_BYTES = 1 << 18 };

typedef enum OutKind {
  OUT_BITS,      /* unsigned int */
  OUT_UNIFORM,   /* float */
  OUT_UNIFORM_D, /* double */
  OUT_NORMAL,
  OUT_NORMAL_D,
  OUT_LOGNORMAL,
  OUT_LOGNORMAL_D,
  OUT_POISSON
} OutKind;

typedef struct OutSpec {
  OutKind kind;
  double a, b; /* mean and stddev, or lambda */
} OutSpec;

struct curandGenerator_st {
  curandRngType_t type; /* XORWOW, MRG32K3A or PHILOX4_32_10 */
  bool host_memory;     /* curandCreateGeneratorHost */
  bool ready;           /* streams set up for seed and offset */
  unsigned long long seed;
  unsigned long long offset; /* where a new seed starts */
  unsigned long long next;   /* the next draw (XORWOW, MRG32k3a) or output (Philox) */
  cudaStream_t stream;
  curandStateXORWOW_t *xorwow; /* XORWOW: the streams' states */
  curandStateMRG32k3a_t *mrg;  /* MRG32k3a: the streams' states */
};

static bool is_mrg(curandGenerator_t g) { return g->type == CURAND_RNG_PSEUDO_MRG32K3A; }
static bool is_philox(curandGenerator_t g) { return g->type == CURAND_RNG_PSEUDO_PHILOX4_32_10; }

static bool is_double(OutKind k) {
  return k == OUT_UNIFORM_D || k == OUT_NORMAL_D || k == OUT_LOGNORMAL_D;
}

static size_t elem_size(OutKind k) {
  if (k == OUT_BITS || k == OUT_POISSON) return sizeof(unsigned int);
  return is_double(k) ? sizeof(double) : sizeof(float);
}

/* ---- streams ------------------------------------------------------------------- */

static curandStatus_t set_up(curandGenerator_t g) {
  if (g->ready) return CURAND_STATUS_SUCCESS;
  g->next = g->offset;
  unsigned long long o = g->offset;
  if (g->type == CURAND_RNG_PSEUDO_XORWOW) {
    if (!g->xorwow) g->xorwow = malloc(sizeof *g->xorwow * XORWOW_STREAMS);
    if (!g->xorwow) return CURAND_STATUS_ALLOCATION_FAILED;
    for (unsigned j = 0; j < XORWOW_STREAMS; j++) /* the words of draws 0 .. o-1 */
      __cw_xorwow_init(&g->xorwow[j], g->seed, j, o / XORWOW_STREAMS + (j < o % XORWOW_STREAMS));
  } else if (is_mrg(g)) {
    if (!g->mrg) g->mrg = malloc(sizeof *g->mrg * MRG_STREAMS);
    if (!g->mrg) return CURAND_STATUS_ALLOCATION_FAILED;
    for (unsigned j = 0; j < MRG_STREAMS; j++)
      __cw_mrg_init(&g->mrg[j], g->seed, j, o / MRG_STREAMS + (j < o % MRG_STREAMS));
  }
  g->ready = true;
  return CURAND_STATUS_SUCCESS;
}

/* block b of Philox subsequence j */
static uint4 philox_block(curandGenerator_t g, unsigned long long j, unsigned long long b) {
  uint4 c;
  uint2 k;
  c.x = (unsigned int)b, c.y = (unsigned int)(b >> 32);
  c.z = (unsigned int)j, c.w = (unsigned int)(j >> 32);
  k.x = (unsigned int)g->seed, k.y = (unsigned int)(g->seed >> 32);
  return __cw_philox4x32_10(c, k);
}

/* ---- outputs --------------------------------------------------------------------- */

static double from_normal(const OutSpec *o, double z) {
  switch (o->kind) {
  case OUT_NORMAL: return (float)o->a + (float)o->b * (float)z;
  case OUT_LOGNORMAL: return expf((float)o->a + (float)o->b * (float)z);
  case OUT_NORMAL_D: return o->a + o->b * z;
  default: return exp(o->a + o->b * z);
  }
}

/* U words per draw and K outputs per draw (see the file's comment) */
static void draw_shape(OutKind k, bool mrg, int *u, int *per) {
  *u = 1, *per = 1;
  if (k == OUT_UNIFORM_D) *u = mrg ? 1 : 2;
  if (k == OUT_NORMAL || k == OUT_LOGNORMAL) *u = 2, *per = 2;
  if (k == OUT_NORMAL_D || k == OUT_LOGNORMAL_D) *u = mrg ? 2 : 4, *per = 2;
}

/* MRG32k3a's values have conversions of their own */
static double convert_mrg(const OutSpec *o, const unsigned int *r, int half) {
  switch (o->kind) {
  case OUT_BITS: return __cw_mrg_to_bits(r[0]);
  case OUT_UNIFORM: return __cw_mrg_to_uniform(r[0]);
  case OUT_UNIFORM_D: return __cw_mrg_to_uniform_double(r[0]);
  case OUT_NORMAL:
  case OUT_LOGNORMAL: {
    float2 v = __cw_mrg_box_muller(r[0], r[1]);
    return from_normal(o, half ? v.y : v.x);
  }
  default: {
    double2 v = __cw_mrg_box_muller_double(r[0], r[1]);
    return from_normal(o, half ? v.y : v.x);
  }
  }
}

/* output half (0 or 1) of the draw made of words w */
static double convert_words(const OutSpec *o, const unsigned int *w, int half) {
  switch (o->kind) {
  case OUT_BITS: return w[0];
  case OUT_UNIFORM: return __cw_curand_to_uniform(w[0]);
  case OUT_UNIFORM_D: return __cw_curand_to_uniform_double(w[0], w[1]);
  case OUT_NORMAL:
  case OUT_LOGNORMAL: {
    float2 v = __cw_curand_box_muller(w[0], w[1]);
    return from_normal(o, half ? v.y : v.x);
  }
  default: {
    double2 v = __cw_curand_box_muller_double(w[0], w[1], w[2], w[3]);
    return from_normal(o, half ? v.y : v.x);
  }
  }
}

typedef unsigned int (*WordSource)(void *state);

static double uniform_double(WordSource word, void *state) {
  unsigned int x = word(state);
  unsigned int y = word(state);
  return __cw_curand_to_uniform_double(x, y);
}

/* Poisson by the device API's method (curand_kernel.h) */
static unsigned int poisson(WordSource word, void *state, double lambda) {
  if (lambda < 10.0) {
    double limit = exp(-lambda), product = uniform_double(word, state);
    unsigned int k = 0;
    while (product > limit) k++, product *= uniform_double(word, state);
    return k;
  }
  for (;;) {
    double u = uniform_double(word, state), v = uniform_double(word, state);
    unsigned int k = 0;
    if (u < 1.0 && __cw_poisson_ptrs_try(lambda, u, v, &k)) return k;
  }
}

static unsigned int xorwow_word(void *state) { return __cw_xorwow_next(state); }
static unsigned int mrg_word(void *state) { return __cw_mrg_to_bits(__cw_mrg_next(state)); }
static unsigned int philox_word(void *state) { return __cw_philox_next(state); }

static void store(const OutSpec *o, void *out, size_t i, double v) {
  if (o->kind == OUT_BITS || o->kind == OUT_POISSON) ((unsigned int *)out)[i] = (unsigned int)v;
  else if (is_double(o->kind)) ((double *)out)[i] = v;
  else ((float *)out)[i] = (float)v;
}

/* the next n outputs into out (host memory): XORWOW and MRG32k3a, whose
 * streams are read on */
static void fill_streams(curandGenerator_t g, const OutSpec *o, size_t n, void *out) {
  bool mrg = is_mrg(g);
  int u, per;
  draw_shape(o->kind, mrg, &u, &per);
  size_t i = 0;
  for (; i < n; g->next++) {
    void *s = mrg ? (void *)&g->mrg[g->next % MRG_STREAMS] : (void *)&g->xorwow[g->next % XORWOW_STREAMS];
    if (o->kind == OUT_POISSON) {
      store(o, out, i++, poisson(mrg ? mrg_word : xorwow_word, s, o->a));
      continue;
    }
    unsigned int w[4] = {0, 0, 0, 0};
    for (int t = 0; t < u; t++) w[t] = mrg ? __cw_mrg_next(s) : __cw_xorwow_next(s);
    for (int half = 0; half < per && i < n; half++)
      store(o, out, i++, mrg ? convert_mrg(o, w, half) : convert_words(o, w, half));
  }
}

static void fill_philox(curandGenerator_t g, const OutSpec *o, size_t n, void *out) {
  for (size_t i = 0; i < n; i++, g->next++) {
    unsigned long long at = g->next, j = at / 4 % PHILOX_STREAMS, group = at / 4 / PHILOX_STREAMS;
    unsigned int slot = (unsigned int)(at % 4);
    if (o->kind == OUT_POISSON) {
      curandStatePhilox4_32_10_t s;
      __cw_philox_init(&s, g->seed, at, 0);
      store(o, out, i, poisson(philox_word, &s, o->a));
      continue;
    }
    /* doubles: two blocks per group, two doubles from each */
    uint4 b = is_double(o->kind) ? philox_block(g, j, 2 * group + slot / 2) : philox_block(g, j, group);
    unsigned int w[4] = {b.x, b.y, b.z, b.w};
    const unsigned int *src = w;
    int half = (int)(slot & 1);
    if (o->kind == OUT_BITS || o->kind == OUT_UNIFORM) src = w + slot;
    else if (o->kind == OUT_NORMAL || o->kind == OUT_LOGNORMAL) src = w + (slot & 2);
    else if (o->kind == OUT_UNIFORM_D) src = w + 2 * half, half = 0;
    store(o, out, i, convert_words(o, src, half));
  }
}

static void fill(curandGenerator_t g, const OutSpec *o, size_t n, void *out) {
  unsigned long long before = g->next;
  if (is_philox(g)) fill_philox(g, o, n, out);
  else fill_streams(g, o, n, out);
  g->offset += is_philox(g) ? n / 4 : g->next - before;
}

static curandStatus_t generate(curandGenerator_t g, void *dst, size_t n, OutSpec o) {
  if (!g) return CURAND_STATUS_NOT_INITIALIZED;
  if (!n) return CURAND_STATUS_SUCCESS;
  if (!dst) return CURAND_STATUS_LAUNCH_FAILURE;
  curandStatus_t st = set_up(g);
  if (st != CURAND_STATUS_SUCCESS) return st;
  if (g->host_memory) {
    fill(g, &o, n, dst);
    return CURAND_STATUS_SUCCESS;
  }
  size_t size = elem_size(o.kind), chunk = CHUNK_BYTES / size;
  void *buf = malloc(chunk * size);
  if (!buf) return CURAND_STATUS_ALLOCATION_FAILED;
  for (size_t done = 0; done < n && st == CURAND_STATUS_SUCCESS; done += chunk) {
    size_t m = n - done < chunk ? n - done : chunk;
    fill(g, &o, m, buf);
    char *to = (char *)dst + done * size;
    if (cudaMemcpyAsync(to, buf, m * size, cudaMemcpyHostToDevice, g->stream) != cudaSuccess ||
        cudaStreamSynchronize(g->stream) != cudaSuccess)
      st = CURAND_STATUS_LAUNCH_FAILURE;
  }
  free(buf);
  return st;
}

/* ---- the API ------------------------------------------------------------------ */

static curandStatus_t create(curandGenerator_t *out, curandRngType_t type, bool host) {
  if (!out) return CURAND_STATUS_NOT_INITIALIZED;
  if (type == CURAND_RNG_PSEUDO_DEFAULT) type = CURAND_RNG_PSEUDO_XORWOW;
  if (type != CURAND_RNG_PSEUDO_XORWOW && type != CURAND_RNG_PSEUDO_MRG32K3A &&
      type != CURAND_RNG_PSEUDO_PHILOX4_32_10)
    return CURAND_STATUS_TYPE_ERROR; /* MTGP32, MT19937, Sobol: not provided */
  curandGenerator_t g = calloc(1, sizeof *g);
  if (!g) return CURAND_STATUS_ALLOCATION_FAILED;
  g->type = type;
  g->host_memory = host;
  *out = g;
  return CURAND_STATUS_SUCCESS;
}

curandStatus_t curandCreateGenerator(curandGenerator_t *generator, curandRngType_t rng_type) {
  return create(generator, rng_type, false);
}

curandStatus_t curandCreateGeneratorHost(curandGenerator_t *generator, curandRngType_t rng_type) {
  return create(generator, rng_type, true);
}

curandStatus_t curandDestroyGenerator(curandGenerator_t g) {
  if (!g) return CURAND_STATUS_NOT_INITIALIZED;
  free(g->xorwow);
  free(g->mrg);
  free(g);
  return CURAND_STATUS_SUCCESS;
}

curandStatus_t curandGetVersion(int *version) {
  if (!version) return CURAND_STATUS_OUT_OF_RANGE;
  *version = CURAND_VERSION;
  return CURAND_STATUS_SUCCESS;
}

curandStatus_t curandSetStream(curandGenerator_t g, cudaStream_t stream) {
  if (!g) return CURAND_STATUS_NOT_INITIALIZED;
  g->stream = stream;
  return CURAND_STATUS_SUCCESS;
}

/* a new seed sets the streams up again at the offset */
curandStatus_t curandSetPseudoRandomGeneratorSeed(curandGenerator_t g, unsigned long long seed) {
  if (!g) return CURAND_STATUS_NOT_INITIALIZED;
  g->seed = seed;
  g->ready = false;
  return CURAND_STATUS_SUCCESS;
}

curandStatus_t curandSetGeneratorOffset(curandGenerator_t g, unsigned long long offset) {
  if (!g) return CURAND_STATUS_NOT_INITIALIZED;
  g->offset = offset;
  g->ready = false;
  return CURAND_STATUS_SUCCESS;
}

curandStatus_t curandSetGeneratorOrdering(curandGenerator_t g, curandOrdering_t order) {
  if (!g) return CURAND_STATUS_NOT_INITIALIZED;
  bool dynamic_ok = !g->host_memory; /* device generators only, as libcurand */
  if (order < CURAND_ORDERING_PSEUDO_BEST || order > CURAND_ORDERING_PSEUDO_DYNAMIC ||
      (order == CURAND_ORDERING_PSEUDO_DYNAMIC && !dynamic_ok))
    return CURAND_STATUS_OUT_OF_RANGE;
  return CURAND_STATUS_SUCCESS;
}

curandStatus_t curandSetQuasiRandomGeneratorDimensions(curandGenerator_t g, unsigned int n) {
  (void)n;
  return g ? CURAND_STATUS_TYPE_ERROR : CURAND_STATUS_NOT_INITIALIZED;
}

curandStatus_t curandGenerateSeeds(curandGenerator_t g) {
  if (!g) return CURAND_STATUS_NOT_INITIALIZED;
  return set_up(g);
}

curandStatus_t curandGenerate(curandGenerator_t g, unsigned int *out, size_t num) {
  return generate(g, out, num, (OutSpec){OUT_BITS, 0, 0});
}

curandStatus_t curandGenerateLongLong(curandGenerator_t g, unsigned long long *out, size_t num) {
  (void)out, (void)num; /* 64-bit outputs: the quasi-random Sobol64 generators only */
  return g ? CURAND_STATUS_TYPE_ERROR : CURAND_STATUS_NOT_INITIALIZED;
}

curandStatus_t curandGenerateUniform(curandGenerator_t g, float *out, size_t num) {
  return generate(g, out, num, (OutSpec){OUT_UNIFORM, 0, 0});
}

curandStatus_t curandGenerateUniformDouble(curandGenerator_t g, double *out, size_t num) {
  return generate(g, out, num, (OutSpec){OUT_UNIFORM_D, 0, 0});
}

/* normals come in pairs: cuRAND wants an even count */
static curandStatus_t normals(curandGenerator_t g, void *out, size_t n, OutSpec o) {
  if (!g) return CURAND_STATUS_NOT_INITIALIZED;
  if (n % 2) return CURAND_STATUS_LENGTH_NOT_MULTIPLE;
  return generate(g, out, n, o);
}

curandStatus_t curandGenerateNormal(curandGenerator_t g, float *out, size_t n, float mean,
                                    float stddev) {
  return normals(g, out, n, (OutSpec){OUT_NORMAL, mean, stddev});
}

curandStatus_t curandGenerateNormalDouble(curandGenerator_t g, double *out, size_t n, double mean,
                                          double stddev) {
  return normals(g, out, n, (OutSpec){OUT_NORMAL_D, mean, stddev});
}

curandStatus_t curandGenerateLogNormal(curandGenerator_t g, float *out, size_t n, float mean,
                                       float stddev) {
  return normals(g, out, n, (OutSpec){OUT_LOGNORMAL, mean, stddev});
}

curandStatus_t curandGenerateLogNormalDouble(curandGenerator_t g, double *out, size_t n,
                                             double mean, double stddev) {
  return normals(g, out, n, (OutSpec){OUT_LOGNORMAL_D, mean, stddev});
}

curandStatus_t curandGeneratePoisson(curandGenerator_t g, unsigned int *out, size_t n,
                                     double lambda) {
  if (!g) return CURAND_STATUS_NOT_INITIALIZED;
  if (!(lambda > 0.0)) return CURAND_STATUS_OUT_OF_RANGE;
  return generate(g, out, n, (OutSpec){OUT_POISSON, lambda, 0});
}
