/*
 * jit_manifest.c — the JIT cache's first level: from a translation's key
 * (CUDA source + options, rt/module_cache.c; + compiler, flags and the
 * library's identity, jit.c) to the cached object, without running the
 * front end.
 *
 * A manifest <key>.m in the cache folder is a small text file:
 *
 *   cuwasm-jit-manifest 1
 *   key <the manifest's own key>
 *   so <key of the object, <so>.so beside it>
 *   r <size> <mtime_ns> <ctime_ns> <ino> <dev> <racy> <text hash> <path>
 *   a <path>                      looked for, absent
 *   e <path>                      only its existence was tested
 *   end <hash of every byte above>
 *
 * An `r` file matches when stat() gives the same size, times, inode and
 * device.  A file changed within the file system's timestamp granularity
 * of the recording could keep all of those, so entries whose times were
 * under RACY_NS old when recorded are marked racy and also have their
 * text hashed again on every check (as git does for racily clean files).
 * Anything unexpected — a missing or truncated manifest, a bad checksum,
 * a key that is not its own, an unknown line — is a miss: the caller
 * compiles as if there were no manifest and writes a new one.  Manifests
 * are written under a unique temporary name and renamed into place, so
 * concurrent writers never leave a half-written one.
 */
#include "cpu_internal.h"

#include "base/base.h"
#include "base/hash.h"

#include <errno.h>
#include <fcntl.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MANIFEST_MAGIC "cuwasm-jit-manifest 1"
enum { MAX_MANIFEST = 1 << 20 };
static const int64_t RACY_NS = 2000000000; /* above any file system's granularity */

static void manifest_path(char *buf, size_t n, const char *dir, const char *mkey) {
  snprintf(buf, n, "%s/%s.m", dir, mkey);
}

/* Reads all of an open file of known size; false on a short read. */
static bool read_all(int fd, char *buf, size_t n) {
  size_t off = 0;
  while (off < n) {
    ssize_t r = read(fd, buf + off, n - off);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return false;
    off += (size_t)r;
  }
  return true;
}

/* The text of `path` still hashes to h (a racy entry of `size` bytes). */
static bool same_text(const char *path, uint64_t size, const uint64_t h[2]) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char *buf = size ? malloc(size) : NULL;
  bool ok = (!size || buf) && read_all(fd, buf, size);
  char extra;
  if (ok) ok = read(fd, &extra, 1) == 0; /* grew since the stat */
  close(fd);
  if (ok) {
    CwHash x;
    cw_hash_init(&x);
    cw_hash_bytes(&x, buf, size);
    ok = x.h[0] == h[0] && x.h[1] == h[1];
  }
  free(buf);
  return ok;
}

static int64_t ns_of(struct timespec t) { return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec; }

/* One `r` line after its letter: the file must be as recorded. */
static bool check_read(char *s) {
  unsigned long long size, ino, dev;
  long long mt, ct;
  int racy, pos = 0;
  char hex[33];
  if (sscanf(s, " %llu %lld %lld %llu %llu %d %32[0-9a-f] %n", &size, &mt, &ct, &ino, &dev,
             &racy, hex, &pos) != 7 || pos == 0 || strlen(hex) != 32)
    return false;
  const char *path = s + pos;
  struct stat st;
  if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) || (uint64_t)st.st_size != size ||
      (uint64_t)st.st_ino != ino || (uint64_t)st.st_dev != dev ||
      ns_of(st.st_mtim) != mt || ns_of(st.st_ctim) != ct)
    return false;
  if (!racy) return true;
  uint64_t h[2];
  char half[17];
  memcpy(half, hex, 16), half[16] = 0;
  h[0] = strtoull(half, NULL, 16);
  memcpy(half, hex + 16, 16);
  h[1] = strtoull(half, NULL, 16);
  return same_text(path, size, h);
}

static bool is_hex32(const char *s) {
  for (int i = 0; i < 32; i++)
    if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f'))) return false;
  return s[32] == 0;
}

