/*
 * sema_builtin.c — calls to the CUDA builtin catalogue (src/kir/builtins.def).
 *
 * The catalogue is indexed by source name once per compilation (a small
 * hash table in the arena).  A call picks, among the entries of that name,
 * the one whose parameters need the cheapest conversions — narrowing
 * conversions cost more than widening ones, so max(float, int) picks the
 * float overload as CUDA's headers do.  `make_float4`-style constructors of
 * the vector types are recognised by name here too.
 */
#include <stdlib.h>
#include <string.h>

#include "parser.h"

typedef struct BEntry {
  const char *name;
  const char *sig;
  KBuiltinId id;
  struct BEntry *next;
} BEntry;

enum { BHASH = 512 };

static unsigned bhash(const char *s) {
  unsigned h = 5381;
  for (; *s; s++) h = h * 33 + (unsigned char)*s;
  return h % BHASH;
}

static BEntry **table(Parser *p) {
  if (p->builtin_table) return p->builtin_table;
  BEntry **t = arena_alloc(p->arena, sizeof(BEntry *) * BHASH);
  static const struct { KBuiltinId id; const char *name, *sig; } all[] = {
#define BUILTIN(id, name, sig, cls) {KB_##id, name, sig},
#define ALIAS(id, name, sig) {KB_##id, name, sig},
#include "../kir/builtins.def"
#undef BUILTIN
#undef ALIAS
  };
  /* insert in reverse so each chain lists entries in catalogue order */
  for (int i = (int)(sizeof all / sizeof *all) - 1; i >= 0; i--) {
    BEntry *e = arena_alloc(p->arena, sizeof *e);
    e->name = all[i].name;
    e->sig = all[i].sig;
    e->id = all[i].id;
    unsigned h = bhash(e->name);
    e->next = t[h];
    t[h] = e;
  }
  p->builtin_table = t;
  return t;
}

static BEntry *find(Parser *p, const char *name) {
  for (BEntry *e = table(p)[bhash(name)]; e; e = e->next)
    if (!strcmp(e->name, name)) return e;
  return NULL;
}

bool is_builtin_name(Parser *p, const char *name) {
  return find(p, name) != NULL || !strncmp(name, "make_", 5);
}

static KType *letter_type(Parser *p, char c) {
  KModule *m = p->m;
  switch (c) {
  case 'v': return m->t_void;
  case 'b': return m->t_bool;
  case 'c': return kt_ptr(m, kt_qualified(m, m->t_i8, true, false), AS_GENERIC);
  case 'i': return m->t_i32;
  case 'u': return m->t_u32;
  case 'l': return m->t_i64;
  case 'm': return m->t_u64;
  case 'L': return m->t_long;
  case 'M': return m->t_ulong;
  case 's': return m->t_i16;
  case 't': return m->t_u16;
  case 'f': return m->t_f32;
  case 'd': return m->t_f64;
  case 'h': return m->t_f16;
  case 'k': return type_half2(p);
  case 'x': return vector_type_named(p, "float2");
  default: return m->t_void;
  }
}

typedef struct Sig {
  KType *ret;
  KType *params[8];
  const char *defaults[8];
  int nparams;
  bool variadic;
} Sig;

static void parse_sig(Parser *p, const char *s, Sig *sig) {
  memset(sig, 0, sizeof *sig);
  bool ret_ptr = s[0] == 'p'; /* "pv:m": void *malloc(size_t) */
  sig->ret = ret_ptr ? kt_ptr(p->m, letter_type(p, s[1]), AS_GENERIC) : letter_type(p, s[0]);
  s += ret_ptr ? 3 : 2; /* "R:" */
  while (*s && sig->nparams < 8) {
    if (!strncmp(s, "...", 3)) {
      sig->variadic = true;
      break;
    }
    bool ptr = *s == 'p';
    if (ptr) s++;
    KType *t = letter_type(p, *s++);
    sig->params[sig->nparams] = ptr ? kt_ptr(p->m, t, AS_GENERIC) : t;
    if (*s == '=') sig->defaults[sig->nparams] = ++s;
    while (*s && *s != ',') s++;
    sig->nparams++;
    if (*s == ',') s++;
  }
}

/* pointers to builtins match whatever address space the argument has */
static int arg_cost(Parser *p, KExpr *a, KType *pt) {
  if (pt->kind == KT_PTR && a->type->kind == KT_PTR) {
    if (pt->elem->kind == KT_I8 && a->type->elem->unqual->kind == KT_I8) return 0;
    if (pt->elem->kind == KT_VOID) return 1; /* free(p): any object pointer */
    return same_type(a->type->elem, pt->elem) ? 0 : -1;
  }
  if (pt->kind == KT_PTR && a->type->kind == KT_ARRAY)
    return same_type(a->type->elem, pt->elem) ? 0 : -1;
  return conversion_rank(p, a, pt);
}

