/*
 * stddef.h — device-pass shim (cuwasm): size_t and ptrdiff_t are long
 * wide, a pointer's size on LP64 and on ILP32 (web builds).
 *
 * offsetof is left out on purpose: it needs __builtin_offsetof, which our
 * front end does not provide.
 */
#ifndef CUWASM_DEVICE_STDDEF_H
#define CUWASM_DEVICE_STDDEF_H

#ifndef CUWASM_SIZE_T_DEFINED
#define CUWASM_SIZE_T_DEFINED
typedef unsigned long size_t;
typedef long          ptrdiff_t;
#endif

#ifndef NULL
#ifdef __cplusplus
#define NULL 0
#else
#define NULL ((void *)0)
#endif
#endif

#endif /* CUWASM_DEVICE_STDDEF_H */
