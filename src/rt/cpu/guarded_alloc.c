/*
 * guarded_alloc.c — device memory that makes overruns fault.
 *
 * A kernel that indexes past its buffer on a GPU gets
 * cudaErrorIllegalAddress; on a CPU with malloc'd buffers the same store
 * lands in the host's heap and corrupts it silently.  Every device
 * allocation is therefore its own mapping: readable pages for the data,
 * placed so that the data ends at the end of its last page (256-byte
 * granularity, CUDA's allocation alignment), between two inaccessible
 * reservations.  The one above is large (at least 8 MiB, twice the data
 * for big buffers) because typical bugs overrun by a multiple of the
 * buffer's size, not by a few bytes; reserving address space without
 * access costs no memory.  Fault handling (fault.c) turns the resulting
 * SIGSEGV into the launch's error, and cpu_guard_describe names the
 * allocation nearest to the faulting address for the message.
 *
 * With initcheck on, an allocation also gets a shadow map, one byte per
 * byte, zero until something writes it, and with racecheck on a record
 * per 4-byte word of the last accesses (rt/cpu/check.c).
 *
 * Buffers of STAGGER_ABOVE bytes or more end STAGGER_STEP bytes more
 * before their page's end than the one allocated before them (cycling
 * through the 16 multiples of 256 below 4 KiB), so that two of them do not
 * start at the same offset within a page.  Where they all did, a row
 * stored to one and the next row loaded from another (a 2-D stencil over
 * rows of 8 KiB) had the same low twelve address bits, which the CPU takes
 * for a dependence on the store until it completes ("4K aliasing"): the
 * stencil of bench_cpu ran 1.4-1.8 ms instead of 2.1-2.4 on one thread
 * once they differed (bench/README.md).  An overrun of such a buffer by
 * less than its stagger then lands in its own mapping without faulting,
 * as one inside a GPU's 2 MiB page does; memcheck still names it.
 *
 * A table maps each data pointer to its mapping (open addressing).  When
 * the mapping cannot be made (address-space or map-count limits), the
 * allocation falls back to plain aligned memory, unguarded.
 */
#include "cpu_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

enum { GUARD_ALIGN = 256, STAGGER_STEP = 5 * GUARD_ALIGN, STAGGER_ABOVE = 64 << 10 };
static const size_t GUARD_LOW = (size_t)64 << 10, GUARD_HIGH_MIN = (size_t)8 << 20;

static size_t page_size(void) {
  long p = sysconf(_SC_PAGESIZE);
  return p > 0 ? (size_t)p : 4096;
}

static size_t round_up(size_t n, size_t a) { return (n + a - 1) / a * a; }

static size_t slot_hash(const void *p, size_t cap) {
  uint64_t x = (uint64_t)(uintptr_t)p;
  x ^= x >> 33;
  x *= 0xff51afd7ed558ccdull;
  x ^= x >> 29;
  return (size_t)x & (cap - 1);
}

static bool table_grow(CpuAllocTable *t) {
  size_t cap = t->cap ? t->cap * 2 : 64;
  CpuGuarded *s = calloc(cap, sizeof *s);
  if (!s) return false;
  for (size_t i = 0; i < t->cap; i++) {
    if (!t->slots[i].data) continue;
    size_t h = slot_hash(t->slots[i].data, cap);
    while (s[h].data) h = (h + 1) & (cap - 1);
    s[h] = t->slots[i];
  }
  free(t->slots);
  t->slots = s;
  t->cap = cap;
  return true;
}

static bool table_put(CpuAllocTable *t, CpuGuarded g) {
  if ((t->used + 1) * 2 > t->cap && !table_grow(t)) return false;
  size_t h = slot_hash(g.data, t->cap);
  while (t->slots[h].data) h = (h + 1) & (t->cap - 1);
  t->slots[h] = g;
  t->used++;
  return true;
}

/* Removes p's entry (backward-shift deletion); false when p is not ours. */
static bool table_take(CpuAllocTable *t, void *p, CpuGuarded *out) {
  if (!t->cap) return false;
  size_t h = slot_hash(p, t->cap);
  while (t->slots[h].data && t->slots[h].data != p) h = (h + 1) & (t->cap - 1);
  if (!t->slots[h].data) return false;
  *out = t->slots[h];
  t->slots[h] = (CpuGuarded){0};
  t->used--;
  for (size_t j = (h + 1) & (t->cap - 1); t->slots[j].data; j = (j + 1) & (t->cap - 1)) {
    CpuGuarded g = t->slots[j];
    t->slots[j] = (CpuGuarded){0};
    size_t k = slot_hash(g.data, t->cap);
    while (t->slots[k].data) k = (k + 1) & (t->cap - 1);
    t->slots[k] = g;
  }
  return true;
}

