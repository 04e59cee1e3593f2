/*
 * wasm_simd.c — thread loops (KLOOP_THREADS, from barrier fission) as
 * SIMD128 loops that run four threads per iteration, where the body
 * allows; the C backend gets the same from the C compiler vectorising its
 * per-thread loops.
 *
 * Between two barriers CUDA orders nothing between a block's threads, so
 * four consecutive threads may run their turns as the four lanes of v128
 * values.  Each expression of the body is classed: uniform (the same in
 * every lane: constants, parameters, blockIdx, threadIdx.y/z, loads from
 * uniform addresses), affine (lane 0's value plus the lane: threadIdx.x,
 * and sums of it with uniform values) or varying (a v128).  Uniform and
 * affine values are computed once by the scalar emitter for lane 0 (the
 * loop's thread counters are lane 0's); varying ones as f32x4/i32x4.  A
 * 4-byte load or store whose index is affine reads or writes the four
 * lanes' consecutive elements with v128.load/store; 8- and 16-bit integer
 * loads at affine indices read four elements and widen them; a 4-byte
 * array element whose lanes lie a uniform stride apart (an affine index in
 * an outer dimension: tile[threadIdx.x][k]) is gathered lane by lane;
 * other addresses must be uniform (loads only).  A struct or vector the
 * body declares as a copy of a uniform one (q = sh[j]) is uniform; the
 * members of a per-thread struct or vector the body only reads (p.x) are
 * gathered once per turn.  Per-thread values kept across barriers that
 * the body only reads and that were set once from uniform and affine
 * values (tx = threadIdx.x, row = blockIdx.y * 16 + ty) are read from lane
 * 0's copy and keep their class; those the body changes but that are the
 * same in every thread (uniform.c: a scan's ping-pong index) live in a
 * local during the turn and go to every lane's copy after it; other
 * per-thread values move between the lanes' copies and a v128 local: one
 * v128 load or store for a 4-byte value, which lives in a column (thread
 * t's at base + 4t, wasm.c's VS_COLUMN), lane by lane for the rest (in
 * frames).  Loops and ifs with a uniform condition stay control flow; an if
 * whose condition varies runs its then-branch when all four lanes take
 * it, its else-branch when none does, and otherwise abandons the vector
 * turn (only possible before the body has stored anything) for four
 * scalar turns; where it could not (after a store, in a loop), one with
 * no else whose then-branch only declares and assigns variables runs that
 * under the lanes' masks, as a varying loop's body does (maskable); so
 * control is the same in every lane, and a `return` ends the four
 * threads' turn.  An if whose condition compares an affine int
 * with a uniform one (under ! && ||: a stencil's borders) is decided for
 * the whole turn from its first and last lane's values (see tri_ok), the
 * vector condition never built.  A loop whose condition varies (a grid-stride
 * loop) runs while any lane is in it: iterations where all are run
 * unmasked, the others with the lanes that left masked (assignments by
 * bitselect, loads lane by lane for the lanes still in, no stores but
 * atomics); variables that outlive such a loop are varying.  Integer
 * atomics on a __shared__ array whose results are unused (a privatised
 * histogram) update lane after lane with plain loads and stores (the
 * block's shared memory is its worker's, wasm_atomic.c) when every use of
 * that array in the body is one of them and they commute (all add/sub,
 * all and, all or or all xor): the lanes' order then cannot show.
 *
 * A grid-stride loop among the body's top statements runs interchanged:
 * one pass over the block's threads per iteration, so a pass reads
 * consecutive elements across the threads, the statements before and
 * after it in passes of their own, what the passes hand each other in
 * columns of the block's scratch memory (see interchangeable);
 * CUWASM_WASM_INTERCHANGE=0 turns that off.  Without carried values its
 * turns touch a byte of each stream (`in[i]`) IX_AHEAD iterations ahead,
 * WebAssembly's stand-in for a prefetch (ix_touch; CUWASM_WASM_AHEAD=0
 * turns that off).
 *
 * A turn runs up to eight such groups of four threads (32 threads), group
 * after group at every statement that writes lanes: each group has its
 * own v128 locals and masks, affine values and addresses of group g are
 * lane 0's plus 4g lanes, and updates of uniform or affine variables run
 * once per turn.  The groups' chains of dependent operations are
 * independent, so the processor overlaps them (see wide_groups).
 *
 * The wide loop runs when blockDim.x is a multiple of the turn's threads,
 * the four-thread loop when it is a multiple of 4 (so a turn's lanes
 * share threadIdx.y and z and have consecutive threadIdx.x); other
 * blocks take the scalar loop.  A wide turn the lanes abandon runs as
 * turns of one group (turns), where only a group whose lanes disagree
 * goes thread by thread.  Anything outside this subset — other types
 * than 32-bit int and float, other atomics, calls, break, returns inside
 * loops, volatile — leaves the loop scalar.  Results are the scalar loop's: the lane
 * operations are the same IEEE and two's-complement operations.
 * CUWASM_WASM_SIMD=0 in the environment turns it off (for comparisons).
 */
#include "wasm_internal.h"
#include "kir/passes/uniform.h"
#include "kir/passes/walk.h"

#include <stdlib.h>
#include <string.h>

enum { CNONE = -1, CU, CA, CV, CX }; /* not yet assigned; uniform, affine, varying, not vectorisable */
enum { MAX_GROUPS = 8 }; /* four-thread groups per turn, at most */
enum { MAX_MIFS = 16 };  /* masked ifs per thread loop, at most */
enum { IX_PREFIX, IX_ITER, IX_SUFFIX }; /* the passes of an interchanged body */

typedef struct SVar {
  const KVar *v;
  int cls;
  bool per_thread; /* kept in frames: gathered from / scattered to the lanes' frames */
  bool written;    /* assigned in the body */
  bool same;       /* per-thread, but the same in every thread (uniform.c): lane 0's copy
                      in a local during the turn, stored to every lane's copy after it */
  uint32_t vl;     /* the scalar local of a `same` one */
  WVar home;       /* emission: where a `same` one lives outside the turn (frame or column) */
  uint32_t vls[MAX_GROUPS]; /* a varying variable's v128 local, one per group of the turn */
} SVar;

/* a 4-byte member of a per-thread struct or vector the body only reads
 * (n-body's `p.x`): gathered once per turn from the four lanes' frames */
typedef struct SField {
  const KVar *v;
  int off;          /* bytes into v */
  const KType *t;
  uint32_t vls[MAX_GROUPS]; /* its v128 local, one per group of the turn */
} SField;

typedef struct Simd {
  WEmit *w;
  const KStmt *body;
  SVar *vars;
  int nvars;
  SField *fields;
  int nfields, capfields;
  bool changed, stored;
  int loops;  /* analysis: loops around the statement */
  int lanes_mem; /* accesses of four consecutive elements */
  const KStmt *vloop; /* analysis: the loop with a varying condition being analysed */
  bool any_vloop;     /* analysis: the body has such a loop */
  uint32_t mask; /* emission: 1 + the v128 local of the current group's lanes still in a
                    varying loop (0: all) */
  uint32_t masks[MAX_GROUPS]; /* emission, under a mask: each group's */
  bool masked;
  int groups; /* emission: four-thread groups per turn */
  const KStmt *ix;  /* emission: the varying loop run one iteration per pass over the block */
  const KStmt *ix_top; /* ... the body's statement list holding it (or the loop itself) */
  int ix_phase;     /* ... the pass: IX_PREFIX, IX_ITER or IX_SUFFIX */
  uint32_t ix_j;    /* ... the iteration's number (i32 local) */
  uint32_t ix_any;  /* ... whether a lane of the block was still in it (i32 local) */
  SVar **carried;   /* ... the variables kept from one pass to the next */
  uint32_t *ccol;   /* ... and the locals with their columns' addresses */
  int ncarried;
  const KStmt *mifs[MAX_MIFS]; /* analysis: ifs with a varying condition whose lanes, when they
                                 disagree, run the then-branch under masks (see maskable) */
  int nmifs;
  int g;      /* emission: the group being written (lanes 4g .. 4g+3 of the turn) */
  /* emission: uniform operands of the statement being written group after
   * group, splatted once by group 0 into a v128 local (0: not caching) */
  const KExpr *uniform_e[16];
  uint32_t uniform_l[16];
  int nuniform;
  bool caching;
  int bail;   /* emission: control depth of the block that abandons the vector turn */
  int ret;    /* emission: control depth of the block a return leaves */
  int depth;  /* remat recursion */
} Simd;

static bool lane_int(const KType *t) { return t->kind == KT_I32 || t->kind == KT_U32; }
static bool lane_val(const KType *t) { return lane_int(t) || t->kind == KT_F32; }
static bool lane_cond(const KType *t) { return t->kind == KT_BOOL || lane_int(t); }
/* integers narrower than a lane: loaded four at a time and widened */
static bool narrow_int(const KType *t) {
  return t->kind == KT_I8 || t->kind == KT_U8 || t->kind == KT_I16 || t->kind == KT_U16;
}
static bool same_lane(const KType *a, const KType *b) {
  return (lane_int(a) && lane_int(b)) || (a->kind == KT_F32 && b->kind == KT_F32);
}

static void simd_op(WEmit *w, unsigned sub) {
  wb_byte(&w->fn->code, OP_PREFIX_FD);
  wb_u32(&w->fn->code, sub);
}

static void simd_lane(WEmit *w, unsigned sub, int lane) {
  simd_op(w, sub);
  wb_byte(&w->fn->code, (unsigned)lane);
}

/* a SIMD load or store at the address on the stack plus offset bytes: a
 * group's constant distance from lane 0's element goes in the memarg, so
 * the engine folds it into the addressing mode (an address past 2^32 then
 * traps where the i32 add would have wrapped: both are out of bounds) */
static void simd_mem(WEmit *w, unsigned sub, uint32_t offset) {
  simd_op(w, sub);
  wb_u32(&w->fn->code, 0);
  wb_u32(&w->fn->code, offset);
}

static int index_of_var(const Simd *S, const KVar *v) {
  for (int i = 0; i < S->nvars; i++)
    if (S->vars[i].v == v) return i;
  return -1;
}

static bool per_thread(const Simd *S, const KVar *v) {
  const KFission *fis = S->w->fn->fis;
  for (int i = 0; fis && i < fis->per_thread.len; i++)
    if (fis->per_thread.items[i] == v) return true;
  return false;
}

static bool addr_taken(const Simd *S, const KVar *v) {
  const PtrVec *a = &S->w->fn->addr_taken;
  for (int i = 0; i < a->len; i++)
    if (a->items[i] == v) return true;
  return false;
}

static int join(int a, int b) { return a == CNONE ? b : b == CNONE ? a : a == b ? a : (a == CX || b == CX) ? CX : CV; }

static int ecls(Simd *S, const KExpr *e);

/* the offset of member access e into its struct or vector, or -1 (a
 * bit-field, or not 4 bytes of a lane type) */
