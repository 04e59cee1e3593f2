/*
 * parse_new.c — `new` and `delete` in device code.
 *
 * CUDA gives device code a heap (malloc/free, new/delete); here both are
 * the device builtins malloc and free.  `new T(args)` allocates sizeof(T),
 * then constructs in place: a class's constructor, else the value (or a
 * default-initialized aggregate with its default member initializers);
 * placement `new (buf) T(args)` constructs at buf; `new T[n]` allocates n
 * objects of a type without constructors.  `delete p` / `delete[] p` free
 * the memory; destructors with bodies are not supported (see
 * parse_class.c), so there is nothing to run first.
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
  if (count && has_ctors(t))
    error_tok(p, kw, "'new[]' of a class with constructors is not supported in device code");
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
KExpr *delete_expr(Parser *p, Token *kw, KExpr *ptr) {
  if (ptr->type->kind != KT_PTR)
    error_at(p, ptr->loc, "cannot delete expression of type '%s'", type_name(p, ptr->type));
  return builtin(p, kw, "free", ptr);
}
