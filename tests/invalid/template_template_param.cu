// expect: 6:11: template template parameters are not supported
// Variadic class templates and packs work in device code; a template
// template parameter (`template <class> class C`) does not yet, and says
// so at the parameter.
template <typename T> struct Box { T v; };
template <template <typename> class C, typename T> __device__ T unbox(C<T> c) { return c.v; }

__global__ void k(int *out) {
  Box<int> b{3};
  out[0] = unbox(b);
}
