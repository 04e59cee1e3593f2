/*
 * cuda.c — the native CUDA backend: the user's own source (cut to its
 * device part, see front/device_source.c) compiled by NVRTC for the GPU's
 * architecture, loaded with the driver API, launched with cuLaunchKernel.
 *
 * Kernels are found by their C++ names through NVRTC name expressions
 * (`&reduce<float, 256>`), which also instantiates templates that only the
 * host launches.  Compiled cubins are cached on disk under
 * $XDG_CACHE_HOME/cuwasm/cuda, keyed by a hash of the source, the options,
 * the architecture and NVRTC's file identity, with the lowered names
 * beside them; NVRTC itself is loaded only on a cache miss.  Before the
 * cache comes the executable's own table: cubins `cuwasm cc -arch=sm_XX`
 * compiled ahead of time (cubin_embedded.h), which need no NVRTC at all
 * (the GPU's own architecture's, else the newest of its major version
 * below it, which CUDA runs too: sm_80 on 8.6), and PTX, which the driver
 * compiles for a GPU no cubin was made for (the newest PTX whose
 * architecture the GPU runs).  An image of the table the
 * driver refuses (a driver older than the toolkit that made it, say) is
 * replaced by the next: the cubin by the PTX, the PTX by the cache or
 * NVRTC; only the last one's failure is the module's (CUWASM_VERBOSE=1
 * says which image was refused and why).  Memory is
 * device memory (cuMemAlloc); copies use cuMemcpy, which infers the
 * direction from unified addresses, except host-to-device copies of 1 MiB
 * or more from pageable memory, which go through our own pinned buffers,
 * pipelined over several host threads (cuda_staging.c;
 * CUWASM_CUDA_STAGING=0 leaves them to the driver).  Every driver or NVRTC
 * failure comes back as a status with the driver's or NVRTC's own words.
 * Separate compilation: a relocatable program is compiled with
 * --relocatable-device-code=true and kept as a cubin until
 * cw_module_link hands the driver's linker every such cubin at once; the
 * modules linked together then share the one loaded module.  A program
 * that launches kernels from device code (dynamic parallelism) is compiled
 * the same way and linked with the device runtime, libcudadevrt.a.
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "api/program.h"
#include "base/base.h"
#include "base/hash.h"
#include "cuda_driver.h"
#include "cuda_staging.h"
#include "cubin_embedded.h"
#include "nvrtc_build.h"
#include "kir/kir.h"
#include "rt/backend.h"
#include "rt/profile.h"

typedef struct CudaDev {
  CudaDriver drv;
  Nvrtc rtc;
  bool have_rtc;        /* NVRTC found (loaded, or located: see need_nvrtc) */
  bool rtc_loaded;
  char rtc_path[1024];  /* where nvrtc_locate found it; "" when it did not */
  char rtc_why[160];
  pthread_mutex_t rtc_lock;
  CUdevice device;
  CUcontext ctx;
  int cc_major, cc_minor;
  CudaStaging *staging; /* pageable host-to-device copies; NULL: the driver's */
} CudaDev;

typedef struct CudaKernel {
  char *name;      /* C++ name */
  char *cname;     /* KIR's C name: tells overloads of one name apart */
  char *lowered;   /* its name in the cubin */
  CUfunction fn;
  int nparams;
  uint32_t *psizes;
  size_t static_shared;
} CudaKernel;

typedef struct CudaSymbol {
  char *name;
  CUdeviceptr addr;
  size_t size;
} CudaSymbol;

/* Separate compilation: relocatable modules linked together share one
 * loaded module, freed with the last of them. */
typedef struct CudaLinked {
  CUmodule mod;
  int refs;
} CudaLinked;

/* Where a module's image comes from, in the order they are tried: the
 * executable's cubin for the device, its PTX, then the cache or NVRTC. */
typedef enum ImageFrom { FROM_EMBEDDED_CUBIN, FROM_EMBEDDED_PTX, FROM_BUILD } ImageFrom;

typedef struct Image {
  char *data;   /* malloc'd; PTX is NUL-terminated text */
  size_t n;
  bool ptx;
  ImageFrom from;
  int arch;     /* sm_XX of a cubin, compute_XX of PTX: 90 */
} Image;

static void image_free(Image *img) {
  free(img->data);
  memset(img, 0, sizeof *img);
}

/* "sm_90 cubin" or "compute_80 PTX", for messages */
static void image_name(const Image *img, char *out, size_t n) {
  snprintf(out, n, "%s_%d %s", img->ptx ? "compute" : "sm", img->arch, img->ptx ? "PTX" : "cubin");
}

typedef struct CudaModule {
  CUmodule mod;
  CudaKernel *kernels;
  int nkernels;
  CudaSymbol *symbols; /* names from the start; addresses once loaded */
  int nsymbols;
  Image image;         /* relocatable (-rdc): the cubin or PTX, until cw_module_link */
  NvrtcInputs *retry;  /* with an image of the executable's: what replaces it if refused */
  CudaLinked *linked;
  bool devrt;          /* launches kernels from device code: libcudadevrt */
} CudaModule;

#define CHECK(dev, call, err, errn)                                   \
  do {                                                                \
    CUresult r_ = (call);                                             \
    if (r_ != 0) {                                                    \
      cuda_error_text(&(dev)->drv, r_, err, errn);                    \
      return r_ == 2 ? CW_ERR_NOMEM : CW_ERR_LAUNCH;                  \
    }                                                                 \
  } while (0)

static bool cuda_probe(cw_device_info *info) {
  memset(info, 0, sizeof *info);
  snprintf(info->backend, sizeof info->backend, "cuda");
  CudaDriver d;
  if (!cuda_driver_open(&d, info->reason, sizeof info->reason)) return false;
  int n = 0;
  CUresult r = d.cuInit(0);
  if (r == 0) r = d.cuDeviceGetCount(&n);
  if (r != 0 || n == 0) {
    if (r != 0) cuda_error_text(&d, r, info->reason, sizeof info->reason);
    else snprintf(info->reason, sizeof info->reason, "no device");
    return false;
  }
  CUdevice dev;
  d.cuDeviceGet(&dev, 0);
  d.cuDeviceGetName(info->name, sizeof info->name, dev);
  int sms = 0, maj = 0, min = 0;
  d.cuDeviceGetAttribute(&sms, CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT, dev);
  d.cuDeviceGetAttribute(&maj, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, dev);
  d.cuDeviceGetAttribute(&min, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, dev);
  size_t mem = 0;
  d.cuDeviceTotalMem(&mem, dev);
  info->cores = sms;
  info->memory_bytes = mem;
  snprintf(info->simd, sizeof info->simd, "sm_%d%d", maj, min);
  char path[1024];
  if (!nvrtc_locate(path, sizeof path)) { /* by name, as the dynamic linker finds it */
    Nvrtc rtc;
    if (!nvrtc_open(&rtc, NULL, info->reason, sizeof info->reason)) return false;
    dlclose(rtc.lib);
  }
  info->available = 1;
  return true;
}

