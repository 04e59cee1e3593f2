/*
 * pp_macro.c — macro definitions and their expansion.
 *
 * Expansion follows Prosser's algorithm as chibicc does: every token
 * carries a hideset, the names of the macros whose expansion produced it.
 * A name is not expanded when it is in its own hideset; an object-like
 * expansion gives its tokens HS(name) + {name}; a function-like one gives
 * (HS(name) & HS(')')) + {name}.  An expansion is spliced in front of the
 * rest of the stream, so rescanning (and arguments reaching past the
 * expansion) come for free.  Hidesets are immutable lists sharing tails,
 * so the common case (body tokens with no hideset yet) costs no
 * allocation beyond the token copies.
 *
 * Tokens written in a macro body take the location of the macro name at
 * the outermost expansion site; tokens that came in as arguments keep
 * their own location, which is where the user wrote them.
 */
#include <stdio.h>
#include <string.h>

#include "pp_internal.h"

struct Hideset {
  Hideset *next;
  Ident *name;
};

typedef struct MacroArg {
  Token **toks;
  int n;
  Token *expanded; /* fully expanded copy, made on first use */
} MacroArg;

static bool hs_contains(Hideset *hs, Ident *id) {
  for (; hs; hs = hs->next)
    if (hs->name == id) return true;
  return false;
}

static Hideset *hs_add(PP *pp, Hideset *hs, Ident *id) {
  Hideset *h = arena_alloc(pp->tmp, sizeof *h);
  h->name = id;
  h->next = hs;
  return h;
}

static Hideset *hs_union(PP *pp, Hideset *a, Hideset *b) {
  if (!a || a == b) return b;
  for (; a; a = a->next)
    if (!hs_contains(b, a->name)) b = hs_add(pp, b, a->name);
  return b;
}

static Hideset *hs_intersect(PP *pp, Hideset *a, Hideset *b) {
  if (a == b) return a;
  Hideset *r = NULL;
  for (; a; a = a->next)
    if (hs_contains(b, a->name)) r = hs_add(pp, r, a->name);
  return r;
}

static int param_index(const Macro *m, const Token *t) {
  if (t->kind != TK_IDENT || !m->is_func) return -1;
  Ident *id = tok_ident(t);
  for (int i = 0; i < m->nparams; i++)
    if (m->params[i] == id) return i;
  return -1;
}

static bool is_op(const Token *t, const char *s) {
  return t->kind == TK_PUNCT && !strcmp(t->spelling, s);
}

/* ---- #define ------------------------------------------------------------- */

static Token *skip_line(Token *t) {
  while (!t->at_bol && t->kind != TK_EOF) t = t->next;
  return t;
}

/* params = "(" (ident ("," ident)* ("," "...")? | "...")? ")" */
static Token *read_params(PP *pp, Macro *m, Token *t) {
  PtrVec v = {0};
  t = t->next;
  for (bool first = true; !is_op(t, ")"); first = false) {
    if (!first) {
      if (!is_op(t, ",") || t->at_bol) break;
      t = t->next;
    }
    if (t->at_bol || t->kind == TK_EOF) break;
    if (is_op(t, "...")) {
      vec_push(pp->a, &v, pp->id_va_args);
      m->variadic = true;
      t = t->next;
      break;
    }
    if (t->kind != TK_IDENT) break;
    Ident *id = tok_ident(t);
    for (int i = 0; i < v.len; i++)
      if (v.items[i] == id) {
        pp_error(pp, t, "duplicate macro parameter \"%s\"", id->text);
        return NULL;
      }
    vec_push(pp->a, &v, id);
    t = t->next;
    if (is_op(t, "...") && !t->at_bol) {
      m->variadic = true;
      t = t->next;
      break;
    }
  }
  if (!is_op(t, ")") || t->at_bol) {
    pp_error(pp, t->kind == TK_EOF || t->at_bol ? m->body[0] : t,
             "expected parameter name or ')' in macro parameter list");
    return NULL;
  }
  m->params = (Ident **)v.items;
  m->nparams = v.len;
  return t->next;
}

