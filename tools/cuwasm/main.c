/*
 * main.c — the `cuwasm` command: dispatches to one subcommand per file
 * (see commands.h).  `--help` and `--version` work at every level.
 */
#include <stdio.h>
#include <string.h>

#include "commands.h"

typedef struct Command {
  const char *name;
  int (*run)(int argc, char **argv);
  const char *summary;
} Command;

static const Command commands[] = {
    {"check", cmd_check, "check a .cu file the way nvcc would (diagnostics, exit 1 on error)"},
    {"transpile", cmd_transpile, "translate a .cu file: --target kir|c|..."},
    {"launch", cmd_launch, "run one kernel of a .cu file with generated arguments"},
    {"devices", cmd_devices, "list backends and devices, or why they are unavailable"},
    {"cc", cmd_cc, "build an executable from CUDA sources, like nvcc"},
    {"run", cmd_run, "build (cached) and run a CUDA program: cuwasm run app.cu [-- ARGS]"},
};

static void usage(FILE *f) {
  fprintf(f, "usage: cuwasm <command> [options]\n\ncommands:\n");
  for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
    fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
  fprintf(f, "\n`cuwasm <command> --help` describes a command's options.\n");
}

int main(int argc, char **argv) {
  if (argc < 2) {
    usage(stderr);
    return 2;
  }
  if (!strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) {
    usage(stdout);
    return 0;
  }
  if (!strcmp(argv[1], "--version")) {
    printf("cuwasm %s\n", cw_version());
    return 0;
  }
  for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
    if (!strcmp(argv[1], commands[i].name))
      return commands[i].run(argc - 1, argv + 1);
  fprintf(stderr, "cuwasm: unknown command '%s'\n", argv[1]);
  usage(stderr);
  return 2;
}
