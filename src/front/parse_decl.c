/*
 * parse_decl.c — declaration specifiers, declarators, and variables
 * (locals, globals in the CUDA address spaces, typedef/using aliases,
 * static_assert).
 *
 * Declaration specifiers are read in any order, as C allows; the type
 * keywords are counted and combined at the end (`unsigned long long int`).
 * A declarator applies pointers before the name and arrays/parameter lists
 * after it; references to arrays (`T (&a)[N]`) are read, and a
 * parenthesized pointer, `R (*f)(args)` or `T (*rows)[N]`, makes pointers
 * to functions (KT_FUNC, sema_fnptr.c) and to arrays.
 */
#include <string.h>

#include "decl.h"

enum {
  K_VOID = 1 << 0, K_BOOL = 1 << 2, K_CHAR = 1 << 4, K_SHORT = 1 << 6,
  K_INT = 1 << 8, K_LONG = 1 << 10, K_FLOAT = 1 << 12, K_DOUBLE = 1 << 14,
  K_SIGNED = 1 << 16, K_UNSIGNED = 1 << 18, K_HALF = 1 << 20, K_OTHER = 1 << 22,
};

static KType *keyword_type(Parser *p, int c, Token *t) {
  KModule *m = p->m;
  bool u = c & K_UNSIGNED;
  c &= ~(K_SIGNED | K_UNSIGNED);
  switch (c) {
  case K_VOID: return m->t_void;
  case K_BOOL: return m->t_bool;
  case K_CHAR: return u ? m->t_u8 : m->t_i8;
  case K_SHORT: case K_SHORT + K_INT: return u ? m->t_u16 : m->t_i16;
  case 0: case K_INT: return u ? m->t_u32 : m->t_i32;
  case K_LONG: case K_LONG + K_INT: return u ? m->t_ulong : m->t_long;
  case K_LONG + K_LONG: case K_LONG + K_LONG + K_INT: return u ? m->t_u64 : m->t_i64;
  case K_FLOAT: return m->t_f32;
  case K_DOUBLE: return m->t_f64;
  case K_LONG + K_DOUBLE:
    warn_at(p, t->loc, "'long double' is lowered to 'double' on every backend");
    return m->t_f64;
  case K_HALF: return m->t_f16;
  default: error_tok(p, t, "invalid combination of type specifiers");
  }
}

bool is_device_marker(Token *t) {
  return t->kind == TK_IDENT && t->spelling[0] == '_' &&
         (equal(t, "__global__") || equal(t, "__device__") || equal(t, "__constant__") ||
          equal(t, "__shared__") || equal(t, "__managed__"));
}

static int paren_int(Parser *p) {
  expect(p, "(");
  bool saved = p->no_gt;
  p->no_gt = false;
  int64_t v = const_int_expr(p, "expression is not an integral constant expression");
  p->no_gt = saved;
  return (int)v;
}

static void skip_attribute(Parser *p) {
  if (equal(p->tok, "[")) { /* [[...]] */
    skip_balanced(p);
    return;
  }
  p->tok = p->tok->next; /* __attribute__ */
  if (equal(p->tok, "(")) skip_balanced(p);
}

/* qualifiers and storage classes; true when consumed */
static bool parse_qualifier(Parser *p, DeclSpec *ds, bool *is_const, bool *is_volatile) {
  Token *t = p->tok;
  if (t->kind != TK_IDENT && !(equal(t, "[") && equal(t->next, "["))) return false;
  if (equal(t, "[") || equal(t, "__attribute__")) { skip_attribute(p); return true; }
  if (equal(t, "const")) *is_const = true;
  else if (equal(t, "volatile")) *is_volatile = true;
  else if (equal(t, "static")) ds->is_static = true;
  else if (equal(t, "extern")) {
    ds->is_extern = true;
    if (t->next->kind == TK_STR) p->tok = t->next;
  } else if (equal(t, "typedef")) ds->is_typedef = true;
  else if (equal(t, "constexpr")) { ds->is_constexpr = true; *is_const = true; }
  else if (equal(t, "friend")) ds->is_friend = true;
  else if (equal(t, "__global__")) ds->fflags |= KF_GLOBAL;
  else if (equal(t, "__device__")) ds->fflags |= KF_DEVICE;
  else if (equal(t, "__forceinline__")) ds->fflags |= KF_FORCEINLINE;
  else if (equal(t, "__noinline__")) ds->fflags |= KF_NOINLINE;
  else if (equal(t, "__shared__")) ds->shared = true;
  else if (equal(t, "__constant__")) ds->constant = true;
  else if (equal(t, "__managed__")) ds->managed = true;
  else if (equal(t, "__launch_bounds__")) {
    p->tok = t->next;
    expect(p, "(");
    ds->max_threads = (int)const_int_expr(p, "__launch_bounds__ argument must be a constant expression");
    if (consume(p, ",")) ds->min_blocks = (int)const_int_expr(p, "__launch_bounds__ argument must be a constant expression");
    if (consume(p, ",")) const_int_expr(p, "__launch_bounds__ argument must be a constant expression");
    expect(p, ")");
    return true;
  } else if (equal(t, "__align__") || equal(t, "alignas")) {
    p->tok = t->next;
    ds->align = paren_int(p);
    expect(p, ")");
    return true;
  } else if (equal(t, "virtual") && p->cur_class) {
    ds->is_virtual = true;
  } else if (equal(t, "virtual") || equal(t, "thread_local")) {
    error_tok(p, t, "'%s' is not supported in device code", t->spelling);
  } else {
    bool ign = equal(t, "inline") || equal(t, "__inline__") || equal(t, "__inline") ||
               equal(t, "register") || equal(t, "mutable") || equal(t, "explicit") ||
               equal(t, "__host__") || equal(t, "__restrict__") || equal(t, "__restrict") ||
               equal(t, "restrict") || equal(t, "typename") || equal(t, "noexcept") ||
               equal(t, "__grid_constant__"); /* parameters are read-only already */
    if (!ign) return false;
    if (equal(t, "__host__")) ds->fflags |= KF_HOST;
    if (equal(t, "typename")) return false;
  }
  p->tok = t->next;
  return true;
}

