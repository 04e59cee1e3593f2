/*
 * wgsl_speculate.c — `if (thread-dependent) { … warp function … }` made
 * uniform by running the body in every thread and undoing it where the
 * condition is false.
 *
 * The idiom `if (warp == 0) v = warpReduceSum(v);` puts a warp collective
 * under thread-dependent control, where the barriers of the emulation
 * (wgsl_warp.c) are not allowed.  When the body writes local variables
 * declared outside it, and memory only by assignment statements (no
 * return, break or continue, no __syncthreads), executing it everywhere is
 * invisible once those locals are restored and the stores predicated: each
 * local is saved before the body and put back where the condition was
 * false, and each store computes its value in every thread but writes
 * only where the condition holds (spec_store); an update (`a[i] += x`,
 * `a[i]++`) or an atomic whose result is unused, without warp functions in
 * it, runs whole where the condition holds.  Device functions called in
 * the body may store too: they take the condition as a parameter cw_spec
 * and predicate their stores on it.  An if/else runs both arms this way
 * (the else arm where the condition, evaluated once, is false), and so
 * does a switch without fallthrough, arm by arm, each kept where the value
 * selects it.  Reads the body makes in threads that should not run are
 * harmless in WGSL (out-of-bounds loads are clamped).
 */
#include "wgsl_internal.h"

#include <string.h>

static bool body_writes_through(KStmt *s, KVar *p, int depth);

/* The variable an lvalue or pointer expression is rooted at. */
static KVar *root_var(KExpr *e) {
  while (e && (e->kind == KE_MEMBER || e->kind == KE_INDEX || e->kind == KE_DEREF || e->kind == KE_ADDR ||
               e->kind == KE_CAST || (e->kind == KE_BINARY && w_is_ptr(e->type))))
    e = e->kind == KE_BINARY && !w_is_ptr(e->a->type) ? e->b : e->a;
  return e && e->kind == KE_VAR ? e->var : NULL;
}

/* Whether e may write through pointer parameter p: an assignment rooted
 * at it, a builtin given it, or a call whose callee writes through the
 * parameter it is passed as. */
static bool expr_writes_through(KExpr *e, KVar *p, int depth) {
  if (!e) return false;
  if (depth > 8) return true;
  if ((e->kind == KE_ASSIGN || e->kind == KE_INCDEC) && root_var(e->a) == p) return true;
  if (e->kind == KE_BUILTIN)
    for (int i = 0; i < e->nargs; i++)
      if (w_is_ptr(e->args[i]->type) && root_var(e->args[i]) == p) return true;
  if (e->kind == KE_CALL)
    for (int i = 0; i < e->nargs; i++)
      if (w_is_ptr(e->args[i]->type) && root_var(e->args[i]) == p &&
          (!e->fn->body || i >= e->fn->nparams || body_writes_through(e->fn->body, e->fn->params[i], depth + 1)))
        return true;
  if (expr_writes_through(e->a, p, depth) || expr_writes_through(e->b, p, depth) || expr_writes_through(e->c, p, depth))
    return true;
  for (int i = 0; i < e->nargs; i++)
    if (expr_writes_through(e->args[i], p, depth)) return true;
  return false;
}

static bool body_writes_through(KStmt *s, KVar *p, int depth) {
  if (!s) return false;
  for (int i = 0; i < s->nstmts; i++)
    if (body_writes_through(s->stmts[i], p, depth)) return true;
  return expr_writes_through(s->e, p, depth) || expr_writes_through(s->cond, p, depth) ||
         expr_writes_through(s->init, p, depth) || expr_writes_through(s->step, p, depth) ||
         body_writes_through(s->then, p, depth) || body_writes_through(s->els, p, depth) ||
         body_writes_through(s->body, p, depth) || body_writes_through(s->init_stmt, p, depth);
}

