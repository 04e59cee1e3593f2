// deviceQuery-style report: properties, attributes, memory, versions and
// the occupancy calculator must be present and self-consistent.
#include "common.h"
#include <cstring>

__global__ void dummy(float *p) { if (p) p[threadIdx.x] = 1.0f; }

int main() {
  int count = 0, errors = 0;
  CHECK(cudaGetDeviceCount(&count));
  printf("%d device(s)\n", count);
  errors += count < 1;
  CHECK(cudaSetDevice(0));
  cudaDeviceProp prop;
  CHECK(cudaGetDeviceProperties(&prop, 0));
  printf("Device 0: \"%s\"\n", prop.name);
  int clock_khz = 0; // cudaDeviceProp::clockRate is gone from CUDA 13; the attribute stays
  CHECK(cudaDeviceGetAttribute(&clock_khz, cudaDevAttrClockRate, 0));
  printf("  compute capability %d.%d, %d multiprocessors, clock %d kHz\n", prop.major, prop.minor,
         prop.multiProcessorCount, clock_khz);
  printf("  global memory %.1f GiB, shared/block %zu, warp %d, max threads/block %d\n",
         prop.totalGlobalMem / 1073741824.0, prop.sharedMemPerBlock, prop.warpSize, prop.maxThreadsPerBlock);
  errors += strlen(prop.name) == 0 || prop.warpSize != 32 || prop.maxThreadsPerBlock != 1024 ||
            prop.sharedMemPerBlock != 48 * 1024 || prop.multiProcessorCount < 1 || prop.totalGlobalMem == 0;
  int v = 0;
  CHECK(cudaDeviceGetAttribute(&v, cudaDevAttrMultiProcessorCount, 0));
  errors += v != prop.multiProcessorCount;
  CHECK(cudaDeviceGetAttribute(&v, cudaDevAttrWarpSize, 0));
  errors += v != 32;
  size_t freeb = 0, total = 0;
  CHECK(cudaMemGetInfo(&freeb, &total));
  errors += total == 0 || freeb > total;
  int drv = 0, rt = 0;
  CHECK(cudaDriverGetVersion(&drv));
  CHECK(cudaRuntimeGetVersion(&rt));
  printf("  driver %d, runtime %d\n", drv, rt);
  errors += rt != CUDART_VERSION;
  int blocks = 0, minGrid = 0, blockSize = 0;
  CHECK(cudaOccupancyMaxActiveBlocksPerMultiprocessor(&blocks, dummy, 256, 0));
  CHECK(cudaOccupancyMaxPotentialBlockSize(&minGrid, &blockSize, dummy, 0, 0));
  cudaFuncAttributes fa;
  CHECK(cudaFuncGetAttributes(&fa, dummy));
  printf("  occupancy: %d blocks of 256/SM; suggested block %d, grid %d\n", blocks, blockSize, minGrid);
  errors += blocks < 1 || blockSize < 32 || blockSize > 1024 || minGrid < 1 || fa.maxThreadsPerBlock != 1024;
  return verdict("device_query", errors);
}
