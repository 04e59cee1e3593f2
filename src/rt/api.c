/*
 * api.c — the runtime half of the public API (include/cuwasm.h):
 * contexts, modules, kernels, buffers, copies, launches, streams, events.
 *
 * Ownership follows the header: modules own their kernels, contexts own
 * their default stream.  Errors set ctx->err (cw_last_error_message).
 * Blocking copies and memset first wait for the default stream, as CUDA's
 * legacy default stream does; cw_synchronize waits for every stream and
 * writes buffered device printf output to stdout (that output is the
 * user's program speaking, the library itself never prints).  Loading
 * CUDA source goes through the backend's cache of translations where it
 * has one (module_cache.c).
 */
#include "rt_internal.h"
#include "profile.h"
#include "api/program.h"

#include "../base/base.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static _Thread_local char last_global_err[512];

cw_status rt_fail(cw_context *ctx, cw_status st, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  if (ctx) vsnprintf(ctx->err, sizeof ctx->err, fmt, ap);
  else vsnprintf(last_global_err, sizeof last_global_err, fmt, ap);
  va_end(ap);
  return st;
}

const char *cw_last_error_message(const cw_context *ctx) {
  return ctx ? ctx->err : last_global_err;
}

/* ---- contexts ------------------------------------------------------------- */

/* "auto" (or no name) honours CUWASM_BACKEND, then takes the first backend
 * of the fallback chain that can run here: CUDA, a Vulkan GPU (not a CPU
 * implementation of Vulkan), then the CPU. */
static const CwBackendOps *pick_backend(const char *name) {
  const char *env = getenv("CUWASM_BACKEND");
  if ((!name || !strcmp(name, "auto")) && env && *env) name = env;
  if (!name || !strcmp(name, "auto")) {
    cw_device_info info;
    if (cw_backend_cuda()->probe(&info)) return cw_backend_cuda();
    if (cw_vulkan_is_hardware()) return cw_backend_vulkan();
    return cw_backend_cpu();
  }
  if (!strcmp(name, "cpu")) return cw_backend_cpu();
  if (!strcmp(name, "cuda")) return cw_backend_cuda();
  if (!strcmp(name, "vulkan")) return cw_backend_vulkan();
  return NULL;
}

static cw_status track_stream(cw_context *ctx, cw_stream *s) {
  pthread_mutex_lock(&ctx->mu);
  if (ctx->nstreams == ctx->capstreams) {
    int cap = ctx->capstreams ? ctx->capstreams * 2 : 8;
    cw_stream **n = realloc(ctx->streams, sizeof *n * (size_t)cap);
    if (!n) {
      pthread_mutex_unlock(&ctx->mu);
      return CW_ERR_NOMEM;
    }
    ctx->streams = n;
    ctx->capstreams = cap;
  }
  ctx->streams[ctx->nstreams++] = s;
  pthread_mutex_unlock(&ctx->mu);
  return CW_OK;
}

cw_status cw_context_new(const char *backend, cw_context **out) {
  *out = NULL;
  const CwBackendOps *ops = pick_backend(backend);
  if (!ops)
    return rt_fail(NULL, CW_ERR_UNAVAILABLE, "backend '%s' is not available "
                   "(this build has: cpu, cuda, vulkan)", backend);
  cw_context *ctx = calloc(1, sizeof *ctx);
  if (!ctx) return rt_fail(NULL, CW_ERR_NOMEM, "out of memory");
  ctx->ops = ops;
  pthread_mutex_init(&ctx->mu, NULL);
  mempool_init(&ctx->pool);
  double t0 = cw_prof_start();
  cw_status st = ops->open(&ctx->dev, ctx->err, sizeof ctx->err);
  cw_prof_add(CW_PROF_CONTEXT, t0);
  if (st == CW_OK) st = cw_stream_new(ctx, &ctx->default_stream);
  if (st == CW_OK) ctx->checking = ops->check_errors && ops->check_errors(ctx->dev) >= 0;
  if (ctx->checking) {
    CwCheckList want = cw_check_list_from_env();
    ctx->check_accesses = want.memcheck || want.racecheck || want.initcheck;
    ctx->check_races = want.racecheck;
  }
  if (st != CW_OK) {
    rt_fail(NULL, st, "%s", ctx->err[0] ? ctx->err : "cannot open the backend");
    cw_context_free(ctx);
    return st;
  }
  *out = ctx;
  return CW_OK;
}

