/*
 * rewrite.c — host-pass rewriting of preprocessed CUDA C++ (see cc.h).
 *
 * Not a parser: a tokenizer plus a walk that knows just enough structure.
 * Braces are classified when opened — namespace and `extern "C"` blocks
 * are "scope", class bodies "class", everything else "code".  At scope
 * and class level the walk reads whole declarations (from the token after
 * the last `;`, `{`, `}` or access label to the `;` or the end of the
 * function body) and acts on the CUDA qualifiers among them.  In code it
 * only looks for `<<<` and for extended lambdas (`[=] __device__ (…) {…}`),
 * which it wraps in __cuwasm_device_lambda_make<K, L, I>(…) (see
 * src/compat/host_glue.h): K keys the file name, L is the line and I the
 * lambda's index among the extended lambdas of that line, read from g++'s
 * line markers, as the device pass names the closure it defines
 * (src/front/parse_host_lambda.c).  Each gets the capture list the device
 * pass found, so g++'s closure holds those variables in that order, as the
 * device's does; a `__device__`-only one also an empty body, which g++
 * could not compile (device functions, builtins).  Edits are collected as (offset, length, text)
 * and applied in one pass at the end; removed text is replaced by its
 * newlines so that line numbers stay right.
 */
#include "cc/cc.h"
#include "base/hash.h"

#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum { T_ID, T_NUM, T_STR, T_PUNCT } TokKind;

typedef struct Tok {
  TokKind kind;
  size_t pos, len;
} Tok;

typedef struct Edit {
  size_t pos, del;
  char *ins;
} Edit;

typedef struct Rw {
  const char *src;
  size_t n;
  Tok *t;
  int nt, capt;
  Edit *e;
  int ne, cape;
  char *syms;        /* registration lines appended at the end */
  size_t nsyms, capsyms;
  int nsymvars;
  char *ns[64];      /* open named namespaces */
  int nns;
  int *devfn;        /* name tokens of the device-only functions removed */
  int ndevfn, capdevfn;
  struct {          /* where the line-marker reading stands */
    size_t pos;
    int line;
    const char *file;
    size_t file_len;
  } at;
  int lambda_key, lambda_line, lambda_index; /* the last extended lambda's */
  int lambda_end;    /* closing '}' of the extended lambda being walked */
  const char *captures; /* "KEY LINE INDEX name…" lines from the device pass, or NULL */
  bool oom;
  char *err;
  size_t errn;
  bool failed;
} Rw;

/* ---- small helpers ------------------------------------------------------ */

static void fail(Rw *r, size_t pos, const char *fmt, ...) {
  if (r->failed) return;
  int line = 1;
  for (size_t i = 0; i < pos && i < r->n; i++) line += r->src[i] == '\n';
  int k = snprintf(r->err, r->errn, "line %d: ", line);
  va_list ap;
  va_start(ap, fmt);
  if (k >= 0 && (size_t)k < r->errn) vsnprintf(r->err + k, r->errn - (size_t)k, fmt, ap);
  va_end(ap);
  r->failed = true;
}

static bool is(const Rw *r, int i, const char *s) {
  if (i < 0 || i >= r->nt) return false;
  size_t n = strlen(s);
  return r->t[i].len == n && !memcmp(r->src + r->t[i].pos, s, n);
}

static bool is_id(const Rw *r, int i) { return i >= 0 && i < r->nt && r->t[i].kind == T_ID; }

static char *tok_text(const Rw *r, int a, int b) { /* tokens [a, b) as written, one line */
  if (a < 0) a = 0; /* malformed input can walk a name back past the first token (fuzz_rewrite) */
  if (b > r->nt) b = r->nt;
  if (a >= r->nt || b <= a) return calloc(1, 1);
  size_t s = r->t[a].pos, e = b > a ? r->t[b - 1].pos + r->t[b - 1].len : s;
  char *x = malloc(e - s + 1);
  if (!x) return NULL;
  for (size_t i = s; i < e; i++) x[i - s] = r->src[i] == '\n' ? ' ' : r->src[i];
  x[e - s] = 0;
  return x;
}

static void add_edit(Rw *r, size_t pos, size_t del, char *ins) {
  if (!ins) ins = calloc(1, 1);
  if (!ins) { r->oom = true; return; }
  if (r->ne == r->cape) {
    int cap = r->cape ? r->cape * 2 : 256;
    Edit *n = realloc(r->e, sizeof *n * (size_t)cap);
    if (!n) { free(ins); r->oom = true; return; }
    r->e = n, r->cape = cap;
  }
  r->e[r->ne++] = (Edit){pos, del, ins};
}

static char *fmt(const char *f, ...) {
  va_list ap;
  va_start(ap, f);
  int n = vsnprintf(NULL, 0, f, ap);
  va_end(ap);
  char *s = n >= 0 ? malloc((size_t)n + 1) : NULL;
  if (!s) return NULL;
  va_start(ap, f);
  vsnprintf(s, (size_t)n + 1, f, ap);
  va_end(ap);
  return s;
}

/* The newlines of [a, b), for text that is removed. */
static char *newlines_of(const Rw *r, size_t a, size_t b) {
  size_t k = 0;
  if (b > r->n) b = r->n;
  for (size_t i = a; i < b; i++) k += r->src[i] == '\n';
  char *s = malloc(k + 2);
  if (!s) return NULL;
  s[0] = ' ';
  memset(s + 1, '\n', k);
  s[k + 1] = 0;
  return s;
}

