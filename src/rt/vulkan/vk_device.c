/*
 * vk_device.c — instance, physical device choice, logical device.
 *
 * Device choice: CUWASM_VULKAN_DEVICE (an index, or part of a device's
 * name) wins; otherwise a discrete GPU, then an integrated one, then a
 * virtual one, then a CPU implementation (lavapipe, SwiftShader).  The
 * device must offer Vulkan 1.2 with bufferDeviceAddress, scalarBlockLayout
 * and timeline semaphores, which the generated shaders and the launch
 * queue stand on; without shaderInt64 shaders hold addresses as uvec2
 * pairs (src/emit/glsl_addr.c).  The optional
 * features kernels may need (Float64, Int8/16, Float16, 64-bit atomics,
 * subgroup size control) are enabled when present and recorded in caps,
 * so a kernel that needs a missing one is refused by name at launch.
 * CUWASM_VULKAN_VALIDATE=1 turns on VK_LAYER_KHRONOS_validation.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vk_internal.h"

#ifdef CW_HAVE_VULKAN

#define VKCHECK(call, what)                                                           \
  do {                                                                                \
    VkResult r_ = (call);                                                             \
    if (r_ != VK_SUCCESS) {                                                           \
      snprintf(err, errn, "%s failed: %s", what, vk_result_name(r_));                 \
      return r_ == VK_ERROR_OUT_OF_DEVICE_MEMORY || r_ == VK_ERROR_OUT_OF_HOST_MEMORY \
                 ? CW_ERR_NOMEM                                                       \
                 : CW_ERR_UNAVAILABLE;                                                \
    }                                                                                 \
  } while (0)

static bool want_validation(VkFns *f) {
  const char *v = getenv("CUWASM_VULKAN_VALIDATE");
  if (!v || !*v || !strcmp(v, "0") || !f->vkEnumerateInstanceLayerProperties) return false;
  uint32_t n = 0;
  f->vkEnumerateInstanceLayerProperties(&n, NULL);
  VkLayerProperties *l = calloc(n ? n : 1, sizeof *l);
  bool found = false;
  if (l && f->vkEnumerateInstanceLayerProperties(&n, l) == VK_SUCCESS)
    for (uint32_t i = 0; i < n; i++)
      if (!strcmp(l[i].layerName, "VK_LAYER_KHRONOS_validation")) found = true;
  free(l);
  return found;
}

cw_status vk_instance(VkFns *f, VkInstance *inst, char *err, size_t errn) {
  uint32_t ver = VK_API_VERSION_1_0;
  if (f->vkEnumerateInstanceVersion) f->vkEnumerateInstanceVersion(&ver);
  if (ver < VK_API_VERSION_1_2) {
    snprintf(err, errn, "the Vulkan loader offers version %u.%u; 1.2 is needed",
             VK_API_VERSION_MAJOR(ver), VK_API_VERSION_MINOR(ver));
    return CW_ERR_UNAVAILABLE;
  }
  VkApplicationInfo app = {.sType = VK_STRUCTURE_TYPE_APPLICATION_INFO,
                           .pApplicationName = "cuwasm", .pEngineName = "cuwasm",
                           .apiVersion = ver >= VK_API_VERSION_1_3 ? VK_API_VERSION_1_3
                                                                   : VK_API_VERSION_1_2};
  const char *layers[] = {"VK_LAYER_KHRONOS_validation"};
  VkInstanceCreateInfo ci = {.sType = VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO,
                             .pApplicationInfo = &app};
  if (want_validation(f)) ci.enabledLayerCount = 1, ci.ppEnabledLayerNames = layers;
  VKCHECK(f->vkCreateInstance(&ci, NULL, inst), "vkCreateInstance");
  char why[160];
  if (!vk_load_instance(f, *inst, why, sizeof why)) {
    snprintf(err, errn, "%s", why);
    return CW_ERR_UNAVAILABLE;
  }
  return CW_OK;
}

static int type_rank(VkPhysicalDeviceType t) {
  switch (t) {
  case VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU: return 0;
  case VK_PHYSICAL_DEVICE_TYPE_INTEGRATED_GPU: return 1;
  case VK_PHYSICAL_DEVICE_TYPE_VIRTUAL_GPU: return 2;
  case VK_PHYSICAL_DEVICE_TYPE_CPU: return 3;
  default: return 4;
  }
}

static bool has_extension(VkDev *d, VkPhysicalDevice pd, const char *name) {
  uint32_t n = 0;
  if (d->f.vkEnumerateDeviceExtensionProperties(pd, NULL, &n, NULL) != VK_SUCCESS || !n) return false;
  VkExtensionProperties *e = calloc(n, sizeof *e);
  bool found = false;
  if (e && d->f.vkEnumerateDeviceExtensionProperties(pd, NULL, &n, e) == VK_SUCCESS)
    for (uint32_t i = 0; i < n && !found; i++) found = !strcmp(e[i].extensionName, name);
  free(e);
  return found;
}

/* CUWASM_VULKAN_FLOAT_ATOMICS=0: float atomicAdd as a CAS loop even where
 * the device adds floats itself (to compare the two) */
