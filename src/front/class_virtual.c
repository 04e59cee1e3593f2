/*
 * class_virtual.c — virtual functions and destructors, lowered to KIR.
 *
 * A polymorphic class (one that declares or inherits a virtual function)
 * holds a vtable pointer: the class that starts the hierarchy gets a hidden
 * field 0 `__vptr` (void **), and classes derived from it through their
 * first base share it at offset 0, as the Itanium ABI that nvcc follows
 * lays them out.  Each class's vtable is a module global, an array of
 * function addresses (KE_FUNC_ADDR) with one slot per virtual function:
 * the base's slots first, with this class's overriders in place, then the
 * virtual functions it declares.  A pure virtual slot holds a function
 * that traps.  Constructors store the class's vtable into the vptr after
 * the base and member initializers; a class without constructors gets an
 * implicit default one (token replay, so default member initializers run).
 *
 * A call of a virtual function on an object that its class does not name
 * (`p->f()`, `f()` inside a member; not `Base::f()`) becomes an indirect
 * KE_CALL (ival 1) through the slot's entry, `this` passed as the class
 * that declared the slot (the entries' `this` types differ only in the
 * pointee, which C calls ignore).
 *
 * Destructors are member functions named "<dtor>"; after the body they run
 * the destructors of members and bases, last first.  `delete p` runs the
 * destructor (through the vtable when it is virtual) and frees the memory.
 * Only the first base class may be polymorphic: secondary vtables would
 * need `this`-adjusting thunks, which are not built.
 */
#include <string.h>

#include "decl.h"

static ClassVirt *virt_of(KType *t) {
  t = t->unqual;
  return t->kind == KT_STRUCT && t->front ? ((Scope *)t->front)->virt : NULL;
}

bool class_is_polymorphic(KType *t) { return virt_of(t) != NULL; }

static KType *vptr_type(Parser *p) {
  return kt_ptr(p->m, kt_ptr(p->m, p->m->t_void, AS_GENERIC), AS_GENERIC);
}

/* `virtual` among the members of the class body starting at '{' */
static bool body_declares_virtual(Token *open) {
  int depth = 0;
  for (Token *t = open; t->kind != TK_EOF; t = t->next) {
    if (equal(t, "{")) depth++;
    else if (equal(t, "}") && --depth == 0) return false;
    else if (depth == 1 && equal(t, "virtual")) return true;
  }
  return false;
}

void class_begin_virtual(Parser *p, KType *st, PtrVec *bases, PtrVec *base_toks, Token *body) {
  for (int i = 1; i < bases->len; i++)
    if (class_is_polymorphic(bases->items[i]))
      error_tok(p, base_toks->items[i], "a polymorphic base class other than the first ('%s') is not supported "
                         "in device code", ((KType *)bases->items[i])->name);
  ClassVirt *base = bases->len ? virt_of(bases->items[0]) : NULL;
  if (!base && !body_declares_virtual(body)) return;
  ClassVirt *v = arena_alloc(p->arena, sizeof *v);
  if (base) {
    v->root = base->root;
    for (int i = 0; i < base->slots.len; i++) vec_push(p->arena, &v->slots, base->slots.items[i]);
  } else {
    v->root = st;
    class_add_field(p, st, "__vptr", vptr_type(p), body->loc);
  }
  ((Scope *)st->front)->virt = v;
}

static bool same_signature(FuncDecl *a, FuncDecl *b) {
  if (a->is_dtor || b->is_dtor) return a->is_dtor && b->is_dtor;
  if (strcmp(a->name, b->name) || a->nparams != b->nparams ||
      a->is_const_method != b->is_const_method)
    return false;
  for (int i = 0; i < a->nparams; i++)
    if (!same_type(a->ptypes[i], b->ptypes[i]) || a->pref[i] != b->pref[i]) return false;
  return true;
}

void class_declare_virtual(Parser *p, FuncDecl *fd, bool is_virtual, bool is_pure, Token *at) {
  ClassVirt *v = fd->owner ? virt_of(fd->owner) : NULL;
  if (is_virtual && (!v || fd->is_ctor || fd->is_static_method || (fd->kf->flags & KF_GLOBAL)))
    error_tok(p, at, "'virtual' can only be used on non-static member functions and destructors");
  if (!v || fd->is_ctor || fd->is_static_method) return;
  fd->is_pure = is_pure;
  for (int i = 0; i < v->slots.len; i++)
    if (same_signature(v->slots.items[i], fd)) {
      if (((FuncDecl *)v->slots.items[i])->owner == fd->owner)
        return; /* a redeclaration in the same class */
      v->slots.items[i] = fd;
      fd->is_virtual = true;
      fd->vslot = i;
      return;
    }
  if (!is_virtual) return;
  fd->is_virtual = true;
  fd->vslot = v->slots.len;
  vec_push(p->arena, &v->slots, fd);
}

