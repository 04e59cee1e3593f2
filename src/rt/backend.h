/*
 * backend.h — what a device backend provides to the runtime core (api.c).
 *
 * A backend is a table of functions over an opaque device handle.  The
 * core owns everything that is the same for every backend: handles, the
 * caching memory pool, streams (one worker thread each, so work really
 * runs asynchronously), events and error messages.  A backend only has to
 * run one operation to completion when asked.  Functions return a
 * cw_status and, on failure, write a message into err (size errn).
 */
#ifndef CW_RT_BACKEND_H
#define CW_RT_BACKEND_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "cuwasm.h"

/* One file a compilation looked for, as a cache of whole translations
 * must check it again (filled by module_cache.c when the front end reads
 * or probes it; path relative to the working folder when the front end's
 * was). */
enum { CW_INPUT_READ, CW_INPUT_ABSENT, CW_INPUT_EXISTS };
typedef struct CwInput {
  char *path;                /* heap */
  int kind;                  /* CW_INPUT_* */
  uint64_t hash[2];          /* of the text read (CW_INPUT_READ) */
  uint64_t size, ino, dev;   /* stat() just after the read */
  int64_t mtime_ns, ctime_ns;
} CwInput;
typedef struct CwInputs {
  CwInput *v;
  int n, cap;
  bool unusable; /* something could not be recorded: cache nothing */
} CwInputs;

