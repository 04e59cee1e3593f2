/*
 * emit.h — the emitters' interface: KIR in, target source text out.
 *
 * Each emitter reads a finished KModule and returns a malloc'd,
 * NUL-terminated string (the caller frees it), or NULL with an error in the
 * diagnostics.  Emitters never modify the module.
 */
#ifndef CW_EMIT_H
#define CW_EMIT_H

#include "../kir/kir.h"

/* Self-contained C11 for the CPU backend: one function per kernel that runs
 * a whole thread block (see c_fission.c for how barriers and warp
 * operations are mapped), the module's globals and a kernel/symbol table
 * (see c_abi.h).  `source_name` goes into the header comment (may be
 * NULL). */
char *emit_c(const KModule *m, const char *source_name, CwDiags *d);
/* The same with every memory access and barrier reported to the runtime
 * (check mode: memcheck and racecheck, see c_check.c). */
char *emit_c_checked(const KModule *m, const char *source_name, CwDiags *d);

/* WGSL for WebGPU: one self-contained module per kernel, each preceded by
 * a `// ==== kernel NAME ====` line (wgsl.c).  A kernel the target cannot
 * express gets an error in `d` and a comment in place of its module; the
 * other kernels are still emitted. */
char *emit_wgsl(const KModule *m, const char *source_name, CwDiags *d);
/* The same as JSON with each kernel's bindings (wgsl_meta.c), for the JS
 * runtime; rejected kernels carry their diagnostic. */
char *emit_wgsl_json(const KModule *m, const char *source_name, CwDiags *d);

#endif
