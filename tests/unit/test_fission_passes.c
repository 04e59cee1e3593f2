/*
 * test_fission_passes.c — the barrier-fission passes that the C and the
 * WebAssembly emitters share (src/kir/passes/: converge.c, versions.c,
 * uniform.c, remat.c, fission.c) read the module and never change it:
 * several targets are emitted from one module (`cuwasm cc` builds C,
 * WGSL, SPIR-V and wasm from it), and the C emitter's copies of these
 * passes used to rewrite a private lowered body in place.  The module's
 * KIR dump must be the same before and after kir_fission and emit_c on a
 * kernel that every one of those passes rewrites; and the pass's
 * decisions are checked: the reassigned index gets a version, the
 * recomputable locals are not kept per thread (and a thread loop left
 * declaring only those goes), the hand-off gets its warp barrier; and the
 * regions both fissions walk (regions.c): the kernel's statement list is
 * cut into a thread loop whose locals read after the barrier are live, the
 * barrier, the uniform loop as a loop of the block, and the hand-off as a
 * column of threads; where jumps.c sends a break, continue and return
 * from inside the loops and switches both fissions rebuild; and the steps
 * shapes.c's walk asks a target for (a recording target): a collective's
 * result kept per thread only where a later thread loop reads it, the
 * thread loop being gathered ended before its block statements, its
 * loops, and a column's statement in a loop of its own.
 */
#include "api/program.h"
#include "emit/emit.h"
#include "kir/passes/fission.h"
#include "kir/passes/jumps.h"
#include "kir/passes/lower_splits.h"
#include "kir/passes/regions.h"
#include "kir/passes/shapes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;
#define CHECK(cond, ...) do { if (cond) passed++; else { failed++; printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); printf("\n"); } } while (0)

static const char source[] =
    "__global__ void k(const int* in, int* out, int n) {\n"
    "  __shared__ int s[64];\n"
    "  int t = threadIdx.x;\n"
    "  int x = blockIdx.x * 64 + t;\n"
    "  s[t] = in[x];\n"
    "  __syncthreads();\n"
    "  x = blockIdx.x * 64 + 63 - t;\n"          /* a second version of x */
    "  for (int r = 0; r < n; r++) {\n"          /* a uniform loop */
    "    out[x] = s[63 - t] + r;\n"
    "    __syncthreads();\n"
    "  }\n"
    "  s[t] = t;\n"
    "  if (t == 0) out[blockIdx.x * 64] += s[1];\n" /* hand-off */
    "}\n"
    "__global__ void w(const int* in, int* out, int n) {\n"
    "  int v = in[threadIdx.x];\n"
    "  int s = __shfl_xor_sync(0xffffffffu, v, 1);\n" /* read by the next run only */
    "  out[threadIdx.x] = s;\n"
    "  __syncthreads();\n"
    "  if (threadIdx.x == 0) out[64] = n;\n"         /* a column */
    "  out[threadIdx.x + 1] = v;\n"
    "}\n";

static char *dump(const KModule *m) {
  StrBuf sb;
  sb_init(&sb);
  kir_dump(&sb, m);
  return sb_take(&sb);
}

static bool live_has(const KRegion *r, const char *name) {
  for (int i = 0; i < r->live.len; i++)
    if (!strcmp(((KVar *)r->live.items[i])->name, name)) return true;
  return false;
}

/* The kernel body's top-level list as regions.c cuts it: the kinds in
 * order (T threads, B block statement, C column, S split: b barrier, L
 * list, I/i if of the block/per thread, P/p loop of the block/per thread,
 * o other). */
static void check_regions(const KFunc *k, Arena *a) {
  KBlockLevel bl;
  KRemat r;
  memset(&r, 0, sizeof r);
  kir_block_level(&bl, a, k, k->body, false, true);
  kir_find_remat(a, k->body, NULL, NULL, &r);
  KRegionList rl;
  kir_cut_list(&bl, &r, k->body->stmts, k->body->nstmts, &rl);
  char kinds[64] = "";
  const KRegion *first = NULL;
  for (int i = 0; i < rl.len && i < 30; i++) {
    const KRegion *g = &rl.items[i];
    char c = "TBCS"[g->kind];
    if (g->kind == KR_SPLIT) c = "bLIiPpo"[kir_split_shape(&bl, g->stmts[0])];
    if (g->kind == KR_THREADS && !first) first = g;
    kinds[strlen(kinds)] = c;
  }
  CHECK(!strcmp(kinds, "TbTPTC"), "regions: threads, barrier, threads, loop of the block, threads, column; not %s",
        kinds);
  CHECK(first && live_has(first, "t") && live_has(first, "x"),
        "t and x, declared before the barrier and read after it, are live after the first thread loop");
}

static bool per_thread_has(const KFission *f, const char *name) {
  for (int i = 0; i < f->per_thread.len; i++)
    if (!strcmp(((KVar *)f->per_thread.items[i])->name, name)) return true;
  return false;
}

