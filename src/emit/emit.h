/*
 * emit.h — the emitters' interface: KIR in, target source text out.
 *
 * Each emitter reads a finished KModule and returns a malloc'd,
 * NUL-terminated string (the caller frees it), or NULL with an error in the
 * diagnostics.  Emitters never modify the module.
 */
#ifndef CW_EMIT_H
#define CW_EMIT_H

#include "../kir/kir.h"

/* Self-contained C11 for the CPU backend: one function per kernel that runs
 * a whole thread block (see c_fission.c for how barriers and warp
 * operations are mapped), the module's globals and a kernel/symbol table
 * (see c_abi.h).  `source_name` goes into the header comment (may be
 * NULL). */
char *emit_c(const KModule *m, const char *source_name, CwDiags *d);
/* The same with every memory access and barrier reported to the runtime
 * (check mode, see c_check.c); with accesses false, only the barriers and
 * warp collectives (synccheck alone needs nothing else); with races, the
 * generated code keeps racecheck's records itself where it can. */
char *emit_c_checked(const KModule *m, const char *source_name, CwDiags *d, bool accesses,
                     bool races);

/* WGSL for WebGPU: one self-contained module per kernel, each preceded by
 * a `// ==== kernel NAME ====` line (wgsl.c).  A kernel the target cannot
 * express gets an error in `d` and a comment in place of its module; the
 * other kernels are still emitted. */
typedef struct WgslOptions {
  bool f64_as_f32;  /* lower double to f32, with a warning (else rejected) */
  bool subgroups;   /* warp functions through WGSL subgroups: for adapters
                       with the 'subgroups' feature and 32-wide subgroups */
  int max_storage;  /* storage buffers the adapter allows per shader stage:
                       a kernel needing more gets its buffer parameters
                       packed into one binding per element type (0: no limit) */
  bool host_globals; /* every global a kernel reads is a buffer, none a WGSL
                       const, and initial values are the runtime's: host
                       code may write them (whole programs for the web,
                       whose runtime uploads them from the heap) */
} WgslOptions;
/* Parses "opt,opt,…" (f64-as-f32, subgroups, max-storage=N, host-globals) into *o;
 * false for an unknown option. */
bool wgsl_parse_options(const char *text, WgslOptions *o);
char *emit_wgsl(const KModule *m, const char *source_name, const WgslOptions *o, CwDiags *d);
/* The same as JSON with each kernel's bindings (wgsl_meta.c), for the JS
 * runtime; rejected kernels carry their diagnostic. */
char *emit_wgsl_json(const KModule *m, const char *source_name, const WgslOptions *o, CwDiags *d);

/* A WebAssembly binary module for the WebAssembly CPU path (wasm.c): one
 * exported function per kernel runs a whole thread block; the layout and
 * calling convention are described there and in the module's "cuwasm"
 * custom section.  Kernels the target cannot express get an error in `d`
 * and are left out (listed with their diagnostic in that section).
 * Returns malloc'd bytes (*len), or NULL when out of memory. */
unsigned char *emit_wasm(const KModule *m, size_t *len, CwDiags *d);
/* The same with the module's globals from address data_base instead of
 * 1024: a whole program built for the web (`cuwasm cc --target web`) puts
 * each translation unit's globals in a region of its own below the host
 * program's data, in the one memory they share. */
unsigned char *emit_wasm_at(const KModule *m, int data_base, size_t *len, CwDiags *d);

/* GLSL 4.6 compute shaders for Vulkan (glsl*.c), one shader per kernel.
 * Kernel parameters live in a parameter block whose device address the
 * shader gets in its push constants: parameter i at glsl_param_offset(k, i)
 * (CUDA's own alignment), then the device address of every module global
 * that is not __shared__, 8 bytes each in m->globals order, from
 * glsl_globals_offset(k).  Push constants: { uint64_t params; uint base[3];
 * uint grid[3]; uint64_t scratch; uint64_t printf_buf; } (base: the first
 * block of a split grid; printf_buf: see GlslPrintf;
 * scratch: frame_bytes per thread of the dispatch, for locals whose
 * address is taken, thread t of the dispatch at scratch + t * frame_bytes
 * with t = linear workgroup index in the dispatch * block size + local
 * index).  Specialization
 * constants 0..2 are blockDim, 3 the dynamic shared memory in 32-bit
 * words. */
