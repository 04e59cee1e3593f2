/*
 * omp.h — the hand-written OpenMP C peers of bench_cpu's kernels (omp.c,
 * built -O3 -march=native -fopenmp).  Same algorithms and data layouts as
 * kernels.cu, written the way one writes them for a CPU: parallel loops
 * over rows/chunks, private partials, no emulated thread blocks.
 */
#ifndef BENCH_OMP_H
#define BENCH_OMP_H

int omp_peer_available(void); /* 0 when built without OpenMP (then serial) */
int omp_peer_threads(void);
void omp_saxpy(int n, float a, const float *x, float *y);
void omp_sgemm(const float *A, const float *B, float *C, int n);
float omp_reduce(const float *in, int n);
void omp_histogram(const unsigned char *data, unsigned *hist, int n);
void omp_stencil2d(const float *in, float *out, int w, int h);
void omp_transpose(const float *in, float *out, int w, int h);
void omp_nbody(const float *pos, float *acc, int n, float eps2);
void omp_scan(const float *in, float *out, int n);

#endif
