/*
 * sema_call.c — calls to user functions: overload resolution (C++ style:
 * the candidate whose arguments need the cheapest conversions wins, a
 * non-template beats a template on a tie), function-template deduction and
 * instantiation on demand, reference parameters (passed as addresses),
 * member functions (explicit `this`), constructors and operator overloads.
 */
#include <string.h>

#include "decl.h"

/* The address of an object for `this` or a reference parameter; rvalues
 * get a temporary. `*pre` collects the temporary's initialisation. */
KExpr *address_of_object(Parser *p, KExpr *obj, KExpr **pre) {
  if (is_lvalue(obj)) return sema_addr(p, obj, obj->loc);
  KVar *tmp;
  KExpr *init = make_temp(p, rvalue(p, obj), &tmp);
  *pre = *pre ? expr_comma(p, *pre, init) : init;
  return sema_addr(p, expr_var(p, tmp, obj->loc), obj->loc);
}

KExpr *sema_call_decl(Parser *p, FuncDecl *fd, KExpr *self, KExpr **args,
                      int nargs, SrcLoc loc) {
  int required = fd->nparams;
  while (required > 0 && fd->defaults && fd->defaults[required - 1]) required--;
  if (nargs > fd->nparams && !fd->variadic)
    error_at(p, args[fd->nparams]->loc, /* the first extra one, where clang points */
             "too many arguments to function call, expected %d, have %d", fd->nparams, nargs);
  if (nargs < required)
    error_at(p, loc, "too few arguments to function call, expected %s%d, have %d",
             required < fd->nparams ? "at least " : "", required, nargs);
  if (!fd->ret)
    error_at(p, loc, "function '%s' with deduced return type cannot be used before its return type is known",
             fd->kf->name);
  if (p->fn && (fd->kf->flags & KF_GLOBAL) && !p->device_launch)
    error_at(p, loc, "a __global__ function call must be configured: launch it with <<<grid, block>>>");
  KExpr *pre = NULL;
  int n = fd->nparams + (fd->owner && !fd->is_static_method ? 1 : 0);
  KExpr **cargs = arena_alloc(p->arena, sizeof(KExpr *) * (size_t)(n + 1));
  int k = 0;
  /* a named object (not a reference): its dynamic type is its static type,
   * so its virtual functions are called directly (also after slicing) */
  bool exact = self && self->kind == KE_VAR;
  if (fd->owner && !fd->is_static_method) {
    if (!self) error_at(p, loc, "call to non-static member function without an object argument");
    KExpr *sub = self->type->unqual != fd->owner->unqual ? to_base(p, self, fd->owner) : NULL;
    if (sub) self = sub; /* a base class's member function */
    cargs[k++] = address_of_object(p, self, &pre);
  }
  for (int i = 0; i < fd->nparams; i++) {
    KExpr *a = i < nargs ? args[i] : fd->defaults[i];
    if (fd->pref[i]) {
      if (!ref_binds_directly(a->type, fd->ptypes[i]))
        a = convert(p, a, fd->ptypes[i], CONV_ARG, a->loc);
      if (!is_lvalue(a) && !fd->ptypes[i]->is_const && !fd->prref[i])
        error_at(p, a->loc, "non-const reference cannot bind to a temporary of type '%s'",
                 type_name(p, a->type));
      KExpr *addr = address_of_object(p, a, &pre);
      cargs[k] = cast_to(p, addr, fd->kf->params[k]->type);
      k++;
    } else {
      cargs[k++] = convert(p, a, fd->ptypes[i], CONV_ARG, a->loc);
    }
  }
  KExpr *call = new_expr(p, KE_CALL, fd->ret_ref ? kt_ptr(p->m, fd->ret, AS_GENERIC) : fd->ret, loc);
  call->fn = fd->kf;
  call->args = cargs;
  call->nargs = k;
  if (fd->is_virtual && !p->nonvirtual && !exact) call = class_virtual_call(p, fd, call);
  KExpr *r = fd->ret_ref ? sema_deref(p, call, loc) : call;
  return pre ? expr_comma(p, pre, r) : r;
}

