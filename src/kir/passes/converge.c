/*
 * converge.c — the warp reconvergence implicit warp-synchronous code
 * relies on, made explicit for every target whose threads are not warps
 * of 32 lanes in lockstep.
 *
 * A pattern of older CUDA code: every thread writes its part of a buffer,
 * then one thread (`if (threadIdx.x == 0)`) reads the whole buffer, with
 * no barrier between, e.g.
 *
 *     for (int i = threadIdx.x; i < n; i += blockDim.x) key[i] = …;
 *     if (threadIdx.x == 0) use(key);      // reads key[0..31]
 *
 * CUDA does not promise this works: since Volta a warp's lanes are
 * scheduled independently, and the programming guide asks for
 * __syncwarp() (or __syncthreads()) before a lane reads what another
 * wrote.  On real hardware it works when the writers are in the reader's
 * warp, because nvcc makes the warp reconverge where divergent code (the
 * loop, whose trip count differs per lane) rejoins, before the `if`; the
 * program then passes on an H200.  Elsewhere it does not: the CPU-like
 * targets (C, WebAssembly) run a block's threads one after another between
 * barriers, so thread 0 reads before threads 1..31 write; Vulkan drivers
 * run subgroups of 4, 8 or 16 lanes (lavapipe: 8) that are not scheduled
 * together, and WebGPU has no warps at all.
 *
 * This pass inserts the reconvergence as a barrier of warp scope, marked
 * `implicit` (the compiler's, not the program's), before such a statement,
 * where:
 *  - it is an `if` in the kernel's top-level statement list (or a plain
 *    block in it) whose condition depends on the thread index, so it
 *    singles out threads, and
 *  - it reads memory (through a pointer parameter, a pointer local
 *    initialised from one, or a __shared__/__device__ variable) that a
 *    statement since the last barrier may have written; pointers passed
 *    to a device function count as read and written by it, and a pointer
 *    whose target is not known may be any of them.
 * A barrier between two statements only removes interleavings, so code
 * that is correct without it stays correct; where no memory is shared
 * nothing changes, and kernels without the pattern are emitted as before.
 * The body given is not modified: the statement lists that get a barrier
 * are copied (with the blocks around them) into the arena.  Every barrier
 * sits in the kernel's top-level code, which the whole block reaches
 * (threads that returned earlier excepted), so a target without 32-lane
 * warps may make it a block barrier (GLSL: barrier(), WGSL:
 * workgroupBarrier()): stronger than the warp's reconvergence, and legal
 * where a block barrier is.
 */
#include "converge.h"
#include "splits.h"
#include "walk.h"

typedef struct Converge {
  Arena *a;
  PtrVec written;            /* KVar*: bases written since the last barrier */
  bool written_any;          /* a write through a pointer of unknown target */
  PtrVec ptr_from, ptr_base; /* pointer locals and the base of their initialiser */
  PtrVec by_thread;          /* locals computed from the thread index */
} Converge;

/* An unknown base, which matches every other: a tag compared by address,
 * never read or written. */
static const char any_base_tag;
#define ANY ((KVar *)(void *)&any_base_tag)

static void add(Arena *a, PtrVec *v, KVar *p) {
  if (vec_find(v, p) < 0) vec_push(a, v, p);
}

/* ---- which buffer an address points into ----------------------------- */

static KVar *lvalue_base(const Converge *c, const KExpr *e);

static KVar *pointer_base(const Converge *c, const KExpr *e) {
  if (!e) return ANY;
  switch (e->kind) {
  case KE_CAST: return pointer_base(c, e->a);
  case KE_STR: return NULL; /* a literal: read-only, no thread writes it */
  case KE_ADDR: return lvalue_base(c, e->a);
  case KE_BINARY:
    if (e->op == KOP_ADD || e->op == KOP_SUB)
      return pointer_base(c, e->a->type && e->a->type->kind == KT_PTR ? e->a : e->b);
    return ANY;
  case KE_VAR: {
    if (e->var->type && e->var->type->kind == KT_ARRAY) return lvalue_base(c, e);
    if (e->var->kind == KV_PARAM) return e->var;
    int i = vec_find(&c->ptr_from, e->var);
    return i >= 0 ? c->ptr_base.items[i] : ANY;
  }
  default: return ANY;
  }
}

/* The shared buffer an lvalue lives in, or NULL for thread-private storage. */
static KVar *lvalue_base(const Converge *c, const KExpr *e) {
  switch (e->kind) {
  case KE_INDEX:
    return e->a->type && e->a->type->kind == KT_ARRAY ? lvalue_base(c, e->a)
                                                      : pointer_base(c, e->a);
  case KE_DEREF: return pointer_base(c, e->a);
  case KE_MEMBER: return lvalue_base(c, e->a);
  case KE_VAR:
    return e->var->kind == KV_GLOBAL || e->var->as == AS_SHARED || e->var->is_static ? e->var
                                                                                     : NULL;
  default: return NULL;
  }
}

/* ---- what a statement reads and writes -------------------------------- */

