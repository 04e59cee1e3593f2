/*
 * string.h — device-pass shim (cuwasm).
 *
 * Intentionally empty: nothing from this header is available in device code
 * beyond what sema already knows as builtins (e.g. abs, min, max).  The
 * header exists so that kernels which include it still preprocess.
 */
