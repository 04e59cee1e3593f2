/*
 * parse_host_lambda.c — extended lambdas (`[=] __device__ (…) {…}`,
 * `[=] __host__ __device__ …`) written in host functions, which pass them
 * to kernel templates (nvcc's --extended-lambda).
 *
 * The device pass otherwise skips host function bodies.  Here it scans
 * one for extended lambdas and defines each one's closure class for the
 * device, named `__cw_lambda_K_L_I` (K: cw_file_name_key of the file, L:
 * the line, I: its index among the extended lambdas of that line); the
 * host pass (src/cc/rewrite.c) tags the host's closure type with the same
 * K, L, I and its size (src/compat/host_glue.h), and the run time swaps
 * the tag for the name before instantiating the kernel
 * (src/compat/kernel_lambda.c).  Lines and indices, not columns, since
 * g++ -E keeps lines but not columns.  A host function template's body is
 * scanned per instance, when the run time asks for a closure of it
 * (front_host_lambda, with the instance as the host spells it:
 * `fill<float>`): the template's parameters are bound as for any
 * instantiation and the closures' names end in the instance's arguments.
 *
 * The closure's captures are the host function's variables, so the scan
 * keeps a scope of them: the parameters, and each local declared before
 * the lambda whose declaration the device parser can read (`T a = …;`,
 * `T *a, b;`), tried speculatively at each statement start.  A variable
 * declared `auto`, or with a type the device pass does not know, is known
 * by name only: capturing it is diagnosed (parse_lambda.c), unless its
 * initializer is an extended lambda, whose closure class is its type.  An integral
 * constant (`const int n = 100;`) becomes a constant, as g++ does not
 * capture it.  Errors in a lambda's body are reported like any device
 * code's; the lambda's layout rules are parse_extended_lambda's.
 */
#include <ctype.h>
#include <string.h>

#include "base/hash.h"
#include "decl.h"

/* the token after the group opened at t ('(', '[', '{'), or EOF */
static Token *after_group(Token *t) {
  int depth = 0;
  for (; t->kind != TK_EOF; t = t->next) {
    if (equal(t, "(") || equal(t, "[") || equal(t, "{")) depth++;
    else if ((equal(t, ")") || equal(t, "]") || equal(t, "}")) && --depth == 0) return t->next;
  }
  return t;
}

/* `[caps] specifiers (params)? specifiers` with __device__ among the
 * specifiers (nvcc puts them before the parameters) */
static bool is_extended_lambda(Token *t) {
  if (!equal(t, "[")) return false;
  t = after_group(t);
  bool device = false;
  for (int part = 0; part < 2; part++) { /* specifiers, (params), specifiers */
    for (; equal(t, "__device__") || equal(t, "__host__") || equal(t, "mutable") ||
           equal(t, "constexpr") || equal(t, "noexcept");
         t = t->next)
      device |= equal(t, "__device__");
    if (part == 0 && equal(t, "(")) t = after_group(t);
  }
  return device;
}

static const char *file_of(Token *t) { return srcloc_file(t->loc) ? srcloc_file(t->loc)->name : "?"; }

static int file_key(Token *t) {
  const char *f = file_of(t);
  return cw_file_name_key(f, strlen(f));
}

static const char *closure_name(Parser *p, int key, int line, int index, const char *suffix) {
  return arena_printf(p->arena, "__cw_lambda_%d_%d_%d%s", key, line, index, suffix);
}

/* the index of the extended lambda at t among those of its line (in the
 * same instance) */
static int index_on_line(Parser *p, Token *t, const char *suffix) {
  int n = 0;
  for (int i = 0; i < p->host_lambdas.len; i++) {
    HostLambda *lp = p->host_lambdas.items[i];
    n += lp->start->loc.line == t->loc.line && !strcmp(file_of(lp->start), file_of(t)) &&
         !strcmp(lp->suffix, suffix);
  }
  return n;
}

/* "_float_p_3" for the template arguments "<float*, 3>" */
static const char *instance_suffix(Parser *p, Template *t, TArg *args, int nargs) {
  const char *key = targs_key(p, t, args, nargs);
  StrBuf sb;
  sb_init(&sb);
  for (const char *c = key; *c; c++) {
    if (isalnum((unsigned char)*c) || *c == '_') sb_putc(&sb, *c);
    else if (*c == '*') sb_puts(&sb, "_p");
    else if (*c == '&') sb_puts(&sb, "_r");
    else if (*c == '-') sb_puts(&sb, "_m");
    else if (*c != ' ') sb_putc(&sb, '_');
  }
  const char *r = arena_strdup(p->arena, sb.data ? sb.data : "");
  sb_free(&sb);
  return r;
}

