/*
 * c_check.c — check mode of the C emitter (`cuwasm run --check ...`).
 *
 * In check mode every access through a pointer or an array (KIR's index
 * and dereference nodes) goes through CW_CHK, which hands the address,
 * the access size, read or write and the source position to the runtime's
 * check_fn before the access happens (rt/cpu/check.c decides whether it
 * is inside a live allocation, the block's shared memory, a module global
 * or the thread's stack, and records shared-memory accesses for the race
 * checker); every block barrier calls barrier_fn.  An access is a write
 * when its node is the target of an assignment or increment; the operand
 * of `&` is not an access at all (its index is still checked as a read).
 * A member reached through a pointer or array element is checked as
 * itself (its own size), and the struct under it is then no access; nor
 * is selecting a row of a multi-dimensional array.
 * Normal emission never calls any of this, so normal runs pay nothing.
 */
#include "c_internal.h"

#include "c_abi.h"

#include <string.h>

const KExpr *ce_check_expect(CEmit *ce, const KExpr *lvalue, bool address_only) {
  const KExpr **slot = address_only ? &ce->chk_addr : &ce->chk_write;
  const KExpr *saved = *slot;
  *slot = lvalue;
  return saved;
}

void ce_check_restore(CEmit *ce, const KExpr *saved, bool address_only) {
  if (address_only) ce->chk_addr = saved;
  else ce->chk_write = saved;
}

/* Whether a member access reads memory through a pointer or an array
 * element (then the member, with its own size, is what is checked). */
static bool member_in_memory(const KExpr *e) {
  while (e->kind == KE_MEMBER) e = e->a;
  return e->kind == KE_INDEX || e->kind == KE_DEREF;
}

/* Code of our own CUDA headers (texture fetches reading the runtime's
 * descriptors, cooperative groups) is trusted: reports name user code. */
static bool in_our_headers(const KExpr *e) {
  const char *f = e->loc.file ? e->loc.file->name : NULL;
  return f && strstr(f, "include/cuda/");
}

int ce_check_open(CEmit *ce, StrBuf *sb, const KExpr *e) {
  if (!ce->check || in_our_headers(e)) return -1;
  bool member = e->kind == KE_MEMBER;
  if (!member && e->kind != KE_INDEX && e->kind != KE_DEREF) return -1;
  if (e == ce->chk_inner) { /* the base of a checked member: no access itself */
    ce->chk_inner = member ? e->a : NULL;
    return -1;
  }
  if (member && !member_in_memory(e)) return -1;
  if (e == ce->chk_addr) { /* operand of &: its base is no access either */
    ce->chk_inner = member ? e->a : NULL;
    return -1;
  }
  if (e->type && e->type->kind == KT_ARRAY) return -1; /* a row of a 2-D array */
  int kind = e == ce->chk_write ? CW_ACCESS_WRITE : CW_ACCESS_READ;
  if (member) ce->chk_inner = e->a;
  sb_puts(sb, e->kind == KE_DEREF ? "(*CW_CHK(" : "(*CW_CHK(&");
  return kind;
}

void ce_check_close(CEmit *ce, StrBuf *sb, const KExpr *e, int kind) {
  (void)ce;
  const char *file = e->loc.file && e->loc.file->name ? e->loc.file->name : "?";
  sb_printf(sb, ", %d, \"", kind);
  for (const char *c = file; *c; c++) { /* a C string literal of the name */
    if (*c == '"' || *c == '\\') sb_putc(sb, '\\');
    sb_putc(sb, *c);
  }
  sb_printf(sb, ":%d:%d\"))", e->loc.line, e->loc.col);
}

void ce_check_barrier(CEmit *ce) {
  if (ce->check) ce_line(ce, "cw_ctx->barrier_fn(cw_ctx);");
}

/* The macros check-mode files get after the prelude.  Code outside every
 * per-thread loop (block-uniform statements) reports thread -1. */
const char *const c_check_prelude_text =
    "#define CW_CHECKING 1\n"
    "/* inside the memory the last check found valid, aligned: no call */\n"
    "static inline const void *cw_chk(cw_rt_ctx *c, const void *p, uint32_t size, int kind,\n"
    "                                 const char *loc, int32_t tx, uint32_t ty, uint32_t tz) {\n"
    "  const unsigned char *b = (const unsigned char *)p;\n"
    "  uintptr_t mask = (size & (size - 1)) == 0 && size <= 16 ? size - 1 : 0;\n"
    "  if (((uintptr_t)b & mask) == 0)\n"
    "    for (int i = 0; i < 4; i++)\n"
    "      if (b >= c->chk_lo[i] && b + size <= c->chk_hi[i]) return p;\n"
    "  return c->check_fn(c, p, size, kind, loc, tx, ty, tz);\n"
    "}\n"
    "#define CW_CHK(p, kind, loc) ((__typeof__(p))cw_chk(cw_ctx, (const void *)(p), \\\n"
    "    (uint32_t)sizeof(*(p)), kind, loc, (int32_t)cw_tx, (uint32_t)cw_ty, (uint32_t)cw_tz))\n";
