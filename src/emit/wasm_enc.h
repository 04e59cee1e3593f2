/*
 * wasm_enc.h — the WebAssembly binary format at byte level: a growable
 * byte buffer with LEB128 integers, IEEE constants, names and sections,
 * plus the opcodes the WebAssembly emitter (wasm*.c) uses.  Nothing here
 * knows KIR; the emitter writes instructions through these helpers so
 * that the compiler can produce modules without any external tool (it
 * also runs inside WebAssembly, in the page).
 */
#ifndef CW_EMIT_WASM_ENC_H
#define CW_EMIT_WASM_ENC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct WBuf {
  unsigned char *p;
  size_t len, cap;
  bool failed; /* an allocation failed: contents are incomplete */
} WBuf;

void wb_free(WBuf *b);
void wb_byte(WBuf *b, unsigned v);
void wb_bytes(WBuf *b, const void *p, size_t n);
void wb_u32(WBuf *b, uint64_t v);   /* unsigned LEB128 */
void wb_s64(WBuf *b, int64_t v);    /* signed LEB128 (i32 and i64 constants) */
void wb_f32(WBuf *b, float v);
void wb_f64(WBuf *b, double v);
void wb_name(WBuf *b, const char *s); /* length-prefixed UTF-8 */
void wb_append(WBuf *b, const WBuf *src);
/* id, then src's size and bytes (a section, or a length-prefixed body) */
void wb_section(WBuf *b, unsigned id, const WBuf *src);
/* memarg of a load/store: alignment exponent 0, offset */
void wb_mem(WBuf *b, unsigned op, uint32_t offset);
/* an atomic instruction (OP_PREFIX_FE, sub) on 2^align_log2 bytes at offset
 * 0: atomics must state their natural alignment */
void wb_atomic(WBuf *b, unsigned sub, unsigned align_log2);

/* value types */
enum { WT_I32 = 0x7f, WT_I64 = 0x7e, WT_F32 = 0x7d, WT_F64 = 0x7c, WT_V128 = 0x7b, WT_VOID = 0x40 };

