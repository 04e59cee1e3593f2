/*
 * test_profile.c — CUWASM_PROFILE=1 (src/rt/profile.c): a child process
 * loads a module, copies, launches and synchronizes on the CPU backend
 * with profiling on; the parent reads the child's stderr and checks that
 * the table names each phase the child went through with the number of
 * calls it made.  Without the variable the child must print nothing.
 */
#include "cuwasm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static int passed, failed;
#define CHECK(cond, ...) do { if (cond) passed++; else { failed++; printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); printf("\n"); } } while (0)

static const char *src = "__global__ void twice(float *x) { x[threadIdx.x] *= 2.0f; }\n";

/* the child's work: one module, two launches, one copy each way */
static int child_work(void) {
  cw_context *ctx = NULL;
  if (cw_context_new("cpu", &ctx) != CW_OK) return 2;
  cw_module *m = NULL;
  cw_kernel *k = NULL;
  cw_diags *d = cw_diags_new();
  if (cw_module_load_source(ctx, "p.cu", src, strlen(src), NULL, d, &m) != CW_OK ||
      cw_kernel_get(m, "twice", &k) != CW_OK)
    return 3;
  float h[32];
  for (int i = 0; i < 32; i++) h[i] = (float)i;
  cw_buffer *b = NULL;
  if (cw_buffer_alloc(ctx, sizeof h, &b) != CW_OK) return 4;
  void *p = cw_buffer_ptr(b);
  cw_memcpy_htod(ctx, p, h, sizeof h);
  unsigned g[3] = {1, 1, 1}, bl[3] = {32, 1, 1};
  void *args[1] = {&p};
  cw_launch(k, g, bl, 0, NULL, args);
  cw_launch(k, g, bl, 0, NULL, args);
  cw_synchronize(ctx);
  cw_memcpy_dtoh(ctx, h, p, sizeof h);
  /* everything given back: leak checkers (CI's ASan) print to stderr too */
  cw_buffer_free(b);
  cw_module_free(m);
  cw_context_free(ctx);
  cw_diags_free(d);
  return h[3] == 12.0f ? 0 : 5;
}

/* runs child_work in a child with CUWASM_PROFILE=VALUE; its stderr in OUT */
static int run_child(const char *value, char *out, size_t outn) {
  int fd[2];
  if (pipe(fd)) return -1;
  pid_t pid = fork();
  if (pid == 0) {
    dup2(fd[1], 2);
    close(fd[0]);
    if (value) setenv("CUWASM_PROFILE", value, 1);
    else unsetenv("CUWASM_PROFILE");
    exit(child_work());
  }
  close(fd[1]);
  size_t got = 0;
  ssize_t r;
  while (got + 1 < outn && (r = read(fd[0], out + got, outn - 1 - got)) > 0) got += (size_t)r;
  out[got] = 0;
  close(fd[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* the number of calls on the table's line for PHASE, or -1 */
static long calls_of(const char *table, const char *phase) {
  const char *line = strstr(table, phase);
  if (!line) return -1;
  return strtol(line + strlen(phase), NULL, 10);
}

int main(void) {
  static char out[8192];
  CHECK(run_child("1", out, sizeof out) == 0, "the profiled child failed");
  CHECK(strstr(out, "cuwasm profile (CUWASM_PROFILE)") != NULL, "no table:\n%s", out);
  CHECK(calls_of(out, "backend open") == 1, "backend open calls:\n%s", out);
  /* compiled once, or found whole in the cache of translations */
  long front = calls_of(out, "front end (device code)");
  CHECK(front == 1 || (front == -1 && strstr(out, "module load")), "front end calls:\n%s", out);
  CHECK(calls_of(out, "module load") == 1, "module load calls:\n%s", out);
  CHECK(calls_of(out, "launch (host enqueue)") == 2, "launch calls:\n%s", out);
  CHECK(calls_of(out, "launch (backend; CPU: runs it)") == 2, "backend launch calls:\n%s", out);
  CHECK(calls_of(out, "blocking copy/fill") == 2, "copy calls:\n%s", out);
  CHECK(calls_of(out, "synchronize/wait") >= 1, "sync calls:\n%s", out);
  CHECK(calls_of(out, "allocate/free") == 2, "alloc calls:\n%s", out); /* one each */
  CHECK(run_child(NULL, out, sizeof out) == 0, "the plain child failed");
  CHECK(out[0] == 0, "profiling off printed:\n%s", out);
  CHECK(run_child("0", out, sizeof out) == 0, "the CUWASM_PROFILE=0 child failed");
  CHECK(out[0] == 0, "CUWASM_PROFILE=0 printed:\n%s", out);
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
