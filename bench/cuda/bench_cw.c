/*
 * bench_cw.c — the cuwasm side of the CUDA backend benchmark: the kernels
 * of kernels.cu loaded through the public API on the "cuda" backend (NVRTC
 * of the same source), each launch timed wall-clock to completion (the
 * backend synchronizes), plus launch latency, copies from pageable memory
 * (host-to-device also with the driver's own staging and with ours on one
 * thread, each checked: the data read back must be what was sent)
 * and NVRTC compile time cold (no cache) and from the cubin cache.
 * Prints "name seconds" lines like bench_native.
 *   bench_cw [kernels.cu [BACKEND]]     (BACKEND: cuda by default)
 *
 * Every kernel's result is read back after its timed launches and checked
 * against a C computation of what those launches must leave (inputs are
 * small integers, so most results are exact): a wrong result prints
 * "error NAME: ..." on stderr and the program exits 1, so a fast but wrong
 * backend never produces a figure that run.sh reports.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cuwasm.h"

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

static char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  *n = (size_t)ftell(f);
  fseek(f, 0, SEEK_SET);
  char *b = malloc(*n + 1);
  if (b && fread(b, 1, *n, f) != *n) *n = 0;
  fclose(f);
  return b;
}

static cw_context *ctx;
static cw_module *mod;
static int wrong; /* kernels whose result was wrong */

/* Reads n floats back from device pointer d (exits on failure). */
static float *back(const void *d, size_t n) {
  float *h = malloc(n * 4);
  if (!h || cw_memcpy_dtoh(ctx, h, d, n * 4) != CW_OK) {
    printf("error reading back: %s\n", cw_last_error_message(ctx));
    exit(1);
  }
  return h;
}

/* Counts a wrong result; prints the first bad element. */
static void verdict(const char *name, long bad, long first, double got, double want) {
  if (!bad) return;
  fprintf(stderr, "error %s: %ld wrong results, first [%ld] = %.9g, expected %.9g\n", name, bad,
          first, got, want);
  wrong++;
}

static double run(const char *name, int reps, unsigned gx, unsigned gy, unsigned bx, unsigned by,
                  void **args) {
  cw_kernel *k;
  if (cw_kernel_get(mod, name, &k) != CW_OK) {
    printf("error no kernel %s\n", name);
    exit(1);
  }
  unsigned g[3] = {gx, gy, 1}, b[3] = {bx, by, 1};
  cw_launch(k, g, b, 0, NULL, args);
  cw_synchronize(ctx);
  double t0 = now();
  for (int r = 0; r < reps; r++) {
    if (cw_launch(k, g, b, 0, NULL, args) != CW_OK || cw_synchronize(ctx) != CW_OK) {
      printf("error %s\n", cw_last_error_message(ctx));
      exit(1);
    }
  }
  return (now() - t0) / reps;
}

/* ---- inputs and the results the timed launches must leave ---- */

/* 4096 % 11 != 1: x[r][c] and x[c][r] differ, so a transposed read shows */
static float in_x(long i) { return (float)(i % 11); }
static float in_a(long i) { return (float)(i % 3); }
static float in_b(long i) { return (float)(i % 5) - 2.0f; }
static unsigned in_u(long i) { return (unsigned)i * 2654435761u; }

static void upload(void *d, const void *h, size_t bytes) {
  if (cw_memcpy_htod(ctx, d, h, bytes) != CW_OK) {
    printf("error uploading: %s\n", cw_last_error_message(ctx));
    exit(1);
  }
}

