/*
 * base.h — the few services every layer of the compiler shares: an arena
 * allocator (one per compilation, freed in one go, so nothing in the front
 * end frees individually), growable string buffers, source files and
 * locations, the diagnostics collection, and whole-file reads and atomic
 * writes (file.c).
 *
 * Diagnostics are collected, never printed: the library hands the caller a
 * CwDiags object and the CLI decides how to show it.  A fatal error inside
 * a compilation unwinds with longjmp to the compile entry point, whose
 * jmp_buf lives in the compilation context (no global state).
 */
#ifndef CW_BASE_H
#define CW_BASE_H

#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ---- arena ---------------------------------------------------------- */

typedef struct ArenaBlock ArenaBlock;
typedef struct Arena {
  ArenaBlock *head;
  jmp_buf *oom; /* where to unwind when malloc fails (may be NULL) */
  int nblocks;
  char *cur, *end; /* free part of the head block, zeroed */
  char *limit;     /* the head block's end: from `end` to here, a block
                    * made of lent pages not zeroed yet (arena_lend) */
  /* arena_release's index of the blocks (allocation order, and sorted by
   * address), rebuilt when blocks were added since */
  ArenaBlock **order;
  struct ArenaRef *by_addr;
  int nindexed;
  /* the source-file ids of the SrcFiles allocated here (srcfile_register),
   * handed back by arena_free */
  uint32_t *src_ids;
  int nsrc_ids, src_ids_cap;
  /* arena_lend: where arena_release's pages go instead of the system, and
   * the pages lent to this arena that it has not used yet */
  struct Arena *lend_to;
  struct ArenaSpare *spare;
} Arena;

void arena_init(Arena *a);
void arena_free(Arena *a);
/* Gives back to the system the whole pages of what was allocated from lo
 * up to hi, lo and hi being two allocations of `a` (lo the earlier; hi
 * itself stays), in whichever blocks they lie; what lies there must never
 * be used again.  Returns whether a page was given back: false, releasing
 * nothing, when lo or hi is not in `a`, lo came after hi, no whole page
 * lies between them or the system cannot release pages. */
bool arena_release(Arena *a, const void *lo, const void *hi);
/* From now on the pages arena_release takes from `from` go to `to`, which
 * hands them out again (zeroed by memset) before it maps new memory: the
 * kernel then zeroes no fresh page for what `to` allocates next.  `to`
 * must be freed before `from`, whose memory its blocks then lie in. */
void arena_lend(Arena *from, Arena *to);
/* Frees `from`, whose memory is never used again, handing its blocks to
 * `to`, which uses them (zeroed by memset) before it maps new ones and
 * unmaps them when it is freed: a short-lived arena's pages, already
 * touched, hold what a long-lived one allocates next. */
void arena_give(Arena *from, Arena *to);
/* Gives back to the system the whole pages of the n bytes at p, an
 * allocation of an arena that is never used again (a hash table that
 * grew into a new one): the arena does not hand that memory out again. */
void arena_discard(void *p, size_t n);
/* The same for an allocation of `a` itself, whose whole pages `a` hands
 * out again (zeroed by memset) before it maps new memory: a table that
 * grew into a new one makes room for what comes next.  Never for an arena
 * that arena_reset goes back in. */
void arena_recycle(Arena *a, void *p, size_t n);
void *arena_alloc_slow(Arena *a, size_t n);
/* A point in an arena's allocations to come back to (arena_reset). */
typedef struct ArenaMark {
  ArenaBlock *head, *after; /* the head block then, and the block behind it */
  char *cur;
} ArenaMark;
ArenaMark arena_mark(const Arena *a);
/* Forgets everything allocated since m and hands that memory out again,
 * zeroed as arena_alloc promises: a scratch arena whose contents die
 * together (a function's block scopes) stays as small as the largest of
 * them instead of growing with the input.  Nothing allocated since m may
 * be used again; marks taken since m are void.  Going back to a mark of
 * the empty arena keeps its first block (no mmap per use). */
void arena_reset(Arena *a, ArenaMark m);

/* Zeroed memory, 8-byte aligned: enough for every type the project puts
 * in an arena (pointers, int64_t, double; nothing needs max_align_t's 16,
 * which would round a 104-byte node up to 112).  Inline: the front end
 * makes millions of small allocations, nearly all served by bumping `cur`. */
