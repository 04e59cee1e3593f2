/*
 * wasm_stmt.c — KIR statements as WebAssembly structured control flow.
 *
 * Loops are `block $brk { loop $top { [cond; br_if $brk] block $cont
 * { body } step; br $top } }`; break and continue branch to the depth
 * recorded when the construct was opened.  A switch computes the index
 * of the matching case, then one br_table jumps into nested blocks whose
 * ends are the case labels (fall-through is free).  A KLOOP_THREADS loop
 * (from barrier fission) runs its body for each thread of the block, with
 * the thread's frame and threadIdx set; `return` in it ends the turn.
 */
#include "wasm_internal.h"

#include <string.h>

void ws_epilogue(WEmit *w); /* wasm.c */

static void push_target(WEmit *w, int brk, int cont) {
  WFunc *f = w->fn;
  if (f->ntg == f->captg) {
    f->captg = f->captg ? 2 * f->captg : 16;
    WTarget *n = arena_alloc(&w->arena, sizeof *n * (size_t)f->captg);
    if (f->ntg) memcpy(n, f->tg, sizeof *n * (size_t)f->ntg);
    f->tg = n;
  }
  f->tg[f->ntg++] = (WTarget){brk, cont};
}

void ws_init(WEmit *w, uint32_t a, int off, const KType *t, const KExpr *e) {
  if (e->kind == KE_INIT_LIST && !kt_aggregate(t)) {
    if (e->nargs) ws_init(w, a, off, t, e->args[0]);
    return;
  }
  if (e->kind == KE_INIT_LIST) {
    op_u(w, OP_LOCAL_GET, a);
    op_i32(w, off);
    op(w, OP_I32_ADD);
    op_i32(w, 0);
    op_i32(w, t->size);
    op_fc(w, 11);
    int next = 0;
    for (int i = 0; i < e->nargs; i++) {
      const KExpr *x = e->args[i];
      int at = kexpr_designator(e, i) >= 0 ? kexpr_designator(e, i) : next;
      next = at + 1;
      if (t->kind == KT_STRUCT) {
        if (at >= t->nfields) return we_error(w, x->loc, "this initializer");
        if (t->fields[at].bit_width) { /* a bit-field in a braced initializer */
          const KField *bf = &t->fields[at];
          uint32_t ua = we_local(w, WT_I32), v = we_local(w, wt_of(bf->type));
          op_u(w, OP_LOCAL_GET, a);
          op_i32(w, off + bf->offset);
          op(w, OP_I32_ADD);
          op_u(w, OP_LOCAL_SET, ua);
          wx_value(w, x);
          wx_convert(w, x->type, bf->type, x->loc);
          op_u(w, OP_LOCAL_SET, v);
          wx_bitfield_store(w, ua, bf, v);
          continue;
        }
        ws_init(w, a, off + t->fields[at].offset, t->fields[at].type, x);
      } else {
        ws_init(w, a, off + at * t->elem->size, t->elem, x);
      }
    }
    return;
  }
  if (e->kind == KE_STR && t->kind == KT_ARRAY) { /* char s[N] = "…": copy, zero the rest */
    int n = e->str->len + 1 < t->size ? e->str->len + 1 : t->size;
    for (int k = 0; k < 2; k++) {
      op_u(w, OP_LOCAL_GET, a);
      op_i32(w, off);
      op(w, OP_I32_ADD);
      if (k == 0) {
        op_i32(w, 0);
        op_i32(w, t->size);
        op_fc(w, 11);
      } else {
        op_i32(w, we_string(w, e));
        op_i32(w, n);
        op_fc(w, 10);
      }
    }
    return;
  }
  op_u(w, OP_LOCAL_GET, a);
  op_i32(w, off);
  op(w, OP_I32_ADD);
  wx_value(w, e);
  if (kt_aggregate(t)) {
    wx_copy(w, t->size);
    return;
  }
  wx_convert(w, e->type, t, e->loc);
  wx_store(w, t);
}

