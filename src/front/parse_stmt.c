/*
 * parse_stmt.c — statements.  Each statement of a compound statement is a
 * recovery point: an error inside it is reported, the parser skips to the
 * next `;` or `}`, and the rest of the block is still checked, so one run
 * reports several independent errors.
 *
 * `__syncthreads()` and `__syncwarp(mask)` as statements become KS_BARRIER;
 * `#pragma unroll N` (a TK_PRAGMA token) sets the hint of the next loop.
 */
#include <stdlib.h>
#include <string.h>

#include "parser.h"

KStmt *new_stmt(Parser *p, KStmtKind k, SrcLoc loc) {
  KStmt *s = arena_alloc(p->arena, sizeof *s);
  s->kind = k;
  s->loc = loc;
  return s;
}


/* Skips one statement's tokens without analysing them. */
static void skip_stmt(Parser *p) {
  Token *t = p->tok;
  if (t->kind == TK_EOF) return;
  if (equal(t, "{")) {
    skip_balanced(p);
    return;
  }
  if (equal(t, "if") || equal(t, "for") || equal(t, "while") || equal(t, "switch")) {
    p->tok = t->next;
    consume(p, "constexpr");
    skip_balanced(p); /* the parenthesised header */
    skip_stmt(p);
    if (equal(t, "if") && consume(p, "else")) skip_stmt(p);
    return;
  }
  if (equal(t, "do")) {
    p->tok = t->next;
    skip_stmt(p);
    consume(p, "while");
    skip_balanced(p);
    consume(p, ";");
    return;
  }
  while (p->tok->kind != TK_EOF && !equal(p->tok, ";")) {
    if (equal(p->tok, "(") || equal(p->tok, "[") || equal(p->tok, "{")) skip_balanced(p);
    else p->tok = p->tok->next;
  }
  consume(p, ";");
}

/* The branch `if constexpr` discards: C++ does not instantiate it (it may
 * name what the template arguments lack), so it is skipped, not parsed. */
static KStmt *discard_stmt(Parser *p) {
  KStmt *s = new_stmt(p, KS_BLOCK, p->tok->loc);
  skip_stmt(p);
  return s;
}

static KStmt *parse_stmt(Parser *p);

static KStmt *block_of(Parser *p, PtrVec *v, SrcLoc loc) {
  KStmt *b = new_stmt(p, KS_BLOCK, loc);
  b->stmts = (KStmt **)v->items;
  b->nstmts = v->len;
  if (v->len && list_arena(p) != p->arena) {
    b->stmts = arena_alloc(p->arena, sizeof(KStmt *) * (size_t)v->len);
    memcpy(b->stmts, v->items, sizeof(KStmt *) * (size_t)v->len);
  }
  return b;
}

/* after `X<args>`: `::name` not followed by a name, `*` or `&` is a static
 * member used in an expression (`X<T>::run(a, b);`), not a declaration */
static bool template_member_expr(Token *lt) {
  int depth = 0;
  Token *t = lt;
  for (; t->kind != TK_EOF; t = t->next) {
    if (equal(t, "<") || equal(t, "(")) depth++;
    if (equal(t, ">") || equal(t, ")")) depth--;
    if (equal(t, ">>")) depth -= 2;
    if (depth <= 0) break;
    if (equal(t, ";") || equal(t, "{")) return false;
  }
  if (t->kind == TK_EOF || !equal(t->next, "::") || t->next->next->kind != TK_IDENT) return false;
  Token *after = t->next->next->next;
  return !(after->kind == TK_IDENT || equal(after, "*") || equal(after, "&") || equal(after, "::") ||
           equal(after, "<"));
}

/* Words that start a declaration whatever follows, and words that start
 * a statement other than a declaration: a switch on the length, then
 * comparisons of known length (is_decl_start asks this at every
 * statement; a loop of strcmp over the lists cost more than the rest). */
