/*
 * test_front.c — unit tests of the front end through the public API:
 * C conversion rules, overload resolution (builtins and user functions),
 * templates (deduction, defaults, explicit instantiation, instantiation by
 * name), constant evaluation, CUDA qualifiers, host-code skipping, loop
 * hints and multi-error recovery.  Each case compiles a small source and
 * looks for the exact KIR that the rule implies (chibicc-style ASSERT).
 * Also: the parser giving the main file's tokens back (parse_release.c)
 * while templates, default member initializers and the device source still
 * find theirs, and the arena's resets and lent pages (base.c) handing out
 * zeroed memory.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "api/program.h"
#include "base/base.h"
#include "cuwasm.h"

static int passed, failed;

#define ASSERT(cond, what)                                                \
  do {                                                                    \
    if (cond) {                                                           \
      passed++;                                                           \
    } else {                                                              \
      failed++;                                                           \
      fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, what);      \
    }                                                                     \
  } while (0)

/* compiles src; returns the KIR dump (caller frees) or NULL on errors,
 * with the rendered diagnostics in *diag_text when asked */
static char *kir_of(const char *src, int *errors, char **diag_text) {
  cw_diags *d = cw_diags_new();
  cw_program *p = NULL;
  char *text = NULL;
  if (cw_compile_source("t.cu", src, strlen(src), NULL, d, &p) == CW_OK)
    cw_program_emit(p, "kir", d, &text);
  if (errors) *errors = cw_diags_error_count(d);
  if (diag_text) *diag_text = cw_diags_render(d);
  cw_program_free(p);
  cw_diags_free(d);
  return text;
}

static void expect_kir(const char *src, const char *needle, const char *what) {
  char *diag = NULL;
  char *k = kir_of(src, NULL, &diag);
  bool ok = k && strstr(k, needle);
  if (!ok) fprintf(stderr, "---- %s\nsource: %s\nkir:\n%s\ndiagnostics:\n%s\n", what, src,
                   k ? k : "(none)", diag ? diag : "");
  ASSERT(ok, what);
  free(k);
  free(diag);
}

static void expect_error(const char *src, const char *needle, const char *what) {
  char *diag = NULL;
  int errors = 0;
  char *k = kir_of(src, &errors, &diag);
  bool ok = !k && errors > 0 && diag && strstr(diag, needle);
  if (!ok) fprintf(stderr, "---- %s\nsource: %s\ndiagnostics:\n%s\n", what, src, diag ? diag : "");
  ASSERT(ok, what);
  free(k);
  free(diag);
}

static void test_conversions(void) {
  expect_kir("__global__ void k(unsigned *o, int i) { *o = *o + i; }",
             "add.u32(load(%o), cvt.u32(%i))", "int converts to unsigned in mixed arithmetic");
  expect_kir("__global__ void k(int *o, char a, char b) { *o = a + b; }",
             "add.i32(cvt.i32(%a), cvt.i32(%b))", "char operands promote to int");
  expect_kir("__global__ void k(long long *o, long long a, unsigned b) { *o = a * b; }",
             "mul.i64(%a, cvt.i64(%b))", "unsigned int converts to long long");
  expect_kir("template <typename T> struct Id;\ntemplate <> struct Id<unsigned long long> { enum { v = 7 }; };\n"
             "__global__ void k(int *o, unsigned long a, long long b) { *o = Id<decltype(a + b)>::v; }",
             "(load(%o) = 7)", "unsigned long + long long is unsigned long long");
  expect_kir("template <typename T> struct Id;\ntemplate <> struct Id<unsigned long> { enum { v = 5 }; };\n"
             "__global__ void k(int *o) { *o = Id<decltype(sizeof(int))>::v; }",
             "(load(%o) = 5)", "sizeof gives size_t, unsigned long on LP64");
  expect_kir("__global__ void k(double *o, float a, double b) { *o = a - b; }",
             "sub.f64(cvt.f64(%a), %b)", "float converts to double");
  expect_kir("__global__ void k(float *o, int a) { *o = a / 2; }",
             "cvt.f32(div.i32(%a, 2))", "integer division stays integer until stored");
  expect_kir("__global__ void k(unsigned *o) { *o = -1; }", "4294967295u",
             "negative constant converted to unsigned at compile time");
  expect_kir("__global__ void k(bool *o, float *p) { *o = p; }", "ne.bool(%p",
             "pointer to bool is a comparison with null");
}

