/*
 * parse_func.c — functions: declarations join an overload set, definitions
 * become KFuncs with explicit parameters (`this` first for member
 * functions, references as pointers), and bodies are parsed in a fresh
 * FuncCtx.  Temporaries that sema creates while parsing a body (objects a
 * member function is called on, constructor results) are declared at the
 * start of the body.
 */
#include <string.h>

#include "decl.h"

static inline bool c_ident_char(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

/* display's C spelling into out (room for twice its length and a NUL):
 * letters, digits and `_` kept, `*` as `_p`, any run of other characters
 * but spaces as one `_`, no `_` at the end; its length */
static size_t c_spelling(const char *display, char *out) {
  size_t n = 0;
  bool last_us = false;
  for (const char *s = display; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (c_ident_char(c)) {
      out[n++] = (char)c;
      last_us = c == '_';
    } else if (c == '*') {
      out[n++] = '_';
      out[n++] = 'p';
    } else if (!last_us && c != ' ') {
      out[n++] = '_';
      last_us = true;
    }
  }
  while (n && out[n - 1] == '_') n--;
  out[n] = 0;
  return n;
}

char *mangle_cname(Parser *p, const char *display) {
  size_t len = strlen(display);
  char local[256], *buf = 2 * len + 1 <= sizeof local ? local : arena_alloc(p->arena, 2 * len + 1);
  size_t n = c_spelling(display, buf);
  const char *base = n ? buf : "fn";
  char *name = arena_strndup(p->arena, base, n ? n : 2);
  for (int k = 1; !nameset_add(p, &p->cnames, name); k++) /* one probe for a new name */
    name = arena_printf(p->arena, "%s_%d", base, k);
  return name;
}

static bool same_params(FuncDecl *fd, Declarator *d) {
  if (fd->nparams != d->nparams || fd->variadic != d->variadic) return false;
  for (int i = 0; i < d->nparams; i++)
    if (!same_type(fd->ptypes[i], d->params[i].type) || fd->pref[i] != d->params[i].is_ref)
      return false;
  return true;
}

static KVar *param_var(Parser *p, Param *prm, int i, bool kernel) {
  KType *t = prm->type;
  if (prm->is_ref) t = kt_ptr(p->m, t, AS_GENERIC);
  else if (kernel && t->kind == KT_PTR && t->as == AS_GENERIC)
    t = kt_qualified(p->m, kt_ptr(p->m, t->elem, AS_GLOBAL), t->is_const, t->is_volatile);
  const char *name = prm->name ? prm->name : arena_printf(p->arena, "__arg%d", i);
  SrcLoc at = prm->name_tok ? prm->name_tok->loc : p->tok->loc;
  if (kernel && !prm->is_ref) require_complete(p, t, at, "kernel parameter has");
  KVar *v = new_var(p, KV_PARAM, name, t, prm->name_tok ? prm->name_tok->loc : (SrcLoc){0});
  v->cname = name;
  return v;
}

static const char *display_name(Parser *p, Scope *s, const char *name, KType *owner) {
  if (owner) return arena_printf(p->arena, "%s::%s", owner->name, name);
  return arena_printf(p->arena, "%s%s", s->prefix, name);
}

static Sym *overload_set(Parser *p, Scope *s, const char *name, Token *at) {
  Sym *sym = scope_find_local(s, name);
  if (sym && sym->kind == SYM_HOST) sym->kind = SYM_FUNC;
  if (sym && sym->kind == SYM_TEMPLATE && !sym->tmpl->is_class) return sym;
  if (sym && sym->kind != SYM_FUNC)
    error_tok(p, at, "redefinition of '%s' as a different kind of symbol", name);
  if (!sym) sym = scope_add(p, s, SYM_FUNC, name, at->loc);
  return sym;
}

FuncDecl *declare_function(Parser *p, DeclSpec *ds, Declarator *d, KType *owner,
                           const char *display_override) {
  Scope *s = d->qual_scope ? d->qual_scope : p->scope;
  if (!owner && s->klass) owner = s->klass;
  const char *name = d->name;
  bool ctor = owner && (!strcmp(name, "<ctor>"));
  Sym *set = overload_set(p, s, name, d->name_tok);
  if (!display_override)
    for (int i = 0; i < set->funcs.len; i++) {
      FuncDecl *fd = set->funcs.items[i];
      if (same_params(fd, d) && !fd->is_template_instance &&
          (!owner || fd->is_const_method == d->const_method)) /* overloads on const */
        return fd;
    }
  if (d->qual_scope && !display_override)
    error_tok(p, d->name_tok, "out-of-line definition of '%s' does not match any declaration", name);
  FuncDecl *fd = arena_alloc(p->arena, sizeof *fd);
  fd->name = name;
  fd->owner = owner;
  fd->is_ctor = ctor;
  fd->is_static_method = owner && ds->is_static;
  fd->is_const_method = d->const_method;
  fd->is_constexpr = ds->is_constexpr;
  fd->ret = ds->is_auto ? NULL : d->type;
  fd->ret_ref = d->is_ref;
  fd->nparams = d->nparams;
  fd->variadic = d->variadic;
  fd->ptypes = arena_alloc(p->arena, sizeof(KType *) * (size_t)(d->nparams + 1));
  fd->pref = arena_alloc(p->arena, 2 * sizeof(bool) * (size_t)(d->nparams + 1));
  fd->prref = fd->pref + d->nparams + 1; /* one allocation for both */
  for (int i = 0; i < d->nparams; i++)
    if (d->params[i].def && !fd->defaults) /* NULL: no default argument */
      fd->defaults = arena_alloc(p->arena, sizeof(KExpr *) * (size_t)(d->nparams + 1));
  for (int i = 0; i < d->nparams; i++) {
    fd->ptypes[i] = d->params[i].type;
    fd->pref[i] = d->params[i].is_ref;
    fd->prref[i] = d->params[i].is_rref;
    if (fd->defaults) fd->defaults[i] = d->params[i].def;
  }
  KFunc *kf = arena_alloc(p->arena, sizeof *kf);
  unsigned fl = ds->fflags;
  if (ds->constant || ds->is_constexpr) fl |= KF_DEVICE | KF_HOST; /* constexpr: both sides */
  if (!(fl & (KF_GLOBAL | KF_DEVICE))) fl |= KF_HOST;
  kf->flags = fl | (p->extern_c ? KF_EXTERN_C : 0) | (ds->is_constexpr ? KF_CONSTEXPR : 0) |
              (ds->is_static && !owner ? KF_INTERNAL : 0);
  kf->name = display_override ? display_override
             : ctor ? arena_printf(p->arena, "%s::%s", owner->name, owner->name)
                    : display_name(p, s, name, owner);
  kf->cname = (fl & KF_GLOBAL) && !display_override && !owner && !*s->cprefix
                  ? mangle_cname(p, name) : mangle_cname(p, kf->name);
  kf->ret = !fd->ret ? NULL : d->is_ref ? kt_ptr(p->m, d->type, AS_GENERIC) : d->type;
  kf->max_threads = ds->max_threads;
  kf->min_blocks = ds->min_blocks;
  kf->loc = d->name_tok->loc;
  int extra = owner && !fd->is_static_method ? 1 : 0;
  kf->nparams = d->nparams + extra;
  kf->params = arena_alloc(p->arena, sizeof(KVar *) * (size_t)(kf->nparams + 1));
  if (extra) {
    KType *self = fd->is_const_method ? kt_qualified(p->m, owner, true, false) : owner;
    kf->params[0] = new_var(p, KV_PARAM, "this", kt_ptr(p->m, self, AS_GENERIC), kf->loc);
    kf->params[0]->cname = "self";
  }
  for (int i = 0; i < d->nparams; i++)
    kf->params[i + extra] = param_var(p, &d->params[i], i, fl & KF_GLOBAL);
  kf->id = p->m->funcs.len;
  fd->kf = kf;
  fd->is_dtor = owner && !strcmp(name, "<dtor>");
  if (!set->funcs.cap) { /* most names have one function: one slot, not four */
    set->funcs.items = arena_alloc(p->arena, sizeof(void *));
    set->funcs.cap = 1;
  }
  vec_push(p->arena, &set->funcs, fd);
  vec_push(p->arena, &p->m->funcs, kf);
  if (owner || ds->is_virtual)
    class_declare_virtual(p, fd, ds->is_virtual,
                          equal(p->tok, "=") && p->tok->next->kind == TK_NUM &&
                              p->tok->next->ival == 0, d->name_tok);
  return fd;
}

static KExpr *this_object(Parser *p) {
  KExpr *t = new_expr(p, KE_VAR, p->fn->this_var->type, p->fn->kf->loc);
  t->var = p->fn->this_var;
  return sema_deref(p, t, t->loc);
}

/* a constructor first gives every field with a default member initializer
 * its value; the ctor-initializer's assignments then override */
static void member_defaults(Parser *p, KType *st, PtrVec *stmts) {
  for (int f = 0; f < st->nfields; f++) {
    KExpr *d = member_default(p, st, f);
    if (!d) continue;
    Token name = {0};
    name.kind = TK_IDENT;
    name.spelling = st->fields[f].name;
    name.len = (int)strlen(name.spelling);
    name.loc = d->loc;
    KExpr *dst = sema_member(p, this_object(p), &name, false, d->loc);
    dst->type = dst->type->unqual;
    if (dst->type->kind == KT_ARRAY) continue; /* arrays: only in aggregates */
    KStmt *s = new_stmt(p, KS_EXPR, d->loc);
    s->e = sema_assign(p, KOP_NONE, dst, d, d->loc);
    vec_push(p->arena, stmts, s);
  }
}

/* `acc{}` / `acc{1, 2}` for an array member: element by element, the
 * rest zero */
static void init_array_member(Parser *p, KExpr *field, PtrVec *args, SrcLoc loc, PtrVec *stmts) {
  KType *et = field->type->elem;
  if (args->len > field->type->count) error_at(p, loc, "excess elements in array initializer");
  for (int i = 0; i < field->type->count; i++) {
    KExpr *dst = sema_index(p, field, int_const(p, i, p->m->t_i32, loc), loc);
    dst->type = dst->type->unqual;
    KExpr *val = i < args->len ? args->items[i] : sema_construct(p, et, NULL, 0, loc);
    KStmt *s = new_stmt(p, KS_EXPR, loc);
    s->e = sema_assign(p, KOP_NONE, dst, val, loc);
    vec_push(p->arena, stmts, s);
  }
}

/* a ctor-initializer naming a base class (`Base(x)`, `Base<T>{x}`): the
 * base type, the tokens consumed; else NULL */
static KType *base_named(Parser *p) {
  Sym *s = lookup(p, p->tok->spelling);
  bool type = s && (s->kind == SYM_TYPE || (s->kind == SYM_TEMPLATE && s->tmpl->is_class));
  if (!type || (s->kind == SYM_TYPE && s->type->unqual == p->fn->fd->owner)) return NULL;
  Token *save = p->tok;
  KType *t = parse_type_specifier(p);
  KType *owner = p->fn->fd->owner;
  if (t->unqual->kind == KT_STRUCT && t->unqual != owner && derives_from(owner, t)) return t;
  p->tok = save;
  return NULL;
}

/* Base(args): the base subobject constructed in place */
static void init_base(Parser *p, KType *base, PtrVec *args, SrcLoc loc, PtrVec *stmts) {
  KExpr *sub = to_base(p, this_object(p), base);
  Sym *ctors = base->unqual->front ? scope_find_local(base->unqual->front, "<ctor>") : NULL;
  KStmt *s = new_stmt(p, KS_EXPR, loc);
  if (ctors) {
    Token fake = {0};
    fake.kind = TK_IDENT;
    fake.spelling = base->name;
    fake.loc = loc;
    s->e = sema_call_funcs(p, ctors, NULL, NULL, 0, sub, (KExpr **)args->items, args->len, &fake);
  } else {
    sub->type = sub->type->unqual;
    s->e = sema_assign(p, KOP_NONE, sub, sema_construct(p, base, (KExpr **)args->items, args->len, loc), loc);
  }
  vec_push(p->arena, stmts, s);
}

/* ctor-initializer = ":" member ("(" args ")" | "{" args "}") ("," ...)* */
static void parse_member_inits(Parser *p, PtrVec *stmts) {
  do {
    Token *name = p->tok;
    KType *base = base_named(p);
    if (!base) expect_ident(p);
    bool brace = equal(p->tok, "{");
    if (!brace) expect(p, "(");
    else p->tok = p->tok->next;
    PtrVec args = {0};
    while (!equal(p->tok, brace ? "}" : ")")) {
      if (args.len) expect(p, ",");
      vec_push(p->arena, &args, parse_assign(p));
    }
    p->tok = p->tok->next;
    if (base) {
      init_base(p, base, &args, name->loc, stmts);
      continue;
    }
    KExpr *field = sema_member(p, this_object(p), name, false, name->loc);
    if (field->type->kind == KT_ARRAY) {
      init_array_member(p, field, &args, name->loc, stmts);
      continue;
    }
    KExpr *val = args.len == 1 && !(field->type->unqual->kind == KT_STRUCT &&
                                    !same_type(((KExpr *)args.items[0])->type, field->type))
                     ? args.items[0]
                     : sema_construct(p, field->type, (KExpr **)args.items, args.len, name->loc);
    KStmt *s = new_stmt(p, KS_EXPR, name->loc);
    KExpr *dst = field;
    dst->type = dst->type->unqual; /* members are assignable in their constructor */
    s->e = sema_assign(p, KOP_NONE, dst, val, name->loc);
    vec_push(p->arena, stmts, s);
  } while (consume(p, ","));
}

static void check_gotos(Parser *p) {
  for (int i = 0; i < p->fn->gotos.len; i++) {
    Token *g = p->fn->gotos.items[i];
    bool found = false;
    for (int j = 0; j < p->fn->labels.len && !found; j++)
      found = !strcmp(p->fn->labels.items[j], g->spelling);
    if (!found) error_soft(p, g->loc, "use of undeclared label '%s'", g->spelling);
  }
}

void parse_function_body(Parser *p, FuncDecl *fd, Token *body, Scope *scope) {
  KFunc *kf = fd->kf;
  FuncCtx ctx = {0};
  ctx.kf = kf;
  ctx.fd = fd;
  ctx.ret = fd->is_ctor ? p->m->t_void : fd->ret;
  ctx.ret_ref = fd->ret_ref;
  ctx.is_device = true;
  ctx.outer = p->fn;
  Scope *saved_scope = p->scope;
  Token *saved_tok = p->tok;
  p->fn = &ctx;
  /* the body's scopes and Syms die with it (see Parser.scratch) */
  ArenaMark mark = scratch_mark(p);
  int pins = p->tok_pins, escapes = p->scratch_escapes;
  p->scope = scope_new_block(p, scope);
  int first = 0;
  if (fd->owner && !fd->is_static_method) ctx.this_var = kf->params[first++];
  for (int i = first; i < kf->nparams; i++) {
    KVar *v = kf->params[i];
    if (!v->name || !strncmp(v->name, "__arg", 5)) continue;
    Sym *s = scope_add(p, p->scope, SYM_VAR, v->name, v->loc);
    s->var = v;
    s->is_ref = fd->pref[i - first];
    /* a by-value parameter is destroyed when the function ends; a
     * kernel's are not (CUDA destroys kernel arguments on the host) */
    if (!s->is_ref && !(kf->flags & KF_GLOBAL)) cleanup_push(p, v);
  }
  p->tok = body;
  bool saved_nonvirtual = p->nonvirtual;
  p->nonvirtual = false;
  PtrVec pre = {0}, post = {0};
  if (fd->is_ctor && has_member_defaults(fd->owner)) member_defaults(p, fd->owner, &pre);
  if (equal(p->tok, ":") && !fd->is_ctor) /* as clang says it; there is no `this` to init */
    error_tok(p, p->tok, "only constructors take base initializers");
  if (consume(p, ":")) parse_member_inits(p, &pre);
  if (fd->is_ctor) class_ctor_prologue(p, fd, this_object(p), &pre);
  KStmt *b = parse_compound(p);
  if (!stmt_ends_flow(b)) cleanup_emit(p, 0, NULL, &post, b->loc);
  cleanup_pop(p, 0);
  if (fd->is_dtor) class_dtor_epilogue(p, fd, this_object(p), &post);
  p->nonvirtual = saved_nonvirtual;
  check_gotos(p);
  if (!fd->ret) fd->ret = kf->ret = p->m->t_void; /* auto with no return */
  int n = ctx.temps.len + pre.len + b->nstmts + post.len;
  KStmt **all = arena_alloc(p->arena, sizeof(KStmt *) * (size_t)(n + 1));
  int k = 0;
  for (int i = 0; i < ctx.temps.len; i++) {
    KStmt *d = new_stmt(p, KS_DECL, ((KVar *)ctx.temps.items[i])->loc);
    d->var = ctx.temps.items[i];
    all[k++] = d;
  }
  for (int i = 0; i < pre.len; i++) all[k++] = pre.items[i];
  for (int i = 0; i < b->nstmts; i++) all[k++] = b->stmts[i];
  for (int i = 0; i < post.len; i++) all[k++] = post.items[i];
  b->stmts = all;
  b->nstmts = k;
  kf->body = b;
  p->fn = ctx.outer;
  p->scope = saved_scope;
  p->tok = saved_tok;
  scratch_release(p, mark, pins, escapes);
}

/* skips [ctor-initializer] compound-statement; a member's initializer
 * may be a braced list (`pos{}`), so the body is the first '{' that does
 * not follow a member name */
static void skip_function_body(Parser *p) {
  if (consume(p, ":")) /* constructor initializers */
    for (;;) {
      while (!equal(p->tok, "(") && !equal(p->tok, "{") && p->tok->kind != TK_EOF)
        p->tok = p->tok->next;
      skip_balanced(p);
      if (!consume(p, ",")) break;
    }
  skip_balanced(p);
}

static void host_function(Parser *p, Declarator *d) {
  p->host_decl = true;
  Scope *s = d->qual_scope ? d->qual_scope : p->scope;
  Sym *old = scope_find_local(s, d->name);
  if (!old) {
    Sym *h = scope_add(p, s, SYM_HOST, d->name, d->name_tok->loc);
    h->host_flags = KF_HOST;
  }
  if (equal(p->tok, "{") || equal(p->tok, ":")) {
    define_host_lambdas(p, d, NULL, NULL, 0); /* nvcc's extended lambdas, passed to kernels */
    skip_function_body(p);
  } else {
    consume(p, ";");
  }
}

/* a definition after a declaration: its body sees the definition's
 * parameter names */
static void rename_params(Parser *p, FuncDecl *fd, Declarator *d) {
  KFunc *kf = fd->kf;
  int extra = kf->nparams - d->nparams;
  for (int i = 0; i < d->nparams && extra >= 0; i++)
    if (d->params[i].name && (!kf->params[i + extra]->name ||
                              strcmp(kf->params[i + extra]->name, d->params[i].name)))
      kf->params[i + extra] = param_var(p, &d->params[i], i, kf->flags & KF_GLOBAL);
}

void function_definition_or_decl(Parser *p, DeclSpec *ds, Declarator *d, KType *owner,
                                 const char *display_override, FuncDecl **out) {
  bool device = ds->fflags & (KF_GLOBAL | KF_DEVICE);
  if (out) *out = NULL;
  if (!device && !display_override && !ds->is_constexpr) {
    host_function(p, d);
    return;
  }
  if ((ds->fflags & KF_GLOBAL) && (d->type->kind != KT_VOID || d->is_ref))
    error_tok(p, d->name_tok, "__global__ function must have a void return type");
  if ((ds->fflags & KF_GLOBAL) && owner)
    error_tok(p, d->name_tok, "__global__ function cannot be a member function");
  FuncDecl *fd = declare_function(p, ds, d, owner, display_override);
  if (out) *out = fd;
  if (equal(p->tok, "=")) { /* = default; = delete; */
    p->tok = p->tok->next;
    p->tok = p->tok->next;
    expect(p, ";");
    return;
  }
  if (!equal(p->tok, "{") && !equal(p->tok, ":")) {
    expect(p, ";");
    return;
  }
  if (fd->kf->body || fd->body)
    error_tok(p, d->name_tok, "redefinition of '%s'", d->name);
  rename_params(p, fd, d);
  Token *body = p->tok;
  skip_function_body(p);
  Scope *scope = d->qual_scope ? d->qual_scope : p->scope;
  if (p->cur_class && !d->qual_scope) {
    fd->body = body;
    fd->body_scope = scope;
    vec_push(p->arena, &p->deferred, fd);
    return;
  }
  parse_function_body(p, fd, body, scope);
}

void finish_deferred_bodies(Parser *p) {
  while (p->deferred.len) {
    PtrVec todo = p->deferred;
    memset(&p->deferred, 0, sizeof p->deferred);
    for (int i = 0; i < todo.len; i++) {
      FuncDecl *fd = todo.items[i];
      parse_function_body(p, fd, fd->body, fd->body_scope);
    }
  }
}
