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
 * live in the arena and stay.
 *
 * Safety: both ends must be tokens lexed from the main file (a declaration
 * that starts or ends with a macro expansion or a header's token is kept),
 * and a declaration is contiguous text, so what was lexed between them is
 * its own or was dropped by the preprocessor, which is done before parsing
 * starts; arena_release refuses ends of which one is a copy the parser
 * made elsewhere, or that come out of order.  The first RELEASE_MARGIN
 * tokens after a kept declaration stay, since parsing a template instance
 * may look a few tokens past its end; nothing is released after an error.
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

void release_parsed_tokens(Parser *p, Token *before, int pins_before) {
  if (!p->tok_pool || p->release_off) return;
  if (p->diags->errors) { /* a failed compile: nothing more to gain */
    release_flush(p);
    p->release_off = true;
    return;
  }
  Token *lo = before, *end = p->tok;
  /* the margin after a kept declaration: its first list tokens stay */
  for (; p->release_margin > 0 && lo != end; p->release_margin--) {
    lo = lo->next;
    if (!lo) { /* the list was rewired: stop releasing */
      release_flush(p);
      p->release_off = true;
      return;
    }
  }
  if (p->tok_pins != pins_before || !lo->pooled || !end->pooled) {
    keep(p);
    return;
  }
  if (lo == end) return; /* all in the margin */
  /* Both ends are tokens lexed from the main file, so the pool holds,
   * between them, the text of this declaration: its own tokens and what
   * the preprocessor dropped (it is done before parsing starts).
   * arena_release refuses a pair of which one is a copy made elsewhere,
   * or that came out of order. */
  if (!p->release_lo) p->release_lo = lo;
  p->release_end = end;
  if (++p->release_count >= RELEASE_BATCH) release_flush(p);
  p->spec_error_tok = NULL; /* may point into what goes */
}
