/*
 * kir.c — the KIR module: type interning, type predicates, the builtin
 * table and kernel lookup.
 *
 * Types are interned so that type equality is pointer equality: scalar
 * types are made once per module, derived types (pointer, array, vector,
 * qualified) are found by a linear search over the derived list keyed on
 * their constituents.  Kernels use few distinct types, so the search stays
 * short; a hash table can replace it if profiles ever say so.
 */
#include "kir.h"

#include <string.h>

static const KBuiltinInfo builtin_table[] = {
#define BUILTIN(id, name, sig, cls) {KB_##id, name, cls},
#include "builtins.def"
#undef BUILTIN
};

_Static_assert(KB__COUNT <= 1 << 12, "KExpr.builtin is a 12-bit field");
_Static_assert(KBV_LANE_ID < 1 << 3, "KExpr.bvar is a 3-bit field");
_Static_assert(KE_INIT_LIST < 1 << 8 && KOP_BITNOT < 1 << 6, "KExpr.kind and KExpr.op are 8- and 6-bit fields");
_Static_assert(KS_GOTO < 1 << 5 && KLOOP_THREADS < 1 << 2 && KBAR_GRID < 1 << 2,
               "KStmt's kind, loop_kind and scope bit-fields");
_Static_assert(sizeof(KExpr) <= 64 && sizeof(KStmt) <= 96 && sizeof(KVar) <= 48,
               "KIR nodes grew: a million-line input makes millions of them");

KStr *kstr_new(Arena *a, const char *bytes, int len) {
  KStr *s = arena_alloc(a, sizeof(KStr) + (size_t)len + 1);
  s->len = len;
  if (len) memcpy(s->bytes, bytes, (size_t)len);
  s->bytes[len] = 0;
  return s;
}

const KBuiltinInfo *kb_info(KBuiltinId id) {
  if ((int)id < 0 || id >= KB__COUNT) return NULL;
  return &builtin_table[id];
}

bool kt_is_int(const KType *t) { return t->kind >= KT_BOOL && t->kind <= KT_U64; }
bool kt_is_signed(const KType *t) {
  return t->kind >= KT_I8 && t->kind <= KT_I64;
}
bool kt_is_float(const KType *t) { return t->kind >= KT_F16 && t->kind <= KT_F64; }
bool kt_is_arith(const KType *t) { return kt_is_int(t) || kt_is_float(t); }
bool kt_is_scalar(const KType *t) { return kt_is_arith(t) || t->kind == KT_PTR; }

static KType *new_type(KModule *m, KTypeKind k, int size, int align) {
  KType *t = arena_alloc(m->arena, sizeof *t);
  t->kind = k;
  t->size = size;
  t->align = align;
  t->unqual = t;
  t->id = m->next_type_id++;
  return t;
}

/* `long` beside `long long` (or `int`): the same representation, another type.  It
 * shares its twin's id, which numbers structs for dumps and GLSL names,
 * so that adding it renumbered no existing type. */
static KType *long_twin(KModule *m, KType *ll) {
  KType *t = arena_alloc(m->arena, sizeof *t);
  *t = *ll;
  t->unqual = t;
  t->is_long = true;
  t->ptr_generic = t->const_twin = NULL; /* ll's, not its own */
  return t;
}

KModule *kir_module_new(Arena *a) {
  KModule *m = arena_alloc(a, sizeof *m);
  m->arena = a;
  m->t_void = new_type(m, KT_VOID, 0, 1);
  m->t_bool = new_type(m, KT_BOOL, 1, 1);
  m->t_i8 = new_type(m, KT_I8, 1, 1);
  m->t_i16 = new_type(m, KT_I16, 2, 2);
  m->t_i32 = new_type(m, KT_I32, 4, 4);
  m->t_i64 = new_type(m, KT_I64, 8, 8);
  m->t_u8 = new_type(m, KT_U8, 1, 1);
  m->t_u16 = new_type(m, KT_U16, 2, 2);
  m->t_u32 = new_type(m, KT_U32, 4, 4);
  m->t_u64 = new_type(m, KT_U64, 8, 8);
  m->t_f16 = new_type(m, KT_F16, 2, 2);
  m->t_f32 = new_type(m, KT_F32, 4, 4);
  m->t_f64 = new_type(m, KT_F64, 8, 8);
  m->t_long = long_twin(m, m->t_i64);
  m->t_ulong = long_twin(m, m->t_u64);
  m->ptr_size = 8;
  return m;
}

