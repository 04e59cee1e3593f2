/*
 * converge.h — the warp reconvergence that warp-synchronous code without
 * __syncwarp relies on, as explicit barriers (converge.c says where and
 * why).  Every target that does not run warps of 32 lanes in lockstep
 * (C, WebAssembly, GLSL, WGSL) runs its kernels through it.
 */
#ifndef CW_KIR_PASSES_CONVERGE_H
#define CW_KIR_PASSES_CONVERGE_H

#include "../kir.h"

/* Kernel body `body` with a KS_BARRIER of scope KBAR_WARP, marked
 * `implicit`, before each statement that reads what other threads of its
 * warp wrote since the last barrier without synchronising: `body` itself
 * when none is needed (and for a body with goto), else a new body in arena
 * a whose statement lists are copies; the module is not modified. */
KStmt *kir_converge_warps(Arena *a, KStmt *body);

#endif
