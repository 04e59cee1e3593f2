/*
 * sema_fnptr.c — pointers to device functions: naming a function without
 * calling it gives its address (KE_FUNC_ADDR, a pointer to the function's
 * KT_FUNC type), `&f` and `*fp` are the same pointer, and a call through
 * a pointer is an indirect KE_CALL (fn NULL, the pointer in `a`).
 *
 * A function type keeps references as pointers with their bit in
 * ref_mask, so `void (*)(int &)` and `void (*)(int *)` stay distinct and a
 * call through the first passes its argument's address, as a direct call
 * would.  Pointers to member functions are not supported.
 */
#include <string.h>

#include "parser.h"

bool is_func_ptr(KType *t) {
  t = t->unqual;
  return t->kind == KT_PTR && t->elem->kind == KT_FUNC;
}

KType *func_decl_type(Parser *p, FuncDecl *fd) {
  if (!fd->ret)
    error_at(p, fd->kf->loc, "function '%s' with deduced return type cannot be used before its "
                             "return type is known", fd->kf->name);
  if (fd->nparams > 62) error_at(p, fd->kf->loc, "too many parameters in a function type");
  KType **types = arena_alloc(p->arena, sizeof(KType *) * (size_t)(fd->nparams + 1));
  uint64_t mask = fd->ret_ref ? (uint64_t)1 << 63 : 0;
  for (int i = 0; i < fd->nparams; i++) {
    types[i] = fd->pref[i] ? kt_ptr(p->m, fd->ptypes[i], AS_GENERIC) : decay(p, fd->ptypes[i]);
    if (fd->pref[i]) mask |= (uint64_t)1 << i;
  }
  KType *ret = fd->ret_ref ? kt_ptr(p->m, fd->ret, AS_GENERIC) : fd->ret->unqual;
  return kt_func(p->m, ret, types, fd->nparams, fd->variadic, mask);
}

KExpr *sema_func_addr(Parser *p, FuncDecl *fd, SrcLoc loc) {
  if (fd->owner && !fd->is_static_method)
    error_at(p, loc, "pointers to member functions ('%s') are not supported in device code",
             fd->kf->name);
  if (fd->kf->flags & KF_GLOBAL)
    error_at(p, loc, "the address of a __global__ function in device code is not supported "
                     "(launch it with <<<grid, block>>>)");
  KExpr *e = new_expr(p, KE_FUNC_ADDR, kt_ptr(p->m, func_decl_type(p, fd), AS_GENERIC), loc);
  e->fn = fd->kf;
  return e;
}

KExpr *sema_func_name(Parser *p, Sym *set, Template *tmpl, TArg *targs, int nt, Token *name) {
  if (tmpl && nt) {
    FuncDecl *fd = instantiate_func(p, tmpl, targs, nt, name->loc);
    if (!fd) error_tok(p, name, "cannot instantiate '%s' with these template arguments", name->spelling);
    return sema_func_addr(p, fd, name->loc);
  }
  int n = set && set->kind == SYM_FUNC ? set->funcs.len : 0;
  if (n == 0 && tmpl)
    error_tok(p, name, "taking the address of function template '%s' needs its template "
                       "arguments", name->spelling);
  if (n != 1)
    error_tok(p, name, "taking the address of overloaded function '%s' is not supported",
              name->spelling);
  return sema_func_addr(p, set->funcs.items[0], name->loc);
}

/* fp(args), (*fp)(args), obj.fp(args), table[i](args) */
KExpr *sema_call_indirect(Parser *p, KExpr *fnptr, KExpr **args, int nargs, SrcLoc loc) {
  fnptr = rvalue(p, fnptr);
  KType *ft = fnptr->type->unqual->elem;
  if (nargs < ft->nparams || (nargs > ft->nparams && !ft->variadic))
    error_at(p, loc, "too %s arguments to function call, expected %d, have %d",
             nargs < ft->nparams ? "few" : "many", ft->nparams, nargs);
  if (ft->variadic) error_at(p, loc, "calls through pointers to variadic functions are not supported");
  KExpr *pre = NULL;
  KExpr **cargs = arena_alloc(p->arena, sizeof(KExpr *) * (size_t)(nargs + 1));
  for (int i = 0; i < nargs; i++) {
    KExpr *a = args[i];
    if (ft->ref_mask >> i & 1) {
      KType *to = ft->params[i]->elem;
      if (!ref_binds_directly(a->type, to)) a = convert(p, a, to, CONV_ARG, a->loc);
      if (!is_lvalue(a) && !to->is_const)
        error_at(p, a->loc, "non-const reference cannot bind to a temporary of type '%s'",
                 type_name(p, a->type));
      cargs[i] = cast_to(p, address_of_object(p, a, &pre), ft->params[i]);
    } else {
      cargs[i] = convert(p, a, ft->params[i], CONV_ARG, a->loc);
    }
  }
  bool ret_ref = ft->ref_mask >> 63 & 1;
  KExpr *call = new_expr(p, KE_CALL, ft->elem, loc);
  call->a = fnptr;
  call->args = cargs;
  call->nargs = nargs;
  KExpr *r = ret_ref ? sema_deref(p, call, loc) : call;
  if (!pre) return r;
  KExpr *s = new_expr(p, KE_COMMA, r->type, loc);
  s->a = pre;
  s->b = r;
  return s;
}
