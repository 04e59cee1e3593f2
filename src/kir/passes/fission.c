/*
 * fission.c — barrier fission: a kernel body as block-level code around
 * per-thread loops (KLOOP_THREADS), so that a target without threads can
 * run a whole block in one call and still honour __syncthreads().
 *
 * First the warp reconvergence that warp-synchronous code relies on is
 * made a barrier (converge.c), and in a kernel with barriers a local
 * reassigned at top level becomes one local per assignment (versions.c),
 * as in the C emitter.  A kernel without barriers then becomes one thread
 * loop around its body.
 * Otherwise the statement list is cut at each barrier; the statements
 * between two cuts form one thread loop.  Control flow that contains a
 * barrier is rebuilt at block level:
 *
 *  - `if (c) A else B` with c uniform (uniform.c: the same in every
 *    thread) and readable at block level: a plain if of the block around
 *    A's and B's thread loops.  Otherwise a thread loop stores c in a
 *    per-thread predicate p; A's thread loops skip threads where !p, B's
 *    those where p.
 *  - loops: a per-thread state st (0 running, 1 left, 2 `continue`d this
 *    iteration) and a block-wide flag `any`; a block-level endless loop
 *    runs the condition as a thread loop (threads whose condition fails
 *    leave: st = 1; any thread still running sets any), stops when no
 *    thread runs, then the body's thread loops (skipping threads with
 *    st != 0) and the step (threads that did not leave).  `break` and
 *    `continue` inside the body set st and end the thread's turn.  This
 *    holds for divergent trip counts as well as for uniform loops.
 *  - `return`: a per-thread exit flag; every later thread loop skips
 *    threads that returned, as exited GPU threads no longer take part in
 *    barriers.
 *
 * Every guard is ordinary KIR at the head of each thread loop (`if (p)
 * return;` ends the thread's turn), so emitters only need KLOOP_THREADS and
 * the per_thread list: the locals regions.c reports live across a split
 * point (and the ones a shape carries from one thread loop to another), as
 * the C emitter promotes them; in a kernel without barriers, the
 * parameters it writes.
 *
 * What this pass shares with the C emitter (src/emit/c_fission.c) lives in
 * this folder: shapes.c walks the body (regions and shapes, each shape's
 * steps in order, the stop of a block loop once every thread returned),
 * and this file and c_fission.c only write the steps, as KIR here and as C
 * there; jumps.c: where break/continue/return go; regions.c: how a list is
 * cut into thread loops, statements of the block and column loops, which
 * locals cross a split (kir_keeps_per_thread), which shape a statement
 * takes; splits.c: where to split; walk.c; converge.c; versions.c;
 * remat.c: what is recomputed rather than kept per thread; blocklevel.c:
 * which ifs, loops and locals run once for the block; column.c:
 * statements one column of threads runs; warp.c: warp lowering, the
 * collectives' thread loops.  The C emitter does not yet read this pass's
 * KIR (issue 12's end state): it prints each step itself.
 */
#include "fission_internal.h"
#include "converge.h"
#include "lower_splits.h"
#include "versions.h"

#include <string.h>


bool fis_stmt_has_kind(const KStmt *s, KStmtKind k) {
  if (!s) return false;
  if (s->kind == k) return true;
  switch (s->kind) {
  case KS_BLOCK:
    for (int i = 0; i < s->nstmts; i++)
      if (fis_stmt_has_kind(s->stmts[i], k)) return true;
    return false;
  case KS_IF: return fis_stmt_has_kind(s->then, k) || fis_stmt_has_kind(s->els, k);
  case KS_LOOP: return fis_stmt_has_kind(s->init_stmt, k) || fis_stmt_has_kind(s->body, k);
  case KS_SWITCH: return fis_stmt_has_kind(s->body, k);
  default: return false;
  }
}

/* ---- jumps out of a thread's turn --------------------------------------- */

/* A copy of s in which a jump out of the thread's turn (jumps.c: a
 * `return`, a `break`/`continue` aimed at a split loop or switch) sets the
 * exit flag or that loop's or switch's state and ends the turn. */
