/*
 * c.c — the KIR → C11 emitter: module layout, types, declarations and
 * the plain (per-thread) statements.
 *
 * Output layout: header comment, the fixed prelude (c_prelude.c: helpers
 * for half, bit tricks, atomics, warp lane arithmetic), vector and struct
 * types, module globals, device functions, kernels (c_fission.c), then the
 * kernel and symbol tables of c_abi.h.
 *
 * Storage mapping:
 *  - __device__/__constant__/__managed__ globals and static locals are C
 *    globals (the CPU shares one address space with the host, so a symbol's
 *    address is its device pointer);
 *  - __shared__ variables live in the block's shared buffer (ctx->shm):
 *    each is a macro `(*(T (*))(cw_shm + OFFSET))`, file-scope ones first,
 *    then each kernel's own (kernels overlap: one kernel runs per block),
 *    then those declared in device functions; extern __shared__ arrays are
 *    pointers to ctx->dyn_shm;
 *  - device functions take the context and the thread's coordinates as
 *    hidden leading parameters (CW_DEVICE_PARAMS).
 * Top-level const is dropped from variable declarations: a variable may
 * become a per-thread array element that is assigned, not initialised.
 */
#include "c_internal.h"

#define CW_C_ABI_NO_DEFINE
#include "c_abi.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void ce_error(CEmit *ce, SrcLoc loc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  diag_vadd(ce->d, DIAG_ERROR, loc, fmt, ap);
  va_end(ap);
}

void ce_indent(CEmit *ce) {
  for (int i = 0; i < ce->indent; i++) sb_puts(ce->out, "  ");
}

void ce_line(CEmit *ce, const char *fmt, ...) {
  va_list ap;
  ce_indent(ce);
  va_start(ap, fmt);
  sb_vprintf(ce->out, fmt, ap);
  va_end(ap);
  sb_putc(ce->out, '\n');
}

/* ---- types ------------------------------------------------------------ */

static const char *scalar_name(KTypeKind k) {
  switch (k) {
  case KT_VOID: return "void";
  case KT_BOOL: return "bool";
  case KT_I8: return "int8_t";
  case KT_I16: return "int16_t";
  case KT_I32: return "int32_t";
  case KT_I64: return "int64_t";
  case KT_U8: return "uint8_t";
  case KT_U16: return "uint16_t";
  case KT_U32: return "uint32_t";
  case KT_U64: return "uint64_t";
  case KT_F16: return "cw_half";
  case KT_F32: return "float";
  case KT_F64: return "double";
  default: return NULL;
  }
}

static void vec_name(StrBuf *sb, const KType *t) {
  KTypeKind k = t->elem->kind;
  if (k == KT_F16 && t->count == 2) { /* the prelude's types */
    sb_puts(sb, "cw_half2");
    return;
  }
  if (k == KT_F32 && t->count == 2) {
    sb_puts(sb, "float2");
    return;
  }
  if (k == KT_U32 && t->count == 3) {
    sb_puts(sb, "uint3");
    return;
  }
  if (t->name) {
    sb_puts(sb, t->name);
    return;
  }
  sb_printf(sb, "cw_vec_%s%d", scalar_name(t->elem->kind), t->count);
}

static void base_name(StrBuf *sb, const KType *t, bool quals) {
  if (quals && t->is_const) sb_puts(sb, "const ");
  if (quals && t->is_volatile) sb_puts(sb, "volatile ");
  const char *s = scalar_name(t->kind);
  if (s) sb_puts(sb, s);
  else if (t->kind == KT_VEC) vec_name(sb, t);
  /* a struct only declared (`struct CUstream_st;` behind cudaStream_t)
   * is only ever pointed to, never dereferenced or measured: void will do */
  else if (t->kind == KT_STRUCT && !t->size && !t->nfields) sb_puts(sb, "void");
  else if (t->kind == KT_STRUCT) sb_puts(sb, t->cname ? t->cname : "cw_anon");
  else sb_puts(sb, "void");
}