/* jumps.c: a state loop L (an inlined function's body, label "f") around
 * a state switch S around a thread's own loop and switch */
static void check_jumps(Arena *a) {
  static int L, S;
  KJumpTargets t = {0};
  KStmt brk = {.kind = KS_BREAK}, cont = {.kind = KS_CONTINUE}, ret = {.kind = KS_RETURN},
        ret_f = {.kind = KS_RETURN, .label = "f"}, ret_g = {.kind = KS_RETURN, .label = "g"};
  KJump j = kir_jump(&t, &brk);
  CHECK(j.how == KJ_NOWHERE, "break outside any loop goes nowhere");
  kir_jump_push(a, &t, KJT_STATE_LOOP, &L, "f");
  kir_jump_push(a, &t, KJT_STATE_SWITCH, &S, NULL);
  j = kir_jump(&t, &brk);
  CHECK(j.how == KJ_SET_STATE && j.state == &S && j.value == 1, "break leaves the state switch");
  j = kir_jump(&t, &cont);
  CHECK(j.how == KJ_SET_STATE && j.state == &L && j.value == 2, "continue passes the switch to the loop");
  kir_jump_push(a, &t, KJT_SWITCH, NULL, NULL);
  j = kir_jump(&t, &brk);
  CHECK(j.how == KJ_STAYS, "break in the thread's own switch stays");
  j = kir_jump(&t, &cont);
  CHECK(j.how == KJ_SET_STATE && j.state == &L && j.value == 2, "continue passes both switches");
  kir_jump_push(a, &t, KJT_LOOP, NULL, NULL);
  j = kir_jump(&t, &cont);
  CHECK(j.how == KJ_STAYS, "continue in the thread's own loop stays");
  j = kir_jump(&t, &ret_f);
  CHECK(j.how == KJ_SET_STATE && j.state == &L && j.value == 1, "the inlined function's return leaves its wrapper");
  j = kir_jump(&t, &ret_g);
  CHECK(j.how == KJ_NOWHERE, "a return of another inlined function has no wrapper here");
  j = kir_jump(&t, &ret);
  CHECK(j.how == KJ_EXIT, "the kernel's return exits the thread");
  for (int i = 0; i < 40; i++) kir_jump_push(a, &t, KJT_LOOP, NULL, NULL); /* the stack grows */
  CHECK(t.len == 44 && kir_jump(&t, &brk).how == KJ_STAYS, "44 targets deep");
}

/* A target that writes each step of shapes.c's walk as a letter: K:name
 * keep per thread, T thread loop, B block statement, E end of the run,
 * C< S C> a column, L lowered collective, X its block statements, l its
 * loops (e every thread, g the guarded ones; ! the loop ends, . it goes
 * on), | barrier. */
typedef struct Rec {
  StrBuf log;
  Arena *a;
  const KModule *m;
  CwDiags *d;
  int next_id;
} Rec;

static void rec_keep(void *t, KVar *v) { sb_printf(&((Rec *)t)->log, "K:%s ", v->name); }
static void rec_end(void *t) { sb_puts(&((Rec *)t)->log, "E "); }
static void rec_threads(void *t, const KRegion *r) { (void)r; sb_puts(&((Rec *)t)->log, "T "); }
static void rec_block(void *t, KStmt *s) { (void)s; sb_puts(&((Rec *)t)->log, "B "); }
static void rec_column(void *t, KStmt *s, const KExpr *k, KShapeStep step) {
  (void)s, (void)k;
  sb_puts(&((Rec *)t)->log, step == KSS_OPEN ? "C< " : "C> ");
}
static void rec_thread_stmt(void *t, KStmt *s) { (void)s; sb_puts(&((Rec *)t)->log, "S "); }
static bool rec_lower(void *t, KStmt *s, KCollective *k) {
  Rec *r = t;
  sb_puts(&r->log, "L ");
  return kir_lower_collective(r->a, r->m, s->init, s->var, &r->next_id, NULL, NULL, k, r->d);
}
static void rec_coll_block(void *t, KStmt *s, const KCollective *k) { (void)s, (void)k; sb_puts(&((Rec *)t)->log, "X "); }
static void rec_coll_loop(void *t, const PtrVec *stmts, bool every_thread, bool ends) {
  (void)stmts;
  sb_printf(&((Rec *)t)->log, "l%c%c ", every_thread ? 'e' : 'g', ends ? '!' : '.');
}
static bool rec_guarded(void *t) { (void)t; return false; }
static void rec_barrier(void *t, KStmt *s) { (void)s; sb_puts(&((Rec *)t)->log, "| "); }
static void rec_other(void *t, KStmt *s) { (void)s; sb_puts(&((Rec *)t)->log, "? "); }