KStmt *fis_rewrite_jumps(Fis *f, KStmt *s) {
  if (!s) return NULL;
  KStmt *c;
  switch (s->kind) {
  case KS_RETURN: case KS_BREAK: case KS_CONTINUE: {
    KJump j = kir_jump(&f->jumps, s);
    if (j.how == KJ_SET_STATE) return fis_st_set_leave(f, (KVar *)j.state, j.value);
    if (j.how == KJ_EXIT) return f->exit_flag ? fis_st_set_leave(f, f->exit_flag, 1) : s;
    if (j.how == KJ_NOWHERE && s->kind == KS_RETURN)
      fis_error(f, s->loc, "internal error: an inlined function's return outside its body");
    return s;
  }
  case KS_BLOCK:
    c = fis_st_block(f, s->stmts, s->nstmts);
    c->loc = s->loc;
    for (int i = 0; i < s->nstmts; i++) c->stmts[i] = fis_rewrite_jumps(f, s->stmts[i]);
    return c;
  case KS_IF:
    c = fis_st_new(f, KS_IF);
    *c = *s;
    c->then = fis_rewrite_jumps(f, s->then);
    c->els = fis_rewrite_jumps(f, s->els);
    return c;
  case KS_LOOP: case KS_SWITCH:
    c = fis_st_new(f, s->kind);
    *c = *s;
    kir_jump_push(f->a, &f->jumps, s->kind == KS_LOOP ? KJT_LOOP : KJT_SWITCH, NULL, NULL);
    c->body = fis_rewrite_jumps(f, s->body);
    kir_jump_pop(&f->jumps);
    return c;
  default:
    return s;
  }
}

/* ---- cutting statement lists ----------------------------------------- */

/* Ends the thread loop being gathered (if it has statements): that loop,
 * or NULL. */
KStmt *fis_flush(Fis *f) {
  if (!f->pending.len) return NULL;
  int n = f->nguards + f->pending.len;
  KStmt **items = arena_alloc(f->a, sizeof *items * (size_t)n);
  if (f->nguards) memcpy(items, f->guards, sizeof *items * (size_t)f->nguards);
  memcpy(items + f->nguards, f->pending.items, sizeof *items * (size_t)f->pending.len);
  KStmt *loop = fis_st_new(f, KS_LOOP);
  loop->loop_kind = KLOOP_THREADS;
  loop->body = fis_st_block(f, items, n);
  vec_push(f->a, f->list, loop);
  f->pending.len = 0;
  return loop;
}

void fis_thread_stmt(Fis *f, KStmt *s) { vec_push(f->a, &f->pending, s); }

void fis_block_stmt(Fis *f, KStmt *s) {
  fis_flush(f);
  vec_push(f->a, f->list, s);
}

void fis_push_guard(Fis *f, KStmt *g) {
  if (f->nguards == f->capg) {
    f->capg = f->capg ? 2 * f->capg : 8;
    KStmt **ng = arena_alloc(f->a, sizeof *ng * (size_t)f->capg);
    if (f->nguards) memcpy(ng, f->guards, sizeof *ng * (size_t)f->nguards);
    f->guards = ng;
  }
  f->guards[f->nguards++] = g;
}



void fis_keep_per_thread(Fis *f, KVar *v) {
  if (kir_keeps_per_thread(&f->bl, &f->remat, v) && vec_find(&f->kept, v) < 0) vec_push(f->a, &f->kept, v);
}

/* ---- the shapes of split statements -------------------------------------
 * Which regions and shapes run in which order is shapes.c's walk, shared
 * with the C emitter; the functions below build each step. */

static const PtrVec *shape_open_run(void *t) { return &((Fis *)t)->pending; }
static void shape_end_run(void *t) { fis_flush(t); }
static void shape_keep(void *t, KVar *v) { fis_keep_per_thread(t, v); }

static void shape_threads(void *t, const KRegion *r) {
  Fis *f = t;
  for (int k = 0; k < r->live.len; k++) fis_keep_per_thread(f, r->live.items[k]);
  for (int k = 0; k < r->n; k++) {
    f->loc = r->stmts[k]->loc;
    fis_thread_stmt(f, fis_rewrite_jumps(f, r->stmts[k]));
  }
}

/* a block scalar's declaration or assignment (blocklevel.c), where the
 * walk placed it: ahead of the thread loop being gathered */
static void shape_block_stmt(void *t, KStmt *s) {
  Fis *f = t;
  f->loc = s->loc;
  vec_push(f->a, f->list, s);
}

