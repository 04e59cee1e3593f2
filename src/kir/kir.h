/*
 * kir.h — KIR, the one typed, structured kernel IR every backend reads.
 *
 * A KModule owns (in its arena) interned types, globals with an address
 * space, and functions.  Templates, overloads, references, member functions
 * and implicit conversions are gone by the time code is KIR: a template
 * instance is a plain KFunc whose `name` is the C++ spelling
 * (`reduce<float, 256>`) and whose `cname` is a C identifier; a reference
 * parameter is a pointer; a member function takes `this` explicitly; every
 * implicit conversion is a KE_CAST node.  Virtual functions are lowered
 * too: a vtable is a global array of function addresses (KE_FUNC_ADDR) and
 * a virtual call an indirect KE_CALL through one of its entries.
 *
 * Statements are structured (block/if/loop/switch); labels and goto exist
 * only where the source had them.  Every node carries the user's source
 * location so a backend's error points at the user's line.
 */
#ifndef CW_KIR_H
#define CW_KIR_H

#include "../base/base.h"

/* ---- types ---------------------------------------------------------------- */

typedef enum {
  KT_VOID, KT_BOOL,
  KT_I8, KT_I16, KT_I32, KT_I64,
  KT_U8, KT_U16, KT_U32, KT_U64,
  KT_F16, KT_F32, KT_F64,
  KT_VEC,    /* CUDA vector type: elem + lanes (1..4), named e.g. float4; __half2 */
  KT_PTR,    /* elem + address space */
  KT_ARRAY,  /* elem + count (count < 0: unsized, extern __shared__ T s[]) */
  KT_STRUCT, /* struct/class/union with fields */
  KT_FUNC,   /* a function type, the pointee of function pointers: elem is the
                return type, params the parameter types (references as
                pointers; ref_mask bit i: parameter i was T&) */
} KTypeKind;

typedef enum {
  AS_GENERIC, /* a pointer that may point anywhere (the C++ default) */
  AS_GLOBAL,
  AS_SHARED,
  AS_CONSTANT,
  AS_LOCAL,
} KAddrSpace;

typedef struct KType KType;

typedef struct KField {
  const char *name;
  KType *type;
  int offset;   /* bytes */
  int bit_width; /* 0: not a bit-field */
  int bit_offset;
} KField;

/* members ordered by size (no padding): 128 bytes with the two lookup
 * shortcuts at the end */
struct KType {
  KTypeKind kind;
  int size, align;   /* bytes; size of an unsized array is 0 */
  int count;         /* VEC lanes, ARRAY length (-1 unsized) */
  KAddrSpace as;     /* PTR: where it points */
  int nfields;
  int nparams;
  int id;            /* stable per module, for dumps */
  bool is_const, is_volatile; /* qualifiers of this type (PTR: of pointee via elem) */
  bool variadic;     /* FUNC */
  bool is_union;
  bool is_long;      /* spelled `long` (m->t_long, t_ulong): C++ tells long
                        from long long and int (overloads, templates,
                        atomicAdd's pointer types); every backend sees the
                        integer of its kind (I64/U64, or I32/U32 in ILP32) */
  KType *elem;       /* VEC, PTR, ARRAY */
  const char *name;  /* STRUCT: C++ name (with template args); VEC: float4 ... */
  const char *cname; /* STRUCT: C identifier */
  KField *fields;    /* STRUCT */
  KType **params;    /* FUNC */
  uint64_t ref_mask; /* FUNC: parameter i is a reference (bit i); bit 63: returns one */
  KType *unqual;     /* the same type without const/volatile (self if none) */
  void *front;       /* front end's own data (class members, templates) */
  KType *hash_next;  /* chain in the module's derived-type table */
  /* what kt_ptr(m, this, AS_GENERIC) and kt_qualified(m, this, true,
   * false) gave once (NULL before): the front end asks for them again and
   * again (`this`, const references), each a search of the derived-type
   * table; a copy of a type must not keep them */
  KType *ptr_generic, *const_twin;
};

