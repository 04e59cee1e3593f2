/*
 * fuzz_pp.c — libFuzzer target for the lexer and preprocessor.
 *
 * The input is the main file, and the same bytes are served for every
 * #include (so include recursion, guards and pragma once are exercised
 * with arbitrary content).  Everything lives in one arena and one
 * diagnostics object, freed after each run; the target checks the one
 * invariant the parser relies on: the list ends in exactly one TK_EOF.
 */
#include <stdlib.h>
#include <string.h>

#include "front/token.h"

typedef struct Input {
  const char *data;
  size_t size;
} Input;

static const char *serve(void *ctx, const char *path, size_t *size) {
  Input *in = ctx;
  (void)path;
  *size = in->size;
  return in->data;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  Arena a;
  CwDiags d;
  arena_init(&a);
  diags_init(&d);
  Input in = {(const char *)data, size};
  const char *dirs[] = {"inc"};
  PPOptions opt = {.include_dirs = dirs, .n_include_dirs = 1,
                   .cuda_include_dir = "/nonexistent/cw",
                   .read_file = serve, .read_file_ctx = &in,
                   .implicit_cuda_runtime = size & 1};
  SrcFile *f = srcfile_new(&a, "main.cu", (const char *)data, size);
  Token *t = preprocess(&a, &d, f, &opt);
  while (t->kind != TK_EOF) t = t->next;
  if (t->next) abort();
  char *r = diags_render(&d);
  free(r);
  diags_free(&d);
  arena_free(&a);
  return 0;
}
