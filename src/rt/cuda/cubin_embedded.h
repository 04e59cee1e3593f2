/*
 * cubin_embedded.h — cubins compiled ahead of time by `cuwasm cc -arch=sm_XX`
 * and embedded in the executable: each registers itself before main
 * (__cuwasm_register_cubin, called by the object cc generates) under the
 * key NVRTC's inputs give it (nvrtc_content_key) and its architecture, and
 * the CUDA backend looks there before its cache and NVRTC.
 */
#ifndef CW_RT_CUDA_CUBIN_EMBEDDED_H
#define CW_RT_CUDA_CUBIN_EMBEDDED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif
/* image: n bytes of a cubin for sm_<sm>; names: its lowered names, one a
 * line (nvrtc_names_text); both static storage of the executable */
void __cuwasm_register_cubin(unsigned long long key, int sm, const char *image, size_t n,
                             const char *names);
#ifdef __cplusplus
}
#endif

/* the registered cubin for (key, sm), or false */
bool cubin_embedded_find(uint64_t key, int sm, const char **image, size_t *n,
                         const char **names);

#endif