static void fill_inputs(int n, int m, void *x, void *y, void *A, void *B, void *u, void *o,
                        void *bins) {
  float *h = malloc((size_t)n * 4);
  unsigned *hu = (unsigned *)h;
  if (!h) exit(1);
  for (long i = 0; i < n; i++) h[i] = in_x(i);
  upload(x, h, (size_t)n * 4);
  for (long i = 0; i < n; i++) h[i] = 1.0f;
  upload(y, h, (size_t)n * 4);
  for (long i = 0; i < (long)m * m; i++) h[i] = in_a(i);
  upload(A, h, (size_t)m * m * 4);
  for (long i = 0; i < (long)m * m; i++) h[i] = in_b(i);
  upload(B, h, (size_t)m * m * 4);
  for (long i = 0; i < n; i++) hu[i] = in_u(i);
  upload(u, hu, (size_t)n * 4);
  free(h);
  cw_memset(ctx, o, 0, 4);
  cw_memset(ctx, bins, 0, 1024);
}

/* y starts at 1 and every launch adds a*x: exact small integers. */
static void check_saxpy(int n, float a, int launches, const void *y) {
  float *h = back(y, (size_t)n);
  long bad = 0, first = 0;
  for (long i = 0; i < n; i++)
    if (h[i] != 1.0f + (float)launches * a * in_x(i) && !bad++) first = i;
  verdict("saxpy", bad, first, h[first], 1.0f + (float)launches * a * in_x(first));
  free(h);
}

/* Every 61st element of C, computed in double (the sums are exact). */
static void check_sgemm(int m, const void *C) {
  float *h = back(C, (size_t)m * m);
  long bad = 0, first = 0;
  double want0 = 0;
  for (long e = 0; e < (long)m * m; e += 61) {
    long r = e / m, c = e % m;
    double acc = 0;
    for (long k = 0; k < m; k++) acc += (double)in_a(r * m + k) * in_b(k * m + c);
    if (h[e] != (float)acc && !bad++) first = e, want0 = acc;
  }
  verdict("sgemm_tiled", bad, first, h[first], want0);
  free(h);
}

/* out accumulates every launch's float sum: relative 1e-4. */
static void check_reduce(int n, int launches, const void *o) {
  float *h = back(o, 1);
  double s = 0;
  for (long i = 0; i < n; i++) s += in_x(i);
  double want = s * launches;
  verdict("reduce_sum", fabs(h[0] - want) > 1e-4 * want, 0, h[0], want);
  free(h);
}

static void check_transpose(int tn, const void *y) {
  float *h = back(y, (size_t)tn * tn);
  long bad = 0, first = 0;
  for (long r = 0; r < tn; r++)
    for (long c = 0; c < tn; c++)
      if (h[r * tn + c] != in_x(c * tn + r) && !bad++) first = r * tn + c;
  verdict("transpose", bad, first, h[first], in_x((first % tn) * tn + first / tn));
  free(h);
}

/* bins accumulate every launch's counts of in_u & 255. */
static void check_histogram(int n, int launches, const void *bins) {
  unsigned *h = (unsigned *)back(bins, 256), want[256] = {0};
  for (long i = 0; i < n; i++) want[in_u(i) & 255u]++;
  long bad = 0, first = 0;
  for (int k = 0; k < 256; k++)
    if (h[k] != want[k] * (unsigned)launches && !bad++) first = k;
  verdict("histogram", bad, first, h[first], (double)want[first] * launches);
  free(h);
}

static double load_module(const char *src, size_t n, int cached) {
  if (!cached) setenv("CUWASM_NO_CACHE", "1", 1);
  else unsetenv("CUWASM_NO_CACHE");
  cw_diags *d = cw_diags_new();
  double t0 = now();
  cw_module *m;
  if (cw_module_load_source(ctx, "kernels.cu", src, n, NULL, d, &m) != CW_OK) {
    char *r = cw_diags_render(d);
    printf("error %s\n%s\n", cw_last_error_message(ctx), r);
    exit(1);
  }
  double t = now() - t0;
  if (mod) cw_module_free(mod);
  mod = m;
  cw_diags_free(d);
  return t;
}

/* Seconds per host-to-device copy of BYTES from pageable H to device X of
 * context C: two untimed (the first goes to the driver while the staging
 * buffers are pinned in the background, the second waits for them), then
 * the mean of 10. */