bool kt_is_int(const KType *t);    /* bool and i8..u64 */
bool kt_is_signed(const KType *t);
bool kt_is_float(const KType *t);  /* f16, f32, f64 */
bool kt_is_arith(const KType *t);
bool kt_is_scalar(const KType *t); /* arith or pointer */
/* Writes the type in the KIR dump's spelling (i32, f32*global, [4 x f32]). */
void kt_print(StrBuf *sb, const KType *t);
/* The type as C++ spells it (`const float*`, `unsigned int`, `float4`),
 * for naming a kernel among its overloads; top-level const dropped, as a
 * function's type drops it from its parameters. */
void kt_print_cpp(StrBuf *sb, const KType *t);

/* ---- builtins ---------------------------------------------------------- */

/* One enumerator per builtin operation; several source names may map to
 * one (exp(float) and expf → KB_EXPF).  Defined in builtins.def as
 *   BUILTIN(ID, "source name", "signature", class)
 * see that file for the signature notation. */
typedef enum {
#define BUILTIN(id, name, sig, cls) KB_##id,
#include "builtins.def"
#undef BUILTIN
  KB__COUNT
} KBuiltinId;

/* kind of builtin, which tells passes how to treat it */
typedef enum {
  KBC_MATH,    /* pure function of its operands */
  KBC_ATOMIC,  /* read-modify-write on memory (first operand: pointer) */
  KBC_SYNC,    /* barrier / fence / sync-with-result (__syncthreads_count) */
  KBC_WARP,    /* warp collective: shuffles, votes, match, reduce */
  KBC_IO,      /* printf, assert, trap */
  KBC_MISC,    /* clock, etc. */
} KBuiltinClass;

typedef struct KBuiltinInfo {
  KBuiltinId id;
  const char *name; /* first source name, used in dumps */
  KBuiltinClass cls;
} KBuiltinInfo;
const KBuiltinInfo *kb_info(KBuiltinId id);

/* builtin variables */
typedef enum { KBV_THREAD_IDX, KBV_BLOCK_IDX, KBV_BLOCK_DIM, KBV_GRID_DIM,
               KBV_WARP_SIZE, KBV_LANE_ID } KBuiltinVar;

/* ---- variables and functions -------------------------------------------- */

typedef struct KExpr KExpr;
typedef struct KStmt KStmt;
typedef struct KFunc KFunc;

typedef enum { KV_LOCAL, KV_PARAM, KV_GLOBAL } KVarKind;

/* 48 bytes (it was 72): the small members share one word with id */
typedef struct KVar {
  KVarKind kind : 8;
  KAddrSpace as : 8; /* AS_LOCAL for locals/params; shared/constant/global for others */
  bool is_static : 1;  /* static local (one copy per grid in CUDA) */
  bool is_extern : 1;  /* extern __shared__ T s[] (dynamic shared memory) */
  bool is_extern_decl : 1; /* namespace-scope extern __device__/__constant__ T x;
                            * with no definition in this TU (separate compilation) */
  bool is_managed : 1; /* __managed__ */
  int id;
  const char *name;  /* source name */
  const char *cname; /* unique C identifier within its function/module */
  KType *type;
  KExpr *init;       /* globals and static locals: constant initializer */
  SrcLoc loc;
} KVar;

/* ---- expressions -------------------------------------------------------- */