static void test_overloads(void) {
  expect_kir("__global__ void k(float *o, float x) { *o = max(x, 0); }", "fmaxf(%x, 0:f32)",
             "max(float, int) picks the float overload");
  expect_kir("__global__ void k(unsigned *o, unsigned a, unsigned b) { *o = min(a, b); }",
             "min(%a, %b)", "min(unsigned, unsigned)");
  expect_kir("__global__ void k(double *o, double x) { *o = sqrt(x); }", "sqrt(%x)",
             "sqrt(double) is the double version");
  expect_kir("__global__ void k(float *o, float x) { *o = sqrt(x); }", "sqrtf(%x)",
             "sqrt(float) is the float overload");
  expect_kir("__device__ int f(int x) { return 1; }\n__device__ int f(float x) { return 2; }\n"
             "__global__ void k(int *o) { *o = f(1.5f); }",
             "call @f_1(", "user overload on float chosen for a float argument");
  expect_kir("__global__ void k(unsigned *c) { atomicAdd(c, 1); }", "atomicAdd(%c, 1u)",
             "atomicAdd(unsigned*, int) converts the value");
  expect_error("__device__ void f(int a, int b) {}\n__global__ void k() { f(1); }",
               "too few arguments to function call", "argument count checked");
  /* long and long long: two types of one size */
  expect_kir("__device__ int f(long x) { return 1; }\n__device__ int f(long long x) { return 2; }\n"
             "__global__ void k(int *o, long long v) { *o = f(v); }",
             "call @f_1(", "f(long long) chosen over f(long) for a long long argument");
  expect_kir("__device__ int f(long x) { return 1; }\n__device__ int f(long long x) { return 2; }\n"
             "__global__ void k(int *o) { *o = f(3L); }",
             "call @f(", "f(long) chosen for a long literal");
  expect_error("__global__ void k(unsigned long *c) { atomicAdd(c, 1ul); }",
               "no matching function for call to 'atomicAdd' with argument types ('unsigned long *', "
               "'unsigned long')", "atomicAdd has no unsigned long overload");
  expect_error("__global__ void k(long long *c) { atomicAdd(c, 1ll); }",
               "no matching function for call to 'atomicAdd'", "atomicAdd has no long long overload");
  expect_kir("__global__ void k(long *c) { atomicMin((long long *)c, 1L); }", "atomicMin(",
             "a cast pointer reaches the long long overload");
  expect_error("__device__ void f(long *p) {}\n__global__ void k(long long *q) { f(q); }",
               "'long long *'", "no implicit conversion from long long * to long *");
}

static void test_templates(void) {
  expect_kir("template <typename T> __device__ T twice(T x) { return x + x; }\n"
             "__global__ void k(float *o) { *o = twice(*o); }",
             "func @twice_float \"twice<float>\"", "function template deduced from a float");
  expect_kir("template <typename T, int B = 128> __global__ void r(T *x) { x[0] = B; }\n"
             "template __global__ void r<float>(float *);",
             "kernel @r_float_128 \"r<float, 128>\"", "default template argument in explicit instantiation");
  expect_kir("template <int N> struct Tile { float v[N]; };\n"
             "__global__ void k(float *o) { Tile<4> t; t.v[3] = 1.0f; *o = t.v[3]; }",
             "struct %Tile<4> size 16", "class template with a non-type parameter");
  expect_kir("template <typename T> struct Acc { T s; __device__ void add(T x) { s += x; } };\n"
             "__global__ void k(float *o) { Acc<float> a; a.s = 0; a.add(*o); *o = a.s; }",
             "call @Acc_float_add(addr(%a), load(%o))", "member function with explicit this");
  expect_error("template <typename T> struct V { T x; };\n__global__ void k() { V<int, 2> v; }",
               "too many template arguments for 'V'", "template argument count checked");

  /* instantiation by name after compilation (kernels launched from host code) */
  const char *src = "template <typename T, int S> __global__ void scale(T *x) { x[0] *= S; }\n";
  cw_diags *d = cw_diags_new();
  cw_program *p = NULL;
  ASSERT(cw_compile_source("t.cu", src, strlen(src), NULL, d, &p) == CW_OK, "template-only file compiles");
  ASSERT(cw_program_kernel_count(p) == 0, "no kernel before instantiation");
  ASSERT(cw_program_instantiate(p, "scale<float, 3>", d) == CW_OK, "instantiate by name");
  ASSERT(cw_program_kernel_count(p) == 1, "one kernel after instantiation");
  ASSERT(!strcmp(cw_program_kernel_name(p, 0), "scale<float, 3>"), "kernel keeps its C++ name");
  ASSERT(cw_program_instantiate(p, "nosuch<int>", d) != CW_OK, "unknown template rejected");
  cw_diags *d2 = cw_diags_new();
  ASSERT(cw_program_instantiate(p, "scale<long, 2>", d2) == CW_OK, "instantiate with long");
  ASSERT(cw_program_instantiate(p, "scale<long long, 2>", d2) == CW_OK, "instantiate with long long");
  ASSERT(cw_program_kernel_count(p) == 3, "long and long long instances are two kernels");
  char *msg = cw_diags_render(d2);
  if (msg && *msg) fprintf(stderr, "%s\n", msg);
  free(msg);
  cw_diags_free(d2);
  cw_program_free(p);
  cw_diags_free(d);
}

