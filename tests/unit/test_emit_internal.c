/*
 * test_emit_internal.c — the C emitter never guesses: a builtin missing
 * from the catalogue, or an expression kind it has no C form for, is an
 * internal error naming what it is (once they printed a silent `0`, and
 * an unknown atomic became atomicAdd), and emission fails.  The kernels
 * are built by hand (cpu_kir_builder.h), since the front end never makes
 * such nodes: they stand for a KIR extension the emitter was not taught.
 */
#include "emit/emit.h"
/* the builder's helpers are static; this test uses a few of them */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wunused-function"
#include "cpu_kir_builder.h"
#pragma GCC diagnostic pop

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;
#define CHECK(cond, ...) do { if (cond) passed++; else { failed++; printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); printf("\n"); } } while (0)

/* Emits a module holding one kernel `k(int *out)` whose body stores
 * make() in out[0]; returns the diagnostics text (malloc'd) and whether C
 * came out. */
static char *emit_with(KExpr *(*make)(void), bool *emitted) {
  b_init();
  KType *i32 = B_m->t_i32;
  KVar *out = b_newvar(KV_PARAM, "out", kt_ptr(B_m, i32, AS_GLOBAL), AS_LOCAL);
  KStmt *body = B_BLOCK(b_expr_stmt(b_assign(b_index(b_var(out), b_int(0)), KOP_NONE, make())));
  b_func("k", "k", KF_GLOBAL, NULL, 1, (KVar *[]){out}, body);
  CwDiags d;
  diags_init(&d);
  char *c = emit_c(B_m, "internal", &d);
  *emitted = c != NULL;
  free(c);
  char *r = diags_render(&d);
  diags_free(&d);
  arena_free(&B_arena);
  return r;
}

/* a builtin id beyond the catalogue (KExpr.builtin holds 12 bits) */
static KExpr *bogus_builtin(void) {
  KExpr *none[1] = {NULL}; /* no arguments (memcpy wants a pointer even for 0) */
  return b_builtin((KBuiltinId)4000, B_m->t_i32, 0, none);
}
/* an expression kind the emitter has no case for (KExpr.kind holds 8 bits) */
static KExpr *bogus_kind(void) { return b_expr((KExprKind)200, B_m->t_i32); }

int main(void) {
  bool emitted;
  char *r = emit_with(bogus_builtin, &emitted);
  CHECK(!emitted && r && strstr(r, "internal: builtin 4000 is not in the catalogue"),
        "unknown builtin: emitted %d, diagnostics '%s'", emitted, r ? r : "");
  free(r);
  r = emit_with(bogus_kind, &emitted);
  CHECK(!emitted && r && strstr(r, "internal: expression kind 200 has no C form"),
        "unknown expression kind: emitted %d, diagnostics '%s'", emitted, r ? r : "");
  free(r);
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
