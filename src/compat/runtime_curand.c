/*
 * runtime_curand.c — cuRAND's host API (include/cuda/curand.h).
 *
 * A generator fills memory with the numbers of the generators of
 * include/cuda/cw_curand_core.h, laid out as NVIDIA's libcurand lays them
 * out, so that a program gets the same numbers as with cuRAND (checked
 * against libcurand 10.4 for every call below but Poisson):
 *
 * - XORWOW: 4096 states, state j being curand_init(seed, j, 0); output g
 *   (counting from the generator's offset, across calls) is drawn by
 *   state (g / K) % 4096 as its ((g / K) / 4096)-th draw, where a draw is
 *   U 32-bit outputs giving K results (integers and uniform floats: U = K
 *   = 1; uniform doubles: U = 2, K = 1; normal pairs: U = 2, K = 2; double
 *   normal pairs: U = 4, K = 2).  The states are made on first use and
 *   moved forward (or remade) when a call needs another position.
 * - Philox4_32_10: 65536 subsequences in groups of four outputs: output g
 *   is word g % 4 of the (g / 262144)-th block of subsequence
 *   (g / 4) % 65536 (doubles: two blocks per group of four, two doubles
 *   from each); any block is one evaluation of the counter-based function,
 *   so nothing is kept.
 *
 * Poisson draws use the device API's algorithm (not cuRAND's), on state
 * g % 4096 in turn (XORWOW) or on subsequence g (Philox).  Every ordering
 * of the pseudo-random kind is accepted and gives the default layout.
 * Device memory is written through a host buffer and cudaMemcpyAsync on
 * the generator's stream (then waited for), which works on every backend.
 */
#define _GNU_SOURCE
#include "compat/compat.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "../../include/cuda/curand.h"
#include "../../include/cuda/cw_curand_core.h"

enum { XORWOW_STATES = 4096, PHILOX_STREAMS = 65536, CHUNK_BYTES = 1 << 18 };

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
  curandRngType_t type; /* XORWOW or PHILOX4_32_10 */
  bool host_memory;     /* curandCreateGeneratorHost */
  unsigned long long seed, offset; /* offset: position of the next output */
  cudaStream_t stream;
  curandStateXORWOW_t *states;     /* XORWOW_STATES, NULL until needed */
  unsigned long long *used;        /* 32-bit outputs each state has drawn */
};

static bool is_double(OutKind k) {
  return k == OUT_UNIFORM_D || k == OUT_NORMAL_D || k == OUT_LOGNORMAL_D;
}

static size_t elem_size(OutKind k) { return is_double(k) ? sizeof(double) : sizeof(float); }

/* ---- XORWOW ------------------------------------------------------------------ */

static curandStatus_t xorwow_states(curandGenerator_t g) {
  if (g->states) return CURAND_STATUS_SUCCESS;
  g->states = malloc(sizeof *g->states * XORWOW_STATES);
  g->used = calloc(XORWOW_STATES, sizeof *g->used);
  if (!g->states || !g->used) {
    free(g->states), free(g->used);
    g->states = NULL, g->used = NULL;
    return CURAND_STATUS_ALLOCATION_FAILED;
  }
  for (int j = 0; j < XORWOW_STATES; j++) __cw_xorwow_init(&g->states[j], g->seed, (unsigned)j, 0);
  return CURAND_STATUS_SUCCESS;
}

/* state j, brought to its position-th 32-bit output */
static curandStateXORWOW_t *xorwow_at(curandGenerator_t g, int j, unsigned long long position) {
  curandStateXORWOW_t *s = &g->states[j];
  if (g->used[j] > position) { /* behind us: start the subsequence again */
    __cw_xorwow_init(s, g->seed, (unsigned)j, 0);
    g->used[j] = 0;
  }
  if (g->used[j] < position) __cw_xorwow_skipahead(s, position - g->used[j]);
  g->used[j] = position;
  return s;
}

static unsigned int xorwow_draw(curandGenerator_t g, int j) {
  g->used[j]++;
  return __cw_xorwow_next(&g->states[j]);
}

/* ---- Philox ------------------------------------------------------------------ */

static uint4 philox_block(unsigned long long seed, unsigned long long stream,
                          unsigned long long block) {
  uint4 c;
  uint2 k;
  c.x = (unsigned int)block, c.y = (unsigned int)(block >> 32);
  c.z = (unsigned int)stream, c.w = (unsigned int)(stream >> 32);
  k.x = (unsigned int)seed, k.y = (unsigned int)(seed >> 32);
  return __cw_philox4x32_10(c, k);
}

/* ---- one output -------------------------------------------------------------- */

