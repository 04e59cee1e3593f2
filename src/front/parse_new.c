/*
 * parse_new.c — `new` and `delete` in device code.
 *
 * CUDA gives device code a heap (malloc/free, new/delete); here both are
 * the device builtins malloc and free.  `new T(args)` allocates sizeof(T),
 * then constructs in place: a class's constructor, else the value (or a
 * default-initialized aggregate with its default member initializers);
 * placement `new (buf) T(args)` constructs at buf; `new T[n]` allocates n
 * objects of a type without constructors.  `delete p` runs the
 * destructor (through the vtable when it is virtual, class_virtual.c) of
 * a non-null p, then frees the memory; `delete[] p` frees an array of
 * objects whose destruction does nothing (arrays keep no element count).
 */
#include <string.h>

#include "decl.h"

static KExpr *builtin(Parser *p, Token *at, const char *name, KExpr *arg) {
  Token fake = *at;
  fake.kind = TK_IDENT;
  fake.spelling = name;
  fake.len = (int)strlen(name);
  return sema_builtin_call(p, name, &arg, 1, &fake);
}

static bool has_ctors(KType *t) {
  t = t->unqual;
  return t->kind == KT_STRUCT && t->front && scope_find_local(t->front, "<ctor>");
}

/* the object at *ptr constructed from args */
static KExpr *construct_at(Parser *p, KExpr *ptr, KType *t, PtrVec *args, bool init, Token *at) {
  KExpr *obj = sema_deref(p, ptr, at->loc);
  if (has_ctors(t)) {
    Token fake = *at;
    fake.spelling = t->name;
    return sema_call_funcs(p, scope_find_local(t->unqual->front, "<ctor>"), class_ctor_templates(t),
                           NULL, 0, obj, (KExpr **)args->items, args->len, &fake);
  }
  if (!init && !has_member_defaults(t)) return NULL; /* default-initialized: indeterminate */
  obj->type = obj->type->unqual;
  KExpr *v = sema_construct(p, t, (KExpr **)args->items, args->len, at->loc);
  return sema_assign(p, KOP_NONE, obj, v, at->loc);
}

static KExpr *comma(Parser *p, KExpr *a, KExpr *b) {
  KExpr *e = new_expr(p, KE_COMMA, b->type, a->loc);
  e->a = a;
  e->b = b;
  return e;
}

/* new-expression = "new" ("(" placement ")")? type ("[" count "]")? ("(" args ")" | "{" args "}")? */
KExpr *parse_new(Parser *p) {
  Token *kw = p->tok;
  p->tok = kw->next;
  KExpr *place = NULL;
  if (consume(p, "(")) {
    place = rvalue(p, parse_assign(p));
    expect(p, ")");
  }
  KType *t = parse_type_specifier(p);
  while (consume(p, "*")) t = kt_ptr(p->m, t, AS_GENERIC);
  KExpr *count = NULL;
  if (consume(p, "[")) {
    count = convert(p, parse_expr(p), p->m->t_u64, CONV_ARG, p->tok->loc);
    expect(p, "]");
  }
  PtrVec args = {0};
  bool init = equal(p->tok, "(") || equal(p->tok, "{");
  if (init) {
    const char *close = equal(p->tok, "(") ? ")" : "}";
    p->tok = p->tok->next;
    while (!equal(p->tok, close)) {
      if (args.len) expect(p, ",");
      vec_push(p->arena, &args, parse_assign(p));
    }
    p->tok = p->tok->next;
  }
  KType *pt = kt_ptr(p->m, t, AS_GENERIC);
  KExpr *size = int_const(p, t->size, p->m->t_u64, kw->loc);
  if (count) size = sema_binary(p, KOP_MUL, size, count, kw->loc);
  KExpr *mem = cast_to(p, place ? place : builtin(p, kw, "malloc", size), pt);
  if (count && has_ctors(t) && !place)
    error_tok(p, kw, "'new[]' of a class with constructors is not supported in device code");
  if (count && has_ctors(t)) /* placement new[]: the objects are made in place, one by one */
    error_tok(p, kw, "placement 'new[]' of a class with constructors is not supported in device code");
  KVar *tmp;
  KExpr *set = make_temp(p, mem, &tmp);
  if (count) return set;
  KExpr *ref = new_expr(p, KE_VAR, tmp->type, kw->loc);
  ref->var = tmp;
  KExpr *made = construct_at(p, ref, t, &args, init, kw);
  return made ? comma(p, set, comma(p, made, ref)) : set;
}

/* delete-expression = "delete" ("[" "]")? cast-expression — the operand
 * parsed by the caller */
KExpr *delete_expr(Parser *p, Token *kw, KExpr *ptr, bool array) {
  if (ptr->type->kind != KT_PTR)
    error_at(p, ptr->loc, "cannot delete expression of type '%s'", type_name(p, ptr->type));
  KType *t = ptr->type->elem;
  FuncDecl *dtor = class_dtor(t);
  bool effects = dtor && (dtor->is_virtual || class_dtor_has_effects(t));
  if (array && effects)
    error_tok(p, kw, "'delete[]' of objects with a destructor is not supported in device code");
  if (array || !effects) return builtin(p, kw, "free", ptr);
  /* p ? (p->~T(), free(p)) : (void)0, p evaluated once */
  KVar *tmp;
  KExpr *set = make_temp(p, ptr, &tmp);
  KExpr *ref = new_expr(p, KE_VAR, tmp->type, kw->loc);
  ref->var = tmp;
  KExpr *run = sema_call_decl(p, dtor, sema_deref(p, ref, kw->loc), NULL, 0, kw->loc);
  KExpr *both = comma(p, run, builtin(p, kw, "free", ref));
  KExpr *none = cast_to(p, int_const(p, 0, p->m->t_i32, kw->loc), p->m->t_void);
  KExpr *sel = new_expr(p, KE_COND, p->m->t_void, kw->loc);
  sel->a = to_bool(p, ref, kw->loc);
  sel->b = both;
  sel->c = none;
  return comma(p, set, sel);
}
