// Texture objects over the memory every backend with textures can sample:
// a 2-D CUDA array filled with the flat cudaMemcpyToArray and read back
// with cudaMemcpyFromArray (the array's pitch may be wider than a row),
// linear memory read with tex1Dfetch, and pitched 2-D memory read as
// normalized floats.  Point and linear filtering, wrap and clamp, and
// normalized coordinates, at sample positions whose filter weights are
// exact in CUDA's 8-bit weights, so every backend must give these values.
// A backend without texture objects (cudaErrorNotSupported) says so and
// passes.
#include "common.h"

__global__ void sample2d(cudaTextureObject_t t, float *out, int W, int H) {
  int x = threadIdx.x, y = blockIdx.x;
  // texel centres, halfway between two texels in x, and one texel past the
  // right edge (wrap brings it back to column 0)
  out[(y * W + x) * 3 + 0] = tex2D<float>(t, (x + 0.5f) / W, (y + 0.5f) / H);
  out[(y * W + x) * 3 + 1] = tex2D<float>(t, (x + 1.0f) / W, (y + 0.5f) / H);
  out[(y * W + x) * 3 + 2] = tex2D<float>(t, (x + W + 0.5f) / W, (y + 0.5f) / H);
}

__global__ void fetch1d(cudaTextureObject_t t, int *out, int n) {
  int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i < n) out[i] = tex1Dfetch<int>(t, i) * 2;
}

__global__ void sample_pitched(cudaTextureObject_t t, float4 *out, int W) {
  int x = threadIdx.x, y = blockIdx.x;
  out[y * W + x] = tex2D<float4>(t, x + 0.5f, y + 0.5f);
}

static int check(const char *what, float got, float want) {
  float d = got - want;
  if (d < 0) d = -d;
  if (d > 1e-3f) {
    printf("%s: got %g, want %g\n", what, got, want);
    return 1;
  }
  return 0;
}

static int test_array(void) {
  const int W = 37, H = 5; // a row of 148 bytes: pitch padding shows
  float h[W * H], back[W * H], out[W * H * 3];
  for (int i = 0; i < W * H; i++) h[i] = (float)(i % W) + 100.0f * (i / W);
  cudaChannelFormatDesc cd = cudaCreateChannelDesc<float>();
  cudaArray_t arr;
  CHECK(cudaMallocArray(&arr, &cd, W, H));
  CHECK(cudaMemcpyToArray(arr, 0, 0, h, sizeof h, cudaMemcpyHostToDevice));
  CHECK(cudaMemcpyFromArray(back, arr, 0, 0, sizeof back, cudaMemcpyDeviceToHost));
  for (int i = 0; i < W * H; i++)
    if (back[i] != h[i]) {
      printf("array copy: element %d is %g, want %g\n", i, back[i], h[i]);
      return 1;
    }
  // a copy that starts inside a row and ends inside another
  float part[W + 3];
  CHECK(cudaMemcpyFromArray(part, arr, 5 * sizeof(float), 2, sizeof part, cudaMemcpyDeviceToHost));
  for (int i = 0; i < W + 3; i++)
    if (part[i] != h[2 * W + 5 + i]) {
      printf("partial array copy: element %d is %g, want %g\n", i, part[i], h[2 * W + 5 + i]);
      return 1;
    }
  cudaResourceDesc res = {};
  res.resType = cudaResourceTypeArray;
  res.res.array.array = arr;
  cudaTextureDesc td = {};
  td.addressMode[0] = cudaAddressModeWrap;
  td.addressMode[1] = cudaAddressModeWrap;
  td.filterMode = cudaFilterModeLinear;
  td.readMode = cudaReadModeElementType;
  td.normalizedCoords = 1;
  cudaTextureObject_t t;
  cudaError_t e = cudaCreateTextureObject(&t, &res, &td, NULL);
  if (e == cudaErrorNotSupported) return -1;
  CHECK(e);
  float *d;
  CHECK(cudaMalloc(&d, sizeof out));
  sample2d<<<H, W>>>(t, d, W, H);
  CHECK(cudaGetLastError());
  CHECK(cudaMemcpy(out, d, sizeof out, cudaMemcpyDeviceToHost));
  int bad = 0;
  for (int y = 0; y < H && !bad; y++)
    for (int x = 0; x < W && !bad; x++) {
      float v = h[y * W + x], right = h[y * W + (x + 1) % W];
      bad |= check("texel centre", out[(y * W + x) * 3], v);
      bad |= check("halfway", out[(y * W + x) * 3 + 1], (v + right) / 2);
      bad |= check("wrapped", out[(y * W + x) * 3 + 2], v);
    }
  CHECK(cudaDestroyTextureObject(t));
  CHECK(cudaFree(d));
  CHECK(cudaFreeArray(arr));
  return bad;
}

