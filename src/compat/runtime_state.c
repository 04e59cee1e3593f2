/*
 * runtime_state.c — the process-wide state of the CUDA runtime API: the
 * lazily created context, and the translation units, kernels and symbols
 * a program built by `cuwasm cc` registers before main.
 *
 * A TU's device code is compiled on first use: the front end compiles the
 * source the executable embeds, every template kernel the host code
 * instantiated is instantiated in the device program too (the host
 * compiler told us their names, e.g. `scale<float, 128>`), and the module
 * is loaded on the context's backend.  Names from the host compiler and
 * from our front end are compared after canonicalisation (spaces dropped,
 * `long unsigned int` → `unsigned long`, namespace qualifiers inside
 * template arguments dropped), since g++ and our sema spell some types
 * differently.
 */
#include "compat/compat.h"
#include "rt/profile.h"
#include "base/base.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static CompatState state = {.mu = PTHREAD_MUTEX_INITIALIZER};

CompatState *compat_state(void) { return &state; }

/* Check mode (CUWASM_CHECK): with "leaks" in the list, device memory
 * never freed; then the summary in compute-sanitizer's words.  Any error
 * makes the exit status 1. */
static void check_summary(void) {
  int errors = cw_context_check_errors(state.ctx);
  if (errors < 0) return;
  bool leaks = cw_check_list_from_env().leaks;
  size_t leaked = 0;
  int nleaks = 0;
  pthread_mutex_lock(&state.mu);
  for (int i = 0; leaks && i < state.nallocs; i++) {
    const CompatAlloc *a = &state.allocs[i];
    if (a->kind != cudaMemoryTypeDevice || a->graph_owned || !a->buf) continue;
    if (nleaks++ < 16)
      printf("========= Leaked %zu bytes at %p (cudaMalloc without cudaFree)\n", a->size, a->base);
    leaked += a->size;
  }
  /* a translation unit whose device code did not load ran no checks: an
   * error, not a clean summary */
  int unloaded = 0;
  for (int i = 0; i < state.ntus; i++)
    if (state.tus[i].load_failed) {
      printf("========= Device code of %s did not load: its kernels were not checked\n",
             state.tus[i].name);
      unloaded++;
    }
  pthread_mutex_unlock(&state.mu);
  if (nleaks)
    printf("========= LEAK SUMMARY: %zu bytes leaked in %d allocations\n", leaked, nleaks);
  errors += nleaks + unloaded;
  printf("========= ERROR SUMMARY: %d error%s\n", errors, errors == 1 ? "" : "s");
  fflush(NULL);
  if (errors) _Exit(1);
}

static void at_exit_flush(void) {
  if (!state.ctx) return;
  cw_synchronize(state.ctx); /* device printf of unsynced work */
  check_summary();
}

cw_context *compat_ctx(cudaError_t *err) {
  CompatState *g = &state;
  pthread_mutex_lock(&g->mu);
  if (!g->ctx && g->init_error == cudaSuccess) {
    const char *b = getenv("CUWASM_BACKEND");
    if ((!b || !*b) && cw_check_list_any(cw_check_list_from_env()))
      b = "cpu"; /* the checkers run on the CPU backend */
    cw_status st = cw_context_new(b && *b ? b : "auto", &g->ctx);
    /* the legacy default stream is the context's: on the CUDA backend the
     * driver's own legacy stream, so what runs on it waits on the device
     * for what other streams were given, as CUDA's does */
    if (st == CW_OK) g->null_stream = cw_context_default_stream(g->ctx);
    if (st != CW_OK) {
      snprintf(g->msg, sizeof g->msg, "cuwasm: %s", cw_last_error_message(g->ctx));
      cw_context_free(g->ctx);
      g->ctx = NULL;
      g->init_error = st == CW_ERR_UNAVAILABLE ? cudaErrorNoDevice
                                               : cudaErrorInitializationError;
    } else {
      atexit(at_exit_flush);
    }
  }
  cw_context *c = g->ctx;
  if (err) *err = c ? cudaSuccess : g->init_error;
  pthread_mutex_unlock(&g->mu);
  return c;
}

