/*
 * test_pp.c — unit tests of the lexer and the preprocessor.
 *
 * Each check runs a snippet through lex_file or preprocess with in-memory
 * include files (opt.read_file) and compares the output, re-spelled as
 * text with one space between tokens, or the diagnostics, rendered as
 * "line:col: level: message" lines.  Prints "N passed, N failed" last and
 * exits non-zero on any failure.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "front/token.h"

static int passed, failed;

static void check(int line, const char *what, const char *exp,
                  const char *got) {
  if (got && !strcmp(exp, got)) {
    passed++;
    return;
  }
  failed++;
  printf("line %d: %s\n  expected: [%s]\n  got:      [%s]\n", line, what, exp,
         got ? got : "(null)");
}

#define ASSERT_STR(exp, got) check(__LINE__, #got, exp, got)
#define ASSERT(exp, got)                                                    \
  do {                                                                      \
    char e_[64], g_[64];                                                    \
    snprintf(e_, sizeof e_, "%lld", (long long)(exp));                      \
    snprintf(g_, sizeof g_, "%lld", (long long)(got));                      \
    check(__LINE__, #got, e_, g_);                                          \
  } while (0)

/* ---- harness ------------------------------------------------------------ */

static const char *mem_names[32], *mem_texts[32];
static int mem_n;

static void mem_file(const char *name, const char *text) {
  mem_names[mem_n] = name;
  mem_texts[mem_n++] = text;
}

static const char *mem_read(void *ctx, const char *path, size_t *size) {
  (void)ctx;
  for (int i = 0; i < mem_n; i++)
    if (!strcmp(mem_names[i], path)) {
      *size = strlen(mem_texts[i]);
      return mem_texts[i];
    }
  return NULL;
}

static Arena arena;
static CwDiags diags;
static PPOptions opt;
static char outbuf[1 << 16], diagbuf[1 << 16];
static Token *last;

static void reset(void) {
  arena_free(&arena);
  diags_free(&diags);
  arena_init(&arena);
  diags_init(&diags);
  memset(&opt, 0, sizeof opt);
  opt.read_file = mem_read;
  opt.cuda_include_dir = "/cw";
  mem_n = 0;
}

static const char *spell(Token *t) {
  size_t n = 0;
  outbuf[0] = 0;
  for (; t && t->kind != TK_EOF; t = t->next) {
    const char *fmt = t->kind == TK_PRAGMA ? "%s#pragma(%s)" : "%s%s";
    n += (size_t)snprintf(outbuf + n, sizeof outbuf - n, fmt, n ? " " : "",
                          t->spelling);
    if (n >= sizeof outbuf) break;
  }
  return outbuf;
}

static const char *diag_text(void) {
  static const char *lv[] = {"error", "warning", "note"};
  size_t n = 0;
  diagbuf[0] = 0;
  for (int i = 0; i < diags.len && n < sizeof diagbuf; i++)
    n += (size_t)snprintf(diagbuf + n, sizeof diagbuf - n, "%s%d:%d: %s: %s",
                          i ? "\n" : "", diags.items[i].loc.line,
                          diags.items[i].loc.col, lv[diags.items[i].level],
                          diags.items[i].msg);
  return diagbuf;
}

/* Preprocesses src as "main.cu" (options already set); returns spelling. */
static const char *run(const char *src) {
  SrcFile *f = srcfile_new(&arena, "dir/main.cu", src, strlen(src));
  last = preprocess(&arena, &diags, f, &opt);
  return spell(last);
}

static const char *pp(const char *src) {
  reset();
  return run(src);
}

/* Output of src, or its diagnostics when there are any. */
static const char *pp_diag(const char *src) {
  pp(src);
  return diag_text();
}

static Token *lex(const char *src) {
  reset();
  SrcFile *f = srcfile_new(&arena, "l.cu", src, strlen(src));
  return last = lex_file(&arena, &diags, f);
}

static Token *nth(Token *t, int n) {
  while (n-- > 0 && t->kind != TK_EOF) t = t->next;
  return t;
}

/* ---- lexer --------------------------------------------------------------- */

static void test_lex_punct(void) {
  ASSERT_STR("a :: b -> c ... <<= >>= ## # .* ->* >> <= != && || ++",
             spell(lex("a::b->c...<<=>>=###.*->*>><=!=&&||++")));
  ASSERT_STR("x >> y > > z", spell(lex("x>>y> >z")));
  ASSERT_STR("a . b . . c", spell(lex("a.b..c")));
  ASSERT_STR("%= ^= |= &= -= += *= /= -- ~ ? : ; , { } [ ] ( )",
             spell(lex("%=^=|=&=-=+=*=/=--~?:;,{}[]()")));
  Token *t = lex("foo __global__ _x1");
  ASSERT(TK_IDENT, t->kind);
  ASSERT(TK_IDENT, t->next->kind);
  ASSERT(1, tok_is(t->next, "__global__"));
  ASSERT(0, tok_is(t->next, "__global"));
  ASSERT(TK_PUNCT, lex("<<=")->kind);
  ASSERT(TK_EOF, nth(lex("a b"), 2)->kind);
  ASSERT(0, diags.len);
}