/* Removes tokens [a, b) keeping newlines. */
static void remove_tokens(Rw *r, int a, int b) {
  if (b > r->nt) b = r->nt; /* an unmatched bracket: up to the end */
  if (b <= a) return;
  size_t s = r->t[a].pos, e = r->t[b - 1].pos + r->t[b - 1].len;
  add_edit(r, s, e - s, newlines_of(r, s, e));
}

/* ---- tokenizer ------------------------------------------------------------ */

static void push_tok(Rw *r, TokKind k, size_t pos, size_t len) {
  if (r->nt == r->capt) {
    int cap = r->capt ? r->capt * 2 : 4096;
    Tok *n = realloc(r->t, sizeof *n * (size_t)cap);
    if (!n) { r->oom = true; return; }
    r->t = n, r->capt = cap;
  }
  r->t[r->nt++] = (Tok){k, pos, len};
}

static size_t skip_quoted(const char *s, size_t n, size_t i) {
  char q = s[i++];
  while (i < n && s[i] != q) {
    if (s[i] == '\\') i++;
    if (i < n && s[i] == '\n') break;
    i++;
  }
  return i < n ? i + 1 : n;
}

/* R"delim( ... )delim" starting at the quote */
static size_t skip_raw(const char *s, size_t n, size_t i) {
  size_t d0 = i + 1, d1 = d0;
  while (d1 < n && s[d1] != '(') d1++;
  size_t dl = d1 - d0;
  for (size_t j = d1 + 1; j + dl + 1 < n + 1; j++)
    if (s[j] == ')' && j + 1 + dl < n && !memcmp(s + j + 1, s + d0, dl) && s[j + 1 + dl] == '"')
      return j + dl + 2;
  return n;
}

static size_t lex_ident(Rw *r, size_t i) {
  const char *s = r->src;
  size_t st = i;
  while (i < r->n && (isalnum((unsigned char)s[i]) || s[i] == '_' || s[i] == '$')) i++;
  if (i < r->n && (s[i] == '"' || s[i] == '\'')) { /* encoding prefix: u8"", L'', R"()" */
    size_t pl = i - st;
    bool pre = (pl == 1 && strchr("uULR", s[st])) || (pl == 2 && (!memcmp(s + st, "u8", 2) || s[i - 1] == 'R')) ||
               (pl == 3 && !memcmp(s + st, "u8R", 3));
    if (pre) {
      size_t e = s[i - 1] == 'R' && s[i] == '"' ? skip_raw(s, r->n, i) : skip_quoted(s, r->n, i);
      push_tok(r, T_STR, st, e - st);
      return e;
    }
  }
  push_tok(r, T_ID, st, i - st);
  return i;
}

static void tokenize(Rw *r) {
  const char *s = r->src;
  size_t i = 0;
  bool bol = true;
  while (i < r->n && !r->oom) {
    char c = s[i];
    if (c == '\n') { bol = true; i++; continue; }
    if (isspace((unsigned char)c)) { i++; continue; }
    if (bol && c == '#') { /* line markers and pragmas */
      while (i < r->n && s[i] != '\n') i++;
      continue;
    }
    bol = false;
    if (c == '/' && i + 1 < r->n && s[i + 1] == '/') { while (i < r->n && s[i] != '\n') i++; continue; }
    if (c == '/' && i + 1 < r->n && s[i + 1] == '*') { /* bounded: the text need not end in NUL */
      size_t j = i + 2;
      while (j + 1 < r->n && !(s[j] == '*' && s[j + 1] == '/')) j++;
      i = j + 1 < r->n ? j + 2 : r->n;
      continue;
    }
    if (isalpha((unsigned char)c) || c == '_' || c == '$') { i = lex_ident(r, i); continue; }
    if (isdigit((unsigned char)c) || (c == '.' && i + 1 < r->n && isdigit((unsigned char)s[i + 1]))) {
      size_t st = i;
      while (i < r->n && (isalnum((unsigned char)s[i]) || s[i] == '.' || s[i] == '\'' ||
                          ((s[i] == '+' || s[i] == '-') && strchr("eEpP", s[i - 1]))))
        i++;
      push_tok(r, T_NUM, st, i - st);
      continue;
    }
    if (c == '"' || c == '\'') {
      size_t e = skip_quoted(s, r->n, i);
      push_tok(r, T_STR, i, e - i);
      i = e;
      continue;
    }
    if (c == ':' && i + 1 < r->n && s[i + 1] == ':') { push_tok(r, T_PUNCT, i, 2); i += 2; continue; }
    if (c == '.' && i + 2 < r->n && s[i + 1] == '.' && s[i + 2] == '.') { push_tok(r, T_PUNCT, i, 3); i += 3; continue; }
    push_tok(r, T_PUNCT, i, 1);
    i++;
  }
}

/* ---- token navigation ------------------------------------------------------- */

/* Index of the token closing the group opened at i ('(' '[' '{'), or nt. */
static int match(const Rw *r, int i) {
  char open = r->src[r->t[i].pos];
  char close = open == '(' ? ')' : open == '[' ? ']' : '}';
  int d = 0;
  for (int j = i; j < r->nt; j++) {
    if (r->t[j].kind != T_PUNCT || r->t[j].len != 1) continue;
    char c = r->src[r->t[j].pos];
    if (c == '(' || c == '[' || c == '{') d++;
    else if (c == ')' || c == ']' || c == '}') d--;
    if (d == 0) return c == close ? j : r->nt;
  }
  return r->nt;
}

