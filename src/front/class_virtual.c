/*
 * class_virtual.c — virtual functions and destructors, lowered to KIR.
 *
 * A polymorphic class (one that declares or inherits a virtual function)
 * holds a vtable pointer: the class that starts the hierarchy gets a hidden
 * field 0 `__vptr` (void **), and classes derived from it share it through
 * their primary base (the first polymorphic one, moved to offset 0), as
 * the Itanium ABI that nvcc follows lays them out.  Each class's vtable is a module global, an array of
 * function addresses (KE_FUNC_ADDR) with one slot per virtual function:
 * the base's slots first, with this class's overriders in place, then the
 * virtual functions it declares.  A pure virtual slot holds a function
 * that traps.  Constructors store the class's vtable into the vptr after
 * the base and member initializers; a class without constructors gets an
 * implicit default one (token replay, so default member initializers run).
 *
 * A call of a virtual function on an object that its class does not name
 * (`p->f()`, `f()` inside a member; not `Base::f()`) becomes an indirect
 * KE_CALL (virtual_call) through the slot's entry, `this` passed as the class
 * that declared the slot (the entries' `this` types differ only in the
 * pointee, which C calls ignore).
 *
 * A polymorphic base other than the primary one keeps its own vptr, set to
 * a secondary table of this class: its slots hold the base's functions, or,
 * where this class overrides, thunks that move `this` from the base
 * subobject to the overrider's class.  Every table starts with the offset
 * from its subobject to the whole object (entry -1 of the vptr), which
 * `delete` through a base pointer uses to free the whole object.
 *
 * Destructors are member functions named "<dtor>"; after the body they run
 * the destructors of members and bases, last first.  `delete p` runs the
 * destructor (through the vtable when it is virtual) and frees the memory.
 * Virtual base classes are not supported.
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

void class_begin_virtual(Parser *p, KType *st, PtrVec *bases, Token *body) {
  int prim = -1;
  for (int i = 0; i < bases->len && prim < 0; i++)
    if (class_is_polymorphic(bases->items[i])) prim = i;
  for (int i = prim; i > 0; i--) { /* the primary base goes first, at offset 0 */
    void *t = bases->items[i];
    bases->items[i] = bases->items[i - 1];
    bases->items[i - 1] = t;
  }
  ClassVirt *base = prim >= 0 ? virt_of(bases->items[0]) : NULL;
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

static void add_table(Parser *p, ClassVirt *v, int field, const int *path, int npath, KType *cls,
                      PtrVec *slots, PtrVec *entries) {
  VTable *t = arena_alloc(p->arena, sizeof *t);
  t->npath = npath + 1;
  t->path = arena_alloc(p->arena, sizeof(int) * (size_t)t->npath);
  t->path[0] = field;
  for (int i = 0; i < npath; i++) t->path[i + 1] = path[i];
  t->cls = cls;
  for (int i = 0; i < slots->len; i++) {
    FuncDecl *fd = slots->items[i];
    vec_push(p->arena, &t->slots, fd);
    vec_push(p->arena, &t->entries, entries ? entries->items[i] : fd->kf);
  }
  vec_push(p->arena, &v->secondary, t);
}

