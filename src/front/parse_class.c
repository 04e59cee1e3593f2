/*
 * parse_class.c — struct/class/union and enum specifiers.
 *
 * A class gets a scope of its own (KType.front) holding its data members
 * (SYM_FIELD), member functions (overload sets; constructors under the
 * name "<ctor>"), static constexpr members, nested types and member
 * templates.  Member function bodies are parsed after the closing brace,
 * when every member is known, as C++ requires.  Member functions without
 * __device__ are host code: recorded, never parsed.  Destructors are
 * member functions named "<dtor>"; vtables, implicit constructors and
 * destructors are class_virtual.c's.
 */
#include <string.h>

#include "decl.h"

static void add_field(Parser *p, KType *st, const char *name, KType *t, Token *at) {
  for (int i = 0; i < st->nfields; i++)
    if (!strcmp(st->fields[i].name, name)) error_tok(p, at, "duplicate member '%s'", name);
  if (t->kind == KT_VOID || (t->kind == KT_ARRAY && t->count < 0))
    error_tok(p, at, "field has incomplete type '%s'", type_name(p, t));
  if (t->unqual == st) error_tok(p, at, "field has incomplete type '%s'", st->name);
  require_complete(p, t, at->loc, "field has");
  KField *nf = arena_alloc(p->arena, sizeof(KField) * (size_t)(st->nfields + 1));
  if (st->nfields) memcpy(nf, st->fields, sizeof(KField) * (size_t)st->nfields);
  nf[st->nfields].name = name;
  nf[st->nfields].type = t;
  st->fields = nf;
  Sym *s = scope_add(p, st->front, SYM_FIELD, name, at->loc);
  s->owner = st;
  s->field = st->nfields++;
}

static void static_member(Parser *p, DeclSpec *ds, Declarator *d) {
  if (!ds->type->is_const)
    error_tok(p, d->name_tok, "non-const static data members are not supported in device code");
  expect(p, "=");
  KExpr *e = convert(p, parse_assign(p), d->type, CONV_INIT, p->tok->loc);
  Sym *s = scope_add(p, p->scope, SYM_VAR, d->name, d->name_tok->loc);
  s->type = d->type;
  s->has_value = true;
  if (kt_is_float(d->type) && e->kind == KE_CAST && e->a->kind == KE_FLOAT) s->fvalue = e->a->fval;
  else if (e->kind == KE_FLOAT) s->fvalue = e->fval;
  else if (!eval_const(p, e, &s->value))
    error_at(p, e->loc, "static data member initializer must be a constant expression");
}

/* member-declarator = name ":" constant-expression — the field just added */
static void bit_field(Parser *p, KType *st, Declarator *d) {
  Token *colon = p->tok;
  p->tok = p->tok->next;
  int64_t w = const_int_expr(p, "bit-field width is not an integral constant expression");
  if (!kt_is_int(d->type))
    error_tok(p, d->name_tok, "bit-field '%s' has non-integral type '%s'", d->name, type_name(p, d->type));
  if (w <= 0 || w > d->type->size * 8)
    error_tok(p, colon, "width of bit-field '%s' (%lld bits) is invalid for its type", d->name, (long long)w);
  st->fields[st->nfields - 1].bit_width = (int)w;
}

/* `int n = 4;` / `float v{1.f};` in a class: the initializer's tokens,
 * replayed wherever an object is made without initializing the field */
Sym *class_add_field(Parser *p, KType *st, const char *name, KType *t, SrcLoc loc) {
  Token at = {0};
  at.loc = loc;
  add_field(p, st, name, t, &at);
  return scope_find_local(st->front, name);
}

static void record_member_init(Parser *p, KType *st) {
  Scope *cs = st->front;
  if (!cs->member_init) cs->member_init = arena_alloc(p->arena, sizeof(Token *) * 256);
  if (st->nfields > 256) error_tok(p, p->tok, "too many fields with default member initializers");
  cs->member_init[st->nfields - 1] = p->tok;
  pin_tokens(p); /* parsed again for each constructor */
  if (equal(p->tok, "{")) {
    skip_balanced(p);
    return;
  }
  for (int depth = 0; p->tok->kind != TK_EOF; p->tok = p->tok->next) {
    if (depth == 0 && (equal(p->tok, ",") || equal(p->tok, ";"))) return;
    if (equal(p->tok, "(") || equal(p->tok, "[") || equal(p->tok, "{")) depth++;
    if (equal(p->tok, ")") || equal(p->tok, "]") || equal(p->tok, "}")) depth--;
  }
}

