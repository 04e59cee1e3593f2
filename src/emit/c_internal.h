/*
 * c_internal.h — state shared by the files of the C emitter:
 *   c.c          module layout, types, declarations, plain statements
 *   c_expr.c     expressions and builtins
 *   c_fission.c  kernels: per-thread loops, barriers, warp collectives
 *   c_prelude.c  the fixed helper text every generated file starts with
 *   c_guard.c    the guard `if` of a per-thread loop, for specialisation
 *   c_fiber.c    kernels fission cannot split: one coroutine per thread
 *   c_fiber_rt.c the coroutine scheduler pasted into such files
 *   c_interchange.c  threads step through memory loops together
 *   c_remat.c    recomputed locals (src/kir/passes/remat.c) as the C side reads them
 *   c_index.c    thread-index sums in signed (affine) arithmetic
 *   c_independent.c  per-thread loops the C compiler may vectorise freely
 *   c_check.c    check mode: accesses and barriers reported to the runtime
 *   c_check_fields.c  check mode: the bytes of a struct its fields cover
 *   c_race_solo.c  check mode: parameters whose accesses racecheck need not record
 *   c_race_interval.c  check mode: shared reads racecheck need not record
 *   c_launch.c   kernel launches from device code, the device runtime API
 */
#ifndef CW_EMIT_C_INTERNAL_H
#define CW_EMIT_C_INTERNAL_H

#include "emit.h"
#include "kir/passes/blocklevel.h"
#include "kir/passes/column.h"
#include "kir/passes/converge.h"
#include "kir/passes/jumps.h"
#include "kir/passes/lower_splits.h"
#include "kir/passes/remat.h"
#include "kir/passes/shapes.h"
#include "kir/passes/splits.h"
#include "kir/passes/uniform.h"
#include "kir/passes/versions.h"
#include "kir/passes/walk.h"
#include "kir/passes/warp.h"
#include "c_abi.h"

#include <stdbool.h>

typedef struct CEmit {
  const KModule *m;
  CwDiags *d;
  StrBuf *out;         /* where statements go now */
  Arena arena;         /* lowering allocations, freed at the end */
  int indent;
  /* per function */
  const KFunc *fn;
  bool in_kernel;      /* emitting a kernel body (per-thread loops) */
  bool split;          /* kernel has barriers/collectives (fission) */
  const char *tidx;    /* expression for the linear thread id */
  PtrVec promoted;     /* KVar*: kept per thread in arrays */
  PtrVec state_arrays; /* char*: names of per-thread unsigned char arrays */
  PtrVec case_arrays;  /* char*: names of per-thread int32_t arrays (a split switch's case) */
  PtrVec switch_sel;   /* char*: the case arrays of the split switches around, innermost last */
  PtrVec guards;       /* char*: enclosing predicates; [0, nguards) in use */
  int nguards;
  KJumpTargets jumps;  /* loops and switches around (jumps.h): C loops and switches,
                          and state loops (state: the name of their cw_lN array) */
  KShapeWalk walk;     /* the split kernel being walked (kir/passes/shapes.h) */
  int ptl;             /* id of the per-thread loop being emitted, -1 none */
  int column_saved_ptl; /* a column loop (c_fission.c's shape_column): ptl around it */
  size_t column_start;  /* and where its body's text starts */
  bool ptl_indep;      /* the next ptl_open may use the ivdep macro */
  bool ptl_unroll;     /* else it may unroll (ce_ptl_small) */
  const char *ptl_tile; /* the next ptl_open loops over the threads of tile cw_tb,
                           this many (a prelude macro's name); NULL: not a tile */
  bool rows;           /* the kernel reads threadIdx.y or .z: its blocks are rows */
  int ptl_row;         /* > 0: inside a block loop run row by row (c_fission.c's
                          row_loop): a PTL loops over one row's threads */
  bool branchless;     /* && and || on plain operands evaluate both sides */
  int next_id;
  bool has_exit;       /* kernel keeps cw_exit[] (threads that returned) */
  bool grouping;       /* walking the kernel for its group function (c_group.c) */
  bool group_used;     /* that walk wrote block scopes around its top level */
  PtrVec grouped;      /* KFunc*: kernels with a group function */
  PtrVec grouped_bytes; /* (uintptr_t): each one's bytes of per-thread arrays */
  bool module_walked;  /* c_group.c looked through the module's functions: */
  bool module_ungroupable; /* one uses the device runtime or a collective */
  KUniformity uni;     /* which locals may differ between threads */
  KBlockLevel bl;      /* what runs once for the block (kir/passes/blocklevel.c) */
  PtrVec scalars;      /* KVar*: uniform locals kept once per block (bl's, renamed apart) */
  const KStmt *spec_if[2];  /* these `if`s are emitted with spec_cond as */
  const char *spec_cond[2]; /* their conditions (guard specialisation) */
  KRemat remat;        /* locals recomputed at each use (kir_find_remat) */
  bool static_init;    /* emitting a global's initializer: constants only */
  bool check;          /* check mode (c_check.c) */
  bool check_access;   /* check mode: memory accesses too */
  bool check_races;    /* check mode for racecheck (CW_CHECK_RACES) */
  uint32_t solo_ro, solo_priv; /* this kernel's parameters racecheck need not
                                  record: read-only, private (c_race_solo.c) */
  void *solo_state;    /* c_race_solo.c's findings on the kernel */
  PtrVec shared_safe;  /* KExpr*: shared reads racecheck need not record (c_race_interval.c) */
  const KExpr *chk_write, *chk_addr; /* the lvalue being written / whose address is taken */
  const KExpr *chk_inner; /* base of a checked member: not an access itself */
  PtrVec fields_padded, fields_plain; /* KType*: struct types read whole, with and
                                         without padding (c_check_fields.c) */
  bool fiber;          /* emitting a kernel as one coroutine per thread */
  bool uses_fibers;    /* some kernel did: the file needs the scheduler */
  bool exact_apart;    /* the module keeps no state: the JIT may build its
                          kernels' exact copies in a second object */
  /* module layout */
  PtrVec shared_vars;  /* KVar*: static __shared__ variables */
  int *shared_off;     /* parallel to shared_vars */
  int shared_size;
  PtrVec extern_shared;  /* KVar*: extern __shared__ declared in bodies */
  PtrVec name_vars, name_strs; /* C names differing from KVar.cname */
  PtrVec ext_vars, ext_funcs;  /* relocatable: defined in another module (c_link.c) */
  PtrVec ext_var_files, ext_func_files; /* const char*: the file of each one's first use */
} CEmit;

