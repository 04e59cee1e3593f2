/*
 * pp.c — the preprocessor driver: directives, includes, conditionals.
 *
 * Each file is lexed whole, then the driver walks the token list once,
 * relinking ordinary tokens into the output (no copies), expanding macros
 * (pp_macro.c) and obeying directives.  An included file's tokens are
 * spliced in front of the rest of the includer and end in an end-of-file
 * marker (a TK_EOF whose next is not NULL): reaching it pops the include
 * frame, which is where per-file checks happen (unterminated #if,
 * include-guard detection).  Skipped conditional blocks are walked as
 * tokens, looking only at '#' that start a line.
 *
 * Files are remembered by path in the identifier table (an Ident's `file`
 * slot): their text is read once, `#pragma once` and detected include
 * guards are recorded there, and missing files are remembered too.  Each
 * path looked up is reported once to opt->note_input, for caches that
 * must know everything a translation depended on.
 *
 * Runaway input (exponential macros, include fan-out) is bounded by a
 * token budget proportional to the input; exhausting it, or nesting
 * expansions too deeply, reports an error and unwinds to preprocess(),
 * which returns what was produced so far.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "pp_internal.h"

enum { MAX_INCLUDE_DEPTH = 200, BASE_BUDGET = 1 << 20, BUDGET_PER_BYTE = 16 };

static void abort_run(PP *pp, const Token *at) {
  pp_error(pp, at, "preprocessor output too large (runaway macro expansion "
                   "or inclusion)");
  longjmp(*pp->abort, 1);
}

Token *pp_new_token(PP *pp, const Token *tmpl) {
  if (pp->budget == 0) abort_run(pp, tmpl);
  pp->budget--;
  Token *t = arena_alloc(pp->a, sizeof *t);
  *t = *tmpl;
  t->next = NULL;
  t->at_bol = false;
  t->pooled = false; /* it lies in the arena, not in the pool */
  return t;
}

SrcLoc pp_loc(PP *pp, const Token *t) {
  SrcLoc l = t->loc;
  Frame *f = pp->frame;
  if (f && srcloc_file(l) == f->file && (f->line_delta || f->alias)) {
    l.line += f->line_delta;
    if (f->alias) srcloc_set_file(&l, f->alias);
  }
  return l;
}

void pp_error(PP *pp, const Token *at, const char *fmt, ...) {
  CwDiags *d = pp->d;
  if (d->max_errors > 0 && d->errors >= d->max_errors) return;
  va_list ap;
  va_start(ap, fmt);
  diag_vadd(d, DIAG_ERROR, pp_loc(pp, at), fmt, ap);
  va_end(ap);
}

void pp_warn(PP *pp, const Token *at, const char *fmt, ...) {
  CwDiags *d = pp->d;
  if (d->max_errors > 0 && d->errors >= d->max_errors) return;
  va_list ap;
  va_start(ap, fmt);
  diag_vadd(d, DIAG_WARNING, pp_loc(pp, at), fmt, ap);
  va_end(ap);
}

bool pp_is_punct(const Token *t, char c) {
  return t->kind == TK_PUNCT && t->spelling[0] == c && t->spelling[1] == 0;
}

static bool is_hash(const Token *t) { return pp_is_punct(t, '#'); }

Token *pp_lex_text(PP *pp, const char *name, const char *text) {
  SrcFile *f = srcfile_new(pp->a, name, text, strlen(text));
  f->id = ++pp->nfiles;
  return lex_tokens(pp->a, pp->d, f, &pp->ids, false, NULL, NULL);
}

static Token *skip_line(Token *t) {
  while (!t->at_bol && t->kind != TK_EOF) t = t->next;
  return t;
}

/* Warns about tokens after what a directive takes, skips to the next line. */
static Token *end_line(PP *pp, Token *t, Token *dir) {
  if (!t->at_bol && t->kind != TK_EOF)
    pp_warn(pp, t, "extra tokens at end of #%s directive", dir->spelling);
  return skip_line(t);
}

Token *pp_copy_line(PP *pp, Token **rest, Token *tok) {
  Token head = {0}, *cur = &head;
  for (; !tok->at_bol && tok->kind != TK_EOF; tok = tok->next)
    cur = cur->next = pp_new_token(pp, tok);
  cur->next = pp->eof;
  *rest = tok;
  return head.next;
}

