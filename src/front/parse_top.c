/*
 * parse_top.c — the translation unit: namespaces, linkage blocks, and
 * the split between device code (parsed and checked) and host code
 * (recognised and skipped, as nvcc's device pass does).
 *
 * A top-level declaration that carries a CUDA marker (__global__,
 * __device__, __constant__, __shared__, __managed__) anywhere in it is
 * device code: errors in it are reported.  Any other declaration is parsed
 * speculatively: if it parses (a struct used by kernels, a constexpr), it
 * is kept; if not (std::vector members, host-only syntax), it is dropped
 * without a word, and a host function's body is never looked at.
 */
#include <string.h>

#include "decl.h"

static void parse_external(Parser *p);

/* remembers the tokens [start, end) of a host declaration; spans stay in
 * token order and disjoint: those of members of a class recorded before
 * (parse_class.c) give way to the whole declaration's */
void front_record_host_span(Parser *p, Token *start, Token *end) {
  if (start == end || p->inst_depth) return; /* an instance's tokens: not the source's order */
  pin_tokens(p); /* the device source walks around it, extended lambdas in it */
  while (p->host_spans.len) {
    HostSpan *last = p->host_spans.items[p->host_spans.len - 1];
    Token *t = start;
    while (t && t != end && t != last->start) t = t->next;
    if (t != last->start) break;
    p->host_spans.len--;
  }
  HostSpan *s = arena_alloc(p->arena, sizeof *s);
  s->start = start;
  s->end = end;
  vec_push(p->arena, &p->host_spans, s);
}

/* a function template with no CUDA marker and no constexpr is host code
 * (markers in its body: extended lambdas, parse_host_lambda.c) */
static bool host_function_template(Token *t) {
  int depth = 0;
  bool is_class = false, in_body = false;
  t = t->next;
  for (int angle = 0; equal(t, "<") || angle > 0; t = t->next) { /* the parameter list */
    if (t->kind == TK_EOF) return false;
    angle += equal(t, "<") - equal(t, ">") - 2 * equal(t, ">>");
  }
  for (; t->kind != TK_EOF; t = t->next) {
    if ((is_device_marker(t) || equal(t, "constexpr")) && !in_body) return false;
    if (depth == 0 && equal(t, "{") && !is_class) in_body = true;
    if ((equal(t, "struct") || equal(t, "class") || equal(t, "union") || equal(t, "using")) &&
        depth == 0)
      is_class = true;
    if (equal(t, "{") || equal(t, "(")) depth++;
    if (equal(t, "}") || equal(t, ")")) {
      if (--depth == 0 && equal(t, "}")) break;
    }
    if (depth == 0 && equal(t, ";")) break;
  }
  return !is_class;
}

/* scans one declaration for a CUDA marker, without consuming tokens */
static bool declaration_is_device(Token *t) {
  int depth = 0;
  bool fn_body = false; /* the outermost { } is a function's body: the declaration ends with it */
  for (Token *prev = NULL; t->kind != TK_EOF; prev = t, t = t->next) {
    if (is_device_marker(t)) return true;
    if (depth == 0 && equal(t, "{"))
      fn_body = prev && (equal(prev, ")") || equal(prev, "const") || equal(prev, "noexcept") ||
                         equal(prev, "override") || equal(prev, "final"));
    if (equal(t, "{") || equal(t, "(") || equal(t, "[")) depth++;
    else if (equal(t, "}") || equal(t, ")") || equal(t, "]")) {
      if (--depth == 0 && equal(t, "}") &&
          (fn_body || (!equal(t->next, ";") && !equal(t->next, ",") && t->next->kind != TK_IDENT)))
        return false;
    } else if (depth == 0 && equal(t, ";")) {
      return false;
    }
  }
  return false;
}

/* a namespace, a linkage block or a static_assert: not a declaration
 * that is host or device code itself (each declaration inside decides for
 * itself).  A template is judged like any declaration: one without a CUDA
 * marker is host code unless it parses (a plain struct template kernels
 * use), so host-only C++ in headers (out-of-class members of class
 * templates, specializations of host classes) never fails the device pass */
static bool opens_block(Token *t) {
  if (equal(t, "namespace") || equal(t, "static_assert")) return true;
  return equal(t, "extern") && t->next->kind == TK_STR && equal(t->next->next, "{");
}

/* namespace-alias = "namespace" name "=" qualified-name ";"  — at name;
 * also a statement in a function body */
void parse_namespace_alias(Parser *p) {
  if (equal(p->tok, "namespace")) p->tok = p->tok->next;
  Token *name = p->tok, *target;
  expect_ident(p);
  expect(p, "=");
  Sym *s = parse_qualified_name(p, &target);
  if (!s || s->kind != SYM_NAMESPACE) error_tok(p, target, "expected namespace name");
  expect(p, ";");
  Sym *alias = scope_add(p, p->scope, SYM_NAMESPACE, name->spelling, name->loc);
  alias->ns = s->ns;
}

