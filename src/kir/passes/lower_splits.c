/*
 * lower_splits.c — rewrites a kernel's KIR before barrier fission, for
 * both fissions (the C emitter's c_fission.c and the KIR pass fission.c).
 *
 * Fission works on statements: it splits a kernel at statements that
 * need the whole block (or warp) at once.  This pass makes every such
 * point a statement of its own:
 *
 *  - a call to a device function that contains a barrier or a warp
 *    collective (directly or through its callees) is inlined: parameters
 *    become locals initialised from the arguments (each inlined copy has
 *    locals of its own), the body is wrapped in a `do { ... } while (0)`
 *    marked with a label, and `return e` becomes `ret = e;` plus a
 *    KS_RETURN with that label, which fission treats as a break out of
 *    the wrapper (per thread, so divergent returns work); the body's last
 *    statement needs no jump, so a function that returns only there has a
 *    wrapper nothing leaves early, which can run as a loop of the block;
 *  - a warp collective or `__syncthreads_count/and/or` inside an expression
 *    is hoisted: `T tmp = collective(operands);` precedes the statement,
 *    which reads tmp (for the C target, with its non-constant operands in
 *    temporaries of their own first);
 *  - `__syncthreads()` / `__syncwarp()` written as calls become KS_BARRIER;
 *  - kernel parameters the body writes to (or takes the address of) are
 *    copied into locals, so each thread has its own;
 *  - a loop condition holding a collective becomes `for (;;) { pre; if
 *    (!cond) break; body }`; a step with a split point moves to the end of
 *    the body, each operand of its commas a statement, behind a
 *    `do { body } while (0)` that `continue` ends, with a flag for `break`
 *    (body_then_step);
 *  - a for loop's init statement moves in front of the loop: `{ init;
 *    for (; cond; step) body }` (the C target's strided loops and block
 *    scalars start from there), unless the caller keeps a declaration
 *    there (the KIR pass makes it the variable of a block-level loop).
 *
 * Hoisting evaluates a collective before the rest of its statement, also
 * when it sat behind `&&`, `||` or `?:`: collectives have no side effects
 * besides their result, so only convergence could tell the difference.
 * New nodes are allocated in the arena given; the module itself is not
 * touched.
 */
#include "lower_splits.h"
#include "blocklevel.h"
#include "splits.h"

#include <string.h>

typedef struct Lower {
  Arena *a;
  const KModule *m;
  CwDiags *d;
  int *next_id;          /* numbers the new locals' C names apart */
  const char *target;    /* for messages: "the C target" */
  PtrVec from, to;       /* variable renaming, searched from the end */
  PtrVec *pre;           /* statements to run before the current one */
  const char *ret_label; /* inside an inlined body */
  KVar *ret_var;
  const KStmt *tail_ret; /* the body's last statement when it is a return: no jump */
  int depth;
  KVar *brk;             /* a break of the loop whose body is being cloned sets it
                            (that loop's step has split points), else NULL */
  int breaks;            /* breaks rewritten so far */
} Lower;

enum { MAX_INLINE_DEPTH = 16 };

/* ---- node construction --------------------------------------------- */

static KStmt *mk_stmt(Lower *L, KStmtKind k, SrcLoc loc) {
  KStmt *s = arena_alloc(L->a, sizeof *s);
  s->kind = k;
  s->loc = loc;
  return s;
}

static KExpr *mk_var(Lower *L, KVar *v, SrcLoc loc) {
  KExpr *e = arena_alloc(L->a, sizeof *e);
  e->kind = KE_VAR;
  e->var = v;
  e->type = v->type;
  e->loc = loc;
  return e;
}

static KExpr *mk_int(Lower *L, KType *t, int64_t v, SrcLoc loc) {
  KExpr *e = arena_alloc(L->a, sizeof *e);
  e->kind = KE_INT;
  e->type = t;
  e->ival = v;
  e->loc = loc;
  return e;
}

