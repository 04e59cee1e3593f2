/*
 * bench_cpu.c — cuwasm's CPU backend against its peers, in one run.
 *
 * Eight algorithms (saxpy, tiled SGEMM, reduction, histogram, 2-D stencil,
 * transpose, n-body, scan) each run three ways on the same inputs:
 *   ours   the CUDA kernels of kernels.cu through the C API (cw_launch),
 *   omp    hand-written OpenMP C (omp.c, -O3 -march=native -fopenmp),
 *   pocl   the same kernels in OpenCL C (kernels.cl) on PoCL, opened with
 *          dlopen; "pocl: unavailable (reason)" when it cannot be.
 * The SGEMM also runs against OpenBLAS's cblas_sgemm (blas.c, dlopen; same
 * size, same thread count), checked against OpenMP like the others.
 * A case is a list of kernel steps (name, grid, block, arguments) that both
 * the CUDA and the OpenCL side replay, plus an OpenMP function.  Every
 * variant runs once on fresh inputs and its output is checked against the
 * OpenMP result (tolerance: max |a-b| / max |ref|), then each is timed as
 * the best of --reps runs after that warm-up (wall clock of launch through
 * synchronize; data stays on the device).  Then: ratios per kernel (peer
 * time / our time, so > 1 means we are faster), their geomeans, the launch
 * latency of an empty kernel (µs, launch + synchronize), and the JIT time of
 * jit100.cu cold (empty temporary XDG_CACHE_HOME) and from the cache.
 *
 *   bench_cpu [--reps N] [--small] [--only NAME]
 */
#include "blas.h"
#include "cuwasm.h"
#include "ocl.h"
#include "omp.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#ifndef BENCH_CPU_DIR
#define BENCH_CPU_DIR "."
#endif

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static char *read_file(const char *name, size_t *len) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", BENCH_CPU_DIR, name);
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

/* ---- cases ------------------------------------------------------------- */

enum { MAXB = 4, MAXA = 6, MAXS = 3 };
typedef struct KArg { char kind; int v; float f; } KArg; /* 'b' buffer v, 'i' int v, 'f' float f */
typedef struct Step { const char *kernel; unsigned grid[3], block[3]; int nargs; KArg a[MAXA]; } Step;

typedef struct Case {
  const char *name;
  int nbufs;
  size_t bytes[MAXB];
  void *init[MAXB]; /* initial contents (NULL: zeros) */
  int nsteps;
  Step steps[MAXS];
  int out;          /* buffer compared */
  int sum_out;      /* compare the sum of the output (partial sums) */
  int is_u32;
  double tol;
  void (*omp)(struct Case *c, void *out);
  void *omp_out;
  int n, m;         /* sizes for the OpenMP call */
  float s;
} Case;

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