static double h2d_pageable(cw_context *c, void *x, const float *h, size_t bytes) {
  cw_memcpy_htod(c, x, h, bytes);
  cw_memcpy_htod(c, x, h, bytes);
  double t0 = now();
  for (int r = 0; r < 10; r++) cw_memcpy_htod(c, x, h, bytes);
  return (now() - t0) / 10;
}

/* Counts a copy whose data did not arrive: X read back must be H. */
static void check_h2d(const char *name, cw_context *c, const void *x, const float *h,
                      size_t bytes) {
  float *got = malloc(bytes);
  if (!got || cw_memcpy_dtoh(c, got, x, bytes) != CW_OK) {
    printf("error reading back: %s\n", cw_last_error_message(c));
    exit(1);
  }
  long bad = 0, first = -1;
  for (size_t i = 0; i < bytes / 4; i++)
    if (got[i] != h[i] && !bad++) first = (long)i;
  verdict(name, bad, first, bad ? got[first] : 0, bad ? h[first] : 0);
  free(got);
}

/* h2d_pageable on a second context opened with VAR=VALUE set:
 * CUWASM_CUDA_STAGING=0 (the driver's own staging) or
 * CUWASM_CUDA_STAGING_THREADS=N (ours, N memcpy threads). */
static double h2d_pageable_with(const char *backend, const char *var, const char *value,
                                const float *h, size_t bytes) {
  setenv(var, value, 1);
  cw_context *c = NULL;
  cw_buffer *b = NULL;
  double t = -1;
  if (cw_context_new(backend, &c) == CW_OK && cw_buffer_alloc(c, bytes, &b) == CW_OK) {
    t = h2d_pageable(c, cw_buffer_ptr(b), h, bytes);
    char name[96];
    snprintf(name, sizeof name, "h2d_pageable with %s=%s", var, value);
    check_h2d(name, c, cw_buffer_ptr(b), h, bytes);
  }
  if (b) cw_buffer_free(b);
  if (c) cw_context_free(c);
  unsetenv(var);
  return t;
}

