/*
 * shapes.h — one walk over a kernel body split at barriers, for both
 * barrier fissions (shapes.c): the KIR pass fission.c (the WebAssembly
 * target) and the C emitter's c_fission.c (the CPU backend).
 *
 * The walk decides what runs in which order: the regions of each statement
 * list (regions.c), and for each statement with a split point its shape
 * (kir_split_shape) as steps: an if of the block opens, runs its branches,
 * closes; an if steered per thread evaluates its predicate, then runs each
 * branch with the predicate as a guard; a loop of the block stops once
 * every thread has returned; a loop steered per thread opens its state,
 * tests its condition (not a do loop), runs its body with "still running"
 * as a guard and the loop as the target of the jumps in it (jumps.h),
 * after its own variable's initialisation (kept per thread where the loop
 * reads it), then closes (continue, step, a do loop's test); a switch steered per
 * thread stores the case each thread enters, then runs the statements of
 * each case in turn for the threads that entered at or before it (falling
 * through) and have not left by `break`.  Between the shapes it places
 * the other regions: a statement of the block ahead of the thread loop
 * still being gathered (or after it, when that loop reads what the
 * statement writes), a column's statement in a thread loop of its own, and
 * a collective's steps (warp.h): its result and crossing operands kept per
 * thread where a later loop reads them, its block statements, then its
 * thread loops.  The target writes each step (KShapeOps): KIR nodes in
 * fission.c, C text in c_fission.c.
 */
#ifndef CW_KIR_PASSES_SHAPES_H
#define CW_KIR_PASSES_SHAPES_H

#include "jumps.h"
#include "regions.h"
#include "warp.h"

typedef enum KShapeStep {
  KSS_OPEN,  /* every shape: before anything else (returns the shape's handle) */
  KSS_ENTER, /* thread loop: after its own variable's initialisation (walked as a statement
                list between OPEN and ENTER), before TEST and BODY */
  KSS_TEST,  /* thread loop, not a do loop: the condition, before the body */
  KSS_THEN,  /* thread if: before the then branch (its guard on) */
  KSS_ELSE,  /* block if: between the branches; thread if: before the else branch */
  KSS_BODY,  /* thread loop, thread switch: before the body (its guard on) */
  KSS_END,   /* thread if: after a branch; thread loop, thread switch: after the body
                (guard off) */
  KSS_CLOSE, /* every shape: after everything else */
} KShapeStep;

/* One step of a shape; h: what KSS_OPEN returned (for a thread loop, the
 * state the jumps out of its body set: jumps.h's handle).  Returns the
 * handle at KSS_OPEN, anything (ignored) at the other steps. */
typedef const void *(*KShapeFn)(void *target, KStmt *s, KShapeStep step, const void *h);

typedef struct KShapeOps {
  /* the thread loop a target is still gathering (it may add the runs and
     steps that follow to it; NULL op or result: each is written at once),
     and its end (NULL: none to end) */
  const PtrVec *(*open_run)(void *target);
  void (*end_run)(void *target);
  /* local v crosses a split point: kept per thread where
     kir_keeps_per_thread says so (the target's per-thread storage) */
  void (*keep)(void *target, KVar *v);
  /* the regions of a list (regions.h) */
  void (*threads)(void *target, const KRegion *r);           /* KR_THREADS: a thread loop */
  void (*block_stmt)(void *target, KStmt *s);                 /* KR_BLOCK: once for the block, here */
  /* KR_COLUMN `if (threadIdx.x == K) S`: OPEN, then S as thread_stmt, then CLOSE: a thread
     loop of its own over the threads with threadIdx.x == k */
  void (*column)(void *target, KStmt *s, const KExpr *k, KShapeStep step);
  void (*thread_stmt)(void *target, KStmt *s);                /* one statement of a thread loop */
  /* `T res = c;`, c a collective (KSH_OTHER; lower_splits.c made it a declaration
     of its own): lowered by warp.c with the target's thread id (false: an error was
     reported), its block statements written once, then each of its thread loops
     (every_thread: over every thread of the block, not only those the guards let
     through; ends: the loop ends after it, else the statements after the
     collective go on in it) */
  bool (*lower_collective)(void *target, KStmt *s, KCollective *k);
  void (*collective_block)(void *target, KStmt *s, const KCollective *k);
  void (*collective_loop)(void *target, const PtrVec *stmts, bool every_thread, bool ends);
  bool (*guarded)(void *target);  /* guards (a predicate, a loop state) let only some threads in */
  bool result_joins_run; /* a collective's result loop goes on with the run after it */
  void (*split)(void *target, const KRegionList *rl, int i);  /* ahead of KR_SPLIT region i (or NULL) */
  bool (*stop)(void *target);                                 /* stop walking: an error (or NULL) */
  /* statements with a split point, by shape */
  void (*barrier)(void *target, KStmt *s);                    /* KSH_BARRIER */
  bool (*own)(void *target, KStmt *s);   /* KSH_THREAD_LOOP: true when the target wrote s in a
                                            form of its own; else (or NULL) s is walked */
  void (*other)(void *target, KStmt *s);        /* KSH_OTHER but a collective: the target's error */
  KShapeFn block_if;    /* KSH_BLOCK_IF: OPEN, [then], ELSE, [else], CLOSE (no ELSE without else) */
  KShapeFn block_loop;  /* KSH_BLOCK_LOOP: OPEN, [stop_if_all_returned], [body], CLOSE */
  void (*stop_if_all_returned)(void *target); /* head of a block loop's body in a kernel whose
                                                 threads may return: leave it once all have */
  KShapeFn thread_if;   /* KSH_THREAD_IF: OPEN, THEN, [then], END, ELSE, [else], END, CLOSE */
  KShapeFn thread_loop; /* KSH_THREAD_LOOP: OPEN, [init], ENTER, TEST (not do), BODY, [body],
                           END, CLOSE */
  KShapeFn thread_switch; /* KSH_THREAD_SWITCH: OPEN, BODY, the cases, END, CLOSE; a
                             `break` in it sets the state its OPEN returned */
  /* case k (0 first) of thread switch s (h: its handle): on before its statements
     (the guard "entered at case k or before"), off after them */
  void (*switch_case)(void *target, KStmt *s, int k, bool on, const void *h);
} KShapeOps;

typedef struct KShapeWalk {
  const KShapeOps *ops;
  void *target;          /* passed to every op */
  Arena *a;
  KBlockLevel *bl;       /* the kernel's block-level state (blocklevel.h) */
  const KRemat *remat;   /* its recomputed locals (remat.h) */
  KJumpTargets *jumps;   /* the target's jump stack: the walk pushes the thread loops */
  bool unwrap_blocks;    /* a branch or body that is a block is walked as its statements
                            (else as one statement: a thread loop keeps its scope) */
  bool exits;            /* threads may return (the kernel keeps an exit flag per thread) */
} KShapeWalk;

/* stmts[0..n): regions.c's cut, each region in turn */
void kir_shapes_list(KShapeWalk *w, KStmt *const *stmts, int n);
/* one statement (a list of one) */
void kir_shapes_stmt(KShapeWalk *w, KStmt *s);
/* a branch or a loop body (unwrap_blocks says how a block is walked) */
void kir_shapes_body(KShapeWalk *w, KStmt *s);

#endif