static bool expr_ok(KExpr *e) {
  if (!e) return true;
  if (e->kind == KE_BUILTIN && kb_info(e->builtin)->cls == KBC_ATOMIC) return false;
  if (e->kind == KE_BUILTIN && kb_info(e->builtin)->cls == KBC_IO) return false;
  if (e->kind == KE_ASSIGN || e->kind == KE_INCDEC) {
    KExpr *lv = e->a;
    while (lv->kind == KE_MEMBER || (lv->kind == KE_INDEX && lv->a->type->kind == KT_ARRAY)) lv = lv->a;
    if (lv->kind != KE_VAR || lv->var->kind == KV_GLOBAL || lv->var->as == AS_SHARED) return false;
  }
  if (e->kind == KE_CALL) /* the callee may write through its pointers (not so a const method) */
    for (int i = 0; i < e->nargs; i++)
      if (w_is_ptr(e->args[i]->type) && e->args[i]->kind == KE_ADDR &&
          (!e->fn->body || i >= e->fn->nparams || body_writes_through(e->fn->body, e->fn->params[i], 0)))
        return false;
  if (!expr_ok(e->a) || !expr_ok(e->b) || !expr_ok(e->c)) return false;
  for (int i = 0; i < e->nargs; i++)
    if (!expr_ok(e->args[i])) return false;
  return true;
}

static bool is_local_lvalue(KExpr *lv) {
  while (lv->kind == KE_MEMBER || (lv->kind == KE_INDEX && lv->a->type->kind == KT_ARRAY)) lv = lv->a;
  return lv->kind == KE_VAR && lv->var->kind != KV_GLOBAL && lv->var->as != AS_SHARED;
}

/* Whether e contains a warp function or a call (which may hold one). */
static bool has_collective(KExpr *e) {
  if (!e) return false;
  if (e->kind == KE_CALL) return true;
  if (e->kind == KE_BUILTIN && kb_info(e->builtin)->cls == KBC_WARP) return true;
  if (has_collective(e->a) || has_collective(e->b) || has_collective(e->c)) return true;
  for (int i = 0; i < e->nargs; i++)
    if (has_collective(e->args[i])) return true;
  return false;
}

/* A store statement the speculation predicates: lvalue = value, or
 * lvalue op= value / lvalue++ when the value holds no warp function (the
 * whole update then runs only where the condition holds). */
static bool store_stmt(KStmt *s) {
  if (s->kind != KS_EXPR || (s->e->kind != KE_ASSIGN && s->e->kind != KE_INCDEC) || is_local_lvalue(s->e->a))
    return false;
  bool plain = s->e->kind == KE_ASSIGN && s->e->op == KOP_NONE;
  if (!plain && (has_collective(s->e->b) || has_collective(s->e->a))) return false;
  return expr_ok(s->e->b) && expr_ok(s->e->a->b) && (s->e->a->kind != KE_INDEX || expr_ok(s->e->a->a));
}

/* An atomic whose result is unused (atomicAdd(out, v);), without warp
 * functions in its operands: run where the condition holds. */
static bool atomic_stmt(KStmt *s) {
  KExpr *e = s->kind == KS_EXPR ? s->e : NULL;
  if (!e || e->kind != KE_BUILTIN || kb_info(e->builtin)->cls != KBC_ATOMIC) return false;
  for (int i = 0; i < e->nargs; i++)
    if (has_collective(e->args[i]) || !expr_ok(e->args[i])) return false;
  return true;
}

static bool stmt_ok(KStmt *s, int loops) {
  if (!s) return true;
  if (atomic_stmt(s)) return loops != -1;
  if (s->kind == KS_EXPR && s->e && (s->e->kind == KE_ASSIGN || s->e->kind == KE_INCDEC) &&
      !is_local_lvalue(s->e->a))
    return loops == -1 ? false : store_stmt(s);
  switch (s->kind) {
  case KS_RETURN: case KS_GOTO: case KS_LABEL: return false;
  case KS_BREAK: case KS_CONTINUE: return loops > 0;
  case KS_BARRIER: return s->scope != KBAR_BLOCK;
  case KS_DECL: return s->var->as != AS_SHARED && !s->var->is_static && expr_ok(s->init);
  case KS_LOOP: return stmt_ok(s->init_stmt, loops) && expr_ok(s->cond) && expr_ok(s->step) && stmt_ok(s->body, loops + 1);
  case KS_SWITCH: return false;
  default: break;
  }
  for (int i = 0; i < s->nstmts; i++)
    if (!stmt_ok(s->stmts[i], loops)) return false;
  return expr_ok(s->e) && expr_ok(s->cond) && stmt_ok(s->then, loops) && stmt_ok(s->els, loops);
}

