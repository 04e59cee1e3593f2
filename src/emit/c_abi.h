/*
 * c_abi.h — the contract between C emitted by emit/c.c and the CPU
 * runtime that loads it (rt/cpu).
 *
 * A compiled module exports, for every kernel, `void cwk_<cname>(cw_rt_ctx
 * *, void **args)` that runs ONE whole thread block, plus `cw_kernels[]`
 * (kernel table) and `cw_symbols[]` (module globals, for the runtime's
 * symbol copies).  The runtime owns the cw_rt_ctx: block coordinates,
 * shared memory of this block, and host callbacks for printf/assert/trap
 * (the generated code links against nothing but libc and libm).
 * Code emitted in check mode (emit_c_checked) also calls check_fn before
 * every access through a pointer or array and barrier_fn at every block
 * barrier; the access kinds are CW_ACCESS_*.  When check_flags has
 * CW_CHECK_SYNC, it also tests at each barrier and warp collective which
 * threads are there and calls sync_fn with what is wrong (CW_SYNC_*);
 * every device-scope __threadfence() calls fence_fn, and malloc/free in
 * kernels go through heap_fn.
 *
 * The struct bodies are macros so that the same text is both compiled into
 * the runtime and pasted (stringified) into every generated file: the two
 * can never drift apart.
 */
#ifndef CW_EMIT_C_ABI_H
#define CW_EMIT_C_ABI_H

#include <stdint.h>

#define CW_C_ABI_VERSION 10

/* A kernel body is compiled twice (emit/c_prelude.c): the fast copy runs
 * the blocks with blockIdx.x below 2^CW_FAST_BIX_LOG2, the exact copy the
 * rest.  Where the JIT builds the exact copies in a second object, only
 * when a launch has such blocks (rt/cpu/jit.c), the runtime tests this. */
#define CW_FAST_BIX_LOG2 21

/* Kernel parameters racecheck may find need no records (race_solo_*). */
#define CW_RACE_SOLO_PARAMS 16