/* ---- files and header search --------------------------------------------- */

static FileInfo *file_info(PP *pp, const char *path) {
  Ident *id = ident_get(pp->a, &pp->ids, path);
  if (!id->file) {
    FileInfo *fi = arena_alloc(pp->a, sizeof *fi);
    size_t n = 0;
    const char *text = pp->opt->read_file
                           ? pp->opt->read_file(pp->opt->read_file_ctx, path, &n)
                           : NULL;
    if (text) fi->file = srcfile_new(pp->a, path, text, n);
    else fi->file = srcfile_load(pp->a, path);
    if (fi->file) fi->file->id = ++pp->nfiles;
    /* the budget grows with the distinct text read, not with re-reads */
    if (fi->file) pp->budget += BUDGET_PER_BYTE * fi->file->size;
    fi->missing = !fi->file;
    if (pp->opt->note_input)
      pp->opt->note_input(pp->opt->note_input_ctx,
                          fi->file ? PP_INPUT_READ : PP_INPUT_ABSENT, path,
                          fi->file ? fi->file->contents : NULL,
                          fi->file ? fi->file->size : 0);
    id->file = fi;
  }
  return id->file;
}

static const char *join_path(PP *pp, const char *dir, const char *name) {
  if (!dir || !*dir) return name;
  size_t n = strlen(dir);
  return arena_printf(pp->a, "%s%s%s", dir, dir[n - 1] == '/' ? "" : "/", name);
}

static const char *dir_of(PP *pp, const char *path) {
  const char *slash = strrchr(path, '/');
  return slash ? arena_strndup(pp->a, path, (size_t)(slash - path + 1)) : "";
}

const char *pp_find_header(PP *pp, const char *name, bool angled,
                           int from_idx, int *found_idx) {
  if (name[0] == '/') return file_info(pp, name)->missing ? NULL : name;
  if (!angled && from_idx < 0 && pp->frame) {
    const char *p = join_path(pp, dir_of(pp, pp->frame->file->name), name);
    if (!file_info(pp, p)->missing) return *found_idx = -1, p;
  }
  for (int i = from_idx < 0 ? 0 : from_idx; i < pp->ndirs; i++) {
    const char *p = join_path(pp, pp->dirs[i], name);
    if (!file_info(pp, p)->missing) return *found_idx = i, p;
  }
  return NULL;
}

/* Headers the device pass may treat as empty when no shim provides them. */
static bool is_system_header(PP *pp, const char *name) {
  static const char *const known[] = {
      "assert.h", "complex.h", "ctype.h", "errno.h", "fenv.h", "float.h",
      "inttypes.h", "iso646.h", "limits.h", "locale.h", "math.h", "setjmp.h",
      "signal.h", "stdalign.h", "stdarg.h", "stdatomic.h", "stdbool.h",
      "stddef.h", "stdint.h", "stdio.h", "stdlib.h", "stdnoreturn.h",
      "string.h", "tgmath.h", "threads.h", "time.h", "uchar.h", "wchar.h",
      "wctype.h", "unistd.h", "pthread.h", "dlfcn.h", "fcntl.h", "dirent.h",
      "getopt.h", "malloc.h", "memory.h", "strings.h", "omp.h", "sched.h",
      "semaphore.h", "libgen.h", "poll.h", "termios.h", "netdb.h",
      "algorithm", "any", "array", "atomic", "bitset", "cassert", "cctype",
      "cerrno", "cfenv", "cfloat", "chrono", "cinttypes", "climits", "clocale",
      "cmath", "complex", "condition_variable", "csetjmp", "csignal",
      "cstdarg", "cstddef", "cstdint", "cstdio", "cstdlib", "cstring",
      "ctime", "cuchar", "cwchar", "cwctype", "deque", "exception", "filesystem", "forward_list",
      "fstream", "functional", "future", "initializer_list", "iomanip",
      "ios", "iosfwd", "iostream", "istream", "iterator", "limits", "list",
      "locale", "map", "memory", "mutex", "new", "numeric", "optional",
      "ostream", "queue", "random", "ratio", "regex", "set", "shared_mutex",
      "sstream", "stack", "stdexcept", "streambuf", "string", "string_view",
      "system_error", "thread", "tuple", "type_traits", "typeindex",
      "typeinfo", "unordered_map", "unordered_set", "utility", "valarray",
      "variant", "vector", "execution", "numbers", "span", "bit",
  };
  if (!strncmp(name, "sys/", 4) || !strncmp(name, "arpa/", 5) ||
      !strncmp(name, "netinet/", 8))
    return true;
  for (size_t i = 0; i < sizeof known / sizeof *known; i++)
    if (!strcmp(known[i], name)) return true;
  if (strstr(name, "..")) return false;
  char path[4096];
  snprintf(path, sizeof path, "/usr/include/%s", name);
  bool found = access(path, F_OK) == 0;
  if (pp->opt->note_input)
    pp->opt->note_input(pp->opt->note_input_ctx,
                        found ? PP_INPUT_EXISTS : PP_INPUT_ABSENT, path, NULL, 0);
  return found;
}

