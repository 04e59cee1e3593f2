/*
 * cc.h — the library half of `cuwasm cc`: turning the host pass of a .cu
 * file into plain C++ that g++ compiles and that launches its kernels
 * through the CUDA runtime API of src/compat.
 *
 * The input is the .cu file as g++ -E preprocessed it for the host
 * (__CUDA_ARCH__ undefined, __CUWASM_REWRITE defined so the CUDA
 * qualifiers survive as tokens).  The rewrite
 *  - removes the qualifiers (__global__, __device__, __host__,
 *    __constant__, __managed__, __shared__, __launch_bounds__(…));
 *  - replaces the body of every __global__ function by a stub that packs
 *    pointers to its parameters and launches the kernel by registration
 *    id (templates register each instance the host code instantiates);
 *  - deletes __device__-only functions (their bodies use device builtins);
 *  - rewrites `k<<<g, b, s, st>>>(args)` into
 *    `(__cuwasm_cfg(g, b, s, st), k(args))`;
 *  - appends registrations of the host shadows of namespace-scope
 *    __device__/__constant__/__managed__ variables.
 * Line structure is kept (removed text leaves its newlines), so g++'s
 * diagnostics still point at the user's lines.
 */
#ifndef CW_CC_H
#define CW_CC_H

#include <stddef.h>

/* On success returns the rewritten text (malloc'd, NUL-terminated);
 * on failure NULL with a message in err ("line N: ...").  captures (may be
 * NULL): what the device pass found each extended lambda to capture
 * ("KEY LINE INDEX name…" lines, cw_program_host_lambda_captures): such a
 * lambda gets that capture list, so its closure has the device closure's
 * layout, and if it is __device__ only an empty body, since g++ cannot
 * compile a body that calls device functions. */
char *cw_cc_rewrite(const char *text, size_t len, const char *captures, char *err, size_t errn);

/* Appends to *buf (malloc'd, grown) a C++ string literal holding data,
 * split into lines; returns 0 on success, -1 when out of memory. */
int cw_cc_string_literal(char **buf, size_t *len, const char *data, size_t n);

#endif
