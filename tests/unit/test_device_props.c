/*
 * test_device_props.c — cudaGetDeviceProperties on a real CUDA device takes
 * every field from the device's own attributes (compat/device_props.c);
 * the H200 run printed the CPU model's "8.0", integrated=1 and 48 KiB
 * instead.  A fake device answers each attribute with a value made from
 * its number, and every field must hold the value of the driver attribute
 * the CUDA documentation gives for it (numbers written out here, so a
 * wrong number in our headers is caught too); where the toolkit's cuda.h
 * is installed, those numbers are checked against it.  Also: a device
 * with no answers leaves the fields 0, and the CPU backend keeps its own
 * model (cw_context_device_attribute, _identity and _mem_info are
 * unsupported there, so cudaMemGetInfo reports host memory).  No GPU needed.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compat/compat.h"

static int failures;
#define CHECK(c, ...)                                                           \
  do {                                                                          \
    if (!(c)) {                                                                 \
      failures++;                                                               \
      fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);                      \
      fprintf(stderr, __VA_ARGS__);                                             \
      fputc('\n', stderr);                                                      \
    }                                                                           \
  } while (0)

/* a field of cudaDeviceProp, its size, and the CU_DEVICE_ATTRIBUTE_ giving it */
typedef struct Field {
  const char *field, *driver_name;
  size_t offset, size;
  int number;
} Field;
#define F(field, name, number)                                                  \
  { #field, name, offsetof(struct cudaDeviceProp, field),                       \
    sizeof(((struct cudaDeviceProp *)0)->field), number }
static const Field fields[] = {
    F(sharedMemPerBlock, "MAX_SHARED_MEMORY_PER_BLOCK", 8),
    F(regsPerBlock, "MAX_REGISTERS_PER_BLOCK", 12),
    F(warpSize, "WARP_SIZE", 10),
    F(memPitch, "MAX_PITCH", 11),
    F(maxThreadsPerBlock, "MAX_THREADS_PER_BLOCK", 1),
    F(maxThreadsDim[0], "MAX_BLOCK_DIM_X", 2),
    F(maxThreadsDim[1], "MAX_BLOCK_DIM_Y", 3),
    F(maxThreadsDim[2], "MAX_BLOCK_DIM_Z", 4),
    F(maxGridSize[0], "MAX_GRID_DIM_X", 5),
    F(maxGridSize[1], "MAX_GRID_DIM_Y", 6),
    F(maxGridSize[2], "MAX_GRID_DIM_Z", 7),
    F(clockRate, "CLOCK_RATE", 13),
    F(totalConstMem, "TOTAL_CONSTANT_MEMORY", 9),
    F(major, "COMPUTE_CAPABILITY_MAJOR", 75),
    F(minor, "COMPUTE_CAPABILITY_MINOR", 76),
    F(textureAlignment, "TEXTURE_ALIGNMENT", 14),
    F(texturePitchAlignment, "TEXTURE_PITCH_ALIGNMENT", 51),
    F(deviceOverlap, "GPU_OVERLAP", 15),
    F(multiProcessorCount, "MULTIPROCESSOR_COUNT", 16),
    F(kernelExecTimeoutEnabled, "KERNEL_EXEC_TIMEOUT", 17),
    F(integrated, "INTEGRATED", 18),
    F(canMapHostMemory, "CAN_MAP_HOST_MEMORY", 19),
    F(computeMode, "COMPUTE_MODE", 20),
    F(concurrentKernels, "CONCURRENT_KERNELS", 31),
    F(ECCEnabled, "ECC_ENABLED", 32),
    F(pciBusID, "PCI_BUS_ID", 33),
    F(pciDeviceID, "PCI_DEVICE_ID", 34),
    F(pciDomainID, "PCI_DOMAIN_ID", 50),
    F(tccDriver, "TCC_DRIVER", 35),
    F(asyncEngineCount, "ASYNC_ENGINE_COUNT", 40),
    F(unifiedAddressing, "UNIFIED_ADDRESSING", 41),
    F(memoryClockRate, "MEMORY_CLOCK_RATE", 36),
    F(memoryBusWidth, "GLOBAL_MEMORY_BUS_WIDTH", 37),
    F(l2CacheSize, "L2_CACHE_SIZE", 38),
    F(persistingL2CacheMaxSize, "MAX_PERSISTING_L2_CACHE_SIZE", 108),
    F(maxThreadsPerMultiProcessor, "MAX_THREADS_PER_MULTIPROCESSOR", 39),
    F(streamPrioritiesSupported, "STREAM_PRIORITIES_SUPPORTED", 78),
    F(globalL1CacheSupported, "GLOBAL_L1_CACHE_SUPPORTED", 79),
    F(localL1CacheSupported, "LOCAL_L1_CACHE_SUPPORTED", 80),
    F(sharedMemPerMultiprocessor, "MAX_SHARED_MEMORY_PER_MULTIPROCESSOR", 81),
    F(regsPerMultiprocessor, "MAX_REGISTERS_PER_MULTIPROCESSOR", 82),
    F(managedMemory, "MANAGED_MEMORY", 83),
    F(isMultiGpuBoard, "MULTI_GPU_BOARD", 84),
    F(multiGpuBoardGroupID, "MULTI_GPU_BOARD_GROUP_ID", 85),
    F(pageableMemoryAccess, "PAGEABLE_MEMORY_ACCESS", 88),
    F(concurrentManagedAccess, "CONCURRENT_MANAGED_ACCESS", 89),
    F(computePreemptionSupported, "COMPUTE_PREEMPTION_SUPPORTED", 90),
    F(cooperativeLaunch, "COOPERATIVE_LAUNCH", 95),
    F(sharedMemPerBlockOptin, "MAX_SHARED_MEMORY_PER_BLOCK_OPTIN", 97),
    F(maxBlocksPerMultiProcessor, "MAX_BLOCKS_PER_MULTIPROCESSOR", 106),
    F(reservedSharedMemPerBlock, "RESERVED_SHARED_MEMORY_PER_BLOCK", 111),
};
enum { NFIELDS = sizeof fields / sizeof fields[0] };