typedef struct CwBackendOps {
  const char *name;
  /* Fills info (name, cores, ...) and says whether the backend can run. */
  bool (*probe)(cw_device_info *info);
  cw_status (*open)(void **dev, char *err, size_t errn);
  void (*close)(void *dev);
  cw_status (*mem_alloc)(void *dev, size_t n, void **ptr);
  void (*mem_free)(void *dev, void *ptr);
  /* Memory of another kind (CW_MEM_MANAGED, CW_MEM_HOST): NULL where
   * ordinary memory already is both (the CPU backend). */
  cw_status (*mem_alloc_kind)(void *dev, int kind, size_t n, void **ptr);
  void (*mem_free_kind)(void *dev, int kind, void *ptr);
  /* Page-locks n bytes of the host's own memory at p for the device
   * (cudaHostRegister), and undoes it: NULL where the device reads the
   * host's memory as it is (the CPU backend). */
  cw_status (*host_register)(void *dev, void *p, size_t n, char *err, size_t errn);
  void (*host_unregister)(void *dev, void *p);
  /* dst/src are device or host pointers; n bytes. */
  cw_status (*copy)(void *dev, void *dst, const void *src, size_t n);
  cw_status (*fill)(void *dev, void *dst, int value, size_t n);
  /* Loads a module from the C emitted by emit_c (or a backend's own
   * translation of it). */
  cw_status (*module_load)(void *dev, const char *c_source, void **mod,
                           char *err, size_t errn);
  /* Backends that compile the user's CUDA source themselves (cuda) load
   * from the program instead of the emitted C; NULL for the others. */
  cw_status (*module_load_program)(void *dev, cw_program *prog, void **mod,
                                   char *err, size_t errn);
  /* Optional cache of whole translations (cpu), so that loading CUDA
   * source seen before skips the front end.  `key` (32 hex digits) hashes
   * the source and everything besides files that shaped its translation
   * (module_cache.c).  module_cached loads what was recorded under it if
   * every recorded input is unchanged, else returns CW_ERR_NOT_FOUND
   * (never an error the caller must report); module_load_record is
   * module_load that also records key → the module and its inputs. */
  cw_status (*module_cached)(void *dev, const char *key, void **mod);
  cw_status (*module_load_record)(void *dev, const char *c_source, const char *key,
                                  const CwInputs *inputs, void **mod, char *err,
                                  size_t errn);
  void (*module_unload)(void *dev, void *mod);
  /* Separate compilation (-rdc=true), optional: how many device
   * functions/variables the module uses that another module defines, and
   * the linker that points each of them at a definition in the other
   * modules (errors name the symbol).  NULL: never any (the backend
   * cannot link; programs needing it are refused when loaded). */
  int (*module_extern_count)(void *mod);
  cw_status (*module_link)(void *dev, void **mods, int n, char *err, size_t errn);
  /* Kernel by C++ name (whitespace ignored) or C name. */
  cw_status (*kernel_find)(void *mod, const char *name, void **kernel,
                           int *nparams, const uint32_t **param_sizes);
  cw_status (*symbol_find)(void *mod, const char *name, void **addr,
                           size_t *size);
  /* Validates the configuration and runs the grid to completion. */
  cw_status (*launch)(void *dev, void *kernel, const uint32_t grid[3],
                      const uint32_t block[3], size_t shared_bytes,
                      void **args, char *err, size_t errn);
  /* Optional: the same with every block running at once (cooperative
   * launch, grid_group::sync); NULL: launch is used. */
  cw_status (*launch_cooperative)(void *dev, void *kernel, const uint32_t grid[3],
                                  const uint32_t block[3], size_t shared_bytes,
                                  void **args, char *err, size_t errn);
  /* Optional: how many blocks of the kernel one multiprocessor holds at
   * once by the device's own rules (cuda: the driver's calculator); NULL:
   * the runtime's model of CUDA's limits is used. */
  cw_status (*occupancy)(void *dev, void *kernel, int block_threads, size_t shared_bytes,
                         int *blocks);
  /* Backends whose device queues work itself (cuda) set this: the core
   * then hands it operations on the caller's thread, without a worker,
   * and calls sync where it must wait (events, synchronize).  NULL: every
   * operation runs to completion when asked. */
  cw_status (*sync)(void *dev, char *err, size_t errn);
  /* Optional device streams and events (cuda): the core keeps one per
   * cw_stream / cw_event (NULL stands for the device's default stream) and
   * names the stream that the following launch/copy/fill belong to with
   * set_stream (operations of sync backends run on the caller's thread). */
  cw_status (*stream_new)(void *dev, void **bs);
  void (*stream_free)(void *dev, void *bs);
  cw_status (*stream_sync)(void *dev, void *bs, char *err, size_t errn);
  void (*set_stream)(void *dev, void *bs, bool active);
  cw_status (*event_new)(void *dev, void **be);
  void (*event_free)(void *dev, void *be);
  cw_status (*event_record)(void *dev, void *be, void *bs);
  cw_status (*event_sync)(void *dev, void *be);
  /* Optional: the stream's later work waits for the event on the device
   * (without it the runtime's host waits for the event instead) */
  cw_status (*stream_wait_event)(void *dev, void *bs, void *be);
  cw_status (*event_elapsed)(void *dev, void *start, void *end, float *ms);
  /* Device printf output since the last call (malloc'd, or NULL). */
  char *(*take_output)(void *dev);
  /* Optional: the device's own description (cw_context_device_attribute,
   * cw_context_device_identity); NULL where the runtime's model of a CUDA
   * device stands for it (cpu, vulkan). */
  cw_status (*device_attribute)(void *dev, int attr, int *value);
  cw_status (*device_identity)(void *dev, char *name, size_t namen, uint64_t *total_mem,
                               unsigned char uuid[16]);
  /* Optional: the device memory free and in all (cw_context_mem_info). */
  cw_status (*mem_info)(void *dev, size_t *free_bytes, size_t *total_bytes);
  /* Optional: sets a CW_LIMIT_* of the device (NULL: it keeps none). */
  cw_status (*set_limit)(void *dev, int limit, size_t value);
  /* Optional: texture objects of the device's texture unit
   * (cw_texture_create); NULL where the backend has none. */
  cw_status (*texture_create)(void *dev, const cw_texture_desc *desc,
                              unsigned long long *handle, char *err, size_t errn);
  void (*texture_destroy)(void *dev, unsigned long long handle);
  /* Optional: CUDA arrays and surface objects of the device's own
   * (cw_array_create, cw_surface_create); NULL where the backend has none. */
  cw_status (*array_create)(void *dev, const cw_array_desc *desc, unsigned long long *handle,
                            char *err, size_t errn);
  void (*array_destroy)(void *dev, unsigned long long handle);
  cw_status (*array_copy)(void *dev, unsigned long long array, const cw_array_desc *desc,
                          void *mem, size_t pitch, int to_array, char *err, size_t errn);
  cw_status (*surface_create)(void *dev, unsigned long long array, unsigned long long *handle,
                              char *err, size_t errn);
  void (*surface_destroy)(void *dev, unsigned long long handle);
  /* Errors found so far by CUWASM_CHECK's checkers, or -1 when the
   * backend is not checking (NULL: never checks). */
  int (*check_errors)(void *dev);
} CwBackendOps;

const CwBackendOps *cw_backend_cpu(void);
const CwBackendOps *cw_backend_cuda(void);
const CwBackendOps *cw_backend_vulkan(void);
/* whether the Vulkan device the backend would pick is a GPU (not lavapipe
 * or SwiftShader), for the automatic choice */
bool cw_vulkan_is_hardware(void);

/* CUDA's launch limits, shared by backends that have none of their own. */
enum {
  CW_MAX_BLOCK_THREADS = 1024,
  CW_MAX_BLOCK_X = 1024, CW_MAX_BLOCK_Y = 1024, CW_MAX_BLOCK_Z = 64,
  CW_MAX_GRID_X = 2147483647, CW_MAX_GRID_YZ = 65535,
  CW_MAX_SHARED_BYTES = 48 * 1024,
};

/* Checks a launch configuration against CUDA's limits; CW_OK or
 * CW_ERR_LAUNCH with CUDA's error name in err. */
cw_status cw_check_launch_config(const uint32_t grid[3], const uint32_t block[3],
                                 size_t shared_total, char *err, size_t errn);

#endif