static int candidate_cost(Parser *p, FuncDecl *fd, KExpr **args, int nargs) {
  int required = fd->nparams;
  while (required > 0 && fd->defaults && fd->defaults[required - 1]) required--;
  if (nargs < required || (nargs > fd->nparams && !fd->variadic)) return -1;
  int cost = 0;
  for (int i = 0; i < nargs && i < fd->nparams; i++) {
    int r = conversion_rank(p, args[i], fd->ptypes[i]);
    if (r < 0) {
      /* a struct passed to a parameter of the same struct type */
      if (same_type(args[i]->type, fd->ptypes[i])) r = 0;
      else return -1;
    }
    if (fd->pref[i] && !fd->ptypes[i]->is_const && !fd->prref[i] && !is_lvalue(args[i])) return -1;
    cost += r;
  }
  return cost;
}

/* variadic: only the templates with a parameter pack, else only the others */
static void add_template_candidates(Parser *p, Template *t, TArg *explicit_args,
                                    int nexplicit, KExpr **args, int nargs,
                                    PtrVec *cands, SrcLoc loc, bool variadic) {
  for (; t; t = t->next_overload) {
    TArg targs[16];
    if (t->nparams > 16 || nexplicit > t->nparams) continue;
    if (template_has_pack(t) != variadic) continue;
    memset(targs, 0, sizeof targs);
    for (int i = 0; i < nexplicit; i++) targs[i] = explicit_args[i];
    if (!deduce_template_args(p, t, targs, nexplicit, args, nargs)) continue;
    FuncDecl *fd = instantiate_func(p, t, targs, t->nparams, loc);
    if (fd) vec_push(p->arena, cands, fd);
  }
}

bool sema_call_viable(Parser *p, Sym *set, KExpr **args, int nargs) {
  PtrVec cands = {0};
  for (int i = 0; set && i < set->funcs.len; i++) vec_push(p->arena, &cands, set->funcs.items[i]);
  if (set && set->tmpl) {
    add_template_candidates(p, set->tmpl, NULL, 0, args, nargs, &cands, set->loc, false);
    add_template_candidates(p, set->tmpl, NULL, 0, args, nargs, &cands, set->loc, true);
  }
  for (int i = 0; i < cands.len; i++)
    if (candidate_cost(p, cands.items[i], args, nargs) >= 0) return true;
  return false;
}

/* The implicit object argument ranks member functions overloaded on
 * const (`T &top()` / `const T &top() const`): a const object cannot
 * call a non-const one (kept as a last resort), a non-const object
 * prefers the non-const one.  self_const: -1 no object, 0, 1. */
static int object_cost(const FuncDecl *fd, int self_const) {
  if (self_const < 0 || !fd->owner || fd->is_static_method || fd->is_ctor) return 0;
  if (self_const && !fd->is_const_method) return 1000;
  return !self_const && fd->is_const_method ? 1 : 0;
}

/* modifiable lvalues bound to `const T &` parameters: between otherwise
 * equal candidates, `get(Tuple &)` beats `get(const Tuple &)` for a
 * non-const argument, as C++ ranks the less qualified reference first */
static int const_ref_bindings(const FuncDecl *fd, KExpr **args, int nargs) {
  int n = 0;
  for (int i = 0; i < nargs && i < fd->nparams; i++)
    if (fd->pref[i] && fd->ptypes[i]->is_const && is_lvalue(args[i]) && !args[i]->type->is_const) n++;
  return n;
}