static bool env_says_no_fadd(void) {
  const char *e = getenv("CUWASM_VULKAN_FLOAT_ATOMICS");
  return e && !strcmp(e, "0");
}

/* what the device can do, through the 1.1/1.2/1.3 property and feature structs */
static bool query(VkDev *d, VkPhysicalDevice pd, char *why, size_t whyn) {
  VkFns *f = &d->f;
  f->vkGetPhysicalDeviceProperties(pd, &d->props);
  VkPhysicalDeviceSubgroupSizeControlProperties sc = {
      .sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SUBGROUP_SIZE_CONTROL_PROPERTIES};
  VkPhysicalDeviceDriverProperties drv = {.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_DRIVER_PROPERTIES};
  VkPhysicalDeviceSubgroupProperties sub = {.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SUBGROUP_PROPERTIES,
                                            .pNext = &drv};
  bool v13 = d->props.apiVersion >= VK_API_VERSION_1_3;
  if (v13) drv.pNext = &sc;
  VkPhysicalDeviceProperties2 p2 = {.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_PROPERTIES_2, .pNext = &sub};
  f->vkGetPhysicalDeviceProperties2(pd, &p2);
  snprintf(d->driver, sizeof d->driver, "%s", drv.driverName);
  VkPhysicalDeviceVulkan13Features f13 = {.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_3_FEATURES};
  VkPhysicalDeviceVulkan12Features f12 = {.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_2_FEATURES,
                                          .pNext = v13 ? &f13 : NULL};
  VkPhysicalDeviceVulkan11Features f11 = {.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_1_FEATURES,
                                          .pNext = &f12};
  VkPhysicalDeviceFeatures2 f2 = {.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2, .pNext = &f11};
  if (d->props.apiVersion < VK_API_VERSION_1_2) {
    snprintf(why, whyn, "%s offers Vulkan %u.%u; 1.2 is needed", d->props.deviceName,
             VK_API_VERSION_MAJOR(d->props.apiVersion), VK_API_VERSION_MINOR(d->props.apiVersion));
    return false;
  }
  bool has_fadd = has_extension(d, pd, VK_EXT_SHADER_ATOMIC_FLOAT_EXTENSION_NAME);
  VkPhysicalDeviceShaderAtomicFloatFeaturesEXT fadd = {
      .sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SHADER_ATOMIC_FLOAT_FEATURES_EXT};
  if (has_fadd) fadd.pNext = f2.pNext, f2.pNext = &fadd;
  f->vkGetPhysicalDeviceFeatures2(pd, &f2);
  if (!f12.bufferDeviceAddress || !f12.scalarBlockLayout || !f12.timelineSemaphore) {
    snprintf(why, whyn, "%s lacks %s", d->props.deviceName,
             !f12.bufferDeviceAddress ? "bufferDeviceAddress"
             : !f12.scalarBlockLayout ? "scalarBlockLayout" : "timelineSemaphore");
    return false;
  }
  VkCaps *c = &d->caps;
  c->f64 = f2.features.shaderFloat64;
  c->i64 = f2.features.shaderInt64; /* without it, shaders hold addresses as uvec2 pairs */
  c->i16 = f2.features.shaderInt16 && f11.storageBuffer16BitAccess;
  c->f16 = f12.shaderFloat16 && f11.storageBuffer16BitAccess;
  c->i8 = f12.shaderInt8 && f12.storageBuffer8BitAccess;
  c->atomic64 = f12.shaderBufferInt64Atomics;
  /* hardware float adds: a CAS loop on one hot word costs a whole round of
   * every contending thread per add (minutes for 8M adds on an H200) */
  c->fadd32 = has_fadd && fadd.shaderBufferFloat32AtomicAdd && !env_says_no_fadd();
  c->fadd64 = has_fadd && fadd.shaderBufferFloat64AtomicAdd && c->f64 && !env_says_no_fadd();
  c->sub_ext = f12.shaderSubgroupExtendedTypes;
  c->split_fma = drv.driverID == VK_DRIVER_ID_MESA_LLVMPIPE || drv.driverID == VK_DRIVER_ID_GOOGLE_SWIFTSHADER;
  c->subgroup = sub.subgroupSize;
  c->sub_min = c->sub_max = sub.subgroupSize;
  if (v13 && f13.subgroupSizeControl && (sc.requiredSubgroupSizeStages & VK_SHADER_STAGE_COMPUTE_BIT)) {
    c->size_control = true;
    c->sub_min = sc.minSubgroupSize, c->sub_max = sc.maxSubgroupSize;
    c->full_subgroups = f13.computeFullSubgroups;
  }
  return true;
}

