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
 * size, same thread count), checked against OpenMP like the others, after
 * everything else is timed (its threads keep polling for a while after a
 * call, which slowed whatever ran next).
 * A case is a list of kernel steps (name, grid, block, arguments) that both
 * the CUDA and the OpenCL side replay, plus an OpenMP function.  Every
 * variant runs once on fresh inputs and its output is checked against the
 * OpenMP result (tolerance: max |a-b| / max |ref|), then each is timed as
 * the best of --reps runs after that warm-up (wall clock of launch through
 * synchronize; data stays on the device).  Then: ratios per kernel (peer
 * time / our time, so > 1 means we are faster), their geomeans, the launch
 * latency of an empty kernel (µs, launch + synchronize), and the JIT time of
 * jit100.cu cold (the least of 3 loads, each into an empty temporary
 * XDG_CACHE_HOME) and from the cache.
 *
 * Then, unless --pairs 0, each case runs --pairs more times (default 10)
 * on each side in turns, OpenMP then ours, ours then OpenMP, each side
 * twice after a 10 ms pause, the second run timed (cases.c's
 * ours_time_paired), and the "paired" section gives per kernel the
 * median, least and greatest ratio of the pairs.  Two things differ from
 * the best-of series: a pair's two times come from the same moment (on a
 * shared VM whose speed drifts by 2x within seconds, the best of one
 * side's series and the best of the other's do not), and each run follows
 * an idle pause, as a launch does in a program that works on the host
 * between launches (where a VM's idle virtual CPUs may come back late:
 * rt/cpu/pool.c, bench/README.md).
 *
 * --cpu-time times with the process's CPU time instead (bench_use_cpu_time),
 * the mean of the runs rather than the least (BenchTimes): with one thread
 * each (CUWASM_NUM_THREADS=1 OMP_NUM_THREADS=1) that is what a machine
 * shared with other work can measure.  It includes the host and stream
 * threads' bounded spins (up to 30 µs each per run) on our side.
 *
 * --large runs the one-dimensional streams (saxpy, reduction, histogram,
 * scan) at 8 times their size, past the last-level cache.
 *
 * --steps also times each launch of a multi-kernel case (scan) alone,
 * launch + synchronize: where its time goes.
 *
 *   bench_cpu [--reps N] [--pairs N] [--small | --large] [--only NAME] [--cpu-time] [--steps]
 */
#include "blas.h"
#include "cases.h"
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

typedef struct Result {
  double ours, omp, pocl;
  double paired[3]; /* median, least, greatest ratio of the pairs; NAN without */
  int ok;
} Result;

static int compare_doubles(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* An output buffer for OpenMP's timed runs (c->omp_out holds the
 * reference): a copy of the reference where the case works in place,
 * like the kernel. */
static void *omp_scratch(const Case *c) {
  size_t ob = c->sum_out ? sizeof(float) : c->bytes[c->out];
  void *tmp = malloc(ob);
  if (tmp && c->in_place) memcpy(tmp, c->omp_out, ob);
  return tmp;
}

/* OpenMP and ours in turns (ours_time_paired): the median, least and
 * greatest of the pairs' ratios. */
static void run_pairs(Case *c, Ours *ours, int pairs, Result *r) {
  void *tmp = omp_scratch(c);
  double *ratios = malloc(sizeof *ratios * (size_t)pairs);
  if (tmp && ratios) {
    if (ours_time_paired(ours, c, pairs, tmp, ratios)) {
      qsort(ratios, (size_t)pairs, sizeof *ratios, compare_doubles);
      r->paired[0] = pairs % 2 ? ratios[pairs / 2] : (ratios[pairs / 2 - 1] + ratios[pairs / 2]) / 2;
      r->paired[1] = ratios[0];
      r->paired[2] = ratios[pairs - 1];
    }
  }
  free(tmp);
  free(ratios);
}

