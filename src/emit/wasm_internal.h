/*
 * wasm_internal.h — state shared by the files of the WebAssembly emitter:
 *   wasm.c          the module: layout of memory, functions, exports, the
 *                   metadata section; kernels as block functions
 *   wasm_stmt.c     statements and structured control flow
 *   wasm_expr.c     expressions, lvalues, loads/stores, conversions
 *   wasm_builtin.c  builtin functions (math, integer intrinsics)
 *   wasm_atomic.c   atomics and fences (the threads proposal's instructions)
 *   wasm_enc.c      the binary encoding (no KIR)
 *
 * Values: bool and integers up to 32 bits are i32 (kept normalised to
 * their type's range), 64-bit integers i64, float f32, double f64,
 * pointers i32 addresses in linear memory (stored as 8 bytes in memory,
 * as KIR's layouts assume).  A struct, vector or array value is the i32
 * address of its storage.
 */
#ifndef CW_EMIT_WASM_INTERNAL_H
#define CW_EMIT_WASM_INTERNAL_H

#include "emit.h"
#include "kir/passes/fission.h"
#include "wasm_enc.h"

/* wasm globals, all i32 */
enum {
  WG_SP, WG_SHARED, WG_T, WG_TX, WG_TY, WG_TZ, WG_BX, WG_BY, WG_BZ,
  WG_BDX, WG_BDY, WG_BDZ, WG_GDX, WG_GDY, WG_GDZ,
  WG_STACK_LO, /* the lowest address device functions' frames may use */
  WG_COUNT
};

#define WASM_DATA_BASE 1024
/* host functions every module imports, in this order: __half bits to
 * float, float to __half bits (round to nearest even), and the two
 * combined (round a float to half precision) */
enum { WI_H2F, WI_F2H, WI_HROUND };
#define WASM_STACK_BYTES 65536
/* the memory import's maximum: 4 GiB, all of wasm32 (the host picks a
 * smaller one for the memory it makes) */
#define WASM_MAX_PAGES 65536

typedef enum {
  VS_LOCAL,      /* a wasm local */
  VS_FRAME,      /* memory at frame base + off */
  VS_ADDR_LOCAL, /* memory at the address held in wasm local idx */
  VS_ABS,        /* module global at a fixed address */
  VS_SHARED,     /* __shared__: $shared + off */
  VS_COLUMN,     /* kernels: a 4-byte value kept per thread, in a column after the
                    frames; thread t's at the address in local idx + 4t (we_var_addr) */
} VarStore;

/* calls of short device functions emitted in place (wasm_inline.c), nested at most this deep */
enum { WASM_INLINE_DEPTH = 4 };

typedef struct WVar {
  const KVar *v;
  VarStore st;
  uint32_t idx;
  int32_t off;
} WVar;

typedef struct WTarget { int brk, cont; } WTarget; /* control depths (-1: none) */

typedef struct WFunc {
  const KFunc *f;
  bool kernel;
  WBuf code;
  unsigned char *ltypes; /* types of locals after the parameters */
  int nlocals, capl;
  int nparams;           /* wasm parameters */
  WVar *vars;
  int nvars, capv;
  int frame;             /* bytes of the frame (per thread in a kernel) */
  uint32_t fp;           /* local: frame base */
  int depth;             /* open blocks/loops/ifs */
  WTarget *tg;
  int ntg, captg;
  int turn;              /* depth of a thread's turn block in a kernel, -1 */
  uint32_t retptr;       /* local: where an aggregate result goes */
  const KFission *fis;
  struct KUniformity *uni; /* kernels: which locals differ between threads (wasm_simd.c, on first use) */
  uint32_t nt, tbase, fsize; /* kernels: locals with the thread count, the
                                first thread frame and the frame size */
  int columns;           /* kernels: bytes per thread of the column area
                            after the frames (we_column) */
  uint32_t fspan;        /* kernels: local with frame + column bytes per thread */
  struct WColumnVar { uint32_t local; int off; } *colvars; /* kernels: VS_COLUMN variables'
                            base locals and byte offsets per thread in the column area */
  int ncolvars, capcolvars;
  uint32_t gl[WG_COUNT];  /* kernels: 1 + the local standing for a global (0: none) */
  bool gl_sync;          /* kernels: write those globals too (device functions read them) */
  PtrVec addr_taken;     /* KVar*: locals whose address is taken */
  const char **labels;   /* goto targets open now: name and control depth */
  int *label_depth;
  int nlabels, caplabels;
  bool failed;
} WFunc;