/* "f(long, float)" */
static char *signature(Parser *p, const FuncDecl *fd) {
  char *s = arena_printf(p->arena, "%s(", fd->name);
  for (int i = 0; i < fd->nparams; i++)
    s = arena_printf(p->arena, "%s%s%s%s", s, i ? ", " : "", type_name(p, fd->ptypes[i]),
                     fd->pref[i] ? " &" : "");
  return arena_printf(p->arena, "%s%s)", s, fd->variadic ? fd->nparams ? ", ..." : "..." : "");
}

/* short → int is a promotion, which C++ ranks above short → long (our
 * costs rank both by size alone) */
static bool integral_promotion(KExpr *arg, KType *param) {
  KType *from = arg->type->unqual;
  return kt_is_int(from) && from->size < 4 && param->unqual->kind == KT_I32;
}

/* C++ makes a call ambiguous when no viable candidate is better than all
 * the others.  Our costs order candidates more finely than C++'s ranks
 * in places, so only the certain case is reported: another function (not
 * a template instance) that converts every argument with the same rank as
 * the chosen one and that no tie-breaker (object, reference binding,
 * variadic or not) separates from it — `f(long)` and `f(long long)`
 * called with an int.  nvcc rejects these; picking the first would
 * silently run another function than the program's author may think. */
static void report_ambiguity(Parser *p, FuncDecl *best, PtrVec *cands, int nplain, KExpr **args,
                             int nargs, Token *name_tok, int self_const) {
  int best_index = -1;
  for (int i = 0; i < cands->len; i++)
    if (cands->items[i] == best) best_index = i;
  if (best_index < 0 || candidate_cost(p, best, args, nargs) < 0) return;
  for (int i = 0; i < cands->len; i++) {
    FuncDecl *fd = cands->items[i];
    if (fd == best || fd->kf == best->kf || candidate_cost(p, fd, args, nargs) < 0) continue;
    /* two template instances: C++'s partial ordering (the more
     * specialized template) decides, which costs do not model */
    if (i >= nplain || best_index >= nplain || fd->is_template_instance || best->is_template_instance ||
        fd->is_variadic_instance != best->is_variadic_instance ||
        object_cost(fd, self_const) != object_cost(best, self_const) ||
        const_ref_bindings(fd, args, nargs) != const_ref_bindings(best, args, nargs))
      continue;
    bool same = true;
    for (int k = 0; k < nargs && same; k++) {
      if (k >= fd->nparams || k >= best->nparams) { same = false; break; }
      same = conversion_rank(p, args[k], fd->ptypes[k]) == conversion_rank(p, args[k], best->ptypes[k]) &&
             integral_promotion(args[k], fd->ptypes[k]) == integral_promotion(args[k], best->ptypes[k]) &&
             fd->pref[k] == best->pref[k];
    }
    if (!same) continue;
    SrcLoc a = best->kf->loc, b = fd->kf->loc;
    error_tok(p, name_tok, "call to '%s' is ambiguous: candidates '%s' at %s:%d:%d and '%s' at %s:%d:%d",
              name_tok->spelling, signature(p, best), srcloc_file(a) ? srcloc_file(a)->name : "?", a.line, a.col,
              signature(p, fd), srcloc_file(b) ? srcloc_file(b)->name : "?", b.line, b.col);
  }
}

/* the best viable candidate, or NULL (with a lone non-viable candidate:
 * that one, so the call reports its precise error) */
