/*
 * lex.c — turns one source file into a list of preprocessing tokens.
 *
 * The lexer works on a "clean" copy of the text where backslash-newline
 * splices are removed; files without splices (nearly all) are lexed in
 * place.  Locations are computed lazily from the original text with a
 * cursor that only moves forward (memchr over newlines), and a sorted list
 * of splice points maps clean offsets back to original ones, so line and
 * column always refer to what the user sees in the file.
 *
 * Identifiers are interned (see pp_internal.h); punctuator spellings are
 * static strings; so the only per-token allocation is the Token itself,
 * plus the text of literals.  Numbers stay pp-numbers here: their value is
 * decoded by lex_convert_number once the preprocessor knows the token is
 * really used (a malformed number in an #if 0 block is no error).
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "pp_internal.h"

typedef struct Lexer {
  Arena *a;
  Arena *ta;   /* the Token records: a, or the main file's pool */
  Arena *pool; /* the main file's pool (NULL: none) */
  bool pooled; /* ta is the pool */
  CwDiags *d;
  SrcFile *file;
  IdentTable *ids;
  bool report_now;
  const char *buf, *p, *end; /* clean text */
  size_t *splice_at;         /* clean offset after each removed splice */
  size_t *splice_cum;        /* bytes removed up to and including it */
  int nsplice;
  const char *orig; /* location cursor over the original text */
  size_t cur, line_start;
  int line;
  /* where a template's tokens go (pool_brace): braces open, 0 outside a
   * template, 1 in one, 2 in its margin, and tokens of the margin left */
  int depth, layout, margin;
} Lexer;

void pp_diag(CwDiags *d, DiagLevel lv, SrcLoc loc, const char *fmt, ...) {
  if (d->max_errors > 0 && d->errors >= d->max_errors) return;
  va_list ap;
  va_start(ap, fmt);
  diag_vadd(d, lv, loc, fmt, ap);
  va_end(ap);
}

/* ---- identifier table --------------------------------------------------- */

uint32_t ident_hash(const char *s, int len) {
  uint32_t h = 2166136261u;
  for (int i = 0; i < len; i++) h = (h ^ (uint8_t)s[i]) * 16777619u;
  return h;
}

static void ident_grow(Arena *a, IdentTable *t) {
  uint32_t nc = t->cap ? t->cap * 2 : 1024;
  IdentSlot *ns = arena_alloc(a, sizeof(IdentSlot) * nc);
  for (uint32_t i = 0; i < t->cap; i++) {
    IdentSlot sl = t->slots[i];
    if (!sl.id) continue;
    uint32_t j = sl.hash & (nc - 1);
    while (ns[j].id) j = (j + 1) & (nc - 1);
    ns[j] = sl;
  }
  arena_recycle(a, t->slots, sizeof(IdentSlot) * t->cap);
  t->slots = ns;
  t->cap = nc;
}

/* Names are short (a few bytes): a loop beats a call to memcmp. */
static inline bool same_text(const char *x, const char *y, int n) {
  for (int i = 0; i < n; i++)
    if (x[i] != y[i]) return false;
  return true;
}

/* ident_intern's body, inlined into the lexer's loop over names (the
 * call's overhead was a fifth of interning) */
__attribute__((always_inline)) static inline Ident *intern(Arena *a, IdentTable *t,
                                                           const char *s, int len,
                                                           uint32_t hash) {
  if (t->len * 2 >= t->cap) ident_grow(a, t);
  uint32_t j = hash & (t->cap - 1);
  for (IdentSlot *sl; (sl = &t->slots[j])->id; j = (j + 1) & (t->cap - 1)) {
    Ident *id = sl->id;
    if (sl->hash == hash && id->len == len && same_text(id->text, s, len))
      return id;
  }
  Ident *id = arena_alloc(a, sizeof(Ident) + (size_t)len + 1);
  memcpy(id->text, s, (size_t)len);
  id->hash = hash;
  id->len = len;
  t->slots[j].hash = hash;
  t->slots[j].id = id;
  t->len++;
  return id;
}

Ident *ident_intern(Arena *a, IdentTable *t, const char *s, int len,
                    uint32_t hash) {
  return intern(a, t, s, len, hash);
}

Ident *ident_get(Arena *a, IdentTable *t, const char *s) {
  int n = (int)strlen(s);
  return ident_intern(a, t, s, n, ident_hash(s, n));
}

