/*
 * stdint.h — device-pass shim (cuwasm).
 *
 * The device pass never reads system headers, so kernels that include
 * <stdint.h> get this file instead.  Types follow the host's data model,
 * as nvcc's do: on LP64 (Linux, the default) long is 64 bits, so int64_t
 * is long (not long long), which keeps overloads and printf formats the
 * same as under nvcc; on ILP32 (a web build's wasm32 host code,
 * __ILP32__) long and pointers are 32 bits and int64_t is long long, as
 * emscripten's own <stdint.h> has them, so that host and device agree on
 * every struct and array they share.
 */
#ifndef CUWASM_DEVICE_STDINT_H
#define CUWASM_DEVICE_STDINT_H

#if __SIZEOF_LONG__ == 8
#define __CW_INT64 long
#define __CW_FAST long /* int_fast16_t and int_fast32_t: glibc's on LP64 */
#define __CW_I64_SUFFIX(c) c ## L
#define __CW_U64_SUFFIX(c) c ## UL
#define __CW_FAST_MAX 9223372036854775807L
#else
#define __CW_INT64 long long
#define __CW_FAST int
#define __CW_I64_SUFFIX(c) c ## LL
#define __CW_U64_SUFFIX(c) c ## ULL
#define __CW_FAST_MAX 2147483647
#endif

typedef signed char          int8_t;
typedef short                int16_t;
typedef int                  int32_t;
typedef __CW_INT64           int64_t;
typedef unsigned char        uint8_t;
typedef unsigned short       uint16_t;
typedef unsigned int         uint32_t;
typedef unsigned __CW_INT64  uint64_t;

typedef signed char          int_least8_t;
typedef short                int_least16_t;
typedef int                  int_least32_t;
typedef __CW_INT64           int_least64_t;
typedef unsigned char        uint_least8_t;
typedef unsigned short       uint_least16_t;
typedef unsigned int         uint_least32_t;
typedef unsigned __CW_INT64  uint_least64_t;

typedef signed char          int_fast8_t;
typedef __CW_FAST            int_fast16_t;
typedef __CW_FAST            int_fast32_t;
typedef __CW_INT64           int_fast64_t;
typedef unsigned char        uint_fast8_t;
typedef unsigned __CW_FAST   uint_fast16_t;
typedef unsigned __CW_FAST   uint_fast32_t;
typedef unsigned __CW_INT64  uint_fast64_t;

typedef long                 intptr_t; /* a pointer's size on both models */
typedef unsigned long        uintptr_t;
typedef __CW_INT64           intmax_t;
typedef unsigned __CW_INT64  uintmax_t;

#ifndef CUWASM_SIZE_T_DEFINED
#define CUWASM_SIZE_T_DEFINED
typedef unsigned long        size_t;
typedef long                 ptrdiff_t;
#endif

#define INT8_MIN    (-128)
#define INT16_MIN   (-32767 - 1)
#define INT32_MIN   (-2147483647 - 1)
#define INT64_MIN   (-__CW_I64_SUFFIX(9223372036854775807) - 1)
#define INT8_MAX    127
#define INT16_MAX   32767
#define INT32_MAX   2147483647
#define INT64_MAX   __CW_I64_SUFFIX(9223372036854775807)
#define UINT8_MAX   255
#define UINT16_MAX  65535
#define UINT32_MAX  4294967295U
#define UINT64_MAX  __CW_U64_SUFFIX(18446744073709551615)

#define INT_LEAST8_MIN   INT8_MIN
#define INT_LEAST16_MIN  INT16_MIN
#define INT_LEAST32_MIN  INT32_MIN
#define INT_LEAST64_MIN  INT64_MIN
#define INT_LEAST8_MAX   INT8_MAX
#define INT_LEAST16_MAX  INT16_MAX
#define INT_LEAST32_MAX  INT32_MAX
#define INT_LEAST64_MAX  INT64_MAX
#define UINT_LEAST8_MAX  UINT8_MAX
#define UINT_LEAST16_MAX UINT16_MAX
#define UINT_LEAST32_MAX UINT32_MAX
#define UINT_LEAST64_MAX UINT64_MAX

#define INT_FAST8_MIN    INT8_MIN
#define INT_FAST16_MIN   (-__CW_FAST_MAX - 1)
#define INT_FAST32_MIN   (-__CW_FAST_MAX - 1)
#define INT_FAST64_MIN   INT64_MIN
#define INT_FAST8_MAX    INT8_MAX
#define INT_FAST16_MAX   __CW_FAST_MAX
#define INT_FAST32_MAX   __CW_FAST_MAX
#define INT_FAST64_MAX   INT64_MAX
#define UINT_FAST8_MAX   UINT8_MAX
#if __SIZEOF_LONG__ == 8
#define UINT_FAST16_MAX  UINT64_MAX
#define UINT_FAST32_MAX  UINT64_MAX
#define INTPTR_MIN   INT64_MIN
#define INTPTR_MAX   INT64_MAX
#define UINTPTR_MAX  UINT64_MAX
#define PTRDIFF_MIN  INT64_MIN
#define PTRDIFF_MAX  INT64_MAX
#define SIZE_MAX     UINT64_MAX
#else
#define UINT_FAST16_MAX  UINT32_MAX
#define UINT_FAST32_MAX  UINT32_MAX
#define INTPTR_MIN   (-2147483647L - 1)
#define INTPTR_MAX   2147483647L
#define UINTPTR_MAX  4294967295UL
#define PTRDIFF_MIN  (-2147483647L - 1)
#define PTRDIFF_MAX  2147483647L
#define SIZE_MAX     4294967295UL
#endif
#define UINT_FAST64_MAX  UINT64_MAX
#define INTMAX_MIN   INT64_MIN
#define INTMAX_MAX   INT64_MAX
#define UINTMAX_MAX  UINT64_MAX

#define INT8_C(c)    c
#define INT16_C(c)   c
#define INT32_C(c)   c
#define INT64_C(c)   __CW_I64_SUFFIX(c)
#define UINT8_C(c)   c
#define UINT16_C(c)  c
#define UINT32_C(c)  c ## U
#define UINT64_C(c)  __CW_U64_SUFFIX(c)
#define INTMAX_C(c)  __CW_I64_SUFFIX(c)
#define UINTMAX_C(c) __CW_U64_SUFFIX(c)

#endif /* CUWASM_DEVICE_STDINT_H */
