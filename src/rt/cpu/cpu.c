/*
 * cpu.c — the CPU backend: every thread block is one call of the
 * generated block function (emit/c_fission.c), blocks spread over the
 * thread pool.
 *
 * Each pool thread owns a shared-memory buffer (the module's static
 * __shared__ variables, then the launch's dynamic bytes, 64-byte aligned;
 * not cleared between blocks, as CUDA leaves shared memory undefined).  Device printf appends to one buffer per device,
 * handed to the runtime core at synchronize.  A failed device assert or a
 * trap records the first message (file:line, block, thread), makes the
 * remaining blocks skip, and fails the launch with cudaErrorAssert's text.
 * Modules come from emitted C through the JIT (jit.c), or straight from
 * the JIT's cache of translations when the runtime core asks
 * (module_cached: CUDA source seen before, no front end run).
 *
 * A cooperative launch (grid_group::sync) cannot share the pool: every
 * block must run at once, so each block gets a thread and a shared-memory
 * buffer of its own, and grid.sync() is a barrier over those threads.
 *
 * Grids that a launch's threads launch from device code run when its
 * blocks are done, before the launch returns (device_launch.c).
 */
#include "cpu_internal.h"

#include "../../emit/c_abi.h"
#include "../../kir/kir.h"

#include <errno.h>
#include <sched.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

/* A growing list of memcheck's ranges (push_range) */
typedef struct RangeList {
  CpuCheckRange *v;
  size_t n, cap;
} RangeList;

typedef struct CpuDevice {
  CpuPool pool;
  int nthreads;
  unsigned char **shm;  /* per pool thread */
  size_t shm_cap;
  pthread_mutex_t out_mu;
  char *out;            /* device printf text */
  size_t out_len, out_cap;
  CpuAllocTable allocs; /* device memory with guard pages */
  CpuChecker checker;   /* CUWASM_CHECK (check.c) */
  pthread_mutex_t globals_mu;
  CpuCheckRange *globals; /* module globals, for memcheck */
  const void **globals_owner;
  size_t nglobals, capglobals;
  RangeList registered; /* cudaHostRegister'ed host memory, for memcheck (globals_mu) */
  atomic_int devrt_pending_limit; /* CW_LIMIT_DEVRT_PENDING_LAUNCHES */
  uint64_t prefetch_above; /* cw_rt_ctx.prefetch_above (prefetch_threshold) */
  uint32_t block_group;    /* most blocks a group function runs at once (block_group_env) */
  bool block_group_set;    /* CUWASM_BLOCK_GROUP given: that many, whatever the pool's chunks */
} CpuDevice;

/* One launch, shared by the pool threads running its blocks. */
typedef struct CpuLaunch {
  CpuDevice *dev;
  const cw_kernel_desc *k;
  uint32_t grid[3], block[3];
  size_t static_shm;
  uint32_t group;       /* consecutive blocks per call of k->group (1: none; launch_group) */
  uint64_t shm_step;    /* shared memory per block of a group */
  void **args;
  atomic_int failed;
  pthread_mutex_t mu;
  char msg[512];
  CpuFaultGuard *guards; /* one per pool thread (fault.c) */
  CpuCheck *check;       /* check mode only */
  pthread_barrier_t *grid_bar; /* cooperative launches: all blocks */
  CpuChildren *children;       /* grids its threads launch (device_launch.c) */
} CpuLaunch;

CpuCheck *cpu_launch_check(void *host) { return ((CpuLaunch *)host)->check; }
CpuChildren *cpu_launch_children(void *host) { return ((CpuLaunch *)host)->children; }

/* ---- device ---------------------------------------------------------- */

static void emit_report(void *dv, const char *text);

/* The size of the last-level cache this process's CPU reaches, in bytes,
 * as Linux describes it (/sys/devices/system/cpu/cpu0/cache: the data or
 * unified cache of the highest level); 0 when unknown.  Not glibc's
 * sysconf(_SC_LEVEL3_CACHE_SIZE): in a VM it reports the host socket's
 * whole L3 (320 MiB on this project's 2-vCPU EPYC VM, whose sysfs and
 * lscpu say 32 MiB), so arrays ten times the reachable cache counted as
 * cached and went without prefetches (bench/README.md). */
static uint64_t last_level_cache_bytes(void) {
  uint64_t best = 0;
  long best_level = 0;
  for (int i = 0; i < 8; i++) {
    char dir[64], path[96], type[32] = "";
    snprintf(dir, sizeof dir, "/sys/devices/system/cpu/cpu0/cache/index%d", i);
    snprintf(path, sizeof path, "%s/type", dir);
    FILE *f = fopen(path, "r");
    if (!f) break;
    bool usable = fgets(type, sizeof type, f) && strncmp(type, "Instruction", 11) != 0;
    fclose(f);
    snprintf(path, sizeof path, "%s/level", dir);
    long level = cw_read_long_file(path);
    snprintf(path, sizeof path, "%s/size", dir);
    long kib = cw_read_long_file(path); /* Linux writes it in KiB: "32768K" */
    if (usable && level > best_level && kib > 0) best = (uint64_t)kib << 10, best_level = level;
  }
  if (best) return best;
  long llc = 0;
#ifdef _SC_LEVEL3_CACHE_SIZE
  llc = sysconf(_SC_LEVEL3_CACHE_SIZE);
  if (llc <= 0) llc = sysconf(_SC_LEVEL2_CACHE_SIZE);
#endif
  return llc > 0 ? (uint64_t)llc : 0;
}

/* Strided loops in generated code prefetch all of each chunk of the arrays
 * larger than this (emit/c_prelude.c): half the last-level cache, which
 * smaller ones are likely to be in.  CUWASM_PREFETCH_ABOVE=BYTES sets it (0:
 * always prefetch, as where the cache size is unknown). */
static uint64_t prefetch_threshold(void) {
  const char *e = getenv("CUWASM_PREFETCH_ABOVE");
  if (e && *e) return strtoull(e, NULL, 10);
  return last_level_cache_bytes() / 2;
}

/* Kernels with a group function (emit/c_group.c) run this many
 * consecutive blocks per call: CUWASM_BLOCK_GROUP=N (1: one block at a
 * time), by default up to 16 within the pool's chunks (launch_group).
 * bench_cpu's reduction and histogram on the 2-core VM, both threads,
 * three alternating runs: 1.67-2.52 and 6.2-7.6 ms one block at a time,
 * 1.78-2.66 and 6.1-6.3 in groups of 8, 1.81-2.18 and 5.9-7.1 in groups
 * of 16. */
