/*
 * nvrtc_build.c — a program's device source through NVRTC, as the CUDA
 * backend does it (see nvrtc_build.h).  Kernels are asked for by name
 * expression (`&reduce<float, 256>`, or `(void (*)(float *))&apply` when
 * overloaded), which also instantiates templates only the host launches;
 * NVRTC gets C++20 (nvcc accepts designated initializers that NVRTC's
 * C++17 rejects), -default-device (functions without qualifiers are
 * device functions, as in the device source nothing host-only is left),
 * and the toolkit's include and cccl folders (cuda/std since CUDA 13).
 * A real architecture (sm_90) gives a cubin, a virtual one (compute_80)
 * PTX, which the driver compiles for any GPU of that capability or newer.
 */
#include <stdio.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "api/program.h"
#include "base/base.h"
#include "base/hash.h"
#include "nvrtc_build.h"

void nvrtc_names_free(NvrtcNames *nm) {
  for (int i = 0; i < nm->n; i++) {
    free(nm->expr[i]);
    free(nm->lowered[i]);
  }
  free(nm->expr);
  free(nm->lowered);
  memset(nm, 0, sizeof *nm);
}

static bool overloaded(const KModule *m, const KFunc *k) {
  for (int i = 0; i < m->funcs.len; i++) {
    const KFunc *f = m->funcs.items[i];
    if (f != k && (f->flags & KF_GLOBAL) && f->body && !strcmp(f->name, k->name)) return true;
  }
  return false;
}

cw_status nvrtc_collect_names(KModule *m, NvrtcNames *nm) {
  int cap = m->funcs.len + 1;
  nm->expr = calloc((size_t)cap, sizeof *nm->expr);
  nm->lowered = calloc((size_t)cap, sizeof *nm->lowered);
  if (!nm->expr || !nm->lowered) return CW_ERR_NOMEM;
  for (int i = 0; i < m->funcs.len; i++) {
    KFunc *f = m->funcs.items[i];
    if (!(f->flags & KF_GLOBAL) || !f->body) continue;
    StrBuf e;
    sb_init(&e);
    if (overloaded(m, f)) { /* `&apply` would be ambiguous: name it by its type */
      sb_puts(&e, "(void (*)(");
      for (int p = 0; p < f->nparams; p++) {
        if (p) sb_puts(&e, ", ");
        kt_print_cpp(&e, f->params[p]->type);
      }
      sb_puts(&e, "))");
    }
    sb_printf(&e, "&%s", f->name);
    if (!e.data) return CW_ERR_NOMEM;
    nm->expr[nm->n++] = sb_take(&e);
  }
  nm->nkernels = nm->n;
  return CW_OK;
}

/* CUWASM_NVRTC_OPTIONS: more NVRTC options, separated by spaces, for
 * every compile of the process (e.g. --split-compile=0, which spreads
 * NVRTC's optimisation over the cores: HeCBench/hadamard's 3.5-4.0 s became
 * 2.7-2.9 s on 2 cores; not the default, as NVIDIA warns that it may
 * change the code's speed).  Read once; part of the cubin cache key. */
enum { MAX_ENV_OPTIONS = 16 };
static char *env_options[MAX_ENV_OPTIONS];
static int n_env_options;
static pthread_once_t env_once = PTHREAD_ONCE_INIT;

static void read_env_options(void) {
  const char *e = getenv("CUWASM_NVRTC_OPTIONS");
  char *copy = e && *e ? strdup(e) : NULL, *save = NULL;
  for (char *t = copy ? strtok_r(copy, " \t", &save) : NULL; t && n_env_options < MAX_ENV_OPTIONS;
       t = strtok_r(NULL, " \t", &save))
    env_options[n_env_options++] = t; /* copy stays allocated: the options point into it */
}

