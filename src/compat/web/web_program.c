/*
 * web_program.c — the compiler half of include/cuwasm.h that the CUDA
 * runtime API calls (cw_compile_source, cw_program_*, diagnostics,
 * compat_overload_cname), for a program built with `cuwasm cc --target
 * web`, whose device code was compiled at build time.
 *
 * "Compiling" a translation unit finds its entry in the table the build
 * generated (web_table.h) by the path it registered with; its kernels are
 * those the build put into its WebAssembly module, template instances
 * included.  A template instance the build did not see cannot be made
 * now (there is no compiler in the page): instantiating it fails with a
 * message that says so.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compat/compat.h"
#include "compat/web/web_table.h"

struct cw_diags { char *text; };
struct cw_program { int table; };

cw_diags *cw_diags_new(void) { return calloc(1, sizeof(cw_diags)); }
void cw_diags_free(cw_diags *d) {
  if (d) free(d->text);
  free(d);
}
char *cw_diags_render(const cw_diags *d) { return strdup(d && d->text ? d->text : ""); }

static void diag_set(cw_diags *d, const char *fmt, const char *a, const char *b) {
  if (!d) return;
  free(d->text);
  size_t n = strlen(fmt) + strlen(a) + strlen(b) + 1;
  d->text = malloc(n);
  if (d->text) snprintf(d->text, n, fmt, a, b);
}

cw_status cw_compile_source(const char *name, const char *source, size_t size,
                            const cw_compile_options *opts, cw_diags *diags, cw_program **out) {
  (void)source, (void)size, (void)opts;
  *out = NULL;
  for (int i = 0; i < cw_web_ntus; i++) {
    if (strcmp(cw_web_tus[i].path, name)) continue;
    cw_program *p = malloc(sizeof *p);
    if (!p) return CW_ERR_NOMEM;
    p->table = i;
    *out = p;
    return CW_OK;
  }
  diag_set(diags, "%s: this translation unit's device code is not in the build%s", name, "");
  return CW_ERR_COMPILE;
}

void cw_program_free(cw_program *p) { free(p); }
int cw_web_program_table(const cw_program *p) { return p->table; }

int cw_program_kernel_count(const cw_program *p) { return cw_web_tus[p->table].nkernels; }
const char *cw_program_kernel_name(const cw_program *p, int i) {
  return cw_web_tus[p->table].kernels[i].name;
}

cw_status cw_program_instantiate(cw_program *p, const char *cpp_name, cw_diags *diags) {
  for (int i = 0; i < cw_program_kernel_count(p); i++)
    if (compat_names_match(cw_program_kernel_name(p, i), cpp_name)) return CW_OK;
  diag_set(diags, "error: the kernel instance %s was not compiled when this program was built "
           "for the web (cuwasm cc --target web compiles the instances the host code names; "
           "a page cannot compile device code); %s\n", cpp_name,
           "name it in the host code, e.g. launch it once or take its address");
  return CW_ERR_COMPILE;
}

const CwWebKernel *cw_web_kernel_entry(int table, const char *name) {
  const CwWebTU *t = &cw_web_tus[table];
  for (int i = 0; i < t->nkernels; i++)
    if (!strcmp(t->kernels[i].cname, name)) return &t->kernels[i];
  for (int i = 0; i < t->nkernels; i++)
    if (compat_names_match(t->kernels[i].name, name)) return &t->kernels[i];
  return NULL;
}

/* Extended __device__ lambdas (kernel_lambda.c): `cuwasm cc` made and
 * checked their closure classes at build time and listed each kernel
 * instance's in cw_web_lambdas, by the registration's mangled type name,
 * which the host glue names while it registers (host_glue.h); the
 * demangled name it registers with spells the closures in LLVM's words,
 * not c++filt's, so the tag (file key, line, index) and that mangled name
 * find them.  A lambda of a plain function is named by its position
 * alone.  So a kernel's device name is known at registration, with no
 * compiler; resolving it later finds the name made then. */
static const char *registering;
static char **resolved; /* host name, device name, … */
static int nresolved;

void __cuwasm_web_registering(const char *mangled) {
  registering = mangled && *mangled == '*' ? mangled + 1 : mangled; /* '*': internal linkage */
}

static bool table_name(void *ctx, const CompatLambdaTag *t, char *out, size_t n) {
  (void)ctx;
  for (const CwWebLambda *l = cw_web_lambdas; registering && l->reg; l++)
    if (l->key == t->key && l->line == t->line && l->index == t->index && !strcmp(l->reg, registering)) {
      snprintf(out, n, "%s", l->closure);
      return true;
    }
  return compat_lambda_plain_name(t, out, n);
}

char *compat_lambda_device_name(const char *host_name) {
  bool failed;
  char *name = compat_lambda_substitute(host_name, table_name, NULL, true, &failed);
  char **r = name ? realloc(resolved, sizeof *resolved * (size_t)(nresolved + 2)) : NULL;
  if (r) {
    resolved = r;
    resolved[nresolved++] = strdup(host_name);
    resolved[nresolved++] = strdup(name);
  }
  return name ? name : host_name && strstr(host_name, COMPAT_LAMBDA_WRAPPER) ? strdup(host_name) : NULL;
}

char *compat_lambda_resolve(cw_program *prog, const char *host_name, const char *tu_name,
                            char *msg, size_t n) {
  (void)prog;
  for (int i = 0; i + 1 < nresolved; i += 2)
    if (resolved[i] && resolved[i + 1] && !strcmp(resolved[i], host_name)) return strdup(resolved[i + 1]);
  snprintf(msg, n, "cuwasm: kernel '%s' of %s takes an extended __device__ lambda whose closure "
           "the build did not make (cuwasm cc --target web names them at build time)",
           host_name, tu_name);
  return NULL;
}

/* As kernel_overload.c, over the table's parameter lists. */
const char *compat_overload_cname(cw_program *prog, const char *name, const char *sig) {
  const CwWebTU *t = &cw_web_tus[prog->table];
  const CwWebKernel *first = NULL;
  int same = 0;
  for (int i = 0; i < t->nkernels; i++)
    if (compat_names_match(t->kernels[i].name, name) && same++ == 0) first = &t->kernels[i];
  if (same < 2 || !sig) return NULL;
  char want[1024];
  compat_host_params(sig, want, sizeof want);
  for (int i = 0; i < t->nkernels; i++) {
    const CwWebKernel *k = &t->kernels[i];
    if (!compat_names_match(k->name, name)) continue;
    if (*k->params ? compat_names_match(k->params, want) : !*want) return k->cname;
  }
  return first->cname;
}