static int member_off(const KExpr *e) {
  const KType *bt = e->a->type;
  if (!lane_val(e->type)) return -1;
  if (bt->kind == KT_VEC && bt->elem != e->type && bt->elem->kind != e->type->kind) return -1;
  if (bt->kind == KT_STRUCT && e->field >= 0 && e->field < bt->nfields && bt->fields[e->field].bit_width)
    return -1;
  return wx_member_offset(e);
}

/* e's entry in S->fields when e reads a member of a per-thread struct or
 * vector the body does not write (added when add); NULL otherwise */
static SField *lane_field(Simd *S, const KExpr *e, bool add) {
  if (e->kind != KE_MEMBER || e->a->kind != KE_VAR) return NULL;
  const KVar *v = e->a->var;
  int off = member_off(e);
  if (off < 0 || !kt_aggregate(v->type) || v->type->is_volatile || !per_thread(S, v) || addr_taken(S, v)) return NULL;
  for (int i = 0; i < S->nfields; i++)
    if (S->fields[i].v == v && S->fields[i].off == off) return &S->fields[i];
  if (!add || we_writes_var(S->w, S->body, v)) return NULL;
  if (S->nfields == S->capfields) {
    S->capfields = S->capfields ? 2 * S->capfields : 8;
    SField *n = arena_alloc(&S->w->arena, sizeof *n * (size_t)S->capfields);
    if (S->nfields) memcpy(n, S->fields, sizeof *n * (size_t)S->nfields);
    S->fields = n;
  }
  S->fields[S->nfields] = (SField){.v = v, .off = off, .t = e->type};
  return &S->fields[S->nfields++];
}

/* whether an assignment or ++/-- in e changes v */
static bool assigned_expr(const KExpr *e, const KVar *v) {
  if (!e) return false;
  if ((e->kind == KE_ASSIGN || e->kind == KE_INCDEC) && e->a->kind == KE_VAR && e->a->var == v) return true;
  if (assigned_expr(e->a, v) || assigned_expr(e->b, v) || assigned_expr(e->c, v)) return true;
  for (int i = 0; i < e->nargs; i++)
    if (assigned_expr(e->args[i], v)) return true;
  return false;
}

static bool assigned(const KStmt *s, const KVar *v) {
  if (!s) return false;
  if (assigned_expr(s->e, v) || assigned_expr(s->cond, v) || assigned_expr(s->step, v) ||
      (s->kind == KS_DECL && s->init && assigned_expr(s->init, v)))
    return true;
  if (assigned(s->then, v) || assigned(s->els, v) || assigned(s->init_stmt, v) || assigned(s->body, v)) return true;
  for (int i = 0; i < s->nstmts; i++)
    if (assigned(s->stmts[i], v)) return true;
  return false;
}

/* calls fn on every statement of s, nested ones too */
static void each_stmt(const KStmt *s, void (*fn)(const KStmt *, void *), void *ctx) {
  if (!s) return;
  fn(s, ctx);
  each_stmt(s->then, fn, ctx);
  each_stmt(s->els, fn, ctx);
  each_stmt(s->init_stmt, fn, ctx);
  each_stmt(s->body, fn, ctx);
  for (int i = 0; i < s->nstmts; i++) each_stmt(s->stmts[i], fn, ctx);
}

typedef struct Writes { const KVar *v; int decls; const KExpr *init; } Writes;

static void see_decl(const KStmt *s, void *ctx) {
  Writes *wr = ctx;
  if (s->kind == KS_DECL && s->var == wr->v) {
    wr->decls++;
    wr->init = s->init ? s->init : s->var->init;
  }
}

/* whether loop s declares v (in its init statement or its body): such a
 * variable is dead once the loop ends */
static bool declared_in(const KStmt *s, const KVar *v) {
  Writes wr = {v, 0, NULL};
  each_stmt(s, see_decl, &wr);
  return wr.decls > 0;
}

/* a per-thread value the body only reads: uniform or affine when it is
 * set once in the kernel, by its declaration, from uniform and affine
 * values (loads excluded: memory may change in between) */
static int remat_cls(Simd *S, const KVar *v) {
  const KStmt *kernel = S->w->fn->fis->body;
  if (S->depth > 8 || !lane_int(v->type) || addr_taken(S, v)) return CV;
  Writes wr = {v, 0, NULL};
  each_stmt(kernel, see_decl, &wr);
  if (wr.decls != 1 || !wr.init || wr.init->kind == KE_INIT_LIST) return CV;
  if (assigned(kernel, v)) return CV;
  S->depth++;
  int c = ecls(S, wr.init);
  S->depth--;
  return c == CU || c == CA ? c : CV;
}

static int var_cls(Simd *S, const KVar *v) {
  int i = index_of_var(S, v);
  if (i >= 0) return S->vars[i].cls == CNONE ? CU : S->vars[i].cls;
  if (kt_aggregate(v->type)) return CX;
  if (addr_taken(S, v) || v->type->is_volatile) return CX;
  if (per_thread(S, v)) {
    if (!lane_val(v->type) || !S->depth) return CX; /* the body's are registered */
    int c = remat_cls(S, v); /* inside another's declaration */
    return c == CV ? CX : c;
  }
  if (S->depth) return we_writes_var(S->w, S->w->fn->fis->body, v) ? CX : CU;
  return we_writes_var(S->w, S->body, v) ? CX : CU;
}

/* the class of an lvalue's address: CU uniform, CA four consecutive
 * 4-byte elements, CX other */
static int acls(Simd *S, const KExpr *e) {
  if (e->type && e->type->is_volatile) return CX;
  switch (e->kind) {
  case KE_VAR:
    if (!kt_aggregate(e->var->type)) return CX;
    if (e->var->as == AS_SHARED || e->var->kind == KV_GLOBAL) return CU;
    if (index_of_var(S, e->var) >= 0) /* the body's: uniform when its declaration copies a uniform value */
      return S->vars[index_of_var(S, e->var)].cls == CU && !per_thread(S, e->var) ? CU : CX;
    return per_thread(S, e->var) || addr_taken(S, e->var) ? CX : CU;
  case KE_INDEX: {
    int base = e->a->type->kind == KT_ARRAY ? acls(S, e->a) : ecls(S, e->a);
    int ci = ecls(S, e->b);
    if (base != CU) return CX;
    if (ci == CU) return CU;
    if (ci == CA && lane_val(e->type)) return CA;
    return CX;
  }
  case KE_DEREF: return ecls(S, e->a) == CU ? CU : CX;
  case KE_MEMBER: return kt_aggregate(e->a->type) && acls(S, e->a) == CU ? CU : CX;
  default: return CX;
  }
}

static bool is_cmp(KOp op) { return op >= KOP_EQ && op <= KOP_GE; }

/* the bytes between the lanes' elements when array element e lies at
 * lane 0's address plus lane * stride with the lane's index in an outer
 * dimension (the transpose's tile[threadIdx.x][k]); 0 otherwise */
static int lane_stride(Simd *S, const KExpr *e) {
  if (e->kind != KE_INDEX || e->a->type->kind != KT_ARRAY) return 0;
  int ci = ecls(S, e->b);
  if (ci == CA) return acls(S, e->a) == CU ? e->type->size : 0;
  return ci == CU ? lane_stride(S, e->a) : 0;
}

static int ecls(Simd *S, const KExpr *e) {
  if (e->type && e->type->is_volatile) return CX;
  switch (e->kind) {
  case KE_INT: case KE_FLOAT: return CU;
  case KE_VAR: return var_cls(S, e->var);
  case KE_BVAR:
    if (e->field < 0 || e->field > 2) return CX;
    if (e->bvar == KBV_THREAD_IDX) return e->field == 0 ? CA : CU;
    return e->bvar == KBV_BLOCK_IDX || e->bvar == KBV_BLOCK_DIM || e->bvar == KBV_GRID_DIM ? CU : CX;
  case KE_UNARY: {
    int a = ecls(S, e->a);
    if (a == CU || a == CX) return a;
    if (e->op == KOP_NEG && lane_val(e->type)) return CV;
    if (e->op == KOP_NOT && e->a->type->kind == KT_BOOL && a == CV) return CV; /* a lane mask */
    return CX;
  }
  case KE_BINARY: {
    int a = ecls(S, e->a), b = ecls(S, e->b);
    if (a == CX || b == CX) return CX;
    if (a == CU && b == CU) return CU;
    if (e->op == KOP_LAND || e->op == KOP_LOR)
      return e->a->type->kind == KT_BOOL && e->b->type->kind == KT_BOOL ? CV : CX;
    if (!lane_val(e->a->type) || !lane_val(e->b->type)) return CX;
    if (is_cmp(e->op)) return same_lane(e->a->type, e->b->type) ? CV : CX;
    if (!lane_val(e->type) || !same_lane(e->type, e->a->type) || !same_lane(e->type, e->b->type)) return CX;
    bool in = lane_int(e->type);
    switch (e->op) {
    case KOP_ADD: return in && ((a == CA && b == CU) || (a == CU && b == CA)) ? CA : CV;
    case KOP_SUB: return in && a == CA && b == CU ? CA : CV;
    case KOP_MUL: return CV;
    case KOP_DIV: return in ? CX : CV;
    case KOP_AND: case KOP_OR: case KOP_XOR: return in ? CV : CX;
    case KOP_SHL: case KOP_SHR: return in && b == CU ? CV : CX;
    default: return CX;
    }
  }
  case KE_CAST: {
    int a = ecls(S, e->a);
    if (a == CU || a == CX) return a;
    if (lane_int(e->type) && (lane_int(e->a->type) || narrow_int(e->a->type))) return a; /* lanes hold it widened */
    if (e->type->kind == KT_F32 && lane_int(e->a->type)) return CV;
    if (e->type->kind == KT_F32 && e->a->type->kind == KT_F32) return a;
    return CX;
  }
  case KE_INDEX: case KE_DEREF: case KE_MEMBER: {
    if (S->depth) return CX; /* memory may change between the declaration and the use */
    if (lane_field(S, e, true)) {
      S->lanes_mem++; /* lane data, as a v128.load's */
      return CV;
    }
    int c = acls(S, e);
    if (c == CA) {
      S->lanes_mem++;
      return CV;
    }
    if (c == CX && lane_val(e->type) && lane_stride(S, e) > 0) return CV; /* gathered */
    if (c == CX && e->kind == KE_INDEX && narrow_int(e->type) && ecls(S, e->b) == CA &&
        (e->a->type->kind == KT_ARRAY ? acls(S, e->a) : ecls(S, e->a)) == CU) { /* bytes, halves */
      S->lanes_mem++;
      return CV;
    }
    return c;
  }
  case KE_ADDR: return acls(S, e->a) == CU ? CU : CX;
  case KE_BUILTIN:
    if ((e->builtin == KB_SQRTF || e->builtin == KB_FABSF || e->builtin == KB_RSQRTF) && e->nargs == 1 &&
        e->args[0]->type->kind == KT_F32 && e->type->kind == KT_F32) {
      int a = ecls(S, e->args[0]);
      return a == CU || a == CX ? a : CV;
    }
    return CX;
  default: return CX;
  }
}

static SVar *svar(Simd *S, const KVar *v) {
  int i = index_of_var(S, v);
  return i >= 0 ? &S->vars[i] : NULL;
}