/* The bytes a buffer of n bytes ends before its last page's end (see the
 * head of the file). */
static size_t stagger(size_t n) {
  static unsigned next;
  if (n < STAGGER_ABOVE) return 0;
  unsigned k = __atomic_fetch_add(&next, 1u, __ATOMIC_RELAXED);
  return (size_t)k * STAGGER_STEP % 4096;
}

static void *map_guarded(size_t n, CpuGuarded *g) {
  size_t page = page_size(), data = round_up(n ? n : 1, GUARD_ALIGN), pad = stagger(n);
  size_t pages = round_up(data + pad, page), high = pages * 2 > GUARD_HIGH_MIN ? pages * 2 : GUARD_HIGH_MIN;
  size_t total = GUARD_LOW + pages + high;
  unsigned char *base = mmap(NULL, total, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                             -1, 0);
  if (base == MAP_FAILED) return NULL;
  if (mprotect(base + GUARD_LOW, pages, PROT_READ | PROT_WRITE) != 0) {
    munmap(base, total);
    return NULL;
  }
  *g = (CpuGuarded){.base = base, .total = total, .data = base + GUARD_LOW + pages - pad - data,
                    .size = n};
  return g->data;
}

void *cpu_guard_alloc(CpuAllocTable *t, size_t n, bool shadow, size_t race_bytes_per_word) {
  CpuGuarded g;
  void *p = map_guarded(n, &g);
  if (p) {
    if ((shadow && !(g.init = calloc(n ? n : 1, 1))) ||
        (race_bytes_per_word && !(g.race = calloc((n + 3) / 4 + 1, race_bytes_per_word)))) {
      munmap(g.base, g.total);
      free(g.init);
      return NULL;
    }
    pthread_mutex_lock(&t->mu);
    bool ok = table_put(t, g);
    pthread_mutex_unlock(&t->mu);
    if (ok) return p;
    munmap(g.base, g.total);
    free(g.init);
    free(g.race);
  }
  if (posix_memalign(&p, GUARD_ALIGN, n ? n : 1)) return NULL;
  return p;
}

size_t cpu_guard_free(CpuAllocTable *t, void *p) {
  if (!p) return 0;
  CpuGuarded g;
  pthread_mutex_lock(&t->mu);
  bool ours = table_take(t, p, &g);
  pthread_mutex_unlock(&t->mu);
  if (!ours) {
    free(p);
    return 0;
  }
  munmap(g.base, g.total);
  free(g.init);
  free(g.race);
  return g.size;
}

unsigned char *cpu_guard_shadow(CpuAllocTable *t, const void *p, size_t n) {
  const unsigned char *b = p;
  unsigned char *s = NULL;
  pthread_mutex_lock(&t->mu);
  for (size_t i = 0; i < t->cap && !s; i++) {
    const CpuGuarded *g = &t->slots[i];
    if (g->data && g->init && b >= g->data && b + n <= g->data + g->size)
      s = g->init + (b - g->data);
  }
  pthread_mutex_unlock(&t->mu);
  return s;
}

void cpu_guard_each(CpuAllocTable *t, void (*fn)(void *arg, const CpuGuarded *g), void *arg) {
  pthread_mutex_lock(&t->mu);
  for (size_t i = 0; i < t->cap; i++)
    if (t->slots[i].data) fn(arg, &t->slots[i]);
  pthread_mutex_unlock(&t->mu);
}

/* "N bytes after the end of a K-byte allocation at P", for the nearest
 * allocation whose guard region holds addr; "" when none does. */
void cpu_guard_describe(CpuAllocTable *t, const void *addr, char *buf, size_t n) {
  const unsigned char *a = addr;
  buf[0] = 0;
  pthread_mutex_lock(&t->mu);
  for (size_t i = 0; i < t->cap; i++) {
    const CpuGuarded *g = &t->slots[i];
    if (!g->data || a < g->base || a >= g->base + g->total) continue;
    if (a < g->data)
      snprintf(buf, n, ", %zu bytes before a %zu-byte device allocation at %p",
               (size_t)(g->data - a), g->size, (void *)g->data);
    else
      snprintf(buf, n, ", %zu bytes after the end of a %zu-byte device allocation at %p",
               (size_t)(a - (g->data + g->size)), g->size, (void *)g->data);
    break;
  }
  pthread_mutex_unlock(&t->mu);
}

void cpu_guard_table_destroy(CpuAllocTable *t) {
  for (size_t i = 0; i < t->cap; i++)
    if (t->slots[i].data) {
      munmap(t->slots[i].base, t->slots[i].total);
      free(t->slots[i].init);
      free(t->slots[i].race);
    }
  free(t->slots);
  pthread_mutex_destroy(&t->mu);
  *t = (CpuAllocTable){0};
}
