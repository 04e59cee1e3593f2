/*
 * texture_fetch_functions.h — texture object reads in device code
 * (cuwasm, CPU backend).
 *
 * A cudaTextureObject_t made by cudaCreateTextureObject (src/compat/
 * runtime_texture.c) is the address of a __cuwasm_texture record in
 * memory the CPU backend's kernels share with the host; the functions here
 * are ordinary device code that read it: addressing (wrap, clamp, mirror,
 * border) of normalized or unnormalized coordinates, point or linear
 * filtering with CUDA's 8-bit interpolation weights, and the element type
 * or normalized-float read modes.  Texel values travel as doubles, so
 * 32-bit integer texels come back exact.  On the CUDA backend NVRTC's own
 * texture functions are used and texture objects are not supported yet
 * (cudaCreateTextureObject says so).  Surface objects (surf1D/2D/3D read
 * and write, x in bytes, zero/clamp/trap boundary modes) use the same
 * record.
 *
 * The record's layout is shared with runtime_texture.c: keep them equal.
 */
#ifndef CUWASM_TEXTURE_FETCH_FUNCTIONS_H
#define CUWASM_TEXTURE_FETCH_FUNCTIONS_H
#define __TEXTURE_FETCH_FUNCTIONS_H__ /* NVIDIA's guard */

#include "texture_types.h"

/* the fields, in one place for both spellings below */
#define CUWASM_TEXTURE_FIELDS                                                         \
  const unsigned char *data;                                                          \
  unsigned long long pitch; /* bytes from one row to the next */                      \
  unsigned long long slice; /* bytes from one 2-D slice to the next */                \
  int width, height, depth;                                                           \
  int channels;        /* 1..4 */                                                     \
  int bytes;           /* per channel: 1, 2 or 4 */                                   \
  int kind;            /* cudaChannelFormatKind: 0 signed, 1 unsigned, 2 float */     \
  int filter;          /* 0 point, 1 linear */                                        \
  int read_normalized; /* integer texels read as floats in [0, 1] / [-1, 1] */        \
  int normalized_coords;                                                              \
  int address[3];      /* cudaTextureAddressMode per dimension */                     \
  float border[4];

#if !defined(__CUDA_ARCH__)
struct __cuwasm_texture {
  CUWASM_TEXTURE_FIELDS
};
#endif

#if defined(__CUDA_ARCH__) && defined(__cplusplus)

/* Everything below is a template (on an unused int, D = 0), so that a
 * program that uses no texture or surface pays nothing: nothing is
 * instantiated, and no function or struct reaches its generated code. */
template <int D>
struct __cuwasm_texture_t {
  CUWASM_TEXTURE_FIELDS
};

template <int D>
struct __cw_texval_t {
  double v[4];
};

template <int D = 0>
static __device__ inline const __cuwasm_texture_t<D> *__cw_tex(cudaTextureObject_t t) {
  return reinterpret_cast<const __cuwasm_texture_t<D> *>(t);
}

/* channel c of the texel at p, converted as the read mode says */
template <int D = 0>
static __device__ inline double __cw_tex_channel(const __cuwasm_texture_t<D> *t,
                                                 const unsigned char *p, int c) {
  const unsigned char *q = p + c * t->bytes;
  if (t->kind == 2) return t->bytes == 4 ? (double)*(const float *)q : 0.0;
  double v, scale;
  if (t->bytes == 1) {
    v = t->kind == 0 ? (double)*(const signed char *)q : (double)*q;
    scale = t->kind == 0 ? 127.0 : 255.0;
  } else if (t->bytes == 2) {
    v = t->kind == 0 ? (double)*(const short *)q : (double)*(const unsigned short *)q;
    scale = t->kind == 0 ? 32767.0 : 65535.0;
  } else {
    v = t->kind == 0 ? (double)*(const int *)q : (double)*(const unsigned int *)q;
    scale = t->kind == 0 ? 2147483647.0 : 4294967295.0;
  }
  if (!t->read_normalized) return v;
  v = v / scale;
  return v < -1.0 ? -1.0 : v;
}

