/*
 * parser.h — state shared by the parser and semantic analysis.
 *
 * The parser is recursive descent over the preprocessed token list, and it
 * builds typed KIR directly: every parse function that produces an
 * expression calls into sema (sema_*.c) which checks it, inserts the
 * implicit conversions as KE_CAST nodes and resolves overloads.  There is
 * no separate untyped AST; what needs to be parsed again — template bodies
 * for each instantiation, class member bodies after the class is complete,
 * function-template parameter lists for deduction — is re-parsed from its
 * tokens with different bindings in scope (token replay).
 *
 * Error handling: an error records a diagnostic and longjmps to the nearest
 * recovery point (a statement in a block, or a top-level declaration), which
 * skips to a synchronising token.  In speculative mode (a top-level
 * declaration that may be host code, e.g. a struct with std:: members) the
 * first error abandons the declaration silently: the device pass skips host
 * code without type-checking it, as nvcc's device pass does.
 */
#ifndef CW_PARSER_H
#define CW_PARSER_H

#include "../kir/kir.h"
#include "token.h"

typedef struct Scope Scope;
typedef struct Template Template;
typedef struct TArg TArg;

typedef enum {
  SYM_VAR,       /* var (+ is_ref: var holds a pointer, uses dereference) */
  SYM_FIELD,     /* a non-static data member: field index in owner */
  SYM_FUNC,      /* overload set: funcs */
  SYM_TYPE,      /* typedef, struct/class/enum name, type template parameter */
  SYM_CONST,     /* enumerator, non-type template parameter: value/ctype */
  SYM_NAMESPACE, /* scope */
  SYM_TEMPLATE,  /* tmpl (function templates chain through next_overload) */
  SYM_HOST,      /* a host-only entity seen in the device pass */
} SymKind;

typedef struct FuncDecl {
  const char *name;      /* unqualified name (operator+ for operators) */
  KFunc *kf;
  KType **ptypes;        /* parameter types as seen by callers (refs: pointee) */
  bool *pref;            /* parameter i is a reference */
  bool *prref;           /* ... an rvalue (or forwarding) reference: temporaries bind */
  KExpr **defaults;      /* default argument expressions (NULL: none) */
  int nparams;
  bool variadic;
  bool ret_ref;
  KType *ret;            /* return type (refs: the referred type) */
  KType *owner;          /* class for member functions, else NULL */
  bool is_const_method, is_static_method, is_ctor, is_template_instance;
  bool is_variadic_instance; /* ties go to the non-variadic candidate */
  bool is_constexpr;
  bool is_virtual, is_pure, is_dtor;
  int vslot;             /* is_virtual: its index in the class's vtable */
  Token *body;           /* first token of the body ('{') when deferred */
  Scope *body_scope;     /* scope the body is parsed in */
} FuncDecl;

/* the small members first: 120 bytes, not 144 with padding (there is
 * about one symbol per line of input) */
typedef struct Sym {
  SymKind kind;
  int field;
  bool is_ref;
  bool has_value;        /* SYM_VAR: a const/constexpr with known value */
  unsigned host_flags;   /* SYM_HOST: what it was */
  const char *name;
  struct Sym *next;      /* chain in its scope */
  SrcLoc loc;
  KVar *var;
  int64_t value;         /* SYM_CONST, or SYM_VAR with has_value */
  double fvalue;
  KType *type;           /* SYM_TYPE: the type; SYM_CONST: its type */
  KType *owner;          /* SYM_FIELD: class */
  PtrVec funcs;          /* SYM_FUNC: FuncDecl* */
  Scope *ns;             /* SYM_NAMESPACE; SYM_TYPE: members of class/enum */
  Template *tmpl;
} Sym;

enum { SCOPE_HASH = 256 }; /* initial slots of a namespace scope */

/* A namespace scope's table: open addressing, the name's hash kept in the
 * slot, so that a probe reads no Sym but the one it finds (a
 * million-line file's global scope is far bigger than the cache, and each
 * Sym read there was a miss). */