#define CW_C_ABI_TYPES                                                        \
  typedef struct cw_rt_ctx cw_rt_ctx;                                         \
  struct cw_kernel_desc;                                                      \
  /* racecheck, shared memory: per 4-byte word, the last writer and      \
   * reader (linear thread ids, -1 none, -2 several) since the barrier   \
   * that began epoch (rt/cpu/check.c keeps them, one per pool thread)  */\
  typedef struct cw_race_word {                                              \
    uint32_t epoch;                                                           \
    int32_t writer, reader;                                                   \
    const char *wloc, *rloc;                                                  \
  } cw_race_word;                                                             \
  /* racecheck, device memory: per 4-byte word, 32 bytes: the block of  \
   * the last write and the first and second reading blocks (ids: the     \
   * launch's race_base + linear block, current while id - race_base <   \
   * race_span; rid2 ~0u: several), the low 16 bits of each one's        \
   * __threadfence() count then, which bytes (masks), the word before the \
   * last write's store, and the source positions (offsets from the      \
   * launch's race_loc_base, 0: unknown).  Fields are read and written    \
   * with relaxed atomics.                                               */\
  typedef struct cw_race_gword {                                             \
    uint32_t wid, rid, rid2, wprev;                                           \
    int32_t wloc, rloc;                                                       \
    uint16_t wfence, rfence, rfence2;                                         \
    uint8_t wmask, rmask;                                                     \
  } cw_race_gword;                                                            \
  struct cw_rt_ctx {                                                          \
    uint32_t block_idx[3];                                                    \
    uint32_t grid_dim[3];                                                     \
    uint32_t block_dim[3];                                                    \
    unsigned char *shm;     /* this block's static __shared__ variables */    \
    unsigned char *dyn_shm; /* this block's extern __shared__ array */        \
    void *host;             /* the runtime's launch record */                 \
    int (*printf_fn)(cw_rt_ctx *ctx, const char *fmt, ...);                   \
    void (*assert_fn)(cw_rt_ctx *ctx, const char *expr, const char *file,     \
                      int line, const char *func, uint32_t tx, uint32_t ty,   \
                      uint32_t tz);                                           \
    void (*trap_fn)(cw_rt_ctx *ctx, uint32_t tx, uint32_t ty, uint32_t tz);   \
    void (*grid_sync_fn)(cw_rt_ctx *ctx); /* grid_group::sync() */            \
    /* check mode only (cuwasm run --check): every memory access, then     \
     * every block barrier; NULL in normal launches.  align: the alignment \
     * of the accessed type (a struct's is its fields').  fields: a read of \
     * a whole struct with padding, a byte per byte of it, nonzero where a  \
     * field lies (initcheck tests only those bytes); NULL: every byte      \
     * (emit/c_check_fields.c) */                                           \
    const void *(*check_fn)(cw_rt_ctx *ctx, const void *p, uint32_t size,   \
                            uint32_t align, int kind, const char *loc,      \
                            int32_t tx,                                     \
                            uint32_t ty, uint32_t tz,                       \
                            const unsigned char *fields);                   \
    void (*barrier_fn)(cw_rt_ctx *ctx);                                     \
    /* check mode: the memory check_fn last found valid (4 ranges, the  \
     * oldest replaced); accesses inside them skip the call (shared       \
     * memory never enters: racecheck sees every access) */               \
    const unsigned char *chk_lo[4], *chk_hi[4];                             \
    /* initcheck: the window's shadow, one byte per byte, nonzero once   \
     * written (NULL: memory that needs none) */                          \
    unsigned char *chk_init[4];                                             \
    uint32_t chk_next;                                                      \
    const unsigned char *shm_hi; /* check mode: the end of shared memory */ \
    uint32_t check_flags; /* CW_CHECK_*: what this launch checks inline */  \
    /* racecheck: four more windows, of memory with race records (one   \
     * per 4 bytes from race_lo; chk_* never hold such memory, so        \
     * memcheck and initcheck alone pay nothing for them); this launch's  \
     * ids and this block's, the                                          \
     * base of position offsets and where the block's fence count is; the \
     * pool thread's shared-memory records, the current epoch and the end \
     * of shared memory (race_shm NULL: off).  The generated code updates  \
     * them inline where no report can come of an access, and calls       \
     * check_fn where one may.                                            */\
    const unsigned char *race_lo[4], *race_hi[4];                           \
    unsigned char *race_init[4];                                            \
    cw_race_gword *race_rec[4];                                             \
    uint32_t race_next;                                                     \
    uint32_t race_base, race_span, race_id;                                 \
    const char *race_loc_base;                                              \
    const uint32_t *race_fence;                                             \
    cw_race_word *race_shm;                                                 \
    const unsigned char *race_shm_hi;                                       \
    uint32_t race_epoch;                                                    \
    /* racecheck: per kernel parameter, the device allocation it points  \
     * into when no other parameter does (emit/c_race_solo.c says when    \
     * an access through it then needs no record; lo == hi: none)      */\
    const unsigned char *race_solo_lo[CW_RACE_SOLO_PARAMS];                 \
    const unsigned char *race_solo_hi[CW_RACE_SOLO_PARAMS];                 \
    /* synccheck: thread t is at a barrier or collective (what, loc)    \
     * where thread other should be too, or names it in its mask        \
     * (mask, and the lanes that are there: active) */                  \
    void (*sync_fn)(cw_rt_ctx *ctx, int kind, const char *what,             \
                    const char *loc, uint32_t t, uint32_t other,            \
                    uint32_t mask, uint32_t active);                        \
    /* racecheck: the block ran __threadfence() (its earlier global     \
     * accesses are published to blocks that come after an atomic) */    \
    void (*fence_fn)(cw_rt_ctx *ctx);                                       \
    /* check mode: the device heap (malloc: p NULL, size bytes; free: p, \
     * size 0), so that memcheck knows its blocks */                     \
    void *(*heap_fn)(cw_rt_ctx *ctx, void *p, uint64_t size);               \
    /* dynamic parallelism: thread (tx,ty,tz) launches kernel k (of this  \
     * module's cw_kernels) with args pointing at its parameter values;    \
     * returns a cudaError_t (0: queued).  device_rt_fn serves the device  \
     * runtime API (CW_DEVRT_*); devrt is the runtime's per-block state.  */\
    int (*launch_fn)(cw_rt_ctx *ctx, const struct cw_kernel_desc *k,        \
                     const uint32_t grid[3], const uint32_t block[3],       \
                     uint64_t shared_bytes, void *stream, void **args,      \
                     uint32_t tx, uint32_t ty, uint32_t tz);                \
    int64_t (*device_rt_fn)(cw_rt_ctx *ctx, int op, uint32_t tx,            \
                            uint32_t ty, uint32_t tz);                      \
    void *devrt;                                                            \
    /* strided loops prefetch all of a chunk of an array larger than    \
     * this (loop bound times element size), else its first lines (the   \
     * prelude's cw_prefetch_bytes; 0: all of every chunk)   */            \
    uint64_t prefetch_above;                                                \
  };                                                                          \
  typedef void (*cw_kernel_fn)(cw_rt_ctx *ctx, void **args);                  \
  /* nblocks consecutive blocks from ctx->block_idx, shm_step bytes of     \
   * shared memory each (emit/c_group.c) */                                \
  typedef void (*cw_group_fn)(cw_rt_ctx *ctx, void **args, uint32_t nblocks,  \
                              uint64_t shm_step);                             \
  typedef struct cw_kernel_desc {                                             \
    const char *name;  /* C++ name: reduce<float, 256> */                     \
    const char *cname;                                                        \
    cw_kernel_fn fn;                                                          \
    uint32_t static_shared; /* bytes of static __shared__ the kernel needs */ \
    int nparams;                                                              \
    const uint32_t *param_sizes;                                              \
    cw_group_fn group; /* NULL: the kernel has no group function */          \
    uint32_t group_thread_bytes; /* its per-thread arrays' bytes per block */ \
  } cw_kernel_desc;                                                           \
  typedef struct cw_symbol_desc {                                             \
    const char *name;                                                         \
    void *addr;                                                               \
    uint64_t size;                                                            \
  } cw_symbol_desc;

