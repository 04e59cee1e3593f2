/*
 * fission_build.c — the KIR nodes barrier fission makes: statements
 * (assignments of the pass's state variables, guards that end a thread's
 * turn, blocks, loops over a warp's lanes) and expressions (constants,
 * comparisons, the thread's linear index), all in the pass's arena and
 * carrying the location of the statement being split, plus the pass's
 * one diagnostic.
 */
#include "fission_internal.h"

#include <string.h>

KStmt *fis_st_new(Fis *f, KStmtKind kind) {
  KStmt *s = arena_alloc(f->a, sizeof *s);
  s->kind = kind;
  s->loc = f->loc;
  return s;
}

KExpr *fis_ex_new(Fis *f, KExprKind kind, KType *t) {
  KExpr *e = arena_alloc(f->a, sizeof *e);
  e->kind = kind;
  e->type = t;
  e->loc = f->loc;
  return e;
}

KExpr *fis_ex_var(Fis *f, KVar *v) {
  KExpr *e = fis_ex_new(f, KE_VAR, v->type);
  e->var = v;
  return e;
}

KExpr *fis_ex_int(Fis *f, int64_t v) {
  KExpr *e = fis_ex_new(f, KE_INT, f->m->t_i32);
  e->ival = v;
  return e;
}

KExpr *fis_ex_cmp(Fis *f, KOp op, KExpr *a, KExpr *b) {
  KExpr *e = fis_ex_new(f, KE_BINARY, f->m->t_bool);
  e->op = op;
  e->a = a;
  e->b = b;
  return e;
}

KStmt *fis_st_set(Fis *f, KVar *v, int64_t val) {
  KExpr *e = fis_ex_new(f, KE_ASSIGN, v->type);
  e->a = fis_ex_var(f, v);
  e->b = fis_ex_int(f, val);
  KStmt *s = fis_st_new(f, KS_EXPR);
  s->e = e;
  return s;
}

KStmt *fis_st_block(Fis *f, KStmt **items, int n) {
  KStmt *s = fis_st_new(f, KS_BLOCK);
  s->stmts = arena_alloc(f->a, sizeof *s->stmts * (size_t)(n ? n : 1));
  if (n) memcpy(s->stmts, items, sizeof *items * (size_t)n);
  s->nstmts = n;
  return s;
}

KStmt *fis_st_if(Fis *f, KExpr *cond, KStmt *then) {
  KStmt *s = fis_st_new(f, KS_IF);
  s->cond = cond;
  s->then = then;
  return s;
}

/* if (v OP val) return; */
KStmt *fis_st_leave_if(Fis *f, KVar *v, KOp op, int64_t val) {
  return fis_st_if(f, fis_ex_cmp(f, op, fis_ex_var(f, v), fis_ex_int(f, val)), fis_st_new(f, KS_RETURN));
}

/* { v = val; return; } */
KStmt *fis_st_set_leave(Fis *f, KVar *v, int64_t val) {
  KStmt *two[2] = {fis_st_set(f, v, val), fis_st_new(f, KS_RETURN)};
  return fis_st_block(f, two, 2);
}

KStmt *fis_st_assign(Fis *f, KExpr *lhs, KExpr *rhs) {
  KExpr *e = fis_ex_new(f, KE_ASSIGN, lhs->type);
  e->a = lhs;
  e->b = rhs;
  KStmt *s = fis_st_new(f, KS_EXPR);
  s->e = e;
  return s;
}

