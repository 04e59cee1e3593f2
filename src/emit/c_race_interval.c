/*
 * c_race_interval.c — the shared-memory reads racecheck need not record
 * (check mode, `cuwasm run --check racecheck`).
 *
 * Shared-memory racecheck keeps, per 4-byte word, the last writer and
 * readers since the last barrier (rt/cpu/check.c; the generated code
 * updates them inline): a hazard needs a write and another thread's access
 * of the word between two barriers.  A read of a __shared__ variable in a
 * barrier interval where the kernel never writes that variable can take
 * part in none, so it needs no record: SGEMM's and n-body's inner loops,
 * which read tiles another phase wrote, then run with a bounds test only.
 *
 * Intervals are found on the kernel's body as fission emits it: a block
 * barrier (which calls barrier_fn and starts a new epoch) ends one; the two
 * ends of an `if` join, and a loop's last interval joins its first (the
 * back edge) and everything after it (a union-find over interval ids).
 * Joining only ever makes intervals larger, so a read is skipped only when
 * no write of its variable can share an epoch with it.  Writes are named
 * accesses (s[i] = ..., s.f++, s[i][j] += ...); the dynamic shared arrays
 * (extern __shared__) all count as one variable; atomics are no writes
 * (racecheck leaves them alone).  Kernels that call device functions, write
 * memory through a pointer other than a kernel parameter (it may point
 * into shared memory), pass a pointer to a builtin other than an atomic,
 * or jump out of an interval (goto; break or continue in a loop with a
 * barrier) skip nothing.
 */
#include "c_internal.h"

#include <string.h>

typedef struct Access {
  const KExpr *node;
  const KVar *var; /* NULL: dynamic shared memory */
  int interval;
  bool write;
} Access;

typedef struct Intervals {
  Arena *arena;
  int *parent, n, cap;
  Access *acc;
  int nacc, capacc;
  bool give_up;
  int flat; /* inside a loop or switch with no block barrier: jumps stay in one interval */
} Intervals;

static int fresh(Intervals *iv) {
  if (iv->n == iv->cap) {
    int cap = iv->cap ? iv->cap * 2 : 16;
    int *p = arena_alloc(iv->arena, sizeof *p * (size_t)cap);
    if (iv->n) memcpy(p, iv->parent, sizeof *p * (size_t)iv->n);
    iv->parent = p;
    iv->cap = cap;
  }
  iv->parent[iv->n] = iv->n;
  return iv->n++;
}

static int find(Intervals *iv, int i) {
  while (iv->parent[i] != i) i = iv->parent[i] = iv->parent[iv->parent[i]];
  return i;
}

static int join(Intervals *iv, int a, int b) {
  a = find(iv, a);
  b = find(iv, b);
  if (a != b) iv->parent[b] = a;
  return a;
}

static void record(Intervals *iv, const KExpr *node, const KVar *v, int interval, bool write) {
  if (iv->nacc == iv->capacc) {
    int cap = iv->capacc ? iv->capacc * 2 : 32;
    Access *a = arena_alloc(iv->arena, sizeof *a * (size_t)cap);
    if (iv->nacc) memcpy(a, iv->acc, sizeof *a * (size_t)iv->nacc);
    iv->acc = a;
    iv->capacc = cap;
  }
  iv->acc[iv->nacc++] = (Access){node, v && v->is_extern ? NULL : v, interval, write};
}

/* The __shared__ variable lvalue e names (through members and elements
 * of array variables), or NULL. */
static const KVar *shared_root(const KExpr *e) {
  while (e && (e->kind == KE_MEMBER ||
               (e->kind == KE_INDEX && e->a->type && e->a->type->kind == KT_ARRAY)))
    e = e->a;
  return e && e->kind == KE_VAR && e->var->as == AS_SHARED ? e->var : NULL;
}

enum { HOW_READ, HOW_WRITE, HOW_ADDR };

static void visit(Intervals *iv, const KExpr *e, int how, int cur);

/* The index operands under the lvalue chain of e (its own accesses). */
static void visit_indices(Intervals *iv, const KExpr *e, int cur) {
  while (e && (e->kind == KE_MEMBER || e->kind == KE_INDEX)) {
    if (e->kind == KE_INDEX) visit(iv, e->b, HOW_READ, cur);
    e = e->a;
  }
}