static KStmt *mk_decl(Lower *L, KVar *v, KExpr *init, SrcLoc loc) {
  KStmt *s = mk_stmt(L, KS_DECL, loc);
  s->var = v;
  s->init = init;
  return s;
}

static KStmt *mk_block(Lower *L, PtrVec *items, SrcLoc loc) {
  KStmt *s = mk_stmt(L, KS_BLOCK, loc);
  s->stmts = (KStmt **)items->items;
  s->nstmts = items->len;
  return s;
}

static KVar *new_temp(Lower *L, KType *t, const char *stem, SrcLoc loc) {
  KVar *v = arena_alloc(L->a, sizeof *v);
  v->kind = KV_LOCAL;
  v->type = t->unqual ? t->unqual : t;
  v->as = AS_LOCAL;
  v->name = v->cname = arena_printf(L->a, "cw_%s%d", stem, (*L->next_id)++);
  v->loc = loc;
  return v;
}

static KVar *rename_var(Lower *L, KVar *old) {
  KVar *v = arena_alloc(L->a, sizeof *v);
  *v = *old;
  v->kind = KV_LOCAL;
  v->cname = arena_printf(L->a, "%s_%d", old->cname, (*L->next_id)++);
  vec_push(L->a, &L->from, old);
  vec_push(L->a, &L->to, v);
  return v;
}

static KVar *map_var(Lower *L, KVar *v) {
  for (int i = L->from.len - 1; i >= 0; i--)
    if (L->from.items[i] == v) return L->to.items[i];
  return v;
}

/* ---- expressions ------------------------------------------------------ */

static KExpr *clone_expr(Lower *L, const KExpr *e);
static void clone_stmt(Lower *L, const KStmt *s, PtrVec *out);

/* a collective's operands stay in it: warp lowering (warp.c) evaluates
 * them once per thread, in the loop that publishes the thread's lane */
static KExpr *hoist_collective(Lower *L, KExpr *e) {
  KVar *r = new_temp(L, e->type, "coll", e->loc);
  vec_push(L->a, L->pre, mk_decl(L, r, e, e->loc));
  return mk_var(L, r, e->loc);
}

static KExpr *inline_call(Lower *L, const KExpr *call) {
  const KFunc *f = call->fn;
  if (L->depth >= MAX_INLINE_DEPTH) {
    diag_add(L->d, DIAG_ERROR, call->loc,
             "'%s' calls itself and contains a barrier or warp collective: %s inlines "
             "such functions and cannot inline recursion deeper than %d calls",
             f->name, L->target, MAX_INLINE_DEPTH);
    return mk_int(L, L->m->t_i32, 0, call->loc);
  }
  int saved_map = L->from.len;
  KVar *ret = NULL;
  if (f->ret && f->ret->kind != KT_VOID) {
    ret = new_temp(L, f->ret, "ret", call->loc);
    vec_push(L->a, L->pre, mk_decl(L, ret, NULL, call->loc));
  }
  KVar **params = arena_alloc(L->a, sizeof(KVar *) * (f->nparams + 1));
  for (int i = 0; i < f->nparams && i < call->nargs; i++) {
    KExpr *arg = clone_expr(L, call->args[i]);
    params[i] = rename_var(L, f->params[i]);
    vec_push(L->a, L->pre, mk_decl(L, params[i], arg, call->loc));
  }
  const char *saved_label = L->ret_label;
  KVar *saved_ret = L->ret_var;
  const KStmt *saved_tail = L->tail_ret;
  PtrVec *saved_pre = L->pre;
  L->ret_label = arena_printf(L->a, "cw_inl%d", (*L->next_id)++);
  L->ret_var = ret;
  L->tail_ret = NULL;
  KVar *saved_brk = L->brk;
  L->brk = NULL;
  if (f->body && f->body->kind == KS_BLOCK && f->body->nstmts &&
      f->body->stmts[f->body->nstmts - 1]->kind == KS_RETURN)
    L->tail_ret = f->body->stmts[f->body->nstmts - 1];
  L->depth++;
  PtrVec body = {0};
  clone_stmt(L, f->body, &body);
  L->depth--;
  KStmt *loop = mk_stmt(L, KS_LOOP, call->loc);
  loop->loop_kind = KLOOP_DO;
  loop->cond = mk_int(L, L->m->t_bool, 0, call->loc);
  loop->body = mk_block(L, &body, call->loc);
  loop->label = L->ret_label;
  L->ret_label = saved_label;
  L->ret_var = saved_ret;
  L->tail_ret = saved_tail;
  L->brk = saved_brk;
  L->pre = saved_pre;
  vec_push(L->a, L->pre, loop);
  L->from.len = L->to.len = saved_map;
  return ret ? mk_var(L, ret, call->loc) : mk_int(L, L->m->t_i32, 0, call->loc);
}