enum {
  GLSL_F_I64 = 1, GLSL_F_F64 = 2, GLSL_F_F16 = 4, GLSL_F_I8 = 8, GLSL_F_I16 = 16,
  GLSL_F_WARP = 32,      /* needs 32-wide subgroups */
  GLSL_F_ATOMIC64 = 64,  /* 64-bit atomics on global memory */
  GLSL_F_ATOMIC_FLOAT = 128, /* atomicAdd on float/double (GL_EXT_shader_atomic_float) */
};
/* One printf call site.  Its records in the printf buffer (header: uint32
 * used words, uint32 capacity in words; records from byte 8) are: uint32
 * site index, uint32 record words, then one 64-bit value per argument:
 * types[i] says how to read it: 'i' signed, 'u' unsigned, 'f' float bits,
 * 'd' double bits, 'p' pointer, 's' index into strs (string literals). */
typedef struct GlslPrintf {
  bool is_assert; /* a failed assert: fmt is "file:line: function: Assertion `x` failed."
                     and the six values are the block and thread index */
  char *fmt;
  char *types;
  char **strs;
  int nstrs;
} GlslPrintf;

typedef struct GlslKernelInfo {
  int static_shared;     /* bytes of __shared__ variables */
  int dyn_shared_offset; /* byte offset of extern __shared__ memory */
  unsigned features;     /* GLSL_F_* */
  int frame_bytes;       /* scratch bytes per thread (0: none) */
  GlslPrintf *printfs;   /* malloc'd (glsl_info_free) */
  int nprintfs;
} GlslKernelInfo;
void glsl_info_free(GlslKernelInfo *info);
int glsl_param_offset(const KFunc *k, int i);
int glsl_globals_offset(const KFunc *k);
/* One kernel's shader, or NULL with file:line:col errors naming what the
 * Vulkan target cannot express. */
char *emit_glsl_kernel(const KModule *m, const KFunc *k, GlslKernelInfo *info, CwDiags *d);
/* What the Vulkan device lacks, for emit_glsl_kernel_for: without Int64
 * every address is a uvec2 (GL_EXT_buffer_reference_uvec2, push
 * constants of the same layout) and a 64-bit integer in the kernel is
 * reported at its line; without Float64 so is a double; without 8/16-bit
 * integers and storage those are emulated (src/emit/glsl_narrow.c). */
typedef struct GlslTarget {
  bool no_int64, no_float64;
  bool no_int8, no_int16; /* char/short held in int/uint, memory through 32-bit words */
  bool no_float16;        /* __half held in float, rounded to half (glsl_half.c) */
  /* what the device has beyond the baseline: atomicAdd on float (double)
   * in buffers (VK_EXT_shader_atomic_float); without, a CAS loop */
  bool float_add32, float_add64;
} GlslTarget;
char *emit_glsl_kernel_for(const KModule *m, const KFunc *k, const GlslTarget *target,
                           GlslKernelInfo *info, CwDiags *d);
/* For `cuwasm transpile`: CUWASM_GLSL_LACKS=int64,float64,int8,int16,float16
 * writes the shaders the Vulkan backend writes for a device without those
 * features (SwiftShader); unset, for a device with all of them. */
GlslTarget glsl_target_from_env(void);
/* Every kernel's shader, one after another, for reading
 * (`cuwasm transpile --target glsl`). */
char *emit_glsl(const KModule *m, CwDiags *d);
/* Compiles GLSL to SPIR-V with glslangValidator (or glslc) found on PATH;
 * false with the reason (tool missing, compiler messages) in err. */
bool glsl_to_spirv(const char *glsl, unsigned char **spv, size_t *n, char *err, size_t errn);
/* Decorates every float add/sub/mul NoContraction (glsl_nocontract.c), so
 * drivers round as the CPU backend does; false on a malformed module. */
bool spirv_no_contraction(unsigned char **spv, size_t *n);
/* half_bits.c: v as IEEE binary16 bits (round to nearest even; NaN: 0x7fff) */
unsigned emit_half_bits(double v);

/* The helper (cw_add64, cw_lt64s, ...) that computes op on 64-bit integers
 * held as two 32-bit words, shared by the GLSL and WGSL emitters
 * (int64_pairs.c); NULL for an operator without one.  *swap: pass the
 * operands the other way round; *negate: negate the result. */
const char *int64_pair_helper(KOp op, bool is_signed, bool *swap, bool *negate);

#endif
