/*
 * device_launch.c — dynamic parallelism on the CPU backend: kernels that
 * launch kernels (`k<<<g, b, shm, stream>>>(…)` in device code), with
 * CUDA 12's semantics (CDP2).
 *
 * A launch from device code copies the argument values and appends the
 * child grid to its parent grid's queue (CpuChildren, under a mutex: any
 * pool thread may launch), then returns at once: the launching thread
 * never waits, and neither does its block (CDP2 has no device-side
 * cudaDeviceSynchronize).  When every block of the parent has finished,
 * the thread that ran the parent's launch runs the queued grids, each to
 * completion with its own descendants, the grids launched into
 * cudaStreamTailLaunch after all the others, one at a time; only then is
 * the parent's launch complete, so the host's synchronisation sees every
 * descendant done and its printf output.  This is one schedule CUDA
 * allows: children see every write the parent made before it launched
 * them (the parent has ended), nothing guarantees a child runs while its
 * parent does, launches into one stream run in launch order, and a tail
 * launch runs after its parent grid and that grid's other work.  Grids of
 * different streams may run at once, so the queue is taken in rounds: a
 * round is every queued grid that no earlier queued grid of its stream
 * precedes (a block's NULL stream, a stream it created; fire-and-forget
 * launches have none), and its blocks share one pool job, so that many
 * small children keep every core busy.  As the children run on the
 * launching thread and not inside a pool job, the pool never waits on
 * itself.
 *
 * CUDA's limits hold: at most CPU_DEVRT_MAX_DEPTH nested grids
 * (cudaErrorLaunchMaxDepthExceeded), at most `limit` grids queued and not
 * yet started in one host launch's tree (cudaLimitDevRuntimePendingLaunchCount,
 * 2048; cudaErrorLaunchPendingCountExceeded), and the child's
 * configuration is checked as a host launch's is (cudaErrorInvalidConfiguration).
 * A failed launch queues nothing and sets the launching thread's last
 * error, which its device-side cudaGetLastError returns; those errors are
 * kept per thread of the block, made only when one is set.
 */
#include "cpu_internal.h"

#include <stdlib.h>
#include <string.h>

/* cudaError_t values the device runtime returns */
enum {
  ERR_INVALID_VALUE = 1,
  ERR_MEMORY_ALLOCATION = 2,
  ERR_INVALID_CONFIGURATION = 9,
  ERR_LAUNCH_MAX_DEPTH_EXCEEDED = 65,
  ERR_LAUNCH_PENDING_COUNT_EXCEEDED = 69,
};

/* One queued child grid: what its launch said, with the argument values. */
struct CpuChild {
  CpuGridSpec spec;     /* args point into the same allocation */
  uintptr_t stream;     /* the launch's stream */
  uint64_t block;       /* the launching block (its NULL stream) */
  struct CpuChild *next;
};

enum { ROUND_MAX = 64 }; /* grids in one pool job */

enum { ARG_ALIGN = 64 }; /* no kernel parameter needs more */

void cpu_children_init(CpuChildren *c, CpuFamily *family, int depth) {
  memset(c, 0, sizeof *c);
  c->family = family;
  c->depth = depth;
  pthread_mutex_init(&c->mu, NULL);
}

void cpu_family_init(CpuFamily *f, int limit) {
  atomic_init(&f->pending, 0);
  atomic_init(&f->streams, 0);
  f->limit = limit;
}

/* The argument values copied, ARG_ALIGN apart, after the child record
 * and its pointer array. */
static CpuChild *child_new(const cw_kernel_desc *k, void **args) {
  size_t head = (sizeof(CpuChild) + sizeof(void *) * (size_t)(k->nparams + 1) + ARG_ALIGN - 1) &
                ~(size_t)(ARG_ALIGN - 1);
  size_t total = head;
  for (int i = 0; i < k->nparams; i++)
    total += ((size_t)k->param_sizes[i] + ARG_ALIGN - 1) & ~(size_t)(ARG_ALIGN - 1);
  unsigned char *mem = NULL;
  if (posix_memalign((void **)&mem, ARG_ALIGN, total)) return NULL;
  CpuChild *c = (CpuChild *)mem;
  c->spec.k = k;
  c->spec.args = (void **)(mem + sizeof(CpuChild));
  size_t at = head;
  for (int i = 0; i < k->nparams; i++) {
    c->spec.args[i] = mem + at;
    memcpy(mem + at, args[i], k->param_sizes[i]);
    at += ((size_t)k->param_sizes[i] + ARG_ALIGN - 1) & ~(size_t)(ARG_ALIGN - 1);
  }
  c->spec.args[k->nparams] = NULL;
  c->next = NULL;
  return c;
}

