/*
 * fission.c — barrier fission: a kernel body as block-level code around
 * per-thread loops (KLOOP_THREADS), so that a target without threads can
 * run a whole block in one call and still honour __syncthreads().
 *
 * A kernel without barriers becomes one thread loop around its body.
 * Otherwise the statement list is cut at each barrier; the statements
 * between two cuts form one thread loop.  Control flow that contains a
 * barrier is rebuilt at block level:
 *
 *  - `if (c) A else B`: a thread loop stores c in a per-thread predicate
 *    p; A's thread loops skip threads where !p, B's those where p.
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
 * the per_thread list.  A local used in two or more thread loops is listed
 * there; parameters that are written too.  The C emitter still has its own
 * fission (src/emit/c_fission.c) with uniformity-based shortcuts; this
 * pass is the general path, written once in KIR for the other CPU-like
 * targets.
 */
#include "fission.h"

#include <stdio.h>
#include <string.h>

typedef struct Fis {
  Arena *a;
  const KModule *m;
  CwDiags *d;
  KFission *out;
  KVar *exit_flag;     /* per-thread: the thread returned (NULL: no return) */
  KStmt **guards;      /* statements at the head of each thread loop */
  int nguards, capg;
  KVar *loop_state;    /* innermost split loop's state (NULL outside) */
  KVar *brk_state;     /* what `break` leaves: that loop's or a split switch's state */
  PtrVec pending;      /* statements of the thread loop being gathered */
  PtrVec *list;        /* block-level statements being built */
  int next_id;
  int inline_depth;    /* device functions being inlined around here */
  const KFunc *kernel;
  KVar *inl_res, *inl_flag; /* innermost inlined function: its result and
                               per-thread `returned` flag (NULL: none) */
  bool failed;
  SrcLoc loc;
} Fis;

/* ---- building KIR ------------------------------------------------------ */

static KStmt *st_new(Fis *f, KStmtKind kind) {
  KStmt *s = arena_alloc(f->a, sizeof *s);
  s->kind = kind;
  s->loc = f->loc;
  return s;
}

static KExpr *ex_new(Fis *f, KExprKind kind, KType *t) {
  KExpr *e = arena_alloc(f->a, sizeof *e);
  e->kind = kind;
  e->type = t;
  e->loc = f->loc;
  e->designator = -1;
  return e;
}

static KExpr *ex_var(Fis *f, KVar *v) {
  KExpr *e = ex_new(f, KE_VAR, v->type);
  e->var = v;
  return e;
}

static KExpr *ex_int(Fis *f, int64_t v) {
  KExpr *e = ex_new(f, KE_INT, f->m->t_i32);
  e->ival = v;
  return e;
}

static KExpr *ex_cmp(Fis *f, KOp op, KExpr *a, KExpr *b) {
  KExpr *e = ex_new(f, KE_BINARY, f->m->t_bool);
  e->op = op;
  e->a = a;
  e->b = b;
  return e;
}

static KStmt *st_set(Fis *f, KVar *v, int64_t val) {
  KExpr *e = ex_new(f, KE_ASSIGN, v->type);
  e->a = ex_var(f, v);
  e->b = ex_int(f, val);
  KStmt *s = st_new(f, KS_EXPR);
  s->e = e;
  return s;
}

static KStmt *st_block(Fis *f, KStmt **items, int n) {
  KStmt *s = st_new(f, KS_BLOCK);
  s->stmts = arena_alloc(f->a, sizeof *s->stmts * (size_t)(n ? n : 1));
  if (n) memcpy(s->stmts, items, sizeof *items * (size_t)n);
  s->nstmts = n;
  return s;
}

static KStmt *st_if(Fis *f, KExpr *cond, KStmt *then) {
  KStmt *s = st_new(f, KS_IF);
  s->cond = cond;
  s->then = then;
  return s;
}

/* if (v OP val) return; */
static KStmt *st_leave_if(Fis *f, KVar *v, KOp op, int64_t val) {
  return st_if(f, ex_cmp(f, op, ex_var(f, v), ex_int(f, val)), st_new(f, KS_RETURN));
}

/* { v = val; return; } */
static KStmt *st_set_leave(Fis *f, KVar *v, int64_t val) {
  KStmt *two[2] = {st_set(f, v, val), st_new(f, KS_RETURN)};
  return st_block(f, two, 2);
}

static KStmt *st_assign(Fis *f, KExpr *lhs, KExpr *rhs) {
  KExpr *e = ex_new(f, KE_ASSIGN, lhs->type);
  e->a = lhs;
  e->b = rhs;
  KStmt *s = st_new(f, KS_EXPR);
  s->e = e;
  return s;
}

static KVar *new_local_of(Fis *f, const char *stem, bool per_thread, KType *t) {
  KVar *v = arena_alloc(f->a, sizeof *v);
  v->kind = KV_LOCAL;
  v->name = v->cname = arena_printf(f->a, "__fis_%s%d", stem, f->next_id++);
  v->type = t;
  v->as = AS_LOCAL;
  v->loc = f->loc;
  v->id = -1;
  if (per_thread) vec_push(f->a, &f->out->per_thread, v);
  return v;
}

static KVar *new_local(Fis *f, const char *stem, bool per_thread) {
  return new_local_of(f, stem, per_thread, f->m->t_i32);
}

static KStmt *st_decl(Fis *f, KVar *v) {
  KStmt *s = st_new(f, KS_DECL);
  s->var = v;
  return s;
}

static void error(Fis *f, SrcLoc loc, const char *what) {
  if (!f->failed)
    diag_add(f->d, DIAG_ERROR, loc, "%s is not supported on this target (barrier fission)", what);
  f->failed = true;
}

/* ---- where barriers are ---------------------------------------------- */

static bool is_barrier_call(const KExpr *e) {
  return e && e->kind == KE_BUILTIN &&
         (e->builtin == KB_SYNCTHREADS || e->builtin == KB_SYNCWARP || e->builtin == KB_GRID_SYNC);
}

static bool expr_has_barrier(const KExpr *e, int depth);

/* a builtin that needs the values of other threads: warp collectives and
 * __syncthreads_count/and/or */
static bool is_collective(const KExpr *e) {
  if (!e || e->kind != KE_BUILTIN) return false;
  if (e->builtin == KB_SYNCTHREADS_COUNT || e->builtin == KB_SYNCTHREADS_AND || e->builtin == KB_SYNCTHREADS_OR)
    return true;
  if (e->builtin == KB_LANEMASK_LT || e->builtin == KB_LANEMASK_LE || e->builtin == KB_LANEMASK_GT ||
      e->builtin == KB_LANEMASK_GE || e->builtin == KB_LANEMASK_EQ)
    return false; /* functions of the lane's own index */
  const KBuiltinInfo *i = kb_info(e->builtin);
  return i && i->cls == KBC_WARP;
}

static bool func_barrier(const KFunc *fn, int depth);

