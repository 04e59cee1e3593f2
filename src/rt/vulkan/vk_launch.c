/*
 * vk_launch.c — one kernel launch on the Vulkan backend.
 *
 * The launch is checked against CUDA's limits and then the device's own
 * (workgroup size, shared memory) with CUDA's error names, and against the
 * features the kernel's shader needs.  A pipeline is made per kernel,
 * block shape and dynamic shared size (specialization constants, emit.h),
 * through the device's pipeline cache.  Arguments are written into the
 * parameter block at CUDA's offsets followed by the module globals'
 * addresses.  Grids larger than maxComputeWorkGroupCount, or whose
 * per-thread frames would need too much scratch memory, are split into
 * several dispatches, each told its first block in the push constants.
 * The launch is queued, not waited for (timeline semaphore, see
 * vk_internal.h): it signals the next timeline value, and vk_sync /
 * vk_drain wait for the last one.  A launch with printf or assert waits,
 * so its output and its failure belong to it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "vk_internal.h"

#ifdef CW_HAVE_VULKAN

enum { SCRATCH_MAX = 256u << 20 };

static cw_status need(bool have, const char *what, const char *feature, const VkKernel *k,
                      const VkDev *d, char *err, size_t errn) {
  if (have) return CW_OK;
  snprintf(err, errn, "kernel '%s' uses %s, but Vulkan device '%s' lacks %s (cudaErrorNotSupported)",
           k->name, what, d->props.deviceName, feature);
  return CW_ERR_UNSUPPORTED;
}

static cw_status check_features(VkDev *d, VkKernel *k, const uint32_t block[3], char *err, size_t errn) {
  unsigned f = k->info.features;
  VkCaps *c = &d->caps;
  cw_status st = CW_OK;
  if (st == CW_OK && (f & GLSL_F_F64)) st = need(c->f64, "double", "shaderFloat64", k, d, err, errn);
  if (st == CW_OK && (f & GLSL_F_F16)) st = need(c->f16, "half", "shaderFloat16 with 16-bit storage", k, d, err, errn);
  if (st == CW_OK && (f & GLSL_F_I16)) st = need(c->i16, "16-bit integers", "shaderInt16 with 16-bit storage", k, d, err, errn);
  if (st == CW_OK && (f & GLSL_F_I8)) st = need(c->i8, "8-bit integers or bool in memory", "shaderInt8 with 8-bit storage", k, d, err, errn);
  if (st == CW_OK && (f & GLSL_F_ATOMIC64)) st = need(c->atomic64, "64-bit atomics", "shaderBufferInt64Atomics", k, d, err, errn);
  if (st != CW_OK || !(f & GLSL_F_WARP)) return st;
  if ((st = need(c->sub_ext, "warp functions", "shaderSubgroupExtendedTypes", k, d, err, errn)) != CW_OK)
    return st;
  bool ok = c->subgroup == 32 || (c->size_control && c->sub_min <= 32 && c->sub_max >= 32);
  if (!ok) {
    snprintf(err, errn, "kernel '%s' uses warp functions (shuffles, votes, __syncwarp), which need "
             "32-wide subgroups; Vulkan device '%s' has subgroups of %u-%u (cudaErrorNotSupported)",
             k->name, d->props.deviceName, c->sub_min, c->sub_max);
    return CW_ERR_UNSUPPORTED;
  }
  (void)block;
  return CW_OK;
}

static cw_status check_limits(VkDev *d, VkKernel *k, const uint32_t grid[3], const uint32_t block[3],
                              size_t shared, char *err, size_t errn) {
  size_t total = (size_t)k->info.dyn_shared_offset + shared;
  if (!shared) total = (size_t)k->info.static_shared;
  cw_status st = cw_check_launch_config(grid, block, total, err, errn);
  if (st != CW_OK) return st;
  VkPhysicalDeviceLimits *l = &d->props.limits;
  uint64_t threads = (uint64_t)block[0] * block[1] * block[2];
  if (threads > l->maxComputeWorkGroupInvocations || block[0] > l->maxComputeWorkGroupSize[0] ||
      block[1] > l->maxComputeWorkGroupSize[1] || block[2] > l->maxComputeWorkGroupSize[2]) {
    snprintf(err, errn, "invalid configuration argument (cudaErrorInvalidConfiguration): block "
             "(%u,%u,%u) exceeds Vulkan device '%s' (%u invocations; %u,%u,%u)", block[0], block[1],
             block[2], d->props.deviceName, l->maxComputeWorkGroupInvocations,
             l->maxComputeWorkGroupSize[0], l->maxComputeWorkGroupSize[1], l->maxComputeWorkGroupSize[2]);
    return CW_ERR_LAUNCH;
  }
  if (total + 8 > l->maxComputeSharedMemorySize) {
    snprintf(err, errn, "too many resources requested for launch (cudaErrorLaunchOutOfResources): "
             "%zu bytes of shared memory exceed Vulkan device '%s''s %u", total,
             d->props.deviceName, l->maxComputeSharedMemorySize);
    return CW_ERR_LAUNCH;
  }
  return CW_OK;
}

static bool needs_32(const VkDev *d, const VkKernel *k) {
  return (k->info.features & GLSL_F_WARP) && d->caps.subgroup != 32 && d->caps.size_control;
}

static cw_status make_pipe(VkDev *d, VkKernel *k, const uint32_t block[3], uint32_t dyn_words,
                           VkPipeline *out, char *err, size_t errn) {
  uint32_t spec[4] = {block[0], block[1], block[2], dyn_words};
  VkSpecializationMapEntry me[4];
  for (uint32_t i = 0; i < 4; i++) me[i] = (VkSpecializationMapEntry){i, i * 4, 4};
  VkSpecializationInfo si = {4, me, sizeof spec, spec};
  VkPipelineShaderStageRequiredSubgroupSizeCreateInfo rs = {
      .sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_REQUIRED_SUBGROUP_SIZE_CREATE_INFO,
      .requiredSubgroupSize = 32};
  VkPipelineShaderStageCreateInfo stage = {.sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO,
                                           .stage = VK_SHADER_STAGE_COMPUTE_BIT, .module = k->shader,
                                           .pName = "main", .pSpecializationInfo = &si};
  if (needs_32(d, k)) {
    stage.pNext = &rs;
    if (d->caps.full_subgroups && block[0] % 32 == 0)
      stage.flags |= VK_PIPELINE_SHADER_STAGE_CREATE_REQUIRE_FULL_SUBGROUPS_BIT;
  }
  VkComputePipelineCreateInfo ci = {.sType = VK_STRUCTURE_TYPE_COMPUTE_PIPELINE_CREATE_INFO,
                                    .stage = stage, .layout = d->layout};
  VkResult r = d->f.vkCreateComputePipelines(d->dev, d->pcache, 1, &ci, NULL, out);
  if (r != VK_SUCCESS) {
    snprintf(err, errn, "vkCreateComputePipelines failed for kernel '%s': %s", k->name, vk_result_name(r));
    return CW_ERR_LAUNCH;
  }
  return CW_OK;
}

static cw_status pipeline(VkDev *d, VkKernel *k, const uint32_t block[3], uint32_t dyn_words,
                          VkPipeline *out, char *err, size_t errn) {
  for (int i = 0; i < k->npipes; i++) {
    VkPipe *p = &k->pipes[i];
    if (!memcmp(p->block, block, sizeof p->block) && p->dyn_words == dyn_words) {
      *out = p->pipe;
      return CW_OK;
    }
  }
  cw_status st = vk_shader(d, k, err, errn);
  if (st == CW_OK) st = make_pipe(d, k, block, dyn_words, out, err, errn);
  if (st != CW_OK) return st;
  VkPipe *n = realloc(k->pipes, sizeof *n * (size_t)(k->npipes + 1));
  if (!n) {
    d->f.vkDestroyPipeline(d->dev, *out, NULL);
    return CW_ERR_NOMEM;
  }
  k->pipes = n;
  k->pipes[k->npipes++] = (VkPipe){{block[0], block[1], block[2]}, dyn_words, *out};
  return CW_OK;
}

/* a reusable buffer of at least n bytes */
static cw_status ensure(VkDev *d, VkAlloc *a, size_t n) {
  if (a->buf && a->size >= n) return CW_OK;
  vk_buffer_free(d, a);
  size_t want = 4096;
  while (want < n) want *= 2;
  return vk_buffer_new(d, want, true, a);
}

