/*
 * warp.h — warp lowering: one warp collective (__shfl*_sync, votes,
 * ballot, __activemask, match, __reduce_*_sync) or block collective
 * (__syncthreads_count/and/or) as KIR for a target that runs a block's
 * threads one after another, in up to four thread loops after block-level
 * declarations.  shapes.c places the steps between the thread loops of
 * both barrier fissions (fission_collective.c writes them as KIR,
 * c_fission.c as C).  Both targets thus compute collectives
 * with this one definition of CUDA's rules (shuffle segments and bounds,
 * the mask & active lanes of votes, ballots, matches and reductions).
 *
 * The steps: `block` runs once for the block (the exchange arrays'
 * declarations, an accumulator's reset); `clear` runs for every thread of
 * the block (no thread takes part yet); `publish` for each thread that
 * reaches the collective (it marks itself active in its warp's word and
 * stores what the others read); `gather` for every thread again (each
 * warp's flags packed into words); `result` for the threads that take
 * part, in a later loop: it declares `res` with the thread's result.  Locals that publish
 * declares are read by result: they must keep one value per thread.
 */
#ifndef CW_KIR_PASSES_WARP_H
#define CW_KIR_PASSES_WARP_H

#include "../kir.h"

typedef struct KCollective {
  PtrVec block;   /* KStmt*: once for the block, first */
  PtrVec clear;   /* KStmt*: a loop over every thread of the block (may be
                     empty); not needed where every thread runs publish */
  PtrVec publish; /* KStmt*: a loop over the threads that take part */
  PtrVec gather;  /* KStmt*: a loop over every thread (may be empty) */
  PtrVec result;  /* KStmt*: a later loop over them: declares res */
} KCollective;

/* Lowers collective c (kir_is_collective) whose result goes to res.  New
 * nodes live in a; *next_id numbers the new locals.  tid and nthreads
 * (u32; NULL: computed from threadIdx and blockDim) are the thread's
 * linear id and the block's thread count where the target keeps them.
 * False, with an error at c's location in d, for a warp function this
 * lowering does not know. */
bool kir_lower_collective(Arena *a, const KModule *m, const KExpr *c, KVar *res, int *next_id,
                          const KExpr *tid, const KExpr *nthreads, KCollective *out, CwDiags *d);

/* The locals k's publish loop declares (operands evaluated once) that its
 * result loop reads, added to out: they cross from one thread loop to a
 * later one (the others only feed the exchange arrays). */
void kir_collective_crossing(Arena *a, const KCollective *k, PtrVec *out);

/* k's thread loops (after its block statements) in the order both
 * fissions place them, each over every thread of the block or only over
 * the threads that reach the collective (those the enclosing guards let
 * through); the clear loop only where guards may leave threads out
 * (guarded), and no empty loop.  Returns how many, at most 4. */
typedef struct KCollectiveLoop {
  const PtrVec *stmts;
  bool every_thread;
} KCollectiveLoop;
int kir_collective_loops(const KCollective *k, bool guarded, KCollectiveLoop out[4]);

#endif