const char *pp_header_name(PP *pp, Token **rest, Token *tok, bool *angled) {
  if (tok->kind == TK_STR && tok->spelling[0] == '"' && !tok->invalid) {
    *angled = false;
    *rest = tok->next;
    return arena_strndup(pp->a, tok->spelling + 1, (size_t)tok->len - 2);
  }
  if (pp_is_punct(tok, '<')) {
    Token *t = tok->next;
    while (!pp_is_punct(t, '>') && !t->at_bol && t->kind != TK_EOF) t = t->next;
    if (!pp_is_punct(t, '>')) {
      pp_error(pp, tok, "missing terminating > character");
      *rest = t;
      return NULL;
    }
    *angled = true;
    *rest = t->next;
    return pp_join(pp, tok->next, t, true);
  }
  pp_error(pp, tok, "expected \"FILENAME\" or <FILENAME>");
  *rest = tok->kind == TK_EOF ? tok : tok->next;
  return NULL;
}

/* Splices the file's tokens in front of `rest`; returns the new head. */
static Token *enter_file(PP *pp, Token *rest, const char *path, int idx,
                         Token *at) {
  FileInfo *fi = file_info(pp, path);
  if (fi->missing) return rest;
  if (fi->pragma_once && fi->entered) return rest;
  if (fi->guard && fi->guard->macro) return rest;
  if (pp->depth >= MAX_INCLUDE_DEPTH) {
    pp_error(pp, at, "#include nested too deeply");
    return rest;
  }
  size_t cost = fi->file->size / 2 + 1;
  if (cost > pp->budget) abort_run(pp, at);
  pp->budget -= cost;
  Token *end;
  Token *toks = lex_tokens(pp->a, pp->d, fi->file, &pp->ids, false, NULL, &end);
  end->next = rest;
  Frame *f = arena_alloc(pp->a, sizeof *f);
  *f = (Frame){.up = pp->frame, .info = fi, .file = fi->file, .first = toks,
               .end = end, .cond_base = pp->cond, .dir_idx = idx};
  pp->frame = f;
  pp->depth++;
  fi->entered = true;
  return toks;
}

static Token *leave_file(PP *pp, Token *marker) {
  Frame *f = pp->frame;
  if (!f || f->end != marker) return marker->next;
  for (; pp->cond != f->cond_base; pp->cond = pp->cond->next)
    pp_error(pp, pp->cond->hash, "unterminated conditional directive");
  pp->frame = f->up;
  pp->depth--;
  return marker->next;
}

/* #include "x" | #include <x> | #include MACRO | #include_next ... */
static Token *do_include(PP *pp, Token *hash, Token *dir) {
  Token *tok = dir->next, *rest;
  bool angled = false, next = !strcmp(dir->spelling, "include_next");
  const char *name;
  (void)hash;
  if (tok->at_bol || tok->kind == TK_EOF) {
    pp_error(pp, dir, "#include expects \"FILENAME\" or <FILENAME>");
    return tok;
  }
  if (tok->kind == TK_STR || pp_is_punct(tok, '<')) {
    name = pp_header_name(pp, &rest, tok, &angled);
    rest = end_line(pp, rest, dir);
  } else {
    Token *line = pp_expand_all(pp, pp_copy_line(pp, &rest, tok)), *ignored;
    name = pp_header_name(pp, &ignored, line, &angled);
  }
  if (!name) return rest;
  int from = next && pp->frame && pp->frame->up ? pp->frame->dir_idx + 1 : -1;
  int idx = -1;
  const char *path = pp_find_header(pp, name, angled || from >= 0, from, &idx);
  if (!path && angled && !pp->opt->host_pass && is_system_header(pp, name))
    return rest;
  if (!path && angled && !strncmp(name, "thrust/", 7)) {
    /* the host runs Thrust (cuwasm cc): its headers come from the system */
    pp_error(pp, tok, "'%s' file not found: cuwasm runs Thrust on the host and needs its "
             "headers in /usr/include (Debian/Ubuntu: libthrust-dev)", name);
    return rest;
  }
  if (!path) {
    pp_error(pp, tok, "'%s' file not found", name);
    return rest;
  }
  return enter_file(pp, rest, path, idx, dir);
}

