/*
 * parse_template.c — templates by token replay.
 *
 * A template declaration is recorded, not parsed: its parameter list, the
 * first token of the declaration that follows, and the scope it was written
 * in.  Instantiating it parses that declaration again in a new scope that
 * binds each parameter to its argument (a type or a constant), under the
 * instance's C++ name (`reduce<float, 256>`).  Instances are cached by
 * their canonical argument spelling.  Deduction for function templates
 * parses just the parameter list with unbound type parameters standing as
 * placeholder types, then matches the call's argument types against it.
 * A template that cannot be deduced drops out of the overload set quietly.
 */
#include <string.h>

#include "decl.h"

enum { MAX_INST_DEPTH = 64 };

const char *const PLACEHOLDER = "<tparam>";
const char *const PATTERN = "<pattern>";
const char *const PACK_PATTERN = "<pack pattern>";

bool is_unbound(int64_t v) { return v >= UNBOUND_BASE && v < UNBOUND_BASE + 16; }

/* the enumeration a non-type parameter's type names, if any: instances
 * spell such arguments by enumerator (`k<MT::GLOBAL>`), as g++ does */
static Sym *enum_named_at(Parser *p) {
  Token *save = p->tok;
  if (equal(p->tok, "enum")) p->tok = p->tok->next;
  Sym *s = NULL;
  if (p->tok->kind == TK_IDENT) {
    Token *last;
    s = parse_qualified_name(p, &last);
  }
  p->tok = save;
  bool is_enum = s && s->kind == SYM_TYPE && s->ns && !s->type->unqual->front &&
                 kt_is_int(s->type);
  return is_enum ? s : NULL;
}

void parse_tparams(Parser *p, Template *t) {
  PtrVec v = {0};
  expect(p, "<");
  while (!equal(p->tok, ">")) {
    if (v.len) expect(p, ",");
    TParam *tp = arena_alloc(p->arena, sizeof *tp);
    if (equal(p->tok, "typename") || equal(p->tok, "class")) {
      p->tok = p->tok->next;
      if (consume(p, "...")) tp->is_pack = true;
      tp->is_type = true;
      tp->name = p->tok->kind == TK_IDENT ? expect_ident(p) : "";
    } else if (equal(p->tok, "template")) {
      error_tok(p, p->tok, "template template parameters are not supported");
    } else {
      bool saved = p->no_gt;
      p->no_gt = true;
      tp->enum_sym = enum_named_at(p);
      DeclSpec ds;
      parse_declspec(p, &ds, true);
      if (consume(p, "...")) tp->is_pack = true;
      Declarator d;
      parse_declarator(p, &ds, &d, true);
      p->no_gt = saved;
      if (!kt_is_int(d.type)) error_at(p, ds.loc, "non-type template parameters must have integral type");
      tp->value_type = d.type->unqual;
      tp->name = d.name ? d.name : "";
    }
    if (consume(p, "=")) {
      tp->default_tok = p->tok;
      int depth = 0;
      while (p->tok->kind != TK_EOF) {
        if (equal(p->tok, "(") || equal(p->tok, "<")) depth++;
        if (equal(p->tok, ")")) depth--;
        if (equal(p->tok, ">>") && depth == 1) split_shr(p); /* X<T>> closes the list too */
        if (equal(p->tok, ">") || equal(p->tok, ">>")) {
          if (depth == 0) break;
          depth -= equal(p->tok, ">>") ? 2 : 1;
        }
        if (equal(p->tok, ",") && depth == 0) break;
        p->tok = p->tok->next;
      }
    }
    vec_push(p->arena, &v, tp);
  }
  p->tok = p->tok->next;
  t->nparams = v.len;
  t->params = arena_alloc(p->arena, sizeof(TParam) * (size_t)(v.len + 1));
  for (int i = 0; i < v.len; i++) t->params[i] = *(TParam *)v.items[i];
}

/* the name a template declaration declares: the identifier before the
 * first '(' at depth 0 for functions, after struct/class for classes */