static void decl(WEmit *w, const KStmt *s) {
  const KVar *v = s->var;
  if (v->as == AS_SHARED || v->is_static) return; /* placed by the module */
  WVar *x = we_var(w, v);
  const KExpr *init = s->init ? s->init : v->init;
  if (!init) return;
  if (x->st == VS_LOCAL) {
    if (init->kind == KE_INIT_LIST) {
      if (!init->nargs) { wx_const(w, v->type, 0); op_u(w, OP_LOCAL_SET, x->idx); return; }
      init = init->args[0];
    }
    wx_value(w, init);
    wx_convert(w, init->type, v->type, init->loc);
    op_u(w, OP_LOCAL_SET, x->idx);
    return;
  }
  uint32_t a = we_local(w, WT_I32);
  we_var_addr(w, x, 0);
  op_u(w, OP_LOCAL_SET, a);
  ws_init(w, a, 0, v->type, init);
}

static void loop_stmt(WEmit *w, const KStmt *s) {
  WFunc *f = w->fn;
  if (s->init_stmt) ws_stmt(w, s->init_stmt);
  op_open(w, OP_BLOCK, WT_VOID);
  int brk = f->depth;
  op_open(w, OP_LOOP, WT_VOID);
  int top = f->depth;
  if (s->cond && s->loop_kind != KLOOP_DO) {
    wx_cond(w, s->cond);
    op(w, OP_I32_EQZ);
    op_br(w, OP_BR_IF, brk);
  }
  op_open(w, OP_BLOCK, WT_VOID);
  push_target(w, brk, f->depth);
  ws_stmt(w, s->body);
  f->ntg--;
  op_end(w);
  if (s->step) wx_drop(w, s->step);
  if (s->loop_kind == KLOOP_DO) {
    if (s->cond) wx_cond(w, s->cond);
    else op_i32(w, 1);
    op_br(w, OP_BR_IF, top);
  } else {
    op_br(w, OP_BR, top);
  }
  op_end(w);
  op_end(w);
}

static void inc_global(WEmit *w, int g) {
  global_get(w, g);
  op_i32(w, 1);
  op(w, OP_I32_ADD);
  global_set(w, g);
}

/* the next row of threads: threadIdx.y + 1, carried into z at blockDim.y */
void ws_next_row(WEmit *w) {
  inc_global(w, WG_TY);
  global_get(w, WG_TY);
  global_get(w, WG_BDY);
  op(w, OP_I32_EQ);
  op_open(w, OP_IF, WT_VOID);
  op_i32(w, 0);
  global_set(w, WG_TY);
  inc_global(w, WG_TZ);
  op_end(w);
}

/* threadIdx advances x fastest: (x, y, z) after (x-1, y, z) */
void ws_next_thread(WEmit *w) {
  inc_global(w, WG_T);
  inc_global(w, WG_TX);
  global_get(w, WG_TX);
  global_get(w, WG_BDX);
  op(w, OP_I32_EQ);
  op_open(w, OP_IF, WT_VOID);
  op_i32(w, 0);
  global_set(w, WG_TX);
  ws_next_row(w);
  op_end(w);
}

/* one thread's turn of a thread loop's body: its frame, the per-thread
 * values it uses in locals, the body, the changed values back */
void ws_thread_turn(WEmit *w, const KStmt *s) {
  WFunc *f = w->fn;
  op_u(w, OP_LOCAL_GET, f->tbase);
  global_get(w, WG_T);
  op_u(w, OP_LOCAL_GET, f->fsize);
  op(w, OP_I32_MUL);
  op(w, OP_I32_ADD);
  op_u(w, OP_LOCAL_SET, f->fp);
  /* values kept per thread live in wasm locals during the thread's turn:
   * loaded from its frame first, stored back after */
  PtrVec cached = we_thread_cached(w, s->body);
  int *slot = arena_alloc(&w->arena, sizeof(int) * (size_t)(cached.len + 1));
  WVar *home = arena_alloc(&w->arena, sizeof *home * (size_t)(cached.len + 1)); /* where each lives */
  for (int i = 0; i < cached.len; i++) {
    const KVar *v = cached.items[i];
    WVar *x = we_var(w, v);
    slot[i] = -1;
    if (x->st != VS_FRAME && x->st != VS_COLUMN) continue;
    int idx = (int)(x - f->vars);
    home[i] = *x;
    uint32_t l = we_local(w, wt_of(v->type));
    we_var_addr(w, x, 0);
    wx_load(w, v->type);
    op_u(w, OP_LOCAL_SET, l);
    x = &f->vars[idx];
    x->st = VS_LOCAL;
    x->idx = l;
    slot[i] = idx;
  }
  op_open(w, OP_BLOCK, WT_VOID);
  f->turn = f->depth;
  push_target(w, -2, -2); /* break/continue cannot leave a thread's turn */
  ws_stmt(w, s->body);
  f->ntg--;
  f->turn = -1;
  op_end(w);
  for (int i = 0; i < cached.len; i++) { /* back to the frame, where the body changed them */
    if (slot[i] < 0) continue;
    WVar *x = &f->vars[slot[i]];
    uint32_t l = x->idx;
    *x = home[i];
    if (!we_writes_var(w, s->body, cached.items[i])) continue;
    we_var_addr(w, x, 0);
    op_u(w, OP_LOCAL_GET, l);
    wx_store(w, ((const KVar *)cached.items[i])->type);
  }
}

