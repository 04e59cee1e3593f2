/*
 * test_device_link.c — separate compilation through the C API on the CPU
 * backend: relocatable modules that use device functions and variables
 * other modules define (extern __device__), cw_module_link resolving
 * them (overloads by parameter types, variables shared, not copied), and
 * every refusal with its message: kernels of an unlinked module, a symbol
 * nothing defines, a definition that synchronises the block, a whole-
 * program build using an extern, and a target without a linker (WGSL).
 */
#include "cuwasm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;
#define CHECK(cond, ...) do { if (cond) passed++; else { failed++; printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); printf("\n"); } } while (0)

static const char *user_src =
    "extern __device__ int bias;\n"
    "extern __device__ int lut[];\n"
    "__device__ int scale(int x);\n"
    "__device__ float scale(float x);\n"
    "__global__ void apply(int *v, float *f, int n) {\n"
    "  int i = blockIdx.x * blockDim.x + threadIdx.x;\n"
    "  if (i < n) { v[i] = scale(v[i]) + bias + lut[i & 3]; f[i] = scale(f[i]); }\n"
    "}\n"
    "__global__ void set_bias(int b) { bias = b; }\n";

static const char *def_src =
    "__device__ int bias = 7;\n"
    "__device__ int lut[4] = {1, 2, 3, 4};\n"
    "__device__ int scale(int x) { return 3 * x; }\n"
    "__device__ float scale(float x) { return 0.5f * x; }\n"
    "static __device__ int hidden(int x) { return x; }\n"
    "__global__ void unused(int *p) { *p = hidden(1); }\n";

static const char *sync_user_src =
    "__device__ int block_total(int *s, int v);\n"
    "__global__ void sum(int *out) {\n"
    "  __shared__ int s[64];\n"
    "  out[threadIdx.x] = block_total(s, (int)threadIdx.x);\n"
    "}\n";

static const char *sync_def_src =
    "__device__ int block_total(int *s, int v) {\n"
    "  s[threadIdx.x] = v;\n"
    "  __syncthreads();\n"
    "  int t = 0;\n"
    "  for (int k = 0; k < 64; k++) t += s[k];\n"
    "  return t;\n"
    "}\n";

static const char *shared_user_src =
    "__device__ int stage(int v);\n"
    "__global__ void run(int *out) { out[threadIdx.x] = stage((int)threadIdx.x); }\n";

static const char *shared_def_src =
    "__device__ int stage(int v) {\n"
    "  __shared__ int slot[64];\n"
    "  slot[v & 63] = v;\n"
    "  return slot[v & 63] + 1;\n"
    "}\n";

static cw_module *load(cw_context *ctx, const char *name, const char *src) {
  cw_compile_options o;
  memset(&o, 0, sizeof o);
  o.relocatable = 1;
  cw_diags *d = cw_diags_new();
  cw_module *m = NULL;
  cw_status st = cw_module_load_source(ctx, name, src, strlen(src), &o, d, &m);
  if (st != CW_OK) {
    char *r = cw_diags_render(d);
    printf("%s: %s\n%s\n", name, cw_last_error_message(ctx), r ? r : "");
    free(r);
  }
  cw_diags_free(d);
  return m;
}

static void test_link_and_run(cw_context *ctx) {
  cw_module *user = load(ctx, "user.cu", user_src), *def = load(ctx, "def.cu", def_src);
  CHECK(user && def, "relocatable modules load");
  if (!user || !def) return;
  cw_kernel *k;
  CHECK(cw_kernel_get(user, "apply", &k) == CW_ERR_INVALID &&
            strstr(cw_last_error_message(ctx), "cw_module_link"),
        "an unlinked module's kernels are refused: %s", cw_last_error_message(ctx));
  CHECK(cw_kernel_get(def, "unused", &k) == CW_OK, "a module that needs nothing runs unlinked");
  cw_module *both[] = {user, def};
  CHECK(cw_module_link(both, 2) == CW_OK, "link: %s", cw_last_error_message(ctx));
  CHECK(cw_module_link(both, 2) == CW_OK, "link again");
  CHECK(cw_kernel_get(user, "apply", &k) == CW_OK, "kernel after link");
  enum { N = 300 };
  int hv[N];
  float hf[N];
  for (int i = 0; i < N; i++) hv[i] = i, hf[i] = (float)i;
  cw_buffer *bv, *bf;
  cw_buffer_alloc(ctx, sizeof hv, &bv);
  cw_buffer_alloc(ctx, sizeof hf, &bf);
  void *pv = cw_buffer_ptr(bv), *pf = cw_buffer_ptr(bf);
  cw_memcpy_htod(ctx, pv, hv, sizeof hv);
  cw_memcpy_htod(ctx, pf, hf, sizeof hf);
  int n = N;
  void *args[] = {&pv, &pf, &n};
  unsigned g[3] = {(N + 127) / 128, 1, 1}, b[3] = {128, 1, 1};
  CHECK(cw_launch(k, g, b, 0, NULL, args) == CW_OK, "launch: %s", cw_last_error_message(ctx));
  CHECK(cw_synchronize(ctx) == CW_OK, "sync: %s", cw_last_error_message(ctx));
  cw_memcpy_dtoh(ctx, hv, pv, sizeof hv);
  cw_memcpy_dtoh(ctx, hf, pf, sizeof hf);
  int bad = 0;
  for (int i = 0; i < N; i++) bad += hv[i] != 3 * i + 7 + 1 + (i & 3) || hf[i] != 0.5f * (float)i;
  CHECK(bad == 0, "results through the other module's functions and variables (%d wrong)", bad);
  cw_kernel *set;
  int nb = 100;
  void *sargs[] = {&nb};
  unsigned one[3] = {1, 1, 1};
  CHECK(cw_kernel_get(user, "set_bias", &set) == CW_OK &&
            cw_launch(set, one, one, 0, NULL, sargs) == CW_OK && cw_synchronize(ctx) == CW_OK,
        "set_bias: %s", cw_last_error_message(ctx));
  void *sym;
  size_t size;
  int bias = 0;
  CHECK(cw_module_symbol(def, "bias", &sym, &size) == CW_OK, "bias in its defining module");
  cw_memcpy_dtoh(ctx, &bias, sym, sizeof bias);
  CHECK(bias == 100, "one variable shared by the modules (bias %d)", bias);
  CHECK(cw_module_symbol(user, "bias", &sym, &size) == CW_ERR_NOT_FOUND,
        "the declaring module defines no bias");
  cw_buffer_free(bv);
  cw_buffer_free(bf);
  cw_module_free(user);
  cw_module_free(def);
}

