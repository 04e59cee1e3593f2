/*
 * wgsl_internal.h — what the WGSL emitter's files share.
 *
 * Each kernel becomes one self-contained WGSL module (its own bindings,
 * override constants and workgroup variables), so the JS runtime can build
 * one pipeline per kernel and the validators check each alone.  WGSL has no
 * pointers into storage buffers that can be passed around or offset, so a
 * KIR pointer becomes a pair: a base fixed at compile time (a kernel
 * parameter's binding, a workgroup or module variable, a local array) and
 * an i32 element offset held in a variable.  Device functions that take
 * pointers are cloned once per combination of bases at their call sites
 * (a WInst), with each pointer parameter reduced to its offset.
 *
 * The first error in a kernel rejects that kernel (later errors would be
 * consequences); the other kernels of the file are still emitted.
 */
#ifndef CW_WGSL_INTERNAL_H
#define CW_WGSL_INTERNAL_H

#include "emit.h"
#include "../kir/passes/converge.h"

/* One storage binding holding several buffer parameters (wgsl_pack.c). */
typedef struct WPool {
  const char *decl; /* WGSL element type of its array */
  const char *name;
  int binding;      /* -1 until declared */
  bool written;
} WPool;

/* What a pointer may point into: one variable known at compile time. */
typedef struct WBase {
  KVar *var;        /* kernel pointer parameter, shared/global var, local */
  KType *elem;      /* element type as stored */
  int binding;      /* storage binding (params and globals), -1 otherwise */
  bool written, atomic;
  KType *atomic_type; /* i32 or u32 element of atomic<...> */
  const char *name; /* WGSL name */
  bool indexable;   /* an array (name[offset]) rather than one value */
  bool small;       /* 8/16-bit elements packed in u32 words (wgsl_bytes.c) */
  bool byte_view;   /* extern __shared__ char[]: held as u32 words */
  bool wide;        /* 64-bit elements used by atomics: pairs of atomic<u32> */
  bool fnptr;       /* a caller's local, reached through ptr<function, T> */
  KType *local_type; /* fnptr: the type of the caller's variable */
  bool byval;       /* a const T& parameter passed as a copy (cw_v_NAME) */
  struct WBase *parent; /* a member array of a local object (t.v): the
                           object's base, and the field (wgsl_ptr.c) */
  int field;
  KExpr *str;       /* a string literal passed for a const char* parameter:
                       usable as a printf format or %s argument only */
  bool words;       /* a struct of 4-byte fields used by atomics: held as
                       array<atomic<u32>, size/4>, a field being its word */
  WPool *pool;      /* packed parameter: the binding it lives in */
  const char *pool_off; /* and the uniform field holding its element
                           offset there (wgsl_pack.c) */
  int pool_uoff;    /* that field's byte offset in the uniform block */
  uint32_t *init;   /* a written __device__ variable's initial words (ninit), which the */
  int ninit;        /* runtime writes into its buffer when it creates it */
} WBase;

/* A pointer-typed local or parameter and the base it points into. */
typedef struct WPtrVar {
  KVar *var;
  WBase *base;
} WPtrVar;

/* One emitted copy of a function, for one assignment of bases. */
typedef struct WInst {
  KFunc *f;
  WBase **pbase;    /* per parameter: base of a pointer parameter */
  WBase **argbase;  /* per parameter: the caller's base (instance key) */
  KType **argtype;  /* per parameter: the sub-object type passed (&local.field), or NULL */
  const char *name;
  PtrVec ptrs;      /* WPtrVar* of this instance */
  PtrVec varying;   /* KVar*: locals that may differ between threads */
  bool *pvarying;   /* per parameter: some call site passes a varying value */
  WBase *ret_base;  /* a function returning a pointer: where it points */
  bool analysed;
} WInst;

/* A label of the function being emitted (wgsl_goto.c). */
typedef struct WLabel {
  const char *name, *flag;
  bool forward, backward; /* reached by gotos before / after it */
  int last;               /* backward: index of the last statement with a goto */
  bool active, has_barrier;
  int depth, varying;     /* loop_depth_plain and varying_depth inside its loop */
} WLabel;

