/*
 * cpu_internal.h — the CPU backend's parts: a thread pool that hands out
 * thread blocks dynamically (pool.c), the JIT that turns emitted C into
 * loaded code with an on-disk cache (jit.c) whose first level maps a
 * translation to its object without the front end (jit_manifest.c), and
 * the backend itself (cpu.c: launches, printf/assert plumbing), and the
 * guard that turns a fault inside a kernel into a launch error (fault.c),
 * kernels' exact copies loaded when a launch first needs them (exact.c),
 * the linker of relocatable modules (link.c), and kernels launched from
 * device code (device_launch.c).
 */
#ifndef CW_RT_CPU_INTERNAL_H
#define CW_RT_CPU_INTERNAL_H

#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "../backend.h"
#include "../../emit/c_abi.h"

/* ---- pool.c ---- */
/* Runs items [lo, hi) on pool thread `worker`. */
typedef void (*CpuPoolFn)(void *arg, uint64_t lo, uint64_t hi, int worker);

/* One thread's share of a job: items [next, end), taken from the front
 * by its owner and, once theirs are done, by the other threads. */
typedef struct CpuPoolShare {
  _Alignas(64) atomic_uint_fast64_t next;
  uint64_t end;
} CpuPoolShare;

typedef struct CpuPool {
  int nworkers;            /* threads besides the caller */
  pthread_t *threads;
  pthread_mutex_t mu;      /* guards sleeping on wake/done only */
  pthread_cond_t wake, done;
  pthread_mutex_t run_mu;  /* one job at a time */
  CpuPoolFn fn;
  void *arg;
  uint64_t chunk;          /* items taken per atomic increment */
  CpuPoolShare *shares;    /* one per thread, the caller's first */
  atomic_int busy;         /* workers still on the current job */
  atomic_uint_fast64_t generation;
  atomic_bool quit;
  /* Linux: sleeping workers wait on a futex over wake_seq, bumped with
   * every job, instead of the condition variable `wake` (whose woken
   * threads all take `mu` again, one after another); sleepers counts
   * them, so a launch whose workers all spin makes no system call */
  bool futex_wake;
  atomic_uint wake_seq;
  atomic_int sleepers;
  uint64_t yield_ns;       /* waiting: yielding after the spin (cpu_spin) */
} CpuPool;

/* Stack size of pool workers: kernels keep per-thread arrays on it. */
enum { CPU_STACK_BYTES = 64 << 20 };

int cpu_pool_threads(void); /* CUWASM_NUM_THREADS or the core count */
bool cpu_pool_init(CpuPool *p, int nthreads);
/* Runs fn(arg, lo, hi, worker) over ranges covering [0, count) on all
 * threads, the caller included (worker ids 0..nthreads-1); returns when
 * all are done. */
/* Spins (a short pause) while waiting, before sleeping: a sleeping thread
 * costs a futex wake-up of several microseconds per launch.  Then it
 * yields the core (sched_yield) between tests for a while longer: on a VM
 * a core left idle is a virtual CPU halted, which the host may take
 * milliseconds to run again (pool.c's head says what that cost). */
void cpu_relax(void);
enum { CPU_SPIN_NS = 50000 }; /* wall time a waiting pool thread spins */
enum { CPU_YIELD_US = 2000 }; /* then yields (CUWASM_POOL_YIELD_US) */
uint64_t cpu_now_ns(void);    /* CLOCK_MONOTONIC */
/* Pauses until done(arg) or CPU_SPIN_NS have passed, then yields between
 * tests until yield_ns more have; returns done(arg). */
bool cpu_spin(bool (*done)(void *), void *arg, uint64_t yield_ns);
/* The blocks a pool thread takes at a time from a job of count (pool.c) */
uint64_t cpu_pool_chunk(const CpuPool *p, uint64_t count);
void cpu_pool_run(CpuPool *p, uint64_t count, uint64_t min_chunk, CpuPoolFn fn, void *arg);
void cpu_pool_destroy(CpuPool *p);

/* ---- jit.c ---- */
typedef struct CpuJit {
  void *dl;        /* dlopen handle, or */
  void *tcc;       /* a libtcc state */
  void *tcc_lib;
  void *(*tcc_sym)(void *s, const char *name);
  void (*tcc_delete)(void *s);
  char key[33];    /* the cached object's key (dl only; "" for libtcc) */
} CpuJit;

/* A loaded module: its JIT object and the tables of emit/c_abi.h
 * (externs and functions only in relocatable modules, else NULL). */
typedef struct CpuModule {
  CpuJit jit;
  CpuJit exact;     /* its kernels' exact copies, once loaded (exact.c) */
  bool exact_ready;
  const cw_kernel_desc *kernels;
  const cw_symbol_desc *symbols;
  const cw_extern_desc *externs;
  const cw_function_desc *functions;
} CpuModule;