static cw_status write_params(VkDev *d, VkAlloc *params, VkKernel *k, void **args) {
  VkModule *vm = k->mod;
  size_t n = (size_t)k->globals_offset + 8u * (size_t)vm->nglobals + 8;
  cw_status st = ensure(d, params, n);
  if (st != CW_OK) return st;
  for (int i = 0; i < k->nparams; i++) memcpy(params->map + k->poffsets[i], args[i], k->psizes[i]);
  memcpy(params->map + k->globals_offset, vm->global_addrs, 8u * (size_t)vm->nglobals);
  return CW_OK;
}

cw_status vk_wait_value(VkDev *d, uint64_t value, char *err, size_t errn) {
  if (!value) return CW_OK;
  VkSemaphoreWaitInfo wi = {.sType = VK_STRUCTURE_TYPE_SEMAPHORE_WAIT_INFO, .semaphoreCount = 1,
                            .pSemaphores = &d->timeline, .pValues = &value};
  VkResult r = d->f.vkWaitSemaphores(d->dev, &wi, UINT64_MAX);
  if (r != VK_SUCCESS) {
    snprintf(err, errn, "unspecified launch failure (cudaErrorLaunchFailure): Vulkan %s",
             vk_result_name(r));
    return CW_ERR_LAUNCH;
  }
  return CW_OK;
}