static void test_lex_numbers(void) {
  Token *t = lex("42 2147483647 2147483648 9223372036854775807 "
                 "9223372036854775808 0x7fffffff 0x80000000 0xffffffffff "
                 "0xffffffffffffffff 017 0b101 1'000'000 42u 42U 42l 42L 42ul "
                 "42LU 42ll 42ULL 0x80000000u 4294967296u 4294967296 0");
  NumKind k[] = {NUM_INT,  NUM_INT,  NUM_LONG,  NUM_LONG,   NUM_ULONG,
                 NUM_INT,  NUM_UINT, NUM_LONG,  NUM_ULONG,  NUM_INT,
                 NUM_INT,  NUM_INT,  NUM_UINT,  NUM_UINT,   NUM_LONG,
                 NUM_LONG, NUM_ULONG, NUM_ULONG, NUM_LLONG, NUM_ULLONG,
                 NUM_UINT, NUM_ULONG, NUM_LONG, NUM_INT};
  uint64_t v[] = {42, 2147483647, 2147483648u, 9223372036854775807u,
                  9223372036854775808u, 0x7fffffff, 0x80000000u,
                  0xffffffffffu, 0xffffffffffffffffu, 15, 5, 1000000, 42, 42,
                  42, 42, 42, 42, 42, 42, 0x80000000u, 4294967296u,
                  4294967296u, 0};
  for (int i = 0; i < (int)(sizeof k / sizeof *k); i++, t = t->next) {
    ASSERT(TK_NUM, t->kind);
    ASSERT(k[i], t->num_kind);
    ASSERT(v[i], t->ival);
  }
  ASSERT_STR("1'000'000", nth(lex("1'000'000"), 0)->spelling);
  t = lex("1.5 1.5f 2.0F 1e3 1.5e-3 .5 1. 0x1p4 0x1.8p1 3.0L 1e+2f");
  double f[] = {1.5, 1.5, 2.0, 1e3, 1.5e-3, .5, 1., 16, 3, 3, 100};
  NumKind fk[] = {NUM_DOUBLE, NUM_FLOAT, NUM_FLOAT, NUM_DOUBLE,
                  NUM_DOUBLE, NUM_DOUBLE, NUM_DOUBLE, NUM_DOUBLE,
                  NUM_DOUBLE, NUM_LDOUBLE, NUM_FLOAT};
  for (int i = 0; i < 11; i++, t = t->next) {
    ASSERT(fk[i], t->num_kind);
    ASSERT((long long)(f[i] * 1000), (long long)(t->fval * 1000));
  }
  ASSERT(0, diags.len);
  lex("08 1.2.3 0x 12abc");
  ASSERT_STR("1:1: error: invalid numeric literal '08'\n"
             "1:4: error: invalid numeric literal '1.2.3'\n"
             "1:10: error: invalid numeric literal '0x'\n"
             "1:13: error: invalid numeric literal '12abc'",
             diag_text());
  lex("99999999999999999999");
  ASSERT_STR("1:1: error: integer literal is too large to be represented in "
             "any integer type", diag_text());
}

static void test_lex_chars_strings(void) {
  Token *t = lex("'a' '\\n' '\\t' '\\\\' '\\'' '\\\"' '\\0' '\\x41' '\\101' "
                 "'\\377' u8'a' L'b' 'ab'");
  int64_t v[] = {'a', '\n', '\t', '\\', '\'', '"', 0, 0x41, 0101, -1, 'a',
                 'b', ('a' << 8) | 'b'};
  for (int i = 0; i < 13; i++, t = t->next) {
    ASSERT(TK_CHAR, t->kind);
    ASSERT(v[i], (int64_t)t->ival);
  }
  t = lex("\"a\\tb\\n\" u8\"x\" L\"y\" u\"z\" U\"w\" \"\\x41\\102\\\"\"");
  ASSERT(TK_STR, t->kind);
  ASSERT_STR("a\tb\n", t->str);
  ASSERT(4, t->str_len);
  ASSERT_STR("\"a\\tb\\n\"", t->spelling);
  ASSERT_STR("x", t->next->str);
  ASSERT_STR("u8\"x\"", t->next->spelling);
  ASSERT_STR("y", nth(t, 2)->str);
  ASSERT_STR("z", nth(t, 3)->str);
  ASSERT_STR("w", nth(t, 4)->str);
  ASSERT_STR("AB\"", nth(t, 5)->str);
  t = lex("\"a\\0b\"");
  ASSERT(3, t->str_len);
  t = lex("R\"x(a\"b)x\" c");
  ASSERT_STR("a\"b", t->str);
  ASSERT_STR("c", t->next->spelling);
  ASSERT(0, diags.len);
}