static int make_cases(Case *cs, int small) {
  int k = 0, sh = small ? 4 : 1;
  { /* saxpy */
    int n = (1 << 24) / sh;
    cs[k] = (Case){"saxpy", 2, {n * 4u, n * 4u}, {frand(n, 1, -1, 1), frand(n, 2, -1, 1)}, 1,
                   {{"saxpy", D3(n / 256, 1), D3(256, 1), 4, {I(n), F(2.5f), B(0), B(1)}}},
                   1, 0, 0, 1e-6, omp_saxpy_c, NULL, n, 0, 2.5f};
    k++;
  }
  { /* sgemm */
    int n = small ? 256 : 512;
    cs[k] = (Case){"sgemm", 3, {n * n * 4u, n * n * 4u, n * n * 4u},
                   {frand((size_t)n * n, 3, 0, 1), frand((size_t)n * n, 4, 0, 1)}, 1,
                   {{"sgemm", D3(n / 16, n / 16), D3(16, 16), 4, {B(0), B(1), B(2), I(n)}}},
                   2, 0, 0, 1e-5, omp_sgemm_c, NULL, n, 0, 0};
    k++;
  }
  { /* reduction: 512 block partials, summed on the host */
    int n = (1 << 24) / sh;
    cs[k] = (Case){"reduction", 2, {n * 4u, 512 * 4u}, {frand(n, 5, 0, 1)}, 1,
                   {{"reduce", D3(512, 1), D3(256, 1), 3, {B(0), B(1), I(n)}}},
                   1, 1, 0, 1e-4, omp_reduce_c, NULL, n, 0, 0};
    k++;
  }
  { /* histogram */
    int n = (1 << 25) / sh;
    unsigned char *d = malloc((size_t)n);
    unsigned s = 7;
    for (int i = 0; i < n; i++) { s = s * 1664525u + 1013904223u; d[i] = (unsigned char)((s >> 24) ^ (s >> 13)); }
    cs[k] = (Case){"histogram", 2, {(size_t)n, 256 * 4u}, {d}, 1,
                   {{"histogram", D3(256, 1), D3(256, 1), 3, {B(0), B(1), I(n)}}},
                   1, 0, 1, 0, omp_hist_c, NULL, n, 0, 0};
    k++;
  }
  { /* 2-D stencil */
    int w = small ? 1024 : 2048, h = w;
    cs[k] = (Case){"stencil2d", 2, {(size_t)w * h * 4, (size_t)w * h * 4}, {frand((size_t)w * h, 6, 0, 1)}, 1,
                   {{"stencil2d", D3(w / 32, h / 8), D3(32, 8), 4, {B(0), B(1), I(w), I(h)}}},
                   1, 0, 0, 1e-6, omp_stencil_c, NULL, w, h, 0};
    k++;
  }
  { /* transpose */
    int w = small ? 1024 : 2048, h = w;
    cs[k] = (Case){"transpose", 2, {(size_t)w * h * 4, (size_t)w * h * 4}, {frand((size_t)w * h, 7, 0, 1)}, 1,
                   {{"transpose", D3(w / 32, h / 32), D3(32, 8), 4, {B(0), B(1), I(w), I(h)}}},
                   1, 0, 0, 0, omp_transpose_c, NULL, w, h, 0};
    k++;
  }
  { /* n-body */
    int n = small ? 2048 : 8192;
    float *p = frand((size_t)n * 4, 8, -1, 1);
    for (int i = 0; i < n; i++) p[4 * i + 3] = 0.5f + 0.5f * fabsf(p[4 * i + 3]);
    cs[k] = (Case){"nbody", 2, {n * 16u, n * 16u}, {p}, 1,
                   {{"nbody", D3(n / 256, 1), D3(256, 1), 4, {B(0), B(1), I(n), F(0.01f)}}},
                   1, 0, 0, 1e-4, omp_nbody_c, NULL, n, 0, 0.01f};
    k++;
  }
  { /* scan: chunk scans, scan of chunk totals, add offsets */
    int n = (1 << 22) / sh, nc = n / 256;
    cs[k] = (Case){"scan", 3, {n * 4u, n * 4u, nc * 4u}, {frand(n, 9, 0, 1)}, 3,
                   {{"scanBlocks", D3(nc, 1), D3(256, 1), 3, {B(0), B(1), B(2)}},
                    {"scanSums", D3(1, 1), D3(1, 1), 2, {B(2), I(nc)}},
                    {"scanAdd", D3(nc, 1), D3(256, 1), 2, {B(1), B(2)}}},
                   1, 0, 0, 1e-4, omp_scan_c, NULL, n, 0, 0};
    k++;
  }
  return k;
}

