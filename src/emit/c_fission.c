/*
 * c_fission.c — kernels as C functions that run a whole thread block.
 *
 * A kernel without barriers or warp collectives is one per-thread loop
 * (PTL): CW_FOR_EACH_THREAD { body }, a counted loop over threadIdx.x
 * innermost, which the C compiler can vectorise.  Otherwise the kernel is
 * split ("barrier fission") after c_lower.c has made every split point a
 * statement of its own.  Shapes and the path each takes:
 *
 *  - straight-line code between barriers: consecutive statements without a
 *    split point form one PTL; the barrier is the gap between two PTLs.
 *    A local declared in one PTL and used in a later one is "promoted" to a
 *    per-thread array `T x[cw_nt]` (indexed by the linear thread id);
 *    others stay ordinary C locals of the PTL body.
 *  - `if` containing a split: the condition is evaluated per thread into a
 *    predicate array cw_pN[]; both branches are emitted as regions whose
 *    PTLs only run threads with the right predicate.  Works for divergent
 *    conditions too (each barrier then syncs the threads that reach it).
 *  - loops containing a split: a per-thread state array cw_lN[] (0 running,
 *    1 left the loop, 2 `continue`d this iteration); the loop runs while
 *    any thread is running; the condition and step are PTLs; `break`,
 *    `continue` set the state.  Uniform loops (what CUDA requires) and
 *    divergent trip counts both work.
 *  - `return` in a split kernel: cw_exit[t] = 1; exited threads are
 *    skipped by every later PTL and no longer take part in barriers, like
 *    exited threads on the GPU; nothing can hang (there is no waiting).
 *  - device functions containing splits are inlined by c_lower.c; their
 *    `return` leaves a `do {} while (0)` wrapper loop as above.
 *  - warp collectives (__shfl*_sync, votes, ballot, match, __reduce_*,
 *    __activemask) and __syncthreads_count/and/or: their operands were
 *    hoisted into promoted temporaries; the collective itself is an
 *    exchange loop over each warp's 32 lanes (lanes = linear thread id /
 *    32) computing every active lane's result with CUDA's definition
 *    (PTX shfl segment/clamp rules, mask & active lanes).  `Active` means
 *    the lane's PTL guard holds, so collectives in divergent code see the
 *    right __activemask().
 *  - __syncwarp: a split like __syncthreads (stronger, still correct).
 *
 * Not handled yet (reported as errors, never miscompiled): a barrier or
 * collective inside a `switch` body, between `goto` and its label, or in a
 * loop's step expression.  The planned general path for those is one
 * coroutine per thread (ucontext) switched at barriers.
 */
#include "c_internal.h"

#include <stdio.h>
#include <string.h>

/* ---- helpers --------------------------------------------------------- */

static bool expr_refs_var(const KExpr *e, const KVar *v) {
  if (!e) return false;
  if (e->kind == KE_VAR && e->var == v) return true;
  if (expr_refs_var(e->a, v) || expr_refs_var(e->b, v) || expr_refs_var(e->c, v))
    return true;
  for (int i = 0; i < e->nargs; i++)
    if (expr_refs_var(e->args[i], v)) return true;
  return false;
}

static bool stmt_refs_var(const KStmt *s, const KVar *v) {
  if (!s) return false;
  for (int i = 0; i < s->nstmts; i++)
    if (stmt_refs_var(s->stmts[i], v)) return true;
  return expr_refs_var(s->init, v) || expr_refs_var(s->e, v) ||
         expr_refs_var(s->cond, v) || expr_refs_var(s->step, v) ||
         stmt_refs_var(s->then, v) || stmt_refs_var(s->els, v) ||
         stmt_refs_var(s->init_stmt, v) || stmt_refs_var(s->body, v);
}

static bool has_kernel_return(const KStmt *s) {
  if (!s) return false;
  if (s->kind == KS_RETURN && !s->label) return true;
  for (int i = 0; i < s->nstmts; i++)
    if (has_kernel_return(s->stmts[i])) return true;
  return has_kernel_return(s->then) || has_kernel_return(s->els) ||
         has_kernel_return(s->init_stmt) || has_kernel_return(s->body);
}

static bool has_continue(const KStmt *s) {
  if (!s) return false;
  if (s->kind == KS_CONTINUE) return true;
  for (int i = 0; i < s->nstmts; i++)
    if (has_continue(s->stmts[i])) return true;
  return has_continue(s->then) || has_continue(s->els) || has_continue(s->body);
}