/* Builds `T inner` with C's inside-out declarator syntax. */
static void decl_rec(StrBuf *sb, const KType *t, const char *inner,
                     bool quals) {
  StrBuf in;
  sb_init(&in);
  if (t->kind == KT_PTR) {
    const KType *e = t->elem;
    bool paren = e->kind == KT_ARRAY || e->kind == KT_FUNC;
    sb_printf(&in, paren ? "(*%s)" : "*%s", inner);
    decl_rec(sb, e, in.data ? in.data : "", true);
  } else if (t->kind == KT_ARRAY) {
    if (t->count >= 0) sb_printf(&in, "%s[%d]", inner, t->count);
    else sb_printf(&in, "%s[]", inner);
    decl_rec(sb, t->elem, in.data, quals);
  } else if (t->kind == KT_FUNC) {
    /* device functions take the context and thread coordinates first */
    sb_printf(&in, "%s(cw_rt_ctx *, uint32_t, uint32_t, uint32_t", inner);
    for (int i = 0; i < t->nparams; i++) {
      sb_puts(&in, ", ");
      decl_rec(&in, t->params[i]->unqual, "", true);
    }
    sb_puts(&in, t->variadic ? ", ...)" : ")");
    decl_rec(sb, t->elem, in.data, true);
  } else {
    base_name(sb, t, quals);
    if (*inner) sb_printf(sb, " %s", inner);
  }
  sb_free(&in);
}

/* A declaration of a variable (no top-level qualifiers). */
void ce_type_decl(StrBuf *sb, const KType *t, const char *inner) {
  decl_rec(sb, t, inner, false);
}

/* A type name as in a cast, qualifiers of pointees kept. */
void ce_type_name(StrBuf *sb, const KType *t) { decl_rec(sb, t, "", false); }

/* ---- module layout ---------------------------------------------------- */

static int align_up(int x, int a) { return a > 1 ? (x + a - 1) / a * a : x; }

static void add_shared(CEmit *ce, KVar *v, int *off) {
  for (int i = 0; i < ce->shared_vars.len; i++)
    if (ce->shared_vars.items[i] == v) return;
  *off = align_up(*off, v->type->align > 0 ? v->type->align : 1);
  vec_push(&ce->arena, &ce->shared_vars, v);
  ce_rename(ce, v, arena_printf(&ce->arena, "cw_sh_%s_%d", v->cname, ce->shared_vars.len));
  int *no = arena_alloc(&ce->arena, sizeof(int) * ce->shared_vars.len);
  if (ce->shared_off)
    memcpy(no, ce->shared_off, sizeof(int) * (ce->shared_vars.len - 1));
  no[ce->shared_vars.len - 1] = *off;
  ce->shared_off = no;
  *off += v->type->size;
}

static void scan_shared(CEmit *ce, const KStmt *s, int *off, PtrVec *statics) {
  if (!s) return;
  if (s->kind == KS_DECL && s->var->as == AS_SHARED && !s->var->is_extern) {
    add_shared(ce, s->var, off);
  } else if (s->kind == KS_DECL && s->var->as == AS_SHARED) {
    vec_push(&ce->arena, &ce->extern_shared, s->var);
    ce_rename(ce, s->var, arena_printf(&ce->arena, "cw_dsh_%s_%d", s->var->cname,
                                       ce->extern_shared.len));
  } else if (s->kind == KS_DECL && s->var->is_static) {
    vec_push(&ce->arena, statics, s->var);
    ce_rename(ce, s->var, arena_printf(&ce->arena, "cw_st_%s_%d", s->var->cname,
                                       statics->len));
  }
  for (int i = 0; i < s->nstmts; i++) scan_shared(ce, s->stmts[i], off, statics);
  scan_shared(ce, s->then, off, statics);
  scan_shared(ce, s->els, off, statics);
  scan_shared(ce, s->init_stmt, off, statics);
  scan_shared(ce, s->body, off, statics);
}

/* Lays out __shared__ variables; returns the bytes file-scope ones take. */
static int layout_shared(CEmit *ce, PtrVec *statics, int *kernel_max) {
  int off = 0;
  for (int i = 0; i < ce->m->globals.len; i++) {
    KVar *v = ce->m->globals.items[i];
    if (v->as == AS_SHARED && !v->is_extern) add_shared(ce, v, &off);
  }
  int file_scope = off;
  *kernel_max = off;
  for (int i = 0; i < ce->m->funcs.len; i++) {
    KFunc *f = ce->m->funcs.items[i];
    if (!(f->flags & KF_GLOBAL)) continue;
    int k = file_scope;
    scan_shared(ce, f->body, &k, statics);
    if (k > *kernel_max) *kernel_max = k;
  }
  off = *kernel_max;
  for (int i = 0; i < ce->m->funcs.len; i++) {
    KFunc *f = ce->m->funcs.items[i];
    if (!(f->flags & KF_GLOBAL)) scan_shared(ce, f->body, &off, statics);
  }
  ce->shared_size = off;
  return file_scope;
}

