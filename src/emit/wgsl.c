/*
 * wgsl.c — the WGSL emitter's driver: one WGSL module per kernel.
 *
 * A kernel's module is assembled after its functions are emitted, since
 * only then are all the bases it touches known: the uniform block
 * (`cw_p`: grid size, block offset of this dispatch — grids larger than
 * 65535 blocks run as several dispatches — and the scalar parameters), one
 * storage binding per pointer parameter and per module variable used,
 * workgroup variables for __shared__ (the dynamic one sized by the
 * override `cw_dyn_n`), and the workgroup size as the overrides cw_bx,
 * cw_by, cw_bz that the runtime sets from the launch's block shape, which
 * is also what blockDim reads.  Binding 0 is the uniform block; storage
 * bindings follow in parameter order.  The options (emit.h) lower double
 * to f32, turn warp functions into subgroup operations, or cap the storage
 * bindings: a kernel over the cap is emitted again with its buffer
 * parameters packed (wgsl_pack.c).
 */
#include "wgsl_internal.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void w_error(WCtx *c, SrcLoc loc, const char *fmt, ...) {
  if (c->failed) return;
  c->failed = true;
  va_list ap;
  va_start(ap, fmt);
  diag_vadd(c->d, DIAG_ERROR, loc.line ? loc : c->kernel->loc, fmt, ap);
  va_end(ap);
}

static void check_params(WCtx *c) {
  KFunc *k = c->kernel;
  int off = 32;
  c->uoffs = arena_alloc(c->a, sizeof(int) * (size_t)(k->nparams + 1));
  for (int i = 0; i < k->nparams && !c->failed; i++) {
    KVar *p = k->params[i];
    KType *t = p->type->unqual ? p->type->unqual : p->type;
    if (t->kind == KT_PTR) {
      KType *e = t->elem->unqual ? t->elem->unqual : t->elem;
      if (!w_type_ok(c, e, p->loc)) return;
      bool f64_buffer = e->kind == KT_F64 && w_f64_lowered(c); /* converted by the JS runtime */
      if (e->kind != KT_VOID && !w_storage_layout_ok(e) && !w_small_elem(e) && !f64_buffer)
        w_error(c, p->loc, "the WGSL target cannot bind buffer parameter '%s': its elements (%d bytes) have no WGSL storage layout (8/16-bit integers, 3-lane vectors and mixed structs are not supported yet)",
                p->name, e->size);
      continue;
    }
    if (!w_type_ok(c, t, p->loc)) return;
    if (t->kind == KT_STRUCT || t->kind == KT_ARRAY) {
      w_error(c, p->loc, "the WGSL target does not support passing struct '%s' by value to a kernel ('%s')",
              t->name ? t->name : "?", p->name);
      return;
    }
    int al = t->kind == KT_VEC ? (t->count == 2 ? 8 : 16) : w_is_64(t) ? 8 : 4;
    int sz = t->kind == KT_VEC ? 4 * t->count : w_is_64(t) ? 8 : 4;
    off = (off + al - 1) / al * al;
    c->uoffs[c->uniforms.len] = off;
    vec_push(c->a, &c->uniforms, p);
    off += sz;
  }
  c->uend = off;
  c->usize = (off + 15) / 16 * 16;
}

static bool func_has_return_mid(KStmt *b) {
  if (!b || b->kind != KS_BLOCK) return false;
  for (int i = 0; i < b->nstmts; i++) {
    KStmt *s = b->stmts[i];
    if (s->kind == KS_RETURN && i == b->nstmts - 1) return false;
    if (s->kind == KS_RETURN || (s->kind != KS_DECL && s->kind != KS_EXPR && s->kind != KS_BARRIER))
      return true; /* conservatively: any compound statement may return */
  }
  return false;
}