/* ---- exact.c: exact copies built when a launch first needs them ---- */
/* Lists m if its object left its exact copies out (false: no memory). */
bool cpu_exact_register(CpuModule *m);
void cpu_exact_forget(CpuModule *m); /* before m's object is unloaded */
/* Before a launch of k with more than 2^CW_FAST_BIX_LOG2 blocks in x. */
cw_status cpu_exact_ensure(const cw_kernel_desc *k, char *err, size_t errn);

/* ---- link.c: separate compilation ---- */
int cpu_module_extern_count(void *mod);
cw_status cpu_module_link(void *dev, void **mods, int n, char *err, size_t errn);

cw_status cpu_jit_load(const char *c_source, CpuJit *out, char *err, size_t errn);
/* cpu_jit_load that also records, under the translation key `key`
 * (rt/module_cache.c), the object and the inputs of the translation. */
cw_status cpu_jit_load_record(const char *c_source, const char *key, const CwInputs *inputs,
                              CpuJit *out, char *err, size_t errn);
/* The object recorded under `key` if its inputs are unchanged: CW_OK, or
 * CW_ERR_NOT_FOUND for any reason (the caller then translates). */
cw_status cpu_jit_load_cached(const char *key, CpuJit *out);
/* The object of the exact copies (built with CW_EXACT_ONLY from the C
 * that main, a cached object, came from; cached beside it), for modules
 * whose main object exports cw_exact_apart. */
cw_status cpu_jit_load_exact(const CpuJit *main, CpuJit *out, char *err, size_t errn);
void *cpu_jit_sym(CpuJit *j, const char *name);
void cpu_jit_unload(CpuJit *j);
/* The cache folder (created 0700); writes into buf. */
bool cpu_jit_cache_dir(char *buf, size_t n);

/* ---- jit_manifest.c ---- */
/* True, with so_key set, when manifest <mkey>.m in dir is intact and every
 * input it lists is unchanged. */
bool cpu_manifest_check(const char *dir, const char *mkey, char so_key[33]);
/* Records mkey → so_key and the inputs (best effort: nothing on failure). */
void cpu_manifest_write(const char *dir, const char *mkey, const char *so_key,
                        const CwInputs *inputs);

/* ---- guarded_alloc.c ---- */
typedef struct CpuGuarded {
  unsigned char *base, *data; /* the mapping, and the user's bytes in it */
  size_t total, size;
  unsigned char *init; /* initcheck: a byte per byte, nonzero once written; or NULL */
  void *race;          /* racecheck: CpuGlobalRaceWord per 4 bytes (check.c); or NULL */
} CpuGuarded;

typedef struct CpuAllocTable {
  pthread_mutex_t mu;
  CpuGuarded *slots; /* open addressing by data pointer */
  size_t cap, used;
} CpuAllocTable;

/* Device memory between inaccessible pages (plain memory if that fails);
 * with shadow, also initcheck's map of which bytes were written; with
 * race_bytes_per_word, zeroed room for racecheck's record of each word. */
void *cpu_guard_alloc(CpuAllocTable *t, size_t n, bool shadow, size_t race_bytes_per_word);
/* The shadow bytes of [p, p + n) when an allocation with a shadow holds
 * them all, else NULL. */
unsigned char *cpu_guard_shadow(CpuAllocTable *t, const void *p, size_t n);
/* Returns the size of what was freed (0: not a guarded allocation). */
size_t cpu_guard_free(CpuAllocTable *t, void *p);
/* Calls fn for every live allocation. */
void cpu_guard_each(CpuAllocTable *t, void (*fn)(void *arg, const CpuGuarded *g), void *arg);
/* Appends where addr lies relative to the allocation whose guards hold it. */
void cpu_guard_describe(CpuAllocTable *t, const void *addr, char *buf, size_t n);
void cpu_guard_table_destroy(CpuAllocTable *t);

/* ---- check.c ---- */
/* A range of memory kernels may touch: an allocation or a module global. */
typedef struct CpuCheckRange {
  const unsigned char *lo;
  size_t size;
  const char *name; /* "device allocation", "__device__ variable" ... */
  unsigned char *init; /* initcheck's shadow (CpuGuarded), or NULL */
  void *race;          /* racecheck's records (CpuGuarded), or NULL */
} CpuCheckRange;

/* Per device: what CUWASM_CHECK asked for, the error count, the reports
 * already made, recently freed allocations, and where reports go. */
