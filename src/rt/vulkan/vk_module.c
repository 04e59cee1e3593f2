/*
 * vk_module.c — a loaded program on the Vulkan backend.
 *
 * Loading translates every kernel to its GLSL shader at once (the KIR
 * module may be freed after loading) but compiles shaders to SPIR-V and
 * pipelines only at a kernel's first launch, so one kernel the target
 * cannot express does not stop the others: its diagnostics are kept and
 * become the launch's error.  Module globals (__device__, __constant__,
 * __managed__) get one buffer each, filled from their initializers, and
 * are found by name for cudaMemcpyToSymbol & co.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/program.h"
#include "vk_internal.h"

#ifdef CW_HAVE_VULKAN

static void kernel_free(VkDev *d, VkKernel *k) {
  for (int i = 0; i < k->npipes; i++) d->f.vkDestroyPipeline(d->dev, k->pipes[i].pipe, NULL);
  if (k->shader) d->f.vkDestroyShaderModule(d->dev, k->shader, NULL);
  free(k->pipes);
  free(k->name);
  free(k->cname);
  free(k->psizes);
  free(k->poffsets);
  free(k->glsl);
  free(k->error);
  glsl_info_free(&k->info);
}

static void module_free(VkDev *d, VkModule *vm) {
  for (int i = 0; i < vm->nkernels; i++) kernel_free(d, &vm->kernels[i]);
  for (int i = 0; i < vm->nsymbols; i++) free(vm->symbols[i].name);
  for (int i = 0; i < vm->nglobals; i++)
    if (vm->global_addrs[i]) vk_mem_free(d, (void *)(uintptr_t)vm->global_addrs[i]);
  free(vm->kernels);
  free(vm->symbols);
  free(vm->global_addrs);
  free(vm);
}

static cw_status translate(VkDev *d, VkKernel *k, KModule *m, KFunc *f) {
  k->name = strdup(f->name);
  k->cname = strdup(f->cname);
  k->nparams = f->nparams;
  k->psizes = calloc((size_t)f->nparams + 1, sizeof *k->psizes);
  k->poffsets = calloc((size_t)f->nparams + 1, sizeof *k->poffsets);
  if (!k->name || !k->cname || !k->psizes || !k->poffsets) return CW_ERR_NOMEM;
  for (int p = 0; p < f->nparams; p++) {
    k->psizes[p] = (uint32_t)f->params[p]->type->size;
    k->poffsets[p] = glsl_param_offset(f, p);
  }
  k->globals_offset = glsl_globals_offset(f);
  CwDiags dg;
  diags_init(&dg);
  /* the shader is written for this device's features (a module is loaded per device) */
  GlslTarget target = {.no_int64 = !d->caps.i64, .no_float64 = !d->caps.f64,
                       .no_int8 = !d->caps.i8, .no_int16 = !d->caps.i16, .no_float16 = !d->caps.f16,
                       .float_add32 = d->caps.fadd32, .float_add64 = d->caps.fadd64};
  k->glsl = emit_glsl_kernel_for(m, f, &target, &k->info, &dg);
  if (!k->glsl) {
    char *r = diags_render(&dg);
    size_t n = (r ? strlen(r) : 0) + strlen(f->name) + 96 + VK_MAX_PHYSICAL_DEVICE_NAME_SIZE;
    k->error = malloc(n);
    if (k->error)
      snprintf(k->error, n, "kernel '%s' cannot run on the Vulkan backend (device '%s'):\n%s", f->name,
               d->props.deviceName, r && *r ? r : "(no diagnostic)\n");
    free(r);
  }
  diags_free(&dg);
  return CW_OK;
}

