/*
 * test_cpu_runtime.c — the runtime C API on the CPU backend: launch
 * validation errors, atomics under the thread pool, barrier and warp
 * stress against references, device assert as a launch error, streams,
 * events, symbols, kernel lookup by C++ name; the pool's ranges of
 * blocks (blockIdx stepped through a 3-D grid, a fault inside a range,
 * a fault inside a group of consecutive blocks).
 */
#include "cuwasm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static int passed, failed;
#define CHECK(cond, ...) do { if (cond) passed++; else { failed++; printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); printf("\n"); } } while (0)

static const char *src =
    "#include <assert.h>\n__device__ int counter;\n"
    "__global__ void atom(int *out, float *f, unsigned long long *u, int n) {\n"
    "  int i = blockIdx.x * blockDim.x + threadIdx.x;\n"
    "  if (i >= n) return;\n"
    "  atomicAdd(out, 1); atomicAdd(f, 0.5f); atomicMax(out + 1, i); atomicAdd(u, 3ull);\n"
    "  atomicAdd(&counter, 1);\n"
    "}\n"
    "template <typename T, int B> __global__ void blocksum(const T *in, T *out) {\n"
    "  __shared__ T s[B];\n"
    "  int t = threadIdx.x;\n"
    "  s[t] = in[blockIdx.x * B + t];\n"
    "  __syncthreads();\n"
    "  for (int k = B / 2; k > 0; k >>= 1) { if (t < k) s[t] += s[t + k]; __syncthreads(); }\n"
    "  if (t == 0) out[blockIdx.x] = s[0];\n"
    "}\n"
    "template __global__ void blocksum<int, 128>(const int *, int *);\n"
    "__global__ void warpops(const int *in, int *out) {\n"
    "  int i = blockIdx.x * blockDim.x + threadIdx.x;\n"
    "  int v = in[i];\n"
    "  int x = __shfl_xor_sync(0xffffffffu, v, 5);\n"
    "  int u = __shfl_up_sync(0xffffffffu, v, 3, 8);\n"
    "  int c = __syncthreads_count(v & 1);\n"
    "  out[4 * i] = x; out[4 * i + 1] = u; out[4 * i + 2] = c;\n"
    "  out[4 * i + 3] = __popc(__ballot_sync(0xffffffffu, v > 50));\n"
    "}\n"
    "__global__ void check(int *p) { assert(p[threadIdx.x] == 0); }\n"
    "__global__ void empty() {}\n"
    "__global__ void whereAmI(int *out) {\n"
    "  int b = (blockIdx.z * gridDim.y + blockIdx.y) * gridDim.x + blockIdx.x;\n"
    "  if (threadIdx.x == 0) out[b] = blockIdx.x + 100 * blockIdx.y + 10000 * blockIdx.z;\n"
    "}\n"
    "__global__ void faultAt(int *out, int bad) {\n"
    "  out[blockIdx.x] = 1;\n"
    "  if ((int)blockIdx.x == bad) *(volatile int *)(out - (1 << 20)) = 1;\n"
    "}\n"
    "__global__ void bigGrid(unsigned *out, int *count) {\n"
    "  unsigned i = blockIdx.x * blockDim.x + threadIdx.x;\n"
    "  if (blockIdx.x >= (1u << 21) - 2 && threadIdx.x == 1) out[blockIdx.x - ((1u << 21) - 2)] = i;\n"
    "  atomicAdd(count, 1);\n"
    "}\n";

static void test_validation(cw_context *ctx, cw_kernel *k) {
  unsigned g[3] = {1, 1, 1}, b[3] = {2048, 1, 1};
  void *args[1] = {0};
  CHECK(cw_launch(k, g, b, 0, NULL, args) == CW_ERR_LAUNCH, "block > 1024");
  CHECK(strstr(cw_last_error_message(ctx), "cudaErrorInvalidConfiguration") != NULL, "msg");
  unsigned b2[3] = {32, 32, 2};
  CHECK(cw_launch(k, g, b2, 0, NULL, args) == CW_ERR_LAUNCH, "2048 threads");
  unsigned g0[3] = {0, 1, 1}, b1[3] = {32, 1, 1};
  CHECK(cw_launch(k, g0, b1, 0, NULL, args) == CW_ERR_LAUNCH, "zero grid");
  CHECK(cw_launch(k, g, b1, 1 << 20, NULL, args) == CW_ERR_LAUNCH, "1 MiB shared");
  unsigned bz[3] = {1, 1, 65};
  CHECK(cw_launch(k, g, bz, 0, NULL, args) == CW_ERR_LAUNCH, "z > 64");
}

