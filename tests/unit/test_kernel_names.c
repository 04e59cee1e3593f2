/*
 * test_kernel_names.c — the kernel's name and pointer type that the CUDA
 * runtime API reads from a registration string (compat_kernel_name,
 * src/compat/runtime_state.c), in each host compiler's words: g++'s
 * __PRETTY_FUNCTION__, clang's (which drops a template argument's own
 * arguments), and the demangled registration type a web build's host code
 * passes instead (src/compat/host_glue.h); and the parameter list of a
 * kernel's pointer type (compat_host_params), which overloads and the web
 * build's argument conversion read.
 */
#include "compat/compat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;

static void name_is(const char *reg, const char *name, const char *sig) {
  char *s = NULL, *n = compat_kernel_name(reg, &s);
  bool ok = n && !strcmp(n, name) && (sig ? s && !strcmp(s, sig) : !s);
  if (ok) passed++;
  else {
    failed++;
    printf("FAIL %s\n  name '%s' (want '%s'), sig '%s' (want '%s')\n", reg, n ? n : "(null)", name,
           s ? s : "(null)", sig ? sig : "(null)");
  }
  free(n);
  free(s);
}

static void params_are(const char *sig, const char *want) {
  char out[256];
  compat_host_params(sig, out, sizeof out);
  if (!strcmp(out, want)) passed++;
  else {
    failed++;
    printf("FAIL params of %s: '%s', want '%s'\n", sig, out, want);
  }
}

int main(void) {
  /* g++ */
  name_is("static int {anonymous}::__cuwasm_kreg<FT, F>::make() [with FT = void (*)(float*, int); "
          "FT F = scale<float, 128>]",
          "scale<float, 128>", "void (*)(float*, int)");
  name_is("static int {anonymous}::__cuwasm_kreg<FT, F>::make() [with FT = void (*)(int*); "
          "FT F = {anonymous}::fill]",
          "fill", "void (*)(int*)");
  /* clang: F without its template arguments */
  name_is("static int (anonymous namespace)::__cuwasm_kreg<void (*)(float *), &plain>::make() "
          "[FT = void (*)(float *), F = &plain]",
          "plain", "void (*)(float *)");
  /* the demangled registration type of a web build */
  name_is("(anonymous namespace)::__cuwasm_kreg<void (*)(float*, unsigned long), "
          "&(void ns::scale<float, 128>(float*, unsigned long))>",
          "ns::scale<float, 128>", "void (*)(float*, unsigned long)");
  name_is("typeinfo name for (anonymous namespace)::__cuwasm_kreg<void (*)(unsigned int*, S), "
          "&(plain(unsigned int*, S))>",
          "plain", "void (*)(unsigned int*, S)");
  name_is("(anonymous namespace)::__cuwasm_kreg<void (*)(int*, int), "
          "&(void apply<int, (Mode)1>(int*, int))>",
          "apply<int, (Mode)1>", "void (*)(int*, int)");
  name_is("(anonymous namespace)::__cuwasm_kreg<void (*)(int*), "
          "&(void (anonymous namespace)::hidden<int>(int*))>",
          "hidden<int>", "void (*)(int*)");
  /* anything else is its own name */
  name_is("kernel", "kernel", NULL);

  params_are("void (*)(const float* __restrict__, int)", "const float* , int");
  params_are("void (*)(float *, unsigned long)", "float *, unsigned long");
  params_are("void (*)(void)", "");
  params_are("void (*)(void (*)(int), int)", "void (*)(int), int");
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