typedef struct ScopeSlot {
  unsigned hash;
  Sym *sym;              /* NULL: empty */
} ScopeSlot;

/* A set of names (the C identifiers in use): a namespace scope's table
 * without a Sym per name. */
typedef struct NameSlot {
  unsigned hash;
  const char *name;      /* NULL: empty */
} NameSlot;
typedef struct NameSet {
  NameSlot *slots;       /* nslots, a power of two, at most half full */
  int nslots, count;
} NameSet;

struct Scope {
  Scope *parent;
  Sym *syms;             /* small scopes: a list */
  ScopeSlot *slots;      /* namespace scopes: nslots (a power of two), grown */
  int nslots, count;
  PtrVec using_ns;       /* Scope* of `using namespace` */
  const char *prefix;    /* qualified name prefix for C++ names, "cg::" */
  const char *cprefix;   /* the same for C identifiers, "cg_" */
  KType *klass;          /* class scope: the class */
  Template *from_tmpl;   /* class template instance: its template and arguments */
  TArg *targs;
  bool is_namespace;
  bool scratch;          /* a function's block scope, in Parser.scratch (its Syms too) */
  Token **member_init;   /* class scope: per field, its default member initializer ('=' or '{') */
  struct ClassVirt *virt; /* class scope of a polymorphic class (class_virtual.c) */
  const char *incomplete_why; /* class scope: why device code has no layout for it */
};

/* A polymorphic class: its vtable layout and where its vtable pointers
 * are (class_virtual.c).  The primary chain (field 0, down to `root`, whose
 * field 0 is `__vptr`) shares the class's own vtable; every other
 * polymorphic base subobject keeps its own vptr, set to a secondary table
 * whose entries adjust `this` (thunks) where this class overrides. */
typedef struct VTable {
  int *path;             /* field indices from the class to the subobject (secondary) */
  int npath;
  KType *cls;            /* the subobject's class */
  PtrVec slots;          /* FuncDecl*: the final overrider of each slot */
  PtrVec entries;        /* KFunc*: what the slot holds; NULL: a thunk to the overrider */
  KVar *var;             /* the global, once built */
} VTable;

typedef struct ClassVirt {
  PtrVec slots;          /* FuncDecl*: the final overrider of each primary slot */
  KType *root;           /* the class whose field 0 is `__vptr` */
  KVar *vtable;          /* the vtable global (NULL while no slot is a device function) */
  PtrVec secondary;      /* VTable*: tables of the other polymorphic base subobjects */
} ClassVirt;

typedef struct TParam {
  const char *name;
  bool is_type;
  KType *value_type;     /* non-type: its type */
  Sym *enum_sym;         /* non-type of enumeration type: the enum's name */
  bool is_pack;          /* typename... Ts, int... Is (the last parameter) */
  Token *default_tok;    /* first token of the default argument, or NULL */
} TParam;

struct TArg {
  KType *type;           /* type argument */
  int64_t value;         /* non-type argument */
  KType **pack;          /* a type pack's elements */
  int64_t *vpack;        /* a non-type pack's values */
  int npack;
};

typedef struct Instance Instance;
struct Instance {
  const char *key;       /* canonical "<float, 256>" */
  KType *type;           /* class template instance */
  FuncDecl *fd;          /* function template instance */
};

struct Template {
  const char *name;
  bool is_class;
  TParam *params;
  int nparams;
  Token *decl;           /* first token after the template parameter list */
  Scope *scope;          /* scope of the definition */
  PtrVec instances;      /* Instance* */
  Template *next_overload;
  KType *owner;          /* member template: its class */
  bool is_alias;         /* template <...> using X = type; */
  SrcLoc loc;
  PtrVec specs;          /* Template*: explicit and partial specializations */
  Token *spec_args;      /* a specialization: first token of its `<...>` args (NULL: deduced) */
  Token *name_tok;       /* the declared name */
  const char *spec_key;  /* function specialization: its arguments, once known */
  PtrVec members;        /* class template: Template* of members defined outside the class */
  Template *owner_tmpl;  /* such a member definition: its class template */
};

