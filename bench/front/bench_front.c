/*
 * bench_front.c — front-end throughput: preprocess + parse + sema + KIR,
 * through the public API (cw_compile_file), on a large generated CUDA file.
 *
 * Two input sizes (default 1,000,000 and 250,000 lines) are generated into
 * a temporary folder.  Each size is compiled in its own child process, so
 * that the peak resident set size reported by getrusage belongs to that
 * size alone; the child compiles the file --runs times (freeing the program
 * each time) and reports the best time.  Memory per input line should be
 * about the same for both sizes: that is what "linear" means here.
 *
 * The last line is a one-line summary against the goal of the front-end
 * issue: at least 1,000,000 lines per second on one core.  The exit status
 * is 0 whether or not the goal is met; it is 1 only when the input does not
 * compile or the benchmark itself fails.
 *
 * Usage: bench_front [--lines N] [--small-lines N] [--runs N] [--keep]
 *        bench_front --emit FILE [--lines N]   (just write the input)
 *        bench_front --compile FILE [--runs N] (compile FILE in this process,
 *          no child and no generation: for perf record and valgrind)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cuwasm.h"
#include "gen_input.h"

#define GOAL_LINES_PER_SEC 1000000.0

typedef struct Result {
  int ok;            /* 1 when every run compiled */
  double best_s;     /* fastest run */
  double median_s;   /* median run */
  long base_kib;     /* max RSS before compiling */
  long peak_kib;     /* max RSS after all runs */
  char diag[2048];   /* first diagnostics when !ok */
} Result;

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static long maxrss_kib(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss; /* KiB on Linux */
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return (x > y) - (x < y);
}

/* Runs in the child: compile `path` `runs` times. */
static void measure(const char *path, int runs, Result *r) {
  double *times = calloc((size_t)runs, sizeof *times);
  memset(r, 0, sizeof *r);
  r->base_kib = maxrss_kib();
  r->ok = times != NULL;
  for (int i = 0; i < runs && r->ok; i++) {
    cw_diags *d = cw_diags_new();
    cw_program *p = NULL;
    double t0 = now_s();
    cw_status st = d ? cw_compile_file(path, NULL, d, &p) : CW_ERR_NOMEM;
    times[i] = now_s() - t0;
    if (st != CW_OK) {
      char *text = d ? cw_diags_render(d) : NULL;
      snprintf(r->diag, sizeof r->diag, "status %d\n%s", (int)st,
               text ? text : "(no diagnostics)");
      free(text);
      r->ok = 0;
    }
    if (p)
      cw_program_free(p);
    cw_diags_free(d);
  }
  r->peak_kib = maxrss_kib();
  if (r->ok) {
    qsort(times, (size_t)runs, sizeof *times, cmp_double);
    r->best_s = times[0];
    r->median_s = times[runs / 2];
  }
  free(times);
}