Token *declared_name(Parser *p, Token *t, bool *is_class) {
  *is_class = false;
  if (equal(t, "struct") || equal(t, "class") || equal(t, "union")) {
    t = t->next;
    while (equal(t, "__align__") || equal(t, "alignas")) t = t->next->next->next->next;
    *is_class = true;
    return t->kind == TK_IDENT ? t : NULL;
  }
  Token *prev = NULL, *before_args = NULL;
  int angle = 0;
  for (; t->kind != TK_EOF; t = t->next) {
    if (equal(t, "<") && angle == 0 && prev && prev->kind == TK_IDENT) before_args = prev;
    if (equal(t, "(") && angle <= 0 && prev && equal(prev, ">") && before_args)
      return before_args; /* a specialization: f<float>(...) */
    if (equal(t, "<")) angle++;
    if (equal(t, ">")) angle--;
    if (equal(t, ">>")) angle -= 2;
    if (angle <= 0 && equal(t, "(") && prev && !equal(prev, "__launch_bounds__") &&
        !equal(prev, "__align__") && !equal(prev, "decltype") && !equal(prev, "__attribute__"))
      return prev;
    if (equal(t, "(") && prev && (equal(prev, "__launch_bounds__") || equal(prev, "__align__") ||
                                   equal(prev, "decltype") || equal(prev, "__attribute__"))) {
      Token *save = p->tok;
      p->tok = t;
      skip_balanced(p);
      t = p->tok;
      p->tok = save;
      prev = NULL;
      if (t->kind == TK_EOF) return NULL;
    }
    if (equal(t, ";") || equal(t, "{")) return NULL;
    if (equal(t, "operator")) {
      Token *op = t->next;
      Token *fake = arena_alloc(p->arena, sizeof *fake);
      *fake = *t;
      fake->spelling = arena_printf(p->arena, "operator%s",
                                    equal(op, "(") ? "()" : equal(op, "[") ? "[]" : op->spelling);
      return fake;
    }
    prev = t;
  }
  return NULL;
}

static void explicit_instantiation(Parser *p);

/* skips a template's declaration: up to its body's end or ';' */
static void skip_template_decl(Parser *p, bool is_class) {
  while (p->tok->kind != TK_EOF) {
    if (equal(p->tok, ";")) { p->tok = p->tok->next; return; }
    if (equal(p->tok, "(") || equal(p->tok, "[")) { skip_balanced(p); continue; }
    if (equal(p->tok, "{")) {
      skip_balanced(p);
      if (is_class) consume(p, ";");
      return;
    }
    p->tok = p->tok->next;
  }
}

static bool is_forward_decl(Template *t) {
  return t->is_class && t->name_tok && equal(t->name_tok->next, ";");
}

static void add_template(Parser *p, Template *t, Token *name) {
  Sym *s = scope_find_local(p->scope, t->name);
  if (s && s->kind == SYM_TEMPLATE && !t->is_class && !s->tmpl->is_class) {
    t->next_overload = s->tmpl;
    s->tmpl = t;
  } else if (s && s->kind == SYM_FUNC && !t->is_class) {
    t->next_overload = s->tmpl;
    s->tmpl = t; /* functions and function templates overload together */
  } else if (s && s->kind == SYM_TEMPLATE && t->is_class && is_forward_decl(s->tmpl)) {
    t->specs = s->tmpl->specs; /* the definition after a declaration */
    s->tmpl = t;
  } else if (s && s->kind == SYM_TEMPLATE && t->is_class && is_forward_decl(t)) {
    /* a declaration after the definition */
  } else if (s && s->kind != SYM_HOST) {
    error_tok(p, name, "redefinition of '%s'", t->name);
  } else {
    s = scope_add(p, p->scope, SYM_TEMPLATE, t->name, name->loc);
    s->tmpl = t;
  }
}

/* template-decl = "template" "<" tparams ">" declaration
 *               | "template" "<" ">" specialization | "template" explicit-instantiation */
void parse_template_decl(Parser *p) {
  Token *kw = p->tok;
  p->tok = kw->next;
  if (!equal(p->tok, "<")) {
    explicit_instantiation(p);
    return;
  }
  Template *t = arena_alloc(p->arena, sizeof *t);
  pin_tokens(p); /* each instance parses its tokens again */
  parse_tparams(p, t);
  t->decl = p->tok;
  t->scope = p->scope;
  t->owner = p->cur_class;
  t->loc = kw->loc;
  bool is_class;
  Token *name;
  if (equal(p->tok, "using") && p->tok->next->kind == TK_IDENT && equal(p->tok->next->next, "=")) {
    name = p->tok->next;
    is_class = t->is_alias = true;
    t->decl = name->next->next;
  } else {
    name = declared_name(p, p->tok, &is_class);
  }
  if (!name) error_tok(p, p->tok, "unsupported template declaration");
  Token *owner = is_class || t->is_alias ? NULL : member_def_owner(p, t->decl, name);
  if (owner) {
    declare_member_def(p, t, owner, name);
  } else if (!t->is_alias && (equal(name->next, "<") || (t->nparams == 0 && !is_class))) {
    declare_specialization(p, t, name, is_class);
  } else {
    t->name = name->spelling;
    t->name_tok = name;
    t->is_class = is_class;
    add_template(p, t, name);
    if (!is_class && !t->is_alias) note_template_host_lambdas(p, t); /* nvcc's extended lambdas */
  }
  skip_template_decl(p, is_class);
}

