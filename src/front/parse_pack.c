/*
 * parse_pack.c — variadic function templates, by token expansion.
 *
 * A function template whose last template parameter is a type pack
 * (`template <typename... Ts> __device__ R f(A a, Ts... args)`) is
 * instantiated for a pack of k types by rewriting its tokens before they
 * are parsed: the parameter `Ts... args` becomes `__pk_Ts_0 args__pk_0,
 * ..., __pk_Ts_k-1 args__pk_k-1`, and in the body each expansion
 * `PATTERN...` (in an argument list, braces or template arguments) becomes
 * k copies of PATTERN with Ts and args replaced by the i-th names,
 * `sizeof...(Ts)` the number k, and a unary fold `(E op ...)` or
 * `(... op E)` the k copies joined by op (+, *, &&, || or ','; the empty
 * pack gives the operator's identity).  The binding scope of the instance
 * binds each __pk_Ts_i to the i-th type.  Deduction rewrites the same way
 * with k = the number of call arguments past the other parameters, the
 * __pk_Ts_i standing as placeholders.
 */
#include <string.h>

#include "decl.h"

typedef struct Toks {
  Token **v;
  int n, cap;
} Toks;

static void push(Parser *p, Toks *t, Token *k) {
  if (t->n == t->cap) {
    int cap = t->cap ? t->cap * 2 : 256;
    Token **nv = arena_alloc(p->arena, sizeof(Token *) * (size_t)cap);
    if (t->n) memcpy(nv, t->v, sizeof(Token *) * (size_t)t->n);
    t->v = nv;
    t->cap = cap;
  }
  t->v[t->n++] = k;
}

static Token *copy_tok(Parser *p, Token *t, const char *spelling) {
  Token *c = arena_alloc(p->arena, sizeof *c);
  *c = *t;
  if (spelling) {
    c->spelling = spelling;
    c->len = (int)strlen(spelling);
    c->kind = TK_IDENT;
  }
  return c;
}

static Token *num_tok(Parser *p, Token *like, int k) {
  Token *c = copy_tok(p, like, NULL);
  c->kind = TK_NUM;
  c->num_kind = NUM_INT;
  c->ival = (uint64_t)k;
  c->spelling = arena_printf(p->arena, "%d", k);
  c->len = (int)strlen(c->spelling);
  return c;
}

const char *pack_elem_name(Parser *p, const char *pack, int i) {
  return arena_printf(p->arena, "__pk_%s_%d", pack, i);
}

typedef struct Pack {
  const char *type;  /* Ts */
  const char *param; /* args, or NULL */
  int k;
} Pack;

/* one copy of a pattern, the pack names replaced by the i-th ones */
static void copy_pattern(Parser *p, Toks *out, Token **pat, int n, Pack *pk, int i) {
  for (int j = 0; j < n; j++) {
    Token *t = pat[j];
    if (t->kind == TK_IDENT && !strcmp(t->spelling, pk->type))
      push(p, out, copy_tok(p, t, pack_elem_name(p, pk->type, i)));
    else if (t->kind == TK_IDENT && pk->param && !strcmp(t->spelling, pk->param))
      push(p, out, copy_tok(p, t, arena_printf(p->arena, "%s__pk_%d", pk->param, i)));
    else if (!equal(t, "..."))
      push(p, out, copy_tok(p, t, NULL));
  }
}

static bool is_opener(Token *t) { return equal(t, "(") || equal(t, "{") || equal(t, "[") || equal(t, "<"); }
static bool is_closer(Token *t) { return equal(t, ")") || equal(t, "}") || equal(t, "]") || equal(t, ">"); }

/* where the pattern before a `...` starts in out: after the ',' or opener
 * at its depth */
static int pattern_start(Toks *out) {
  int depth = 0, i = out->n - 1;
  for (; i >= 0; i--) {
    Token *t = out->v[i];
    if (is_closer(t)) depth++;
    else if (is_opener(t)) {
      if (depth == 0) break;
      depth--;
    } else if (equal(t, ",") && depth == 0) break;
  }
  return i + 1;
}

static const char *fold_identity(Token *op) {
  if (equal(op, "+") || equal(op, "|") || equal(op, "^")) return "0";
  if (equal(op, "*")) return "1";
  if (equal(op, "&&")) return "true";
  if (equal(op, "||")) return "false";
  return NULL;
}

static bool is_fold_op(Token *t) {
  static const char *ops[] = {"+", "-", "*", "/", "&&", "||", ",", "&", "|", "^", "%", "<<", ">>"};
  for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
    if (equal(t, ops[i])) return true;
  return false;
}

