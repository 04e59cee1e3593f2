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

bool compat_lambda_closure_name(cw_program *prog, const CompatLambdaTag *t, char *out, size_t n,
                                char *msg, size_t msgn) {
  if (compat_lambda_plain_name(t, out, n)) return true;
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

/* the namer of compat_lambda_substitute: prog (NULL at registration) and
 * where a failure's message goes */
typedef struct Namer {
  cw_program *prog;
  char *msg;
  size_t msgn;
} Namer;

static bool name_closure(void *ctx, const CompatLambdaTag *t, char *out, size_t n) {
  Namer *nm = ctx;
  return compat_lambda_closure_name(nm->prog, t, out, n, nm->msg, nm->msgn);
}

/* host_name with each tag the device can name replaced by its closure
 * name (malloc'd); NULL if it has no tag, or with a message when a
 * closure cannot be made (prog given: every tag must be named) */
static char *substitute(cw_program *prog, const char *host_name, char *msg, size_t msgn,
                        bool *failed) {
  Namer nm = {prog, msg, msgn};
  return compat_lambda_substitute(host_name, name_closure, &nm, prog != NULL, failed);
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
  for (const char *s = strstr(host_name, COMPAT_LAMBDA_WRAPPER); s; s = strstr(s + 1, COMPAT_LAMBDA_WRAPPER)) {
    CompatLambdaTag t;
    char name[600];
    if (!compat_lambda_read_tag(s, &t) || !compat_lambda_closure_name(prog, &t, name, sizeof name, msg, n)) continue;
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