static void promote(CEmit *ce, KVar *v) {
  if (v->as == AS_SHARED || v->is_static || v->kind == KV_GLOBAL) return;
  if (ce_is_promoted(ce, v)) return;
  for (int i = 0; i < ce->promoted.len; i++) {
    const KVar *o = ce->promoted.items[i];
    if (!strcmp(ce_var_name(ce, o), v->cname)) { /* same name, other scope */
      ce_rename(ce, v, arena_printf(&ce->arena, "%s_%d", v->cname, ce->next_id++));
      break;
    }
  }
  vec_push(&ce->arena, &ce->promoted, v);
}

static int new_state(CEmit *ce, char kind) {
  int id = ce->next_id++;
  vec_push(&ce->arena, &ce->state_arrays,
           arena_printf(&ce->arena, "cw_%c%d", kind, id));
  return id;
}

static void push_guard(CEmit *ce, const char *g) {
  if (ce->nguards < 64) ce->guards[ce->nguards] = g;
  ce->nguards++;
}

/* The conjunction of the enclosing predicates for thread cw_t, or NULL. */
static char *guard_text(CEmit *ce, const char *extra) {
  StrBuf sb;
  sb_init(&sb);
  int n = ce->nguards < 64 ? ce->nguards : 64;
  for (int i = 0; i < n; i++)
    sb_printf(&sb, "%s%s", sb.len ? " && " : "", ce->guards[i]);
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
  ce_line(ce, "CW_FOR_EACH_THREAD {");
  ce->indent++;
  char *g = guard_text(ce, extra_guard);
  if (g) ce_line(ce, "if (!(%s)) continue;", g);
}

static void ptl_close(CEmit *ce) {
  ce->indent--;
  ce_line(ce, "}");
}

/* A PTL whose body is one line of text. */
static void ptl_text(CEmit *ce, const char *extra_guard, const char *text) {
  ptl_open(ce, extra_guard);
  ce_line(ce, "%s", text);
  ptl_close(ce);
}

static void emit_ptl(CEmit *ce, KStmt *const *stmts, int n) {
  int saved = ce->ptl;
  ce->ptl = ce->next_id++;
  size_t mark = ce->out->len;
  ptl_open(ce, NULL);
  ce_line(ce, "{");
  ce->indent++;
  size_t body_start = ce->out->len;
  for (int i = 0; i < n; i++) ce_stmt(ce, stmts[i]);
  ce->indent--;
  ce_line(ce, "}");
  char label[32];
  snprintf(label, sizeof label, "cw_next%d;", ce->ptl);
  if (ce->out->data && strstr(ce->out->data + body_start, label))
    ce_line(ce, "cw_next%d:;", ce->ptl);
  ptl_close(ce);
  (void)mark;
  ce->ptl = saved;
}

/* ---- regions ---------------------------------------------------------- */

static void emit_region(CEmit *ce, const KStmt *s);

static void emit_block_region(CEmit *ce, const KStmt *b) {
  int i = 0;
  while (i < b->nstmts) {
    if (stmt_has_split(b->stmts[i])) {
      emit_region(ce, b->stmts[i++]);
      continue;
    }
    int j = i;
    while (j < b->nstmts && !stmt_has_split(b->stmts[j])) j++;
    for (int k = i; k < j; k++) {
      const KStmt *d = b->stmts[k];
      if (d->kind != KS_DECL) continue;
      for (int m = j; m < b->nstmts; m++)
        if (stmt_refs_var(b->stmts[m], d->var)) {
          promote(ce, d->var);
          break;
        }
    }
    emit_ptl(ce, b->stmts + i, j - i);
    i = j;
  }
}