typedef struct WEmit {
  const KModule *m;
  CwDiags *d;
  Arena arena;
  WFunc *fn;                 /* function being emitted */
  SrcLoc loc;                /* the statement or expression being emitted */
  /* function index space: imports, then the functions of `funcs` */
  PtrVec imports;            /* const char*: builtin names imported from "math" */
  PtrVec import_sigs;        /* const char*: their signatures ("f:ff") */
  PtrVec funcs;              /* KFunc*: emitted functions (device, then kernels) */
  /* type section: deduplicated signatures */
  WBuf types;
  PtrVec sigs;               /* char*: "params:results" in value type bytes */
  /* memory */
  PtrVec gvars;              /* KVar*: module globals with a fixed address */
  int *gaddr;
  PtrVec svars;              /* KVar*: __shared__ variables */
  int *soff;
  PtrVec strs;               /* KExpr*: string literals (printf formats, assert texts) */
  int *str_addr;
  int shared_size, data_end;
  int launch_buf, launch_bytes; /* where a device-side launch's arguments are
                                   built (the largest launched kernel's) */
  int ndev;                  /* funcs before the kernels: kernel i is funcs[ndev + i] */
  const KFunc *inlining[WASM_INLINE_DEPTH]; /* functions whose bodies are being emitted in
                                               place of a call (wasm_expr.c) */
  int ninlining;
  int data_base;             /* where globals start: WASM_DATA_BASE, or the caller's */
  WBuf data;                 /* bytes from data_base */
  /* per entry of funcs */
  KFission *fis;             /* kernels: barrier fission, run before layout */
  bool *fis_ok;
  bool *ffailed;
  int *fframe, *fdiag;       /* frame bytes; first diagnostic index (-1) */
} WEmit;