static Result run_case(Case *c, Ours *ours, Ocl *ocl, int reps, int pairs) {
  Result r = {NAN, NAN, NAN, {NAN, NAN, NAN}, 1};
  size_t ob = c->bytes[c->out];
  void *out = malloc(ob);
  c->omp_out = malloc(c->sum_out ? sizeof(float) : ob);
  c->omp(c, c->omp_out); /* reference result, then timing */
  void *tmp = omp_scratch(c);
  c->omp(c, tmp); /* touch the output pages before timing, as the device buffers are */
  BenchTimes bt = {0};
  for (int i = 0; i < reps; i++) {
    double t0 = now_ms();
    c->omp(c, tmp);
    bench_times_add(&bt, now_ms() - t0);
  }
  r.omp = bench_times_figure(&bt);
  free(tmp);
  r.ok &= ours_time_case(ours, c, "ours", reps, &r.ours);
  if (pairs > 0 && r.ok) run_pairs(c, ours, pairs, &r);
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
      BenchTimes bt = {0};
      for (int i = 0; i < reps; i++) {
        double t0 = now_ms();
        cl_run(&p, c);
        bench_times_add(&bt, now_ms() - t0);
      }
      r.pocl = bench_times_figure(&bt);
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
      BenchTimes bt = {0};
      for (int i = 0; i < reps; i++) {
        double t0 = now_ms();
        blas_sgemm(b, c->init[0], c->init[1], out, c->n);
        bench_times_add(&bt, now_ms() - t0);
      }
      best = bench_times_figure(&bt);
    }
    c->omp_out = NULL;
  }
  free(ref);
  free(out);
  return best;
}

/* ---- launch latency and JIT -------------------------------------------- */


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
  char *src = read_bench_file(BENCH_CPU_DIR, "jit100.cu", &len);
  char dir[] = "/tmp/cuwasm_jitbench_XXXXXX";
  *cold = *warm = NAN;
  if (!src || !mkdtemp(dir)) { free(src); return; }
  const char *old = getenv("XDG_CACHE_HOME");
  char *saved = old ? strdup(old) : NULL;
  /* cold: the least of 3 loads, each into a new empty cache folder (one
   * load swings by 2x on a shared machine); warm: from the last one's */
  double best = 1e30;
  for (int i = 0; i < 3; i++) {
    char sub[64];
    snprintf(sub, sizeof sub, "%s/%d", dir, i);
    if (mkdir(sub, 0700) != 0) break;
    setenv("XDG_CACHE_HOME", sub, 1);
    double t = jit_ms(src, len);
    if (t < best || isnan(t)) best = t;
    if (isnan(t)) break;
  }
  *cold = best;
  best = 1e30;
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

/* --steps: a multi-kernel case's launches one at a time, each synchronized. */
static void print_steps(Case *c, Ours *ours, int reps) {
  double ms[MAXS];
  if (!ours_step_times(ours, c, reps, ms)) {
    printf("  %s: a step failed: %s\n", c->name, cw_last_error_message(ours->ctx));
    return;
  }
  printf("  steps:");
  for (int s = 0; s < c->nsteps; s++) printf(" %s %.3f ms%s", c->steps[s].kernel, ms[s], s + 1 < c->nsteps ? "," : "\n");
}

static void ratio_cell(double peer, double ours) {
  if (isnan(peer) || isnan(ours)) printf("  %8s", "-");
  else printf("  %7.2fx", peer / ours);
}

/* The paired section: each kernel's median, least and greatest ratio of
 * the pairs, their geomean (returned; NAN without pairs) and the kernels
 * whose median is below 0.9.  Its rows have four fields, the table's
 * seven (compare_builds.sh reads the table by that). */
static double print_paired(const Case *cs, int nc, const Result *res, const int *ran, int pairs) {
  if (pairs <= 0) return NAN;
  printf("paired: OpenMP and ours in turns, %d ms apart, --pairs %d; ratio of each pair "
         "(omp / ours)\n  %-10s %7s %9s %9s\n", PAIR_PAUSE_MS, pairs, "kernel", "median", "least",
         "greatest");
  double lg = 0;
  int n = 0;
  char below[256] = "";
  for (int i = 0; i < nc; i++) {
    if (!ran[i] || isnan(res[i].paired[0])) continue;
    printf("  %-10s %6.2fx %8.2fx %8.2fx\n", cs[i].name, res[i].paired[0], res[i].paired[1],
           res[i].paired[2]);
    lg += log(res[i].paired[0]), n++;
    if (res[i].paired[0] < 0.9 && strlen(below) < sizeof below - 32)
      snprintf(below + strlen(below), sizeof below - strlen(below), " %s %.2fx", cs[i].name,
               res[i].paired[0]);
  }
  double g = n ? exp(lg / n) : NAN;
  printf("paired-geomean %.2fx; below 0.9x:%s\n\n", g, *below ? below : " none");
  return g;
}