/* every thread of the block in turn, from the current thread counters */
void ws_scalar_threads(WEmit *w, const KStmt *s) {
  WFunc *f = w->fn;
  op_open(w, OP_LOOP, WT_VOID);
  int top = f->depth;
  ws_thread_turn(w, s);
  ws_next_thread(w);
  global_get(w, WG_T);
  op_u(w, OP_LOCAL_GET, f->nt);
  op(w, OP_I32_LT_U);
  op_br(w, OP_BR_IF, top);
  op_end(w);
}

/* A thread loop with a cond: the threads with threadIdx.x == cond (an
 * i64), one per row: x stays, y and z step, the linear id by blockDim.x. */
static void column_threads(WEmit *w, const KStmt *s) {
  WFunc *f = w->fn;
  uint32_t k = we_local(w, WT_I64);
  wx_value(w, s->cond);
  op_u(w, OP_LOCAL_TEE, k);
  global_get(w, WG_BDX);
  op(w, OP_I64_EXTEND_I32_U);
  op(w, OP_I64_LT_U); /* 0 <= k < blockDim.x (a negative k is a large unsigned one) */
  op_open(w, OP_IF, WT_VOID);
  op_u(w, OP_LOCAL_GET, k);
  op(w, OP_I32_WRAP_I64);
  global_set(w, WG_TX);
  op_u(w, OP_LOCAL_GET, k);
  op(w, OP_I32_WRAP_I64);
  global_set(w, WG_T);
  op_open(w, OP_LOOP, WT_VOID);
  int top = f->depth;
  ws_thread_turn(w, s);
  global_get(w, WG_T);
  global_get(w, WG_BDX);
  op(w, OP_I32_ADD);
  global_set(w, WG_T);
  ws_next_row(w);
  global_get(w, WG_T);
  op_u(w, OP_LOCAL_GET, f->nt);
  op(w, OP_I32_LT_U);
  op_br(w, OP_BR_IF, top);
  op_end(w);
  op_end(w);
}

/* the thread counters at the block's first thread */
void ws_first_thread(WEmit *w) {
  static const int g[4] = {WG_T, WG_TX, WG_TY, WG_TZ};
  for (int i = 0; i < 4; i++) {
    op_i32(w, 0);
    global_set(w, g[i]);
  }
}

static void thread_loop(WEmit *w, const KStmt *s) {
  WFunc *f = w->fn;
  if (!f->kernel || f->turn >= 0) return we_error(w, s->loc, "a thread loop here");
  ws_first_thread(w);
  if (s->cond) column_threads(w, s);
  else if (!wsimd_thread_loop(w, s)) ws_scalar_threads(w, s);
}

