/*
 * glsl.c — the GLSL emitter's driver: one Vulkan compute shader per kernel.
 *
 * For a kernel it finds what the shader must contain (the device functions
 * the kernel reaches, the __shared__ variables those touch), lays shared
 * memory out in one word array (static variables at CUDA's alignment, then
 * dynamic shared memory, which every `extern __shared__` array aliases as
 * in CUDA), emits the functions, then assembles the shader: version and
 * the extensions the code turned out to need, push constants, workgroup
 * size and dynamic shared size as specialization constants, structs,
 * buffer_reference blocks, memory helpers, functions, main.  The ABI
 * (parameter block, push constants, specialization constants) is in
 * emit.h.  Errors are diagnostics at the user's line; a kernel with any
 * error yields no shader.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "glsl_internal.h"

void gl_error(Gl *g, SrcLoc loc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  if (!g->failed || loc.line) diag_vadd(g->d, DIAG_ERROR, loc, fmt, ap);
  va_end(ap);
  g->failed = true;
}

char *gl_fmt(Gl *g, const char *fmt, ...) {
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  char *s = arena_alloc(g->a, (size_t)(n < 0 ? 0 : n) + 1);
  vsnprintf(s, (size_t)n + 1, fmt, ap2);
  va_end(ap2);
  return s;
}

void gl_line(Gl *g, StrBuf *sb, const char *fmt, ...) {
  for (int i = 0; i < g->indent; i++) sb_puts(sb, "  ");
  va_list ap;
  va_start(ap, fmt);
  sb_vprintf(sb, fmt, ap);
  va_end(ap);
  sb_putc(sb, '\n');
}

int gl_shared_offset(Gl *g, const KVar *v) {
  for (int i = 0; i < g->nsh; i++)
    if (g->shvars[i] == v) return g->shoff[i];
  return -1;
}

int gl_frame_offset(Gl *g, const KVar *v) {
  for (int i = 0; i < g->nav; i++)
    if (g->avars[i] == v) return g->aoff[i];
  return -1;
}

/* ---- parameter block ABI ------------------------------------------------ */

static int align_up(int x, int a) { return a > 1 ? (x + a - 1) / a * a : x; }

int glsl_param_offset(const KFunc *k, int i) {
  int off = 0;
  for (int p = 0; p <= i && p < k->nparams; p++) {
    KType *t = k->params[p]->type;
    off = align_up(off, t->align);
    if (p == i) return off;
    off += t->size;
  }
  return off;
}

int glsl_globals_offset(const KFunc *k) {
  if (!k->nparams) return 0;
  KType *t = k->params[k->nparams - 1]->type;
  return align_up(glsl_param_offset(k, k->nparams - 1) + t->size, 8);
}

/* ---- what a kernel reaches ---------------------------------------------- */

static void add_shared(Gl *g, KVar *v) {
  if (v->as != AS_SHARED || gl_shared_offset(g, v) >= 0) return;
  for (int i = 0; i < g->nsh; i++)
    if (g->shvars[i] == v) return;
  if (g->nsh == g->capsh) {
    int cap = g->capsh ? g->capsh * 2 : 16;
    KVar **nv = arena_alloc(g->a, sizeof *nv * (size_t)cap);
    int *no = arena_alloc(g->a, sizeof *no * (size_t)cap);
    if (g->nsh) {
      memcpy(nv, g->shvars, sizeof *nv * (size_t)g->nsh);
      memcpy(no, g->shoff, sizeof *no * (size_t)g->nsh);
    }
    g->shvars = nv, g->shoff = no, g->capsh = cap;
  }
  g->shvars[g->nsh] = v;
  g->shoff[g->nsh++] = -2; /* placed later */
}

/* the variable an address-of reaches through indexing and members */
static KVar *addressed_var(KExpr *e) {
  while (e && (e->kind == KE_INDEX || e->kind == KE_MEMBER) && e->a &&
         e->a->type->kind != KT_PTR)
    e = e->a;
  if (!e || e->kind != KE_VAR || !e->var) return NULL;
  KVar *v = e->var;
  return v->kind == KV_GLOBAL || v->as == AS_SHARED || v->as == AS_GLOBAL ||
                 v->as == AS_CONSTANT
             ? NULL
             : v;
}