static void emit_params(WCtx *c, WInst *in, StrBuf *sb) {
  sb_puts(sb, "(cw_tid: vec3<u32>, cw_bid: vec3<u32>");
  for (int i = 0; i < in->f->nparams; i++) {
    KVar *p = in->f->params[i];
    if (in->pbase[i] && in->pbase[i]->byval) { /* const T&: the value */
      sb_printf(sb, ", cw_v_%s: ", p->cname);
      w_type(c, sb, w_scalar_of(c, in->pbase[i]->elem));
      continue;
    }
    sb_printf(sb, ", cw_a_%s: ", p->cname);
    w_type(c, sb, w_scalar_of(c, p->type));
    if (in->pbase[i] && in->pbase[i]->fnptr) {
      sb_printf(sb, ", cw_r_%s: ptr<function, ", p->cname);
      w_type(c, sb, in->pbase[i]->local_type);
      sb_putc(sb, '>');
    }
  }
  if (w_spec_func(c, in->f)) sb_puts(sb, ", cw_spec: bool"); /* wgsl_speculate.c */
  sb_putc(sb, ')');
  if (in->f->ret && in->f->ret->kind != KT_VOID) {
    sb_puts(sb, " -> ");
    w_type(c, sb, w_scalar_of(c, w_ret_by_value(c, in->f) ? in->f->ret->elem : in->f->ret));
  }
}

static void emit_device_func(WCtx *c, WInst *in, StrBuf *out) {
  c->cur = in;
  c->live_mode = false;
  if (!w_type_ok(c, in->f->ret, in->f->loc)) return;
  StrBuf sig;
  sb_init(&sig);
  emit_params(c, in, &sig);
  sb_printf(out, "fn %s%s {\n", in->name, sig.data);
  sb_free(&sig);
  c->out = out;
  c->indent = 1;
  c->spec_cond = w_spec_func(c, in->f) ? "cw_spec" : NULL;
  for (int i = 0; i < in->f->nparams; i++) {
    KVar *p = in->f->params[i];
    if (!w_type_ok(c, p->type, p->loc)) return;
    if (in->pbase[i] && in->pbase[i]->byval) w_line(c, "var %s = 0i;", w_var_name(c, p));
    else w_line(c, "var %s = cw_a_%s;", w_var_name(c, p), p->cname);
  }
  w_func_body(c, in->f->body);
  c->spec_cond = NULL;
  sb_puts(out, "}\n\n");
}

static void emit_kernel_func(WCtx *c, StrBuf *out) {
  WInst *in = c->insts.items[0];
  c->cur = in;
  StrBuf body;
  sb_init(&body);
  c->out = &body;
  c->indent = 1;
  c->live_mode = w_has_barrier(c, in->f->body) && func_has_return_mid(in->f->body);
  for (int i = 0; i < c->uniforms.len; i++) {
    KVar *p = c->uniforms.items[i];
    w_line(c, "var %s = cw_p.%s;", w_ident(c, p->cname), w_ident(c, p->cname));
  }
  w_func_body(c, in->f->body);
  sb_puts(out, "@compute @workgroup_size(cw_bx, cw_by, cw_bz)\n");
  sb_printf(out, "fn %s(@builtin(local_invocation_id) cw_tid: vec3<u32>, "
                 "@builtin(workgroup_id) cw_wid: vec3<u32>) {\n", w_ident(c, in->f->cname));
  sb_puts(out, "  let cw_bid = cw_wid + cw_p.cw_base;\n");
  if (c->uses_live) sb_puts(out, "  var cw_live = true;\n");
  if (body.data) sb_puts(out, body.data);
  sb_puts(out, "}\n");
  sb_free(&body);
}

static void collect_shared(WCtx *c, KStmt *s) {
  if (!s) return;
  if (s->kind == KS_DECL && s->var->as == AS_SHARED) {
    WBase *b = w_base_for_var(c, s->var);
    if (s->var->is_extern) {
      if (c->dyn_elem && c->dyn_elem != b->elem)
        w_error(c, s->loc, "the WGSL target needs every extern __shared__ array of a kernel to have one element type");
      c->dyn_elem = b->elem;
      c->dyn_shared = s->var;
    }
    return;
  }
  collect_shared(c, s->then);
  collect_shared(c, s->els);
  collect_shared(c, s->body);
  collect_shared(c, s->init_stmt);
  for (int i = 0; i < s->nstmts; i++) collect_shared(c, s->stmts[i]);
}

/* extern __shared__ arrays declared at file scope, among the bases the
 * kernel uses (w_analyse's): the kernel's dynamic shared memory too. */
static void collect_shared_globals(WCtx *c) {
  for (int i = 0; i < c->bases.len; i++) {
    WBase *b = c->bases.items[i];
    KVar *v = b->var;
    if (!v || v->kind != KV_GLOBAL || v->as != AS_SHARED || !v->is_extern || v == c->dyn_shared) continue;
    if (c->dyn_elem && c->dyn_elem != b->elem) {
      w_error(c, v->loc, "the WGSL target needs every extern __shared__ array of a kernel to have one element type");
      return;
    }
    c->dyn_elem = b->elem;
    c->dyn_shared = v;
  }
}

