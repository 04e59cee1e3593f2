/*
 * c_corner.c — guards decided for a whole block from its first and last
 * thread.
 *
 * Guard specialisation (c_fission.c, c_guard.c) needs to know, per block,
 * whether all, none or only some threads pass a kernel's guard, to run a
 * copy with the test folded away.  Counting is a loop over the block's
 * threads, which for a short kernel (saxpy, a stencil) costs a large part
 * of the block.  Most guards need no count.  Their tests compare a
 * thread-dependent integer X with a block-uniform value B, where X is a
 * sum of products of non-negative bounded terms (c_index.c: it cannot
 * wrap, so it never decreases when a thread index grows): over the block,
 * X ranges within [X at thread (0,0,0), X at the last thread].  Each test
 * is then decided from that range, in three-valued logic (all / none /
 * unknown: CW_TRI_* in the prelude) — `X < B` holds for all threads when
 * the largest X is below B and for none when the smallest is not, `X ==
 * B` for none when B lies outside the range (a stencil's border test in an
 * interior block) — and `!`, && and || combine the answers.  Tests that
 * involve no thread index are evaluated once.  "Unknown" runs the copy
 * that tests each thread, which is always correct.  Anything else (calls,
 * float X, both sides moving) keeps the counting loop.
 */
#include "c_internal.h"

#include <stdio.h>

typedef struct Corner {
  const CEmit *ce;
  KStmt *const *decls;
  int n;
  KStmt *const *outer;
  int nouter;
  bool fast;
  int leaves; /* tests and thread-independent parts: at most 32 each */
} Corner;

static const KExpr *lookup(const void *ctx, const KVar *v) {
  const Corner *c = ctx;
  for (int i = 0; i < c->n; i++)
    if (c->decls[i]->kind == KS_DECL && c->decls[i]->var == v) return c->decls[i]->init;
  for (int i = 0; i < c->nouter; i++)
    if (c->outer[i]->kind == KS_DECL && c->outer[i]->var == v) return c->outer[i]->init;
  return NULL;
}

static bool thread_dependent(const Corner *c, const KExpr *e, int depth) {
  if (!e || depth > 16) return false;
  if (e->kind == KE_BVAR) return e->bvar == KBV_THREAD_IDX || e->bvar == KBV_LANE_ID;
  if (e->kind == KE_VAR) {
    const KExpr *init = lookup(c, e->var);
    if (!init) init = ce_remat_init(c->ce, e->var);
    return init ? thread_dependent(c, init, depth + 1) : kir_is_varying_var(&c->ce->uni, e->var);
  }
  if (thread_dependent(c, e->a, depth) || thread_dependent(c, e->b, depth) ||
      thread_dependent(c, e->c, depth))
    return true;
  for (int i = 0; i < e->nargs; i++)
    if (thread_dependent(c, e->args[i], depth)) return true;
  return false;
}

static bool is_compare(KOp op) {
  return op == KOP_LT || op == KOP_LE || op == KOP_GT || op == KOP_GE || op == KOP_EQ ||
         op == KOP_NE;
}

/* Operand types whose values fit int64_t exactly. */
static bool fits_i64(const KType *t) {
  return t && kt_is_int(t) && (t->size <= 4 || kt_is_signed(t));
}

/* Can e be decided from ranges?  A thread-independent e is one leaf. */
static bool decidable(Corner *c, const KExpr *e) {
  if (!thread_dependent(c, e, 0)) return ++c->leaves <= 32;
  if (e->kind == KE_UNARY && e->op == KOP_NOT) return decidable(c, e->a);
  if (e->kind != KE_BINARY) return false;
  if (e->op == KOP_LAND || e->op == KOP_LOR) return decidable(c, e->a) && decidable(c, e->b);
  if (!is_compare(e->op)) return false;
  bool ta = thread_dependent(c, e->a, 0), tb = thread_dependent(c, e->b, 0);
  if (ta == tb) return false; /* both sides move */
  const KExpr *x = ta ? e->a : e->b, *b = ta ? e->b : e->a;
  CeResolver r = {lookup, c};
  return ++c->leaves <= 32 && kt_is_int(x->type) && fits_i64(b->type) &&
         ce_index_bounded(c->ce, x, &r, &c->fast);
}

bool ce_guard_ranges_ok(const CEmit *ce, const KExpr *cond, KStmt *const *decls, int n,
                        KStmt *const *outer, int nouter, bool *fast) {
  Corner c = {ce, decls, n, outer, nouter, false, 0};
  bool ok = decidable(&c, cond);
  *fast = c.fast;
  return ok;
}

/* ---- emission ---------------------------------------------------------- */