#define IS(kw) (!memcmp(s, kw, sizeof kw - 1))
static bool is_decl_keyword(const Token *t) {
  const char *s = t->spelling;
  switch (t->len) {
  case 4: return IS("auto") || IS("enum");
  case 5: return IS("const") || IS("using") || IS("class") || IS("union");
  case 6: return IS("static") || IS("extern") || IS("struct") || IS("signed");
  case 7: return IS("typedef");
  case 8: return IS("volatile") || IS("register") || IS("unsigned");
  case 9: return IS("constexpr") || IS("namespace");
  case 10: return IS("__shared__") || IS("__device__");
  case 12: return IS("__constant__");
  case 13: return IS("static_assert");
  default: return false;
  }
}

static bool is_stmt_keyword(const Token *t) {
  const char *s = t->spelling;
  switch (t->len) {
  case 2: return IS("do") || IS("if");
  case 3: return IS("for") || IS("new");
  case 4: return IS("goto") || IS("case") || IS("else");
  case 5: return IS("while") || IS("break") || IS("throw");
  case 6: return IS("return") || IS("switch") || IS("sizeof") || IS("delete");
  case 7: return IS("default") || IS("typedef");
  case 8: return IS("continue");
  case 9: return IS("co_return");
  default: return false;
  }
}
#undef IS

static bool is_decl_start(Parser *p, Token *t) {
  if (t->kind != TK_IDENT) return false;
  if (is_decl_keyword(t)) return true;
  if (!is_type_start(p, t)) {
    /* `flaot v = ...`: two names in a row can only start a declaration */
    if (is_stmt_keyword(t)) return false;
    Token *n = t->next;
    return n->kind == TK_IDENT && !lookup(p, t->spelling) && !is_builtin_name(p, t->spelling) &&
           (equal(n->next, "=") || equal(n->next, ";") || equal(n->next, "[") || equal(n->next, ","));
  }
  /* `T(x)` and `T{x}` at statement start are expressions (casts) when T is
   * a keyword type; a user type followed by an identifier is a declaration */
  Token *n = t->next;
  if (equal(n, "<") && template_member_expr(n)) return false;
  /* `float (*op)(float)`, `int (*rows)[4]`: a pointer declarator */
  if (equal(n, "(") && equal(n->next, "*") && n->next->next->kind == TK_IDENT &&
      (equal(n->next->next->next, ")") || equal(n->next->next->next, "[")))
    return true;
  if (equal(n, "(") || equal(n, "{") || equal(n, "::") || equal(n, ".")) {
    Sym *s = lookup(p, t->spelling);
    if (equal(n, "::") && s && (s->kind == SYM_NAMESPACE || s->kind == SYM_TYPE)) return true;
    return false;
  }
  return true;
}

/* compound = "{" stmt* "}" */
KStmt *parse_compound(Parser *p) {
  Token *open = expect(p, "{");
  Scope *outer = p->scope;
  scope_push(p, scope_new_block(p, outer));
  PtrVec v = {0};
  jmp_buf jb;
  jmp_buf *saved = p->recover;
  LoopCtx *loops = p->fn ? p->fn->loops : NULL;
  Scope *inner = p->scope;
  bool saved_gt = p->no_gt;
  /* an error inside a template instantiation unwinds past the code that
   * would have restored these */
  FuncCtx *fn = p->fn;
  KType *cls = p->cur_class;
  int depth = p->inst_depth;
  Token *volatile stmt_start = p->tok;
  int entry_depth = cleanup_depth(p);
  volatile int stmt_depth = entry_depth;
  while (!equal(p->tok, "}")) {
    if (p->tok->kind == TK_EOF) {
      p->recover = saved;
      error_tok(p, open, "expected '}' at end of input to match this '{'");
    }
    p->recover = &jb;
    if (setjmp(jb)) {
      p->scope = inner;
      p->no_gt = saved_gt;
      p->fn = fn;
      p->cur_class = cls;
      p->inst_depth = depth;
      if (p->fn) p->fn->loops = loops;
      cleanup_pop(p, stmt_depth);
      if (p->speculative) {
        p->recover = saved;
        longjmp(*saved, 1);
      }
      /* skip the failed statement from its start: the error may have been
       * raised inside a template's tokens, far from the user's text */
      p->tok = stmt_start;
      skip_to_sync(p);
      if (p->tok == stmt_start) p->tok = p->tok->next;
      continue;
    }
    stmt_start = p->tok;
    stmt_depth = cleanup_depth(p);
    if (equal(p->tok, ";")) {
      p->tok = p->tok->next;
      continue;
    }
    if (is_decl_start(p, p->tok))
      parse_declaration_stmt(p, &v);
    else
      vec_push(list_arena(p), &v, parse_stmt(p));
  }
  p->recover = saved;
  /* leaving the block: its objects' destructors, innermost first */
  if (!v.len || !stmt_ends_flow(v.items[v.len - 1])) cleanup_emit(p, entry_depth, NULL, &v, p->tok->loc);
  cleanup_pop(p, entry_depth);
  p->tok = p->tok->next;
  p->scope = outer;
  return block_of(p, &v, open->loc);
}

