/*
 * compat.h — the CUDA runtime API over the cuwasm runtime: what the files
 * of src/compat/ share.
 *
 * The CUDA runtime API has process-wide state by definition (the current
 * device, the last error, the live allocations, the kernels and symbols a
 * program registered), so this layer keeps one `CompatState` object, made
 * on first use.  The device context is created lazily on the first call
 * that needs it, with the backend named by CUWASM_BACKEND (default auto).
 *
 * A program built by `cuwasm cc` registers, before main runs, one
 * translation unit (TU) per .cu file: its original source and compile
 * options.  Kernel stubs register (function pointer, C++ name, TU);
 * __device__/__constant__/__managed__ variables register their host shadow.
 * The first launch of a TU's kernel compiles its source with the cuwasm
 * front end, instantiates the template kernels the host used, and loads
 * the module; symbol shadows are then bound to their device addresses.
 *
 * Errors follow CUDA: every API call records its result as the thread's
 * last error; errors of kernel execution (illegal address, assert, launch
 * failure) are sticky — every later call that uses the context returns
 * them (cudaGetLastError reports one once and clears it, as CUDA does).
 */
#ifndef CW_COMPAT_H
#define CW_COMPAT_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>

#include "cuda/cuda_runtime_api.h"
#include "cuwasm.h"

/* ---- glue ABI: called by code `cuwasm cc` generates (host_glue.h) ---- */
int __cuwasm_register_tu(const char *name, const char *src, size_t len,
                         const char *const *opts, int nopts);
int __cuwasm_register_kernel(int tu, const void *fn, const char *pretty);
void __cuwasm_register_symbol(int tu, const void *shadow, size_t size,
                              const char *name, int managed);
void __cuwasm_push_config(dim3 grid, dim3 block, size_t shared, cudaStream_t s);
cudaError_t __cuwasm_launch(int kernel_id, void **args);
const char *__cuwasm_message(void);
/* host_glue.h hands over a function of the user program that prints; the
 * runtime calls it once when a translation unit's device code cannot be
 * built, whichever API call (launch, cudaFuncSetCacheConfig …) found out. */
void __cuwasm_set_reporter(void (*print)(const char *));

/* ---- CUDA arrays (runtime_array.c) ---- */
struct cudaArray {
  void *data;        /* device memory, rows of pitch bytes */
  struct cudaChannelFormatDesc desc;
  size_t w, h, d;    /* elements; h and d are 0 for fewer dimensions */
  size_t elem, pitch;
  unsigned flags;
  /* on the CUDA backend, 1-D, 3-D and surface arrays are also arrays of
   * the driver (cw_array_create), which textures and surfaces read; the
   * pitched memory above then stages every copy into and out of them */
  unsigned long long device_array;
  cw_array_desc device_desc;
};
/* the driver's array from the pitched memory after a copy into it (push),
 * and back before a copy out of it (pull); nothing without a driver array */
cudaError_t compat_array_push(cudaArray_const_t a);
cudaError_t compat_array_pull(cudaArray_const_t a);
/* an array as pitched memory, for 3-D copies */
cudaError_t compat_array_side(cudaArray_t a, void **base, size_t *pitch, size_t *rows,
                              size_t *elem);

/* ---- state ---- */
typedef struct CompatTU {
  char *name, *src;
  size_t len;
  char **opts;
  int nopts;
  cw_program *prog;
  cw_module *mod;
  bool tried;        /* a failed compile is not retried */
  bool load_failed;  /* its device code did not compile or load (check mode
                      * counts it: its kernels ran unchecked, if at all) */
} CompatTU;

typedef struct CompatKernel {
  const void *fn;
  char *name;        /* C++ name as the host compiler spells it */
  char *sig;         /* its pointer type, `void (*)(float*, int)` (overloads) */
  char *host_name;   /* with extended lambdas among its arguments: the name as
                      * the host spells it (kernel_lambda.c); else NULL */
  int tu;
  cw_kernel *k;
  int max_dyn_shared;
  bool refusal_told; /* the device's reason for refusing it went to stderr */
} CompatKernel;

/* kernel_lambda.c: a host-spelled kernel name with the extended lambdas'
 * tags replaced by the device's closure names where they are known before
 * the program is (malloc'd), or NULL when it has no tag; and the device
 * program's name of the kernel instance, every closure class defined and
 * checked against the host's size (malloc'd; else NULL, a message in msg). */