typedef enum {
  KE_INT,      /* ival, type integer/bool */
  KE_FLOAT,    /* fval, type f16/f32/f64 */
  KE_STR,      /* str (its length and bytes): string literal (printf formats); type char* */
  KE_VAR,      /* var (local, param or global) as an lvalue */
  KE_BVAR,     /* bvar + component (0..2 for x,y,z; -1 the whole uint3/dim3) */
  KE_UNARY,    /* op in {NEG, NOT, BITNOT}: a */
  KE_BINARY,   /* op: a op b (operands already converted; comparisons give bool) */
  KE_ASSIGN,   /* a = b, or a op= b when op != KOP_NONE (b has the operation type) */
  KE_INCDEC,   /* ++/--: op is KOP_ADD or KOP_SUB, prefix flag */
  KE_COND,     /* a ? b : c */
  KE_COMMA,    /* a, b */
  KE_CAST,     /* (type) a: every conversion is explicit */
  KE_INDEX,    /* a[b], a pointer or array, b integer */
  KE_MEMBER,   /* a.field (struct lvalue or vector component: field = lane) */
  KE_DEREF,    /* *a */
  KE_ADDR,     /* &a */
  KE_CALL,     /* fn(args); fn NULL: an indirect call through the function
                  pointer a (virtual_call: a virtual call, else a pointer to function) */
  KE_FUNC_ADDR,/* the address of function fn (type: pointer to its KT_FUNC) */
  KE_BUILTIN,  /* builtin(args) */
  KE_VEC,      /* build a vector/struct value from args (make_float4, T{...}) */
  KE_INIT_LIST,/* {args} for an array/struct initializer (declarations only) */
} KExprKind;

typedef enum {
  KOP_NONE,
  KOP_ADD, KOP_SUB, KOP_MUL, KOP_DIV, KOP_MOD,
  KOP_SHL, KOP_SHR, KOP_AND, KOP_OR, KOP_XOR,
  KOP_LAND, KOP_LOR,
  KOP_EQ, KOP_NE, KOP_LT, KOP_LE, KOP_GT, KOP_GE,
  KOP_NEG, KOP_NOT, KOP_BITNOT,
} KOp;

/* A string literal's bytes, with the count in front of them: a literal
 * may hold NULs of its own, and KExpr has no room for the count.  The
 * bytes are also NUL-terminated. */
typedef struct KStr {
  int len; /* bytes, excluding the terminator */
  char bytes[];
} KStr;
KStr *kstr_new(Arena *a, const char *bytes, int len);

/* 64 bytes (it was 144, then 72): a million-line input makes seven
 * million of them.  The small members are bit-fields packed into one
 * 32-bit word, the location is 8 bytes (SrcLoc), and what only some kinds
 * have shares one storage, the value union: only KE_INT reads ival, only
 * KE_FLOAT fval, only KE_STR str, only KE_VAR var, only KE_CALL,
 * KE_FUNC_ADDR and KE_BUILTIN fn, only KE_MEMBER and KE_BVAR field, only
 * KE_INIT_LIST and KE_VEC designators.  Code must test the kind before
 * reading one of them (kexpr_var(), kexpr_fn() and kexpr_designator()
 * give NULL or -1 for another kind).  Every other member is its own, so
 * code that reads a member of a node of another kind still finds it empty.
 *
 * An element's designated position belongs to the list, not to the
 * element (a pass may put another node in the element's place):
 * designators[i] is args[i]'s index (array) or field (struct, vector
 * lane), -1 for the next position; NULL: none designated.  The array is
 * written once, when the list is made: clones of the list share it. */
struct KExpr {
  KExprKind kind : 8; /* 8 bits, so that a bogus kind stays bogus */
  KOp op : 6;
  KBuiltinVar bvar : 3;
  bool prefix : 1;  /* KE_INCDEC */
  bool virtual_call : 1; /* KE_CALL with no fn: a virtual call */
  KBuiltinId builtin : 12; /* KB__COUNT must fit: checked below the struct */
  int nargs;
  KType *type;
  SrcLoc loc;
  KExpr *a, *b, *c;
  KExpr **args;     /* KE_CALL, KE_BUILTIN, KE_VEC, KE_INIT_LIST */
  union {
    int64_t ival;    /* KE_INT */
    double fval;     /* KE_FLOAT */
    const KStr *str; /* KE_STR */
    KVar *var;       /* KE_VAR */
    KFunc *fn;       /* KE_CALL (NULL: through a pointer), KE_FUNC_ADDR,
                        KE_BUILTIN (KB_DEVICE_LAUNCH) */
    int field;       /* KE_MEMBER: field index or vector lane; KE_BVAR: component */
    int *designators; /* KE_INIT_LIST, KE_VEC: nargs of them, or NULL */
  };
};
/* 64 on a 64-bit host (48 where pointers are 4 bytes: the web build) */
_Static_assert(sizeof(void *) != 8 || sizeof(KExpr) == 64,
               "KExpr is 64 bytes: a million-line input makes millions of them");
