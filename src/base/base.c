/*
 * base.c — arena, string buffer, vector and diagnostics (see base.h).
 *
 * The arena hands out zeroed memory from large mmap'd blocks; a request
 * bigger than a block gets a block of its own.  On allocation failure it unwinds
 * through the arena's jmp_buf when one is set, so callers of arena_alloc
 * never see NULL inside a compilation.
 */
#include "base.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

struct ArenaBlock {
  ArenaBlock *next;
  size_t used, cap;
  void *map;      /* what mmap returned, and its length, for munmap;
                     NULL: pages lent by another arena (arena_lend) */
  size_t map_len;
  max_align_t data[];
};

/* Pages lent or given to an arena and not used yet: a list through their
 * first bytes.  Only runs of at least SPARE_MIN bytes go there, so that
 * one holds any request arena_alloc_slow serves from a shared block. */
struct ArenaSpare {
  struct ArenaSpare *next;
  size_t len;
  void *map;      /* given (arena_give): the mapping the arena now owns;
                     NULL: lent, the lender's */
  size_t map_len;
};

/* Blocks start small (most compilations are one kernel file) and grow to
 * 8 MiB, aligned to 2 MiB and marked for transparent huge pages where the
 * system offers them: a million-line input spends less time in page faults.
 * A big request of 2 MiB or more (a grown hash table, a large file's text)
 * is laid out the same way: a table probed all over its 8 MiB missed the
 * TLB on small pages at each probe.
 * Blocks come straight from mmap, whose pages the kernel hands out zeroed,
 * and an arena never reuses memory, so arena_alloc returns zeroed memory
 * without writing it: each page is touched first by its user, not by a
 * memset ahead of it (that memset was a fifth of the front end's time).
 * The exception is pages lent by another arena (arena_lend), already
 * touched by the lender: zeroing those with memset costs less than the
 * kernel's faulting in and zeroing fresh ones (on a VM, several times
 * less), so a borrower uses them before it maps a new block. */
enum { ARENA_BLOCK = 256 * 1024, ARENA_BIG_BLOCK = 8 * 1024 * 1024, HUGE_ALIGN = 2 * 1024 * 1024 };

void arena_init(Arena *a) { memset(a, 0, sizeof *a); }

void arena_free(Arena *a) {
  /* spares first: a recycled one lies in one of the blocks */
  for (struct ArenaSpare *r = a->spare, *n; r; r = n) {
    n = r->next;
    if (r->map) munmap(r->map, r->map_len); /* given and never used */
  }
  a->spare = NULL;
  /* newest first: a block made of recycled pages comes before the block
   * they lie in (blocks join at the head or just behind it) */
  ArenaBlock *b = a->head;
  while (b) {
    ArenaBlock *n = b->next;
    if (b->map) munmap(b->map, b->map_len);
    b = n;
  }
  free(a->order);
  free(a->by_addr);
  srcfile_release_ids(a);
  free(a->src_ids);
  a->src_ids = NULL;
  a->nsrc_ids = a->src_ids_cap = 0;
  a->head = NULL;
  a->cur = a->end = a->limit = NULL;
  a->order = NULL;
  a->by_addr = NULL;
  a->nindexed = 0;
}

/* Over-allocating and trimming to a 2 MiB boundary needs munmap of part of
 * a mapping, which only a real kernel does (emscripten's mmap, in the web
 * compiler, is malloc underneath: there blocks are mapped exactly). */
#if defined(MADV_HUGEPAGE) && !defined(__EMSCRIPTEN__)
#define ARENA_HUGE_PAGES 1
#else
#define ARENA_HUGE_PAGES 0
#endif

/* A block of small pages that will be filled (any block but an arena's
 * first, and a big request's, which is mostly a hash table: probed all
 * over) is faulted in by mmap itself: one call instead of a page fault
 * per 4 KiB page (44,000 of them at a million lines, ten times the
 * faults of the rest), and the kernel zeroes the pages in one go.  An
 * arena's first block is not: most compilations are one small file.
 * Blocks of huge pages are not either: a fault per 2 MiB costs little. */
#if defined(MAP_POPULATE) && !defined(__EMSCRIPTEN__)
#define ARENA_POPULATE MAP_POPULATE
#else
#define ARENA_POPULATE 0
#endif