static void test_constants(void) {
  expect_kir("constexpr int sq(int x) { return x * x; }\n"
             "__global__ void k(float *o) { __shared__ float s[sq(4)]; s[0] = 1; *o = s[0]; }",
             "%s: [16 x f32] shared", "constexpr function sizes an array");
  expect_kir("enum Mode { A = 3, B };\n__global__ void k(int *o) { *o = B; }", "= 4)",
             "enumerator values continue");
  expect_error("static_assert(sizeof(double) == 4, \"eight bytes\");", "static_assert failed",
               "static_assert evaluates sizeof");
  expect_kir("#define N 8\n__constant__ float c[N * 2];\n__global__ void k(float *o) { *o = c[15]; }",
             "constant @c: [16 x f32]", "__constant__ array sized by a macro expression");
}

static void test_cuda(void) {
  expect_kir("__global__ void __launch_bounds__(256, 2) k(float *o) { o[threadIdx.x] = 0; }",
             "launch_bounds(256, 2)", "__launch_bounds__ recorded");
  expect_kir("extern __shared__ float dyn[];\n__global__ void k(float *o) { o[0] = dyn[0]; }",
             "shared extern @dyn: [? x f32]", "dynamic shared memory");
  expect_kir("__global__ void k(float *o) { __syncthreads(); __syncwarp(); }",
             "barrier.block;\n  barrier.warp(4294967295u);", "barriers become statements");
  expect_kir("__global__ void k(float *o) {\n#pragma unroll 4\n for (int i = 0; i < 8; i++) o[i] = 0; }",
             "for unroll(4)", "#pragma unroll N carried to KIR");
  expect_kir("#include <vector>\n__global__ void k(float *o) { o[0] = 1; }\n"
             "int main() { std::vector<int> v(3); k<<<1, 1>>>(nullptr); return v.size(); }",
             "kernel @k(", "host code with the STL is skipped");
  expect_error("__global__ int k() { return 0; }", "__global__ function must have a void return type",
               "kernels return void");
  expect_error("__global__ void k() { __shared__ int s = 1; }",
               "initializer not allowed for __shared__ variable", "__shared__ initializer rejected");
}