static void test_lex_locations(void) {
  Token *t = lex("a b\n\tc  d\n  e");
  ASSERT(1, t->loc.line);
  ASSERT(1, t->loc.col);
  ASSERT(1, t->at_bol);
  ASSERT(0, t->has_space);
  ASSERT(3, t->next->loc.col);
  ASSERT(0, t->next->at_bol);
  ASSERT(1, t->next->has_space);
  t = nth(t, 2);
  ASSERT(2, t->loc.line);
  ASSERT(2, t->loc.col);
  ASSERT(1, t->at_bol);
  ASSERT(5, t->next->loc.col);
  ASSERT(3, t->next->next->loc.line);
  ASSERT(3, t->next->next->loc.col);
  /* splices: tokens join, lines still count */
  t = lex("ab\\\ncd x\n y\\\r\n z /* \n */ w");
  ASSERT_STR("abcd x y z w", spell(t));
  ASSERT(1, t->loc.line);
  ASSERT(2, t->next->loc.line);
  ASSERT(4, t->next->loc.col);
  ASSERT(3, nth(t, 2)->loc.line);
  ASSERT(4, nth(t, 3)->loc.line);
  ASSERT(2, nth(t, 3)->loc.col);
  ASSERT(5, nth(t, 4)->loc.line);
  ASSERT(0, nth(t, 4)->at_bol);
  t = lex("a // c1\n/* c2 */ b");
  ASSERT(1, t->next->at_bol);
  ASSERT(1, t->next->has_space);
}

static void test_lex_errors(void) {
  lex("a /* open\n b");
  ASSERT_STR("1:3: error: unterminated /* comment", diag_text());
  lex("x = \"abc\ny");
  ASSERT_STR("1:5: error: missing terminating '\"' character", diag_text());
  ASSERT_STR("y", nth(last, 3)->spelling);
  lex("x = 'a\n");
  ASSERT_STR("1:5: error: missing terminating ' character", diag_text());
  lex("a @ b ` \x01 \\ c");
  ASSERT_STR("1:3: error: stray '@' in program\n"
             "1:7: error: stray '`' in program\n"
             "1:9: error: stray '\\001' in program\n"
             "1:11: error: stray '\\' in program",
             diag_text());
  ASSERT_STR("c", nth(last, 6)->spelling);
}

/* ---- macros --------------------------------------------------------------- */

static void test_object_macros(void) {
  ASSERT_STR("1 + 2", pp("#define A 1 + 2\nA"));
  ASSERT_STR("x", pp("#define A B\n#define B x\nA"));
  ASSERT_STR("A", pp("#define A A\nA"));
  ASSERT_STR("B + A", pp("#define A B + A\n#define B A\nB"));
  ASSERT_STR("1 A 2", pp("#define A 1 A 2\nA"));
  ASSERT_STR("", pp("#define E\nE E"));
  ASSERT_STR("1 f", pp("#define g f\n#define f(x) x\ng (1) f"));
  ASSERT_STR("A", pp("#define A 1\n#undef A\nA"));
  ASSERT_STR("", diag_text());
  ASSERT_STR("", pp_diag("#define A 1\n#define A 1\n#define F(x) x + 1\n"
                         "#define F(x) x + 1\n"));
  ASSERT_STR("2:9: warning: 'A' macro redefined",
             pp_diag("#define A 1\n#define A 2\n"));
  ASSERT_STR("2:9: warning: 'A' macro redefined",
             pp_diag("#define A 1+2\n#define A 1 + 2\n"));
}

static void test_func_macros(void) {
  ASSERT_STR("( ( 1 ) > ( 2 ) ? ( 1 ) : ( 2 ) )",
             pp("#define MAX(a,b) ((a) > (b) ? (a) : (b))\nMAX(1,2)"));
  ASSERT_STR("f", pp("#define f(x) x\nf"));
  ASSERT_STR("f + 1", pp("#define f(x) x\nf + 1"));
  ASSERT_STR("a , b", pp("#define F(x, y) x , y\nF(a,\n b)"));
  ASSERT_STR("( a , b )", pp("#define F(x) x\nF((a, b))"));
  ASSERT_STR("", pp("#define F() \nF()"));
  ASSERT_STR("[ ]", pp("#define F(x) [x]\nF()"));
  ASSERT_STR("2 * 9 * g", pp("#define f(a) a*g\n#define g(a) f(a)\n"
                             "f(2)(9)"));
  /* argument pre-expansion and rescanning */
  ASSERT_STR("1", pp("#define ONE 1\n#define ID(x) x\nID(ONE)"));
  ASSERT_STR("f ( f ( 1 ) )", pp("#define f(x) f(x)\nf(f(1))"));
  ASSERT_STR("42", pp("#define ID(x) x\n#define V 42\n#define C(f) f(V)\n"
                      "C(ID)"));
  /* C standard 6.10.3.5 example 3 (part) */
  ASSERT_STR("f ( 2 * ( y + 1 ) ) + f ( 2 * ( f ( 2 * ( z [ 0 ] ) ) ) ) % "
             "f ( 2 * ( 0 ) ) + t ( 1 ) ;",
             pp("#define x 3\n#define f(a) f(x * (a))\n#undef x\n#define x 2\n"
                "#define g f\n#define z z[0]\n#define h g(~\n#define m(a) a(w)\n"
                "#define w 0,1\n#define t(a) a\n"
                "f(y+1) + f(f(z)) % t(t(g)(0) + t)(1);"));
}

