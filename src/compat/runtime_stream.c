/*
 * runtime_stream.c — streams, events and synchronisation.
 *
 * A cudaStream_t is a struct CUstream_st over a runtime stream (a worker
 * thread with a queue, so launches and async copies really overlap the
 * host).  Stream 0 — and cudaStreamLegacy / cudaStreamPerThread — is one
 * runtime stream of our own with CUDA's legacy semantics: work given to
 * it first waits for every blocking stream, and work given to a blocking
 * stream first waits for it (compat_order_before; the host waits, which
 * is stricter than CUDA but never wrong).  Non-blocking streams
 * (cudaStreamNonBlocking) skip both waits.
 *
 * Kernel errors surface at the next synchronisation, are turned into
 * CUDA's codes and become sticky (compat_ret).  Host callbacks and
 * cross-stream event waits run on the calling thread after waiting for
 * the stream/event: the order CUDA guarantees is kept.
 */
#include "compat/compat.h"

#include <stdlib.h>

cw_stream *compat_stream(cudaStream_t s) {
  if (s == 0 || s == cudaStreamLegacy || s == cudaStreamPerThread)
    return compat_state()->null_stream;
  return s->s;
}

static cudaError_t wait_one(cw_stream *s) {
  if (!s || cw_stream_query(s)) return cudaSuccess;
  cw_status st = cw_stream_synchronize(s);
  if (st == CW_OK) return cudaSuccess;
  cudaError_t e = compat_from_status(st, cw_last_error_message(compat_state()->ctx));
  compat_set_message("cuwasm: %s", cw_last_error_message(compat_state()->ctx));
  return compat_ret(e);
}

static bool is_legacy(cudaStream_t s) {
  return s == 0 || s == cudaStreamLegacy || s == cudaStreamPerThread;
}

cudaError_t compat_order_before(cudaStream_t s) {
  CompatState *g = compat_state();
  cudaError_t first = compat_sticky();
  if (first != cudaSuccess) return first;
  if (!is_legacy(s)) {
    return (s->flags & cudaStreamNonBlocking) ? cudaSuccess : wait_one(g->null_stream);
  }
  pthread_mutex_lock(&g->mu);
  cw_stream *list[256];
  int n = 0;
  for (int i = 0; i < g->nstreams && n < 256; i++)
    if (!(g->streams[i]->flags & cudaStreamNonBlocking)) list[n++] = g->streams[i]->s;
  pthread_mutex_unlock(&g->mu);
  for (int i = 0; i < n; i++) {
    cudaError_t e = wait_one(list[i]);
    if (e != cudaSuccess && first == cudaSuccess) first = e;
  }
  return first;
}

cudaError_t compat_sync_stream(cudaStream_t s) {
  cudaError_t err;
  if (!compat_ctx(&err)) return err;
  cw_status st = cw_stream_synchronize(compat_stream(s));
  compat_managed_pull();
  if (st != CW_OK) {
    const char *m = cw_last_error_message(compat_state()->ctx);
    compat_set_message("cuwasm: %s", m);
    return compat_ret(compat_from_status(st, m));
  }
  return compat_sticky();
}

cudaError_t compat_sync_all(void) {
  cudaError_t err;
  cw_context *ctx = compat_ctx(&err);
  if (!ctx) return err;
  cw_status st = cw_synchronize(ctx);
  compat_managed_pull();
  if (st != CW_OK) {
    compat_set_message("cuwasm: %s", cw_last_error_message(ctx));
    return compat_ret(compat_from_status(st, cw_last_error_message(ctx)));
  }
  return compat_sticky();
}

/* ---- streams ------------------------------------------------------------ */

cudaError_t cudaStreamCreateWithFlags(cudaStream_t *p, unsigned int flags) {
  cudaError_t err;
  cw_context *ctx = compat_ctx(&err);
  if (!ctx) return compat_ret(err);
  if (!p) return compat_ret(cudaErrorInvalidValue);
  struct CUstream_st *s = calloc(1, sizeof *s);
  if (!s || cw_stream_new(ctx, &s->s) != CW_OK) {
    free(s);
    return compat_ret(cudaErrorMemoryAllocation);
  }
  s->flags = flags;
  CompatState *g = compat_state();
  pthread_mutex_lock(&g->mu);
  if (g->nstreams == g->capstreams) {
    int cap = g->capstreams ? g->capstreams * 2 : 16;
    struct CUstream_st **n = realloc(g->streams, sizeof *n * (size_t)cap);
    if (n) g->streams = n, g->capstreams = cap;
  }
  if (g->nstreams < g->capstreams) g->streams[g->nstreams++] = s;
  pthread_mutex_unlock(&g->mu);
  *p = s;
  return cudaSuccess;
}

cudaError_t cudaStreamCreate(cudaStream_t *p) { return cudaStreamCreateWithFlags(p, 0); }

cudaError_t cudaStreamCreateWithPriority(cudaStream_t *p, unsigned int flags, int priority) {
  (void)priority;
  return cudaStreamCreateWithFlags(p, flags);
}

cudaError_t cudaDeviceGetStreamPriorityRange(int *least, int *greatest) {
  if (least) *least = 0;
  if (greatest) *greatest = 0;
  return cudaSuccess;
}