const char *ce_var_name(const CEmit *ce, const KVar *v) {
  for (int i = ce->name_vars.len - 1; i >= 0; i--)
    if (ce->name_vars.items[i] == v) return ce->name_strs.items[i];
  return v->cname;
}

void ce_rename(CEmit *ce, const KVar *v, const char *name) {
  vec_push(&ce->arena, &ce->name_vars, (void *)v);
  vec_push(&ce->arena, &ce->name_strs, arena_strdup(&ce->arena, name));
}

bool ce_is_promoted(const CEmit *ce, const KVar *v) {
  for (int i = 0; i < ce->promoted.len; i++)
    if (ce->promoted.items[i] == v) return true;
  return false;
}

bool ce_is_scalar(const CEmit *ce, const KVar *v) {
  for (int i = 0; i < ce->scalars.len; i++)
    if (ce->scalars.items[i] == v) return true;
  return false;
}

/* ---- types and globals ------------------------------------------------- */

static void emit_vec_types(CEmit *ce) {
  static const char lanes[] = "xyzw";
  PtrVec seen = {0};
  for (int i = 0; i < ce->m->derived.len; i++) {
    KType *t = ce->m->derived.items[i];
    if (t->kind != KT_VEC || t != t->unqual) continue;
    StrBuf n;
    sb_init(&n);
    vec_name(&n, t);
    bool dup = false;
    for (int j = 0; j < seen.len && !dup; j++) dup = !strcmp(seen.items[j], n.data);
    if (!dup && strcmp(n.data, "cw_half2") && strcmp(n.data, "float2") &&
        strcmp(n.data, "uint3")) {
      vec_push(&ce->arena, &seen, arena_strdup(&ce->arena, n.data));
      /* _Alignas on the first member only: it applies to each declarator */
      const char *el = scalar_name(t->elem->kind);
      sb_printf(ce->out, "typedef struct { _Alignas(%d) %s x;", t->align, el);
      if (t->count > 1) sb_printf(ce->out, " %s y", el);
      for (int l = 2; l < t->count && l < 4; l++) sb_printf(ce->out, ", %c", lanes[l]);
      sb_printf(ce->out, "%s } %s;\n", t->count > 1 ? ";" : "", n.data);
    }
    sb_free(&n);
  }
  sb_puts(ce->out, "\n");
}

static void emit_struct(CEmit *ce, const KType *t) {
  sb_printf(ce->out, "%s %s {\n", t->is_union ? "union" : "struct", t->cname);
  for (int i = 0; i < t->nfields; i++) {
    const KField *f = &t->fields[i];
    sb_puts(ce->out, "  ");
    /* C forbids _Alignas on a bit-field; such a struct keeps its natural
     * alignment, which is what a bit-field first gives anyway */
    if (i == 0 && t->align > 1 && !f->bit_width) sb_printf(ce->out, "_Alignas(%d) ", t->align);
    /* a const member is assigned once, by its constructor: C sees it plain */
    decl_rec(ce->out, f->type->unqual, f->name, true);
    if (f->bit_width) sb_printf(ce->out, " : %d", f->bit_width);
    sb_puts(ce->out, ";\n");
  }
  if (!t->nfields) sb_puts(ce->out, "  char cw_empty;\n");
  sb_puts(ce->out, "};\n");
}

static bool module_has_struct(const KModule *m, const KType *t) {
  for (int i = 0; i < m->types.len; i++)
    if (m->types.items[i] == t) return true;
  return false;
}

/* a field pointing to a struct the module never completes (a handle such
 * as cudaStream_t in a struct kernels do not use) still needs its name */
static void emit_incomplete_fields(CEmit *ce, const KType *t, PtrVec *done) {
  for (int i = 0; i < t->nfields; i++) {
    const KType *f = t->fields[i].type;
    while (f && (f->kind == KT_PTR || f->kind == KT_ARRAY)) f = f->elem;
    if (!f || f->kind != KT_STRUCT || !f->cname || module_has_struct(ce->m, f->unqual)) continue;
    bool dup = false;
    for (int j = 0; j < done->len && !dup; j++) dup = !strcmp(done->items[j], f->cname);
    if (dup) continue;
    vec_push(&ce->arena, done, (void *)f->cname);
    sb_printf(ce->out, "typedef %s %s %s;\n", f->is_union ? "union" : "struct", f->cname,
              f->cname);
  }
}

