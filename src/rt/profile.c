/*
 * profile.c — CUWASM_PROFILE=1 makes the runtime time its own phases
 * (profile.h) and print one table to stderr when the process exits: the
 * calls and milliseconds of each phase, and the time from the first
 * runtime call to exit.  It answers "where does my program's time go
 * under cuwasm that an nvcc build does not spend": start-up (driver,
 * NVRTC, front end, cache, module load), the host's cost per launch,
 * copies and waiting.  Counters are atomics, so stream workers and host
 * threads add to them without a lock.  Off (the default) a phase costs
 * one load and a branch.
 */
#include "profile.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int cw_prof_on = -1;

static _Atomic unsigned long long prof_ns[CW_PROF_N], prof_calls[CW_PROF_N];
static double prof_first;

static const char *const phase_names[CW_PROF_N] = {
    [CW_PROF_CONTEXT] = "backend open",
    [CW_PROF_DRIVER] = "  driver library, init, context",
    [CW_PROF_NVRTC_OPEN] = "  NVRTC library",
    [CW_PROF_FRONT] = "front end (device code)",
    [CW_PROF_MODULE] = "module load",
    [CW_PROF_DEVICE_SOURCE] = "  device source for NVRTC",
    [CW_PROF_CACHE_READ] = "  binary cache lookup",
    [CW_PROF_COMPILE] = "  compile (cache miss)",
    [CW_PROF_DRIVER_LOAD] = "  driver loads the binary",
    [CW_PROF_LAUNCH] = "launch (host enqueue)",
    [CW_PROF_BACKEND_LAUNCH] = "launch (backend; CPU: runs it)",
    [CW_PROF_COPY] = "blocking copy/fill",
    [CW_PROF_COPY_STAGED] = "pageable H2D, staged (all streams)",
    [CW_PROF_SYNC] = "synchronize/wait",
    [CW_PROF_ALLOC] = "allocate/free",
};

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static void prof_report(void) {
  double total = now_ms() - prof_first;
  fprintf(stderr, "cuwasm profile (CUWASM_PROFILE): %.2f ms from the first runtime call to exit\n",
          total);
  fprintf(stderr, "  %-34s %9s %12s\n", "phase", "calls", "ms");
  for (int p = 0; p < CW_PROF_N; p++) {
    unsigned long long calls = atomic_load(&prof_calls[p]);
    if (!calls) continue;
    fprintf(stderr, "  %-34s %9llu %12.3f\n", phase_names[p], calls,
            (double)atomic_load(&prof_ns[p]) / 1e6);
  }
}

double cw_prof_start_slow(void) {
  if (cw_prof_on < 0) {
    const char *e = getenv("CUWASM_PROFILE");
    int on = e && *e && *e != '0';
    if (on) {
      prof_first = now_ms();
      atexit(prof_report);
    }
    cw_prof_on = on;
    if (!on) return 0.0;
  }
  return now_ms();
}

void cw_prof_add(cw_prof_phase phase, double t0) {
  if (cw_prof_on <= 0) return;
  double dt = now_ms() - t0;
  atomic_fetch_add(&prof_ns[phase], (unsigned long long)(dt * 1e6));
  atomic_fetch_add(&prof_calls[phase], 1);
}