/* ---- conditionals ----------------------------------------------------------- */

static bool dir_is(const Token *t, const char *s) {
  return t->kind == TK_IDENT && !t->at_bol && !strcmp(t->spelling, s);
}

/* Skips a false block; returns the '#' of its #elif/#else/#endif. */
static Token *skip_cond(Token *tok) {
  int nest = 0;
  for (; tok->kind != TK_EOF; tok = tok->next) {
    if (!tok->at_bol || !is_hash(tok)) continue;
    Token *d = tok->next;
    if (dir_is(d, "if") || dir_is(d, "ifdef") || dir_is(d, "ifndef")) {
      nest++;
    } else if (dir_is(d, "endif")) {
      if (nest-- == 0) return tok;
    } else if (nest == 0 && (dir_is(d, "elif") || dir_is(d, "else") ||
                             dir_is(d, "elifdef") || dir_is(d, "elifndef"))) {
      return tok;
    }
  }
  return tok;
}

static CondIncl *push_cond(PP *pp, Token *hash, bool taken) {
  CondIncl *c = arena_alloc(pp->a, sizeof *c);
  c->next = pp->cond;
  c->hash = hash;
  c->taken = taken;
  pp->cond = c;
  return c;
}

static Token *read_macro_name(PP *pp, Token *dir, Ident **id) {
  Token *t = dir->next;
  *id = NULL;
  if (t->at_bol || t->kind != TK_IDENT) {
    pp_error(pp, t->at_bol || t->kind == TK_EOF ? dir : t,
             "macro name must be an identifier");
    return skip_line(t);
  }
  *id = tok_ident(t);
  return end_line(pp, t->next, dir);
}

static Token *do_if(PP *pp, Token *hash, Token *dir) {
  Token *rest;
  bool v;
  Ident *guard = NULL;
  if (!strcmp(dir->spelling, "if")) {
    v = pp_eval_if(pp, &rest, dir->next, dir);
  } else {
    Ident *id;
    rest = read_macro_name(pp, dir, &id);
    v = id && (id->macro != NULL) == !strcmp(dir->spelling, "ifdef");
    if (id && dir->spelling[2] == 'n' && pp->frame && pp->frame->first == hash)
      guard = id;
  }
  push_cond(pp, hash, v)->guard = guard;
  return v ? rest : skip_cond(rest);
}

static bool cond_open(PP *pp) {
  return pp->cond && (!pp->frame || pp->cond != pp->frame->cond_base);
}

static Token *do_elif(PP *pp, Token *hash, Token *dir) {
  if (!cond_open(pp)) {
    pp_error(pp, dir, "#%s without #if", dir->spelling);
    return skip_line(dir->next);
  }
  CondIncl *c = pp->cond;
  if (c->ctx == IN_ELSE) pp_error(pp, dir, "#%s after #else", dir->spelling);
  c->guard = NULL;
  Token *rest = skip_line(dir->next);
  if (c->taken) return skip_cond(rest);
  bool v;
  if (!strcmp(dir->spelling, "elif")) {
    v = pp_eval_if(pp, &rest, dir->next, dir);
  } else {
    Ident *id;
    rest = read_macro_name(pp, dir, &id);
    v = id && (id->macro != NULL) == !strcmp(dir->spelling, "elifdef");
  }
  (void)hash;
  c->taken = v;
  return v ? rest : skip_cond(rest);
}

