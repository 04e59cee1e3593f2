/*
 * token.h — tokens as the lexer makes them and the preprocessor hands them
 * to the parser: a singly linked list ending in TK_EOF, allocated in the
 * compilation's arena.
 *
 * Every token remembers where the user should be pointed: for a token that
 * came out of a macro expansion, `loc` is the location of the macro name at
 * the expansion site (as gcc/nvcc report), while `spelling` is the text.
 * Keywords are not a separate kind: the parser compares identifier text
 * (tok_is), since CUDA C++ has many contextual words.
 */
#ifndef CW_TOKEN_H
#define CW_TOKEN_H

#include "../base/base.h"

typedef enum {
  TK_IDENT,  /* identifiers and keywords */
  TK_PUNCT,  /* punctuators, longest match: "<<=", "->", "::", "...", "##" */
  TK_NUM,    /* numeric literal, value decoded below */
  TK_STR,    /* string literal (adjacent literals already concatenated) */
  TK_CHAR,   /* character literal, value in ival */
  TK_PRAGMA, /* a #pragma / _Pragma the parser may care about (unroll) */
  TK_EOF,
} TokenKind;

/* numeric literal classification (C rules for the type of a literal) */
typedef enum {
  NUM_INT, NUM_UINT, NUM_LONG, NUM_ULONG, NUM_LLONG, NUM_ULLONG,
  NUM_FLOAT, NUM_DOUBLE, NUM_LDOUBLE,
} NumKind;

typedef struct Hideset Hideset;

/* Longest token text `len` can hold; the lexer refuses longer ones. */
#define TOKEN_MAX_LEN ((1 << 24) - 1)

/* 40 bytes (it was 64; the location is 8): a million-line file makes tens of millions of
 * them, and memory traffic is most of the front end's time.  The small
 * members are bit-fields; a literal's value and an identifier's or
 * punctuator's hideset share storage (see below). */
typedef struct Token {
  struct Token *next;
  const char *spelling; /* NUL-terminated text of the token (arena) */
  SrcLoc loc;           /* where diagnostics point */
  TokenKind kind : 4;
  bool at_bol : 1;      /* first token on a line (pp directives) */
  bool has_space : 1;   /* whitespace before it (stringizing) */
  bool invalid : 1;     /* lexically broken (stray char, unterminated
                           literal); the preprocessor reports it only if
                           the token is not in a skipped region */
  bool pooled : 1;      /* lies in the pool of the main file's tokens,
                           which the parser may release (parse_release.c);
                           never set on a copy */
  unsigned len : 24;    /* strlen(spelling), at most TOKEN_MAX_LEN */
  union {
    NumKind num_kind;   /* TK_NUM (TK_CHAR: NUM_INT) */
    int str_len;        /* TK_STR: bytes excluding the terminator */
  };
  /* TK_PRAGMA: the pragma's text after "#pragma" is the spelling,
   * e.g. "unroll 4".
   * A literal's value, or (TK_IDENT, TK_PUNCT) the preprocessor's
   * hideset: only names and the `)` of a macro call carry one, and only
   * while preprocessing (pp_macro.c reads and writes it through
   * tok_hideset/tok_set_hideset, which ignore literals).  Once the
   * translation unit is preprocessed, a bracket of it ( [ { ) ] } holds
   * its partner instead: skip_balanced jumps over a group when the pair
   * still points at each other (a copy the parser makes of an opening
   * bracket does not: its partner points back at the original). */
  union {
    uint64_t ival;      /* TK_NUM integer / TK_CHAR value */
    double fval;        /* TK_NUM floating value */
    char *str;          /* TK_STR: decoded bytes, NUL-terminated */
    Hideset *hideset;   /* TK_IDENT, TK_PUNCT, while preprocessing */
    struct Token *match; /* TK_PUNCT bracket, after preprocessing */
  };
} Token;

/* Lexes one file into tokens (no preprocessing).  Errors (unterminated
 * comment/string, stray character) go to diags; lexing continues. */
Token *lex_file(Arena *a, CwDiags *d, SrcFile *file);

/* The tokens after a kept declaration that stay with it (parsing a
 * template instance may look a few tokens past its end): the parser keeps
 * them (parse_release.c), and the lexer lays a template declaration and
 * these out on pages of their own in the pool. */
enum { KEPT_TOKENS_MARGIN = 16 };

/* Options of one preprocessing run. */
typedef struct PPOptions {
  /* Where the main file's tokens go (marked `pooled`), so that the parser
   * can give the pages of those it is done with back (parse_release.c);
   * NULL: the arena, like every other token. */
  Arena *main_tokens;
  const char **include_dirs; /* -I, searched for "" after the file's dir, and for <> */
  int n_include_dirs;
  const char *cuda_include_dir; /* our include/cuda: searched last for <> */
  const char **defines; /* "X" or "X=Y", in command-line order with undefs */
  int n_defines;
  const char **undefs;
  int n_undefs;
  int cuda_arch; /* 800 by default: __CUDA_ARCH__ */
  bool host_pass; /* false: device pass (defines __CUDA_ARCH__) */
  bool ilp32; /* a 32-bit host's data model: long and pointers 4 bytes (the
               * module too: kir_module_ilp32); LP64 otherwise */
  bool implicit_cuda_runtime; /* like nvcc: include cuda_runtime.h first */
  /* Files given by name in memory (tests, fuzzers, the web build): looked
   * up before the file system.  May be NULL. */
  const char *(*read_file)(void *ctx, const char *path, size_t *size);
  void *read_file_ctx;
  /* Told of every file the run looks for, once per path: its text when
   * read (PP_INPUT_READ), or that it is absent, or that only its existence
   * was tested (a system header, PP_INPUT_EXISTS).  What a cache keyed by
   * the inputs must check again (rt/module_cache.c).  May be NULL. */
  void (*note_input)(void *ctx, int kind, const char *path, const char *text,
                     size_t size);
  void *note_input_ctx;
} PPOptions;

enum { PP_INPUT_READ, PP_INPUT_ABSENT, PP_INPUT_EXISTS };

/* Preprocesses `file` (already loaded) and returns the token list of the
 * translation unit.  Never returns NULL: on errors, what could be
 * processed, always ending with TK_EOF.  `files` collects every SrcFile
 * opened (for diagnostics rendering). */
Token *preprocess(Arena *a, CwDiags *d, SrcFile *file, const PPOptions *opt);

/* Helpers the parser uses. */
bool tok_is(const Token *t, const char *s); /* ident or punct with text s */
SrcFile *srcfile_new(Arena *a, const char *name, const char *contents,
                     size_t size);
/* Loads a file from disk into the arena; NULL when it cannot be read. */
SrcFile *srcfile_load(Arena *a, const char *path);

#endif
