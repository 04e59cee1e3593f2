/*
 * jit.c — emitted C to loaded machine code, cached on disk.
 *
 * The system C compiler (`cc`, or CUWASM_CC, which may carry flags) builds
 * a shared object with -O3 -march=native -fno-math-errno (device math sets
 * no errno; without it sqrtf keeps a branch that stops vectorisation);
 * signed overflow stays undefined, as nvcc treats it, so index arithmetic
 * is affine for the vectoriser; loops are aligned to 32 bytes (short
 * per-thread loops otherwise run up to a third slower depending on where
 * they land), plus SLEEF's vector math when installed (find_sleef);
 * dlopen loads it.  With glibc the link skips the C start files and the
 * libc.so and libm.so linker scripts (-nostdlib, then libm.so.6, libc.so.6
 * and libgcc by name: 13 ms instead of 18 for jit100.cu).  Leaving
 * libc.so.6 out would save 6 ms more, but its functions would then bind
 * to their oldest versions (memcpy to glibc 2.2.5's compatibility copy).
 *
 * The kernels' exact copies (blocks past blockIdx.x 2^21, c_prelude.c)
 * are a fifth of the compile; modules without state of their own leave
 * them out (-DCW_LAZY_EXACT) and cpu_jit_load_exact builds them, from the
 * cached C, in a second object when a launch first needs them.  Objects are
 * cached under $XDG_CACHE_HOME/cuwasm (default ~/.cache/cuwasm, created
 * mode 0700, private to the user) by a 128-bit hash of source, compiler
 * and flags, so a second run skips the compiler.  A new object (and its C
 * source) is written under a temporary name and renamed into place, so
 * concurrent processes and threads never read a half-written file.
 *
 * A first level, keyed by the CUDA translation instead of the C
 * (rt/module_cache.c), maps to the object through a manifest of the
 * translation's input files (jit_manifest.c), so a hit skips the front end
 * too; its key adds the compiler, flags and this library binary's
 * identity (a rebuilt cuwasm may emit other C for the same source).
 *
 * The compiler runs through fork/execvp (no shell: paths may hold spaces);
 * its stderr goes to a file whose head becomes the error message.  Without
 * a working compiler, libtcc (if installed) compiles in memory instead.
 */
#define _GNU_SOURCE /* dladdr */
#include "cpu_internal.h"

#include "base/base.h"
#include "base/hash.h"

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *const jit_flags[] = {"-O3", "-march=native", "-fPIC", "-shared",
                                        "-fno-strict-aliasing", "-fno-math-errno",
                                        "-falign-loops=32", "-DCW_LAZY_EXACT", NULL};

/* The libraries after the object (SLEEF's comes first, see find_sleef). */
#ifdef __GLIBC__
static const char *const link_libs[] = {"-nostdlib", "-l:libm.so.6", "-l:libc.so.6", "-lgcc",
                                        NULL};
#else
static const char *const link_libs[] = {"-lm", NULL};
#endif

/* What the second object, of exact copies only, adds to jit_flags. */
#define EXACT_ONLY_FLAG "-DCW_EXACT_ONLY"

/* SLEEF's GNU-ABI vector math (Debian: libsleef3), when installed: the
 * generated C declares the math functions `simd` and links it.
 * CUWASM_NO_SLEEF=1 turns it off. */
static const char *sleef_flags[3];
static pthread_once_t sleef_once = PTHREAD_ONCE_INIT;

static void find_sleef(void) {
  const char *off = getenv("CUWASM_NO_SLEEF");
  if (off && *off && strcmp(off, "0") != 0) return;
  void *h = dlopen("libsleefgnuabi.so.3", RTLD_LAZY | RTLD_LOCAL);
  if (!h) return;
  dlclose(h);
  sleef_flags[0] = "-DCW_SLEEF_GNUABI";
  sleef_flags[1] = "-l:libsleefgnuabi.so.3";
}

static void hash_flags(CwHash *h) {
  pthread_once(&sleef_once, find_sleef);
  for (int i = 0; jit_flags[i]; i++) cw_hash_str(h, jit_flags[i]);
  for (int i = 0; sleef_flags[i]; i++) cw_hash_str(h, sleef_flags[i]);
  for (int i = 0; link_libs[i]; i++) cw_hash_str(h, link_libs[i]);
}

static void cache_key(const char *src, const char *cc, char out[33]) {
  CwHash h;
  cw_hash_init(&h);
  const char *parts[3] = {src, cc, "v3"};
  for (int i = 0; i < 3; i++) cw_hash_str(&h, parts[i]);
  hash_flags(&h);
  cw_hash_hex(&h, out);
}