static void emit_structs(CEmit *ce) {
  PtrVec incomplete = {0};
  for (int i = 0; i < ce->m->types.len; i++) {
    KType *t = ce->m->types.items[i];
    if (t->kind == KT_STRUCT && t->cname)
      sb_printf(ce->out, "typedef %s %s %s;\n", t->is_union ? "union" : "struct",
                t->cname, t->cname);
  }
  for (int i = 0; i < ce->m->types.len; i++) {
    KType *t = ce->m->types.items[i];
    if (t->kind == KT_STRUCT && t->cname) emit_incomplete_fields(ce, t, &incomplete);
  }
  for (int i = 0; i < ce->m->types.len; i++) {
    KType *t = ce->m->types.items[i];
    if (t->kind == KT_STRUCT && t->cname) emit_struct(ce, t);
  }
  sb_puts(ce->out, "\n");
}

static void emit_shared_macros(CEmit *ce) {
  for (int i = 0; i < ce->shared_vars.len; i++) {
    KVar *v = ce->shared_vars.items[i];
    StrBuf ty;
    sb_init(&ty);
    ce_type_decl(&ty, v->type, v->type->kind == KT_ARRAY ? "(*)" : "*");
    sb_printf(ce->out, "#define %s (*(%s)(cw_shm + %d))\n", ce_var_name(ce, v), ty.data,
              ce->shared_off[i]);
    sb_free(&ty);
  }
  for (int i = 0; i < ce->m->globals.len; i++) {
    KVar *v = ce->m->globals.items[i];
    if (v->as == AS_SHARED && v->is_extern)
      vec_push(&ce->arena, &ce->extern_shared, v);
  }
  for (int i = 0; i < ce->extern_shared.len; i++) {
    KVar *v = ce->extern_shared.items[i];
    const KType *e = v->type->kind == KT_ARRAY ? v->type->elem : v->type;
    StrBuf ty;
    sb_init(&ty);
    ce_type_decl(&ty, e, "*");
    sb_printf(ce->out, "#define %s ((%s)cw_dshm)\n", ce_var_name(ce, v), ty.data);
    sb_free(&ty);
  }
}

static void emit_global(CEmit *ce, const KVar *v) {
  StrBuf d;
  sb_init(&d);
  ce_type_decl(&d, v->type, ce_var_name(ce, v));
  sb_printf(ce->out, "%s%s", v->is_static ? "static " : "", d.data);
  sb_free(&d);
  if (v->init) {
    sb_puts(ce->out, " = ");
    ce->static_init = true; /* a __half constant as its bits (c_expr.c) */
    ce_expr(ce, ce->out, v->init);
    ce->static_init = false;
  }
  sb_printf(ce->out, ";%s\n",
            v->as == AS_CONSTANT ? " /* __constant__ */"
            : v->is_managed      ? " /* __managed__ */"
                                 : "");
}

static bool is_func_addr(const KExpr *e, void *ctx) {
  (void)ctx;
  return e->kind == KE_FUNC_ADDR;
}

/* vtables and tables of function pointers: emitted after the device
 * functions' prototypes, which their initializers name */
static bool init_names_functions(const KVar *v) {
  return v->init && kir_expr_any(v->init, is_func_addr, NULL);
}

/* A relocatable module's extern declarations are slots (c_link.c), not
 * definitions: another module's definition fills them. */
static bool defined_here(const CEmit *ce, const KVar *v) {
  return !(ce->m->relocatable && v->is_extern_decl);
}

static void emit_globals(CEmit *ce, PtrVec *statics) {
  for (int i = 0; i < ce->m->globals.len; i++) {
    KVar *v = ce->m->globals.items[i];
    if (v->as != AS_SHARED && !init_names_functions(v) && defined_here(ce, v)) emit_global(ce, v);
  }
  for (int i = 0; i < statics->len; i++) emit_global(ce, statics->items[i]);
  emit_shared_macros(ce);
  sb_puts(ce->out, "\n");
}

/* ---- statements (per thread) --------------------------------------------- */

static void emit_init_expr(CEmit *ce, StrBuf *sb, const KExpr *e) {
  ce_expr(ce, sb, e);
}