/* max |a - r| / max |r| (0 when equal); u32 data compared exactly. */
static double rel_err(const Case *c, const void *a, const void *r, size_t count) {
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

typedef struct Ours {
  cw_context *ctx;
  cw_module *mod;
  cw_buffer *buf[MAXB];
  void *dp[MAXB];
  cw_kernel *k[MAXS];
  void *argv[MAXS][MAXA];
  KArg vals[MAXS][MAXA];
} Ours;

static int ours_setup(Ours *o, Case *c) {
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

static int ours_run(Ours *o, Case *c) {
  for (int s = 0; s < c->nsteps; s++)
    if (cw_launch(o->k[s], c->steps[s].grid, c->steps[s].block, 0, NULL, o->argv[s]) != CW_OK) return -1;
  return cw_synchronize(o->ctx) == CW_OK ? 0 : -1;
}

static void ours_free(Ours *o, Case *c) {
  for (int b = 0; b < c->nbufs; b++)
    if (o->buf[b]) cw_buffer_free(o->buf[b]), o->buf[b] = NULL;
}

/* ---- pocl --------------------------------------------------------------- */

typedef struct Cl { Ocl *o; cl_mem buf[MAXB]; cl_kernel k[MAXS]; } Cl;

static int cl_setup(Cl *p, Case *c) {
  cl_int err;
  for (int b = 0; b < c->nbufs; b++) {
    void *init = c->init[b] ? c->init[b] : calloc(1, c->bytes[b]);
    p->buf[b] = p->o->clCreateBuffer(p->o->ctx, CL_MEM_READ_WRITE | CL_MEM_COPY_HOST_PTR, c->bytes[b], init, &err);
    if (!c->init[b]) free(init);
    if (!p->buf[b]) return -1;
  }
  for (int s = 0; s < c->nsteps; s++) {
    p->k[s] = p->o->clCreateKernel(p->o->prog, c->steps[s].kernel, &err);
    if (!p->k[s]) return -1;
    for (int a = 0; a < c->steps[s].nargs; a++) {
      const KArg *v = &c->steps[s].a[a];
      if (v->kind == 'b') p->o->clSetKernelArg(p->k[s], (cl_uint)a, sizeof(cl_mem), &p->buf[v->v]);
      else if (v->kind == 'i') p->o->clSetKernelArg(p->k[s], (cl_uint)a, 4, &v->v);
      else p->o->clSetKernelArg(p->k[s], (cl_uint)a, 4, &v->f);
    }
  }
  return 0;
}

static int cl_run(Cl *p, Case *c) {
  for (int s = 0; s < c->nsteps; s++) {
    const Step *st = &c->steps[s];
    size_t gl[3], lo[3];
    for (int d = 0; d < 3; d++) gl[d] = (size_t)st->grid[d] * st->block[d], lo[d] = st->block[d];
    cl_uint dims = st->grid[1] * st->block[1] > 1 ? 2 : 1;
    if (p->o->clEnqueueNDRangeKernel(p->o->q, p->k[s], dims, NULL, gl, lo, 0, NULL, NULL)) return -1;
  }
  return p->o->clFinish(p->o->q) ? -1 : 0;
}

static void cl_free(Cl *p, Case *c) {
  for (int s = 0; s < c->nsteps; s++)
    if (p->k[s]) p->o->clReleaseKernel(p->k[s]);
  for (int b = 0; b < c->nbufs; b++)
    if (p->buf[b]) p->o->clReleaseMemObject(p->buf[b]);
}

/* ---- one case ------------------------------------------------------------- */

typedef struct Result { double ours, omp, pocl; int ok; } Result;

static double sum_floats(const float *p, size_t n) {
  double s = 0;
  for (size_t i = 0; i < n; i++) s += p[i];
  return s;
}

/* Compares out (count elements of the case's output) with the OpenMP result. */
static int check(Case *c, const char *who, void *out) {
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

static Result run_case(Case *c, Ours *ours, Ocl *ocl, int reps) {
  Result r = {NAN, NAN, NAN, 1};
  size_t ob = c->bytes[c->out];
  void *out = malloc(ob);
  c->omp_out = malloc(c->sum_out ? sizeof(float) : ob);
  c->omp(c, c->omp_out); /* reference result, then timing */
  void *tmp = malloc(c->sum_out ? sizeof(float) : ob);
  if (c->omp == omp_saxpy_c) memcpy(tmp, c->omp_out, ob); /* in place, like the kernel */
  c->omp(c, tmp); /* touch the output pages before timing, as the device buffers are */
  r.omp = 1e30;
  for (int i = 0; i < reps; i++) {
    double t0 = now_ms();
    c->omp(c, tmp);
    double t = now_ms() - t0;
    if (t < r.omp) r.omp = t;
  }
  free(tmp);
  if (ours_setup(ours, c) || ours_run(ours, c)) {
    printf("  %s: ours failed: %s\n", c->name, cw_last_error_message(ours->ctx));
    r.ok = 0;
  } else {
    if (cw_memcpy_dtoh(ours->ctx, out, ours->dp[c->out], ob) != CW_OK) {
      printf("  %s: ours: reading the result back failed\n", c->name);
      r.ok = 0;
    } else {
      r.ok &= check(c, "ours", out);
    }
    r.ours = 1e30;
    for (int i = 0; i < reps; i++) {
      double t0 = now_ms();
      ours_run(ours, c);
      double t = now_ms() - t0;
      if (t < r.ours) r.ours = t;
    }
  }
  ours_free(ours, c);
  if (ocl) {
    Cl p = {ocl, {0}, {0}};
    if (cl_setup(&p, c) || cl_run(&p, c)) {
      printf("  %s: pocl failed\n", c->name);
      r.ok = 0; /* a peer that was there and failed is a failure, not a blank */
    } else if (ocl->clEnqueueReadBuffer(ocl->q, p.buf[c->out], CL_TRUE, 0, ob, out, 0, NULL,
                                        NULL) != CL_SUCCESS) {
      printf("  %s: pocl: reading the result back failed\n", c->name);
      r.ok = 0;
    } else {
      r.ok &= check(c, "pocl", out);
      r.pocl = 1e30;
      for (int i = 0; i < reps; i++) {
        double t0 = now_ms();
        cl_run(&p, c);
        double t = now_ms() - t0;
        if (t < r.pocl) r.pocl = t;
      }
    }
    cl_free(&p, c);
  }
  free(out);
  free(c->omp_out);
  return r;
}

/* OpenBLAS on the SGEMM case's inputs: best time in ms, NAN when its
 * result differs from OpenMP's. */
static double blas_ms(Case *c, const Blas *b, int reps) {
  size_t nn = (size_t)c->n * c->n;
  float *ref = malloc(nn * sizeof *ref), *out = malloc(nn * sizeof *out);
  double best = NAN;
  if (ref && out) {
    omp_sgemm(c->init[0], c->init[1], ref, c->n);
    blas_sgemm(b, c->init[0], c->init[1], out, c->n); /* warm-up, checked */
    c->omp_out = ref;
    if (check(c, "openblas", out)) {
      best = 1e30;
      for (int i = 0; i < reps; i++) {
        double t0 = now_ms();
        blas_sgemm(b, c->init[0], c->init[1], out, c->n);
        double t = now_ms() - t0;
        if (t < best) best = t;
      }
    }
    c->omp_out = NULL;
  }
  free(ref);
  free(out);
  return best;
}

/* ---- launch latency and JIT -------------------------------------------- */

static double launch_latency_us(Ours *o, int iters) {
  cw_kernel *k;
  if (cw_kernel_get(o->mod, "empty", &k) != CW_OK) return NAN;
  unsigned g[3] = {1, 1, 1}, b[3] = {1, 1, 1};
  for (int i = 0; i < 100; i++) cw_launch(k, g, b, 0, NULL, NULL), cw_synchronize(o->ctx);
  double best = 1e30;
  for (int round = 0; round < 5; round++) {
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

/* Module load of jit100.cu in a new context: front end + C emit + cc + dlopen. */
static double jit_ms(const char *src, size_t len) {
  cw_context *ctx;
  cw_module *mod = NULL;
  if (cw_context_new("cpu", &ctx) != CW_OK) return NAN;
  cw_diags *d = cw_diags_new();
  double t0 = now_ms();
  cw_status st = cw_module_load_source(ctx, "jit100.cu", src, len, NULL, d, &mod);
  double t = now_ms() - t0;
  cw_module_free(mod);
  cw_diags_free(d);
  cw_context_free(ctx);
  return st == CW_OK ? t : NAN;
}

static void rm_tree(const char *dir) {
  char cmd[4200];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
  if (system(cmd) != 0) fprintf(stderr, "bench_cpu: could not remove %s\n", dir);
}

static void jit_figures(double *cold, double *warm) {
  size_t len;
  char *src = read_file("jit100.cu", &len);
  char dir[] = "/tmp/cuwasm_jitbench_XXXXXX";
  *cold = *warm = NAN;
  if (!src || !mkdtemp(dir)) { free(src); return; }
  const char *old = getenv("XDG_CACHE_HOME");
  char *saved = old ? strdup(old) : NULL;
  setenv("XDG_CACHE_HOME", dir, 1);
  *cold = jit_ms(src, len);
  double best = 1e30;
  for (int i = 0; i < 5; i++) {
    double t = jit_ms(src, len);
    if (t < best) best = t;
  }
  *warm = best;
  if (saved) setenv("XDG_CACHE_HOME", saved, 1), free(saved);
  else unsetenv("XDG_CACHE_HOME");
  rm_tree(dir);
  free(src);
}

/* ---- main ----------------------------------------------------------------- */

static void ratio_cell(double peer, double ours) {
  if (isnan(peer) || isnan(ours)) printf("  %8s", "-");
  else printf("  %7.2fx", peer / ours);
}

int main(int argc, char **argv) {
  int reps = 5, small = 0;
  const char *only = NULL;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--reps") && i + 1 < argc) reps = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--small")) small = 1;
    else if (!strcmp(argv[i], "--only") && i + 1 < argc) only = argv[++i];
    else { fprintf(stderr, "usage: bench_cpu [--reps N] [--small] [--only NAME]\n"); return 2; }
  }
  double jit_cold, jit_warm;
  jit_figures(&jit_cold, &jit_warm); /* first, so the cold figure has no warm caches of ours */

  size_t len;
  char *cu = read_file("kernels.cu", &len), *cl = read_file("kernels.cl", NULL);
  if (!cu || !cl) { fprintf(stderr, "bench_cpu: cannot read kernels from %s\n", BENCH_CPU_DIR); return 1; }
  Ours ours = {0};
  cw_diags *d = cw_diags_new();
  if (cw_context_new("cpu", &ours.ctx) != CW_OK ||
      cw_module_load_source(ours.ctx, "kernels.cu", cu, len, NULL, d, &ours.mod) != CW_OK) {
    char *t = cw_diags_render(d);
    fprintf(stderr, "bench_cpu: kernels.cu: %s %s\n", ours.ctx ? cw_last_error_message(ours.ctx) : "", t ? t : "");
    free(t);
    return 1;
  }
  Ocl ocl;
  char why[512];
  Ocl *pocl = ocl_open(&ocl, cl, why, sizeof why) == 0 ? &ocl : NULL;
  cw_device_info info[8];
  int ni = cw_backend_list(info, 8), threads = 0;
  for (int i = 0; i < ni; i++)
    if (!strcmp(info[i].backend, "cpu")) {
      printf("cpu: %s, %d threads, %s\n", info[i].name, info[i].cores, info[i].simd);
      threads = info[i].cores;
    }
  Blas blas;
  char blas_why[512];
  int have_blas = blas_open(&blas, threads, blas_why, sizeof blas_why) == 0;
  printf("openmp: %s, %d threads\n", omp_peer_available() ? "yes" : "unavailable (built without OpenMP: serial C)",
         omp_peer_threads());
  if (pocl) printf("pocl: %s\n", ocl.device_name);
  else printf("pocl: unavailable (%s)\n", why);
  if (have_blas) printf("openblas: %s, %d threads\n", blas.config ? blas.config() : "yes", threads);
  else printf("openblas: unavailable (%s)\n", blas_why);
  printf("best of %d runs%s; ratio = peer time / our time (> 1: we are faster)\n\n", reps, small ? ", --small sizes" : "");
  printf("%-10s %10s %10s %10s %9s %9s  %s\n", "kernel", "ours ms", "omp ms", "pocl ms", "vs omp", "vs pocl", "check");

  Case cs[8];
  int nc = make_cases(cs, small), failed = 0, n_omp = 0, n_pocl = 0;
  double lg_omp = 0, lg_pocl = 0, sgemm_ours = NAN, sgemm_blas = NAN;
  for (int i = 0; i < nc; i++) {
    if (only && strcmp(only, cs[i].name)) continue;
    Result r = run_case(&cs[i], &ours, pocl, reps);
    printf("%-10s %10.3f %10.3f %10.3f", cs[i].name, r.ours, r.omp, r.pocl);
    ratio_cell(r.omp, r.ours);
    ratio_cell(r.pocl, r.ours);
    printf("  %s\n", r.ok ? "ok" : "MISMATCH");
    if (!r.ok) failed++;
    if (!strcmp(cs[i].name, "sgemm") && have_blas) {
      sgemm_ours = r.ours;
      sgemm_blas = blas_ms(&cs[i], &blas, reps);
      if (isnan(sgemm_blas)) failed++;
    }
    if (!isnan(r.ours) && !isnan(r.omp)) lg_omp += log(r.omp / r.ours), n_omp++;
    if (!isnan(r.ours) && !isnan(r.pocl)) lg_pocl += log(r.pocl / r.ours), n_pocl++;
    fflush(stdout);
  }
  double g_omp = n_omp ? exp(lg_omp / n_omp) : NAN, g_pocl = n_pocl ? exp(lg_pocl / n_pocl) : NAN;
  printf("%-10s %32s", "geomean", "");
  ratio_cell(g_omp, 1.0);
  ratio_cell(g_pocl, 1.0);
  printf("\n\n");
  if (have_blas && !isnan(sgemm_ours))
    printf("sgemm (n=%d) vs OpenBLAS cblas_sgemm: ours %.3f ms, openblas %.3f ms, ratio %.2fx (goal >= 0.5)\n",
           small ? 256 : 512, sgemm_ours, sgemm_blas, sgemm_blas / sgemm_ours);
  double lat = launch_latency_us(&ours, 2000);
  printf("empty kernel launch + synchronize: %.2f us (goal < 5 us)\n", lat);
  printf("JIT of jit100.cu (98 lines): cold %.1f ms (goal < 300 ms), from the cache %.3f ms (goal < 1 ms)\n",
         jit_cold, jit_warm);
  printf("SUMMARY cpu: geomean vs OpenMP %.2fx (goal >= 1.0), vs PoCL %.2fx (goal >= 1.2), launch %.2f us, "
         "JIT cold %.1f ms / cached %.3f ms, checks %s\n",
         g_omp, g_pocl, lat, jit_cold, jit_warm, failed ? "FAILED" : "ok");
  for (int i = 0; i < nc; i++)
    for (int b = 0; b < MAXB; b++) free(cs[i].init[b]);
  if (pocl) ocl_close(&ocl);
  if (have_blas) blas_close(&blas);
  cw_module_free(ours.mod);
  cw_context_free(ours.ctx);
  cw_diags_free(d);
  free(cu);
  free(cl);
  return failed ? 1 : 0;
}
