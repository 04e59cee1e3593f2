/*
 * cc_internal.h — what `cuwasm run` (run.c) shares with `cuwasm cc`
 * (cc.c): the parsed nvcc-style options, the build, and small process and
 * file helpers.
 */
#ifndef CUWASM_CC_INTERNAL_H
#define CUWASM_CC_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

typedef struct StrList {
  char **v; /* NULL-terminated */
  int n, cap;
} StrList;

typedef struct CcOpts {
  StrList inputs, inc, def, undef, libdirs, libs, xcomp, xlink;
  const char *out, *std, *opt;
  bool debug, compile_only, verbose, keep;
  int arch;
} CcOpts;

void sl_add(StrList *l, const char *s);
/* argv[0] is the subcommand's name; 0 on success, 2 on bad usage. */
int cc_parse(CcOpts *o, int argc, char **argv);
void cc_free(CcOpts *o);
/* Builds o->out (or objects with -c); returns the exit code. */
int cc_build(const CcOpts *o);
/* Runs cmd (NULL-terminated argv) and returns its exit status. */
int cc_run(const CcOpts *o, StrList *cmd);
/* Whole file, NUL-terminated (malloc'd), or NULL. */
char *cc_read_file(const char *path, size_t *len);

#endif
