// expect: 6:29: only constructors take base initializers
// A member-initializer list after a function that is not a constructor:
// there is no object to initialise (the front end used to dereference a
// missing `this` here; found by fuzz_parse).
struct P { int x; };
__device__ int twice(int v) : x(v) { return 2 * v; }