static FuncDecl *best_candidate(Parser *p, Sym *set, Template *tmpl, TArg *explicit_args,
                                int nexplicit, KExpr **args, int nargs, Token *name_tok,
                                bool lone, int self_const) {
  PtrVec cands = {0};
  int nplain = 0;
  if (set && !nexplicit)
    for (int i = 0; i < set->funcs.len; i++) vec_push(p->arena, &cands, set->funcs.items[i]);
  nplain = cands.len;
  /* a template cannot beat a non-template that matches exactly, and its
   * body must not be instantiated beside one (a generic `atomicCAS(p, ...)`
   * behind an exact `cas(double *, ...)` overload) */
  bool plain_exact = false;
  for (int i = 0; i < nplain && !plain_exact; i++)
    plain_exact = candidate_cost(p, cands.items[i], args, nargs) == 0 &&
                  object_cost(cands.items[i], self_const) == 0 &&
                  const_ref_bindings(cands.items[i], args, nargs) == 0;
  if (tmpl && !plain_exact)
    add_template_candidates(p, tmpl, explicit_args, nexplicit, args, nargs, &cands, name_tok->loc,
                            false);
  /* a variadic template cannot beat an exact match (and the empty pack
   * that ends a recursion must not be instantiated beside one) */
  bool exact = false;
  for (int i = 0; i < cands.len && !exact; i++) exact = candidate_cost(p, cands.items[i], args, nargs) == 0;
  if (tmpl && !exact)
    add_template_candidates(p, tmpl, explicit_args, nexplicit, args, nargs, &cands, name_tok->loc, true);
  FuncDecl *best = NULL;
  int best_cost = -1, best_qual = 0;
  for (int i = 0; i < cands.len; i++) {
    FuncDecl *fd = cands.items[i];
    int c = candidate_cost(p, fd, args, nargs);
    if (c < 0) continue;
    c = c * 2 + object_cost(fd, self_const); /* the object breaks ties between arguments' costs */
    int q = const_ref_bindings(fd, args, nargs);
    bool better_tie = c == best_cost &&
                      (q < best_qual ||
                       (q == best_qual && ((i < nplain && best->is_template_instance) ||
                                           (best->is_variadic_instance && !fd->is_variadic_instance))));
    if (!best || c < best_cost || better_tie) {
      best = fd;
      best_cost = c;
      best_qual = q;
    }
  }
  if (!best && lone && cands.len == 1) best = cands.items[0]; /* reports the precise error */
  if (best && lone) report_ambiguity(p, best, &cands, nplain, args, nargs, name_tok, self_const);
  return best;
}

/* a call of a name that is both a user function (template) and a CUDA
 * builtin (min, max, abs): one overload set in C++, so when no user
 * function fits the arguments, the builtin overloads are tried.  NULL when
 * neither does. */
KExpr *sema_call_funcs_or_null(Parser *p, Sym *set, Template *tmpl, KExpr **args, int nargs,
                               Token *name_tok) {
  FuncDecl *best = best_candidate(p, set, tmpl, NULL, 0, args, nargs, name_tok, false, -1);
  /* the builtin wins when it needs cheaper conversions: __hadd(__half,
   * __half) must not become cuda_bf16.h's __hadd(__nv_bfloat16, …)
   * through the bfloat16 constructor from float */
  int builtin = best ? sema_builtin_cost(p, name_tok->spelling, args, nargs) : -1;
  if (best && (builtin < 0 || candidate_cost(p, best, args, nargs) <= builtin))
    return sema_call_funcs(p, set, tmpl, NULL, 0, NULL, args, nargs, name_tok);
  return sema_builtin_call(p, name_tok->spelling, args, nargs, name_tok);
}

KExpr *sema_call_funcs(Parser *p, Sym *set, Template *tmpl, TArg *explicit_args,
                       int nexplicit, KExpr *self, KExpr **args, int nargs,
                       Token *name_tok) {
  int self_const = self ? self->type->is_const
                   : p->fn && p->fn->this_var ? p->fn->this_var->type->elem->is_const : -1;
  FuncDecl *best = best_candidate(p, set, tmpl, explicit_args, nexplicit, args, nargs,
                                  name_tok, true, self_const);
  if (!best)
    error_tok(p, name_tok, "no matching function for call to '%s'", name_tok->spelling);
  int required = best->nparams;
  while (required > 0 && best->defaults && best->defaults[required - 1]) required--;
  if (nargs < required) /* at the ')', as clang; sema_call_decl checks the other paths */
    error_tok(p, call_close_paren(name_tok), "too few arguments to function call, expected %s%d, have %d",
              required < best->nparams ? "at least " : "", required, nargs);
  if (best->owner && !best->is_static_method && !self && p->fn && p->fn->this_var) {
    KExpr *thisv = expr_var(p, p->fn->this_var, name_tok->loc);
    self = sema_deref(p, thisv, name_tok->loc);
  }
  return sema_call_decl(p, best, self, args, nargs, name_tok->loc);
}