static cw_status cuda_open(void **out, char *err, size_t errn) {
  CudaDev *d = calloc(1, sizeof *d);
  if (!d) return CW_ERR_NOMEM;
  double t0 = cw_prof_start();
  if (!cuda_driver_open(&d->drv, err, errn)) {
    free(d);
    return CW_ERR_UNAVAILABLE;
  }
  pthread_mutex_init(&d->rtc_lock, NULL);
  if (nvrtc_locate(d->rtc_path, sizeof d->rtc_path)) d->have_rtc = true; /* loaded on a cache miss */
  else {
    d->rtc_path[0] = 0;
    double t1 = cw_prof_start();
    d->have_rtc = d->rtc_loaded = nvrtc_open(&d->rtc, NULL, d->rtc_why, sizeof d->rtc_why);
    cw_prof_add(CW_PROF_NVRTC_OPEN, t1);
  }
  int n = 0;
  CUresult r = d->drv.cuInit(0);
  if (r == 0) r = d->drv.cuDeviceGetCount(&n);
  if (r == 0 && n == 0) {
    snprintf(err, errn, "no CUDA device");
    free(d);
    return CW_ERR_UNAVAILABLE;
  }
  if (r == 0) r = d->drv.cuDeviceGet(&d->device, 0);
  if (r == 0) r = d->drv.cuDevicePrimaryCtxRetain(&d->ctx, d->device);
  if (r == 0) r = d->drv.cuCtxSetCurrent(d->ctx);
  if (r != 0) {
    cuda_error_text(&d->drv, r, err, errn);
    free(d);
    return CW_ERR_UNAVAILABLE;
  }
  d->drv.cuDeviceGetAttribute(&d->cc_major, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, d->device);
  d->drv.cuDeviceGetAttribute(&d->cc_minor, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, d->device);
  cw_prof_add(CW_PROF_DRIVER, t0); /* the NVRTC part is also counted on its own line */
  d->staging = cuda_staging_new(&d->drv, d->ctx);
  *out = d;
  return CW_OK;
}

static void cuda_close(void *dev) {
  CudaDev *d = dev;
  d->drv.cuCtxSetCurrent(d->ctx);
  cuda_staging_free(d->staging);
  d->drv.cuDevicePrimaryCtxRelease(d->device);
  pthread_mutex_destroy(&d->rtc_lock);
  free(d);
}

/* every thread that touches the device needs the context current */
static void bind(CudaDev *d) { d->drv.cuCtxSetCurrent(d->ctx); }

/* The stream the runtime core is running an operation of, on this thread
 * (set_stream): operations of this backend run on the caller's thread, so
 * per-thread is exactly per-operation.  NULL: not inside a stream
 * operation — copies and fills are then the blocking kind. */
static _Thread_local CUstream cur_stream;
static _Thread_local bool in_stream_op;

static void cuda_set_stream(void *dev, void *bs, bool active) {
  (void)dev;
  cur_stream = bs;
  in_stream_op = active;
}

static cw_status cuda_alloc(void *dev, size_t n, void **ptr) {
  CudaDev *d = dev;
  bind(d);
  CUdeviceptr p = 0;
  if (d->drv.cuMemAlloc(&p, n ? n : 1) != 0) return CW_ERR_NOMEM;
  *ptr = (void *)(uintptr_t)p;
  return CW_OK;
}

static void cuda_free(void *dev, void *ptr) {
  CudaDev *d = dev;
  bind(d);
  d->drv.cuMemFree((CUdeviceptr)(uintptr_t)ptr);
}

static cw_status cuda_alloc_kind(void *dev, int kind, size_t n, void **ptr) {
  CudaDev *d = dev;
  bind(d);
  if (kind == CW_MEM_HOST) return d->drv.cuMemAllocHost(ptr, n) == 0 ? CW_OK : CW_ERR_NOMEM;
  CUdeviceptr p = 0;
  if (d->drv.cuMemAllocManaged(&p, n, 1 /* CU_MEM_ATTACH_GLOBAL */) != 0) return CW_ERR_NOMEM;
  *ptr = (void *)(uintptr_t)p;
  return CW_OK;
}

static void cuda_free_kind(void *dev, int kind, void *ptr) {
  CudaDev *d = dev;
  bind(d);
  if (kind == CW_MEM_HOST) d->drv.cuMemFreeHost(ptr);
  else d->drv.cuMemFree((CUdeviceptr)(uintptr_t)ptr);
}

/* cudaHostRegister: the driver page-locks the range and maps it for the
 * device (PORTABLE | DEVICEMAP), so copies to and from it run as DMA on
 * their stream, as from cudaMallocHost's memory, instead of through the
 * staging of pageable memory; the device reaches it at the same address */
static cw_status cuda_host_register(void *dev, void *p, size_t n, char *err, size_t errn) {
  CudaDev *d = dev;
  bind(d);
  CHECK(d, d->drv.cuMemHostRegister(p, n, 0x01 | 0x02), err, errn);
  return CW_OK;
}

static void cuda_host_unregister(void *dev, void *p) {
  CudaDev *d = dev;
  bind(d);
  d->drv.cuMemHostUnregister(p);
}

/* CU_MEMORYTYPE_* of an address; 0 for memory the driver does not know:
 * ordinary (pageable) host memory */
static unsigned memory_type(CudaDev *d, CUdeviceptr p) {
  unsigned type = 0;
  return d->drv.cuPointerGetAttribute(&type, CU_POINTER_ATTRIBUTE_MEMORY_TYPE, p) == 0 ? type : 0;
}

/* A host-to-device copy from pageable memory (FROM_TYPE 0) through our
 * pinned buffers (cuda_staging.c): on the operation's stream inside a
 * stream operation, returning once SRC may be reused, else blocking.
 * False: not staged (not to device memory, or no pinned buffers). */
static bool staged_copy(CudaDev *d, CUdeviceptr to, const void *src, size_t n, cw_status *st) {
  if (memory_type(d, to) != CU_MEMORYTYPE_DEVICE) return false;
  double t0 = cw_prof_start();
  CUresult r = 0;
  if (!cuda_staging_htod(d->staging, to, src, n, in_stream_op ? cur_stream : NULL, !in_stream_op,
                         &r))
    return false;
  cw_prof_add(CW_PROF_COPY_STAGED, t0);
  *st = r == 0 ? CW_OK : r == 2 ? CW_ERR_NOMEM : CW_ERR_LAUNCH;
  return true;
}

static cw_status cuda_copy(void *dev, void *dst, const void *src, size_t n) {
  CudaDev *d = dev;
  char err[256];
  bind(d);
  CUdeviceptr to = (CUdeviceptr)(uintptr_t)dst, from = (CUdeviceptr)(uintptr_t)src;
  /* the source's memory type, asked once: big copies from pageable memory
   * are staged, and the blocking kind needs it to pick the call */
  unsigned from_type = ~0u;
  if (cuda_staging_wants(d->staging, n)) {
    cw_status st;
    from_type = memory_type(d, from);
    if (from_type == 0 && staged_copy(d, to, src, n, &st)) return st;
  }
  if (in_stream_op) CHECK(d, d->drv.cuMemcpyAsync(to, from, n, cur_stream), err, sizeof err);
  else if ((from_type == ~0u ? memory_type(d, from) : from_type) == 0 && memory_type(d, to))
    /* the explicit host-to-device call stages pageable memory faster than
     * the unified cuMemcpy */
    CHECK(d, d->drv.cuMemcpyHtoD(to, src, n), err, sizeof err);
  else CHECK(d, d->drv.cuMemcpy(to, from, n), err, sizeof err);
  return CW_OK;
}

