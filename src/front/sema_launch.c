/*
 * sema_launch.c — `k<<<grid, block, shared, stream>>>(args)` written in
 * device code: CUDA dynamic parallelism.
 *
 * The kernel and its arguments were resolved by sema_call_funcs like any
 * call (overloads, templates, conversions to the parameter types); here
 * the call becomes a KB_DEVICE_LAUNCH builtin whose fn is the kernel and
 * whose operands are the configuration made explicit — grid and block as
 * dim3 (an integer n is dim3(n, 1, 1)), the dynamic shared bytes as
 * unsigned long long (0 when absent), the stream as void* (NULL, the
 * block's default stream, when absent) — followed by the kernel's
 * converted arguments.  The expression is void, as in CUDA.  Each target
 * decides what it can do with it (kir_find_dynamic names it for those that
 * cannot); the CPU runtime queues the child grid (rt/cpu/device_launch.c).
 */
#include "parser.h"

static KExpr *launch_operand(Parser *p, KExpr *e, KType *t, const char *what) {
  e = rvalue(p, e);
  if (t->kind == KT_VEC) {
    if (!kt_is_int(e->type->unqual) && !vec_compatible_type(e->type, t))
      error_at(p, e->loc, "the %s of a kernel launch must be an integer or a dim3, not '%s'",
               what, type_name(p, e->type));
    return sema_construct(p, t, &e, 1, e->loc);
  }
  if (t->kind == KT_PTR) {
    if (e->type->unqual->kind != KT_PTR && !kt_is_int(e->type->unqual))
      error_at(p, e->loc, "the %s of a kernel launch must be a cudaStream_t, not '%s'", what,
               type_name(p, e->type));
    return cast_to(p, e, t);
  }
  return convert(p, e, t, CONV_ARG, e->loc);
}

KExpr *sema_device_launch(Parser *p, KExpr *call, KExpr **config, int nconfig, SrcLoc loc) {
  if (call->kind != KE_CALL || !call->fn || !(call->fn->flags & KF_GLOBAL))
    error_at(p, loc, "'<<<...>>>' names something that is not a __global__ function");
  if (nconfig < 2)
    error_at(p, loc, "a kernel launch needs at least a grid and a block size in '<<<...>>>'");
  KType *vptr = kt_ptr(p->m, p->m->t_void, AS_GENERIC);
  KExpr *e = new_expr(p, KE_BUILTIN, p->m->t_void, loc);
  e->builtin = KB_DEVICE_LAUNCH;
  e->fn = call->fn;
  e->nargs = 4 + call->nargs;
  e->args = arena_alloc(p->arena, sizeof(KExpr *) * (size_t)e->nargs);
  e->args[0] = launch_operand(p, config[0], type_dim3(p), "grid size");
  e->args[1] = launch_operand(p, config[1], type_dim3(p), "block size");
  e->args[2] = nconfig > 2 ? launch_operand(p, config[2], p->m->t_u64, "shared memory size")
                           : int_const(p, 0, p->m->t_u64, loc);
  e->args[3] = nconfig > 3 ? launch_operand(p, config[3], vptr, "stream")
                           : cast_to(p, int_const(p, 0, p->m->t_i32, loc), vptr);
  for (int i = 0; i < call->nargs; i++) e->args[4 + i] = call->args[i];
  return e;
}
