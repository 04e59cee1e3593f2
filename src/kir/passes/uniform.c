/*
 * uniform.c — block-uniformity of a kernel's locals.
 *
 * A value is block-uniform when every thread of a block that computes it
 * gets the same result.  Fission uses this to keep such locals once per
 * block instead of once per thread, and to run loops and ifs with uniform
 * conditions that contain barriers as plain control flow of the block
 * around the per-thread loops (the C emitter, c_fission.c; the KIR pass,
 * fission.c, for its uniform loops).
 *
 * Rules (a forward "varying" taint, iterated to a fixpoint; the set of
 * varying locals only grows, so it terminates):
 *  - uniform leaves: constants, kernel parameters (unless written like a
 *    varying local: lower_splits.c copies written ones into
 *    locals first), blockIdx/blockDim/gridDim/warpSize, and
 *    __constant__ variables; loads through a pointer into constant memory
 *    with uniform address;
 *  - varying leaves: threadIdx, the lane id, shared/global/static storage,
 *    loads through any other pointer, device-function calls, atomics,
 *    warp and block collectives, clock;
 *  - an operator is uniform when all its operands are; pure math builtins
 *    likewise;
 *  - a local becomes varying when it is assigned a varying value, assigned
 *    under varying control flow, or its address escapes (&x, an array
 *    decaying to a pointer);
 *  - control is varying inside an `if` or loop whose condition is varying,
 *    inside every `switch` (kept simple), and in a whole loop whose body
 *    leaves it (break, continue, inlined return) under varying control: the
 *    threads then run different numbers of iterations.
 * A kernel with labels or goto is all varying.  A kernel-level `return`
 * under varying control does not make later code varying: it only removes
 * threads, and the survivors still agree.
 */
#include "uniform.h"

#include <string.h>

typedef struct Uni {
  Arena *a;
  KUniformity *u;
  bool changed;
  bool give_up;
} Uni;

static bool is_thread_local(const KVar *v) {
  return v && v->kind == KV_LOCAL && v->as != AS_SHARED && !v->is_static;
}

/* a variable each thread has its own copy of, which the taint can reach */
static bool is_taintable(const KVar *v) {
  return is_thread_local(v) || (v && v->kind == KV_PARAM);
}

bool kir_is_varying_var(const KUniformity *u, const KVar *v) {
  if (u->all_varying) return true;
  for (int i = 0; i < u->varying.len; i++)
    if (u->varying.items[i] == v) return true;
  return false;
}

static void mark(Uni *U, KVar *v) {
  if (!is_taintable(v) || kir_is_varying_var(U->u, v)) return;
  vec_push(U->a, &U->u->varying, v);
  U->changed = true;
}

static bool ptr_to_constant(const KType *t) {
  return t && t->kind == KT_PTR && t->as == AS_CONSTANT;
}

static bool uniform(const KUniformity *u, const KExpr *e, const PtrVec *also) {
  if (!e) return true;
  if (u->all_varying) return false;
  switch (e->kind) {
  case KE_INT: case KE_FLOAT: case KE_STR: return true;
  case KE_VAR:
    if (also && vec_find(also, e->var) >= 0) return true;
    if (e->var->kind == KV_PARAM) return !kir_is_varying_var(u, e->var);
    if (e->var->kind == KV_GLOBAL) return e->var->as == AS_CONSTANT;
    if (!is_thread_local(e->var)) return false;
    return !kir_is_varying_var(u, e->var);
  case KE_BVAR:
    return e->bvar != KBV_THREAD_IDX && e->bvar != KBV_LANE_ID;
  case KE_CALL: return false;
  case KE_BUILTIN:
    if (kb_info(e->builtin)->cls != KBC_MATH) return false;
    break;
  case KE_INDEX:
    if (e->a->type->kind == KT_PTR && !ptr_to_constant(e->a->type)) return false;
    break;
  case KE_DEREF:
    if (!ptr_to_constant(e->a->type)) return false;
    break;
  case KE_ADDR: {
    const KExpr *b = e->a;
    while (b && (b->kind == KE_MEMBER || (b->kind == KE_INDEX && b->a->type->kind == KT_ARRAY)))
      b = b->a;
    if (!b || b->kind != KE_VAR || is_thread_local(b->var)) return false;
    /* the address of module or shared storage: same for every thread */
    const KExpr *x = e->a;
    while (x && x != b) {
      if (x->kind == KE_INDEX && !uniform(u, x->b, also)) return false;
      x = x->a;
    }
    return true;
  }
  default: break;
  }
  if (!uniform(u, e->a, also) || !uniform(u, e->b, also) ||
      !uniform(u, e->c, also))
    return false;
  for (int i = 0; i < e->nargs; i++)
    if (!uniform(u, e->args[i], also)) return false;
  return true;
}

bool kir_expr_uniform(const KUniformity *u, const KExpr *e) { return uniform(u, e, NULL); }

bool kir_expr_uniform_but(const KUniformity *u, const KExpr *e, const PtrVec *also) { return uniform(u, e, also); }

/* The local a store to lvalue `e` writes (through members and array
 * elements), or NULL for stores to memory through a pointer. */
