/*
 * splits.h — where a kernel body must be split for targets that run a
 * block's threads one after another (splits.c): barriers, and collectives
 * that need the values of other threads.  Barrier fission (fission.c), the
 * passes before it and the C emitter all ask these questions, so they are
 * answered once here.
 */
#ifndef CW_KIR_PASSES_SPLITS_H
#define CW_KIR_PASSES_SPLITS_H

#include "../kir.h"

/* __syncthreads(), __syncwarp() or a grid-wide sync written as a call. */
bool kir_is_barrier_call(const KExpr *e);
/* A builtin that needs the values of other threads: warp collectives and
 * __syncthreads_count/and/or (not the lane masks: functions of the lane's
 * own index). */
bool kir_is_collective(const KExpr *e);
/* s, e or f's body holds a barrier statement (any scope, a virtual one
 * too: it exists to be split at), a barrier call or a collective, directly
 * or in a device function it calls (followed 16 calls deep). */
bool kir_stmt_has_split(const KStmt *s);
bool kir_expr_has_split(const KExpr *e);
bool kir_func_has_split(const KFunc *f);

#endif