/* Blocks at and above blockIdx.x = 2^21 run the kernel's exact copy (the
 * generated C keeps a vectorised copy for smaller indices). */
static void test_big_grid(cw_context *ctx, cw_module *m) {
  cw_kernel *k;
  CHECK(cw_kernel_get(m, "bigGrid", &k) == CW_OK, "bigGrid");
  cw_buffer *bo, *bc;
  cw_buffer_alloc(ctx, 8 * 4, &bo);
  cw_buffer_alloc(ctx, 4, &bc);
  void *po = cw_buffer_ptr(bo), *pc = cw_buffer_ptr(bc);
  cw_memset(ctx, po, 0, 32);
  cw_memset(ctx, pc, 0, 4);
  void *args[] = {&po, &pc};
  unsigned g[3] = {(1u << 21) + 6, 1, 1}, b[3] = {2, 1, 1};
  CHECK(cw_launch(k, g, b, 0, NULL, args) == CW_OK, "launch bigGrid");
  CHECK(cw_synchronize(ctx) == CW_OK, "sync: %s", cw_last_error_message(ctx));
  unsigned o[8];
  int c;
  cw_memcpy_dtoh(ctx, o, po, 32);
  cw_memcpy_dtoh(ctx, &c, pc, 4);
  CHECK(c == 2 * ((1 << 21) + 6), "bigGrid ran %d threads", c);
  for (unsigned j = 0; j < 8; j++)
    CHECK(o[j] == ((1u << 21) - 2 + j) * 2 + 1, "bigGrid block %u wrote %u", (1u << 21) - 2 + j, o[j]);
  cw_buffer_free(bo);
  cw_buffer_free(bc);
}

static void test_atomics(cw_context *ctx, cw_module *m) {
  cw_kernel *k;
  CHECK(cw_kernel_get(m, "atom", &k) == CW_OK, "atom");
  enum { N = 100000 };
  cw_buffer *bo, *bf, *bu;
  cw_buffer_alloc(ctx, 8, &bo);
  cw_buffer_alloc(ctx, 4, &bf);
  cw_buffer_alloc(ctx, 8, &bu);
  cw_memset(ctx, cw_buffer_ptr(bo), 0, 8);
  cw_memset(ctx, cw_buffer_ptr(bf), 0, 4);
  cw_memset(ctx, cw_buffer_ptr(bu), 0, 8);
  void *po = cw_buffer_ptr(bo), *pf = cw_buffer_ptr(bf), *pu = cw_buffer_ptr(bu);
  int n = N;
  void *args[] = {&po, &pf, &pu, &n};
  unsigned g[3] = {(N + 255) / 256, 1, 1}, b[3] = {256, 1, 1};
  CHECK(cw_launch(k, g, b, 0, NULL, args) == CW_OK, "launch atom");
  CHECK(cw_synchronize(ctx) == CW_OK, "sync: %s", cw_last_error_message(ctx));
  int o[2];
  float f;
  unsigned long long u;
  cw_memcpy_dtoh(ctx, o, po, 8);
  cw_memcpy_dtoh(ctx, &f, pf, 4);
  cw_memcpy_dtoh(ctx, &u, pu, 8);
  CHECK(o[0] == N && o[1] == N - 1, "int atomics %d %d", o[0], o[1]);
  CHECK(f == N * 0.5f, "float atomicAdd %g", f);
  CHECK(u == 3ull * N, "u64 atomicAdd %llu", u);
  void *sym;
  size_t ss;
  CHECK(cw_module_symbol(m, "counter", &sym, &ss) == CW_OK && ss == 4, "symbol");
  int cnt = 0;
  cw_memcpy_dtoh(ctx, &cnt, sym, 4);
  CHECK(cnt == N, "__device__ counter %d", cnt);
  cw_buffer_free(bo);
  cw_buffer_free(bf);
  cw_buffer_free(bu);
}