static bool check_body(PP *pp, Macro *m) {
  for (int i = 0; i < m->nbody; i++) {
    Token *t = m->body[i];
    if (is_op(t, "##") && (i == 0 || i == m->nbody - 1)) {
      pp_error(pp, t, "'##' cannot appear at either end of a macro expansion");
      return false;
    }
    if (m->is_func && is_op(t, "#") &&
        (i + 1 == m->nbody || (param_index(m, m->body[i + 1]) < 0 &&
                               tok_ident(m->body[i + 1]) != pp->id_va_opt))) {
      pp_error(pp, t, "'#' is not followed by a macro parameter");
      return false;
    }
  }
  return true;
}

static bool same_macro(const Macro *a, const Macro *b) {
  if (a->is_func != b->is_func || a->variadic != b->variadic ||
      a->nparams != b->nparams || a->nbody != b->nbody || a->builtin)
    return false;
  for (int i = 0; i < a->nparams; i++)
    if (a->params[i] != b->params[i]) return false;
  for (int i = 0; i < a->nbody; i++) {
    Token *x = a->body[i], *y = b->body[i];
    if (strcmp(x->spelling, y->spelling) || (i && x->has_space != y->has_space))
      return false;
  }
  return true;
}

void pp_define(PP *pp, Token **rest, Token *name) {
  *rest = skip_line(name);
  if (name->at_bol || name->kind != TK_IDENT) {
    pp_error(pp, name, "macro name must be an identifier");
    return;
  }
  Ident *id = tok_ident(name);
  if (id == pp->id_defined) {
    pp_error(pp, name, "\"defined\" cannot be used as a macro name");
    return;
  }
  Macro *m = arena_alloc(pp->a, sizeof *m);
  m->name = id;
  Token *t = name->next;
  Token *name_only[1] = {name};
  m->body = name_only; /* where parameter-list errors at line end point */
  if (is_op(t, "(") && !t->has_space && !t->at_bol) {
    m->is_func = true;
    if (!(t = read_params(pp, m, t))) return;
  }
  int n = 0;
  for (Token *u = t; u != *rest; u = u->next) n++;
  m->body = arena_alloc(pp->a, sizeof(Token *) * (size_t)(n ? n : 1));
  for (Token *u = t; u != *rest; u = u->next) m->body[m->nbody++] = u;
  if (!check_body(pp, m)) return;
  if (id->macro && !same_macro(id->macro, m))
    pp_warn(pp, name, "'%s' macro redefined", id->text);
  id->macro = m;
}

/* ---- stringizing and pasting ---------------------------------------------- */

char *pp_join(PP *pp, Token *tok, Token *end, bool spaces) {
  size_t n = 1;
  for (Token *t = tok; t != end && t->kind != TK_EOF; t = t->next)
    n += (size_t)t->len + 1;
  char *s = arena_alloc(pp->a, n), *p = s;
  for (Token *t = tok; t != end && t->kind != TK_EOF; t = t->next) {
    if (t != tok && t->has_space && spaces) *p++ = ' ';
    memcpy(p, t->spelling, (size_t)t->len);
    p += t->len;
  }
  return s;
}

Token *pp_stringize(PP *pp, const Token *at, Token **toks, int n) {
  size_t cap = 3;
  for (int i = 0; i < n; i++) cap += 2 * (size_t)toks[i]->len + 1;
  char *raw = arena_alloc(pp->a, cap), *q = arena_alloc(pp->a, cap);
  size_t r = 0, k = 0;
  q[k++] = '"';
  for (int i = 0; i < n; i++) {
    Token *t = toks[i];
    if (i && t->has_space) raw[r++] = ' ', q[k++] = ' ';
    bool lit = t->kind == TK_STR || t->kind == TK_CHAR;
    for (int j = 0; j < t->len; j++) {
      char c = t->spelling[j];
      raw[r++] = c;
      if (lit && (c == '"' || c == '\\')) q[k++] = '\\';
      q[k++] = c;
    }
  }
  q[k++] = '"';
  Token *s = pp_new_token(pp, at);
  s->kind = TK_STR;
  if (k > TOKEN_MAX_LEN) {
    pp_error(pp, at, "stringized argument is too long (%zu bytes; at most %d)", k, TOKEN_MAX_LEN);
    k = r = TOKEN_MAX_LEN;
    q[k] = 0;
  }
  s->spelling = q;
  s->len = (unsigned)k;
  s->str = raw;
  s->str_len = (int)r;
  return s;
}