/* a run of tokens that is host code (dropped from the device-only source
 * handed to other compilers, e.g. NVRTC) */
typedef struct HostSpan {
  Token *start, *end; /* [start, end) */
} HostSpan;

/* an extended lambda of host code, its closure class defined for the
 * device (parse_host_lambda.c); the device-only source re-spells it */
typedef struct HostLambda {
  Token *start, *params, *params_end, *ret, *ret_end, *body, *end; /* end: after the body */
  KType *closure;        /* NULL: a template's lambda, scanned for capture_names only */
  PtrVec capture_names;  /* const char*: what the closure holds, in order */
  PtrVec consts;         /* Sym*: the host function's integral constants it names */
  int key, line, index;  /* cw_file_name_key of its file, its line, its index there */
  bool host_too;         /* `__host__ __device__`: the host calls it too */
  const char *suffix;    /* "" or, in a host function template's instance, its key */
  Template *tmpl;        /* that template and its arguments, or NULL */
  TArg *args;
  int nargs;
} HostLambda;

typedef struct LoopCtx {
  bool is_switch;
  PtrVec cases;          /* KStmt* case labels (switch only) */
  bool has_default;
  int cleanup_depth;     /* FuncCtx.cleanups at its start: what break/continue destroy */
  struct LoopCtx *outer;
} LoopCtx;

typedef struct FuncCtx {
  KFunc *kf;
  FuncDecl *fd;
  KType *ret;
  bool ret_ref;
  PtrVec temps;          /* KVar* temporaries declared at the body's start */
  PtrVec labels;         /* const char* defined labels */
  PtrVec gotos;          /* Token* of goto label names */
  LoopCtx *loops;
  PtrVec cleanups;       /* KVar*: live objects with destructors (scope_cleanup.c) */
  KVar *this_var;
  bool is_device;
  struct FuncCtx *outer;
} FuncCtx;

/* A top-level declaration without CUDA markers that did not parse (taken
 * for host code): the name the error was at, and the error, so that a use
 * of the name in device code can say why it is unknown. */
typedef struct DroppedDecl {
  Token *name;
  const char *why;
} DroppedDecl;
typedef struct Parser {
  Arena *arena;
  CwDiags *diags;
  KModule *m;
  Token *tok;
  Scope *scope;
  Scope *global;
  /* the last lookup: the parser often asks the same name twice in a row
   * (is_type_start, then the expression), more than half of all lookups;
   * forgotten (name NULL) whenever a scope changes (lookup_forget) */
  struct { const char *name; Scope *scope; Sym *sym; } last_lookup;
  FuncCtx *fn;
  jmp_buf *recover;      /* where an error unwinds to */
  bool speculative;      /* errors abandon the declaration silently */
  int pending_unroll;    /* from #pragma unroll, for the next loop */
  int uniq;
  int inst_depth;        /* template instantiation depth */
  int deducing;          /* >0 while matching a function template's parameters */
  PtrVec deferred;       /* FuncDecl* whose bodies wait for their class */
  void *builtin_table;
  bool extern_c;
  bool no_gt;            /* parsing a template argument: '>' closes it */
  bool host_decl;        /* the declaration just parsed is host code */
  bool nonvirtual;       /* the call being made names its class (`Base::f()`): no dispatch */
  bool device_launch;    /* the call being made is a kernel launch in device code */
  SrcFile *main_file;
  Token *first_tok;      /* the preprocessed translation unit (see tokens_released) */
  /* Giving back the main file's tokens once parsed (parse_release.c):
   * the pool they were lexed into (NULL: they are kept), how many times a
   * declaration kept a pointer to its tokens (tok_pins), the range waiting
   * to be released, and whether any was (then first_tok's list is broken
   * and front_device_source returns NULL). */
  Arena *tok_pool;
  int tok_pins;
  bool release_off;
  bool tokens_released;
  int release_margin;
  Token *release_lo, *release_end; /* waiting: pooled tokens [lo, end) */
  int release_count;
  const char *cuda_include_dir;
  PtrVec host_spans;     /* HostSpan*: host-only code, in token order */
  /* the last error of a speculative parse, not reported: its message and
   * the identifier it was at (NULL: another token) */
  char spec_error[256];
  Token *spec_error_tok;
  PtrVec dropped;        /* DroppedDecl*: top-level declarations that failed */
  PtrVec host_lambdas;   /* HostLambda*: extended lambdas of host code, in token order */
  PtrVec const_to_constexpr; /* Token*: `const` of a host float constant, `constexpr` for NVRTC */
  PtrVec host_type_names; /* const char*: classes and typedefs of host code (host_only.c) */
  PtrVec kept_type_names; /* const char*: those of kept declarations */
  KType *cur_class;      /* class whose body is being parsed */
  /* Block scopes and their Syms, and the statement lists being built,
   * live here (NULL: in `arena`): parse_function_body goes back to its
   * mark once the body is KIR, so this stays as small as the largest
   * function instead of a sixth of the front end's memory.  It does not
   * when anything may still point into it: a scope made elsewhere whose
   * parent is a block scope (a local class, a lambda: scratch_escapes
   * counts them) or kept tokens (tok_pins: a template, host code). */
  Arena *scratch;
  int scratch_escapes;
  NameSet cnames;        /* C identifiers in use (uniqueness) */
  struct Instance *pending_instance; /* class template instance whose struct is being made */
} Parser;