static void switch_stmt(WEmit *w, const KStmt *s) {
  WFunc *f = w->fn;
  const KStmt *body = s->body;
  if (!body || body->kind != KS_BLOCK) return we_error(w, s->loc, "this form of switch");
  int ncase = 0, def = -1;
  for (int i = 0; i < body->nstmts; i++) {
    if (body->stmts[i]->kind == KS_CASE) {
      if (body->stmts[i]->is_default) def = ncase;
      ncase++;
    }
  }
  unsigned vt = wt_of(s->cond->type);
  uint32_t x = we_local(w, vt), sel = we_local(w, WT_I32);
  wx_value(w, s->cond);
  op_u(w, OP_LOCAL_SET, x);
  op_i32(w, def >= 0 ? def : ncase);
  op_u(w, OP_LOCAL_SET, sel);
  int c = 0;
  for (int i = 0; i < body->nstmts; i++) {
    const KStmt *k = body->stmts[i];
    if (k->kind != KS_CASE) continue;
    if (!k->is_default) {
      op_i32(w, c);
      op_u(w, OP_LOCAL_GET, sel);
      op_u(w, OP_LOCAL_GET, x);
      wx_const(w, s->cond->type, k->case_value);
      op(w, vt == WT_I64 ? OP_I64_EQ : OP_I32_EQ);
      op(w, OP_SELECT);
      op_u(w, OP_LOCAL_SET, sel);
    }
    c++;
  }
  op_open(w, OP_BLOCK, WT_VOID);
  int brk = f->depth;
  push_target(w, brk, -1);
  for (int i = 0; i < ncase; i++) op_open(w, OP_BLOCK, WT_VOID);
  op_u(w, OP_LOCAL_GET, sel);
  op_u(w, OP_BR_TABLE, (uint64_t)ncase);
  for (int i = 0; i < ncase; i++) wb_u32(&f->code, (uint64_t)i);
  wb_u32(&f->code, (uint64_t)ncase);
  bool started = false;
  for (int i = 0; i < body->nstmts; i++) {
    const KStmt *k = body->stmts[i];
    if (k->kind == KS_CASE) {
      op_end(w);
      started = true;
      continue;
    }
    if (started) ws_stmt(w, k);
  }
  f->ntg--;
  op_end(w);
}

/* ---- goto: labels of one statement list ---------------------------------
 * A label L at index i of a block's statements gets a `block` around the
 * statements before it when some of them jump to L (the branch lands just
 * after the block, at L), and a `loop` from L to the last statement that
 * jumps back to it (the branch restarts the loop, at L).  These ranges
 * must nest; jumps into a statement or out of a thread's turn are not
 * supported. */

static bool jumps_to(const KStmt *s, const char *label) {
  if (!s) return false;
  if (s->kind == KS_GOTO) return !strcmp(s->label, label);
  if (jumps_to(s->then, label) || jumps_to(s->els, label) || jumps_to(s->init_stmt, label) ||
      jumps_to(s->body, label))
    return true;
  for (int i = 0; i < s->nstmts; i++)
    if (jumps_to(s->stmts[i], label)) return true;
  return false;
}

typedef struct Range { int from, to; bool loop; const char *label; } Range; /* statements [from, to] */

static void push_label(WEmit *w, const char *label) {
  WFunc *f = w->fn;
  if (f->nlabels == f->caplabels) {
    f->caplabels = f->caplabels ? 2 * f->caplabels : 8;
    const char **nl = arena_alloc(&w->arena, sizeof *nl * (size_t)f->caplabels);
    int *nd = arena_alloc(&w->arena, sizeof *nd * (size_t)f->caplabels);
    if (f->nlabels) {
      memcpy(nl, f->labels, sizeof *nl * (size_t)f->nlabels);
      memcpy(nd, f->label_depth, sizeof *nd * (size_t)f->nlabels);
    }
    f->labels = nl;
    f->label_depth = nd;
  }
  f->labels[f->nlabels] = label;
  f->label_depth[f->nlabels++] = f->depth;
}

static void block_with_labels(WEmit *w, const KStmt *s) {
  WFunc *f = w->fn;
  int n = s->nstmts, nr = 0;
  Range *r = arena_alloc(&w->arena, sizeof *r * (size_t)(2 * n + 1));
  for (int i = 0; i < n; i++) {
    const KStmt *l = s->stmts[i];
    if (l->kind != KS_LABEL) continue;
    bool fwd = false;
    for (int k = 0; k < i && !fwd; k++) fwd = jumps_to(s->stmts[k], l->label);
    if (fwd) r[nr++] = (Range){0, i - 1, false, l->label};
    int last = -1;
    for (int k = i; k < n; k++)
      if (jumps_to(s->stmts[k], l->label)) last = k;
    if (last >= 0) r[nr++] = (Range){i, last, true, l->label};
  }
  for (int a = 0; a < nr; a++)
    for (int b = 0; b < nr; b++) {
      bool crossing = r[a].from < r[b].from && r[b].from <= r[a].to && r[a].to < r[b].to;
      if (crossing) return we_error(w, s->loc, "gotos whose jumps cross each other here");
    }
  int saved_labels = f->nlabels;
  for (int i = 0; i < n; i++) {
    /* open the ranges starting here, the longest first */
    for (;;) {
      int best = -1;
      for (int k = 0; k < nr; k++)
        if (r[k].from == i && r[k].label && (best < 0 || r[k].to > r[best].to)) best = k;
      if (best < 0) break;
      op_open(w, r[best].loop ? OP_LOOP : OP_BLOCK, WT_VOID);
      push_label(w, r[best].label);
      r[best].label = NULL; /* opened */
      r[best].from = -1 - r[best].from;
    }
    ws_stmt(w, s->stmts[i]);
    /* close the ranges ending here, the innermost (latest opened) first */
    for (;;) {
      int best = -1;
      for (int k = 0; k < nr; k++)
        if (r[k].to == i && r[k].from < 0 && (best < 0 || -1 - r[k].from > -1 - r[best].from)) best = k;
      if (best < 0) break;
      op_end(w);
      f->nlabels--;
      r[best].to = -2;
    }
  }
  f->nlabels = saved_labels;
}