/* a ## b: the spellings must lex as exactly one token. */
static Token *paste(PP *pp, Token *site, Token *a, Token *b) {
  char *text = arena_printf(pp->a, "%s%s", a->spelling, b->spelling);
  Token *t = NULL;
  if (!(text[0] == '/' && (text[1] == '/' || text[1] == '*'))) {
    t = pp_lex_text(pp, "<paste>", text);
    if (t->kind == TK_EOF || t->next->kind != TK_EOF || t->invalid) t = NULL;
  }
  if (!t) {
    pp_error(pp, site,
             "pasting \"%s\" and \"%s\" does not give a valid preprocessing "
             "token", a->spelling, b->spelling);
    return a;
  }
  t->loc = site->loc;
  t->has_space = a->has_space;
  t->at_bol = false;
  tok_set_hideset(t, tok_hideset(a));
  return t;
}

/* ---- arguments ------------------------------------------------------------ */

static bool arg_end(Token *t) { return t->kind == TK_EOF; }

/* Reads "(" args ")" after the macro name; NULL on error.  *excess: the
 * first token of the first argument past the parameters (or NULL), where
 * a "passed N arguments" diagnostic points, as clang's does. */
static MacroArg *read_args(PP *pp, Token *name, Macro *m, Token **rparen,
                           int *nargs, Token **excess) {
  int cap = m->nparams > 0 ? m->nparams : 1, n = 0, depth = 0;
  MacroArg *args = arena_alloc(pp->tmp, sizeof(MacroArg) * (size_t)(cap + 1));
  PtrVec cur = {0};
  Token *t = name->next->next;
  *excess = m->nparams == 0 ? t : NULL;
  for (;; t = t->next) {
    if (arg_end(t)) {
      pp_error(pp, name, "unterminated argument list invoking macro '%s'",
               name->spelling);
      return NULL;
    }
    bool close = depth == 0 && is_op(t, ")");
    bool comma = depth == 0 && is_op(t, ",") &&
                 !(m->variadic && n == m->nparams - 1);
    if (close || comma) {
      if (n < cap) args[n].toks = (Token **)cur.items, args[n].n = cur.len;
      n++;
      cur = (PtrVec){0};
      if (close) break;
      if (n == m->nparams && !*excess) *excess = t->next;
      continue;
    }
    if (is_op(t, "(")) depth++;
    else if (is_op(t, ")")) depth--;
    if (n < cap) vec_push(pp->tmp, &cur, t);
  }
  *rparen = t;
  if (n == 1 && m->nparams == 0 && args[0].n == 0) n = 0;
  *nargs = n;
  return args;
}

/* Too few arguments point at the ')', too many at the first extra one. */
static bool check_count(PP *pp, Token *name, Macro *m, int n, Token *rparen, Token *excess) {
  int need = m->variadic ? m->nparams - 1 : m->nparams;
  if (n < need) {
    pp_error(pp, rparen, "macro '%s' requires %d arguments, but only %d given",
             name->spelling, need, n);
    return false;
  }
  if (n > m->nparams) {
    pp_error(pp, excess && excess != rparen ? excess : name,
             "macro '%s' passed %d arguments, but takes just %d",
             name->spelling, n, m->nparams);
    return false;
  }
  return true;
}