/* opcodes (single byte unless noted) */
enum {
  OP_UNREACHABLE = 0x00, OP_NOP = 0x01, OP_BLOCK = 0x02, OP_LOOP = 0x03, OP_IF = 0x04,
  OP_ELSE = 0x05, OP_END = 0x0b, OP_BR = 0x0c, OP_BR_IF = 0x0d, OP_BR_TABLE = 0x0e,
  OP_RETURN = 0x0f, OP_CALL = 0x10, OP_DROP = 0x1a, OP_SELECT = 0x1b,
  OP_LOCAL_GET = 0x20, OP_LOCAL_SET = 0x21, OP_LOCAL_TEE = 0x22,
  OP_GLOBAL_GET = 0x23, OP_GLOBAL_SET = 0x24,
  OP_I32_LOAD = 0x28, OP_I64_LOAD = 0x29, OP_F32_LOAD = 0x2a, OP_F64_LOAD = 0x2b,
  OP_I32_LOAD8_S = 0x2c, OP_I32_LOAD8_U = 0x2d, OP_I32_LOAD16_S = 0x2e, OP_I32_LOAD16_U = 0x2f,
  OP_I32_STORE = 0x36, OP_I64_STORE = 0x37, OP_F32_STORE = 0x38, OP_F64_STORE = 0x39,
  OP_I32_STORE8 = 0x3a, OP_I32_STORE16 = 0x3b, OP_MEMORY_SIZE = 0x3f, /* then 0x00 */
  OP_I32_CONST = 0x41, OP_I64_CONST = 0x42, OP_F32_CONST = 0x43, OP_F64_CONST = 0x44,
  OP_I32_EQZ = 0x45, OP_I32_EQ = 0x46, OP_I32_NE = 0x47, OP_I32_LT_S = 0x48, OP_I32_LT_U = 0x49,
  OP_I32_GT_S = 0x4a, OP_I32_GT_U = 0x4b, OP_I32_LE_S = 0x4c, OP_I32_LE_U = 0x4d,
  OP_I32_GE_S = 0x4e, OP_I32_GE_U = 0x4f,
  OP_I64_EQZ = 0x50, OP_I64_EQ = 0x51, OP_I64_NE = 0x52, OP_I64_LT_S = 0x53, OP_I64_LT_U = 0x54,
  OP_I64_GT_S = 0x55, OP_I64_GT_U = 0x56, OP_I64_LE_S = 0x57, OP_I64_LE_U = 0x58,
  OP_I64_GE_S = 0x59, OP_I64_GE_U = 0x5a,
  OP_F32_EQ = 0x5b, OP_F32_NE = 0x5c, OP_F32_LT = 0x5d, OP_F32_GT = 0x5e, OP_F32_LE = 0x5f, OP_F32_GE = 0x60,
  OP_F64_EQ = 0x61, OP_F64_NE = 0x62, OP_F64_LT = 0x63, OP_F64_GT = 0x64, OP_F64_LE = 0x65, OP_F64_GE = 0x66,
  OP_I32_CLZ = 0x67, OP_I32_CTZ = 0x68, OP_I32_POPCNT = 0x69, OP_I32_ADD = 0x6a, OP_I32_SUB = 0x6b,
  OP_I32_MUL = 0x6c, OP_I32_DIV_S = 0x6d, OP_I32_DIV_U = 0x6e, OP_I32_REM_S = 0x6f, OP_I32_REM_U = 0x70,
  OP_I32_AND = 0x71, OP_I32_OR = 0x72, OP_I32_XOR = 0x73, OP_I32_SHL = 0x74, OP_I32_SHR_S = 0x75,
  OP_I32_SHR_U = 0x76, OP_I32_ROTL = 0x77, OP_I32_ROTR = 0x78,
  OP_I64_CLZ = 0x79, OP_I64_CTZ = 0x7a, OP_I64_POPCNT = 0x7b, OP_I64_ADD = 0x7c, OP_I64_SUB = 0x7d,
  OP_I64_MUL = 0x7e, OP_I64_DIV_S = 0x7f, OP_I64_DIV_U = 0x80, OP_I64_REM_S = 0x81, OP_I64_REM_U = 0x82,
  OP_I64_AND = 0x83, OP_I64_OR = 0x84, OP_I64_XOR = 0x85, OP_I64_SHL = 0x86, OP_I64_SHR_S = 0x87,
  OP_I64_SHR_U = 0x88,
  OP_F32_ABS = 0x8b, OP_F32_NEG = 0x8c, OP_F32_CEIL = 0x8d, OP_F32_FLOOR = 0x8e, OP_F32_TRUNC = 0x8f,
  OP_F32_NEAREST = 0x90, OP_F32_SQRT = 0x91, OP_F32_ADD = 0x92, OP_F32_SUB = 0x93, OP_F32_MUL = 0x94,
  OP_F32_DIV = 0x95, OP_F32_MIN = 0x96, OP_F32_MAX = 0x97, OP_F32_COPYSIGN = 0x98,
  OP_F64_ABS = 0x99, OP_F64_NEG = 0x9a, OP_F64_CEIL = 0x9b, OP_F64_FLOOR = 0x9c, OP_F64_TRUNC = 0x9d,
  OP_F64_NEAREST = 0x9e, OP_F64_SQRT = 0x9f, OP_F64_ADD = 0xa0, OP_F64_SUB = 0xa1, OP_F64_MUL = 0xa2,
  OP_F64_DIV = 0xa3, OP_F64_MIN = 0xa4, OP_F64_MAX = 0xa5, OP_F64_COPYSIGN = 0xa6,
  OP_I32_WRAP_I64 = 0xa7, OP_I32_TRUNC_F32_S = 0xa8, OP_I32_TRUNC_F64_S = 0xaa, OP_I64_EXTEND_I32_S = 0xac, OP_I64_EXTEND_I32_U = 0xad,
  OP_F32_CONVERT_I32_S = 0xb2, OP_F32_CONVERT_I32_U = 0xb3, OP_F32_CONVERT_I64_S = 0xb4,
  OP_F32_CONVERT_I64_U = 0xb5, OP_F32_DEMOTE_F64 = 0xb6, OP_F64_CONVERT_I32_S = 0xb7,
  OP_F64_CONVERT_I32_U = 0xb8, OP_F64_CONVERT_I64_S = 0xb9, OP_F64_CONVERT_I64_U = 0xba,
  OP_F64_PROMOTE_F32 = 0xbb, OP_I32_REINTERPRET_F32 = 0xbc, OP_I64_REINTERPRET_F64 = 0xbd,
  OP_F32_REINTERPRET_I32 = 0xbe, OP_F64_REINTERPRET_I64 = 0xbf,
  OP_I32_EXTEND8_S = 0xc0, OP_I32_EXTEND16_S = 0xc1,
  OP_PREFIX_FC = 0xfc, /* then u32: 0..7 trunc_sat, 10 memory.copy, 11 memory.fill */
  OP_PREFIX_FD = 0xfd, /* then u32: SIMD128 instructions (WS_*) */
  OP_PREFIX_FE = 0xfe, /* then u32: the threads proposal's atomic instructions (WA_*) */
};