static uint32_t block_group_env(bool *set) {
  const char *e = getenv("CUWASM_BLOCK_GROUP");
  *set = e && *e;
  long n = *set ? strtol(e, NULL, 10) : 16;
  return n < 1 ? 1u : n > 64 ? 64u : (uint32_t)n;
}

static cw_status cpu_open(void **devp, char *err, size_t errn) {
  CpuDevice *d = calloc(1, sizeof *d);
  if (!d) return CW_ERR_NOMEM;
  d->nthreads = cpu_pool_threads();
  d->shm = calloc((size_t)d->nthreads, sizeof *d->shm);
  if (!d->shm || !cpu_pool_init(&d->pool, d->nthreads)) {
    free(d->shm);
    free(d);
    snprintf(err, errn, "cannot start %d worker threads", cpu_pool_threads());
    return CW_ERR_NOMEM;
  }
  pthread_mutex_init(&d->out_mu, NULL);
  pthread_mutex_init(&d->globals_mu, NULL);
  pthread_mutex_init(&d->allocs.mu, NULL);
  cpu_checker_init(&d->checker, emit_report, d);
  atomic_init(&d->devrt_pending_limit, CPU_DEVRT_PENDING_LIMIT);
  d->prefetch_above = prefetch_threshold();
  d->block_group = block_group_env(&d->block_group_set);
  *devp = d;
  return CW_OK;
}

static void cpu_close(void *dv) {
  CpuDevice *d = dv;
  if (!d) return;
  cpu_pool_destroy(&d->pool);
  for (int i = 0; i < d->nthreads; i++) free(d->shm[i]);
  free(d->shm);
  free(d->out);
  pthread_mutex_destroy(&d->out_mu);
  pthread_mutex_destroy(&d->globals_mu);
  cpu_guard_table_destroy(&d->allocs);
  cpu_checker_destroy(&d->checker);
  for (size_t i = 0; i < d->nglobals; i++) free(d->globals[i].race);
  free(d->globals);
  free(d->registered.v);
  free(d->globals_owner);
  free(d);
}

static cw_status cpu_alloc(void *dv, size_t n, void **p) {
  CpuDevice *d = dv;
  void *m = cpu_guard_alloc(&d->allocs, n, d->checker.initcheck,
                            d->checker.racecheck ? cpu_check_race_word_bytes() : 0);
  if (!m) return CW_ERR_NOMEM;
  *p = m;
  return CW_OK;
}

/* Managed and page-locked host memory: the same memory, but the host
 * writes it directly, so initcheck keeps no shadow of it. */
static cw_status cpu_alloc_kind(void *dv, int kind, size_t n, void **p) {
  (void)kind;
  CpuDevice *d = dv;
  void *m = cpu_guard_alloc(&d->allocs, n, false,
                            d->checker.racecheck ? cpu_check_race_word_bytes() : 0);
  if (!m) return CW_ERR_NOMEM;
  *p = m;
  return CW_OK;
}

static void cpu_free(void *dv, void *p) {
  CpuDevice *d = dv;
  size_t n = cpu_guard_free(&d->allocs, p);
  if (n) cpu_checker_freed(&d->checker, p, n);
}

static void cpu_free_kind(void *dv, int kind, void *p) {
  (void)kind;
  cpu_free(dv, p);
}

static cw_status cpu_set_limit(void *dv, int limit, size_t value) {
  CpuDevice *d = dv;
  if (limit != CW_LIMIT_DEVRT_PENDING_LAUNCHES) return CW_ERR_UNSUPPORTED;
  atomic_store(&d->devrt_pending_limit, value > INT32_MAX ? INT32_MAX : (int)value);
  return CW_OK;
}

static int cpu_check_errors(void *dv) {
  CpuDevice *d = dv;
  return d->checker.on ? atomic_load(&d->checker.errors) : -1;
}

static cw_status cpu_copy(void *dv, void *dst, const void *src, size_t n) {
  CpuDevice *d = dv;
  if (n && d->checker.initcheck) cpu_check_host_wrote(&d->allocs, dst, src, n);
  if (n) memmove(dst, src, n);
  return CW_OK;
}

static cw_status cpu_fill(void *dv, void *dst, int v, size_t n) {
  CpuDevice *d = dv;
  if (n && d->checker.initcheck) cpu_check_host_wrote(&d->allocs, dst, NULL, n);
  if (n) memset(dst, v, n);
  return CW_OK;
}

/* ---- modules ------------------------------------------------------------ */

/* Finds the module's tables in its loaded object. */
static cw_status take_tables(CpuModule *m, char *err, size_t errn) {
  const int *abi = cpu_jit_sym(&m->jit, "cw_abi_version");
  m->kernels = cpu_jit_sym(&m->jit, "cw_kernels");
  m->symbols = cpu_jit_sym(&m->jit, "cw_symbols");
  if (!abi || *abi != CW_C_ABI_VERSION || !m->kernels || !m->symbols) {
    snprintf(err, errn, "compiled module lacks the cuwasm tables (ABI %d)",
             abi ? *abi : -1);
    return CW_ERR_COMPILE;
  }
  m->externs = cpu_jit_sym(&m->jit, "cw_externs");     /* relocatable modules only */
  m->functions = cpu_jit_sym(&m->jit, "cw_functions");
  if (!cpu_exact_register(m)) {
    snprintf(err, errn, "out of memory loading a module");
    return CW_ERR_NOMEM;
  }
  return CW_OK;
}

/* Loads C (recording it under key when key is not NULL). */
static cw_status load(const char *src, const char *key, const CwInputs *inputs,
                      void **out, char *err, size_t errn) {
  CpuModule *m = calloc(1, sizeof *m);
  if (!m) return CW_ERR_NOMEM;
  cw_status st = key ? cpu_jit_load_record(src, key, inputs, &m->jit, err, errn)
                     : cpu_jit_load(src, &m->jit, err, errn);
  if (st == CW_OK) {
    st = take_tables(m, err, errn);
    if (st != CW_OK) cpu_jit_unload(&m->jit);
  }
  if (st != CW_OK) {
    free(m);
    return st;
  }
  *out = m;
  return CW_OK;
}

/* In check mode, a loaded module's globals are memory its kernels may
 * touch (memcheck's ranges, with global racecheck's records); they leave
 * with the module. */
