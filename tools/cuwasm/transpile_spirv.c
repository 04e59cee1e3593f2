/*
 * transpile_spirv.c — `cuwasm transpile --target spirv -o K.spv`: each
 * kernel's Vulkan compute shader (src/emit/glsl.c) compiled to SPIR-V.
 * One kernel writes OUT itself; several write OUT's stem + ".<kernel C
 * name>.spv" each, since a compute shader holds one entry point.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/program.h"
#include "commands.h"
#include "emit/emit.h"

static int write_file(const char *path, const unsigned char *data, size_t n) {
  FILE *f = fopen(path, "wb");
  if (!f || fwrite(data, 1, n, f) != n) {
    perror(path);
    if (f) fclose(f);
    return 1;
  }
  return fclose(f) ? (perror(path), 1) : 0;
}

static int one_kernel(KModule *m, KFunc *k, cw_diags *d, const char *path) {
  GlslTarget target = glsl_target_from_env();
  char *glsl = emit_glsl_kernel_for(m, k, &target, NULL, cw_diags_internal(d));
  if (!glsl) return 1;
  unsigned char *spv = NULL;
  size_t n = 0;
  char err[8192];
  bool ok = glsl_to_spirv(glsl, &spv, &n, err, sizeof err);
  free(glsl);
  if (!ok) {
    fprintf(stderr, "cuwasm transpile: %s: %s\n", k->name, err);
    return 1;
  }
  int rc = write_file(path, spv, n);
  free(spv);
  return rc;
}

int transpile_spirv(cw_program *prog, cw_diags *d, const char *out) {
  if (!out) {
    fprintf(stderr, "cuwasm transpile: --target spirv needs -o FILE.spv\n");
    return 2;
  }
  KModule *m = cw_program_module(prog);
  int nk = cw_program_kernel_count(prog), rc = 0;
  size_t stem = strlen(out);
  if (stem > 4 && !strcmp(out + stem - 4, ".spv")) stem -= 4;
  for (int i = 0; i < m->funcs.len; i++) {
    KFunc *k = m->funcs.items[i];
    if (!(k->flags & KF_GLOBAL) || !k->body) continue;
    char path[4096];
    if (nk == 1) snprintf(path, sizeof path, "%s", out);
    else snprintf(path, sizeof path, "%.*s.%s.spv", (int)stem, out, k->cname);
    if (one_kernel(m, k, d, path)) rc = 1;
  }
  cli_print_diags(d);
  return rc;
}
