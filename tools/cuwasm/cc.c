/*
 * cc.c — `cuwasm cc FILE.cu [more .cu/.c/.cpp/.o] -o EXE`: nvcc's job.
 *
 * Each .cu file takes two routes.  Device: the cuwasm front end checks it
 * now (errors stop the build, as with nvcc) and the executable embeds its
 * source and compile options; at run time the runtime compiles it for the
 * backend it picks (the CPU backend's JIT caches by content hash), so one
 * binary carries what every backend needs.  Host: g++ preprocesses it
 * with our CUDA headers (qualifiers kept as tokens), src/cc rewrites the
 * result (launch syntax, kernel stubs, symbol registrations), and g++
 * compiles that.  .c/.cpp files go to gcc/g++ with the CUDA headers on the
 * include path; everything links against libcuwasm.a.
 *
 * nvcc flags understood: -o -c -I -D -U -L -l -O* -g -G -lineinfo -std=
 * -Xcompiler -Xlinker -arch/-code/-gencode -x cu -w -v -keep -rdc=true -dc;
 * other nvcc flags are warned about and ignored.  With -rdc=true/-dc a
 * file's device code is relocatable (linked with the others' at run time)
 * and its host object carries link markers (cc_device_link.c).
 *
 * --target web builds the program for Node and browsers instead
 * (cc_web.c): the same host route with emscripten's compilers, the
 * kernels compiled now into WebAssembly.
 */
#include <errno.h>
#include <libgen.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "api/program.h"
#include "base/base.h"
#include "cc/cc.h"
#include "commands.h"
#include "cc_internal.h"

static const char *usage =
    "usage: cuwasm cc FILE.cu [FILE.cu|.c|.cpp|.o ...] [-o EXE] [-c] [nvcc flags]\n"
    "Builds an executable (or, with -c, objects) from CUDA sources, like nvcc.\n"
    "Flags: -I DIR -D X[=Y] -U X -L DIR -l LIB -O[0-3] -g -std=c++17 -Xcompiler A,B\n"
    "       -Xlinker A -arch=sm_XX -v (print commands) -keep (keep temporaries)\n"
    "       -rdc=true / -dc: device functions and variables of one file used from another\n"
    "       --target web -o APP.mjs|APP.html: the whole program for Node and browsers\n"
    "       (emscripten; kernels on WebGPU or WebAssembly, see README)\n"
    "       --web-threads on|off: WebAssembly kernels' blocks on Web Workers (default: on\n"
    "       for APP.mjs; a page needs cross-origin isolation, so off for APP.html)\n"
    "At run time CUWASM_BACKEND=cpu|cuda|vulkan|auto picks the backend.\n";

/* ---- string lists ----------------------------------------------------------- */

void sl_add(StrList *l, const char *s) {
  if (l->n + 2 > l->cap) {
    l->cap = l->cap ? l->cap * 2 : 16;
    l->v = realloc(l->v, sizeof *l->v * (size_t)l->cap);
    if (!l->v) { perror("cuwasm cc"); exit(1); }
  }
  l->v[l->n++] = strdup(s);
  l->v[l->n] = NULL;
}

static void sl_addf(StrList *l, const char *a, const char *b) {
  char buf[PATH_MAX + 64];
  snprintf(buf, sizeof buf, "%s%s", a, b);
  sl_add(l, buf);
}

void sl_free(StrList *l) {
  for (int i = 0; i < l->n; i++) free(l->v[i]);
  free(l->v);
  memset(l, 0, sizeof *l);
}

static void sl_extend(StrList *l, const StrList *m) {
  for (int i = 0; i < m->n; i++) sl_add(l, m->v[i]);
}

/* ---- options ------------------------------------------------------------------ */

static int value_of(int argc, char **argv, int *i, const char *flag, const char **out) {
  size_t n = strlen(flag);
  const char *a = argv[*i];
  if (strncmp(a, flag, n)) return 0;
  if (a[n] == '=') { *out = a + n + 1; return 1; }
  if (a[n]) {
    if (n > 2) return 0; /* long flags take '=' or a separate value */
    *out = a + n;
    return 1;
  }
  if (*i + 1 >= argc) {
    fprintf(stderr, "cuwasm cc: option '%s' needs a value\n", flag);
    return -1;
  }
  *out = argv[++*i];
  return 1;
}

static void split_commas_into(StrList *l, const char *v) {
  char *s = strdup(v), *save = NULL;
  for (char *p = strtok_r(s, ",", &save); p; p = strtok_r(NULL, ",", &save)) sl_add(l, p);
  free(s);
}

/* Each number after `prefix` in v ("sm_" in "code=[sm_80,sm_90]"), once, into l */
static void add_arch_numbers(StrList *l, const char *v, const char *prefix) {
  size_t plen = strlen(prefix);
  for (const char *p = strstr(v, prefix); p; p = strstr(p + plen, prefix)) {
    char n[16];
    size_t k = 0;
    for (const char *q = p + plen; *q >= '0' && *q <= '9' && k + 1 < sizeof n; q++) n[k++] = *q;
    n[k] = 0;
    bool seen = !k;
    for (int i = 0; i < l->n && !seen; i++) seen = !strcmp(l->v[i], n);
    if (!seen) sl_add(l, n);
  }
}

