/*
 * test_nvrtc_source.c — the CUDA backend hands NVRTC the user's own source
 * cut to its device part (front/device_source.c).  This test compiles
 * every file in tests/kernels/ and tests/programs/ that way with the real NVRTC, for sm_90
 * (the H100), asking for every kernel by its C++ name, so a host
 * declaration left in, a system include that NVRTC lacks or a template
 * name that does not lower is caught on machines without a GPU.  The files
 * of tests/programs/separate_compilation are compiled as the CUDA backend
 * compiles relocatable programs (-rdc=true: extern __device__ uses of
 * the other files) and must give a cubin for its device linker, as must a
 * program that launches kernels from device code.  A program with
 * extended lambdas (host code passing `[=] __device__ …` to a kernel
 * template) and a kernel template `for_each_index` (as in
 * tests/programs/extended_lambda.cu) has that template instantiated with
 * each closure class, as the run time does, so NVRTC compiles the
 * closures as kernel arguments too.  Exits 77 (skipped) when NVRTC is not
 * installed.
 */
#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/program.h"
#include "rt/cuda/cuda_driver.h"

/* for_each_index<C> for each closure class C of an extended lambda of a
 * plain host function (names without an instance suffix) */
static bool instantiate_with_closures(cw_program *p, KModule *m, const char *path) {
  int n = m->types.len;
  for (int i = 0; i < n; i++) {
    const KType *t = m->types.items[i];
    if (t->kind != KT_STRUCT || !t->name || strncmp(t->name, "__cw_lambda_", 12)) continue;
    int underscores = 0;
    for (const char *c = t->name + 12; *c; c++) underscores += *c == '_';
    if (underscores != 2) continue; /* an instance of a host function template's lambda */
    char name[256];
    snprintf(name, sizeof name, "for_each_index<%s>", t->name);
    cw_diags *id = cw_diags_new();
    cw_status st = cw_program_instantiate(p, name, id);
    char *r = st == CW_OK ? NULL : cw_diags_render(id);
    cw_diags_free(id);
    bool absent = r && strstr(r, "no kernel template named"); /* not this program's */
    if (st != CW_OK && !absent)
      fprintf(stderr, "FAIL %s: cannot instantiate %s\n%s", path, name, r ? r : "");
    free(r);
    if (absent) return true;
    if (st != CW_OK) return false;
  }
  return true;
}

