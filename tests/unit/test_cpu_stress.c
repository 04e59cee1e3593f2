/*
 * test_cpu_stress.c — the CPU backend under load: atomics from thousands
 * of blocks spread over the thread pool (repeated with the pool at 2 and
 * at 4 workers, never with 1 only: one worker cannot race), and
 * barrier-heavy kernels and warp operations against a C reference,
 * repeated 50 times with the pool at 2 workers and at 1
 * (CUWASM_NUM_THREADS, read when a context opens).
 *
 * Races show up as lost updates, so the checks are chosen to expose them
 * (and the kernels to cause them: hotAdd does nothing but atomicAdd on one
 * word per type, 16M times, so the workers contend from start to end):
 * atomicAdd's returned old values must form a permutation of 0..N-1;
 * atomicExch's old values plus the final value must be exactly the set of
 * values written; inc/dec wrap counts, CAS-loop counters, and float/double
 * sums of exactly representable values must come out exact.  Barrier
 * kernels use trip counts that are uniform per block but differ between
 * blocks, barriers inside nested loops and ifs, and an early return of some
 * threads before the barriers.  Every launch runs under a watchdog that
 * names the kernel when it hangs (an off-by-one in a per-thread index once
 * made this test hang until CTest's timeout, naming nothing).
 */
#include "cuwasm.h"

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int passed, failed;
#define CHECK(cond, ...)                                                     \
  do {                                                                       \
    if (cond) passed++;                                                      \
    else {                                                                   \
      failed++;                                                              \
      printf("FAIL %s:%d: ", __FILE__, __LINE__);                            \
      printf(__VA_ARGS__);                                                   \
      printf("\n");                                                          \
    }                                                                        \
  } while (0)

enum { REPS = 50, GRID = 48, BLOCK = 128, N = GRID * BLOCK };
/* the atomic kernels: thousands of blocks, a few repetitions */
enum { AREPS = 6, AGRID = 2048, AN = AGRID * BLOCK, HOT_REPS = 64 };