typedef struct Leaves {
  Corner c;
  const KExpr *x[32], *b[32]; /* comparisons: moving side, fixed side */
  KOp op[32];                  /* as seen with the moving side on the left */
  int nx;
  const KExpr *u[32];          /* thread-independent subexpressions */
  int nu;
} Leaves;

static KOp flip(KOp op) {
  return op == KOP_LT ? KOP_GT : op == KOP_GT ? KOP_LT : op == KOP_LE ? KOP_GE
       : op == KOP_GE ? KOP_LE : op;
}

/* The three-valued expression for e, collecting its leaves. */
static bool tri_text(Leaves *L, StrBuf *sb, const KExpr *e) {
  if (!thread_dependent(&L->c, e, 0)) {
    if (L->nu == 32) return false;
    sb_printf(sb, "cw_u[%d]", L->nu);
    L->u[L->nu++] = e;
    return true;
  }
  if (e->kind == KE_UNARY) {
    sb_puts(sb, "CW_TRI_NOT(");
    if (!tri_text(L, sb, e->a)) return false;
    sb_puts(sb, ")");
    return true;
  }
  if (e->op == KOP_LAND || e->op == KOP_LOR) {
    sb_puts(sb, e->op == KOP_LAND ? "CW_TRI_AND(" : "CW_TRI_OR(");
    if (!tri_text(L, sb, e->a)) return false;
    sb_puts(sb, ", ");
    if (!tri_text(L, sb, e->b)) return false;
    sb_puts(sb, ")");
    return true;
  }
  if (L->nx == 32) return false;
  bool ta = thread_dependent(&L->c, e->a, 0);
  int k = L->nx++;
  L->x[k] = ta ? e->a : e->b;
  L->b[k] = ta ? e->b : e->a;
  L->op[k] = ta ? e->op : flip(e->op);
  static const char *const names[] = {[KOP_LT] = "LT", [KOP_LE] = "LE", [KOP_GT] = "GT",
                                      [KOP_GE] = "GE", [KOP_EQ] = "EQ", [KOP_NE] = "NE"};
  sb_printf(sb, "CW_TRI_%s(cw_x0[%d], cw_x1[%d], cw_b[%d])", names[L->op[k]], k, k, k);
  return true;
}

static void corner_scope(CEmit *ce, Leaves *L, int last) {
  ce_line(ce, "{");
  ce->indent++;
  ce_fixed_thread(ce, last != 0);
  for (int i = 0; i < L->c.nouter; i++) ce_stmt(ce, L->c.outer[i]);
  for (int i = 0; i < L->c.n; i++) ce_stmt(ce, L->c.decls[i]);
  for (int k = 0; k < L->nx; k++) {
    ce_indent(ce);
    sb_printf(ce->out, "cw_x%d[%d] = (int64_t)(", last, k);
    ce_expr(ce, ce->out, L->x[k]);
    sb_puts(ce->out, ");\n");
    if (last) continue;
    ce_indent(ce);
    sb_printf(ce->out, "cw_b[%d] = (int64_t)(", k);
    ce_expr(ce, ce->out, L->b[k]);
    sb_puts(ce->out, ");\n");
  }
  for (int k = 0; k < L->nu && !last; k++) {
    ce_indent(ce);
    sb_printf(ce->out, "cw_u[%d] = (", k);
    ce_expr(ce, ce->out, L->u[k]);
    sb_puts(ce->out, ") != 0;\n");
  }
  ce->indent--;
  ce_line(ce, "}");
}

bool ce_emit_guard_ranges(CEmit *ce, const KExpr *cond, KStmt *const *decls, int n,
                          KStmt *const *outer, int nouter, int id) {
  Leaves L = {.c = {ce, decls, n, outer, nouter, false, 0}};
  StrBuf q;
  sb_init(&q);
  if (!tri_text(&L, &q, cond)) {
    sb_free(&q);
    return false;
  }
  ce_line(ce, "{ /* decided from the range of each test over the block (first and last thread) */");
  ce->indent++;
  ce_line(ce, "int64_t cw_x0[%d], cw_x1[%d], cw_b[%d]; int cw_u[%d];", L.nx ? L.nx : 1,
          L.nx ? L.nx : 1, L.nx ? L.nx : 1, L.nu ? L.nu : 1);
  ce_line(ce, "(void)cw_x0; (void)cw_x1; (void)cw_b; (void)cw_u;");
  corner_scope(ce, &L, 0);
  corner_scope(ce, &L, 1);
  ce_line(ce, "const int cw_q = %s;", q.data);
  ce_line(ce, "cw_g%d = cw_q == 1 ? cw_nt : cw_q == 0 ? 0u : 1u; /* 1: some or unknown (per-thread test) */",
          id);
  ce->indent--;
  ce_line(ce, "}");
  sb_free(&q);
  return true;
}
