/*
 * transpile.c — `cuwasm transpile FILE.cu --target T [-o OUT]`: compile and
 * print the program in another language (kir, c, wgsl, wgsl-json).  Nothing
 * is written when compilation fails; for wgsl, the kernels the target
 * accepts are written and the others reported (exit status 1).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"

static const char *usage =
    "usage: cuwasm transpile FILE.cu --target kir|kir-threads|c|wgsl|wgsl-json|glsl|spirv|wasm [-o OUT] [-I DIR] [-D X[=Y]]\n"
    "       [-U X] [--arch sm_XX] [-rdc=true]\n"
    "  wgsl options: --wgsl-f64-as-f32 (lower double to float, with a warning),\n"
    "  --wgsl-subgroups (warp functions through WGSL subgroups of 32),\n"
    "  --wgsl-max-storage-buffers N (pack buffer parameters of kernels needing more)\n";

static const char *targets[] = {"kir", "c", "wgsl", "wgsl-json", "glsl", "spirv", "wasm", "kir-threads"};

/* wgsl and wgsl-json may carry options: "wgsl-json:subgroups,max-storage=8" */
static int known_target(const char *t) {
  size_t n = strncmp(t, "wgsl", 4) ? strlen(t) : strcspn(t, ":");
  for (size_t i = 0; i < sizeof targets / sizeof *targets; i++)
    if (strlen(targets[i]) == n && !strncmp(t, targets[i], n)) return 1;
  return 0;
}

static int write_output(const char *out, const char *text) {
  FILE *f = out ? fopen(out, "w") : stdout;
  if (!f) {
    perror(out);
    return 1;
  }
  fputs(text, f);
  if (out && fclose(f)) {
    perror(out);
    return 1;
  }
  return 0;
}

int cmd_transpile(int argc, char **argv) {
  int h = cli_wants_help(argc, argv);
  if (h == 1) { fputs(usage, stdout); return 0; }
  if (h == 2) { printf("cuwasm %s\n", cw_version()); return 0; }
  CliCompileOpts o;
  memset(&o, 0, sizeof o);
  const char *file = NULL, *target = NULL, *out = NULL;
  char wgsl_opts[96] = ""; /* appended to the target: "wgsl:opt,opt" */
  for (int i = 1; i < argc; i++) {
    int r = cli_parse_compile_opt(&o, argc, argv, &i);
    if (r < 0) return 2;
    if (r) continue;
    if ((!strcmp(argv[i], "--target") || !strcmp(argv[i], "-t")) && i + 1 < argc) {
      target = argv[++i];
    } else if (!strncmp(argv[i], "--target=", 9)) {
      target = argv[i] + 9;
    } else if (!strcmp(argv[i], "--wgsl-f64-as-f32") || !strcmp(argv[i], "--wgsl-subgroups")) {
      size_t n = strlen(wgsl_opts);
      snprintf(wgsl_opts + n, sizeof wgsl_opts - n, "%s%s", n ? "," : "",
               argv[i][7] == 'f' ? "f64-as-f32" : "subgroups");
    } else if (!strcmp(argv[i], "--wgsl-max-storage-buffers") && i + 1 < argc) {
      size_t n = strlen(wgsl_opts);
      int v = atoi(argv[++i]);
      if (v < 1) {
        fprintf(stderr, "cuwasm transpile: --wgsl-max-storage-buffers needs a positive number\n");
        return 2;
      }
      snprintf(wgsl_opts + n, sizeof wgsl_opts - n, "%smax-storage=%d", n ? "," : "", v);
    } else if (!strcmp(argv[i], "-o") && i + 1 < argc) {
      out = argv[++i];
    } else if (argv[i][0] == '-' && argv[i][1]) {
      fprintf(stderr, "cuwasm transpile: unknown option '%s'\n%s", argv[i], usage);
      return 2;
    } else if (file) {
      fprintf(stderr, "cuwasm transpile: more than one input file\n");
      return 2;
    } else {
      file = argv[i];
    }
  }
  if (!file || !target) {
    fputs(usage, stderr);
    return 2;
  }
  if (!known_target(target)) {
    fprintf(stderr, "cuwasm transpile: unknown target '%s' (known: kir, kir-threads, c, wgsl, wgsl-json, glsl, spirv, wasm)\n", target);
    return 2;
  }
  char full_target[160];
  if (wgsl_opts[0]) {
    if (strncmp(target, "wgsl", 4)) {
      fprintf(stderr, "cuwasm transpile: --wgsl-* options need --target wgsl or wgsl-json\n");
      return 2;
    }
    snprintf(full_target, sizeof full_target, "%s:%s", target, wgsl_opts);
    target = full_target;
  }
  cw_compile_options co;
  cli_fill_compile_options(&o, &co);
  cw_diags *d = cw_diags_new();
  cw_program *prog = NULL;
  int rc = 1;
  if (d && cw_compile_file(file, &co, d, &prog) == CW_OK && !strcmp(target, "spirv")) {
    rc = transpile_spirv(prog, d, out);
  } else if (prog && !strcmp(target, "wasm")) {
    rc = transpile_wasm(prog, d, out);
  } else if (prog) {
    char *text = NULL;
    cw_status st = cw_program_emit(prog, target, d, &text);
    cli_print_diags(d);
    /* wgsl: kernels the target rejects are reported, the others written */
    if (text && (st == CW_OK || st == CW_ERR_COMPILE)) {
      int wr = write_output(out, text);
      rc = st == CW_OK ? wr : 1;
    }
    else if (st == CW_ERR_UNSUPPORTED) fprintf(stderr, "cuwasm transpile: target '%s' is not available yet\n", target);
    else if (st == CW_ERR_INVALID)
      fprintf(stderr, "cuwasm transpile: unknown option in target '%s' (wgsl options: f64-as-f32, subgroups, max-storage=N)\n", target);
    free(text);
  } else if (d) {
    cli_print_diags(d);
  }
  cw_program_free(prog);
  cw_diags_free(d);
  return rc;
}
