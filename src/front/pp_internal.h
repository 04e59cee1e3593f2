/*
 * pp_internal.h — what the lexer and the three preprocessor files share,
 * and nobody else sees.
 *
 * Identifiers are interned: every identifier token the preprocessor lexes
 * has a `spelling` that is the `text` member of an Ident record, so the
 * record (and the macro defined under that name) is found from a token in
 * O(1) with no hashing (tok_ident).  That is what keeps the hot loop over
 * millions of ordinary tokens cheap: one load per identifier to learn it
 * is not a macro.  The trick is only valid for tokens lexed through an
 * IdentTable, i.e. every token inside one preprocess() run.
 *
 * The token stream is a singly linked list the preprocessor rewires in
 * place.  An included file's tokens end in its own TK_EOF whose `next` is
 * the rest of the includer (an "end-of-file marker"); only the last EOF of
 * the translation unit has next == NULL.
 */
#ifndef CW_PP_INTERNAL_H
#define CW_PP_INTERNAL_H

#include <setjmp.h>

#include "token.h"

typedef struct Macro Macro;
typedef struct FileInfo FileInfo;

typedef struct Ident {
  Macro *macro;    /* current definition, NULL when undefined */
  FileInfo *file;  /* when the text is a path: include bookkeeping */
  uint32_t hash;
  int len;
  char text[];     /* NUL-terminated; tokens point here */
} Ident;

/* Open addressing; a slot keeps the name's hash beside the record, so a
 * probe that misses (and growing the table) reads no Ident, each of
 * which is a cache miss somewhere in the arena. */
typedef struct IdentSlot {
  uint32_t hash;
  Ident *id;
} IdentSlot;

typedef struct IdentTable {
  IdentSlot *slots;
  uint32_t cap, len;
} IdentTable;

uint32_t ident_hash(const char *s, int len);
Ident *ident_intern(Arena *a, IdentTable *t, const char *s, int len,
                    uint32_t hash);
Ident *ident_get(Arena *a, IdentTable *t, const char *s);

/* A token's hideset: names and punctuators only (a literal's storage
 * holds its value instead, and no literal is ever a macro name). */
static inline Hideset *tok_hideset(const Token *t) {
  return t->kind == TK_IDENT || t->kind == TK_PUNCT ? t->hideset : NULL;
}
static inline void tok_set_hideset(Token *t, Hideset *hs) {
  if (t->kind == TK_IDENT || t->kind == TK_PUNCT) t->hideset = hs;
}

static inline Ident *tok_ident(const Token *t) {
  return (Ident *)(void *)(t->spelling - offsetof(Ident, text));
}

/* ---- lexer (lex.c) ------------------------------------------------------ */

/* Lexes `f`.  With report_now, token-level errors (stray characters,
 * unterminated literals) are reported at once; otherwise tokens are only
 * marked `invalid` and the preprocessor reports those it does not skip.
 * The Token records go to `pool` when not NULL (marked `pooled`: nothing
 * else is allocated there, so they lie in lexing order), else to `a`.
 * *last (when `last` is not NULL) gets the closing TK_EOF, which a caller
 * splicing the list would otherwise walk the whole file to find. */
Token *lex_tokens(Arena *a, CwDiags *d, SrcFile *f, IdentTable *ids,
                  bool report_now, Arena *pool, Token **last);
/* Decodes a pp-number into num_kind/ival/fval; reports a bad literal to d
 * (when non-NULL) and returns false. */
