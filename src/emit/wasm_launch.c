/*
 * wasm_launch.c — kernel launches written in device code (dynamic
 * parallelism, KB_DEVICE_LAUNCH) and the device runtime API on the wasm
 * target.
 *
 * A launch writes the child kernel's arguments, converted to its
 * parameter types, into the module's launch buffer (a region of its
 * globals as large as the largest launched kernel's argument block,
 * wasm.c's layout_memory), then calls the host's env.launch with the
 * kernel's index, the buffer, the grid and block sizes, the dynamic shared
 * bytes, the stream and the launching thread's index in its block.  The
 * host copies the arguments and queues the grid (web/src/wasm.js,
 * launchChild), returning at once with the cudaError_t that the thread's
 * cudaGetLastError() will report; the queued grids run when their parent
 * grid has finished, as on the CPU backend (rt/cpu/device_launch.c).  One
 * buffer is enough because a module whose kernels launch kernels runs its
 * blocks on one thread, one thread of a block at a time, and the host has
 * copied the arguments when env.launch returns.
 *
 * The other device runtime calls (cudaGetLastError, cudaPeekAtLastError,
 * cudaGetDevice, cudaStreamCreateWithFlags) go to env.devrt with the
 * calling thread's index.
 */
#include "wasm_internal.h"

/* CUDA's device runtime calls, as env.devrt numbers them (web/src/wasm.js) */
enum { DEVRT_GET_LAST_ERROR, DEVRT_PEEK_LAST_ERROR, DEVRT_GET_DEVICE, DEVRT_STREAM_NEW };

/* the x, y and z of the dim3 whose address is on the stack */
static void dim3_fields(WEmit *w) {
  uint32_t a = we_local(w, WT_I32);
  op_u(w, OP_LOCAL_SET, a);
  for (int i = 0; i < 3; i++) {
    op_u(w, OP_LOCAL_GET, a);
    wb_mem(&w->fn->code, OP_I32_LOAD, (uint32_t)(4 * i));
  }
}

static void device_launch(WEmit *w, const KExpr *e) {
  const KFunc *k = e->fn;
  int imp = we_import(w, "env.launch");
  if (!k || imp < 0 || e->nargs != 4 + k->nparams)
    return we_error(w, e->loc, "internal: malformed device-side launch");
  int index = we_func_index(w, k) - w->imports.len - w->ndev;
  if (!k->body || index < 0)
    return we_error(w, e->loc,
                    "launching kernel '%s' from device code: the kernel is defined in another "
                    "translation unit, which a device-side launch cannot reach yet",
                    k->name);
  for (int i = 0; i < k->nparams; i++) {
    const KType *pt = k->params[i]->type;
    const KExpr *a = e->args[4 + i];
    op_i32(w, w->launch_buf + we_param_offset(k, i));
    wx_value(w, a);
    if (!kt_aggregate(pt)) wx_convert(w, a->type, pt, a->loc);
    wx_store_at(w, pt, 0);
  }
  op_i32(w, index);
  op_i32(w, w->launch_buf);
  wx_value(w, e->args[0]);
  dim3_fields(w);
  wx_value(w, e->args[1]);
  dim3_fields(w);
  wx_value(w, e->args[2]); /* unsigned long long: past 4 GiB it fails the host's check anyway */
  wx_convert(w, e->args[2]->type, w->m->t_u32, e->loc);
  wx_value(w, e->args[3]);
  global_get(w, WG_T);
  op_u(w, OP_CALL, (uint64_t)imp);
  op(w, OP_DROP); /* the launch is void; its error is the thread's last error */
}

/* whether e is a device runtime builtin, emitted (its value on the stack) */
bool wl_device_runtime(WEmit *w, const KExpr *e) {
  int call;
  switch (e->builtin) {
  case KB_DEVICE_LAUNCH: device_launch(w, e); return true;
  case KB_DEVICE_GET_LAST_ERROR: call = DEVRT_GET_LAST_ERROR; break;
  case KB_DEVICE_PEEK_LAST_ERROR: call = DEVRT_PEEK_LAST_ERROR; break;
  case KB_DEVICE_GET_DEVICE: call = DEVRT_GET_DEVICE; break;
  case KB_DEVICE_STREAM_NEW: call = DEVRT_STREAM_NEW; break;
  default: return false;
  }
  op_i32(w, call);
  global_get(w, WG_T);
  op_u(w, OP_CALL, (uint64_t)we_import(w, "env.devrt"));
  wx_convert(w, e->builtin == KB_DEVICE_STREAM_NEW ? w->m->t_u32 : w->m->t_i32, e->type, e->loc);
  return true;
}
