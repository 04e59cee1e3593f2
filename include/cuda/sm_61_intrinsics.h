/*
 * sm_61_intrinsics.h — the integer dot products of compute capability
 * 6.1 (cuwasm): __dp4a (four 8-bit products, summed into a 32-bit
 * accumulator) and __dp2a_lo/__dp2a_hi (two 16-bit by 8-bit products,
 * the low or high two bytes of the second operand), signed and unsigned,
 * on packed ints or on char4/uchar4 and short2/ushort2.
 *
 * Written on plain integer arithmetic so that every backend gets them;
 * templates (D unused) so that programs that never call them get no code.
 * cuda_runtime.h includes this, as nvcc makes them available implicitly.
 */
#ifndef CUWASM_SM_61_INTRINSICS_H
#define CUWASM_SM_61_INTRINSICS_H

#if defined(__CUDA_ARCH__) && defined(__cplusplus)

/* byte k of v, sign- or zero-extended */
template <int D = 0> static __device__ inline int __cw_sbyte(unsigned v, int k) {
  return (int)(signed char)(unsigned char)(v >> (8 * k));
}
template <int D = 0> static __device__ inline unsigned __cw_ubyte(unsigned v, int k) {
  return (v >> (8 * k)) & 0xffu;
}
/* half k of v */
template <int D = 0> static __device__ inline int __cw_shalf(unsigned v, int k) {
  return (int)(short)(unsigned short)(v >> (16 * k));
}
template <int D = 0> static __device__ inline unsigned __cw_uhalf(unsigned v, int k) {
  return (v >> (16 * k)) & 0xffffu;
}

template <int D = 0> static __device__ inline int __dp4a(int a, int b, int c) {
  unsigned ua = (unsigned)a, ub = (unsigned)b;
  for (int k = 0; k < 4; k++) c += __cw_sbyte(ua, k) * __cw_sbyte(ub, k);
  return c;
}
template <int D = 0> static __device__ inline unsigned __dp4a(unsigned a, unsigned b, unsigned c) {
  for (int k = 0; k < 4; k++) c += __cw_ubyte(a, k) * __cw_ubyte(b, k);
  return c;
}
template <int D = 0> static __device__ inline int __dp4a(char4 a, char4 b, int c) {
  return c + a.x * b.x + a.y * b.y + a.z * b.z + a.w * b.w;
}
template <int D = 0> static __device__ inline unsigned __dp4a(uchar4 a, uchar4 b, unsigned c) {
  return c + (unsigned)a.x * b.x + (unsigned)a.y * b.y + (unsigned)a.z * b.z + (unsigned)a.w * b.w;
}

/* halves of a times bytes `first` and `first + 1` of b */
template <int D = 0> static __device__ inline int __cw_dp2a(int a, int b, int c, int first) {
  unsigned ua = (unsigned)a, ub = (unsigned)b;
  return c + __cw_shalf(ua, 0) * __cw_sbyte(ub, first) + __cw_shalf(ua, 1) * __cw_sbyte(ub, first + 1);
}
template <int D = 0>
static __device__ inline unsigned __cw_dp2a(unsigned a, unsigned b, unsigned c, int first) {
  return c + __cw_uhalf(a, 0) * __cw_ubyte(b, first) + __cw_uhalf(a, 1) * __cw_ubyte(b, first + 1);
}
template <int D = 0> static __device__ inline int __dp2a_lo(int a, int b, int c) { return __cw_dp2a(a, b, c, 0); }
template <int D = 0> static __device__ inline int __dp2a_hi(int a, int b, int c) { return __cw_dp2a(a, b, c, 2); }
template <int D = 0>
static __device__ inline unsigned __dp2a_lo(unsigned a, unsigned b, unsigned c) { return __cw_dp2a(a, b, c, 0); }
template <int D = 0>
static __device__ inline unsigned __dp2a_hi(unsigned a, unsigned b, unsigned c) { return __cw_dp2a(a, b, c, 2); }
template <int D = 0> static __device__ inline int __dp2a_lo(short2 a, char4 b, int c) {
  return c + a.x * b.x + a.y * b.y;
}
template <int D = 0> static __device__ inline int __dp2a_hi(short2 a, char4 b, int c) {
  return c + a.x * b.z + a.y * b.w;
}
template <int D = 0> static __device__ inline unsigned __dp2a_lo(ushort2 a, uchar4 b, unsigned c) {
  return c + (unsigned)a.x * b.x + (unsigned)a.y * b.y;
}
template <int D = 0> static __device__ inline unsigned __dp2a_hi(ushort2 a, uchar4 b, unsigned c) {
  return c + (unsigned)a.x * b.z + (unsigned)a.y * b.w;
}

#endif
#endif