typedef struct CpuChecker {
  bool on, memcheck, racecheck, synccheck, initcheck;
  pthread_mutex_t mu;
  atomic_int errors;
  uintptr_t seen[1024];
  size_t nseen;
  CpuCheckRange freed[256];
  size_t nfreed;
  CpuCheckRange *heap; /* device heap blocks (check_heap.c), by address */
  uint32_t race_next_id; /* racecheck: the next launch's first block id */
  size_t nheap, heap_cap;
  void (*emit)(void *sink, const char *text);
  void *sink;
} CpuChecker;

typedef struct CpuRaceShadow CpuRaceShadow;

/* racecheck: a word two blocks wrote, judged when the launch ends. */
typedef struct CpuPendingWrite {
  const unsigned char *p;
  uint32_t size, other, grid[3];
  uint64_t self;
  unsigned char old[16];
  const char *first, *loc;
  CpuCheckRange range;
} CpuPendingWrite;
enum { CPU_CHECK_PENDING = 64 };

/* Per launch. */
typedef struct CpuCheck {
  CpuChecker *dev;
  const char *kernel;
  CpuCheckRange *ranges, *freed; /* ranges sorted by start */
  size_t nranges, nfreed, shm_bytes;
  bool memcheck, racecheck, synccheck, initcheck;
  CpuRaceShadow *shadows; /* one per pool thread */
  int nshadows;
  uint32_t race_base, race_span; /* racecheck: this launch's block ids (check.c) */
  const char *loc_base;     /* racecheck: source positions are offsets from it */
  atomic_uint *fences;      /* racecheck: __threadfence() count per block */
  atomic_uchar *finished;   /* racecheck: which blocks have ended (few enough blocks) */
  uint64_t nfences;
  pthread_mutex_t pending_mu;
  CpuPendingWrite pending[CPU_CHECK_PENDING];
  int npending;
  /* racecheck: the allocation each parameter alone points into, or NULL
   * (cpu_check_solo_params; cw_rt_ctx's race_solo_lo/hi) */
  const unsigned char *solo_lo[CW_RACE_SOLO_PARAMS], *solo_hi[CW_RACE_SOLO_PARAMS];
} CpuCheck;

/* False when CUWASM_CHECK asks for nothing. */
bool cpu_checker_init(CpuChecker *c, void (*emit)(void *, const char *), void *sink);
void cpu_checker_freed(CpuChecker *c, const void *p, size_t size);
void cpu_checker_destroy(CpuChecker *c);
bool cpu_check_begin(CpuCheck *k, CpuChecker *c, const char *kernel, const CpuCheckRange *ranges,
                     size_t nranges, size_t shm_bytes, int nworkers, uint64_t nblocks);
/* Bytes of racecheck's record per 4-byte word of device memory. */
size_t cpu_check_race_word_bytes(void);
void cpu_check_end(CpuCheck *k);
/* racecheck: finds the parameters of the launch (nparams, their sizes
 * and values) that point into a device allocation no other one points
 * into; the generated code skips the records of some accesses through
 * them (emit/c_race_solo.c). */
void cpu_check_solo_params(CpuCheck *k, int nparams, const uint32_t *sizes, void **args);
void cpu_check_block_begin(CpuCheck *k, struct cw_rt_ctx *ctx, int worker);
struct cw_rt_ctx;
void cpu_check_block_end(CpuCheck *k, const struct cw_rt_ctx *ctx);
struct cw_rt_ctx;
/* The block's first windows (emit/c_abi.h): with no memory checker on,
 * one that holds every address. */
void cpu_check_block_ctx(const CpuCheck *k, struct cw_rt_ctx *ctx);
/* The cw_rt_ctx callbacks of check-mode code (emit/c_abi.h). */
struct cw_rt_ctx;
/* Index of the first of v[0..n) (sorted by lo) that starts above p. */
size_t cpu_ranges_upper(const CpuCheckRange *v, size_t n, const unsigned char *p);
/* check_heap.c: heap_fn (plain: malloc/free, for launches checking
 * nothing); whether [p, p+size) is inside one heap block
 * (its bounds then); the blocks still allocated, freed with the device. */
void *cpu_check_heap(struct cw_rt_ctx *ctx, void *p, uint64_t size);
void *cpu_heap_plain(struct cw_rt_ctx *ctx, void *p, uint64_t size);
bool cpu_check_heap_holds(CpuChecker *c, const unsigned char *p, uint32_t size,
                          const unsigned char **lo, const unsigned char **hi);
void cpu_check_heap_release(CpuChecker *c);
/* Describes p when it lies just past a heap block (false: it does not). */
bool cpu_check_heap_near(CpuChecker *c, const unsigned char *p, char *buf, size_t n);
/* memcheck: kernel code freed p, which the device heap never handed out. */
void cpu_check_bad_free(CpuCheck *k, struct cw_rt_ctx *ctx, const void *p);
const void *cpu_check_access(struct cw_rt_ctx *ctx, const void *p, uint32_t size,
                             uint32_t align, int kind, const char *loc, int32_t tx, uint32_t ty, uint32_t tz,
                             const unsigned char *fields);