/* out ends with `( E op`; a `...` and `)` follow: E0 op E1 op ... */
static void right_fold(Parser *p, Toks *out, Pack *pk, Token *at) {
  Token *op = out->v[--out->n];
  int s = pattern_start(out);
  int n = out->n - s;
  Token **pat = arena_alloc(p->arena, sizeof(Token *) * (size_t)(n + 1));
  memcpy(pat, out->v + s, sizeof(Token *) * (size_t)n);
  out->n = s;
  if (pk->k == 0) {
    const char *id = fold_identity(op);
    if (!id) error_tok(p, at, "fold of an empty pack with operator '%s'", op->spelling);
    push(p, out, id[0] == '0' ? num_tok(p, at, 0) : id[0] == '1' ? num_tok(p, at, 1) : copy_tok(p, at, id));
    return;
  }
  for (int i = 0; i < pk->k; i++) {
    if (i) push(p, out, copy_tok(p, op, NULL));
    copy_pattern(p, out, pat, n, pk, i);
  }
}

static Token *comma_like(Parser *p, Token *like) {
  Token *c = copy_tok(p, like, NULL);
  c->kind = TK_PUNCT;
  c->spelling = ",";
  c->len = 1;
  return c;
}

static void list_expansion(Parser *p, Toks *out, Token *at, Pack *pk);

/* `(A a, Ts... args)`: the pack parameter becomes k parameters */
static void expand_param_list(Parser *p, Toks *out, Token **v, int open, int close, Pack *pk) {
  push(p, out, v[open]);
  int seg = open + 1, depth = 0;
  bool first = true;
  for (int j = open + 1; j <= close; j++) {
    Token *t = v[j];
    if (j < close && (equal(t, "(") || equal(t, "<") || equal(t, "["))) depth++;
    if (j < close && (equal(t, ")") || equal(t, ">") || equal(t, "]"))) depth--;
    if (j < close && !(equal(t, ",") && depth == 0)) continue;
    /* `Ts... args` is a pack parameter; `Seq<Is...> s` one parameter
     * whose type expands the pack inside it */
    bool is_pack = false, inner_pack = false;
    int inner = 0;
    for (int m = seg; m < j; m++) {
      if (equal(v[m], "(") || equal(v[m], "<") || equal(v[m], "[")) inner++;
      if (equal(v[m], ")") || equal(v[m], ">") || equal(v[m], "]")) inner--;
      if (equal(v[m], "...")) *(inner == 0 ? &is_pack : &inner_pack) = true;
    }
    if (inner_pack && !is_pack) {
      Toks one = {0};
      for (int m = seg; m < j; m++) {
        if (equal(v[m], "...")) list_expansion(p, &one, v[m], pk);
        else push(p, &one, v[m]);
      }
      if (!first) push(p, out, comma_like(p, t));
      for (int m = 0; m < one.n; m++) push(p, out, one.v[m]);
      first = false;
    } else if (is_pack) {
      for (int m = seg; m < j; m++)
        if (v[m]->kind == TK_IDENT && m > seg && !equal(v[m], pk->type)) pk->param = v[m]->spelling;
      for (int i = 0; i < pk->k; i++) {
        if (!first) push(p, out, comma_like(p, t));
        copy_pattern(p, out, v + seg, j - seg, pk, i);
        first = false;
      }
    } else if (j > seg) {
      if (!first) push(p, out, comma_like(p, t));
      for (int m = seg; m < j; m++) push(p, out, v[m]);
      first = false;
    }
    seg = j + 1;
  }
  push(p, out, v[close]);
}

/* the index of the ')' closing the parenthesis open before in[from] */
static int close_paren(Toks *in, int from) {
  int depth = 0, j = from;
  for (; j < in->n; j++) {
    if (equal(in->v[j], "(")) depth++;
    if (equal(in->v[j], ")") && depth-- == 0) break;
  }
  return j;
}

static bool names_pack(Token *t, Pack *pk) {
  return t->kind == TK_IDENT &&
         (!strcmp(t->spelling, pk->type) || (pk->param && !strcmp(t->spelling, pk->param)));
}

/* `(E op ... op I)` or `(I op ... op E)`, at the `...` in[i]; returns the
 * index of the last token consumed */
static int binary_fold(Parser *p, Toks *in, Toks *out, int i, Pack *pk) {
  Token *next = in->v[i + 1];
  int s = pattern_start(out);
  bool right = false;
  for (int m = s; m < out->n - 1; m++) right |= names_pack(out->v[m], pk);
  if (right) { /* nothing of E op stays for the empty pack, nor the op before I */
    if (pk->k) right_fold(p, out, pk, in->v[i]);
    else out->n = s;
    return pk->k ? i : i + 1;
  }
  int j = close_paren(in, i + 2);
  out->n--; /* I stays; each element brings its op */
  for (int k = 0; k < pk->k; k++) {
    push(p, out, copy_tok(p, next, NULL));
    copy_pattern(p, out, in->v + i + 2, j - (i + 2), pk, k);
  }
  return j - 1;
}

/* PATTERN... in a list: k copies separated by commas */
static void list_expansion(Parser *p, Toks *out, Token *at, Pack *pk) {
  int s = pattern_start(out), n = out->n - s;
  Token **pat = arena_alloc(p->arena, sizeof(Token *) * (size_t)(n + 1));
  memcpy(pat, out->v + s, sizeof(Token *) * (size_t)n);
  out->n = s;
  if (pk->k == 0 && out->n && equal(out->v[out->n - 1], ",")) out->n--;
  for (int k = 0; k < pk->k; k++) {
    if (k) push(p, out, comma_like(p, at));
    copy_pattern(p, out, pat, n, pk, k);
  }
}