/* Index of the '>' closing the template angle opened at i. */
static int match_angle(const Rw *r, int i) {
  int d = 0;
  for (int j = i; j < r->nt; j++) {
    if (is(r, j, "(") || is(r, j, "[")) { j = match(r, j); continue; }
    if (is(r, j, "<")) d++;
    else if (is(r, j, ">") && --d == 0) return j;
    else if (is(r, j, ";") || is(r, j, "{")) break;
  }
  return r->nt;
}

/* Backward: index of the '<' / '(' opening the group closed at i. */
static int match_back(const Rw *r, int i) {
  const char *open = is(r, i, ">") ? "<" : "(", *close = is(r, i, ">") ? ">" : ")";
  int d = 0;
  for (int j = i; j >= 0; j--) {
    if (is(r, j, close)) d++;
    else if (is(r, j, open) && --d == 0) return j;
    else if (is(r, j, ";") || is(r, j, "{") || is(r, j, "}")) break;
  }
  return -1;
}

/* ---- kernel launches ------------------------------------------------------- */

/* three '<' (or '>') tokens in a row: the launch chevrons.  Whitespace may
 * separate them (`k << < g, b >> > (...)` is a launch to nvcc too, and a
 * macro expansion may space them); C++ has no other use for `< < <`, and
 * the closing `> > >` is searched only inside a launch configuration. */
static bool chevrons(const Rw *r, int i, char c) {
  for (int k = 0; k < 3; k++)
    if (i + k >= r->nt || r->t[i + k].kind != T_PUNCT || r->t[i + k].len != 1 ||
        r->src[r->t[i + k].pos] != c)
      return false;
  return true;
}

/* Start of the callee expression that ends just before `<<<` at i. */
static int callee_start(const Rw *r, int i) {
  int j = i - 1;
  if (is(r, j, ")")) return match_back(r, j);
  if (is(r, j, ">")) j = match_back(r, j) - 1;
  if (!is_id(r, j)) return -1;
  while (is(r, j - 1, "::")) {
    if (is_id(r, j - 2)) j -= 2;
    else if (is(r, j - 2, ">") && is_id(r, match_back(r, j - 2) - 1)) j = match_back(r, j - 2) - 1;
    else { j -= 1; break; }
    if (is(r, j - 1, "template")) j--;
  }
  return j;
}

/* `callee<<<cfg>>>(args)` at i (the first '<'); returns the index after. */
static int rewrite_launch(Rw *r, int i) {
  int cs = callee_start(r, i);
  if (cs < 0) { fail(r, r->t[i].pos, "cannot find the kernel before '<<<'"); return i + 3; }
  int d = 0, j = i + 3;
  for (; j < r->nt; j++) {
    if (is(r, j, "(") || is(r, j, "[") || is(r, j, "{")) d++;
    else if (is(r, j, ")") || is(r, j, "]") || is(r, j, "}")) d--;
    else if (d == 0 && chevrons(r, j, '>')) break;
  }
  if (j >= r->nt || !is(r, j + 3, "(")) {
    fail(r, r->t[i].pos, "malformed kernel launch: expected '>>>(' after the configuration");
    return i + 3;
  }
  int close = match(r, j + 3);
  if (close >= r->nt) { fail(r, r->t[i].pos, "unterminated kernel launch arguments"); return j; }
  char *cfg = tok_text(r, i + 3, j);
  add_edit(r, r->t[cs].pos, 0, fmt("(::__cuwasm_cfg(%s), ", cfg ? cfg : ""));
  free(cfg);
  size_t s = r->t[i].pos, e = r->t[j + 2].pos + 1;
  add_edit(r, s, e - s, newlines_of(r, s, e));
  add_edit(r, r->t[close].pos + 1, 0, fmt(")"));
  return j + 3;
}

/* ---- declarations ------------------------------------------------------------ */

typedef struct Decl {
  int start, end;        /* tokens [start, end]; end is ';' or the body's '}' */
  int body;              /* index of the body's '{', or -1 */
  int params;            /* index of the parameter list's '(', or -1 */
  bool global, device, host, constant, managed, shared, is_extern, is_typedef, is_template;
} Decl;

static bool skip_paren_owner(const Rw *r, int i) {
  static const char *const owners[] = {"__launch_bounds__", "__attribute__", "__align__", "alignas",
                                       "decltype", "__declspec", "sizeof", "alignof", "noexcept",
                                       "throw", "__asm__", "asm", "operator", NULL};
  for (int k = 0; owners[k]; k++)
    if (is(r, i, owners[k])) return true;
  return false;
}

static void note_qualifier(const Rw *r, int i, Decl *d) {
  if (is(r, i, "__global__")) d->global = true;
  else if (is(r, i, "__device__")) d->device = true;
  else if (is(r, i, "__host__")) d->host = true;
  else if (is(r, i, "__constant__")) d->constant = true;
  else if (is(r, i, "__managed__")) d->managed = true;
  else if (is(r, i, "__shared__")) d->shared = true;
  else if (is(r, i, "extern")) d->is_extern = true;
  else if (is(r, i, "typedef") || is(r, i, "using")) d->is_typedef = true;
}