static void set_cls(Simd *S, SVar *x, int c) {
  int n = join(x->cls, c);
  if (x->same) n = n == CU ? CU : CX;
  else if (x->per_thread && n != CX) n = CV;
  if (n != x->cls) S->changed = true;
  x->cls = n;
}

/* the class a compound assignment v op= rhs leaves in v */
static int compound_cls(Simd *S, const KExpr *e, int vc) {
  int r = ecls(S, e->b);
  if (r == CX || vc == CX) return CX;
  if (!same_lane(e->a->type, e->b->type)) return CX;
  if (vc == CU && r == CU) return CU;
  bool in = lane_int(e->a->type);
  if (in && vc == CA && r == CU && (e->op == KOP_ADD || e->op == KOP_SUB)) return CA; /* i += stride */
  switch (e->op) {
  case KOP_ADD: case KOP_SUB: case KOP_MUL: return CV;
  case KOP_DIV: return in ? CX : CV;
  case KOP_AND: case KOP_OR: case KOP_XOR: return in ? CV : CX;
  default: return CX;
  }
}

static bool ana(Simd *S, const KStmt *s);

/* inside a loop with a varying condition, a variable that outlives the
 * loop is varying: the lanes that left the loop keep their values */
static void outlives(Simd *S, SVar *x) {
  if (S->vloop && !declared_in(S->vloop, x->v)) set_cls(S, x, CV);
}

/* the shared array element an integer atomic whose result is unused
 * updates (histogram's atomicAdd(&local[data[i]], 1u)), when each lane's
 * update can run as a plain read-modify-write (wasm_atomic.c: shared
 * memory belongs to the block's worker), lane after lane; NULL otherwise */
/* the lane order differs from the scalar turns' (lane 0..3 per iteration,
 * not thread after thread), which only commuting updates hide: the atomics
 * on array v are then all add/sub, all and, all or or all xor, and v is
 * used in nothing else in the body */
typedef struct AtomicUses { const KVar *v; int refs, atomics, group; bool mixed; } AtomicUses;

static int atomic_group(KBuiltinId id) {
  switch (id) {
  case KB_ATOMIC_ADD: case KB_ATOMIC_SUB: return 1;
  case KB_ATOMIC_AND: return 2;
  case KB_ATOMIC_OR: return 3;
  case KB_ATOMIC_XOR: return 4;
  default: return 0;
  }
}

static bool see_atomic_use(const KExpr *e, void *ctx) {
  AtomicUses *u = ctx;
  if (e->kind == KE_VAR && e->var == u->v) u->refs++;
  if (e->kind == KE_BUILTIN && e->nargs >= 1 && e->args[0]->kind == KE_ADDR && e->args[0]->a->kind == KE_INDEX &&
      e->args[0]->a->a->kind == KE_VAR && e->args[0]->a->a->var == u->v) {
    int g = atomic_group(e->builtin);
    if (!g || (u->group && u->group != g)) u->mixed = true;
    u->group = g;
    u->atomics++;
  }
  return false;
}

static bool commuting_atomics_only(const Simd *S, const KVar *v) {
  AtomicUses u = {v, 0, 0, 0, false};
  kir_walk_any(S->body, see_atomic_use, NULL, &u);
  return !u.mixed && u.refs == u.atomics;
}

static const KExpr *lane_atomic(Simd *S, const KExpr *e) {
  if (e->kind != KE_BUILTIN || e->nargs != 2 || !lane_int(e->type)) return NULL;
  switch (e->builtin) {
  case KB_ATOMIC_ADD: case KB_ATOMIC_SUB: case KB_ATOMIC_AND: case KB_ATOMIC_OR: case KB_ATOMIC_XOR: break;
  default: return NULL;
  }
  const KExpr *a = e->args[0];
  if (a->kind != KE_ADDR || a->a->kind != KE_INDEX) return NULL;
  const KExpr *el = a->a;
  if (el->a->kind != KE_VAR || el->a->var->as != AS_SHARED || el->a->type->kind != KT_ARRAY ||
      !lane_int(el->type) || el->type->kind != e->type->kind || el->type->is_volatile)
    return NULL;
  int ci = ecls(S, el->b), cv = ecls(S, e->args[1]);
  if (ci == CX || cv == CX || !(lane_int(el->b->type) || narrow_int(el->b->type)) || !lane_int(e->args[1]->type))
    return NULL;
  if (!commuting_atomics_only(S, el->a->var)) return NULL;
  return el;
}

static bool ana_expr(Simd *S, const KExpr *e) {
  if (lane_atomic(S, e)) {
    S->stored = true;
    return true;
  }
  if (e->kind == KE_ASSIGN) {
    if (e->a->kind == KE_VAR) {
      SVar *x = svar(S, e->a->var);
      if (!x || !lane_val(e->a->type)) return false;
      outlives(S, x);
      int c = e->op == KOP_NONE ? (same_lane(e->a->type, e->b->type) ? ecls(S, e->b) : CX) : compound_cls(S, e, x->cls);
      if (c == CX) return false;
      set_cls(S, x, c);
      return x->cls != CX;
    }
    if (acls(S, e->a) != CA || !lane_val(e->a->type) || !same_lane(e->a->type, e->b->type)) return false;
    if (S->vloop) return false; /* not under a mask */
    S->lanes_mem++;
    S->stored = true;
    int r = e->op == KOP_NONE ? ecls(S, e->b) : compound_cls(S, e, CV);
    return r != CX;
  }
  if (e->kind == KE_INCDEC && e->a->kind == KE_VAR) {
    SVar *x = svar(S, e->a->var);
    if (!x || !lane_int(e->a->type)) return false;
    outlives(S, x);
    set_cls(S, x, x->cls == CU ? CU : CV);
    return true;
  }
  return false;
}

/* Whether the then-branch s of an if with a varying condition can run
 * under masks when the turn's lanes disagree, where the turn cannot be
 * abandoned for scalar turns (after a store, in a loop: the thread loop
 * stayed scalar): it only declares variables and assigns to variables of
 * the body (not a `same` one), so no store, return or loop has to be
 * masked; assignments then keep the other lanes' values (bitselect) and
 * loads read only the lanes in (vx under S->mask).  Where the turn can be
 * abandoned, the scalar turns stay: masking a scan's
 * `if (t >= d) v += s[cur][t - d]` made scanBlocks 2-10 % slower (its
 * masked loads go lane by lane, and the function grows). */
static bool maskable(Simd *S, const KStmt *s) {
  switch (s->kind) {
  case KS_BLOCK:
    for (int i = 0; i < s->nstmts; i++)
      if (!maskable(S, s->stmts[i])) return false;
    return true;
  case KS_DECL: return true;
  case KS_EXPR: {
    const KExpr *e = s->e;
    if ((e->kind != KE_ASSIGN && e->kind != KE_INCDEC) || e->a->kind != KE_VAR) return false;
    SVar *x = svar(S, e->a->var);
    return x && !x->same;
  }
  default: return false;
  }
}

static bool masked_if(const Simd *S, const KStmt *s) {
  for (int i = 0; i < S->nmifs; i++)
    if (S->mifs[i] == s) return true;
  return false;
}

static bool ana(Simd *S, const KStmt *s) {
  switch (s->kind) {
  case KS_BLOCK:
    for (int i = 0; i < s->nstmts; i++)
      if (!ana(S, s->stmts[i])) return false;
    return true;
  case KS_DECL: {
    const KVar *v = s->var;
    if (v->as == AS_SHARED || v->is_static) return true;
    SVar *x = svar(S, v);
    const KExpr *init = s->init ? s->init : v->init;
    if (!x || !init) return x != NULL;
    if (kt_aggregate(v->type)) { /* a copy of a uniform struct or vector (n-body's q = sh[j]) */
      if (per_thread(S, v) || init->type->kind != v->type->kind || init->type->size != v->type->size ||
          (init->kind != KE_INDEX && init->kind != KE_DEREF && init->kind != KE_MEMBER && init->kind != KE_VAR) ||
          acls(S, init) != CU)
        return false;
      set_cls(S, x, CU);
      return x->cls == CU;
    }
    if (init->kind == KE_INIT_LIST || !same_lane(init->type, v->type)) return false;
    int c = ecls(S, init);
    if (c == CX) return false;
    set_cls(S, x, c);
    return x->cls != CX;
  }
  case KS_EXPR: return ana_expr(S, s->e);
  case KS_IF: {
    int c = ecls(S, s->cond);
    if (c == CX || c == CA) return false;
    if (c == CV && (S->stored || S->loops) && !S->vloop && !s->els && S->nmifs < MAX_MIFS &&
        maskable(S, s->then)) {
      /* the turn could not be abandoned: under masks where the lanes
       * disagree; as in a varying loop's body, the variables it sets that
       * outlive it become varying */
      S->mifs[S->nmifs++] = s;
      S->vloop = s;
      bool ok = ana(S, s->then);
      S->vloop = NULL;
      return ok;
    }
    if (c == CV && (S->stored || S->loops)) return false; /* could not abandon the turn */
    if (!ana(S, s->then)) return false;
    return !s->els || ana(S, s->els);
  }
  case KS_LOOP: {
    if (s->loop_kind == KLOOP_THREADS) return false;
    if (s->init_stmt && !ana(S, s->init_stmt)) return false;
    int c = s->cond ? ecls(S, s->cond) : CU;
    if (c == CX || c == CA) return false;
    /* a varying condition (a grid-stride loop's i < n): the loop runs while
     * any lane is in it, the others masked; no stores, no inner varying loop */
    bool vary = c == CV;
    if (vary && (S->vloop || s->loop_kind == KLOOP_DO || !lane_cond(s->cond->type))) return false;
    const KStmt *outer = S->vloop;
    if (vary) S->vloop = s, S->any_vloop = true;
    S->loops++;
    bool ok = ana(S, s->body) && (!s->step || ana_expr(S, s->step));
    S->loops--;
    S->vloop = outer;
    return ok;
  }
  case KS_RETURN: /* control is the same in the four lanes: they all end the turn */
    return !s->e && !S->loops;
  default: return false;
  }
}

/* registers the variables the body declares */
static void see_body_decl(const KStmt *s, void *ctx) {
  Simd *S = ctx;
  if (s->kind != KS_DECL || s->var->as == AS_SHARED || s->var->is_static || index_of_var(S, s->var) >= 0) return;
  bool agg = (s->var->type->kind == KT_VEC || s->var->type->kind == KT_STRUCT) && !s->var->type->is_volatile;
  SVar x = {.v = s->var, .cls = (lane_val(s->var->type) || agg) && !addr_taken(S, s->var) ? CNONE : CX,
            .per_thread = per_thread(S, s->var)};
  S->vars[S->nvars++] = x;
}

static void count_decl(const KStmt *s, void *ctx) {
  if (s->kind == KS_DECL) (*(int *)ctx)++;
}

