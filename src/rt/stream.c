/*
 * stream.c — streams as worker threads with a FIFO of operations.
 *
 * cw_launch and the async copies only enqueue and return, so the host
 * really continues while a kernel runs.  The worker runs operations in
 * order through the backend; the first error is kept (sticky, like CUDA's)
 * until the stream is synchronized.  Events are operations too: the worker
 * stamps the time when it reaches them, which is what elapsed time means
 * in CUDA (time between the two points of the stream).  Both the worker
 * (waiting for work) and stream_wait (waiting for the worker) poll a
 * little, dropping the lock between looks, before sleeping on their
 * condition variable: a launch followed by a synchronize then costs no
 * futex wake-up on either side.  The spins are bounded in wall time
 * (SPIN_NS), not in rounds of pauses (a pause costs 1 to 140 cycles by
 * CPU): while a kernel runs, the backend's threads use every core, and a
 * host thread spinning in cw_synchronize or an idle stream thread spinning
 * for work takes a core from them (on 2 cores 32,000 pauses, about 0.8 ms,
 * stretched a 1.5 ms kernel to 3 ms).
 */
#include "rt_internal.h"
#include "profile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

double rt_now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void run_op(cw_stream *s, Op *op) {
  cw_context *ctx = s->ctx;
  char err[1024] = "";
  cw_status st = CW_OK;
  if (ctx->ops->set_stream) ctx->ops->set_stream(ctx->dev, s->bs, true);
  switch (op->kind) {
  case OP_LAUNCH: {
    double t0 = cw_prof_start();
    if (op->cooperative && ctx->ops->launch_cooperative)
      st = ctx->ops->launch_cooperative(ctx->dev, op->kernel, op->grid, op->block, op->shared,
                                        op->args, err, sizeof err);
    else
      st = ctx->ops->launch(ctx->dev, op->kernel, op->grid, op->block, op->shared,
                            op->args, err, sizeof err);
    cw_prof_add(CW_PROF_BACKEND_LAUNCH, t0);
    break;
  }
  case OP_COPY: st = ctx->ops->copy(ctx->dev, op->dst, op->src, op->n); break;
  case OP_FILL: st = ctx->ops->fill(ctx->dev, op->dst, op->value, op->n); break;
  case OP_EVENT: {
    cw_event *e = op->event;
    if (ctx->ops->sync) st = ctx->ops->sync(ctx->dev, err, sizeof err); /* the point is reached when the device gets there */
    pthread_mutex_lock(&e->mu);
    e->t_ms = rt_now_ms();
    e->recorded = true;
    if (op->record > e->done) e->done = op->record;
    pthread_cond_broadcast(&e->cv);
    pthread_mutex_unlock(&e->mu);
    break;
  }
  case OP_WAIT_EVENT: { /* this stream goes on once the event's record reached the others */
    cw_event *e = op->event;
    double t0 = cw_prof_start();
    pthread_mutex_lock(&e->mu);
    while (e->done < op->record) pthread_cond_wait(&e->cv, &e->mu);
    e->waiters--;
    pthread_cond_broadcast(&e->cv);
    pthread_mutex_unlock(&e->mu);
    cw_prof_add(CW_PROF_SYNC, t0);
    break;
  }
  }
  if (ctx->ops->set_stream) ctx->ops->set_stream(ctx->dev, NULL, false);
  if (st != CW_OK) {
    pthread_mutex_lock(&s->mu);
    if (s->status == CW_OK) {
      s->status = st;
      snprintf(s->msg, sizeof s->msg, "%s", err[0] ? err : "operation failed");
    }
    pthread_mutex_unlock(&s->mu);
  }
}

/* Longest spin before sleeping, and pauses between looks at the clock. */
enum { SPIN_NS = 30000, SPIN_PAUSES = 16 };

static void relax(void) {
#if (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__)
  __builtin_ia32_pause();
#elif defined(__aarch64__) && defined(__GNUC__)
  __asm__ __volatile__("yield");
#endif
}

/* With s->mu held: polls until done(s) or the rounds run out (the lock is
 * dropped between looks, so the other side can make progress). */
