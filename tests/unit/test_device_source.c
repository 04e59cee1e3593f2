/*
 * test_device_source.c — the source the CUDA backend hands NVRTC
 * (front/device_source.c, front/host_only.c), read as text, so machines
 * without NVRTC (CI) still check what it leaves out and adds: a kept
 * host class template naming std::string, a class derived from one only
 * host code declared, a class member of a type device code does not know
 * (left out; the class and its device members stay); std:: builtins as
 * using-declarations (libcu++'s, or CUDA's global ones) and std::min/max
 * as constexpr templates (also in an extended lambda's closure, which the
 * source re-spells); an evaluated host float constant as constexpr;
 * the toolkit's CUB; the host's 64-bit <stdint.h> types.  test_nvrtc_source
 * and the realworld_nvrtc test compile such sources with NVRTC itself.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/program.h"

static int passed, failed;

static char *device_source(const char *name, const char *src) {
  cw_diags *d = cw_diags_new();
  cw_program *p = NULL;
  char *out = NULL;
  if (cw_compile_source(name, src, strlen(src), NULL, d, &p) != CW_OK) {
    char *r = cw_diags_render(d);
    printf("FAIL %s: does not compile\n%s", name, r ? r : "");
    free(r);
    failed++;
  } else if (cw_program_device_source(p, &out) != CW_OK) {
    printf("FAIL %s: no device source\n", name);
    failed++;
  }
  cw_program_free(p);
  cw_diags_free(d);
  return out;
}

static void expect(const char *name, const char *text, const char *what, bool present) {
  if (!text) return;
  if (!strstr(text, what) == !present) {
    passed++;
    return;
  }
  failed++;
  printf("FAIL %s: '%s' %s\n---\n%s---\n", name, what, present ? "missing" : "left in", text);
}

static const char host_classes[] =
    "#include <string>\n"
    "#include <stdexcept>\n"
    "template <class E> class Exception : public E {\n"
    " public:\n"
    "  static void throw_it(const char *file, const std::string &detailed);\n"
    "  explicit Exception(const std::string &str);\n"
    "};\n"
    "struct host_base { std::string s; };\n"
    "struct derived_from_host : host_base { int x; };\n"
    "struct Barrier { pthread_mutex_t mutex; int count; };\n"
    "struct Pair { int a, b; std::string describe() const; };\n"
    "__global__ void k(Pair *p) { p->a = p->b; }\n";

static const char std_builtins[] =
    "template <int N> struct Traits { static constexpr int kSize = std::min(N * 4, 1024); };\n"
    "const float scale = 1.25f;\n"
    "const float neg_scale = -scale;\n"
    "__global__ void k(float *x) {\n"
    "  x[0] = std::sqrt(x[1]) + std::fmod(x[2], 2.0f) + std::max(x[3], neg_scale)\n"
    "         + Traits<8>::kSize;\n"
    "}\n";

static const char lambda_user[] =
    "template <class F> __global__ void each(int n, F f) {\n"
    "  int i = blockIdx.x * blockDim.x + threadIdx.x;\n"
    "  if (i < n) f(i);\n"
    "}\n"
    "void clamp_all(float *v, int n) {\n"
    "  each<<<(n + 127) / 128, 128>>>(n, [=] __device__(int i) { v[i] = std::fmin(v[i], 1.0f); });\n"
    "}\n";

static const char cub_user[] =
    "#include <cub/block/block_scan.cuh>\n"
    "template <int T> __global__ void scan(int *d) {\n"
    "  typedef cub::BlockScan<int, T> S;\n"
    "  __shared__ typename S::TempStorage tmp;\n"
    "  S(tmp).ExclusiveSum(d[threadIdx.x], d[threadIdx.x]);\n"
    "}\n";

int main(void) {
  char *s = device_source("host_classes.cu", host_classes);
  expect("host_classes.cu", s, "class Exception", false);
  expect("host_classes.cu", s, "std :: string", false);
  expect("host_classes.cu", s, "derived_from_host", false);
  expect("host_classes.cu", s, "pthread_mutex_t", false);
  expect("host_classes.cu", s, "struct Barrier", true);
  expect("host_classes.cu", s, "int count", true);
  expect("host_classes.cu", s, "struct Pair", true);
  expect("host_classes.cu", s, "describe", false);
  free(s);
  s = device_source("std_builtins.cu", std_builtins);
  expect("std_builtins.cu", s, "using cuda::std::sqrt;", true);
  expect("std_builtins.cu", s, "using ::fmod;", true);
  expect("std_builtins.cu", s, "constexpr const T &min(", true);
  expect("std_builtins.cu", s, "constexpr const T &max(", true);
  expect("std_builtins.cu", s, "constexpr float neg_scale", true);
  expect("std_builtins.cu", s, "typedef unsigned long uint64_t;", true);
  free(s);
  s = device_source("lambda_user.cu", lambda_user); /* the closure's body, re-spelled */
  expect("lambda_user.cu", s, "using cuda::std::fmin;", true);
  free(s);
  s = device_source("cub_user.cu", cub_user);
  expect("cub_user.cu", s, "#include <cub/block/block_scan.cuh>", true);
  expect("cub_user.cu", s, "util_cub", false);
  free(s);
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
