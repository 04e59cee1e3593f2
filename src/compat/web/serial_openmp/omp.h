/*
 * omp.h — OpenMP's runtime API for the host code of a program built with
 * `cuwasm cc --target web` from sources that ask for OpenMP
 * (-Xcompiler -fopenmp): emscripten has no OpenMP runtime, so cc_web.c
 * compiles such host code without -fopenmp, its `#pragma omp` lines are
 * ignored and its parallel regions run on the one host thread, and this
 * header answers the API calls as a team of one thread would.  _OPENMP
 * stays undefined, so code that tests it takes its serial path.  Code
 * whose threads wait for each other inside a region cannot run this way.
 */
#ifndef CUWASM_SERIAL_OMP_H
#define CUWASM_SERIAL_OMP_H
#include <time.h>

typedef int omp_lock_t;
typedef int omp_nest_lock_t;
typedef enum omp_sched_t { omp_sched_static = 1, omp_sched_dynamic, omp_sched_guided, omp_sched_auto } omp_sched_t;

static inline int omp_get_thread_num(void) { return 0; }
static inline int omp_get_num_threads(void) { return 1; }
static inline int omp_get_max_threads(void) { return 1; }
static inline int omp_get_num_procs(void) { return 1; }
static inline int omp_get_thread_limit(void) { return 1; }
static inline void omp_set_num_threads(int n) { (void)n; }
static inline int omp_in_parallel(void) { return 0; }
static inline int omp_get_level(void) { return 0; }
static inline int omp_get_active_level(void) { return 0; }
static inline int omp_get_team_num(void) { return 0; }
static inline int omp_get_num_teams(void) { return 1; }
static inline void omp_set_dynamic(int on) { (void)on; }
static inline int omp_get_dynamic(void) { return 0; }
static inline void omp_set_nested(int on) { (void)on; }
static inline int omp_get_nested(void) { return 0; }
static inline void omp_set_schedule(omp_sched_t kind, int chunk) { (void)kind, (void)chunk; }
static inline void omp_get_schedule(omp_sched_t *kind, int *chunk) { *kind = omp_sched_static, *chunk = 0; }
static inline double omp_get_wtime(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}
static inline double omp_get_wtick(void) { return 1e-9; }
/* locks: one thread always gets them */
static inline void omp_init_lock(omp_lock_t *l) { *l = 0; }
static inline void omp_destroy_lock(omp_lock_t *l) { (void)l; }
static inline void omp_set_lock(omp_lock_t *l) { *l = 1; }
static inline void omp_unset_lock(omp_lock_t *l) { *l = 0; }
static inline int omp_test_lock(omp_lock_t *l) { return *l ? 0 : (*l = 1); }
static inline void omp_init_nest_lock(omp_nest_lock_t *l) { *l = 0; }
static inline void omp_destroy_nest_lock(omp_nest_lock_t *l) { (void)l; }
static inline void omp_set_nest_lock(omp_nest_lock_t *l) { ++*l; }
static inline void omp_unset_nest_lock(omp_nest_lock_t *l) { --*l; }
static inline int omp_test_nest_lock(omp_nest_lock_t *l) { return ++*l; }
#endif