static ArenaBlock *arena_new_block(Arena *a, size_t cap, bool filled) {
  size_t want = sizeof(ArenaBlock) + cap;
  bool huge = ARENA_HUGE_PAGES && cap >= HUGE_ALIGN;
  size_t len = huge ? want + HUGE_ALIGN : want;
  int populate = filled && !huge ? ARENA_POPULATE : 0;
  char *mem = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | populate, -1, 0);
  if (mem == MAP_FAILED) {
    if (a->oom) longjmp(*a->oom, 1);
    abort(); /* no recovery point: cannot continue */
  }
  char *start = mem;
  if (huge) {
    /* keep the 2 MiB-aligned part, give the ends back */
    start = (char *)(((uintptr_t)mem + HUGE_ALIGN - 1) & ~(uintptr_t)(HUGE_ALIGN - 1));
    size_t head = (size_t)(start - mem), keep = (want + 4095) & ~(size_t)4095;
    if (head) munmap(mem, head);
    if (len - head > keep) munmap(start + keep, len - head - keep);
    mem = start;
    len = keep;
#if ARENA_HUGE_PAGES
    madvise(start, len, MADV_HUGEPAGE);
#endif
  }
  ArenaBlock *b = (ArenaBlock *)start;
  b->used = 0;
  b->cap = cap;
  b->map = mem;
  b->map_len = len;
  return b;
}

enum { SPARE_MIN = sizeof(ArenaBlock) + ARENA_BLOCK / 4 };

/* a block made of the first pages lent to a (they held the lender's
 * data): arena_alloc's promise of zeroed memory is kept a step at a time,
 * ZERO_STEP bytes ahead of what it hands out (see zero_ahead), so that
 * what is zeroed is still in the cache when it is written again; a
 * memset of the whole run at once (several MiB) was a miss per line twice */
enum { ZERO_STEP = 32 * 1024 };

static ArenaBlock *borrow_block(Arena *a) {
  struct ArenaSpare *r = a->spare;
  size_t len = r->len, map_len = r->map_len;
  void *map = r->map;
  a->spare = r->next;
  ArenaBlock *b = (ArenaBlock *)(void *)r;
  memset(b, 0, sizeof *b);
  b->cap = len - sizeof *b;
  b->map = map;
  b->map_len = map_len;
  return b;
}

/* n more bytes after a->cur are zeroed, and ZERO_STEP past them where the
 * head block has room */
static void zero_ahead(Arena *a, size_t n) {
  size_t room = (size_t)(a->limit - a->cur), want = n + ZERO_STEP;
  char *to = a->cur + (want < room ? want : room);
  memset(a->end, 0, (size_t)(to - a->end));
  a->end = to;
}

/* arena_alloc when the head block has no room for n (a multiple of 8) */
void *arena_alloc_slow(Arena *a, size_t n) {
  if (n <= (size_t)(a->limit - a->cur)) { /* room in lent pages not zeroed yet */
    zero_ahead(a, n);
    void *p = a->cur;
    a->cur += n;
    return p;
  }
  ArenaBlock *b = a->head;
  if (n > ARENA_BLOCK / 4) {
    /* big request: own block, linked behind the current head */
    ArenaBlock *big = arena_new_block(a, n, true);
    big->used = n;
    if (b) {
      big->next = b->next;
      b->next = big;
    } else {
      big->next = NULL;
      a->head = big;
    }
    return big->data;
  }
  if (b) b->used = (size_t)(a->cur - (char *)b->data); /* how far arena_reset clears */
  bool lent = a->spare != NULL;
  if (lent) b = borrow_block(a);
  else {
    a->nblocks++;
    b = arena_new_block(a, a->nblocks > 16 ? ARENA_BIG_BLOCK : ARENA_BLOCK, a->nblocks > 1);
  }
  b->next = a->head;
  a->head = b;
  a->cur = (char *)b->data;
  a->limit = (char *)b->data + b->cap;
  a->end = a->cur;
  if (lent) zero_ahead(a, n);
  else a->end = a->limit; /* fresh pages: the kernel zeroed them */
  a->cur += n;
  return b->data;
}

/* ---- going back to a mark ------------------------------------------------ */

ArenaMark arena_mark(const Arena *a) {
  return (ArenaMark){a->head, a->head ? a->head->next : NULL, a->cur};
}

static void drop_block(Arena *a, ArenaBlock *b) {
  if (!b->map) return; /* lent: it stays the lender's */
  if (b->cap == ARENA_BLOCK || b->cap == ARENA_BIG_BLOCK) a->nblocks--; /* not a big request's */
  munmap(b->map, b->map_len);
}