/* index i of an axis of n texels under an address mode; -1: the border */
template <int D = 0>
static __device__ inline int __cw_tex_index(int i, int n, int mode) {
  if (i >= 0 && i < n) return i;
  if (mode == 0) { /* wrap */
    int r = i % n;
    return r < 0 ? r + n : r;
  }
  if (mode == 2) { /* mirror */
    int period = 2 * n;
    int r = i % period;
    if (r < 0) r += period;
    return r < n ? r : period - 1 - r;
  }
  if (mode == 3) return -1; /* border */
  return i < 0 ? 0 : n - 1;  /* clamp */
}

template <int D = 0>
static __device__ inline __cw_texval_t<D> __cw_tex_texel(const __cuwasm_texture_t<D> *t, int x, int y,
                                                   int z) {
  __cw_texval_t<D> r;
  x = __cw_tex_index(x, t->width, t->address[0]);
  y = __cw_tex_index(y, t->height, t->address[1]);
  z = __cw_tex_index(z, t->depth, t->address[2]);
  if (x < 0 || y < 0 || z < 0) {
    for (int c = 0; c < 4; c++) r.v[c] = t->border[c];
    return r;
  }
  const unsigned char *p = t->data + (unsigned long long)z * t->slice +
                           (unsigned long long)y * t->pitch +
                           (unsigned long long)x * (unsigned long long)(t->channels * t->bytes);
  for (int c = 0; c < 4; c++) r.v[c] = c < t->channels ? __cw_tex_channel(t, p, c) : 0.0;
  if (t->channels < 4 && (t->kind == 2 || t->read_normalized)) r.v[3] = t->channels == 1 ? 0.0 : 1.0;
  return r;
}

/* a coordinate in texels: normalized ones are scaled, and for wrap and
 * mirror reduced to one period first, as the hardware does */
template <int D = 0>
static __device__ inline float __cw_tex_coord(const __cuwasm_texture_t<D> *t, float u, int n, int axis) {
  if (!t->normalized_coords) return u;
  if (t->address[axis] == 0) u = u - floorf(u);
  else if (t->address[axis] == 2) {
    float f = u - 2.0f * floorf(u * 0.5f);
    u = f > 1.0f ? 2.0f - f : f;
  }
  return u * (float)n;
}

template <int D = 0>
static __device__ inline __cw_texval_t<D> __cw_tex_lerp(__cw_texval_t<D> a, __cw_texval_t<D> b, float w) {
  __cw_texval_t<D> r;
  for (int c = 0; c < 4; c++) r.v[c] = a.v[c] + (b.v[c] - a.v[c]) * (double)w;
  return r;
}

/* CUDA keeps 8 fractional bits of the interpolation weight */
template <int D = 0>
static __device__ inline float __cw_tex_weight(float f) {
  return floorf(f * 256.0f + 0.5f) / 256.0f;
}

template <int D = 0>
static __device__ inline __cw_texval_t<D> __cw_tex_sample(const __cuwasm_texture_t<D> *t, float u, float v,
                                                    float w, int dims) {
  float x = __cw_tex_coord(t, u, t->width, 0);
  float y = dims > 1 ? __cw_tex_coord(t, v, t->height, 1) : 0.0f;
  float z = dims > 2 ? __cw_tex_coord(t, w, t->depth, 2) : 0.0f;
  if (t->filter == 0)
    return __cw_tex_texel(t, (int)floorf(x), dims > 1 ? (int)floorf(y) : 0,
                          dims > 2 ? (int)floorf(z) : 0);
  float xb = x - 0.5f, yb = y - 0.5f, zb = z - 0.5f;
  int x0 = (int)floorf(xb), y0 = dims > 1 ? (int)floorf(yb) : 0, z0 = dims > 2 ? (int)floorf(zb) : 0;
  float a = __cw_tex_weight(xb - floorf(xb));
  float b = dims > 1 ? __cw_tex_weight(yb - floorf(yb)) : 0.0f;
  float c = dims > 2 ? __cw_tex_weight(zb - floorf(zb)) : 0.0f;
  __cw_texval_t<D> r0 = __cw_tex_lerp(__cw_tex_texel(t, x0, y0, z0), __cw_tex_texel(t, x0 + 1, y0, z0), a);
  if (dims == 1) return r0;
  __cw_texval_t<D> r1 = __cw_tex_lerp(__cw_tex_texel(t, x0, y0 + 1, z0), __cw_tex_texel(t, x0 + 1, y0 + 1, z0), a);
  __cw_texval_t<D> s0 = __cw_tex_lerp(r0, r1, b);
  if (dims == 2) return s0;
  __cw_texval_t<D> r2 = __cw_tex_lerp(__cw_tex_texel(t, x0, y0, z0 + 1), __cw_tex_texel(t, x0 + 1, y0, z0 + 1), a);
  __cw_texval_t<D> r3 = __cw_tex_lerp(__cw_tex_texel(t, x0, y0 + 1, z0 + 1), __cw_tex_texel(t, x0 + 1, y0 + 1, z0 + 1), a);
  return __cw_tex_lerp(s0, __cw_tex_lerp(r2, r3, b), c);
}