static void test_refusals(cw_context *ctx) {
  cw_module *user = load(ctx, "user.cu", user_src);
  if (user) {
    CHECK(cw_module_link(&user, 1) == CW_ERR_NOT_FOUND &&
              strstr(cw_last_error_message(ctx), "undefined device symbol 'bias' (declared "
                                                 "extern in user.cu; define it in a file "
                                                 "compiled with -rdc=true)"),
          "undefined symbol: %s", cw_last_error_message(ctx));
    cw_module_free(user);
  }
  cw_module *su = load(ctx, "sum.cu", sync_user_src), *sd = load(ctx, "total.cu", sync_def_src);
  CHECK(su && sd, "modules with a block barrier load");
  if (su && sd) {
    cw_module *both[] = {su, sd};
    CHECK(cw_module_link(both, 2) == CW_ERR_UNSUPPORTED &&
              strstr(cw_last_error_message(ctx), "'block_total(int32_t *, int32_t)'") &&
              strstr(cw_last_error_message(ctx), "synchronises the block"),
          "barrier across modules: %s", cw_last_error_message(ctx));
  }
  cw_module_free(su);
  cw_module_free(sd);
  su = load(ctx, "run.cu", shared_user_src);
  sd = load(ctx, "stage.cu", shared_def_src);
  if (su && sd) {
    cw_module *both[] = {su, sd};
    CHECK(cw_module_link(both, 2) == CW_ERR_UNSUPPORTED &&
              strstr(cw_last_error_message(ctx), "'stage(int32_t)'") &&
              strstr(cw_last_error_message(ctx), "static __shared__"),
          "static shared memory across modules: %s", cw_last_error_message(ctx));
  }
  cw_module_free(su);
  cw_module_free(sd);
}

static void test_compile_diagnostics(void) {
  cw_diags *d = cw_diags_new();
  cw_program *p = NULL;
  CHECK(cw_compile_source("user.cu", user_src, strlen(user_src), NULL, d, &p) == CW_ERR_COMPILE,
        "a whole-program build cannot use externs");
  char *r = cw_diags_render(d);
  CHECK(r && strstr(r, "user.cu:7:23: error: device function 'scale' is declared but not defined") &&
            strstr(r, "user.cu:7:37: error: extern __device__ variable 'bias'") &&
            strstr(r, "-rdc=true"),
        "diagnostics name the use and the flag: %s", r ? r : "");
  free(r);
  cw_diags_free(d);
  d = cw_diags_new();
  cw_compile_options o;
  memset(&o, 0, sizeof o);
  o.relocatable = 1;
  CHECK(cw_compile_source("user.cu", user_src, strlen(user_src), &o, d, &p) == CW_OK,
        "relocatable compile");
  char *text = NULL;
  CHECK(p && cw_program_emit(p, "wgsl", d, &text) == CW_ERR_COMPILE, "WGSL refuses externs");
  r = cw_diags_render(d);
  CHECK(r && strstr(r, "separate compilation is not supported for WGSL yet"), "WGSL says why: %s",
        r ? r : "");
  free(r);
  free(text);
  cw_program_free(p);
  cw_diags_free(d);
}

int main(void) {
  cw_context *ctx;
  if (cw_context_new("cpu", &ctx) != CW_OK) {
    printf("context: %s\n0 passed, 1 failed\n", cw_last_error_message(NULL));
    return 1;
  }
  test_link_and_run(ctx);
  test_refusals(ctx);
  test_compile_diagnostics();
  cw_context_free(ctx);
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