void arena_reset(Arena *a, ArenaMark m) {
  if (!a->head) return;
  if (!m.head) { /* back to empty: the oldest block stays for what comes next */
    ArenaBlock *oldest = a->head;
    while (oldest->next) oldest = oldest->next;
    m = (ArenaMark){oldest, NULL, (char *)oldest->data};
  }
  /* the blocks made since m: heads pushed in front of m's head, and big
   * requests' blocks, which go behind the head of their time */
  ArenaBlock *b = a->head;
  bool head_changed = b != m.head;
  while (b != m.head) {
    ArenaBlock *n = b->next;
    drop_block(a, b);
    b = n;
  }
  a->nindexed = -1; /* arena_release's index is stale */
  for (b = m.head->next; b != m.after;) {
    ArenaBlock *n = b->next;
    drop_block(a, b);
    b = n;
  }
  m.head->next = m.after;
  char *used_end = head_changed ? (char *)m.head->data + m.head->used : a->cur;
  if (used_end > m.cur) memset(m.cur, 0, (size_t)(used_end - m.cur));
  a->head = m.head;
  a->cur = m.cur;
  a->end = a->limit = (char *)m.head->data + m.head->cap;
}

/* ---- releasing pages ---------------------------------------------------- */

struct ArenaRef {
  const char *start; /* the block's data */
  int seq;           /* its place in allocation order */
};

static int by_address(const void *x, const void *y) {
  const char *a = ((const struct ArenaRef *)x)->start, *b = ((const struct ArenaRef *)y)->start;
  return a < b ? -1 : a > b;
}

/* the blocks in allocation order and sorted by address; false: no memory */
static bool index_blocks(Arena *a) {
  int n = 0;
  for (ArenaBlock *b = a->head; b; b = b->next) n++;
  if (n == a->nindexed) return true;
  ArenaBlock **order = malloc(sizeof *order * (size_t)n);
  struct ArenaRef *sorted = malloc(sizeof *sorted * (size_t)n);
  if (!order || !sorted) {
    free(order);
    free(sorted);
    return false;
  }
  int i = n;
  for (ArenaBlock *b = a->head; b; b = b->next) order[--i] = b; /* the list is newest first */
  for (i = 0; i < n; i++) sorted[i] = (struct ArenaRef){(const char *)order[i]->data, i};
  qsort(sorted, (size_t)n, sizeof *sorted, by_address);
  free(a->order);
  free(a->by_addr);
  a->order = order;
  a->by_addr = sorted;
  a->nindexed = n;
  return true;
}

/* the place in allocation order of the block holding the byte p, -1 when none */
static int block_of(Arena *a, const char *p) {
  int lo = 0, hi = a->nindexed - 1, found = -1;
  while (lo <= hi) { /* the last block starting at or below p */
    int mid = (lo + hi) / 2;
    if (a->by_addr[mid].start <= p) found = mid, lo = mid + 1;
    else hi = mid - 1;
  }
  if (found < 0) return -1;
  int seq = a->by_addr[found].seq;
  ArenaBlock *b = a->order[seq];
  return p < (const char *)b->data + b->cap ? seq : -1;
}

/* whether a page was given back */
static bool release_pages(const char *lo, const char *hi) {
#if !defined(__EMSCRIPTEN__) && defined(MADV_DONTNEED)
  uintptr_t s = ((uintptr_t)lo + 4095) & ~(uintptr_t)4095, e = (uintptr_t)hi & ~(uintptr_t)4095;
  if (s >= e) return false;
  madvise((void *)s, e - s, MADV_DONTNEED);
  return true;
#else
  (void)lo, (void)hi;
  return false;
#endif
}

void arena_discard(void *p, size_t n) {
  if (p) release_pages(p, (const char *)p + n);
}

void arena_lend(Arena *from, Arena *to) { from->lend_to = to; }

/* the whole pages of [lo, hi) to `to`'s spares when there is an arena to
 * take them and enough of them, else to the system; whether a page went */
static bool spare_pages(Arena *to, const char *lo, const char *hi) {
  uintptr_t s = ((uintptr_t)lo + 4095) & ~(uintptr_t)4095, e = (uintptr_t)hi & ~(uintptr_t)4095;
  if (!to || s >= e || e - s < SPARE_MIN) return release_pages(lo, hi);
  struct ArenaSpare *r = (struct ArenaSpare *)s;
  *r = (struct ArenaSpare){to->spare, e - s, NULL, 0};
  to->spare = r;
  return true;
}