static KExpr *clone_expr(Lower *L, const KExpr *e) {
  if (!e) return NULL;
  /* the callee's own property, not relative to L->depth: a recursive
   * function with a barrier must reach inline_call's depth check rather
   * than stay a call of a function that is never emitted */
  if (e->kind == KE_CALL && e->fn && kir_func_has_split(e->fn))
    return inline_call(L, e);
  if (e->kind == KE_COMMA && kir_expr_has_split(e->b)) {
    /* `a, f()` with f inlined in front of the statement: a runs first,
     * as its own statement (a temporary's construction, say) */
    KStmt *first = mk_stmt(L, KS_EXPR, e->loc);
    first->e = clone_expr(L, e->a);
    vec_push(L->a, L->pre, first);
    return clone_expr(L, e->b);
  }
  KExpr *c = arena_alloc(L->a, sizeof *c);
  *c = *e;
  if (c->kind == KE_VAR) c->var = map_var(L, e->var);
  c->a = clone_expr(L, e->a);
  c->b = clone_expr(L, e->b);
  c->c = clone_expr(L, e->c);
  if (e->nargs) {
    c->args = arena_alloc(L->a, sizeof(KExpr *) * e->nargs);
    for (int i = 0; i < e->nargs; i++) c->args[i] = clone_expr(L, e->args[i]);
  }
  if (kir_is_collective(c)) return hoist_collective(L, c);
  return c;
}

/* Clones e, appending the statements it needs first to *pre. */
static KExpr *clone_with_pre(Lower *L, const KExpr *e, PtrVec *pre) {
  PtrVec *saved = L->pre;
  L->pre = pre;
  KExpr *c = clone_expr(L, e);
  L->pre = saved;
  return c;
}

/* ---- statements ------------------------------------------------------- */

static void push_all(Lower *L, PtrVec *out, PtrVec *items) {
  for (int i = 0; i < items->len; i++) vec_push(L->a, out, items->items[i]);
}

static KStmt *clone_single(Lower *L, const KStmt *s) {
  if (!s) return NULL;
  PtrVec v = {0};
  clone_stmt(L, s, &v);
  if (v.len == 1) return v.items[0];
  return mk_block(L, &v, s->loc);
}

static KStmt *copy_stmt(Lower *L, const KStmt *s) {
  KStmt *c = arena_alloc(L->a, sizeof *c);
  *c = *s;
  return c;
}

static bool is_barrier_call_stmt(const KStmt *s) {
  return s->e && kir_is_barrier_call(s->e);
}

static void clone_barrier_call(Lower *L, const KStmt *s, PtrVec *out) {
  KStmt *b = mk_stmt(L, KS_BARRIER, s->loc);
  if (s->e->builtin == KB_GRID_SYNC) b->scope = KBAR_GRID; /* cooperative launches only */
  if (s->e->builtin == KB_SYNCWARP) {
    b->scope = KBAR_WARP;
    b->e = s->e->nargs ? clone_expr(L, s->e->args[0]) : NULL;
  }
  vec_push(L->a, out, b);
}

