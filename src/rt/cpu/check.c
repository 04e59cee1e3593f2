/*
 * check.c — memcheck and racecheck for kernels on the CPU backend
 * (`cuwasm run --check memcheck|racecheck`, or CUWASM_CHECK=... for a
 * binary built by `cuwasm cc`).
 *
 * Kernels compiled in check mode (emit/c_check.c) call cpu_check_access
 * before every access through a pointer or array, with its size, whether
 * it writes, its source position and the thread.  memcheck accepts an
 * access that lies wholly inside a live device allocation (exact sizes:
 * the memory pool rounds nothing in check mode), a module global, this
 * block's shared memory, or the calling thread's stack (local arrays); any
 * other access is reported, with the nearest allocation, a freed one it
 * falls in (use after free), or misalignment, and is redirected to a
 * scratch word so the kernel runs on and later errors are found too.
 * racecheck keeps, for every 4-byte word of the block's shared memory,
 * the last writer and reader since the last barrier (an epoch that every
 * barrier and every new block advances): a read after another thread's
 * write, or a write after another thread's read or write, in the same
 * epoch is a hazard.  Reports go to the device's output (flushed at
 * synchronisation like printf), once per source position, in
 * compute-sanitizer's shape; the device counts every error and the
 * program's exit status reports them (src/compat).
 *
 * Allocations and globals are snapshotted, sorted, once per launch; the
 * shadow memory is per pool thread.
 */
#define _GNU_SOURCE /* pthread_getattr_np: the thread's stack */
#include "cpu_internal.h"

#include "../../base/base.h"
#include "../../emit/c_abi.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { RACE_NONE = -1, RACE_MANY = -2, SCRATCH_BYTES = 4096 };

typedef struct RaceWord {
  uint32_t epoch;
  int32_t writer, reader; /* linear thread ids, or RACE_NONE / RACE_MANY */
  const char *wloc, *rloc;
} RaceWord;

struct CpuRaceShadow {
  RaceWord *words;
  size_t nwords;
  uint32_t epoch;
};

static _Thread_local CpuRaceShadow *tls_shadow;
static _Thread_local _Alignas(64) unsigned char scratch[SCRATCH_BYTES];
static atomic_uint next_epoch = 1;

/* ---- reports -------------------------------------------------------------- */

/* True the first time (loc, what) is seen: one report per source line. */
static bool first_report(CpuChecker *c, const char *loc, int what) {
  uintptr_t key = (uintptr_t)loc * 8 + (uintptr_t)what;
  pthread_mutex_lock(&c->mu);
  bool seen = false;
  for (size_t i = 0; i < c->nseen && !seen; i++) seen = c->seen[i] == key;
  if (!seen && c->nseen < sizeof c->seen / sizeof *c->seen) c->seen[c->nseen++] = key;
  pthread_mutex_unlock(&c->mu);
  return !seen;
}

static void report(CpuChecker *c, const char *text) {
  atomic_fetch_add(&c->errors, 1);
  c->emit(c->sink, text);
}

static void where(char *buf, size_t n, const CpuCheck *k, const cw_rt_ctx *ctx, int32_t tx,
                  uint32_t ty, uint32_t tz) {
  if (tx < 0)
    snprintf(buf, n, "block (%u,%u,%u), code shared by the block's threads",
             ctx->block_idx[0], ctx->block_idx[1], ctx->block_idx[2]);
  else
    snprintf(buf, n, "thread (%d,%u,%u) in block (%u,%u,%u)", tx, ty, tz, ctx->block_idx[0],
             ctx->block_idx[1], ctx->block_idx[2]);
  (void)k;
}

/* ---- memcheck ------------------------------------------------------------- */

static int range_cmp(const void *a, const void *b) {
  const CpuCheckRange *x = a, *y = b;
  return x->lo < y->lo ? -1 : x->lo > y->lo;
}

/* The range with the greatest start <= p, or NULL. */
static const CpuCheckRange *range_below(const CpuCheck *k, const unsigned char *p) {
  size_t lo = 0, hi = k->nranges;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (k->ranges[mid].lo <= p) lo = mid + 1;
    else hi = mid;
  }
  return lo ? &k->ranges[lo - 1] : NULL;
}

