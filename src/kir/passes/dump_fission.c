/*
 * dump_fission.c — the result of barrier fission in KIR's own dump
 * format, so that what the WebAssembly target runs can be read (and is
 * golden-tested, tests/golden/kir-threads): kernels as block-level code
 * around `threads () { … }` loops, followed by the locals kept per thread.
 */
#include "fission.h"

#include <stdlib.h>
#include <string.h>

char *kir_dump_fission(const KModule *m, CwDiags *d) {
  Arena a;
  arena_init(&a);
  KModule copy = *m;
  memset(&copy.funcs, 0, sizeof copy.funcs);
  PtrVec notes = {0};
  for (int i = 0; i < m->funcs.len; i++) {
    KFunc *f = m->funcs.items[i];
    if (!(f->flags & KF_GLOBAL) || !f->body) {
      vec_push(&a, &copy.funcs, f);
      continue;
    }
    KFission fis;
    KFunc *k = arena_alloc(&a, sizeof *k);
    *k = *f;
    if (kir_fission(&a, m, f, &fis, d)) {
      k->body = fis.body;
      StrBuf sb;
      sb_init(&sb);
      sb_printf(&sb, "; %s: per thread:", f->name);
      for (int j = 0; j < fis.per_thread.len; j++) sb_printf(&sb, " %%%s", ((KVar *)fis.per_thread.items[j])->name);
      if (!fis.per_thread.len) sb_puts(&sb, " (none)");
      sb_putc(&sb, '\n');
      char *line = sb_take(&sb);
      vec_push(&a, &notes, arena_strdup(&a, line ? line : ""));
      free(line);
    } else {
      vec_push(&a, &notes, arena_printf(&a, "; %s: not split (see the error)\n", f->name));
    }
    vec_push(&a, &copy.funcs, k);
  }
  StrBuf out;
  sb_init(&out);
  kir_dump(&out, &copy);
  for (int i = 0; i < notes.len; i++) sb_puts(&out, notes.items[i]);
  arena_free(&a);
  if (out.failed) {
    sb_free(&out);
    return NULL;
  }
  return sb_take(&out);
}
