// expect: 12:3: cannot jump from switch statement to this case label: the jump bypasses the initialization of 'g', which has a destructor
// A case label after a declaration of an object with a destructor, in the
// same scope: the switch would jump past its construction and still
// destroy it at the end of the scope.  C++ forbids it (clang and nvcc say
// so too).
struct Guard { int *p; __device__ ~Guard() { *p += 1; } };

__global__ void k(int *out, int c) {
  switch (c) {
  case 0:
    Guard g{out};
  case 1:
    out[1] = 2;
  }
}
