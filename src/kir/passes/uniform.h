/*
 * uniform.h — which locals of a kernel have the same value in every
 * thread of a block (uniform.c), for barrier fission in the KIR pass and
 * in the C emitter.
 */
#ifndef CW_KIR_PASSES_UNIFORM_H
#define CW_KIR_PASSES_UNIFORM_H

#include "../kir.h"

typedef struct KUniformity {
  PtrVec varying;   /* KVar*: locals (and written parameters) that may differ between threads */
  bool all_varying; /* uniformity unknown (goto): everything counts as varying */
} KUniformity;

/* Fills u for kernel body `body` (arrays in a). */
void kir_uniformity(Arena *a, const KStmt *body, KUniformity *u);
bool kir_is_varying_var(const KUniformity *u, const KVar *v);
/* Same value in every thread of the block (given u). */
bool kir_expr_uniform(const KUniformity *u, const KExpr *e);
/* The same, taking the variables in `also` (KVar*) as uniform whatever u
 * says (block-level loop variables, which fission keeps once per block). */
bool kir_expr_uniform_but(const KUniformity *u, const KExpr *e, const PtrVec *also);

#endif