static cw_status cuda_fill(void *dev, void *dst, int value, size_t n) {
  CudaDev *d = dev;
  char err[256];
  bind(d);
  CUdeviceptr to = (CUdeviceptr)(uintptr_t)dst;
  if (in_stream_op) CHECK(d, d->drv.cuMemsetD8Async(to, (unsigned char)value, n, cur_stream), err, sizeof err);
  else CHECK(d, d->drv.cuMemsetD8(to, (unsigned char)value, n), err, sizeof err);
  return CW_OK;
}

/* ---- streams and events: the driver's own ---------------------------------- */

static cw_status cuda_stream_new(void *dev, void **bs) {
  CudaDev *d = dev;
  bind(d);
  CUstream s;
  if (d->drv.cuStreamCreate(&s, 0) != 0) return CW_ERR_NOMEM;
  *bs = s;
  return CW_OK;
}

static void cuda_stream_free(void *dev, void *bs) {
  bind(dev);
  ((CudaDev *)dev)->drv.cuStreamDestroy(bs);
}

static cw_status cuda_stream_sync(void *dev, void *bs, char *err, size_t errn) {
  CudaDev *d = dev;
  bind(d);
  CHECK(d, d->drv.cuStreamSynchronize(bs), err, errn);
  return CW_OK;
}

static cw_status cuda_event_new(void *dev, void **be) {
  CudaDev *d = dev;
  bind(d);
  CUevent e;
  if (d->drv.cuEventCreate(&e, 0) != 0) return CW_ERR_NOMEM;
  *be = e;
  return CW_OK;
}

static void cuda_event_free(void *dev, void *be) {
  bind(dev);
  ((CudaDev *)dev)->drv.cuEventDestroy(be);
}

static cw_status cuda_event_record(void *dev, void *be, void *bs) {
  CudaDev *d = dev;
  bind(d);
  return d->drv.cuEventRecord(be, bs) == 0 ? CW_OK : CW_ERR_INVALID;
}

static cw_status cuda_stream_wait_event(void *dev, void *bs, void *be) {
  CudaDev *d = dev;
  bind(d);
  return d->drv.cuStreamWaitEvent(bs, be, 0) == 0 ? CW_OK : CW_ERR_INVALID;
}

static cw_status cuda_event_sync(void *dev, void *be) {
  CudaDev *d = dev;
  bind(d);
  return d->drv.cuEventSynchronize(be) == 0 ? CW_OK : CW_ERR_LAUNCH;
}

static cw_status cuda_event_elapsed(void *dev, void *a, void *b, float *ms) {
  CudaDev *d = dev;
  bind(d);
  return d->drv.cuEventElapsedTime(ms, a, b) == 0 ? CW_OK : CW_ERR_INVALID;
}

/* ---- compilation and the cubin cache ------------------------------------ */

static void cache_dir(char *out, size_t n) {
  const char *x = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
  if (x && *x) snprintf(out, n, "%s/cuwasm/cuda", x);
  else snprintf(out, n, "%s/.cache/cuwasm/cuda", home ? home : "/tmp");
}

static void mkdirs(const char *path) {
  char buf[1024];
  snprintf(buf, sizeof buf, "%s", path);
  for (char *p = buf + 1; *p; p++)
    if (*p == '/') {
      *p = 0;
      mkdir(buf, 0700);
      *p = '/';
    }
  mkdir(buf, 0700);
}



/* the .names file beside a cached cubin: one lowered name per line */
static bool load_names(const char *path, NvrtcNames *nm) {
  char *text = cw_read_file(path, NULL);
  bool ok = text && nvrtc_names_parse(text, nm);
  free(text);
  return ok;
}

static void save_names(const char *path, NvrtcNames *nm) {
  char *text = nvrtc_names_text(nm);
  if (text) (void)cw_write_file_atomic(path, text, strlen(text));
  free(text);
}

/* An image of the executable's table, copied into *img */
static bool embedded_copy(const char *image, size_t size, bool ptx, ImageFrom from, int arch,
                          Image *img) {
  img->data = malloc(size ? size : 1);
  if (!img->data) return false;
  memcpy(img->data, image, size);
  img->n = size, img->ptx = ptx, img->from = from, img->arch = arch;
  return true;
}

/* The cubin `cuwasm cc -arch=sm_XX` embedded for the device: the one for
 * its architecture (key), else the newest of its major version below it,
 * which it runs too (an sm_80 cubin on an 8.6 GPU); false when there is
 * none. */
static bool embedded_cubin(CudaDev *d, uint64_t key, NvrtcInputs *in, Image *img) {
  const char *image, *names;
  size_t size;
  int sm = d->cc_major * 10 + d->cc_minor, arch = sm;
  bool found = cubin_embedded_find(key, sm, false, &image, &size, &names) ||
               cubin_embedded_find_newest(in, false, d->cc_major * 10, sm - 1, &arch, &image,
                                          &size, &names);
  return found && nvrtc_names_parse(names, &in->nm) &&
         embedded_copy(image, size, false, FROM_EMBEDDED_CUBIN, arch, img);
}

/* The newest embedded PTX the device runs (compute_XX, XX at most its
 * capability); false when there is none. */
static bool embedded_ptx(CudaDev *d, NvrtcInputs *in, Image *img) {
  const char *image, *names;
  size_t size;
  int cc = 0;
  return cubin_embedded_find_newest(in, true, 0, d->cc_major * 10 + d->cc_minor, &cc, &image,
                                    &size, &names) &&
         nvrtc_names_parse(names, &in->nm) && embedded_copy(image, size, true, FROM_EMBEDDED_PTX, cc, img);
}

/* CUWASM_VERBOSE=1: the backend says which embedded image the driver refused */
static bool verbose(void) {
  const char *v = getenv("CUWASM_VERBOSE");
  return v && *v && strcmp(v, "0");
}

static void say_refused(CudaDev *d, const Image *img, CUresult r, const char *what) {
  if (!verbose()) return;
  char why[256], name[64];
  cuda_error_text(&d->drv, r, why, sizeof why);
  image_name(img, name, sizeof name);
  fprintf(stderr, "cuwasm: the driver%s refused the executable's %s (%s); trying %s\n", what, name,
          why,
          img->from == FROM_EMBEDDED_CUBIN ? "its PTX, then the cache or NVRTC" : "the cache or NVRTC");
}

static bool has_std_option(const char *const *user, int nuser) {
  for (int i = 0; i < nuser; i++)
    if (!strncmp(user[i], "-std=", 5) || !strncmp(user[i], "--std=", 6) ||
        !strcmp(user[i], "-std") || !strcmp(user[i], "--std"))
      return true;
  return false;
}

/* `nvcc -cubin` on the device source, for CUWASM_CUDA_COMPILER=nvcc, in
 * nvcc's own default dialect (C++17) unless the program asks for another:
 * the point is to compare with what a user's nvcc build runs, and under
 * C++20 libstdc++'s <math.h> puts std::lerp & co. in the global namespace,
 * where a kernel's own `lerp` then becomes ambiguous. */
