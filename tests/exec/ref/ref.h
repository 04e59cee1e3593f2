/*
 * ref.h — the interface between the execution-test runner (run_exec.c)
 * and the plain-C references in tests/exec/ref/<kernel file>.c.
 *
 * The runner parses each `// launch:` line of tests/kernels/ (each .cu), builds
 * the arguments exactly as `cuwasm launch` does, runs the kernel through
 * the C API, and hands a reference function a RefArgs: every buffer
 * argument holds a private copy of the generated inputs, which the
 * reference updates in place into the expected final contents.  The
 * runner then compares every buffer argument (inputs included: a kernel
 * that writes where it should not is caught too).
 *
 * A reference may change how buffer K is compared by setting mode[K]
 * (and tol[K]) — for order-dependent results (sorted contents, sums),
 * reassociated float reductions (looser bound), or values no reference
 * can predict (skipped, with a comment saying why).
 *
 * Beyond the buffers, a reference may name values that a kernel leaves in
 * module globals (__device__, __managed__: ref_expect_global, read back
 * through cw_module_symbol after the launch), and the device printf output
 * it expects (ref_expect_printf: the runner captures the launch's stdout;
 * lines are matched as a multiset, since threads print in no fixed order,
 * and "{*}" in an expected line matches any run of characters, for %p and
 * the like).
 *
 * Each ref file exports one table, `ref_<stem>[]`, ended by {NULL}; an
 * entry with fn == NULL records a kernel that has no reference and why.
 * One function per kernel name; where a file launches a kernel twice with
 * other sizes, the function reads the sizes from its arguments.
 */
#ifndef CUWASM_TEST_REF_H
#define CUWASM_TEST_REF_H

#include <math.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef enum {
  TY_I8, TY_U8, TY_I16, TY_U16, TY_I32, TY_U32, TY_I64, TY_U64, TY_F16, TY_F32, TY_F64
} RefType;

typedef enum {
  CHK_DEFAULT, /* exact for integers; relative 1e-5 (f32), 1e-9 (f64), 1e-2 (f16) */
  CHK_TOL,     /* relative tol[K] (and absolute tol[K] near zero) */
  CHK_SORTED,  /* multiset equality: both sides sorted, then compared */
  CHK_SUM,     /* only the sum of all elements, relative tol[K] */
  CHK_SKIP,    /* not compared (the reference says why) */
  CHK_MOSTLY,  /* element by element, as CHK_DEFAULT, but at most the
                  fraction tol[K] of the elements may differ */
} RefCheck;

enum { REF_MAX_ARGS = 32, REF_MAX_GLOBALS = 8, REF_PRINT_MAX = 8192 };

typedef struct RefArg {
  int is_buffer;
  RefType type;
  size_t count; /* buffers: element count */
  void *p;      /* buffers: data (inputs in, expected contents out) */
  union { int32_t i32; uint32_t u32; int64_t i64; uint64_t u64; float f32; double f64; } s;
} RefArg;

/* An expected value in a module global: `count` elements of `type` at
   byte `offset` of the symbol `name`. */
typedef struct RefGlobal {
  const char *name;
  size_t offset;
  RefType type;
  size_t count;
  RefCheck mode;
  double tol;
  unsigned char want[64];
} RefGlobal;

typedef struct RefArgs {
  int nargs;
  RefArg a[REF_MAX_ARGS];
  unsigned grid[3], block[3];
  size_t shared;
  RefCheck mode[REF_MAX_ARGS];
  double tol[REF_MAX_ARGS];
  int nglobals; /* expected globals (ref_expect_global) */
  RefGlobal glob[REF_MAX_GLOBALS];
  int check_printed; /* 1: compare the launch's printf output with expect_printed */
  size_t printed_len;
  char expect_printed[REF_PRINT_MAX];
  const char *ref_error; /* a limit of this header the reference exceeded:
                            the runner fails the launch, naming it */
} RefArgs;

typedef void (*RefFn)(RefArgs *r);

typedef struct RefEntry {
  const char *kernel; /* as on the launch line */
  RefFn fn;           /* NULL: no reference */
  const char *why;    /* when fn is NULL */
} RefEntry;

/* Typed views of argument K. */
#define BF32(K) ((float *)r->a[K].p)
#define BF64(K) ((double *)r->a[K].p)
#define BI32(K) ((int32_t *)r->a[K].p)
#define BU32(K) ((uint32_t *)r->a[K].p)
#define BI64(K) ((int64_t *)r->a[K].p)
#define BU64(K) ((uint64_t *)r->a[K].p)
#define BI16(K) ((int16_t *)r->a[K].p)
#define BU8(K) ((uint8_t *)r->a[K].p)
#define BF16(K) ((uint16_t *)r->a[K].p)
#define NEL(K) (r->a[K].count)
#define SI32(K) (r->a[K].s.i32)
#define SU32(K) (r->a[K].s.u32)
#define SI64(K) (r->a[K].s.i64)
#define SU64(K) (r->a[K].s.u64)
#define SF32(K) (r->a[K].s.f32)
#define SF64(K) (r->a[K].s.f64)
#define NTHREADS(r) ((size_t)(r)->grid[0] * (r)->grid[1] * (r)->grid[2] * \
                     (r)->block[0] * (r)->block[1] * (r)->block[2])

/* IEEE half <-> float, round to nearest even (shared with the runner). */
uint16_t ref_f32_to_f16(float f);
float ref_f16_to_f32(uint16_t h);

static inline void ref_set(RefArgs *r, int k, RefCheck m, double tol) {
  r->mode[k] = m;
  r->tol[k] = tol;
}

/* Expects `count` values of `type` (copied from `want`) at byte `offset`
   of module global `name`, compared as buffers are (exact for integers). */
static inline void ref_expect_global(RefArgs *r, const char *name, size_t offset, RefType type,
                                     size_t count, const void *want) {
  static const size_t sz[] = {1, 1, 2, 2, 4, 4, 8, 8, 2, 4, 8};
  if (r->nglobals >= REF_MAX_GLOBALS) {
    r->ref_error = "ref_expect_global: more than REF_MAX_GLOBALS globals";
    return;
  }
  if (count * sz[type] > sizeof r->glob[0].want) {
    r->ref_error = "ref_expect_global: more than 64 bytes (RefGlobal.want)";
    return;
  }
  RefGlobal *g = &r->glob[r->nglobals++];
  g->name = name;
  g->offset = offset;
  g->type = type;
  g->count = count;
  g->mode = CHK_DEFAULT;
  g->tol = 0;
  memcpy(g->want, want, count * sz[type]);
}

/* Appends to the expected printf output (and turns its check on). */
static inline void ref_expect_printf(RefArgs *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static inline void ref_expect_printf(RefArgs *r, const char *fmt, ...) {
  va_list ap;
  size_t room = sizeof r->expect_printed - r->printed_len;
  va_start(ap, fmt);
  int n = vsnprintf(r->expect_printed + r->printed_len, room, fmt, ap);
  va_end(ap);
  r->check_printed = 1;
  if (n >= (int)room) r->ref_error = "ref_expect_printf: more than REF_PRINT_MAX bytes";
  if (n > 0) r->printed_len += (size_t)n < room ? (size_t)n : room - 1;
}

#endif
