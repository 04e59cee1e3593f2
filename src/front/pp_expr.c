/*
 * pp_expr.c — the constant expressions of #if and #elif.
 *
 * The directive line is copied (so expansion cannot run into the next
 * line), `defined` and `__has_include` are resolved before their operands
 * could be macro-expanded, every other macro is expanded, and what remains
 * is evaluated by a small precedence-climbing evaluator over intmax_t /
 * uintmax_t with C's usual arithmetic conversions.  Identifiers left over
 * are 0 (`true`/`false` are 1/0, as in C++).  Branches not taken (&&, ||,
 * ?:) are parsed but not evaluated, so `0 && 1/0` is fine.  Arithmetic is
 * done in uint64_t so that overflow is defined, and nesting is bounded so
 * that no input can overflow the C stack.
 */
#include <string.h>

#include "pp_internal.h"

typedef struct Val {
  uint64_t v;
  bool u; /* unsigned */
} Val;

typedef struct Eval {
  PP *pp;
  Token **t;
  int n, pos, depth;
  bool live; /* evaluating (not in a branch that is skipped) */
  bool err;
  Token *dir;
} Eval;

static Val expr(Eval *e);
static Val cond(Eval *e);

static Token *peek(Eval *e) { return e->pos < e->n ? e->t[e->pos] : NULL; }

static void fail(Eval *e, const Token *at, const char *msg, const char *arg) {
  if (!e->err) pp_error(e->pp, at ? at : e->dir, msg, arg);
  e->err = true;
}

static bool accept(Eval *e, const char *op) {
  Token *t = peek(e);
  if (t && t->kind == TK_PUNCT && !strcmp(t->spelling, op)) {
    e->pos++;
    return true;
  }
  return false;
}

static Val number(Eval *e, Token *t) {
  if (t->kind == TK_CHAR) return (Val){t->ival, false};
  if (!lex_convert_number(NULL, t)) {
    fail(e, t, "invalid numeric literal '%s'", t->spelling);
    return (Val){0, false};
  }
  if (t->num_kind >= NUM_FLOAT) {
    fail(e, t, "floating constant in preprocessor expression%s", "");
    return (Val){0, false};
  }
  bool u = t->num_kind == NUM_UINT || t->num_kind == NUM_ULONG ||
           t->num_kind == NUM_ULLONG;
  return (Val){t->ival, u};
}

/* primary = "(" expr ")" | number | char | identifier */
static Val primary(Eval *e) {
  Token *t = peek(e);
  if (!t) {
    fail(e, NULL, "expected value in expression%s", "");
    return (Val){0, false};
  }
  if (accept(e, "(")) {
    Val v = expr(e);
    if (!accept(e, ")")) fail(e, t, "missing ')' in expression%s", "");
    return v;
  }
  e->pos++;
  if (t->kind == TK_NUM || t->kind == TK_CHAR) return number(e, t);
  if (t->kind == TK_IDENT) return (Val){!strcmp(t->spelling, "true"), false};
  fail(e, t, "token \"%s\" is not valid in preprocessor expressions",
       t->spelling);
  return (Val){0, false};
}

/* unary = ("+" | "-" | "~" | "!") unary | primary */
static Val unary(Eval *e) {
  if (++e->depth > 512) {
    fail(e, peek(e), "expression nested too deeply%s", "");
    e->pos = e->n;
  }
  Val v;
  if (accept(e, "+")) v = unary(e);
  else if (accept(e, "-")) v = unary(e), v.v = 0 - v.v;
  else if (accept(e, "~")) v = unary(e), v.v = ~v.v;
  else if (accept(e, "!")) v = unary(e), v = (Val){v.v == 0, false};
  else v = primary(e);
  e->depth--;
  return v;
}

static int prec(const char *op) {
  static const struct { const char *op; int prec; } ops[] = {
      {"*", 10}, {"/", 10}, {"%", 10}, {"+", 9},  {"-", 9},  {"<<", 8},
      {">>", 8}, {"<", 7},  {">", 7},  {"<=", 7}, {">=", 7}, {"==", 6},
      {"!=", 6}, {"&", 5},  {"^", 4},  {"|", 3},  {"&&", 2}, {"||", 1},
  };
  for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
    if (!strcmp(ops[i].op, op)) return ops[i].prec;
  return 0;
}

