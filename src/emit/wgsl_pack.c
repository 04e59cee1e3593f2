/*
 * wgsl_pack.c — buffer parameters packed into shared bindings, for kernels
 * with more pointer parameters than the adapter's
 * maxStorageBuffersPerShaderStage (often 8 or 10).
 *
 * Parameters whose WGSL element declaration is the same (f32, i32,
 * atomic<u32>, a struct…) share one storage binding, a "pool": the JS
 * runtime lays their data out one after another in one GPU buffer, each
 * starting at a multiple of its element size, and writes where each starts
 * (in its own elements) into the uniform block.  Since the emitter already
 * turns every pointer into (base, element offset), a packed parameter is
 * just a base named after its pool whose offset starts at that uniform
 * field instead of 0; loads, stores, atomics, byte fields and device
 * function clones need no change.  Module variables and the debug buffer
 * keep their own bindings.  The driver (wgsl.c) packs a kernel only when
 * its plain module would exceed WgslOptions.max_storage.
 */
#include "wgsl_internal.h"

#include <string.h>

static WPool *pool_for(WCtx *c, const char *decl) {
  for (int i = 0; i < c->pools.len; i++) {
    WPool *p = c->pools.items[i];
    if (!strcmp(p->decl, decl)) return p;
  }
  WPool *p = arena_alloc(c->a, sizeof *p);
  p->decl = decl;
  p->name = arena_printf(c->a, "cw_pool%d", c->pools.len);
  p->binding = -1;
  vec_push(c->a, &c->pools, p);
  return p;
}

static const char *decl_of(WCtx *c, WBase *b) {
  StrBuf decl;
  sb_init(&decl);
  w_elem_decl(c, &decl, b);
  const char *d = arena_strdup(c->a, decl.data ? decl.data : "");
  sb_free(&decl);
  return d;
}

/* A plain i32/u32 buffer (or one of packed bytes, held as u32 words) joins
 * the pool of atomic<i32|u32> that an atomically used parameter needs,
 * reading and writing through atomicLoad/atomicStore: one binding less. */
static void join_atomic_pool(WCtx *c, WBase *b, PtrVec *used) {
  if (b->atomic || b->wide) return;
  KType *t = b->small ? c->m->t_u32 : w_scalar_of(c, b->elem);
  if (t->kind != KT_I32 && t->kind != KT_U32) return;
  for (int i = 0; i < used->len; i++) {
    WBase *o = used->items[i];
    if (o->atomic && !o->wide && o->atomic_type == t && o->small == b->small) {
      b->atomic = true;
      b->atomic_type = t;
      return;
    }
  }
}

/* Gives every used pointer parameter with a sized element a pool and a
 * uniform field after the scalar parameters; before emission, so the
 * functions read the pool's name. */
void w_pack_params(WCtx *c) {
  KFunc *k = c->kernel;
  PtrVec used = {0};
  for (int i = 0; i < k->nparams; i++) {
    KVar *p = k->params[i];
    if (!w_is_ptr(p->type) || !w_stmt_mentions(k->body, p)) continue;
    WBase *b = w_base_for_var(c, p); /* read-only ones may have none yet; only the kernel's
                                        own body can name p: callees get pointers as arguments */
    if (b->elem && b->elem->size > 0) vec_push(c->a, &used, b);
  }
  for (int i = 0; i < used.len; i++) join_atomic_pool(c, used.items[i], &used);
  for (int i = 0; i < used.len; i++) {
    WBase *b = used.items[i];
    b->pool = pool_for(c, decl_of(c, b));
    b->pool->written |= b->written;
    b->pool_off = arena_printf(c->a, "cw_o_%s", b->name);
    b->name = b->pool->name;
    c->uend = (c->uend + 3) / 4 * 4;
    b->pool_uoff = c->uend;
    c->uend += 4;
    vec_push(c->a, &c->pooled, b);
  }
  c->usize = (c->uend + 15) / 16 * 16;
}

/* Declares b's pool the first time one of its parameters is declared:
 * prints the declaration up to its type and returns true (the caller
 * prints the array type); false when it was declared already. */
bool w_decl_pool(WCtx *c, StrBuf *sb, WBase *b, int *next_binding) {
  (void)c;
  WPool *p = b->pool;
  if (p->binding < 0) {
    p->binding = (*next_binding)++;
    b->binding = p->binding;
    sb_printf(sb, "@group(0) @binding(%d) var<storage, %s> %s: ", p->binding,
              p->written ? "read_write" : "read", p->name);
    return true;
  }
  b->binding = p->binding;
  return false;
}
