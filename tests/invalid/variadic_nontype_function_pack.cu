// expect: 5:32: non-type template parameter packs of function templates are not supported
// Non-type packs work for class templates (`template <int... Is> struct
// seq`); a function template with one is refused at its declaration.
template <int... Is>
__device__ __forceinline__ int sum() { return (Is + ... + 0); }

__global__ void k(int *out) { out[0] = sum<1, 2, 3>(); }
