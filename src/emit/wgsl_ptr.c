/*
 * wgsl_ptr.c — pointer-base resolution and function instances.
 *
 * For each function instance (the kernel, or a device function cloned for
 * the bases its pointer arguments have at one call site) this file finds,
 * for every pointer-typed local, the one variable it points into.  It
 * iterates over the assignments until nothing changes: a pointer assigned
 * from two different bases is rejected, naming the pointer.  The same walk
 * records which bases are written and which are used by atomics (WGSL needs
 * atomic<T> in the declaration), and creates the instances of the device
 * functions called, analysing each once.
 */
#include "wgsl_internal.h"

#include <string.h>

bool w_is_ptr(const KType *t) { return t && t->kind == KT_PTR; }

WBase *w_base_for_var(WCtx *c, KVar *v) {
  for (int i = 0; i < c->bases.len; i++) {
    WBase *b = c->bases.items[i];
    if (b->var == v) return b;
  }
  WBase *b = arena_alloc(c->a, sizeof *b);
  b->var = v;
  b->binding = -1;
  KType *t = v->type->unqual ? v->type->unqual : v->type;
  if (v->kind == KV_PARAM && t->kind == KT_PTR) b->elem = t->elem->unqual;
  else if (t->kind == KT_ARRAY) b->elem = t->elem->unqual;
  else b->elem = t;
  b->indexable = (v->kind == KV_PARAM && t->kind == KT_PTR) || t->kind == KT_ARRAY;
  b->small = v->kind == KV_PARAM && w_small_elem(b->elem);
  if (v->is_extern && v->as == AS_SHARED) b->name = "cw_dyn_shared";
  if (v->is_extern && v->as == AS_SHARED && b->elem->size == 1) {
    b->elem = c->m->t_u32; /* only ever used through casts to 4-byte types */
    b->byte_view = true;
  }
  else b->name = w_ident(c, v->kind == KV_GLOBAL ? v->name : v->cname);
  vec_push(c->a, &c->bases, b);
  return b;
}

/* A string literal as a base: one per text, so that a function given the
 * same literal at two call sites is one instance (printf("…") helpers). */
static WBase *str_base(WCtx *c, KExpr *e) {
  for (int i = 0; i < c->bases.len; i++) {
    WBase *b = c->bases.items[i];
    const KStr *s = b->str ? b->str->str : NULL;
    if (s && s->len == e->str->len && !memcmp(s->bytes, e->str->bytes, (size_t)s->len)) return b;
  }
  KVar *v = arena_alloc(c->a, sizeof *v);
  memset(v, 0, sizeof *v);
  v->kind = KV_GLOBAL;
  v->as = AS_CONSTANT;
  v->name = v->cname = "string literal";
  v->type = e->type;
  v->loc = e->loc;
  WBase *b = arena_alloc(c->a, sizeof *b);
  memset(b, 0, sizeof *b);
  b->var = v;
  b->str = e;
  b->binding = -1;
  b->elem = e->type->kind == KT_PTR || e->type->kind == KT_ARRAY ? e->type->elem : e->type;
  b->name = "cw_string_literal";
  vec_push(c->a, &c->bases, b);
  return b;
}

/* The string literal a const char* expression stands for (a literal, or
 * a parameter given one), else NULL. */
KExpr *w_literal_of(WCtx *c, KExpr *e) {
  while (e->kind == KE_CAST) e = e->a;
  if (e->kind == KE_STR) return e;
  WBase *b = w_is_ptr(e->type) ? w_base_of(c, e) : NULL;
  return b && b->str ? b->str : NULL;
}

WPtrVar *w_ptr_var(WCtx *c, KVar *v) {
  WInst *in = c->cur;
  for (int i = 0; i < in->ptrs.len; i++) {
    WPtrVar *p = in->ptrs.items[i];
    if (p->var == v) return p;
  }
  return NULL;
}