static char *walk_log(const KModule *m, const KFunc *k, Arena *a, CwDiags *d, bool joins) {
  KShapeOps ops = {.end_run = rec_end, .keep = rec_keep, .threads = rec_threads, .block_stmt = rec_block,
                   .column = rec_column, .thread_stmt = rec_thread_stmt, .lower_collective = rec_lower,
                   .collective_block = rec_coll_block, .collective_loop = rec_coll_loop,
                   .guarded = rec_guarded, .result_joins_run = joins, .barrier = rec_barrier,
                   .other = rec_other};
  Rec r = {.a = a, .m = m, .d = d};
  sb_init(&r.log);
  static const KLowerSplits lower = {.target = "the test"};
  KStmt *body = kir_lower_splits(a, m, k, &r.next_id, &lower, d);
  KBlockLevel bl;
  KRemat rm;
  memset(&rm, 0, sizeof rm);
  kir_block_level(&bl, a, k, body, false, true);
  kir_find_remat(a, body, NULL, NULL, &rm);
  KJumpTargets jumps = {0};
  KShapeWalk w = {.ops = &ops, .target = &r, .a = a, .bl = &bl, .remat = &rm, .jumps = &jumps,
                  .unwrap_blocks = true};
  kir_shapes_body(&w, body);
  return sb_take(&r.log);
}

static void check_walk(const KModule *m, const KFunc *k, Arena *a, CwDiags *d) {
  char *split = walk_log(m, k, a, d, false), *joined = walk_log(m, k, a, d, true);
  /* the result loop its own: the result (lower_splits.c's cw_coll temporary,
   * which s copies) crosses into the next run and is kept */
  CHECK(strstr(split, "K:cw_coll0 L ") && strstr(split, "E X ") && strstr(split, "lg! T |"),
        "the collective's result kept, the run ended before its block statements, its loops ending: %s", split);
  /* the result loop goes on with the run after it, the only reader of s */
  CHECK(!strstr(joined, "K:cw_coll") && strstr(joined, "lg. T |"),
        "the collective's result not kept, its result loop going on: %s", joined);
  CHECK(strstr(split, "| E C< S C> T") != NULL, "the column after the barrier in a loop of its own: %s", split);
  free(split);
  free(joined);
}

int main(void) {
  cw_diags *d = cw_diags_new();
  cw_program *p = NULL;
  if (cw_compile_source("fission.cu", source, sizeof source - 1, NULL, d, &p) != CW_OK) {
    char *r = cw_diags_render(d);
    printf("FAIL: the front end rejects the test kernel\n%s", r);
    return 1;
  }
  KModule *m = cw_program_module(p);
  char *before = dump(m);
  const KFunc *k = NULL;
  const KFunc *wk = NULL;
  for (int i = 0; i < m->funcs.len; i++) {
    const KFunc *g = m->funcs.items[i];
    if (!(g->flags & KF_GLOBAL)) continue;
    if (!strcmp(g->name, "k")) k = g;
    if (!strcmp(g->name, "w")) wk = g;
  }
  CHECK(k != NULL && wk != NULL, "no kernels k and w in the module");
  if (!k || !wk) return 1;

  Arena a;
  arena_init(&a);
  check_regions(k, &a);
  check_jumps(&a);
  KFission f;
  CwDiags kd;
  diags_init(&kd);
  if (wk) check_walk(m, wk, &a, &kd);
  CHECK(kir_fission(&a, m, k, &f, &kd), "kir_fission failed");
  CHECK(f.split, "the kernel has barriers: it must be split");
  CHECK(!per_thread_has(&f, "t") && !per_thread_has(&f, "x"),
        "t and both versions of x are recomputed, not kept per thread");
  char *kt = kir_dump_fission(m, &kd); /* as `cuwasm transpile --target kir-threads` */
  const char *text = kt ? kt : "(out of memory)";
  CHECK(strstr(text, "%x_v") != NULL, "the reassigned x gets a version:\n%s", text);
  CHECK(strstr(text, "barrier.warp") != NULL, "the hand-off gets a warp barrier:\n%s", text);
  CHECK(strstr(text, "for (let %r") != NULL, "the uniform loop runs at block level:\n%s", text);
  int loops = 0; /* kernel k's (w comes after it) */
  const char *end_k = strstr(text, "kernel @w");
  for (const char *q = strstr(text, "threads ("); q && (!end_k || q < end_k); q = strstr(q + 1, "threads (")) loops++;
  /* before the loop, x's second version was declared in a thread loop of
   * its own, which the loop's thread loop declares again: it goes */
  CHECK(loops == 4, "4 thread loops, not %d:\n%s", loops, text);
  /* `if (t == 0)` (t recomputed from threadIdx.x): the column of x == 0 only */
  CHECK(strstr(text, "threads (threadIdx.x == cvt.i64(0))") != NULL, "the hand-off runs for x == 0 only:\n%s", text);
  free(kt);

  char *c = emit_c(m, "fission", &kd);
  CHECK(c != NULL, "emit_c failed");
  free(c);
  char *after = dump(m);
  CHECK(!strcmp(before, after), "the module changed:\n--- before\n%s\n--- after\n%s", before, after);
  free(before);
  free(after);
  diags_free(&kd);
  arena_free(&a);
  cw_program_free(p);
  cw_diags_free(d);
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
