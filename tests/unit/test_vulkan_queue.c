/*
 * test_vulkan_queue.c — the Vulkan backend's launch queue (timeline
 * semaphore, src/rt/vulkan/vk_launch.c) through the public C API: many
 * dependent launches queued without synchronizing keep their order; a
 * copy, a fill and a free wait for the launches before them; events
 * recorded between launches give ordered, non-negative times.  Runs on
 * whatever Vulkan device the machine has (lavapipe in CI, SwiftShader with
 * VK_ICD_FILENAMES); exits 77 (skip) when there is none.
 */
#include "cuwasm.h"

#include <stdio.h>
#include <string.h>

static int passed, failed;
#define CHECK(cond, ...) do { if (cond) passed++; else { failed++; printf("FAIL %s:%d: ", __FILE__, __LINE__); printf(__VA_ARGS__); printf("\n"); } } while (0)

static const char *src =
    "__global__ void inc(int *p) { p[blockIdx.x * blockDim.x + threadIdx.x] += 1; }\n"
    "__global__ void copyTo(const int *a, int *b) { int i = threadIdx.x; b[i] = a[i] * 2; }\n"
    "__global__ void spin(int *p, int n) {\n"
    "  int x = p[threadIdx.x];\n"
    "  for (int i = 0; i < n; i++) x = x * 1103515245 + 12345;\n"
    "  p[threadIdx.x] = x;\n"
    "}\n";

enum { N = 256, LAUNCHES = 600 };

int main(void) {
  cw_device_info info;
  if (!cw_backend_probe("vulkan", &info) || !info.available) {
    printf("SKIP: no Vulkan device (%s)\n", info.reason);
    return 77;
  }
  cw_context *ctx;
  cw_module *m;
  if (cw_context_new("vulkan", &ctx) != CW_OK) {
    printf("SKIP: the Vulkan backend does not open here\n");
    return 77;
  }
  printf("device: %s\n", info.name);
  cw_diags *dg = cw_diags_new();
  if (cw_module_load_source(ctx, "queue.cu", src, strlen(src), NULL, dg, &m) != CW_OK) {
    char *r = cw_diags_render(dg);
    printf("SKIP: cannot load the module here (%s): %s\n", cw_last_error_message(ctx), r ? r : "");
    return 77;
  }
  cw_kernel *inc, *copy_to, *spin;
  CHECK(cw_kernel_get(m, "inc", &inc) == CW_OK && cw_kernel_get(m, "copyTo", &copy_to) == CW_OK &&
            cw_kernel_get(m, "spin", &spin) == CW_OK, "kernels");
  cw_buffer *ba, *bb;
  CHECK(cw_buffer_alloc(ctx, N * sizeof(int), &ba) == CW_OK && cw_buffer_alloc(ctx, N * sizeof(int), &bb) == CW_OK,
        "alloc");
  void *a = cw_buffer_ptr(ba), *b = cw_buffer_ptr(bb);
  unsigned g1[3] = {1, 1, 1}, g2[3] = {2, 1, 1}, blk[3] = {N, 1, 1}, half[3] = {N / 2, 1, 1};
  int host[N];

  /* 1. dependent launches, queued: each sees the one before */
  CHECK(cw_memset(ctx, a, 0, sizeof host) == CW_OK, "memset");
  void *args_a[1] = {&a};
  for (int i = 0; i < LAUNCHES; i++)
    if (cw_launch(inc, i % 2 ? g1 : g2, i % 2 ? blk : half, 0, NULL, args_a) != CW_OK) {
      CHECK(0, "launch %d: %s", i, cw_last_error_message(ctx));
      break;
    }
  CHECK(cw_memcpy_dtoh(ctx, host, a, sizeof host) == CW_OK, "copy back");
  int ok = 1;
  for (int i = 0; i < N; i++) ok &= host[i] == LAUNCHES;
  CHECK(ok, "after %d queued increments element 0 is %d", LAUNCHES, host[0]);

  /* 2. a fill and a host copy between launches wait for the launch before */
  void *args_ab[2] = {&a, &b};
  CHECK(cw_launch(copy_to, g1, blk, 0, NULL, args_ab) == CW_OK, "copyTo");
  CHECK(cw_memset(ctx, a, 0, sizeof host) == CW_OK, "memset after launch");
  CHECK(cw_memcpy_dtoh(ctx, host, b, sizeof host) == CW_OK, "copy b");
  CHECK(host[5] == 2 * LAUNCHES, "copyTo read a before the fill: b[5] = %d", host[5]);
  CHECK(cw_launch(inc, g1, blk, 0, NULL, args_a) == CW_OK, "inc after fill");
  for (int i = 0; i < N; i++) host[i] = 100 + i;
  CHECK(cw_memcpy_htod(ctx, b, host, sizeof host) == CW_OK, "upload");
  CHECK(cw_launch(copy_to, g1, blk, 0, NULL, args_ab) == CW_OK, "copyTo again");
  CHECK(cw_memcpy_dtoh(ctx, host, b, sizeof host) == CW_OK, "copy b again");
  CHECK(host[7] == 2, "b[7] = %d, want 2 (the fill, then one increment)", host[7]);

  /* 3. events around queued work: ordered, non-negative elapsed times */
  cw_event *e0, *e1, *e2;
  CHECK(cw_event_new(ctx, &e0) == CW_OK && cw_event_new(ctx, &e1) == CW_OK && cw_event_new(ctx, &e2) == CW_OK,
        "events");
  int iters = 20000;
  void *args_spin[2] = {&a, &iters};
  CHECK(cw_event_record(e0, NULL) == CW_OK, "record e0");
  for (int i = 0; i < 4; i++) cw_launch(spin, g1, blk, 0, NULL, args_spin);
  CHECK(cw_event_record(e1, NULL) == CW_OK, "record e1");
  cw_launch(spin, g1, blk, 0, NULL, args_spin);
  CHECK(cw_event_record(e2, NULL) == CW_OK, "record e2");
  float t01 = -1, t12 = -1, t02 = -1;
  CHECK(cw_event_synchronize(e2) == CW_OK, "sync e2");
  CHECK(cw_event_elapsed_ms(e0, e1, &t01) == CW_OK && cw_event_elapsed_ms(e1, e2, &t12) == CW_OK &&
            cw_event_elapsed_ms(e0, e2, &t02) == CW_OK, "elapsed");
  CHECK(t01 >= 0 && t12 >= 0 && t02 + 1e-3f >= t01 && t02 + 1e-3f >= t12, "times %g %g %g", t01, t12, t02);
  printf("4 spin launches %.3f ms, 1 spin launch %.3f ms\n", t01, t12);
  cw_event_free(e0), cw_event_free(e1), cw_event_free(e2);

  /* 4. freeing a buffer a queued launch uses waits for it */
  for (int i = 0; i < 8; i++) cw_launch(spin, g1, blk, 0, NULL, args_spin);
  cw_buffer_free(ba);
  CHECK(cw_synchronize(ctx) == CW_OK, "synchronize after free: %s", cw_last_error_message(ctx));

  cw_buffer_free(bb);
  cw_module_free(m);
  cw_context_free(ctx);
  cw_diags_free(dg);
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}
