/*
 * cuda_staging_check.c — host-to-device copies from pageable memory
 * through the CUDA backend's pinned staging buffers (src/rt/cuda/
 * cuda_staging.c), against the fake driver, whose asynchronous copies
 * run only when the host waits for them (fake_stream.c): a staging
 * buffer refilled before its DMA ran, or a blocking copy that returns
 * before its DMAs did, leaves wrong bytes on the "device" here.
 *
 * With 1 and 3 memcpy threads (CUWASM_CUDA_STAGING_THREADS) and with
 * staging off (CUWASM_CUDA_STAGING=0), each its own context: blocking
 * copies (the first one through the driver while the ring is made, the
 * later ones staged) of sizes around the chunk sizes, from the 1 MiB
 * threshold to 13 MiB (3 memcpy threads' worth), none a multiple of a
 * chunk, at odd offsets, are on the device when the call returns, the
 * bytes around them untouched; asynchronous copies on a stream, with the
 * host buffer overwritten right after each call, deliver what the buffer
 * held at the call; two host threads copy at once; copies under the
 * threshold and all copies with staging off queue no asynchronous copy of
 * the driver, staged ones several; memory page-locked by cw_host_register
 * (cudaHostRegister) is not staged, and is staged again once unregistered.  Run with CUWASM_BACKEND=cuda and the
 * fake driver first on the library path
 * (tests/CMakeLists.txt).
 */
#include <dlfcn.h>
#include <pthread.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cuwasm.h"