static bool stmt_has_barrier(const KStmt *s, int depth) {
  if (!s) return false;
  switch (s->kind) {
  case KS_BARRIER: return s->scope != KBAR_VIRTUAL;
  case KS_BLOCK:
    for (int i = 0; i < s->nstmts; i++)
      if (stmt_has_barrier(s->stmts[i], depth)) return true;
    return false;
  case KS_DECL: return expr_has_barrier(s->init, depth);
  case KS_EXPR: case KS_RETURN: return expr_has_barrier(s->e, depth);
  case KS_IF:
    return expr_has_barrier(s->cond, depth) || stmt_has_barrier(s->then, depth) ||
           stmt_has_barrier(s->els, depth);
  case KS_LOOP:
    return stmt_has_barrier(s->init_stmt, depth) || expr_has_barrier(s->cond, depth) ||
           expr_has_barrier(s->step, depth) || stmt_has_barrier(s->body, depth);
  case KS_SWITCH: return expr_has_barrier(s->cond, depth) || stmt_has_barrier(s->body, depth);
  default: return false;
  }
}

static bool expr_has_barrier(const KExpr *e, int depth) {
  if (!e) return false;
  if (is_barrier_call(e)) return true;
  if (is_collective(e)) return true;
  if (e->kind == KE_CALL && func_barrier(e->fn, depth + 1)) return true;
  if (expr_has_barrier(e->a, depth) || expr_has_barrier(e->b, depth) || expr_has_barrier(e->c, depth))
    return true;
  for (int i = 0; i < e->nargs; i++)
    if (expr_has_barrier(e->args[i], depth)) return true;
  return false;
}

static bool func_barrier(const KFunc *fn, int depth) {
  return fn && fn->body && depth < 16 && stmt_has_barrier(fn->body, depth);
}

bool kir_func_has_barrier(const KFunc *f) { return func_barrier(f, 0); }

static bool stmt_has_kind(const KStmt *s, KStmtKind k) {
  if (!s) return false;
  if (s->kind == k) return true;
  switch (s->kind) {
  case KS_BLOCK:
    for (int i = 0; i < s->nstmts; i++)
      if (stmt_has_kind(s->stmts[i], k)) return true;
    return false;
  case KS_IF: return stmt_has_kind(s->then, k) || stmt_has_kind(s->els, k);
  case KS_LOOP: return stmt_has_kind(s->init_stmt, k) || stmt_has_kind(s->body, k);
  case KS_SWITCH: return stmt_has_kind(s->body, k);
  default: return false;
  }
}

/* ---- jumps out of a thread's turn --------------------------------------- */

/* A copy of s in which `return` sets the exit flag and `break`/`continue`
 * aimed at the enclosing split loop set its state; each then ends the
 * thread's turn.  loops/switches: how deep s is inside its own loops and
 * switches. */
static KStmt *rewrite_jumps(Fis *f, KStmt *s, int loops, int switches) {
  if (!s) return NULL;
  KStmt *c;
  switch (s->kind) {
  case KS_RETURN:
    if (f->inl_flag) { /* { result = e; returned = 1; return; } */
      KStmt *three[3];
      int n = 0;
      if (f->inl_res && s->e) three[n++] = st_assign(f, ex_var(f, f->inl_res), s->e);
      else if (s->e) { three[n] = st_new(f, KS_EXPR); three[n++]->e = s->e; }
      three[n++] = st_set(f, f->inl_flag, 1);
      three[n++] = st_new(f, KS_RETURN);
      return st_block(f, three, n);
    }
    return f->exit_flag ? st_set_leave(f, f->exit_flag, 1) : s;
  case KS_BREAK:
    return loops || switches || !f->brk_state ? s : st_set_leave(f, f->brk_state, 1);
  case KS_CONTINUE:
    return loops || !f->loop_state ? s : st_set_leave(f, f->loop_state, 2);
  case KS_BLOCK:
    c = st_block(f, s->stmts, s->nstmts);
    c->loc = s->loc;
    for (int i = 0; i < s->nstmts; i++) c->stmts[i] = rewrite_jumps(f, s->stmts[i], loops, switches);
    return c;
  case KS_IF:
    c = st_new(f, KS_IF);
    *c = *s;
    c->then = rewrite_jumps(f, s->then, loops, switches);
    c->els = rewrite_jumps(f, s->els, loops, switches);
    return c;
  case KS_LOOP:
    c = st_new(f, KS_LOOP);
    *c = *s;
    c->body = rewrite_jumps(f, s->body, loops + 1, switches);
    return c;
  case KS_SWITCH:
    c = st_new(f, KS_SWITCH);
    *c = *s;
    c->body = rewrite_jumps(f, s->body, loops, switches + 1);
    return c;
  default:
    return s;
  }
}

/* ---- cutting statement lists ----------------------------------------- */

/* Ends the thread loop being gathered (if it has statements). */
static void flush(Fis *f) {
  if (!f->pending.len) return;
  int n = f->nguards + f->pending.len;
  KStmt **items = arena_alloc(f->a, sizeof *items * (size_t)n);
  if (f->nguards) memcpy(items, f->guards, sizeof *items * (size_t)f->nguards);
  memcpy(items + f->nguards, f->pending.items, sizeof *items * (size_t)f->pending.len);
  KStmt *loop = st_new(f, KS_LOOP);
  loop->loop_kind = KLOOP_THREADS;
  loop->body = st_block(f, items, n);
  vec_push(f->a, f->list, loop);
  f->pending.len = 0;
}

static void thread_stmt(Fis *f, KStmt *s) { vec_push(f->a, &f->pending, s); }

static void block_stmt(Fis *f, KStmt *s) {
  flush(f);
  vec_push(f->a, f->list, s);
}

static void push_guard(Fis *f, KStmt *g) {
  if (f->nguards == f->capg) {
    f->capg = f->capg ? 2 * f->capg : 8;
    KStmt **ng = arena_alloc(f->a, sizeof *ng * (size_t)f->capg);
    if (f->nguards) memcpy(ng, f->guards, sizeof *ng * (size_t)f->nguards);
    f->guards = ng;
  }
  f->guards[f->nguards++] = g;
}

static void split_stmt(Fis *f, KStmt *s);

static void split_list(Fis *f, KStmt **stmts, int n) {
  for (int i = 0; i < n && !f->failed; i++) split_stmt(f, stmts[i]);
}

static void split_body(Fis *f, KStmt *s) {
  if (s && s->kind == KS_BLOCK) split_list(f, s->stmts, s->nstmts);
  else if (s) split_stmt(f, s);
}

static void split_if(Fis *f, KStmt *s) {
  KVar *p = new_local(f, "p", true);
  flush(f);
  block_stmt(f, st_decl(f, p));
  KExpr *set = ex_new(f, KE_ASSIGN, p->type);
  set->a = ex_var(f, p);
  KExpr *cvt = ex_new(f, KE_CAST, p->type);
  cvt->a = s->cond;
  set->b = cvt;
  KStmt *ss = st_new(f, KS_EXPR);
  ss->e = set;
  thread_stmt(f, ss);
  flush(f);
  push_guard(f, st_leave_if(f, p, KOP_EQ, 0));
  split_body(f, s->then);
  flush(f);
  f->nguards--;
  if (s->els) {
    push_guard(f, st_leave_if(f, p, KOP_NE, 0));
    split_body(f, s->els);
    flush(f);
    f->nguards--;
  }
}