/* A code list, nvcc's -code or -gencode's code=: each sm_XX is a cubin,
 * each compute_XX PTX, "native" cubins for this machine's GPUs */
static void take_codes(CcOpts *o, const char *v) {
  if (!strcmp(v, "native")) sl_add(&o->sass, "native");
  const char *code = strstr(v, "code=");
  add_arch_numbers(&o->sass, code ? code : v, "sm_");
  add_arch_numbers(&o->ptx, code ? code : v, "compute_");
}

/* __CUDA_ARCH__ of the device pass from v's first sm_XX, else compute_XX */
static void set_device_arch(CcOpts *o, const char *v) {
  const char *p = strstr(v, "sm_");
  if (!p) p = strstr(v, "compute_");
  if (p) o->arch = atoi(strchr(p, '_') + 1) * 10;
}

/* -arch: the architecture sets __CUDA_ARCH__ for the device pass (the
 * last one given); without -code it is also nvcc's shorthand for what is
 * embedded (arch_defaults, applied once all flags are read) */
static void take_arch(CcOpts *o, const char *v) {
  set_device_arch(o, v);
  sl_add(&o->arch_shorthand, v);
}

/* -gencode arch=compute_XX,code=…: the architecture (as before: the first
 * sm_XX, else compute_XX), and the code list */
static void take_gencode(CcOpts *o, const char *v) {
  set_device_arch(o, v);
  take_codes(o, v);
}

/* nvcc's meaning of -arch without -code: sm_XX is
 * `-gencode arch=compute_XX,code=[sm_XX,compute_XX]` (a cubin and PTX),
 * compute_XX is PTX alone, native is cubins for this machine's GPUs (nvcc
 * makes no PTX for it), all (all-major) is cubins for every architecture
 * (every major one) the compiler knows and PTX for the newest of them
 * (cc_aot.c resolves the names) */
static void arch_defaults(CcOpts *o) {
  if (o->code_given) return;
  for (int i = 0; i < o->arch_shorthand.n; i++) {
    const char *v = o->arch_shorthand.v[i];
    if (!strcmp(v, "native")) sl_add(&o->sass, "native");
    if (!strcmp(v, "all") || !strcmp(v, "all-major")) sl_add(&o->sass, v), sl_add(&o->ptx, v);
    add_arch_numbers(&o->sass, v, "sm_");
    add_arch_numbers(&o->ptx, v, "sm_");
    add_arch_numbers(&o->ptx, v, "compute_");
  }
}

static const char *const ignored_flags[] = {
    "--expt-relaxed-constexpr", "--expt-extended-lambda", "--extended-lambda",
    "-rdc=false", "--relocatable-device-code=false", "--use_fast_math", "-use_fast_math", "-m64", "-lineinfo", "-G",
    "-Wno-deprecated-gpu-targets", "-Wno-deprecated-declarations", "--ptxas-options=-v",
    "-cudart=static", "-cudart=shared", "--cudart=static", "--cudart=shared", NULL};

static int parse_valued(CcOpts *o, int argc, char **argv, int *i) {
  const char *v;
  int r;
#define TAKE(flag, action) \
  if ((r = value_of(argc, argv, i, flag, &v))) { if (r < 0) return -1; action; return 1; }
  TAKE("-o", o->out = v)
  TAKE("-I", sl_add(&o->inc, v))
  TAKE("-D", sl_add(&o->def, v))
  TAKE("-U", sl_add(&o->undef, v))
  TAKE("-L", sl_add(&o->libdirs, v))
  TAKE("-l", sl_add(&o->libs, v))
  TAKE("-std", o->std = v)
  TAKE("--std", o->std = v)
  TAKE("-Xcompiler", split_commas_into(&o->xcomp, v))
  TAKE("--compiler-options", split_commas_into(&o->xcomp, v))
  TAKE("-Xlinker", split_commas_into(&o->xlink, v))
  TAKE("--linker-options", split_commas_into(&o->xlink, v))
  TAKE("-arch", take_arch(o, v))
  TAKE("--gpu-architecture", take_arch(o, v))
  TAKE("-gencode", take_gencode(o, v))
  TAKE("--generate-code", take_gencode(o, v))
  TAKE("-code", (take_codes(o, v), o->code_given = true))
  TAKE("--gpu-code", (take_codes(o, v), o->code_given = true))
  TAKE("-x", o->all_cu = !strcmp(v, "cu"))
  TAKE("-ccbin", o->ccbin = v)
  TAKE("--compiler-bindir", o->ccbin = v)
  TAKE("-MF", o->dep_file = v)
  TAKE("-MT", o->dep_target = v)
  TAKE("-MQ", o->dep_target = v)
  TAKE("-maxrregcount", (void)v)
  TAKE("--target", o->target = v)
  TAKE("--web-threads", o->web_threads = v)
#undef TAKE
  return 0;
}