static void test_virtual(void) {
  const char *shapes =
      "struct B { __device__ virtual int f() const { return 1; } __device__ virtual ~B() {} };\n"
      "struct D : B { __device__ int f() const override { return B::f() + 1; } };\n"
      "__global__ void k(B *b, int *o) { o[0] = b->f(); delete b; }\n";
  expect_kir(shapes, "device @cw_vtable_B: [3 x void*] = {cvt.void*(0:i64), cvt.void*(fnaddr @B_f), cvt.void*(fnaddr @B_dtor)}",
             "vtable slots of the base, in declaration order");
  expect_kir(shapes, "cw_vtable_D: [3 x void*] = {cvt.void*(0:i64), cvt.void*(fnaddr @D_f)",
             "an override takes its base's slot");
  expect_kir(shapes, "icall cvt.(fn(const %B*) -> i32)*(load(%__tmp", "a call through B* is virtual");
  expect_kir(shapes, "add.i32(call @B_f(", "B::f() names the base's function: a direct call");
  expect_kir(shapes, "(load(%self).__base0.__vptr = cvt.void**(addr(@cw_vtable_D[1])))",
             "the implicit constructor stores the vtable");
  expect_kir("struct P { __device__ virtual int f() const { return 1; } };\n"
             "struct Q : P { __device__ int f() const { return this->P::f() + 1; } };\n"
             "__global__ void k(Q *q, int *o) { o[0] = q->P::f(); }",
             "return add.i32(call @P_f(addr(load(%self).__base0)), 1);",
             "this->P::f() is a direct call of P's function");
  expect_kir("struct P { __device__ virtual int f() const { return 1; } };\n"
             "struct Q : P { __device__ int f() const { return 2; } };\n"
             "__global__ void k(int *o) { Q q; P sliced = q; o[0] = sliced.f() + q.f(); }",
             "add.i32(call @P_f(addr(%sliced)), call @Q_f(addr(%q)))",
             "a named object's virtual functions are called directly");
  expect_kir("struct A { int a; };\nstruct B { int b; };\nstruct C : A, B { };\n"
             "__global__ void k(C *c, B *b, int *o) { B *p = o[0] ? c : b; o[1] = p->b; }",
             "select(ne.bool(%o[0], 0), select(ne.bool(%c, cvt.%C*global(0:i64)), "
             "cvt.%B*global(addr(load(%c).__base1)), cvt.%B*global(0:i64)), %b)",
             "c ? Derived* : Base* converts the Derived* to Base*");
  expect_kir("struct A { __device__ virtual void g() = 0; };\n"
             "__global__ void k(A *a) { a->g(); }",
             "{cvt.void*(0:i64), cvt.void*(fnaddr @cw_pure_virtual_called)}", "a pure virtual slot traps");
  expect_kir("__device__ int inc(int &x) { return ++x; }\n"
             "__global__ void k(int *o) { int (*f)(int &) = &inc; int v = 1; o[0] = (*f)(v); }",
             "icall %f(addr(%v))", "a reference parameter through a pointer gets the address");
  expect_kir("__device__ float h(float x) { return x; }\n"
             "__device__ float (*table[2])(float) = {h, h};\n__global__ void k(float *o) { o[0] = table[1](2.f); }",
             "device @table: [2 x (fn(f32) -> f32)*] = {[0]=fnaddr @h, [1]=fnaddr @h}",
             "an array of pointers to functions with its initializer");
  expect_kir("struct A { __device__ virtual int f() { return 0; } };\n"
             "struct B { __device__ virtual int g() { return 0; } };\n"
             "struct C : A, B { __device__ int g() { return 1; } };\n__global__ void k(C *c, int *o) { o[0] = c->g(); }",
             "device @cw_vtable_B_in_C: [2 x void*] = {cvt.void*(-8:i64), cvt.void*(fnaddr @cw_thunk_B_C_g)}",
             "a second polymorphic base gets a table of thunks with its offset");
  expect_kir("struct R { int *p; __device__ ~R() { *p = 1; } };\n"
             "__global__ void k(int *o) { { R r; r.p = o; } o[1] = 0; }",
             "(%r.p = cvt.i32*(%o));\n    call @R_dtor(addr(%r));\n  }",
             "a local's destructor runs at the end of its block");
  expect_error("struct R { int *p; __device__ ~R() { *p = 1; } };\n"
               "__global__ void k(int *o) { { R r; r.p = o; goto L; } L: o[1] = 0; }",
               "t.cu:2:45: error: 'goto' in the scope of a variable with a destructor ('r')",
               "a goto that may leave the scope of a local with a destructor is diagnosed");
  expect_error("__device__ int f(int) { return 0; }\n__device__ int f(float) { return 1; }\n"
               "__global__ void k(int *o) { int (*p)(int) = f; o[0] = p(0); }",
               "taking the address of overloaded function 'f' is not supported", "overload sets have no one address");
}

static void test_recovery(void) {
  char *diag = NULL;
  int errors = 0;
  char *k = kir_of("__global__ void k(int *o) {\n  int a = nope1;\n  int b = nope2;\n  break;\n}\n",
                   &errors, &diag);
  ASSERT(!k && errors == 3, "three independent errors reported in one run");
  ASSERT(diag && strstr(diag, "t.cu:4:3: error: 'break' statement not in loop"),
         "third error at its line and column");
  free(k);
  free(diag);
}