/* The calls in the body must be speculable too. */
static bool calls_pure(WCtx *c, KStmt *s);

static bool expr_calls_pure(WCtx *c, KExpr *e) {
  if (!e) return true;
  if (e->kind == KE_CALL && e->fn->body && !calls_pure(c, e->fn->body)) return false;
  if (e->kind == KE_CALL && e->fn->body) {
    /* inside the callee, writes to its own locals are fine, and stores,
       which it predicates on its cw_spec parameter (w_note_spec_calls) */
    KStmt *b = e->fn->body;
    for (int i = 0; i < b->nstmts; i++)
      if (b->stmts[i]->kind != KS_RETURN && !stmt_ok(b->stmts[i], 0)) return false;
  }
  if (!expr_calls_pure(c, e->a) || !expr_calls_pure(c, e->b) || !expr_calls_pure(c, e->c)) return false;
  for (int i = 0; i < e->nargs; i++)
    if (!expr_calls_pure(c, e->args[i])) return false;
  return true;
}

static bool calls_pure(WCtx *c, KStmt *s) {
  if (!s) return true;
  for (int i = 0; i < s->nstmts; i++)
    if (!calls_pure(c, s->stmts[i])) return false;
  return expr_calls_pure(c, s->e) && expr_calls_pure(c, s->cond) && expr_calls_pure(c, s->init) &&
         expr_calls_pure(c, s->step) && calls_pure(c, s->then) && calls_pure(c, s->els) &&
         calls_pure(c, s->body) && calls_pure(c, s->init_stmt);
}

bool w_can_speculate(WCtx *c, KStmt *then) { return stmt_ok(then, 0) && calls_pure(c, then); }

static void declared(KStmt *s, PtrVec *out, Arena *a) {
  if (!s) return;
  if (s->kind == KS_DECL) vec_push(a, out, s->var);
  for (int i = 0; i < s->nstmts; i++) declared(s->stmts[i], out, a);
  declared(s->then, out, a);
  declared(s->els, out, a);
  declared(s->body, out, a);
  declared(s->init_stmt, out, a);
}

static bool in(PtrVec *v, void *x) {
  for (int i = 0; i < v->len; i++)
    if (v->items[i] == x) return true;
  return false;
}

static void written_expr(KExpr *e, PtrVec *inner, PtrVec *out, Arena *a) {
  if (!e) return;
  if (e->kind == KE_ASSIGN || e->kind == KE_INCDEC) {
    KExpr *lv = e->a;
    while (lv->kind == KE_MEMBER || (lv->kind == KE_INDEX && lv->a->type->kind == KT_ARRAY)) lv = lv->a;
    if (lv->kind != KE_VAR || lv->var->kind == KV_GLOBAL || lv->var->as == AS_SHARED) goto sub;
    if (!in(inner, lv->var) && !in(out, lv->var)) vec_push(a, out, lv->var);
  }
sub:
  written_expr(e->a, inner, out, a);
  written_expr(e->b, inner, out, a);
  written_expr(e->c, inner, out, a);
  for (int i = 0; i < e->nargs; i++) written_expr(e->args[i], inner, out, a);
}

static void written(KStmt *s, PtrVec *inner, PtrVec *out, Arena *a) {
  if (!s) return;
  for (int i = 0; i < s->nstmts; i++) written(s->stmts[i], inner, out, a);
  written_expr(s->e, inner, out, a);
  written_expr(s->cond, inner, out, a);
  written_expr(s->init, inner, out, a);
  written_expr(s->step, inner, out, a);
  written(s->then, inner, out, a);
  written(s->els, inner, out, a);
  written(s->body, inner, out, a);
  written(s->init_stmt, inner, out, a);
}

/* A store inside a speculated body: the value in every thread, the write
 * only where the condition holds. */