void w_elem_decl(WCtx *c, StrBuf *sb, WBase *b) {
  if (b->small && !b->atomic) sb_puts(sb, "u32");
  else if (b->atomic) sb_printf(sb, "atomic<%s>", w_type_str(c, b->atomic_type));
  else w_type(c, sb, w_scalar_of(c, b->elem));
}

static void var_type(WCtx *c, StrBuf *sb, WBase *b) {
  KType *t = b->var->type->unqual ? b->var->type->unqual : b->var->type;
  if (b->words) { /* a struct used by atomics: its words (wgsl_ptr.c) */
    sb_printf(sb, "array<atomic<u32>, %d>", t->size / 4);
  } else if (b->wide && b->var->kind != KV_PARAM && !b->var->is_extern) {
    /* 64-bit values used by atomics: two words each (wgsl_int64.c) */
    sb_printf(sb, "array<atomic<u32>, %d>", 2 * (t->kind == KT_ARRAY ? t->count : 1));
  } else if (b->var->is_extern) {
    sb_puts(sb, "array<");
    w_elem_decl(c, sb, b);
    sb_puts(sb, ", cw_dyn_n>");
  } else if (b->var->kind == KV_PARAM) {
    sb_puts(sb, "array<");
    w_elem_decl(c, sb, b);
    sb_putc(sb, '>');
  } else if (t->kind == KT_ARRAY && t->elem->kind != KT_ARRAY) {
    sb_puts(sb, "array<");
    w_elem_decl(c, sb, b);
    sb_printf(sb, ", %d>", t->count);
  } else if (b->atomic) {
    w_elem_decl(c, sb, b);
  } else {
    w_type(c, sb, t);
  }
}

/* One constant scalar's 32-bit words at w (false: not a constant). */
static bool scalar_words(KExpr *e, KType *t, uint32_t *w) {
  while (e->kind == KE_CAST) e = e->a;
  t = t->unqual ? t->unqual : t;
  bool isf = e->kind == KE_FLOAT;
  if (!isf && e->kind != KE_INT) return false;
  switch (t->kind) {
  case KT_F32: {
    float f = isf ? (float)e->fval : (float)e->ival;
    memcpy(w, &f, 4);
    return true;
  }
  case KT_I64: case KT_U64: {
    uint64_t u = isf ? (uint64_t)(int64_t)e->fval : (uint64_t)e->ival;
    w[0] = (uint32_t)u;
    w[1] = (uint32_t)(u >> 32);
    return true;
  }
  case KT_BOOL: case KT_I32: case KT_U32:
    w[0] = (uint32_t)(isf ? (int64_t)e->fval : e->ival);
    return true;
  default: return false; /* 8/16-bit elements, doubles, vectors, structs */
  }
}

/* A written __device__ variable's initialiser as the words the runtime
 * puts in its buffer: a constant scalar or a list of them for a 1-D array
 * (the rest zero). */
static bool initial_words(WCtx *c, WBase *b) {
  KVar *v = b->var;
  KType *t = v->type->unqual ? v->type->unqual : v->type;
  KType *et = t->kind == KT_ARRAY ? t->elem : t;
  int per = (et->unqual ? et->unqual : et)->size / 4, n = t->kind == KT_ARRAY ? t->count : 1;
  if (per < 1 || per > 2 || (et->kind == KT_ARRAY)) return false;
  b->ninit = per * n;
  b->init = arena_alloc(c->a, sizeof(uint32_t) * (size_t)(b->ninit + 1));
  memset(b->init, 0, sizeof(uint32_t) * (size_t)(b->ninit + 1));
  if (v->init->kind != KE_INIT_LIST) return t->kind != KT_ARRAY && scalar_words(v->init, et, b->init);
  if (t->kind != KT_ARRAY || v->init->nargs > n) return false;
  for (int i = 0; i < v->init->nargs; i++) {
    KExpr *a = v->init->args[i];
    int at = kexpr_designator(v->init, i) >= 0 ? kexpr_designator(v->init, i) : i;
    if (at >= n || !scalar_words(a, et, b->init + per * at)) return false;
  }
  return true;
}