/* any = 0; threads { guards; PRE; if (!cond) { st = 1; return; } any = 1; }
 * if (!any) break;   (PRE: skip threads that are not running).  A
 * condition with collectives or barrier functions gets their thread loops
 * in between, run by the threads still in the loop. */
static KStmt *hoist_collectives(Fis *f, KStmt *s);

static void loop_test(Fis *f, KStmt *s, KVar *st, KVar *any, KStmt *pre, KStmt *reset) {
  bool pushed = false;
  block_stmt(f, st_set(f, any, 0));
  thread_stmt(f, pre);
  if (reset) thread_stmt(f, reset);
  if (s->cond) {
    KExpr *not = ex_new(f, KE_UNARY, f->m->t_bool);
    not->op = KOP_NOT;
    not->a = s->cond;
    KStmt *test = st_if(f, not, st_set_leave(f, st, 1));
    if (expr_has_barrier(s->cond, 0)) {
      flush(f);
      push_guard(f, st_leave_if(f, st, KOP_NE, 0));
      pushed = true;
      test = hoist_collectives(f, test);
    }
    thread_stmt(f, test);
  }
  thread_stmt(f, st_set(f, any, 1));
  flush(f);
  if (pushed) f->nguards--;
  KExpr *none = ex_cmp(f, KOP_EQ, ex_var(f, any), ex_int(f, 0));
  block_stmt(f, st_if(f, none, st_new(f, KS_BREAK)));
}


/* a step expression with barriers: each operand of its commas a statement */
static void split_step(Fis *f, KExpr *e) {
  if (e->kind == KE_COMMA) {
    split_step(f, e->a);
    split_step(f, e->b);
    return;
  }
  KStmt *x = st_new(f, KS_EXPR);
  x->e = e;
  split_stmt(f, x);
}

/* ---- uniform loops: the same trip count in every thread ---------------- */

/* e or one of its operands writes v (or takes its address) */
static bool expr_writes(const KExpr *e, const KVar *v) {
  if (!e) return false;
  if ((e->kind == KE_ASSIGN || e->kind == KE_INCDEC || e->kind == KE_ADDR) && e->a && e->a->kind == KE_VAR &&
      e->a->var == v)
    return true;
  if (expr_writes(e->a, v) || expr_writes(e->b, v) || expr_writes(e->c, v)) return true;
  for (int i = 0; i < e->nargs; i++)
    if (expr_writes(e->args[i], v)) return true;
  return false;
}

static bool stmt_writes(const KStmt *s, const KVar *v) {
  if (!s) return false;
  if (expr_writes(s->init, v) || expr_writes(s->e, v) || expr_writes(s->cond, v) || expr_writes(s->step, v) ||
      stmt_writes(s->then, v) || stmt_writes(s->els, v) || stmt_writes(s->init_stmt, v) || stmt_writes(s->body, v))
    return true;
  for (int i = 0; i < s->nstmts; i++)
    if (stmt_writes(s->stmts[i], v)) return true;
  return false;
}

/* the same value in every thread: constants, block-wide builtins,
 * parameters the kernel never writes, the loop variable `lv` */
static bool uniform_expr(Fis *f, const KExpr *e, const KVar *lv) {
  if (!e) return true;
  switch (e->kind) {
  case KE_INT: case KE_FLOAT: return true;
  case KE_BVAR: return e->bvar != KBV_THREAD_IDX && e->bvar != KBV_LANE_ID;
  case KE_VAR:
    if (e->var == lv) return true;
    return e->var->kind == KV_PARAM && kt_is_scalar(e->var->type) && !stmt_writes(f->kernel->body, e->var);
  case KE_UNARY: case KE_BINARY: case KE_CAST: case KE_COND: case KE_ASSIGN:
    if (e->kind == KE_ASSIGN && !(e->a->kind == KE_VAR && e->a->var == lv)) return false;
    return uniform_expr(f, e->a, lv) && uniform_expr(f, e->b, lv) && uniform_expr(f, e->c, lv);
  case KE_INCDEC: return e->a->kind == KE_VAR && e->a->var == lv;
  default: return false;
  }
}

/* break or continue aimed at this loop (not at a loop or switch inside it) */
static bool own_jump(const KStmt *s, bool in_switch) {
  if (!s) return false;
  if (s->kind == KS_CONTINUE || (s->kind == KS_BREAK && !in_switch)) return true;
  if (s->kind == KS_LOOP) return false;
  if (s->kind == KS_SWITCH) return own_jump(s->body, true);
  if (own_jump(s->then, in_switch) || own_jump(s->els, in_switch)) return true;
  for (int i = 0; i < s->nstmts; i++)
    if (own_jump(s->stmts[i], in_switch)) return true;
  return false;
}

/* `for (T v = U; C; S)` with U, C and S uniform, v written only by S, and
 * no break or continue of its own: every thread runs the same iterations,
 * so the loop runs once for the block, around its body's thread loops */
static bool uniform_loop(Fis *f, KStmt *s) {
  if (s->loop_kind != KLOOP_FOR || own_jump(s->body, false)) return false;
  const KVar *lv = NULL;
  if (s->init_stmt) {
    if (s->init_stmt->kind != KS_DECL || !s->init_stmt->var || s->init_stmt->var->as != AS_LOCAL ||
        !kt_is_scalar(s->init_stmt->var->type))
      return false;
    lv = s->init_stmt->var;
    const KExpr *init = s->init_stmt->init ? s->init_stmt->init : lv->init;
    if (!init || !uniform_expr(f, init, NULL)) return false;
  }
  if (!uniform_expr(f, s->cond, lv) || !uniform_expr(f, s->step, lv)) return false;
  if (lv && stmt_writes(s->body, lv)) return false;
  return true;
}

static void split_uniform_loop(Fis *f, KStmt *s) {
  flush(f);
  KStmt *loop = st_new(f, KS_LOOP);
  loop->loop_kind = KLOOP_FOR;
  loop->init_stmt = s->init_stmt; /* the loop variable is block-wide */
  loop->cond = s->cond;
  loop->step = s->step;
  PtrVec *outer = f->list, body;
  memset(&body, 0, sizeof body);
  f->list = &body;
  split_body(f, s->body);
  flush(f);
  f->list = outer;
  loop->body = st_block(f, (KStmt **)body.items, body.len);
  block_stmt(f, loop);
}

