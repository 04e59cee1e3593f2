/*
 * test_walk_calls.c — kir_walk_any_through_calls (src/kir/passes/walk.c),
 * the walk the C emitter's ivdep test and group test make through the
 * device functions a kernel calls, on a chain of functions that each call
 * the next twice: every function is walked once (a walk per call would be
 * 2^12 walks of the last one), a warp shuffle at the end of the chain is
 * still found from the kernel, a recursive function counts as found (the
 * walk cannot see its end), and a clean chain is reported clean; and a
 * function found clean where it was first called stays clean where it is
 * called again past the depth limit (16 calls down).
 */
#include "api/program.h"
#include "kir/passes/splits.h"
#include "kir/passes/walk.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;
#define CHECK(cond, ...) do { if (cond) passed++; else { failed++; printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); printf("\n"); } } while (0)

#define DEPTH 12

/* f0 .. f{DEPTH-1}: each calls the next twice; the last one, `leaf`, is
 * plain arithmetic or a warp shuffle; `rec` calls itself. */
static char *chain_source(const char *leaf) {
  size_t cap = 4096 + DEPTH * 160;
  char *s = malloc(cap);
  size_t n = (size_t)snprintf(s, cap, "__device__ int f%d(int x) { return %s; }\n", DEPTH - 1, leaf);
  for (int i = DEPTH - 2; i >= 0; i--)
    n += (size_t)snprintf(s + n, cap - n, "__device__ int f%d(int x) { return f%d(x) + f%d(x + 1); }\n", i, i + 1, i + 1);
  snprintf(s + n, cap - n,
           "__device__ int rec(int x) { return x > 0 ? rec(x - 1) + 1 : 0; }\n"
           "__global__ void chain(int *out) { out[threadIdx.x] = f0(threadIdx.x); }\n"
           "__global__ void recursive(int *out) { out[threadIdx.x] = rec(threadIdx.x); }\n");
  return s;
}

/* g0 .. g15 each call the next; g15 calls x, which the kernel called first */
static char *deep_source(void) {
  size_t cap = 4096;
  char *s = malloc(cap);
  size_t n = (size_t)snprintf(s, cap, "__device__ int x(int v) { return v * 5; }\n"
                                      "__device__ int g15(int v) { return x(v) + 1; }\n");
  for (int i = 14; i >= 0; i--)
    n += (size_t)snprintf(s + n, cap - n, "__device__ int g%d(int v) { return g%d(v) + 1; }\n", i, i + 1);
  snprintf(s + n, cap - n, "__global__ void deep(int *out) { out[threadIdx.x] = x(threadIdx.x) + g0(threadIdx.x); }\n");
  return s;
}

typedef struct Counts { int calls; } Counts;

static bool count_calls(const KExpr *e, void *ctx) {
  if (e->kind == KE_CALL) ((Counts *)ctx)->calls++;
  return false;
}

static bool shuffle(const KExpr *e, void *ctx) {
  (void)ctx;
  return kir_is_collective(e);
}

static const KFunc *kernel(KModule *m, const char *name) {
  for (int i = 0; i < m->funcs.len; i++) {
    const KFunc *f = m->funcs.items[i];
    if ((f->flags & KF_GLOBAL) && !strcmp(f->name, name)) return f;
  }
  return NULL;
}

static KModule *compile(char *src, cw_program **p) {
  cw_diags *d = cw_diags_new();
  *p = NULL;
  cw_status st = cw_compile_source("chain.cu", src, strlen(src), NULL, d, p);
  free(src);
  if (st != CW_OK) {
    char *r = cw_diags_render(d);
    printf("FAIL: the front end rejects the chain\n%s", r);
    free(r);
    cw_diags_free(d);
    return NULL;
  }
  cw_diags_free(d);
  return cw_program_module(*p);
}

int main(void) {
  cw_program *p1, *p2, *p3;
  KModule *plain = compile(chain_source("x * 3 + 1"), &p1);
  KModule *shfl = compile(chain_source("__shfl_xor_sync(0xffffffffu, x, 1)"), &p2);
  KModule *deep = compile(deep_source(), &p3);
  if (!plain || !shfl || !deep) return 1;
  const KFunc *k = kernel(plain, "chain"), *r = kernel(plain, "recursive"), *ks = kernel(shfl, "chain");
  CHECK(k && r && ks, "kernels chain and recursive in the modules");
  if (!k || !r || !ks) return 1;

  Counts c = {0};
  CHECK(!kir_walk_any_through_calls(k->body, count_calls, NULL, &c), "a chain of plain arithmetic is clean");
  /* the kernel's call, then two in each function but the last, each seen
   * once where its function is walked once; the second call of each pair
   * finds its callee already walked */
  CHECK(c.calls == 1 + 2 * (DEPTH - 1), "each function walked once: %d calls seen, want %d", c.calls,
        1 + 2 * (DEPTH - 1));
  CHECK(kir_walk_any_through_calls(ks->body, shuffle, NULL, NULL), "the shuffle %d calls down is found", DEPTH);
  CHECK(kir_walk_any_through_calls(r->body, count_calls, NULL, &(Counts){0}),
        "a recursive call counts as found: its end is not seen");

  const KFunc *kd = kernel(deep, "deep");
  CHECK(kd && !kir_walk_any_through_calls(kd->body, count_calls, NULL, &(Counts){0}),
        "x, clean where the kernel calls it, stays clean 16 calls down");

  cw_program_free(p1);
  cw_program_free(p3);
  cw_program_free(p2);
  printf("walk_calls: %d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
