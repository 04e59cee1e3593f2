/*
 * vk_loader.c — the Vulkan loader, opened at run time.
 *
 * libvulkan.so.1 is dlopen'ed (CUWASM_VULKAN_LIB names another); only
 * vkGetInstanceProcAddr is looked up by symbol, everything else through
 * it, so any conforming loader works and a machine without one gets a
 * reason instead of a crash.
 */
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vk_internal.h"

#ifdef CW_HAVE_VULKAN

bool vk_load(VkFns *f, char *err, size_t errn) {
  memset(f, 0, sizeof *f);
  const char *env = getenv("CUWASM_VULKAN_LIB");
  const char *names[] = {env && *env ? env : "libvulkan.so.1", "libvulkan.so", NULL};
  for (int i = 0; names[i] && !f->lib; i++) f->lib = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
  if (!f->lib) {
    snprintf(err, errn, "%s not found (Vulkan loader; Debian: libvulkan1)", names[0]);
    return false;
  }
  *(void **)&f->gipa = dlsym(f->lib, "vkGetInstanceProcAddr");
  if (!f->gipa) {
    snprintf(err, errn, "the Vulkan loader has no vkGetInstanceProcAddr");
    vk_unload(f);
    return false;
  }
  f->vkCreateInstance = (PFN_vkCreateInstance)f->gipa(NULL, "vkCreateInstance");
  f->vkEnumerateInstanceVersion =
      (PFN_vkEnumerateInstanceVersion)f->gipa(NULL, "vkEnumerateInstanceVersion");
  f->vkEnumerateInstanceLayerProperties =
      (PFN_vkEnumerateInstanceLayerProperties)f->gipa(NULL, "vkEnumerateInstanceLayerProperties");
  if (!f->vkCreateInstance) {
    snprintf(err, errn, "the Vulkan loader has no vkCreateInstance");
    vk_unload(f);
    return false;
  }
  return true;
}

bool vk_load_instance(VkFns *f, VkInstance inst, char *err, size_t errn) {
#define VK_FN_LOAD(n)                                              \
  f->n = (PFN_##n)f->gipa(inst, #n);                               \
  if (!f->n) {                                                     \
    snprintf(err, errn, "the Vulkan loader has no %s", #n);        \
    return false;                                                  \
  }
  VK_FUNCS(VK_FN_LOAD)
#undef VK_FN_LOAD
  return true;
}

void vk_unload(VkFns *f) {
  if (f->lib) dlclose(f->lib);
  f->lib = NULL;
}

const char *vk_result_name(VkResult r) {
  switch (r) {
  case VK_SUCCESS: return "VK_SUCCESS";
  case VK_NOT_READY: return "VK_NOT_READY";
  case VK_TIMEOUT: return "VK_TIMEOUT";
  case VK_ERROR_OUT_OF_HOST_MEMORY: return "VK_ERROR_OUT_OF_HOST_MEMORY";
  case VK_ERROR_OUT_OF_DEVICE_MEMORY: return "VK_ERROR_OUT_OF_DEVICE_MEMORY";
  case VK_ERROR_INITIALIZATION_FAILED: return "VK_ERROR_INITIALIZATION_FAILED";
  case VK_ERROR_DEVICE_LOST: return "VK_ERROR_DEVICE_LOST";
  case VK_ERROR_LAYER_NOT_PRESENT: return "VK_ERROR_LAYER_NOT_PRESENT";
  case VK_ERROR_EXTENSION_NOT_PRESENT: return "VK_ERROR_EXTENSION_NOT_PRESENT";
  case VK_ERROR_FEATURE_NOT_PRESENT: return "VK_ERROR_FEATURE_NOT_PRESENT";
  case VK_ERROR_INCOMPATIBLE_DRIVER: return "VK_ERROR_INCOMPATIBLE_DRIVER";
  case VK_ERROR_TOO_MANY_OBJECTS: return "VK_ERROR_TOO_MANY_OBJECTS";
  case VK_ERROR_INVALID_SHADER_NV: return "VK_ERROR_INVALID_SHADER_NV";
  default: return "VkResult error";
  }
}

#endif
