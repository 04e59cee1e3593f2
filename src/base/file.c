/*
 * file.c — whole files in and out, for the caches of the backends (CUDA
 * cubins, SPIR-V and Vulkan pipeline caches) and the tools they run.
 *
 * Reads take the file in chunks, so pipes and /dev/stdin work too.
 * Writes go to a temporary name beside the target and are renamed over
 * it, so a concurrent reader (another process sharing the cache) sees the
 * old file or the new one, never half of one.
 */
#include "base.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

char *cw_read_file(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0; /* read in chunks: pipes have no size */
  char *b = malloc(cap);
  while (b) {
    n += fread(b + n, 1, cap - n - 1, f);
    if (n + 1 < cap) break;
    cap *= 2;
    char *nb = realloc(b, cap);
    if (!nb) free(b);
    b = nb;
  }
  bool failed = ferror(f);
  fclose(f);
  if (b && failed) {
    free(b);
    b = NULL;
  }
  if (b) b[n] = 0;
  if (size) *size = b ? n : 0;
  return b;
}

long cw_read_long_file(const char *path) {
  FILE *f = fopen(path, "r");
  long v = 0;
  if (f) {
    if (fscanf(f, "%ld", &v) != 1) v = 0;
    fclose(f);
  }
  return v;
}

bool cw_write_file_atomic(const char *path, const void *data, size_t n) {
  static atomic_uint seq; /* threads of one process write apart too */
  char tmp[4200];
  snprintf(tmp, sizeof tmp, "%s.%d.%u.tmp", path, (int)getpid(), atomic_fetch_add(&seq, 1));
  FILE *f = fopen(tmp, "wb");
  if (!f) return false;
  bool ok = fwrite(data, 1, n, f) == n;
  if (fclose(f) != 0 || !ok || rename(tmp, path) != 0) {
    unlink(tmp);
    return false;
  }
  return true;
}