/* the struct, or a struct among its fields (arrays of them too), has a
 * default member initializer */
bool has_member_defaults(KType *st) {
  st = st->unqual;
  while (st->kind == KT_ARRAY) st = st->elem->unqual;
  if (st->kind != KT_STRUCT || !st->front) return false;
  if (((Scope *)st->front)->member_init) return true;
  for (int i = 0; i < st->nfields; i++)
    if (has_member_defaults(st->fields[i].type)) return true;
  return false;
}

KExpr *member_default(Parser *p, KType *st, int field) {
  st = st->unqual;
  Token **inits = st->kind == KT_STRUCT && st->front ? ((Scope *)st->front)->member_init : NULL;
  if (!inits || field > 255) return NULL;
  Token *at = inits[field];
  if (!at) return NULL;
  Token *saved_tok = p->tok;
  Scope *saved_scope = p->scope;
  bool saved_gt = p->no_gt;
  p->tok = equal(at, "=") ? at->next : at;
  p->scope = st->front;
  p->no_gt = false;
  KExpr *e = parse_initializer(p, st->fields[field].type, at->loc);
  p->tok = saved_tok;
  p->scope = saved_scope;
  p->no_gt = saved_gt;
  return e;
}

bool is_ctor_start(Parser *p, KType *st, const char *short_name) {
  Token *t = p->tok;
  while (equal(t, "__device__") || equal(t, "__host__") || equal(t, "__forceinline__") ||
         equal(t, "explicit") || equal(t, "constexpr") || equal(t, "inline"))
    t = t->next;
  (void)st;
  return t->kind == TK_IDENT && !strcmp(t->spelling, short_name) && equal(t->next, "(");
}

/* constructor = specifiers name "(" params ")" ctor-initializer? body; a
 * constructor template's instance passes its display name and gets its
 * declaration back */
void parse_class_ctor(Parser *p, KType *st, const char *short_name, const char *display,
                      FuncDecl **out) {
  DeclSpec ds;
  memset(&ds, 0, sizeof ds);
  while (!equal(p->tok, short_name)) {
    if (equal(p->tok, "__device__")) ds.fflags |= KF_DEVICE;
    if (equal(p->tok, "__host__")) ds.fflags |= KF_HOST;
    if (equal(p->tok, "__forceinline__")) ds.fflags |= KF_FORCEINLINE;
    if (equal(p->tok, "constexpr")) ds.is_constexpr = true;
    p->tok = p->tok->next;
  }
  ds.type = p->m->t_void;
  DeclSpec tmp = ds;
  Declarator d;
  parse_declarator(p, &tmp, &d, false);
  d.name = "<ctor>";
  d.type = p->m->t_void;
  if (out) *out = NULL;
  if (equal(p->tok, "=")) { /* = default / = delete: the implicit one */
    skip_to_sync(p);
    return;
  }
  function_definition_or_decl(p, &ds, &d, st, display, out);
}

static bool is_dtor_start(Token *t) {
  while (equal(t, "__device__") || equal(t, "__host__") || equal(t, "__forceinline__") ||
         equal(t, "inline") || equal(t, "virtual") || equal(t, "constexpr"))
    t = t->next;
  return equal(t, "~");
}

/* destructor = specifiers "~" name "(" "void"? ")" ("noexcept" | "override")*
 *              (";" | "=" ("default" | "delete") ";" | body)
 * A member function named "<dtor>" (class_virtual.c runs it); `= default`
 * is an empty body. */
