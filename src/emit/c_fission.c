/*
 * c_fission.c — kernels as C functions that run a whole thread block.
 *
 * A kernel without barriers or warp collectives is one per-thread loop
 * (PTL): CW_FOR_EACH_THREAD { body }, a counted loop over threadIdx.x
 * innermost, which the C compiler can vectorise.  Otherwise the kernel is
 * split ("barrier fission") after lower_splits.c has made every split point a
 * statement of its own.  How a statement list is cut into PTLs, block
 * statements and column loops, which locals cross a split, and the shape
 * each statement with a split point takes are src/kir/passes/regions.c's
 * decisions, and the order in which each shape's steps run is the walk of
 * src/kir/passes/shapes.c (which also places block statements, column
 * loops and each collective's loops, and says which locals are kept per
 * thread), where break/continue/return go jumps.c's, all shared with the
 * KIR pass (fission.c, the WebAssembly target); this file prints each
 * step (the shape_* functions).  Shapes and the path each takes:
 *
 *  - straight-line code between barriers: consecutive statements without a
 *    split point form one PTL; the barrier is the gap between two PTLs.
 *    A local declared in one PTL and used in a later one is "promoted" to a
 *    per-thread array `T x[cw_nt]` (indexed by the linear thread id);
 *    others stay ordinary C locals of the PTL body.
 *  - block-uniform locals whose writes can all run once per block are
 *    "scalars" (src/kir/passes/blocklevel.c, shared with the KIR pass):
 *    one C variable, assigned between the PTLs, read by them; a uniform
 *    statement inside a run of per-thread statements moves in front of the
 *    run (or ends it).  Other locals live across a split are promoted as
 *    below.
 *  - `if` / loop containing a split whose condition (and step) are uniform
 *    and read only block-level values, with no break/continue out of the
 *    loop (blocklevel.c again): plain C `if` / `for` / `do` of the block
 *    around the PTLs of the body (what CUDA code nearly always is; a
 *    uniform loop also stops when every thread has returned), also inside
 *    the general paths below, which remain for the rest.
 *  - `if` containing a split: the condition is evaluated per thread into a
 *    predicate array cw_pN[]; both branches are emitted as regions whose
 *    PTLs only run threads with the right predicate.  Works for divergent
 *    conditions too (each barrier then syncs the threads that reach it).
 *  - loops containing a split: a per-thread state array cw_lN[] (0 running,
 *    1 left the loop, 2 `continue`d this iteration); the loop runs while
 *    any thread is running; the condition and step are PTLs; `break`,
 *    `continue` set the state.  Uniform loops (what CUDA requires) and
 *    divergent trip counts both work.
 *  - `return` in tail position of a PTL body (`if (i >= n) return;`
 *    followed by the rest) becomes if/else with no jump (emit_tail_list);
 *    other returns jump to the end of the PTL body.
 *  - `return` in a split kernel: cw_exit[t] = 1; exited threads are
 *    skipped by every later PTL and no longer take part in barriers, like
 *    exited threads on the GPU; a barrier cannot deadlock (nothing waits),
 *    though a kernel's own loop can still spin forever, or a wrong index
 *    into the per-thread arrays can make it (run_exec and test_cpu_stress
 *    have watchdogs that name the kernel).
 *  - device functions containing splits are inlined by lower_splits.c; their
 *    `return` leaves a `do {} while (0)` wrapper loop as above.
 *  - warp collectives (__shfl*_sync, votes, ballot, match, __reduce_*,
 *    __activemask) and __syncthreads_count/and/or: warp lowering's
 *    (src/kir/passes/warp.c, shared with the WebAssembly target), placed
 *    by shapes.c: PTLs that evaluate each lane's operands once and publish
 *    them into its warp's words and an exchange array, then compute every
 *    active lane's result with CUDA's definition (PTX shfl segment/clamp
 *    rules, mask & active lanes).
 *    `Active` means the lane's PTL guard holds, so collectives in
 *    divergent code see the right __activemask().
 *  - __syncwarp: a split like __syncthreads (stronger, still correct).
 *  - loops that c_interchange.c marked (a virtual barrier ends their body)
 *    take the paths above, so the block's threads run each iteration
 *    together; a marked `for (T i = A; C; i += S)` with S uniform and A, C
 *    pure is a strided loop (emit_strided_loop): iteration j of every
 *    thread still in the loop, i recomputed from j, with a run flag per
 *    thread that `i < B` loops skip while every thread is in.  A kernel
 *    with one at its top level also gets a group function (c_group.c, a
 *    second walk), where consecutive blocks run its iterations in step.  In a
 *    kernel whose blocks are rows (threadIdx.y), a marked uniform loop
 *    whose body is one run of independent thread statements runs row by
 *    row instead (row_loop), each row's threads through the whole loop.
 *  - `if (threadIdx.x == K)` with K uniform (src/kir/passes/column.c)
 *    runs outside the per-thread loop, over the block's rows with
 *    threadIdx.x fixed (shape_column).
 *
 * The block function cwk_NAME only dispatches: the body is the inline
 * cwb_NAME, called with cw_fast = 1 for blocks whose blockIdx.x is small
 * enough that global thread ids cannot wrap (see the prelude), so the C
 * compiler builds a vectorisable copy and an exact one from one text.
 * In a kernel without splits, a per-thread loop with a pure guard
 * (`if (i < n)`, see c_guard.c) is emitted three times behind a count of
 * the threads that pass it: guard folded to 1, to 0, and as written.
 *
 * Shapes fission cannot split — a barrier or collective inside a
 * `switch` or in a kernel that uses `goto` (lower_splits.c has made loop
 * conditions and steps with split points statements of the body) — take
 * the general path of c_fiber.c instead: one coroutine per thread,
 * switched at barriers (ce_fission_blocker decides).
 */
#include "c_internal.h"
#include "kir/passes/shapes.h"

#include <stdio.h>
#include <string.h>

/* ---- helpers --------------------------------------------------------- */

static bool has_continue(const KStmt *s) {
  if (!s) return false;
  if (s->kind == KS_CONTINUE) return true;
  for (int i = 0; i < s->nstmts; i++)
    if (has_continue(s->stmts[i])) return true;
  return has_continue(s->then) || has_continue(s->els) || has_continue(s->body);
}

static void promote(CEmit *ce, KVar *v) {
  if (v->as == AS_SHARED || v->is_static || v->kind == KV_GLOBAL) return;
  if (ce_is_promoted(ce, v) || ce_is_scalar(ce, v) || ce_remat_init(ce, v)) return;
  for (int i = 0; i < ce->promoted.len + ce->scalars.len; i++) {
    const KVar *o = i < ce->promoted.len ? ce->promoted.items[i]
                                         : ce->scalars.items[i - ce->promoted.len];
    if (!strcmp(ce_var_name(ce, o), v->cname)) { /* same name, other scope */
      ce_rename(ce, v, arena_printf(&ce->arena, "%s_%d", v->cname, ce->next_id++));
      break;
    }
  }
  vec_push(&ce->arena, &ce->promoted, v);
}

/* ---- block-level (uniform) statements ---------------------------------
 * What runs once for the block is kir/passes/blocklevel.c's decision,
 * shared with the KIR pass: ifs and loops with barriers whose conditions
 * are uniform (plain C control flow of the block around the PTLs), and
 * "scalars", uniform locals whose every write can run once per block (one
 * C variable for the block, assigned between the PTLs, never inside one,
 * where every thread would repeat a read-modify-write). */


static void find_scalars(CEmit *ce, const KFunc *f, const KStmt *body) {
  kir_block_level(&ce->bl, &ce->arena, f, body, true, ce->split);
  ce->scalars.len = 0;
  for (int i = 0; i < ce->bl.scalars.len; i++) vec_push(&ce->arena, &ce->scalars, ce->bl.scalars.items[i]);
  /* one C name per scalar: rename clashes between scopes */
  for (int i = 0; i < ce->scalars.len; i++) {
    KVar *v = ce->scalars.items[i];
    for (int j = 0; j < i; j++)
      if (!strcmp(ce_var_name(ce, ce->scalars.items[j]), v->cname)) {
        ce_rename(ce, v, arena_printf(&ce->arena, "%s_%d", v->cname, ce->next_id++));
        break;
      }
  }
}

static int new_state(CEmit *ce, char kind) {
  int id = ce->next_id++;
  vec_push(&ce->arena, &ce->state_arrays,
           arena_printf(&ce->arena, "cw_%c%d", kind, id));
  return id;
}

static void push_guard(CEmit *ce, const char *g) {
  if (ce->nguards < ce->guards.len) ce->guards.items[ce->nguards] = (void *)g;
  else vec_push(&ce->arena, &ce->guards, (void *)g);
  ce->nguards++;
}

/* The conjunction of the enclosing predicates for thread cw_t, or NULL. */
static char *guard_text(CEmit *ce, const char *extra) {
  StrBuf sb;
  sb_init(&sb);
  for (int i = 0; i < ce->nguards; i++)
    sb_printf(&sb, "%s%s", sb.len ? " && " : "", (const char *)ce->guards.items[i]);
  if (extra) sb_printf(&sb, "%s%s", sb.len ? " && " : "", extra);
  if (!sb.len) {
    sb_free(&sb);
    return NULL;
  }
  char *s = arena_strdup(&ce->arena, sb.data);
  sb_free(&sb);
  return s;
}