int main(int argc, char **argv) {
  size_t n;
  char *src = slurp(argc > 1 ? argv[1] : "kernels.cu", &n);
  /* argv[2]: another backend ("cpu"), to try the checks without a GPU */
  const char *backend = argc > 2 ? argv[2] : "cuda";
  if (!src || cw_context_new(backend, &ctx) != CW_OK) {
    printf("error %s\n", cw_last_error_message(NULL));
    return 1;
  }
  printf("nvrtc_cold %.9f\n", load_module(src, n, 0));
  printf("nvrtc_cached %.9f\n", load_module(src, n, 1));
  int N = 1 << 24, M = 1024, TN = 4096;
  enum { L_SAXPY = 51, L_SGEMM = 11, L_REDUCE = 51, L_TRANSPOSE = 21, L_HIST = 51 }; /* reps + warm-up */
  cw_buffer *bx, *by, *bA, *bB, *bC, *bo, *bu, *bb;
  cw_buffer_alloc(ctx, (size_t)N * 4, &bx);
  cw_buffer_alloc(ctx, (size_t)N * 4, &by);
  cw_buffer_alloc(ctx, 4, &bo);
  cw_buffer_alloc(ctx, (size_t)M * M * 4, &bA);
  cw_buffer_alloc(ctx, (size_t)M * M * 4, &bB);
  cw_buffer_alloc(ctx, (size_t)M * M * 4, &bC);
  cw_buffer_alloc(ctx, (size_t)N * 4, &bu);
  cw_buffer_alloc(ctx, 1024, &bb);
  void *x = cw_buffer_ptr(bx), *y = cw_buffer_ptr(by), *A = cw_buffer_ptr(bA), *B = cw_buffer_ptr(bB);
  void *C = cw_buffer_ptr(bC), *o = cw_buffer_ptr(bo), *u = cw_buffer_ptr(bu), *bins = cw_buffer_ptr(bb);
  fill_inputs(N, M, x, y, A, B, u, o, bins);
  float a = 2.0f;
  void *sx[] = {&N, &a, &x, &y};
  printf("saxpy %.9f\n", run("saxpy", L_SAXPY - 1, (unsigned)N / 256, 1, 256, 1, sx));
  check_saxpy(N, a, L_SAXPY, y);
  void *sg[] = {&M, &A, &B, &C};
  printf("sgemm_tiled %.9f\n", run("sgemm_tiled", L_SGEMM - 1, (unsigned)M / 16, (unsigned)M / 16, 16, 16, sg));
  check_sgemm(M, C);
  void *rs[] = {&x, &o, &N};
  printf("reduce_sum %.9f\n", run("reduce_sum", L_REDUCE - 1, 1024, 1, 256, 1, rs));
  check_reduce(N, L_REDUCE, o);
  void *tr[] = {&TN, &x, &y};
  printf("transpose %.9f\n", run("transpose", L_TRANSPOSE - 1, (unsigned)TN / 16, (unsigned)TN / 16, 16, 16, tr));
  check_transpose(TN, y);
  void *hi[] = {&u, &bins, &N};
  printf("histogram %.9f\n", run("histogram", L_HIST - 1, 1024, 1, 256, 1, hi));
  check_histogram(N, L_HIST, bins);
  printf("launch %.9f\n", run("empty_kernel", 2000, 1, 1, 1, 1, NULL));
  /* copies: one untimed first (as bench_native does), then 10 timed */
  size_t bytes = (size_t)N * 4;
  float *h = malloc(bytes);
  for (int i = 0; i < N; i++) h[i] = (float)(i % 65521); /* touched: real pages */
  printf("h2d_pageable %.9f\n", h2d_pageable(ctx, x, h, bytes));
  check_h2d("h2d_pageable", ctx, x, h, bytes);
  if (!strcmp(backend, "cuda")) {
    /* the same copy on a second context of the GPU with the driver's own
     * staging, and with ours on 1, 2 and 8 memcpy threads (the default is
     * half the cores, at most 4): before and after in one run (run.sh
     * compares each with nvcc's h2d_pageable) */
    double t = h2d_pageable_with(backend, "CUWASM_CUDA_STAGING", "0", h, bytes);
    if (t > 0) printf("h2d_pageable_driver %.9f\n", t);
    static const char *const threads[] = {"1", "2", "8"};
    for (int i = 0; i < 3; i++) {
      t = h2d_pageable_with(backend, "CUWASM_CUDA_STAGING_THREADS", threads[i], h, bytes);
      if (t > 0) printf("h2d_pageable_%sthread%s %.9f\n", threads[i], i ? "s" : "", t);
    }
  }
  cw_memcpy_dtoh(ctx, h, x, bytes);
  double t0 = now();
  for (int r = 0; r < 10; r++) cw_memcpy_dtoh(ctx, h, x, bytes);
  printf("d2h_pageable %.9f\n", (now() - t0) / 10);
  cw_buffer *pin;
  if (cw_buffer_alloc_kind(ctx, CW_MEM_HOST, (size_t)N * 4, &pin) == CW_OK) {
    void *hp = cw_buffer_ptr(pin);
    cw_memcpy_htod(ctx, x, hp, bytes);
    t0 = now();
    for (int r = 0; r < 10; r++) cw_memcpy_htod(ctx, x, hp, bytes);
    printf("h2d_pinned %.9f\n", (now() - t0) / 10);
    cw_memcpy_dtoh(ctx, hp, x, bytes);
    t0 = now();
    for (int r = 0; r < 10; r++) cw_memcpy_dtoh(ctx, hp, x, (size_t)N * 4);
    printf("d2h_pinned %.9f\n", (now() - t0) / 10);
    cw_buffer_free(pin);
  }
  cw_module_free(mod);
  cw_context_free(ctx);
  if (wrong) fprintf(stderr, "error: %d kernel(s) or copies computed wrong results\n", wrong);
  else fprintf(stderr, "all 5 kernels' results and the host-to-device copies verified\n");
  return wrong ? 1 : 0;
}
