/*
 * sys/types.h — device-pass shim (cuwasm).
 *
 * The BSD/SysV short names of unsigned types that glibc's <sys/types.h>
 * declares and device code uses (`uint`, `ushort`, `ulong`), and ssize_t.
 * NVRTC gets these lines as written; nvcc gets the system header.
 */
#ifndef CUWASM_DEVICE_SYS_TYPES_H
#define CUWASM_DEVICE_SYS_TYPES_H
#include <stddef.h>
typedef unsigned int uint;
typedef unsigned short ushort;
typedef unsigned long ulong;
typedef unsigned char u_char;
typedef unsigned int u_int;
typedef long ssize_t;
#endif