void cpu_check_barrier(struct cw_rt_ctx *ctx);
void cpu_check_fence(struct cw_rt_ctx *ctx);
void cpu_check_sync(struct cw_rt_ctx *ctx, int kind, const char *what, const char *loc,
                    uint32_t t, uint32_t other, uint32_t mask, uint32_t active);
/* initcheck: host copies and fills mark what they write (dst in device
 * memory with a shadow; src's shadow travels with a device-to-device copy). */
void cpu_check_host_wrote(CpuAllocTable *t, void *dst, const void *src, size_t n);
/* The launch's check state (cpu.c), from cw_rt_ctx.host; NULL when off. */
CpuCheck *cpu_launch_check(void *host);

/* ---- device_launch.c: dynamic parallelism ---- */
enum { CPU_DEVRT_MAX_DEPTH = 24,        /* nested grids below a host launch */
       CPU_DEVRT_PENDING_LIMIT = 2048 }; /* cudaLimitDevRuntimePendingLaunchCount */

/* One host launch and every grid it leads to. */
typedef struct CpuFamily {
  atomic_int pending;   /* grids launched from device code, not started yet */
  atomic_uint streams;  /* device streams made */
  int limit;            /* of pending */
} CpuFamily;

typedef struct CpuChild CpuChild;
/* The grids one running grid's threads launched. */
typedef struct CpuChildren {
  CpuFamily *family;
  int depth;            /* of the launching grid (0: launched by the host) */
  pthread_mutex_t mu;
  CpuChild *first, *last;           /* in launch order */
  CpuChild *tail_first, *tail_last; /* into cudaStreamTailLaunch */
} CpuChildren;

void cpu_family_init(CpuFamily *f, int limit);
void cpu_children_init(CpuChildren *c, CpuFamily *family, int depth);
/* After every block of the launching grid ended: runs the queued grids in
 * order, each with its descendants, tail launches last; stops at the
 * first failure (its message in err). */
cw_status cpu_children_run(CpuChildren *c, void *dev, char *err, size_t errn);
/* Frees what was not run (after a failure) and the mutex. */
void cpu_children_destroy(CpuChildren *c);
/* cw_rt_ctx.launch_fn and .device_rt_fn (emit/c_abi.h) */
int cpu_device_launch(cw_rt_ctx *ctx, const cw_kernel_desc *k, const uint32_t grid[3],
                      const uint32_t block[3], uint64_t shared_bytes, void *stream, void **args,
                      uint32_t tx, uint32_t ty, uint32_t tz);
int64_t cpu_device_rt(cw_rt_ctx *ctx, int op, uint32_t tx, uint32_t ty, uint32_t tz);
/* Frees the block's device-runtime state (ctx->devrt). */
void cpu_devrt_block_end(cw_rt_ctx *ctx);
/* One grid to run: what a launch said. */
typedef struct CpuGridSpec {
  const cw_kernel_desc *k;
  uint32_t grid[3], block[3];
  size_t shared_bytes;
  void **args;
} CpuGridSpec;
/* cpu.c: the launch's queue of children (from cw_rt_ctx.host); and grids
 * of `dev` that may run at the same time, run to completion: their blocks
 * in one pool job (one after another in check mode or under a launch
 * timeout), then each one's own children, in order. */
CpuChildren *cpu_launch_children(void *host);
cw_status cpu_run_grids(void *dev, const CpuGridSpec *grids, int n, CpuFamily *family,
                        int depth, char *err, size_t errn);

/* ---- fault.c ---- */
/* One per pool thread and launch: where a fault or the watchdog jumps to. */
typedef struct CpuFaultGuard {
  sigjmp_buf jb;
  pthread_t thread;
  atomic_bool inside;                  /* between arm and disarm */
  volatile sig_atomic_t stop_requested; /* the watchdog fired */
  int sig, code;                       /* what happened, after the jump */
  void *addr;
} CpuFaultGuard;

/* Installs the handlers (once per process) and this thread's signal stack. */
void cpu_fault_prepare(void);
/* Arm after sigsetjmp(g->jb, 0) returned 0; disarm when the block is done. */
void cpu_fault_arm(CpuFaultGuard *g);
void cpu_fault_disarm(CpuFaultGuard *g);
/* CUDA's message for what the guard caught (the name in parentheses). */
const char *cpu_fault_describe(const CpuFaultGuard *g, char *buf, size_t n);
/* Asks the thread inside g's block to leave it (launch timeout). */
void cpu_fault_interrupt(CpuFaultGuard *g);

#endif