_Static_assert(KB__COUNT <= 4096, "KExpr.builtin holds 12 bits: widen it");
/* e's variable when e is a KE_VAR, else NULL (var shares its storage) */
static inline KVar *kexpr_var(const KExpr *e) { return e->kind == KE_VAR ? e->var : NULL; }
/* e's function when e is a KE_CALL, KE_FUNC_ADDR or KE_BUILTIN, else NULL */
static inline KFunc *kexpr_fn(const KExpr *e) {
  return e->kind == KE_CALL || e->kind == KE_FUNC_ADDR || e->kind == KE_BUILTIN ? e->fn : NULL;
}
/* the designated position of element i of the list e (KE_INIT_LIST or
 * KE_VEC), -1 when it has none or e is another kind */
static inline int kexpr_designator(const KExpr *e, int i) {
  return (e->kind == KE_INIT_LIST || e->kind == KE_VEC) && e->designators ? e->designators[i] : -1;
}

/* ---- statements --------------------------------------------------------- */

typedef enum {
  KS_BLOCK,    /* stmts */
  KS_DECL,     /* var (+ var->init or init) */
  KS_EXPR,     /* e */
  KS_IF,       /* cond, then, els */
  KS_LOOP,     /* loop_kind, init (stmt), cond, step, body, unroll */
  KS_SWITCH,   /* cond, body (a block containing KS_CASE labels) */
  KS_CASE,     /* case value (is_default for default:) */
  KS_BREAK,
  KS_CONTINUE,
  KS_RETURN,   /* e may be NULL */
  KS_BARRIER,  /* __syncthreads (block) / __syncwarp (warp, e = mask) */
  KS_LABEL,    /* label: (name) */
  KS_GOTO,     /* goto name */
} KStmtKind;

/* KLOOP_THREADS: made only by passes (kir/passes/fission.c), never by the
   front end: its body runs once for each thread of the block in turn, with
   threadIdx set; `return` inside it ends that thread's turn.  With a cond
   (an i64, computed once before the loop) only the threads whose
   threadIdx.x equals it run, one per row (y, z) of the block; none when
   it is outside [0, blockDim.x). */
typedef enum { KLOOP_FOR, KLOOP_WHILE, KLOOP_DO, KLOOP_THREADS } KLoopKind;
/* KBAR_VIRTUAL: no synchronisation; added by the C emitter so that the
   threads of a block step through a loop together (c_interchange.c). */
/* KBAR_GRID: grid_group::sync(), a block barrier that also waits for every
 * other block of a cooperative launch. */
typedef enum { KBAR_BLOCK, KBAR_WARP, KBAR_VIRTUAL, KBAR_GRID } KBarrierScope;

/* small members as bit-fields first, in one 32-bit word (96 bytes; it
 * was 160).  stmts, var and case_value share one storage: only KS_BLOCK
 * reads stmts (and every walker reads it within nstmts, 0 for the other
 * kinds), only KS_DECL var (kstmt_var() gives NULL for another kind),
 * only KS_CASE case_value. */
