/*
 * main.c — the `cuwasm` command: dispatches to one subcommand per file
 * (see commands.h).  `--help` and `--version` work at every level.
 *
 * Called as `cuwasm-nvcc` (or `nvcc`: a link under that name), it is
 * `cuwasm cc`, so build systems that call a CUDA compiler by one path
 * (Make's $(NVCC), CMake's CMAKE_CUDA_COMPILER) can use it; its
 * `--version` has the shape of nvcc's, which build tools parse for the
 * CUDA release our headers implement.
 */
#include <stdbool.h>
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

static bool called_as_nvcc(const char *argv0) {
  const char *base = strrchr(argv0, '/');
  base = base ? base + 1 : argv0;
  return strstr(base, "nvcc") != NULL;
}

static int nvcc_main(int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--version") && strcmp(argv[i], "-V")) continue;
    printf("cuwasm-nvcc: cuwasm %s, an nvcc-compatible CUDA compiler driver\n"
           "Cuda compilation tools, release 13.0, V13.0.0\n", cw_version());
    return 0;
  }
  return cmd_cc(argc, argv);
}

int main(int argc, char **argv) {
  if (argc >= 1 && called_as_nvcc(argv[0])) return nvcc_main(argc, argv);
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