/* the `...` at in[i]: a fold or a list expansion; returns the index of
 * the last token consumed */
static int ellipsis(Parser *p, Toks *in, Toks *out, int i, Pack *pk) {
  Token *prev = out->n ? out->v[out->n - 1] : NULL;
  Token *next = i + 1 < in->n ? in->v[i + 1] : NULL;
  if (prev && is_fold_op(prev) && next && equal(next, ")")) { /* (E op ...) */
    right_fold(p, out, pk, in->v[i]);
    return i;
  }
  if (prev && is_fold_op(prev) && next && equal(next, prev->spelling))
    return binary_fold(p, in, out, i, pk);
  if (prev && equal(prev, "(") && next && is_fold_op(next)) { /* (... op E) */
    int j = close_paren(in, i + 2);
    for (int m = i + 2; m < j; m++) push(p, out, in->v[m]);
    push(p, out, next);
    right_fold(p, out, pk, in->v[i]);
    return j - 1;
  }
  list_expansion(p, out, in->v[i], pk);
  return i;
}

/* the rewritten tokens of one function template declaration [from, end) */
static Token *expand(Parser *p, Token *from, Token *end, Token *name, Pack *pk) {
  Toks in = {0}, out = {0};
  for (Token *t = from; t != end; t = t->next) push(p, &in, t);
  for (int i = 0; i < in.n; i++) {
    Token *t = in.v[i];
    if (t == name && i + 1 < in.n && equal(in.v[i + 1], "(")) {
      int j = close_paren(&in, i + 2);
      push(p, &out, t);
      expand_param_list(p, &out, in.v, i + 1, j, pk);
      i = j;
    } else if (equal(t, "sizeof") && i + 1 < in.n && equal(in.v[i + 1], "...")) {
      int j = i + 2;
      while (j < in.n && !equal(in.v[j], ")")) j++;
      push(p, &out, num_tok(p, t, pk->k));
      i = j;
    } else if (equal(t, "...")) {
      i = ellipsis(p, &in, &out, i, pk);
    } else {
      push(p, &out, t);
    }
  }
  Token head = {0}, *tail = &head;
  for (int i = 0; i < out.n; i++) tail = tail->next = copy_tok(p, out.v[i], NULL);
  tail->next = end;
  return head.next;
}

/* the end of a function template's declaration: after its body or ';' */
static Token *decl_end(Token *t) {
  int depth = 0;
  for (; t->kind != TK_EOF; t = t->next) {
    if (equal(t, "(") || equal(t, "[")) depth++;
    if (equal(t, ")") || equal(t, "]")) depth--;
    if (depth == 0 && equal(t, ";")) return t->next;
    if (depth == 0 && equal(t, "{")) {
      int braces = 0;
      for (; t->kind != TK_EOF; t = t->next) {
        if (equal(t, "{")) braces++;
        if (equal(t, "}") && --braces == 0) return t->next;
      }
      return t;
    }
  }
  return t;
}

bool template_has_pack(Template *t) { return t->nparams && t->params[t->nparams - 1].is_pack; }

/* t's declaration with its pack of k types expanded */
Token *expand_pack_decl(Parser *p, Template *t, int k) {
  Pack pk = {t->params[t->nparams - 1].name, NULL, k};
  Token *name = t->name_tok;
  return expand(p, t->decl, decl_end(t->decl), name, &pk);
}

/* the pack is a function parameter pack (`Ts... args`), not only named
 * inside another template's arguments (`Tuple<Ts...> &t`) */
bool pack_is_function_param(Template *t) {
  Token *n = t->name_tok;
  if (!n || !equal(n->next, "(")) return false;
  int depth = 0;
  for (Token *x = n->next->next; x->kind != TK_EOF; x = x->next) {
    if (equal(x, "(") || equal(x, "<") || equal(x, "[")) depth++;
    if (equal(x, ")") || equal(x, ">") || equal(x, "]")) {
      if (depth == 0) break;
      depth--;
    }
    if (depth == 0 && equal(x, "...")) return true;
  }
  return false;
}

/* the number of function parameters before the pack parameter */
int pack_leading_params(Template *t) {
  Token *n = t->name_tok;
  if (!n || !equal(n->next, "(")) return 0;
  int depth = 0, count = 0;
  bool any = false;
  for (Token *x = n->next->next; x->kind != TK_EOF; x = x->next) {
    if (equal(x, "(") || equal(x, "<") || equal(x, "[")) depth++;
    if (equal(x, ")") || equal(x, ">") || equal(x, "]")) {
      if (depth == 0) break;
      depth--;
    }
    if (depth == 0 && equal(x, "...")) return count;
    if (depth == 0 && equal(x, ",")) count++;
    any = true;
  }
  return any ? count + 1 : 0;
}
