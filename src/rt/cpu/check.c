/*
 * check.c — memcheck, racecheck, synccheck and initcheck for kernels on the CPU backend
 * (`cuwasm run --check memcheck|racecheck|synccheck|initcheck`, or CUWASM_CHECK=... for a
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
 * epoch is a hazard.  For device memory racecheck keeps a record per
 * 4-byte word (CpuGlobalRaceWord, made with the allocation): the block
 * (an id of its launch) and position of its last write and of its reads;
 * a read of a word
 * another block wrote in the same launch, or a write of one another block
 * read or wrote, is a hazard between blocks, unless that block has run a
 * device-scope __threadfence() since (the fence-then-atomic handshake of
 * "last block" reductions, whose atomic is not tracked).  Code compiled
 * for racecheck (emit/c_check.c) updates both kinds of record itself,
 * by the same rules, where no report can come of an access, and calls
 * here where one may.  synccheck gets the calls of check-mode code that
 * found a barrier some live thread of the block does not reach, or a warp
 * collective whose mask names a lane that is not there (emit/c_check.c
 * makes the test inline), and reports them.  initcheck keeps a shadow
 * byte per byte of every device allocation (guarded_alloc.c), set by host
 * copies and fills (cpu_check_host_wrote) and by kernel writes, tested by
 * kernel reads: the generated code does both inline for accesses inside
 * its four windows and calls here for the rest.  Reports go to the device's output (flushed at
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
#include <time.h>

enum { RACE_NONE = -1, RACE_MANY = -2, SCRATCH_BYTES = 4096 };

/* cw_race_word (emit/c_abi.h): writer and reader are linear thread ids,
 * or RACE_NONE / RACE_MANY. */