enum { KIR_UNROLL_MAX = (1 << 20) - 1 };
struct KStmt {
  KStmtKind kind : 5;
  KLoopKind loop_kind : 2;
  KBarrierScope scope : 2;
  bool is_default : 1;
  bool implicit : 1; /* KS_BARRIER: the compiler's, not the program's (the warp
                        reconvergence of kir/passes/converge.c) */
  int unroll : 21;   /* KS_LOOP: 0 none, -1 "#pragma unroll", N (at most
                        KIR_UNROLL_MAX: a hint, the front end clamps it) */
  int nstmts;
  SrcLoc loc;
  union {
    KStmt **stmts;     /* KS_BLOCK */
    KVar *var;         /* KS_DECL */
    int64_t case_value;/* KS_CASE */
  };
  KExpr *init;       /* KS_DECL: initializer (expression or KE_INIT_LIST) */
  KExpr *e;          /* KS_EXPR, KS_RETURN, KS_BARRIER (warp mask) */
  KExpr *cond;       /* KS_IF, KS_LOOP (NULL: forever), KS_SWITCH */
  KStmt *then, *els; /* KS_IF */
  KStmt *init_stmt;  /* KS_LOOP for-init */
  KExpr *step;       /* KS_LOOP */
  KStmt *body;       /* KS_LOOP, KS_SWITCH */
  const char *label; /* KS_LABEL, KS_GOTO */
};
/* s's variable when s is a KS_DECL, else NULL (var shares its storage) */
static inline KVar *kstmt_var(const KStmt *s) { return s->kind == KS_DECL ? s->var : NULL; }

/* ---- functions and module ---------------------------------------------- */

enum {
  KF_GLOBAL = 1,      /* __global__ kernel */
  KF_DEVICE = 2,
  KF_HOST = 4,
  KF_FORCEINLINE = 8,
  KF_NOINLINE = 16,
  KF_EXTERN_C = 32,
  KF_CONSTEXPR = 64,  /* usable in constant expressions */
  KF_INTERNAL = 128,  /* static at namespace scope: not visible to other TUs */
};

struct KFunc {
  const char *name;  /* C++ display name: reduce<float, 256>, Vec3::dot */
  const char *cname; /* C identifier, unique in the module */
  KType *ret;
  KVar **params;
  int nparams;
  KStmt *body;       /* NULL for a declaration without definition */
  unsigned flags;
  int max_threads;   /* __launch_bounds__ (0: none) */
  int min_blocks;
  bool uses_dynamic_shared;
  SrcLoc loc;
  int id;
};

typedef struct KModule {
  Arena *arena;      /* owns everything below (not owned by the module) */
  PtrVec types;      /* KType*: structs in definition order */
  PtrVec globals;    /* KVar* */
  PtrVec funcs;      /* KFunc*: device functions before their callers */
  bool relocatable;  /* -rdc=true: may use functions and variables that
                      * another TU defines (resolved by cw_module_link) */
  /* type interning */
  KType *t_void, *t_bool, *t_i8, *t_i16, *t_i32, *t_i64, *t_u8, *t_u16,
      *t_u32, *t_u64, *t_f16, *t_f32, *t_f64;
  /* `long` and `unsigned long`: another C++ type than t_i64/t_u64 (long
   * long) or t_i32/t_u32 (int), with the representation of one of them:
   * KT_I64/KT_U64 as on LP64 hosts, or KT_I32/KT_U32 in a module of the
   * ILP32 data model (kir_module_ilp32) */
  KType *t_long, *t_ulong;
  /* bytes of a pointer: 8, or 4 in an ILP32 module */
  int ptr_size;
  PtrVec derived;    /* interned pointer/array/vector/qualified types */
  KType **derived_hash; /* derived_nbuckets buckets over `derived`, grown */
  int derived_nbuckets, derived_nhashed;
  int next_type_id;
} KModule;

