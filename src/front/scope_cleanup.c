/*
 * scope_cleanup.c — destructors of local objects at scope exit.
 *
 * C++ destroys an automatic object when control leaves its scope, in the
 * reverse order of construction, however it leaves: the end of the block,
 * `return`, `break`, `continue`.  The parser lowers this into KIR as
 * ordinary destructor calls, so no backend (C, WGSL, GLSL, wasm) and no
 * pass (inlining, barrier fission) needs to know about destructors.
 *
 * Each function being parsed keeps a stack of the objects constructed so
 * far whose destructor does something (FuncCtx.cleanups, KVar*): a
 * declaration pushes its variable (or, for `const T &r = T(...)`, the
 * temporary the reference keeps alive; a by-value parameter at the
 * function's start).  A block remembers the depth it started at; leaving
 * it emits the calls for the entries above that depth, innermost first,
 * and pops them.  A jump emits the calls down to the depth of where it
 * goes (a loop's or switch's start for break/continue, zero for return)
 * without popping, since the code after it is still in those scopes.
 */
#include "parser.h"

int cleanup_depth(Parser *p) { return p->fn ? p->fn->cleanups.len : 0; }

void cleanup_push(Parser *p, KVar *v) {
  if (!p->fn || !class_dtor_has_effects(v->type)) return;
  vec_push(p->arena, &p->fn->cleanups, v);
}

void cleanup_pop(Parser *p, int depth) {
  if (p->fn && p->fn->cleanups.len > depth) p->fn->cleanups.len = depth;
}

bool cleanup_has(Parser *p, KVar *v) {
  for (int i = 0; p->fn && i < p->fn->cleanups.len; i++)
    if (p->fn->cleanups.items[i] == v) return true;
  return false;
}

static KStmt *expr_stmt_of(Parser *p, KExpr *e, SrcLoc loc) {
  KStmt *s = new_stmt(p, KS_EXPR, loc);
  s->e = e;
  return s;
}

/* the statement that destroys obj (a class object, or an array of them:
 * its elements from the last to the first) */
static KStmt *destroy(Parser *p, KExpr *obj, SrcLoc loc) {
  KType *t = obj->type->unqual;
  if (t->kind == KT_ARRAY) {
    KVar *i;
    KStmt *loop = new_stmt(p, KS_LOOP, loc);
    loop->loop_kind = KLOOP_FOR;
    loop->init_stmt = expr_stmt_of(p, make_temp(p, int_const(p, t->count - 1, p->m->t_i32, loc), &i), loc);
    KExpr *ref = new_expr(p, KE_VAR, i->type, loc);
    ref->var = i;
    loop->cond = sema_binary(p, KOP_GE, ref, int_const(p, 0, p->m->t_i32, loc), loc);
    loop->step = sema_incdec(p, ref, false, true, loc);
    loop->body = destroy(p, sema_index(p, obj, ref, loc), loc);
    return loop;
  }
  FuncDecl *dtor = class_dtor(t);
  if (!dtor) error_at(p, loc, "no destructor of '%s' to run at the end of its scope", type_name(p, t));
  /* the object's own class is known: no virtual dispatch */
  bool saved = p->nonvirtual;
  p->nonvirtual = true;
  KExpr *call = sema_call_decl(p, dtor, obj, NULL, 0, loc);
  p->nonvirtual = saved;
  return expr_stmt_of(p, call, loc);
}

void cleanup_emit(Parser *p, int depth, KVar *skip, PtrVec *out, SrcLoc loc) {
  if (!p->fn) return;
  for (int i = p->fn->cleanups.len - 1; i >= depth; i--) {
    KVar *v = p->fn->cleanups.items[i];
    if (v == skip) continue;
    KExpr *obj = new_expr(p, KE_VAR, v->type->unqual, loc);
    obj->var = v;
    vec_push(p->arena, out, destroy(p, obj, loc));
  }
}

bool stmt_ends_flow(KStmt *s) {
  while (s && s->kind == KS_BLOCK && s->nstmts) s = s->stmts[s->nstmts - 1];
  return s && (s->kind == KS_RETURN || s->kind == KS_BREAK || s->kind == KS_CONTINUE ||
               s->kind == KS_GOTO);
}
