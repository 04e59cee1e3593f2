/*
 * web_runtime.c — the runtime half of include/cuwasm.h (contexts, memory,
 * modules, launches, streams, events) for a CUDA program built with
 * `cuwasm cc --target web`: emscripten compiles it, with the CUDA runtime
 * API of src/compat/, into the program, in place of src/rt/.
 *
 * Device memory is the program's heap — cudaMalloc is an aligned malloc, a
 * device pointer a plain heap address, cudaMemcpy a memcpy — on both
 * devices web/src/program.js (reached through Module.cuwasmDevice) offers:
 *
 * - the WebAssembly device: each translation unit's kernels are a
 *   WebAssembly module compiled at build time (src/emit/wasm.c) that
 *   imports the program's own memory, and a launch runs its blocks as
 *   synchronous calls into the module;
 * - WebGPU: the same kernels in WGSL; web/src/program_gpu.js mirrors the
 *   allocations a launch references in GPU buffers (the C side tells it
 *   of every allocation, and of host writes to device memory) and reads
 *   them back when host code needs them.  A launch is submitted without
 *   waiting, as CUDA's; a synchronisation, a blocking copy or an event
 *   record waits for the launches in flight, and a copy for the bytes it
 *   needs, suspending the host code through Asyncify (EM_ASYNC_JS) until
 *   the GPU has answered, so they keep their meaning; the calls ask
 *   synchronously first whether there is anything to wait for, so that
 *   nothing suspends without need (nor during exit()).  A launch suspends
 *   only to make a new pipeline or to read bytes back before a kernel
 *   runs on the WebAssembly device instead.
 *
 * So the blocking calls (cudaMemcpy device→host, cudaDeviceSynchronize,
 * events) keep their meaning.  Streams are in order with each other (a
 * valid CUDA schedule), cudaStreamQuery always says done, and events time
 * the host clock (performance.now) at the point they are recorded.
 *
 * What the GPU reports at the next synchronisation is reported there too:
 * a kernel that fails (device assert, __trap, a wasm trap) makes the
 * launch succeed and the next synchronising call (synchronize, a blocking
 * copy, an event or stream wait) return the error, which the CUDA layer
 * then keeps as sticky.  Device printf output is held until then as well,
 * and written through the program's stdout, so it interleaves with host
 * printf where a GPU's would.
 *
 * Arguments: the device code was compiled for the host's data model
 * (ILP32, as emscripten's wasm32 host code: long and pointers 4 bytes), so
 * each parameter's host bytes are its device bytes, structs of pointers
 * and longs included; a launch copies them into the argument block at the
 * module's offsets.
 */
#include <emscripten.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compat/compat.h"
#include "compat/web/web_table.h"
#include "rt/backend.h"

/* ---- JavaScript: web/src/program.js's device object ---------------------- */

EM_JS(int, js_module_load, (int index), { return Module.cuwasmDevice.moduleLoad(index); });
EM_JS(int, js_kernel_find, (int mod, const char *name),
      { return Module.cuwasmDevice.kernelFind(mod, UTF8ToString(name)); });
EM_JS(int, js_kernel_info, (int mod, int k, int what, int i),
      { return Module.cuwasmDevice.kernelInfo(mod, k, what, i); });
EM_JS(int, js_symbol_find, (int mod, const char *name, int *size), {
  const s = Module.cuwasmDevice.symbolFind(mod, UTF8ToString(name));
  if (!s) return 0;
  HEAP32[size >> 2] = s.size;
  return s.addr;
});
/* the WebAssembly device: the blocks run on this thread without
 * suspending (0, or 1 when the kernel failed), or 2 when js_launch_threads
 * must run them (on the device's workers) */
EM_JS(int, js_launch, (int mod, int k, void *args, const unsigned *g, const unsigned *b,
                       int shared), {
  const u = (p, i) => HEAPU32[(p >> 2) + i];
  return Module.cuwasmDevice.launch(mod, k, args, [u(g, 0), u(g, 1), u(g, 2)],
                                    [u(b, 0), u(b, 1), u(b, 2)], shared);
});
/* the same on the workers, suspending until every block has run */
EM_ASYNC_JS(int, js_launch_threads, (int mod, int k, void *args, const unsigned *g,
                                     const unsigned *b, int shared), {
  const u = (p, i) => HEAPU32[(p >> 2) + i];
  return Module.cuwasmDevice.launchThreads(mod, k, args, [u(g, 0), u(g, 1), u(g, 2)],
                                           [u(b, 0), u(b, 1), u(b, 2)], shared);
});
/* WebGPU: the launch submitted to the GPU, or run on the WebAssembly
 * device for a kernel WGSL cannot express, without suspending: 0, 1 (the
 * kernel failed), or 2 when js_launch_gpu must do it (a pipeline to make,
 * bytes to read back first) */