/* Reads the declaration starting at token s. */
static Decl read_decl(const Rw *r, int s) {
  Decl d = {.start = s, .end = r->nt - 1, .body = -1, .params = -1};
  d.is_template = is(r, s, "template");
  bool eq = false;
  for (int i = s; i < r->nt; i++) {
    note_qualifier(r, i, &d);
    if (is(r, i, "template") && is(r, i + 1, "<")) { i = match_angle(r, i + 1); continue; }
    if (is(r, i, "operator") && !eq && d.params < 0) {
      /* `operator==(…)`, `operator()(…)`, `operator T(…)`: the first
       * parenthesis after the operator's name opens the parameters */
      int j = is(r, i + 1, "(") && is(r, i + 2, ")") ? i + 3 : i + 1;
      while (j < r->nt && !is(r, j, "(") && !is(r, j, ";") && !is(r, j, "{")) j++;
      if (is(r, j, "(")) {
        d.params = j;
        i = match(r, j);
        continue;
      }
    }
    if (is(r, i, "=")) eq = true;
    if (is(r, i, "(")) {
      if (!eq && d.params < 0 && is_id(r, i - 1) && !skip_paren_owner(r, i - 1) &&
          !is(r, i + 1, "*")) /* `float (*fp)(float)` is a variable */
        d.params = i;
      i = match(r, i);
      continue;
    }
    if (is(r, i, "[")) { i = match(r, i); continue; }
    if (is(r, i, "{")) {
      if (d.params >= 0 && !eq) {
        d.body = i;
        d.end = match(r, i);
        return d;
      }
      i = match(r, i);
      continue;
    }
    if (is(r, i, ";")) { d.end = i; return d; }
  }
  return d;
}

static bool is_qualifier_tok(const Rw *r, int i) {
  return is(r, i, "__global__") || is(r, i, "__device__") || is(r, i, "__host__") ||
         is(r, i, "__constant__") || is(r, i, "__managed__") || is(r, i, "__shared__") ||
         is(r, i, "__grid_constant__");
}

/* Blanks the CUDA qualifiers and __launch_bounds__(…) of [a, b). */
static void strip_qualifiers(Rw *r, int a, int b) {
  for (int i = a; i < b; i++) {
    if (is_qualifier_tok(r, i)) remove_tokens(r, i, i + 1);
    else if (is(r, i, "__launch_bounds__") && is(r, i + 1, "(")) {
      int c = match(r, i + 1);
      remove_tokens(r, i, c + 1);
      i = c;
    }
  }
}

/* ---- kernels: stubs ------------------------------------------------------------ */

static bool is_type_word(const Rw *r, int i) {
  static const char *const w[] = {"int", "float", "double", "char", "short", "long", "unsigned",
                                  "signed", "bool", "void", "auto", "wchar_t", "char16_t",
                                  "char32_t", NULL};
  for (int k = 0; w[k]; k++)
    if (is(r, i, w[k])) return true;
  return false;
}

static bool is_cv_word(const Rw *r, int i) {
  static const char *const w[] = {"const", "volatile", "__restrict__", "__restrict", "restrict",
                                  "struct", "class", "enum", "union", "typename", "register",
                                  "__grid_constant__", NULL};
  for (int k = 0; w[k]; k++)
    if (is(r, i, w[k])) return true;
  return false;
}

/* Splits [a, b) at depth-0 commas; out[k] = start of piece k, out[n] = b. */
static int split_commas(const Rw *r, int a, int b, int *out, int max) {
  int n = 0, angle = 0;
  out[n++] = a;
  for (int i = a; i < b && n < max; i++) {
    if (is(r, i, "(") || is(r, i, "[") || is(r, i, "{")) { i = match(r, i); continue; }
    if (is(r, i, "<") && (is_id(r, i - 1))) angle++;
    else if (is(r, i, ">") && angle > 0) angle--;
    else if (is(r, i, ",") && angle == 0) out[n++] = i + 1;
  }
  out[n] = b;
  return n;
}

static int cut_default(const Rw *r, int a, int b) {
  for (int i = a; i < b; i++) {
    if (is(r, i, "(") || is(r, i, "[") || is(r, i, "{")) { i = match(r, i); continue; }
    if (is(r, i, "=")) return i;
  }
  return b;
}

/* Name of a template parameter in [a, b), or NULL. */
static char *tparam_name(const Rw *r, int a, int b, bool *pack) {
  b = cut_default(r, a, b);
  *pack = false;
  int last = -1;
  for (int i = a; i < b; i++) {
    if (is(r, i, "...")) *pack = true;
    if (is(r, i, "<")) { i = match_angle(r, i); continue; }
    if (is_id(r, i)) last = i;
  }
  if (last <= a) return NULL;
  return tok_text(r, last, last + 1);
}

/* Name of a function parameter in [a, b): index of its token, or -1 when
 * the parameter is unnamed.  *insert_at gets where a name would go. */
static int param_name(const Rw *r, int a, int b, size_t *insert_at) {
  b = cut_default(r, a, b);
  for (int i = a; i + 3 < b; i++) /* function pointer: (*name)(…) */
    if (is(r, i, "(") && is(r, i + 1, "*") && is_id(r, i + 2) && is(r, i + 3, ")")) return i + 2;
  int l = b - 1;
  while (l > a && is(r, l, "]")) {
    while (l > a && !is(r, l, "[")) l--;
    l--;
  }
  *insert_at = r->t[l].pos + r->t[l].len;
  if (!is_id(r, l) || is_type_word(r, l) || is_cv_word(r, l) || is(r, l - 1, "::")) return -1;
  for (int k = a; k < l; k++)
    if (is(r, k, "*") || is(r, k, "&") || is(r, k, ">") ||
        (is_id(r, k) && !is_cv_word(r, k) && !is(r, k + 1, "::")))
      return l;
  return -1;
}

static bool append(char **buf, size_t *len, size_t *cap, const char *s) {
  size_t n = strlen(s);
  if (*len + n + 1 > *cap) {
    size_t c = (*cap ? *cap * 2 : 256) + n;
    char *b = realloc(*buf, c);
    if (!b) return false;
    *buf = b, *cap = c;
  }
  memcpy(*buf + *len, s, n + 1);
  *len += n;
  return true;
}

