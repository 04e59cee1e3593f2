/*
 * kernel_overload.c — which of a TU's kernels of one name the host code
 * launched, when the name is overloaded (`apply(int *)`, `apply(float *)`).
 *
 * The host registers each kernel with its pointer type as g++ spells it
 * (`void (*)(float*, int)`, src/compat/host_glue.h); the device program
 * knows each kernel's parameter types in KIR.  Both lists are spelled as
 * C++ types and compared after the canonicalisation kernel names get
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

static const char *scalar_spelling(const KType *t) {
  switch (t->kind) {
  case KT_BOOL: return "bool";
  case KT_I8: return "signed char";
  case KT_U8: return "unsigned char";
  case KT_I16: return "short";
  case KT_U16: return "unsigned short";
  case KT_I32: return "int";
  case KT_U32: return "unsigned int";
  case KT_I64: return "long long";
  case KT_U64: return "unsigned long long";
  case KT_F16: return "__half";
  case KT_F32: return "float";
  case KT_F64: return "double";
  case KT_VOID: return "void";
  default: return NULL;
  }
}

static void spell(char *out, size_t cap, const KType *t, bool top) {
  size_t n = strlen(out);
  if (t->kind == KT_PTR || t->kind == KT_ARRAY) {
    spell(out, cap, t->elem, false);
    n = strlen(out);
    snprintf(out + n, cap - n, "*%s", !top && t->is_const ? " const" : "");
    return;
  }
  const char *s = scalar_spelling(t);
  snprintf(out + n, cap - n, "%s%s", !top && t->is_const ? "const " : "",
           s ? s : t->name ? t->name : "?");
}

/* "void (*)(const float* __restrict__, int)" → "const float*, int" */
static void host_params(const char *sig, char *out, size_t cap) {
  out[0] = 0;
  const char *p = strstr(sig, "(*)(");
  if (!p) return;
  p += 4;
  size_t n = 0;
  for (int depth = 0; *p && n + 1 < cap; p++) {
    if (*p == '(') depth++;
    if (*p == ')' && depth-- == 0) break;
    if (!strncmp(p, "__restrict__", 12)) { p += 11; continue; }
    out[n++] = *p;
  }
  out[n] = 0;
  if (!strcmp(out, "void")) out[0] = 0;
}

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
  host_params(sig, want, sizeof want);
  for (int i = 0; i < m->funcs.len; i++) {
    const KFunc *f = m->funcs.items[i];
    if (!(f->flags & KF_GLOBAL) || !f->body || !compat_names_match(f->name, name)) continue;
    char have[1024] = "";
    for (int p = 0; p < f->nparams; p++) {
      size_t n = strlen(have);
      if (p) snprintf(have + n, sizeof have - n, ", ");
      spell(have, sizeof have, f->params[p]->type, true);
    }
    if (compat_names_match(have, want)) return f->cname;
  }
  return first->cname;
}