/* ---- errors (parse_util.c) ---- */
_Noreturn void error_at(Parser *p, SrcLoc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
_Noreturn void error_tok(Parser *p, Token *t, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void warn_at(Parser *p, SrcLoc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Reports an error without unwinding (sema keeps going with a poison). */
void error_soft(Parser *p, SrcLoc loc, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* ---- tokens (parse_util.c) ---- */
/* always inlined so that strlen of the literal folds: most comparisons
 * fail on the length or first byte without touching the rest (left to
 * itself gcc made it a function calling strlen, a tenth of the front end) */
__attribute__((always_inline)) static inline bool equal(Token *t, const char *s) {
  size_t n = __builtin_strlen(s);
  return (size_t)t->len == n && t->spelling[0] == s[0] &&
         (t->kind == TK_IDENT || t->kind == TK_PUNCT) && !__builtin_memcmp(t->spelling, s, n);
}
/* consume and expect inlined too (their strlen folds the same way); the
 * error of expect stays out of line */
_Noreturn void expect_failed(Parser *p, Token *t, const char *s);
__attribute__((always_inline)) static inline bool consume(Parser *p, const char *s) {
  if (!equal(p->tok, s)) return false;
  p->tok = p->tok->next;
  return true;
}
__attribute__((always_inline)) static inline Token *expect(Parser *p, const char *s) {
  Token *t = p->tok;
  if (!equal(t, s)) expect_failed(p, t, s);
  p->tok = t->next;
  return t;
}
const char *expect_ident(Parser *p);
void skip_balanced(Parser *p);   /* skips a (...), [...], {...} group */
Token *call_close_paren(Token *name); /* the `)` of the call of name(...) */
void skip_to_sync(Parser *p);    /* skips to after ';' or a '}' at depth 0 */
void split_shr(Parser *p);       /* '>>' -> '>' '>' for template closers */

/* ---- scopes (scope.c) ---- */
Scope *scope_new(Parser *p, Scope *parent, bool hashed);
/* false, adding nothing, when the name is there already */
bool nameset_add(Parser *p, NameSet *s, const char *name);
/* A block scope of a function body (its parameters', a compound
 * statement's, a for/while/if's): in the scratch arena, with its Syms,
 * when there is one (see Parser.scratch). */
Scope *scope_new_block(Parser *p, Scope *parent);
/* Goes back to `mark` of the scratch arena (taken with tok_pins at pins
 * and scratch_escapes at escapes) unless something since may point into
 * what it would forget. */
void scratch_release(Parser *p, ArenaMark mark, int pins, int escapes);
static inline ArenaMark scratch_mark(Parser *p) {
  return p->scratch ? arena_mark(p->scratch) : (ArenaMark){0};
}
/* where temporaries of a declaration go (Declarator parameters): the
 * scratch arena, which goes back after each top-level declaration */
static inline Arena *temp_arena(Parser *p) { return p->scratch ? p->scratch : p->arena; }
/* The arena a function body's statement lists grow in: block_of
 * (parse_stmt.c) copies each, at its final length, into the KIR's arena. */
static inline Arena *list_arena(Parser *p) { return p->scratch && p->fn ? p->scratch : p->arena; }
void scope_push(Parser *p, Scope *s);
void scope_pop(Parser *p);
Sym *scope_add(Parser *p, Scope *s, SymKind kind, const char *name, SrcLoc loc);
Sym *scope_find_local(Scope *s, const char *name);
Sym *lookup(Parser *p, const char *name);
/* Whatever changes what a lookup finds, other than scope_add and making
 * or releasing scopes (which do it), calls this: `using namespace`. */
void lookup_forget(Parser *p);
Sym *lookup_in(Scope *s, const char *name); /* one scope + its usings */

/* ---- types (sema_type.c) ---- */
char *type_name(Parser *p, KType *t);   /* C++ spelling for diagnostics */
/* Errors "WHAT incomplete type 'T'" (with the reason, when the class's
 * definition held what device code cannot read) for a class device code
 * has no layout for; arrays of it too. */
void require_complete(Parser *p, KType *t, SrcLoc at, const char *what);
bool type_is_void(KType *t);
bool same_type(KType *a, KType *b);      /* ignoring qualifiers */
/* a reference to TO binds directly to an object of type FROM: the same
 * type, or arrays of one length whose elements differ only in TO's added
 * const (`const int (&)[4]` to an `int[4]`) */
bool ref_binds_directly(KType *from, KType *to);
KType *decay(Parser *p, KType *t);
KType *common_arith(Parser *p, KType *a, KType *b);
KType *promote(Parser *p, KType *t);
KType *vector_type_named(Parser *p, const char *name);
KType *type_half2(Parser *p);
KType *type_dim3(Parser *p);
KType *type_uint3(Parser *p);
bool is_null_pointer_constant(KExpr *e);
bool vec_compatible_type(KType *a, KType *b); /* float3 ~ float3, dim3 ~ uint3 */

/* ---- expressions (sema_expr.c) ---- */
KExpr *new_expr(Parser *p, KExprKind k, KType *t, SrcLoc loc);
KExpr *expr_comma(Parser *p, KExpr *a, KExpr *b);       /* a, b: b's type, a's position */
KExpr *expr_var(Parser *p, KVar *v, SrcLoc loc);          /* names v */
KExpr *int_const(Parser *p, int64_t v, KType *t, SrcLoc loc);
KExpr *cast_to(Parser *p, KExpr *e, KType *t);  /* explicit, no checks */
typedef enum { CONV_INIT, CONV_ASSIGN, CONV_ARG, CONV_RETURN } ConvCtx;
KExpr *convert(Parser *p, KExpr *e, KType *t, ConvCtx ctx, SrcLoc loc);
int conversion_rank(Parser *p, KExpr *e, KType *to); /* -1: impossible */
KExpr *rvalue(Parser *p, KExpr *e);  /* array→pointer decay etc. */
KExpr *to_bool(Parser *p, KExpr *e, SrcLoc loc);
bool is_lvalue(KExpr *e);
KExpr *sema_binary(Parser *p, KOp op, KExpr *a, KExpr *b, SrcLoc oploc);
KExpr *sema_unary(Parser *p, KOp op, KExpr *a, SrcLoc oploc);
KExpr *sema_assign(Parser *p, KOp op, KExpr *a, KExpr *b, SrcLoc oploc);
KExpr *sema_incdec(Parser *p, KExpr *a, bool inc, bool prefix, SrcLoc loc);
KExpr *sema_cond(Parser *p, KExpr *c, KExpr *a, KExpr *b, SrcLoc loc);
KExpr *sema_index(Parser *p, KExpr *a, KExpr *i, SrcLoc loc);
KExpr *sema_deref(Parser *p, KExpr *a, SrcLoc loc);
KExpr *sema_addr(Parser *p, KExpr *a, SrcLoc loc);
KExpr *sema_member(Parser *p, KExpr *a, Token *name, bool arrow, SrcLoc loc);
KExpr *sema_var_ref(Parser *p, Sym *s, SrcLoc loc);
/* the subobject of base class `base` in obj (through the hidden __baseN
 * fields of derived classes); NULL when base is not a base of obj's class */
KExpr *to_base(Parser *p, KExpr *obj, KType *base);
bool derives_from(KType *d, KType *base); /* d == base or a class derived from it */
KExpr *make_temp(Parser *p, KExpr *init, KVar **out); /* seq(temp = init, temp) */

/* ---- operators on __half2 (sema_half2.c) ---- */
bool is_half2(const KType *t);
KExpr *half_raw_conversion(Parser *p, KExpr *e, KType *to, SrcLoc loc); /* NULL: not one */
KExpr *half2_binary(Parser *p, KOp op, KExpr *a, KExpr *b, SrcLoc oploc); /* rvalues */
KExpr *half2_negate(Parser *p, KExpr *a, SrcLoc oploc);
KExpr *half2_compound_assign(Parser *p, KOp op, KExpr *a, KExpr *b, SrcLoc oploc);
KExpr *sema_call_funcs_or_null(Parser *p, Sym *set, Template *tmpl, KExpr **args, int nargs,
                               Token *name_tok);
KExpr *sema_call_funcs(Parser *p, Sym *set, Template *tmpl, TArg *explicit_args,
                       int nexplicit, KExpr *self, KExpr **args, int nargs,
                       Token *name_tok);
/* some declaration of the set (functions, templates) takes these arguments */
bool sema_call_viable(Parser *p, Sym *set, KExpr **args, int nargs);
KExpr *sema_call_decl(Parser *p, FuncDecl *fd, KExpr *self, KExpr **args,
                      int nargs, SrcLoc loc);
/* "" or " (its declaration at L:C was taken for host code: WHY)" for a
 * name device code uses but nothing declares (parse_util.c). */
const char *dropped_decl_note(Parser *p, const char *name);
KExpr *sema_construct(Parser *p, KType *t, KExpr **args, int nargs, SrcLoc loc);
/* a copy of the object e of class t: through a user-declared copy
 * constructor when e is an lvalue and t has one, else e itself */
KExpr *sema_copy(Parser *p, KExpr *e, KType *t);
/* `k<<<config>>>(args)` in device code (sema_launch.c): call is the
 * resolved call of the kernel (made while p->device_launch was set) */
KExpr *sema_device_launch(Parser *p, KExpr *call, KExpr **config, int nconfig, SrcLoc loc);
/* the address of an object for `this` or a reference parameter; rvalues get
 * a temporary whose initialisation is appended to *pre */
KExpr *address_of_object(Parser *p, KExpr *obj, KExpr **pre);

/* ---- virtual functions and destructors (class_virtual.c) ---- */
bool class_is_polymorphic(KType *t);
/* before the bases and members of a class are added: its vptr field when
 * it starts a polymorphic hierarchy (body: the '{' of its definition) */
void class_begin_virtual(Parser *p, KType *st, PtrVec *bases, Token *body);
/* after the bases were added: the tables of the secondary base subobjects */
void class_bases_virtual(Parser *p, KType *st);
/* a member function just declared: its vtable slot (virtual or overriding) */
void class_declare_virtual(Parser *p, FuncDecl *fd, bool is_virtual, bool is_pure, Token *at);
/* the class is complete: implicit constructor/destructor, then the vtable */
void class_end_virtual(Parser *p, KType *st, const char *short_name, Token *at);
/* statements a constructor runs before its body (the vptr store) */
void class_ctor_prologue(Parser *p, FuncDecl *fd, KExpr *self, PtrVec *stmts);
/* statements a destructor runs after its body (members', bases' destructors) */
void class_dtor_epilogue(Parser *p, FuncDecl *fd, KExpr *self, PtrVec *stmts);
/* the call `call` of virtual fd made through the vtable of the object */
KExpr *class_virtual_call(Parser *p, FuncDecl *fd, KExpr *call);
/* the whole object a pointer to a polymorphic (sub)object is part of, as
 * unsigned char * (its vtable's offset to the top) */
KExpr *class_object_top(Parser *p, KExpr *ptr);
/* a copy of the base subobject `sub` as a t: a polymorphic copy gets t's vtables */
KExpr *class_slice(Parser *p, KType *t, KExpr *sub, SrcLoc loc);
FuncDecl *class_dtor(KType *t);        /* its (or an inherited) destructor, or NULL */
bool class_dtor_has_effects(KType *t); /* destroying one does something */

/* ---- destructors at scope exit (scope_cleanup.c) ---- */
int cleanup_depth(Parser *p);
void cleanup_push(Parser *p, KVar *v);  /* v is constructed (no-op unless its dtor does something) */
void cleanup_pop(Parser *p, int depth); /* its scope ends: forget the entries above depth */
bool cleanup_has(Parser *p, KVar *v);
/* appends to out the destructor calls of the entries above depth,
 * innermost first, leaving skip out (a returned object) */
void cleanup_emit(Parser *p, int depth, KVar *skip, PtrVec *out, SrcLoc loc);
bool stmt_ends_flow(KStmt *s);          /* s ends in return/break/continue/goto */

/* ---- pointers to functions (sema_fnptr.c) ---- */
KType *func_decl_type(Parser *p, FuncDecl *fd); /* the KT_FUNC callers see */
/* `f` or `&f` naming a device function: its address */
KExpr *sema_func_addr(Parser *p, FuncDecl *fd, SrcLoc loc);
/* the address of the one function a name without a call denotes */
KExpr *sema_func_name(Parser *p, Sym *set, Template *tmpl, TArg *targs, int nt, Token *name);
bool is_func_ptr(KType *t);
KExpr *sema_call_indirect(Parser *p, KExpr *fnptr, KExpr **args, int nargs, SrcLoc loc);
KExpr *user_conversion(Parser *p, KExpr *e, KType *to); /* NULL: no operator T() */
Template *class_ctor_templates(KType *t); /* a class's constructor templates, or NULL */
/* a field's default member initializer, converted to its type; NULL: none */
KExpr *member_default(Parser *p, KType *st, int field);
bool has_member_defaults(KType *st);
KExpr *sema_operator_call(Parser *p, const char *opname, KExpr **args, int nargs,
                          SrcLoc loc); /* NULL: no user operator */

/* ---- builtins (sema_builtin.c) ---- */
/* Returns the call, NULL when `name` is not a builtin. Errors on no match. */
KExpr *sema_builtin_call(Parser *p, const char *name, KExpr **args, int nargs,
                         Token *name_tok);
/* The cheapest overload of builtin `name` for args, called at loc (for
 * calls sema makes itself); NULL when none fits. */
KExpr *sema_builtin_call_at(Parser *p, const char *name, KExpr **args, int nargs, SrcLoc loc);
/* The cost of the cheapest builtin overload of name for args (the scale of
 * conversion_rank, summed), or -1 when none fits. */
int sema_builtin_cost(Parser *p, const char *name, KExpr **args, int nargs);
bool is_builtin_name(Parser *p, const char *name);

/* ---- constant evaluation (consteval.c) ---- */
bool eval_const(Parser *p, KExpr *e, int64_t *out);
int64_t const_int_expr(Parser *p, const char *what); /* parses + evaluates */

/* ---- parsing ---- */
Sym *parse_qualified_name(Parser *p, Token **last);
KExpr *parse_expr(Parser *p);
KExpr *parse_assign(Parser *p);
KExpr *parse_cond_expr(Parser *p);
KExpr *parse_initializer(Parser *p, KType *t, SrcLoc loc);
KStmt *parse_compound(Parser *p);
KStmt *new_stmt(Parser *p, KStmtKind k, SrcLoc loc);
bool is_type_start(Parser *p, Token *t);
KType *parse_type_name(Parser *p);   /* declspec + abstract declarator */
KType *parse_type_specifier(Parser *p); /* declspec only: T(args) casts */
void parse_toplevel(Parser *p);
void parse_declaration_stmt(Parser *p, PtrVec *out); /* local decls → KStmt* */
bool parse_template_args(Parser *p, Template *t, TArg *out, int *nout, Token *name);
KType *instantiate_class(Parser *p, Template *t, TArg *args, int nargs, SrcLoc loc);
FuncDecl *instantiate_func(Parser *p, Template *t, TArg *args, int nargs, SrcLoc loc);
bool deduce_template_args(Parser *p, Template *t, TArg *args, int nexplicit,
                          KExpr **call_args, int ncall);
void parse_template_decl(Parser *p);
void finish_deferred_bodies(Parser *p);
void parse_function_body(Parser *p, FuncDecl *fd, Token *body, Scope *scope);
char *mangle_cname(Parser *p, const char *display);
const char *targs_key(Parser *p, Template *t, TArg *args, int nargs);

/* entry points (front.c) */
/* scratch: the arena for what a function body needs only while it is
 * parsed (Parser.scratch), owned by the caller and living as long as the
 * Parser; NULL: all in `a`. */
Parser *front_compile(Arena *a, Arena *scratch, CwDiags *d, SrcFile *file, const PPOptions *opt);
/* The tokens of text (a name the runtime gives, shown as file `what`),
 * with the parser set to read it at global scope, outside any function;
 * the caller sets p->recover. */
Token *front_lex_at_global(Parser *p, const char *what, const char *text);

/* parse_release.c: a declaration keeps pointers to its tokens for later
 * (a template, a lambda, a default member initializer, host code): its
 * top-level declaration's tokens are never released */
static inline void pin_tokens(Parser *p) { p->tok_pins++; }
/* after each top-level declaration [before, p->tok), parsed with
 * tok_pins at pins_before: release its tokens or keep them */
void release_parsed_tokens(Parser *p, Token *before, int pins_before);
/* at the end of the translation unit: release what waits */
void release_flush(Parser *p);
/* Instantiates a template kernel named `k<float, 4>` after compilation;
 * true when the kernel exists afterwards. */
bool front_instantiate(Parser *p, const char *cpp_name);
/* The closure class name of the index-th extended lambda on line of the
 * file keyed key (cw_file_name_key), in the instance of host function
 * template fn ("fill<float>", as the host spells it), which this defines
 * (parse_host_lambda.c); NULL with a diagnostic if there is none. */
const char *front_host_lambda(Parser *p, const char *fn, int key, int line, int index);
/* "KEY LINE INDEX name…\n" for each extended lambda of a host function
 * (or host function template): what its closure captures, in order, which
 * the host pass makes g++'s capture list (src/cc/rewrite.c) */
char *front_host_lambda_captures(Parser *p);
/* The main file as a device-only CUDA source for NVRTC (device_source.c):
 * host declarations and system includes blanked, line numbers kept. */
char *front_device_source(Parser *p);
/* whether NVRTC sees the tokens of file f in that source (the user's
 * files, and the few shims of ours kept for it) */
bool front_nvrtc_sees(Parser *p, SrcFile *f);
/* Declarations our device pass keeps that NVRTC cannot compile
 * (host_only.c): a top-level declaration without CUDA markers that parsed
 * is checked with front_host_only; one that did not parse is noted with
 * front_note_dropped. */
bool front_host_only(Parser *p, Token *start, Token *end);
/* tokens [start, end) of the translation unit that NVRTC's source leaves out */
void front_record_host_span(Parser *p, Token *start, Token *end);
void front_note_dropped(Parser *p, Token *start, Token *end);

#endif
