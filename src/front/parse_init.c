/*
 * parse_init.c — initializers: `= expr`, brace lists for arrays, structs
 * and vector types (nested, with C99 designators `[i] =` and `.field =`),
 * and construction of classes that have constructors.
 *
 * A brace list becomes KE_INIT_LIST whose `designators` give every
 * element its target index (array index or field index), so emitters
 * never re-derive positions; elements not mentioned are zero.
 */
#include <string.h>

#include "parser.h"

static KExpr *parse_brace_list(Parser *p, KType *t);

static KExpr *init_element(Parser *p, KType *t) {
  if (equal(p->tok, "{")) return parse_brace_list(p, t);
  KExpr *e = parse_assign(p);
  if (t->unqual->kind == KT_STRUCT && same_type(e->type, t)) return e;
  return convert(p, e, t, CONV_INIT, e->loc);
}

static int field_index(Parser *p, KType *st, Token *name) {
  for (int i = 0; i < st->nfields; i++)
    if (!strcmp(st->fields[i].name, name->spelling)) return i;
  error_tok(p, name, "field designator '%s' does not refer to any field in type '%s'",
            name->spelling, type_name(p, st));
}

/* fields a brace list leaves out get their default member initializers
 * (v: the elements, at: their fields) */
static void add_member_defaults(Parser *p, KType *st, PtrVec *v, IntVec *at) {
  for (int f = 0; f < st->nfields; f++) {
    bool given = false;
    for (int i = 0; i < at->len && !given; i++) given = at->items[i] == f;
    KExpr *d = given ? NULL : member_default(p, st, f);
    if (!d) continue;
    vec_push(p->arena, v, d);
    ivec_push(p->arena, at, f);
  }
}

static KExpr *parse_brace_list(Parser *p, KType *t) {
  Token *open = expect(p, "{");
  KType *ut = t->unqual;
  KExpr *list = new_expr(p, KE_INIT_LIST, ut, open->loc);
  if (ut->kind == KT_VEC) list->kind = KE_VEC;
  PtrVec v = {0};
  IntVec at = {0}; /* each element's position */
  int pos = 0;
  bool scalar = kt_is_scalar(ut);
  int limit = ut->kind == KT_ARRAY ? ut->count : ut->kind == KT_STRUCT ? ut->nfields
              : ut->kind == KT_VEC ? ut->count : 1;
  if (ut->kind == KT_STRUCT && ut->front && scope_find_local(ut->front, "<ctor>")) {
    PtrVec args = {0}; /* list-initialization calls a constructor */
    while (!equal(p->tok, "}")) {
      if (args.len) expect(p, ",");
      vec_push(p->arena, &args, parse_assign(p));
    }
    p->tok = p->tok->next;
    return sema_construct(p, ut, (KExpr **)args.items, args.len, open->loc);
  }
  if (ut->kind == KT_STRUCT && ut->nfields == 1 && ut->fields[0].type->unqual->kind == KT_ARRAY &&
      !equal(p->tok, "{") && !equal(p->tok, ".") && !equal(p->tok, "}")) {
    /* brace elision: `array<int, 4> a{1, 2, 3, 4}` initialises the one
     * array member with the whole list */
    p->tok = open;
    KExpr *e = parse_brace_list(p, ut->fields[0].type);
    list->args = arena_alloc(p->arena, sizeof(KExpr *));
    list->args[0] = e;
    list->designators = arena_alloc(p->arena, sizeof(int));
    list->designators[0] = 0;
    list->nargs = 1;
    return list;
  }
  bool saved = p->no_gt;
  p->no_gt = false;
  while (!equal(p->tok, "}")) {
    if (v.len) {
      expect(p, ",");
      if (equal(p->tok, "}")) break;
    }
    if (equal(p->tok, "[") && ut->kind == KT_ARRAY) {
      p->tok = p->tok->next;
      pos = (int)const_int_expr(p, "array designator must be a constant expression");
      expect(p, "]");
      expect(p, "=");
    } else if (equal(p->tok, ".") && ut->kind == KT_STRUCT) {
      p->tok = p->tok->next;
      pos = field_index(p, ut, p->tok);
      p->tok = p->tok->next;
      expect(p, "=");
    }
    if (limit >= 0 && pos >= limit && !(ut->kind == KT_ARRAY && ut->count < 0))
      error_tok(p, p->tok, "excess elements in %s initializer",
                ut->kind == KT_ARRAY ? "array" : scalar ? "scalar" : "struct");
    KType *et = ut->kind == KT_ARRAY ? ut->elem : ut->kind == KT_STRUCT ? ut->fields[pos].type
                : ut->kind == KT_VEC ? ut->elem : ut;
    vec_push(p->arena, &v, init_element(p, et));
    ivec_push(p->arena, &at, pos++);
  }
  p->no_gt = saved;
  expect(p, "}");
  if (scalar) {
    if (v.len == 0) return cast_to(p, int_const(p, 0, p->m->t_i32, open->loc), ut);
    return v.items[0];
  }
  if (ut->kind == KT_STRUCT && has_member_defaults(ut)) add_member_defaults(p, ut, &v, &at);
  list->args = (KExpr **)v.items;
  list->designators = at.items;
  list->nargs = v.len;
  if (ut->kind == KT_VEC) {
    /* vectors: positional lanes, zero (and undesignated) for the rest */
    KExpr **lanes = arena_alloc(p->arena, sizeof(KExpr *) * (size_t)ut->count);
    int *lane_at = arena_alloc(p->arena, sizeof(int) * (size_t)ut->count);
    for (int i = 0; i < ut->count; i++) {
      lanes[i] = cast_to(p, int_const(p, 0, p->m->t_i32, open->loc), ut->elem);
      lane_at[i] = -1;
    }
    for (int i = 0; i < v.len; i++) lanes[at.items[i]] = v.items[i], lane_at[at.items[i]] = at.items[i];
    list->args = lanes;
    list->designators = lane_at;
    list->nargs = ut->count;
  }
  return list;
}