bool lex_convert_number(CwDiags *d, Token *t);
/* Reports the lexical error a token marked `invalid` stands for. */
void lex_report_invalid(CwDiags *d, const Token *t);
/* Adds an error unless diags->max_errors has been reached. */
void pp_diag(CwDiags *d, DiagLevel lv, SrcLoc loc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* ---- preprocessor state (pp.c) ------------------------------------------ */

typedef enum {
  BI_NONE, BI_FILE, BI_LINE, BI_COUNTER, BI_DATE, BI_TIME, BI_PRAGMA,
  BI_HAS_INCLUDE,
} BuiltinKind;

struct Macro {
  Ident *name;
  bool is_func, variadic;
  BuiltinKind builtin;
  int nparams;
  Ident **params;  /* the variadic one last, named __VA_ARGS__ or user's */
  Token **body;
  int nbody;
};

typedef struct CondIncl CondIncl;
struct CondIncl {
  CondIncl *next;
  Token *hash;     /* the '#' of the #if, for "unterminated" */
  enum { IN_THEN, IN_ELSE } ctx;
  bool taken;      /* some branch already included */
  Ident *guard;    /* #ifndef X at the very top of a file */
};

typedef struct Frame Frame;
struct Frame {
  Frame *up;
  FileInfo *info;
  SrcFile *file;
  Token *first;    /* first token of the file (guard detection) */
  Token *end;      /* its end-of-file marker */
  CondIncl *cond_base;
  int dir_idx;     /* search-path index it was found at (#include_next) */
  int line_delta;  /* #line: added to physical line numbers */
  SrcFile *alias;  /* #line "name": file shown instead */
};

struct FileInfo {
  SrcFile *file;   /* cached text, NULL when absent/unreadable */
  bool pragma_once, missing, entered;
  Ident *guard;
};

typedef struct PP {
  Arena *a;
  Arena *tmp;         /* what dies with the run: hidesets, macro arguments,
                       * expansion lists, #if operands (freed by preprocess) */
  CwDiags *d;
  const PPOptions *opt;
  IdentTable ids;
  CondIncl *cond;
  Frame *frame;
  int depth, counter, nfiles;
  const char **dirs;  /* <> search path: -I, cuda dir, device shims */
  int ndirs;
  size_t budget;      /* tokens the run may still create */
  int expand_depth;
  jmp_buf *abort;     /* unwinds preprocess() on runaway input */
  Token *eof;         /* shared sentinel of sub-lists */
  Token *out;         /* last token of the output so far */
  bool in_main;       /* out is the real output (not the prelude's) */
  struct Finisher *fin; /* pp.c: what finishing the output as it grows keeps */
  Ident *id_defined, *id_va_args, *id_va_opt, *id_has_include,
      *id_has_include_next;
} PP;

Token *pp_new_token(PP *pp, const Token *tmpl);
Token *pp_copy_line(PP *pp, Token **rest, Token *tok);
void pp_error(PP *pp, const Token *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void pp_warn(PP *pp, const Token *at, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
Token *pp_lex_text(PP *pp, const char *name, const char *text);
bool pp_is_punct(const Token *t, char c);
/* Header lookup shared by #include and __has_include: `*tok` at the
 * header name (string, <...> or macros); returns the resolved path, ""
 * for a device-pass system header treated as empty, NULL when missing. */
const char *pp_header_name(PP *pp, Token **rest, Token *tok, bool *angled);
const char *pp_find_header(PP *pp, const char *name, bool angled,
                           int from_idx, int *found_idx);
SrcLoc pp_loc(PP *pp, const Token *t);

/* ---- macros (pp_macro.c) ------------------------------------------------ */

bool pp_expand(PP *pp, Token **rest, Token *tok);
Token *pp_expand_all(PP *pp, Token *tok); /* list ending in EOF */
void pp_define(PP *pp, Token **rest, Token *name_tok);
void pp_define_builtins(PP *pp);
Token *pp_stringize(PP *pp, const Token *at, Token **toks, int n);
char *pp_join(PP *pp, Token *tok, Token *end, bool spaces);

/* ---- #if expressions (pp_expr.c) ---------------------------------------- */

/* Evaluates the rest of the directive line starting at tok. */
bool pp_eval_if(PP *pp, Token **rest, Token *tok, Token *directive);

#endif
