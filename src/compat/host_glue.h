/*
 * host_glue.h — included first into every .cu file `cuwasm cc` compiles
 * for the host (g++ -include), like nvcc's implicit cuda_runtime.h.
 *
 * It declares what the rewritten code (src/cc/rewrite.c) calls:
 * __cuwasm_cfg, which `k<<<g, b, s, st>>>(…)` turns into; the kernel
 * registration template whose static member registers, before main, every
 * kernel instance the host code uses (its __PRETTY_FUNCTION__ spells the
 * instance, e.g. `scale<float, 128>`); and __cuwasm_stub_launch, which the
 * kernel stubs call.  __cuwasm_tu_id is defined at the end of each
 * rewritten file, next to the embedded device source.
 *
 * Extended lambdas (`[=] __device__ (…) {…}` in host code) are wrapped by
 * the rewrite in __cuwasm_device_lambda_make<K, L, I>(…): the wrapper's
 * only member is g++'s closure (same bytes, which the kernel receives)
 * and it forwards calls, so a `__host__ __device__` lambda still runs on
 * the host.  Its template arguments put the lambda's file key, line,
 * index on the line and size into the kernel instance's name, from which
 * the run time finds the closure class the device pass defined
 * (src/front/parse_host_lambda.c) and checks its size.
 *
 * This is the user program's code, not the library's: it may print, and
 * it does so once when device code cannot be built (the runtime calls
 * __cuwasm_print_message, handed over before main), since the API call
 * that found out (a launch, cudaFuncSetCacheConfig …) can only return an
 * error code; a launch of a kernel the device code lacks, or one the
 * device refuses (cudaErrorNotSupported: an argument a web build cannot
 * convert …), says so too.
 */
#ifndef CUWASM_HOST_GLUE_H
#define CUWASM_HOST_GLUE_H

#include <cuda_runtime.h>
#include <stdio.h>
#if defined(__EMSCRIPTEN__)
#include <cxxabi.h>
#include <stdlib.h>
#include <typeinfo>
#endif

extern "C" {
int __cuwasm_register_tu(const char *name, const char *src, size_t len,
                         const char *const *opts, int nopts);
int __cuwasm_register_kernel(int tu, const void *fn, const char *pretty);
void __cuwasm_register_symbol(int tu, const void *shadow, size_t size, const char *name,
                              int managed);
void __cuwasm_push_config(dim3 grid, dim3 block, size_t shared, cudaStream_t s);
cudaError_t __cuwasm_launch(int kernel_id, void **args);
const char *__cuwasm_message(void);
void __cuwasm_set_reporter(void (*print)(const char *));
#if defined(__EMSCRIPTEN__)
void __cuwasm_web_registering(const char *mangled); /* src/compat/web/web_program.c */
#endif
}

static int __cuwasm_tu_id(void);

namespace {
template <typename FT, FT F>
struct __cuwasm_kreg {
  static int id;
#if defined(__EMSCRIPTEN__)
  /* a web build's host compiler is clang, whose __PRETTY_FUNCTION__ drops
   * F's template arguments; this type's demangled name keeps them, and
   * `cuwasm cc --target web` reads the same name from the object */
  static int make() {
    int st = 0;
    char *name = abi::__cxa_demangle(typeid(__cuwasm_kreg).name(), 0, 0, &st);
    __cuwasm_web_registering(typeid(__cuwasm_kreg).name()); /* extended lambdas' closures */
    int id = __cuwasm_register_kernel(__cuwasm_tu_id(), (const void *)F,
                                      name ? name : __PRETTY_FUNCTION__);
    __cuwasm_web_registering(0);
    free(name);
    return id;
  }
#else
  static int make() {
    return __cuwasm_register_kernel(__cuwasm_tu_id(), (const void *)F, __PRETTY_FUNCTION__);
  }
#endif
};
template <typename FT, FT F>
int __cuwasm_kreg<FT, F>::id = __cuwasm_kreg<FT, F>::make();
} // namespace

template <int File, int Line, int Index, int Size, typename Closure>
struct __cuwasm_device_lambda {
  Closure __cuwasm_closure;
  template <typename... A>
  auto operator()(A &&...a) const -> decltype(__cuwasm_closure(static_cast<A &&>(a)...)) {
    return __cuwasm_closure(static_cast<A &&>(a)...);
  }
  template <typename... A>
  auto operator()(A &&...a) -> decltype(__cuwasm_closure(static_cast<A &&>(a)...)) {
    return __cuwasm_closure(static_cast<A &&>(a)...);
  }
};
template <int File, int Line, int Index, typename Closure>
static inline __cuwasm_device_lambda<File, Line, Index, (int)sizeof(Closure), Closure>
__cuwasm_device_lambda_make(Closure c) {
  return {c};
}

static inline void __cuwasm_cfg(dim3 grid, dim3 block, size_t shared = 0,
                                cudaStream_t stream = 0) {
  __cuwasm_push_config(grid, block, shared, stream);
}

static inline void __cuwasm_print_message(const char *msg) { fprintf(stderr, "%s\n", msg); }
namespace {
int __cuwasm_reporter_set = (::__cuwasm_set_reporter(__cuwasm_print_message), 0);
} // namespace

static inline void __cuwasm_stub_launch(int id, void **args) {
  cudaError_t e = __cuwasm_launch(id, args);
  static bool said = false; /* device code that does not build was reported already */
  if (!said && (e == cudaErrorInvalidDeviceFunction || e == cudaErrorNoDevice ||
                e == cudaErrorNotSupported)) { /* a launch the device refuses says why, once */
    said = true;
    fprintf(stderr, "%s\n", __cuwasm_message());
  }
}

#endif
