/*
 * sema_half_raw.c — CUDA's __half_raw and __half2_raw: plain structs of
 * 16-bit patterns (cuda_fp16.h declares them in both passes), which
 * convert to and from __half and __half2, builtin types of the device
 * pass.  From raw to half is a reinterpretation of the bits
 * (__ushort_as_half per lane); the other way is __half_as_ushort.  As in
 * CUDA, __half's constructor from __half_raw is constexpr, so
 * `__device__ __half g = __half_raw{0x3c00};` is a constant: a brace list
 * of constant bits folds into the half value here; __half2's is not, so
 * a namespace-scope __half2 from a __half2_raw is dynamic initialization,
 * which CUDA rejects.
 */
#include <math.h>
#include <string.h>

#include "parser.h"

static bool is_raw(const KType *t, const char *name, int lanes) {
  return t->kind == KT_STRUCT && t->name && !strcmp(t->name, name) && t->nfields == lanes;
}

/* the value of the binary16 pattern `bits`, exact in a double */
static double half_value(uint16_t bits) {
  int exp = (bits >> 10) & 0x1f, man = bits & 0x3ff;
  double v = exp == 0 ? ldexp(man, -24) : exp == 31 ? (man ? NAN : INFINITY) : ldexp(man | 0x400, exp - 25);
  return bits & 0x8000 ? -v : v;
}

/* lane i of raw (a brace list or an lvalue) as a __half */
static KExpr *raw_lane(Parser *p, KExpr *raw, int i, SrcLoc loc) {
  if (raw->kind == KE_VEC || raw->kind == KE_INIT_LIST) {
    KExpr *bits = NULL;
    for (int k = 0; k < raw->nargs; k++)
      if (kexpr_designator(raw, k) == i) bits = raw->args[k];
    int64_t v = 0;
    if (!bits || eval_const(p, bits, &v)) {
      KExpr *h = new_expr(p, KE_FLOAT, p->m->t_f16, loc);
      h->fval = half_value((uint16_t)v);
      return h;
    }
    KExpr *arg = bits;
    return sema_builtin_call_at(p, "__ushort_as_half", &arg, 1, loc);
  }
  KExpr *m = new_expr(p, KE_MEMBER, raw->type->unqual->fields[i].type, loc);
  m->a = raw;
  m->field = i;
  return sema_builtin_call_at(p, "__ushort_as_half", &m, 1, loc);
}

/* e evaluated once: a variable as it is, anything else through a temporary
 * (*set: the temporary's assignment, to run first) */
static KExpr *once(Parser *p, KExpr *e, KExpr **set) {
  *set = NULL;
  if (e->kind == KE_VAR || e->kind == KE_VEC || e->kind == KE_INIT_LIST || !p->fn) return e;
  KVar *tmp;
  *set = make_temp(p, e, &tmp);
  KExpr *ref = new_expr(p, KE_VAR, tmp->type, e->loc);
  ref->var = tmp;
  return ref;
}

static KExpr *after(Parser *p, KExpr *set, KExpr *value) {
  if (!set) return value;
  KExpr *c = new_expr(p, KE_COMMA, value->type, value->loc);
  c->a = set;
  c->b = value;
  return c;
}

KExpr *half_raw_conversion(Parser *p, KExpr *e, KType *to, SrcLoc loc) {
  KType *from = e->type->unqual;
  to = to->unqual;
  if (to->kind == KT_F16 && is_raw(from, "__half_raw", 1)) return raw_lane(p, e, 0, loc);
  if (is_half2(to) && is_raw(from, "__half2_raw", 2)) {
    if (!p->fn)
      error_at(p, loc, "dynamic initialization is not supported for a __device__, __constant__ or "
                       "__managed__ variable: __half2's constructor from __half2_raw is not "
                       "constexpr (initialize it with __halves2half2 in a kernel)");
    KExpr *set;
    KExpr *raw = once(p, e, &set);
    KExpr *v = new_expr(p, KE_VEC, to, loc);
    v->nargs = 2;
    v->args = arena_alloc(p->arena, 2 * sizeof(KExpr *));
    for (int i = 0; i < 2; i++) v->args[i] = raw_lane(p, raw, i, loc);
    return after(p, set, v);
  }
  int lanes = from->kind == KT_F16 ? 1 : is_half2(from) ? 2 : 0;
  if (!lanes || !is_raw(to, lanes == 1 ? "__half_raw" : "__half2_raw", lanes)) return NULL;
  KExpr *set;
  KExpr *h = lanes == 2 ? once(p, e, &set) : (set = NULL, e);
  KExpr *list = new_expr(p, KE_VEC, to, loc);
  list->nargs = lanes;
  list->args = arena_alloc(p->arena, (size_t)lanes * sizeof(KExpr *));
  list->designators = arena_alloc(p->arena, (size_t)lanes * sizeof(int));
  for (int i = 0; i < lanes; i++) {
    KExpr *lane = h;
    if (lanes == 2) {
      lane = new_expr(p, KE_MEMBER, p->m->t_f16, loc);
      lane->a = h;
      lane->field = i;
    }
    list->args[i] = sema_builtin_call_at(p, "__half_as_ushort", &lane, 1, loc);
    list->designators[i] = i;
  }
  return after(p, set, list);
}