/* The bit of a type keyword, 0 for any other token: a switch on the
 * length, then comparisons of known length (which gcc turns into a load
 * and a compare or two); is_type_start asks this of most tokens. */
static int keyword_bit(Token *t) {
  if (t->kind != TK_IDENT) return 0;
  const char *s = t->spelling;
#define IS(kw) (!memcmp(s, kw, sizeof kw - 1))
  switch (t->len) {
  case 3: return IS("int") ? K_INT : 0;
  case 4:
    return IS("void") ? K_VOID : IS("bool") ? K_BOOL : IS("char") ? K_CHAR
           : IS("long") ? K_LONG : 0;
  case 5: return IS("short") ? K_SHORT : IS("float") ? K_FLOAT : 0;
  case 6:
    return IS("double") ? K_DOUBLE : IS("signed") ? K_SIGNED : IS("__half") ? K_HALF : 0;
  /* the character types of C++, as the integers they are on Linux */
  case 7: return IS("wchar_t") ? K_INT : IS("char8_t") ? K_UNSIGNED + K_CHAR : 0;
  case 8:
    return IS("unsigned") ? K_UNSIGNED : IS("char16_t") ? K_UNSIGNED + K_SHORT
           : IS("char32_t") ? K_UNSIGNED + K_INT : 0;
  case 10: return IS("__signed__") ? K_SIGNED : 0;
  default: return 0;
  }
#undef IS
}

/* `X<T>::type` (and `::template Y<U>`): a member type of a class template
 * instance, after the instance */
static KType *nested_type(Parser *p, KType *t) {
  while (equal(p->tok, "::") && t->unqual->kind == KT_STRUCT && t->unqual->front) {
    Token *n = p->tok->next;
    if (equal(n, "template")) n = n->next;
    if (n->kind != TK_IDENT) break;
    Sym *m = lookup_in(t->unqual->front, n->spelling);
    if (m && m->kind == SYM_TEMPLATE && m->tmpl->is_class && equal(n->next, "<")) {
      p->tok = n->next->next;
      TArg args[16];
      int na;
      parse_template_args(p, m->tmpl, args, &na, n);
      t = instantiate_class(p, m->tmpl, args, na, n->loc);
      continue;
    }
    if (!m || m->kind != SYM_TYPE) break;
    t = m->type;
    p->tok = n->next;
  }
  return t;
}

/* a user-named type: typedef, class, class template instance, vector type */
static KType *named_type(Parser *p) {
  Token *start = p->tok;
  if (equal(start, "typename")) p->tok = start->next;
  Token *volatile save = p->tok;
  if (p->tok->kind != TK_IDENT && !equal(p->tok, "::")) return NULL;
  Token *name;
  Sym *s;
  {
    jmp_buf jb, *saved = p->recover;
    bool spec = p->speculative;
    p->recover = &jb;
    p->speculative = true;
    if (setjmp(jb)) {
      p->recover = saved;
      p->speculative = spec;
      p->tok = save;
      return NULL;
    }
    s = parse_qualified_name(p, &name);
    p->recover = saved;
    p->speculative = spec;
  }
  if (s && s->kind == SYM_TYPE) return s->type;
  if (s && s->kind == SYM_TEMPLATE && s->tmpl->is_class && equal(p->tok, "<")) {
    p->tok = p->tok->next;
    TArg args[16];
    int n;
    parse_template_args(p, s->tmpl, args, &n, name);
    return nested_type(p, instantiate_class(p, s->tmpl, args, n, name->loc));
  }
  if (!s && name == save) {
    KType *v = vector_type_named(p, name->spelling);
    if (v) return v;
  }
  p->tok = save;
  return NULL;
}