/* Separate compilation (-rdc=true; emit/c_link.c): only relocatable
 * modules carry these tables.  cw_externs[] lists what the module uses
 * but another module defines: slot is the address of the pointer the
 * linker fills (a variable's address, or the function itself).
 * cw_functions[] lists the module's device functions other modules may
 * call, named `name(param C types)`; flags say why one cannot be called
 * from another module: CW_FUNCTION_BARRIER, it synchronises the block
 * (it is inlined into its callers; addr is NULL), CW_FUNCTION_STATIC_SHARED,
 * it uses static __shared__ variables (laid out in its own module's
 * shared memory, which a kernel of another module does not have). */
#define CW_C_LINK_TYPES                                                       \
  typedef struct cw_extern_desc {                                             \
    const char *name; /* variable: its name; function: name(param types) */  \
    int kind;         /* CW_EXTERN_VARIABLE or CW_EXTERN_FUNCTION */          \
    void *slot;                                                               \
    const char *declared_in; /* file of its first use, for linker errors */  \
  } cw_extern_desc;                                                           \
  typedef struct cw_function_desc {                                           \
    const char *name;                                                         \
    void *addr;                                                               \
    int flags; /* CW_FUNCTION_*: why other modules cannot call it */          \
  } cw_function_desc;

enum { CW_EXTERN_VARIABLE = 0, CW_EXTERN_FUNCTION = 1 };
enum { CW_FUNCTION_BARRIER = 1, CW_FUNCTION_STATIC_SHARED = 2 };

/* The op argument of device_rt_fn: the device runtime API calls. */
enum { CW_DEVRT_GET_LAST_ERROR = 0, CW_DEVRT_PEEK_LAST_ERROR = 1, CW_DEVRT_GET_DEVICE = 2,
       CW_DEVRT_STREAM_NEW = 3 };

/* The kind argument of check_fn: odd kinds write the memory whole, so
 * initcheck marks it; an atomic read-modify-write reads it first.  The
 * race checkers leave atomics alone (atomics never race each other). */
enum { CW_ACCESS_READ = 0, CW_ACCESS_WRITE = 1, CW_ACCESS_ATOMIC = 2, CW_ACCESS_ATOMIC_STORE = 3 };
/* check_flags: the inline checks generated code makes in this launch;
 * CW_CHECK_BOUNDS: memcheck is on (accesses racecheck need not record
 * still need their bounds tested). */
enum { CW_CHECK_SYNC = 1, CW_CHECK_BOUNDS = 2 };
/* The kind argument of sync_fn: a block barrier some live thread of the
 * block does not reach; a warp collective or __syncwarp whose mask names
 * a lane that is not there; one called by a lane its mask leaves out. */
enum { CW_SYNC_BARRIER = 0, CW_SYNC_MASK_LANE = 1, CW_SYNC_NOT_IN_MASK = 2 };

#ifndef CW_C_ABI_NO_DEFINE
CW_C_ABI_TYPES
CW_C_LINK_TYPES
#endif

#define CW_ABI_STR2(...) #__VA_ARGS__
#define CW_ABI_STR(x) CW_ABI_STR2(x)
/* The same declarations as one string, for the emitter's prelude. */
#define CW_C_ABI_TEXT CW_ABI_STR(CW_C_ABI_TYPES)
#define CW_C_LINK_TEXT CW_ABI_STR(CW_C_LINK_TYPES)

#endif
