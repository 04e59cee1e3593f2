/*
 * program.h — what backends may read of a compiled cw_program beyond the
 * public API: its KIR module and the device-only CUDA source that native
 * toolchains (NVRTC) compile.
 */
#ifndef CW_API_PROGRAM_H
#define CW_API_PROGRAM_H

#include "cuwasm.h"
#include "kir/kir.h"

KModule *cw_program_module(cw_program *p);
/* malloc'd text, caller frees; CW_ERR_INVALID when there is none */
cw_status cw_program_device_source(cw_program *p, char **text);
/* The options the program was compiled with, spelled for NVRTC
 * ("--include-path=DIR" for the source's folder and each -I, "-DX=Y",
 * "-UX"); owned by the program, *n set to their count. */
const char *const *cw_program_tool_options(cw_program *p, int *n);

#endif
