/*
 * switch_ops.c — references for tests/kernels/switch_ops.cu, written with
 * if/else chains.
 */
#include "ref.h"

static void applyOp(RefArgs *r) {
  int n = SI32(3);
  for (int i = 0; i < n; i++) {
    float v = BF32(1)[i];
    int op = (BI32(0)[i] & 0x7fffffff) % 6;
    if (op == 0) v = v + 1.0f;
    else if (op == 1) v = v - 1.0f;
    else if (op == 2) v = -(v * 2.0f); /* MUL falls through into NEG */
    else if (op == 3) v = -v;
    else if (op == 4) v = fabsf(v);
    else v = 0.0f;
    BF32(2)[i] = v;
  }
}

static void tinyVm(RefArgs *r) {
  for (unsigned t = 0; t < r->block[0]; t++) {
    int32_t acc = (int32_t)t;
    for (int pc = 0; pc < 16; pc++) {
      int op = BI32(0)[pc] % 5;
      if (op == 4) continue; /* skips the mask too */
      if (op == 0) {
        acc += 3;
      } else if (op == 1) {
        acc = (int32_t)((uint32_t)acc * 2u);
      } else if (op == 2) {
        int k = acc & 7;
        if (k <= 1) acc -= 1;
        else if (k == 2) acc ^= 0x55;
        else acc >>= 1;
      } else if (op == 3) {
        for (int j = 0; j < 10 && j * j <= acc; j++) acc += j;
      }
      acc &= 0xffff;
    }
    BI32(1)[t] = acc;
  }
}

static void classifyChars(RefArgs *r) {
  for (unsigned t = 0; t < r->block[0]; t++) {
    int c = BU8(0)[t], k;
    if (c == ' ' || c == '\t' || c == '\n') k = 1;
    else if (c >= '0' && c <= '9') k = 2;
    else if (c == '+' || c == '-' || c == '*' || c == '/') k = 3;
    else k = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ? 4 : 0;
    BI32(1)[t] = k;
  }
}

const RefEntry ref_switch_ops[] = {
    {"applyOp", applyOp, NULL},
    {"tinyVm", tinyVm, NULL},
    {"classifyChars", classifyChars, NULL},
    {NULL, NULL, NULL}};