static void clone_decl(Lower *L, const KStmt *s, PtrVec *out) {
  KVar *v = s->var;
  if (v->as == AS_SHARED || v->is_static || v->kind == KV_GLOBAL) {
    vec_push(L->a, out, copy_stmt(L, s)); /* storage outside the thread */
    return;
  }
  KStmt *c = copy_stmt(L, s);
  c->init = clone_with_pre(L, s->init, out);
  c->var = L->depth > 0 ? rename_var(L, v) : v;
  vec_push(L->a, out, c);
}

static KExpr *mk_not(Lower *L, KExpr *e) {
  KExpr *n = arena_alloc(L->a, sizeof *n);
  n->kind = KE_UNARY;
  n->op = KOP_NOT;
  n->a = e;
  n->type = L->m->t_bool;
  n->loc = e->loc;
  return n;
}

/* `if (!cond) break;` */
static KStmt *mk_exit_unless(Lower *L, KExpr *cond) {
  KStmt *i = mk_stmt(L, KS_IF, cond->loc);
  i->cond = mk_not(L, cond);
  i->then = mk_stmt(L, KS_BREAK, cond->loc);
  return i;
}

/* The step e as statements, each operand of its top-level commas one. */
static void clone_step(Lower *L, KExpr *e, PtrVec *out) {
  if (e->kind == KE_COMMA) {
    clone_step(L, e->a, out);
    clone_step(L, e->b, out);
    return;
  }
  KStmt *x = mk_stmt(L, KS_EXPR, e->loc);
  x->e = e;
  clone_stmt(L, x, out);
}

/* A body whose loop's step has split points, with the step at its end:
 * `{ brk = 0; do { body } while (0); if (brk) break; step; }`, where a
 * `break` of the loop sets brk and ends the wrapper, and a `continue`
 * ends the wrapper too, so the step still runs after it (a body that
 * leaves neither way needs neither wrapper nor flag). */
static KStmt *body_then_step(Lower *L, const KStmt *s) {
  PtrVec b = {0}, wrapped = {0};
  if (!kir_leaves_loop(s->body, NULL)) {
    clone_stmt(L, s->body, &b);
    clone_step(L, s->step, &b);
    return mk_block(L, &b, s->loc);
  }
  KVar *brk = new_temp(L, L->m->t_i32, "brk", s->loc);
  KVar *saved = L->brk;
  int breaks = L->breaks;
  L->brk = brk;
  clone_stmt(L, s->body, &wrapped);
  L->brk = saved;
  bool broke = L->breaks > breaks;
  if (broke) vec_push(L->a, &b, mk_decl(L, brk, mk_int(L, L->m->t_i32, 0, s->loc), s->loc));
  KStmt *w = mk_stmt(L, KS_LOOP, s->loc);
  w->loop_kind = KLOOP_DO;
  w->cond = mk_int(L, L->m->t_bool, 0, s->loc);
  w->body = mk_block(L, &wrapped, s->loc);
  vec_push(L->a, &b, w);
  if (broke) {
    KStmt *leave = mk_stmt(L, KS_IF, s->loc);
    KExpr *set = arena_alloc(L->a, sizeof *set);
    set->kind = KE_BINARY;
    set->op = KOP_NE;
    set->a = mk_var(L, brk, s->loc);
    set->b = mk_int(L, L->m->t_i32, 0, s->loc);
    set->type = L->m->t_bool;
    set->loc = s->loc;
    leave->cond = set;
    leave->then = mk_stmt(L, KS_BREAK, s->loc);
    vec_push(L->a, &b, leave);
  }
  clone_step(L, s->step, &b);
  return mk_block(L, &b, s->loc);
}