/* finds `name` as a member function set of class t */
static Sym *member_funcs(KType *t, const char *name, Template **tmpl) {
  Scope *cs = t->unqual->front;
  *tmpl = NULL;
  if (!cs) return NULL;
  Sym *s = strcmp(name, "<ctor>") ? lookup_in(cs, name) : scope_find_local(cs, name);
  if (!s || (s->kind != SYM_FUNC && s->kind != SYM_TEMPLATE)) return NULL;
  *tmpl = s->tmpl;
  return s;
}

/* obj.operator T() for the conversion function whose T converts best to
 * `to` (an exact match first); NULL when the class has none */
KExpr *user_conversion(Parser *p, KExpr *e, KType *to) {
  Scope *cs = e->type->unqual->kind == KT_STRUCT ? e->type->unqual->front : NULL;
  FuncDecl *best = NULL;
  for (Sym *s = cs ? cs->syms : NULL; s; s = s->next) {
    if (s->kind != SYM_FUNC || strncmp(s->name, "<conv>", 6) || !s->funcs.len) continue;
    FuncDecl *fd = s->funcs.items[0];
    if (same_type(fd->ret, to)) return sema_call_decl(p, fd, e, NULL, 0, e->loc);
    bool ok = kt_is_scalar(fd->ret) && kt_is_scalar(to) &&
              (fd->ret->unqual->kind == KT_PTR) == (to->unqual->kind == KT_PTR);
    if (ok && !best) best = fd;
  }
  return best ? sema_call_decl(p, best, e, NULL, 0, e->loc) : NULL;
}

KExpr *sema_operator_call(Parser *p, const char *opname, KExpr **args, int nargs,
                          SrcLoc loc) {
  Token fake = {0};
  fake.kind = TK_IDENT;
  fake.spelling = opname;
  fake.len = (int)strlen(opname);
  fake.loc = loc;
  KType *t0 = args[0]->type->unqual;
  if (t0->kind == KT_STRUCT) {
    Template *mt;
    Sym *ms = member_funcs(t0, opname, &mt);
    if (ms || mt)
      return sema_call_funcs(p, ms, mt, NULL, 0, args[0], args + 1, nargs - 1, &fake);
  }
  Sym *s = lookup(p, opname);
  if (s && (s->kind == SYM_FUNC || s->kind == SYM_TEMPLATE) &&
      sema_call_viable(p, s, args, nargs))
    return sema_call_funcs(p, s, s->tmpl, NULL, 0, NULL, args, nargs, &fake);
  /* argument-dependent lookup: the operators of the namespaces of the
   * operands' classes (`z * w` for two cuda::std::complex) */
  for (int i = 0; i < nargs; i++) {
    Scope *sc = args[i]->type->unqual->kind == KT_STRUCT ? args[i]->type->unqual->front : NULL;
    while (sc && !sc->is_namespace) sc = sc->parent;
    if (!sc || sc == p->global) continue;
    Sym *ns = lookup_in(sc, opname);
    if (ns && (ns->kind == SYM_FUNC || ns->kind == SYM_TEMPLATE) &&
        sema_call_viable(p, ns, args, nargs))
      return sema_call_funcs(p, ns, ns->tmpl, NULL, 0, NULL, args, nargs, &fake);
  }
  if (!s || (s->kind != SYM_FUNC && s->kind != SYM_TEMPLATE)) return NULL;
  return sema_call_funcs(p, s, s->tmpl, NULL, 0, NULL, args, nargs, &fake);
}