static int failures;
static pthread_mutex_t report = PTHREAD_MUTEX_INITIALIZER;
#define EXPECT(c)                                                               \
  do {                                                                          \
    if (!(c)) {                                                                 \
      pthread_mutex_lock(&report);                                              \
      failures++;                                                               \
      fprintf(stderr, "FAIL %s:%d [%s]: %s\n", __FILE__, __LINE__, label, #c);  \
      pthread_mutex_unlock(&report);                                            \
    }                                                                           \
  } while (0)

enum { MiB = 1 << 20, GUARD = 0xAB, SPAN = 16 * MiB };

static unsigned long (*async_copies)(void);

/* a pattern of period 65521 bytes (prime: a chunk landing at another
 * multiple of 64 KiB does not match), written once and doubled with
 * memcpy, which ThreadSanitizer checks as one range */
static void fill(unsigned char *p, size_t n, unsigned seed) {
  enum { PERIOD = 65521 };
  size_t done = n < PERIOD ? n : PERIOD;
  for (size_t i = 0; i < done; i++) p[i] = (unsigned char)(i * 131u + (i >> 9) + seed * 29u);
  while (done < n) {
    size_t more = done < n - done ? done : n - done;
    memcpy(p + done, p, more);
    done += more;
  }
}

/* the device region [off, off+n) holds src, the bytes around it GUARD */
static bool landed(const unsigned char *dev, size_t off, const unsigned char *src, size_t n) {
  if (memcmp(dev + off, src, n)) return false;
  for (size_t i = off > 64 ? off - 64 : 0; i < off; i++)
    if (dev[i] != GUARD) return false;
  for (size_t i = off + n; i < off + n + 64; i++)
    if (dev[i] != GUARD) return false;
  return true;
}

static const size_t sizes[] = {1 * MiB, 2 * MiB + 1, 5 * MiB + 3, 9 * MiB - 5, 13 * MiB + 17};
enum { NSIZES = sizeof sizes / sizeof sizes[0] };

typedef struct Job {
  cw_context *ctx;
  const char *label;
  bool staged; /* staging on: big copies queue driver copies */
  bool alone;  /* no other thread copies meanwhile: counts are exact */
  unsigned seed;
} Job;

/* blocking copies: on the device when the call returns */
static void blocking_copies(const Job *j) {
  const char *label = j->label;
  cw_buffer *b = NULL;
  unsigned char *host = malloc(SPAN);
  if (!host || cw_buffer_alloc(j->ctx, SPAN, &b) != CW_OK) {
    EXPECT(!"allocation");
    free(host);
    return;
  }
  unsigned char *dev = cw_buffer_ptr(b);
  for (int i = 0; i < NSIZES; i++) {
    size_t n = sizes[i], so = (size_t)i * 3 + 1, dof = 4096 + (size_t)i * 7 + 5;
    memset(dev, GUARD, dof + n + 64);
    fill(host, so + n, j->seed + (unsigned)i);
    unsigned long before = async_copies();
    EXPECT(cw_memcpy_htod(j->ctx, dev + dof, host + so, n) == CW_OK);
    unsigned long queued = async_copies() - before;
    EXPECT(landed(dev, dof, host + so, n)); /* no wait in between */
    if (j->staged) EXPECT(queued >= 3); /* chunks start at 256 KiB */
    else EXPECT(queued == 0);
  }
  /* under the threshold: the driver's copy */
  memset(dev, GUARD, 100 + 64 * 1024 + 1 + 64);
  fill(host, 3 + 64 * 1024 + 1, j->seed + 99);
  unsigned long before = async_copies();
  EXPECT(cw_memcpy_htod(j->ctx, dev + 100, host + 3, 64 * 1024 + 1) == CW_OK);
  if (j->alone) EXPECT(async_copies() == before);
  EXPECT(landed(dev, 100, host + 3, 64 * 1024 + 1));
  cw_buffer_free(b);
  free(host);
}

/* asynchronous copies on a stream from one pageable buffer, overwritten
 * right after each call: each region gets what the buffer held then */
static void async_copies_overwritten(const Job *j) {
  const char *label = j->label;
  cw_buffer *b = NULL;
  cw_stream *s = NULL;
  size_t total = 0;
  for (int i = 0; i < NSIZES; i++) total += sizes[i] + 256;
  unsigned char *host = malloc(sizes[NSIZES - 1] + 16), *want = malloc(total);
  if (!host || !want || cw_buffer_alloc(j->ctx, total + 256, &b) != CW_OK ||
      cw_stream_new(j->ctx, &s) != CW_OK) {
    EXPECT(!"allocation");
    free(host), free(want);
    return;
  }
  unsigned char *dev = cw_buffer_ptr(b);
  memset(dev, GUARD, total + 256);
  memset(want, GUARD, total);
  size_t at = 64;
  for (int i = 0; i < NSIZES; i++) {
    size_t n = sizes[i];
    fill(host, n + 16, j->seed * 5 + (unsigned)i);
    memcpy(want + at, host + 5, n);
    EXPECT(cw_memcpy_async(j->ctx, dev + at, host + 5, n, s) == CW_OK);
    memset(host, 0xEE, n + 16); /* the caller may reuse its buffer at once */
    at += n + 256;
  }
  EXPECT(cw_stream_synchronize(s) == CW_OK);
  EXPECT(!memcmp(dev, want, total));
  cw_stream_free(s);
  cw_buffer_free(b);
  free(host), free(want);
}

/* host memory the backend page-locked copies straight from (the driver's
 * DMA), not through the staging buffers; unregistered, it is pageable again */
static void registered_copies(cw_context *ctx, const char *label) {
  enum { N = 4 * MiB + 9 };
  cw_buffer *b = NULL;
  unsigned char *host = malloc(N);
  if (!host || cw_buffer_alloc(ctx, N + 128, &b) != CW_OK) {
    EXPECT(!"allocation");
    free(host);
    return;
  }
  unsigned char *dev = cw_buffer_ptr(b);
  EXPECT(cw_host_register(ctx, host, N) == CW_OK);
  EXPECT(cw_host_register(ctx, host + 4096, 4096) != CW_OK); /* already registered */
  memset(dev, GUARD, N + 128);
  fill(host, N, 41);
  unsigned long before = async_copies();
  EXPECT(cw_memcpy_htod(ctx, dev + 3, host, N) == CW_OK);
  EXPECT(async_copies() == before);
  EXPECT(landed(dev, 3, host, N));
  cw_host_unregister(ctx, host);
  fill(host, N, 42);
  before = async_copies();
  EXPECT(cw_memcpy_htod(ctx, dev + 3, host, N) == CW_OK);
  EXPECT(async_copies() - before >= 3);
  EXPECT(landed(dev, 3, host, N));
  cw_buffer_free(b);
  free(host);
}

static void *run_job(void *arg) {
  const Job *j = arg;
  blocking_copies(j);
  async_copies_overwritten(j);
  return NULL;
}

/* one context: its copies alone, then two host threads at once */
static void check_context(const char *label, const char *threads, bool staged) {
  if (staged) {
    unsetenv("CUWASM_CUDA_STAGING");
    setenv("CUWASM_CUDA_STAGING_THREADS", threads, 1);
  } else {
    setenv("CUWASM_CUDA_STAGING", "0", 1);
  }
  cw_context *ctx = NULL;
  if (cw_context_new("cuda", &ctx) != CW_OK) {
    EXPECT(!"a context on the fake driver");
    fprintf(stderr, "  %s\n", cw_last_error_message(NULL));
    return;
  }
  /* the first copy that wants staging goes to the driver while the ring
   * is made in the background; the next ones use it */
  cw_buffer *b = NULL;
  enum { FIRST = 2 * MiB + 3 };
  unsigned char *host = malloc(FIRST);
  EXPECT(host && cw_buffer_alloc(ctx, FIRST + 64, &b) == CW_OK);
  if (host && b) {
    unsigned char *dev = cw_buffer_ptr(b);
    memset(dev, GUARD, FIRST + 64);
    fill(host, FIRST, 77);
    unsigned long before = async_copies();
    EXPECT(cw_memcpy_htod(ctx, dev + 1, host + 1, FIRST - 1) == CW_OK);
    EXPECT(async_copies() == before);
    EXPECT(landed(dev, 1, host + 1, FIRST - 1));
  }
  if (b) cw_buffer_free(b);
  free(host);
  if (staged) registered_copies(ctx, label);
  Job one = {ctx, label, staged, true, 1};
  run_job(&one);
  Job two[2] = {{ctx, label, staged, false, 2}, {ctx, label, staged, false, 3}};
  pthread_t t[2];
  for (int i = 0; i < 2; i++) pthread_create(&t[i], NULL, run_job, &two[i]);
  for (int i = 0; i < 2; i++) pthread_join(t[i], NULL);
  cw_context_free(ctx);
}

int main(void) {
  void *drv = dlopen("libcuda.so.1", RTLD_NOW);
  async_copies = drv ? (unsigned long (*)(void))dlsym(drv, "fake_async_copies") : NULL;
  if (!async_copies) {
    fprintf(stderr, "FAIL: the fake driver is not first on the library path\n");
    return 1;
  }
  check_context("1 memcpy thread", "1", true);
  check_context("3 memcpy threads", "3", true);
  check_context("staging off", "", false);
  if (failures) return 1;
  puts("pageable host-to-device copies through the CUDA backend's staging buffers: ok");
  return 0;
}