EM_JS(int, js_launch_gpu_now, (int mod, int k, void *args, const unsigned *g, const unsigned *b,
                               int shared), {
  const u = (p, i) => HEAPU32[(p >> 2) + i];
  return Module.cuwasmDevice.launchGpuNow(mod, k, args, [u(g, 0), u(g, 1), u(g, 2)],
                                          [u(b, 0), u(b, 1), u(b, 2)], shared);
});
/* the same, suspending while the pipeline is made or bytes come back */
EM_ASYNC_JS(int, js_launch_gpu, (int mod, int k, void *args, const unsigned *g, const unsigned *b,
                                 int shared), {
  const u = (p, i) => HEAPU32[(p >> 2) + i];
  return Module.cuwasmDevice.launchGpu(mod, k, args, [u(g, 0), u(g, 1), u(g, 2)],
                                       [u(b, 0), u(b, 1), u(b, 2)], shared);
});
/* the backend CUWASM_BACKEND names is the one program.js chose: 1 for
 * WebGPU, 0 for the WebAssembly device, -1 when it cannot be had */
EM_JS(int, js_device_kind, (void), {
  const d = Module.cuwasmDevice;
  if (d.selectError) { d.lastError = d.selectError; return -1; }
  return d.kind === 'webgpu' ? 1 : 0;
});
/* WebGPU's view of memory: allocations, host reads and writes */
EM_JS(void, js_track, (void *p, size_t n, int kind), { Module.cuwasmDevice.track(p, n, kind); });
EM_JS(void, js_untrack, (void *p), { Module.cuwasmDevice.untrack(p); });
EM_JS(int, js_needs_read_back, (const void *p, size_t n),
      { return Module.cuwasmDevice.needsReadBack(p, n); });
EM_ASYNC_JS(void, js_host_access, (const void *p, size_t n, int write),
            { await Module.cuwasmDevice.hostAccess(p, n, write); });
EM_JS(void, js_host_wrote, (const void *p, size_t n), { Module.cuwasmDevice.hostWrote(p, n); });
/* launches in flight or managed memory to read back; waiting for them
 * returns 1 when a launch failed (its message in lastError) */
EM_JS(int, js_sync_pending, (void), { return Module.cuwasmDevice.syncPending(); });
EM_ASYNC_JS(int, js_sync, (void), { return await Module.cuwasmDevice.sync(); });
/* the last failure's text, into buf (n bytes); returns its length */
EM_JS(int, js_error_text, (char *buf, int n), {
  const t = new TextEncoder().encode(Module.cuwasmDevice.lastError ?? "");
  const m = Math.min(t.length, n - 1);
  HEAPU8.set(t.subarray(0, m), buf);
  HEAPU8[buf + m] = 0;
  return m;
});
/* device printf output held since the last call: its length, then the bytes */
EM_JS(int, js_output_length, (void), { return Module.cuwasmDevice.outputLength(); });
EM_JS(void, js_output_take, (char *buf, int n), { Module.cuwasmDevice.outputTake(buf, n); });
EM_JS(const char *, js_device_name, (void), {
  const t = Module.cuwasmDevice.name;
  const n = lengthBytesUTF8(t) + 1, p = _malloc(n);
  stringToUTF8(t, p, n);
  return p;
});

/* the threads the device runs blocks on (1 on WebGPU) */
EM_JS(int, js_device_threads, (void), { return Module.cuwasmDevice.threads; });

/* ---- handles --------------------------------------------------------------- */

struct cw_context {
  char msg[1024];
  cw_status pending;      /* a kernel's failure, for the next synchronisation */
  char pending_msg[1024];
};
struct cw_buffer { void *ptr; size_t n; };
struct cw_stream { cw_context *ctx; };
struct cw_event { cw_context *ctx; double ms; };
struct cw_module { cw_context *ctx; int handle; int table; };
struct cw_kernel {
  cw_module *mod;
  int index, nparams;
  const CwWebKernel *entry;
};

