/*
 * shapes.c — the walk both barrier fissions make over a split kernel
 * body (shapes.h): regions of lists, shapes of statements with split
 * points, each shape's steps in the order they run.  What each step
 * writes is the target's (fission.c: KIR; c_fission.c: C); the order, the
 * block-level state around each shape (kir_region_enter/leave), the stop
 * of a block loop once every thread has returned, the jump target a
 * thread loop is for its body, where statements of the block, column
 * loops and collectives go between the thread loops, and which of their
 * locals are kept per thread, are decided here, once.
 */
#include "shapes.h"
#include "splits.h"
#include "walk.h"

static bool stopped(KShapeWalk *w) { return w->ops->stop && w->ops->stop(w->target); }

static void end_run(KShapeWalk *w) {
  if (w->ops->end_run) w->ops->end_run(w->target);
}

/* KR_BLOCK: s only declares or assigns block scalars and runs once for
 * the block, ahead of the thread loop still being gathered (nothing in it
 * can read a local declared after it) unless that loop reads what s
 * assigns: then the loop ends first. */
static void place_block_stmt(KShapeWalk *w, KStmt *s) {
  const PtrVec *run = w->ops->open_run ? w->ops->open_run(w->target) : NULL;
  if (run && s->kind != KS_DECL && kir_reads_block_writes(w->bl, s, (KStmt *const *)run->items, run->len))
    end_run(w);
  w->ops->block_stmt(w->target, s);
}

/* KR_COLUMN: S of `if (threadIdx.x == K) S` in a thread loop of its own,
 * after the loop of the statements before it and before the one of those
 * after it (threads between barriers are unordered). */
static void place_column(KShapeWalk *w, KStmt *s, const KExpr *k) {
  end_run(w);
  w->ops->column(w->target, s, k, KSS_OPEN);
  w->ops->thread_stmt(w->target, s->then);
  w->ops->column(w->target, s, k, KSS_CLOSE);
}

/* Is v read by a region of rl after region i (after the run that follows
 * it, where region i's last thread loop goes on with that run)? */
static bool read_later(const KRegionList *rl, int i, const KVar *v, bool joins_run) {
  int j = i + 1;
  if (joins_run && j < rl->len && rl->items[j].kind == KR_THREADS) j++;
  for (; j < rl->len; j++)
    for (int k = 0; k < rl->items[j].n; k++)
      if (kir_stmt_refs_var(rl->items[j].stmts[k], v)) return true;
  return false;
}

/* `T res = c;` (region i of rl), c a collective: its result kept per
 * thread where a later thread loop reads it, warp.c's lowering, the
 * operands that cross from its publish loop to its result loop kept per
 * thread, the thread loop being gathered ended, its block statements,
 * then its thread loops in warp.c's order. */
static void place_collective(KShapeWalk *w, const KRegionList *rl, int i, KStmt *s) {
  const KShapeOps *o = w->ops;
  void *t = w->target;
  if (read_later(rl, i, s->var, o->result_joins_run)) o->keep(t, s->var);
  KCollective k;
  if (!o->lower_collective(t, s, &k)) return;
  PtrVec crossing = {0};
  kir_collective_crossing(w->a, &k, &crossing);
  for (int j = 0; j < crossing.len; j++) o->keep(t, crossing.items[j]);
  end_run(w);
  o->collective_block(t, s, &k);
  KCollectiveLoop loops[4];
  int n = kir_collective_loops(&k, o->guarded(t), loops);
  for (int j = 0; j < n; j++)
    o->collective_loop(t, loops[j].stmts, loops[j].every_thread, loops[j].stmts != &k.result || !o->result_joins_run);
}

/* Whether loop s's condition, step or body mentions v. */
static bool loop_reads(const KStmt *s, const KVar *v) {
  KStmt cond = {.kind = KS_EXPR, .e = s->cond}, step = {.kind = KS_EXPR, .e = s->step};
  return kir_stmt_refs_var(&cond, v) || kir_stmt_refs_var(&step, v) || kir_stmt_refs_var(s->body, v);
}