static void decl_base(WCtx *c, StrBuf *sb, WBase *b, int *next_binding) {
  KVar *v = b->var;
  if (b->str) return; /* a string literal: only printf reads it, at compile time */
  if (v->kind == KV_LOCAL && v->as != AS_SHARED) return;
  if (v->kind == KV_PARAM && c->insts.len && v->type->kind != KT_PTR) return;
  if (!w_type_ok(c, v->type, v->loc)) return;
  if (v->as != AS_SHARED && w_has_bitfields(v->kind == KV_PARAM ? v->type->elem : v->type)) {
    w_error(c, v->loc, "the WGSL target cannot bind '%s' to a buffer: its type has bit-fields, whose C layout WGSL cannot express",
            v->name);
    return;
  }
  if (b->pool_off) {
    if (w_decl_pool(c, sb, b, next_binding)) {
      sb_printf(sb, "array<");
      w_elem_decl(c, sb, b);
      sb_puts(sb, ">;\n");
    }
    return;
  }
  if (v->as == AS_SHARED) {
    if (v->is_extern && b->name != c->dyn_shared->name && b->var != c->dyn_shared) return;
    sb_printf(sb, "var<workgroup> %s: ", b->name);
    var_type(c, sb, b);
    sb_puts(sb, ";\n");
    return;
  }
  if (v->kind == KV_GLOBAL && v->init && !b->written && !c->opt->host_globals) {
    sb_printf(sb, "const %s: ", b->name);
    w_type(c, sb, v->type->unqual ? v->type->unqual : v->type);
    sb_puts(sb, " = ");
    w_expr_as(c, sb, v->init, v->type);
    sb_puts(sb, ";\n");
    return;
  }
  if (v->kind == KV_GLOBAL && v->init && !c->opt->host_globals && !initial_words(c, b)) {
    w_error(c, v->loc, "the WGSL target does not support initialised __device__ variables that kernels write ('%s') unless the initialiser is a constant number or a list of them",
            v->name);
    return;
  }
  b->binding = (*next_binding)++;
  sb_printf(sb, "@group(0) @binding(%d) var<storage, %s> %s: ", b->binding,
            b->written ? "read_write" : "read", b->name);
  var_type(c, sb, b);
  sb_puts(sb, ";\n");
}

static void emit_decls(WCtx *c, StrBuf *sb) {
  int next = 1;
  for (int i = 0; i < c->kernel->nparams; i++)
    for (int k = 0; k < c->bases.len; k++) {
      WBase *b = c->bases.items[k];
      if (b->var == c->kernel->params[i] && w_is_ptr(b->var->type)) decl_base(c, sb, b, &next);
    }
  bool dyn_done = false;
  for (int k = 0; k < c->bases.len; k++) {
    WBase *b = c->bases.items[k];
    if (b->var->kind == KV_PARAM) continue;
    if (b->var->is_extern && b->var->as == AS_SHARED) {
      if (dyn_done) continue;
      dyn_done = true;
      sb_puts(sb, "override cw_dyn_n: u32 = 1u;\n");
      b->var = c->dyn_shared ? c->dyn_shared : b->var;
    }
    decl_base(c, sb, b, &next);
  }
  if (c->uses_dbg) {
    c->dbg_binding = next++;
    sb_printf(sb, "@group(0) @binding(%d) var<storage, read_write> cw_dbg: array<atomic<u32>>;\n", c->dbg_binding);
  }
  c->nbindings = next - 1;
}

static void emit_structs(WCtx *c, StrBuf *sb) {
  for (int i = 0; i < c->structs.len; i++) {
    KType *t = c->structs.items[i];
    sb_printf(sb, "struct %s {\n", w_ident(c, t->cname));
    if (!t->nfields) sb_puts(sb, "  cw_empty: u32,\n"); /* WGSL structs need a member */
    for (int f = 0; f < t->nfields; f++) {
      sb_printf(sb, "  %s: ", w_ident(c, t->fields[f].name));
      w_type(c, sb, w_scalar_of(c, t->fields[f].type));
      sb_puts(sb, ",\n");
    }
    sb_puts(sb, "}\n\n");
  }
}