static void test_stringize_paste(void) {
  ASSERT_STR("\"a + b\"", pp("#define S(x) #x\nS( a  +   b )"));
  ASSERT_STR("\"\\\"hi\\\\n\\\" 'c'\"", pp("#define S(x) #x\nS(\"hi\\n\" 'c')"));
  Token *t = last;
  ASSERT_STR("\"hi\\n\" 'c'", t->str);
  ASSERT_STR("\"\"", pp("#define S(x) #x\nS()"));
  ASSERT_STR("ab", pp("#define P(a,b) a##b\nP(a,b)"));
  ASSERT_STR("x12", pp("#define P(a,b) a ## b\nP(x1, 2)"));
  ASSERT_STR("b", pp("#define P(a,b) a##b\nP(,b)"));
  ASSERT_STR("a", pp("#define P(a,b) a##b\nP(a,)"));
  ASSERT_STR("", pp("#define P(a,b) a##b\nP(,)"));
  ASSERT_STR("<<=", pp("#define P(a,b) a##b\nP(<<,=)"));
  ASSERT_STR("abc", pp("#define P(a,b,c) a##b##c\nP(a,b,c)"));
  ASSERT_STR("ac", pp("#define P(a,b,c) a##b##c\nP(a,,c)"));
  ASSERT_STR("foo_t", pp("#define T(n) n##_t\nT(foo)"));
  ASSERT_STR("xy", pp("#define XY xy\n#define C x ## y\nC"));
  ASSERT_STR("XY", pp("#define X(a) a\n#define C(a) a ## Y\nC(X)"));
  ASSERT_STR("\"A\"", pp("#define S(x) #x\n#define A 1\nS(A)"));
  ASSERT_STR("\"1\"", pp("#define S(x) #x\n#define X(x) S(x)\n#define A 1\n"
                         "X(A)"));
  pp("#define P(a,b) a##b\nP(+,-)");
  ASSERT_STR("2:1: error: pasting \"+\" and \"-\" does not give a valid "
             "preprocessing token", diag_text());
}

static void test_variadic(void) {
  ASSERT_STR("f ( 1 , 2 , 3 )", pp("#define F(...) f(__VA_ARGS__)\nF(1, 2, 3)"));
  ASSERT_STR("f ( x , 1 , 2 )",
             pp("#define F(a, ...) f(a, __VA_ARGS__)\nF(x, 1, 2)"));
  ASSERT_STR("f ( x )", pp("#define F(a, ...) f(a , ## __VA_ARGS__)\nF(x)"));
  ASSERT_STR("f ( x , 1 )",
             pp("#define F(a, ...) f(a , ## __VA_ARGS__)\nF(x, 1)"));
  ASSERT_STR("f ( x )", pp("#define F(a, ...) f(a __VA_OPT__(,) __VA_ARGS__)\n"
                           "F(x)"));
  ASSERT_STR("f ( x , 2 )",
             pp("#define F(a, ...) f(a __VA_OPT__(,) __VA_ARGS__)\nF(x, 2)"));
  ASSERT_STR("g ( 1 , 2 )", pp("#define F(args...) g(args)\nF(1, 2)"));
  ASSERT_STR("\"1, 2\"", pp("#define S(...) #__VA_ARGS__\nS(1, 2)"));
  ASSERT_STR("", pp_diag("#define F(a, ...) a\nF(1)"));
}

