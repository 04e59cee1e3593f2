/*
 * parse_outofclass.c — members of class templates defined outside the
 * class: `template <class T> __device__ X<T>::X(T v) : a(v) {}`,
 * `template <class T> __device__ T X<T>::get() const { ... }`.
 *
 * Such a definition is recorded on the class template with its tokens,
 * the `X<T>::` before the member's name cut out, so that it reads as the
 * member would inside the class body.  Each instance of the class replays
 * the recorded definitions in its own class scope (where the class's
 * template parameters are bound) through the class-member parser: the
 * definition meets the in-class declaration and gives it its body.  The
 * definition's template parameters are taken to be the class's, in order
 * and with the same names, as in nearly all code.
 *
 * A member of an ordinary class defined outside it (`__device__
 * S::S(float x) : v(x) {}`, `S::value_type S::get(value_type k) const`,
 * `S::~S()`, `ns::S::operator+=`) is parsed the same way, once: the
 * definition with its `ns::S::` cut out, in S's scope, so that the
 * parameters and the body see S's member types and constants.
 */
#include <string.h>

#include "decl.h"

/* In `... X<args>::name`, the token X when X is a class template. */
Token *member_def_owner(Parser *p, Token *decl, Token *name) {
  Token *last_ident = NULL, *owner = NULL;
  int angle = 0;
  for (Token *t = decl; t && t != name && t->kind != TK_EOF; t = t->next) {
    if (angle == 0 && t->kind == TK_IDENT && equal(t->next, "<")) last_ident = t;
    if (equal(t, "<")) angle++;
    if (equal(t, ">")) angle--;
    if (equal(t, ">>")) angle -= 2;
    if (angle == 0 && equal(t, ">") && equal(t->next, "::") && t->next->next == name)
      owner = last_ident;
  }
  if (!owner) return NULL;
  Sym *s = lookup(p, owner->spelling);
  return s && s->kind == SYM_TEMPLATE && s->tmpl->is_class ? owner : NULL;
}

/* The member definition at TOKENS (its qualifier cut out) parsed as a
 * member of CLS, bodies included; p->tok ends after it. */
static void parse_in_class(Parser *p, KType *cls, const char *short_name, Token *tokens) {
  PtrVec saved_deferred = p->deferred;
  memset(&p->deferred, 0, sizeof p->deferred);
  p->scope = cls->front;
  p->cur_class = cls;
  p->tok = tokens;
  parse_class_member(p, cls, short_name);
  p->cur_class = NULL;
  finish_deferred_bodies(p);
  p->deferred = saved_deferred;
}

/* the tokens from DECL to NAME without those from CUT to NAME (the
 * `X<T>::` or `ns::S::` before the member's name), sharing NAME onwards */
static Token *cut_qualifier(Parser *p, Token *decl, Token *cut, Token *name) {
  Token head = {0}, *tail = &head;
  for (Token *t = decl; t != cut; t = t->next) {
    Token *c = arena_alloc(p->arena, sizeof *c);
    *c = *t;
    tail = tail->next = c;
  }
  tail->next = name;
  return head.next;
}

static void replay_member(Parser *p, Template *md, KType *inst) {
  Saved sv;
  save_state(p, &sv);
  p->fn = NULL;
  p->no_gt = false;
  parse_in_class(p, inst, ((Template *)md->owner_tmpl)->name, md->decl);
  restore_state(p, &sv);
}

/* records `template <...> ... X<...>::name ...` on X; instances that exist
 * already get the member now */
void declare_member_def(Parser *p, Template *md, Token *owner_tok, Token *name) {
  Template *ct = lookup(p, owner_tok->spelling)->tmpl;
  md->decl = cut_qualifier(p, md->decl, owner_tok, name);
  md->name = name->spelling;
  md->owner_tmpl = ct;
  vec_push(p->arena, &ct->members, md);
  for (int i = 0; i < ct->instances.len; i++) {
    Instance *in = ct->instances.items[i];
    if (in->type && in->type->front) replay_member(p, md, in->type);
  }
}

/* gives a new instance of ct the members defined outside the class */
void define_members(Parser *p, Template *ct, KType *inst) {
  for (int i = 0; i < ct->members.len; i++) replay_member(p, ct->members.items[i], inst);
}

/* In a namespace-scope declaration starting at decl, the qualifier chain
 * `A::B::` before the declarator's name when the name is followed by a
 * parameter list (or is a destructor or operator): *chain its first token,
 * *name the member's.  Template arguments in the chain: not ours (the
 * class template path above, or an explicit specialization). */
static bool member_chain(Token *decl, Token **chain, Token **name) {
  Token *begin = NULL;
  for (Token *t = decl; t && t->kind != TK_EOF; t = t->next) {
    if (equal(t, "(") || equal(t, ";") || equal(t, "{") || equal(t, "=") || equal(t, "<"))
      return false;
    if (t->kind == TK_IDENT && equal(t->next, "::")) {
      if (!begin) begin = t;
      Token *n = t->next->next;
      if (equal(n, "~") || equal(n, "operator") ||
          (n->kind == TK_IDENT && equal(n->next, "("))) {
        *chain = begin, *name = n;
        return true;
      }
      t = t->next; /* past the :: */
      continue;
    }
    begin = NULL;
  }
  return false;
}

/* the class the chain names (NULL: a namespace, unknown, a template) */
static KType *chain_class(Parser *p, Token *chain, Token *name) {
  Scope *in = NULL;
  Sym *s = NULL;
  for (Token *t = chain; t != name; t = t->next->next) {
    s = in ? lookup_in(in, t->spelling) : lookup(p, t->spelling);
    if (!s) return NULL;
    if (s->kind == SYM_NAMESPACE) in = s->ns;
    else if (s->kind == SYM_TYPE && s->type->unqual->front && !s->tmpl) in = s->type->unqual->front;
    else return NULL;
  }
  return s && s->kind == SYM_TYPE ? s->type->unqual : NULL;
}

/* `... S::member(...)` at p->tok: parsed as S's member; false if not one */
bool parse_member_def_of_class(Parser *p) {
  Token *decl = p->tok, *chain, *name;
  if (!member_chain(decl, &chain, &name)) return false;
  KType *owner = chain_class(p, chain, name);
  if (!owner || owner->kind != KT_STRUCT) return false;
  Token *owner_tok = chain;
  while (owner_tok->next->next != name) owner_tok = owner_tok->next->next;
  Scope *scope = p->scope;
  KType *cur_class = p->cur_class;
  parse_in_class(p, owner, owner_tok->spelling, cut_qualifier(p, decl, chain, name));
  p->scope = scope;
  p->cur_class = cur_class;
  return true;
}
