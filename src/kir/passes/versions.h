/*
 * versions.h — a local reassigned at the top level of a kernel becomes a
 * new local from there on (versions.c), before barrier fission.
 */
#ifndef CW_KIR_PASSES_VERSIONS_H
#define CW_KIR_PASSES_VERSIONS_H

#include "../kir.h"

/* Kernel body `body` with such locals split: body itself when there is
 * none (or it has goto), else a copy in a.  New locals are named
 * NAME_vN, N from *next_id (incremented). */
KStmt *kir_split_versions(Arena *a, KStmt *body, int *next_id);

#endif
