/*
 * column.h — conditions that hold for one column of a block's threads
 * only (column.c), for barrier fission in the KIR pass (fission_single.c)
 * and in the C emitter (c_fission.c), which both run such statements
 * outside the thread loops around them.
 */
#ifndef CW_KIR_PASSES_COLUMN_H
#define CW_KIR_PASSES_COLUMN_H

#include "remat.h"

/* K when cond is `threadIdx.x == K` (either operand order), threadIdx.x
 * read directly, through casts to integers of 16 bits or more, or through
 * locals that r recomputes (`int t = threadIdx.x`); else NULL.  Whether K
 * is the same in every thread is the caller's question. */
const KExpr *kir_thread_x_equals(const KExpr *cond, const KRemat *r);

#endif