static int compile_one(Nvrtc *rtc, const char *path, bool rdc) {
  cw_diags *d = cw_diags_new();
  cw_program *p = NULL;
  int ok = 0;
  cw_compile_options co;
  memset(&co, 0, sizeof co);
  co.relocatable = rdc;
  if (cw_compile_file(path, &co, d, &p) != CW_OK) {
    char *r = cw_diags_render(d);
    fprintf(stderr, "FAIL %s: our front end rejects it\n%s", path, r);
    free(r);
    cw_diags_free(d);
    return 0;
  }
  KModule *m = cw_program_module(p);
  if (!instantiate_with_closures(p, m, path)) {
    cw_program_free(p);
    cw_diags_free(d);
    return 0;
  }
  char *src = NULL;
  cw_program_device_source(p, &src);
  nvrtcProgram prog;
  rtc->nvrtcCreateProgram(&prog, src, path, 0, NULL, NULL);
  char names[64][256];
  int nn = 0;
  for (int i = 0; i < m->funcs.len && nn < 64; i++) {
    KFunc *f = m->funcs.items[i];
    if (!(f->flags & KF_GLOBAL) || !f->body) continue;
    bool overloaded = false;
    for (int j = 0; j < m->funcs.len; j++) {
      KFunc *g = m->funcs.items[j];
      overloaded |= g != f && (g->flags & KF_GLOBAL) && g->body && !strcmp(g->name, f->name);
    }
    if (overloaded) { /* as the CUDA backend names an overload: by its type */
      StrBuf t;
      sb_init(&t);
      for (int p = 0; p < f->nparams; p++) {
        if (p) sb_puts(&t, ", ");
        kt_print_cpp(&t, f->params[p]->type);
      }
      snprintf(names[nn], sizeof names[nn], "(void (*)(%s))&%s", t.data ? t.data : "", f->name);
      sb_free(&t);
    } else {
      snprintf(names[nn], sizeof names[nn], "&%s", f->name);
    }
    rtc->nvrtcAddNameExpression(prog, names[nn++]);
  }
  const char *opts[] = {"--gpu-architecture=sm_90", "-std=c++20",
                        "--include-path=/usr/local/cuda/include",
                        "--include-path=/usr/local/cuda/include/cccl", "-default-device",
                        "--relocatable-device-code=true"};
  /* kernels launched from device code need -rdc=true, as in the backend */
  rdc = rdc || kir_uses_device_runtime(m);
  nvrtcResult r = rtc->nvrtcCompileProgram(prog, rdc ? 6 : 5, opts);
  size_t cubin = 0;
  if (r == 0 && rdc && (rtc->nvrtcGetCUBINSize(prog, &cubin) != 0 || cubin == 0)) {
    fprintf(stderr, "FAIL %s: no relocatable cubin\n", path);
    r = 1;
  }
  if (r == 0) {
    ok = 1;
    for (int i = 0; i < nn; i++) {
      const char *low = NULL;
      if (rtc->nvrtcGetLoweredName(prog, names[i], &low) != 0 || !low) {
        fprintf(stderr, "FAIL %s: no lowered name for %s\n", path, names[i]);
        ok = 0;
      }
    }
  } else {
    size_t n = 0;
    rtc->nvrtcGetProgramLogSize(prog, &n);
    char *log = calloc(n + 1, 1);
    if (log) rtc->nvrtcGetProgramLog(prog, log);
    fprintf(stderr, "FAIL %s: %s\n%s\n", path, rtc->nvrtcGetErrorString(r), log ? log : "");
    free(log);
  }
  rtc->nvrtcDestroyProgram(&prog);
  free(src);
  cw_program_free(p);
  cw_diags_free(d);
  return ok;
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv) {
  Nvrtc rtc;
  char why[256];
  if (!nvrtc_open(&rtc, NULL, why, sizeof why)) {
    printf("SKIP: %s\n", why);
    return 77;
  }
  const char *defaults[] = {"../kernels", "../programs"};
  const char **dirs = argc > 1 ? (const char **)argv + 1 : defaults;
  int ndirs = argc > 1 ? argc - 1 : 2;
  char *files[512];
  int nf = 0;
  for (int di = 0; di < ndirs; di++) {
    DIR *dp = opendir(dirs[di]);
    if (!dp) {
      fprintf(stderr, "cannot open %s\n", dirs[di]);
      return 1;
    }
    struct dirent *e;
    while ((e = readdir(dp)) && nf < 512) {
      size_t n = strlen(e->d_name);
      if (n > 3 && !strcmp(e->d_name + n - 3, ".cu")) {
        files[nf] = malloc(strlen(dirs[di]) + n + 2);
        if (files[nf]) sprintf(files[nf++], "%s/%s", dirs[di], e->d_name);
      }
    }
    closedir(dp);
  }
  qsort(files, (size_t)nf, sizeof *files, by_name);
  int passed = 0, failed = 0;
  for (int i = 0; i < nf; i++) {
    if (compile_one(&rtc, files[i], false)) passed++;
    else failed++;
    free(files[i]);
  }
  static const char *const relocatable[] = {"../programs/separate_compilation/main.cu",
                                            "../programs/separate_compilation/device_fns.cu",
                                            "../programs/separate_compilation/tables.cu"};
  for (int i = 0; argc <= 1 && i < 3; i++) {
    if (compile_one(&rtc, relocatable[i], true)) passed++;
    else failed++;
  }
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