static Token *do_else(PP *pp, Token *hash, Token *dir) {
  (void)hash;
  if (!cond_open(pp)) {
    pp_error(pp, dir, "#else without #if");
    return skip_line(dir->next);
  }
  CondIncl *c = pp->cond;
  if (c->ctx == IN_ELSE) pp_error(pp, dir, "#else after #else");
  c->ctx = IN_ELSE;
  c->guard = NULL;
  Token *rest = end_line(pp, dir->next, dir);
  if (c->taken) return skip_cond(rest);
  c->taken = true;
  return rest;
}

static Token *do_endif(PP *pp, Token *hash, Token *dir) {
  (void)hash;
  if (!cond_open(pp)) {
    pp_error(pp, dir, "#endif without #if");
    return skip_line(dir->next);
  }
  CondIncl *c = pp->cond;
  pp->cond = c->next;
  Token *rest = end_line(pp, dir->next, dir);
  if (c->guard && pp->frame && rest == pp->frame->end && pp->frame->info)
    pp->frame->info->guard = c->guard;
  return rest;
}

/* ---- other directives --------------------------------------------------------- */

static Token *do_define(PP *pp, Token *hash, Token *dir) {
  (void)hash;
  Token *rest;
  if (dir->next->at_bol || dir->next->kind == TK_EOF) {
    pp_error(pp, dir, "macro name must be an identifier");
    return dir->next;
  }
  pp_define(pp, &rest, dir->next);
  return rest;
}

static Token *do_undef(PP *pp, Token *hash, Token *dir) {
  (void)hash;
  Ident *id;
  Token *rest = read_macro_name(pp, dir, &id);
  if (id == pp->id_defined)
    pp_error(pp, dir->next, "\"defined\" cannot be used as a macro name");
  else if (id)
    id->macro = NULL;
  return rest;
}

static Token *do_diag(PP *pp, Token *hash, Token *dir) {
  (void)hash;
  Token *rest = skip_line(dir->next);
  char *text = pp_join(pp, dir->next, rest, true);
  if (dir->spelling[0] == 'e') pp_error(pp, dir, "#error %s", text);
  else pp_warn(pp, dir, "#warning %s", text);
  return rest;
}

/* #line N ["file"], and the "# N "file"" line markers of cpp output. */
static Token *do_line(PP *pp, Token *hash, Token *dir) {
  Token *rest, *first = dir->kind == TK_NUM ? dir : dir->next;
  Token *line = pp_expand_all(pp, pp_copy_line(pp, &rest, first));
  bool ok = line->kind == TK_NUM;
  for (const char *c = line->spelling; ok && *c; c++) ok = *c >= '0' && *c <= '9';
  if (!ok || !pp->frame) {
    pp_error(pp, dir, "#line directive requires a simple digit sequence");
    return rest;
  }
  Frame *f = pp->frame;
  f->line_delta = atoi(line->spelling) - (hash->loc.line + 1);
  if (line->next->kind == TK_STR) {
    SrcFile *a = arena_alloc(pp->a, sizeof *a);
    *a = *f->file;
    a->name = line->next->str;
    srcfile_register(pp->a, a);
    f->alias = a;
  }
  return rest;
}

static Token *do_pragma(PP *pp, Token *hash, Token *dir) {
  Token *t = dir->next, *rest;
  if (dir_is(t, "once") && (t->next->at_bol || t->next->kind == TK_EOF)) {
    if (pp->frame && pp->frame->info) pp->frame->info->pragma_once = true;
    return t->next;
  }
  Token *line = pp_expand_all(pp, pp_copy_line(pp, &rest, t));
  Token *p = pp_new_token(pp, hash);
  p->kind = TK_PRAGMA;
  p->spelling = pp_join(pp, line, NULL, true);
  p->len = (int)strlen(p->spelling);
  p->at_bol = true;
  p->next = rest;
  return p;
}

static Token *do_ignore(PP *pp, Token *hash, Token *dir) {
  (void)pp, (void)hash;
  return skip_line(dir->next);
}

typedef Token *DirectiveFn(PP *pp, Token *hash, Token *dir);

