/*
 * cases.h — the benchmark cases bench_cpu and bench_backends share: eight
 * algorithms as lists of kernel steps over buffers (kernels.cu), their
 * inputs, the OpenMP reference of each, and running a case on a cuwasm
 * backend through the C API ("ours").
 */
#ifndef BENCH_CASES_H
#define BENCH_CASES_H

#include "cuwasm.h"

#include <stddef.h>

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
  int in_place;     /* the kernel updates its input (saxpy's y) */
} Case;

/* Fills cs (room for 8) with the cases at full, --small or --large sizes
 * (size: CASES_*); returns how many. */
enum { CASES_FULL = 0, CASES_SMALL = 1, CASES_LARGE = 2 };
int make_cases(Case *cs, int size);
/* max |a - r| / max |r| over count elements (u32 data: 0 or 1). */
double rel_err(const Case *c, const void *a, const void *r, size_t count);
/* 1 when out (the case's output buffer) matches c->omp_out within c->tol;
 * else prints the difference, naming who, and returns 0. */
int check(Case *c, const char *who, void *out);

/* A case on one cuwasm backend. */
typedef struct Ours {
  cw_context *ctx;
  cw_module *mod;
  cw_buffer *buf[MAXB];
  void *dp[MAXB];
  cw_kernel *k[MAXS];
  void *argv[MAXS][MAXA];
  KArg vals[MAXS][MAXA];
} Ours;

int ours_setup(Ours *o, Case *c);  /* buffers filled, kernels found: 0 */
int ours_run(Ours *o, Case *c);    /* every step, then synchronize: 0 */
void ours_free(Ours *o, Case *c);

/* Checks the case on o against c->omp_out (who names the backend in
 * messages), then times it as the best of reps runs into *best (NAN when
 * it cannot run; the mean with CPU time, see BenchTimes).  Returns 1 when the result matched. */
int ours_time_case(Ours *o, Case *c, const char *who, int reps, double *best);
/* The pause before each run of a pair: long enough for libgomp's waiting
 * threads (about 4 ms of spinning on the 2-core VM) and the pool's (50 µs
 * of spinning, then 2 ms of yielding: rt/cpu/pool.c) to stop, which would
 * otherwise take a core from the side that runs next; and the idle time
 * between two launches of a program that works on the host in between. */
enum { PAIR_PAUSE_MS = 10 };
/* OpenMP (c->omp into peer_out, a buffer of the output's size) and ours
 * timed in turns, pairs times, the order swapped every pair.  Each side
 * runs twice and the second run is timed: after the pause, and with its
 * data back in the caches that the other side's run had filled with its
 * own (as in the best-of series, where a side's runs follow each other);
 * the ratio of each pair (OpenMP's time over ours) into ratios[pair].
 * Returns 1 when ours ran. */
int ours_time_paired(Ours *o, Case *c, int pairs, void *peer_out, double *ratios);
/* each step alone (launch + synchronize) into ms[step]: 1 when all ran */
int ours_step_times(Ours *o, Case *c, int reps, double *ms);
/* Launch + synchronize of the empty kernel, µs: the best mean of rounds
 * batches of iters, after a warm-up. */
double launch_latency_us(Ours *o, int iters, int rounds);
/* Launches of the empty kernel queued back to back, one synchronize at
 * the end, µs per launch (the host's launch throughput): best of rounds. */
double launch_throughput_us(Ours *o, int iters, int rounds);

double now_ms(void);
/* now_ms counts the process's CPU time (all threads) instead of wall
 * time: steadier on a loaded machine, when the workers do not spin. */
void bench_use_cpu_time(int on);
/* The figure of a series of timed runs: the least wall time, or with CPU
 * time the mean (the kernel reads another thread's CPU time, which lags by
 * up to a scheduler tick while that thread runs, so single readings err
 * both ways and the least of many is far too low; their sum is not). */
typedef struct BenchTimes { double least, sum; int n; } BenchTimes;
void bench_times_add(BenchTimes *b, double ms);
double bench_times_figure(const BenchTimes *b);
/* The whole file dir/name, NUL-terminated (length in *len), or NULL. */
char *read_bench_file(const char *dir, const char *name, size_t *len);

#endif