void ce_local_decl(CEmit *ce, const KStmt *s) {
  KVar *v = s->var;
  if (v->as == AS_SHARED || v->is_static) return; /* module storage */
  if (ce_remat_init(ce, v)) return; /* recomputed at each use (c_remat.c) */
  KExpr *init = s->init ? s->init : v->init;
  ce_indent(ce);
  if (ce_is_scalar(ce, v)) { /* declared once per block, at the top */
    if (!init) {
      sb_printf(ce->out, "/* %s declared (uniform) */\n", v->name ? v->name : v->cname);
      return;
    }
    sb_printf(ce->out, "%s = ", ce_var_name(ce, v));
    ce_expr(ce, ce->out, init);
    sb_puts(ce->out, ";\n");
    return;
  }
  if (ce_is_promoted(ce, v)) {
    if (!init) {
      sb_printf(ce->out, "/* %s declared */\n", v->name ? v->name : v->cname);
      return;
    }
    if (init->kind == KE_INIT_LIST) {
      StrBuf d;
      sb_init(&d);
      ce_type_decl(&d, v->type, "cw_init");
      sb_printf(ce->out, "{ %s = ", d.data);
      emit_init_expr(ce, ce->out, init);
      sb_printf(ce->out, "; memcpy(&%s[%s], &cw_init, sizeof cw_init); }\n",
                ce_var_name(ce, v), ce->tidx);
      sb_free(&d);
      return;
    }
    sb_printf(ce->out, "%s[%s] = ", ce_var_name(ce, v), ce->tidx);
    ce_expr(ce, ce->out, init);
    sb_puts(ce->out, ";\n");
    return;
  }
  StrBuf d;
  sb_init(&d);
  ce_type_decl(&d, v->type, v->cname);
  sb_puts(ce->out, d.data);
  sb_free(&d);
  if (init) {
    sb_puts(ce->out, " = ");
    emit_init_expr(ce, ce->out, init);
  }
  sb_puts(ce->out, ";\n");
}

static void emit_sub(CEmit *ce, const KStmt *s) {
  if (s && s->kind == KS_BLOCK) {
    ce_stmt(ce, s);
    return;
  }
  ce->indent++;
  ce_stmt(ce, s);
  ce->indent--;
}

const char *ce_spec_cond(const CEmit *ce, const KStmt *s) {
  for (int i = 0; i < 2; i++)
    if (s == ce->spec_if[i] && ce->spec_cond[i]) return ce->spec_cond[i];
  return NULL;
}

void ce_if_head(CEmit *ce, const KStmt *s) {
  ce_indent(ce);
  sb_puts(ce->out, "if (");
  const char *spec = ce_spec_cond(ce, s);
  if (spec) sb_puts(ce->out, spec);
  else ce_expr(ce, ce->out, s->cond);
  sb_puts(ce->out, ")\n");
}

static void emit_if(CEmit *ce, const KStmt *s) {
  ce_if_head(ce, s);
  emit_sub(ce, s->then);
  if (s->els) {
    ce_line(ce, "else");
    emit_sub(ce, s->els);
  }
}

static void emit_loop(CEmit *ce, const KStmt *s) {
  if (s->unroll) ce_line(ce, "/* #pragma unroll%s */", s->unroll > 0 ? " N" : "");
  kir_jump_push(&ce->arena, &ce->jumps, KJT_LOOP, NULL, NULL);
  if (s->loop_kind == KLOOP_DO) {
    ce_line(ce, "do");
    emit_sub(ce, s->body);
    ce_indent(ce);
    sb_puts(ce->out, "while (");
    if (s->cond) ce_expr(ce, ce->out, s->cond);
    else sb_puts(ce->out, "1");
    sb_puts(ce->out, ");\n");
  } else {
    bool block = s->init_stmt != NULL;
    if (block) {
      ce_line(ce, "{");
      ce->indent++;
      ce_stmt(ce, s->init_stmt);
    }
    ce_indent(ce);
    sb_puts(ce->out, "for (; ");
    if (s->cond) ce_expr(ce, ce->out, s->cond);
    sb_puts(ce->out, "; ");
    if (s->step) ce_expr(ce, ce->out, s->step);
    sb_puts(ce->out, ")\n");
    emit_sub(ce, s->body);
    if (block) {
      ce->indent--;
      ce_line(ce, "}");
    }
  }
  if (ce->fiber && s->label) ce_line(ce, "%s_end:;", s->label); /* inlined body's returns */
  kir_jump_pop(&ce->jumps);
}

static void emit_switch(CEmit *ce, const KStmt *s) {
  ce_indent(ce);
  sb_puts(ce->out, "switch (");
  ce_expr(ce, ce->out, s->cond);
  sb_puts(ce->out, ")\n");
  kir_jump_push(&ce->arena, &ce->jumps, KJT_SWITCH, NULL, NULL);
  emit_sub(ce, s->body);
  kir_jump_pop(&ce->jumps);
}