static bool on_own_stack(const unsigned char *p, uint32_t size) {
  static _Thread_local const unsigned char *lo, *hi;
  if (!lo) {
    pthread_attr_t a;
    void *addr;
    size_t n;
    if (pthread_getattr_np(pthread_self(), &a) != 0) return false;
    pthread_attr_getstack(&a, &addr, &n);
    pthread_attr_destroy(&a);
    lo = addr;
    hi = lo + n;
  }
  return p >= lo && p + size <= hi;
}

/* Where p lies, for the report: near which allocation, or freed. */
static void describe(const CpuCheck *k, const unsigned char *p, uint32_t size, char *buf,
                     size_t n) {
  for (size_t i = 0; i < k->nfreed; i++) {
    const CpuCheckRange *f = &k->freed[i];
    if (p >= f->lo && p < f->lo + f->size) {
      snprintf(buf, n, "Address %p is %zu bytes inside a %zu-byte allocation that was freed "
               "(use after cudaFree)", (const void *)p, (size_t)(p - f->lo), f->size);
      return;
    }
  }
  const CpuCheckRange *r = range_below(k, p);
  const CpuCheckRange *above = r ? r + 1 : k->ranges;
  if (above >= k->ranges + k->nranges) above = NULL;
  size_t after = r ? (size_t)(p - (r->lo + r->size)) : SIZE_MAX;
  size_t before = above ? (size_t)(above->lo - (p + size)) : SIZE_MAX;
  if (r && p < r->lo + r->size) /* starts inside, ends past the end */
    snprintf(buf, n, "Address %p: the %u-byte access runs past the end of the %zu-byte %s at %p",
             (const void *)p, size, r->size, r->name, (const void *)r->lo);
  else if (r && after <= before)
    snprintf(buf, n, "Address %p is %zu bytes after the end of the %zu-byte %s at %p",
             (const void *)p, after, r->size, r->name, (const void *)r->lo);
  else if (above)
    snprintf(buf, n, "Address %p is %zu bytes before the %zu-byte %s at %p", (const void *)p,
             before, above->size, above->name, (const void *)above->lo);
  else
    snprintf(buf, n, "Address %p is outside every allocation", (const void *)p);
}

static bool inside_known(const CpuCheck *k, const cw_rt_ctx *ctx, const unsigned char *p,
                         uint32_t size) {
  const CpuCheckRange *r = range_below(k, p);
  if (r && p + size <= r->lo + r->size) return true;
  if (p >= ctx->shm && p + size <= ctx->shm + k->shm_bytes) return true;
  return on_own_stack(p, size);
}

static void memcheck_fail(CpuCheck *k, const cw_rt_ctx *ctx, const unsigned char *p,
                          uint32_t size, int kind, const char *loc, int32_t tx, uint32_t ty,
                          uint32_t tz, bool misaligned) {
  if (!first_report(k->dev, loc, misaligned ? 2 : kind)) {
    atomic_fetch_add(&k->dev->errors, 1);
    return;
  }
  char who[128], what[320], buf[900];
  where(who, sizeof who, k, ctx, tx, ty, tz);
  bool shared = p >= ctx->shm && p < ctx->shm + k->shm_bytes + 4096;
  if (misaligned)
    snprintf(what, sizeof what, "Address %p is misaligned for a %u-byte access", (const void *)p,
             size);
  else if (shared)
    snprintf(what, sizeof what, "Address %p is %zu bytes past the block's %zu bytes of shared "
             "memory", (const void *)p, (size_t)(p - (ctx->shm + k->shm_bytes)), k->shm_bytes);
  else
    describe(k, p, size, what, sizeof what);
  snprintf(buf, sizeof buf,
           "========= Invalid %s %s of size %u bytes\n"
           "=========     at %s in kernel '%s'\n"
           "=========     by %s\n"
           "=========     %s\n=========\n",
           shared ? "__shared__" : "__global__", kind == CW_ACCESS_WRITE ? "write" : "read", size,
           loc, k->kernel, who, what);
  report(k->dev, buf);
}

/* ---- racecheck ------------------------------------------------------------ */

