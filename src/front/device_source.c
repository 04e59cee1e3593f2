/*
 * device_source.c — the user's CUDA translation unit, cut down to what
 * NVRTC can compile: the native CUDA backend runs the code the user wrote
 * (so results and speed are nvcc's), not our translation of it.
 *
 * NVRTC compiles device code only and has no host headers, so the source
 * is re-spelled from our preprocessed tokens: user headers are already
 * inlined, host declarations the parser recognised (main, functions using
 * the STL, host globals — in the main file and in user headers alike) are
 * dropped, and the tokens of our own CUDA headers (include/cuda) give way
 * to `#include <...>` of the toolkit's version where NVRTC ships one
 * (cooperative_groups.h, cuda_fp16.h, cuda_bf16.h, cuda/barrier, libcu++'s
 * cuda/atomic and cuda/std/..., ...); our <type_traits>, <limits> and <sys/types.h>
 * stay, for NVRTC only, since it has no C++ library.  `#line` directives keep
 * NVRTC's diagnostics on the user's files and lines.  An extended lambda
 * of a dropped host function (parse_host_lambda.c) is re-spelled where the
 * function was, as the closure class the device pass defined for it: its
 * captures as fields, in the device pass's (g++'s) order, and its body as
 * the call operator's (in a host function template's instance, the
 * template's parameters as member typedefs and constants).
 */
#include <string.h>

#include "parser.h"

/* what our shims gave that NVRTC lacks */
static const char prelude[] =
    /* NVRTC has no <stdint.h> but libcu++'s, which cooperative_groups.h
     * also includes; nvcc has the host's */
    "#ifdef __CUDACC_RTC__\n#include <cuda/std/cstdint>\n#else\n#include <stdint.h>\n#endif\n"
    "extern \"C\" __device__ void __assertfail(const char *, const char *, unsigned,\n"
    "                                         const char *, size_t);\n"
    "#define __cuwasm_assert(c, e, f, l, fn) ((c) ? (void)0 : __assertfail(e, f, l, fn, 1))\n"
    "#include <cuda_fp16.h>\n"; /* nvcc's cuda_runtime.h brings __half along */

static bool nvrtc_ships(const char *name) {
  static const char *kept[] = {"cooperative_groups.h", "cooperative_groups/reduce.h",
                               "cuda_fp16.h", "cuda_bf16.h", "math_constants.h",
                               "cuda/barrier", "cuComplex.h"};
  for (size_t i = 0; i < sizeof kept / sizeof *kept; i++)
    if (!strcmp(name, kept[i])) return true;
  /* libcu++: the toolkit's own (include/cccl), ours are its stand-ins */
  return !strncmp(name, "cuda/std/", 9) || !strcmp(name, "cuda/atomic");
}

/* our device-pass C++ library headers whose code NVRTC needs as written
 * (NVRTC has no C++ library); nvcc takes the real header instead */
static const char *kept_shim(const char *name) {
  static const char *shims[][2] = {{"device/type_traits", "type_traits"},
                                   {"device/limits", "limits"},
                                   {"device/sys/types.h", "sys/types.h"}};
  for (size_t i = 0; i < sizeof shims / sizeof *shims; i++)
    if (!strcmp(name, shims[i][0])) return shims[i][1];
  return NULL;
}

/* the header name of one of our CUDA headers, or NULL */
static const char *our_header(Parser *p, SrcFile *f) {
  const char *dir = p->cuda_include_dir;
  if (!f || !dir) return NULL;
  size_t n = strlen(dir);
  if (strncmp(f->name, dir, n) || f->name[n] != '/') return NULL;
  return f->name + n + 1;
}

typedef struct Out {
  StrBuf sb;
  SrcFile *file;
  int line;
} Out;

static void place(Out *o, SrcLoc loc) {
  if (loc.file != o->file || loc.line < o->line || loc.line > o->line + 8) {
    sb_printf(&o->sb, "\n#line %d \"%s\"\n", loc.line, loc.file ? loc.file->name : "?");
    o->file = loc.file;
    o->line = loc.line;
    return;
  }
  for (; o->line < loc.line; o->line++) sb_putc(&o->sb, '\n');
}

static void emit_token(Out *o, Token *t) {
  if (t->kind == TK_PRAGMA) {
    sb_printf(&o->sb, "\n#pragma %s\n", t->spelling);
    o->file = NULL; /* force a #line before the next token */
    return;
  }
  place(o, t->loc);
  sb_putc(&o->sb, ' ');
  sb_puts(&o->sb, t->spelling);
}

/* `struct __cw_lambda_K_L_I { fields; __device__ __host__ auto
 * operator()(params) const -> R { body } };` */
