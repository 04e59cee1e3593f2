/*
 * kernel_lambda.c — kernel instances whose template arguments are
 * extended lambdas (`apply<<<g, b>>>(n, [=] __device__ (int i) {…})`).
 *
 * The host spells such an instance with the wrapper type of
 * src/compat/host_glue.h: `apply<__cuwasm_device_lambda<K, L, I, S,
 * main()::<lambda(int)> > >` (K: the file name's key, L: the line, I: the
 * index among the line's extended lambdas, S: g++'s closure size).  The
 * device pass named the closure class it defined for that lambda
 * `__cw_lambda_K_L_I` (src/front/parse_host_lambda.c), so the device
 * program's name of the instance is `apply<__cw_lambda_K_L_I>`; that
 * name is known when the kernel registers.  A lambda written in a host
 * function template (`fill<float>(float*, int)::<lambda(int)>`) has one
 * closure class per instance, which the device program defines on demand
 * (cw_program_host_lambda) when the kernel is instantiated.  Before
 * instantiating, each closure class must exist and have the host's size:
 * the kernel receives the host closure's bytes.
 */
#include "api/program.h"
#include "compat/compat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char WRAPPER[] = "__cuwasm_device_lambda<";

typedef struct LambdaTag {
  int key, line, index, size;
  const char *closure, *closure_end; /* g++'s spelling of the closure type */
  const char *end;                   /* after the tag's closing '>' */
  char fn[512];                      /* the enclosing function template's instance, or "" */
} LambdaTag;

/* "fill<float>(float*, int)::<lambda(int)>" → "fill<float>"; "" when the
 * enclosing function is no template instance */
static void enclosing_template(LambdaTag *t) {
  t->fn[0] = 0;
  const char *s = t->closure, *e = t->closure_end, *lam = NULL;
  for (const char *q = s; q + 9 <= e; q++)
    if (!strncmp(q, "::<lambda", 9)) lam = q; /* the innermost */
  if (!lam) return;
  int angle = 0;
  const char *paren = NULL;
  for (const char *q = s; q < lam && !paren; q++) {
    if (*q == '<') angle++;
    else if (*q == '>') angle--;
    else if (*q == '(' && angle == 0) paren = q;
  }
  if (!paren || paren == s || paren[-1] != '>') return; /* not a template instance */
  size_t n = (size_t)(paren - s);
  if (n >= sizeof t->fn) return;
  memcpy(t->fn, s, n);
  t->fn[n] = 0;
}

/* the tag at s (which starts with WRAPPER); false if malformed */
static bool read_tag(const char *s, LambdaTag *t) {
  const char *p = s + sizeof WRAPPER - 1;
  int used = 0;
  if (sscanf(p, "%d , %d , %d , %d ,%n", &t->key, &t->line, &t->index, &t->size, &used) != 4 ||
      !used)
    return false;
  p += used;
  while (*p == ' ') p++;
  t->closure = p;
  int depth = 1, paren = 0;
  for (; *p; p++) {
    if (*p == '(') paren++;
    else if (*p == ')') paren--;
    else if (*p == '<' && !paren) depth++;
    else if (*p == '>' && !paren && --depth == 0) break;
  }
  if (!*p) return false;
  t->closure_end = p;
  while (t->closure_end > t->closure && t->closure_end[-1] == ' ') t->closure_end--;
  t->end = p + 1;
  enclosing_template(t);
  return true;
}

/* the device program's closure class name for the tag: prog is NULL at
 * registration, when only lambdas of plain functions can be named */