static const char *src =
    "#include <cuda_fp16.h>\n"
    /* global atomics of every kind and type */
    "__global__ void atomGlobal(int *ia, unsigned *ua, unsigned long long *qa, long long *la,\n"
    "                           float *fa, double *da, __half *ha, int *olds, int *exch) {\n"
    "  int i = blockIdx.x * blockDim.x + threadIdx.x;\n"
    "  olds[i] = atomicAdd(&ia[0], 1);\n"
    "  atomicSub(&ia[1], i);\n"
    "  atomicMin(&ia[2], -i);\n"
    "  atomicMax(&ia[3], i);\n"
    "  atomicAnd(&ia[4], ~(int)(1u << (i & 31)) | (i & 1));\n"
    "  atomicOr(&ia[5], 1 << (i % 31));\n"
    "  atomicXor(&ia[6], i);\n"
    "  exch[i] = atomicExch(&ia[7], i + 1);\n"
    "  int old = ia[8], assumed;\n"
    "  do { assumed = old; old = atomicCAS(&ia[8], assumed, assumed + 3); } while (old != assumed);\n"
    "  atomicInc(&ua[0], 99u);\n"
    "  atomicDec(&ua[1], 40u);\n"
    "  atomicAdd(&ua[2], 2u);\n"
    "  atomicMax(&ua[3], (unsigned)i * 2654435761u);\n"
    "  atomicMin(&ua[4], (unsigned)i * 2654435761u | 1u);\n"
    "  atomicAdd(&qa[0], (1ull << 33) + (unsigned long long)i);\n"
    "  atomicMax(&qa[1], (unsigned long long)i << 40);\n"
    "  atomicMin(&qa[2], ~(unsigned long long)i);\n"
    "  atomicOr(&qa[3], 1ull << (i & 63));\n"
    "  atomicXor(&qa[4], (unsigned long long)i << 20);\n"
    "  atomicAnd(&qa[5], ~(1ull << (i & 63)));\n"
    "  atomicExch(&qa[6], 7ull);\n"
    "  unsigned long long q = qa[7], qs;\n"
    "  do { qs = q; q = atomicCAS(&qa[7], qs, qs + 5ull); } while (q != qs);\n"
    "  atomicMax(&la[0], (long long)i - 1000000000000ll);\n"
    "  atomicMin(&la[1], -(long long)i * 1000000ll);\n"
    "  atomicAdd(&fa[0], 1.0f);\n"
    "  atomicAdd(&fa[1], -0.25f);\n"
    "  atomicExch(&fa[2], 2.0f);\n"
    "  atomicAdd(&da[0], 0.5);\n"
    "  atomicAdd(&da[1], (double)i);\n"
    "  if (i < 1024) atomicAdd(&ha[0], __float2half(1.0f));\n"
    "}\n"
    /* nothing but atomicAdd on one word per type */
    "__global__ void hotAdd(int *ia, unsigned *ua, unsigned long long *qa, float *fa, double *da,\n"
    "                       int reps) {\n"
    "  for (int k = 0; k < reps; k++) {\n"
    "    atomicAdd(ia, 1); atomicAdd(ua, 3u); atomicAdd(qa, 1ull << 34);\n"
    "    atomicAdd(fa, 1.0f); atomicAdd(da, 0.25);\n"
    "  }\n"
    "}\n"
    /* the same in shared memory, one result row per block */
    "__global__ void atomShared(int *out, unsigned long long *qout, float *fout, int *olds) {\n"
    "  __shared__ int s[8];\n"
    "  __shared__ unsigned us[2];\n"
    "  __shared__ unsigned long long q[2];\n"
    "  __shared__ float f[1];\n"
    "  int t = threadIdx.x;\n"
    "  if (t < 8) s[t] = t == 2 ? 1 << 30 : 0;\n"
    "  if (t < 2) { us[t] = 0; q[t] = 0; }\n"
    "  if (t == 0) f[0] = 0.0f;\n"
    "  __syncthreads();\n"
    "  olds[blockIdx.x * blockDim.x + t] = atomicAdd(&s[0], 1);\n"
    "  atomicSub(&s[1], t);\n"
    "  atomicMin(&s[2], t + (int)blockIdx.x);\n"
    "  atomicMax(&s[3], t * (int)blockIdx.x);\n"
    "  atomicOr(&s[4], 1 << (t & 31));\n"
    "  atomicXor(&s[5], t);\n"
    "  int old = s[6], a;\n"
    "  do { a = old; old = atomicCAS(&s[6], a, a + 1); } while (old != a);\n"
    "  atomicExch(&s[7], 9);\n"
    "  atomicInc(&us[0], 15u);\n"
    "  atomicDec(&us[1], 6u);\n"
    "  atomicAdd(&q[0], 1ull << 40);\n"
    "  atomicMax(&q[1], (unsigned long long)t);\n"
    "  atomicAdd(&f[0], 0.5f);\n"
    "  __syncthreads();\n"
    "  if (t < 8) out[blockIdx.x * 10 + t] = s[t];\n"
    "  if (t < 2) out[blockIdx.x * 10 + 8 + t] = (int)us[t];\n"
    "  if (t < 2) qout[blockIdx.x * 2 + t] = q[t];\n"
    "  if (t == 0) fout[blockIdx.x] = f[0];\n"
    "}\n"
    /* barriers in loops whose (per-block uniform) trip counts differ between blocks */
    "__global__ void barrierLoops(int *out, int base) {\n"
    "  __shared__ int s[256];\n"
    "  __shared__ int u[256];\n"
    "  int t = threadIdx.x, n = blockDim.x;\n"
    "  int trips = base + (int)(blockIdx.x % 7);\n"
    "  s[t] = t;\n"
    "  __syncthreads();\n"
    "  for (int k = 0; k < trips; k++) {\n"
    "    int v = s[(t + 1) % n] + 1;\n"
    "    __syncthreads();\n"
    "    s[t] = v;\n"
    "    __syncthreads();\n"
    "    for (int j = 0; j < (k & 3); j++) {\n"
    "      if (t == 0) u[0] = k * j;\n"
    "      __syncthreads();\n"
    "      s[t] += u[0];\n"
    "      __syncthreads();\n"
    "    }\n"
    "    if (blockIdx.x & 1) {\n"
    "      int c = __syncthreads_count(s[t] & 1);\n"
    "      s[t] += c & 1;\n"
    "      __syncthreads();\n"
    "    }\n"
    "  }\n"
    "  out[blockIdx.x * n + t] = s[t];\n"
    "}\n"
    /* early return of the threads past `active`, then a tree over the rest */
    "__global__ void earlyExit(const int *in, int *out) {\n"
    "  __shared__ int s[256];\n"
    "  int t = threadIdx.x;\n"
    "  int active = (int)blockDim.x - (int)(blockIdx.x * 13 % blockDim.x);\n"
    "  if (t >= active) return;\n"
    "  s[t] = in[blockIdx.x * blockDim.x + t];\n"
    "  __syncthreads();\n"
    "  if (t == 0) { int acc = 0; for (int k = 0; k < active; k++) acc += s[k]; s[255] = acc; }\n"
    "  __syncthreads();\n"
    "  int all = __syncthreads_count(1);\n"
    "  out[blockIdx.x * blockDim.x + t] = s[255] * 1000 + all;\n"
    "}\n"
    /* warp operations on random data */
    "__global__ void warpOps(const int *in, int *out) {\n"
    "  int i = blockIdx.x * blockDim.x + threadIdx.x;\n"
    "  int lane = threadIdx.x & 31;\n"
    "  int v = in[i];\n"
    "  int *o = out + 12 * i;\n"
    "  o[0] = __shfl_sync(0xffffffffu, v, (lane * 7 + 3) & 31);\n"
    "  o[1] = __shfl_up_sync(0xffffffffu, v, 5);\n"
    "  o[2] = __shfl_down_sync(0xffffffffu, v, 3, 16);\n"
    "  o[3] = __shfl_xor_sync(0xffffffffu, v, 6, 8);\n"
    "  o[4] = (int)__ballot_sync(0xffffffffu, v & 1);\n"
    "  o[5] = __any_sync(0xffffffffu, v == 17) | (__all_sync(0xffffffffu, v >= 0) << 1);\n"
    "  o[6] = (int)__match_any_sync(0xffffffffu, v % 5);\n"
    "  o[7] = (int)__reduce_add_sync(0xffffffffu, (unsigned)v);\n"
    "  o[8] = (int)__reduce_max_sync(0xffffffffu, (unsigned)v);\n"
    "  o[9] = __shfl_sync(0xffffffffu, v, lane + 2, 4);\n"
    "  int s = v;\n"
    "  for (int d = 1; d < 32; d <<= 1) { int x = __shfl_up_sync(0xffffffffu, s, d); if (lane >= d) s += x; }\n"
    "  o[10] = s;\n"
    "  unsigned m = 0;\n"
    "  if (v & 2) m = __ballot_sync(__activemask(), v & 4);\n"
    "  o[11] = (int)m;\n"
    "}\n";