/* the sample as the type the caller asked for */
#define CUWASM_TEX_OUT1(T)                                                         \
  template <int D> static __device__ inline void __cw_tex_out(T *r, __cw_texval_t<D> v) { *r = (T)v.v[0]; }
#define CUWASM_TEX_OUT2(T, E)                                                      \
  template <int D> static __device__ inline void __cw_tex_out(T *r, __cw_texval_t<D> v) {               \
    r->x = (E)v.v[0];                                                              \
    r->y = (E)v.v[1];                                                              \
  }
#define CUWASM_TEX_OUT4(T, E)                                                      \
  template <int D> static __device__ inline void __cw_tex_out(T *r, __cw_texval_t<D> v) {               \
    r->x = (E)v.v[0];                                                              \
    r->y = (E)v.v[1];                                                              \
    r->z = (E)v.v[2];                                                              \
    r->w = (E)v.v[3];                                                              \
  }
CUWASM_TEX_OUT1(float)
CUWASM_TEX_OUT1(int)
CUWASM_TEX_OUT1(unsigned int)
CUWASM_TEX_OUT1(short)
CUWASM_TEX_OUT1(unsigned short)
CUWASM_TEX_OUT1(char)
CUWASM_TEX_OUT1(unsigned char)
CUWASM_TEX_OUT2(float2, float)
CUWASM_TEX_OUT2(int2, int)
CUWASM_TEX_OUT2(uint2, unsigned int)
CUWASM_TEX_OUT2(uchar2, unsigned char)
CUWASM_TEX_OUT4(float4, float)
CUWASM_TEX_OUT4(int4, int)
CUWASM_TEX_OUT4(uint4, unsigned int)
CUWASM_TEX_OUT4(uchar4, unsigned char)
CUWASM_TEX_OUT4(char4, signed char)
#undef CUWASM_TEX_OUT1
#undef CUWASM_TEX_OUT2
#undef CUWASM_TEX_OUT4

template <class T>
static __device__ inline T tex1Dfetch(cudaTextureObject_t t, int x) {
  const __cuwasm_texture_t<0> *d = __cw_tex(t);
  T r;
  __cw_tex_out(&r, x >= 0 && x < d->width ? __cw_tex_texel(d, x, 0, 0) : __cw_tex_texel(d, -1, -1, -1));
  return r;
}

template <class T>
static __device__ inline T tex1D(cudaTextureObject_t t, float x) {
  T r;
  __cw_tex_out(&r, __cw_tex_sample(__cw_tex(t), x, 0.0f, 0.0f, 1));
  return r;
}

template <class T>
static __device__ inline T tex2D(cudaTextureObject_t t, float x, float y) {
  T r;
  __cw_tex_out(&r, __cw_tex_sample(__cw_tex(t), x, y, 0.0f, 2));
  return r;
}

template <class T>
static __device__ inline T tex3D(cudaTextureObject_t t, float x, float y, float z) {
  T r;
  __cw_tex_out(&r, __cw_tex_sample(__cw_tex(t), x, y, z, 3));
  return r;
}

/* ---- surface objects: the same record, addressed in bytes along x ---- */

/* the texel's address, or NULL: outside and cudaBoundaryModeZero.  Trap
 * mode stops the kernel with an error, as a GPU does */