static Token *expanded_arg(PP *pp, MacroArg *a) {
  if (a->expanded) return a->expanded;
  Token head = {0}, *cur = &head;
  for (int i = 0; i < a->n; i++) cur = cur->next = pp_new_token(pp, a->toks[i]);
  cur->next = pp->eof;
  if (++pp->expand_depth > 1000) {
    pp_error(pp, a->n ? a->toks[0] : pp->eof, "macro expansion nested too deeply");
    longjmp(*pp->abort, 1);
  }
  a->expanded = pp_expand_all(pp, head.next);
  pp->expand_depth--;
  return a->expanded;
}

/* ---- substitution --------------------------------------------------------- */

typedef struct Subst {
  PP *pp;
  Macro *m;
  MacroArg *args;
  Token *site;
  PtrVec out;
  bool placemarker; /* the last operand emitted before ## was empty */
} Subst;

static void emit(Subst *s, Token *t) { vec_push(s->pp->tmp, &s->out, t); }

static void emit_body(Subst *s, Token *t) {
  Token *c = pp_new_token(s->pp, t);
  c->loc = s->site->loc;
  emit(s, c);
}

static void emit_raw(Subst *s, MacroArg *a) {
  for (int i = 0; i < a->n; i++) emit(s, pp_new_token(s->pp, a->toks[i]));
}

static Token *last(Subst *s) {
  return s->out.len ? s->out.items[s->out.len - 1] : NULL;
}

/* "##" followed by body[i]: pastes onto the last token emitted. */
static void do_paste(Subst *s, Token **body, int i) {
  int pi = param_index(s->m, body[i]);
  MacroArg *a = pi >= 0 ? &s->args[pi] : NULL;
  Token *lhs = s->placemarker ? NULL : last(s);
  if (a && a->n == 0) { /* GNU: , ## __VA_ARGS__ drops the comma */
    if (lhs && s->m->variadic && pi == s->m->nparams - 1 && is_op(lhs, ","))
      s->out.len--;
    s->placemarker = !lhs;
    return;
  }
  s->placemarker = false;
  if (a && lhs && s->m->variadic && pi == s->m->nparams - 1 && is_op(lhs, ",")) {
    emit_raw(s, a); /* GNU: , ## __VA_ARGS__ with arguments: no paste */
    return;
  }
  Token *first = a ? a->toks[0] : body[i];
  if (!lhs) {
    if (a) emit_raw(s, a);
    else emit_body(s, first);
    return;
  }
  s->out.items[s->out.len - 1] = paste(s->pp, s->site, lhs, first);
  for (int k = 1; a && k < a->n; k++) emit(s, pp_new_token(s->pp, a->toks[k]));
}

static int subst_range(Subst *s, Token **body, int n);

/* __VA_OPT__ ( content ): the content when the variadic argument is not
 * empty.  Returns the index after the closing parenthesis. */
static int do_va_opt(Subst *s, Token **body, int i, int n) {
  int depth = 0, j = i + 2;
  if (i + 1 >= n || !is_op(body[i + 1], "(")) {
    emit_body(s, body[i]);
    return i + 1;
  }
  for (; j < n; j++) {
    if (is_op(body[j], "(")) depth++;
    else if (is_op(body[j], ")") && depth-- == 0) break;
  }
  MacroArg *va = &s->args[s->m->nparams - 1];
  if (va->n > 0) subst_range(s, body + i + 2, j - (i + 2));
  return j < n ? j + 1 : n;
}

static int subst_one(Subst *s, Token **body, int i, int n) {
  Token *t = body[i];
  bool before_paste = i + 1 < n && is_op(body[i + 1], "##");
  if (is_op(t, "##") && i + 1 < n) {
    do_paste(s, body, i + 1);
    return i + 2;
  }
  if (is_op(t, "#") && i + 1 < n && param_index(s->m, body[i + 1]) >= 0) {
    MacroArg *a = &s->args[param_index(s->m, body[i + 1])];
    Token *str = pp_stringize(s->pp, s->site, a->toks, a->n);
    str->has_space = t->has_space;
    emit(s, str);
    return i + 2;
  }
  if (s->m->variadic && tok_ident(t) == s->pp->id_va_opt && t->kind == TK_IDENT)
    return do_va_opt(s, body, i, n);
  int pi = param_index(s->m, t);
  if (pi < 0) {
    emit_body(s, t);
  } else if (before_paste) {
    emit_raw(s, &s->args[pi]);
    s->placemarker = s->args[pi].n == 0;
  } else {
    bool first = true;
    for (Token *u = expanded_arg(s->pp, &s->args[pi]); u->kind != TK_EOF;
         u = u->next, first = false) {
      Token *c = pp_new_token(s->pp, u);
      if (first) c->has_space = t->has_space;
      emit(s, c);
    }
  }
  return i + 1;
}