/* ---- source files ------------------------------------------------------- */

/* a file named `name` whose text, NUL-terminated, already lies in `a` */
static SrcFile *srcfile_of(Arena *a, const char *name, const char *text, size_t size) {
  SrcFile *f = arena_alloc(a, sizeof *f);
  f->name = arena_strdup(a, name);
  f->contents = text;
  f->size = size;
  srcfile_register(a, f);
  return f;
}

SrcFile *srcfile_new(Arena *a, const char *name, const char *contents,
                     size_t size) {
  return srcfile_of(a, name, arena_strndup(a, contents, size), size);
}

/* A regular file is read straight into the arena, at the size fstat
 * gives: a buffer growing as it reads and a copy of it into the arena
 * touched twice the file's size in fresh pages (a million-line input is
 * 31 MiB).  NULL (nothing read) when the size is unknown or the file is
 * not that size any more; the caller then reads it as a stream. */
static SrcFile *load_sized(Arena *a, const char *path, FILE *fp) {
  struct stat st;
  if (fstat(fileno(fp), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0)
    return NULL;
  size_t n = (size_t)st.st_size;
  char *text = arena_alloc(a, n + 1); /* zeroed: NUL-terminated */
  if (fread(text, 1, n, fp) != n || fgetc(fp) != EOF) {
    arena_discard(text, n + 1);
    rewind(fp);
    return NULL;
  }
  return srcfile_of(a, path, text, n);
}

SrcFile *srcfile_load(Arena *a, const char *path) {
  FILE *fp = fopen(path, "rb");
  if (!fp) return NULL;
  SrcFile *sized = load_sized(a, path, fp);
  if (sized) {
    fclose(fp);
    return sized;
  }
  StrBuf sb;
  sb_init(&sb);
  char chunk[65536];
  size_t n;
  while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) sb_putn(&sb, chunk, n);
  bool bad = ferror(fp) || sb.failed;
  fclose(fp);
  SrcFile *f = NULL;
  if (!bad) f = srcfile_new(a, path, sb.data ? sb.data : "", sb.len);
  sb_free(&sb);
  return f;
}

/* ---- splices and locations ---------------------------------------------- */

static int splice_len(const char *p, const char *end) {
  if (p[0] != '\\') return 0;
  if (p + 1 < end && p[1] == '\n') return 2;
  if (p + 2 < end && p[1] == '\r' && p[2] == '\n') return 3;
  return 0;
}

/* Builds the clean copy only when the file has a splice at all. */
static void remove_splices(Lexer *L, const char *s, size_t n) {
  const char *end = s + n, *q = s;
  L->buf = s;
  L->end = end;
  while ((q = memchr(q, '\\', (size_t)(end - q))) && !splice_len(q, end)) q++;
  if (!q) return;
  char *out = arena_alloc(L->a, n + 1);
  size_t cap = 16, o = 0, removed = 0;
  L->splice_at = arena_alloc(L->a, cap * sizeof(size_t));
  L->splice_cum = arena_alloc(L->a, cap * sizeof(size_t));
  for (const char *p = s; p < end;) {
    int k = splice_len(p, end);
    if (!k) {
      out[o++] = *p++;
      continue;
    }
    if ((size_t)L->nsplice == cap) {
      size_t *a1 = arena_alloc(L->a, 2 * cap * sizeof(size_t));
      size_t *a2 = arena_alloc(L->a, 2 * cap * sizeof(size_t));
      memcpy(a1, L->splice_at, cap * sizeof(size_t));
      memcpy(a2, L->splice_cum, cap * sizeof(size_t));
      L->splice_at = a1, L->splice_cum = a2, cap *= 2;
    }
    removed += (size_t)k;
    p += k;
    L->splice_at[L->nsplice] = o;
    L->splice_cum[L->nsplice++] = removed;
  }
  L->buf = out;
  L->end = out + o;
}

static size_t orig_offset(Lexer *L, size_t o) {
  int lo = 0, hi = L->nsplice; /* first splice with splice_at > o */
  while (lo < hi) {
    int mid = (lo + hi) / 2;
    if (L->splice_at[mid] <= o) lo = mid + 1;
    else hi = mid;
  }
  return lo ? o + L->splice_cum[lo - 1] : o;
}