cw_status cw_context_set_limit(cw_context *ctx, int limit, size_t value) {
  if (!ctx) return CW_ERR_INVALID;
  if (!ctx->ops->set_limit)
    return rt_fail(ctx, CW_ERR_UNSUPPORTED, "the %s backend keeps no such limit", ctx->ops->name);
  return ctx->ops->set_limit(ctx->dev, limit, value);
}

cw_status cw_context_device_attribute(cw_context *ctx, int attr, int *value) {
  if (!ctx || !value) return CW_ERR_INVALID;
  if (!ctx->ops->device_attribute) return CW_ERR_UNSUPPORTED;
  return ctx->ops->device_attribute(ctx->dev, attr, value);
}

cw_status cw_context_device_identity(cw_context *ctx, char *name, size_t namen,
                                     uint64_t *total_mem, unsigned char uuid[16]) {
  if (!ctx || !name || !namen || !total_mem || !uuid) return CW_ERR_INVALID;
  if (!ctx->ops->device_identity) return CW_ERR_UNSUPPORTED;
  return ctx->ops->device_identity(ctx->dev, name, namen, total_mem, uuid);
}

cw_status cw_context_mem_info(cw_context *ctx, size_t *free_bytes, size_t *total_bytes) {
  if (!ctx || !free_bytes || !total_bytes) return CW_ERR_INVALID;
  if (!ctx->ops->mem_info) return CW_ERR_UNSUPPORTED;
  return ctx->ops->mem_info(ctx->dev, free_bytes, total_bytes);
}

cw_status cw_texture_create(cw_context *ctx, const cw_texture_desc *desc,
                            unsigned long long *handle) {
  if (!ctx || !desc || !handle) return CW_ERR_INVALID;
  if (!ctx->ops->texture_create)
    return rt_fail(ctx, CW_ERR_UNSUPPORTED, "the %s backend has no texture unit", ctx->ops->name);
  return ctx->ops->texture_create(ctx->dev, desc, handle, ctx->err, sizeof ctx->err);
}

void cw_texture_destroy(cw_context *ctx, unsigned long long handle) {
  if (ctx && handle && ctx->ops->texture_destroy) ctx->ops->texture_destroy(ctx->dev, handle);
}

cw_status cw_array_create(cw_context *ctx, const cw_array_desc *desc,
                          unsigned long long *handle) {
  if (!ctx || !desc || !handle) return CW_ERR_INVALID;
  if (!ctx->ops->array_create)
    return rt_fail(ctx, CW_ERR_UNSUPPORTED, "the %s backend has no CUDA arrays of its own",
                   ctx->ops->name);
  return ctx->ops->array_create(ctx->dev, desc, handle, ctx->err, sizeof ctx->err);
}

void cw_array_destroy(cw_context *ctx, unsigned long long handle) {
  if (ctx && handle && ctx->ops->array_destroy) ctx->ops->array_destroy(ctx->dev, handle);
}

cw_status cw_array_copy(cw_context *ctx, unsigned long long array, const cw_array_desc *desc,
                        void *mem, size_t pitch, int to_array) {
  if (!ctx || !array || !desc || !mem) return CW_ERR_INVALID;
  if (!ctx->ops->array_copy)
    return rt_fail(ctx, CW_ERR_UNSUPPORTED, "the %s backend has no CUDA arrays of its own",
                   ctx->ops->name);
  return ctx->ops->array_copy(ctx->dev, array, desc, mem, pitch, to_array, ctx->err,
                              sizeof ctx->err);
}

cw_status cw_surface_create(cw_context *ctx, unsigned long long array,
                            unsigned long long *handle) {
  if (!ctx || !array || !handle) return CW_ERR_INVALID;
  if (!ctx->ops->surface_create)
    return rt_fail(ctx, CW_ERR_UNSUPPORTED, "the %s backend has no surface objects of its own",
                   ctx->ops->name);
  return ctx->ops->surface_create(ctx->dev, array, handle, ctx->err, sizeof ctx->err);
}

void cw_surface_destroy(cw_context *ctx, unsigned long long handle) {
  if (ctx && handle && ctx->ops->surface_destroy) ctx->ops->surface_destroy(ctx->dev, handle);
}

int cw_context_check_errors(const cw_context *ctx) {
  return ctx && ctx->checking ? ctx->ops->check_errors(ctx->dev) : -1;
}

