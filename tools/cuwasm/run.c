/*
 * run.c — `cuwasm run FILE.cu [more inputs] [nvcc flags] [-- ARGS]`: build
 * the program (like `cuwasm cc`) into the cache and run it, like
 * `nvcc -run`.  The process becomes the program (exec), so its exit code,
 * signals and output are the program's own.
 *
 * The cache is $XDG_CACHE_HOME/cuwasm/run (or ~/.cache/cuwasm/run), one
 * folder per build keyed by a 64-bit FNV-1a hash of: the inputs' contents
 * and the contents of the headers they include with "…" (recursively),
 * the flags (and CUWASM_CC_AOT when -arch asks for cubins), and the
 * identity (size, mtime) of the cuwasm binary, its library and the glue
 * header — so a changed program or a rebuilt cuwasm rebuilds, and an
 * unchanged one starts at once.  The executable is built
 * under a temporary name and renamed, so concurrent runs never see half
 * of it.  Before running, one line on stderr names the backend.
 */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/base.h"
#include "cc_internal.h"
#include "commands.h"

static const char *usage =
    "usage: cuwasm run FILE.cu [more .cu/.c/.cpp] [nvcc flags] [-- ARGS...]\n"
    "Builds the program into the cache (only when something changed) and runs it\n"
    "with ARGS; exits with the program's exit code.  CUWASM_BACKEND=cpu|cuda|vulkan|auto\n"
    "picks the backend; CUWASM_QUIET=1 drops the backend line.\n"
    "--check memcheck|racecheck|synccheck|initcheck|leaks[,...]|all runs the kernels\n"
    "on the CPU backend with those checkers (like CUWASM_CHECK=... for binaries of\n"
    "`cuwasm cc`): memcheck (out-of-bounds, freed, misaligned accesses), racecheck\n"
    "(shared-memory hazards in a block, global-memory ones between blocks),\n"
    "synccheck (barriers reached by part of a block, warp collectives whose mask\n"
    "names lanes that are not there), initcheck (reads of device memory never\n"
    "written), leaks (device memory not freed at exit).  Reports in\n"
    "compute-sanitizer's shape, exit status 1 when any error was found.\n"
    "--target web builds the program for the web (`cuwasm cc --target web`) and runs\n"
    "it in Node (CUWASM_NODE names another node); its kernels run on WebGPU or WebAssembly\n"
    "as CUWASM_BACKEND (webgpu, wasm, auto) says.\n";

typedef struct Hash {
  uint64_t h;
  char seen[256][PATH_MAX / 8];
  int nseen;
} Hash;

static void mix(Hash *h, const void *p, size_t n) {
  const unsigned char *b = p;
  for (size_t i = 0; i < n; i++) h->h = (h->h ^ b[i]) * 1099511628211ull;
}

static void mix_str(Hash *h, const char *s) { mix(h, s, strlen(s) + 1); }

static void mix_stat(Hash *h, const char *path) {
  struct stat st;
  mix_str(h, path);
  if (stat(path, &st) == 0) {
    mix(h, &st.st_size, sizeof st.st_size);
    mix(h, &st.st_mtime, sizeof st.st_mtime);
  }
}

static bool seen(Hash *h, const char *path) {
  for (int i = 0; i < h->nseen; i++)
    if (!strcmp(h->seen[i], path)) return true;
  if (h->nseen < 256) snprintf(h->seen[h->nseen++], sizeof h->seen[0], "%s", path);
  return false;
}

static void mix_file(Hash *h, const CcOpts *o, const char *path, int depth);

/* `#include "name"` in text: hash the header found next to the file or
 * on the -I path. */
static void mix_includes(Hash *h, const CcOpts *o, const char *path, const char *text, int depth) {
  char dir[PATH_MAX];
  snprintf(dir, sizeof dir, "%s", path);
  snprintf(dir, sizeof dir, "%s", dirname(dir));
  for (const char *p = strstr(text, "#"); p; p = strstr(p + 1, "#")) {
    const char *q = p + 1;
    while (*q == ' ' || *q == '\t') q++;
    if (strncmp(q, "include", 7)) continue;
    q += 7;
    while (*q == ' ' || *q == '\t') q++;
    if (*q != '"') continue;
    const char *e = strchr(q + 1, '"');
    if (!e || e - q > 512) continue;
    char name[600], cand[PATH_MAX + 700];
    snprintf(name, sizeof name, "%.*s", (int)(e - q - 1), q + 1);
    snprintf(cand, sizeof cand, "%s/%s", dir, name);
    for (int i = 0; access(cand, R_OK) != 0 && i < o->inc.n; i++)
      snprintf(cand, sizeof cand, "%s/%s", o->inc.v[i], name);
    if (access(cand, R_OK) == 0) mix_file(h, o, cand, depth + 1);
  }
}

