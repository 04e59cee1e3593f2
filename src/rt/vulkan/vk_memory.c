/*
 * vk_memory.c — device memory as CUDA sees it: buffer device addresses.
 *
 * Each allocation is a VkBuffer usable as storage and through its device
 * address, bound to its own memory: host-visible and coherent, mapped
 * once, where the device has such memory close to it (integrated GPUs,
 * CPU drivers, resizable BAR); otherwise device-local, and copies go
 * through a staging buffer (vk_staging.c).
 * The table of allocations is sorted by address so a copy can tell device
 * from host memory and find the mapping by binary search.  cudaMallocHost
 * memory is ordinary host memory (copies treat it as host); managed memory
 * needs one pointer valid on both sides, which only a device whose
 * mapping equals its device address provides (CPU implementations such
 * as lavapipe); elsewhere it is refused.
 */
#include <stdlib.h>
#include <string.h>

#include "vk_internal.h"

#ifdef CW_HAVE_VULKAN

cw_status vk_buffer_new(VkDev *d, size_t n, bool host, VkAlloc *out) {
  uint32_t type = host ? d->host_type : d->mem_type;
  bool map = host || !d->staging;
  memset(out, 0, sizeof *out);
  VkFns *f = &d->f;
  VkBufferCreateInfo bi = {.sType = VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO, .size = n ? n : 4,
                           .usage = VK_BUFFER_USAGE_STORAGE_BUFFER_BIT |
                                    VK_BUFFER_USAGE_SHADER_DEVICE_ADDRESS_BIT |
                                    VK_BUFFER_USAGE_TRANSFER_SRC_BIT | VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                           .sharingMode = VK_SHARING_MODE_EXCLUSIVE};
  if (f->vkCreateBuffer(d->dev, &bi, NULL, &out->buf) != VK_SUCCESS) return CW_ERR_NOMEM;
  VkMemoryRequirements req;
  f->vkGetBufferMemoryRequirements(d->dev, out->buf, &req);
  VkMemoryAllocateFlagsInfo fl = {.sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_FLAGS_INFO,
                                  .flags = VK_MEMORY_ALLOCATE_DEVICE_ADDRESS_BIT};
  VkMemoryAllocateInfo ai = {.sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO, .pNext = &fl,
                             .allocationSize = req.size, .memoryTypeIndex = type};
  if (!(req.memoryTypeBits & (1u << type)) ||
      f->vkAllocateMemory(d->dev, &ai, NULL, &out->mem) != VK_SUCCESS) {
    f->vkDestroyBuffer(d->dev, out->buf, NULL);
    return CW_ERR_NOMEM;
  }
  void *ptr = NULL;
  if (f->vkBindBufferMemory(d->dev, out->buf, out->mem, 0) != VK_SUCCESS ||
      (map && f->vkMapMemory(d->dev, out->mem, 0, VK_WHOLE_SIZE, 0, &ptr) != VK_SUCCESS)) {
    f->vkDestroyBuffer(d->dev, out->buf, NULL);
    f->vkFreeMemory(d->dev, out->mem, NULL);
    return CW_ERR_NOMEM;
  }
  VkBufferDeviceAddressInfo adi = {.sType = VK_STRUCTURE_TYPE_BUFFER_DEVICE_ADDRESS_INFO,
                                   .buffer = out->buf};
  out->addr = f->vkGetBufferDeviceAddress(d->dev, &adi);
  out->map = ptr;
  out->size = n;
  return CW_OK;
}

void vk_buffer_free(VkDev *d, VkAlloc *a) {
  if (!a->buf) return;
  if (a->map) d->f.vkUnmapMemory(d->dev, a->mem);
  d->f.vkDestroyBuffer(d->dev, a->buf, NULL);
  d->f.vkFreeMemory(d->dev, a->mem, NULL);
  memset(a, 0, sizeof *a);
}

