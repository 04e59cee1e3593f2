/*
 * pool.c — the CPU backend's thread pool.
 *
 * One worker per core (CUWASM_NUM_THREADS overrides), created once with
 * big stacks because generated kernels keep per-thread arrays (values live
 * across barriers) on the stack.  A job is a count of items (thread
 * blocks); each thread, the caller included, owns a contiguous share of
 * the items (as OpenMP's static schedule gives each core a contiguous
 * range: a thread streams through its own part of the arrays, and a
 * kernel launched after another on the same grid finds its share of the
 * data in that core's cache) and takes chunks from its front with an
 * atomic increment; a thread done with its share takes chunks from the
 * others' (uneven blocks, a thread that came late or was preempted still
 * balance).  Chunks are small enough for that balance, large enough that
 * the counter is not the cost of a tiny block, and at least min_chunk
 * (the blocks a kernel's group function runs at once).  Jobs from different
 * streams take turns (run_mu): a
 * kernel already uses every core.  Workers and the caller spin a little
 * (CPU_SPIN_NS of wall time, whatever a pause costs on the machine) before
 * sleeping on a condition variable, so that back-to-back launches do not
 * pay a futex wake-up each, while a thread left idle gives its core back
 * soon (a spinning thread on a loaded or fully used machine delays the
 * threads that have work); the job's fields are published by the release
 * increment of `generation`.  On Linux a sleeping worker waits on a futex
 * (wake_seq) that one system call wakes for all: with a condition
 * variable every woken thread must take the mutex again, so on a VM's 16
 * cores they started one after another (CUWASM_POOL_WAKE=condvar keeps
 * that path, for comparing).
 *
 * After the spin a waiting thread yields its core (sched_yield between
 * tests) for CPU_YIELD_US more, then sleeps.  On a VM an idle core is a
 * halted virtual CPU, and the host may take milliseconds to run it again:
 * on the 2-core EPYC VM of bench/README.md, with a 10 ms pause before each
 * launch (bench_cpu's paired runs), the one worker came 1.8-5.1 ms late in
 * about half of the launches, which then ran at one thread's speed (the
 * 512-block sum 5-6 ms instead of 2.7-3.2).  Yielding keeps the virtual
 * CPU running while no other thread wants it, and gives the core to any
 * that does; libgomp's threads spin about 4 ms there after a parallel
 * region.  CUWASM_POOL_YIELD_US sets it (0: sleep after the spin).
 */
#include "cpu_internal.h"

#include <limits.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <linux/futex.h>
#include <sys/syscall.h>
#endif

int cpu_pool_threads(void) {
  const char *e = getenv("CUWASM_NUM_THREADS");
  if (e && *e) {
    int n = atoi(e);
    if (n >= 1 && n <= 4096) return n;
  }
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n >= 1 ? (int)n : 1;
}

void cpu_relax(void) {
#if (defined(__x86_64__) || defined(__i386__)) && defined(__GNUC__)
  __builtin_ia32_pause();
#elif defined(__aarch64__) && defined(__GNUC__)
  __asm__ __volatile__("yield");
#endif
}

uint64_t cpu_now_ns(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (uint64_t)t.tv_sec * 1000000000u + (uint64_t)t.tv_nsec;
}

bool cpu_spin(bool (*done)(void *), void *arg, uint64_t yield_ns) {
  uint64_t start = 0;
  for (;;) {
    for (int k = 0; k < 16; k++) {
      if (done(arg)) return true;
      cpu_relax();
    }
    uint64_t now = cpu_now_ns();
    if (!start) start = now;
    else if (now - start >= CPU_SPIN_NS + yield_ns) return done(arg);
    else if (now - start >= CPU_SPIN_NS) sched_yield();
  }
}

typedef struct WorkerArg {
  CpuPool *p;
  int id;
} WorkerArg;

static void drain(CpuPool *p, int id) {
  int n = p->nworkers + 1;
  uint64_t chunk = p->chunk;
  for (int k = 0; k < n; k++) { /* its own share first, then the next ones' */
    CpuPoolShare *sh = &p->shares[(id + k) % n];
    for (;;) {
      uint64_t i = atomic_fetch_add_explicit(&sh->next, chunk, memory_order_relaxed);
      if (i >= sh->end) break;
      p->fn(p->arg, i, sh->end - i < chunk ? sh->end : i + chunk, id);
    }
  }
}

typedef struct JobWait {
  CpuPool *p;
  uint64_t seen;
} JobWait;

static bool job_or_quit(void *arg) {
  JobWait *w = arg;
  return atomic_load_explicit(&w->p->generation, memory_order_acquire) != w->seen ||
         atomic_load_explicit(&w->p->quit, memory_order_relaxed);
}

static bool workers_done(void *arg) { return atomic_load(&((CpuPool *)arg)->busy) == 0; }

#ifdef __linux__
static void futex_wait(atomic_uint *word, unsigned seen) {
  syscall(SYS_futex, (unsigned *)word, FUTEX_WAIT_PRIVATE, seen, NULL, NULL, 0);
}

static void futex_wake_all(atomic_uint *word) {
  syscall(SYS_futex, (unsigned *)word, FUTEX_WAKE_PRIVATE, INT_MAX, NULL, NULL, 0);
}
#endif

/* Every sleeping worker up: after `generation` or `quit` changed. */
static void wake_workers(CpuPool *p) {
#ifdef __linux__
  if (p->futex_wake) {
    atomic_fetch_add(&p->wake_seq, 1);
    if (atomic_load(&p->sleepers) > 0) futex_wake_all(&p->wake_seq);
    return;
  }
#endif
  pthread_mutex_lock(&p->mu);
  pthread_cond_broadcast(&p->wake);
  pthread_mutex_unlock(&p->mu);
}