static void note_globals(CpuDevice *d, const CpuModule *m) {
  if (!d->checker.on) return;
  pthread_mutex_lock(&d->globals_mu);
  for (const cw_symbol_desc *g = m->symbols; g->name; g++) {
    if (d->nglobals == d->capglobals) {
      size_t cap = d->capglobals ? d->capglobals * 2 : 64;
      CpuCheckRange *r = realloc(d->globals, sizeof *r * cap);
      if (r) d->globals = r;
      const void **o = realloc(d->globals_owner, sizeof *o * cap);
      if (o) d->globals_owner = o;
      if (!r || !o) break;
      d->capglobals = cap;
    }
    /* racecheck: records of the last accesses, as device allocations have */
    void *race = d->checker.racecheck && g->size
                     ? calloc((size_t)(g->size + 3) / 4, cpu_check_race_word_bytes()) : NULL;
    d->globals[d->nglobals] = (CpuCheckRange){g->addr, (size_t)g->size, "__device__ variable", NULL, race};
    d->globals_owner[d->nglobals++] = m;
  }
  pthread_mutex_unlock(&d->globals_mu);
}

static void drop_globals(CpuDevice *d, const CpuModule *m) {
  pthread_mutex_lock(&d->globals_mu);
  size_t k = 0;
  for (size_t i = 0; i < d->nglobals; i++)
    if (d->globals_owner[i] != m) {
      d->globals[k] = d->globals[i];
      d->globals_owner[k++] = d->globals_owner[i];
    } else {
      free(d->globals[i].race);
    }
  d->nglobals = k;
  pthread_mutex_unlock(&d->globals_mu);
}

static cw_status cpu_module_load(void *dv, const char *src, void **out, char *err,
                                 size_t errn) {
  cw_status st = load(src, NULL, NULL, out, err, errn);
  if (st == CW_OK) note_globals(dv, *out);
  return st;
}

static cw_status cpu_module_load_record(void *dv, const char *src, const char *key,
                                        const CwInputs *inputs, void **out, char *err,
                                        size_t errn) {
  cw_status st = load(src, key, inputs, out, err, errn);
  if (st == CW_OK) note_globals(dv, *out);
  return st;
}

static cw_status cpu_module_cached(void *dv, const char *key, void **out) {
  CpuModule *m = calloc(1, sizeof *m);
  if (!m) return CW_ERR_NOT_FOUND;
  char err[256];
  if (cpu_jit_load_cached(key, &m->jit) != CW_OK) {
    free(m);
    return CW_ERR_NOT_FOUND;
  }
  if (take_tables(m, err, sizeof err) != CW_OK) {
    cpu_jit_unload(&m->jit);
    free(m);
    return CW_ERR_NOT_FOUND;
  }
  note_globals(dv, m);
  *out = m;
  return CW_OK;
}

static void cpu_module_unload(void *dv, void *mv) {
  CpuModule *m = mv;
  if (!m) return;
  drop_globals(dv, m);
  cpu_exact_forget(m);
  cpu_jit_unload(&m->jit);
  free(m);
}

static cw_status cpu_kernel_find(void *mv, const char *name, void **k, int *np,
                                 const uint32_t **ps) {
  CpuModule *m = mv;
  for (int pass = 0; pass < 2; pass++)
    for (const cw_kernel_desc *d = m->kernels; d->name; d++)
      if (kir_kernel_named(d->name, d->cname, name, pass)) {
        *k = (void *)d;
        *np = d->nparams;
        *ps = d->param_sizes;
        return CW_OK;
      }
  return CW_ERR_NOT_FOUND;
}

static cw_status cpu_symbol_find(void *mv, const char *name, void **addr, size_t *size) {
  CpuModule *m = mv;
  for (const cw_symbol_desc *s = m->symbols; s->name; s++) {
    if (!strcmp(s->name, name)) {
      *addr = s->addr;
      *size = (size_t)s->size;
      return CW_OK;
    }
  }
  return CW_ERR_NOT_FOUND;
}

/* ---- device-side printf / assert ------------------------------------ */

static void append_output(CpuDevice *d, const char *local, size_t len);

/* Check reports (check.c) go where device printf goes. */
static void emit_report(void *dv, const char *text) { append_output(dv, text, strlen(text)); }

static int host_printf(cw_rt_ctx *ctx, const char *fmt, ...) {
  CpuLaunch *L = ctx->host;
  char local[1024];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(local, sizeof local, fmt, ap);
  va_end(ap);
  if (n < 0) return n;
  size_t len = (size_t)n < sizeof local ? (size_t)n : sizeof local - 1;
  append_output(L->dev, local, len);
  return n;
}

static void append_output(CpuDevice *d, const char *local, size_t len) {
  pthread_mutex_lock(&d->out_mu);
  if (d->out_len + len + 1 > d->out_cap) {
    size_t cap = (d->out_cap ? d->out_cap * 2 : 4096) + len;
    char *p = realloc(d->out, cap);
    if (p) {
      d->out = p;
      d->out_cap = cap;
    }
  }
  if (d->out_len + len + 1 <= d->out_cap) {
    memcpy(d->out + d->out_len, local, len);
    d->out_len += len;
    d->out[d->out_len] = 0;
  }
  pthread_mutex_unlock(&d->out_mu);
}

static void record_failure(CpuLaunch *L, const char *text) {
  pthread_mutex_lock(&L->mu);
  if (!atomic_load(&L->failed)) snprintf(L->msg, sizeof L->msg, "%s", text);
  atomic_store(&L->failed, 1);
  pthread_mutex_unlock(&L->mu);
}

static void host_assert(cw_rt_ctx *ctx, const char *expr, const char *file, int line,
                        const char *func, uint32_t tx, uint32_t ty, uint32_t tz) {
  char buf[512];
  snprintf(buf, sizeof buf,
           "device-side assert triggered (cudaErrorAssert): %s:%d: %s: block [%u,%u,%u], "
           "thread [%u,%u,%u] Assertion `%s` failed.",
           file ? file : "?", line, func ? func : "?", ctx->block_idx[0],
           ctx->block_idx[1], ctx->block_idx[2], tx, ty, tz, expr ? expr : "?");
  record_failure(ctx->host, buf);
}

static void host_trap(cw_rt_ctx *ctx, uint32_t tx, uint32_t ty, uint32_t tz) {
  char buf[256];
  snprintf(buf, sizeof buf,
           "unspecified launch failure (cudaErrorLaunchFailure): __trap() in block "
           "[%u,%u,%u], thread [%u,%u,%u]",
           ctx->block_idx[0], ctx->block_idx[1], ctx->block_idx[2], tx, ty, tz);
  record_failure(ctx->host, buf);
}

/* grid_group::sync(): all blocks of a cooperative launch meet here; in an
 * ordinary launch blocks run a few at a time, so waiting would never end */