static void test_builtins(void) {
  ASSERT_STR("3", pp("\n\n__LINE__"));
  ASSERT_STR("\"dir/main.cu\"", pp("__FILE__"));
  ASSERT_STR("dir/main.cu", last->str);
  ASSERT_STR("0 1 2", pp("__COUNTER__ __COUNTER__ __COUNTER__"));
  ASSERT_STR("3", pp("#define L __LINE__\n\nL"));
  ASSERT_STR("4", pp("#define F(x) x\nF(\n\n__LINE__)"));
  ASSERT(TK_STR, pp("__DATE__ __TIME__") == NULL ? 0 : last->kind);
  ASSERT_STR("1 1 1 1 13 0 0 800 201703L 1 8 4 8 8 1",
             pp("__CUDACC__ __NVCC__ __CUWASM__ __STDC_HOSTED__ "
                "__CUDACC_VER_MAJOR__ __CUDACC_VER_MINOR__ __CUDACC_VER_BUILD__ "
                "__CUDA_ARCH__ __cplusplus __LP64__ __CHAR_BIT__ "
                "__SIZEOF_INT__ __SIZEOF_LONG__ __SIZEOF_POINTER__ __LP64__"));
  reset();
  opt.cuda_arch = 750;
  ASSERT_STR("750", run("__CUDA_ARCH__"));
  reset();
  opt.host_pass = true;
  ASSERT_STR("__CUDA_ARCH__ 1", run("__CUDA_ARCH__ __CUDACC__"));
  reset();
  const char *defs[] = {"X", "Y=2", "Z=a b", "F(a)=a+1", "W"};
  const char *undefs[] = {"W", "__NVCC__"};
  opt.defines = defs, opt.n_defines = 5;
  opt.undefs = undefs, opt.n_undefs = 2;
  ASSERT_STR("1 2 a b 3 + 1 W __NVCC__", run("X Y Z F(3) W __NVCC__"));
}

static void test_macro_errors(void) {
  /* as clang: too few at the ')', too many at the first extra argument */
  ASSERT_STR("2:4: error: macro 'F' requires 2 arguments, but only 1 given",
             pp_diag("#define F(a,b) a\nF(1)"));
  ASSERT_STR("2:7: error: macro 'F' passed 3 arguments, but takes just 2",
             pp_diag("#define F(a,b) a\nF(1,2,3)"));
  ASSERT_STR("2:3: error: macro 'F' passed 1 arguments, but takes just 0",
             pp_diag("#define F() a\nF(1)"));
  /* a miscounted invocation stands for `0`, so no "expected expression" follows */
  ASSERT_STR("x = 0 ;", pp("#define F(a,b) a\nx = F(1);"));
  ASSERT_STR("2:1: error: unterminated argument list invoking macro 'F'",
             pp_diag("#define F(a) a\nF(1, (2)"));
  ASSERT_STR("1:14: error: '#' is not followed by a macro parameter",
             pp_diag("#define F(a) #b\n"));
  ASSERT_STR("", pp_diag("#define O #b\n"));
  ASSERT_STR("1:11: error: '##' cannot appear at either end of a macro "
             "expansion", pp_diag("#define A ## b\n"));
  ASSERT_STR("1:13: error: '##' cannot appear at either end of a macro "
             "expansion", pp_diag("#define A b ##\n"));
  ASSERT_STR("1:9: error: macro name must be an identifier",
             pp_diag("#define 3 x\n"));
  ASSERT_STR("1:2: error: macro name must be an identifier",
             pp_diag("#define\n"));
  ASSERT_STR("1:8: error: macro name must be an identifier",
             pp_diag("#undef \"x\"\n"));
  ASSERT_STR("1:9: error: \"defined\" cannot be used as a macro name",
             pp_diag("#define defined 1\n"));
  ASSERT_STR("1:8: error: \"defined\" cannot be used as a macro name",
             pp_diag("#undef defined\n"));
  /* expansions point at the outermost macro name */
  pp("#define A B\n#define B x y\n  A");
  ASSERT(3, last->loc.line);
  ASSERT(3, last->loc.col);
  ASSERT(3, last->next->loc.col);
  pp("#define F(a) + a\n F(\n  q)");
  ASSERT(2, last->loc.line);
  ASSERT(2, last->loc.col);
  ASSERT(3, last->next->loc.line); /* arguments keep their own place */
  ASSERT(3, last->next->loc.col);
}

/* ---- conditionals ----------------------------------------------------------- */

static void test_conditionals(void) {
  ASSERT_STR("a", pp("#if 1\na\n#else\nb\n#endif"));
  ASSERT_STR("b", pp("#if 0\na\n#else\nb\n#endif"));
  ASSERT_STR("c", pp("#if 0\na\n#elif 0\nb\n#elif 1\nc\n#else\nd\n#endif"));
  ASSERT_STR("b", pp("#if 0\na\n#elif 1\nb\n#elif 1\nc\n#endif"));
  ASSERT_STR("y", pp("#define X\n#ifdef X\ny\n#endif\n#ifndef X\nn\n#endif"));
  ASSERT_STR("e", pp("#if 0\n#if 1\nx\n#else\ny\n#endif\n#else\ne\n#endif"));
  ASSERT_STR("k", pp("#if 0\n#bogus\n#error no\n don't \"x\n@\n#endif\nk"));
  ASSERT_STR("", diag_text());
  ASSERT_STR("t", pp("#define A 2\n#if A == 2 && defined(A) && defined A\nt\n"
                     "#endif"));
  ASSERT_STR("t", pp("#if !defined(B) && !defined B\nt\n#endif"));
  ASSERT_STR("z", pp("#ifdef X\n#elifdef Y\n#elifndef Z\nz\n#endif"));
}