static bool grow(void **arr, int *cap, int n, size_t elem) {
  if (n < *cap) return true;
  int nc = *cap ? *cap * 2 : 16;
  void *p = realloc(*arr, (size_t)nc * elem);
  if (!p) return false;
  *arr = p;
  *cap = nc;
  return true;
}

static char *dup(const char *s) {
  size_t n = strlen(s) + 1;
  char *p = malloc(n);
  if (p) memcpy(p, s, n);
  return p;
}

/* ---- registration (before main) -------------------------------------- */

int __cuwasm_register_tu(const char *name, const char *src, size_t len,
                         const char *const *opts, int nopts) {
  CompatState *g = &state;
  pthread_mutex_lock(&g->mu);
  int id = -1;
  if (grow((void **)&g->tus, &g->captus, g->ntus, sizeof *g->tus)) {
    CompatTU *t = &g->tus[g->ntus];
    memset(t, 0, sizeof *t);
    t->name = dup(name);
    t->src = (char *)src; /* static storage of the executable */
    t->len = len;
    t->opts = calloc((size_t)nopts + 1, sizeof *t->opts);
    for (int i = 0; t->opts && i < nopts; i++) t->opts[t->nopts++] = dup(opts[i]);
    id = g->ntus++;
  }
  pthread_mutex_unlock(&g->mu);
  return id;
}

/* The kernel's name from its registration string: g++'s
 * __PRETTY_FUNCTION__ "… [with FT = void (*)(float*); FT F = scale<float, 128>]",
 * clang's "… [FT = void (*)(float *), F = &scale]" (clang drops the
 * template arguments of F), or, in a web build (host_glue.h), the
 * registration type's demangled name, which has them:
 * "(anonymous namespace)::__cuwasm_kreg<void (*)(float*), &(void scale<float, 128>(float*))>".
 * *sig gets FT, the kernel's pointer type (NULL when the string has
 * neither shape).  An anonymous namespace (`{anonymous}::`,
 * `(anonymous namespace)::`) is no part of the device code's name. */
/* p[0..n) without anonymous namespace qualifiers */
static char *drop_anonymous(const char *p, size_t n) {
  char *s = malloc(n + 1);
  if (!s) return NULL;
  static const char *const anon[] = {"{anonymous}::", "(anonymous namespace)::"};
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    size_t skip = 0;
    for (int a = 0; a < 2 && !skip; a++)
      if (!strncmp(p + i, anon[a], strlen(anon[a]))) skip = strlen(anon[a]);
    if (skip) { i += skip; continue; }
    s[o++] = p[i++];
  }
  s[o] = 0;
  return s;
}

char *compat_kernel_name(const char *pretty, char **sig) {
  const char *gcc = strstr(pretty, "[with FT = "), *clang = strstr(pretty, "[FT = ");
  const char *type = strstr(pretty, "__cuwasm_kreg<");
  const char *ft = gcc ? gcc + 11 : clang ? clang + 6 : type ? type + 14 : NULL;
  const char *sep = gcc ? "; FT F = " : clang ? ", F = " : ", &(";
  const char *f = ft ? strstr(ft, sep) : NULL;
  bool plain = false; /* a typeinfo name's "&name>": an extern "C" kernel, unmangled */
  if (!f && type && !gcc && !clang && (f = strstr(ft, ", &")) != NULL) sep = ", &", plain = true;
  *sig = NULL;
  if (!f) return dup(pretty);
  *sig = malloc((size_t)(f - ft) + 1);
  if (*sig) {
    memcpy(*sig, ft, (size_t)(f - ft));
    (*sig)[f - ft] = 0;
  }
  const char *p = f + strlen(sep);
  size_t n = 0;
  if (plain) {
    n = strlen(p);
    if (n && p[n - 1] == '>') n--;
  } else if (gcc || clang) {
    if (*p == '&') p++;
    n = strlen(p);
    if (n && p[n - 1] == ']') n--;
  } else { /* "void name<…>(params))>", "name(params))>" without template, or
             * "name)>" for an extern "C" kernel (its symbol is not mangled) */
    if (!strncmp(p, "void ", 5)) p += 5;
    static const char anon[] = "(anonymous namespace)";
    for (int depth = 0; p[n] && !((p[n] == '(' || p[n] == ')') && depth == 0 && strncmp(p + n, anon, 21)); n++) {
      if (!strncmp(p + n, anon, 21)) n += 20;
      else depth += p[n] == '<' ? 1 : p[n] == '>' ? -1 : 0;
    }
  }
  return drop_anonymous(p, n);
}

