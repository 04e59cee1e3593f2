/*
 * decl.h — declaration specifiers and declarators, shared by the files that
 * parse declarations (parse_decl.c: specifiers, declarators, variables;
 * parse_func.c: functions; parse_class.c: classes and enums;
 * parse_template.c: templates; parse_top.c: the translation unit).
 */
#ifndef CW_DECL_H
#define CW_DECL_H

#include "parser.h"

typedef struct DeclSpec {
  KType *type;
  bool is_auto;
  bool is_static, is_extern, is_typedef, is_constexpr, is_inline, is_friend, is_virtual;
  unsigned fflags;      /* KF_GLOBAL | KF_DEVICE | KF_HOST | KF_FORCEINLINE ... */
  bool shared, constant, managed;
  int max_threads, min_blocks;
  int align;
  SrcLoc loc;
  Token *start;
} DeclSpec;

typedef struct Param {
  const char *name;
  Token *name_tok;
  KType *type;
  bool is_ref;
  bool is_rref;          /* T&&: binds temporaries too */
  KExpr *def;
} Param;

typedef struct Declarator {
  Token *name_tok;       /* NULL for an abstract declarator */
  const char *name;
  Scope *qual_scope;     /* `S::f`: the scope S names */
  KType *type;           /* variables: full type; functions: return type */
  bool is_ref;
  bool is_rref;
  bool is_func;
  Param *params;
  int nparams;
  bool variadic;
  bool const_method;
  bool restrict_ptr;
} Declarator;

/* parse_decl.c */
bool parse_declspec(Parser *p, DeclSpec *ds, bool need_type);
void parse_declarator(Parser *p, DeclSpec *ds, Declarator *d, bool abstract);
KVar *new_var(Parser *p, KVarKind kind, const char *name, KType *t, SrcLoc loc);
KType *func_type_of_params(Parser *p, KType *ret, bool ret_ref, Param *ps, int n, bool variadic);
void declare_variable(Parser *p, DeclSpec *ds, Declarator *d, PtrVec *out, bool global);
void parse_using_or_typedef(Parser *p);
void parse_static_assert(Parser *p);
bool is_device_marker(Token *t);

/* parse_func.c */
FuncDecl *declare_function(Parser *p, DeclSpec *ds, Declarator *d, KType *owner,
                           const char *display_override);
void function_definition_or_decl(Parser *p, DeclSpec *ds, Declarator *d,
                                 KType *owner, const char *display_override,
                                 FuncDecl **out);

/* parse_outofclass.c: class template members defined outside the class */
Token *member_def_owner(Parser *p, Token *decl, Token *name);
void declare_member_def(Parser *p, Template *md, Token *owner_tok, Token *name);
void define_members(Parser *p, Template *ct, KType *inst);
bool parse_member_def_of_class(Parser *p);

/* parse_class.c: one member declaration in a class body; a field added */
void parse_class_member(Parser *p, KType *st, const char *short_name);
Sym *class_add_field(Parser *p, KType *st, const char *name, KType *t, SrcLoc loc);
bool is_ctor_start(Parser *p, KType *st, const char *short_name);
void parse_class_ctor(Parser *p, KType *st, const char *short_name, const char *display,
                      FuncDecl **out);

/* parse_new.c */
KExpr *parse_new(Parser *p);
KExpr *delete_expr(Parser *p, Token *kw, KExpr *ptr, bool array);

/* parse_lambda.c */
KExpr *parse_lambda(Parser *p);
/* an extended lambda of host code at p->tok (its scope holds the host
 * function's variables, local_consts its integral constants): its closure
 * class, named name at global scope; with name NULL only what it captures */
HostLambda *parse_extended_lambda(Parser *p, const char *name, PtrVec *local_consts);

/* parse_host_lambda.c: the extended lambdas of the host function body at
 * p->tok (`{` or a ctor-initializer), whose parameters d declares; in an
 * instance of a host function template, tmpl with its arguments */
void define_host_lambdas(Parser *p, Declarator *d, Template *tmpl, TArg *args, int nargs);
/* a host function template t just declared: what its extended lambdas
 * capture, for the host pass (front_host_lambda_captures) */
void note_template_host_lambdas(Parser *p, Template *t);

/* parse_top.c */
void parse_namespace_alias(Parser *p);

/* parse_class.c */
KType *parse_class_specifier(Parser *p, const char *name_override, Scope *tscope);
KType *parse_enum_specifier(Parser *p);

/* parse_template.c: pieces shared with parse_spec.c */
/* an unbound non-type parameter during deduction: a value no real
 * argument plausibly has, plus the parameter's index */
enum { UNBOUND_BASE = 0x7EAD0000 };
extern const char *const PLACEHOLDER; /* cname of a type parameter during deduction */
extern const char *const PATTERN;     /* cname of `X<T>` with T still open */
/* cname of `Rest...` in a partial specialization's arguments: the pack
 * parameter `count` takes the rest of the instance's pack */
extern const char *const PACK_PATTERN;
/* `Is...` likewise for a non-type pack parameter i: this value + i */
enum { PACK_VALUE_BASE = UNBOUND_BASE + 0x100 };
typedef struct Saved {
  Token *tok;
  Scope *scope;
  FuncCtx *fn;
  KType *cur_class;
  bool no_gt, speculative, extern_c;
  int unroll;
} Saved;

void save_state(Parser *p, Saved *s);
void restore_state(Parser *p, Saved *s);
bool is_unbound(int64_t v);
Scope *binding_scope(Parser *p, Template *t, TArg *args, int nargs);
KType *placeholder(Parser *p, int i, const char *name);
void parse_tparams(Parser *p, Template *t);
Token *declared_name(Parser *p, Token *t, bool *is_class);
void check_depth(Parser *p, Template *t, SrcLoc loc);

/* parse_pack.c: variadic function templates */
bool template_has_pack(Template *t);
bool pack_is_function_param(Template *t);
Token *expand_pack_decl(Parser *p, Template *t, int k);
int pack_leading_params(Template *t);
const char *pack_elem_name(Parser *p, const char *pack, int i);

/* parse_spec.c: explicit and partial specializations */
void declare_specialization(Parser *p, Template *spec, Token *name, bool is_class);
Template *match_class_spec(Parser *p, Template *t, TArg *args, int nargs, TArg *bound);
Template *match_func_spec(Parser *p, Template *t, const char *key);
Token *splice_out_args(Parser *p, Token *from, Token *name);

#endif
