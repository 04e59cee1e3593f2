/*
 * test_cpu_emit.c — the C emitter on hand-built KIR: barrier fission
 * shapes (barrier in a loop, in a uniform if, early return then barrier),
 * warp shuffles and votes against a reference, compiled with the system C
 * compiler and run block by block through the c_abi.h interface directly
 * (no runtime), so a failure here is the emitter's.
 */
#include "emit/c_abi.h"
#include "emit/emit.h"
#include "cpu_kir_builder.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int passed, failed;
#define CHECK(cond, ...) do { if (cond) passed++; else { failed++; printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); printf("\n"); } } while (0)

static void *compile(const char *src, const char *tag) {
  char cpath[256], sopath[256], cmd[1024];
  snprintf(cpath, sizeof cpath, "/tmp/cw_test_%s_%d.c", tag, (int)getpid());
  snprintf(sopath, sizeof sopath, "/tmp/cw_test_%s_%d.so", tag, (int)getpid());
  FILE *f = fopen(cpath, "w");
  if (!f) return NULL;
  fputs(src, f);
  fclose(f);
  const char *cc = getenv("CUWASM_CC") ? getenv("CUWASM_CC") : "cc";
  snprintf(cmd, sizeof cmd, "%s -O2 -fPIC -shared -o %s %s -lm", cc, sopath, cpath);
  if (system(cmd) != 0) {
    printf("compile failed: %s\n", cpath);
    return NULL;
  }
  void *h = dlopen(sopath, RTLD_NOW | RTLD_LOCAL);
  if (!h) printf("dlopen: %s\n", dlerror());
  unlink(sopath);
  if (h && !getenv("CW_KEEP")) unlink(cpath);
  return h;
}

static int host_printf(cw_rt_ctx *c, const char *fmt, ...) { (void)c; (void)fmt; return 0; }
static void host_assert(cw_rt_ctx *c, const char *e, const char *f, int l, const char *fn,
                        uint32_t x, uint32_t y, uint32_t z) {
  (void)c; (void)e; (void)f; (void)l; (void)fn; (void)x; (void)y; (void)z;
}
static void host_trap(cw_rt_ctx *c, uint32_t x, uint32_t y, uint32_t z) { (void)c; (void)x; (void)y; (void)z; }

static void run(void *h, const char *kname, unsigned grid, unsigned block, void **args) {
  char sym[128];
  snprintf(sym, sizeof sym, "cwk_%s", kname);
  cw_kernel_fn fn = (cw_kernel_fn)(uintptr_t)dlsym(h, sym);
  if (!fn) { failed++; printf("no symbol %s\n", sym); return; }
  static unsigned char shm[65536];
  for (unsigned b = 0; b < grid; b++) {
    cw_rt_ctx ctx = {.block_idx = {b, 0, 0}, .grid_dim = {grid, 1, 1}, .block_dim = {block, 1, 1},
                     .shm = shm, .dyn_shm = shm + 32768, .printf_fn = host_printf,
                     .assert_fn = host_assert, .trap_fn = host_trap};
    fn(&ctx, args);
  }
}

static char *emit_module(const char *tag) {
  CwDiags d;
  diags_init(&d);
  char *c = emit_c(B_m, tag, &d);
  if (!c) {
    char *r = diags_render(&d);
    printf("emit failed:\n%s\n", r);
    free(r);
  }
  diags_free(&d);
  return c;
}

