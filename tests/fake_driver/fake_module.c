/*
 * fake_module.c — the fake driver's module loading and linking: what the
 * CUDA backend hands cuModuleLoadData and cuLinkAddData is written to
 * FAKE_CUDA_LOG (one line a call: the call, the image's kind — an ELF
 * cubin, PTX text with its .target, or the linker's own output — and
 * whether it was taken), and images are refused on request, as a driver
 * older than the toolkit that made them refuses them:
 *   FAKE_CUDA_REFUSE=cubin,ptx  refuses the first cubin and the first PTX
 *                               (each entry one image of that kind),
 *   FAKE_CUDA_REFUSE=all        refuses every cubin and PTX.
 * A refused cubin is CUDA_ERROR_NO_BINARY_FOR_GPU (209), refused PTX
 * CUDA_ERROR_UNSUPPORTED_PTX_VERSION (222).  Nothing is compiled or run:
 * modules and functions are tokens.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int refuse_cubins, refuse_ptx; /* how many more to refuse; -1: all */
static int env_read;

/* what the linker "produces": cuModuleLoadData knows it again */
static const char linked_image[] = "\x7f" "ELF fake linked module";
static int fake_module;

static void read_env(void) {
  if (env_read) return;
  env_read = 1;
  const char *e = getenv("FAKE_CUDA_REFUSE");
  char *copy = e ? strdup(e) : NULL, *save = NULL;
  for (char *t = copy ? strtok_r(copy, ",", &save) : NULL; t; t = strtok_r(NULL, ",", &save)) {
    if (!strcmp(t, "all")) refuse_cubins = refuse_ptx = -1;
    else if (!strcmp(t, "cubin") && refuse_cubins >= 0) refuse_cubins++;
    else if (!strcmp(t, "ptx") && refuse_ptx >= 0) refuse_ptx++;
  }
  free(copy);
}

/* "cubin", "ptx compute_80", "linked" or "unknown" into out */
static void describe(const void *image, char *out, size_t n) {
  const char *s = image;
  if (image == linked_image) snprintf(out, n, "linked");
  else if (!memcmp(s, "\x7f" "ELF", 4)) snprintf(out, n, "cubin");
  else if (strstr(s, ".version") && strstr(s, ".target")) {
    const char *t = strstr(s, ".target") + 7;
    while (*t == ' ' || *t == '\t') t++;
    int k = 0;
    char target[32];
    while (k < 31 && t[k] && t[k] != '\n' && t[k] != ' ' && t[k] != ',') target[k] = t[k], k++;
    target[k] = 0;
    snprintf(out, n, "ptx %s", !strncmp(target, "sm_", 3) ? target + 3 : target);
  } else snprintf(out, n, "unknown");
}

/* 0, or the error the image is refused with; logs the call */
static int take(const char *call, const void *image, int type) {
  char kind[64];
  describe(image, kind, sizeof kind);
  pthread_mutex_lock(&lock);
  read_env();
  int r = 0;
  if (!strncmp(kind, "cubin", 5) && refuse_cubins) {
    r = 209;
    if (refuse_cubins > 0) refuse_cubins--;
  } else if (!strncmp(kind, "ptx", 3) && refuse_ptx) {
    r = 222;
    if (refuse_ptx > 0) refuse_ptx--;
  }
  const char *path = getenv("FAKE_CUDA_LOG");
  FILE *f = path && *path ? fopen(path, "a") : NULL;
  if (f) {
    if (type >= 0) fprintf(f, "%s type=%d %s %s\n", call, type, kind, r ? "refused" : "taken");
    else fprintf(f, "%s %s %s\n", call, kind, r ? "refused" : "taken");
    fclose(f);
  }
  pthread_mutex_unlock(&lock);
  return r;
}

int cuModuleLoadData(void **mod, const void *image) {
  int r = take("cuModuleLoadData", image, -1);
  if (r == 0) *mod = &fake_module;
  return r;
}

static int fake_link_state;
int cuLinkCreate(unsigned n, int *keys, void **vals, void **state) {
  (void)n, (void)keys, (void)vals;
  *state = &fake_link_state;
  return 0;
}

int cuLinkAddData(void *state, int type, void *data, size_t size, const char *name, unsigned n,
                  int *keys, void **vals) {
  (void)state, (void)size, (void)name, (void)n, (void)keys, (void)vals;
  return take("cuLinkAddData", data, type);
}

int cuLinkComplete(void *state, void **out, size_t *size) {
  (void)state;
  *out = (void *)linked_image;
  *size = sizeof linked_image;
  return 0;
}

int cuGetErrorName(int r, const char **name) {
  *name = r == 209 ? "CUDA_ERROR_NO_BINARY_FOR_GPU"
        : r == 222 ? "CUDA_ERROR_UNSUPPORTED_PTX_VERSION" : "CUDA_ERROR";
  return 0;
}

int cuGetErrorString(int r, const char **msg) {
  *msg = r == 209 ? "no kernel image is available for execution on the device"
       : r == 222 ? "the provided PTX was compiled with an unsupported toolchain." : "fake error";
  return 0;
}

/* NVRTC, loaded into a process that holds libcuda.so.1, asks it for its
 * private tables and fails when there is no such entry point; the fake
 * has none to give (CUDA_ERROR_NOT_FOUND), which NVRTC accepts. */
int cuGetExportTable(const void **table, const void *id) {
  (void)id;
  *table = NULL;
  return 500;
}
