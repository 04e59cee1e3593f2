/*
 * nvrtc_probe.c — CUWASM_NVRTC_CHECK=FILE: each translation unit a
 * program built by `cuwasm cc` compiles (on first use, on whatever backend
 * runs it) is also put through the CUDA backend's NVRTC path
 * (rt/cuda/nvrtc_build.c) for sm_90, or the architecture in
 * CUWASM_NVRTC_ARCH ("sm_80"), after the template kernels its host code
 * launches are instantiated: exactly the source, names and options a GPU
 * machine would compile, checked on a machine without one.  One line per
 * TU is appended to FILE, "PASS NAME" or "FAIL NAME" followed by NVRTC's
 * log, or "SKIP NAME: why" when NVRTC is missing; the program runs on as
 * usual.  A PASS is followed by "EMBEDDED sm_XX NAME" when the executable
 * carries a cubin `cuwasm cc -arch=sm_XX` compiled ahead of time for
 * exactly this compile (rt/cuda/cubin_embedded.h): the backend would load
 * it instead of running NVRTC; and by "EMBEDDED compute_YY NAME" when it
 * carries PTX a GPU of that architecture runs (the newest, YY <= XX): what
 * the backend falls back to without that cubin.  Off unless the variable
 * is set.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compat/compat.h"
#include "rt/cuda/cubin_embedded.h"
#include "rt/cuda/nvrtc_build.h"

void compat_nvrtc_probe(const char *tu_name, cw_program *prog) {
  const char *path = getenv("CUWASM_NVRTC_CHECK");
  if (!path || !*path) return;
  const char *a = getenv("CUWASM_NVRTC_ARCH");
  int sm = a && !strncmp(a, "sm_", 3) ? atoi(a + 3) : 90;
  FILE *f = fopen(path, "a");
  if (!f) return;
  Nvrtc rtc;
  char why[256];
  if (!nvrtc_open(&rtc, NULL, why, sizeof why)) {
    fprintf(f, "SKIP %s: %s\n", tu_name, why);
    fclose(f);
    return;
  }
  size_t errn = 1 << 20;
  char *err = calloc(errn, 1);
  if (sm <= 0) sm = 90;
  uint64_t key = 0;
  cw_status st = err ? nvrtc_program_image(&rtc, prog, sm, false, NULL, NULL, NULL, &key, err, errn)
                     : CW_ERR_NOMEM;
  const char *image, *names;
  size_t n;
  int cc = 0;
  NvrtcInputs in;
  if (st != CW_OK) fprintf(f, "FAIL %s\n%s\n", tu_name, err ? err : "out of memory");
  else {
    fprintf(f, "PASS %s\n", tu_name);
    if (cubin_embedded_find(key, sm, false, &image, &n, &names))
      fprintf(f, "EMBEDDED sm_%d %s\n", sm, tu_name);
    if (nvrtc_program_inputs(prog, &in, err, errn) == CW_OK) {
      if (cubin_embedded_find_newest(&in, true, 0, sm, &cc, &image, &n, &names))
        fprintf(f, "EMBEDDED compute_%d %s\n", cc, tu_name);
      nvrtc_inputs_free(&in);
    }
  }
  free(err);
  fclose(f);
}
