/*
 * image_uchar4.c — references for tests/kernels/image_uchar4.cu (RGBA
 * pixels as 4 bytes; gray rounded to nearest even like __float2uint_rn).
 */
#include "ref.h"

static void rgbaToGray(RefArgs *r) {
  int n = SI32(2) * SI32(3);
  for (int i = 0; i < n; i++) {
    const uint8_t *p = BU8(0) + 4 * i;
    float g = 0.299f * p[0] + 0.587f * p[1] + 0.114f * p[2];
    BU8(1)[i] = (uint8_t)(unsigned)rintf(g);
  }
}

static uint8_t sat(int v) { return (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : v); }

static void brighten(RefArgs *r) {
  for (int i = 0; i < SI32(1); i++)
    for (int c = 0; c < 3; c++) BU8(0)[4 * i + c] = sat(BU8(0)[4 * i + c] + SI32(2));
}

static void flipHorizontal(RefArgs *r) {
  int w = SI32(2), h = SI32(3);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++) memcpy(BU8(1) + 4 * (y * w + (w - 1 - x)), BU8(0) + 4 * (y * w + x), 4);
}

const RefEntry ref_image_uchar4[] = {
    {"rgbaToGray", rgbaToGray, NULL},
    {"brighten", brighten, NULL},
    {"flipHorizontal", flipHorizontal, NULL},
    {NULL, NULL, NULL}};