static bool name_matches(const char *want, uint32_t i, const char *name) {
  char *end;
  long idx = strtol(want, &end, 10);
  if (*want && !*end) return idx == (long)i;
  return strstr(name, want) != NULL;
}

cw_status vk_pick(VkDev *d, char *err, size_t errn) {
  uint32_t n = 0;
  d->f.vkEnumeratePhysicalDevices(d->inst, &n, NULL);
  if (!n) {
    snprintf(err, errn, "no Vulkan device (is a driver such as mesa-vulkan-drivers installed?)");
    return CW_ERR_UNAVAILABLE;
  }
  VkPhysicalDevice *pds = calloc(n, sizeof *pds);
  if (!pds) return CW_ERR_NOMEM;
  d->f.vkEnumeratePhysicalDevices(d->inst, &n, pds);
  const char *want = getenv("CUWASM_VULKAN_DEVICE");
  int best = -1, best_rank = 99;
  char why[256] = "";
  for (uint32_t i = 0; i < n; i++) {
    VkPhysicalDeviceProperties p;
    d->f.vkGetPhysicalDeviceProperties(pds[i], &p);
    if (want && *want && !name_matches(want, i, p.deviceName)) continue;
    int r = type_rank(p.deviceType);
    if (r < best_rank && query(d, pds[i], why, sizeof why)) best = (int)i, best_rank = r;
  }
  if (best >= 0) {
    d->pd = pds[best];
    query(d, d->pd, why, sizeof why);
  }
  free(pds);
  if (best < 0) {
    if (want && *want && !why[0]) snprintf(why, sizeof why, "no Vulkan device matches CUWASM_VULKAN_DEVICE=%s", want);
    snprintf(err, errn, "%s", why);
    return CW_ERR_UNAVAILABLE;
  }
  return CW_OK;
}

/* Buffers go in host-visible coherent memory when the device has such
 * memory that is also device-local in a heap of useful size (integrated
 * GPUs, CPU drivers), else in device-local memory with staged copies.  A
 * discrete GPU always stages: its device-local host-visible memory is the
 * PCIe BAR (resizable BAR makes it all of the GPU's memory), which the
 * host reads uncached: an H200 read results back through it at 0.03 GB/s
 * (docs/gpu-runs.md).  CUWASM_VULKAN_STAGING=1 forces staging (to test it
 * on any device), =0 forbids it.  Parameters, printf records and staging
 * use plain host-visible memory. */