static void mix_file(Hash *h, const CcOpts *o, const char *path, int depth) {
  char abs[PATH_MAX];
  if (!realpath(path, abs)) snprintf(abs, sizeof abs, "%s", path);
  if (depth > 16 || seen(h, abs)) return;
  size_t n;
  char *text = cw_read_file(abs, &n);
  mix_str(h, abs);
  if (!text) return;
  mix(h, text, n);
  mix_includes(h, o, abs, text, depth);
  free(text);
}

static uint64_t build_key(const CcOpts *o, int argc, char **argv) {
  static Hash h;
  memset(&h, 0, sizeof h);
  h.h = 14695981039346656037ull;
  mix_str(&h, cw_version());
  char self[PATH_MAX], dir[PATH_MAX], lib[PATH_MAX + 16];
  ssize_t k = readlink("/proc/self/exe", self, sizeof self - 1);
  if (k > 0) {
    self[k] = 0;
    mix_stat(&h, self);
  }
  cc_path(CC_PATH_CUDART_DIR, dir, sizeof dir);
  snprintf(lib, sizeof lib, "%s/libcudart_static.a", dir);
  mix_stat(&h, lib);
  cc_path(CC_PATH_HOST_GLUE, dir, sizeof dir);
  mix_stat(&h, dir);
  if (cc_is_web(o)) { /* what the output embeds besides the program */
    StrList parts = {0};
    cc_web_parts(&parts);
    for (int i = 0; i < parts.n; i++) mix_stat(&h, parts.v[i]);
    sl_free(&parts);
  }
  for (int i = 1; i < argc; i++) mix_str(&h, argv[i]);
  if (o->sass.n || o->ptx.n) { /* cubins and PTX ahead of time (cc_aot.c): whether, and for which GPUs */
    const char *aot = getenv("CUWASM_CC_AOT");
    mix_str(&h, aot ? aot : "");
  }
  for (int i = 0; i < o->inputs.n; i++) mix_file(&h, o, o->inputs.v[i], 0);
  return h.h;
}

static int mkdirs(char *path) {
  for (char *p = path + 1; *p; p++)
    if (*p == '/') {
      *p = 0;
      int r = mkdir(path, 0700);
      *p = '/';
      if (r && errno != EEXIST) return -1;
    }
  return mkdir(path, 0700) && errno != EEXIST ? -1 : 0;
}

static void cache_dir(char *out, size_t n, uint64_t key) {
  const char *x = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
  if (x && *x) snprintf(out, n, "%s/cuwasm/run/%016llx", x, (unsigned long long)key);
  else snprintf(out, n, "%s/.cache/cuwasm/run/%016llx", home ? home : "/tmp",
                (unsigned long long)key);
}

static void say_backend(void) {
  const char *q = getenv("CUWASM_QUIET");
  if (q && *q && strcmp(q, "0")) return;
  const char *want = getenv("CUWASM_BACKEND");
  cw_context *ctx = NULL;
  if (cw_context_new(want && *want ? want : "auto", &ctx) != CW_OK) {
    fprintf(stderr, "[cuwasm] no backend: %s\n", cw_last_error_message(NULL));
    return;
  }
  const char *b = cw_context_backend(ctx);
  cw_device_info info[8];
  int n = cw_backend_list(info, 8);
  for (int i = 0; i < n; i++)
    if (!strcmp(info[i].backend, b)) {
      if (info[i].cores)
        fprintf(stderr, "[cuwasm] backend: %s — %s, %d cores%s%s\n", b, info[i].name,
                info[i].cores, info[i].simd[0] ? ", " : "", info[i].simd);
      else /* GPU backends without a core count (vulkan) */
        fprintf(stderr, "[cuwasm] backend: %s — %s%s%s\n", b, info[i].name,
                info[i].simd[0] ? ", " : "", info[i].simd);
      break;
    }
  cw_context_free(ctx);
}