static void split_loop(Fis *f, KStmt *s) {
  if (uniform_loop(f, s)) return split_uniform_loop(f, s);
  KVar *st = new_local(f, "st", true), *any = new_local(f, "any", false);
  flush(f);
  block_stmt(f, st_decl(f, st));
  block_stmt(f, st_decl(f, any));
  if (s->init_stmt) thread_stmt(f, rewrite_jumps(f, s->init_stmt, 0, 0));
  thread_stmt(f, st_set(f, st, 0));
  flush(f);
  PtrVec *outer = f->list, body;
  memset(&body, 0, sizeof body);
  f->list = &body;
  KVar *saved_state = f->loop_state, *saved_brk = f->brk_state;
  if (s->loop_kind != KLOOP_DO) loop_test(f, s, st, any, st_leave_if(f, st, KOP_NE, 0), NULL);
  push_guard(f, st_leave_if(f, st, KOP_NE, 0));
  f->loop_state = f->brk_state = st;
  split_body(f, s->body);
  flush(f);
  f->loop_state = saved_state;
  f->brk_state = saved_brk;
  f->nguards--;
  if (s->loop_kind == KLOOP_DO) {
    loop_test(f, s, st, any, st_leave_if(f, st, KOP_EQ, 1), st_set(f, st, 0));
  } else {
    thread_stmt(f, st_leave_if(f, st, KOP_EQ, 1));
    thread_stmt(f, st_set(f, st, 0));
    if (s->step && expr_has_barrier(s->step, 0)) {
      flush(f);
      push_guard(f, st_leave_if(f, st, KOP_NE, 0));
      split_step(f, s->step);
      flush(f);
      f->nguards--;
    } else if (s->step) {
      KStmt *step = st_new(f, KS_EXPR);
      step->e = s->step;
      thread_stmt(f, step);
    }
    flush(f);
  }
  f->list = outer;
  KStmt *loop = st_new(f, KS_LOOP);
  loop->loop_kind = KLOOP_WHILE;
  loop->body = st_block(f, (KStmt **)body.items, body.len);
  block_stmt(f, loop);
}


/* The expression a statement computes into a variable or lvalue:
 * `T x = E;` or `lhs = E;` (E's address in *slot), else NULL. */
static KExpr **stmt_value(KStmt *s) {
  if (s->kind == KS_DECL && s->init) return &s->init;
  if (s->kind == KS_EXPR && s->e->kind == KE_ASSIGN && s->e->op == KOP_NONE) return &s->e->b;
  if (s->kind == KS_EXPR) return &s->e;
  return NULL;
}

/* A copy of statement s whose value expression is `value` (see stmt_value). */
static KStmt *with_value(Fis *f, KStmt *s, KExpr *value) {
  KStmt *c = st_new(f, s->kind);
  *c = *s;
  if (s->kind == KS_DECL) {
    c->init = value;
  } else if (s->e->kind == KE_ASSIGN) {
    KExpr *e = ex_new(f, KE_ASSIGN, s->e->type);
    *e = *s->e;
    e->b = value;
    c->e = e;
  } else {
    c->e = value;
  }
  return c;
}

/* ---- collectives: values exchanged between thread loops ---------------- */

static KExpr *ex_u32(Fis *f, int64_t v) {
  KExpr *e = ex_new(f, KE_INT, f->m->t_u32);
  e->ival = v;
  return e;
}

static KExpr *ex_bin(Fis *f, KOp op, KType *t, KExpr *a, KExpr *b) {
  KExpr *e = ex_new(f, KE_BINARY, t);
  e->op = op;
  e->a = a;
  e->b = b;
  return e;
}

static KExpr *ex_cast(Fis *f, KType *t, KExpr *a) {
  if (a->type == t) return a;
  KExpr *e = ex_new(f, KE_CAST, t);
  e->a = a;
  return e;
}

static KExpr *ex_sel(Fis *f, KType *t, KExpr *c, KExpr *a, KExpr *b) {
  KExpr *e = ex_new(f, KE_COND, t);
  e->a = c;
  e->b = a;
  e->c = b;
  return e;
}

static KExpr *ex_bvar(Fis *f, KBuiltinVar v, int comp) {
  KExpr *e = ex_new(f, KE_BVAR, f->m->t_u32);
  e->bvar = v;
  e->field = comp;
  return e;
}

static KExpr *ex_at(Fis *f, KVar *arr, KExpr *i) {
  KExpr *e = ex_new(f, KE_INDEX, arr->type->elem);
  e->a = ex_var(f, arr);
  e->b = i;
  return e;
}

/* the thread's linear index in the block, and the block's thread count */
static KExpr *ex_tid(Fis *f) {
  KType *u = f->m->t_u32;
  KExpr *zy = ex_bin(f, KOP_ADD, u, ex_bvar(f, KBV_THREAD_IDX, 1),
                     ex_bin(f, KOP_MUL, u, ex_bvar(f, KBV_BLOCK_DIM, 1), ex_bvar(f, KBV_THREAD_IDX, 2)));
  return ex_bin(f, KOP_ADD, u, ex_bvar(f, KBV_THREAD_IDX, 0), ex_bin(f, KOP_MUL, u, ex_bvar(f, KBV_BLOCK_DIM, 0), zy));
}

static KExpr *ex_nthreads(Fis *f) {
  KType *u = f->m->t_u32;
  return ex_bin(f, KOP_MUL, u, ex_bvar(f, KBV_BLOCK_DIM, 0),
                ex_bin(f, KOP_MUL, u, ex_bvar(f, KBV_BLOCK_DIM, 1), ex_bvar(f, KBV_BLOCK_DIM, 2)));
}

/* a block-wide exchange array (__shared__ T x[1024]) made by the pass */
static KVar *exchange_array(Fis *f, KType *elem) {
  KType *t = arena_alloc(f->a, sizeof *t);
  t->kind = KT_ARRAY;
  t->elem = elem;
  t->count = 1024;
  t->size = 1024 * elem->size;
  t->align = elem->align;
  t->unqual = t;
  KVar *v = new_local_of(f, "xch", false, t);
  v->as = AS_SHARED;
  block_stmt(f, st_decl(f, v));
  return v;
}

static KStmt *st_decl_init(Fis *f, KVar *v, KExpr *init) {
  KStmt *s = st_decl(f, v);
  s->init = init;
  return s;
}

/* for (u32 j = 0; j < 32; j++) body  (j given) */
static KStmt *st_lanes(Fis *f, KVar *j, KStmt *body) {
  KStmt *l = st_new(f, KS_LOOP);
  l->loop_kind = KLOOP_FOR;
  l->init_stmt = st_decl_init(f, j, ex_u32(f, 0));
  l->cond = ex_cmp(f, KOP_LT, ex_var(f, j), ex_u32(f, 32));
  KExpr *step = ex_new(f, KE_ASSIGN, j->type);
  step->a = ex_var(f, j);
  step->b = ex_bin(f, KOP_ADD, j->type, ex_var(f, j), ex_u32(f, 1));
  l->step = step;
  l->body = body;
  return l;
}

/* x = __syncthreads_count/and/or(p): each thread adds its predicate to a
 * block-wide accumulator in one thread loop; the next reads the total. */
static KVar *block_reduce(Fis *f, KExpr *c) {
  KVar *acc = new_local(f, "acc", false);
  block_stmt(f, st_decl(f, acc));
  block_stmt(f, st_set(f, acc, c->builtin == KB_SYNCTHREADS_AND));
  KExpr *pred = ex_cast(f, f->m->t_i32, ex_cmp(f, KOP_NE, c->args[0], ex_int(f, 0)));
  KOp op = c->builtin == KB_SYNCTHREADS_COUNT ? KOP_ADD : c->builtin == KB_SYNCTHREADS_AND ? KOP_AND : KOP_OR;
  thread_stmt(f, st_assign(f, ex_var(f, acc), ex_bin(f, op, f->m->t_i32, ex_var(f, acc), pred)));
  flush(f);
  KVar *res = new_local_of(f, "coll", false, c->type);
  thread_stmt(f, st_decl_init(f, res, ex_cast(f, c->type, ex_var(f, acc))));
  return res;
}