/* Waits until `generation` moves past seen (or quit); returns false on quit. */
static bool wait_job(CpuPool *p, uint64_t seen) {
  if (cpu_spin(job_or_quit, &(JobWait){p, seen}, p->yield_ns)) return !atomic_load(&p->quit);
#ifdef __linux__
  if (p->futex_wake) { /* sequentially consistent: see wake_workers */
    atomic_fetch_add(&p->sleepers, 1);
    for (;;) {
      unsigned w = atomic_load(&p->wake_seq);
      if (atomic_load(&p->quit) || atomic_load(&p->generation) != seen) break;
      futex_wait(&p->wake_seq, w);
    }
    atomic_fetch_sub(&p->sleepers, 1);
    return !atomic_load(&p->quit);
  }
#endif
  pthread_mutex_lock(&p->mu);
  while (!atomic_load(&p->quit) && atomic_load(&p->generation) == seen)
    pthread_cond_wait(&p->wake, &p->mu);
  pthread_mutex_unlock(&p->mu);
  return !atomic_load(&p->quit);
}

static void *worker_main(void *argp) {
  WorkerArg a = *(WorkerArg *)argp;
  free(argp);
  CpuPool *p = a.p;
  uint64_t seen = 0;
  while (wait_job(p, seen)) {
    seen = atomic_load_explicit(&p->generation, memory_order_acquire);
    drain(p, a.id);
    if (atomic_fetch_sub_explicit(&p->busy, 1, memory_order_acq_rel) == 1) {
      pthread_mutex_lock(&p->mu);
      pthread_cond_signal(&p->done);
      pthread_mutex_unlock(&p->mu);
    }
  }
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
  p->shares = aligned_alloc(64, sizeof *p->shares * ((size_t)p->nworkers + 1));
  if (!p->threads || !p->shares) {
    free(p->threads);
    free(p->shares);
    return false;
  }
  for (int i = 0; i <= p->nworkers; i++) atomic_init(&p->shares[i].next, 0), p->shares[i].end = 0;
  pthread_mutex_init(&p->mu, NULL);
  pthread_mutex_init(&p->run_mu, NULL);
  pthread_cond_init(&p->wake, NULL);
  pthread_cond_init(&p->done, NULL);
  atomic_init(&p->busy, 0);
  atomic_init(&p->generation, 0);
  atomic_init(&p->quit, false);
#ifdef __linux__
  const char *wake = getenv("CUWASM_POOL_WAKE");
  p->futex_wake = !(wake && !strcmp(wake, "condvar"));
#else
  p->futex_wake = false; /* no futex: the condition variable */
#endif
  atomic_init(&p->wake_seq, 0);
  atomic_init(&p->sleepers, 0);
  const char *y = getenv("CUWASM_POOL_YIELD_US");
  long yield_us = y && *y ? atol(y) : CPU_YIELD_US;
  p->yield_ns = yield_us > 0 ? (uint64_t)yield_us * 1000u : 0;
  return start_workers(p);
}

uint64_t cpu_pool_chunk(const CpuPool *p, uint64_t count) {
  uint64_t per = count / ((uint64_t)(p->nworkers + 1) * 16);
  return per < 1 ? 1 : per > 64 ? 64 : per;
}

void cpu_pool_run(CpuPool *p, uint64_t count, uint64_t min_chunk, CpuPoolFn fn, void *arg) {
  pthread_mutex_lock(&p->run_mu);
  p->fn = fn;
  p->arg = arg;
  p->chunk = cpu_pool_chunk(p, count);
  if (p->chunk < min_chunk) p->chunk = min_chunk; /* a kernel's group of blocks (cpu.c) */
  bool parallel = count > 1 && p->nworkers > 0;
  uint64_t n = parallel ? (uint64_t)p->nworkers + 1 : 1;
  for (uint64_t w = 0; w <= (uint64_t)p->nworkers; w++) {
    /* count * w / n without overflow: count < 2^64, n small */
    uint64_t lo = w >= n ? count : count / n * w + count % n * w / n;
    uint64_t hi = w + 1 >= n ? count : count / n * (w + 1) + count % n * (w + 1) / n;
    atomic_store_explicit(&p->shares[w].next, lo, memory_order_relaxed);
    p->shares[w].end = hi;
  }
  if (parallel) {
    atomic_store_explicit(&p->busy, p->nworkers, memory_order_relaxed);
    atomic_fetch_add(&p->generation, 1); /* sequentially consistent: wake_workers */
    wake_workers(p);
  }
  drain(p, 0);
  if (parallel) {
    if (!cpu_spin(workers_done, p, p->yield_ns)) {
      pthread_mutex_lock(&p->mu);
      while (atomic_load(&p->busy) > 0) pthread_cond_wait(&p->done, &p->mu);
      pthread_mutex_unlock(&p->mu);
    }
  }
  pthread_mutex_unlock(&p->run_mu);
}

void cpu_pool_destroy(CpuPool *p) {
  if (!p->threads) return;
  atomic_store(&p->quit, true);
  wake_workers(p);
  for (int i = 0; i < p->nworkers; i++) pthread_join(p->threads[i], NULL);
  free(p->threads);
  free(p->shares);
  p->threads = NULL;
  p->shares = NULL;
  pthread_mutex_destroy(&p->mu);
  pthread_mutex_destroy(&p->run_mu);
  pthread_cond_destroy(&p->wake);
  pthread_cond_destroy(&p->done);
}
