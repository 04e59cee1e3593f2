/*
 * dump.c — the textual form of KIR (`cuwasm transpile --target kir`).
 *
 * The format is for people and golden tests: C-like statements, every
 * operation spelled with its result type (`add.i32(a, b)`), every
 * conversion explicit (`cvt.f32(x)`), locals as %name, globals as @name.
 * It must stay stable: golden files diff it byte for byte, so it prints no
 * addresses and nothing that depends on hashing or allocation order.
 */
#include "kir.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *as_name[] = {"", "global", "shared", "constant", "local"};

static const char *cpp_scalar(const KType *t) {
  switch (t->kind) {
  case KT_BOOL: return "bool";
  case KT_I8: return "signed char";
  case KT_U8: return "unsigned char";
  case KT_I16: return "short";
  case KT_U16: return "unsigned short";
  case KT_I32: return t->is_long ? "long" : "int";
  case KT_U32: return t->is_long ? "unsigned long" : "unsigned int";
  case KT_I64: return t->is_long ? "long" : "long long";
  case KT_U64: return t->is_long ? "unsigned long" : "unsigned long long";
  case KT_F16: return "__half";
  case KT_F32: return "float";
  case KT_F64: return "double";
  case KT_VOID: return "void";
  default: return NULL;
  }
}

static void cpp_rec(StrBuf *sb, const KType *t, bool top) {
  if (t->kind == KT_PTR || t->kind == KT_ARRAY) {
    cpp_rec(sb, t->elem, false);
    sb_printf(sb, "*%s", !top && t->is_const ? " const" : "");
    return;
  }
  const char *s = cpp_scalar(t);
  sb_printf(sb, "%s%s", !top && t->is_const ? "const " : "", s ? s : t->name ? t->name : "?");
}

void kt_print_cpp(StrBuf *sb, const KType *t) { cpp_rec(sb, t, true); }

void kt_print(StrBuf *sb, const KType *t) {
  static const char *scalar[] = {"void", "bool", "i8",  "i16", "i32",
                                 "i64",  "u8",   "u16", "u32", "u64",
                                 "f16",  "f32",  "f64"};
  if (t->is_const) sb_puts(sb, "const ");
  if (t->is_volatile) sb_puts(sb, "volatile ");
  switch (t->kind) {
  case KT_VEC:
    sb_puts(sb, t->name ? t->name : "vec");
    return;
  case KT_PTR:
    if (t->elem->kind == KT_FUNC) sb_putc(sb, '(');
    kt_print(sb, t->elem);
    if (t->elem->kind == KT_FUNC) sb_putc(sb, ')');
    sb_putc(sb, '*');
    if (t->as != AS_GENERIC) sb_puts(sb, as_name[t->as]);
    return;
  case KT_ARRAY:
    if (t->count < 0)
      sb_puts(sb, "[? x ");
    else
      sb_printf(sb, "[%d x ", t->count);
    kt_print(sb, t->elem);
    sb_putc(sb, ']');
    return;
  case KT_STRUCT:
    sb_printf(sb, "%%%s", t->name);
    return;
  case KT_FUNC:
    sb_puts(sb, "fn(");
    for (int i = 0; i < t->nparams; i++) {
      if (i) sb_puts(sb, ", ");
      kt_print(sb, t->params[i]);
    }
    sb_puts(sb, t->variadic ? ", ...) -> " : ") -> ");
    kt_print(sb, t->elem);
    return;
  default:
    sb_puts(sb, scalar[t->kind]);
  }
}

static const char *op_name(KOp op) {
  static const char *n[] = {"none", "add", "sub", "mul", "div", "mod", "shl",
                            "shr",  "and", "or",  "xor", "land", "lor", "eq",
                            "ne",   "lt",  "le",  "gt",  "ge",  "neg", "not",
                            "bitnot"};
  return n[op];
}

static void dump_expr(StrBuf *sb, const KExpr *e);

