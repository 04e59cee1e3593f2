/*
 * cc_web.c — `cuwasm cc app.cu [more .cu/.c/.cpp] --target web -o app.mjs`
 * (or -o app.html): a whole CUDA program for Node and browsers.
 *
 * The host code takes the native build's route (cc.c: preprocess with our
 * CUDA headers, rewrite launches, compile) with emscripten's compilers in
 * place of g++/gcc, and links with the CUDA runtime API of src/compat/
 * compiled by emscripten, with src/compat/web/ in place of src/rt/.  The
 * device code is compiled now, not in the page (which has no compiler):
 * each .cu file's kernels become one WebAssembly module (src/emit/wasm.c),
 * with the template instances the host code names — read from the host
 * objects, where host_glue.h's registration leaves each instance's
 * mangled type name (a typeinfo symbol) — instantiated first.  Every module imports the
 * program's memory: module i's globals get a region of their own from
 * address 1024 up, and the host program's data starts above the last
 * (emscripten's GLOBAL_BASE), so device pointers are heap addresses.
 *
 * The output is one file, an ES module or a page holding it
 * (cc_web_output.c).
 *
 * Kernels run on WebGPU where there is an adapter: each module's kernels
 * are compiled to WGSL too (the JSON of src/emit/wgsl_meta.c), and the
 * program is linked with Asyncify so that its blocking calls can wait for
 * the GPU (src/compat/web/web_runtime.c, web/src/program_gpu.js).  The CUDA runtime
 * objects are compiled once per content of their sources, into the cache
 * ($XDG_CACHE_HOME/cuwasm/web-rt-HASH).
 *
 * With --web-threads on (the default for APP.mjs) everything is compiled
 * with -pthread, for one reason: emscripten then makes the heap a shared
 * memory, and the WebAssembly device runs a launch's blocks on Web Workers
 * over it (web/src/program.js), as the npm package does.  A page can have
 * that memory only when cross-origin isolated, so APP.html is built
 * without threads unless asked.  No host thread is started either way.
 *
 * -rdc=true is accepted (kernels may launch kernels: dynamic parallelism
 * runs on the WebAssembly device), but each file's device code stays a
 * module of its own: a device function or variable another file defines
 * fails the build, naming it.  Not supported here: -dc, -c, and host
 * threads (src/compat/web/web_threads.c ends a program that starts one).
 * Host code asking for OpenMP is compiled without it and runs its parallel
 * regions on the one host thread (serial_openmp/omp.h).
 */
#define _GNU_SOURCE /* memmem */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "api/program.h"
#include "base/base.h"
#include "base/hash.h"
#include "cc_internal.h"
#include "commands.h"
#include "compat/compat.h"
#include "emit/emit.h"

/* ---- small helpers ---------------------------------------------------------- */

static const char *tool(const char *env, const char *dflt) {
  const char *v = getenv(env);
  return v && *v ? v : dflt;
}

static bool ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), k = strlen(suffix);
  return n >= k && !strcmp(s + n - k, suffix);
}

static bool put_file(const char *path, const void *data, size_t n) {
  FILE *f = fopen(path, "wb");
  if (!f) return false;
  bool ok = fwrite(data, 1, n, f) == n;
  return fclose(f) == 0 && ok;
}

static void c_string(StrBuf *sb, const char *s) {
  sb_putc(sb, '"');
  for (; *s; s++) {
    if (*s == '"' || *s == '\\') sb_putc(sb, '\\');
    if ((unsigned char)*s < 32) sb_printf(sb, "\\%03o", (unsigned char)*s);
    else sb_putc(sb, *s);
  }
  sb_putc(sb, '"');
}

/* ---- template instances the host code names --------------------------------- */

/* The registration type names (host_glue.h) an object holds: its symbols
 * (emscripten's nm) `_ZTS…__cuwasm_kregI…` (typeinfo names), demangled
 * by c++filt into "typeinfo name for …::__cuwasm_kreg<FT, &(void k<…>(…))>". */
static int registrations(const CcOpts *o, const char *obj, const char *tmp, StrList *out,
                         StrList *mangled) {
  char syms[PATH_MAX], names[PATH_MAX], dem[PATH_MAX], cmd[4 * PATH_MAX];
  snprintf(syms, sizeof syms, "%s/syms.txt", tmp);
  snprintf(names, sizeof names, "%s/kreg.txt", tmp);
  snprintf(dem, sizeof dem, "%s/kreg.demangled", tmp);
  snprintf(cmd, sizeof cmd, "%s '%s' > '%s'", tool("CUWASM_NM", "emnm"), obj, syms);
  if (o->verbose) fprintf(stderr, "#$ %s\n", cmd);
  size_t n;
  char *text = system(cmd) == 0 ? cw_read_file(syms, &n) : NULL;
  if (!text) {
    fprintf(stderr, "cuwasm cc: cannot list the symbols of %s (%s)\n", obj,
            tool("CUWASM_NM", "emnm"));
    return 1;
  }
  StrBuf sb;
  sb_init(&sb);
  for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) {
    char *name = strrchr(line, ' ');
    name = name ? name + 1 : line;
    if (!strncmp(name, "_ZTS", 4) && strstr(name, "__cuwasm_kregI")) {
      sb_puts(&sb, name);
      sb_putc(&sb, '\n');
      sl_add(mangled, name + 4); /* the type's mangled name, as typeid().name() gives it */
    }
  }
  free(text);
  if (!sb.len) {
    sb_free(&sb);
    return 0;
  }
  bool ok = put_file(names, sb.data, sb.len);
  sb_free(&sb);
  snprintf(cmd, sizeof cmd, "%s < '%s' > '%s'", tool("CUWASM_CXXFILT", "c++filt"), names, dem);
  if (o->verbose) fprintf(stderr, "#$ %s\n", cmd);
  text = ok && system(cmd) == 0 ? cw_read_file(dem, &n) : NULL;
  if (!text) {
    fprintf(stderr, "cuwasm cc: cannot demangle the kernel registrations of %s (%s)\n", obj,
            tool("CUWASM_CXXFILT", "c++filt"));
    return 1;
  }
  for (char *line = strtok(text, "\n"); line; line = strtok(NULL, "\n")) sl_add(out, line);
  free(text);
  return 0;
}