typedef struct Ctx {
  cw_context *ctx;
  cw_module *mod;
} Ctx;

/* A device buffer with a host mirror. */
typedef struct Buf {
  cw_buffer *b;
  void *d;
  size_t n;
} Buf;

static Buf buf_new(Ctx *c, size_t n, const void *init) {
  Buf b = {NULL, NULL, n};
  if (cw_buffer_alloc(c->ctx, n, &b.b) != CW_OK) return b;
  b.d = cw_buffer_ptr(b.b);
  if (init) cw_memcpy_htod(c->ctx, b.d, init, n);
  else cw_memset(c->ctx, b.d, 0, n);
  return b;
}

/* A launch that does not finish within WATCHDOG_S seconds is a hang:
 * SIGALRM prints the kernel's name and ends the test (instead of CTest's
 * timeout, which names nothing). */
enum { WATCHDOG_S = 120 };
static char watchdog_msg[160];

static void watchdog_fire(int sig) {
  (void)sig;
  ssize_t w = write(1, watchdog_msg, strlen(watchdog_msg));
  (void)w;
  _exit(1);
}

static int launch(Ctx *c, const char *name, unsigned g, unsigned bl, void **args) {
  cw_kernel *k;
  unsigned gr[3] = {g, 1, 1}, bk[3] = {bl, 1, 1};
  snprintf(watchdog_msg, sizeof watchdog_msg, "FAIL HANG: %s (grid %u, block %u, %s threads) "
           "did not finish in %d s\n", name, g, bl, getenv("CUWASM_NUM_THREADS"), WATCHDOG_S);
  fflush(stdout);
  signal(SIGALRM, watchdog_fire);
  alarm(WATCHDOG_S);
  int bad = cw_kernel_get(c->mod, name, &k) != CW_OK ||
            cw_launch(k, gr, bk, 0, NULL, args) != CW_OK || cw_synchronize(c->ctx) != CW_OK;
  alarm(0);
  if (bad) {
    printf("FAIL %s: %s\n", name, cw_last_error_message(c->ctx));
    failed++;
    return -1;
  }
  return 0;
}