/* the lane a shuffle reads (lane = tid & 31, w = width), as u32 */
static KExpr *shuffle_source(Fis *f, KBuiltinId id, KVar *tl, KExpr *arg, KExpr *width) {
  KType *u = f->m->t_u32;
  KExpr *lane = ex_bin(f, KOP_AND, u, ex_var(f, tl), ex_u32(f, 31));
  KExpr *wm1 = ex_bin(f, KOP_SUB, u, width, ex_u32(f, 1));
  KExpr *in_seg = ex_bin(f, KOP_AND, u, lane, wm1);            /* lane % w */
  KExpr *seg = ex_bin(f, KOP_SUB, u, lane, in_seg);            /* first lane of the segment */
  KExpr *base = ex_bin(f, KOP_SUB, u, ex_var(f, tl), lane);    /* first thread of the warp */
  KExpr *d = ex_cast(f, u, arg), *me = ex_var(f, tl);
  switch (id) {
  case KB_SHFL_SYNC:
    return ex_bin(f, KOP_ADD, u, ex_bin(f, KOP_ADD, u, base, seg), ex_bin(f, KOP_AND, u, d, wm1));
  case KB_SHFL_UP_SYNC:
    return ex_sel(f, u, ex_cmp(f, KOP_GE, in_seg, d), ex_bin(f, KOP_SUB, u, me, d), ex_var(f, tl));
  case KB_SHFL_DOWN_SYNC:
    return ex_sel(f, u, ex_cmp(f, KOP_LT, ex_bin(f, KOP_ADD, u, in_seg, d), width), ex_bin(f, KOP_ADD, u, me, d),
                  ex_var(f, tl));
  default: { /* xor: the partner must be in the same segment */
    KExpr *j = ex_bin(f, KOP_XOR, u, lane, d);
    KExpr *jseg = ex_bin(f, KOP_SUB, u, j, ex_bin(f, KOP_AND, u, j, wm1));
    return ex_sel(f, u, ex_cmp(f, KOP_EQ, jseg, seg), ex_bin(f, KOP_ADD, u, base, j), ex_var(f, tl));
  }
  }
}

/* what lane j (thread s, active, in the mask) contributes to r */
static KStmt *lane_step(Fis *f, KBuiltinId id, KVar *r, KVar *xv, KExpr *s, KVar *j, KVar *own) {
  KType *rt = r->type;
  KExpr *bit = ex_cast(f, rt, ex_bin(f, KOP_SHL, f->m->t_u32, ex_u32(f, 1), ex_var(f, j)));
  KExpr *val = xv ? ex_at(f, xv, s) : NULL;
  switch (id) {
  case KB_BALLOT_SYNC:
    return st_if(f, ex_cmp(f, KOP_NE, val, ex_int(f, 0)), st_assign(f, ex_var(f, r), ex_bin(f, KOP_OR, rt, ex_var(f, r), bit)));
  case KB_ACTIVEMASK:
    return st_assign(f, ex_var(f, r), ex_bin(f, KOP_OR, rt, ex_var(f, r), bit));
  case KB_MATCH_ANY_SYNC:
    return st_if(f, ex_cmp(f, KOP_EQ, val, ex_var(f, own)), st_assign(f, ex_var(f, r), ex_bin(f, KOP_OR, rt, ex_var(f, r), bit)));
  case KB_ALL_SYNC:
    return st_if(f, ex_cmp(f, KOP_EQ, val, ex_int(f, 0)), st_assign(f, ex_var(f, r), ex_cast(f, rt, ex_int(f, 0))));
  case KB_ANY_SYNC:
    return st_if(f, ex_cmp(f, KOP_NE, val, ex_int(f, 0)), st_assign(f, ex_var(f, r), ex_cast(f, rt, ex_int(f, 1))));
  case KB_REDUCE_ADD_SYNC: return st_assign(f, ex_var(f, r), ex_bin(f, KOP_ADD, rt, ex_var(f, r), ex_cast(f, rt, val)));
  case KB_REDUCE_AND_SYNC: return st_assign(f, ex_var(f, r), ex_bin(f, KOP_AND, rt, ex_var(f, r), ex_cast(f, rt, val)));
  case KB_REDUCE_OR_SYNC: return st_assign(f, ex_var(f, r), ex_bin(f, KOP_OR, rt, ex_var(f, r), ex_cast(f, rt, val)));
  case KB_REDUCE_XOR_SYNC: return st_assign(f, ex_var(f, r), ex_bin(f, KOP_XOR, rt, ex_var(f, r), ex_cast(f, rt, val)));
  default: { /* min, max */
    KExpr *v = ex_cast(f, rt, val);
    KOp better = id == KB_REDUCE_MIN_SYNC ? KOP_LT : KOP_GT;
    return st_if(f, ex_cmp(f, better, v, ex_var(f, r)), st_assign(f, ex_var(f, r), ex_cast(f, rt, ex_at(f, xv, s))));
  }
  }
}

static bool lane_op(KBuiltinId id) {
  switch (id) {
  case KB_BALLOT_SYNC: case KB_ACTIVEMASK: case KB_MATCH_ANY_SYNC: case KB_ALL_SYNC: case KB_ANY_SYNC:
  case KB_REDUCE_ADD_SYNC: case KB_REDUCE_MIN_SYNC: case KB_REDUCE_MAX_SYNC: case KB_REDUCE_AND_SYNC:
  case KB_REDUCE_OR_SYNC: case KB_REDUCE_XOR_SYNC:
    return true;
  default: return false;
  }
}

/* __match_all_sync(mask, v, &pred): the mask's active lanes when they all
 * hold v (pred = 1), else 0 (pred = 0) */
static KVar *match_all(Fis *f, KExpr *c, KVar **args, KVar *xa, KVar *xv, KVar *tl, KVar *res) {
  KType *u = f->m->t_u32;
  KVar *act = new_local_of(f, "act", false, u), *same = new_local_of(f, "same", false, f->m->t_i32);
  KVar *j = new_local_of(f, "j", false, u);
  thread_stmt(f, st_decl_init(f, act, ex_u32(f, 0)));
  thread_stmt(f, st_decl_init(f, same, ex_int(f, 1)));
  KExpr *s = ex_bin(f, KOP_ADD, u, ex_bin(f, KOP_SUB, u, ex_var(f, tl), ex_bin(f, KOP_AND, u, ex_var(f, tl), ex_u32(f, 31))),
                    ex_var(f, j));
  KExpr *cond = ex_bin(f, KOP_LAND, f->m->t_bool, ex_cmp(f, KOP_LT, s, ex_nthreads(f)),
                       ex_cmp(f, KOP_NE, ex_at(f, xa, s), ex_int(f, 0)));
  KExpr *inmask = ex_bin(f, KOP_AND, u, ex_bin(f, KOP_SHR, u, ex_cast(f, u, ex_var(f, args[0])), ex_var(f, j)), ex_u32(f, 1));
  cond = ex_bin(f, KOP_LAND, f->m->t_bool, cond, ex_cmp(f, KOP_NE, inmask, ex_u32(f, 0)));
  KStmt *two[2] = {
      st_assign(f, ex_var(f, act), ex_bin(f, KOP_OR, u, ex_var(f, act), ex_bin(f, KOP_SHL, u, ex_u32(f, 1), ex_var(f, j)))),
      st_if(f, ex_cmp(f, KOP_NE, ex_at(f, xv, s), ex_var(f, args[1])), st_set(f, same, 0))};
  thread_stmt(f, st_lanes(f, j, st_if(f, cond, st_block(f, two, 2))));
  KExpr *deref = ex_new(f, KE_DEREF, f->m->t_i32);
  deref->a = ex_var(f, args[2]);
  thread_stmt(f, st_assign(f, deref, ex_var(f, same)));
  thread_stmt(f, st_decl_init(f, res, ex_cast(f, c->type, ex_sel(f, u, ex_cmp(f, KOP_NE, ex_var(f, same), ex_int(f, 0)),
                                                                  ex_var(f, act), ex_u32(f, 0)))));
  return res;
}

