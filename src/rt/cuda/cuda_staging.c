/*
 * cuda_staging.c — host-to-device copies from pageable memory, staged
 * through a ring of pinned buffers that we own, pipelined and with several
 * host threads.
 *
 * The GPU's DMA engine reads only page-locked memory, so the driver copies
 * a pageable source through pinned staging memory of its own; its
 * cuMemcpyHtoD did that at 8 GB/s on an H200 where the CUDA runtime's
 * cudaMemcpy reaches 18 GB/s and pinned memory 54 GB/s.  Here the copy is
 * cut into chunks; each memcpy thread (the caller and up to 7 helpers)
 * takes the next chunk from a shared offset, copies it into one of its
 * own two pinned buffers and queues cuMemcpyHtoDAsync of it on the copy's
 * stream, with an event after it; before refilling a buffer it waits for
 * that buffer's event.  So the memcpy of one chunk overlaps the DMA of
 * the previous ones, and several threads' memcpys (10-20 GB/s each)
 * together can keep up with the link.
 *
 * Sizes: buffers are 2 MiB (a DMA of 2 MiB takes ~40 us at 54 GB/s, far
 * above the few microseconds a queued copy and an event cost); each
 * thread's first chunk is 256 KiB and its later ones double up to 2 MiB,
 * and near the end chunks shrink to the remainder's share per thread, so
 * the link starts early and the last DMA (not overlapped) is short.
 * Copies under 1 MiB go to the driver directly (cuda.c): its own staging
 * is as good there and costs no thread wake-up; a copy takes one more
 * thread per 4 MiB.  The ring is 2 buffers per thread (threads: half the
 * cores, at most 4, by default — 16 MiB pinned; CUWASM_CUDA_STAGING_
 * THREADS=N sets 1..8), allocated with cuMemAllocHost and kept until the
 * device is closed.  Pinning costs milliseconds, as much as a 64 MiB copy,
 * so a program that copies once must not wait for it: the first copy
 * that wants the ring starts a thread making it and goes to the driver
 * itself; later copies use the ring (waiting for it if it is not done);
 * a process that exits meanwhile waits for it first (atexit).
 *
 * Semantics are CUDA's: the copy is queued on the caller's stream, so it
 * is ordered after earlier work there and before later work; the function
 * returns once every byte of the source was copied into pinned memory (the
 * caller may overwrite its buffer, as after a pageable cudaMemcpyAsync),
 * and a blocking copy also waits for the events of its DMAs (the data is
 * on the device).  One staged copy runs at a time per device (a second
 * host thread waits for the ring); buffers still being read by an earlier
 * asynchronous copy are waited for through their events.  The first
 * driver failure is returned and stops the other threads' chunks.
 * CUWASM_CUDA_STAGING=0 turns all of it off (the driver's own staging).
 */
#include "cuda_staging.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum {
  STAGE_BUFFER = 2 << 20,     /* bytes of one pinned buffer: the largest chunk */
  STAGE_FIRST = 256 << 10,    /* a thread's first chunk, and the smallest */
  STAGE_MIN = 1 << 20,        /* copies below this go to the driver directly */
  STAGE_PER_THREAD = 4 << 20, /* one memcpy thread per this many bytes */
  STAGE_MAX_THREADS = 8,
  STAGE_BUFFERS_PER_THREAD = 2,
};

/* the ring's life: made in the background after the first copy that
 * wants it (which goes to the driver meanwhile) */
enum { RING_NONE, RING_MAKING, RING_READY, RING_BROKEN };

typedef struct StageSlot {
  void *buf;    /* STAGE_BUFFER pinned bytes */
  CUevent done; /* recorded after the last DMA that reads buf */
} StageSlot;

struct CudaStaging {
  const CudaDriver *drv;
  CUcontext ctx;
  int threads; /* memcpy threads, the caller included */
  pthread_mutex_t ring; /* held for a whole staged copy */
  _Atomic int state;    /* RING_* */
  pthread_t maker;      /* makes the ring, in the background */
  bool maker_started;
  StageSlot slots[STAGE_MAX_THREADS * STAGE_BUFFERS_PER_THREAD];
  int nslots;
  /* the helpers and the copy they work on */
  pthread_mutex_t mu;
  pthread_cond_t go, idle, made; /* work for helpers / they are done / the ring is */
  pthread_t helper[STAGE_MAX_THREADS - 1];
  int nhelpers;
  unsigned long generation; /* one more for each copy handed to helpers */
  int active;               /* helpers still working on it */
  bool quit;
  CUdeviceptr to;
  const char *src;
  size_t n;
  CUstream stream;
  int job_threads;
  _Atomic size_t next; /* the first byte no thread has taken yet */
  _Atomic int error;   /* the first driver failure (CUresult) */
};

typedef struct HelperArg {
  CudaStaging *st;
  int index; /* 1.. (0 is the caller) */
} HelperArg;

