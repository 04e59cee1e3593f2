/*
 * launch.c — `cuwasm launch FILE.cu KERNEL --grid X[,Y,Z] --block X[,Y,Z]
 * [--shared BYTES] [--backend cpu|cuda|vulkan|auto] [--out DIR] [--print K[:COUNT]] ARG...`
 *
 * Runs one kernel without host code.  Each ARG is a scalar (`i32:5`,
 * `u32:7`, `i64:..`, `u64:..`, `f32:1.5`, `f64:..`) or a buffer
 * `TYPE[N]=zeros|iota|iota:START:STEP|rand:SEED|fill:V|@file.bin`.  Buffers are created on
 * the device, the kernel runs, then `--out DIR` writes buffer K to
 * DIR/argK.bin (raw little-endian) and `--print K[:COUNT]` prints its
 * first COUNT elements (default all) one per line.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "commands.h"

static const char *usage =
    "usage: cuwasm launch FILE.cu KERNEL --grid X[,Y,Z] --block X[,Y,Z] [--shared BYTES]\n"
    "                     [--backend cpu|cuda|vulkan|auto] [--out DIR] [--print K[:COUNT]]...\n"
    "                     [-I DIR] [-D X[=Y]] [-U X] [--arch sm_XX] ARG...\n"
    "ARG: i32:5 u32:7 i64:N u64:N f32:1.5 f64:X, or a buffer\n"
    "     TYPE[N]=zeros|iota|iota:START:STEP|rand:SEED|fill:V|@file.bin  (TYPE: i8 u8 i16 u16 i32 u32 i64 u64 f16 f32 f64)\n";

typedef enum { T_I8, T_U8, T_I16, T_U16, T_I32, T_U32, T_I64, T_U64, T_F16, T_F32, T_F64 } ElemType;
static const char *type_names[] = {"i8", "u8", "i16", "u16", "i32", "u32", "i64", "u64", "f16", "f32", "f64"};
static const int type_sizes[] = {1, 1, 2, 2, 4, 4, 8, 8, 2, 4, 8};

typedef struct Arg {
  ElemType type;
  int is_buffer;
  size_t count;
  unsigned char scalar[8];
  unsigned char *host;
  cw_buffer *buf;
  void *dptr;
} Arg;

static int parse_type(const char *s, size_t n, ElemType *t) {
  for (int i = 0; i <= T_F64; i++)
    if (strlen(type_names[i]) == n && !strncmp(s, type_names[i], n)) {
      *t = (ElemType)i;
      return 1;
    }
  return 0;
}

static uint16_t f32_to_f16(float f) {
  uint32_t u;
  memcpy(&u, &f, 4);
  uint32_t s = (u >> 16) & 0x8000u, a = u & 0x7fffffffu;
  if (a >= 0x7f800000u) return (uint16_t)(a > 0x7f800000u ? 0x7fffu : s | 0x7c00u); /* NaN: CUDA's canonical 0x7fff */
  if (a >= 0x477ff000u) return (uint16_t)(s | 0x7c00u);
  if (a < 0x38800000u) {
    if (a < 0x33000000u) return (uint16_t)s;
    uint32_t m = (a & 0x7fffffu) | 0x800000u, sh = 126u - (a >> 23);
    uint32_t r = m >> sh, rem = m & ((1u << sh) - 1u), half = 1u << (sh - 1);
    if (rem > half || (rem == half && (r & 1u))) r++;
    return (uint16_t)(s | r);
  }
  uint32_t r = (a - 0x38000000u) >> 13, rem = a & 0x1fffu;
  if (rem > 0x1000u || (rem == 0x1000u && (r & 1u))) r++;
  return (uint16_t)(s | r);
}

static float f16_to_f32(uint16_t h) {
  uint32_t s = (uint32_t)(h & 0x8000u) << 16, e = (h >> 10) & 0x1fu, m = h & 0x3ffu, u;
  if (e == 0x1f) u = s | 0x7f800000u | (m << 13);
  else if (e) u = s | ((e + 112u) << 23) | (m << 13);
  else if (!m) u = s;
  else {
    e = 113;
    while (!(m & 0x400u)) { m <<= 1; e--; }
    u = s | (e << 23) | ((m & 0x3ffu) << 13);
  }
  float f;
  memcpy(&f, &u, 4);
  return f;
}

