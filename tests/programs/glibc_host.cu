// Host code written against glibc, as Rodinia's is: <error.h>'s error(),
// and struct timeval with no <sys/time.h> (glibc's <stdlib.h> declares it
// on the side).  A web build, whose C library is musl, gets both from
// cuwasm (src/compat/web/glibc/error.h, a forced <sys/time.h>).
#include "common.h"
#include <cstdlib>
#include <error.h>

__global__ void stamp(long long *out, long long sec, long long usec) { *out = sec * 1000000 + usec; }

int main() {
  struct timeval tv = {12, 345678};
  long long *d, h = 0;
  CHECK(cudaMalloc(&d, sizeof h));
  stamp<<<1, 1>>>(d, tv.tv_sec, tv.tv_usec);
  CHECK(cudaMemcpy(&h, d, sizeof h, cudaMemcpyDeviceToHost));
  CHECK(cudaFree(d));
  error(0, 0, "glibc_host: error() with status 0 prints and returns (%lld)", h);
  return verdict("glibc_host", h != 12345678);
}