/* declspec = (qualifier | type-keyword | named-type | struct/enum)+ */
bool parse_declspec(Parser *p, DeclSpec *ds, bool need_type) {
  memset(ds, 0, sizeof *ds);
  ds->loc = p->tok->loc;
  ds->start = p->tok;
  bool is_const = false, is_volatile = false;
  int counter = 0;
  Token *first_kw = NULL;
  for (;;) {
    if (parse_qualifier(p, ds, &is_const, &is_volatile)) continue;
    Token *t = p->tok;
    int bit = keyword_bit(t);
    if (bit && !ds->type) {
      if (!first_kw) first_kw = t;
      counter += bit;
      p->tok = t->next;
      continue;
    }
    if (counter || ds->type || ds->is_auto) break;
    if (equal(t, "auto")) {
      ds->is_auto = true;
      p->tok = t->next;
      continue;
    }
    if (equal(t, "struct") || equal(t, "class") || equal(t, "union")) {
      ds->type = parse_class_specifier(p, NULL, NULL);
      continue;
    }
    if (equal(t, "enum")) {
      ds->type = parse_enum_specifier(p);
      continue;
    }
    if (equal(t, "decltype")) {
      p->tok = t->next;
      expect(p, "(");
      ds->type = parse_expr(p)->type;
      expect(p, ")");
      continue;
    }
    KType *nt = named_type(p);
    if (nt) {
      ds->type = nt;
      continue;
    }
    break;
  }
  if (!ds->type && !ds->is_auto) {
    if (!counter) {
      if (!need_type) return false;
      Token *t = p->tok;
      if (t->kind == TK_IDENT)
        error_tok(p, t, "unknown type name '%s'", t->spelling);
      error_tok(p, t, "expected a type");
    }
    ds->type = keyword_type(p, counter, first_kw);
  }
  if (ds->type && (is_const || is_volatile))
    ds->type = kt_qualified(p->m, ds->type, is_const || ds->type->is_const,
                            is_volatile || ds->type->is_volatile);
  if (ds->is_auto && is_const) ds->type = NULL; /* filled from the initializer */
  return true;
}

static void parse_params(Parser *p, Declarator *d) {
  PtrVec v = {0};
  if (equal(p->tok, "void") && equal(p->tok->next, ")")) p->tok = p->tok->next;
  while (!equal(p->tok, ")")) {
    if (v.len) expect(p, ",");
    if (equal(p->tok, "...")) {
      p->tok = p->tok->next;
      d->variadic = true;
      break;
    }
    DeclSpec ds;
    parse_declspec(p, &ds, true);
    if (ds.is_auto) error_tok(p, ds.start, "'auto' parameters are not supported");
    Declarator pd;
    parse_declarator(p, &ds, &pd, true);
    Param *prm = arena_alloc(temp_arena(p), sizeof *prm);
    prm->name = pd.name;
    prm->name_tok = pd.name_tok;
    prm->type = pd.type->kind == KT_ARRAY && !pd.is_ref ? decay(p, pd.type) : pd.type;
    prm->is_ref = pd.is_ref;
    prm->is_rref = pd.is_rref;
    if (consume(p, "=")) prm->def = parse_assign(p);
    vec_push(temp_arena(p), &v, prm);
  }
  expect(p, ")");
  d->nparams = v.len;
  d->params = arena_alloc(temp_arena(p), sizeof(Param) * (size_t)(v.len + 1));
  for (int i = 0; i < v.len; i++) d->params[i] = *(Param *)v.items[i];
}

static KType *parse_array_suffix(Parser *p, KType *base) {
  if (!equal(p->tok, "[")) return base;
  Token *open = p->tok;
  p->tok = p->tok->next;
  int64_t n = -1;
  if (!equal(p->tok, "]")) {
    bool saved = p->no_gt;
    p->no_gt = false;
    n = const_int_expr(p, "array size must be a constant expression");
    p->no_gt = saved;
    if (p->deducing && is_unbound(n)) { /* T (&a)[N] while N is being deduced */
      expect(p, "]");
      return kt_array(p->m, parse_array_suffix(p, base), (int)n);
    }
    if (n < 0) error_tok(p, open->next, "array size is negative");
    if (n > (1 << 28)) error_tok(p, open->next, "array is too large (%lld elements)", (long long)n);
  }
  expect(p, "]");
  KType *inner = parse_array_suffix(p, base);
  if (inner->kind == KT_ARRAY && inner->count < 0)
    error_tok(p, open, "array has incomplete element type");
  return kt_array(p->m, inner, (int)n);
}

static void parse_declarator_name(Parser *p, Declarator *d) {
  Token *t = p->tok;
  if (equal(t, "operator")) {
    Token *op = t->next;
    const char *s = op->spelling;
    p->tok = op->next;
    if (equal(op, "(") || equal(op, "[")) {
      expect(p, equal(op, "(") ? ")" : "]");
      s = equal(op, "(") ? "()" : "[]";
    }
    d->name = arena_printf(p->arena, "operator%s", s);
    d->name_tok = t;
    return;
  }
  if (t->kind != TK_IDENT) return;
  /* `S::f` out-of-class member definitions */
  Scope *qs = NULL;
  while (equal(t->next, "::") && t->next->next->kind == TK_IDENT) {
    Sym *s = qs ? lookup_in(qs, t->spelling) : lookup(p, t->spelling);
    if (!s || !(s->kind == SYM_NAMESPACE || (s->kind == SYM_TYPE && s->type->unqual->front)))
      break;
    qs = s->kind == SYM_NAMESPACE ? s->ns : s->type->unqual->front;
    t = t->next->next;
  }
  if (equal(t->next, "::") && equal(t->next->next, "operator")) return;
  d->qual_scope = qs;
  d->name = t->spelling;
  d->name_tok = t;
  p->tok = t->next;
}

