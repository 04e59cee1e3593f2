/*
 * vulkan.c — the Vulkan backend's table for the runtime core: CUDA kernels
 * as SPIR-V compute shaders (src/emit/glsl*.c) on any Vulkan 1.2 device
 * with buffer device addresses.  The files beside this one own the loader
 * (vk_loader.c), device choice (vk_device.c), memory (vk_memory.c),
 * modules (vk_module.c, vk_globals.c), on-disk caches (vk_cache.c) and
 * launches (vk_launch.c).  Launches are queued on the device (timeline
 * semaphore, vk_internal.h) and `sync` waits for them, so the core hands
 * operations over on the caller's thread; a build without the
 * Vulkan headers has a backend that only says so.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vk_internal.h"

#include <dirent.h>
#include <unistd.h>

#ifdef CW_HAVE_VULKAN

static void dev_free(VkDev *d) {
  if (d->dev) d->f.vkDeviceWaitIdle(d->dev); /* launches still queued */
  for (int i = 0; i < VK_RING; i++) vk_buffer_free(d, &d->ring[i].params);
  vk_buffer_free(d, &d->params);
  vk_buffer_free(d, &d->scratch);
  vk_buffer_free(d, &d->printf_buf);
  vk_buffer_free(d, &d->stage);
  free(d->out);
  for (int i = 0; i < d->nallocs; i++) vk_buffer_free(d, &d->allocs[i]);
  free(d->allocs);
  vk_device_close(d);
  vk_unload(&d->f);
  pthread_mutex_destroy(&d->mu);
  pthread_mutex_destroy(&d->run_mu);
  free(d);
}

static cw_status dev_new(VkDev **out, bool full, char *err, size_t errn) {
  VkDev *d = calloc(1, sizeof *d);
  if (!d) return CW_ERR_NOMEM;
  pthread_mutex_init(&d->mu, NULL);
  pthread_mutex_init(&d->run_mu, NULL);
  if (!vk_load(&d->f, err, errn)) {
    dev_free(d);
    return CW_ERR_UNAVAILABLE;
  }
  cw_status st = vk_instance(&d->f, &d->inst, err, errn);
  if (st == CW_OK) st = vk_pick(d, err, errn);
  if (st == CW_OK && full) st = vk_device_open(d, err, errn);
  if (st != CW_OK) {
    dev_free(d);
    return st;
  }
  *out = d;
  return CW_OK;
}

static bool vk_probe(cw_device_info *info) {
  memset(info, 0, sizeof *info);
  snprintf(info->backend, sizeof info->backend, "vulkan");
  VkDev *d = NULL;
  if (dev_new(&d, false, info->reason, sizeof info->reason) != CW_OK) return false;
  vk_describe(d, info);
  info->available = 1;
  dev_free(d);
  return true;
}

static cw_status vk_open(void **out, char *err, size_t errn) {
  VkDev *d = NULL;
  cw_status st = dev_new(&d, true, err, errn);
  if (st == CW_OK) *out = d;
  return st;
}

static void vk_close(void *dev) { dev_free(dev); }

static cw_status vk_module_load_c(void *dev, const char *c, void **mod, char *err, size_t errn) {
  (void)dev, (void)c, (void)mod;
  snprintf(err, errn, "the Vulkan backend translates KIR, not generated C");
  return CW_ERR_UNSUPPORTED;
}

const CwBackendOps *cw_backend_vulkan(void) {
  static const CwBackendOps ops = {
      .name = "vulkan",
      .probe = vk_probe,
      .open = vk_open,
      .close = vk_close,
      .mem_alloc = vk_mem_alloc,
      .mem_free = vk_mem_free,
      .mem_alloc_kind = vk_mem_alloc_kind,
      .mem_free_kind = vk_mem_free_kind,
      .copy = vk_copy,
      .fill = vk_fill,
      .module_load = vk_module_load_c,
      .module_load_program = vk_module_load_program,
      .module_unload = vk_module_unload,
      .kernel_find = vk_kernel_find,
      .symbol_find = vk_symbol_find,
      .launch = vk_launch,
      .sync = vk_sync,
      .event_new = vk_event_new,
      .event_free = vk_event_free,
      .event_record = vk_event_record,
      .event_sync = vk_event_sync,
      .event_elapsed = vk_event_elapsed,
      .take_output = vk_take_output,
  };
  return &ops;
}

/* Asked at every automatic backend choice; creating an instance costs
 * ~0.1 s on some drivers, so the answer is found once per process (the
 * devices present do not change under a running program). */
static pthread_once_t hw_once = PTHREAD_ONCE_INIT;
static bool hw_found;

/* True when this machine shows no GPU at all: no DRM render node and no
 * NVIDIA device file (Linux).  Then only a CPU implementation (lavapipe,
 * SwiftShader) could answer, and no instance is created: that spares
 * every program on such machines the drivers' start-up (and their leaks,
 * which LeakSanitizer reports).  With VK_ICD_FILENAMES / VK_DRIVER_FILES
 * set, the loader decides: probe. */
static bool no_gpu_device_files(void) {
#ifdef __linux__
  if (getenv("VK_ICD_FILENAMES") || getenv("VK_DRIVER_FILES")) return false;
  if (access("/dev/nvidia0", F_OK) == 0 || access("/dev/dxg", F_OK) == 0) return false;
  DIR *dir = opendir("/dev/dri");
  if (!dir) return true;
  struct dirent *e;
  bool render = false;
  while ((e = readdir(dir)) && !render) render = !strncmp(e->d_name, "renderD", 7);
  closedir(dir);
  return !render;
#else
  return false;
#endif
}

static void find_hardware(void) {
  VkDev *d = NULL;
  char err[256];
  if (no_gpu_device_files()) return;
  if (dev_new(&d, false, err, sizeof err) != CW_OK) return;
  hw_found = d->props.deviceType != VK_PHYSICAL_DEVICE_TYPE_CPU;
  dev_free(d);
}

bool cw_vulkan_is_hardware(void) {
  pthread_once(&hw_once, find_hardware);
  return hw_found;
}

#else /* built without the Vulkan headers */

static bool vk_probe(cw_device_info *info) {
  memset(info, 0, sizeof *info);
  snprintf(info->backend, sizeof info->backend, "vulkan");
  snprintf(info->reason, sizeof info->reason,
           "this build had no Vulkan headers (Debian: libvulkan-dev)");
  return false;
}

static cw_status vk_open(void **out, char *err, size_t errn) {
  (void)out;
  snprintf(err, errn, "this build had no Vulkan headers (Debian: libvulkan-dev)");
  return CW_ERR_UNAVAILABLE;
}

const CwBackendOps *cw_backend_vulkan(void) {
  static const CwBackendOps ops = {.name = "vulkan", .probe = vk_probe, .open = vk_open};
  return &ops;
}

bool cw_vulkan_is_hardware(void) { return false; }

#endif