static void print_enumerator(StrBuf *sb, Sym *e, int64_t v) {
  for (Sym *c = e->ns->syms; c; c = c->next)
    if (c->kind == SYM_CONST && c->value == v) {
      sb_printf(sb, "%s::%s", e->name, c->name);
      return;
    }
  sb_printf(sb, "(%s)%lld", e->name, (long long)v);
}

static void print_targ(Parser *p, StrBuf *sb, TParam *tp, TArg *a) {
  if (tp->is_pack && !tp->is_type) {
    TParam one = *tp;
    one.is_pack = false;
    for (int i = 0; i < a->npack; i++) {
      TArg v = {.value = a->vpack[i]};
      if (i) sb_puts(sb, ", ");
      print_targ(p, sb, &one, &v);
    }
  } else if (tp->is_pack) {
    for (int i = 0; i < a->npack; i++) sb_printf(sb, "%s%s", i ? ", " : "", type_name(p, a->pack[i]));
  } else if (tp->is_type) sb_puts(sb, type_name(p, a->type));
  else if (tp->enum_sym) print_enumerator(sb, tp->enum_sym, a->value);
  else if (kt_is_signed(tp->value_type)) sb_printf(sb, "%lld", (long long)a->value);
  else if (tp->value_type->kind == KT_BOOL) sb_puts(sb, a->value ? "true" : "false");
  else sb_printf(sb, "%llu", (unsigned long long)a->value);
}

const char *targs_key(Parser *p, Template *t, TArg *args, int nargs) {
  StrBuf sb;
  sb_init(&sb);
  sb_putc(&sb, '<');
  for (int i = 0; i < nargs; i++) {
    if (t->params[i].is_pack && !args[i].npack) continue; /* f<int> for an empty pack */
    if (i) sb_puts(&sb, ", ");
    print_targ(p, &sb, &t->params[i], &args[i]);
  }
  sb_putc(&sb, '>');
  const char *r = arena_strdup(p->arena, sb.data);
  sb_free(&sb);
  return r;
}

Scope *binding_scope(Parser *p, Template *t, TArg *args, int nargs) {
  Scope *s = scope_new(p, t->scope, false);
  for (int i = 0; i < nargs && i < t->nparams; i++) {
    TParam *tp = &t->params[i];
    if (!*tp->name) continue;
    if (tp->is_pack) {
      for (int k = 0; k < args[i].npack; k++) {
        Sym *e = scope_add(p, s, tp->is_type ? SYM_TYPE : SYM_CONST, pack_elem_name(p, tp->name, k), t->loc);
        e->type = tp->is_type ? args[i].pack[k] : tp->value_type;
        if (!tp->is_type) e->value = args[i].vpack[k];
      }
      continue;
    }
    Sym *b = scope_add(p, s, tp->is_type ? SYM_TYPE : SYM_CONST, tp->name, t->loc);
    if (tp->is_type) b->type = args[i].type;
    else {
      b->value = args[i].value;
      b->type = tp->value_type;
    }
  }
  return s;
}

static void parse_one_targ(Parser *p, TParam *tp, TArg *out) {
  bool saved = p->no_gt;
  p->no_gt = true;
  if (tp->is_type) {
    if (!is_type_start(p, p->tok)) error_tok(p, p->tok, "expected a type as template argument");
    out->type = parse_type_name(p);
  } else {
    /* `E::k` (an enumerator) and `T(x)` (a functional cast) start with a
     * type name but are expressions */
    Token *n = p->tok->next;
    bool expr_after = equal(n, "::") || equal(n, "(") || equal(n, "{");
    if (is_type_start(p, p->tok) && !equal(p->tok, "sizeof") && !expr_after)
      error_tok(p, p->tok, "template argument for non-type template parameter must be an expression");
    KExpr *e = parse_cond_expr(p);
    if (!kt_is_int(e->type) || !eval_const(p, e, &out->value))
      error_at(p, e->loc, "template argument for non-type template parameter must be a constant expression");
    out->value = (int64_t)(uint64_t)out->value;
    if (is_unbound(out->value)) { /* a parameter still open during deduction */
      p->no_gt = saved;
      return;
    }
    if (tp->value_type->kind == KT_U32) out->value = (uint32_t)out->value;
    if (tp->value_type->kind == KT_I32) out->value = (int32_t)out->value;
    if (tp->value_type->kind == KT_BOOL) out->value = out->value != 0;
  }
  p->no_gt = saved;
}


/* fills defaults for args [from, nparams) by replaying their tokens (a
 * default may name earlier parameters); with keep_bound, arguments that
 * deduction already found are kept */
static bool fill_defaults(Parser *p, Template *t, TArg *args, int from, bool keep_bound) {
  for (int i = from; i < t->nparams; i++) {
    bool bound = t->params[i].is_type ? args[i].type != NULL : !is_unbound(args[i].value);
    if (keep_bound && bound) continue;
    if (!t->params[i].default_tok) return false;
    Scope *saved = p->scope;
    Token *saved_tok = p->tok;
    p->scope = binding_scope(p, t, args, i);
    p->tok = t->params[i].default_tok;
    parse_one_targ(p, &t->params[i], &args[i]);
    p->scope = saved;
    p->tok = saved_tok;
  }
  return true;
}

