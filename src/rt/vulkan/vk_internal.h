/*
 * vk_internal.h — what the Vulkan backend's files share.
 *
 * The Vulkan loader is opened with dlopen (never linked); the headers are
 * used only for types, with VK_NO_PROTOTYPES, and a build without them
 * still compiles, with a backend that says why it is unavailable.  Every
 * Vulkan function the backend calls is listed once in VK_FUNCS and loaded
 * through vkGetInstanceProcAddr.
 *
 * Memory: every cudaMalloc is one VkBuffer with its own device memory,
 * host-visible and coherent and mapped for its whole life; the CUDA
 * pointer handed out is the buffer's VkDeviceAddress, so pointers stored
 * in device memory, pointer arithmetic and casts in kernels are CUDA's.
 * Copies and fills find the allocation an address falls into (an address
 * in no allocation is host memory) and go through the mapping.
 *
 * Order: launches are submitted to the one queue without waiting, each
 * signalling the next value of a timeline semaphore (`submitted`) and
 * starting with a barrier on everything submitted before, so the device
 * keeps CUDA's stream order while the host goes on queueing.  Each
 * launch uses one slot of a small ring (command buffer, parameter block);
 * a slot is reused once the value it signalled is reached.  Copies,
 * fills, frees and synchronize first wait for everything submitted
 * (vk_drain), as do launches with printf or assert (their output is read
 * at once) and launches that must grow the shared scratch buffer.
 */
#ifndef CW_RT_VK_INTERNAL_H
#define CW_RT_VK_INTERNAL_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "emit/emit.h"
#include "rt/backend.h"

#if defined(__has_include)
#if __has_include(<vulkan/vulkan.h>)
#define VK_NO_PROTOTYPES
#include <vulkan/vulkan.h>
#define CW_HAVE_VULKAN 1
#endif
#endif

#ifdef CW_HAVE_VULKAN

#define VK_FUNCS(X)                                                                     \
  X(vkDestroyInstance) X(vkEnumeratePhysicalDevices) X(vkGetPhysicalDeviceProperties)   \
  X(vkGetPhysicalDeviceProperties2) X(vkGetPhysicalDeviceFeatures2)                     \
  X(vkEnumerateDeviceExtensionProperties)                                              \
  X(vkGetPhysicalDeviceQueueFamilyProperties) X(vkGetPhysicalDeviceMemoryProperties)    \
  X(vkCreateDevice) X(vkDestroyDevice) X(vkGetDeviceQueue) X(vkCreateCommandPool)       \
  X(vkDestroyCommandPool) X(vkAllocateCommandBuffers) X(vkCreateFence) X(vkDestroyFence) \
  X(vkWaitForFences) X(vkResetFences) X(vkCreateBuffer) X(vkDestroyBuffer)              \
  X(vkGetBufferMemoryRequirements) X(vkAllocateMemory) X(vkFreeMemory)                  \
  X(vkBindBufferMemory) X(vkMapMemory) X(vkUnmapMemory) X(vkGetBufferDeviceAddress)     \
  X(vkCreateShaderModule) X(vkDestroyShaderModule) X(vkCreatePipelineLayout)            \
  X(vkDestroyPipelineLayout) X(vkCreateComputePipelines) X(vkDestroyPipeline)           \
  X(vkCreatePipelineCache) X(vkDestroyPipelineCache) X(vkGetPipelineCacheData)          \
  X(vkBeginCommandBuffer) X(vkEndCommandBuffer) X(vkResetCommandBuffer)                 \
  X(vkCmdBindPipeline) X(vkCmdPushConstants) X(vkCmdDispatch) X(vkCmdPipelineBarrier)   \
  X(vkCmdCopyBuffer) X(vkCmdFillBuffer)                                                 \
  X(vkQueueSubmit) X(vkDeviceWaitIdle) X(vkCreateSemaphore) X(vkDestroySemaphore)        \
  X(vkWaitSemaphores) X(vkCreateQueryPool) X(vkDestroyQueryPool) X(vkCmdResetQueryPool)  \
  X(vkCmdWriteTimestamp) X(vkGetQueryPoolResults)

