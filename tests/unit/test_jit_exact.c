/*
 * test_jit_exact.c — kernels' exact copies built apart, on demand
 * (rt/cpu/exact.c, jit.c's cpu_jit_load_exact).  A module with no state of
 * its own leaves the exact copies (blocks past blockIdx.x 2^21) out of its
 * object: launches of narrower grids never build them; the first wider
 * launch builds the second object, cached beside the first, and runs the
 * blocks on both sides of 2^21 right; a later load of the same source in
 * a new context finds both objects in the cache and builds nothing (the
 * files keep their inodes).  A module with a __device__ variable keeps
 * its exact copies in its object (a second object would have its own
 * copy of the variable) and still counts right past 2^21.  When the
 * cached C of the first object is gone, a wide launch fails with a
 * message naming the file, never calls a missing copy.
 */
#include "cuwasm.h"

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int passed, failed;
#define CHECK(cond, ...) do { if (cond) passed++; else { failed++; printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); printf("\n"); } } while (0)

static char root[256], cache[300];

/* stateless: each block's thread 1 above 2^21 - 2 writes its global id */
static const char *stateless =
    "__global__ void wide(unsigned *out, int *count) {\n"
    "  unsigned i = blockIdx.x * blockDim.x + threadIdx.x;\n"
    "  if (blockIdx.x >= (1u << 21) - 2 && threadIdx.x == 1) out[blockIdx.x - ((1u << 21) - 2)] = i;\n"
    "  atomicAdd(count, 1);\n"
    "}\n";

static const char *stateful =
    "__device__ int total;\n"
    "__global__ void wide(unsigned *out, int *count) {\n"
    "  unsigned i = blockIdx.x * blockDim.x + threadIdx.x;\n"
    "  if (blockIdx.x >= (1u << 21) - 2 && threadIdx.x == 1) out[blockIdx.x - ((1u << 21) - 2)] = i;\n"
    "  atomicAdd(&total, 1);\n"
    "  (void)count;\n"
    "}\n";

/* The one cache file whose name ends in suffix (path in out), or "". */
static int find_file(const char *suffix, char *out, size_t n) {
  int found = 0;
  out[0] = 0;
  DIR *d = opendir(cache);
  if (!d) return 0;
  size_t ls = strlen(suffix);
  for (struct dirent *e; (e = readdir(d));) {
    size_t len = strlen(e->d_name);
    if (len == 32 + ls && !strcmp(e->d_name + 32, suffix)) {
      snprintf(out, n, "%s/%s", cache, e->d_name);
      found++;
    }
  }
  closedir(d);
  return found;
}

static unsigned long long ino_of(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 ? (unsigned long long)st.st_ino : 0;
}

static cw_module *load(cw_context *ctx, const char *text) {
  cw_diags *d = cw_diags_new();
  cw_module *m = NULL;
  cw_status st = cw_module_load_source(ctx, "exact.cu", text, strlen(text), NULL, d, &m);
  CHECK(st == CW_OK, "load: %s", cw_last_error_message(ctx));
  cw_diags_free(d);
  return st == CW_OK ? m : NULL;
}

/* Launches wide over gx blocks of 2 threads: CW_OK and the outputs right,
 * or the launch's status (message in msg). */
static cw_status launch(cw_context *ctx, cw_module *m, unsigned gx, bool counts,
                        char *msg, size_t msgn) {
  cw_kernel *k;
  msg[0] = 0;
  if (cw_kernel_get(m, "wide", &k) != CW_OK) return CW_ERR_NOT_FOUND;
  cw_buffer *bo, *bc;
  cw_buffer_alloc(ctx, 8 * 4, &bo);
  cw_buffer_alloc(ctx, 4, &bc);
  void *po = cw_buffer_ptr(bo), *pc = cw_buffer_ptr(bc);
  cw_memset(ctx, po, 0, 32);
  cw_memset(ctx, pc, 0, 4);
  void *args[] = {&po, &pc};
  unsigned g[3] = {gx, 1, 1}, b[3] = {2, 1, 1};
  cw_status st = cw_launch(k, g, b, 0, NULL, args);
  if (st == CW_OK) st = cw_synchronize(ctx);
  if (st != CW_OK) {
    snprintf(msg, msgn, "%s", cw_last_error_message(ctx));
  } else {
    unsigned o[8];
    int c;
    cw_memcpy_dtoh(ctx, o, po, 32);
    cw_memcpy_dtoh(ctx, &c, pc, 4);
    if (counts) CHECK(c == 2 * (int)gx, "%u blocks ran %d threads", gx, c);
    unsigned past = gx > (1u << 21) - 2 ? gx - ((1u << 21) - 2) : 0;
    for (unsigned j = 0; j < 8 && j < past; j++)
      CHECK(o[j] == ((1u << 21) - 2 + j) * 2 + 1, "block %u wrote %u", (1u << 21) - 2 + j, o[j]);
  }
  cw_buffer_free(bo);
  cw_buffer_free(bc);
  return st;
}

