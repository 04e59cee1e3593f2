/*
 * cuwasm.h — the public C API.
 *
 * Small and stable, in the manner of Lua and SQLite: opaque handles,
 * explicit ownership (whoever gets a handle from cw_*_new / cw_compile_*
 * frees it with the matching cw_*_free), status codes, and diagnostics
 * collected in an object the caller owns.  The library never prints and
 * never exits.
 *
 * This part covers the compiler (CUDA source to KIR and to target
 * languages).  The runtime (devices, buffers, launches) is declared in
 * the second half of this header.
 */
#ifndef CUWASM_H
#define CUWASM_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum cw_status {
  CW_OK = 0,
  CW_ERR_COMPILE = 1,   /* diagnostics say why */
  CW_ERR_IO = 2,        /* a file could not be read or written */
  CW_ERR_NOMEM = 3,
  CW_ERR_INVALID = 4,   /* bad argument to an API call */
  CW_ERR_UNSUPPORTED = 5,
  CW_ERR_NOT_FOUND = 6, /* kernel / symbol / backend not found */
  CW_ERR_LAUNCH = 7,    /* launch configuration or execution failure */
  CW_ERR_UNAVAILABLE = 8, /* backend cannot run on this machine */
} cw_status;

/* ---- diagnostics ------------------------------------------------------- */

typedef struct cw_diags cw_diags;
cw_diags *cw_diags_new(void);
void cw_diags_free(cw_diags *d);
int cw_diags_error_count(const cw_diags *d);
int cw_diags_warning_count(const cw_diags *d);
/* "file:line:col: error: msg" + source line + caret, one per diagnostic.
 * The caller frees the string with free(). */
char *cw_diags_render(const cw_diags *d);

/* ---- compiler ------------------------------------------------------------ */

typedef struct cw_compile_options {
  const char *const *include_dirs; /* -I */
  int n_include_dirs;
  const char *const *defines;      /* -D: "X" or "X=Y" */
  int n_defines;
  const char *const *undefs;       /* -U */
  int n_undefs;
  int cuda_arch;                   /* --arch sm_XX → XX*10; 0 means 800 */
  const char *cuda_include_dir;    /* our CUDA headers; NULL: cw_cuda_include_dir() */
  int relocatable;                 /* -rdc=true: device functions and variables may be
                                    * defined in another TU (see cw_module_link) */
  int ilp32;                       /* the data model of a 32-bit host (long and pointers
                                    * 4 bytes), as a web build's host code has; 0: LP64 */
  int unlinked;                    /* the device code of each file stays on its own even
                                    * with -rdc=true (--target web): what it uses must be
                                    * defined in it, and the diagnostic says why */
} cw_compile_options;

/* A compiled translation unit: the KIR module and everything it needs. */
typedef struct cw_program cw_program;

/* Compiles a file / an in-memory source.  On success *out is a program
 * (free with cw_program_free).  On failure *out is NULL, the status is
 * CW_ERR_COMPILE or CW_ERR_IO and diags says why.  opts may be NULL. */
cw_status cw_compile_file(const char *path, const cw_compile_options *opts,
                          cw_diags *diags, cw_program **out);
cw_status cw_compile_source(const char *name, const char *source,
                            size_t size, const cw_compile_options *opts,
                            cw_diags *diags, cw_program **out);
void cw_program_free(cw_program *p);

/* Translates the program to a target language: "kir" (the textual KIR
 * dump), and, as they land, "c", "wgsl", "glsl", ...  On success *text is a
 * malloc'd string the caller frees. */
cw_status cw_program_emit(cw_program *p, const char *target, cw_diags *diags,
                          char **text);

/* Number of kernels, and the C++ name of kernel i (`scale<float, 128>`). */
int cw_program_kernel_count(const cw_program *p);
const char *cw_program_kernel_name(const cw_program *p, int i);

/* Instantiates a template kernel by its C++ name (`scale<float, 128>`) in a
 * compiled program, for kernels that only host code launches.  CW_OK when
 * the kernel exists afterwards; CW_ERR_NOT_FOUND when no such template;
 * CW_ERR_COMPILE with diagnostics when the instance does not compile. */
