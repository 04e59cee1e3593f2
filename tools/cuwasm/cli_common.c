/*
 * cli_common.c — option handling shared by the subcommands that compile a
 * file (-I DIR, -IDIR, -D X[=Y], -U X, --arch sm_XX / -arch=sm_XX, -rdc=true).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"

static int take_value(int argc, char **argv, int *i, const char *flag, const char **out) {
  size_t n = strlen(flag);
  const char *a = argv[*i];
  if (strncmp(a, flag, n)) return 0;
  if (a[n] == '=' ) {
    *out = a + n + 1;
    return 1;
  }
  if (a[n]) {
    if (flag[1] == '-') return 0; /* --archX is not --arch */
    *out = a + n;
    return 1;
  }
  if (*i + 1 >= argc) {
    fprintf(stderr, "cuwasm: option '%s' needs a value\n", flag);
    return -1;
  }
  *out = argv[++*i];
  return 1;
}

static int parse_arch(const char *v, int *arch) {
  const char *d = v;
  if (!strncmp(d, "sm_", 3) || !strncmp(d, "compute_", 8)) d = strchr(d, '_') + 1;
  char *end;
  long n = strtol(d, &end, 10);
  if (*end && *end != 'a' && *end != 'f') n = 0;
  if (n < 10 || n > 200) {
    fprintf(stderr, "cuwasm: invalid architecture '%s' (expected sm_XX, e.g. sm_80)\n", v);
    return -1;
  }
  *arch = (int)n * 10;
  return 1;
}

int cli_parse_compile_opt(CliCompileOpts *o, int argc, char **argv, int *i) {
  const char *v;
  int r;
  if (!strcmp(argv[*i], "-rdc=true") || !strcmp(argv[*i], "--relocatable-device-code=true") ||
      !strcmp(argv[*i], "-dc")) {
    o->rdc = 1;
    return 1;
  }
  if ((r = take_value(argc, argv, i, "-I", &v))) {
    if (r < 0 || o->ninc >= 64) return -1;
    o->inc[o->ninc++] = v;
    return 1;
  }
  if ((r = take_value(argc, argv, i, "-D", &v))) {
    if (r < 0 || o->ndef >= 64) return -1;
    o->def[o->ndef++] = v;
    return 1;
  }
  if ((r = take_value(argc, argv, i, "-U", &v))) {
    if (r < 0 || o->nundef >= 64) return -1;
    o->undef[o->nundef++] = v;
    return 1;
  }
  if ((r = take_value(argc, argv, i, "--arch", &v)) || (r = take_value(argc, argv, i, "-arch", &v)) ||
      (r = take_value(argc, argv, i, "--gpu-architecture", &v))) {
    if (r < 0) return -1;
    return parse_arch(v, &o->arch);
  }
  return 0;
}

void cli_fill_compile_options(const CliCompileOpts *o, cw_compile_options *out) {
  memset(out, 0, sizeof *out);
  out->include_dirs = o->inc;
  out->n_include_dirs = o->ninc;
  out->defines = o->def;
  out->n_defines = o->ndef;
  out->undefs = o->undef;
  out->n_undefs = o->nundef;
  out->cuda_arch = o->arch;
  out->relocatable = o->rdc;
}

void cli_print_diags(const cw_diags *d) {
  char *s = cw_diags_render(d);
  if (s && *s) fputs(s, stderr);
  free(s);
}

int cli_wants_help(int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--")) return 0;
    if (!strcmp(argv[i], "--help") || !strcmp(argv[i], "-h")) return 1;
    if (!strcmp(argv[i], "--version")) return 2;
  }
  return 0;
}