static void test_blocksum_and_warps(cw_context *ctx, cw_module *m) {
  cw_kernel *k, *w;
  CHECK(cw_kernel_get(m, "blocksum<int,128>", &k) == CW_OK, "template by C++ name: %s",
        cw_last_error_message(ctx));
  CHECK(cw_kernel_get(m, "warpops", &w) == CW_OK, "warpops");
  if (!k || !w) return;
  enum { G = 64, B = 128 };
  static int in[G * B], out[G], wout[4 * G * B];
  for (int i = 0; i < G * B; i++) in[i] = (i * 37) % 101;
  cw_buffer *bi, *bo, *bw;
  cw_buffer_alloc(ctx, sizeof in, &bi);
  cw_buffer_alloc(ctx, sizeof out, &bo);
  cw_buffer_alloc(ctx, sizeof wout, &bw);
  void *pi = cw_buffer_ptr(bi), *po = cw_buffer_ptr(bo), *pw = cw_buffer_ptr(bw);
  cw_memcpy_htod(ctx, pi, in, sizeof in);
  unsigned g[3] = {G, 1, 1}, b[3] = {B, 1, 1};
  cw_launch(k, g, b, 0, NULL, (void *[]){&pi, &po});
  cw_launch(w, g, b, 0, NULL, (void *[]){&pi, &pw});
  CHECK(cw_synchronize(ctx) == CW_OK, "sync: %s", cw_last_error_message(ctx));
  cw_memcpy_dtoh(ctx, out, po, sizeof out);
  cw_memcpy_dtoh(ctx, wout, pw, sizeof wout);
  int bad = 0, wbad = 0;
  for (int blk = 0; blk < G; blk++) {
    int ref = 0, odd = 0;
    for (int t = 0; t < B; t++) ref += in[blk * B + t], odd += in[blk * B + t] & 1;
    bad += out[blk] != ref;
    for (int t = 0; t < B; t++) {
      int i = blk * B + t, lane = t & 31, base = i - lane, l8 = lane & 7;
      int rx = in[base + (lane ^ 5)];
      int ru = l8 >= 3 ? in[i - 3] : in[i];
      int bal = 0;
      for (int l = 0; l < 32; l++) bal += in[base + l] > 50;
      wbad += wout[4 * i] != rx || wout[4 * i + 1] != ru || wout[4 * i + 2] != odd ||
              wout[4 * i + 3] != bal;
    }
  }
  CHECK(bad == 0, "block sums: %d wrong", bad);
  CHECK(wbad == 0, "warp ops: %d wrong", wbad);
  cw_buffer_free(bi);
  cw_buffer_free(bo);
  cw_buffer_free(bw);
}

static void test_assert_streams_events(cw_context *ctx, cw_module *m) {
  cw_kernel *k, *e;
  cw_kernel_get(m, "check", &k);
  cw_kernel_get(m, "empty", &e);
  int host[64] = {0};
  host[7] = 1;
  cw_buffer *b;
  cw_buffer_alloc(ctx, sizeof host, &b);
  void *p = cw_buffer_ptr(b);
  cw_memcpy_htod(ctx, p, host, sizeof host);
  unsigned g[3] = {2, 1, 1}, bl[3] = {64, 1, 1}, one[3] = {1, 1, 1};
  cw_launch(k, g, bl, 0, NULL, (void *[]){&p});
  CHECK(cw_synchronize(ctx) == CW_ERR_LAUNCH, "assert fails the launch");
  CHECK(strstr(cw_last_error_message(ctx), "cudaErrorAssert") &&
        strstr(cw_last_error_message(ctx), "thread [7,0,0]"), "assert msg: %s",
        cw_last_error_message(ctx));
  CHECK(cw_synchronize(ctx) == CW_OK, "error cleared after report");
  cw_stream *s;
  cw_event *a, *z;
  CHECK(cw_stream_new(ctx, &s) == CW_OK, "stream");
  cw_event_new(ctx, &a);
  cw_event_new(ctx, &z);
  enum { L = 2000 };
  cw_event_record(a, s);
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  for (int i = 0; i < L; i++) cw_launch(e, one, one, 0, s, NULL);
  cw_event_record(z, s);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  CHECK(cw_stream_synchronize(s) == CW_OK, "stream sync");
  float ms = -1;
  CHECK(cw_event_elapsed_ms(a, z, &ms) == CW_OK && ms >= 0, "elapsed %g", ms);
  double enq = ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) / L;
  printf("empty kernel: %.2f us per launch on a stream (%.2f us to enqueue)\n",
         ms * 1000.0 / L, enq / 1000.0);
  cw_event_free(a);
  cw_event_free(z);
  cw_stream_free(s);
  cw_buffer_free(b);
}

