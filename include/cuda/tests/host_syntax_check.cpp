/*
 * host_syntax_check.cpp — checks the HOST sections of include/cuda with
 * g++: every header included as host code sees it (__CUDA_ARCH__ undefined,
 * system headers on the path), and the declarations used the way CUDA host
 * programs use them.  Syntax only: nothing here is linked.
 *
 *   g++ -std=c++17 -fsyntax-only -Wall -Wextra -Werror -I include/cuda \
 *       include/cuda/tests/host_syntax_check.cpp
 *   g++ -std=c++17 -fsyntax-only -Wall -Wextra -Werror -D__CUWASM__ \
 *       -I include/cuda include/cuda/tests/host_syntax_check.cpp
 */
#include <cuda_runtime.h>
#include <cuda.h>
#include <cuda_runtime_api.h>
#include <driver_types.h>
#include <vector_types.h>
#include <vector_functions.h>
#include <device_launch_parameters.h>
#include <math_constants.h>
#include <cuda_fp16.h>
#include <cooperative_groups.h>
#include <cooperative_groups/reduce.h>
#include <curand.h>
#include <curand_kernel.h>
#include <cstdio>
#include <vector>

namespace cg = cooperative_groups;

static_assert(sizeof(float4) == 16 && alignof(float4) == 16, "float4 layout");
static_assert(sizeof(float3) == 12 && alignof(float3) == 4, "float3 layout");
static_assert(sizeof(double2) == 16 && alignof(double2) == 16, "double2 layout");
static_assert(sizeof(char4) == 4 && alignof(short4) == 8 && alignof(int2) == 8, "vector alignment");
static_assert(sizeof(dim3) == 12, "dim3 layout");
static_assert(cudaSuccess == 0 && cudaErrorInvalidValue == 1 && cudaErrorAssert == 710 &&
                  cudaErrorUnknown == 999 && CUDA_ERROR_LAUNCH_FAILED == 719,
              "error codes");
static_assert(CUDART_VERSION == 13000 && CUDA_VERSION == 13000, "versions");
static_assert(CUDART_INF_F > 3.0e38f, "constant expression");

__constant__ float c_coeffs[16];
__device__ int d_counter;

__global__ void __launch_bounds__(256) saxpy(int n, float a, const float *__restrict__ x,
                                             float *__restrict__ y);

#define CHECK(call)                                                              \
  do {                                                                           \
    cudaError_t err_ = (call);                                                   \
    if (err_ != cudaSuccess) {                                                   \
      std::fprintf(stderr, "%s: %s\n", cudaGetErrorName(err_), cudaGetErrorString(err_)); \
      return 1;                                                                  \
    }                                                                            \
  } while (0)

int host_main() {
  int n = 1 << 20;
  std::vector<float> h(n, 1.0f);
  float *d_x = nullptr, *d_y = nullptr, *pinned = nullptr, *managed = nullptr;
  CHECK(cudaMalloc(&d_x, n * sizeof(float)));
  CHECK(cudaMalloc((void **)&d_y, n * sizeof(float)));
  CHECK(cudaMallocHost(&pinned, n * sizeof(float)));
  CHECK(cudaMallocManaged(&managed, n * sizeof(float)));
  CHECK(cudaMemcpy(d_x, h.data(), n * sizeof(float), cudaMemcpyHostToDevice));
  CHECK(cudaMemcpyToSymbol(c_coeffs, h.data(), sizeof(c_coeffs)));
  CHECK(cudaMemcpyFromSymbol(&n, d_counter, sizeof(int)));
  void *sym = nullptr;
  CHECK(cudaGetSymbolAddress(&sym, d_counter));

  cudaStream_t s;
  cudaEvent_t e0, e1;
  CHECK(cudaStreamCreateWithFlags(&s, cudaStreamNonBlocking));
  CHECK(cudaEventCreate(&e0));
  CHECK(cudaEventCreate(&e1));
  CHECK(cudaEventRecord(e0));
  dim3 block(256), grid((n + 255) / 256);
  dim3 g2 = dim3(4, 4);
  float a = 2.0f;
  void *args[] = {&n, &a, &d_x, &d_y};
  CHECK(cudaLaunchKernel(saxpy, grid, block, args));
  CHECK(cudaLaunchKernel((const void *)saxpy, g2, block, args, 0, s));
  CHECK(cudaMemcpyAsync(pinned, d_y, n * sizeof(float), cudaMemcpyDeviceToHost, s));
  CHECK(cudaEventRecord(e1, s));
  CHECK(cudaEventSynchronize(e1));
  float ms = 0.0f;
  CHECK(cudaEventElapsedTime(&ms, e0, e1));
  CHECK(cudaGetLastError());
  CHECK(cudaDeviceSynchronize());

  int dev = 0, count = 0, min_grid = 0, block_size = 0, value = 0;
  CHECK(cudaGetDeviceCount(&count));
  cudaDeviceProp prop;
  CHECK(cudaGetDeviceProperties(&prop, dev));
  std::printf("%s %d.%d %zu %d %d\n", prop.name, prop.major, prop.minor, prop.totalGlobalMem,
              prop.multiProcessorCount, prop.clockRate);
  CHECK(cudaDeviceGetAttribute(&value, cudaDevAttrWarpSize, dev));
  CHECK(cudaOccupancyMaxPotentialBlockSize(&min_grid, &block_size, saxpy, 0, 0));
  cudaFuncAttributes fa;
  CHECK(cudaFuncGetAttributes(&fa, saxpy));

  float4 v = make_float4(1, 2, 3, 4);
  int2 i2 = make_int2(1, 2);
  uint3 u3 = make_uint3(1, 2, 3);
  dim3 from_u3 = u3;
  double2 d2 = make_double2(1.0, 2.0);
  ulonglong2 q = make_ulonglong2(1ull, 2ull);

  half hv = __float2half(1.5f);
  __half2 hv2 = __floats2half2_rn(0.5f, -2.0f);
  float back = __half2float(hv) + __low2float(hv2) + __high2float(hv2) + hv;
  unsigned short bits = __half_as_ushort(__ushort_as_half(0x3c00));

  CHECK(cudaFree(d_x));
  CHECK(cudaFree(d_y));
  CHECK(cudaFreeHost(pinned));
  CHECK(cudaFree(managed));
  CHECK(cudaStreamDestroy(s));
  return (int)(v.x + (float)i2.y + (float)from_u3.z + (float)d2.y + (float)q.x + back + bits +
               ms + CUDART_PI_F);
}

int driver_main() {
  CUdevice dev;
  CUcontext ctx;
  CUmodule mod;
  CUfunction fn;
  CUdeviceptr p;
  if (cuInit(0) != CUDA_SUCCESS) return 1;
  cuDeviceGet(&dev, 0);
  cuCtxCreate(&ctx, 0, dev);
  cuModuleLoadData(&mod, "");
  cuModuleGetFunction(&fn, mod, "k");
  cuMemAlloc(&p, 16);
  void *params[] = {&p};
  cuLaunchKernel(fn, 1, 1, 1, 32, 1, 1, 0, 0, params, nullptr);
  return cuCtxSynchronize() == CUDA_SUCCESS ? 0 : 1;
}
