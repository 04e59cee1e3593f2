/*
 * host_minmax.h — min and max for host code (cuwasm).
 *
 * nvcc's headers declare the integer and floating min/max overloads as
 * __host__ __device__ functions of the global namespace, so host code
 * calls max(a, b) without <algorithm>; these are the same overloads
 * (mixed signed/unsigned pairs give the unsigned type, a float/double pair
 * gives double).  In device code they are builtins of sema.
 */
#ifndef CUWASM_HOST_MINMAX_H
#define CUWASM_HOST_MINMAX_H

#if !defined(__CUDA_ARCH__) && defined(__cplusplus)

#define CUWASM_MINMAX(R, A, B)                                                        \
  static inline R min(const A a, const B b) { return (R)a < (R)b ? (R)a : (R)b; }     \
  static inline R max(const A a, const B b) { return (R)a > (R)b ? (R)a : (R)b; }
CUWASM_MINMAX(int, int, int)
CUWASM_MINMAX(unsigned int, unsigned int, unsigned int)
CUWASM_MINMAX(unsigned int, int, unsigned int)
CUWASM_MINMAX(unsigned int, unsigned int, int)
CUWASM_MINMAX(long int, long int, long int)
CUWASM_MINMAX(unsigned long int, unsigned long int, unsigned long int)
CUWASM_MINMAX(unsigned long int, long int, unsigned long int)
CUWASM_MINMAX(unsigned long int, unsigned long int, long int)
CUWASM_MINMAX(long long int, long long int, long long int)
CUWASM_MINMAX(unsigned long long int, unsigned long long int, unsigned long long int)
CUWASM_MINMAX(unsigned long long int, long long int, unsigned long long int)
CUWASM_MINMAX(unsigned long long int, unsigned long long int, long long int)
CUWASM_MINMAX(float, float, float)
CUWASM_MINMAX(double, double, double)
CUWASM_MINMAX(double, float, double)
CUWASM_MINMAX(double, double, float)
#undef CUWASM_MINMAX

#endif

#endif /* CUWASM_HOST_MINMAX_H */