bool w_spec_store(WCtx *c, KExpr *e) {
  if (!c->spec_cond) return false;
  bool atomic = e->kind == KE_BUILTIN && kb_info(e->builtin)->cls == KBC_ATOMIC;
  if (!atomic && ((e->kind != KE_ASSIGN && e->kind != KE_INCDEC) || is_local_lvalue(e->a))) return false;
  if (atomic || e->kind == KE_INCDEC || e->op != KOP_NONE) {
    /* an update or an atomic: all of it, hoisted parts (CAS loops) too,
       where the condition holds */
    if (c->pre.len) sb_puts(c->out, c->pre.data);
    sb_free(&c->pre);
    sb_init(&c->pre);
    StrBuf st;
    sb_init(&st);
    w_effect(c, &st, e);
    w_line(c, "if (%s) {", c->spec_cond);
    for (const char *p = c->pre.data; p && *p;) { /* the hoisted lines, one level deeper */
      const char *nl = strchr(p, '\n');
      int n = nl ? (int)(nl - p) : (int)strlen(p);
      sb_printf(c->out, "  %.*s\n", n, p);
      p += n + (nl != NULL);
    }
    sb_free(&c->pre);
    sb_init(&c->pre);
    w_line(c, "  %s", st.data ? st.data : "");
    w_line(c, "}");
    sb_free(&st);
    return true;
  }
  StrBuf v, st;
  sb_init(&v);
  sb_init(&st);
  w_expr_as(c, &v, e->b, e->a->type);
  const char *t = w_new_tmp(c);
  w_pre(c, "let %s = %s;", t, v.data ? v.data : "");
  w_store(c, &st, e->a, t);
  if (c->pre.len) sb_puts(c->out, c->pre.data);
  sb_free(&c->pre);
  sb_init(&c->pre);
  w_line(c, "if (%s) { %s }", c->spec_cond, st.data ? st.data : "");
  sb_free(&v);
  sb_free(&st);
  return true;
}

static bool stmt_stores(KStmt *s, int depth);

/* Whether e writes memory: a store, an atomic, or a call that does. */
static bool expr_stores(KExpr *e, int depth) {
  if (!e) return false;
  if (depth > 8) return true;
  if ((e->kind == KE_ASSIGN || e->kind == KE_INCDEC) && !is_local_lvalue(e->a)) return true;
  if (e->kind == KE_BUILTIN && kb_info(e->builtin)->cls == KBC_ATOMIC) return true;
  if (e->kind == KE_CALL && e->fn->body && stmt_stores(e->fn->body, depth + 1)) return true;
  if (expr_stores(e->a, depth) || expr_stores(e->b, depth) || expr_stores(e->c, depth)) return true;
  for (int i = 0; i < e->nargs; i++)
    if (expr_stores(e->args[i], depth)) return true;
  return false;
}

static bool stmt_stores(KStmt *s, int depth) {
  if (!s) return false;
  for (int i = 0; i < s->nstmts; i++)
    if (stmt_stores(s->stmts[i], depth)) return true;
  return expr_stores(s->e, depth) || expr_stores(s->cond, depth) || expr_stores(s->init, depth) ||
         expr_stores(s->step, depth) || stmt_stores(s->then, depth) || stmt_stores(s->els, depth) ||
         stmt_stores(s->body, depth) || stmt_stores(s->init_stmt, depth);
}

static void note_expr_calls(WCtx *c, KExpr *e);

static void note_stmt_calls(WCtx *c, KStmt *s) {
  if (!s) return;
  for (int i = 0; i < s->nstmts; i++) note_stmt_calls(c, s->stmts[i]);
  note_expr_calls(c, s->e);
  note_expr_calls(c, s->cond);
  note_expr_calls(c, s->init);
  note_expr_calls(c, s->step);
  note_stmt_calls(c, s->then);
  note_stmt_calls(c, s->els);
  note_stmt_calls(c, s->body);
  note_stmt_calls(c, s->init_stmt);
}