char *compat_lambda_device_name(const char *host_name);
char *compat_lambda_resolve(cw_program *prog, const char *host_name, const char *tu_name,
                            char *msg, size_t n);
/* kernel_lambda.c: the device program's closure class name for a tag
 * (below); prog NULL (at registration): lambdas of plain functions only;
 * else one in a function template is compiled for its instance, and a
 * failure says why in msg */
struct CompatLambdaTag;
bool compat_lambda_closure_name(cw_program *prog, const struct CompatLambdaTag *t, char *out,
                                size_t n, char *msg, size_t msgn);

/* kernel_lambda_names.c: a tag `__cuwasm_device_lambda<K, L, I, S,
 * closure>` read (fn: the enclosing function template's instance, or "");
 * the device's closure name of a lambda of a plain function (false for
 * one in a function template, which the device names per instance); a
 * host name with each tag replaced by what `name` says (malloc'd; NULL
 * when it has none, or, strict, when one cannot be named: *failed) */
typedef struct CompatLambdaTag {
  int key, line, index, size;
  const char *closure, *closure_end; /* the host compiler's spelling of the closure type */
  const char *end;                   /* after the tag's closing '>' */
  char fn[512];
} CompatLambdaTag;
typedef bool (*CompatLambdaNamer)(void *ctx, const CompatLambdaTag *t, char *out, size_t n);
extern const char COMPAT_LAMBDA_WRAPPER[];
bool compat_lambda_read_tag(const char *s, CompatLambdaTag *t);
bool compat_lambda_plain_name(const CompatLambdaTag *t, char *out, size_t n);
char *compat_lambda_substitute(const char *host_name, CompatLambdaNamer name, void *ctx, bool strict,
                               bool *failed);

/* runtime_state.c: the device program of a registered TU as its first
 * use builds it (front end, extended lambdas, the template kernels its
 * registered host code launches, instantiated in the order of their
 * names), without a device: for `cuwasm cc`'s ahead-of-time cubins.  NULL
 * with *msg set when it does not compile. */
cw_program *compat_tu_device_program(int tu, const char **msg);
/* runtime_state.c: kernel names equal after canonicalisation */
bool compat_names_match(const char *a, const char *b);
/* runtime_state.c: a kernel's C++ name (`scale<float, 128>`) from the
 * string its registration carries (host_glue.h); *sig gets its pointer
 * type as the host compiler spells it (malloc'd, or NULL) */
char *compat_kernel_name(const char *registration, char **sig);
/* CUWASM_NVRTC_CHECK=FILE: the TU's device source through the CUDA
 * backend's NVRTC path, the verdict appended to FILE (nvrtc_probe.c) */
void compat_nvrtc_probe(const char *tu_name, cw_program *prog);
/* runtime_state.c: the parameter list of a kernel's pointer type as the
 * host compiler spells it, `void (*)(const float* __restrict__, int)` →
 * "const float*, int" (__restrict__ dropped) */
void compat_host_params(const char *sig, char *out, size_t cap);
/* kernel_overload.c (web/web_program.c in a web build): among several kernels named `name` in the program,
 * the C name of the one whose parameters are those of sig; NULL when the
 * name is not overloaded. */
const char *compat_overload_cname(cw_program *prog, const char *name, const char *sig);

typedef struct CompatSymbol {
  const void *shadow;
  size_t size;
  char *name;
  int tu;
  int managed;
  void *dev;         /* bound device address, NULL until the TU loads */
  unsigned char *snap; /* managed: host value at the last sync */
} CompatSymbol;

typedef struct CompatAlloc {
  char *base;
  size_t size;
  int kind;          /* cudaMemoryType; Host for pinned */
  cw_buffer *buf;    /* device and managed memory */
  bool graph_owned;  /* made by a graph memory node: frees leave it */
} CompatAlloc;

typedef struct CompatState {
  pthread_mutex_t mu;
  cw_context *ctx;
  cudaError_t init_error;   /* context creation failed: returned forever */
  cw_stream *null_stream;   /* the legacy default stream */
  CompatTU *tus;
  int ntus, captus;
  CompatKernel *kernels;
  int nkernels, capkernels;
  CompatSymbol *syms;
  int nsyms, capsyms;
  CompatAlloc *allocs;      /* sorted by base */
  int nallocs, capallocs;
  struct CUstream_st **streams; /* user streams, for legacy-stream sync */
  int nstreams, capstreams;
  cudaError_t sticky;
  int device_flags;
  size_t limits[8];
  char msg[8192];           /* last detailed message (compile errors ...) */
  void (*reporter)(const char *); /* the program's printer (host_glue.h), or NULL */
} CompatState;

