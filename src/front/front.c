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
}

Parser *front_compile(Arena *a, Arena *scratch, CwDiags *d, SrcFile *file, const PPOptions *opt) {
  Parser *p = arena_alloc(a, sizeof *p);
  p->arena = a;
  p->scratch = scratch;
  p->diags = d;
  p->m = kir_module_new(a);
  if (opt->ilp32) kir_module_ilp32(p->m);
  predeclare_global(p);
  jmp_buf jb;
  p->recover = &jb;
  if (setjmp(jb)) return p; /* diagnostics say what went wrong */
  p->main_file = file;
  p->cuda_include_dir = opt->cuda_include_dir;
  p->tok_pool = opt->main_tokens;
  p->tok = p->first_tok = preprocess(a, d, file, opt);
  parse_toplevel(p);
  p->recover = NULL;
  return p;
}

Token *front_lex_at_global(Parser *p, const char *what, const char *text) {
  SrcFile *f = srcfile_new(p->arena, what, arena_strdup(p->arena, text), strlen(text));
  Token *toks = lex_file(p->arena, p->diags, f);
  p->scope = p->global;
  p->fn = NULL;
  p->speculative = false;
  return toks;
}

bool front_instantiate(Parser *p, const char *cpp_name) {
  if (kir_find_kernel(p->m, cpp_name)) return true;
  Token *toks = front_lex_at_global(p, "<kernel name>", cpp_name);
  jmp_buf jb;
  p->recover = &jb;
  bool ok = false;
  if (!setjmp(jb)) {
    p->tok = toks;
    Token *name;
    Sym *s = parse_qualified_name(p, &name);
    if (!s || !s->tmpl || s->tmpl->is_class)
      error_tok(p, name, "no kernel template named '%s'", name->spelling);
    expect(p, "<");
    for (Template *t = s->tmpl; t && !ok; t = t->next_overload) {
      Token *args_start = p->tok;
      TArg args[16];
      int n = 0;
      memset(args, 0, sizeof args);
      parse_template_args(p, t, args, &n, name);
      if (n < t->nparams) {
        Token *save = p->tok;
        (void)save;
        if (!deduce_template_args(p, t, args, n, NULL, 0)) { p->tok = args_start; continue; }
      }
      FuncDecl *fd = instantiate_func(p, t, args, t->nparams, name->loc);
      ok = fd && (fd->kf->flags & KF_GLOBAL);
      /* the host spells some arguments otherwise (E::A for the value 1):
       * the kernel takes the host's name, which the runtime looks up */
      if (ok && !kir_same_name(fd->kf->name, cpp_name))
        fd->kf->name = arena_strdup(p->arena, cpp_name);
      p->tok = args_start;
    }
  }
  p->recover = NULL;
  return ok && p->diags->errors == 0;
}
