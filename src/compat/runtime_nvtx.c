/*
 * runtime_nvtx.c — NVTX annotations (include/cuda/nvToolsExt.h).
 *
 * Programs annotated for NVIDIA's profilers build and run unchanged.
 * Push/pop ranges nest per thread (a thread-local stack of names and
 * start times, 64 deep; deeper pushes are counted, not recorded) and
 * return the depth as NVTX does (pop with nothing pushed: -1);
 * start/end ranges are ids into a small table shared by all threads.
 * With CUWASM_NVTX=1 (read once), every closed range is printed to
 * stderr as `nvtx: NAME  1.234 ms`, indented by depth: a poor man's
 * timeline of the program's own regions.  Marks, names and domains are
 * accepted and otherwise ignored (domains are one static handle; strings
 * register as themselves).
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "compat/compat.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <wchar.h>

#include "../../include/cuda/nvToolsExt.h"

enum { NVTX_DEPTH = 64, NVTX_OPEN_RANGES = 256, NVTX_NAME = 96 };

typedef struct NvtxOpen {
  char name[NVTX_NAME];
  double start_ms;
} NvtxOpen;

static _Thread_local NvtxOpen stack[NVTX_DEPTH];
static _Thread_local int depth;

static pthread_mutex_t ranges_mu = PTHREAD_MUTEX_INITIALIZER;
static NvtxOpen ranges[NVTX_OPEN_RANGES]; /* start/end ranges, by id - 1 */
static bool range_used[NVTX_OPEN_RANGES];

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static bool printing(void) {
  static atomic_int on = -1;
  int v = atomic_load(&on);
  if (v < 0) {
    const char *e = getenv("CUWASM_NVTX");
    v = e && *e && strcmp(e, "0") != 0;
    atomic_store(&on, v);
  }
  return v;
}

static const char *name_of_wide(char *out, const wchar_t *w) {
  size_t n = 0;
  for (; w && w[n] && n + 1 < NVTX_NAME; n++) out[n] = w[n] < 128 ? (char)w[n] : '?';
  out[n] = 0;
  return out;
}

static const char *name_of_attr(char *out, const nvtxEventAttributes_t *a) {
  out[0] = 0;
  if (!a) return out;
  if (a->messageType == NVTX_MESSAGE_TYPE_ASCII && a->message.ascii)
    snprintf(out, NVTX_NAME, "%s", a->message.ascii);
  else if (a->messageType == NVTX_MESSAGE_TYPE_UNICODE)
    name_of_wide(out, a->message.unicode);
  else if (a->messageType == NVTX_MESSAGE_TYPE_REGISTERED && a->message.registered)
    snprintf(out, NVTX_NAME, "%s", (const char *)a->message.registered);
  return out;
}

static void closed(const NvtxOpen *r, int indent) {
  if (!printing()) return;
  fprintf(stderr, "nvtx: %*s%s  %.3f ms\n", 2 * indent, "", r->name, now_ms() - r->start_ms);
}

static int push(const char *name) {
  if (depth < NVTX_DEPTH) {
    snprintf(stack[depth].name, NVTX_NAME, "%s", name ? name : "");
    stack[depth].start_ms = now_ms();
  }
  return depth++;
}

int nvtxRangePushA(const char *message) { return push(message); }

int nvtxRangePushW(const wchar_t *message) {
  char name[NVTX_NAME];
  return push(name_of_wide(name, message));
}

int nvtxRangePushEx(const nvtxEventAttributes_t *attr) {
  char name[NVTX_NAME];
  return push(name_of_attr(name, attr));
}

int nvtxRangePop(void) {
  if (depth == 0) return -1;
  depth--;
  if (depth < NVTX_DEPTH) closed(&stack[depth], depth);
  return depth;
}

