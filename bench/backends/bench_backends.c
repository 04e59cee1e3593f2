/*
 * bench_backends.c — two cuwasm backends side by side on the CPU
 * benchmark's kernels (bench/cpu/kernels.cu, the cases of cases.c), in one
 * process: e.g. Vulkan against the CPU backend on a machine without a GPU
 * (lavapipe: a record, not a goal), or Vulkan against the CUDA backend on
 * an NVIDIA machine (the Vulkan issue's goal: geomean >= 0.9).
 *
 * Each case runs once on each backend and is checked against the OpenMP
 * reference, then timed as the best of --reps runs (launch through
 * synchronize, data resident).  Ratio = time on A / time on B, so above 1
 * means B is faster.  Then, per backend: the launch latency of an empty
 * kernel, the time per launch when launches are queued back to back with
 * one synchronize at the end, and host<->device copy bandwidth (64 MiB, pageable host memory).
 * A backend that cannot run here, or a kernel it refuses, is reported with
 * the reason, never timed.
 *
 *   bench_backends [--a cpu] [--b vulkan] [--reps N] [--small] [--only NAME]
 */
#include "../cpu/cases.h"
#include "cuwasm.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef BENCH_CPU_DIR
#define BENCH_CPU_DIR "."
#endif

typedef struct Side {
  const char *backend;
  Ours o;
  int ok; /* the backend opened and the module loaded */
  char why[1024];
} Side;


static void open_side(Side *s, const char *src, size_t len) {
  cw_diags *d = cw_diags_new();
  s->ok = 0;
  if (cw_context_new(s->backend, &s->o.ctx) != CW_OK) {
    snprintf(s->why, sizeof s->why, "%s", s->o.ctx ? cw_last_error_message(s->o.ctx) : "cannot open");
  } else if (cw_module_load_source(s->o.ctx, "kernels.cu", src, len, NULL, d, &s->o.mod) != CW_OK) {
    char *t = cw_diags_render(d);
    snprintf(s->why, sizeof s->why, "%s %s", cw_last_error_message(s->o.ctx), t ? t : "");
    free(t);
  } else {
    s->ok = 1;
  }
  cw_diags_free(d);
}

/* best time of one case on one backend, NAN when it cannot run or its
 * result is wrong (ours_time_case says which) */
static double time_case(Side *s, Case *c, int reps) {
  double best;
  if (!s->ok || !ours_time_case(&s->o, c, s->backend, reps, &best)) return NAN;
  return best;
}

static double launch_us(Side *s) { return s->ok ? launch_latency_us(&s->o, 500, 3) : NAN; }

/* GB/s of host->device (dir 0) or device->host (dir 1) copies of n bytes */
static double copy_gbs(Side *s, size_t n, int dir) {
  cw_buffer *b;
  if (!s->ok || cw_buffer_alloc(s->o.ctx, n, &b) != CW_OK) return NAN;
  char *h = malloc(n);
  memset(h, 1, n);
  double best = 1e30;
  for (int i = 0; i < 4; i++) {
    double t0 = now_ms();
    cw_status st = dir ? cw_memcpy_dtoh(s->o.ctx, h, cw_buffer_ptr(b), n)
                       : cw_memcpy_htod(s->o.ctx, cw_buffer_ptr(b), h, n);
    if (st != CW_OK) { best = NAN; break; }
    double t = now_ms() - t0;
    if (t < best) best = t;
  }
  free(h);
  cw_buffer_free(b);
  return isnan(best) ? NAN : n / (best * 1e6);
}

int main(int argc, char **argv) {
  Side a = {.backend = "cpu"}, b = {.backend = "vulkan"};
  int reps = 5, small = 0;
  const char *only = NULL;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--a") && i + 1 < argc) a.backend = argv[++i];
    else if (!strcmp(argv[i], "--b") && i + 1 < argc) b.backend = argv[++i];
    else if (!strcmp(argv[i], "--reps") && i + 1 < argc) reps = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--small")) small = 1;
    else if (!strcmp(argv[i], "--only") && i + 1 < argc) only = argv[++i];
    else {
      fprintf(stderr, "usage: bench_backends [--a BACKEND] [--b BACKEND] [--reps N] [--small] [--only NAME]\n");
      return 2;
    }
  }
  size_t len;
  char *src = read_bench_file(BENCH_CPU_DIR, "kernels.cu", &len);
  if (!src) { fprintf(stderr, "bench_backends: cannot read %s/kernels.cu\n", BENCH_CPU_DIR); return 1; }
  open_side(&a, src, len);
  open_side(&b, src, len);
  Side *sides[2] = {&a, &b};
  for (int i = 0; i < 2; i++) {
    if (!sides[i]->ok) {
      printf("%s: unavailable (%s)\n", sides[i]->backend, sides[i]->why);
      continue;
    }
    cw_device_info info;
    if (cw_backend_probe(sides[i]->backend, &info)) printf("%s: %s\n", sides[i]->backend, info.name);
  }
  printf("best of %d runs%s; ratio = time on %s / time on %s (> 1: %s faster)\n\n", reps,
         small ? ", --small sizes" : "", a.backend, b.backend, b.backend);
  printf("%-10s %10s %10s %8s\n", "kernel", a.backend, b.backend, "ratio");
  Case cs[8];
  int nc = make_cases(cs, small), n = 0, failed = 0;
  double lg = 0;
  for (int i = 0; i < nc; i++) {
    Case *c = &cs[i];
    if (only && strcmp(only, c->name)) continue;
    c->omp_out = malloc(c->sum_out ? sizeof(float) : c->bytes[c->out]);
    c->omp(c, c->omp_out);
    double ta = time_case(&a, c, reps), tb = time_case(&b, c, reps);
    if ((a.ok && isnan(ta)) || (b.ok && isnan(tb))) failed++;
    printf("%-10s %10.3f %10.3f", c->name, ta, tb);
    if (isnan(ta) || isnan(tb)) printf(" %8s\n", "-");
    else printf(" %7.2fx\n", ta / tb), lg += log(ta / tb), n++;
    free(c->omp_out);
    c->omp_out = NULL;
    fflush(stdout);
  }
  printf("%-10s %21s %7.2fx  (over %d kernels)\n\n", "geomean", "", n ? exp(lg / n) : NAN, n);
  for (int i = 0; i < 2; i++) {
    Side *s = sides[i];
    if (!s->ok) continue;
    printf("%-8s launch + synchronize %.2f us, queued launches %.2f us each, host->device %.2f GB/s, "
           "device->host %.2f GB/s\n", s->backend, launch_us(s),
           s->ok ? launch_throughput_us(&s->o, 2000, 3) : NAN, copy_gbs(s, 64u << 20, 0),
           copy_gbs(s, 64u << 20, 1));
  }
  printf("SUMMARY backends: %s/%s geomean %.2fx over %d kernels, %d failed or refused\n", a.backend,
         b.backend, n ? exp(lg / n) : NAN, n, failed);
  for (int i = 0; i < nc; i++)
    for (int k = 0; k < MAXB; k++) free(cs[i].init[k]);
  for (int i = 0; i < 2; i++) {
    if (sides[i]->o.mod) cw_module_free(sides[i]->o.mod);
    if (sides[i]->o.ctx) cw_context_free(sides[i]->o.ctx);
  }
  free(src);
  return failed ? 1 : 0;
}
