/*
 * parse_release.c — giving the main file's tokens back to the system once
 * the parser is done with them.
 *
 * The preprocessor hands the parser the whole translation unit as one
 * token list, so every token of a large file would stay in memory until
 * the end: about a third of the front end's memory.  The main file's
 * tokens are lexed into a pool of their own (PPOptions.main_tokens), in
 * lexing order, marked `pooled`.  After each top-level declaration the
 * parser knows whether anything kept a pointer into its tokens for later:
 * a template (re-parsed per instance), a lambda, a default member
 * initializer (re-parsed per constructor), host code (the device source
 * and extended lambdas) — each such place calls pin_tokens.  A declaration
 * without a pin is finished with its tokens: the pages of the pool from
 * its first token up to the first token of the next declaration (with
 * those of the declarations released just before it) are released.
 * Tokens the preprocessor made (macro expansions) and those of headers
 * live in the arena and stay, and so do the tokens of a namespace-scope
 * template and of its margin, which the lexer puts in the arena: a kept
 * template holds nothing of the pool, so the range of released tokens
 * runs on across it.
 *
 * Safety: the bounds of a released range are tokens of the pool (those of
 * a declaration that starts or ends out of it are its first and last
 * tokens in it), and a declaration is contiguous text, so what was lexed
 * into the pool between them is its own or was dropped by the
 * preprocessor, which is done before parsing starts; a kept declaration
 * with tokens in the pool ends the range; arena_release refuses ends of
 * which one is a copy the parser made elsewhere, or that come out of
 * order.  The first RELEASE_MARGIN tokens after a kept declaration stay,
 * since parsing a template instance may look a few tokens past its end
 * (out of the pool, unless a macro fooled the lexer: one in the pool ends
 * the range); nothing is released after an error.
 * front_device_source walks the whole list, so once anything is released
 * it returns NULL and the caller compiles again with the tokens kept
 * (which is why api/compile.c pools the tokens of large files only).
 */
#include "parser.h"

enum {
  RELEASE_MARGIN = KEPT_TOKENS_MARGIN, /* tokens kept after a kept declaration */
  RELEASE_BATCH = 256,      /* declarations waiting at most before release */
};

void release_flush(Parser *p) {
  if (!p->release_lo) return;
  if (arena_release(p->tok_pool, p->release_lo, p->release_end)) p->tokens_released = true;
  p->release_lo = p->release_end = NULL;
  p->release_count = 0;
}

static void keep(Parser *p) {
  release_flush(p);
  p->release_margin = RELEASE_MARGIN;
}

/* the first and the last token of [lo, end) that lie in the pool (NULL,
 * NULL when none does) */
static void pooled_bounds(Token *lo, Token *end, Token **first, Token **last) {
  *first = *last = NULL;
  for (Token *t = lo; t && t != end; t = t->next)
    if (t->pooled) {
      if (!*first) *first = t;
      *last = t;
    }
}

void release_parsed_tokens(Parser *p, Token *before, int pins_before) {
  if (!p->tok_pool || p->release_off) return;
  if (p->diags->errors) { /* a failed compile: nothing more to gain */
    release_flush(p);
    p->release_off = true;
    return;
  }
  Token *lo = before, *end = p->tok;
  /* the margin after a kept declaration: its first list tokens stay.  The
   * lexer put them out of the pool with the template; one that is in the
   * pool (a macro fooled the lexer) ends the range waiting, which must not
   * grow over it. */
  for (; p->release_margin > 0 && lo != end; p->release_margin--) {
    if (lo->pooled) release_flush(p);
    lo = lo->next;
    if (!lo) { /* the list was rewired: stop releasing */
      release_flush(p);
      p->release_off = true;
      return;
    }
  }
  if (p->tok_pins != pins_before) {
    /* kept.  A template's tokens are all out of the pool (lex.c): the
     * range waiting runs on across it, the margin after it stays. */
    Token *first, *last;
    pooled_bounds(before, end, &first, &last);
    if (first) keep(p);
    else p->release_margin = RELEASE_MARGIN;
    return;
  }
  if (lo == end) return; /* all in the margin */
  /* Both ends are tokens of the pool, so the pool holds, between them,
   * the text of this declaration: its own tokens, what the preprocessor
   * dropped (it is done before parsing starts) and tokens the lexer put
   * out of the pool.  A declaration that starts or ends out of the pool
   * (a macro expansion, a header's token, a template after it) is bounded
   * by its first and last tokens in the pool instead; the last stays. */
  Token *hi = end;
  if (!lo->pooled || !end->pooled) {
    Token *first, *last;
    pooled_bounds(lo, end, &first, &last);
    if (!first) return; /* none of it is in the pool */
    lo = first;
    if (!end->pooled) hi = last;
  }
  if (lo == hi) return;
  if (!p->release_lo) p->release_lo = lo;
  p->release_end = hi;
  if (++p->release_count >= RELEASE_BATCH) release_flush(p);
  p->spec_error_tok = NULL; /* may point into what goes */
}
