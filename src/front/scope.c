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

void lookup_forget(Parser *p) { p->last_lookup.name = NULL; }

Scope *scope_new(Parser *p, Scope *parent, bool hashed) {
  lookup_forget(p);
  Scope *s = arena_alloc(p->arena, sizeof *s);
  s->parent = parent;
  if (parent && parent->scratch) p->scratch_escapes++; /* it points into the scratch */
  if (hashed) {
    s->nslots = SCOPE_HASH;
    s->slots = arena_alloc(p->arena, sizeof(ScopeSlot) * SCOPE_HASH);
  }
  s->prefix = parent ? parent->prefix : "";
  s->cprefix = parent ? parent->cprefix : "";
  return s;
}

/* ---- sets of names ---- */

/* the slot of `name` (hash h) in s: the one holding it, or the empty slot
 * where it goes */
static NameSlot *name_slot(const NameSet *s, const char *name, unsigned h) {
  unsigned mask = (unsigned)s->nslots - 1;
  for (unsigned i = h & mask;; i = (i + 1) & mask) {
    NameSlot *e = &s->slots[i];
    if (!e->name || (e->hash == h && (e->name == name || !strcmp(e->name, name)))) return e;
  }
}

bool nameset_add(Parser *p, NameSet *s, const char *name) {
  if ((s->count + 1) * 2 > s->nslots) { /* twice the slots (the old go back) */
    NameSet old = *s;
    s->nslots = old.nslots ? old.nslots * 2 : SCOPE_HASH;
    s->slots = arena_alloc(p->arena, sizeof(NameSlot) * (size_t)s->nslots);
    for (int i = 0; i < old.nslots; i++)
      if (old.slots[i].name) *name_slot(s, old.slots[i].name, old.slots[i].hash) = old.slots[i];
    arena_recycle(p->arena, old.slots, sizeof(NameSlot) * (size_t)old.nslots);
  }
  unsigned h = hash_name(name);
  NameSlot *e = name_slot(s, name, h);
  if (e->name) return false;
  e->hash = h;
  e->name = name;
  s->count++;
  return true;
}

Scope *scope_new_block(Parser *p, Scope *parent) {
  if (!p->scratch || !p->fn) return scope_new(p, parent, false);
  lookup_forget(p);
  Scope *s = arena_alloc(p->scratch, sizeof *s);
  s->parent = parent;
  s->scratch = true;
  s->prefix = parent ? parent->prefix : "";
  s->cprefix = parent ? parent->cprefix : "";
  return s;
}

void scratch_release(Parser *p, ArenaMark mark, int pins, int escapes) {
  if (p->scratch && pins == p->tok_pins && escapes == p->scratch_escapes) {
    arena_reset(p->scratch, mark); /* its scopes and names may come back as others */
    lookup_forget(p);
  }
}

void scope_push(Parser *p, Scope *s) { p->scope = s; }
void scope_pop(Parser *p) { p->scope = p->scope->parent; }

/* The slot of `name` (hash h) in s's table: the one holding it, or the
 * empty slot where it goes.  The table is never more than half full. */
static ScopeSlot *slot_of(Scope *s, const char *name, unsigned h) {
  unsigned mask = (unsigned)s->nslots - 1;
  for (unsigned i = h & mask;; i = (i + 1) & mask) {
    ScopeSlot *e = &s->slots[i];
    if (!e->sym || (e->hash == h && (e->sym->name == name || !strcmp(e->sym->name, name))))
      return e;
  }
}

/* twice the slots, each name moved to its place in the new table (the
 * old table's pages go back) */
static void grow(Parser *p, Scope *s) {
  ScopeSlot *old = s->slots;
  int n = s->nslots;
  s->nslots = n * 2;
  s->slots = arena_alloc(p->arena, sizeof(ScopeSlot) * (size_t)s->nslots);
  unsigned mask = (unsigned)s->nslots - 1;
  for (int i = 0; i < n; i++) {
    if (!old[i].sym) continue;
    unsigned j = old[i].hash & mask;
    while (s->slots[j].sym) j = (j + 1) & mask;
    s->slots[j] = old[i];
  }
  arena_recycle(p->arena, old, sizeof(ScopeSlot) * (size_t)n);
}

Sym *scope_add(Parser *p, Scope *s, SymKind kind, const char *name,
               SrcLoc loc) {
  lookup_forget(p);
  Sym *sym = arena_alloc(s->scratch ? p->scratch : p->arena, sizeof *sym);
  sym->kind = kind;
  sym->name = name;
  sym->loc = loc;
  if (s->slots) {
    /* a later declaration of the name takes its slot: lookups find the
     * latest, as they did the head of a bucket's chain */
    unsigned h = hash_name(name);
    ScopeSlot *e = slot_of(s, name, h);
    if (!e->sym && (s->count + 1) * 2 > s->nslots) {
      grow(p, s);
      e = slot_of(s, name, h);
    }
    if (!e->sym) s->count++;
    e->hash = h;
    e->sym = sym;
  } else {
    sym->next = s->syms;
    s->syms = sym;
  }
  return sym;
}

/* the symbol `name` (hash h: hash_name(name), needed only when s hashes)
 * declared in s itself */
static Sym *find_local(Scope *s, const char *name, unsigned h) {
  if (s->slots) return slot_of(s, name, h)->sym;
  for (Sym *sym = s->syms; sym; sym = sym->next)
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

static Sym *lookup_chain(Parser *p, const char *name) {
  Scope *s = p->scope;
  /* block scopes first (lists, no hash): most names are locals */
  for (; s && !s->slots && !s->using_ns.len; s = s->parent) {
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

Sym *lookup(Parser *p, const char *name) {
  if (p->last_lookup.name == name && p->last_lookup.scope == p->scope) return p->last_lookup.sym;
  Sym *sym = lookup_chain(p, name);
  p->last_lookup.name = name;
  p->last_lookup.scope = p->scope;
  p->last_lookup.sym = sym;
  return sym;
}