typedef struct WCtx {
  const KModule *m;
  const WgslOptions *opt;
  bool pack;        /* buffer parameters packed into pools (wgsl_pack.c) */
  int nbindings;    /* storage bindings of the emitted module */
  PtrVec pooled;    /* WBase*: packed parameters, in uniform order */
  PtrVec pools;     /* WPool* */
  PtrVec spec_funcs; /* KFunc*: called in a speculated if: their stores are
                        predicated on an extra parameter cw_spec (wgsl_speculate.c) */
  KFunc *kernel;
  Arena *a;
  CwDiags *d;
  bool failed;
  PtrVec bases;     /* WBase* */
  PtrVec insts;     /* WInst*: [0] is the kernel */
  PtrVec structs;   /* KType* structs used, in need order */
  PtrVec uniforms;  /* KVar* scalar parameters, in uniform order */
  int *uoffs;       /* uniform byte offset per entry of `uniforms` */
  int usize, uend;  /* the uniform block's size, and where its fields end */
  KVar *dyn_shared; /* the extern __shared__ array (all alias it) */
  KType *dyn_elem;
  WInst *cur;
  StrBuf *out;      /* the function being emitted */
  StrBuf pre;       /* statements hoisted out of the current statement */
  int indent;
  int tmp;
  bool live_mode;   /* early returns become cw_live = false */
  bool uses_live;
  int loop_depth_plain; /* loops (without barriers) around the statement */
  int varying_depth; /* if/loop/switch with thread-dependent conditions */
  PtrVec helpers;   /* const char*: names of helper functions needed */
  bool uses_warp;   /* cw_wx scratch for warp emulation (wgsl_warp.c) */
  bool uses_count;  /* cw_count for __syncthreads_count/and/or */
  const char *spec_cond; /* inside a speculated if: its condition (wgsl_speculate.c) */
  bool uses_dbg;    /* printf/assert debug buffer (wgsl_debug.c) */
  int dbg_binding;
  PtrVec dbg_formats, dbg_asserts; /* JSON texts */
  PtrVec labels;    /* WLabel* of the function being emitted */
  bool uses_f16;    /* the module needs `enable f16;` (wgsl_half.c) */
  bool in_call_arg; /* emitting a pointer argument: &local.field is allowed */
  bool warned_f64;  /* the f64-as-f32 warning was given */
  bool uses_subgroups; /* the module needs `enable subgroups;` */
} WCtx;