static void shape_thread_stmt(void *t, KStmt *s) { fis_thread_stmt(t, fis_rewrite_jumps(t, s)); }

static void shape_split(void *t, const KRegionList *rl, int i) { ((Fis *)t)->loc = rl->items[i].stmts[0]->loc; }

static bool shape_stop(void *t) { return ((Fis *)t)->failed; }

/* A barrier, grid-wide ones too: the target meets those between the
 * block's thread loops (the WebAssembly target: an import that suspends
 * the block until every block of the cooperative launch has arrived). */
static void shape_barrier(void *t, KStmt *s) { fis_block_stmt(t, s); }

/* A block-level list of its own (a branch, a loop body), gathered from
 * here on, for the statement `made`. */
typedef struct Nest {
  PtrVec *outer, body;
  KStmt *made;
  KVar *any; /* a split loop's "some thread still runs" */
} Nest;

/* a list for `made`, not gathered into yet (nest_enter) */
static Nest *nest_new(Fis *f, KStmt *made) {
  Nest *n = arena_alloc(f->a, sizeof *n);
  memset(n, 0, sizeof *n);
  n->outer = f->list;
  n->made = made;
  return n;
}

static void nest_enter(Fis *f, Nest *n) { f->list = &n->body; }

static Nest *nest_open(Fis *f, KStmt *made) {
  Nest *n = nest_new(f, made);
  nest_enter(f, n);
  return n;
}

/* what n has gathered, as a block; it gathers afresh */
static KStmt *nest_take(Fis *f, Nest *n) {
  fis_flush(f);
  KStmt *b = fis_st_block(f, (KStmt **)n->body.items, n->body.len);
  memset(&n->body, 0, sizeof n->body);
  return b;
}

static KStmt *nest_close(Fis *f, Nest *n) {
  KStmt *b = nest_take(f, n);
  f->list = n->outer;
  return b;
}

/* `if (c)` with c uniform: the same branch for the whole block, so a plain
 * if of the block around the branches' thread loops */
static const void *shape_block_if(void *t, KStmt *s, KShapeStep step, const void *h) {
  Fis *f = t;
  Nest *n = (Nest *)h;
  if (step == KSS_OPEN) {
    fis_flush(f);
    KStmt *c = fis_st_new(f, KS_IF);
    c->loc = s->loc;
    c->cond = s->cond;
    return nest_open(f, c);
  }
  if (step == KSS_ELSE) n->made->then = nest_take(f, n);
  if (step == KSS_CLOSE) {
    KStmt *b = nest_close(f, n);
    if (s->els) n->made->els = b;
    else n->made->then = b;
    fis_block_stmt(f, n->made);
  }
  return h;
}

/* a loop that runs once for the block (blocklevel.c: its start, condition
 * and step uniform, nothing leaving it early), around its body's thread
 * loops */
static const void *shape_block_loop(void *t, KStmt *s, KShapeStep step, const void *h) {
  Fis *f = t;
  if (step == KSS_OPEN) {
    fis_flush(f);
    KStmt *loop = fis_st_new(f, KS_LOOP);
    loop->loop_kind = s->loop_kind;
    loop->loc = s->loc;
    loop->init_stmt = s->init_stmt; /* the loop variable is block-wide */
    loop->cond = s->cond;
    loop->step = s->step;
    return nest_open(f, loop);
  }
  if (step == KSS_CLOSE) {
    Nest *n = (Nest *)h;
    n->made->body = nest_close(f, n);
    fis_block_stmt(f, n->made);
  }
  return h;
}

/* any = 0; threads { if (!exit) any = 1; }  if (!any) break;  over every
 * thread: those the enclosing guards skip still run what follows the loop */
static void shape_stop_if_all_returned(void *t) {
  Fis *f = t;
  KVar *any = fis_new_local(f, "any", false);
  fis_block_stmt(f, fis_st_decl(f, any));
  fis_block_stmt(f, fis_st_set(f, any, 0));
  int saved = f->nguards;
  f->nguards = 0;
  KExpr *alive = fis_ex_cmp(f, KOP_EQ, fis_ex_var(f, f->exit_flag), fis_ex_int(f, 0));
  fis_thread_stmt(f, fis_st_if(f, alive, fis_st_set(f, any, 1)));
  fis_flush(f);
  f->nguards = saved;
  KExpr *none = fis_ex_cmp(f, KOP_EQ, fis_ex_var(f, any), fis_ex_int(f, 0));
  fis_block_stmt(f, fis_st_if(f, none, fis_st_new(f, KS_BREAK)));
}