/* c_link.c: separate compilation (relocatable modules only) */
void ce_link_slots(CEmit *ce);   /* pointers the linker fills, before the functions */
void ce_link_tables(CEmit *ce);  /* cw_externs[] and cw_functions[], after cw_symbols */
void ce_link_name(CEmit *ce, StrBuf *sb, const KFunc *f); /* name(param C types) */

/* c_group.c: a kernel's consecutive blocks as a group (cwg_NAME) */
bool ce_group_wanted(CEmit *ce, const KStmt *body); /* worth a second walk */
bool ce_group_top(const CEmit *ce);  /* at the top level of that walk */
void ce_group_open(CEmit *ce);       /* a scope per block of the group */
void ce_group_close(CEmit *ce);
void ce_group_function(CEmit *ce, const KFunc *f, const char *text);
/* the group function's per-thread bytes, or -1: f has none */
long ce_group_bytes(const CEmit *ce, const KFunc *f);

/* c.c */
void ce_c_string(StrBuf *sb, const char *s); /* a C string literal */
/* The folded condition to print for `if` s (guard specialisation), or NULL. */
const char *ce_spec_cond(const CEmit *ce, const KStmt *s);
/* `if (cond)` of s, with the folded condition when it is specialised. */
void ce_if_head(CEmit *ce, const KStmt *s);
void ce_indent(CEmit *ce);
void ce_line(CEmit *ce, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void ce_type_decl(StrBuf *sb, const KType *t, const char *inner);
void ce_type_name(StrBuf *sb, const KType *t);
void ce_stmt(CEmit *ce, const KStmt *s);
void ce_local_decl(CEmit *ce, const KStmt *s);
bool ce_is_promoted(const CEmit *ce, const KVar *v);
bool ce_is_scalar(const CEmit *ce, const KVar *v);
/* The C name of a variable: its cname unless renamed to stay unique. */
const char *ce_var_name(const CEmit *ce, const KVar *v);
void ce_rename(CEmit *ce, const KVar *v, const char *name);
void ce_error(CEmit *ce, SrcLoc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* c_expr.c */
void ce_expr(CEmit *ce, StrBuf *sb, const KExpr *e);
void ce_builtin(CEmit *ce, StrBuf *sb, const KExpr *e);

/* c_launch.c */
/* The helper of each kernel that device code launches (after the types
 * and prototypes, before the functions that launch). */
void ce_launch_helpers(CEmit *ce);
/* A KB_DEVICE_LAUNCH or another device runtime builtin. */
void ce_device_runtime(CEmit *ce, StrBuf *sb, const KExpr *e);

/* c_check.c */
/* Marks lvalue as written (or, address_only, as the operand of `&`) while
 * it is emitted; returns the previous mark for ce_check_restore. */
const KExpr *ce_check_expect(CEmit *ce, const KExpr *lvalue, bool address_only);
void ce_check_restore(CEmit *ce, const KExpr *saved, bool address_only);
/* Around an index/dereference node: open returns the access kind and
 * prints the head of CW_CHK(...) (or returns -1: emit it plainly), close
 * prints the tail. */
int ce_check_open(CEmit *ce, StrBuf *sb, const KExpr *e);
void ce_check_close(CEmit *ce, StrBuf *sb, const KExpr *e, int kind);
void ce_check_barrier(CEmit *ce); /* at a block or warp barrier */
void ce_check_atomic_address(CEmit *ce, StrBuf *sb, const KExpr *e, bool store_only);
/* synccheck of a split kernel's barrier s (name: how the source wrote
 * it): `arrive` (C over cw_t, NULL: every thread) holds for the threads
 * that reach it, `alive` (NULL: every thread) for those that have not
 * returned (a __syncwarp mask may name those that have). */
void ce_check_sync_barrier(CEmit *ce, const KStmt *s, const char *name, const char *arrive,
                           const char *alive);
/* synccheck of warp collective e inside the per-warp loop of fission
 * (cw_w, cw_n, cw_act in scope); mask: its mask operand for lane cw_t;
 * alive (NULL: every thread): the lanes that have not returned, which
 * alone must be there when the mask names them. */
void ce_check_sync_collective(CEmit *ce, const KExpr *e, const char *mask, const char *alive);
/* Check mode, coroutine kernels: "cw_fb->chk_loc = ..., cw_fb->chk_what
 * = ..., " before a barrier or collective (a comma expression's head). */
void ce_check_fiber_mark(CEmit *ce, StrBuf *sb, SrcLoc loc, const char *what);
extern const char *const c_check_prelude_text;
/* c_check_fields.c */
/* The struct type (unqualified) whose table cw_fields_<cname> a checked
 * read of a whole t must pass, when t has padding (the table is then
 * emitted by ce_check_field_tables), else NULL. */
const KType *ce_check_fields(CEmit *ce, const KType *t);
/* The tables the reads emitted so far need, before the functions. */
void ce_check_field_tables(CEmit *ce, StrBuf *out);
/* c_race_solo.c */
/* Finds the kernel's parameters (lowered body) whose accesses racecheck
 * need not record: ce->solo_ro, ce->solo_priv. */
void ce_race_solo_find(CEmit *ce, const KFunc *f, const KStmt *body);
/* The parameter whose accesses access e (index, dereference or member)
 * goes through, when it is one of those, else -1. */
int ce_race_solo_param(const CEmit *ce, const KExpr *e);
/* ", p, cond" of CW_CHK_SOLO for access e: the parameter and when the
 * access needs no record. */
void ce_race_solo_close(CEmit *ce, StrBuf *sb, const KExpr *e, int p);
/* c_race_interval.c */
/* Finds the kernel's reads of __shared__ variables in barrier intervals
 * that never write them (its body as emitted): ce->shared_safe. */
void ce_race_interval_find(CEmit *ce, const KStmt *body);
/* Access node e is one of those. */
bool ce_race_interval_safe(const CEmit *ce, const KExpr *e);

/* c_fission.c */
void ce_kernel(CEmit *ce, const KFunc *f);
/* Loads the kernel's parameters from cw_args into C locals. */
void ce_kernel_params(CEmit *ce, const KFunc *f);
/* Declares cw_tx/cw_ty/cw_tz/cw_t as the block's first thread, or its
 * last one: code written for a per-thread loop evaluated for that thread. */
void ce_fixed_thread(CEmit *ce, bool last);

/* c_fiber.c */
/* The first construct of a lowered kernel body that fission cannot split
 * (a description, its location in *where), or NULL. */
const char *ce_fission_blocker(const KStmt *body, SrcLoc *where);
void ce_kernel_fiber(CEmit *ce, const KFunc *f, const KStmt *body, const char *why);
/* Barriers and collectives inside a coroutine kernel. */
void ce_fiber_builtin(CEmit *ce, StrBuf *sb, const KExpr *e);

/* c_remat.c */
/* The initializer to print for a use of v, or NULL when v is a variable. */
const KExpr *ce_remat_init(const CEmit *ce, const KVar *v);
/* e has no side effects or loads and reads only literals, built-in
 * indices, parameters, recomputed locals, block-uniform scalars (constant
 * within a per-thread loop) and `extra` (may be NULL). */
bool ce_expr_recomputable(const CEmit *ce, const KExpr *e, const KVar *extra);

/* c_independent.c */
/* No atomics, volatile accesses or calls reaching them in stmts[0..n):
 * the per-thread loop's iterations are independent (ivdep). */
bool ce_ptl_independent(KStmt *const *stmts, int n);
/* stmts[0..n) are a few operations (no loop, switch, jump or call, at most
 * 40 expression nodes): a scalar per-thread loop over them is unrolled. */
bool ce_ptl_small(KStmt *const *stmts, int n);

/* c_vector_width.c */
/* The kernel's per-thread loops read shared memory a block-uniform,
 * non-literal distance from threadIdx.x (scans, tree reductions): it is
 * wrapped in CW_NARROW_VECTORS_BEGIN/END.  Needs ce->uni and ce->remat. */
bool ce_narrow_vectors(const CEmit *ce, const KStmt *body);

/* c_index.c */
/* Emits an int conversion of a bounded unsigned thread-index sum in signed
 * arithmetic (plain prints a cast as written); false when it does not apply. */
bool ce_emit_signed_index(CEmit *ce, StrBuf *sb, const KExpr *cast,
                          void (*plain)(CEmit *, StrBuf *, const KExpr *));

/* Looks up the initializer of a local (NULL: unknown). */
typedef struct CeResolver {
  const KExpr *(*fn)(const void *ctx, const KVar *v);
  const void *ctx;
} CeResolver;
/* e is a sum of products of non-negative bounded terms (thread and block
 * indices, block sizes, literals) below 2^31: it cannot wrap.  *fast is
 * set when that needs blockIdx.x < 2^21 (the kernel's fast copy). */
bool ce_index_bounded(const CEmit *ce, const KExpr *e, const CeResolver *r, bool *fast);

/* c_corner.c */
/* The guard cond (over the declarations decls[0..n) and outer[0..nouter))
 * can be decided for a whole block from its first and last thread.  *fast
 * as for ce_index_bounded. */
bool ce_guard_ranges_ok(const CEmit *ce, const KExpr *cond, KStmt *const *decls, int n,
                        KStmt *const *outer, int nouter, bool *fast);
/* Emits that decision into cw_g<id> (cw_nt all, 0 none, 1 some/unknown)
 * for a guard ce_guard_ranges_ok accepted (false, nothing emitted, else). */
bool ce_emit_guard_ranges(CEmit *ce, const KExpr *cond, KStmt *const *decls, int n,
                          KStmt *const *outer, int nouter, int id);

/* c_interchange.c */
/* Marks the kernel's memory-touching loops so that fission runs the block's
 * threads through them together (a KBAR_VIRTUAL barrier ends each body). */
void ce_interchange_loops(CEmit *ce, KStmt *body);

/* c_guard.c */
/* The guard of a per-thread loop body stmts[0..n) (single blocks
 * unwrapped): its first statement that is an `if`, when the condition and
 * every declaration before it (list[0..nlist)) are pure and the body has
 * no labels; else NULL.  Locals declared by outer[0..nouter) count as
 * pure too (the enclosing guard's declarations). */
const KStmt *ce_find_guard(KStmt *const *stmts, int n, KStmt *const *outer, int nouter,
                           KStmt *const **list, int *nlist);
/* A list made of one block statement, as that block's list (repeatedly). */
KStmt *const *ce_unwrap_blocks(KStmt *const *stmts, int *n);

/* c_prelude.c */
extern const char c_prelude_text[];
/* c_fiber_rt.c: the coroutine scheduler, for files with fiber kernels */
extern const char c_fiber_prelude_text[];

#endif