void cw_context_free(cw_context *ctx) {
  if (!ctx) return;
  while (ctx->nstreams > 0) cw_stream_free(ctx->streams[ctx->nstreams - 1]);
  free(ctx->streams);
  if (ctx->dev) {
    free(ctx->ops->take_output(ctx->dev));
    mempool_release(ctx);
    ctx->ops->close(ctx->dev);
  }
  pthread_mutex_destroy(&ctx->mu);
  free(ctx);
}

const char *cw_context_backend(const cw_context *ctx) { return ctx->ops->name; }

static void flush_output(cw_context *ctx) {
  char *out = ctx->ops->take_output(ctx->dev);
  if (!out) return;
  fputs(out, stdout);
  fflush(stdout);
  free(out);
}

static void stream_release(cw_context *ctx, cw_stream *s) {
  stream_cleanup(s);
  if (s->bs && ctx->ops->stream_free) ctx->ops->stream_free(ctx->dev, s->bs);
  free(s);
}

/* Waits for every stream that exists now.  Another thread may free one
 * meanwhile (cudaStreamDestroy in a host thread): each stream waited on
 * holds a reference, and the last reference frees it. */
static cw_status synchronize_all(cw_context *ctx) {
  cw_status first = CW_OK;
  char msg[1024];
  pthread_mutex_lock(&ctx->mu);
  int n = ctx->nstreams;
  cw_stream **snap = malloc(sizeof *snap * (size_t)(n ? n : 1));
  if (!snap) {
    pthread_mutex_unlock(&ctx->mu);
    return rt_fail(ctx, CW_ERR_NOMEM, "out of memory");
  }
  for (int i = 0; i < n; i++) {
    snap[i] = ctx->streams[i];
    snap[i]->refs++;
  }
  pthread_mutex_unlock(&ctx->mu);
  for (int i = 0; i < n; i++) {
    cw_status st = stream_wait(snap[i], msg, sizeof msg);
    if (st != CW_OK && first == CW_OK) {
      first = st;
      rt_fail(ctx, st, "%s", msg);
    }
  }
  pthread_mutex_lock(&ctx->mu);
  int keep = 0;
  for (int i = 0; i < n; i++)
    if (--snap[i]->refs == 0) snap[keep++] = snap[i]; /* freed meanwhile: ours now */
  pthread_mutex_unlock(&ctx->mu);
  for (int i = 0; i < keep; i++) stream_release(ctx, snap[i]);
  free(snap);
  flush_output(ctx);
  return first;
}

cw_status cw_synchronize(cw_context *ctx) {
  if (!ctx) return CW_ERR_INVALID;
  double t0 = cw_prof_start();
  cw_status st = synchronize_all(ctx);
  cw_prof_add(CW_PROF_SYNC, t0);
  return st;
}

/* ---- modules and kernels ------------------------------------------------- */

static cw_status module_from_program(cw_context *ctx, cw_program *prog, cw_module **out) {
  cw_module *m = calloc(1, sizeof *m);
  if (!m) return rt_fail(ctx, CW_ERR_NOMEM, "out of memory");
  m->ctx = ctx;
  cw_status st = ctx->ops->module_load_program(ctx->dev, prog, &m->handle, ctx->err, sizeof ctx->err);
  if (st != CW_OK) {
    free(m);
    return st;
  }
  *out = m;
  return CW_OK;
}

static void first_extern(void *ctx, const KFunc *fn, const KVar *var, SrcLoc use) {
  const char **name = ctx;
  (void)use;
  if (!*name) *name = fn ? fn->name : var->name;
}

/* A backend without a linker cannot load a module that needs one. */
static cw_status refuse_unlinkable(cw_context *ctx, cw_program *prog) {
  KModule *km = cw_program_module(prog);
  const char *name = NULL;
  if (ctx->ops->module_link || !km->relocatable ||
      !kir_undefined_externs(km, false, first_extern, &name))
    return CW_OK;
  return rt_fail(ctx, CW_ERR_UNSUPPORTED,
                 "separate compilation (-rdc=true) is not supported on the %s backend yet: "
                 "'%s' is defined in another file (run with CUWASM_BACKEND=cpu, or define it "
                 "in the file that uses it)", ctx->ops->name, name ? name : "?");
}

