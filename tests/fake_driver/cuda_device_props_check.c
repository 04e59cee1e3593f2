/*
 * cuda_device_props_check.c — the CUDA runtime API on the CUDA backend
 * describes the device the driver describes (fake_libcuda.c, an H200-like
 * device): name, UUID, memory, compute capability 9.0, 132
 * multiprocessors, not integrated, 227 KiB opt-in shared memory — not the
 * CPU backend's model (8.0, integrated, 48 KiB), which the H200 run
 * printed.  Run with CUWASM_BACKEND=cuda and the fake driver first on the
 * library path (tests/CMakeLists.txt).
 */
#include <stdio.h>
#include <string.h>

#include "cuda/cuda_runtime_api.h"

static int failures;
#define EXPECT(c)                                                               \
  do {                                                                          \
    if (!(c)) {                                                                 \
      failures++;                                                               \
      fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #c);              \
    }                                                                           \
  } while (0)

int main(void) {
  struct cudaDeviceProp p;
  cudaError_t err = cudaGetDeviceProperties(&p, 0);
  if (err != cudaSuccess) {
    fprintf(stderr, "FAIL cudaGetDeviceProperties: %s\n", cudaGetErrorString(err));
    return 1;
  }
  printf("%s: SM %d.%d, %d SMs, integrated %d, %zu B opt-in shared\n", p.name, p.major,
         p.minor, p.multiProcessorCount, p.integrated, p.sharedMemPerBlockOptin);
  EXPECT(!strcmp(p.name, "Fake H200 (tests/fake_driver)"));
  EXPECT(p.major == 9 && p.minor == 0);
  EXPECT(p.multiProcessorCount == 132);
  EXPECT(p.integrated == 0);
  EXPECT(p.sharedMemPerBlock == 49152 && p.sharedMemPerBlockOptin == 232448);
  EXPECT(p.sharedMemPerMultiprocessor == 233472);
  EXPECT(p.l2CacheSize == 62914560 && p.maxThreadsPerMultiProcessor == 2048);
  EXPECT(p.totalGlobalMem == (size_t)150 << 30);
  EXPECT((unsigned char)p.uuid[0] == 0xA0 && (unsigned char)p.uuid[15] == 0xAF);
  EXPECT(p.cooperativeLaunch == 0); /* the fake does not know it: no answer is 0 */

  int v = -1;
  EXPECT(cudaDeviceGetAttribute(&v, cudaDevAttrComputeCapabilityMajor, 0) == cudaSuccess && v == 9);
  EXPECT(cudaDeviceGetAttribute(&v, cudaDevAttrMultiProcessorCount, 0) == cudaSuccess && v == 132);
  EXPECT(cudaDeviceGetAttribute(&v, cudaDevAttrCooperativeLaunch, 0) == cudaErrorInvalidValue);
  cudaGetLastError();
  EXPECT(cudaDeviceGetAttribute(&v, cudaDevAttrWarpSize, 1) == cudaErrorInvalidDevice);
  cudaGetLastError();

  size_t free_b = 0, total = 0;
  EXPECT(cudaMemGetInfo(&free_b, &total) == cudaSuccess);
  EXPECT(free_b == (size_t)149 << 30 && total == (size_t)150 << 30);
  if (failures) return 1;
  printf("cuda device props: OK\n");
  return 0;
}
