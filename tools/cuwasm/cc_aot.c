/*
 * cc_aot.c — device code ahead of time, as nvcc builds it: with
 * -arch=sm_XX (or -gencode …,code=sm_XX, -code=sm_XX, -arch=native: the
 * GPUs of this machine) and NVRTC on this machine, each .cu file's device
 * code is compiled now for each such architecture, so the executable's
 * first kernel launch on the CUDA backend loads a cubin instead of running
 * NVRTC (seconds for large programs), and runs where no toolkit is
 * installed at all.  Where nvcc embeds PTX (-arch=sm_XX and -arch=compute_XX
 * without -code, code=compute_XX in -gencode or -code), so does this: the
 * backend hands it to the driver, which compiles it for GPUs newer than
 * every cubin, and falls back to it when the driver refuses a cubin.
 *
 * The cubin must be the one the backend would compile at run time, or it
 * is never found: the backend looks embedded cubins up by the hash of
 * NVRTC's inputs (nvrtc_content_key: device source, name expressions,
 * options, architecture).  So this file makes those inputs the runtime's
 * way, with the runtime's own code: it registers the TU (the embedded
 * source, options and name of cc.c's appendix) and the kernels the host
 * object registers (host_glue.h's `__cuwasm_kreg<…>::make()` strings,
 * read from the object), lets the runtime build the TU's device program
 * (compat_tu_device_program: front end, lambdas, template instances), and
 * compiles it through the backend's NVRTC path (nvrtc_program_image).
 * A host compiler whose registration strings lack the template arguments
 * (clang) yields a different program: its cubins are simply not found and
 * the backend compiles as before.  Nothing here changes what runs
 * elsewhere: the other backends ignore the table.
 *
 * The images and their lowered names go into a small C object whose
 * constructor registers them (__cuwasm_register_cubin / _ptx), merged into the
 * host object with `ld -r`, so -c builds carry them too.
 * CUWASM_CC_AOT=0 turns this off; --target web builds (no CUDA backend)
 * skip it.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/base.h"
#include "cc/cc.h"
#include "cc_internal.h"
#include "compat/compat.h"
#include "rt/cuda/cuda_driver.h"
#include "rt/cuda/nvrtc_build.h"

/* appends architecture 90 as "90" */
static void add_arch(StrList *out, int arch) {
  char sm[16];
  snprintf(sm, sizeof sm, "%d", arch);
  sl_add(out, sm);
}

/* The compute capabilities of this machine's GPUs (sm 90 for 9.0), as the
 * driver reports them; none without a driver. */
static void native_archs(StrList *out) {
  CudaDriver drv;
  char why[256];
  if (!cuda_driver_open(&drv, why, sizeof why)) return;
  int n = 0;
  if (drv.cuInit(0) == 0 && drv.cuDeviceGetCount(&n) == 0)
    for (int i = 0; i < n; i++) {
      CUdevice dev;
      int major = 0, minor = 0;
      if (drv.cuDeviceGet(&dev, i) != 0 ||
          drv.cuDeviceGetAttribute(&major, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, dev) ||
          drv.cuDeviceGetAttribute(&minor, CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, dev))
        continue;
      add_arch(out, major * 10 + minor);
    }
}

/* The real architectures NVRTC compiles for (all-major: those of a new
 * major version only, sm_80, sm_90, ...), oldest first; with newest_only
 * just the newest of them.  None where NVRTC cannot list them. */
static void compiler_archs(const Nvrtc *rtc, bool major_only, bool newest_only, StrList *out) {
  int n = 0;
  if (!rtc || !rtc->nvrtcGetNumSupportedArchs || !rtc->nvrtcGetSupportedArchs ||
      rtc->nvrtcGetNumSupportedArchs(&n) != 0 || n <= 0 || n > 256)
    return;
  int *a = calloc((size_t)n, sizeof *a), newest = -1;
  if (!a || rtc->nvrtcGetSupportedArchs(a) != 0) n = 0;
  for (int i = 0; i < n; i++) {
    if (major_only && a[i] % 10) continue;
    if (!newest_only) add_arch(out, a[i]);
    else if (a[i] > newest) newest = a[i];
  }
  if (newest >= 0) add_arch(out, newest);
  free(a);
}

/* names with "native" replaced by this machine's GPUs, "all" and
 * "all-major" by NVRTC's architectures (for PTX: the newest of them, as
 * nvcc embeds), each once */