static bool program_has(cw_program *p, const char *name) {
  for (int i = 0; i < cw_program_kernel_count(p); i++)
    if (compat_names_match(cw_program_kernel_name(p, i), name)) return true;
  return false;
}

/* The rows of cw_web_lambdas (web_table.h): each extended lambda of the
 * kernel instances the host code registers, with its closure class
 * (compat_lambda_closure_name makes those of function templates) */
static StrBuf lambda_table;

static void lambda_rows(cw_program *p, const char *name, const char *mangled) {
  for (const char *s = strstr(name, COMPAT_LAMBDA_WRAPPER); s; s = strstr(s + 1, COMPAT_LAMBDA_WRAPPER)) {
    CompatLambdaTag t;
    char closure[600];
    if (!compat_lambda_read_tag(s, &t) ||
        !compat_lambda_closure_name(p, &t, closure, sizeof closure, NULL, 0))
      continue; /* compat_lambda_resolve says why */
    sb_puts(&lambda_table, "  {");
    c_string(&lambda_table, mangled);
    sb_printf(&lambda_table, ", %d, %d, %d, ", t.key, t.line, t.index);
    c_string(&lambda_table, closure);
    sb_puts(&lambda_table, "},\n");
  }
}

/* Instantiates in p every template kernel the host object registers. */
static int instantiate(const CcOpts *o, cw_program *p, const char *path, const char *obj,
                       const char *tmp) {
  StrList regs = {0}, mangled = {0};
  int rc = registrations(o, obj, tmp, &regs, &mangled);
  for (int i = 0; i < regs.n && rc == 0; i++) {
    char *sig = NULL, *name = compat_kernel_name(regs.v[i], &sig);
    if (name && strstr(name, COMPAT_LAMBDA_WRAPPER) && i < mangled.n) lambda_rows(p, name, mangled.v[i]);
    if (name && strstr(name, COMPAT_LAMBDA_WRAPPER)) {
      /* an extended lambda among its arguments: the device's instance,
       * its closure classes made and checked now (kernel_lambda.c), as
       * the native runtime does at the first launch */
      char msg[2048];
      char *device = compat_lambda_resolve(p, name, path, msg, sizeof msg);
      if (!device) {
        fprintf(stderr, "cuwasm cc: %s\n", msg);
        rc = 1;
      }
      free(name);
      name = device;
    }
    if (name && strchr(name, '<') && !program_has(p, name)) {
      cw_diags *d = cw_diags_new();
      if (cw_program_instantiate(p, name, d) != CW_OK) {
        fprintf(stderr, "cuwasm cc: cannot instantiate %s:\n", name);
        cli_print_diags(d);
        rc = 1;
      }
      cw_diags_free(d);
    }
    free(name);
    free(sig);
  }
  sl_free(&regs);
  sl_free(&mangled);
  return rc;
}

/* ---- the table of kernels (src/compat/web/web_table.h) ----------------------- */

static void table_tu(StrBuf *sb, int i, const KModule *m) {
  sb_printf(sb, "static const CwWebKernel tu%d[] = {\n", i);
  for (int f = 0; f < m->funcs.len; f++) {
    const KFunc *k = m->funcs.items[f];
    if (!(k->flags & KF_GLOBAL) || !k->body) continue;
    StrBuf params;
    sb_init(&params);
    for (int p = 0; p < k->nparams; p++) {
      if (p) sb_puts(&params, ", ");
      kt_print_cpp(&params, k->params[p]->type);
    }
    sb_puts(sb, "  {");
    c_string(sb, k->name);
    sb_puts(sb, ", ");
    c_string(sb, k->cname);
    sb_puts(sb, ", ");
    c_string(sb, params.data ? params.data : "");
    sb_puts(sb, "},\n");
    sb_free(&params);
  }
  sb_puts(sb, "  {0, 0, 0}};\n");
}