static bool pick_memory(VkDev *d) {
  VkPhysicalDeviceMemoryProperties mp;
  d->f.vkGetPhysicalDeviceMemoryProperties(d->pd, &mp);
  VkMemoryPropertyFlags host = VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT;
  int plain = -1, local_host = -1, local = -1;
  for (uint32_t i = 0; i < mp.memoryTypeCount; i++) {
    VkMemoryPropertyFlags fl = mp.memoryTypes[i].propertyFlags;
    VkDeviceSize heap = mp.memoryHeaps[mp.memoryTypes[i].heapIndex].size;
    bool is_local = fl & VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT;
    /* for staging, device-local memory the host cannot map (not the BAR) first */
    if (is_local && (local < 0 || (!(fl & VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT) &&
                                   (mp.memoryTypes[local].propertyFlags &
                                    VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT))))
      local = (int)i;
    if ((fl & host) != host) continue;
    if (plain < 0) plain = (int)i;
    if (local_host < 0 && is_local && heap >= (1ull << 30)) local_host = (int)i;
  }
  if (plain < 0) return false;
  const char *env = getenv("CUWASM_VULKAN_STAGING");
  bool force = env && *env && strcmp(env, "0"), forbid = env && !strcmp(env, "0");
  bool discrete = d->props.deviceType == VK_PHYSICAL_DEVICE_TYPE_DISCRETE_GPU;
  d->host_type = (uint32_t)plain;
  d->staging = local >= 0 && (local_host < 0 || discrete);
  if (force) d->staging = true;
  if (forbid && local_host >= 0) d->staging = false;
  d->mem_type = (uint32_t)(d->staging ? (local >= 0 ? local : plain) : local_host >= 0 ? local_host : plain);
  return true;
}

static cw_status create_device(VkDev *d, char *err, size_t errn) {
  VkCaps *c = &d->caps;
  bool v13 = d->props.apiVersion >= VK_API_VERSION_1_3;
  VkPhysicalDeviceVulkan13Features f13 = {.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_3_FEATURES,
                                          .subgroupSizeControl = c->size_control,
                                          .computeFullSubgroups = c->full_subgroups};
  VkPhysicalDeviceVulkan12Features f12 = {
      .sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_2_FEATURES, .pNext = v13 ? &f13 : NULL,
      .bufferDeviceAddress = VK_TRUE, .scalarBlockLayout = VK_TRUE,
      .storageBuffer8BitAccess = c->i8, .shaderInt8 = c->i8, .shaderFloat16 = c->f16,
      .shaderBufferInt64Atomics = c->atomic64, .shaderSubgroupExtendedTypes = c->sub_ext,
      .timelineSemaphore = VK_TRUE};
  VkPhysicalDeviceVulkan11Features f11 = {.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_VULKAN_1_1_FEATURES,
                                          .pNext = &f12,
                                          .storageBuffer16BitAccess = c->i16 || c->f16};
  VkPhysicalDeviceFeatures2 f2 = {.sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_FEATURES_2, .pNext = &f11};
  f2.features.shaderInt64 = c->i64;
  f2.features.shaderFloat64 = c->f64;
  f2.features.shaderInt16 = c->i16;
  uint32_t nq = 0;
  d->f.vkGetPhysicalDeviceQueueFamilyProperties(d->pd, &nq, NULL);
  VkQueueFamilyProperties qp[32];
  if (nq > 32) nq = 32;
  d->f.vkGetPhysicalDeviceQueueFamilyProperties(d->pd, &nq, qp);
  d->qfam = UINT32_MAX;
  for (uint32_t i = 0; i < nq && d->qfam == UINT32_MAX; i++)
    if (qp[i].queueFlags & VK_QUEUE_COMPUTE_BIT) d->qfam = i;
  if (d->qfam == UINT32_MAX) {
    snprintf(err, errn, "%s has no compute queue", d->props.deviceName);
    return CW_ERR_UNAVAILABLE;
  }
  float prio = 1.0f;
  VkDeviceQueueCreateInfo q = {.sType = VK_STRUCTURE_TYPE_DEVICE_QUEUE_CREATE_INFO,
                               .queueFamilyIndex = d->qfam, .queueCount = 1, .pQueuePriorities = &prio};
  VkDeviceCreateInfo ci = {.sType = VK_STRUCTURE_TYPE_DEVICE_CREATE_INFO, .pNext = &f2,
                           .queueCreateInfoCount = 1, .pQueueCreateInfos = &q};
  VkPhysicalDeviceShaderAtomicFloatFeaturesEXT fadd = {
      .sType = VK_STRUCTURE_TYPE_PHYSICAL_DEVICE_SHADER_ATOMIC_FLOAT_FEATURES_EXT,
      .shaderBufferFloat32AtomicAdd = c->fadd32, .shaderBufferFloat64AtomicAdd = c->fadd64};
  const char *exts[] = {VK_EXT_SHADER_ATOMIC_FLOAT_EXTENSION_NAME};
  if (c->fadd32 || c->fadd64) {
    fadd.pNext = f2.pNext, f2.pNext = &fadd;
    ci.enabledExtensionCount = 1, ci.ppEnabledExtensionNames = exts;
  }
  VKCHECK(d->f.vkCreateDevice(d->pd, &ci, NULL, &d->dev), "vkCreateDevice");
  d->f.vkGetDeviceQueue(d->dev, d->qfam, 0, &d->queue);
  return CW_OK;
}