static void host_grid_sync(cw_rt_ctx *ctx) {
  CpuLaunch *L = ctx->host;
  if (L->grid_bar) {
    pthread_barrier_wait(L->grid_bar);
    return;
  }
  record_failure(L, "grid_group::sync() needs a cooperative launch "
                    "(cudaLaunchCooperativeKernel): the grid's blocks are not all resident");
}

/* ---- launch ------------------------------------------------------------- */

/* A signal caught inside a block: the launch fails with CUDA's code for
 * it, naming the kernel and the block. */
static void record_fault(CpuLaunch *L, const CpuFaultGuard *g, const uint32_t b[3]) {
  char what[256], where[160] = "", buf[512];
  if (g->sig == SIGSEGV) cpu_guard_describe(&L->dev->allocs, g->addr, where, sizeof where);
  snprintf(buf, sizeof buf, "%s%s; kernel '%s', block [%u,%u,%u]",
           cpu_fault_describe(g, what, sizeof what), where, L->k->name, b[0], b[1], b[2]);
  record_failure(L, buf);
}

/* Check-mode code in a launch without check state (a cooperative one). */
static const void *unchecked_access(cw_rt_ctx *ctx, const void *p, uint32_t size,
                                    uint32_t align, int kind, const char *loc, int32_t tx,
                                    uint32_t ty, uint32_t tz, const unsigned char *fields) {
  (void)ctx, (void)size, (void)align, (void)kind, (void)loc, (void)tx, (void)ty, (void)tz, (void)fields;
  return p;
}

static void unchecked_barrier(cw_rt_ctx *ctx) { (void)ctx; }
static void unchecked_fence(cw_rt_ctx *ctx) { (void)ctx; }

static void unchecked_sync(cw_rt_ctx *ctx, int kind, const char *what, const char *loc,
                           uint32_t t, uint32_t other, uint32_t mask, uint32_t active) {
  (void)ctx, (void)kind, (void)what, (void)loc, (void)t, (void)other, (void)mask, (void)active;
}

/* The context of L's blocks on one thread (block_idx: set_block). */
static void block_ctx(CpuLaunch *L, cw_rt_ctx *ctx, unsigned char *shm) {
  *ctx = (cw_rt_ctx){
      .grid_dim = {L->grid[0], L->grid[1], L->grid[2]},
      .block_dim = {L->block[0], L->block[1], L->block[2]},
      .shm = shm,
      .dyn_shm = shm + L->static_shm,
      .host = L,
      .printf_fn = host_printf,
      .assert_fn = host_assert,
      .trap_fn = host_trap,
      .grid_sync_fn = host_grid_sync,
      /* never NULL: check-mode code calls them whatever the launch */
      .check_fn = L->check ? cpu_check_access : unchecked_access,
      .barrier_fn = L->check ? cpu_check_barrier : unchecked_barrier,
      .sync_fn = L->check ? cpu_check_sync : unchecked_sync,
      .fence_fn = L->check ? cpu_check_fence : unchecked_fence,
      .heap_fn = L->check ? cpu_check_heap : cpu_heap_plain,
      .check_flags = (L->check && L->check->synccheck ? CW_CHECK_SYNC : 0u) |
                     (L->check && L->check->memcheck ? CW_CHECK_BOUNDS : 0u),
      .launch_fn = cpu_device_launch,
      .device_rt_fn = cpu_device_rt,
      .prefetch_above = L->dev->prefetch_above,
  };
}

/* blockIdx of linear block i (x fastest). */
static void set_block(const CpuLaunch *L, cw_rt_ctx *ctx, uint64_t i) {
  uint64_t gx = L->grid[0], gy = L->grid[1];
  ctx->block_idx[0] = (uint32_t)(i % gx);
  ctx->block_idx[1] = (uint32_t)((i / gx) % gy);
  ctx->block_idx[2] = (uint32_t)(i / (gx * gy));
}

/* Runs block i with shared memory shm; worker is the pool thread (its
 * fault guard and race shadow), or -1 for a cooperative launch's own
 * thread per block, which runs unguarded and unchecked. */
static void run_block_on(CpuLaunch *L, uint64_t i, unsigned char *shm, int worker) {
  cw_rt_ctx ctx;
  block_ctx(L, &ctx, shm);
  set_block(L, &ctx, i);
  if (L->check) cpu_check_block_ctx(L->check, &ctx);
  if (worker < 0 || !L->guards) {
    L->k->fn(&ctx, L->args);
    if (L->check) cpu_check_block_end(L->check, &ctx);
    cpu_devrt_block_end(&ctx);
    return;
  }
  if (L->check) cpu_check_block_begin(L->check, &ctx, worker);
  CpuFaultGuard *g = &L->guards[worker];
  cpu_fault_prepare();
  if (sigsetjmp(g->jb, 0)) {
    atomic_store_explicit(&g->inside, false, memory_order_release);
    record_fault(L, g, ctx.block_idx);
    cpu_devrt_block_end(&ctx);
    return;
  }
  cpu_fault_arm(g);
  L->k->fn(&ctx, L->args);
  cpu_fault_disarm(g);
  if (L->check) cpu_check_block_end(L->check, &ctx);
  cpu_devrt_block_end(&ctx);
}

/* The pool thread's shared memory as ctx's, where a group function left
 * its last block's. */
static void worker_shm(const CpuLaunch *L, cw_rt_ctx *ctx, int worker) {
  ctx->shm = L->dev->shm[worker];
  ctx->dyn_shm = ctx->shm + L->static_shm;
}

/* How many blocks from blockIdx.x = bx (left of the range: left) one call
 * runs: L->group where the kernel has a group function, in one row of the
 * grid and all of them blocks of the fast copy (the group function is
 * one), else 1.  A fault in a group is reported as the block that
 * faulted (CW_GROUP_BLOCK keeps ctx's blockIdx.x current). */
static uint32_t group_here(const CpuLaunch *L, uint32_t bx, uint64_t left) {
  uint64_t n = L->group;
  if (n <= 1) return 1;
  if (left < n) n = left;
  if (L->grid[0] - bx < n) n = L->grid[0] - bx;
  uint64_t fast = (uint64_t)1 << CW_FAST_BIX_LOG2;
  if (bx >= fast) return 1;
  if (fast - bx < n) n = fast - bx;
  return (uint32_t)n;
}

/* Blocks [lo, hi) of L on pool thread `worker`.  Outside check mode one
 * context and one armed fault guard serve the whole range (what a block
 * needs anew is its index and its device-runtime state): per block that
 * leaves the kernel call, where building the context (some 500 bytes)
 * and sigsetjmp for each 256-thread block cost a tenth of a streaming
 * kernel's time.  A fault ends the range's current block (`next`) as it
 * ended a block run alone (a group's: the block named is the one the
 * group function was running); the blocks after it see L->failed. */