/* template-args = "<" (arg ("," arg)*)? ">"  — '<' consumed */
bool parse_template_args(Parser *p, Template *t, TArg *out, int *nout, Token *name) {
  int n = 0;
  Token *start = name;
  split_shr(p);
  while (!equal(p->tok, ">")) {
    if (n) expect(p, ",");
    if (n < t->nparams && t->params[n].is_pack) { /* the rest of the arguments */
      PtrVec v = {0};
      for (;;) {
        TArg one = {0};
        parse_one_targ(p, &t->params[n], &one);
        if (!t->params[n].is_type) { /* a value of a non-type pack, or `Is...` */
          if (consume(p, "...")) {
            if (!is_unbound(one.value))
              error_tok(p, p->tok, "pack expansion in template arguments names no parameter pack");
            one.value = PACK_VALUE_BASE + (one.value - UNBOUND_BASE);
          }
          int64_t *nv = arena_alloc(p->arena, sizeof(int64_t) * (size_t)(v.len + 1));
          for (int j = 0; j < v.len; j++) nv[j] = out[n].vpack[j];
          nv[v.len] = one.value;
          out[n].vpack = nv;
          vec_push(p->arena, &v, NULL);
          split_shr(p);
          if (!consume(p, ",")) break;
          continue;
        }
        /* `Rest...` in a partial specialization's arguments */
        if (consume(p, "...")) {
          KType *u = one.type ? one.type->unqual : NULL;
          if (!u || u->kind != KT_STRUCT || u->cname != PLACEHOLDER)
            error_tok(p, p->tok, "pack expansion in template arguments names no parameter pack");
          KType *pp = kt_struct_new(p->m, u->name, PACK_PATTERN, false);
          pp->count = u->count;
          pp->size = 1;
          one.type = pp;
        }
        vec_push(p->arena, &v, one.type);
        split_shr(p);
        if (!consume(p, ",")) break;
      }
      out[n].pack = t->params[n].is_type ? (KType **)v.items : NULL;
      out[n].npack = v.len;
      out[n].type = p->m->t_void;
      n++;
      break;
    }
    if (n >= t->nparams || n >= 16)
      error_tok(p, start, "too many template arguments for '%s'", t->name);
    parse_one_targ(p, &t->params[n], &out[n]);
    n++;
    split_shr(p);
  }
  p->tok = p->tok->next;
  /* `X<>`: an empty pack (a function template's pack may still be
   * deduced from the call: `f<int>(1, 2.0f)`) */
  if (t->is_class && n == t->nparams - 1 && t->params[n].is_pack) {
    out[n].pack = NULL;
    out[n].vpack = NULL;
    out[n].npack = 0;
    out[n].type = p->m->t_void;
    n++;
  }
  *nout = n;
  if (t->is_class && n < t->nparams) {
    if (!fill_defaults(p, t, out, n, false))
      error_tok(p, start, "too few template arguments for '%s'", t->name);
    *nout = t->nparams;
  }
  return true;
}

static Instance *find_instance(Template *t, const char *key) {
  for (int i = 0; i < t->instances.len; i++) {
    Instance *in = t->instances.items[i];
    if (!strcmp(in->key, key)) return in;
  }
  return NULL;
}

void save_state(Parser *p, Saved *s) {
  s->tok = p->tok;
  s->scope = p->scope;
  s->fn = p->fn;
  s->cur_class = p->cur_class;
  s->no_gt = p->no_gt;
  s->speculative = p->speculative;
  s->extern_c = p->extern_c;
  s->unroll = p->pending_unroll;
}

void restore_state(Parser *p, Saved *s) {
  p->tok = s->tok;
  p->scope = s->scope;
  p->fn = s->fn;
  p->cur_class = s->cur_class;
  p->no_gt = s->no_gt;
  p->speculative = s->speculative;
  p->extern_c = s->extern_c;
  p->pending_unroll = s->unroll;
}

void check_depth(Parser *p, Template *t, SrcLoc loc) {
  if (p->inst_depth >= MAX_INST_DEPTH)
    error_at(p, loc, "recursive template instantiation exceeded maximum depth of %d (in '%s')",
             MAX_INST_DEPTH, t->name);
}

static KType *instantiate_alias(Parser *p, Template *t, TArg *args, int nargs) {
  Saved sv;
  save_state(p, &sv);
  p->scope = binding_scope(p, t, args, nargs);
  p->tok = t->decl;
  p->no_gt = false;
  KType *r = parse_type_name(p);
  restore_state(p, &sv);
  return r;
}