/* ---- the runtime, compiled once per content ---------------------------------- */

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The .c files of DIR (sorted), into srcs. */
static void c_files(const char *dir, StrList *srcs) {
  DIR *d = opendir(dir);
  if (!d) return;
  StrList names = {0};
  for (struct dirent *e; (e = readdir(d));)
    if (ends_with(e->d_name, ".c") && strcmp(e->d_name, "kernel_overload.c") &&
        strcmp(e->d_name, "kernel_lambda.c") && /* they read KIR: web_program.c answers instead */
        strcmp(e->d_name, "nvrtc_probe.c"))     /* the CUDA backend's, not in the web runtime */
      sl_add(&names, e->d_name);
  closedir(d);
  if (names.n) qsort(names.v, (size_t)names.n, sizeof *names.v, by_name);
  for (int i = 0; i < names.n; i++) {
    char p[PATH_MAX * 2];
    snprintf(p, sizeof p, "%s/%s", dir, names.v[i]);
    sl_add(srcs, p);
  }
  sl_free(&names);
}

static void runtime_sources(StrList *srcs) {
  static const char *const extra[] = {"src/base/base.c", "src/base/check_list.c",
                                      "src/base/file.c", "src/rt/launch_check.c",
                                      "src/rt/profile.c"};
  c_files(CUWASM_SOURCE_DIR "/src/compat", srcs);
  c_files(CUWASM_SOURCE_DIR "/src/compat/web", srcs);
  for (size_t i = 0; i < sizeof extra / sizeof *extra; i++) {
    char p[PATH_MAX];
    snprintf(p, sizeof p, "%s/%s", CUWASM_SOURCE_DIR, extra[i]);
    sl_add(srcs, p);
  }
}

static const char *const runtime_cflags[] = {"-O2", "-std=c11", "-D_GNU_SOURCE", "-Wall", "-Wextra",
                                             "-I" CUWASM_SOURCE_DIR "/include",
                                             "-I" CUWASM_SOURCE_DIR "/src", NULL};

/* whether the program is built with threads (cc_web_build decides) */
static bool with_threads(const CcOpts *o) { return o->web_threads && !strcmp(o->web_threads, "on"); }

/* emcc's flags for the runtime's C files */
static void add_runtime_cflags(StrList *cmd, const CcOpts *o) {
  for (int k = 0; runtime_cflags[k]; k++) sl_add(cmd, runtime_cflags[k]);
  if (with_threads(o)) sl_add(cmd, "-pthread");
}

/* The runtime's objects, compiled into the cache unless there already
 * (the key hashes every source and header of src/compat, src/base, the
 * public headers it includes and the flags); objs gets their paths. */
static int runtime_objects(const CcOpts *o, StrList *objs) {
  StrList srcs = {0}, hdrs = {0};
  runtime_sources(&srcs);
  sl_add(&hdrs, CUWASM_SOURCE_DIR "/src/compat/compat.h");
  sl_add(&hdrs, CUWASM_SOURCE_DIR "/src/compat/web/web_table.h");
  sl_add(&hdrs, CUWASM_SOURCE_DIR "/src/base/base.h");
  sl_add(&hdrs, CUWASM_SOURCE_DIR "/src/rt/backend.h");
  sl_add(&hdrs, CUWASM_SOURCE_DIR "/include/cuwasm.h");
  sl_add(&hdrs, CUWASM_SOURCE_DIR "/include/cuda/cuda_runtime_api.h");
  sl_add(&hdrs, CUWASM_SOURCE_DIR "/include/cuda/cuda.h");
  sl_add(&hdrs, CUWASM_SOURCE_DIR "/include/cuda/curand.h");
  sl_add(&hdrs, CUWASM_SOURCE_DIR "/include/cuda/cw_curand_core.h");
  sl_add(&hdrs, CUWASM_SOURCE_DIR "/include/cuda/cw_curand_tables.h");
  CwHash h;
  cw_hash_init(&h);
  for (int pass = 0; pass < 2; pass++) {
    const StrList *l = pass ? &hdrs : &srcs;
    for (int i = 0; i < l->n; i++) {
      size_t n;
      char *text = cw_read_file(l->v[i], &n);
      cw_hash_str(&h, l->v[i]);
      if (text) cw_hash_bytes(&h, text, n);
      free(text);
    }
  }
  StrList flags = {0};
  add_runtime_cflags(&flags, o);
  for (int i = 0; i < flags.n; i++) cw_hash_str(&h, flags.v[i]);
  sl_free(&flags);
  cw_hash_str(&h, tool("CUWASM_EMCC", "emcc"));
  char key[33], dir[PATH_MAX];
  cw_hash_hex(&h, key);
  const char *x = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
  if (x && *x) snprintf(dir, sizeof dir, "%s/cuwasm/web-rt-%s", x, key);
  else snprintf(dir, sizeof dir, "%s/.cache/cuwasm/web-rt-%s", home ? home : "/tmp", key);
  int rc = 0;
  char part[PATH_MAX + 16];
  snprintf(part, sizeof part, "%s.part%ld", dir, (long)getpid());
  bool have = access(dir, R_OK) == 0;
  if (!have) {
    char parent[PATH_MAX];
    snprintf(parent, sizeof parent, "%s", dir);
    for (char *q = parent + 1; *q; q++)
      if (*q == '/') { *q = 0; mkdir(parent, 0700); *q = '/'; }
    rc = mkdir(part, 0700) && errno != EEXIST;
  }
  for (int i = 0; i < srcs.n && rc == 0; i++) {
    char obj[PATH_MAX * 2];
    const char *b = strrchr(srcs.v[i], '/') + 1;
    snprintf(obj, sizeof obj, "%s/%d_%.*s.o", have ? dir : part, i, (int)strlen(b) - 2, b);
    if (!have) {
      StrList cmd = {0};
      sl_add(&cmd, tool("CUWASM_EMCC", "emcc"));
      sl_add(&cmd, "-c");
      add_runtime_cflags(&cmd, o);
      sl_add(&cmd, srcs.v[i]);
      sl_add(&cmd, "-o");
      sl_add(&cmd, obj);
      rc = cc_run(o, &cmd) != 0;
      sl_free(&cmd);
      char *slash = strrchr(obj, '/');
      char final[PATH_MAX * 2];
      snprintf(final, sizeof final, "%s%s", dir, slash); /* where it will be */
      sl_add(objs, final);
    } else {
      sl_add(objs, obj);
    }
  }
  if (!have && rc == 0 && rename(part, dir) && access(dir, R_OK) != 0) rc = 1;
  if (!have) cc_remove_tree(part); /* failed, or another build renamed first */
  if (rc) fprintf(stderr, "cuwasm cc: cannot build the CUDA runtime for the web (%s)\n",
                  tool("CUWASM_EMCC", "emcc"));
  sl_free(&srcs);
  sl_free(&hdrs);
  return rc;
}

