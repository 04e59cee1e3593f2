/*
 * c_link.c — what a relocatable module (-rdc=true) adds to its C: the
 * slots through which it reaches what other modules define, and the
 * tables the runtime's linker reads (cw_module_link, src/rt/cpu/cpu.c).
 *
 * An extern __device__ variable this TU does not define becomes a
 * pointer, `static T *cw_ext_x;`, and every use reads `(*cw_ext_x)`; an
 * unsized array `extern __device__ T a[];` becomes a pointer to its
 * elements used as `a` would be.  A device function without a body
 * becomes a function pointer with the function's own name and C
 * signature, so calls are emitted as for any other function.
 * cw_externs[] lists the slots; cw_functions[] lists the module's
 * defined device functions (not static ones) for other modules' slots.
 * The barrier analysis cannot see into another module, so calls through
 * slots count as barrier-free; a definition that synchronises the block
 * is flagged and the linker refuses it by name, as it refuses one that
 * uses static __shared__ variables (its module's shared memory layout is
 * not the calling kernel's).  Functions
 * and variables are matched by name, functions with their parameter
 * types (`scale(float*, int32_t)`), so overloads stay apart.
 * A module that is not relocatable gets none of this: its C is exactly
 * what it was before separate compilation existed.
 */
#include "emit/c_internal.h"

#define CW_C_ABI_NO_DEFINE
#include "emit/c_abi.h"

void ce_link_name(CEmit *ce, StrBuf *sb, const KFunc *f) {
  sb_printf(sb, "%s(", f->name);
  for (int i = 0; i < f->nparams; i++) {
    if (i) sb_puts(sb, ", ");
    ce_type_name(sb, f->params[i]->type);
  }
  sb_putc(sb, ')');
  (void)ce;
}

static const char *file_of(const SrcLoc *loc) {
  return srcloc_file(*loc) && srcloc_file(*loc)->name ? srcloc_file(*loc)->name : "<source>";
}

/* The file of an extern's first use names it in the linker's errors: a
 * declaration is often in a header, the use is in the file that needs it. */
static void note_extern(void *ctx, const KFunc *fn, const KVar *var, SrcLoc use) {
  CEmit *ce = ctx;
  if (fn) {
    vec_push(&ce->arena, &ce->ext_funcs, (void *)fn);
    vec_push(&ce->arena, &ce->ext_func_files, (void *)file_of(&use));
  } else {
    vec_push(&ce->arena, &ce->ext_vars, (void *)var);
    vec_push(&ce->arena, &ce->ext_var_files, (void *)file_of(&use));
  }
}

static bool unsized_array(const KVar *v) {
  return v->type->kind == KT_ARRAY && v->type->count < 0;
}

static void variable_slot(CEmit *ce, const KVar *v) {
  StrBuf d, name;
  sb_init(&d);
  sb_init(&name);
  sb_printf(&name, "*cw_ext_%s", v->cname);
  ce_type_decl(&d, unsized_array(v) ? v->type->elem : v->type, name.data);
  sb_printf(ce->out, "static %s; /* extern __device__ %s */\n", d.data, v->name);
  sb_free(&d);
  sb_free(&name);
  sb_init(&name);
  if (unsized_array(v)) sb_printf(&name, "cw_ext_%s", v->cname);
  else sb_printf(&name, "(*cw_ext_%s)", v->cname);
  ce_rename(ce, v, name.data);
  sb_free(&name);
}

static void function_slot(CEmit *ce, const KFunc *f) {
  StrBuf inner, h;
  sb_init(&inner);
  sb_init(&h);
  sb_printf(&inner, "(*%s)(CW_DEVICE_PARAMS", f->cname);
  for (int i = 0; i < f->nparams; i++) {
    sb_puts(&inner, ", ");
    ce_type_decl(&inner, f->params[i]->type, f->params[i]->cname);
  }
  sb_putc(&inner, ')');
  ce_type_decl(&h, f->ret ? f->ret : ce->m->t_void, inner.data);
  sb_printf(ce->out, "static %s; /* %s, defined in another file */\n", h.data, f->name);
  sb_free(&inner);
  sb_free(&h);
}