/* a pack argument still holding a deduction's open parameters */
static bool pack_is_open(TParam *tp, TArg *a) {
  for (int j = 0; j < a->npack; j++) {
    if (!tp->is_type) {
      int64_t v = a->vpack[j];
      if (is_unbound(v) || (v >= PACK_VALUE_BASE && v < PACK_VALUE_BASE + 16)) return true;
      continue;
    }
    const char *c = a->pack[j]->unqual->cname;
    if (c == PLACEHOLDER || c == PATTERN || c == PACK_PATTERN) return true;
  }
  return false;
}

/* during deduction, `thread_block_tile<ParentSize>` with ParentSize still
 * unknown: a pattern type remembering the template and its arguments */
static KType *pattern_type(Parser *p, Template *t, TArg *args, int nargs) {
  for (int i = 0; i < nargs; i++) {
    bool open = t->params[i].is_pack ? pack_is_open(&t->params[i], &args[i])
                : t->params[i].is_type ? args[i].type->unqual->cname == PLACEHOLDER ||
                                           args[i].type->unqual->cname == PATTERN
                                     : is_unbound(args[i].value);
    if (!open) continue;
    KType *pt = kt_struct_new(p->m, t->name, PATTERN, false);
    Scope *s = scope_new(p, t->scope, false);
    s->from_tmpl = t;
    s->targs = arena_alloc(p->arena, sizeof(TArg) * (size_t)(nargs + 1));
    memcpy(s->targs, args, sizeof(TArg) * (size_t)nargs);
    pt->front = s;
    pt->size = 1;
    return pt;
  }
  return NULL;
}

KType *instantiate_class(Parser *p, Template *t, TArg *args, int nargs, SrcLoc loc) {
  if (t->is_alias) return instantiate_alias(p, t, args, nargs);
  if (p->deducing) {
    KType *pt = pattern_type(p, t, args, nargs);
    if (pt) return pt;
  }
  const char *key = targs_key(p, t, args, nargs);
  Instance *in = find_instance(t, key);
  if (in) return in->type;
  check_depth(p, t, loc);
  in = arena_alloc(p->arena, sizeof *in);
  in->key = key;
  Saved sv;
  save_state(p, &sv);
  TArg bound[16];
  Template *spec = match_class_spec(p, t, args, nargs, bound);
  Scope *bind = spec ? binding_scope(p, spec, bound, spec->nparams) : binding_scope(p, t, args, nargs);
  bind->from_tmpl = t; /* the injected class name followed by `<` names t */
  p->scope = bind;
  p->tok = spec ? spec->decl : t->decl;
  /* a variadic class template: its pack expanded in the tokens (parse_pack.c) */
  Template *from = spec ? spec : t;
  if (template_has_pack(from))
    p->tok = expand_pack_decl(p, from, (spec ? bound : args)[from->nparams - 1].npack);
  p->fn = NULL;
  p->cur_class = NULL;
  p->no_gt = false;
  p->inst_depth++;
  const char *display = arena_printf(p->arena, "%s%s%s", t->scope->prefix, t->name, key);
  vec_push(p->arena, &t->instances, in);
  /* the instance is visible (for self references) once its struct exists:
   * parse_class_specifier fills in->type as soon as it makes the struct */
  p->pending_instance = in;
  in->type = parse_class_specifier(p, display, bind);
  Scope *cs = in->type->front;
  cs->from_tmpl = t;
  cs->targs = arena_alloc(p->arena, sizeof(TArg) * (size_t)(nargs + 1));
  memcpy(cs->targs, args, sizeof(TArg) * (size_t)nargs);
  if (cs->klass == in->type) define_members(p, t, in->type);
  p->inst_depth--;
  restore_state(p, &sv);
  return in->type;
}