const char **nvrtc_program_options(cw_program *prog, KModule *m, int *n) {
  int nuser = 0;
  const char *const *user = cw_program_tool_options(prog, &nuser);
  pthread_once(&env_once, read_env_options);
  const char **o = calloc((size_t)nuser + MAX_ENV_OPTIONS + 2, sizeof *o);
  if (!o) return NULL;
  for (int i = 0; i < nuser; i++) o[i] = user[i];
  *n = nuser;
  for (int i = 0; i < n_env_options; i++) o[(*n)++] = env_options[i];
  if (m->relocatable || kir_uses_device_runtime(m)) o[(*n)++] = "--relocatable-device-code=true";
  return o;
}

static cw_status failed(const Nvrtc *rtc, nvrtcProgram prog, nvrtcResult r, char *err,
                        size_t errn) {
  size_t logn = 0;
  rtc->nvrtcGetProgramLogSize(prog, &logn);
  char *log = calloc(logn + 1, 1);
  if (log) rtc->nvrtcGetProgramLog(prog, log);
  snprintf(err, errn, "NVRTC: %s\n%s", rtc->nvrtcGetErrorString(r), log ? log : "");
  free(log);
  return CW_ERR_COMPILE;
}

void nvrtc_arch_option(char *out, size_t n, int cc, bool ptx) {
  snprintf(out, n, "--gpu-architecture=%s_%d", ptx ? "compute" : "sm", cc);
}

cw_status nvrtc_build(const Nvrtc *rtc, const char *src, const char *file, NvrtcNames *nm,
                      const char *arch, const char *const *user, int nuser, char **image,
                      size_t *image_n, char *err, size_t errn) {
  nvrtcProgram prog;
  nvrtcResult r = rtc->nvrtcCreateProgram(&prog, src, file, 0, NULL, NULL);
  if (r != 0) {
    snprintf(err, errn, "NVRTC: %s", rtc->nvrtcGetErrorString(r));
    return CW_ERR_COMPILE;
  }
  for (int i = 0; i < nm->n; i++) rtc->nvrtcAddNameExpression(prog, nm->expr[i]);
  char inc[1100] = "", cccl[1100] = "";
  const char *home = getenv("CUDA_HOME");
  if (!home || !*home) home = "/usr/local/cuda";
  snprintf(inc, sizeof inc, "--include-path=%s/include", home);
  snprintf(cccl, sizeof cccl, "--include-path=%s/include/cccl", home);
  const char *opts[64] = {arch, "-std=c++20", inc, cccl, "-default-device"};
  int nopts = 5;
  for (int i = 0; i < nuser && nopts < 64; i++) opts[nopts++] = user[i];
  r = rtc->nvrtcCompileProgram(prog, nopts, opts);
  if (r != 0) {
    cw_status st = failed(rtc, prog, r, err, errn);
    rtc->nvrtcDestroyProgram(&prog);
    return st;
  }
  for (int i = 0; i < nm->n; i++) {
    const char *low = NULL;
    if (rtc->nvrtcGetLoweredName(prog, nm->expr[i], &low) != 0 || !low) continue;
    free(nm->lowered[i]); /* names of an image the driver refused before this compile */
    nm->lowered[i] = strdup(low);
  }
  bool ptx = strstr(arch, "=compute_") != NULL; /* a virtual architecture: PTX, no cubin */
  *image_n = 0;
  if (ptx) rtc->nvrtcGetPTXSize(prog, image_n);
  else rtc->nvrtcGetCUBINSize(prog, image_n);
  *image = malloc(*image_n ? *image_n : 1);
  if (!*image) {
    rtc->nvrtcDestroyProgram(&prog);
    return CW_ERR_NOMEM;
  }
  if (ptx) rtc->nvrtcGetPTX(prog, *image);
  else rtc->nvrtcGetCUBIN(prog, *image);
  rtc->nvrtcDestroyProgram(&prog);
  return CW_OK;
}

uint64_t nvrtc_content_key(const char *src, const char *arch, const NvrtcNames *nm,
                           const char *const *user, int nuser) {
  CwHash h;
  cw_hash_init(&h);
  cw_hash_str(&h, src);
  cw_hash_str(&h, arch);
  for (int i = 0; i < nm->n; i++) cw_hash_str(&h, nm->expr[i]);
  for (int i = 0; i < nuser; i++) cw_hash_str(&h, user[i]);
  return h.h[0] ^ h.h[1];
}

