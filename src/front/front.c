/*
 * front.c — the front end's entry point: preprocess, parse with sema, and
 * hand back the KIR module.  Owns the Parser's lifetime and the outermost
 * recovery point (running out of memory, or a fatal error outside any
 * declaration).
 */
#include <string.h>

#include "parser.h"

static void predeclare_global(Parser *p) {
  p->global = scope_new(p, NULL, true);
  p->global->is_namespace = true;
  p->global->prefix = "";
  p->global->cprefix = "";
  p->scope = p->global;
  p->cnames = scope_new(p, NULL, true);
}

KModule *front_compile(Arena *a, CwDiags *d, SrcFile *file, const PPOptions *opt) {
  Parser *p = arena_alloc(a, sizeof *p);
  p->arena = a;
  p->diags = d;
  p->m = kir_module_new(a);
  predeclare_global(p);
  jmp_buf jb;
  p->recover = &jb;
  if (setjmp(jb)) return p->m; /* diagnostics say what went wrong */
  p->tok = preprocess(a, d, file, opt);
  parse_toplevel(p);
  return p->m;
}