static cw_context *the_ctx; /* one device, one context: the CUDA layer makes it once */
static bool on_gpu;         /* WebGPU (program.js chose it before main) */
static char no_ctx_msg[256];

__attribute__((format(printf, 3, 4)))
static cw_status fail(cw_context *c, cw_status st, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(c ? c->msg : no_ctx_msg, c ? sizeof c->msg : sizeof no_ctx_msg, fmt, ap);
  va_end(ap);
  return st;
}

cw_status cw_context_new(const char *backend, cw_context **out) {
  (void)backend; /* program.js read CUWASM_BACKEND and chose before main */
  *out = NULL;
  int kind = js_device_kind();
  if (kind < 0) {
    js_error_text(no_ctx_msg, sizeof no_ctx_msg);
    return CW_ERR_UNAVAILABLE;
  }
  on_gpu = kind == 1;
  cw_context *c = calloc(1, sizeof *c);
  if (!c) return CW_ERR_NOMEM;
  *out = the_ctx = c;
  return CW_OK;
}

void cw_context_free(cw_context *ctx) {
  if (ctx == the_ctx) the_ctx = NULL;
  free(ctx);
}

const char *cw_context_backend(const cw_context *ctx) {
  return ctx ? on_gpu ? "webgpu" : "wasm" : NULL;
}
const char *cw_last_error_message(const cw_context *ctx) { return ctx ? ctx->msg : no_ctx_msg; }
int cw_context_check_errors(const cw_context *ctx) { (void)ctx; return -1; }
/* no texture unit of its own here: texture objects get cudaErrorNotSupported */
cw_status cw_texture_create(cw_context *ctx, const cw_texture_desc *desc,
                            unsigned long long *handle) {
  (void)ctx, (void)desc, (void)handle;
  return CW_ERR_UNSUPPORTED;
}
void cw_texture_destroy(cw_context *ctx, unsigned long long handle) { (void)ctx, (void)handle; }
/* nor CUDA arrays or surfaces of its own (its arrays are plain memory) */
cw_status cw_array_create(cw_context *ctx, const cw_array_desc *desc,
                          unsigned long long *handle) {
  (void)ctx, (void)desc, (void)handle;
  return CW_ERR_UNSUPPORTED;
}
void cw_array_destroy(cw_context *ctx, unsigned long long handle) { (void)ctx, (void)handle; }
cw_status cw_array_copy(cw_context *ctx, unsigned long long array, const cw_array_desc *desc,
                        void *mem, size_t pitch, int to_array) {
  (void)ctx, (void)array, (void)desc, (void)mem, (void)pitch, (void)to_array;
  return CW_ERR_UNSUPPORTED;
}
cw_status cw_surface_create(cw_context *ctx, unsigned long long array,
                            unsigned long long *handle) {
  (void)ctx, (void)array, (void)handle;
  return CW_ERR_UNSUPPORTED;
}
void cw_surface_destroy(cw_context *ctx, unsigned long long handle) { (void)ctx, (void)handle; }
/* cudaDeviceSetLimit(cudaLimitDevRuntimePendingLaunchCount): no device
 * runtime here (the CUDA layer accepts CW_ERR_UNSUPPORTED and keeps the
 * value) */
/* no occupancy calculator of the device's own: the runtime's model of
 * CUDA's limits answers (runtime_launch.c) */
cw_status cw_kernel_occupancy(cw_kernel *k, int block_threads, size_t shared_bytes, int *blocks) {
  (void)k, (void)block_threads, (void)shared_bytes, (void)blocks;
  return CW_ERR_UNSUPPORTED;
}
/* the device is described by the runtime's model (runtime_device.c), and
 * its memory is the program's heap */