static void resolve_archs(const StrList *names, const Nvrtc *rtc, bool ptx, StrList *out) {
  StrList all = {0};
  for (int i = 0; i < names->n; i++) {
    const char *v = names->v[i];
    if (!strcmp(v, "native")) native_archs(&all);
    else if (!strcmp(v, "all") || !strcmp(v, "all-major")) compiler_archs(rtc, v[3] == '-', ptx, &all);
    else sl_add(&all, v);
  }
  for (int i = 0; i < all.n; i++) {
    bool seen = false;
    for (int j = 0; j < out->n && !seen; j++) seen = !strcmp(out->v[j], all.v[i]);
    if (!seen) sl_add(out, all.v[i]);
  }
  sl_free(&all);
}

/* NVRTC, opened once per cc process; NULL (with the reason in -v) without */
static const Nvrtc *nvrtc_for_aot(const CcOpts *o) {
  static Nvrtc rtc;
  static int state; /* 0 untried, 1 open, -1 missing */
  if (!state) {
    char why[512];
    state = nvrtc_open(&rtc, NULL, why, sizeof why) ? 1 : -1;
    if (state < 0 && o->verbose)
      fprintf(stderr, "cuwasm cc: no cubins ahead of time (%s): the CUDA backend compiles "
              "the kernels at their first launch\n", why);
  }
  return state > 0 ? &rtc : NULL;
}

/* Registers with tu every kernel registration string the object holds:
 * NUL-terminated strings naming host_glue.h's __cuwasm_kreg<…>::make(). */
static void register_kernels(int tu, const char *obj) {
  size_t n = 0;
  char *bytes = cw_read_file(obj, &n);
  static uintptr_t fake_fn = 1; /* registrations are told apart by function address */
  for (size_t i = 0; bytes && i < n;) {
    size_t len = strnlen(bytes + i, n - i);
    const char *s = bytes + i;
    if (i + len < n && strstr(s, "__cuwasm_kreg<") && strstr(s, "::make()") &&
        (strstr(s, "[with FT = ") || strstr(s, "[FT = ")))
      __cuwasm_register_kernel(tu, (const void *)(fake_fn++ << 4), s);
    i += len + 1;
  }
  free(bytes);
}

/* Appends one image's registration to the C file being written: a cubin
 * for sm_<arch>, or PTX for compute_<arch> */
static bool append_image(StrBuf *c, int k, uint64_t key, const char *arch, bool ptx,
                         const char *image, size_t n, const char *names) {
  char *lit = NULL, *nlit = NULL;
  size_t ll = 0, nl = 0;
  if (cw_cc_string_literal(&lit, &ll, image, n) || cw_cc_string_literal(&nlit, &nl, names, strlen(names))) {
    free(lit);
    free(nlit);
    return false;
  }
  sb_printf(c, "static const char image%d[] = ", k);
  sb_puts(c, lit);
  sb_printf(c, ";\nstatic const char names%d[] = ", k);
  sb_puts(c, nlit);
  sb_printf(c, ";\n__attribute__((constructor)) static void register%d(void) {\n"
            "  __cuwasm_register_%s(0x%016llxull, %s, image%d, sizeof image%d - 1, names%d);\n}\n",
            k, ptx ? "ptx" : "cubin", (unsigned long long)key, arch, k, k, k);
  free(lit);
  free(nlit);
  return c->data != NULL;
}

/* cc -c of the C file, then ld -r of obj with it, replacing obj */
static int merge_object(const CcOpts *o, const char *csrc, const char *tmp, int idx,
                        const char *obj) {
  char aot[PATH_MAX], merged[PATH_MAX];
  snprintf(aot, sizeof aot, "%s/%d.aot.o", tmp, idx);
  snprintf(merged, sizeof merged, "%s/%d.merged.o", tmp, idx);
  StrList cmd = {0};
  sl_add(&cmd, "gcc");
  sl_add(&cmd, "-c");
  sl_add(&cmd, "-fPIC");
  sl_add(&cmd, csrc);
  sl_add(&cmd, "-o");
  sl_add(&cmd, aot);
  int rc = cc_run(o, &cmd);
  sl_free(&cmd);
  if (rc) return 1;
  sl_add(&cmd, "ld");
  sl_add(&cmd, "-r");
  sl_add(&cmd, obj);
  sl_add(&cmd, aot);
  sl_add(&cmd, "-o");
  sl_add(&cmd, merged);
  rc = cc_run(o, &cmd);
  sl_free(&cmd);
  if (rc == 0 && rename(merged, obj) != 0) {
    fprintf(stderr, "cuwasm cc: cannot replace %s\n", obj);
    rc = 1;
  }
  return rc ? 1 : 0;
}

