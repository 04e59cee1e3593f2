// Texture objects on CUDA arrays, linear and pitched memory: tex1Dfetch,
// tex1D/tex2D/tex3D with point and linear filtering, clamp, wrap, mirror
// and border addressing, normalized coordinates and the normalized-float
// read mode of 8-bit texels, each against a value computed here; and
// surface objects written and read with surf2Dwrite/surf2Dread (zero and
// clamp boundary modes).  A backend without texture objects
// (cudaCreateTextureObject reports cudaErrorNotSupported) makes the program
// say so and pass; one with some of them skips the others by name (the
// CUDA backend has all of them; its 1-D/3-D array textures and surfaces
// are not yet run on a GPU).
#include "common.h"
#include <cmath>

__global__ void fetch1d(const cudaTextureObject_t t, int *out, int n) {
  int i = threadIdx.x;
  if (i < n) out[i] = tex1Dfetch<int>(t, i - 2);  // two below the start: 0
}

__global__ void sample2d(cudaTextureObject_t t, float *out, const float2 *at, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = tex2D<float>(t, at[i].x, at[i].y);
}

__global__ void sample_rgba(cudaTextureObject_t t, float4 *out) {
  out[threadIdx.x] = tex1D<float4>(t, threadIdx.x + 0.5f);
}

__global__ void sample3d(cudaTextureObject_t t, float *out) {
  int i = threadIdx.x;
  out[i] = tex3D<float>(t, 1.5f, 0.5f + i % 2, 0.5f + i / 2);
}

// out(x, y) = 2 * in(x + 1, y): reads past the right edge clamp (or read 0)
__global__ void surf_shift(cudaSurfaceObject_t in, cudaSurfaceObject_t out, int W, int H,
                           bool clamp) {
  int x = threadIdx.x, y = blockIdx.x;
  float v = clamp ? surf2Dread<float>(in, (x + 1) * 4, y, cudaBoundaryModeClamp)
                  : surf2Dread<float>(in, (x + 1) * 4, y, cudaBoundaryModeZero);
  surf2Dwrite(2.0f * v, out, x * 4, y);
  surf2Dwrite(-1.0f, out, (x + W) * 4, y, cudaBoundaryModeZero);  // outside: dropped
}

static float img(int x, int y) { return (float)(x * 3 + y * 7 % 5); }

// what linear filtering returns at unnormalized (x, y) with clamping
static float bilinear(float x, float y, int W, int H) {
  float xb = x - 0.5f, yb = y - 0.5f;
  int x0 = (int)floorf(xb), y0 = (int)floorf(yb);
  float a = floorf((xb - x0) * 256 + 0.5f) / 256, b = floorf((yb - y0) * 256 + 0.5f) / 256;
  auto at = [&](int x, int y) {
    x = x < 0 ? 0 : x >= W ? W - 1 : x;
    y = y < 0 ? 0 : y >= H ? H - 1 : y;
    return img(x, y);
  };
  float r0 = at(x0, y0) + (at(x0 + 1, y0) - at(x0, y0)) * a;
  float r1 = at(x0, y0 + 1) + (at(x0 + 1, y0 + 1) - at(x0, y0 + 1)) * a;
  return r0 + (r1 - r0) * b;
}

// the part of the test that needs what `call` makes is skipped, by name,
// where the backend reports cudaErrorNotSupported for it
// (its variable is not CHECK's e_: `cudaError_t e_ = (e_)` inside CHECK
// would read CHECK's own, uninitialised one)
#define SKIP_IF_UNSUPPORTED(what, call)                                          \
  do {                                                                           \
    cudaError_t skip_e_ = (call);                                                \
    if (skip_e_ == cudaErrorNotSupported) {                                      \
      printf("texture_objects: %s not supported on this backend; skipped\n", what); \
      return 0;                                                                  \
    }                                                                            \
    CHECK(skip_e_);                                                              \
  } while (0)

static int test_fetch() {
  const int n = 16;
  int *d, *out;
  CHECK(cudaMalloc(&d, n * sizeof(int)));
  CHECK(cudaMallocManaged(&out, (n + 2) * sizeof(int)));
  int h[n];
  for (int i = 0; i < n; i++) h[i] = 100000007 * (i + 1);  // beyond float's 24 bits
  CHECK(cudaMemcpy(d, h, sizeof h, cudaMemcpyHostToDevice));
  cudaResourceDesc res = {};
  res.resType = cudaResourceTypeLinear;
  res.res.linear.devPtr = d;
  res.res.linear.desc = cudaCreateChannelDesc<int>();
  res.res.linear.sizeInBytes = sizeof h;
  cudaTextureDesc td = {};
  cudaTextureObject_t t;
  cudaError_t e = cudaCreateTextureObject(&t, &res, &td, NULL);
  if (e == cudaErrorNotSupported) return -1;
  CHECK(e);
  fetch1d<<<1, n + 2>>>(t, out, n + 2);
  CHECK(cudaDeviceSynchronize());
  int errors = 0;
  for (int i = 0; i < n + 2; i++) errors += out[i] != (i < 2 ? 0 : h[i - 2]);
  CHECK(cudaDestroyTextureObject(t));
  CHECK(cudaFree(d));
  CHECK(cudaFree(out));
  return errors;
}

