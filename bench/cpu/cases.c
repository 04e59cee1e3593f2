/*
 * cases.c — the benchmark cases (cases.h): their inputs from a fixed
 * linear congruential generator, the OpenMP reference behind each, the
 * comparison of an output with it, a case's run and timing on a cuwasm
 * backend, the empty-kernel launch latency, and reading the kernel files.
 */
#include "cases.h"
#include "omp.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

char *read_bench_file(const char *dir, const char *name, size_t *len) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *s = malloc((size_t)n + 1);
  if (s && fread(s, 1, (size_t)n, f) != (size_t)n) { free(s); s = NULL; }
  if (s) s[n] = 0;
  fclose(f);
  if (len) *len = (size_t)n;
  return s;
}

static clockid_t bench_clock = CLOCK_MONOTONIC;

void bench_use_cpu_time(int on) { bench_clock = on ? CLOCK_PROCESS_CPUTIME_ID : CLOCK_MONOTONIC; }

void bench_times_add(BenchTimes *b, double ms) {
  if (!b->n || ms < b->least) b->least = ms;
  b->sum += ms;
  b->n++;
}

double bench_times_figure(const BenchTimes *b) {
  if (!b->n) return NAN;
  return bench_clock == CLOCK_PROCESS_CPUTIME_ID ? b->sum / b->n : b->least;
}