/* atomic instructions after OP_PREFIX_FE.  The read-modify-write groups
 * (WA_RMW_*) come in seven widths, added to the group's code: WA_W32 (i32),
 * WA_W64 (i64), WA_W32_8U / WA_W32_16U (i32 over 8 / 16 bits, zero-extended) */
enum {
  WA_FENCE = 0x03, WA_LOAD = 0x10, WA_STORE = 0x17,
  WA_RMW_ADD = 0x1e, WA_RMW_SUB = 0x25, WA_RMW_AND = 0x2c, WA_RMW_OR = 0x33, WA_RMW_XOR = 0x3a,
  WA_RMW_XCHG = 0x41, WA_RMW_CMPXCHG = 0x48,
};
enum { WA_W32 = 0, WA_W64 = 1, WA_W32_8U = 2, WA_W32_16U = 3 };

/* SIMD128 instructions after OP_PREFIX_FD (the 4-lane i32 and f32 ones
 * wasm_simd.c uses) */
enum {
  WS_LOAD = 0x00, WS_STORE = 0x0b, WS_CONST = 0x0c, WS_LOAD32_ZERO = 0x5c, WS_LOAD64_ZERO = 0x5d,
  WS_I16X8_EXTEND_LOW_I8X16_S = 0x87, WS_I16X8_EXTEND_LOW_I8X16_U = 0x89,
  WS_I32X4_EXTEND_LOW_I16X8_S = 0xa7, WS_I32X4_EXTEND_LOW_I16X8_U = 0xa9,
  WS_I32X4_SPLAT = 0x11, WS_F32X4_SPLAT = 0x13,
  WS_I32X4_EXTRACT = 0x1b, WS_I32X4_REPLACE = 0x1c, WS_F32X4_EXTRACT = 0x1f, WS_F32X4_REPLACE = 0x20,
  WS_I32X4_EQ = 0x37, WS_I32X4_NE = 0x38, WS_I32X4_LT_S = 0x39, WS_I32X4_LT_U = 0x3a,
  WS_I32X4_GT_S = 0x3b, WS_I32X4_GT_U = 0x3c, WS_I32X4_LE_S = 0x3d, WS_I32X4_LE_U = 0x3e,
  WS_I32X4_GE_S = 0x3f, WS_I32X4_GE_U = 0x40,
  WS_F32X4_EQ = 0x41, WS_F32X4_NE = 0x42, WS_F32X4_LT = 0x43, WS_F32X4_GT = 0x44,
  WS_F32X4_LE = 0x45, WS_F32X4_GE = 0x46,
  WS_NOT = 0x4d, WS_AND = 0x4e, WS_OR = 0x50, WS_XOR = 0x51, WS_BITSELECT = 0x52, WS_ANY_TRUE = 0x53,
  WS_I32X4_NEG = 0xa1, WS_I32X4_ALL_TRUE = 0xa3, WS_I32X4_SHL = 0xab, WS_I32X4_SHR_S = 0xac,
  WS_I32X4_SHR_U = 0xad, WS_I32X4_ADD = 0xae, WS_I32X4_SUB = 0xb1, WS_I32X4_MUL = 0xb5,
  WS_F32X4_ABS = 0xe0, WS_F32X4_NEG = 0xe1, WS_F32X4_SQRT = 0xe3, WS_F32X4_ADD = 0xe4,
  WS_F32X4_SUB = 0xe5, WS_F32X4_MUL = 0xe6, WS_F32X4_DIV = 0xe7,
  WS_F32X4_CONVERT_I32X4_S = 0xfa, WS_F32X4_CONVERT_I32X4_U = 0xfb,
};

#endif