/* ---- kernel modules --------------------------------------------------------- */

typedef struct WebTU {
  const char *path;        /* as given */
  char abs[PATH_MAX];      /* as the program registers it (cc.c's tu_appendix) */
  cw_program *prog;
  unsigned char *wasm;
  size_t wasm_len;
  char *wgsl;              /* the same kernels for WebGPU (wgsl_meta.c's JSON) */
} WebTU;

/* WebGPU's guaranteed storage buffers per shader stage: kernels needing
 * more get their buffer parameters packed (src/emit/wgsl_pack.c), so the
 * modules run on every adapter.  host-globals: __device__/__constant__
 * variables are buffers the runtime fills from the heap, where host code
 * writes them (cudaMemcpyToSymbol, __managed__).  No subgroups (their
 * width is the adapter's) and no f64-as-f32 (a program's doubles keep
 * their precision on the WebAssembly device). */
static const char web_wgsl_options[] = "max-storage=8,host-globals";

/* Emits every TU's module, globals from *base up; *base ends past them. */
static int emit_modules(WebTU *tus, int n, int *base) {
  int rc = 0;
  for (int i = 0; i < n; i++) {
    cw_diags *d = cw_diags_new();
    CwDiags *dd = cw_diags_internal(d);
    tus[i].wasm = emit_wasm_at(cw_program_module(tus[i].prog), *base, &tus[i].wasm_len, dd);
    if (dd->errors) { /* the module still holds the others; launching these fails */
      fprintf(stderr, "cuwasm cc: note: kernels of %s the WebAssembly device cannot run "
              "(launching them fails with cudaErrorInvalidDeviceFunction):\n", tus[i].path);
      cli_print_diags(d);
    }
    cw_diags_free(d);
    const char *end = tus[i].wasm ? memmem(tus[i].wasm, tus[i].wasm_len, "\"data_end\": ", 12)
                                  : NULL;
    if (!end) {
      fprintf(stderr, "cuwasm cc: cannot make the WebAssembly module of %s\n", tus[i].path);
      rc = 1;
      continue;
    }
    *base = (atoi(end + 12) + 15) / 16 * 16;
    /* Kernels the WGSL target refuses keep their diagnostic in the JSON
     * and run on the WebAssembly device (program_gpu.js), so no note. */
    WgslOptions wo;
    cw_diags *wd = cw_diags_new();
    tus[i].wgsl = wgsl_parse_options(web_wgsl_options, &wo)
                      ? emit_wgsl_json(cw_program_module(tus[i].prog), tus[i].path, &wo,
                                       cw_diags_internal(wd))
                      : NULL;
    cw_diags_free(wd);
    if (!tus[i].wgsl) {
      fprintf(stderr, "cuwasm cc: cannot make the WGSL modules of %s\n", tus[i].path);
      rc = 1;
    }
  }
  return rc;
}

/* A module whose kernels call grid_group::sync() (its metadata says
 * "grid_sync") goes through Binaryen's asyncify, which makes a block
 * suspendable at the import env.grid_sync and resumable later
 * (web/src/wasm.js, runCooperative): only the functions that can reach
 * that import are instrumented. */
static bool on_path(const char *prog);