static Token *directive(PP *pp, Token *hash) {
  static const struct { const char *name; DirectiveFn *fn; } dirs[] = {
      {"define", do_define},   {"undef", do_undef},     {"include", do_include},
      {"if", do_if},           {"ifdef", do_if},        {"ifndef", do_if},
      {"elif", do_elif},       {"elifdef", do_elif},    {"elifndef", do_elif},
      {"else", do_else},       {"endif", do_endif},     {"pragma", do_pragma},
      {"error", do_diag},      {"warning", do_diag},    {"line", do_line},
      {"include_next", do_include}, {"ident", do_ignore}, {"sccs", do_ignore},
  };
  Token *d = hash->next;
  if (d->at_bol || d->kind == TK_EOF) return d; /* null directive */
  if (d->kind == TK_NUM) return do_line(pp, hash, d);
  if (d->kind == TK_IDENT)
    for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++)
      if (!strcmp(d->spelling, dirs[i].name)) return dirs[i].fn(pp, hash, d);
  pp_error(pp, d, "invalid preprocessing directive #%s", d->spelling);
  return skip_line(d);
}

/* ---- output ------------------------------------------------------------------ */

/* The output of the main run is finished as it grows, while each token is
 * still in cache (a walk over the whole list afterwards cost a cache miss
 * per token): literals decoded, adjacent strings joined, hidesets
 * dropped, lexical errors of tokens not skipped reported, and each
 * closing bracket paired with the opening one it closes (any closer
 * closes the innermost opener, as skip_balanced counts them). */

/* The same few literals (0, 1, 0.5f) recur on every line and their
 * spellings are interned (lex.c): the value of one read last is kept by
 * its spelling's address, which no other text has during the run. */
typedef struct NumCache {
  const char *spelling;
  uint64_t bits; /* ival, or fval's bytes */
  NumKind kind;
} NumCache;

typedef struct Finisher {
  Token *strings;  /* first of the string literals ending the output */
  Token **open;    /* brackets not closed yet (malloc) */
  size_t nopen, cap;
  bool pairing;    /* until an allocation fails */
  NumCache numbers[256];
} Finisher;

static void convert_number(PP *pp, NumCache *cache, Token *t) {
  NumCache *c = &cache[((uintptr_t)t->spelling >> 3) & 255];
  if (c->spelling == t->spelling) {
    t->num_kind = c->kind;
    t->ival = c->bits; /* fval shares its bytes */
    return;
  }
  if (!lex_convert_number(pp->d, t)) return;
  c->spelling = t->spelling;
  c->bits = t->ival;
  c->kind = t->num_kind;
}

/* "a" "b" -> one literal; spelling keeps the pieces, str the bytes.  The
 * run starts at t and ends before the first token that is not a string. */
static void join_strings(PP *pp, Token *t) {
  size_t n = 0, sl = 0;
  Token *e;
  for (e = t; e->kind == TK_STR; e = e->next)
    n += (size_t)e->len + 1, sl += (size_t)e->str_len;
  char *sp = arena_alloc(pp->a, n), *s = arena_alloc(pp->a, sl + 1);
  size_t k = 0, m = 0;
  for (Token *u = t; u != e; u = u->next) {
    if (u != t) sp[k++] = ' ';
    memcpy(sp + k, u->spelling, (size_t)u->len);
    k += (size_t)u->len;
    memcpy(s + m, u->str, (size_t)u->str_len);
    m += (size_t)u->str_len;
  }
  if (k > TOKEN_MAX_LEN) {
    pp_error(pp, t, "string literal is too long (%zu bytes; at most %d)", k, TOKEN_MAX_LEN);
    k = TOKEN_MAX_LEN;
    sp[k] = 0;
  }
  t->spelling = sp, t->len = (unsigned)k;
  t->str = s, t->str_len = (int)m;
  t->next = e;
}

/* The output's strings end before `after` (a token about to be appended,
 * or the final EOF): two or more become one. */
static void end_strings(PP *pp, Token *after) {
  Finisher *f = pp->fin;
  Token *first = f->strings;
  if (!first) return;
  f->strings = NULL;
  pp->out->next = after;
  if (first == pp->out) return;
  join_strings(pp, first);
  pp->out = first;
}