static cw_status nvcc_compile(CudaDev *d, const char *src, const char *const *user, int nuser,
                              char **cubin, size_t *n, char *err, size_t errn) {
  char tmpl[] = "/tmp/cuwasm-nvcc-XXXXXX";
  if (!mkdtemp(tmpl)) {
    snprintf(err, errn, "cannot create a temporary folder");
    return CW_ERR_IO;
  }
  char cu[128], out[128], log[128];
  snprintf(cu, sizeof cu, "%s/k.cu", tmpl);
  snprintf(out, sizeof out, "%s/k.cubin", tmpl);
  snprintf(log, sizeof log, "%s/log", tmpl);
  (void)cw_write_file_atomic(cu, src, strlen(src));
  StrBuf cmd;
  sb_init(&cmd);
  const char *home = getenv("CUDA_HOME");
  sb_printf(&cmd, "%s/bin/nvcc -cubin -arch=sm_%d%d%s -o %s %s", home && *home ? home : "/usr/local/cuda",
            d->cc_major, d->cc_minor, has_std_option(user, nuser) ? "" : " -std=c++17", out, cu);
  for (int i = 0; i < nuser; i++) {
    const char *u = user[i];
    if (!strncmp(u, "--include-path=", 15)) sb_printf(&cmd, " -I'%s'", u + 15);
    else sb_printf(&cmd, " '%s'", u);
  }
  sb_printf(&cmd, " >%s 2>&1", log);
  int rc = cmd.data ? system(cmd.data) : -1;
  sb_free(&cmd);
  *cubin = rc == 0 ? cw_read_file(out, n) : NULL;
  if (!*cubin) {
    char *text = cw_read_file(log, NULL);
    snprintf(err, errn, "nvcc failed:\n%s", text ? text : "");
    free(text);
  }
  unlink(cu);
  unlink(out);
  unlink(log);
  rmdir(tmpl);
  return *cubin ? CW_OK : CW_ERR_COMPILE;
}

/* NVRTC loaded, for a compile (the first cache miss of the process) */
static cw_status need_nvrtc(CudaDev *d, char *err, size_t errn) {
  pthread_mutex_lock(&d->rtc_lock);
  if (!d->rtc_loaded && d->have_rtc) {
    double t0 = cw_prof_start();
    d->have_rtc = d->rtc_loaded = nvrtc_open(&d->rtc, d->rtc_path, d->rtc_why, sizeof d->rtc_why);
    cw_prof_add(CW_PROF_NVRTC_OPEN, t0);
  }
  bool ok = d->rtc_loaded;
  pthread_mutex_unlock(&d->rtc_lock);
  if (!ok) snprintf(err, errn, "%s", d->rtc_why);
  return ok ? CW_OK : CW_ERR_UNAVAILABLE;
}

/* What keys the cubin cache for the compiler: the identity of NVRTC's file
 * (path, size, modification time) when it was located without loading it,
 * else its version. */
static uint64_t compiler_key(CudaDev *d, uint64_t h) {
  struct stat st;
  char id[1200];
  if (d->rtc_path[0] && stat(d->rtc_path, &st) == 0)
    snprintf(id, sizeof id, "%s:%lld:%lld", d->rtc_path, (long long)st.st_size,
             (long long)st.st_mtime);
  else {
    int maj = 0, min = 0;
    if (d->rtc_loaded) d->rtc.nvrtcVersion(&maj, &min);
    snprintf(id, sizeof id, "nvrtc %d.%d", maj, min);
  }
  CwHash k;
  cw_hash_init(&k);
  cw_hash_u64(&k, h);
  cw_hash_str(&k, id);
  return k.h[0] ^ k.h[1];
}

/* compiles SRC with NVRTC (and with nvcc when USE_NVCC) into *CUBIN */
static cw_status get_cubin_compiled(CudaDev *d, const char *src, const char *file,
                                    NvrtcNames *nm, const char *arch, bool use_nvcc,
                                    const char *const *user, int nuser, char **cubin,
                                    size_t *n, char *err, size_t errn) {
  cw_status st = need_nvrtc(d, err, errn);
  if (st == CW_OK) st = nvrtc_build(&d->rtc, src, file, nm, arch, user, nuser, cubin, n, err, errn);
  if (st != CW_OK) return st;
  if (use_nvcc) {
    /* the same source through nvcc instead (for comparing the two
     * compilers' code): NVRTC above only supplied the lowered names,
     * which nvcc mangles alike but for 64-bit <stdint.h> types */
    free(*cubin);
    *cubin = NULL;
    st = nvcc_compile(d, src, user, nuser, cubin, n, err, errn);
    if (st != CW_OK) return st;
    for (int i = 0; i < nm->nkernels; i++) {
      char *own = nm->lowered[i] ? cubin_kernel_name(*cubin, *n, nm->lowered[i]) : NULL;
      if (!own) continue; /* the driver's lookup then names what is missing */
      free(nm->lowered[i]);
      nm->lowered[i] = own;
    }
  }
  return CW_OK;
}

/* The image of in for the device, from `first` on (see ImageFrom): the
 * executable's cubin, its PTX, the cache, NVRTC; fills in->nm.lowered. */
static cw_status get_image(CudaDev *d, NvrtcInputs *in, ImageFrom first, Image *img, char *err,
                           size_t errn) {
  memset(img, 0, sizeof *img);
  char arch[48];
  nvrtc_arch_option(arch, sizeof arch, d->cc_major * 10 + d->cc_minor, false);
  uint64_t key = nvrtc_content_key(in->src, arch, &in->nm, in->opts, in->nopts);
  const char *with = getenv("CUWASM_CUDA_COMPILER");
  bool use_nvcc = with && !strcmp(with, "nvcc");
  double t0 = cw_prof_start();
  bool embedded = !use_nvcc && ((first <= FROM_EMBEDDED_CUBIN && embedded_cubin(d, key, in, img)) ||
                                (first <= FROM_EMBEDDED_PTX && embedded_ptx(d, in, img)));
  cw_prof_add(CW_PROF_CACHE_READ, t0);
  if (embedded) return CW_OK;
  img->from = FROM_BUILD;
  img->arch = d->cc_major * 10 + d->cc_minor;
  if (!d->have_rtc) {
    snprintf(err, errn, "%s", d->rtc_why);
    return CW_ERR_UNAVAILABLE;
  }
  uint64_t h = compiler_key(d, key);
  char dir[1024], cpath[1100], npath[1100];
  cache_dir(dir, sizeof dir);
  snprintf(cpath, sizeof cpath, "%s/%016llx-%s.cubin", dir, (unsigned long long)h,
           use_nvcc ? "nvcc" : "nvrtc");
  snprintf(npath, sizeof npath, "%s/%016llx-%s.names", dir, (unsigned long long)h,
           use_nvcc ? "nvcc" : "nvrtc");
  t0 = cw_prof_start();
  bool hit = !getenv("CUWASM_NO_CACHE") && (img->data = cw_read_file(cpath, &img->n)) &&
             load_names(npath, &in->nm);
  cw_prof_add(CW_PROF_CACHE_READ, t0);
  if (hit) return CW_OK;
  free(img->data);
  img->data = NULL;
  t0 = cw_prof_start();
  cw_status st = get_cubin_compiled(d, in->src, "kernel.cu", &in->nm, arch, use_nvcc, in->opts,
                                    in->nopts, &img->data, &img->n, err, errn);
  cw_prof_add(CW_PROF_COMPILE, t0);
  if (st != CW_OK) return st;
  mkdirs(dir);
  save_names(npath, &in->nm);
  (void)cw_write_file_atomic(cpath, img->data, img->n);
  return CW_OK;
}

/* The image after *img (which the driver refused with r) into *img; on
 * failure err says both why the last image failed and why img was refused */
