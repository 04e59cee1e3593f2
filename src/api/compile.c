/*
 * compile.c — the compiler half of the public API (include/cuwasm.h):
 * options, diagnostics objects, programs, and emission by target name.
 *
 * A cw_program owns the arena that holds its KIR module and its source
 * files; diagnostics keep their own copies of what they show, so they
 * outlive the program (and a failed compilation frees its arena at once).
 * A compilation can report every file its preprocessor looked for
 * (cw_compile_source_noting), for the runtime's cache of translations.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cuwasm.h"
#include "emit/emit.h"
#include "kir/passes/fission.h"
#include "front/parser.h"
#include "program.h"

struct cw_diags {
  CwDiags d;
};

struct cw_program {
  Arena arena;
  Arena tokens;   /* the main file's tokens, partly given back (parse_release.c) */
  Arena scratch;  /* the parser's scratch (Parser.scratch) */
  KModule *m;
  Parser *parser; /* kept for instantiating templates on demand */
  const char **tool_opts; /* cw_program_tool_options */
  int ntool_opts;
  /* what a second compilation needs (cw_program_device_source): the main
   * file as read, and a copy of the options */
  SrcFile *main_file;
  cw_compile_options opts;
  bool has_opts;
  PtrVec requests; /* Request*: what cw_program_instantiate/_host_lambda did */
};

static void program_free(cw_program *prog) {
  arena_free(&prog->scratch);
  arena_free(&prog->arena); /* before the tokens: it borrows their pages */
  arena_free(&prog->tokens);
  free(prog);
}

static const char *const *copy_strings(Arena *a, const char *const *v, int n) {
  if (n <= 0) return NULL;
  const char **c = arena_alloc(a, sizeof *c * (size_t)n);
  for (int i = 0; i < n; i++) c[i] = arena_strdup(a, v[i]);
  return c;
}

static void copy_options(cw_program *prog, const cw_compile_options *o) {
  if (!o) return;
  Arena *a = &prog->arena;
  prog->opts = *o;
  prog->opts.include_dirs = copy_strings(a, o->include_dirs, o->n_include_dirs);
  prog->opts.defines = copy_strings(a, o->defines, o->n_defines);
  prog->opts.undefs = copy_strings(a, o->undefs, o->n_undefs);
  if (o->cuda_include_dir) prog->opts.cuda_include_dir = arena_strdup(a, o->cuda_include_dir);
  prog->has_opts = true;
}

static void remember_options(cw_program *prog, const char *src_name, const cw_compile_options *o) {
  Arena *a = &prog->arena;
  int n = 1 + (o ? o->n_include_dirs + o->n_defines + o->n_undefs : 0);
  prog->tool_opts = arena_alloc(a, sizeof(char *) * (size_t)(n + 1));
  const char *slash = strrchr(src_name, '/');
  prog->tool_opts[prog->ntool_opts++] =
      slash ? arena_printf(a, "--include-path=%.*s", (int)(slash - src_name), src_name)
            : "--include-path=.";
  for (int i = 0; o && i < o->n_include_dirs; i++)
    prog->tool_opts[prog->ntool_opts++] = arena_printf(a, "--include-path=%s", o->include_dirs[i]);
  for (int i = 0; o && i < o->n_defines; i++)
    prog->tool_opts[prog->ntool_opts++] = arena_printf(a, "-D%s", o->defines[i]);
  for (int i = 0; o && i < o->n_undefs; i++)
    prog->tool_opts[prog->ntool_opts++] = arena_printf(a, "-U%s", o->undefs[i]);
}

const char *const *cw_program_tool_options(cw_program *p, int *n) {
  *n = p->ntool_opts;
  return p->tool_opts;
}

cw_diags *cw_diags_new(void) {
  cw_diags *d = calloc(1, sizeof *d);
  if (d) diags_init(&d->d);
  return d;
}

void cw_diags_free(cw_diags *d) {
  if (!d) return;
  diags_free(&d->d);
  free(d);
}

int cw_diags_error_count(const cw_diags *d) { return d ? d->d.errors : 0; }
int cw_diags_warning_count(const cw_diags *d) { return d ? d->d.warnings : 0; }
char *cw_diags_render(const cw_diags *d) { return diags_render(&d->d); }
CwDiags *cw_diags_internal(cw_diags *d) { return &d->d; }