static char *expr_text(CEmit *ce, const KExpr *e, const char *tidx) {
  StrBuf sb;
  sb_init(&sb);
  const char *saved = ce->tidx;
  ce->tidx = tidx;
  ce_expr(ce, &sb, e);
  ce->tidx = saved;
  char *s = arena_strdup(&ce->arena, sb.data ? sb.data : "0");
  sb_free(&sb);
  return s;
}

/* ---- per-thread loops ------------------------------------------------- */

static void ptl_open(CEmit *ce, const char *extra_guard) {
  if (ce->ptl_tile) ce_line(ce, "CW_FOR_EACH_THREAD_OF_TILE(cw_tb, %s) {", ce->ptl_tile);
  else /* row_loop's: the threads of row cw_ty */
    ce_line(ce, "CW_FOR_EACH_THREAD%s%s {", ce->ptl_row ? "_OF_ROW" : "",
            ce->ptl_indep ? "_INDEP" : ce->ptl_unroll ? "_UNROLLED" : "");
  ce->ptl_indep = ce->ptl_unroll = false;
  ce->ptl_tile = NULL;
  ce->indent++;
  char *g = guard_text(ce, extra_guard);
  if (g) ce_line(ce, "if (!(%s)) continue;", g);
}

static void ptl_close(CEmit *ce) {
  ce->indent--;
  ce_line(ce, "}");
}

void ce_fixed_thread(CEmit *ce, bool last) {
  if (last)
    ce_line(ce, "const int32_t cw_tx = (int32_t)cw_bdx - 1; const uint32_t cw_ty = cw_bdy - 1u, "
                "cw_tz = cw_bdz - 1u; const size_t cw_t = (size_t)cw_nt - 1;");
  else
    ce_line(ce, "const int32_t cw_tx = 0; const uint32_t cw_ty = 0u, cw_tz = 0u; const size_t cw_t = 0;");
  ce_line(ce, "(void)cw_tx; (void)cw_ty; (void)cw_tz; (void)cw_t;");
}

/* A PTL whose body is one line of text. */
static void ptl_text(CEmit *ce, const char *extra_guard, const char *text) {
  ptl_open(ce, extra_guard);
  ce_line(ce, "%s", text);
  ptl_close(ce);
}

/* ---- early exit without goto -------------------------------------------
 * The statements of a PTL body are in tail position: nothing of this thread
 * runs after them in this PTL.  There `if (c) { A; return; } B` becomes
 * `if (c) { A; exit } else { B }` and a final `return` just marks the
 * thread as exited, so the common guard `if (i >= n) return;` needs no
 * jump out of the loop body (which would stop the C compiler from
 * vectorising it).  Returns elsewhere still jump to cw_nextN. */

static bool ends_in_return(const KStmt *s) {
  if (!s) return false;
  if (s->kind == KS_RETURN) return !s->label;
  if (s->kind == KS_BLOCK) return s->nstmts > 0 && ends_in_return(s->stmts[s->nstmts - 1]);
  return false;
}

static void emit_tail_list(CEmit *ce, KStmt *const *st, int n);

/* `first` (a statement or block, may be NULL) followed by rest[0..n) */
static void emit_tail_join(CEmit *ce, const KStmt *first, KStmt *const *rest, int n) {
  ce_line(ce, "{");
  ce->indent++;
  if (n) { /* `first` keeps its own scope: its names may recur in rest */
    if (first) ce_stmt(ce, first);
    emit_tail_list(ce, rest, n);
  } else if (first && first->kind == KS_BLOCK) {
    emit_tail_list(ce, first->stmts, first->nstmts);
  } else if (first) {
    KStmt *one = (KStmt *)first;
    emit_tail_list(ce, &one, 1);
  }
  ce->indent--;
  ce_line(ce, "}");
}

static void emit_tail_if(CEmit *ce, const KStmt *s, KStmt *const *rest, int n) {
  bool rt = ends_in_return(s->then), re = ends_in_return(s->els);
  ce_if_head(ce, s);
  emit_tail_join(ce, s->then, rest, rt ? 0 : n);
  ce_line(ce, "else");
  emit_tail_join(ce, s->els, rest, re ? 0 : n);
}

static void emit_tail_list(CEmit *ce, KStmt *const *st, int n) {
  for (int i = 0; i < n; i++) {
    const KStmt *s = st[i];
    if (s->kind == KS_RETURN && !s->label) {
      if (s->e) ce_stmt(ce, s); /* keeps the old path for odd returns */
      else if (ce->has_exit) ce_line(ce, "%s[%s] = 1;", "cw_exit", ce->tidx);
      return;
    }
    if (s->kind == KS_BLOCK && i == n - 1) {
      emit_tail_join(ce, s, NULL, 0);
      return;
    }
    if (s->kind == KS_IF && (ends_in_return(s->then) || ends_in_return(s->els))) {
      emit_tail_if(ce, s, st + i + 1, n - i - 1);
      return;
    }
    ce_stmt(ce, s);
  }
}

/* A PTL over stmts whose body starts with the line `prefix` (or none). */
static void emit_ptl_prefixed(CEmit *ce, KStmt *const *stmts, int n, const char *prefix) {
  int saved = ce->ptl;
  ce->ptl = ce->next_id++;
  ce->ptl_indep = ce_ptl_independent(stmts, n);
  ce->ptl_unroll = !ce->ptl_indep && ce_ptl_small(stmts, n);
  ptl_open(ce, NULL);
  ce_line(ce, "{");
  ce->indent++;
  if (prefix) ce_line(ce, "%s", prefix);
  size_t body_start = ce->out->len;
  emit_tail_list(ce, stmts, n);
  ce->indent--;
  ce_line(ce, "}");
  char label[32];
  snprintf(label, sizeof label, "cw_next%d;", ce->ptl);
  if (ce->out->data && strstr(ce->out->data + body_start, label))
    ce_line(ce, "cw_next%d:;", ce->ptl);
  ptl_close(ce);
  ce->ptl = saved;
}

static void emit_ptl_once(CEmit *ce, KStmt *const *stmts, int n) {
  emit_ptl_prefixed(ce, stmts, n, NULL);
}

/* ---- regions ---------------------------------------------------------- */

/* A PTL with a pure guard (c_guard.c), outside any predicate: count the
 * threads for which it holds, then run a copy with the guard folded to 1
 * (all), to 0 (none) or as written (mixed).  The folded copies vectorise
 * without masked memory accesses. */
static void emit_ptl_guarded(CEmit *ce, KStmt *const *stmts, int n, int level,
                             KStmt *const *outer, int nouter, const KStmt *outer_guard);

static void emit_ptl(CEmit *ce, KStmt *const *stmts, int n) {
  emit_ptl_guarded(ce, stmts, n, 0, NULL, 0, NULL);
}

/* Level 1: in a copy where the level-0 guard is folded, the branch that
 * runs may open with a guard of its own (a stencil's border test after
 * its range test): specialise that one too.  outer[0..nouter) are the
 * declarations the level-0 guard needed, which the branch may use. */
static void emit_ptl_guarded(CEmit *ce, KStmt *const *stmts, int n, int level,
                             KStmt *const *outer, int nouter, const KStmt *outer_guard) {
  KStmt *const *list = NULL;
  int nlist = 0;
  const KStmt *g = NULL;
  if (level == 0 && !ce->split && !ce->nguards && !ce->spec_if[0]) {
    g = ce_find_guard(stmts, n, NULL, 0, &list, &nlist);
  } else if (level == 1 && outer_guard) {
    /* the code that runs after the folded guard: its branch, or the
     * statements after it when the other branch returns */
    bool holds = ce->spec_cond[0][0] == '1';
    const KStmt *br = holds ? outer_guard->then : outer_guard->els;
    KStmt *const *after = NULL;
    int nafter = 0;
    if (!br && ends_in_return(holds ? outer_guard->els : outer_guard->then)) {
      int nu = n;
      KStmt *const *u = ce_unwrap_blocks(stmts, &nu);
      after = outer + nouter + 1; /* outer is the prefix of u before the guard */
      nafter = (int)(u + nu - after);
    }
    if (br && br->kind == KS_BLOCK)
      g = ce_find_guard(br->stmts, br->nstmts, outer, nouter, &list, &nlist);
    else if (br && !ends_in_return(br))
      g = ce_find_guard((KStmt *const *)&br, 1, outer, nouter, &list, &nlist);
    else if (nafter > 0)
      g = ce_find_guard(after, nafter, outer, nouter, &list, &nlist);
  }
  if (!g) {
    emit_ptl_once(ce, stmts, n);
    return;
  }
  int id = ce->next_id++;
  ce_line(ce, "uint32_t cw_g%d = 0; /* threads passing the guard */", id);
  bool fast = false;
  bool mono = ce_guard_ranges_ok(ce, g->cond, list, nlist, outer, nouter, &fast);
  if (mono) {
    if (fast) ce_line(ce, "if (cw_fast) {");
    ce_emit_guard_ranges(ce, g->cond, list, nlist, outer, nouter, id); /* checked: fits */
    if (fast) ce_line(ce, "} else {");
  }
  if (!mono || fast) {
    ptl_open(ce, NULL);
    for (int i = 0; i < nouter; i++) ce_stmt(ce, outer[i]);
    for (int i = 0; i < nlist; i++) ce_stmt(ce, list[i]);
    ce_indent(ce);
    sb_printf(ce->out, "cw_g%d += (", id);
    ce->branchless = true; /* the guard is pure (c_guard.c): a branch-free count vectorises */
    ce_expr(ce, ce->out, g->cond);
    ce->branchless = false;
    sb_puts(ce->out, ") ? 1u : 0u;\n");
    ptl_close(ce);
  }
  if (mono && fast) ce_line(ce, "}");
  static const char *const folded[3] = {"1", "0", NULL};
  for (int k = 0; k < 3; k++) {
    if (k == 0) ce_line(ce, "if (cw_g%d == cw_nt) {", id);
    else if (k == 1) ce_line(ce, "} else if (cw_g%d == 0) {", id);
    else ce_line(ce, "} else {");
    ce->indent++;
    ce->spec_if[level] = g;
    ce->spec_cond[level] = folded[k];
    if (level == 0 && k < 2) emit_ptl_guarded(ce, stmts, n, 1, list, nlist, g);
    else emit_ptl_once(ce, stmts, n);
    ce->indent--;
  }
  ce->spec_if[level] = NULL;
  ce->spec_cond[level] = NULL;
  ce_line(ce, "}");
}