cw_status cw_context_device_attribute(cw_context *ctx, int attr, int *value) {
  (void)ctx, (void)attr, (void)value;
  return CW_ERR_UNSUPPORTED;
}
cw_status cw_context_device_identity(cw_context *ctx, char *name, size_t namen,
                                     uint64_t *total_mem, unsigned char uuid[16]) {
  (void)ctx, (void)name, (void)namen, (void)total_mem, (void)uuid;
  return CW_ERR_UNSUPPORTED;
}
cw_status cw_context_mem_info(cw_context *ctx, size_t *free_bytes, size_t *total_bytes) {
  (void)ctx, (void)free_bytes, (void)total_bytes;
  return CW_ERR_UNSUPPORTED;
}
cw_status cw_context_set_limit(cw_context *ctx, int limit, size_t value) {
  (void)limit, (void)value;
  return fail(ctx, CW_ERR_UNSUPPORTED, "a program built for the web keeps no such limit");
}

int cw_backend_probe(const char *backend, cw_device_info *out) {
  if (!backend || strcmp(backend, on_gpu ? "webgpu" : "wasm")) return 0;
  memset(out, 0, sizeof *out);
  snprintf(out->backend, sizeof out->backend, "%s", backend);
  out->available = 1;
  const char *name = js_device_name();
  snprintf(out->name, sizeof out->name, "%s", name);
  free((void *)name);
  out->cores = js_device_threads();
  snprintf(out->simd, sizeof out->simd, "none");
  out->memory_bytes = (uint64_t)2 << 30; /* the 32-bit memory's limit */
  return 1;
}

/* ---- synchronisation: where kernels' failures and printf come out -------- */

static void flush_output(void) {
  int n = js_output_length();
  if (n <= 0) return;
  char *buf = malloc((size_t)n);
  if (!buf) return;
  js_output_take(buf, n);
  fwrite(buf, 1, (size_t)n, stdout);
  free(buf);
}

/* Host code is about to read (or write) [p, p+n): the GPU's bytes first. */
static void host_access(const void *p, size_t n, bool write) {
  if (!on_gpu || !n) return;
  if (js_needs_read_back(p, n)) js_host_access(p, n, write);
  else if (write) js_host_wrote(p, n);
}

/* WebGPU: waits for the launches in flight (and reads back managed memory
 * they wrote); a failed one is reported at this or the next
 * synchronisation, as a GPU's. */
static void gpu_drain(cw_context *c) {
  if (!on_gpu || !js_sync_pending() || !js_sync() || !c || c->pending != CW_OK) return;
  c->pending = CW_ERR_LAUNCH;
  js_error_text(c->pending_msg, sizeof c->pending_msg);
}

static cw_status sync_ctx(cw_context *c) {
  gpu_drain(c);
  flush_output();
  if (!c || c->pending == CW_OK) return CW_OK;
  cw_status st = c->pending;
  snprintf(c->msg, sizeof c->msg, "%s", c->pending_msg);
  c->pending = CW_OK; /* reported once; the CUDA layer keeps it as sticky */
  return st;
}

cw_status cw_synchronize(cw_context *ctx) { return sync_ctx(ctx); }
cw_status cw_stream_synchronize(cw_stream *s) { return sync_ctx(s ? s->ctx : the_ctx); }
int cw_stream_query(cw_stream *s) { (void)s; return 1; }

cw_status cw_stream_new(cw_context *ctx, cw_stream **out) {
  *out = calloc(1, sizeof **out);
  if (!*out) return CW_ERR_NOMEM;
  (*out)->ctx = ctx;
  return CW_OK;
}
void cw_stream_free(cw_stream *s) { free(s); }
/* the program has one context; its default stream is a stream like any other here */
cw_stream *cw_context_default_stream(cw_context *ctx) {
  static cw_stream default_stream;
  default_stream.ctx = ctx;
  return &default_stream;
}

cw_status cw_event_new(cw_context *ctx, cw_event **out) {
  *out = calloc(1, sizeof **out);
  if (!*out) return CW_ERR_NOMEM;
  (*out)->ctx = ctx;
  return CW_OK;
}
void cw_event_free(cw_event *e) { free(e); }
cw_status cw_event_record(cw_event *e, cw_stream *s) {
  (void)s;
  gpu_drain(e->ctx); /* the time when the work before it is done */
  e->ms = emscripten_get_now();
  return CW_OK;
}
cw_status cw_event_synchronize(cw_event *e) { return sync_ctx(e->ctx); }
/* work runs in the order it is issued, one stream after the other: what
 * the event's record follows already comes before s's later work */