static int subst_range(Subst *s, Token **body, int n) {
  for (int i = 0; i < n;) {
    if (!is_op(body[i], "##")) s->placemarker = false;
    i = subst_one(s, body, i, n);
  }
  return n;
}

/* Links the expansion in front of `rest` with its hidesets. */
static Token *finish_expansion(PP *pp, Token **toks, int n, Token *site,
                               Hideset *hs, Token *rest) {
  Token head = {0}, *cur = &head;
  for (int i = 0; i < n; i++) {
    Token *t = toks[i];
    tok_set_hideset(t, hs_union(pp, tok_hideset(t), hs));
    t->at_bol = false;
    cur = cur->next = t;
  }
  cur->next = rest;
  if (head.next) head.next->has_space = site->has_space;
  return head.next ? head.next : rest;
}

static Token *expand_object(PP *pp, Macro *m, Token *site) {
  Hideset *hs = hs_add(pp, tok_hideset(site), m->name);
  Token head = {0}, *cur = &head;
  for (int i = 0; i < m->nbody; i++) {
    if (is_op(m->body[i], "##") && i + 1 < m->nbody && cur != &head) {
      Token *p = paste(pp, site, cur, m->body[++i]);
      tok_set_hideset(p, hs);
      *cur = *p; /* cur is our own copy: safe to overwrite */
      cur->next = NULL;
      continue;
    }
    Token *c = pp_new_token(pp, m->body[i]);
    c->loc = site->loc;
    tok_set_hideset(c, hs);
    cur = cur->next = c;
  }
  cur->next = site->next;
  if (head.next) head.next->has_space = site->has_space;
  return head.next ? head.next : site->next;
}

static Token *make_num(PP *pp, Token *site, long v);

static bool expand_func(PP *pp, Token **rest, Token *site, Macro *m) {
  if (!pp_is_punct(site->next, '(')) return false;
  Token *rparen, *excess;
  int n;
  MacroArg *args = read_args(pp, site, m, &rparen, &n, &excess);
  if (!args) return false;
  if (!check_count(pp, site, m, n, rparen, excess)) {
    /* the invocation becomes `0`, so the parser does not add "expected
     * expression" where the macro stood (clang reports the count only) */
    Token *zero = make_num(pp, site, 0);
    zero->next = rparen->next;
    *rest = zero;
    return true;
  }
  for (int i = n; i < m->nparams; i++) args[i] = (MacroArg){0};
  Subst s = {.pp = pp, .m = m, .args = args, .site = site};
  subst_range(&s, m->body, m->nbody);
  Hideset *hs = hs_intersect(pp, tok_hideset(site), tok_hideset(rparen));
  hs = hs_add(pp, hs, m->name);
  *rest = finish_expansion(pp, (Token **)s.out.items, s.out.len, site, hs,
                           rparen->next);
  return true;
}

/* ---- builtins ------------------------------------------------------------- */

static Token *make_str(PP *pp, Token *site, const char *text) {
  size_t n = strlen(text);
  char *q = arena_alloc(pp->a, 2 * n + 3), *p = q;
  *p++ = '"';
  for (const char *c = text; *c; c++) {
    if (*c == '"' || *c == '\\') *p++ = '\\';
    *p++ = *c;
  }
  *p++ = '"';
  Token *t = pp_new_token(pp, site);
  t->kind = TK_STR;
  t->spelling = q;
  t->len = (int)(p - q);
  t->str = arena_strdup(pp->a, text);
  t->str_len = (int)n;
  return t;
}