FuncDecl *instantiate_func(Parser *p, Template *t, TArg *args, int nargs, SrcLoc loc) {
  const char *key = targs_key(p, t, args, nargs);
  Instance *in = find_instance(t, key);
  if (in) return in->fd;
  check_depth(p, t, loc);
  in = arena_alloc(p->arena, sizeof *in);
  in->key = key;
  vec_push(p->arena, &t->instances, in);
  Template *spec = match_func_spec(p, t, key);
  Saved sv;
  save_state(p, &sv);
  p->scope = spec ? scope_new(p, spec->scope, false) : binding_scope(p, t, args, nargs);
  p->tok = spec ? spec->decl : t->decl;
  if (!spec && template_has_pack(t)) p->tok = expand_pack_decl(p, t, args[t->nparams - 1].npack);
  p->fn = NULL;
  p->cur_class = NULL;
  p->no_gt = false;
  p->speculative = false;
  p->inst_depth++;
  const char *display = t->owner ? arena_printf(p->arena, "%s::%s%s", t->owner->name, t->name, key)
                                 : arena_printf(p->arena, "%s%s%s", t->scope->prefix, t->name, key);
  FuncDecl *fd;
  if (t->owner && is_ctor_start(p, t->owner, t->name)) { /* a constructor template */
    parse_class_ctor(p, t->owner, t->name, display, &fd);
    if (fd) fd->is_template_instance = true;
    in->fd = fd;
    p->inst_depth--;
    restore_state(p, &sv);
    return fd;
  }
  /* the instance is declared in the binding scope: its overload set keeps
   * the templates, so the body can call other instances (recursion) */
  Sym *outer = lookup_in(t->scope, t->name);
  if (!spec && outer && outer->tmpl)
    scope_add(p, p->scope, SYM_FUNC, t->name, t->loc)->tmpl = outer->tmpl;
  DeclSpec ds;
  parse_declspec(p, &ds, true);
  Declarator d;
  parse_declarator(p, &ds, &d, false);
  if (!(ds.fflags & (KF_GLOBAL | KF_DEVICE)) && !ds.is_constexpr)
    error_at(p, loc, "calling a __host__ function template '%s' from device code is not allowed", display);
  /* declared in the binding scope, whose parent is the template's own
   * scope, so `this` and class members resolve */
  /* in->fd is set once the function is declared, before its body is
   * parsed, so a recursive call in the body finds this instance */
  function_definition_or_decl(p, &ds, &d, t->owner, display, &in->fd);
  fd = in->fd;
  if (fd) fd->is_template_instance = true;
  if (fd) fd->is_variadic_instance = template_has_pack(t);
  p->inst_depth--;
  restore_state(p, &sv);
  return fd;
}

static bool unify(KType *pat, KType *act, TArg *args, Template *t);

/* `Seq<Is...>` against `Seq<0, 1, 2>`: a trailing pack pattern takes
 * the rest of the instance's pack into the function template's pack */
static bool unify_pack(TParam *tp, TArg *pat, TArg *act, TArg *args, Template *t) {
  for (int j = 0; j < pat->npack; j++) {
    if (!tp->is_type) {
      int64_t v = pat->vpack[j];
      if (v >= PACK_VALUE_BASE && v < PACK_VALUE_BASE + 16) {
        TArg *slot = &args[v - PACK_VALUE_BASE];
        slot->vpack = act->vpack + j;
        slot->npack = act->npack - j;
        return act->npack >= j && j == pat->npack - 1;
      }
      if (j >= act->npack) return false;
      if (is_unbound(v)) {
        TArg *slot = &args[v - UNBOUND_BASE];
        if (is_unbound(slot->value)) slot->value = act->vpack[j];
        if (slot->value != act->vpack[j]) return false;
      } else if (v != act->vpack[j]) {
        return false;
      }
      continue;
    }
    KType *e = pat->pack[j]->unqual;
    if (e->kind == KT_STRUCT && e->cname == PACK_PATTERN) {
      TArg *slot = &args[e->count];
      slot->pack = act->pack + j;
      slot->npack = act->npack - j;
      return act->npack >= j && j == pat->npack - 1;
    }
    if (j >= act->npack || !unify(pat->pack[j], act->pack[j], args, t)) return false;
  }
  return pat->npack == act->npack;
}

/* thread_block_tile<ParentSize> against thread_block_tile<32> */
static bool unify_pattern(KType *pat, KType *act, TArg *args, Template *t) {
  Scope *ps = pat->front, *as = act->unqual->front;
  if (act->unqual->kind != KT_STRUCT || !as || as->from_tmpl != ps->from_tmpl) return false;
  Template *ct = ps->from_tmpl;
  for (int i = 0; i < ct->nparams; i++) {
    if (ct->params[i].is_pack) {
      if (!unify_pack(&ct->params[i], &ps->targs[i], &as->targs[i], args, t)) return false;
    } else if (ct->params[i].is_type) {
      if (!unify(ps->targs[i].type, as->targs[i].type, args, t)) return false;
    } else if (is_unbound(ps->targs[i].value)) {
      int k = (int)(ps->targs[i].value - UNBOUND_BASE);
      if (is_unbound(args[k].value)) args[k].value = as->targs[i].value;
      else if (args[k].value != as->targs[i].value) return false;
    } else if (ps->targs[i].value != as->targs[i].value) {
      return false;
    }
  }
  return true;
}

