/*
 * bench_checks.c — what `cuwasm run --check` costs: the eight bench_cpu
 * cases (cases.c) on the CPU backend, plain and under each checker
 * (memcheck, racecheck, synccheck, initcheck), side by side in one run.
 *
 * The checkers are chosen per device by CUWASM_CHECK when the context
 * opens (src/rt/cpu/check.c), and kernels are compiled in check mode for
 * a context that checks, so each mode gets its own context and its own
 * module load of kernels.cu.  Every case runs once per mode, is checked
 * against the OpenMP reference (a checker must not change results), then
 * is timed as the best of --reps; the table gives the plain time and the
 * slowdown of each checker (checked time / plain time), the last row
 * their geomeans.  The bench kernels are correct CUDA, so any report a
 * checker makes is a false positive: the error count of each context is
 * printed and makes the run fail, as does a wrong result.
 *
 * --cpu-time times with the process's CPU time instead of the wall clock
 * (with CUWASM_NUM_THREADS=1, the figures a loaded machine can give).
 *
 *   bench_checks [--reps N] [--small] [--only NAME] [--modes LIST] [--cpu-time]
 */
#include "cases.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef BENCH_CPU_DIR
#define BENCH_CPU_DIR "."
#endif

enum { MAX_MODES = 5, MAX_CASES = 8 };

static const char *const all_modes[MAX_MODES] = {"none", "memcheck", "racecheck", "synccheck",
                                                 "initcheck"};

/* Opens a CPU context checking `mode` and loads kernels.cu into it. */
static int open_mode(Ours *o, const char *mode, const char *src, size_t len) {
  setenv("CUWASM_CHECK", mode, 1);
  *o = (Ours){0};
  cw_diags *d = cw_diags_new();
  int ok = cw_context_new("cpu", &o->ctx) == CW_OK &&
           cw_module_load_source(o->ctx, "kernels.cu", src, len, NULL, d, &o->mod) == CW_OK;
  if (!ok) {
    char *t = cw_diags_render(d);
    fprintf(stderr, "bench_checks: %s: %s %s\n", mode,
            o->ctx ? cw_last_error_message(o->ctx) : "no CPU context", t ? t : "");
    free(t);
  }
  cw_diags_free(d);
  unsetenv("CUWASM_CHECK");
  return ok;
}

static void close_mode(Ours *o) {
  cw_module_free(o->mod);
  cw_context_free(o->ctx);
}

/* The modes named in list (comma-separated; "none" always first). */
static int parse_modes(const char *list, const char *modes[MAX_MODES]) {
  int n = 0;
  modes[n++] = "none";
  for (int i = 1; i < MAX_MODES; i++) {
    const char *m = all_modes[i], *p = list ? strstr(list, m) : NULL;
    if (!list || (p && (p == list || p[-1] == ',') && (p[strlen(m)] == 0 || p[strlen(m)] == ',')))
      modes[n++] = m;
  }
  return n;
}

int main(int argc, char **argv) {
  int reps = 3, small = 0, cpu_time = 0;
  const char *only = NULL, *list = NULL;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--reps") && i + 1 < argc) reps = atoi(argv[++i]);
    else if (!strcmp(argv[i], "--small")) small = 1;
    else if (!strcmp(argv[i], "--only") && i + 1 < argc) only = argv[++i];
    else if (!strcmp(argv[i], "--modes") && i + 1 < argc) list = argv[++i];
    else if (!strcmp(argv[i], "--cpu-time")) cpu_time = 1;
    else {
      fprintf(stderr, "usage: bench_checks [--reps N] [--small] [--only NAME] [--modes LIST] "
                      "[--cpu-time]\n");
      return 2;
    }
  }
  bench_use_cpu_time(cpu_time);
  size_t len;
  char *cu = read_bench_file(BENCH_CPU_DIR, "kernels.cu", &len);
  if (!cu) {
    fprintf(stderr, "bench_checks: cannot read %s/kernels.cu\n", BENCH_CPU_DIR);
    return 1;
  }
  const char *modes[MAX_MODES];
  int nm = parse_modes(list, modes), failed = 0;
  Case cs[MAX_CASES];
  int nc = make_cases(cs, small);
  double ms[MAX_MODES][MAX_CASES];
  int errors[MAX_MODES];
  for (int c = 0; c < nc; c++) { /* the OpenMP reference of each case, once */
    size_t ob = cs[c].bytes[cs[c].out];
    cs[c].omp_out = malloc(cs[c].sum_out ? sizeof(float) : ob);
    cs[c].omp(&cs[c], cs[c].omp_out);
  }
  for (int m = 0; m < nm; m++) {
    Ours o;
    errors[m] = -1;
    for (int c = 0; c < nc; c++) ms[m][c] = NAN;
    if (!open_mode(&o, modes[m], cu, len)) {
      failed++;
      continue;
    }
    for (int c = 0; c < nc; c++) {
      if (only && strcmp(only, cs[c].name)) continue;
      if (!ours_time_case(&o, &cs[c], modes[m], reps, &ms[m][c])) failed++;
      fflush(stdout);
    }
    errors[m] = cw_context_check_errors(o.ctx);
    close_mode(&o);
  }
  printf("best of %d runs%s%s; slowdown = time under the checker / plain time\n\n", reps,
         small ? ", --small sizes" : "", cpu_time ? ", CPU time" : "");
  printf("%-10s %10s", "kernel", "plain ms");
  for (int m = 1; m < nm; m++) printf(" %10s", modes[m]);
  printf("\n");
  double lg[MAX_MODES] = {0};
  int n[MAX_MODES] = {0};
  for (int c = 0; c < nc; c++) {
    if (only && strcmp(only, cs[c].name)) continue;
    printf("%-10s %10.3f", cs[c].name, ms[0][c]);
    for (int m = 1; m < nm; m++) {
      double r = ms[m][c] / ms[0][c];
      if (isnan(r)) printf(" %10s", "-");
      else printf(" %9.1fx", r), lg[m] += log(r), n[m]++;
    }
    printf("\n");
  }
  printf("%-10s %10s", "geomean", "");
  for (int m = 1; m < nm; m++) {
    if (n[m]) printf(" %9.1fx", exp(lg[m] / n[m]));
    else printf(" %10s", "-");
  }
  printf("\n%-10s %10s", "reports", "");
  for (int m = 1; m < nm; m++) {
    printf(" %10d", errors[m]);
    if (errors[m] != 0) failed++; /* correct kernels: a report is a false positive */
  }
  printf("\n\nSUMMARY checks:");
  for (int m = 1; m < nm; m++) printf(" %s %.1fx", modes[m], n[m] ? exp(lg[m] / n[m]) : NAN);
  printf(" (geomean slowdowns, goal < 10x), reports and results %s\n",
         failed ? "FAILED" : "ok");
  for (int c = 0; c < nc; c++) {
    free(cs[c].omp_out);
    for (int b = 0; b < MAXB; b++) free(cs[c].init[b]);
  }
  free(cu);
  return failed ? 1 : 0;
}
