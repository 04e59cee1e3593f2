/*
 * fake_memory.c — the fake driver's device memory and CUDA arrays, in host
 * memory, so the CUDA backend's path for arrays, textures and surfaces
 * (runtime_array.c, runtime_texture.c, cuda.c) is tested end to end
 * without a GPU: allocations are malloc'd and known to
 * cuPointerGetAttribute, copies are memcpy, an array is its descriptor and
 * a tightly packed image, cuMemcpy3D copies between device memory and an
 * array as the driver documents it (blocking copies first run the
 * asynchronous ones queued by fake_stream.c), pinned host memory is
 * malloc'd and known as host memory, and surface and texture objects check
 * the resource they are given (surfaces only over arrays made with
 * CUDA_ARRAY3D_SURFACE_LDST).  Kernels still do not run.  The layouts are
 * cuda_driver.h's (checked against cuda.h by tests/cuda_layout).
 */
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fake_driver.h"

enum { BAD_VALUE = 1, NO_MEMORY = 2 };

typedef struct Block {
  char *base;
  size_t n;
  unsigned type; /* CU_MEMORYTYPE_DEVICE or _HOST (pinned) */
  bool borrowed;  /* the caller's memory, page-locked by cuMemHostRegister */
  struct Block *next;
} Block;
static Block *blocks;
static pthread_mutex_t blocks_lock = PTHREAD_MUTEX_INITIALIZER;

static int block_alloc(void **p, size_t n, unsigned type) {
  Block *b = calloc(1, sizeof *b);
  if (!b || !(b->base = calloc(1, n ? n : 1))) return free(b), NO_MEMORY;
  b->n = n, b->type = type;
  pthread_mutex_lock(&blocks_lock);
  b->next = blocks, blocks = b;
  pthread_mutex_unlock(&blocks_lock);
  *p = b->base;
  return 0;
}

static int block_free(const void *p, unsigned type) {
  fake_streams_drain(); /* nothing queued may still read it */
  pthread_mutex_lock(&blocks_lock);
  for (Block **b = &blocks; *b; b = &(*b)->next)
    if ((*b)->base == p && (*b)->type == type) {
      Block *dead = *b;
      *b = dead->next;
      pthread_mutex_unlock(&blocks_lock);
      if (!dead->borrowed) free(dead->base);
      free(dead);
      return 0;
    }
  pthread_mutex_unlock(&blocks_lock);
  return BAD_VALUE;
}

/* the memory type of the allocation holding p; 0 for none (pageable) */
static unsigned type_of(const void *p) {
  unsigned type = 0;
  pthread_mutex_lock(&blocks_lock);
  for (Block *b = blocks; b; b = b->next)
    if ((const char *)p >= b->base && (const char *)p < b->base + b->n) {
      type = b->type;
      break;
    }
  pthread_mutex_unlock(&blocks_lock);
  return type;
}

bool fake_is_pinned_or_device(const void *p) { return type_of(p) != 0; }
bool fake_is_device(const void *p) { return type_of(p) == CU_MEMORYTYPE_DEVICE; }

int cuMemAlloc(CUdeviceptr *p, size_t n) {
  void *base = NULL;
  int r = block_alloc(&base, n, CU_MEMORYTYPE_DEVICE);
  if (r == 0) *p = (CUdeviceptr)(uintptr_t)base;
  return r;
}

int cuMemFree(CUdeviceptr p) { return block_free((void *)(uintptr_t)p, CU_MEMORYTYPE_DEVICE); }

int cuMemAllocHost(void **p, size_t n) { return block_alloc(p, n, CU_MEMORYTYPE_HOST); }

int cuMemFreeHost(void *p) { return block_free(p, CU_MEMORYTYPE_HOST); }

/* the caller's memory becomes pinned host memory (cuPointerGetAttribute
 * says so) until cuMemHostUnregister; overlapping ranges are refused, as
 * the driver does (CUDA_ERROR_HOST_MEMORY_ALREADY_REGISTERED) */
int cuMemHostRegister(void *p, size_t n, unsigned flags) {
  (void)flags;
  if (!p || !n) return BAD_VALUE;
  if (type_of(p) || type_of((char *)p + n - 1)) return 712;
  Block *b = calloc(1, sizeof *b);
  if (!b) return NO_MEMORY;
  b->base = p, b->n = n, b->type = CU_MEMORYTYPE_HOST, b->borrowed = true;
  pthread_mutex_lock(&blocks_lock);
  b->next = blocks, blocks = b;
  pthread_mutex_unlock(&blocks_lock);
  return 0;
}

int cuMemHostUnregister(void *p) { return block_free(p, CU_MEMORYTYPE_HOST); }

/* device or pinned memory for our allocations; an error (pageable) for
 * any other */
int cuPointerGetAttribute(void *out, int attr, CUdeviceptr p) {
  unsigned type = type_of((void *)(uintptr_t)p);
  if (!type) return BAD_VALUE;
  if (attr == CU_POINTER_ATTRIBUTE_MEMORY_TYPE) *(unsigned *)out = type;
  return 0;
}

int cuMemcpy(CUdeviceptr to, CUdeviceptr from, size_t n) {
  fake_streams_drain();
  memmove((void *)(uintptr_t)to, (const void *)(uintptr_t)from, n);
  return 0;
}