int __cuwasm_register_kernel(int tu, const void *fn, const char *pretty) {
  CompatState *g = &state;
  pthread_mutex_lock(&g->mu);
  int id = -1;
  for (int i = 0; i < g->nkernels; i++)
    if (g->kernels[i].fn == fn) id = i;
  if (id < 0 && grow((void **)&g->kernels, &g->capkernels, g->nkernels, sizeof *g->kernels)) {
    char *sig;
    char *name = compat_kernel_name(pretty, &sig);
    CompatKernel k = {fn, name, sig, NULL, tu, NULL, 0, false};
    char *device_name = compat_lambda_device_name(k.name), *device_sig = compat_lambda_device_name(k.sig);
    if (device_name) { /* extended lambdas: the device program's names for them */
      k.host_name = k.name;
      k.name = device_name;
    }
    if (device_sig) {
      free(k.sig);
      k.sig = device_sig;
    }
    g->kernels[g->nkernels] = k;
    id = g->nkernels++;
  }
  pthread_mutex_unlock(&g->mu);
  return id;
}

void __cuwasm_register_symbol(int tu, const void *shadow, size_t size, const char *name,
                              int managed) {
  CompatState *g = &state;
  pthread_mutex_lock(&g->mu);
  if (grow((void **)&g->syms, &g->capsyms, g->nsyms, sizeof *g->syms)) {
    CompatSymbol *s = &g->syms[g->nsyms++];
    memset(s, 0, sizeof *s);
    s->shadow = shadow;
    s->size = size;
    s->name = dup(name);
    s->tu = tu;
    s->managed = managed;
  }
  pthread_mutex_unlock(&g->mu);
}

int compat_kernel_by_fn(const void *fn) {
  CompatState *g = &state;
  pthread_mutex_lock(&g->mu);
  int id = -1;
  for (int i = 0; i < g->nkernels && id < 0; i++)
    if (g->kernels[i].fn == fn) id = i;
  pthread_mutex_unlock(&g->mu);
  return id;
}

/* ---- names ------------------------------------------------------------- */

static const char *const int_words[] = {"unsigned", "signed", "short", "long", "int", "char"};

/* Canonical spelling of a run of integer type words ("long unsigned int"
 * and "unsigned long" are one).  long and long long stay apart, as the
 * device code tells them apart (scan<long, 128> and scan<long long, 128>
 * are two instances, as on an LP64 host); char is signed, so char and signed char, which the
 * device code does not tell apart, are one. */
static void canon_int(const char **words, int n, char *out, size_t cap) {
  int cnt[6] = {0};
  for (int i = 0; i < n; i++)
    for (int w = 0; w < 6; w++)
      if (!strcmp(words[i], int_words[w])) cnt[w]++;
  out[0] = 0;
  if (cnt[5]) {
    snprintf(out, cap, "%schar", cnt[0] ? "unsigned" : "");
    return;
  }
  /* long and long long stay apart: a web build's device code has its
   * host's data model (ILP32), where int64_t is long long on both sides */
  bool wide = cnt[3] == 2;
  snprintf(out, cap, "%s%s", cnt[0] ? "u" : "", cnt[2] ? "short" : wide ? "llong"
           : cnt[3] ? "long" : "int");
}

