/*
 * glsl_goto.c — goto and labels as GLSL's structured control flow.
 *
 * Kernels use two shapes, and a statement list is written with both made
 * structured: a jump forward to a label later in an enclosing list
 * (leaving loops, skipping code), and a jump back to a label earlier in
 * the same list (a loop written with goto).
 *
 * Forward: the statements from the first one that holds a `goto L` up to
 * the label go inside `do { … } while (false);`, and the goto becomes
 * `break`.  Backward: the statements after `L:` up to the last one that
 * holds a `goto L` go inside `while (true) { … break; }`, and the goto
 * becomes `continue`.  A goto inside loops or switches nested in that
 * range sets a flag cw_goN and breaks; after each such loop or switch,
 * `if (cw_goN)` carries the jump on outwards until it reaches its own
 * construct.  Declarations at the top of a range are hoisted before it
 * (their initializer stays in place as an assignment), since code after
 * the label may use them.  A `break` or `continue` of the program that
 * would now land in such a construct instead of its own loop, a goto to a
 * label not in an enclosing list (into a block), and ranges that cross
 * each other are rejected at their line.
 */
#include <string.h>

#include "glsl_internal.h"

static void push_breakable(Gl *g, char kind) {
  if (g->nbrk == (int)sizeof g->brk) {
    gl_error(g, g->at, "control flow nested too deeply for the Vulkan target");
    return;
  }
  g->brk[g->nbrk++] = kind;
}

void gl_enter_breakable(Gl *g, char kind) { push_breakable(g, kind); }

static bool any_goto(KStmt *const *ss, int lo, int hi, const char *label) {
  for (int i = lo; i < hi; i++)
    if (kir_has_goto_to(ss[i], label)) return true;
  return false;
}

/* after a construct holding ss[lo..hi) ends: jumps that left it go on
 * outwards, to their own construct or to the next flag check */
static void carry_on(Gl *g, KStmt *const *ss, int lo, int hi) {
  for (int j = g->njumps - 1; j >= 0; j--) {
    GlJump *J = &g->jumps[j];
    if (!any_goto(ss, lo, hi, J->label)) continue;
    if (g->nbrk - 1 == J->depth && J->back)
      gl_line(g, &g->body, "if (cw_go%d) { cw_go%d = false; continue; }", J->flag, J->flag);
    else
      gl_line(g, &g->body, "if (cw_go%d) break;", J->flag);
  }
}

void gl_leave_breakable(Gl *g, KStmt *s) {
  if (g->nbrk) g->nbrk--;
  carry_on(g, &s, 0, 1);
}

void gl_goto(Gl *g, const KStmt *s) {
  for (int j = g->njumps - 1; j >= 0; j--) {
    GlJump *J = &g->jumps[j];
    if (strcmp(J->label, s->label)) continue;
    if (g->nbrk - 1 == J->depth) gl_line(g, &g->body, "%s", J->back ? "continue;" : "break;");
    else gl_line(g, &g->body, "{ cw_go%d = true; break; }", J->flag);
    return;
  }
  gl_error(g, s->loc, "goto '%s' jumps to a label that is not in an enclosing statement list "
           "(into a block), which the Vulkan target does not support", s->label);
}

/* a break or continue of the program, which must not land in a
 * construct this file made */
bool gl_jump_ok(Gl *g, const KStmt *s) {
  for (int i = g->nbrk - 1; i >= 0; i--) {
    if (g->brk[i] == 'S' && s->kind == KS_CONTINUE) continue;
    if (g->brk[i] != 'W') return true;
    gl_error(g, s->loc, "'%s' inside the range of a goto is not supported on the Vulkan target",
             s->kind == KS_BREAK ? "break" : "continue");
    return false;
  }
  return true;
}

bool gl_hoisted(Gl *g, const KStmt *decl) {
  for (int i = 0; i < g->nhoisted; i++)
    if (g->hoisted[i] == decl) return true;
  return false;
}