CompatState *compat_state(void);
/* The context, created on first use; NULL with *err set when unavailable. */
cw_context *compat_ctx(cudaError_t *err);

/* ---- errors (runtime_errors.c) ---- */
/* Records err as the thread's last error (and as sticky when it is one of
 * the kernel-execution errors); returns err. */
cudaError_t compat_ret(cudaError_t err);
/* Sets the thread's last error to err and returns the one it replaces (the
 * driver API, driver_api.c, calls the runtime API without touching it). */
cudaError_t compat_swap_last_error(cudaError_t err);
/* The sticky error, or cudaSuccess. */
cudaError_t compat_sticky(void);
/* cw_status of a failed runtime call → CUDA error (reads the message for
 * the CUDA name the runtime put in it). */
cudaError_t compat_from_status(cw_status st, const char *msg);
void compat_set_message(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* ---- streams (runtime_stream.c) ---- */
struct CompatGraph;
struct CUstream_st {
  cw_stream *s;
  unsigned flags;
  struct CompatGraph *capture; /* non-NULL while capturing */
  bool capture_origin;
};
struct CUevent_st {
  cw_event *e;
  unsigned flags;
  bool recorded;
  struct CompatGraph *captured_by;
};
/* The runtime stream behind a CUDA stream handle (0 = legacy default). */
cw_stream *compat_stream(cudaStream_t s);
/* Before work goes to stream s: CUDA's legacy default stream semantics
 * (work on it waits for all blocking streams, and they wait for it). */
cudaError_t compat_order_before(cudaStream_t s);
/* Waits for all streams; flushes printf; syncs managed shadows. */
cudaError_t compat_sync_all(void);
cudaError_t compat_sync_stream(cudaStream_t s);
bool compat_is_capturing(cudaStream_t s);

/* ---- memory table (runtime_alloc.c) ---- */
cudaError_t compat_alloc_add(void *base, size_t size, int kind, cw_buffer *buf);
/* Removes the allocation that starts at base; *out gets it. */
bool compat_alloc_remove(void *base, int kind, CompatAlloc *out);
/* The allocation that holds [p, p+n), or NULL. */
const CompatAlloc *compat_alloc_find(const void *p, size_t n);
int compat_alloc_kind(const void *p);
void compat_alloc_give_graph(const void *base);

/* ---- modules and symbols (runtime_state.c, runtime_symbol.c) ---- */
cudaError_t compat_load_tu(int tu);
cudaError_t compat_kernel_resolve(int id, cw_kernel **out);
int compat_kernel_by_fn(const void *fn);
cudaError_t compat_symbol_resolve(const void *shadow, CompatSymbol **out);
/* Managed shadows: host → device before a launch, device → host after a sync. */
void compat_managed_push(void);
void compat_managed_pull(void);

/* ---- a real device's properties (device_props.c) ---- */
/* Asks the device for CUDA device attribute `attr` (cudaDeviceAttr, the
 * driver's numbers): false when it has no answer. */
typedef bool (*CompatAttrQuery)(void *user, enum cudaDeviceAttr attr, int *value);
/* Fills every field of *p that a device attribute gives (all but name,
 * uuid and totalGlobalMem) from query's answers; 0 where it has none. */
void compat_props_from_attributes(struct cudaDeviceProp *p, CompatAttrQuery query, void *user);

/* ---- graphs (runtime_graph.c) ---- */
/* Appends an operation to the graph a capturing stream records into. */
cudaError_t compat_capture_kernel(cudaStream_t s, cw_kernel *k, const unsigned g[3],
                                  const unsigned b[3], size_t shm, void **args);
cudaError_t compat_capture_copy(cudaStream_t s, void *dst, const void *src, size_t n);
cudaError_t compat_capture_fill(cudaStream_t s, void *dst, int v, size_t n);
cudaError_t compat_capture_host(cudaStream_t s, cudaHostFn_t fn, void *data);
cudaError_t compat_capture_free(cudaStream_t s, void *p);

#endif