static void emit_if_region(CEmit *ce, const KStmt *s) {
  int p = new_state(ce, 'p');
  char line[64];
  char *cond = expr_text(ce, s->cond, "cw_t");
  StrBuf t;
  sb_init(&t);
  sb_printf(&t, "cw_p%d[cw_t] = (%s) != 0;", p, cond);
  ce_line(ce, "/* if with a barrier inside: predicate per thread */");
  ptl_text(ce, NULL, t.data);
  sb_free(&t);
  snprintf(line, sizeof line, "cw_p%d[cw_t]", p);
  push_guard(ce, arena_strdup(&ce->arena, line));
  emit_region(ce, s->then);
  ce->nguards--;
  if (s->els) {
    snprintf(line, sizeof line, "!cw_p%d[cw_t]", p);
    push_guard(ce, arena_strdup(&ce->arena, line));
    emit_region(ce, s->els);
    ce->nguards--;
  }
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

static void loop_cond_ptl(CEmit *ce, const KStmt *s, int l, const char *run) {
  if (!s->cond) return;
  StrBuf t;
  sb_init(&t);
  sb_printf(&t, "if (!(%s)) cw_l%d[cw_t] = 1;", expr_text(ce, s->cond, "cw_t"), l);
  ptl_text(ce, run, t.data);
  sb_free(&t);
}

static void emit_loop_region(CEmit *ce, const KStmt *s) {
  int l = new_state(ce, 'l');
  char run[48];
  snprintf(run, sizeof run, "cw_l%d[cw_t] == 0", l);
  char *runs = arena_strdup(&ce->arena, run);
  if (s->init_stmt) emit_region(ce, s->init_stmt);
  ce_line(ce, "/* loop with a barrier inside: cw_l%d[t] 0 running, 1 left, 2 continued */", l);
  ce_line(ce, "memset(cw_l%d, 0, cw_nt);", l);
  ce_line(ce, "for (;;) {");
  ce->indent++;
  if (s->loop_kind != KLOOP_DO) {
    loop_cond_ptl(ce, s, l, runs);
    any_running(ce, runs);
  }
  if (ce->ntargets < 64) {
    ce->targets[ce->ntargets].kind = TGT_STATE_LOOP;
    ce->targets[ce->ntargets].state = l;
    ce->targets[ce->ntargets].label = s->label;
  }
  ce->ntargets++;
  push_guard(ce, runs);
  emit_region(ce, s->body);
  ce->nguards--;
  ce->ntargets--;
  if (has_continue(s->body)) {
    char t[64];
    snprintf(t, sizeof t, "if (cw_l%d[cw_t] == 2) cw_l%d[cw_t] = 0;", l, l);
    ptl_text(ce, NULL, t);
  }
  if (s->step) {
    StrBuf t;
    sb_init(&t);
    sb_printf(&t, "%s;", expr_text(ce, s->step, "cw_t"));
    ptl_text(ce, runs, t.data);
    sb_free(&t);
  }
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
}

/* ---- collectives ------------------------------------------------------ */

static const char *arg_at(CEmit *ce, const KExpr *e, int i, const char *tidx,
                          const char *dflt) {
  if (i >= e->nargs) return dflt;
  return expr_text(ce, e->args[i], tidx);
}

static void emit_block_collective(CEmit *ce, const KStmt *s, const char *r) {
  const KExpr *e = s->init;
  char *g = guard_text(ce, NULL);
  const char *gg = g ? g : "1";
  const char *pred = arg_at(ce, e, 0, "cw_t", "0");
  const char *res = e->builtin == KB_SYNCTHREADS_COUNT ? "(int32_t)cw_cnt"
                    : e->builtin == KB_SYNCTHREADS_AND ? "(int32_t)(cw_cnt == cw_in)"
                                                       : "(int32_t)(cw_cnt != 0)";
  ce_line(ce, "{ /* %s: over the block's threads that reach it */",
          kb_info(e->builtin)->name);
  ce->indent++;
  ce_line(ce, "uint32_t cw_cnt = 0, cw_in = 0;");
  ce_line(ce, "for (uint32_t cw_t = 0; cw_t < cw_nt; cw_t++) if (%s) { cw_in++; cw_cnt += (%s) != 0; }",
          gg, pred);
  ce_line(ce, "for (uint32_t cw_t = 0; cw_t < cw_nt; cw_t++) if (%s) %s = %s;", gg, r, res);
  ce->indent--;
  ce_line(ce, "}");
}

static void emit_lane_result(CEmit *ce, const KExpr *e, const char *r) {
  const char *rem = "cw_w + cw_k";
  const char *v = arg_at(ce, e, 1, "cw_t", "0");
  const char *vk = arg_at(ce, e, 1, rem, "0");
  StrBuf tn;
  sb_init(&tn);
  ce_type_name(&tn, e->type);
  int mode = e->builtin == KB_SHFL_UP_SYNC ? 1 : e->builtin == KB_SHFL_DOWN_SYNC ? 2
           : e->builtin == KB_SHFL_XOR_SYNC ? 3 : 0;
  switch (e->builtin) {
  case KB_SHFL_SYNC: case KB_SHFL_UP_SYNC: case KB_SHFL_DOWN_SYNC: case KB_SHFL_XOR_SYNC:
    ce_line(ce, "uint32_t cw_k = cw_shfl_src(%d, cw_l, (uint32_t)(%s), (int32_t)(%s));",
            mode, arg_at(ce, e, 2, "cw_t", "0"), arg_at(ce, e, 3, "cw_t", "32"));
    ce_line(ce, "if (cw_k >= cw_n) cw_k = cw_l;");
    ce_line(ce, "%s = %s;", r, vk);
    break;
  case KB_BALLOT_SYNC: ce_line(ce, "%s = cw_bal & cw_m;", r); break;
  case KB_ALL_SYNC: ce_line(ce, "%s = (cw_m & ~cw_bal) == 0;", r); break;
  case KB_ANY_SYNC: ce_line(ce, "%s = (cw_bal & cw_m) != 0;", r); break;
  case KB_UNI_SYNC:
    ce_line(ce, "%s = (cw_bal & cw_m) == 0 || (cw_bal & cw_m) == cw_m;", r);
    break;
  case KB_ACTIVEMASK: ce_line(ce, "%s = cw_act;", r); break;
  case KB_MATCH_ANY_SYNC: case KB_MATCH_ALL_SYNC:
    ce_line(ce, "uint32_t cw_eq = 0;");
    ce_line(ce, "for (uint32_t cw_k = 0; cw_k < cw_n; cw_k++) if (((cw_m >> cw_k) & 1u) && !memcmp(&%s, &%s, sizeof %s)) cw_eq |= 1u << cw_k;",
            vk, v, v);
    if (e->builtin == KB_MATCH_ANY_SYNC) {
      ce_line(ce, "%s = cw_eq;", r);
    } else {
      ce_line(ce, "%s = cw_eq == cw_m ? cw_m : 0u;", r);
      if (e->nargs > 2)
        ce_line(ce, "*(%s) = cw_eq == cw_m;", arg_at(ce, e, 2, "cw_t", "0"));
    }
    break;
  default: { /* __reduce_*_sync */
    bool uns = !kt_is_signed(e->type);
    const char *acc = e->builtin == KB_REDUCE_ADD_SYNC ? "uint32_t" : tn.data;
    const char *init = e->builtin == KB_REDUCE_MIN_SYNC ? (uns ? "UINT32_MAX" : "INT32_MAX")
                     : e->builtin == KB_REDUCE_MAX_SYNC ? (uns ? "0" : "INT32_MIN")
                     : e->builtin == KB_REDUCE_AND_SYNC ? "~0u" : "0";
    const char *op = e->builtin == KB_REDUCE_ADD_SYNC ? "cw_r = cw_r + (uint32_t)(V);"
                   : e->builtin == KB_REDUCE_MIN_SYNC ? "if ((V) < cw_r) cw_r = (V);"
                   : e->builtin == KB_REDUCE_MAX_SYNC ? "if ((V) > cw_r) cw_r = (V);"
                   : e->builtin == KB_REDUCE_AND_SYNC ? "cw_r &= (V);"
                   : e->builtin == KB_REDUCE_OR_SYNC ? "cw_r |= (V);" : "cw_r ^= (V);";
    StrBuf o;
    sb_init(&o);
    for (const char *p = op; *p; p++) {
      if (*p == 'V') sb_puts(&o, vk);
      else sb_putc(&o, *p);
    }
    ce_line(ce, "%s cw_r = %s;", acc, init);
    ce_line(ce, "for (uint32_t cw_k = 0; cw_k < cw_n; cw_k++) if ((cw_m >> cw_k) & 1u) { %s }", o.data);
    ce_line(ce, "%s = (%s)cw_r;", r, tn.data);
    sb_free(&o);
  }
  }
  sb_free(&tn);
}

static bool is_vote(KBuiltinId b) {
  return b == KB_BALLOT_SYNC || b == KB_ALL_SYNC || b == KB_ANY_SYNC ||
         b == KB_UNI_SYNC;
}

static void emit_warp_collective(CEmit *ce, const KStmt *s, const char *r) {
  const KExpr *e = s->init;
  char *g = guard_text(ce, NULL);
  ce_line(ce, "for (uint32_t cw_w = 0; cw_w < cw_nt; cw_w += 32) { /* %s, per warp */",
          kb_info(e->builtin)->name);
  ce->indent++;
  ce_line(ce, "const uint32_t cw_n = cw_nt - cw_w < 32 ? cw_nt - cw_w : 32;");
  ce_line(ce, "uint32_t cw_act = 0, cw_bal = 0;");
  ce_line(ce, "for (uint32_t cw_l = 0; cw_l < cw_n; cw_l++) { const uint32_t cw_t = cw_w + cw_l; if (%s) cw_act |= 1u << cw_l; }",
          g ? g : "1");
  if (is_vote(e->builtin))
    ce_line(ce, "for (uint32_t cw_l = 0; cw_l < cw_n; cw_l++) { const uint32_t cw_t = cw_w + cw_l; if (((cw_act >> cw_l) & 1u) && (%s) != 0) cw_bal |= 1u << cw_l; }",
            arg_at(ce, e, 1, "cw_t", "0"));
  ce_line(ce, "for (uint32_t cw_l = 0; cw_l < cw_n; cw_l++) {");
  ce->indent++;
  ce_line(ce, "const uint32_t cw_t = cw_w + cw_l;");
  ce_line(ce, "if (!((cw_act >> cw_l) & 1u)) continue;");
  ce_line(ce, "const uint32_t cw_m = (uint32_t)(%s) & cw_act; (void)cw_m;",
          e->builtin == KB_ACTIVEMASK ? "0xffffffffu" : arg_at(ce, e, 0, "cw_t", "0"));
  emit_lane_result(ce, e, r);
  ce->indent--;
  ce_line(ce, "}");
  ce->indent--;
  ce_line(ce, "}");
}

static void emit_collective(CEmit *ce, const KStmt *s) {
  promote(ce, s->var);
  char r[128];
  snprintf(r, sizeof r, "%s[cw_t]", ce_var_name(ce, s->var));
  KBuiltinId b = s->init->builtin;
  if (b == KB_SYNCTHREADS_COUNT || b == KB_SYNCTHREADS_AND || b == KB_SYNCTHREADS_OR)
    emit_block_collective(ce, s, r);
  else emit_warp_collective(ce, s, r);
}

static void emit_region(CEmit *ce, const KStmt *s) {
  if (!stmt_has_split(s)) {
    KStmt *one = (KStmt *)s;
    emit_ptl(ce, &one, 1);
    return;
  }
  switch (s->kind) {
  case KS_BLOCK: emit_block_region(ce, s); return;
  case KS_BARRIER:
    ce_line(ce, "/* %s */", s->scope == KBAR_WARP ? "__syncwarp()" : "__syncthreads()");
    return;
  case KS_IF: emit_if_region(ce, s); return;
  case KS_LOOP: emit_loop_region(ce, s); return;
  case KS_DECL:
    if (s->init && s->init->kind == KE_BUILTIN && kb_is_collective(s->init->builtin)) {
      emit_collective(ce, s);
      return;
    }
    break;
  default: break;
  }
  ce_error(ce, s->loc, "barrier or warp collective in this position (%s) is "
                       "not supported by the CPU backend yet",
           s->kind == KS_SWITCH ? "inside a switch" : "inside an expression");
}

/* ---- the kernel function ----------------------------------------------- */

static void emit_params(CEmit *ce, const KFunc *f) {
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
  if (ce->has_exit) {
    ce_line(ce, "unsigned char cw_exit[cw_nt]; /* thread has returned */");
    ce_line(ce, "memset(cw_exit, 0, cw_nt);");
  }
}

void ce_kernel(CEmit *ce, const KFunc *f) {
  KStmt *body = c_lower_kernel(ce, f);
  ce->fn = f;
  ce->in_kernel = true;
  ce->tidx = "cw_t";
  ce->promoted.len = 0;
  ce->state_arrays.len = 0;
  ce->nguards = ce->ntargets = 0;
  ce->ptl = -1;
  ce->split = stmt_has_split(body);
  ce->has_exit = ce->split && has_kernel_return(body);
  StrBuf text, *saved = ce->out;
  sb_init(&text);
  ce->out = &text;
  ce->indent = 1;
  if (ce->has_exit) push_guard(ce, "!cw_exit[cw_t]");
  if (ce->split) emit_region(ce, body);
  else emit_ptl(ce, &body, 1);
  ce->out = saved;
  ce->indent = 1;
  sb_printf(ce->out, "/* kernel %s%s */\nvoid cwk_%s(cw_rt_ctx *cw_ctx, void **cw_args) {\n",
            f->name, ce->split ? " (split at barriers)" : "", f->cname);
  ce_line(ce, "CW_KERNEL_PROLOGUE");
  emit_params(ce, f);
  emit_thread_state(ce);
  if (text.data) sb_puts(ce->out, text.data);
  sb_puts(ce->out, "}\n\n");
  sb_free(&text);
  ce->indent = 0;
  ce->in_kernel = false;
}
