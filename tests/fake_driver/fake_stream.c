/*
 * fake_stream.c — the fake driver's streams, events and asynchronous
 * copies, as lazy as CUDA allows: an asynchronous copy between device and
 * pinned memory (fake_memory.c knows which is which) is only queued on
 * its stream and runs when the host waits for it — cuEventSynchronize on
 * an event recorded after it, cuStreamSynchronize, cuCtxSynchronize, or a
 * blocking copy or an event recorded on the NULL stream (legacy default
 * stream semantics: it waits for all streams).  A copy runs with the bytes its source holds then, so a host
 * that refills a pinned buffer before the copy reading it has finished,
 * or that returns from a blocking copy before the data arrived, reads
 * wrong data in a test.  Asynchronous copies touching pageable memory run
 * at once after their stream's earlier work, as the driver stages them.
 * The counts of queued copies are read by tests through dlsym.  All of it
 * behind one lock: several host threads copy at once.
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fake_driver.h"

typedef struct FakeOp {
  char *dst;
  const char *src;
  size_t n;
} FakeOp;

struct CUstream_st {
  FakeOp *ops;
  size_t queued, done, cap; /* ops[done..queued) are pending */
  struct CUstream_st *next;
};

struct CUevent_st {
  CUstream stream; /* NULL: never recorded */
  size_t seq;      /* complete once stream->done reaches it */
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static struct CUstream_st legacy; /* the NULL stream */
static CUstream streams = &legacy;
static unsigned long async_copies;

static CUstream real(CUstream s) { return s ? s : &legacy; }

static void run_until(CUstream s, size_t seq) {
  while (s->done < seq) {
    FakeOp *op = &s->ops[s->done++];
    memmove(op->dst, op->src, op->n);
  }
}

static void drain_all_locked(void) {
  for (CUstream s = streams; s; s = s->next) run_until(s, s->queued);
}

void fake_streams_drain(void) {
  pthread_mutex_lock(&lock);
  drain_all_locked();
  pthread_mutex_unlock(&lock);
}

/* how many copies were queued (tests read it through dlsym) */
unsigned long fake_async_copies(void) {
  pthread_mutex_lock(&lock);
  unsigned long n = async_copies;
  pthread_mutex_unlock(&lock);
  return n;
}

int cuStreamCreate(CUstream *out, unsigned flags) {
  (void)flags;
  CUstream s = calloc(1, sizeof *s);
  if (!s) return 2;
  pthread_mutex_lock(&lock);
  s->next = legacy.next;
  legacy.next = s;
  pthread_mutex_unlock(&lock);
  *out = s;
  return 0;
}

/* Its queued copies run; the stream itself stays (events recorded on it
 * stay valid, as the driver's do after cuStreamDestroy), with no ops. */
int cuStreamDestroy(CUstream s) {
  if (!s) return 1;
  pthread_mutex_lock(&lock);
  run_until(s, s->queued);
  free(s->ops);
  s->ops = NULL;
  s->cap = 0;
  pthread_mutex_unlock(&lock);
  return 0;
}

int cuStreamSynchronize(CUstream s) {
  pthread_mutex_lock(&lock);
  if (s) run_until(s, s->queued);
  else drain_all_locked();
  pthread_mutex_unlock(&lock);
  return 0;
}

int cuCtxSynchronize(void) {
  fake_streams_drain();
  return 0;
}

static int enqueue(CUstream s, void *dst, const void *src, size_t n) {
  s = real(s);
  pthread_mutex_lock(&lock);
  if (!fake_is_pinned_or_device(dst) || !fake_is_pinned_or_device(src)) {
    run_until(s, s->queued); /* pageable: staged by the driver right away */
    memmove(dst, src, n);
    pthread_mutex_unlock(&lock);
    return 0;
  }
  if (s->queued == s->cap) {
    size_t cap = s->cap ? 2 * s->cap : 64;
    FakeOp *ops = realloc(s->ops, cap * sizeof *ops);
    if (!ops) {
      pthread_mutex_unlock(&lock);
      return 2;
    }
    s->ops = ops, s->cap = cap;
  }
  s->ops[s->queued++] = (FakeOp){dst, src, n};
  async_copies++;
  pthread_mutex_unlock(&lock);
  return 0;
}

int cuMemcpyAsync(CUdeviceptr to, CUdeviceptr from, size_t n, CUstream s) {
  return enqueue(s, (void *)(uintptr_t)to, (const void *)(uintptr_t)from, n);
}

int cuMemcpyHtoDAsync(CUdeviceptr to, const void *from, size_t n, CUstream s) {
  if (!fake_is_device((void *)(uintptr_t)to)) return 1;
  return enqueue(s, (void *)(uintptr_t)to, from, n);
}

int cuEventCreate(CUevent *out, unsigned flags) {
  (void)flags;
  CUevent e = calloc(1, sizeof *e);
  if (!e) return 2;
  *out = e;
  return 0;
}

int cuEventDestroy(CUevent e) {
  free(e);
  return e ? 0 : 1;
}

/* An event on the legacy default stream (NULL) is reached once all work
 * submitted before it to every stream has run (all streams here block):
 * that work runs now, earlier than the driver might, never later. */
int cuEventRecord(CUevent e, CUstream s) {
  if (!e) return 1;
  pthread_mutex_lock(&lock);
  if (!s) drain_all_locked();
  e->stream = real(s);
  e->seq = e->stream->queued;
  pthread_mutex_unlock(&lock);
  return 0;
}

int cuEventSynchronize(CUevent e) {
  if (!e) return 1;
  pthread_mutex_lock(&lock);
  if (e->stream) run_until(e->stream, e->seq);
  pthread_mutex_unlock(&lock);
  return 0;
}