cw_status vk_drain(VkDev *d, char *err, size_t errn) { return vk_wait_value(d, d->submitted, err, errn); }

VkSlot *vk_slot_take(VkDev *d, char *err, size_t errn) {
  VkSlot *slot = &d->ring[d->next_slot++ % VK_RING];
  return vk_wait_value(d, slot->value, err, errn) == CW_OK ? slot : NULL; /* its last use is over */
}

cw_status vk_sync(void *dev, char *err, size_t errn) {
  VkDev *d = dev;
  pthread_mutex_lock(&d->run_mu);
  cw_status st = vk_drain(d, err, errn);
  pthread_mutex_unlock(&d->run_mu);
  return st;
}

/* blocks per dispatch in each dimension: the device's limit, and few
 * enough that every thread's frame fits the scratch buffer */
static void chunk_dims(VkDev *d, VkKernel *k, const uint32_t grid[3], const uint32_t block[3],
                       uint32_t chunk[3]) {
  for (int i = 0; i < 3; i++) {
    chunk[i] = grid[i] < d->props.limits.maxComputeWorkGroupCount[i] ? grid[i]
                                                                       : d->props.limits.maxComputeWorkGroupCount[i];
    if (!chunk[i]) chunk[i] = 1;
  }
  uint64_t per_block = (uint64_t)k->info.frame_bytes * block[0] * block[1] * block[2];
  if (!per_block) return;
  uint64_t max_blocks = SCRATCH_MAX / per_block ? SCRATCH_MAX / per_block : 1;
  while ((uint64_t)chunk[0] * chunk[1] * chunk[2] > max_blocks) {
    int big = chunk[2] > 1 ? 2 : chunk[1] > 1 ? 1 : 0;
    chunk[big] = (chunk[big] + 1) / 2;
  }
}

static void record(VkDev *d, VkSlot *slot, VkPipeline pipe, const uint32_t grid[3],
                   const uint32_t chunk[3], bool barriers) {
  VkFns *f = &d->f;
  VkCommandBuffer cb = slot->cb;
  VkMemoryBarrier mb = {.sType = VK_STRUCTURE_TYPE_MEMORY_BARRIER,
                        .srcAccessMask = VK_ACCESS_SHADER_WRITE_BIT | VK_ACCESS_SHADER_READ_BIT,
                        .dstAccessMask = VK_ACCESS_SHADER_WRITE_BIT | VK_ACCESS_SHADER_READ_BIT};
  /* stream order: this launch sees everything queued before it */
  VkMemoryBarrier host = mb;
  host.srcAccessMask |= VK_ACCESS_HOST_WRITE_BIT;
  f->vkCmdPipelineBarrier(cb, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT | VK_PIPELINE_STAGE_HOST_BIT,
                          VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, 0, 1, &host, 0, NULL, 0, NULL);
  f->vkCmdBindPipeline(cb, VK_PIPELINE_BIND_POINT_COMPUTE, pipe);
  bool first = true;
  for (uint32_t z = 0; z < grid[2]; z += chunk[2])
    for (uint32_t y = 0; y < grid[1]; y += chunk[1])
      for (uint32_t x = 0; x < grid[0]; x += chunk[0]) {
        if (!first && barriers)
          f->vkCmdPipelineBarrier(cb, VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT,
                                  VK_PIPELINE_STAGE_COMPUTE_SHADER_BIT, 0, 1, &mb, 0, NULL, 0, NULL);
        first = false;
        VkPush pc = {slot->params.addr, {x, y, z}, {grid[0], grid[1], grid[2]}, d->scratch.addr,
                     d->printf_buf.addr};
        f->vkCmdPushConstants(cb, d->layout, VK_SHADER_STAGE_COMPUTE_BIT, 0, sizeof pc, &pc);
        uint32_t n[3] = {grid[0] - x < chunk[0] ? grid[0] - x : chunk[0],
                         grid[1] - y < chunk[1] ? grid[1] - y : chunk[1],
                         grid[2] - z < chunk[2] ? grid[2] - z : chunk[2]};
        f->vkCmdDispatch(cb, n[0], n[1], n[2]);
      }
}