static int resumable_modules(WebTU *tus, int n, const char *tmp) {
  for (int i = 0; i < n; i++) {
    if (!tus[i].wasm || !memmem(tus[i].wasm, tus[i].wasm_len, "\"grid_sync\": true", 17)) continue;
    const char *opt = tool("CUWASM_WASM_OPT", "wasm-opt");
    if (!on_path(opt)) {
      fprintf(stderr, "cuwasm cc: the kernels of %s use grid_group::sync(), which on the WebAssembly "
              "device needs Binaryen's %s (apt-get install binaryen), not on the PATH\n", tus[i].path, opt);
      return 1;
    }
    char in[PATH_MAX], out[PATH_MAX];
    snprintf(in, sizeof in, "%s/kernels%d.wasm", tmp, i);
    snprintf(out, sizeof out, "%s/kernels%d.resumable.wasm", tmp, i);
    if (!cw_write_file_atomic(in, tus[i].wasm, tus[i].wasm_len)) {
      fprintf(stderr, "cuwasm cc: cannot write %s\n", in);
      return 1;
    }
    StrList cmd = {0};
    const char *args[] = {opt, in, "--enable-threads", "--enable-simd", "--enable-bulk-memory",
                          "--enable-sign-ext", "--enable-nontrapping-float-to-int",
                          "--enable-mutable-globals", "--asyncify",
                          "--pass-arg=asyncify-imports@env.grid_sync",
                          "--pass-arg=asyncify-ignore-indirect", "-O1", "-o", out};
    for (size_t a = 0; a < sizeof args / sizeof *args; a++) sl_add(&cmd, args[a]);
    CcOpts quiet = {0};
    int rc = cc_run(&quiet, &cmd);
    sl_free(&cmd);
    size_t len = 0;
    unsigned char *bytes = rc == 0 ? (unsigned char *)cw_read_file(out, &len) : NULL;
    if (!bytes) {
      fprintf(stderr, "cuwasm cc: %s could not make the kernels of %s resumable at grid_group::sync()\n",
              opt, tus[i].path);
      return 1;
    }
    free(tus[i].wasm);
    tus[i].wasm = bytes;
    tus[i].wasm_len = len;
  }
  return 0;
}

static int write_table(const WebTU *tus, int n, const char *path) {
  StrBuf sb;
  sb_init(&sb);
  sb_puts(&sb, "/* generated by cuwasm cc --target web */\n#include \"compat/web/web_table.h\"\n");
  for (int i = 0; i < n; i++) table_tu(&sb, i, cw_program_module(tus[i].prog));
  sb_puts(&sb, "const CwWebTU cw_web_tus[] = {\n");
  for (int i = 0; i < n; i++) {
    const KModule *m = cw_program_module(tus[i].prog);
    int nk = 0;
    for (int f = 0; f < m->funcs.len; f++) {
      const KFunc *k = m->funcs.items[f];
      nk += (k->flags & KF_GLOBAL) && k->body;
    }
    sb_puts(&sb, "  {");
    c_string(&sb, tus[i].abs);
    sb_printf(&sb, ", %d, tu%d, %d},\n", i, i, nk);
  }
  sb_printf(&sb, "  {0, 0, 0, 0}};\nconst int cw_web_ntus = %d;\n", n);
  sb_puts(&sb, "const CwWebLambda cw_web_lambdas[] = {\n");
  if (lambda_table.data) sb_puts(&sb, lambda_table.data);
  sb_puts(&sb, "  {0, 0, 0, 0, 0}};\n");
  bool ok = sb.data && put_file(path, sb.data, sb.len);
  sb_free(&sb);
  return ok ? 0 : 1;
}

/* ---- link and output ---------------------------------------------------------- */

