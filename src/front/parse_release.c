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
 * without a pin is finished with its tokens: the pages of the pool between
 * its first and last pooled token (and those of the declarations released
 * just before it, and the directives and skipped lines between them) are
 * released.  Tokens the preprocessor made (macro expansions) and those of
 * headers live in the arena and stay.
 *
 * Safety: the range runs from the first to the last pooled token of the
 * declaration in list order, both its own (arena_release refuses a copy the
 * parser made elsewhere); a declaration is contiguous text, so everything
 * lexed between them is its own or was dropped by the preprocessor (which
 * is done before parsing starts).  The first RELEASE_MARGIN pooled tokens
 * after a kept declaration stay, since parsing a template instance may look
 * a few tokens past its end; nothing is released after an error.
 * front_device_source walks the whole list, so once anything is released
 * it returns NULL and the caller compiles again with the tokens kept.
 */
#include "parser.h"

enum {
  RELEASE_MARGIN = 16,      /* pooled tokens kept after a kept declaration */
  RELEASE_BATCH = 1 << 16,  /* tokens (3 MiB) waiting at most before release */
};

void release_flush(Parser *p) {
  if (!p->release_lo) return;
  if (arena_release(p->tok_pool, p->release_lo, (const char *)p->release_hi + sizeof(Token)))
    p->tokens_released = true;
  p->release_lo = p->release_hi = NULL;
  p->release_count = 0;
}

/* a comes after b in the same file (b unset: anything does) */
static bool after(SrcLoc a, SrcLoc b) {
  if (!b.file) return true;
  return a.file == b.file && (a.line > b.line || (a.line == b.line && a.col > b.col));
}

static void keep(Parser *p) {
  release_flush(p);
  p->release_margin = RELEASE_MARGIN;
  p->release_last = (SrcLoc){0};
}

void release_parsed_tokens(Parser *p, Token *before, int pins_before) {
  if (!p->tok_pool || p->release_off) return;
  if (p->diags->errors) { /* a failed compile: nothing more to gain */
    release_flush(p);
    p->release_off = true;
    return;
  }
  bool pinned = p->tok_pins != pins_before;
  Token *first = NULL, *last = NULL;
  int n = 0;
  for (Token *t = before; t != p->tok; t = t->next) {
    if (!t || t->kind == TK_EOF) { /* the list was rewired: stop releasing */
      release_flush(p);
      p->release_off = true;
      return;
    }
    if (!t->pooled || pinned) continue;
    if (p->release_margin > 0) { /* kept; the released part must start after them */
      p->release_margin--;
      if (after(t->loc, p->release_last)) p->release_last = t->loc;
      continue;
    }
    if (!first) first = t;
    last = t;
    n++;
  }
  /* the first and last pooled token (in list order) bound the range: the
   * declaration's text lies between them, in the pool's lexing order
   * (arena_release refuses a pair of which one is a copy made elsewhere).
   * A macro may reorder its arguments: the range must still begin after
   * the kept margin. */
  if (pinned || (first && !after(first->loc, p->release_last))) {
    keep(p);
    return;
  }
  if (!first) return;
  if (!p->release_lo) p->release_lo = first;
  p->release_hi = last;
  p->release_count += n;
  if (p->release_count >= RELEASE_BATCH) release_flush(p);
  p->spec_error_tok = NULL; /* may point into what goes */
}
