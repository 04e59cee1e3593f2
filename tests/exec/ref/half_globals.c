/*
 * half_globals.c — references for tests/kernels/half_globals.cu: the
 * half bits of its constants, worked out by hand (0.3 = 1.2 * 2^-2, whose
 * 10-bit fraction 204.8 rounds up; 1e-6 is 16.78 units of 2^-24; 70000
 * overflows, and so does 65520, the tie between 65504 and 2^16; 1 + 1.5 *
 * 2^-10 is a tie that rounds to even).
 */
#include "ref.h"

static void halfGlobals(RefArgs *r) {
  static const uint16_t bits[8] = {0x34cd, 0x8011, 0x7c00, 0x4200, 0x3c02, 0x7c00, 0x8000, 0x2e66};
  memcpy(r->a[0].p, bits, sizeof bits);
}

const RefEntry ref_half_globals[] = {{"halfGlobals", halfGlobals, NULL}, {NULL, NULL, NULL}};