cw_status cw_program_instantiate(cw_program *p, const char *cpp_name, cw_diags *diags);

const char *cw_version(void);


/* ======================================================================
 * runtime: contexts, buffers, modules, kernels, launches, streams, events
 * (implemented in src/rt/; backends plug in through src/rt/backend.h)
 *
 * Every call returns a cw_status; on failure cw_last_error_message(ctx)
 * says why (the message stays until the next failing call on that ctx).
 * Launches and copies on a stream run asynchronously; errors of a kernel
 * (device assert, trap) are reported by the next synchronize of that
 * stream or context, as CW_ERR_LAUNCH.
 * ==================================================================== */

typedef struct cw_context cw_context;
typedef struct cw_module cw_module;
typedef struct cw_kernel cw_kernel;
typedef struct cw_buffer cw_buffer;
typedef struct cw_stream cw_stream; /* NULL means the context's default stream */
typedef struct cw_event cw_event;

/* backend: "cpu", "auto" (best available) or NULL (= "auto"). */
cw_status cw_context_new(const char *backend, cw_context **out);
void cw_context_free(cw_context *ctx);
const char *cw_context_backend(const cw_context *ctx);
/* The message of the last failed call on ctx ("" when none).  With a NULL
 * ctx: the message of the last failed cw_context_new on this thread. */
const char *cw_last_error_message(const cw_context *ctx);

/* Modules: compiled programs loaded onto the context's device. */
cw_status cw_module_load(cw_context *ctx, cw_program *prog, cw_module **out);
cw_status cw_module_load_source(cw_context *ctx, const char *name,
                                const char *source, size_t size,
                                const cw_compile_options *opts,
                                cw_diags *diags, cw_module **out);
void cw_module_free(cw_module *mod);
/* Separate compilation: modules compiled with relocatable set use device
 * functions and variables that other modules define (extern __device__).
 * Links mods[0..n) together: every such use is pointed at the definition
 * in one of the others.  Until then cw_kernel_get refuses a module that
 * needs it.  CW_ERR_NOT_FOUND names a symbol nothing defines; a
 * definition that synchronises the block (__syncthreads) cannot be
 * called across modules (CW_ERR_UNSUPPORTED), nor can anything be linked
 * on backends without a linker.  Linking the same modules again is
 * harmless. */
cw_status cw_module_link(cw_module **mods, int n);
/* By C++ name (`reduce<float, 256>`, whitespace ignored) or C name.  The
 * kernel belongs to the module. */
cw_status cw_kernel_get(cw_module *mod, const char *name, cw_kernel **out);
int cw_kernel_param_count(const cw_kernel *k);
size_t cw_kernel_param_size(const cw_kernel *k, int i);
/* Address and size of a __device__/__constant__/__managed__ global. */
cw_status cw_module_symbol(cw_module *mod, const char *name, void **dptr,
                           size_t *size);

/* Device memory.  cw_buffer_ptr gives the device pointer to pass as a
 * kernel argument (on the CPU backend it is also a host pointer). */
cw_status cw_buffer_alloc(cw_context *ctx, size_t bytes, cw_buffer **out);
void cw_buffer_free(cw_buffer *buf);
/* Other kinds of memory: CW_MEM_MANAGED is addressed directly by host and
 * device (CUDA managed memory); CW_MEM_HOST is page-locked host memory that
 * copies fast (cudaMallocHost).  On the CPU backend both are plain memory. */
enum { CW_MEM_DEVICE = 0, CW_MEM_MANAGED = 1, CW_MEM_HOST = 2 };
cw_status cw_buffer_alloc_kind(cw_context *ctx, int kind, size_t bytes, cw_buffer **out);
/* Page-locks the host's own n bytes at p for the device, as
 * cudaHostRegister (on the CPU backend there is nothing to do), and undoes
 * it. */