const char *cw_version(void) { return CUWASM_VERSION; }

/* CUWASM_INCLUDE_DIR; else the source tree this library was built from,
 * while it exists; else where `cmake --install` puts the headers for the
 * prefix configured at build time (a relocated install sets the option
 * cuda_include_dir or the variable; `cuwasm cc` does so itself). */
const char *cw_cuda_include_dir(void) {
  const char *env = getenv("CUWASM_INCLUDE_DIR");
  if (env && *env) return env;
#ifdef CUWASM_INSTALL_CUDA_INCLUDE
  if (access(CUWASM_SOURCE_DIR "/include/cuda/cuda_runtime.h", R_OK) != 0)
    return CUWASM_INSTALL_CUDA_INCLUDE;
#endif
  return CUWASM_SOURCE_DIR "/include/cuda";
}

static void fill_pp(PPOptions *pp, const cw_compile_options *o) {
  memset(pp, 0, sizeof *pp);
  pp->cuda_include_dir = cw_cuda_include_dir();
  pp->implicit_cuda_runtime = true;
  pp->cuda_arch = 800;
  if (!o) return;
  pp->include_dirs = (const char **)o->include_dirs;
  pp->n_include_dirs = o->n_include_dirs;
  pp->defines = (const char **)o->defines;
  pp->n_defines = o->n_defines;
  pp->undefs = (const char **)o->undefs;
  pp->n_undefs = o->n_undefs;
  if (o->cuda_arch) pp->cuda_arch = o->cuda_arch;
  pp->ilp32 = o->ilp32;
  if (o->cuda_include_dir && *o->cuda_include_dir) pp->cuda_include_dir = o->cuda_include_dir;
}

/* A whole-program build (no -rdc=true) has nothing to link against:
 * what its kernels use must be defined in the file, as nvcc requires. */
static void report_whole_program_extern(void *ctx, const KFunc *fn, const KVar *var, SrcLoc use) {
  if (fn)
    diag_add(ctx, DIAG_ERROR, use,
             "device function '%s' is declared but not defined in this file; a definition in "
             "another file needs separate compilation (build with -rdc=true or -dc)", fn->name);
  else
    diag_add(ctx, DIAG_ERROR, use,
             "extern __device__ variable '%s' is not defined in this file; a definition in "
             "another file needs separate compilation (build with -rdc=true or -dc)", var->name);
}

/* The same where each file's device code stays on its own (--target web). */
static void report_unlinked_extern(void *ctx, const KFunc *fn, const KVar *var, SrcLoc use) {
  diag_add(ctx, DIAG_ERROR, use,
           "%s '%s' is not defined in this file, and --target web does not link one file's device "
           "code with another's yet (each file's kernels are one WebAssembly module): define it "
           "here, or build natively with -rdc=true", fn ? "device function" : "extern __device__ variable",
           fn ? fn->name : var->name);
}

static cw_status finish(cw_program *prog, cw_diags *diags, Parser *ps, bool relocatable,
                        bool unlinked, cw_program **out) {
  if (ps && !diags->d.errors) {
    ps->m->relocatable = relocatable;
    if (!relocatable)
      kir_undefined_externs(ps->m, true, unlinked ? report_unlinked_extern : report_whole_program_extern,
                            &diags->d);
  }
  if (diags->d.errors || !ps) {
    program_free(prog);
    return CW_ERR_COMPILE;
  }
  prog->m = ps->m;
  prog->parser = ps;
  *out = prog;
  return CW_OK;
}

/* From this size of the main file on, the parser gives back the tokens it
 * is done with (front/parse_release.c): below it they are a few MiB at
 * most, and the CUDA backend would pay a second front-end pass for its
 * device source (cw_program_device_source). */
enum { RELEASE_TOKENS_FROM = 256 * 1024 };

/* keep_tokens: the whole token list stays (front_device_source needs it);
 * otherwise a large file's parsed tokens are given back */
