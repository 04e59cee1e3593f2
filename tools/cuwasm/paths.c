/*
 * paths.c — where the running cuwasm finds what it ships with.
 *
 * Two layouts.  Installed (`cmake --install`, the Debian package): the
 * binary is PREFIX/bin/cuwasm, the library PREFIX/lib/libcuwasm.a, the
 * CUDA-compatible headers PREFIX/share/cuwasm/include/cuda and the host
 * glue header PREFIX/share/cuwasm/host_glue.h.  Build tree: the binary and
 * libcuwasm.a sit in the build folder and the rest in the source tree the
 * build was configured from.  The layout is decided by looking for the
 * installed headers next to the binary, so an installed tree can be moved
 * anywhere.  CUWASM_INCLUDE_DIR and CUWASM_LIB_DIR (the folder holding
 * libcudart_static.a) override.
 *
 * The runtime also answers to CUDA's library names (LIBDIR/cuwasm/
 * libcudart_static.a, libcudadevrt.a, libnvToolsExt.a, libcurand.a,
 * libcurand_static.a, libcuda.a (the driver API, src/compat/driver_api.c)
 * and libcudart.so, links to libcuwasm; the device
 * runtime has nothing of its own), so a build
 * that links with `-lcudart` — CMake's CUDA language among them, which
 * reads the name from `-v` — gets our runtime; they sit in a folder of
 * their own so that a real CUDA toolkit's libraries are never shadowed.
 */
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cc_internal.h"

/* Folder of the running binary, symlinks resolved (cuwasm-nvcc → cuwasm). */
static void self_dir(char *out, size_t n) {
  char buf[PATH_MAX];
  ssize_t k = readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (k <= 0) {
    snprintf(out, n, ".");
    return;
  }
  buf[k] = 0;
  snprintf(out, n, "%s", dirname(buf));
}

/* PREFIX of an installed cuwasm, or false in a build tree. */
static bool installed_prefix(char *out, size_t n) {
  char dir[PATH_MAX], probe[PATH_MAX + 64];
  self_dir(dir, sizeof dir);
  snprintf(probe, sizeof probe, "%s/../share/cuwasm/include/cuda/cuda_runtime.h", dir);
  if (access(probe, R_OK) != 0) return false;
  snprintf(out, n, "%s/..", dir);
  return true;
}

#ifndef CUWASM_INSTALL_LIBDIR
#define CUWASM_INSTALL_LIBDIR "lib"
#endif

void cc_path(CcPath which, char *out, size_t n) {
  const char *env = getenv(which == CC_PATH_CUDART_DIR ? "CUWASM_LIB_DIR" : "CUWASM_INCLUDE_DIR");
  char prefix[PATH_MAX], raw[PATH_MAX + 64];
  bool inst = installed_prefix(prefix, sizeof prefix);
  switch (which) {
  case CC_PATH_CUDA_INCLUDE:
    if (env && *env) snprintf(raw, sizeof raw, "%s", env);
    else if (inst) snprintf(raw, sizeof raw, "%s/share/cuwasm/include/cuda", prefix);
    else snprintf(raw, sizeof raw, "%s", CUWASM_SOURCE_DIR "/include/cuda");
    break;
  case CC_PATH_HOST_GLUE:
    if (inst) snprintf(raw, sizeof raw, "%s/share/cuwasm/host_glue.h", prefix);
    else snprintf(raw, sizeof raw, "%s", CUWASM_SOURCE_DIR "/src/compat/host_glue.h");
    break;
  case CC_PATH_CUDART_DIR: /* libcudart_static.a, libcudart.so: our runtime */
    if (env && *env) snprintf(raw, sizeof raw, "%s", env);
    else if (inst) snprintf(raw, sizeof raw, "%s/" CUWASM_INSTALL_LIBDIR "/cuwasm", prefix);
    else {
      self_dir(raw, sizeof raw);
      strncat(raw, "/cudart", sizeof raw - strlen(raw) - 1);
    }
    break;
  }
  if (!realpath(raw, out)) snprintf(out, n, "%s", raw);
}

/* -lNAME that is the cuwasm runtime under a CUDA library's name: `cuwasm
 * cc` links the runtime anyway and drops these, so that a -L to a real
 * toolkit's lib64 never brings in NVIDIA's library instead */
bool cc_is_runtime_lib(const char *name) {
  static const char *const names[] = {"cudart", "cudart_static", "cudadevrt", "nvToolsExt",
                                      "curand", "curand_static", "cuda"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (!strcmp(name, names[i])) return true;
  return false;
}