static void add_frame_var(Gl *g, KVar *v) {
  if (!v || gl_frame_offset(g, v) >= 0) return;
  if (g->nav == g->capav) {
    int cap = g->capav ? g->capav * 2 : 16;
    KVar **nv = arena_alloc(g->a, sizeof *nv * (size_t)cap);
    int *no = arena_alloc(g->a, sizeof *no * (size_t)cap);
    if (g->nav) {
      memcpy(nv, g->avars, sizeof *nv * (size_t)g->nav);
      memcpy(no, g->aoff, sizeof *no * (size_t)g->nav);
    }
    g->avars = nv, g->aoff = no, g->capav = cap;
  }
  int al = v->type->align > 1 ? v->type->align : 1;
  g->frame = (g->frame + al - 1) / al * al;
  g->avars[g->nav] = v;
  g->aoff[g->nav++] = g->frame;
  g->frame += v->type->size > 0 ? v->type->size : 1;
}

static bool reached(Gl *g, const KFunc *f) {
  for (int i = 0; i < g->ncalls; i++)
    if (g->calls[i] == f) return true;
  return false;
}

static void walk_stmt(Gl *g, KStmt *s);

static void walk_expr(Gl *g, KExpr *e) {
  if (!e) return;
  if (e->kind == KE_VAR && e->var) add_shared(g, e->var);
  if (e->kind == KE_ADDR) add_frame_var(g, addressed_var(e->a));
  if (e->kind == KE_BUILTIN && (e->builtin == KB_SYNCTHREADS_COUNT ||
                                e->builtin == KB_SYNCTHREADS_AND || e->builtin == KB_SYNCTHREADS_OR))
    g->uses_sync_red = true;
  if (e->kind == KE_CALL && e->fn && !reached(g, e->fn)) {
    if (g->ncalls == g->capcalls) {
      int cap = g->capcalls ? g->capcalls * 2 : 16;
      const KFunc **n = arena_alloc(g->a, sizeof *n * (size_t)cap);
      if (g->ncalls) memcpy(n, g->calls, sizeof *n * (size_t)g->ncalls);
      g->calls = n, g->capcalls = cap;
    }
    g->calls[g->ncalls++] = e->fn;
    if (e->fn->body) walk_stmt(g, e->fn->body);
  }
  walk_expr(g, e->a);
  walk_expr(g, e->b);
  walk_expr(g, e->c);
  for (int i = 0; i < e->nargs; i++) walk_expr(g, e->args[i]);
}

static void walk_stmt(Gl *g, KStmt *s) {
  if (!s) return;
  if (s->kind == KS_DECL && s->var) add_shared(g, s->var);
  for (int i = 0; i < s->nstmts; i++) walk_stmt(g, s->stmts[i]);
  walk_expr(g, s->init);
  walk_expr(g, s->e);
  walk_expr(g, s->cond);
  walk_expr(g, s->step);
  walk_stmt(g, s->then);
  walk_stmt(g, s->els);
  walk_stmt(g, s->init_stmt);
  walk_stmt(g, s->body);
}

static void layout_shared(Gl *g) {
  int off = 0;
  for (int i = 0; i < g->nsh; i++) {
    KVar *v = g->shvars[i];
    if (v->is_extern || (v->type->kind == KT_ARRAY && v->type->count < 0)) continue;
    int al = v->type->align > 4 ? v->type->align : 4;
    off = align_up(off, al);
    g->shoff[i] = off;
    off += align_up(v->type->size, 4);
  }
  g->sh_static = off;
  g->sh_dyn_off = align_up(off, 16);
  for (int i = 0; i < g->nsh; i++)
    if (g->shoff[i] == -2) g->shoff[i] = g->sh_dyn_off;
}

/* ---- assembly ---------------------------------------------------------- */