/* The pool hands out ranges of blocks, each run with one context whose
 * blockIdx steps x, then y, then z: every block of a 3-D grid sees its
 * own index, whatever the ranges. */
static void test_block_ranges(cw_context *ctx, cw_module *m) {
  cw_kernel *k;
  CHECK(cw_kernel_get(m, "whereAmI", &k) == CW_OK, "whereAmI");
  enum { GX = 7, GY = 5, GZ = 3, N = GX * GY * GZ };
  cw_buffer *b;
  cw_buffer_alloc(ctx, N * 4, &b);
  void *p = cw_buffer_ptr(b);
  cw_memset(ctx, p, 0xff, N * 4);
  unsigned g[3] = {GX, GY, GZ}, bl[3] = {3, 1, 1};
  CHECK(cw_launch(k, g, bl, 0, NULL, (void *[]){&p}) == CW_OK, "launch whereAmI");
  CHECK(cw_synchronize(ctx) == CW_OK, "sync: %s", cw_last_error_message(ctx));
  int out[N], bad = 0;
  cw_memcpy_dtoh(ctx, out, p, sizeof out);
  for (int z = 0; z < GZ; z++)
    for (int y = 0; y < GY; y++)
      for (int x = 0; x < GX; x++)
        bad += out[(z * GY + y) * GX + x] != x + 100 * y + 10000 * z;
  CHECK(bad == 0, "%d blocks saw a wrong blockIdx", bad);
  cw_buffer_free(b);
}

/* A fault in block 37 of 64 (inside some thread's range) fails the launch
 * naming that block; the blocks before it in the same range ran. */
static void test_fault_in_range(cw_context *ctx, cw_module *m) {
  cw_kernel *k;
  CHECK(cw_kernel_get(m, "faultAt", &k) == CW_OK, "faultAt");
  cw_buffer *b;
  cw_buffer_alloc(ctx, 64 * 4, &b);
  void *p = cw_buffer_ptr(b);
  cw_memset(ctx, p, 0, 64 * 4);
  int bad = 37;
  unsigned g[3] = {64, 1, 1}, bl[3] = {1, 1, 1};
  CHECK(cw_launch(k, g, bl, 0, NULL, (void *[]){&p, &bad}) == CW_OK, "launch faultAt");
  CHECK(cw_synchronize(ctx) == CW_ERR_LAUNCH, "a wild store fails the launch");
  const char *msg = cw_last_error_message(ctx);
  CHECK(strstr(msg, "cudaErrorIllegalAddress") && strstr(msg, "block [37,0,0]"), "fault msg: %s", msg);
  cw_buffer_free(b);
}

/* A kernel with a group function (emit/c_group.c: split at a barrier, a
 * grid-stride loop at the top) run in groups of four consecutive blocks
 * (CUWASM_BLOCK_GROUP, read when a context opens): a fault in block 37
 * names block 37, not 36, the first block of its group. */
static const char *group_src =
    "__global__ void groupFault(const int *in, int *out, int n, int bad) {\n"
    "  __shared__ int s[32];\n"
    "  int v = 0;\n"
    "  for (int i = blockIdx.x * blockDim.x + threadIdx.x; i < n; i += blockDim.x * gridDim.x) {\n"
    "    v += in[i];\n"
    "    if ((int)blockIdx.x == bad) *(volatile int *)(out - (1 << 20)) = v;\n"
    "  }\n"
    "  s[threadIdx.x] = v;\n"
    "  __syncthreads();\n"
    "  if (threadIdx.x == 0) { int t = 0; for (int k = 0; k < 32; k++) t += s[k]; out[blockIdx.x] = t; }\n"
    "}\n";