char *nvrtc_names_text(const NvrtcNames *nm) {
  size_t n = 1;
  for (int i = 0; i < nm->n; i++) n += (nm->lowered[i] ? strlen(nm->lowered[i]) : 0) + 1;
  char *buf = malloc(n), *p = buf;
  if (!buf) return NULL;
  *p = 0;
  for (int i = 0; i < nm->n; i++) p += sprintf(p, "%s\n", nm->lowered[i] ? nm->lowered[i] : "");
  return buf;
}

bool nvrtc_names_parse(const char *text, NvrtcNames *nm) {
  const char *line = text;
  for (int i = 0; i < nm->n; i++) {
    const char *nl = strchr(line, '\n');
    if (!nl) return false;
    free(nm->lowered[i]);
    nm->lowered[i] = nl > line ? strndup(line, (size_t)(nl - line)) : NULL;
    line = nl + 1;
  }
  return true;
}

cw_status nvrtc_program_inputs(cw_program *prog, NvrtcInputs *in, char *err, size_t errn) {
  memset(in, 0, sizeof *in);
  KModule *m = cw_program_module(prog);
  if (cw_program_device_source(prog, &in->src) != CW_OK || !in->src) {
    snprintf(err, errn, "the program carries no CUDA source");
    return CW_ERR_INVALID;
  }
  cw_status st = nvrtc_collect_names(m, &in->nm);
  if (st == CW_OK && !(in->opts = nvrtc_program_options(prog, m, &in->nopts))) st = CW_ERR_NOMEM;
  if (st != CW_OK) nvrtc_inputs_free(in);
  return st;
}

bool nvrtc_inputs_own(NvrtcInputs *in) {
  if (in->own_opts) return true;
  const char **copy = calloc((size_t)in->nopts + 1, sizeof *copy);
  for (int i = 0; copy && i < in->nopts; i++)
    if (!(copy[i] = strdup(in->opts[i]))) {
      while (i--) free((char *)copy[i]);
      free(copy);
      copy = NULL;
    }
  if (!copy) return false;
  free(in->opts);
  in->opts = copy;
  in->own_opts = true;
  return true;
}

void nvrtc_inputs_free(NvrtcInputs *in) {
  free(in->src);
  for (int i = 0; in->own_opts && i < in->nopts; i++) free((char *)in->opts[i]);
  free(in->opts);
  nvrtc_names_free(&in->nm);
  memset(in, 0, sizeof *in);
}

cw_status nvrtc_program_image(const Nvrtc *rtc, cw_program *prog, int cc, bool ptx, char **image_out,
                              size_t *image_n, char **names, uint64_t *key, char *err,
                              size_t errn) {
  NvrtcInputs in;
  cw_status st = nvrtc_program_inputs(prog, &in, err, errn);
  if (st != CW_OK) return st;
  char arch[48];
  nvrtc_arch_option(arch, sizeof arch, cc, ptx);
  char *image = NULL;
  size_t n = 0;
  st = nvrtc_build(rtc, in.src, "kernel.cu", &in.nm, arch, in.opts, in.nopts, &image, &n, err, errn);
  for (int i = 0; st == CW_OK && i < in.nm.nkernels; i++)
    if (!in.nm.lowered[i]) {
      snprintf(err, errn, "NVRTC lowered no name for kernel %s", in.nm.expr[i]);
      st = CW_ERR_COMPILE;
    }
  if (st == CW_OK && key) *key = nvrtc_content_key(in.src, arch, &in.nm, in.opts, in.nopts);
  if (st == CW_OK && names && !(*names = nvrtc_names_text(&in.nm))) st = CW_ERR_NOMEM;
  if (st == CW_OK && image_out) {
    *image_out = image;
    *image_n = n;
    image = NULL;
  }
  free(image);
  nvrtc_inputs_free(&in);
  return st;
}
