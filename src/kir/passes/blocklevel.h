/*
 * blocklevel.h — what barrier fission runs once for the whole block
 * instead of once per thread (blocklevel.c): ifs and loops with barriers
 * whose conditions are the same in every thread, and block-uniform locals
 * kept as one variable of the block ("scalars").  One set of rules for both
 * fissions: the KIR pass (fission.c, the WebAssembly target) and the C
 * emitter (c_fission.c, the CPU backend), which each place the statements
 * these decisions allow between their thread loops.
 */
#ifndef CW_KIR_PASSES_BLOCKLEVEL_H
#define CW_KIR_PASSES_BLOCKLEVEL_H

#include "uniform.h"

typedef struct KBlockLevel {
  Arena *a;
  const KFunc *kernel;  /* its parameters that the body never writes are block-level */
  const KStmt *body;    /* the kernel body being split */
  KUniformity uni;      /* which locals differ between threads (uniform.c) */
  PtrVec scalars;       /* KVar*: locals kept once per block */
  PtrVec block_vars;    /* KVar*: the scalars and the variables of the block-level loops in scope */
  PtrVec written;       /* KVar*: the kernel's parameters that the body writes */
  bool exits;           /* the body has `return`: the block may run code no thread reaches */
  bool wide;            /* (the C target) scalars and parameters of any type but arrays, locals
                           declared more than once (inlined copies), __shared__ and static
                           locals readable anywhere; else scalar types declared once */
  int general;          /* > 0: under per-thread control (predicates, loop states, switch,
                           inlined call): nothing runs at block level but uniform ifs and loops */
} KBlockLevel;

/* Fills b for kernel k's body `body` (after the lowering the caller does
 * first): its uniformity, then its scalars.  With split false (a kernel
 * without barriers: one thread loop) nothing is block-level. */
void kir_block_level(KBlockLevel *b, Arena *a, const KFunc *k, const KStmt *body, bool wide, bool split);

bool kir_block_is_scalar(const KBlockLevel *b, const KVar *v);
/* e (NULL: none) has the same value in every thread and can be computed
 * at block level, even where no thread reaches it (then it must not trap);
 * lv: the variable of the block-level loop e belongs to, or NULL. */
bool kir_block_value(KBlockLevel *b, const KExpr *e, const KVar *lv);
/* an if with a barrier that runs as an if of the block */
bool kir_block_if(KBlockLevel *b, const KStmt *s);
/* a loop with a barrier that runs as a loop of the block (its variable, if
 * it declares one, block-wide, and written only by its step unless it is
 * a scalar: a step with a barrier that lower_splits.c moved into the body) */
bool kir_block_loop(KBlockLevel *b, const KStmt *s);
/* s (without barriers) only declares or assigns scalars, with values the
 * block computes: it runs once, between the thread loops */
bool kir_block_stmt(KBlockLevel *b, const KStmt *s);
/* s leaves the loop whose body it is: break or continue aimed at it, or a
 * return labelled `label` (an inlined function's, around which the C
 * emitter's lowering puts a loop) */
bool kir_leaves_loop(const KStmt *s, const char *label);
/* every local s writes or declares, added to out (no duplicates) */
void kir_block_writes(Arena *a, const KStmt *s, PtrVec *out);

#endif
