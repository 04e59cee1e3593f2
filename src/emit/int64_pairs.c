/* 64-bit integers as pairs of 32-bit words: which helper function computes
 * an operator.  The GLSL emitter (devices without shaderInt64) and the WGSL
 * emitter (WGSL has no 64-bit integers) both hold such values as two words
 * and emit helpers of the same names (cw_add64, cw_lt64s, ...); each writes
 * its own helper bodies, and this file is the one table of which helper an
 * operator needs.  Comparisons all go through "less than": a > b is b < a,
 * a <= b is !(b < a), a >= b is !(a < b). */
#include "emit.h"

const char *int64_pair_helper(KOp op, bool is_signed, bool *swap, bool *negate) {
  *swap = op == KOP_GT || op == KOP_LE;
  *negate = op == KOP_LE || op == KOP_GE;
  switch (op) {
  case KOP_LT: case KOP_GT: case KOP_LE: case KOP_GE: return is_signed ? "cw_lt64s" : "cw_lt64u";
  case KOP_ADD: return "cw_add64";
  case KOP_SUB: return "cw_sub64";
  case KOP_MUL: return "cw_mul64";
  case KOP_DIV: return is_signed ? "cw_div64s" : "cw_div64u";
  case KOP_MOD: return is_signed ? "cw_mod64s" : "cw_mod64u";
  case KOP_SHL: return "cw_shl64";
  case KOP_SHR: return is_signed ? "cw_shr64s" : "cw_shr64u";
  default: return NULL;
  }
}
