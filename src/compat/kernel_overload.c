/*
 * kernel_overload.c — which of a TU's kernels of one name the host code
 * launched, when the name is overloaded (`apply(int *)`, `apply(float *)`).
 *
 * The host registers each kernel with its pointer type as g++ spells it
 * (`void (*)(float*, int)`, src/compat/host_glue.h); the device program
 * knows each kernel's parameter types in KIR (kt_print_cpp).  Both lists
 * are compared after the canonicalisation kernel names get
 * (compat_names_match: spaces, integer spellings).  Top-level const and
 * __restrict__ are no part of a function's type, so both are dropped.
 * Only called when the name is ambiguous: an unmatched spelling falls
 * back to the first kernel of the name, as before overloads were told
 * apart.
 */
#include "api/program.h"
#include "compat/compat.h"

#include <stdio.h>
#include <string.h>

#include "base/base.h"

const char *compat_overload_cname(cw_program *prog, const char *name, const char *sig) {
  KModule *m = cw_program_module(prog);
  int same = 0;
  const KFunc *first = NULL;
  for (int i = 0; i < m->funcs.len; i++) {
    const KFunc *f = m->funcs.items[i];
    if ((f->flags & KF_GLOBAL) && f->body && compat_names_match(f->name, name)) {
      same++;
      if (!first) first = f;
    }
  }
  if (same < 2 || !sig) return NULL;
  char want[1024];
  compat_host_params(sig, want, sizeof want);
  for (int i = 0; i < m->funcs.len; i++) {
    const KFunc *f = m->funcs.items[i];
    if (!(f->flags & KF_GLOBAL) || !f->body || !compat_names_match(f->name, name)) continue;
    StrBuf have;
    sb_init(&have);
    for (int p = 0; p < f->nparams; p++) {
      if (p) sb_puts(&have, ", ");
      kt_print_cpp(&have, f->params[p]->type);
    }
    bool match = have.data && compat_names_match(have.data, want);
    if (!f->nparams) match = !*want;
    sb_free(&have);
    if (match) return f->cname;
  }
  return first->cname;
}