static WBase *param_base(WCtx *c, KVar *v) {
  WInst *in = c->cur;
  for (int i = 0; i < in->f->nparams; i++)
    if (in->f->params[i] == v) return in->pbase ? in->pbase[i] : NULL;
  return NULL;
}

static WBase *lvalue_root(WCtx *c, KExpr *e);

/* The base a pointer-valued expression points into (NULL: unknown yet). */
WBase *w_base_of(WCtx *c, KExpr *e) {
  switch (e->kind) {
  case KE_VAR: {
    if (e->var->kind == KV_PARAM && c->cur->f == c->kernel) return w_base_for_var(c, e->var);
    if (e->var->kind == KV_PARAM) {
      WBase *b = param_base(c, e->var);
      if (b) return b;
    }
    WPtrVar *p = w_ptr_var(c, e->var);
    return p ? p->base : NULL;
  }
  case KE_CAST: return w_is_ptr(e->a->type) ? w_base_of(c, e->a) : NULL;
  case KE_BINARY:
    if (w_is_ptr(e->a->type)) return w_base_of(c, e->a);
    if (e->b && w_is_ptr(e->b->type)) return w_base_of(c, e->b);
    return NULL;
  case KE_ADDR: return lvalue_root(c, e->a);
  case KE_COND: {
    WBase *x = w_base_of(c, e->b), *y = w_base_of(c, e->c);
    return x ? x : y;
  }
  case KE_COMMA: return w_base_of(c, e->b);
  case KE_ASSIGN: return w_base_of(c, e->a);
  case KE_CALL: return w_call_ret_base(c, e);
  case KE_STR: return str_base(c, e);
  default: return NULL;
  }
}

static bool is_local_base(WCtx *c, WBase *b);

/* A member array of a function-space object (`t.v` of a local, or of the
 * object a ptr<function> parameter points to), as a base of its own:
 * pointers into it (begin()/end() of a class holding an array) index
 * `t.v[off]`.  One per object and field. */
static WBase *member_base(WCtx *c, WBase *obj, KType *st, int field) {
  for (int i = 0; i < c->bases.len; i++) {
    WBase *b = c->bases.items[i];
    if (b->parent == obj && b->field == field) return b;
  }
  KType *ft = st->fields[field].type->unqual ? st->fields[field].type->unqual : st->fields[field].type;
  KVar *v = arena_alloc(c->a, sizeof *v);
  memset(v, 0, sizeof *v);
  v->kind = KV_LOCAL;
  v->name = arena_printf(c->a, "%s.%s", obj->var->name, st->fields[field].name);
  v->cname = v->name;
  v->type = ft;
  v->loc = obj->var->loc;
  WBase *b = arena_alloc(c->a, sizeof *b);
  memset(b, 0, sizeof *b);
  b->var = v;
  b->parent = obj;
  b->field = field;
  b->binding = -1;
  b->elem = ft->elem->unqual ? ft->elem->unqual : ft->elem;
  b->indexable = true;
  b->name = arena_printf(c->a, "%s.%s", obj->name, w_ident(c, st->fields[field].name));
  vec_push(c->a, &c->bases, b);
  return b;
}

/* The base an lvalue lives in: a variable, or what a pointer points to. */
static WBase *lvalue_root(WCtx *c, KExpr *e) {
  switch (e->kind) {
  case KE_VAR: return w_base_for_var(c, e->var);
  case KE_INDEX:
    if (w_is_ptr(e->a->type)) return w_base_of(c, e->a);
    if (e->a->kind == KE_MEMBER && e->a->a->type->kind == KT_STRUCT && e->a->type->kind == KT_ARRAY &&
        e->a->type->elem->kind != KT_ARRAY) {
      WBase *obj = lvalue_root(c, e->a->a);
      KType *ot = !obj ? NULL : obj->fnptr ? obj->local_type : obj->var->type;
      ot = ot && ot->unqual ? ot->unqual : ot;
      /* a whole object (not an element of an array of them) in function space */
      if (obj && !obj->parent && ot && ot->kind == KT_STRUCT && (obj->fnptr || is_local_base(c, obj)) && !obj->byval)
        return member_base(c, obj, e->a->a->type, e->a->field);
    }
    return lvalue_root(c, e->a);
  case KE_DEREF: return w_base_of(c, e->a);
  case KE_MEMBER: return lvalue_root(c, e->a);
  default: return NULL;
  }
}

