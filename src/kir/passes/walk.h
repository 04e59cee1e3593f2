/*
 * walk.h — one traversal of KIR statement trees (walk.c) and the common
 * questions answered with it, for the passes and the emitters alike.
 */
#ifndef CW_KIR_PASSES_WALK_H
#define CW_KIR_PASSES_WALK_H

#include "../kir.h"

typedef bool (*KirExprPred)(const KExpr *e, void *ctx);
typedef bool (*KirStmtPred)(const KStmt *s, void *ctx);
/* True when ep holds for a node of e (pre-order, stops at the first). */
bool kir_expr_any(const KExpr *e, KirExprPred ep, void *ctx);
/* True when sp holds for a statement of s, or ep for an expression node in
 * one (either may be NULL); stops at the first. */
bool kir_walk_any(const KStmt *s, KirExprPred ep, KirStmtPred sp, void *ctx);
/* kir_walk_any that also walks the bodies of the device functions s calls
 * (and theirs, 16 calls deep), each function once however often it is
 * called; a call it cannot follow (indirect, no body, deeper) counts as a
 * match: what it does is unknown. */
bool kir_walk_any_through_calls(const KStmt *s, KirExprPred ep, KirStmtPred sp, void *ctx);
bool kir_stmt_calls(const KStmt *s);              /* any device-function call */
const KStmt *kir_find_jump(const KStmt *s);       /* first goto or label, or NULL */
bool kir_has_jump(const KStmt *s);
/* s holds the kernel's own `return` (an inlined function's is labelled) */
bool kir_has_kernel_return(const KStmt *s);
KVar *kir_written_var(const KExpr *e);            /* local an assignment/++/& writes */
bool kir_stmt_writes_var(const KStmt *s, const KVar *v);
/* v is read or written by an expression of s (declarations' own
 * initializers included, statement by statement) */
bool kir_stmt_refs_var(const KStmt *s, const KVar *v);
KVar *kir_addr_holder(const KStmt *s, const KVar *v); /* a variable &v is kept in */
/* e divides or takes a remainder of integers (but by a literal other than
 * 0 and -1), or loads through a pointer:
 * computed where no thread of the source computes it (for a block whose
 * threads have all returned), it may trap. */
bool kir_expr_may_trap(const KExpr *e);

#endif
