/*
 * versions.c — a local assigned again at the top level of a kernel
 * becomes a new local from that point on (one definition per name), for
 * barrier fission (both the KIR pass and the C emitter's).
 *
 * Kernels reuse index variables: a tiled transpose computes `x` and `y`
 * for its loads, passes a barrier, and assigns them again for its stores.
 * With two definitions, `x` is neither recomputable (remat.c) nor
 * uniform, so fission keeps it per thread (on the C target, every access
 * through it becomes a gather).  When every write of a local other than its
 * declaration is a plain assignment statement `x = e;` directly in the
 * kernel's outermost block (or a block statement of it) that also declares
 * the local, the statements of that block run once each,
 * in order, so each use reads the latest such assignment before it: the
 * assignment is turned into the declaration of a fresh local `x_N`
 * (initialised with e, whose own uses of x still read the previous
 * version) and the later statements use x_N.  Locals whose address is
 * taken, or that are written anywhere else (inside loops or ifs, with
 * `+=` or `++`), are left as they are.  The body given is not modified:
 * the statements that change are copied into the arena (copy on write,
 * so untouched subtrees are shared).
 */
#include "versions.h"
#include "walk.h"

#include <string.h>

typedef struct Versions {
  Arena *a;
  int *next_id;
  PtrVec top_assigned; /* KVar*: assigned by some top-level `x = e;` */
  PtrVec top_block;    /* KStmt*: the block of that assignment (parallel) */
  PtrVec other_write;  /* KVar*: written any other way */
} Versions;

static bool is_top_assign(const KStmt *s) {
  return s->kind == KS_EXPR && s->e && s->e->kind == KE_ASSIGN && s->e->op == KOP_NONE &&
         s->e->a && s->e->a->kind == KE_VAR && s->e->a->var->kind == KV_LOCAL;
}

static void scan_expr(Versions *V, const KExpr *e, const KExpr *top, const KStmt *block) {
  if (!e) return;
  {
    KVar *v = kir_written_var(e);
    if (v && e == top) {
      vec_push(V->a, &V->top_assigned, v);
      vec_push(V->a, &V->top_block, (void *)block);
    } else if (v) {
      vec_push(V->a, &V->other_write, v);
    }
  }
  if (e->kind == KE_VAR && e->var->type && e->var->type->kind == KT_ARRAY)
    vec_push(V->a, &V->other_write, e->var); /* decays to a pointer */
  scan_expr(V, e->a, top, block);
  scan_expr(V, e->b, top, block);
  scan_expr(V, e->c, top, block);
  for (int i = 0; i < e->nargs; i++) scan_expr(V, e->args[i], top, block);
}

/* top: s is a statement of a block that runs once, in order (the kernel's
 * outermost block, or a block statement of such a block) — `block`. */
static void scan_stmt(Versions *V, const KStmt *s, const KStmt *block) {
  if (!s) return;
  for (int i = 0; i < s->nstmts; i++)
    scan_stmt(V, s->stmts[i], s->kind == KS_BLOCK && block ? s : NULL);
  scan_expr(V, s->init, NULL, NULL);
  scan_expr(V, s->e, block && is_top_assign(s) ? s->e : NULL, block);
  scan_expr(V, s->cond, NULL, NULL);
  scan_expr(V, s->step, NULL, NULL);
  scan_stmt(V, s->then, NULL);
  scan_stmt(V, s->els, NULL);
  scan_stmt(V, s->init_stmt, NULL);
  scan_stmt(V, s->body, NULL);
}

/* ---- a private copy ------------------------------------------------------ */

/* e and every node below it copied (variables and functions are shared) */
static KExpr *clone_expr(Arena *a, const KExpr *e) {
  if (!e) return NULL;
  KExpr *c = arena_alloc(a, sizeof *c);
  *c = *e;
  c->a = clone_expr(a, e->a);
  c->b = clone_expr(a, e->b);
  c->c = clone_expr(a, e->c);
  if (e->nargs) {
    c->args = arena_alloc(a, sizeof *c->args * (size_t)e->nargs);
    for (int i = 0; i < e->nargs; i++) c->args[i] = clone_expr(a, e->args[i]);
  }
  return c;
}

