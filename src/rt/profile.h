/*
 * profile.h — CUWASM_PROFILE=1: where a program's time goes inside the
 * runtime (see profile.c).  Each phase is timed by a pair
 *   double t0 = cw_prof_start();  ...  cw_prof_add(CW_PROF_X, t0);
 * which costs one load and a branch when profiling is off.
 */
#ifndef CW_RT_PROFILE_H
#define CW_RT_PROFILE_H

typedef enum {
  CW_PROF_CONTEXT,        /* opening the backend (driver, context) */
  CW_PROF_DRIVER,         /*   of which: the driver library, cuInit, the context */
  CW_PROF_NVRTC_OPEN,     /*   of which: loading NVRTC */
  CW_PROF_FRONT,          /* the front end over a translation unit's device code */
  CW_PROF_MODULE,         /* loading a program on the backend */
  CW_PROF_DEVICE_SOURCE,  /*   of which: writing the device source for NVRTC */
  CW_PROF_CACHE_READ,     /*   of which: looking the binary up in the cache */
  CW_PROF_COMPILE,        /*   of which: compiling (NVRTC, nvcc or the C compiler) */
  CW_PROF_DRIVER_LOAD,    /*   of which: the driver loading the binary */
  CW_PROF_LAUNCH,         /* cw_launch: the host's cost of a launch (enqueue) */
  CW_PROF_BACKEND_LAUNCH, /* the stream worker's cost of a launch (cuLaunchKernel) */
  CW_PROF_COPY,           /* blocking copies and fills, waiting included */
  CW_PROF_COPY_STAGED,    /* pageable host-to-device copies through our pinned buffers (CUDA), blocking and async */
  CW_PROF_SYNC,           /* waiting for streams (synchronize, events) */
  CW_PROF_ALLOC,          /* device allocations and frees */
  CW_PROF_N
} cw_prof_phase;

extern int cw_prof_on; /* -1 until the environment was read */
double cw_prof_start_slow(void);
void cw_prof_add(cw_prof_phase phase, double t0);

static inline double cw_prof_start(void) {
  return cw_prof_on == 0 ? 0.0 : cw_prof_start_slow();
}

#endif