static int parse_flag(CcOpts *o, int argc, char **argv, int *i) {
  const char *a = argv[*i];
  int r = parse_valued(o, argc, argv, i);
  if (r) return r;
  if (!strncmp(a, "-O", 2)) o->opt = a;
  else if (!strcmp(a, "-g")) o->debug = true;
  else if (!strcmp(a, "-c") || !strcmp(a, "--compile")) o->compile_only = true;
  else if (!strcmp(a, "-dc") || !strcmp(a, "--device-c")) o->compile_only = o->rdc = true;
  else if (!strcmp(a, "-rdc=true") || !strcmp(a, "--relocatable-device-code=true")) o->rdc = true;
  else if (!strcmp(a, "-E") || !strcmp(a, "--preprocess")) o->preprocess_only = true;
  else if (!strcmp(a, "-dlink") || !strcmp(a, "--device-link")) o->device_link = true;
  else if (!strcmp(a, "-shared") || !strcmp(a, "--shared")) sl_add(&o->xcomp, "-shared");
  else if (!strcmp(a, "-M") || !strcmp(a, "--generate-dependencies")) o->deps = CC_DEPS_ONLY;
  else if (!strcmp(a, "-MM")) o->deps = CC_DEPS_ONLY_USER;
  else if (!strcmp(a, "-MD") || !strcmp(a, "--generate-dependencies-with-compile"))
    o->deps = CC_DEPS_SIDE;
  else if (!strcmp(a, "-MMD")) o->deps = CC_DEPS_SIDE_USER;
  else if (!strcmp(a, "-MP")) sl_add(&o->xcomp, "-MP");
  else if (!strcmp(a, "-v") || !strcmp(a, "--verbose")) o->verbose = true;
  else if (!strcmp(a, "-keep") || !strcmp(a, "--keep")) o->keep = true;
  else if (!strcmp(a, "-w")) sl_add(&o->xcomp, "-w");
  else if (!strcmp(a, "-fopenmp")) sl_add(&o->xcomp, a); /* common enough to accept */
  else if (!strcmp(a, "-forward-unknown-to-host-compiler") ||
           !strcmp(a, "--forward-unknown-to-host-compiler"))
    o->forward_unknown = true;
  else {
    bool known = false;
    for (int k = 0; ignored_flags[k]; k++) known |= !strcmp(a, ignored_flags[k]);
    if (!known && o->forward_unknown) sl_add(&o->xcomp, a);
    else if (!known) fprintf(stderr, "cuwasm cc: warning: ignoring unknown nvcc option '%s'\n", a);
  }
  return 1;
}

/* Splits an options file (nvcc --options-file, CMake's response files)
 * into arguments: blanks separate, double quotes group, backslash escapes. */
static void add_file_args(StrList *args, const char *path) {
  size_t n;
  char *text = cw_read_file(path, &n);
  if (!text) {
    fprintf(stderr, "cuwasm cc: cannot read options file '%s'\n", path);
    sl_add(args, "--cuwasm-unreadable-options-file");
    return;
  }
  char *tok = malloc(n + 1);
  size_t k = 0;
  bool quoted = false, any = false;
  for (size_t i = 0; tok && i <= n; i++) {
    char c = text[i];
    if (c == '\\' && i + 1 < n) { tok[k++] = text[++i]; any = true; continue; }
    if (c == '"') { quoted = !quoted; any = true; continue; }
    if (c && (quoted || (c != ' ' && c != '\t' && c != '\n' && c != '\r'))) {
      tok[k++] = c;
      any = true;
      continue;
    }
    if (any) {
      tok[k] = 0;
      sl_add(args, tok);
    }
    k = 0;
    any = false;
  }
  free(tok);
  free(text);
}

/* argv with every --options-file/-optf FILE replaced by the file's words. */
static void expand_args(StrList *args, int argc, char **argv) {
  for (int i = 0; i < argc; i++) {
    const char *a = argv[i];
    if ((!strcmp(a, "--options-file") || !strcmp(a, "-optf")) && i + 1 < argc)
      add_file_args(args, argv[++i]);
    else if (!strncmp(a, "--options-file=", 15))
      add_file_args(args, a + 15);
    else
      sl_add(args, a);
  }
}

int cc_parse(CcOpts *o, int argc_in, char **argv_in) {
  memset(o, 0, sizeof *o);
  o->std = "c++17";
  expand_args(&o->args, argc_in, argv_in);
  int argc = o->args.n;
  char **argv = o->args.v;
  for (int i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "--cuwasm-unreadable-options-file")) return 2;
    if (argv[i][0] == '-' && argv[i][1]) {
      if (parse_flag(o, argc, argv, &i) < 0) return 2;
      continue;
    }
    sl_add(&o->inputs, argv[i]);
  }
  arch_defaults(o);
  if (o->inputs.n == 0) {
    fprintf(stderr, "cuwasm cc: no input files\n%s", usage);
    return 2;
  }
  if ((o->compile_only || o->preprocess_only) && o->out && o->inputs.n > 1) {
    fprintf(stderr, "cuwasm cc: -c with -o takes one input file\n");
    return 2;
  }
  return 0;
}

void cc_free(CcOpts *o) {
  sl_free(&o->inputs), sl_free(&o->inc), sl_free(&o->def), sl_free(&o->undef);
  sl_free(&o->libdirs), sl_free(&o->libs), sl_free(&o->xcomp), sl_free(&o->xlink);
  sl_free(&o->args), sl_free(&o->sass);
  sl_free(&o->ptx), sl_free(&o->arch_shorthand);
}

/* ---- processes and files ------------------------------------------------------- */