static void dump_args(StrBuf *sb, KExpr **args, int n) {
  for (int i = 0; i < n; i++) {
    if (i) sb_puts(sb, ", ");
    dump_expr(sb, args[i]);
  }
}

static void dump_str(StrBuf *sb, const char *s, int n) {
  sb_putc(sb, '"');
  for (int i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '"' || c == '\\')
      sb_printf(sb, "\\%c", c);
    else if (c == '\n')
      sb_puts(sb, "\\n");
    else if (c < 32 || c > 126)
      sb_printf(sb, "\\x%02x", c);
    else
      sb_putc(sb, (char)c);
  }
  sb_putc(sb, '"');
}

static void dump_op_typed(StrBuf *sb, const char *name, const KType *t) {
  sb_printf(sb, "%s.", name);
  kt_print(sb, t);
}

static void dump_expr(StrBuf *sb, const KExpr *e) {
  static const char *bvars[] = {"threadIdx", "blockIdx", "blockDim", "gridDim",
                                "warpSize", "laneId"};
  switch (e->kind) {
  case KE_INT:
    if (kt_is_signed(e->type))
      sb_printf(sb, "%" PRId64, e->ival);
    else
      sb_printf(sb, "%" PRIu64 "u", (uint64_t)e->ival);
    if (e->type->kind != KT_I32 && e->type->kind != KT_U32) {
      sb_putc(sb, ':');
      kt_print(sb, e->type);
    }
    return;
  case KE_FLOAT:
    sb_printf(sb, "%.17g:", e->fval);
    kt_print(sb, e->type);
    return;
  case KE_STR:
    dump_str(sb, e->str->bytes, e->str->len);
    return;
  case KE_VAR:
    sb_printf(sb, "%c%s", e->var->kind == KV_GLOBAL ? '@' : '%',
              e->var->cname);
    return;
  case KE_BVAR:
    sb_puts(sb, bvars[e->bvar]);
    if (e->field >= 0) sb_printf(sb, ".%c", "xyz"[e->field]);
    return;
  case KE_UNARY:
  case KE_BINARY:
    dump_op_typed(sb, op_name(e->op), e->type);
    sb_putc(sb, '(');
    dump_expr(sb, e->a);
    if (e->b) {
      sb_puts(sb, ", ");
      dump_expr(sb, e->b);
    }
    sb_putc(sb, ')');
    return;
  case KE_ASSIGN:
    sb_puts(sb, "(");
    dump_expr(sb, e->a);
    if (e->op != KOP_NONE)
      sb_printf(sb, " %s= ", op_name(e->op));
    else
      sb_puts(sb, " = ");
    dump_expr(sb, e->b);
    sb_puts(sb, ")");
    return;
  case KE_INCDEC:
    sb_printf(sb, "%s%s(", e->prefix ? "pre" : "post",
              e->op == KOP_ADD ? "inc" : "dec");
    dump_expr(sb, e->a);
    sb_putc(sb, ')');
    return;
  case KE_COND:
    sb_puts(sb, "select(");
    dump_expr(sb, e->a);
    sb_puts(sb, ", ");
    dump_expr(sb, e->b);
    sb_puts(sb, ", ");
    dump_expr(sb, e->c);
    sb_putc(sb, ')');
    return;
  case KE_COMMA:
    sb_puts(sb, "seq(");
    dump_expr(sb, e->a);
    sb_puts(sb, ", ");
    dump_expr(sb, e->b);
    sb_putc(sb, ')');
    return;
  case KE_CAST:
    dump_op_typed(sb, "cvt", e->type);
    sb_putc(sb, '(');
    dump_expr(sb, e->a);
    sb_putc(sb, ')');
    return;
  case KE_INDEX:
    dump_expr(sb, e->a);
    sb_putc(sb, '[');
    dump_expr(sb, e->b);
    sb_putc(sb, ']');
    return;
  case KE_MEMBER:
    dump_expr(sb, e->a);
    if (e->a->type->kind == KT_VEC)
      sb_printf(sb, ".%c", "xyzw"[e->field]);
    else
      sb_printf(sb, ".%s", e->a->type->unqual->fields[e->field].name);
    return;
  case KE_DEREF:
    sb_puts(sb, "load(");
    dump_expr(sb, e->a);
    sb_putc(sb, ')');
    return;
  case KE_ADDR:
    sb_puts(sb, "addr(");
    dump_expr(sb, e->a);
    sb_putc(sb, ')');
    return;
  case KE_FUNC_ADDR:
    sb_printf(sb, "fnaddr @%s", e->fn->cname);
    return;
  case KE_CALL:
    if (!e->fn) {
      sb_puts(sb, "icall ");
      dump_expr(sb, e->a);
      sb_putc(sb, '(');
      dump_args(sb, e->args, e->nargs);
      sb_putc(sb, ')');
      return;
    }
    sb_printf(sb, "call @%s(", e->fn->cname);
    dump_args(sb, e->args, e->nargs);
    sb_putc(sb, ')');
    return;
  case KE_BUILTIN:
    if (e->builtin == KB_DEVICE_LAUNCH && e->fn) { /* launch @k<<<grid, block, shm, stream>>>(args) */
      sb_printf(sb, "launch @%s<<<", e->fn->cname);
      dump_args(sb, e->args, e->nargs < 4 ? e->nargs : 4);
      sb_puts(sb, ">>>(");
      if (e->nargs > 4) dump_args(sb, e->args + 4, e->nargs - 4);
      sb_putc(sb, ')');
      return;
    }
    sb_printf(sb, "%s(", kb_info(e->builtin)->name);
    dump_args(sb, e->args, e->nargs);
    sb_putc(sb, ')');
    return;
  case KE_VEC:
  case KE_INIT_LIST:
    if (e->kind == KE_VEC) kt_print(sb, e->type);
    sb_putc(sb, '{');
    for (int i = 0; i < e->nargs; i++) {
      if (i) sb_puts(sb, ", ");
      if (kexpr_designator(e, i) >= 0)
        sb_printf(sb, "[%d]=", kexpr_designator(e, i));
      dump_expr(sb, e->args[i]);
    }
    sb_putc(sb, '}');
    return;
  default:
    sb_puts(sb, "?");
  }
}