/* A warp collective: the operands go to per-thread temporaries and the
 * value to an exchange array in one thread loop (after a loop that clears
 * every thread's `active` flag, so lanes that do not take part are
 * known); the next loop computes each lane's result from the exchange
 * array as CUDA defines it (shuffle segments and bounds, votes and
 * reductions over the active lanes of the mask). */
static KVar *warp_exchange(Fis *f, KExpr *c) {
  bool shuffle = c->builtin == KB_SHFL_SYNC || c->builtin == KB_SHFL_UP_SYNC || c->builtin == KB_SHFL_DOWN_SYNC ||
                 c->builtin == KB_SHFL_XOR_SYNC;
  if (!shuffle && !lane_op(c->builtin) && c->builtin != KB_MATCH_ALL_SYNC) {
    const KBuiltinInfo *i = kb_info(c->builtin);
    char what[96];
    snprintf(what, sizeof what, "the warp function '%s'", i ? i->name : "?");
    error(f, c->loc, what);
    return NULL;
  }
  KType *u = f->m->t_u32;
  KVar **args = arena_alloc(f->a, sizeof *args * (size_t)(c->nargs + 1));
  for (int i = 0; i < c->nargs; i++) {
    args[i] = new_local_of(f, "opnd", false, c->args[i]->type);
    thread_stmt(f, st_decl_init(f, args[i], c->args[i]));
  }
  KVar *xa = exchange_array(f, f->m->t_i32);
  KVar *xv = c->nargs > 1 ? exchange_array(f, c->args[1]->type) : NULL;
  KVar *tl = new_local_of(f, "lane", false, u);
  int saved = f->nguards;
  f->nguards = 0; /* every thread: not active until it publishes */
  thread_stmt(f, st_assign(f, ex_at(f, xa, ex_tid(f)), ex_int(f, 0)));
  flush(f);
  f->nguards = saved;
  thread_stmt(f, st_assign(f, ex_at(f, xa, ex_tid(f)), ex_int(f, 1)));
  if (xv) thread_stmt(f, st_assign(f, ex_at(f, xv, ex_tid(f)), ex_var(f, args[1])));
  flush(f);
  thread_stmt(f, st_decl_init(f, tl, ex_tid(f)));
  KVar *res = new_local_of(f, "coll", false, c->type);
  if (shuffle) {
    KExpr *width = c->nargs > 3 ? ex_cast(f, u, ex_var(f, args[3])) : ex_u32(f, 32);
    KVar *src = new_local_of(f, "src", false, u);
    thread_stmt(f, st_decl_init(f, src, shuffle_source(f, c->builtin, tl, ex_var(f, args[2]), width)));
    KExpr *ok = ex_cmp(f, KOP_LT, ex_var(f, src), ex_nthreads(f));
    thread_stmt(f, st_decl_init(f, res, ex_cast(f, c->type, ex_at(f, xv, ex_sel(f, u, ok, ex_var(f, src), ex_var(f, tl))))));
    return res;
  }
  KBuiltinId id = c->builtin;
  if (id == KB_MATCH_ALL_SYNC) return match_all(f, c, args, xa, xv, tl, res);
  /* r = identity (or the lane's own value for min/max); then over the 32 lanes */
  KExpr *init;
  if (id == KB_REDUCE_MIN_SYNC || id == KB_REDUCE_MAX_SYNC) init = ex_cast(f, c->type, ex_var(f, args[1]));
  else if (id == KB_ALL_SYNC || id == KB_REDUCE_AND_SYNC) init = ex_cast(f, c->type, ex_int(f, id == KB_ALL_SYNC ? 1 : -1));
  else init = ex_cast(f, c->type, ex_int(f, 0));
  thread_stmt(f, st_decl_init(f, res, init));
  KVar *j = new_local_of(f, "j", false, u);
  KExpr *s = ex_bin(f, KOP_ADD, u, ex_bin(f, KOP_SUB, u, ex_var(f, tl), ex_bin(f, KOP_AND, u, ex_var(f, tl), ex_u32(f, 31))),
                    ex_var(f, j));
  KExpr *cond = ex_cmp(f, KOP_LT, s, ex_nthreads(f));
  cond = ex_bin(f, KOP_LAND, f->m->t_bool, cond, ex_cmp(f, KOP_NE, ex_at(f, xa, s), ex_int(f, 0)));
  if (id != KB_ACTIVEMASK) {
    KExpr *inmask = ex_bin(f, KOP_AND, u, ex_bin(f, KOP_SHR, u, ex_cast(f, u, ex_var(f, args[0])), ex_var(f, j)), ex_u32(f, 1));
    cond = ex_bin(f, KOP_LAND, f->m->t_bool, cond, ex_cmp(f, KOP_NE, inmask, ex_u32(f, 0)));
  }
  thread_stmt(f, st_lanes(f, j, st_if(f, cond, lane_step(f, id, res, xv, s, j, xv ? args[1] : NULL))));
  return res;
}

/* the first collective of e whose operands hold none */
static KExpr *find_collective(KExpr *e) {
  if (!e) return NULL;
  KExpr *r;
  if ((r = find_collective(e->a)) || (r = find_collective(e->b)) || (r = find_collective(e->c))) return r;
  for (int i = 0; i < e->nargs; i++)
    if ((r = find_collective(e->args[i]))) return r;
  return is_collective(e) || (e->kind == KE_CALL && func_barrier(e->fn, 0)) ? e : NULL;
}

static bool inline_call(Fis *f, KStmt *s);

/* a call of a device function with barriers inside an expression: its
 * body is inlined in front of the statement, into a temporary */
static KVar *hoist_call(Fis *f, KExpr *call) {
  if (call->type->kind == KT_VOID) {
    error(f, call->loc, "a call of a void device function with barriers inside an expression");
    return NULL;
  }
  KVar *tmp = new_local_of(f, "call", false, call->type);
  KStmt *d = st_decl(f, tmp);
  d->init = call;
  inline_call(f, d);
  return f->failed ? NULL : tmp;
}

