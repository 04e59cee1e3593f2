/*
 * mandelbrot.c — references for tests/kernels/mandelbrot.cu.  The double
 * variant's region has no pixel that sensitive and is compared exactly.
 */
#include "ref.h"

static void mandelbrot(RefArgs *r) {
  int width = SI32(1), height = SI32(2), max_iter = SI32(3);
  static const uint8_t palette[4] = {0, 85, 170, 255};
  for (int py = 0; py < height; py++)
    for (int px = 0; px < width; px++) {
      float cr = -2.0f + 3.0f * (float)px / (float)width;
      float ci = -1.5f + 3.0f * (float)py / (float)height;
      float zr = 0.0f, zi = 0.0f;
      int it = 0;
      while (zr * zr + zi * zi < 4.0f && it < max_iter) {
        float t = zr * zr - zi * zi + cr;
        zi = 2.0f * zr * zi + ci;
        zr = t;
        it++;
      }
      BU8(0)[py * width + px] = it == max_iter ? 0 : palette[it & 3];
    }
  /* The escape time of points near the set's edge depends on whether
     z*z + c is contracted into fmas (nvcc and the CPU JIT both may, each
     its own way); a handful of pixels (about 0.1%) differ by a palette
     step, so the image is compared pixel by pixel with at most 1% of the
     pixels allowed to differ (a transposed store moves far more). */
  ref_set(r, 0, CHK_MOSTLY, 0.01);
}

static void mandelbrotDouble(RefArgs *r) {
  int width = SI32(1), height = SI32(2), max_iter = SI32(3);
  double cx = SF64(4), cy = SF64(5), scale = SF64(6);
  for (int py = 0; py < height; py++)
    for (int px = 0; px < width; px++) {
      double cr = cx + (px - width / 2) * scale, ci = cy + (py - height / 2) * scale;
      double zr = 0.0, zi = 0.0;
      int it;
      for (it = 0; it < max_iter; it++) {
        double zr2 = zr * zr, zi2 = zi * zi;
        if (zr2 + zi2 > 4.0) break;
        zi = 2.0 * zr * zi + ci;
        zr = zr2 - zi2 + cr;
      }
      BI32(0)[py * width + px] = it;
    }
}

const RefEntry ref_mandelbrot[] = {
    {"mandelbrot", mandelbrot, NULL},
    {"mandelbrotDouble", mandelbrotDouble, NULL},
    {NULL, NULL, NULL}};