/* wgsl.c */
void w_error(WCtx *c, SrcLoc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void w_need_helper(WCtx *c, const char *name);
void w_elem_decl(WCtx *c, StrBuf *sb, WBase *b);

/* wgsl_type.c */
bool w_type_ok(WCtx *c, KType *t, SrcLoc loc);
bool w_f64_lowered(const WCtx *c);
void w_type(WCtx *c, StrBuf *sb, KType *t);
const char *w_type_str(WCtx *c, KType *t);
bool w_is_int32(const KType *t);
KType *w_scalar_of(const WCtx *c, KType *t);
const char *w_ident(WCtx *c, const char *name);
const char *w_var_name(WCtx *c, KVar *v);
void w_zero(WCtx *c, StrBuf *sb, KType *t);
bool w_storage_layout_ok(KType *t);
bool w_has_bitfields(KType *t);
const char *w_bitfield_value(WCtx *c, KField *f, const char *v);

/* wgsl_ptr.c */
bool w_analyse(WCtx *c, WInst *in);
WBase *w_base_of(WCtx *c, KExpr *e);
WBase *w_base_for_var(WCtx *c, KVar *v);
KExpr *w_literal_of(WCtx *c, KExpr *e);
WInst *w_inst_for_call(WCtx *c, KExpr *call);
WBase *w_call_ret_base(WCtx *c, KExpr *call);
WPtrVar *w_ptr_var(WCtx *c, KVar *v);
bool w_is_ptr(const KType *t);
KExpr *w_sub_object(KExpr *arg);
bool w_ret_by_value(WCtx *c, KFunc *f);

/* wgsl_expr.c */
void w_expr(WCtx *c, StrBuf *sb, KExpr *e);
void w_expr_as(WCtx *c, StrBuf *sb, KExpr *e, KType *t);
void w_cond(WCtx *c, StrBuf *sb, KExpr *e);
void w_ptr_off(WCtx *c, StrBuf *sb, KExpr *e);
void w_effect(WCtx *c, StrBuf *sb, KExpr *e); /* expression statement */
const char *w_new_tmp(WCtx *c);
void w_conv(WCtx *c, StrBuf *sb, KType *from, KType *to, const char *x);
void w_pre(WCtx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void w_int_lit(StrBuf *sb, KType *t, int64_t v);

/* wgsl_access.c: loads and stores through lvalues (atomic-aware) */
void w_load(WCtx *c, StrBuf *sb, KExpr *lv);
void w_store(WCtx *c, StrBuf *sb, KExpr *lv, const char *value);
void w_lvalue_ref(WCtx *c, StrBuf *sb, KExpr *lv, WBase **base);
void w_load_ptr(WCtx *c, StrBuf *sb, KExpr *ptr);

/* wgsl_bytes.c */
bool w_small_elem(KType *t);
bool w_small_load(WCtx *c, StrBuf *sb, KExpr *lv);
bool w_small_store(WCtx *c, StrBuf *sb, KExpr *lv, const char *value);
void w_small_note_store(WCtx *c, KExpr *lv);

/* wgsl_builtin.c */
void w_builtin(WCtx *c, StrBuf *sb, KExpr *e);

/* wgsl_int64.c */
bool w_is_64(const KType *t);
void w_binop64(WCtx *c, StrBuf *sb, KOp op, KType *t, const char *a, const char *b);
void w_unop64(WCtx *c, StrBuf *sb, KOp op, const char *a);
bool w_conv64(WCtx *c, StrBuf *sb, KType *from, KType *to, const char *x);
void w_int64_lit(StrBuf *sb, int64_t v);
bool w_wide_load(WCtx *c, StrBuf *sb, KExpr *lv);
bool w_wide_store(WCtx *c, StrBuf *sb, KExpr *lv, const char *value);
void w_wide_atomic(WCtx *c, StrBuf *sb, KExpr *e);

/* wgsl_half.c */
bool w_half(WCtx *c, StrBuf *sb, KExpr *e);

/* wgsl_goto.c */
void w_goto_begin(WCtx *c, KStmt *body);
bool w_has_forward_goto(WCtx *c, KStmt *s);
const char *w_guard(WCtx *c);
void w_goto(WCtx *c, KStmt *s);
int w_label(WCtx *c, KStmt **ss, int j, int n, void (*list)(WCtx *, KStmt **, int));

/* wgsl_debug.c */
bool w_debug(WCtx *c, StrBuf *sb, KExpr *e);
void w_debug_meta(WCtx *c, StrBuf *js);

/* wgsl_warp.c */
bool w_warp(WCtx *c, StrBuf *sb, KExpr *e);
bool w_subgroups(const WCtx *c);
void w_warp_decls(WCtx *c, StrBuf *sb);

/* wgsl_atomic.c */
void w_atomic(WCtx *c, StrBuf *sb, KExpr *e);

/* wgsl_uniform.c */
void w_varying_init(WCtx *c, WInst *in);
bool w_is_varying(WCtx *c, KExpr *e);
bool w_stmt_mentions(KStmt *s, KVar *v);

/* wgsl_speculate.c */
bool w_can_speculate(WCtx *c, KStmt *then);
void w_speculate(WCtx *c, KStmt *s, void (*body)(WCtx *, KStmt *));
bool w_spec_if(WCtx *c, KStmt *s);
bool w_spec_switch(WCtx *c, KStmt *s);
void w_note_spec_switch(WCtx *c, KStmt *s);
void w_speculate_switch(WCtx *c, KStmt *s, void (*body)(WCtx *, KStmt *));
bool w_spec_store(WCtx *c, KExpr *e);
void w_note_spec_calls(WCtx *c, KStmt *then);
bool w_spec_func(const WCtx *c, KFunc *f);

/* wgsl_stmt.c */
void w_func_body(WCtx *c, KStmt *body);
bool w_has_barrier(const WCtx *c, KStmt *s);
KStmt *w_barrier_both_ways(KStmt *s);
void w_line(WCtx *c, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* wgsl_helpers.c */
void w_emit_helpers(WCtx *c, StrBuf *sb);

/* wgsl_pack.c */
void w_pack_params(WCtx *c);
bool w_decl_pool(WCtx *c, StrBuf *sb, WBase *b, int *next_binding);

/* wgsl_meta.c */
void w_meta_kernel(WCtx *c, StrBuf *js, const char *wgsl, CwDiags *d);

#endif
