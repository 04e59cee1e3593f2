/*
 * wgsl_goto.c — goto and labels, for the two shapes kernels use: a jump
 * forward to a label later in an enclosing statement list (leaving loops,
 * skipping code) and a jump back to a label earlier in the same list (a
 * loop written with goto).
 *
 * A forward label L gets a flag cw_ok_L, true until `goto L` clears it;
 * the statement emitter then treats the goto like an early return (see
 * wgsl_stmt.c): it breaks out of the barrier-free loops around it and the
 * statements that follow run only while the flags hold.  The label sets
 * its flag again.  A backward label starts a `loop { … break; }` around
 * the statements up to its last goto, which becomes `continue`; a goto
 * from inside a nested loop, or a jump under thread-dependent control over
 * a barrier, is rejected.
 */
#include "wgsl_internal.h"

#include <string.h>

static WLabel *find(WCtx *c, const char *name) {
  for (int i = 0; i < c->labels.len; i++) {
    WLabel *l = c->labels.items[i];
    if (!strcmp(l->name, name)) return l;
  }
  return NULL;
}

static void scan(WCtx *c, KStmt *s) {
  if (!s) return;
  for (int j = 0; j < s->nstmts; j++) {
    KStmt *l = s->stmts[j];
    if (l->kind != KS_LABEL) continue;
    WLabel *w = arena_alloc(c->a, sizeof *w);
    w->name = l->label;
    w->flag = arena_printf(c->a, "cw_ok_%s", l->label);
    for (int i = 0; i < s->nstmts; i++) {
      if (!kir_has_goto_to(s->stmts[i], l->label)) continue;
      if (i < j) w->forward = true;
      else { w->backward = true; w->last = i; }
    }
    if (w->forward && w->backward)
      w_error(c, l->loc, "the WGSL target does not support label '%s' reached by gotos from before and after it", l->label);
    vec_push(c->a, &c->labels, w);
  }
  for (int i = 0; i < s->nstmts; i++) scan(c, s->stmts[i]);
  scan(c, s->then);
  scan(c, s->els);
  scan(c, s->body);
}

/* Finds the function's labels; declares the forward ones' flags. */
void w_goto_begin(WCtx *c, KStmt *body) {
  c->labels.len = 0;
  scan(c, body);
  for (int i = 0; i < c->labels.len; i++) {
    WLabel *l = c->labels.items[i];
    if (l->forward) w_line(c, "var %s = true;", l->flag);
  }
}

bool w_has_forward_goto(WCtx *c, KStmt *s) {
  if (!s) return false;
  if (s->kind == KS_GOTO) {
    WLabel *l = find(c, s->label);
    return l && l->forward;
  }
  for (int i = 0; i < s->nstmts; i++)
    if (w_has_forward_goto(c, s->stmts[i])) return true;
  return w_has_forward_goto(c, s->then) || w_has_forward_goto(c, s->els) ||
         w_has_forward_goto(c, s->body) || w_has_forward_goto(c, s->init_stmt);
}

/* The condition under which code after a possible jump still runs. */
const char *w_guard(WCtx *c) {
  StrBuf sb;
  sb_init(&sb);
  if (c->live_mode && c->uses_live) sb_puts(&sb, "cw_live");
  for (int i = 0; i < c->labels.len; i++) {
    WLabel *l = c->labels.items[i];
    if (!l->forward) continue;
    if (sb.len) sb_puts(&sb, " && ");
    sb_puts(&sb, l->flag);
  }
  const char *g = arena_strdup(c->a, sb.len ? sb.data : "true");
  sb_free(&sb);
  return g;
}

void w_goto(WCtx *c, KStmt *s) {
  WLabel *l = find(c, s->label);
  if (!l) {
    w_error(c, s->loc, "the WGSL target does not support this goto (label '%s' is not in an enclosing block)", s->label);
    return;
  }
  if (l->forward) {
    w_line(c, "%s = false;", l->flag);
    if (c->loop_depth_plain) w_line(c, "break;");
    return;
  }
  if (!l->active || c->loop_depth_plain != l->depth) {
    w_error(c, s->loc, "the WGSL target does not support a goto back to '%s' from inside another loop or switch", s->label);
    return;
  }
  if (c->varying_depth > l->varying && l->has_barrier) {
    w_error(c, s->loc, "goto '%s' under thread-dependent control flow jumps over a barrier: WGSL needs barriers in uniform control flow", s->label);
    return;
  }
  w_line(c, "continue;");
}

/* At a label in a statement list: a forward label sets its flag again; a
 * backward one wraps ss[j+1 .. last goto] in a loop (returns the index of
 * the last statement it consumed). */
int w_label(WCtx *c, KStmt **ss, int j, int n, void (*list)(WCtx *, KStmt **, int)) {
  WLabel *l = find(c, ss[j]->label);
  if (!l) return j;
  if (l->forward) w_line(c, "%s = true;", l->flag);
  if (!l->backward) return j;
  int last = l->last < n ? l->last : n - 1;
  l->active = true;
  l->depth = c->loop_depth_plain + 1;
  l->varying = c->varying_depth;
  for (int i = j + 1; i <= last; i++) l->has_barrier |= w_has_barrier(c, ss[i]);
  int saved = c->loop_depth_plain;
  c->loop_depth_plain = l->has_barrier ? 0 : saved + 1;
  l->depth = c->loop_depth_plain;
  w_line(c, "loop { // %s:", l->name);
  c->indent++;
  list(c, ss + j + 1, last - j);
  w_line(c, "break;");
  c->indent--;
  w_line(c, "}");
  c->loop_depth_plain = saved;
  l->active = false;
  return last;
}
