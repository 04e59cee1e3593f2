/*
 * jumps.h — where `break`, `continue` and `return` go once barrier fission
 * has cut the loops around them into thread loops (jumps.c), for both
 * fissions: the KIR pass fission.c (WebAssembly) and the C emitter's
 * c_fission.c (CPU backend).
 *
 * Each keeps a stack of the loops and switches around the statement being
 * written, innermost last.  A plain loop or switch is still one of the
 * thread's own (inside one thread's turn): a jump to it stays as written.
 * A state loop or state switch was rebuilt at block level and steers its
 * threads by a per-thread state (fission.c, c_fission.c): a jump to it
 * sets the thread's state (1 left, 2 `continue`d this iteration) and ends
 * the thread's turn of the thread loop it is in.  The kernel's own
 * `return` ends the turn and marks the thread as exited; an inlined
 * function's (labelled by lower_splits.c) leaves the state loop that
 * wraps its body.
 */
#ifndef CW_KIR_PASSES_JUMPS_H
#define CW_KIR_PASSES_JUMPS_H

#include "../kir.h"

typedef enum KJumpTargetKind {
  KJT_LOOP,         /* a loop of the thread's own */
  KJT_SWITCH,       /* a switch of the thread's own */
  KJT_STATE_LOOP,   /* a loop rebuilt at block level: 1 left, 2 continued */
  KJT_STATE_SWITCH, /* a switch rebuilt at block level: 1 left by `break` */
} KJumpTargetKind;

typedef struct KJumpTarget {
  KJumpTargetKind kind;
  const void *state; /* state kinds: the target's handle on the per-thread state
                        (fission.c: its KVar; c_fission.c: its C array's name) */
  const char *label; /* KJT_STATE_LOOP: the inlined function whose body it wraps, or NULL */
} KJumpTarget;

typedef struct KJumpTargets {
  KJumpTarget *items;
  int len, cap; /* the stack doubles in the arena: loops nest as deep as the source says */
} KJumpTargets;

void kir_jump_push(Arena *a, KJumpTargets *t, KJumpTargetKind kind, const void *state, const char *label);
static inline void kir_jump_pop(KJumpTargets *t) { t->len--; }

typedef enum KJumpHow {
  KJ_STAYS,     /* to a loop or switch of the thread's own: as written */
  KJ_SET_STATE, /* state = value, then end the thread's turn */
  KJ_EXIT,      /* the kernel's return: mark the thread exited, end its turn */
  KJ_NOWHERE,   /* break/continue outside any loop, or an inlined return
                   outside its wrapper (an internal error) */
} KJumpHow;

typedef struct KJump {
  KJumpHow how;
  const void *state; /* KJ_SET_STATE: the target's handle */
  int value;         /* KJ_SET_STATE: 1 (left) or 2 (continued) */
} KJump;

/* Where jump s (KS_BREAK, KS_CONTINUE or KS_RETURN) goes from inside the
 * targets t. */
KJump kir_jump(const KJumpTargets *t, const KStmt *s);

#endif