/* Stores a value (given as double and as integer) in element i. */
static void store(unsigned char *p, ElemType t, size_t i, double d, long long v, int is_int) {
  unsigned char *e = p + i * (size_t)type_sizes[t];
  switch (t) {
  case T_I8: case T_U8: { int8_t x = (int8_t)(is_int ? v : (long long)d); memcpy(e, &x, 1); break; }
  case T_I16: case T_U16: { int16_t x = (int16_t)(is_int ? v : (long long)d); memcpy(e, &x, 2); break; }
  case T_I32: case T_U32: { int32_t x = (int32_t)(is_int ? v : (long long)d); memcpy(e, &x, 4); break; }
  case T_I64: case T_U64: { int64_t x = is_int ? v : (long long)d; memcpy(e, &x, 8); break; }
  case T_F16: { uint16_t x = f32_to_f16((float)(is_int ? (double)v : d)); memcpy(e, &x, 2); break; }
  case T_F32: { float x = (float)(is_int ? (double)v : d); memcpy(e, &x, 4); break; }
  case T_F64: { double x = is_int ? (double)v : d; memcpy(e, &x, 8); break; }
  }
}

static int is_float(ElemType t) { return t >= T_F16; }

static int fill_buffer(Arg *a, const char *init) {
  size_t n = a->count, es = (size_t)type_sizes[a->type];
  if (!strcmp(init, "zeros")) return 0;
  if (!strcmp(init, "iota")) {
    for (size_t i = 0; i < n; i++) store(a->host, a->type, i, (double)i, (long long)i, 1);
    return 0;
  }
  if (!strncmp(init, "iota:", 5)) { /* iota:START:STEP, START + i*STEP */
    char *end;
    double d0 = strtod(init + 5, &end);
    long long v0 = strtoll(init + 5, NULL, 0);
    if (*end != ':') return fprintf(stderr, "cuwasm launch: iota:START:STEP expected\n"), -1;
    double ds = strtod(end + 1, NULL);
    long long vs = strtoll(end + 1, NULL, 0);
    for (size_t i = 0; i < n; i++)
      store(a->host, a->type, i, d0 + (double)i * ds, v0 + (long long)i * vs, !is_float(a->type));
    return 0;
  }
  if (!strncmp(init, "rand:", 5)) {
    uint64_t s = strtoull(init + 5, NULL, 10) * 2654435761u + 1;
    for (size_t i = 0; i < n; i++) {
      s ^= s << 13; s ^= s >> 7; s ^= s << 17; /* xorshift64 */
      double u = (double)(s >> 11) / 9007199254740992.0; /* [0,1) */
      if (is_float(a->type)) store(a->host, a->type, i, u, 0, 0);
      else store(a->host, a->type, i, 0, (long long)(s % 100), 1);
    }
    return 0;
  }
  if (!strncmp(init, "fill:", 5)) {
    double d = strtod(init + 5, NULL);
    long long v = strtoll(init + 5, NULL, 0);
    for (size_t i = 0; i < n; i++) store(a->host, a->type, i, d, v, !is_float(a->type));
    return 0;
  }
  if (init[0] == '@') {
    FILE *f = fopen(init + 1, "rb");
    if (!f) {
      fprintf(stderr, "cuwasm launch: %s: %s\n", init + 1, strerror(errno));
      return -1;
    }
    size_t got = fread(a->host, 1, n * es, f);
    fclose(f);
    if (got != n * es) {
      fprintf(stderr, "cuwasm launch: %s holds %zu bytes, %zu needed\n", init + 1, got, n * es);
      return -1;
    }
    return 0;
  }
  fprintf(stderr, "cuwasm launch: unknown buffer initialiser '%s'\n", init);
  return -1;
}

static int parse_arg(const char *s, Arg *a) {
  memset(a, 0, sizeof *a);
  const char *colon = strchr(s, ':'), *br = strchr(s, '[');
  if (br && (!colon || br < colon)) {
    const char *close = strchr(br, ']');
    if (!parse_type(s, (size_t)(br - s), &a->type) || !close || close[1] != '=') goto bad;
    char *end;
    a->count = strtoull(br + 1, &end, 10);
    if (end != close || a->count == 0) goto bad;
    a->is_buffer = 1;
    a->host = calloc(a->count, (size_t)type_sizes[a->type]);
    if (!a->host) {
      fprintf(stderr, "cuwasm launch: cannot allocate %llu elements for '%s'\n",
              (unsigned long long)a->count, s);
      return -1;
    }
    return fill_buffer(a, close + 2);
  }
  if (!colon || !parse_type(s, (size_t)(colon - s), &a->type)) goto bad;
  if (a->type != T_I32 && a->type != T_U32 && a->type != T_I64 && a->type != T_U64 &&
      a->type != T_F32 && a->type != T_F64)
    goto bad;
  store(a->scalar, a->type, 0, strtod(colon + 1, NULL),
        a->type == T_U64 ? (long long)strtoull(colon + 1, NULL, 0) : strtoll(colon + 1, NULL, 0),
        !is_float(a->type));
  return 0;
bad:
  fprintf(stderr, "cuwasm launch: bad argument '%s'\n%s", s, usage);
  return -1;
}

