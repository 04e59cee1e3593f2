/*
 * shapes.c — the walk both barrier fissions make over a split kernel
 * body (shapes.h): regions of lists, shapes of statements with split
 * points, each shape's steps in the order they run.  What each step
 * writes is the target's (fission.c: KIR; c_fission.c: C); the order, the
 * block-level state around each shape (kir_region_enter/leave), the stop
 * of a block loop once every thread has returned and the jump target a
 * thread loop is for its body are decided here, once.
 */
#include "shapes.h"
#include "splits.h"

static bool stopped(KShapeWalk *w) { return w->ops->stop && w->ops->stop(w->target); }

static void walk_split(KShapeWalk *w, KStmt *s) {
  const KShapeOps *o = w->ops;
  void *t = w->target;
  KSplitShape sh = kir_split_shape(w->bl, s);
  kir_region_enter(w->bl, sh, s);
  const void *h;
  switch (sh) {
  case KSH_BARRIER: o->barrier(t, s); break;
  case KSH_LIST:
    if (!o->list || !o->list(t, s)) kir_shapes_list(w, s->stmts, s->nstmts);
    break;
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
    case KR_BLOCK: w->ops->block_stmt(w->target, r->stmts[0]); break;
    case KR_COLUMN: w->ops->column(w->target, r->stmts[0], r->k); break;
    case KR_SPLIT:
      if (w->ops->split) w->ops->split(w->target, &rl, i);
      walk_split(w, r->stmts[0]);
      break;
    }
  }
}

void kir_shapes_stmt(KShapeWalk *w, KStmt *s) { kir_shapes_list(w, &s, 1); }

void kir_shapes_body(KShapeWalk *w, KStmt *s) {
  if (!s) return;
  if (w->unwrap_blocks && s->kind == KS_BLOCK) kir_shapes_list(w, s->stmts, s->nstmts);
  else kir_shapes_stmt(w, s);
}
