/*
 * c_race_solo.c — the kernel parameters whose device-memory accesses
 * racecheck need not record (check mode, `cuwasm run --check racecheck`).
 *
 * Global racecheck keeps a record per 4-byte word of device memory and
 * updates it at every access; for kernels that stream through their
 * buffers that is most of the checker's cost.  Two blocks' accesses race
 * only when one writes a word the other touches; so the accesses through
 * a parameter P need no record when nothing else in the kernel reaches P's
 * allocation and P's own accesses cannot race:
 *   read-only  every use of P is the base of a read (P[i], *P, P[i].f);
 *   private    every use of P is the base of an access P[I], read or
 *              write, with one index form I that gives threads of
 *              different blocks different elements: blockIdx.x;
 *              blockIdx.x * M + threadIdx.x with M blockDim.x or a
 *              constant; or Y * W + X with X that form, Y the same in y
 *              and W an integer parameter or constant (the launch must
 *              then have blockDim below each constant M, no block row
 *              beyond the first for the 1-D forms, gridDim.x * M <= W
 *              for the 2-D one, and indices that do not wrap: a
 *              condition the generated code tests, solo_cond).
 * "Nothing else" is decided in two halves.  Here: the kernel calls no
 * device function and no builtin that takes a pointer (atomics aside:
 * they never race), writes device memory only through its parameters
 * directly (P[i] = ..., not through a local pointer or one loaded from
 * memory) or named variables, and, for private parameters, reads it only
 * so too.  At each launch (rt/cpu/check.c, cpu_check_solo_params): P points into
 * a device allocation no other parameter points into, and the access
 * lies inside it; only then does the generated code skip the records
 * (CW_CHK_SOLO, emit/c_check.c).  Only kernels fission splits
 * (not coroutine kernels) use it.
 */
#include "c_internal.h"

#include "c_abi.h"

enum { HOW_READ, HOW_WRITE, HOW_ADDR };
enum { FORM_NONE, FORM_BX, FORM_BX_STRIDE, FORM_ROWS, FORM_BAD };

typedef struct SoloForm {
  int kind;                 /* FORM_* */
  int64_t stride, stride_y; /* the constant M of x (and y), 0 for blockDim */
  const KExpr *w;           /* FORM_ROWS: the row length */
} SoloForm;

typedef struct Solo {
  const KFunc *f;
  const KStmt *body;
  Arena *arena;
  PtrVec decls; /* KStmt*: the body's local declarations */
  int uses[CW_RACE_SOLO_PARAMS], reads[CW_RACE_SOLO_PARAMS], writes[CW_RACE_SOLO_PARAMS];
  SoloForm form[CW_RACE_SOLO_PARAMS];
  bool unknown_write, unknown_read;
} Solo;

/* The parameter e names (casts stripped), when it is a pointer tracked here. */
static int param_of(const Solo *s, const KExpr *e, bool allow_cast) {
  while (allow_cast && e && e->kind == KE_CAST) e = e->a;
  if (!e || e->kind != KE_VAR || e->var->kind != KV_PARAM) return -1;
  for (int i = 0; i < s->f->nparams && i < CW_RACE_SOLO_PARAMS; i++)
    if (s->f->params[i] == e->var) return e->var->type && e->var->type->kind == KT_PTR ? i : -1;
  return -1;
}

static void collect_decls(Solo *s, const KStmt *st) {
  if (!st) return;
  if (st->kind == KS_DECL) vec_push(s->arena, &s->decls, (void *)st);
  for (int i = 0; i < st->nstmts; i++) collect_decls(s, st->stmts[i]);
  collect_decls(s, st->then);
  collect_decls(s, st->els);
  collect_decls(s, st->init_stmt);
  collect_decls(s, st->body);
}

/* The initializer of local v when it is declared once and never written
 * after (so every use reads that value), or NULL. */
static const KExpr *local_init(const Solo *s, const KVar *v) {
  const KStmt *found = NULL;
  for (int i = 0; i < s->decls.len; i++) {
    const KStmt *d = s->decls.items[i];
    if (d->var != v) continue;
    if (found) return NULL;
    found = d;
  }
  if (!found || !found->init || found->init->kind == KE_INIT_LIST) return NULL;
  return kir_stmt_writes_var(s->body, v) ? NULL : found->init;
}