static nvtxRangeId_t start(const char *name) {
  pthread_mutex_lock(&ranges_mu);
  nvtxRangeId_t id = 0;
  for (int i = 0; i < NVTX_OPEN_RANGES && !id; i++)
    if (!range_used[i]) {
      range_used[i] = true;
      snprintf(ranges[i].name, NVTX_NAME, "%s", name ? name : "");
      ranges[i].start_ms = now_ms();
      id = (nvtxRangeId_t)i + 1;
    }
  pthread_mutex_unlock(&ranges_mu);
  return id; /* 0: too many open at once; its end is ignored */
}

nvtxRangeId_t nvtxRangeStartA(const char *message) { return start(message); }

nvtxRangeId_t nvtxRangeStartW(const wchar_t *message) {
  char name[NVTX_NAME];
  return start(name_of_wide(name, message));
}

nvtxRangeId_t nvtxRangeStartEx(const nvtxEventAttributes_t *attr) {
  char name[NVTX_NAME];
  return start(name_of_attr(name, attr));
}

void nvtxRangeEnd(nvtxRangeId_t id) {
  if (id == 0 || id > NVTX_OPEN_RANGES) return;
  pthread_mutex_lock(&ranges_mu);
  if (range_used[id - 1]) {
    closed(&ranges[id - 1], 0);
    range_used[id - 1] = false;
  }
  pthread_mutex_unlock(&ranges_mu);
}

void nvtxInitialize(const void *reserved) { (void)reserved; }
void nvtxMarkA(const char *message) { (void)message; }
void nvtxMarkW(const wchar_t *message) { (void)message; }
void nvtxMarkEx(const nvtxEventAttributes_t *attr) { (void)attr; }
void nvtxNameCategoryA(uint32_t category, const char *name) { (void)category, (void)name; }
void nvtxNameCategoryW(uint32_t category, const wchar_t *name) { (void)category, (void)name; }
void nvtxNameOsThreadA(uint32_t thread_id, const char *name) { (void)thread_id, (void)name; }
void nvtxNameOsThreadW(uint32_t thread_id, const wchar_t *name) { (void)thread_id, (void)name; }

/* One domain for all: NVTX only groups annotations by it. */
static struct nvtxDomainRegistration_st *the_domain(void) {
  static char domain;
  return (struct nvtxDomainRegistration_st *)(void *)&domain;
}

nvtxDomainHandle_t nvtxDomainCreateA(const char *name) { (void)name; return the_domain(); }
nvtxDomainHandle_t nvtxDomainCreateW(const wchar_t *name) { (void)name; return the_domain(); }
void nvtxDomainDestroy(nvtxDomainHandle_t domain) { (void)domain; }

/* A registered string is the caller's string (NVTX requires it to live
 * as long as the domain). */
nvtxStringHandle_t nvtxDomainRegisterStringA(nvtxDomainHandle_t domain, const char *string) {
  (void)domain;
  return (nvtxStringHandle_t)(void *)(uintptr_t)string;
}

nvtxStringHandle_t nvtxDomainRegisterStringW(nvtxDomainHandle_t domain, const wchar_t *string) {
  (void)domain, (void)string;
  return NULL; /* wide registered strings print as empty names */
}

void nvtxDomainMarkEx(nvtxDomainHandle_t domain, const nvtxEventAttributes_t *attr) {
  (void)domain, (void)attr;
}

nvtxRangeId_t nvtxDomainRangeStartEx(nvtxDomainHandle_t domain, const nvtxEventAttributes_t *attr) {
  (void)domain;
  return nvtxRangeStartEx(attr);
}

void nvtxDomainRangeEnd(nvtxDomainHandle_t domain, nvtxRangeId_t id) {
  (void)domain;
  nvtxRangeEnd(id);
}

int nvtxDomainRangePushEx(nvtxDomainHandle_t domain, const nvtxEventAttributes_t *attr) {
  (void)domain;
  return nvtxRangePushEx(attr);
}

int nvtxDomainRangePop(nvtxDomainHandle_t domain) {
  (void)domain;
  return nvtxRangePop();
}

void nvtxDomainNameCategoryA(nvtxDomainHandle_t domain, uint32_t category, const char *name) {
  (void)domain, (void)category, (void)name;
}