static bool analyse(Simd *S) {
  WEmit *w = S->w;
  PtrVec cached = we_thread_cached(w, S->body);
  int decls = 0;
  each_stmt(S->body, count_decl, &decls);
  S->vars = arena_alloc(&w->arena, sizeof(SVar) * (size_t)(decls + cached.len + 1));
  S->nvars = 0;
  each_stmt(S->body, see_body_decl, S);
  WFunc *f = w->fn;
  if (!f->uni) {
    f->uni = arena_alloc(&w->arena, sizeof *f->uni);
    memset(f->uni, 0, sizeof *f->uni);
    kir_uniformity(&w->arena, f->fis->body, f->uni);
  }
  for (int i = 0; i < cached.len; i++) {
    const KVar *v = cached.items[i];
    SVar *x = svar(S, v);
    if (x) { x->per_thread = true; continue; }
    SVar n = {.v = v, .per_thread = true};
    if (!lane_val(v->type)) n.cls = CX;
    else if (we_writes_var(w, S->body, v)) {
      VarStore st = we_var(w, v)->st;
      n.same = !kir_is_varying_var(f->uni, v) && (st == VS_FRAME || st == VS_COLUMN); /* scan's `cur ^= 1` */
      n.cls = n.same ? CU : CV;
    } else {
      n.cls = remat_cls(S, v);
    }
    S->vars[S->nvars++] = n;
  }
  for (int i = 0; i < S->nvars; i++) {
    SVar *x = &S->vars[i];
    x->written = we_writes_var(w, S->body, x->v);
    if (x->per_thread && x->written && x->cls != CX && !x->same) x->cls = CV;
  }
  for (int round = 0; round < 16; round++) {
    S->changed = false;
    S->stored = false;
    S->nmifs = 0;
    S->loops = 0;
    S->lanes_mem = 0;
    if (!ana(S, S->body)) return false;
    if (!S->changed) return S->lanes_mem > 0;
  }
  return false;
}

/* ---- emission ------------------------------------------------------------ */

static void vx(Simd *S, const KExpr *e);

static void splat(WEmit *w, const KType *t) {
  if (t->kind == KT_BOOL) { /* 0/1 -> a lane mask */
    uint32_t b = we_local(w, WT_I32);
    op_u(w, OP_LOCAL_SET, b);
    op_i32(w, 0);
    op_u(w, OP_LOCAL_GET, b);
    op(w, OP_I32_SUB);
  }
  simd_op(w, t->kind == KT_F32 ? WS_F32X4_SPLAT : WS_I32X4_SPLAT);
}

static void iota(WEmit *w) {
  simd_op(w, WS_CONST);
  for (int l = 0; l < 4; l++) {
    wb_byte(&w->fn->code, (unsigned)l);
    for (int k = 1; k < 4; k++) wb_byte(&w->fn->code, 0);
  }
}

static unsigned varith(KOp op, const KType *t) {
  bool f = t->kind == KT_F32, u = t->kind == KT_U32;
  switch (op) {
  case KOP_ADD: return f ? WS_F32X4_ADD : WS_I32X4_ADD;
  case KOP_SUB: return f ? WS_F32X4_SUB : WS_I32X4_SUB;
  case KOP_MUL: return f ? WS_F32X4_MUL : WS_I32X4_MUL;
  case KOP_DIV: return WS_F32X4_DIV;
  case KOP_AND: return WS_AND;
  case KOP_OR: return WS_OR;
  case KOP_XOR: return WS_XOR;
  case KOP_SHL: return WS_I32X4_SHL;
  case KOP_SHR: return u ? WS_I32X4_SHR_U : WS_I32X4_SHR_S;
  default: return 0;
  }
}

static unsigned vcmp(KOp op, const KType *t) {
  if (t->kind == KT_F32) {
    static const unsigned f[] = {WS_F32X4_EQ, WS_F32X4_NE, WS_F32X4_LT, WS_F32X4_LE, WS_F32X4_GT, WS_F32X4_GE};
    return f[op - KOP_EQ];
  }
  bool u = t->kind == KT_U32;
  switch (op) {
  case KOP_EQ: return WS_I32X4_EQ;
  case KOP_NE: return WS_I32X4_NE;
  case KOP_LT: return u ? WS_I32X4_LT_U : WS_I32X4_LT_S;
  case KOP_LE: return u ? WS_I32X4_LE_U : WS_I32X4_LE_S;
  case KOP_GT: return u ? WS_I32X4_GT_U : WS_I32X4_GT_S;
  default: return u ? WS_I32X4_GE_U : WS_I32X4_GE_S;
  }
}

/* pushes e as four lanes */
static void vx(Simd *S, const KExpr *e) {
  WEmit *w = S->w;
  int c = ecls(S, e);
  if (c == CU) {
    if (S->caching && S->groups > 1 && e->kind != KE_INT && e->kind != KE_FLOAT) {
      for (int i = 0; i < S->nuniform; i++)
        if (S->uniform_e[i] == e) {
          op_u(w, OP_LOCAL_GET, S->uniform_l[i]);
          return;
        }
      wx_value(w, e);
      splat(w, e->type);
      if (S->g == 0 && S->nuniform < 16) {
        S->uniform_e[S->nuniform] = e;
        S->uniform_l[S->nuniform] = we_local(w, WT_V128);
        op_u(w, OP_LOCAL_TEE, S->uniform_l[S->nuniform++]);
      }
      return;
    }
    wx_value(w, e);
    splat(w, e->type);
    return;
  }
  if (c == CA) { /* lane 0's value is group 0's: group g's lanes are 4g on */
    wx_value(w, e);
    wx_add_const(w, 4 * S->g);
    simd_op(w, WS_I32X4_SPLAT);
    iota(w);
    simd_op(w, WS_I32X4_ADD);
    return;
  }
  switch (e->kind) {
  case KE_VAR: op_u(w, OP_LOCAL_GET, svar(S, e->var)->vls[S->g]); return;
  case KE_UNARY:
    vx(S, e->a);
    simd_op(w, e->op == KOP_NOT ? WS_NOT : e->type->kind == KT_F32 ? WS_F32X4_NEG : WS_I32X4_NEG);
    return;
  case KE_BINARY:
    vx(S, e->a);
    if (e->op == KOP_SHL || e->op == KOP_SHR) {
      wx_value(w, e->b);
      simd_op(w, varith(e->op, e->type));
      return;
    }
    vx(S, e->b);
    if (e->op == KOP_LAND || e->op == KOP_LOR) simd_op(w, e->op == KOP_LAND ? WS_AND : WS_OR);
    else if (is_cmp(e->op)) simd_op(w, vcmp(e->op, e->a->type));
    else simd_op(w, varith(e->op, e->type));
    return;
  case KE_CAST:
    vx(S, e->a);
    if (e->type->kind == KT_F32 && lane_int(e->a->type))
      simd_op(w, e->a->type->kind == KT_U32 ? WS_F32X4_CONVERT_I32X4_U : WS_F32X4_CONVERT_I32X4_S);
    return;
  case KE_INDEX: case KE_DEREF: case KE_MEMBER: {
    SField *fl = lane_field(S, e, false);
    if (fl) {
      op_u(w, OP_LOCAL_GET, fl->vls[S->g]);
      return;
    }
    int stride = narrow_int(e->type) ? e->type->size : acls(S, e) == CA ? 4 : lane_stride(S, e);
    uint32_t off = wx_addr_off(w, e) + (uint32_t)(4 * S->g * stride); /* lane 0's element; the
                                                                         others follow it */
    if (narrow_int(e->type) && !S->mask) { /* four bytes or halves, widened to i32 lanes */
      bool sg = kt_is_signed(e->type);
      simd_mem(w, stride == 1 ? WS_LOAD32_ZERO : WS_LOAD64_ZERO, off);
      if (stride == 1) simd_op(w, sg ? WS_I16X8_EXTEND_LOW_I8X16_S : WS_I16X8_EXTEND_LOW_I8X16_U);
      simd_op(w, sg ? WS_I32X4_EXTEND_LOW_I16X8_S : WS_I32X4_EXTEND_LOW_I16X8_U);
      return;
    }
    if (S->mask || stride != 4) { /* lane by lane: only the lanes still in a loop (the others' may
                                     be out of bounds), or elements `stride` bytes apart */
      uint32_t a = we_local(w, WT_I32), r = we_local(w, WT_V128);
      op_u(w, OP_LOCAL_SET, a);
      op_i32(w, 0);
      simd_op(w, WS_I32X4_SPLAT);
      op_u(w, OP_LOCAL_SET, r);
      for (int l = 0; l < 4; l++) {
        if (S->mask) {
          op_u(w, OP_LOCAL_GET, S->mask - 1);
          simd_lane(w, WS_I32X4_EXTRACT, l);
          op_open(w, OP_IF, WT_VOID);
        }
        op_u(w, OP_LOCAL_GET, r);
        op_u(w, OP_LOCAL_GET, a);
        unsigned ld = OP_I32_LOAD;
        if (narrow_int(e->type))
          ld = stride == 1 ? (kt_is_signed(e->type) ? OP_I32_LOAD8_S : OP_I32_LOAD8_U)
                           : (kt_is_signed(e->type) ? OP_I32_LOAD16_S : OP_I32_LOAD16_U);
        wb_mem(&w->fn->code, ld, off + (uint32_t)(stride * l));
        simd_lane(w, WS_I32X4_REPLACE, l);
        op_u(w, OP_LOCAL_SET, r);
        if (S->mask) op_end(w);
      }
      op_u(w, OP_LOCAL_GET, r);
      return;
    }
    simd_mem(w, WS_LOAD, off);
    return;
  }
  case KE_BUILTIN:
    if (e->builtin == KB_RSQRTF) { /* 1 / sqrt(x), as the scalar emitter computes it */
      op(w, OP_F32_CONST);
      wb_f32(&w->fn->code, 1.0f);
      simd_op(w, WS_F32X4_SPLAT);
    }
    vx(S, e->args[0]);
    simd_op(w, e->builtin == KB_FABSF ? WS_F32X4_ABS : WS_F32X4_SQRT);
    if (e->builtin == KB_RSQRTF) simd_op(w, WS_F32X4_DIV);
    return;
  default: return;
  }
}

static void vs(Simd *S, const KStmt *s);

/* the new value of varying x on the stack -> x, in the lanes of the mask */
static void vset(Simd *S, const SVar *x) {
  WEmit *w = S->w;
  if (S->mask) {
    op_u(w, OP_LOCAL_GET, x->vls[S->g]);
    op_u(w, OP_LOCAL_GET, S->mask - 1);
    simd_op(w, WS_BITSELECT);
  }
  op_u(w, OP_LOCAL_SET, x->vls[S->g]);
}

/* a lane_atomic: each lane's element updated in lane order (the order of
 * the scalar turns), the lanes out of a loop skipped */