static void say_web(void) {
  const char *q = getenv("CUWASM_QUIET");
  if (q && *q && strcmp(q, "0")) return;
  const char *b = getenv("CUWASM_BACKEND");
  fprintf(stderr, "[cuwasm] backend: %s — in Node, built with --target web (auto: WebGPU when npm's "
          "webgpu finds an adapter, else WebAssembly; the program chooses when it starts)\n",
          b && *b ? b : "auto");
}

static int build_cached(CcOpts *o, int argc, char **argv, char *exe, size_t n) {
  char dir[PATH_MAX];
  cache_dir(dir, sizeof dir, build_key(o, argc, argv));
  char base[PATH_MAX];
  snprintf(base, sizeof base, "%s", o->inputs.v[0]);
  char *b = basename(base), *dot = strrchr(b, '.');
  if (dot) *dot = 0;
  snprintf(exe, n, "%s/%s%s", dir, b, cc_is_web(o) ? ".mjs" : "");
  if (access(exe, cc_is_web(o) ? R_OK : X_OK) == 0) return 0;
  if (mkdirs(dir)) {
    fprintf(stderr, "cuwasm run: cannot create %s: %s\n", dir, strerror(errno));
    return 1;
  }
  char tmp[PATH_MAX + 32];
  snprintf(tmp, sizeof tmp, "%s.tmp%ld%s", exe, (long)getpid(), cc_is_web(o) ? ".mjs" : "");
  o->out = tmp;
  int rc = cc_build(o);
  if (rc == 0 && rename(tmp, exe)) rc = 1;
  if (rc) unlink(tmp);
  return rc;
}

/* --check LIST / --check=LIST: taken out of argv (before the `--`), into
 * CUWASM_CHECK for the program; 1 on a bad list. */
static int take_check(int *argc, char **argv, int *sep) {
  for (int i = 1; i < *sep; i++) {
    const char *v = NULL;
    int drop = 0;
    if (!strcmp(argv[i], "--check") && i + 1 < *sep) v = argv[i + 1], drop = 2;
    else if (!strncmp(argv[i], "--check=", 8)) v = argv[i] + 8, drop = 1;
    if (!drop) continue;
    CwCheckList want;
    const char *bad = v;
    size_t bad_len = strlen(v);
    if (!cw_check_list_parse(v, &want, &bad, &bad_len) || !cw_check_list_any(want)) {
      fprintf(stderr, "cuwasm run: --check takes memcheck, racecheck, synccheck, initcheck, "
                      "leaks or all, not '%.*s'\n",
              (int)bad_len, bad);
      return 1;
    }
    setenv("CUWASM_CHECK", v, 1);
    setenv("CUWASM_BACKEND", "cpu", 1);
    memmove(&argv[i], &argv[i + drop], sizeof *argv * (size_t)(*argc - i - drop + 1));
    *argc -= drop;
    *sep -= drop;
    i--;
  }
  return 0;
}

int cmd_run(int argc, char **argv) {
  int sep = argc;
  for (int i = 1; i < argc; i++)
    if (!strcmp(argv[i], "--")) { sep = i; break; }
  if (take_check(&argc, argv, &sep)) return 2;
  int h = cli_wants_help(sep, argv);
  if (h == 1) { fputs(usage, stdout); return 0; }
  if (h == 2) { printf("cuwasm %s\n", cw_version()); return 0; }
  CcOpts o;
  int rc = cc_parse(&o, sep, argv);
  if (rc) return rc;
  if (o.compile_only || o.out) {
    fprintf(stderr, "cuwasm run: -c and -o are for `cuwasm cc`\n");
    cc_free(&o);
    return 2;
  }
  char exe[PATH_MAX + 64];
  rc = build_cached(&o, sep, argv, exe, sizeof exe);
  bool web = cc_is_web(&o);
  cc_free(&o);
  if (rc) return rc;
  int nargs = sep < argc ? argc - sep - 1 : 0;
  char **args = calloc((size_t)nargs + 3, sizeof *args);
  if (!args) return 1;
  int a = 0;
  if (web) args[a++] = (char *)(getenv("CUWASM_NODE") && *getenv("CUWASM_NODE") ? getenv("CUWASM_NODE") : "node");
  args[a++] = exe;
  for (int i = 0; i < nargs; i++) args[a++] = argv[sep + 1 + i];
  if (web) say_web();
  else say_backend();
  fflush(NULL);
  if (web) execvp(args[0], args);
  else execv(exe, args);
  fprintf(stderr, "cuwasm run: cannot run %s: %s\n", exe, strerror(errno));
  free(args);
  return 127;
}
