/*
 * srcloc.c — the process-wide ids that let a SrcLoc name its file in 18
 * bits instead of a pointer, which makes every token and KIR node 8 bytes
 * smaller (a million-line input has eleven million tokens and seven
 * million expressions).
 *
 * A SrcFile gets an id when it is made (srcfile_register, from the lexer's
 * srcfile_new and the preprocessor's #line aliases); the arena it lives in
 * records the id and hands it back when freed, so ids are reused and a
 * long-running process does not run out.  The table is two-level with
 * chunks that are never moved or freed: a lookup reads two pointers
 * without a lock (the id was published, under the lock, before any SrcLoc
 * carrying it existed); registering and handing back take the lock.
 * Once every id is in use, a new file gets 0 (its locations name no file)
 * rather than failing the compilation.
 */
#include <pthread.h>
#include <stdlib.h>

#include "base.h"

enum {
  CHUNK_BITS = 12,
  CHUNK = 1 << CHUNK_BITS,
  MAX_IDS = 1 << (32 - SRCLOC_COL_BITS),
  NCHUNKS = MAX_IDS / CHUNK,
};

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static SrcFile **chunks[NCHUNKS];
static uint32_t next_id = 1; /* 0 is "no file" */
static uint32_t *free_ids;   /* handed back, for reuse */
static int nfree, free_cap;

static uint32_t take_id(SrcFile *f) {
  uint32_t id = 0;
  if (nfree) id = free_ids[--nfree];
  else if (next_id < MAX_IDS) id = next_id++;
  if (!id) return 0;
  SrcFile **c = chunks[id >> CHUNK_BITS];
  if (!c) {
    c = calloc(CHUNK, sizeof *c);
    if (!c) return 0; /* that id is lost */
    chunks[id >> CHUNK_BITS] = c;
  }
  c[id & (CHUNK - 1)] = f;
  return id;
}

void srcfile_register(Arena *a, SrcFile *f) {
  if (a->nsrc_ids == a->src_ids_cap) {
    int nc = a->src_ids_cap ? a->src_ids_cap * 2 : 16;
    uint32_t *n = realloc(a->src_ids, sizeof *n * (size_t)nc);
    if (!n) {
      f->loc_id = 0;
      return;
    }
    a->src_ids = n;
    a->src_ids_cap = nc;
  }
  pthread_mutex_lock(&lock);
  uint32_t id = take_id(f);
  pthread_mutex_unlock(&lock);
  f->loc_id = id;
  if (id) a->src_ids[a->nsrc_ids++] = id;
}

SrcFile *srcloc_file(SrcLoc loc) {
  if (!loc.file_id) return NULL;
  return chunks[loc.file_id >> CHUNK_BITS][loc.file_id & (CHUNK - 1)];
}

/* arena_free's part: the arena's ids go back to the free list */
void srcfile_release_ids(Arena *a) {
  if (!a->nsrc_ids) return;
  pthread_mutex_lock(&lock);
  if (nfree + a->nsrc_ids > free_cap) {
    int nc = free_cap ? free_cap : 64;
    while (nc < nfree + a->nsrc_ids) nc *= 2;
    uint32_t *n = realloc(free_ids, sizeof *n * (size_t)nc);
    if (n) {
      free_ids = n;
      free_cap = nc;
    }
  }
  for (int i = 0; i < a->nsrc_ids; i++) {
    uint32_t id = a->src_ids[i];
    chunks[id >> CHUNK_BITS][id & (CHUNK - 1)] = NULL;
    if (nfree < free_cap) free_ids[nfree++] = id; /* else: that id is lost */
  }
  pthread_mutex_unlock(&lock);
}
