/*
 * vk_printf.c — device printf on Vulkan: the shader appends records to a
 * host-visible buffer (layout in emit.h, GlslPrintf), and after the launch
 * the host formats them with the call site's format string, in the order
 * the threads reserved their records.  A failed device assert is such a
 * record too, and fails the launch with cudaErrorAssert.  Output waits in the device until
 * the runtime core takes it (take_output), as on the CPU backend.  A full
 * buffer drops further records and says how many.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vk_internal.h"

#ifdef CW_HAVE_VULKAN

enum { PRINTF_BYTES = 1 << 20 };

static void out_append(VkDev *d, const char *s, size_t n) {
  if (d->outn + n + 1 > d->outcap) {
    size_t cap = d->outcap ? d->outcap * 2 : 4096;
    while (cap < d->outn + n + 1) cap *= 2;
    char *b = realloc(d->out, cap);
    if (!b) return;
    d->out = b, d->outcap = cap;
  }
  memcpy(d->out + d->outn, s, n);
  d->outn += n;
  d->out[d->outn] = 0;
}

cw_status vk_printf_prepare(VkDev *d) {
  if (!d->printf_buf.buf && vk_buffer_new(d, PRINTF_BYTES, true, &d->printf_buf) != CW_OK) return CW_ERR_NOMEM;
  uint32_t head[2] = {0, (PRINTF_BYTES - 8) / 4};
  memcpy(d->printf_buf.map, head, sizeof head);
  return CW_OK;
}

/* one conversion: spec is "%...c" (flags, width, precision, length, conv) */
static void convert(VkDev *d, const char *spec, size_t n, char type, uint64_t v, const GlslPrintf *p) {
  char f[64], buf[512];
  char conv = spec[n - 1];
  size_t k = 0;
  for (size_t i = 0; i < n - 1 && k < sizeof f - 4; i++)
    if (!strchr("hlLqjzt", spec[i])) f[k++] = spec[i]; /* our own length below */
  int len = 0;
  if (strchr("diouxXc", conv)) {
    f[k++] = 'l', f[k++] = 'l', f[k++] = conv, f[k] = 0;
    if (conv == 'c') k -= 2, f[k - 1] = 'c', f[k] = 0;
    long long x = type == 'i' ? (long long)v : (long long)v;
    if (type == 'f') { float fl; uint32_t u = (uint32_t)v; memcpy(&fl, &u, 4); x = (long long)fl; }
    len = conv == 'c' ? snprintf(buf, sizeof buf, f, (int)x) : snprintf(buf, sizeof buf, f, x);
  } else if (strchr("fFeEgGaA", conv)) {
    f[k++] = conv, f[k] = 0;
    double x;
    if (type == 'f') { float fl; uint32_t u = (uint32_t)v; memcpy(&fl, &u, 4); x = fl; }
    else if (type == 'd') memcpy(&x, &v, 8);
    else x = type == 'i' ? (double)(int64_t)v : (double)v;
    len = snprintf(buf, sizeof buf, f, x);
  } else if (conv == 's') {
    f[k++] = 's', f[k] = 0;
    const char *s = type == 's' && v < (uint64_t)p->nstrs ? p->strs[v] : "(string)";
    len = snprintf(buf, sizeof buf, f, s);
  } else if (conv == 'p') {
    len = snprintf(buf, sizeof buf, "0x%llx", (unsigned long long)v);
  }
  if (len > 0) out_append(d, buf, (size_t)len < sizeof buf ? (size_t)len : sizeof buf - 1);
}

static void format(VkDev *d, const GlslPrintf *p, const uint64_t *args, int nargs) {
  const char *s = p->fmt;
  int ai = 0;
  while (*s) {
    const char *pc = strchr(s, '%');
    if (!pc) {
      out_append(d, s, strlen(s));
      break;
    }
    out_append(d, s, (size_t)(pc - s));
    if (pc[1] == '%') {
      out_append(d, "%", 1);
      s = pc + 2;
      continue;
    }
    size_t n = 1 + strspn(pc + 1, "-+ #0123456789.*hlLqjzt");
    if (!pc[n]) break;
    n++;
    if (ai < nargs) convert(d, pc, n, p->types[ai], args[ai], p);
    ai++;
    s = pc + n;
  }
}

void vk_printf_drain(VkDev *d, VkKernel *k) {
  uint32_t head[2];
  memcpy(head, d->printf_buf.map, sizeof head);
  unsigned char *rec = d->printf_buf.map + 8;
  uint32_t used = head[0] < head[1] ? head[0] : head[1], at = 0, dropped = 0;
  pthread_mutex_lock(&d->mu);
  while (at + 2 <= used) {
    uint32_t w[2];
    memcpy(w, rec + 4 * at, 8);
    if (w[1] < 2 || at + w[1] > used || w[0] >= (uint32_t)k->info.nprintfs) break;
    int nargs = (int)(w[1] - 2) / 2;
    uint64_t args[64];
    if (nargs > 64) nargs = 64;
    memcpy(args, rec + 4 * at + 8, 8 * (size_t)nargs);
    const GlslPrintf *site = &k->info.printfs[w[0]];
    if (site->is_assert && nargs == 6 && !d->assert_msg[0])
      snprintf(d->assert_msg, sizeof d->assert_msg,
               "device-side assert triggered (cudaErrorAssert): %s block [%u,%u,%u], thread [%u,%u,%u]",
               site->fmt, (unsigned)args[0], (unsigned)args[1], (unsigned)args[2], (unsigned)args[3],
               (unsigned)args[4], (unsigned)args[5]);
    else if (!site->is_assert)
      format(d, site, args, nargs);
    at += w[1];
  }
  if (head[0] > head[1]) dropped = 1;
  if (dropped) {
    const char *msg = "[cuwasm] device printf buffer full: later output was dropped\n";
    out_append(d, msg, strlen(msg));
  }
  pthread_mutex_unlock(&d->mu);
}

char *vk_take_output(void *dev) {
  VkDev *d = dev;
  pthread_mutex_lock(&d->mu);
  char *s = d->out;
  d->out = NULL, d->outn = d->outcap = 0;
  pthread_mutex_unlock(&d->mu);
  return s;
}

#endif
