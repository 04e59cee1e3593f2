/*
 * glsl_spirv.c — GLSL to SPIR-V by running the Khronos reference compiler.
 *
 * Debian's shared libshaderc is unusable and linking glslang statically
 * would pull a C++ compiler into the library, so the shader compiler is a
 * program: glslangValidator (package glslang-tools) or glslc (package
 * glslc), found on PATH, or the one CUWASM_GLSLANG names.  The shader goes
 * through a private temporary folder; the compiler's messages come back
 * in err.  Nothing is printed.
 */
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "emit.h"

extern char **environ;

static bool on_path(const char *prog, char *out, size_t n) {
  if (strchr(prog, '/')) {
    snprintf(out, n, "%s", prog);
    return access(out, X_OK) == 0;
  }
  const char *path = getenv("PATH");
  if (!path) path = "/usr/bin:/bin";
  while (*path) {
    const char *c = strchr(path, ':');
    size_t len = c ? (size_t)(c - path) : strlen(path);
    snprintf(out, n, "%.*s/%s", (int)len, path, prog);
    if (len && access(out, X_OK) == 0) return true;
    path += len + (c ? 1 : 0);
  }
  return false;
}


static int run(char *const argv[], const char *log) {
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, log, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2(&fa, 1, 2);
  pid_t pid;
  int rc = posix_spawn(&pid, argv[0], &fa, NULL, argv, environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) return -1;
  int status = 0;
  if (waitpid(pid, &status, 0) < 0) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

bool glsl_to_spirv(const char *glsl, unsigned char **spv, size_t *n, char *err, size_t errn) {
  *spv = NULL;
  char tool[1024];
  const char *want = getenv("CUWASM_GLSLANG");
  bool is_glslc = false;
  if (want && *want) {
    if (!on_path(want, tool, sizeof tool)) {
      snprintf(err, errn, "unavailable: CUWASM_GLSLANG=%s is not an executable", want);
      return false;
    }
    is_glslc = strstr(want, "glslc") != NULL;
  } else if (!on_path("glslangValidator", tool, sizeof tool)) {
    if (!on_path("glslc", tool, sizeof tool)) {
      snprintf(err, errn, "unavailable: neither glslangValidator (glslang-tools) nor glslc "
                          "was found on PATH to compile GLSL to SPIR-V");
      return false;
    }
    is_glslc = true;
  }
  char dir[] = "/tmp/cuwasm-glsl-XXXXXX";
  if (!mkdtemp(dir)) {
    snprintf(err, errn, "cannot create a temporary folder");
    return false;
  }
  char in[64], out[64], log[64];
  snprintf(in, sizeof in, "%s/k.comp", dir);
  snprintf(out, sizeof out, "%s/k.spv", dir);
  snprintf(log, sizeof log, "%s/log", dir);
  FILE *f = fopen(in, "w");
  bool ok = f && fputs(glsl, f) >= 0;
  if (f && fclose(f)) ok = false;
  int rc = -1;
  if (ok) {
    char *gv[] = {tool, "-V", "--target-env", "vulkan1.2", "-S", "comp", "-o", out, in, NULL};
    char *gc[] = {tool, "-fshader-stage=compute", "--target-env=vulkan1.2", "-o", out, in, NULL};
    rc = run(is_glslc ? gc : gv, log);
  }
  if (rc == 0) *spv = (unsigned char *)cw_read_file(out, n);
  if (*spv && !spirv_no_contraction(spv, n)) {
    free(*spv);
    *spv = NULL;
  }
  if (!*spv) {
    char *msg = cw_read_file(log, NULL);
    snprintf(err, errn, "GLSL to SPIR-V failed (%s):\n%s", tool, msg ? msg : "");
    free(msg);
  }
  unlink(in), unlink(out), unlink(log), rmdir(dir);
  return *spv != NULL;
}