static void goto_stmt(WEmit *w, const KStmt *s) {
  WFunc *f = w->fn;
  for (int i = f->nlabels - 1; i >= 0; i--)
    if (!strcmp(f->labels[i], s->label)) {
      if (f->turn >= 0 && f->label_depth[i] < f->turn) break; /* out of a thread's turn */
      op_br(w, OP_BR, f->label_depth[i]);
      return;
    }
  we_error(w, s->loc, "a goto into a statement or out of its block");
}

static const WTarget *find_target(WEmit *w, bool cont) {
  WFunc *f = w->fn;
  for (int i = f->ntg - 1; i >= 0; i--) {
    if (f->tg[i].brk == -2) return NULL; /* the edge of a thread's turn */
    if (!cont || f->tg[i].cont >= 0) return &f->tg[i];
  }
  return NULL;
}

static void return_stmt(WEmit *w, const KStmt *s) {
  WFunc *f = w->fn;
  if (f->kernel) {
    if (f->turn < 0) return we_error(w, s->loc, "'return' here");
    op_br(w, OP_BR, f->turn);
    return;
  }
  const KType *rt = f->f->ret;
  if (s->e && kt_aggregate(rt)) {
    op_u(w, OP_LOCAL_GET, f->retptr);
    wx_value(w, s->e);
    wx_copy(w, rt->size);
  } else if (s->e && rt->kind != KT_VOID) {
    wx_value(w, s->e);
    wx_convert(w, s->e->type, rt, s->loc);
  } else if (s->e) {
    wx_drop(w, s->e);
  }
  ws_epilogue(w);
  op(w, OP_RETURN);
}

void ws_stmt(WEmit *w, const KStmt *s) {
  if (!s || w->fn->failed) return;
  if (s->loc.line) w->loc = s->loc;
  const WTarget *t;
  switch (s->kind) {
  case KS_BLOCK:
    for (int i = 0; i < s->nstmts; i++)
      if (s->stmts[i]->kind == KS_LABEL) return block_with_labels(w, s);
    for (int i = 0; i < s->nstmts; i++) ws_stmt(w, s->stmts[i]);
    return;
  case KS_DECL: decl(w, s); return;
  case KS_EXPR: wx_drop(w, s->e); return;
  case KS_IF:
    wx_cond(w, s->cond);
    op_open(w, OP_IF, WT_VOID);
    ws_stmt(w, s->then);
    if (s->els) {
      op(w, OP_ELSE);
      ws_stmt(w, s->els);
    }
    op_end(w);
    return;
  case KS_LOOP:
    if (s->loop_kind == KLOOP_THREADS) thread_loop(w, s);
    else loop_stmt(w, s);
    return;
  case KS_SWITCH: switch_stmt(w, s); return;
  case KS_CASE: we_error(w, s->loc, "a case label inside a nested statement of its switch"); return;
  case KS_BREAK:
  case KS_CONTINUE:
    t = find_target(w, s->kind == KS_CONTINUE);
    if (!t) return we_error(w, s->loc, "this break or continue");
    op_br(w, OP_BR, s->kind == KS_CONTINUE ? t->cont : t->brk);
    return;
  case KS_RETURN: return_stmt(w, s); return;
  case KS_BARRIER:
    /* between thread loops (fission): every thread has finished the code
     * before it when the next loop starts */
    if (s->scope == KBAR_GRID) we_grid_sync(w); /* and every block's */
    return;
  case KS_LABEL: return; /* placed by block_with_labels */
  case KS_GOTO: goto_stmt(w, s); return;
  }
}
