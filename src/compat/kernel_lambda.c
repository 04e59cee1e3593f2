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
 * program's name of the instance is `apply<__cw_lambda_K_L_I>`.  Before
 * instantiating, the closure class must exist and have the host's size:
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
} LambdaTag;

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
  return true;
}

char *compat_lambda_device_name(const char *host_name) {
  if (!host_name || !strstr(host_name, WRAPPER)) return NULL;
  size_t cap = strlen(host_name) + 1, n = 0;
  char *out = malloc(cap);
  if (!out) return NULL;
  for (const char *s = host_name; *s;) {
    LambdaTag t;
    if (!strncmp(s, WRAPPER, sizeof WRAPPER - 1) && read_tag(s, &t)) {
      char name[64];
      int k = snprintf(name, sizeof name, "__cw_lambda_%d_%d_%d", t.key, t.line, t.index);
      if (k > 0 && n + (size_t)k < cap && (size_t)k <= (size_t)(t.end - s)) {
        memcpy(out + n, name, (size_t)k);
        n += (size_t)k;
        s = t.end;
        continue;
      }
    }
    out[n++] = *s++;
  }
  out[n] = 0;
  return out;
}

static const KType *closure_class(cw_program *prog, const char *name) {
  KModule *m = cw_program_module(prog);
  for (int i = 0; m && i < m->types.len; i++) {
    const KType *t = m->types.items[i];
    if (t->kind == KT_STRUCT && t->name && !strcmp(t->name, name)) return t;
  }
  return NULL;
}

bool compat_lambda_check(cw_program *prog, const char *host_name, const char *tu_name, char *msg,
                         size_t n) {
  for (const char *s = strstr(host_name, WRAPPER); s; s = strstr(s + 1, WRAPPER)) {
    LambdaTag t;
    if (!read_tag(s, &t)) continue;
    char name[64];
    snprintf(name, sizeof name, "__cw_lambda_%d_%d_%d", t.key, t.line, t.index);
    const KType *c = closure_class(prog, name);
    int len = (int)(t.closure_end - t.closure);
    if (!c) {
      snprintf(msg, n,
               "cuwasm: the extended __device__ lambda %.*s (line %d, used by kernel %s) has no "
               "device code in %s: the device pass defines the closures of extended lambdas "
               "written in non-template host functions only",
               len, t.closure, t.line, host_name, tu_name);
      return false;
    }
    if (c->size != t.size) {
      snprintf(msg, n,
               "cuwasm: the extended __device__ lambda %.*s (line %d of %s) captures %d bytes on "
               "the host but %d bytes in device code; name its captures explicitly ([a, b]) or "
               "declare the captured variables with explicit types",
               len, t.closure, t.line, tu_name, t.size, c->size);
      return false;
    }
  }
  return true;
}