static bool is_int_word(const char *w) {
  for (int i = 0; i < 6; i++)
    if (!strcmp(w, int_words[i])) return true;
  return false;
}

/* Drops spaces, canonicalises integer spellings and numeric suffixes, and
 * drops qualifiers `a::` inside template argument lists. */
static void canon_name(const char *in, char *out, size_t cap) {
  size_t o = 0;
  int depth = 0;
  const char *words[8];
  char wbuf[8][16];
  int nw = 0;
  for (const char *p = in;;) {
    while (*p == ' ') p++;
    if (isalpha((unsigned char)*p) || *p == '_') {
      const char *s = p;
      while (isalnum((unsigned char)*p) || *p == '_') p++;
      size_t n = (size_t)(p - s);
      char w[128];
      snprintf(w, sizeof w, "%.*s", (int)n, s);
      if (n < 16 && is_int_word(w) && nw < 8) {
        memcpy(wbuf[nw], w, n + 1);
        words[nw] = wbuf[nw];
        nw++;
        continue;
      }
      if (depth > 0 && p[0] == ':' && p[1] == ':') { p += 2; continue; }
      if (nw) { char c[32]; canon_int(words, nw, c, sizeof c); o += (size_t)snprintf(out + o, o < cap ? cap - o : 0, "%s", c); nw = 0; }
      o += (size_t)snprintf(out + o, o < cap ? cap - o : 0, "%s", w);
      continue;
    }
    if (nw) { char c[32]; canon_int(words, nw, c, sizeof c); o += (size_t)snprintf(out + o, o < cap ? cap - o : 0, "%s", c); nw = 0; }
    if (!*p) break;
    if (isdigit((unsigned char)*p)) {
      while (isalnum((unsigned char)*p) || *p == '.') {
        if (!strchr("uUlL", *p) && o + 1 < cap) out[o++] = *p;
        p++;
      }
      continue;
    }
    if (*p == '<') depth++;
    if (*p == '>') depth--;
    if (o + 1 < cap) out[o++] = *p;
    p++;
  }
  out[o < cap ? o : cap - 1] = 0;
}

/* "void (*)(const float* __restrict__, int)" → "const float*, int" */
void compat_host_params(const char *sig, char *out, size_t cap) {
  out[0] = 0;
  const char *p = strstr(sig, "(*)(");
  if (!p) return;
  p += 4;
  size_t n = 0;
  for (int depth = 0; *p && n + 1 < cap; p++) {
    if (*p == '(') depth++;
    if (*p == ')' && depth-- == 0) break;
    if (!strncmp(p, "__restrict__", 12)) { p += 11; continue; }
    out[n++] = *p;
  }
  out[n] = 0;
  if (!strcmp(out, "void")) out[0] = 0;
}

bool compat_names_match(const char *a, const char *b) {
  char ca[512], cb[512];
  canon_name(a, ca, sizeof ca);
  canon_name(b, cb, sizeof cb);
  return !strcmp(ca, cb);
}

/* ---- loading ------------------------------------------------------------ */

static void fill_opts(CompatTU *t, cw_compile_options *o, const char **inc, const char **def,
                      const char **und) {
  memset(o, 0, sizeof *o);
  o->include_dirs = inc;
  o->defines = def;
  o->undefs = und;
  for (int i = 0; i < t->nopts; i++) {
    const char *a = t->opts[i];
    if (!strncmp(a, "-I", 2)) inc[o->n_include_dirs++] = a + 2;
    else if (!strncmp(a, "-D", 2)) def[o->n_defines++] = a + 2;
    else if (!strncmp(a, "-U", 2)) und[o->n_undefs++] = a + 2;
    else if (!strncmp(a, "--arch=", 7)) o->cuda_arch = atoi(a + 7);
    else if (!strncmp(a, "--cuda-include=", 15)) o->cuda_include_dir = a + 15;
    else if (!strcmp(a, "--relocatable")) o->relocatable = 1;
  }
}

