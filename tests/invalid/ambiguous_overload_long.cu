// expect: 13:12: call to 'widen' is ambiguous: candidates 'widen(long)'
// An int converts to long and to long long with the same rank, so C++
// (and nvcc) find neither overload better; taking the first declared
// would silently pick one.  A short argument is not ambiguous between
// int and long (promotion beats conversion): `pick` below must compile.
__device__ long widen(long v) { return v; }
__device__ long long widen(long long v) { return v * 2; }
__device__ int pick(int v) { return v; }
__device__ long pick(long v) { return v * 2; }

__global__ void k(long long *out, int i, short s) {
  out[0] = pick(s);
  out[1] = widen(i);
}