void kir_module_ilp32(KModule *m) {
  m->t_long = long_twin(m, m->t_i32);
  m->t_ulong = long_twin(m, m->t_u32);
  m->ptr_size = 4;
}

/* The hash of interned types starts at KIR_TYPE_HASH buckets and grows
 * four times whenever it holds twice as many types as buckets: a
 * million-line file interns a few hundred thousand pointer, array and
 * qualified types, and a fixed table made each lookup walk a long chain. */
enum { KIR_TYPE_HASH = 4096 };

static unsigned derived_key(const KModule *m, KTypeKind k, const KType *base, int count,
                            KAddrSpace as) {
  uintptr_t h = (uintptr_t)base / 16;
  h = h * 31 + (unsigned)k * 7 + (unsigned)count * 13 + (unsigned)as;
  h ^= h >> 17;
  return (unsigned)(h & (uintptr_t)(m->derived_nbuckets - 1));
}

/* qualified types hash under their unqualified base with kind KT_FUNC */
static unsigned key_of(const KModule *m, const KType *t) {
  return t->unqual != t ? derived_key(m, KT_FUNC, t->unqual, 0, AS_GENERIC)
                        : derived_key(m, t->kind, t->elem, t->count, t->as);
}

/* Refiles every hashed type (all of `derived` but unqualified function
 * types, which kt_func searches by list) in a table of n buckets, oldest
 * first, so that each chain keeps the newest type of a key first. */
static void rehash_derived(KModule *m, int n) {
  m->derived_hash = arena_alloc(m->arena, sizeof(KType *) * (size_t)n);
  m->derived_nbuckets = n;
  for (int i = 0; i < m->derived.len; i++) {
    KType *t = m->derived.items[i];
    if (t->kind == KT_FUNC && t->unqual == t) continue;
    unsigned h = key_of(m, t);
    t->hash_next = m->derived_hash[h];
    m->derived_hash[h] = t;
  }
}

static void remember_derived(KModule *m, KType *t, const KType *base) {
  (void)base; /* t->unqual */
  vec_push(m->arena, &m->derived, t);
  if (!m->derived_hash || ++m->derived_nhashed > 2 * m->derived_nbuckets) {
    if (!m->derived_hash) m->derived_nhashed = 1;
    rehash_derived(m, m->derived_hash ? m->derived_nbuckets * 4 : KIR_TYPE_HASH);
    return;
  }
  unsigned h = key_of(m, t);
  t->hash_next = m->derived_hash[h];
  m->derived_hash[h] = t;
}

static KType *find_derived(KModule *m, KTypeKind k, KType *elem, int count,
                           KAddrSpace as, const char *name) {
  if (!m->derived_hash) return NULL;
  for (KType *t = m->derived_hash[derived_key(m, k, elem, count, as)]; t; t = t->hash_next) {
    if (t->kind == k && t->elem == elem && t->count == count && t->as == as &&
        !t->is_const && !t->is_volatile &&
        (k != KT_VEC || !name || (t->name && !strcmp(t->name, name))))
      return t;
  }
  return NULL;
}

KType *kt_ptr(KModule *m, KType *elem, KAddrSpace as) {
  bool shortcut = as == AS_GENERIC && elem; /* NULL: a front end's placeholder (auto&) */
  if (shortcut && elem->ptr_generic) return elem->ptr_generic;
  KType *t = find_derived(m, KT_PTR, elem, 0, as, NULL);
  if (!t) {
    t = new_type(m, KT_PTR, m->ptr_size, m->ptr_size);
    t->elem = elem;
    t->as = as;
    remember_derived(m, t, NULL);
  }
  if (shortcut) elem->ptr_generic = t;
  return t;
}