static const char *if_val(const char *expr) {
  static char src[512];
  snprintf(src, sizeof src, "#if %s\n1\n#else\n0\n#endif", expr);
  pp(src);
  if (diags.len) return diag_text();
  return spell(last);
}

static void test_if_expr(void) {
  ASSERT_STR("1", if_val("1 + 2 * 3 == 7"));
  ASSERT_STR("1", if_val("(1 + 2) * 3 == 9"));
  ASSERT_STR("1", if_val("10 / 3 == 3 && 10 % 3 == 1"));
  ASSERT_STR("1", if_val("1 << 4 == 16 && 256 >> 4 == 16"));
  ASSERT_STR("1", if_val("-1 < 0"));
  ASSERT_STR("0", if_val("-1 < 0u"));
  ASSERT_STR("1", if_val("0xffffffffffffffff == -1"));
  ASSERT_STR("1", if_val("~0 == -1 && !0 && !!5"));
  ASSERT_STR("1", if_val("(3 & 5) == 1 && (3 | 5) == 7 && (3 ^ 5) == 6"));
  ASSERT_STR("1", if_val("1 ? 2 : 3") );
  ASSERT_STR("1", if_val("(0 ? 2 : 3) == 3"));
  ASSERT_STR("1", if_val("(1, 2) == 2"));
  ASSERT_STR("1", if_val("2 >= 2 && 2 <= 2 && 3 > 2 && 1 != 2"));
  ASSERT_STR("0", if_val("UNKNOWN"));
  ASSERT_STR("1", if_val("true && !false"));
  ASSERT_STR("1", if_val("'a' == 97 && '\\377' < 0"));
  ASSERT_STR("1", if_val("0 && 1 / 0 || 1"));
  ASSERT_STR("1", if_val("1 || 1 / 0"));
  ASSERT_STR("1", if_val("1 ? 1 : 1 / 0"));
  ASSERT_STR("1", if_val("__CUDA_ARCH__ >= 700"));
  ASSERT_STR("1", if_val("9223372036854775807 + 0 > 0"));
  ASSERT_STR("1", if_val("18446744073709551615u / 2 == 9223372036854775807"));
  ASSERT_STR("1", if_val("__has_include(\"inc.h\") == 0"));
  ASSERT_STR("1:7: error: division by zero in preprocessor expression",
             if_val("1 / 0"));
  ASSERT_STR("1:7: error: division by zero in preprocessor expression",
             if_val("1 % 0"));
  ASSERT_STR("1:2: error: #if with no expression", if_val(""));
  ASSERT_STR("1:7: error: missing binary operator before token \"2\"",
             if_val("1 2"));
  ASSERT_STR("1:5: error: missing ')' in expression", if_val("(1 + 2"));
  ASSERT_STR("1:5: error: floating constant in preprocessor expression",
             if_val("1.5"));
  /* __has_include */
  reset();
  mem_file("dir/inc.h", "");
  mem_file("/cw/cuda.h", "");
  ASSERT_STR("1 1 0 1", run("#if __has_include(\"inc.h\")\n1\n#endif\n"
                            "#if __has_include(<cuda.h>)\n1\n#endif\n"
                            "#if __has_include(<nope.h>)\n1\n#else\n0\n#endif\n"
                            "#define H <cuda.h>\n"
                            "#if defined(__has_include) && __has_include(H)\n1\n"
                            "#endif"));
}

static void test_cond_errors(void) {
  ASSERT_STR("1:1: error: unterminated conditional directive",
             pp_diag("#if 1\na\n"));
  ASSERT_STR("1:1: error: unterminated conditional directive",
             pp_diag("#if 0\n  #ifdef X\n#endif\n"));
  ASSERT_STR("1:2: error: #else without #if", pp_diag("#else\n"));
  ASSERT_STR("1:2: error: #elif without #if", pp_diag("#elif 1\n"));
  ASSERT_STR("1:2: error: #endif without #if", pp_diag("#endif\n"));
  ASSERT_STR("3:2: error: #else after #else",
             pp_diag("#if 1\n#else\n#else\n#endif\n"));
  ASSERT_STR("3:2: error: #elif after #else",
             pp_diag("#if 0\n#else\n#elif 1\n#endif\n"));
  ASSERT_STR("1:2: error: invalid preprocessing directive #foo",
             pp_diag("#foo bar\n"));
  ASSERT_STR("", pp_diag("#\n# \n#ident \"x\"\n"));
  ASSERT_STR("1:2: error: #error stop here now",
             pp_diag("#error stop here  now\n"));
}

/* ---- directives ---------------------------------------------------------------- */