static void emit_closure(Out *o, HostLambda *lp) {
  KType *st = lp->closure;
  place(o, lp->start->loc);
  sb_printf(&o->sb, " struct %s {", st->name);
  for (int i = 0; i < st->nfields; i++) {
    KType *t = st->fields[i].type;
    sb_putc(&o->sb, ' ');
    kt_print_cpp(&o->sb, t->kind == KT_ARRAY ? t->elem : t);
    sb_printf(&o->sb, " %s", st->fields[i].name);
    if (t->kind == KT_ARRAY) sb_printf(&o->sb, "[%d]", t->count);
    sb_putc(&o->sb, ';');
  }
  for (int i = 0; lp->tmpl && i < lp->nargs && i < lp->tmpl->nparams; i++) { /* the instance's */
    TParam *tp = &lp->tmpl->params[i];
    if (tp->is_pack || !*tp->name) continue;
    sb_puts(&o->sb, tp->is_type ? " typedef " : " static constexpr ");
    kt_print_cpp(&o->sb, tp->is_type ? lp->args[i].type : tp->value_type);
    if (tp->is_type) sb_printf(&o->sb, " %s;", tp->name);
    else sb_printf(&o->sb, " %s = %lld;", tp->name, (long long)lp->args[i].value);
  }
  for (int i = 0; i < lp->consts.len; i++) { /* not captures, as in g++ */
    Sym *c = lp->consts.items[i];
    sb_puts(&o->sb, " static constexpr ");
    kt_print_cpp(&o->sb, c->type);
    sb_printf(&o->sb, " %s = %lld;", c->name, (long long)c->value);
  }
  sb_puts(&o->sb, " __device__ __host__ auto operator()");
  if (lp->params == lp->params_end) sb_puts(&o->sb, "()");
  for (Token *t = lp->params; t != lp->params_end; t = t->next) emit_token(o, t);
  sb_puts(&o->sb, " const");
  if (lp->ret) sb_puts(&o->sb, " ->");
  for (Token *t = lp->ret; t && t != lp->ret_end; t = t->next) emit_token(o, t);
  for (Token *t = lp->body; t != lp->end; t = t->next) emit_token(o, t);
  sb_puts(&o->sb, " };");
}

/* the closures of the extended lambdas in the host span [start, end) */
static void emit_closures_in(Out *o, Parser *p, Token *start, Token *end) {
  if (!p->host_lambdas.len) return;
  for (Token *t = start; t && t != end; t = t->next)
    for (int i = 0; i < p->host_lambdas.len; i++) {
      HostLambda *lp = p->host_lambdas.items[i];
      if (lp->start == t && lp->closure) emit_closure(o, lp);
    }
}

static bool already(PtrVec *v, const char *h) {
  for (int i = 0; i < v->len; i++)
    if (!strcmp(v->items[i], h)) return true;
  return false;
}

char *front_device_source(Parser *p) {
  if (p->tokens_released) return NULL; /* the list has holes: compile again */
  Out o;
  memset(&o, 0, sizeof o);
  sb_init(&o.sb);
  sb_puts(&o.sb, prelude);
  int span = 0;
  const char *in_header = NULL;
  PtrVec emitted = {0}; /* toolkit headers already included */
  for (Token *t = p->first_tok; t && t->kind != TK_EOF;) {
    if (span < p->host_spans.len && ((HostSpan *)p->host_spans.items[span])->start == t) {
      HostSpan *hs = p->host_spans.items[span++];
      emit_closures_in(&o, p, hs->start, hs->end);
      t = hs->end;
      continue;
    }
    const char *h = our_header(p, t->loc.file);
    if (in_header && h != in_header && kept_shim(in_header))
      sb_printf(&o.sb, "\n#else\n#include <%s>\n#endif\n", kept_shim(in_header));
    if (h && kept_shim(h)) {
      if (h != in_header) sb_puts(&o.sb, "\n#ifdef __CUDACC_RTC__\n");
      if (h != in_header) o.file = NULL;
      in_header = h;
      emit_token(&o, t);
      t = t->next;
      continue;
    }
    if (h) {
      if (h != in_header && nvrtc_ships(h) && !already(&emitted, h)) {
        sb_printf(&o.sb, "\n#include <%s>\n", h);
        vec_push(p->arena, &emitted, (void *)h);
      }
      o.file = NULL;
      in_header = h;
      t = t->next;
      continue;
    }
    in_header = NULL;
    emit_token(&o, t);
    t = t->next;
  }
  if (in_header && kept_shim(in_header))
    sb_printf(&o.sb, "\n#else\n#include <%s>\n#endif\n", kept_shim(in_header));
  sb_putc(&o.sb, '\n');
  return sb_take(&o.sb);
}
