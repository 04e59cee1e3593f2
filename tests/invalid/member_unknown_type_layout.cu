// expect: 10:30: kernel parameter has incomplete type 'Config' (its member at
// A class whose data member has a type device code does not know: its
// layout is unknown, so passing it to a kernel by value is refused with
// the member's position, instead of reading a truncated struct.
struct Config {
  int n;
  unknown_handle_t handle;
  float scale;
};
__global__ void scale(Config c, float *x) { x[threadIdx.x] *= c.scale * c.n; }
