/*
 * check_list.c — the one reader of a checker list, "memcheck,racecheck,
 * synccheck,initcheck,leaks" or "all" (`cuwasm run --check LIST`, the CUWASM_CHECK variable of
 * programs built by `cuwasm cc`).  Words are whole, separated by commas;
 * "leak" is taken for "leaks"; "none", "0" and the empty list ask for
 * nothing.  The tool rejects a bad word; the runtime, reading the variable
 * the tool or the user set, ignores one it does not know.
 */
#include "base.h"

#include <stdlib.h>
#include <string.h>

bool cw_check_list_parse(const char *list, CwCheckList *out, const char **bad, size_t *bad_len) {
  *out = (CwCheckList){0};
  if (!list || !strcmp(list, "none") || !strcmp(list, "0")) return true;
  const char *p = list;
  bool ok = true;
  while (*p) {
    size_t n = strcspn(p, ",");
#define WORD_IS(w) (n == sizeof(w) - 1 && !strncmp(p, w, n))
    if (WORD_IS("memcheck")) out->memcheck = true;
    else if (WORD_IS("racecheck")) out->racecheck = true;
    else if (WORD_IS("synccheck")) out->synccheck = true;
    else if (WORD_IS("initcheck")) out->initcheck = true;
    else if (WORD_IS("leaks") || WORD_IS("leak")) out->leaks = true;
    else if (WORD_IS("all"))
      out->memcheck = out->racecheck = out->synccheck = out->initcheck = out->leaks = true;
    else if (n && ok) { /* the first unknown word; the known ones still count */
      ok = false;
      if (bad) *bad = p;
      if (bad_len) *bad_len = n;
    }
#undef WORD_IS
    p += n;
    if (*p == ',') p++;
  }
  return ok;
}

CwCheckList cw_check_list_from_env(void) {
  CwCheckList c;
  cw_check_list_parse(getenv("CUWASM_CHECK"), &c, NULL, NULL);
  return c;
}

bool cw_check_list_any(CwCheckList c) {
  return c.memcheck || c.racecheck || c.synccheck || c.initcheck || c.leaks;
}