static void parse_destructor(Parser *p, KType *st) {
  DeclSpec ds;
  memset(&ds, 0, sizeof ds);
  for (; !equal(p->tok, "~"); p->tok = p->tok->next) {
    if (equal(p->tok, "__device__")) ds.fflags |= KF_DEVICE;
    if (equal(p->tok, "__host__")) ds.fflags |= KF_HOST;
    if (equal(p->tok, "__forceinline__")) ds.fflags |= KF_FORCEINLINE;
    if (equal(p->tok, "virtual")) ds.is_virtual = true;
  }
  Token *tilde = p->tok;
  p->tok = tilde->next;
  Token *name = p->tok;
  expect_ident(p);
  expect(p, "(");
  consume(p, "void");
  expect(p, ")");
  while (equal(p->tok, "noexcept") || equal(p->tok, "override") || equal(p->tok, "final")) {
    p->tok = p->tok->next;
    if (equal(p->tok, "(")) skip_balanced(p);
  }
  ds.type = p->m->t_void;
  Declarator d;
  memset(&d, 0, sizeof d);
  d.name = "<dtor>";
  d.name_tok = tilde;
  d.type = p->m->t_void;
  d.is_func = true;
  Token *resume = NULL;
  if (equal(p->tok, "=") && equal(p->tok->next, "delete")) {
    skip_to_sync(p);
    return;
  }
  if (equal(p->tok, "=") && equal(p->tok->next, "default")) { /* replayed as `{ }` */
    Token *open = arena_alloc(p->arena, sizeof *open), *close = arena_alloc(p->arena, sizeof *close);
    *open = *p->tok, *close = *p->tok;
    open->kind = close->kind = TK_PUNCT;
    open->spelling = "{", close->spelling = "}";
    open->len = close->len = 1;
    open->next = close;
    close->next = p->tok->next->next; /* the ';' */
    resume = close->next;
    p->tok = open;
  }
  FuncDecl *fd;
  function_definition_or_decl(p, &ds, &d, st, NULL, &fd);
  if (fd) fd->kf->name = arena_printf(p->arena, "%s::~%s", st->name, name->spelling);
  if (resume && p->tok == resume) consume(p, ";");
}

static Token *skip_fn_specifiers(Token *t) {
  while (equal(t, "__device__") || equal(t, "__host__") || equal(t, "__forceinline__") ||
         equal(t, "inline") || equal(t, "explicit") || equal(t, "constexpr"))
    t = t->next;
  return t;
}

static bool is_conversion_op(Token *t) {
  t = skip_fn_specifiers(t);
  return equal(t, "operator") && t->next->kind == TK_IDENT && !equal(t->next, "new") &&
         !equal(t->next, "delete");
}

/* conversion-function = specifiers "operator" type "(" ")" cv? body
 * Replayed as `specifiers type <conv>N() cv body`, a member function that
 * convert() finds by the "<conv>" prefix of its name. */
static void parse_conversion_op(Parser *p, KType *st) {
  Token head = {0}, *tail = &head, *op = skip_fn_specifiers(p->tok), *paren = op->next;
  while (!equal(paren, "(") && paren->kind != TK_EOF) paren = paren->next;
  for (Token *t = p->tok; t != paren; t = t->next) {
    if (t == op || equal(t, "explicit")) continue;
    Token *c = arena_alloc(p->arena, sizeof *c);
    *c = *t;
    tail = tail->next = c;
  }
  Token *name = arena_alloc(p->arena, sizeof *name);
  *name = *op;
  name->spelling = arena_printf(p->arena, "<conv>%d", p->uniq++);
  name->len = (int)strlen(name->spelling);
  tail = tail->next = name;
  tail->next = paren;
  p->tok = head.next;
  DeclSpec ds;
  parse_declspec(p, &ds, true);
  Declarator d;
  parse_declarator(p, &ds, &d, false);
  function_definition_or_decl(p, &ds, &d, st, NULL, NULL);
}