static KStmt *parse_sub_stmt(Parser *p) {
  /* a declaration as the body of if/for gets its own scope */
  if (is_decl_start(p, p->tok)) {
    PtrVec v = {0};
    SrcLoc loc = p->tok->loc;
    int depth = cleanup_depth(p);
    scope_push(p, scope_new_block(p, p->scope));
    parse_declaration_stmt(p, &v);
    scope_pop(p);
    cleanup_emit(p, depth, NULL, &v, loc);
    cleanup_pop(p, depth);
    return block_of(p, &v, loc);
  }
  return parse_stmt(p);
}

static KExpr *parse_condition(Parser *p) {
  Token *open = expect(p, "(");
  KExpr *c = parse_expr(p);
  expect(p, ")");
  return to_bool(p, c, open->next->loc);
}

/* depth: the cleanup depth break and continue unwind to */
static KStmt *parse_loop_body(Parser *p, bool is_switch, int depth) {
  LoopCtx ctx = {0};
  ctx.is_switch = is_switch;
  ctx.cleanup_depth = depth;
  ctx.outer = p->fn->loops;
  p->fn->loops = &ctx;
  KStmt *body = parse_sub_stmt(p);
  p->fn->loops = ctx.outer;
  return body;
}

static int take_unroll(Parser *p) {
  int u = p->pending_unroll;
  p->pending_unroll = 0;
  return u;
}

/* ---- range-based for ----------------------------------------------------
 * `for (DECL : RANGE) body` runs as a counted loop over an array of known
 * size, or from RANGE.begin() to RANGE.end() (pointers) for a class; the
 * loop variable is DECL initialized, in each iteration, from tokens made
 * for it: `DECL = __cw_rN[__cw_iN];` or `DECL = *__cw_rN;`, where the
 * hidden names are bound to temporaries of the function. */

/* the ':' of a range-based for at depth 0 inside the parentheses, or NULL */
static Token *range_colon(Token *open) {
  int depth = 0;
  for (Token *t = open->next; t->kind != TK_EOF; t = t->next) {
    if (equal(t, "(") || equal(t, "[") || equal(t, "{")) depth++;
    if (equal(t, ")") || equal(t, "]") || equal(t, "}")) {
      if (depth-- == 0) return NULL;
    }
    if (depth == 0 && (equal(t, ";") || equal(t, "?"))) return NULL;
    if (depth == 0 && equal(t, ":")) return t;
  }
  return NULL;
}

static Token *made_tok(Parser *p, Token *like, const char *s) {
  Token *t = arena_alloc(p->arena, sizeof *t);
  *t = *like;
  t->kind = (s[0] == '_' || (s[0] >= 'a' && s[0] <= 'z')) ? TK_IDENT : TK_PUNCT;
  t->spelling = s;
  t->len = (int)strlen(s);
  t->next = NULL;
  return t;
}

/* copies [from, to) and appends the given spellings; the last token links to end */
static Token *made_tokens(Parser *p, Token *from, Token *to, const char **more, int n, Token *end) {
  Token head = {0}, *tail = &head;
  for (Token *t = from; t != to; t = t->next) {
    Token *c = arena_alloc(p->arena, sizeof *c);
    *c = *t;
    tail = tail->next = c;
  }
  for (int i = 0; i < n; i++) tail = tail->next = made_tok(p, to, more[i]);
  tail->next = end;
  return head.next;
}

static Token *end_tok(Parser *p, Token *like) {
  Token *t = made_tok(p, like, ";");
  t->kind = TK_EOF;
  return t;
}