static void set_ptr(WCtx *c, KVar *v, WBase *b, SrcLoc loc, bool *changed) {
  if (!b) return;
  WPtrVar *p = w_ptr_var(c, v);
  if (!p) {
    p = arena_alloc(c->a, sizeof *p);
    p->var = v;
    vec_push(c->a, &c->cur->ptrs, p);
  }
  if (p->base == b) return;
  if (p->base) {
    w_error(c, loc, "pointer '%s' may point into '%s' or '%s'; the WGSL target needs one buffer per pointer",
            v->name, p->base->var->name, b->var->name);
    return;
  }
  p->base = b;
  *changed = true;
}

static void mark_write(WCtx *c, KExpr *lv) {
  WBase *b = lvalue_root(c, lv);
  if (b) b->written = true;
  w_small_note_store(c, lv);
}

/* A struct variable whose fields are all 32-bit scalars: its atomics (of
 * any of those types) work on the field's word of an array<atomic<u32>>. */
static bool word_struct(KVar *v) {
  KType *t = v->type->unqual ? v->type->unqual : v->type;
  if (t->kind != KT_STRUCT || t->is_union || !t->nfields || v->kind == KV_PARAM) return false;
  for (int i = 0; i < t->nfields; i++) {
    KType *f = t->fields[i].type->unqual ? t->fields[i].type->unqual : t->fields[i].type;
    if ((f->kind != KT_I32 && f->kind != KT_U32 && f->kind != KT_F32) || t->fields[i].bit_width ||
        t->fields[i].offset % 4)
      return false;
  }
  return true;
}

static void mark_atomic(WCtx *c, KExpr *e) {
  if (e->nargs < 1 || !w_is_ptr(e->args[0]->type)) return;
  WBase *b = w_base_of(c, e->args[0]);
  if (!b) return;
  KType *t = w_scalar_of(c, e->args[0]->type->elem);
  KType *at = t->kind == KT_I32 ? c->m->t_i32 : c->m->t_u32;
  if (word_struct(b->var)) { /* the field's word (wgsl_access.c) */
    b->words = true;
    at = c->m->t_u32;
  }
  if (w_is_64(t)) b->wide = true; /* two atomic<u32> words per element */
  b->written = true;
  if (b->atomic && b->atomic_type != at) {
    w_error(c, e->loc, "'%s' is used by atomics of two integer types", b->var->name);
    return;
  }
  b->atomic = true;
  b->atomic_type = at;
}

typedef struct Walk {
  WCtx *c;
  bool *changed;
  bool final; /* last round: record writes, atomics and calls */
} Walk;

static void walk_expr(Walk *w, KExpr *e);

static void walk_call(Walk *w, KExpr *e) {
  if (!w->final) return;
  WInst *callee = w_inst_for_call(w->c, e);
  if (callee && !callee->analysed) {
    WInst *saved = w->c->cur;
    w_analyse(w->c, callee);
    w->c->cur = saved;
  }
}

static void walk_expr(Walk *w, KExpr *e) {
  if (!e) return;
  WCtx *c = w->c;
  walk_expr(w, e->a);
  walk_expr(w, e->b);
  walk_expr(w, e->c);
  for (int i = 0; i < e->nargs; i++) walk_expr(w, e->args[i]);
  if (e->kind == KE_ASSIGN && e->a->kind == KE_VAR && w_is_ptr(e->a->type))
    set_ptr(c, e->a->var, w_base_of(c, e->b), e->loc, w->changed);
  if (!w->final) return;
  if (e->kind == KE_ASSIGN || e->kind == KE_INCDEC) mark_write(c, e->a);
  if (e->kind == KE_BUILTIN && kb_info(e->builtin)->cls == KBC_ATOMIC) mark_atomic(c, e);
  if (e->kind == KE_CALL) walk_call(w, e);
}

