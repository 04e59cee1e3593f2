/*
 * cpp_virtual.c — reference for tests/kernels/cpp_virtual.cu: shapes by
 * i % 3 (Square(1, v % 7), Triangle(v % 5, 4), CountedSquare(v % 3) of
 * scale 2 with 14 sides), score = area * 100 + sides, destroyed[b] = the
 * CountedSquares of block b; fnptrKernel sums pick(x), table[i % 3](x), 4x
 * and -1; arrayKernel: out = 5 n for n = threadIdx.x % 4 + 1, *sum adds
 * n (n + 1) / 2 + 100 per thread; interfacesKernel: Sprite/BigSprite i
 * (draw 100 + i, name 200 + i, layer 5 or 9 + i), Label i (300 + i + 6),
 * the Drawable subobject at 16 of a 48-byte Sprite (as g++ and nvcc lay
 * it out), and every destructor adds i to *log.
 */
#include "ref.h"

static void shapesKernel(RefArgs *r) {
  for (int i = 0; i < 64; i++) {
    int v = BI32(0)[i], area, sides;
    if (i % 3 == 0) area = (v % 7) * (v % 7), sides = 4;
    else if (i % 3 == 1) area = (v % 5) * 4 / 2, sides = 3;
    else area = 2 * (v % 3) * (v % 3), sides = 14;
    BI32(1)[i] = area * 100 + sides;
    if (i % 3 == 2) BI32(2)[i / 32]++;
  }
}

static void fnptrKernel(RefArgs *r) {
  for (int i = 0; i < 64; i++) {
    float x = BF32(0)[i];
    float pick = (i & 1) ? x * x : 2.0f * x;
    float table = i % 3 == 0 ? 2.0f * x : i % 3 == 1 ? x * x : -x;
    BF32(1)[i] = pick + table + 4.0f * x + -1.0f;
  }
}

static void arrayKernel(RefArgs *r) {
  for (int i = 0; i < 128; i++) {
    int n = i % 64 % 4 + 1;
    BI32(0)[i] = 5 * n;
    BI32(1)[0] += n * (n + 1) / 2 + 100;
  }
}

static void interfacesKernel(RefArgs *r) {
  for (int i = 0; i < 32; i++) {
    BI32(0)[i * 4 + 0] = 100 + i + 200 + i;
    BI32(0)[i * 4 + 1] = (i & 1) ? 9 + i : 5;
    BI32(0)[i * 4 + 2] = 300 + i + 6;
    BI32(0)[i * 4 + 3] = 16 * 1000 + 48;
    BI32(1)[0] += i;
  }
}

const RefEntry ref_cpp_virtual[] = {
    {"shapesKernel", shapesKernel, NULL},
    {"fnptrKernel", fnptrKernel, NULL},
    {"arrayKernel", arrayKernel, NULL},
    {"interfacesKernel", interfacesKernel, NULL},
    {NULL, NULL, NULL}};