/* break/continue/return that leave the current per-thread loop body */
static void leave_thread(CEmit *ce, const char *state_assign) {
  ce_indent(ce);
  if (state_assign) sb_printf(ce->out, "{ %s goto cw_next%d; }\n", state_assign, ce->ptl);
  else sb_printf(ce->out, "goto cw_next%d;\n", ce->ptl);
}

/* break/continue/return where jumps.c says they go */
static void emit_jump(CEmit *ce, const KStmt *s) {
  if (ce->fiber && s->kind == KS_RETURN) { /* a coroutine kernel: past the inlined body, or done */
    if (s->label) ce_line(ce, "goto %s_end;", s->label);
    else ce_line(ce, "return;");
    return;
  }
  KJump j = kir_jump(&ce->jumps, s);
  char buf[96];
  switch (j.how) {
  case KJ_STAYS: ce_line(ce, s->kind == KS_BREAK ? "break;" : "continue;"); return;
  case KJ_SET_STATE:
    snprintf(buf, sizeof buf, "%s[%s] = %d;", (const char *)j.state, ce->tidx, j.value);
    leave_thread(ce, buf);
    return;
  case KJ_EXIT:
    if (ce->in_kernel) {
      snprintf(buf, sizeof buf, "cw_exit[%s] = 1;", ce->tidx);
      leave_thread(ce, ce->has_exit ? buf : NULL);
      return;
    }
    ce_indent(ce);
    sb_puts(ce->out, "return");
    if (s->e) {
      sb_putc(ce->out, ' ');
      ce_expr(ce, ce->out, s->e);
    }
    sb_puts(ce->out, ";\n");
    return;
  case KJ_NOWHERE:
    if (s->kind == KS_RETURN) ce_error(ce, s->loc, "internal: inlined return without its wrapper");
    else ce_error(ce, s->loc, "'%s' outside a loop", s->kind == KS_BREAK ? "break" : "continue");
    return;
  }
}

static void emit_block(CEmit *ce, const KStmt *s) {
  ce_line(ce, "{");
  ce->indent++;
  for (int i = 0; i < s->nstmts; i++) ce_stmt(ce, s->stmts[i]);
  ce->indent--;
  ce_line(ce, "}");
}

void ce_stmt(CEmit *ce, const KStmt *s) {
  if (!s) {
    ce_line(ce, ";");
    return;
  }
  switch (s->kind) {
  case KS_BLOCK: emit_block(ce, s); break;
  case KS_DECL: ce_local_decl(ce, s); break;
  case KS_EXPR:
    ce_indent(ce);
    ce_expr(ce, ce->out, s->e);
    sb_puts(ce->out, ";\n");
    break;
  case KS_IF: emit_if(ce, s); break;
  case KS_LOOP: emit_loop(ce, s); break;
  case KS_SWITCH: emit_switch(ce, s); break;
  case KS_CASE:
    ce->indent--;
    if (s->is_default) ce_line(ce, "default:;");
    else ce_line(ce, "case %lld:;", (long long)s->case_value);
    ce->indent++;
    break;
  case KS_BREAK: case KS_CONTINUE: case KS_RETURN: emit_jump(ce, s); break;
  case KS_BARRIER:
    if (s->scope == KBAR_GRID && ce->fiber) {
      ce_error(ce, s->loc, "grid-wide synchronization (grid_group::sync) in a kernel that runs "
                           "as one coroutine per thread (a barrier in a switch, goto) is not "
                           "supported by the CPU backend");
      break;
    }
    if (s->scope == KBAR_GRID) { /* one thread per block */
      ce_line(ce, "cw_ctx->grid_sync_fn(cw_ctx);");
      break;
    }
    if (ce->fiber) {
      if (s->scope != KBAR_VIRTUAL) {
        ce_check_barrier(ce); /* at each thread's arrival: see c_fiber.c */
        StrBuf mark;
        sb_init(&mark);
        ce_check_fiber_mark(ce, &mark, s->loc,
                            s->scope == KBAR_WARP ? "__syncwarp()" : "__syncthreads()");
        ce_line(ce, "%s%s;", mark.data ? mark.data : "",
                s->scope == KBAR_WARP ? "(void)cw_fiber_warp_sync(cw_fb)"
                                      : "cw_fiber_barrier(cw_fb)");
        sb_free(&mark);
      }
      break;
    }
    ce_line(ce, "/* %s: no other thread runs here */",
            s->scope == KBAR_WARP ? "__syncwarp()" : "__syncthreads()");
    break;
  case KS_LABEL: ce_line(ce, "%s:;", s->label); break;
  case KS_GOTO: ce_line(ce, "goto %s;", s->label); break;
  }
}