static void note_return(Walk *w, KStmt *s) {
  WCtx *c = w->c;
  if (!s->e || !w_is_ptr(s->e->type)) return;
  WBase *b = w_base_of(c, s->e);
  if (!b || c->cur->ret_base == b) return;
  if (c->cur->ret_base) {
    w_error(c, s->loc, "function '%s' may return pointers into '%s' or '%s'; the WGSL target needs one buffer",
            c->cur->f->name, c->cur->ret_base->var->name, b->var->name);
    return;
  }
  c->cur->ret_base = b;
  *w->changed = true;
}

static void walk_stmt(Walk *w, KStmt *s) {
  if (!s || w->c->failed) return;
  if (s->kind == KS_RETURN) note_return(w, s);
  switch (s->kind) {
  case KS_BLOCK:
    for (int i = 0; i < s->nstmts; i++) walk_stmt(w, s->stmts[i]);
    return;
  case KS_DECL:
    if (s->init) walk_expr(w, s->init);
    if (s->var->init && s->var->init != s->init) walk_expr(w, s->var->init);
    if (w_is_ptr(s->var->type) && (s->init || s->var->init))
      set_ptr(w->c, s->var, w_base_of(w->c, s->init ? s->init : s->var->init), s->loc, w->changed);
    return;
  case KS_IF:
    walk_expr(w, s->cond);
    walk_stmt(w, s->then);
    walk_stmt(w, s->els);
    return;
  case KS_LOOP:
    walk_stmt(w, s->init_stmt);
    walk_expr(w, s->cond);
    walk_expr(w, s->step);
    walk_stmt(w, s->body);
    return;
  case KS_SWITCH:
    walk_expr(w, s->cond);
    walk_stmt(w, s->body);
    return;
  default:
    walk_expr(w, s->e);
    return;
  }
}

bool w_analyse(WCtx *c, WInst *in) {
  in->analysed = true;
  c->cur = in;
  bool changed = true;
  for (int round = 0; changed && round < 16 && !c->failed; round++) {
    changed = false;
    Walk w = {c, &changed, false};
    walk_stmt(&w, in->f->body);
  }
  bool dummy = false;
  Walk w = {c, &dummy, true};
  c->cur = in;
  walk_stmt(&w, in->f->body);
  return !c->failed;
}

static bool same_bases(WInst *in, WBase **pb, KType **pt) {
  for (int i = 0; i < in->f->nparams; i++)
    if (in->argbase[i] != pb[i] || in->argtype[i] != pt[i]) return false;
  return true;
}

/* `&x.field` (through casts that keep the pointee): a pointer to part of a
 * local object, passed as ptr<function, FieldType>. */
KExpr *w_sub_object(KExpr *arg) {
  while (arg->kind == KE_CAST && w_is_ptr(arg->a->type)) arg = arg->a;
  if (arg->kind != KE_ADDR || arg->a->kind != KE_MEMBER) return NULL;
  KType *t = arg->a->a->type;
  return t->kind == KT_STRUCT ? arg->a : NULL; /* not a vector lane */
}

static bool kernel_param(WCtx *c, KVar *v) {
  for (int i = 0; v->kind == KV_PARAM && i < c->kernel->nparams; i++)
    if (c->kernel->params[i] == v) return true;
  return false;
}

/* a `var` of the function being emitted: a local, or a device function's
 * by-value parameter (which it copies into a `var`); a callee reaches
 * it through a ptr<function> */
static bool is_local_base(WCtx *c, WBase *b) {
  if (b->byval) return false;
  if (b->fnptr) return true;
  if (b->var->kind == KV_PARAM)
    return b->var->type->kind != KT_PTR && !kernel_param(c, b->var);
  return b->fnptr || (b->var->kind == KV_LOCAL && b->var->as != AS_SHARED);
}