KType *kt_array(KModule *m, KType *elem, int count) {
  KType *t = find_derived(m, KT_ARRAY, elem, count, AS_GENERIC, NULL);
  if (t) return t;
  /* a count beyond any real array is a front end's placeholder (a length
   * being deduced): no size */
  t = new_type(m, KT_ARRAY, count > 0 && count <= (1 << 28) ? elem->size * count : 0, elem->align);
  t->elem = elem;
  t->count = count;
  remember_derived(m, t, NULL);
  return t;
}

KType *kt_vec(KModule *m, KType *elem, int lanes, const char *name) {
  KType *t = find_derived(m, KT_VEC, elem, lanes, AS_GENERIC, name);
  if (t) return t;
  /* CUDA aligns 2- and 4-lane vectors to their size; 3-lane to the element */
  int size = elem->size * lanes;
  int align = (lanes == 2 || lanes == 4) ? size : elem->align;
  if (align > 16) align = 16;
  t = new_type(m, KT_VEC, size, align);
  t->elem = elem;
  t->count = lanes;
  t->name = name;
  remember_derived(m, t, NULL);
  return t;
}

KType *kt_vec_aligned(KModule *m, KType *elem, int lanes, const char *name, int align) {
  KType *t = find_derived(m, KT_VEC, elem, lanes, AS_GENERIC, name);
  if (t) return t;
  t = new_type(m, KT_VEC, elem->size * lanes, align);
  t->elem = elem;
  t->count = lanes;
  t->name = name;
  remember_derived(m, t, NULL);
  return t;
}

static KType *find_qualified(KModule *m, KType *base, bool is_const, bool is_volatile) {
  if (m->derived_hash)
    for (KType *q = m->derived_hash[derived_key(m, KT_FUNC, base, 0, AS_GENERIC)]; q; q = q->hash_next)
      if (q->unqual == base && q != base && q->is_const == is_const &&
          q->is_volatile == is_volatile)
        return q;
  KType *q = arena_alloc(m->arena, sizeof *q);
  *q = *base;
  q->is_const = is_const;
  q->is_volatile = is_volatile;
  q->unqual = base;
  q->id = m->next_type_id++;
  q->hash_next = NULL;
  q->ptr_generic = q->const_twin = NULL; /* base's, not its own */
  remember_derived(m, q, base);
  return q;
}

KType *kt_qualified(KModule *m, KType *t, bool is_const, bool is_volatile) {
  KType *base = t->unqual;
  if (!is_const && !is_volatile) return base;
  if (is_const && !is_volatile) {
    if (!base->const_twin) base->const_twin = find_qualified(m, base, true, false);
    return base->const_twin;
  }
  return find_qualified(m, base, is_const, is_volatile);
}

/* Function types are few (vtable slots, pointers the program declares):
 * a linear search over the derived list, outside the hash that keys
 * qualified types under KT_FUNC. */
KType *kt_func(KModule *m, KType *ret, KType **params, int nparams, bool variadic,
               uint64_t ref_mask) {
  for (int i = 0; i < m->derived.len; i++) {
    KType *t = m->derived.items[i];
    if (t->kind != KT_FUNC || t->unqual != t || t->elem != ret || t->nparams != nparams ||
        t->variadic != variadic || t->ref_mask != ref_mask)
      continue;
    bool same = true;
    for (int k = 0; k < nparams && same; k++) same = t->params[k] == params[k];
    if (same) return t;
  }
  KType *t = new_type(m, KT_FUNC, 1, 1);
  t->elem = ret;
  t->nparams = nparams;
  t->params = arena_alloc(m->arena, sizeof(KType *) * (size_t)(nparams + 1));
  for (int k = 0; k < nparams; k++) t->params[k] = params[k];
  t->variadic = variadic;
  t->ref_mask = ref_mask;
  vec_push(m->arena, &m->derived, t);
  return t;
}