int cuMemcpyHtoD(CUdeviceptr to, const void *from, size_t n) {
  fake_streams_drain();
  memcpy((void *)(uintptr_t)to, from, n);
  return 0;
}

int cuMemsetD8(CUdeviceptr to, unsigned char v, size_t n) {
  fake_streams_drain();
  memset((void *)(uintptr_t)to, v, n);
  return 0;
}

struct CUarray_st {
  CudaArray3dDesc desc;
  size_t row, rows; /* bytes a row; rows a slice */
  char *data;
};

static size_t channel_bytes(int format) {
  switch (format) {
  case CU_AD_FORMAT_UNSIGNED_INT8: case CU_AD_FORMAT_SIGNED_INT8: return 1;
  case CU_AD_FORMAT_UNSIGNED_INT8 + 1: case CU_AD_FORMAT_SIGNED_INT8 + 1: return 2;
  default: return 4;
  }
}

int cuArray3DCreate(CUarray *out, const CudaArray3dDesc *d) {
  if (!d->width || (d->depth && !d->height) || !d->channels || d->channels == 3 ||
      d->channels > 4)
    return BAD_VALUE;
  CUarray a = calloc(1, sizeof *a);
  if (!a) return NO_MEMORY;
  a->desc = *d;
  a->row = d->width * d->channels * channel_bytes(d->format);
  a->rows = d->height ? d->height : 1;
  if (!(a->data = calloc(a->rows * (d->depth ? d->depth : 1), a->row))) return free(a), NO_MEMORY;
  *out = a;
  return 0;
}

int cuArrayDestroy(CUarray a) {
  if (!a) return BAD_VALUE;
  free(a->data), free(a);
  return 0;
}

/* one side of a 3-D copy: where row (y, z) starts */
static char *row_at(int type, CUdeviceptr dev, CUarray arr, size_t x, size_t y, size_t z,
                    size_t pitch, size_t height) {
  if (type == CU_MEMORYTYPE_ARRAY) return arr->data + (z * arr->rows + y) * arr->row + x;
  return (char *)(uintptr_t)dev + (z * height + y) * pitch + x;
}

int cuMemcpy3D(const CudaMemcpy3d *c) {
  if (c->reserved0 || c->reserved1 || (c->src_type != CU_MEMORYTYPE_ARRAY &&
                                       c->src_type != CU_MEMORYTYPE_DEVICE) ||
      (c->dst_type != CU_MEMORYTYPE_ARRAY && c->dst_type != CU_MEMORYTYPE_DEVICE))
    return BAD_VALUE;
  fake_streams_drain();
  const CUarray sa = c->src_array, da = c->dst_array;
  if ((c->src_type == CU_MEMORYTYPE_ARRAY && (!sa || c->src_x_bytes + c->width_bytes > sa->row)) ||
      (c->dst_type == CU_MEMORYTYPE_ARRAY && (!da || c->dst_x_bytes + c->width_bytes > da->row)) ||
      (c->src_type == CU_MEMORYTYPE_DEVICE && c->src_pitch < c->width_bytes) ||
      (c->dst_type == CU_MEMORYTYPE_DEVICE && c->dst_pitch < c->width_bytes))
    return BAD_VALUE;
  for (size_t z = 0; z < c->depth; z++)
    for (size_t y = 0; y < c->height; y++)
      memcpy(row_at(c->dst_type, c->dst_device, da, c->dst_x_bytes, c->dst_y + y, c->dst_z + z,
                    c->dst_pitch, c->dst_height),
             row_at(c->src_type, c->src_device, sa, c->src_x_bytes, c->src_y + y, c->src_z + z,
                    c->src_pitch, c->src_height),
             c->width_bytes);
  return 0;
}

/* objects are their array (or memory) with a tag, so a test can tell them */
int cuSurfObjectCreate(CUsurfObject *out, const CudaResourceDesc *r) {
  if (r->res_type != CU_RESOURCE_TYPE_ARRAY || !r->res.array.array ||
      !(r->res.array.array->desc.flags & CUDA_ARRAY3D_SURFACE_LDST))
    return BAD_VALUE;
  *out = (CUsurfObject)(uintptr_t)r->res.array.array;
  return 0;
}

/* what a kernel's surf*Dwrite would change: the image of the array under
 * a surface object (tests call it through dlsym) */
void *fake_surface_image(CUsurfObject s) { return s ? ((CUarray)(uintptr_t)s)->data : NULL; }

int cuSurfObjectDestroy(CUsurfObject s) { return s ? 0 : BAD_VALUE; }

int cuTexObjectCreate(CUtexObject *out, const CudaResourceDesc *r, const void *tex,
                      const void *view) {
  (void)tex;
  if (view || (r->res_type == CU_RESOURCE_TYPE_ARRAY && !r->res.array.array)) return BAD_VALUE;
  *out = r->res_type == CU_RESOURCE_TYPE_ARRAY ? (CUtexObject)(uintptr_t)r->res.array.array
                                               : (CUtexObject)r->res.linear.ptr;
  return 0;
}

int cuTexObjectDestroy(CUtexObject t) { return t ? 0 : BAD_VALUE; }
