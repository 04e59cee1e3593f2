/*
 * atomics_contention.c — references for tests/kernels/atomics_contention.cu.
 * Every result is order-free, so it is computed sequentially and compared
 * exactly; each of atomicAdd's old values 0..N-1 must have been counted
 * once, which fails on any lost or repeated update.
 */
#include "ref.h"

static void contendGlobal(RefArgs *r) {
  uint32_t n = (uint32_t)NTHREADS(r), w = n / 64u;
  int32_t *ia = BI32(0);
  uint32_t *ua = BU32(1);
  uint64_t *qa = BU64(2);
  int64_t *la = BI64(3);
  uint32_t inc = 0, dec = 0, uxor = 0, umax = 0, umin = 0;
  uint64_t qxor = 0, qmax = 0;
  int32_t ixor = 0;
  double d0 = 0;
  for (uint32_t g = 0; g < n; g++) {
    BI32(7)[g] = 1;
    ixor ^= (int32_t)(g * 2654435761u);
    inc = inc >= 1000u ? 0u : inc + 1u;
    dec = (dec == 0u || dec > 1000u) ? 1000u : dec - 1u;
    uxor ^= g * 40503u;
    if (g * 2654435761u > umax) umax = g * 2654435761u;
    if (~(g * 2654435761u) < umin) umin = ~(g * 2654435761u);
    qxor ^= (uint64_t)g * 0x9E3779B97F4A7C15ull;
    if ((uint64_t)g * 0x9E3779B97F4A7C15ull > qmax) qmax = (uint64_t)g * 0x9E3779B97F4A7C15ull;
    d0 += (double)(g & 1023u);
  }
  ia[0] = (int32_t)n, ia[1] = -(int32_t)n, ia[2] = ixor, ia[3] = -(int32_t)(n - 1);
  ia[4] = (int32_t)(n - 1), ia[5] = (int32_t)(3u * n), ia[6] = 7;
  ua[0] = 3u * n, ua[1] = 0u - 2u * n, ua[2] = inc, ua[3] = dec, ua[4] = uxor, ua[5] = umax;
  ua[6] = umin;
  qa[0] = (uint64_t)n * ((1ull << 32) + 1ull), qa[1] = qxor, qa[2] = qmax, qa[3] = 5ull * n;
  qa[4] = 9;
  la[0] = -(int64_t)(n - 1) * 1000003ll, la[1] = (int64_t)(n - 1) * 1000003ll;
  BF32(4)[0] = (float)n, BF32(4)[1] = -0.5f * (float)n, BF32(4)[2] = 2.5f;
  BF64(5)[0] = d0, BF64(5)[1] = 0.25 * n;
  BF16(6)[0] = ref_f32_to_f16((float)(n / 256u));
  for (size_t i = 0; i < NEL(8); i++) BU32(8)[i] = i < n / 32u ? 0xffffffffu : 0u;
  for (size_t i = 0; i < NEL(9); i++) BU32(9)[i] = i < n / 32u ? 0u : 0xffffffffu;
  for (size_t i = 0; i < NEL(10); i++) BU64(10)[i] = i < w ? ~0ull : 0ull;
  for (size_t i = 0; i < NEL(11); i++) BU64(11)[i] = i < w ? 0ull : ~0ull;
}

static void hotAdd(RefArgs *r) {
  uint32_t m = (uint32_t)NTHREADS(r) * (uint32_t)SI32(5); /* 8M: exact in float */
  BI32(0)[0] = (int32_t)m, BU32(1)[0] = 2u * m, BU64(2)[0] = (uint64_t)m << 33;
  BF32(3)[0] = (float)m, BF64(4)[0] = 0.5 * m;
}

static void contendShared(RefArgs *r) {
  int nb = (int)r->grid[0], bd = (int)r->block[0];
  uint64_t total = 0;
  for (int b = 0; b < nb; b++) {
    int32_t s[8] = {0, 0, 0, 0, 0, -1, 0, 0};
    uint32_t us[4] = {0, 0, 0, 0};
    uint64_t q[3] = {0, 0, 0};
    for (int t = 0; t < bd; t++) {
      s[0] += t + b, s[1] -= t;
      if (-t - b < s[2]) s[2] = -t - b;
      if (t + b > s[3]) s[3] = t + b;
      s[4] |= (int32_t)(1u << (t & 31)), s[5] &= ~(int32_t)(1u << (t & 31));
      s[6] ^= (int32_t)((uint32_t)t * 2654435761u), s[7] += 2;
      us[0] = us[0] >= 17u ? 0u : us[0] + 1u;
      us[1] = (us[1] == 0u || us[1] > 9u) ? 9u : us[1] - 1u;
      us[2] += 5u, us[3] = (uint32_t)b;
      q[0] += 1ull << 35;
      if ((uint64_t)(t * b) > q[1]) q[1] = (uint64_t)(t * b);
      q[2] ^= (uint64_t)t << 40;
    }
    memcpy(&BI32(0)[b * 12], s, sizeof s);
    memcpy(&BI32(0)[b * 12 + 8], us, sizeof us);
    memcpy(&BU64(1)[b * 3], q, sizeof q);
    BF32(2)[b * 2] = 0.5f * (float)bd, BF32(2)[b * 2 + 1] = 1.5f;
    BF64(3)[b] = 0.125 * bd;
    total += (uint64_t)(int64_t)s[0];
  }
  BU64(4)[0] = total;
}

const RefEntry ref_atomics_contention[] = {
    {"hotAdd", hotAdd, NULL},
    {"contendGlobal", contendGlobal, NULL},
    {"contendShared", contendShared, NULL},
    {NULL, NULL, NULL}};
