/*
 * vk_event.c — CUDA events on the Vulkan backend.
 *
 * An event is a point in the launch queue: recording it queues a command
 * buffer that writes a GPU timestamp once everything submitted before has
 * finished, and signals the next timeline value (vk_internal.h), so the
 * host does not wait.  Synchronizing waits for that value; the elapsed
 * time between two events is the difference of their timestamps.  Where
 * the queue has no timestamps (or all queries are taken) an event holds
 * only the timeline value, and its time is when the host saw it reached.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "vk_internal.h"

#ifdef CW_HAVE_VULKAN

typedef struct VkEvt {
  uint64_t value;   /* the timeline value it waits for (0: never recorded) */
  bool stamped;     /* holds a timestamp query */
  uint32_t query;
  double host_ms;   /* without a timestamp: when the host saw it reached (0: not yet) */
} VkEvt;

static double now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

cw_status vk_event_new(void *dev, void **be) {
  VkDev *d = dev;
  VkEvt *e = calloc(1, sizeof *e);
  if (!e) return CW_ERR_NOMEM;
  pthread_mutex_lock(&d->run_mu);
  if (d->nfree_stamps) e->stamped = true, e->query = d->free_stamps[--d->nfree_stamps];
  pthread_mutex_unlock(&d->run_mu);
  *be = e;
  return CW_OK;
}

void vk_event_free(void *dev, void *be) {
  VkDev *d = dev;
  VkEvt *e = be;
  pthread_mutex_lock(&d->run_mu);
  vk_wait_value(d, e->value, (char[64]){0}, 64); /* its query may still be written */
  if (e->stamped) d->free_stamps[d->nfree_stamps++] = e->query;
  pthread_mutex_unlock(&d->run_mu);
  free(e);
}

cw_status vk_event_record(void *dev, void *be, void *bs) {
  VkDev *d = dev;
  VkEvt *e = be;
  (void)bs; /* one queue: every stream's work is in submission order */
  char err[256];
  cw_status st = CW_OK;
  pthread_mutex_lock(&d->run_mu);
  e->host_ms = 0;
  if (!e->stamped) {
    e->value = d->submitted;
  } else {
    VkSlot *slot = vk_slot_take(d, err, sizeof err);
    if (!slot) st = CW_ERR_LAUNCH;
    if (st == CW_OK) {
      VkCommandBufferBeginInfo bi = {.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO,
                                     .flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT};
      d->f.vkResetCommandBuffer(slot->cb, 0);
      d->f.vkBeginCommandBuffer(slot->cb, &bi);
      d->f.vkCmdResetQueryPool(slot->cb, d->stamps, e->query, 1);
      d->f.vkCmdWriteTimestamp(slot->cb, VK_PIPELINE_STAGE_BOTTOM_OF_PIPE_BIT, d->stamps, e->query);
      d->f.vkEndCommandBuffer(slot->cb);
      st = vk_slot_submit(d, slot, err, sizeof err);
    }
    if (st == CW_OK) e->value = d->submitted;
  }
  pthread_mutex_unlock(&d->run_mu);
  return st;
}

cw_status vk_event_sync(void *dev, void *be) {
  VkDev *d = dev;
  VkEvt *e = be;
  char err[256];
  pthread_mutex_lock(&d->run_mu);
  cw_status st = vk_wait_value(d, e->value, err, sizeof err);
  if (st == CW_OK && !e->host_ms) e->host_ms = now_ms();
  pthread_mutex_unlock(&d->run_mu);
  return st;
}

cw_status vk_event_elapsed(void *dev, void *a, void *b, float *ms) {
  VkDev *d = dev;
  VkEvt *ea = a, *eb = b;
  cw_status st = vk_event_sync(dev, a);
  if (st == CW_OK) st = vk_event_sync(dev, b);
  if (st != CW_OK) return st;
  if (!ea->stamped || !eb->stamped) {
    *ms = (float)(eb->host_ms - ea->host_ms);
    return CW_OK;
  }
  uint64_t ta, tb;
  VkResult r = d->f.vkGetQueryPoolResults(d->dev, d->stamps, ea->query, 1, sizeof ta, &ta, sizeof ta,
                                          VK_QUERY_RESULT_64_BIT | VK_QUERY_RESULT_WAIT_BIT);
  if (r == VK_SUCCESS)
    r = d->f.vkGetQueryPoolResults(d->dev, d->stamps, eb->query, 1, sizeof tb, &tb, sizeof tb,
                                   VK_QUERY_RESULT_64_BIT | VK_QUERY_RESULT_WAIT_BIT);
  if (r != VK_SUCCESS) return CW_ERR_INVALID;
  *ms = (float)((double)(int64_t)(tb - ta) * d->stamp_ns / 1e6);
  return CW_OK;
}

#endif