static void emit_uniforms(WCtx *c, StrBuf *sb) {
  sb_puts(sb, "struct CwParams {\n  cw_grid: vec3<u32>,\n  cw_base: vec3<u32>,\n");
  for (int i = 0; i < c->uniforms.len; i++) {
    KVar *p = c->uniforms.items[i];
    /* the first one starts a 16-byte row; the others fall where WGSL's
       natural alignment puts them, which check_params computed too */
    sb_printf(sb, "  %s%s: ", i == 0 ? "@align(16) " : "", w_ident(c, p->cname));
    w_type(c, sb, w_scalar_of(c, p->type));
    sb_puts(sb, ",\n");
  }
  for (int i = 0; i < c->pooled.len; i++) { /* element offsets of packed buffers */
    WBase *b = c->pooled.items[i];
    sb_printf(sb, "  %s%s: i32,\n", i == 0 && !c->uniforms.len ? "@align(16) " : "", b->pool_off);
  }
  sb_puts(sb, "}\n@group(0) @binding(0) var<uniform> cw_p: CwParams;\n"
              "override cw_bx: u32 = 1u;\noverride cw_by: u32 = 1u;\noverride cw_bz: u32 = 1u;\n");
}

/* Emits the functions, then everything they turned out to need. */
static char *assemble(WCtx *c, const char *source_name) {
  StrBuf funcs, mod;
  sb_init(&funcs);
  sb_init(&mod);
  for (int i = 1; i < c->insts.len && !c->failed; i++) emit_device_func(c, c->insts.items[i], &funcs);
  if (!c->failed) emit_kernel_func(c, &funcs);
  sb_printf(&mod, "// kernel %s, from %s by cuwasm\n\n", c->kernel->name, source_name ? source_name : "<source>");
  if (c->uses_f16) sb_puts(&mod, "enable f16; // __half: needs an adapter with shader-f16\n\n");
  if (c->uses_subgroups) /* warp functions: subgroups of 32, also under divergence (wgsl_warp.c) */
    sb_puts(&mod, "enable subgroups;\ndiagnostic(off, subgroup_uniformity);\n\n");
  StrBuf decls; /* first: module variables may add struct types */
  sb_init(&decls);
  emit_uniforms(c, &decls);
  emit_decls(c, &decls);
  w_warp_decls(c, &decls);
  emit_structs(c, &mod);
  if (decls.data) sb_puts(&mod, decls.data);
  sb_free(&decls);
  sb_putc(&mod, '\n');
  w_emit_helpers(c, &mod);
  if (funcs.data) sb_puts(&mod, funcs.data);
  sb_free(&funcs);
  sb_free(&c->pre);
  if (c->failed || mod.failed) {
    sb_free(&mod);
    return NULL;
  }
  return sb_take(&mod);
}

bool wgsl_parse_options(const char *text, WgslOptions *o) {
  memset(o, 0, sizeof *o);
  for (const char *p = text; p && *p;) {
    size_t n = strcspn(p, ",");
    if (n == 10 && !strncmp(p, "f64-as-f32", n)) o->f64_as_f32 = true;
    else if (n == 9 && !strncmp(p, "subgroups", n)) o->subgroups = true;
    else if (n > 12 && !strncmp(p, "max-storage=", 12)) o->max_storage = atoi(p + 12);
    else if (n == 12 && !strncmp(p, "host-globals", n)) o->host_globals = true;
    else return false;
    p += n + (p[n] == ',');
  }
  return o->max_storage >= 0;
}

/* One kernel's module, or NULL with the reason in `d`. `meta` (may be
 * NULL) receives its JSON description.  `pack`: buffer parameters packed
 * into pools (wgsl_pack.c); *nbindings: the storage bindings it has. */
