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
 * cuda/atomic and cuda/std/..., curand_kernel.h, ...); our <type_traits>, <limits> and <sys/types.h>
 * stay, for NVRTC only, since it has no C++ library.  `#line` directives keep
 * NVRTC's diagnostics on the user's files and lines.  An extended lambda
 * of a dropped host function (parse_host_lambda.c) is re-spelled where the
 * function was, as the closure class the device pass defined for it: its
 * captures as fields, in the device pass's (g++'s) order, and its body as
 * the call operator's (in a host function template's instance, the
 * template's parameters as member typedefs and constants).
 *
 * What our device pass accepts but NVRTC's bare environment lacks is made
 * up for here: `std::sqrt`, `std::min` and the other builtins our front
 * end takes with a std:: qualifier (qualified_builtin) get using-
 * declarations into namespace std, from libcu++ (constexpr, as in the C++
 * library) where it has them, else CUDA's global ones, with min and max
 * our own constexpr templates; CUB's headers are the toolkit's (its block
 * primitives compile under NVRTC); a host `const float` constant that our
 * front end evaluated is spelled `constexpr`, since -default-device would
 * make its computed initializer (`= -a`) a dynamic initialization of a
 * __device__ variable; the host's 64-bit <stdint.h> types replace
 * libcu++'s (see the prelude); and kept declarations that only host code
 * can compile (host_only.c) are left out like the dropped ones.
 */
#include <string.h>

#include "parser.h"

/* what our shims gave that NVRTC lacks */
static const char prelude[] =
    /* NVRTC has no <stdint.h> but libcu++'s, which cooperative_groups.h
     * also includes; nvcc has the host's.  On LP64 hosts the host's 64-bit
     * types are long, libcu++'s under NVRTC long long: the host's are
     * declared instead (libcu++'s renamed away), as our device pass and
     * nvcc have them, so a kernel template instance the host names
     * (`merge<unsigned long>`) meets overloads written for uint64_t as it
     * does under nvcc */
    "#ifdef __CUDACC_RTC__\n"
    "#if defined(__LP64__) && !defined(_WIN32)\n"
    "#define int64_t __cw_rtc_int64_t\n"
    "#define uint64_t __cw_rtc_uint64_t\n"
    "#define int_fast64_t __cw_rtc_int_fast64_t\n"
    "#define uint_fast64_t __cw_rtc_uint_fast64_t\n"
    "#define int_least64_t __cw_rtc_int_least64_t\n"
    "#define uint_least64_t __cw_rtc_uint_least64_t\n"
    "#define intptr_t __cw_rtc_intptr_t\n"
    "#define uintptr_t __cw_rtc_uintptr_t\n"
    "#define intmax_t __cw_rtc_intmax_t\n"
    "#define uintmax_t __cw_rtc_uintmax_t\n"
    "#include <cuda/std/cstdint>\n"
    "#undef int64_t\n"
    "#undef uint64_t\n"
    "#undef int_fast64_t\n"
    "#undef uint_fast64_t\n"
    "#undef int_least64_t\n"
    "#undef uint_least64_t\n"
    "#undef intptr_t\n"
    "#undef uintptr_t\n"
    "#undef intmax_t\n"
    "#undef uintmax_t\n"
    "typedef long int64_t;\n"
    "typedef unsigned long uint64_t;\n"
    "typedef long int_fast64_t;\n"
    "typedef unsigned long uint_fast64_t;\n"
    "typedef long int_least64_t;\n"
    "typedef unsigned long uint_least64_t;\n"
    "typedef long intptr_t;\n"
    "typedef unsigned long uintptr_t;\n"
    "typedef long intmax_t;\n"
    "typedef unsigned long uintmax_t;\n"
    "#ifndef _LIBCUDACXX_BEGIN_NAMESPACE_STD\n" /* else libcu++'s versioned cuda::std */
    "#define _LIBCUDACXX_BEGIN_NAMESPACE_STD namespace cuda { namespace std {\n"
    "#define _LIBCUDACXX_END_NAMESPACE_STD } }\n"
    "#endif\n"
    "_LIBCUDACXX_BEGIN_NAMESPACE_STD\n"
    "using ::int64_t; using ::uint64_t; using ::int_fast64_t; using ::uint_fast64_t;\n"
    "using ::int_least64_t; using ::uint_least64_t; using ::intptr_t; using ::uintptr_t;\n"
    "using ::intmax_t; using ::uintmax_t;\n"
    "_LIBCUDACXX_END_NAMESPACE_STD\n"
    "#else\n#include <cuda/std/cstdint>\n#endif\n"
    "#else\n#include <stdint.h>\n#endif\n"
    "extern \"C\" __device__ void __assertfail(const char *, const char *, unsigned,\n"
    "                                         const char *, size_t);\n"
    "#define __cuwasm_assert(c, e, f, l, fn) ((c) ? (void)0 : __assertfail(e, f, l, fn, 1))\n"
    "#include <cuda_fp16.h>\n"; /* nvcc's cuda_runtime.h brings __half along */