static void race_report(CpuCheck *k, const cw_rt_ctx *ctx, const char *first, const char *loc,
                        const char *kinds, int32_t other, int32_t t) {
  if (!first_report(k->dev, loc, 3)) {
    atomic_fetch_add(&k->dev->errors, 1);
    return;
  }
  char buf[700], who[32];
  if (other >= 0) snprintf(who, sizeof who, "%d", other);
  else snprintf(who, sizeof who, "(several readers)");
  snprintf(buf, sizeof buf,
           "========= Error: Race reported between %s\n"
           "=========     at %s and at %s in kernel '%s'\n"
           "=========     threads %s and %d of block (%u,%u,%u), with no barrier between\n"
           "=========\n",
           kinds, first, loc, k->kernel, who, t, ctx->block_idx[0], ctx->block_idx[1],
           ctx->block_idx[2]);
  report(k->dev, buf);
}

static void race_access(CpuCheck *k, const cw_rt_ctx *ctx, const unsigned char *p,
                        uint32_t size, int kind, const char *loc, int32_t t) {
  CpuRaceShadow *sh = tls_shadow;
  if (!sh || t < 0) return;
  size_t first = (size_t)(p - ctx->shm) / 4, last = (size_t)(p + size - 1 - ctx->shm) / 4;
  for (size_t i = first; i <= last && i < sh->nwords; i++) {
    RaceWord *w = &sh->words[i];
    if (w->epoch != sh->epoch) *w = (RaceWord){sh->epoch, RACE_NONE, RACE_NONE, NULL, NULL};
    if (kind == CW_ACCESS_WRITE) {
      if (w->writer >= 0 && w->writer != t)
        race_report(k, ctx, w->wloc, loc, "Write and Write accesses", w->writer, t);
      else if (w->reader == RACE_MANY || (w->reader >= 0 && w->reader != t))
        race_report(k, ctx, w->rloc, loc, "Read and Write accesses",
                    w->reader >= 0 ? w->reader : -1, t);
      w->writer = t;
      w->wloc = loc;
    } else {
      if (w->writer >= 0 && w->writer != t)
        race_report(k, ctx, w->wloc, loc, "Write and Read accesses", w->writer, t);
      w->reader = w->reader == RACE_NONE || w->reader == t ? t : RACE_MANY;
      w->rloc = loc;
    }
  }
}

/* The allocation or global p lies in becomes the context's window: the
 * generated code checks the next accesses inside it without a call.
 * The stack never does (no single range worth caching), nor shared
 * memory while racecheck must see every access to it. */
static void remember_window(const CpuCheck *k, cw_rt_ctx *ctx, const unsigned char *p) {
  const CpuCheckRange *r = range_below(k, p);
  if (!r || p >= r->lo + r->size) return;
  uint32_t i = ctx->chk_next++ & 3;
  ctx->chk_lo[i] = r->lo;
  ctx->chk_hi[i] = r->lo + r->size;
}

/* ---- the callbacks ------------------------------------------------------------ */

const void *cpu_check_access(cw_rt_ctx *ctx, const void *pv, uint32_t size, int kind,
                             const char *loc, int32_t tx, uint32_t ty, uint32_t tz) {
  CpuCheck *k = cpu_launch_check(ctx->host);
  const unsigned char *p = pv;
  if (!k) return pv;
  bool in_shared = p >= ctx->shm && p + size <= ctx->shm + k->shm_bytes;
  if (k->racecheck && in_shared) {
    int32_t t = tx < 0 ? -1 : (int32_t)((tz * ctx->block_dim[1] + ty) * ctx->block_dim[0]) + tx;
    race_access(k, ctx, p, size, kind, loc, t);
  }
  if (!k->memcheck) { /* racecheck alone: let the code skip the call for global memory */
    if (!in_shared && inside_known(k, ctx, p, size)) remember_window(k, ctx, p);
    return pv;
  }
  bool misaligned = size > 1 && (size & (size - 1)) == 0 && size <= 16 &&
                    ((uintptr_t)p & (size - 1)) != 0;
  if (!misaligned && in_shared) {
    if (!k->racecheck) { /* memcheck alone: shared memory may be cached too */
      uint32_t i = ctx->chk_next++ & 3;
      ctx->chk_lo[i] = ctx->shm;
      ctx->chk_hi[i] = ctx->shm + k->shm_bytes;
    }
    return pv;
  }
  if (!misaligned && inside_known(k, ctx, p, size)) {
    remember_window(k, ctx, p);
    return pv;
  }
  memcheck_fail(k, ctx, p, size, kind, loc, tx, ty, tz, misaligned);
  return size <= SCRATCH_BYTES ? scratch : pv;
}

