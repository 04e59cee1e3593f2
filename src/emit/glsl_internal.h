/*
 * glsl_internal.h — what the GLSL emitter's files share (not a public
 * interface; emit.h is).
 *
 * Memory model of the generated code: every CUDA pointer is a uint64_t
 * (a uvec2 pair on a device without Int64: glsl_addr.c writes both).
 * A global/constant pointer is a Vulkan buffer device address, read and
 * written through GL_EXT_buffer_reference blocks; a pointer into shared
 * memory carries GLSL_SHARED_TAG (bit 63) and a byte offset into one
 * `shared uint SM[]` array that holds every __shared__ variable of the
 * kernel (static ones first, dynamic shared memory after them, sized by a
 * specialization constant).  So pointer arithmetic, casts, pointers in
 * structs and shared pointers passed to device functions keep CUDA's
 * meaning; every memory access goes through a small typed helper
 * (ldG_f32, stS_i32, ldX_s3 ...: G global, S shared, X decided at run time
 * from the tag) that the emitter writes on first use.
 *
 * A local or parameter whose address is taken lives in the thread's frame:
 * a slice of a scratch buffer the runtime passes per launch (cw_frame),
 * one fixed slot per variable (GLSL has no recursion, so a function is
 * never active twice in one thread).
 *
 * An lvalue is either direct (a GLSL variable: locals and parameters) or
 * memory (an address expression and the pointee type).
 */
#ifndef CW_GLSL_INTERNAL_H
#define CW_GLSL_INTERNAL_H

#include "emit.h"
#include "../kir/passes/converge.h"


typedef struct GlJump { /* a label goto may reach (glsl_goto.c) */
  const char *label;
  bool back;         /* a loop back to it (else a jump forward) */
  int flag;          /* cw_go<flag> carries the jump out of nested loops */
  int depth;         /* its construct's place in brk */
} GlJump;

typedef struct Gl {
  const KModule *m;
  const KFunc *kernel;
  CwDiags *d;
  Arena *a;          /* temporary strings */
  bool failed;
  StrBuf refs;       /* buffer_reference block declarations */
  StrBuf helpers;    /* load/store/atomic helpers, dependencies first */
  StrBuf protos;     /* device function prototypes (callers may come first) */
  StrBuf body;       /* device functions and main */
  const char **done; /* helper names already written */
  int ndone, capdone;
  int indent;
  unsigned feat;     /* GLSL_F_* */
  bool no_int64;     /* the device lacks shaderInt64: addresses are uvec2 pairs (glsl_addr.c) */
  bool no_float64;   /* the device lacks shaderFloat64 */
  bool no_int8, no_int16; /* ... 8/16-bit integers: held in int/uint (glsl_narrow.c) */
  bool float_add32, float_add64; /* the device adds floats/doubles atomically in buffers */
  bool no_f16;       /* ... shaderFloat16 / 16-bit storage: halves held in float (glsl_half.c) */
  bool said64;       /* the missing feature was reported once */
  const KExpr *discarded; /* the expression statement being written: its value is unused */
  GlJump jumps[16];  /* labels in reach, innermost last (glsl_goto.c) */
  int njumps;
  char brk[64];      /* what break/continue would leave: 'L' loop, 'S' switch, 'W' a goto's */
  int nbrk, nflags;
  const KStmt **hoisted; /* declarations written before a goto's construct */
  int nhoisted, caphoisted;
  SrcLoc at;         /* the expression being written, for diagnostics without a location */
  KVar **shvars;     /* shared variables and their byte offsets in SM */
  int *shoff;
  int nsh, capsh;
  int sh_static;     /* bytes of static shared memory */
  int sh_dyn_off;    /* where dynamic shared memory starts */
  KVar **avars;      /* locals whose address is taken: in the thread's frame */
  int *aoff;
  int nav, capav;
  int frame;         /* bytes of a thread's frame */
  bool uses_sync_red;
  GlslPrintf *printfs; /* printf call sites (heap; handed to the caller's info) */
  int nprintfs;/* __syncthreads_count & co need a shared counter */
  KType **structs;   /* struct types the shader spells */
  int nstructs, capstructs;
  const KFunc **calls; /* reachable device functions */
  int ncalls, capcalls;
} Gl;

typedef struct GLv {
  bool mem;          /* memory lvalue: text is a uint64_t address */
  char kind;         /* 'G', 'S' or 'X' for memory lvalues */
  const char *text;  /* direct lvalue, or the address */
  KType *type;
} GLv;

