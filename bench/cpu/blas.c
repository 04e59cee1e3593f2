/*
 * blas.c — the OpenBLAS peer (blas.h): dlopen, the two entry points the
 * benchmark calls, and the thread count set to the CPU backend's.
 */
#include "blas.h"

#include <dlfcn.h>
#include <stdio.h>

enum { CBLAS_ROW_MAJOR = 101, CBLAS_NO_TRANS = 111 };

int blas_open(Blas *b, int threads, char *why, int whyn) {
  *b = (Blas){0};
  b->lib = dlopen("libopenblas.so.0", RTLD_NOW | RTLD_LOCAL);
  if (!b->lib) {
    snprintf(why, (size_t)whyn, "%s; apt install libopenblas0", dlerror());
    return -1;
  }
  *(void **)&b->sgemm = dlsym(b->lib, "cblas_sgemm");
  *(void **)&b->set_threads = dlsym(b->lib, "openblas_set_num_threads");
  *(void **)&b->config = dlsym(b->lib, "openblas_get_config");
  if (!b->sgemm) {
    snprintf(why, (size_t)whyn, "libopenblas.so.0 has no cblas_sgemm");
    dlclose(b->lib);
    b->lib = NULL;
    return -1;
  }
  if (b->set_threads && threads > 0) b->set_threads(threads);
  return 0;
}

void blas_sgemm(const Blas *b, const float *A, const float *B, float *C, int n) {
  b->sgemm(CBLAS_ROW_MAJOR, CBLAS_NO_TRANS, CBLAS_NO_TRANS, n, n, n, 1.0f, A, n, B, n, 0.0f,
           C, n);
}

void blas_close(Blas *b) {
  if (b->lib) dlclose(b->lib);
  *b = (Blas){0};
}