static bool emit_strided_loop(CEmit *ce, const KStmt *s);

/* ---- one thread's statement --------------------------------------------
 * `if (threadIdx.x == K) S` with K block-uniform (a block's result written
 * by thread 0, a scan's total by the last thread): inside a per-thread
 * loop the test and the store to one address keep the whole loop scalar.
 * shapes.c runs S instead in a loop of its own, after the statements
 * before it (threads between barriers are unordered, so moving it behind
 * the others' work changes nothing): over the rows of the block with
 * threadIdx.x fixed to K.  OPEN prints the loop's head, CLOSE its end
 * (S between is shape_thread_stmt's). */

static void shape_column(void *t, KStmt *s, const KExpr *k, KShapeStep step) {
  CEmit *ce = t;
  (void)s;
  if (step == KSS_OPEN) {
    ce->column_saved_ptl = ce->ptl; /* S holds no split point: columns do not nest */
    ce->ptl = ce->next_id++;
    char *g = guard_text(ce, NULL);
    ce_line(ce, "{ /* only threadIdx.x == %s runs this */", expr_text(ce, k, "cw_t"));
    ce->indent++;
    ce_line(ce, "const int64_t cw_k = (int64_t)(%s);", expr_text(ce, k, "cw_t"));
    ce_line(ce, "if (cw_k >= 0 && cw_k < (int64_t)cw_bdx)");
    ce_line(ce, "for (uint32_t cw_tz = 0; cw_tz < cw_bdz; cw_tz++)");
    ce_line(ce, "for (uint32_t cw_ty = 0; cw_ty < cw_bdy; cw_ty++) {");
    ce->indent++;
    ce_line(ce, "const int32_t cw_tx = (int32_t)cw_k;");
    ce_line(ce, "const size_t cw_t = ((size_t)cw_tz * cw_bdy + cw_ty) * cw_bdx + (size_t)cw_k;");
    ce_line(ce, "(void)cw_tx; (void)cw_t;");
    if (g) ce_line(ce, "if (!(%s)) continue;", g);
    ce->column_start = ce->out->len;
    return;
  }
  char label[32];
  snprintf(label, sizeof label, "cw_next%d;", ce->ptl);
  if (ce->out->data && strstr(ce->out->data + ce->column_start, label))
    ce_line(ce, "cw_next%d:;", ce->ptl);
  ce->indent--;
  ce_line(ce, "}");
  ce->indent--;
  ce_line(ce, "}");
  ce->ptl = ce->column_saved_ptl;
}

/* ---- the shapes of split statements ------------------------------------
 * Which regions and shapes run in which order is src/kir/passes/shapes.c's
 * walk, shared with the KIR pass; the functions below print each step. */

/* KR_THREADS: one PTL; the locals live across the next split are promoted */
static void shape_threads(void *t, const KRegion *r) {
  CEmit *ce = t;
  for (int k = 0; k < r->live.len; k++) promote(ce, r->live.items[k]);
  emit_ptl(ce, r->stmts, r->n);
}

/* KR_BLOCK: a statement of the block itself (once, not per thread), where
 * shapes.c placed it: ahead of the PTL of its run */
static void shape_block_stmt(void *t, KStmt *s) { ce_stmt(t, s); }
static void shape_thread_stmt(void *t, KStmt *s) { ce_stmt(t, s); }
static void shape_keep(void *t, KVar *v) { promote(t, v); }

/* `for (T i = A; C; i += S) body` marked by c_interchange.c: a strided loop */
static bool shape_own(void *t, KStmt *s) { return emit_strided_loop(t, s); }

static const void *shape_block_if(void *t, KStmt *s, KShapeStep step, const void *h) {
  CEmit *ce = t;
  if (step == KSS_OPEN) {
    ce_indent(ce);
    sb_puts(ce->out, "if (");
    ce_expr(ce, ce->out, s->cond);
    sb_puts(ce->out, ") { /* uniform: the same branch for the whole block */\n");
    ce->indent++;
  } else if (step == KSS_ELSE) {
    ce->indent--;
    ce_line(ce, "} else {");
    ce->indent++;
  } else if (step == KSS_CLOSE) {
    ce->indent--;
    ce_line(ce, "}");
  }
  return h;
}

/* the predicate cw_pN[] (its name is the handle); each branch's PTLs run
 * the threads where it holds, or does not */
static const void *shape_thread_if(void *t, KStmt *s, KShapeStep step, const void *h) {
  CEmit *ce = t;
  const char *p = h;
  switch (step) {
  case KSS_OPEN: {
    new_state(ce, 'p');
    p = ce->state_arrays.items[ce->state_arrays.len - 1];
    char *text = arena_printf(&ce->arena, "%s[cw_t] = (%s) != 0;", p, expr_text(ce, s->cond, "cw_t"));
    ce_line(ce, "/* if with a barrier inside: predicate per thread */");
    ptl_text(ce, NULL, text);
    return p;
  }
  case KSS_THEN: push_guard(ce, arena_printf(&ce->arena, "%s[cw_t]", p)); break;
  case KSS_ELSE: push_guard(ce, arena_printf(&ce->arena, "!%s[cw_t]", p)); break;
  case KSS_END: ce->nguards--; break;
  default: break;
  }
  return h;
}

/* `break` out of the C loop when no thread is still running the loop */
static void any_running(CEmit *ce, const char *running) {
  char *g = guard_text(ce, running);
  ce_line(ce, "{ int cw_any = 0; for (uint32_t cw_t = 0; cw_t < cw_nt && !cw_any; cw_t++) cw_any = %s; if (!cw_any) break; }",
          g);
}

static bool is_const_false(const KExpr *e) {
  return e && e->kind == KE_INT && e->ival == 0;
}

static void loop_cond_ptl(CEmit *ce, const KStmt *s, const char *state, const char *run) {
  if (!s->cond) return;
  StrBuf t;
  sb_init(&t);
  sb_printf(&t, "if (!(%s)) %s[cw_t] = 1;", expr_text(ce, s->cond, "cw_t"), state);
  ptl_text(ce, run, t.data);
  sb_free(&t);
}

/* Whether block loop s, in a kernel whose blocks are rows of threads, can
 * run row by row: each row of the block through the whole loop, its
 * threads together (CW_FOR_EACH_ROW around the loop, a PTL over the row's
 * threads inside).  So a 16x16 tiled SGEMM's `for (k) acc += As[ty][k] *
 * Bs[k][tx]` keeps a row's sums in a vector register for all of k, where
 * the block-wide form loads and stores every thread's sum at each k (1.70
 * against 5.5 ms, bench/README.md).  That is the order of threads a
 * GPU's warps may take: allowed where s is a loop c_interchange.c marked
 * (its body ends in a virtual barrier, no real one inside), whose body is
 * one run of thread statements independent between threads (no block
 * statement, no column, no collective), whose threads cannot have
 * returned, and whose header sets only its own variable from pure
 * operands (each row runs it again). */
static bool row_loop(CEmit *ce, const KStmt *s) {
  const KStmt *b = s->body, *decl = s->init_stmt;
  if (!ce->rows || ce->has_exit || ce->ptl_row || s->loop_kind != KLOOP_FOR || !decl ||
      decl->kind != KS_DECL || !s->cond || !b || b->kind != KS_BLOCK || b->nstmts < 2)
    return false;
  const KStmt *last = b->stmts[b->nstmts - 1];
  KVar *v = decl->var;
  const KExpr *init = decl->init ? decl->init : v->init, *st = s->step;
  if (last->kind != KS_BARRIER || last->scope != KBAR_VIRTUAL || !init ||
      !ce_expr_recomputable(ce, init, NULL) || !ce_expr_recomputable(ce, s->cond, v) || !st ||
      !st->a || st->a->kind != KE_VAR || st->a->var != v ||
      !(st->kind == KE_INCDEC || (st->kind == KE_ASSIGN && ce_expr_recomputable(ce, st->b, v))))
    return false;
  KRegionList rl = {0};
  kir_cut_list(&ce->bl, &ce->remat, b->stmts, b->nstmts, &rl);
  return rl.len == 2 && rl.items[0].kind == KR_THREADS && rl.items[1].kind == KR_SPLIT &&
         ce_ptl_independent(rl.items[0].stmts, rl.items[0].n);
}