static long long field_value(const struct cudaDeviceProp *p, const Field *f) {
  const char *at = (const char *)p + f->offset;
  if (f->size == sizeof(size_t)) {
    size_t v;
    memcpy(&v, at, sizeof v);
    return (long long)v;
  }
  int v;
  memcpy(&v, at, sizeof v);
  return v;
}

static int fake_value(int attr) { return 1000 + 7 * attr; }

static bool fake_device(void *user, enum cudaDeviceAttr attr, int *value) {
  int *asked = user;
  if ((int)attr < 0 || (int)attr >= 256) return false;
  asked[attr]++;
  *value = fake_value((int)attr);
  return true;
}

static bool silent_device(void *user, enum cudaDeviceAttr attr, int *value) {
  (void)user, (void)attr;
  *value = 12345; /* must not be used: the query failed */
  return false;
}

/* the number after "CU_DEVICE_ATTRIBUTE_<name> =" in the toolkit's cuda.h;
 * -1 when absent */
static int toolkit_number(const char *text, const char *name) {
  char key[96];
  snprintf(key, sizeof key, "CU_DEVICE_ATTRIBUTE_%s ", name);
  for (const char *at = strstr(text, key); at; at = strstr(at + 1, key)) {
    const char *v = at + strlen(key);
    while (*v == ' ') v++;
    if (*v == '=') return atoi(v + 1); /* the definition, not a mention in a comment */
  }
  return -1;
}

static char *read_text(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *s = malloc((size_t)n + 1);
  if (s && fread(s, 1, (size_t)n, f) != (size_t)n) n = 0;
  if (s) s[n] = 0;
  fclose(f);
  return s;
}

static void test_mapping(void) {
  int asked[256] = {0};
  struct cudaDeviceProp p;
  memset(&p, 0xAB, sizeof p);
  compat_props_from_attributes(&p, fake_device, asked);
  for (int i = 0; i < NFIELDS; i++) {
    const Field *f = &fields[i];
    CHECK(field_value(&p, f) == fake_value(f->number), "%s = %lld, want attribute %d (%d)",
          f->field, field_value(&p, f), f->number, fake_value(f->number));
    CHECK(asked[f->number] == 1, "attribute %d asked %d times", f->number, asked[f->number]);
  }
  /* what attributes do not give is left to the caller */
  CHECK((unsigned char)p.name[0] == 0xAB && (unsigned char)p.uuid[0] == 0xAB,
        "name/uuid written");
}

static void test_silent_device(void) {
  struct cudaDeviceProp p;
  memset(&p, 0xAB, sizeof p);
  compat_props_from_attributes(&p, silent_device, NULL);
  for (int i = 0; i < NFIELDS; i++)
    CHECK(field_value(&p, &fields[i]) == 0, "%s = %lld without an answer", fields[i].field,
          field_value(&p, &fields[i]));
}

static void test_against_toolkit(void) {
  const char *home = getenv("CUDA_HOME");
  char path[1100];
  snprintf(path, sizeof path, "%s/include/cuda.h", home && *home ? home : "/usr/local/cuda");
  char *text = read_text(path);
  if (!text) {
    printf("no %s: attribute numbers not compared with the toolkit\n", path);
    return;
  }
  for (int i = 0; i < NFIELDS; i++) {
    int n = toolkit_number(text, fields[i].driver_name);
    CHECK(n == fields[i].number, "CU_DEVICE_ATTRIBUTE_%s is %d in cuda.h, %d here",
          fields[i].driver_name, n, fields[i].number);
  }
  free(text);
}

static void test_cpu_backend_keeps_model(void) {
  cw_context *ctx;
  if (cw_context_new("cpu", &ctx) != CW_OK) {
    CHECK(0, "cpu context: %s", cw_last_error_message(NULL));
    return;
  }
  int v = -1;
  uint64_t mem;
  unsigned char uuid[16];
  char name[64];
  CHECK(cw_context_device_attribute(ctx, cudaDevAttrMultiProcessorCount, &v) ==
            CW_ERR_UNSUPPORTED, "cpu backend answered an attribute");
  CHECK(cw_context_device_identity(ctx, name, sizeof name, &mem, uuid) == CW_ERR_UNSUPPORTED,
        "cpu backend gave an identity");
  size_t free_b, total_b;
  CHECK(cw_context_mem_info(ctx, &free_b, &total_b) == CW_ERR_UNSUPPORTED,
        "cpu backend reported device memory of its own");
  cw_context_free(ctx);
}

int main(void) {
  test_mapping();
  test_silent_device();
  test_against_toolkit();
  test_cpu_backend_keeps_model();
  if (failures) return 1;
  printf("device props: %d fields OK\n", NFIELDS);
  return 0;
}
