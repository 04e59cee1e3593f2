/*
 * fuzz_rewrite.c — libFuzzer target for the host-code rewriter of
 * `cuwasm cc` (src/cc/rewrite.c): launch chevrons, kernel stubs, qualifier
 * removal and symbol registrations over arbitrary preprocessed host code.
 *
 * The input is a sized buffer that is NOT NUL-terminated, so a rewriter
 * that reads past the end is caught by ASan; the result (text or error
 * message) is freed, so LeakSanitizer reports anything a failed rewrite
 * forgets.  Invalid host code must give an error message, never a crash:
 * the host compiler then reports the user's mistake with its own lines.
 *
 * Build and run: tests/fuzz/run_fuzz.sh SECONDS.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "cc/cc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char err[512];
  err[0] = 0;
  char *out = cw_cc_rewrite((const char *)data, size, NULL, err, sizeof err);
  if (out) {
    (void)strlen(out); /* must be NUL-terminated */
    free(out);
  } else if (!memchr(err, 0, sizeof err)) {
    abort(); /* the message must be a string */
  }
  return 0;
}
