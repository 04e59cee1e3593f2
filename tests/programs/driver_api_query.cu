// driver_api_query.cu — the device-query subset of the CUDA driver API
// (cuda.h): the answers before and after cuInit, for bad arguments, and
// their agreement with the runtime's cudaGetDeviceProperties.
// (nvcc links the driver API from libcuda, hence -lcuda; cuwasm cc takes
// it as its own runtime, which implements these functions.)
// FLAGS: -lcuda
#include <cstring>
#include <cuda.h>
#include "common.h"

static int errors = 0;

static void expect(const char *what, CUresult got, CUresult want) {
  if (got != want) {
    const char *g = NULL, *w = NULL;
    cuGetErrorName(got, &g);
    cuGetErrorName(want, &w);
    printf("%s: got %s, expected %s\n", what, g ? g : "?", w ? w : "?");
    errors++;
  }
}

static void expect_int(const char *what, long long got, long long want) {
  if (got != want) {
    printf("%s: driver says %lld, runtime says %lld\n", what, got, want);
    errors++;
  }
}

int main() {
  int n = -1, v = 0;
  CUdevice dev = -1;
  expect("cuDeviceGetCount before cuInit", cuDeviceGetCount(&n), CUDA_ERROR_NOT_INITIALIZED);
  expect("cuDeviceGet before cuInit", cuDeviceGet(&dev, 0), CUDA_ERROR_NOT_INITIALIZED);
  expect("cuDriverGetVersion before cuInit", cuDriverGetVersion(&v), CUDA_SUCCESS);
  if (v <= 0) { printf("driver version %d\n", v); errors++; }
  expect("cuInit(1)", cuInit(1), CUDA_ERROR_INVALID_VALUE);
  expect("cuInit(0)", cuInit(0), CUDA_SUCCESS);

  int rt_count = 0;
  CHECK(cudaGetDeviceCount(&rt_count));
  expect("cuDeviceGetCount", cuDeviceGetCount(&n), CUDA_SUCCESS);
  expect_int("device count", n, rt_count);
  expect("cuDeviceGetCount(NULL)", cuDeviceGetCount(NULL), CUDA_ERROR_INVALID_VALUE);
  expect("cuDeviceGet(-1)", cuDeviceGet(&dev, -1), CUDA_ERROR_INVALID_DEVICE);
  expect("cuDeviceGet(count)", cuDeviceGet(&dev, n), CUDA_ERROR_INVALID_DEVICE);
  expect("cuDeviceGet(NULL)", cuDeviceGet(NULL, 0), CUDA_ERROR_INVALID_VALUE);
  expect("cuDeviceGet(0)", cuDeviceGet(&dev, 0), CUDA_SUCCESS);

  cudaDeviceProp p;
  CHECK(cudaGetDeviceProperties(&p, 0));
  char name[256];
  expect("cuDeviceGetName", cuDeviceGetName(name, sizeof name, dev), CUDA_SUCCESS);
  if (strcmp(name, p.name) != 0) {
    printf("name: driver says '%s', runtime says '%s'\n", name, p.name);
    errors++;
  }
  char short_name[4];
  expect("cuDeviceGetName(len 4)", cuDeviceGetName(short_name, 4, dev), CUDA_SUCCESS);
  if (strncmp(short_name, p.name, 3) != 0 || short_name[3] != 0) {
    printf("name cut to 4 bytes: '%s'\n", short_name);
    errors++;
  }
  expect("cuDeviceGetName(NULL)", cuDeviceGetName(NULL, 8, dev), CUDA_ERROR_INVALID_VALUE);

  size_t mem = 0;
  expect("cuDeviceTotalMem", cuDeviceTotalMem(&mem, dev), CUDA_SUCCESS);
  expect_int("total memory", (long long)mem, (long long)p.totalGlobalMem);
  expect("cuDeviceTotalMem(bad device)", cuDeviceTotalMem(&mem, 99), CUDA_ERROR_INVALID_DEVICE);

  struct { CUdevice_attribute a; const char *what; int want; } attrs[] = {
      {CU_DEVICE_ATTRIBUTE_MAX_THREADS_PER_BLOCK, "max threads per block", p.maxThreadsPerBlock},
      {CU_DEVICE_ATTRIBUTE_MAX_BLOCK_DIM_X, "max block x", p.maxThreadsDim[0]},
      {CU_DEVICE_ATTRIBUTE_MAX_GRID_DIM_X, "max grid x", p.maxGridSize[0]},
      {CU_DEVICE_ATTRIBUTE_MAX_SHARED_MEMORY_PER_BLOCK, "shared per block", (int)p.sharedMemPerBlock},
      {CU_DEVICE_ATTRIBUTE_WARP_SIZE, "warp size", p.warpSize},
      {CU_DEVICE_ATTRIBUTE_MULTIPROCESSOR_COUNT, "multiprocessors", p.multiProcessorCount},
      {CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR, "cc major", p.major},
      {CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR, "cc minor", p.minor},
  };
  for (auto &t : attrs) {
    int got = -1;
    expect(t.what, cuDeviceGetAttribute(&got, t.a, dev), CUDA_SUCCESS);
    expect_int(t.what, got, t.want);
  }
  int got = 0;
  expect("cuDeviceGetAttribute(NULL)",
         cuDeviceGetAttribute(NULL, CU_DEVICE_ATTRIBUTE_WARP_SIZE, dev), CUDA_ERROR_INVALID_VALUE);
  expect("cuDeviceGetAttribute(bad attribute)",
         cuDeviceGetAttribute(&got, (CUdevice_attribute)100000, dev), CUDA_ERROR_INVALID_VALUE);
  expect("cuDeviceGetAttribute(bad device)",
         cuDeviceGetAttribute(&got, CU_DEVICE_ATTRIBUTE_WARP_SIZE, 7), CUDA_ERROR_INVALID_DEVICE);

  const char *s = NULL;
  expect("cuGetErrorName", cuGetErrorName(CUDA_ERROR_INVALID_DEVICE, &s), CUDA_SUCCESS);
  if (!s || strcmp(s, "CUDA_ERROR_INVALID_DEVICE") != 0) { printf("name %s\n", s); errors++; }
  expect("cuGetErrorString", cuGetErrorString(CUDA_ERROR_OUT_OF_MEMORY, &s), CUDA_SUCCESS);
  if (!s || !*s) { printf("no description of CUDA_ERROR_OUT_OF_MEMORY\n"); errors++; }
  expect("cuGetErrorName(unknown)", cuGetErrorName((CUresult)12345, &s), CUDA_ERROR_INVALID_VALUE);
  expect("cuGetErrorString(unknown)", cuGetErrorString((CUresult)12345, &s), CUDA_ERROR_INVALID_VALUE);

  // the driver's failures are not the runtime's last error
  cudaError_t last = cudaGetLastError();
  if (last != cudaSuccess) { printf("runtime last error %s\n", cudaGetErrorName(last)); errors++; }
  return verdict("driver_api_query", errors);
}