static bool device_closure_name(cw_program *prog, const LambdaTag *t, char *out, size_t n,
                                char *msg, size_t msgn) {
  if (!t->fn[0]) {
    snprintf(out, n, "__cw_lambda_%d_%d_%d", t->key, t->line, t->index);
    return true;
  }
  if (!prog) return false;
  cw_diags *d = cw_diags_new();
  const char *name = NULL;
  cw_status st = d ? cw_program_host_lambda(prog, t->fn, t->key, t->line, t->index, d, &name)
                   : CW_ERR_NOMEM;
  if (st == CW_OK) snprintf(out, n, "%s", name);
  else if (msg) {
    char *r = d ? cw_diags_render(d) : NULL;
    snprintf(msg, msgn,
             "cuwasm: cannot compile the extended __device__ lambda %.*s (line %d) for the "
             "device:\n%s",
             (int)(t->closure_end - t->closure), t->closure, t->line, r ? r : "");
    free(r);
  }
  cw_diags_free(d);
  return st == CW_OK;
}

/* host_name with each tag the device can name replaced by its closure
 * name (malloc'd); NULL if it has no tag, or with a message when a
 * closure cannot be made */
static char *substitute(cw_program *prog, const char *host_name, char *msg, size_t msgn,
                        bool *failed) {
  *failed = false;
  if (!host_name || !strstr(host_name, WRAPPER)) return NULL;
  size_t cap = strlen(host_name) + 1, n = 0;
  char *out = malloc(cap);
  if (!out) return NULL;
  for (const char *s = host_name; *s;) {
    LambdaTag t;
    if (!strncmp(s, WRAPPER, sizeof WRAPPER - 1) && read_tag(s, &t)) {
      char name[600];
      if (!device_closure_name(prog, &t, name, sizeof name, msg, msgn)) {
        if (prog) {
          *failed = true;
          free(out);
          return NULL;
        }
      } else {
        size_t k = strlen(name);
        if (n + k + (strlen(t.end) + 1) > cap) {
          cap = n + k + strlen(t.end) + 1;
          char *g = realloc(out, cap);
          if (!g) { free(out); return NULL; }
          out = g;
        }
        memcpy(out + n, name, k);
        n += k;
        s = t.end;
        continue;
      }
    }
    if (n + 2 > cap) {
      cap = cap * 2 + 2;
      char *g = realloc(out, cap);
      if (!g) { free(out); return NULL; }
      out = g;
    }
    out[n++] = *s++;
  }
  out[n] = 0;
  return out;
}

char *compat_lambda_device_name(const char *host_name) {
  bool failed;
  return substitute(NULL, host_name, NULL, 0, &failed);
}

static const KType *closure_class(cw_program *prog, const char *name) {
  KModule *m = cw_program_module(prog);
  for (int i = 0; m && i < m->types.len; i++) {
    const KType *t = m->types.items[i];
    if (t->kind == KT_STRUCT && t->name && !strcmp(t->name, name)) return t;
  }
  return NULL;
}

char *compat_lambda_resolve(cw_program *prog, const char *host_name, const char *tu_name,
                            char *msg, size_t n) {
  bool failed;
  char *device = substitute(prog, host_name, msg, n, &failed);
  if (!device) {
    if (!failed) snprintf(msg, n, "cuwasm: out of memory");
    return NULL;
  }
  for (const char *s = strstr(host_name, WRAPPER); s; s = strstr(s + 1, WRAPPER)) {
    LambdaTag t;
    char name[600];
    if (!read_tag(s, &t) || !device_closure_name(prog, &t, name, sizeof name, msg, n)) continue;
    const KType *c = closure_class(prog, name);
    int len = (int)(t.closure_end - t.closure);
    if (!c) {
      snprintf(msg, n,
               "cuwasm: the extended __device__ lambda %.*s (line %d, used by kernel %s) has no "
               "device code in %s: the device pass defines the closures of extended lambdas "
               "written in host functions and host function templates it can parse",
               len, t.closure, t.line, host_name, tu_name);
      free(device);
      return NULL;
    }
    if (c->size != t.size) {
      snprintf(msg, n,
               "cuwasm: the extended __device__ lambda %.*s (line %d of %s) captures %d bytes on "
               "the host but %d bytes in device code; name its captures explicitly ([a, b]) or "
               "declare the captured variables with explicit types",
               len, t.closure, t.line, tu_name, t.size, c->size);
      free(device);
      return NULL;
    }
  }
  return device;
}