static KExpr *aggregate(Parser *p, KType *t, KExpr **args, int nargs, SrcLoc loc);

static KExpr *zero_value(Parser *p, KType *t, SrcLoc loc) {
  if (t->unqual->kind == KT_F16) { /* __half(): a constant, where __half(0) runs a constructor */
    KExpr *z = new_expr(p, KE_FLOAT, t->unqual, loc);
    z->fval = 0;
    return z;
  }
  if (kt_is_arith(t) || t->kind == KT_PTR) return cast_to(p, int_const(p, 0, p->m->t_i32, loc), t);
  if (has_member_defaults(t)) return aggregate(p, t->unqual, NULL, 0, loc);
  KExpr *e = new_expr(p, KE_VEC, t->unqual, loc);
  return e; /* no elements: all zero */
}

static KExpr *construct_vec(Parser *p, KType *t, KExpr **args, int nargs, SrcLoc loc) {
  bool is_dim3 = t->name && !strcmp(t->name, "dim3");
  if (nargs == 1 && vec_compatible_type(args[0]->type, t)) return cast_to(p, args[0], t);
  if (nargs > t->count) error_at(p, args[t->count]->loc, "too many arguments to constructor of '%s'", t->name);
  KExpr *e = new_expr(p, KE_VEC, t, loc);
  e->nargs = t->count;
  e->args = arena_alloc(p->arena, sizeof(KExpr *) * (size_t)t->count);
  for (int i = 0; i < t->count; i++)
    e->args[i] = i < nargs ? convert(p, args[i], t->elem, CONV_ARG, args[i]->loc)
                           : cast_to(p, int_const(p, is_dim3 ? 1 : 0, p->m->t_i32, loc), t->elem);
  return e;
}

/* S{a, b} for a struct without constructors: fields in order */
static KExpr *aggregate(Parser *p, KType *t, KExpr **args, int nargs, SrcLoc loc) {
  if (nargs > t->nfields)
    error_at(p, loc, "excess elements in struct initializer for '%s'", t->name);
  KExpr *e = new_expr(p, KE_VEC, t, loc);
  int n = has_member_defaults(t) ? t->nfields : nargs; /* the rest: their defaults */
  e->args = arena_alloc(p->arena, sizeof(KExpr *) * (size_t)(n + 1));
  e->designators = arena_alloc(p->arena, sizeof(int) * (size_t)(n + 1));
  e->nargs = n;
  for (int i = 0; i < n; i++) {
    KType *ft = t->fields[i].type;
    if (i >= nargs) {
      KExpr *d = member_default(p, t, i);
      e->args[i] = d ? d : zero_value(p, ft, loc);
    } else {
      e->args[i] = ft->unqual->kind == KT_STRUCT && same_type(args[i]->type, ft)
                       ? args[i] : convert(p, args[i], ft, CONV_INIT, args[i]->loc);
    }
    e->designators[i] = i;
  }
  return e;
}

/* e with the constructor's parameters replaced by the call's arguments
 * (params[0] is `this`, which a constant initializer cannot use) */
static KExpr *bind_params(Parser *p, KExpr *e, KFunc *ctor, KExpr *call) {
  if (!e) return NULL;
  if (e->kind == KE_VAR)
    for (int i = 1; i < ctor->nparams && i < call->nargs; i++)
      if (e->var == ctor->params[i]) return call->args[i];
  KExpr *c = arena_alloc(p->arena, sizeof *c);
  *c = *e;
  c->a = bind_params(p, e->a, ctor, call);
  c->b = bind_params(p, e->b, ctor, call);
  c->c = bind_params(p, e->c, ctor, call);
  if (e->args && e->nargs) {
    c->args = arena_alloc(p->arena, sizeof(KExpr *) * (size_t)e->nargs);
    for (int i = 0; i < e->nargs; i++) c->args[i] = bind_params(p, e->args[i], ctor, call);
  }
  /* `r.x` of an argument written as a brace list: that element */
  if (c->kind == KE_MEMBER && (c->a->kind == KE_VEC || c->a->kind == KE_INIT_LIST) &&
      c->a->type->unqual->kind == KT_STRUCT) {
    for (int i = 0; i < c->a->nargs; i++)
      if (kexpr_designator(c->a, i) == c->field) return c->a->args[i];
    return zero_value(p, c->type, c->loc);
  }
  return c;
}