static void parse_namespace(Parser *p) {
  p->tok = p->tok->next;
  if (equal(p->tok, "{")) { /* anonymous namespace: internal linkage only */
    p->tok = p->tok->next;
    while (!equal(p->tok, "}") && p->tok->kind != TK_EOF) parse_external(p);
    expect(p, "}");
    return;
  }
  Token *name = p->tok;
  expect_ident(p);
  if (equal(p->tok, "=")) {
    p->tok = name;
    parse_namespace_alias(p);
    return;
  }
  Sym *s = scope_find_local(p->scope, name->spelling);
  if (s && s->kind != SYM_NAMESPACE) error_tok(p, name, "redefinition of '%s' as a namespace", name->spelling);
  if (!s) {
    s = scope_add(p, p->scope, SYM_NAMESPACE, name->spelling, name->loc);
    s->ns = scope_new(p, p->scope, true);
    s->ns->is_namespace = true;
    s->ns->prefix = arena_printf(p->arena, "%s%s::", p->scope->prefix, name->spelling);
    s->ns->cprefix = arena_printf(p->arena, "%s%s_", p->scope->cprefix, name->spelling);
  }
  Scope *outer = p->scope;
  p->scope = s->ns;
  if (consume(p, "::")) /* namespace a::b { */
    error_tok(p, p->tok, "nested namespace definitions 'a::b' are not supported; nest them");
  expect(p, "{");
  while (!equal(p->tok, "}") && p->tok->kind != TK_EOF) parse_external(p);
  expect(p, "}");
  p->scope = outer;
}

/* NVRTC's source spells the `const` of a host floating-point constant in
 * [start, name) `constexpr` (device_source.c): -default-device makes it a
 * __device__ variable, whose initializer must then be constant to C++,
 * which `const float b = -a` is not (our front end evaluated it) */
static void respell_const(Parser *p, Token *start, Token *name) {
  for (Token *t = start; t && t != name; t = t->next)
    if (equal(t, "const")) {
      vec_push(p->arena, &p->const_to_constexpr, t);
      return;
    }
}

static void parse_global_declaration(Parser *p) {
  Token *start = p->tok;
  if (parse_member_def_of_class(p)) return;
  DeclSpec ds;
  parse_declspec(p, &ds, true);
  if (consume(p, ";")) return;
  bool device_var = ds.shared || ds.constant || ds.managed || (ds.fflags & KF_DEVICE);
  do {
    Declarator d;
    parse_declarator(p, &ds, &d, false);
    if (d.is_func) {
      function_definition_or_decl(p, &ds, &d, NULL, NULL, NULL);
      return;
    }
    if (ds.is_auto && !device_var) {
      /* `constexpr auto N = 256;`: the initializer's type */
      if (!ds.is_constexpr) error_tok(p, d.name_tok, "'auto' host variable '%s' is not visible in device code", d.name);
      Token *init = p->tok;
      expect(p, "=");
      d.type = parse_assign(p)->type->unqual;
      p->tok = init;
    }
    if (device_var || ds.is_constexpr || (d.type && d.type->is_const && !ds.is_extern)) {
      if (!device_var && !ds.is_constexpr && !kt_is_arith(d.type)) {
        /* a const host array or struct: not visible in device code */
        Sym *h = scope_add(p, p->scope, SYM_HOST, d.name, d.name_tok->loc);
        h->host_flags = 1;
        p->host_decl = true;
        skip_to_sync(p);
        return;
      }
      PtrVec none = {0};
      if (!device_var) {
        /* host const/constexpr scalar: a named constant for device code */
        Sym *old = scope_find_local(p->scope, d.name);
        if (old) error_tok(p, d.name_tok, "redefinition of '%s'", d.name);
        expect(p, "=");
        KExpr *e = convert(p, parse_assign(p), d.type, CONV_INIT, p->tok->loc);
        Sym *s = scope_add(p, p->scope, SYM_VAR, d.name, d.name_tok->loc);
        s->type = d.type;
        s->has_value = true;
        if (kt_is_float(d.type)) {
          respell_const(p, start, d.name_tok);
          KExpr *f = e->kind == KE_CAST ? e->a : e;
          if (f->kind == KE_FLOAT) s->fvalue = f->fval;
          else if (f->kind == KE_INT) s->fvalue = (double)f->ival;
          else error_at(p, e->loc, "constexpr variable must be initialized by a constant expression");
        } else if (!eval_const(p, e, &s->value)) {
          error_at(p, e->loc, "constexpr variable must be initialized by a constant expression");
        }
        continue;
      }
      declare_variable(p, &ds, &d, &none, true);
      continue;
    }
    /* a host variable: remembered so device code that uses it is told so */
    Sym *h = scope_add(p, p->scope, SYM_HOST, d.name, d.name_tok->loc);
    h->host_flags = 1;
    p->host_decl = true;
    skip_to_sync(p);
    return;
  } while (consume(p, ","));
  expect(p, ";");
}

