/*
 * lower_splits.h — a kernel body with every split point a statement of its
 * own (lower_splits.c): device functions with barriers or collectives
 * inlined, collectives hoisted out of expressions, barrier calls as
 * barrier statements, written parameters copied into locals.  The first
 * step of both barrier fissions (the C emitter's and the KIR pass's).
 */
#ifndef CW_KIR_PASSES_LOWER_SPLITS_H
#define CW_KIR_PASSES_LOWER_SPLITS_H

#include "../kir.h"

typedef struct KLowerSplits {
  const char *target;  /* for messages: "the C target" */
} KLowerSplits;

/* Kernel f's body lowered, in a; the new locals' C names numbered from
 * *next_id on.  Errors (recursion too deep for inlining, a call with
 * barriers in a loop's step) go to d. */
KStmt *kir_lower_splits(Arena *a, const KModule *m, const KFunc *f, int *next_id, const KLowerSplits *o,
                        CwDiags *d);

/* The parameters that s writes (assigns, increments or takes the address
 * of, whole or a member or element of an array), added to set. */
void kir_written_params(Arena *a, const KStmt *s, PtrVec *set);

#endif