/* the fields a constexpr constructor's body sets, as brace-list elements
 * (out) and their fields (at): every statement must be `this->field =
 * value` (what member initializers and simple bodies become); false for
 * anything else */
static bool constant_fields(Parser *p, KStmt *s, KFunc *ctor, KExpr *call, PtrVec *out, IntVec *at) {
  if (!s) return true;
  if (s->kind == KS_BLOCK) {
    for (int i = 0; i < s->nstmts; i++)
      if (!constant_fields(p, s->stmts[i], ctor, call, out, at)) return false;
    return true;
  }
  if (s->kind == KS_RETURN && !s->e) return true;
  if (s->kind != KS_EXPR || s->e->kind != KE_ASSIGN || s->e->op != KOP_NONE) return false;
  KExpr *dst = s->e->a;
  if (dst->kind != KE_MEMBER || dst->a->kind != KE_DEREF || dst->a->a->kind != KE_VAR ||
      dst->a->a->var != ctor->params[0])
    return false;
  KExpr *v = bind_params(p, s->e->b, ctor, call);
  for (int i = 0; i < out->len; i++) /* a field set again: the last value */
    if (at->items[i] == dst->field) out->items[i] = v;
  bool seen = false;
  for (int i = 0; i < out->len; i++)
    if (out->items[i] == v) seen = true, at->items[i] = dst->field;
  if (!seen) {
    vec_push(p->arena, out, v);
    ivec_push(p->arena, at, dst->field);
  }
  return true;
}

/* OBJ.T(ARGS): the call of one of class T's constructors on OBJ */
static KExpr *ctor_call(Parser *p, KType *t, Sym *ctors, KExpr *obj, KExpr **args, int nargs,
                        SrcLoc loc) {
  Token name = {0};
  name.kind = TK_IDENT;
  name.spelling = t->name;
  name.loc = loc;
  return sema_call_funcs(p, ctors, class_ctor_templates(t), NULL, 0, obj, args, nargs, &name);
}

/* `__device__ S s(args);` outside a function: CUDA has no dynamic
 * initialization, so a constexpr constructor is evaluated here into the
 * brace list it amounts to; the initializer check then requires its
 * values to be constants.  Any other constructor is nvcc's error. */
static KExpr *construct_constant(Parser *p, KType *t, Sym *ctors, KExpr **args, int nargs, SrcLoc loc) {
  KVar *obj_var = new_var(p, KV_LOCAL, "<constant>", t, loc);
  KExpr *obj = new_expr(p, KE_VAR, t, loc);
  obj->var = obj_var;
  KExpr *call = ctor_call(p, t, ctors, obj, args, nargs, loc);
  KFunc *ctor = call->kind == KE_CALL ? call->fn : NULL;
  PtrVec fields = {0};
  IntVec at = {0};
  if (!ctor || !(ctor->flags & KF_CONSTEXPR) || !ctor->body || ctor->nparams < 1 ||
      !constant_fields(p, ctor->body, ctor, call, &fields, &at))
    error_at(p, loc, "dynamic initialization is not supported for a __device__, __constant__ or "
                     "__managed__ variable: constructor '%s' is not a constexpr constructor whose "
                     "body only sets members",
             ctor ? ctor->name : t->name);
  KExpr *list = new_expr(p, KE_INIT_LIST, t, loc);
  list->args = (KExpr **)fields.items;
  list->designators = at.items;
  list->nargs = fields.len;
  return list;
}