/* `k<T, N>` for `template <class T, int N> … k(…)`, or the plain name. */
static char *self_name(Rw *r, const Decl *d) {
  int nm = d->params - 1, q = nm;
  bool explicit_args = false;
  if (is(r, nm, ">")) {
    q = match_back(r, nm) - 1;
    explicit_args = true;
  }
  while (is(r, q - 1, "::") && is_id(r, q - 2)) q -= 2;
  char *base = tok_text(r, q, d->params);
  if (!base || !d->is_template || explicit_args || !is(r, d->start + 1, "<") ||
      is(r, d->start + 2, ">"))
    return base;
  int close = match_angle(r, d->start + 1), cut[65];
  int n = split_commas(r, d->start + 2, close, cut, 64);
  char *out = NULL;
  size_t len = 0, cap = 0;
  bool ok = append(&out, &len, &cap, base) && append(&out, &len, &cap, "<");
  free(base);
  for (int k = 0; ok && k < n; k++) {
    bool pack;
    char *p = tparam_name(r, cut[k], k + 1 < n ? cut[k + 1] - 1 : cut[n], &pack);
    if (!p) {
      fail(r, r->t[d->start].pos, "template kernel with an unnamed template parameter");
      ok = false;
    }
    ok = ok && append(&out, &len, &cap, k ? ", " : "") && append(&out, &len, &cap, p) &&
         append(&out, &len, &cap, pack ? "..." : "");
    free(p);
  }
  if (ok && append(&out, &len, &cap, ">")) return out;
  free(out);
  return NULL;
}

/* "(void *)&a, (void *)&b, " for the parameters; names unnamed ones. */
static char *arg_list(Rw *r, const Decl *d) {
  int close = match(r, d->params), cut[257];
  char *out = NULL;
  size_t len = 0, cap = 0;
  if (!append(&out, &len, &cap, "")) return NULL;
  if (close == d->params + 1 || (close == d->params + 2 && is(r, d->params + 1, "void")))
    return out;
  int n = split_commas(r, d->params + 1, close, cut, 256);
  for (int k = 0; k < n; k++) {
    int b = k + 1 < n ? cut[k + 1] - 1 : cut[n];
    size_t at = 0;
    int nm = param_name(r, cut[k], b, &at);
    bool pack = false;
    for (int i = cut[k]; i < b; i++) pack |= is(r, i, "...");
    char *name = nm >= 0 ? tok_text(r, nm, nm + 1) : fmt("__cuwasm_p%d", k);
    if (nm < 0 && name) add_edit(r, at, 0, fmt(" %s", name));
    char *piece = name ? fmt("(void *)&%s%s, ", name, pack ? "..." : "") : NULL;
    bool ok = piece && append(&out, &len, &cap, piece);
    free(name);
    free(piece);
    if (!ok) {
      free(out);
      return NULL;
    }
  }
  return out;
}

/* The kernel's own pointer type, `void (*)(int *v, int n)` (defaults
 * dropped): it picks this kernel among overloads of its name, where
 * decltype(&name) would be ambiguous. */
static char *fn_type(Rw *r, const Decl *d) {
  int close = match(r, d->params), cut[257];
  char *out = NULL;
  size_t len = 0, cap = 0;
  if (!append(&out, &len, &cap, "void (*)(")) return NULL;
  int n = close == d->params + 1 ? 0 : split_commas(r, d->params + 1, close, cut, 256);
  for (int k = 0; k < n; k++) {
    int b = cut_default(r, cut[k], k + 1 < n ? cut[k + 1] - 1 : cut[n]);
    bool ok = append(&out, &len, &cap, k ? ", " : "");
    for (int i = cut[k]; ok && i < b; i++) { /* qualifiers are removed from the source */
      if (is_qualifier_tok(r, i)) continue;
      char *p = tok_text(r, i, i + 1);
      ok = p && append(&out, &len, &cap, " ") && append(&out, &len, &cap, p);
      free(p);
    }
    if (!ok) {
      free(out);
      return NULL;
    }
  }
  if (append(&out, &len, &cap, ")")) return out;
  free(out);
  return NULL;
}

static void make_stub(Rw *r, const Decl *d) {
  char *self = self_name(r, d), *args = self ? arg_list(r, d) : NULL;
  char *type = args ? fn_type(r, d) : NULL;
  if (!self || !args || !type) {
    if (!r->failed) r->oom = true;
    free(self);
    free(args);
    free(type);
    return;
  }
  size_t s = r->t[d->body].pos, e = r->t[d->end].pos + 1;
  char *nl = newlines_of(r, s, e);
  char *stub = fmt("{ void *__cuwasm_args[] = {%s0}; "
                   "static const int __cuwasm_id = __cuwasm_kreg<%s, &%s>::make(); "
                   "(void)__cuwasm_kreg<%s, &%s>::id; "
                   "::__cuwasm_stub_launch(__cuwasm_id, __cuwasm_args); }%s",
                   args, type, self, type, self, nl ? nl + 1 : "");
  add_edit(r, s, e - s, stub);
  free(nl);
  free(self);
  free(args);
  free(type);
}

/* ---- variables: symbol registrations -------------------------------------------- */