static SrcLoc lex_loc_slow(Lexer *L, const char *p) {
  size_t off = orig_offset(L, (size_t)(p - L->buf));
  if (off < L->cur) L->cur = 0, L->line = 1, L->line_start = 0;
  const char *s = L->orig + L->cur, *e = L->orig + off, *nl;
  while (s < e && (nl = memchr(s, '\n', (size_t)(e - s)))) {
    L->line++;
    s = nl + 1;
    L->line_start = (size_t)(s - L->orig);
  }
  L->cur = off;
  return srcloc_make(L->file, L->line, (int)(off - L->line_start) + 1);
}

static inline SrcLoc lex_loc(Lexer *L, const char *p) {
  if (!L->nsplice && (size_t)(p - L->buf) == L->cur) /* skip_space got here */
    return srcloc_make(L->file, L->line, (int)(L->cur - L->line_start) + 1);
  return lex_loc_slow(L, p);
}

/* In a file without splices (the text lexed is the file's), the location
 * cursor follows the lexer: skip_space counts the newlines it passes, so a
 * token's location costs nothing (a memchr call for each token cost more
 * than the rest of lexing it).  (cur, line, line_start) stay consistent at
 * every step, so lex_loc's general path can take over from any point. */
static inline void note_newline(Lexer *L, const char *after) {
  L->line++;
  L->line_start = L->cur = (size_t)(after - L->buf);
}

/* Moves the cursor over a token that may hold newlines (a raw string). */
static void advance_cursor(Lexer *L, const char *to) {
  const char *s = L->buf + L->cur;
  if (L->nsplice || s > to) return; /* lex_loc's general path handles it */
  for (; s < to; s++)
    if (*s == '\n') note_newline(L, s + 1);
  L->cur = (size_t)(to - L->buf);
}

