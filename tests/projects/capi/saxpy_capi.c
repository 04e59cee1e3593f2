/* saxpy_capi.c — a C program using cuwasm's C API (include/cuwasm.h), built
 * against an installed cuwasm through pkg-config or find_package: compiles
 * a kernel from a string, runs it on the CPU backend, checks the result. */
#include <stdio.h>
#include <string.h>

#include <cuwasm.h>

static const char *src =
    "__global__ void saxpy(int n, float a, const float *x, float *y) {\n"
    "  int i = blockIdx.x * blockDim.x + threadIdx.x;\n"
    "  if (i < n) y[i] = a * x[i] + y[i];\n"
    "}\n";

int main(void) {
  enum { N = 1000 };
  float x[N], y[N];
  for (int i = 0; i < N; i++) x[i] = (float)i, y[i] = 1.0f;
  cw_context *ctx = NULL;
  cw_diags *d = cw_diags_new();
  cw_module *m = NULL;
  cw_kernel *k = NULL;
  cw_buffer *bx = NULL, *by = NULL;
  if (cw_context_new("cpu", &ctx) != CW_OK ||
      cw_module_load_source(ctx, "saxpy.cu", src, strlen(src), NULL, d, &m) != CW_OK ||
      cw_kernel_get(m, "saxpy", &k) != CW_OK || cw_buffer_alloc(ctx, sizeof x, &bx) != CW_OK ||
      cw_buffer_alloc(ctx, sizeof y, &by) != CW_OK) {
    char *text = cw_diags_render(d);
    fprintf(stderr, "setup failed: %s %s\n", cw_last_error_message(ctx), text ? text : "");
    return 1;
  }
  void *px = cw_buffer_ptr(bx), *py = cw_buffer_ptr(by);
  cw_memcpy_htod(ctx, px, x, sizeof x);
  cw_memcpy_htod(ctx, py, y, sizeof y);
  int n = N;
  float a = 2.0f;
  void *args[] = {&n, &a, &px, &py};
  unsigned grid[3] = {(N + 127) / 128, 1, 1}, block[3] = {128, 1, 1};
  if (cw_launch(k, grid, block, 0, NULL, args) != CW_OK) return 1;
  cw_memcpy_dtoh(ctx, y, py, sizeof y);
  int bad = 0;
  for (int i = 0; i < N; i++) bad += y[i] != 2.0f * (float)i + 1.0f;
  printf("C API through an installed cuwasm: %s\n", bad ? "FAILED" : "PASSED");
  cw_buffer_free(bx);
  cw_buffer_free(by);
  cw_module_free(m);
  cw_context_free(ctx);
  cw_diags_free(d);
  return bad != 0;
}