static bool program_has(cw_program *p, const char *name) {
  int n = cw_program_kernel_count(p);
  for (int i = 0; i < n; i++)
    if (compat_names_match(cw_program_kernel_name(p, i), name)) return true;
  return false;
}

/* the order of a TU's kernels for instantiate_all: their names as the
 * host spells them */
static int by_name(const void *a, const void *b) {
  const CompatKernel *x = *(CompatKernel *const *)a, *y = *(CompatKernel *const *)b;
  return strcmp(x->host_name ? x->host_name : x->name, y->host_name ? y->host_name : y->name);
}

/* Makes the closure classes of the extended lambdas and instantiates the
 * template kernels host code launched, in the order of their names: the
 * order of registration is the static initialisers', which `cuwasm cc`
 * cannot know, and its ahead-of-time compile must make the same program
 * (closure names, instances); caller holds mu. */
static cudaError_t instantiate_all(int tu, CompatTU *t, cw_diags *d) {
  CompatKernel **ks = calloc((size_t)state.nkernels + 1, sizeof *ks);
  if (!ks) return cudaErrorMemoryAllocation;
  int n = 0;
  for (int i = 0; i < state.nkernels; i++)
    if (state.kernels[i].tu == tu) ks[n++] = &state.kernels[i];
  qsort(ks, (size_t)n, sizeof *ks, by_name);
  cudaError_t err = cudaSuccess;
  for (int i = 0; i < n && err == cudaSuccess; i++) {
    CompatKernel *k = ks[i];
    if (!k->host_name) continue;
    /* extended lambdas: the closure classes made and checked */
    char *name = compat_lambda_resolve(t->prog, k->host_name, t->name, state.msg, sizeof state.msg);
    if (!name) err = cudaErrorInvalidKernelImage;
    else {
      free(k->name);
      k->name = name;
    }
  }
  for (int i = 0; i < n && err == cudaSuccess; i++) {
    CompatKernel *k = ks[i];
    if (!strchr(k->name, '<') || program_has(t->prog, k->name)) continue;
    if (cw_program_instantiate(t->prog, k->name, d) == CW_ERR_COMPILE) {
      char *r = cw_diags_render(d);
      snprintf(state.msg, sizeof state.msg, "cuwasm: cannot instantiate %s:\n%s", k->name,
               r ? r : "");
      free(r);
      err = cudaErrorInvalidKernelImage;
    }
  }
  free(ks);
  return err;
}

/* The TU's device program: its source through the front end, the
 * template kernels its host code launched instantiated; caller holds mu. */
static cudaError_t tu_program(int tu, CompatTU *t) {
  const char *inc[64], *def[64], *und[64];
  cw_compile_options o;
  fill_opts(t, &o, inc, def, und);
  cw_diags *d = cw_diags_new();
  if (!d) return cudaErrorMemoryAllocation;
  double t0 = cw_prof_start();
  cw_status st = cw_compile_source(t->name, t->src, t->len, &o, d, &t->prog);
  cudaError_t err = cudaSuccess;
  if (st != CW_OK) {
    char *r = cw_diags_render(d);
    snprintf(state.msg, sizeof state.msg, "cuwasm: device code of %s does not compile:\n%s",
             t->name, r ? r : "");
    free(r);
    err = cudaErrorInvalidKernelImage;
  }
  if (err == cudaSuccess) err = instantiate_all(tu, t, d);
  cw_prof_add(CW_PROF_FRONT, t0);
  cw_diags_free(d);
  return err;
}

cw_program *compat_tu_device_program(int tu, const char **msg) {
  pthread_mutex_lock(&state.mu);
  cw_program *p = NULL;
  *msg = NULL;
  if (tu >= 0 && tu < state.ntus) {
    CompatTU *t = &state.tus[tu];
    if (!t->prog && !t->tried) {
      t->tried = true;
      if (tu_program(tu, t) != cudaSuccess) *msg = state.msg;
    }
    p = t->prog;
  }
  pthread_mutex_unlock(&state.mu);
  return p;
}

