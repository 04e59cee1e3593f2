/*
 * blas.h — OpenBLAS's cblas_sgemm as a peer for the tiled SGEMM of
 * bench_cpu, loaded with dlopen from libopenblas.so.0 at run time, so the
 * benchmark builds without BLAS headers and reports "openblas: unavailable
 * (reason)" where the library is missing.  The enum values are CBLAS's ABI.
 */
#ifndef BENCH_BLAS_H
#define BENCH_BLAS_H

typedef struct Blas {
  void *lib;
  void (*sgemm)(int order, int ta, int tb, int m, int n, int k, float alpha, const float *a,
                int lda, const float *b, int ldb, float beta, float *c, int ldc);
  void (*set_threads)(int n);
  const char *(*config)(void);
} Blas;

/* 0 when loaded (threads: OpenBLAS's thread count), else -1 with why. */
int blas_open(Blas *b, int threads, char *why, int whyn);
/* C = A * B, n x n, row-major */
void blas_sgemm(const Blas *b, const float *A, const float *B, float *C, int n);
void blas_close(Blas *b);

#endif