static const KExpr *resolve(const Solo *s, const KExpr *e, int depth) {
  while (e && e->kind == KE_CAST && e->type && kt_is_int(e->type)) e = e->a;
  if (e && e->kind == KE_VAR && e->var->kind == KV_LOCAL && depth < 8) {
    const KExpr *init = local_init(s, e->var);
    if (init) return resolve(s, init, depth + 1);
  }
  return e;
}

static bool is_bvar(const KExpr *e, KBuiltinVar v, int axis) {
  return e && e->kind == KE_BVAR && e->bvar == v && e->field == axis;
}

/* blockIdx.axis * M (either order): M (0 for blockDim.axis, else the
 * positive constant), or false. */
static bool block_times(const Solo *s, const KExpr *e, int axis, int64_t *stride) {
  if (!e || e->kind != KE_BINARY || e->op != KOP_MUL) return false;
  for (int side = 0; side < 2; side++) {
    const KExpr *bx = resolve(s, side ? e->b : e->a, 0), *m = resolve(s, side ? e->a : e->b, 0);
    if (!is_bvar(bx, KBV_BLOCK_IDX, axis)) continue;
    if (is_bvar(m, KBV_BLOCK_DIM, axis)) {
      *stride = 0;
      return true;
    }
    if (m && m->kind == KE_INT && m->ival > 0 && m->ival <= 0xffff) {
      *stride = m->ival;
      return true;
    }
  }
  return false;
}

/* blockIdx.axis * M + threadIdx.axis (either order): M, or false. */
static bool axis_form(const Solo *s, const KExpr *e, int axis, int64_t *stride) {
  e = resolve(s, e, 0);
  if (!e || e->kind != KE_BINARY || e->op != KOP_ADD) return false;
  for (int side = 0; side < 2; side++)
    if (is_bvar(resolve(s, side ? e->b : e->a, 0), KBV_THREAD_IDX, axis) &&
        block_times(s, resolve(s, side ? e->a : e->b, 0), axis, stride))
      return true;
  return false;
}

/* A row length: a parameter of integer type (the kernel never writes
 * its parameters: lowering copies those it does) or a positive constant. */
static bool row_length(const KExpr *w) {
  if (!w) return false;
  if (w->kind == KE_INT) return w->ival > 0 && w->ival <= 0x7fffffff;
  return w->kind == KE_VAR && w->var->kind == KV_PARAM && w->var->type && kt_is_int(w->var->type);
}

/* Y * W + X (any order) with Y = blockIdx.y * My + threadIdx.y and
 * X = blockIdx.x * Mx + threadIdx.x: distinct for distinct blocks when
 * every X of the grid is below W (gridDim.x * Mx <= W, tested at the
 * launch) and blockDim stays below each M. */
static SoloForm rows_form(const Solo *s, const KExpr *e) {
  for (int side = 0; side < 2; side++) {
    const KExpr *mul = resolve(s, side ? e->b : e->a, 0), *x = side ? e->a : e->b;
    SoloForm f = {.kind = FORM_ROWS};
    if (!mul || mul->kind != KE_BINARY || mul->op != KOP_MUL || !axis_form(s, x, 0, &f.stride))
      continue;
    for (int m = 0; m < 2; m++) {
      const KExpr *w = resolve(s, m ? mul->a : mul->b, 0);
      if (row_length(w) && axis_form(s, m ? mul->b : mul->a, 1, &f.stride_y)) {
        f.w = w;
        return f;
      }
    }
  }
  return (SoloForm){FORM_BAD, 0, 0, NULL};
}

static SoloForm index_form(const Solo *s, const KExpr *index) {
  const KExpr *e = resolve(s, index, 0);
  SoloForm f = {FORM_BAD, 0, 0, NULL};
  if (is_bvar(e, KBV_BLOCK_IDX, 0)) f.kind = FORM_BX;
  else if (axis_form(s, e, 0, &f.stride)) f.kind = FORM_BX_STRIDE;
  else if (e && e->kind == KE_BINARY && e->op == KOP_ADD) f = rows_form(s, e);
  return f;
}

