/*
 * bench_cw.c — the cuwasm side of the CUDA backend benchmark: the kernels
 * of kernels.cu loaded through the public API on the "cuda" backend (NVRTC
 * of the same source), each launch timed wall-clock to completion (the
 * backend synchronizes), plus launch latency, copies from pageable memory
 * and NVRTC compile time cold (no cache) and from the cubin cache.
 * Prints "name seconds" lines like bench_native.
 */
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

int main(int argc, char **argv) {
  size_t n;
  char *src = slurp(argc > 1 ? argv[1] : "kernels.cu", &n);
  if (!src || cw_context_new("cuda", &ctx) != CW_OK) {
    printf("error %s\n", cw_last_error_message(NULL));
    return 1;
  }
  printf("nvrtc_cold %.9f\n", load_module(src, n, 0));
  printf("nvrtc_cached %.9f\n", load_module(src, n, 1));
  int N = 1 << 24, M = 1024, TN = 4096;
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
  cw_memset(ctx, x, 0, (size_t)N * 4);
  cw_memset(ctx, y, 0, (size_t)N * 4);
  cw_memset(ctx, u, 0, (size_t)N * 4);
  float a = 2.0f;
  void *sx[] = {&N, &a, &x, &y};
  printf("saxpy %.9f\n", run("saxpy", 50, (unsigned)N / 256, 1, 256, 1, sx));
  void *sg[] = {&M, &A, &B, &C};
  printf("sgemm_tiled %.9f\n", run("sgemm_tiled", 10, (unsigned)M / 16, (unsigned)M / 16, 16, 16, sg));
  void *rs[] = {&x, &o, &N};
  printf("reduce_sum %.9f\n", run("reduce_sum", 50, 1024, 1, 256, 1, rs));
  void *tr[] = {&TN, &x, &y};
  printf("transpose %.9f\n", run("transpose", 20, (unsigned)TN / 16, (unsigned)TN / 16, 16, 16, tr));
  void *hi[] = {&u, &bins, &N};
  printf("histogram %.9f\n", run("histogram", 50, 1024, 1, 256, 1, hi));
  printf("launch %.9f\n", run("empty_kernel", 2000, 1, 1, 1, 1, NULL));
  float *h = malloc((size_t)N * 4);
  memset(h, 0, (size_t)N * 4);
  double t0 = now();
  for (int r = 0; r < 10; r++) cw_memcpy_htod(ctx, x, h, (size_t)N * 4);
  printf("h2d_pageable %.9f\n", (now() - t0) / 10);
  t0 = now();
  for (int r = 0; r < 10; r++) cw_memcpy_dtoh(ctx, h, x, (size_t)N * 4);
  printf("d2h_pageable %.9f\n", (now() - t0) / 10);
  cw_buffer *pin;
  if (cw_buffer_alloc_kind(ctx, CW_MEM_HOST, (size_t)N * 4, &pin) == CW_OK) {
    void *hp = cw_buffer_ptr(pin);
    t0 = now();
    for (int r = 0; r < 10; r++) cw_memcpy_htod(ctx, x, hp, (size_t)N * 4);
    printf("h2d_pinned %.9f\n", (now() - t0) / 10);
    t0 = now();
    for (int r = 0; r < 10; r++) cw_memcpy_dtoh(ctx, hp, x, (size_t)N * 4);
    printf("d2h_pinned %.9f\n", (now() - t0) / 10);
    cw_buffer_free(pin);
  }
  cw_module_free(mod);
  cw_context_free(ctx);
  return 0;
}