void parse_class_member(Parser *p, KType *st, const char *short_name) {
  Token *t = p->tok;
  if ((equal(t, "public") || equal(t, "private") || equal(t, "protected")) && equal(t->next, ":")) {
    p->tok = t->next->next;
    return;
  }
  if (consume(p, ";")) return;
  if (equal(t, "template")) { parse_template_decl(p); return; }
  if (equal(t, "using") || equal(t, "typedef")) { parse_using_or_typedef(p); return; }
  if (equal(t, "static_assert")) { parse_static_assert(p); return; }
  if (equal(t, "friend")) { skip_to_sync(p); return; }
  if (is_dtor_start(t)) {
    parse_destructor(p, st);
    return;
  }
  if (is_ctor_start(p, st, short_name)) { parse_class_ctor(p, st, short_name, NULL, NULL); return; }
  if (is_conversion_op(t)) { parse_conversion_op(p, st); return; }
  DeclSpec ds;
  parse_declspec(p, &ds, true);
  if (consume(p, ";")) return;
  do {
    Declarator d;
    parse_declarator(p, &ds, &d, false);
    if (d.is_func) {
      function_definition_or_decl(p, &ds, &d, st, NULL, NULL);
      return;
    }
    if (ds.is_static) {
      static_member(p, &ds, &d);
      continue;
    }
    if (!d.type) /* `auto` without an initializer: a lambda whose call operator did not parse */
      error_tok(p, d.name_tok ? d.name_tok : p->tok, "cannot tell the type of member '%s'",
                d.name ? d.name : "?");
    add_field(p, st, d.name, d.is_ref ? kt_ptr(p->m, d.type, AS_GENERIC) : d.type, d.name_tok);
    if (equal(p->tok, ":")) bit_field(p, st, &d);
    if (equal(p->tok, "=") || equal(p->tok, "{")) record_member_init(p, st);
  } while (consume(p, ","));
  expect(p, ";");
}

/* Whether the member declaration at t declares no data member of the
 * object (a function, a type, a static member ...): skipping it leaves
 * the layout as it is.  `T (*f)(U)` is a data member: the parenthesis
 * opens a declarator. */
static bool member_has_no_layout(Token *t) {
  if (equal(t, "typedef") || equal(t, "using") || equal(t, "friend") || equal(t, "template") ||
      equal(t, "static_assert") || equal(t, "static") || equal(t, "enum") || is_dtor_start(t))
    return true;
  for (int depth = 0; t->kind != TK_EOF; t = t->next) {
    if (depth == 0 && (equal(t, ";") || equal(t, "{") || equal(t, "=") || equal(t, ":")))
      return false;
    if (equal(t, "operator")) return true;
    if (equal(t, "(") || equal(t, "[")) {
      if (depth == 0 && equal(t, "(") && !equal(t->next, "*") && !equal(t->next, "&"))
        return true; /* a parameter list */
      depth++;
    } else if (equal(t, ")") || equal(t, "]")) {
      depth--;
    }
  }
  return false;
}

/* A member function (or constructor) declared without __device__ or
 * __global__: host code, whatever the class. */
static bool host_member_function(Token *t) {
  if (member_has_no_layout(t) && !equal(t, "typedef") && !equal(t, "using") &&
      !equal(t, "friend") && !equal(t, "template") && !equal(t, "static_assert") &&
      !equal(t, "enum") && !is_dtor_start(t)) {
    for (; t->kind != TK_EOF && !equal(t, "(") && !equal(t, ";"); t = t->next)
      if (equal(t, "__device__") || equal(t, "__global__") || equal(t, "operator")) return false;
    return equal(t, "(");
  }
  return false;
}

/* A member that device code cannot read is skipped, not the whole class,
 * in a class host code defines (parsed speculatively) and in any class
 * for its host member functions: a member function taking a std::vector
 * leaves the data members usable.  A data member it cannot read leaves
 * the class without a layout, and device code that needs one is told
 * why (require_complete). */
static void parse_member_of_host_class(Parser *p, KType *st, const char *short_name) {
  Token *volatile start = p->tok;
  jmp_buf jb, *saved = p->recover;
  Scope *scope = p->scope;
  bool spec = p->speculative;
  p->speculative = true; /* host code: its errors are no diagnostics */
  p->recover = &jb;
  if (setjmp(jb)) {
    p->speculative = spec;
    p->recover = saved;
    p->scope = scope;
    p->cur_class = st;
    p->fn = NULL;
    p->no_gt = false;
    p->tok = start;
    skip_to_sync(p);
    if (p->tok == start) p->tok = p->tok->next; /* always make progress */
    front_record_host_span(p, start, p->tok); /* NVRTC could not read it either */
    Scope *cs = st->front;
    if (!member_has_no_layout(start) && !cs->incomplete_why)
      cs->incomplete_why = arena_printf(
          p->arena, "its member at %s:%d:%d has a type device code does not know",
          srcloc_file(start->loc) && srcloc_file(start->loc)->name ? srcloc_file(start->loc)->name : "?",
          start->loc.line, start->loc.col);
    return;
  }
  parse_class_member(p, st, short_name);
  p->speculative = spec;
  p->recover = saved;
}