/* the timestamp queries events take (none where the queue has no
 * timestamps: events then time what the host sees, vk_event.c) */
static void create_stamps(VkDev *d) {
  enum { STAMPS = 1024 };
  uint32_t nq = 0;
  d->f.vkGetPhysicalDeviceQueueFamilyProperties(d->pd, &nq, NULL);
  VkQueueFamilyProperties qp[32];
  if (nq > 32) nq = 32;
  d->f.vkGetPhysicalDeviceQueueFamilyProperties(d->pd, &nq, qp);
  if (d->qfam >= nq || !qp[d->qfam].timestampValidBits || !d->props.limits.timestampComputeAndGraphics)
    return;
  VkQueryPoolCreateInfo ci = {.sType = VK_STRUCTURE_TYPE_QUERY_POOL_CREATE_INFO,
                              .queryType = VK_QUERY_TYPE_TIMESTAMP, .queryCount = STAMPS};
  d->free_stamps = malloc(sizeof *d->free_stamps * STAMPS);
  if (!d->free_stamps || d->f.vkCreateQueryPool(d->dev, &ci, NULL, &d->stamps) != VK_SUCCESS) {
    free(d->free_stamps);
    d->free_stamps = NULL;
    d->stamps = VK_NULL_HANDLE;
    return;
  }
  for (uint32_t i = 0; i < STAMPS; i++) d->free_stamps[i] = STAMPS - 1 - i;
  d->nfree_stamps = STAMPS;
  d->stamp_ns = d->props.limits.timestampPeriod;
}

static cw_status create_objects(VkDev *d, char *err, size_t errn) {
  VkCommandPoolCreateInfo pci = {.sType = VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO,
                                 .flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT,
                                 .queueFamilyIndex = d->qfam};
  VKCHECK(d->f.vkCreateCommandPool(d->dev, &pci, NULL, &d->pool), "vkCreateCommandPool");
  VkCommandBufferAllocateInfo ai = {.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO,
                                    .commandPool = d->pool, .level = VK_COMMAND_BUFFER_LEVEL_PRIMARY,
                                    .commandBufferCount = 1};
  VKCHECK(d->f.vkAllocateCommandBuffers(d->dev, &ai, &d->cb), "vkAllocateCommandBuffers");
  VkFenceCreateInfo fci = {.sType = VK_STRUCTURE_TYPE_FENCE_CREATE_INFO};
  VKCHECK(d->f.vkCreateFence(d->dev, &fci, NULL, &d->fence), "vkCreateFence");
  for (int i = 0; i < VK_RING; i++)
    VKCHECK(d->f.vkAllocateCommandBuffers(d->dev, &ai, &d->ring[i].cb), "vkAllocateCommandBuffers");
  VkSemaphoreTypeCreateInfo tci = {.sType = VK_STRUCTURE_TYPE_SEMAPHORE_TYPE_CREATE_INFO,
                                   .semaphoreType = VK_SEMAPHORE_TYPE_TIMELINE, .initialValue = 0};
  VkSemaphoreCreateInfo sci = {.sType = VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO, .pNext = &tci};
  VKCHECK(d->f.vkCreateSemaphore(d->dev, &sci, NULL, &d->timeline), "vkCreateSemaphore");
  create_stamps(d);
  VkPushConstantRange pr = {.stageFlags = VK_SHADER_STAGE_COMPUTE_BIT, .size = sizeof(VkPush)};
  VkPipelineLayoutCreateInfo lci = {.sType = VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO,
                                    .pushConstantRangeCount = 1, .pPushConstantRanges = &pr};
  VKCHECK(d->f.vkCreatePipelineLayout(d->dev, &lci, NULL, &d->layout), "vkCreatePipelineLayout");
  return CW_OK;
}

