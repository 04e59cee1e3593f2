/*
 * remat.h — locals of a kernel that are recomputed where they are used
 * instead of being kept per thread across barriers (remat.c).  Barrier
 * fission declares them again in each thread loop that reads them; the C
 * emitter prints their initializer at each use.
 */
#ifndef CW_KIR_PASSES_REMAT_H
#define CW_KIR_PASSES_REMAT_H

#include "../kir.h"

typedef struct KRemat {
  PtrVec vars;  /* KVar*: the recomputed locals, in declaration order */
  PtrVec inits; /* KExpr*: the initializer of each, parallel to vars */
} KRemat;

/* Fills out for kernel body `body` (arrays in a).  skip (may be NULL) names
 * locals that are kept otherwise and must not be recomputed (the C
 * emitter's block-wide scalars); ctx is passed to it. */
void kir_find_remat(Arena *a, const KStmt *body, bool (*skip)(const void *ctx, const KVar *v), const void *ctx,
                    KRemat *out);
/* v's initializer when v is recomputed, else NULL. */
const KExpr *kir_remat_init(const KRemat *r, const KVar *v);

#endif