static void clone_loop(Lower *L, const KStmt *s, PtrVec *out) {
  PtrVec init = {0}, pc = {0};
  int saved_map = L->from.len;
  if (s->init_stmt) clone_stmt(L, s->init_stmt, &init);
  KStmt *c = copy_stmt(L, s);
  c->init_stmt = NULL;
  c->cond = clone_with_pre(L, s->cond, &pc);
  KVar *saved_brk = L->brk;
  L->brk = NULL; /* its breaks are its own */
  if (s->step && kir_expr_has_split(s->step)) {
    c->step = NULL;
    c->body = body_then_step(L, s);
  } else {
    c->step = clone_expr(L, s->step); /* no split point: nothing to hoist */
    c->body = clone_single(L, s->body);
  }
  L->brk = saved_brk;
  if (pc.len) {
    PtrVec b = {0};
    if (s->loop_kind == KLOOP_DO) vec_push(L->a, &b, c->body);
    push_all(L, &b, &pc);
    vec_push(L->a, &b, mk_exit_unless(L, c->cond));
    if (s->loop_kind != KLOOP_DO) vec_push(L->a, &b, c->body);
    c->body = mk_block(L, &b, s->loc);
    c->cond = NULL;
    c->loop_kind = KLOOP_FOR;
  }
  if (init.len == 1 && !pc.len && ((KStmt *)init.items[0])->kind == KS_DECL) {
    c->init_stmt = init.items[0]; /* both fissions split loops with their own variable */
    vec_push(L->a, out, c);
  } else if (init.len) {
    vec_push(L->a, &init, c);
    vec_push(L->a, out, mk_block(L, &init, s->loc));
  } else {
    vec_push(L->a, out, c);
  }
  L->from.len = L->to.len = saved_map;
}

static void clone_return(Lower *L, const KStmt *s, PtrVec *out) {
  if (!L->ret_label) {
    KStmt *c = copy_stmt(L, s);
    c->e = clone_with_pre(L, s->e, out);
    vec_push(L->a, out, c);
    return;
  }
  if (s->e) {
    KExpr *v = clone_with_pre(L, s->e, out);
    KStmt *x = mk_stmt(L, KS_EXPR, s->loc);
    if (L->ret_var) {
      KExpr *as = arena_alloc(L->a, sizeof *as);
      as->kind = KE_ASSIGN;
      as->op = KOP_NONE;
      as->a = mk_var(L, L->ret_var, s->loc);
      as->b = v;
      as->type = L->ret_var->type;
      as->loc = s->loc;
      v = as;
    }
    x->e = v;
    vec_push(L->a, out, x);
  }
  if (s == L->tail_ret) return; /* the end of the body: nothing left to jump over */
  KStmt *r = mk_stmt(L, KS_RETURN, s->loc);
  r->label = L->ret_label;
  vec_push(L->a, out, r);
}

static void clone_stmt(Lower *L, const KStmt *s, PtrVec *out) {
  if (!s) return;
  KStmt *c;
  switch (s->kind) {
  case KS_BLOCK: {
    int saved_map = L->from.len;
    PtrVec items = {0};
    for (int i = 0; i < s->nstmts; i++) clone_stmt(L, s->stmts[i], &items);
    L->from.len = L->to.len = saved_map;
    vec_push(L->a, out, mk_block(L, &items, s->loc));
    return;
  }
  case KS_DECL: clone_decl(L, s, out); return;
  case KS_EXPR:
    if (is_barrier_call_stmt(s)) {
      clone_barrier_call(L, s, out);
      return;
    }
    c = copy_stmt(L, s);
    c->e = clone_with_pre(L, s->e, out);
    break;
  case KS_IF:
    c = copy_stmt(L, s);
    c->cond = clone_with_pre(L, s->cond, out);
    c->then = clone_single(L, s->then);
    c->els = clone_single(L, s->els);
    break;
  case KS_LOOP: clone_loop(L, s, out); return;
  case KS_SWITCH: {
    c = copy_stmt(L, s);
    c->cond = clone_with_pre(L, s->cond, out);
    KVar *saved_brk = L->brk;
    L->brk = NULL; /* its breaks are its own */
    c->body = clone_single(L, s->body);
    L->brk = saved_brk;
    break;
  }
  case KS_BREAK:
    if (!L->brk) {
      c = copy_stmt(L, s);
      break;
    }
    { /* out of a loop whose step follows its body: brk = 1, end the wrapper */
      L->breaks++;
      PtrVec two = {0};
      KStmt *set = mk_stmt(L, KS_EXPR, s->loc);
      KExpr *as = arena_alloc(L->a, sizeof *as);
      as->kind = KE_ASSIGN;
      as->op = KOP_NONE;
      as->a = mk_var(L, L->brk, s->loc);
      as->b = mk_int(L, L->m->t_i32, 1, s->loc);
      as->type = L->m->t_i32;
      as->loc = s->loc;
      set->e = as;
      vec_push(L->a, &two, set);
      vec_push(L->a, &two, mk_stmt(L, KS_CONTINUE, s->loc));
      c = mk_block(L, &two, s->loc);
    }
    break;
  case KS_RETURN: clone_return(L, s, out); return;
  case KS_BARRIER:
    c = copy_stmt(L, s);
    c->e = clone_with_pre(L, s->e, out);
    break;
  default: c = copy_stmt(L, s); break;
  }
  vec_push(L->a, out, c);
}