static bool unify(KType *pat, KType *act, TArg *args, Template *t) {
  pat = pat->unqual;
  if (pat->kind == KT_STRUCT && pat->cname == PATTERN) return unify_pattern(pat, act, args, t);
  if (pat->kind == KT_STRUCT && pat->cname == PLACEHOLDER) {
    int i = pat->count;
    KType *a = act->unqual;
    if (!args[i].type) args[i].type = a;
    return args[i].type == a;
  }
  act = act->unqual;
  if (pat->kind == KT_PTR && (act->kind == KT_PTR || act->kind == KT_ARRAY))
    return unify(pat->elem, act->elem, args, t);
  if (pat->kind == KT_ARRAY && act->kind == KT_ARRAY) {
    if (is_unbound(pat->count)) { /* T (&a)[N]: N from the argument's length */
      int k = pat->count - UNBOUND_BASE;
      if (is_unbound(args[k].value)) args[k].value = act->count;
      else if (args[k].value != act->count) return false;
    }
    return unify(pat->elem, act->elem, args, t);
  }
  return true;
}

KType *placeholder(Parser *p, int i, const char *name) {
  KType *ph = kt_struct_new(p->m, name, PLACEHOLDER, false);
  ph->count = i;
  ph->size = 1;
  return ph;
}

/* a type pack of k elements during deduction: given explicitly, or
 * placeholders nparams.. in ext */
static void bind_pack(Parser *p, Scope *s, Template *t, TArg *ext, bool given, int k) {
  TParam *tp = &t->params[t->nparams - 1];
  for (int j = 0; j < k; j++) {
    if (!tp->is_type) { /* only given: a non-type pack is deduced through a class's pack */
      Sym *b = scope_add(p, s, SYM_CONST, pack_elem_name(p, tp->name, j), t->loc);
      b->type = tp->value_type;
      b->value = ext[t->nparams - 1].vpack[j];
      continue;
    }
    Sym *b = scope_add(p, s, SYM_TYPE, pack_elem_name(p, tp->name, j), t->loc);
    b->type = given ? ext[t->nparams - 1].pack[j] : placeholder(p, t->nparams + j, tp->name);
  }
}

/* the deduced pack (ext[nparams..]) into args' last entry */
static bool take_pack(Parser *p, Template *t, TArg *ext, TArg *args, int k) {
  KType **v = arena_alloc(p->arena, sizeof(KType *) * (size_t)(k + 1));
  for (int j = 0; j < k; j++)
    if (!(v[j] = ext[t->nparams + j].type)) return false;
  args[t->nparams - 1].pack = v;
  args[t->nparams - 1].npack = k;
  args[t->nparams - 1].type = p->m->t_void;
  return true;
}

bool deduce_template_args(Parser *p, Template *t, TArg *user_args, int nexplicit,
                          KExpr **call_args, int ncall) {
  bool pack = template_has_pack(t), given = pack && nexplicit >= t->nparams;
  /* `f(Seq<Is...>)`: the pack is deduced from a class instance's pack,
   * the declaration parsed unexpanded with the pack's name open */
  bool class_pack = pack && !given && !pack_is_function_param(t);
  int k = !pack || class_pack ? 0 : given ? user_args[t->nparams - 1].npack : ncall - pack_leading_params(t);
  if (k < 0 || k > 32) return false;
  TArg ext[48];
  memset(ext, 0, sizeof ext);
  memcpy(ext, user_args, sizeof(TArg) * (size_t)t->nparams);
  TArg *const args = ext; /* room for a pack's placeholders past nparams */
  Saved sv;
  save_state(p, &sv);
  jmp_buf jb, *saved_recover = p->recover;
  Scope *s = scope_new(p, t->scope, false);
  bool ok = true;
  for (int i = 0; i < t->nparams; i++) {
    TParam *tp = &t->params[i];
    if (!*tp->name) continue;
    if (tp->is_pack && !class_pack) {
      bind_pack(p, s, t, ext, given, k);
      continue;
    }
    Sym *b = scope_add(p, s, tp->is_type ? SYM_TYPE : SYM_CONST, tp->name, t->loc);
    if (tp->is_type) b->type = i < nexplicit ? args[i].type : placeholder(p, i, tp->name);
    else {
      b->type = tp->value_type;
      b->value = i < nexplicit ? args[i].value : UNBOUND_BASE + i;
      if (i >= nexplicit) args[i].value = UNBOUND_BASE + i;
    }
  }
  p->recover = &jb;
  p->speculative = true;
  p->deducing++;
  if (setjmp(jb)) {
    ok = false;
  } else {
    p->scope = s;
    p->tok = pack && !class_pack ? expand_pack_decl(p, t, k) : t->decl;
    p->fn = NULL;
    p->no_gt = false;
    DeclSpec ds;
    if (t->owner && is_ctor_start(p, t->owner, t->name)) { /* a constructor template */
      memset(&ds, 0, sizeof ds);
      ds.type = p->m->t_void;
      while (!equal(p->tok, t->name)) p->tok = p->tok->next;
    } else {
      /* a return type that cannot be formed before deduction (`typename
       * tuple_element<I, Tuple>::type &`, `typename T::value_type`) is no
       * part of it: past it to the function's name, the return type void */
      Token *start = p->tok;
      jmp_buf rjb;
      volatile bool skip = false;
      p->recover = &rjb;
      if (setjmp(rjb)) skip = true;
      else {
        parse_declspec(p, &ds, true);
        skip = equal(p->tok, "::"); /* `typename E<I, T>` of a pattern, `::type` left */
      }
      if (skip) {
        memset(&ds, 0, sizeof ds);
        ds.type = p->m->t_void;
        for (p->tok = start; !equal(p->tok, t->name); p->tok = p->tok->next)
          if (p->tok->kind == TK_EOF || equal(p->tok, "{") || equal(p->tok, ";")) longjmp(jb, 1);
      }
      p->recover = &jb;
    }
    Declarator d;
    parse_declarator(p, &ds, &d, false);
    if (!d.is_func) ok = false;
    for (int i = 0; ok && i < ncall && i < d.nparams; i++) {
      ok = unify(d.params[i].type, call_args[i]->type, args, t);
    }
    for (int i = nexplicit; ok && i < t->nparams; i++)
      if (!t->params[i].is_pack && (t->params[i].is_type ? !args[i].type : is_unbound(args[i].value)))
        if (!t->params[i].default_tok) ok = false;
  }
  p->deducing--;
  p->recover = saved_recover;
  restore_state(p, &sv);
  if (ok && pack && !given && !class_pack) ok = take_pack(p, t, ext, ext, k);
  if (ok && class_pack) { /* found by unify_pack, or no argument named it: empty */
    TArg *a = &ext[t->nparams - 1];
    if (t->params[t->nparams - 1].is_type) a->type = p->m->t_void;
    else a->value = 0;
  }
  memcpy(user_args, ext, sizeof(TArg) * (size_t)t->nparams);
  if (!ok) return false;
  return fill_defaults(p, t, user_args, nexplicit, true);
}