cw_status cw_host_register(cw_context *ctx, void *p, size_t n);
void cw_host_unregister(cw_context *ctx, void *p);
void *cw_buffer_ptr(const cw_buffer *buf);
size_t cw_buffer_size(const cw_buffer *buf);
/* Blocking copies (they wait for the default stream first, like CUDA's). */
cw_status cw_memcpy_htod(cw_context *ctx, void *dst, const void *src, size_t n);
cw_status cw_memcpy_dtoh(cw_context *ctx, void *dst, const void *src, size_t n);
cw_status cw_memcpy_dtod(cw_context *ctx, void *dst, const void *src, size_t n);
cw_status cw_memset(cw_context *ctx, void *dst, int value, size_t n);
cw_status cw_memcpy_async(cw_context *ctx, void *dst, const void *src,
                          size_t n, cw_stream *stream);

/* args[i] points to the value of parameter i, as with cudaLaunchKernel. */
cw_status cw_launch(cw_kernel *k, const unsigned grid[3],
                    const unsigned block[3], size_t shared_bytes,
                    cw_stream *stream, void **args);
/* Like cw_launch, but every block of the grid runs at the same time, so
 * that grid_group::sync() in the kernel can wait for all of them (CUDA's
 * cooperative launch).  Backends without cooperative launches run it as
 * cw_launch. */
cw_status cw_launch_cooperative(cw_kernel *k, const unsigned grid[3], const unsigned block[3],
                                size_t shared_bytes, cw_stream *stream, void **args);
/* How many blocks of block_threads threads with shared_bytes of dynamic
 * shared memory one multiprocessor holds at once, by the device's own
 * occupancy calculator (the CUDA backend's driver: registers count too).
 * CW_ERR_UNSUPPORTED where the backend has none of its own. */
cw_status cw_kernel_occupancy(cw_kernel *k, int block_threads, size_t shared_bytes, int *blocks);

cw_status cw_stream_new(cw_context *ctx, cw_stream **out);
/* The context's default stream, the one NULL stands for (on the CUDA
 * backend the driver's legacy default stream, which waits for the work of
 * the other streams); owned by the context, never freed by the caller. */
cw_stream *cw_context_default_stream(cw_context *ctx);
void cw_stream_free(cw_stream *s);
cw_status cw_stream_synchronize(cw_stream *s);
/* 1 when all work on the stream has finished, 0 otherwise. */
int cw_stream_query(cw_stream *s);

cw_status cw_event_new(cw_context *ctx, cw_event **out);
void cw_event_free(cw_event *e);
cw_status cw_event_record(cw_event *e, cw_stream *s);
/* Work queued on s after this call waits until e's latest record is
 * reached (cudaStreamWaitEvent); the caller does not wait. */
cw_status cw_stream_wait_event(cw_stream *s, cw_event *e);
cw_status cw_event_synchronize(cw_event *e);
cw_status cw_event_elapsed_ms(cw_event *start, cw_event *end, float *ms);

/* CUDA's device limits that a backend keeps itself (cudaDeviceSetLimit):
 * CW_LIMIT_DEVRT_PENDING_LAUNCHES, how many grids launched from device
 * code may wait to start (cudaLimitDevRuntimePendingLaunchCount, 2048 by
 * default); CW_LIMIT_STACK_BYTES, each GPU thread's stack
 * (cudaLimitStackSize, which recursive device code may need larger).
 * CW_ERR_UNSUPPORTED when the backend does not keep it. */
enum { CW_LIMIT_DEVRT_PENDING_LAUNCHES = 0, CW_LIMIT_STACK_BYTES = 1 };
cw_status cw_context_set_limit(cw_context *ctx, int limit, size_t value);

/* The device's own answer to CUDA's device attribute `attr` (the numbers
 * of cudaDeviceAttr, which are the driver's CUdevice_attribute), from
 * backends that drive a real CUDA device (cuda): CW_ERR_INVALID for an
 * attribute the device does not know, CW_ERR_UNSUPPORTED where the backend
 * has no such description (the CUDA runtime API then describes the
 * device by its own model).  cw_context_device_identity gives the
 * device's name, global memory in bytes and 16-byte UUID the same way. */
