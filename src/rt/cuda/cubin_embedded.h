/*
 * cubin_embedded.h — device code compiled ahead of time by `cuwasm cc`
 * (-arch=sm_XX, -gencode …) and embedded in the executable, as nvcc embeds
 * it: cubins for real architectures and PTX for virtual ones.  Each image
 * registers itself before main (__cuwasm_register_cubin / _ptx, called by
 * the object cc generates) under the key NVRTC's inputs give it
 * (nvrtc_content_key, whose architecture option says sm_XX or compute_XX)
 * and its architecture, and the CUDA backend looks there before its cache
 * and NVRTC.
 */
#ifndef CW_RT_CUDA_CUBIN_EMBEDDED_H
#define CW_RT_CUDA_CUBIN_EMBEDDED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif
/* image: n bytes of a cubin for sm_<sm>, or of PTX (NUL-terminated text)
 * for compute_<cc>; names: its lowered names, one a line
 * (nvrtc_names_text); both static storage of the executable */
void __cuwasm_register_cubin(unsigned long long key, int sm, const char *image, size_t n,
                             const char *names);
void __cuwasm_register_ptx(unsigned long long key, int cc, const char *image, size_t n,
                           const char *names);
#ifdef __cplusplus
}
#endif

/* the registered image for (key, architecture, PTX or cubin), or false */
bool cubin_embedded_find(uint64_t key, int arch, bool ptx, const char **image, size_t *n,
                         const char **names);

/* The architectures embedded images of one kind (PTX or cubins) are
 * registered for, from lo to hi, the newest first (each once): up to cap
 * of them into archs; how many. */
int cubin_embedded_archs(bool ptx, int lo, int hi, int *archs, int cap);

/* The newest embedded image of one kind for the compile `in` describes
 * whose architecture is from lo to hi: its architecture in *arch; false
 * when there is none.  A GPU of compute capability cc (90 for 9.0) runs
 * PTX of 0..cc and cubins of its own major version, (cc/10)*10..cc. */
struct NvrtcInputs;
bool cubin_embedded_find_newest(const struct NvrtcInputs *in, bool ptx, int lo, int hi, int *arch,
                                const char **image, size_t *n, const char **names);

#endif
