/*
 * watchdog_spin.c — reference for tests/exec/watchdog/watchdog_spin.cu,
 * whose kernel never returns: the watchdog ends the run before this is
 * called, and were it called (the kernel finished), the expectation
 * below cannot hold for a kernel that spun at least once.
 */
#include "ref.h"

static void spin(RefArgs *r) {
  for (size_t i = 0; i < NEL(1); i++) BI32(1)[i] = -1;
}

const RefEntry ref_watchdog_spin[] = {{"spin", spin, NULL}, {NULL, NULL, NULL}};