typedef cw_race_word RaceWord;

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
  uintptr_t key = (uintptr_t)loc * 16 + (uintptr_t)what;
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
size_t cpu_ranges_upper(const CpuCheckRange *v, size_t n, const unsigned char *p) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (v[mid].lo <= p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

static const CpuCheckRange *range_below(const CpuCheck *k, const unsigned char *p) {
  size_t i = cpu_ranges_upper(k->ranges, k->nranges, p);
  return i ? &k->ranges[i - 1] : NULL;
}

static _Thread_local const unsigned char *stack_lo, *stack_hi; /* this pool thread's */

static bool on_own_stack(const unsigned char *p, uint32_t size) {
  if (!stack_lo) {
    pthread_attr_t a;
    void *addr;
    size_t n;
    if (pthread_getattr_np(pthread_self(), &a) != 0) return false;
    pthread_attr_getstack(&a, &addr, &n);
    pthread_attr_destroy(&a);
    stack_lo = addr;
    stack_hi = stack_lo + n;
  }
  return p >= stack_lo && p + size <= stack_hi;
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
                          uint32_t tz, uint32_t misaligned /* the alignment p lacks, or 0 */) {
  bool atomic = kind == CW_ACCESS_ATOMIC || kind == CW_ACCESS_ATOMIC_STORE;
  if (!first_report(k->dev, loc, misaligned ? 2 : atomic ? 8 : kind)) {
    atomic_fetch_add(&k->dev->errors, 1);
    return;
  }
  char who[128], what[320], buf[900];
  where(who, sizeof who, k, ctx, tx, ty, tz);
  bool shared = p >= ctx->shm && p < ctx->shm + k->shm_bytes + 4096;
  if (misaligned == size)
    snprintf(what, sizeof what, "Address %p is misaligned for a %u-byte access", (const void *)p,
             size);
  else if (misaligned)
    snprintf(what, sizeof what, "Address %p is misaligned for a %u-byte access (its type is "
             "%u-byte aligned)", (const void *)p, size, misaligned);
  else if (shared)
    snprintf(what, sizeof what, "Address %p is %zu bytes past the block's %zu bytes of shared "
             "memory", (const void *)p, (size_t)(p - (ctx->shm + k->shm_bytes)), k->shm_bytes);
  else if (!cpu_check_heap_near(k->dev, p, what, sizeof what))
    describe(k, p, size, what, sizeof what);
  snprintf(buf, sizeof buf,
           "========= Invalid %s %s of size %u bytes\n"
           "=========     at %s in kernel '%s'\n"
           "=========     by %s\n"
           "=========     %s\n=========\n",
           shared ? "__shared__" : "__global__",
           atomic ? "atomic" : kind == CW_ACCESS_WRITE ? "write" : "read", size,
           loc, k->kernel, who, what);
  report(k->dev, buf);
}

void cpu_check_bad_free(CpuCheck *k, cw_rt_ctx *ctx, const void *p) {
  if (!k->memcheck) return;
  if (!first_report(k->dev, k->kernel, 9)) {
    atomic_fetch_add(&k->dev->errors, 1);
    return;
  }
  char buf[600];
  snprintf(buf, sizeof buf,
           "========= Invalid __global__ free\n"
           "=========     in kernel '%s', block (%u,%u,%u)\n"
           "=========     Address %p was not returned by malloc in a kernel, or was freed "
           "already\n=========\n",
           k->kernel, ctx->block_idx[0], ctx->block_idx[1], ctx->block_idx[2], p);
  report(k->dev, buf);
}

/* ---- initcheck ------------------------------------------------------------ */

/* A read tests the bytes of [p, p + size) that fields marks (all where
 * fields is NULL: a struct's padding is no part of its read on a GPU,
 * emit/c_check_fields.c); a write marks every byte. */
static void initcheck_access(CpuCheck *k, const cw_rt_ctx *ctx, const CpuCheckRange *r,
                             const unsigned char *p, uint32_t size, int kind, const char *loc,
                             int32_t tx, uint32_t ty, uint32_t tz, const unsigned char *fields) {
  unsigned char *s = r->init + (p - r->lo);
  if (kind == CW_ACCESS_WRITE || kind == CW_ACCESS_ATOMIC_STORE) {
    memset(s, 1, size);
    return;
  }
  uint32_t j = 0;
  while (j < size && (s[j] || (fields && !fields[j]))) j++;
  if (j == size) return;
  bool atomic = kind == CW_ACCESS_ATOMIC;
  if (atomic) memset(s, 1, size); /* it writes too: one report, not one per thread */
  if (!first_report(k->dev, loc, 4)) {
    atomic_fetch_add(&k->dev->errors, 1);
    return;
  }
  char who[128], buf[900];
  where(who, sizeof who, k, ctx, tx, ty, tz);
  snprintf(buf, sizeof buf,
           "========= Uninitialized __global__ memory read of size %u bytes%s\n"
           "=========     at %s in kernel '%s'\n"
           "=========     by %s\n"
           "=========     Address %p is %zu bytes inside the %zu-byte %s at %p; byte %u of the "
           "read%s was never written (by cudaMemcpy, cudaMemset or a kernel)\n=========\n",
           size, atomic ? " by an atomic" : "", loc, k->kernel, who, (const void *)p,
           (size_t)(p - r->lo), r->size, r->name,
           (const void *)r->lo, j, fields ? " (a struct's, in a field: its padding is not read)" : "");
  report(k->dev, buf);
}

void cpu_check_host_wrote(CpuAllocTable *t, void *dst, const void *src, size_t n) {
  unsigned char *d = cpu_guard_shadow(t, dst, n);
  if (!d) return;
  const unsigned char *s = src ? cpu_guard_shadow(t, src, n) : NULL;
  if (s) memmove(d, s, n);
  else memset(d, 1, n);
}

/* ---- synccheck ------------------------------------------------------------ */

void cpu_check_sync(cw_rt_ctx *ctx, int kind, const char *what, const char *loc, uint32_t t,
                    uint32_t other, uint32_t mask, uint32_t active) {
  CpuCheck *k = cpu_launch_check(ctx->host);
  if (!k || !k->synccheck) return;
  if (!first_report(k->dev, loc, 5 + kind)) {
    atomic_fetch_add(&k->dev->errors, 1);
    return;
  }
  uint32_t bx = ctx->block_dim[0], by = ctx->block_dim[1];
  char who[128], other_who[64], what_line[400], buf[900];
  where(who, sizeof who, k, ctx, (int32_t)(t % bx), (t / bx) % by, t / (bx * by));
  snprintf(other_who, sizeof other_who, "thread (%u,%u,%u)", other % bx, (other / bx) % by,
           other / (bx * by));
  const char *title = "Divergent thread(s) in block";
  if (kind == CW_SYNC_BARRIER) {
    snprintf(what_line, sizeof what_line,
             "%s has not returned and does not reach this %s: a branch or loop around it "
             "divides the block", other_who, what);
  } else if (kind == CW_SYNC_MASK_LANE) {
    title = "Invalid arguments";
    snprintf(what_line, sizeof what_line,
             "the mask 0x%08x of %s names lane %u (%s), which is not at it: the lanes there "
             "are 0x%08x", mask, what, other % 32, other_who, active);
  } else {
    title = "Invalid arguments";
    snprintf(what_line, sizeof what_line,
             "the mask 0x%08x of %s leaves out lane %u, which calls it (the lanes there are "
             "0x%08x)", mask, what, t % 32, active);
  }
  snprintf(buf, sizeof buf,
           "========= Barrier error detected. %s\n"
           "=========     at %s in kernel '%s'\n"
           "=========     by %s\n"
           "=========     %s\n=========\n",
           title, loc, k->kernel, who, what_line);
  report(k->dev, buf);
}

/* ---- racecheck ------------------------------------------------------------ */

/* The last accesses of one 4-byte word of device memory (cw_race_gword,
 * emit/c_abi.h, 32 bytes: records are as large as the memory they watch
 * times eight, so every byte of them is traffic).  Blocks are named by
 * ids: a launch takes race_span ids from its device's counter, block b
 * (linear) is race_base + b (beyond 2^30 blocks, blocks 2^30 apart share
 * one and are not told apart), and an id outside the launch's ids (an
 * older launch's, or 0) is no access of this launch; so no record is
 * cleared between launches, until the counter wraps (then all are).  The
 * masks say which bytes of the word were accessed (records are per word,
 * element types may be smaller); two reading blocks are kept, a third
 * makes rid2 RACE_READERS.  Fence counts are kept to 16 bits (a block
 * that fenced 65536 times since looks unfenced: a report too many, never
 * one lost); source positions are 32-bit offsets from the kernel's name
 * (in the same module).  Fields are read and written with relaxed
 * atomics: two blocks touch one record at once only when their accesses
 * race, or both read. */
typedef cw_race_gword CpuGlobalRaceWord;

enum { RACE_READERS = 0xffffffffu, FENCE_SLOTS = 1u << 20, RACE_SPAN_MAX = 1u << 30 };

size_t cpu_check_race_word_bytes(void) { return sizeof(CpuGlobalRaceWord); }

#define LOAD(x) __atomic_load_n(&(x), __ATOMIC_RELAXED)
#define STORE(x, v) __atomic_store_n(&(x), (v), __ATOMIC_RELAXED)

/* The block (linear + 1) id names in this launch; 0: none of this launch. */
static uint32_t block_of(const CpuCheck *k, uint32_t id) {
  return id - k->race_base < k->race_span ? id - k->race_base + 1 : 0;
}

static uint32_t id_of(const CpuCheck *k, uint64_t self) {
  return k->race_base + (uint32_t)(self % k->race_span);
}

static int32_t loc_offset(const CpuCheck *k, const char *loc) {
  intptr_t d = (intptr_t)((uintptr_t)loc - (uintptr_t)k->loc_base);
  return d == (int32_t)d ? (int32_t)d : 0;
}

static const char *loc_at(const CpuCheck *k, int32_t off) {
  return off ? (const char *)((uintptr_t)k->loc_base + (uintptr_t)(intptr_t)off) : NULL;
}

static uint64_t linear_block(const cw_rt_ctx *ctx) {
  return ((uint64_t)ctx->block_idx[2] * ctx->grid_dim[1] + ctx->block_idx[1]) * ctx->grid_dim[0] +
         ctx->block_idx[0];
}

static uint32_t fences_of(const CpuCheck *k, uint64_t block) {
  return k->fences ? atomic_load_explicit(&k->fences[block % k->nfences], memory_order_acquire)
                   : 0;
}

void cpu_check_fence(cw_rt_ctx *ctx) {
  CpuCheck *k = cpu_launch_check(ctx->host);
  if (k && k->fences)
    atomic_fetch_add_explicit(&k->fences[linear_block(ctx) % k->nfences], 1,
                              memory_order_release);
}

/* Whether the earlier access of block b (+1), with fences fence then (low
 * 16 bits), may race with this block's: another block that has not fenced
 * since. */
static bool unordered(const CpuCheck *k, uint32_t b, uint32_t fence, uint64_t self) {
  if (b == RACE_READERS) return true;
  return b && b != (uint32_t)(self + 1) && (fences_of(k, b - 1) & 0xffffu) == fence;
}

static void block_name(char *buf, size_t n, const uint32_t grid[3], uint64_t b) {
  uint64_t gx = grid[0], gy = grid[1];
  snprintf(buf, n, "(%u,%u,%u)", (unsigned)(b % gx), (unsigned)(b / gx % gy),
           (unsigned)(b / (gx * gy)));
}

static void global_race_report(CpuCheck *k, const uint32_t grid[3], const CpuCheckRange *r,
                               const unsigned char *p, const char *first, const char *loc,
                               const char *kinds, uint32_t other, uint64_t self) {
  if (!first_report(k->dev, loc, 7)) {
    atomic_fetch_add(&k->dev->errors, 1);
    return;
  }
  char a[64], b[48], buf[900];
  if (other == RACE_READERS) snprintf(a, sizeof a, "(several blocks)");
  else block_name(a, sizeof a, grid, other - 1);
  block_name(b, sizeof b, grid, self);
  snprintf(buf, sizeof buf,
           "========= Error: Race reported between %s on global memory\n"
           "=========     at %s and at %s in kernel '%s'\n"
           "=========     blocks %s and %s of the same launch, with no __threadfence() and "
           "atomic between them\n"
           "=========     Address %p is %zu bytes inside the %zu-byte %s at %p\n=========\n",
           kinds, first ? first : "?", loc, k->kernel, a, b, (const void *)p,
           (size_t)(p - r->lo), r->size, r->name, (const void *)r->lo);
  report(k->dev, buf);
}

/* The bytes of word i of r as they are now (a word past the end of an
 * allocation whose size is no multiple of 4 is read in part). */
static uint32_t word_now(const CpuCheckRange *r, size_t i) {
  uint32_t v = 0;
  size_t n = r->size - i * 4 < 4 ? r->size - i * 4 : 4;
  memcpy(&v, r->lo + i * 4, n);
  return v;
}

static bool block_finished(const CpuCheck *k, uint32_t b) {
  return k->finished && atomic_load_explicit(&k->finished[b - 1], memory_order_acquire);
}

/* The value the first writer (block b + 1) left in word i.  Its check
 * kept the word as it was before its store (prev); while the word still
 * holds that, the store may not have landed yet (the block runs on
 * another worker): wait until the word changes or the block finishes
 * (then prev is what it wrote).  After a millisecond, give up: no
 * judgement rather than a wrong one. */
static bool first_writer_word(const CpuCheck *k, const CpuCheckRange *r, size_t i, uint32_t prev,
                              uint32_t b, uint32_t *out) {
  enum { SPINS = 64, NAPS = 4 }; /* then NAPS naps of 250 us */
  for (int round = 0; round < SPINS + NAPS; round++) {
    bool done = block_finished(k, b);
    uint32_t now = word_now(r, i);
    if (now != prev || done) {
      *out = now;
      return true;
    }
    if (round < SPINS) {
      cpu_relax();
    } else {
      struct timespec nap = {0, 250000};
      nanosleep(&nap, NULL);
    }
  }
  return false;
}

/* Two blocks writing one word: a race only when the values differ (many
 * blocks setting one flag to true is CUDA idiom), which is known once the
 * launch has ended.  What the first writer stored is kept (old), judged
 * against the word when the launch ends. */
static void pend_write_write(CpuCheck *k, const cw_rt_ctx *ctx, const CpuCheckRange *r,
                             const unsigned char *p, uint32_t size, const char *first,
                             const char *loc, uint32_t other, uint64_t self, uint32_t prev) {
  pthread_mutex_lock(&k->pending_mu);
  bool known = false;
  for (int i = 0; i < k->npending && !known; i++) known = k->pending[i].loc == loc;
  pthread_mutex_unlock(&k->pending_mu);
  if (known || size > sizeof k->pending[0].old) return;
  size_t off = (size_t)(p - r->lo), word = off / 4;
  unsigned char old[sizeof k->pending[0].old];
  if (off % 4 + size <= 4) { /* within one word: wait for the first store if need be */
    uint32_t v;
    if (!first_writer_word(k, r, word, prev, other, &v)) return;
    memcpy(old, (const unsigned char *)&v + off % 4, size);
  } else {
    memcpy(old, p, size);
  }
  pthread_mutex_lock(&k->pending_mu);
  known = false;
  for (int i = 0; i < k->npending && !known; i++) known = k->pending[i].loc == loc;
  if (!known && k->npending < CPU_CHECK_PENDING) {
    CpuPendingWrite *w = &k->pending[k->npending++];
    *w = (CpuPendingWrite){.p = p, .size = size, .first = first, .loc = loc, .other = other,
                           .self = self, .range = *r};
    memcpy(w->old, old, size);
    memcpy(w->grid, ctx->grid_dim, sizeof w->grid);
  }
  pthread_mutex_unlock(&k->pending_mu);
}

static void flush_write_write(CpuCheck *k) {
  for (int i = 0; i < k->npending; i++) {
    const CpuPendingWrite *w = &k->pending[i];
    if (memcmp(w->old, w->p, w->size) != 0)
      global_race_report(k, w->grid, &w->range, w->p, w->first, w->loc,
                         "Write and Write accesses", w->other, w->self);
  }
  k->npending = 0;
}

static void global_race_access(CpuCheck *k, const cw_rt_ctx *ctx, const CpuCheckRange *r,
                               const unsigned char *p, uint32_t size, int kind,
                               const char *loc) {
  CpuGlobalRaceWord *words = r->race;
  uint64_t self = linear_block(ctx);
  uint32_t me = (uint32_t)(self + 1), id = id_of(k, self);
  uint16_t fence = (uint16_t)fences_of(k, self);
  int32_t at = loc_offset(k, loc);
  size_t off = (size_t)(p - r->lo), first = off / 4, last = (off + size - 1) / 4;
  for (size_t i = first; i <= last; i++) {
    size_t lo = i * 4 > off ? i * 4 : off, hi = i * 4 + 4 < off + size ? i * 4 + 4 : off + size;
    uint8_t m = (uint8_t)(((1u << (hi - lo)) - 1u) << (lo - i * 4));
    CpuGlobalRaceWord *w = &words[i];
    uint32_t wb = block_of(k, LOAD(w->wid)), rb = block_of(k, LOAD(w->rid)), rid2 = LOAD(w->rid2);
    uint32_t rb2 = rid2 == RACE_READERS ? RACE_READERS : block_of(k, rid2);
    bool wcur = wb != 0, rcur = rb != 0;
    bool wover = wcur && (LOAD(w->wmask) & m), rover = rcur && (LOAD(w->rmask) & m);
    if (kind == CW_ACCESS_WRITE) {
      if (rover && (unordered(k, rb, LOAD(w->rfence), self) ||
                    unordered(k, rb2, LOAD(w->rfence2), self)))
        global_race_report(k, ctx->grid_dim, r, p, loc_at(k, LOAD(w->rloc)), loc,
                           "Read and Write accesses",
                           unordered(k, rb, LOAD(w->rfence), self) ? rb : rb2, self);
      else if (wover && unordered(k, wb, LOAD(w->wfence), self))
        pend_write_write(k, ctx, r, p, size, loc_at(k, LOAD(w->wloc)), loc, wb, self,
                         LOAD(w->wprev));
      if (wcur && wb == me) {
        STORE(w->wmask, (uint8_t)(LOAD(w->wmask) | m));
      } else {
        STORE(w->wmask, m);
      }
      STORE(w->wfence, fence);
      STORE(w->wprev, word_now(r, i));
      STORE(w->wloc, at);
      STORE(w->wid, id);
    } else {
      if (wover && unordered(k, wb, LOAD(w->wfence), self))
        global_race_report(k, ctx->grid_dim, r, p, loc_at(k, LOAD(w->wloc)), loc,
                           "Write and Read accesses", wb, self);
      if (!rcur) {
        STORE(w->rfence, fence);
        STORE(w->rid2, 0u);
        STORE(w->rmask, m);
        STORE(w->rloc, at);
        STORE(w->rid, id);
        continue;
      }
      STORE(w->rmask, (uint8_t)(LOAD(w->rmask) | m));
      if (rb == me) STORE(w->rfence, fence);
      else if (rb2 == me) STORE(w->rfence2, fence);
      else if (!rb2) {
        STORE(w->rid2, id);
        STORE(w->rfence2, fence);
      } else {
        STORE(w->rid2, RACE_READERS);
      }
      STORE(w->rloc, at);
    }
  }
}

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
 * generated code checks the next accesses inside it without a call
 * (emit/c_check.c's cw_chk), and under racecheck keeps its records itself
 * while no report can come of an access.  With memcheck on the stack
 * never does, nor shared memory while racecheck is on (the generated
 * code keeps the shared records through ctx->race_shm). */
static void remember_range(cw_rt_ctx *ctx, const unsigned char *lo, const unsigned char *hi,
                           unsigned char *init, cw_race_gword *race) {
  if (race) { /* racecheck's windows: the generated code's race path only */
    uint32_t i = ctx->race_next++ & 3;
    ctx->race_lo[i] = lo;
    ctx->race_hi[i] = hi;
    ctx->race_init[i] = init;
    ctx->race_rec[i] = race;
    return;
  }
  uint32_t i = ctx->chk_next++ & 3;
  ctx->chk_lo[i] = lo;
  ctx->chk_hi[i] = hi;
  ctx->chk_init[i] = init;
}

static void remember_window(const CpuCheck *k, cw_rt_ctx *ctx, const unsigned char *p) {
  const CpuCheckRange *r = range_below(k, p);
  if (!r || p >= r->lo + r->size) return;
  remember_range(ctx, r->lo, r->lo + r->size, k->initcheck ? r->init : NULL,
                 k->racecheck ? r->race : NULL);
}

/* The range of k's that holds [p, p + size), or NULL. */
static const CpuCheckRange *range_holding(const CpuCheck *k, const unsigned char *p, size_t size) {
  const CpuCheckRange *r = range_below(k, p);
  return r && p + size <= r->lo + r->size ? r : NULL;
}

/* A parameter's accesses may skip racecheck's records (emit/c_race_solo.c
 * decides which accesses) only inside a device allocation no other
 * parameter points into: every 8-byte-aligned slot of every other
 * parameter (pointers in structs too) is read as a pointer.  Not with
 * initcheck (those accesses still need its shadow); with memcheck, the
 * parameter must be 16-byte aligned, so that its elements are. */
void cpu_check_solo_params(CpuCheck *k, int nparams, const uint32_t *sizes, void **args) {
  if (!k->racecheck || k->initcheck) return;
  for (int i = 0; i < nparams && i < CW_RACE_SOLO_PARAMS; i++) {
    const unsigned char *v;
    if (sizes[i] != sizeof v) continue;
    memcpy(&v, args[i], sizeof v);
    const CpuCheckRange *r = range_holding(k, v, 1);
    if (!r || !r->race || strcmp(r->name, "device allocation") != 0) continue;
    if (k->memcheck && (uintptr_t)v % 16) continue;
    bool alone = true;
    for (int j = 0; j < nparams && alone; j++) {
      for (uint32_t at = 0; j != i && at + sizeof v <= sizes[j] && alone; at += sizeof v) {
        const unsigned char *w;
        memcpy(&w, (const unsigned char *)args[j] + at, sizeof w);
        alone = !(w >= r->lo && w <= r->lo + r->size);
      }
    }
    if (!alone) continue;
    k->solo_lo[i] = r->lo;
    k->solo_hi[i] = r->lo + r->size;
  }
}

void cpu_check_block_ctx(const CpuCheck *k, cw_rt_ctx *ctx) {
  ctx->shm_hi = ctx->shm + k->shm_bytes;
  memcpy(ctx->race_solo_lo, k->solo_lo, sizeof k->solo_lo);
  memcpy(ctx->race_solo_hi, k->solo_hi, sizeof k->solo_hi);
  if (k->racecheck && k->fences) {
    uint64_t self = linear_block(ctx);
    ctx->race_base = k->race_base;
    ctx->race_span = k->race_span;
    ctx->race_id = id_of(k, self);
    ctx->race_loc_base = k->loc_base;
    ctx->race_fence = (const uint32_t *)&k->fences[self % k->nfences];
  }
  if (k->memcheck || k->racecheck || k->initcheck) return;
  for (int i = 0; i < 4; i++) /* synccheck alone: no access needs the call */
    remember_range(ctx, (const unsigned char *)0, (const unsigned char *)UINTPTR_MAX, NULL, NULL);
}

/* ---- the callbacks ------------------------------------------------------------ */

const void *cpu_check_access(cw_rt_ctx *ctx, const void *pv, uint32_t size, uint32_t align,
                             int kind, const char *loc, int32_t tx, uint32_t ty, uint32_t tz,
                             const unsigned char *fields) {
  CpuCheck *k = cpu_launch_check(ctx->host);
  const unsigned char *p = pv;
  if (!k) return pv;
  bool in_shared = p >= ctx->shm && p + size <= ctx->shm + k->shm_bytes;
  bool atomic = kind == CW_ACCESS_ATOMIC || kind == CW_ACCESS_ATOMIC_STORE;
  if (k->racecheck && in_shared && !atomic) {
    int32_t t = tx < 0 ? -1 : (int32_t)((tz * ctx->block_dim[1] + ty) * ctx->block_dim[0]) + tx;
    race_access(k, ctx, p, size, kind, loc, t);
  }
  if ((k->initcheck || k->racecheck) && !in_shared) {
    const CpuCheckRange *r = range_below(k, p);
    if (r && p + size <= r->lo + r->size) {
      if (k->initcheck && r->init) initcheck_access(k, ctx, r, p, size, kind, loc, tx, ty, tz, fields);
      if (k->racecheck && r->race && !atomic) global_race_access(k, ctx, r, p, size, kind, loc);
    }
  }
  if (!k->memcheck) { /* no bounds to check: let the code skip the call where it can */
    if (in_shared) {
      if (!k->racecheck) remember_range(ctx, ctx->shm, ctx->shm + k->shm_bytes, NULL, NULL);
    } else if (inside_known(k, ctx, p, size)) {
      const CpuCheckRange *r = range_below(k, p);
      if (r && p + size <= r->lo + r->size) remember_window(k, ctx, p);
      else remember_range(ctx, stack_lo, stack_hi, NULL, NULL); /* the thread's own stack */
    }
    return pv;
  }
  /* the alignment of the type (a struct: its fields'), not the size */
  uint32_t misaligned = align > 1 && ((uintptr_t)p & (align - 1)) != 0 ? align : 0;
  if (!misaligned && in_shared) {
    if (!k->racecheck) /* memcheck alone: shared memory may be cached too */
      remember_range(ctx, ctx->shm, ctx->shm + k->shm_bytes, NULL, NULL);
    return pv;
  }
  if (!misaligned && inside_known(k, ctx, p, size)) {
    remember_window(k, ctx, p);
    return pv;
  }
  const unsigned char *heap_lo, *heap_hi;
  if (!misaligned && cpu_check_heap_holds(k->dev, p, size, &heap_lo, &heap_hi)) {
    remember_range(ctx, heap_lo, heap_hi, NULL, NULL);
    return pv;
  }
  memcheck_fail(k, ctx, p, size, kind, loc, tx, ty, tz, misaligned);
  return size <= SCRATCH_BYTES ? scratch : pv;
}

void cpu_check_barrier(cw_rt_ctx *ctx) {
  if (tls_shadow) ctx->race_epoch = tls_shadow->epoch = atomic_fetch_add(&next_epoch, 1);
}

void cpu_check_block_end(CpuCheck *k, const cw_rt_ctx *ctx) {
  if (k->finished) atomic_store_explicit(&k->finished[linear_block(ctx)], 1, memory_order_release);
}

void cpu_check_block_begin(CpuCheck *k, cw_rt_ctx *ctx, int worker) {
  CpuRaceShadow *sh = k->racecheck ? &k->shadows[worker] : NULL;
  tls_shadow = sh;
  if (!sh) return;
  ctx->race_epoch = sh->epoch = atomic_fetch_add(&next_epoch, 1);
  ctx->race_shm = sh->words;
  ctx->race_shm_hi = ctx->shm + k->shm_bytes;
}

/* ---- per launch ----------------------------------------------------------------- */

/* This launch's block ids (see CpuGlobalRaceWord): when the device's
 * counter would wrap, every record of live memory is cleared and it
 * starts again. */
static void take_race_ids(CpuCheck *k, CpuChecker *c, uint64_t nblocks) {
  k->race_span = nblocks == 0 ? 1 : nblocks < RACE_SPAN_MAX ? (uint32_t)nblocks : RACE_SPAN_MAX;
  pthread_mutex_lock(&c->mu);
  if (c->race_next_id > RACE_READERS - 16 - k->race_span) {
    for (size_t i = 0; i < k->nranges; i++)
      if (k->ranges[i].race)
        memset(k->ranges[i].race, 0, (k->ranges[i].size + 3) / 4 * sizeof(CpuGlobalRaceWord));
    c->race_next_id = 1;
  }
  k->race_base = c->race_next_id;
  c->race_next_id += k->race_span;
  pthread_mutex_unlock(&c->mu);
}

bool cpu_check_begin(CpuCheck *k, CpuChecker *c, const char *kernel, const CpuCheckRange *ranges,
                     size_t nranges, size_t shm_bytes, int nworkers, uint64_t nblocks) {
  *k = (CpuCheck){.dev = c, .kernel = kernel, .shm_bytes = shm_bytes,
                  .memcheck = c->memcheck, .racecheck = c->racecheck,
                  .synccheck = c->synccheck, .initcheck = c->initcheck};
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
    k->loc_base = kernel;
    take_race_ids(k, c, nblocks);
    pthread_mutex_init(&k->pending_mu, NULL);
    k->nfences = nblocks < FENCE_SLOTS ? (nblocks ? nblocks : 1) : FENCE_SLOTS;
    k->fences = calloc(k->nfences, sizeof *k->fences);
    if (!k->fences) return false;
    if (nblocks <= FENCE_SLOTS) /* beyond: writers' blocks are not told apart */
      k->finished = calloc(nblocks ? nblocks : 1, sizeof *k->finished);
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
  if (k->racecheck) {
    flush_write_write(k);
    pthread_mutex_destroy(&k->pending_mu);
  }
  for (int i = 0; i < k->nshadows; i++) free(k->shadows[i].words);
  free(k->shadows);
  free(k->fences);
  free(k->finished);
  free(k->ranges);
  free(k->freed);
  tls_shadow = NULL;
}

/* ---- per device ------------------------------------------------------------------- */

/* CUWASM_CHECK: memcheck, racecheck, synccheck, initcheck, leaks
 * (src/base/check_list.c). */
bool cpu_checker_init(CpuChecker *c, void (*emit)(void *, const char *), void *sink) {
  *c = (CpuChecker){.emit = emit, .sink = sink, .race_next_id = 1};
  CwCheckList want = cw_check_list_from_env();
  if (!cw_check_list_any(want)) return false;
  c->memcheck = want.memcheck;
  c->racecheck = want.racecheck;
  c->synccheck = want.synccheck;
  c->initcheck = want.initcheck;
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
  c->freed[c->nfreed++] = (CpuCheckRange){p, size, "freed allocation", NULL, NULL};
  pthread_mutex_unlock(&c->mu);
}

void cpu_checker_destroy(CpuChecker *c) {
  cpu_check_heap_release(c);
  if (c->on) pthread_mutex_destroy(&c->mu);
}