static int parse_dims(const char *s, unsigned d[3]) {
  d[0] = d[1] = d[2] = 1;
  char *end;
  for (int i = 0; i < 3; i++) {
    unsigned long v = strtoul(s, &end, 10);
    if (end == s || v > 0xffffffffu) return -1;
    d[i] = (unsigned)v;
    if (*end == 0) return 0;
    if (*end != ',') return -1;
    s = end + 1;
  }
  return -1;
}

static void print_elem(const unsigned char *p, ElemType t, size_t i) {
  const unsigned char *e = p + i * (size_t)type_sizes[t];
  union { int8_t i8; uint8_t u8; int16_t i16; uint16_t u16; int32_t i32; uint32_t u32;
          int64_t i64; uint64_t u64; float f; double d; } v;
  memcpy(&v, e, (size_t)type_sizes[t]);
  switch (t) {
  case T_I8: printf("%d\n", v.i8); break;
  case T_U8: printf("%u\n", v.u8); break;
  case T_I16: printf("%d\n", v.i16); break;
  case T_U16: printf("%u\n", v.u16); break;
  case T_I32: printf("%d\n", v.i32); break;
  case T_U32: printf("%u\n", v.u32); break;
  case T_I64: printf("%lld\n", (long long)v.i64); break;
  case T_U64: printf("%llu\n", (unsigned long long)v.u64); break;
  case T_F16: printf("%.9g\n", f16_to_f32(v.u16)); break;
  case T_F32: printf("%.9g\n", v.f); break;
  case T_F64: printf("%.17g\n", v.d); break;
  }
}

typedef struct Opts {
  const char *file, *kernel, *backend, *outdir;
  unsigned grid[3], block[3];
  size_t shared;
  int have_grid, have_block;
  int print_k[32];
  long print_n[32];
  int nprint;
  const char *args[256];
  int nargs;
  CliCompileOpts copts;
} Opts;

static int parse_print(Opts *o, const char *s) {
  if (o->nprint >= 32) return -1;
  char *end;
  o->print_k[o->nprint] = (int)strtol(s, &end, 10);
  o->print_n[o->nprint] = -1;
  if (*end == ':') o->print_n[o->nprint] = strtol(end + 1, &end, 10);
  if (*end) return -1;
  o->nprint++;
  return 0;
}

static int parse_opts(int argc, char **argv, Opts *o) {
  memset(o, 0, sizeof *o);
  o->backend = "auto";
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int r = cli_parse_compile_opt(&o->copts, argc, argv, &i);
    if (r < 0) return -1;
    if (r > 0) continue;
    int has_val = i + 1 < argc;
    if (!strcmp(a, "--grid") && has_val) {
      if (parse_dims(argv[++i], o->grid)) goto bad;
      o->have_grid = 1;
    } else if (!strcmp(a, "--block") && has_val) {
      if (parse_dims(argv[++i], o->block)) goto bad;
      o->have_block = 1;
    } else if (!strcmp(a, "--shared") && has_val) {
      o->shared = strtoull(argv[++i], NULL, 10);
    } else if (!strcmp(a, "--backend") && has_val) {
      o->backend = argv[++i];
    } else if (!strcmp(a, "--out") && has_val) {
      o->outdir = argv[++i];
    } else if (!strcmp(a, "--print") && has_val) {
      if (parse_print(o, argv[++i])) goto bad;
    } else if (a[0] == '-' && a[1] == '-') {
      goto bad;
    } else if (!o->file) {
      o->file = a;
    } else if (!o->kernel) {
      o->kernel = a;
    } else if (o->nargs < 256) {
      o->args[o->nargs++] = a;
    } else {
      fprintf(stderr, "cuwasm launch: more than 256 kernel arguments (the limit)\n");
      return -1;
    }
    continue;
  bad:
    fprintf(stderr, "cuwasm launch: bad option '%s'\n%s", a, usage);
    return -1;
  }
  if (!o->file || !o->kernel || !o->have_grid || !o->have_block) {
    fprintf(stderr, "cuwasm launch: FILE, KERNEL, --grid and --block are required\n%s", usage);
    return -1;
  }
  return 0;
}