static KType *declare_class(Parser *p, const char *name, const char *display, bool is_union,
                            Token *at, bool defining) {
  Sym *old = name ? scope_find_local(p->scope, name) : NULL;
  if (old && old->kind == SYM_TYPE && old->type->kind == KT_STRUCT) {
    if (defining && old->type->size) /* a forward declaration has no size yet */
      error_tok(p, at, "redefinition of '%s'", name);
    return old->type;
  }
  if (old && defining && old->kind != SYM_HOST) error_tok(p, at, "redefinition of '%s'", name);
  const char *disp = display ? display : name ? arena_printf(p->arena, "%s%s", p->scope->prefix, name)
                                              : arena_printf(p->arena, "anon%d", p->uniq++);
  KType *st = kt_struct_new(p->m, disp, mangle_cname(p, disp), is_union);
  Scope *cs = scope_new(p, p->scope, false);
  cs->klass = st;
  cs->prefix = arena_printf(p->arena, "%s::", disp);
  cs->cprefix = arena_printf(p->arena, "%s_", st->cname);
  st->front = cs;
  if (name) {
    Sym *s = scope_add(p, p->scope, SYM_TYPE, name, at->loc);
    s->type = st;
  }
  return st;
}

/* base-clause = ":" (("virtual" | "public" | "protected" | "private")* type),+ */
static void parse_base_list(Parser *p, PtrVec *bases) {
  p->tok = p->tok->next;
  do {
    while (equal(p->tok, "public") || equal(p->tok, "protected") || equal(p->tok, "private"))
      p->tok = p->tok->next;
    if (equal(p->tok, "virtual")) error_tok(p, p->tok, "virtual base classes are not supported in device code");
    Token *at = p->tok;
    KType *b = parse_type_specifier(p);
    if (b->unqual->kind != KT_STRUCT || !b->unqual->size)
      error_tok(p, at, "base class has incomplete type '%s'", type_name(p, b));
    vec_push(p->arena, bases, b->unqual);
  } while (consume(p, ","));
}

/* A base class is a hidden leading field `__baseN` (the subobject, so a
 * Derived* converts to a Base* of the first base by address); its members
 * are found through the class scope's using-list. */
static void add_bases(Parser *p, KType *st, PtrVec *bases, Token *at) {
  for (int i = 0; i < bases->len; i++) {
    KType *b = bases->items[i];
    add_field(p, st, arena_printf(p->arena, "__base%d", i), b, at);
    vec_push(p->arena, &((Scope *)st->front)->using_ns, b->front);
    lookup_forget(p);
  }
}

