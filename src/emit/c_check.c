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
 * __device__ and __shared__ variables named directly are accesses too.
 * A member reached through a pointer, an array element or such a variable
 * is checked as itself (its own size), and the struct under it is then no
 * access; so is an element of an array member (`p[i].a[j]` reads no
 * p[i]); nor is selecting a row of a multi-dimensional array.  A bit-field
 * is checked as the bytes that hold it (CW_CHKB), a read of a whole
 * struct with padding as the bytes its fields cover (CW_CHKF,
 * c_check_fields.c), and every access is aligned as its type.
 * synccheck (when the launch's check_flags has CW_CHECK_SYNC): at each
 * barrier of a split kernel (c_fission.c) the block's threads are counted
 * against the predicates of the code around it, which are exactly the
 * threads that reach it; a live thread (one that has not returned) that
 * does not, is the divergence CUDA forbids.  At each warp collective and
 * __syncwarp, every lane's mask is compared with the lanes that are there
 * (lanes that have returned may be named: CUDA asks only the non-exited
 * threads a mask names to take part).
 * Coroutine kernels (c_fiber.c) mark each barrier and collective with its
 * position on the thread's fiber; the scheduler (c_fiber_rt.c) checks.
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

/* A __device__, __managed__ or __shared__ variable named directly:
 * memory the race checkers watch, like memory reached through pointers. */
static bool named_memory(const KExpr *e) {
  return e->kind == KE_VAR && (e->var->as == AS_GLOBAL || e->var->as == AS_SHARED);
}

/* The lvalue e is a part of without reading it: the struct of a member,
 * the array of an element of an array (not of memory through a pointer),
 * else NULL. */
static const KExpr *container(const KExpr *e) {
  if (e->kind == KE_MEMBER) return e->a;
  if (e->kind == KE_INDEX && e->a->type && e->a->type->kind == KT_ARRAY) return e->a;
  return NULL;
}

/* Whether e is a part (member, element of an array member...) of memory
 * reached through a pointer or an array element or of a variable in
 * memory (then e, with its own size, is what is checked, and the
 * containers under it are no access). */
static bool part_of_memory(const KExpr *e) {
  if (!container(e)) return false;
  while (container(e)) e = container(e);
  return e->kind == KE_INDEX || e->kind == KE_DEREF || named_memory(e);
}

/* An access of a __shared__ variable named directly (through members and
 * elements of arrays): memory memcheck bounds by the block's shared
 * memory and initcheck does not watch. */
static bool named_shared(const KExpr *e) {
  while (e->kind == KE_MEMBER || (e->kind == KE_INDEX && e->a->type && e->a->type->kind == KT_ARRAY))
    e = e->a;
  return e->kind == KE_VAR && e->var->as == AS_SHARED;
}

/* Code of our own CUDA headers (texture fetches reading the runtime's
 * descriptors, cooperative groups) is trusted: its reads are not checked,
 * so reports name user code.  Its writes are: a header that fills user
 * memory (curand_init writing a state) must mark it written for initcheck,
 * and a write out of bounds there is the caller's bug. */
static bool in_our_headers(const KExpr *e) {
  const char *f = srcloc_file(e->loc) ? srcloc_file(e->loc)->name : NULL;
  return f && strstr(f, "include/cuda/");
}

/* The bit-field member e names, else NULL. */
static const KField *bit_field(const KExpr *e) {
  const KType *t = e->kind == KE_MEMBER ? e->a->type : NULL;
  if (!t || t->kind != KT_STRUCT || e->field < 0 || e->field >= t->nfields) return NULL;
  return t->fields[e->field].bit_width ? &t->fields[e->field] : NULL;
}

int ce_check_open(CEmit *ce, StrBuf *sb, const KExpr *e) {
  if (!ce->check_access || (in_our_headers(e) && e != ce->chk_write)) return -1;
  bool member = e->kind == KE_MEMBER;
  if (!member && e->kind != KE_INDEX && e->kind != KE_DEREF && !named_memory(e)) return -1;
  if (e == ce->chk_inner) { /* a container of a checked part: no access itself */
    ce->chk_inner = part_of_memory(e) ? container(e) : NULL;
    return -1;
  }
  bool part = part_of_memory(e);
  if (member && !part) return -1;
  if (e == ce->chk_addr) { /* operand of &: its containers are no access either */
    ce->chk_inner = part ? container(e) : NULL;
    return -1;
  }
  if (e->type && e->type->kind == KT_ARRAY) return -1; /* a row of a 2-D array */
  int kind = e == ce->chk_write ? CW_ACCESS_WRITE : CW_ACCESS_READ;
  if (part) ce->chk_inner = container(e);
  /* racecheck may skip its records: bits 4..11 the parameter + 1, bit 12 a safe shared read */
  int solo = ce_race_solo_param(ce, e);
  bool shared_safe = solo < 0 && (ce_race_interval_safe(ce, e) ||
                                  (!ce->check_races && ce->in_kernel && !ce->fiber &&
                                   named_shared(e)));
  /* a read of a whole struct with padding tests only its fields' bytes
   * (bit 13; c_check_fields.c), also where racecheck's solo path would
   * have skipped the test; shared memory has no initcheck to tell */
  bool fields = kind == CW_ACCESS_READ && !shared_safe && ce_check_fields(ce, e->type);
  if (fields) solo = -1;
  if (bit_field(e)) { /* C takes no address of it: the bytes that hold it, of its struct (bit 14) */
    sb_puts(sb, "(*CW_CHKB(&");
    return kind | 1 << 14;
  }
  sb_puts(sb, "(*CW_CHK");
  sb_puts(sb, solo >= 0 ? "_SOLO(" : shared_safe ? "_SHR(" : fields ? "F(" : "(");
  if (e->kind != KE_DEREF) sb_putc(sb, '&');
  return kind | (solo + 1) << 4 | (shared_safe ? 1 << 12 : 0) | (fields ? 1 << 13 : 0);
}

/* "file:line:col" as a C string literal. */
static void loc_literal(StrBuf *sb, SrcLoc loc) {
  const char *file = srcloc_file(loc) && srcloc_file(loc)->name ? srcloc_file(loc)->name : "?";
  sb_putc(sb, '"');
  for (const char *c = file; *c; c++) {
    if (*c == '"' || *c == '\\') sb_putc(sb, '\\');
    sb_putc(sb, *c);
  }
  sb_printf(sb, ":%d:%d\"", loc.line, loc.col);
}

void ce_check_close(CEmit *ce, StrBuf *sb, const KExpr *e, int kind) {
  sb_printf(sb, ", %d, ", kind & 15);
  loc_literal(sb, e->loc);
  if (kind >> 14 & 1) {
    const KField *f = bit_field(e);
    int first = f->offset * 8 + f->bit_offset, last = first + f->bit_width - 1;
    sb_printf(sb, ", %d, %d))", first / 8, last / 8 - first / 8 + 1);
    return;
  }
  if (kind >> 4 & 255) ce_race_solo_close(ce, sb, e, (kind >> 4 & 255) - 1);
  if (kind >> 13 & 1) sb_printf(sb, ", cw_fields_%s", ce_check_fields(ce, e->type)->cname);
  sb_puts(sb, "))");
}

/* The address operand of an atomic: through CW_CHK in check mode, as an
 * atomic access (memcheck bounds and aligns it, initcheck tests and marks
 * it); atomicExch reads nothing, so it only marks. */
void ce_check_atomic_address(CEmit *ce, StrBuf *sb, const KExpr *e, bool store_only) {
  bool checked = ce->check_access && !in_our_headers(e);
  if (checked) sb_puts(sb, "CW_CHK(");
  ce_expr(ce, sb, e->args[0]);
  if (!checked) return;
  sb_printf(sb, ", %d, ", store_only ? CW_ACCESS_ATOMIC_STORE : CW_ACCESS_ATOMIC);
  loc_literal(sb, e->loc);
  sb_putc(sb, ')');
}

void ce_check_barrier(CEmit *ce) {
  if (ce->check) ce_line(ce, "cw_ctx->barrier_fn(cw_ctx);");
}

void ce_check_sync_barrier(CEmit *ce, const KStmt *s, const char *name, const char *arrive,
                           const char *alive) {
  if (!ce->check || s->scope == KBAR_VIRTUAL || s->scope == KBAR_GRID) return;
  if (s->implicit) return; /* kir/passes/converge.c's, not a __syncwarp() */
  StrBuf loc;
  sb_init(&loc);
  loc_literal(&loc, s->loc);
  const char *at = arrive ? arrive : "1", *live = alive ? alive : "1";
  if (s->scope == KBAR_BLOCK) {
    /* every live thread reaches it unless a predicate narrows the code */
    if (!arrive || (alive && !strcmp(arrive, alive))) {
      sb_free(&loc);
      return;
    }
    ce_line(ce, "if (cw_ctx->check_flags & %d) { /* synccheck: who reaches this barrier */",
            CW_CHECK_SYNC);
    ce->indent++;
    ce_line(ce, "uint32_t cw_at = UINT32_MAX, cw_miss = UINT32_MAX;");
    ce_line(ce, "for (uint32_t cw_t = 0; cw_t < cw_nt; cw_t++) {");
    ce_line(ce, "  if (%s) { if (cw_at == UINT32_MAX) cw_at = cw_t; }", at);
    ce_line(ce, "  else if ((%s) && cw_miss == UINT32_MAX) cw_miss = cw_t;", live);
    ce_line(ce, "}");
    ce_line(ce, "if (cw_at != UINT32_MAX && cw_miss != UINT32_MAX)");
    ce_line(ce, "  cw_ctx->sync_fn(cw_ctx, %d, \"%s\", %s, cw_at, cw_miss, 0u, 0u);",
            CW_SYNC_BARRIER, name, loc.data);
    ce->indent--;
    ce_line(ce, "}");
    sb_free(&loc);
    return;
  }
  /* __syncwarp(mask): a mask the code computes per thread may live in a
   * per-thread loop that has ended; only constant masks are checked */
  const char *mask = "0xffffffffu";
  StrBuf m;
  sb_init(&m);
  if (s->e) {
    if (s->e->kind != KE_INT) {
      sb_free(&m);
      sb_free(&loc);
      return;
    }
    sb_printf(&m, "0x%xu", (unsigned)s->e->ival);
    mask = m.data;
  }
  ce_line(ce, "if (cw_ctx->check_flags & %d) /* synccheck: the lanes of each warp here */",
          CW_CHECK_SYNC);
  ce_line(ce, "for (uint32_t cw_w = 0; cw_w < cw_nt; cw_w += 32) {");
  ce->indent++;
  ce_line(ce, "const uint32_t cw_n = cw_nt - cw_w < 32 ? cw_nt - cw_w : 32;");
  ce_line(ce, "const uint32_t cw_all = cw_n == 32 ? 0xffffffffu : (1u << cw_n) - 1u, cw_m = %s;",
          mask);
  ce_line(ce, "uint32_t cw_at = 0, cw_live = 0;");
  ce_line(ce, "for (uint32_t cw_l = 0; cw_l < cw_n; cw_l++) { const uint32_t cw_t = cw_w + cw_l; "
              "if (%s) cw_at |= 1u << cw_l; if (%s) cw_live |= 1u << cw_l; }", at, live);
  ce_line(ce, "if (cw_at && (cw_m & cw_all & cw_live & ~cw_at))");
  ce_line(ce, "  cw_ctx->sync_fn(cw_ctx, %d, \"__syncwarp()\", %s, cw_w + (uint32_t)__builtin_ctz(cw_at), "
              "cw_w + (uint32_t)__builtin_ctz(cw_m & cw_all & cw_live & ~cw_at), cw_m, cw_at);",
          CW_SYNC_MASK_LANE, loc.data);
  ce_line(ce, "else if (cw_at & ~cw_m)");
  ce_line(ce, "  cw_ctx->sync_fn(cw_ctx, %d, \"__syncwarp()\", %s, cw_w + (uint32_t)__builtin_ctz(cw_at & ~cw_m), "
              "0u, cw_m, cw_at);",
          CW_SYNC_NOT_IN_MASK, loc.data);
  ce->indent--;
  ce_line(ce, "}");
  sb_free(&m);
  sb_free(&loc);
}

void ce_check_fiber_mark(CEmit *ce, StrBuf *sb, SrcLoc loc, const char *what) {
  if (!ce->check) return;
  sb_puts(sb, "cw_fb->chk_loc = ");
  loc_literal(sb, loc);
  sb_printf(sb, ", cw_fb->chk_what = \"%s\", ", what);
}

void ce_check_sync_collective(CEmit *ce, const KExpr *e, const char *mask, const char *alive) {
  if (!ce->check || !mask) return;
  StrBuf loc;
  sb_init(&loc);
  loc_literal(&loc, e->loc);
  const char *name = kb_info(e->builtin)->name;
  ce_line(ce, "if (cw_ctx->check_flags & %d) { /* synccheck: each lane's mask */", CW_CHECK_SYNC);
  ce->indent++;
  ce_line(ce, "uint32_t cw_all = cw_n == 32 ? 0xffffffffu : (1u << cw_n) - 1u;");
  if (alive) /* lanes that have returned may be named (CUDA: "all non-exited threads named") */
    ce_line(ce, "for (uint32_t cw_l = 0; cw_l < cw_n; cw_l++) { const uint32_t cw_t = cw_w + cw_l; "
                "if (!(%s)) cw_all &= ~(1u << cw_l); }", alive);
  ce_line(ce, "for (uint32_t cw_l = 0; cw_l < cw_n; cw_l++) {");
  ce->indent++;
  ce_line(ce, "const uint32_t cw_t = cw_w + cw_l;");
  ce_line(ce, "if (!((cw_act >> cw_l) & 1u)) continue;");
  ce_line(ce, "const uint32_t cw_mk = (uint32_t)(%s);", mask);
  ce_line(ce, "if (cw_mk & cw_all & ~cw_act) { cw_ctx->sync_fn(cw_ctx, %d, \"%s\", %s, cw_t, "
              "cw_w + (uint32_t)__builtin_ctz(cw_mk & cw_all & ~cw_act), cw_mk, cw_act); break; }",
          CW_SYNC_MASK_LANE, name, loc.data);
  ce_line(ce, "if (!((cw_mk >> cw_l) & 1u)) { cw_ctx->sync_fn(cw_ctx, %d, \"%s\", %s, cw_t, 0u, "
              "cw_mk, cw_act); break; }",
          CW_SYNC_NOT_IN_MASK, name, loc.data);
  ce->indent--;
  ce_line(ce, "}");
  ce->indent--;
  ce_line(ce, "}");
  sb_free(&loc);
}

/* The code check-mode files get after the prelude.  Code outside every
 * per-thread loop (block-uniform statements) reports thread -1.
 * cw_chk passes, without a call, an aligned access inside one of the
 * windows the runtime last found valid (a write marks initcheck's shadow,
 * a read of written bytes passes) and, under racecheck, an access of
 * shared memory or of a window's device memory that cannot race with
 * what the records hold: then it updates the records as rt/cpu/check.c
 * would (same fields, same rules; a field is stored only when it
 * changes, so blocks that only read a word share its cache line).  Where
 * a report may come of an access (another thread's or block's access of
 * the word), check_fn decides.  Those paths are compiled only into code
 * for a racecheck launch (CW_CHECK_RACES, target c-check-race), so
 * memcheck and initcheck alone run the same small inline test as before;
 * memory with race records has windows of its own (race_lo ...). */
const char *const c_check_prelude_text =
    "#define CW_CHECKING 1\n"
    "#ifdef CW_CHECK_RACES /* racecheck's records, kept inline */\n"
    "#define CW_RLD(x) __atomic_load_n(&(x), __ATOMIC_RELAXED)\n"
    "#define CW_RST(x, v) do { if (CW_RLD(x) != (v)) __atomic_store_n(&(x), (v), __ATOMIC_RELAXED); } while (0)\n"
    "/* racecheck, shared memory: thread t's access of words i..j; 0 when\n"
    "   another thread's access of one since the barrier may race with it */\n"
    "static __attribute__((noinline)) int cw_race_shm(cw_rt_ctx *c, size_t i, size_t j, int kind,\n"
    "                                                const char *loc, int32_t t) {\n"
    "  for (size_t n = i; n <= j; n++) {\n"
    "    const cw_race_word *w = &c->race_shm[n];\n"
    "    if (w->epoch != c->race_epoch) continue;\n"
    "    if (w->writer >= 0 && w->writer != t) return 0;\n"
    "    if (kind && (w->reader == -2 || (w->reader >= 0 && w->reader != t))) return 0;\n"
    "  }\n"
    "  for (size_t n = i; n <= j; n++) {\n"
    "    cw_race_word *w = &c->race_shm[n];\n"
    "    if (w->epoch != c->race_epoch) {\n"
    "      w->epoch = c->race_epoch; w->writer = w->reader = -1; w->wloc = w->rloc = 0;\n"
    "    }\n"
    "    if (kind) { w->writer = t; w->wloc = loc; }\n"
    "    else { w->reader = w->reader == -1 || w->reader == t ? t : -2; w->rloc = loc; }\n"
    "  }\n"
    "  return 1;\n"
    "}\n"
    "/* racecheck, device memory: this block's read or write of b, inside\n"
    "   [lo, hi) whose records are r; 0 when another block's access of the\n"
    "   same bytes in this launch may race with it */\n"
    "static __attribute__((noinline)) int cw_race_dev(cw_rt_ctx *c, cw_race_gword *r,\n"
    "                                                const unsigned char *lo,\n"
    "                              const unsigned char *hi, const unsigned char *b,\n"
    "                              uint32_t size, int kind, const char *loc) {\n"
    "  const size_t off = (size_t)(b - lo), first = off / 4, last = (off + size - 1) / 4;\n"
    "  const uint32_t base = c->race_base, span = c->race_span, me = c->race_id;\n"
    "  if (kind && lo + last * 4 + 4 > hi) return 0; /* the word before the store: whole */\n"
    "  for (size_t i = first; i <= last; i++) {\n"
    "    size_t a = i * 4 > off ? i * 4 : off, e = i * 4 + 4 < off + size ? i * 4 + 4 : off + size;\n"
    "    uint8_t m = (uint8_t)(((1u << (e - a)) - 1u) << (a - i * 4));\n"
    "    const cw_race_gword *w = &r[i];\n"
    "    uint32_t wid = CW_RLD(w->wid);\n"
    "    if (wid - base < span && wid != me && (CW_RLD(w->wmask) & m)) return 0;\n"
    "    uint32_t rid = CW_RLD(w->rid), rid2 = CW_RLD(w->rid2);\n"
    "    if (kind && rid - base < span && (CW_RLD(w->rmask) & m) &&\n"
    "        (rid != me || rid2 == 0xffffffffu || (rid2 - base < span && rid2 != me)))\n"
    "      return 0;\n"
    "  }\n"
    "  const uint16_t f = (uint16_t)__atomic_load_n(c->race_fence, __ATOMIC_ACQUIRE);\n"
    "  const uintptr_t d = (uintptr_t)loc - (uintptr_t)c->race_loc_base;\n"
    "  const int32_t at = (intptr_t)d == (int32_t)(intptr_t)d ? (int32_t)(intptr_t)d : 0;\n"
    "  for (size_t i = first; i <= last; i++) {\n"
    "    size_t a = i * 4 > off ? i * 4 : off, e = i * 4 + 4 < off + size ? i * 4 + 4 : off + size;\n"
    "    uint8_t m = (uint8_t)(((1u << (e - a)) - 1u) << (a - i * 4));\n"
    "    cw_race_gword *w = &r[i];\n"
    "    if (kind) {\n"
    "      uint32_t prev;\n"
    "      __builtin_memcpy(&prev, lo + i * 4, 4);\n"
    "      if (CW_RLD(w->wid) == me) CW_RST(w->wmask, (uint8_t)(CW_RLD(w->wmask) | m));\n"
    "      else CW_RST(w->wmask, m);\n"
    "      CW_RST(w->wfence, f); CW_RST(w->wprev, prev); CW_RST(w->wloc, at); CW_RST(w->wid, me);\n"
    "      continue;\n"
    "    }\n"
    "    uint32_t rid = CW_RLD(w->rid), rid2 = CW_RLD(w->rid2);\n"
    "    if (rid - base >= span) {\n"
    "      CW_RST(w->rfence, f); CW_RST(w->rid2, 0u); CW_RST(w->rmask, m); CW_RST(w->rloc, at);\n"
    "      CW_RST(w->rid, me);\n"
    "      continue;\n"
    "    }\n"
    "    CW_RST(w->rmask, (uint8_t)(CW_RLD(w->rmask) | m));\n"
    "    if (rid == me) CW_RST(w->rfence, f);\n"
    "    else if (rid2 == me) CW_RST(w->rfence2, f);\n"
    "    else if (rid2 != 0xffffffffu && rid2 - base >= span) { CW_RST(w->rid2, me); CW_RST(w->rfence2, f); }\n"
    "    else CW_RST(w->rid2, 0xffffffffu);\n"
    "    CW_RST(w->rloc, at);\n"
    "  }\n"
    "  return 1;\n"
    "}\n"
    "#endif\n"
    "#ifdef CW_CHECK_RACES /* inlined everywhere: the access's size and kind fold */\n"
    "#define CW_CHK_INLINE __attribute__((always_inline))\n"
    "#else\n"
    "#define CW_CHK_INLINE\n"
    "#endif\n"
    "static inline CW_CHK_INLINE const void *cw_chk(cw_rt_ctx *c, const void *p, uint32_t size,\n"
    "    uint32_t align, int kind, const char *loc, int32_t tx, uint32_t ty, uint32_t tz,\n"
    "    const unsigned char *f) {\n"
    "  const unsigned char *b = (const unsigned char *)p;\n"
    "  uintptr_t mask = align - 1;\n"
    "  if (((uintptr_t)b & mask) == 0) {\n"
    "#ifdef CW_CHECK_RACES\n"
    "    if (b >= c->shm && b + size <= c->race_shm_hi) { /* shared: the thread's records */\n"
    "      if (kind >= 2) return p; /* atomics never race */\n"
    "      if (tx >= 0) {\n"
    "        int32_t t = (int32_t)((tz * c->block_dim[1] + ty) * c->block_dim[0]) + tx;\n"
    "        const size_t o = (size_t)(b - c->shm);\n"
    "        if ((o & 3) + size <= 4) { /* one word: cw_race_shm's test, inline */\n"
    "          cw_race_word *w = &c->race_shm[o / 4];\n"
    "          if (w->epoch != c->race_epoch) {\n"
    "            w->epoch = c->race_epoch; w->writer = w->reader = -1; w->wloc = w->rloc = 0;\n"
    "          }\n"
    "          if (kind) {\n"
    "            if ((w->writer < 0 || w->writer == t) && (w->reader == -1 || w->reader == t)) {\n"
    "              w->writer = t; w->wloc = loc; return p;\n"
    "            }\n"
    "          } else if (w->writer < 0 || w->writer == t) {\n"
    "            if (w->reader != t) w->reader = w->reader == -1 ? t : -2;\n"
    "            if (w->rloc != loc) w->rloc = loc;\n"
    "            return p;\n"
    "          }\n"
    "        } else if (cw_race_shm(c, o / 4, (o + size - 1) / 4, kind, loc, t)) {\n"
    "          return p;\n"
    "        }\n"
    "      }\n"
    "      return c->check_fn(c, p, size, align, kind, loc, tx, ty, tz, f);\n"
    "    }\n"
    "    for (int i = 0; i < 4; i++) /* device memory with records */\n"
    "      if (b >= c->race_lo[i] && b + size <= c->race_hi[i]) {\n"
    "        unsigned char *s = c->race_init[i]; /* initcheck's shadow */\n"
    "        if (s && !(kind & 1)) {\n"
    "          const unsigned char *r = s + (b - c->race_lo[i]);\n"
    "          uint32_t j = 0;\n"
    "          while (j < size && (r[j] || (f && !f[j]))) j++;\n"
    "          if (j < size) return c->check_fn(c, p, size, align, kind, loc, tx, ty, tz, f);\n"
    "        }\n"
    "        if (kind < 2 &&\n"
    "            !cw_race_dev(c, c->race_rec[i], c->race_lo[i], c->race_hi[i], b, size, kind, loc))\n"
    "          return c->check_fn(c, p, size, align, kind, loc, tx, ty, tz, f);\n"
    "        if (s && (kind & 1)) { s += b - c->race_lo[i]; for (uint32_t j = 0; j < size; j++) s[j] = 1; }\n"
    "        return p;\n"
    "      }\n"
    "#endif\n"
    "    for (int i = 0; i < 4; i++)\n"
    "      if (b >= c->chk_lo[i] && b + size <= c->chk_hi[i]) {\n"
    "        unsigned char *s = c->chk_init[i]; /* initcheck's shadow */\n"
    "        if (!s) return p;\n"
    "        s += b - c->chk_lo[i];\n"
    "        uint32_t j = 0;\n"
    "        if (kind & 1) { for (; j < size; j++) s[j] = 1; return p; }\n"
    "        while (j < size && (s[j] || (f && !f[j]))) j++;\n"
    "        if (j == size) return p;\n"
    "        break;\n"
    "      }\n"
    "  }\n"
    "  return c->check_fn(c, p, size, align, kind, loc, tx, ty, tz, f);\n"
    "}\n"
    "/* an access of *p must be aligned as its type (a struct: as its fields) */\n"
    "#define CW_ALIGN(p) ((uint32_t)_Alignof(__typeof__(*(p))))\n"
    "#define CW_CHK(p, kind, loc) ((__typeof__(p))cw_chk(cw_ctx, (const void *)(p), \\\n"
    "    (uint32_t)sizeof(*(p)), CW_ALIGN(p), kind, loc, (int32_t)cw_tx, (uint32_t)cw_ty, (uint32_t)cw_tz, 0))\n"
    "/* a read of a whole struct whose field map f (emit/c_check_fields.c) has padding */\n"
    "#define CW_CHKF(p, kind, loc, f) ((__typeof__(p))cw_chk(cw_ctx, (const void *)(p), \\\n"
    "    (uint32_t)sizeof(*(p)), CW_ALIGN(p), kind, loc, (int32_t)cw_tx, (uint32_t)cw_ty, (uint32_t)cw_tz, f))\n"
    "/* a bit-field of the struct at p (C takes no address of it): the n bytes\n"
    "   from off that hold it; memcheck's scratch word stands for the struct\n"
    "   when they are out of bounds */\n"
    "#define CW_CHKB(p, kind, loc, off, n) ((__typeof__(p))cw_chkb(cw_ctx, (const void *)(p), \\\n"
    "    off, n, kind, loc, (int32_t)cw_tx, (uint32_t)cw_ty, (uint32_t)cw_tz))\n"
    "static inline const void *cw_chkb(cw_rt_ctx *c, const void *p, uint32_t off, uint32_t n,\n"
    "    int kind, const char *loc, int32_t tx, uint32_t ty, uint32_t tz) {\n"
    "  const unsigned char *b = (const unsigned char *)p + off;\n"
    "  const void *r = cw_chk(c, b, n, 1, kind, loc, tx, ty, tz, 0);\n"
    "  return r == b ? p : r;\n"
    "}\n"
    "/* racecheck: an access through kernel parameter q that no other block's\n"
    "   access can race with while cond holds (emit/c_race_solo.c) and it lies\n"
    "   inside the allocation the runtime found q alone to point into */\n"
    "#ifdef CW_CHECK_RACES\n"
    "#define CW_CHK_SOLO(p, kind, loc, q, cond) ((__typeof__(p))cw_chk_solo(cw_ctx, \\\n"
    "    (const void *)(p), (uint32_t)sizeof(*(p)), CW_ALIGN(p), kind, loc, (int32_t)cw_tx, (uint32_t)cw_ty, \\\n"
    "    (uint32_t)cw_tz, q, cond))\n"
    "static inline __attribute__((always_inline)) const void *cw_chk_solo(cw_rt_ctx *c,\n"
    "    const void *p, uint32_t size, uint32_t align, int kind, const char *loc, int32_t tx, uint32_t ty,\n"
    "    uint32_t tz, int q, int cond) {\n"
    "  const unsigned char *b = (const unsigned char *)p;\n"
    "  if (cond && b >= c->race_solo_lo[q] && b + size <= c->race_solo_hi[q]) return p;\n"
    "  return cw_chk(c, p, size, align, kind, loc, tx, ty, tz, 0);\n"
    "}\n"
    "#else\n"
    "#define CW_CHK_SOLO(p, kind, loc, q, cond) CW_CHK(p, kind, loc)\n"
    "#endif\n"
    "/* a read of shared memory no write can race with (emit/c_race_interval.c),\n"
    "   or any access of a named __shared__ variable where racecheck is off:\n"
    "   the bounds test alone, with memcheck on\n"
    "   (cw_bounds: the kernel's copy of check_flags & CW_CHECK_BOUNDS, a\n"
    "   constant the C compiler may take the test out of loops by) */\n"
    "#define CW_CHK_SHR(p, kind, loc) (!cw_bounds ? (p) : \\\n"
    "    (__typeof__(p))cw_chk_shr(cw_ctx, (const void *)(p), \\\n"
    "    (uint32_t)sizeof(*(p)), CW_ALIGN(p), kind, loc, (int32_t)cw_tx, (uint32_t)cw_ty, (uint32_t)cw_tz))\n"
    "static inline __attribute__((always_inline)) const void *cw_chk_shr(cw_rt_ctx *c,\n"
    "    const void *p, uint32_t size, uint32_t align, int kind, const char *loc, int32_t tx, uint32_t ty,\n"
    "    uint32_t tz) {\n"
    "  const unsigned char *b = (const unsigned char *)p;\n"
    "  uintptr_t mask = align - 1;\n"
    "  if (((uintptr_t)b & mask) == 0 && b >= c->shm && b + size <= c->shm_hi) return p;\n"
    "  return cw_chk(c, p, size, align, kind, loc, tx, ty, tz, 0);\n"
    "}\n";