static int test_2d(bool linear, enum cudaTextureAddressMode mode, bool normalized) {
  const int W = 8, H = 6, n = 40;
  float h[H][W];
  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++) h[y][x] = img(x, y);
  cudaChannelFormatDesc cd = cudaCreateChannelDesc(32, 0, 0, 0, cudaChannelFormatKindFloat);
  cudaArray_t arr;
  CHECK(cudaMallocArray(&arr, &cd, W, H));
  CHECK(cudaMemcpy2DToArray(arr, 0, 0, h, W * sizeof(float), W * sizeof(float), H,
                            cudaMemcpyHostToDevice));
  cudaResourceDesc res = {};
  res.resType = cudaResourceTypeArray;
  res.res.array.array = arr;
  cudaTextureDesc td = {};
  td.addressMode[0] = td.addressMode[1] = mode;
  td.filterMode = linear ? cudaFilterModeLinear : cudaFilterModePoint;
  td.normalizedCoords = normalized;
  td.borderColor[0] = -1.0f;
  cudaTextureObject_t t;
  CHECK(cudaCreateTextureObject(&t, &res, &td, NULL));
  float2 *at;
  float *out;
  CHECK(cudaMallocManaged(&at, n * sizeof(float2)));
  CHECK(cudaMallocManaged(&out, n * sizeof(float)));
  for (int i = 0; i < n; i++) at[i] = make_float2(-2.25f + 0.37f * i, -1.5f + 0.23f * i);
  if (normalized)
    for (int i = 0; i < n; i++) at[i].x /= W, at[i].y /= H;
  sample2d<<<1, n>>>(t, out, at, n);
  CHECK(cudaDeviceSynchronize());
  int errors = 0;
  for (int i = 0; i < n; i++) {
    float x = normalized ? at[i].x * W : at[i].x, y = normalized ? at[i].y * H : at[i].y;
    float want;
    if (linear) {
      want = bilinear(x, y, W, H);  // clamp only
    } else {
      int xi = (int)floorf(x), yi = (int)floorf(y);
      if (mode == cudaAddressModeBorder && (xi < 0 || yi < 0 || xi >= W || yi >= H)) want = -1.0f;
      else if (mode == cudaAddressModeWrap) want = img(((xi % W) + W) % W, ((yi % H) + H) % H);
      else if (mode == cudaAddressModeMirror) {
        int mx = ((xi % (2 * W)) + 2 * W) % (2 * W), my = ((yi % (2 * H)) + 2 * H) % (2 * H);
        want = img(mx < W ? mx : 2 * W - 1 - mx, my < H ? my : 2 * H - 1 - my);
      } else want = img(xi < 0 ? 0 : xi >= W ? W - 1 : xi, yi < 0 ? 0 : yi >= H ? H - 1 : yi);
    }
    if (fabsf(out[i] - want) > 1e-4f) {
      if (errors < 3) printf("2d %d/%d/%d at (%g, %g): %g, want %g\n", linear, mode, normalized, x, y, out[i], want);
      errors++;
    }
  }
  CHECK(cudaDestroyTextureObject(t));
  CHECK(cudaFreeArray(arr));
  CHECK(cudaFree(at));
  CHECK(cudaFree(out));
  return errors;
}

static int test_rgba() {
  uchar4 h[4] = {{0, 255, 51, 102}, {255, 0, 0, 255}, {1, 2, 3, 4}, {128, 64, 32, 16}};
  cudaChannelFormatDesc cd = cudaCreateChannelDesc<uchar4>();
  cudaArray_t arr;
  CHECK(cudaMallocArray(&arr, &cd, 4));
  CHECK(cudaMemcpy2DToArray(arr, 0, 0, h, sizeof h, sizeof h, 1, cudaMemcpyHostToDevice));
  cudaResourceDesc res = {};
  res.resType = cudaResourceTypeArray;
  res.res.array.array = arr;
  cudaTextureDesc td = {};
  td.readMode = cudaReadModeNormalizedFloat;
  cudaTextureObject_t t;
  SKIP_IF_UNSUPPORTED("1-D array textures", cudaCreateTextureObject(&t, &res, &td, NULL));
  float4 *out;
  CHECK(cudaMallocManaged(&out, 4 * sizeof(float4)));
  sample_rgba<<<1, 4>>>(t, out);
  CHECK(cudaDeviceSynchronize());
  int errors = 0;
  for (int i = 0; i < 4; i++)
    errors += fabsf(out[i].x - h[i].x / 255.0f) > 1e-6f || fabsf(out[i].y - h[i].y / 255.0f) > 1e-6f ||
              fabsf(out[i].z - h[i].z / 255.0f) > 1e-6f || fabsf(out[i].w - h[i].w / 255.0f) > 1e-6f;
  CHECK(cudaDestroyTextureObject(t));
  CHECK(cudaFreeArray(arr));
  CHECK(cudaFree(out));
  return errors;
}

