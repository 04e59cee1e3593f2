/*
 * web_table.h — what `cuwasm cc --target web` (tools/cuwasm/cc_web.c)
 * tells the CUDA runtime API of a program built for the web about its
 * device code, in a C file it generates and links into the program.
 *
 * The kernels were compiled at build time (the page carries no
 * compiler): one WebAssembly module per translation unit, embedded into
 * the output and loaded by web/src/program.js.  This table lists, per
 * translation unit, the kernels its module holds — C++ name, C name, the
 * parameter types as C++ spells them (to tell overloads apart) and one
 * letter per parameter saying how a host value becomes a device argument
 * (the host is 32-bit WebAssembly, the device code LP64):
 *   'v' the same bytes on both sides
 *   'p' a pointer: 4 host bytes, 8 device bytes
 *   'w' a 64-bit integer: `long` on the host (4 bytes) or `long long` (8);
 *       the host's spelling of the kernel's type decides at launch
 *   'c' a struct or array holding pointers: its host layout differs; the
 *       kernel's `convert` says, for this parameter (the parameters' parts
 *       are separated by '|'), its host size and which bytes go where:
 *       "HOSTSIZE:" then "DEV HOST BYTES KIND," per leaf, KIND p (a 4-byte pointer widened to 8) or v (as it is)
 *   's' the same whose host layout is unknown (64-bit integers: long or
 *       long long?, unions, bit-fields): refused at launch
 */
#ifndef CW_COMPAT_WEB_TABLE_H
#define CW_COMPAT_WEB_TABLE_H

typedef struct CwWebKernel {
  const char *name, *cname, *params, *kinds, *convert;
} CwWebKernel;

typedef struct CwWebTU {
  const char *path;          /* the TU's absolute path, as it registers */
  int module;                /* index of its WebAssembly module */
  const CwWebKernel *kernels;
  int nkernels;
} CwWebTU;

extern const CwWebTU cw_web_tus[];
extern const int cw_web_ntus;

/* web_program.c: the table's entry for a kernel of a loaded module. */
const CwWebKernel *cw_web_kernel_entry(int tu_table_index, const char *name);

#endif
