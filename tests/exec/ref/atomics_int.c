/*
 * atomics_int.c — references for tests/kernels/atomics_int.cu.  Every
 * atomic here is commutative or (inc/dec with wrap, a run of identical
 * operations) gives the same result in any order, so the references apply
 * the operations sequentially and the results are compared exactly.
 */
#include "ref.h"

static uint32_t inc_wrap(uint32_t old, uint32_t lim) { return old >= lim ? 0 : old + 1; }
static uint32_t dec_wrap(uint32_t old, uint32_t lim) { return (old == 0 || old > lim) ? lim : old - 1; }

static void intAtomics(RefArgs *r) {
  int32_t *acc = BI32(1);
  uint32_t *u = BU32(2);
  for (size_t i = 0; i < NTHREADS(r); i++) {
    int32_t x = BI32(0)[i];
    acc[0] = (int32_t)((uint32_t)acc[0] + (uint32_t)x);
    acc[1] = (int32_t)((uint32_t)acc[1] - (uint32_t)x);
    if (-x < acc[2]) acc[2] = -x;
    if (x > acc[3]) acc[3] = x;
    acc[4] &= ~x;
    acc[5] |= x;
    acc[6] ^= x;
    acc[7] = 5;
    u[0] = inc_wrap(u[0], 100u);
    u[1] = dec_wrap(u[1], 50u);
    if (u[2] == 0) { u[2] = 7; u[3]++; }
  }
}

static void u64Atomics(RefArgs *r) {
  uint64_t *acc = BU64(1);
  for (size_t i = 0; i < NTHREADS(r); i++) {
    uint64_t x = BU64(0)[i] & 0xffffffffull;
    acc[0] += x;
    if ((x | 1) < acc[1]) acc[1] = x | 1;
    if (x > acc[2]) acc[2] = x;
    acc[3] &= x;
    acc[4] |= x;
    acc[5] ^= x;
    acc[6] = 42;
  }
}

static void sharedAtomics(RefArgs *r) {
  unsigned nb = r->grid[0], bs = r->block[0];
  for (unsigned b = 0; b < nb; b++) {
    int32_t s[6] = {0, 0, 0x7fffffff, 0, 0, 0};
    uint32_t u0 = 0;
    for (unsigned t = 0; t < bs; t++) {
      int32_t x = BI32(0)[b * bs + t] & 0xffff;
      s[0]++;
      s[1]--;
      if (x < s[2]) s[2] = x;
      if (x > s[3]) s[3] = x;
      s[4] = (int32_t)((uint32_t)s[4] | (1u << (t & 31)));
      s[5] ^= x;
      u0 = inc_wrap(u0, 31u);
    }
    for (int t = 0; t < 6; t++) BI32(1)[b * 6 + t] = s[t] + (t == 0 ? (int32_t)u0 : 0);
  }
}

const RefEntry ref_atomics_int[] = {
    {"intAtomics", intAtomics, NULL},
    {"u64Atomics", u64Atomics, NULL},
    {"sharedAtomics", sharedAtomics, NULL},
    {NULL, NULL, NULL}};