/* ---- the calling thread's last error ---------------------------------- */

static uint32_t thread_slot(const cw_rt_ctx *ctx, uint32_t tx, uint32_t ty, uint32_t tz) {
  return tx + ctx->block_dim[0] * (ty + ctx->block_dim[1] * tz);
}

static int set_error(cw_rt_ctx *ctx, uint32_t tx, uint32_t ty, uint32_t tz, int err) {
  if (!ctx->devrt) {
    if (!err) return 0;
    size_t n = (size_t)ctx->block_dim[0] * ctx->block_dim[1] * ctx->block_dim[2];
    ctx->devrt = calloc(n, sizeof(uint16_t));
    if (!ctx->devrt) return err; /* the call still reports it */
  }
  ((uint16_t *)ctx->devrt)[thread_slot(ctx, tx, ty, tz)] = (uint16_t)err;
  return err;
}

static int last_error(cw_rt_ctx *ctx, uint32_t tx, uint32_t ty, uint32_t tz, bool clear) {
  if (!ctx->devrt) return 0;
  uint16_t *e = &((uint16_t *)ctx->devrt)[thread_slot(ctx, tx, ty, tz)];
  int v = *e;
  if (clear) *e = 0;
  return v;
}

void cpu_devrt_block_end(cw_rt_ctx *ctx) {
  free(ctx->devrt);
  ctx->devrt = NULL;
}

/* ---- launch_fn and device_rt_fn ---------------------------------------- */

/* CUDA's named device streams (cuda_device_runtime_api.h's values) */
enum { STREAM_TAIL_LAUNCH = 0x3, STREAM_FIRE_AND_FORGET = 0x4 };

static bool is_tail_stream(const void *stream) { return (uintptr_t)stream == STREAM_TAIL_LAUNCH; }

int cpu_device_launch(cw_rt_ctx *ctx, const cw_kernel_desc *k, const uint32_t grid[3],
                      const uint32_t block[3], uint64_t shared_bytes, void *stream, void **args,
                      uint32_t tx, uint32_t ty, uint32_t tz) {
  CpuChildren *parent = cpu_launch_children(ctx->host);
  char why[160];
  if (!parent) return set_error(ctx, tx, ty, tz, ERR_INVALID_VALUE);
  if (parent->depth + 1 > CPU_DEVRT_MAX_DEPTH)
    return set_error(ctx, tx, ty, tz, ERR_LAUNCH_MAX_DEPTH_EXCEEDED);
  if (cw_check_launch_config(grid, block, k->static_shared + shared_bytes, why, sizeof why) != CW_OK)
    return set_error(ctx, tx, ty, tz, ERR_INVALID_CONFIGURATION);
  CpuFamily *f = parent->family;
  if (atomic_fetch_add(&f->pending, 1) >= f->limit) {
    atomic_fetch_sub(&f->pending, 1);
    return set_error(ctx, tx, ty, tz, ERR_LAUNCH_PENDING_COUNT_EXCEEDED);
  }
  CpuChild *c = child_new(k, args);
  if (!c) {
    atomic_fetch_sub(&f->pending, 1);
    return set_error(ctx, tx, ty, tz, ERR_MEMORY_ALLOCATION);
  }
  memcpy(c->spec.grid, grid, sizeof c->spec.grid);
  memcpy(c->spec.block, block, sizeof c->spec.block);
  c->spec.shared_bytes = (size_t)shared_bytes;
  c->stream = (uintptr_t)stream;
  c->block = ctx->block_idx[0] +
             (uint64_t)ctx->grid_dim[0] * (ctx->block_idx[1] + (uint64_t)ctx->grid_dim[1] * ctx->block_idx[2]);
  pthread_mutex_lock(&parent->mu);
  CpuChild **first = is_tail_stream(stream) ? &parent->tail_first : &parent->first;
  CpuChild **last = is_tail_stream(stream) ? &parent->tail_last : &parent->last;
  if (*last) (*last)->next = c;
  else *first = c;
  *last = c;
  pthread_mutex_unlock(&parent->mu);
  return set_error(ctx, tx, ty, tz, 0);
}