static void pair_bracket(Finisher *f, Token *t) {
  char c = t->spelling[0];
  if (c == '(' || c == '[' || c == '{') {
    if (f->nopen == f->cap) {
      size_t nc = f->cap ? f->cap * 2 : 64;
      Token **n = realloc(f->open, nc * sizeof *n);
      if (!n) {
        f->pairing = false;
        return;
      }
      f->open = n, f->cap = nc;
    }
    f->open[f->nopen++] = t;
  } else if ((c == ')' || c == ']' || c == '}') && f->nopen) {
    Token *o = f->open[--f->nopen];
    o->match = t;
    t->match = o;
  }
}

/* Appends t, finished, to the main run's output. */
static void emit(PP *pp, Token *t) {
  Finisher *f = pp->fin;
  if (t->invalid) lex_report_invalid(pp->d, t);
  if (t->kind == TK_STR) {
    if (!f->strings) f->strings = t;
    pp->out = pp->out->next = t;
    return;
  }
  if (f->strings) end_strings(pp, t);
  tok_set_hideset(t, NULL);
  if (t->kind == TK_NUM) convert_number(pp, f->numbers, t);
  else if (t->kind == TK_PUNCT && t->len == 1 && f->pairing) pair_bracket(f, t);
  pp->out = pp->out->next = t;
}

/* ---- driver ------------------------------------------------------------------ */

/* Processes tokens up to the final EOF, appending output at pp->out. */
static void run(PP *pp, Token *tok) {
  for (;;) {
    if (tok->kind == TK_EOF) {
      if (!tok->next) break;
      tok = leave_file(pp, tok);
      continue;
    }
    if (tok->kind == TK_IDENT && tok_ident(tok)->macro &&
        pp_expand(pp, &tok, tok))
      continue;
    if (tok->at_bol && is_hash(tok)) {
      tok = directive(pp, tok);
      continue;
    }
    if (pp->frame->line_delta || pp->frame->alias) tok->loc = pp_loc(pp, tok);
    Token *next = tok->next;
    if (pp->in_main) emit(pp, tok);
    else pp->out = pp->out->next = tok;
    tok = next;
  }
  for (; pp->cond != pp->frame->cond_base; pp->cond = pp->cond->next)
    pp_error(pp, pp->cond->hash, "unterminated conditional directive");
  if (pp->in_main) end_strings(pp, tok);
  pp->out->next = tok;
}

/* Runs a text of directives (built-ins, -D/-U) for its side effects. */
static void run_text(PP *pp, const char *name, const char *text) {
  Token *toks = pp_lex_text(pp, name, text), *end = toks;
  while (end->kind != TK_EOF) end = end->next;
  Frame f = {.file = srcloc_file(end->loc), .end = end};
  Token sink = {0};
  Frame *saved = pp->frame;
  Token *out = pp->out;
  pp->frame = &f;
  pp->out = &sink;
  run(pp, toks);
  pp->frame = saved;
  pp->out = out;
}

static void predefine(PP *pp) {
  const PPOptions *o = pp->opt;
  StrBuf sb;
  sb_init(&sb);
  sb_puts(&sb, "#define __CUDACC__ 1\n#define __NVCC__ 1\n#define __CUWASM__ 1\n"
               "#define __CUDACC_VER_MAJOR__ 13\n#define __CUDACC_VER_MINOR__ 0\n"
               "#define __CUDACC_VER_BUILD__ 0\n#define __cplusplus 201703L\n"
               "#define __STDC_HOSTED__ 1\n#define __CHAR_BIT__ 8\n"
               "#define __SIZEOF_INT__ 4\n");
  sb_puts(&sb, o->ilp32 ? "#define __SIZEOF_LONG__ 4\n#define __SIZEOF_POINTER__ 4\n#define __ILP32__ 1\n"
                        : "#define __SIZEOF_LONG__ 8\n#define __SIZEOF_POINTER__ 8\n#define __LP64__ 1\n");
  if (!o->host_pass)
    sb_printf(&sb, "#define __CUDA_ARCH__ %d\n", o->cuda_arch ? o->cuda_arch : 800);
  char *text = sb_take(&sb);
  if (text) run_text(pp, "<built-in>", text);
  free(text);
  sb_init(&sb);
  for (int i = 0; i < o->n_defines; i++) {
    const char *eq = strchr(o->defines[i], '=');
    if (eq) sb_printf(&sb, "#define %.*s %s\n", (int)(eq - o->defines[i]),
                      o->defines[i], eq + 1);
    else sb_printf(&sb, "#define %s 1\n", o->defines[i]);
  }
  for (int i = 0; i < o->n_undefs; i++) sb_printf(&sb, "#undef %s\n", o->undefs[i]);
  text = sb_take(&sb);
  if (text) run_text(pp, "<command line>", text);
  free(text);
}

