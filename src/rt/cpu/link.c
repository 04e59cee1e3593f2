/*
 * link.c — the CPU backend's device linker for separate compilation.
 *
 * A relocatable module (emit/c_link.c) reaches what other modules define
 * through slots: a pointer per extern __device__ variable, a function
 * pointer per device function it only declares, listed in cw_externs[].
 * Linking points every slot of every module at a definition in another
 * module: variables by name in cw_symbols[], functions by name and
 * parameter types in cw_functions[].  Nothing is copied, so all modules
 * share one variable, as on a GPU.  A function that synchronises the
 * block has no callable body (the emitter inlines it into its callers):
 * it is refused by name, since the caller's barrier analysis could not
 * see it; so is one using static __shared__ variables, which live in its
 * own module's shared-memory layout.  Inline and template functions are defined in every module that
 * uses them; the first definition found is used, as the definitions are
 * the same.
 */
#include "cpu_internal.h"

#include <stdio.h>
#include <string.h>

int cpu_module_extern_count(void *mod) {
  const CpuModule *m = mod;
  int n = 0;
  for (const cw_extern_desc *e = m->externs; e && e->name; e++) n++;
  return n;
}

static const cw_symbol_desc *find_variable(CpuModule **mods, int n, int self, const char *name) {
  for (int j = 0; j < n; j++)
    for (const cw_symbol_desc *s = mods[j]->symbols; j != self && s->name; s++)
      if (!strcmp(s->name, name)) return s;
  return NULL;
}

static const cw_function_desc *find_function(CpuModule **mods, int n, int self, const char *name) {
  for (int j = 0; j < n; j++)
    for (const cw_function_desc *f = mods[j]->functions; j != self && f && f->name; f++)
      if (!strcmp(f->name, name)) return f;
  return NULL;
}

static cw_status resolve(CpuModule **mods, int n, int i, const cw_extern_desc *e, char *err,
                         size_t errn) {
  void *addr = NULL;
  if (e->kind == CW_EXTERN_VARIABLE) {
    const cw_symbol_desc *s = find_variable(mods, n, i, e->name);
    if (s) addr = s->addr;
  } else {
    const cw_function_desc *f = find_function(mods, n, i, e->name);
    if (f && f->flags) {
      snprintf(err, errn,
               "device function '%s' (called from %s) %s and is defined in another file; "
               "cuwasm cannot call such a function across files yet: define it in the file "
               "that calls it (or in a header)", e->name, e->declared_in,
               f->flags & CW_FUNCTION_BARRIER
                   ? "synchronises the block (__syncthreads or a warp collective)"
                   : "uses static __shared__ variables");
      return CW_ERR_UNSUPPORTED;
    }
    if (f) addr = f->addr;
  }
  if (!addr) {
    snprintf(err, errn,
             "undefined device symbol '%s' (declared extern in %s; define it in a file "
             "compiled with -rdc=true)", e->name, e->declared_in);
    return CW_ERR_NOT_FOUND;
  }
  *(void **)e->slot = addr;
  return CW_OK;
}

cw_status cpu_module_link(void *dev, void **modv, int n, char *err, size_t errn) {
  (void)dev;
  CpuModule **mods = (CpuModule **)modv;
  for (int i = 0; i < n; i++)
    for (const cw_extern_desc *e = mods[i]->externs; e && e->name; e++) {
      cw_status st = resolve(mods, n, i, e, err, errn);
      if (st != CW_OK) return st;
    }
  return CW_OK;
}