void cpu_check_barrier(cw_rt_ctx *ctx) {
  (void)ctx;
  if (tls_shadow) tls_shadow->epoch = atomic_fetch_add(&next_epoch, 1);
}

void cpu_check_block_begin(CpuCheck *k, int worker) {
  CpuRaceShadow *sh = k->racecheck ? &k->shadows[worker] : NULL;
  tls_shadow = sh;
  if (sh) sh->epoch = atomic_fetch_add(&next_epoch, 1);
}

/* ---- per launch ----------------------------------------------------------------- */

bool cpu_check_begin(CpuCheck *k, CpuChecker *c, const char *kernel, const CpuCheckRange *ranges,
                     size_t nranges, size_t shm_bytes, int nworkers) {
  *k = (CpuCheck){.dev = c, .kernel = kernel, .shm_bytes = shm_bytes,
                  .memcheck = c->memcheck, .racecheck = c->racecheck};
  k->ranges = malloc(sizeof *k->ranges * (nranges ? nranges : 1));
  if (!k->ranges) return false;
  memcpy(k->ranges, ranges, sizeof *ranges * nranges);
  k->nranges = nranges;
  qsort(k->ranges, nranges, sizeof *k->ranges, range_cmp);
  pthread_mutex_lock(&c->mu);
  k->freed = malloc(sizeof *k->freed * (c->nfreed ? c->nfreed : 1));
  if (k->freed) {
    memcpy(k->freed, c->freed, sizeof *c->freed * c->nfreed);
    k->nfreed = c->nfreed;
  }
  pthread_mutex_unlock(&c->mu);
  if (k->racecheck) {
    k->shadows = calloc((size_t)nworkers, sizeof *k->shadows);
    size_t words = (shm_bytes + 3) / 4;
    for (int i = 0; k->shadows && i < nworkers; i++) {
      k->shadows[i].words = calloc(words ? words : 1, sizeof(RaceWord));
      k->shadows[i].nwords = words;
      if (!k->shadows[i].words) return false;
    }
    k->nshadows = k->shadows ? nworkers : 0;
    if (!k->shadows) return false;
  }
  return k->freed != NULL;
}

void cpu_check_end(CpuCheck *k) {
  for (int i = 0; i < k->nshadows; i++) free(k->shadows[i].words);
  free(k->shadows);
  free(k->ranges);
  free(k->freed);
  tls_shadow = NULL;
}

/* ---- per device ------------------------------------------------------------------- */

/* CUWASM_CHECK: memcheck, racecheck, leaks (src/base/check_list.c). */
bool cpu_checker_init(CpuChecker *c, void (*emit)(void *, const char *), void *sink) {
  *c = (CpuChecker){.emit = emit, .sink = sink};
  CwCheckList want = cw_check_list_from_env();
  if (!cw_check_list_any(want)) return false;
  c->memcheck = want.memcheck;
  c->racecheck = want.racecheck;
  pthread_mutex_init(&c->mu, NULL);
  atomic_init(&c->errors, 0);
  c->on = true; /* leaks alone: counted in src/compat, errors reported here */
  return c->on;
}

void cpu_checker_freed(CpuChecker *c, const void *p, size_t size) {
  if (!c->on) return;
  pthread_mutex_lock(&c->mu);
  size_t cap = sizeof c->freed / sizeof *c->freed;
  if (c->nfreed == cap) {
    memmove(c->freed, c->freed + 1, sizeof *c->freed * (cap - 1));
    c->nfreed--;
  }
  c->freed[c->nfreed++] = (CpuCheckRange){p, size, "freed allocation"};
  pthread_mutex_unlock(&c->mu);
}

void cpu_checker_destroy(CpuChecker *c) {
  if (c->on) pthread_mutex_destroy(&c->mu);
}