static void run_blocks(void *arg, uint64_t lo, uint64_t hi, int worker) {
  CpuLaunch *L = arg;
  if (L->check || !L->guards) {
    for (uint64_t i = lo; i < hi; i++)
      if (!atomic_load_explicit(&L->failed, memory_order_relaxed))
        run_block_on(L, i, L->dev->shm[worker], worker);
    return;
  }
  cw_rt_ctx ctx;
  block_ctx(L, &ctx, L->dev->shm[worker]);
  CpuFaultGuard *g = &L->guards[worker];
  cpu_fault_prepare();
  volatile uint64_t next = lo; /* the block running, kept across siglongjmp */
  volatile uint32_t grouped = 0; /* blocks of the group function's call running */
  while (next < hi) {
    if (sigsetjmp(g->jb, 0)) {
      atomic_store_explicit(&g->inside, false, memory_order_release);
      /* a group function writes each block's x into ctx as it runs it */
      const uint32_t fx = *(volatile uint32_t *)&ctx.block_idx[0];
      set_block(L, &ctx, next);
      if (grouped > 1) ctx.block_idx[0] = fx; /* one row: y and z are the group's */
      grouped = 0;
      worker_shm(L, &ctx, worker);
      record_fault(L, g, ctx.block_idx);
      cpu_devrt_block_end(&ctx);
      next = next + 1;
      continue;
    }
    cpu_fault_arm(g);
    uint32_t gx = L->grid[0], gy = L->grid[1];
    set_block(L, &ctx, next);
    for (uint64_t i = next; i < hi;) {
      if (atomic_load_explicit(&L->failed, memory_order_relaxed)) break;
      next = i;
      uint32_t n = group_here(L, ctx.block_idx[0], hi - i);
      if (n > 1) { /* it leaves its last block's index and shared memory in ctx */
        uint32_t bx = ctx.block_idx[0];
        grouped = n;
        L->k->group(&ctx, L->args, n, L->shm_step);
        grouped = 0;
        ctx.block_idx[0] = bx;
        worker_shm(L, &ctx, worker);
      } else {
        L->k->fn(&ctx, L->args);
      }
      cpu_devrt_block_end(&ctx);
      for (uint32_t b = 0; b < n; b++, i++)
        if (++ctx.block_idx[0] == gx) { /* the next block's index */
          ctx.block_idx[0] = 0;
          if (++ctx.block_idx[1] == gy) ctx.block_idx[1] = 0, ctx.block_idx[2]++;
        }
    }
    cpu_fault_disarm(g);
    break;
  }
}

static bool ensure_shm(CpuDevice *d, size_t need) {
  if (need <= d->shm_cap) return true;
  size_t cap = need < 65536 ? 65536 : need;
  for (int i = 0; i < d->nthreads; i++) {
    void *p = NULL;
    if (posix_memalign(&p, 64, cap)) return false;
    memset(p, 0, cap);
    free(d->shm[i]);
    d->shm[i] = p;
  }
  d->shm_cap = cap;
  return true;
}

/* ---- launch timeout (CUWASM_LAUNCH_TIMEOUT=SECONDS) ------------------- */

typedef struct Watchdog {
  CpuLaunch *L;
  double seconds;
  pthread_t thread;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  bool done;
} Watchdog;

static double launch_timeout(void) {
  const char *e = getenv("CUWASM_LAUNCH_TIMEOUT");
  double s = e && *e ? strtod(e, NULL) : 0;
  return s > 0 ? s : 0;
}

static struct timespec after(double seconds) {
  struct timespec t;
  clock_gettime(CLOCK_REALTIME, &t);
  double ns = (double)t.tv_nsec + seconds * 1e9;
  t.tv_sec += (time_t)(ns / 1e9);
  t.tv_nsec = (long)(ns - (double)(time_t)(ns / 1e9) * 1e9);
  return t;
}

/* Sleeps until the launch ends or its time is up; then fails the launch
 * and keeps interrupting the threads still in a block until it ends. */
static void *watchdog_main(void *arg) {
  Watchdog *w = arg;
  struct timespec deadline = after(w->seconds);
  pthread_mutex_lock(&w->mu);
  while (!w->done)
    if (pthread_cond_timedwait(&w->cv, &w->mu, &deadline) == ETIMEDOUT) break;
  if (!w->done) {
    char buf[256];
    snprintf(buf, sizeof buf,
             "the launch timed out and was terminated (cudaErrorLaunchTimeout): kernel '%s' "
             "ran longer than CUWASM_LAUNCH_TIMEOUT=%g s", w->L->k->name, w->seconds);
    record_failure(w->L, buf);
  }
  while (!w->done) {
    for (int i = 0; i < w->L->dev->nthreads; i++) cpu_fault_interrupt(&w->L->guards[i]);
    struct timespec t = after(0.01);
    pthread_cond_timedwait(&w->cv, &w->mu, &t);
  }
  pthread_mutex_unlock(&w->mu);
  return NULL;
}

static bool watchdog_start(Watchdog *w, CpuLaunch *L, double seconds) {
  *w = (Watchdog){.L = L, .seconds = seconds};
  pthread_mutex_init(&w->mu, NULL);
  pthread_cond_init(&w->cv, NULL);
  return pthread_create(&w->thread, NULL, watchdog_main, w) == 0;
}

static void watchdog_stop(Watchdog *w) {
  pthread_mutex_lock(&w->mu);
  w->done = true;
  pthread_cond_signal(&w->cv);
  pthread_mutex_unlock(&w->mu);
  pthread_join(w->thread, NULL);
  pthread_mutex_destroy(&w->mu);
  pthread_cond_destroy(&w->cv);
}

/* ---- check mode ------------------------------------------------------- */

static void push_range(RangeList *l, CpuCheckRange r) {
  if (l->n == l->cap) {
    size_t cap = l->cap ? l->cap * 2 : 64;
    CpuCheckRange *v = realloc(l->v, sizeof *v * cap);
    if (!v) return;
    l->v = v;
    l->cap = cap;
  }
  l->v[l->n++] = r;
}

static void add_alloc_range(void *arg, const CpuGuarded *g) {
  push_range(arg, (CpuCheckRange){g->data, g->size, "device allocation", g->init, g->race});
}

/* cudaHostRegister: the host memory is already the device's here, so
 * there is nothing to lock; with the checkers on, memcheck learns the range
 * (a kernel may read it through cudaHostGetDevicePointer) until it is
 * unregistered.  Registering the same start again changes nothing. */