bool cpu_manifest_check(const char *dir, const char *mkey, char so_key[33]) {
  char path[4200];
  manifest_path(path, sizeof path, dir, mkey);
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st;
  char *buf = NULL;
  bool ok = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
            st.st_size < MAX_MANIFEST && (buf = malloc((size_t)st.st_size + 1)) &&
            read_all(fd, buf, (size_t)st.st_size);
  close(fd);
  if (!ok) {
    free(buf);
    return false;
  }
  size_t n = (size_t)st.st_size;
  buf[n] = 0;
  /* trailer: "end <hash of all before it>\n" */
  char *end = n >= 38 ? buf + n - 37 : NULL; /* "end " + 32 + "\n" */
  ok = end && buf[n - 1] == '\n' && (end == buf || end[-1] == '\n') && !strncmp(end, "end ", 4);
  if (ok) {
    CwHash h;
    cw_hash_init(&h);
    cw_hash_bytes(&h, buf, (size_t)(end - buf));
    char hex[33];
    cw_hash_hex(&h, hex);
    ok = !memcmp(end + 4, hex, 32);
    *end = 0;
  }
  /* lines */
  int line = 0;
  bool have_so = false;
  for (char *s = buf, *nl; ok && *s; s = nl + 1, line++) {
    nl = strchr(s, '\n');
    if (!nl) {
      ok = false;
      break;
    }
    *nl = 0;
    if (line == 0) ok = !strcmp(s, MANIFEST_MAGIC);
    else if (line == 1) ok = !strncmp(s, "key ", 4) && !strcmp(s + 4, mkey);
    else if (line == 2) {
      ok = !strncmp(s, "so ", 3) && is_hex32(s + 3);
      if (ok) memcpy(so_key, s + 3, 33), have_so = true;
    } else if (s[0] == 'r' && s[1] == ' ') ok = check_read(s + 1);
    else if (s[0] == 'a' && s[1] == ' ') ok = access(s + 2, F_OK) != 0;
    else if (s[0] == 'e' && s[1] == ' ') ok = access(s + 2, F_OK) == 0;
    else ok = false;
  }
  free(buf);
  return ok && have_so;
}

void cpu_manifest_write(const char *dir, const char *mkey, const char *so_key,
                        const CwInputs *in) {
  if (in->unusable) return;
  struct timespec now;
  clock_gettime(CLOCK_REALTIME, &now);
  int64_t racy_after = ns_of(now) - RACY_NS;
  StrBuf sb;
  sb_init(&sb);
  sb_printf(&sb, "%s\nkey %s\nso %s\n", MANIFEST_MAGIC, mkey, so_key);
  for (int i = 0; i < in->n; i++) {
    const CwInput *e = &in->v[i];
    if (strchr(e->path, '\n') || !e->path[0]) {
      sb_free(&sb);
      return;
    }
    if (e->kind == CW_INPUT_READ) {
      int racy = e->mtime_ns >= racy_after || e->ctime_ns >= racy_after;
      sb_printf(&sb, "r %llu %lld %lld %llu %llu %d %016llx%016llx %s\n",
                (unsigned long long)e->size, (long long)e->mtime_ns, (long long)e->ctime_ns,
                (unsigned long long)e->ino, (unsigned long long)e->dev, racy,
                (unsigned long long)e->hash[0], (unsigned long long)e->hash[1], e->path);
    } else {
      sb_printf(&sb, "%c %s\n", e->kind == CW_INPUT_ABSENT ? 'a' : 'e', e->path);
    }
  }
  if (sb.failed) {
    sb_free(&sb);
    return;
  }
  CwHash h;
  cw_hash_init(&h);
  cw_hash_bytes(&h, sb.data, sb.len);
  char hex[33];
  cw_hash_hex(&h, hex);
  sb_printf(&sb, "end %s\n", hex);
  static atomic_uint seq;
  char tmp[4300], final[4200];
  snprintf(tmp, sizeof tmp, "%s/%s.%d.%u.tmp.m", dir, mkey, (int)getpid(),
           atomic_fetch_add(&seq, 1));
  manifest_path(final, sizeof final, dir, mkey);
  int fd = sb.failed ? -1 : open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd >= 0) {
    size_t off = 0;
    while (off < sb.len) {
      ssize_t w = write(fd, sb.data + off, sb.len - off);
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) break;
      off += (size_t)w;
    }
    bool ok = close(fd) == 0 && off == sb.len;
    if (!ok || rename(tmp, final) != 0) unlink(tmp);
  }
  sb_free(&sb);
}