KModule *kir_module_new(Arena *a);
/* Makes a new module's data model a 32-bit host's (ILP32: long and
 * pointers 4 bytes), as a web build's host code is (emscripten's wasm32):
 * the device code then lays out structs, arrays of long and pointers in
 * memory as the host code does.  Call before any type is derived. */
void kir_module_ilp32(KModule *m);
KType *kt_ptr(KModule *m, KType *elem, KAddrSpace as);
KType *kt_array(KModule *m, KType *elem, int count);
KType *kt_vec(KModule *m, KType *elem, int lanes, const char *name);
/* a vector with an explicit alignment (CUDA 13's double4_32a & co); its
 * name tells it from kt_vec's type of the same lanes */
KType *kt_vec_aligned(KModule *m, KType *elem, int lanes, const char *name, int align);
KType *kt_qualified(KModule *m, KType *t, bool is_const, bool is_volatile);
/* the function type ret(params...), interned */
KType *kt_func(KModule *m, KType *ret, KType **params, int nparams, bool variadic,
               uint64_t ref_mask);
/* the type of f as a KT_FUNC (its explicit parameters, `this` first) */
KType *kt_func_of(KModule *m, const KFunc *f);
/* A struct completed after const/volatile copies of it were made (a
 * const member function declared before the fields): copies catch up. */
void kt_refresh_qualified(KModule *m, KType *base);
KType *kt_struct_new(KModule *m, const char *name, const char *cname,
                     bool is_union);
void kt_struct_layout(KType *st); /* computes offsets, size, align */

/* Kernel names compare equal ignoring spaces: `reduce<float,256>` is
 * `reduce<float, 256>` (every backend's kernel lookup uses this). */
bool kir_same_name(const char *a, const char *b);
/* Whether a kernel with C++ name NAME and C name CNAME is the one the
 * runtime asks for as WANT: pass 0 compares C names (which tell overloads
 * apart), pass 1 C++ names.  Every lookup tries pass 0 on all kernels
 * before pass 1, so an overload is never taken for another. */
bool kir_kernel_named(const char *name, const char *cname, const char *want, int pass);
/* Some `goto label` inside s (its statements, branches, body, init). */
bool kir_has_goto_to(const KStmt *s, const char *label);
/* Kernel lookup by C++ name (`reduce<float, 256>`) or cname. */
KFunc *kir_find_kernel(const KModule *m, const char *name);

/* The first call through a function pointer, function address or device
 * heap use (malloc/free) reachable from `kernel`, else NULL; *what names
 * the construct for a diagnostic (dynamic.c). */
const KExpr *kir_find_dynamic(const KFunc *kernel, const char **what);
/* The CUDA name of a device-runtime builtin (a device-side launch, whose
 * KE_BUILTIN has fn = the kernel launched, or cudaGetLastError & co in
 * device code), or NULL for any other builtin. */
const char *kir_device_runtime_name(KBuiltinId id);
/* Some function of m launches a kernel or calls the device runtime API:
 * nvcc and NVRTC then compile it as relocatable device code and link it
 * with the device runtime library (libcudadevrt). */
bool kir_uses_device_runtime(const KModule *m);

/* Separate compilation (externs.c): the device functions with no body
 * and the extern __device__ variables with no definition that defined
 * code uses, each reported once with its first use.  from_kernels: only
 * code a kernel reaches (what a whole-program build needs); else every
 * defined function (what a relocatable module exports). */
typedef void (*KExternFn)(void *ctx, const KFunc *fn, const KVar *var, SrcLoc use);
int kir_undefined_externs(const KModule *m, bool from_kernels, KExternFn fn, void *ctx);

/* A call, among the functions root reaches, to a function already on the
 * call path (recursion), with that function in *callee; NULL when the
 * calls root reaches form no cycle (callgraph.c). */
const KExpr *kir_recursive_call(const KFunc *root, const KFunc **callee);

/* The stable textual dump used by golden tests and `transpile --target kir`. */
void kir_dump(StrBuf *sb, const KModule *m);

#endif