static void register_var(Rw *r, int a, int b, int managed) {
  b = cut_default(r, a, b);
  int name = -1;
  for (int i = a; i < b; i++) {
    if (is(r, i, "[") || is(r, i, "(")) break;
    if (is(r, i, "<")) { i = match_angle(r, i); continue; }
    if (is_id(r, i) && !is_cv_word(r, i) && !is_type_word(r, i)) name = i;
  }
  if (name < 0) return;
  char qual[1024] = "";
  size_t o = 0;
  for (int k = 0; k < r->nns && o < sizeof qual; k++)
    o += (size_t)snprintf(qual + o, sizeof qual - o, "%s::", r->ns[k]);
  if (o < sizeof qual)
    snprintf(qual + o, sizeof qual - o, "%.*s", (int)r->t[name].len, r->src + r->t[name].pos);
  char *line = fmt("static int __cuwasm_sym_%d = (::__cuwasm_register_symbol(__cuwasm_tu_id(), "
                   "(const void *)&::%s, sizeof(::%s), \"%s\", %d), 0);\n",
                   r->nsymvars++, qual, qual, qual, managed);
  if (!line || !append(&r->syms, &r->nsyms, &r->capsyms, line)) r->oom = true;
  free(line);
}

static void register_vars(Rw *r, const Decl *d) {
  int cut[65];
  int n = split_commas(r, d->start, d->end, cut, 64);
  for (int k = 0; k < n; k++)
    register_var(r, cut[k], k + 1 < n ? cut[k + 1] - 1 : cut[n], d->managed);
}

static void note_device_function(Rw *r, int name) {
  if (!is_id(r, name)) return;
  if (r->ndevfn == r->capdevfn) {
    int cap = r->capdevfn ? 2 * r->capdevfn : 32;
    int *n = realloc(r->devfn, sizeof(int) * (size_t)cap);
    if (!n) { r->oom = true; return; }
    r->devfn = n, r->capdevfn = cap;
  }
  r->devfn[r->ndevfn++] = name;
}

static bool names_device_function(const Rw *r, int i) {
  for (int k = 0; k < r->ndevfn; k++) {
    const Tok *a = &r->t[r->devfn[k]], *b = &r->t[i];
    if (a->len == b->len && !memcmp(r->src + a->pos, r->src + b->pos, a->len)) return true;
  }
  return false;
}

/* `__device__ op_t table[] = {add, mul};`: the host copy of a device
 * variable only stands for its symbol, and the device functions its
 * initializer names are not in the host code: the initializer goes (the
 * device copy keeps it). */
static void drop_device_initializer(Rw *r, const Decl *d) {
  int eq = cut_default(r, d->start, d->end);
  if (eq >= d->end) return;
  for (int i = eq + 1; i < d->end; i++)
    if (is_id(r, i) && names_device_function(r, i)) {
      remove_tokens(r, eq, d->end);
      return;
    }
}

/* Acts on the declaration that starts at s; returns the index of the last
 * token the walk may skip (a kept function body is walked as code). */
static int handle_decl(Rw *r, int s, bool in_class) {
  Decl d = read_decl(r, s);
  if (d.end >= r->nt) {
    fail(r, r->t[s].pos, "unterminated declaration");
    return r->nt;
  }
  bool func = d.params >= 0;
  if (func && d.device && !d.host && !d.global) { /* device-only: not for the host */
    note_device_function(r, d.params - 1);
    remove_tokens(r, s, d.end + 1);
    return d.end;
  }
  int head_end = d.body >= 0 ? d.body : d.end;
  strip_qualifiers(r, s, head_end);
  if (func && d.global) {
    if (d.body >= 0) make_stub(r, &d);
    return d.end;
  }
  if (!func && !in_class && !d.is_extern && !d.is_typedef && !d.is_template &&
      (d.device || d.constant || d.managed)) {
    int cut[3];
    if (split_commas(r, d.start, d.end, cut, 2) == 1) drop_device_initializer(r, &d);
    register_vars(r, &d);
  }
  return d.body >= 0 ? d.body - 1 : d.end;
}

/* index of the '{' opening the body that closes at end */
static int match_back_brace(const Rw *r, int end) {
  int d = 0;
  for (int j = end; j >= 0; j--) {
    if (is(r, j, "}")) d++;
    else if (is(r, j, "{") && --d == 0) return j;
  }
  return -1;
}

/* ---- extended lambdas ---------------------------------------------------- */

/* the line (and file, as the line markers `# 12 "f.cu"` spell it) of the
 * text at pos; positions are asked for in increasing order */
static void line_at(Rw *r, size_t pos, int *line, const char **file, size_t *file_len) {
  for (size_t i = r->at.pos; i <= pos && i < r->n; i++) {
    if (i > 0 && r->src[i - 1] != '\n') continue;
    if (i > 0) r->at.line++; /* a new line begins at i */
    size_t j = i;
    while (j < r->n && (r->src[j] == ' ' || r->src[j] == '\t')) j++;
    if (j >= r->n || r->src[j] != '#') continue;
    j++;
    while (j < r->n && r->src[j] == ' ') j++;
    if (r->n - j > 4 && !memcmp(r->src + j, "line", 4)) j += 4;
    while (j < r->n && r->src[j] == ' ') j++;
    if (j >= r->n || !isdigit((unsigned char)r->src[j])) continue;
    int n = 0;
    while (j < r->n && isdigit((unsigned char)r->src[j])) n = n * 10 + (r->src[j++] - '0');
    while (j < r->n && r->src[j] == ' ') j++;
    if (j < r->n && r->src[j] == '"') {
      size_t e = j + 1;
      while (e < r->n && r->src[e] != '"' && r->src[e] != '\n') e++;
      r->at.file = r->src + j + 1;
      r->at.file_len = e - j - 1;
    }
    r->at.line = n - 1; /* the line after the marker is n */
  }
  if (pos + 1 > r->at.pos) r->at.pos = pos + 1;
  *line = r->at.line;
  *file = r->at.file ? r->at.file : "";
  *file_len = r->at.file ? r->at.file_len : 0;
}

