/*
 * scope.c — scopes and name lookup.
 *
 * Block scopes keep their symbols in a short list (most hold a handful of
 * names); namespace scopes hash.  Lookup walks outwards through parents and,
 * at each scope, through the namespaces named by `using namespace`.  A
 * later declaration shadows an earlier one of the same name in the same
 * scope only for functions (overloads join one set); redefinition checks
 * happen at the declaration sites.
 */
#include <string.h>

#include "parser.h"

static unsigned hash_name(const char *s) {
  unsigned h = 2166136261u;
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
  return h;
}

Scope *scope_new(Parser *p, Scope *parent, bool hashed) {
  Scope *s = arena_alloc(p->arena, sizeof *s);
  s->parent = parent;
  if (hashed) {
    s->nbuckets = SCOPE_HASH;
    s->hash = arena_alloc(p->arena, sizeof(Sym *) * SCOPE_HASH);
  }
  s->prefix = parent ? parent->prefix : "";
  s->cprefix = parent ? parent->cprefix : "";
  return s;
}

void scope_push(Parser *p, Scope *s) { p->scope = s; }
void scope_pop(Parser *p) { p->scope = p->scope->parent; }

/* doubles the buckets; chains keep their order (later declarations first) */
static void grow(Parser *p, Scope *s) {
  int n = s->nbuckets * 4;
  Sym **nh = arena_alloc(p->arena, sizeof(Sym *) * (size_t)n);
  for (int i = 0; i < s->nbuckets; i++) {
    Sym *rev = NULL;
    for (Sym *sym = s->hash[i]; sym;) {
      Sym *next = sym->next;
      sym->next = rev;
      rev = sym;
      sym = next;
    }
    for (Sym *sym = rev; sym;) {
      Sym *next = sym->next;
      unsigned h = hash_name(sym->name) % (unsigned)n;
      sym->next = nh[h];
      nh[h] = sym;
      sym = next;
    }
  }
  s->hash = nh;
  s->nbuckets = n;
}

Sym *scope_add(Parser *p, Scope *s, SymKind kind, const char *name,
               SrcLoc loc) {
  Sym *sym = arena_alloc(p->arena, sizeof *sym);
  sym->kind = kind;
  sym->name = name;
  sym->loc = loc;
  if (s->hash) {
    if (++s->count > s->nbuckets * 2) grow(p, s);
    unsigned h = hash_name(name) % (unsigned)s->nbuckets;
    sym->next = s->hash[h];
    s->hash[h] = sym;
  } else {
    sym->next = s->syms;
    s->syms = sym;
  }
  return sym;
}

/* the symbol `name` (hash h: hash_name(name)) declared in s itself */
static Sym *find_local(Scope *s, const char *name, unsigned h) {
  Sym *sym = s->hash ? s->hash[h % (unsigned)s->nbuckets] : s->syms;
  for (; sym; sym = sym->next)
    if (sym->name == name || (sym->name[0] == name[0] && !strcmp(sym->name, name))) return sym;
  return NULL;
}

Sym *scope_find_local(Scope *s, const char *name) {
  return find_local(s, name, hash_name(name));
}

static Sym *lookup_in_depth(Scope *s, const char *name, unsigned h, int depth) {
  Sym *sym = find_local(s, name, h);
  if (sym || depth > 8) return sym;
  for (int i = 0; i < s->using_ns.len; i++) {
    sym = lookup_in_depth(s->using_ns.items[i], name, h, depth + 1);
    if (sym) return sym;
  }
  return NULL;
}

Sym *lookup_in(Scope *s, const char *name) { return lookup_in_depth(s, name, hash_name(name), 0); }

Sym *lookup(Parser *p, const char *name) {
  Scope *s = p->scope;
  /* block scopes first (lists, no hash): most names are locals */
  for (; s && !s->hash && !s->using_ns.len; s = s->parent) {
    Sym *sym = find_local(s, name, 0);
    if (sym) return sym;
  }
  unsigned h = hash_name(name); /* once for the rest of the chain */
  for (; s; s = s->parent) {
    Sym *sym = lookup_in_depth(s, name, h, 0);
    if (sym) return sym;
  }
  return NULL;
}