static int sig_cost(Parser *p, Sig *sig, KExpr **args, int nargs) {
  int required = sig->nparams;
  while (required > 0 && sig->defaults[required - 1]) required--;
  if (nargs < required || (nargs > sig->nparams && !sig->variadic)) return -1;
  int cost = 0;
  for (int i = 0; i < nargs && i < sig->nparams; i++) {
    int c = arg_cost(p, args[i], sig->params[i]);
    if (c < 0) return -1;
    cost += c;
  }
  return cost;
}

static KExpr *vararg(Parser *p, KExpr *a) {
  a = rvalue(p, a);
  KType *t = a->type->unqual;
  if (t->kind == KT_F32 || t->kind == KT_F16) return cast_to(p, a, p->m->t_f64);
  if (kt_is_int(t) && t->size < 4) return cast_to(p, a, p->m->t_i32);
  return a;
}

/* The mixed min/max overloads of CUDA's math_functions.hpp (max(float,
 * double), min(int, unsigned)) compute in their result type: both
 * operands are converted to it, so KIR has one operation type. */
static bool computes_in_result_type(KBuiltinId id) {
  return id == KB_MIN || id == KB_MAX || id == KB_FMIN || id == KB_FMAX ||
         id == KB_FMINF || id == KB_FMAXF;
}

static KExpr *build_call(Parser *p, BEntry *be, Sig *sig, KExpr **args, int nargs,
                         SrcLoc loc) {
  int n = nargs > sig->nparams ? nargs : sig->nparams;
  KExpr *e = new_expr(p, KE_BUILTIN, sig->ret, loc);
  e->builtin = be->id;
  e->args = arena_alloc(p->arena, sizeof(KExpr *) * (size_t)(n ? n : 1));
  e->nargs = n;
  for (int i = 0; i < n; i++) {
    if (i >= sig->nparams) {
      e->args[i] = vararg(p, args[i]);
    } else if (i >= nargs) {
      int64_t v = strtoll(sig->defaults[i], NULL, 0);
      e->args[i] = cast_to(p, int_const(p, v, p->m->t_i64, loc), sig->params[i]);
    } else if (sig->params[i]->kind == KT_PTR) {
      e->args[i] = rvalue(p, args[i]); /* keeps its address space */
    } else {
      e->args[i] = convert(p, args[i], sig->params[i], CONV_ARG, args[i]->loc);
      if (computes_in_result_type(be->id) && !same_type(sig->params[i], sig->ret))
        e->args[i] = convert(p, e->args[i], sig->ret, CONV_ARG, args[i]->loc);
    }
  }
  return e;
}

static KExpr *make_vector(Parser *p, const char *name, KExpr **args, int nargs,
                          Token *tok) {
  KType *t = vector_type_named(p, name + 5);
  if (!t) return NULL;
  if (nargs != t->count)
    error_tok(p, tok, "too %s arguments to function call, expected %d, have %d",
              nargs > t->count ? "many" : "few", t->count, nargs);
  return sema_construct(p, t, args, nargs, tok->loc);
}

int sema_builtin_cost(Parser *p, const char *name, KExpr **args, int nargs) {
  int best = -1;
  for (BEntry *e = find(p, name); e; e = e->next) {
    if (strcmp(e->name, name)) continue;
    Sig sig;
    parse_sig(p, e->sig, &sig);
    int c = sig_cost(p, &sig, args, nargs);
    if (c >= 0 && (best < 0 || c < best)) best = c;
  }
  return best;
}

KExpr *sema_builtin_call_at(Parser *p, const char *name, KExpr **args, int nargs, SrcLoc loc) {
  BEntry *best = NULL;
  Sig best_sig, sig;
  memset(&best_sig, 0, sizeof best_sig);
  int best_cost = -1;
  for (BEntry *e = find(p, name); e; e = e->next) {
    if (strcmp(e->name, name)) continue;
    parse_sig(p, e->sig, &sig);
    int c = sig_cost(p, &sig, args, nargs);
    if (c >= 0 && (!best || c < best_cost)) {
      best = e;
      best_cost = c;
      best_sig = sig;
    }
  }
  return best ? build_call(p, best, &best_sig, args, nargs, loc) : NULL;
}

/* "min(unsigned long, unsigned long long)" */
static char *sig_text(Parser *p, const char *name, Sig *sig) {
  char *s = arena_printf(p->arena, "%s(", name);
  for (int i = 0; i < sig->nparams; i++)
    s = arena_printf(p->arena, "%s%s%s", s, i ? ", " : "", type_name(p, sig->params[i]));
  return arena_printf(p->arena, "%s)", s);
}

