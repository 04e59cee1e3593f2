/*
 * test_cpu_pool_wait.c — how the CPU backend's pool threads wait between
 * jobs (src/rt/cpu/pool.c): cpu_spin spins, then yields for the pool's
 * yield_ns, and only then gives up; CUWASM_POOL_YIELD_US sets yield_ns
 * (default CPU_YIELD_US, 0 none); and jobs still cover every item when
 * they come while the workers yield, right after the previous one, and
 * after the workers went to sleep.
 *
 * The waits are chosen so that only a stall of tens of milliseconds could
 * change an answer: the condition turns true 20 ms after the call, which
 * a 40 ms yield always sees and a spin of 50 µs with no yield does not.
 */
#include "rt/cpu/cpu_internal.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static int passed, failed;
#define CHECK(cond, ...) do { if (cond) passed++; else { failed++; printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); printf("\n"); } } while (0)

typedef struct After { uint64_t at_ns; } After;

static bool time_has_come(void *arg) { return cpu_now_ns() >= ((After *)arg)->at_ns; }

static void test_spin_then_yield(void) {
  After a = {cpu_now_ns() + 20000000u};
  CHECK(cpu_spin(time_has_come, &a, 40000000u), "a 40 ms yield sees a condition that turns true after 20 ms");
  a.at_ns = cpu_now_ns() + 20000000u;
  uint64_t t0 = cpu_now_ns();
  bool seen = cpu_spin(time_has_come, &a, 0);
  uint64_t took = cpu_now_ns() - t0;
  CHECK(!seen, "with no yield the wait gives up after the spin (took %.3f ms)", took / 1e6);
  CHECK(took >= CPU_SPIN_NS, "the spin lasts CPU_SPIN_NS (took %.3f ms)", took / 1e6);
}

static void test_yield_setting(void) {
  const struct { const char *env; uint64_t want; } cases[] = {
      {NULL, (uint64_t)CPU_YIELD_US * 1000u}, {"0", 0}, {"5000", 5000000u}, {"", (uint64_t)CPU_YIELD_US * 1000u}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    if (cases[i].env) setenv("CUWASM_POOL_YIELD_US", cases[i].env, 1);
    else unsetenv("CUWASM_POOL_YIELD_US");
    CpuPool p;
    bool ok = cpu_pool_init(&p, 2);
    CHECK(ok, "pool of 2 threads");
    if (!ok) continue;
    CHECK(p.yield_ns == cases[i].want, "CUWASM_POOL_YIELD_US=%s: yield_ns %llu, want %llu",
          cases[i].env ? cases[i].env : "(unset)", (unsigned long long)p.yield_ns,
          (unsigned long long)cases[i].want);
    cpu_pool_destroy(&p);
  }
  unsetenv("CUWASM_POOL_YIELD_US");
}

enum { ITEMS = 4096 };
static atomic_int hits[ITEMS];

static void count_items(void *arg, uint64_t lo, uint64_t hi, int worker) {
  (void)arg, (void)worker;
  for (uint64_t i = lo; i < hi; i++) atomic_fetch_add(&hits[i], 1);
}

static int items_hit_once(void) {
  int bad = 0;
  for (int i = 0; i < ITEMS; i++) bad += atomic_exchange(&hits[i], 0) != 1;
  return bad;
}

static void test_jobs_across_waits(void) {
  setenv("CUWASM_POOL_YIELD_US", "3000", 1);
  CpuPool p;
  if (!cpu_pool_init(&p, 4)) {
    CHECK(0, "pool of 4 threads");
    return;
  }
  /* right after the last job (workers spinning), 1 ms later (yielding),
   * 10 ms later (asleep) */
  const long gaps_us[] = {0, 0, 1000, 1000, 10000, 10000, 0};
  for (size_t i = 0; i < sizeof gaps_us / sizeof gaps_us[0]; i++) {
    struct timespec ts = {0, gaps_us[i] * 1000};
    nanosleep(&ts, NULL);
    cpu_pool_run(&p, ITEMS, 1, count_items, NULL);
    int bad = items_hit_once();
    CHECK(bad == 0, "job %zu after %ld us: %d items not run exactly once", i, gaps_us[i], bad);
  }
  cpu_pool_destroy(&p);
  unsetenv("CUWASM_POOL_YIELD_US");
}

int main(void) {
  test_spin_then_yield();
  test_yield_setting();
  test_jobs_across_waits();
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
