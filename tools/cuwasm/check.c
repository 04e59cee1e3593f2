/*
 * check.c — `cuwasm check FILE.cu`: compile the device code as nvcc's
 * device pass would and report diagnostics; exit 0 when valid, 1 on errors,
 * 2 on bad usage.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"

static const char *usage =
    "usage: cuwasm check FILE.cu [-I DIR] [-D X[=Y]] [-U X] [--arch sm_XX]\n"
    "Checks the device code of FILE.cu; diagnostics go to stderr as\n"
    "file:line:col: error: message. Exit 0 if valid, 1 on errors, 2 on bad usage.\n";

int cmd_check(int argc, char **argv) {
  int h = cli_wants_help(argc, argv);
  if (h == 1) { fputs(usage, stdout); return 0; }
  if (h == 2) { printf("cuwasm %s\n", cw_version()); return 0; }
  CliCompileOpts o;
  memset(&o, 0, sizeof o);
  const char *file = NULL;
  for (int i = 1; i < argc; i++) {
    int r = cli_parse_compile_opt(&o, argc, argv, &i);
    if (r < 0) return 2;
    if (r) continue;
    if (argv[i][0] == '-' && argv[i][1]) {
      fprintf(stderr, "cuwasm check: unknown option '%s'\n%s", argv[i], usage);
      return 2;
    }
    if (file) {
      fprintf(stderr, "cuwasm check: more than one input file\n");
      return 2;
    }
    file = argv[i];
  }
  if (!file) {
    fputs(usage, stderr);
    return 2;
  }
  cw_compile_options co;
  cli_fill_compile_options(&o, &co);
  cw_diags *d = cw_diags_new();
  if (!d) return 1;
  cw_program *prog = NULL;
  cw_status st = cw_compile_file(file, &co, d, &prog);
  cli_print_diags(d);
  if (st == CW_ERR_IO) fprintf(stderr, "cuwasm check: cannot read '%s'\n", file);
  cw_program_free(prog);
  cw_diags_free(d);
  return st == CW_OK ? 0 : 1;
}