static bool nvrtc_ships(const char *name) {
  static const char *kept[] = {"cooperative_groups.h", "cooperative_groups/reduce.h",
                               "cuda_fp16.h", "cuda_bf16.h", "math_constants.h",
                               "cuda/barrier", "cuComplex.h", "curand_kernel.h"};
  for (size_t i = 0; i < sizeof kept / sizeof *kept; i++)
    if (!strcmp(name, kept[i])) return true;
  /* libcu++ and CUB: the toolkit's own (include/cccl), ours are their
   * stand-ins */
  return !strncmp(name, "cuda/std/", 9) || !strcmp(name, "cuda/atomic") ||
         (!strncmp(name, "cub/", 4) && !strstr(name, "util_cub.cuh")); /* ours alone */
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

bool front_nvrtc_sees(Parser *p, SrcFile *f) {
  const char *h = our_header(p, f);
  return !h || kept_shim(h);
}

/* builtins that libcu++ declares in cuda::std (cuda/std/cmath, cstdlib) */
static bool in_libcudacxx(const char *name) {
  static const char *const names[] = {
      "abs", "fabs", "fmax", "fmin", "exp", "exp2", "expm1", "log", "log10", "log2", "log1p",
      "pow", "sqrt", "cbrt", "hypot", "sin", "cos", "tan", "asin", "acos", "atan", "atan2",
      "sinh", "cosh", "tanh", "asinh", "acosh", "atanh", "tgamma", "lgamma", "ceil", "floor",
      "trunc", "round", "lround", "llround", "nearbyint", "rint", "lrint", "llrint", "frexp",
      "ldexp", "scalbn", "scalbln", "ilogb", "logb", "nextafter", "copysign", "fpclassify",
      "isfinite", "isinf", "isnan", "isnormal", "signbit", "labs", "llabs"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    if (!strcmp(name, names[i])) return true;
  return false;
}

/* `std :: NAME` at t where NAME is a builtin our front end takes with the
 * qualifier and no declaration NVRTC sees gives: NAME, else NULL */
static const char *std_builtin_at(Parser *p, Token *t) {
  if (!equal(t, "std") || !equal(t->next, "::") || t->next->next->kind != TK_IDENT) return NULL;
  const char *name = t->next->next->spelling;
  if (!is_builtin_name(p, name) || !strncmp(name, "make_", 5)) return NULL;
  Sym *ns = lookup_in(p->global, "std");
  Sym *d = ns && ns->kind == SYM_NAMESPACE ? lookup_in(ns->ns, name) : NULL;
  if (d && front_nvrtc_sees(p, srcloc_file(d->loc))) return NULL;
  return name;
}

/* namespace std's share of the builtins the source names as std::NAME */
static void emit_std_builtins(StrBuf *sb, PtrVec *names) {
  if (!names->len) return;
  sb_puts(sb, "#ifdef __CUDACC_RTC__\n#include <cuda/std/cmath>\n#include <cuda/std/cstdlib>\n"
              "namespace std {\n");
  for (int i = 0; i < names->len; i++) {
    const char *n = names->items[i];
    if (!strcmp(n, "min") || !strcmp(n, "max"))
      sb_printf(sb, "template <class T> constexpr const T &%s(const T &a, const T &b) "
                    "{ return %s ? b : a; }\n", n, !strcmp(n, "min") ? "b < a" : "a < b");
    else sb_printf(sb, "using %s::%s;\n", in_libcudacxx(n) ? "cuda::std" : "", n);
  }
  sb_puts(sb, "}\n#endif\n");
}

static bool already(PtrVec *v, const char *h);

typedef struct Out {
  StrBuf sb;
  SrcFile *file;
  int line;
  Parser *p;
  PtrVec std_names; /* builtins the source names std::NAME */
} Out;

static void place(Out *o, SrcLoc loc) {
  if (srcloc_file(loc) != o->file || loc.line < o->line || loc.line > o->line + 8) {
    sb_printf(&o->sb, "\n#line %d \"%s\"\n", loc.line, srcloc_file(loc) ? srcloc_file(loc)->name : "?");
    o->file = srcloc_file(loc);
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
  const char *b = std_builtin_at(o->p, t); /* noted for the prelude */
  if (b && !already(&o->std_names, b)) vec_push(o->p->arena, &o->std_names, (void *)b);
  place(o, t->loc);
  sb_putc(&o->sb, ' ');
  sb_puts(&o->sb, t->spelling);
}

/* a token of the user's as NVRTC gets it: `const` of an evaluated host
 * constant as `constexpr` */
static void emit_user_token(Out *o, Parser *p, Token *t) {
  for (int i = 0; i < p->const_to_constexpr.len; i++)
    if (p->const_to_constexpr.items[i] == t) {
      place(o, t->loc);
      sb_puts(&o->sb, " constexpr");
      return;
    }
  emit_token(o, t);
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
  o.p = p;
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
    const char *h = our_header(p, srcloc_file(t->loc));
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
    emit_user_token(&o, p, t);
    t = t->next;
  }
  if (in_header && kept_shim(in_header))
    sb_printf(&o.sb, "\n#else\n#include <%s>\n#endif\n", kept_shim(in_header));
  sb_putc(&o.sb, '\n');
  StrBuf all;
  sb_init(&all);
  sb_puts(&all, prelude);
  emit_std_builtins(&all, &o.std_names);
  if (o.sb.data) sb_puts(&all, o.sb.data);
  sb_free(&o.sb);
  return sb_take(&all);
}