cudaError_t cudaStreamDestroy(cudaStream_t s) {
  if (is_legacy(s)) return compat_ret(cudaErrorInvalidResourceHandle);
  CompatState *g = compat_state();
  pthread_mutex_lock(&g->mu);
  bool found = false;
  for (int i = 0; i < g->nstreams; i++)
    if (g->streams[i] == s) {
      g->streams[i] = g->streams[--g->nstreams];
      found = true;
      break;
    }
  pthread_mutex_unlock(&g->mu);
  if (!found) return compat_ret(cudaErrorInvalidResourceHandle);
  cudaError_t e = wait_one(s->s); /* CUDA lets queued work finish */
  cw_stream_free(s->s);
  free(s);
  return e;
}

cudaError_t cudaStreamSynchronize(cudaStream_t s) {
  if (compat_is_capturing(s)) return compat_ret(cudaErrorStreamCaptureUnsupported);
  return compat_ret(compat_sync_stream(s));
}

cudaError_t cudaStreamQuery(cudaStream_t s) {
  cudaError_t err;
  if (!compat_ctx(&err)) return compat_ret(err);
  cudaError_t st = compat_sticky();
  if (st != cudaSuccess) return compat_ret(st);
  return cw_stream_query(compat_stream(s)) ? cudaSuccess : cudaErrorNotReady;
}

cudaError_t cudaLaunchHostFunc(cudaStream_t s, cudaHostFn_t fn, void *data) {
  if (!fn) return compat_ret(cudaErrorInvalidValue);
  if (compat_is_capturing(s)) return compat_ret(compat_capture_host(s, fn, data));
  cudaError_t e = compat_sync_stream(s);
  if (e != cudaSuccess) return compat_ret(e);
  fn(data);
  return cudaSuccess;
}

cudaError_t cudaStreamAddCallback(cudaStream_t s, cudaStreamCallback_t cb, void *data,
                                  unsigned int flags) {
  if (!cb || flags) return compat_ret(cudaErrorInvalidValue);
  cudaError_t e = compat_sync_stream(s);
  cb(s, e, data);
  return cudaSuccess;
}

/* ---- events ------------------------------------------------------------- */

cudaError_t cudaEventCreateWithFlags(cudaEvent_t *p, unsigned int flags) {
  cudaError_t err;
  cw_context *ctx = compat_ctx(&err);
  if (!ctx) return compat_ret(err);
  if (!p) return compat_ret(cudaErrorInvalidValue);
  struct CUevent_st *e = calloc(1, sizeof *e);
  if (!e || cw_event_new(ctx, &e->e) != CW_OK) {
    free(e);
    return compat_ret(cudaErrorMemoryAllocation);
  }
  e->flags = flags;
  *p = e;
  return cudaSuccess;
}

cudaError_t cudaEventCreate(cudaEvent_t *p) { return cudaEventCreateWithFlags(p, 0); }

cudaError_t cudaEventDestroy(cudaEvent_t e) {
  if (!e) return compat_ret(cudaErrorInvalidResourceHandle);
  cw_event_free(e->e);
  free(e);
  return cudaSuccess;
}

cudaError_t cudaEventRecord(cudaEvent_t e, cudaStream_t s) {
  if (!e) return compat_ret(cudaErrorInvalidResourceHandle);
  if (compat_is_capturing(s)) { /* joins other streams to the capture */
    e->captured_by = s->capture;
    return cudaSuccess;
  }
  e->captured_by = NULL;
  cudaError_t err = compat_order_before(s);
  if (err != cudaSuccess) return compat_ret(err);
  e->recorded = true;
  return cw_event_record(e->e, compat_stream(s)) == CW_OK ? cudaSuccess
                                                          : compat_ret(cudaErrorUnknown);
}

cudaError_t cudaEventSynchronize(cudaEvent_t e) {
  if (!e) return compat_ret(cudaErrorInvalidResourceHandle);
  if (e->recorded) cw_event_synchronize(e->e);
  compat_managed_pull();
  return compat_ret(compat_sticky());
}

cudaError_t cudaEventQuery(cudaEvent_t e) {
  if (!e) return compat_ret(cudaErrorInvalidResourceHandle);
  /* The runtime has no non-blocking query of an event: waiting for it
   * answers truthfully (complete), only later than CUDA would. */
  if (e->recorded) cw_event_synchronize(e->e);
  return cudaSuccess;
}

cudaError_t cudaEventElapsedTime(float *ms, cudaEvent_t a, cudaEvent_t b) {
  if (!ms || !a || !b) return compat_ret(cudaErrorInvalidResourceHandle);
  if ((a->flags | b->flags) & cudaEventDisableTiming)
    return compat_ret(cudaErrorInvalidResourceHandle);
  if (!a->recorded || !b->recorded) return compat_ret(cudaErrorInvalidResourceHandle);
  return cw_event_elapsed_ms(a->e, b->e, ms) == CW_OK ? cudaSuccess
                                                      : compat_ret(cudaErrorInvalidResourceHandle);
}

cudaError_t cudaStreamWaitEvent(cudaStream_t s, cudaEvent_t e, unsigned int flags) {
  (void)flags;
  if (!e) return compat_ret(cudaErrorInvalidResourceHandle);
  if (e->captured_by) { /* fork: s joins the capture that recorded e */
    if (!is_legacy(s) && !s->capture) s->capture = e->captured_by;
    return cudaSuccess;
  }
  if (!e->recorded) return cudaSuccess;
  return cw_stream_wait_event(compat_stream(s), e->e) == CW_OK ? cudaSuccess
                                                              : compat_ret(cudaErrorUnknown);
}