static void vatomic(Simd *S, const KExpr *e, const KExpr *el) {
  WEmit *w = S->w;
  static const unsigned ops[] = {[KB_ATOMIC_ADD] = OP_I32_ADD, [KB_ATOMIC_SUB] = OP_I32_SUB,
                                 [KB_ATOMIC_AND] = OP_I32_AND, [KB_ATOMIC_OR] = OP_I32_OR, [KB_ATOMIC_XOR] = OP_I32_XOR};
  /* the four lanes' element addresses as one vector (base + index * size);
   * a uniform operand (histogram's 1u) stays one scalar */
  bool uval = ecls(S, e->args[1]) == CU;
  uint32_t addrs = we_local(w, WT_V128), val = we_local(w, uval ? WT_I32 : WT_V128), a = we_local(w, WT_I32);
  vx(S, el->b);
  op_i32(w, 2); /* lane_int elements: 4 bytes; a shift, not i32x4.mul (pmulld: 10 cycles) */
  simd_op(w, WS_I32X4_SHL);
  wx_addr(w, el->a);
  simd_op(w, WS_I32X4_SPLAT);
  simd_op(w, WS_I32X4_ADD);
  op_u(w, OP_LOCAL_SET, addrs);
  if (uval) wx_value(w, e->args[1]);
  else vx(S, e->args[1]);
  op_u(w, OP_LOCAL_SET, val);
  for (int l = 0; l < 4; l++) {
    if (S->mask) {
      op_u(w, OP_LOCAL_GET, S->mask - 1);
      simd_lane(w, WS_I32X4_EXTRACT, l);
      op_open(w, OP_IF, WT_VOID);
    }
    op_u(w, OP_LOCAL_GET, addrs);
    simd_lane(w, WS_I32X4_EXTRACT, l);
    op_u(w, OP_LOCAL_TEE, a);
    op_u(w, OP_LOCAL_GET, a);
    wb_mem(&w->fn->code, OP_I32_LOAD, 0);
    op_u(w, OP_LOCAL_GET, val);
    if (!uval) simd_lane(w, WS_I32X4_EXTRACT, l);
    op(w, ops[e->builtin]);
    wb_mem(&w->fn->code, OP_I32_STORE, 0);
    if (S->mask) op_end(w);
  }
}

/* S->g's group: the mask its lanes are under, if any */
static void enter_group(Simd *S, int g) {
  S->g = g;
  S->mask = S->masked ? S->masks[g] + 1 : 0;
}

/* the start and the end of a statement written group after group: group
 * 0 splats its uniform operands into locals the other groups read (the
 * statement's code runs straight through, group 0's first) */
static void groups_begin(Simd *S) {
  S->caching = true;
  S->nuniform = 0;
}

static void groups_end(Simd *S) {
  S->caching = false;
  S->nuniform = 0;
  enter_group(S, 0);
}

/* one group's lanes of statement expression e, which writes lanes */
static void vexpr_group(Simd *S, const KExpr *e) {
  WEmit *w = S->w;
  const KExpr *el = lane_atomic(S, e);
  if (el) return vatomic(S, e, el);
  if (e->kind == KE_INCDEC) {
    SVar *x = svar(S, e->a->var);
    op_u(w, OP_LOCAL_GET, x->vls[S->g]);
    op_i32(w, 1);
    simd_op(w, WS_I32X4_SPLAT);
    simd_op(w, e->op == KOP_SUB ? WS_I32X4_SUB : WS_I32X4_ADD);
    vset(S, x);
    return;
  }
  if (e->a->kind == KE_VAR) {
    SVar *x = svar(S, e->a->var);
    if (e->op != KOP_NONE) op_u(w, OP_LOCAL_GET, x->vls[S->g]);
    vx(S, e->b);
    if (e->op != KOP_NONE) simd_op(w, varith(e->op, e->a->type));
    vset(S, x);
    return;
  }
  uint32_t a = we_local(w, WT_I32);
  uint32_t off = wx_addr_off(w, e->a) + 16u * (uint32_t)S->g; /* four consecutive 4-byte elements
                                                                 from lane 0's */
  op_u(w, OP_LOCAL_TEE, a);
  if (e->op != KOP_NONE) {
    op_u(w, OP_LOCAL_GET, a);
    simd_mem(w, WS_LOAD, off);
  }
  vx(S, e->b);
  if (e->op != KOP_NONE) simd_op(w, varith(e->op, e->a->type));
  simd_mem(w, WS_STORE, off);
}

/* Statement expression e: once for the whole turn when it only updates a
 * uniform or affine variable (one scalar, lane 0's of group 0, serves
 * every group), else once per group, group after group (thread order:
 * the groups' chains of dependent operations are independent, so the
 * processor overlaps them). */
static void vexpr(Simd *S, const KExpr *e) {
  if (!lane_atomic(S, e) && (e->kind == KE_INCDEC || e->kind == KE_ASSIGN) && e->a->kind == KE_VAR &&
      svar(S, e->a->var)->cls != CV) {
    wx_drop(S->w, e);
    return;
  }
  groups_begin(S);
  for (int g = 0; g < S->groups; g++) {
    enter_group(S, g);
    vexpr_group(S, e);
  }
  groups_end(S);
}

/* each group's lanes of condition c into a v128 local of m[] (as lane
 * masks when nonzero_mask: c nonzero -> all ones) */
static void group_conds(Simd *S, const KExpr *c, uint32_t *m, bool nonzero_mask) {
  WEmit *w = S->w;
  groups_begin(S);
  for (int g = 0; g < S->groups; g++) {
    enter_group(S, g);
    vx(S, c);
    if (nonzero_mask && c->type->kind != KT_BOOL) {
      op_i32(w, 0);
      simd_op(w, WS_I32X4_SPLAT);
      simd_op(w, WS_I32X4_NE);
    }
    if (m[g]) {
      op_u(w, OP_LOCAL_GET, m[g]);
      simd_op(w, WS_AND);
    } else {
      m[g] = we_local(w, WT_V128);
    }
    op_u(w, OP_LOCAL_SET, m[g]);
  }
  groups_end(S);
}

/* pushes whether every lane of every group is set in m[] (WS_I32X4_ALL_TRUE)
 * or whether any is (WS_ANY_TRUE) */
static void groups_test(Simd *S, const uint32_t *m, unsigned test) {
  WEmit *w = S->w;
  for (int g = 0; g < S->groups; g++) {
    op_u(w, OP_LOCAL_GET, m[g]);
    simd_op(w, test);
    if (g) op(w, test == WS_ANY_TRUE ? OP_I32_OR : OP_I32_AND);
  }
}

/* a loop's body (and step, when not NULL) for the lanes set in each
 * group's mask m[g] */
static void masked_body(Simd *S, const uint32_t *m, const KStmt *body, const KExpr *step) {
  S->masked = true;
  memcpy(S->masks, m, sizeof S->masks[0] * (size_t)S->groups);
  vs(S, body);
  if (step) vexpr(S, step);
  S->masked = false;
  enter_group(S, 0);
}

/* ---- conditions decided for a whole turn from scalars ------------------ */

/* Whether every lane of the turn takes if-condition e, and whether none
 * does, follow from lane 0's values when e is built of uniform tests and
 * comparisons of an affine int (lane 0's value plus the lane: increasing
 * across the turn) with a uniform one, under ! && ||: the turn's lanes
 * hold a .. a + lanes - 1, so `x < c` holds in all of them when it holds
 * for the last and in none when not for the first (stencil2d's border
 * tests).  The vector condition is then never built. */
static bool tri_ok(Simd *S, const KExpr *e) {
  if (ecls(S, e) == CU) return true;
  if (e->kind == KE_UNARY && e->op == KOP_NOT && e->a->type->kind == KT_BOOL) return tri_ok(S, e->a);
  if (e->kind != KE_BINARY) return false;
  if (e->op == KOP_LAND || e->op == KOP_LOR) return tri_ok(S, e->a) && tri_ok(S, e->b);
  if (!is_cmp(e->op) || e->a->type->kind != KT_I32 || e->b->type->kind != KT_I32) return false;
  int a = ecls(S, e->a), b = ecls(S, e->b);
  return (a == CA && b == CU) || (a == CU && b == CA);
}

/* pushes x (an affine value: the turn's lane `lane`'s) */
static void tri_lane(Simd *S, const KExpr *x, int lane) {
  wx_value(S->w, x);
  wx_add_const(S->w, lane);
}

/* pushes lane `lane`'s x OP c as 0 or 1 */
static void tri_cmp(Simd *S, const KExpr *x, unsigned cmp, const KExpr *c, int lane) {
  tri_lane(S, x, lane);
  wx_value(S->w, c);
  op(S->w, cmp);
}

/* pushes 1 when every lane of the turn takes e (all), or when none does
 * (!all); 0 otherwise (tri_ok(e) holds) */
static void tri(Simd *S, const KExpr *e, bool all) {
  WEmit *w = S->w;
  int last = 4 * S->groups - 1;
  if (ecls(S, e) == CU) {
    wx_cond(w, e);
    if (!all) op(w, OP_I32_EQZ);
    return;
  }
  if (e->kind == KE_UNARY) return tri(S, e->a, !all);
  if (e->op == KOP_LAND || e->op == KOP_LOR) {
    tri(S, e->a, all);
    tri(S, e->b, all);
    op(w, (e->op == KOP_LAND) == all ? OP_I32_AND : OP_I32_OR);
    return;
  }
  /* x OP c with x affine */
  bool flip = ecls(S, e->a) != CA;
  const KExpr *x = flip ? e->b : e->a, *c = flip ? e->a : e->b;
  KOp o = e->op;
  if (flip) o = o == KOP_LT ? KOP_GT : o == KOP_LE ? KOP_GE : o == KOP_GT ? KOP_LT : o == KOP_GE ? KOP_LE : o;
  switch (o) {
  case KOP_LT: return all ? tri_cmp(S, x, OP_I32_LT_S, c, last) : tri_cmp(S, x, OP_I32_GE_S, c, 0);
  case KOP_LE: return all ? tri_cmp(S, x, OP_I32_LE_S, c, last) : tri_cmp(S, x, OP_I32_GT_S, c, 0);
  case KOP_GT: return all ? tri_cmp(S, x, OP_I32_GT_S, c, 0) : tri_cmp(S, x, OP_I32_LE_S, c, last);
  case KOP_GE: return all ? tri_cmp(S, x, OP_I32_GE_S, c, 0) : tri_cmp(S, x, OP_I32_LT_S, c, last);
  default: break;
  }
  /* EQ: never all (the lanes differ); NE: never none. The other: c outside a .. a + last */
  if ((o == KOP_EQ) == all) {
    op_i32(w, 0);
    return;
  }
  tri_cmp(S, x, OP_I32_GT_S, c, 0);
  tri_cmp(S, x, OP_I32_LT_S, c, last);
  op(w, OP_I32_OR);
}

/* pushes whether lane `lane` of the turn (i = lane 0's + lane) is in the
 * interchanged loop s: i < bound or i <= bound, as scalars */
static void ix_lane_in(Simd *S, const KStmt *s, uint32_t iv, int lane) {
  WEmit *w = S->w;
  op_u(w, OP_LOCAL_GET, iv);
  wx_add_const(w, lane);
  wx_value(w, s->cond->b);
  op(w, s->cond->op == KOP_LT ? OP_I32_LT_S : OP_I32_LE_S);
}