/* class-specifier = ("struct"|"class"|"union") attrs? name? (":" base)? "{" member* "}" */
KType *parse_class_specifier(Parser *p, const char *name_override, Scope *tscope) {
  Token *kw = p->tok;
  bool is_union = equal(kw, "union");
  p->tok = kw->next;
  int align = 0;
  while (equal(p->tok, "__align__") || equal(p->tok, "alignas") || equal(p->tok, "__attribute__")) {
    bool attr = equal(p->tok, "__attribute__");
    p->tok = p->tok->next;
    if (attr) { skip_balanced(p); continue; }
    expect(p, "(");
    align = (int)const_int_expr(p, "alignment must be a constant expression");
    expect(p, ")");
  }
  Token *name = p->tok->kind == TK_IDENT && !equal(p->tok, "final") ? p->tok : NULL;
  if (name) p->tok = name->next;
  if (name && equal(p->tok, "<")) error_tok(p, name, "explicit or partial specialization of '%s' is not supported", name->spelling);
  consume(p, "final");
  PtrVec bases = {0};
  if (equal(p->tok, ":")) parse_base_list(p, &bases);
  bool defining = equal(p->tok, "{");
  if (!defining) {
    if (!name) error_tok(p, p->tok, "expected '{' after anonymous struct");
    Sym *s = lookup(p, name->spelling);
    if (s && s->kind == SYM_TYPE) return s->type;
    return declare_class(p, name->spelling, NULL, is_union, name, false);
  }
  KType *st;
  if (tscope) {
    /* a class template instance: its scope was prepared by the caller */
    st = kt_struct_new(p->m, name_override, mangle_cname(p, name_override), is_union);
    Scope *cs = scope_new(p, tscope, false);
    cs->klass = st;
    cs->prefix = arena_printf(p->arena, "%s::", name_override);
    cs->cprefix = arena_printf(p->arena, "%s_", st->cname);
    st->front = cs;
    Sym *inj = scope_add(p, tscope, SYM_TYPE, name->spelling, name->loc);
    inj->type = st;
    if (p->pending_instance) p->pending_instance->type = st; /* X<args> inside X */
    p->pending_instance = NULL;
    inj->tmpl = tscope->from_tmpl;
  } else {
    st = declare_class(p, name ? name->spelling : NULL, NULL, is_union, name ? name : kw, true);
  }
  st->align = align;
  class_begin_virtual(p, st, &bases, p->tok);
  add_bases(p, st, &bases, kw);
  class_bases_virtual(p, st);
  expect(p, "{");
  Scope *saved_scope = p->scope;
  KType *saved_class = p->cur_class;
  PtrVec saved_deferred = p->deferred;
  memset(&p->deferred, 0, sizeof p->deferred);
  p->scope = st->front;
  p->cur_class = st;
  const char *short_name = name ? name->spelling : "";
  while (!equal(p->tok, "}")) {
    if (p->tok->kind == TK_EOF) error_tok(p, kw, "expected '}' at end of class definition");
    if (p->speculative || host_member_function(p->tok)) parse_member_of_host_class(p, st, short_name);
    else parse_class_member(p, st, short_name);
  }
  Token *close = p->tok;
  p->tok = p->tok->next;
  if (is_device_marker(p->tok) || equal(p->tok, "template") || equal(p->tok, "struct") ||
      equal(p->tok, "class") || equal(p->tok, "typedef") || equal(p->tok, "namespace") ||
      equal(p->tok, "void") || equal(p->tok, "int") || equal(p->tok, "float") || equal(p->tok, "extern"))
    error_tok(p, p->tok, "expected ';' after %s", is_union ? "union" : "struct");
  kt_struct_layout(st);
  if (st->nfields == 0 && !st->is_union) st->size = 1;
  if (((Scope *)st->front)->incomplete_why) st->size = 0; /* no layout: see above */
  kt_refresh_qualified(p->m, st);
  class_end_virtual(p, st, short_name, close); /* vtables need the layout */
  vec_push(p->arena, &p->m->types, st);
  p->scope = saved_scope;
  p->cur_class = saved_class;
  finish_deferred_bodies(p);
  p->deferred = saved_deferred;
  return st;
}

/* enum-specifier = "enum" ("class"|"struct")? name? (":" type)? "{" enumerator,* "}" */
KType *parse_enum_specifier(Parser *p) {
  p->tok = p->tok->next;
  bool scoped = consume(p, "class") || consume(p, "struct");
  Token *name = p->tok->kind == TK_IDENT ? p->tok : NULL;
  if (name) p->tok = name->next;
  KType *base = p->m->t_i32;
  if (consume(p, ":")) base = parse_type_name(p);
  if (!equal(p->tok, "{")) {
    Sym *s = name ? lookup(p, name->spelling) : NULL;
    if (s && s->kind == SYM_TYPE) return s->type;
    if (!name) error_tok(p, p->tok, "expected '{'");
  }
  Scope *es = scope_new(p, p->scope, false);
  if (name) {
    if (scope_find_local(p->scope, name->spelling))
      error_tok(p, name, "redefinition of '%s'", name->spelling);
    Sym *s = scope_add(p, p->scope, SYM_TYPE, name->spelling, name->loc);
    s->type = base;
    s->ns = es;
  }
  if (!consume(p, "{")) { expect(p, ";"); return base; }
  int64_t next = 0;
  while (!equal(p->tok, "}")) {
    Token *en = p->tok;
    expect_ident(p);
    if (consume(p, "=")) next = const_int_expr(p, "enumerator value is not an integral constant expression");
    Sym *c = scope_add(p, es, SYM_CONST, en->spelling, en->loc);
    c->value = next;
    c->type = base;
    if (!scoped) {
      if (scope_find_local(p->scope, en->spelling))
        error_tok(p, en, "redefinition of '%s'", en->spelling);
      Sym *u = scope_add(p, p->scope, SYM_CONST, en->spelling, en->loc);
      u->value = next;
      u->type = base;
    }
    next++;
    if (!consume(p, ",")) break;
  }
  expect(p, "}");
  return base;
}