static int run_to(const CcOpts *o, StrList *cmd, const char *err_path);

int cc_run(const CcOpts *o, StrList *cmd) { return run_to(o, cmd, NULL); }

/* Runs cmd; with err_path, its stderr goes to that file. */
static int run_to(const CcOpts *o, StrList *cmd, const char *err_path) {
  if (o->verbose) { /* nvcc -v's shape, which CMake parses */
    fputs("#$ ", stderr);
    for (int i = 0; i < cmd->n; i++) fprintf(stderr, "%s%s", i ? " " : "", cmd->v[i]);
    fputc('\n', stderr);
  }
  fflush(NULL);
  pid_t pid = fork();
  if (pid < 0) return -1;
  if (pid == 0) {
    if (err_path) {
      FILE *f = freopen(err_path, "w", stderr);
      if (!f) _exit(127);
    }
    execvp(cmd->v[0], cmd->v);
    fprintf(stderr, "cuwasm cc: cannot run %s: %s\n", cmd->v[0], strerror(errno));
    _exit(127);
  }
  int st;
  while (waitpid(pid, &st, 0) < 0)
    if (errno != EINTR) return -1;
  return WIFEXITED(st) ? WEXITSTATUS(st) : 128;
}

static bool write_file(const char *path, const char *data, size_t n) {
  FILE *f = fopen(path, "wb");
  if (!f) return false;
  bool ok = fwrite(data, 1, n, f) == n;
  return fclose(f) == 0 && ok;
}

/* ---- one .cu file ------------------------------------------------------------------ */

/* Compiles FILE's device code with the build's options (diagnostics
 * printed); *p gets the program, which the caller frees. */
int cc_device_compile(const CcOpts *o, const char *path, cw_program **p) {
  const char *inc[128], *def[128], *und[128];
  char cuda_inc[PATH_MAX];
  cc_path(CC_PATH_CUDA_INCLUDE, cuda_inc, sizeof cuda_inc);
  cw_compile_options co = {inc, 0, def, 0, und, 0, o->arch, cuda_inc, o->rdc && !o->unlinked, o->ilp32,
                           o->unlinked};
  for (int i = 0; i < o->inc.n && i < 128; i++) inc[co.n_include_dirs++] = o->inc.v[i];
  for (int i = 0; i < o->def.n && i < 128; i++) def[co.n_defines++] = o->def.v[i];
  for (int i = 0; i < o->undef.n && i < 128; i++) und[co.n_undefs++] = o->undef.v[i];
  if (o->verbose) /* the device pass, in nvcc -v's words (CMake reads the arch) */
    fprintf(stderr, "#$ cuwasm-device-check -arch compute_%d %s\n", (o->arch ? o->arch : 800) / 10,
            path);
  cw_diags *d = cw_diags_new();
  *p = NULL;
  cw_status st = cw_compile_file(path, &co, d, p);
  cli_print_diags(d);
  cw_diags_free(d);
  if (st == CW_OK) return 0;
  cw_program_free(*p);
  *p = NULL;
  return 1;
}

/* The device pass of path (its diagnostics printed); *markers: -rdc link
 * markers of what it defines and uses (cc_device_link.c), or NULL;
 * *captures: what its extended lambdas capture. */
static int device_check(const CcOpts *o, const char *path, char **markers, char **captures) {
  cw_program *p = NULL;
  *markers = NULL;
  *captures = NULL;
  if (cc_device_compile(o, path, &p)) return 1;
  cw_status st = CW_OK;
  if (cw_program_host_lambda_captures(p, captures) != CW_OK) st = CW_ERR_NOMEM;
  if (st == CW_OK && o->rdc) {
    StrList defines = {0}, uses = {0};
    cc_device_link_names(p, &defines, &uses);
    *markers = cc_device_link_markers(&defines, &uses);
    sl_free(&defines);
    sl_free(&uses);
    if (!*markers) st = CW_ERR_NOMEM;
  }
  cw_program_free(p);
  return st == CW_OK ? 0 : 1;
}

static void host_flags(const CcOpts *o, StrList *cmd) {
  sl_addf(cmd, "-std=", o->std);
  if (o->opt) sl_add(cmd, o->opt);
  else sl_add(cmd, "-O2");
  if (o->debug) sl_add(cmd, "-g");
  sl_extend(cmd, &o->xcomp);
}

/* Thrust's device system, unless the user picked one: Thrust's CUDA
 * system needs nvcc's device compiler, so device_vector and the algorithms
 * run on the host, through OpenMP when the host code is built with
 * -fopenmp (-Xcompiler -fopenmp), else serially (Thrust's C++ system). */
static void thrust_system(const CcOpts *o, StrList *cmd) {
  for (int i = 0; i < o->def.n; i++)
    if (!strncmp(o->def.v[i], "THRUST_DEVICE_SYSTEM", 20) &&
        (o->def.v[i][20] == '=' || !o->def.v[i][20]))
      return;
  bool omp = false;
  for (int i = 0; i < o->xcomp.n; i++) omp |= !strcmp(o->xcomp.v[i], "-fopenmp");
  sl_add(cmd, omp ? "-DTHRUST_DEVICE_SYSTEM=THRUST_DEVICE_SYSTEM_OMP"
                  : "-DTHRUST_DEVICE_SYSTEM=THRUST_DEVICE_SYSTEM_CPP");
}

