/*
 * glsl_nocontract.c — marks every floating-point add, subtract and multiply
 * of a SPIR-V module NoContraction.
 *
 * Vulkan drivers may fuse a*b+c into one rounding (lavapipe does); the CPU
 * backend's C is ISO C11, which does not, and float results that feed
 * integer conversions, bit casts or escape tests (mandelbrot) then differ.
 * GLSL can only forbid fusion per variable (`precise`), so the decoration
 * is added to the compiled module: one OpDecorate per result id, inserted
 * where annotations end (before the first type declaration).
 */
#include <stdlib.h>
#include <string.h>

#include "emit.h"

enum { OP_DECORATE = 71, DEC_NO_CONTRACTION = 42, OP_TYPE_FIRST = 19, OP_TYPE_LAST = 39,
       OP_FADD = 129, OP_FSUB = 131, OP_FMUL = 133, OP_VEC_TIMES_SCALAR = 142,
       OP_EXT_INST = 12, GLSL_STD_FMA = 50 };

/* float arithmetic, and GLSL.std.450 Fma (extended instruction 50), which
 * drivers may split into a multiply and an add unless it is NoContraction */
static bool is_fp_arith(const uint32_t *ins) {
  uint32_t op = ins[0] & 0xffffu, len = ins[0] >> 16;
  if (op == OP_EXT_INST) return len >= 5 && ins[4] == GLSL_STD_FMA;
  return op == OP_FADD || op == OP_FSUB || op == OP_FMUL || op == OP_VEC_TIMES_SCALAR;
}

bool spirv_no_contraction(unsigned char **spv, size_t *n) {
  size_t words = *n / 4;
  uint32_t *w = (uint32_t *)(void *)*spv;
  if (words < 5 || w[0] != 0x07230203u) return false;
  size_t count = 0, insert = 0;
  for (size_t i = 5; i < words;) {
    uint32_t len = w[i] >> 16, op = w[i] & 0xffffu;
    if (!len || i + len > words) return false;
    if (!insert && op >= OP_TYPE_FIRST && op <= OP_TYPE_LAST) insert = i;
    if (len >= 4 && is_fp_arith(w + i)) count++;
    i += len;
  }
  if (!count || !insert) return true;
  uint32_t *out = malloc((words + 3 * count) * 4);
  if (!out) return false;
  memcpy(out, w, insert * 4);
  size_t o = insert;
  for (size_t i = 5; i < words; i += w[i] >> 16)
    if ((w[i] >> 16) >= 4 && is_fp_arith(w + i)) {
      out[o++] = (3u << 16) | OP_DECORATE;
      out[o++] = w[i + 2];
      out[o++] = DEC_NO_CONTRACTION;
    }
  memcpy(out + o, w + insert, (words - insert) * 4);
  free(*spv);
  *spv = (unsigned char *)out;
  *n = (words + 3 * count) * 4;
  return true;
}