/* the per-thread predicate p (the handle): the then branch's thread loops
 * skip threads where !p, the else branch's those where p */
static const void *shape_thread_if(void *t, KStmt *s, KShapeStep step, const void *h) {
  Fis *f = t;
  KVar *p = (KVar *)h;
  switch (step) {
  case KSS_OPEN: {
    p = fis_new_local(f, "p", true);
    fis_flush(f);
    fis_block_stmt(f, fis_st_decl(f, p));
    KExpr *set = fis_ex_new(f, KE_ASSIGN, p->type);
    set->a = fis_ex_var(f, p);
    KExpr *cvt = fis_ex_new(f, KE_CAST, p->type);
    cvt->a = s->cond;
    set->b = cvt;
    KStmt *ss = fis_st_new(f, KS_EXPR);
    ss->e = set;
    fis_thread_stmt(f, ss);
    fis_flush(f);
    return p;
  }
  case KSS_THEN: fis_push_guard(f, fis_st_leave_if(f, p, KOP_EQ, 0)); break;
  case KSS_ELSE: fis_push_guard(f, fis_st_leave_if(f, p, KOP_NE, 0)); break;
  case KSS_END:
    fis_flush(f);
    f->nguards--;
    break;
  default: break;
  }
  return h;
}

/* any = 0; threads { guards; PRE; if (!cond) { st = 1; return; } any = 1; }
 * if (!any) break;   (PRE: skip threads that are not running).  A
 * condition with split points was made statements of the body by
 * lower_splits.c. */

static void loop_test(Fis *f, KStmt *s, KVar *st, KVar *any, KStmt *pre, KStmt *reset) {
  fis_block_stmt(f, fis_st_set(f, any, 0));
  fis_thread_stmt(f, pre);
  if (reset) fis_thread_stmt(f, reset);
  if (s->cond) {
    KExpr *not = fis_ex_new(f, KE_UNARY, f->m->t_bool);
    not->op = KOP_NOT;
    not->a = s->cond;
    fis_thread_stmt(f, fis_st_if(f, not, fis_st_set_leave(f, st, 1)));
  }
  fis_thread_stmt(f, fis_st_set(f, any, 1));
  fis_flush(f);
  KExpr *none = fis_ex_cmp(f, KOP_EQ, fis_ex_var(f, any), fis_ex_int(f, 0));
  fis_block_stmt(f, fis_st_if(f, none, fis_st_new(f, KS_BREAK)));
}


/* the per-thread state st (the handle: what jumps out of the body set, 0
 * running, 1 left, 2 continued) and the block-wide `any` (the loop's Nest,
 * on f->nests): a block-level endless loop of the condition's thread loop,
 * the body's (skipping threads with st != 0) and the step's */
static const void *shape_thread_loop(void *t, KStmt *s, KShapeStep step, const void *h) {
  Fis *f = t;
  KVar *st = (KVar *)h;
  Nest *n = f->nests.len ? f->nests.items[f->nests.len - 1] : NULL;
  switch (step) {
  case KSS_OPEN: {
    st = fis_new_local(f, "st", true);
    KVar *any = fis_new_local(f, "any", false);
    fis_flush(f);
    fis_block_stmt(f, fis_st_decl(f, st));
    fis_block_stmt(f, fis_st_decl(f, any));
    n = nest_new(f, NULL); /* entered once the loop's variable is set (shapes.c) */
    n->any = any;
    vec_push(f->a, &f->nests, n);
    return st;
  }
  case KSS_ENTER: /* in the thread loop that set the loop's variable */
    fis_thread_stmt(f, fis_st_set(f, st, 0));
    fis_flush(f);
    nest_enter(f, n);
    break;
  case KSS_TEST: loop_test(f, s, st, n->any, fis_st_leave_if(f, st, KOP_NE, 0), NULL); break;
  case KSS_BODY: fis_push_guard(f, fis_st_leave_if(f, st, KOP_NE, 0)); break;
  case KSS_END:
    fis_flush(f);
    f->nguards--;
    break;
  case KSS_CLOSE: {
    if (s->loop_kind == KLOOP_DO && s->cond && s->cond->kind == KE_INT && s->cond->ival == 0) {
      fis_block_stmt(f, fis_st_new(f, KS_BREAK)); /* do { … } while (0): one turn */
    } else if (s->loop_kind == KLOOP_DO) {
      loop_test(f, s, st, n->any, fis_st_leave_if(f, st, KOP_EQ, 1), fis_st_set(f, st, 0));
    } else {
      fis_thread_stmt(f, fis_st_leave_if(f, st, KOP_EQ, 1));
      fis_thread_stmt(f, fis_st_set(f, st, 0));
      if (s->step) { /* without split points (lower_splits.c) */
        KStmt *step_stmt = fis_st_new(f, KS_EXPR);
        step_stmt->e = s->step;
        fis_thread_stmt(f, step_stmt);
      }
      fis_flush(f);
    }
    f->nests.len--;
    KStmt *loop = fis_st_new(f, KS_LOOP);
    loop->loop_kind = KLOOP_WHILE;
    loop->body = nest_close(f, n);
    fis_block_stmt(f, loop);
    break;
  }
  default: break;
  }
  return h;
}