static cw_status cpu_host_register(void *dev, void *p, size_t n, char *err, size_t errn) {
  (void)err, (void)errn;
  CpuDevice *d = dev;
  if (!d->checker.on) return CW_OK;
  pthread_mutex_lock(&d->globals_mu);
  bool known = false;
  for (size_t i = 0; i < d->registered.n && !known; i++) known = d->registered.v[i].lo == p;
  if (!known) push_range(&d->registered, (CpuCheckRange){p, n, "registered host memory", NULL, NULL});
  pthread_mutex_unlock(&d->globals_mu);
  return CW_OK;
}

static void cpu_host_unregister(void *dev, void *p) {
  CpuDevice *d = dev;
  pthread_mutex_lock(&d->globals_mu);
  RangeList *r = &d->registered;
  for (size_t i = 0; i < r->n; i++)
    if (r->v[i].lo == p) {
      r->v[i] = r->v[--r->n];
      break;
    }
  pthread_mutex_unlock(&d->globals_mu);
}

/* The launch's view for check.c: live allocations, module globals and
 * registered host memory. */
static bool check_begin(CpuDevice *d, CpuLaunch *L, CpuCheck *k, size_t shm_bytes) {
  RangeList l = {0};
  cpu_guard_each(&d->allocs, add_alloc_range, &l);
  pthread_mutex_lock(&d->globals_mu);
  for (size_t i = 0; i < d->nglobals; i++) push_range(&l, d->globals[i]);
  for (size_t i = 0; i < d->registered.n; i++) push_range(&l, d->registered.v[i]);
  pthread_mutex_unlock(&d->globals_mu);
  uint64_t nblocks = (uint64_t)L->grid[0] * L->grid[1] * L->grid[2];
  bool ok = cpu_check_begin(k, &d->checker, L->k->name, l.v, l.n, shm_bytes, d->nthreads,
                            nblocks);
  free(l.v);
  if (ok) cpu_check_solo_params(k, L->k->nparams, L->k->param_sizes, L->args);
  if (ok) L->check = k;
  else cpu_check_end(k);
  return ok;
}

/* The blocks a call of the kernel's group function runs (run_blocks):
 * none in check mode (each block checked alone); at most as many as fit
 * the smallest shared-memory buffer (ensure_shm's 64 KiB) and keep the
 * group's per-thread arrays within 256 KiB of the stack.  The pool hands
 * out whole groups, so unless CUWASM_BLOCK_GROUP was set, a group is no
 * larger than the pool's own chunk (cpu_pool_chunk: a sixteenth of a
 * thread's share) and at least 4 blocks, else none: grouping must not
 * coarsen how the threads balance the grid.  On a 16-core Xeon, 16
 * threads, groups of 16 (one or two per thread) ran bench_cpu's 256-block
 * histogram in 2.1 ms against 1.8-1.9 one block at a time, and its
 * 512-block sum in 0.47-0.60 ms against 0.27-0.36; on 2 threads the
 * chunks are 8 and 16 blocks. */
static void launch_group(CpuLaunch *L, size_t shared_bytes) {
  const cw_kernel_desc *k = L->k;
  const CpuDevice *d = L->dev;
  L->shm_step = ((uint64_t)L->static_shm + shared_bytes + 63) & ~(uint64_t)63;
  L->group = 1;
  if (!k->group || d->checker.on) return;
  uint64_t g = d->block_group, nt = (uint64_t)L->block[0] * L->block[1] * L->block[2];
  if (!d->block_group_set) {
    uint64_t chunk = cpu_pool_chunk(&d->pool, (uint64_t)L->grid[0] * L->grid[1] * L->grid[2]);
    if (g > chunk) g = chunk;
    if (g < 4) return;
  }
  while (g > 1 && (g * L->shm_step > 65536 || g * nt * k->group_thread_bytes > 262144)) g--;
  L->group = g < 1 ? 1u : (uint32_t)g;
}

/* What every launch does first: checks the configuration against CUDA's
 * limits and fills the launch record (mutex and guards not yet made). */
static cw_status launch_begin(CpuDevice *d, const cw_kernel_desc *k, const uint32_t grid[3],
                              const uint32_t block[3], size_t shared_bytes, void **args,
                              CpuLaunch *L, char *err, size_t errn) {
  cw_status st = cw_check_launch_config(grid, block, k->static_shared + shared_bytes,
                                        err, errn);
  if (st == CW_OK && grid[0] > (1u << CW_FAST_BIX_LOG2)) st = cpu_exact_ensure(k, err, errn);
  if (st != CW_OK) return st;
  *L = (CpuLaunch){.dev = d, .k = k, .args = args,
                   .static_shm = ((size_t)k->static_shared + 63) & ~(size_t)63};
  memcpy(L->grid, grid, sizeof L->grid);
  memcpy(L->block, block, sizeof L->block);
  launch_group(L, shared_bytes);
  atomic_init(&L->failed, 0);
  return CW_OK;
}

/* After the grid's blocks: the grids they launched, then the launch's
 * outcome (the grid's own failure first). */
static cw_status launch_end(CpuLaunch *L, CpuChildren *kids, char *err, size_t errn) {
  cw_status st = CW_OK;
  if (atomic_load(&L->failed)) {
    snprintf(err, errn, "%s", L->msg);
    st = CW_ERR_LAUNCH;
  } else {
    st = cpu_children_run(kids, L->dev, err, errn);
  }
  cpu_children_destroy(kids);
  return st;
}

static cw_status run_grid(CpuDevice *d, const cw_kernel_desc *k, const uint32_t grid[3],
                          const uint32_t block[3], size_t shared_bytes, void **args,
                          CpuFamily *family, int depth, char *err, size_t errn);

static cw_status cpu_launch(void *dv, void *kv, const uint32_t grid[3],
                            const uint32_t block[3], size_t shared_bytes, void **args,
                            char *err, size_t errn) {
  CpuDevice *d = dv;
  CpuFamily family;
  cpu_family_init(&family, atomic_load(&d->devrt_pending_limit));
  return run_grid(d, kv, grid, block, shared_bytes, args, &family, 0, err, errn);
}

/* Sibling grids in one pool job: item i is a block of the grid whose
 * range [first[g], first[g + 1]) holds it. */
typedef struct CpuBatch {
  CpuLaunch *L;
  uint64_t *first;
  int n;
} CpuBatch;