/* min and max of integers: CUDA's overloads (math_functions.hpp) for
 * every pair of int, unsigned, long, unsigned long, long long and
 * unsigned long long that it defines.  With arguments of at least int's
 * size, each argument's conversion is an exact match or, in C++'s ranks,
 * a conversion (no promotions), so C++'s rule is decidable here: the call
 * is ambiguous when no viable overload is at least as good for every
 * argument as each other one and better for some — `min(unsigned long,
 * unsigned long long)`, which nvcc rejects. */
static void check_integer_minmax(Parser *p, const char *name, KExpr **args, int nargs,
                                 Token *name_tok) {
  if ((strcmp(name, "min") && strcmp(name, "max")) || nargs != 2) return;
  for (int i = 0; i < nargs; i++)
    if (!kt_is_int(args[i]->type) || args[i]->type->unqual->kind == KT_BOOL || args[i]->type->size < 4)
      return;
  Sig sigs[32];
  int exact[32][2], n = 0;
  for (BEntry *e = find(p, name); e && n < 32; e = e->next) {
    if (strcmp(e->name, name)) continue;
    Sig sig;
    parse_sig(p, e->sig, &sig);
    if (sig_cost(p, &sig, args, nargs) < 0 || !kt_is_int(sig.params[0]) || !kt_is_int(sig.params[1]))
      continue;
    sigs[n] = sig;
    for (int i = 0; i < 2; i++) exact[n][i] = arg_cost(p, args[i], sig.params[i]) == 0;
    n++;
  }
  for (int a = 0; a < n; a++) {
    bool beats_all = true;
    for (int b = 0; b < n && beats_all; b++) {
      if (a == b) continue;
      bool not_worse = exact[a][0] >= exact[b][0] && exact[a][1] >= exact[b][1];
      bool better = exact[a][0] > exact[b][0] || exact[a][1] > exact[b][1];
      beats_all = not_worse && better;
    }
    if (beats_all) return;
  }
  if (n < 2) return;
  /* name two of the best: those with an exact match */
  int first = -1, second = -1;
  for (int a = 0; a < n; a++)
    if (exact[a][0] || exact[a][1]) {
      if (first < 0) first = a;
      else if (second < 0) second = a;
    }
  if (second < 0) first = 0, second = 1;
  error_tok(p, name_tok, "call to '%s' is ambiguous with argument types ('%s', '%s'): candidates "
            "include CUDA's '%s' and '%s'",
            name, type_name(p, args[0]->type), type_name(p, args[1]->type),
            sig_text(p, name, &sigs[first]), sig_text(p, name, &sigs[second]));
}

KExpr *sema_builtin_call(Parser *p, const char *name, KExpr **args, int nargs,
                         Token *name_tok) {
  check_integer_minmax(p, name, args, nargs, name_tok);
  if (!strncmp(name, "make_", 5)) return make_vector(p, name, args, nargs, name_tok);
  BEntry *first = find(p, name);
  if (!first) return NULL;
  BEntry *best = NULL;
  Sig best_sig, sig;
  memset(&best_sig, 0, sizeof best_sig);
  int best_cost = -1, count = 0;
  for (BEntry *e = first; e; e = e->next) {
    if (strcmp(e->name, name)) continue;
    count++;
    parse_sig(p, e->sig, &sig);
    int c = sig_cost(p, &sig, args, nargs);
    if (c >= 0 && (!best || c < best_cost)) {
      best = e;
      best_cost = c;
      best_sig = sig;
    }
  }
  if (!best && count == 1) {
    parse_sig(p, first->sig, &sig);
    int required = sig.nparams;
    while (required > 0 && sig.defaults[required - 1]) required--;
    if (nargs > sig.nparams && !sig.variadic)
      error_at(p, args[sig.nparams]->loc, "too many arguments to function call, expected %d, have %d",
               sig.nparams, nargs);
    if (nargs < required)
      error_tok(p, call_close_paren(name_tok), /* the ')', as clang */
                "too few arguments to function call, expected %d, have %d", required, nargs);
    for (int i = 0; i < nargs && i < sig.nparams; i++)
      if (arg_cost(p, args[i], sig.params[i]) < 0)
        error_at(p, args[i]->loc,
                 "no matching function for call to '%s': cannot convert argument %d from '%s' to '%s'",
                 name, i + 1, type_name(p, args[i]->type), type_name(p, sig.params[i]));
  }
  if (!best) {
    const char *types = ""; /* what the call passed, for overloads that differ by type alone */
    for (int i = 0; i < nargs; i++)
      types = arena_printf(p->arena, "%s%s'%s'", types, i ? ", " : "", type_name(p, args[i]->type));
    error_tok(p, name_tok, "no matching function for call to '%s' with argument types (%s)", name, types);
  }
  return build_call(p, best, &best_sig, args, nargs, name_tok->loc);
}
