/*
 * wasm_enc.c — byte-level writing of WebAssembly binaries (see
 * wasm_enc.h): LEB128, little-endian constants, names and sections.
 */
#include "wasm_enc.h"

#include <stdlib.h>
#include <string.h>

void wb_free(WBuf *b) {
  free(b->p);
  memset(b, 0, sizeof *b);
}

static bool reserve(WBuf *b, size_t n) {
  if (b->failed) return false;
  if (b->len + n <= b->cap) return true;
  size_t cap = b->cap ? b->cap : 256;
  while (cap < b->len + n) cap *= 2;
  unsigned char *p = realloc(b->p, cap);
  if (!p) {
    b->failed = true;
    return false;
  }
  b->p = p;
  b->cap = cap;
  return true;
}

void wb_bytes(WBuf *b, const void *p, size_t n) {
  if (!n || !reserve(b, n)) return;
  memcpy(b->p + b->len, p, n);
  b->len += n;
}

void wb_byte(WBuf *b, unsigned v) {
  unsigned char c = (unsigned char)v;
  wb_bytes(b, &c, 1);
}

void wb_u32(WBuf *b, uint64_t v) {
  do {
    unsigned c = v & 0x7f;
    v >>= 7;
    wb_byte(b, v ? c | 0x80 : c);
  } while (v);
}

void wb_s64(WBuf *b, int64_t v) {
  for (;;) {
    unsigned c = (unsigned)(v & 0x7f);
    v >>= 7; /* arithmetic shift: implementation-defined in C, but every target of ours */
    bool done = (v == 0 && !(c & 0x40)) || (v == -1 && (c & 0x40));
    wb_byte(b, done ? c : c | 0x80);
    if (done) return;
  }
}

void wb_f32(WBuf *b, float v) {
  uint32_t u;
  memcpy(&u, &v, 4);
  for (int i = 0; i < 4; i++) wb_byte(b, (u >> (8 * i)) & 0xff);
}

void wb_f64(WBuf *b, double v) {
  uint64_t u;
  memcpy(&u, &v, 8);
  for (int i = 0; i < 8; i++) wb_byte(b, (unsigned)(u >> (8 * i)) & 0xff);
}

void wb_name(WBuf *b, const char *s) {
  size_t n = strlen(s);
  wb_u32(b, n);
  wb_bytes(b, s, n);
}

void wb_append(WBuf *b, const WBuf *src) {
  if (src->failed) b->failed = true;
  wb_bytes(b, src->p, src->len);
}

void wb_section(WBuf *b, unsigned id, const WBuf *src) {
  wb_byte(b, id);
  wb_u32(b, src->len);
  wb_append(b, src);
}

void wb_mem(WBuf *b, unsigned op, uint32_t offset) {
  wb_byte(b, op);
  wb_u32(b, 0);
  wb_u32(b, offset);
}

void wb_atomic(WBuf *b, unsigned sub, unsigned align_log2) {
  wb_byte(b, OP_PREFIX_FE);
  wb_u32(b, sub);
  wb_u32(b, align_log2);
  wb_u32(b, 0);
}
