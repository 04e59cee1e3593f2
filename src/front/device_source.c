/*
 * device_source.c — the user's own CUDA source, cut down to what NVRTC can
 * compile: the native CUDA backend runs the code the user wrote (so its
 * results and speed are nvcc's), not our translation of it.
 *
 * NVRTC compiles device code only and has no host headers, so the host
 * declarations the parser recognised (main, functions using the STL, host
 * globals) are blanked, and so are #include lines of headers that NVRTC
 * does not ship (the toolkit's cooperative_groups.h, cuda_fp16.h, ... and
 * the user's own "..." headers stay).  Blanking keeps every newline, and a
 * #line directive after our short prelude keeps NVRTC's diagnostics on the
 * user's line numbers.
 */
#include <string.h>

#include "parser.h"

/* what <cstdint>, <climits>, <cfloat>, <cmath> would have given (NVRTC
 * has assert and printf built in) */
static const char prelude[] =
    "typedef signed char int8_t; typedef short int16_t; typedef int int32_t;\n"
    "typedef long long int64_t; typedef unsigned char uint8_t;\n"
    "typedef unsigned short uint16_t; typedef unsigned int uint32_t;\n"
    "typedef unsigned long long uint64_t; typedef long long intptr_t;\n"
    "typedef unsigned long long uintptr_t;\n"
    "#define INT_MAX 2147483647\n#define INT_MIN (-INT_MAX - 1)\n"
    "#define UINT_MAX 4294967295u\n#define FLT_MAX 3.402823466e+38F\n"
    "#define FLT_MIN 1.175494351e-38F\n#define FLT_EPSILON 1.192092896e-07F\n"
    "#define DBL_MAX 1.7976931348623158e+308\n"
    "#ifndef INFINITY\n#define INFINITY __int_as_float(0x7f800000)\n#endif\n"
    "#ifndef NAN\n#define NAN __int_as_float(0x7fffffff)\n#endif\n"
    "#ifndef HUGE_VALF\n#define HUGE_VALF INFINITY\n#endif\n"
    "#ifndef M_PI\n#define M_PI 3.14159265358979323846\n#define M_PI_2 1.57079632679489661923\n"
    "#define M_E 2.7182818284590452354\n#define M_SQRT2 1.41421356237309504880\n"
    "#define M_LN2 0.69314718055994530942\n#endif\n";

static bool nvrtc_ships(const char *name, size_t n) {
  static const char *kept[] = {"cooperative_groups", "cuda_fp16.h", "cuda_bf16.h", "mma.h",
                               "math_constants.h", "cuda/std/", "curand_kernel.h"};
  for (size_t i = 0; i < sizeof kept / sizeof *kept; i++)
    if (n >= strlen(kept[i]) && !strncmp(name, kept[i], strlen(kept[i]))) return true;
  return false;
}

/* blank a `#include <...>` line unless NVRTC has that header */
static void filter_include(char *line, char *end) {
  char *s = line;
  while (s < end && (*s == ' ' || *s == '\t')) s++;
  if (s == end || *s != '#') return;
  s++;
  while (s < end && (*s == ' ' || *s == '\t')) s++;
  if ((size_t)(end - s) < 7 || strncmp(s, "include", 7)) return;
  s += 7;
  while (s < end && (*s == ' ' || *s == '\t')) s++;
  if (s < end && *s == '"') return; /* the user's own header */
  if (s < end && *s == '<' && nvrtc_ships(s + 1, (size_t)(end - s - 1))) return;
  memset(line, ' ', (size_t)(end - line));
}

static char *line_start(char *text, int line) {
  char *p = text;
  for (int l = 1; l < line && *p; p++)
    if (*p == '\n') l++;
  return p;
}

static void blank_span(char *text, const HostSpan *s) {
  char *a = line_start(text, s->line0) + s->col0 - 1;
  char *b = line_start(text, s->line1) + s->col1 - 1;
  for (char *c = a; c < b && *c; c++)
    if (*c != '\n') *c = ' ';
}

char *front_device_source(Parser *p) {
  SrcFile *f = p->main_file;
  if (!f) return NULL;
  char *text = arena_strndup(p->arena, f->contents, f->size);
  for (int i = 0; i < p->host_spans.len; i++) blank_span(text, p->host_spans.items[i]);
  for (char *line = text; *line;) {
    char *end = strchr(line, '\n');
    if (!end) end = line + strlen(line);
    filter_include(line, end);
    line = *end ? end + 1 : end;
  }
  StrBuf sb;
  sb_init(&sb);
  sb_puts(&sb, prelude);
  sb_printf(&sb, "#line 1 \"%s\"\n", f->name);
  sb_puts(&sb, text);
  return sb_take(&sb);
}
