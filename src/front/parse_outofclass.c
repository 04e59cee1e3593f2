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

static void replay_member(Parser *p, Template *md, KType *inst) {
  Saved sv;
  save_state(p, &sv);
  PtrVec saved_deferred = p->deferred;
  memset(&p->deferred, 0, sizeof p->deferred);
  p->scope = inst->front;
  p->cur_class = inst;
  p->fn = NULL;
  p->no_gt = false;
  p->tok = md->decl;
  parse_class_member(p, inst, ((Template *)md->owner_tmpl)->name);
  p->cur_class = NULL;
  finish_deferred_bodies(p);
  p->deferred = saved_deferred;
  restore_state(p, &sv);
}

/* records `template <...> ... X<...>::name ...` on X; instances that exist
 * already get the member now */
void declare_member_def(Parser *p, Template *md, Token *owner_tok, Token *name) {
  Template *ct = lookup(p, owner_tok->spelling)->tmpl;
  Token head = {0}, *tail = &head;
  for (Token *t = md->decl; t != owner_tok; t = t->next) {
    Token *c = arena_alloc(p->arena, sizeof *c);
    *c = *t;
    tail = tail->next = c;
  }
  tail->next = name;
  md->decl = head.next;
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