typedef struct VkFns {
  void *lib;
  PFN_vkGetInstanceProcAddr gipa;
  PFN_vkCreateInstance vkCreateInstance;
  PFN_vkEnumerateInstanceVersion vkEnumerateInstanceVersion;
  PFN_vkEnumerateInstanceLayerProperties vkEnumerateInstanceLayerProperties;
#define VK_FN_FIELD(n) PFN_##n n;
  VK_FUNCS(VK_FN_FIELD)
#undef VK_FN_FIELD
} VkFns;

/* the push constants of every shader (emit.h) */
typedef struct VkPush {
  uint64_t params;
  uint32_t base[3], grid[3];
  uint64_t scratch;
  uint64_t printf_buf;
} VkPush;

typedef struct VkAlloc {
  uint64_t addr;
  size_t size;
  VkBuffer buf;
  VkDeviceMemory mem;
  unsigned char *map;
} VkAlloc;

typedef struct VkCaps {
  bool f64, i64, i16, i8, f16, atomic64, size_control, full_subgroups;
  bool fadd32, fadd64; /* VK_EXT_shader_atomic_float: atomicAdd on float/double in buffers */
  bool sub_ext;   /* shaderSubgroupExtendedTypes: subgroup ops on 64/16/8-bit values */
  bool split_fma; /* the driver computes fma as multiply + add (lavapipe, SwiftShader) */
  uint32_t subgroup, sub_min, sub_max;
} VkCaps;

enum { VK_RING = 16 };
typedef struct VkSlot {
  VkCommandBuffer cb;
  VkAlloc params;
  uint64_t value; /* the timeline value its last submission signals (0: none) */
} VkSlot;

typedef struct VkDev {
  VkFns f;
  VkInstance inst;
  VkPhysicalDevice pd;
  VkPhysicalDeviceProperties props;
  char driver[VK_MAX_DRIVER_NAME_SIZE];
  VkCaps caps;
  VkDevice dev;
  VkQueue queue;
  uint32_t qfam;
  uint32_t mem_type;      /* cudaMalloc'd buffers */
  uint32_t host_type;     /* host-visible, coherent: parameters, printf, staging */
  bool staging;           /* mem_type is not mappable: copies go through `stage` */
  VkAlloc stage;
  VkCommandPool pool;
  VkCommandBuffer cb;     /* staging copies and fills (with `fence`) */
  VkFence fence;
  VkSemaphore timeline;
  uint64_t submitted;     /* the last value a submission signals (under run_mu) */
  VkSlot ring[VK_RING];
  unsigned next_slot;
  VkQueryPool stamps;     /* one timestamp query per event (vk_event.c); 0: no timestamps */
  uint32_t *free_stamps;  /* query indices not held by an event (under run_mu) */
  uint32_t nfree_stamps;
  float stamp_ns;         /* nanoseconds per timestamp tick */
  VkPipelineLayout layout;
  VkPipelineCache pcache;
  pthread_mutex_t mu;     /* allocation table */
  pthread_mutex_t run_mu; /* queue, command buffer, parameter and scratch buffers */
  VkAlloc *allocs;        /* sorted by address */
  int nallocs, capallocs;
  VkAlloc params, scratch, printf_buf;
  char *out;              /* device printf output not yet taken (under mu) */
  size_t outn, outcap;
  char assert_msg[512];   /* the first failed device assert of a launch */
} VkDev;

/* vk_loader.c */
bool vk_load(VkFns *f, char *err, size_t errn);
bool vk_load_instance(VkFns *f, VkInstance inst, char *err, size_t errn);
void vk_unload(VkFns *f);
const char *vk_result_name(VkResult r);

/* vk_device.c */
cw_status vk_instance(VkFns *f, VkInstance *inst, char *err, size_t errn);
cw_status vk_pick(VkDev *d, char *err, size_t errn);   /* pd, props, caps */
cw_status vk_device_open(VkDev *d, char *err, size_t errn);
void vk_device_close(VkDev *d);
void vk_describe(VkDev *d, cw_device_info *info);

