// ==== kernel variadicKernel ====
// not emitted: cannot tell which buffer the pointer passed to 'report<int, int>' points into