static bool same_length(const KExpr *a, const KExpr *b) {
  if (!a || !b) return a == b;
  if (a->kind == KE_INT || b->kind == KE_INT)
    return a->kind == b->kind && a->ival == b->ival;
  return kexpr_var(a) == kexpr_var(b);
}

static void note_form(Solo *s, int p, SoloForm f) {
  SoloForm *have = &s->form[p];
  if (have->kind == FORM_NONE) *have = f;
  else if (have->kind != f.kind || have->stride != f.stride || have->stride_y != f.stride_y ||
           !same_length(have->w, f.w))
    have->kind = FORM_BAD;
}

static void visit(Solo *s, const KExpr *e, int how);

/* e (KE_INDEX through a pointer, or KE_DEREF) accesses memory. */
static void access(Solo *s, const KExpr *e, int how) {
  int p = param_of(s, e->a, true);
  if (p < 0) { /* through a local pointer, one loaded from memory, ... */
    if (how == HOW_WRITE) s->unknown_write = true;
    else if (how == HOW_READ) s->unknown_read = true;
    return;
  }
  if (how == HOW_ADDR) return; /* the address escapes: a use, not an access */
  if (how == HOW_READ) s->reads[p]++;
  else s->writes[p]++;
  bool plain = e->kind == KE_INDEX && param_of(s, e->a, false) == p; /* no cast: one element type */
  note_form(s, p, plain ? index_form(s, e->b) : (SoloForm){FORM_BAD, 0, 0, NULL});
}

static void visit_args(Solo *s, const KExpr *e) {
  visit(s, e->a, HOW_READ);
  visit(s, e->b, HOW_READ);
  visit(s, e->c, HOW_READ);
  for (int i = 0; i < e->nargs; i++) visit(s, e->args[i], HOW_READ);
}

static void visit(Solo *s, const KExpr *e, int how) {
  if (!e) return;
  switch (e->kind) {
  case KE_VAR: {
    int p = param_of(s, e, false);
    if (p >= 0) s->uses[p]++;
    return;
  }
  case KE_ASSIGN:
    visit(s, e->a, HOW_WRITE);
    visit(s, e->b, HOW_READ);
    return;
  case KE_INCDEC:
    visit(s, e->a, HOW_WRITE);
    return;
  case KE_ADDR:
    visit(s, e->a, HOW_ADDR);
    return;
  case KE_MEMBER:
    visit(s, e->a, how);
    return;
  case KE_INDEX:
  case KE_DEREF:
    if (e->kind == KE_INDEX && e->a->type && e->a->type->kind == KT_ARRAY) {
      visit(s, e->a, how); /* an element of an array variable */
    } else {
      access(s, e, how);
      visit(s, e->a, HOW_READ);
    }
    visit(s, e->b, HOW_READ);
    return;
  case KE_CALL: /* may write anything a pointer it can reach points at */
    s->unknown_write = s->unknown_read = true;
    break;
  case KE_BUILTIN: {
    KBuiltinClass cls = kb_info(e->builtin)->cls;
    for (int i = 0; i < e->nargs && cls != KBC_ATOMIC && cls != KBC_IO; i++)
      if (e->args[i]->type && e->args[i]->type->kind == KT_PTR && e->args[i]->kind != KE_STR)
        s->unknown_write = s->unknown_read = true;
    break;
  }
  default:
    break;
  }
  visit_args(s, e);
}

static void visit_stmt(Solo *s, const KStmt *st) {
  if (!st) return;
  visit(s, st->init, HOW_READ);
  visit(s, st->e, HOW_READ);
  visit(s, st->cond, HOW_READ);
  visit(s, st->step, HOW_READ);
  for (int i = 0; i < st->nstmts; i++) visit_stmt(s, st->stmts[i]);
  visit_stmt(s, st->then);
  visit_stmt(s, st->els);
  visit_stmt(s, st->init_stmt);
  visit_stmt(s, st->body);
}

