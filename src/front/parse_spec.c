/*
 * parse_spec.c — explicit and partial template specializations.
 *
 * A specialization is recorded like a template (its own parameter list,
 * possibly empty, and its declaration's tokens) on the primary template's
 * `specs`, with the `<...>` after its name cut out of the replayed tokens
 * so that the declaration reads as an ordinary class or function.
 * Choosing one happens at instantiation: a class specialization's
 * arguments are parsed with its parameters standing as placeholders
 * (the same devices deduction uses) and matched exactly, qualifiers
 * included, against the instance's arguments; among the matches a later one
 * replaces the best so far when it is at least as specialized (the best's
 * pattern matches its pattern, its parameters standing as opaque types):
 * explicit before partial, `X<const T*>` before `X<T*>`.  A function specialization names one instance: its
 * arguments (explicit, else deduced from its parameter list) spell a key
 * compared with the instance's.
 */
#include <string.h>

#include "decl.h"

/* the token after the `>` closing the `<` at lt */
static Token *after_angle(Token *lt) {
  int depth = 0;
  for (Token *t = lt; t->kind != TK_EOF; t = t->next) {
    if (equal(t, "<") || equal(t, "(") || equal(t, "[")) depth++;
    if (equal(t, ")") || equal(t, "]")) depth--;
    if (equal(t, ">")) depth--;
    if (equal(t, ">>")) depth -= 2;
    if (depth <= 0) return t->next;
  }
  return NULL;
}

/* tokens from..name copied, then linked to what follows name's `<...>` */
Token *splice_out_args(Parser *p, Token *from, Token *name) {
  Token *rest = after_angle(name->next);
  if (!rest) error_tok(p, name, "expected '>'");
  Token head = {0}, *tail = &head;
  for (Token *t = from;; t = t->next) {
    Token *c = arena_alloc(p->arena, sizeof *c);
    *c = *t;
    tail = tail->next = c;
    if (t == name) break;
  }
  tail->next = rest;
  return head.next;
}

void declare_specialization(Parser *p, Template *spec, Token *name, bool is_class) {
  Sym *s = lookup(p, name->spelling);
  if (!s || s->kind != SYM_TEMPLATE || (s->tmpl->is_class != is_class && !s->tmpl->is_alias))
    error_tok(p, name, "explicit specialization of non-template '%s'", name->spelling);
  spec->name = name->spelling;
  spec->name_tok = name;
  spec->is_class = is_class;
  if (equal(name->next, "<")) {
    spec->spec_args = name->next->next;
    spec->decl = splice_out_args(p, spec->decl, name);
  }
  for (Template *t = s->tmpl; t; t = t->next_overload) vec_push(p->arena, &t->specs, spec);
}

/* the spec's arguments for t's parameters, its own parameters open */
static bool spec_pattern(Parser *p, Template *spec, Template *t, TArg *pat) {
  Saved sv;
  save_state(p, &sv);
  jmp_buf jb, *saved_recover = p->recover;
  Scope *sc = scope_new(p, spec->scope, false);
  for (int i = 0; i < spec->nparams; i++) {
    TParam *tp = &spec->params[i];
    if (!*tp->name) continue;
    Sym *b = scope_add(p, sc, tp->is_type ? SYM_TYPE : SYM_CONST, tp->name, spec->loc);
    if (tp->is_type) b->type = placeholder(p, i, tp->name);
    b->value = UNBOUND_BASE + i;
    if (!tp->is_type) b->type = tp->value_type;
  }
  bool ok = false;
  p->recover = &jb;
  p->speculative = true;
  p->deducing++;
  if (!setjmp(jb)) {
    int n = 0;
    p->scope = sc;
    p->tok = spec->spec_args;
    p->no_gt = false;
    parse_template_args(p, t, pat, &n, spec->name_tok);
    ok = n == t->nparams;
  }
  p->deducing--;
  p->recover = saved_recover;
  restore_state(p, &sv);
  return ok;
}