static int link_core(const CcOpts *o, const StrList *flags, const StrList *objs, const StrList *rt,
                     const char *table, int global_base, const char *tmp, const char *core) {
  char tobj[PATH_MAX], gb[64];
  snprintf(tobj, sizeof tobj, "%s/web_table.o", tmp);
  StrList cmd = {0};
  sl_add(&cmd, tool("CUWASM_EMCC", "emcc"));
  sl_add(&cmd, "-c");
  add_runtime_cflags(&cmd, o);
  sl_add(&cmd, table);
  sl_add(&cmd, "-o");
  sl_add(&cmd, tobj);
  int rc = cc_run(o, &cmd);
  sl_free(&cmd);
  if (rc) return 1;
  sl_add(&cmd, tool("CUWASM_EMXX", "em++"));
  sl_add(&cmd, o->opt ? o->opt : "-O2");
  for (int i = 0; i < flags->n; i++) sl_add(&cmd, flags->v[i]);
  for (int i = 0; i < objs->n; i++) sl_add(&cmd, objs->v[i]);
  for (int i = 0; i < rt->n; i++) sl_add(&cmd, rt->v[i]);
  sl_add(&cmd, tobj);
  for (int i = 0; i < o->libdirs.n; i++) {
    char f[PATH_MAX + 4];
    snprintf(f, sizeof f, "-L%s", o->libdirs.v[i]);
    sl_add(&cmd, f);
  }
  /* CUDA's own libraries are the runtime linked in already (native builds
   * find them as links to it in lib/cuwasm) */
  for (int i = 0; i < o->libs.n; i++) {
    if (cc_is_runtime_lib(o->libs.v[i])) continue;
    char f[PATH_MAX + 4];
    snprintf(f, sizeof f, "-l%s", o->libs.v[i]);
    sl_add(&cmd, f);
  }
  /* CUWASM_* variables reach getenv (Node's environment; in a page,
   * globalThis.cuwasmEnv, from the URL's ?backend=); in Node, the
   * program sees the machine's files: NODEFS mounts / at /host, the
   * working folder is /host/CWD, and the top-level folders of / are links
   * to /host/… (but /dev and /proc, emscripten's own; its empty /tmp and
   * /home give way), with the user's permissions (root's writes into
   * read-only folders succeed, as natively).  The page has only
   * emscripten's in-memory files. */
  char pre[PATH_MAX];
  snprintf(pre, sizeof pre, "%s/node_files.js", tmp);
  static const char pre_js[] =
      /* ES5: emscripten's JS optimiser mangles destructuring */
      "Module.preRun = [].concat(Module.preRun || [], function () {\n"
      "  var vars = ENVIRONMENT_IS_NODE ? process.env : (globalThis.cuwasmEnv || {});\n"
      "  Object.keys(vars).forEach(function (k) { if (k.indexOf('CUWASM_') === 0) ENV[k] = vars[k]; });\n"
      "  if (!ENVIRONMENT_IS_NODE) return;\n"
      /* root writes into read-only folders natively; emscripten checks
       * mode bits itself, after preRun */
      "  if (process.getuid && process.getuid() === 0) {\n"
      "    var init = Module.onRuntimeInitialized;\n"
      "    Module.onRuntimeInitialized = function () { FS.ignorePermissions = true; if (init) init(); };\n"
      "  }\n"
      "  FS.mkdir('/host');\n"
      "  FS.mount(NODEFS, { root: '/' }, '/host');\n"
      "  FS.chdir('/host' + process.cwd());\n"
      "  require('fs').readdirSync('/').forEach(function (name) {\n"
      "    if (name === 'dev' || name === 'proc' || name === 'host') return;\n"
      "    try { if (name === 'tmp' || name === 'home') FS.rmdir('/' + name); } catch (e) {}\n"
      "    try { FS.symlink('/host/' + name, '/' + name); } catch (e) {}\n"
      "  });\n"
      "});\n";
  if (!put_file(pre, pre_js, sizeof pre_js - 1)) return 1;
  sl_add(&cmd, "--pre-js");
  sl_add(&cmd, pre);
  sl_add(&cmd, "-lnodefs.js");
  sl_add(&cmd, "-sFORCE_FILESYSTEM=1");
  snprintf(gb, sizeof gb, "-sGLOBAL_BASE=%d", global_base);
  static const char *const settings[] = {
      "-sMODULARIZE=1", "-sEXPORT_NAME=cuwasmProgram", "-sSINGLE_FILE=1", "-sINVOKE_RUN=0",
      "-sEXIT_RUNTIME=1", "-sALLOW_MEMORY_GROWTH=1",
      "-sNODEJS_CATCH_EXIT=0", "-sNODEJS_CATCH_REJECTION=0",
      /* WebGPU: the blocking calls wait for the GPU through Asyncify
       * (web_runtime.c's EM_ASYNC_JS functions; docs/web-programs.md) */
      "-sASYNCIFY=1", "-sASYNCIFY_STACK_SIZE=65536",
      "-sEXPORTED_FUNCTIONS=_main,_malloc,_free,_exit,_fflush",
      "-sEXPORTED_RUNTIME_METHODS=ccall", NULL};
  sl_add(&cmd, gb);
  for (int i = 0; settings[i]; i++) sl_add(&cmd, settings[i]);
  /* with threads, the heap is a SharedArrayBuffer (and emscripten wants
   * its worker environment, although no host thread is started) */
  sl_add(&cmd, with_threads(o) ? "-sENVIRONMENT=web,node,worker" : "-sENVIRONMENT=web,node");
  if (with_threads(o)) sl_add(&cmd, "-Wno-pthreads-mem-growth");
  sl_add(&cmd, "-o");
  sl_add(&cmd, core);
  rc = cc_run(o, &cmd);
  sl_free(&cmd);
  return rc ? 1 : 0;
}

/* Header-only libraries the native build finds in /usr/include (Debian's
 * Thrust and CUB) reach emscripten's compilers through a folder of links
 * to them alone: /usr/include itself would bring glibc's headers. */
static void system_libraries(const char *tmp, StrList *xcomp) {
  static const char *const libs[] = {"thrust", "cub"};
  char dir[PATH_MAX], link[PATH_MAX + 16], target[64];
  snprintf(dir, sizeof dir, "%s/system", tmp);
  bool any = false;
  for (int i = 0; i < 2; i++) {
    snprintf(target, sizeof target, "/usr/include/%s", libs[i]);
    if (access(target, R_OK) != 0) continue;
    if (!any && mkdir(dir, 0700) != 0) return;
    any = true;
    snprintf(link, sizeof link, "%s/%s", dir, libs[i]);
    if (symlink(target, link) != 0) return;
  }
  if (!any) return;
  sl_add(xcomp, "-isystem");
  sl_add(xcomp, dir);
  sl_add(xcomp, "-Wno-unused-command-line-argument"); /* compiling preprocessed output */
}