static int write_outputs(const Opts *o, Arg *args) {
  for (int i = 0; i < o->nargs; i++) {
    if (!args[i].is_buffer || !o->outdir) continue;
    char path[4096];
    snprintf(path, sizeof path, "%s/arg%d.bin", o->outdir, i);
    FILE *f = fopen(path, "wb");
    size_t n = args[i].count * (size_t)type_sizes[args[i].type];
    if (!f || fwrite(args[i].host, 1, n, f) != n) {
      fprintf(stderr, "cuwasm launch: cannot write %s\n", path);
      if (f) fclose(f);
      return 1;
    }
    fclose(f);
  }
  for (int p = 0; p < o->nprint; p++) {
    int k = o->print_k[p];
    if (k < 0 || k >= o->nargs || !args[k].is_buffer) {
      fprintf(stderr, "cuwasm launch: --print %d: argument %d is not a buffer\n", k, k);
      return 1;
    }
    size_t n = o->print_n[p] < 0 ? args[k].count : (size_t)o->print_n[p];
    if (n > args[k].count) n = args[k].count;
    for (size_t i = 0; i < n; i++) print_elem(args[k].host, args[k].type, i);
  }
  return 0;
}

static int run(const Opts *o, cw_context *ctx, cw_module *mod, Arg *args) {
  cw_kernel *k;
  if (cw_kernel_get(mod, o->kernel, &k) != CW_OK) {
    fprintf(stderr, "cuwasm launch: %s\n", cw_last_error_message(ctx));
    return 1;
  }
  if (cw_kernel_param_count(k) != o->nargs) {
    fprintf(stderr, "cuwasm launch: kernel '%s' takes %d arguments, %d given\n", o->kernel,
            cw_kernel_param_count(k), o->nargs);
    return 1;
  }
  void *argv[256];
  for (int i = 0; i < o->nargs; i++) {
    Arg *a = &args[i];
    if (a->is_buffer) {
      size_t n = a->count * (size_t)type_sizes[a->type];
      if (cw_buffer_alloc(ctx, n, &a->buf) != CW_OK ||
          cw_memcpy_htod(ctx, cw_buffer_ptr(a->buf), a->host, n) != CW_OK)
        goto fail;
      a->dptr = cw_buffer_ptr(a->buf);
      argv[i] = &a->dptr;
    } else {
      argv[i] = a->scalar;
    }
  }
  if (cw_launch(k, o->grid, o->block, o->shared, NULL, argv) != CW_OK ||
      cw_synchronize(ctx) != CW_OK)
    goto fail;
  for (int i = 0; i < o->nargs; i++)
    if (args[i].is_buffer &&
        cw_memcpy_dtoh(ctx, args[i].host, args[i].dptr,
                       args[i].count * (size_t)type_sizes[args[i].type]) != CW_OK)
      goto fail;
  return write_outputs(o, args);
fail:
  fprintf(stderr, "cuwasm launch: %s\n", cw_last_error_message(ctx));
  return 1;
}

int cmd_launch(int argc, char **argv) {
  int h = cli_wants_help(argc, argv);
  if (h == 1) { fputs(usage, stdout); return 0; }
  if (h == 2) { printf("cuwasm %s\n", cw_version()); return 0; }
  Opts o;
  if (parse_opts(argc, argv, &o)) return 2;
  Arg *args = calloc((size_t)o.nargs + 1, sizeof *args);
  if (!args) return 1;
  int rc = 1;
  cw_diags *d = cw_diags_new();
  cw_program *prog = NULL;
  cw_context *ctx = NULL;
  cw_module *mod = NULL;
  for (int i = 0; i < o.nargs; i++)
    if (parse_arg(o.args[i], &args[i])) goto done;
  cw_compile_options co;
  cli_fill_compile_options(&o.copts, &co);
  if (cw_compile_file(o.file, &co, d, &prog) != CW_OK) {
    cli_print_diags(d);
    goto done;
  }
  cli_print_diags(d);
  if (cw_context_new(o.backend, &ctx) != CW_OK) {
    fprintf(stderr, "cuwasm launch: %s\n", cw_last_error_message(NULL));
    goto done;
  }
  if (cw_module_load(ctx, prog, &mod) != CW_OK) {
    fprintf(stderr, "cuwasm launch: %s\n", cw_last_error_message(ctx));
    goto done;
  }
  rc = run(&o, ctx, mod, args);
done:
  for (int i = 0; i < o.nargs; i++) {
    if (args[i].buf) cw_buffer_free(args[i].buf);
    free(args[i].host);
  }
  free(args);
  cw_module_free(mod);
  cw_context_free(ctx);
  cw_program_free(prog);
  cw_diags_free(d);
  return rc;
}