static bool match_type(KType *pat, KType *act, TArg *b);

static bool match_value(int64_t pat, int64_t act, TArg *b) {
  if (!is_unbound(pat)) return pat == act;
  TArg *slot = &b[pat - UNBOUND_BASE];
  if (is_unbound(slot->value)) slot->value = act;
  return slot->value == act;
}

/* `X<T, N>` (T or N open) against an instance of the same class template */
static bool match_pattern(KType *pat, KType *act, TArg *b) {
  Scope *ps = pat->front, *as = act->front;
  if (act->kind != KT_STRUCT || !as || as->from_tmpl != ps->from_tmpl) return false;
  Template *ct = ps->from_tmpl;
  for (int i = 0; i < ct->nparams; i++) {
    bool ok = ct->params[i].is_type ? match_type(ps->targs[i].type, as->targs[i].type, b)
                                    : match_value(ps->targs[i].value, as->targs[i].value, b);
    if (!ok) return false;
  }
  return true;
}

static bool match_type(KType *pat, KType *act, TArg *b) {
  bool pc = pat->is_const, pv = pat->is_volatile;
  if (pat->unqual->kind == KT_STRUCT && pat->unqual->cname == PLACEHOLDER) {
    if ((pc && !act->is_const) || (pv && !act->is_volatile)) return false;
    KType *v = pc || pv ? act->unqual : act; /* `const T` against `const volatile int` is rare */
    TArg *slot = &b[pat->unqual->count];
    if (!slot->type) slot->type = v;
    return slot->type == v || (same_type(slot->type, v) && slot->type->is_const == v->is_const);
  }
  if (pc != act->is_const || pv != act->is_volatile) return false;
  pat = pat->unqual;
  act = act->unqual;
  if (pat->kind == KT_STRUCT && pat->cname == PATTERN) return match_pattern(pat, act, b);
  if (pat->kind != act->kind) return false;
  if (pat->kind == KT_PTR) return match_type(pat->elem, act->elem, b);
  if (pat->kind == KT_ARRAY) return pat->count == act->count && match_type(pat->elem, act->elem, b);
  return pat == act || same_type(pat, act);
}

/* a pack argument against a pattern's elements: each element matches one
 * type, a trailing `Rest...` (PACK_PATTERN) takes what is left */
static bool match_pack(Parser *p, TArg *pat, TArg *act, TArg *b) {
  for (int j = 0; !pat->pack && j < pat->npack; j++) { /* a non-type pack */
    int64_t e = pat->vpack[j];
    if (e >= PACK_VALUE_BASE && e < PACK_VALUE_BASE + 16) {
      TArg *slot = &b[e - PACK_VALUE_BASE];
      slot->vpack = act->vpack + j;
      slot->npack = act->npack > j ? act->npack - j : 0;
      slot->value = 0;
      return act->npack >= j && j == pat->npack - 1;
    }
    if (j >= act->npack || !match_value(e, act->vpack[j], b)) return false;
  }
  for (int j = 0; pat->pack && j < pat->npack; j++) {
    KType *e = pat->pack[j];
    if (e->unqual->kind == KT_STRUCT && e->unqual->cname == PACK_PATTERN) {
      TArg *slot = &b[e->unqual->count];
      slot->pack = act->pack + j;
      slot->npack = act->npack > j ? act->npack - j : 0;
      slot->type = p->m->t_void;
      return act->npack >= j && j == pat->npack - 1;
    }
    if (j >= act->npack || !match_type(e, act->pack[j], b)) return false;
  }
  return pat->npack == act->npack;
}