static double from_normal(const OutSpec *o, double z) {
  switch (o->kind) {
  case OUT_NORMAL: return (float)o->a + (float)o->b * (float)z;
  case OUT_LOGNORMAL: return expf((float)o->a + (float)o->b * (float)z);
  case OUT_NORMAL_D: return o->a + o->b * z;
  default: return exp(o->a + o->b * z);
  }
}

/* U and K of the layout (see the file's comment) */
static void draw_shape(OutKind k, int *u, int *per) {
  *u = 1, *per = 1;
  if (k == OUT_UNIFORM_D) *u = 2;
  if (k == OUT_NORMAL || k == OUT_LOGNORMAL) *u = 2, *per = 2;
  if (k == OUT_NORMAL_D || k == OUT_LOGNORMAL_D) *u = 4, *per = 2;
}

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

/* Poisson by the device API's method (curand_kernel.h), on any source of
 * uniform doubles */
typedef double (*UniformSource)(void *state);

static unsigned int poisson(const OutSpec *o, UniformSource uniform, void *state) {
  double lam = o->a;
  if (lam < 10.0) {
    double limit = exp(-lam), product = uniform(state);
    unsigned int k = 0;
    while (product > limit) k++, product *= uniform(state);
    return k;
  }
  for (;;) {
    double u = uniform(state), v = uniform(state);
    unsigned int k = 0;
    if (u < 1.0 && __cw_poisson_ptrs_try(lam, u, v, &k)) return k;
  }
}

static double xorwow_uniform_double(void *state) {
  unsigned int x = __cw_xorwow_next(state);
  unsigned int y = __cw_xorwow_next(state);
  return __cw_curand_to_uniform_double(x, y);
}

static double philox_uniform_double(void *state) {
  unsigned int x = __cw_philox_next(state);
  unsigned int y = __cw_philox_next(state);
  return __cw_curand_to_uniform_double(x, y);
}

/* outputs g .. g+n-1 of the generator's sequence into out (host memory) */
static void fill_xorwow(curandGenerator_t g, const OutSpec *o, unsigned long long first, size_t n,
                        void *out) {
  int u, per;
  draw_shape(o->kind, &u, &per);
  for (size_t i = 0; i < n;) {
    unsigned long long pos = first + i, q = pos / (unsigned)per;
    int j = (int)(q % XORWOW_STATES);
    if (o->kind == OUT_POISSON) { /* variable length: the state's next numbers */
      unsigned int k = poisson(o, xorwow_uniform_double, &g->states[j]);
      g->used[j] = ~0ull >> 1; /* position unknown: remade when next needed */
      ((unsigned int *)out)[i++] = k;
      continue;
    }
    unsigned int w[4] = {0, 0, 0, 0};
    xorwow_at(g, j, (q / XORWOW_STATES) * (unsigned)u);
    for (int t = 0; t < u; t++) w[t] = xorwow_draw(g, j);
    for (int half = (int)(pos % (unsigned)per); half < per && i < n; half++, i++) {
      double v = convert_words(o, w, half);
      if (o->kind == OUT_BITS) ((unsigned int *)out)[i] = (unsigned int)v;
      else if (is_double(o->kind)) ((double *)out)[i] = v;
      else ((float *)out)[i] = (float)v;
    }
  }
}

static void fill_philox(curandGenerator_t g, const OutSpec *o, unsigned long long first, size_t n,
                        void *out) {
  for (size_t i = 0; i < n; i++) {
    unsigned long long pos = first + i, group = pos / 4 / PHILOX_STREAMS;
    unsigned long long stream = (pos / 4) % PHILOX_STREAMS;
    unsigned int w = (unsigned int)(pos % 4);
    if (o->kind == OUT_POISSON) {
      curandStatePhilox4_32_10_t s;
      __cw_philox_init(&s, g->seed, pos, 0);
      ((unsigned int *)out)[i] = poisson(o, philox_uniform_double, &s);
      continue;
    }
    unsigned int words[4];
    int half;
    uint4 b;
    if (is_double(o->kind)) { /* two blocks per group, two doubles per block */
      b = philox_block(g->seed, stream, 2 * group + w / 2);
      half = (int)(w & 1);
    } else {
      b = philox_block(g->seed, stream, group);
      half = (int)(w & 1);
    }
    words[0] = b.x, words[1] = b.y, words[2] = b.z, words[3] = b.w;
    const unsigned int *src = words;
    if (o->kind == OUT_BITS || o->kind == OUT_UNIFORM) src = words + w;
    else if (o->kind == OUT_NORMAL || o->kind == OUT_LOGNORMAL) src = words + (w & 2);
    else if (o->kind == OUT_UNIFORM_D) src = words + 2 * half;
    double v = convert_words(o, src, o->kind == OUT_UNIFORM_D ? 0 : half);
    if (o->kind == OUT_BITS) ((unsigned int *)out)[i] = (unsigned int)v;
    else if (is_double(o->kind)) ((double *)out)[i] = v;
    else ((float *)out)[i] = (float)v;
  }
}