/* Iterations n * j .. n * j + n - 1 of the interchanged loop s for the
 * turn's lanes (pass j), n = ix_iters: with carried values, IX_ITERS, so
 * that they go to and from their columns once per IX_ITERS iterations
 * (a pass then reads IX_ITERS streams of consecutive elements; reduce
 * 11.4 -> 7.1 ms on one thread), else one (histogram: 32.8 ms with one,
 * 41 with four).  Each
 * iteration sets the induction variable to its start value plus the
 * iteration's number of steps; the lanes' i are lane 0's plus the lane,
 * so all are in when the last is and none when lane 0 is not (two scalar
 * tests; none in: neither are they in the later iterations; lane 0's in
 * 64 bits, since start + k * step may wrap in 32 where the thread's own
 * loop left before: a step near 2^31), and only a
 * turn across the bound runs the body under masks; S->ix_any notes
 * whether a lane ran. */
enum { IX_ITERS = 4 };

static int ix_iters(const Simd *S) { return S->ncarried ? IX_ITERS : 1; }

/* The streams of the interchanged loop s: pointer parameters indexed by
 * its induction variable i itself (`in[i]`), at most IX_STREAMS */
enum { IX_STREAMS = 4 };
typedef struct IxStreams {
  const KVar *i;
  const KExpr *e[IX_STREAMS];
  int n;
} IxStreams;

static bool see_stream(const KExpr *e, void *ctx) {
  IxStreams *st = ctx;
  if (e->kind == KE_INDEX && e->a && e->a->kind == KE_VAR && e->a->var->kind == KV_PARAM &&
      e->a->type->kind == KT_PTR && e->b && st->n < IX_STREAMS) {
    const KExpr *x = e->b;
    while (x->kind == KE_CAST) x = x->a;
    bool seen = false;
    for (int k = 0; k < st->n; k++) seen |= st->e[k]->a->var == e->a->var;
    if (x->kind == KE_VAR && x->var == st->i && !seen) st->e[st->n++] = e;
  }
  return false; /* see every node */
}

/* iterations ahead that ix_touch touches (CUWASM_WASM_AHEAD=N overrides,
 * 0 turns touching off, for comparisons) */
enum { IX_AHEAD = 16 };
static int ix_ahead(void) {
  const char *e = getenv("CUWASM_WASM_AHEAD");
  return e && *e ? atoi(e) : IX_AHEAD;
}

/* Touches (loads and drops) one byte of each stream of the interchanged
 * loop s `ahead` iterations after the turn's lane 0's (whose index is in
 * iv): the line the turn's first lanes will read then.  A pass reads one
 * block-sized chunk of each stream per iteration, chunks a grid apart,
 * which no hardware prefetcher follows, and WebAssembly has no prefetch
 * instruction; the touched lines are in the cache when the turn comes
 * back to them, and a load no instruction waits for holds up little.
 * Only for loops without carried values, which run one iteration per
 * turn and whose loaded values feed further work (histogram's bytes are
 * the addresses of its updates: 31-33 -> 26-27 ms on one thread); a turn
 * with carried values runs IX_ITERS iterations, IX_ITERS streams' lines
 * back to back, and touching made a reduction slower once its memory was
 * warm (3.5-4.4 -> 4.3-4.9 ms).  (Touching the whole chunk once per pass,
 * at its first turn, was slower for the histogram: the loads then wait
 * together.)  An address past the memory's end touches byte 0 instead (a
 * stream may end before the loop's bound); lim: the last byte's address. */
static void ix_touch(Simd *S, const KStmt *s, uint32_t iv, const IxStreams *st, int ahead, uint32_t lim) {
  WEmit *w = S->w;
  for (int k = 0; k < st->n; k++) {
    const KExpr *e = st->e[k];
    uint32_t a = we_local(w, WT_I32);
    op_u(w, OP_LOCAL_GET, iv);
    wx_value(w, s->step->b);
    op_i32(w, ahead);
    op(w, OP_I32_MUL);
    op(w, OP_I32_ADD);
    op_i32(w, (int32_t)e->type->size);
    op(w, OP_I32_MUL);
    wx_value(w, e->a);
    op(w, OP_I32_ADD);
    op_u(w, OP_LOCAL_TEE, a);
    op_i32(w, 0);
    op_u(w, OP_LOCAL_GET, a);
    op_u(w, OP_LOCAL_GET, lim);
    op(w, OP_I32_LE_U);
    op(w, OP_SELECT);
    wb_mem(&w->fn->code, OP_I32_LOAD8_U, 0);
    op(w, OP_DROP);
  }
}

static void ix_iteration(Simd *S, const KStmt *s) {
  WEmit *w = S->w;
  WFunc *f = w->fn;
  const KExpr *st = s->step;
  uint32_t iv = we_var(w, st->a->var)->idx, start = we_local(w, WT_I32), k = we_local(w, WT_I32);
  IxStreams streams = {.i = st->a->var};
  int ahead = ix_ahead();
  if (ahead > 0 && !S->ncarried) kir_walk_any(s->body, see_stream, NULL, &streams);
  uint32_t lim = 0;
  if (streams.n) { /* the memory's last byte: pages * 64 KiB - 1 (65536 pages wrap to all ones) */
    lim = we_local(w, WT_I32);
    op(w, OP_MEMORY_SIZE);
    wb_byte(&f->code, 0);
    op_i32(w, 16);
    op(w, OP_I32_SHL);
    op_i32(w, 1);
    op(w, OP_I32_SUB);
    op_u(w, OP_LOCAL_SET, lim);
  }
  vs(S, s->init_stmt);
  op_u(w, OP_LOCAL_GET, iv);
  op_u(w, OP_LOCAL_SET, start);
  op_u(w, OP_LOCAL_GET, S->ix_j);
  op_i32(w, ix_iters(S));
  op(w, OP_I32_MUL);
  op_u(w, OP_LOCAL_SET, k);
  op_open(w, OP_BLOCK, WT_VOID);
  int out = f->depth;
  op_open(w, OP_LOOP, WT_VOID);
  int next = f->depth;
  op_u(w, OP_LOCAL_GET, start);
  op_u(w, OP_LOCAL_GET, k);
  wx_value(w, st->b);
  op(w, OP_I32_MUL);
  op(w, OP_I32_ADD);
  op_u(w, OP_LOCAL_SET, iv);
  /* lane 0 in, in 64 bits: start + k * step wraps in 32 (a large step) */
  op_u(w, OP_LOCAL_GET, start);
  op(w, OP_I64_EXTEND_I32_S);
  op_u(w, OP_LOCAL_GET, k);
  op(w, OP_I64_EXTEND_I32_U);
  wx_value(w, st->b);
  op(w, OP_I64_EXTEND_I32_S);
  op(w, OP_I64_MUL);
  op(w, OP_I64_ADD);
  wx_value(w, s->cond->b);
  op(w, OP_I64_EXTEND_I32_S);
  op(w, s->cond->op == KOP_LT ? OP_I64_LT_S : OP_I64_LE_S);
  op(w, OP_I32_EQZ);
  op_br(w, OP_BR_IF, out);
  op_i32(w, 1);
  op_u(w, OP_LOCAL_SET, S->ix_any);
  ix_lane_in(S, s, iv, 4 * S->groups - 1);
  op_open(w, OP_IF, WT_VOID);
  ix_touch(S, s, iv, &streams, ahead, lim);
  vs(S, s->body);
  op(w, OP_ELSE);
  uint32_t m[MAX_GROUPS] = {0};
  group_conds(S, s->cond, m, true);
  masked_body(S, m, s->body, NULL);
  op_end(w);
  op_u(w, OP_LOCAL_GET, k);
  op_i32(w, 1);
  op(w, OP_I32_ADD);
  op_u(w, OP_LOCAL_TEE, k);
  op_i32(w, ix_iters(S) - 1);
  op(w, OP_I32_AND);
  op_br(w, OP_BR_IF, next);
  op_end(w);
  op_end(w);
}

static void vs(Simd *S, const KStmt *s) {
  WEmit *w = S->w;
  WFunc *f = w->fn;
  switch (s->kind) {
  case KS_BLOCK: {
    int at = -1; /* the interchanged loop's place: this pass's statements only */
    if (S->ix && s == S->ix_top)
      for (at = 0; s->stmts[at] != S->ix; at++) {}
    for (int i = 0; i < s->nstmts; i++) {
      if (at >= 0 && (i < at ? IX_PREFIX : i == at ? IX_ITER : IX_SUFFIX) != S->ix_phase) continue;
      vs(S, s->stmts[i]);
    }
    return;
  }
  case KS_DECL: {
    SVar *x = svar(S, s->var);
    const KExpr *init = s->init ? s->init : s->var->init;
    if (!x || x->cls != CV) { ws_stmt(w, s); return; }
    if (!init) return;
    groups_begin(S);
    for (int g = 0; g < S->groups; g++) {
      enter_group(S, g);
      vx(S, init);
      op_u(w, OP_LOCAL_SET, x->vls[g]);
    }
    groups_end(S);
    return;
  }
  case KS_EXPR: vexpr(S, s->e); return;
  case KS_IF: {
    if (ecls(S, s->cond) == CU) {
      wx_cond(w, s->cond);
      op_open(w, OP_IF, WT_VOID);
      vs(S, s->then);
      if (s->els) { op(w, OP_ELSE); vs(S, s->els); }
      op_end(w);
      return;
    }
    uint32_t m[MAX_GROUPS] = {0};
    bool scalar = tri_ok(S, s->cond);
    if (scalar) {
      tri(S, s->cond, true);
    } else {
      group_conds(S, s->cond, m, false);
      groups_test(S, m, WS_I32X4_ALL_TRUE);
    }
    op_open(w, OP_IF, WT_VOID);
    vs(S, s->then);
    op(w, OP_ELSE);
    if (masked_if(S, s)) { /* lanes disagree: the then-branch under masks; none: nothing */
      uint32_t mm[MAX_GROUPS] = {0};
      group_conds(S, s->cond, mm, true);
      groups_test(S, mm, WS_ANY_TRUE);
      op_open(w, OP_IF, WT_VOID);
      masked_body(S, mm, s->then, NULL);
      op_end(w);
      op_end(w);
      return;
    }
    if (scalar) {
      tri(S, s->cond, false);
      op(w, OP_I32_EQZ);
    } else {
      groups_test(S, m, WS_ANY_TRUE);
    }
    op_br(w, OP_BR_IF, S->bail); /* lanes disagree: scalar turns */
    if (s->els) vs(S, s->els);
    op_end(w);
    return;
  }
  case KS_LOOP: {
    if (s == S->ix) {
      if (S->ix_phase == IX_ITER) ix_iteration(S, s);
      return;
    }
    if (s->init_stmt) vs(S, s->init_stmt);
    uint32_t live[MAX_GROUPS] = {0}; /* a varying loop: each group's lanes still in it */
    bool vary = s->cond && ecls(S, s->cond) == CV;
    if (vary)
      for (int g = 0; g < S->groups; g++) {
        live[g] = we_local(w, WT_V128);
        op_i32(w, -1);
        simd_op(w, WS_I32X4_SPLAT);
        op_u(w, OP_LOCAL_SET, live[g]);
      }
    op_open(w, OP_BLOCK, WT_VOID);
    int brk = f->depth;
    op_open(w, OP_LOOP, WT_VOID);
    int top = f->depth;
    if (vary) {
      /* while any lane is in: all unmasked, or the body under the masks.
       * A mask only loses lanes: one that left does not come back when its
       * condition (of an affine i that kept counting) holds again */
      group_conds(S, s->cond, live, true);
      groups_test(S, live, WS_ANY_TRUE);
      op(w, OP_I32_EQZ);
      op_br(w, OP_BR_IF, brk);
      groups_test(S, live, WS_I32X4_ALL_TRUE);
      op_open(w, OP_IF, WT_VOID);
      vs(S, s->body);
      if (s->step) vexpr(S, s->step);
      op(w, OP_ELSE);
      masked_body(S, live, s->body, s->step);
      op_end(w);
      op_br(w, OP_BR, top);
      op_end(w);
      op_end(w);
      return;
    }
    if (s->cond && s->loop_kind != KLOOP_DO) {
      wx_cond(w, s->cond);
      op(w, OP_I32_EQZ);
      op_br(w, OP_BR_IF, brk);
    }
    vs(S, s->body);
    if (s->step) vexpr(S, s->step);
    if (s->loop_kind == KLOOP_DO && s->cond) {
      wx_cond(w, s->cond);
      op_br(w, OP_BR_IF, top);
    } else {
      op_br(w, OP_BR, top);
    }
    op_end(w);
    op_end(w);
    return;
  }
  case KS_RETURN: op_br(w, OP_BR, S->ret); return;
  default: return;
  }
}