static bool spec_matches(Parser *p, Template *spec, Template *t, TArg *args, TArg *b) {
  TArg pat[16];
  memset(pat, 0, sizeof pat);
  if (!spec->spec_args || !spec_pattern(p, spec, t, pat)) return false;
  for (int i = 0; i < spec->nparams; i++) b[i].value = spec->params[i].is_type ? 0 : UNBOUND_BASE + i;
  for (int i = 0; i < t->nparams; i++) {
    bool ok = t->params[i].is_pack ? match_pack(p, &pat[i], &args[i], b)
              : t->params[i].is_type ? match_type(pat[i].type, args[i].type, b)
                                     : match_value(pat[i].value, args[i].value, b);
    if (!ok) return false;
  }
  for (int i = 0; i < spec->nparams; i++)
    if (spec->params[i].is_type ? !b[i].type : is_unbound(b[i].value)) return false;
  return true;
}

/* a is at least as specialized as b: b's pattern matches a's, with a's
 * parameters standing as opaque types and values */
static bool more_specialized(Parser *p, Template *a, Template *b, Template *t) {
  TArg pa[16], pb[16], bb[16];
  memset(pa, 0, sizeof pa);
  memset(pb, 0, sizeof pb);
  memset(bb, 0, sizeof bb);
  if (!spec_pattern(p, a, t, pa) || !spec_pattern(p, b, t, pb)) return false;
  for (int i = 0; i < b->nparams; i++) bb[i].value = b->params[i].is_type ? 0 : UNBOUND_BASE + i;
  for (int i = 0; i < t->nparams; i++) {
    bool ok = t->params[i].is_pack ? match_pack(p, &pb[i], &pa[i], bb)
              : t->params[i].is_type ? match_type(pb[i].type, pa[i].type, bb)
                                     : match_value(pb[i].value, pa[i].value, bb);
    if (!ok) return false;
  }
  return true;
}

Template *match_class_spec(Parser *p, Template *t, TArg *args, int nargs, TArg *bound) {
  Template *best = NULL;
  if (nargs != t->nparams) return NULL;
  for (int i = 0; i < t->specs.len; i++) {
    Template *spec = t->specs.items[i];
    TArg b[16];
    memset(b, 0, sizeof b);
    if (!spec_matches(p, spec, t, args, b)) continue;
    if (best && !more_specialized(p, spec, best, t)) continue;
    best = spec;
    memcpy(bound, b, sizeof b);
  }
  return best;
}

/* the parameter types of the function declaration at p->tok, as typed
 * placeholders for deduction */
static int spec_param_types(Parser *p, KExpr **out) {
  DeclSpec ds;
  parse_declspec(p, &ds, true);
  Declarator d;
  parse_declarator(p, &ds, &d, false);
  int n = d.nparams < 16 ? d.nparams : 16;
  for (int i = 0; i < n; i++) out[i] = new_expr(p, KE_VAR, d.params[i].type, ds.loc);
  return n;
}

static const char *func_spec_key(Parser *p, Template *spec, Template *t) {
  Saved sv;
  save_state(p, &sv);
  jmp_buf jb, *saved_recover = p->recover;
  const char *key = "";
  p->recover = &jb;
  p->speculative = true;
  if (!setjmp(jb)) {
    TArg a[16];
    memset(a, 0, sizeof a);
    int n = 0;
    p->scope = spec->scope;
    p->no_gt = false;
    if (spec->spec_args) {
      p->tok = spec->spec_args;
      parse_template_args(p, t, a, &n, spec->name_tok);
    }
    KExpr *ptypes[16];
    p->tok = spec->decl;
    int np = n < t->nparams ? spec_param_types(p, ptypes) : 0;
    if (n == t->nparams || deduce_template_args(p, t, a, n, ptypes, np))
      key = targs_key(p, t, a, t->nparams);
  }
  p->recover = saved_recover;
  restore_state(p, &sv);
  return key;
}

Template *match_func_spec(Parser *p, Template *t, const char *key) {
  for (int i = 0; i < t->specs.len; i++) {
    Template *spec = t->specs.items[i];
    if (!spec->spec_key) spec->spec_key = func_spec_key(p, spec, t);
    if (!strcmp(spec->spec_key, key)) return spec;
  }
  return NULL;
}