void class_bases_virtual(Parser *p, KType *st) {
  ClassVirt *v = virt_of(st);
  if (!v) return;
  for (int i = 0; i < st->nfields; i++) {
    KType *bt = st->fields[i].type;
    ClassVirt *bv = strncmp(st->fields[i].name, "__base", 6) ? NULL : virt_of(bt);
    if (!bv) continue;
    if (i > 0) add_table(p, v, i, NULL, 0, bt->unqual, &bv->slots, NULL);
    for (int k = 0; k < bv->secondary.len; k++) {
      VTable *t = bv->secondary.items[k];
      add_table(p, v, i, t->path, t->npath, t->cls, &t->slots, &t->entries);
    }
  }
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
  bool overrides = false;
  for (int k = 0; k < v->secondary.len; k++) { /* entries become thunks to fd */
    VTable *t = v->secondary.items[k];
    for (int i = 0; i < t->slots.len; i++)
      if (same_signature(t->slots.items[i], fd) &&
          ((FuncDecl *)t->slots.items[i])->owner != fd->owner) {
        t->slots.items[i] = fd;
        t->entries.items[i] = NULL;
        overrides = true;
      }
  }
  for (int i = 0; i < v->slots.len; i++)
    if (same_signature(v->slots.items[i], fd)) {
      if (((FuncDecl *)v->slots.items[i])->owner == fd->owner)
        return; /* a redeclaration in the same class */
      v->slots.items[i] = fd;
      fd->is_virtual = true;
      fd->vslot = i;
      return;
    }
  if (!is_virtual && !overrides) return;
  fd->is_virtual = true; /* a new slot; also for an override of a secondary base's function */
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

/* Gives a generated function (a pure-virtual trap, a this-adjusting
 * thunk) the one statement s as its body and adds it to the module. */
static KFunc *finish_one_stmt_func(Parser *p, KFunc *f, KStmt *s, SrcLoc loc) {
  KStmt *b = new_stmt(p, KS_BLOCK, loc);
  b->stmts = arena_alloc(p->arena, sizeof(KStmt *));
  b->stmts[0] = s;
  b->nstmts = 1;
  f->body = b;
  vec_push(p->arena, &p->m->funcs, f);
  return f;
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
  return finish_one_stmt_func(p, f, s, loc);
}

static KExpr *func_addr(Parser *p, KFunc *f, SrcLoc loc) {
  KExpr *e = new_expr(p, KE_FUNC_ADDR, kt_ptr(p->m, kt_func_of(p->m, f), AS_GENERIC), loc);
  e->fn = f;
  return e;
}

static KExpr *member(Parser *p, KExpr *obj, int field) {
  KType *st = obj->type->unqual;
  KExpr *e = new_expr(p, KE_MEMBER, st->fields[field].type, obj->loc);
  e->a = obj;
  e->field = field;
  return e;
}

/* obj's vptr: field 0 of the hierarchy's root, through the first bases */
static KExpr *vptr_of(Parser *p, KExpr *obj, ClassVirt *v) {
  while (obj->type->unqual != v->root->unqual) obj = member(p, obj, 0);
  return member(p, obj, 0);
}

static KExpr *subobject(Parser *p, KExpr *obj, const VTable *t) {
  for (int i = 0; i < t->npath; i++) obj = member(p, obj, t->path[i]);
  return obj;
}

static int subobject_offset(KType *st, const VTable *t) {
  int off = 0;
  for (int i = 0; i < t->npath; i++) {
    off += st->unqual->fields[t->path[i]].offset;
    st = st->unqual->fields[t->path[i]].type;
  }
  return off;
}

/* `R thunk(Sub *this, args) { return ov((Owner *)((char *)this - off), args); }`:
 * the entry of a secondary table whose slot `st` overrides with ov */
static KFunc *make_thunk(Parser *p, KType *st, const VTable *t, FuncDecl *ov, SrcLoc loc) {
  KFunc *o = ov->kf;
  KFunc *f = arena_alloc(p->arena, sizeof *f);
  f->name = arena_printf(p->arena, "%s [thunk for %s in %s]", o->name, t->cls->name, st->name);
  f->cname = mangle_cname(p, arena_printf(p->arena, "cw_thunk_%s_%s", t->cls->cname, o->cname));
  f->ret = o->ret;
  f->flags = KF_DEVICE;
  f->loc = loc;
  f->id = p->m->funcs.len;
  f->nparams = o->nparams;
  f->params = arena_alloc(p->arena, sizeof(KVar *) * (size_t)(o->nparams + 1));
  f->params[0] = new_var(p, KV_PARAM, "this", kt_ptr(p->m, t->cls, AS_GENERIC), loc);
  f->params[0]->cname = "self";
  KExpr **args = arena_alloc(p->arena, sizeof(KExpr *) * (size_t)(o->nparams + 1));
  for (int i = 1; i < o->nparams; i++) {
    f->params[i] = new_var(p, KV_PARAM, o->params[i]->name, o->params[i]->type, loc);
    f->params[i]->cname = arena_printf(p->arena, "a%d", i);
    args[i] = expr_var(p, f->params[i], loc);
  }
  KType *bytes = kt_ptr(p->m, p->m->t_u8, AS_GENERIC);
  KExpr *top = new_expr(p, KE_BINARY, bytes, loc);
  top->op = KOP_SUB;
  top->a = cast_to(p, expr_var(p, f->params[0], loc), bytes);
  top->b = int_const(p, subobject_offset(st, t), p->m->t_i64, loc);
  KExpr *whole = new_expr(p, KE_DEREF, st, loc);
  whole->a = cast_to(p, top, kt_ptr(p->m, st, AS_GENERIC));
  args[0] = cast_to(p, sema_addr(p, to_base(p, whole, ov->owner), loc), o->params[0]->type);
  KExpr *call = new_expr(p, KE_CALL, o->ret, loc);
  call->fn = o;
  call->args = args;
  call->nargs = o->nparams;
  KStmt *s = new_stmt(p, o->ret->kind == KT_VOID ? KS_EXPR : KS_RETURN, loc);
  s->e = call;
  return finish_one_stmt_func(p, f, s, loc);
}

static KFunc *entry_func(Parser *p, FuncDecl *fd, KFunc *entry, SrcLoc loc) {
  if (entry != fd->kf) return entry;
  return fd->is_pure && !fd->kf->body && !fd->body ? pure_virtual_stub(p, loc) : fd->kf;
}

/* `vtable for X`: the offset to the whole object, then the entries */
static KVar *vtable_global(Parser *p, const char *name, const char *cname, int offset, KFunc **fns,
                           int n, SrcLoc loc) {
  KType *entry = kt_ptr(p->m, p->m->t_void, AS_GENERIC);
  KType *at = kt_array(p->m, entry, n + 1);
  KVar *g = new_var(p, KV_GLOBAL, name, at, loc);
  g->cname = mangle_cname(p, cname);
  g->as = AS_GLOBAL;
  g->is_static = true; /* not a symbol the host can name */
  KExpr *list = new_expr(p, KE_INIT_LIST, at, loc);
  list->args = arena_alloc(p->arena, sizeof(KExpr *) * (size_t)(n + 1));
  list->args[list->nargs++] = cast_to(p, int_const(p, -offset, p->m->t_i64, loc), entry);
  for (int i = 0; i < n; i++) list->args[list->nargs++] = cast_to(p, func_addr(p, fns[i], loc), entry);
  g->init = list;
  vec_push(p->arena, &p->m->globals, g);
  return g;
}

static void build_vtables(Parser *p, KType *st, ClassVirt *v, SrcLoc loc) {
  bool device = false;
  for (int i = 0; i < v->slots.len; i++)
    device |= (((FuncDecl *)v->slots.items[i])->kf->flags & KF_DEVICE) != 0;
  if (!device) return; /* a host class: device code never calls through it */
  KFunc **fns = arena_alloc(p->arena, sizeof(KFunc *) * (size_t)(v->slots.len + 1));
  for (int i = 0; i < v->slots.len; i++) {
    FuncDecl *fd = v->slots.items[i];
    fns[i] = entry_func(p, fd, fd->kf, loc);
  }
  v->vtable = vtable_global(p, arena_printf(p->arena, "vtable for %s", st->name),
                            arena_printf(p->arena, "cw_vtable_%s", st->cname), 0, fns,
                            v->slots.len, loc);
  for (int k = 0; k < v->secondary.len; k++) {
    VTable *t = v->secondary.items[k];
    KFunc **tf = arena_alloc(p->arena, sizeof(KFunc *) * (size_t)(t->slots.len + 1));
    for (int i = 0; i < t->slots.len; i++) {
      FuncDecl *fd = t->slots.items[i];
      if (!t->entries.items[i]) t->entries.items[i] = make_thunk(p, st, t, fd, loc);
      tf[i] = entry_func(p, fd, t->entries.items[i], loc);
    }
    t->var = vtable_global(p, arena_printf(p->arena, "vtable for %s in %s", t->cls->name, st->name),
                           arena_printf(p->arena, "cw_vtable_%s_in_%s", t->cls->cname, st->cname),
                           subobject_offset(st, t), tf, t->slots.len, loc);
  }
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
  if (v->slots.len) build_vtables(p, st, v, at->loc);
}

/* ---- constructors, destructors, calls ------------------------------------ */

/* vptr = &table[1] (entry 0 is the offset to the whole object) */
static KStmt *store_vptr(Parser *p, KExpr *obj, ClassVirt *v, KVar *table, SrcLoc loc) {
  KExpr *dst = vptr_of(p, obj, v);
  KExpr *first = sema_index(p, expr_var(p, table, loc), int_const(p, 1, p->m->t_i32, loc), loc);
  KStmt *s = new_stmt(p, KS_EXPR, loc);
  s->e = sema_assign(p, KOP_NONE, dst, cast_to(p, sema_addr(p, first, loc), dst->type), loc);
  return s;
}

void class_ctor_prologue(Parser *p, FuncDecl *fd, KExpr *self, PtrVec *stmts) {
  ClassVirt *v = virt_of(fd->owner);
  if (!v || !v->vtable) return;
  SrcLoc loc = self->loc;
  vec_push(p->arena, stmts, store_vptr(p, self, v, v->vtable, loc));
  for (int k = 0; k < v->secondary.len; k++) {
    VTable *t = v->secondary.items[k];
    if (t->var) vec_push(p->arena, stmts, store_vptr(p, subobject(p, self, t), virt_of(t->cls), t->var, loc));
  }
}

KExpr *class_slice(Parser *p, KType *t, KExpr *sub, SrcLoc loc) {
  ClassVirt *v = virt_of(t);
  if (!v || !v->vtable || !p->fn) return sub;
  KVar *tmp;
  KExpr *e = make_temp(p, rvalue(p, sub), &tmp);
  KExpr *obj = expr_var(p, tmp, loc);
  e = expr_comma(p, e, store_vptr(p, obj, v, v->vtable, loc)->e);
  for (int k = 0; k < v->secondary.len; k++) {
    VTable *vt = v->secondary.items[k];
    if (vt->var) e = expr_comma(p, e, store_vptr(p, subobject(p, obj, vt), virt_of(vt->cls), vt->var, loc)->e);
  }
  return expr_comma(p, e, expr_var(p, tmp, loc));
}

KExpr *class_object_top(Parser *p, KExpr *ptr) {
  ClassVirt *v = virt_of(ptr->type->elem);
  KType *bytes = kt_ptr(p->m, p->m->t_u8, AS_GENERIC);
  if (!v) return cast_to(p, ptr, bytes);
  KExpr *obj = new_expr(p, KE_DEREF, ptr->type->elem, ptr->loc);
  obj->a = ptr;
  KExpr *off = sema_index(p, rvalue(p, vptr_of(p, obj, v)), int_const(p, -1, p->m->t_i32, ptr->loc), ptr->loc);
  KExpr *e = new_expr(p, KE_BINARY, bytes, ptr->loc);
  e->op = KOP_ADD;
  e->a = cast_to(p, ptr, bytes);
  e->b = cast_to(p, rvalue(p, off), p->m->t_i64);
  return e;
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
  call->virtual_call = true;
  KExpr *e = new_expr(p, KE_COMMA, call->type, loc);
  e->a = set;
  e->b = call;
  return e;
}