void ce_link_slots(CEmit *ce) {
  if (!ce->m->relocatable) return;
  sb_puts(ce->out, CW_C_LINK_TEXT "\n");
  kir_undefined_externs(ce->m, false, note_extern, ce);
  for (int i = 0; i < ce->ext_vars.len; i++) variable_slot(ce, ce->ext_vars.items[i]);
  for (int i = 0; i < ce->ext_funcs.len; i++) function_slot(ce, ce->ext_funcs.items[i]);
  sb_puts(ce->out, "\n");
}

enum { MAX_CALL_DEPTH = 16 };

static bool func_uses_static_shared(const KFunc *f, int depth);

static bool expr_uses_static_shared(const KExpr *e, int depth) {
  if (!e) return false;
  if (e->kind == KE_VAR && e->var && e->var->as == AS_SHARED && !e->var->is_extern) return true;
  if (e->kind == KE_CALL && e->fn && func_uses_static_shared(e->fn, depth + 1)) return true;
  if (expr_uses_static_shared(e->a, depth) || expr_uses_static_shared(e->b, depth) ||
      expr_uses_static_shared(e->c, depth))
    return true;
  for (int i = 0; i < e->nargs; i++)
    if (expr_uses_static_shared(e->args[i], depth)) return true;
  return false;
}

static bool stmt_uses_static_shared(const KStmt *s, int depth) {
  if (!s) return false;
  if (s->kind == KS_DECL && s->var->as == AS_SHARED && !s->var->is_extern) return true;
  for (int i = 0; i < s->nstmts; i++)
    if (stmt_uses_static_shared(s->stmts[i], depth)) return true;
  return expr_uses_static_shared(s->init, depth) || expr_uses_static_shared(s->e, depth) ||
         expr_uses_static_shared(s->cond, depth) || expr_uses_static_shared(s->step, depth) ||
         stmt_uses_static_shared(s->then, depth) || stmt_uses_static_shared(s->els, depth) ||
         stmt_uses_static_shared(s->init_stmt, depth) || stmt_uses_static_shared(s->body, depth);
}

static bool func_uses_static_shared(const KFunc *f, int depth) {
  return depth <= MAX_CALL_DEPTH && f->body && stmt_uses_static_shared(f->body, depth);
}

static bool exported(const KFunc *f) {
  return !(f->flags & (KF_GLOBAL | KF_INTERNAL)) && f->body;
}

void ce_link_tables(CEmit *ce) {
  if (!ce->m->relocatable) return;
  StrBuf *o = ce->out;
  sb_puts(o, "const cw_extern_desc cw_externs[] = {\n");
  for (int i = 0; i < ce->ext_vars.len; i++) {
    const KVar *v = ce->ext_vars.items[i];
    sb_puts(o, "  {");
    ce_c_string(o, v->name ? v->name : v->cname);
    sb_printf(o, ", %d, (void *)&cw_ext_%s, ", CW_EXTERN_VARIABLE, v->cname);
    ce_c_string(o, ce->ext_var_files.items[i]);
    sb_puts(o, "},\n");
  }
  for (int i = 0; i < ce->ext_funcs.len; i++) {
    const KFunc *f = ce->ext_funcs.items[i];
    StrBuf n;
    sb_init(&n);
    ce_link_name(ce, &n, f);
    sb_puts(o, "  {");
    ce_c_string(o, n.data);
    sb_printf(o, ", %d, (void *)&%s, ", CW_EXTERN_FUNCTION, f->cname);
    ce_c_string(o, ce->ext_func_files.items[i]);
    sb_puts(o, "},\n");
    sb_free(&n);
  }
  sb_puts(o, "  {0, 0, 0, 0}\n};\nconst cw_function_desc cw_functions[] = {\n");
  for (int i = 0; i < ce->m->funcs.len; i++) {
    const KFunc *f = ce->m->funcs.items[i];
    if (!exported(f)) continue;
    bool split = kir_func_has_split(f);
    int flags = (split ? CW_FUNCTION_BARRIER : 0) |
                (func_uses_static_shared(f, 0) ? CW_FUNCTION_STATIC_SHARED : 0);
    StrBuf n;
    sb_init(&n);
    ce_link_name(ce, &n, f);
    sb_puts(o, "  {");
    ce_c_string(o, n.data);
    if (split) sb_printf(o, ", 0, %d},\n", flags);
    else sb_printf(o, ", (void *)%s, %d},\n", f->cname, flags);
    sb_free(&n);
  }
  sb_puts(o, "  {0, 0, 0}\n};\n");
}