static KVar *store_base(const KExpr *e, bool *index_varying, const KUniformity *u) {
  while (e) {
    if (e->kind == KE_VAR) return e->var;
    if (e->kind == KE_MEMBER) e = e->a;
    else if (e->kind == KE_INDEX && e->a->type->kind == KT_ARRAY) {
      if (!kir_expr_uniform(u, e->b)) *index_varying = true;
      e = e->a;
    } else return NULL;
  }
  return NULL;
}

static void walk_expr(Uni *U, const KExpr *e, bool ctl) {
  if (!e) return;
  if (e->kind == KE_ASSIGN || e->kind == KE_INCDEC) {
    bool iv = false;
    KVar *v = store_base(e->a, &iv, U->u);
    if (v && (ctl || iv || (e->b && !kir_expr_uniform(U->u, e->b)))) mark(U, v);
    /* the lvalue itself is walked below only for nested side effects */
  } else if (e->kind == KE_ADDR) {
    bool iv = false;
    KVar *v = store_base(e->a, &iv, U->u);
    if (v) mark(U, v);
  } else if (e->kind == KE_VAR && e->type && e->type->kind == KT_ARRAY) {
    mark(U, e->var); /* reached here only when not indexed: it decays */
  }
  if (e->kind == KE_INDEX && e->a && e->a->kind == KE_VAR &&
      e->a->type->kind == KT_ARRAY) {
    walk_expr(U, e->b, ctl); /* a[i]: the array does not escape */
    return;
  }
  if (e->kind == KE_MEMBER && e->a && e->a->kind == KE_VAR) return;
  walk_expr(U, e->a, ctl);
  walk_expr(U, e->b, ctl);
  walk_expr(U, e->c, ctl);
  for (int i = 0; i < e->nargs; i++) walk_expr(U, e->args[i], ctl);
}

/* Does `s` leave the loop being examined (break/continue at depth 0,
 * or the inlined return labelled `label`) under varying control? */
static bool exits_varying(const KUniformity *u, const KStmt *s, const char *label,
                          int depth, bool ctl) {
  if (!s) return false;
  switch (s->kind) {
  case KS_BREAK: case KS_CONTINUE: return depth == 0 && ctl;
  case KS_RETURN: return s->label && label && !strcmp(s->label, label) && ctl;
  case KS_BLOCK:
    for (int i = 0; i < s->nstmts; i++)
      if (exits_varying(u, s->stmts[i], label, depth, ctl)) return true;
    return false;
  case KS_IF: {
    bool c = ctl || !kir_expr_uniform(u, s->cond);
    return exits_varying(u, s->then, label, depth, c) ||
           exits_varying(u, s->els, label, depth, c);
  }
  case KS_LOOP: return exits_varying(u, s->body, label, depth + 1, ctl);
  case KS_SWITCH: return exits_varying(u, s->body, label, depth + 1, true);
  default: return false;
  }
}

static void walk_stmt(Uni *U, const KStmt *s, bool ctl) {
  if (!s) return;
  switch (s->kind) {
  case KS_BLOCK:
    for (int i = 0; i < s->nstmts; i++) walk_stmt(U, s->stmts[i], ctl);
    return;
  case KS_DECL: {
    const KExpr *init = s->init ? s->init : s->var->init;
    if (is_thread_local(s->var) && init && (ctl || !kir_expr_uniform(U->u, init)))
      mark(U, s->var);
    if (s->var->type->kind == KT_ARRAY && init && init->kind != KE_INIT_LIST)
      mark(U, s->var);
    if (init && init->kind == KE_INIT_LIST)
      for (int i = 0; i < init->nargs; i++) walk_expr(U, init->args[i], ctl);
    else walk_expr(U, init, ctl);
    return;
  }
  case KS_EXPR: case KS_RETURN: case KS_BARRIER: walk_expr(U, s->e, ctl); return;
  case KS_IF: {
    walk_expr(U, s->cond, ctl);
    bool c = ctl || !kir_expr_uniform(U->u, s->cond);
    walk_stmt(U, s->then, c);
    walk_stmt(U, s->els, c);
    return;
  }
  case KS_LOOP: {
    walk_stmt(U, s->init_stmt, ctl);
    bool c = ctl || !kir_expr_uniform(U->u, s->cond) ||
             exits_varying(U->u, s->body, s->label, 0, false);
    walk_expr(U, s->cond, c);
    walk_expr(U, s->step, c);
    walk_stmt(U, s->body, c);
    return;
  }
  case KS_SWITCH:
    walk_expr(U, s->cond, ctl);
    walk_stmt(U, s->body, true);
    return;
  case KS_LABEL: case KS_GOTO: U->give_up = true; return;
  default: return;
  }
}

void kir_uniformity(Arena *a, const KStmt *body, KUniformity *u) {
  u->varying.len = 0;
  u->all_varying = false;
  Uni U = {.a = a, .u = u};
  do {
    U.changed = false;
    walk_stmt(&U, body, false);
  } while (U.changed && !U.give_up);
  if (U.give_up) u->all_varying = true;
}