template <int D = 0>
static __device__ inline unsigned char *__cw_surf_at(cudaSurfaceObject_t s, int x, int y, int z,
                                                     int size, int mode) {
  const __cuwasm_texture_t<D> *t = __cw_tex(s);
  int row = t->width * t->channels * t->bytes;
  bool out = x < 0 || x + size > row || y < 0 || y >= t->height || z < 0 || z >= t->depth;
  if (out && mode == 2) __trap();
  if (out && mode == 0) return 0;
  if (out) {
    x = x < 0 ? 0 : x + size > row ? row - size : x;
    y = y < 0 ? 0 : y >= t->height ? t->height - 1 : y;
    z = z < 0 ? 0 : z >= t->depth ? t->depth - 1 : z;
  }
  return (unsigned char *)t->data + (unsigned long long)z * t->slice +
         (unsigned long long)y * t->pitch + (unsigned long long)x;
}

template <class T>
static __device__ inline void __cw_surf_read(T *r, cudaSurfaceObject_t s, int x, int y, int z,
                                             int m) {
  unsigned char *p = __cw_surf_at(s, x, y, z, (int)sizeof(T), m);
  if (p) *r = *(T *)p;
  else *r = T();
}

template <class T>
static __device__ inline void surf1Dread(T *r, cudaSurfaceObject_t s, int x,
                                         enum cudaSurfaceBoundaryMode m = cudaBoundaryModeTrap) {
  __cw_surf_read(r, s, x, 0, 0, (int)m);
}

template <class T>
static __device__ inline void surf2Dread(T *r, cudaSurfaceObject_t s, int x, int y,
                                         enum cudaSurfaceBoundaryMode m = cudaBoundaryModeTrap) {
  __cw_surf_read(r, s, x, y, 0, (int)m);
}

template <class T>
static __device__ inline void surf3Dread(T *r, cudaSurfaceObject_t s, int x, int y, int z,
                                         enum cudaSurfaceBoundaryMode m = cudaBoundaryModeTrap) {
  __cw_surf_read(r, s, x, y, z, (int)m);
}

template <class T>
static __device__ inline T surf1Dread(cudaSurfaceObject_t s, int x,
                                      enum cudaSurfaceBoundaryMode m = cudaBoundaryModeTrap) {
  T r;
  __cw_surf_read(&r, s, x, 0, 0, (int)m);
  return r;
}

template <class T>
static __device__ inline T surf2Dread(cudaSurfaceObject_t s, int x, int y,
                                      enum cudaSurfaceBoundaryMode m = cudaBoundaryModeTrap) {
  T r;
  __cw_surf_read(&r, s, x, y, 0, (int)m);
  return r;
}

template <class T>
static __device__ inline T surf3Dread(cudaSurfaceObject_t s, int x, int y, int z,
                                      enum cudaSurfaceBoundaryMode m = cudaBoundaryModeTrap) {
  T r;
  __cw_surf_read(&r, s, x, y, z, (int)m);
  return r;
}

template <class T>
static __device__ inline void surf1Dwrite(T v, cudaSurfaceObject_t s, int x,
                                          enum cudaSurfaceBoundaryMode m = cudaBoundaryModeTrap) {
  unsigned char *p = __cw_surf_at(s, x, 0, 0, (int)sizeof(T), (int)m);
  if (p) *(T *)p = v;
}

template <class T>
static __device__ inline void surf2Dwrite(T v, cudaSurfaceObject_t s, int x, int y,
                                          enum cudaSurfaceBoundaryMode m = cudaBoundaryModeTrap) {
  unsigned char *p = __cw_surf_at(s, x, y, 0, (int)sizeof(T), (int)m);
  if (p) *(T *)p = v;
}

template <class T>
static __device__ inline void surf3Dwrite(T v, cudaSurfaceObject_t s, int x, int y, int z,
                                          enum cudaSurfaceBoundaryMode m = cudaBoundaryModeTrap) {
  unsigned char *p = __cw_surf_at(s, x, y, z, (int)sizeof(T), (int)m);
  if (p) *(T *)p = v;
}

#endif /* __CUDA_ARCH__ && __cplusplus */

#endif /* CUWASM_TEXTURE_FETCH_FUNCTIONS_H */
