/*
 * test_emit_limits.c — the C emitter has no nesting limit: kernels whose
 * switches and barrier-carrying branches nest 66 deep (beyond the 64 entries
 * the break/continue target stack and the guard stack once had, where
 * guard_text dropped predicates and emit_jump read past the array) compile
 * and compute what CUDA says, on the CPU backend.
 *
 * The sources are generated here (deeply nested loops would do too, but
 * the C compiler's loop optimiser takes minutes on 30 of them):
 *   guards    66 nested `if (g[0] > K)` around a barrier; a predicate held
 *             in memory is not provably uniform, so each if becomes a
 *             guard of the per-thread loops inside.  g[0] = 65 (the
 *             innermost predicate false) must leave out[] untouched,
 *             g[0] = 100 must set it (dropping guard 64 or 65 would set
 *             it for 65 too).
 *   switches  a loop with a barrier (a per-thread state loop) around 65
 *             nested switches whose innermost case `continue`s the loop:
 *             the jump must find the loop 66 targets down the stack.
 *   device    the same without the barrier in a __device__ function
 *             (plain C loop and switches).
 */
#include "cuwasm.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef DEPTH
#define DEPTH 66 /* beyond the old stacks' 64 entries */
#endif
enum { NT = 64 };

static int passed, failed;
#define CHECK(cond, ...) do { if (cond) passed++; else { failed++; printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); printf("\n"); } } while (0)

/* Appends printf-formatted text to a growing string. */
static void cat(char **s, size_t *len, const char *fmt, int k) {
  char piece[160];
  int n = snprintf(piece, sizeof piece, fmt, k, k, k, k);
  char *g = realloc(*s, *len + (size_t)n + 1);
  if (!g) { free(*s); *s = NULL; return; }
  memcpy(g + *len, piece, (size_t)n + 1);
  *s = g;
  *len += (size_t)n;
}

/* A loop of 3 trips around DEPTH - 1 nested switches on g[1]; the
 * innermost case continues the loop on the first trip, so out[t] ends
 * 1 + 2 * 111 = 223 when g[1] == 1 (300 when no case matches). */
static void switches(char **s, size_t *len, bool barrier) {
  cat(s, len, "  for (int i = 0; i < 3; i++) {\n", 0);
  for (int k = 1; k < DEPTH; k++) cat(s, len, "  switch (g[1]) { case 1: {\n", k);
  cat(s, len, "  out[t] += 1; if (i == 0) continue; out[t] += 10;\n", 0);
  for (int k = 1; k < DEPTH; k++) cat(s, len, "  } }\n", k);
  cat(s, len, barrier ? "  __syncthreads(); out[t] += 100; }\n" : "  out[t] += 100; }\n", 0);
}

/* The source of one kernel, `guards`, `switches` or `device` (see above). */
static char *source(const char *which) {
  char *s = NULL;
  size_t len = 0;
  if (!strcmp(which, "guards")) {
    cat(&s, &len, "__global__ void guards(const int *g, int *out) {\n  int t = threadIdx.x;\n", 0);
    for (int k = 0; k < DEPTH; k++) cat(&s, &len, "  if (g[0] > %d) {\n", k);
    cat(&s, &len, "  out[t] = 1; __syncthreads(); out[t] += 1;\n", 0);
    for (int k = 0; k < DEPTH; k++) cat(&s, &len, "  }\n", k);
    cat(&s, &len, "}\n", 0);
  } else if (!strcmp(which, "switches")) {
    cat(&s, &len, "__global__ void switches(const int *g, int *out) {\n  int t = threadIdx.x;\n", 0);
    switches(&s, &len, true);
    cat(&s, &len, "}\n", 0);
  } else {
    cat(&s, &len, "__device__ void body(const int *g, int *out, int t) {\n", 0);
    switches(&s, &len, false);
    cat(&s, &len, "}\n__global__ void device(const int *g, int *out) { body(g, out, threadIdx.x); }\n", 0);
  }
  return s;
}

/* Launches kernel `name` with g = {g0, g1} over one block of NT threads
 * and returns out[] in res; 0 on success. */
static int run_in(cw_context *ctx, cw_module *mod, const char *name, int g0, int g1, int *res) {
  cw_kernel *k;
  cw_buffer *bg, *bo;
  int gv[2] = {g0, g1};
  unsigned grid[3] = {1, 1, 1}, block[3] = {NT, 1, 1};
  if (cw_kernel_get(mod, name, &k) != CW_OK) return -1;
  if (cw_buffer_alloc(ctx, sizeof gv, &bg) != CW_OK) return -1;
  if (cw_buffer_alloc(ctx, NT * sizeof(int), &bo) != CW_OK) return -1;
  void *pg = cw_buffer_ptr(bg), *po = cw_buffer_ptr(bo), *args[] = {&pg, &po};
  memset(res, 0, NT * sizeof(int));
  int rc = cw_memcpy_htod(ctx, pg, gv, sizeof gv) != CW_OK ||
           cw_memcpy_htod(ctx, po, res, NT * sizeof(int)) != CW_OK ||
           cw_launch(k, grid, block, 0, NULL, args) != CW_OK || cw_synchronize(ctx) != CW_OK ||
           cw_memcpy_dtoh(ctx, res, po, NT * sizeof(int)) != CW_OK;
  cw_buffer_free(bg);
  cw_buffer_free(bo);
  return rc ? -1 : 0;
}

/* How many elements of out[] differ from want(t). */
static int count_bad(const int *out, int w0, int wt) {
  int bad = 0;
  for (int t = 0; t < NT; t++) bad += out[t] != w0 + wt * t;
  return bad;
}

/* Compiles kernel `name` alone (its own module) and runs it; 0 on success. */
static int run(cw_context *ctx, const char *name, int g0, int g1, int *res) {
  char *src = source(name);
  cw_diags *d = cw_diags_new();
  cw_module *mod = NULL;
  int rc = -1;
  if (src && d && cw_module_load_source(ctx, name, src, strlen(src), NULL, d, &mod) == CW_OK)
    rc = run_in(ctx, mod, name, g0, g1, res);
  else if (d) {
    char *txt = cw_diags_render(d);
    printf("%s: %s %s\n", name, txt ? txt : "", cw_last_error_message(ctx));
    free(txt);
  }
  cw_module_free(mod);
  cw_diags_free(d);
  free(src);
  return rc;
}

int main(void) {
  cw_context *ctx;
  if (cw_context_new("cpu", &ctx) != CW_OK) { printf("FAIL no cpu context\n"); return 1; }
  int out[NT];
  CHECK(!run(ctx, "guards", DEPTH - 1, 0, out) && !count_bad(out, 0, 0),
        "guards: the innermost predicate is false, yet out[0] = %d", out[0]);
  CHECK(!run(ctx, "guards", 100, 0, out) && !count_bad(out, 2, 0),
        "guards: all predicates true, out[0] = %d (expected 2)", out[0]);
  CHECK(!run(ctx, "switches", 0, 1, out) && !count_bad(out, 223, 0),
        "switches: out[0] = %d (expected 223)", out[0]);
  CHECK(!run(ctx, "switches", 0, 0, out) && !count_bad(out, 300, 0),
        "switches, no case: out[0] = %d (expected 300)", out[0]);
  CHECK(!run(ctx, "device", 0, 1, out) && !count_bad(out, 223, 0),
        "device function: out[0] = %d (expected 223)", out[0]);
  cw_context_free(ctx);
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
