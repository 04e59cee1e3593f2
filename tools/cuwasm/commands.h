/*
 * commands.h — the CLI's subcommands.  One file per subcommand, each
 * defining `int cmd_NAME(int argc, char **argv)` (argv[0] is the
 * subcommand's name) that returns the process exit code.  main.c holds
 * the table; common option parsing lives in cli_common.c.
 */
#ifndef CUWASM_COMMANDS_H
#define CUWASM_COMMANDS_H

#include "cuwasm.h"

int cmd_check(int argc, char **argv);
int cmd_transpile(int argc, char **argv);
/* transpile_spirv.c: one .spv per kernel */
int transpile_spirv(cw_program *prog, cw_diags *d, const char *out);
/* transpile_wasm.c: --target wasm (a WebAssembly binary module) */
int transpile_wasm(cw_program *prog, cw_diags *d, const char *out);
int cmd_launch(int argc, char **argv);
int cmd_devices(int argc, char **argv);
int cmd_cc(int argc, char **argv);
int cmd_run(int argc, char **argv);

/* Shared by subcommands that compile a file: -I, -D, -U, --arch.
 * Returns 1 when argv[*i] was one of them (consuming its value), 0 when
 * not, -1 on a malformed option (message printed). */
typedef struct CliCompileOpts {
  const char *inc[64];
  int ninc;
  const char *def[64];
  int ndef;
  const char *undef[64];
  int nundef;
  int arch;
  int rdc; /* -rdc=true / -dc: relocatable device code */
} CliCompileOpts;
int cli_parse_compile_opt(CliCompileOpts *o, int argc, char **argv, int *i);
void cli_fill_compile_options(const CliCompileOpts *o, cw_compile_options *out);
/* Prints rendered diagnostics to stderr (if any). */
void cli_print_diags(const cw_diags *d);
int cli_wants_help(int argc, char **argv);

#endif
