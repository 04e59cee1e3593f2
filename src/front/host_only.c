/*
 * host_only.c — which declarations our device pass keeps but NVRTC could
 * not compile.  A top-level declaration without CUDA markers is kept when
 * it parses (parse_top.c), and a template's body is not looked at until
 * it is instantiated, so host helpers survive into the device-only source
 * (device_source.c): cuda-samples' `Exception<std::runtime_error>` with
 * its std::string members, boost's rounding-control classes derived from
 * a class we dropped.  NVRTC has no C++ library and sees none of the host
 * declarations, so such a declaration would stop its compile even though
 * device code never uses it (nvcc's device pass has the host headers).
 *
 * A kept declaration is host-only here when its tokens (but for members
 * already left out, which parse_class.c records) name `std::X`
 * where nothing NVRTC sees declares X (our shims beyond type_traits and
 * limits are the device pass's alone) and X is not a builtin the source
 * maps into std for NVRTC, or name a class or typedef that only host code
 * declared (one that failed to parse, or was itself found host-only, and
 * that no kept declaration also declares).  Such a declaration could not
 * be device code that compiles: our front end keeps its meaning for the
 * other targets, only NVRTC's source leaves it out, as a host span.
 */
#include <string.h>

#include "parser.h"

static bool listed(PtrVec *v, const char *name) {
  for (int i = 0; i < v->len; i++)
    if (!strcmp(v->items[i], name)) return true;
  return false;
}

/* the class, enum or typedef name a declaration [start, end) declares,
 * or NULL (functions, variables, specializations: `struct S<float>`) */
static const char *declared_type(Token *t, Token *end) {
  while (t != end && equal(t, "template")) { /* template <...> prefixes */
    t = t->next;
    for (int angle = 0; t != end; t = t->next) {
      angle += equal(t, "<") - equal(t, ">") - 2 * equal(t, ">>");
      if (angle <= 0 && (equal(t, ">") || equal(t, ">>"))) {
        t = t->next;
        break;
      }
    }
  }
  if (t == end) return NULL;
  if (equal(t, "typedef")) { /* the last name before the `;` */
    const char *last = NULL;
    for (int depth = 0; t != end && !(depth == 0 && equal(t, ";")); t = t->next) {
      depth += equal(t, "{") + equal(t, "(") - equal(t, "}") - equal(t, ")");
      if (depth == 0 && t->kind == TK_IDENT) last = t->spelling;
    }
    return last;
  }
  if (equal(t, "using") && t->next != end && t->next->kind == TK_IDENT && equal(t->next->next, "="))
    return t->next->spelling;
  if (!equal(t, "struct") && !equal(t, "class") && !equal(t, "union") && !equal(t, "enum"))
    return NULL;
  t = t->next;
  if (t != end && (equal(t, "class") || equal(t, "struct"))) t = t->next; /* enum class */
  if (t == end || t->kind != TK_IDENT || equal(t->next, "<") || equal(t->next, "::")) return NULL;
  return t->spelling;
}

/* `std :: X` at t naming what NVRTC will not have */
static bool names_missing_std(Parser *p, Token *t) {
  if (!equal(t, "std") || !equal(t->next, "::") || t->next->next->kind != TK_IDENT) return false;
  const char *x = t->next->next->spelling;
  Sym *ns = lookup_in(p->global, "std");
  Sym *d = ns && ns->kind == SYM_NAMESPACE ? lookup_in(ns->ns, x) : NULL;
  if (d) return !front_nvrtc_sees(p, srcloc_file(d->loc));
  return !is_builtin_name(p, x); /* builtins: device_source.c maps them */
}

static bool names_host_type(Parser *p, Token *prev, Token *t) {
  if (t->kind != TK_IDENT || (prev && (equal(prev, ".") || equal(prev, "->")))) return false;
  return listed(&p->host_type_names, t->spelling) && !listed(&p->kept_type_names, t->spelling);
}

/* whether token x lies in [start, end) */
static bool within(Token *start, Token *end, Token *x) {
  for (Token *t = start; t && t != end; t = t->next)
    if (t == x) return true;
  return false;
}

bool front_host_only(Parser *p, Token *start, Token *end) {
  const char *own = declared_type(start, end);
  /* members already left out (parse_class.c) do not count: a class
   * device code uses may have a member function taking std::string */
  int k = p->host_spans.len;
  while (k > 0 && within(start, end, ((HostSpan *)p->host_spans.items[k - 1])->start)) k--;
  bool host = false;
  for (Token *prev = NULL, *t = start; t && t != end && !host; prev = t, t = t->next) {
    while (k < p->host_spans.len && t == ((HostSpan *)p->host_spans.items[k])->start)
      t = ((HostSpan *)p->host_spans.items[k++])->end; /* spans may abut */
    if (!t || t == end) break;
    bool nested = prev && equal(prev, "::"); /* `a::std::x` is not ::std */
    host = (!nested && names_missing_std(p, t)) ||
           (names_host_type(p, prev, t) && (!own || strcmp(own, t->spelling)));
  }
  PtrVec *names = host ? &p->host_type_names : &p->kept_type_names;
  if (own && !listed(names, own)) vec_push(p->arena, names, (void *)own);
  return host;
}

void front_note_dropped(Parser *p, Token *start, Token *end) {
  const char *own = declared_type(start, end);
  if (own && !listed(&p->host_type_names, own))
    vec_push(p->arena, &p->host_type_names, (void *)own);
}