/* Whether a program of that name can be run (a path, or found on PATH). */
static bool on_path(const char *prog) {
  if (strchr(prog, '/')) return access(prog, X_OK) == 0;
  const char *path = getenv("PATH");
  char dir[PATH_MAX * 2];
  for (const char *p = path ? path : ""; *p;) {
    size_t n = strcspn(p, ":");
    snprintf(dir, sizeof dir, "%.*s/%s", (int)n, p, prog);
    if (n && access(dir, X_OK) == 0) return true;
    p += n + (p[n] == ':');
  }
  return false;
}

bool cc_is_web(const CcOpts *o) { return o->target && !strcmp(o->target, "web"); }

void cc_web_parts(StrList *files) {
  runtime_sources(files);
  static const char *const more[] = {"src/compat/compat.h", "src/compat/web/web_table.h",
                                     "include/cuda/curand.h", "include/cuda/cw_curand_core.h",
                                     "include/cuda/cw_curand_tables.h",
                                     "src/compat/host_glue.h",
                                     "web/src/wasm.js", "web/src/wasm_host.js",
                                     "web/src/wasm_pool.js", "web/src/wasm_pool_shared.js",
                                     "web/src/program.js",
                                     "web/src/program_gpu.js", "web/src/runtime.js",
                                     "web/src/gpu.js", "web/src/debug.js"};
  for (size_t i = 0; i < sizeof more / sizeof *more; i++) {
    char p[PATH_MAX];
    snprintf(p, sizeof p, "%s/%s", CUWASM_SOURCE_DIR, more[i]);
    sl_add(files, p);
  }
}

/* ---- OpenMP in the host code: one thread ------------------------------------ */

/* emscripten has no OpenMP runtime: host code asking for OpenMP
 * (-Xcompiler -fopenmp, -lgomp) is compiled without it, its pragmas
 * ignored, and finds src/compat/web/serial_openmp/omp.h, the API of a
 * team of one thread.  The flags that ask for it are left out of `keep`. */
static bool openmp_flag(const char *flag) {
  return !strncmp(flag, "-fopenmp", 8) || !strcmp(flag, "-qopenmp");
}
static bool openmp_lib(const char *lib) { return !strcmp(lib, "gomp") || !strcmp(lib, "omp"); }

static bool without_openmp(const StrList *from, StrList *keep, bool (*is_openmp)(const char *)) {
  bool found = false;
  for (int i = 0; i < from->n; i++)
    if (is_openmp(from->v[i])) found = true;
    else sl_add(keep, from->v[i]);
  return found;
}