/* ---- device functions ----------------------------------------------------- */

static void func_header(CEmit *ce, const KFunc *f) {
  StrBuf params;
  sb_init(&params);
  sb_puts(&params, "CW_DEVICE_PARAMS");
  for (int i = 0; i < f->nparams; i++) {
    sb_puts(&params, ", ");
    ce_type_decl(&params, f->params[i]->type, f->params[i]->cname);
  }
  StrBuf h;
  sb_init(&h);
  StrBuf inner;
  sb_init(&inner);
  sb_printf(&inner, "%s(%s)", f->cname, params.data);
  ce_type_decl(&h, f->ret ? f->ret : ce->m->t_void, inner.data);
  sb_printf(ce->out, "static %s", h.data);
  sb_free(&h);
  sb_free(&inner);
  sb_free(&params);
}

static void emit_device_func(CEmit *ce, const KFunc *f) {
  ce->fn = f;
  ce->in_kernel = false;
  ce->tidx = "cw_t";
  ce->jumps.len = 0;
  ce->ptl = -1;
  sb_printf(ce->out, "/* %s */\n", f->name);
  func_header(ce, f);
  sb_puts(ce->out, " {\n  CW_DEVICE_PROLOGUE\n");
  ce->indent = 1;
  const KStmt *b = f->body;
  if (b->kind == KS_BLOCK)
    for (int i = 0; i < b->nstmts; i++) ce_stmt(ce, b->stmts[i]);
  else ce_stmt(ce, b);
  ce->indent = 0;
  sb_puts(ce->out, "}\n\n");
}

static bool is_plain_device_func(const KFunc *f) {
  return !(f->flags & KF_GLOBAL) && f->body && !kir_func_has_split(f);
}

/* No __device__, __constant__ or __managed__ variable and no link slots:
 * a second object compiled from the same C shares nothing with the first
 * that could tell them apart, so it may hold the kernels' exact copies. */
static bool keeps_no_state(const KModule *m) {
  if (m->relocatable) return false;
  for (int i = 0; i < m->globals.len; i++)
    if (((KVar *)m->globals.items[i])->as != AS_SHARED) return false;
  return true;
}

static void emit_functions(CEmit *ce) {
  for (int i = 0; i < ce->m->funcs.len; i++) {
    const KFunc *f = ce->m->funcs.items[i];
    if (!is_plain_device_func(f)) continue;
    func_header(ce, f);
    sb_puts(ce->out, ";\n");
  }
  for (int i = 0; i < ce->m->globals.len; i++) {
    KVar *v = ce->m->globals.items[i];
    if (v->as != AS_SHARED && init_names_functions(v)) emit_global(ce, v);
  }
  sb_puts(ce->out, "\n");
  ce_launch_helpers(ce);
  for (int i = 0; i < ce->m->funcs.len; i++) {
    const KFunc *f = ce->m->funcs.items[i];
    if (is_plain_device_func(f)) emit_device_func(ce, f);
    else if (!(f->flags & KF_GLOBAL) && f->body)
      sb_printf(ce->out, "/* %s: has barriers or warp collectives, inlined "
                         "into its callers */\n\n", f->name);
  }
  ce->exact_apart = keeps_no_state(ce->m);
  if (ce->exact_apart)
    sb_puts(ce->out, "/* No module state: the exact copies may live in a second object "
                     "(c_prelude.c) */\n#if defined(CW_LAZY_EXACT) && !defined(CW_EXACT_ONLY)\n"
                     "#define CW_EXACT_APART 1\nconst int cw_exact_apart = 1;\n#endif\n\n");
  for (int i = 0; i < ce->m->funcs.len; i++) {
    const KFunc *f = ce->m->funcs.items[i];
    if ((f->flags & KF_GLOBAL) && f->body) ce_kernel(ce, f);
  }
}

/* ---- tables ----------------------------------------------------------- */

void ce_c_string(StrBuf *sb, const char *s) {
  sb_putc(sb, '"');
  for (; *s; s++) {
    if (*s == '"' || *s == '\\') sb_putc(sb, '\\');
    sb_putc(sb, *s);
  }
  sb_putc(sb, '"');
}