static void visit(Intervals *iv, const KExpr *e, int how, int cur) {
  if (!e) return;
  const KVar *sv = (e->kind == KE_VAR || e->kind == KE_MEMBER || e->kind == KE_INDEX) &&
                           !(e->type && e->type->kind == KT_ARRAY)
                       ? shared_root(e)
                       : NULL;
  if (sv) { /* one access of a named shared variable: e is the node checked */
    if (how != HOW_ADDR) record(iv, e, sv, cur, how == HOW_WRITE);
    visit_indices(iv, e, cur);
    return;
  }
  switch (e->kind) {
  case KE_ASSIGN:
    visit(iv, e->a, HOW_WRITE, cur);
    visit(iv, e->b, HOW_READ, cur);
    return;
  case KE_INCDEC:
    visit(iv, e->a, HOW_WRITE, cur);
    return;
  case KE_ADDR:
    visit(iv, e->a, HOW_ADDR, cur);
    return;
  case KE_MEMBER:
    visit(iv, e->a, how, cur);
    return;
  case KE_INDEX:
  case KE_DEREF:
    if (e->kind == KE_INDEX && e->a->type && e->a->type->kind == KT_ARRAY) {
      visit(iv, e->a, how, cur); /* a row of an array variable */
    } else {
      const KExpr *base = e->a;
      while (base->kind == KE_CAST) base = base->a;
      if (how == HOW_WRITE && !(base->kind == KE_VAR && base->var->kind == KV_PARAM))
        iv->give_up = true; /* a pointer other than a kernel's parameter may point into shared memory */
      visit(iv, e->a, HOW_READ, cur);
    }
    visit(iv, e->b, HOW_READ, cur);
    return;
  case KE_CALL: /* may write shared variables, or through pointers */
    iv->give_up = true;
    break;
  case KE_BUILTIN: {
    KBuiltinClass cls = kb_info(e->builtin)->cls;
    for (int i = 0; i < e->nargs && cls != KBC_ATOMIC && cls != KBC_IO; i++)
      if (e->args[i]->type && e->args[i]->kind != KE_STR &&
          (e->args[i]->type->kind == KT_PTR || e->args[i]->type->kind == KT_ARRAY))
        iv->give_up = true;
    break;
  }
  default:
    break;
  }
  visit(iv, e->a, HOW_READ, cur);
  visit(iv, e->b, HOW_READ, cur);
  visit(iv, e->c, HOW_READ, cur);
  for (int i = 0; i < e->nargs; i++) visit(iv, e->args[i], HOW_READ, cur);
}

static int walk(Intervals *iv, const KStmt *s, int cur);

/* A loop with a block barrier inside: its last interval joins its first
 * (the back edge), and the code after it, entered from either. */
static int walk_loop(Intervals *iv, const KStmt *s, int cur) {
  int entry = walk(iv, s->init_stmt, cur);
  visit(iv, s->cond, HOW_READ, entry);
  int end = walk(iv, s->body, entry);
  visit(iv, s->step, HOW_READ, end);
  return join(iv, entry, end);
}

static bool is_block_barrier(const KStmt *s, void *ctx) {
  (void)ctx;
  return s->kind == KS_BARRIER && s->scope == KBAR_BLOCK;
}

/* Walks s entered in interval cur; returns the interval it leaves in. */
static int walk(Intervals *iv, const KStmt *s, int cur) {
  if (!s || iv->give_up) return cur;
  switch (s->kind) {
  case KS_BLOCK:
    for (int i = 0; i < s->nstmts; i++) cur = walk(iv, s->stmts[i], cur);
    return cur;
  case KS_BARRIER:
    visit(iv, s->e, HOW_READ, cur);
    return s->scope == KBAR_BLOCK ? fresh(iv) : cur;
  case KS_IF: {
    visit(iv, s->cond, HOW_READ, cur);
    int t = walk(iv, s->then, cur), f = walk(iv, s->els, cur);
    return join(iv, t, f);
  }
  case KS_LOOP:
  case KS_SWITCH:
    if (!iv->flat && !kir_walk_any(s, NULL, is_block_barrier, NULL)) {
      iv->flat++;
      cur = walk(iv, s, cur);
      iv->flat--;
      return cur;
    }
    if (s->kind == KS_SWITCH) {
      visit(iv, s->cond, HOW_READ, cur);
      return join(iv, cur, walk(iv, s->body, cur));
    }
    return walk_loop(iv, s, cur);
  case KS_BREAK:
  case KS_CONTINUE:
    if (!iv->flat) iv->give_up = true; /* control leaves the interval structure */
    return cur;
  case KS_GOTO:
  case KS_LABEL:
    iv->give_up = true; /* control leaves the interval structure */
    return cur;
  default:
    visit(iv, s->init, HOW_READ, cur);
    visit(iv, s->e, HOW_READ, cur);
    visit(iv, s->cond, HOW_READ, cur);
    return cur;
  }
}

void ce_race_interval_find(CEmit *ce, const KStmt *body) {
  ce->shared_safe.len = 0;
  if (!ce->check_races) return;
  Intervals iv = {.arena = &ce->arena};
  walk(&iv, body, fresh(&iv));
  if (iv.give_up) return;
  for (int i = 0; i < iv.nacc; i++) {
    const Access *r = &iv.acc[i];
    if (r->write) continue;
    bool written = false;
    for (int j = 0; j < iv.nacc && !written; j++)
      written = iv.acc[j].write && iv.acc[j].var == r->var &&
                find(&iv, iv.acc[j].interval) == find(&iv, r->interval);
    if (!written) vec_push(&ce->arena, &ce->shared_safe, (void *)r->node);
  }
}

bool ce_race_interval_safe(const CEmit *ce, const KExpr *e) {
  return ce->in_kernel && !ce->fiber && vec_find(&ce->shared_safe, e) >= 0;
}
