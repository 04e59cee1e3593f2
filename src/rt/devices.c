/*
 * devices.c — what backends exist on this machine and why not, for
 * `cuwasm devices` and backend selection.  Vendor libraries are only
 * probed with dlopen, so a missing driver is a reason, never a crash.
 */
#include "backend.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

static void probe_lib(cw_device_info *info, const char *backend,
                      const char *const *libs, const char *what) {
  memset(info, 0, sizeof *info);
  snprintf(info->backend, sizeof info->backend, "%s", backend);
  for (int i = 0; libs[i]; i++) {
    void *h = dlopen(libs[i], RTLD_LAZY | RTLD_LOCAL);
    if (h) {
      dlclose(h);
      snprintf(info->reason, sizeof info->reason,
               "%s found, but this build has no %s backend yet", libs[i], backend);
      return;
    }
  }
  snprintf(info->reason, sizeof info->reason, "%s not found (%s)", libs[0], what);
}

int cw_backend_list(cw_device_info *out, int max) {
  static const char *const hip[] = {"libamdhip64.so", "libamdhip64.so.6", NULL};
  int n = 0;
  if (n < max) cw_backend_cpu()->probe(&out[n++]);
  if (n < max) cw_backend_cuda()->probe(&out[n++]);
  if (n < max) probe_lib(&out[n++], "hip", hip, "AMD ROCm runtime");
  if (n < max) cw_backend_vulkan()->probe(&out[n++]);
  if (n < max) {
    memset(&out[n], 0, sizeof out[n]);
    snprintf(out[n].backend, sizeof out[n].backend, "webgpu");
    snprintf(out[n].reason, sizeof out[n].reason,
             "only in browsers and Node (web/ package)");
    n++;
  }
  return n;
}

int cw_backend_probe(const char *backend, cw_device_info *out) {
  const CwBackendOps *one = !strcmp(backend, "cpu")      ? cw_backend_cpu()
                            : !strcmp(backend, "cuda")   ? cw_backend_cuda()
                            : !strcmp(backend, "vulkan") ? cw_backend_vulkan()
                                                         : NULL;
  if (one) {
    one->probe(out);
    return 1;
  }
  cw_device_info all[8];
  int n = cw_backend_list(all, 8);
  for (int i = 0; i < n; i++)
    if (!strcmp(all[i].backend, backend)) {
      *out = all[i];
      return 1;
    }
  return 0;
}
