/*
 * file.c — whole files in and out, for the caches of the backends (CUDA
 * cubins, SPIR-V and Vulkan pipeline caches) and the tools they run.
 *
 * Writes go to a temporary name beside the target and are renamed over
 * it, so a concurrent reader (another process sharing the cache) sees the
 * old file or the new one, never half of one.
 */
#include "base.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

char *cw_read_file(const char *path, size_t *size) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *buf = n >= 0 ? malloc((size_t)n + 1) : NULL;
  if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
    free(buf);
    buf = NULL;
  }
  fclose(f);
  if (buf) buf[n] = 0;
  if (size) *size = buf ? (size_t)n : 0;
  return buf;
}

bool cw_write_file_atomic(const char *path, const void *data, size_t n) {
  char tmp[4200];
  snprintf(tmp, sizeof tmp, "%s.%d.tmp", path, (int)getpid());
  FILE *f = fopen(tmp, "wb");
  if (!f) return false;
  bool ok = fwrite(data, 1, n, f) == n;
  if (fclose(f) != 0 || !ok || rename(tmp, path) != 0) {
    unlink(tmp);
    return false;
  }
  return true;
}
