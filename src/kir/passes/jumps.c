/*
 * jumps.c — the target of a jump inside fission's thread loops (jumps.h).
 * `break` goes to the innermost loop or switch, `continue` to the
 * innermost loop, an inlined function's `return` to the state loop that
 * wraps that function's body (the label lower_splits.c gave both), the
 * kernel's own `return` out of the thread's turn for good.  One stack
 * walk, so the C text and the KIR of the two fissions cannot disagree on
 * where a jump lands.
 */
#include "jumps.h"

#include <string.h>

void kir_jump_push(Arena *a, KJumpTargets *t, KJumpTargetKind kind, const void *state, const char *label) {
  if (t->len == t->cap) {
    int cap = t->cap ? 2 * t->cap : 16;
    KJumpTarget *n = arena_alloc(a, sizeof *n * (size_t)cap);
    if (t->len) memcpy(n, t->items, sizeof *n * (size_t)t->len);
    t->items = n;
    t->cap = cap;
  }
  t->items[t->len++] = (KJumpTarget){.kind = kind, .state = state, .label = label};
}

KJump kir_jump(const KJumpTargets *t, const KStmt *s) {
  if (s->kind == KS_RETURN) {
    if (!s->label) return (KJump){.how = KJ_EXIT};
    for (int i = t->len - 1; i >= 0; i--)
      if (t->items[i].label && !strcmp(t->items[i].label, s->label))
        return (KJump){.how = KJ_SET_STATE, .state = t->items[i].state, .value = 1};
    return (KJump){.how = KJ_NOWHERE};
  }
  bool is_break = s->kind == KS_BREAK;
  for (int i = t->len - 1; i >= 0; i--) {
    const KJumpTarget *x = &t->items[i];
    bool is_switch = x->kind == KJT_SWITCH || x->kind == KJT_STATE_SWITCH;
    if (!is_break && is_switch) continue; /* `continue` passes switches */
    if (x->kind == KJT_LOOP || x->kind == KJT_SWITCH) return (KJump){.how = KJ_STAYS};
    return (KJump){.how = KJ_SET_STATE, .state = x->state, .value = is_break ? 1 : 2};
  }
  return (KJump){.how = KJ_NOWHERE};
}