/* __CUDACC__ marks CUDA sources only: nvcc hands .c/.cpp files to the
 * host compiler without it, and headers test it to hide __host__ */
static void pp_flags(const CcOpts *o, StrList *cmd, bool cuda) {
  sl_add(cmd, "-D__CUWASM__");
  if (cuda) { /* as the device pass defines them (src/front/pp.c) */
    sl_add(cmd, "-D__CUDACC__");
    sl_add(cmd, "-D__CUDACC_VER_MAJOR__=13");
    sl_add(cmd, "-D__CUDACC_VER_MINOR__=0");
    sl_add(cmd, "-D__CUDACC_VER_BUILD__=0");
  }
  sl_add(cmd, "-D__NVCC__");
  char cuda_inc[PATH_MAX];
  cc_path(CC_PATH_CUDA_INCLUDE, cuda_inc, sizeof cuda_inc);
  sl_addf(cmd, "-I", cuda_inc);
  for (int i = 0; i < o->inc.n; i++) sl_addf(cmd, "-I", o->inc.v[i]);
  thrust_system(o, cmd);
  for (int i = 0; i < o->def.n; i++) sl_addf(cmd, "-D", o->def.v[i]);
  for (int i = 0; i < o->undef.n; i++) sl_addf(cmd, "-U", o->undef.v[i]);
}

static const char *host_cxx(const CcOpts *o) { return o->ccbin ? o->ccbin : "g++"; }

/* -MD/-MMD beside a compile: the dependency file of obj (gcc's naming). */
static void side_deps(const CcOpts *o, const char *obj, StrList *cmd) {
  if (o->deps != CC_DEPS_SIDE && o->deps != CC_DEPS_SIDE_USER) return;
  sl_add(cmd, o->deps == CC_DEPS_SIDE ? "-MD" : "-MMD");
  char d[PATH_MAX];
  if (o->dep_file) snprintf(d, sizeof d, "%s", o->dep_file);
  else {
    snprintf(d, sizeof d, "%s", obj);
    char *dot = strrchr(d, '.'), *slash = strrchr(d, '/');
    if (dot && (!slash || dot > slash)) *dot = 0;
    strncat(d, ".d", sizeof d - strlen(d) - 1);
  }
  sl_add(cmd, "-MF");
  sl_add(cmd, d);
  sl_add(cmd, "-MT");
  sl_add(cmd, o->dep_target ? o->dep_target : obj);
}

/* The start of every host preprocessor command: the host compiler in
 * MODE (-E, -M or -MM), CUDA sources as C++, the language standard, the
 * -Xcompiler options and the preprocessor flags. */
static void host_pp_cmd(const CcOpts *o, const char *mode, bool cuda, StrList *cmd) {
  sl_add(cmd, host_cxx(o));
  sl_add(cmd, mode);
  if (cuda) {
    sl_add(cmd, "-x");
    sl_add(cmd, "c++");
  }
  sl_addf(cmd, "-std=", o->std);
  sl_extend(cmd, &o->xcomp);
  pp_flags(o, cmd, cuda);
}

/* -E and -M/-MM: the host compiler's preprocessor over the file as nvcc
 * sees it for the host (cuda_runtime.h included first). */
static int preprocess_only(const CcOpts *o, const char *path, bool cuda) {
  StrList cmd = {0};
  const char *mode = o->deps == CC_DEPS_ONLY        ? "-M"
                     : o->deps == CC_DEPS_ONLY_USER ? "-MM"
                                                    : "-E";
  host_pp_cmd(o, mode, cuda, &cmd);
  if (cuda) {
    sl_add(&cmd, "-include");
    sl_add(&cmd, "cuda_runtime.h");
  }
  if (o->dep_file) {
    sl_add(&cmd, "-MF");
    sl_add(&cmd, o->dep_file);
  }
  if (o->dep_target) {
    sl_add(&cmd, "-MT");
    sl_add(&cmd, o->dep_target);
  }
  sl_add(&cmd, path);
  if (o->out) {
    sl_add(&cmd, "-o");
    sl_add(&cmd, o->out);
  }
  int rc = cc_run(o, &cmd);
  sl_free(&cmd);
  return rc ? 1 : 0;
}

void cc_tu_options(const CcOpts *o, const char *path, StrList *opts, char *abs) {
  char dir[PATH_MAX];
  if (!realpath(path, abs)) snprintf(abs, PATH_MAX, "%s", path);
  snprintf(dir, sizeof dir, "%s", abs);
  snprintf(dir, sizeof dir, "%s", dirname(dir));
  sl_addf(opts, "-I", dir);
  for (int i = 0; i < o->inc.n; i++) {
    char a[PATH_MAX];
    sl_addf(opts, "-I", realpath(o->inc.v[i], a) ? a : o->inc.v[i]);
  }
  for (int i = 0; i < o->def.n; i++) sl_addf(opts, "-D", o->def.v[i]);
  for (int i = 0; i < o->undef.n; i++) sl_addf(opts, "-U", o->undef.v[i]);
  char arch[32], cuda_inc[PATH_MAX];
  snprintf(arch, sizeof arch, "--arch=%d", o->arch ? o->arch : 800);
  sl_add(opts, arch);
  cc_path(CC_PATH_CUDA_INCLUDE, cuda_inc, sizeof cuda_inc);
  sl_addf(opts, "--cuda-include=", cuda_inc);
  if (o->rdc) sl_add(opts, "--relocatable"); /* linked with the other -rdc TUs at load */
}