static void note_expr_calls(WCtx *c, KExpr *e) {
  if (!e) return;
  if (e->kind == KE_CALL && e->fn->body && !w_spec_func(c, e->fn) && stmt_stores(e->fn->body, 0)) {
    vec_push(c->a, &c->spec_funcs, e->fn);
    note_stmt_calls(c, e->fn->body);
  }
  note_expr_calls(c, e->a);
  note_expr_calls(c, e->b);
  note_expr_calls(c, e->c);
  for (int i = 0; i < e->nargs; i++) note_expr_calls(c, e->args[i]);
}

/* The functions called (also indirectly) in a speculated body that store
 * to memory take the
 * condition as a parameter, so that their stores happen only where it
 * holds; called elsewhere, they get true. */
void w_note_spec_calls(WCtx *c, KStmt *then) { note_stmt_calls(c, then); }

bool w_spec_func(const WCtx *c, KFunc *f) {
  for (int i = 0; i < c->spec_funcs.len; i++)
    if (c->spec_funcs.items[i] == f) return true;
  return false;
}

/* One arm run in every thread: the locals it writes saved before and put
 * back where `cond` (a name) is false. */
static void spec_arm(WCtx *c, const char *cond, KStmt *arm, void (*body)(WCtx *, KStmt *)) {
  PtrVec inner = {0}, outs = {0};
  declared(arm, &inner, c->a);
  written(arm, &inner, &outs, c->a);
  const char **saved = arena_alloc(c->a, sizeof(char *) * (size_t)(outs.len + 1));
  for (int i = 0; i < outs.len; i++) {
    saved[i] = w_new_tmp(c);
    w_line(c, "let %s = %s;", saved[i], w_var_name(c, outs.items[i]));
  }
  w_line(c, "{");
  const char *outer = c->spec_cond; /* nested: stores need both conditions */
  c->spec_cond = outer ? arena_printf(c->a, "(%s && %s)", outer, cond) : cond;
  body(c, arm);
  c->spec_cond = outer;
  w_line(c, "}");
  if (!outs.len) return;
  w_line(c, "if (!%s) {", cond);
  for (int i = 0; i < outs.len; i++) w_line(c, "  %s = %s;", w_var_name(c, outs.items[i]), saved[i]);
  w_line(c, "}");
}

/* Emits `if (cond) then [else els]` speculatively: each arm in every
 * thread, the else arm where the condition (evaluated once) is false; the
 * caller checked w_can_speculate on both. */
void w_speculate(WCtx *c, KStmt *s, void (*body)(WCtx *, KStmt *)) {
  StrBuf t;
  sb_init(&t);
  w_cond(c, &t, s->cond);
  const char *cond = w_new_tmp(c);
  if (c->pre.len) sb_puts(c->out, c->pre.data);
  sb_free(&c->pre);
  sb_init(&c->pre);
  w_line(c, "let %s = %s; // runs in every thread, undone where false", cond, t.data ? t.data : "true");
  sb_free(&t);
  spec_arm(c, cond, s->then, body);
  if (!s->els) return;
  const char *neg = w_new_tmp(c);
  w_line(c, "let %s = !%s; // the else arm, likewise", neg, cond);
  spec_arm(c, neg, s->els, body);
}

/* Whether `if (cond) then [else els]` is to be speculated: a warp
 * function or barrier in an arm, a thread-dependent condition, and arms
 * that can run everywhere. */
bool w_spec_if(WCtx *c, KStmt *s) {
  if (s->kind != KS_IF || !(w_has_barrier(c, s->then) || w_has_barrier(c, s->els))) return false;
  return w_can_speculate(c, s->then) && (!s->els || w_can_speculate(c, s->els));
}

/* ---- divergent switches ------------------------------------------------ */

/* The arms of a switch without fallthrough: each group of case labels,
 * its statements up to the break that ends it (a block of its own). */
typedef struct SwArm {
  KStmt **labels;
  int nlabels;
  KStmt *body;
} SwArm;