static cudaError_t compile_tu(int tu, CompatTU *t, cw_context *ctx) {
  cudaError_t err = tu_program(tu, t);
#ifndef __EMSCRIPTEN__ /* the web runtime has no NVRTC path (see cc_web.c) */
  if (err == cudaSuccess) compat_nvrtc_probe(t->name, t->prog);
#endif
  double t0 = cw_prof_start();
  if (err == cudaSuccess && cw_module_load(ctx, t->prog, &t->mod) != CW_OK) {
    snprintf(state.msg, sizeof state.msg, "cuwasm: cannot load the device code of %s: %s",
             t->name, cw_last_error_message(ctx));
    err = cudaErrorNoKernelImageForDevice;
  }
  if (err != cudaSuccess) t->load_failed = true;
  cw_prof_add(CW_PROF_MODULE, t0);
  return err;
}

/* The emitter names globals by their C++ name, last component, or
 * mangled C name (ns_x); try each. */
static bool find_symbol(cw_module *m, const char *name, void **dev, size_t *size) {
  if (cw_module_symbol(m, name, dev, size) == CW_OK) return true;
  const char *last = strrchr(name, ':');
  if (last && cw_module_symbol(m, last + 1, dev, size) == CW_OK) return true;
  char c[256];
  size_t o = 0;
  for (const char *p = name; *p && o + 1 < sizeof c; p++)
    if (!(p[0] == ':' && p[1] == ':')) c[o++] = *p == ':' ? '_' : *p;
  c[o] = 0;
  return cw_module_symbol(m, c, dev, size) == CW_OK;
}

static void bind_symbols(int tu, CompatTU *t) {
  for (int i = 0; i < state.nsyms; i++) {
    CompatSymbol *s = &state.syms[i];
    if (s->tu != tu || s->dev) continue;
    size_t size = 0;
    if (!find_symbol(t->mod, s->name, &s->dev, &size)) continue;
    if (s->managed) { /* the device copy starts as the host's initial value */
      cw_memcpy_htod(state.ctx, s->dev, s->shadow, s->size < size ? s->size : size);
      s->snap = malloc(s->size);
      if (s->snap) memcpy(s->snap, s->shadow, s->size);
    }
  }
}

static bool tu_relocatable(const CompatTU *t) {
  for (int i = 0; i < t->nopts; i++)
    if (!strcmp(t->opts[i], "--relocatable")) return true;
  return false;
}

/* Separate compilation: the first use of any relocatable TU loads every
 * relocatable TU of the executable and links them together, as nvcc's
 * device link does at build time.  A TU that fails, or a failed link,
 * leaves all of them unloaded with the message; caller holds mu. */
static cudaError_t load_linked_tus(cw_context *ctx, bool *loaded, cw_module **unload) {
  cudaError_t err = cudaSuccess;
  cw_module **mods = calloc((size_t)state.ntus, sizeof *mods);
  if (!mods) return cudaErrorMemoryAllocation;
  int n = 0;
  for (int i = 0; i < state.ntus; i++) {
    CompatTU *t = &state.tus[i];
    if (!tu_relocatable(t) || t->tried) continue;
    t->tried = true;
    loaded[i] = true;
    if (err == cudaSuccess) err = compile_tu(i, t, ctx);
    if (t->mod) mods[n++] = t->mod;
  }
  if (err == cudaSuccess && n && cw_module_link(mods, n) != CW_OK) {
    snprintf(state.msg, sizeof state.msg, "cuwasm: cannot link the device code: %s",
             cw_last_error_message(ctx));
    err = cudaErrorInvalidKernelImage;
  }
  for (int i = 0; i < state.ntus; i++) {
    if (!loaded[i]) continue;
    if (err == cudaSuccess) bind_symbols(i, &state.tus[i]);
    unload[i] = err == cudaSuccess ? NULL : state.tus[i].mod; /* freed without mu held */
    if (err != cudaSuccess) state.tus[i].mod = NULL;
  }
  free(mods);
  return err;
}

