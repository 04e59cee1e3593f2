/*
 * check.c — `cuwasm check FILE.cu`: compile the device code as nvcc's
 * device pass would and report diagnostics; exit 0 when valid, 1 on errors,
 * 2 on bad usage.  With --nvrtc[=sm_XX] the device source the CUDA backend
 * would hand NVRTC is also compiled with NVRTC (rt/cuda/nvrtc_build.c, the
 * backend's own path) for that architecture (default sm_90), which needs
 * no GPU; --device-source prints that source to stdout.  NVRTC missing:
 * exit 77 with the reason, as a skipped test.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/program.h"
#include "commands.h"
#include "rt/cuda/nvrtc_build.h"

static const char *usage =
    "usage: cuwasm check FILE.cu [-I DIR] [-D X[=Y]] [-U X] [--arch sm_XX]\n"
    "                    [--nvrtc[=sm_XX]] [--device-source]\n"
    "Checks the device code of FILE.cu; diagnostics go to stderr as\n"
    "file:line:col: error: message. Exit 0 if valid, 1 on errors, 2 on bad usage.\n"
    "--nvrtc: also compile the source the CUDA backend gives NVRTC, with NVRTC,\n"
    "  for sm_XX (default sm_90; no GPU needed; exit 77 when NVRTC is missing).\n"
    "--device-source: print that source to stdout.\n";

/* NVRTC on prog's device source for sm_<sm>: 0, 1 (its log on stderr), 77 */
static int nvrtc_check(const char *file, cw_program *prog, int sm) {
  Nvrtc rtc;
  char why[256];
  if (!nvrtc_open(&rtc, NULL, why, sizeof why)) {
    fprintf(stderr, "cuwasm check: --nvrtc: %s\n", why);
    return 77;
  }
  size_t errn = 1 << 20;
  char *err = malloc(errn);
  if (!err) return 1;
  err[0] = 0;
  cw_status st = nvrtc_check_program(&rtc, prog, sm, err, errn);
  if (st != CW_OK)
    fprintf(stderr, "%s: NVRTC (sm_%d) rejects the device source:\n%s\n", file, sm, err);
  free(err);
  return st == CW_OK ? 0 : 1;
}

int cmd_check(int argc, char **argv) {
  int h = cli_wants_help(argc, argv);
  if (h == 1) { fputs(usage, stdout); return 0; }
  if (h == 2) { printf("cuwasm %s\n", cw_version()); return 0; }
  CliCompileOpts o;
  memset(&o, 0, sizeof o);
  const char *file = NULL;
  int nvrtc_sm = 0;
  bool print_source = false;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--nvrtc")) {
      nvrtc_sm = 90;
      continue;
    }
    if (!strncmp(argv[i], "--nvrtc=sm_", 11)) {
      char *end;
      nvrtc_sm = (int)strtol(argv[i] + 11, &end, 10);
      if (*end || nvrtc_sm < 30) {
        fprintf(stderr, "cuwasm check: bad architecture in '%s'\n", argv[i]);
        return 2;
      }
      continue;
    }
    if (!strcmp(argv[i], "--device-source")) {
      print_source = true;
      continue;
    }
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
  int rc = st == CW_OK ? 0 : 1;
  char *src = NULL;
  if (rc == 0 && print_source && cw_program_device_source(prog, &src) == CW_OK && src)
    fputs(src, stdout);
  free(src);
  if (rc == 0 && nvrtc_sm) rc = nvrtc_check(file, prog, nvrtc_sm);
  cw_program_free(prog);
  cw_diags_free(d);
  return rc;
}