typedef struct Access {
  Converge *c;
  PtrVec *reads, *writes;
  bool *reads_any, *writes_any;
  int depth; /* calls followed */
} Access;

static void note(Access *x, KVar *base, bool write) {
  if (!base) return;
  if (base == ANY)
    *(write ? x->writes_any : x->reads_any) = true;
  else
    add(x->c->a, write ? x->writes : x->reads, base);
}

static bool is_memory(const KExpr *e) {
  return e->kind == KE_INDEX || e->kind == KE_DEREF ||
         (e->kind == KE_VAR && (e->var->kind == KV_GLOBAL || e->var->as == AS_SHARED));
}

static void visit_expr(Access *x, const KExpr *e);

/* a callee's own use of __shared__/__device__ variables by name, and its
 * callees' (pointer arguments were counted at the call) */
static bool callee_globals(const KExpr *e, void *ctx) {
  Access *x = ctx;
  if (e->kind == KE_VAR && (e->var->kind == KV_GLOBAL || e->var->as == AS_SHARED)) {
    note(x, e->var, true);
    note(x, e->var, false);
  }
  if (e->kind == KE_CALL && (!e->fn || !e->fn->body))
    *x->writes_any = *x->reads_any = true;
  else if (e->kind == KE_CALL && x->depth < 8) {
    x->depth++;
    kir_walk_any(e->fn->body, callee_globals, NULL, x);
    x->depth--;
  }
  return false;
}

/* the address computation of an lvalue (indices, pointers), not its load */
static void visit_address(Access *x, const KExpr *lv) {
  switch (lv->kind) {
  case KE_INDEX:
    if (lv->a->type && lv->a->type->kind == KT_ARRAY)
      visit_address(x, lv->a);
    else
      visit_expr(x, lv->a);
    visit_expr(x, lv->b);
    break;
  case KE_MEMBER: visit_address(x, lv->a); break;
  case KE_DEREF: visit_expr(x, lv->a); break;
  case KE_VAR: break;
  default: visit_expr(x, lv); break;
  }
}

static void visit_call(Access *x, const KExpr *e) {
  for (int i = 0; i < e->nargs; i++) {
    visit_expr(x, e->args[i]);
    if (e->args[i]->type && e->args[i]->type->kind == KT_PTR) {
      KVar *b = pointer_base(x->c, e->args[i]);
      note(x, b, true);
      note(x, b, false);
    }
  }
  if (e->kind != KE_CALL) return;
  if (!e->fn || !e->fn->body) {
    *x->writes_any = *x->reads_any = true;
  } else if (x->depth < 8) {
    x->depth++;
    kir_walk_any(e->fn->body, callee_globals, NULL, x);
    x->depth--;
  }
}

static void visit_expr(Access *x, const KExpr *e) {
  if (!e) return;
  switch (e->kind) {
  case KE_ASSIGN:
  case KE_INCDEC:
    if (is_memory(e->a)) {
      KVar *b = lvalue_base(x->c, e->a);
      note(x, b, true);
      if (e->kind == KE_INCDEC || e->op != KOP_NONE) note(x, b, false);
      visit_address(x, e->a);
    } else {
      visit_expr(x, e->a);
    }
    visit_expr(x, e->b);
    return;
  case KE_ADDR: visit_address(x, e->a); return; /* an address is not a load */
  case KE_CALL: visit_call(x, e); return;
  case KE_BUILTIN:
    if (!kb_info(e->builtin) ||
        kb_info(e->builtin)->cls == KBC_ATOMIC) { /* unknown: the emitter reports it */
      visit_call(x, e);
      return;
    }
    break;
  default:
    if (is_memory(e) && !(e->kind == KE_INDEX && e->type && e->type->kind == KT_ARRAY)) {
      note(x, lvalue_base(x->c, e), false);
      visit_address(x, e);
      return;
    }
    break;
  }
  visit_expr(x, e->a);
  visit_expr(x, e->b);
  visit_expr(x, e->c);
  for (int i = 0; i < e->nargs; i++) visit_expr(x, e->args[i]);
}

static bool access_stmt(const KStmt *s, void *ctx) {
  Access *x = ctx;
  visit_expr(x, s->init);
  visit_expr(x, s->e);
  visit_expr(x, s->cond);
  visit_expr(x, s->step);
  if (s->kind == KS_DECL && s->var && s->var->init && s->var->is_static)
    visit_expr(x, s->var->init);
  return false;
}

static void accesses(Converge *c, const KStmt *s, PtrVec *reads, PtrVec *writes, bool *reads_any,
                     bool *writes_any) {
  Access x = {c, reads, writes, reads_any, writes_any, 0};
  kir_walk_any(s, NULL, access_stmt, &x);
}

/* ---- conditions that single out threads ------------------------------- */

static bool thread_dependent(const KExpr *e, void *ctx) {
  const Converge *c = ctx;
  if (e->kind == KE_BVAR) return e->bvar == KBV_THREAD_IDX || e->bvar == KBV_LANE_ID;
  return e->kind == KE_VAR && vec_find(&c->by_thread, e->var) >= 0;
}