/* a temporary of class t made by one of its constructors */
static KExpr *construct_with(Parser *p, KType *t, Sym *ctors, KExpr **args, int nargs, SrcLoc loc) {
  if (!p->fn) return construct_constant(p, t, ctors, args, nargs, loc);
  KVar *tmp;
  KExpr *init = make_temp(p, zero_value(p, t, loc), &tmp);
  KExpr *obj = new_expr(p, KE_VAR, tmp->type, loc);
  obj->var = tmp;
  KExpr *call = ctor_call(p, t, ctors, obj, args, nargs, loc);
  KExpr *res = new_expr(p, KE_VAR, tmp->type, loc);
  res->var = tmp;
  KExpr *s1 = new_expr(p, KE_COMMA, call->type, loc);
  s1->a = init;
  s1->b = call;
  KExpr *s2 = new_expr(p, KE_COMMA, tmp->type, loc);
  s2->a = s1;
  s2->b = res;
  return s2;
}

KExpr *sema_copy(Parser *p, KExpr *e, KType *t) {
  t = t->unqual;
  if (t->kind != KT_STRUCT || !is_lvalue(e) || !p->fn) return e; /* a prvalue: the copy is elided */
  Template *mt;
  Sym *ctors = member_funcs(t, "<ctor>", &mt);
  if (!ctors || !sema_call_viable(p, ctors, &e, 1)) return e; /* the implicit copy: bitwise */
  return construct_with(p, t, ctors, &e, 1, e->loc);
}

KExpr *sema_construct(Parser *p, KType *t, KExpr **args, int nargs, SrcLoc loc) {
  t = t->unqual;
  KExpr *raw = nargs == 1 ? half_raw_conversion(p, args[0], t, loc) : NULL;
  if (raw) return raw;
  bool has_ctor = t->kind == KT_STRUCT && t->front && scope_find_local(t->front, "<ctor>");
  if (nargs == 0 && !has_ctor) return zero_value(p, t, loc);
  if (kt_is_arith(t) || t->kind == KT_PTR) {
    if (nargs != 1) error_at(p, loc, "excess elements in scalar initializer");
    KExpr *a = rvalue(p, args[0]);
    KExpr *conv = !kt_is_scalar(a->type) ? user_conversion(p, a, t) : NULL; /* float(bf16) */
    if (conv) a = conv;
    if (!kt_is_scalar(a->type))
      error_at(p, loc, "cannot convert '%s' to '%s'", type_name(p, a->type), type_name(p, t));
    return t->kind == KT_BOOL ? to_bool(p, a, loc) : cast_to(p, a, t);
  }
  if (t->kind == KT_VEC) return construct_vec(p, t, args, nargs, loc);
  if (t->kind == KT_STRUCT) {
    Template *mt;
    Sym *ctors = member_funcs(t, "<ctor>", &mt);
    if (nargs == 1 && same_type(args[0]->type, t)) return sema_copy(p, args[0], t);
    if (nargs == 1 && args[0]->type->unqual->kind == KT_STRUCT && derives_from(args[0]->type, t) &&
        !(ctors && sema_call_viable(p, ctors, args, 1))) /* the implicit copy constructor */
      return class_slice(p, t, to_base(p, args[0], t), loc);
    Sym *host_ctor = t->front ? scope_find_local(t->front, "<ctor>") : NULL;
    if (!ctors && !p->fn && nargs > 0 && host_ctor && host_ctor->kind == SYM_HOST)
      error_at(p, loc, "dynamic initialization is not supported for a __device__, __constant__ or "
                       "__managed__ variable: the constructors of '%s' are host functions, not "
                       "constexpr",
               type_name(p, t));
    if (!ctors) return aggregate(p, t, args, nargs, loc);
    return construct_with(p, t, ctors, args, nargs, loc);
  }
  error_at(p, loc, "cannot construct a value of type '%s'", type_name(p, t));
}