/* reduce: shared tree with the barrier inside a loop and an if before it */
static void build_reduce(void) {
  KType *f32 = B_m->t_f32, *i32 = B_m->t_i32;
  KVar *in = b_newvar(KV_PARAM, "in", kt_ptr(B_m, f32, AS_GLOBAL), AS_LOCAL);
  KVar *out = b_newvar(KV_PARAM, "out", kt_ptr(B_m, f32, AS_GLOBAL), AS_LOCAL);
  KVar *n = b_newvar(KV_PARAM, "n", i32, AS_LOCAL);
  KVar *s = b_newvar(KV_GLOBAL, "s", kt_array(B_m, f32, 256), AS_SHARED);
  vec_push(&B_arena, &B_m->globals, s);
  KVar *tid = b_newvar(KV_LOCAL, "tid", i32, AS_LOCAL);
  KVar *i = b_newvar(KV_LOCAL, "i", i32, AS_LOCAL);
  KVar *k = b_newvar(KV_LOCAL, "k", i32, AS_LOCAL);
  KStmt *body = B_BLOCK(
      b_decl(tid, b_cast(i32, b_bv(KBV_THREAD_IDX, 0))),
      b_decl(i, b_gid()),
      b_expr_stmt(b_assign(b_index(b_var(s), b_var(tid)), KOP_NONE, b_flt(0))),
      b_if(b_bin(KOP_LT, b_var(i), b_var(n)),
           b_expr_stmt(b_assign(b_index(b_var(s), b_var(tid)), KOP_NONE,
                                b_index(b_var(in), b_var(i)))), NULL),
      b_barrier(),
      b_for(b_decl(k, b_cast(i32, b_bin(KOP_SHR, b_bv(KBV_BLOCK_DIM, 0), b_uint(1)))),
            b_bin(KOP_GT, b_var(k), b_int(0)), b_assign(b_var(k), KOP_SHR, b_int(1)),
            B_BLOCK(b_if(b_bin(KOP_LT, b_var(tid), b_var(k)),
                         b_expr_stmt(b_assign(b_index(b_var(s), b_var(tid)), KOP_ADD,
                                              b_index(b_var(s), b_bin(KOP_ADD, b_var(tid), b_var(k))))),
                         NULL),
                    b_barrier())),
      b_if(b_bin(KOP_EQ, b_var(tid), b_int(0)),
           b_expr_stmt(b_assign(b_index(b_var(out), b_bv(KBV_BLOCK_IDX, 0)), KOP_NONE,
                                b_index(b_var(s), b_int(0)))), NULL));
  b_func("reduce", "reduce", KF_GLOBAL, NULL, 3, (KVar *[]){in, out, n}, body);
}

/* early return, then a barrier; the survivors read each other's values */
static void build_early(void) {
  KType *i32 = B_m->t_i32;
  KVar *out = b_newvar(KV_PARAM, "out", kt_ptr(B_m, i32, AS_GLOBAL), AS_LOCAL);
  KVar *n = b_newvar(KV_PARAM, "n", i32, AS_LOCAL);
  KVar *s = b_newvar(KV_GLOBAL, "s2", kt_array(B_m, i32, 256), AS_SHARED);
  vec_push(&B_arena, &B_m->globals, s);
  KVar *tid = b_newvar(KV_LOCAL, "tid", i32, AS_LOCAL);
  KStmt *body = B_BLOCK(
      b_decl(tid, b_cast(i32, b_bv(KBV_THREAD_IDX, 0))),
      b_if(b_bin(KOP_GE, b_var(tid), b_var(n)), b_return(), NULL),
      b_expr_stmt(b_assign(b_index(b_var(s), b_var(tid)), KOP_NONE, b_bin(KOP_MUL, b_var(tid), b_int(10)))),
      b_barrier(),
      b_expr_stmt(b_assign(b_index(b_var(out), b_var(tid)), KOP_NONE,
                           b_index(b_var(s), b_bin(KOP_SUB, b_bin(KOP_SUB, b_var(n), b_int(1)), b_var(tid))))));
  b_func("early", "early", KF_GLOBAL, NULL, 2, (KVar *[]){out, n}, body);
}