static void lex_error(Lexer *L, const char *p, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static void lex_error(Lexer *L, const char *p, const char *fmt, ...) {
  if (L->d->max_errors > 0 && L->d->errors >= L->d->max_errors) return;
  va_list ap;
  va_start(ap, fmt);
  diag_vadd(L->d, DIAG_ERROR, lex_loc(L, p), fmt, ap);
  va_end(ap);
}

/* ---- escapes ------------------------------------------------------------ */

static int hexval(int c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

static int put_utf8(char *out, uint32_t c) {
  if (c < 0x80) return out[0] = (char)c, 1;
  if (c < 0x800) {
    out[0] = (char)(0xC0 | (c >> 6));
    out[1] = (char)(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    out[0] = (char)(0xE0 | (c >> 12));
    out[1] = (char)(0x80 | ((c >> 6) & 0x3F));
    out[2] = (char)(0x80 | (c & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | ((c >> 18) & 7));
  out[1] = (char)(0x80 | ((c >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((c >> 6) & 0x3F));
  out[3] = (char)(0x80 | (c & 0x3F));
  return 4;
}

/* Decodes one escape after the backslash at *pp; writes bytes to out. */
static int decode_escape(const char **pp, const char *end, char *out) {
  const char *p = *pp + 1;
  int c = p < end ? (unsigned char)*p++ : '\\';
  uint32_t v = 0;
  int n = 0;
  switch (c) {
  case 'n': v = '\n'; break;
  case 't': v = '\t'; break;
  case 'r': v = '\r'; break;
  case 'a': v = 7; break;
  case 'b': v = 8; break;
  case 'f': v = 12; break;
  case 'v': v = 11; break;
  case 'e': v = 27; break;
  case 'x':
    while (p < end && hexval(*p) >= 0) v = v * 16 + (uint32_t)hexval(*p++);
    break;
  case 'u': case 'U':
    for (int k = c == 'u' ? 4 : 8; k > 0 && p < end && hexval(*p) >= 0; k--)
      v = v * 16 + (uint32_t)hexval(*p++);
    *pp = p;
    return put_utf8(out, v > 0x10FFFF ? 0xFFFD : v);
  default:
    if (c >= '0' && c <= '7') {
      v = (uint32_t)(c - '0');
      for (n = 1; n < 3 && p < end && *p >= '0' && *p <= '7'; n++)
        v = v * 8 + (uint32_t)(*p++ - '0');
    } else {
      v = (uint32_t)c; /* \\ \' \" \? and unknown escapes: the char */
    }
  }
  *pp = p;
  out[0] = (char)v;
  return 1;
}

/* Decodes the body [s, e) of a literal into the arena. */
static char *decode_body(Arena *a, const char *s, const char *e, int *len) {
  char *out = arena_alloc(a, (size_t)(e - s) + 1);
  int n = 0;
  while (s < e) {
    if (*s == '\\') n += decode_escape(&s, e, out + n);
    else out[n++] = *s++;
  }
  out[n] = 0;
  *len = n;
  return out;
}

/* ---- tokens ------------------------------------------------------------- */

_Static_assert(sizeof(Token) <= 40, "Token grew: a million-line input makes tens of millions");

__attribute__((noinline, cold)) static size_t too_long(Lexer *L, const char *s, size_t n) {
  lex_error(L, s, "token is too long (%zu bytes; at most %d)", n, TOKEN_MAX_LEN);
  return TOKEN_MAX_LEN;
}

__attribute__((always_inline)) static inline Token *new_tok(Lexer *L, TokenKind k, const char *s,
                                                           const char *e) {
  SrcLoc loc = lex_loc(L, s);
  size_t n = (size_t)(e - s);
  if (__builtin_expect(n > TOKEN_MAX_LEN, 0)) n = too_long(L, s, n);
  Token *t = arena_alloc(L->ta, sizeof *t);
  /* one store of the whole token: assigning bit-fields one by one reads
   * the fresh page first, and the kernel then maps it twice (a zero page
   * for the read, a real one for the write) */
  *t = (Token){.kind = k, .pooled = L->pooled, .loc = loc, .len = (unsigned)n};
  return t;
}

static Token *copy_spelling(Lexer *L, Token *t, const char *s) {
  t->spelling = arena_strndup(L->a, s, (size_t)t->len);
  return t;
}

/* character classes of the lexer's hot loops, by byte: a table rather
 * than <ctype.h>, whose every test is a call to find the locale's table */
enum { CH_IDENT1 = 1, CH_DIGIT = 2 };
static const unsigned char char_class[256] = {
#define R10(c) [c] = CH_DIGIT, [c + 1] = CH_DIGIT, [c + 2] = CH_DIGIT, [c + 3] = CH_DIGIT, \
    [c + 4] = CH_DIGIT, [c + 5] = CH_DIGIT, [c + 6] = CH_DIGIT, [c + 7] = CH_DIGIT,   \
    [c + 8] = CH_DIGIT, [c + 9] = CH_DIGIT
    R10('0'),
#undef R10
#define L(c) [c] = CH_IDENT1, [c + 32] = CH_IDENT1
    L('A'), L('B'), L('C'), L('D'), L('E'), L('F'), L('G'), L('H'), L('I'),
    L('J'), L('K'), L('L'), L('M'), L('N'), L('O'), L('P'), L('Q'), L('R'),
    L('S'), L('T'), L('U'), L('V'), L('W'), L('X'), L('Y'), L('Z'),
#undef L
    ['_'] = CH_IDENT1, ['$'] = CH_IDENT1,
    [0x80 ... 0xFF] = CH_IDENT1,
};

static inline bool is_ident1(int c) { return char_class[c & 0xFF] & CH_IDENT1; }
static inline bool is_ident2(int c) { return char_class[c & 0xFF] != 0; }
static inline bool is_alnum(int c) { return c < 0x80 && char_class[c] != 0 && c != '_' && c != '$'; }

/* Length of the punctuator at p (0: none); longest match. */
static int punct_len(const char *p) {
  char c = p[0], d = p[1];
  switch (c) {
  case '<': case '>':
    if (d == c) return p[2] == '=' ? 3 : 2;
    return d == '=' ? 2 : 1;
  case '.':
    if (d == '.' && p[2] == '.') return 3;
    return d == '*' ? 2 : 1;
  case '-':
    if (d == '>') return p[2] == '*' ? 3 : 2;
    return d == '-' || d == '=' ? 2 : 1;
  case '+': case '&': case '|':
    return d == c || d == '=' ? 2 : 1;
  case '=': case '!': case '*': case '/': case '%': case '^':
    return d == '=' ? 2 : 1;
  case '#': case ':':
    return d == c ? 2 : 1;
  case '(': case ')': case '[': case ']': case '{': case '}':
  case ',': case ';': case '?': case '~':
    return 1;
  default:
    return 0;
  }
}

static const char *const punct1[128] = {
    ['!'] = "!", ['#'] = "#", ['%'] = "%", ['&'] = "&", ['('] = "(",
    [')'] = ")", ['*'] = "*", ['+'] = "+", [','] = ",", ['-'] = "-",
    ['.'] = ".", ['/'] = "/", [':'] = ":", [';'] = ";", ['<'] = "<",
    ['='] = "=", ['>'] = ">", ['?'] = "?", ['['] = "[", [']'] = "]",
    ['^'] = "^", ['{'] = "{", ['|'] = "|", ['}'] = "}", ['~'] = "~",
};
static const char *const punct_long[] = {
    "<<=", ">>=", "...", "->*", "==", "!=", "<=", ">=", "->", "++", "--",
    "<<",  ">>",  "&&",  "||",  "+=", "-=", "*=", "/=", "%=", "&=", "|=",
    "^=",  "##",  "::",  ".*",
};

/* punct_len found n: a spelling of n characters matches its first two
 * and, for three, its third (no call to strlen or memcmp per entry) */
static const char *punct_spelling(const char *p, int n) {
  if (n == 1) return punct1[(unsigned char)p[0]];
  for (size_t i = 0; i < sizeof punct_long / sizeof *punct_long; i++) {
    const char *q = punct_long[i];
    if (q[0] == p[0] && q[1] == p[1] && (n == 2 ? q[2] == 0 : q[2] == p[2]))
      return q;
  }
  return "?";
}

static const char *scan_number(const char *p) {
  for (;;) {
    if ((*p == 'e' || *p == 'E' || *p == 'p' || *p == 'P') &&
        (p[1] == '+' || p[1] == '-'))
      p += 2;
    else if (is_alnum((unsigned char)*p) || *p == '.' || *p == '_')
      p++;
    else if (*p == '\'' && is_alnum((unsigned char)p[1]))
      p += 2;
    else
      return p;
  }
}

/* Scans a quoted literal whose opening quote is at q.  Returns the end of
 * the token; *ok is false when the line or file ended first. */
static const char *scan_quoted(Lexer *L, const char *q, bool *ok) {
  char quote = *q;
  const char *p = q + 1;
  for (; p < L->end && *p != quote; p++) {
    if (*p == '\n') break;
    if (*p == '\\' && p + 1 < L->end && p[1] != '\n') p++;
  }
  *ok = p < L->end && *p == quote;
  return *ok ? p + 1 : p;
}

static void bad_literal(Lexer *L, Token *t, const char *s, char quote) {
  t->invalid = true;
  if (L->report_now)
    lex_error(L, s, quote == '"' ? "missing terminating '\"' character"
                                 : "missing terminating ' character");
}

/* A string or char literal; `s` at its prefix, `q` at the quote. */
static Token *lex_quoted(Lexer *L, const char *s, const char *q) {
  bool ok;
  const char *e = scan_quoted(L, q, &ok);
  Token *t = copy_spelling(L, new_tok(L, *q == '"' ? TK_STR : TK_CHAR, s, e), s);
  if (!ok) {
    bad_literal(L, t, s, *q);
    L->p = e;
    t->str = "";
    return t;
  }
  int n;
  char *body = decode_body(L->a, q + 1, e - 1, &n);
  L->p = e;
  if (t->kind == TK_STR) {
    t->str = body, t->str_len = n;
    return t;
  }
  t->num_kind = NUM_INT;
  if (q == s) { /* plain char: signed, multi-char packs bytes like gcc */
    int64_t v = 0;
    for (int i = 0; i < n; i++)
      v = n == 1 ? (signed char)body[i] : (int32_t)(((uint64_t)v << 8) | (uint8_t)body[i]);
    t->ival = (uint64_t)v;
  } else {
    uint32_t c = n ? (uint8_t)body[0] : 0; /* prefixed: first code point */
    int k = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC0 ? 1 : 0;
    if (k) c &= 0x3F >> k;
    for (int i = 1; i <= k && i < n; i++) c = (c << 6) | ((uint8_t)body[i] & 0x3F);
    t->ival = c;
  }
  return t;
}

/* R"delim( ... )delim" — only the content is kept, verbatim. */
static Token *lex_raw(Lexer *L, const char *s, const char *q) {
  const char *d = q + 1, *o = d;
  while (o < L->end && o - d <= 16 && *o != '(' && *o != '"' && *o != '\n') o++;
  size_t dl = (size_t)(o - d);
  const char *c = o < L->end && *o == '(' ? o + 1 : NULL, *e = c;
  for (; c && e < L->end; e++)
    if (*e == ')' && (size_t)(L->end - e) > dl + 1 && !memcmp(e + 1, d, dl) &&
        e[dl + 1] == '"')
      break;
  if (!c || e >= L->end) {
    const char *nl = memchr(q, '\n', (size_t)(L->end - q));
    Token *t = new_tok(L, TK_STR, s, nl ? nl : L->end);
    copy_spelling(L, t, s)->str = "";
    bad_literal(L, t, s, '"');
    L->p = nl ? nl : L->end;
    return t;
  }
  Token *t = copy_spelling(L, new_tok(L, TK_STR, s, e + dl + 2), s);
  t->str = arena_strndup(L->a, c, (size_t)(e - c));
  t->str_len = (int)(e - c);
  L->p = e + dl + 2;
  advance_cursor(L, L->p); /* its newlines */
  return t;
}

static bool is_prefix(const char *s, int n, bool raw) {
  if (raw) {
    if (s[n - 1] != 'R') return false;
    n--;
    if (n == 0) return true;
  }
  return (n == 1 && (*s == 'u' || *s == 'U' || *s == 'L')) ||
         (n == 2 && s[0] == 'u' && s[1] == '8');
}

/* ---- templates out of the pool ------------------------------------------- */

/* The parser gives back the pool's pages that hold only tokens of
 * declarations it is done with, and keeps a template's tokens (parsed
 * again per instance) with KEPT_TOKENS_MARGIN tokens after it.  So the
 * lexer puts each namespace-scope `template` and the tokens up to the end
 * of its margin in the arena instead (not `pooled`): kept tokens lie
 * dense there, the pool holds only tokens the parser may give back, and
 * the parser's ranges of released tokens run on across a template
 * (parse_release.c).  It only tracks braces, so a macro that opens or
 * closes one can fool it: some of a template's tokens are then in the
 * pool, which the parser sees (they are `pooled`) and keeps.  The lexer's
 * paths for punctuators and names call it only for `{`, `}`, `;` and
 * `template`: every token of a large file goes through there. */

/* after a `{`, `}` or `;` of the main file */
__attribute__((noinline)) static void pool_brace(Lexer *L, char c) {
  bool ends = false;
  if (c == '{') L->depth++;
  else if (c == '}') ends = L->depth > 0 && --L->depth == 0;
  else ends = L->depth == 0;
  if (ends && L->layout == 1) {
    L->layout = 2;
    L->margin = KEPT_TOKENS_MARGIN + 1; /* pool_margin counts this token too */
  }
}

/* t, a `template` just lexed (the pool's last allocation, not yet
 * linked), or its copy in the arena */
__attribute__((noinline)) static Token *pool_template(Lexer *L, Token *t) {
  if (L->depth) return t;
  if (L->layout == 0 && L->pooled && (char *)t + sizeof *t == L->pool->cur) {
    Token copy = *t;
    memset(t, 0, sizeof *t); /* given back: the arena's memory is zeroed */
    L->pool->cur = (char *)t;
    L->ta = L->a;
    L->pooled = false;
    t = arena_alloc(L->ta, sizeof *t);
    *t = copy;
    t->pooled = false;
  }
  L->layout = 1; /* a template within the margin joins the kept run */
  return t;
}

/* after each token: the margin of a template counts down */
static inline void pool_margin(Lexer *L) {
  if (__builtin_expect(L->layout == 2, 0) && --L->margin == 0) {
    L->layout = 0;
    L->ta = L->pool; /* the token after the margin goes to the pool again */
    L->pooled = true;
  }
}

static Token *lex_ident(Lexer *L, const char *s) {
  const char *p = s;
  uint32_t h = 2166136261u;
  while (is_ident2((unsigned char)*p)) h = (h ^ (uint8_t)*p++) * 16777619u;
  int n = (int)(p - s);
  if (*p == '"' && n <= 3 && is_prefix(s, n, true)) return lex_raw(L, s, p);
  if ((*p == '"' || *p == '\'') && n <= 2 && is_prefix(s, n, false))
    return lex_quoted(L, s, p);
  Token *t = new_tok(L, TK_IDENT, s, p);
  t->spelling = intern(L->a, L->ids, s, n, h)->text;
  L->p = p;
  if (__builtin_expect(n == 8, 0) && L->pool && !memcmp(s, "template", 8)) t = pool_template(L, t);
  return t;
}

static Token *lex_stray(Lexer *L, const char *s) {
  Token *t = copy_spelling(L, new_tok(L, TK_PUNCT, s, s + 1), s);
  t->invalid = true;
  if (L->report_now) lex_report_invalid(L->d, t);
  L->p = s + 1;
  return t;
}

void lex_report_invalid(CwDiags *d, const Token *t) {
  if (t->kind == TK_STR)
    pp_diag(d, DIAG_ERROR, t->loc, "missing terminating '\"' character");
  else if (t->kind == TK_CHAR)
    pp_diag(d, DIAG_ERROR, t->loc, "missing terminating ' character");
  else if (isprint((unsigned char)t->spelling[0]))
    pp_diag(d, DIAG_ERROR, t->loc, "stray '%c' in program", t->spelling[0]);
  else
    pp_diag(d, DIAG_ERROR, t->loc, "stray '\\%03o' in program",
            (unsigned char)t->spelling[0]);
}

/* Skips blanks and comments; notes newlines and whitespace. */
static void skip_space(Lexer *L, bool *bol, bool *space) {
  const char *p = L->p;
  bool track = !L->nsplice;
  for (;;) {
    if (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\v' || *p == '\f') {
      p++, *space = true;
    } else if (*p == '\n') {
      p++, *bol = true, *space = true;
      if (track) note_newline(L, p);
    } else if (p[0] == '/' && p[1] == '/') {
      const char *nl = memchr(p, '\n', (size_t)(L->end - p));
      p = nl ? nl : L->end;
      *space = true;
    } else if (p[0] == '/' && p[1] == '*') {
      const char *q = p + 2;
      while (q + 1 < L->end && !(q[0] == '*' && q[1] == '/')) q++;
      if (q + 1 >= L->end) {
        lex_error(L, p, "unterminated /* comment");
        p = L->end;
      } else {
        if (track)
          for (const char *r = p + 2; r < q; r++)
            if (*r == '\n') note_newline(L, r + 1);
        p = q + 2;
      }
      *space = true;
    } else {
      break;
    }
  }
  L->p = p;
  if (track && p < L->end) L->cur = (size_t)(p - L->buf);
  else advance_cursor(L, p);
}

static Token *lex_one(Lexer *L) {
  const char *s = L->p;
  unsigned char c = (unsigned char)*s;
  if (is_ident1(c)) return lex_ident(L, s);
  if ((char_class[c] & CH_DIGIT) || (c == '.' && (char_class[(unsigned char)s[1]] & CH_DIGIT))) {
    const char *e = scan_number(s);
    L->p = e;
    /* interned like a name: the same few literals (0, 1, 256, 1.0f)
     * recur on every line, and each copy took 8 to 16 bytes */
    Token *t = new_tok(L, TK_NUM, s, e);
    t->spelling = ident_intern(L->a, L->ids, s, (int)t->len, ident_hash(s, (int)t->len))->text;
    return t;
  }
  if (c == '"' || c == '\'') return lex_quoted(L, s, s);
  int n = punct_len(s);
  if (!n) return lex_stray(L, s);
  Token *t = new_tok(L, TK_PUNCT, s, s + n);
  t->spelling = punct_spelling(s, n);
  L->p = s + n;
  if (__builtin_expect(L->pool != NULL, 0) && n == 1 && (c == '{' || c == '}' || c == ';'))
    pool_brace(L, (char)c);
  return t;
}

Token *lex_tokens(Arena *a, CwDiags *d, SrcFile *f, IdentTable *ids,
                  bool report_now, Arena *pool, Token **last) {
  Lexer L = {.a = a, .ta = pool ? pool : a, .pool = pool, .pooled = pool != NULL, .d = d, .file = f,
             .ids = ids, .report_now = report_now, .orig = f->contents, .line = 1};
  remove_splices(&L, f->contents, f->size);
  L.p = L.buf;
  Token head = {0}, *cur = &head;
  bool bol = true, space = false;
  for (;;) {
    skip_space(&L, &bol, &space);
    if (L.p >= L.end) break;
    Token *t = lex_one(&L);
    pool_margin(&L);
    t->at_bol = bol;
    t->has_space = space;
    bol = space = false;
    cur = cur->next = t;
  }
  Token *eof = new_tok(&L, TK_EOF, L.end, L.end);
  eof->spelling = "";
  eof->at_bol = true;
  cur->next = eof;
  if (last) *last = eof;
  return head.next;
}

Token *lex_file(Arena *a, CwDiags *d, SrcFile *file) {
  IdentTable ids = {0};
  Token *tok = lex_tokens(a, d, file, &ids, true, NULL, NULL);
  for (Token *t = tok; t; t = t->next)
    if (t->kind == TK_NUM) lex_convert_number(d, t);
  return tok;
}

bool tok_is(const Token *t, const char *s) {
  return (t->kind == TK_IDENT || t->kind == TK_PUNCT) &&
         t->spelling[0] == s[0] && !strcmp(t->spelling, s);
}

/* ---- numbers ------------------------------------------------------------ */

/* Reads u/l suffixes; false when the suffix is anything else. */
static bool int_suffix(const char *s, bool *u, int *l) {
  *u = false, *l = 0;
  for (; *s; s++) {
    if ((*s == 'u' || *s == 'U') && !*u) {
      *u = true;
    } else if ((*s == 'l' || *s == 'L') && !*l) {
      *l = 1;
      if (s[1] == s[0]) *l = 2, s++;
    } else {
      return false;
    }
  }
  return true;
}

/* The first type of the C list for this literal that holds v. */
static NumKind int_kind(uint64_t v, bool dec, bool u, int l) {
  if (l == 2) return u || (!dec && v > INT64_MAX) ? NUM_ULLONG : NUM_LLONG;
  if (v > INT64_MAX) return l == 2 ? NUM_ULLONG : NUM_ULONG;
  if (l == 1) return u ? NUM_ULONG : NUM_LONG;
  if (u) return v <= UINT32_MAX ? NUM_UINT : NUM_ULONG;
  if (v <= INT32_MAX) return NUM_INT;
  if (!dec && v <= UINT32_MAX) return NUM_UINT;
  return NUM_LONG;
}

static bool convert_int(CwDiags *d, Token *t, const char *s) {
  int base = 10;
  const char *p = s;
  if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) base = 16, p += 2;
  else if (p[0] == '0' && (p[1] == 'b' || p[1] == 'B')) base = 2, p += 2;
  else if (p[0] == '0') base = 8;
  uint64_t v = 0;
  bool overflow = false;
  const char *digits = p;
  for (int dv; (dv = hexval(*p)) >= 0 && dv < base; p++) {
    if (v > (UINT64_MAX - (uint64_t)dv) / (uint64_t)base) overflow = true;
    v = v * (uint64_t)base + (uint64_t)dv;
  }
  bool u;
  int l;
  if (p == digits && base != 8) return false;
  if (!int_suffix(p, &u, &l)) return false;
  if (overflow) {
    if (d)
      pp_diag(d, DIAG_ERROR, t->loc,
              "integer literal is too large to be represented in any "
              "integer type");
    v = UINT64_MAX;
  }
  t->ival = v;
  t->num_kind = int_kind(v, base == 10, u, l);
  return true;
}

static bool convert_float(Token *t, char *s, size_t n, bool hex) {
  NumKind k = NUM_DOUBLE;
  char last = n ? s[n - 1] : 0;
  if (last == 'f' || last == 'F') k = NUM_FLOAT, s[--n] = 0;
  else if (last == 'l' || last == 'L') k = NUM_LDOUBLE, s[--n] = 0;
  if (hex && !strpbrk(s, "pP")) return false;
  char *end;
  errno = 0;
  double v = strtod(s, &end);
  if (end != s + n || n == 0) return false;
  t->fval = v;
  t->num_kind = k;
  return true;
}

bool lex_convert_number(CwDiags *d, Token *t) {
  char buf[512];
  size_t n = 0;
  for (const char *p = t->spelling; *p && n + 1 < sizeof buf; p++)
    if (*p != '\'') buf[n++] = *p;
  buf[n] = 0;
  bool hex = buf[0] == '0' && (buf[1] == 'x' || buf[1] == 'X');
  bool is_float = hex ? strpbrk(buf, ".pP") != NULL
                      : strpbrk(buf, ".eE") != NULL;
  bool ok = n + 1 < sizeof buf &&
            (is_float ? convert_float(t, buf, n, hex) : convert_int(d, t, buf));
  if (!ok && d)
    pp_diag(d, DIAG_ERROR, t->loc, "invalid numeric literal '%s'", t->spelling);
  return ok;
}
