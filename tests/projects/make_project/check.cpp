// check.cpp — plain C++ in the same program: verifies the results.
#include <cstdio>
// (no CUDA header: plain C++ files of a CMake project see none)
int check(const float *h, int n, float a, float b, float c);

int check(const float *h, int n, float a, float b, float c) {
  int bad = 0;
  for (int i = 0; i < n; i++) {
    float want = ((float)i * a + b) * c;
    if (h[i] != want && bad++ < 5) std::printf("x[%d] = %g, want %g\n", i, h[i], want);
  }
  return bad;
}
