/*
 * kernel_lambda_names.c — the tags by which host code names extended
 * __device__ lambdas in kernel instances, and their replacement by the
 * device program's closure names (kernel_lambda.c explains both).  Pure
 * text: shared by the native runtime (kernel_lambda.c, which can compile
 * a closure on demand) and a web build's (web_program.c, which has no
 * compiler at run time and names only lambdas of plain functions).
 */
#include "compat/compat.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char COMPAT_LAMBDA_WRAPPER[] = "__cuwasm_device_lambda<";

/* "fill<float>(float*, int)::<lambda(int)>" (g++), "…::{lambda(int)#1}"
 * (c++filt) or "…::'lambda'(int)" (LLVM's demangler) → "fill<float>"; ""
 * when the enclosing function is no template instance */
static void enclosing_template(CompatLambdaTag *t) {
  t->fn[0] = 0;
  const char *s = t->closure, *e = t->closure_end, *lam = NULL;
  for (const char *q = s; q + 9 <= e; q++) /* g++'s spelling, c++filt's, LLVM's: the innermost */
    if (!strncmp(q, "::<lambda", 9) || !strncmp(q, "::{lambda", 9) || !strncmp(q, "::'lambda", 9)) lam = q;
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

bool compat_lambda_read_tag(const char *s, CompatLambdaTag *t) {
  const char *p = s + sizeof COMPAT_LAMBDA_WRAPPER - 1;
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

bool compat_lambda_plain_name(const CompatLambdaTag *t, char *out, size_t n) {
  if (t->fn[0]) return false;
  snprintf(out, n, "__cw_lambda_%d_%d_%d", t->key, t->line, t->index);
  return true;
}

char *compat_lambda_substitute(const char *host_name, CompatLambdaNamer name, void *ctx, bool strict,
                               bool *failed) {
  *failed = false;
  if (!host_name || !strstr(host_name, COMPAT_LAMBDA_WRAPPER)) return NULL;
  size_t cap = strlen(host_name) + 1, n = 0;
  char *out = malloc(cap);
  if (!out) return NULL;
  for (const char *s = host_name; *s;) {
    CompatLambdaTag t;
    if (!strncmp(s, COMPAT_LAMBDA_WRAPPER, sizeof COMPAT_LAMBDA_WRAPPER - 1) &&
        compat_lambda_read_tag(s, &t)) {
      char closure[600];
      if (!name(ctx, &t, closure, sizeof closure)) {
        if (strict) {
          *failed = true;
          free(out);
          return NULL;
        }
      } else {
        size_t k = strlen(closure);
        if (n + k + (strlen(t.end) + 1) > cap) {
          cap = n + k + strlen(t.end) + 1;
          char *g = realloc(out, cap);
          if (!g) { free(out); return NULL; }
          out = g;
        }
        memcpy(out + n, closure, k);
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
