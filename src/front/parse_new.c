/*
 * parse_new.c — `new` and `delete` in device code.
 *
 * CUDA gives device code a heap (malloc/free, new/delete); here both are
 * the device builtins malloc and free.  `new T(args)` allocates sizeof(T),
 * then constructs in place: a class's constructor, else the value (or a
 * default-initialized aggregate with its default member initializers);
 * placement `new (buf) T(args)` constructs at buf; `new T[n]` allocates n
 * objects.  `delete p` runs the destructor (through the vtable when it is
 * virtual, class_virtual.c) of a non-null p, then frees the memory.
 *
 * Arrays of a class with constructors or a destructor that does something
 * keep their element count in a cookie before the first element, as the
 * Itanium ABI does: `new T[n]` and `delete[] p` call two device functions
 * made once per class, `<new[]>` (allocate, store n, construct each) and
 * `<delete[]>` (destroy each, last first, free), parsed from source text
 * with the class bound to the name __cw_T, since they need loops.
 */
#include <stdio.h>
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

static bool needs_cookie(KType *t) {
  t = t->unqual;
  return t->kind == KT_STRUCT && (has_ctors(t) || class_dtor_has_effects(t));
}

static const char *const array_new_text =
    "__device__ __cw_T *__cw_new_array(unsigned long long __n) {\n"
    "  unsigned char *__m = (unsigned char *)malloc(%d + __n * sizeof(__cw_T));\n"
    "  if (!__m) return 0;\n"
    "  *(unsigned long long *)(__m + %d) = __n;\n"
    "  __cw_T *__p = (__cw_T *)(__m + %d);\n"
    "  for (unsigned long long __i = 0; __i < __n; __i++) new (__p + __i) __cw_T();\n"
    "  return __p;\n"
    "}\n";

static const char *const array_delete_text =
    "__device__ void __cw_delete_array(__cw_T *__p) {\n"
    "  if (!__p) return;\n"
    "  unsigned char *__m = (unsigned char *)__p - %d;\n"
    "  for (unsigned long long __i = *(unsigned long long *)(__m + %d); __i > 0; __i--)\n"
    "    __p[__i - 1].~__cw_T();\n"
    "  free(__m);\n"
    "}\n";

/* the class's <new[]> or <delete[]> helper, parsed on first use */
static FuncDecl *array_helper(Parser *p, KType *t, bool make, Token *at) {
  t = t->unqual;
  const char *key = make ? "<new[]>" : "<delete[]>";
  Sym *have = scope_find_local(t->front, key);
  if (have) return have->funcs.items[0];
  int cookie = t->align > 8 ? t->align : 8;
  char text[1024];
  snprintf(text, sizeof text, make ? array_new_text : array_delete_text, cookie, cookie - 8,
           cookie);
  SrcFile *f = srcfile_new(p->arena, srcloc_file(at->loc) ? srcloc_file(at->loc)->name : "<new[]>",
                           arena_strdup(p->arena, text), strlen(text));
  Token *toks = lex_file(p->arena, p->diags, f);
  for (Token *k = toks; k; k = k->next) k->loc = at->loc; /* errors point at the new/delete */
  Scope *bind = scope_new(p, p->global, false);
  bind->prefix = arena_printf(p->arena, "%s::", t->name);
  bind->cprefix = arena_printf(p->arena, "%s_", t->cname);
  Sym *tn = scope_add(p, bind, SYM_TYPE, "__cw_T", at->loc);
  tn->type = t;
  Saved sv;
  save_state(p, &sv);
  p->tok = toks;
  p->scope = bind;
  p->fn = NULL;
  p->cur_class = NULL;
  p->no_gt = false;
  p->speculative = false;
  DeclSpec ds;
  parse_declspec(p, &ds, true);
  Declarator d;
  parse_declarator(p, &ds, &d, false);
  FuncDecl *fd;
  function_definition_or_decl(p, &ds, &d, NULL, NULL, &fd);
  restore_state(p, &sv);
  if (!fd) error_tok(p, at, "internal: cannot make the %s helper of '%s'", key, t->name);
  Sym *s = scope_add(p, t->front, SYM_FUNC, key, at->loc);
  vec_push(p->arena, &s->funcs, fd);
  return fd;
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
  if (count && needs_cookie(t)) {
    if (place)
      error_tok(p, kw, "placement 'new[]' of a class with constructors is not supported in "
                       "device code");
    if (args.len)
      error_tok(p, kw, "'new[]' of a class with initializers is not supported in device code");
    KExpr *n = count;
    return sema_call_decl(p, array_helper(p, t, true, kw), NULL, &n, 1, kw->loc);
  }
  KVar *tmp;
  KExpr *set = make_temp(p, mem, &tmp);
  if (count) return set;
  KExpr *ref = new_expr(p, KE_VAR, tmp->type, kw->loc);
  ref->var = tmp;
  KExpr *made = construct_at(p, ref, t, &args, init, kw);
  return made ? expr_comma(p, set, expr_comma(p, made, ref)) : set;
}

/* delete-expression = "delete" ("[" "]")? cast-expression — the operand
 * parsed by the caller */
KExpr *delete_expr(Parser *p, Token *kw, KExpr *ptr, bool array) {
  if (ptr->type->kind != KT_PTR)
    error_at(p, ptr->loc, "cannot delete expression of type '%s'", type_name(p, ptr->type));
  KType *t = ptr->type->elem;
  if (array && needs_cookie(t)) {
    KExpr *arg = ptr;
    return sema_call_decl(p, array_helper(p, t, false, kw), NULL, &arg, 1, kw->loc);
  }
  FuncDecl *dtor = class_dtor(t);
  bool effects = dtor && (dtor->is_virtual || class_dtor_has_effects(t));
  if (array || !effects) return builtin(p, kw, "free", ptr);
  /* p ? (p->~T(), free(p)) : (void)0, p evaluated once */
  KVar *tmp;
  KExpr *set = make_temp(p, ptr, &tmp);
  KExpr *ref = new_expr(p, KE_VAR, tmp->type, kw->loc);
  ref->var = tmp;
  KExpr *run = sema_call_decl(p, dtor, sema_deref(p, ref, kw->loc), NULL, 0, kw->loc);
  KExpr *both;
  if (dtor->is_virtual) { /* p may point into the object: free the whole one */
    KVar *top;
    KExpr *set_top = make_temp(p, class_object_top(p, ref), &top);
    KExpr *top_ref = new_expr(p, KE_VAR, top->type, kw->loc);
    top_ref->var = top;
    both = expr_comma(p, set_top, expr_comma(p, run, builtin(p, kw, "free", top_ref)));
  } else {
    both = expr_comma(p, run, builtin(p, kw, "free", ref));
  }
  KExpr *none = cast_to(p, int_const(p, 0, p->m->t_i32, kw->loc), p->m->t_void);
  KExpr *sel = new_expr(p, KE_COND, p->m->t_void, kw->loc);
  sel->a = to_bool(p, ref, kw->loc);
  sel->b = both;
  sel->c = none;
  return expr_comma(p, set, sel);
}