static void test_diag_directives(void) {
  ASSERT_STR("1:2: error: #error stop \"x\" 1", pp_diag("#error stop \"x\" 1\n"));
  ASSERT_STR("1:3: warning: #warning careful", pp_diag("# warning careful\n"));
  ASSERT_STR("1:2: error: #error ", pp_diag("#error\n"));
  ASSERT(1, diags.errors);
  ASSERT_STR("a", pp("#warning w\na"));
}

static void test_pragma(void) {
  ASSERT_STR("#pragma(unroll 4) for", pp("#pragma unroll 4\nfor"));
  ASSERT_STR("#pragma(unroll)", pp("#pragma unroll\n"));
  ASSERT_STR("#pragma(nounroll)", pp("#pragma nounroll\n"));
  ASSERT_STR("#pragma(omp parallel for)", pp("#pragma   omp  parallel \t for\n"));
  ASSERT_STR("#pragma(unroll 8)", pp("#define N 8\n#pragma unroll N\n"));
  ASSERT(TK_PRAGMA, last->kind);
  ASSERT(2, last->loc.line);
  ASSERT_STR("a #pragma(unroll 2) b", pp("a _Pragma(\"unroll 2\") b"));
  ASSERT_STR("#pragma(unroll 3) x",
             pp("#define U(n) _Pragma(\"unroll \" #n)\n#define V _Pragma(\"unroll 3\")\nV x"));
  ASSERT_STR("", pp("#pragma once\n"));
}

static void test_line(void) {
  pp("#line 100\na\nb");
  ASSERT(100, last->loc.line);
  ASSERT(101, last->next->loc.line);
  pp("#line 7 \"foo.cu\"\n__LINE__ __FILE__ x");
  ASSERT_STR("7 \"foo.cu\" x", spell(last));
  ASSERT_STR("foo.cu", srcloc_file(nth(last, 2)->loc)->name);
  ASSERT_STR("5", pp("# 5 \"gen.c\"\n__LINE__"));
}

static void test_strings_concat(void) {
  pp("\"ab\" \"cd\" u8\"e\" x \"f\"");
  ASSERT_STR("abcde", last->str);
  ASSERT(5, last->str_len);
  ASSERT_STR("\"ab\" \"cd\" u8\"e\" x \"f\"", spell(last));
  ASSERT(TK_IDENT, last->next->kind);
  pp("#define S \"x\"\n\"a\" S");
  ASSERT_STR("ax", last->str);
  pp("1.5f 0x10 'c'");
  ASSERT(NUM_FLOAT, last->num_kind);
  ASSERT(16, last->next->ival);
  ASSERT('c', last->next->next->ival);
}

/* ---- includes ---------------------------------------------------------------- */

static void test_includes(void) {
  reset();
  mem_file("dir/a.h", "int a;\n");
  mem_file("inc/b.h", "#include \"c.h\"\nb\n");
  mem_file("inc/c.h", "c\n");
  mem_file("/cw/cuda_fp16.h", "half\n");
  mem_file("/cw/device/stdint.h", "shim_stdint\n");
  const char *dirs[] = {"inc"};
  opt.include_dirs = dirs, opt.n_include_dirs = 1;
  ASSERT_STR("int a ; c b half shim_stdint x",
             run("#include \"a.h\"\n#include <b.h>\n#include <cuda_fp16.h>\n"
                 "#include <stdint.h>\nx"));
  Token *t = nth(last, 3);
  ASSERT_STR("inc/c.h", srcloc_file(t->loc)->name);
  ASSERT(1, t->loc.line);
  ASSERT_STR("", diag_text());
  /* computed include */
  reset();
  mem_file("dir/m.h", "m\n");
  ASSERT_STR("m", run("#define H \"m.h\"\n#include H\n"));
  reset();
  mem_file("/cw/sys.h", "s\n");
  ASSERT_STR("s", run("#define H <sys.h>\n#include H\n"));
  /* device pass: system headers are empty; host pass: errors */
  ASSERT_STR("x", pp("#include <stdio.h>\n#include <vector>\n#include "
                     "<sys/time.h>\n#include <omp.h>\nx"));
  ASSERT_STR("", diag_text());
  ASSERT_STR("1:10: error: 'nosuch.h' file not found",
             pp_diag("#include \"nosuch.h\"\n"));
  ASSERT_STR("1:10: error: 'nosuch_zz.h' file not found",
             pp_diag("#include <nosuch_zz.h>\n"));
  reset();
  opt.host_pass = true;
  run("#include <stdio.h>\n");
  ASSERT_STR("1:10: error: 'stdio.h' file not found", diag_text());
}