static bool is_lambda_specifier(const Rw *r, int i) {
  return is(r, i, "__device__") || is(r, i, "__host__") || is(r, i, "mutable") ||
         is(r, i, "constexpr") || is(r, i, "noexcept");
}

/* `[caps] specifiers (params)? specifiers (-> R)? {body}` with __device__
 * among the specifiers, at i: the index of the body's '}', else -1 */
static int extended_lambda_end(const Rw *r, int i) {
  int j = match(r, i) + 1;
  bool device = false;
  for (int part = 0; part < 2 && j < r->nt; part++) {
    for (; j < r->nt && is_lambda_specifier(r, j); j++) device |= is(r, j, "__device__");
    if (part == 0 && is(r, j, "(")) j = match(r, j) + 1;
  }
  if (!device) return -1;
  if (is(r, j, "->"))
    while (j < r->nt && !is(r, j, "{") && !is(r, j, ";")) j++;
  return is(r, j, "{") ? match(r, j) : -1;
}

/* the names after "key line index " in r->captures: start and length of
 * the rest of the line, or NULL */
static const char *captures_of(const Rw *r, int key, int line, int index, size_t *len) {
  for (const char *s = r->captures; s && *s;) {
    const char *eol = strchr(s, '\n');
    if (!eol) eol = s + strlen(s);
    int k, l, x, used = 0;
    if (sscanf(s, "%d %d %d%n", &k, &l, &x, &used) == 3 && k == key && l == line && x == index) {
      const char *names = s + used;
      while (names < eol && *names == ' ') names++;
      *len = (size_t)(eol - names);
      return names;
    }
    s = *eol ? eol + 1 : eol;
  }
  return NULL;
}

/* `[caps]` → `[a, b]` (the device's captures) and, but for a lambda the
 * host calls too, `{body}` → `{}` */
static void use_device_captures(Rw *r, int i, int end, const char *names, size_t len,
                                bool host_too) {
  char *list = malloc(len * 2 + 3);
  if (!list) { r->oom = true; return; }
  size_t n = 0;
  list[n++] = '[';
  for (size_t k = 0; k < len; k++) {
    if (names[k] == ' ') { list[n++] = ','; list[n++] = ' '; }
    else list[n++] = names[k];
  }
  list[n++] = ']';
  list[n] = 0;
  int close = match(r, i);
  add_edit(r, r->t[i].pos, r->t[close].pos + 1 - r->t[i].pos, list);
  int open = match_back_brace(r, end);
  if (!host_too && open >= 0 && open + 1 < end) remove_tokens(r, open + 1, end);
}

/* wraps the extended lambda [i, end] for the kernel that receives it */
static void wrap_lambda(Rw *r, int i, int end) {
  int line;
  const char *file;
  size_t file_len;
  line_at(r, r->t[i].pos, &line, &file, &file_len);
  int key = cw_file_name_key(file, file_len);
  if (key == r->lambda_key && line == r->lambda_line) r->lambda_index++;
  else r->lambda_index = 0;
  r->lambda_key = key;
  r->lambda_line = line;
  add_edit(r, r->t[i].pos, 0,
           fmt("__cuwasm_device_lambda_make<%d, %d, %d>(", key, line, r->lambda_index));
  add_edit(r, r->t[end].pos + 1, 0, fmt(")"));
  r->lambda_end = end;
  bool host_too = false;
  for (int k = match(r, i); k < end && !is(r, k, "{"); k++) host_too |= is(r, k, "__host__");
  size_t len;
  const char *names = captures_of(r, key, line, r->lambda_index, &len);
  if (names) use_device_captures(r, i, end, names, len, host_too);
}

/* ---- the walk ------------------------------------------------------------------ */

typedef enum { B_SCOPE, B_CLASS, B_CODE } BraceKind;

/* `__attribute__((…))`, `alignas(…)`, `__align__(…)` (already expanded
 * or not), `__declspec(…)`: the index of the closing `)`, else i. */
static int skip_attribute(const Rw *r, int i, int end) {
  if (!(is(r, i, "__attribute__") || is(r, i, "alignas") || is(r, i, "__align__") ||
        is(r, i, "__declspec")) || i + 1 >= end || !is(r, i + 1, "("))
    return i;
  int depth = 0;
  for (int k = i + 1; k < end; k++) {
    if (is(r, k, "(")) depth++;
    if (is(r, k, ")") && --depth == 0) return k;
  }
  return i;
}

static BraceKind classify_brace(const Rw *r, int start, int brace) {
  for (int i = start; i < brace; i++) {
    /* a template's parameters may hold defaults: `typename D = T` */
    if (is(r, i, "template") && is(r, i + 1, "<")) { i = match_angle(r, i + 1); continue; }
    i = skip_attribute(r, i, brace); /* struct __align__(8) P { … } is a class */
    if (is(r, i, "namespace")) return B_SCOPE;
    if (is(r, i, "extern") && r->t[i + 1].kind == T_STR && i + 2 == brace) return B_SCOPE;
    if (is(r, i, "(") ) return B_CODE;
    if (is(r, i, "=")) return B_CODE;
  }
  for (int i = start; i < brace; i++)
    if (is(r, i, "struct") || is(r, i, "class") || is(r, i, "union")) return B_CLASS;
  return B_CODE;
}