static int test_3d() {
  const int W = 4, H = 2, D = 3;
  float h[D][H][W];
  for (int z = 0; z < D; z++)
    for (int y = 0; y < H; y++)
      for (int x = 0; x < W; x++) h[z][y][x] = 100.0f * z + 10.0f * y + x;
  cudaChannelFormatDesc cd = cudaCreateChannelDesc<float>();
  cudaArray_t arr;
  CHECK(cudaMalloc3DArray(&arr, &cd, make_cudaExtent(W, H, D)));
  cudaMemcpy3DParms p = {0};
  p.srcPtr = make_cudaPitchedPtr(h, W * sizeof(float), W, H);
  p.dstArray = arr;
  p.extent = make_cudaExtent(W, H, D);
  p.kind = cudaMemcpyHostToDevice;
  CHECK(cudaMemcpy3D(&p));
  cudaResourceDesc res = {};
  res.resType = cudaResourceTypeArray;
  res.res.array.array = arr;
  cudaTextureDesc td = {};
  cudaTextureObject_t t;
  SKIP_IF_UNSUPPORTED("3-D array textures", cudaCreateTextureObject(&t, &res, &td, NULL));
  float *out;
  CHECK(cudaMallocManaged(&out, 6 * sizeof(float)));
  sample3d<<<1, 6>>>(t, out);
  CHECK(cudaDeviceSynchronize());
  int errors = 0;
  for (int i = 0; i < 6; i++) errors += out[i] != h[i / 2][i % 2][1];
  CHECK(cudaDestroyTextureObject(t));
  CHECK(cudaFreeArray(arr));
  CHECK(cudaFree(out));
  return errors;
}

static int test_surface(bool clamp) {
  const int W = 16, H = 3;
  float h[H][W], back[H][W];
  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++) h[y][x] = img(x, y);
  cudaChannelFormatDesc cd = cudaCreateChannelDesc<float>();
  cudaArray_t a, b;
  CHECK(cudaMallocArray(&a, &cd, W, H, cudaArraySurfaceLoadStore));
  CHECK(cudaMallocArray(&b, &cd, W, H, cudaArraySurfaceLoadStore));
  CHECK(cudaMemcpy2DToArray(a, 0, 0, h, W * sizeof(float), W * sizeof(float), H,
                            cudaMemcpyHostToDevice));
  cudaResourceDesc res = {};
  res.resType = cudaResourceTypeArray;
  cudaSurfaceObject_t sa, sb;
  res.res.array.array = a;
  SKIP_IF_UNSUPPORTED("surface objects", cudaCreateSurfaceObject(&sa, &res));
  res.res.array.array = b;
  CHECK(cudaCreateSurfaceObject(&sb, &res));
  surf_shift<<<H, W>>>(sa, sb, W, H, clamp);
  CHECK(cudaDeviceSynchronize());
  CHECK(cudaMemcpy2DFromArray(back, W * sizeof(float), b, 0, 0, W * sizeof(float), H,
                              cudaMemcpyDeviceToHost));
  int errors = 0;
  for (int y = 0; y < H; y++)
    for (int x = 0; x < W; x++) {
      float want = x + 1 < W ? 2 * h[y][x + 1] : clamp ? 2 * h[y][W - 1] : 0.0f;
      errors += back[y][x] != want;
    }
  CHECK(cudaDestroySurfaceObject(sa));
  CHECK(cudaDestroySurfaceObject(sb));
  CHECK(cudaFreeArray(a));
  CHECK(cudaFreeArray(b));
  return errors;
}

int main() {
  int errors = test_fetch();
  if (errors < 0) {
    printf("texture_objects: texture objects not supported on this backend; skipped\n");
    return 0;
  }
  errors += test_2d(false, cudaAddressModeClamp, false);
  errors += test_2d(false, cudaAddressModeWrap, true);
  errors += test_2d(false, cudaAddressModeMirror, true);
  errors += test_2d(false, cudaAddressModeBorder, false);
  errors += test_2d(true, cudaAddressModeClamp, false);
  errors += test_rgba();
  errors += test_3d();
  errors += test_surface(true) + test_surface(false);
  return verdict("texture_objects", errors);
}
