// expect: 11:18: deducing the parameter pack 'Ts' of 'count' from a class template's arguments is not supported in device code
// Variadic class templates work in device code, but a function template
// whose pack is deduced from a class template's arguments (the
// `f(std::index_sequence<Is...>)` idiom) is not supported yet: the call
// says so instead of a bare "no matching function".
template <typename... Ts> struct Tuple { int n; };
template <typename... Ts> __device__ int count(const Tuple<Ts...> &) { return sizeof...(Ts); }

__global__ void k(int *out) {
  Tuple<int, float> t;
  out[0] = count(t);
}