/* A loop whose condition and step are uniform: a C loop of the block
 * around the per-thread loops of its body, or one per row (row_loop). */
static const void *shape_block_loop(void *t, KStmt *s, KShapeStep step, const void *h) {
  CEmit *ce = t;
  if (step == KSS_OPEN) {
    if (row_loop(ce, s)) {
      ce_line(ce, "/* uniform loop, no barrier inside: each row of threads through it */");
      ce_line(ce, "CW_FOR_EACH_ROW {");
      ce->indent++;
      ce->ptl_row++;
      h = s;
    } else {
      ce_line(ce, "/* uniform loop with a barrier inside: one C loop for the block */");
    }
    ce_indent(ce);
    if (s->loop_kind == KLOOP_DO) {
      sb_puts(ce->out, "do {\n");
    } else {
      sb_puts(ce->out, "for (");
      if (s->init_stmt) { /* its variable: one for the block (blocklevel.c), a scalar
                             declared with the others or declared here */
        const KVar *v = s->init_stmt->var;
        StrBuf d;
        sb_init(&d);
        if (ce_is_scalar(ce, v)) sb_puts(&d, ce_var_name(ce, v));
        else ce_type_decl(&d, v->type, ce_var_name(ce, v));
        sb_printf(ce->out, "%s = ", d.data);
        sb_free(&d);
        ce_expr(ce, ce->out, s->init_stmt->init ? s->init_stmt->init : v->init);
      }
      sb_puts(ce->out, "; ");
      if (s->cond) ce_expr(ce, ce->out, s->cond);
      sb_puts(ce->out, "; ");
      if (s->step) ce_expr(ce, ce->out, s->step);
      sb_puts(ce->out, ") {\n");
    }
    ce->indent++;
  } else if (step == KSS_CLOSE) {
    ce->indent--;
    if (s->loop_kind == KLOOP_DO) {
      ce_indent(ce);
      sb_puts(ce->out, "} while (");
      if (s->cond) ce_expr(ce, ce->out, s->cond);
      else sb_puts(ce->out, "1");
      sb_puts(ce->out, ");\n");
    } else {
      ce_line(ce, "}");
    }
    if (h == s) { /* row_loop's */
      ce->ptl_row--;
      ce->indent--;
      ce_line(ce, "}");
    }
  }
  return h;
}

static void shape_stop_if_all_returned(void *t) {
  ce_line(t, "{ int cw_any = 0; for (size_t cw_t = 0; cw_t < cw_nt; cw_t++) cw_any |= !cw_exit[cw_t]; if (!cw_any) break; }");
}

/* ---- strided loops ------------------------------------------------------
 * A loop that c_interchange.c marked (its body ends in a virtual barrier
 * and holds no real one) of the form `for (T i = A; C(i); i += S)` with S
 * block-uniform, A and C free of side effects and loads, and i written
 * only by the step: thread t's iteration j has i = A(t) + j*S (wrapping
 * like the repeated additions).  The block runs iteration j of every
 * thread that is still in the loop (cw_rN[t]: C held for all its
 * iterations so far) before iteration j+1, with i a local of the per-thread
 * loop computed from j; when every thread is still in, the body runs
 * without the flag, which vectorises (grid-stride loops, reductions).  A
 * body that calls device functions gets only the flagged copy (they are
 * inlined into every copy: the C compiler's time would double). */

/* Pointer parameters the body reads at exactly [i] (the strided loop's
 * index): the block's next chunks of them are prefetched. */
typedef struct Streams { const KVar *i; PtrVec *out; Arena *a; } Streams;

/* Whether e is threadIdx.y or .z: the kernel's blocks are likely rows of
 * threads, and it gets a fast copy for rows of 32 (c_prelude.c's
 * CW_KERNEL_DISPATCH_ROWS). */
static bool thread_rows(const KExpr *e, void *ctx) {
  (void)ctx;
  return e->kind == KE_BVAR && e->bvar == KBV_THREAD_IDX && e->field >= 1;
}

static bool collect_stream(const KExpr *e, void *ctx) {
  Streams *st = ctx;
  if (e->kind == KE_INDEX && e->a && e->a->kind == KE_VAR && e->a->var->kind == KV_PARAM &&
      e->a->type->kind == KT_PTR && e->b) {
    const KExpr *x = e->b;
    while (x->kind == KE_CAST) x = x->a;
    if (x->kind == KE_VAR && x->var == st->i) {
      bool seen = false;
      for (int k = 0; k < st->out->len; k++) seen |= st->out->items[k] == e->a->var;
      if (!seen && st->out->len < 4) vec_push(st->a, st->out, e->a->var);
    }
  }
  return false; /* see every node */
}

/* The stride S of `i += S`, `i++` or `++i` (NULL: another step). */
static const KExpr *stride_of(const KExpr *step, const KVar *i, bool *unit) {
  *unit = false;
  if (!step || !step->a || step->a->kind != KE_VAR || step->a->var != i) return NULL;
  if (step->kind == KE_INCDEC && step->op == KOP_ADD) {
    *unit = true;
    return step;
  }
  if (step->kind == KE_ASSIGN && step->op == KOP_ADD) return step->b;
  return NULL;
}

/* For each stream K of strided loop J, counted once before the loop
 * (inside it the C compiler reloads the runtime's threshold every
 * iteration: the body's stores may alias the context): cw_farJ_K, whether
 * the array (the loop's bound times the element size, where the loop is
 * bounded) is past the cache (cw_past_cache, the prelude), and cw_pfJ_K,
 * how many bytes of a block-sized chunk the untiled loop prefetches
 * (cw_prefetch_bytes). */
static void emit_prefetch_sizes(CEmit *ce, const PtrVec *streams, int j, bool bounded) {
  for (int k = 0; k < streams->len; k++) {
    const KVar *p = streams->items[k];
    const char *array = bounded ? arena_printf(&ce->arena, "(uint64_t)cw_b%d * sizeof %s[0]", j, p->cname)
                                : "UINT64_MAX";
    ce_line(ce, "const int cw_far%d_%d = cw_past_cache(cw_ctx, %s);", j, k, array);
    ce_line(ce, "const size_t cw_pf%d_%d = cw_prefetch_bytes(cw_far%d_%d, cw_nt * sizeof %s[0]);", j, k, j, k,
            p->cname);
  }
}

/* The prefetch of a strided loop's streams CW_PREFETCH_AHEAD iterations
 * on, from the index of thread 0 (tile NULL) or of thread cw_tb (a tile
 * of that many threads, a prelude macro's name), i the loop's index
 * variable.  A grid-stride loop reads one block-sized chunk per
 * iteration, far apart, which the hardware prefetcher does not follow.
 * How much: the tile's part of the chunk, or cw_pfJ_K of the block's;
 * into L2 for arrays past the cache, else into L1 (cw_farJ_K: both from
 * emit_prefetch_sizes, before the loop). */
static void emit_stream_prefetch(CEmit *ce, const PtrVec *streams, const KVar *i, int j,
                                 const char *tile, const char *tn, const char *ut,
                                 const char *st, const char *ivar) {
  ce_line(ce, "{ /* prefetch iteration j + CW_PREFETCH_AHEAD */");
  ce->indent++;
  if (tile) {
    ce_line(ce, "const int32_t cw_tx = (int32_t)cw_tb; const uint32_t cw_ty = 0u, cw_tz = 0u; "
                "const size_t cw_t = cw_tb;");
    ce_line(ce, "(void)cw_tx; (void)cw_ty; (void)cw_tz; (void)cw_t;");
  } else {
    ce_fixed_thread(ce, false);
  }
  ce_line(ce, "const %s cw_js%d = (%s)((%s)(cw_j%d + CW_PREFETCH_AHEAD) * (%s)(%s));", tn, j, tn, ut, j, ut, st);
  ce_line(ce, "%s", ivar);
  for (int k = 0; k < streams->len; k++) {
    const KVar *p = streams->items[k];
    char *bytes = tile ? arena_printf(&ce->arena, "%s * sizeof %s[0]", tile, p->cname)
                       : arena_printf(&ce->arena, "cw_pf%d_%d", j, k);
    ce_line(ce, "for (size_t cw_b = 0, cw_e = %s; cw_b < cw_e; cw_b += 64) "
                "CW_PREFETCH_STREAM(cw_far%d_%d, (const void *)((uintptr_t)%s + (uintptr_t)((intptr_t)%s * "
                "(intptr_t)sizeof %s[0]) + cw_b));",
            bytes, j, k, p->cname, ce_var_name(ce, i), p->cname);
  }
  ce->indent--;
  ce_line(ce, "}");
}

/* Whether body writes a value kept per thread across the loop's
 * iterations (a sum): what tiles gain from (emit_strided_tiles). */
static bool carries_per_thread(const CEmit *ce, const KStmt *body) {
  for (int k = 0; k < ce->promoted.len; k++)
    if (kir_stmt_writes_var(body, ce->promoted.items[k])) return true;
  return false;
}

/* The iterations of bounded strided loop J that every thread runs (given
 * all are in and the largest start passes the test: cw_monoJ, cw_amaxJ),
 * from the bound, the largest start and the stride (strided_prepass's). */
