/*
 * cubin_names.c — the name under which an nvcc-built cubin holds a kernel
 * that NVRTC lowered (CUWASM_CUDA_COMPILER=nvcc).
 *
 * The kernels are named by NVRTC name expressions; nvcc has no such thing,
 * so its cubin is searched for the NVRTC name.  The two compilers mangle
 * alike except where a parameter's type is a <stdint.h> typedef of 64
 * bits: NVRTC's libcu++ says `long long` (mangled x/y), glibc on LP64 says
 * `long` (l/m), so `k(uint64_t)` is _Z1ky to NVRTC and _Z1km to nvcc.  A
 * cubin is an ELF file; its function symbols are read from the symbol
 * table, and a name missing from it is matched to the one function symbol
 * of the same length that differs only by those type codes.  Two such
 * candidates (overloads on long and long long) are left unmatched rather
 * than guessed, and the driver then says which name it could not find.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cuda_driver.h"

static uint64_t rd(const char *p, int bytes) {
  uint64_t v = 0;
  memcpy(&v, p, (size_t)bytes); /* ELF64 little-endian, as the host */
  return v;
}

/* calls fn(name, ctx) for every function symbol; false when img is not
 * a 64-bit ELF image */
static bool each_function(const char *img, size_t n, void (*fn)(const char *, void *), void *ctx) {
  if (n < 64 || memcmp(img, "\177ELF", 4) || img[4] != 2 /* ELFCLASS64 */) return false;
  uint64_t shoff = rd(img + 0x28, 8), shentsize = rd(img + 0x3a, 2), shnum = rd(img + 0x3c, 2);
  if (shentsize < 64 || shoff > n || shnum > (n - shoff) / shentsize) return false;
  for (uint64_t s = 0; s < shnum; s++) {
    const char *sh = img + shoff + s * shentsize;
    if (rd(sh + 4, 4) != 2 /* SHT_SYMTAB */) continue;
    uint64_t off = rd(sh + 0x18, 8), size = rd(sh + 0x20, 8), link = rd(sh + 0x28, 4);
    uint64_t entsize = rd(sh + 0x38, 8);
    if (link >= shnum || entsize < 24 || off > n || size > n - off) return false;
    const char *strsh = img + shoff + link * shentsize;
    uint64_t stroff = rd(strsh + 0x18, 8), strsize = rd(strsh + 0x20, 8);
    if (stroff > n || strsize > n - stroff || strsize == 0 || img[stroff + strsize - 1]) return false;
    for (uint64_t e = 0; e + entsize <= size; e += entsize) {
      const char *sym = img + off + e;
      uint64_t name = rd(sym, 4);
      if ((sym[4] & 0xf) == 2 /* STT_FUNC */ && name && name < strsize) fn(img + stroff + name, ctx);
    }
  }
  return true;
}

typedef struct Match {
  const char *want;
  const char *exact, *alike;
  int nalike;
} Match;

static bool same_width(char a, char b) {
  return a == b || (a == 'x' && b == 'l') || (a == 'l' && b == 'x') || (a == 'y' && b == 'm') ||
         (a == 'm' && b == 'y');
}

static void consider(const char *name, void *ctx) {
  Match *m = ctx;
  if (!strcmp(name, m->want)) {
    m->exact = name;
    return;
  }
  size_t len = strlen(m->want);
  if (strlen(name) != len) return;
  for (size_t i = 0; i < len; i++)
    if (!same_width(m->want[i], name[i])) return;
  m->alike = name;
  m->nalike++;
}

char *cubin_kernel_name(const char *img, size_t n, const char *nvrtc_name) {
  Match m = {.want = nvrtc_name};
  if (!each_function(img, n, consider, &m)) return NULL;
  if (m.exact) return strdup(m.exact);
  return m.nalike == 1 ? strdup(m.alike) : NULL;
}
