/*
 * vk_cache.c — what the Vulkan backend keeps on disk between runs, under
 * $XDG_CACHE_HOME/cuwasm/vulkan (else ~/.cache/cuwasm/vulkan):
 *   <hash>.spv      SPIR-V of a shader, keyed by a hash of its GLSL text, so
 *                   glslang runs once per distinct kernel;
 *   <vendor>-<device>-<uuid>.pcache  the driver's VkPipelineCache blob.
 * CUWASM_NO_CACHE=1 disables both.  A cache that cannot be written is
 * not an error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../base/base.h"
#include "vk_internal.h"

#ifdef CW_HAVE_VULKAN

static bool cache_off(void) {
  const char *v = getenv("CUWASM_NO_CACHE");
  return v && *v && strcmp(v, "0");
}

static void cache_dir(char *out, size_t n) {
  const char *x = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
  if (x && *x) snprintf(out, n, "%s/cuwasm/vulkan", x);
  else snprintf(out, n, "%s/.cache/cuwasm/vulkan", home && *home ? home : "/tmp");
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



static uint64_t fnv(const char *s) {
  uint64_t h = 1469598103934665603ull;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 1099511628211ull;
  return h;
}

/* SPIR-V for a shader: from the cache, else compiled and cached */
static bool spirv_for(const char *glsl, unsigned char **spv, size_t *n, char *err, size_t errn) {
  char dir[1024], path[1100];
  cache_dir(dir, sizeof dir);
  snprintf(path, sizeof path, "%s/%016llx%08x.spv", dir, (unsigned long long)fnv(glsl),
           (unsigned)strlen(glsl));
  if (!cache_off() && (*spv = (unsigned char *)cw_read_file(path, n)) && *n > 0 && *n % 4 == 0) return true;
  free(*spv);
  if (!glsl_to_spirv(glsl, spv, n, err, errn)) return false;
  if (!cache_off()) {
    mkdirs(dir);
    (void)cw_write_file_atomic(path, *spv, *n);
  }
  return true;
}

/* the shader text for this device: fma made exact where the driver splits it */
static char *device_glsl(VkDev *d, const char *glsl) {
  const char *nl = strchr(glsl, '\n');
  size_t n = strlen(glsl) + 64;
  char *out = malloc(n);
  if (!out) return NULL;
  if (d->caps.split_fma && nl && strstr(glsl, "cw_fma"))
    snprintf(out, n, "%.*s\n#define CW_EXACT_FMA 1\n%s", (int)(nl - glsl), glsl, nl + 1);
  else
    snprintf(out, n, "%s", glsl);
  return out;
}

/* a capability the module declares that the device lacks (the emitter
 * avoids or reports what it knows of; this catches the rest, e.g. a
 * built-in function computed in 64-bit integers): NULL if none */
static const char *missing_capability(const VkCaps *c, const uint32_t *w, size_t nwords) {
  for (size_t i = 5; i < nwords;) {
    uint32_t len = w[i] >> 16, op = w[i] & 0xffff;
    if (len == 0) break;
    if (op == 17 && len == 2) { /* OpCapability */
      switch (w[i + 1]) {
      case 9: if (!c->f16) return "Float16 (device feature shaderFloat16)"; break;
      case 10: if (!c->f64) return "Float64 (device feature shaderFloat64)"; break;
      case 11: if (!c->i64) return "Int64 (device feature shaderInt64)"; break;
      case 12: if (!c->atomic64) return "Int64Atomics (device feature shaderBufferInt64Atomics)"; break;
      case 6033: if (!c->fadd32) return "AtomicFloat32AddEXT (device feature shaderBufferFloat32AtomicAdd)"; break;
      case 6034: if (!c->fadd64) return "AtomicFloat64AddEXT (device feature shaderBufferFloat64AtomicAdd)"; break;
      case 22: if (!c->i16) return "Int16 (device feature shaderInt16)"; break;
      case 39: if (!c->i8) return "Int8 (device feature shaderInt8)"; break;
      case 4433: if (!c->i16 && !c->f16) return "StorageBuffer16BitAccess (device feature storageBuffer16BitAccess)"; break;
      case 4448: if (!c->i8) return "StorageBuffer8BitAccess (device feature storageBuffer8BitAccess)"; break;
      default: break;
      }
    } else if (op != 11 && op != 14 && op != 15 && op != 16 && op != 17) {
      break; /* capabilities come first: past them, stop */
    }
    i += len;
  }
  return NULL;
}