/* The function type of a parameter list just parsed into `pd`: reference
 * parameters are pointers (their bit set in ref_mask), arrays decay. */
KType *func_type_of_params(Parser *p, KType *ret, bool ret_ref, Param *ps, int n, bool variadic) {
  if (n > 62) error_at(p, p->tok->loc, "too many parameters in a function type");
  KType **types = arena_alloc(p->arena, sizeof(KType *) * (size_t)(n + 1));
  uint64_t mask = ret_ref ? (uint64_t)1 << 63 : 0;
  for (int i = 0; i < n; i++) {
    types[i] = ps[i].is_ref ? kt_ptr(p->m, ps[i].type, AS_GENERIC) : decay(p, ps[i].type);
    if (ps[i].is_ref) mask |= (uint64_t)1 << i;
  }
  return kt_func(p->m, ret_ref ? kt_ptr(p->m, ret, AS_GENERIC) : ret->unqual, types, n, variadic,
                 mask);
}

/* pointer-declarator = "(" ("*" qualifiers)+ name? array-suffix* ")"
 *                      ("(" params ")" qualifiers* | array-suffix)
 * `int (*f)(float)`, `op_t (*table[4])(int)`, `float (*rows)[16]`: the
 * suffix after ')' applies to the base type first, then the pointers,
 * then the arrays inside the parentheses. */
static void parse_pointer_declarator(Parser *p, Declarator *d, KType *base, bool abstract) {
  Token *open = p->tok;
  p->tok = open->next;
  int stars = 0;
  bool cv[16] = {0};
  while (consume(p, "*")) {
    if (stars == 16) error_tok(p, p->tok, "too many levels of pointers");
    stars++;
    while (equal(p->tok, "const") || equal(p->tok, "volatile") || equal(p->tok, "__restrict__")) {
      if (equal(p->tok, "const")) cv[stars - 1] = true;
      p->tok = p->tok->next;
    }
  }
  parse_declarator_name(p, d);
  if (!d->name && !abstract) error_tok(p, p->tok, "expected identifier in declarator");
  Token *inner_arrays = p->tok;
  while (equal(p->tok, "[")) skip_balanced(p);
  expect(p, ")");
  KType *t;
  if (consume(p, "(")) {
    Declarator fd;
    memset(&fd, 0, sizeof fd);
    parse_params(p, &fd);
    while (equal(p->tok, "noexcept") || equal(p->tok, "__attribute__")) {
      if (equal(p->tok, "__attribute__")) skip_attribute(p);
      else p->tok = p->tok->next;
    }
    t = func_type_of_params(p, base, d->is_ref, fd.params, fd.nparams, fd.variadic);
    d->is_ref = false; /* `int &(*f)()` returns a reference */
  } else if (equal(p->tok, "[")) {
    if (d->is_ref) error_tok(p, open, "references to functions and to arrays are not supported");
    t = parse_array_suffix(p, base);
  } else {
    error_tok(p, p->tok, "expected '(' or '[' after a parenthesized pointer declarator");
  }
  for (int i = 0; i < stars; i++) {
    t = kt_ptr(p->m, t, AS_GENERIC);
    if (cv[i]) t = kt_qualified(p->m, t, true, false);
  }
  Token *after = p->tok;
  p->tok = inner_arrays;
  t = parse_array_suffix(p, t);
  p->tok = after;
  d->type = t;
}