static void spin_until(cw_stream *s, bool (*done)(const cw_stream *)) {
  double end = rt_now_ms() + SPIN_NS * 1e-6;
  while (!done(s)) {
    pthread_mutex_unlock(&s->mu);
    for (int i = 0; i < SPIN_PAUSES; i++) relax();
    bool late = rt_now_ms() >= end;
    pthread_mutex_lock(&s->mu);
    if (late) return;
  }
}

static bool has_work(const cw_stream *s) { return s->head || s->quit; }
static bool is_idle(const cw_stream *s) { return !s->head && !s->busy; }

static void *stream_main(void *arg) {
  cw_stream *s = arg;
  pthread_mutex_lock(&s->mu);
  for (;;) {
    spin_until(s, has_work);
    while (!s->head && !s->quit) pthread_cond_wait(&s->cv, &s->mu);
    if (!s->head && s->quit) break;
    Op *op = s->head;
    s->head = op->next;
    if (!s->head) s->tail = NULL;
    s->busy = true;
    pthread_mutex_unlock(&s->mu);
    run_op(s, op);
    free(op->blob);
    free(op);
    pthread_mutex_lock(&s->mu);
    s->busy = false;
    if (!s->head) pthread_cond_broadcast(&s->idle_cv);
  }
  pthread_mutex_unlock(&s->mu);
  return NULL;
}

cw_status stream_start(cw_context *ctx, cw_stream *s) {
  s->ctx = ctx;
  pthread_mutex_init(&s->mu, NULL);
  pthread_cond_init(&s->cv, NULL);
  pthread_cond_init(&s->idle_cv, NULL);
  pthread_attr_t attr;
  pthread_attr_init(&attr);
  pthread_attr_setstacksize(&attr, 64 << 20); /* it runs blocks too */
  int rc = pthread_create(&s->thread, &attr, stream_main, s);
  pthread_attr_destroy(&attr);
  if (rc) return CW_ERR_NOMEM;
  s->started = true;
  return CW_OK;
}

void stream_stop(cw_stream *s) {
  if (!s->started) return;
  pthread_mutex_lock(&s->mu);
  s->quit = true;
  pthread_cond_broadcast(&s->cv);
  pthread_mutex_unlock(&s->mu);
  pthread_join(s->thread, NULL);
  s->started = false;
}

/* After the last reference (api.c): a stopped stream stays waitable
 * until then, since cw_synchronize may still be waiting on it. */
void stream_cleanup(cw_stream *s) {
  pthread_mutex_destroy(&s->mu);
  pthread_cond_destroy(&s->cv);
  pthread_cond_destroy(&s->idle_cv);
}

cw_status stream_push(cw_stream *s, Op *op) {
  if (s->ctx->ops->sync) {
    /* the device orders and overlaps the work itself: no worker hop */
    run_op(s, op);
    free(op->blob);
    free(op);
    return CW_OK;
  }
  op->next = NULL;
  pthread_mutex_lock(&s->mu);
  if (s->tail) s->tail->next = op;
  else s->head = op;
  s->tail = op;
  pthread_cond_signal(&s->cv);
  pthread_mutex_unlock(&s->mu);
  return CW_OK;
}

cw_status stream_wait(cw_stream *s, char *msg, size_t n) {
  if (s->ctx->ops->sync) {
    char err[1024] = "";
    const CwBackendOps *ops = s->ctx->ops;
    cw_status dst = ops->stream_sync ? ops->stream_sync(s->ctx->dev, s->bs, err, sizeof err)
                                     : ops->sync(s->ctx->dev, err, sizeof err);
    if (dst != CW_OK) {
      pthread_mutex_lock(&s->mu);
      if (s->status == CW_OK) {
        s->status = dst;
        snprintf(s->msg, sizeof s->msg, "%s", err);
      }
      pthread_mutex_unlock(&s->mu);
    }
  }
  pthread_mutex_lock(&s->mu);
  if (!s->ctx->ops->sync) spin_until(s, is_idle);
  while (s->head || s->busy) pthread_cond_wait(&s->idle_cv, &s->mu);
  cw_status st = s->status;
  if (st != CW_OK && msg) snprintf(msg, n, "%s", s->msg);
  s->status = CW_OK;
  s->msg[0] = 0;
  pthread_mutex_unlock(&s->mu);
  return st;
}