/* ---- parameters the kernel writes to ------------------------------------ */

static KVar *lvalue_base(const KExpr *e) {
  while (e) {
    if (e->kind == KE_VAR) return e->var;
    if (e->kind == KE_MEMBER) e = e->a;
    else if (e->kind == KE_INDEX && e->a->type->kind == KT_ARRAY) e = e->a;
    else return NULL;
  }
  return NULL;
}

static void mark_written_expr(const KExpr *e, PtrVec *set, Arena *a) {
  if (!e) return;
  if (e->kind == KE_ASSIGN || e->kind == KE_INCDEC || e->kind == KE_ADDR) {
    KVar *v = lvalue_base(e->a);
    if (v && v->kind == KV_PARAM) vec_push(a, set, v);
  }
  mark_written_expr(e->a, set, a);
  mark_written_expr(e->b, set, a);
  mark_written_expr(e->c, set, a);
  for (int i = 0; i < e->nargs; i++) mark_written_expr(e->args[i], set, a);
}

static void mark_written(const KStmt *s, PtrVec *set, Arena *a) {
  if (!s) return;
  for (int i = 0; i < s->nstmts; i++) mark_written(s->stmts[i], set, a);
  mark_written_expr(s->init, set, a);
  mark_written_expr(s->e, set, a);
  mark_written_expr(s->cond, set, a);
  mark_written_expr(s->step, set, a);
  mark_written(s->then, set, a);
  mark_written(s->els, set, a);
  mark_written(s->init_stmt, set, a);
  mark_written(s->body, set, a);
}

void kir_written_params(Arena *a, const KStmt *s, PtrVec *set) { mark_written(s, set, a); }

static bool in_set(const PtrVec *set, const void *p) {
  for (int i = 0; i < set->len; i++)
    if (set->items[i] == p) return true;
  return false;
}

KStmt *kir_lower_splits(Arena *a, const KModule *m, const KFunc *f, int *next_id, const KLowerSplits *o,
                        CwDiags *d) {
  Lower L = {.a = a, .m = m, .d = d, .next_id = next_id, .target = o->target};
  PtrVec written = {0}, items = {0};
  mark_written(f->body, &written, L.a);
  for (int i = 0; i < f->nparams; i++) {
    KVar *p = f->params[i];
    if (!in_set(&written, p)) continue;
    KVar *local = new_temp(&L, p->type, "", p->loc);
    local->cname = arena_printf(L.a, "%s_local", p->cname);
    local->name = p->name;
    vec_push(L.a, &items, mk_decl(&L, local, mk_var(&L, p, p->loc), p->loc));
    vec_push(L.a, &L.from, p);
    vec_push(L.a, &L.to, local);
  }
  clone_stmt(&L, f->body, &items);
  return mk_block(&L, &items, f->loc);
}
