/*
 * cc_device_link.c — what `cuwasm cc -rdc=true` / `-dc` puts in a host
 * object so that the host linker does nvlink's part of the job.
 *
 * The device code of every TU travels whole inside its host object and
 * the runtime links the relocatable ones together when they load
 * (cw_module_link).  Two things must still happen when the executable is
 * linked: an object taken from a static library must come along when only
 * its device code is used (nothing on the host side refers to it), and a
 * device function or variable that no file defines must fail the build,
 * as nvlink fails it.  So each relocatable TU's host object defines one
 * marker per device function and variable its device code defines (weak:
 * inline and template functions are defined in many TUs) and refers to
 * one per function and variable it uses but does not define.  The markers
 * live in the namespace `cuwasm_device_symbol`, named after the device
 * symbol (its namespaces kept; other characters that cannot be in an
 * identifier become '_'), so the host linker's error reads "undefined
 * reference to `cuwasm_device_symbol::scale_by'" (and cc explains it).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/program.h"
#include "base/base.h"
#include "cc_internal.h"

/* The marker's name: C++ namespaces kept (`sc::twice`), any other
 * character that cannot be in an identifier (templates, operators) '_'. */
static void add_marker(StrList *l, const char *name) {
  char buf[512];
  size_t n = 0;
  for (const char *p = name; *p && n + 2 < sizeof buf; p++) {
    if (p[0] == ':' && p[1] == ':' && n && buf[n - 1] != ':' && p[2] && p[2] != ':') {
      buf[n++] = ':', buf[n++] = ':', p++;
      continue;
    }
    buf[n++] = isalnum((unsigned char)*p) || *p == '_' ? *p : '_';
  }
  buf[n] = 0;
  for (int i = 0; i < l->n; i++)
    if (!strcmp(l->v[i], buf)) return;
  sl_add(l, buf);
}

static void note_use(void *ctx, const KFunc *fn, const KVar *var, SrcLoc use) {
  (void)use;
  add_marker(ctx, fn ? fn->name : var->name);
}

void cc_device_link_names(cw_program *p, StrList *defines, StrList *uses) {
  KModule *m = cw_program_module(p);
  for (int i = 0; i < m->funcs.len; i++) {
    const KFunc *f = m->funcs.items[i];
    if (f->body && !(f->flags & (KF_GLOBAL | KF_INTERNAL))) add_marker(defines, f->name);
  }
  for (int i = 0; i < m->globals.len; i++) {
    const KVar *v = m->globals.items[i];
    if (v->as != AS_SHARED && !v->is_extern_decl && v->name) add_marker(defines, v->name);
  }
  kir_undefined_externs(m, false, note_use, uses);
}

/* C++ for the end of the rewritten host file; malloc'd. */
char *cc_device_link_markers(const StrList *defines, const StrList *uses) {
  StrBuf out;
  sb_init(&out);
  for (int i = 0; i < defines->n + uses->n; i++) {
    bool def = i < defines->n;
    const char *last = def ? defines->v[i] : uses->v[i - defines->n];
    int depth = 1;
    sb_puts(&out, "namespace cuwasm_device_symbol { ");
    for (const char *c; (c = strstr(last, "::")); last = c + 2, depth++)
      sb_printf(&out, "namespace %.*s { ", (int)(c - last), last);
    if (def)
      sb_printf(&out, "extern const char %s; __attribute__((weak)) extern const char %s = 0; ",
                last, last);
    else
      sb_printf(&out, "extern const char %s; ", last);
    while (depth--) sb_putc(&out, '}');
    sb_putc(&out, '\n');
  }
  if (uses->n) {
    sb_puts(&out, "__attribute__((used)) static const char *const __cuwasm_device_uses[] = {\n");
    for (int i = 0; i < uses->n; i++)
      sb_printf(&out, "  &cuwasm_device_symbol::%s,\n", uses->v[i]);
    sb_puts(&out, "};\n");
  }
  sb_putc(&out, '\n'); /* never empty: NULL means out of memory */
  if (out.failed) {
    sb_free(&out);
    return NULL;
  }
  return sb_take(&out);
}