static Sym *add_variable(Parser *p, Token *name, KType *type, KVarKind kind) {
  Sym *s = scope_add(p, p->scope, SYM_VAR, name->spelling, name->loc);
  s->var = new_var(p, kind, name->spelling, type, name->loc);
  return s;
}

/* `const int n = 100` with a constant value: a constant, like an
 * enumerator; else false (p->tok back at init) */
static bool add_constant(Parser *p, PtrVec *consts, Token *name, KType *type, Token *init) {
  if (!kt_is_int(type->unqual) || !type->is_const) return false;
  p->tok = init;
  KExpr *e = parse_assign(p);
  int64_t v;
  if (!(equal(p->tok, ";") || equal(p->tok, ",")) || !eval_const(p, e, &v)) {
    p->tok = init;
    return false;
  }
  Sym *s = scope_add(p, p->scope, SYM_CONST, name->spelling, name->loc);
  s->value = v;
  s->type = type->unqual;
  vec_push(p->arena, consts, s);
  return true;
}

/* one declarator of a local declaration at p->tok, added to the scope
 * (the variable, or NULL for a constant); errors unwind to the caller's
 * recovery point */
static Sym *local_declarator(Parser *p, DeclSpec *ds, PtrVec *consts) {
  Declarator d = {0};
  parse_declarator(p, ds, &d, false);
  if (!d.name_tok || d.is_func || d.qual_scope ||
      !(equal(p->tok, "=") || equal(p->tok, ";") || equal(p->tok, ",") || equal(p->tok, "(") ||
        equal(p->tok, "{")))
    error_tok(p, p->tok, "not a local declaration");
  KType *type = ds->is_auto ? NULL : d.type; /* a reference: its value is what is copied */
  if (type && equal(p->tok, "=") && add_constant(p, consts, d.name_tok, type, p->tok->next))
    return NULL;
  return add_variable(p, d.name_tok, type, KV_LOCAL);
}

typedef struct Walk {
  bool names_only;      /* a template's body, parameters bound to stand-ins */
  const char *suffix;   /* the closures' name suffix (template instances) */
  Template *tmpl;
  TArg *args;
  int nargs;
  PtrVec consts;        /* Sym*: the integral constants declared so far */
  DeclSpec ds;          /* the declaration being read */
  Sym *auto_var;        /* `auto f = [=] __device__ …`: f, typed by the closure */
  Token *auto_init;     /* … whose lambda starts here */
  bool in_decl;
  int decl_depth;       /* its bracket depth: a ',' there starts a declarator */
} Walk;

/* a declaration (or the next declarator of one) at p->tok, tried
 * speculatively; p->tok after what was read, or unchanged */
static void try_declaration(Parser *p, Walk *w, bool first) {
  Token *start = p->tok;
  jmp_buf jb, *saved = p->recover;
  bool spec = p->speculative;
  Saved state;
  save_state(p, &state);
  int inst_depth = p->inst_depth;
  p->recover = &jb;
  p->speculative = true;
  if (setjmp(jb)) {
    restore_state(p, &state); /* an error may unwind from inside an instantiation */
    p->inst_depth = inst_depth;
    p->tok = start;
    if (first) w->in_decl = false;
  } else {
    if (first) {
      memset(&w->ds, 0, sizeof w->ds);
      parse_declspec(p, &w->ds, true);
      if (w->ds.is_typedef || w->ds.is_static || w->ds.is_extern) error_tok(p, start, "skip");
    }
    Sym *v = local_declarator(p, &w->ds, &w->consts);
    if (v && w->ds.is_auto && equal(p->tok, "=") && is_extended_lambda(p->tok->next)) {
      w->auto_var = v;
      w->auto_init = p->tok->next;
      pin_tokens(p);
    }
    if (first) w->in_decl = true;
  }
  p->recover = saved;
  p->speculative = spec;
}

