/*
 * pool.c — the CPU backend's thread pool.
 *
 * One worker per core (CUWASM_NUM_THREADS overrides), created once with
 * big stacks because generated kernels keep per-thread arrays (values live
 * across barriers) on the stack.  A job is a count of items (thread
 * blocks); every thread, the caller included, takes the next item with an
 * atomic increment, so uneven blocks balance themselves.  Jobs from
 * different streams take turns (run_mu): a kernel already uses every core.
 */
#include "cpu_internal.h"

#include <stdlib.h>
#include <unistd.h>

int cpu_pool_threads(void) {
  const char *e = getenv("CUWASM_NUM_THREADS");
  if (e && *e) {
    int n = atoi(e);
    if (n >= 1 && n <= 4096) return n;
  }
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n >= 1 ? (int)n : 1;
}

typedef struct WorkerArg {
  CpuPool *p;
  int id;
} WorkerArg;

static void drain(CpuPool *p, int id) {
  for (;;) {
    uint64_t i = atomic_fetch_add(&p->next, 1);
    if (i >= p->count) return;
    p->fn(p->arg, i, id);
  }
}

static void *worker_main(void *argp) {
  WorkerArg a = *(WorkerArg *)argp;
  free(argp);
  CpuPool *p = a.p;
  uint64_t seen = 0;
  pthread_mutex_lock(&p->mu);
  for (;;) {
    while (!p->quit && p->generation == seen) pthread_cond_wait(&p->wake, &p->mu);
    if (p->quit) break;
    seen = p->generation;
    pthread_mutex_unlock(&p->mu);
    drain(p, a.id);
    pthread_mutex_lock(&p->mu);
    if (--p->busy == 0) pthread_cond_signal(&p->done);
  }
  pthread_mutex_unlock(&p->mu);
  return NULL;
}

static bool start_workers(CpuPool *p) {
  pthread_attr_t attr;
  if (pthread_attr_init(&attr)) return false;
  pthread_attr_setstacksize(&attr, CPU_STACK_BYTES);
  for (int i = 0; i < p->nworkers; i++) {
    WorkerArg *a = malloc(sizeof *a);
    if (!a) break;
    a->p = p;
    a->id = i + 1;
    if (pthread_create(&p->threads[i], &attr, worker_main, a)) {
      free(a);
      p->nworkers = i;
      break;
    }
  }
  pthread_attr_destroy(&attr);
  return true;
}

bool cpu_pool_init(CpuPool *p, int nthreads) {
  *p = (CpuPool){0};
  p->nworkers = nthreads > 1 ? nthreads - 1 : 0;
  p->threads = calloc((size_t)p->nworkers + 1, sizeof(pthread_t));
  if (!p->threads) return false;
  pthread_mutex_init(&p->mu, NULL);
  pthread_mutex_init(&p->run_mu, NULL);
  pthread_cond_init(&p->wake, NULL);
  pthread_cond_init(&p->done, NULL);
  atomic_init(&p->next, 0);
  return start_workers(p);
}

void cpu_pool_run(CpuPool *p, uint64_t count, CpuPoolFn fn, void *arg) {
  pthread_mutex_lock(&p->run_mu);
  pthread_mutex_lock(&p->mu);
  p->fn = fn;
  p->arg = arg;
  p->count = count;
  atomic_store(&p->next, 0);
  bool parallel = count > 1 && p->nworkers > 0;
  if (parallel) {
    p->busy = p->nworkers;
    p->generation++;
    pthread_cond_broadcast(&p->wake);
  }
  pthread_mutex_unlock(&p->mu);
  drain(p, 0);
  if (parallel) {
    pthread_mutex_lock(&p->mu);
    while (p->busy > 0) pthread_cond_wait(&p->done, &p->mu);
    pthread_mutex_unlock(&p->mu);
  }
  pthread_mutex_unlock(&p->run_mu);
}

void cpu_pool_destroy(CpuPool *p) {
  if (!p->threads) return;
  pthread_mutex_lock(&p->mu);
  p->quit = true;
  pthread_cond_broadcast(&p->wake);
  pthread_mutex_unlock(&p->mu);
  for (int i = 0; i < p->nworkers; i++) pthread_join(p->threads[i], NULL);
  free(p->threads);
  p->threads = NULL;
  pthread_mutex_destroy(&p->mu);
  pthread_mutex_destroy(&p->run_mu);
  pthread_cond_destroy(&p->wake);
  pthread_cond_destroy(&p->done);
}
