/*
 * regions.c — cutting a statement list of a kernel split at barriers
 * into regions, for both fissions (regions.h).
 *
 * A statement with a split point is a region of its own (its shape says
 * whether it runs as control flow of the block or steered per thread).
 * `if (threadIdx.x == K)` with K computed by the block is a column loop
 * of its own.  The statements between form a run, one thread loop; a
 * statement of the run that only declares or assigns block scalars
 * (blocklevel.c) moves in front of the run, unless a statement of the run
 * before it reads what it writes: then the run ends there.  Threads
 * between barriers are unordered, so these moves change nothing a thread
 * sees.  A local the run declares and a later statement of the list reads
 * is live across the next split point: each thread needs its own copy
 * (the targets keep it per thread, or recompute it: remat.c).  A local
 * whose address a variable of the run keeps (nested inlined calls pass
 * `this` on from one holder to the next) is live when a later statement
 * reads the holder.
 */
#include "regions.h"
#include "column.h"
#include "splits.h"
#include "walk.h"

#include <string.h>

static KRegion *add(KBlockLevel *b, KRegionList *out, int *cap, KRegionKind kind, KStmt **stmts, int n) {
  if (out->len == *cap) {
    *cap = *cap ? 2 * *cap : 8;
    KRegion *items = arena_alloc(b->a, sizeof *items * (size_t)*cap);
    if (out->len) memcpy(items, out->items, sizeof *items * (size_t)out->len);
    out->items = items;
  }
  KRegion *r = &out->items[out->len++];
  memset(r, 0, sizeof *r);
  r->kind = kind;
  r->stmts = stmts;
  r->n = n;
  return r;
}

/* K of `if (threadIdx.x == K) S` (no else, no split point), K computed by
 * the block, or NULL */
static const KExpr *column_of(KBlockLevel *b, const KRemat *r, const KStmt *s) {
  if (s->kind != KS_IF || s->els || !s->then || kir_stmt_has_split(s)) return NULL;
  const KExpr *k = kir_thread_x_equals(s->cond, r);
  return k && kir_block_value(b, k, NULL) ? k : NULL;
}

bool kir_reads_block_writes(KBlockLevel *b, const KStmt *h, KStmt *const *run, int n) {
  PtrVec w;
  memset(&w, 0, sizeof w);
  kir_block_writes(b->a, h, &w);
  for (int i = 0; i < w.len; i++)
    for (int k = 0; k < n; k++)
      if (kir_stmt_refs_var(run[k], w.items[i])) return true;
  return false;
}

/* Whether &v, kept in a variable by run[from..n) (directly, or copied on
 * from one holder to the next), is read by after[0..nafter). */
static bool address_escapes(const KVar *v, KStmt *const *run, int from, int n, KStmt *const *after, int nafter) {
  KVar *holders[8];
  int nh = 0;
  for (int m = from; m < n; m++) {
    KVar *h = kir_addr_holder(run[m], v);
    for (int i = 0; !h && i < nh; i++) /* a holder copied on */
      if (run[m]->kind == KS_DECL && run[m]->init && kir_stmt_refs_var(run[m], holders[i])) h = run[m]->var;
    if (h && nh < 8) holders[nh++] = h;
  }
  for (int i = 0; i < nh; i++)
    for (int l = 0; l < nafter; l++)
      if (kir_stmt_refs_var(after[l], holders[i])) return true;
  return false;
}

static void find_live(KBlockLevel *b, KRegion *run, KStmt *const *after, int nafter) {
  for (int k = 0; k < run->n; k++) {
    const KStmt *d = run->stmts[k];
    if (d->kind != KS_DECL) continue;
    bool live = nafter && address_escapes(d->var, run->stmts, k, run->n, after, nafter);
    for (int m = 0; !live && m < nafter; m++) live = kir_stmt_refs_var(after[m], d->var);
    if (live) vec_push(b->a, &run->live, d->var);
  }
}