static char *emit_kernel_as(const KModule *m, KFunc *k, const char *source_name, const WgslOptions *o,
                            bool pack, CwDiags *d, StrBuf *meta, int *nbindings) {
  Arena a;
  arena_init(&a);
  jmp_buf oom;
  a.oom = &oom;
  if (setjmp(oom)) {
    arena_free(&a);
    return NULL;
  }
  /* the kernel with the warp's implicit reconvergence made explicit
   * (kir/passes/converge.c): WebGPU has no warps */
  KFunc *converged = arena_alloc(&a, sizeof *converged);
  *converged = *k;
  converged->body = kir_converge_warps(&a, k->body);
  k = converged;
  WCtx c;
  memset(&c, 0, sizeof c);
  c.m = m;
  c.opt = o;
  c.pack = pack;
  c.kernel = k;
  c.a = &a;
  c.d = d;
  sb_init(&c.pre);
  WInst *in = arena_alloc(&a, sizeof *in);
  in->f = k;
  in->name = w_ident(&c, k->cname);
  vec_push(&a, &c.insts, in);
  const KFunc *again;
  const KExpr *cycle = kir_recursive_call(k, &again);
  const char *what = NULL;
  const KExpr *dyn = cycle ? NULL : kir_find_dynamic(k, &what); /* its walk follows calls */
  if (cycle)
    w_error(&c, cycle->loc, "'%s' calls itself (directly or through other functions): WGSL "
            "has no recursion", again->name);
  else if (dyn)
    w_error(&c, dyn->loc, "the WGSL target does not support %s", what);
  if (!c.failed) check_params(&c);
  if (!c.failed) collect_shared(&c, k->body);
  if (!c.failed) w_analyse(&c, in);
  for (int i = 1; i < c.insts.len && !c.failed; i++)
    collect_shared(&c, ((WInst *)c.insts.items[i])->f->body);
  if (!c.failed) collect_shared_globals(&c);
  /* callers before callees, so each knows which of its parameters vary */
  for (int i = 0; i < c.insts.len && !c.failed; i++) w_varying_init(&c, c.insts.items[i]);
  if (pack && !c.failed) w_pack_params(&c);
  char *text = c.failed ? NULL : assemble(&c, source_name);
  *nbindings = c.nbindings;
  if (meta) w_meta_kernel(&c, meta, text, d);
  sb_free(&c.pre);
  arena_free(&a);
  return text;
}

/* The kernel's module; packed when it needs more storage buffers than
 * the options allow: the plain emission goes to scratch diagnostics and
 * description, kept when it fits, else dropped for the packed one. */
static char *emit_kernel(const KModule *m, KFunc *k, const char *source_name, const WgslOptions *o,
                         CwDiags *d, StrBuf *meta) {
  int n = 0;
  if (o->max_storage <= 0) return emit_kernel_as(m, k, source_name, o, false, d, meta, &n);
  CwDiags scratch;
  diags_init(&scratch);
  StrBuf plain_meta;
  sb_init(&plain_meta);
  char *text = emit_kernel_as(m, k, source_name, o, false, &scratch, meta ? &plain_meta : NULL, &n);
  if (!text || n <= o->max_storage) {
    for (int i = 0; i < scratch.len; i++)
      diag_add(d, scratch.items[i].level, scratch.items[i].loc, "%s", scratch.items[i].msg);
    if (meta && plain_meta.data) sb_puts(meta, plain_meta.data);
  } else {
    free(text);
    text = emit_kernel_as(m, k, source_name, o, true, d, meta, &n);
  }
  sb_free(&plain_meta);
  diags_free(&scratch);
  return text;
}

static bool is_kernel(const KFunc *f) { return (f->flags & KF_GLOBAL) && f->body; }

char *emit_wgsl(const KModule *m, const char *source_name, const WgslOptions *o, CwDiags *d) {
  StrBuf sb;
  sb_init(&sb);
  for (int i = 0; i < m->funcs.len; i++) {
    KFunc *f = m->funcs.items[i];
    if (!is_kernel(f)) continue;
    int before = d->len;
    char *text = emit_kernel(m, f, source_name, o, d, NULL);
    sb_printf(&sb, "// ==== kernel %s ====\n", f->name);
    if (text) sb_puts(&sb, text);
    else if (d->len > before) sb_printf(&sb, "// not emitted: %s\n", d->items[d->len - 1].msg);
    sb_putc(&sb, '\n');
    free(text);
  }
  return sb.failed ? (sb_free(&sb), NULL) : sb_take(&sb);
}

char *emit_wgsl_json(const KModule *m, const char *source_name, const WgslOptions *o, CwDiags *d) {
  StrBuf sb;
  sb_init(&sb);
  sb_puts(&sb, "{\"kernels\": [");
  bool first = true;
  for (int i = 0; i < m->funcs.len; i++) {
    KFunc *f = m->funcs.items[i];
    if (!is_kernel(f)) continue;
    if (!first) sb_puts(&sb, ",");
    first = false;
    sb_puts(&sb, "\n");
    free(emit_kernel(m, f, source_name, o, d, &sb));
  }
  sb_puts(&sb, "\n]}\n");
  return sb.failed ? (sb_free(&sb), NULL) : sb_take(&sb);
}
