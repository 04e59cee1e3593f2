/*
 * module_cache.c — CUDA source to a loaded module through the backend's
 * cache of whole translations (cw_module_load_source where the backend
 * has ops->module_cached: the CPU JIT, rt/cpu/jit_manifest.c).
 *
 * The key hashes everything besides files that shapes a translation: the
 * source text and name, the compile options (include folders, defines,
 * undefs, arch), the CUDA header folder, the working folder when any of
 * those paths is relative (relative includes resolve against it), the
 * library's version and the backend's name; the backend adds its own part
 * (the JIT: C compiler, flags, the library binary's identity).  A hit
 * runs no front end at all.  On a miss the source is compiled while every
 * file the preprocessor looks for is recorded (path; for a file read, its
 * stat() just after the read and a hash of the text the front end saw),
 * and the backend stores that list with the module, unless the
 * compilation gave warnings (a hit could not repeat them) or some input
 * could not be recorded.
 */
#include "rt_internal.h"
#include "profile.h"

#include "api/program.h"
#include "base/hash.h"
#include "front/token.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool source_key(const char *backend, const char *name, const char *source,
                       size_t size, const cw_compile_options *o, char out[33]) {
  CwHash h;
  cw_hash_init(&h);
  cw_hash_str(&h, "cuwasm source key 1");
  cw_hash_str(&h, CUWASM_VERSION);
  cw_hash_str(&h, backend);
  cw_hash_str(&h, name);
  cw_hash_u64(&h, size);
  cw_hash_bytes(&h, source, size);
  const char *inc = o && o->cuda_include_dir && *o->cuda_include_dir ? o->cuda_include_dir
                                                                      : cw_cuda_include_dir();
  cw_hash_str(&h, inc);
  bool relative = name[0] != '/' || inc[0] != '/';
  cw_hash_u64(&h, o ? (uint64_t)o->n_include_dirs : 0);
  for (int i = 0; o && i < o->n_include_dirs; i++) {
    cw_hash_str(&h, o->include_dirs[i]);
    if (!o->include_dirs[i] || o->include_dirs[i][0] != '/') relative = true;
  }
  cw_hash_u64(&h, o ? (uint64_t)o->n_defines : 0);
  for (int i = 0; o && i < o->n_defines; i++) cw_hash_str(&h, o->defines[i]);
  cw_hash_u64(&h, o ? (uint64_t)o->n_undefs : 0);
  for (int i = 0; o && i < o->n_undefs; i++) cw_hash_str(&h, o->undefs[i]);
  cw_hash_u64(&h, o && o->cuda_arch ? (uint64_t)o->cuda_arch : 800);
  if (o && o->relocatable) cw_hash_str(&h, "relocatable"); /* old keys stay valid */
  if (relative) {
    char cwd[4096];
    if (!getcwd(cwd, sizeof cwd)) return false;
    cw_hash_str(&h, cwd);
  }
  cw_hash_hex(&h, out);
  return true;
}

/* CwInputNote's fn: one file the preprocessor looked for. */
static void note_input(void *ctx, int kind, const char *path, const char *text,
                       size_t size) {
  CwInputs *in = ctx;
  if (in->unusable) return;
  if (in->n == in->cap) {
    int cap = in->cap ? in->cap * 2 : 32;
    CwInput *v = realloc(in->v, sizeof *v * (size_t)cap);
    if (!v) {
      in->unusable = true;
      return;
    }
    in->v = v;
    in->cap = cap;
  }
  CwInput e = {.path = strdup(path),
               .kind = kind == PP_INPUT_READ     ? CW_INPUT_READ
                       : kind == PP_INPUT_EXISTS ? CW_INPUT_EXISTS
                                                 : CW_INPUT_ABSENT};
  if (!e.path) {
    in->unusable = true;
    return;
  }
  if (e.kind == CW_INPUT_READ) {
    CwHash h;
    cw_hash_init(&h);
    cw_hash_bytes(&h, text, size);
    e.hash[0] = h.h[0];
    e.hash[1] = h.h[1];
    struct stat st;
    if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) { /* e.g. given in memory */
      free(e.path);
      in->unusable = true;
      return;
    }
    e.size = (uint64_t)st.st_size;
    e.ino = (uint64_t)st.st_ino;
    e.dev = (uint64_t)st.st_dev;
    e.mtime_ns = (int64_t)st.st_mtim.tv_sec * 1000000000 + st.st_mtim.tv_nsec;
    e.ctime_ns = (int64_t)st.st_ctim.tv_sec * 1000000000 + st.st_ctim.tv_nsec;
  }
  in->v[in->n++] = e;
}

static void inputs_free(CwInputs *in) {
  for (int i = 0; i < in->n; i++) free(in->v[i].path);
  free(in->v);
}

cw_status module_cache_load(cw_context *ctx, const char *name, const char *source,
                            size_t size, const cw_compile_options *opts,
                            cw_diags *diags, cw_module **out) {
  *out = NULL;
  if (!name) name = "<source>";
  char key[33];
  /* check-mode code differs from normal code for the same source */
  const char *flavour = !ctx->checking      ? ctx->ops->name
                        : ctx->check_races    ? "cpu+check-race"
                        : ctx->check_accesses ? "cpu+check"
                                              : "cpu+check-sync";
  bool keyed = source && source_key(flavour, name, source, size, opts, key);
  void *h;
  double t0 = cw_prof_start();
  if (keyed && ctx->ops->module_cached(ctx->dev, key, &h) == CW_OK) {
    cw_prof_add(CW_PROF_MODULE, t0);
    cw_module *m = calloc(1, sizeof *m);
    if (!m) {
      ctx->ops->module_unload(ctx->dev, h);
      return rt_fail(ctx, CW_ERR_NOMEM, "out of memory");
    }
    m->ctx = ctx;
    m->handle = h;
    *out = m;
    return CW_OK;
  }
  CwInputs in = {0};
  CwInputNote note = {note_input, &in};
  int warnings = cw_diags_warning_count(diags);
  cw_program *p = NULL;
  t0 = cw_prof_start();
  cw_status st = cw_compile_source_noting(name, source, size, opts, &note, diags, &p);
  cw_prof_add(CW_PROF_FRONT, t0);
  if (st != CW_OK) {
    inputs_free(&in);
    return rt_fail(ctx, st, "compilation of %s failed", name);
  }
  bool record = keyed && !in.unusable && cw_diags_warning_count(diags) == warnings;
  t0 = cw_prof_start();
  st = rt_module_load(ctx, p, record ? key : NULL, &in, out);
  cw_prof_add(CW_PROF_MODULE, t0);
  cw_program_free(p);
  inputs_free(&in);
  return st;
}