cw_status rt_module_load(cw_context *ctx, cw_program *prog, const char *key,
                         const CwInputs *inputs, cw_module **out) {
  *out = NULL;
  cw_status refused = refuse_unlinkable(ctx, prog);
  if (refused != CW_OK) return refused;
  if (ctx->ops->module_load_program) return module_from_program(ctx, prog, out);
  char *c = NULL;
  cw_diags *d = cw_diags_new();
  if (!d) return rt_fail(ctx, CW_ERR_NOMEM, "out of memory");
  cw_status st = cw_program_emit(prog, !ctx->checking      ? "c"
                                       : ctx->check_races    ? "c-check-race"
                                       : ctx->check_accesses ? "c-check"
                                                             : "c-check-sync",
                                 d, &c);
  if (st != CW_OK) {
    char *r = cw_diags_render(d);
    rt_fail(ctx, st, "cannot translate the program to C:\n%s", r ? r : "");
    free(r);
    cw_diags_free(d);
    return st;
  }
  cw_diags_free(d);
  cw_module *m = calloc(1, sizeof *m);
  if (!m) {
    free(c);
    return rt_fail(ctx, CW_ERR_NOMEM, "out of memory");
  }
  m->ctx = ctx;
  if (key && ctx->ops->module_load_record)
    st = ctx->ops->module_load_record(ctx->dev, c, key, inputs, &m->handle, ctx->err,
                                      sizeof ctx->err);
  else
    st = ctx->ops->module_load(ctx->dev, c, &m->handle, ctx->err, sizeof ctx->err);
  free(c);
  if (st != CW_OK) {
    free(m);
    return st;
  }
  *out = m;
  return CW_OK;
}

cw_status cw_module_load(cw_context *ctx, cw_program *prog, cw_module **out) {
  return rt_module_load(ctx, prog, NULL, NULL, out);
}

cw_status cw_module_load_source(cw_context *ctx, const char *name, const char *source,
                                size_t size, const cw_compile_options *opts,
                                cw_diags *diags, cw_module **out) {
  cw_program *p = NULL;
  *out = NULL;
  if (ctx->ops->module_cached) /* skips the front end when it can */
    return module_cache_load(ctx, name, source, size, opts, diags, out);
  cw_status st = cw_compile_source(name, source, size, opts, diags, &p);
  if (st != CW_OK) return rt_fail(ctx, st, "compilation of %s failed", name);
  st = cw_module_load(ctx, p, out);
  cw_program_free(p);
  return st;
}

void cw_module_free(cw_module *m) {
  if (!m) return;
  cw_synchronize(m->ctx); /* no launch of ours may still run */
  for (cw_kernel *k = m->kernels, *n; k; k = n) {
    n = k->next;
    free(k);
  }
  m->ctx->ops->module_unload(m->ctx->dev, m->handle);
  free(m);
}

static int extern_count(const cw_module *m) {
  return m->ctx->ops->module_extern_count ? m->ctx->ops->module_extern_count(m->handle) : 0;
}

cw_status cw_module_link(cw_module **mods, int n) {
  if (n <= 0 || !mods || !mods[0]) return rt_fail(NULL, CW_ERR_INVALID, "no modules to link");
  cw_context *ctx = mods[0]->ctx;
  int needing = 0;
  for (int i = 0; i < n; i++) {
    if (!mods[i] || mods[i]->ctx != ctx)
      return rt_fail(ctx, CW_ERR_INVALID, "modules to link must belong to one context");
    needing += extern_count(mods[i]) > 0;
  }
  if (needing && !ctx->ops->module_link)
    return rt_fail(ctx, CW_ERR_UNSUPPORTED,
                   "separate compilation (-rdc=true) is not supported on the %s backend yet",
                   ctx->ops->name);
  void **handles = malloc(sizeof *handles * (size_t)n);
  if (!handles) return rt_fail(ctx, CW_ERR_NOMEM, "out of memory");
  for (int i = 0; i < n; i++) handles[i] = mods[i]->handle;
  cw_status st = needing ? ctx->ops->module_link(ctx->dev, handles, n, ctx->err, sizeof ctx->err)
                         : CW_OK;
  free(handles);
  for (int i = 0; st == CW_OK && i < n; i++) mods[i]->linked = true;
  return st;
}