KType *kt_func_of(KModule *m, const KFunc *f) {
  KType **ps = arena_alloc(m->arena, sizeof(KType *) * (size_t)(f->nparams + 1));
  for (int i = 0; i < f->nparams; i++) ps[i] = f->params[i]->type->unqual;
  return kt_func(m, f->ret ? f->ret : m->t_void, ps, f->nparams, false, 0);
}

void kt_refresh_qualified(KModule *m, KType *base) {
  if (!m->derived_hash) return;
  for (KType *q = m->derived_hash[derived_key(m, KT_FUNC, base, 0, AS_GENERIC)]; q; q = q->hash_next)
    if (q->unqual == base && q != base) {
      q->size = base->size;
      q->align = base->align;
      q->fields = base->fields;
      q->nfields = base->nfields;
    }
}

KType *kt_struct_new(KModule *m, const char *name, const char *cname,
                     bool is_union) {
  KType *t = new_type(m, KT_STRUCT, 0, 1);
  t->name = name;
  t->cname = cname;
  t->is_union = is_union;
  return t;
}

/* a bit-field goes at the next free bit when it fits in the aligned unit
 * of its type that holds that bit, else at the next unit (the SysV rule
 * gcc and nvcc follow); bit is the struct's next free bit */
static void place_bitfield(KField *f, int *bit) {
  int unit = f->type->size * 8;
  if (*bit % unit + f->bit_width > unit) *bit = (*bit + unit - 1) / unit * unit;
  f->offset = *bit / unit * f->type->size;
  f->bit_offset = *bit % unit;
  *bit += f->bit_width;
}

void kt_struct_layout(KType *st) {
  int bit = 0, align = 1, size = 0;
  for (int i = 0; i < st->nfields; i++) {
    KField *f = &st->fields[i];
    int a = f->type->align > 0 ? f->type->align : 1;
    if (a > align) align = a;
    if (st->is_union) {
      f->offset = 0;
      if (f->type->size > size) size = f->type->size;
    } else if (f->bit_width) {
      place_bitfield(f, &bit);
      size = (bit + 7) / 8;
    } else {
      int off = (bit + 7) / 8;
      off = (off + a - 1) / a * a;
      f->offset = off;
      bit = (off + f->type->size) * 8;
      size = off + f->type->size;
    }
  }
  if (st->align > align) align = st->align; /* __align__(n) */
  st->align = align;
  st->size = (size + align - 1) / align * align;
  if (st->size == 0) st->size = 1; /* C++: empty class has size 1 */
}

bool kir_has_goto_to(const KStmt *s, const char *label) {
  if (!s) return false;
  if (s->kind == KS_GOTO) return !strcmp(s->label, label);
  for (int i = 0; i < s->nstmts; i++)
    if (kir_has_goto_to(s->stmts[i], label)) return true;
  return kir_has_goto_to(s->then, label) || kir_has_goto_to(s->els, label) ||
         kir_has_goto_to(s->body, label) || kir_has_goto_to(s->init_stmt, label);
}

bool kir_same_name(const char *a, const char *b) {
  for (;;) {
    while (*a == ' ') a++;
    while (*b == ' ') b++;
    if (*a != *b) return false;
    if (!*a) return true;
    a++, b++;
  }
}

bool kir_kernel_named(const char *name, const char *cname, const char *want, int pass) {
  return pass == 0 ? !strcmp(cname, want) : kir_same_name(name, want);
}

KFunc *kir_find_kernel(const KModule *m, const char *name) {
  for (int pass = 0; pass < 2; pass++)
    for (int i = 0; i < m->funcs.len; i++) {
      KFunc *f = m->funcs.items[i];
      if ((f->flags & KF_GLOBAL) && f->body && kir_kernel_named(f->name, f->cname, name, pass))
        return f;
    }
  return NULL;
}