static cw_status next_image(CudaDev *d, NvrtcInputs *in, Image *img, CUresult r, char *err,
                            size_t errn) {
  char why[256], name[64];
  cuda_error_text(&d->drv, r, why, sizeof why);
  image_name(img, name, sizeof name);
  char refused[400];
  snprintf(refused, sizeof refused, "the executable's %s, which the driver refused (%s)", name, why);
  ImageFrom next = img->from + 1;
  image_free(img);
  cw_status st = get_image(d, in, next, img, err, errn);
  if (st != CW_OK) {
    size_t k = strlen(err);
    snprintf(err + k, errn - k, "; in place of %s", refused);
  }
  return st;
}

/* ---- modules ------------------------------------------------------------- */

/* the inputs kept to replace a refused image: no longer needed */
static void retry_drop(CudaModule *cm) {
  if (cm->retry) nvrtc_inputs_free(cm->retry);
  free(cm->retry);
  cm->retry = NULL;
}

static void module_free(CudaDev *d, CudaModule *cm) {
  for (int i = 0; i < cm->nkernels; i++) {
    free(cm->kernels[i].name);
    free(cm->kernels[i].cname);
    free(cm->kernels[i].lowered);
    free(cm->kernels[i].psizes);
  }
  for (int i = 0; i < cm->nsymbols; i++) free(cm->symbols[i].name);
  free(cm->kernels);
  free(cm->symbols);
  image_free(&cm->image);
  retry_drop(cm);
  if (cm->linked) {
    if (--cm->linked->refs == 0) {
      d->drv.cuModuleUnload(cm->linked->mod);
      free(cm->linked);
    }
  } else if (cm->mod) {
    d->drv.cuModuleUnload(cm->mod);
  }
  free(cm);
}

/* The kernels' names, parameters and names in the cubin, from KIR (the
 * program may be gone when a relocatable module is linked). */
static cw_status describe_kernels(CudaModule *cm, KModule *m, NvrtcNames *nm) {
  cm->kernels = calloc((size_t)nm->nkernels + 1, sizeof *cm->kernels);
  if (!cm->kernels) return CW_ERR_NOMEM;
  int k = 0;
  for (int i = 0; i < m->funcs.len; i++) {
    KFunc *f = m->funcs.items[i];
    if (!(f->flags & KF_GLOBAL) || !f->body) continue;
    CudaKernel *ck = &cm->kernels[cm->nkernels++];
    const char *low = nm->lowered[k++];
    ck->name = strdup(f->name);
    ck->cname = strdup(f->cname);
    ck->lowered = strdup(low ? low : f->cname);
    ck->nparams = f->nparams;
    ck->psizes = calloc((size_t)f->nparams + 1, sizeof *ck->psizes);
    if (!ck->name || !ck->cname || !ck->lowered || !ck->psizes) return CW_ERR_NOMEM;
    for (int p = 0; p < f->nparams; p++) ck->psizes[p] = (uint32_t)f->params[p]->type->size;
  }
  return CW_OK;
}

static cw_status bind_kernels(CudaDev *d, CudaModule *cm, char *err, size_t errn) {
  for (int i = 0; i < cm->nkernels; i++) {
    CudaKernel *ck = &cm->kernels[i];
    CUresult r = d->drv.cuModuleGetFunction(&ck->fn, cm->mod, ck->lowered);
    if (r != 0) { /* say which kernel, by both its names */
      cuda_error_text(&d->drv, r, err, errn);
      size_t k = strlen(err);
      snprintf(err + k, errn - k, ": kernel %s, as %s", ck->name, ck->lowered);
      return r == 2 ? CW_ERR_NOMEM : CW_ERR_LAUNCH;
    }
    int shm = 0;
    d->drv.cuFuncGetAttribute(&shm, CU_FUNC_ATTRIBUTE_SHARED_SIZE_BYTES, ck->fn);
    ck->static_shared = (size_t)shm;
  }
  return CW_OK;
}

/* Variables at namespace scope keep their plain names in the cubin (C++
 * mangles no global variable of the global namespace); __managed__ ones
 * cannot be NVRTC name expressions, so names are looked up directly.
 * An extern declaration names the definition another module links in. */
static void describe_symbols(CudaModule *cm, KModule *m) {
  cm->symbols = calloc((size_t)m->globals.len + 1, sizeof *cm->symbols);
  if (!cm->symbols) return;
  for (int i = 0; i < m->globals.len; i++) {
    KVar *v = m->globals.items[i];
    if (v->as == AS_SHARED || v->is_static || strcmp(v->name, v->cname)) continue;
    cm->symbols[cm->nsymbols].name = strdup(v->name);
    if (cm->symbols[cm->nsymbols].name) cm->nsymbols++;
  }
}

static void bind_symbols(CudaDev *d, CudaModule *cm) {
  int k = 0;
  for (int i = 0; i < cm->nsymbols; i++) {
    CudaSymbol *s = &cm->symbols[i];
    if (d->drv.cuModuleGetGlobal(&s->addr, &s->size, cm->mod, s->name) != 0) {
      free(s->name);
      continue;
    }
    cm->symbols[k++] = *s;
  }
  cm->nsymbols = k;
}

static cw_status cuda_module_link(void *dev, void **mods, int n, char *err, size_t errn);

/* The driver loads img, or the images after it when it refuses one of
 * the executable's (next_image); CW_OK with *mod loaded */
static cw_status load_image(CudaDev *d, NvrtcInputs *in, Image *img, CUmodule *mod, char *err,
                            size_t errn) {
  for (;;) {
    double t0 = cw_prof_start();
    CUresult r = d->drv.cuModuleLoadData(mod, img->data);
    cw_prof_add(CW_PROF_DRIVER_LOAD, t0);
    if (r == 0) return CW_OK;
    if (img->from == FROM_BUILD) { /* the cache's or NVRTC's: nothing comes after it */
      cuda_error_text(&d->drv, r, err, errn);
      return CW_ERR_LAUNCH;
    }
    say_refused(d, img, r, "");
    cw_status st = next_image(d, in, img, r, err, errn);
    if (st != CW_OK) return st;
  }
}

static cw_status cuda_module_load_program(void *dev, cw_program *prog, void **out, char *err,
                                          size_t errn) {
  CudaDev *d = dev;
  bind(d);
  KModule *m = cw_program_module(prog);
  NvrtcInputs in;
  double t0 = cw_prof_start();
  cw_status st = nvrtc_program_inputs(prog, &in, err, errn);
  cw_prof_add(CW_PROF_DEVICE_SOURCE, t0);
  if (st != CW_OK) return st;
  Image img = {0};
  st = get_image(d, &in, FROM_EMBEDDED_CUBIN, &img, err, errn);
  CudaModule *cm = NULL;
  if (st == CW_OK && !(cm = calloc(1, sizeof *cm))) st = CW_ERR_NOMEM;
  bool relocatable = st == CW_OK && (m->relocatable || kir_uses_device_runtime(m));
  if (st == CW_OK && !relocatable) st = load_image(d, &in, &img, &cm->mod, err, errn);
  if (st == CW_OK) st = describe_kernels(cm, m, &in.nm);
  if (st == CW_OK) describe_symbols(cm, m);
  if (st == CW_OK) cm->devrt = kir_uses_device_runtime(m);
  if (st == CW_OK && relocatable) {
    /* loaded by cuda_module_link, with the others (or, launching kernels
     * from device code, with libcudadevrt alone) */
    cm->image = img;
    memset(&img, 0, sizeof img);
    if (cm->image.from != FROM_BUILD) { /* the program may be gone by the link */
      if (!nvrtc_inputs_own(&in) || !(cm->retry = malloc(sizeof *cm->retry))) st = CW_ERR_NOMEM;
      else {
        *cm->retry = in;
        memset(&in, 0, sizeof in);
      }
    }
    void *one = cm;
    if (st == CW_OK && cm->devrt && !m->relocatable) st = cuda_module_link(d, &one, 1, err, errn);
  } else if (st == CW_OK) {
    st = bind_kernels(d, cm, err, errn);
    if (st == CW_OK) bind_symbols(d, cm);
  }
  image_free(&img);
  nvrtc_inputs_free(&in);
  if (st != CW_OK) {
    if (cm) module_free(d, cm);
    return st;
  }
  *out = cm;
  return CW_OK;
}

