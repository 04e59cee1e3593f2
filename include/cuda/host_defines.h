/*
 * host_defines.h — CUDA's execution-space and variable qualifiers (cuwasm).
 *
 * In the device pass (__CUDA_ARCH__ defined) the qualifiers are keywords
 * of our front end, so nothing is defined here.  Everywhere else — the host
 * pass, where g++ compiles the host half of a .cu file, or a plain C++
 * compiler reading these headers — they become nothing or the closest gcc
 * attribute, so declarations that carry them stay valid C++.
 *
 * __noinline__ is defined to nothing rather than to a noinline attribute:
 * libstdc++ itself spells __attribute__((__noinline__)), which a function
 * macro of that name would break.  __restrict__ is already a gcc keyword.
 */
#ifndef CUWASM_HOST_DEFINES_H
#define CUWASM_HOST_DEFINES_H
#define __HOST_DEFINES_H__ /* NVIDIA's guard: programs test it (helper_cuda.h) */

#if !defined(__CUDA_ARCH__)

/* `cuwasm cc` preprocesses the host pass with __CUWASM_REWRITE defined so
 * that these qualifiers survive as tokens for its rewriter, which then
 * removes them (src/cc/rewrite.c). */
#if !defined(__CUWASM_REWRITE)
#define __host__
#define __device__
#define __global__
#define __shared__
#define __constant__
#define __managed__
#define __grid_constant__
#define __launch_bounds__(...)
#endif
#define __noinline__
#define __forceinline__ inline
#define __align__(n) __attribute__((aligned(n)))

#endif /* !__CUDA_ARCH__ */

#endif /* CUWASM_HOST_DEFINES_H */
