/*
 * cc_internal.h — what `cuwasm run` (run.c) shares with `cuwasm cc`
 * (cc.c): the parsed nvcc-style options, the build, and small process and
 * file helpers.
 */
#ifndef CUWASM_CC_INTERNAL_H
#define CUWASM_CC_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

typedef struct StrList {
  char **v; /* NULL-terminated */
  int n, cap;
} StrList;

/* Dependency output, as gcc's -M family. */
typedef enum CcDeps { CC_DEPS_NONE, CC_DEPS_ONLY, CC_DEPS_ONLY_USER, CC_DEPS_SIDE,
                      CC_DEPS_SIDE_USER } CcDeps;

typedef struct CcOpts {
  StrList inputs, inc, def, undef, libdirs, libs, xcomp, xlink;
  StrList args;                   /* argv, options files expanded: owns the strings below */
  const char *out, *std, *opt;
  const char *ccbin;              /* host compiler (nvcc -ccbin); NULL: g++/gcc */
  const char *host_cc;            /* C compiler for .c files when set (web: emcc) */
  const char *target;             /* --target: NULL/"native" or "web" (cc_web.c) */
  const char *web_threads;        /* --web-threads on|off (cc_web.c; NULL: by the output) */
  const char *dep_file, *dep_target; /* -MF, -MT */
  CcDeps deps;
  bool debug, compile_only, verbose, keep;
  bool preprocess_only;           /* -E */
  bool rdc;                       /* -rdc=true / -dc: relocatable device code */
  bool ilp32;                     /* device code for a 32-bit host (--target web) */
  bool unlinked;                  /* each file's device code on its own, -rdc or not (--target web) */
  bool forward_unknown;           /* unknown flags go to the host compiler */
  bool device_link;               /* -dlink: an empty object (nothing to link) */
  bool all_cu;                    /* -x cu: every source is CUDA */
  int arch;
  StrList sass;                   /* architectures to compile cubins for now: "90", "native" */
  StrList ptx;                    /* virtual architectures to embed PTX for: "80" */
  StrList arch_shorthand;         /* -arch values: nvcc's defaults when no -code is given */
  bool code_given;                /* -code: -arch then only names the virtual architecture */
} CcOpts;

void sl_add(StrList *l, const char *s);
void sl_free(StrList *l);

/* cc_device_link.c: host-side markers of relocatable device code. */
struct cw_program;
void cc_device_link_names(struct cw_program *p, StrList *defines, StrList *uses);
char *cc_device_link_markers(const StrList *defines, const StrList *uses);
/* argv[0] is the subcommand's name; 0 on success, 2 on bad usage. */
int cc_parse(CcOpts *o, int argc, char **argv);
void cc_free(CcOpts *o);
/* Builds o->out (or objects with -c); returns the exit code. */
int cc_build(const CcOpts *o);
/* One source file into an object, as cc_build does (cc_web.c reuses them
 * with emscripten's compilers). */
struct cw_program;
int cc_compile_cu(const CcOpts *o, const char *path, const char *tmp, int idx, const char *obj);
int cc_compile_plain(const CcOpts *o, const char *path, bool cxx, const char *obj);
int cc_device_compile(const CcOpts *o, const char *path, struct cw_program **p);
bool cc_is_cuda_input(const CcOpts *o, const char *ext);
/* Every input into an object in tmp (objects and archives as they are);
 * objs gets their paths, in the inputs' order. */
int cc_compile_all(const CcOpts *o, const char *tmp, StrList *objs);
const char *cc_ext_of(const char *path);
void cc_remove_tree(const char *dir);
/* cc_web.c: `--target web`; cc_web_parts lists the files of cuwasm a web
 * build embeds (for `cuwasm run`'s cache key) */
int cc_web_build(const CcOpts *o);
bool cc_is_web(const CcOpts *o);
/* cc_web_output.c: the ES module (emscripten's output at core_path, the n
 * kernel modules and their WGSL JSON) and the page holding it; malloc'd,
 * NULL on failure */
char *cc_web_module(const unsigned char *const *wasm, const size_t *wasm_len,
                    const char *const *wgsl, int n, const char *core_path);
char *cc_web_page(const char *module, const char *title);
void cc_web_parts(StrList *files);
/* Runs cmd (NULL-terminated argv) and returns its exit status. */
int cc_run(const CcOpts *o, StrList *cmd);
/* What the running cuwasm ships with (paths.c): installed or build tree. */
typedef enum CcPath { CC_PATH_CUDA_INCLUDE, CC_PATH_HOST_GLUE, CC_PATH_CUDART_DIR } CcPath;
void cc_path(CcPath which, char *out, size_t n); /* out: PATH_MAX bytes */
bool cc_is_runtime_lib(const char *name); /* -lcudart, -lcurand …: the runtime itself */
/* cc.c: the options a TU's executable compiles its device code with (the
 * embedded list), and the absolute path it is named by (PATH_MAX bytes) */
void cc_tu_options(const CcOpts *o, const char *path, StrList *opts, char *abs);
/* cc_aot.c: with architectures in o->sass / o->ptx and NVRTC on this
 * machine, the cubins and PTX of path's device code (src: its n bytes of
 * text, as read for the appendix), as the CUDA backend would compile them
 * at run time, merged into obj (the host object just compiled); 0 on
 * success (an image NVRTC cannot make is a warning: the backend compiles
 * at run time) */
int cc_aot_attach(const CcOpts *o, const char *path, const char *src, size_t n, const char *tmp,
                  int idx, const char *obj);


#endif