/* A relocatable module cannot run before the device linker has seen it
 * (its cubin is relocatable even when it uses nothing from outside). */
static int cuda_module_extern_count(void *mod) {
  const CudaModule *cm = mod;
  return cm->image.data ? 1 : 0;
}

/* One attempt at linking the pending images of mods into *linked.  A
 * driver failure leaves its result in *r and, when cuLinkAddData named
 * the image, that module's index in *culprit. */
static cw_status link_images(CudaDev *d, void **mods, int n, CudaLinked **linked, CUresult *r,
                             int *culprit, char *err, size_t errn) {
  char log[4096] = "";
  int keys[] = {CU_JIT_ERROR_LOG_BUFFER, CU_JIT_ERROR_LOG_BUFFER_SIZE_BYTES};
  void *vals[] = {log, (void *)(uintptr_t)sizeof log};
  CUlinkState ls;
  *r = d->drv.cuLinkCreate(2, keys, vals, &ls);
  if (*r != 0) {
    cuda_error_text(&d->drv, *r, err, errn);
    *r = 0; /* not an image's fault */
    return CW_ERR_LAUNCH;
  }
  int pending = 0;
  bool devrt = false;
  for (int i = 0; *r == 0 && i < n; i++) {
    CudaModule *cm = mods[i];
    if (!cm->image.data) continue;
    pending++;
    devrt |= cm->devrt;
    *r = d->drv.cuLinkAddData(ls, cm->image.ptx ? CU_JIT_INPUT_PTX : CU_JIT_INPUT_CUBIN,
                              cm->image.data, cm->image.n, "module", 0, NULL, NULL);
    if (*r != 0) *culprit = i;
  }
  if (*r == 0 && devrt) { /* the device runtime that device-side launches call */
    char lib[1100];
    const char *home = getenv("CUDA_HOME");
    snprintf(lib, sizeof lib, "%s/lib64/libcudadevrt.a", home && *home ? home : "/usr/local/cuda");
    if (d->drv.cuLinkAddFile(ls, CU_JIT_INPUT_LIBRARY, lib, 0, NULL, NULL) != 0) {
      d->drv.cuLinkDestroy(ls);
      snprintf(err, errn, "kernels launched from device code need the CUDA device runtime, "
                          "%s, which the driver's linker cannot read", lib);
      return CW_ERR_NOT_FOUND;
    }
  }
  void *out = NULL;
  size_t size = 0;
  if (*r == 0 && pending) *r = d->drv.cuLinkComplete(ls, &out, &size);
  if (*r == 0 && pending && !(*linked = calloc(1, sizeof **linked))) {
    d->drv.cuLinkDestroy(ls);
    return CW_ERR_NOMEM;
  }
  if (*r == 0 && pending) *r = d->drv.cuModuleLoadData(&(*linked)->mod, out);
  d->drv.cuLinkDestroy(ls);
  if (*r != 0) {
    free(*linked);
    *linked = NULL;
    cuda_error_text(&d->drv, *r, err, errn);
    size_t k = strlen(err);
    if (*log) snprintf(err + k, errn - k, ": %s", log);
    return CW_ERR_NOT_FOUND;
  }
  return CW_OK;
}

/* Links the relocatable images of mods with the driver's linker into one
 * module that all of them then share; the linker's log says what is
 * undefined.  When the driver refuses images of the executable's (the one
 * cuLinkAddData named, else all of them), each is replaced by the next
 * (next_image) and the link is tried again. */
static cw_status cuda_module_link(void *dev, void **mods, int n, char *err, size_t errn) {
  CudaDev *d = dev;
  bind(d);
  CudaLinked *linked = NULL;
  for (;;) {
    CUresult r = 0;
    int culprit = -1;
    cw_status st = link_images(d, mods, n, &linked, &r, &culprit, err, errn);
    if (st == CW_OK) break;
    if (r == 0) return st;
    bool replaced = false;
    for (int i = 0; i < n; i++) {
      CudaModule *cm = mods[i];
      if (!cm->image.data || !cm->retry || (culprit >= 0 && culprit != i)) continue;
      say_refused(d, &cm->image, r, "'s linker");
      st = next_image(d, cm->retry, &cm->image, r, err, errn);
      if (st != CW_OK) return st;
      for (int k = 0; k < cm->nkernels; k++) /* the names the new image gives them */
        if (cm->retry->nm.lowered[k] && strcmp(cm->retry->nm.lowered[k], cm->kernels[k].lowered)) {
          char *low = strdup(cm->retry->nm.lowered[k]);
          if (!low) return CW_ERR_NOMEM;
          free(cm->kernels[k].lowered);
          cm->kernels[k].lowered = low;
        }
      if (cm->image.from == FROM_BUILD) retry_drop(cm); /* nothing comes after it */
      replaced = true;
    }
    if (!replaced) return st;
  }
  for (int i = 0; linked && i < n; i++) {
    CudaModule *cm = mods[i];
    if (!cm->image.data) continue;
    image_free(&cm->image);
    retry_drop(cm);
    cm->linked = linked;
    linked->refs++;
    cm->mod = linked->mod;
    cw_status st = bind_kernels(d, cm, err, errn);
    if (st != CW_OK) return st;
    bind_symbols(d, cm);
  }
  return CW_OK;
}

static cw_status cuda_module_load_c(void *dev, const char *c, void **mod, char *err, size_t errn) {
  (void)dev, (void)c, (void)mod;
  snprintf(err, errn, "the CUDA backend compiles CUDA source, not generated C");
  return CW_ERR_UNSUPPORTED;
}

static void cuda_module_unload(void *dev, void *mod) {
  bind(dev);
  module_free(dev, mod);
}

static cw_status cuda_kernel_find(void *mod, const char *name, void **kernel, int *nparams,
                                  const uint32_t **psizes) {
  CudaModule *cm = mod;
  for (int pass = 0; pass < 2; pass++)
    for (int i = 0; i < cm->nkernels; i++)
      if (kir_kernel_named(cm->kernels[i].name, cm->kernels[i].cname, name, pass)) {
        *kernel = &cm->kernels[i];
        *nparams = cm->kernels[i].nparams;
        *psizes = cm->kernels[i].psizes;
        return CW_OK;
      }
  return CW_ERR_NOT_FOUND;
}