int cc_web_build(const CcOpts *in) {
  if (in->compile_only || in->preprocess_only || in->deps != CC_DEPS_NONE || in->device_link) {
    fprintf(stderr, "cuwasm cc: --target web builds whole programs (no -c, -E, -M, -dlink)\n");
    return 2;
  }
  const char *out = in->out ? in->out : "a.mjs";
  if (!ends_with(out, ".mjs") && !ends_with(out, ".html")) {
    fprintf(stderr, "cuwasm cc: --target web writes APP.mjs or APP.html, not '%s'\n", out);
    return 2;
  }
  /* threads: the kernels' blocks on Web Workers sharing the heap, which
   * must then be a SharedArrayBuffer: always there in Node, and in pages
   * only when cross-origin isolated (COOP/COEP headers); so APP.mjs has
   * them and APP.html not, unless --web-threads says otherwise */
  if (in->web_threads && strcmp(in->web_threads, "on") && strcmp(in->web_threads, "off")) {
    fprintf(stderr, "cuwasm cc: --web-threads takes on or off, not '%s'\n", in->web_threads);
    return 2;
  }
  const char *need[] = {tool("CUWASM_EMXX", "em++"), tool("CUWASM_EMCC", "emcc"),
                        tool("CUWASM_NM", "emnm"), tool("CUWASM_CXXFILT", "c++filt")};
  for (int i = 0; i < 4; i++)
    if (!on_path(need[i])) {
      fprintf(stderr, "cuwasm cc: --target web needs %s (emscripten: emcc, em++, emnm; "
              "binutils: c++filt), which is not on the PATH\n", need[i]);
      return 1;
    }
  setenv("NODE_PATH", "/usr/share/nodejs", 0); /* Debian's emscripten needs it */
  char tmp[PATH_MAX];
  const char *td = getenv("TMPDIR");
  snprintf(tmp, sizeof tmp, "%s/cuwasm-web-XXXXXX", td && *td ? td : "/tmp");
  if (!mkdtemp(tmp)) {
    perror("cuwasm cc: mkdtemp");
    return 1;
  }
  CcOpts o = *in;
  /* -rdc=true: each file's device code is still one module of its own,
   * so device code may launch kernels (dynamic parallelism) but not use
   * another file's device functions or variables: the front end says so */
  o.rdc = false;
  o.unlinked = true;
  if (!o.web_threads) o.web_threads = ends_with(out, ".mjs") ? "on" : "off";
  o.ilp32 = true; /* the device code lays data out as the wasm32 host code does */
  o.ccbin = tool("CUWASM_EMXX", "em++");
  o.host_cc = tool("CUWASM_EMCC", "emcc");
  StrList xcomp = {0}; /* the user's host flags, and C++ exceptions (emscripten's default aborts) */
  StrList xlink = {0}, libs = {0}, inc = {0};
  bool openmp = without_openmp(&in->xcomp, &xcomp, openmp_flag);
  openmp |= without_openmp(&in->xlink, &xlink, openmp_flag);
  openmp |= without_openmp(&in->libs, &libs, openmp_lib);
  for (int i = 0; i < in->inc.n; i++) sl_add(&inc, in->inc.v[i]);
  if (openmp) {
    fprintf(stderr, "cuwasm cc: note: --target web: the host code's OpenMP runs on one thread "
            "(emscripten has no OpenMP runtime)\n");
    sl_add(&inc, CUWASM_SOURCE_DIR "/src/compat/web/serial_openmp");
    sl_add(&xcomp, "-Wno-unknown-pragmas");
    sl_add(&xcomp, "-Wno-source-uses-openmp");
  }
  o.xlink = xlink;
  o.libs = libs;
  o.inc = inc;
  sl_add(&xcomp, "-fexceptions");
  if (with_threads(&o)) sl_add(&xcomp, "-pthread");
  StrList link_flags = {0}; /* the same, less the include path */
  for (int i = 0; i < xcomp.n; i++) sl_add(&link_flags, xcomp.v[i]);
  /* what the native build's glibc and gcc allow that emscripten's musl
   * and clang do not: <error.h> (after the system's own headers), struct
   * timeval, which glibc's <stdlib.h> declares on the side, and calls to
   * undeclared functions, which gcc 12 only warns about (Rodinia's b+tree
   * calls gettimeofday with no <sys/time.h>) */
  sl_add(&xcomp, "-idirafter");
  sl_add(&xcomp, CUWASM_SOURCE_DIR "/src/compat/web/glibc");
  sl_add(&xcomp, "-include");
  sl_add(&xcomp, "sys/time.h");
  sl_add(&xcomp, "-Wno-error=implicit-function-declaration");
  system_libraries(tmp, &xcomp);
  o.xcomp = xcomp;
  StrList objs = {0}, rt = {0};
  WebTU *tus = calloc((size_t)o.inputs.n + 1, sizeof *tus);
  int ntu = 0, rc = tus ? 0 : 1;
  if (rc == 0) rc = cc_compile_all(&o, tmp, &objs);
  for (int i = 0; i < o.inputs.n && rc == 0; i++) {
    if (!cc_is_cuda_input(&o, cc_ext_of(o.inputs.v[i]))) continue;
    WebTU *t = &tus[ntu++];
    t->path = o.inputs.v[i];
    if (!realpath(t->path, t->abs)) snprintf(t->abs, sizeof t->abs, "%s", t->path);
    rc = cc_device_compile(&o, t->path, &t->prog);
    if (rc == 0) rc = instantiate(&o, t->prog, t->path, objs.v[i], tmp);
  }
  int base = 1024;
  if (rc == 0) rc = emit_modules(tus, ntu, &base);
  if (rc == 0) rc = resumable_modules(tus, ntu, tmp);
  char table[PATH_MAX], core[PATH_MAX];
  snprintf(table, sizeof table, "%s/web_table.c", tmp);
  snprintf(core, sizeof core, "%s/core.js", tmp);
  if (rc == 0) rc = write_table(tus, ntu, table);
  if (rc == 0) rc = runtime_objects(&o, &rt);
  if (rc == 0) rc = link_core(&o, &link_flags, &objs, &rt, table, (base + 1023) / 1024 * 1024 + 1024, tmp, core);
  const unsigned char **wasm = calloc((size_t)ntu + 1, sizeof *wasm);
  size_t *wasm_len = calloc((size_t)ntu + 1, sizeof *wasm_len);
  const char **wgsl = calloc((size_t)ntu + 1, sizeof *wgsl);
  for (int i = 0; wasm && wasm_len && wgsl && i < ntu; i++)
    wasm[i] = tus[i].wasm, wasm_len[i] = tus[i].wasm_len, wgsl[i] = tus[i].wgsl;
  char *module = rc == 0 && wasm && wasm_len && wgsl
                     ? cc_web_module(wasm, wasm_len, wgsl, ntu, core) : NULL;
  free(wasm);
  free(wasm_len);
  free(wgsl);
  if (rc == 0 && !module) rc = 1;
  if (rc == 0) {
    const char *slash = strrchr(o.inputs.v[0], '/');
    char *page = ends_with(out, ".html") ? cc_web_page(module, slash ? slash + 1 : o.inputs.v[0])
                                          : NULL;
    const char *text = page ? page : module;
    if (!put_file(out, text, strlen(text))) {
      fprintf(stderr, "cuwasm cc: cannot write %s: %s\n", out, strerror(errno));
      rc = 1;
    }
    free(page);
  }
  free(module);
  for (int i = 0; i < ntu; i++) {
    cw_program_free(tus[i].prog);
    free(tus[i].wasm);
    free(tus[i].wgsl);
  }
  free(tus);
  sl_free(&objs);
  sl_free(&rt);
  sl_free(&xcomp);
  sl_free(&xlink);
  sl_free(&libs);
  sl_free(&inc);
  sl_free(&link_flags);
  if (o.keep) fprintf(stderr, "cuwasm cc: temporaries kept in %s\n", tmp);
  else cc_remove_tree(tmp);
  return rc;
}