static cw_status compile(SrcFile *(*load)(Arena *, const void *), const void *ctx,
                         const cw_compile_options *opts, const CwInputNote *note,
                         cw_diags *diags, cw_program **out, bool keep_tokens) {
  *out = NULL;
  if (!diags) return CW_ERR_INVALID;
  cw_program *prog = calloc(1, sizeof *prog);
  if (!prog) return CW_ERR_NOMEM;
  arena_init(&prog->arena);
  arena_init(&prog->tokens);
  arena_init(&prog->scratch);
  jmp_buf oom;
  prog->arena.oom = prog->tokens.oom = prog->scratch.oom = &oom;
  if (setjmp(oom)) {
    program_free(prog);
    return CW_ERR_NOMEM;
  }
  SrcFile *f = load(&prog->arena, ctx);
  if (!f) {
    program_free(prog);
    return CW_ERR_IO;
  }
  PPOptions pp;
  fill_pp(&pp, opts);
  if (note) pp.note_input = note->fn, pp.note_input_ctx = note->ctx;
  if (!keep_tokens && f->size >= RELEASE_TOKENS_FROM) {
    pp.main_tokens = &prog->tokens;
    /* the pages of parsed tokens hold the KIR made after them */
    arena_lend(&prog->tokens, &prog->arena);
  }
  remember_options(prog, f->name, opts);
  copy_options(prog, opts);
  prog->main_file = f;
  Parser *ps = front_compile(&prog->arena, &prog->scratch, &diags->d, f, &pp);
  prog->arena.oom = prog->tokens.oom = prog->scratch.oom = NULL;
  return finish(prog, diags, ps, opts && opts->relocatable, opts && opts->unlinked, out);
}

static SrcFile *load_path(Arena *a, const void *ctx) { return srcfile_load(a, ctx); }

cw_status cw_compile_file(const char *path, const cw_compile_options *opts,
                          cw_diags *diags, cw_program **out) {
  cw_status st = compile(load_path, path, opts, NULL, diags, out, false);
  if (st == CW_ERR_IO && diags)
    diag_add(&diags->d, DIAG_ERROR, (SrcLoc){0}, "cannot read '%s'", path);
  return st;
}

typedef struct MemSrc {
  const char *name, *src;
  size_t size;
} MemSrc;

static SrcFile *load_mem(Arena *a, const void *ctx) {
  const MemSrc *m = ctx;
  return srcfile_new(a, m->name, m->src, m->size); /* copies the text */
}

cw_status cw_compile_source(const char *name, const char *source, size_t size,
                            const cw_compile_options *opts, cw_diags *diags,
                            cw_program **out) {
  if (!source || !out) return CW_ERR_INVALID;
  MemSrc m = {name ? name : "<source>", source, size};
  return compile(load_mem, &m, opts, NULL, diags, out, false);
}

cw_status cw_compile_source_keeping_tokens(const char *name, const char *source, size_t size,
                                           const cw_compile_options *opts, cw_diags *diags,
                                           cw_program **out) {
  if (!source || !out) return CW_ERR_INVALID;
  MemSrc m = {name ? name : "<source>", source, size};
  return compile(load_mem, &m, opts, NULL, diags, out, true);
}

cw_status cw_compile_source_noting(const char *name, const char *source, size_t size,
                                   const cw_compile_options *opts, const CwInputNote *note,
                                   cw_diags *diags, cw_program **out) {
  if (!source || !out) return CW_ERR_INVALID;
  MemSrc m = {name ? name : "<source>", source, size};
  return compile(load_mem, &m, opts, note, diags, out, false);
}

void cw_program_free(cw_program *p) {
  if (p) program_free(p);
}

KModule *cw_program_module(cw_program *p) { return p->m; }

int cw_program_kernel_count(const cw_program *p) {
  int n = 0;
  for (int i = 0; i < p->m->funcs.len; i++) {
    KFunc *f = p->m->funcs.items[i];
    if ((f->flags & KF_GLOBAL) && f->body) n++;
  }
  return n;
}

const char *cw_program_kernel_name(const cw_program *p, int i) {
  for (int k = 0; k < p->m->funcs.len; k++) {
    KFunc *f = p->m->funcs.items[k];
    if (!(f->flags & KF_GLOBAL) || !f->body) continue;
    if (i-- == 0) return f->name;
  }
  return NULL;
}

typedef struct ExternRefusal {
  CwDiags *d;
  const char *target;
} ExternRefusal;