static int default_threads(void) {
  const char *e = getenv("CUWASM_CUDA_STAGING_THREADS");
  long n = e && *e ? strtol(e, NULL, 10) : 0;
  if (n <= 0) {
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    n = cores / 2 > 4 ? 4 : cores / 2;
  }
  return n < 1 ? 1 : n > STAGE_MAX_THREADS ? STAGE_MAX_THREADS : (int)n;
}

CudaStaging *cuda_staging_new(const CudaDriver *drv, CUcontext ctx) {
  const char *e = getenv("CUWASM_CUDA_STAGING");
  if (e && !strcmp(e, "0")) return NULL;
  CudaStaging *st = calloc(1, sizeof *st);
  if (!st) return NULL;
  st->drv = drv;
  st->ctx = ctx;
  st->threads = default_threads();
  pthread_mutex_init(&st->ring, NULL);
  pthread_mutex_init(&st->mu, NULL);
  pthread_cond_init(&st->go, NULL);
  pthread_cond_init(&st->idle, NULL);
  pthread_cond_init(&st->made, NULL);
  return st;
}

bool cuda_staging_wants(const CudaStaging *st, size_t n) { return st && n >= STAGE_MIN; }

static void fail(CudaStaging *st, CUresult r) {
  int none = 0;
  if (r != 0) atomic_compare_exchange_strong(&st->error, &none, r);
}

/* The share of the copy that memcpy thread T does: chunks taken from the
 * shared offset, each through one of T's two buffers. */
static void stage_part(CudaStaging *st, int t) {
  const CudaDriver *d = st->drv;
  size_t want = STAGE_FIRST;
  for (int k = 0; !atomic_load(&st->error); k++) {
    size_t taken = atomic_load(&st->next);
    if (taken >= st->n) break;
    size_t share = (st->n - taken) / (2 * (size_t)st->job_threads);
    size_t len = want < share ? want : share < STAGE_FIRST ? STAGE_FIRST : share;
    size_t off = atomic_fetch_add(&st->next, len);
    if (off >= st->n) break;
    if (len > st->n - off) len = st->n - off;
    StageSlot *s = &st->slots[t * STAGE_BUFFERS_PER_THREAD + k % STAGE_BUFFERS_PER_THREAD];
    CUresult r = d->cuEventSynchronize(s->done); /* its earlier DMA has read it */
    if (r == 0) {
      memcpy(s->buf, st->src + off, len);
      r = d->cuMemcpyHtoDAsync(st->to + off, s->buf, len, st->stream);
    }
    if (r == 0) r = d->cuEventRecord(s->done, st->stream);
    fail(st, r);
    if (want < STAGE_BUFFER) want *= 2;
  }
}

static void *helper_main(void *arg) {
  HelperArg *h = arg;
  CudaStaging *st = h->st;
  int index = h->index;
  free(h);
  st->drv->cuCtxSetCurrent(st->ctx);
  unsigned long seen = 0;
  pthread_mutex_lock(&st->mu);
  for (;;) {
    while (!st->quit && st->generation == seen) pthread_cond_wait(&st->go, &st->mu);
    if (st->quit) break;
    seen = st->generation;
    if (index >= st->job_threads) continue;
    pthread_mutex_unlock(&st->mu);
    stage_part(st, index);
    pthread_mutex_lock(&st->mu);
    if (--st->active == 0) pthread_cond_signal(&st->idle);
  }
  pthread_mutex_unlock(&st->mu);
  return NULL;
}

static void stop_helpers(CudaStaging *st) {
  pthread_mutex_lock(&st->mu);
  st->quit = true;
  pthread_cond_broadcast(&st->go);
  pthread_mutex_unlock(&st->mu);
  for (int i = 0; i < st->nhelpers; i++) pthread_join(st->helper[i], NULL);
  st->nhelpers = 0;
  st->quit = false;
}

static void free_slots(CudaStaging *st) {
  for (int i = 0; i < st->nslots; i++) {
    StageSlot *s = &st->slots[i];
    if (s->done) {
      st->drv->cuEventSynchronize(s->done);
      st->drv->cuEventDestroy(s->done);
    }
    if (s->buf) st->drv->cuMemFreeHost(s->buf);
    s->done = NULL, s->buf = NULL;
  }
  st->nslots = 0;
}

/* The pinned buffers, their events and the helper threads; false when the
 * driver refuses them. */
static bool make_ring(CudaStaging *st) {
  const CudaDriver *d = st->drv;
  bool ok = true;
  st->nslots = st->threads * STAGE_BUFFERS_PER_THREAD;
  for (int i = 0; ok && i < st->nslots; i++)
    ok = d->cuMemAllocHost(&st->slots[i].buf, STAGE_BUFFER) == 0 && st->slots[i].buf &&
         d->cuEventCreate(&st->slots[i].done, CU_EVENT_DISABLE_TIMING) == 0;
  for (int i = 1; ok && i < st->threads; i++) {
    HelperArg *h = malloc(sizeof *h);
    ok = h != NULL;
    if (ok) *h = (HelperArg){st, i};
    if (ok && pthread_create(&st->helper[st->nhelpers], NULL, helper_main, h) != 0) {
      free(h);
      ok = false;
    }
    if (ok) st->nhelpers++;
  }
  if (!ok) {
    stop_helpers(st);
    free_slots(st);
    return false;
  }
  return true;
}