/* a copy of e with `target` replaced (nodes off the path are shared) */
static KExpr *replace_expr(Fis *f, KExpr *e, const KExpr *target, KExpr *with) {
  if (!e) return NULL;
  if (e == target) return with;
  KExpr *a = replace_expr(f, e->a, target, with), *b = replace_expr(f, e->b, target, with),
        *c = replace_expr(f, e->c, target, with);
  KExpr **args = e->args;
  for (int i = 0; i < e->nargs; i++) {
    KExpr *x = replace_expr(f, e->args[i], target, with);
    if (x == e->args[i]) continue;
    if (args == e->args) {
      args = arena_alloc(f->a, sizeof *args * (size_t)e->nargs);
      memcpy(args, e->args, sizeof *args * (size_t)e->nargs);
    }
    args[i] = x;
  }
  if (a == e->a && b == e->b && c == e->c && args == e->args) return e;
  KExpr *n = ex_new(f, e->kind, e->type);
  *n = *e;
  n->a = a;
  n->b = b;
  n->c = c;
  n->args = args;
  return n;
}

/* The statement's own expression (not its sub-statements'). */
static KExpr **own_expr(KStmt *s) {
  switch (s->kind) {
  case KS_DECL: return s->init ? &s->init : NULL;
  case KS_EXPR: case KS_RETURN: return s->e ? &s->e : NULL;
  case KS_IF: case KS_SWITCH: return &s->cond;
  default: return NULL;
  }
}

/* Takes the collectives out of s's own expression, innermost first, each
 * into a per-thread temporary computed by thread loops before s; returns
 * s rewritten to read the temporaries (s itself when it has none). */
static KStmt *hoist_collectives(Fis *f, KStmt *s) {
  KExpr **slot = own_expr(s);
  if (!slot || !find_collective(*slot)) return s;
  KStmt *c = st_new(f, s->kind);
  *c = *s;
  slot = own_expr(c);
  for (KExpr *coll; !f->failed && (coll = find_collective(*slot));) {
    if (coll->kind == KE_CALL && coll == *slot && s->kind == KS_EXPR) break; /* a call statement: inline_call */
    if (coll->kind == KE_CALL && s->kind == KS_DECL && coll == s->init) break;
    KVar *res = coll->kind == KE_CALL ? hoist_call(f, coll) : coll->builtin == KB_SYNCTHREADS_COUNT || coll->builtin == KB_SYNCTHREADS_AND ||
                        coll->builtin == KB_SYNCTHREADS_OR
                    ? block_reduce(f, coll)
                    : warp_exchange(f, coll);
    if (!res) break;
    *slot = replace_expr(f, *slot, coll, ex_var(f, res));
  }
  return c;
}

/* A call, as a statement's value, of a device function with barriers or
 * collectives: its body goes in place, split like the kernel's own
 * statements.  Parameters become locals assigned the arguments; `return`
 * stores the result, sets a per-thread `returned` flag and ends the
 * thread's turn, and the body's thread loops skip threads whose flag is
 * set.  The body gets thread loops of its own, so the flag never skips the
 * caller's statements. */
static bool inline_call(Fis *f, KStmt *s) {
  KExpr **slot = stmt_value(s);
  if (!slot || (*slot)->kind != KE_CALL || !func_barrier((*slot)->fn, 0)) return false;
  KExpr *call = *slot;
  const KFunc *fn = call->fn;
  if (f->inline_depth > 8) {
    error(f, s->loc, "device functions with barriers nested this deep (or recursive)");
    return true;
  }
  for (int i = 0; i < call->nargs && i < fn->nparams; i++)
    thread_stmt(f, st_assign(f, ex_var(f, fn->params[i]), call->args[i]));
  KVar *res = NULL;
  if (fn->ret->kind != KT_VOID && s->kind != KS_EXPR) res = s->var; /* T x = f(...) */
  else if (fn->ret->kind != KT_VOID && s->e->kind == KE_ASSIGN) res = new_local_of(f, "ret", false, fn->ret);
  if (res) thread_stmt(f, st_decl(f, res));
  KVar *flag = new_local(f, "returned", true);
  thread_stmt(f, st_set(f, flag, 0));
  flush(f);
  KVar *saved_res = f->inl_res, *saved_flag = f->inl_flag, *saved_state = f->loop_state,
       *saved_brk = f->brk_state;
  f->inl_res = res;
  f->inl_flag = flag;
  f->loop_state = f->brk_state = NULL; /* break/continue cannot leave the function */
  push_guard(f, st_leave_if(f, flag, KOP_NE, 0));
  f->inline_depth++;
  split_body(f, fn->body);
  flush(f);
  f->inline_depth--;
  f->nguards--;
  f->inl_res = saved_res;
  f->inl_flag = saved_flag;
  f->loop_state = saved_state;
  f->brk_state = saved_brk;
  if (res && s->kind == KS_EXPR) thread_stmt(f, with_value(f, s, ex_var(f, res)));
  return true;
}

/* A switch with a barrier: each thread stores the index of the case it
 * enters (or, without a match, the default's, or past the last case) in
 * a per-thread `sel`; case i's statements run in thread loops that skip
 * threads with sel > i (fall-through is free) or whose switch state says
 * they left by `break`. */
static void split_switch(Fis *f, KStmt *s) {
  KStmt *body = s->body;
  if (!body || body->kind != KS_BLOCK) return error(f, s->loc, "this form of switch with a barrier");
  int ncase = 0, def = -1;
  for (int i = 0; i < body->nstmts; i++)
    if (body->stmts[i]->kind == KS_CASE) {
      if (body->stmts[i]->is_default) def = ncase;
      ncase++;
    }
  KVar *sel = new_local(f, "sel", true), *st = new_local(f, "sw", true);
  KVar *c = new_local_of(f, "case", false, s->cond->type);
  flush(f);
  block_stmt(f, st_decl(f, sel));
  block_stmt(f, st_decl(f, st));
  thread_stmt(f, st_decl_init(f, c, s->cond));
  thread_stmt(f, st_set(f, sel, def >= 0 ? def : ncase));
  int k = 0;
  for (int i = 0; i < body->nstmts; i++) {
    KStmt *cs = body->stmts[i];
    if (cs->kind != KS_CASE) continue;
    if (!cs->is_default) {
      KExpr *v = ex_new(f, KE_INT, s->cond->type);
      v->ival = cs->case_value;
      thread_stmt(f, st_if(f, ex_cmp(f, KOP_EQ, ex_var(f, c), v), st_set(f, sel, k)));
    }
    k++;
  }
  thread_stmt(f, st_set(f, st, 0));
  flush(f);
  KVar *saved_brk = f->brk_state;
  f->brk_state = st;
  push_guard(f, st_leave_if(f, st, KOP_NE, 0));
  k = -1;
  int first = 0;
  for (int i = 0; i <= body->nstmts && !f->failed; i++) {
    if (i < body->nstmts && body->stmts[i]->kind != KS_CASE) continue;
    if (k >= 0) { /* the statements of case k: (first, i) */
      push_guard(f, st_leave_if(f, sel, KOP_GT, k));
      split_list(f, body->stmts + first, i - first);
      flush(f);
      f->nguards--;
    }
    k++;
    first = i + 1;
  }
  f->nguards--;
  f->brk_state = saved_brk;
}