cudaError_t compat_load_tu(int tu) {
  cudaError_t err;
  cw_context *ctx = compat_ctx(&err);
  if (!ctx) return err;
  pthread_mutex_lock(&state.mu);
  if (tu < 0 || tu >= state.ntus) {
    pthread_mutex_unlock(&state.mu);
    return cudaErrorInvalidDeviceFunction;
  }
  CompatTU *t = &state.tus[tu];
  err = cudaSuccess;
  if (!t->mod && !t->tried) {
    bool *loaded = calloc((size_t)state.ntus, sizeof *loaded);
    cw_module **unload = calloc((size_t)state.ntus, sizeof *unload);
    if (!loaded || !unload) {
      pthread_mutex_unlock(&state.mu);
      free(loaded);
      free(unload);
      return cudaErrorMemoryAllocation;
    }
    int ntus = state.ntus;
    if (tu_relocatable(t)) {
      err = load_linked_tus(ctx, loaded, unload);
    } else {
      t->tried = loaded[tu] = true;
      err = compile_tu(tu, t, ctx);
      if (err == cudaSuccess) bind_symbols(tu, t);
    }
    if (err == cudaSuccess && !t->mod) err = cudaErrorInvalidKernelImage;
    char *why = err != cudaSuccess && state.reporter ? dup(state.msg) : NULL;
    pthread_mutex_unlock(&state.mu);
    if (why) state.reporter(why); /* once: `tried` stops a second compile */
    free(why);
    for (int i = 0; err == cudaSuccess && i < state.nsyms; i++) /* copies may target them */
      if (state.syms[i].tu >= 0 && loaded[state.syms[i].tu] && state.syms[i].dev)
        compat_alloc_add(state.syms[i].dev, state.syms[i].size, cudaMemoryTypeDevice, NULL);
    for (int i = 0; i < ntus; i++) cw_module_free(unload[i]);
    free(loaded);
    free(unload);
    return err;
  }
  if (!t->mod) err = cudaErrorInvalidKernelImage;
  pthread_mutex_unlock(&state.mu);
  return err;
}

cudaError_t compat_kernel_resolve(int id, cw_kernel **out) {
  if (id < 0 || id >= state.nkernels) return cudaErrorInvalidDeviceFunction;
  CompatKernel *k = &state.kernels[id];
  if (k->k) {
    *out = k->k;
    return cudaSuccess;
  }
  cudaError_t err = compat_load_tu(k->tu);
  if (err != cudaSuccess) return err;
  CompatTU *t = &state.tus[k->tu];
  pthread_mutex_lock(&state.mu);
  const char *overload = compat_overload_cname(t->prog, k->name, k->sig);
  cw_status st = cw_kernel_get(t->mod, overload ? overload : k->name, &k->k);
  for (int i = 0; st != CW_OK && i < cw_program_kernel_count(t->prog); i++) {
    const char *n = cw_program_kernel_name(t->prog, i);
    if (compat_names_match(n, k->name)) st = cw_kernel_get(t->mod, n, &k->k);
  }
  if (st == CW_ERR_NOT_FOUND)
    snprintf(state.msg, sizeof state.msg, "cuwasm: kernel %s is not in the device code of %s",
             k->name, t->name);
  else if (st != CW_OK) /* there, but the device cannot run it: the backend says why */
    snprintf(state.msg, sizeof state.msg, "cuwasm: kernel %s cannot run on this device: %s",
             k->name, cw_last_error_message(state.ctx));
  /* said once per kernel: the CUDA error code alone (what programs print,
   * often through a name table rather than cudaGetErrorString) loses the
   * construct the device lacks, e.g. a builtin the WebAssembly target has
   * not */
  if (st != CW_OK && !k->refusal_told) fprintf(stderr, "%s\n", state.msg);
  if (st != CW_OK) k->refusal_told = true;
  *out = k->k;
  pthread_mutex_unlock(&state.mu);
  return st == CW_OK ? cudaSuccess : cudaErrorInvalidDeviceFunction;
}