cw_status cw_stream_wait_event(cw_stream *s, cw_event *e) {
  (void)s, (void)e;
  return CW_OK;
}
cw_status cw_event_elapsed_ms(cw_event *start, cw_event *end, float *ms) {
  *ms = (float)(end->ms - start->ms);
  return CW_OK;
}

/* ---- memory: the program's heap ------------------------------------------ */

cw_status cw_buffer_alloc_kind(cw_context *ctx, int kind, size_t bytes, cw_buffer **out) {
  (void)ctx, (void)kind; /* device, managed and pinned memory are all the heap */
  cw_buffer *b = malloc(sizeof *b);
  void *p = aligned_alloc(256, (bytes + 255) / 256 * 256 + 256);
  if (!b || !p) {
    free(b), free(p);
    return CW_ERR_NOMEM;
  }
  *b = (cw_buffer){p, bytes};
  *out = b;
  if (on_gpu) js_track(p, bytes, kind);
  return CW_OK;
}
cw_status cw_buffer_alloc(cw_context *ctx, size_t bytes, cw_buffer **out) {
  return cw_buffer_alloc_kind(ctx, CW_MEM_DEVICE, bytes, out);
}
void cw_buffer_free(cw_buffer *buf) {
  if (buf && on_gpu) js_untrack(buf->ptr);
  if (buf) free(buf->ptr);
  free(buf);
}
/* cudaHostRegister: the heap is already the device's memory, so there is
 * nothing to lock; on WebGPU the range is tracked as cudaMallocHost's
 * memory is (host writes reach the GPU before each launch that uses it). */
cw_status cw_host_register(cw_context *ctx, void *p, size_t n) {
  (void)ctx;
  if (on_gpu) js_track(p, n, CW_MEM_HOST);
  return CW_OK;
}
void cw_host_unregister(cw_context *ctx, void *p) {
  if (on_gpu && sync_ctx(ctx) == CW_OK) js_untrack(p); /* no launch may still use it */
}
void *cw_buffer_ptr(const cw_buffer *buf) { return buf->ptr; }
size_t cw_buffer_size(const cw_buffer *buf) { return buf->n; }

static cw_status copy(cw_context *ctx, void *dst, const void *src, size_t n) {
  cw_status st = sync_ctx(ctx); /* blocking copies wait for the device, as CUDA's */
  if (st != CW_OK) return st;
  host_access(src, n, false);
  host_access(dst, n, true);
  memmove(dst, src, n);
  return CW_OK;
}
cw_status cw_memcpy_htod(cw_context *c, void *d, const void *s, size_t n) { return copy(c, d, s, n); }
cw_status cw_memcpy_dtoh(cw_context *c, void *d, const void *s, size_t n) { return copy(c, d, s, n); }
cw_status cw_memcpy_dtod(cw_context *c, void *d, const void *s, size_t n) { return copy(c, d, s, n); }
cw_status cw_memcpy_async(cw_context *c, void *d, const void *s, size_t n, cw_stream *st) {
  (void)st;
  host_access(s, n, false);
  host_access(d, n, true);
  memmove(d, s, n);
  (void)c;
  return CW_OK;
}
cw_status cw_memset(cw_context *ctx, void *dst, int value, size_t n) {
  (void)ctx;
  host_access(dst, n, true);
  memset(dst, value, n);
  return CW_OK;
}

/* ---- modules and kernels ---------------------------------------------------- */

int cw_web_program_table(const cw_program *p); /* web_program.c */

cw_status cw_module_load(cw_context *ctx, cw_program *prog, cw_module **out) {
  int table = cw_web_program_table(prog);
  int h = js_module_load(cw_web_tus[table].module);
  if (h < 0) {
    js_error_text(ctx->msg, sizeof ctx->msg);
    return CW_ERR_COMPILE;
  }
  cw_module *m = calloc(1, sizeof *m);
  if (!m) return CW_ERR_NOMEM;
  *m = (cw_module){ctx, h, table};
  *out = m;
  return CW_OK;
}

void cw_module_free(cw_module *mod) { free(mod); }

cw_status cw_module_link(cw_module **mods, int n) {
  (void)mods, (void)n; /* cc_web.c refuses -rdc builds: nothing is relocatable */
  return CW_ERR_UNSUPPORTED;
}

enum { KI_NPARAMS, KI_ARGS_SIZE, KI_OFFSET, KI_SIZE }; /* program.js's kernelInfo */