static inline void *arena_alloc(Arena *a, size_t n) {
  n = (n + 7) & ~(size_t)7;
  if (n <= (size_t)(a->end - a->cur)) {
    void *p = a->cur;
    a->cur += n;
    return p;
  }
  return arena_alloc_slow(a, n);
}
char *arena_strndup(Arena *a, const char *s, size_t n);
char *arena_strdup(Arena *a, const char *s);
char *arena_printf(Arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* ---- growable buffer (heap, owned by the user of it) ------------------- */

typedef struct StrBuf {
  char *data;
  size_t len, cap;
  bool failed; /* an allocation failed; contents are truncated */
} StrBuf;

void sb_init(StrBuf *sb);
void sb_free(StrBuf *sb);
void sb_putc(StrBuf *sb, char c);
void sb_puts(StrBuf *sb, const char *s);
void sb_putn(StrBuf *sb, const char *s, size_t n);
void sb_printf(StrBuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void sb_vprintf(StrBuf *sb, const char *fmt, va_list ap);
char *sb_take(StrBuf *sb); /* NUL-terminated, caller frees */

/* growable pointer vector in an arena */
typedef struct PtrVec {
  void **items;
  int len, cap;
} PtrVec;
void vec_push(Arena *a, PtrVec *v, void *item);
/* Index of the first item equal to p, -1 when none. */
int vec_find(const PtrVec *v, const void *p);
/* growable int vector in an arena */
typedef struct IntVec {
  int *items;
  int len, cap;
} IntVec;
void ivec_push(Arena *a, IntVec *v, int item);

/* ---- source files and locations ---------------------------------------- */

typedef struct SrcFile {
  const char *name;     /* as shown in diagnostics */
  const char *contents; /* NUL-terminated */
  size_t size;
  int id;               /* the preprocessor's number for it */
  uint32_t loc_id;      /* its SrcLoc.file_id (srcfile_register); 0: none */
} SrcFile;

/* 8 bytes (it was 16 with a SrcFile pointer): every token and KIR node
 * carries one.  The file is a process-wide id (srcloc.c): srcloc_file()
 * gives the SrcFile back.  A column past SRCLOC_COL_MAX is clamped. */
enum { SRCLOC_COL_BITS = 14, SRCLOC_COL_MAX = (1 << SRCLOC_COL_BITS) - 1 };
typedef struct SrcLoc {
  int line;                            /* 1-based; 0 when unknown */
  unsigned col : SRCLOC_COL_BITS;      /* 1-based; 0 when unknown */
  unsigned file_id : 32 - SRCLOC_COL_BITS; /* 0: no file */
} SrcLoc;
_Static_assert(sizeof(SrcLoc) == 8, "SrcLoc is two 32-bit words");

/* Gives f, allocated in `a`, an id for SrcLocs (f->loc_id), handed back
 * when `a` is freed; while that many files are alive at once that no id
 * is left (2^18), f gets 0 and its locations name no file. */
void srcfile_register(Arena *a, SrcFile *f);
/* The file of a location; NULL when it has none.  Like the pointer it
 * replaces, valid while the arena holding the file lives. */
SrcFile *srcloc_file(SrcLoc loc);
/* arena_free's part: hands back the ids of the files allocated in a */
void srcfile_release_ids(Arena *a);
static inline SrcLoc srcloc_make(const SrcFile *f, int line, int col) {
  return (SrcLoc){.line = line,
                  .col = (unsigned)(col < 0 ? 0 : col > SRCLOC_COL_MAX ? SRCLOC_COL_MAX : col),
                  .file_id = f ? f->loc_id : 0};
}
static inline void srcloc_set_file(SrcLoc *loc, const SrcFile *f) {
  loc->file_id = f ? f->loc_id : 0;
}

/* ---- diagnostics -------------------------------------------------------- */

typedef enum { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE } DiagLevel;

typedef struct Diag {
  DiagLevel level;
  SrcLoc loc;   /* loc.file may be freed before the diagnostic: use the copies */
  char *msg;    /* heap */
  char *file;   /* heap: the file's name, or "" */
  char *where;  /* heap: "file:line:col: " or "" */
  char *source; /* heap: the source line and a caret line, or "" */
} Diag;

typedef struct CwDiags {
  Diag *items;
  int len, cap;
  int errors, warnings;
  int max_errors; /* stop collecting (and compiling) after this many */
} CwDiags;

void diags_init(CwDiags *d);
void diags_free(CwDiags *d);
void diag_add(CwDiags *d, DiagLevel lv, SrcLoc loc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void diag_vadd(CwDiags *d, DiagLevel lv, SrcLoc loc, const char *fmt,
               va_list ap);
/* Renders all diagnostics as `file:line:col: error: msg`, the source line
 * and a caret under the column.  Caller frees the result. */
char *diags_render(const CwDiags *d);

/* ---- whole files (file.c) ------------------------------------------------ */

/* The file's bytes plus a NUL (malloc'd; *size without it), or NULL. */
char *cw_read_file(const char *path, size_t *size);
/* The integer a text file starts with (a sysfs or procfs value such as
 * "32768K"), 0 when it cannot be read or starts with none. */
long cw_read_long_file(const char *path);
/* Writes through a temporary name and a rename; false on any failure. */
/* A checker list, "memcheck,racecheck,synccheck,initcheck,leaks" or
 * "all" (check_list.c). */
typedef struct {
  bool memcheck, racecheck, synccheck, initcheck, leaks;
} CwCheckList;
/* False on an unknown word (its start and length in *bad, *bad_len); the
 * known words are set either way. */
bool cw_check_list_parse(const char *list, CwCheckList *out, const char **bad, size_t *bad_len);
CwCheckList cw_check_list_from_env(void); /* CUWASM_CHECK */
bool cw_check_list_any(CwCheckList c);

bool cw_write_file_atomic(const char *path, const void *data, size_t n);

#endif