/* declarator = ("*" qualifiers)* ("&" | "&&")? name? suffix* */
void parse_declarator(Parser *p, DeclSpec *ds, Declarator *d, bool abstract) {
  memset(d, 0, sizeof *d);
  KType *t = ds->type;
  for (;;) {
    if (consume(p, "*")) {
      t = kt_ptr(p->m, t, AS_GENERIC);
      continue;
    }
    if (equal(p->tok, "const") || equal(p->tok, "volatile")) {
      if (t->kind == KT_PTR) t = kt_qualified(p->m, t, equal(p->tok, "const"), equal(p->tok, "volatile"));
      p->tok = p->tok->next;
      continue;
    }
    if (equal(p->tok, "__restrict__") || equal(p->tok, "__restrict") || equal(p->tok, "restrict")) {
      d->restrict_ptr = true;
      p->tok = p->tok->next;
      continue;
    }
    break;
  }
  if (equal(p->tok, "&") || equal(p->tok, "&&")) {
    d->is_ref = true;
    d->is_rref = equal(p->tok, "&&");
    p->tok = p->tok->next;
    if (equal(p->tok, "__restrict__")) p->tok = p->tok->next;
  }
  if (equal(p->tok, "(") && !d->is_ref && (equal(p->tok->next, "&") || equal(p->tok->next, "&&"))) {
    /* T (&name)[N]: a reference to an array (a parameter whose length
     * templates can deduce); references to functions are not supported */
    Token *open = p->tok;
    p->tok = p->tok->next;
    d->is_ref = true;
    d->is_rref = equal(p->tok, "&&");
    p->tok = p->tok->next;
    parse_declarator_name(p, d);
    if (!d->name && !abstract) error_tok(p, p->tok, "expected identifier");
    expect(p, ")");
    if (!equal(p->tok, "["))
      error_tok(p, open, "references to functions are not supported");
    d->type = parse_array_suffix(p, t);
    return;
  }
  if (equal(p->tok, "(") && equal(p->tok->next, "*")) {
    parse_pointer_declarator(p, d, t, abstract);
    return;
  }
  parse_declarator_name(p, d);
  if (!d->name && !abstract)
    error_tok(p, p->tok, "expected identifier or '(' before '%s'",
              p->tok->kind == TK_EOF ? "end of file" : p->tok->spelling);
  Token *after = p->tok->next;
  /* `T x(args)` inside a function, or `__device__ T x(args)` outside one,
   * is a variable with direct initialization when args do not start with
   * a type; other namespace-scope declarations are always functions (a
   * host function's parameter types may be ones we do not know), and so
   * are qualified names (`S::S(value_type v)` names S's member types) */
  bool may_be_variable = p->fn || ((ds->constant || ds->managed || (ds->fflags & KF_DEVICE)) &&
                                   !d->qual_scope);
  if (equal(p->tok, "(") && d->name &&
      (abstract || !may_be_variable || equal(after, ")") || equal(after, "...") ||
       is_type_start(p, after))) {
    p->tok = p->tok->next;
    d->is_func = true;
    parse_params(p, d);
    while (equal(p->tok, "const") || equal(p->tok, "noexcept") || equal(p->tok, "override") ||
           equal(p->tok, "final") || equal(p->tok, "__attribute__")) {
      if (equal(p->tok, "const")) d->const_method = true;
      if (equal(p->tok, "__attribute__")) skip_attribute(p);
      else p->tok = p->tok->next;
    }
    if (equal(p->tok, "->")) error_tok(p, p->tok, "trailing return types are not supported");
  }
  d->type = parse_array_suffix(p, t);
}

KVar *new_var(Parser *p, KVarKind kind, const char *name, KType *t, SrcLoc loc) {
  KVar *v = arena_alloc(p->arena, sizeof *v);
  v->kind = kind;
  v->name = name;
  v->type = t;
  v->loc = loc;
  v->as = AS_LOCAL;
  v->id = p->uniq++;
  return v;
}

/* unique C identifier for a local, avoiding C keywords and shadowing */
static const char *local_cname(Parser *p, const char *name) {
  for (Scope *s = p->scope; s; s = s->parent) {
    if (s->is_namespace) break;
    for (Sym *sym = s->syms; sym; sym = sym->next)
      if (sym->kind == SYM_VAR && sym->var && sym->var->kind != KV_GLOBAL &&
          sym->var->cname && !strcmp(sym->var->cname, name))
        return arena_printf(p->arena, "%s_%d", name, p->uniq++);
  }
  return name;
}

static KType *auto_type(Parser *p, DeclSpec *ds, Declarator *d, KExpr *init) {
  KType *t = d->is_ref ? init->type : decay(p, init->type);
  bool c = ds->start && (equal(ds->start, "const") || equal(ds->start, "constexpr"));
  if (init->type->kind == KT_VOID) error_at(p, init->loc, "variable has incomplete type 'void'");
  return c ? kt_qualified(p->m, t, true, t->is_volatile) : t;
}

static KExpr *init_for(Parser *p, KType *t, Declarator *d) {
  if (consume(p, "=")) {
    if (d->is_ref) return parse_assign(p);
    return parse_initializer(p, t, p->tok->loc);
  }
  if (equal(p->tok, "{")) return parse_initializer(p, t, p->tok->loc);
  if (equal(p->tok, "(")) {
    Token *open = p->tok;
    p->tok = p->tok->next;
    PtrVec args = {0};
    while (!equal(p->tok, ")")) {
      if (args.len) expect(p, ",");
      vec_push(p->arena, &args, parse_assign(p));
    }
    expect(p, ")");
    if (d->is_ref && args.len == 1) return args.items[0];
    return sema_construct(p, t, (KExpr **)args.items, args.len, open->loc);
  }
  return NULL;
}

static void check_redefinition(Parser *p, Declarator *d) {
  Sym *old = scope_find_local(p->scope, d->name);
  if (old && old->kind != SYM_HOST)
    error_tok(p, d->name_tok, "redefinition of '%s'", d->name);
}

static KAddrSpace space_of(DeclSpec *ds, bool global) {
  if (ds->shared) return AS_SHARED;
  if (ds->constant) return AS_CONSTANT;
  if (global || ds->managed) return AS_GLOBAL;
  return AS_LOCAL;
}

/* The part of a device variable's initializer that is not a constant,
 * or NULL.  A conversion to __half is one: CUDA's __half is a class whose
 * converting constructors are not constexpr, so nvcc needs dynamic
 * initialization for `__device__ __half g = 0.3f;`, which CUDA has not. */
static KExpr *nonconstant_part(KExpr *e) {
  if (!e) return NULL;
  switch (e->kind) {
  case KE_INT: case KE_FLOAT: case KE_STR: case KE_FUNC_ADDR: return NULL;
  case KE_CAST:
    if (e->type->kind == KT_F16 && e->a->type->kind != KT_F16) return e;
    return nonconstant_part(e->a);
  case KE_UNARY: return nonconstant_part(e->a);
  case KE_BINARY: {
    KExpr *a = nonconstant_part(e->a);
    return a ? a : nonconstant_part(e->b);
  }
  case KE_VEC: case KE_INIT_LIST:
    for (int i = 0; i < e->nargs; i++) {
      KExpr *a = nonconstant_part(e->args[i]);
      if (a) return a;
    }
    return NULL;
  default: return e;
  }
}