static void header(Gl *g, StrBuf *out) {
  sb_puts(out, "#version 460\n");
  sb_puts(out, "#extension GL_EXT_buffer_reference : require\n");
  if (g->no_int64) sb_puts(out, "#extension GL_EXT_buffer_reference_uvec2 : require\n");
  sb_puts(out, "#extension GL_EXT_scalar_block_layout : require\n");
  sb_puts(out, "#extension GL_EXT_shader_explicit_arithmetic_types : require\n");
  if (g->feat & GLSL_F_I8) sb_puts(out, "#extension GL_EXT_shader_8bit_storage : require\n");
  if (g->feat & (GLSL_F_I16 | GLSL_F_F16)) sb_puts(out, "#extension GL_EXT_shader_16bit_storage : require\n");
  if (g->feat & GLSL_F_ATOMIC64) sb_puts(out, "#extension GL_EXT_shader_atomic_int64 : require\n");
  if (g->feat & GLSL_F_ATOMIC_FLOAT) sb_puts(out, "#extension GL_EXT_shader_atomic_float : require\n");
  if (g->feat & GLSL_F_WARP) {
    static const char *const sub[] = {"basic", "vote", "ballot", "shuffle", "arithmetic"};
    for (int i = 0; i < 5; i++)
      sb_printf(out, "#extension GL_KHR_shader_subgroup_%s : require\n", sub[i]);
    /* shuffles and reductions of 64-bit values (addresses are 64-bit) */
    if (!g->no_int64) sb_puts(out, "#extension GL_EXT_shader_subgroup_extended_types_int64 : require\n");
    if (g->feat & GLSL_F_F16) sb_puts(out, "#extension GL_EXT_shader_subgroup_extended_types_float16 : require\n");
    if (g->feat & GLSL_F_I8) sb_puts(out, "#extension GL_EXT_shader_subgroup_extended_types_int8 : require\n");
    if (g->feat & GLSL_F_I16) sb_puts(out, "#extension GL_EXT_shader_subgroup_extended_types_int16 : require\n");
  }
  sb_printf(out, "// kernel %s\n", g->kernel->name);
  sb_puts(out, "layout(local_size_x_id = 0, local_size_y_id = 1, local_size_z_id = 2) in;\n");
  const char *A = gl_addr_type(g);
  sb_printf(out, "layout(push_constant, std430) uniform PC {\n"
                 "  %s params;\n"
                 "  uint base_x, base_y, base_z, grid_x, grid_y, grid_z;\n"
                 "  %s scratch;\n  %s printf_buf;\n} pc;\n", A, A, A);
  sb_puts(out, "layout(constant_id = 3) const uint DYN_WORDS = 1u;\n");
  sb_printf(out, "shared uint SM[%du + DYN_WORDS];\n", g->sh_dyn_off / 4);
  if (g->uses_sync_red) sb_puts(out, "shared uint SYNC_RED;\n");
  if (g->nav) sb_printf(out, "%s cw_frame; /* this thread's slice of the scratch buffer */\n", A);
}

static char *assemble(Gl *g) {
  StrBuf out;
  sb_init(&out);
  header(g, &out);
  gl_struct_defs(g, &out);
  sb_putn(&out, g->refs.data ? g->refs.data : "", g->refs.len);
  sb_putn(&out, g->helpers.data ? g->helpers.data : "", g->helpers.len);
  sb_putn(&out, g->protos.data ? g->protos.data : "", g->protos.len);
  sb_putn(&out, g->body.data ? g->body.data : "", g->body.len);
  if (out.failed) {
    sb_free(&out);
    return NULL;
  }
  return sb_take(&out);
}

static void gl_free(Gl *g) {
  sb_free(&g->refs);
  sb_free(&g->helpers);
  sb_free(&g->protos);
  sb_free(&g->body);
}

char *emit_glsl_kernel(const KModule *m, const KFunc *k, GlslKernelInfo *info, CwDiags *d) {
  return emit_glsl_kernel_for(m, k, NULL, info, d);
}