static uint16_t f2h_small(float f) { /* exact small integers only */
  uint32_t u;
  memcpy(&u, &f, 4);
  return (uint16_t)(((u >> 16) & 0x8000u) | (((u >> 23 & 0xff) - 112) << 10) | ((u >> 13) & 0x3ff));
}

static int is_permutation(const int *v, int n, int lo) {
  char *seen = calloc((size_t)n, 1);
  int ok = seen != NULL;
  for (int i = 0; ok && i < n; i++) {
    int x = v[i] - lo;
    if (x < 0 || x >= n || seen[x]) ok = 0;
    else seen[x] = 1;
  }
  free(seen);
  return ok;
}

static void test_atom_global(Ctx *c, int rep) {
  int ia0[9] = {0, 0, 0, 0, -1, 0, 0, 0, 0};
  unsigned ua0[5] = {0, 0, 0, 0, 0xffffffffu};
  unsigned long long qa0[8] = {0, 0, ~0ull, 0, 0, ~0ull, 0, 0};
  long long la0[2] = {-(1ll << 62), 0};
  Buf ia = buf_new(c, sizeof ia0, ia0), ua = buf_new(c, sizeof ua0, ua0),
      qa = buf_new(c, sizeof qa0, qa0), la = buf_new(c, sizeof la0, la0),
      fa = buf_new(c, 12, NULL), da = buf_new(c, 16, NULL), ha = buf_new(c, 2, NULL),
      olds = buf_new(c, AN * 4, NULL), ex = buf_new(c, AN * 4, NULL);
  void *args[] = {&ia.d, &ua.d, &qa.d, &la.d, &fa.d, &da.d, &ha.d, &olds.d, &ex.d};
  if (launch(c, "atomGlobal", AGRID, BLOCK, args)) return;
  int ih[9], *oh = malloc(AN * 4), *eh = malloc(AN * 4 + 4);
  unsigned uh[5];
  unsigned long long qh[8];
  long long lh[2];
  float fh[3];
  double dh[2];
  uint16_t hh;
  cw_memcpy_dtoh(c->ctx, ih, ia.d, sizeof ih);
  cw_memcpy_dtoh(c->ctx, uh, ua.d, sizeof uh);
  cw_memcpy_dtoh(c->ctx, qh, qa.d, sizeof qh);
  cw_memcpy_dtoh(c->ctx, lh, la.d, sizeof lh);
  cw_memcpy_dtoh(c->ctx, fh, fa.d, sizeof fh);
  cw_memcpy_dtoh(c->ctx, dh, da.d, sizeof dh);
  cw_memcpy_dtoh(c->ctx, &hh, ha.d, 2);
  cw_memcpy_dtoh(c->ctx, oh, olds.d, AN * 4);
  cw_memcpy_dtoh(c->ctx, eh, ex.d, AN * 4);
  /* expected values computed sequentially (the results are order-free) */
  int e_and = -1, e_or = 0, e_xor = 0;
  unsigned e_umax = 0, e_umin = 0xffffffffu, e_inc = 0, e_dec = 0;
  unsigned long long q_or = 0, q_xor = 0, q_and = ~0ull;
  for (int i = 0; i < AN; i++) {
    e_and &= ~(int)(1u << (i & 31)) | (i & 1);
    e_or |= 1 << (i % 31);
    e_xor ^= i;
    unsigned h = (unsigned)i * 2654435761u;
    if (h > e_umax) e_umax = h;
    if ((h | 1u) < e_umin) e_umin = h | 1u;
    e_inc = e_inc >= 99u ? 0 : e_inc + 1;
    e_dec = (e_dec == 0 || e_dec > 40u) ? 40u : e_dec - 1;
    q_or |= 1ull << (i & 63);
    q_xor ^= (unsigned long long)i << 20;
    q_and &= ~(1ull << (i & 63));
  }
  CHECK(ih[0] == AN && is_permutation(oh, AN, 0), "rep %d: atomicAdd int %d / old values", rep, ih[0]);
  CHECK(ih[1] == (int)(0u - (unsigned)((unsigned long long)AN * (AN - 1) / 2)),
        "rep %d: atomicSub %d", rep, ih[1]);
  CHECK(ih[2] == -(AN - 1) && ih[3] == AN - 1, "rep %d: min/max %d %d", rep, ih[2], ih[3]);
  CHECK(ih[4] == e_and && ih[5] == e_or && ih[6] == e_xor, "rep %d: and/or/xor", rep);
  eh[AN] = ih[7]; /* the old values of every exchange plus the final value: {0..AN} */
  CHECK(is_permutation(eh, AN + 1, 0), "rep %d: atomicExch lost or duplicated a value", rep);
  CHECK(ih[8] == 3 * AN, "rep %d: CAS loop %d", rep, ih[8]);
  CHECK(uh[0] == e_inc && uh[1] == e_dec, "rep %d: inc/dec %u %u", rep, uh[0], uh[1]);
  CHECK(uh[2] == 2u * AN && uh[3] == e_umax && uh[4] == e_umin, "rep %d: unsigned add/max/min", rep);
  CHECK(qh[0] == (unsigned long long)AN * (1ull << 33) + (unsigned long long)AN * (AN - 1) / 2,
        "rep %d: u64 add", rep);
  CHECK(qh[1] == (unsigned long long)(AN - 1) << 40 && qh[2] == ~(unsigned long long)(AN - 1),
        "rep %d: u64 max/min", rep);
  CHECK(qh[3] == q_or && qh[4] == q_xor && qh[5] == q_and, "rep %d: u64 or/xor/and", rep);
  CHECK(qh[6] == 7 && qh[7] == 5ull * AN, "rep %d: u64 exch/CAS %llu", rep, qh[7]);
  CHECK(lh[0] == (long long)(AN - 1) - 1000000000000ll && lh[1] == -(long long)(AN - 1) * 1000000ll,
        "rep %d: i64 max/min", rep);
  CHECK(fh[0] == (float)AN && fh[1] == -0.25f * AN && fh[2] == 2.0f, "rep %d: float %g %g", rep,
        fh[0], fh[1]);
  CHECK(dh[0] == 0.5 * AN && dh[1] == (double)AN * (AN - 1) / 2, "rep %d: double %g", rep, dh[1]);
  CHECK(hh == f2h_small(1024.0f), "rep %d: half add %04x", rep, hh);
  free(oh);
  free(eh);
  Buf all[] = {ia, ua, qa, la, fa, da, ha, olds, ex};
  for (size_t i = 0; i < sizeof all / sizeof *all; i++) cw_buffer_free(all[i].b);
}

