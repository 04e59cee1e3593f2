/*
 * fission.h — barrier fission as a KIR-to-KIR pass, for targets that run a
 * whole thread block in one sequential call (the WebAssembly CPU path).
 *
 * The result is the kernel body rewritten as block-level code: every
 * stretch of per-thread work is a KLOOP_THREADS loop (the block's threads
 * one after another), barriers sit between such loops, and control flow
 * that contains a barrier runs at block level, steered by per-thread
 * predicates and loop states (see fission.c).  The locals that must keep
 * one value per thread from one KLOOP_THREADS loop to a later one are
 * listed in `per_thread`; every other local is either block-wide (declared
 * outside the thread loops: made by the pass) or lives within one thread's
 * turn of one loop.  The module is not modified: new nodes live in the
 * arena given.
 */
#ifndef CW_KIR_PASSES_FISSION_H
#define CW_KIR_PASSES_FISSION_H

#include "../kir.h"

typedef struct KFission {
  KStmt *body;        /* block-level body (a KS_BLOCK) */
  PtrVec per_thread;  /* KVar*: locals and parameters kept per thread */
  bool split;         /* the kernel had barriers (more than one thread loop) */
} KFission;

/* Rewrites kernel k.  False, with an error at the construct's location in
 * d, for shapes the pass cannot split: a barrier inside a switch, inside an
 * expression other than a statement of its own, in a kernel with goto, in a
 * device function the kernel calls, or a grid-wide barrier. */
bool kir_fission(Arena *a, const KModule *m, const KFunc *k, KFission *out,
                 CwDiags *d);

/* Whether s contains a barrier (not KBAR_VIRTUAL) or a warp or block
 * collective, also in the device functions it calls. */
bool kir_stmt_has_barrier(const KStmt *s);

/* The module's KIR dump with every kernel replaced by its fission result
 * (`cuwasm transpile --target kir-threads`), each followed by a comment
 * listing its per-thread locals; a kernel the pass cannot split keeps its
 * body and gets an error in d.  Returns malloc'd text, NULL when out of
 * memory. */
char *kir_dump_fission(const KModule *m, CwDiags *d);

#endif
