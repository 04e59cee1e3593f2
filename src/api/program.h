/*
 * program.h — what backends may read of a compiled cw_program beyond the
 * public API: its KIR module and the device-only CUDA source that native
 * toolchains (NVRTC) compile; and what the runtime's cache of translations
 * needs of the compiler (the inputs a compilation read).
 */
#ifndef CW_API_PROGRAM_H
#define CW_API_PROGRAM_H

#include "cuwasm.h"
#include "kir/kir.h"

KModule *cw_program_module(cw_program *p);
/* the compiler's own diagnostics object behind a cw_diags */
CwDiags *cw_diags_internal(cw_diags *d);
/* malloc'd text, caller frees; CW_ERR_INVALID when there is none */
cw_status cw_program_device_source(cw_program *p, char **text);
/* whether the parser gave some of the main file's tokens back
 * (front/parse_release.c), so that cw_program_device_source compiles
 * the input again: for tests */
bool cw_program_tokens_released(const cw_program *p);
/* cw_compile_source keeping every token (as the second compilation of
 * cw_program_device_source does): for tests comparing the two */
cw_status cw_compile_source_keeping_tokens(const char *name, const char *source, size_t size,
                                           const cw_compile_options *opts, cw_diags *diags,
                                           cw_program **out);
/* The options the program was compiled with, spelled for NVRTC
 * ("--include-path=DIR" for the source's folder and each -I, "-DX=Y",
 * "-UX"); owned by the program, *n set to their count. */
const char *const *cw_program_tool_options(cw_program *p, int *n);

/* The closure class of an extended lambda written in an instance of a
 * host function template (front_host_lambda): fn as the host spells the
 * instance ("fill<float>"), key/line/index as src/compat/host_glue.h tags
 * the lambda; *name is owned by the program. */
cw_status cw_program_host_lambda(cw_program *p, const char *fn, int key, int line, int index,
                                 cw_diags *diags, const char **name);

/* What the closures of the extended lambdas of host functions capture, in
 * order: "KEY LINE INDEX name…" a line (front_host_lambda_captures), for
 * cw_cc_rewrite; malloc'd. */
cw_status cw_program_host_lambda_captures(cw_program *p, char **text);

/* The folder of our CUDA headers: CUWASM_INCLUDE_DIR, else the source
 * tree's include/cuda. */
const char *cw_cuda_include_dir(void);

/* cw_compile_source, telling fn of every file the preprocessor looks for
 * (kind PP_INPUT_* of front/token.h; text NULL unless read). */
typedef struct CwInputNote {
  void (*fn)(void *ctx, int kind, const char *path, const char *text, size_t size);
  void *ctx;
} CwInputNote;
cw_status cw_compile_source_noting(const char *name, const char *source, size_t size,
                                   const cw_compile_options *opts, const CwInputNote *note,
                                   cw_diags *diags, cw_program **out);

#endif