static void refuse_extern(void *ctx, const KFunc *fn, const KVar *var, SrcLoc use) {
  ExternRefusal *r = ctx;
  diag_add(r->d, DIAG_ERROR, use,
           "separate compilation is not supported for %s yet: %s '%s' is defined in another "
           "file; put the definition in this file", r->target,
           fn ? "device function" : "extern __device__ variable", fn ? fn->name : var->name);
}

/* Targets whose shaders cannot be linked refuse what another TU defines. */
static bool refuse_externs(const KModule *m, CwDiags *d, const char *target) {
  ExternRefusal r = {d, target};
  return kir_undefined_externs(m, false, refuse_extern, &r) > 0;
}

cw_status cw_program_emit(cw_program *p, const char *target, cw_diags *diags, char **text) {
  (void)diags;
  *text = NULL;
  if (!p || !target) return CW_ERR_INVALID;
  if (!strcmp(target, "kir")) {
    StrBuf sb;
    sb_init(&sb);
    kir_dump(&sb, p->m);
    if (sb.failed) {
      sb_free(&sb);
      return CW_ERR_NOMEM;
    }
    *text = sb_take(&sb);
    return CW_OK;
  }
  /* c-check-sync: check mode for synccheck alone, memory accesses as usual;
   * c-check-race: with racecheck's inline paths */
  bool sync_only = !strcmp(target, "c-check-sync"), races = !strcmp(target, "c-check-race");
  bool checked = !strcmp(target, "c-check") || sync_only || races;
  if (!strcmp(target, "c") || checked) { /* CPU backend's C (src/emit/c.c) */
    CwDiags tmp;
    diags_init(&tmp);
    CwDiags *dd = diags ? cw_diags_internal(diags) : &tmp;
    *text = checked ? emit_c_checked(p->m, NULL, dd, !sync_only, races) : emit_c(p->m, NULL, dd);
    diags_free(&tmp);
    return *text ? CW_OK : CW_ERR_COMPILE;
  }
  /* "wgsl[-json][:options]" (src/emit/wgsl.c; options: emit.h) */
  size_t tl = strcspn(target, ":");
  bool json = tl == 9 && !strncmp(target, "wgsl-json", 9);
  if ((tl == 4 && !strncmp(target, "wgsl", 4)) || json) {
    WgslOptions wo;
    if (!wgsl_parse_options(target[tl] ? target + tl + 1 : "", &wo)) return CW_ERR_INVALID;
    CwDiags tmp;
    diags_init(&tmp);
    CwDiags *d = diags ? cw_diags_internal(diags) : &tmp;
    int before = d->errors;
    if (refuse_externs(p->m, d, "WGSL") && !json) {
      diags_free(&tmp);
      return CW_ERR_COMPILE;
    }
    *text = json ? emit_wgsl_json(p->m, NULL, &wo, d) : emit_wgsl(p->m, NULL, &wo, d);
    bool rejected = d->errors > before && !json;
    diags_free(&tmp);
    if (!*text) return CW_ERR_NOMEM;
    return rejected ? CW_ERR_COMPILE : CW_OK;
  }
  if (!strcmp(target, "kir-threads")) { /* kernels after barrier fission (src/kir/passes) */
    CwDiags tmp;
    diags_init(&tmp);
    CwDiags *dd = diags ? cw_diags_internal(diags) : &tmp;
    int before = dd->errors;
    *text = kir_dump_fission(p->m, dd);
    bool rejected = dd->errors > before;
    diags_free(&tmp);
    if (!*text) return CW_ERR_NOMEM;
    return rejected ? CW_ERR_COMPILE : CW_OK;
  }
  if (!strcmp(target, "glsl")) { /* Vulkan compute shaders (src/emit/glsl.c) */
    CwDiags tmp;
    diags_init(&tmp);
    if (refuse_externs(p->m, diags ? cw_diags_internal(diags) : &tmp, "GLSL (Vulkan)")) {
      diags_free(&tmp);
      return CW_ERR_COMPILE;
    }
    *text = emit_glsl(p->m, diags ? cw_diags_internal(diags) : &tmp);
    diags_free(&tmp);
    return *text ? CW_OK : CW_ERR_COMPILE;
  }
  return CW_ERR_UNSUPPORTED;
}

