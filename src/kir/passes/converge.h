/*
 * converge.h — warp reconvergence made explicit before barrier fission
 * (converge.c): a warp barrier where warp-synchronous code without
 * __syncwarp() relies on the warp having reconverged.
 */
#ifndef CW_KIR_PASSES_CONVERGE_H
#define CW_KIR_PASSES_CONVERGE_H

#include "../kir.h"

/* The label of the warp barriers this pass inserts (a KS_BARRIER's label
 * is otherwise unused): the compiler's, not the program's __syncwarp(),
 * which synccheck must not report. */
extern const char kir_reconverge_label[];

/* Kernel body `body` with those barriers inserted: body itself when none
 * is needed (or it has goto), else a copy whose new nodes live in a. */
KStmt *kir_converge_warps(Arena *a, KStmt *body);

#endif
