/*
 * hash.h — a fast 128-bit non-cryptographic hash for cache keys (the CPU
 * JIT's object cache and its front-end manifests): two 64-bit
 * multiply-xorshift lanes over 8-byte words.  Not for adversarial input:
 * the cache is private to the user, so collisions only need to be
 * improbable, not hard to construct.
 */
#ifndef CW_BASE_HASH_H
#define CW_BASE_HASH_H

#include <stddef.h>
#include <stdint.h>

typedef struct CwHash {
  uint64_t h[2];
} CwHash;

void cw_hash_init(CwHash *h);
/* Adds n bytes; the length is mixed in, so "ab"+"c" differs from "a"+"bc". */
void cw_hash_bytes(CwHash *h, const void *p, size_t n);
/* Adds a NUL-terminated string with its terminator (NULL counts as ""
 * preceded by a marker, so it differs from ""). */
void cw_hash_str(CwHash *h, const char *s);
void cw_hash_u64(CwHash *h, uint64_t v);
/* 32 lowercase hex digits and a NUL. */
void cw_hash_hex(const CwHash *h, char out[33]);

/* A 31-bit key of the file name (after the last '/') of path[0, n): the
 * host pass (src/cc/rewrite.c) and the device pass
 * (src/front/parse_host_lambda.c) both name an extended lambda's closure
 * with it, so they must agree however each spells the path. */
int cw_file_name_key(const char *path, size_t n);

#endif