/* A front-end call after compilation (the request of cw_program_instantiate
 * or cw_program_host_lambda): its diagnostics go to diags, and running out
 * of memory in the program's arena ends it with CW_ERR_NOMEM. */
typedef struct FrontRequest {
  const char *name; /* the kernel instance, or the host function */
  int key, line, index;
  const char *found;
} FrontRequest;

/* a request that succeeded, made again on a second compilation */
typedef struct Request {
  bool host_lambda; /* else an instantiation */
  FrontRequest r;
} Request;

static void remember_request(cw_program *p, bool host_lambda, const FrontRequest *r) {
  Request *q = arena_alloc(&p->arena, sizeof *q);
  q->host_lambda = host_lambda;
  q->r = *r;
  q->r.name = arena_strdup(&p->arena, r->name);
  q->r.found = NULL;
  vec_push(&p->arena, &p->requests, q);
}

static cw_status front_request(cw_program *p, cw_diags *diags, FrontRequest *r,
                               bool (*call)(Parser *, FrontRequest *)) {
  jmp_buf oom;
  p->arena.oom = p->scratch.oom = &oom;
  if (setjmp(oom)) {
    p->arena.oom = p->scratch.oom = NULL;
    return CW_ERR_NOMEM;
  }
  CwDiags *saved = p->parser->diags;
  p->parser->diags = &diags->d;
  bool ok = call(p->parser, r);
  p->parser->diags = saved;
  p->arena.oom = p->scratch.oom = NULL;
  return ok ? CW_OK : diags->d.errors ? CW_ERR_COMPILE : CW_ERR_NOT_FOUND;
}

static bool instantiate_request(Parser *parser, FrontRequest *r) {
  return front_instantiate(parser, r->name);
}

static bool host_lambda_request(Parser *parser, FrontRequest *r) {
  r->found = front_host_lambda(parser, r->name, r->key, r->line, r->index);
  return r->found != NULL;
}

cw_status cw_program_instantiate(cw_program *p, const char *cpp_name, cw_diags *diags) {
  if (!p || !cpp_name || !diags) return CW_ERR_INVALID;
  FrontRequest r = {.name = cpp_name};
  cw_status st = front_request(p, diags, &r, instantiate_request);
  if (st == CW_OK) remember_request(p, false, &r);
  return st;
}

cw_status cw_program_host_lambda(cw_program *p, const char *fn, int key, int line, int index,
                                 cw_diags *diags, const char **name) {
  if (!p || !fn || !diags || !name) return CW_ERR_INVALID;
  FrontRequest r = {.name = fn, .key = key, .line = line, .index = index};
  cw_status st = front_request(p, diags, &r, host_lambda_request);
  if (st == CW_OK) remember_request(p, true, &r);
  *name = r.found;
  return st == CW_ERR_NOT_FOUND ? CW_ERR_COMPILE : st;
}

cw_status cw_program_host_lambda_captures(cw_program *p, char **text) {
  *text = p && p->parser ? front_host_lambda_captures(p->parser) : NULL;
  return *text ? CW_OK : CW_ERR_INVALID;
}

bool cw_program_tokens_released(const cw_program *p) {
  return p && p->parser && p->parser->tokens_released;
}

cw_status cw_program_device_source(cw_program *p, char **text) {
  *text = p && p->parser ? front_device_source(p->parser) : NULL;
  if (!*text && p && p->parser && p->parser->tokens_released) {
    /* the parser gave tokens back: the same input again, keeping them
     * (the program compiled once, so this one does too) */
    MemSrc m = {p->main_file->name, p->main_file->contents, p->main_file->size};
    cw_diags *d = cw_diags_new();
    cw_program *again = NULL;
    if (d && compile(load_mem, &m, p->has_opts ? &p->opts : NULL, NULL, d, &again, true) == CW_OK) {
      for (int i = 0; i < p->requests.len; i++) { /* what the first one was asked since */
        Request *q = p->requests.items[i];
        FrontRequest r = q->r;
        front_request(again, d, &r, q->host_lambda ? host_lambda_request : instantiate_request);
      }
      *text = front_device_source(again->parser);
    }
    cw_program_free(again);
    cw_diags_free(d);
  }
  return *text ? CW_OK : CW_ERR_INVALID;
}