/* The embedded device source, its options, and __cuwasm_tu_id. */
static char *tu_appendix(const CcOpts *o, const char *path, const char *src, size_t n,
                         const char *markers) {
  char abs[PATH_MAX];
  StrList opts = {0};
  cc_tu_options(o, path, &opts, abs);
  char *buf = strdup("\nstatic const char __cuwasm_src[] = ");
  size_t len = strlen(buf);
  cw_cc_string_literal(&buf, &len, src, n);
  StrList parts = {0};
  sl_add(&parts, buf);
  sl_add(&parts, ";\nstatic const char *const __cuwasm_opts[] = {");
  for (int i = 0; i < opts.n; i++) {
    char *lit = NULL;
    size_t ll = 0;
    cw_cc_string_literal(&lit, &ll, opts.v[i], strlen(opts.v[i]));
    sl_add(&parts, lit);
    sl_add(&parts, ", ");
    free(lit);
  }
  char *name = NULL;
  size_t nl = 0;
  cw_cc_string_literal(&name, &nl, abs, strlen(abs));
  char tail[PATH_MAX * 2 + 512];
  snprintf(tail, sizeof tail,
           "0};\nstatic int __cuwasm_tu_id(void) {\n  static int id = ::__cuwasm_register_tu(%s, "
           "__cuwasm_src, sizeof __cuwasm_src - 1, __cuwasm_opts, %d);\n  return id;\n}\n"
           "static int __cuwasm_tu_reg = __cuwasm_tu_id();\n",
           name, opts.n);
  sl_add(&parts, tail);
  if (markers) sl_add(&parts, markers);
  free(name);
  free(buf);
  size_t total = 1;
  for (int i = 0; i < parts.n; i++) total += strlen(parts.v[i]);
  char *out = malloc(total);
  if (out) {
    out[0] = 0;
    for (int i = 0; i < parts.n; i++) strcat(out, parts.v[i]);
  }
  sl_free(&parts);
  sl_free(&opts);
  return out;
}

/* The rewritten host code with its appendix into out_ii; *src_out, *sn_out:
 * the .cu file's text as read for the appendix (malloc'd, for cc_aot) */
static int rewrite_file(const CcOpts *o, const char *path, const char *ii, const char *out_ii,
                        const char *markers, const char *captures, char **src_out,
                        size_t *sn_out) {
  size_t n, sn;
  char *text = cw_read_file(ii, &n), *src = cw_read_file(path, &sn);
  if (!text || !src) {
    fprintf(stderr, "cuwasm cc: cannot read %s\n", text ? path : ii);
    free(text), free(src);
    return 1;
  }
  char err[512];
  char *rw = cw_cc_rewrite(text, n, captures, err, sizeof err);
  char *app = rw ? tu_appendix(o, path, src, sn, markers) : NULL;
  int rc = 0;
  if (!rw) {
    fprintf(stderr, "cuwasm cc: %s (preprocessed host code %s): %s\n", path, ii, err);
    rc = 1;
  } else if (!app || !write_file(out_ii, rw, strlen(rw))) {
    rc = 1;
  }
  if (rc == 0) {
    FILE *f = fopen(out_ii, "ab");
    rc = !f || fputs(app, f) < 0;
    if (f) fclose(f);
  }
  if (rc == 0) *src_out = src, *sn_out = sn, src = NULL;
  free(text), free(src), free(rw), free(app);
  return rc;
}

int cc_compile_cu(const CcOpts *o, const char *path, const char *tmp, int idx,
                  const char *obj) {
  char *markers = NULL, *captures = NULL;
  if (device_check(o, path, &markers, &captures)) return 1;
  char ii[PATH_MAX], rw[PATH_MAX];
  snprintf(ii, sizeof ii, "%s/%d.host.ii", tmp, idx);
  snprintf(rw, sizeof rw, "%s/%d.cuwasm.ii", tmp, idx);
  StrList cmd = {0};
  host_pp_cmd(o, "-E", true, &cmd);
  side_deps(o, obj, &cmd);
  sl_add(&cmd, "-D__CUWASM_REWRITE");
  char glue[PATH_MAX];
  cc_path(CC_PATH_HOST_GLUE, glue, sizeof glue);
  sl_add(&cmd, "-include");
  sl_add(&cmd, glue);
  sl_add(&cmd, path);
  sl_add(&cmd, "-o");
  sl_add(&cmd, ii);
  int rc = cc_run(o, &cmd);
  sl_free(&cmd);
  char *src = NULL;
  size_t sn = 0;
  if (rc == 0) rc = rewrite_file(o, path, ii, rw, markers, captures, &src, &sn);
  free(markers);
  free(captures);
  if (rc) return 1;
  sl_add(&cmd, host_cxx(o));
  sl_add(&cmd, "-c");
  sl_add(&cmd, "-x");
  sl_add(&cmd, "c++-cpp-output");
  host_flags(o, &cmd);
  sl_add(&cmd, rw);
  sl_add(&cmd, "-o");
  sl_add(&cmd, obj);
  rc = cc_run(o, &cmd);
  sl_free(&cmd);
  if (rc == 0) rc = cc_aot_attach(o, path, src, sn, tmp, idx, obj);
  free(src);
  return rc ? 1 : 0;
}

