/*
 * parse_util.c — token helpers and error reporting shared by the parser.
 *
 * Errors unwind (longjmp) to p->recover; the recovery point decides how far
 * to skip.  A speculative parse (possible host code) records nothing.
 */
#include <stdio.h>
#include <string.h>

#include "parser.h"

static void report(Parser *p, DiagLevel lv, SrcLoc loc, const char *fmt,
                   va_list ap) {
  if (p->speculative) {
    if (lv == DIAG_ERROR) {
      vsnprintf(p->spec_error, sizeof p->spec_error, fmt, ap);
      p->spec_error_tok = NULL;
    }
    return;
  }
  if (lv == DIAG_ERROR && p->diags->errors >= p->diags->max_errors) return;
  diag_vadd(p->diags, lv, loc, fmt, ap);
}

void error_at(Parser *p, SrcLoc loc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  report(p, DIAG_ERROR, loc, fmt, ap);
  va_end(ap);
  longjmp(*p->recover, 1);
}

void error_tok(Parser *p, Token *t, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  report(p, DIAG_ERROR, t->loc, fmt, ap);
  va_end(ap);
  if (p->speculative && t->kind == TK_IDENT) p->spec_error_tok = t;
  longjmp(*p->recover, 1);
}

void error_soft(Parser *p, SrcLoc loc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  report(p, DIAG_ERROR, loc, fmt, ap);
  va_end(ap);
  if (p->speculative) longjmp(*p->recover, 1);
}

void warn_at(Parser *p, SrcLoc loc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  report(p, DIAG_WARNING, loc, fmt, ap);
  va_end(ap);
}


static const char *describe(Token *t) {
  return t->kind == TK_EOF ? "end of file" : t->spelling;
}

_Noreturn void expect_failed(Parser *p, Token *t, const char *s) {
  error_tok(p, t, "expected '%s' before '%s'", s, describe(t));
}

const char *expect_ident(Parser *p) {
  Token *t = p->tok;
  if (t->kind != TK_IDENT)
    error_tok(p, t, "expected identifier before '%s'", describe(t));
  p->tok = t->next;
  return t->spelling;
}

/* The `)` that closes the call whose callee's name is `name` (after any
 * template argument list), or name itself when the tokens do not say:
 * where clang points a "too few arguments" error. */
Token *call_close_paren(Token *name) {
  Token *t = name->next;
  for (int angle = 0; t && t->kind != TK_EOF && !(angle == 0 && equal(t, "(")); t = t->next) {
    if (equal(t, "<")) angle++;
    else if (equal(t, ">") && angle > 0) angle--;
    else if (angle == 0 || equal(t, ";") || equal(t, "{")) return name;
  }
  for (int depth = 0; t && t->kind != TK_EOF; t = t->next) {
    if (equal(t, "(")) depth++;
    if (equal(t, ")") && --depth == 0) return t;
  }
  return name;
}

void skip_balanced(Parser *p) {
  Token *m = p->tok->kind == TK_PUNCT ? p->tok->match : NULL;
  if (m && m->kind == TK_PUNCT && m->match == p->tok && p->tok->len == 1 &&
      (p->tok->spelling[0] == '(' || p->tok->spelling[0] == '[' || p->tok->spelling[0] == '{')) {
    p->tok = m->next; /* paired by the preprocessor (pp.c, finish) */
    return;
  }
  int depth = 0;
  do {
    Token *t = p->tok;
    if (t->kind == TK_EOF) return;
    if (t->kind == TK_PUNCT && t->len == 1) { /* one test for the six brackets */
      char c = t->spelling[0];
      if (c == '(' || c == '[' || c == '{') depth++;
      else if (c == ')' || c == ']' || c == '}') depth--;
    }
    p->tok = t->next;
  } while (depth > 0);
}

void skip_to_sync(Parser *p) {
  for (;;) {
    Token *t = p->tok;
    if (t->kind == TK_EOF) return;
    if (equal(t, ";")) {
      p->tok = t->next;
      return;
    }
    if (equal(t, "}")) return;
    if (equal(t, "{")) {
      skip_balanced(p);
      /* a definition body ends the declaration; `= {..};` continues */
      if (!equal(p->tok, ";") && !equal(p->tok, ",")) return;
      continue;
    }
    if (equal(t, "(") || equal(t, "[")) {
      skip_balanced(p);
      continue;
    }
    p->tok = t->next;
  }
}

/* Templates close with '>' but the lexer made '>>' (or '>=', '>>=') one
 * token; split it in place. */
void split_shr(Parser *p) {
  Token *t = p->tok;
  if (t->kind != TK_PUNCT || t->spelling[0] != '>' || t->len < 2) return;
  Token *rest = arena_alloc(p->arena, sizeof *rest);
  *rest = *t;
  rest->spelling = t->spelling + 1;
  rest->len = t->len - 1;
  rest->loc.col++;
  rest->has_space = false;
  Token *first = arena_alloc(p->arena, sizeof *first);
  *first = *t;
  first->spelling = ">";
  first->len = 1;
  first->next = rest;
  p->tok = first;
}

const char *dropped_decl_note(Parser *p, const char *name) {
  for (int i = 0; i < p->dropped.len; i++) { /* the first: later ones often follow from it */
    DroppedDecl *d = p->dropped.items[i];
    if (strcmp(d->name->spelling, name)) continue;
    char buf[400];
    snprintf(buf, sizeof buf, " (its declaration at %d:%d was taken for host code: %s)",
             d->name->loc.line, d->name->loc.col, d->why);
    return arena_strdup(p->arena, buf);
  }
  return "";
}
