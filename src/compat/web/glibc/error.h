/*
 * error.h — glibc's error() and error_at_line() for the host code of a
 * program built with `cuwasm cc --target web`: emscripten's C library
 * (musl) has no <error.h>, which programs written on glibc include (Rodinia's
 * dwt2d).  cc_web.c puts this folder after the system's headers
 * (-idirafter), so a C library that has its own wins.  Messages go to
 * stderr as glibc writes them, less the program's name (a web build has
 * none): "MESSAGE[: strerror(ERRNUM)]", and a nonzero status exits.
 */
#ifndef CUWASM_WEB_ERROR_H
#define CUWASM_WEB_ERROR_H
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline void cuwasm_error_tail(int status, int errnum) {
  if (errnum) fprintf(stderr, ": %s", strerror(errnum));
  fputc('\n', stderr);
  fflush(stderr);
  if (status) exit(status);
}

static inline void error(int status, int errnum, const char *format, ...) {
  va_list ap;
  fflush(stdout);
  va_start(ap, format);
  vfprintf(stderr, format, ap);
  va_end(ap);
  cuwasm_error_tail(status, errnum);
}

static inline void error_at_line(int status, int errnum, const char *file, unsigned line,
                                 const char *format, ...) {
  va_list ap;
  fflush(stdout);
  fprintf(stderr, "%s:%u: ", file, line);
  va_start(ap, format);
  vfprintf(stderr, format, ap);
  va_end(ap);
  cuwasm_error_tail(status, errnum);
}
#endif
