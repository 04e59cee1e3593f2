/*
 * fuzz_parse.c — libFuzzer target for the whole front end: preprocessor,
 * parser, sema and KIR construction, then the KIR dump and the diagnostics
 * renderer, which read everything the front end built.
 *
 * The input is handed over as a sized buffer that is NOT NUL-terminated,
 * so a front end that reads past the end is caught by ASan.  Every object
 * is freed, so LeakSanitizer (on by default under libFuzzer) reports any
 * allocation that a failing compilation forgets.
 *
 * Build and run: tests/fuzz/run_fuzz.sh SECONDS.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include "cuwasm.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  cw_diags *diags = cw_diags_new();
  if (!diags)
    return 0;
  cw_program *prog = NULL;
  cw_status st =
      cw_compile_source("fuzz.cu", (const char *)data, size, NULL, diags, &prog);
  if (st == CW_OK && prog) {
    char *text = NULL;
    if (cw_program_emit(prog, "kir", diags, &text) == CW_OK)
      free(text);
    int n = cw_program_kernel_count(prog);
    for (int i = 0; i < n; i++)
      (void)cw_program_kernel_name(prog, i);
  }
  if (prog)
    cw_program_free(prog);
  free(cw_diags_render(diags));
  cw_diags_free(diags);
  return 0;
}
