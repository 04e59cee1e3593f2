/*
 * glsl_stmt.c — KIR statements and functions as GLSL.
 *
 * Statements map one to one (GLSL has C's structured control flow);
 * a for loop's init statement goes into an enclosing block so any
 * declaration form works.  __syncthreads is a workgroup barrier preceded
 * by a workgroup memory barrier (shared and buffer memory, as CUDA's
 * orders both); __syncwarp a subgroup barrier.  __shared__ declarations
 * produce no code: their storage is the kernel's SM array (glsl.c).  A
 * kernel becomes main(), which first reads its parameters from the
 * parameter block; device functions become GLSL functions f_<cname>
 * taking pointers as uint64_t.  Statement lists with labels are
 * restructured by glsl_goto.c.
 */
#include <stdlib.h>

#include "glsl_internal.h"

/* base + off as an address (written as before where addresses are uint64_t) */
static const char *at(Gl *g, const char *base, int off) {
  return g->no_int64 ? gl_addr_add(g, base, off) : gl_fmt(g, "%s + %dul", base, off);
}

static void line(Gl *g, const char *s) { gl_line(g, &g->body, "%s", s); }

static void block_body(Gl *g, KStmt *s) {
  if (s && s->kind == KS_BLOCK)
    gl_stmt_list(g, s->stmts, s->nstmts);
  else if (s)
    gl_stmt(g, s);
}

static void braced(Gl *g, KStmt *s) {
  g->indent++;
  block_body(g, s);
  g->indent--;
}

static void decl(Gl *g, KStmt *s) {
  KVar *v = s->var;
  if (gl_hoisted(g, s)) { /* declared before a goto's construct: only its initializer here */
    KExpr *init = s->init ? s->init : v->init;
    if (init) gl_line(g, &g->body, "%s = %s;", gl_ident(g, "l_", v->cname), gl_init(g, v->type, init, s->loc));
    return;
  }
  if (gl_shared_offset(g, v) >= 0) {
    gl_line(g, &g->body, "// __shared__ %s: SM + %d bytes", v->name, gl_shared_offset(g, v));
    return;
  }
  if (v->is_static || v->kind == KV_GLOBAL) {
    gl_error(g, s->loc, "static local variable '%s' is not supported on the Vulkan target", v->name);
    return;
  }
  int fo = gl_frame_offset(g, v);
  if (fo >= 0) { /* lives in the thread's frame */
    KExpr *in = s->init ? s->init : v->init;
    if (in)
      gl_line(g, &g->body, "%s(%s, %s);", gl_st(g, v->type, 'G', s->loc), at(g, "cw_frame", fo),
              gl_init(g, v->type, in, s->loc));
    else gl_line(g, &g->body, "// %s: cw_frame + %d bytes", v->name, fo);
    return;
  }
  const char *d = gl_decl(g, v->type, gl_ident(g, "l_", v->cname), s->loc);
  KExpr *init = s->init ? s->init : v->init;
  if (init) gl_line(g, &g->body, "%s = %s;", d, gl_init(g, v->type, init, s->loc));
  else gl_line(g, &g->body, "%s;", d);
}

static void loop(Gl *g, KStmt *s) {
  const char *c = s->cond ? gl_cond(g, s->cond) : "true";
  if (s->loop_kind == KLOOP_DO) {
    line(g, "do {");
    braced(g, s->body);
    gl_line(g, &g->body, "} while (%s);", c);
    return;
  }
  if (s->loop_kind == KLOOP_WHILE) {
    gl_line(g, &g->body, "while (%s) {", c);
    braced(g, s->body);
    line(g, "}");
    return;
  }
  line(g, "{");
  g->indent++;
  if (s->init_stmt) gl_stmt(g, s->init_stmt);
  gl_line(g, &g->body, "for (; %s; %s) {", c, s->step ? gl_expr(g, s->step) : "");
  braced(g, s->body);
  line(g, "}");
  g->indent--;
  line(g, "}");
}

static void switch_stmt(Gl *g, KStmt *s) {
  KType *t = s->cond->type->unqual ? s->cond->type->unqual : s->cond->type;
  const char *c = gl_expr(g, s->cond);
  KType *st = t;
  if (t->kind != KT_I32 && t->kind != KT_U32) {
    st = kt_is_signed(t) ? g->m->t_i32 : g->m->t_u32;
    if (t->size > 4) gl_error(g, s->loc, "switch on a 64-bit value is not supported on the Vulkan target");
    c = gl_convert(g, t, st, c, s->loc);
  }
  gl_line(g, &g->body, "switch (%s) {", c);
  KStmt *b = s->body;
  for (int i = 0; b && b->kind == KS_BLOCK && i < b->nstmts; i++) {
    KStmt *x = b->stmts[i];
    if (x->kind != KS_CASE) {
      g->indent++;
      gl_stmt(g, x);
      g->indent--;
      continue;
    }
    if (x->is_default) line(g, "default:");
    else gl_line(g, &g->body, "case %s:", gl_literal_int(g, st, x->case_value));
  }
  if (b && b->kind != KS_BLOCK) braced(g, b);
  g->indent++;
  line(g, "break;");
  g->indent--;
  line(g, "}");
}

static void barrier(Gl *g, KStmt *s) {
  if (s->scope == KBAR_VIRTUAL) return;
  if (s->implicit) { /* a warp's reconvergence, in the kernel's top-level code: a
                      * workgroup barrier holds it on subgroups of any width */
    line(g, "groupMemoryBarrier(); barrier(); /* the warp reconverges */");
    return;
  }
  if (s->scope == KBAR_WARP) {
    g->feat |= GLSL_F_WARP;
    line(g, "subgroupMemoryBarrier(); subgroupBarrier();");
    return;
  }
  line(g, "groupMemoryBarrier(); barrier();");
}

