/*
 * cuda_array_check.c — CUDA arrays, texture and surface objects through
 * the CUDA backend's driver path, against the fake driver's host-memory
 * arrays (fake_memory.c): 1-D and 3-D arrays become arrays of the driver,
 * data copied in comes back out (through the staging memory and
 * cuMemcpy3D both ways), a partial copy keeps what a kernel wrote through
 * a surface (simulated by writing the fake array's image), textures over
 * 1-D/3-D arrays and surfaces over cudaArraySurfaceLoadStore arrays are
 * made, and a surface over an array without that flag is refused.  Run
 * with CUWASM_BACKEND=cuda and the fake driver first on the library path
 * (tests/CMakeLists.txt).
 */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#include "cuda/cuda_runtime_api.h"
#include "cuda/driver_functions.h"

static int failures;
#define EXPECT(c)                                                               \
  do {                                                                          \
    if (!(c)) {                                                                 \
      failures++;                                                               \
      fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, #c);              \
    }                                                                           \
  } while (0)

int main(void) {
  void *drv = dlopen("libcuda.so.1", RTLD_NOW);
  void *(*surface_image)(unsigned long long) =
      drv ? (void *(*)(unsigned long long))dlsym(drv, "fake_surface_image") : NULL;
  if (!surface_image) {
    fprintf(stderr, "FAIL: the fake driver is not first on the library path\n");
    return 1;
  }
  struct cudaChannelFormatDesc f = cudaCreateChannelDesc(32, 0, 0, 0, cudaChannelFormatKindFloat);

  /* 3-D: in and out whole, then one slice in; a texture over it */
  enum { W = 5, H = 3, D = 2 };
  float in[D][H][W], out[D][H][W];
  for (int i = 0; i < W * H * D; i++) (&in[0][0][0])[i] = (float)i + 0.5f;
  cudaArray_t a3 = NULL;
  EXPECT(cudaMalloc3DArray(&a3, &f, make_cudaExtent(W, H, D), 0) == cudaSuccess);
  struct cudaMemcpy3DParms p = {0};
  p.srcPtr = make_cudaPitchedPtr(in, W * sizeof(float), W, H);
  p.dstArray = a3;
  p.extent = make_cudaExtent(W, H, D);
  p.kind = cudaMemcpyHostToDevice;
  EXPECT(cudaMemcpy3D(&p) == cudaSuccess);
  struct cudaMemcpy3DParms q = {0};
  q.srcArray = a3;
  q.dstPtr = make_cudaPitchedPtr(out, W * sizeof(float), W, H);
  q.extent = make_cudaExtent(W, H, D);
  q.kind = cudaMemcpyDeviceToHost;
  memset(out, 0, sizeof out);
  EXPECT(cudaMemcpy3D(&q) == cudaSuccess);
  EXPECT(!memcmp(in, out, sizeof in));
  struct cudaResourceDesc res = {0};
  res.resType = cudaResourceTypeArray;
  res.res.array.array = a3;
  struct cudaTextureDesc td = {0};
  td.filterMode = cudaFilterModeLinear;
  cudaTextureObject_t t3 = 0;
  EXPECT(cudaCreateTextureObject(&t3, &res, &td, NULL) == cudaSuccess && t3);
  EXPECT(cudaDestroyTextureObject(t3) == cudaSuccess);
  cudaSurfaceObject_t none = 0;
  EXPECT(cudaCreateSurfaceObject(&none, &res) == cudaErrorInvalidValue); /* no LoadStore */
  cudaGetLastError();
  EXPECT(cudaFreeArray(a3) == cudaSuccess);

  /* 1-D surface array: what a kernel writes survives a partial copy in */
  enum { N = 8 };
  float v[N], back[N];
  for (int i = 0; i < N; i++) v[i] = 10.0f + (float)i;
  cudaArray_t a1 = NULL;
  EXPECT(cudaMallocArray(&a1, &f, N, 0, cudaArraySurfaceLoadStore) == cudaSuccess);
  EXPECT(cudaMemcpyToArray(a1, 0, 0, v, sizeof v, cudaMemcpyHostToDevice) == cudaSuccess);
  res.res.array.array = a1;
  cudaSurfaceObject_t s1 = 0;
  EXPECT(cudaCreateSurfaceObject(&s1, &res) == cudaSuccess && s1);
  cudaTextureObject_t t1 = 0;
  EXPECT(cudaCreateTextureObject(&t1, &res, &td, NULL) == cudaSuccess && t1);
  float *image = s1 ? surface_image(s1) : NULL;
  EXPECT(image && image[3] == 13.0f);
  if (image) image[6] = -1.0f; /* surf1Dwrite(-1.0f, s1, 6 * 4) */
  float two[2] = {100.0f, 101.0f};
  EXPECT(cudaMemcpyToArray(a1, 1 * sizeof(float), 0, two, sizeof two, cudaMemcpyHostToDevice) ==
         cudaSuccess);
  EXPECT(cudaMemcpyFromArray(back, a1, 0, 0, sizeof back, cudaMemcpyDeviceToHost) ==
         cudaSuccess);
  EXPECT(back[0] == 10.0f && back[1] == 100.0f && back[2] == 101.0f && back[6] == -1.0f &&
         back[7] == 17.0f);
  EXPECT(cudaDestroySurfaceObject(s1) == cudaSuccess);
  EXPECT(cudaDestroyTextureObject(t1) == cudaSuccess);
  EXPECT(cudaFreeArray(a1) == cudaSuccess);

  /* layered arrays are not made on this backend: a clear refusal */
  cudaArray_t layered = NULL;
  EXPECT(cudaMalloc3DArray(&layered, &f, make_cudaExtent(4, 4, 2), cudaArrayLayered) ==
         cudaErrorNotSupported);
  if (failures) return 1;
  puts("CUDA arrays, textures and surfaces on the CUDA backend's driver path: ok");
  return 0;
}