int cc_compile_plain(const CcOpts *o, const char *path, bool cxx, const char *obj) {
  StrList cmd = {0};
  sl_add(&cmd, cxx ? host_cxx(o) : o->host_cc ? o->host_cc : o->ccbin ? o->ccbin : "gcc");
  sl_add(&cmd, "-c");
  if (!cxx && o->ccbin && !o->host_cc) {
    sl_add(&cmd, "-x");
    sl_add(&cmd, "c");
  }
  side_deps(o, obj, &cmd);
  if (cxx) host_flags(o, &cmd);
  else {
    sl_add(&cmd, o->opt ? o->opt : "-O2");
    if (o->debug) sl_add(&cmd, "-g");
    sl_extend(&cmd, &o->xcomp);
  }
  pp_flags(o, &cmd, false);
  sl_add(&cmd, path);
  sl_add(&cmd, "-o");
  sl_add(&cmd, obj);
  int rc = cc_run(o, &cmd);
  sl_free(&cmd);
  return rc ? 1 : 0;
}

/* ---- the build -------------------------------------------------------------------- */

const char *cc_ext_of(const char *p) {
  const char *d = strrchr(p, '.');
  return d && !strchr(d, '/') ? d : "";
}

static void object_name(const CcOpts *o, const char *in, const char *tmp, int i, char *out,
                        size_t n) {
  if (!o->compile_only) {
    snprintf(out, n, "%s/%d.o", tmp, i);
    return;
  }
  if (o->out) {
    snprintf(out, n, "%s", o->out);
    return;
  }
  char b[PATH_MAX];
  snprintf(b, sizeof b, "%s", in);
  char *base = basename(b), *dot = strrchr(base, '.');
  if (dot) *dot = 0;
  snprintf(out, n, "%s.o", base);
}

/* The host linker's messages, passed on; an undefined marker of
 * relocatable device code (cc_device_link.c) gets a word of explanation. */
static void replay_link_errors(const char *path) {
  size_t n;
  char *text = cw_read_file(path, &n);
  if (!text) return;
  fwrite(text, 1, n, stderr);
  StrList said = {0};
  for (const char *m = text; (m = strstr(m, "cuwasm_device_symbol::"));) {
    m += strlen("cuwasm_device_symbol::");
    int len = 0;
    while (m[len] && m[len] != '\'' && m[len] != '\n' && m[len] != '"' && len < 200) len++;
    char name[256];
    snprintf(name, sizeof name, "%.*s", len, m);
    bool again = false;
    for (int i = 0; i < said.n; i++) again |= !strcmp(said.v[i], name);
    if (again) continue;
    sl_add(&said, name);
    fprintf(stderr, "cuwasm cc: error: device function or variable '%s' is used (extern "
            "__device__) but no file compiled with -rdc=true or -dc defines it\n", name);
  }
  sl_free(&said);
  free(text);
}

static int link_all(const CcOpts *o, const StrList *objs, const char *tmp) {
  char dir[PATH_MAX];
  cc_path(CC_PATH_CUDART_DIR, dir, sizeof dir);
  StrList cmd = {0};
  sl_add(&cmd, host_cxx(o));
  sl_add(&cmd, "-o");
  sl_add(&cmd, o->out ? o->out : "a.out");
  sl_extend(&cmd, objs);
  sl_extend(&cmd, &o->xcomp);
  /* libcudart_static.a is libcuwasm.a under CUDA's name (paths.c); build
   * tools read the name and the LIBRARIES folder of -v from this line.
   * Its folder comes before the user's -L folders, so that a -L to a real
   * toolkit's lib64 (as Makefiles pass with -lcurand) cannot put NVIDIA's
   * libcudart_static.a in place of ours. */
  sl_addf(&cmd, "-L", dir);
  for (int i = 0; i < o->libdirs.n; i++) sl_addf(&cmd, "-L", o->libdirs.v[i]);
  for (int i = 0; i < o->xlink.n; i++) sl_addf(&cmd, "-Wl,", o->xlink.v[i]);
  sl_add(&cmd, "-lcudart_static");
  for (int i = 0; i < o->libs.n; i++)
    if (!cc_is_runtime_lib(o->libs.v[i])) sl_addf(&cmd, "-l", o->libs.v[i]);
  sl_add(&cmd, "-lpthread");
  sl_add(&cmd, "-ldl");
  sl_add(&cmd, "-lm");
#ifdef CUWASM_SANITIZED
  /* a sanitizer build of libcuwasm needs the sanitizer runtimes */
  sl_add(&cmd, "-fsanitize=address,undefined");
#endif
  char errs[PATH_MAX];
  snprintf(errs, sizeof errs, "%s/link.err", tmp);
  int rc = run_to(o, &cmd, errs);
  replay_link_errors(errs);
  sl_free(&cmd);
  return rc ? 1 : 0;
}