static char *full_iterations(CEmit *ce, int j, bool lt) {
  return arena_printf(&ce->arena, "(uint64_t)((cw_b%d - (int64_t)cw_amax%d%s) / cw_s%d) + 1", j, j,
                      lt ? " - 1" : "", j);
}

/* One loop nest of emit_strided_tiles: tiles of `width` threads (a
 * prelude macro's name), each through the cw_jfJ iterations. */
static void emit_tile_nest(CEmit *ce, KStmt *const *body, const KVar *iv, int j, const char *width,
                           const char *tn, const char *ut, const char *st, const char *ivar,
                           const PtrVec *streams) {
  ce_line(ce, "for (size_t cw_tb = 0; cw_tb < cw_nt; cw_tb += %s)", width);
  ce_line(ce, "for (uint64_t cw_j%d = 0; cw_j%d < cw_jf%d; cw_j%d++) {", j, j, j, j);
  ce->indent++;
  ce_line(ce, "const %s cw_js%d = (%s)((%s)cw_j%d * (%s)(%s));", tn, j, tn, ut, j, ut, st);
  if (streams->len) emit_stream_prefetch(ce, streams, iv, j, width, tn, ut, st, ivar);
  int saved_guards = ce->nguards;
  ce->nguards = 0; /* every thread is in: the guards hold */
  ce->ptl_tile = width;
  emit_ptl_prefixed(ce, body, 1, ivar);
  ce->nguards = saved_guards;
  ce->indent--;
  ce_line(ce, "}");
}

/* The iterations of a bounded strided loop (`i < B` or `i <= B`, B
 * uniform, stride > 0) that every thread of a one-dimensional block runs,
 * cw_jfJ of them, counted before the loop: run first, a tile of threads at
 * a time (the prelude's CW_STRIDE_TILE, or CW_STRIDE_TILE_WIDE where the
 * array is larger than half the last-level cache), each tile through all
 * of them, when the body is independent between threads and carries a
 * value per thread from one iteration to the next.  A tile's per-thread
 * values (a grid-stride sum) then stay in vector registers across the
 * iterations, where the iteration-major order loads and stores all of the
 * block's per iteration, and the loop around the tile is a plain count.
 * The reduction kernel of bench_cpu, one thread: 0.80x of OpenMP before,
 * 1.00x after; from memory (512 MiB) 0.88x before, 0.99x after.  An
 * element-wise body (a grid-stride saxpy) gains nothing and lost 7 % from
 * memory: it keeps the round-major order.  The strided loop goes on from
 * iteration cw_jfJ for the threads left. */
static void emit_strided_tiles(CEmit *ce, KStmt *const *body, const KVar *iv, int j, bool lt,
                               const char *tn, const char *ut, const char *st, const char *ivar,
                               const PtrVec *streams) {
  ce_line(ce, "uint64_t cw_jf%d = 0; /* iterations every thread runs, done a tile at a time */", j);
  ce_line(ce, "if (cw_mono%d && cw_bdy == 1u && cw_bdz == 1u && cw_nt %% CW_STRIDE_TILE == 0 && "
              "(int64_t)cw_amax%d %s cw_b%d) {", j, j, lt ? "<" : "<=", j);
  ce->indent++;
  ce_line(ce, "cw_jf%d = %s;", j, full_iterations(ce, j, lt));
  if (streams->len) { /* stream 0's cw_far (emit_prefetch_sizes) */
    ce_line(ce, "if (cw_nt %% CW_STRIDE_TILE_WIDE == 0 && cw_far%d_0) {", j);
    ce->indent++;
    sb_puts(ce->out, "#if CW_STRIDE_TILE_WIDER\n");
    ce_line(ce, "if (cw_nt %% CW_STRIDE_TILE_WIDER == 0) {");
    ce->indent++;
    emit_tile_nest(ce, body, iv, j, "CW_STRIDE_TILE_WIDER", tn, ut, st, ivar, streams);
    ce->indent--;
    ce_line(ce, "} else");
    sb_puts(ce->out, "#endif\n");
    ce_line(ce, "{");
    ce->indent++;
    emit_tile_nest(ce, body, iv, j, "CW_STRIDE_TILE_WIDE", tn, ut, st, ivar, streams);
    ce->indent--;
    ce_line(ce, "}");
    ce->indent--;
    ce_line(ce, "} else {");
    ce->indent++;
  }
  emit_tile_nest(ce, body, iv, j, "CW_STRIDE_TILE", tn, ut, st, ivar, streams);
  if (streams->len) {
    ce->indent--;
    ce_line(ce, "}");
  }
  ce->indent--;
  ce_line(ce, "}");
}

/* What emit_strided_loop found of `for (T i = A; C; i += S) body`, and
 * the texts its pieces print: tn the index's C type, ut its unsigned
 * type, at A and st S for thread cw_t, ivar the line that declares i for
 * iteration cw_jJ; r the run flags' id (cw_rR), j the loop's. */
typedef struct Strided {
  const KStmt *s;
  KVar *i;
  KStmt *body;
  const char *tn, *ut, *at, *st, *ivar;
  int r, j;
  bool sgn, calls, bounded, tiled;
  PtrVec streams;
} Strided;

/* Before the iterations: the run flags, the largest start and whether
 * every thread is in (bounded loops), each stream's prefetch sizes. */
static void strided_prepass(CEmit *ce, const Strided *S) {
  int r = S->r, j = S->j;
  char *g = guard_text(ce, NULL);
  ce_line(ce, "/* strided loop: thread t runs iteration j with %s = start(t) + j * stride */",
          ce_var_name(ce, S->i));
  ce_line(ce, "for (size_t cw_t = 0; cw_t < cw_nt; cw_t++) cw_r%d[cw_t] = %s;", r, g ? g : "1");
  /* `i < B` / `i <= B` (int, B uniform, stride > 0): i only grows, so
   * while the largest start plus j * stride passes the test every thread
   * is in and the flags need no update (their pass costs more than a
   * simple body; bodies with calls are not simple and skip this) */
  if (S->bounded) {
    ce_line(ce, "int32_t cw_amax%d = INT32_MIN; uint32_t cw_all%d = 0;", j, j);
    ptl_text(ce, NULL, arena_printf(&ce->arena, "{ int32_t cw_a = (int32_t)(%s); if (cw_a > cw_amax%d) "
                                                "cw_amax%d = cw_a; cw_all%d += cw_r%d[cw_t]; }",
                                    S->at, j, j, j, r));
    ce_line(ce, "const int64_t cw_s%d = (int64_t)(%s), cw_b%d = (int64_t)(%s);", j, S->st, j,
            expr_text(ce, S->s->cond->b, "cw_t"));
    ce_line(ce, "const int cw_mono%d = cw_s%d > 0 && cw_all%d == cw_nt;", j, j, j);
  }
  if (S->streams.len && S->sgn && !S->calls) emit_prefetch_sizes(ce, &S->streams, j, S->bounded);
}

/* The iterations from `start` on: each one's run flags updated (unless
 * every thread is still in), the body for the threads in. */
static void strided_rest(CEmit *ce, const Strided *S, const char *start) {
  int r = S->r, j = S->j;
  const KExpr *c = S->s->cond;
  KStmt *body = S->body;
  ce_line(ce, "for (uint64_t cw_j%d = %s;; cw_j%d++) {", j, start, j);
  ce->indent++;
  if (S->sgn)
    ce_line(ce, "const %s cw_js%d = (%s)((%s)cw_j%d * (%s)(%s));", S->tn, j, S->tn, S->ut, j, S->ut, S->st);
  ce_line(ce, "uint32_t cw_in = cw_nt; /* 32-bit: the count vectorises in 8 lanes */");
  if (S->bounded)
    ce_line(ce, "if (!(cw_mono%d && (int64_t)cw_amax%d + (int64_t)cw_j%d * cw_s%d %s cw_b%d)) {", j, j, j, j,
            c->op == KOP_LT ? "<" : "<=", j);
  else
    ce_line(ce, "{");
  ce->indent++;
  ce_line(ce, "cw_in = 0;");
  ce_line(ce, "CW_FOR_EACH_THREAD_INDEP {");
  ce->indent++;
  ce_line(ce, "%s", S->ivar);
  /* `&`, not `&&`: the condition is pure, and a branch stops vectorisation */
  ce->branchless = true;
  char *cond = expr_text(ce, c, "cw_t");
  ce->branchless = false;
  ce_line(ce, "cw_r%d[cw_t] = (unsigned char)(cw_r%d[cw_t] & ((%s) != 0));", r, r, cond);
  ce_line(ce, "cw_in += cw_r%d[cw_t];", r);
  ce->indent--;
  ce_line(ce, "}");
  ce_line(ce, "if (!cw_in) break;");
  ce->indent--;
  ce_line(ce, "}");
  int saved_guards = ce->nguards;
  char *run = arena_printf(&ce->arena, "cw_r%d[cw_t]", r);
  if (S->calls) { /* one copy: calls are inlined into it, keep the C small */
    push_guard(ce, run);
    emit_ptl_prefixed(ce, &body, 1, S->ivar);
    ce->nguards--;
    ce->indent--;
    ce_line(ce, "}");
    return;
  }
  ce_line(ce, "if (cw_in == cw_nt) {");
  ce->indent++;
  if (S->streams.len && S->sgn)
    emit_stream_prefetch(ce, &S->streams, S->i, j, NULL, S->tn, S->ut, S->st, S->ivar);
  ce->nguards = 0; /* every thread is in: the guards hold */
  emit_ptl_prefixed(ce, &body, 1, S->ivar);
  ce->nguards = saved_guards;
  ce->indent--;
  ce_line(ce, "} else {");
  ce->indent++;
  push_guard(ce, run); /* the flag implies the enclosing guards */
  emit_ptl_prefixed(ce, &body, 1, S->ivar);
  ce->nguards--;
  ce->indent--;
  ce_line(ce, "}");
  ce->indent--;
  ce_line(ce, "}");
}