static void test_atom_shared(Ctx *c, int rep) {
  Buf out = buf_new(c, AGRID * 10 * 4, NULL), q = buf_new(c, AGRID * 16, NULL),
      f = buf_new(c, AGRID * 4, NULL), olds = buf_new(c, AN * 4, NULL);
  void *args[] = {&out.d, &q.d, &f.d, &olds.d};
  if (launch(c, "atomShared", AGRID, BLOCK, args)) return;
  int *oh = malloc(AGRID * 40), *ol = malloc(AN * 4);
  unsigned long long *qh = malloc(AGRID * 16);
  float *fh = malloc(AGRID * 4);
  cw_memcpy_dtoh(c->ctx, oh, out.d, AGRID * 40);
  cw_memcpy_dtoh(c->ctx, qh, q.d, AGRID * 16);
  cw_memcpy_dtoh(c->ctx, fh, f.d, AGRID * 4);
  cw_memcpy_dtoh(c->ctx, ol, olds.d, AN * 4);
  int bad = 0;
  unsigned inc = 0, dec = 0;
  int x = 0;
  for (int t = 0; t < BLOCK; t++) {
    inc = inc >= 15u ? 0 : inc + 1;
    dec = (dec == 0 || dec > 6u) ? 6u : dec - 1;
    x ^= t;
  }
  for (int b = 0; b < AGRID; b++) {
    const int *o = oh + b * 10;
    int ok = o[0] == BLOCK && o[1] == -(BLOCK * (BLOCK - 1) / 2) && o[2] == b &&
             o[3] == (BLOCK - 1) * b && o[4] == -1 && o[5] == x && o[6] == BLOCK && o[7] == 9 &&
             o[8] == (int)inc && o[9] == (int)dec && qh[2 * b] == (unsigned long long)BLOCK << 40 &&
             qh[2 * b + 1] == BLOCK - 1 && fh[b] == 0.5f * BLOCK &&
             is_permutation(ol + b * BLOCK, BLOCK, 0);
    if (!ok && bad++ == 0) printf("  block %d: %d %d %d %d %d %d %d\n", b, o[0], o[1], o[2], o[3], o[6], o[8], o[9]);
  }
  CHECK(bad == 0, "rep %d: shared atomics wrong in %d blocks", rep, bad);
  free(oh);
  free(ol);
  free(qh);
  free(fh);
  cw_buffer_free(out.b);
  cw_buffer_free(q.b);
  cw_buffer_free(f.b);
  cw_buffer_free(olds.b);
}