static void indent(StrBuf *sb, int n) {
  for (int i = 0; i < n; i++) sb_puts(sb, "  ");
}

static void dump_stmt(StrBuf *sb, const KStmt *s, int lv);

static void dump_block_body(StrBuf *sb, const KStmt *s, int lv) {
  sb_puts(sb, "{\n");
  if (s->kind == KS_BLOCK)
    for (int i = 0; i < s->nstmts; i++) dump_stmt(sb, s->stmts[i], lv + 1);
  else
    dump_stmt(sb, s, lv + 1);
  indent(sb, lv);
  sb_putc(sb, '}');
}

static void dump_var_decl(StrBuf *sb, const KVar *v) {
  sb_printf(sb, "%%%s: ", v->cname);
  kt_print(sb, v->type);
  if (v->as == AS_SHARED) sb_puts(sb, " shared");
  if (v->is_static) sb_puts(sb, " static");
  if (v->is_extern) sb_puts(sb, " extern");
}

static void dump_loop(StrBuf *sb, const KStmt *s, int lv) {
  static const char *kinds[] = {"for", "while", "do", "threads"};
  sb_puts(sb, kinds[s->loop_kind]);
  if (s->unroll) sb_printf(sb, " unroll(%d)", s->unroll);
  if (s->loop_kind != KLOOP_FOR) {
    sb_puts(sb, " (");
    if (s->cond && s->loop_kind == KLOOP_THREADS) sb_puts(sb, "threadIdx.x == ");
    if (s->cond) dump_expr(sb, s->cond);
    sb_puts(sb, ") ");
    dump_block_body(sb, s->body, lv);
    sb_putc(sb, '\n');
    return;
  }
  sb_puts(sb, " (");
  if (s->init_stmt) {
    StrBuf tmp;
    sb_init(&tmp);
    dump_stmt(&tmp, s->init_stmt, 0);
    if (tmp.len && tmp.data[tmp.len - 1] == '\n') tmp.len--;
    sb_putn(sb, tmp.data ? tmp.data : "", tmp.len);
    sb_free(&tmp);
  } else {
    sb_putc(sb, ';');
  }
  sb_putc(sb, ' ');
  if (s->cond) dump_expr(sb, s->cond);
  sb_puts(sb, "; ");
  if (s->step) dump_expr(sb, s->step);
  sb_puts(sb, ") ");
  dump_block_body(sb, s->body, lv);
  sb_putc(sb, '\n');
}