cw_status cw_kernel_get(cw_module *m, const char *name, cw_kernel **out) {
  *out = NULL;
  if (!m->linked && extern_count(m) > 0)
    return rt_fail(m->ctx, CW_ERR_INVALID,
                   "the module uses device functions or variables that other modules define "
                   "(-rdc=true): link it with cw_module_link before getting its kernels");
  void *h;
  int np;
  const uint32_t *ps;
  if (m->ctx->ops->kernel_find(m->handle, name, &h, &np, &ps) != CW_OK)
    return rt_fail(m->ctx, CW_ERR_NOT_FOUND, "no kernel named '%s' in the module", name);
  for (cw_kernel *k = m->kernels; k; k = k->next)
    if (k->handle == h) {
      *out = k;
      return CW_OK;
    }
  cw_kernel *k = calloc(1, sizeof *k);
  if (!k) return rt_fail(m->ctx, CW_ERR_NOMEM, "out of memory");
  *k = (cw_kernel){m, h, np, ps, m->kernels};
  m->kernels = k;
  *out = k;
  return CW_OK;
}

int cw_kernel_param_count(const cw_kernel *k) { return k->nparams; }

cw_status cw_kernel_occupancy(cw_kernel *k, int block_threads, size_t shared_bytes, int *blocks) {
  cw_context *ctx = k->mod->ctx;
  if (!ctx->ops->occupancy) return CW_ERR_UNSUPPORTED; /* not an error: the caller models it */
  return ctx->ops->occupancy(ctx->dev, k->handle, block_threads, shared_bytes, blocks);
}
size_t cw_kernel_param_size(const cw_kernel *k, int i) {
  return i >= 0 && i < k->nparams ? k->psizes[i] : 0;
}

cw_status cw_module_symbol(cw_module *m, const char *name, void **p, size_t *size) {
  size_t s = 0;
  if (m->ctx->ops->symbol_find(m->handle, name, p, &s) != CW_OK)
    return rt_fail(m->ctx, CW_ERR_NOT_FOUND, "no device symbol named '%s'", name);
  if (size) *size = s;
  return CW_OK;
}

/* ---- memory ---------------------------------------------------------------- */

cw_status cw_buffer_alloc(cw_context *ctx, size_t bytes, cw_buffer **out) {
  *out = NULL;
  cw_buffer *b = calloc(1, sizeof *b);
  if (!b) return rt_fail(ctx, CW_ERR_NOMEM, "out of memory");
  double t0 = cw_prof_start();
  b->ptr = mempool_get(ctx, bytes, &b->cap);
  cw_prof_add(CW_PROF_ALLOC, t0);
  if (!b->ptr) {
    free(b);
    /* a device whose context a fault broke (the CUDA driver's) refuses
     * every allocation: say the fault, as CUDA does, not "out of memory" */
    char err[512] = "";
    cw_status st = ctx->ops->sync ? ctx->ops->sync(ctx->dev, err, sizeof err) : CW_OK;
    if (st != CW_OK) return rt_fail(ctx, st, "%s", err);
    return rt_fail(ctx, CW_ERR_NOMEM, "out of device memory (%zu bytes)", bytes);
  }
  b->ctx = ctx;
  b->size = bytes;
  *out = b;
  return CW_OK;
}

cw_status cw_buffer_alloc_kind(cw_context *ctx, int kind, size_t bytes, cw_buffer **out) {
  if (kind == CW_MEM_DEVICE || !ctx->ops->mem_alloc_kind) {
    cw_status st = cw_buffer_alloc(ctx, bytes, out);
    if (st == CW_OK) (*out)->kind = CW_MEM_DEVICE;
    return st;
  }
  *out = NULL;
  cw_buffer *b = calloc(1, sizeof *b);
  if (!b) return rt_fail(ctx, CW_ERR_NOMEM, "out of memory");
  if (ctx->ops->mem_alloc_kind(ctx->dev, kind, bytes ? bytes : 1, &b->ptr) != CW_OK) {
    free(b);
    return rt_fail(ctx, CW_ERR_NOMEM, "out of memory (%zu bytes of %s memory)", bytes,
                   kind == CW_MEM_MANAGED ? "managed" : "page-locked host");
  }
  b->ctx = ctx;
  b->size = b->cap = bytes;
  b->kind = kind;
  *out = b;
  return CW_OK;
}

cw_status cw_host_register(cw_context *ctx, void *p, size_t n) {
  if (!ctx->ops->host_register) return CW_OK;
  char err[256] = "";
  cw_status st = ctx->ops->host_register(ctx->dev, p, n, err, sizeof err);
  return st == CW_OK ? CW_OK : rt_fail(ctx, st, "cannot page-lock %zu bytes of host memory: %s", n, err);
}