cw_status cw_kernel_get(cw_module *mod, const char *name, cw_kernel **out) {
  int k = js_kernel_find(mod->handle, name);
  if (k < -1) { /* the module holds it, but the wasm target refused it */
    js_error_text(mod->ctx->msg, sizeof mod->ctx->msg);
    return CW_ERR_UNSUPPORTED;
  }
  if (k < 0) return fail(mod->ctx, CW_ERR_NOT_FOUND, "no kernel '%s'", name);
  cw_kernel *kk = calloc(1, sizeof *kk);
  if (!kk) return CW_ERR_NOMEM;
  kk->mod = mod;
  kk->index = k;
  kk->nparams = js_kernel_info(mod->handle, k, KI_NPARAMS, 0);
  kk->entry = cw_web_kernel_entry(mod->table, name);
  *out = kk; /* kernels live as long as the program: the CUDA layer keeps them */
  return CW_OK;
}

int cw_kernel_param_count(const cw_kernel *k) { return k->nparams; }

cw_status cw_module_symbol(cw_module *mod, const char *name, void **dptr, size_t *size) {
  int sz = 0, addr = js_symbol_find(mod->handle, name, &sz);
  if (!addr) return CW_ERR_NOT_FOUND;
  *dptr = (void *)(uintptr_t)addr;
  if (size) *size = (size_t)sz;
  return CW_OK;
}

/* ---- arguments ------------------------------------------------------------ */

size_t cw_kernel_param_size(const cw_kernel *k, int i) {
  return (size_t)js_kernel_info(k->mod->handle, k->index, KI_SIZE, i);
}

/* each parameter's host bytes at its offset in the argument block */
static void marshal(cw_kernel *k, void **args, unsigned char *block) {
  for (int i = 0; i < k->nparams; i++)
    memcpy(block + js_kernel_info(k->mod->handle, k->index, KI_OFFSET, i), args[i],
           cw_kernel_param_size(k, i));
}

cw_status cw_launch(cw_kernel *k, const unsigned grid[3], const unsigned block[3],
                    size_t shared_bytes, cw_stream *stream, void **args) {
  (void)stream;
  cw_context *c = k->mod->ctx;
  uint32_t g[3] = {grid[0], grid[1], grid[2]}, b[3] = {block[0], block[1], block[2]};
  cw_status st = cw_check_launch_config(g, b, shared_bytes, c->msg, sizeof c->msg);
  if (st != CW_OK) return st;
  int size = js_kernel_info(k->mod->handle, k->index, KI_ARGS_SIZE, 0);
  unsigned char *block_args = aligned_alloc(16, (size_t)(size + 16) / 16 * 16);
  if (!block_args) return CW_ERR_NOMEM;
  memset(block_args, 0, (size_t)size);
  marshal(k, args, block_args);
  int failed = 0, h = k->mod->handle;
  if (!on_gpu) {
    if ((failed = js_launch(h, k->index, block_args, grid, block, (int)shared_bytes)) == 2)
      failed = js_launch_threads(h, k->index, block_args, grid, block, (int)shared_bytes);
  } else if ((failed = js_launch_gpu_now(h, k->index, block_args, grid, block,
                                       (int)shared_bytes)) == 2)
    failed = js_launch_gpu(h, k->index, block_args, grid, block, (int)shared_bytes);
  if (failed) {
    /* the kernel failed: as a GPU, say so at the next synchronisation */
    if (c->pending == CW_OK) {
      c->pending = CW_ERR_LAUNCH;
      js_error_text(c->pending_msg, sizeof c->pending_msg);
    }
  }
  free(block_args);
  return st;
}

/* A cooperative launch: the device runs every block, each suspended at
 * its grid_group::sync() until all have arrived (web/src/wasm.js,
 * runCooperative); the flag tells the device that this launch may. */
EM_JS(void, js_set_cooperative, (int on), { Module.cuwasmDevice.cooperative = !!on; });

cw_status cw_launch_cooperative(cw_kernel *k, const unsigned grid[3], const unsigned block[3],
                                size_t shared_bytes, cw_stream *stream, void **args) {
  js_set_cooperative(1);
  cw_status st = cw_launch(k, grid, block, shared_bytes, stream, args);
  js_set_cooperative(0);
  return st;
}