/* A bounded strided loop at the top of a group function (c_group.c):
 * the group's blocks run iteration j one after another, then j + 1, so
 * that consecutive blocks' chunks (a grid-stride loop's, side by side in
 * memory) are read together, where one block at a time reads a chunk of
 * each far-apart step.  Only where the first stream's array is past the
 * cache (cw_far): in a 16-core Xeon's 300 MiB L3, 16 threads, the 64 MiB
 * float sum took 0.47-0.60 ms in step against 0.27-0.36 in tiles, block
 * by block (the tiles keep the sums in registers; in step they are loaded
 * and stored every step); else each block runs the block function's way.
 * cw_jgJ, the iterations that every thread of every block of the group
 * runs, go in step; each block then runs the rest of its own as
 * strided_rest does.  The prefetch flags are the last block's
 * (they only steer prefetches).  The group's block scope is closed around
 * the loop and opened again after it. */
static void emit_strided_group(CEmit *ce, const Strided *S) {
  int j = S->j, nst = S->streams.len;
  const KExpr *c = S->s->cond;
  ce->group_used = true;
  ce_group_close(ce);
  ce_line(ce, "{ /* strided loop, the group's blocks in step */");
  ce->indent++;
  ce_line(ce, "uint64_t cw_jg%d = UINT64_MAX; /* iterations every thread of the group runs */", j);
  for (int k = 0; k < nst; k++) ce_line(ce, "int cw_gfar%d_%d = 0; size_t cw_gpf%d_%d = 0;", j, k, j, k);
  ce_group_open(ce);
  strided_prepass(ce, S);
  ce_line(ce, "uint64_t cw_jf%d = 0;", j);
  ce_line(ce, "if (cw_mono%d && (int64_t)cw_amax%d %s cw_b%d) cw_jf%d = %s;", j, j, c->op == KOP_LT ? "<" : "<=", j, j,
          full_iterations(ce, j, c->op == KOP_LT));
  ce_line(ce, "if (cw_jf%d < cw_jg%d) cw_jg%d = cw_jf%d;", j, j, j, j);
  for (int k = 0; k < nst; k++)
    ce_line(ce, "cw_gfar%d_%d = cw_far%d_%d; cw_gpf%d_%d = cw_pf%d_%d;", j, k, j, k, j, k, j, k);
  ce_group_close(ce);
  if (nst) /* from the cache, many threads at once, the steps in tiles were faster */
    ce_line(ce, "if (!cw_gfar%d_0) cw_jg%d = 0; /* the array is in the cache: block by block */", j, j);
  ce_line(ce, "for (uint64_t cw_j%d = 0; cw_j%d < cw_jg%d; cw_j%d++) {", j, j, j, j);
  ce->indent++;
  ce_group_open(ce);
  /* the stride may be a block's own scalar */
  ce_line(ce, "const %s cw_js%d = (%s)((%s)cw_j%d * (%s)(%s));", S->tn, j, S->tn, S->ut, j, S->ut, S->st);
  for (int k = 0; k < nst; k++)
    ce_line(ce, "const int cw_far%d_%d = cw_gfar%d_%d; const size_t cw_pf%d_%d = cw_gpf%d_%d;", j, k, j, k, j, k,
            j, k);
  if (nst) emit_stream_prefetch(ce, &S->streams, S->i, j, NULL, S->tn, S->ut, S->st, S->ivar);
  int saved_guards = ce->nguards;
  ce->nguards = 0; /* every thread is in: the guards hold */
  KStmt *body = S->body;
  emit_ptl_prefixed(ce, &body, 1, S->ivar);
  ce->nguards = saved_guards;
  ce_group_close(ce);
  ce->indent--;
  ce_line(ce, "}");
  ce_group_open(ce);
  strided_prepass(ce, S);
  const char *start = arena_printf(&ce->arena, "cw_jg%d", j);
  if (S->tiled) { /* none in step: the block function's tiles */
    start = arena_printf(&ce->arena, "cw_jt%d", j);
    ce_line(ce, "uint64_t cw_jt%d = cw_jg%d;", j, j);
    ce_line(ce, "if (cw_jg%d == 0) {", j);
    ce->indent++;
    emit_strided_tiles(ce, &S->body, S->i, j, c->op == KOP_LT, S->tn, S->ut, S->st, S->ivar, &S->streams);
    ce_line(ce, "cw_jt%d = cw_jf%d;", j, j);
    ce->indent--;
    ce_line(ce, "}");
  }
  strided_rest(ce, S, start);
  ce_group_close(ce);
  ce->indent--;
  ce_line(ce, "}");
  ce_group_open(ce);
}

static bool emit_strided_loop(CEmit *ce, const KStmt *s) {
  const KStmt *b = s->body, *decl = s->init_stmt;
  if (s->loop_kind != KLOOP_FOR || !decl || decl->kind != KS_DECL || !s->cond ||
      kir_block_loop(&ce->bl, s) ||
      !b || b->kind != KS_BLOCK || b->nstmts != 2 || b->stmts[1]->kind != KS_BARRIER ||
      b->stmts[1]->scope != KBAR_VIRTUAL || kir_stmt_has_split(b->stmts[0]) ||
      kir_leaves_loop(b->stmts[0], s->label))
    return false;
  KVar *i = decl->var;
  const KExpr *a = decl->init ? decl->init : i->init;
  bool unit;
  const KExpr *stride = stride_of(s->step, i, &unit);
  if (!a || !stride || !kt_is_int(i->type) || (i->type->size != 4 && i->type->size != 8) ||
      ce_is_promoted(ce, i) || kir_stmt_writes_var(b->stmts[0], i) ||
      !ce_expr_recomputable(ce, a, NULL) || !ce_expr_recomputable(ce, s->cond, i) ||
      (!unit && (!ce_expr_recomputable(ce, stride, NULL) || !kir_expr_uniform(&ce->uni, stride))))
    return false;
  Strided S = {.s = s, .i = i, .body = b->stmts[0]};
  StrBuf tn;
  sb_init(&tn);
  ce_type_name(&tn, i->type);
  S.tn = arena_strdup(&ce->arena, tn.data);
  sb_free(&tn);
  S.ut = i->type->size == 8 ? "uint64_t" : "uint32_t";
  S.r = new_state(ce, 'r');
  S.j = ce->next_id++;
  S.at = expr_text(ce, a, "cw_t");
  S.st = unit ? "1" : expr_text(ce, stride, "cw_t");
  /* A signed index is computed as start + offset in signed arithmetic
   * (affine in the thread counter, so loads vectorise): where that
   * overflows, the loop's own `i += stride` would have overflowed first. */
  S.sgn = kt_is_signed(i->type);
  S.ivar = S.sgn ? arena_printf(&ce->arena, "%s %s = (%s)(%s) + cw_js%d;", S.tn, ce_var_name(ce, i), S.tn,
                                S.at, S.j)
                 : arena_printf(&ce->arena, "%s %s = (%s)((%s)(%s) + (%s)cw_j%d * (%s)(%s));", S.tn,
                                ce_var_name(ce, i), S.tn, S.ut, S.at, S.ut, S.j, S.ut, S.st);
  const KExpr *c = s->cond;
  S.calls = kir_stmt_calls(S.body);
  S.bounded = S.sgn && i->type->size == 4 && !S.calls && c->kind == KE_BINARY &&
              (c->op == KOP_LT || c->op == KOP_LE) && c->a->kind == KE_VAR && c->a->var == i &&
              ce_expr_recomputable(ce, c->b, NULL) && kir_expr_uniform(&ce->uni, c->b);
  Streams st_ctx = {i, &S.streams, &ce->arena};
  kir_walk_any(S.body, collect_stream, NULL, &st_ctx);
  S.tiled = S.bounded && ce_ptl_independent(&S.body, 1) && carries_per_thread(ce, S.body);
  if (S.bounded && ce_group_top(ce)) {
    emit_strided_group(ce, &S);
    return true;
  }
  strided_prepass(ce, &S);
  if (S.tiled) emit_strided_tiles(ce, &S.body, i, S.j, c->op == KOP_LT, S.tn, S.ut, S.st, S.ivar, &S.streams);
  strided_rest(ce, &S, S.tiled ? arena_printf(&ce->arena, "cw_jf%d", S.j) : "0");
  return true;
}