static uint64_t divide(Eval *e, Token *op, Val a, Val b, bool u) {
  if (b.v == 0) {
    if (e->live) fail(e, op, "division by zero in preprocessor expression%s", "");
    return 0;
  }
  bool mod = op->spelling[0] == '%';
  if (u) return mod ? a.v % b.v : a.v / b.v;
  int64_t x = (int64_t)a.v, y = (int64_t)b.v;
  if (y == -1) return mod ? 0 : 0 - a.v; /* INT64_MIN / -1 wraps */
  return (uint64_t)(mod ? x % y : x / y);
}

static uint64_t shift(Val a, Val b, bool left, bool u) {
  int64_t n = (int64_t)b.v;
  if (!b.u && n < 0) left = !left, n = -n;
  if (left) return b.v >= 64 && (b.u || n >= 64) ? 0 : a.v << n;
  if (n >= 64) return u || (int64_t)a.v >= 0 ? 0 : UINT64_MAX;
  if (u) return a.v >> n;
  int64_t x = (int64_t)a.v;
  return x >= 0 ? (uint64_t)(x >> n) : ~(~a.v >> n);
}

static Val binop(Eval *e, Token *op, Val a, Val b) {
  const char *s = op->spelling;
  bool u = a.u || b.u;
  bool lt = u ? a.v < b.v : (int64_t)a.v < (int64_t)b.v;
  bool gt = u ? a.v > b.v : (int64_t)a.v > (int64_t)b.v;
  switch (s[0]) {
  case '*': return (Val){a.v * b.v, u};
  case '/': case '%': return (Val){divide(e, op, a, b, u), u};
  case '+': return (Val){a.v + b.v, u};
  case '-': return (Val){a.v - b.v, u};
  case '<':
    if (s[1] == '<') return (Val){shift(a, b, true, a.u), a.u};
    return (Val){s[1] == '=' ? !gt : lt, false};
  case '>':
    if (s[1] == '>') return (Val){shift(a, b, false, a.u), a.u};
    return (Val){s[1] == '=' ? !lt : gt, false};
  case '=': return (Val){a.v == b.v, false};
  case '!': return (Val){a.v != b.v, false};
  case '&':
    if (s[1] == '&') return (Val){a.v && b.v, false};
    return (Val){a.v & b.v, u};
  case '^': return (Val){a.v ^ b.v, u};
  default:
    if (s[1] == '|') return (Val){a.v || b.v, false};
    return (Val){a.v | b.v, u};
  }
}

/* binary = unary (op binary)*, by precedence climbing */
static Val binary(Eval *e, int min_prec) {
  Val a = unary(e);
  for (;;) {
    Token *op = peek(e);
    int p = op && op->kind == TK_PUNCT ? prec(op->spelling) : 0;
    if (p < min_prec || p == 0 || e->err) return a;
    e->pos++;
    bool live = e->live;
    if (!strcmp(op->spelling, "&&") && !a.v) e->live = false;
    if (!strcmp(op->spelling, "||") && a.v) e->live = false;
    Val b = binary(e, p + 1);
    e->live = live;
    a = binop(e, op, a, b);
  }
}

/* cond = binary ("?" expr ":" cond)? */
static Val cond(Eval *e) {
  Val c = binary(e, 1);
  if (!accept(e, "?")) return c;
  bool live = e->live;
  e->live = live && c.v;
  Val a = expr(e);
  if (!accept(e, ":")) fail(e, peek(e), "expected ':' in expression%s", "");
  e->live = live && !c.v;
  Val b = cond(e);
  e->live = live;
  Val r = c.v ? a : b;
  r.u = a.u || b.u;
  return r;
}