static curandStatus_t generate(curandGenerator_t g, void *dst, size_t n, OutSpec o) {
  if (!g) return CURAND_STATUS_NOT_INITIALIZED;
  if (!n) return CURAND_STATUS_SUCCESS;
  if (!dst) return CURAND_STATUS_LAUNCH_FAILURE;
  if (g->type == CURAND_RNG_PSEUDO_XORWOW) {
    curandStatus_t st = xorwow_states(g);
    if (st != CURAND_STATUS_SUCCESS) return st;
  }
  size_t size = o.kind == OUT_BITS || o.kind == OUT_POISSON ? sizeof(unsigned int) : elem_size(o.kind);
  if (g->host_memory) {
    if (g->type == CURAND_RNG_PSEUDO_XORWOW) fill_xorwow(g, &o, g->offset, n, dst);
    else fill_philox(g, &o, g->offset, n, dst);
    g->offset += n;
    return CURAND_STATUS_SUCCESS;
  }
  size_t chunk = CHUNK_BYTES / size;
  void *buf = malloc(chunk * size);
  if (!buf) return CURAND_STATUS_ALLOCATION_FAILED;
  curandStatus_t st = CURAND_STATUS_SUCCESS;
  for (size_t done = 0; done < n && st == CURAND_STATUS_SUCCESS; done += chunk) {
    size_t m = n - done < chunk ? n - done : chunk;
    if (g->type == CURAND_RNG_PSEUDO_XORWOW) fill_xorwow(g, &o, g->offset + done, m, buf);
    else fill_philox(g, &o, g->offset + done, m, buf);
    char *to = (char *)dst + done * size;
    if (cudaMemcpyAsync(to, buf, m * size, cudaMemcpyHostToDevice, g->stream) != cudaSuccess ||
        cudaStreamSynchronize(g->stream) != cudaSuccess)
      st = CURAND_STATUS_LAUNCH_FAILURE;
  }
  free(buf);
  if (st == CURAND_STATUS_SUCCESS) g->offset += n;
  return st;
}

/* ---- the API ------------------------------------------------------------------ */

static curandStatus_t create(curandGenerator_t *out, curandRngType_t type, bool host) {
  if (!out) return CURAND_STATUS_NOT_INITIALIZED;
  if (type == CURAND_RNG_PSEUDO_DEFAULT) type = CURAND_RNG_PSEUDO_XORWOW;
  if (type != CURAND_RNG_PSEUDO_XORWOW && type != CURAND_RNG_PSEUDO_PHILOX4_32_10)
    return CURAND_STATUS_TYPE_ERROR; /* MRG32k3a, MTGP32, MT19937, Sobol: not provided */
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
  free(g->states);
  free(g->used);
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

/* a new seed starts the sequence again (as cuRAND: the offset is kept) */
curandStatus_t curandSetPseudoRandomGeneratorSeed(curandGenerator_t g, unsigned long long seed) {
  if (!g) return CURAND_STATUS_NOT_INITIALIZED;
  g->seed = seed;
  free(g->states);
  free(g->used);
  g->states = NULL, g->used = NULL;
  return CURAND_STATUS_SUCCESS;
}

curandStatus_t curandSetGeneratorOffset(curandGenerator_t g, unsigned long long offset) {
  if (!g) return CURAND_STATUS_NOT_INITIALIZED;
  g->offset = offset;
  return CURAND_STATUS_SUCCESS;
}

curandStatus_t curandSetGeneratorOrdering(curandGenerator_t g, curandOrdering_t order) {
  if (!g) return CURAND_STATUS_NOT_INITIALIZED;
  if (order < CURAND_ORDERING_PSEUDO_BEST || order > CURAND_ORDERING_PSEUDO_DYNAMIC)
    return CURAND_STATUS_OUT_OF_RANGE;
  return CURAND_STATUS_SUCCESS;
}

curandStatus_t curandSetQuasiRandomGeneratorDimensions(curandGenerator_t g, unsigned int n) {
  (void)n;
  return g ? CURAND_STATUS_TYPE_ERROR : CURAND_STATUS_NOT_INITIALIZED;
}

curandStatus_t curandGenerateSeeds(curandGenerator_t g) {
  if (!g) return CURAND_STATUS_NOT_INITIALIZED;
  return g->type == CURAND_RNG_PSEUDO_XORWOW ? xorwow_states(g) : CURAND_STATUS_SUCCESS;
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