void cw_host_unregister(cw_context *ctx, void *p) {
  if (!ctx->ops->host_unregister) return;
  cw_synchronize(ctx); /* no copy may still use it */
  ctx->ops->host_unregister(ctx->dev, p);
}

void cw_buffer_free(cw_buffer *b) {
  if (!b) return;
  cw_synchronize(b->ctx); /* like cudaFree: no kernel may still use it */
  double t0 = cw_prof_start();
  if (b->kind != CW_MEM_DEVICE && b->ctx->ops->mem_free_kind)
    b->ctx->ops->mem_free_kind(b->ctx->dev, b->kind, b->ptr);
  else
    mempool_put(b->ctx, b->ptr, b->cap);
  cw_prof_add(CW_PROF_ALLOC, t0);
  free(b);
}

void *cw_buffer_ptr(const cw_buffer *b) { return b ? b->ptr : NULL; }
size_t cw_buffer_size(const cw_buffer *b) { return b ? b->size : 0; }

static cw_status wait_default(cw_context *ctx) {
  char msg[1024];
  cw_status st = stream_wait(ctx->default_stream, msg, sizeof msg);
  if (st != CW_OK) rt_fail(ctx, st, "%s", msg);
  return st;
}

static cw_status blocking_copy(cw_context *ctx, void *dst, const void *src, size_t n) {
  if (!ctx || (n && (!dst || !src))) return CW_ERR_INVALID;
  double t0 = cw_prof_start();
  cw_status st = wait_default(ctx);
  if (st == CW_OK) st = ctx->ops->copy(ctx->dev, dst, src, n);
  cw_prof_add(CW_PROF_COPY, t0);
  return st;
}

cw_status cw_memcpy_htod(cw_context *c, void *d, const void *s, size_t n) { return blocking_copy(c, d, s, n); }
cw_status cw_memcpy_dtoh(cw_context *c, void *d, const void *s, size_t n) { return blocking_copy(c, d, s, n); }
cw_status cw_memcpy_dtod(cw_context *c, void *d, const void *s, size_t n) { return blocking_copy(c, d, s, n); }

cw_status cw_memset(cw_context *ctx, void *dst, int value, size_t n) {
  if (!ctx || (n && !dst)) return CW_ERR_INVALID;
  double t0 = cw_prof_start();
  cw_status st = wait_default(ctx);
  if (st == CW_OK) st = ctx->ops->fill(ctx->dev, dst, value, n);
  cw_prof_add(CW_PROF_COPY, t0);
  return st;
}

cw_status cw_memcpy_async(cw_context *ctx, void *dst, const void *src, size_t n,
                          cw_stream *s) {
  Op *op = calloc(1, sizeof *op);
  if (!op) return rt_fail(ctx, CW_ERR_NOMEM, "out of memory");
  op->kind = OP_COPY;
  op->dst = dst;
  op->src = src;
  op->n = n;
  return stream_push(s ? s : ctx->default_stream, op);
}

/* ---- launch ---------------------------------------------------------------- */

static cw_status launch_enqueue(cw_kernel *k, const unsigned grid[3], const unsigned block[3],
                                size_t shared_bytes, cw_stream *stream, void **args, bool coop) {
  if (!k || !grid || !block) return CW_ERR_INVALID;
  cw_context *ctx = k->mod->ctx;
  char err[512];
  uint32_t g[3] = {grid[0], grid[1], grid[2]}, b[3] = {block[0], block[1], block[2]};
  cw_status st = cw_check_launch_config(g, b, shared_bytes, err, sizeof err);
  if (st != CW_OK) return rt_fail(ctx, st, "%s", err);
  size_t total = 0;
  for (int i = 0; i < k->nparams; i++) total += (k->psizes[i] + 15) & ~(size_t)15;
  Op *op = calloc(1, sizeof *op);
  unsigned char *blob = malloc(total + sizeof(void *) * (size_t)(k->nparams + 1));
  if (!op || !blob) {
    free(op);
    free(blob);
    return rt_fail(ctx, CW_ERR_NOMEM, "out of memory");
  }
  void **argv = (void **)blob; /* pointer table first, then the values */
  unsigned char *val = blob + sizeof(void *) * (size_t)(k->nparams + 1);
  for (int i = 0; i < k->nparams; i++) {
    if (!args || !args[i]) {
      free(op);
      free(blob);
      return rt_fail(ctx, CW_ERR_INVALID, "argument %d of the kernel is missing", i);
    }
    memcpy(val, args[i], k->psizes[i]);
    argv[i] = val;
    val += (k->psizes[i] + 15) & ~(size_t)15;
  }
  op->kind = OP_LAUNCH;
  op->kernel = k->handle;
  memcpy(op->grid, g, sizeof g);
  memcpy(op->block, b, sizeof b);
  op->shared = shared_bytes;
  op->args = argv;
  op->blob = blob;
  op->cooperative = coop;
  return stream_push(stream ? stream : ctx->default_stream, op);
}

