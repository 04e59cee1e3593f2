/*
 * omp.c — hand-written OpenMP C of bench_cpu's eight algorithms: what a
 * careful C programmer writes for a multicore CPU.  Loops are arranged
 * for the vectoriser (unit stride inner loops, i-k-j SGEMM with 64-wide
 * blocking, structure-of-arrays copies for n-body), reductions use
 * private partials.  Without OpenMP the pragmas are ignored and it runs
 * on one thread (omp_peer_available says so).
 */
#include "omp.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#ifdef _OPENMP
#include <omp.h>
#endif

int omp_peer_available(void) {
#ifdef _OPENMP
  return 1;
#else
  return 0;
#endif
}

int omp_peer_threads(void) {
#ifdef _OPENMP
  return omp_get_max_threads();
#else
  return 1;
#endif
}

void omp_saxpy(int n, float a, const float *restrict x, float *restrict y) {
#pragma omp parallel for simd schedule(static)
  for (int i = 0; i < n; i++) y[i] = a * x[i] + y[i];
}

/* Blocked i-k-j: each thread owns rows of C; the j loop vectorises. */
void omp_sgemm(const float *restrict A, const float *restrict B, float *restrict C, int n) {
  enum { KB = 64 };
#pragma omp parallel for schedule(static)
  for (int i = 0; i < n; i++) {
    float *c = C + (size_t)i * n;
    memset(c, 0, sizeof(float) * (size_t)n);
    for (int k0 = 0; k0 < n; k0 += KB)
      for (int k = k0; k < k0 + KB && k < n; k++) {
        float a = A[(size_t)i * n + k];
        const float *b = B + (size_t)k * n;
        for (int j = 0; j < n; j++) c[j] += a * b[j];
      }
  }
}

float omp_reduce(const float *restrict in, int n) {
  float s = 0.0f;
#pragma omp parallel for simd reduction(+ : s) schedule(static)
  for (int i = 0; i < n; i++) s += in[i];
  return s;
}

void omp_histogram(const unsigned char *restrict data, unsigned *restrict hist, int n) {
  memset(hist, 0, 256 * sizeof *hist);
#pragma omp parallel
  {
    unsigned local[256] = {0};
#pragma omp for schedule(static)
    for (int i = 0; i < n; i++) local[data[i]]++;
    for (int b = 0; b < 256; b++) {
#pragma omp atomic
      hist[b] += local[b];
    }
  }
}

void omp_stencil2d(const float *restrict in, float *restrict out, int w, int h) {
#pragma omp parallel for schedule(static)
  for (int y = 0; y < h; y++) {
    const float *r = in + (size_t)y * w;
    float *o = out + (size_t)y * w;
    if (y == 0 || y == h - 1) {
      memcpy(o, r, sizeof(float) * (size_t)w);
      continue;
    }
    o[0] = r[0];
    o[w - 1] = r[w - 1];
#pragma omp simd
    for (int x = 1; x < w - 1; x++) o[x] = 0.2f * (r[x] + r[x - 1] + r[x + 1] + r[x - w] + r[x + w]);
  }
}

/* 32x32 blocks so both sides stay in cache. */
void omp_transpose(const float *restrict in, float *restrict out, int w, int h) {
#pragma omp parallel for collapse(2) schedule(static)
  for (int by = 0; by < h; by += 32)
    for (int bx = 0; bx < w; bx += 32)
      for (int x = bx; x < bx + 32 && x < w; x++)
        for (int y = by; y < by + 32 && y < h; y++) out[(size_t)x * h + y] = in[(size_t)y * w + x];
}

/* pos/acc as float4 (x, y, z, mass); inner loop over structure-of-arrays copies. */
void omp_nbody(const float *restrict pos, float *restrict acc, int n, float eps2) {
  float *px = malloc(sizeof(float) * (size_t)n * 4), *py = px + n, *pz = py + n, *pm = pz + n;
  if (!px) return;
  for (int j = 0; j < n; j++) {
    px[j] = pos[4 * j];
    py[j] = pos[4 * j + 1];
    pz[j] = pos[4 * j + 2];
    pm[j] = pos[4 * j + 3];
  }
#pragma omp parallel for schedule(static)
  for (int i = 0; i < n; i++) {
    float x = px[i], y = py[i], z = pz[i], ax = 0.0f, ay = 0.0f, az = 0.0f;
#pragma omp simd reduction(+ : ax, ay, az)
    for (int j = 0; j < n; j++) {
      float dx = px[j] - x, dy = py[j] - y, dz = pz[j] - z;
      float r2 = dx * dx + dy * dy + dz * dz + eps2;
      float inv = 1.0f / sqrtf(r2);
      float s = pm[j] * inv * inv * inv;
      ax += dx * s;
      ay += dy * s;
      az += dz * s;
    }
    acc[4 * i] = ax;
    acc[4 * i + 1] = ay;
    acc[4 * i + 2] = az;
    acc[4 * i + 3] = 0.0f;
  }
  free(px);
}

/* Two-pass parallel inclusive scan over one chunk per thread. */
void omp_scan(const float *restrict in, float *restrict out, int n) {
  int nt = omp_peer_threads();
  float *sums = calloc((size_t)nt + 1, sizeof(float));
  if (!sums) return;
#pragma omp parallel num_threads(nt)
  {
#ifdef _OPENMP
    int t = omp_get_thread_num();
#else
    int t = 0;
#endif
    int lo = (int)((long long)n * t / nt), hi = (int)((long long)n * (t + 1) / nt);
    float run = 0.0f;
    for (int i = lo; i < hi; i++) out[i] = run += in[i];
    sums[t + 1] = run;
#pragma omp barrier
#pragma omp single
    for (int k = 1; k <= nt; k++) sums[k] += sums[k - 1];
    float off = sums[t];
#pragma omp simd
    for (int i = lo; i < hi; i++) out[i] += off;
  }
  free(sums);
}