/* index of the first allocation whose address is > p (caller holds mu) */
static int upper(VkDev *d, uint64_t p) {
  int lo = 0, hi = d->nallocs;
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if (d->allocs[mid].addr <= p) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

int vk_find(VkDev *d, uint64_t p, size_t n, VkAlloc *a, size_t *off) {
  pthread_mutex_lock(&d->mu);
  int i = upper(d, p) - 1, r = 0;
  if (i >= 0) {
    VkAlloc *x = &d->allocs[i];
    size_t span = x->size ? x->size : 1;
    if (p - x->addr < span) {
      r = n <= span - (p - x->addr) ? 1 : -1;
      *a = *x;
      *off = (size_t)(p - x->addr);
    }
  }
  pthread_mutex_unlock(&d->mu);
  return r;
}

unsigned char *vk_host_of(VkDev *d, uint64_t p, size_t n) {
  VkAlloc a;
  size_t off;
  return vk_find(d, p, n, &a, &off) == 1 && a.map ? a.map + off : NULL;
}

static cw_status table_add(VkDev *d, const VkAlloc *a) {
  pthread_mutex_lock(&d->mu);
  if (d->nallocs == d->capallocs) {
    int cap = d->capallocs ? d->capallocs * 2 : 64;
    VkAlloc *n = realloc(d->allocs, sizeof *n * (size_t)cap);
    if (!n) {
      pthread_mutex_unlock(&d->mu);
      return CW_ERR_NOMEM;
    }
    d->allocs = n, d->capallocs = cap;
  }
  int i = upper(d, a->addr);
  memmove(&d->allocs[i + 1], &d->allocs[i], sizeof *a * (size_t)(d->nallocs - i));
  d->allocs[i] = *a;
  d->nallocs++;
  pthread_mutex_unlock(&d->mu);
  return CW_OK;
}

cw_status vk_mem_alloc(void *dev, size_t n, void **ptr) {
  VkDev *d = dev;
  VkAlloc a;
  cw_status st = vk_buffer_new(d, n, false, &a);
  if (st != CW_OK) return st;
  if ((st = table_add(d, &a)) != CW_OK) {
    vk_buffer_free(d, &a);
    return st;
  }
  *ptr = (void *)(uintptr_t)a.addr;
  return CW_OK;
}

/* host-side access to device memory comes after every queued launch */
static cw_status settle(VkDev *d) {
  char err[256];
  pthread_mutex_lock(&d->run_mu);
  cw_status st = vk_drain(d, err, sizeof err);
  pthread_mutex_unlock(&d->run_mu);
  return st;
}

void vk_mem_free(void *dev, void *ptr) {
  VkDev *d = dev;
  settle(d); /* cudaFree waits for the device, as CUDA's does */
  uint64_t p = (uint64_t)(uintptr_t)ptr;
  pthread_mutex_lock(&d->mu);
  int i = upper(d, p) - 1;
  VkAlloc a = {0};
  if (i >= 0 && d->allocs[i].addr == p) {
    a = d->allocs[i];
    memmove(&d->allocs[i], &d->allocs[i + 1], sizeof a * (size_t)(d->nallocs - i - 1));
    d->nallocs--;
  }
  pthread_mutex_unlock(&d->mu);
  vk_buffer_free(d, &a);
}

cw_status vk_mem_alloc_kind(void *dev, int kind, size_t n, void **ptr) {
  if (kind == CW_MEM_HOST) {
    *ptr = malloc(n ? n : 1);
    return *ptr ? CW_OK : CW_ERR_NOMEM;
  }
  cw_status st = vk_mem_alloc(dev, n, ptr);
  if (st != CW_OK) return st;
  if (vk_host_of(dev, (uint64_t)(uintptr_t)*ptr, 1) != (unsigned char *)*ptr) {
    vk_mem_free(dev, *ptr); /* host and device see it at different addresses */
    *ptr = NULL;
    return CW_ERR_UNSUPPORTED;
  }
  return CW_OK;
}

void vk_mem_free_kind(void *dev, int kind, void *ptr) {
  if (kind == CW_MEM_HOST) free(ptr);
  else vk_mem_free(dev, ptr);
}

cw_status vk_copy(void *dev, void *dst, const void *src, size_t n) {
  VkDev *d = dev;
  if (!n) return CW_OK;
  cw_status st = settle(d);
  if (st != CW_OK) return st;
  VkAlloc da, sa;
  size_t doff = 0, soff = 0;
  int dk = vk_find(d, (uint64_t)(uintptr_t)dst, n, &da, &doff);
  int sk = vk_find(d, (uint64_t)(uintptr_t)src, n, &sa, &soff);
  if (dk < 0 || sk < 0) return CW_ERR_INVALID;
  bool dmap = !dk || da.map, smap = !sk || sa.map;
  if (dmap && smap) { /* both sides reachable from the host */
    memmove(dk ? da.map + doff : dst, sk ? sa.map + soff : src, n);
    return CW_OK;
  }
  return vk_stage_copy(d, dk ? &da : NULL, doff, sk ? &sa : NULL, soff, dk ? NULL : dst,
                       sk ? NULL : src, n);
}

cw_status vk_fill(void *dev, void *dst, int value, size_t n) {
  VkDev *d = dev;
  if (!n) return CW_OK;
  cw_status st = settle(d);
  if (st != CW_OK) return st;
  VkAlloc a;
  size_t off = 0;
  int k = vk_find(d, (uint64_t)(uintptr_t)dst, n, &a, &off);
  if (k < 0) return CW_ERR_INVALID;
  if (!k || a.map) {
    memset(k ? a.map + off : dst, value, n);
    return CW_OK;
  }
  return vk_stage_fill(d, &a, off, value, n);
}

#endif