KVar *fis_new_local_of(Fis *f, const char *stem, bool per_thread, KType *t) {
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

KVar *fis_new_local(Fis *f, const char *stem, bool per_thread) {
  return fis_new_local_of(f, stem, per_thread, f->m->t_i32);
}

KStmt *fis_st_decl(Fis *f, KVar *v) {
  KStmt *s = fis_st_new(f, KS_DECL);
  s->var = v;
  return s;
}

void fis_error(Fis *f, SrcLoc loc, const char *what) {
  if (!f->failed)
    diag_add(f->d, DIAG_ERROR, loc, "%s is not supported on this target (barrier fission)", what);
  f->failed = true;
}

KExpr *fis_ex_u32(Fis *f, int64_t v) {
  KExpr *e = fis_ex_new(f, KE_INT, f->m->t_u32);
  e->ival = v;
  return e;
}

KExpr *fis_ex_bin(Fis *f, KOp op, KType *t, KExpr *a, KExpr *b) {
  KExpr *e = fis_ex_new(f, KE_BINARY, t);
  e->op = op;
  e->a = a;
  e->b = b;
  return e;
}

KExpr *fis_ex_cast(Fis *f, KType *t, KExpr *a) {
  if (a->type == t) return a;
  KExpr *e = fis_ex_new(f, KE_CAST, t);
  e->a = a;
  return e;
}

KExpr *fis_ex_sel(Fis *f, KType *t, KExpr *c, KExpr *a, KExpr *b) {
  KExpr *e = fis_ex_new(f, KE_COND, t);
  e->a = c;
  e->b = a;
  e->c = b;
  return e;
}

KExpr *fis_ex_bvar(Fis *f, KBuiltinVar v, int comp) {
  KExpr *e = fis_ex_new(f, KE_BVAR, f->m->t_u32);
  e->bvar = v;
  e->field = comp;
  return e;
}

KExpr *fis_ex_at(Fis *f, KVar *arr, KExpr *i) {
  KExpr *e = fis_ex_new(f, KE_INDEX, arr->type->elem);
  e->a = fis_ex_var(f, arr);
  e->b = i;
  return e;
}

/* the thread's linear index in the block, and the block's thread count */
KExpr *fis_ex_tid(Fis *f) {
  if (f->tid) return (KExpr *)f->tid;
  KType *u = f->m->t_u32;
  KExpr *zy = fis_ex_bin(f, KOP_ADD, u, fis_ex_bvar(f, KBV_THREAD_IDX, 1),
                     fis_ex_bin(f, KOP_MUL, u, fis_ex_bvar(f, KBV_BLOCK_DIM, 1), fis_ex_bvar(f, KBV_THREAD_IDX, 2)));
  return fis_ex_bin(f, KOP_ADD, u, fis_ex_bvar(f, KBV_THREAD_IDX, 0), fis_ex_bin(f, KOP_MUL, u, fis_ex_bvar(f, KBV_BLOCK_DIM, 0), zy));
}

KExpr *fis_ex_nthreads(Fis *f) {
  if (f->nthreads) return (KExpr *)f->nthreads;
  KType *u = f->m->t_u32;
  return fis_ex_bin(f, KOP_MUL, u, fis_ex_bvar(f, KBV_BLOCK_DIM, 0),
                fis_ex_bin(f, KOP_MUL, u, fis_ex_bvar(f, KBV_BLOCK_DIM, 1), fis_ex_bvar(f, KBV_BLOCK_DIM, 2)));
}

KStmt *fis_st_decl_init(Fis *f, KVar *v, KExpr *init) {
  KStmt *s = fis_st_decl(f, v);
  s->init = init;
  return s;
}

/* for (u32 j = 0; j < 32; j++) body  (j given) */
KStmt *fis_st_lanes(Fis *f, KVar *j, KStmt *body) {
  KStmt *l = fis_st_new(f, KS_LOOP);
  l->loop_kind = KLOOP_FOR;
  l->init_stmt = fis_st_decl_init(f, j, fis_ex_u32(f, 0));
  l->cond = fis_ex_cmp(f, KOP_LT, fis_ex_var(f, j), fis_ex_u32(f, 32));
  KExpr *step = fis_ex_new(f, KE_ASSIGN, j->type);
  step->a = fis_ex_var(f, j);
  step->b = fis_ex_bin(f, KOP_ADD, j->type, fis_ex_var(f, j), fis_ex_u32(f, 1));
  l->step = step;
  l->body = body;
  return l;
}

