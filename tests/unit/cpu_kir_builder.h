/*
 * cpu_kir_builder.h — a tiny KIR builder for the CPU backend's unit tests,
 * so that emitter and runtime can be tested on hand-made kernels without
 * the front end.  Everything is allocated in the module's arena.
 */
#ifndef CW_TEST_CPU_KIR_BUILDER_H
#define CW_TEST_CPU_KIR_BUILDER_H

#include "kir/kir.h"

#include <string.h>

static KModule *B_m;
static Arena B_arena;

static void b_init(void) {
  arena_init(&B_arena);
  B_m = kir_module_new(&B_arena);
}

static KExpr *b_expr(KExprKind k, KType *t) {
  KExpr *e = arena_alloc(&B_arena, sizeof *e);
  e->kind = k;
  e->type = t;
  return e;
}
static KExpr *b_int(int64_t v) { KExpr *e = b_expr(KE_INT, B_m->t_i32); e->ival = v; return e; }
static KExpr *b_uint(int64_t v) { KExpr *e = b_expr(KE_INT, B_m->t_u32); e->ival = v; return e; }
static KExpr *b_flt(double v) { KExpr *e = b_expr(KE_FLOAT, B_m->t_f32); e->fval = v; return e; }
static KExpr *b_var(KVar *v) { KExpr *e = b_expr(KE_VAR, v->type); e->var = v; return e; }
static KExpr *b_bv(KBuiltinVar bv, int comp) {
  KExpr *e = b_expr(KE_BVAR, B_m->t_u32);
  e->bvar = bv;
  e->field = comp;
  return e;
}
static KExpr *b_cast(KType *t, KExpr *a) { KExpr *e = b_expr(KE_CAST, t); e->a = a; return e; }
static KExpr *b_bin(KOp op, KExpr *a, KExpr *b) {
  bool cmp = op >= KOP_EQ && op <= KOP_GE;
  KExpr *e = b_expr(KE_BINARY, cmp ? B_m->t_bool : a->type);
  e->op = op; e->a = a; e->b = b;
  return e;
}
static KExpr *b_assign(KExpr *a, KOp op, KExpr *b) {
  KExpr *e = b_expr(KE_ASSIGN, a->type);
  e->op = op; e->a = a; e->b = b;
  return e;
}
static KExpr *b_index(KExpr *a, KExpr *i) {
  KExpr *e = b_expr(KE_INDEX, a->type->elem);
  e->a = a; e->b = i;
  return e;
}
static KExpr *b_builtin(KBuiltinId id, KType *t, int n, KExpr **args) {
  KExpr *e = b_expr(KE_BUILTIN, t);
  e->builtin = id;
  e->nargs = n;
  e->args = arena_alloc(&B_arena, sizeof(KExpr *) * (n + 1));
  memcpy(e->args, args, sizeof(KExpr *) * n);
  return e;
}
static KExpr *b_call(KFunc *f, int n, KExpr **args) {
  KExpr *e = b_expr(KE_CALL, f->ret);
  e->fn = f;
  e->nargs = n;
  e->args = arena_alloc(&B_arena, sizeof(KExpr *) * (n + 1));
  memcpy(e->args, args, sizeof(KExpr *) * n);
  return e;
}

static KStmt *b_stmt(KStmtKind k) {
  KStmt *s = arena_alloc(&B_arena, sizeof *s);
  s->kind = k;
  return s;
}
static KStmt *b_block(int n, KStmt **items) {
  KStmt *s = b_stmt(KS_BLOCK);
  s->nstmts = n;
  s->stmts = arena_alloc(&B_arena, sizeof(KStmt *) * (n + 1));
  memcpy(s->stmts, items, sizeof(KStmt *) * n);
  return s;
}
#define B_BLOCK(...) b_block(sizeof((KStmt *[]){__VA_ARGS__}) / sizeof(KStmt *), (KStmt *[]){__VA_ARGS__})
#define B_ARGS(...) sizeof((KExpr *[]){__VA_ARGS__}) / sizeof(KExpr *), (KExpr *[]){__VA_ARGS__}
static KStmt *b_expr_stmt(KExpr *e) { KStmt *s = b_stmt(KS_EXPR); s->e = e; return s; }
static KStmt *b_if(KExpr *c, KStmt *t, KStmt *e) {
  KStmt *s = b_stmt(KS_IF);
  s->cond = c; s->then = t; s->els = e;
  return s;
}
static KStmt *b_for(KStmt *init, KExpr *cond, KExpr *step, KStmt *body) {
  KStmt *s = b_stmt(KS_LOOP);
  s->loop_kind = KLOOP_FOR;
  s->init_stmt = init; s->cond = cond; s->step = step; s->body = body;
  return s;
}
static KStmt *b_barrier(void) { return b_stmt(KS_BARRIER); }
static KStmt *b_return(void) { return b_stmt(KS_RETURN); }

static int b_var_id;
static KVar *b_newvar(KVarKind k, const char *name, KType *t, KAddrSpace as) {
  KVar *v = arena_alloc(&B_arena, sizeof *v);
  v->kind = k;
  v->name = v->cname = arena_strdup(&B_arena, name);
  v->type = t;
  v->as = as;
  v->id = b_var_id++;
  return v;
}
static KStmt *b_decl(KVar *v, KExpr *init) {
  KStmt *s = b_stmt(KS_DECL);
  s->var = v;
  s->init = init;
  return s;
}
static KFunc *b_func(const char *name, const char *cname, unsigned flags,
                     KType *ret, int np, KVar **params, KStmt *body) {
  KFunc *f = arena_alloc(&B_arena, sizeof *f);
  f->name = arena_strdup(&B_arena, name);
  f->cname = arena_strdup(&B_arena, cname);
  f->flags = flags;
  f->ret = ret ? ret : B_m->t_void;
  f->nparams = np;
  f->params = arena_alloc(&B_arena, sizeof(KVar *) * (np + 1));
  memcpy(f->params, params, sizeof(KVar *) * np);
  f->body = body;
  vec_push(&B_arena, &B_m->funcs, f);
  return f;
}
/* tid = blockIdx.x * blockDim.x + threadIdx.x as i32 */
static KExpr *b_gid(void) {
  return b_cast(B_m->t_i32, b_bin(KOP_ADD, b_bin(KOP_MUL, b_bv(KBV_BLOCK_IDX, 0),
                                                 b_bv(KBV_BLOCK_DIM, 0)),
                                  b_bv(KBV_THREAD_IDX, 0)));
}

#endif