/* One image of prog for arch (a cubin, or PTX when ptx) appended to c as
 * registration k; false only when writing it failed (NVRTC refusing the
 * architecture is a warning: the backend compiles at run time). */
static bool compile_one(const CcOpts *o, const Nvrtc *rtc, cw_program *prog, const char *path,
                        const char *arch, bool ptx, StrBuf *c, int *made, char *err,
                        size_t errn) {
  const char *kind = ptx ? "compute" : "sm";
  if (o->verbose) fprintf(stderr, "#$ nvrtc --gpu-architecture=%s_%s %s\n", kind, arch, path);
  char *image = NULL, *names = NULL;
  size_t n = 0;
  uint64_t key = 0;
  bool ok = true;
  cw_status st = nvrtc_program_image(rtc, prog, atoi(arch), ptx, &image, &n, &names, &key, err,
                                     errn);
  if (st == CW_OK) ok = append_image(c, (*made)++, key, arch, ptx, image, n, names);
  else {
    char *nl = strchr(err, '\n'); /* NVRTC's first words; the backend reports all at run time */
    if (nl && nl[1]) nl = strchr(nl + 1, '\n');
    if (nl) *nl = 0;
    fprintf(stderr, "cuwasm cc: warning: no %s_%s %s for %s (the CUDA backend compiles "
            "it at run time): %s\n", kind, arch, ptx ? "PTX" : "cubin", path, err);
  }
  free(image);
  free(names);
  return ok;
}

int cc_aot_attach(const CcOpts *o, const char *path, const char *src, size_t n, const char *tmp,
                  int idx, const char *obj) {
  const char *off = getenv("CUWASM_CC_AOT");
  if ((!o->sass.n && !o->ptx.n) || cc_is_web(o) || (off && !strcmp(off, "0")))
    return 0; /* web: no CUDA backend */
  const Nvrtc *rtc = nvrtc_for_aot(o);
  if (!rtc) return 0;
  /* resolved once per cc process (the driver is asked at most once) */
  static StrList sass, ptx;
  static bool resolved;
  if (!resolved) {
    resolved = true;
    resolve_archs(&o->sass, rtc, false, &sass);
    resolve_archs(&o->ptx, rtc, true, &ptx);
  }
  const StrList *archs = &sass;
  StrList opts = {0};
  char abs[PATH_MAX];
  cc_tu_options(o, path, &opts, abs);
  int tu = src ? __cuwasm_register_tu(abs, src, n, (const char *const *)opts.v, opts.n) : -1;
  if (tu >= 0) register_kernels(tu, obj);
  const char *msg = NULL;
  cw_program *prog = tu >= 0 ? compat_tu_device_program(tu, &msg) : NULL;
  if (!prog) /* the device pass compiled it: only the host's template instances can fail here */
    fprintf(stderr, "cuwasm cc: warning: no cubins for %s: %s\n", path, msg ? msg : "out of memory");
  StrBuf c;
  sb_init(&c);
  sb_puts(&c, "/* cubins and PTX of the device code, compiled ahead of time by cuwasm cc */\n"
              "#include <stddef.h>\n"
              "void __cuwasm_register_cubin(unsigned long long key, int sm, const char *image,\n"
              "                             size_t n, const char *names);\n"
              "void __cuwasm_register_ptx(unsigned long long key, int cc, const char *image,\n"
              "                           size_t n, const char *names);\n");
  int made = 0, rc = 0;
  size_t errn = 1 << 16;
  char *err = malloc(errn);
  for (int i = 0; prog && err && i < archs->n && rc == 0; i++)
    if (!compile_one(o, rtc, prog, path, archs->v[i], false, &c, &made, err, errn)) rc = 1;
  for (int i = 0; prog && err && i < ptx.n && rc == 0; i++)
    if (!compile_one(o, rtc, prog, path, ptx.v[i], true, &c, &made, err, errn)) rc = 1;
  char csrc[PATH_MAX];
  snprintf(csrc, sizeof csrc, "%s/%d.aot.c", tmp, idx);
  if (made && rc == 0) {
    if (!c.data || !cw_write_file_atomic(csrc, c.data, c.len)) {
      fprintf(stderr, "cuwasm cc: cannot write %s\n", csrc);
      rc = 1;
    } else rc = merge_object(o, csrc, tmp, idx, obj);
  }
  free(err);
  sb_free(&c);
  sl_free(&opts); /* the registered TU points into src: the caller frees it after this */
  return rc;
}