static void test_hot_add(Ctx *c, int rep) {
  Buf ia = buf_new(c, 4, NULL), ua = buf_new(c, 4, NULL), qa = buf_new(c, 8, NULL),
      fa = buf_new(c, 4, NULL), da = buf_new(c, 8, NULL);
  int reps = HOT_REPS;
  void *args[] = {&ia.d, &ua.d, &qa.d, &fa.d, &da.d, &reps};
  if (launch(c, "hotAdd", AGRID, BLOCK, args)) return;
  int ih;
  unsigned uh;
  unsigned long long qh;
  float fh;
  double dh;
  cw_memcpy_dtoh(c->ctx, &ih, ia.d, 4);
  cw_memcpy_dtoh(c->ctx, &uh, ua.d, 4);
  cw_memcpy_dtoh(c->ctx, &qh, qa.d, 8);
  cw_memcpy_dtoh(c->ctx, &fh, fa.d, 4);
  cw_memcpy_dtoh(c->ctx, &dh, da.d, 8);
  long long m = (long long)AN * HOT_REPS; /* 16M: exact in float */
  CHECK(ih == m && uh == 3u * (unsigned)m && qh == (unsigned long long)m << 34,
        "rep %d: hot integer atomicAdd lost updates: %d %u %llu of %lld", rep, ih, uh, qh >> 34, m);
  CHECK(fh == (float)m && dh == 0.25 * (double)m,
        "rep %d: hot float atomicAdd lost updates: %.0f %.2f of %lld", rep, fh, dh, m);
  Buf all[] = {ia, ua, qa, fa, da};
  for (size_t i = 0; i < sizeof all / sizeof *all; i++) cw_buffer_free(all[i].b);
}