static void advance(WEmit *w, int g, int by) {
  global_get(w, g);
  op_i32(w, by);
  op(w, OP_I32_ADD);
  global_set(w, g);
}

/* an interchanged body's carried variables from (store: to) their columns,
 * this turn's cells: a varying one's lanes, a scalar's (uniform or affine:
 * lane 0's value) in the turn's first cell */
static void carry(Simd *S, bool store) {
  WEmit *w = S->w;
  for (int k = 0; k < S->ncarried; k++) {
    SVar *x = S->carried[k];
    bool vec = x->cls == CV;
    for (int g = 0; g < (vec ? S->groups : 1); g++) {
      op_u(w, OP_LOCAL_GET, S->ccol[k]);
      global_get(w, WG_T);
      op_i32(w, 4);
      op(w, OP_I32_MUL);
      op(w, OP_I32_ADD);
      uint32_t l = vec ? x->vls[g] : we_var(w, x->v)->idx;
      if (store) {
        op_u(w, OP_LOCAL_GET, l);
        if (vec) simd_mem(w, WS_STORE, 16u * (uint32_t)g);
        else wx_store(w, x->v->type);
      } else {
        if (vec) simd_mem(w, WS_LOAD, 16u * (uint32_t)g);
        else wx_load(w, x->v->type);
        op_u(w, OP_LOCAL_SET, l);
      }
    }
  }
}

/* The loop of turns of S->groups groups of four threads over the block
 * (blockDim.x a multiple of 4 * S->groups: a turn's threads share
 * threadIdx.y and z and have consecutive threadIdx.x). */
static void turns(Simd *S, const KStmt *s, int count);
static void turn_loop(Simd *S, const KStmt *s) { turns(S, s, 0); }

/* The thread loop's turns of S->groups groups: `count` of them, or (0)
 * until the block's threads are done.  A wide turn the lanes abandon
 * runs as turns of one group, where only the groups whose lanes disagree
 * go thread by thread (a stencil's turn at x == 0: 4 threads one by one,
 * not 32). */
static void turns(Simd *S, const KStmt *s, int count) {
  WEmit *w = S->w;
  WFunc *f = w->fn;
  int G = S->groups, lanes = 4 * G;
  uint32_t left = 0;
  if (count) {
    left = we_local(w, WT_I32);
    op_i32(w, count);
    op_u(w, OP_LOCAL_SET, left);
  }
  for (int i = 0; i < S->nvars; i++)
    if (S->vars[i].cls == CV)
      for (int g = 0; g < G; g++) S->vars[i].vls[g] = we_local(w, WT_V128);
  for (int i = 0; i < S->nfields; i++)
    for (int g = 0; g < G; g++) S->fields[i].vls[g] = we_local(w, WT_V128);
  op_open(w, OP_LOOP, WT_VOID);
  int top = f->depth;
  op_u(w, OP_LOCAL_GET, f->tbase); /* lane 0's frame */
  global_get(w, WG_T);
  op_u(w, OP_LOCAL_GET, f->fsize);
  op(w, OP_I32_MUL);
  op(w, OP_I32_ADD);
  op_u(w, OP_LOCAL_SET, f->fp);
  for (int i = 0; i < S->nvars; i++) { /* per-thread values: the lanes' copies */
    SVar *x = &S->vars[i];
    if (x->cls != CV || !x->per_thread) continue;
    const WVar wv = *we_var(w, x->v);
    for (int g = 0; g < G; g++) {
      if (wv.st == VS_COLUMN) { /* consecutive in the column: one load */
        we_var_addr(w, &wv, 0);
        simd_mem(w, WS_LOAD, 16u * (unsigned)g);
        op_u(w, OP_LOCAL_SET, x->vls[g]);
        continue;
      }
      op_u(w, OP_LOCAL_GET, x->vls[g]);
      for (int l = 0; l < 4; l++) {
        we_var_addr(w, &wv, 4 * g + l);
        wx_load(w, x->v->type);
        simd_lane(w, x->v->type->kind == KT_F32 ? WS_F32X4_REPLACE : WS_I32X4_REPLACE, l);
      }
      op_u(w, OP_LOCAL_SET, x->vls[g]);
    }
  }
  for (int i = 0; i < S->nvars; i++) { /* the same in every thread: lane 0's copy in a local */
    SVar *x = &S->vars[i];
    if (!x->same || x->cls != CU) continue;
    WVar *wv = we_var(w, x->v);
    x->vl = we_local(w, wt_of(x->v->type));
    x->home = *wv;
    we_var_addr(w, wv, 0);
    wx_load(w, x->v->type);
    op_u(w, OP_LOCAL_SET, x->vl);
    wv->st = VS_LOCAL;
    wv->idx = x->vl;
  }
  for (int i = 0; i < S->nfields; i++) { /* read-only members of per-thread aggregates */
    SField *fl = &S->fields[i];
    int off = we_var(w, fl->v)->off + fl->off;
    for (int g = 0; g < G; g++) {
      op_u(w, OP_LOCAL_GET, fl->vls[g]);
      for (int l = 0; l < 4; l++) {
        we_lane_frame(w, 4 * g + l, off);
        wx_load(w, fl->t);
        simd_lane(w, fl->t->kind == KT_F32 ? WS_F32X4_REPLACE : WS_I32X4_REPLACE, l);
      }
      op_u(w, OP_LOCAL_SET, fl->vls[g]);
    }
  }
  if (S->ix && S->ix_phase != IX_PREFIX) carry(S, false);
  op_open(w, OP_BLOCK, WT_VOID);
  int next = f->depth;
  op_open(w, OP_BLOCK, WT_VOID);
  int adv = f->depth;
  op_open(w, OP_BLOCK, WT_VOID);
  S->bail = f->depth;
  op_open(w, OP_BLOCK, WT_VOID);
  S->ret = f->depth;
  enter_group(S, 0);
  vs(S, s->body);
  op_end(w);
  if (S->ix && S->ix_phase != IX_SUFFIX) carry(S, true);
  for (int i = 0; i < S->nvars; i++) {
    SVar *x = &S->vars[i];
    if (x->cls != CV || !x->per_thread || !x->written) continue;
    const WVar wv = *we_var(w, x->v);
    for (int g = 0; g < G; g++)
      if (wv.st == VS_COLUMN) {
        we_var_addr(w, &wv, 0);
        op_u(w, OP_LOCAL_GET, x->vls[g]);
        simd_mem(w, WS_STORE, 16u * (unsigned)g);
      } else {
        for (int l = 0; l < 4; l++) {
          we_var_addr(w, &wv, 4 * g + l);
          op_u(w, OP_LOCAL_GET, x->vls[g]);
          simd_lane(w, x->v->type->kind == KT_F32 ? WS_F32X4_EXTRACT : WS_I32X4_EXTRACT, l);
          wx_store(w, x->v->type);
        }
      }
  }
  for (int i = 0; i < S->nvars; i++) {
    SVar *x = &S->vars[i];
    if (!x->same || x->cls != CU) continue;
    if (x->home.st == VS_COLUMN) { /* the value in every lane of the turn's cells */
      for (int g = 0; g < G; g++) {
        we_var_addr(w, &x->home, 0);
        op_u(w, OP_LOCAL_GET, x->vl);
        simd_op(w, x->v->type->kind == KT_F32 ? WS_F32X4_SPLAT : WS_I32X4_SPLAT);
        simd_mem(w, WS_STORE, 16u * (unsigned)g);
      }
      continue;
    }
    for (int l = 0; l < lanes; l++) {
      we_var_addr(w, &x->home, l);
      op_u(w, OP_LOCAL_GET, x->vl);
      wx_store(w, x->v->type);
    }
  }
  op_br(w, OP_BR, adv);
  op_end(w);
  for (int i = 0; i < S->nvars; i++) /* the scalar turns keep them in frames or columns */
    if (S->vars[i].same && S->vars[i].cls == CU) *we_var(w, S->vars[i].v) = S->vars[i].home;
  if (S->ix) { /* nothing abandons an interchanged turn (no varying if in a loop) */
    op(w, OP_UNREACHABLE);
    op_end(w);
    goto advance;
  }
  if (G > 1) { /* abandoned: turns of one group */
    S->groups = 1;
    turns(S, s, G);
    S->groups = G;
    op_br(w, OP_BR, next);
    op_end(w);
    goto advance;
  }
  /* abandoned: the turn's threads one by one */
  uint32_t n = we_local(w, WT_I32);
  op_i32(w, lanes);
  op_u(w, OP_LOCAL_SET, n);
  op_open(w, OP_LOOP, WT_VOID);
  int one = f->depth;
  ws_thread_turn(w, s);
  ws_next_thread(w);
  op_u(w, OP_LOCAL_GET, n);
  op_i32(w, 1);
  op(w, OP_I32_SUB);
  op_u(w, OP_LOCAL_TEE, n);
  op_br(w, OP_BR_IF, one);
  op_end(w);
  op_br(w, OP_BR, next);
  op_end(w);
advance:
  /* the turn's threads on: blockDim.x is a multiple of them, so x wraps at a turn's end */
  advance(w, WG_T, lanes);
  advance(w, WG_TX, lanes);
  global_get(w, WG_TX);
  global_get(w, WG_BDX);
  op(w, OP_I32_EQ);
  op_open(w, OP_IF, WT_VOID);
  op_i32(w, 0);
  global_set(w, WG_TX);
  ws_next_row(w);
  op_end(w);
  op_end(w);
  if (count) {
    op_u(w, OP_LOCAL_GET, left);
    op_i32(w, 1);
    op(w, OP_I32_SUB);
    op_u(w, OP_LOCAL_TEE, left);
  } else {
    global_get(w, WG_T);
    op_u(w, OP_LOCAL_GET, f->nt);
    op(w, OP_I32_LT_U);
  }
  op_br(w, OP_BR_IF, top);
  op_end(w);
}