static void dump_stmt(StrBuf *sb, const KStmt *s, int lv) {
  indent(sb, lv);
  switch (s->kind) {
  case KS_BLOCK:
    dump_block_body(sb, s, lv);
    sb_putc(sb, '\n');
    return;
  case KS_DECL:
    sb_puts(sb, "let ");
    dump_var_decl(sb, s->var);
    if (s->init) {
      sb_puts(sb, " = ");
      dump_expr(sb, s->init);
    }
    sb_puts(sb, ";\n");
    return;
  case KS_EXPR:
    dump_expr(sb, s->e);
    sb_puts(sb, ";\n");
    return;
  case KS_IF:
    sb_puts(sb, "if (");
    dump_expr(sb, s->cond);
    sb_puts(sb, ") ");
    dump_block_body(sb, s->then, lv);
    if (s->els) {
      sb_puts(sb, " else ");
      dump_block_body(sb, s->els, lv);
    }
    sb_putc(sb, '\n');
    return;
  case KS_LOOP:
    dump_loop(sb, s, lv);
    return;
  case KS_SWITCH:
    sb_puts(sb, "switch (");
    dump_expr(sb, s->cond);
    sb_puts(sb, ") ");
    dump_block_body(sb, s->body, lv);
    sb_putc(sb, '\n');
    return;
  case KS_CASE:
    if (s->is_default)
      sb_puts(sb, "default:\n");
    else
      sb_printf(sb, "case %" PRId64 ":\n", s->case_value);
    return;
  case KS_BREAK: sb_puts(sb, "break;\n"); return;
  case KS_CONTINUE: sb_puts(sb, "continue;\n"); return;
  case KS_RETURN:
    sb_puts(sb, "return");
    if (s->e) {
      sb_putc(sb, ' ');
      dump_expr(sb, s->e);
    }
    sb_puts(sb, ";\n");
    return;
  case KS_BARRIER:
    sb_puts(sb, s->scope == KBAR_BLOCK ? "barrier.block" : s->scope == KBAR_WARP ? "barrier.warp" : s->scope == KBAR_GRID ? "barrier.grid" : "barrier.virtual");
    if (s->e) {
      sb_putc(sb, '(');
      dump_expr(sb, s->e);
      sb_putc(sb, ')');
    }
    sb_puts(sb, s->implicit ? "; /* implicit: the warp reconverges */\n" : ";\n");
    return;
  case KS_LABEL: sb_printf(sb, "%s:\n", s->label); return;
  case KS_GOTO: sb_printf(sb, "goto %s;\n", s->label); return;
  }
}

static void dump_struct(StrBuf *sb, const KType *t) {
  sb_printf(sb, "%s %%%s size %d align %d {\n", t->is_union ? "union" : "struct",
            t->name, t->size, t->align);
  for (int i = 0; i < t->nfields; i++) {
    sb_printf(sb, "  %s: ", t->fields[i].name);
    kt_print(sb, t->fields[i].type);
    sb_printf(sb, " @%d\n", t->fields[i].offset);
  }
  sb_puts(sb, "}\n");
}

