// expect: 11:5: 'goto' in the scope of a variable with a destructor ('g') is not supported in device code
// Destructors run when a block ends, on return, break and continue; a goto
// inside the scope of an object with a destructor could leave that scope,
// which cuwasm does not lower yet, so it is refused rather than skipping
// the destructor.
struct Guard { int *p; __device__ ~Guard() { *p += 1; } };

__global__ void k(int *out) {
  {
    Guard g{out};
    goto done;
  }
done:
  out[1] = 0;
}