/* wasm.c */
void we_error(WEmit *w, SrcLoc loc, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
int we_func_index(WEmit *w, const KFunc *f);
/* a device function's index in table 0 (its function pointer value), or -1 */
int we_table_index(WEmit *w, const KFunc *f);
int we_sig(WEmit *w, const unsigned char *params, int np, const unsigned char *res, int nr);
/* the wasm value type of t (WT_VOID for void; 0 unsupported) */
unsigned wt_of(const KType *t);
bool kt_aggregate(const KType *t);
WVar *we_var(WEmit *w, const KVar *v);
/* the variable an lvalue is part of (v, v.f, v[i] of an array v), or NULL */
const KVar *we_lvalue_root(const KExpr *e);
/* v is, until w->fn->nvars is set back, the wasm local idx (VS_LOCAL),
 * the memory at the address it holds (VS_ADDR_LOCAL), or (VS_FRAME) the
 * frame slot the caller sets in the result's off */
WVar *we_bind(WEmit *w, const KVar *v, VarStore st, uint32_t idx);
uint32_t we_local(WEmit *w, unsigned type);
int we_frame_slot(WEmit *w, int size, int align);
/* A column of 4-byte values, one per thread of the block, thread t's at
 * the returned local's address + 4t (emitted where it is called, in a
 * kernel: columns lie after the block's frames, 16-byte aligned). */
uint32_t we_column(WEmit *w);
/* the address of a VS_FRAME or VS_COLUMN variable's copy in thread T +
 * lane (T: the thread counter; the frame pointer is thread T's) */
void we_var_addr(WEmit *w, const WVar *x, int lane);
/* fp + lane * fsize + off: byte off of thread T + lane's frame (a vector
 * turn's lanes' frames follow lane 0's) */
void we_lane_frame(WEmit *w, int lane, int off);
void op(WEmit *w, unsigned opcode);
void op_u(WEmit *w, unsigned opcode, uint64_t imm);
void op_i32(WEmit *w, int32_t v);
void op_fc(WEmit *w, unsigned sub);
void op_open(WEmit *w, unsigned opcode, unsigned type); /* block/loop/if */
void op_end(WEmit *w);
void op_br(WEmit *w, unsigned opcode, int depth);   /* br / br_if to a depth */
void global_get(WEmit *w, int g);
/* wasm_inline.c: a call of a short device function emitted in place
 * (false: not one, nothing emitted) */
bool wx_call_in_place(WEmit *w, const KExpr *e, bool want);
/* wasm_launch.c: a device-side launch or device runtime call, emitted
 * (false: e is not one) */
bool wl_device_runtime(WEmit *w, const KExpr *e);
/* bytes of kernel k's argument block, and parameter i's offset in it */
int we_params_size(const KFunc *k);
int we_param_offset(const KFunc *k, int i);
void global_set(WEmit *w, int g);
void we_grid_sync(WEmit *w);

/* the per-thread scalar locals and parameters a thread loop's body uses */
PtrVec we_thread_cached(WEmit *w, const KStmt *body);
/* whether body assigns v (or declares it) */
bool we_writes_var(WEmit *w, const KStmt *body, const KVar *v);
/* the address of a string literal in the data segment */
int we_string(WEmit *w, const KExpr *str);
/* the function index of an import by name ("sinf", "env.printf"), or -1 */
int we_import(WEmit *w, const char *name);

/* wasm_stmt.c */
void ws_stmt(WEmit *w, const KStmt *s);
/* thread loops: one thread's turn; the turns of every thread from the
 * current counters on; the counters advanced by one thread */
void ws_thread_turn(WEmit *w, const KStmt *s);
void ws_scalar_threads(WEmit *w, const KStmt *s);
void ws_next_thread(WEmit *w);
void ws_first_thread(WEmit *w);
void ws_next_row(WEmit *w); /* threadIdx.y + 1, carried into z */

/* wasm_simd.c: a thread loop as a 4-lane SIMD128 loop where its body
 * allows (with the scalar loop for other block shapes); false: not
 * emitted, the caller emits the scalar loop */
bool wsimd_thread_loop(WEmit *w, const KStmt *s);
/* stores the initializer e into the object of type t at the address in local a */
void ws_init(WEmit *w, uint32_t a, int off, const KType *t, const KExpr *e);

/* wasm_expr.c */
void wx_value(WEmit *w, const KExpr *e);  /* pushes e's value (aggregates: address) */
void wx_addr(WEmit *w, const KExpr *e);   /* pushes the address of lvalue e */
/* pushes the address of lvalue e less a constant member offset at its end,
 * and returns that offset, for the memarg of the load or store that uses
 * it (the engine folds it into the addressing mode) */
uint32_t wx_addr_off(WEmit *w, const KExpr *e);
/* the byte offset of member access e in its struct or vector e->a, or -1 */
int wx_member_offset(const KExpr *e);
void wx_drop(WEmit *w, const KExpr *e);   /* evaluates e for its effects */
void wx_cond(WEmit *w, const KExpr *e);   /* pushes e as an i32 truth value */
void wx_convert(WEmit *w, const KType *from, const KType *to, SrcLoc loc);
/* adds n to the i32 on the stack (nothing when n is 0) */
void wx_add_const(WEmit *w, int32_t n);
void wx_load(WEmit *w, const KType *t);   /* address on the stack -> value */
void wx_load_at(WEmit *w, const KType *t, uint32_t off); /* at address + off */
void wx_store(WEmit *w, const KType *t);  /* address, value on the stack -> */
void wx_store_at(WEmit *w, const KType *t, uint32_t off);
void wx_copy(WEmit *w, int size);         /* dst, src on the stack -> size bytes copied */
void wx_const(WEmit *w, const KType *t, int64_t v);
/* a local holding the address of a new frame slot for a value of type t */
uint32_t wx_temp(WEmit *w, const KType *t);
/* stores the value in local v into bit-field bf of the unit at the address in local a */
void wx_bitfield_store(WEmit *w, uint32_t a, const KField *bf, uint32_t v);

/* wasm_half.c */
/* __half and __half2 builtins; false when e is not one */
bool wb_half(WEmit *w, const KExpr *e);

/* wasm_atomic.c */
void wb_atomic_builtin(WEmit *w, const KExpr *e); /* atomicAdd … atomicCAS */
void wb_fence(WEmit *w);                          /* __threadfence*() */

/* wasm_builtin.c */
void wb_builtin(WEmit *w, const KExpr *e);
/* the import name for a math builtin computed by the host, or NULL */
const char *wasm_math_import(KBuiltinId id, const char **sig);

#endif