char *emit_glsl_kernel_for(const KModule *m, const KFunc *k, const GlslTarget *target,
                           GlslKernelInfo *info, CwDiags *d) {
  Arena arena;
  arena_init(&arena);
  Gl g = {.m = m, .kernel = k, .d = d, .a = &arena};
  if (target) {
    g.no_int64 = target->no_int64, g.no_float64 = target->no_float64;
    g.no_int8 = target->no_int8, g.no_int16 = target->no_int16;
    g.no_f16 = target->no_float16;
    g.float_add32 = target->float_add32, g.float_add64 = target->float_add64;
  }
  sb_init(&g.refs), sb_init(&g.helpers), sb_init(&g.protos), sb_init(&g.body);
  for (int i = 0; i < m->globals.len; i++) {
    KVar *v = m->globals.items[i];
    (void)v;
  }
  const KFunc *again;
  const KExpr *cycle = kir_recursive_call(k, &again);
  const char *what = NULL;
  /* recursion checked first: the walks below, kir_find_dynamic's too, follow calls */
  const KExpr *dyn = cycle ? NULL : kir_find_dynamic(k, &what);
  if (cycle || dyn) {
    if (cycle)
      gl_error(&g, cycle->loc, "'%s' calls itself (directly or through other functions): GLSL "
               "has no recursion", again->name);
    else
      gl_error(&g, dyn->loc, "the Vulkan target does not support %s", what);
    if (info) memset(info, 0, sizeof *info);
    gl_free(&g);
    arena_free(&arena);
    return NULL;
  }
  /* the shader runs the kernel with the warp's implicit reconvergence made
   * explicit (kir/passes/converge.c): subgroups are not warps of 32 */
  KFunc converged = *k;
  converged.body = kir_converge_warps(&arena, k->body);
  g.kernel = &converged;
  walk_stmt(&g, converged.body);
  layout_shared(&g);
  if (!g.no_int64) g.feat |= GLSL_F_I64; /* addresses */
  for (int i = 0; i < m->funcs.len; i++) {
    const KFunc *f = m->funcs.items[i];
    if (f != k && reached(&g, f)) {
      if (!f->body) gl_error(&g, f->loc, "device function '%s' has no definition", f->name);
      else gl_function(&g, f);
      sb_putc(&g.body, '\n');
    }
  }
  gl_function(&g, &converged);
  char *text = g.failed ? NULL : assemble(&g);
  if (info) {
    memset(info, 0, sizeof *info);
    info->static_shared = g.sh_static;
    info->dyn_shared_offset = g.sh_dyn_off;
    info->features = g.feat;
    info->frame_bytes = (g.frame + 15) / 16 * 16;
    info->printfs = g.printfs, info->nprintfs = g.nprintfs;
    g.printfs = NULL, g.nprintfs = 0;
  }
  GlslKernelInfo rest = {.printfs = g.printfs, .nprintfs = g.nprintfs};
  glsl_info_free(&rest);
  gl_free(&g);
  arena_free(&arena);
  return text;
}

void glsl_info_free(GlslKernelInfo *info) {
  for (int i = 0; i < info->nprintfs; i++) {
    GlslPrintf *p = &info->printfs[i];
    for (int j = 0; j < p->nstrs; j++) free(p->strs[j]);
    free(p->strs);
    free(p->fmt);
    free(p->types);
  }
  free(info->printfs);
  info->printfs = NULL;
  info->nprintfs = 0;
}

GlslTarget glsl_target_from_env(void) {
  const char *lacks = getenv("CUWASM_GLSL_LACKS");
  GlslTarget t = {.no_int64 = lacks && strstr(lacks, "int64"),
                  .no_float64 = lacks && strstr(lacks, "float64"),
                  .no_int8 = lacks && strstr(lacks, "int8"),
                  .no_int16 = lacks && strstr(lacks, "int16"),
                  .no_float16 = lacks && strstr(lacks, "float16")};
  const char *has = getenv("CUWASM_GLSL_HAS");
  t.float_add32 = has && strstr(has, "float_add32");
  t.float_add64 = has && strstr(has, "float_add64");
  return t;
}

char *emit_glsl(const KModule *m, CwDiags *d) {
  StrBuf sb;
  sb_init(&sb);
  bool ok = true;
  GlslTarget target = glsl_target_from_env();
  for (int i = 0; i < m->funcs.len; i++) {
    const KFunc *f = m->funcs.items[i];
    if (!(f->flags & KF_GLOBAL) || !f->body) continue;
    char *s = emit_glsl_kernel_for(m, f, &target, NULL, d);
    if (!s) {
      ok = false;
      continue;
    }
    if (sb.len) sb_puts(&sb, "\n");
    sb_puts(&sb, s);
    free(s);
  }
  if (!ok || sb.failed) {
    sb_free(&sb);
    return NULL;
  }
  return sb_take(&sb);
}