/* C model of barrierLoops for one block. */
static void barrier_loops_ref(int b, int n, int base, int *s) {
  int trips = base + b % 7, v[256];
  for (int t = 0; t < n; t++) s[t] = t;
  for (int k = 0; k < trips; k++) {
    for (int t = 0; t < n; t++) v[t] = s[(t + 1) % n] + 1;
    memcpy(s, v, sizeof(int) * (size_t)n);
    for (int j = 0; j < (k & 3); j++)
      for (int t = 0; t < n; t++) s[t] += k * j;
    if (b & 1) {
      int cnt = 0;
      for (int t = 0; t < n; t++) cnt += s[t] & 1;
      for (int t = 0; t < n; t++) s[t] += cnt & 1;
    }
  }
}

static void test_barriers(Ctx *c, int rep) {
  int base = 3 + rep % 4;
  Buf out = buf_new(c, N * 4, NULL);
  void *args[] = {&out.d, &base};
  if (launch(c, "barrierLoops", GRID, BLOCK, args)) return;
  int *oh = malloc(N * 4), s[256], bad = 0;
  cw_memcpy_dtoh(c->ctx, oh, out.d, N * 4);
  for (int b = 0; b < GRID; b++) {
    barrier_loops_ref(b, BLOCK, base, s);
    if (memcmp(s, oh + b * BLOCK, BLOCK * 4)) bad++;
  }
  CHECK(bad == 0, "rep %d: barrierLoops wrong in %d blocks", rep, bad);
  /* early exit */
  int *in = malloc(N * 4);
  for (int i = 0; i < N; i++) in[i] = (i * 37 + rep) % 101;
  Buf bin = buf_new(c, N * 4, in);
  cw_memset(c->ctx, out.d, 0xff, N * 4);
  void *a2[] = {&bin.d, &out.d};
  if (!launch(c, "earlyExit", GRID, BLOCK, a2)) {
    cw_memcpy_dtoh(c->ctx, oh, out.d, N * 4);
    bad = 0;
    for (int b = 0; b < GRID; b++) {
      int active = BLOCK - (b * 13 % BLOCK), acc = 0;
      for (int t = 0; t < active; t++) acc += in[b * BLOCK + t];
      for (int t = 0; t < BLOCK; t++) {
        int e = t < active ? acc * 1000 + active : -1;
        if (oh[b * BLOCK + t] != e) { bad++; break; }
      }
    }
    CHECK(bad == 0, "rep %d: earlyExit wrong in %d blocks", rep, bad);
  }
  free(in);
  free(oh);
  cw_buffer_free(bin.b);
  cw_buffer_free(out.b);
}

