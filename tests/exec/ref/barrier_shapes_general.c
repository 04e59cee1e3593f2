/*
 * barrier_shapes_general.c — references for
 * tests/kernels/barrier_shapes_general.cu (barriers in a switch, after a
 * goto, in a loop's step).  Each block is
 * replayed phase by phase, in the order the kernel's barriers impose.
 */
#include "ref.h"

static void switchPhase(RefArgs *r) {
  int mode = SI32(1), *d = BI32(0);
  unsigned bs = r->block[0];
  int s[1024], v[1024];
  for (unsigned b = 0; b < r->grid[0]; b++) {
    int *x = d + b * bs;
    for (unsigned t = 0; t < bs; t++) s[t] = x[t];
    if (mode == 1) {
      for (unsigned t = 0; t < bs; t++) v[t] = s[bs - 1 - t];
      for (unsigned t = 0; t < bs; t++) s[t] = v[t] * 2;
    } else if (mode == 0) {
      for (unsigned t = 0; t < bs; t++) v[t] = s[(t + 1) % bs];
      for (unsigned t = 0; t < bs; t++) s[t] = v[t];
    }
    for (unsigned t = 0; t < bs; t++) x[t] = s[t] + 1;
  }
}

static void gotoRounds(RefArgs *r) {
  int rounds = SI32(1);
  unsigned bs = r->block[0];
  float s[1024], v[1024];
  for (unsigned b = 0; b < r->grid[0]; b++) {
    float *x = BF32(0) + b * bs;
    for (unsigned t = 0; t < bs; t++) s[t] = x[t];
    int done = 0;
    do { /* the kernel runs the body once before testing ++r < rounds */
      for (unsigned t = 0; t < bs; t++) v[t] = s[(t + 1) % bs];
      for (unsigned t = 0; t < bs; t++) s[t] = 0.5f * (s[t] + v[t]);
    } while (++done < rounds);
    for (unsigned t = 0; t < bs; t++) x[t] = s[t];
  }
}

static void stepBarrierScan(RefArgs *r) {
  unsigned bs = r->block[0];
  for (unsigned b = 0; b < r->grid[0]; b++) {
    const int *in = BI32(0) + b * bs;
    int *out = BI32(1) + b * bs, acc = 0;
    for (unsigned t = 0; t < bs; t++) out[t] = acc += in[t];
  }
}

static void switchWarp(RefArgs *r) {
  const int *in = BI32(0);
  int *out = BI32(1);
  unsigned bs = r->block[0];
  for (unsigned b = 0; b < r->grid[0]; b++) {
    for (unsigned w = 0; w < bs; w += 32) {
      unsigned n = bs - w < 32 ? bs - w : 32;
      const int *x = in + b * bs + w;
      int odd3 = 0; /* popc of the ballot over the odd lanes */
      for (unsigned l = 1; l < n; l += 2) odd3 += (x[l] & 3) == 3;
      for (unsigned l = 0; l < n; l++) {
        int v = x[l];
        if (!(l & 1)) {
          unsigned k = l ^ 2u; /* xor stays within the even lanes */
          v += k < n ? x[k] : x[l];
        } else {
          unsigned k = l + 2; /* down: beyond the warp keeps its own */
          v = (k < n ? x[k] : x[l]) * 10 + odd3;
        }
        out[b * bs + w + l] = v;
      }
    }
  }
}

static void switchCount(RefArgs *r) {
  unsigned bs = r->block[0];
  for (unsigned b = 0; b < r->grid[0]; b++) {
    int c = 0;
    for (unsigned t = 0; t < bs; t++) c += BI32(0)[b * bs + t] & 1;
    BI32(1)[b] = b == 1 ? c + 1000 : c;
  }
}

static void switchExit(RefArgs *r) {
  unsigned bs = r->block[0];
  for (unsigned b = 0; b < r->grid[0]; b++) {
    int c = 0;
    for (unsigned t = 0; t < bs; t++) c += t % 3 != 0 && BI32(0)[b * bs + t] > 10;
    BI32(1)[b] = c;
  }
}

static void switchWarpMore(RefArgs *r) {
  const int *in = BI32(0);
  int *out = BI32(1);
  unsigned bs = r->block[0];
  for (unsigned b = 0; b < r->grid[0]; b++) {
    int any42 = 0;
    for (unsigned t = 0; t < bs; t++) any42 |= in[b * bs + t] == 42;
    for (unsigned w = 0; w < bs; w += 32) {
      const int *x = in + b * bs + w;
      unsigned sum = 0;
      int all = 1;
      for (unsigned l = 0; l < 32; l++) sum += (unsigned)x[l], all &= x[l] < 90;
      for (unsigned l = 0; l < 32; l++) {
        unsigned m = 0;
        for (unsigned k = 0; k < 32; k++) m |= (unsigned)(x[k] % 4 == x[l] % 4) << k;
        int *o = out + 4 * (b * bs + w + l);
        o[0] = (int)sum;
        o[1] = (int)m;
        o[2] = all;
        o[3] = any42;
      }
    }
  }
}

const RefEntry ref_barrier_shapes_general[] = {
    {"switchPhase", switchPhase, NULL},
    {"gotoRounds", gotoRounds, NULL},
    {"stepBarrierScan", stepBarrierScan, NULL},
    {"switchWarp", switchWarp, NULL},
    {"switchCount", switchCount, NULL},
    {"switchExit", switchExit, NULL},
    {"switchWarpMore", switchWarpMore, NULL},
    {NULL, NULL, NULL}};
