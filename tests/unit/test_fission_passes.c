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
 * column of threads; and where jumps.c sends a break, continue and return
 * from inside the loops and switches both fissions rebuild.
 */
#include "api/program.h"
#include "emit/emit.h"
#include "kir/passes/fission.h"
#include "kir/passes/jumps.h"
#include "kir/passes/regions.h"

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
  for (int i = 0; i < m->funcs.len; i++)
    if (((KFunc *)m->funcs.items[i])->flags & KF_GLOBAL) k = m->funcs.items[i];
  CHECK(k != NULL, "no kernel in the module");
  if (!k) return 1;

  Arena a;
  arena_init(&a);
  check_regions(k, &a);
  check_jumps(&a);
  KFission f;
  CwDiags kd;
  diags_init(&kd);
  CHECK(kir_fission(&a, m, k, &f, &kd), "kir_fission failed");
  CHECK(f.split, "the kernel has barriers: it must be split");
  CHECK(!per_thread_has(&f, "t") && !per_thread_has(&f, "x"),
        "t and both versions of x are recomputed, not kept per thread");
  char *kt = kir_dump_fission(m, &kd); /* as `cuwasm transpile --target kir-threads` */
  const char *text = kt ? kt : "(out of memory)";
  CHECK(strstr(text, "%x_v") != NULL, "the reassigned x gets a version:\n%s", text);
  CHECK(strstr(text, "barrier.warp") != NULL, "the hand-off gets a warp barrier:\n%s", text);
  CHECK(strstr(text, "for (let %r") != NULL, "the uniform loop runs at block level:\n%s", text);
  int loops = 0;
  for (const char *q = strstr(text, "threads ("); q; q = strstr(q + 1, "threads (")) loops++;
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