static void test_stateless(void) {
  cw_context *ctx;
  char msg[512], so[600], exact[600];
  if (cw_context_new("cpu", &ctx) != CW_OK) return;
  cw_module *m = load(ctx, stateless);
  if (!m) return;
  CHECK(launch(ctx, m, 1000, true, msg, sizeof msg) == CW_OK, "narrow: %s", msg);
  CHECK(find_file(".so", so, sizeof so) == 1, "one object after the load");
  CHECK(find_file("-exact.so", exact, sizeof exact) == 0, "no exact copies before a wide launch");
  CHECK(launch(ctx, m, (1u << 21) + 6, true, msg, sizeof msg) == CW_OK, "wide: %s", msg);
  CHECK(find_file("-exact.so", exact, sizeof exact) == 1, "the exact copies' object, cached");
  CHECK(launch(ctx, m, (1u << 21) + 3, true, msg, sizeof msg) == CW_OK, "wide again: %s", msg);
  cw_module_free(m);
  cw_context_free(ctx);
  unsigned long long so_ino = ino_of(so), exact_ino = ino_of(exact);
  /* a new context: both objects from the cache, nothing rebuilt */
  if (cw_context_new("cpu", &ctx) != CW_OK) return;
  m = load(ctx, stateless);
  if (m) {
    CHECK(launch(ctx, m, (1u << 21) + 6, true, msg, sizeof msg) == CW_OK, "cached wide: %s", msg);
    cw_module_free(m);
  }
  CHECK(ino_of(so) == so_ino && ino_of(exact) == exact_ino, "cache hits rebuilt an object");
  /* without the cached C, a wide launch is an error naming it */
  char c[600];
  CHECK(find_file(".c", c, sizeof c) == 1, "the cached C");
  unlink(c);
  unlink(exact);
  m = load(ctx, stateless);
  if (m) {
    cw_status st = launch(ctx, m, (1u << 21) + 6, false, msg, sizeof msg);
    CHECK(st != CW_OK && strstr(msg, c) != NULL, "wide launch without the C: %d '%s'", st, msg);
    CHECK(launch(ctx, m, 1000, true, msg, sizeof msg) == CW_OK, "narrow still runs: %s", msg);
    cw_module_free(m);
  }
  cw_context_free(ctx);
}

static void test_stateful(void) {
  cw_context *ctx;
  char msg[512], exact[600];
  if (cw_context_new("cpu", &ctx) != CW_OK) return;
  cw_module *m = load(ctx, stateful);
  if (!m) return;
  unsigned gx = (1u << 21) + 6;
  CHECK(launch(ctx, m, gx, false, msg, sizeof msg) == CW_OK, "stateful wide: %s", msg);
  void *sym;
  size_t ss;
  int total = 0;
  CHECK(cw_module_symbol(m, "total", &sym, &ss) == CW_OK, "symbol");
  cw_memcpy_dtoh(ctx, &total, sym, 4);
  CHECK(total == 2 * (int)gx, "__device__ total %d after %u blocks", total, gx);
  CHECK(find_file("-exact.so", exact, sizeof exact) == 0, "a module with state builds no second object");
  cw_module_free(m);
  cw_context_free(ctx);
}

int main(void) {
  snprintf(root, sizeof root, "/tmp/cuwasm_exact_XXXXXX");
  if (!mkdtemp(root)) {
    printf("mkdtemp failed\n0 passed, 1 failed\n");
    return 1;
  }
  setenv("XDG_CACHE_HOME", root, 1);
  snprintf(cache, sizeof cache, "%s/cuwasm", root);
  test_stateless();
  char cmd[400];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'/cuwasm/*", root); /* the stateful module alone */
  if (system(cmd) != 0) printf("could not empty %s\n", cache);
  test_stateful();
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
  if (system(cmd) != 0) printf("could not remove %s\n", root);
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