static KExpr *bind_hidden(Parser *p, const char *name, KExpr *init, KExpr **ref) {
  KVar *v;
  KExpr *set = make_temp(p, init, &v);
  Sym *s = scope_add(p, p->scope, SYM_VAR, name, init->loc);
  s->var = v;
  *ref = new_expr(p, KE_VAR, v->type, init->loc);
  (*ref)->var = v;
  return set;
}

static KExpr *range_method(Parser *p, Token *colon, Token *close, const char *m) {
  const char *more[] = {")", ".", m, "(", ")"};
  Token *open = made_tok(p, colon, "(");
  open->next = made_tokens(p, colon->next, close, more, 5, end_tok(p, close));
  Token *saved = p->tok;
  p->tok = open;
  KExpr *e = parse_expr(p);
  p->tok = saved;
  return e;
}

static KStmt *parse_range_for(Parser *p, KStmt *s, Token *colon) {
  Token *decl = p->tok;
  p->tok = colon->next;
  KExpr *range = parse_expr(p);
  Token *close = expect(p, ")");
  KType *rt = range->type->unqual;
  int n = p->uniq++;
  const char *rn = arena_printf(p->arena, "__cw_r%d", n), *in = arena_printf(p->arena, "__cw_i%d", n);
  KExpr *r, *i, *e;
  Token *elem;
  if (rt->kind == KT_ARRAY && rt->count >= 0) {
    KExpr *init = expr_comma(p, bind_hidden(p, rn, rvalue(p, range), &r),
                           bind_hidden(p, in, int_const(p, 0, p->m->t_i32, colon->loc), &i));
    s->init_stmt = new_stmt(p, KS_EXPR, colon->loc);
    s->init_stmt->e = init;
    s->cond = sema_binary(p, KOP_LT, i, int_const(p, rt->count, p->m->t_i32, colon->loc), colon->loc);
    s->step = sema_incdec(p, i, true, true, colon->loc);
    const char *more[] = {"=", rn, "[", in, "]", ";"};
    elem = made_tokens(p, decl, colon, more, 6, end_tok(p, close));
  } else if (rt->kind == KT_STRUCT) {
    KExpr *init = expr_comma(p, bind_hidden(p, rn, range_method(p, colon, close, "begin"), &r),
                           bind_hidden(p, in, range_method(p, colon, close, "end"), &e));
    s->init_stmt = new_stmt(p, KS_EXPR, colon->loc);
    s->init_stmt->e = init;
    s->cond = sema_binary(p, KOP_NE, r, e, colon->loc);
    s->step = sema_incdec(p, r, true, true, colon->loc);
    const char *more[] = {"=", "*", rn, ";"};
    elem = made_tokens(p, decl, colon, more, 4, end_tok(p, close));
  } else {
    error_at(p, range->loc, "invalid range expression of type '%s'; no viable 'begin' function available",
             type_name(p, range->type));
  }
  Token *after = p->tok;
  PtrVec v = {0};
  int depth = cleanup_depth(p); /* the loop variable is destroyed every iteration */
  p->tok = elem;
  parse_declaration_stmt(p, &v);
  p->tok = after;
  KStmt *body = parse_loop_body(p, false, depth);
  vec_push(p->arena, &v, body);
  if (!stmt_ends_flow(body)) cleanup_emit(p, depth, NULL, &v, body->loc);
  cleanup_pop(p, depth);
  s->body = block_of(p, &v, body->loc);
  scope_pop(p);
  return s;
}