static void run_batch_blocks(void *arg, uint64_t lo, uint64_t hi, int worker) {
  CpuBatch *b = arg;
  int g = 0, top = b->n - 1; /* the grid holding lo */
  while (g < top) {
    int mid = (g + top + 1) / 2;
    if (b->first[mid] <= lo) g = mid;
    else top = mid - 1;
  }
  for (; lo < hi; g++) { /* the range may cross into the next grids */
    uint64_t end = b->first[g + 1] < hi ? b->first[g + 1] : hi;
    if (end > lo) run_blocks(&b->L[g], lo - b->first[g], end - b->first[g], worker);
    lo = end;
  }
}

/* Runs the blocks of every grid of g (made ready in L and kids by the
 * caller) as one pool job. */
static cw_status batch_blocks(CpuDevice *d, const CpuGridSpec *g, int n, CpuLaunch *L,
                              char *err, size_t errn) {
  uint64_t *first = malloc(sizeof *first * (size_t)(n + 1));
  size_t need = 0;
  if (!first) {
    snprintf(err, errn, "out of memory for a launch");
    return CW_ERR_NOMEM;
  }
  first[0] = 0;
  for (int i = 0; i < n; i++) {
    first[i + 1] = first[i] + (uint64_t)g[i].grid[0] * g[i].grid[1] * g[i].grid[2];
    size_t want = L[i].static_shm + g[i].shared_bytes + 64;
    if (want > need) need = want;
  }
  pthread_mutex_lock(&d->pool.run_mu);
  bool ok = ensure_shm(d, need);
  pthread_mutex_unlock(&d->pool.run_mu);
  CpuBatch b = {L, first, n};
  uint32_t unit = 1; /* a chunk holds whole groups */
  for (int i = 0; i < n; i++)
    if (L[i].group > unit) unit = L[i].group;
  if (ok) cpu_pool_run(&d->pool, first[n], unit, run_batch_blocks, &b);
  else snprintf(err, errn, "out of memory for shared memory buffers");
  free(first);
  return ok ? CW_OK : CW_ERR_NOMEM;
}

cw_status cpu_run_grids(void *dev, const CpuGridSpec *g, int n, CpuFamily *family, int depth,
                        char *err, size_t errn) {
  CpuDevice *d = dev;
  cw_status st = CW_OK;
  if (n == 1 || d->checker.on || launch_timeout() > 0) { /* each with its own checks */
    for (int i = 0; i < n && st == CW_OK; i++)
      st = run_grid(d, g[i].k, g[i].grid, g[i].block, g[i].shared_bytes, g[i].args, family,
                    depth, err, errn);
    return st;
  }
  CpuLaunch *L = calloc((size_t)n, sizeof *L);
  CpuChildren *kids = calloc((size_t)n, sizeof *kids);
  int ready = 0;
  if (!L || !kids) {
    snprintf(err, errn, "out of memory for a launch");
    st = CW_ERR_NOMEM;
  }
  for (; st == CW_OK && ready < n; ready++) {
    st = launch_begin(d, g[ready].k, g[ready].grid, g[ready].block, g[ready].shared_bytes,
                      g[ready].args, &L[ready], err, errn);
    if (st != CW_OK) break;
    L[ready].guards = calloc((size_t)d->nthreads, sizeof *L[ready].guards);
    if (!L[ready].guards) {
      snprintf(err, errn, "out of memory for a launch");
      st = CW_ERR_NOMEM;
      break;
    }
    pthread_mutex_init(&L[ready].mu, NULL);
    cpu_children_init(&kids[ready], family, depth);
    L[ready].children = &kids[ready];
  }
  if (st == CW_OK) st = batch_blocks(d, g, n, L, err, errn);
  for (int i = 0; i < ready; i++) { /* in launch order: each one's children */
    free(L[i].guards);
    if (st == CW_OK) st = launch_end(&L[i], &kids[i], err, errn);
    else cpu_children_destroy(&kids[i]);
    pthread_mutex_destroy(&L[i].mu);
  }
  free(L);
  free(kids);
  return st;
}

static cw_status run_grid(CpuDevice *d, const cw_kernel_desc *k, const uint32_t grid[3],
                          const uint32_t block[3], size_t shared_bytes, void **args,
                          CpuFamily *family, int depth, char *err, size_t errn) {
  CpuLaunch L;
  cw_status st = launch_begin(d, k, grid, block, shared_bytes, args, &L, err, errn);
  if (st != CW_OK) return st;
  size_t stat = L.static_shm;
  L.guards = calloc((size_t)d->nthreads, sizeof *L.guards);
  if (!L.guards) {
    snprintf(err, errn, "out of memory for a launch");
    return CW_ERR_NOMEM;
  }
  pthread_mutex_init(&L.mu, NULL);
  pthread_mutex_lock(&d->pool.run_mu); /* shm buffers belong to one launch */
  bool ok = ensure_shm(d, stat + shared_bytes + 64);
  pthread_mutex_unlock(&d->pool.run_mu);
  if (!ok) {
    pthread_mutex_destroy(&L.mu);
    free(L.guards);
    snprintf(err, errn, "out of memory for shared memory buffers");
    return CW_ERR_NOMEM;
  }
  CpuCheck check;
  if (d->checker.on && !check_begin(d, &L, &check, stat + shared_bytes)) {
    pthread_mutex_destroy(&L.mu);
    free(L.guards);
    snprintf(err, errn, "out of memory for the checker");
    return CW_ERR_NOMEM;
  }
  uint64_t nblocks = (uint64_t)grid[0] * grid[1] * grid[2];
  double timeout = launch_timeout();
  Watchdog w;
  CpuChildren kids;
  cpu_children_init(&kids, family, depth);
  L.children = &kids;
  bool watched = timeout > 0 && watchdog_start(&w, &L, timeout);
  cpu_pool_run(&d->pool, nblocks, L.group, run_blocks, &L);
  if (watched) watchdog_stop(&w);
  if (L.check) cpu_check_end(L.check);
  free(L.guards);
  st = launch_end(&L, &kids, err, errn);
  pthread_mutex_destroy(&L.mu);
  return st;
}

/* ---- cooperative launch: one thread per block, all at once ---------------- */

enum { CPU_COOP_MAX_BLOCKS = 256 };

typedef struct CoopBlock {
  CpuLaunch *L;
  uint64_t index;
  unsigned char *shm;
  atomic_int *gate; /* 0: wait, 1: run, 2: give up (a thread could not start) */
} CoopBlock;

static void *coop_main(void *arg) {
  CoopBlock *b = arg;
  int g;
  while ((g = atomic_load_explicit(b->gate, memory_order_acquire)) == 0) sched_yield();
  if (g == 1) run_block_on(b->L, b->index, b->shm, -1);
  return NULL;
}