void cc_remove_tree(const char *tmp) {
  StrList cmd = {0};
  sl_add(&cmd, "rm");
  sl_add(&cmd, "-rf");
  sl_add(&cmd, tmp);
  CcOpts quiet = {0};
  cc_run(&quiet, &cmd);
  sl_free(&cmd);
}

bool cc_is_cuda_input(const CcOpts *o, const char *e) {
  return !strcmp(e, ".cu") || (o->all_cu && (!strcmp(e, ".cpp") || !strcmp(e, ".cc") ||
                                               !strcmp(e, ".cxx") || !strcmp(e, ".c")));
}

/* nvcc -v starts with its environment; build tools (CMake) read the
 * toolkit root, the include path and the libraries a link adds. */
static void verbose_environment(const CcOpts *o) {
  char inc[PATH_MAX], lib[PATH_MAX], top[PATH_MAX + 8];
  cc_path(CC_PATH_CUDA_INCLUDE, inc, sizeof inc);
  cc_path(CC_PATH_CUDART_DIR, lib, sizeof lib);
  snprintf(top, sizeof top, "%s/..", lib);
  const char *path = getenv("PATH");
  fprintf(stderr, "#$ _CUWASM_=%s\n#$ TOP=%s\n#$ PATH=%s\n#$ INCLUDES=\"-I%s\"\n"
          "#$ LIBRARIES=-L%s\n", cw_version(), top, path ? path : "", inc, lib);
  (void)o;
}

/* nvcc -dlink: our objects carry their device code whole (no device
 * linking happens), so the device-link object is an empty one. */
static int device_link(const CcOpts *o, const char *tmp) {
  char src[PATH_MAX];
  snprintf(src, sizeof src, "%s/dlink.c", tmp);
  FILE *f = fopen(src, "w");
  if (!f) return 1;
  fputs("/* cuwasm: nothing to link on the device side */\n"
        "typedef int cuwasm_dlink_empty;\n", f);
  fclose(f);
  StrList cmd = {0};
  sl_add(&cmd, "gcc");
  sl_add(&cmd, "-c");
  sl_add(&cmd, "-fPIC");
  sl_add(&cmd, src);
  sl_add(&cmd, "-o");
  sl_add(&cmd, o->out ? o->out : "a_dlink.o");
  int rc = cc_run(o, &cmd);
  sl_free(&cmd);
  return rc ? 1 : 0;
}

int cc_compile_all(const CcOpts *o, const char *tmp, StrList *objs) {
  int rc = 0;
  for (int i = 0; i < o->inputs.n && rc == 0; i++) {
    const char *in = o->inputs.v[i], *e = cc_ext_of(in);
    char obj[PATH_MAX];
    object_name(o, in, tmp, i, obj, sizeof obj);
    if (cc_is_cuda_input(o, e)) rc = cc_compile_cu(o, in, tmp, i, obj);
    else if (!strcmp(e, ".c")) rc = cc_compile_plain(o, in, false, obj);
    else if (!strcmp(e, ".cpp") || !strcmp(e, ".cc") || !strcmp(e, ".cxx") || !strcmp(e, ".C"))
      rc = cc_compile_plain(o, in, true, obj);
    else snprintf(obj, sizeof obj, "%s", in); /* objects and archives: to the linker */
    sl_add(objs, obj);
  }
  return rc;
}

int cc_build(const CcOpts *o) {
  if (cc_is_web(o)) return cc_web_build(o);
  if (o->target && strcmp(o->target, "native")) {
    fprintf(stderr, "cuwasm cc: unknown --target '%s' (native or web)\n", o->target);
    return 2;
  }
  if (o->verbose) verbose_environment(o);
  if (o->preprocess_only || o->deps == CC_DEPS_ONLY || o->deps == CC_DEPS_ONLY_USER) {
    int rc = 0;
    for (int i = 0; i < o->inputs.n && rc == 0; i++)
      rc = preprocess_only(o, o->inputs.v[i], cc_is_cuda_input(o, cc_ext_of(o->inputs.v[i])));
    return rc;
  }
  char tmp[PATH_MAX];
  const char *td = getenv("TMPDIR");
  snprintf(tmp, sizeof tmp, "%s/cuwasm-cc-XXXXXX", td && *td ? td : "/tmp");
  if (!mkdtemp(tmp)) {
    perror("cuwasm cc: mkdtemp");
    return 1;
  }
  StrList objs = {0};
  int rc = 0;
  if (o->device_link) {
    rc = device_link(o, tmp);
    if (!o->keep) cc_remove_tree(tmp);
    return rc;
  }
  rc = cc_compile_all(o, tmp, &objs);
  if (rc == 0 && !o->compile_only) rc = link_all(o, &objs, tmp);
  if (o->keep) fprintf(stderr, "cuwasm cc: temporaries kept in %s\n", tmp);
  else cc_remove_tree(tmp);
  sl_free(&objs);
  return rc;
}

int cmd_cc(int argc, char **argv) {
  int h = cli_wants_help(argc, argv);
  if (h == 1) { fputs(usage, stdout); return 0; }
  if (h == 2) { printf("cuwasm %s\n", cw_version()); return 0; }
  CcOpts o;
  int rc = cc_parse(&o, argc, argv);
  if (rc == 0) rc = cc_build(&o);
  cc_free(&o);
  return rc;
}