/* the C++ the interval and hadamard programs needed */
static void test_cpp_rules(void) {
  expect_kir("struct S { int v[2]; __device__ const int &get() const { return v[0]; }\n"
             "  __device__ int &get() { return v[1]; } };\n"
             "__global__ void k(int *o) { S s; s.get() = 1; const S &c = s; *o = c.get(); }",
             "(load(call @S_get_1(addr(%s))) = 1)", "a non-const object calls the non-const overload");
  expect_kir("struct S { int v[2]; __device__ const int &get() const { return v[0]; }\n"
             "  __device__ int &get() { return v[1]; } };\n"
             "__global__ void k(int *o) { S s; const S &c = s; *o = c.get(); }",
             "load(call @S_get(", "a const object calls the const overload");
  expect_kir("__device__ float two() { return 2.0f; }\n"
             "__global__ void k(float *o) { const float &r = two(); *o = r; }",
             "addr(%__tmp", "a const reference binds to a temporary");
  expect_kir("__global__ void k(double *o, float *f) { const double &r = f[0]; *o = r; }",
             "= cvt.f64(%f[0])), addr(%__tmp", "a const reference to another scalar type converts");
  expect_error("__device__ float two() { return 2.0f; }\n"
               "__global__ void k(float *o) { float &r = two(); *o = r; }",
               "non-const lvalue reference cannot bind to a temporary", "a non-const one does not");
  expect_kir("template <int N> __device__ int down(int x) { return x <= 0 ? 0 : 1 + down<N>(x - N); }\n"
             "__global__ void k(int *o) { *o = down<2>(*o); }",
             "call @down_2(sub.i32(%x, 2))", "a function template instance calls itself");
  expect_kir("template <int N> __device__ int pick(const int *x) {\n"
             "  if constexpr (N == 4) { return x[3]; } else { return undeclared_in_this_branch(x); }\n}\n"
             "__global__ void k(int *o) { *o = pick<4>(o); }",
             "func @pick_4", "if constexpr does not instantiate the discarded branch");
  expect_kir("struct B { unsigned short x; __device__ operator float() const { return x; } };\n"
             "__global__ void k(float *o, B *b) { *o = float(b[0]); }",
             "call @B_conv", "a functional cast uses the conversion function");
  expect_kir("template <int N> struct T { static constexpr int M = min(N * 4, 32); int v[M]; };\n"
             "__global__ void k(int *o) { T<16> t; t.v[31] = 1; *o = t.v[31]; }",
             "size 128", "min in a constant expression");
  expect_kir("__global__ void k(double *o) { *o = nan(\"\"); }", "nan(\"\")", "nan(const char *)");
}

static int count(const char *hay, const char *needle) {
  int n = 0;
  for (const char *s = hay; (s = strstr(s, needle)); s += strlen(needle)) n++;
  return n;
}

/* Thousands of plain kernels (their tokens go: the file is over the
 * 256 KiB from which compile.c lets them go), with a template, a struct
 * with a default member initializer and a macro that reorders its
 * arguments among them, all used after the tokens around them went. */
static void test_token_release(void) {
  enum { N = 2400 };
  size_t cap = (size_t)N * 200 + 4096;
  char *src = malloc(cap);
  size_t n = (size_t)snprintf(src, cap,
                              "#define SWAPPED(a, b) ((b) - (a))\n"
                              "template <typename T> __device__ T twice(T x) { return x + x; }\n"
                              "struct Init { int v = 7; };\n");
  for (int i = 0; i < N; i++) {
    n += (size_t)snprintf(src + n, cap - n,
                          "__global__ void k_%d(float *a, int n) {\n"
                          "  int i = blockIdx.x * blockDim.x + threadIdx.x;\n"
                          "  if (i < n) a[i] = a[i] * %d.0f + SWAPPED(i, n);\n}\n", i, i);
    if (i == N / 2)
      n += (size_t)snprintf(src + n, cap - n,
                            "template <typename T> __global__ void scale(T *a) { a[0] = twice(a[0]); }\n");
  }
  n += (size_t)snprintf(src + n, cap - n,
                        "__global__ void last(int *o) { Init s; *o = s.v + twice(3); }\n");
  cw_diags *d = cw_diags_new();
  cw_program *p = NULL;
  ASSERT(cw_compile_source("release.cu", src, n, NULL, d, &p) == CW_OK, "the release test compiles");
  if (!p) {
    char *r = cw_diags_render(d);
    fprintf(stderr, "%s\n", r);
    free(r);
  } else {
    ASSERT(cw_program_tokens_released(p), "the parser gave tokens back");
    ASSERT(cw_program_instantiate(p, "scale<double>", d) == CW_OK,
           "a template instantiated by name after its neighbours' tokens went");
    char *kir = NULL;
    cw_program_emit(p, "kir", d, &kir);
    ASSERT(kir && strstr(kir, "k_399") && strstr(kir, "scale<double>"), "every kernel is in the KIR");
    /* the same KIR as a compilation that keeps every token */
    cw_program *kept = NULL;
    char *kept_kir = NULL;
    if (cw_compile_source_keeping_tokens("release.cu", src, n, NULL, d, &kept) == CW_OK &&
        cw_program_instantiate(kept, "scale<double>", d) == CW_OK)
      cw_program_emit(kept, "kir", d, &kept_kir);
    ASSERT(kept && !cw_program_tokens_released(kept), "a compilation keeping its tokens");
    ASSERT(kir && kept_kir && !strcmp(kir, kept_kir), "the same KIR with and without releasing tokens");
    free(kept_kir);
    cw_program_free(kept);
    free(kir);
    char *dev = NULL;
    ASSERT(cw_program_device_source(p, &dev) == CW_OK && dev, "the device source after a release");
    ASSERT(dev && count(dev, "__global__") == N + 2, "the device source has every kernel");
    ASSERT(dev && strstr(dev, "k_399") && strstr(dev, "struct Init"), "... and the rest");
    free(dev);
  }
  cw_program_free(p);
  cw_diags_free(d);
  free(src);
}