/* Four-thread groups per turn where blockDim.x allows: four, i.e. four
 * independent chains of each operation for the processor to overlap (an
 * accumulation's add latency hides behind the other groups': sgemm 1.6x
 * faster than with one group, scan 1.5x, transpose 1.5x on one thread)
 * and 64 bytes of each array per turn.  One for a body with a loop whose
 * condition varies that runs in turns: its iterations are already
 * independent, and the groups' masks, kept across the iterations, cost
 * more than they bring (reduce 1.3x slower with four); four again when
 * that loop runs interchanged (one iteration per turn, no masks kept).
 * Eight (32 threads, a warp) where blockDim.x is a multiple of 32, else
 * four: half the turns' set-up (bounds, the row's indices) per thread;
 * one thread, alternating modules of both widths, 2026-12-06: saxpy,
 * reduction, histogram, stencil2d and transpose 5-11 % faster, nbody and
 * scan the same, the module twice the size.
 * CUWASM_WASM_GROUPS=1, 2, 4 or 8 overrides (for comparisons). */
static int wide_groups(const Simd *S, bool interchanged) {
  const char *env = getenv("CUWASM_WASM_GROUPS");
  if (env && *env) {
    int n = atoi(env);
    return n >= 8 ? 8 : n >= 4 ? 4 : n >= 2 ? 2 : 1;
  }
  return S->any_vloop && !interchanged ? 1 : 8;
}

/* if blockDim.x is a multiple of `lanes`: opens the branch that runs */
static void if_bdx_multiple(WEmit *w, int lanes) {
  global_get(w, WG_BDX);
  op_i32(w, lanes - 1);
  op(w, OP_I32_AND);
  op(w, OP_I32_EQZ);
  op_open(w, OP_IF, WT_VOID);
}

/* whether s holds a return, or an if whose condition is not uniform
 * (either could end or abandon a turn in one pass and not in the others) */
static bool ends_turns(Simd *S, const KStmt *s) {
  if (!s) return false;
  if (s->kind == KS_RETURN) return true;
  if (s->kind == KS_IF && ecls(S, s->cond) != CU) return true;
  if (ends_turns(S, s->then) || ends_turns(S, s->els) || ends_turns(S, s->init_stmt) || ends_turns(S, s->body))
    return true;
  for (int i = 0; i < s->nstmts; i++)
    if (ends_turns(S, s->stmts[i])) return true;
  return false;
}

/* the body's grid-stride loop when it is one of its top statements (or
 * the body); *top: the statement list holding it (or the loop) */
static const KStmt *top_vloop(Simd *S, const KStmt **top) {
  const KStmt *b = S->body;
  while (b->kind == KS_BLOCK && b->nstmts == 1) b = b->stmts[0];
  *top = b;
  if (b->kind == KS_LOOP) return b->cond && ecls(S, b->cond) == CV ? b : NULL;
  if (b->kind != KS_BLOCK) return NULL;
  for (int i = 0; i < b->nstmts; i++)
    if (b->stmts[i]->kind == KS_LOOP && b->stmts[i]->cond && ecls(S, b->stmts[i]->cond) == CV) return b->stmts[i];
  return NULL;
}

/* The body's grid-stride loop, when it can run interchanged: one pass over
 * the block's threads per iteration, so that each pass reads consecutive
 * elements across the threads (1 KB of floats for 256 threads) instead of
 * each turn walking its own lanes' elements a grid apart (which no
 * hardware prefetcher follows).  The statements before the loop run in a
 * pass of their own first, those after it in one after the last
 * iteration; what those passes and the iterations hand each other (the
 * variables declared before the loop, and those the loop changes but does
 * not declare: a reduction's sum) waits in columns of the block's scratch
 * memory (we_column), one cell per thread.  The loop needs a signed
 * induction variable i declared or set by its init from affine values,
 * stepped by `i += uniform` and not otherwise changed, and a condition
 * `i < uniform` or `i <= uniform` (so, with a positive step, which the
 * emitted code checks, a lane that left stays out: no mask is kept
 * between passes).  Nothing may end or abandon a turn (returns, ifs with
 * varying conditions), and the variables kept must be 4-byte scalars or
 * the body's varying ones.  NULL otherwise; S->ix_top and S->carried set
 * otherwise. */
static const KStmt *interchangeable(Simd *S) {
  WEmit *w = S->w;
  const KStmt *top, *L = top_vloop(S, &top);
  if (!L || L->loop_kind == KLOOP_DO || !L->step || !L->init_stmt || S->nfields || ends_turns(S, S->body))
    return NULL;
  const KExpr *st = L->step, *c = L->cond;
  if (st->kind != KE_ASSIGN || st->op != KOP_ADD || st->a->kind != KE_VAR) return NULL;
  const KVar *i = st->a->var;
  SVar *xi = svar(S, i);
  if (!xi || xi->cls != CA || xi->per_thread || i->type->kind != KT_I32 || we_var(w, i)->st != VS_LOCAL ||
      ecls(S, st->b) != CU || assigned(L->body, i))
    return NULL;
  if (c->kind != KE_BINARY || (c->op != KOP_LT && c->op != KOP_LE) || c->a->kind != KE_VAR || c->a->var != i ||
      c->b->type->kind != KT_I32 || ecls(S, c->b) != CU)
    return NULL;
  const KStmt *in = L->init_stmt;
  bool sets_i = (in->kind == KS_DECL && in->var == i) ||
                (in->kind == KS_EXPR && in->e->kind == KE_ASSIGN && in->e->op == KOP_NONE &&
                 in->e->a->kind == KE_VAR && in->e->a->var == i);
  if (!sets_i) return NULL;
  S->carried = arena_alloc(&w->arena, sizeof *S->carried * (size_t)(S->nvars + 1));
  S->ncarried = 0;
  for (int k = 0; k < S->nvars; k++) {
    SVar *x = &S->vars[k];
    if (x->v == i) continue;
    bool before = false;
    for (int j = 0; top != L && top->stmts[j] != L; j++) before |= declared_in(top->stmts[j], x->v);
    bool changed = assigned(L->body, x->v) && !declared_in(L->body, x->v);
    if (!before && !changed) continue;
    if (x->per_thread) { /* in frames, which outlast the passes, unless kept in lanes */
      if (x->cls == CV) return NULL;
      continue;
    }
    if (x->cls == CX || !lane_val(x->v->type) || (x->cls != CV && we_var(w, x->v)->st != VS_LOCAL)) return NULL;
    S->carried[S->ncarried++] = x;
  }
  S->ix_top = top;
  return L;
}

/* one pass of the interchanged body over the block: its turns */
static void pass(Simd *S, const KStmt *s, int phase) {
  ws_first_thread(S->w);
  S->ix_phase = phase;
  turn_loop(S, s);
}

/* The interchanged body: the pass of the statements before the loop,
 * passes j = 0, 1, ... (turns of S->groups groups) while a lane ran
 * iteration j, and the pass of the statements after it. */
static void interchanged_passes(Simd *S, const KStmt *s) {
  WEmit *w = S->w;
  WFunc *f = w->fn;
  S->ccol = arena_alloc(&w->arena, sizeof *S->ccol * (size_t)(S->ncarried + 1));
  for (int k = 0; k < S->ncarried; k++) S->ccol[k] = we_column(w);
  bool before = S->ix_top != S->ix && S->ix_top->stmts[0] != S->ix;
  bool after = S->ix_top != S->ix && S->ix_top->stmts[S->ix_top->nstmts - 1] != S->ix;
  if (before) pass(S, s, IX_PREFIX);
  S->ix_j = we_local(w, WT_I32);
  S->ix_any = we_local(w, WT_I32);
  op_i32(w, 0);
  op_u(w, OP_LOCAL_SET, S->ix_j);
  op_open(w, OP_BLOCK, WT_VOID);
  int done = f->depth;
  op_open(w, OP_LOOP, WT_VOID);
  int again = f->depth;
  op_i32(w, 0);
  op_u(w, OP_LOCAL_SET, S->ix_any);
  pass(S, s, IX_ITER);
  op_u(w, OP_LOCAL_GET, S->ix_any);
  op(w, OP_I32_EQZ);
  op_br(w, OP_BR_IF, done);
  op_u(w, OP_LOCAL_GET, S->ix_j);
  op_i32(w, 1);
  op(w, OP_I32_ADD);
  op_u(w, OP_LOCAL_SET, S->ix_j);
  op_br(w, OP_BR, again);
  op_end(w);
  op_end(w);
  if (after) pass(S, s, IX_SUFFIX);
}

/* whether CUWASM_WASM_<name> is set to 0 (a comparison's "before") */
static bool turned_off(const char *name) {
  const char *env = getenv(name);
  return env && !strcmp(env, "0");
}

/* turns of `wide` groups when blockDim.x is a multiple of 4 * wide, else
 * of one (the caller has checked that blockDim.x is a multiple of 4) */
static void wide_or_narrow(Simd *S, const KStmt *s, int wide, void (*loop)(Simd *, const KStmt *)) {
  if (wide > 1) {
    if_bdx_multiple(S->w, 4 * wide);
    S->groups = wide;
    loop(S, s);
    op(S->w, OP_ELSE);
    wide_or_narrow(S, s, wide > 4 ? 4 : 1, loop); /* a block of 16 threads a row, say */
    op_end(S->w);
    return;
  }
  S->groups = 1;
  loop(S, s);
}

bool wsimd_thread_loop(WEmit *w, const KStmt *s) {
  if (turned_off("CUWASM_WASM_SIMD")) return false;
  WFunc *f = w->fn;
  if (!f->fis) return false;
  Simd S = {.w = w, .body = s->body};
  if (!analyse(&S)) return false;
  const KStmt *L = turned_off("CUWASM_WASM_INTERCHANGE") ? NULL : interchangeable(&S);
  if (L) { /* with a positive step and blockDim.x a multiple of 4: passes over the block */
    wx_value(w, L->step->b);
    op_i32(w, 0);
    op(w, OP_I32_GT_S);
    global_get(w, WG_BDX);
    op_i32(w, 3);
    op(w, OP_I32_AND);
    op(w, OP_I32_EQZ);
    op(w, OP_I32_AND);
    op_open(w, OP_IF, WT_VOID);
    S.ix = L;
    wide_or_narrow(&S, s, wide_groups(&S, true), interchanged_passes);
    S.ix = NULL;
    op(w, OP_ELSE);
  }
  /* blockDim.x a multiple of 4: turns of groups, else the scalar loop */
  if_bdx_multiple(w, 4);
  wide_or_narrow(&S, s, wide_groups(&S, false), turn_loop);
  op(w, OP_ELSE);
  ws_scalar_threads(w, s);
  op_end(w);
  if (L) op_end(w);
  return true;
}