static int test_linear(void) {
  const int n = 1000;
  int h[n], out[n];
  for (int i = 0; i < n; i++) h[i] = i * 7 - 300;
  int *buf, *d;
  CHECK(cudaMalloc(&buf, sizeof h));
  CHECK(cudaMalloc(&d, sizeof out));
  CHECK(cudaMemcpy(buf, h, sizeof h, cudaMemcpyHostToDevice));
  cudaResourceDesc res = {};
  res.resType = cudaResourceTypeLinear;
  res.res.linear.devPtr = buf;
  res.res.linear.desc = cudaCreateChannelDesc<int>();
  res.res.linear.sizeInBytes = sizeof h;
  cudaTextureDesc td = {};
  td.readMode = cudaReadModeElementType;
  cudaTextureObject_t t;
  CHECK(cudaCreateTextureObject(&t, &res, &td, NULL));
  fetch1d<<<(n + 127) / 128, 128>>>(t, d, n);
  CHECK(cudaMemcpy(out, d, sizeof out, cudaMemcpyDeviceToHost));
  for (int i = 0; i < n; i++)
    if (out[i] != h[i] * 2) {
      printf("tex1Dfetch: element %d is %d, want %d\n", i, out[i], h[i] * 2);
      return 1;
    }
  CHECK(cudaDestroyTextureObject(t));
  CHECK(cudaFree(buf));
  CHECK(cudaFree(d));
  return 0;
}

static int test_pitched(void) {
  const int W = 20, H = 6;
  uchar4 h[W * H];
  float4 out[W * H];
  for (int i = 0; i < W * H; i++)
    h[i] = make_uchar4(i % 256, (i * 3) % 256, 255, 0);
  uchar4 *img;
  size_t pitch;
  CHECK(cudaMallocPitch(&img, &pitch, W * sizeof(uchar4), H));
  CHECK(cudaMemcpy2D(img, pitch, h, W * sizeof(uchar4), W * sizeof(uchar4), H,
                     cudaMemcpyHostToDevice));
  cudaResourceDesc res = {};
  res.resType = cudaResourceTypePitch2D;
  res.res.pitch2D.devPtr = img;
  res.res.pitch2D.desc = cudaCreateChannelDesc<uchar4>();
  res.res.pitch2D.width = W;
  res.res.pitch2D.height = H;
  res.res.pitch2D.pitchInBytes = pitch;
  cudaTextureDesc td = {};
  td.addressMode[0] = td.addressMode[1] = cudaAddressModeClamp;
  td.filterMode = cudaFilterModePoint;
  td.readMode = cudaReadModeNormalizedFloat;
  cudaTextureObject_t t;
  CHECK(cudaCreateTextureObject(&t, &res, &td, NULL));
  float4 *d;
  CHECK(cudaMalloc(&d, sizeof out));
  sample_pitched<<<H, W>>>(t, d, W);
  CHECK(cudaMemcpy(out, d, sizeof out, cudaMemcpyDeviceToHost));
  int bad = 0;
  for (int i = 0; i < W * H && !bad; i++) {
    bad |= check("normalized x", out[i].x, h[i].x / 255.0f);
    bad |= check("normalized y", out[i].y, h[i].y / 255.0f);
    bad |= check("normalized z", out[i].z, 1.0f);
    bad |= check("normalized w", out[i].w, 0.0f);
  }
  CHECK(cudaDestroyTextureObject(t));
  CHECK(cudaFree(img));
  CHECK(cudaFree(d));
  return bad;
}

int main(void) {
  int r = test_array();
  if (r < 0) {
    printf("texture_pitched: texture objects not supported on this backend; skipped\n");
    return 0;
  }
  return verdict("texture_pitched", r || test_linear() || test_pitched());
}