cw_status vk_shader(VkDev *d, VkKernel *k, char *err, size_t errn) {
  if (k->shader) return CW_OK;
  unsigned char *spv = NULL;
  size_t n = 0;
  char *text = device_glsl(d, k->glsl);
  if (!text) return CW_ERR_NOMEM;
  bool ok = spirv_for(text, &spv, &n, err, errn);
  free(text);
  if (!ok) return CW_ERR_COMPILE;
  const char *lack = missing_capability(&d->caps, (const uint32_t *)(void *)spv, n / 4);
  if (lack) {
    snprintf(err, errn, "kernel '%s' cannot run on the Vulkan backend: its shader needs SPIR-V "
             "capability %s, which Vulkan device '%s' lacks (cudaErrorNotSupported)", k->name, lack,
             d->props.deviceName);
    free(spv);
    return CW_ERR_UNSUPPORTED;
  }
  VkShaderModuleCreateInfo ci = {.sType = VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO,
                                 .codeSize = n, .pCode = (const uint32_t *)(void *)spv};
  VkResult r = d->f.vkCreateShaderModule(d->dev, &ci, NULL, &k->shader);
  free(spv);
  if (r != VK_SUCCESS) {
    snprintf(err, errn, "vkCreateShaderModule failed for kernel '%s': %s", k->name, vk_result_name(r));
    return CW_ERR_COMPILE;
  }
  return CW_OK;
}

static void pcache_path(VkDev *d, char *out, size_t n) {
  char dir[1024];
  cache_dir(dir, sizeof dir);
  char uuid[2 * VK_UUID_SIZE + 1];
  for (unsigned i = 0; i < VK_UUID_SIZE; i++) snprintf(uuid + 2 * i, 3, "%02x", d->props.pipelineCacheUUID[i]);
  snprintf(out, n, "%s/%04x-%04x-%s.pcache", dir, d->props.vendorID, d->props.deviceID, uuid);
}

void vk_cache_load(VkDev *d) {
  char path[1200];
  pcache_path(d, path, sizeof path);
  size_t n = 0;
  unsigned char *blob = cache_off() ? NULL : (unsigned char *)cw_read_file(path, &n);
  VkPipelineCacheCreateInfo ci = {.sType = VK_STRUCTURE_TYPE_PIPELINE_CACHE_CREATE_INFO,
                                  .initialDataSize = n, .pInitialData = blob};
  if (d->f.vkCreatePipelineCache(d->dev, &ci, NULL, &d->pcache) != VK_SUCCESS) {
    ci.initialDataSize = 0, ci.pInitialData = NULL; /* a stale blob: start empty */
    if (d->f.vkCreatePipelineCache(d->dev, &ci, NULL, &d->pcache) != VK_SUCCESS) d->pcache = VK_NULL_HANDLE;
  }
  free(blob);
}

void vk_cache_save(VkDev *d) {
  if (!d->pcache || cache_off()) return;
  size_t n = 0;
  if (d->f.vkGetPipelineCacheData(d->dev, d->pcache, &n, NULL) != VK_SUCCESS || !n) return;
  void *blob = malloc(n);
  if (blob && d->f.vkGetPipelineCacheData(d->dev, d->pcache, &n, blob) == VK_SUCCESS) {
    char dir[1024], path[1200];
    cache_dir(dir, sizeof dir);
    mkdirs(dir);
    pcache_path(d, path, sizeof path);
    (void)cw_write_file_atomic(path, blob, n);
  }
  free(blob);
}

#endif