static void split_stmt(Fis *f, KStmt *s) {
  f->loc = s->loc;
  if (stmt_has_barrier(s, 0) && s->kind != KS_LOOP) s = hoist_collectives(f, s);
  if (f->failed) return;
  if (!stmt_has_barrier(s, 0)) {
    thread_stmt(f, rewrite_jumps(f, s, 0, 0));
    return;
  }
  switch (s->kind) {
  case KS_BARRIER:
    if (s->scope == KBAR_GRID) return error(f, s->loc, "grid-wide synchronisation (grid_group::sync)");
    block_stmt(f, s);
    return;
  case KS_BLOCK: split_list(f, s->stmts, s->nstmts); return;
  case KS_IF:
    if (expr_has_barrier(s->cond, 0)) break;
    split_if(f, s);
    return;
  case KS_LOOP:
    if (stmt_has_barrier(s->init_stmt, 0)) return error(f, s->loc, "a barrier in a loop's initialisation");
    split_loop(f, s);
    return;
  case KS_SWITCH:
    if (expr_has_barrier(s->cond, 0)) break;
    split_switch(f, s);
    return;
  case KS_EXPR:
    if (is_barrier_call(s->e)) { /* __syncthreads() as a call: a barrier statement */
      if (s->e->builtin == KB_GRID_SYNC) return error(f, s->loc, "grid-wide synchronisation (grid_group::sync)");
      KStmt *b = st_new(f, KS_BARRIER);
      b->scope = s->e->builtin == KB_SYNCWARP ? KBAR_WARP : KBAR_BLOCK;
      block_stmt(f, b);
      return;
    }
    if (inline_call(f, s)) return;
    break;
  case KS_DECL:
    if (inline_call(f, s)) return;
    break;
  default: break;
  }
  error(f, s->loc, "a barrier inside an expression or a called device function");
}

/* ---- which locals live per thread ------------------------------------- */

typedef struct Use {
  const KVar *var;
  int last_loop, loops; /* the last thread loop seen using it; how many do */
  bool written;
} Use;

typedef struct Uses {
  Use *items;
  int len, cap;
  PtrVec block_level; /* KVar*: declared outside thread loops (block-wide) */
  int loop; /* id of the thread loop being scanned */
  Arena *a;
} Uses;

static Use *use_of(Uses *u, const KVar *v) {
  for (int i = 0; i < u->len; i++)
    if (u->items[i].var == v) return &u->items[i];
  if (u->len == u->cap) {
    u->cap = u->cap ? 2 * u->cap : 32;
    Use *n = arena_alloc(u->a, sizeof *n * (size_t)u->cap);
    if (u->len) memcpy(n, u->items, sizeof *n * (size_t)u->len);
    u->items = n;
  }
  u->items[u->len] = (Use){.var = v, .last_loop = -1};
  return &u->items[u->len++];
}

static void see_var(Uses *u, const KVar *v, bool written) {
  if (!v || v->kind == KV_GLOBAL || v->as != AS_LOCAL || v->is_static || u->loop < 0) return;
  Use *x = use_of(u, v);
  if (x->last_loop != u->loop) {
    x->loops++;
    x->last_loop = u->loop;
  }
  x->written |= written;
}

static void scan_expr(Uses *u, const KExpr *e, bool written) {
  if (!e) return;
  if (e->kind == KE_VAR) see_var(u, e->var, written);
  bool w = e->kind == KE_ASSIGN || e->kind == KE_INCDEC || e->kind == KE_ADDR;
  /* writing a[i] or a.x writes a when a is an array or a struct */
  bool into = e->kind == KE_MEMBER || (e->kind == KE_INDEX && e->a->type->kind == KT_ARRAY);
  scan_expr(u, e->a, w || (written && into));
  scan_expr(u, e->b, false);
  scan_expr(u, e->c, false);
  for (int i = 0; i < e->nargs; i++) scan_expr(u, e->args[i], false);
}

static void scan_stmt(Uses *u, const KStmt *s, int *next_loop) {
  if (!s) return;
  int saved = u->loop;
  if (s->kind == KS_LOOP && s->loop_kind == KLOOP_THREADS) u->loop = (*next_loop)++;
  if (s->kind == KS_DECL && u->loop < 0) vec_push(u->a, &u->block_level, s->var);
  if (s->kind == KS_DECL) {
    see_var(u, s->var, true);
    scan_expr(u, s->init, false);
  }
  scan_expr(u, s->e, false);
  scan_expr(u, s->cond, false);
  scan_expr(u, s->step, false);
  scan_stmt(u, s->then, next_loop);
  scan_stmt(u, s->els, next_loop);
  scan_stmt(u, s->init_stmt, next_loop);
  scan_stmt(u, s->body, next_loop);
  for (int i = 0; i < s->nstmts; i++) scan_stmt(u, s->stmts[i], next_loop);
  u->loop = saved;
}

static bool listed(const PtrVec *v, const void *p) {
  for (int i = 0; i < v->len; i++)
    if (v->items[i] == p) return true;
  return false;
}

static void find_per_thread(Fis *f) {
  Uses u = {.loop = -1, .a = f->a};
  int next = 0;
  scan_stmt(&u, f->out->body, &next);
  for (int i = 0; i < u.len; i++) {
    const Use *x = &u.items[i];
    bool keep = x->var->kind == KV_PARAM ? x->written : x->loops > 1;
    if (listed(&u.block_level, x->var) && !listed(&f->out->per_thread, x->var)) keep = false;
    if (keep && !listed(&f->out->per_thread, x->var)) vec_push(f->a, &f->out->per_thread, (void *)x->var);
  }
}

bool kir_fission(Arena *a, const KModule *m, const KFunc *k, KFission *out, CwDiags *d) {
  memset(out, 0, sizeof *out);
  Fis f = {.a = a, .m = m, .d = d, .out = out, .loc = k->loc, .kernel = k};
  PtrVec top;
  memset(&top, 0, sizeof top);
  f.list = &top;
  out->split = stmt_has_barrier(k->body, 0);
  if (!out->split) {
    thread_stmt(&f, k->body);
    flush(&f);
  } else {
    if (stmt_has_kind(k->body, KS_GOTO) || stmt_has_kind(k->body, KS_LABEL)) {
      error(&f, k->loc, "goto in a kernel with barriers");
      return false;
    }
    if (stmt_has_kind(k->body, KS_RETURN)) {
      f.exit_flag = new_local(&f, "exit", true);
      block_stmt(&f, st_decl(&f, f.exit_flag));
      thread_stmt(&f, st_set(&f, f.exit_flag, 0));
      flush(&f);
      push_guard(&f, st_leave_if(&f, f.exit_flag, KOP_NE, 0));
    }
    split_body(&f, k->body);
    flush(&f);
  }
  if (f.failed) return false;
  out->body = st_block(&f, (KStmt **)top.items, top.len);
  find_per_thread(&f);
  return true;
}