static KStmt *parse_for(Parser *p, Token *kw) {
  KStmt *s = new_stmt(p, KS_LOOP, kw->loc);
  s->loop_kind = KLOOP_FOR;
  s->unroll = take_unroll(p);
  Token *colon = range_colon(p->tok);
  expect(p, "(");
  if (colon) {
    scope_push(p, scope_new_block(p, p->scope));
    return parse_range_for(p, s, colon);
  }
  scope_push(p, scope_new_block(p, p->scope));
  int depth = cleanup_depth(p);
  if (is_decl_start(p, p->tok)) {
    PtrVec v = {0};
    SrcLoc loc = p->tok->loc;
    parse_declaration_stmt(p, &v);
    if (equal(p->tok, ":") || (v.len == 0 && equal(p->tok->next, ":")))
      error_tok(p, kw, "range-based for loops are not supported");
    s->init_stmt = v.len == 1 ? v.items[0] : block_of(p, &v, loc);
  } else if (!consume(p, ";")) {
    KStmt *e = new_stmt(p, KS_EXPR, p->tok->loc);
    e->e = parse_expr(p);
    s->init_stmt = e;
    expect(p, ";");
  }
  if (!equal(p->tok, ";")) {
    SrcLoc loc = p->tok->loc;
    s->cond = to_bool(p, parse_expr(p), loc);
  }
  expect(p, ";");
  if (!equal(p->tok, ")")) s->step = parse_expr(p);
  expect(p, ")");
  s->body = parse_loop_body(p, false, cleanup_depth(p));
  scope_pop(p);
  if (cleanup_depth(p) == depth) return s;
  /* the init declared objects with destructors: { init; for (;;) ...; destroy } */
  PtrVec v = {0};
  vec_push(p->arena, &v, s->init_stmt);
  s->init_stmt = NULL;
  vec_push(p->arena, &v, s);
  cleanup_emit(p, depth, NULL, &v, kw->loc);
  cleanup_pop(p, depth);
  return block_of(p, &v, kw->loc);
}

static KStmt *parse_switch(Parser *p, Token *kw) {
  KStmt *s = new_stmt(p, KS_SWITCH, kw->loc);
  expect(p, "(");
  KExpr *c = rvalue(p, parse_expr(p));
  expect(p, ")");
  if (!kt_is_int(c->type))
    error_at(p, c->loc, "statement requires expression of integer type ('%s' invalid)",
             type_name(p, c->type));
  s->cond = cast_to(p, c, promote(p, c->type));
  s->body = parse_loop_body(p, true, cleanup_depth(p));
  return s;
}

static LoopCtx *innermost_switch(Parser *p) {
  for (LoopCtx *l = p->fn->loops; l; l = l->outer)
    if (l->is_switch) return l;
  return NULL;
}

/* a case label in the scope of an object with a destructor that the
 * switch's jump would skip the construction of: ill-formed C++ */
static _Noreturn void bypassed_dtor(Parser *p, Token *kw, LoopCtx *sw) {
  KVar *v = p->fn->cleanups.items[sw->cleanup_depth];
  error_tok(p, kw, "cannot jump from switch statement to this case label: the jump bypasses "
                   "the initialization of '%s', which has a destructor", v->name);
}

static KStmt *parse_case(Parser *p, Token *kw) {
  LoopCtx *sw = innermost_switch(p);
  KStmt *s = new_stmt(p, KS_CASE, kw->loc);
  if (equal(kw, "default")) {
    if (!sw) error_tok(p, kw, "'default' statement not in switch statement");
    if (cleanup_depth(p) > sw->cleanup_depth) bypassed_dtor(p, kw, sw);
    if (sw->has_default) error_tok(p, kw, "multiple default labels in one switch");
    sw->has_default = true;
    s->is_default = true;
    expect(p, ":");
    return s;
  }
  if (!sw) error_tok(p, kw, "'case' statement not in switch statement");
  if (cleanup_depth(p) > sw->cleanup_depth) bypassed_dtor(p, kw, sw);
  Token *vt = p->tok;
  s->case_value = const_int_expr(p, "expression is not an integral constant expression");
  for (int i = 0; i < sw->cases.len; i++)
    if (((KStmt *)sw->cases.items[i])->case_value == s->case_value)
      error_tok(p, vt, "duplicate case value '%lld'", (long long)s->case_value);
  vec_push(p->arena, &sw->cases, s);
  expect(p, ":");
  return s;
}