static void test_fault_in_group(void) {
  setenv("CUWASM_BLOCK_GROUP", "4", 1);
  cw_context *ctx;
  cw_status st = cw_context_new("cpu", &ctx);
  unsetenv("CUWASM_BLOCK_GROUP");
  CHECK(st == CW_OK, "context: %s", cw_last_error_message(NULL));
  if (st != CW_OK) return;
  cw_module *m = NULL;
  cw_kernel *k;
  cw_diags *d = cw_diags_new();
  if (cw_module_load_source(ctx, "group.cu", group_src, strlen(group_src), NULL, d, &m) != CW_OK ||
      cw_kernel_get(m, "groupFault", &k) != CW_OK) {
    char *r = cw_diags_render(d);
    CHECK(0, "groupFault: %s\n%s", cw_last_error_message(ctx), r ? r : "");
    free(r);
    cw_diags_free(d);
    cw_context_free(ctx);
    return;
  }
  cw_diags_free(d);
  enum { BLOCKS = 64, THREADS = 32, N = BLOCKS * THREADS * 4 };
  cw_buffer *bin, *bout;
  cw_buffer_alloc(ctx, N * 4, &bin);
  cw_buffer_alloc(ctx, BLOCKS * 4, &bout);
  void *in = cw_buffer_ptr(bin), *out = cw_buffer_ptr(bout);
  cw_memset(ctx, in, 0, N * 4);
  int n = N, bad = 37;
  unsigned g[3] = {BLOCKS, 1, 1}, bl[3] = {THREADS, 1, 1};
  CHECK(cw_launch(k, g, bl, 0, NULL, (void *[]){&in, &out, &n, &bad}) == CW_OK, "launch groupFault");
  CHECK(cw_synchronize(ctx) == CW_ERR_LAUNCH, "a wild store in a group fails the launch");
  const char *msg = cw_last_error_message(ctx);
  CHECK(strstr(msg, "cudaErrorIllegalAddress") && strstr(msg, "block [37,0,0]"), "group fault msg: %s", msg);
  cw_buffer_free(bin);
  cw_buffer_free(bout);
  cw_module_free(m);
  cw_context_free(ctx);
}

int main(void) {
  cw_context *ctx;
  if (cw_context_new("cpu", &ctx) != CW_OK) {
    printf("context: %s\n0 passed, 1 failed\n", cw_last_error_message(NULL));
    return 1;
  }
  cw_diags *d = cw_diags_new();
  cw_module *m = NULL;
  struct timespec t0, t1;
  clock_gettime(CLOCK_MONOTONIC, &t0);
  cw_status st = cw_module_load_source(ctx, "rt.cu", src, strlen(src), NULL, d, &m);
  clock_gettime(CLOCK_MONOTONIC, &t1);
  printf("module load (compile + JIT or cache): %.1f ms\n",
         ((t1.tv_sec - t0.tv_sec) * 1e9 + (t1.tv_nsec - t0.tv_nsec)) / 1e6);
  CHECK(st == CW_OK, "module: %s", cw_last_error_message(ctx));
  if (st != CW_OK) {
    char *r = cw_diags_render(d);
    printf("%s\n", r ? r : "");
    free(r);
  } else {
    cw_kernel *k;
    CHECK(cw_kernel_get(m, "atom", &k) == CW_OK, "kernel");
    CHECK(cw_kernel_get(m, "nonesuch", &k) == CW_ERR_NOT_FOUND, "missing kernel");
    cw_kernel_get(m, "empty", &k);
    test_validation(ctx, k);
    test_atomics(ctx, m);
    test_big_grid(ctx, m);
    test_blocksum_and_warps(ctx, m);
    test_assert_streams_events(ctx, m);
    test_block_ranges(ctx, m);
    test_fault_in_range(ctx, m); /* last: a fault may stick to the context */
    cw_module_free(m);
  }
  cw_diags_free(d);
  cw_context_free(ctx);
  test_fault_in_group();
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