void vk_cache_load(VkDev *d);
void vk_cache_save(VkDev *d);

cw_status vk_device_open(VkDev *d, char *err, size_t errn) {
  if (!pick_memory(d)) {
    snprintf(err, errn, "%s has no host-visible coherent memory", d->props.deviceName);
    return CW_ERR_UNAVAILABLE;
  }
  cw_status st = create_device(d, err, errn);
  if (st == CW_OK) st = create_objects(d, err, errn);
  if (st == CW_OK) vk_cache_load(d);
  return st;
}

void vk_device_close(VkDev *d) {
  if (d->dev) {
    d->f.vkDeviceWaitIdle(d->dev);
    vk_cache_save(d);
    if (d->pcache) d->f.vkDestroyPipelineCache(d->dev, d->pcache, NULL);
    if (d->layout) d->f.vkDestroyPipelineLayout(d->dev, d->layout, NULL);
    if (d->fence) d->f.vkDestroyFence(d->dev, d->fence, NULL);
    if (d->timeline) d->f.vkDestroySemaphore(d->dev, d->timeline, NULL);
    if (d->stamps) d->f.vkDestroyQueryPool(d->dev, d->stamps, NULL);
    free(d->free_stamps);
    if (d->pool) d->f.vkDestroyCommandPool(d->dev, d->pool, NULL);
    d->f.vkDestroyDevice(d->dev, NULL);
  }
  if (d->inst) d->f.vkDestroyInstance(d->inst, NULL);
}

void vk_describe(VkDev *d, cw_device_info *info) {
  static const char *const types[] = {"other", "integrated GPU", "discrete GPU", "virtual GPU", "CPU"};
  VkPhysicalDeviceType t = d->props.deviceType;
  snprintf(info->name, sizeof info->name, "%s (%s, %s, Vulkan %u.%u)", d->props.deviceName,
           t <= VK_PHYSICAL_DEVICE_TYPE_CPU ? types[t] : "?", d->driver,
           VK_API_VERSION_MAJOR(d->props.apiVersion), VK_API_VERSION_MINOR(d->props.apiVersion));
  VkCaps *c = &d->caps;
  /* what kernels cannot use there (no Int64: shaders hold addresses as pairs) */
  char lacks[64] = "";
  const struct { bool have; const char *what; } opt[] = {
      {c->i64, "Int64"}, {c->f64, "Float64"}, {c->f16, "Float16"}, {c->i16, "Int16"}, {c->i8, "Int8"}};
  for (size_t i = 0; i < sizeof opt / sizeof *opt; i++)
    if (!opt[i].have)
      snprintf(lacks + strlen(lacks), sizeof lacks - strlen(lacks), "%s%s", *lacks ? " " : "", opt[i].what);
  if (*lacks) {
    size_t n = strlen(info->name);
    if (n > 2 && info->name[n - 1] == ')')
      snprintf(info->name + n - 1, sizeof info->name - (n - 1), "; no %s)", lacks);
  }
  if (c->size_control)
    snprintf(info->simd, sizeof info->simd, "subgroup %u (%u-%u)", c->subgroup, c->sub_min, c->sub_max);
  else
    snprintf(info->simd, sizeof info->simd, "subgroup %u", c->subgroup);
  VkPhysicalDeviceMemoryProperties mp;
  d->f.vkGetPhysicalDeviceMemoryProperties(d->pd, &mp);
  uint64_t best = 0;
  for (uint32_t i = 0; i < mp.memoryHeapCount; i++)
    if ((mp.memoryHeaps[i].flags & VK_MEMORY_HEAP_DEVICE_LOCAL_BIT) && mp.memoryHeaps[i].size > best)
      best = mp.memoryHeaps[i].size;
  info->memory_bytes = best;
  info->cores = 0;
}

#endif
