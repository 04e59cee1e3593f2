/*
 * transpile_wasm.c — `cuwasm transpile --target wasm -o K.wasm`: the
 * module's kernels as one WebAssembly binary (src/emit/wasm.c).  Kernels
 * the target rejects are reported (exit status 1) and left out of the
 * module, which is still written with the others.
 */
#include <stdio.h>
#include <stdlib.h>

#include "api/program.h"
#include "commands.h"
#include "emit/emit.h"


int transpile_wasm(cw_program *prog, cw_diags *d, const char *out) {
  if (!out) {
    fprintf(stderr, "cuwasm transpile: --target wasm needs -o FILE.wasm\n");
    return 2;
  }
  size_t n = 0;
  CwDiags *dd = cw_diags_internal(d);
  int before = dd->errors;
  unsigned char *bin = emit_wasm(cw_program_module(prog), &n, dd);
  cli_print_diags(d);
  if (!bin) {
    fprintf(stderr, "cuwasm transpile: out of memory\n");
    return 1;
  }
  FILE *f = fopen(out, "wb");
  int rc = 0;
  if (!f || fwrite(bin, 1, n, f) != n) {
    perror(out);
    rc = 1;
  }
  if (f && fclose(f)) {
    perror(out);
    rc = 1;
  }
  free(bin);
  return rc ? rc : dd->errors > before;
}