/* The callee's view of a caller's local: a ptr<function, T> parameter. */
static WBase *fnptr_base(WCtx *c, KVar *param, WBase *caller, KType *part) {
  WBase *b = arena_alloc(c->a, sizeof *b);
  b->var = param;
  b->elem = part ? part : caller->elem;
  b->binding = -1;
  b->fnptr = true;
  b->local_type = part ? part : caller->fnptr ? caller->local_type : caller->var->type;
  b->indexable = b->local_type->kind == KT_ARRAY;
  b->name = arena_printf(c->a, "(*cw_r_%s)", param->cname);
  return b;
}

/* Where a call returning a pointer points, in the caller's terms; NULL
 * while its arguments' bases are still unknown. */
WBase *w_call_ret_base(WCtx *c, KExpr *call) {
  KFunc *f = call->fn;
  if (!f->body || !w_is_ptr(f->ret)) return NULL;
  for (int i = 0; i < f->nparams && i < call->nargs; i++)
    if (w_is_ptr(f->params[i]->type) && !w_base_of(c, call->args[i])) return NULL;
  WInst *in = w_inst_for_call(c, call);
  if (!in) return NULL;
  if (!in->analysed) {
    WInst *saved = c->cur;
    w_analyse(c, in);
    c->cur = saved;
  }
  WBase *r = in->ret_base;
  if (r && r->parent && r->parent->fnptr) /* into a member array of an object passed by pointer */
    for (int i = 0; i < f->nparams; i++)
      if (in->pbase[i] == r->parent && in->argbase[i] && !in->argtype[i])
        return member_base(c, in->argbase[i], r->parent->local_type, r->field);
  if (r && r->byval) {
    w_error(c, call->loc, "the WGSL target does not support returning a reference to a const reference parameter ('%s')", f->name);
    return NULL;
  }
  for (int i = 0; r && r->fnptr && i < f->nparams; i++)
    if (in->pbase[i] == r) return in->argbase[i];
  return r;
}

/* Whether some call of f is not immediately dereferenced (its pointer
 * result is kept or offset). */
static bool call_kept(KExpr *e, KFunc *f, bool under_deref) {
  if (!e) return false;
  if (e->kind == KE_CALL && e->fn == f && !under_deref) return true;
  bool d = e->kind == KE_DEREF;
  if (call_kept(e->a, f, d) || call_kept(e->b, f, false) || call_kept(e->c, f, false)) return true;
  for (int i = 0; i < e->nargs; i++)
    if (call_kept(e->args[i], f, false)) return true;
  return false;
}

static bool stmt_keeps(KStmt *s, KFunc *f) {
  if (!s) return false;
  for (int i = 0; i < s->nstmts; i++)
    if (stmt_keeps(s->stmts[i], f)) return true;
  return call_kept(s->e, f, false) || call_kept(s->cond, f, false) || call_kept(s->init, f, false) ||
         call_kept(s->step, f, false) || stmt_keeps(s->then, f) || stmt_keeps(s->els, f) ||
         stmt_keeps(s->body, f) || stmt_keeps(s->init_stmt, f);
}

static bool returns_member_address(KStmt *s) {
  if (!s) return true;
  if (s->kind == KS_RETURN) return s->e && s->e->kind == KE_ADDR && s->e->a->kind == KE_MEMBER;
  for (int i = 0; i < s->nstmts; i++)
    if (!returns_member_address(s->stmts[i])) return false;
  return returns_member_address(s->then) && returns_member_address(s->els) && returns_member_address(s->body);
}

/* `const T &get() const { return field_; }`, every call of which is read
 * at once: the WGSL function returns the value (a pointer to a member of
 * an object is not something WGSL can return). */
bool w_ret_by_value(WCtx *c, KFunc *f) {
  if (!f || !f->body || !w_is_ptr(f->ret)) return false;
  KType *e = f->ret->elem;
  if (!e->is_const || e->kind == KT_VOID || e->kind == KT_ARRAY || !returns_member_address(f->body)) return false;
  for (int i = 0; i < c->m->funcs.len; i++) {
    KFunc *g = c->m->funcs.items[i];
    if (g->body && stmt_keeps(g->body, f)) return false;
  }
  return true;
}

