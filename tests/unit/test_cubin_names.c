/*
 * test_cubin_names.c — CUWASM_CUDA_COMPILER=nvcc looks kernels up in
 * nvcc's cubin by the names NVRTC lowered (rt/cuda/cubin_names.c).  The
 * two spell 64-bit <stdint.h> parameters differently (NVRTC's libcu++:
 * long long; glibc: long), which made the H200 run's lookups of
 * rng_xorshift.cu and gather_scatter.cu fail.  This test cuts those files
 * to their device source as the backend does, asks NVRTC for every
 * kernel's lowered name, builds the same source with `nvcc -cubin`, and
 * requires every kernel to be found in nvcc's cubin — and a name that is
 * not there to be found nowhere.  No GPU is needed; exits 77 without
 * NVRTC or nvcc.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "api/program.h"
#include "base/base.h"
#include "rt/cuda/cuda_driver.h"

static const char *nvcc_path(void) {
  static char path[1100];
  const char *home = getenv("CUDA_HOME");
  snprintf(path, sizeof path, "%s/bin/nvcc", home && *home ? home : "/usr/local/cuda");
  return access(path, X_OK) == 0 ? path : NULL;
}

/* NVRTC's lowered names of the kernels of src, in names[] */
static int lowered_names(Nvrtc *rtc, const char *src, KModule *m, char names[][256], int max) {
  nvrtcProgram prog;
  char expr[64][256];
  int n = 0;
  rtc->nvrtcCreateProgram(&prog, src, "k.cu", 0, NULL, NULL);
  for (int i = 0; i < m->funcs.len && n < max; i++) {
    KFunc *f = m->funcs.items[i];
    if (!(f->flags & KF_GLOBAL) || !f->body) continue;
    snprintf(expr[n], sizeof expr[n], "&%s", f->name);
    rtc->nvrtcAddNameExpression(prog, expr[n++]);
  }
  const char *opts[] = {"--gpu-architecture=sm_90", "-std=c++20",
                        "--include-path=/usr/local/cuda/include",
                        "--include-path=/usr/local/cuda/include/cccl", "-default-device"};
  if (rtc->nvrtcCompileProgram(prog, 5, opts) != 0) n = -1;
  for (int i = 0; i < n; i++) {
    const char *low = NULL;
    rtc->nvrtcGetLoweredName(prog, expr[i], &low);
    snprintf(names[i], 256, "%s", low ? low : "");
  }
  rtc->nvrtcDestroyProgram(&prog);
  return n;
}

static int check_file(Nvrtc *rtc, const char *nvcc, const char *path) {
  cw_diags *d = cw_diags_new();
  cw_program *p = NULL;
  cw_compile_options co;
  memset(&co, 0, sizeof co);
  int failures = 0;
  char *src = NULL;
  if (cw_compile_file(path, &co, d, &p) != CW_OK || cw_program_device_source(p, &src) != CW_OK) {
    fprintf(stderr, "FAIL %s: not compiled\n", path);
    cw_diags_free(d);
    return 1;
  }
  char names[64][256];
  int n = lowered_names(rtc, src, cw_program_module(p), names, 64);
  char dir[] = "/tmp/cw-cubin-names-XXXXXX", cu[64], cubin[64], cmd[1400];
  if (n <= 0 || !mkdtemp(dir)) {
    fprintf(stderr, "FAIL %s: NVRTC named no kernel\n", path);
    failures++;
  } else {
    snprintf(cu, sizeof cu, "%s/k.cu", dir);
    snprintf(cubin, sizeof cubin, "%s/k.cubin", dir);
    (void)cw_write_file_atomic(cu, src, strlen(src));
    snprintf(cmd, sizeof cmd, "%s -cubin -arch=sm_90 -std=c++17 -o %s %s", nvcc, cubin, cu);
    size_t size = 0;
    char *img = system(cmd) == 0 ? cw_read_file(cubin, &size) : NULL;
    if (!img) failures++, fprintf(stderr, "FAIL %s: nvcc built no cubin\n", path);
    for (int i = 0; img && i < n; i++) {
      char *own = cubin_kernel_name(img, size, names[i]);
      if (!own) failures++, fprintf(stderr, "FAIL %s: %s not in nvcc's cubin\n", path, names[i]);
      else printf("%s: NVRTC %s, nvcc %s\n", path, names[i], own);
      free(own);
    }
    char *none = img ? cubin_kernel_name(img, size, "_Z9notKernelPfyi") : NULL;
    if (none) failures++, fprintf(stderr, "FAIL %s: found %s for a missing kernel\n", path, none);
    free(none);
    free(img);
    unlink(cu);
    unlink(cubin);
    rmdir(dir);
  }
  free(src);
  cw_program_free(p);
  cw_diags_free(d);
  return failures;
}

int main(void) {
  Nvrtc rtc;
  char why[256];
  const char *nvcc = nvcc_path();
  if (!nvrtc_open(&rtc, NULL, why, sizeof why) || !nvcc) {
    printf("SKIP: %s\n", nvcc ? why : "no nvcc");
    return 77;
  }
  int failures = check_file(&rtc, nvcc, "../kernels/rng_xorshift.cu") +
                 check_file(&rtc, nvcc, "../kernels/gather_scatter.cu");
  printf("%s\n", failures ? "FAILED" : "PASSED");
  return failures != 0;
}