/* glsl.c */
void gl_error(Gl *g, SrcLoc loc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
char *gl_fmt(Gl *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void gl_line(Gl *g, StrBuf *sb, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int gl_shared_offset(Gl *g, const KVar *v); /* -1: not a shared variable */
int gl_frame_offset(Gl *g, const KVar *v);  /* -1: not in the thread's frame */

/* glsl_addr.c: address values, uint64_t or uvec2 (see there) */
const char *gl_addr_type(Gl *g);
const char *gl_addr_null(Gl *g);
const char *gl_addr_literal(Gl *g, uint64_t v);
const char *gl_addr_add(Gl *g, const char *a, int off);
/* a ± i * size, i a GLSL integer expression (signed or not) */
const char *gl_addr_scaled(Gl *g, const char *a, const char *i, bool is_signed, int size, bool sub);
const char *gl_addr_scaled_wide(Gl *g, const char *a, const char *i, int size, bool sub); /* i a pair */
const char *gl_addr_shared(Gl *g, unsigned off);          /* a shared-memory address */
const char *gl_addr_is_shared(Gl *g, const char *a);      /* a GLSL condition, unparenthesized */
const char *gl_addr_low(Gl *g, const char *a);            /* the low 32 bits, a uint */
const char *gl_addr_nonnull(Gl *g, const char *a);
const char *gl_addr_from_int(Gl *g, KType *from, const char *s, SrcLoc loc);
const char *gl_addr_to_int(Gl *g, KType *to, const char *s, SrcLoc loc);
const char *gl_addr_compare(Gl *g, const char *op, const char *a, const char *b);
const char *gl_addr_diff(Gl *g, const char *a, const char *b, int size, KType **type);
const char *gl_addr_load(Gl *g, const char *a); /* the address stored at a */
const char *gl_addr_block(Gl *g);               /* R_p: an address in memory (pairs only) */

/* glsl_narrow.c: 8/16-bit integers where the device has none (see there) */
bool gl_narrow(const Gl *g, KType *t);                    /* t (or its lanes) is held wider */
const char *gl_narrow_wrap(Gl *g, KType *t, const char *v); /* v wrapped to t's width */
void gl_narrow_ld(Gl *g, StrBuf *sb, KType *t, const char *word_block);
void gl_narrow_st(Gl *g, StrBuf *sb, KType *t, const char *word_block);

/* glsl_int64.c: 64-bit integers as uvec2 pairs where the device has none (see there) */
bool gl_wide(const Gl *g, KType *t);                      /* t is a 64-bit integer held as a pair */
const char *gl_wide_helper(Gl *g, const char *name);      /* writes helper `name` on first use */
const char *gl_wide_literal(Gl *g, uint64_t v);
const char *gl_wide_binop(Gl *g, KOp op, KType *t, const char *a, const char *b, SrcLoc loc);
const char *gl_wide_neg(Gl *g, const char *a);
/* NULL when neither side is a pair */
const char *gl_wide_convert(Gl *g, KType *from, KType *to, const char *s, SrcLoc loc);
/* a builtin's pair form; NULL: its template (int64_text) serves as it is */
const char *gl_wide_builtin(Gl *g, KExpr *e, const char **args, const char *int64_text);
const char *gl_wide_atomic(Gl *g, KBuiltinId op, char kind, bool result_used, SrcLoc loc);

/* glsl_half.c: __half in float where the device has no float16_t (see there) */
bool gl_half(const Gl *g, KType *t);                      /* t (or its lanes) is a half held in float */
const char *gl_half_round(Gl *g, KType *t, const char *v); /* v rounded to half (t: scalar or half2) */
const char *gl_half_convert(Gl *g, KType *from, KType *to, const char *s, SrcLoc loc); /* NULL: not half */
/* a builtin's template for halves held in float; NULL: no half involved;
 * *rounds: the text already yields a half (else the caller rounds) */
const char *gl_half_template(Gl *g, KExpr *e, const char *text, bool *rounds);
KType *gl_half_tmpl_type(Gl *g, KExpr *e, KType *deflt);
const char *gl_half_bits(Gl *g, const char *v);     /* a half's 16 bits, a uint */
const char *gl_half_value(Gl *g, const char *bits); /* the half with these low 16 bits */
void gl_half_ld(Gl *g, StrBuf *sb, const char *word_block);
void gl_half_st(Gl *g, StrBuf *sb, const char *word_block);

/* glsl_goto.c: goto and labels as structured control flow (see there) */
void gl_stmt_list(Gl *g, KStmt **ss, int n);
void gl_enter_breakable(Gl *g, char kind);  /* 'L' a loop, 'S' a switch */
void gl_leave_breakable(Gl *g, KStmt *s);   /* after it: jumps out of it go on */
void gl_goto(Gl *g, const KStmt *s);
bool gl_jump_ok(Gl *g, const KStmt *s);      /* a break/continue lands in its own construct */
bool gl_hoisted(Gl *g, const KStmt *decl);   /* declared before a goto's construct */

/* glsl_types.c */
const char *gl_type(Gl *g, KType *t, SrcLoc loc); /* arrays: element type name */
const char *gl_decl(Gl *g, KType *t, const char *name, SrcLoc loc);
const char *gl_ident(Gl *g, const char *prefix, const char *name);
const char *gl_field(Gl *g, const KType *st, int i);
char gl_kind_of_ptr(const KType *ptr);
const char *gl_zero(Gl *g, KType *t, SrcLoc loc);
void gl_struct_defs(Gl *g, StrBuf *out);
int gl_elem_size(const KType *ptr); /* pointee size for pointer arithmetic */

/* glsl_mem.c: names of helpers, written on first use */
bool gl_seen(Gl *g, const char *name); /* true if written before; marks it */
const char *gl_ld(Gl *g, KType *t, char kind, SrcLoc loc);
const char *gl_st(Gl *g, KType *t, char kind, SrcLoc loc);
const char *gl_atomic(Gl *g, KBuiltinId op, KType *t, char kind, SrcLoc loc);

/* glsl_expr.c */
const char *gl_expr(Gl *g, KExpr *e);
const char *gl_cond(Gl *g, KExpr *e);         /* as a GLSL bool */
const char *gl_convert(Gl *g, KType *from, KType *to, const char *text, SrcLoc loc);
const char *gl_literal_int(Gl *g, KType *t, int64_t v);
GLv gl_lvalue(Gl *g, KExpr *e);
const char *gl_read(Gl *g, GLv lv, SrcLoc loc);
const char *gl_init(Gl *g, KType *t, KExpr *init, SrcLoc loc);

/* glsl_builtin.c */
const char *gl_builtin(Gl *g, KExpr *e);

/* glsl_stmt.c */
void gl_stmt(Gl *g, KStmt *s);
void gl_function(Gl *g, const KFunc *f);

#endif