static bool give_pages(Arena *a, const char *lo, const char *hi) { return spare_pages(a->lend_to, lo, hi); }

void arena_recycle(Arena *a, void *p, size_t n) {
  if (p) spare_pages(a, p, (const char *)p + n);
}

void arena_give(Arena *from, Arena *to) {
  ArenaBlock *b = from->head;
  while (b) {
    ArenaBlock *n = b->next;
    size_t len = sizeof *b + b->cap;
    if (len < SPARE_MIN || !b->map) { /* too small to be worth it, or lent */
      if (b->map) munmap(b->map, b->map_len);
    } else {
      struct ArenaSpare *r = (struct ArenaSpare *)(void *)b;
      *r = (struct ArenaSpare){to->spare, len, b->map, b->map_len};
      to->spare = r;
    }
    b = n;
  }
  from->head = NULL; /* nothing left to unmap */
  from->spare = NULL;
  arena_free(from);
}

bool arena_release(Arena *a, const void *lo_, const void *hi_) {
  const char *lo = lo_, *hi = hi_;
  if (!index_blocks(a)) return false;
  int bl = block_of(a, lo), bh = block_of(a, hi);
  if (bl < 0 || bh < 0 || bl > bh) return false;
  if (bl == bh) /* one block: addresses in allocation order */
    return lo < hi && give_pages(a, lo, hi);
  ArenaBlock *first = a->order[bl], *last = a->order[bh];
  bool any = give_pages(a, lo, (const char *)first->data + first->cap);
  for (int i = bl + 1; i < bh; i++)
    any |= give_pages(a, (const char *)a->order[i]->data,
                      (const char *)a->order[i]->data + a->order[i]->cap);
  any |= give_pages(a, (const char *)last->data, hi);
  return any;
}

char *arena_strndup(Arena *a, const char *s, size_t n) {
  char *p = arena_alloc(a, n + 1);
  memcpy(p, s, n);
  p[n] = 0;
  return p;
}

char *arena_strdup(Arena *a, const char *s) {
  return arena_strndup(a, s, strlen(s));
}

/* Formats once into a buffer on the stack, a second time only when the
 * text is longer than it (names and keys: nearly always short). */