/* the state cw_lN[] (its name is the handle): 0 running, 1 left, 2 continued */
static const void *shape_thread_loop(void *t, KStmt *s, KShapeStep step, const void *h) {
  CEmit *ce = t;
  const char *l = h;
  char *runs = l ? arena_printf(&ce->arena, "%s[cw_t] == 0", l) : NULL;
  switch (step) {
  case KSS_OPEN:
    new_state(ce, 'l');
    return ce->state_arrays.items[ce->state_arrays.len - 1];
  case KSS_ENTER: /* after the PTL that set the loop's own variable */
    ce_line(ce, "/* loop with a barrier inside: %s[t] 0 running, 1 left, 2 continued */", l);
    ce_line(ce, "memset(%s, 0, cw_nt);", l);
    ce_line(ce, "for (;;) {");
    ce->indent++;
    return l;
  case KSS_TEST:
    loop_cond_ptl(ce, s, l, runs);
    any_running(ce, runs);
    break;
  case KSS_BODY: push_guard(ce, runs); break;
  case KSS_END: ce->nguards--; break;
  case KSS_CLOSE:
    if (has_continue(s->body)) ptl_text(ce, NULL, arena_printf(&ce->arena, "if (%s[cw_t] == 2) %s[cw_t] = 0;", l, l));
    if (s->step) ptl_text(ce, runs, arena_printf(&ce->arena, "%s;", expr_text(ce, s->step, "cw_t")));
    if (s->loop_kind == KLOOP_DO) {
      if (is_const_false(s->cond)) {
        ce_line(ce, "break;");
      } else {
        loop_cond_ptl(ce, s, l, runs);
        any_running(ce, runs);
      }
    }
    ce->indent--;
    ce_line(ce, "}");
    break;
  default: break;
  }
  return h;
}

/* ---- collectives ------------------------------------------------------
 * Warp lowering is src/kir/passes/warp.c's, which barrier fission for the
 * WebAssembly target uses too: block-level declarations (exchange arrays,
 * plain C arrays of the block function here), then per-thread loops over
 * every thread (clear), over the threads that reach the collective
 * (publish; guards as for any PTL), over every thread (gather: each
 * warp's first lane packs its words) and over the threads that reach it
 * again, computing each one's result into the collective's promoted
 * temporary (lower_splits.c hoisted it).  Each loop writes only its own
 * thread's elements (gather: its warp's words, from the first lane), and
 * reads of other threads' elements are of what an earlier loop wrote, so
 * their iterations are independent like any other PTL's.
 * Check mode first reports synccheck errors for the threads that reach
 * it, per warp. */

static const char *arg_at(CEmit *ce, const KExpr *e, int i, const char *tidx,
                          const char *dflt) {
  if (i >= e->nargs) return dflt;
  return expr_text(ce, e->args[i], tidx);
}

static bool is_block_collective(KBuiltinId b) {
  return b == KB_SYNCTHREADS_COUNT || b == KB_SYNCTHREADS_AND || b == KB_SYNCTHREADS_OR;
}

static void check_collective(CEmit *ce, const KStmt *s) {
  const KExpr *e = s->init;
  char *g = guard_text(ce, NULL);
  const char *alive = ce->has_exit ? "!cw_exit[cw_t]" : NULL;
  if (is_block_collective(e->builtin)) {
    KStmt bar = {.kind = KS_BARRIER, .scope = KBAR_BLOCK, .loc = s->loc};
    StrBuf name;
    sb_init(&name);
    sb_printf(&name, "%s()", kb_info(e->builtin)->name);
    ce_check_sync_barrier(ce, &bar, name.data, g, alive);
    sb_free(&name);
    return;
  }
  if (e->builtin == KB_ACTIVEMASK) return;
  ce_line(ce, "for (uint32_t cw_w = 0; cw_w < cw_nt; cw_w += 32) { /* %s: lanes that reach it, per warp */",
          kb_info(e->builtin)->name);
  ce->indent++;
  ce_line(ce, "const uint32_t cw_n = cw_nt - cw_w < 32 ? cw_nt - cw_w : 32;");
  ce_line(ce, "uint32_t cw_act = 0;");
  ce_line(ce, "for (uint32_t cw_l = 0; cw_l < cw_n; cw_l++) { const uint32_t cw_t = cw_w + cw_l; if (%s) cw_act |= 1u << cw_l; }",
          g ? g : "1");
  ce_check_sync_collective(ce, e, arg_at(ce, e, 0, "cw_t", NULL), alive);
  ce->indent--;
  ce_line(ce, "}");
}

static void emit_ptl_steps(CEmit *ce, const PtrVec *stmts) {
  if (stmts->len) emit_ptl_once(ce, (KStmt *const *)stmts->items, stmts->len);
}

/* A u32 variable that the block function has in scope under this name
 * (cw_t in a PTL, cw_nt). */
static KExpr *c_name_expr(CEmit *ce, const char *name) {
  KVar *v = arena_alloc(&ce->arena, sizeof *v);
  v->kind = KV_LOCAL;
  v->name = v->cname = name;
  v->type = ce->m->t_u32;
  v->as = AS_LOCAL;
  v->id = -1;
  KExpr *e = arena_alloc(&ce->arena, sizeof *e);
  e->kind = KE_VAR;
  e->type = v->type;
  e->var = v;
  return e;
}

/* The steps of `T x = collective(…)`, which shapes.c places: warp.c's
 * lowering with the PTL's thread id, its block statements (arrays of the
 * block function), each of its thread loops a PTL of its own. */
static bool shape_lower_collective(void *t, KStmt *s, KCollective *k) {
  CEmit *ce = t;
  return kir_lower_collective(&ce->arena, ce->m, s->init, s->var, &ce->next_id,
                              c_name_expr(ce, "((uint32_t)cw_t)"), c_name_expr(ce, "cw_nt"), k, ce->d);
}

static void shape_collective_block(void *t, KStmt *s, const KCollective *k) {
  CEmit *ce = t;
  if (ce->check) check_collective(ce, s);
  ce_line(ce, "/* %s */", kb_info(s->init->builtin)->name);
  for (int i = 0; i < k->block.len; i++) {
    const KStmt *b = k->block.items[i];
    if (b->kind == KS_DECL) b->var->as = AS_LOCAL; /* an array of the block function */
    ce_stmt(ce, b);
  }
}

static void shape_collective_loop(void *t, const PtrVec *stmts, bool every_thread, bool ends) {
  CEmit *ce = t;
  (void)ends; /* each is a PTL of its own */
  int saved = ce->nguards;
  if (every_thread) ce->nguards = 0;
  emit_ptl_steps(ce, stmts);
  ce->nguards = saved;
}

static bool shape_guarded(void *t) { return ((CEmit *)t)->nguards > 0; }

static void emit_barrier(CEmit *ce, const KStmt *s) {
  if (s->scope == KBAR_GRID) { /* every thread of the block is here: wait for the others */
    ce_line(ce, "/* grid_group::sync() */");
    ce_line(ce, "cw_ctx->grid_sync_fn(cw_ctx);");
    return;
  }
  ce_line(ce, "/* %s */", s->scope == KBAR_WARP    ? "__syncwarp()"
                          : s->scope == KBAR_BLOCK ? "__syncthreads()"
                          : ce->ptl_row            ? "the row's threads step through the loop together"
                                                   : "threads step through the loop together");
  if (s->scope != KBAR_VIRTUAL) {
    ce_check_barrier(ce);
    ce_check_sync_barrier(ce, s, s->scope == KBAR_WARP ? "__syncwarp()" : "__syncthreads()",
                          guard_text(ce, NULL), ce->has_exit ? "!cw_exit[cw_t]" : NULL);
  }
}

/* a switch with a barrier inside: the case each thread enters in
 * cw_sN[], whether it left by `break` in cw_wN[] (its name is the
 * handle); case k's PTLs run the threads that entered at case k or before
 * (falling through) and are still in */
static const void *shape_thread_switch(void *t, KStmt *s, KShapeStep step, const void *h) {
  CEmit *ce = t;
  const char *w = h;
  if (step == KSS_BODY) push_guard(ce, arena_printf(&ce->arena, "%s[cw_t] == 0", w));
  if (step == KSS_END) ce->nguards--;
  if (step == KSS_CLOSE) ce->switch_sel.len--;
  if (step != KSS_OPEN) return h;
  PtrVec crossing = {0}; /* locals a later case reads (falling through) */
  kir_switch_crossing(&ce->arena, s, &crossing);
  for (int i = 0; i < crossing.len; i++) promote(ce, crossing.items[i]);
  int id = new_state(ce, 'w');
  w = ce->state_arrays.items[ce->state_arrays.len - 1];
  const char *sel = arena_printf(&ce->arena, "cw_s%d", id);
  vec_push(&ce->arena, &ce->case_arrays, (void *)sel);
  vec_push(&ce->arena, &ce->switch_sel, (void *)sel);
  const KStmt *body = s->body;
  int ncase = 0, def = -1;
  for (int i = 0; i < body->nstmts; i++)
    if (body->stmts[i]->kind == KS_CASE) {
      if (body->stmts[i]->is_default) def = ncase;
      ncase++;
    }
  ce_line(ce, "/* switch with a barrier inside: %s[t] the case thread t enters, %s[t] 1 once it left */", sel, w);
  ptl_open(ce, NULL);
  ce_line(ce, "switch (%s) {", expr_text(ce, s->cond, "cw_t"));
  for (int i = 0, k = 0; i < body->nstmts; i++) {
    const KStmt *c = body->stmts[i];
    if (c->kind != KS_CASE) continue;
    if (!c->is_default) ce_line(ce, "case %lld: %s[cw_t] = %d; break;", (long long)c->case_value, sel, k);
    k++;
  }
  ce_line(ce, "default: %s[cw_t] = %d; break;", sel, def >= 0 ? def : ncase);
  ce_line(ce, "}");
  ce_line(ce, "%s[cw_t] = 0;", w);
  ptl_close(ce);
  return w;
}

