/*
 * fission_internal.h — state and helpers shared by the files of the barrier
 * fission pass (fission.h is its interface):
 *   fission.c             the steps of shapes.c's walk (regions of lists,
 *                         ifs, loops, uniform ones at block level) as KIR
 *                         thread loops; switch; jumps out of a thread's
 *                         turn (jumps.c); per-thread locals (regions.c)
 *   fission_build.c       the KIR nodes the pass makes
 *   fission_collective.c  the steps of warp and block collectives
 *                         (shapes.c places them between thread loops)
 *   warp.c                warp lowering (warp.h), shared with the C emitter
 *   fission_remat.c       locals recomputed in each thread loop instead of
 *                         kept per thread
 *   fission_scalars.c     a check that no block scalar is written per thread
 *   fission_single.c      the loop of a statement only one column of threads runs
 *   dump_fission.c        the result in KIR's dump format
 */
#ifndef CW_KIR_PASSES_FISSION_INTERNAL_H
#define CW_KIR_PASSES_FISSION_INTERNAL_H

#include "fission.h"
#include "blocklevel.h"
#include "jumps.h"
#include "regions.h"
#include "remat.h"
#include "shapes.h"
#include "splits.h"
#include "uniform.h"
#include "walk.h"
#include "warp.h"

typedef struct Fis {
  Arena *a;
  const KModule *m;
  CwDiags *d;
  KFission *out;
  KVar *exit_flag;     /* per-thread: the thread returned (NULL: no return) */
  KStmt **guards;      /* statements at the head of each thread loop */
  int nguards, capg;
  KJumpTargets jumps;  /* the loops and switches around (jumps.h): the split ones
                          (state loops and switches, their KVar* states) and, while
                          fis_rewrite_jumps copies a statement, the thread's own */
  PtrVec pending;      /* statements of the thread loop being gathered */
  PtrVec *list;        /* block-level statements being built */
  int next_id;
  const KFunc *kernel;
  bool failed;
  SrcLoc loc;
  KShapeWalk walk;     /* shapes.c's walk over the body, with this file's steps */
  PtrVec nests;        /* the split loops being built, innermost last (fission.c) */
  PtrVec sels;         /* KVar*: the case each thread enters, of the split switches around */
  PtrVec kept;         /* KVar*: the kernel's locals kept per thread (fis_keep_per_thread),
                          listed after the pass's own per-thread states */
  KRemat remat;        /* locals recomputed in each thread loop (fission_remat.c) */
  KBlockLevel bl;      /* what runs once for the block (blocklevel.c): uniformity, scalars,
                          the block-level loop variables in scope, per-thread control depth */
  const KExpr *tid, *nthreads; /* what fis_ex_tid / fis_ex_nthreads give, when the
                                  target has them at hand (NULL: from the built-ins) */
} Fis;

/* fission_build.c: KIR nodes the pass makes */
KStmt *fis_st_new(Fis *f, KStmtKind kind);
KExpr *fis_ex_new(Fis *f, KExprKind kind, KType *t);
KExpr *fis_ex_var(Fis *f, KVar *v);
KExpr *fis_ex_int(Fis *f, int64_t v);
KExpr *fis_ex_cmp(Fis *f, KOp op, KExpr *a, KExpr *b);
KStmt *fis_st_set(Fis *f, KVar *v, int64_t val);
KStmt *fis_st_block(Fis *f, KStmt **items, int n);
KStmt *fis_st_if(Fis *f, KExpr *cond, KStmt *then);
KStmt *fis_st_leave_if(Fis *f, KVar *v, KOp op, int64_t val);
KStmt *fis_st_set_leave(Fis *f, KVar *v, int64_t val);
KStmt *fis_st_assign(Fis *f, KExpr *lhs, KExpr *rhs);
KVar *fis_new_local_of(Fis *f, const char *stem, bool per_thread, KType *t);
KVar *fis_new_local(Fis *f, const char *stem, bool per_thread);
KStmt *fis_st_decl(Fis *f, KVar *v);
void fis_error(Fis *f, SrcLoc loc, const char *what);
KExpr *fis_ex_u32(Fis *f, int64_t v);
KExpr *fis_ex_bin(Fis *f, KOp op, KType *t, KExpr *a, KExpr *b);
KExpr *fis_ex_cast(Fis *f, KType *t, KExpr *a);
KExpr *fis_ex_sel(Fis *f, KType *t, KExpr *c, KExpr *a, KExpr *b);
KExpr *fis_ex_bvar(Fis *f, KBuiltinVar v, int comp);
KExpr *fis_ex_at(Fis *f, KVar *arr, KExpr *i);
KExpr *fis_ex_tid(Fis *f);
KExpr *fis_ex_nthreads(Fis *f);
KStmt *fis_st_decl_init(Fis *f, KVar *v, KExpr *init);
KStmt *fis_st_lanes(Fis *f, KVar *j, KStmt *body);

/* fission.c: cutting statement lists into thread loops */
bool kir_is_barrier_call(const KExpr *e);
bool kir_is_collective(const KExpr *e);
bool fis_stmt_has_barrier(const KStmt *s, int depth);
bool fis_expr_has_barrier(const KExpr *e, int depth);
bool fis_func_barrier(const KFunc *fn, int depth);
bool fis_stmt_has_kind(const KStmt *s, KStmtKind k);
KStmt *fis_rewrite_jumps(Fis *f, KStmt *s);
KStmt *fis_flush(Fis *f);
void fis_thread_stmt(Fis *f, KStmt *s);
void fis_block_stmt(Fis *f, KStmt *s);
void fis_push_guard(Fis *f, KStmt *g);
/* v crosses a split point: one value per thread unless regions.c's
 * kir_keeps_per_thread says otherwise */
void fis_keep_per_thread(Fis *f, KVar *v);

/* fission_collective.c: the steps of a collective that shapes.c places
 * (KShapeOps' lower_collective, collective_block, collective_loop, guarded) */
bool fis_lower_collective_decl(void *t, KStmt *s, KCollective *k);
void fis_collective_block(void *t, KStmt *s, const KCollective *k);
void fis_collective_loop(void *t, const PtrVec *stmts, bool every_thread, bool ends);
bool fis_guarded(void *t);

/* warp.c: collective c lowered into steps (warp.h), its result in res */
bool fis_lower_collective(Fis *f, const KExpr *c, KVar *res, KCollective *out);

/* fission_scalars.c: an error when a block scalar ended up written inside a thread loop */
void fis_check_scalars(Fis *f);

/* fission_remat.c: which locals are recomputed (before the split; source:
 * the kernel body to split), then declared again where they are read
 * (after it) */
void fis_find_remat(Fis *f, const KStmt *source);
void fis_rematerialise(Fis *f);

/* fission_single.c: S of `if (threadIdx.x == K) S` (a KR_COLUMN region,
 * KShapeOps' column) as a thread loop over the threads with threadIdx.x
 * fixed */
void fis_column(void *t, KStmt *s, const KExpr *k, KShapeStep step);

#endif