char *arena_printf(Arena *a, const char *fmt, ...) {
  char buf[256];
  va_list ap, ap2;
  va_start(ap, fmt);
  va_copy(ap2, ap);
  int n = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  if (n < 0) n = 0, buf[0] = 0;
  char *p;
  if ((size_t)n < sizeof buf) {
    p = arena_strndup(a, buf, (size_t)n);
  } else {
    p = arena_alloc(a, (size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap2);
  }
  va_end(ap2);
  return p;
}

void vec_push(Arena *a, PtrVec *v, void *item) {
  if (v->len == v->cap) {
    int nc = v->cap ? v->cap * 2 : 4;
    void **ni = arena_alloc(a, sizeof(void *) * (size_t)nc);
    if (v->len) memcpy(ni, v->items, sizeof(void *) * (size_t)v->len);
    v->items = ni;
    v->cap = nc;
  }
  v->items[v->len++] = item;
}

void ivec_push(Arena *a, IntVec *v, int item) {
  if (v->len == v->cap) {
    int nc = v->cap ? v->cap * 2 : 4;
    int *ni = arena_alloc(a, sizeof(int) * (size_t)nc);
    if (v->len) memcpy(ni, v->items, sizeof(int) * (size_t)v->len);
    v->items = ni;
    v->cap = nc;
  }
  v->items[v->len++] = item;
}

int vec_find(const PtrVec *v, const void *p) {
  for (int i = 0; i < v->len; i++)
    if (v->items[i] == p) return i;
  return -1;
}

/* ---- StrBuf -------------------------------------------------------------- */

void sb_init(StrBuf *sb) { memset(sb, 0, sizeof *sb); }
void sb_free(StrBuf *sb) {
  free(sb->data);
  sb_init(sb);
}

static bool sb_reserve(StrBuf *sb, size_t extra) {
  if (sb->failed) return false;
  if (sb->len + extra + 1 <= sb->cap) return true;
  size_t nc = sb->cap ? sb->cap * 2 : 256;
  while (nc < sb->len + extra + 1) nc *= 2;
  char *nd = realloc(sb->data, nc);
  if (!nd) {
    sb->failed = true;
    return false;
  }
  sb->data = nd;
  sb->cap = nc;
  return true;
}

void sb_putn(StrBuf *sb, const char *s, size_t n) {
  if (!sb_reserve(sb, n)) return;
  memcpy(sb->data + sb->len, s, n);
  sb->len += n;
  sb->data[sb->len] = 0;
}
void sb_putc(StrBuf *sb, char c) { sb_putn(sb, &c, 1); }
void sb_puts(StrBuf *sb, const char *s) { sb_putn(sb, s, strlen(s)); }

/* Formats straight into the free part of the buffer; only text longer
 * than that part is formatted a second time, after growing it. */
void sb_vprintf(StrBuf *sb, const char *fmt, va_list ap) {
  if (!sb_reserve(sb, 0)) return;
  va_list ap2;
  va_copy(ap2, ap);
  size_t room = sb->cap - sb->len;
  int n = vsnprintf(sb->data + sb->len, room, fmt, ap2);
  va_end(ap2);
  if (n < 0) {
    sb->data[sb->len] = 0;
    return;
  }
  if ((size_t)n >= room) {
    if (!sb_reserve(sb, (size_t)n)) {
      sb->data[sb->len] = 0;
      return;
    }
    vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
  }
  sb->len += (size_t)n;
}

void sb_printf(StrBuf *sb, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  sb_vprintf(sb, fmt, ap);
  va_end(ap);
}

char *sb_take(StrBuf *sb) {
  char *d = sb->data;
  if (!d) {
    d = malloc(1);
    if (d) d[0] = 0;
  }
  sb_init(sb);
  return d;
}

/* ---- diagnostics -------------------------------------------------------- */

void diags_init(CwDiags *d) {
  memset(d, 0, sizeof *d);
  d->max_errors = 20;
}

void diags_free(CwDiags *d) {
  for (int i = 0; i < d->len; i++) {
    free(d->items[i].msg);
    free(d->items[i].file);
    free(d->items[i].where);
    free(d->items[i].source);
  }
  free(d->items);
  memset(d, 0, sizeof *d);
}

static void render_source_line(StrBuf *sb, SrcLoc loc) {
  const SrcFile *f = srcloc_file(loc);
  if (!f || !f->contents || loc.line <= 0) return;
  const char *p = f->contents;
  for (int l = 1; l < loc.line && *p; p++)
    if (*p == '\n') l++;
  const char *e = p;
  while (*e && *e != '\n') e++;
  sb_putn(sb, p, (size_t)(e - p));
  sb_putc(sb, '\n');
  for (int c = 1; c < loc.col && p + c - 1 < e; c++)
    sb_putc(sb, p[c - 1] == '\t' ? '\t' : ' ');
  sb_puts(sb, "^\n");
}

void diag_vadd(CwDiags *d, DiagLevel lv, SrcLoc loc, const char *fmt,
               va_list ap) {
  if (d->len == d->cap) {
    int nc = d->cap ? d->cap * 2 : 16;
    Diag *ni = realloc(d->items, sizeof(Diag) * (size_t)nc);
    if (!ni) return;
    d->items = ni;
    d->cap = nc;
  }
  StrBuf sb;
  sb_init(&sb);
  sb_vprintf(&sb, fmt, ap);
  Diag *g = &d->items[d->len];
  g->level = lv;
  g->loc = loc;
  g->msg = sb_take(&sb);
  /* copied now: the source files belong to a compilation that may end
   * before the caller renders the diagnostics */
  const SrcFile *f = srcloc_file(loc);
  sb_puts(&sb, f ? f->name : "");
  g->file = sb_take(&sb);
  if (f) sb_printf(&sb, "%s:%d:%d: ", f->name, loc.line, (int)loc.col);
  g->where = sb_take(&sb);
  render_source_line(&sb, loc);
  g->source = sb_take(&sb);
  d->len++;
  if (lv == DIAG_ERROR) d->errors++;
  if (lv == DIAG_WARNING) d->warnings++;
}

void diag_add(CwDiags *d, DiagLevel lv, SrcLoc loc, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  diag_vadd(d, lv, loc, fmt, ap);
  va_end(ap);
}


char *diags_render(const CwDiags *d) {
  static const char *names[] = {"error", "warning", "note"};
  StrBuf sb;
  sb_init(&sb);
  for (int i = 0; i < d->len; i++) {
    const Diag *g = &d->items[i];
    sb_printf(&sb, "%s%s: %s\n%s", g->where ? g->where : "", names[g->level], g->msg,
              g->source ? g->source : "");
  }
  return sb_take(&sb);
}