void ce_race_solo_find(CEmit *ce, const KFunc *f, const KStmt *body) {
  ce->solo_ro = ce->solo_priv = 0;
  ce->solo_state = NULL;
  if (!ce->check_races) return;
  Solo *s = arena_alloc(&ce->arena, sizeof *s);
  *s = (Solo){.f = f, .body = body, .arena = &ce->arena};
  collect_decls(s, body);
  visit_stmt(s, body);
  if (s->unknown_write) return;
  ce->solo_state = s;
  for (int p = 0; p < f->nparams && p < CW_RACE_SOLO_PARAMS; p++) {
    int form = s->form[p].kind;
    if (!s->uses[p]) continue;
    if (s->uses[p] == s->reads[p]) ce->solo_ro |= 1u << p;
    else if (!s->unknown_read && s->uses[p] == s->reads[p] + s->writes[p] &&
             (form == FORM_BX || form == FORM_BX_STRIDE || form == FORM_ROWS))
      ce->solo_priv |= 1u << p;
  }
}

/* " && blockDim.axis <= M" for a constant stride M (blockDim itself: always). */
static void below_stride(StrBuf *sb, const char *dim, int64_t m) {
  if (m > 0) sb_printf(sb, " && %s <= %lldu", dim, (long long)m);
}

/* The condition under which the access e through parameter p cannot race
 * (C over the kernel's block constants and parameters, the same for
 * every access of the launch):
 * always for read-only parameters; for private ones, indices that
 * neither wrap nor overlap between blocks. */
static void solo_cond(CEmit *ce, StrBuf *sb, const KExpr *e, int p) {
  const Solo *s = ce->solo_state;
  if (ce->solo_ro >> p & 1) {
    sb_puts(sb, "1");
    return;
  }
  while (e->kind == KE_MEMBER) e = e->a;
  SoloForm f = index_form(s, e->b); /* as this access writes it */
  if (f.kind == FORM_BX || f.kind == FORM_BX_STRIDE) {
    sb_puts(sb, "(cw_gdy == 1u && cw_gdz == 1u");
    below_stride(sb, "cw_bdx", f.stride);
    if (f.kind == FORM_BX_STRIDE && f.stride)
      sb_printf(sb, " && (uint64_t)cw_gdx * %lldu <= 0x7fffffffu", (long long)f.stride);
    else if (f.kind == FORM_BX_STRIDE)
      sb_puts(sb, " && (uint64_t)cw_gdx * cw_bdx <= 0x7fffffffu");
    sb_putc(sb, ')');
    return;
  }
  if (f.kind != FORM_ROWS) { /* not the form found for the kernel: record it */
    sb_puts(sb, "0");
    return;
  }
  sb_puts(sb, "(cw_gdz == 1u");
  below_stride(sb, "cw_bdx", f.stride);
  below_stride(sb, "cw_bdy", f.stride_y);
  sb_puts(sb, " && (int64_t)(");
  ce_expr(ce, sb, f.w);
  sb_puts(sb, ") > 0 && (uint64_t)cw_gdx * ");
  if (f.stride) sb_printf(sb, "%lldu", (long long)f.stride);
  else sb_puts(sb, "cw_bdx");
  sb_puts(sb, " <= (uint64_t)(");
  ce_expr(ce, sb, f.w);
  sb_puts(sb, ") && (uint64_t)cw_gdy * ");
  if (f.stride_y) sb_printf(sb, "%lldu", (long long)f.stride_y);
  else sb_puts(sb, "cw_bdy");
  sb_puts(sb, " * (uint64_t)(");
  ce_expr(ce, sb, f.w);
  sb_puts(sb, ") <= 0x7fffffffu)");
}

int ce_race_solo_param(const CEmit *ce, const KExpr *e) {
  if (!ce->in_kernel || ce->fiber || !(ce->solo_ro | ce->solo_priv)) return -1;
  while (e->kind == KE_MEMBER) e = e->a;
  if (e->kind != KE_INDEX && e->kind != KE_DEREF) return -1;
  const KExpr *b = e->a;
  while (b->kind == KE_CAST) b = b->a;
  if (b->kind != KE_VAR || b->var->kind != KV_PARAM || !ce->fn) return -1;
  for (int p = 0; p < ce->fn->nparams && p < CW_RACE_SOLO_PARAMS; p++)
    if (ce->fn->params[p] == b->var) return (ce->solo_ro | ce->solo_priv) >> p & 1 ? p : -1;
  return -1;
}

void ce_race_solo_close(CEmit *ce, StrBuf *sb, const KExpr *e, int p) {
  sb_printf(sb, ", %d, ", p);
  solo_cond(ce, sb, e, p);
}