/* expr = cond ("," cond)* */
static Val expr(Eval *e) {
  if (++e->depth > 512) {
    fail(e, peek(e), "expression nested too deeply%s", "");
    e->pos = e->n;
    return (Val){0, false};
  }
  Val v = cond(e);
  while (!e->err && accept(e, ",")) v = cond(e);
  e->depth--;
  return v;
}

/* ---- operand resolution -------------------------------------------------- */

static Token *value_tok(PP *pp, Token *at, bool v) {
  Token *t = pp_new_token(pp, at);
  t->kind = TK_NUM;
  t->spelling = v ? "1" : "0";
  t->len = 1;
  return t;
}

/* defined X | defined ( X ) */
static Token *read_defined(PP *pp, Token **rest, Token *tok) {
  Token *t = tok->next;
  bool paren = pp_is_punct(t, '(');
  if (paren) t = t->next;
  if (t->kind != TK_IDENT) {
    pp_error(pp, tok, "operator \"defined\" requires an identifier");
    *rest = t;
    return NULL;
  }
  bool v = tok_ident(t)->macro != NULL;
  t = t->next;
  if (paren) {
    if (!pp_is_punct(t, ')')) {
      pp_error(pp, tok, "missing ')' after \"defined\"");
      *rest = t;
      return NULL;
    }
    t = t->next;
  }
  *rest = t;
  return value_tok(pp, tok, v);
}

/* __has_include ( header-name ) */
static Token *read_has_include(PP *pp, Token **rest, Token *tok) {
  Token *t = tok->next;
  if (!pp_is_punct(t, '(')) {
    pp_error(pp, tok, "missing '(' after \"__has_include\"");
    *rest = t;
    return NULL;
  }
  t = t->next;
  if (t->kind == TK_IDENT) { /* a macro naming the header */
    Token *one = pp_new_token(pp, t);
    one->next = pp->eof;
    Token *x = pp_expand_all(pp, one), *end = x;
    if (x->kind == TK_EOF) {
      x = t->next;
    } else {
      while (end->next->kind != TK_EOF) end = end->next;
      end->next = t->next;
    }
    t = x;
  }
  bool angled;
  const char *name = pp_header_name(pp, &t, t, &angled);
  if (!pp_is_punct(t, ')')) {
    if (name) pp_error(pp, tok, "missing ')' after \"__has_include\"");
    *rest = t;
    return NULL;
  }
  *rest = t->next;
  bool next = tok_ident(tok) == pp->id_has_include_next;
  int from = next && pp->frame ? pp->frame->dir_idx + 1 : -1, idx;
  return value_tok(pp, tok, name && pp_find_header(pp, name, angled, from, &idx));
}

/* Resolves operators and macros; leaves the tokens to evaluate in v. */
static bool resolve(PP *pp, Token *t, PtrVec *v) {
  while (t->kind != TK_EOF) {
    Token *val = NULL;
    if (t->kind == TK_IDENT) {
      Ident *id = tok_ident(t);
      if (id == pp->id_defined) val = read_defined(pp, &t, t);
      else if (id == pp->id_has_include || id == pp->id_has_include_next)
        val = read_has_include(pp, &t, t);
      else if (pp_expand(pp, &t, t))
        continue;
      else
        val = t, t = t->next;
      if (!val) return false;
    } else {
      val = t, t = t->next;
    }
    vec_push(pp->tmp, v, val);
  }
  return true;
}

bool pp_eval_if(PP *pp, Token **rest, Token *tok, Token *directive) {
  Token *line = pp_copy_line(pp, rest, tok);
  PtrVec v = {0};
  if (!resolve(pp, line, &v)) return false;
  if (v.len == 0) {
    pp_error(pp, directive, "#%s with no expression", directive->spelling);
    return false;
  }
  Eval e = {.pp = pp, .t = (Token **)v.items, .n = v.len, .live = true,
            .dir = directive};
  Val r = expr(&e);
  if (!e.err && e.pos < e.n)
    fail(&e, e.t[e.pos], "missing binary operator before token \"%s\"",
         e.t[e.pos]->spelling);
  return !e.err && r.v != 0;
}