/* C model of warpOps for one warp (v: 32 inputs, o: 32*12 outputs). */
static void warp_ops_ref(const int *v, int *o) {
  unsigned ballot = 0, all = 1, any = 0, sum = 0, mx = 0;
  for (int l = 0; l < 32; l++) {
    ballot |= (unsigned)(v[l] & 1) << l;
    any |= v[l] == 17;
    all &= v[l] >= 0;
    sum += (unsigned)v[l];
    if ((unsigned)v[l] > mx) mx = (unsigned)v[l];
  }
  int scan = 0;
  unsigned sub = 0;
  for (int l = 0; l < 32; l++)
    if (v[l] & 2) sub |= (unsigned)((v[l] & 4) != 0) << l;
  for (int l = 0; l < 32; l++) {
    int *q = o + 12 * l;
    q[0] = v[(l * 7 + 3) & 31];
    q[1] = l >= 5 ? v[l - 5] : v[l];
    q[2] = (l & 15) + 3 < 16 ? v[l + 3] : v[l];
    q[3] = v[(l & ~7) | ((l & 7) ^ 6)];
    q[4] = (int)ballot;
    q[5] = any | (int)(all << 1);
    unsigned m = 0;
    for (int k = 0; k < 32; k++) m |= (unsigned)(v[k] % 5 == v[l] % 5) << k;
    q[6] = (int)m;
    q[7] = (int)sum;
    q[8] = (int)mx;
    q[9] = v[(l & ~3) | ((l + 2) & 3)];
    q[10] = scan += v[l];
    q[11] = (v[l] & 2) ? (int)sub : 0;
  }
}

static void test_warps(Ctx *c, int rep) {
  int *in = malloc(N * 4), *oh = malloc(N * 48), *ex = malloc(N * 48);
  unsigned s = 12345u + (unsigned)rep;
  for (int i = 0; i < N; i++) {
    s = s * 1103515245u + 12345u;
    in[i] = (int)((s >> 8) % 200);
  }
  Buf bin = buf_new(c, N * 4, in), out = buf_new(c, N * 48, NULL);
  void *args[] = {&bin.d, &out.d};
  if (!launch(c, "warpOps", GRID, BLOCK, args)) {
    cw_memcpy_dtoh(c->ctx, oh, out.d, N * 48);
    for (int w = 0; w < N / 32; w++) warp_ops_ref(in + 32 * w, ex + 32 * 12 * w);
    int bad = -1;
    for (int i = 0; i < N * 12 && bad < 0; i++)
      if (oh[i] != ex[i]) bad = i;
    CHECK(bad < 0, "rep %d: warpOps thread %d op %d: %d, expected %d", rep, bad / 12, bad % 12,
          bad >= 0 ? oh[bad] : 0, bad >= 0 ? ex[bad] : 0);
  }
  free(in);
  free(oh);
  free(ex);
  cw_buffer_free(bin.b);
  cw_buffer_free(out.b);
}

/* Runs the atomic tests (atomics) and/or the barrier and warp tests
 * (others) on a context whose pool has `nthreads` threads. */
static void run_with_threads(const char *nthreads, bool atomics, bool others) {
  setenv("CUWASM_NUM_THREADS", nthreads, 1);
  Ctx c = {NULL, NULL};
  cw_diags *d = cw_diags_new();
  if (cw_context_new("cpu", &c.ctx) != CW_OK ||
      cw_module_load_source(c.ctx, "stress.cu", src, strlen(src), NULL, d, &c.mod) != CW_OK) {
    char *txt = cw_diags_render(d);
    printf("FAIL setup (%s threads): %s %s\n", nthreads, c.ctx ? cw_last_error_message(c.ctx) : "",
           txt ? txt : "");
    free(txt);
    failed++;
  } else {
    int before = failed;
    for (int rep = 0; atomics && rep < AREPS && failed - before < 5; rep++) {
      test_hot_add(&c, rep);
      test_atom_global(&c, rep);
      test_atom_shared(&c, rep);
    }
    for (int rep = 0; others && rep < REPS && failed - before < 5; rep++) {
      test_barriers(&c, rep);
      test_warps(&c, rep);
    }
    printf("CUWASM_NUM_THREADS=%s: %s%s, %s\n", nthreads, atomics ? "atomics" : "",
           others ? (atomics ? ", barriers, warps" : "barriers, warps") : "",
           failed == before ? "all correct" : "FAILURES");
  }
  cw_module_free(c.mod);
  cw_context_free(c.ctx);
  cw_diags_free(d);
}

int main(void) {
  run_with_threads("2", true, true);
  run_with_threads("4", true, false);
  run_with_threads("1", false, true);
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