static KStmt *parse_return_stmt(Parser *p, Token *kw) {
  KStmt *s = new_stmt(p, KS_RETURN, kw->loc);
  FuncCtx *f = p->fn;
  if (equal(p->tok, ";")) {
    if (!f->ret) f->ret = f->fd->ret = f->kf->ret = p->m->t_void;
    if (f->ret->kind != KT_VOID) error_tok(p, kw, "non-void function should return a value");
    p->tok = p->tok->next;
    return s;
  }
  if (equal(p->tok, "{") && f->ret && !f->ret_ref) { /* return {a, b}; */
    s->e = parse_initializer(p, f->ret, p->tok->loc);
    if (s->e->kind == KE_INIT_LIST) s->e->kind = KE_VEC;
    expect(p, ";");
    return s;
  }
  KExpr *e = parse_expr(p);
  expect(p, ";");
  if (!f->ret) { /* `auto` return type: the first return decides */
    f->ret = decay(p, e->type);
    f->fd->ret = f->ret;
    f->kf->ret = f->ret;
  }
  if (f->ret->kind == KT_VOID) {
    if (e->type->kind != KT_VOID) error_tok(p, kw, "void function should not return a value");
    KStmt *es = new_stmt(p, KS_EXPR, kw->loc);
    es->e = e;
    PtrVec v = {0};
    vec_push(p->arena, &v, es);
    vec_push(p->arena, &v, s);
    return block_of(p, &v, kw->loc);
  }
  if (f->ret_ref) {
    if (!is_lvalue(e)) error_at(p, e->loc, "non-const reference cannot bind to a temporary");
    s->e = sema_addr(p, e, e->loc);
  } else if (e->type->unqual->kind == KT_STRUCT && same_type(e->type, f->ret)) {
    s->e = e;
  } else {
    s->e = convert(p, e, f->ret, CONV_RETURN, e->loc);
  }
  return s;
}

/* `return` leaves every scope of the function: the value is computed
 * first (into a temporary), then the live objects are destroyed.  A
 * local object returned by name is not destroyed: it becomes the result
 * (the copy elision nvcc makes), so it is destroyed once, by the caller. */
static KStmt *parse_return(Parser *p, Token *kw) {
  KStmt *r = parse_return_stmt(p, kw);
  if (!cleanup_depth(p)) return r;
  PtrVec v = {0};
  KStmt *ret = r;
  if (r->kind == KS_BLOCK) { /* a void function's `return f();` */
    vec_push(p->arena, &v, r->stmts[0]);
    ret = r->stmts[1];
  }
  KVar *skip = NULL;
  KExpr *e = ret->e;
  if (e && e->kind == KE_VAR && cleanup_has(p, e->var)) {
    skip = e->var;
  } else if (e && e->kind != KE_INT && e->kind != KE_FLOAT) {
    KVar *tmp;
    KStmt *set = new_stmt(p, KS_EXPR, e->loc);
    set->e = make_temp(p, e, &tmp);
    vec_push(p->arena, &v, set);
    ret->e = new_expr(p, KE_VAR, tmp->type, e->loc);
    ret->e->var = tmp;
  }
  cleanup_emit(p, 0, skip, &v, kw->loc);
  vec_push(p->arena, &v, ret);
  return block_of(p, &v, kw->loc);
}

static KStmt *expr_stmt(Parser *p) {
  SrcLoc loc = p->tok->loc;
  KExpr *e = parse_expr(p);
  expect(p, ";");
  if (e->kind == KE_BUILTIN && (e->builtin == KB_SYNCTHREADS || e->builtin == KB_SYNCWARP)) {
    KStmt *b = new_stmt(p, KS_BARRIER, loc);
    b->scope = e->builtin == KB_SYNCTHREADS ? KBAR_BLOCK : KBAR_WARP;
    if (e->nargs) b->e = e->args[0];
    return b;
  }
  KStmt *s = new_stmt(p, KS_EXPR, loc);
  s->e = e;
  return s;
}

static void parse_pragma(Parser *p, Token *t) {
  const char *s = t->spelling;
  if (!strncmp(s, "unroll", 6) && (s[6] == 0 || s[6] == ' ')) {
    int n = s[6] ? atoi(s + 7) : -1;
    if (s[6] && n <= 0) {
      warn_at(p, t->loc, "ignoring '#pragma %s': the unroll count must be a positive integer literal", s);
      n = -1;
    }
    if (n > KIR_UNROLL_MAX) n = KIR_UNROLL_MAX; /* a hint: beyond any loop worth unrolling */
    p->pending_unroll = n;
  } else if (!strcmp(s, "nounroll")) {
    p->pending_unroll = 1;
  }
}

