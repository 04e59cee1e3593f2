/*
 * regions.h — a kernel body split at barriers, as regions (regions.c):
 * the one place that decides how both barrier fissions (the KIR pass
 * fission.c for the WebAssembly target, the C emitter's c_fission.c for
 * the CPU backend) cut a statement list into thread loops and statements
 * of the block, and what shape a statement holding a split point takes.
 * shapes.c walks a body with it, for both.
 * The tree is read one level at a time: a list is cut when its turn
 * comes, so the block-level state (blocklevel.h: the loop variables in
 * scope, the depth of per-thread control) is the one at that point.
 */
#ifndef CW_KIR_PASSES_REGIONS_H
#define CW_KIR_PASSES_REGIONS_H

#include "blocklevel.h"
#include "remat.h"

typedef enum KRegionKind {
  KR_THREADS, /* stmts[0..n): no split point: one thread loop */
  KR_BLOCK,   /* stmts[0] only declares or assigns block scalars (kir_block_stmt): it runs
                 once for the block, ahead of the thread loop it was found among */
  KR_COLUMN,  /* stmts[0] is `if (threadIdx.x == K) S` (column.c), K = k computed by the
                 block: S runs for that column of threads only, in a loop of its own */
  KR_SPLIT,   /* stmts[0] holds a split point: kir_split_shape says how it runs */
} KRegionKind;

typedef struct KRegion {
  KRegionKind kind;
  KStmt **stmts;
  int n;
  const KExpr *k;  /* KR_COLUMN: K */
  PtrVec live;     /* KR_THREADS: KVar*, locals it declares that the rest of the list reads
                      (or reads through a pointer to them kept in a variable): they cross
                      a split point and need one value per thread */
} KRegion;

typedef struct KRegionList {
  KRegion *items;
  int len;
} KRegionList;

/* stmts[0..n), a statement list of the body b was made for, cut into
 * regions in the order they run (r: the recomputed locals, which
 * column.c looks through). */
void kir_cut_list(KBlockLevel *b, const KRemat *r, KStmt *const *stmts, int n, KRegionList *out);

/* Does any of run[0..n) mention a local that h writes (blocklevel.h's
 * kir_block_writes)?  Then a run cannot go on past h, which moves ahead
 * of it. */
bool kir_reads_block_writes(KBlockLevel *b, const KStmt *h, KStmt *const *run, int n);

/* Local v crosses a split point (it is in a KR_THREADS region's live
 * list, or is a split loop's variable, a collective's operand or result):
 * does it need one value per thread?  Not when it lives in shared or
 * static memory, is a block scalar (blocklevel.c: one value for the
 * block) or is recomputed where it is read (remat.c). */
bool kir_keeps_per_thread(const KBlockLevel *b, const KRemat *r, const KVar *v);

/* The locals that one case of switch s (body a block) declares and a
 * later case reads (falling through): they cross the thread loops of the
 * cases.  Added to out. */
void kir_switch_crossing(Arena *a, const KStmt *s, PtrVec *out);

typedef enum KSplitShape {
  KSH_BARRIER,     /* a barrier statement */
  KSH_LIST,        /* a block: kir_cut_list of its statements */
  KSH_BLOCK_IF,    /* an if of the block around its branches' regions (kir_block_if) */
  KSH_THREAD_IF,   /* an if whose condition each thread keeps in a predicate, which the
                      thread loops of its branches test */
  KSH_BLOCK_LOOP,  /* a loop of the block around its body's regions (kir_block_loop) */
  KSH_THREAD_LOOP, /* a loop steered by a per-thread state (running, left, continued) */
  KSH_THREAD_SWITCH, /* a switch (body a block of cases) steered by the case each thread
                        enters and a per-thread state (left by `break`) */
  KSH_OTHER,       /* anything else (collectives, calls, barriers inside an expression or a
                      switch's condition): the target's own, or its error */
} KSplitShape;

/* The shape of s, which holds a split point. */
KSplitShape kir_split_shape(KBlockLevel *b, const KStmt *s);
/* Around the regions of s's branches or body (s of shape sh): per-thread
 * control (nothing but block-level ifs and loops runs once for the block
 * inside it), or a block-level loop's variable in scope. */
void kir_region_enter(KBlockLevel *b, KSplitShape sh, const KStmt *s);
void kir_region_leave(KBlockLevel *b, KSplitShape sh, const KStmt *s);

#endif