/* A switch with a barrier: each thread stores the index of the case it
 * enters (or, without a match, the default's, or past the last case) in
 * a per-thread `sel` (on f->sels); case k's statements run in thread loops
 * that skip threads with sel > k (fall-through is free) or whose state
 * (the handle) says they left by `break`. */
static const void *shape_thread_switch(void *t, KStmt *s, KShapeStep step, const void *h) {
  Fis *f = t;
  KStmt *body = s->body;
  if (step == KSS_BODY) fis_push_guard(f, fis_st_leave_if(f, (KVar *)h, KOP_NE, 0));
  if (step == KSS_END) f->nguards--;
  if (step == KSS_CLOSE) f->sels.len--;
  if (step != KSS_OPEN) return h;
  int ncase = 0, def = -1;
  for (int i = 0; i < body->nstmts; i++)
    if (body->stmts[i]->kind == KS_CASE) {
      if (body->stmts[i]->is_default) def = ncase;
      ncase++;
    }
  PtrVec crossing = {0}; /* locals a later case reads (falling through) */
  kir_switch_crossing(f->a, s, &crossing);
  for (int i = 0; i < crossing.len; i++) fis_keep_per_thread(f, crossing.items[i]);
  KVar *sel = fis_new_local(f, "sel", true), *st = fis_new_local(f, "sw", true);
  KVar *c = fis_new_local_of(f, "case", false, s->cond->type);
  fis_flush(f);
  fis_block_stmt(f, fis_st_decl(f, sel));
  fis_block_stmt(f, fis_st_decl(f, st));
  fis_thread_stmt(f, fis_st_decl_init(f, c, s->cond));
  fis_thread_stmt(f, fis_st_set(f, sel, def >= 0 ? def : ncase));
  int k = 0;
  for (int i = 0; i < body->nstmts; i++) {
    KStmt *cs = body->stmts[i];
    if (cs->kind != KS_CASE) continue;
    if (!cs->is_default) {
      KExpr *v = fis_ex_new(f, KE_INT, s->cond->type);
      v->ival = cs->case_value;
      fis_thread_stmt(f, fis_st_if(f, fis_ex_cmp(f, KOP_EQ, fis_ex_var(f, c), v), fis_st_set(f, sel, k)));
    }
    k++;
  }
  fis_thread_stmt(f, fis_st_set(f, st, 0));
  fis_flush(f);
  vec_push(f->a, &f->sels, sel);
  return st;
}

static void shape_switch_case(void *t, KStmt *s, int k, bool on, const void *h) {
  Fis *f = t;
  (void)s, (void)h;
  if (on) {
    fis_push_guard(f, fis_st_leave_if(f, f->sels.items[f->sels.len - 1], KOP_GT, k));
  } else {
    fis_flush(f);
    f->nguards--;
  }
}

/* what regions.c and shapes.c leave to the target: a barrier written as a
 * call (shapes.c places `T x = collective(…)`, fission_collective.c
 * writes its steps) */