/* Rings being made, of all devices: the process waits for them at exit
 * (atexit handlers run in reverse order, so this one runs before the
 * driver's teardown, registered when the library was loaded or at cuInit)
 * rather than tear the driver down under a thread still inside it. */
static pthread_mutex_t makers_mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t makers_done = PTHREAD_COND_INITIALIZER;
static int makers_running;
static bool makers_waited_at_exit;

static void wait_for_makers(void) {
  pthread_mutex_lock(&makers_mu);
  while (makers_running > 0) pthread_cond_wait(&makers_done, &makers_mu);
  pthread_mutex_unlock(&makers_mu);
}

static void *maker_main(void *arg) {
  CudaStaging *st = arg;
  st->drv->cuCtxSetCurrent(st->ctx);
  bool ok = make_ring(st);
  pthread_mutex_lock(&st->mu);
  atomic_store(&st->state, ok ? RING_READY : RING_BROKEN);
  pthread_cond_broadcast(&st->made);
  pthread_mutex_unlock(&st->mu);
  pthread_mutex_lock(&makers_mu);
  makers_running--;
  pthread_cond_broadcast(&makers_done);
  pthread_mutex_unlock(&makers_mu);
  return NULL;
}

static bool start_maker(CudaStaging *st) {
  pthread_mutex_lock(&makers_mu);
  if (!makers_waited_at_exit) makers_waited_at_exit = atexit(wait_for_makers) == 0;
  makers_running++;
  pthread_mutex_unlock(&makers_mu);
  if (pthread_create(&st->maker, NULL, maker_main, st) == 0) return true;
  pthread_mutex_lock(&makers_mu);
  makers_running--;
  pthread_mutex_unlock(&makers_mu);
  return false;
}

/* Whether the ring is there for this copy.  Pinning 16 MiB costs
 * milliseconds, as much as the copy it would speed up, so the first copy
 * that wants the ring starts a thread making it and goes to the driver;
 * later ones wait for the ring if it is not quite done (false for good
 * when the driver refused it). */
static bool have_ring(CudaStaging *st) {
  int state = atomic_load(&st->state);
  if (state == RING_READY) return true;
  if (state == RING_BROKEN) return false;
  pthread_mutex_lock(&st->mu);
  if (atomic_load(&st->state) == RING_NONE) {
    st->maker_started = start_maker(st);
    atomic_store(&st->state, st->maker_started ? RING_MAKING : RING_BROKEN);
    pthread_mutex_unlock(&st->mu);
    return false;
  }
  while (atomic_load(&st->state) == RING_MAKING) pthread_cond_wait(&st->made, &st->mu);
  pthread_mutex_unlock(&st->mu);
  return atomic_load(&st->state) == RING_READY;
}

bool cuda_staging_htod(CudaStaging *st, CUdeviceptr to, const void *src, size_t n,
                       CUstream stream, bool wait, CUresult *r) {
  *r = 0;
  if (!have_ring(st)) return false;
  pthread_mutex_lock(&st->ring);
  size_t shares = n / STAGE_PER_THREAD;
  int threads = shares < 1 ? 1 : shares > (size_t)st->threads ? st->threads : (int)shares;
  /* under mu: a helper late for an earlier copy reads job_threads */
  pthread_mutex_lock(&st->mu);
  st->to = to, st->src = src, st->n = n, st->stream = stream, st->job_threads = threads;
  atomic_store(&st->next, 0);
  atomic_store(&st->error, 0);
  if (threads > 1) {
    st->active = threads - 1;
    st->generation++;
    pthread_cond_broadcast(&st->go);
  }
  pthread_mutex_unlock(&st->mu);
  stage_part(st, 0);
  if (threads > 1) {
    pthread_mutex_lock(&st->mu);
    while (st->active > 0) pthread_cond_wait(&st->idle, &st->mu);
    pthread_mutex_unlock(&st->mu);
  }
  *r = atomic_load(&st->error);
  /* blocking: the DMAs of this copy have finished (each buffer's event is
   * the last DMA that read it) */
  for (int i = 0; wait && i < threads * STAGE_BUFFERS_PER_THREAD; i++) {
    CUresult e = st->drv->cuEventSynchronize(st->slots[i].done);
    if (*r == 0) *r = e;
  }
  pthread_mutex_unlock(&st->ring);
  return true;
}

void cuda_staging_free(CudaStaging *st) {
  if (!st) return;
  if (st->maker_started) pthread_join(st->maker, NULL);
  stop_helpers(st);
  free_slots(st);
  pthread_mutex_destroy(&st->ring);
  pthread_mutex_destroy(&st->mu);
  pthread_cond_destroy(&st->go);
  pthread_cond_destroy(&st->idle);
  pthread_cond_destroy(&st->made);
  free(st);
}