/* scans the body [t, end) defining each extended lambda's closure */
static void scan_body(Parser *p, Token *t, Token *end, Walk w) {
  int depth = 0;     /* ( [ { nesting inside the body */
  bool stmt = true;  /* t starts a statement */
  Token *prev = NULL;
  while (t != end && t->kind != TK_EOF) {
    if (is_extended_lambda(t)) {
      int index = index_on_line(p, t, w.suffix);
      const char *name =
          w.names_only ? NULL : closure_name(p, file_key(t), t->loc.line, index, w.suffix);
      p->tok = t;
      HostLambda *lp = parse_extended_lambda(p, name, &w.consts);
      lp->key = file_key(t);
      lp->line = t->loc.line;
      lp->index = index;
      for (Token *k = t; k != lp->body; k = k->next) lp->host_too |= equal(k, "__host__");
      lp->suffix = w.suffix;
      lp->tmpl = w.tmpl;
      lp->args = w.args;
      lp->nargs = w.nargs;
      vec_push(p->arena, &p->host_lambdas, lp);
      pin_tokens(p);
      if (w.auto_var && w.auto_init == t && lp->closure) w.auto_var->var->type = lp->closure;
      prev = NULL;
      stmt = false;
      t = lp->end;
      continue;
    }
    bool for_init = equal(t, "(") && prev && equal(prev, "for");
    Token *at = for_init ? t->next : t;
    if ((stmt || for_init) && is_type_start(p, at)) {
      p->tok = at;
      int d = depth + for_init;
      try_declaration(p, &w, true);
      if (w.in_decl) {
        w.decl_depth = d;
        depth = d;
        prev = NULL;
        stmt = false;
        t = p->tok; /* at the declarator's '=', ',' or ';' */
        continue;
      }
    }
    if (w.in_decl && equal(t, ",") && depth == w.decl_depth) {
      p->tok = t->next;
      try_declaration(p, &w, false);
      if (p->tok != t->next) {
        prev = NULL;
        stmt = false;
        t = p->tok;
        continue;
      }
    }
    bool opens = equal(t, "{") || equal(t, "(") || equal(t, "[");
    bool closes = equal(t, "}") || equal(t, ")") || equal(t, "]");
    if (equal(t, "{")) p->scope = scope_new(p, p->scope, false);
    if (equal(t, "}") && p->scope->parent) p->scope = p->scope->parent;
    depth += opens - closes;
    if (equal(t, ";") || depth < w.decl_depth) w.in_decl = false;
    stmt = equal(t, "{") || equal(t, "}") || equal(t, ";");
    prev = t;
    t = t->next;
  }
}

static void scan_host_function(Parser *p, Declarator *d, Template *tmpl, TArg *args, int nargs,
                               bool names_only) {
  if (!equal(p->tok, "{")) return;
  Token *body = p->tok, *end = after_group(body);
  bool any = false;
  for (Token *t = body; t != end && !any; t = t->next) any = is_extended_lambda(t);
  if (!any) return;
  Saved state;
  save_state(p, &state);
  int inst_depth = p->inst_depth;
  jmp_buf jb, *saved_recover = p->recover;
  FuncCtx ctx = {0};
  KFunc host_fn = {0}; /* what a local's initializer may ask of its function */
  host_fn.name = host_fn.cname = d->name;
  host_fn.flags = KF_HOST;
  ctx.kf = &host_fn;
  p->fn = &ctx;
  p->cur_class = NULL;
  p->scope = scope_new(p, d->qual_scope ? d->qual_scope : p->scope, false);
  p->recover = &jb;
  p->speculative = false;
  if (!setjmp(jb)) {
    for (int i = 0; i < d->nparams; i++)
      if (d->params[i].name_tok) add_variable(p, d->params[i].name_tok, d->params[i].type, KV_PARAM);
    Walk w = {0};
    w.names_only = names_only;
    w.suffix = names_only ? "?" : tmpl ? instance_suffix(p, tmpl, args, nargs) : "";
    w.tmpl = tmpl;
    w.args = args;
    w.nargs = nargs;
    scan_body(p, body->next, end, w);
  }
  restore_state(p, &state); /* p->tok back at the body */
  p->inst_depth = inst_depth;
  p->recover = saved_recover;
}

void define_host_lambdas(Parser *p, Declarator *d, Template *tmpl, TArg *args, int nargs) {
  scan_host_function(p, d, tmpl, args, nargs, false);
}

/* The declarator of host function template t's instance for args[0..n)
 * (its parameters typed), read in a scope binding the template's
 * parameters; the parser is left there, the caller restores it. */