static void parse_external_inner(Parser *p) {
  Token *t = p->tok;
  if (t->kind == TK_PRAGMA || equal(t, ";")) {
    p->tok = t->next;
    return;
  }
  if (equal(t, "template")) { parse_template_decl(p); return; }
  if (equal(t, "namespace")) { parse_namespace(p); return; }
  if (equal(t, "using") || equal(t, "typedef")) { parse_using_or_typedef(p); return; }
  if (equal(t, "static_assert")) { parse_static_assert(p); return; }
  if (equal(t, "extern") && t->next->kind == TK_STR && equal(t->next->next, "{")) {
    p->tok = t->next->next->next;
    bool saved = p->extern_c;
    p->extern_c = true;
    while (!equal(p->tok, "}") && p->tok->kind != TK_EOF) parse_external(p);
    expect(p, "}");
    p->extern_c = saved;
    return;
  }
  if (equal(t, "extern") && t->next->kind == TK_STR) {
    p->tok = t->next->next;
    bool saved = p->extern_c;
    p->extern_c = true;
    parse_external_inner(p);
    p->extern_c = saved;
    return;
  }
  parse_global_declaration(p);
}

/* A host declaration that failed to parse while defining classes (a
 * member of a type device code does not know: std::string, a host
 * library's handle): those classes keep no layout, so device code that
 * needs one is told why instead of reading a truncated struct. */
static void leave_classes_incomplete(Parser *p, KType *outer) {
  const char *why = NULL;
  for (Scope *s = p->scope; s && !s->is_namespace; s = s->parent) {
    KType *k = s->klass;
    if (k == outer) break;
    if (!k) continue; /* a function's or a template's scope inside the class */
    if (!why) {
      SrcLoc at = p->tok->loc;
      why = arena_printf(p->arena, "its definition holds what device code cannot read, at %s:%d:%d",
                         srcloc_file(at) && srcloc_file(at)->name ? srcloc_file(at)->name : "?", at.line, at.col);
    }
    k->size = 0;
    ((Scope *)k->front)->incomplete_why = why;
  }
}

static void parse_external(Parser *p) {
  Token *start = p->tok;
  jmp_buf jb, *saved = p->recover;
  bool spec_saved = p->speculative;
  Scope *scope = p->scope;
  KType *cls = p->cur_class;
  bool ext = p->extern_c;
  bool host_template = equal(start, "template") && host_function_template(start);
  bool device = !host_template && (opens_block(start) || declaration_is_device(start));
  p->recover = &jb;
  if (setjmp(jb)) {
    if (p->speculative && !spec_saved) leave_classes_incomplete(p, cls);
    p->recover = saved;
    p->scope = scope;
    p->cur_class = cls;
    p->extern_c = ext;
    p->fn = NULL;
    p->no_gt = false;
    p->inst_depth = 0;
    if (p->speculative && !spec_saved) {
      p->speculative = false;
      if (p->spec_error_tok) { /* for a use of that name in device code */
        DroppedDecl *d = arena_alloc(p->arena, sizeof *d);
        d->name = p->spec_error_tok;
        d->why = arena_strdup(p->arena, p->spec_error);
        vec_push(p->arena, &p->dropped, d);
        pin_tokens(p); /* d->name is read when device code uses it */
      }
      p->tok = start;
      skip_to_sync(p);
      if (equal(p->tok, "}") && p->tok == start) p->tok = p->tok->next;
      front_record_host_span(p, start, p->tok);
      front_note_dropped(p, start, p->tok);
      return;
    }
    if (p->tok == start) {
      /* skip the whole declaration */
      skip_to_sync(p);
      if (equal(p->tok, "}") && p->tok == start) p->tok = p->tok->next;
    } else {
      skip_to_sync(p);
    }
    return;
  }
  p->speculative = spec_saved || !device;
  p->spec_error_tok = NULL;
  p->host_decl = false;
  parse_external_inner(p);
  p->speculative = spec_saved;
  p->recover = saved;
  if (p->host_decl || host_template) {
    front_record_host_span(p, start, p->tok);
    front_note_dropped(p, start, p->tok);
  } else if (!device && front_host_only(p, start, p->tok)) front_record_host_span(p, start, p->tok);
  p->host_decl = false; /* an enclosing namespace is not host code itself */
}

void parse_toplevel(Parser *p) {
  while (p->tok->kind != TK_EOF) {
    Token *before = p->tok;
    int pins = p->tok_pins, escapes = p->scratch_escapes;
    ArenaMark mark = scratch_mark(p);
    parse_external(p);
    if (p->tok == before) p->tok = p->tok->next; /* always make progress */
    release_parsed_tokens(p, before, pins);
    scratch_release(p, mark, pins, escapes);
    if (p->diags->errors >= p->diags->max_errors) break;
  }
  release_flush(p);
}