cw_status vk_slot_submit(VkDev *d, VkSlot *slot, char *err, size_t errn) {
  uint64_t value = d->submitted + 1;
  VkTimelineSemaphoreSubmitInfo ti = {.sType = VK_STRUCTURE_TYPE_TIMELINE_SEMAPHORE_SUBMIT_INFO,
                                      .signalSemaphoreValueCount = 1, .pSignalSemaphoreValues = &value};
  VkSubmitInfo si = {.sType = VK_STRUCTURE_TYPE_SUBMIT_INFO, .pNext = &ti, .commandBufferCount = 1,
                     .pCommandBuffers = &slot->cb, .signalSemaphoreCount = 1,
                     .pSignalSemaphores = &d->timeline};
  VkResult r = d->f.vkQueueSubmit(d->queue, 1, &si, VK_NULL_HANDLE);
  if (r == VK_SUCCESS) d->submitted = slot->value = value;
  if (r != VK_SUCCESS) {
    snprintf(err, errn, "unspecified launch failure (cudaErrorLaunchFailure): Vulkan %s",
             vk_result_name(r));
    return CW_ERR_LAUNCH;
  }
  return CW_OK;
}

static cw_status run(VkDev *d, VkKernel *k, const uint32_t grid[3], const uint32_t block[3],
                     size_t shared, void **args, char *err, size_t errn) {
  uint32_t dyn_words = (uint32_t)((shared + 3) / 4);
  VkPipeline pipe;
  cw_status st = pipeline(d, k, block, dyn_words ? dyn_words : 1, &pipe, err, errn);
  VkSlot *slot = st == CW_OK ? vk_slot_take(d, err, errn) : NULL;
  if (st == CW_OK && !slot) st = CW_ERR_LAUNCH;
  if (st == CW_OK) st = write_params(d, &slot->params, k, args);
  uint32_t chunk[3];
  chunk_dims(d, k, grid, block, chunk);
  uint64_t scratch = (uint64_t)k->info.frame_bytes * block[0] * block[1] * block[2] * chunk[0] * chunk[1] * chunk[2];
  /* a scratch or printf buffer about to be replaced may still be in use */
  if (st == CW_OK && ((scratch && d->scratch.size < scratch) || k->info.nprintfs)) st = vk_drain(d, err, errn);
  if (st == CW_OK && scratch) st = ensure(d, &d->scratch, scratch);
  if (st == CW_OK && k->info.nprintfs) st = vk_printf_prepare(d);
  if (st != CW_OK) {
    if (!*err) snprintf(err, errn, "out of memory (cudaErrorMemoryAllocation) preparing kernel '%s'", k->name);
    return st;
  }
  VkCommandBufferBeginInfo bi = {.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO,
                                 .flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT};
  d->f.vkResetCommandBuffer(slot->cb, 0);
  d->f.vkBeginCommandBuffer(slot->cb, &bi);
  record(d, slot, pipe, grid, chunk, scratch != 0);
  d->f.vkEndCommandBuffer(slot->cb);
  st = vk_slot_submit(d, slot, err, errn);
  if (st == CW_OK && k->info.nprintfs) st = vk_drain(d, err, errn);
  if (st == CW_OK && k->info.nprintfs) {
    d->assert_msg[0] = 0;
    vk_printf_drain(d, k);
    if (d->assert_msg[0]) {
      snprintf(err, errn, "%s", d->assert_msg);
      st = CW_ERR_LAUNCH;
    }
  }
  return st;
}

cw_status vk_launch(void *dev, void *kernel, const uint32_t grid[3], const uint32_t block[3],
                    size_t shared, void **args, char *err, size_t errn) {
  VkDev *d = dev;
  VkKernel *k = kernel;
  if (errn) err[0] = 0;
  if (!k->glsl) {
    snprintf(err, errn, "%s", k->error ? k->error : "kernel could not be translated");
    return CW_ERR_UNSUPPORTED;
  }
  cw_status st = check_limits(d, k, grid, block, shared, err, errn);
  if (st == CW_OK) st = check_features(d, k, block, err, errn);
  if (st != CW_OK) return st;
  pthread_mutex_lock(&d->run_mu);
  st = run(d, k, grid, block, shared, args, err, errn);
  pthread_mutex_unlock(&d->run_mu);
  return st;
}

#endif