/* vk_memory.c */
/* host: in host_type memory and mapped, else in mem_type (mapped if it can be) */
cw_status vk_buffer_new(VkDev *d, size_t n, bool host, VkAlloc *out);
void vk_buffer_free(VkDev *d, VkAlloc *a);
cw_status vk_mem_alloc(void *dev, size_t n, void **ptr);
void vk_mem_free(void *dev, void *ptr);
cw_status vk_mem_alloc_kind(void *dev, int kind, size_t n, void **ptr);
void vk_mem_free_kind(void *dev, int kind, void *ptr);
cw_status vk_copy(void *dev, void *dst, const void *src, size_t n);
cw_status vk_fill(void *dev, void *dst, int value, size_t n);
/* the allocation n bytes at device address p lie in: 1 and *a, *off; 0: p
 * is in no allocation (host memory); -1: p starts in one but runs past it */
int vk_find(VkDev *d, uint64_t p, size_t n, VkAlloc *a, size_t *off);
unsigned char *vk_host_of(VkDev *d, uint64_t p, size_t n);

/* vk_staging.c: copies and fills of device memory the host cannot map */
cw_status vk_stage_copy(VkDev *d, const VkAlloc *dst, size_t doff, const VkAlloc *src, size_t soff,
                        void *host_dst, const void *host_src, size_t n);
cw_status vk_stage_fill(VkDev *d, const VkAlloc *dst, size_t off, int value, size_t n);

/* vk_module.c */
typedef struct VkPipe {
  uint32_t block[3], dyn_words;
  VkPipeline pipe;
} VkPipe;

typedef struct VkKernel {
  char *name, *cname;
  int nparams;
  uint32_t *psizes;
  int *poffsets;
  int globals_offset, params_bytes;
  char *glsl;   /* NULL: the kernel could not be translated (error says why) */
  char *error;
  GlslKernelInfo info;
  VkShaderModule shader;
  VkPipe *pipes;
  int npipes;
  struct VkModule *mod;
} VkKernel;

typedef struct VkSymbol {
  char *name;
  uint64_t addr;
  size_t size;
} VkSymbol;

typedef struct VkModule {
  VkDev *d;
  VkKernel *kernels;
  int nkernels;
  VkSymbol *symbols;
  int nsymbols;
  uint64_t *global_addrs; /* non-shared globals in m->globals order */
  int nglobals;
} VkModule;

cw_status vk_module_load_program(void *dev, cw_program *prog, void **mod, char *err, size_t errn);
void vk_module_unload(void *dev, void *mod);
cw_status vk_kernel_find(void *mod, const char *name, void **kernel, int *nparams,
                         const uint32_t **psizes);
cw_status vk_symbol_find(void *mod, const char *name, void **addr, size_t *size);
cw_status vk_shader(VkDev *d, VkKernel *k, char *err, size_t errn);

/* vk_globals.c: a global's initializer as bytes (false: not a constant) */
bool vk_global_bytes(const KVar *v, unsigned char *out, size_t n);

/* vk_printf.c */
cw_status vk_printf_prepare(VkDev *d);
void vk_printf_drain(VkDev *d, struct VkKernel *k);
char *vk_take_output(void *dev);

/* vk_launch.c */
/* waits (run_mu held) until the device has finished everything submitted */
cw_status vk_drain(VkDev *d, char *err, size_t errn);
cw_status vk_wait_value(VkDev *d, uint64_t value, char *err, size_t errn);
/* the next ring slot, once its last submission is done (NULL: err says why) */
VkSlot *vk_slot_take(VkDev *d, char *err, size_t errn);
/* queues the slot's recorded command buffer, signalling the next timeline value */
cw_status vk_slot_submit(VkDev *d, VkSlot *slot, char *err, size_t errn);

/* vk_event.c */
cw_status vk_event_new(void *dev, void **be);
void vk_event_free(void *dev, void *be);
cw_status vk_event_record(void *dev, void *be, void *bs);
cw_status vk_event_sync(void *dev, void *be);
cw_status vk_event_elapsed(void *dev, void *a, void *b, float *ms);
cw_status vk_sync(void *dev, char *err, size_t errn);
cw_status vk_launch(void *dev, void *kernel, const uint32_t grid[3], const uint32_t block[3],
                    size_t shared, void **args, char *err, size_t errn);

#endif /* CW_HAVE_VULKAN */
#endif