static KStmt *clone_stmt(Arena *a, const KStmt *s) {
  if (!s) return NULL;
  KStmt *c = arena_alloc(a, sizeof *c);
  *c = *s;
  c->init = clone_expr(a, s->init);
  c->e = clone_expr(a, s->e);
  c->cond = clone_expr(a, s->cond);
  c->step = clone_expr(a, s->step);
  c->then = clone_stmt(a, s->then);
  c->els = clone_stmt(a, s->els);
  c->init_stmt = clone_stmt(a, s->init_stmt);
  c->body = clone_stmt(a, s->body);
  if (s->nstmts) {
    c->stmts = arena_alloc(a, sizeof *c->stmts * (size_t)s->nstmts);
    for (int i = 0; i < s->nstmts; i++) c->stmts[i] = clone_stmt(a, s->stmts[i]);
  }
  return c;
}

/* ---- splitting ------------------------------------------------------------ */

/* Replaces reads of ctx->from by ctx->to, in place (in the private copy). */
typedef struct Subst { const KVar *from; KVar *to; } Subst;

static bool subst(const KExpr *e, void *ctx) {
  Subst *sb = ctx;
  if (e->kind == KE_VAR && e->var == sb->from) ((KExpr *)e)->var = sb->to;
  return false;
}

/* The local assigned at top level by the i-th top-level assignment found,
 * when it gets versions: its first such assignment, all of them in one
 * block that declares it, never written otherwise; else NULL. */
static KVar *versioned(const Versions *V, int i) {
  KVar *v = V->top_assigned.items[i];
  KStmt *b = V->top_block.items[i];
  for (int k = 0; k < V->top_assigned.len; k++) {
    if (V->top_assigned.items[k] != v) continue;
    if (k < i || V->top_block.items[k] != b) return NULL;
  }
  if (vec_find(&V->other_write, v) >= 0 || v->is_static || v->as == AS_SHARED || !kt_is_scalar(v->type)) return NULL;
  for (int k = 0; k < b->nstmts; k++)
    if (b->stmts[k]->kind == KS_DECL && b->stmts[k]->var == v) return v;
  return NULL; /* declared outside: a use may follow the block */
}

static void split_var(Versions *V, KStmt *body, KVar *v) {
  KVar *cur = v;
  for (int i = 0; i < body->nstmts; i++) {
    KStmt *s = body->stmts[i];
    if (is_top_assign(s) && s->e->a->var == v) {
      KExpr *init = s->e->b;
      Subst sb = {v, cur};
      kir_expr_any(init, subst, &sb);
      KVar *nv = arena_alloc(V->a, sizeof *nv);
      *nv = *v;
      nv->init = NULL;
      nv->cname = arena_printf(V->a, "%s_v%d", v->cname, (*V->next_id)++);
      s->kind = KS_DECL;
      s->var = nv;
      s->init = init;
      s->e = NULL;
      cur = nv;
      continue;
    }
    Subst sb = {v, cur};
    if (cur != v) kir_walk_any(s, subst, NULL, &sb);
  }
}

static void scan_body(Versions *V, const KStmt *body) {
  V->top_assigned.len = V->top_block.len = V->other_write.len = 0;
  /* the outermost block counts as run once: scan its statements with it */
  for (int i = 0; i < body->nstmts; i++) scan_stmt(V, body->stmts[i], body);
}

KStmt *kir_split_versions(Arena *a, KStmt *body, int *next_id) {
  if (!body || body->kind != KS_BLOCK || kir_has_jump(body)) return body;
  Versions V = {.a = a, .next_id = next_id};
  scan_body(&V, body);
  bool any = false;
  for (int i = 0; i < V.top_assigned.len && !any; i++) any = versioned(&V, i) != NULL;
  if (!any) return body;
  body = clone_stmt(a, body);
  scan_body(&V, body);
  for (int i = 0; i < V.top_assigned.len; i++) {
    KVar *v = versioned(&V, i);
    if (v) split_var(&V, V.top_block.items[i], v);
  }
  return body;
}