/* a __device__/__constant__ variable's initializer must be a constant:
 * device memory is filled from the module image, no code runs first */
static void check_device_init(Parser *p, KVar *v, KExpr *init) {
  KExpr *bad = nonconstant_part(init);
  if (!bad) return;
  const char *space = v->as == AS_CONSTANT ? "__constant__" : v->is_managed ? "__managed__" : "__device__";
  if (bad->kind == KE_CAST)
    error_at(p, v->loc,
             "%s variable '%s' would need dynamic initialization, which CUDA does not "
             "support: converting '%s' to '__half' runs a constructor (assign it in a "
             "kernel, or keep the value as float and convert where it is used)",
             space, v->name, type_name(p, bad->a->type));
  error_at(p, init->loc, "initializer of a %s variable must be a constant expression", space);
}

static void record_constant(Parser *p, Sym *s, KExpr *init) {
  int64_t v;
  if (!init || !s->var->type->is_const) return;
  if (kt_is_int(s->var->type) && eval_const(p, init, &v)) {
    s->has_value = true;
    s->value = v;
    s->var->init = init;
  }
}

/* `T &r = init` binds r to init's object.  A const (or rvalue) reference
 * to a temporary, or to a scalar of another type, binds to a temporary
 * of type T instead, which lives as long as the function (the function's
 * temporaries do), so at least as long as the reference, as C++ says. */
static KExpr *reference_init(Parser *p, Declarator *d, KType *t, KExpr *init, KVar **bound) {
  /* `const double &r = a_float;` converts into a temporary; a class binds
   * to its base by address (no slicing copy) */
  bool other_scalar = !same_type(init->type->unqual, t->unqual) && kt_is_scalar(t) &&
                      kt_is_scalar(init->type);
  if (is_lvalue(init) && !(other_scalar && t->is_const)) return sema_addr(p, init, init->loc);
  if (!t->is_const && !d->is_rref)
    error_at(p, init->loc, "non-const lvalue reference cannot bind to a temporary");
  /* a temporary of a derived class is kept whole (its own destructor
   * runs at the end); the reference binds to its base subobject */
  bool derived = init->type->unqual->kind == KT_STRUCT && t->unqual->kind == KT_STRUCT &&
                 !same_type(init->type, t) && derives_from(init->type->unqual, t->unqual);
  KVar *tmp;
  KExpr *set = make_temp(p, derived ? init : convert(p, init, t->unqual, CONV_INIT, init->loc), &tmp);
  *bound = tmp;
  KExpr *ref = new_expr(p, KE_VAR, tmp->type, init->loc);
  ref->var = tmp;
  KExpr *obj = derived ? to_base(p, ref, t->unqual) : ref;
  KExpr *both = new_expr(p, KE_COMMA, kt_ptr(p->m, t->unqual, AS_GENERIC), init->loc);
  both->a = set;
  both->b = sema_addr(p, obj, init->loc);
  return both;
}

/* `extern __device__ T x;` and the definition `__device__ T x = v;` name
 * one variable, in either order and as often as C++ allows: a second
 * declaration is nothing new, a definition after a declaration completes
 * it.  True when d was one of these and is handled. */
static bool merge_extern_declaration(Parser *p, DeclSpec *ds, Declarator *d, bool ext_decl) {
  Sym *old = scope_find_local(p->scope, d->name);
  if (!old || old->kind != SYM_VAR || !old->var || old->var->kind != KV_GLOBAL ||
      old->var->as == AS_SHARED || (!ext_decl && !old->var->is_extern_decl))
    return false;
  KVar *v = old->var;
  KType *t = d->type;
  bool same = t == v->type || (t->kind == KT_ARRAY && v->type->kind == KT_ARRAY &&
                               t->elem == v->type->elem && (t->count < 0 || v->type->count < 0));
  if (!same) error_tok(p, d->name_tok, "conflicting types for '%s'", d->name);
  if (ext_decl) return true;
  if (ds->is_static) error_tok(p, d->name_tok, "static declaration of '%s' follows non-static declaration", d->name);
  KExpr *init = init_for(p, t, d);
  if (t->kind == KT_ARRAY && t->count < 0 && init && init->kind == KE_INIT_LIST)
    t = kt_array(p->m, t->elem, init->nargs ? kexpr_designator(init, init->nargs - 1) + 1 : 0);
  if (t->kind == KT_ARRAY && t->count < 0)
    error_tok(p, d->name_tok, "definition of variable with array type needs an explicit size or an initializer");
  v->loc = d->name_tok->loc;
  v->is_managed |= ds->managed;
  check_device_init(p, v, init);
  v->type = t;
  v->init = init;
  v->is_extern_decl = false;
  record_constant(p, old, init);
  return true;
}

