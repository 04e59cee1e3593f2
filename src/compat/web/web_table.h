/*
 * web_table.h — what `cuwasm cc --target web` (tools/cuwasm/cc_web.c)
 * tells the CUDA runtime API of a program built for the web about its
 * device code, in a C file it generates and links into the program.
 *
 * The kernels were compiled at build time (the page carries no
 * compiler): one WebAssembly module per translation unit, embedded into
 * the output and loaded by web/src/program.js.  This table lists, per
 * translation unit, the kernels its module holds — C++ name, C name and
 * the parameter types as C++ spells them (to tell overloads apart).  The
 * device code was compiled for the host's data model (ILP32: cc_web.c), so
 * a host argument's bytes are the device's.
 */
#ifndef CW_COMPAT_WEB_TABLE_H
#define CW_COMPAT_WEB_TABLE_H

typedef struct CwWebKernel {
  const char *name, *cname, *params;
} CwWebKernel;

typedef struct CwWebTU {
  const char *path;          /* the TU's absolute path, as it registers */
  int module;                /* index of its WebAssembly module */
  const CwWebKernel *kernels;
  int nkernels;
} CwWebTU;

/* The closure class of each extended __device__ lambda of a kernel
 * instance, as `cuwasm cc` compiled it (lambdas written in function
 * templates have one per instance): by the registration's mangled type
 * name (host_glue.h) and the lambda's tag (file key, line, index) */
typedef struct CwWebLambda {
  const char *reg;
  int key, line, index;
  const char *closure;
} CwWebLambda;

extern const CwWebTU cw_web_tus[];
extern const CwWebLambda cw_web_lambdas[]; /* ends with reg == 0 */
extern const int cw_web_ntus;

/* web_program.c: the table's entry for a kernel of a loaded module. */
const CwWebKernel *cw_web_kernel_entry(int tu_table_index, const char *name);

#endif