static void dump_global(StrBuf *sb, const KVar *v) {
  static const char *spaces[] = {"device", "device", "shared", "constant",
                                 "local"};
  sb_printf(sb, "%s%s @%s: ", v->is_managed ? "managed" : spaces[v->as],
            v->is_extern || v->is_extern_decl ? " extern" : "", v->cname);
  kt_print(sb, v->type);
  if (v->init) {
    sb_puts(sb, " = ");
    dump_expr(sb, v->init);
  }
  sb_putc(sb, '\n');
}

static void dump_func(StrBuf *sb, const KFunc *f) {
  sb_printf(sb, "%s @%s", (f->flags & KF_GLOBAL) ? "kernel" : "func", f->cname);
  if (strcmp(f->name, f->cname)) {
    sb_putc(sb, ' ');
    dump_str(sb, f->name, (int)strlen(f->name));
  }
  sb_putc(sb, '(');
  for (int i = 0; i < f->nparams; i++) {
    if (i) sb_puts(sb, ", ");
    dump_var_decl(sb, f->params[i]);
  }
  sb_puts(sb, ") -> ");
  kt_print(sb, f->ret);
  if (f->max_threads)
    sb_printf(sb, " launch_bounds(%d, %d)", f->max_threads, f->min_blocks);
  if (f->flags & KF_FORCEINLINE) sb_puts(sb, " forceinline");
  if (f->flags & KF_NOINLINE) sb_puts(sb, " noinline");
  if (f->body) {
    sb_putc(sb, ' ');
    dump_block_body(sb, f->body, 0);
  } else {
    sb_puts(sb, ";");
  }
  sb_putc(sb, '\n');
}

/* Only structs that device code uses are printed: the CUDA headers declare
 * host-side structs (cudaDeviceProp, ...) that are not part of the kernel. */
static void mark_type(char *used, KType *t) {
  while (t && (t->kind == KT_PTR || t->kind == KT_ARRAY)) t = t->elem;
  if (!t || t->kind != KT_STRUCT || used[t->unqual->id]) return;
  used[t->unqual->id] = 1;
  for (int i = 0; i < t->unqual->nfields; i++) mark_type(used, t->unqual->fields[i].type);
}

static void mark_expr(char *used, const KExpr *e) {
  if (!e) return;
  mark_type(used, e->type);
  mark_expr(used, e->a);
  mark_expr(used, e->b);
  mark_expr(used, e->c);
  for (int i = 0; i < e->nargs; i++) mark_expr(used, e->args[i]);
}

static void mark_stmt(char *used, const KStmt *s) {
  if (!s) return;
  if (kstmt_var(s)) mark_type(used, s->var->type);
  mark_expr(used, s->init);
  mark_expr(used, s->e);
  mark_expr(used, s->cond);
  mark_expr(used, s->step);
  mark_stmt(used, s->then);
  mark_stmt(used, s->els);
  mark_stmt(used, s->init_stmt);
  mark_stmt(used, s->body);
  for (int i = 0; i < s->nstmts; i++) mark_stmt(used, s->stmts[i]);
}

void kir_dump(StrBuf *sb, const KModule *m) {
  sb_puts(sb, "; KIR module\n");
  char *used = calloc((size_t)m->next_type_id + 1, 1);
  for (int i = 0; used && i < m->globals.len; i++) {
    KVar *v = m->globals.items[i];
    mark_type(used, v->type);
  }
  for (int i = 0; used && i < m->funcs.len; i++) {
    KFunc *f = m->funcs.items[i];
    if (!f->body) continue;
    mark_type(used, f->ret);
    for (int k = 0; k < f->nparams; k++) mark_type(used, f->params[k]->type);
    mark_stmt(used, f->body);
  }
  for (int i = 0; i < m->types.len; i++) {
    KType *t = m->types.items[i];
    if (!used || used[t->id]) dump_struct(sb, t);
  }
  free(used);
  for (int i = 0; i < m->globals.len; i++) dump_global(sb, m->globals.items[i]);
  for (int i = 0; i < m->funcs.len; i++) {
    sb_putc(sb, '\n');
    dump_func(sb, m->funcs.items[i]);
  }
}