static cw_status add_global(VkDev *d, VkModule *vm, KVar *v, char *err, size_t errn) {
  size_t n = v->type->size > 0 ? (size_t)v->type->size : 1;
  void *p = NULL;
  cw_status st = vk_mem_alloc(d, n, &p);
  if (st != CW_OK) {
    snprintf(err, errn, "cannot allocate device memory for global '%s'", v->name);
    return st;
  }
  vm->global_addrs[vm->nglobals++] = (uint64_t)(uintptr_t)p;
  unsigned char *h = calloc(1, n);
  if (!h) return CW_ERR_NOMEM;
  if (v->init && !vk_global_bytes(v, h, n)) {
    free(h);
    snprintf(err, errn, "the initializer of global '%s' is not a constant the Vulkan backend can lay out",
             v->name);
    return CW_ERR_UNSUPPORTED;
  }
  st = vk_copy(d, p, h, n);
  free(h);
  if (st != CW_OK) {
    snprintf(err, errn, "cannot initialise global '%s'", v->name);
    return st;
  }
  if (v->is_static || strcmp(v->name, v->cname)) return CW_OK;
  VkSymbol *s = &vm->symbols[vm->nsymbols];
  s->name = strdup(v->name);
  s->addr = (uint64_t)(uintptr_t)p;
  s->size = n;
  if (s->name) vm->nsymbols++;
  return CW_OK;
}

static cw_status load(VkDev *d, VkModule *vm, KModule *m, char *err, size_t errn) {
  vm->kernels = calloc((size_t)m->funcs.len + 1, sizeof *vm->kernels);
  vm->symbols = calloc((size_t)m->globals.len + 1, sizeof *vm->symbols);
  vm->global_addrs = calloc((size_t)m->globals.len + 1, sizeof *vm->global_addrs);
  if (!vm->kernels || !vm->symbols || !vm->global_addrs) return CW_ERR_NOMEM;
  for (int i = 0; i < m->globals.len; i++) {
    KVar *v = m->globals.items[i];
    if (v->as == AS_SHARED) continue;
    cw_status st = add_global(d, vm, v, err, errn);
    if (st != CW_OK) return st;
  }
  for (int i = 0; i < m->funcs.len; i++) {
    KFunc *f = m->funcs.items[i];
    if (!(f->flags & KF_GLOBAL) || !f->body) continue;
    VkKernel *k = &vm->kernels[vm->nkernels++];
    k->mod = vm;
    cw_status st = translate(d, k, m, f);
    if (st != CW_OK) return st;
  }
  return CW_OK;
}

cw_status vk_module_load_program(void *dev, cw_program *prog, void **out, char *err, size_t errn) {
  VkDev *d = dev;
  VkModule *vm = calloc(1, sizeof *vm);
  if (!vm) return CW_ERR_NOMEM;
  vm->d = d;
  cw_status st = load(d, vm, cw_program_module(prog), err, errn);
  if (st != CW_OK) {
    module_free(d, vm);
    return st;
  }
  *out = vm;
  return CW_OK;
}

void vk_module_unload(void *dev, void *mod) {
  VkDev *d = dev;
  pthread_mutex_lock(&d->run_mu);
  d->f.vkDeviceWaitIdle(d->dev);
  pthread_mutex_unlock(&d->run_mu);
  module_free(d, mod);
}

cw_status vk_kernel_find(void *mod, const char *name, void **kernel, int *nparams,
                         const uint32_t **psizes) {
  VkModule *vm = mod;
  for (int pass = 0; pass < 2; pass++)
    for (int i = 0; i < vm->nkernels; i++) {
      VkKernel *k = &vm->kernels[i];
      if (kir_kernel_named(k->name, k->cname, name, pass)) {
        *kernel = k;
        *nparams = k->nparams;
        *psizes = k->psizes;
        return CW_OK;
      }
    }
  return CW_ERR_NOT_FOUND;
}

cw_status vk_symbol_find(void *mod, const char *name, void **addr, size_t *size) {
  VkModule *vm = mod;
  for (int i = 0; i < vm->nsymbols; i++)
    if (!strcmp(vm->symbols[i].name, name)) {
      *addr = (void *)(uintptr_t)vm->symbols[i].addr;
      *size = vm->symbols[i].size;
      return CW_OK;
    }
  return CW_ERR_NOT_FOUND;
}

#endif
