/*
 * hash.c — the 128-bit cache-key hash (see hash.h).
 *
 * Hashing word by word matters: a cache hit hashes the emitted C, tens of
 * kilobytes with the prelude, and a byte loop was a visible part of it.
 */
#include "hash.h"

#include <stdio.h>
#include <string.h>

void cw_hash_init(CwHash *h) {
  h->h[0] = 0xcbf29ce484222325ull;
  h->h[1] = 0x84222325cbf29ce4ull;
}

static void mix(CwHash *h, uint64_t w) {
  h->h[0] = (h->h[0] ^ w) * 0x9e3779b97f4a7c15ull;
  h->h[0] ^= h->h[0] >> 29;
  h->h[1] = (h->h[1] ^ w) * 0xff51afd7ed558ccdull;
  h->h[1] ^= h->h[1] >> 32;
}

void cw_hash_bytes(CwHash *h, const void *p, size_t n) {
  const unsigned char *s = p;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    mix(h, w);
  }
  uint64_t w = n;
  for (; i < n; i++) w = (w << 8) ^ s[i];
  mix(h, w);
}

void cw_hash_str(CwHash *h, const char *s) {
  if (!s) {
    cw_hash_u64(h, 0x6e756c6cull); /* "null" */
    s = "";
  }
  cw_hash_bytes(h, s, strlen(s) + 1);
}

void cw_hash_u64(CwHash *h, uint64_t v) { cw_hash_bytes(h, &v, sizeof v); }

void cw_hash_hex(const CwHash *h, char out[33]) {
  snprintf(out, 33, "%016llx%016llx", (unsigned long long)h->h[0],
           (unsigned long long)h->h[1]);
}

int cw_file_name_key(const char *path, size_t n) {
  size_t b = n;
  while (b > 0 && path[b - 1] != '/' && path[b - 1] != '\\') b--;
  CwHash h;
  cw_hash_init(&h);
  cw_hash_bytes(&h, path + b, n - b);
  return (int)(h.h[0] & 0x7fffffff);
}
