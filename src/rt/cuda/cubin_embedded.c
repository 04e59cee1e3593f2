/*
 * cubin_embedded.c — the table of cubins and PTX an executable carries
 * (see cubin_embedded.h).  Registration runs in static initialisers,
 * lookups at module load; a mutex covers both, the table only grows.
 */
#include <pthread.h>
#include <stdlib.h>

#include "cubin_embedded.h"
#include "nvrtc_build.h"

typedef struct EmbeddedImage {
  uint64_t key;
  int arch;
  bool ptx;
  const char *image, *names;
  size_t n;
} EmbeddedImage;

static EmbeddedImage *table;
static int count, cap;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static void add(uint64_t key, int arch, bool ptx, const char *image, size_t n,
                const char *names) {
  pthread_mutex_lock(&lock);
  if (count == cap) {
    int nc = cap ? cap * 2 : 8;
    EmbeddedImage *t = realloc(table, (size_t)nc * sizeof *t);
    if (t) table = t, cap = nc;
  }
  if (count < cap) table[count++] = (EmbeddedImage){key, arch, ptx, image, names, n};
  pthread_mutex_unlock(&lock);
}

void __cuwasm_register_cubin(unsigned long long key, int sm, const char *image, size_t n,
                             const char *names) {
  add(key, sm, false, image, n, names);
}

void __cuwasm_register_ptx(unsigned long long key, int cc, const char *image, size_t n,
                           const char *names) {
  add(key, cc, true, image, n, names);
}

bool cubin_embedded_find(uint64_t key, int arch, bool ptx, const char **image, size_t *n,
                         const char **names) {
  bool found = false;
  pthread_mutex_lock(&lock);
  for (int i = 0; i < count && !found; i++)
    if (table[i].key == key && table[i].arch == arch && table[i].ptx == ptx) {
      *image = table[i].image;
      *n = table[i].n;
      *names = table[i].names;
      found = true;
    }
  pthread_mutex_unlock(&lock);
  return found;
}

int cubin_embedded_archs(bool ptx, int lo, int hi, int *archs, int cap_out) {
  int k = 0;
  pthread_mutex_lock(&lock);
  for (int i = 0; i < count; i++) {
    if (table[i].ptx != ptx || table[i].arch < lo || table[i].arch > hi) continue;
    bool seen = false;
    for (int j = 0; j < k && !seen; j++) seen = archs[j] == table[i].arch;
    if (seen || k == cap_out) continue;
    int at = k++; /* insertion: the newest first */
    while (at > 0 && archs[at - 1] < table[i].arch) archs[at] = archs[at - 1], at--;
    archs[at] = table[i].arch;
  }
  pthread_mutex_unlock(&lock);
  return k;
}

bool cubin_embedded_find_newest(const NvrtcInputs *in, bool ptx, int lo, int hi, int *arch,
                                const char **image, size_t *n, const char **names) {
  int archs[32];
  int k = cubin_embedded_archs(ptx, lo, hi, archs, 32);
  for (int i = 0; i < k; i++) {
    char opt[48];
    nvrtc_arch_option(opt, sizeof opt, archs[i], ptx);
    uint64_t key = nvrtc_content_key(in->src, opt, &in->nm, in->opts, in->nopts);
    if (cubin_embedded_find(key, archs[i], ptx, image, n, names)) {
      *arch = archs[i];
      return true;
    }
  }
  return false;
}