/* declarations at the top of a range, declared before it */
static void hoist(Gl *g, KStmt **ss, int lo, int hi) {
  for (int i = lo; i < hi; i++) {
    KStmt *d = ss[i];
    if (d->kind != KS_DECL || gl_hoisted(g, d) || gl_shared_offset(g, d->var) >= 0 ||
        gl_frame_offset(g, d->var) >= 0 || d->var->is_static || d->var->kind == KV_GLOBAL)
      continue;
    if (g->nhoisted == g->caphoisted) {
      int cap = g->caphoisted ? g->caphoisted * 2 : 16;
      const KStmt **n = arena_alloc(g->a, sizeof *n * (size_t)cap);
      if (g->nhoisted) memcpy(n, g->hoisted, sizeof *n * (size_t)g->nhoisted);
      g->hoisted = n, g->caphoisted = cap;
    }
    g->hoisted[g->nhoisted++] = d;
    gl_line(g, &g->body, "%s;", gl_decl(g, d->var->type, gl_ident(g, "l_", d->var->cname), d->loc));
  }
}

static void list(Gl *g, KStmt **ss, int lo, int hi);

/* ss[lo..hi) inside the construct for label `label` */
static void range(Gl *g, KStmt **ss, int lo, int hi, const char *label, bool back) {
  if (g->njumps == (int)(sizeof g->jumps / sizeof *g->jumps)) {
    gl_error(g, ss[lo]->loc, "too many labels for the Vulkan target");
    return;
  }
  hoist(g, ss, lo, hi);
  int flag = g->nflags++;
  gl_line(g, &g->body, "bool cw_go%d = false;", flag);
  gl_line(g, &g->body, "%s", back ? "while (true) {" : "do {");
  push_breakable(g, 'W');
  g->jumps[g->njumps++] = (GlJump){label, back, flag, g->nbrk - 1};
  g->indent++;
  list(g, ss, lo, hi);
  if (back) gl_line(g, &g->body, "break;");
  g->indent--;
  g->njumps--;
  if (g->nbrk) g->nbrk--;
  gl_line(g, &g->body, "%s", back ? "}" : "} while (false);");
  carry_on(g, ss, lo, hi);
}

/* the last statement of ss[i+1..hi) that jumps back to label ss[i], or -1 */
static int back_end(KStmt **ss, int i, int hi) {
  int last = -1;
  if (ss[i]->kind == KS_LABEL)
    for (int k = i + 1; k < hi; k++)
      if (kir_has_goto_to(ss[k], ss[i]->label)) last = k;
  return last;
}

static void list(Gl *g, KStmt **ss, int lo, int hi) {
  for (int i = lo; i < hi;) {
    KStmt *s = ss[i];
    int last = back_end(ss, i, hi);
    int end = last >= 0 ? last + 1 : i + 1; /* s, or the loop the label starts */
    /* the farthest label after it that it jumps forward to */
    int target = -1;
    for (int k = end; k < hi; k++)
      if (ss[k]->kind == KS_LABEL && any_goto(ss, i, end, ss[k]->label)) target = k;
    if (target >= 0) {
      for (int k = i + 1; k < target; k++) /* a range crossing out of this one */
        if (ss[k]->kind == KS_LABEL && any_goto(ss, target, hi, ss[k]->label)) {
          gl_error(g, ss[k]->loc, "gotos whose jumps cross each other (to '%s' and '%s') are not "
                   "supported on the Vulkan target", ss[k]->label, ss[target]->label);
          return;
        }
      range(g, ss, i, target, ss[target]->label, false);
      i = target;
    } else if (last >= 0) {
      range(g, ss, i + 1, last + 1, s->label, true);
      i = last + 1;
    } else {
      if (s->kind != KS_LABEL) gl_stmt(g, s);
      i++;
    }
  }
}

void gl_stmt_list(Gl *g, KStmt **ss, int n) { list(g, ss, 0, n); }