static void test_include_once(void) {
  reset();
  mem_file("dir/o.h", "#pragma once\no\n");
  mem_file("dir/g.h", "// guard\n#ifndef G_H\n#define G_H\ng\n#endif\n");
  mem_file("dir/n.h", "n\n");
  ASSERT_STR("o g n n", run("#include \"o.h\"\n#include \"o.h\"\n"
                            "#include \"g.h\"\n#include \"g.h\"\n"
                            "#include \"n.h\"\n#include \"n.h\"\n"));
  reset();
  mem_file("dir/g.h", "#ifndef G_H\n#define G_H\ng\n#endif\n");
  ASSERT_STR("g g", run("#include \"g.h\"\n#undef G_H\n#include \"g.h\"\n"
                        "#include \"g.h\"\n"));
  /* recursion is bounded */
  reset();
  mem_file("dir/r.h", "r\n#include \"r.h\"\n");
  run("#include \"r.h\"\n");
  ASSERT(1, diags.errors);
  ASSERT(1, strstr(diag_text(), "#include nested too deeply") != NULL);
  /* per-file conditional checks */
  reset();
  mem_file("dir/u.h", "#if 1\nu\n");
  mem_file("dir/e.h", "#endif\n");
  run("#include \"u.h\"\n#if 1\n#include \"e.h\"\n#endif\n");
  ASSERT_STR("1:1: error: unterminated conditional directive\n"
             "1:2: error: #endif without #if", diag_text());
  ASSERT_STR("dir/u.h", srcloc_file(diags.items[0].loc)->name);
}

static void test_implicit_runtime(void) {
  reset();
  mem_file("/cw/cuda_runtime.h", "rt\n#define RT 1\n");
  opt.implicit_cuda_runtime = true;
  ASSERT_STR("rt 1", run("RT"));
  reset();
  opt.implicit_cuda_runtime = true;
  ASSERT_STR("x", run("x"));
  ASSERT(0, diags.len);
}

static void test_robustness(void) {
  /* exponential expansion is cut off, not hung */
  pp("#define a0 x x\n#define a1 a0 a0\n#define a2 a1 a1\n#define a3 a2 a2\n"
     "#define a4 a3 a3\n#define a5 a4 a4\n#define a6 a5 a5\n#define a7 a6 a6\n"
     "#define a8 a7 a7\n#define a9 a8 a8\n#define b0 a9 a9\n#define b1 b0 b0\n"
     "#define b2 b1 b1\n#define b3 b2 b2\n#define b4 b3 b3\n#define b5 b4 b4\n"
     "#define b6 b5 b5\n#define b7 b6 b6\n#define b8 b7 b7\n#define b9 b8 b8\n"
     "#define c0 b9 b9\n#define c1 c0 c0\n#define c2 c1 c1\nc2");
  ASSERT(1, diags.errors);
  ASSERT(1, strstr(diag_text(), "too large") != NULL);
  /* max_errors stops collecting, nothing else */
  reset();
  diags.max_errors = 3;
  run("@ @ @ @ @ @\n#foo\n#bar\n");
  ASSERT(3, diags.errors);
  /* deep nesting in #if */
  static char deep[8000];
  strcpy(deep, "#if ");
  for (int i = 0; i < 2000; i++) strcat(deep, "(");
  strcat(deep, "1\n#endif\n");
  pp(deep);
  ASSERT(1, diags.errors);
}

static void test_perf(void) {
  const char *line = "  out[i] = a[i] * 2.0f + b[idx] - (x >> 3); // c\n";
  size_t ll = strlen(line), n = 1000000;
  char *src = malloc(ll * n + 64);
  strcpy(src, "#define N 4\n");
  size_t off = strlen(src);
  for (size_t i = 0; i < n; i++) memcpy(src + off + i * ll, line, ll);
  src[off + n * ll] = 0;
  reset();
  clock_t c0 = clock();
  SrcFile *f = srcfile_new(&arena, "big.cu", src, strlen(src));
  Token *t = preprocess(&arena, &diags, f, &opt);
  double s = (double)(clock() - c0) / CLOCKS_PER_SEC;
  long count = 0;
  for (; t->kind != TK_EOF; t = t->next) count++;
  printf("perf: 1M lines, %ld tokens in %.3f s\n", count, s);
  ASSERT(23000000, count);
  free(src);
}

int main(int argc, char **argv) {
  test_lex_punct();
  test_lex_numbers();
  test_lex_chars_strings();
  test_lex_locations();
  test_lex_errors();
  test_object_macros();
  test_func_macros();
  test_stringize_paste();
  test_variadic();
  test_builtins();
  test_macro_errors();
  test_conditionals();
  test_if_expr();
  test_cond_errors();
  test_diag_directives();
  test_pragma();
  test_line();
  test_strings_concat();
  test_includes();
  test_include_once();
  test_implicit_runtime();
  test_robustness();
  if (argc > 1 && !strcmp(argv[1], "--perf")) test_perf();
  reset();
  arena_free(&arena);
  diags_free(&diags);
  printf("%d passed, %d failed\n", passed, failed);
  return failed != 0;
}