static Token *make_num(PP *pp, Token *site, long v) {
  Token *t = pp_new_token(pp, site);
  t->kind = TK_NUM;
  t->spelling = arena_printf(pp->a, "%ld", v);
  t->len = (int)strlen(t->spelling);
  return t;
}

/* _Pragma ( string ) — acts like the #pragma line inside the string. */
static Token *do_pragma_op(PP *pp, Token *site, Token **rest) {
  Token *l = site->next, *s = l->next, *r = s->next;
  if (!is_op(l, "(") || s->kind != TK_STR || !is_op(r, ")")) {
    pp_error(pp, site, "_Pragma takes a parenthesized string literal");
    *rest = site->next;
    return NULL;
  }
  *rest = r->next;
  Token *body = pp_lex_text(pp, "<_Pragma>", s->str);
  if (body->kind == TK_IDENT && !strcmp(body->spelling, "once") &&
      body->next->kind == TK_EOF) {
    if (pp->frame && pp->frame->info) pp->frame->info->pragma_once = true;
    return NULL;
  }
  body = pp_expand_all(pp, body);
  Token *t = pp_new_token(pp, site);
  t->kind = TK_PRAGMA;
  t->spelling = pp_join(pp, body, NULL, true);
  t->len = (int)strlen(t->spelling);
  return t;
}

static bool expand_builtin(PP *pp, Token **rest, Token *site, Macro *m) {
  Token *t = NULL, *after = site->next;
  SrcLoc loc = pp_loc(pp, site);
  switch (m->builtin) {
  case BI_FILE: t = make_str(pp, site, srcloc_file(loc) ? srcloc_file(loc)->name : ""); break;
  case BI_LINE: t = make_num(pp, site, loc.line); break;
  case BI_COUNTER: t = make_num(pp, site, pp->counter++); break;
  case BI_DATE: t = make_str(pp, site, "Jan  1 2025"); break;
  case BI_TIME: t = make_str(pp, site, "00:00:00"); break;
  case BI_PRAGMA: t = do_pragma_op(pp, site, &after); break;
  default:
    pp_error(pp, site, "\"%s\" used outside of preprocessing directive",
             site->spelling);
    return false;
  }
  if (t) {
    tok_set_hideset(t, tok_hideset(site));
    t->next = after;
  }
  *rest = t ? t : after;
  return true;
}

void pp_define_builtins(PP *pp) {
  static const struct { const char *name; BuiltinKind kind; } bi[] = {
      {"__FILE__", BI_FILE},       {"__LINE__", BI_LINE},
      {"__COUNTER__", BI_COUNTER}, {"__DATE__", BI_DATE},
      {"__TIME__", BI_TIME},       {"_Pragma", BI_PRAGMA},
      {"__has_include", BI_HAS_INCLUDE},
      {"__has_include_next", BI_HAS_INCLUDE},
  };
  for (size_t i = 0; i < sizeof bi / sizeof *bi; i++) {
    Macro *m = arena_alloc(pp->a, sizeof *m);
    m->name = ident_get(pp->a, &pp->ids, bi[i].name);
    m->builtin = bi[i].kind;
    m->name->macro = m;
  }
}

/* ---- entry points ---------------------------------------------------------- */

bool pp_expand(PP *pp, Token **rest, Token *tok) {
  Ident *id = tok_ident(tok);
  Macro *m = id->macro;
  if (!m || (tok_hideset(tok) && hs_contains(tok_hideset(tok), id))) return false;
  if (m->builtin) return expand_builtin(pp, rest, tok, m);
  if (m->is_func) return expand_func(pp, rest, tok, m);
  *rest = expand_object(pp, m, tok);
  return true;
}

Token *pp_expand_all(PP *pp, Token *tok) {
  Token head = {0}, *cur = &head;
  while (tok->kind != TK_EOF) {
    if (tok->kind == TK_IDENT && pp_expand(pp, &tok, tok)) continue;
    cur = cur->next = tok;
    tok = tok->next;
  }
  cur->next = tok;
  return head.next;
}