static int switch_arms(WCtx *c, KStmt *s, SwArm **out) {
  KStmt *b = s->body;
  if (!b || b->kind != KS_BLOCK) return -1;
  SwArm *arms = arena_alloc(c->a, sizeof(SwArm) * (size_t)(b->nstmts + 1));
  int n = 0;
  for (int i = 0; i < b->nstmts;) {
    if (b->stmts[i]->kind != KS_CASE) return -1; /* statements before the first label */
    SwArm *a = &arms[n++];
    a->labels = &b->stmts[i];
    for (; i < b->nstmts && b->stmts[i]->kind == KS_CASE; i++) a->nlabels++;
    int from = i;
    for (; i < b->nstmts && b->stmts[i]->kind != KS_CASE && b->stmts[i]->kind != KS_BREAK; i++) {}
    bool broke = i < b->nstmts && b->stmts[i]->kind == KS_BREAK;
    if (!broke && i < b->nstmts) return -1; /* falls through into the next label */
    KStmt *blk = arena_alloc(c->a, sizeof *blk);
    memset(blk, 0, sizeof *blk);
    blk->kind = KS_BLOCK;
    blk->loc = s->loc;
    blk->stmts = &b->stmts[from];
    blk->nstmts = i - from;
    a->body = blk;
    if (broke) i++;
    if (broke && i < b->nstmts && b->stmts[i]->kind != KS_CASE) return -1; /* dead code after break */
  }
  *out = arms;
  return n;
}

/* A switch on a thread-dependent value whose arms hold warp functions or
 * barriers: each arm can run in every thread. */
bool w_spec_switch(WCtx *c, KStmt *s) {
  if (s->kind != KS_SWITCH || !w_has_barrier(c, s->body)) return false;
  SwArm *arms;
  int n = switch_arms(c, s, &arms);
  if (n <= 0) return false;
  for (int i = 0; i < n; i++)
    if (!w_can_speculate(c, arms[i].body)) return false;
  return true;
}

void w_note_spec_switch(WCtx *c, KStmt *s) {
  SwArm *arms;
  int n = switch_arms(c, s, &arms);
  for (int i = 0; i < n; i++) w_note_spec_calls(c, arms[i].body);
}

/* Emits the switch as its arms, one after another, each in every thread
 * and kept where the value selects it (the default: where no label does). */
void w_speculate_switch(WCtx *c, KStmt *s, void (*body)(WCtx *, KStmt *)) {
  SwArm *arms;
  int n = switch_arms(c, s, &arms);
  KType *st = w_scalar_of(c, s->cond->type);
  StrBuf t;
  sb_init(&t);
  w_expr_as(c, &t, s->cond, st);
  const char *v = w_new_tmp(c);
  if (c->pre.len) sb_puts(c->out, c->pre.data);
  sb_free(&c->pre);
  sb_init(&c->pre);
  w_line(c, "let %s = %s; // a switch whose arms run in every thread, each undone where not selected", v,
         t.data ? t.data : "0i");
  sb_free(&t);
  StrBuf any; /* every label's test, for the default */
  sb_init(&any);
  for (int i = 0; i < n; i++)
    for (int k = 0; k < arms[i].nlabels; k++) {
      if (arms[i].labels[k]->is_default) continue;
      sb_printf(&any, "%s%s == ", any.len ? " || " : "", v);
      w_int_lit(&any, st, arms[i].labels[k]->case_value);
    }
  for (int i = 0; i < n; i++) {
    StrBuf cond;
    sb_init(&cond);
    bool dflt = false;
    for (int k = 0; k < arms[i].nlabels; k++) {
      if (arms[i].labels[k]->is_default) { dflt = true; continue; }
      sb_printf(&cond, "%s%s == ", cond.len ? " || " : "", v);
      w_int_lit(&cond, st, arms[i].labels[k]->case_value);
    }
    const char *name = w_new_tmp(c);
    /* the default also takes whatever no label takes */
    if (dflt) w_line(c, "let %s = %s%s!(%s);", name, cond.len ? cond.data : "", cond.len ? " || " : "",
                     any.len ? any.data : "false");
    else w_line(c, "let %s = %s;", name, cond.data ? cond.data : "false");
    sb_free(&cond);
    spec_arm(c, name, arms[i].body, body);
  }
  sb_free(&any);
}