/* A `const T&` (or const T*) parameter whose argument is not a buffer
 * the callee could index: passed as a copy of the value, which also works
 * for objects in workgroup memory or in buffers (WGSL cannot pass pointers
 * to those). */
static bool by_value(KVar *p, WBase *arg) {
  KType *t = p->type->unqual ? p->type->unqual : p->type;
  KType *e = t->elem;
  if (!e->is_const || e->kind == KT_VOID || e->kind == KT_ARRAY) return false;
  return !arg || !arg->indexable || e->kind == KT_STRUCT;
}

static WBase *byval_base(WCtx *c, KVar *param) {
  WBase *b = arena_alloc(c->a, sizeof *b);
  b->var = param;
  KType *t = param->type->unqual ? param->type->unqual : param->type;
  b->elem = t->elem->unqual ? t->elem->unqual : t->elem;
  b->local_type = b->elem;
  b->binding = -1;
  b->byval = true;
  b->name = arena_printf(c->a, "cw_v_%s", param->cname);
  return b;
}

/* The instance of the function called by `call` for its arguments' bases. */
WInst *w_inst_for_call(WCtx *c, KExpr *call) {
  KFunc *f = call->fn;
  if (!f->body) {
    w_error(c, call->loc, "function '%s' is declared but not defined", f->name);
    return NULL;
  }
  WBase **pb = arena_alloc(c->a, sizeof(WBase *) * (size_t)(f->nparams + 1));
  KType **pt = arena_alloc(c->a, sizeof(KType *) * (size_t)(f->nparams + 1));
  int nptr = 0;
  for (int i = 0; i < f->nparams && i < call->nargs; i++) {
    if (!w_is_ptr(f->params[i]->type)) continue;
    pb[i] = w_base_of(c, call->args[i]);
    if (pb[i] && !pb[i]->str && by_value(f->params[i], pb[i]) && (w_sub_object(call->args[i]) || pb[i]->var->kind == KV_GLOBAL ||
                                                    pb[i]->var->as == AS_SHARED || pb[i]->var->kind == KV_PARAM)) {
      pt[i] = NULL;
      pb[i] = (WBase *)&by_value; /* one key for every argument: a copy is passed */
      continue;
    }
    KExpr *part = w_sub_object(call->args[i]);
    if (part && pb[i] && (pb[i]->fnptr || (pb[i]->var->kind != KV_GLOBAL && pb[i]->var->as != AS_SHARED &&
                                         pb[i]->var->kind != KV_PARAM)))
      pt[i] = part->type->unqual ? part->type->unqual : part->type;
    nptr++;
    if (!pb[i]) {
      w_error(c, call->args[i]->loc, "cannot tell which buffer the pointer passed to '%s' points into", f->name);
      return NULL;
    }
  }
  for (int i = 1; i < c->insts.len; i++) {
    WInst *in = c->insts.items[i];
    if (in->f == f && same_bases(in, pb, pt)) return in;
  }
  WInst *in = arena_alloc(c->a, sizeof *in);
  in->f = f;
  in->argbase = pb;
  in->argtype = pt;
  in->pbase = arena_alloc(c->a, sizeof(WBase *) * (size_t)(f->nparams + 1));
  for (int i = 0; i < f->nparams; i++) {
    if (pb[i] == (WBase *)&by_value) in->pbase[i] = byval_base(c, f->params[i]);
    else in->pbase[i] = pb[i] && (is_local_base(c, pb[i]) || pt[i]) ? fnptr_base(c, f->params[i], pb[i], pt[i]) : pb[i];
  }
  int n = 0;
  for (int i = 1; i < c->insts.len; i++) n += ((WInst *)c->insts.items[i])->f == f;
  const char *base = w_ident(c, f->cname);
  in->name = n || nptr ? arena_printf(c->a, "%s_%d", base, n) : base;
  vec_push(c->a, &c->insts, in);
  return in;
}
