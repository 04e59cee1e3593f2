/*
 * c_versions.c — a local assigned again at the top level of a kernel
 * becomes a new local from that point on (one definition per name).
 *
 * Kernels reuse index variables: a tiled transpose computes `x` and `y`
 * for its loads, passes a barrier, and assigns them again for its stores.
 * With two definitions, `x` is neither recomputable (c_remat.c) nor
 * uniform, so fission keeps it in a per-thread array and every access
 * through it becomes a gather.  When every write of a local other than its
 * declaration is a plain assignment statement `x = e;` directly in the
 * kernel's outermost block (or a block statement of it) that also declares
 * the local, the statements of that block run once each,
 * in order, so each use reads the latest such assignment before it: the
 * assignment is turned into the declaration of a fresh local `x_N`
 * (initialised with e, whose own uses of x still read the previous
 * version) and the later statements use x_N.  Locals whose address is
 * taken, or that are written anywhere else (inside loops or ifs, with
 * `+=` or `++`), are left as they are.  Runs on the lowered body, whose
 * nodes belong to the emitter and may be changed in place.
 */
#include "c_internal.h"

#include <string.h>

typedef struct Versions {
  CEmit *ce;
  PtrVec top_assigned; /* KVar*: assigned by some top-level `x = e;` */
  PtrVec top_block;    /* KStmt*: the block of that assignment (parallel) */
  PtrVec other_write;  /* KVar*: written any other way */
} Versions;

static bool has(const PtrVec *v, const void *p) {
  for (int i = 0; i < v->len; i++)
    if (v->items[i] == p) return true;
  return false;
}

static bool is_top_assign(const KStmt *s) {
  return s->kind == KS_EXPR && s->e && s->e->kind == KE_ASSIGN && s->e->op == KOP_NONE &&
         s->e->a && s->e->a->kind == KE_VAR && s->e->a->var->kind == KV_LOCAL;
}

static void scan_expr(Versions *V, const KExpr *e, const KExpr *top, const KStmt *block) {
  if (!e) return;
  {
    KVar *v = kir_written_var(e);
    if (v && e == top) {
      vec_push(&V->ce->arena, &V->top_assigned, v);
      vec_push(&V->ce->arena, &V->top_block, (void *)block);
    } else if (v) {
      vec_push(&V->ce->arena, &V->other_write, v);
    }
  }
  if (e->kind == KE_VAR && e->var->type && e->var->type->kind == KT_ARRAY)
    vec_push(&V->ce->arena, &V->other_write, e->var); /* decays to a pointer */
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

/* Replaces reads of ctx->from by ctx->to (in place: the lowered body
 * belongs to the emitter). */
typedef struct Subst { const KVar *from; KVar *to; } Subst;

static bool subst(const KExpr *e, void *ctx) {
  Subst *sb = ctx;
  if (e->kind == KE_VAR && e->var == sb->from) ((KExpr *)e)->var = sb->to;
  return false;
}

/* v must be declared in `body` itself: no use can follow the block. */
static void split_var(CEmit *ce, KStmt *body, KVar *v) {
  bool declared_here = false;
  for (int i = 0; i < body->nstmts; i++)
    declared_here |= body->stmts[i]->kind == KS_DECL && body->stmts[i]->var == v;
  if (!declared_here) return;
  KVar *cur = v;
  for (int i = 0; i < body->nstmts; i++) {
    KStmt *s = body->stmts[i];
    if (is_top_assign(s) && s->e->a->var == v) {
      KExpr *init = s->e->b;
      Subst sb = {v, cur};
      kir_expr_any(init, subst, &sb);
      KVar *nv = arena_alloc(&ce->arena, sizeof *nv);
      *nv = *v;
      nv->init = NULL;
      nv->cname = arena_printf(&ce->arena, "%s_v%d", v->cname, ce->next_id++);
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

void ce_split_versions(CEmit *ce, KStmt *body) {
  if (!body || body->kind != KS_BLOCK) return;
  Versions V = {.ce = ce};
  /* the outermost block counts as run once: scan its statements with it */
  for (int i = 0; i < body->nstmts; i++)
    scan_stmt(&V, body->stmts[i], body);
  for (int i = 0; i < V.top_assigned.len; i++) {
    KVar *v = V.top_assigned.items[i];
    KStmt *b = V.top_block.items[i];
    bool first = true, one_block = true;
    for (int k = 0; k < V.top_assigned.len; k++) {
      if (V.top_assigned.items[k] != v) continue;
      if (k < i) first = false;
      if (V.top_block.items[k] != b) one_block = false;
    }
    if (!first || !one_block || has(&V.other_write, v) || v->is_static ||
        v->as == AS_SHARED || !kt_is_scalar(v->type))
      continue;
    split_var(ce, b, v);
  }
}