static cw_status launch_op(cw_kernel *k, const unsigned grid[3], const unsigned block[3],
                           size_t shared_bytes, cw_stream *stream, void **args, bool coop) {
  double t0 = cw_prof_start();
  cw_status st = launch_enqueue(k, grid, block, shared_bytes, stream, args, coop);
  cw_prof_add(CW_PROF_LAUNCH, t0);
  return st;
}

cw_status cw_launch(cw_kernel *k, const unsigned grid[3], const unsigned block[3],
                    size_t shared_bytes, cw_stream *stream, void **args) {
  return launch_op(k, grid, block, shared_bytes, stream, args, false);
}

cw_status cw_launch_cooperative(cw_kernel *k, const unsigned grid[3], const unsigned block[3],
                                size_t shared_bytes, cw_stream *stream, void **args) {
  return launch_op(k, grid, block, shared_bytes, stream, args, true);
}

/* ---- streams and events ------------------------------------------------------- */

cw_status cw_stream_new(cw_context *ctx, cw_stream **out) {
  *out = NULL;
  cw_stream *s = calloc(1, sizeof *s);
  if (!s) return rt_fail(ctx, CW_ERR_NOMEM, "out of memory");
  s->refs = 1;
  cw_status st = stream_start(ctx, s);
  /* the context's first stream is the device's default stream (NULL); the
   * device's stream exists before other threads can see this one
   * (cw_synchronize reads s->bs of every tracked stream) */
  if (st == CW_OK && ctx->default_stream && ctx->ops->stream_new)
    st = ctx->ops->stream_new(ctx->dev, &s->bs);
  if (st == CW_OK) st = track_stream(ctx, s);
  if (st != CW_OK) {
    stream_stop(s);
    if (s->bs && ctx->ops->stream_free) ctx->ops->stream_free(ctx->dev, s->bs);
    stream_cleanup(s);
    free(s);
    return rt_fail(ctx, st, "cannot start a stream thread");
  }
  *out = s;
  return CW_OK;
}

void cw_stream_free(cw_stream *s) {
  if (!s) return;
  cw_context *ctx = s->ctx;
  stream_wait(s, NULL, 0);
  stream_stop(s);
  pthread_mutex_lock(&ctx->mu);
  for (int i = 0; i < ctx->nstreams; i++)
    if (ctx->streams[i] == s) {
      ctx->streams[i] = ctx->streams[--ctx->nstreams];
      break;
    }
  if (ctx->default_stream == s) ctx->default_stream = NULL;
  bool last = --s->refs == 0; /* else a cw_synchronize still waiting frees it */
  pthread_mutex_unlock(&ctx->mu);
  if (last) stream_release(ctx, s);
}

cw_stream *cw_context_default_stream(cw_context *ctx) { return ctx ? ctx->default_stream : NULL; }

cw_status cw_stream_synchronize(cw_stream *s) {
  if (!s) return CW_ERR_INVALID;
  char msg[1024];
  double t0 = cw_prof_start();
  cw_status st = stream_wait(s, msg, sizeof msg);
  cw_prof_add(CW_PROF_SYNC, t0);
  if (st != CW_OK) rt_fail(s->ctx, st, "%s", msg);
  flush_output(s->ctx);
  return st;
}

int cw_stream_query(cw_stream *s) {
  pthread_mutex_lock(&s->mu);
  int done = !s->head && !s->busy;
  pthread_mutex_unlock(&s->mu);
  return done;
}