/* a function template whose declaration, up to its name, has no CUDA
 * marker and no constexpr */
static bool host_template(Template *t) {
  for (Token *k = t->decl; k && k->kind != TK_EOF && !equal(k, "(") && !equal(k, "{"); k = k->next)
    if (is_device_marker(k) || equal(k, "constexpr")) return false;
  return true;
}

/* template __global__ void k<float, 256>(const float*, float*, int);
 * template struct Vec<float, 3>; */
static void explicit_instantiation(Parser *p) {
  if (equal(p->tok, "struct") || equal(p->tok, "class")) {
    p->tok = p->tok->next;
    Token *name;
    Sym *s = parse_qualified_name(p, &name);
    if (!s || s->kind != SYM_TEMPLATE || !s->tmpl->is_class)
      error_tok(p, name, "explicit instantiation of undeclared template class '%s'", name->spelling);
    expect(p, "<");
    TArg args[16];
    int n;
    parse_template_args(p, s->tmpl, args, &n, name);
    instantiate_class(p, s->tmpl, args, n, name->loc);
    expect(p, ";");
    return;
  }
  DeclSpec ds;
  parse_declspec(p, &ds, true);
  while (consume(p, "*") || consume(p, "&")) {}
  Token *name;
  Sym *s = parse_qualified_name(p, &name);
  if (!s || s->kind != SYM_TEMPLATE)
    error_tok(p, name, "explicit instantiation of undeclared template '%s'", name->spelling);
  TArg args[16];
  memset(args, 0, sizeof args);
  int n = 0;
  if (consume(p, "<")) parse_template_args(p, s->tmpl, args, &n, name);
  /* the parameter list picks the overload; deduce from its types */
  expect(p, "(");
  PtrVec ptypes = {0};
  if (equal(p->tok, "void") && equal(p->tok->next, ")")) p->tok = p->tok->next;
  while (!equal(p->tok, ")")) {
    if (ptypes.len) expect(p, ",");
    DeclSpec pds;
    parse_declspec(p, &pds, true);
    Declarator pd;
    parse_declarator(p, &pds, &pd, true);
    KExpr *fake = new_expr(p, KE_VAR, pd.type, name->loc);
    vec_push(p->arena, &ptypes, fake);
  }
  expect(p, ")");
  expect(p, ";");
  for (Template *t = s->tmpl; t; t = t->next_overload) {
    TArg a[16];
    memcpy(a, args, sizeof a);
    if (n > t->nparams) continue;
    if (host_template(t)) { /* `template void reduce<int>(...)`: host code */
      p->host_decl = true;
      return;
    }
    if (!deduce_template_args(p, t, a, n, (KExpr **)ptypes.items, ptypes.len)) continue;
    instantiate_func(p, t, a, t->nparams, name->loc);
    return;
  }
  error_tok(p, name, "explicit instantiation of '%s' does not match any template declaration",
            name->spelling);
}