FuncDecl *class_dtor(KType *t) {
  t = t->unqual;
  if (t->kind != KT_STRUCT || !t->front) return NULL;
  Sym *s = lookup_in(t->front, "<dtor>");
  return s && s->kind == SYM_FUNC && s->funcs.len ? s->funcs.items[0] : NULL;
}

/* `{ }` or `{ ; }` */
static bool empty_body(Token *open) {
  Token *t = open->next;
  while (equal(t, ";")) t = t->next;
  return equal(t, "}");
}

bool class_dtor_has_effects(KType *t) {
  t = t->unqual;
  while (t->kind == KT_ARRAY) t = t->elem->unqual;
  if (t->kind != KT_STRUCT || !t->front) return false;
  Sym *own = scope_find_local(t->front, "<dtor>");
  if (own && own->kind == SYM_FUNC && own->funcs.len) {
    FuncDecl *fd = own->funcs.items[0];
    if (fd->body ? !empty_body(fd->body) : !fd->kf->body) return true;
  }
  for (int i = 0; i < t->nfields; i++)
    if (strcmp(t->fields[i].name, "__vptr") && class_dtor_has_effects(t->fields[i].type))
      return true;
  return false;
}

/* ---- implicit members, by token replay ---------------------------------- */

static Token *fake_token(Parser *p, Token *at, const char *s) {
  Token *t = arena_alloc(p->arena, sizeof *t);
  *t = *at;
  t->kind = (s[0] == '_' || (s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z'))
                ? TK_IDENT : TK_PUNCT;
  t->spelling = s;
  t->len = (int)strlen(s);
  t->next = NULL;
  return t;
}

/* parses `__host__ __device__ [~]NAME() { }` as a member of st */
static void replay_member(Parser *p, KType *st, const char *short_name, bool dtor, Token *at) {
  const char *words[] = {"__host__", "__device__", "~", short_name, "(", ")", "{", "}"};
  Token head = {0}, *tail = &head;
  for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
    if (i == 2 && !dtor) continue;
    tail = tail->next = fake_token(p, at, words[i]);
  }
  tail->next = fake_token(p, at, ";");
  tail->next->kind = TK_EOF;
  Token *saved = p->tok;
  p->tok = head.next;
  parse_class_member(p, st, short_name);
  p->tok = saved;
}

/* a field other than the vptr and the first base (whose destructor the
 * class inherits) needs destroying */
static bool members_need_dtor(KType *st) {
  for (int i = 0; i < st->nfields; i++) {
    const char *n = st->fields[i].name;
    if (!strcmp(n, "__vptr") || !strcmp(n, "__base0")) continue;
    if (class_dtor_has_effects(st->fields[i].type)) return true;
  }
  return false;
}

/* the function a pure virtual slot holds: calling it traps, as CUDA's
 * __cxa_pure_virtual does */
static KFunc *pure_virtual_stub(Parser *p, SrcLoc loc) {
  for (int i = 0; i < p->m->funcs.len; i++) {
    KFunc *f = p->m->funcs.items[i];
    if (!strcmp(f->name, "__cxa_pure_virtual")) return f;
  }
  KFunc *f = arena_alloc(p->arena, sizeof *f);
  f->name = "__cxa_pure_virtual";
  f->cname = mangle_cname(p, "cw_pure_virtual_called");
  f->ret = p->m->t_void;
  f->flags = KF_DEVICE;
  f->loc = loc;
  f->id = p->m->funcs.len;
  KExpr *trap = new_expr(p, KE_BUILTIN, p->m->t_void, loc);
  trap->builtin = KB_TRAP;
  KStmt *s = new_stmt(p, KS_EXPR, loc);
  s->e = trap;
  KStmt *b = new_stmt(p, KS_BLOCK, loc);
  b->stmts = arena_alloc(p->arena, sizeof(KStmt *));
  b->stmts[0] = s;
  b->nstmts = 1;
  f->body = b;
  vec_push(p->arena, &p->m->funcs, f);
  return f;
}

static KExpr *func_addr(Parser *p, KFunc *f, SrcLoc loc) {
  KExpr *e = new_expr(p, KE_FUNC_ADDR, kt_ptr(p->m, kt_func_of(p->m, f), AS_GENERIC), loc);
  e->fn = f;
  return e;
}

static void build_vtable(Parser *p, KType *st, ClassVirt *v, SrcLoc loc) {
  bool device = false;
  for (int i = 0; i < v->slots.len; i++)
    device |= (((FuncDecl *)v->slots.items[i])->kf->flags & KF_DEVICE) != 0;
  if (!device) return; /* a host class: device code never calls through it */
  KType *entry = kt_ptr(p->m, p->m->t_void, AS_GENERIC);
  KType *at = kt_array(p->m, entry, v->slots.len);
  const char *name = arena_printf(p->arena, "vtable for %s", st->name);
  KVar *g = new_var(p, KV_GLOBAL, name, at, loc);
  g->cname = mangle_cname(p, arena_printf(p->arena, "cw_vtable_%s", st->cname));
  g->as = AS_GLOBAL;
  g->is_static = true; /* not a symbol the host can name */
  KExpr *list = new_expr(p, KE_INIT_LIST, at, loc);
  list->args = arena_alloc(p->arena, sizeof(KExpr *) * (size_t)(v->slots.len + 1));
  for (int i = 0; i < v->slots.len; i++) {
    FuncDecl *fd = v->slots.items[i];
    KFunc *f = fd->is_pure && !fd->kf->body && !fd->body ? pure_virtual_stub(p, loc) : fd->kf;
    KExpr *e = cast_to(p, func_addr(p, f, loc), entry);
    e->designator = -1;
    list->args[list->nargs++] = e;
  }
  g->init = list;
  v->vtable = g;
  vec_push(p->arena, &p->m->globals, g);
}

void class_end_virtual(Parser *p, KType *st, const char *short_name, Token *at) {
  ClassVirt *v = virt_of(st);
  Scope *cs = st->front;
  bool named = short_name && *short_name;
  if (named && !scope_find_local(cs, "<dtor>") && members_need_dtor(st))
    replay_member(p, st, short_name, true, at);
  if (!v) return;
  if (named && !scope_find_local(cs, "<ctor>") && !class_ctor_templates(st))
    replay_member(p, st, short_name, false, at);
  if (v->slots.len) build_vtable(p, st, v, at->loc);
}

/* ---- constructors, destructors, calls ------------------------------------ */

static KExpr *field0(Parser *p, KExpr *obj) {
  KType *st = obj->type->unqual;
  KExpr *e = new_expr(p, KE_MEMBER, st->fields[0].type, obj->loc);
  e->a = obj;
  e->field = 0;
  return e;
}

/* obj's vptr: field 0 of the hierarchy's root, through the first bases */
static KExpr *vptr_of(Parser *p, KExpr *obj, ClassVirt *v) {
  while (obj->type->unqual != v->root->unqual) obj = field0(p, obj);
  return field0(p, obj);
}

void class_ctor_prologue(Parser *p, FuncDecl *fd, KExpr *self, PtrVec *stmts) {
  ClassVirt *v = virt_of(fd->owner);
  if (!v || !v->vtable) return;
  SrcLoc loc = self->loc;
  KExpr *table = new_expr(p, KE_VAR, v->vtable->type, loc);
  table->var = v->vtable;
  KExpr *dst = vptr_of(p, self, v);
  KStmt *s = new_stmt(p, KS_EXPR, loc);
  s->e = sema_assign(p, KOP_NONE, dst, cast_to(p, rvalue(p, table), dst->type), loc);
  vec_push(p->arena, stmts, s);
}

static KExpr *call_dtor(Parser *p, FuncDecl *dtor, KExpr *obj, bool nonvirtual, SrcLoc loc) {
  bool saved = p->nonvirtual;
  p->nonvirtual = nonvirtual;
  KExpr *e = sema_call_decl(p, dtor, obj, NULL, 0, loc);
  p->nonvirtual = saved;
  return e;
}

void class_dtor_epilogue(Parser *p, FuncDecl *fd, KExpr *self, PtrVec *stmts) {
  KType *st = fd->owner->unqual;
  SrcLoc loc = fd->kf->loc;
  for (int i = st->nfields - 1; i >= 0; i--) {
    KType *ft = st->fields[i].type->unqual;
    if (!strcmp(st->fields[i].name, "__vptr") || !class_dtor_has_effects(ft)) continue;
    if (ft->kind == KT_ARRAY)
      error_at(p, loc, "member '%s' is an array of objects with destructors, which is not "
                       "supported in device code", st->fields[i].name);
    FuncDecl *d = class_dtor(ft);
    if (!d) continue;
    KExpr *m = new_expr(p, KE_MEMBER, st->fields[i].type, loc);
    m->a = self;
    m->field = i;
    KStmt *s = new_stmt(p, KS_EXPR, loc);
    s->e = call_dtor(p, d, m, true, loc);
    vec_push(p->arena, stmts, s);
  }
}

KExpr *class_virtual_call(Parser *p, FuncDecl *fd, KExpr *call) {
  ClassVirt *v = virt_of(fd->owner);
  if (!v || p->nonvirtual) return call;
  SrcLoc loc = call->loc;
  KVar *self;
  KExpr *set = make_temp(p, call->args[0], &self);
  KExpr *ref = new_expr(p, KE_VAR, self->type, loc);
  ref->var = self;
  KExpr *obj = new_expr(p, KE_DEREF, self->type->elem, loc);
  obj->a = ref;
  KExpr *slot = sema_index(p, rvalue(p, vptr_of(p, obj, v)), int_const(p, fd->vslot, p->m->t_i32, loc), loc);
  KExpr *target = cast_to(p, rvalue(p, slot), kt_ptr(p->m, kt_func_of(p->m, fd->kf), AS_GENERIC));
  call->args[0] = ref;
  call->a = target;
  call->fn = NULL;
  call->ival = 1;
  KExpr *e = new_expr(p, KE_COMMA, call->type, loc);
  e->a = set;
  e->b = call;
  return e;
}