int64_t cpu_device_rt(cw_rt_ctx *ctx, int op, uint32_t tx, uint32_t ty, uint32_t tz) {
  switch (op) {
  case CW_DEVRT_GET_LAST_ERROR: return last_error(ctx, tx, ty, tz, true);
  case CW_DEVRT_PEEK_LAST_ERROR: return last_error(ctx, tx, ty, tz, false);
  case CW_DEVRT_GET_DEVICE: return 0; /* the runtime API shows one device, ordinal 0 */
  case CW_DEVRT_STREAM_NEW: {
    /* a handle distinct from NULL and the named streams (0x1..0x4); grids
     * of every stream run in launch order here, which CUDA allows */
    CpuChildren *c = cpu_launch_children(ctx->host);
    if (!c) return 0;
    return (int64_t)(0x100 + 0x10 * (int64_t)atomic_fetch_add(&c->family->streams, 1));
  }
  default: return ERR_INVALID_VALUE;
  }
}

/* ---- running the children ----------------------------------------------- */

static void free_list(CpuChild *c) {
  while (c) {
    CpuChild *next = c->next;
    free(c);
    c = next;
  }
}

/* Grids of one stream run in launch order: a's stream orders b after it. */
static bool same_stream(const CpuChild *a, const CpuChild *b) {
  if (a->stream == STREAM_FIRE_AND_FORGET || a->stream != b->stream) return false;
  /* the NULL stream (and the legacy handles) is each block's own */
  return a->stream > STREAM_FIRE_AND_FORGET || a->block == b->block;
}

/* Takes one round off *list (see above; one grid when `serial`) and runs
 * it. */
static cw_status run_round(CpuChildren *c, CpuChild **list, bool serial, void *dev, char *err,
                           size_t errn) {
  CpuChild *round[ROUND_MAX], *held[ROUND_MAX];
  CpuGridSpec specs[ROUND_MAX];
  int n = 0, nheld = 0;
  CpuChild **at = list;
  while (*at && n < (serial ? 1 : ROUND_MAX)) {
    CpuChild *x = *at;
    bool blocked = false;
    for (int i = 0; i < n && !blocked; i++) blocked = same_stream(round[i], x);
    for (int i = 0; i < nheld && !blocked; i++) blocked = same_stream(held[i], x);
    if (blocked) {
      if (nheld == ROUND_MAX) break; /* the round is as long as it may get */
      held[nheld++] = x;
      at = &x->next;
      continue;
    }
    *at = x->next; /* out of the queue, into the round */
    specs[n] = x->spec;
    round[n++] = x;
  }
  atomic_fetch_sub(&c->family->pending, n);
  cw_status st = cpu_run_grids(dev, specs, n, c->family, c->depth + 1, err, errn);
  for (int i = 0; i < n; i++) free(round[i]);
  return st;
}

cw_status cpu_children_run(CpuChildren *c, void *dev, char *err, size_t errn) {
  /* every block has ended: no thread appends any more */
  cw_status st = CW_OK;
  while (st == CW_OK && c->first) st = run_round(c, &c->first, false, dev, err, errn);
  /* tail launches: after everything else, one after another */
  while (st == CW_OK && c->tail_first) st = run_round(c, &c->tail_first, true, dev, err, errn);
  c->last = c->tail_last = NULL;
  return st;
}

void cpu_children_destroy(CpuChildren *c) {
  for (CpuChild *x = c->first; x; x = x->next) atomic_fetch_sub(&c->family->pending, 1);
  for (CpuChild *x = c->tail_first; x; x = x->next) atomic_fetch_sub(&c->family->pending, 1);
  free_list(c->first);
  free_list(c->tail_first);
  c->first = c->last = c->tail_first = c->tail_last = NULL;
  pthread_mutex_destroy(&c->mu);
}