static void walk_split(KShapeWalk *w, KStmt *s) {
  const KShapeOps *o = w->ops;
  void *t = w->target;
  KSplitShape sh = kir_split_shape(w->bl, s);
  if (sh == KSH_THREAD_LOOP && o->own && o->own(t, s)) return;
  kir_region_enter(w->bl, sh, s);
  const void *h;
  switch (sh) {
  case KSH_BARRIER: o->barrier(t, s); break;
  case KSH_LIST: kir_shapes_list(w, s->stmts, s->nstmts); break;
  case KSH_OTHER: o->other(t, s); break;
  case KSH_BLOCK_IF:
    h = o->block_if(t, s, KSS_OPEN, NULL);
    kir_shapes_body(w, s->then);
    if (s->els) {
      o->block_if(t, s, KSS_ELSE, h);
      kir_shapes_body(w, s->els);
    }
    o->block_if(t, s, KSS_CLOSE, h);
    break;
  case KSH_BLOCK_LOOP:
    h = o->block_loop(t, s, KSS_OPEN, NULL);
    if (w->exits) o->stop_if_all_returned(t);
    kir_shapes_body(w, s->body);
    o->block_loop(t, s, KSS_CLOSE, h);
    break;
  case KSH_THREAD_IF:
    h = o->thread_if(t, s, KSS_OPEN, NULL);
    o->thread_if(t, s, KSS_THEN, h);
    kir_shapes_body(w, s->then);
    o->thread_if(t, s, KSS_END, h);
    if (s->els) {
      o->thread_if(t, s, KSS_ELSE, h);
      kir_shapes_body(w, s->els);
      o->thread_if(t, s, KSS_END, h);
    }
    o->thread_if(t, s, KSS_CLOSE, h);
    break;
  case KSH_THREAD_LOOP:
    h = o->thread_loop(t, s, KSS_OPEN, NULL);
    if (s->init_stmt) { /* its own variable, set once per thread: kept where the loop reads it */
      if (s->init_stmt->kind == KS_DECL && loop_reads(s, s->init_stmt->var)) o->keep(t, s->init_stmt->var);
      kir_shapes_stmt(w, s->init_stmt);
    }
    o->thread_loop(t, s, KSS_ENTER, h);
    if (s->loop_kind != KLOOP_DO) o->thread_loop(t, s, KSS_TEST, h);
    o->thread_loop(t, s, KSS_BODY, h);
    /* label: an inlined function's body, whose returns leave this loop */
    kir_jump_push(w->a, w->jumps, KJT_STATE_LOOP, h, s->label);
    kir_shapes_body(w, s->body);
    kir_jump_pop(w->jumps);
    o->thread_loop(t, s, KSS_END, h);
    o->thread_loop(t, s, KSS_CLOSE, h);
    break;
  case KSH_THREAD_SWITCH: {
    h = o->thread_switch(t, s, KSS_OPEN, NULL);
    o->thread_switch(t, s, KSS_BODY, h);
    kir_jump_push(w->a, w->jumps, KJT_STATE_SWITCH, h, NULL);
    /* case k's statements: between its marker and the next (none run before the first) */
    KStmt *b = s->body;
    for (int i = 0, k = -1, first = 0; i <= b->nstmts && !stopped(w); i++) {
      if (i < b->nstmts && b->stmts[i]->kind != KS_CASE) continue;
      if (k >= 0) {
        o->switch_case(t, s, k, true, h);
        kir_shapes_list(w, b->stmts + first, i - first);
        o->switch_case(t, s, k, false, h);
      }
      k++;
      first = i + 1;
    }
    kir_jump_pop(w->jumps);
    o->thread_switch(t, s, KSS_END, h);
    o->thread_switch(t, s, KSS_CLOSE, h);
    break;
  }
  }
  kir_region_leave(w->bl, sh, s);
}

void kir_shapes_list(KShapeWalk *w, KStmt *const *stmts, int n) {
  KRegionList rl;
  kir_cut_list(w->bl, w->remat, stmts, n, &rl);
  for (int i = 0; i < rl.len && !stopped(w); i++) {
    const KRegion *r = &rl.items[i];
    switch (r->kind) {
    case KR_THREADS: w->ops->threads(w->target, r); break;
    case KR_BLOCK: place_block_stmt(w, r->stmts[0]); break;
    case KR_COLUMN: place_column(w, r->stmts[0], r->k); break;
    case KR_SPLIT: {
      KStmt *s = r->stmts[0];
      if (w->ops->split) w->ops->split(w->target, &rl, i);
      if (s->kind == KS_DECL && s->init && kir_is_collective(s->init)) place_collective(w, &rl, i, s);
      else walk_split(w, s);
      break;
    }
    }
  }
}

void kir_shapes_stmt(KShapeWalk *w, KStmt *s) { kir_shapes_list(w, &s, 1); }

void kir_shapes_body(KShapeWalk *w, KStmt *s) {
  if (!s) return;
  if (w->unwrap_blocks && s->kind == KS_BLOCK) kir_shapes_list(w, s->stmts, s->nstmts);
  else kir_shapes_stmt(w, s);
}