static cw_status cuda_symbol_find(void *mod, const char *name, void **addr, size_t *size) {
  CudaModule *cm = mod;
  for (int i = 0; i < cm->nsymbols; i++)
    if (!strcmp(cm->symbols[i].name, name)) {
      *addr = (void *)(uintptr_t)cm->symbols[i].addr;
      *size = cm->symbols[i].size;
      return CW_OK;
    }
  return CW_ERR_NOT_FOUND;
}

static cw_status cuda_launch(void *dev, void *kernel, const uint32_t grid[3],
                             const uint32_t block[3], size_t shared, void **args, char *err,
                             size_t errn) {
  CudaDev *d = dev;
  CudaKernel *k = kernel;
  bind(d);
  cw_status st = cw_check_launch_config(grid, block, shared + k->static_shared, err, errn);
  if (st != CW_OK && !(shared + k->static_shared > CW_MAX_SHARED_BYTES)) return st;
  if (shared + k->static_shared > CW_MAX_SHARED_BYTES) {
    /* opt in to the larger shared memory this GPU has, as CUDA code must */
    CHECK(d, d->drv.cuFuncSetAttribute(k->fn, CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES,
                                       (int)shared), err, errn);
  }
  CHECK(d, d->drv.cuLaunchKernel(k->fn, grid[0], grid[1], grid[2], block[0], block[1], block[2],
                                 (unsigned)shared, cur_stream, args, NULL), err, errn);
  return CW_OK; /* asynchronous: faults surface at the next sync, as in CUDA */
}

/* The driver's occupancy calculator: registers, shared memory and the
 * multiprocessor's limits of this GPU for this kernel. */
static cw_status cuda_occupancy(void *dev, void *kernel, int block_threads, size_t shared,
                                int *blocks) {
  CudaDev *d = dev;
  CudaKernel *k = kernel;
  bind(d);
  return d->drv.cuOccupancyMaxActiveBlocksPerMultiprocessor(blocks, k->fn, block_threads,
                                                              shared) == 0
             ? CW_OK
             : CW_ERR_INVALID;
}

/* cuLaunchCooperativeKernel: the driver gives the grid the workspace that
 * grid_group::sync() reads (cooperative_groups/details/driver_abi.h:
 * envreg1/2), which a plain launch leaves null, so grid.sync() faults.
 * A grid larger than the GPU holds at once is refused before the driver
 * sees it, with CUDA's error and the numbers behind it. */
static cw_status cuda_launch_cooperative(void *dev, void *kernel, const uint32_t grid[3],
                                         const uint32_t block[3], size_t shared, void **args,
                                         char *err, size_t errn) {
  CudaDev *d = dev;
  CudaKernel *k = kernel;
  bind(d);
  cw_status st = cw_check_launch_config(grid, block, shared + k->static_shared, err, errn);
  if (st != CW_OK && !(shared + k->static_shared > CW_MAX_SHARED_BYTES)) return st;
  int coop = 0, sms = 0, per_sm = 0;
  d->drv.cuDeviceGetAttribute(&coop, CU_DEVICE_ATTRIBUTE_COOPERATIVE_LAUNCH, d->device);
  if (!coop) {
    snprintf(err, errn, "this GPU has no cooperative launches (cudaErrorNotSupported)");
    return CW_ERR_UNSUPPORTED;
  }
  if (shared + k->static_shared > CW_MAX_SHARED_BYTES)
    CHECK(d, d->drv.cuFuncSetAttribute(k->fn, CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES,
                                       (int)shared), err, errn);
  d->drv.cuDeviceGetAttribute(&sms, CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT, d->device);
  CHECK(d, d->drv.cuOccupancyMaxActiveBlocksPerMultiprocessor(
               &per_sm, k->fn, (int)(block[0] * block[1] * block[2]), shared), err, errn);
  unsigned long long blocks = (unsigned long long)grid[0] * grid[1] * grid[2];
  if (blocks > (unsigned long long)per_sm * (unsigned)sms) {
    snprintf(err, errn, "cooperative launch of %llu blocks, but the GPU holds %d at once "
             "(%d multiprocessors x %d blocks) (cudaErrorCooperativeLaunchTooLarge)", blocks,
             per_sm * sms, sms, per_sm);
    return CW_ERR_LAUNCH;
  }
  CHECK(d, d->drv.cuLaunchCooperativeKernel(k->fn, grid[0], grid[1], grid[2], block[0], block[1],
                                            block[2], (unsigned)shared, cur_stream, args),
        err, errn);
  return CW_OK;
}

static cw_status cuda_sync(void *dev, char *err, size_t errn) {
  CudaDev *d = dev;
  bind(d);
  CHECK(d, d->drv.cuCtxSynchronize(), err, errn);
  return CW_OK;
}

/* The context's limits: the driver's CU_LIMIT_STACK_SIZE (0) and
 * CU_LIMIT_DEV_RUNTIME_PENDING_LAUNCH_COUNT (4), as cudaDeviceSetLimit
 * sets them under nvcc. */
static cw_status cuda_set_limit(void *dev, int limit, size_t value) {
  CudaDev *d = dev;
  bind(d);
  int cu = limit == CW_LIMIT_STACK_BYTES ? 0 : limit == CW_LIMIT_DEVRT_PENDING_LAUNCHES ? 4 : -1;
  if (cu < 0) return CW_ERR_UNSUPPORTED;
  return d->drv.cuCtxSetLimit(cu, value) == 0 ? CW_OK : CW_ERR_INVALID;
}

/* The device as the driver describes it, for cudaGetDeviceProperties and
 * cudaDeviceGetAttribute: attr is a CUdevice_attribute (= cudaDeviceAttr). */
static cw_status cuda_device_attribute(void *dev, int attr, int *value) {
  CudaDev *d = dev;
  return d->drv.cuDeviceGetAttribute(value, attr, d->device) == 0 ? CW_OK : CW_ERR_INVALID;
}

static cw_status cuda_device_identity(void *dev, char *name, size_t namen, uint64_t *total_mem,
                                      unsigned char uuid[16]) {
  CudaDev *d = dev;
  size_t mem = 0;
  if (d->drv.cuDeviceGetName(name, namen > 0x7fffffff ? 0x7fffffff : (int)namen, d->device) != 0 ||
      d->drv.cuDeviceTotalMem(&mem, d->device) != 0 || d->drv.cuDeviceGetUuid(uuid, d->device) != 0)
    return CW_ERR_INVALID;
  *total_mem = mem;
  return CW_OK;
}

static cw_status cuda_mem_info(void *dev, size_t *free_bytes, size_t *total_bytes) {
  CudaDev *d = dev;
  bind(d);
  return d->drv.cuMemGetInfo(free_bytes, total_bytes) == 0 ? CW_OK : CW_ERR_INVALID;
}

static char *cuda_take_output(void *dev) {
  (void)dev; /* the driver writes device printf to stdout at synchronization */
  return NULL;
}

/* the driver's CUarray_format for channels of `bytes` bytes of `kind`
 * (0 signed, 1 unsigned, 2 float) */
static int array_format(int kind, int bytes) {
  return kind == 2 ? CU_AD_FORMAT_FLOAT
                   : (kind == 0 ? CU_AD_FORMAT_SIGNED_INT8 : CU_AD_FORMAT_UNSIGNED_INT8) +
                         (bytes == 2 ? 1 : bytes == 4 ? 2 : 0);
}

/* A texture object of the driver over a CUDA array, linear or pitched
 * device memory: the runtime's description in the driver's descriptors. */