/* warp sum through a device function with __shfl_down_sync (inlined) */
static void build_warp(void) {
  KType *i32 = B_m->t_i32;
  KVar *v = b_newvar(KV_PARAM, "v", i32, AS_LOCAL);
  KVar *off = b_newvar(KV_LOCAL, "off", i32, AS_LOCAL);
  KStmt *fbody = B_BLOCK(
      b_for(b_decl(off, b_int(16)), b_bin(KOP_GT, b_var(off), b_int(0)),
            b_assign(b_var(off), KOP_SHR, b_int(1)),
            b_expr_stmt(b_assign(b_var(v), KOP_ADD,
                                 b_builtin(KB_SHFL_DOWN_SYNC, i32,
                                           B_ARGS(b_uint(0xffffffffu), b_var(v),
                                                  b_cast(B_m->t_u32, b_var(off)), b_int(32)))))),
      ({ KStmt *r = b_return(); r->e = b_var(v); r; }));
  KFunc *wsum = b_func("warp_sum", "warp_sum", KF_DEVICE, i32, 1, (KVar *[]){v}, fbody);
  KVar *in = b_newvar(KV_PARAM, "in", kt_ptr(B_m, i32, AS_GLOBAL), AS_LOCAL);
  KVar *out = b_newvar(KV_PARAM, "out", kt_ptr(B_m, i32, AS_GLOBAL), AS_LOCAL);
  KVar *bal = b_newvar(KV_PARAM, "bal", kt_ptr(B_m, B_m->t_u32, AS_GLOBAL), AS_LOCAL);
  KVar *x = b_newvar(KV_LOCAL, "x", i32, AS_LOCAL);
  KVar *g = b_newvar(KV_LOCAL, "g", i32, AS_LOCAL);
  KStmt *body = B_BLOCK(
      b_decl(g, b_gid()),
      b_decl(x, b_call(wsum, B_ARGS(b_index(b_var(in), b_var(g))))),
      b_expr_stmt(b_assign(b_index(b_var(bal), b_var(g)), KOP_NONE,
                           b_builtin(KB_BALLOT_SYNC, B_m->t_u32,
                                     B_ARGS(b_uint(0xffffffffu),
                                            b_bin(KOP_AND, b_index(b_var(in), b_var(g)), b_int(1)))))),
      b_if(b_bin(KOP_EQ, b_bin(KOP_AND, b_var(g), b_int(31)), b_int(0)),
           b_expr_stmt(b_assign(b_index(b_var(out), b_bin(KOP_DIV, b_var(g), b_int(32))), KOP_NONE, b_var(x))),
           NULL));
  b_func("wsum", "wsum", KF_GLOBAL, NULL, 3, (KVar *[]){in, out, bal}, body);
}

static void test_reduce(void *h) {
  enum { N = 1000, B = 256, G = (N + B - 1) / B };
  float in[N], out[G];
  for (int i = 0; i < N; i++) in[i] = (float)(i % 7);
  float *pin = in, *pout = out;
  int n = N;
  run(h, "reduce", G, B, (void *[]){&pin, &pout, &n});
  for (int b = 0; b < G; b++) {
    float ref = 0;
    for (int i = b * B; i < (b + 1) * B && i < N; i++) ref += in[i];
    CHECK(out[b] == ref, "reduce block %d: %g != %g", b, out[b], ref);
  }
}

static void test_early(void *h) {
  int out[256];
  for (int i = 0; i < 256; i++) out[i] = -1;
  int *po = out, n = 100;
  run(h, "early", 1, 256, (void *[]){&po, &n});
  int ok = 1;
  for (int i = 0; i < 256; i++)
    if (out[i] != (i < n ? (n - 1 - i) * 10 : -1)) ok = 0;
  CHECK(ok, "early return then barrier");
}

static void test_warp(void *h) {
  enum { N = 128 };
  int in[N], out[N / 32];
  uint32_t bal[N];
  for (int i = 0; i < N; i++) in[i] = i * 3 + 1;
  int *pi = in, *po = out;
  uint32_t *pb = bal;
  run(h, "wsum", 2, 64, (void *[]){&pi, &po, &pb});
  for (int w = 0; w < N / 32; w++) {
    int ref = 0;
    uint32_t rb = 0;
    for (int l = 0; l < 32; l++) {
      ref += in[w * 32 + l];
      if (in[w * 32 + l] & 1) rb |= 1u << l;
    }
    CHECK(out[w] == ref, "warp sum %d: %d != %d", w, out[w], ref);
    CHECK(bal[w * 32 + 5] == rb, "ballot %d: %x != %x", w, bal[w * 32 + 5], rb);
  }
}

int main(void) {
  b_init();
  build_reduce();
  build_early();
  build_warp();
  char *c = emit_module("test_cpu_emit");
  CHECK(c != NULL, "emit_c");
  if (c) {
    if (getenv("CW_PRINT")) puts(c);
    void *h = compile(c, "emit");
    CHECK(h != NULL, "generated C compiles");
    if (h) {
      test_reduce(h);
      test_early(h);
      test_warp(h);
      dlclose(h);
    }
    free(c);
  }
  arena_free(&B_arena);
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