int main(int argc, char **argv) {
  int reps = 5, pairs = 10, size = CASES_FULL, cpu_time = 0, steps = 0;
  const char *only = NULL;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--reps") && i + 1 < argc) reps = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--pairs") && i + 1 < argc) pairs = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--small")) size = CASES_SMALL;
    else if (!strcmp(argv[i], "--large")) size = CASES_LARGE;
    else if (!strcmp(argv[i], "--only") && i + 1 < argc) only = argv[++i];
    else if (!strcmp(argv[i], "--cpu-time")) cpu_time = 1;
    else if (!strcmp(argv[i], "--steps")) steps = 1;
    else {
      fprintf(stderr, "usage: bench_cpu [--reps N] [--pairs N] [--small | --large] [--only NAME] [--cpu-time] [--steps]\n");
      return 2;
    }
  }
  double jit_cold, jit_warm;
  jit_figures(&jit_cold, &jit_warm); /* first, so the cold figure has no warm caches of ours */
  bench_use_cpu_time(cpu_time); /* after: the JIT's cc runs in a child process */

  size_t len;
  char *cu = read_bench_file(BENCH_CPU_DIR, "kernels.cu", &len),
       *cl = read_bench_file(BENCH_CPU_DIR, "kernels.cl", NULL);
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
  printf("%s %d runs%s%s; ratio = peer time / our time (> 1: we are faster)\n\n", cpu_time ? "mean of" : "best of", reps,
         size == CASES_SMALL ? ", --small sizes" : size == CASES_LARGE ? ", --large sizes" : "",
         cpu_time ? ", process CPU time" : "");
  printf("%-10s %10s %10s %10s %9s %9s  %s\n", "kernel", "ours ms", "omp ms", "pocl ms", "vs omp", "vs pocl", "check");

  Case cs[8];
  int nc = make_cases(cs, size), failed = 0, n_omp = 0, n_pocl = 0;
  double lg_omp = 0, lg_pocl = 0, sgemm_ours = NAN, sgemm_blas = NAN;
  Result res[8];
  int ran[8] = {0};
  int sgemm_case = -1;
  for (int i = 0; i < nc; i++) {
    if (only && strcmp(only, cs[i].name)) continue;
    Result r = run_case(&cs[i], &ours, pocl, reps, pairs);
    res[i] = r, ran[i] = 1;
    printf("%-10s %10.3f %10.3f %10.3f", cs[i].name, r.ours, r.omp, r.pocl);
    ratio_cell(r.omp, r.ours);
    ratio_cell(r.pocl, r.ours);
    printf("  %s\n", r.ok ? "ok" : "MISMATCH");
    if (steps && cs[i].nsteps > 1) print_steps(&cs[i], &ours, reps);
    if (!r.ok) failed++;
    if (!strcmp(cs[i].name, "sgemm")) sgemm_case = i, sgemm_ours = r.ours;
    if (!isnan(r.ours) && !isnan(r.omp)) lg_omp += log(r.omp / r.ours), n_omp++;
    if (!isnan(r.ours) && !isnan(r.pocl)) lg_pocl += log(r.pocl / r.ours), n_pocl++;
    fflush(stdout);
  }
  double g_omp = n_omp ? exp(lg_omp / n_omp) : NAN, g_pocl = n_pocl ? exp(lg_pocl / n_pocl) : NAN;
  printf("%-10s %32s", "geomean", "");
  ratio_cell(g_omp, 1.0);
  ratio_cell(g_pocl, 1.0);
  printf("\n\n");
  double g_paired = print_paired(cs, nc, res, ran, pairs);
  double lat = launch_latency_us(&ours, 2000, 5);
  /* OpenBLAS last: its threads keep polling (sched_yield) for a while after
     a call, and the OpenMP reduction timed after it took 7.9 ms instead of
     about 0.4 on a 16-core host */
  if (have_blas && sgemm_case >= 0 && !isnan(sgemm_ours)) {
    sgemm_blas = blas_ms(&cs[sgemm_case], &blas, reps);
    if (isnan(sgemm_blas)) failed++;
    printf("sgemm (n=%d) vs OpenBLAS cblas_sgemm: ours %.3f ms, openblas %.3f ms, ratio %.2fx (goal >= 0.5)\n",
           size == CASES_SMALL ? 256 : 512, sgemm_ours, sgemm_blas, sgemm_blas / sgemm_ours);
  }
  printf("empty kernel launch + synchronize: %.2f us (goal < 5 us)\n", lat);
  printf("JIT of jit100.cu (98 lines): cold %.1f ms (goal < 300 ms), from the cache %.3f ms (goal < 1 ms)\n",
         jit_cold, jit_warm);
  printf("SUMMARY cpu: geomean vs OpenMP %.2fx (goal >= 1.0; paired %.2fx), vs PoCL %.2fx (goal >= 1.2), "
         "launch %.2f us, JIT cold %.1f ms / cached %.3f ms, checks %s\n",
         g_omp, g_paired, g_pocl, lat, jit_cold, jit_warm, failed ? "FAILED" : "ok");
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