static cw_status cuda_texture_create(void *dev, const cw_texture_desc *t,
                                     unsigned long long *handle, char *err, size_t errn) {
  CudaDev *d = dev;
  bind(d);
  int format = array_format(t->kind, t->bytes);
  CudaResourceDesc r = {0};
  CUdeviceptr ptr = (CUdeviceptr)(uintptr_t)t->data;
  if (t->array) {
    r.res_type = CU_RESOURCE_TYPE_ARRAY;
    r.res.array.array = (CUarray)(uintptr_t)t->array;
  } else if (t->dims == 1) {
    r.res_type = CU_RESOURCE_TYPE_LINEAR;
    r.res.linear.ptr = ptr, r.res.linear.format = format;
    r.res.linear.channels = (unsigned)t->channels;
    r.res.linear.bytes = t->width * (size_t)t->channels * (size_t)t->bytes;
  } else {
    r.res_type = CU_RESOURCE_TYPE_PITCH2D;
    r.res.pitch2d.ptr = ptr, r.res.pitch2d.format = format;
    r.res.pitch2d.channels = (unsigned)t->channels;
    r.res.pitch2d.width = t->width, r.res.pitch2d.height = t->height;
    r.res.pitch2d.pitch = t->pitch;
  }
  CudaTextureDesc x = {0};
  for (int i = 0; i < 3; i++) x.address[i] = t->address[i];
  for (int i = 0; i < 4; i++) x.border[i] = t->border[i];
  x.filter = t->filter;
  x.flags = (t->kind != 2 && !t->read_normalized ? CU_TRSF_READ_AS_INTEGER : 0) |
            (t->normalized_coords ? CU_TRSF_NORMALIZED_COORDINATES : 0);
  CUtexObject obj = 0;
  CHECK(d, d->drv.cuTexObjectCreate(&obj, &r, &x, NULL), err, errn);
  *handle = obj;
  return CW_OK;
}

static void cuda_texture_destroy(void *dev, unsigned long long handle) {
  CudaDev *d = dev;
  bind(d);
  d->drv.cuTexObjectDestroy(handle);
}

/* A CUDA array of the driver (cuArray3DCreate: height and depth 0 for
 * fewer dimensions), surface-writable when asked. */
static cw_status cuda_array_create(void *dev, const cw_array_desc *a, unsigned long long *handle,
                                   char *err, size_t errn) {
  CudaDev *d = dev;
  bind(d);
  CudaArray3dDesc x = {.width = a->width, .height = a->height, .depth = a->depth,
                       .format = array_format(a->kind, a->bytes),
                       .channels = (unsigned)a->channels,
                       .flags = a->surface ? CUDA_ARRAY3D_SURFACE_LDST : 0};
  CUarray arr = NULL;
  CHECK(d, d->drv.cuArray3DCreate(&arr, &x), err, errn);
  *handle = (unsigned long long)(uintptr_t)arr;
  return CW_OK;
}

static void cuda_array_destroy(void *dev, unsigned long long handle) {
  CudaDev *d = dev;
  bind(d);
  d->drv.cuArrayDestroy((CUarray)(uintptr_t)handle);
}

/* The whole array (described by `a`, as made) to or from pitched device
 * memory: rows of `pitch` bytes, the array's height rows a slice; one
 * cuMemcpy3D. */
static cw_status cuda_array_copy(void *dev, unsigned long long handle, const cw_array_desc *a,
                                 void *mem, size_t pitch, int to_array, char *err, size_t errn) {
  CudaDev *d = dev;
  bind(d);
  CUarray arr = (CUarray)(uintptr_t)handle;
  CUdeviceptr ptr = (CUdeviceptr)(uintptr_t)mem;
  size_t rows = a->height ? a->height : 1;
  CudaMemcpy3d c = {0};
  if (to_array) {
    c.src_type = CU_MEMORYTYPE_DEVICE, c.src_device = ptr, c.src_pitch = pitch;
    c.src_height = rows;
    c.dst_type = CU_MEMORYTYPE_ARRAY, c.dst_array = arr;
  } else {
    c.src_type = CU_MEMORYTYPE_ARRAY, c.src_array = arr;
    c.dst_type = CU_MEMORYTYPE_DEVICE, c.dst_device = ptr, c.dst_pitch = pitch;
    c.dst_height = rows;
  }
  c.width_bytes = a->width * (size_t)a->channels * (size_t)a->bytes;
  c.height = rows;
  c.depth = a->depth ? a->depth : 1;
  CHECK(d, d->drv.cuMemcpy3D(&c), err, errn);
  return CW_OK;
}

/* A surface object of the driver over a surface-writable array. */
static cw_status cuda_surface_create(void *dev, unsigned long long array,
                                     unsigned long long *handle, char *err, size_t errn) {
  CudaDev *d = dev;
  bind(d);
  CudaResourceDesc r = {0};
  r.res_type = CU_RESOURCE_TYPE_ARRAY;
  r.res.array.array = (CUarray)(uintptr_t)array;
  CUsurfObject obj = 0;
  CHECK(d, d->drv.cuSurfObjectCreate(&obj, &r), err, errn);
  *handle = obj;
  return CW_OK;
}

static void cuda_surface_destroy(void *dev, unsigned long long handle) {
  CudaDev *d = dev;
  bind(d);
  d->drv.cuSurfObjectDestroy(handle);
}

const CwBackendOps *cw_backend_cuda(void) {
  static const CwBackendOps ops = {
      .name = "cuda",
      .probe = cuda_probe,
      .open = cuda_open,
      .close = cuda_close,
      .mem_alloc = cuda_alloc,
      .mem_free = cuda_free,
      .mem_alloc_kind = cuda_alloc_kind,
      .mem_free_kind = cuda_free_kind,
      .host_register = cuda_host_register,
      .host_unregister = cuda_host_unregister,
      .copy = cuda_copy,
      .fill = cuda_fill,
      .module_load = cuda_module_load_c,
      .module_load_program = cuda_module_load_program,
      .module_unload = cuda_module_unload,
      .module_extern_count = cuda_module_extern_count,
      .module_link = cuda_module_link,
      .kernel_find = cuda_kernel_find,
      .symbol_find = cuda_symbol_find,
      .launch = cuda_launch,
      .launch_cooperative = cuda_launch_cooperative,
      .occupancy = cuda_occupancy,
      .sync = cuda_sync,
      .stream_new = cuda_stream_new,
      .stream_free = cuda_stream_free,
      .stream_sync = cuda_stream_sync,
      .set_stream = cuda_set_stream,
      .event_new = cuda_event_new,
      .event_free = cuda_event_free,
      .event_record = cuda_event_record,
      .event_sync = cuda_event_sync,
      .stream_wait_event = cuda_stream_wait_event,
      .event_elapsed = cuda_event_elapsed,
      .take_output = cuda_take_output,
      .set_limit = cuda_set_limit,
      .device_attribute = cuda_device_attribute,
      .device_identity = cuda_device_identity,
      .mem_info = cuda_mem_info,
      .texture_create = cuda_texture_create,
      .texture_destroy = cuda_texture_destroy,
      .array_create = cuda_array_create,
      .array_destroy = cuda_array_destroy,
      .array_copy = cuda_array_copy,
      .surface_create = cuda_surface_create,
      .surface_destroy = cuda_surface_destroy,
  };
  return &ops;
}
