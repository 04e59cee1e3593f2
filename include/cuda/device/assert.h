/*
 * assert.h — device-pass shim (cuwasm).
 *
 * No include guard, as the C standard asks: each inclusion redefines assert
 * according to whether NDEBUG is defined at that point.  A failed assertion
 * reaches the runtime through the __cuwasm_assert builtin, which reports
 * "file:line: func: Assertion `expr` failed." and makes the launch fail with
 * cudaErrorAssert, as on a GPU.
 */
#undef assert
#ifdef NDEBUG
#define assert(e) ((void)0)
#else
#define assert(e) __cuwasm_assert((e), #e, __FILE__, __LINE__, __func__)
#endif