double now_ms(void) {
  struct timespec ts;
  clock_gettime(bench_clock, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/* ---- cases ------------------------------------------------------------- */

static float *frand(size_t n, unsigned seed, float lo, float hi) {
  float *p = malloc(n * sizeof *p);
  for (size_t i = 0; p && i < n; i++) {
    seed = seed * 1664525u + 1013904223u;
    p[i] = lo + (hi - lo) * (float)(seed >> 8) / 16777216.0f;
  }
  return p;
}

/* y is updated in place, as in the kernel: the copy of the initial y is
 * made once, on the reference run (c->m flags it), outside the timing. */
static void omp_saxpy_c(Case *c, void *o) {
  if (!c->m) memcpy(o, c->init[1], c->bytes[1]), c->m = 1;
  omp_saxpy(c->n, c->s, c->init[0], o);
}
static void omp_sgemm_c(Case *c, void *o) { omp_sgemm(c->init[0], c->init[1], o, c->n); }
static void omp_reduce_c(Case *c, void *o) { *(float *)o = omp_reduce(c->init[0], c->n); }
static void omp_hist_c(Case *c, void *o) { omp_histogram(c->init[0], o, c->n); }
static void omp_stencil_c(Case *c, void *o) { omp_stencil2d(c->init[0], o, c->n, c->m); }
static void omp_transpose_c(Case *c, void *o) { omp_transpose(c->init[0], o, c->n, c->m); }
static void omp_nbody_c(Case *c, void *o) { omp_nbody(c->init[0], o, c->n, c->s); }
static void omp_scan_c(Case *c, void *o) { omp_scan(c->init[0], o, c->n); }

#define B(k) {'b', k, 0}
#define I(x) {'i', x, 0}
#define F(x) {'f', 0, x}
#define D3(x, y) {x, y, 1}

int make_cases(Case *cs, int size) {
  /* the one-dimensional streams (saxpy, reduction, histogram, scan) are
     divided by sh, or multiplied by mul: 128 MiB to 1 GiB for --large,
     past the last-level cache of the machines in bench/README.md */
  int small = size == CASES_SMALL, k = 0, sh = small ? 4 : 1, mul = size == CASES_LARGE ? 8 : 1;
  { /* saxpy */
    int n = (1 << 24) * mul / sh;
    cs[k] = (Case){"saxpy", 2, {n * 4u, n * 4u}, {frand(n, 1, -1, 1), frand(n, 2, -1, 1)}, 1,
                   {{"saxpy", D3(n / 256, 1), D3(256, 1), 4, {I(n), F(2.5f), B(0), B(1)}}},
                   1, 0, 0, 1e-6, omp_saxpy_c, NULL, n, 0, 2.5f, 1};
    k++;
  }
  { /* sgemm */
    int n = small ? 256 : 512;
    cs[k] = (Case){"sgemm", 3, {n * n * 4u, n * n * 4u, n * n * 4u},
                   {frand((size_t)n * n, 3, 0, 1), frand((size_t)n * n, 4, 0, 1)}, 1,
                   {{"sgemm", D3(n / 16, n / 16), D3(16, 16), 4, {B(0), B(1), B(2), I(n)}}},
                   2, 0, 0, 1e-5, omp_sgemm_c, NULL, n, 0, 0, 0};
    k++;
  }
  { /* reduction: 512 block partials, summed on the host */
    int n = (1 << 24) * mul / sh;
    cs[k] = (Case){"reduction", 2, {n * 4u, 512 * 4u}, {frand(n, 5, 0, 1)}, 1,
                   {{"reduce", D3(512, 1), D3(256, 1), 3, {B(0), B(1), I(n)}}},
                   1, 1, 0, 1e-4, omp_reduce_c, NULL, n, 0, 0, 0};
    k++;
  }
  { /* histogram */
    int n = (1 << 25) * mul / sh;
    unsigned char *d = malloc((size_t)n);
    unsigned s = 7;
    for (int i = 0; i < n; i++) { s = s * 1664525u + 1013904223u; d[i] = (unsigned char)((s >> 24) ^ (s >> 13)); }
    cs[k] = (Case){"histogram", 2, {(size_t)n, 256 * 4u}, {d}, 1,
                   {{"histogram", D3(256, 1), D3(256, 1), 3, {B(0), B(1), I(n)}}},
                   1, 0, 1, 0, omp_hist_c, NULL, n, 0, 0, 0};
    k++;
  }
  { /* 2-D stencil */
    int w = small ? 1024 : 2048, h = w;
    cs[k] = (Case){"stencil2d", 2, {(size_t)w * h * 4, (size_t)w * h * 4}, {frand((size_t)w * h, 6, 0, 1)}, 1,
                   {{"stencil2d", D3(w / 32, h / 8), D3(32, 8), 4, {B(0), B(1), I(w), I(h)}}},
                   1, 0, 0, 1e-6, omp_stencil_c, NULL, w, h, 0, 0};
    k++;
  }
  { /* transpose */
    int w = small ? 1024 : 2048, h = w;
    cs[k] = (Case){"transpose", 2, {(size_t)w * h * 4, (size_t)w * h * 4}, {frand((size_t)w * h, 7, 0, 1)}, 1,
                   {{"transpose", D3(w / 32, h / 32), D3(32, 8), 4, {B(0), B(1), I(w), I(h)}}},
                   1, 0, 0, 0, omp_transpose_c, NULL, w, h, 0, 0};
    k++;
  }
  { /* n-body */
    int n = small ? 2048 : 8192;
    float *p = frand((size_t)n * 4, 8, -1, 1);
    for (int i = 0; i < n; i++) p[4 * i + 3] = 0.5f + 0.5f * fabsf(p[4 * i + 3]);
    cs[k] = (Case){"nbody", 2, {n * 16u, n * 16u}, {p}, 1,
                   {{"nbody", D3(n / 256, 1), D3(256, 1), 4, {B(0), B(1), I(n), F(0.01f)}}},
                   1, 0, 0, 1e-4, omp_nbody_c, NULL, n, 0, 0.01f, 0};
    k++;
  }
  { /* scan: chunk scans, scan of chunk totals, add offsets */
    int n = (1 << 22) * mul / sh, nc = n / 256;
    cs[k] = (Case){"scan", 3, {n * 4u, n * 4u, nc * 4u}, {frand(n, 9, 0, 1)}, 3,
                   {{"scanBlocks", D3(nc, 1), D3(256, 1), 3, {B(0), B(1), B(2)}},
                    {"scanSums", D3(1, 1), D3(1, 1), 2, {B(2), I(nc)}},
                    {"scanAdd", D3(nc, 1), D3(256, 1), 2, {B(1), B(2)}}},
                   1, 0, 0, 1e-4, omp_scan_c, NULL, n, 0, 0, 0};
    k++;
  }
  return k;
}

/* max |a - r| / max |r| (0 when equal); u32 data compared exactly. */
double rel_err(const Case *c, const void *a, const void *r, size_t count) {
  if (c->is_u32) return memcmp(a, r, count * 4) ? 1.0 : 0.0;
  const float *x = a, *y = r;
  double md = 0, mr = 0;
  for (size_t i = 0; i < count; i++) {
    double d = fabs((double)x[i] - y[i]);
    if (!(d <= md)) md = d; /* NaN sticks */
    if (fabs(y[i]) > mr) mr = fabs(y[i]);
  }
  return mr > 0 ? md / mr : md;
}

/* ---- ours --------------------------------------------------------------- */

int ours_setup(Ours *o, Case *c) {
  for (int b = 0; b < c->nbufs; b++) {
    if (cw_buffer_alloc(o->ctx, c->bytes[b], &o->buf[b]) != CW_OK) return -1;
    o->dp[b] = cw_buffer_ptr(o->buf[b]);
    if (c->init[b]) cw_memcpy_htod(o->ctx, o->dp[b], c->init[b], c->bytes[b]);
    else cw_memset(o->ctx, o->dp[b], 0, c->bytes[b]);
  }
  for (int s = 0; s < c->nsteps; s++) {
    if (cw_kernel_get(o->mod, c->steps[s].kernel, &o->k[s]) != CW_OK) return -1;
    for (int a = 0; a < c->steps[s].nargs; a++) {
      o->vals[s][a] = c->steps[s].a[a];
      KArg *v = &o->vals[s][a];
      o->argv[s][a] = v->kind == 'b' ? (void *)&o->dp[v->v] : v->kind == 'i' ? (void *)&v->v : (void *)&v->f;
    }
  }
  return 0;
}

int ours_run(Ours *o, Case *c) {
  for (int s = 0; s < c->nsteps; s++)
    if (cw_launch(o->k[s], c->steps[s].grid, c->steps[s].block, 0, NULL, o->argv[s]) != CW_OK) return -1;
  return cw_synchronize(o->ctx) == CW_OK ? 0 : -1;
}

void ours_free(Ours *o, Case *c) {
  for (int b = 0; b < c->nbufs; b++)
    if (o->buf[b]) cw_buffer_free(o->buf[b]), o->buf[b] = NULL;
}


static double sum_floats(const float *p, size_t n) {
  double s = 0;
  for (size_t i = 0; i < n; i++) s += p[i];
  return s;
}

/* Compares out (count elements of the case's output) with the OpenMP result. */
int check(Case *c, const char *who, void *out) {
  size_t count = c->bytes[c->out] / 4;
  double e;
  if (c->sum_out) {
    double a = sum_floats(out, count), r = *(float *)c->omp_out;
    e = fabs(a - r) / fabs(r);
  } else {
    e = rel_err(c, out, c->omp_out, count);
  }
  if (e <= c->tol) return 1;
  printf("  %s: %s differs from OpenMP (relative error %.3g > %.3g)\n", c->name, who, e, c->tol);
  return 0;
}

int ours_time_case(Ours *o, Case *c, const char *who, int reps, double *best) {
  int ok = 1;
  size_t ob = c->bytes[c->out];
  void *out = malloc(ob);
  *best = NAN;
  if (ours_setup(o, c) || ours_run(o, c)) {
    printf("  %s: %s failed: %s\n", c->name, who, cw_last_error_message(o->ctx));
    ok = 0;
  } else {
    if (cw_memcpy_dtoh(o->ctx, out, o->dp[c->out], ob) != CW_OK) {
      printf("  %s: %s: reading the result back failed\n", c->name, who);
      ok = 0;
    } else {
      ok = check(c, who, out);
    }
    BenchTimes bt = {0};
    for (int i = 0; i < reps; i++) {
      double t0 = now_ms();
      ours_run(o, c);
      bench_times_add(&bt, now_ms() - t0);
    }
    *best = bench_times_figure(&bt);
  }
  ours_free(o, c);
  free(out);
  return ok;
}

static void pause_between_runs(void) {
  struct timespec ts = {0, PAIR_PAUSE_MS * 1000000L};
  nanosleep(&ts, NULL);
}

int ours_time_paired(Ours *o, Case *c, int pairs, void *peer_out, double *ratios) {
  int ok = ours_setup(o, c) == 0 && ours_run(o, c) == 0;
  for (int i = 0; ok && i < pairs; i++) {
    double ms[2]; /* [0] OpenMP, [1] ours */
    for (int k = 0; k < 2; k++) {
      int who = (i & 1) ? 1 - k : k; /* odd pairs: ours first */
      pause_between_runs();
      double t0 = 0;
      for (int run = 0; run < 2; run++) { /* the first puts its data in the caches again */
        t0 = now_ms();
        if (who) ok &= ours_run(o, c) == 0;
        else c->omp(c, peer_out);
      }
      ms[who] = now_ms() - t0;
    }
    ratios[i] = ms[0] / ms[1];
  }
  ours_free(o, c);
  return ok;
}

/* Each step of a case alone (launch, synchronize), best or mean of reps
 * after one run of the whole case: where a multi-kernel case's time goes. */
int ours_step_times(Ours *o, Case *c, int reps, double *ms) {
  int ok = ours_setup(o, c) == 0 && ours_run(o, c) == 0;
  for (int s = 0; ok && s < c->nsteps; s++) {
    BenchTimes bt = {0};
    for (int i = 0; i < reps; i++) {
      double t0 = now_ms();
      if (cw_launch(o->k[s], c->steps[s].grid, c->steps[s].block, 0, NULL, o->argv[s]) != CW_OK ||
          cw_synchronize(o->ctx) != CW_OK)
        ok = 0;
      bench_times_add(&bt, now_ms() - t0);
    }
    ms[s] = bench_times_figure(&bt);
  }
  ours_free(o, c);
  return ok;
}

double launch_throughput_us(Ours *o, int iters, int rounds) {
  cw_kernel *k;
  if (cw_kernel_get(o->mod, "empty", &k) != CW_OK) return NAN;
  unsigned g[3] = {1, 1, 1}, b[3] = {1, 1, 1};
  for (int i = 0; i < 100; i++) cw_launch(k, g, b, 0, NULL, NULL);
  cw_synchronize(o->ctx);
  double best = 1e30;
  for (int round = 0; round < rounds; round++) {
    double t0 = now_ms();
    for (int i = 0; i < iters; i++) cw_launch(k, g, b, 0, NULL, NULL);
    cw_synchronize(o->ctx);
    double t = (now_ms() - t0) * 1e3 / iters;
    if (t < best) best = t;
  }
  return best;
}

double launch_latency_us(Ours *o, int iters, int rounds) {
  cw_kernel *k;
  if (cw_kernel_get(o->mod, "empty", &k) != CW_OK) return NAN;
  unsigned g[3] = {1, 1, 1}, b[3] = {1, 1, 1};
  for (int i = 0; i < 100; i++) cw_launch(k, g, b, 0, NULL, NULL), cw_synchronize(o->ctx);
  double best = 1e30;
  for (int round = 0; round < rounds; round++) {
    double t0 = now_ms();
    for (int i = 0; i < iters; i++) {
      cw_launch(k, g, b, 0, NULL, NULL);
      cw_synchronize(o->ctx);
    }
    double t = (now_ms() - t0) * 1e3 / iters;
    if (t < best) best = t;
  }
  return best;
}