/* ---- the walk ---------------------------------------------------------- */

/* break/continue/return inside a loop skip its final barrier */
static bool has_exit(const KStmt *s, void *ctx) {
  (void)ctx;
  return s->kind == KS_BREAK || s->kind == KS_CONTINUE || s->kind == KS_RETURN ||
         s->kind == KS_GOTO;
}

static bool meets_written(const Converge *c, const PtrVec *reads, bool reads_any) {
  if (c->written_any) return reads_any || reads->len > 0;
  if (reads_any) return c->written.len > 0;
  for (int i = 0; i < reads->len; i++)
    if (vec_find(&c->written, reads->items[i]) >= 0) return true;
  return false;
}

static KStmt *warp_barrier(Converge *c, SrcLoc loc) {
  KStmt *b = arena_alloc(c->a, sizeof *b);
  b->kind = KS_BARRIER;
  b->scope = KBAR_WARP;
  b->loc = loc;
  b->implicit = true; /* the compiler's, not the program's: synccheck skips it */
  return b;
}

static void remember_local(Converge *c, const KStmt *s) {
  const KExpr *init = s->init;
  if (!init) return;
  if (s->var->type && s->var->type->kind == KT_PTR) {
    vec_push(c->a, &c->ptr_from, s->var);
    vec_push(c->a, &c->ptr_base, pointer_base(c, init));
  }
  if (kir_expr_any(init, thread_dependent, c)) add(c->a, &c->by_thread, s->var);
}

/* `p = …`, `p++`, `&p` (it may be changed through the address): the
 * pointer local p may point into another buffer from then on */
static bool repoints(const KExpr *e, void *v) {
  return (e->kind == KE_ASSIGN || e->kind == KE_INCDEC || e->kind == KE_ADDR) && e->a &&
         e->a->kind == KE_VAR && e->a->var == v;
}

/* A loop whose body ends with a barrier: after it, only its condition
 * and step ran since that barrier (typical tree reductions). */
static bool ends_with_barrier_each_pass(const KStmt *s) {
  if (s->kind != KS_LOOP || !s->body) return false;
  const KStmt *b = s->body;
  while (b->kind == KS_BLOCK && b->nstmts) b = b->stmts[b->nstmts - 1];
  return b->kind == KS_BARRIER && b->scope != KBAR_VIRTUAL &&
         !kir_walk_any(s->body, NULL, has_exit, NULL);
}

/* list, or a copy of it with barriers inserted (in it or in a block in it) */
static KStmt *converge_list(Converge *c, KStmt *list) {
  PtrVec out = {0};
  bool changed = false;
  for (int i = 0; i < list->nstmts; i++) {
    KStmt *s = list->stmts[i];
    if (s->kind == KS_BLOCK) {
      KStmt *n = converge_list(c, s);
      changed |= n != s;
      vec_push(c->a, &out, n);
      continue;
    }
    if (s->kind == KS_BARRIER && s->scope != KBAR_VIRTUAL) {
      c->written.len = 0;
      c->written_any = false;
      vec_push(c->a, &out, s);
      continue;
    }
    if (s->kind == KS_DECL) remember_local(c, s);
    for (int k = 0; k < c->ptr_from.len; k++) /* a pointer local pointed elsewhere */
      if (s->kind != KS_DECL && kir_walk_any(s, repoints, NULL, c->ptr_from.items[k]))
        c->ptr_base.items[k] = ANY;
    PtrVec reads = {0}, writes = {0};
    bool reads_any = false, writes_any = false;
    accesses(c, s, &reads, &writes, &reads_any, &writes_any);
    if (ends_with_barrier_each_pass(s)) { /* what follows its last barrier: the exit test */
      PtrVec r = {0};
      bool ra = false;
      writes.len = 0;
      writes_any = false;
      Access x = {c, &r, &writes, &ra, &writes_any, 0};
      visit_expr(&x, s->cond);
      visit_expr(&x, s->step);
    }
    if (s->kind == KS_IF && kir_expr_any(s->cond, thread_dependent, c) &&
        meets_written(c, &reads, reads_any)) {
      vec_push(c->a, &out, warp_barrier(c, s->loc));
      c->written.len = 0;
      c->written_any = false;
      changed = true;
    }
    if (kir_stmt_has_split(s)) { /* only what follows its last barrier matters; keep it simple */
      c->written.len = 0;
      c->written_any = false;
    }
    for (int k = 0; k < writes.len; k++) add(c->a, &c->written, writes.items[k]);
    c->written_any |= writes_any;
    vec_push(c->a, &out, s);
  }
  if (!changed) return list;
  KStmt *copy = arena_alloc(c->a, sizeof *copy);
  *copy = *list;
  copy->stmts = (KStmt **)out.items;
  copy->nstmts = out.len;
  return copy;
}

KStmt *kir_converge_warps(Arena *a, KStmt *body) {
  if (!body || body->kind != KS_BLOCK || kir_has_jump(body)) return body;
  Converge c = {.a = a};
  return converge_list(&c, body);
}