static void instance_declarator(Parser *p, Template *t, TArg *args, int n, Declarator *d) {
  p->scope = binding_scope(p, t, args, n);
  p->tok = t->decl;
  p->cur_class = NULL;
  DeclSpec ds;
  parse_declspec(p, &ds, true);
  parse_declarator(p, &ds, d, false);
}

/* what the template's lambdas capture does not depend on its arguments
 * (but for oddities the run time's size check catches): its type
 * parameters stand for int, its values for 0, while the names are found */
void note_template_host_lambdas(Parser *p, Template *t) {
  Token *k = t->decl;
  for (; k->kind != TK_EOF && !equal(k, "{") && !equal(k, ";"); k = k->next)
    if (is_device_marker(k)) return; /* device code: its lambdas are device lambdas */
  bool any = false;
  for (Token *end = equal(k, "{") ? after_group(k) : k; k != end && !any; k = k->next)
    any = is_extended_lambda(k);
  if (!any || t->nparams > 16) return;
  TArg args[16];
  memset(args, 0, sizeof args);
  for (int i = 0; i < t->nparams; i++)
    if (t->params[i].is_type && !t->params[i].is_pack) args[i].type = p->m->t_i32;
  Saved state;
  save_state(p, &state);
  int inst_depth = p->inst_depth;
  jmp_buf jb, *saved_recover = p->recover;
  p->recover = &jb;
  p->speculative = true;
  if (!setjmp(jb)) {
    Declarator d;
    instance_declarator(p, t, args, t->nparams, &d);
    p->speculative = false;
    scan_host_function(p, &d, NULL, NULL, 0, true);
  }
  restore_state(p, &state);
  p->inst_depth = inst_depth;
  p->recover = saved_recover;
}

/* whether the declaration of t (a function template) has an extended
 * lambda at line of the file keyed key */
static bool template_has_lambda(Template *t, int key, int line) {
  Token *k = t->decl;
  while (k->kind != TK_EOF && !equal(k, "{") && !equal(k, ";"))
    k = equal(k, "(") || equal(k, "[") ? after_group(k) : k->next;
  if (!equal(k, "{")) return false;
  for (Token *end = after_group(k); k != end; k = k->next)
    if (k->loc.line == line && is_extended_lambda(k) && file_key(k) == key) return true;
  return false;
}

const char *front_host_lambda(Parser *p, const char *fn, int key, int line, int index) {
  Token *toks = front_lex_at_global(p, "<host function>", fn);
  jmp_buf jb;
  p->recover = &jb;
  const char *found = NULL;
  if (!setjmp(jb)) {
    p->tok = toks;
    Token *name;
    Sym *s = parse_qualified_name(p, &name);
    if (!s || s->kind != SYM_TEMPLATE || s->tmpl->is_class)
      error_tok(p, name, "no host function template named '%s'", name->spelling);
    expect(p, "<");
    Token *args_start = p->tok;
    for (Template *t = s->tmpl; t && !found; t = t->next_overload) {
      p->tok = args_start;
      TArg *args = arena_alloc(p->arena, sizeof(TArg) * 16);
      int n = 0;
      parse_template_args(p, t, args, &n, name);
      if (n != t->nparams || !template_has_lambda(t, key, line)) continue;
      const char *want = closure_name(p, key, line, index, instance_suffix(p, t, args, n));
      if (!lookup_in(p->global, want)) { /* not defined yet: the instance's lambdas */
        Saved sv;
        save_state(p, &sv);
        Declarator d;
        instance_declarator(p, t, args, n, &d);
        define_host_lambdas(p, &d, t, args, n);
        restore_state(p, &sv);
      }
      if (lookup_in(p->global, want)) found = want;
    }
    if (!found)
      error_tok(p, name, "no extended lambda at line %d in an instance of '%s'", line, fn);
  }
  p->recover = NULL;
  return found && p->diags->errors == 0 ? found : NULL;
}

char *front_host_lambda_captures(Parser *p) {
  StrBuf sb;
  sb_init(&sb);
  for (int i = 0; i < p->host_lambdas.len; i++) {
    HostLambda *lp = p->host_lambdas.items[i];
    if (*lp->suffix && strcmp(lp->suffix, "?")) continue; /* not instances */
    sb_printf(&sb, "%d %d %d", lp->key, lp->line, lp->index);
    for (int f = 0; f < lp->capture_names.len; f++)
      sb_printf(&sb, " %s", (const char *)lp->capture_names.items[f]);
    sb_putc(&sb, '\n');
  }
  return sb_take(&sb);
}