/* The parser's scratch arena goes back to a mark after each function
 * body: what was there before stays, and what is handed out again is
 * zeroed, across block boundaries and big requests alike. */
static void test_arena_reset(void) {
  Arena a;
  arena_init(&a);
  int *before = arena_alloc(&a, sizeof *before);
  *before = 42;
  ArenaMark m = arena_mark(&a);
  char *first = arena_alloc(&a, 100);
  memset(first, 0x5a, 100);
  for (int i = 0; i < 3000; i++) memset(arena_alloc(&a, 1000), 0x5a, 1000); /* several blocks */
  memset(arena_alloc(&a, 200000), 0x5a, 200000); /* a big request's own block */
  arena_reset(&a, m);
  char *again = arena_alloc(&a, 100);
  ASSERT(again == first, "the memory after the mark is handed out again");
  bool zero = true;
  for (int i = 0; i < 100; i++) zero &= again[i] == 0;
  for (int i = 0; i < 50; i++) {
    char *q = arena_alloc(&a, 1000);
    for (int j = 0; j < 1000; j++) zero &= q[j] == 0;
  }
  ASSERT(zero, "and zeroed, as arena_alloc promises");
  ASSERT(*before == 42, "what came before the mark stays");
  ArenaMark empty = {0};
  arena_reset(&a, empty);
  int *fresh = arena_alloc(&a, sizeof *fresh);
  ASSERT(fresh == before && *fresh == 0, "a mark of the empty arena keeps the first block, zeroed");
  arena_free(&a);
}

/* Pages one arena gives back (arena_release) go to the arena it lends to,
 * which zeroes them a step at a time as it hands them out (zero_ahead):
 * every allocation, small ones, ones past the step and ones bigger than a
 * step, comes out zeroed, and from the lent pages first. */
static void test_arena_lend(void) {
  Arena from, to;
  arena_init(&from);
  arena_init(&to);
  char *keep = arena_alloc(&from, 16);
  enum { CHUNK = 1000, N = 3000 }; /* 3 MB: blocks of 256 KiB and 8 MiB */
  char *lo = NULL, *hi = NULL, *low = NULL, *high = NULL; /* blocks lie anywhere */
  for (int i = 0; i < N; i++) {
    char *c = arena_alloc(&from, CHUNK);
    memset(c, 0x5a, CHUNK);
    if (i == 0) lo = low = high = c;
    hi = c;
    if (c < low) low = c;
    if (c > high) high = c;
  }
  arena_lend(&from, &to);
  ASSERT(arena_release(&from, lo, hi), "the pages between lo and hi are given back");
  bool zero = true, lent = false;
  size_t sizes[] = {24, 40 * 1024, 8, 100 * 1024, 64, 5000};
  for (int i = 0; i < 600; i++) {
    size_t n = sizes[i % 6];
    unsigned char *q = arena_alloc(&to, n);
    lent |= (char *)q >= low && (char *)q < high;
    for (size_t j = 0; j < n; j++) zero &= q[j] == 0;
    memset(q, 0xa5, n);
  }
  ASSERT(lent, "the borrower allocates in the lent pages");
  ASSERT(zero, "and each allocation there is zeroed");
  ASSERT(keep[0] == 0, "what the lender kept stays");
  arena_free(&to); /* first: it lies in the lender's memory */
  arena_free(&from);
}

int main(void) {
  test_arena_reset();
  test_arena_lend();
  test_conversions();
  test_overloads();
  test_templates();
  test_constants();
  test_cuda();
  test_virtual();
  test_recovery();
  test_cpp_rules();
  test_token_release();
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