static void init_dirs(PP *pp) {
  const PPOptions *o = pp->opt;
  pp->dirs = arena_alloc(pp->a, sizeof(char *) * (size_t)(o->n_include_dirs + 2));
  for (int i = 0; i < o->n_include_dirs; i++) pp->dirs[pp->ndirs++] = o->include_dirs[i];
  if (o->cuda_include_dir) {
    pp->dirs[pp->ndirs++] = o->cuda_include_dir;
    if (!o->host_pass)
      pp->dirs[pp->ndirs++] = join_path(pp, o->cuda_include_dir, "device");
  }
}

static void init_pp(PP *pp, Arena *a, CwDiags *d, const PPOptions *opt,
                    SrcFile *main) {
  pp->a = a, pp->d = d, pp->opt = opt;
  pp->budget = BASE_BUDGET + BUDGET_PER_BYTE * main->size;
  pp->eof = arena_alloc(a, sizeof(Token));
  pp->eof->kind = TK_EOF;
  pp->eof->spelling = "";
  pp->eof->at_bol = true;
  srcloc_set_file(&pp->eof->loc, main);
  pp->id_defined = ident_get(a, &pp->ids, "defined");
  pp->id_va_args = ident_get(a, &pp->ids, "__VA_ARGS__");
  pp->id_va_opt = ident_get(a, &pp->ids, "__VA_OPT__");
  pp->id_has_include = ident_get(a, &pp->ids, "__has_include");
  pp->id_has_include_next = ident_get(a, &pp->ids, "__has_include_next");
  init_dirs(pp);
}

/* Everything that may unwind through pp->abort. */
static void run_main(PP *pp, SrcFile *file) {
  pp_define_builtins(pp);
  predefine(pp);
  Token *end;
  Token *tok = lex_tokens(pp->a, pp->d, file, &pp->ids, false, pp->opt->main_tokens, &end);
  Ident *id = ident_get(pp->a, &pp->ids, file->name);
  if (!id->file) {
    id->file = arena_alloc(pp->a, sizeof(FileInfo));
    id->file->file = file;
  }
  id->file->entered = true;
  Frame *f = arena_alloc(pp->a, sizeof *f);
  *f = (Frame){.info = id->file, .file = file, .first = tok, .end = end,
               .dir_idx = -1};
  pp->frame = f;
  const PPOptions *o = pp->opt;
  if (o->implicit_cuda_runtime && o->cuda_include_dir) {
    const char *p = join_path(pp, o->cuda_include_dir, "cuda_runtime.h");
    if (!file_info(pp, p)->missing)
      tok = enter_file(pp, tok, p, o->n_include_dirs, tok);
  }
  pp->in_main = true;
  run(pp, tok);
}

Token *preprocess(Arena *a, CwDiags *d, SrcFile *file, const PPOptions *opt) {
  PP *pp = arena_alloc(a, sizeof *pp);
  pp->abort = arena_alloc(a, sizeof(jmp_buf));
  Token *head = arena_alloc(a, sizeof *head);
  PPOptions none = {0};
  if (!opt) opt = &none;
  Arena tmp;
  arena_init(&tmp);
  tmp.oom = a->oom;
  init_pp(pp, a, d, opt, file);
  pp->tmp = &tmp;
  pp->out = head;
  Finisher *fin = arena_alloc(&tmp, sizeof *fin);
  fin->pairing = true;
  pp->fin = fin;
  if (setjmp(*pp->abort) == 0) {
    run_main(pp, file);
  } else if (pp->in_main) {
    end_strings(pp, pp->eof);
    pp->out->next = pp->eof;
  } else {
    head->next = pp->eof;
  }
  free(fin->open);
  /* the names stay (tokens spell with them), their table is done */
  arena_recycle(a, pp->ids.slots, sizeof(IdentSlot) * pp->ids.cap);
  arena_give(&tmp, a); /* its pages hold what the parser allocates first */
  pp->tmp = NULL;
  return head->next;
}
