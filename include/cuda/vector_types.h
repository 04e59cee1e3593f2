/*
 * vector_types.h — CUDA's built-in vector types and dim3 (cuwasm).
 *
 * Device pass: sema knows char1..4, uchar1..4, short1..4, ushort1..4,
 * int1..4, uint1..4, long1..4, ulong1..4, longlong1..4, ulonglong1..4,
 * float1..4, double1..4, uint3 and dim3 intrinsically, and CUDA 13's
 * long4, ulong4, longlong4, ulonglong4 and double4 with an explicit
 * alignment (…_16a, …_32a), so this file declares nothing there.  (CUDA 13
 * deprecates the plain 16-byte aligned names of those five for the
 * suffixed ones; cuwasm keeps them without the deprecation warning.)
 *
 * Host pass: the same set as plain structs, with the sizes and alignments
 * CUDA documents (a 2- or 4-element vector is aligned to its whole size,
 * 3-element vectors only to their element), so a struct of them has the same
 * layout on both sides of cudaMemcpy.  dim3 is a struct whose constructor
 * defaults missing extents to 1.
 */
#ifndef CUWASM_VECTOR_TYPES_H
#define CUWASM_VECTOR_TYPES_H
#define __VECTOR_TYPES_H__ /* NVIDIA's guard: programs test it (helper_cuda.h) */

#include "host_defines.h"

#if !defined(__CUDA_ARCH__)

#define CUWASM_VEC1(name, T, al) \
  typedef struct __attribute__((aligned(al))) name { T x; } name;
#define CUWASM_VEC2(name, T, al) \
  typedef struct __attribute__((aligned(al))) name { T x, y; } name;
#define CUWASM_VEC3(name, T) \
  typedef struct name { T x, y, z; } name;
#define CUWASM_VEC4(name, T, al) \
  typedef struct __attribute__((aligned(al))) name { T x, y, z, w; } name;

CUWASM_VEC1(char1, signed char, 1)
CUWASM_VEC2(char2, signed char, 2)
CUWASM_VEC3(char3, signed char)
CUWASM_VEC4(char4, signed char, 4)
CUWASM_VEC1(uchar1, unsigned char, 1)
CUWASM_VEC2(uchar2, unsigned char, 2)
CUWASM_VEC3(uchar3, unsigned char)
CUWASM_VEC4(uchar4, unsigned char, 4)

CUWASM_VEC1(short1, short, 2)
CUWASM_VEC2(short2, short, 4)
CUWASM_VEC3(short3, short)
CUWASM_VEC4(short4, short, 8)
CUWASM_VEC1(ushort1, unsigned short, 2)
CUWASM_VEC2(ushort2, unsigned short, 4)
CUWASM_VEC3(ushort3, unsigned short)
CUWASM_VEC4(ushort4, unsigned short, 8)

CUWASM_VEC1(int1, int, 4)
CUWASM_VEC2(int2, int, 8)
CUWASM_VEC3(int3, int)
CUWASM_VEC4(int4, int, 16)
CUWASM_VEC1(uint1, unsigned int, 4)
CUWASM_VEC2(uint2, unsigned int, 8)
CUWASM_VEC3(uint3, unsigned int)
CUWASM_VEC4(uint4, unsigned int, 16)

CUWASM_VEC1(long1, long int, 8)
CUWASM_VEC2(long2, long int, 16)
CUWASM_VEC3(long3, long int)
CUWASM_VEC4(long4, long int, 16)
CUWASM_VEC1(ulong1, unsigned long int, 8)
CUWASM_VEC2(ulong2, unsigned long int, 16)
CUWASM_VEC3(ulong3, unsigned long int)
CUWASM_VEC4(ulong4, unsigned long int, 16)

CUWASM_VEC1(longlong1, long long int, 8)
CUWASM_VEC2(longlong2, long long int, 16)
CUWASM_VEC1(ulonglong1, unsigned long long int, 8)
CUWASM_VEC2(ulonglong2, unsigned long long int, 16)
CUWASM_VEC3(longlong3, long long int)
CUWASM_VEC3(ulonglong3, unsigned long long int)
CUWASM_VEC4(longlong4, long long int, 16)
CUWASM_VEC4(ulonglong4, unsigned long long int, 16)

CUWASM_VEC1(float1, float, 4)
CUWASM_VEC2(float2, float, 8)
CUWASM_VEC3(float3, float)
CUWASM_VEC4(float4, float, 16)

CUWASM_VEC1(double1, double, 8)
CUWASM_VEC2(double2, double, 16)
CUWASM_VEC3(double3, double)
CUWASM_VEC4(double4, double, 16)

CUWASM_VEC4(long4_16a, long int, 16)
CUWASM_VEC4(long4_32a, long int, 32)
CUWASM_VEC4(ulong4_16a, unsigned long int, 16)
CUWASM_VEC4(ulong4_32a, unsigned long int, 32)
CUWASM_VEC4(longlong4_16a, long long int, 16)
CUWASM_VEC4(longlong4_32a, long long int, 32)
CUWASM_VEC4(ulonglong4_16a, unsigned long long int, 16)
CUWASM_VEC4(ulonglong4_32a, unsigned long long int, 32)
CUWASM_VEC4(double4_16a, double, 16)
CUWASM_VEC4(double4_32a, double, 32)

#undef CUWASM_VEC1
#undef CUWASM_VEC2
#undef CUWASM_VEC3
#undef CUWASM_VEC4

#ifdef __cplusplus
struct dim3 {
  unsigned int x, y, z;
  constexpr dim3(unsigned int vx = 1, unsigned int vy = 1, unsigned int vz = 1)
      : x(vx), y(vy), z(vz) {}
  constexpr dim3(uint3 v) : x(v.x), y(v.y), z(v.z) {}
  constexpr operator uint3() const { return uint3{x, y, z}; }
};
#else
typedef struct dim3 dim3;
struct dim3 { unsigned int x, y, z; };
#endif

#endif /* !__CUDA_ARCH__ */

#endif /* CUWASM_VECTOR_TYPES_H */
