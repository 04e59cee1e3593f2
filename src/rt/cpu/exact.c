/*
 * exact.c — kernels' exact copies, loaded when a launch first needs them.
 *
 * A kernel body is compiled twice (emit/c_prelude.c): a fast copy for the
 * blocks with blockIdx.x < 2^CW_FAST_BIX_LOG2 and an exact copy for the
 * rest.  Only grids wider than that reach the exact copy, so a module
 * without state of its own leaves the exact copies out of its object
 * (which then exports cw_exact_apart) and calls each kernel's through a
 * pointer, cwx_<cname>, that starts NULL.  Such modules are listed here
 * from load to unload; before a launch of a grid that wide, the runtime
 * asks cpu_exact_ensure, which finds the module holding the kernel's
 * descriptor, has jit.c build or load the second object once, and fills
 * every cwx_ pointer of the module from it (before the pool runs any
 * block: the pool's hand-off publishes the writes).
 */
#include "cpu_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_mutex_t exact_mu = PTHREAD_MUTEX_INITIALIZER;
static CpuModule **apart;  /* modules whose exact copies live apart */
static size_t napart, capapart;

bool cpu_exact_register(CpuModule *m) {
  if (!cpu_jit_sym(&m->jit, "cw_exact_apart")) return true;
  pthread_mutex_lock(&exact_mu);
  if (napart == capapart) {
    size_t cap = capapart ? capapart * 2 : 16;
    CpuModule **a = realloc(apart, sizeof *a * cap);
    if (a) {
      apart = a;
      capapart = cap;
    }
  }
  bool ok = napart < capapart;
  if (ok) apart[napart++] = m;
  pthread_mutex_unlock(&exact_mu);
  return ok;
}

void cpu_exact_forget(CpuModule *m) {
  if (!cpu_jit_sym(&m->jit, "cw_exact_apart")) return;
  pthread_mutex_lock(&exact_mu);
  for (size_t i = 0; i < napart; i++)
    if (apart[i] == m) {
      apart[i] = apart[--napart];
      break;
    }
  pthread_mutex_unlock(&exact_mu);
  cpu_jit_unload(&m->exact);
}

static bool holds(const CpuModule *m, const cw_kernel_desc *k) {
  for (const cw_kernel_desc *d = m->kernels; d->name; d++)
    if (d == k) return true;
  return false;
}

/* Loads m's exact copies and points its cwx_ pointers at them. */
static cw_status fill(CpuModule *m, char *err, size_t errn) {
  cw_status st = cpu_jit_load_exact(&m->jit, &m->exact, err, errn);
  if (st != CW_OK) return st;
  for (const cw_kernel_desc *d = m->kernels; d->name; d++) {
    char name[4096];
    if ((size_t)snprintf(name, sizeof name, "cwx_%s", d->cname) >= sizeof name) {
      snprintf(err, errn, "kernel name too long for its exact copy: %.200s", d->cname);
      cpu_jit_unload(&m->exact);
      return CW_ERR_COMPILE;
    }
    cw_kernel_fn *slot = cpu_jit_sym(&m->jit, name);
    if (!slot) continue; /* a kernel without two copies (fibers) */
    snprintf(name, sizeof name, "cwk_%s", d->cname);
    cw_kernel_fn fn = (cw_kernel_fn)(uintptr_t)cpu_jit_sym(&m->exact, name);
    if (!fn) {
      snprintf(err, errn, "the exact copies' object lacks %s", name);
      cpu_jit_unload(&m->exact);
      return CW_ERR_COMPILE;
    }
    *slot = fn;
  }
  m->exact_ready = true;
  return CW_OK;
}

cw_status cpu_exact_ensure(const cw_kernel_desc *k, char *err, size_t errn) {
  cw_status st = CW_OK;
  pthread_mutex_lock(&exact_mu);
  for (size_t i = 0; i < napart; i++) {
    CpuModule *m = apart[i];
    if (!holds(m, k)) continue;
    if (!m->exact_ready) st = fill(m, err, errn);
    pthread_mutex_unlock(&exact_mu);
    return st;
  }
  pthread_mutex_unlock(&exact_mu);
  return CW_OK; /* its object holds its exact copy (or it has none) */
}