static void shape_switch_case(void *t, KStmt *s, int k, bool on, const void *h) {
  CEmit *ce = t;
  (void)s, (void)h;
  if (on) push_guard(ce, arena_printf(&ce->arena, "%s[cw_t] <= %d", (const char *)ce->switch_sel.items[ce->switch_sel.len - 1], k));
  else ce->nguards--;
}

static void shape_barrier(void *t, KStmt *s) { emit_barrier(t, s); }

static void shape_other(void *t, KStmt *s) {
  CEmit *ce = t;
  ce_error(ce, s->loc, "barrier or warp collective in this position (%s) is "
                       "not supported by the CPU backend yet",
           s->kind == KS_SWITCH ? "inside a switch" : "inside an expression");
}

static const KShapeOps c_shapes = {
    .keep = shape_keep,
    .threads = shape_threads,
    .block_stmt = shape_block_stmt,
    .column = shape_column,
    .thread_stmt = shape_thread_stmt,
    .lower_collective = shape_lower_collective,
    .collective_block = shape_collective_block,
    .collective_loop = shape_collective_loop,
    .guarded = shape_guarded,
    .barrier = shape_barrier,
    .own = shape_own,
    .other = shape_other,
    .block_if = shape_block_if,
    .block_loop = shape_block_loop,
    .stop_if_all_returned = shape_stop_if_all_returned,
    .thread_if = shape_thread_if,
    .thread_loop = shape_thread_loop,
    .thread_switch = shape_thread_switch,
    .switch_case = shape_switch_case,
};

/* ---- the kernel function ----------------------------------------------- */

void ce_kernel_params(CEmit *ce, const KFunc *f) {
  for (int i = 0; i < f->nparams; i++) {
    KVar *p = f->params[i];
    StrBuf d, c;
    sb_init(&d);
    sb_init(&c);
    ce_type_decl(&d, p->type, p->cname);
    ce_type_decl(&c, p->type, p->type->kind == KT_ARRAY ? "(*)" : "*");
    ce_line(ce, "%s = *(%s)cw_args[%d];", d.data, c.data, i);
    sb_free(&d);
    sb_free(&c);
  }
  if (!f->nparams) ce_line(ce, "(void)cw_args;");
}

static void emit_thread_state(CEmit *ce) {
  for (int i = 0; i < ce->scalars.len; i++) {
    KVar *v = ce->scalars.items[i];
    StrBuf d;
    sb_init(&d);
    ce_type_decl(&d, v->type, ce_var_name(ce, v));
    ce_line(ce, "%s; /* uniform: one per block */", d.data);
    sb_free(&d);
  }
  for (int i = 0; i < ce->promoted.len; i++) {
    KVar *v = ce->promoted.items[i];
    StrBuf d, in;
    sb_init(&d);
    sb_init(&in);
    sb_printf(&in, "%s[cw_nt]", ce_var_name(ce, v));
    ce_type_decl(&d, v->type, in.data);
    ce_line(ce, "%s; /* per thread */", d.data);
    sb_free(&d);
    sb_free(&in);
  }
  for (int i = 0; i < ce->state_arrays.len; i++)
    ce_line(ce, "unsigned char %s[cw_nt];", (char *)ce->state_arrays.items[i]);
  for (int i = 0; i < ce->case_arrays.len; i++)
    ce_line(ce, "int32_t %s[cw_nt];", (char *)ce->case_arrays.items[i]);
  if (ce->has_exit) {
    ce_line(ce, "unsigned char cw_exit[cw_nt]; /* thread has returned */");
    ce_line(ce, "memset(cw_exit, 0, cw_nt);");
  }
}

/* a block-wide scalar is not recomputed (kir_find_remat's skip) */
static bool kept_as_scalar(const void *ce, const KVar *v) { return ce_is_scalar(ce, v); }

/* The kernel's body into text: fission's walk, from a clean per-kernel
 * state (a second walk writes the group function, c_group.c: group). */
static void walk_kernel(CEmit *ce, const KFunc *f, KStmt *body, StrBuf *text, bool group) {
  ce->fn = f;
  ce->in_kernel = true;
  ce->tidx = "cw_t";
  ce->promoted.len = 0;
  ce->state_arrays.len = ce->case_arrays.len = ce->switch_sel.len = 0;
  ce->nguards = ce->jumps.len = 0;
  ce->ptl = -1;
  ce->split = kir_stmt_has_split(body);
  ce->has_exit = ce->split && kir_has_kernel_return(body);
  ce->rows = kir_walk_any(body, thread_rows, NULL, NULL);
  ce->ptl_row = 0;
  ce->remat.vars.len = ce->remat.inits.len = 0;
  find_scalars(ce, f, body); /* none without a split: one PTL */
  if (ce->split) kir_find_remat(&ce->arena, body, kept_as_scalar, ce, &ce->remat);
  StrBuf *saved = ce->out;
  ce->out = text;
  ce->indent = 1;
  ce->grouping = group;
  ce->group_used = false;
  if (group) ce_group_open(ce);
  if (ce->has_exit) push_guard(ce, "!cw_exit[cw_t]");
  ce->walk = (KShapeWalk){.ops = &c_shapes, .target = ce, .a = &ce->arena, .bl = &ce->bl,
                          .remat = &ce->remat, .jumps = &ce->jumps, .exits = ce->has_exit};
  if (ce->split) kir_shapes_stmt(&ce->walk, body);
  else emit_ptl(ce, &body, 1);
  if (group) ce_group_close(ce);
  ce->grouping = false;
  ce->out = saved;
}

void ce_kernel(CEmit *ce, const KFunc *f) {
  static const KLowerSplits lower = {.target = "the C target"};
  KStmt *body = kir_converge_warps(&ce->arena, kir_lower_splits(&ce->arena, ce->m, f, &ce->next_id, &lower, ce->d));
  SrcLoc where;
  const char *why = ce_fission_blocker(body, &where);
  if (why) {
    ce->in_kernel = true;
    ce->fn = f;
    ce->tidx = "cw_t";
    ce_kernel_fiber(ce, f, body, why);
    ce->in_kernel = false;
    return;
  }
  body = kir_split_versions(&ce->arena, body, &ce->next_id);
  ce_interchange_loops(ce, body);
  ce_race_solo_find(ce, f, body);
  ce_race_interval_find(ce, body);
  StrBuf text, *saved = ce->out;
  sb_init(&text);
  walk_kernel(ce, f, body, &text, false);
  ce->out = saved;
  ce->indent = 1;
  const bool narrow = ce_narrow_vectors(ce, body);
  if (narrow) sb_puts(ce->out, "CW_NARROW_VECTORS_BEGIN\n");
  sb_printf(ce->out, "/* kernel %s%s */\nCW_INLINE void cwb_%s(cw_rt_ctx *cw_ctx, "
                     "void **cw_args, const int cw_fast) {\n",
            f->name, ce->split ? " (split at barriers)" : "", f->cname);
  ce_line(ce, "CW_KERNEL_PROLOGUE");
  if (ce->check_access) /* CW_CHK_SHR: memcheck's bounds test, or none */
    ce_line(ce, "const int cw_bounds = (cw_ctx->check_flags & %d) != 0; (void)cw_bounds;",
            CW_CHECK_BOUNDS);
  /* the checks of what runs once for the block (uniform conditions,
   * block-level statements: shapes.c) report it as thread 0's; each PTL
   * declares its own thread indices over these */
  if (ce->check_access && ce->split) ce_fixed_thread(ce, false);
  ce_kernel_params(ce, f);
  emit_thread_state(ce);
  if (text.data) sb_puts(ce->out, text.data);
  sb_puts(ce->out, "}\n");
  if (ce->exact_apart) /* the exact copy from a second object (c_prelude.c) */
    sb_printf(ce->out, "#ifdef CW_EXACT_APART\ncw_kernel_fn cwx_%s;\n#define cwb_%s_exact cwx_%s\n"
                       "#else\n", f->cname, f->cname, f->cname);
  sb_printf(ce->out, "CW_EXACT_COPY void cwb_%s_exact(cw_rt_ctx *cw_ctx, void **cw_args) {\n"
                     "  cwb_%s(cw_ctx, cw_args, 0);\n}\n", f->cname, f->cname);
  if (ce->exact_apart) sb_puts(ce->out, "#endif\n");
  sb_printf(ce->out, "void cwk_%s(cw_rt_ctx *cw_ctx, void **cw_args) {\n"
                     "  CW_KERNEL_DISPATCH%s(cwb_%s)\n}\n\n",
            f->cname, ce->rows ? "_ROWS" : "", f->cname);
  sb_free(&text);
  if (ce_group_wanted(ce, body)) { /* a second walk: the group function */
    StrBuf group;
    sb_init(&group);
    walk_kernel(ce, f, body, &group, true);
    if (ce->group_used) ce_group_function(ce, f, group.data);
    sb_free(&group);
  }
  if (narrow) sb_puts(ce->out, "CW_NARROW_VECTORS_END\n\n");
  ce->indent = 0;
  ce->in_kernel = false;
  ce->solo_ro = ce->solo_priv = 0;
  ce->shared_safe.len = 0;
}