/* char s[] = "abc": an initializer list of the bytes and the NUL */
static KExpr *string_init(Parser *p, KExpr *str, KType *t) {
  int len = str->str->len, n = len + 1;
  if (t->count >= 0 && t->count < len)
    error_at(p, str->loc, "initializer-string for char array is too long");
  KExpr *list = new_expr(p, KE_INIT_LIST, t, str->loc);
  list->args = arena_alloc(p->arena, sizeof(KExpr *) * (size_t)n);
  list->designators = arena_alloc(p->arena, sizeof(int) * (size_t)n);
  list->nargs = n;
  for (int i = 0; i < n; i++) {
    list->args[i] = int_const(p, i < len ? (int8_t)str->str->bytes[i] : 0, t->elem->unqual, str->loc);
    list->designators[i] = i;
  }
  return list;
}

KExpr *parse_initializer(Parser *p, KType *t, SrcLoc loc) {
  (void)loc;
  if (equal(p->tok, "{")) return parse_brace_list(p, t);
  KExpr *e = parse_assign(p);
  KType *ut = t->unqual;
  if (ut->kind == KT_STRUCT && !same_type(e->type, ut)) {
    if (ut->front && scope_find_local(ut->front, "<ctor>")) return sema_construct(p, ut, &e, 1, e->loc);
    return convert(p, e, t, CONV_INIT, e->loc); /* reports the mismatch */
  }
  if (ut->kind == KT_STRUCT) return sema_copy(p, e, ut); /* `T b = a;` copies a */
  if (ut->kind == KT_ARRAY) {
    if (e->kind == KE_STR && ut->elem->unqual->size == 1 && kt_is_int(ut->elem))
      return string_init(p, e, ut);
    error_at(p, e->loc, "array initializer must be an initializer list");
  }
  return convert(p, e, t, CONV_INIT, e->loc);
}
