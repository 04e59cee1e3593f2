/*
 * test_jit_limits.c — the CPU JIT's one fixed limit, the number of words
 * of CUWASM_CC it passes to the C compiler, is a load error naming the
 * limit, never a command line cut short: 41 words fail, 40 work.
 */
#include "cuwasm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int passed, failed;
#define CHECK(cond, ...) do { if (cond) passed++; else { failed++; printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); printf("\n"); } } while (0)

/* Loads a one-kernel module with CUWASM_CC = "cc" followed by `extra`
 * copies of -DX; returns the status, the message in msg. */
static cw_status load_with_words(cw_context *ctx, int extra, char *msg, size_t msz) {
  char cc[1024] = "cc";
  for (int i = 0; i < extra; i++) strcat(cc, " -DCW_UNUSED_WORD");
  setenv("CUWASM_CC", cc, 1);
  /* a source of its own per count: the cache would answer otherwise */
  char src[160];
  snprintf(src, sizeof src, "__global__ void k%d(int *p) { p[threadIdx.x] = %d; }\n", extra, extra);
  cw_module *mod = NULL;
  cw_diags *d = cw_diags_new();
  cw_status st = cw_module_load_source(ctx, "words.cu", src, strlen(src), NULL, d, &mod);
  char *txt = cw_diags_render(d);
  snprintf(msg, msz, "%s %s", cw_last_error_message(ctx), txt ? txt : "");
  free(txt);
  cw_diags_free(d);
  cw_module_free(mod);
  return st;
}

int main(void) {
  char tmpl[] = "/tmp/cuwasm_jitlim_XXXXXX";
  if (!mkdtemp(tmpl)) return 1;
  setenv("XDG_CACHE_HOME", tmpl, 1); /* fresh cache: every load compiles */
  cw_context *ctx;
  if (cw_context_new("cpu", &ctx) != CW_OK) { printf("FAIL no cpu context\n"); return 1; }
  char msg[1024];
  cw_status st = load_with_words(ctx, 40, msg, sizeof msg);
  CHECK(st != CW_OK && strstr(msg, "CC_MAX_WORDS"), "41 words: status %d, '%s'", (int)st, msg);
  st = load_with_words(ctx, 39, msg, sizeof msg);
  CHECK(st == CW_OK, "40 words: status %d, '%s'", (int)st, msg);
  cw_context_free(ctx);
  char rm[128];
  snprintf(rm, sizeof rm, "rm -rf '%s'", tmpl);
  if (system(rm) != 0) printf("note: could not remove %s\n", tmpl);
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
