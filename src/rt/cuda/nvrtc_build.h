/*
 * nvrtc_build.h — how the CUDA backend turns a compiled program into a
 * cubin with NVRTC: the name expressions it asks NVRTC to lower, the
 * options it passes, the compile itself.  Shared by the backend (cuda.c)
 * and by `cuwasm check --nvrtc`, so a machine without a GPU checks exactly
 * what a GPU machine would compile.
 */
#ifndef CW_RT_CUDA_NVRTC_BUILD_H
#define CW_RT_CUDA_NVRTC_BUILD_H

#include <stddef.h>

#include "cuda_driver.h"
#include "cuwasm.h"
#include "kir/kir.h"

/* name expressions NVRTC must lower: kernels, then module globals */
typedef struct NvrtcNames {
  char **expr;
  char **lowered;
  int n, nkernels;
} NvrtcNames;

/* `&kernel` for each kernel of m with a body (by its type when overloaded) */
cw_status nvrtc_collect_names(KModule *m, NvrtcNames *nm);
void nvrtc_names_free(NvrtcNames *nm);

/* The options of the program beyond the architecture and include paths:
 * the user's, and -rdc=true for a relocatable one or one that launches
 * kernels from device code; malloc'd array (strings are the program's). */
const char **nvrtc_program_options(cw_program *prog, KModule *m, int *n);

/* Compiles src (named file) for arch ("--gpu-architecture=sm_90") with
 * the toolkit's include paths (CUDA_HOME, else /usr/local/cuda), C++20,
 * -default-device and the user options; fills nm->lowered and the cubin
 * (malloc'd).  On failure err holds NVRTC's log. */
cw_status nvrtc_build(const Nvrtc *rtc, const char *src, const char *file, NvrtcNames *nm,
                      const char *arch, const char *const *user, int nuser, char **cubin,
                      size_t *cubin_n, char *err, size_t errn);

/* The whole path for one program, as the backend takes it: device source,
 * names, options, compile for sm_<sm>; the cubin is dropped.  CW_OK, or
 * the failure with NVRTC's log in err. */
cw_status nvrtc_check_program(const Nvrtc *rtc, cw_program *prog, int sm, char *err,
                              size_t errn);

#endif