/* starts the blocks' threads; returns how many started */
static uint64_t coop_start(CoopBlock *bs, pthread_t *th, uint64_t n, size_t shm) {
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, CPU_STACK_BYTES);
  uint64_t i = 0;
  for (; i < n; i++) {
    if (posix_memalign((void **)&bs[i].shm, 64, shm)) break;
    memset(bs[i].shm, 0, shm);
    if (pthread_create(&th[i], &attr, coop_main, &bs[i])) {
      free(bs[i].shm);
      break;
    }
  }
  pthread_attr_destroy(&attr);
  return i;
}

static cw_status coop_run(CpuLaunch *L, uint64_t n, size_t shm, char *err, size_t errn) {
  CoopBlock *bs = calloc(n, sizeof *bs);
  pthread_t *th = calloc(n, sizeof *th);
  pthread_barrier_t bar;
  if (!bs || !th || pthread_barrier_init(&bar, NULL, (unsigned)n)) {
    free(bs), free(th);
    snprintf(err, errn, "out of memory for a cooperative launch");
    return CW_ERR_NOMEM;
  }
  L->grid_bar = &bar;
  atomic_int gate;
  atomic_init(&gate, 0);
  for (uint64_t i = 0; i < n; i++) bs[i].L = L, bs[i].index = i, bs[i].gate = &gate;
  pthread_mutex_lock(&L->dev->pool.run_mu); /* a kernel already uses every core */
  uint64_t started = coop_start(bs, th, n, shm);
  if (started < n) record_failure(L, "cannot start a thread per block for a cooperative launch");
  atomic_store_explicit(&gate, started < n ? 2 : 1, memory_order_release);
  for (uint64_t i = 0; i < started; i++) {
    pthread_join(th[i], NULL);
    free(bs[i].shm);
  }
  pthread_mutex_unlock(&L->dev->pool.run_mu);
  pthread_barrier_destroy(&bar);
  free(bs), free(th);
  return CW_OK;
}

static cw_status cpu_launch_cooperative(void *dv, void *kv, const uint32_t grid[3],
                                        const uint32_t block[3], size_t shared_bytes,
                                        void **args, char *err, size_t errn) {
  CpuLaunch L;
  cw_status st = launch_begin(dv, kv, grid, block, shared_bytes, args, &L, err, errn);
  if (st != CW_OK) return st;
  size_t stat = L.static_shm;
  uint64_t n = (uint64_t)grid[0] * grid[1] * grid[2];
  if (n > CPU_COOP_MAX_BLOCKS) {
    snprintf(err, errn, "cooperative launch of %llu blocks: the CPU backend runs at most %d "
             "at once (cudaErrorCooperativeLaunchTooLarge)", (unsigned long long)n,
             CPU_COOP_MAX_BLOCKS);
    return CW_ERR_LAUNCH;
  }
  pthread_mutex_init(&L.mu, NULL);
  CpuFamily family;
  cpu_family_init(&family, atomic_load(&((CpuDevice *)dv)->devrt_pending_limit));
  CpuChildren kids;
  cpu_children_init(&kids, &family, 0);
  L.children = &kids;
  st = coop_run(&L, n, stat + shared_bytes + 64, err, errn);
  if (st == CW_OK) st = launch_end(&L, &kids, err, errn);
  else cpu_children_destroy(&kids);
  pthread_mutex_destroy(&L.mu);
  return st;
}

static char *cpu_take_output(void *dv) {
  CpuDevice *d = dv;
  pthread_mutex_lock(&d->out_mu);
  char *s = d->out_len ? d->out : NULL;
  if (s) {
    d->out = NULL;
    d->out_len = d->out_cap = 0;
  }
  pthread_mutex_unlock(&d->out_mu);
  return s;
}

/* ---- probe -------------------------------------------------------------- */

static void cpu_model(char *buf, size_t n) {
  snprintf(buf, n, "unknown CPU");
  FILE *f = fopen("/proc/cpuinfo", "r");
  if (!f) return;
  char line[512];
  while (fgets(line, sizeof line, f)) {
    if (strncmp(line, "model name", 10) && strncmp(line, "Hardware", 8)) continue;
    char *c = strchr(line, ':');
    if (!c) continue;
    c++;
    while (*c == ' ' || *c == '\t') c++;
    c[strcspn(c, "\n")] = 0;
    snprintf(buf, n, "%s", c);
    break;
  }
  fclose(f);
}

static const char *simd_level(void) {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx512f")) return "avx512";
  if (__builtin_cpu_supports("avx2")) return "avx2";
  if (__builtin_cpu_supports("avx")) return "avx";
  if (__builtin_cpu_supports("sse4.2")) return "sse4.2";
  return "sse2";
#elif defined(__aarch64__) || defined(__ARM_NEON)
  return "neon";
#elif defined(__wasm_simd128__)
  return "simd128";
#else
  return "scalar";
#endif
}

static bool cpu_probe(cw_device_info *info) {
  memset(info, 0, sizeof *info);
  snprintf(info->backend, sizeof info->backend, "cpu");
  info->available = 1;
  cpu_model(info->name, sizeof info->name);
  info->cores = cpu_pool_threads();
  snprintf(info->simd, sizeof info->simd, "%s", simd_level());
  long pages = sysconf(_SC_PHYS_PAGES), psz = sysconf(_SC_PAGESIZE);
  if (pages > 0 && psz > 0) info->memory_bytes = (uint64_t)pages * (uint64_t)psz;
  return true;
}

static const CwBackendOps cpu_ops = {
    .name = "cpu",
    .probe = cpu_probe,
    .open = cpu_open,
    .close = cpu_close,
    .mem_alloc = cpu_alloc,
    .mem_free = cpu_free,
    .mem_alloc_kind = cpu_alloc_kind,
    .mem_free_kind = cpu_free_kind,
    .host_register = cpu_host_register,
    .host_unregister = cpu_host_unregister,
    .copy = cpu_copy,
    .fill = cpu_fill,
    .module_load = cpu_module_load,
    .module_cached = cpu_module_cached,
    .module_load_record = cpu_module_load_record,
    .module_unload = cpu_module_unload,
    .module_extern_count = cpu_module_extern_count,
    .module_link = cpu_module_link,
    .kernel_find = cpu_kernel_find,
    .symbol_find = cpu_symbol_find,
    .launch = cpu_launch,
    .launch_cooperative = cpu_launch_cooperative,
    .take_output = cpu_take_output,
    .check_errors = cpu_check_errors,
    .set_limit = cpu_set_limit,
};

const CwBackendOps *cw_backend_cpu(void) { return &cpu_ops; }