/* The identity of the binary holding this code (path, size, times,
 * inode), once per process: a rebuilt cuwasm may translate the same
 * source differently, so manifests of another build must not match.
 * Empty when it cannot be known; manifests are then not used. */
static char self_id[4400];
static pthread_once_t self_once = PTHREAD_ONCE_INIT;

static void find_self(void) {
  Dl_info info;
  struct stat st;
  const char *path = NULL;
  if (dladdr((void *)(uintptr_t)cpu_jit_load, &info) && info.dli_fname &&
      info.dli_fname[0] == '/' && stat(info.dli_fname, &st) == 0)
    path = info.dli_fname;
  else if (stat("/proc/self/exe", &st) == 0)
    path = "/proc/self/exe";
  if (!path) return;
  snprintf(self_id, sizeof self_id, "%s %lld %lld.%ld %lld.%ld %llu", path,
           (long long)st.st_size, (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec,
           (long long)st.st_ctim.tv_sec, st.st_ctim.tv_nsec, (unsigned long long)st.st_ino);
}

/* The manifest's name: the translation key with all that jit.c adds. */
static bool manifest_key(const char *key, const char *cc, char out[33]) {
  pthread_once(&self_once, find_self);
  if (!self_id[0]) return false;
  CwHash h;
  cw_hash_init(&h);
  cw_hash_str(&h, "manifest 1");
  cw_hash_str(&h, key);
  cw_hash_str(&h, cc);
  hash_flags(&h);
  cw_hash_str(&h, self_id);
  cw_hash_hex(&h, out);
  return true;
}

static bool mkdir_private(const char *path) {
  if (mkdir(path, 0700) == 0) return true;
  struct stat st;
  return errno == EEXIST && stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

bool cpu_jit_cache_dir(char *buf, size_t n) {
  const char *x = getenv("XDG_CACHE_HOME");
  if (x && *x == '/') {
    snprintf(buf, n, "%s", x);
  } else {
    const char *home = getenv("HOME");
    if (!home || !*home) home = "/tmp";
    snprintf(buf, n, "%s/.cache", home);
  }
  if (!mkdir_private(buf)) return false;
  size_t len = strlen(buf);
  snprintf(buf + len, n - len, "/cuwasm");
  return mkdir_private(buf);
}

static void read_head(const char *path, char *err, size_t errn) {
  FILE *f = fopen(path, "r");
  if (!f) return;
  size_t used = strlen(err);
  if (used + 2 < errn) {
    err[used++] = '\n';
    size_t r = fread(err + used, 1, errn - used - 1, f);
    err[used + r] = 0;
  }
  fclose(f);
}

/* Words of CUWASM_CC that run_compiler's argv takes (the rest of its 64
 * slots hold the fixed flags and files); build() refuses more. */
enum { CC_MAX_WORDS = 40 };

/* Splits CUWASM_CC ("gcc -m64") into argv, appends flags (and extra, if
 * not NULL) and files. */
static int run_compiler(const char *cc, const char *extra, const char *out, const char *in,
                        const char *log) {
  char *copy = strdup(cc);
  if (!copy) return -1;
  const char *argv[64];
  int n = 0;
  for (char *t = strtok(copy, " \t"); t && n < CC_MAX_WORDS; t = strtok(NULL, " \t"))
    argv[n++] = t; /* build() refused more */
  for (int i = 0; jit_flags[i]; i++) argv[n++] = jit_flags[i];
  if (extra) argv[n++] = extra;
  pthread_once(&sleef_once, find_sleef);
  if (sleef_flags[0]) argv[n++] = sleef_flags[0];
  argv[n++] = "-o";
  argv[n++] = out;
  argv[n++] = in;
  if (sleef_flags[1]) argv[n++] = sleef_flags[1];
  for (int i = 0; link_libs[i]; i++) argv[n++] = link_libs[i];
  argv[n] = NULL;
  pid_t pid = fork();
  if (pid == 0) {
    int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (fd >= 0) {
      dup2(fd, 2);
      dup2(fd, 1);
    }
    execvp(argv[0], (char *const *)argv);
    _exit(127);
  }
  free(copy);
  if (pid < 0) return -1;
  int st;
  while (waitpid(pid, &st, 0) < 0)
    if (errno != EINTR) return -1;
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

static cw_status load_tcc(const char *src, CpuJit *j, char *err, size_t errn) {
  void *lib = dlopen("libtcc.so", RTLD_NOW | RTLD_LOCAL);
  if (!lib) lib = dlopen("libtcc.so.1", RTLD_NOW | RTLD_LOCAL);
  if (!lib) return CW_ERR_UNAVAILABLE;
  void *(*tnew)(void) = (void *(*)(void))(uintptr_t)dlsym(lib, "tcc_new");
  int (*otype)(void *, int) = (int (*)(void *, int))(uintptr_t)dlsym(lib, "tcc_set_output_type");
  int (*comp)(void *, const char *) = (int (*)(void *, const char *))(uintptr_t)dlsym(lib, "tcc_compile_string");
  int (*reloc)(void *, void *) = (int (*)(void *, void *))(uintptr_t)dlsym(lib, "tcc_relocate");
  int (*addlib)(void *, const char *) = (int (*)(void *, const char *))(uintptr_t)dlsym(lib, "tcc_add_library");
  j->tcc_sym = (void *(*)(void *, const char *))(uintptr_t)dlsym(lib, "tcc_get_symbol");
  j->tcc_delete = (void (*)(void *))(uintptr_t)dlsym(lib, "tcc_delete");
  if (!tnew || !otype || !comp || !reloc || !j->tcc_sym || !j->tcc_delete) {
    dlclose(lib);
    return CW_ERR_UNAVAILABLE;
  }
  void *s = tnew();
  if (!s) {
    dlclose(lib);
    return CW_ERR_NOMEM;
  }
  otype(s, 1 /* TCC_OUTPUT_MEMORY */);
  if (addlib) addlib(s, "m");
  if (comp(s, src) < 0 || reloc(s, (void *)1 /* TCC_RELOCATE_AUTO */) < 0) {
    j->tcc_delete(s);
    dlclose(lib);
    snprintf(err, errn, "libtcc could not compile the generated C");
    return CW_ERR_COMPILE;
  }
  j->tcc = s;
  j->tcc_lib = lib;
  return CW_OK;
}

static int count_words(const char *s) {
  int n = 0;
  for (const char *p = s; *p;) {
    while (*p == ' ' || *p == '\t') p++;
    if (!*p) break;
    n++;
    while (*p && *p != ' ' && *p != '\t') p++;
  }
  return n;
}

/* Compiles src, written to dir/key.c (or, when src is NULL, the C file
 * at in), with extra (or NULL) into so. */
static cw_status build(const char *src, const char *in, const char *cc, const char *extra,
                       const char *dir, const char *key, const char *so, char *err,
                       size_t errn) {
  char cpath[4200], tmp[4200], log[4200];
  if (count_words(cc) > CC_MAX_WORDS) {
    snprintf(err, errn, "CUWASM_CC has %d words, more than the %d the JIT passes on "
             "(CC_MAX_WORDS, src/rt/cpu/jit.c)", count_words(cc), CC_MAX_WORDS);
    return CW_ERR_COMPILE;
  }
  if (src) snprintf(cpath, sizeof cpath, "%s/%s.c", dir, key);
  else snprintf(cpath, sizeof cpath, "%s", in);
  static atomic_uint seq; /* threads of one process build apart too */
  unsigned n = atomic_fetch_add(&seq, 1);
  snprintf(tmp, sizeof tmp, "%s/%s.%d.%u.tmp.so", dir, key, (int)getpid(), n);
  snprintf(log, sizeof log, "%s/%s.%d.%u.log", dir, key, (int)getpid(), n);
  /* written aside and renamed: a concurrent builder's compiler never reads
   * a truncated file (an empty one compiles to an object without tables) */
  if (src && !cw_write_file_atomic(cpath, src, strlen(src))) {
    snprintf(err, errn, "cannot write %s: %s", cpath, strerror(errno));
    return CW_ERR_IO;
  }
  int rc = run_compiler(cc, extra, tmp, cpath, log);
  if (rc == 127 || rc < 0) {
    unlink(log);
    snprintf(err, errn, "C compiler '%s' not found", cc);
    return CW_ERR_UNAVAILABLE;
  }
  if (rc != 0) {
    snprintf(err, errn, "C compiler '%s' failed on %s (exit %d):", cc, cpath, rc);
    read_head(log, err, errn);
    unlink(log);
    unlink(tmp);
    return CW_ERR_COMPILE;
  }
  unlink(log);
  if (rename(tmp, so) != 0) {
    snprintf(err, errn, "cannot rename %s: %s", tmp, strerror(errno));
    unlink(tmp);
    return CW_ERR_IO;
  }
  return CW_OK;
}

static const char *compiler(void) {
  const char *cc = getenv("CUWASM_CC");
  return cc && *cc ? cc : "cc";
}

/* cpu_jit_load, leaving the cache folder and the object's key in dir/key. */
static cw_status load_c(const char *src, CpuJit *j, char dir[4096], char key[33],
                        char *err, size_t errn) {
  *j = (CpuJit){0};
  const char *cc = compiler();
  char so[4200];
  if (!cpu_jit_cache_dir(dir, 4096)) {
    snprintf(err, errn, "cannot create the cache folder %s", dir);
    return CW_ERR_IO;
  }
  cache_key(src, cc, key);
  snprintf(so, sizeof so, "%s/%s.so", dir, key);
  if (access(so, R_OK) != 0) {
    cw_status st = build(src, NULL, cc, NULL, dir, key, so, err, errn);
    if (st == CW_ERR_UNAVAILABLE) {
      cw_status t = load_tcc(src, j, err, errn);
      if (t == CW_ERR_UNAVAILABLE)
        snprintf(err + strlen(err), errn - strlen(err), "; libtcc not found either");
      return t;
    }
    if (st != CW_OK) return st;
  }
  j->dl = dlopen(so, RTLD_NOW | RTLD_LOCAL);
  if (!j->dl) {
    snprintf(err, errn, "dlopen %s: %s", so, dlerror());
    return CW_ERR_IO;
  }
  memcpy(j->key, key, sizeof j->key);
  return CW_OK;
}

cw_status cpu_jit_load(const char *src, CpuJit *j, char *err, size_t errn) {
  char dir[4096], key[33];
  return load_c(src, j, dir, key, err, errn);
}

cw_status cpu_jit_load_record(const char *src, const char *tkey, const CwInputs *inputs,
                              CpuJit *j, char *err, size_t errn) {
  char dir[4096], key[33], mkey[33];
  cw_status st = load_c(src, j, dir, key, err, errn);
  if (st == CW_OK && j->dl && manifest_key(tkey, compiler(), mkey))
    cpu_manifest_write(dir, mkey, key, inputs);
  return st;
}

cw_status cpu_jit_load_cached(const char *tkey, CpuJit *j) {
  *j = (CpuJit){0};
  char dir[4096], mkey[33], key[33], so[4200];
  if (!manifest_key(tkey, compiler(), mkey) || !cpu_jit_cache_dir(dir, sizeof dir) ||
      !cpu_manifest_check(dir, mkey, key))
    return CW_ERR_NOT_FOUND;
  snprintf(so, sizeof so, "%s/%s.so", dir, key);
  j->dl = dlopen(so, RTLD_NOW | RTLD_LOCAL);
  if (j->dl) memcpy(j->key, key, sizeof j->key);
  return j->dl ? CW_OK : CW_ERR_NOT_FOUND;
}

cw_status cpu_jit_load_exact(const CpuJit *main, CpuJit *j, char *err, size_t errn) {
  *j = (CpuJit){0};
  const char *cc = compiler();
  char dir[4096], cpath[4200], so[4200], key[33];
  if (!main->key[0] || !cpu_jit_cache_dir(dir, sizeof dir)) {
    snprintf(err, errn, "the exact copies' object: no cache folder or key");
    return CW_ERR_IO;
  }
  snprintf(so, sizeof so, "%s/%s-exact.so", dir, main->key);
  if (access(so, R_OK) != 0) {
    /* the C the first object came from, checked against its key (the
     * key covers the compiler and flags: a match is the same build) */
    snprintf(cpath, sizeof cpath, "%s/%s.c", dir, main->key);
    char *src = cw_read_file(cpath, NULL);
    if (!src) {
      snprintf(err, errn, "cannot read %s, the C of the kernels' exact copies: %s", cpath,
               strerror(errno));
      return CW_ERR_IO;
    }
    cache_key(src, cc, key);
    free(src);
    if (strcmp(key, main->key) != 0) {
      snprintf(err, errn, "%s changed since its object was built (CUWASM_CC or the file)",
               cpath);
      return CW_ERR_IO;
    }
    char ekey[64];
    snprintf(ekey, sizeof ekey, "%s-exact", main->key);
    cw_status st = build(NULL, cpath, cc, EXACT_ONLY_FLAG, dir, ekey, so, err, errn);
    if (st != CW_OK) return st;
  }
  j->dl = dlopen(so, RTLD_NOW | RTLD_LOCAL);
  if (!j->dl) {
    snprintf(err, errn, "dlopen %s: %s", so, dlerror());
    return CW_ERR_IO;
  }
  return CW_OK;
}

void *cpu_jit_sym(CpuJit *j, const char *name) {
  if (j->dl) return dlsym(j->dl, name);
  if (j->tcc) return j->tcc_sym(j->tcc, name);
  return NULL;
}

void cpu_jit_unload(CpuJit *j) {
  if (j->dl) dlclose(j->dl);
  if (j->tcc) j->tcc_delete(j->tcc);
  if (j->tcc_lib) dlclose(j->tcc_lib);
  *j = (CpuJit){0};
}