static char *ns_name_of(const Rw *r, int start, int brace) {
  for (int i = start; i + 1 < brace; i++)
    if (is(r, i, "namespace") && is_id(r, i + 1)) return tok_text(r, i + 1, brace);
  return NULL;
}

static void walk(Rw *r) {
  BraceKind stack[512];
  bool stack_ns[512];
  int depth = 0, decl_start = 0;
  for (int i = 0; i < r->nt && !r->failed && !r->oom; i++) {
    BraceKind cur = depth ? stack[depth - 1] : B_SCOPE;
    if (is(r, i, "<") && chevrons(r, i, '<')) {
      i = rewrite_launch(r, i) - 1;
      continue;
    }
    if (cur == B_CODE && is(r, i, "[") && i > r->lambda_end) {
      int end = extended_lambda_end(r, i);
      if (end >= 0 && end < r->nt) wrap_lambda(r, i, end);
    }
    if (cur == B_CODE && (is(r, i, "__host__") || is(r, i, "__device__"))) {
      /* a local class's `__host__ __device__` members (Thrust) or an
       * extended lambda: host code either way */
      remove_tokens(r, i, i + 1);
      continue;
    }
    if (cur != B_CODE && i >= decl_start && is_qualifier_tok(r, i)) {
      i = handle_decl(r, decl_start, cur == B_CLASS) ;
      decl_start = i + 1;
      continue;
    }
    if (is(r, i, "{")) {
      BraceKind k = cur == B_CODE ? B_CODE : classify_brace(r, decl_start, i);
      char *ns = k == B_SCOPE ? ns_name_of(r, decl_start, i) : NULL;
      if (depth < 512) {
        stack_ns[depth] = ns != NULL;
        stack[depth++] = k;
      }
      if (ns && r->nns < 64) r->ns[r->nns++] = ns;
      else free(ns);
      decl_start = i + 1;
    } else if (is(r, i, "}")) {
      if (depth > 0 && stack_ns[--depth] && r->nns > 0) free(r->ns[--r->nns]);
      decl_start = i + 1;
    } else if (is(r, i, ";")) {
      decl_start = i + 1;
    } else if (is(r, i, ":") && (is(r, i - 1, "public") || is(r, i - 1, "private") ||
                                 is(r, i - 1, "protected"))) {
      decl_start = i + 1;
    }
  }
}

/* ---- applying the edits ------------------------------------------------------------ */

static int cmp_edit(const void *a, const void *b) {
  const Edit *x = a, *y = b;
  if (x->pos != y->pos) return x->pos < y->pos ? -1 : 1;
  return (x->del > 0) - (y->del > 0); /* insertions before a removal at the same place */
}

static char *apply(Rw *r) {
  if (r->ne) qsort(r->e, (size_t)r->ne, sizeof *r->e, cmp_edit); /* r->e may be NULL */
  size_t total = r->n + r->nsyms + 64;
  for (int i = 0; i < r->ne; i++) total += strlen(r->e[i].ins);
  char *out = malloc(total + 1);
  if (!out) return NULL;
  size_t o = 0, at = 0;
  for (int i = 0; i < r->ne; i++) {
    Edit *e = &r->e[i];
    if (e->pos < at) continue; /* overlapped by an earlier removal */
    if (e->pos > r->n) break;  /* malformed input: an edit past the end */
    memcpy(out + o, r->src + at, e->pos - at);
    o += e->pos - at;
    size_t k = strlen(e->ins);
    memcpy(out + o, e->ins, k);
    o += k;
    at = e->del > r->n - e->pos ? r->n : e->pos + e->del;
  }
  memcpy(out + o, r->src + at, r->n - at);
  o += r->n - at;
  out[o++] = '\n';
  if (r->nsyms) memcpy(out + o, r->syms, r->nsyms);
  o += r->nsyms;
  out[o] = 0;
  return out;
}

static void rw_free(Rw *r) {
  for (int i = 0; i < r->ne; i++) free(r->e[i].ins);
  for (int i = 0; i < r->nns; i++) free(r->ns[i]);
  free(r->e);
  free(r->t);
  free(r->syms);
  free(r->devfn);
}

char *cw_cc_rewrite(const char *text, size_t len, const char *captures, char *err, size_t errn) {
  Rw r = {.src = text, .n = len, .err = err, .errn = errn, .lambda_end = -1, .captures = captures};
  r.at.line = 1;
  if (errn) err[0] = 0;
  tokenize(&r);
  if (!r.oom) walk(&r);
  char *out = NULL;
  if (r.oom) snprintf(err, errn, "out of memory");
  else if (!r.failed) out = apply(&r);
  rw_free(&r);
  return out;
}

int cw_cc_string_literal(char **buf, size_t *len, const char *data, size_t n) {
  size_t cap = *len + n * 5 + 16;
  char *b = realloc(*buf, cap);
  if (!b) return -1;
  size_t o = *len;
  b[o++] = '"';
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)data[i];
    if (c == '\n') {
      memcpy(b + o, "\\n\"\n\"", 5);
      o += 5;
    } else if (c == '"' || c == '\\' || c == '?') {
      b[o++] = '\\';
      b[o++] = (char)c;
    } else if (c >= 32 && c < 127) {
      b[o++] = (char)c;
    } else {
      o += (size_t)snprintf(b + o, 5, "\\%03o", c);
    }
  }
  b[o++] = '"';
  b[o] = 0;
  *buf = b;
  *len = o;
  return 0;
}