static void split_other(void *t, KStmt *s) {
  Fis *f = t;
  switch (s->kind) {
  case KS_LOOP: return fis_error(f, s->loc, "a barrier in a loop's initialisation");
  case KS_SWITCH:
    if (kir_expr_has_split(s->cond)) break;
    return fis_error(f, s->loc, "this form of switch with a barrier");
  case KS_EXPR:
    if (kir_is_barrier_call(s->e)) { /* __syncthreads() as a call: a barrier statement */
      KStmt *b = fis_st_new(f, KS_BARRIER);
      b->scope = s->e->builtin == KB_SYNCWARP ? KBAR_WARP : s->e->builtin == KB_GRID_SYNC ? KBAR_GRID : KBAR_BLOCK;
      return fis_block_stmt(f, b);
    }
    break;
  default: break;
  }
  fis_error(f, s->loc, "a barrier inside an expression or a called device function");
}

static const KShapeOps fis_shapes = {
    .open_run = shape_open_run,
    .end_run = shape_end_run,
    .keep = shape_keep,
    .threads = shape_threads,
    .block_stmt = shape_block_stmt,
    .column = fis_column,
    .thread_stmt = shape_thread_stmt,
    .lower_collective = fis_lower_collective_decl,
    .collective_block = fis_collective_block,
    .collective_loop = fis_collective_loop,
    .guarded = fis_guarded,
    .result_joins_run = true,
    .split = shape_split,
    .stop = shape_stop,
    .barrier = shape_barrier,
    .other = split_other,
    .block_if = shape_block_if,
    .block_loop = shape_block_loop,
    .stop_if_all_returned = shape_stop_if_all_returned,
    .thread_if = shape_thread_if,
    .thread_loop = shape_thread_loop,
    .thread_switch = shape_thread_switch,
    .switch_case = shape_switch_case,
};

bool kir_fission(Arena *a, const KModule *m, const KFunc *k, KFission *out, CwDiags *d) {
  memset(out, 0, sizeof *out);
  Fis f = {.a = a, .m = m, .d = d, .out = out, .loc = k->loc, .kernel = k};
  PtrVec top;
  memset(&top, 0, sizeof top);
  f.list = &top;
  KStmt *body = kir_converge_warps(a, k->body);
  out->split = kir_stmt_has_split(body);
  if (out->split) {
    int errors = d->errors;
    static const KLowerSplits lower = {.target = "barrier fission"};
    body = kir_converge_warps(a, kir_lower_splits(a, m, k, &f.next_id, &lower, d));
    if (d->errors > errors) return false;
    body = kir_split_versions(a, body, &f.next_id);
  }
  kir_block_level(&f.bl, a, k, body, false, out->split);
  if (out->split) fis_find_remat(&f, body);
  if (!out->split) { /* one thread loop: only the parameters it writes need a copy per thread */
    PtrVec written = {0};
    kir_written_params(a, body, &written);
    for (int i = 0; i < written.len; i++)
      if (vec_find(&out->per_thread, written.items[i]) < 0) vec_push(a, &out->per_thread, written.items[i]);
    fis_thread_stmt(&f, body);
    fis_flush(&f);
  } else {
    if (fis_stmt_has_kind(body, KS_GOTO) || fis_stmt_has_kind(body, KS_LABEL)) {
      fis_error(&f, k->loc, "goto in a kernel with barriers");
      return false;
    }
    if (kir_has_kernel_return(body)) {
      f.exit_flag = fis_new_local(&f, "exit", true);
      fis_block_stmt(&f, fis_st_decl(&f, f.exit_flag));
      fis_thread_stmt(&f, fis_st_set(&f, f.exit_flag, 0));
      fis_flush(&f);
      fis_push_guard(&f, fis_st_leave_if(&f, f.exit_flag, KOP_NE, 0));
    }
    f.walk = (KShapeWalk){.ops = &fis_shapes, .target = &f, .a = a, .bl = &f.bl, .remat = &f.remat,
                          .jumps = &f.jumps, .unwrap_blocks = true, .exits = f.exit_flag != NULL};
    kir_shapes_body(&f.walk, body);
    fis_flush(&f);
  }
  if (f.failed) return false;
  out->body = fis_st_block(&f, (KStmt **)top.items, top.len);
  if (out->split) fis_rematerialise(&f);
  fis_check_scalars(&f);
  for (int i = 0; i < f.kept.len; i++)
    if (vec_find(&out->per_thread, f.kept.items[i]) < 0) vec_push(a, &out->per_thread, f.kept.items[i]);
  return !f.failed;
}