void declare_variable(Parser *p, DeclSpec *ds, Declarator *d, PtrVec *out, bool global) {
  KType *t = d->type;
  KVar *bound_temp = NULL; /* `const T &r = T(...)`: the temporary r keeps alive */
  if (ds->shared && d->name_tok && (equal(p->tok, "=") || equal(p->tok, "{")))
    error_tok(p, d->name_tok, "initializer not allowed for __shared__ variable");
  if (!ds->is_auto && t->kind == KT_VOID)
    error_tok(p, d->name_tok, "variable has incomplete type 'void'");
  if (!ds->is_auto && !d->is_ref && !(global && ds->is_extern))
    require_complete(p, t, d->name_tok->loc, "variable has");
  bool ext_decl = global && ds->is_extern && !ds->shared && !equal(p->tok, "=") &&
                  !equal(p->tok, "{");
  if (global && merge_extern_declaration(p, ds, d, ext_decl)) return;
  check_redefinition(p, d);
  /* the name is in scope from its declarator on: declared before the
   * initializer is parsed, so an error there does not cascade */
  Sym *s = scope_add(p, p->scope, SYM_VAR, d->name, d->name_tok->loc);
  KVar *v = new_var(p, global || ds->is_static ? KV_GLOBAL : KV_LOCAL, d->name,
                    d->is_ref ? kt_ptr(p->m, t, AS_GENERIC) : t, d->name_tok->loc);
  s->var = v;
  s->is_ref = d->is_ref;
  v->cname = d->name;
  if (ds->is_auto) v->type = p->m->t_i32; /* until the initializer says */
  KExpr *init = ds->is_auto ? NULL : init_for(p, t, d);
  if (ds->is_auto) {
    if (!consume(p, "=")) error_tok(p, d->name_tok, "declaration of variable '%s' with deduced type 'auto' requires an initializer", d->name);
    init = parse_assign(p);
    t = auto_type(p, ds, d, init);
    if (!d->is_ref) init = convert(p, init, t, CONV_INIT, init->loc);
  }
  if (t->kind == KT_ARRAY && t->count < 0 && init && init->kind == KE_INIT_LIST)
    t = kt_array(p->m, t->elem, init->nargs ? kexpr_designator(init, init->nargs - 1) + 1 : 0);
  bool ext = ds->is_extern && ds->shared;
  if (t->kind == KT_ARRAY && t->count < 0 && !ext && !ext_decl)
    error_tok(p, d->name_tok, "definition of variable with array type needs an explicit size or an initializer");
  KAddrSpace as = space_of(ds, global);
  v->type = d->is_ref ? kt_ptr(p->m, t, AS_GENERIC) : t;
  v->as = as;
  v->is_static = ds->is_static && !global;
  v->is_extern = ext;
  v->is_extern_decl = ext_decl;
  v->is_managed = ds->managed;
  if (ext && p->fn) p->fn->kf->uses_dynamic_shared = true;
  if (d->is_ref) {
    if (!init) error_tok(p, d->name_tok, "declaration of reference variable '%s' requires an initializer", d->name);
    init = reference_init(p, d, t, init, &bound_temp);
  }
  if (v->kind == KV_GLOBAL) {
    v->cname = arena_printf(p->arena, "%s%s", p->scope->cprefix, d->name);
    if (v->is_static && p->fn) v->cname = arena_printf(p->arena, "%s_%s_%d", p->fn->kf->cname, d->name, p->uniq++);
    check_device_init(p, v, init);
    /* `= __half()`: device memory starts zeroed, and a half constant is no
     * C constant expression for the CPU backend's file-scope copy */
    if (init && init->kind == KE_FLOAT && init->type->kind == KT_F16 && init->fval == 0) init = NULL;
    v->init = init;
    record_constant(p, s, init);
    vec_push(p->arena, &p->m->globals, v);
    return;
  }
  v->cname = NULL; /* not a clash with itself */
  v->cname = local_cname(p, d->name);
  KStmt *st = new_stmt(p, KS_DECL, d->name_tok->loc);
  st->var = v;
  st->init = init;
  if (!init && t->kind == KT_STRUCT) {
    Scope *cs = t->unqual->front;
    Sym *ctor = cs ? scope_find_local(cs, "<ctor>") : NULL;
    if (!ctor && has_member_defaults(t)) st->init = sema_construct(p, t, NULL, 0, v->loc);
    if (ctor) {
      KExpr *obj = new_expr(p, KE_VAR, t, v->loc);
      obj->var = v;
      KStmt *call = new_stmt(p, KS_EXPR, v->loc);
      call->e = sema_call_funcs(p, ctor, NULL, NULL, 0, obj, NULL, 0, d->name_tok);
      vec_push(list_arena(p), out, st);
      st = call;
    }
  }
  record_constant(p, s, init);
  vec_push(list_arena(p), out, st);
  /* constructed: its destructor runs when its scope ends (scope_cleanup.c) */
  KVar *owned = d->is_ref ? bound_temp : v;
  if (as == AS_LOCAL && !v->is_static && owned) cleanup_push(p, owned);
}