cw_status cw_context_device_attribute(cw_context *ctx, int attr, int *value);
cw_status cw_context_device_identity(cw_context *ctx, char *name, size_t namen,
                                     uint64_t *total_mem, unsigned char uuid[16]);
/* The device's memory free now and in all, in bytes (cudaMemGetInfo), from
 * backends whose device has memory of its own (cuda); CW_ERR_UNSUPPORTED
 * elsewhere (the device's memory is the host's). */
cw_status cw_context_mem_info(cw_context *ctx, size_t *free_bytes, size_t *total_bytes);

/* A texture object of the device's own texture unit (the CUDA backend's
 * driver; cudaCreateTextureObject on other GPU backends), over device
 * memory: dims 1 reads linear memory by element (tex1Dfetch), dims 2 a
 * pitched 2-D image.  Every channel has `bytes` bytes (1, 2, 4) of `kind`
 * (0 signed, 1 unsigned, 2 float); filter 0 point, 1 linear; address[] and
 * border[] as CUDA's cudaTextureDesc.  *handle is what kernels receive as
 * cudaTextureObject_t.  CW_ERR_UNSUPPORTED where the backend has no texture
 * unit of its own (the CPU backend samples records in host memory). */
typedef struct cw_texture_desc {
  const void *data;
  int dims;
  size_t width, height, pitch;
  int channels, bytes, kind;
  int filter, read_normalized, normalized_coords;
  int address[3];
  float border[4];
  unsigned long long array; /* nonzero: reads this cw_array_create array */
} cw_texture_desc;
cw_status cw_texture_create(cw_context *ctx, const cw_texture_desc *desc,
                            unsigned long long *handle);
void cw_texture_destroy(cw_context *ctx, unsigned long long handle);

/* A CUDA array of the device's own (the CUDA backend's driver): width x
 * height x depth elements (height and depth 0 for fewer dimensions) of
 * `channels` channels of `bytes` bytes of `kind` (as cw_texture_desc);
 * surface 1 lets surface objects read and write it.  Textures read it
 * through cw_texture_desc.array.  cw_array_copy copies the whole array
 * (desc: as made) to or from device memory `mem` with rows of `pitch`
 * bytes (height rows a slice).  CW_ERR_UNSUPPORTED where the backend has no arrays of its own
 * (its CUDA arrays are plain device memory). */
typedef struct cw_array_desc {
  size_t width, height, depth;
  int channels, bytes, kind;
  int surface;
} cw_array_desc;
cw_status cw_array_create(cw_context *ctx, const cw_array_desc *desc,
                          unsigned long long *handle);
void cw_array_destroy(cw_context *ctx, unsigned long long handle);
cw_status cw_array_copy(cw_context *ctx, unsigned long long array, const cw_array_desc *desc,
                        void *mem, size_t pitch, int to_array);
/* A surface object over such an array (made with surface 1): *handle is
 * what kernels receive as cudaSurfaceObject_t. */
cw_status cw_surface_create(cw_context *ctx, unsigned long long array,
                            unsigned long long *handle);
void cw_surface_destroy(cw_context *ctx, unsigned long long handle);

/* Errors found by the checkers CUWASM_CHECK=memcheck,racecheck turned on
 * for this context (CPU backend), or -1 when it is not checking. */
int cw_context_check_errors(const cw_context *ctx);

/* Waits for every stream of the context; flushes device printf output. */
cw_status cw_synchronize(cw_context *ctx);

/* Devices and backends, for `cuwasm devices`. */
typedef struct cw_device_info {
  char backend[16];
  int available;
  char reason[160];    /* why unavailable */
  char name[128];      /* CPU model / GPU name */
  int cores;
  char simd[32];       /* sse2, avx2, avx512, neon, ... */
  uint64_t memory_bytes;
} cw_device_info;
/* Fills up to max entries, one per known backend; returns the count. */
int cw_backend_list(cw_device_info *out, int max);
/* The same for one backend by name ("cpu", "cuda", "vulkan", ...): 1 when
 * *out was filled, 0 for an unknown name.  Probes only that backend. */
int cw_backend_probe(const char *backend, cw_device_info *out);

#ifdef __cplusplus
}
#endif
#endif
