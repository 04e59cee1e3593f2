/*
 * struct_values.c — references for tests/kernels/struct_values.cu: the
 * same selections written as plain C on the fields, counting the calls
 * to counted() the chosen arms make.
 */
#include "ref.h"

typedef struct {
  float w;
  int n;
  float vx, vy;
  int k[3];
} Pair;

static Pair make_pair(float w, int n) {
  Pair p = {w, n, w * 2.0f, w + 1.0f, {n, n + 1, n + 2}};
  return p;
}

static void structValues(RefArgs *r) {
  float *out = BF32(0);
  int32_t *ints = BI32(1), *counts = BI32(2);
  for (int i = 0; i < 128; i++) {
    Pair a = make_pair(1.5f, i), b = make_pair(-2.0f, -i);
    Pair s = (i & 1) ? a : b, t;
    if (i % 3 == 0) {
      counts[0]++;
      t = make_pair(3.0f, 7);
    } else if (i % 3 == 1) {
      t = a;
    } else {
      counts[1]++;
      t = make_pair(4.0f, 7);
    }
    float w = s.w + t.w + make_pair(0.25f, i).vy + ((i & 4) ? a : b).vx;
    w += (i & 16) ? ((i & 2) ? s : t).w : 0.5f;
    out[i] = w;
    ints[i] = make_pair(0.0f, i * 2).n + make_pair(1.0f, i).k[i % 3] + t.n + ((i & 8) ? s : t).k[2];
  }
}

const RefEntry ref_struct_values[] = {{"structValues", structValues, NULL}, {NULL, NULL, NULL}};