void parse_static_assert(Parser *p) {
  Token *kw = p->tok;
  p->tok = p->tok->next;
  expect(p, "(");
  int64_t v = const_int_expr(p, "static_assert expression is not an integral constant expression");
  const char *msg = "";
  if (consume(p, ",")) {
    if (p->tok->kind != TK_STR) error_tok(p, p->tok, "expected string literal");
    msg = p->tok->str;
    p->tok = p->tok->next;
  }
  expect(p, ")");
  expect(p, ";");
  if (!v) error_tok(p, kw, "static_assert failed%s%s%s", *msg ? " \"" : "", msg, *msg ? "\"" : "");
}

/* using X = T;  typedef T X;  using namespace N;  using N::x; */
void parse_using_or_typedef(Parser *p) {
  if (consume(p, "using")) {
    if (consume(p, "namespace")) {
      Token *name;
      Sym *s = parse_qualified_name(p, &name);
      if (!s || s->kind != SYM_NAMESPACE)
        error_tok(p, name, "expected namespace name");
      vec_push(p->arena, &p->scope->using_ns, s->ns);
      lookup_forget(p);
      expect(p, ";");
      return;
    }
    Token *name = p->tok;
    if (name->kind == TK_IDENT && equal(name->next, "=")) {
      p->tok = name->next->next;
      KType *t = parse_type_name(p);
      expect(p, ";");
      Sym *s = scope_add(p, p->scope, SYM_TYPE, name->spelling, name->loc);
      s->type = t;
      return;
    }
    Token *last;
    Sym *s = parse_qualified_name(p, &last);
    if (!s) error_tok(p, last, "no member named '%s'", last->spelling);
    expect(p, ";");
    Sym *alias = scope_add(p, p->scope, s->kind, last->spelling, last->loc);
    Sym *next = alias->next;
    *alias = *s;
    alias->next = next;
    return;
  }
  DeclSpec ds;
  parse_declspec(p, &ds, true);
  do {
    Declarator d;
    parse_declarator(p, &ds, &d, false);
    if (d.is_func) error_tok(p, d.name_tok, "function typedefs are not supported");
    Sym *s = scope_add(p, p->scope, SYM_TYPE, d.name, d.name_tok->loc);
    s->type = d.type;
  } while (consume(p, ","));
  expect(p, ";");
}

static bool is_typedef_start(Token *t) { return equal(t, "typedef") || equal(t, "using"); }

void parse_declaration_stmt(Parser *p, PtrVec *out) {
  if (is_typedef_start(p->tok)) {
    parse_using_or_typedef(p);
    return;
  }
  if (equal(p->tok, "static_assert")) {
    parse_static_assert(p);
    return;
  }
  if (equal(p->tok, "namespace")) {
    parse_namespace_alias(p);
    return;
  }
  DeclSpec ds;
  parse_declspec(p, &ds, true);
  if (consume(p, ";")) return; /* struct/enum definition alone */
  do {
    Declarator d;
    parse_declarator(p, &ds, &d, false);
    if (d.is_func) error_tok(p, d.name_tok, "local function declarations are not supported");
    declare_variable(p, &ds, &d, out, false);
  } while (consume(p, ","));
  if (equal(p->tok, ":")) return; /* range-for: reported by the caller */
  expect(p, ";");
}

/* The words other than type keywords that start a type (is_type_start),
 * in the manner of keyword_bit. */
static bool starts_type(const Token *t) {
  const char *s = t->spelling;
#define IS(kw) (!memcmp(s, kw, sizeof kw - 1))
  switch (t->len) {
  case 4: return IS("enum") || IS("auto");
  case 5: return IS("const") || IS("class") || IS("union");
  case 6: return IS("struct") || IS("static");
  case 8: return IS("volatile") || IS("typename") || IS("decltype");
  case 9: return IS("constexpr");
  case 10: return IS("__shared__");
  default: return false;
  }
#undef IS
}

bool is_type_start(Parser *p, Token *t) {
  if (t->kind != TK_IDENT) return false;
  if (keyword_bit(t) || starts_type(t)) return true;
  Sym *s = lookup(p, t->spelling);
  if (s) {
    if (s->kind == SYM_TYPE) return true;
    if (s->kind == SYM_TEMPLATE && s->tmpl->is_class) return true;
    /* ns::T, ns::inner::T: each name looked up in the namespace before it */
    while (s->kind == SYM_NAMESPACE && equal(t->next, "::") && t->next->next->kind == TK_IDENT) {
      t = t->next->next;
      s = lookup_in(s->ns, t->spelling);
      if (!s) return false;
      if (s->kind == SYM_TYPE || (s->kind == SYM_TEMPLATE && s->tmpl->is_class)) return true;
    }
    return false;
  }
  return vector_type_named(p, t->spelling) != NULL;
}

KType *parse_type_specifier(Parser *p) {
  DeclSpec ds;
  parse_declspec(p, &ds, true);
  if (ds.is_auto) error_tok(p, ds.start, "'auto' not allowed here");
  return ds.type;
}

KType *parse_type_name(Parser *p) {
  DeclSpec ds;
  parse_declspec(p, &ds, true);
  if (ds.is_auto) error_tok(p, ds.start, "'auto' not allowed here");
  Declarator d;
  parse_declarator(p, &ds, &d, true);
  if (d.name) error_tok(p, d.name_tok, "unexpected name in type");
  return d.type;
}
