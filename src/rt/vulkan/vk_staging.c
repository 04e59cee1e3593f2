/*
 * vk_staging.c — copies and fills of device memory the host cannot map
 * (device-local memory of discrete GPUs without resizable BAR).
 *
 * Host data passes through one host-visible staging buffer, in chunks of
 * at most STAGE_BYTES, each moved by vkCmdCopyBuffer in a one-time command
 * buffer waited on with the device's fence; device-to-device copies need
 * no staging.  Fills of whole 32-bit words use vkCmdFillBuffer, others
 * write the bytes through the staging buffer.  Everything runs under the
 * launch lock, so a copy never overlaps a kernel.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vk_internal.h"

#ifdef CW_HAVE_VULKAN

enum { STAGE_BYTES = 16 << 20 };

static void begin(VkDev *d) {
  VkCommandBufferBeginInfo bi = {.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO,
                                 .flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT};
  d->f.vkResetCommandBuffer(d->cb, 0);
  d->f.vkBeginCommandBuffer(d->cb, &bi);
}

static cw_status finish(VkDev *d) {
  d->f.vkEndCommandBuffer(d->cb);
  VkSubmitInfo si = {.sType = VK_STRUCTURE_TYPE_SUBMIT_INFO, .commandBufferCount = 1,
                     .pCommandBuffers = &d->cb};
  VkResult r = d->f.vkQueueSubmit(d->queue, 1, &si, d->fence);
  if (r == VK_SUCCESS) r = d->f.vkWaitForFences(d->dev, 1, &d->fence, VK_TRUE, UINT64_MAX);
  d->f.vkResetFences(d->dev, 1, &d->fence);
  return r == VK_SUCCESS ? CW_OK : CW_ERR_LAUNCH;
}

static void copy_cmd(VkDev *d, VkBuffer from, size_t foff, VkBuffer to, size_t toff, size_t n) {
  VkBufferCopy c = {.srcOffset = foff, .dstOffset = toff, .size = n};
  d->f.vkCmdCopyBuffer(d->cb, from, to, 1, &c);
}

static cw_status staged(VkDev *d, const VkAlloc *dst, size_t doff, const VkAlloc *src, size_t soff,
                        void *host_dst, const void *host_src, size_t n) {
  if (!d->stage.buf && vk_buffer_new(d, STAGE_BYTES, true, &d->stage) != CW_OK) return CW_ERR_NOMEM;
  for (size_t done = 0; done < n;) {
    size_t k = n - done < STAGE_BYTES ? n - done : STAGE_BYTES;
    if (host_src) memcpy(d->stage.map, (const unsigned char *)host_src + done, k);
    else if (src->map) memcpy(d->stage.map, src->map + soff + done, k);
    begin(d);
    if (!host_src && !src->map) copy_cmd(d, src->buf, soff + done, d->stage.buf, 0, k);
    if (!host_dst && !dst->map) copy_cmd(d, d->stage.buf, 0, dst->buf, doff + done, k);
    cw_status st = finish(d);
    if (st != CW_OK) return st;
    if (host_dst) memcpy((unsigned char *)host_dst + done, d->stage.map, k);
    else if (dst->map) memcpy(dst->map + doff + done, d->stage.map, k);
    done += k;
  }
  return CW_OK;
}

cw_status vk_stage_copy(VkDev *d, const VkAlloc *dst, size_t doff, const VkAlloc *src, size_t soff,
                        void *host_dst, const void *host_src, size_t n) {
  pthread_mutex_lock(&d->run_mu);
  cw_status st;
  if (dst && src && !dst->map && !src->map) { /* device to device */
    begin(d);
    copy_cmd(d, src->buf, soff, dst->buf, doff, n);
    st = finish(d);
  } else {
    st = staged(d, dst, doff, src, soff, host_dst, host_src, n);
  }
  pthread_mutex_unlock(&d->run_mu);
  return st;
}

cw_status vk_stage_fill(VkDev *d, const VkAlloc *dst, size_t off, int value, size_t n) {
  if (off % 4 == 0 && n % 4 == 0) {
    pthread_mutex_lock(&d->run_mu);
    begin(d);
    uint32_t b = (uint8_t)value;
    d->f.vkCmdFillBuffer(d->cb, dst->buf, off, n, b | b << 8 | b << 16 | b << 24);
    cw_status st = finish(d);
    pthread_mutex_unlock(&d->run_mu);
    return st;
  }
  unsigned char *tmp = malloc(n);
  if (!tmp) return CW_ERR_NOMEM;
  memset(tmp, value, n);
  cw_status st = vk_stage_copy(d, dst, off, NULL, 0, NULL, tmp, n);
  free(tmp);
  return st;
}

#endif