void kir_cut_list(KBlockLevel *b, const KRemat *r, KStmt *const *stmts, int n, KRegionList *out) {
  memset(out, 0, sizeof *out);
  int cap = 0, i = 0;
  while (i < n) {
    if (kir_stmt_has_split(stmts[i])) {
      add(b, out, &cap, KR_SPLIT, (KStmt **)stmts + i++, 1);
      continue;
    }
    const KExpr *k = column_of(b, r, stmts[i]);
    if (k) {
      add(b, out, &cap, KR_COLUMN, (KStmt **)stmts + i++, 1)->k = k;
      continue;
    }
    KStmt **run = arena_alloc(b->a, sizeof *run * (size_t)n);
    int nrun = 0, j = i;
    for (; j < n && !kir_stmt_has_split(stmts[j]) && !column_of(b, r, stmts[j]); j++) {
      KStmt *x = stmts[j];
      if (!kir_block_stmt(b, x)) run[nrun++] = x;
      else if (kir_reads_block_writes(b, x, run, nrun)) break;
      else add(b, out, &cap, KR_BLOCK, (KStmt **)stmts + j, 1);
    }
    if (nrun) find_live(b, add(b, out, &cap, KR_THREADS, run, nrun), stmts + j, n - j);
    i = j;
  }
}

bool kir_keeps_per_thread(const KBlockLevel *b, const KRemat *r, const KVar *v) {
  if (v->kind != KV_LOCAL || v->as != AS_LOCAL || v->is_static) return false;
  return vec_find(&b->scalars, v) < 0 && !kir_remat_init(r, v);
}

void kir_switch_crossing(Arena *a, const KStmt *s, PtrVec *out) {
  const KStmt *body = s->body;
  for (int i = 0, next = 0; i < body->nstmts; i++) {
    const KStmt *d = body->stmts[i];
    if (d->kind != KS_DECL) continue;
    for (next = i + 1; next < body->nstmts && body->stmts[next]->kind != KS_CASE; next++) {}
    for (int j = next; j < body->nstmts; j++)
      if (kir_stmt_refs_var(body->stmts[j], d->var)) {
        vec_push(a, out, d->var);
        break;
      }
  }
}

KSplitShape kir_split_shape(KBlockLevel *b, const KStmt *s) {
  switch (s->kind) {
  case KS_BARRIER: return KSH_BARRIER;
  case KS_BLOCK: return KSH_LIST;
  case KS_IF:
    if (kir_expr_has_split(s->cond)) return KSH_OTHER;
    return kir_block_if(b, s) ? KSH_BLOCK_IF : KSH_THREAD_IF;
  case KS_LOOP:
    if (kir_stmt_has_split(s->init_stmt)) return KSH_OTHER;
    return kir_block_loop(b, s) ? KSH_BLOCK_LOOP : KSH_THREAD_LOOP;
  case KS_SWITCH:
    if (kir_expr_has_split(s->cond) || !s->body || s->body->kind != KS_BLOCK) return KSH_OTHER;
    return KSH_THREAD_SWITCH;
  default: return KSH_OTHER;
  }
}

void kir_region_enter(KBlockLevel *b, KSplitShape sh, const KStmt *s) {
  if (sh == KSH_THREAD_IF || sh == KSH_THREAD_LOOP || sh == KSH_THREAD_SWITCH) b->general++;
  else if (sh == KSH_BLOCK_LOOP && s->init_stmt) vec_push(b->a, &b->block_vars, kstmt_var(s->init_stmt));
}

void kir_region_leave(KBlockLevel *b, KSplitShape sh, const KStmt *s) {
  if (sh == KSH_THREAD_IF || sh == KSH_THREAD_LOOP || sh == KSH_THREAD_SWITCH) b->general--;
  else if (sh == KSH_BLOCK_LOOP && s->init_stmt) b->block_vars.len--;
}