static void emit_tables(CEmit *ce, int kernel_shared) {
  StrBuf *o = ce->out;
  for (int i = 0; i < ce->m->funcs.len; i++) {
    const KFunc *f = ce->m->funcs.items[i];
    if (!(f->flags & KF_GLOBAL) || !f->body) continue;
    sb_printf(o, "static const uint32_t cw_psz_%s[] = {", f->cname);
    for (int p = 0; p < f->nparams; p++)
      sb_printf(o, "%s%d", p ? ", " : "", f->params[p]->type->size);
    sb_printf(o, "%s};\n", f->nparams ? "" : "0");
  }
  sb_puts(o, "const cw_kernel_desc cw_kernels[] = {\n");
  for (int i = 0; i < ce->m->funcs.len; i++) {
    const KFunc *f = ce->m->funcs.items[i];
    if (!(f->flags & KF_GLOBAL) || !f->body) continue;
    sb_puts(o, "  {");
    ce_c_string(o, f->name);
    sb_printf(o, ", \"%s\", cwk_%s, %d, %d, cw_psz_%s", f->cname, f->cname,
              ce->shared_size > kernel_shared ? ce->shared_size : kernel_shared,
              f->nparams, f->cname);
    long group = ce_group_bytes(ce, f);
    if (group >= 0) sb_printf(o, ", cwg_%s, %ld},\n", f->cname, group);
    else sb_puts(o, ", 0, 0},\n");
  }
  sb_puts(o, "  {0, 0, 0, 0, 0, 0, 0, 0}\n};\nconst cw_symbol_desc cw_symbols[] = {\n");
  for (int i = 0; i < ce->m->globals.len; i++) {
    KVar *v = ce->m->globals.items[i];
    if (v->as == AS_SHARED || !defined_here(ce, v)) continue;
    sb_puts(o, "  {");
    ce_c_string(o, v->name ? v->name : v->cname);
    sb_printf(o, ", (void *)&%s, sizeof %s},\n", v->cname, v->cname);
  }
  sb_printf(o, "  {0, 0, 0}\n};\nconst int cw_abi_version = %d;\n",
            CW_C_ABI_VERSION);
  ce_link_tables(ce);
}

/* ---- entry point -------------------------------------------------------- */

static char *emit_c_mode(const KModule *m, const char *source_name, CwDiags *d, bool check,
                         bool accesses, bool races);

char *emit_c(const KModule *m, const char *source_name, CwDiags *d) {
  return emit_c_mode(m, source_name, d, false, false, false);
}

char *emit_c_checked(const KModule *m, const char *source_name, CwDiags *d, bool accesses,
                     bool races) {
  return emit_c_mode(m, source_name, d, true, accesses, races);
}

static char *emit_c_mode(const KModule *m, const char *source_name, CwDiags *d, bool check,
                         bool accesses, bool races) {
  CEmit ce = {.m = m, .d = d, .ptl = -1, .tidx = "cw_t", .check = check,
              .check_access = check && accesses, .check_races = check && accesses && races};
  StrBuf out;
  sb_init(&out);
  arena_init(&ce.arena);
  ce.out = &out;
  int errors = d->errors;
  sb_printf(&out, "/* Generated by cuwasm from %s: one C function per "
                  "kernel, each running a whole thread block. */\n",
            source_name ? source_name : "<source>");
  sb_puts(&out, c_prelude_text);
  if (check && races) sb_puts(&out, "#define CW_CHECK_RACES 1 /* racecheck's inline paths */\n");
  if (check) sb_puts(&out, c_check_prelude_text);
  PtrVec statics = {0};
  int kernel_shared = 0;
  layout_shared(&ce, &statics, &kernel_shared);
  emit_vec_types(&ce);
  emit_structs(&ce);
  emit_globals(&ce, &statics);
  ce_link_slots(&ce);
  StrBuf funcs; /* after the scheduler, which only files with coroutine kernels get */
  sb_init(&funcs);
  ce.out = &funcs;
  emit_functions(&ce);
  ce.out = &out;
  if (ce.uses_fibers) sb_puts(&out, c_fiber_prelude_text);
  ce_check_field_tables(&ce, &out);
  if (funcs.data) sb_puts(&out, funcs.data);
  if (funcs.failed) out.failed = true;
  sb_free(&funcs);
  emit_tables(&ce, kernel_shared);
  arena_free(&ce.arena);
  if (out.failed || d->errors > errors) {
    if (out.failed) diag_add(d, DIAG_ERROR, (SrcLoc){0}, "out of memory");
    sb_free(&out);
    return NULL;
  }
  return sb_take(&out);
}