void gl_stmt(Gl *g, KStmt *s) {
  switch (s->kind) {
  case KS_BLOCK:
    line(g, "{");
    braced(g, s);
    line(g, "}");
    break;
  case KS_DECL: decl(g, s); break;
  case KS_EXPR: {
    KExpr *e = s->e;
    while (e && e->kind == KE_CAST) e = e->a;
    g->discarded = e; /* an atomic here may skip computing its old value */
    gl_line(g, &g->body, "%s;", gl_expr(g, s->e));
    g->discarded = NULL;
    break;
  }
  case KS_IF:
    gl_line(g, &g->body, "if (%s) {", gl_cond(g, s->cond));
    braced(g, s->then);
    if (s->els) {
      line(g, "} else {");
      braced(g, s->els);
    }
    line(g, "}");
    break;
  case KS_LOOP:
    gl_enter_breakable(g, 'L');
    loop(g, s);
    gl_leave_breakable(g, s);
    break;
  case KS_SWITCH:
    gl_enter_breakable(g, 'S');
    switch_stmt(g, s);
    gl_leave_breakable(g, s);
    break;
  case KS_CASE: gl_error(g, s->loc, "case label outside a switch"); break;
  case KS_BREAK: if (gl_jump_ok(g, s)) line(g, "break;"); break;
  case KS_CONTINUE: if (gl_jump_ok(g, s)) line(g, "continue;"); break;
  case KS_RETURN:
    if (s->e) gl_line(g, &g->body, "return %s;", gl_expr(g, s->e));
    else line(g, "return;");
    break;
  case KS_BARRIER: barrier(g, s); break;
  case KS_LABEL: break; /* its statement list is structured around it (glsl_goto.c) */
  case KS_GOTO: gl_goto(g, s); break;
  }
}

static void frame_start(Gl *g) {
  if (!g->nav) return;
  if (g->no_int64) {
    gl_line(g, &g->body, "cw_frame = %s;",
            gl_addr_scaled(g, "pc.scratch", "(gl_WorkGroupID.x + gl_NumWorkGroups.x * (gl_WorkGroupID.y + "
                           "gl_NumWorkGroups.y * gl_WorkGroupID.z)) * (gl_WorkGroupSize.x * gl_WorkGroupSize.y"
                           " * gl_WorkGroupSize.z) + gl_LocalInvocationIndex", false, (g->frame + 15) / 16 * 16, false));
    return;
  }
  gl_line(g, &g->body, "cw_frame = pc.scratch + uint64_t((gl_WorkGroupID.x + gl_NumWorkGroups.x * "
          "(gl_WorkGroupID.y + gl_NumWorkGroups.y * gl_WorkGroupID.z)) * (gl_WorkGroupSize.x * "
          "gl_WorkGroupSize.y * gl_WorkGroupSize.z) + gl_LocalInvocationIndex) * %dul;",
          (g->frame + 15) / 16 * 16);
}

static void kernel_params(Gl *g, const KFunc *f) {
  for (int i = 0; i < f->nparams; i++) {
    KVar *p = f->params[i];
    const char *ld = gl_ld(g, p->type, 'G', p->loc);
    int fo = gl_frame_offset(g, p);
    if (fo >= 0)
      gl_line(g, &g->body, "%s(%s, %s(%s));", gl_st(g, p->type, 'G', p->loc), at(g, "cw_frame", fo), ld,
              at(g, "pc.params", glsl_param_offset(f, i)));
    else
      gl_line(g, &g->body, "%s = %s(%s);", gl_decl(g, p->type, gl_ident(g, "l_", p->cname), p->loc), ld,
              at(g, "pc.params", glsl_param_offset(f, i)));
  }
}

/* parameters whose address is taken move into the frame on entry */
static void params_to_frame(Gl *g, const KFunc *f) {
  for (int i = 0; i < f->nparams; i++) {
    KVar *p = f->params[i];
    int fo = gl_frame_offset(g, p);
    if (fo >= 0)
      gl_line(g, &g->body, "%s(%s, %s);", gl_st(g, p->type, 'G', p->loc), at(g, "cw_frame", fo),
              gl_ident(g, "a_", p->cname));
  }
}

void gl_function(Gl *g, const KFunc *f) {
  if (f->flags & KF_GLOBAL) {
    line(g, "void main() {");
    g->indent++;
    frame_start(g);
    if (g->uses_sync_red) /* every thread is still here: the counter starts at 0 */
      line(g, "if (gl_LocalInvocationIndex == 0u) SYNC_RED = 0u;");
    kernel_params(g, f);
  } else {
    StrBuf sb;
    sb_init(&sb);
    for (int i = 0; i < f->nparams; i++)
      sb_printf(&sb, "%s%s", i ? ", " : "",
                gl_decl(g, f->params[i]->type,
                        gl_ident(g, gl_frame_offset(g, f->params[i]) >= 0 ? "a_" : "l_", f->params[i]->cname),
                        f->params[i]->loc));
    char *ps = sb_take(&sb);
    const char *sig = gl_fmt(g, "%s %s(%s)", gl_type(g, f->ret, f->loc), gl_ident(g, "f_", f->cname),
                             ps ? ps : "");
    gl_line(g, &g->protos, "%s;", sig);
    gl_line(g, &g->body, "%s {", sig);
    free(ps);
    g->indent++;
    params_to_frame(g, f);
  }
  block_body(g, f->body);
  g->indent--;
  line(g, "}");
}
