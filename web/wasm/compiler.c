/*
 * compiler.c — the entry point of the compiler built to WebAssembly
 * (web/wasm/build.sh): CUDA source in, the WGSL modules of its kernels and
 * their bindings out, as one JSON text the JS package parses.
 *
 * The JS side writes the source and the user's headers into emscripten's
 * in-memory file system and calls cw_wasm_compile with the source's path,
 * the -D definitions and the template instances to create, each list
 * newline-separated, and the WGSL options (src/emit/emit.h: "f64-as-f32",
 * "subgroups", "max-storage=N", comma-separated).  The result is
 *   {"diagnostics": [{"file", "line", "col", "severity", "message"}],
 *    "module": <the wgsl-json target's object> | null}
 * Diagnostics are the native compiler's own, so the browser shows what
 * `cuwasm check` prints.
 *
 * cw_wasm_compile_module does the same for the WebAssembly CPU path: it
 * writes the kernels' WebAssembly module (src/emit/wasm.c) to `out` in the
 * file system and answers {"diagnostics": [...], "module": true | null};
 * the module's own "cuwasm" section describes its kernels.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/program.h"
#include "emit/emit.h"
#include "base/base.h"
#include "cuwasm.h"

/* defined in src/api/compile.c: the diagnostics behind the public handle */
CwDiags *cw_diags_internal(cw_diags *d);

static void json_str(StrBuf *sb, const char *s) {
  sb_putc(sb, '"');
  for (; s && *s; s++) {
    unsigned char ch = (unsigned char)*s;
    if (ch == '"' || ch == '\\') sb_printf(sb, "\\%c", ch);
    else if (ch == '\n') sb_puts(sb, "\\n");
    else if (ch < 0x20) sb_printf(sb, "\\u%04x", ch);
    else sb_putc(sb, (char)ch);
  }
  sb_putc(sb, '"');
}

static void diags_json(StrBuf *sb, cw_diags *d) {
  CwDiags *in = cw_diags_internal(d);
  sb_puts(sb, "\"diagnostics\": [");
  for (int i = 0; i < in->len; i++) {
    Diag *g = &in->items[i];
    static const char *lv[] = {"error", "warning", "note"};
    if (i) sb_puts(sb, ", ");
    sb_puts(sb, "{\"file\": ");
    json_str(sb, g->file);
    sb_printf(sb, ", \"line\": %d, \"col\": %d, \"severity\": \"%s\", \"message\": ", g->loc.line,
              g->loc.col, lv[g->level]);
    json_str(sb, g->msg);
    sb_putc(sb, '}');
  }
  sb_putc(sb, ']');
}

/* Splits a newline-separated list in place into an array (NULL-ended). */
static char **split(char *s, int *n) {
  *n = 0;
  if (!s || !*s) return NULL;
  int cap = 1;
  for (char *p = s; *p; p++) cap += *p == '\n';
  char **v = calloc((size_t)cap + 1, sizeof *v);
  if (!v) return NULL;
  for (char *tok = strtok(s, "\n"); tok; tok = strtok(NULL, "\n")) v[(*n)++] = tok;
  return v;
}

static void instantiate(cw_program *p, char *names, cw_diags *d) {
  int n;
  char **v = split(names, &n);
  for (int i = 0; i < n; i++) cw_program_instantiate(p, v[i], d);
  free(v);
}

char *cw_wasm_compile(const char *path, char *defines, char *instances, const char *wgsl_options) {
  cw_diags *d = cw_diags_new();
  if (!d) return NULL;
  int ndef;
  char **defs = split(defines, &ndef);
  cw_compile_options o;
  memset(&o, 0, sizeof o);
  o.defines = (const char **)defs;
  o.n_defines = ndef;
  cw_program *p = NULL;
  char *wgsl = NULL;
  if (cw_compile_file(path, &o, d, &p) == CW_OK) {
    instantiate(p, instances, d);
    StrBuf target;
    sb_init(&target);
    sb_printf(&target, "wgsl-json%s%s", wgsl_options && *wgsl_options ? ":" : "", wgsl_options ? wgsl_options : "");
    if (!cw_diags_error_count(d) && !target.failed &&
        cw_program_emit(p, target.data, d, &wgsl) == CW_ERR_INVALID)
      diag_add(cw_diags_internal(d), DIAG_ERROR, (SrcLoc){0}, "unknown WGSL option in '%s'", wgsl_options);
    sb_free(&target);
  }
  StrBuf sb;
  sb_init(&sb);
  sb_puts(&sb, "{");
  diags_json(&sb, d);
  sb_printf(&sb, ", \"module\": %s}", wgsl ? wgsl : "null");
  free(wgsl);
  free(defs);
  cw_program_free(p);
  cw_diags_free(d);
  return sb_take(&sb);
}

static bool write_bytes(const char *path, const unsigned char *p, size_t n) {
  FILE *f = fopen(path, "wb");
  if (!f) return false;
  bool ok = fwrite(p, 1, n, f) == n;
  return fclose(f) == 0 && ok;
}

char *cw_wasm_compile_module(const char *path, char *defines, char *instances, const char *out) {
  cw_diags *d = cw_diags_new();
  if (!d) return NULL;
  int ndef;
  char **defs = split(defines, &ndef);
  cw_compile_options o;
  memset(&o, 0, sizeof o);
  o.defines = (const char **)defs;
  o.n_defines = ndef;
  cw_program *p = NULL;
  bool written = false;
  if (cw_compile_file(path, &o, d, &p) == CW_OK) {
    instantiate(p, instances, d);
    if (!cw_diags_error_count(d)) {
      size_t n = 0;
      unsigned char *bin = emit_wasm(cw_program_module(p), &n, cw_diags_internal(d));
      written = bin && write_bytes(out, bin, n);
      free(bin);
    }
  }
  StrBuf sb;
  sb_init(&sb);
  sb_puts(&sb, "{");
  diags_json(&sb, d);
  sb_printf(&sb, ", \"module\": %s}", written ? "true" : "null");
  free(defs);
  cw_program_free(p);
  cw_diags_free(d);
  return sb_take(&sb);
}

void cw_wasm_free(char *p) { free(p); }