static KStmt *parse_stmt(Parser *p) {
  Token *t = p->tok;
  if (t->kind == TK_PRAGMA) {
    p->tok = t->next;
    parse_pragma(p, t);
    return new_stmt(p, KS_BLOCK, t->loc);
  }
  if (equal(t, "{")) return parse_compound(p);
  if (t->kind == TK_IDENT && equal(t->next, ":") && !is_type_start(p, t) &&
      !equal(t, "default")) {
    p->tok = t->next->next;
    for (int i = 0; i < p->fn->labels.len; i++)
      if (!strcmp(p->fn->labels.items[i], t->spelling))
        error_tok(p, t, "redefinition of label '%s'", t->spelling);
    vec_push(p->arena, &p->fn->labels, (void *)t->spelling);
    KStmt *s = new_stmt(p, KS_LABEL, t->loc);
    s->label = t->spelling;
    return s;
  }
  if (t->kind != TK_IDENT) return expr_stmt(p);
  p->tok = t->next;
  if (equal(t, "if")) {
    bool is_constexpr = consume(p, "constexpr");
    KStmt *s = new_stmt(p, KS_IF, t->loc);
    s->cond = parse_condition(p);
    int64_t taken = -1, v;
    if (is_constexpr && eval_const(p, s->cond, &v)) taken = v != 0;
    s->then = taken == 0 ? discard_stmt(p) : parse_sub_stmt(p);
    if (consume(p, "else")) s->els = taken == 1 ? discard_stmt(p) : parse_sub_stmt(p);
    return s;
  }
  if (equal(t, "while")) {
    KStmt *s = new_stmt(p, KS_LOOP, t->loc);
    s->loop_kind = KLOOP_WHILE;
    s->unroll = take_unroll(p);
    s->cond = parse_condition(p);
    s->body = parse_loop_body(p, false, cleanup_depth(p));
    return s;
  }
  if (equal(t, "do")) {
    KStmt *s = new_stmt(p, KS_LOOP, t->loc);
    s->loop_kind = KLOOP_DO;
    s->unroll = take_unroll(p);
    s->body = parse_loop_body(p, false, cleanup_depth(p));
    expect(p, "while");
    s->cond = parse_condition(p);
    expect(p, ";");
    return s;
  }
  if (equal(t, "for")) return parse_for(p, t);
  if (equal(t, "switch")) return parse_switch(p, t);
  if (equal(t, "case") || equal(t, "default")) return parse_case(p, t);
  if (equal(t, "break") || equal(t, "continue")) {
    bool brk = equal(t, "break");
    LoopCtx *l = p->fn->loops;
    if (!brk)
      while (l && l->is_switch) l = l->outer;
    if (!l)
      error_tok(p, t, brk ? "'break' statement not in loop or switch statement"
                          : "'continue' statement not in loop statement");
    expect(p, ";");
    KStmt *jump = new_stmt(p, brk ? KS_BREAK : KS_CONTINUE, t->loc);
    if (cleanup_depth(p) == l->cleanup_depth) return jump;
    PtrVec v = {0}; /* leaving the scopes inside the loop: their destructors */
    cleanup_emit(p, l->cleanup_depth, NULL, &v, t->loc);
    vec_push(p->arena, &v, jump);
    return block_of(p, &v, t->loc);
  }
  if (equal(t, "return")) return parse_return(p, t);
  if (equal(t, "goto")) {
    Token *name = p->tok;
    expect_ident(p);
    expect(p, ";");
    if (cleanup_depth(p))
      error_tok(p, t, "'goto' in the scope of a variable with a destructor ('%s') is not supported "
                      "in device code", ((KVar *)p->fn->cleanups.items[0])->name);
    vec_push(p->arena, &p->fn->gotos, name);
    KStmt *s = new_stmt(p, KS_GOTO, t->loc);
    s->label = name->spelling;
    return s;
  }
  if (equal(t, "try") || equal(t, "throw") || equal(t, "asm") || equal(t, "__asm__"))
    error_tok(p, t, "'%s' is not supported in device code", t->spelling);
  p->tok = t;
  return expr_stmt(p);
}
