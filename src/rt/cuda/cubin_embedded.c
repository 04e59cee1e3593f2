/*
 * cubin_embedded.c — the table of cubins an executable carries (see
 * cubin_embedded.h).  Registration runs in static initialisers, lookups
 * at module load; a mutex covers both, the table only grows.
 */
#include <pthread.h>
#include <stdlib.h>

#include "cubin_embedded.h"

typedef struct EmbeddedCubin {
  uint64_t key;
  int sm;
  const char *image, *names;
  size_t n;
} EmbeddedCubin;

static EmbeddedCubin *table;
static int count, cap;
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

void __cuwasm_register_cubin(unsigned long long key, int sm, const char *image, size_t n,
                             const char *names) {
  pthread_mutex_lock(&lock);
  if (count == cap) {
    int nc = cap ? cap * 2 : 8;
    EmbeddedCubin *t = realloc(table, (size_t)nc * sizeof *t);
    if (t) table = t, cap = nc;
  }
  if (count < cap) table[count++] = (EmbeddedCubin){key, sm, image, names, n};
  pthread_mutex_unlock(&lock);
}

bool cubin_embedded_find(uint64_t key, int sm, const char **image, size_t *n,
                         const char **names) {
  bool found = false;
  pthread_mutex_lock(&lock);
  for (int i = 0; i < count && !found; i++)
    if (table[i].key == key && table[i].sm == sm) {
      *image = table[i].image;
      *n = table[i].n;
      *names = table[i].names;
      found = true;
    }
  pthread_mutex_unlock(&lock);
  return found;
}