cw_status cw_event_new(cw_context *ctx, cw_event **out) {
  cw_event *e = calloc(1, sizeof *e);
  *out = NULL;
  if (!e) return rt_fail(ctx, CW_ERR_NOMEM, "out of memory");
  e->ctx = ctx;
  pthread_mutex_init(&e->mu, NULL);
  pthread_cond_init(&e->cv, NULL);
  if (ctx->ops->event_new && ctx->ops->event_new(ctx->dev, &e->be) != CW_OK) {
    free(e);
    return rt_fail(ctx, CW_ERR_NOMEM, "cannot create a device event");
  }
  *out = e;
  return CW_OK;
}

void cw_event_free(cw_event *e) {
  if (!e) return;
  cw_event_synchronize(e);
  pthread_mutex_lock(&e->mu); /* streams still to wait on it read it */
  while (e->waiters) pthread_cond_wait(&e->cv, &e->mu);
  pthread_mutex_unlock(&e->mu);
  if (e->be) e->ctx->ops->event_free(e->ctx->dev, e->be);
  pthread_mutex_destroy(&e->mu);
  pthread_cond_destroy(&e->cv);
  free(e);
}

cw_status cw_event_record(cw_event *e, cw_stream *s) {
  if (e->be) { /* a real device event on the device's stream */
    cw_stream *st = s ? s : e->ctx->default_stream;
    e->recorded = true;
    return e->ctx->ops->event_record(e->ctx->dev, e->be, st->bs);
  }
  Op *op = calloc(1, sizeof *op);
  if (!op) return rt_fail(e->ctx, CW_ERR_NOMEM, "out of memory");
  op->kind = OP_EVENT;
  op->event = e;
  pthread_mutex_lock(&e->mu);
  op->record = ++e->pushed;
  pthread_mutex_unlock(&e->mu);
  return stream_push(s ? s : e->ctx->default_stream, op);
}

/* Later work of S waits until E's latest record (at the time of this call)
 * is reached; the host goes on at once.  Device events: the device's own
 * wait where the backend has one, else the host waits.  Queued backends:
 * an operation in S's queue that waits for that record (counted, so a
 * record queued behind it on S itself cannot hold it up). */
cw_status cw_stream_wait_event(cw_stream *s, cw_event *e) {
  if (!e) return CW_ERR_INVALID;
  cw_context *ctx = e->ctx;
  cw_stream *st = s ? s : ctx->default_stream;
  if (e->be) {
    if (!e->recorded) return CW_OK;
    if (!ctx->ops->stream_wait_event) return cw_event_synchronize(e);
    cw_status r = ctx->ops->stream_wait_event(ctx->dev, st->bs, e->be);
    return r == CW_OK ? r : rt_fail(ctx, r, "cannot make the stream wait for the event");
  }
  Op *op = calloc(1, sizeof *op);
  if (!op) return rt_fail(ctx, CW_ERR_NOMEM, "out of memory");
  op->kind = OP_WAIT_EVENT;
  op->event = e;
  pthread_mutex_lock(&e->mu);
  op->record = e->pushed;
  e->waiters++;
  pthread_mutex_unlock(&e->mu);
  return stream_push(st, op);
}

cw_status cw_event_synchronize(cw_event *e) {
  double t0 = cw_prof_start();
  cw_status st = CW_OK;
  if (e->be) {
    if (e->recorded) st = e->ctx->ops->event_sync(e->ctx->dev, e->be);
  } else {
    pthread_mutex_lock(&e->mu);
    while (e->done < e->pushed) pthread_cond_wait(&e->cv, &e->mu);
    pthread_mutex_unlock(&e->mu);
  }
  cw_prof_add(CW_PROF_SYNC, t0);
  return st;
}

cw_status cw_event_elapsed_ms(cw_event *a, cw_event *b, float *ms) {
  if (a->be && b->be) {
    if (!a->recorded || !b->recorded)
      return rt_fail(a->ctx, CW_ERR_INVALID, "event was never recorded");
    cw_status st = a->ctx->ops->event_elapsed(a->ctx->dev, a->be, b->be, ms);
    return st == CW_OK ? st : rt_fail(a->ctx, st, "cannot measure the time between the events");
  }
  cw_event_synchronize(a);
  cw_event_synchronize(b);
  if (!a->recorded || !b->recorded)
    return rt_fail(a->ctx, CW_ERR_INVALID, "event was never recorded");
  *ms = (float)(b->t_ms - a->t_ms);
  return CW_OK;
}