/* Measures in a fresh child process so each size has its own peak RSS. */
static int measure_in_child(const char *path, int runs, Result *r) {
  int fd[2];
  if (pipe(fd) != 0)
    return -1;
  fflush(NULL);
  pid_t pid = fork();
  if (pid < 0)
    return -1;
  if (pid == 0) {
    close(fd[0]);
    Result res;
    measure(path, runs, &res);
    ssize_t w = write(fd[1], &res, sizeof res);
    _exit(w == (ssize_t)sizeof res ? 0 : 1);
  }
  close(fd[1]);
  size_t got = 0;
  while (got < sizeof *r) {
    ssize_t n = read(fd[0], (char *)r + got, sizeof *r - got);
    if (n < 0 && errno == EINTR)
      continue;
    if (n <= 0)
      break;
    got += (size_t)n;
  }
  close(fd[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (got != sizeof *r) {
    fprintf(stderr, "bench_front: the measuring process died (status 0x%x)\n", status);
    return -1;
  }
  return 0;
}

static long write_input(const char *path, long lines) {
  FILE *f = fopen(path, "w");
  if (!f) {
    fprintf(stderr, "bench_front: cannot write %s: %s\n", path, strerror(errno));
    return -1;
  }
  long n = gen_front_input(f, lines);
  if (fclose(f) != 0)
    n = -1;
  if (n < 0)
    fprintf(stderr, "bench_front: writing %s failed\n", path);
  return n;
}

static long file_size(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return 0;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fclose(f);
  return n;
}

static long count_lines(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return -1;
  long n = 0;
  char buf[65536];
  for (size_t got; (got = fread(buf, 1, sizeof buf, f)) > 0;)
    for (const char *p = buf, *e = buf + got; (p = memchr(p, '\n', (size_t)(e - p))); p++)
      n++;
  fclose(f);
  return n;
}

/* --compile: the measurement of one size, in this process */
static int compile_here(const char *path, int runs) {
  long lines = count_lines(path);
  if (lines < 0) {
    fprintf(stderr, "bench_front: cannot read %s: %s\n", path, strerror(errno));
    return 1;
  }
  Result r;
  measure(path, runs, &r);
  if (!r.ok) {
    fprintf(stderr, "bench_front: %s does not compile:\n%s\n", path, r.diag);
    return 1;
  }
  double per_line = lines ? (double)(r.peak_kib - r.base_kib) * 1024.0 / (double)lines : 0.0;
  printf("%s: %ld lines, best %.3f s of %d (%.0f lines/s), peak RSS %.1f MiB (%.0f B/line)\n",
         path, lines, r.best_s, runs, (double)lines / r.best_s, r.peak_kib / 1024.0, per_line);
  return 0;
}

static void usage(FILE *f) {
  fprintf(f,
          "usage: bench_front [--lines N] [--small-lines N] [--runs N] [--keep]\n"
          "       bench_front --emit FILE [--lines N]\n"
          "       bench_front --compile FILE [--runs N]\n"
          "Front-end throughput (preprocess+parse+sema+KIR) on generated CUDA.\n"
          "  --lines N        large input size in lines (default 1000000)\n"
          "  --small-lines N  small input size (default lines/4), for memory linearity\n"
          "  --runs N         compilations per size; the best is reported (default 5)\n"
          "  --keep           keep the generated inputs (their folder is printed)\n"
          "  --emit FILE      only write the input of --lines lines to FILE\n"
          "  --compile FILE   compile FILE --runs times in this process (for profilers)\n");
}

int main(int argc, char **argv) {
  long lines = 1000000, small = -1;
  int runs = 5, keep = 0;
  const char *emit = NULL, *compile = NULL;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
      usage(stdout);
      return 0;
    } else if (!strcmp(a, "--keep")) {
      keep = 1;
    } else if (v && !strcmp(a, "--lines")) {
      lines = atol(v), i++;
    } else if (v && !strcmp(a, "--small-lines")) {
      small = atol(v), i++;
    } else if (v && !strcmp(a, "--runs")) {
      runs = atoi(v), i++;
    } else if (v && !strcmp(a, "--emit")) {
      emit = v, i++;
    } else if (v && !strcmp(a, "--compile")) {
      compile = v, i++;
    } else {
      usage(stderr);
      return 2;
    }
  }
  if (small < 0)
    small = lines / 4;
  if (lines < 1 || small < 1 || runs < 1) {
    usage(stderr);
    return 2;
  }
  if (emit)
    return write_input(emit, lines) < 0;
  if (compile)
    return compile_here(compile, runs);

  const char *tmpdir = getenv("TMPDIR");
  char dirbuf[4096];
  snprintf(dirbuf, sizeof dirbuf, "%s/cuwasm-bench-XXXXXX", tmpdir && *tmpdir ? tmpdir : "/tmp");
  char *d = mkdtemp(dirbuf);
  if (!d) {
    fprintf(stderr, "bench_front: mkdtemp: %s\n", strerror(errno));
    return 1;
  }

  long sizes[2] = {small, lines};
  Result res[2];
  long nlines[2], nbytes[2];
  char paths[2][4200] = {{0}};
  int rc = 0;
  printf("cuwasm %s front end (preprocess + parse + sema + KIR), best of %d runs\n",
         cw_version(), runs);
  printf("%10s %10s %10s %14s %12s %10s\n", "lines", "MiB", "best s", "lines/s",
         "peak RSS MiB", "bytes/line");
  for (int k = 0; k < 2 && rc == 0; k++) {
    snprintf(paths[k], sizeof paths[k], "%s/front_%ld.cu", d, sizes[k]);
    nlines[k] = write_input(paths[k], sizes[k]);
    nbytes[k] = file_size(paths[k]);
    if (nlines[k] < 0 || measure_in_child(paths[k], runs, &res[k]) != 0) {
      rc = 1;
      break;
    }
    if (!res[k].ok) {
      fprintf(stderr, "bench_front: %s does not compile:\n%s\n", paths[k], res[k].diag);
      rc = 1;
      break;
    }
    double per_line = (double)(res[k].peak_kib - res[k].base_kib) * 1024.0 / (double)nlines[k];
    printf("%10ld %10.1f %10.3f %14.0f %12.1f %10.0f\n", nlines[k], nbytes[k] / 1048576.0,
           res[k].best_s, (double)nlines[k] / res[k].best_s, res[k].peak_kib / 1024.0,
           per_line);
  }
  if (rc == 0) {
    double lps = (double)nlines[1] / res[1].best_s;
    double m0 = (double)(res[0].peak_kib - res[0].base_kib) / (double)nlines[0];
    double m1 = (double)(res[1].peak_kib - res[1].base_kib) / (double)nlines[1];
    printf("memory per line, large/small: %.2f (1.00 = linear)\n", m0 > 0 ? m1 / m0 : 0.0);
    printf("SUMMARY front end: %.0f lines/s on %ld lines (median %.0f), peak RSS %.1f MiB "
           "(%.0f B/line); goal >= %.0f lines/s: %s\n",
           lps, nlines[1], (double)nlines[1] / res[1].median_s, res[1].peak_kib / 1024.0,
           m1 * 1024.0, GOAL_LINES_PER_SEC, lps >= GOAL_LINES_PER_SEC ? "MET" : "NOT MET");
  }
  if (keep) {
    printf("inputs kept in %s\n", d);
  } else {
    for (int k = 0; k < 2; k++)
      if (paths[k][0])
        unlink(paths[k]);
    rmdir(d);
  }
  return rc;
}
