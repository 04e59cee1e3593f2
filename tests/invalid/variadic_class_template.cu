// expect: 12:3: use of undeclared identifier 'Tuple' (its declaration at 7:34 was taken for host code: variadic class templates are not supported)
// A variadic class template used by a kernel: cuwasm does not support
// them yet.  The declaration carries no CUDA marker, so it is taken for
// host code and dropped; the use in device code says why the name is
// unknown, pointing at the declaration, instead of a bare "undeclared
// identifier".
template <typename... Ts> struct Tuple;
template <> struct Tuple<> {};
template <typename T, typename... Ts> struct Tuple<T, Ts...> : Tuple<Ts...> { T head; };

__global__ void k(int *out) {
  Tuple<int, float> t;
  t.head = 1;
  out[0] = t.head;
}
