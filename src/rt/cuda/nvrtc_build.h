/*
 * nvrtc_build.h — how the CUDA backend turns a compiled program into a
 * cubin with NVRTC: the name expressions it asks NVRTC to lower, the
 * options it passes, the compile itself.  Shared by the backend (cuda.c)
 * and by `cuwasm check --nvrtc`, so a machine without a GPU checks exactly
 * what a GPU machine would compile.
 */
#ifndef CW_RT_CUDA_NVRTC_BUILD_H
#define CW_RT_CUDA_NVRTC_BUILD_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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

/* The architecture option of a compile for compute capability cc (90 for
 * 9.0): "--gpu-architecture=sm_90" for a cubin, "…=compute_90" for PTX.
 * Part of every key (nvrtc_content_key), so one spelling for all. */
void nvrtc_arch_option(char *out, size_t n, int cc, bool ptx);

/* Compiles src (named file) for arch (nvrtc_arch_option) with the
 * toolkit's include paths (CUDA_HOME, else /usr/local/cuda), C++20,
 * -default-device and the user options; fills nm->lowered and the image
 * (malloc'd): a cubin for sm_XX, PTX text (NUL included in *image_n) for
 * compute_XX.  On failure err holds NVRTC's log. */
cw_status nvrtc_build(const Nvrtc *rtc, const char *src, const char *file, NvrtcNames *nm,
                      const char *arch, const char *const *user, int nuser, char **image,
                      size_t *image_n, char *err, size_t errn);

/* What NVRTC is given for one program, gathered one way for the backend,
 * cc's compile ahead of time and the probes: the device source
 * (malloc'd), the name expressions, the options (nvrtc_program_options). */
typedef struct NvrtcInputs {
  char *src;
  NvrtcNames nm;
  const char **opts;
  int nopts;
  bool own_opts; /* the option strings are copies (nvrtc_inputs_own) */
} NvrtcInputs;
cw_status nvrtc_program_inputs(cw_program *prog, NvrtcInputs *in, char *err, size_t errn);
/* copies the option strings, which are the program's, so that in outlives
 * it; false (nothing changed) when out of memory */
bool nvrtc_inputs_own(NvrtcInputs *in);
void nvrtc_inputs_free(NvrtcInputs *in);

/* What identifies a compile's result apart from the compiler: the
 * device source, the architecture option, the name expressions and the
 * user options.  The backend's cubin cache adds the compiler's identity;
 * cubins `cuwasm cc` embeds (cubin_embedded.h) are found by this alone. */
uint64_t nvrtc_content_key(const char *src, const char *arch, const NvrtcNames *nm,
                           const char *const *user, int nuser);

/* The lowered names as text, one a line ("" for none), and back into
 * nm->lowered (false when text has fewer lines than nm->n). */
char *nvrtc_names_text(const NvrtcNames *nm);
bool nvrtc_names_parse(const char *text, NvrtcNames *nm);

/* The whole path for one program, as the backend takes it: device source,
 * names, options, compile for compute capability cc — a cubin (sm_XX), or
 * PTX (compute_XX) when ptx.  *image (malloc'd, may be NULL: then
 * dropped), *names (the lowered names' text, may be NULL) and *key
 * (nvrtc_content_key, may be NULL) describe the result.  CW_OK, or the
 * failure with NVRTC's log in err. */
cw_status nvrtc_program_image(const Nvrtc *rtc, cw_program *prog, int cc, bool ptx, char **image,
                              size_t *image_n, char **names, uint64_t *key, char *err,
                              size_t errn);
static inline cw_status nvrtc_check_program(const Nvrtc *rtc, cw_program *prog, int sm,
                                            char *err, size_t errn) {
  return nvrtc_program_image(rtc, prog, sm, false, NULL, NULL, NULL, NULL, err, errn);
}

#endif
